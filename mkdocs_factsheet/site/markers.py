"""Markers: embed facts into hand-written pages.

A marker is an HTML comment on a line of its own; it may be indented (inside an admonition, a
list item or a content tab), and what replaces it gets the same indentation:

    <!-- factsheet: positions issue=taiwan party=china -->

The syntax cannot collide with mkdocstrings (`::: ident`), mkdocs-macros (`{{ … }}`) or
pymdownx blocks (`/// type`), and where the plugin is switched off it stays an invisible
comment. Markers inside fenced code blocks are left alone.

Kinds (the first word; optional when the filters make it plain):

- `sheet article=ID`: the fact sheet of one article (the default when only `article=` is given);
- `positions [issue=…] [party=…] [article=…]`: positions in date order (the default when `issue=`
  or `party=` is given);
- `matrix [issue=…] [party=…] [article=…]`: who took positions on what (the default without filters);
- `evidence issue=… [party=…] [article=…]`: the sentences that touch an issue.

A filter takes one id or several separated by commas, and keeps what matches any of them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Callable, Iterator

from .render import Renderer, note, paragraph, text
from .briefing import Briefing

MARKER = re.compile(r"^(?P<indent>[ \t]*)<!--\s*factsheet\b:?(?P<body>.*?)-->\s*$")
_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
KINDS = ("sheet", "positions", "matrix", "evidence")
FILTERS = ("article", "issue", "party")
_ID = re.compile(r"^[A-Za-z0-9._-]+$")


class MarkerError(ValueError):
    """A marker that cannot be rendered; the message says why and how to fix it."""


@dataclass
class Marker:
    """A parsed marker: its kind and filters, and where it was (1-based line of the Markdown)."""

    line: int
    kind: str
    filters: dict[str, list[str]] = field(default_factory=dict)


def parse(body: str, line: int) -> Marker:
    """Parse the inside of `<!-- factsheet: … -->`."""
    kind: str | None = None
    filters: dict[str, list[str]] = {}
    for word in body.split():
        key, equals, value = word.partition("=")
        if not equals:
            if word not in KINDS:
                close = difflib.get_close_matches(word, KINDS + FILTERS, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise MarkerError(f"unknown marker word {word!r} (kinds: {', '.join(KINDS)}; filters: article=, issue=, party=){hint}")
            if kind is not None:
                raise MarkerError(f"a marker has one kind, got {kind!r} and {word!r}")
            kind = word
            continue
        if key not in FILTERS:
            close = difflib.get_close_matches(key, FILTERS, n=1)
            hint = f"; did you mean {close[0]}=?" if close else ""
            raise MarkerError(f"unknown filter {key}= (filters: article=, issue=, party=){hint}")
        values = [v for v in value.strip("\"'").split(",") if v]
        if not values or not all(_ID.match(v) for v in values):
            raise MarkerError(f"{key}= needs one or more ids separated by commas, got {value!r}")
        filters.setdefault(key, []).extend(values)
    if kind is None:
        if "issue" in filters or "party" in filters:
            kind = "positions"
        elif "article" in filters:
            kind = "sheet"
        else:
            kind = "matrix"
    if kind == "sheet" and (len(filters.get("article", [])) != 1 or set(filters) - {"article"}):
        raise MarkerError("`sheet` takes exactly one article=ID and no other filter")
    if kind == "evidence" and "issue" not in filters:
        raise MarkerError("`evidence` needs issue=ID")
    return Marker(line, kind, filters)


def find(markdown: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Marker lines (0-based index, match), skipping fenced code blocks."""
    fence: str | None = None
    for index, line in enumerate(markdown.split("\n")):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group("fence")[0] == fence[0] and len(opening.group("fence")) >= len(fence) and not line.strip()[len(opening.group("fence")):].strip():
                fence = None
            continue
        if opening:
            fence = opening.group("fence")
            continue
        match = MARKER.match(line)
        if match:
            yield index, match


def expand(markdown: str, render: Callable[[Marker], str], report: Callable[[int, str], None]) -> str:
    """Replace every marker by what `render` returns; a bad marker becomes a visible note."""
    lines = markdown.split("\n")
    for index, match in reversed(list(find(markdown))):
        try:
            marker = parse(match.group("body"), index + 1)
            replacement = render(marker)
        except MarkerError as error:
            report(index + 1, str(error))
            replacement = note(f"factsheet marker: {text(error)}", "factsheet-note factsheet-error")
        indent = match.group("indent")
        block = "\n".join(indent + line if line.strip() else "" for line in replacement.split("\n"))
        lines[index] = f"\n{block}\n"
    return "\n".join(lines)


class MarkerRenderer:
    """Renders markers of one page from the briefing."""

    def __init__(self, briefing: Briefing, renderer: Renderer):
        self.b = briefing
        self.r = renderer

    def __call__(self, marker: Marker) -> str:
        return self.r.blocks(self.render(marker))

    def render(self, marker: Marker) -> list[str]:
        """The blocks that replace a marker (HTML, held back from Markdown by the renderer)."""
        self.check_ids(marker)
        f = marker.filters
        if marker.kind == "sheet":
            sheet = self.b.by_id[f["article"][0]]
            title = paragraph(f"<strong>{self.r.article(sheet)}</strong> <span class=\"factsheet-muted\">({self.r.date(sheet)})</span>")
            return [title, *self.r.article_facts(sheet, level=0, self_links=False)]
        if marker.kind == "matrix":
            return [self.r.matrix(self.b.matrix(issues=f.get("issue", ()), parties=f.get("party", ()), articles=f.get("article", ())))]
        if marker.kind == "evidence":
            parts = []
            for issue in f["issue"]:
                evidence = self.b.evidence(issue, articles=f.get("article", ()))
                if "party" in f:
                    evidence = [e for e in evidence if any(p in f["party"] for p in e.issue.parties)]
                if len(f["issue"]) > 1:
                    parts.append(paragraph(f"<strong>{self.r.issue(issue)}</strong>"))
                parts.append(self.r.evidence_table(evidence) if evidence else note(f"No sentence about {self.describe(marker)} was found."))
            return parts
        quotes = self.b.select(issues=f.get("issue", ()), parties=f.get("party", ()), articles=f.get("article", ()))
        if not quotes:
            return [note(f"No positions {self.describe(marker)} were found in the articles.")]
        columns = ["date", "article", "speaker"]
        if len(f.get("party", [])) != 1:
            columns.append("party")
        columns.append("stance")
        if len(f.get("issue", [])) != 1:
            columns.append("issues")
        columns.append("quote")
        return [self.r.positions_table(quotes, columns=columns)]

    def describe(self, marker: Marker) -> str:
        f = marker.filters
        words = []
        if "issue" in f:
            words.append("on " + " or ".join(text(self.b.issue_title(i)) for i in f["issue"]))
        if "party" in f:
            words.append("by " + " or ".join(text(self.b.party_name(p)) for p in f["party"]))
        if "article" in f:
            words.append("in " + " or ".join(text(self.b.by_id[a].article.title) for a in f["article"]))
        return " ".join(words)

    def check_ids(self, marker: Marker) -> None:
        known = {
            "article": list(self.b.by_id),
            "issue": list(self.b.rules.issues),
            "party": list(self.b.rules.parties),
        }
        for key, values in marker.filters.items():
            for value in values:
                if value in known[key]:
                    continue
                close = difflib.get_close_matches(value, known[key], n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                what = "article (or it could not be read)" if key == "article" else f"{key} in the rules"
                raise MarkerError(f"unknown {what}: {key}={value}{hint}")
