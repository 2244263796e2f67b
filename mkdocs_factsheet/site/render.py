"""The generated pages and the markers, theme-agnostic.

A page is Markdown headings (so the theme's table of contents lists them) around blocks of HTML
that this module builds itself. Python-Markdown would spend most of a build re-reading that HTML
(its HTML block parser, then its inline patterns over every table cell), so each block is held
back in the renderer's `stash` and stands in the Markdown as a comment, `<!--mkdocs-factsheet-html:N-->`,
which the plugin swaps for the block once MkDocs has converted the page (`restore`).

Everything that comes from an article or a rule file is untrusted. It reaches a page only
through `text()` (Markdown-inert, HTML-escaped text: every character Markdown, its common
extensions, Jinja (mkdocs-macros) or our own marker syntax could act on becomes a numeric
character reference) or `href()` (an http(s) URL, percent- and HTML-escaped). Links between
generated pages are the built pages' relative URLs (`pictures.url_between`).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import TYPE_CHECKING, Callable, Iterable, Sequence
from urllib.parse import quote as percent_encode, urlsplit

from . import pictures
from .pictures import SYMBOLS, TONE_LABELS, TONES, Mark, attr, dominant_tone, parse_date, tone_of, url_between
from .highlights import Highlight, mark_up
from .briefing import Briefing, Evidence, Matrix, Quote, SiteMap, relative

if TYPE_CHECKING:
    from mkdocs_factsheet import FactSheet, Problem
    from mkdocs_factsheet.model import IssueMention, PartyFacts, Span

# Characters that Markdown, its common extensions (tables, pymdownx ==mark==, ^^ins^^, ~~del~~,
# $math$, attribute lists), Jinja (`{{ }}`, `{% %}`) or HTML (`<`, `&`, `"` in attributes) act on
# wherever they stand. Links and images need `[`; autolinks, raw HTML and our markers need `<`.
_SPECIAL = "\\`*_{}[]<>&#!|~^=$\""
_ENTITIES = {ord(char): f"&#{ord(char)};" for char in _SPECIAL}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Block syntax only acts at the start of a line: lists (`-`, `+`, `1.`), `::: ident`
# (mkdocstrings), `/// type` (pymdownx blocks), `??? note`, `: definition`…
_LINE_START = re.compile(r"^(?:[!-/:-@\[-`{-~]|\d+(?=[.)]))")


def text(value: object, *, limit: int | None = None) -> str:
    """Untrusted text as inert inline Markdown: one line, no markup, HTML-escaped.

    Special characters become numeric character references, which every Markdown flavour
    passes through as plain characters and which browsers display as the original text.
    """
    string = " ".join(_CONTROL.sub("\ufffd", str(value)).split())
    if limit is not None and len(string) > limit:
        string = string[: limit - 1].rstrip() + "…"
    lead = _LINE_START.match(string)
    if lead:
        head = "".join(f"&#{ord(c)};" for c in lead.group(0))
        return head + string[lead.end() :].translate(_ENTITIES)
    return string.translate(_ENTITIES)


def href(url: str | None) -> str | None:
    """An http(s) URL, safe inside a double-quoted HTML attribute, or None."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or _CONTROL.search(url) or " " in url:
        return None
    return html.escape(percent_encode(url, safe="/:?#[]@!$&'()*+,;=%~-._"), quote=True)


_QUOTES = "\"'“”‘’«»„"


def _edges(value: str) -> str:
    """`text()`, keeping one space where the value began or ended with whitespace."""
    if not value.strip():
        return " " if value else ""
    return (" " if value[:1].isspace() else "") + text(value) + (" " if value[-1:].isspace() else "")


def link(label: str, url: str | None, title: str | None = None) -> str:
    """An HTML link when there is somewhere to go, else just the label (both already escaped)."""
    extra = f' title="{title}"' if title else ""
    return f'<a href="{attr(url)}"{extra}>{label}</a>' if url else label


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """An HTML table as Python-Markdown's `tables` extension writes one (cells already escaped)."""
    head = "".join(f"<th>{cell}</th>" for cell in header)
    body = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def paragraph(html_text: str) -> str:
    return f"<p>{html_text}</p>"


class Markdown(str):
    """A block left to Markdown (`Renderer.blocks` holds back every other block that is not a heading)."""


_HELD = re.compile(r"<!--mkdocs-factsheet-html:(\d+)-->")


