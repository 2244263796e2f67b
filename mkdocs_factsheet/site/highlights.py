"""The article text with its facts highlighted: parties, quotes and issue mentions as `<mark>`s.

Highlights may overlap each other and cross sentence boundaries (a quote over two sentences, a
party named inside a quote, an issue phrase holding a party's name). They are nested by rank —
quotes outside issue mentions outside party mentions — and split where they cross: each piece is
a complete element, so the HTML is always well formed. The first piece of a highlight carries its
id (`hl-…`); later pieces get `hl-….2`, `hl-….3`… Ids and order depend only on the fact sheet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

RANKS = {"quote": 1, "issue": 2, "party": 3}


@dataclass(frozen=True)
class Highlight:
    """A piece of the article text to mark: article offsets, kind, id, the fact it links back to."""

    start: int
    end: int
    kind: str  # quote, issue, party
    ident: str  # the element id, `hl-…`
    back: str  # the id of the fact row in the sheet, `fact-…`
    title: str  # escaped tooltip
    label: str = ""  # escaped text of a separate back link (quotes), else the text itself links back

    @property
    def key(self) -> tuple[int, int, int, str]:
        """Sort key nesting highlights: by rank, then outermost first."""
        return (RANKS[self.kind], self.start, -self.end, self.ident)


def mark_up(
    source: str,
    offset: int,
    highlights: Iterable[Highlight],
    escape: Callable[[str], str],
    pieces: dict[str, int],
) -> str:
    """`source` (the text at article offset `offset`) as HTML with the highlights that touch it.

    `escape` turns plain text into safe HTML; `pieces` counts the pieces of each highlight emitted
    so far (shared across calls, so a highlight split over sentences numbers its pieces on).
    """
    end = offset + len(source)
    items = sorted((h for h in highlights if h.start < end and h.end > offset and h.end > h.start), key=lambda h: h.key)
    points = sorted({offset, end} | {max(h.start, offset) for h in items} | {min(h.end, end) for h in items})
    out: list[str] = []
    stack: list[Highlight] = []
    for left, right in zip(points, points[1:], strict=False):
        wanted = [h for h in items if h.start <= left and h.end >= right]
        common = 0
        while common < len(stack) and common < len(wanted) and stack[common] is wanted[common]:
            common += 1
        out.extend("</mark>" for _ in stack[common:])
        stack = stack[:common]
        for item in wanted[common:]:
            number = pieces.get(item.ident, 0) + 1
            pieces[item.ident] = number
            ident = item.ident if number == 1 else f"{item.ident}.{number}"
            out.append(f'<mark class="factsheet-hl factsheet-hl-{item.kind}" id="{ident}" title="{item.title}">')
            if item.label and number == 1:
                out.append(f'<a class="factsheet-hl-back factsheet-hl-label" href="#{item.back}">{item.label}</a>')
            stack.append(item)
        segment = escape(source[left - offset : right - offset])
        innermost = stack[-1] if stack else None
        if innermost is not None and not innermost.label and segment.strip():
            segment = f'<a class="factsheet-hl-back" href="#{innermost.back}">{segment}</a>'
        out.append(segment)
    out.extend("</mark>" for _ in stack)
    return "".join(out)
