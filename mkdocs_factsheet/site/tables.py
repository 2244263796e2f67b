"""The tables of facts: positions, evidence, the parts of one article's fact sheet, and their "why?" details."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .briefing import Evidence, PositionEntry
from .html import muted, note, paragraph, plural, table, text, text_in_context
from .inline import Inline

if TYPE_CHECKING:
    from mkdocs_factsheet import FactSheet
    from mkdocs_factsheet.model import Affiliation, IssueFacts, IssueMention, PartyFacts, Span

WHY_HEAD = '<span class="factsheet-why-head">Why</span>'  # the column of "why?" details (hidden in print)

POSITION_HEADERS = {
    "number": "#",
    "n": "#",
    "date": "Date",
    "article": "Article",
    "speaker": "Speaker",
    "party": "Party",
    "stance": "Stance",
    "issues": "Issues",
    "kind": "Kind",
    "quote": "Quote",
    "why": WHY_HEAD,
}


class Tables(Inline):
    """Tables of positions and evidence, and the fact sheet of one article, for one page."""

    # -- positions ------------------------------------------------------------------------------------

    def positions_table(self, entries: list[PositionEntry], *, columns: Sequence[str]) -> str:
        """A table of positions; columns among those of `POSITION_HEADERS` (`number`: the article's own page)."""
        rows = [[self._position_cell(entry, column, columns) for column in columns] for entry in entries]
        return table([POSITION_HEADERS[c] for c in columns], rows)

    def _position_cell(self, entry: PositionEntry, column: str, columns: Sequence[str]) -> str:
        position, number = entry.position, entry.number
        if column == "number":  # anchored: `p-N` for other pages, `fact-p-N` for the highlighted text
            return f'<span id="p-{number}"></span><span id="fact-p-{number}"></span>{number}'
        if column == "n":
            return str(number)
        if column == "date":
            return self.date(entry.sheet)
        if column == "article":
            return self.article(entry.sheet)
        if column == "speaker":
            return self.speaker(entry)
        if column == "party":
            return self.party(position.speaker.party)
        if column == "stance":
            return self.stance(position.stance)
        if column == "issues":
            return ", ".join(self.issue(i) for i in position.issues) or "—"
        if column == "kind":
            return self.kind(entry)
        if column == "quote":  # on the article's own page, rows are facts linked to the highlighted text
            linked = "number" in columns
            return self.quote(entry) + (self.fact_link(f"hl-p-{number}", "the quote in the text") if linked else "")
        return self.position_why(entry)

    # -- evidence -------------------------------------------------------------------------------------

    def evidence_table(self, evidence: list[Evidence], *, with_article: bool = True, facts: bool = False) -> str:
        """Evidence rows; with `facts` (the article's own page) each row is a fact linked to its highlight."""
        rows = []
        counters: dict[str, int] = {}
        for item in evidence:
            row = [self.date(item.sheet), self.article(item.sheet)] if with_article else []
            number = self.briefing.sentence_number(item.sheet, item.mention.start)
            ref = self.sentence(item.sheet, item.mention.start, label=str(number) if number else None)
            shown = self.highlight(item.mention.sentence, item.mention.start, item.mention.end)
            if facts:
                index = counters[item.issue.id] = counters.get(item.issue.id, 0) + 1
                ref = f'<span id="fact-i-{item.issue.id}-{index}"></span>{ref or "—"}'
                shown += self.fact_link(f"hl-i-{item.issue.id}-{index}", "this mention in the text")
            parties = [p for p in item.issue.parties if self._in_sentence(item.sheet, p, item.mention.sentence)]
            row += [ref or "—", shown, ", ".join(self.party(p) for p in parties) or "—"]
            if facts:
                row.append(self.mention_why(item.issue.id, item.mention))
            rows.append(row)
        header = ["Date", "Article"] if with_article else []
        header += ["Sentence", "Evidence", "Parties"] + ([WHY_HEAD] if facts else [])
        return table(header, rows)

    @staticmethod
    def _in_sentence(sheet: FactSheet, party_id: str, sentence: Span) -> bool:
        party = sheet.party(party_id)
        return party is None or any(sentence.start <= s.start < sentence.end for s in party.spans) or not party.spans

    @staticmethod
    def highlight(sentence: Span, start: int, end: int, limit: int = 360) -> str:
        """A sentence with the piece `start:end` (article offsets) marked, long contexts shortened at a word."""
        left, right = max(start - sentence.start, 0), max(end - sentence.start, 0)
        before, middle, after = sentence.text[:left], sentence.text[left:right], sentence.text[right:]
        half = limit // 2
        if len(before) > half:
            before = "… " + before[-half:].split(" ", 1)[-1]
        if len(after) > half:
            after = after[:half].rsplit(" ", 1)[0] + " …"
        return f"{text_in_context(before)}<mark>{text(middle)}</mark>{text_in_context(after)}".strip()

    # -- the fact sheet of one article ----------------------------------------------------------------

    def article_facts(self, sheet: FactSheet, *, level: int, self_links: bool) -> list[str]:
        """Parties, positions, issues and unassigned actors of one article (the page or a marker), as blocks.

        `level` is the level of the headings (0: bold paragraphs); `self_links` makes each row a fact
        linked to its highlight in the text, with its "why?" (the article's own page).
        """

        def heading(title: str) -> str:
            return f"{'#' * level} {title}" if level else paragraph(f"<strong>{title}</strong>")

        out = [heading("Parties")]
        if sheet.parties:
            out.append(self._parties_table(sheet, self_links))
            if any(party.minor for party in sheet.parties):
                out.append(note(text("Parties marked “minor” are mentioned only in passing: once, with no actor.")))
        else:
            out.append(note("No party of the rules is named in this article."))
        out.append(heading("Positions"))
        entries = sorted(self.briefing.select(articles=[sheet.article.id]), key=lambda q: q.number)
        if entries:
            columns = ["number" if self_links else "n", "speaker", "party", "stance", "issues", "kind", "quote"]
            out.append(self.positions_table(entries, columns=columns + (["why"] if self_links else [])))
        else:
            out.append(note("No positions were found in this article."))
        out.append(heading("Issues"))
        if sheet.issues:
            for issue in sorted(sheet.issues, key=lambda i: self.briefing.issue_title(i.id).casefold()):
                out.extend(self._issue_blocks(sheet, issue, self_links))
        else:
            out.append(note("No issue of the rules is touched in this article."))
        if sheet.unassigned_actors and self_links:
            out += [heading("Unassigned actors"), *self._unassigned_actors(sheet)]
        return out

    def _parties_table(self, sheet: FactSheet, self_links: bool) -> str:
        rows = []
        for party in sheet.parties:
            actors = "<br>".join(self._actor_cell(sheet, party, self_links)) or "—"
            name = self.party(party.id) + (f" {muted('minor')}" if party.minor else "")
            row = [name, text(party.kind), str(party.mentions), self.sentences(sheet, party.spans) or "—", actors]
            if self_links:
                row[0] = f'<span id="fact-party-{party.id}"></span>{name}' + (
                    self.fact_link(f"hl-m-{party.id}-1", "the first mention in the text") if party.spans else ""
                )
                row.append(self.party_why(party))
            rows.append(row)
        return table(["Party", "Kind", "Mentions", "Sentences", "Actors"] + ([WHY_HEAD] if self_links else []), rows)

    def _actor_cell(self, sheet: FactSheet, party: PartyFacts, self_links: bool) -> list[str]:
        """One line per actor of the party: name, role and sentences (and its anchor and highlight link)."""
        first = {span.start: index for index, span in reversed(list(enumerate(party.spans, 1)))}
        cells = []
        for number, actor in enumerate(party.actors, 1):
            cell = (
                f"{text(actor.name)}"
                + (f", <em>{text(actor.role)}</em>" if actor.role else "")
                + " "
                + muted(self.sentences(sheet, actor.spans))
            )
            if self_links:
                spot = next((first[s.start] for s in actor.spans if s.start in first), None)
                cell = f'<span id="fact-actor-{party.id}-{number}"></span>{cell}'
                if spot is not None:
                    cell += self.fact_link(f"hl-m-{party.id}-{spot}", "the first mention in the text")
            cells.append(cell)
        return cells

    def _issue_blocks(self, sheet: FactSheet, issue: IssueFacts, self_links: bool) -> list[str]:
        count = muted(plural(len(issue.mentions), "mention"))
        evidence = [Evidence(sheet, issue, mention) for mention in issue.mentions]
        return [
            paragraph(f"<strong>{self.issue(issue.id)}</strong> {count}"),
            self.evidence_table(evidence, with_article=False, facts=self_links),
        ]

    def _unassigned_actors(self, sheet: FactSheet) -> list[str]:
        rows = [
            [text(a.name), text(a.label), str(a.mentions), self.sentences(sheet, a.spans) or "—"]
            for a in sheet.unassigned_actors
        ]
        return [
            '<p class="factsheet-muted">Names the language model found that no rule covers: '
            "candidates for a party's <code>members</code> or <code>aliases</code>.</p>",
            table(["Name", "Label", "Mentions", "Sentences"], rows),
        ]

    # -- why? -----------------------------------------------------------------------------------------

    @staticmethod
    def why(items: Iterable[str]) -> str:
        """A closed `<details>` listing reasons (already escaped)."""
        shown = "".join(f"<li>{item}</li>" for item in items if item)
        return f'<details class="factsheet-why"><summary>why?</summary><ul>{shown}</ul></details>' if shown else ""

    def position_why(self, entry: PositionEntry) -> str:
        """How the position was found: its pattern, the chain from the words to the party, the rules used."""
        position = entry.position
        speaker = position.speaker
        chain = f"“{text(speaker.text, limit=60)}”"
        if speaker.actor and speaker.actor.casefold() != speaker.text.casefold():
            chain += f" → {text(speaker.actor)}"
        chain += f" → {text(self.briefing.party_name(speaker.party))}" if speaker.party else " → no party"
        items = [f"<strong>Pattern</strong>: {text(position.rule)}", f"<strong>Speaker</strong>: {chain}"]
        for reason in position.why:
            if reason.startswith("speaker: "):
                items.append("<strong>Speaker</strong>: " + text(reason[len("speaker: ") :]))
            elif not reason.startswith("rule "):
                items.append(text(reason))
        if position.affiliations:  # carried across the site: where other articles say whom the speaker acts for
            label = "Articles disagree" if len({a.party for a in position.affiliations}) > 1 else "Party from"
            items.append(f"<strong>{label}</strong>: {self.affiliation_links(position.affiliations)}")
        sources = self._position_sources(entry)
        if sources:
            items.append("<strong>Rules</strong>: " + "; ".join(sources))
        return self.why(items)

    def _position_sources(self, entry: PositionEntry) -> list[str]:
        """Where the cue, the stance and the speaker's party of a position are defined."""
        position = entry.position
        sources = []
        if position.stance:
            found = re.search(r"from the cue '([^']+)'", " ".join(position.why))
            cue = self.rule_source("cue", found.group(1)) if found else None
            if found and cue:
                sources.append(f"cue {text(found.group(1))} {text(cue)}")
            stance = self.rule_source("stance", position.stance)
            if stance:
                sources.append(f"stance {text(position.stance)} {text(stance)}")
        party_id = position.speaker.party
        if party_id and (party := self.rule_source("party", party_id)):
            sources.append(f"party {text(party_id)} {text(party)}")
        return sources

    def party_why(self, party: PartyFacts) -> str:
        """The party's rule, and why each actor belongs to it."""
        source = self.rule_source("party", party.id)
        items = [f"<strong>Rule</strong>: party {text(party.id)} {text(source)}" if source else ""]
        for actor in party.actors:
            reasons = [text(w) for w in actor.why]
            if actor.affiliations:  # carried across the site: the articles that say so, linked
                reasons.append("party from " + self.affiliation_links(actor.affiliations))
            if reasons:
                items.append(f"<strong>{text(actor.name)}</strong>: " + "; ".join(reasons))
        return self.why(items)

    def affiliation_links(self, affiliations: list[Affiliation]) -> str:
        """Where other articles state a person's party: the party, the article and the sentence, linked."""
        shown = []
        for affiliation in affiliations:
            sheet = self.briefing.by_id.get(affiliation.article)
            if sheet is None:
                where = text(affiliation.article)
            else:
                sentence = self.sentence(sheet, affiliation.sentence.start)
                where = self.article(sheet) + (f", {sentence}" if sentence else "")
            shown.append(f"{self.party(affiliation.party)} ({where})")
        return "; ".join(shown)

    def mention_why(self, issue_id: str, mention: IssueMention) -> str:
        """What matched an issue mention, and the issue's rule."""
        source = self.rule_source("issue", issue_id)
        items = [
            f"<strong>Matched</strong>: {text(mention.rule)}" if mention.rule else "",
            f"<strong>Rule</strong>: issue {text(issue_id)} {text(source)}" if source else "",
        ]
        return self.why(items)
