"""The inline pieces of one page: links to other generated pages and to sentences, and short table cells.

Links between generated pages are the built pages' relative URLs (`SiteMap.url`), since MkDocs
does not rewrite links inside raw HTML.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .briefing import Briefing, PositionEntry, speaker_name
from .html import QUOTE_MARKS, HeldBlocks, link, muted, text, title_text
from .people import person_key
from .pictures import tone_of
from .urls import SiteMap

if TYPE_CHECKING:
    from mkdocs_factsheet import FactSheet
    from mkdocs_factsheet.model import Span


class Inline:
    """Inline HTML for one page (`here`, a src_uri), linking relative to it; the base of the renderers."""

    def __init__(self, briefing: Briefing, site: SiteMap, here: str):
        self.briefing = briefing
        self.site = site
        self.here = here
        self.held = HeldBlocks()  # the HTML blocks held back from Markdown (see `html`)

    # -- links ----------------------------------------------------------------------------------------

    def url(self, kind: str, key: str = "", anchor: str | None = None) -> str | None:
        """The URL of a generated page from this one, as the built site has it (MkDocs leaves links in HTML alone)."""
        page = self.site.get(kind, key)
        if page is None:
            return None
        return self.site.url(self.here, page.src_uri, anchor)

    def party(self, party_id: str | None, anchor: str | None = None) -> str:
        """The party's name, linked to its page when it has one (`—` for no party)."""
        if not party_id:
            return "—"
        return link(text(self.briefing.party_name(party_id)), self.url("party", party_id, anchor))

    def issue(self, issue_id: str, anchor: str | None = None) -> str:
        """The issue's title, linked to its page when it has one."""
        return link(text(self.briefing.issue_title(issue_id)), self.url("issue", issue_id, anchor))

    def person(self, name: str) -> str:
        """A person's name, linked to their page when they have one."""
        return link(text(name), self.url("person", person_key(name)))

    def article(self, sheet: FactSheet) -> str:
        """The article's title (shortened), linked to its page when it has one."""
        return link(title_text(sheet.article.title), self.url("article", sheet.article.id))

    def sentence(self, sheet: FactSheet, offset: int, label: str | None = None) -> str:
        """A link to the sentence holding `offset` on the article's page."""
        number = self.briefing.sentence_number(sheet, offset)
        if number is None:
            return ""
        return link(label or f"sentence {number}", self.url("article", sheet.article.id, f"s-{number}"))

    def sentences(self, sheet: FactSheet, spans: Iterable[Span], limit: int = 12) -> str:
        """Compact links to the distinct sentences some spans are in: `1, 4, 7 …`."""
        found = (self.briefing.sentence_number(sheet, s.start) for s in spans)
        numbers = list(dict.fromkeys(n for n in found if n))
        shown = [link(str(n), self.url("article", sheet.article.id, f"s-{n}")) for n in numbers[:limit]]
        if len(numbers) > limit:
            shown.append("…")
        return ", ".join(shown)

    @staticmethod
    def fact_link(target: str, title: str) -> str:
        """A link from a fact of the sheet to its highlighted span in the article text."""
        return f' <a class="factsheet-fact-link" href="#{target}" title="{title}">in text</a>'

    # -- cells ----------------------------------------------------------------------------------------

    @staticmethod
    def date(sheet: FactSheet) -> str:
        """The article's date as written (never broken across lines), `—` when it has none."""
        return f'<span class="factsheet-date">{text(sheet.article.date)}</span>' if sheet.article.date else "—"

    def quote(self, entry: PositionEntry) -> str:
        """The quoted content of a position, with a link to its sentence."""
        position = entry.position
        where = self.sentence(entry.sheet, entry.offset)
        content = position.content.text.strip().rstrip(",").strip(QUOTE_MARKS).rstrip(",").strip()
        body = f"“{text(content, limit=400)}”"
        return f'<span class="factsheet-quote">{body}{f" ({where})" if where else ""}</span>'

    def speaker(self, entry: PositionEntry) -> str:
        """Who spoke, linked to their page; with the words of the text when they name the speaker otherwise (a
        pronoun, a role)."""
        speaker = entry.position.speaker
        name = self.person(speaker_name(speaker))
        mention, actor = speaker.text.casefold(), (speaker.actor or "").casefold()
        if actor and mention not in actor and actor not in mention:  # a pronoun or a role noun
            name += " " + muted(text(speaker.text, limit=60))
        return name

    def stance(self, stance: str | None) -> str:
        """The label of a stance (`Stated` for a plain statement: a fact like any other, not greyed out)."""
        return text(self.briefing.stance_label(stance))

    @staticmethod
    def kind(entry: PositionEntry) -> str:
        """Direct or indirect, and the type of the position unless it is a plain statement."""
        position = entry.position
        return text(position.kind if position.type == "statement" else f"{position.kind} {position.type}")

    # -- tones and rule sources -----------------------------------------------------------------------

    def tone(self, stance: str | None) -> str:
        """The tone (family of stances) a stance id belongs to, after the rules."""
        return tone_of(stance, self.briefing.rules)

    def rule_source(self, kind: str, rule_id: str) -> str | None:
        """Where a rule is defined, `file:line`, with project files shown relative to the project."""
        source = self.briefing.rules.source_of(kind, rule_id)
        if source is None:
            return None
        if source.pack is not None:
            return str(source)
        path = self.site.shown(str(source.path))
        return f"{path}:{source.line}" if source.line else path
