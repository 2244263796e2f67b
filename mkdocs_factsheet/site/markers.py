"""Markers: embed facts into hand-written pages.

A marker is an HTML comment on a line of its own; it may be indented (inside an admonition, a
list item or a content tab), and what replaces it gets the same indentation:

    <!-- factsheet: positions issue=taiwan party=china -->

The syntax cannot collide with mkdocstrings (`::: ident`), mkdocs-macros (`{{ … }}`) or
pymdownx blocks (`/// type`), and where the plugin is switched off it stays an invisible
comment. Markers inside code (fenced or indented), `<pre>` or an HTML comment are left as written.

Kinds (the first word; optional when the filters make it plain):

- `sheet article=ID`: the fact sheet of one article (the default when only `article=` is given);
- `positions [issue=…] [party=…] [article=…]`: positions in date order (the default when `issue=`
  or `party=` is given);
- `matrix [issue=…] [party=…] [article=…]`: who took positions on what (the default without filters);
- `evidence issue=… [party=…] [article=…]`: the sentences that touch an issue.

A filter takes one id or several separated by commas, and keeps what matches any of them.

For generators that run no plugins, `mkdocs-factsheet render` writes what a marker stands for into
the page, as a region: the marker line, the generated block, then a closing `<!-- /factsheet -->`
line (`refresh`). A later render replaces the block; the plugin shows the marker's fresh block in
place of the whole region (`expand`), so a page with rendered regions builds the same either way.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .briefing import Briefing
from .html import muted, note, paragraph, text, title_text
from .pages import Renderer

MARKER = re.compile(r"^(?P<indent>[ \t]*)<!--\s*factsheet\b:?(?P<body>.*?)-->\s*$")
CLOSING = "<!-- /factsheet -->"
"""The line that ends a rendered region (`refresh`)."""
_CLOSE = re.compile(r"^[ \t]*<!--\s*/factsheet\s*-->\s*$")
_FENCE = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})")
_RAW_OPEN = re.compile(r"<!--|<(pre|script|style|textarea)(?=[\s>]|$)", re.IGNORECASE)
_CODE_SPAN = re.compile(r"(`+).*?\1")
_CONTAINER = re.compile(r"^\s*(?:[-*+]|\d+[.)]|!!!|\?\?\?\+?|===\+?)(?:\s|$)")
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
                raise MarkerError(
                    f"unknown marker word {word!r} (kinds: {', '.join(KINDS)}; filters: article=, issue=, party=){hint}"
                )
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
    """Marker lines (0-based index, match), skipping code and raw text: fenced and indented code blocks,
    `<pre>` (and `<script>`, `<style>`, `<textarea>`) elements and HTML comments, where a marker is text."""
    for index, match, _ in regions(markdown):
        yield index, match


def regions(markdown: str) -> list[tuple[int, re.Match[str], int]]:
    """Each marker: its line, its match, and the last line of its region (the closing line when a rendered
    region follows it, else the marker's own line).

    A region holds only HTML blocks (each block's first line starts with `<`): a closing line after
    hand-written text closes nothing, so text between a marker and a stray closing line is never replaced.
    """
    found: list[tuple[int, re.Match[str], int]] = []
    skip = _Skipped()
    open_region = False  # the last marker may still be followed by its region
    blank = True
    for index, line in enumerate(markdown.split("\n")):
        starts_block = blank and bool(line.strip())
        blank = not line.strip()
        if skip.takes(line):
            open_region = open_region and not (starts_block and not line.lstrip().startswith("<"))
            continue
        match = MARKER.match(line)
        if match:
            found.append((index, match, index))
            open_region = True
        elif open_region and _CLOSE.match(line):
            found[-1] = (found[-1][0], found[-1][1], index)
            open_region = False
        elif starts_block and not line.lstrip().startswith("<"):
            open_region = False
    return found


class _Skipped:
    """Which lines of a page are code or raw text, read line by line as Python-Markdown reads blocks:
    containers (list items, admonitions, content tabs) hold their content 4 columns in; 4 more after a
    blank line make an indented code block."""

    def __init__(self) -> None:
        self.fence: str | None = None
        self.raw: str | None = None  # the end of the raw HTML open: `-->`, `</pre>`…
        self.containers: list[int] = []  # content indents of the open containers
        self.blank = True  # the previous line was blank (or there was none)
        self.code = False  # the previous non-blank line was indented code

    def takes(self, line: str) -> bool:
        """Whether `line` is code or raw text (so a marker on it is left as written)."""
        if self.fence is not None:
            opening = _FENCE.match(line)
            if opening and _closes(self.fence, opening.group("fence"), line):
                self.fence = None
            return True
        if self.raw is not None:
            if self.raw in line.lower():
                self.raw = None
            return True
        if not line.strip():
            self.blank = True
            return False
        indent = len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())
        while self.containers and indent < self.containers[-1] and self.blank:
            self.containers.pop()
        base = self.containers[-1] if self.containers else 0
        self.code = indent >= base + 4 and (self.blank or self.code)
        self.blank = False
        if self.code:
            return True
        return self._opens(line, indent)

    def _opens(self, line: str, indent: int) -> bool:
        """Note a fence, raw HTML or container that `line` opens; True for a fence or raw HTML line."""
        opening = _FENCE.match(line)
        if opening:
            self.fence = opening.group("fence")
            return True
        if MARKER.match(line) or _CLOSE.match(line):
            return False
        html = _CODE_SPAN.sub("", line)  # "type `<!--` to …" opens nothing
        raw = _RAW_OPEN.search(html)
        if raw:
            end = "-->" if raw.group(0) == "<!--" else f"</{raw.group(1).lower()}>"
            if end not in html[raw.end() :].lower():
                self.raw = end
            return True
        if _CONTAINER.match(line):
            self.containers.append(indent + 4)
        return False


def _closes(fence: str, candidate: str, line: str) -> bool:
    """Whether a fence line closes the open `fence`: same character, at least as long, nothing after it."""
    return candidate[0] == fence[0] and len(candidate) >= len(fence) and not line.strip()[len(candidate) :].strip()


def lines_before(source: str, markdown: str) -> int:
    """How many lines of a page's file (front matter) precede the Markdown MkDocs hands on, to number marker lines."""
    if not source.endswith(markdown):
        return 0
    return source[: len(source) - len(markdown)].count("\n")


def expand(markdown: str, render: Callable[[Marker], str], report: Callable[[int, str], None]) -> str:
    """Replace every marker, with its rendered region if it has one, by what `render` returns; a bad marker
    becomes a visible note."""
    lines = markdown.split("\n")
    for index, match, end in reversed(regions(markdown)):
        lines[index : end + 1] = [f"\n{_block(index + 1, match, render, report)}\n"]
    return "\n".join(lines)


def refresh(markdown: str, render: Callable[[Marker], str], report: Callable[[int, str], None]) -> str:
    """Write what each marker stands for below it, as a region ended by `CLOSING`, replacing the region a
    previous refresh wrote: the page holds its facts for generators that run no plugin. Idempotent."""
    lines = markdown.split("\n")
    for index, match, end in reversed(regions(markdown)):
        indent = match.group("indent")
        lines[index + 1 : end + 1] = ["", _block(index + 1, match, render, report), "", indent + CLOSING]
    return "\n".join(lines)


def _block(line: int, match: re.Match[str], render: Callable[[Marker], str], report: Callable[[int, str], None]) -> str:
    """What the marker on `line` (1-based) stands for, indented like it."""
    try:
        replacement = render(parse(match.group("body"), line))
    except MarkerError as error:
        report(line, str(error))
        replacement = note(f"factsheet marker: {text(error)}", "factsheet-note factsheet-error")
    indent = match.group("indent")
    return "\n".join(indent + row if row.strip() else "" for row in replacement.split("\n"))


class MarkerRenderer:
    """Renders the markers of one page from the briefing, with that page's renderer."""

    def __init__(self, briefing: Briefing, renderer: Renderer):
        self.briefing = briefing
        self.renderer = renderer

    def __call__(self, marker: Marker) -> str:
        return self.renderer.held.join(self.render(marker))

    def render(self, marker: Marker) -> list[str]:
        """The blocks that replace a marker (HTML, held back from Markdown by the renderer)."""
        self.check_ids(marker)
        filters = marker.filters
        if marker.kind == "sheet":
            sheet = self.briefing.by_id[filters["article"][0]]
            title = paragraph(f"<strong>{self.renderer.article(sheet)}</strong> {muted(self.renderer.date(sheet))}")
            return [title, *self.renderer.article_facts(sheet, level=0, self_links=False)]
        if marker.kind == "matrix":
            selected = self.briefing.matrix(
                issues=filters.get("issue", ()), parties=filters.get("party", ()), articles=filters.get("article", ())
            )
            return [self.renderer.matrix(selected)]
        if marker.kind == "evidence":
            return self._evidence(marker)
        return [self._positions(marker)]

    def _evidence(self, marker: Marker) -> list[str]:
        filters = marker.filters
        parts = []
        for issue in filters["issue"]:
            evidence = self.briefing.evidence(issue, articles=filters.get("article", ()))
            if "party" in filters:
                evidence = [e for e in evidence if any(p in filters["party"] for p in e.issue.parties)]
            if len(filters["issue"]) > 1:
                parts.append(paragraph(f"<strong>{self.renderer.issue(issue)}</strong>"))
            if evidence:
                parts.append(self.renderer.evidence_table(evidence))
            else:
                parts.append(note(f"No sentence about {self.describe(marker)} was found."))
        return parts

    def _positions(self, marker: Marker) -> str:
        filters = marker.filters
        entries = self.briefing.select(
            issues=filters.get("issue", ()), parties=filters.get("party", ()), articles=filters.get("article", ())
        )
        if not entries:
            return note(f"No positions {self.describe(marker)} were found in the articles.")
        columns = ["date", "article", "speaker"]
        if len(filters.get("party", [])) != 1:
            columns.append("party")
        columns.append("stance")
        if len(filters.get("issue", [])) != 1:
            columns.append("issues")
        columns.append("quote")
        return self.renderer.positions_table(entries, columns=columns)

    def describe(self, marker: Marker) -> str:
        """What a marker's filters select, in words: `on Taiwan by China or Japan`."""
        filters = marker.filters
        words = []
        if "issue" in filters:
            words.append("on " + " or ".join(text(self.briefing.issue_title(i)) for i in filters["issue"]))
        if "party" in filters:
            words.append("by " + " or ".join(text(self.briefing.party_name(p)) for p in filters["party"]))
        if "article" in filters:
            words.append(
                "in " + " or ".join(title_text(self.briefing.by_id[a].article.title) for a in filters["article"])
            )
        return " ".join(words)

    def check_ids(self, marker: Marker) -> None:
        """MarkerError for an id that names no article, issue or party, with the closest known one."""
        known = {
            "article": list(self.briefing.by_id),
            "issue": list(self.briefing.rules.issues),
            "party": list(self.briefing.rules.parties),
        }
        for key, values in marker.filters.items():
            for value in values:
                if value in known[key]:
                    continue
                close = difflib.get_close_matches(value, known[key], n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                what = "article (or it could not be read)" if key == "article" else f"{key} in the rules"
                raise MarkerError(f"unknown {what}: {key}={value}{hint}")
