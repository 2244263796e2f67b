"""Markdown for the generated pages and the markers, theme-agnostic.

Everything that comes from an article or a rule file is untrusted. It reaches a page only
through `text()` (Markdown-inert, HTML-escaped text: every character Markdown, its common
extensions, Jinja (mkdocs-macros) or our own marker syntax could act on becomes a numeric
character reference) or `href()` (an http(s) URL, percent- and HTML-escaped). Links between
pages are relative `.md` links, so MkDocs checks and rewrites them like any other link.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import TYPE_CHECKING, Callable, Iterable, Sequence
from urllib.parse import quote, urlsplit

from .structure import Briefing, Evidence, Matrix, Quote, SiteMap, relative

if TYPE_CHECKING:
    from mkdocs_factsheet import FactSheet, Problem
    from mkdocs_factsheet.model import Span

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
    return html.escape(quote(url, safe="/:?#[]@!$&'()*+,;=%~-._"), quote=True)


_QUOTES = "\"'“”‘’«»„"


def _edges(value: str) -> str:
    """`text()`, keeping one space where the value began or ended with whitespace."""
    if not value.strip():
        return " " if value else ""
    return (" " if value[:1].isspace() else "") + text(value) + (" " if value[-1:].isspace() else "")


def link(label: str, url: str | None) -> str:
    """`[label](url)` when there is somewhere to go, else just the (already escaped) label."""
    return f"[{label}]({url})" if url else label


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def note(message: str, css: str = "factsheet-note") -> str:
    """A visible note as a raw HTML block; `message` must already be escaped."""
    return f'<p class="{css}">{message}</p>'


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


class Renderer:
    """Renders pages and fragments for one page (`here`, a src_uri), linking relative to it."""

    def __init__(self, briefing: Briefing, site: SiteMap, here: str):
        self.b = briefing
        self.site = site
        self.here = here

    # -- links --------------------------------------------------------------------------------------------

    def party(self, party_id: str | None, anchor: str | None = None) -> str:
        if not party_id:
            return "—"
        return link(text(self.b.party_name(party_id)), self.site.url(self.here, "party", party_id, anchor))

    def issue(self, issue_id: str, anchor: str | None = None) -> str:
        return link(text(self.b.issue_title(issue_id)), self.site.url(self.here, "issue", issue_id, anchor))

    def article(self, sheet: FactSheet) -> str:
        return link(text(sheet.article.title, limit=120), self.site.url(self.here, "article", sheet.article.id))

    def sentence(self, sheet: FactSheet, offset: int, label: str | None = None) -> str:
        """A link to the sentence holding `offset` on the article's page."""
        number = self.b.sentence_number(sheet, offset)
        if number is None:
            return ""
        return link(label or f"sentence {number}", self.site.url(self.here, "article", sheet.article.id, f"s-{number}"))

    def sentences(self, sheet: FactSheet, spans: Iterable[Span], limit: int = 12) -> str:
        """Compact links to the distinct sentences some spans are in: `1, 4, 7 …`."""
        numbers = list(dict.fromkeys(n for n in (self.b.sentence_number(sheet, s.start) for s in spans) if n))
        shown = [link(str(n), self.site.url(self.here, "article", sheet.article.id, f"s-{n}")) for n in numbers[:limit]]
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
            "stance": "Stance", "issues": "Issues", "kind": "Kind", "quote": "Quote",
        }
        rows = []
        for quote in quotes:
            cells = {
                "number": f'<span id="p-{quote.number}"></span>{quote.number}',  # anchored: the article's page
                "n": str(quote.number),
                "date": self.date(quote.sheet),
                "article": self.article(quote.sheet),
                "speaker": self.speaker(quote),
                "party": self.party(quote.position.speaker.party),
                "stance": self.stance(quote.position.stance),
                "issues": ", ".join(self.issue(i) for i in quote.position.issues) or "—",
                "kind": self.kind(quote),
                "quote": self.quote(quote),
            }
            rows.append([cells[c] for c in columns])
        return table([headers[c] for c in columns], rows)

    def evidence_table(self, evidence: list[Evidence], *, with_article: bool = True) -> str:
        rows = []
        for item in evidence:
            row = [self.date(item.sheet), self.article(item.sheet)] if with_article else []
            number = self.b.sentence_number(item.sheet, item.mention.start)
            ref = self.sentence(item.sheet, item.mention.start, label=str(number) if number else None)
            parties = [p for p in item.issue.parties if self._in_sentence(item.sheet, p, item.mention.sentence)]
            row += [ref or "—", self.highlight(item.mention.sentence, item.mention.start, item.mention.end),
                    ", ".join(self.party(p) for p in parties) or "—"]
            rows.append(row)
        header = (["Date", "Article"] if with_article else []) + ["Sentence", "Evidence", "Parties"]
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
            url = self.site.url(self.here, "issue", issue, "fs-evidence")
        else:
            label = ", ".join(
                f"{text(self.b.stance_label(stance or None))} ×{count}"
                for stance, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            )
            url = self.site.url(self.here, "issue", issue, f"party-{party}") or self.site.url(self.here, "party", party, f"issue-{issue}")
        return link(label, url)

    def article_facts(self, sheet: FactSheet, *, level: int, self_links: bool) -> str:
        """Parties, positions, issues and unassigned actors of one article (the page or a marker)."""
        def heading(title: str) -> str:
            return f"{'#' * level} {title}" if level else f"**{title}**"

        out: list[str] = []
        out.append(heading("Parties"))
        if sheet.parties:
            rows = []
            for party in sheet.parties:
                actors = "<br>".join(
                    f"{text(actor.name)}"
                    + (f", <em>{text(actor.role)}</em>" if actor.role else "")
                    + f" <span class=\"factsheet-muted\">({self.sentences(sheet, actor.spans)})</span>"
                    for actor in party.actors
                ) or "—"
                rows.append([self.party(party.id), text(party.kind), str(party.mentions), self.sentences(sheet, party.spans) or "—", actors])
            out.append(table(["Party", "Kind", "Mentions", "Sentences", "Actors"], rows))
        else:
            out.append(note("No party of the rules is named in this article."))
        out.append(heading("Positions"))
        quotes = sorted(self.b.select(articles=[sheet.article.id]), key=lambda q: q.number)
        if quotes:
            first = "number" if self_links else "n"
            out.append(self.positions_table(quotes, columns=[first, "speaker", "party", "stance", "issues", "kind", "quote"]))
        else:
            out.append(note("No positions were found in this article."))
        out.append(heading("Issues"))
        if sheet.issues:
            for issue in sorted(sheet.issues, key=lambda i: self.b.issue_title(i.id).casefold()):
                out.append(f"**{self.issue(issue.id)}** <span class=\"factsheet-muted\">({plural(len(issue.mentions), 'mention')})</span>")
                evidence = [Evidence(sheet, issue, mention) for mention in issue.mentions]
                out.append(self.evidence_table(evidence, with_article=False))
        else:
            out.append(note("No issue of the rules is touched in this article."))
        if sheet.unassigned_actors and self_links:
            out.append(heading("Unassigned actors"))
            out.append('<p class="factsheet-muted">Names the language model found that no rule covers: '
                       "candidates for a party's <code>members</code> or <code>aliases</code>.</p>")
            rows = [[text(a.name), text(a.label), str(a.mentions), self.sentences(sheet, a.spans) or "—"] for a in sheet.unassigned_actors]
            out.append(table(["Name", "Label", "Mentions", "Sentences"], rows))
        return "\n\n".join(out)

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
        out.append(self.article_facts(sheet, level=2, self_links=True))
        out.append("## Text")
        out.append(self.article_text(sheet))
        return "\n\n".join(out) + "\n"

    def article_text(self, sheet: FactSheet) -> str:
        """The article's sentences as one raw HTML block, each sentence anchored `s-N`."""
        paragraphs: list[list[str]] = [[]]
        for number, sentence in enumerate(sheet.sentences, 1):
            if not sentence.text.strip():
                continue
            paragraphs[-1].append(
                f'<span class="factsheet-sentence" id="s-{number}">'
                f'<a class="factsheet-sentence-number" href="#s-{number}">{number}</a> {text(sentence.text)}</span>'
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
            out.append(" ".join(about))
        quotes = self.b.select(issues=[issue_id])
        out.append("## Positions")
        if quotes:
            for party in self._parties_of(quotes):
                mine = [q for q in quotes if q.position.speaker.party == party]
                heading = self.party(party) if party else "Speaker without a party"
                out.append(f'### <span id="party-{party or "none"}"></span>{heading}')
                out.append(self.positions_table(mine, columns=["date", "article", "speaker", "stance", "kind", "quote"]))
        else:
            out.append(note("No positions on this issue were found in the articles."))
        out.append('## <span id="fs-evidence"></span>Evidence')
        evidence = self.b.evidence(issue_id)
        if evidence:
            out.append(self.evidence_table(evidence))
        else:
            out.append(note("No sentence names this issue."))
        return "\n\n".join(out) + "\n"

    def _parties_of(self, quotes: list[Quote]) -> list[str | None]:
        parties = list(dict.fromkeys(q.position.speaker.party for q in quotes))
        return sorted(parties, key=lambda p: (p is None, self.b.party_name(p).casefold() if p else ""))

    def party_page(self, party_id: str) -> str:
        out = [f"# {text(self.b.party_name(party_id))}"]
        rule = self.b.rules.parties.get(party_id)
        if rule is not None and rule.description:
            out.append(text(rule.description))
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
        out.append("## Positions")
        quotes = self.b.select(parties=[party_id])
        if quotes:
            issues = [i for i in self.b.issue_ids if any(i in q.position.issues for q in quotes)]
            for issue in issues:
                out.append(f'### <span id="issue-{issue}"></span>{self.issue(issue)}')
                mine = [q for q in quotes if issue in q.position.issues]
                out.append(self.positions_table(mine, columns=["date", "article", "speaker", "stance", "kind", "quote"]))
            loose = [q for q in quotes if not q.position.issues]
            if loose:
                out.append("### Other positions")
                out.append(self.positions_table(loose, columns=["date", "article", "speaker", "stance", "kind", "quote"]))
        else:
            out.append(note("No positions of this party were found in the articles."))
        out.append("## Articles")
        rows = []
        for sheet in self.b.articles_of_party(party_id):
            facts = sheet.party(party_id)
            rows.append([self.date(sheet), self.article(sheet), str(facts.mentions if facts else 0),
                         str(sum(1 for p in sheet.positions if p.speaker.party == party_id))])
        out.append(table(["Date", "Article", "Mentions", "Positions"], rows))
        return "\n\n".join(out) + "\n"

    def overview_page(self, problems: list[Problem], shown_path: Callable[[str], str], loaded: set[str]) -> str:
        """The overview: summary, matrix, articles newest first, issues, parties, problems."""
        b = self.b
        out = ["# Overview"]
        summary = (f"{plural(len(b.sheets), 'article')}, {plural(len(b.party_ids), 'party', 'parties')}, "
                   f"{plural(len(b.issue_ids), 'issue')} and {plural(len(b.quotes), 'position')}.")
        if self.site.json_uri:
            name = self.site.json_uri.rsplit("/", 1)[-1]
            summary += f" All the facts as JSON: [{text(name)}]({relative(self.here, self.site.json_uri)})."
        out.append(summary)
        out.append("## Who said what")
        out.append(self.matrix(b.matrix()))
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
            out.append(f"{plural(len(paths), 'article file')} had problems; {len(skipped)} "
                       f"{'was' if len(skipped) == 1 else 'were'} skipped (not published){f' ({why})' if why else ''}:")
            rows = []
            for problem in sorted(problems):
                where = shown_path(problem.path) + problem.location[len(problem.path):]
                rows.append([text(where), "skipped" if problem.path not in loaded else "published",
                             text(problem.message) + (f" <span class=\"factsheet-muted\">({text(problem.hint)})</span>" if problem.hint else "")])
            out.append(table(["File", "Article", "Problem"], rows))
        else:
            out.append("Every article file was read without problems.")
        return "\n\n".join(out) + "\n"