def restore(content: str, stash: Sequence[str]) -> str:
    """Put the held-back blocks into a page's HTML (or its Markdown) in place of their comments."""
    def block(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return stash[index] if index < len(stash) else match.group(0)

    return _HELD.sub(block, content)


def note(message: str, css: str = "factsheet-note") -> str:
    """A visible note as a raw HTML block; `message` must already be escaped."""
    return f'<p class="{css}">{message}</p>'


WHY_HEAD = '<span class="factsheet-why-head">Why</span>'  # the column of "why?" details (hidden in print)

HIGHLIGHT_LEGEND = (
    '<p class="factsheet-legend">In the text below: '
    '<span class="factsheet-swatch factsheet-swatch-party">party or actor</span> '
    '<span class="factsheet-swatch factsheet-swatch-quote">quoted position</span> '
    '<span class="factsheet-swatch factsheet-swatch-issue">issue mention</span>. '
    "Click a highlight to go to its fact in the sheet above (a quote by its <em>P</em> number); "
    "<em>in text</em> in the sheet leads back here.</p>"
)


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


class Renderer:
    """Renders pages and fragments for one page (`here`, a src_uri), linking relative to it."""

    def __init__(self, briefing: Briefing, site: SiteMap, here: str):
        self.b = briefing
        self.site = site
        self.here = here
        self.stash: list[str] = []  # the HTML blocks held back from Markdown (see the module's docstring)

    def hold(self, block: str) -> str:
        """Hold an HTML block back from Markdown; what stands in its place in the page."""
        self.stash.append(block)
        return f"<!--mkdocs-factsheet-html:{len(self.stash) - 1}-->"

    def blocks(self, parts: Iterable[str]) -> str:
        """Join the blocks of a page or fragment: headings and `Markdown` as they are, the rest held back."""
        return "\n\n".join(part if part.startswith("#") or isinstance(part, Markdown) else self.hold(part) for part in parts)

    # -- links --------------------------------------------------------------------------------------------

    def party(self, party_id: str | None, anchor: str | None = None) -> str:
        if not party_id:
            return "—"
        return link(text(self.b.party_name(party_id)), self.url("party", party_id, anchor))

    def issue(self, issue_id: str, anchor: str | None = None) -> str:
        return link(text(self.b.issue_title(issue_id)), self.url("issue", issue_id, anchor))

    def article(self, sheet: FactSheet) -> str:
        return link(text(sheet.article.title, limit=120), self.url("article", sheet.article.id))

    def sentence(self, sheet: FactSheet, offset: int, label: str | None = None) -> str:
        """A link to the sentence holding `offset` on the article's page."""
        number = self.b.sentence_number(sheet, offset)
        if number is None:
            return ""
        return link(label or f"sentence {number}", self.url("article", sheet.article.id, f"s-{number}"))

    def sentences(self, sheet: FactSheet, spans: Iterable[Span], limit: int = 12) -> str:
        """Compact links to the distinct sentences some spans are in: `1, 4, 7 …`."""
        numbers = list(dict.fromkeys(n for n in (self.b.sentence_number(sheet, s.start) for s in spans) if n))
        shown = [link(str(n), self.url("article", sheet.article.id, f"s-{n}")) for n in numbers[:limit]]
        if len(numbers) > limit:
            shown.append("…")
        return ", ".join(shown)

    @staticmethod
    def date(sheet: FactSheet) -> str:
        return text(sheet.article.date) if sheet.article.date else "—"

    def quote(self, quote: Quote) -> str:
        position = quote.position
        where = self.sentence(quote.sheet, quote.offset)
        content = position.content.text.strip().rstrip(",").strip(_QUOTES).rstrip(",").strip()
        body = f"“{text(content, limit=400)}”"
        return f"{body} ({where})" if where else body

    def speaker(self, quote: Quote) -> str:
        speaker = quote.position.speaker
        name = text(speaker.actor or speaker.text)
        mention, actor = speaker.text.casefold(), (speaker.actor or "").casefold()
        if actor and mention not in actor and actor not in mention:  # a pronoun or a role noun
            name += f" <span class=\"factsheet-muted\">({text(speaker.text, limit=60)})</span>"
        return name

    def stance(self, stance: str | None) -> str:
        return text(self.b.stance_label(stance)) if stance else '<span class="factsheet-muted">Stated</span>'

    def kind(self, quote: Quote) -> str:
        position = quote.position
        return text(position.kind if position.type == "statement" else f"{position.kind} {position.type}")

    # -- fragments ----------------------------------------------------------------------------------------

    def positions_table(self, quotes: list[Quote], *, columns: Sequence[str]) -> str:
        """A table of positions; columns among date, article, speaker, party, stance, issues, kind, quote."""
        headers = {
            "number": "#", "n": "#", "date": "Date", "article": "Article", "speaker": "Speaker", "party": "Party",
            "stance": "Stance", "issues": "Issues", "kind": "Kind", "quote": "Quote", "why": WHY_HEAD,
        }
        facts = "number" in columns  # the article's own page: rows are facts linked to the highlighted text
        rows = []
        for quote in quotes:
            cells = {
                # anchored: the article's page (`p-N` for other pages, `fact-N` for the highlighted text)
                "number": f'<span id="p-{quote.number}"></span><span id="fact-p-{quote.number}"></span>{quote.number}',
                "n": str(quote.number),
                "date": self.date(quote.sheet),
                "article": self.article(quote.sheet),
                "speaker": self.speaker(quote),
                "party": self.party(quote.position.speaker.party),
                "stance": self.stance(quote.position.stance),
                "issues": ", ".join(self.issue(i) for i in quote.position.issues) or "—",
                "kind": self.kind(quote),
                "quote": self.quote(quote) + (self.fact_link(f"hl-p-{quote.number}", "the quote in the text") if facts else ""),
                "why": self.position_why(quote) if "why" in columns else "",
            }
            rows.append([cells[c] for c in columns])
        return table([headers[c] for c in columns], rows)

    @staticmethod
    def fact_link(target: str, title: str) -> str:
        """A link from a fact of the sheet to its highlighted span in the article text."""
        return f' <a class="factsheet-fact-link" href="#{target}" title="{title}">in text</a>'

    def mention_why(self, issue_id: str, mention: IssueMention) -> str:
        source = self.rule_source("issue", issue_id)
        items = [f"<strong>Matched</strong>: {text(mention.rule)}" if mention.rule else "",
                 f"<strong>Rule</strong>: issue {text(issue_id)} {text(source)}" if source else ""]
        return self.why(items)

    def evidence_table(self, evidence: list[Evidence], *, with_article: bool = True, facts: bool = False) -> str:
        """Evidence rows; with `facts` (the article's own page) each row is a fact linked to its highlight."""
        rows = []
        counters: dict[str, int] = {}
        for item in evidence:
            row = [self.date(item.sheet), self.article(item.sheet)] if with_article else []
            number = self.b.sentence_number(item.sheet, item.mention.start)
            ref = self.sentence(item.sheet, item.mention.start, label=str(number) if number else None)
            if facts:
                index = counters[item.issue.id] = counters.get(item.issue.id, 0) + 1
                ref = f'<span id="fact-i-{item.issue.id}-{index}"></span>{ref or "—"}'
            parties = [p for p in item.issue.parties if self._in_sentence(item.sheet, p, item.mention.sentence)]
            shown = self.highlight(item.mention.sentence, item.mention.start, item.mention.end)
            if facts:
                shown += self.fact_link(f"hl-i-{item.issue.id}-{index}", "this mention in the text")
            row += [ref or "—", shown, ", ".join(self.party(p) for p in parties) or "—"]
            if facts:
                row.append(self.mention_why(item.issue.id, item.mention))
            rows.append(row)
        header = (["Date", "Article"] if with_article else []) + ["Sentence", "Evidence", "Parties"] + ([WHY_HEAD] if facts else [])
        return table(header, rows)

    @staticmethod
    def _in_sentence(sheet: FactSheet, party_id: str, sentence: Span) -> bool:
        party = sheet.party(party_id)
        return party is None or any(sentence.start <= s.start < sentence.end for s in party.spans) or not party.spans

    @staticmethod
    def highlight(sentence: Span, start: int, end: int, limit: int = 360) -> str:
        """A sentence with the piece `start:end` (article offsets) marked, long contexts shortened at a word."""
        a, b = max(start - sentence.start, 0), max(end - sentence.start, 0)
        before, middle, after = sentence.text[:a], sentence.text[a:b], sentence.text[b:]
        half = limit // 2
        if len(before) > half:
            before = "… " + before[-half:].split(" ", 1)[-1]
        if len(after) > half:
            after = after[:half].rsplit(" ", 1)[0] + " …"
        return f"{_edges(before)}<mark>{text(middle)}</mark>{_edges(after)}".strip()

    def matrix(self, matrix: Matrix) -> str:
        if not matrix.issues:
            return note("No party took a position on any of these issues in the articles.")
        rows = []
        for issue in matrix.issues:
            row = [self.issue(issue)]
            for party in matrix.parties:
                counts = matrix.cells.get((issue, party))
                row.append(self.matrix_cell(issue, party, counts, matrix.of_mentions) if counts else " ")
            rows.append(row)
        out = table(["Issue"] + [self.party(p) for p in matrix.parties], rows)
        if matrix.of_mentions:
            out = note("No positions were extracted from these articles yet, so the table shows which parties "
                       "are named in each issue's evidence sentences.") + "\n\n" + out
        return out

    def matrix_cell(self, issue: str, party: str, counts: Counter[str], of_mentions: bool) -> str:
        if of_mentions:
            label = f"named in {plural(counts[''], 'article')}"
            url = self.url("issue", issue, "fs-evidence")
        else:
            label = ", ".join(
                f"{text(self.b.stance_label(stance or None))} ×{count}"
                for stance, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            )
            url = self.url("issue", issue, f"party-{party}") or self.url("party", party, f"issue-{issue}")
        return link(label, url)

    def article_facts(self, sheet: FactSheet, *, level: int, self_links: bool) -> list[str]:
        """Parties, positions, issues and unassigned actors of one article (the page or a marker), as blocks."""
        def heading(title: str) -> str:
            return f"{'#' * level} {title}" if level else paragraph(f"<strong>{title}</strong>")

        out: list[str] = []
        out.append(heading("Parties"))
        if sheet.parties:
            rows = []
            for party in sheet.parties:
                first = {span.start: index for index, span in reversed(list(enumerate(party.spans, 1)))}
                actors = []
                for number, actor in enumerate(party.actors, 1):
                    cell = (f"{text(actor.name)}" + (f", <em>{text(actor.role)}</em>" if actor.role else "")
                            + f" <span class=\"factsheet-muted\">({self.sentences(sheet, actor.spans)})</span>")
                    if self_links:
                        spot = next((first[s.start] for s in actor.spans if s.start in first), None)
                        cell = f'<span id="fact-actor-{party.id}-{number}"></span>{cell}'
                        if spot is not None:
                            cell += self.fact_link(f"hl-m-{party.id}-{spot}", "the first mention in the text")
                    actors.append(cell)
                name = self.party(party.id)
                row = [name, text(party.kind), str(party.mentions), self.sentences(sheet, party.spans) or "—", "<br>".join(actors) or "—"]
                if self_links:
                    row[0] = f'<span id="fact-party-{party.id}"></span>{name}' + (
                        self.fact_link(f"hl-m-{party.id}-1", "the first mention in the text") if party.spans else "")
                    row.append(self.party_why(party))
                rows.append(row)
            out.append(table(["Party", "Kind", "Mentions", "Sentences", "Actors"] + ([WHY_HEAD] if self_links else []), rows))
        else:
            out.append(note("No party of the rules is named in this article."))
        out.append(heading("Positions"))
        quotes = sorted(self.b.select(articles=[sheet.article.id]), key=lambda q: q.number)
        if quotes:
            first = "number" if self_links else "n"
            columns = [first, "speaker", "party", "stance", "issues", "kind", "quote"] + (["why"] if self_links else [])
            out.append(self.positions_table(quotes, columns=columns))
        else:
            out.append(note("No positions were found in this article."))
        out.append(heading("Issues"))
        if sheet.issues:
            for issue in sorted(sheet.issues, key=lambda i: self.b.issue_title(i.id).casefold()):
                out.append(paragraph(f"<strong>{self.issue(issue.id)}</strong> <span class=\"factsheet-muted\">({plural(len(issue.mentions), 'mention')})</span>"))
                evidence = [Evidence(sheet, issue, mention) for mention in issue.mentions]
                out.append(self.evidence_table(evidence, with_article=False, facts=self_links))
        else:
            out.append(note("No issue of the rules is touched in this article."))
        if sheet.unassigned_actors and self_links:
            out.append(heading("Unassigned actors"))
            out.append('<p class="factsheet-muted">Names the language model found that no rule covers: '
                       "candidates for a party's <code>members</code> or <code>aliases</code>.</p>")
            rows = [[text(a.name), text(a.label), str(a.mentions), self.sentences(sheet, a.spans) or "—"] for a in sheet.unassigned_actors]
            out.append(table(["Name", "Label", "Mentions", "Sentences"], rows))
        return out

    # -- URLs, tones and rule sources ---------------------------------------------------------------------

    def url(self, kind: str, key: str = "", anchor: str | None = None) -> str | None:
        """The URL of a generated page from this one, as the built site has it (MkDocs does not rewrite links in HTML)."""
        page = self.site.get(kind, key)
        if page is None:
            return None
        return url_between(self.here, page.src_uri, anchor, directory_urls=self.site.directory_urls)

    def tone(self, stance: str | None) -> str:
        return tone_of(stance, self.b.rules)

    def rule_source(self, kind: str, rule_id: str) -> str | None:
        """Where a rule is defined, `file:line`, with project files shown relative to the project."""
        source = self.b.rules.source_of(kind, rule_id)
        if source is None:
            return None
        if source.pack is not None:
            return str(source)
        path = self.site.shown(str(source.path))
        return f"{path}:{source.line}" if source.line else path

    # -- pictures -----------------------------------------------------------------------------------------

    def tone_legend(self) -> str:
        """The tones of the matrix and timelines, each with its symbol and the stances it groups."""
        groups: dict[str, list[str]] = {tone: [] for tone, *_ in TONES}
        for stance_id, stance in self.b.rules.stances.items():
            groups[self.tone(stance_id)].append(stance.label)
        groups["neutral"].insert(0, "Stated (no stance)")
        items = []
        for tone, _, label, what in TONES:
            names = ", ".join(text(name) for name in groups[tone]) or text(what)
            items.append((tone, f"<strong>{label}</strong>: {names}"))
        return pictures.legend(items)[: -len("</p>")] + (
            ' <span class="factsheet-key-note">A cell lists the stances with their counts; its colour and the bar on its '
            "left give its most frequent family of stances (plain statements count only when there is nothing else). "
            "Click a cell for the quotes.</span></p>")

    def matrix_figure(self, matrix: Matrix, *, caption: str) -> str:
        """The party × issue stance matrix as an accessible HTML table in a figure (generated pages)."""
        if not matrix.issues:
            return note("No party took a position on any of these issues in the articles.")
        head = "".join(f'<th scope="col">{self.party(p)}</th>' for p in matrix.parties)
        rows = []
        for issue in matrix.issues:
            cells = [f'<th scope="row">{self.issue(issue)}</th>']
            for party in matrix.parties:
                counts = matrix.cells.get((issue, party))
                cells.append(self.figure_cell(issue, party, counts, matrix.of_mentions) if counts else
                             '<td class="factsheet-cell factsheet-empty"><span aria-label="none">·</span></td>')
            rows.append("<tr>" + "".join(cells) + "</tr>")
        if matrix.of_mentions:
            explain = ("No positions were extracted from these articles yet, so each cell counts the articles "
                       "whose evidence sentences for the issue name the party.")
            legend = f'<p class="factsheet-legend">{explain} Each cell links to the evidence.</p>'
        else:
            legend = self.tone_legend()
        return (
            '<figure class="factsheet-figure factsheet-matrix">\n'
            f"<figcaption>{caption}</figcaption>\n{legend}\n"
            '<div class="factsheet-scroll"><table class="factsheet-grid">\n'
            f'<thead><tr><th scope="col">Issue</th>{head}</tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody></table></div>\n</figure>"
        )

    def figure_cell(self, issue: str, party: str, counts: Counter[str], of_mentions: bool) -> str:
        who = f"{text(self.b.party_name(party))} on {text(self.b.issue_title(issue))}"
        if of_mentions:
            tone, body = "neutral", f"named in {plural(counts[''], 'article')}"
            url = self.url("issue", issue, "fs-evidence")
            title = f"{who}: named in the evidence of {plural(counts[''], 'article')}"
        else:
            tones: Counter[str] = Counter()
            lines = []
            for stance, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
                mine = self.tone(stance or None)
                tones[mine] += count
                lines.append(f'<span class="factsheet-symbol factsheet-tone-{mine}" aria-hidden="true">{SYMBOLS[mine]}</span> '
                             f"{text(self.b.stance_label(stance or None))} ×{count}")
            tone, body = dominant_tone(tones), "<br>".join(lines)
            url = self.url("issue", issue, f"party-{party}") or self.url("party", party, f"issue-{issue}")
            title = f"{who}: {plural(sum(counts.values()), 'position')}, mostly {TONE_LABELS[tone].lower()}"
        content = f'<a href="{attr(url)}">{body}</a>' if url else body
        return f'<td class="factsheet-cell factsheet-tone-{tone}" title="{title}">{content}</td>'

    def timeline(self, quotes: list[Quote], *, lanes_by: str, subject: str) -> str:
        """Positions by article date: one lane per party (`lanes_by="party"`) or per issue."""
        marks: list[Mark] = []
        lane_ids: set[str] = set()
        undated = 0
        for quote in quotes:
            day = parse_date(quote.sheet.article.date)
            if day is None:
                undated += 1
                continue
            position = quote.position
            keys = [position.speaker.party or ""] if lanes_by == "party" else (position.issues or [""])
            stance = text(self.b.stance_label(position.stance))
            speaker = text(position.speaker.actor or position.speaker.text, limit=60)
            party = text(self.b.party_name(position.speaker.party)) if position.speaker.party else "no party"
            content = text(position.content.text.strip().strip(_QUOTES), limit=140)
            title = f"{day.isoformat()} · {speaker} ({party}) · {stance}: “{content}” — {text(quote.sheet.article.title, limit=80)}"
            href = self.url("article", quote.sheet.article.id, f"hl-p-{quote.number}")
            for key in keys:
                lane_ids.add(key)
                marks.append(Mark(key, day, self.tone(position.stance), title, href))
        if not marks:
            return note(f"No timeline: none of the {plural(len(quotes), 'position')} {subject} comes from a dated article "
                        "(the timeline places positions by their article's <code>date</code>).")
        if lanes_by == "party":
            order = sorted(lane_ids, key=lambda p: (p == "", self.b.party_name(p).casefold() if p else ""))
            lanes = [(p, text(self.b.party_name(p), limit=24) if p else "No party") for p in order]
        else:
            order = sorted(lane_ids, key=lambda i: (i == "", self.b.issue_title(i).casefold() if i else ""))
            lanes = [(i, text(self.b.issue_title(i), limit=24) if i else "No issue") for i in order]
        caption = f"Positions {subject} by article date, one row per {'party' if lanes_by == 'party' else 'issue'}; each mark links to its quote."
        if undated:
            caption += f" {plural(undated, 'position')} from undated articles {'is' if undated == 1 else 'are'} not shown."
        items = [(tone, f"<strong>{label}</strong>") for tone, _, label, _ in TONES]
        svg = pictures.timeline_svg(lanes, marks, title=f"Timeline of the positions {subject}")
        return (f'<figure class="factsheet-figure factsheet-timeline">\n<figcaption>{caption}</figcaption>\n'
                f"{pictures.legend(items, shapes=True)}\n<div class=\"factsheet-scroll\">\n{svg}\n</div>\n</figure>")

    def talks(self, quotes: list[Quote], *, article: FactSheet | None = None) -> str:
        """Who addressed or targeted whom: speaker's party × the position's addressee (engine data)."""
        pairs: dict[tuple[str, str], list[Quote]] = {}
        for quote in quotes:
            speaker, addressee = quote.position.speaker.party, quote.position.addressee
            if speaker and addressee:
                pairs.setdefault((speaker, addressee), []).append(quote)
        where = "in this article" if article is not None else "in the articles"
        if not pairs:
            return note(f"The engine found no party addressed or targeted by a party's position {where} "
                        f"({plural(len(quotes), 'position')}), so there is no who-talks-to-whom picture.")
        by_name = lambda p: self.b.party_name(p).casefold()  # noqa: E731
        speakers = sorted({s for s, _ in pairs}, key=by_name)
        targets = sorted({t for _, t in pairs}, key=by_name)
        head = "".join(f'<th scope="col">{self.party(t)}</th>' for t in targets)
        rows = []
        for speaker in speakers:
            cells = [f'<th scope="row">{self.party(speaker)}</th>']
            for target in targets:
                mine = pairs.get((speaker, target), [])
                if not mine:
                    cells.append('<td class="factsheet-cell factsheet-empty"><span aria-label="none">·</span></td>')
                    continue
                tones = Counter(self.tone(q.position.stance) for q in mine)
                if article is not None:
                    body = " ".join(
                        f'<a href="#fact-p-{q.number}" title="position {q.number}: {text(self.b.stance_label(q.position.stance))}">'
                        f'<span class="factsheet-symbol factsheet-tone-{self.tone(q.position.stance)}" aria-hidden="true">'
                        f'{SYMBOLS[self.tone(q.position.stance)]}</span>{q.number}</a>'
                        for q in mine)
                else:
                    label = " ".join(f'<span class="factsheet-symbol factsheet-tone-{tone}" aria-hidden="true">{SYMBOLS[tone]}</span>{count}'
                                     for tone, count in sorted(tones.items(), key=lambda i: (-i[1], i[0])))
                    body = link(f"{label} <span class=\"factsheet-muted\">({plural(len(mine), 'position')})</span>",
                                         self.url("party", speaker))
                title = f"{text(self.b.party_name(speaker))} → {text(self.b.party_name(target))}: {plural(len(mine), 'position')}"
                cells.append(f'<td class="factsheet-cell factsheet-tone-{dominant_tone(tones)}" title="{title}">{body}</td>')
            rows.append("<tr>" + "".join(cells) + "</tr>")
        counted = sum(len(v) for v in pairs.values())
        caption = (f"Who addressed or targeted whom {where}: rows are the speaker's party, columns the party the engine "
                   f"found addressed (“told Blinken”, “pressed China to …”) or, for a position with a stance, the other "
                   f"party its content names; {counted} of {plural(len(quotes), 'position')} have one.")
        legend = ('<p class="factsheet-legend">Read a row from left to right: <em>speaker → addressed</em>. '
                  + ("Each cell lists the positions by number (linked to the fact sheet); "
                     if article is not None else "Each cell counts the positions and links to the speaker's party page; ")
                  + "its colour and symbols give their tone, as in the stance matrix.</p>")
        return ('<figure class="factsheet-figure factsheet-talks">\n'
                f"<figcaption>{caption}</figcaption>\n{legend}\n"
                '<div class="factsheet-scroll"><table class="factsheet-grid">\n'
                f'<thead><tr><th scope="col">Speaker ↓ · addressed →</th>{head}</tr></thead>\n<tbody>\n'
                + "\n".join(rows) + "\n</tbody></table></div>\n</figure>")

    # -- why? ---------------------------------------------------------------------------------------------

    @staticmethod
    def why(items: Iterable[str]) -> str:
        """A closed `<details>` listing reasons (already escaped)."""
        shown = "".join(f"<li>{item}</li>" for item in items if item)
        return f'<details class="factsheet-why"><summary>why?</summary><ul>{shown}</ul></details>' if shown else ""

    def position_why(self, quote: Quote) -> str:
        position = quote.position
        speaker = position.speaker
        chain = f"“{text(speaker.text, limit=60)}”"
        if speaker.actor and speaker.actor.casefold() != speaker.text.casefold():
            chain += f" → {text(speaker.actor)}"
        chain += f" → {text(self.b.party_name(speaker.party))}" if speaker.party else " → no party"
        items = [f"<strong>Pattern</strong>: {text(position.rule)}", f"<strong>Speaker</strong>: {chain}"]
        reasons = [w for w in position.why if not w.startswith("rule ")]
        items += [("<strong>Speaker</strong>: " + text(w[len("speaker: "):])) if w.startswith("speaker: ") else text(w) for w in reasons]
        sources = []
        if position.stance:
            found = re.search(r"from the cue '([^']+)'", " ".join(position.why))
            cue = self.rule_source("cue", found.group(1)) if found else None
            if cue:
                sources.append(f"cue {text(found.group(1))} {text(cue)}")  # type: ignore[union-attr]
            stance = self.rule_source("stance", position.stance)
            if stance:
                sources.append(f"stance {text(position.stance)} {text(stance)}")
        if speaker.party and (party := self.rule_source("party", speaker.party)):
            sources.append(f"party {text(speaker.party)} {text(party)}")
        if sources:
            items.append("<strong>Rules</strong>: " + "; ".join(sources))
        return self.why(items)

    def party_why(self, party: PartyFacts) -> str:
        source = self.rule_source("party", party.id)
        items = [f"<strong>Rule</strong>: party {text(party.id)} {text(source)}" if source else ""]
        items += [f"<strong>{text(actor.name)}</strong>: " + "; ".join(text(w) for w in actor.why) for actor in party.actors if actor.why]
        return self.why(items)

    # -- pages --------------------------------------------------------------------------------------------

    def article_page(self, sheet: FactSheet, source_path: str) -> str:
        info = sheet.article
        out = [f"# {text(info.title)}"]
        meta = [f"<strong>Date:</strong> {self.date(sheet)}"]
        if info.source:
            meta.append(f"<strong>Source:</strong> {text(info.source)}")
        url = href(info.url)
        if url:
            meta.append(f'<a href="{url}" rel="nofollow noopener">Original article</a>')
        meta.append(f"<strong>File:</strong> {text(source_path)}")
        out.append('<p class="factsheet-meta">' + " · ".join(meta) + "</p>")
        out.extend(self.article_facts(sheet, level=2, self_links=True))
        out.append("## Who talks to whom")
        out.append(self.talks(self.b.select(articles=[info.id]), article=sheet))
        out.append("## Text")
        out.append(HIGHLIGHT_LEGEND)
        out.append(self.article_text(sheet))
        return self.blocks(out) + "\n"

    def highlights(self, sheet: FactSheet) -> list[Highlight]:
        """The facts of an article as spans to mark in its text, each linked back to its fact row."""
        found = []
        for number, position in enumerate(sheet.positions, 1):
            speaker = text(position.speaker.actor or position.speaker.text, limit=60)
            found.append(Highlight(position.content.start, position.content.end, "quote", f"hl-p-{number}", f"fact-p-{number}",
                                   f"Position {number}: {speaker}, {text(self.b.stance_label(position.stance))}", f"P{number}"))
        for issue in sheet.issues:
            title = text(self.b.issue_title(issue.id))
            for index, mention in enumerate(issue.mentions, 1):
                found.append(Highlight(mention.start, mention.end, "issue", f"hl-i-{issue.id}-{index}", f"fact-i-{issue.id}-{index}",
                                       f"Issue: {title}"))
        for party in sheet.parties:
            actors = {span.start: number for number, actor in reversed(list(enumerate(party.actors, 1))) for span in actor.spans}
            name = text(party.name)
            for index, span in enumerate(party.spans, 1):
                actor = actors.get(span.start)
                back = f"fact-actor-{party.id}-{actor}" if actor else f"fact-party-{party.id}"
                who = f"{text(party.actors[actor - 1].name)} ({name})" if actor else name
                found.append(Highlight(span.start, span.end, "party", f"hl-m-{party.id}-{index}", back, f"Party: {who}"))
        return found

    def article_text(self, sheet: FactSheet) -> str:
        """The article's sentences as one raw HTML block, each sentence anchored `s-N`, facts highlighted."""
        marks = self.highlights(sheet)
        pieces: dict[str, int] = {}
        paragraphs: list[list[str]] = [[]]
        for number, sentence in enumerate(sheet.sentences, 1):
            if not sentence.text.strip():
                continue
            lead = len(sentence.text) - len(sentence.text.lstrip())
            body = sentence.text.strip()
            inside = [h for h in marks if h.start < sentence.end and h.end > sentence.start]
            paragraphs[-1].append(
                f'<span class="factsheet-sentence" id="s-{number}">'
                f'<a class="factsheet-sentence-number" href="#s-{number}">{number}</a> '
                f"{mark_up(body, sentence.start + lead, inside, _edges, pieces)}</span>"
            )
            if "\n" in sentence.text[len(sentence.text.rstrip()) :]:
                paragraphs.append([])
        body = "\n".join(f"<p>{' '.join(p)}</p>" for p in paragraphs if p)
        return f'<div class="factsheet-text">\n{body}\n</div>'

    def issue_page(self, issue_id: str) -> str:
        out = [f"# {text(self.b.issue_title(issue_id))}"]
        rule = self.b.rules.issues.get(issue_id)
        about = []
        if rule is not None and rule.description:
            about.append(text(rule.description))
        if rule is not None and rule.parent:
            about.append(f"Part of {self.issue(rule.parent)}.")
        children = [i for i in self.b.issue_ids if (r := self.b.rules.issues.get(i)) is not None and r.parent == issue_id]
        if children:
            about.append("Narrower issues: " + ", ".join(self.issue(i) for i in children) + ".")
        if about:
            out.append(paragraph(" ".join(about)))
        quotes = self.b.select(issues=[issue_id])
        title = text(self.b.issue_title(issue_id))
        out.append("## At a glance")
        out.append(self.matrix_figure(self.b.matrix(issues=[issue_id]), caption=f"Who took which stance on {title}."))
        if quotes:
            out.append(self.timeline(quotes, lanes_by="party", subject=f"on {title}"))
        out.append("## Positions")
        if quotes:
            for party in self._parties_of(quotes):
                mine = [q for q in quotes if q.position.speaker.party == party]
                heading = self.party(party) if party else "Speaker without a party"
                out.append(f'### <span id="party-{party or "none"}"></span>{heading}')
                out.append(self.positions_table(mine, columns=["date", "article", "speaker", "stance", "kind", "quote", "why"]))
        else:
            out.append(note("No positions on this issue were found in the articles."))
        out.append('## <span id="fs-evidence"></span>Evidence')
        evidence = self.b.evidence(issue_id)
        if evidence:
            out.append(self.evidence_table(evidence))
        else:
            out.append(note("No sentence names this issue."))
        return self.blocks(out) + "\n"

    def _parties_of(self, quotes: list[Quote]) -> list[str | None]:
        parties = list(dict.fromkeys(q.position.speaker.party for q in quotes))
        return sorted(parties, key=lambda p: (p is None, self.b.party_name(p).casefold() if p else ""))

    def party_page(self, party_id: str) -> str:
        out = [f"# {text(self.b.party_name(party_id))}"]
        rule = self.b.rules.parties.get(party_id)
        if rule is not None and rule.description:
            out.append(paragraph(text(rule.description)))
        out.append("## Actors")
        actors = self.b.actors(party_id)
        if actors:
            rows = [
                [text(a.name), text(a.kind), ", ".join(text(r) for r in a.roles) or "—", str(a.mentions),
                 ", ".join(self.article(self.b.by_id[i]) for i in a.articles)]
                for a in actors
            ]
            out.append(table(["Actor", "Kind", "Role", "Mentions", "Articles"], rows))
        else:
            out.append(note("No actor of this party is named in the articles."))
        quotes = self.b.select(parties=[party_id])
        name = text(self.b.party_name(party_id))
        out.append("## At a glance")
        out.append(self.matrix_figure(self.b.matrix(parties=[party_id]), caption=f"The stances {name} took, issue by issue."))
        if quotes:
            out.append(self.timeline(quotes, lanes_by="issue", subject=f"of {name}"))
        out.append("## Positions")
        if quotes:
            issues = [i for i in self.b.issue_ids if any(i in q.position.issues for q in quotes)]
            columns = ["date", "article", "speaker", "stance", "kind", "quote", "why"]
            for issue in issues:
                out.append(f'### <span id="issue-{issue}"></span>{self.issue(issue)}')
                mine = [q for q in quotes if issue in q.position.issues]
                out.append(self.positions_table(mine, columns=columns))
            loose = [q for q in quotes if not q.position.issues]
            if loose:
                out.append("### Other positions")
                out.append(self.positions_table(loose, columns=columns))
        else:
            out.append(note("No positions of this party were found in the articles."))
        out.append("## Articles")
        rows = []
        for sheet in self.b.articles_of_party(party_id):
            facts = sheet.party(party_id)
            rows.append([self.date(sheet), self.article(sheet), str(facts.mentions if facts else 0),
                         str(sum(1 for p in sheet.positions if p.speaker.party == party_id))])
        out.append(table(["Date", "Article", "Mentions", "Positions"], rows))
        return self.blocks(out) + "\n"

    def overview_page(self, problems: list[Problem], shown_path: Callable[[str], str], loaded: set[str]) -> str:
        """The overview: summary, matrix, articles newest first, issues, parties, problems."""
        b = self.b
        out = ["# Overview"]
        summary = (f"{plural(len(b.sheets), 'article')}, {plural(len(b.party_ids), 'party', 'parties')}, "
                   f"{plural(len(b.issue_ids), 'issue')} and {plural(len(b.quotes), 'position')}.")
        if self.site.json_uri:
            name = self.site.json_uri.rsplit("/", 1)[-1]
            summary += f" All the facts as JSON: [{text(name)}]({relative(self.here, self.site.json_uri)})."
        out.append(Markdown(summary))  # a link to a file that is not a page: MkDocs makes its URL
        out.append("## Who said what")
        out.append(self.matrix_figure(b.matrix(), caption="Each party’s stances on each issue, counted over all articles; "
                                      "a cell links to the quotes on the issue’s page."))
        out.append("## Who talks to whom")
        out.append(self.talks(b.quotes))
        out.append("## Articles")
        if b.sheets:
            rows = [[self.date(s), self.article(s), text(s.article.source) if s.article.source else "—",
                     ", ".join(self.party(p.id) for p in s.parties) or "—", str(len(s.positions))]
                    for s in b.newest_first()]
            out.append(table(["Date", "Article", "Source", "Parties", "Positions"], rows))
        else:
            out.append(note("There are no articles yet."))
        if b.issue_ids:
            out.append("## Issues")
            rows = [[self.issue(i), str(len(b.articles_of_issue(i))), str(len(b.select(issues=[i])))] for i in b.issue_ids]
            out.append(table(["Issue", "Articles", "Positions"], rows))
        if b.party_ids:
            out.append("## Parties")
            rows = [[self.party(p), str(len(b.articles_of_party(p))), str(len(b.select(parties=[p]))), str(len(b.actors(p)))]
                    for p in b.party_ids]
            out.append(table(["Party", "Articles", "Positions", "Actors"], rows))
        out.append("## Problems")
        if problems:
            paths = sorted({p.path for p in problems})
            skipped = [path for path in paths if path not in loaded]
            reasons = Counter(p.reason for p in problems if p.reason and p.path not in loaded)
            why = ", ".join(f"{count} {text(reason)}" for reason, count in sorted(reasons.items(), key=lambda i: (-i[1], i[0])))
            out.append(paragraph(f"{plural(len(paths), 'article file')} had problems; {len(skipped)} "
                                 f"{'was' if len(skipped) == 1 else 'were'} skipped (not published){f' ({why})' if why else ''}:"))
            rows = []
            for problem in sorted(problems):
                where = shown_path(problem.path) + problem.location[len(problem.path):]
                rows.append([text(where), "skipped" if problem.path not in loaded else "published",
                             text(problem.message) + (f" <span class=\"factsheet-muted\">({text(problem.hint)})</span>" if problem.hint else "")])
            out.append(table(["File", "Article", "Problem"], rows))
        else:
            out.append(paragraph("Every article file was read without problems."))
        return self.blocks(out) + "\n"

