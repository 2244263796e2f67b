"""The article text with its facts highlighted: parties, quotes and issue mentions as `<mark>`s.

Highlights may overlap each other and cross sentence boundaries (a quote over two sentences, a
party named inside a quote, an issue phrase holding a party's name). They are nested by rank —
quotes outside issue mentions outside party mentions — and split where they cross: each piece is
a complete element, so the HTML is always well formed. The first piece of a highlight carries its
id (`hl-…`); later pieces get `hl-….2`, `hl-….3`… Ids and order depend only on the fact sheet.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Span

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


def by_span(highlights: Iterable[Highlight], spans: Sequence[Span]) -> list[list[Highlight]]:
    """The highlights touching each span (the article's sentences), in one sweep over both in order of start.

    Linear in the number of highlights and spans plus the pairs that touch: a 2 MB article has tens
    of thousands of each, so testing every pair would take hours.
    """
    ordered = sorted((h for h in highlights if h.end > h.start), key=lambda h: h.start)
    touching: list[list[Highlight]] = [[] for _ in spans]
    active: list[Highlight] = []
    taken = 0
    for index in sorted(range(len(spans)), key=lambda i: spans[i].start):
        start, end = spans[index].start, spans[index].end
        while taken < len(ordered) and ordered[taken].start < end:
            active.append(ordered[taken])
            taken += 1
        active = [h for h in active if h.end > start]  # the spans to come start no earlier: these are done
        touching[index] = [h for h in active if h.start < end]
    return touching


def mark_up(
    source: str,
    offset: int,
    highlights: Iterable[Highlight],
    escape: Callable[[str], str],
    pieces: dict[str, int],
) -> str:
    """`source` (the text at article offset `offset`) as HTML with the highlights that touch it.

    `escape` turns plain text into safe HTML; `pieces` counts the pieces of each highlight emitted
    so far (shared across calls, so a highlight split over sentences numbers its pieces on). One
    sweep over the places where a highlight starts or ends, keeping the open ones nested by rank.
    """
    end = offset + len(source)
    opening: dict[int, list[Highlight]] = {}
    closing: dict[int, list[Highlight]] = {}
    for item in highlights:
        left, right = max(item.start, offset), min(item.end, end)
        if left < right:
            opening.setdefault(left, []).append(item)
            closing.setdefault(right, []).append(item)
    points = sorted({offset, end} | opening.keys() | closing.keys())
    out: list[str] = []
    stack: list[Highlight] = []
    wanted: list[Highlight] = []  # the highlights over the current piece of text, outermost first
    for left, right in zip(points, points[1:], strict=False):
        for item in closing.get(left, ()):
            wanted.remove(item)
        for item in opening.get(left, ()):
            insort(wanted, item, key=lambda h: h.key)
        common = 0
        while common < len(stack) and common < len(wanted) and stack[common] is wanted[common]:
            common += 1
        out.extend("</mark>" for _ in stack[common:])
        stack = stack[:common]
        for item in wanted[common:]:
            out.append(_open(item, pieces))
            stack.append(item)
        segment = escape(source[left - offset : right - offset])
        innermost = stack[-1] if stack else None
        if innermost is not None and not innermost.label and segment.strip():
            segment = f'<a class="factsheet-hl-back" href="#{innermost.back}">{segment}</a>'
        out.append(segment)
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _open(item: Highlight, pieces: dict[str, int]) -> str:
    """The opening tag of the next piece of a highlight (the first carries its id and back link label)."""
    number = pieces.get(item.ident, 0) + 1
    pieces[item.ident] = number
    ident = item.ident if number == 1 else f"{item.ident}.{number}"
    tag = f'<mark class="factsheet-hl factsheet-hl-{item.kind}" id="{ident}" title="{item.title}">'
    if item.label and number == 1:
        tag += f'<a class="factsheet-hl-back factsheet-hl-label" href="#{item.back}">{item.label}</a>'
    return tag
