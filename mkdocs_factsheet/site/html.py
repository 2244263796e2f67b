"""Safe HTML for the generated pages: escaping untrusted text, small elements, blocks held back from Markdown.

Everything that comes from an article or a rule file is untrusted. It reaches a page only
through `text()` (Markdown-inert, HTML-escaped text: every character Markdown, its common
extensions, Jinja (mkdocs-macros) or our own marker syntax could act on becomes a numeric
character reference) or `href()` (an http(s) URL, percent- and HTML-escaped); attribute values
go through `attr()`.

A page is Markdown headings (so the theme's table of contents lists them) around blocks of HTML
that the renderers build themselves. Python-Markdown would spend most of a build re-reading that
HTML (its HTML block parser, then its inline patterns over every table cell), so each block is
held back (`HeldBlocks`) and stands in the Markdown as a comment, `<!--mkdocs-factsheet-html:N-->`,
which the plugin swaps for the block once MkDocs has converted the page (`restore`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from urllib.parse import quote as percent_encode
from urllib.parse import urlsplit

# Characters that Markdown, its common extensions (tables, pymdownx ==mark==, ^^ins^^, ~~del~~,
# $math$, attribute lists), Jinja (`{{ }}`, `{% %}`) or HTML (`<`, `&`, `"` in attributes) act on
# wherever they stand. Links and images need `[`; autolinks, raw HTML and our markers need `<`.
_SPECIAL = '\\`*_{}[]<>&#!|~^=$"'
_ENTITIES = {ord(char): f"&#{ord(char)};" for char in _SPECIAL}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Block syntax only acts at the start of a line: lists (`-`, `+`, `1.`), `::: ident`
# (mkdocstrings), `/// type` (pymdownx blocks), `??? note`, `: definition`…
_LINE_START = re.compile(r"^(?:[!-/:-@\[-`{-~]|\d+(?=[.)]))")

# Bidirectional formatting characters: an override (U+202E) in a title shown among others reverses
# the text after it ("Trojan Source"). Marks (U+200E, U+200F, U+061C) are harmless and kept.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
TITLE_LIMIT = 80
"""Longest title shown in the navigation, in `<title>` and in links (the article's own page shows all of it)."""

QUOTE_MARKS = "\"'“”‘’«»„"
"""Quotation marks stripped from the ends of a quoted position."""


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


def title_text(value: str, *, limit: int = TITLE_LIMIT) -> str:
    """A title shown away from its own page (navigation, `<title>`, links): `text()`, shortened, without
    bidi controls. A 100 kB title line would otherwise be copied into every page of the site."""
    return text(_BIDI_CONTROLS.sub("", value), limit=limit)


def text_in_context(value: str) -> str:
    """`text()`, keeping one space where the value began or ended with whitespace (a piece of a sentence)."""
    if not value.strip():
        return " " if value else ""
    return (" " if value[:1].isspace() else "") + text(value) + (" " if value[-1:].isspace() else "")


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


def attr(value: str) -> str:
    """A value for a double-quoted HTML attribute."""
    return html.escape(value, quote=True)


def link(label: str, url: str | None, title: str | None = None) -> str:
    """An HTML link when there is somewhere to go, else just the label (both already escaped)."""
    extra = f' title="{title}"' if title else ""
    return f'<a href="{attr(url)}"{extra}>{label}</a>' if url else label


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """An HTML table as Python-Markdown's `tables` extension writes one (cells already escaped), in a box that
    scrolls sideways when the table is wider than the page's column."""
    head = "".join(f"<th>{cell}</th>" for cell in header)
    body = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    table = f"<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>"
    return f'<div class="factsheet-table">\n{table}\n</div>'  # scrolls sideways on its own when too wide


def paragraph(html_text: str) -> str:
    """A paragraph of already escaped HTML."""
    return f"<p>{html_text}</p>"


def note(message: str, css: str = "factsheet-note") -> str:
    """A visible note as a raw HTML block; `message` must already be escaped."""
    return f'<p class="{css}">{message}</p>'


def muted(html_text: str) -> str:
    """Secondary text, in parentheses and greyed out."""
    return f'<span class="factsheet-muted">({html_text})</span>'


def plural(count: int, word: str, words: str | None = None) -> str:
    """`1 article`, `2 articles` (`words` for an irregular plural)."""
    return f"{count} {word if count == 1 else (words or word + 's')}"


class Markdown(str):
    """A block left to Markdown (`HeldBlocks.join` holds back every other block that is not a heading)."""


_HELD = re.compile(r"<!--mkdocs-factsheet-html:(\d+)-->")


class HeldBlocks:
    """The HTML blocks of one page held back from Markdown, in the order of their comments."""

    def __init__(self) -> None:
        self.blocks: list[str] = []

    def hold(self, block: str) -> str:
        """Hold an HTML block back from Markdown; what stands in its place in the page."""
        self.blocks.append(block)
        return f"<!--mkdocs-factsheet-html:{len(self.blocks) - 1}-->"

    def join(self, parts: Iterable[str]) -> str:
        """Join the blocks of a page or fragment: headings and `Markdown` as they are, the rest held back."""
        return "\n\n".join(
            part if part.startswith("#") or isinstance(part, Markdown) else self.hold(part) for part in parts
        )


def restore(content: str, blocks: Sequence[str]) -> str:
    """Put the held-back blocks into a page's HTML (or its Markdown) in place of their comments."""

    def block(match: re.Match[str]) -> str:
        index = int(match.group(1))
        return blocks[index] if index < len(blocks) else match.group(0)

    return _HELD.sub(block, content)
