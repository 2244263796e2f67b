"""The pictures of a page as HTML: the party × issue matrix, the timeline of positions, who talks to whom.

The matrix has two forms from one renderer: the compact table a marker embeds in a hand-written
page, and the figure of the generated pages (a grid with tones, a legend and a caption). The
SVG itself and the tones are drawn by `pictures`.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from . import pictures
from .briefing import Matrix, PositionEntry, speaker_name
from .html import QUOTE_MARKS, attr, link, muted, note, plural, table, text, title_text
from .inline import Inline
from .pictures import SYMBOLS, TONE_LABELS, TONES, Mark, dominant_tone, parse_date

if TYPE_CHECKING:
    from mkdocs_factsheet import FactSheet

EMPTY_CELL = '<td class="factsheet-cell factsheet-empty"><span aria-label="none">·</span></td>'

TONE_NOTE = (
    ' <span class="factsheet-key-note">A cell lists the stances with their counts; its colour and the bar on its '
    "left give its most frequent family of stances (plain statements count only when there is nothing else). "
    "Click a cell for the quotes.</span></p>"
)


def symbol(tone: str) -> str:
    """The symbol of a tone, hidden from screen readers (the text next to it says the same)."""
    return f'<span class="factsheet-symbol factsheet-tone-{tone}" aria-hidden="true">{SYMBOLS[tone]}</span>'


def grid_figure(css: str, caption: str, legend: str, corner: str, head: str, rows: list[str]) -> str:
    """A figure holding a grid: caption, legend, then a table whose first row and column are headers."""
    return (
        f'<figure class="factsheet-figure {css}">\n'
        f"<figcaption>{caption}</figcaption>\n{legend}\n"
        '<div class="factsheet-scroll"><table class="factsheet-grid">\n'
        f'<thead><tr><th scope="col">{corner}</th>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table></div>\n</figure>"
    )


def by_count(counts: Counter[str]) -> list[tuple[str, int]]:
    """The items of a counter, the most frequent first, ties by name."""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


class Figures(Inline):
    """The matrix, timeline and who-talks-to-whom pictures, for one page."""

    # -- the matrix -----------------------------------------------------------------------------------

    def matrix(self, matrix: Matrix, *, caption: str | None = None) -> str:
        """Who took which stance on what: a compact table (markers), or with a `caption` the figure."""
        if not matrix.issues:
            return note("No party took a position on any of these issues in the articles.")
        if caption is not None:
            return self._matrix_figure(matrix, caption)
        rows = [
            [self.issue(issue)]
            + [self._matrix_cell(issue, party, matrix, compact=True) or " " for party in matrix.parties]
            for issue in matrix.issues
        ]
        out = table(["Issue"] + [self.party(p) for p in matrix.parties], rows)
        if matrix.of_mentions:
            out = (
                note(
                    "No positions were extracted from these articles yet, so the table shows which parties "
                    "are named in each issue's evidence sentences."
                )
                + "\n\n"
                + out
            )
        return out

    def _matrix_figure(self, matrix: Matrix, caption: str) -> str:
        """The party × issue stance matrix as an accessible HTML table in a figure (generated pages)."""
        head = "".join(f'<th scope="col">{self.party(p)}</th>' for p in matrix.parties)
        rows = []
        for issue in matrix.issues:
            cells = [self._matrix_cell(issue, party, matrix, compact=False) or EMPTY_CELL for party in matrix.parties]
            rows.append(f'<tr><th scope="row">{self.issue(issue)}</th>' + "".join(cells) + "</tr>")
        if matrix.of_mentions:
            explain = (
                "No positions were extracted from these articles yet, so each cell counts the articles "
                "whose evidence sentences for the issue name the party."
            )
            legend = f'<p class="factsheet-legend">{explain} Each cell links to the evidence.</p>'
        else:
            legend = self.tone_legend()
        return grid_figure("factsheet-matrix", caption, legend, "Issue", head, rows)

    def _matrix_cell(self, issue: str, party: str, matrix: Matrix, *, compact: bool) -> str | None:
        """One cell: a link to the quotes (or the evidence); None when the cell is empty."""
        counts = matrix.cells.get((issue, party))
        if not counts:
            return None
        if matrix.of_mentions:
            url = self.url("issue", issue, "fs-evidence")
            named = f"named in {plural(counts[''], 'article')}"
            tone, body = "neutral", named
            title = f"named in the evidence of {plural(counts[''], 'article')}"
        else:
            url = self.url("issue", issue, f"party-{party}") or self.url("party", party, f"issue-{issue}")
            stances = [
                (self.tone(stance or None), text(self.briefing.stance_label(stance or None)), count)
                for stance, count in by_count(counts)
            ]
            named = ", ".join(f"{label} ×{count}" for _, label, count in stances)
            tones: Counter[str] = Counter()
            for mine, _, count in stances:
                tones[mine] += count
            tone = dominant_tone(tones)
            body = "<br>".join(f"{symbol(mine)} {label} ×{count}" for mine, label, count in stances)
            title = f"{plural(sum(counts.values()), 'position')}, mostly {TONE_LABELS[tone].lower()}"
        if compact:
            return link(named, url)
        who = f"{text(self.briefing.party_name(party))} on {text(self.briefing.issue_title(issue))}"
        content = f'<a href="{attr(url)}">{body}</a>' if url else body
        return f'<td class="factsheet-cell factsheet-tone-{tone}" title="{who}: {title}">{content}</td>'

    def tone_legend(self) -> str:
        """The tones of the matrix and timelines, each with its symbol and the stances it groups."""
        groups: dict[str, list[str]] = {tone: [] for tone, *_ in TONES}
        for stance_id, stance in self.briefing.rules.stances.items():
            groups[self.tone(stance_id)].append(stance.label)
        groups["neutral"].insert(0, "Stated (no stance)")
        items = []
        for tone, _, label, what in TONES:
            names = ", ".join(text(name) for name in groups[tone]) or text(what)
            items.append((tone, f"<strong>{label}</strong>: {names}"))
        return pictures.legend(items)[: -len("</p>")] + TONE_NOTE

    # -- the timeline ---------------------------------------------------------------------------------

    def timeline(self, entries: list[PositionEntry], *, lanes_by: str, subject: str) -> str:
        """Positions by article date: one lane per party (`lanes_by="party"`) or per issue."""
        marks = [mark for entry in entries for mark in self._marks(entry, lanes_by)]
        undated = sum(1 for entry in entries if parse_date(entry.sheet.article.date) is None)
        if not marks:
            return note(
                f"No timeline: none of the {plural(len(entries), 'position')} {subject} comes from a dated "
                "article (the timeline places positions by their article's <code>date</code>)."
            )
        lane_ids = {mark.lane for mark in marks}
        if lanes_by == "party":
            order = sorted(lane_ids, key=lambda p: (p == "", self.briefing.party_name(p).casefold() if p else ""))
            lanes = [(p, text(self.briefing.party_name(p), limit=24) if p else "No party") for p in order]
        else:
            order = sorted(lane_ids, key=lambda i: (i == "", self.briefing.issue_title(i).casefold() if i else ""))
            lanes = [(i, text(self.briefing.issue_title(i), limit=24) if i else "No issue") for i in order]
        caption = (
            f"Positions {subject} by article date, one row per {'party' if lanes_by == 'party' else 'issue'}; "
            "each mark links to its quote."
        )
        if undated:
            caption += (
                f" {plural(undated, 'position')} from undated articles {'is' if undated == 1 else 'are'} not shown."
            )
        items = [(tone, f"<strong>{label}</strong>") for tone, _, label, _ in TONES]
        svg = pictures.timeline_svg(lanes, marks, title=f"Timeline of the positions {subject}")
        return (
            f'<figure class="factsheet-figure factsheet-timeline">\n<figcaption>{caption}</figcaption>\n'
            f'{pictures.legend(items, shapes=True)}\n<div class="factsheet-scroll">\n{svg}\n</div>\n</figure>'
        )

    def _marks(self, entry: PositionEntry, lanes_by: str) -> list[Mark]:
        """The marks of one position (one per lane it belongs in); none when its article has no date."""
        day = parse_date(entry.sheet.article.date)
        if day is None:
            return []
        position = entry.position
        keys = [position.speaker.party or ""] if lanes_by == "party" else (position.issues or [""])
        stance = text(self.briefing.stance_label(position.stance))
        speaker = text(speaker_name(position.speaker), limit=60)
        party = text(self.briefing.party_name(position.speaker.party)) if position.speaker.party else "no party"
        content = text(position.content.text.strip().strip(QUOTE_MARKS), limit=140)
        title = (
            f"{day.isoformat()} · {speaker} ({party}) · {stance}: “{content}” — {title_text(entry.sheet.article.title)}"
        )
        href = self.url("article", entry.sheet.article.id, f"hl-p-{entry.number}")
        return [Mark(key, day, self.tone(position.stance), title, href) for key in keys]

    # -- who talks to whom ----------------------------------------------------------------------------

    def talks(self, entries: list[PositionEntry], *, article: FactSheet | None = None) -> str:
        """Who addressed or targeted whom: speaker's party × the position's addressee (engine data)."""
        pairs: dict[tuple[str, str], list[PositionEntry]] = {}
        for entry in entries:
            speaker, addressee = entry.position.speaker.party, entry.position.addressee
            if speaker and addressee:
                pairs.setdefault((speaker, addressee), []).append(entry)
        where = "in this article" if article is not None else "in the articles"
        if not pairs:
            return note(
                f"The engine found no party addressed or targeted by a party's position {where} "
                f"({plural(len(entries), 'position')}), so there is no who-talks-to-whom picture."
            )
        speakers = sorted({s for s, _ in pairs}, key=lambda p: self.briefing.party_name(p).casefold())
        targets = sorted({t for _, t in pairs}, key=lambda p: self.briefing.party_name(p).casefold())
        head = "".join(f'<th scope="col">{self.party(t)}</th>' for t in targets)
        rows = []
        for speaker in speakers:
            cells = [self._talks_cell(speaker, target, pairs.get((speaker, target), []), article) for target in targets]
            rows.append(f'<tr><th scope="row">{self.party(speaker)}</th>' + "".join(cells) + "</tr>")
        counted = sum(len(v) for v in pairs.values())
        caption = (
            f"Who addressed or targeted whom {where}: rows are the speaker's party, columns the party the "
            "engine found addressed (“told Blinken”, “pressed China to …”) or, for a position with a stance, "
            f"the other party its content names; {counted} of {plural(len(entries), 'position')} have one."
        )
        reading = (
            "Each cell lists the positions by number (linked to the fact sheet); "
            if article is not None
            else "Each cell counts the positions and links to the speaker's party page; "
        )
        legend = (
            '<p class="factsheet-legend">Read a row from left to right: <em>speaker → addressed</em>. '
            + reading
            + "its colour and symbols give their tone, as in the stance matrix.</p>"
        )
        return grid_figure("factsheet-talks", caption, legend, "Speaker ↓ · addressed →", head, rows)

    def _talks_cell(self, speaker: str, target: str, mine: list[PositionEntry], article: FactSheet | None) -> str:
        """The positions of one party addressed to another: by number on an article's page, else counted."""
        if not mine:
            return EMPTY_CELL
        tones = Counter(self.tone(q.position.stance) for q in mine)
        if article is not None:
            body = " ".join(
                f'<a href="#fact-p-{q.number}" title="position {q.number}: '
                f'{text(self.briefing.stance_label(q.position.stance))}">'
                f"{symbol(self.tone(q.position.stance))}{q.number}</a>"
                for q in mine
            )
        else:
            label = " ".join(f"{symbol(tone)}{count}" for tone, count in by_count(tones))
            body = link(f"{label} {muted(plural(len(mine), 'position'))}", self.url("party", speaker))
        names = f"{text(self.briefing.party_name(speaker))} → {text(self.briefing.party_name(target))}"
        title = f"{names}: {plural(len(mine), 'position')}"
        return f'<td class="factsheet-cell factsheet-tone-{dominant_tone(tones)}" title="{title}">{body}</td>'
