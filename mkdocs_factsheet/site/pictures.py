"""Pictures for the generated pages: the stance matrix, timelines and who-talks-to-whom.

Everything is static HTML and hand-written SVG emitted at build time: no script, no network, no
plotting library (the pictures are small grids and dots whose every mark must be a link with a
`<title>`, which is simpler to write than to coax out of a chart library). Colours come from CSS
custom properties in `assets/factsheet.css`, so the light and dark palettes and print restyle
them; the stance of a mark is also given by its shape or symbol and by its text, never by colour
alone.

All text reaches the markup through `html.text()` (numeric character references for anything
HTML, Markdown or Jinja could act on), and attribute values through `html.attr()`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .html import attr

if TYPE_CHECKING:
    from mkdocs_factsheet import RuleSet

# -- tones: stance families, after the CAMEO root codes of the stances ----------------------------------------

# (id, symbol, label, what it groups). Order: the strongest first, which also breaks ties in a cell.
TONES: tuple[tuple[str, str, str, str], ...] = (
    ("confrontational", "−", "Confrontational", "criticise, accuse, reject, warn or threaten (CAMEO 11–20)"),
    ("demanding", "!", "Demanding", "demand or press (CAMEO 09–10)"),
    ("cooperative", "+", "Cooperative", "appeal, promise, support or praise (CAMEO 02–08)"),
    ("neutral", "•", "Stated", "no stance, or a plain statement such as a denial (CAMEO 01 or none)"),
)
TONE_IDS = tuple(t[0] for t in TONES)
SYMBOLS = {t[0]: t[1] for t in TONES}
TONE_LABELS = {t[0]: t[2] for t in TONES}
# Fallback fills for SVG marks when the stylesheet is missing (the CSS custom properties win).
FILLS = {"confrontational": "#c0392b", "demanding": "#b86e00", "cooperative": "#1f6fb2", "neutral": "#757575"}


def tone_of(stance: str | None, rules: RuleSet | None) -> str:
    """The tone of a stance id: from its CAMEO root code; a stance without one is `neutral`."""
    if not stance or rules is None:
        return "neutral"
    known = rules.stances.get(stance)
    code = getattr(known, "cameo", None) if known is not None else None
    if not code or not code[:2].isdigit():
        return "neutral"
    root = int(code[:2])
    if root >= 11:
        return "confrontational"
    if root >= 9:
        return "demanding"
    if root >= 2:
        return "cooperative"
    return "neutral"


def dominant_tone(tones: dict[str, int]) -> str:
    """The tone with the most positions, plain statements counting only when there is nothing else
    (a cell of two statements and one rejection reads as a rejection); ties go to the strongest."""
    stances = {tone: count for tone, count in tones.items() if tone != "neutral" and count > 0}
    if not stances:
        return "neutral"
    return max(TONE_IDS, key=lambda tone: (stances.get(tone, 0), -TONE_IDS.index(tone)))


# -- dates ------------------------------------------------------------------------------------------------------


def parse_date(value: str | None) -> _dt.date | None:
    """An article date (`2021-03-18`, `2021-03-18T10:00:00`…) as a date, or None."""
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


# -- the timeline SVG -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """One position on a timeline: its lane, date, tone, tooltip (already escaped) and link."""

    lane: str
    date: _dt.date
    tone: str
    title: str
    href: str | None


WIDTH, LABEL_WIDTH, LANE_HEIGHT, TOP, AXIS_HEIGHT, RIGHT = 720, 170, 30, 12, 34, 24
STEP = 14  # horizontal distance between marks of one lane on one day
SPREAD = 84  # widest spread of the marks of one lane on one day: more marks are drawn closer together
GREY = 'stroke="#9e9e9e" stroke-width="1"'  # lanes and axis


def _shape(tone: str, x: float, y: float) -> str:
    fill = f'class="factsheet-mark factsheet-tone-{tone}" fill="{FILLS[tone]}"'
    if tone == "cooperative":
        return f'<circle {fill} cx="{x:.1f}" cy="{y:.1f}" r="6"/>'
    if tone == "demanding":
        return f'<polygon {fill} points="{x:.1f},{y - 7:.1f} {x + 7:.1f},{y + 5:.1f} {x - 7:.1f},{y + 5:.1f}"/>'
    if tone == "confrontational":
        return f'<rect {fill} x="{x - 5.5:.1f}" y="{y - 5.5:.1f}" width="11" height="11"/>'
    return (
        f'<circle class="factsheet-mark factsheet-tone-neutral" fill="none" stroke="{FILLS["neutral"]}" '
        f'stroke-width="2.5" cx="{x:.1f}" cy="{y:.1f}" r="5"/>'
    )


def ticks(first: _dt.date, last: _dt.date, most: int = 5) -> list[_dt.date]:
    """Up to `most` evenly spaced dates from the first to the last, both included."""
    days = (last - first).days
    if days <= 0:
        return [first]
    count = min(most, days + 1)
    found = [first + _dt.timedelta(days=round(days * i / (count - 1))) for i in range(count)]
    return list(dict.fromkeys(found))


def spread(centre: float, count: int, left: float, right: float) -> list[float]:
    """Where `count` marks of one day go: around `centre`, at most `SPREAD` wide, inside the plot (`left`–`right`)."""
    step = min(STEP, SPREAD / (count - 1)) if count > 1 else 0.0
    width = step * (count - 1)
    start = min(max(centre - width / 2, left + STEP / 2), right - STEP / 2 - width)
    return [start + number * step for number in range(count)]


def timeline_svg(lanes: Sequence[tuple[str, str]], marks: Iterable[Mark], *, title: str, key: str = "timeline") -> str:
    """An SVG: one lane per (key, escaped label), marks placed by date; each mark a link with a title.

    `title` is escaped text naming the picture for screen readers; `key` makes the ids unique on a page.
    """
    marks = sorted(marks, key=lambda m: (m.date, m.lane, m.title))
    lane_index = {lane: index for index, (lane, _) in enumerate(lanes)}
    marks = [m for m in marks if m.lane in lane_index]
    height = TOP + LANE_HEIGHT * len(lanes) + AXIS_HEIGHT
    left, right = LABEL_WIDTH, WIDTH - RIGHT
    first = min((m.date for m in marks), default=None)
    last = max((m.date for m in marks), default=None)

    def x_of(day: _dt.date) -> float:
        if first is None or last is None or last == first:
            return (left + right) / 2
        return left + STEP + (right - left - 2 * STEP) * (day - first).days / (last - first).days

    out = [
        f'<svg class="factsheet-svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
        f'aria-labelledby="fs-{key}-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="fs-{key}-title">{title}</title>',
    ]
    for index, (_, label) in enumerate(lanes):
        y = TOP + LANE_HEIGHT * index + LANE_HEIGHT / 2
        out.append(
            f'<line class="factsheet-lane" x1="{left}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" {GREY} '
            'stroke-dasharray="2 4"/>'
        )
        out.append(f'<text class="factsheet-svg-text" x="{left - 10}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
    axis = TOP + LANE_HEIGHT * len(lanes) + 6
    out.append(f'<line class="factsheet-axis" x1="{left}" y1="{axis}" x2="{right}" y2="{axis}" {GREY}/>')
    if first is not None and last is not None:
        for day in ticks(first, last):
            x = x_of(day)
            out.append(f'<line class="factsheet-axis" x1="{x:.1f}" y1="{axis}" x2="{x:.1f}" y2="{axis + 5}" {GREY}/>')
            out.append(
                f'<text class="factsheet-svg-text factsheet-svg-small" x="{x:.1f}" y="{axis + 19}" '
                f'text-anchor="middle">{day.isoformat()}</text>'
            )
    groups: dict[tuple[str, _dt.date], list[Mark]] = {}
    for mark in marks:
        groups.setdefault((mark.lane, mark.date), []).append(mark)
    for (lane, day), group in groups.items():
        y = TOP + LANE_HEIGHT * lane_index[lane] + LANE_HEIGHT / 2
        for mark, x in zip(group, spread(x_of(day), len(group), left, right), strict=True):
            shape = _shape(mark.tone, x, y)
            if mark.href:
                out.append(
                    f'<a class="factsheet-mark-link" href="{attr(mark.href)}"><title>{mark.title}</title>{shape}</a>'
                )
            else:
                out.append(f"<g><title>{mark.title}</title>{shape}</g>")
    out.append("</svg>")
    return "\n".join(out)


SHAPES = {"confrontational": "■", "demanding": "▲", "cooperative": "●", "neutral": "○"}  # as the timeline draws them


def legend(items: Iterable[tuple[str, str]], *, tag: str = "p", shapes: bool = False) -> str:
    """A legend of tones: (tone, escaped description) pairs, each with its symbol (or the timeline's shape)."""
    parts = []
    for tone, description in items:
        glyph = SHAPES[tone] if shapes else SYMBOLS[tone]
        key = f'<span class="factsheet-symbol" aria-hidden="true">{glyph}</span>'
        parts.append(f'<span class="factsheet-key factsheet-tone-{tone}">{key} {description}</span>')
    return f'<{tag} class="factsheet-legend">' + " ".join(parts) + f"</{tag}>"
