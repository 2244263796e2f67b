"""The summaries that open the overview, issue and party pages: who is most active, on what, over which
period, and the key positions (the latest that take a stance first), before the tables."""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Iterable

from .briefing import PositionEntry
from .html import QUOTE_MARKS, link, paragraph, plural, text
from .inline import Inline
from .people import person_key, speaker_name

KEY_POSITIONS = 5
"""How many key positions the overview shows (issue and party pages: 3)."""
CHANGES_SHOWN = 5
"""How many issues or parties each line of "What changed" names at most; and the active issues (or parties) whose
first and latest positions it gives: 3."""


class Summaries(Inline):
    """The opening summaries of the cross-article pages."""

    def key_positions(self, entries: Iterable[PositionEntry], *, most: int = KEY_POSITIONS) -> str:
        """The most telling positions among `entries`: those with a party, the pointed ones (a stance) and the
        latest first, at most one per speaker and article and two per party; a list, newest first."""
        candidates = [q for q in entries if q.position.speaker.party]
        candidates.sort(key=lambda q: (q.position.stance is not None, q.sheet.article.date or ""), reverse=True)
        chosen: list[PositionEntry] = []
        seen: set[tuple[str, str]] = set()
        per_party: dict[str, int] = {}
        for entry in candidates:
            party = entry.position.speaker.party or ""
            speaker = (entry.sheet.article.id, (entry.position.speaker.actor or entry.position.speaker.text).casefold())
            if speaker in seen or per_party.get(party, 0) >= 2:
                continue
            seen.add(speaker)
            per_party[party] = per_party.get(party, 0) + 1
            chosen.append(entry)
            if len(chosen) == most:
                break
        if not chosen:
            return ""
        chosen.sort(key=lambda q: q.sheet.article.date or "", reverse=True)
        items = "\n".join(f"<li>{self._key_position(q)}</li>" for q in chosen)
        return f'<ul class="factsheet-key-positions">\n{items}\n</ul>'

    def _key_position(self, entry: PositionEntry) -> str:
        position = entry.position
        content = position.content.text.strip().rstrip(",").strip(QUOTE_MARKS).rstrip(",").strip()
        quote = f'<q class="factsheet-key-quote">{text(content, limit=220)}</q>'
        where = self.sentence(entry.sheet, entry.offset, label=self.date(entry.sheet))
        return (
            f"{quote} — <strong>{self.speaker(entry)}</strong> ({self.party(position.speaker.party)}), "
            f'<span class="factsheet-stance">{self.stance(position.stance)}</span> · '
            f"{where or self.date(entry.sheet)}, {self.article(entry.sheet)}"
        )

    def ranked_parties(self, entries: list[PositionEntry], *, most: int = 5) -> list[str]:
        """The parties of the positions, most positions first, then most mentioned across the articles."""
        counts: dict[str, int] = {}
        for entry in entries:
            if entry.position.speaker.party:
                counts[entry.position.speaker.party] = counts.get(entry.position.speaker.party, 0) + 1
        mentions = {p: self.mentions(p) for p in counts}
        return sorted(counts, key=lambda p: (-counts[p], -mentions[p], self.briefing.party_name(p).casefold()))[:most]

    def mentions(self, party_id: str) -> int:
        """How often the articles name a party, all articles together."""
        return sum(f.mentions for s in self.briefing.articles_of_party(party_id) if (f := s.party(party_id)))

    def ranked_issues(self, entries: list[PositionEntry], *, most: int = 5) -> list[str]:
        """The issues of the positions, most positions first, then in most articles."""
        counts: dict[str, int] = {}
        for entry in entries:
            for issue in dict.fromkeys(entry.position.issues):
                counts[issue] = counts.get(issue, 0) + 1
        articles = {i: len(self.briefing.articles_of_issue(i)) for i in counts}
        return sorted(counts, key=lambda i: (-counts[i], -articles[i], self.briefing.issue_title(i).casefold()))[:most]

    def period(self, entries: list[PositionEntry]) -> str:
        """`from 2019-05-19 to 2021-02-06` (the dates of the positions' articles), or nothing when undated."""
        dates = sorted({q.sheet.article.date for q in entries if q.sheet.article.date})
        if not dates:
            return ""
        return f"on {text(dates[0])}" if len(dates) == 1 else f"from {text(dates[0])} to {text(dates[-1])}"

    def ranked_people(self, entries: list[PositionEntry], *, most: int = 5) -> str:
        """`Carrie Lam (5), Antony Blinken (4)`: the named people most often quoted in `entries`, linked."""
        counts = Counter(
            key
            for q in entries
            if (key := person_key(speaker_name(q.position.speaker))) in self.briefing.people
            and self.briefing.people[key].named
        )
        ranked = sorted(counts, key=lambda k: (-counts[k], self.briefing.people[k].name.casefold()))[:most]
        return ", ".join(f"{self.person(self.briefing.people[k].name)} ({counts[k]})" for k in ranked)

    def counted(self, kind: str, ids: list[str], entries: list[PositionEntry]) -> str:
        """`United States (12 positions), China (5 positions)`: parties or issues linked, with their counts."""
        shown = []
        for key in ids:
            if kind == "party":
                count = sum(1 for q in entries if q.position.speaker.party == key)
                shown.append(f"{self.party(key)} ({plural(count, 'position')})")
            else:
                count = sum(1 for q in entries if key in q.position.issues)
                shown.append(f"{self.issue(key)} ({plural(count, 'position')})")
        return ", ".join(shown)

    def summary(
        self,
        entries: list[PositionEntry],
        *,
        lead: str,
        parties: bool = True,
        issues: bool = True,
        people: bool = True,
    ) -> list[str]:
        """A summary paragraph (`lead`, the period, the most active parties and issues, the most quoted people)
        and the key positions."""
        sentences = [lead.rstrip(".") + (f", {self.period(entries)}" if self.period(entries) else "") + "."]
        if parties and (top := self.ranked_parties(entries)):
            sentences.append(f"<strong>Most active parties:</strong> {self.counted('party', top, entries)}.")
        if issues and (top := self.ranked_issues(entries)):
            sentences.append(f"<strong>Most discussed issues:</strong> {self.counted('issue', top, entries)}.")
        if people and (quoted := self.ranked_people(entries)):
            sentences.append(f"<strong>{link('Most quoted people', self.url('people'))}:</strong> {quoted}.")
        out = [paragraph(" ".join(sentences))]
        key = self.key_positions(entries, most=KEY_POSITIONS if parties and issues else 3)
        if key:
            out += [paragraph("<strong>Key positions</strong> (the latest that take a stance first):"), key]
        return out

    # -- what changed -------------------------------------------------------------------------------------

    def changes(self, entries: list[PositionEntry], kind: str) -> list[str]:
        """What changed over the period of the dated `entries`, for the issues (`kind="issue"`) or the parties:
        those new in its second half, those that grew or went quiet (positions counted in each half), and the
        first and latest position of the most active ones. Nothing when the positions have fewer than two dates."""
        dated = [(day, q) for q in entries if (day := _day(q)) is not None]
        days = sorted({day for day, _ in dated})
        if len(days) < 2:
            return []
        middle = days[0] + (days[-1] - days[0]) / 2
        before: Counter[str] = Counter()
        after: Counter[str] = Counter()
        for day, quote in dated:
            (after if day > middle else before).update(self._keys(quote, kind))
        new = [k for k in after if not before[k]]
        grew = [k for k in after if 0 < before[k] < after[k]]
        quiet = [k for k in before if not after[k]]
        lines = [
            f"New in the second half: {self._counts(kind, new, after)}" if new else "",
            f"Grew: {self._counts(kind, grew, after, before)}" if grew else "",
            f"Went quiet: {self._counts(kind, quiet, before)}" if quiet else "",
        ]
        quotes = [q for _, q in dated]
        ranked = self.ranked_issues(quotes, most=3) if kind == "issue" else self.ranked_parties(quotes, most=3)
        for key in ranked:
            mine = [(day, q) for day, q in dated if key in self._keys(q, kind)]
            (first_day, first), (last_day, last) = mine[0], mine[-1]
            if first_day == last_day:
                ends = f"{plural(len(mine), 'position')} on one day, the first {self._dated(first)}"
            else:
                ends = f"first {self._dated(first)}; latest {self._dated(last)}"
            lines.append(f"{self._name(kind, key)}: {ends}")
        items = "\n".join(f"<li>{line}.</li>" for line in lines if line)
        lead = (
            f"Positions counted in the first half of the period ({text(days[0].isoformat())} to "
            f"{text(middle.isoformat())}) and in the second (to {text(days[-1].isoformat())}), {kind} by {kind}:"
        )
        return ["## What changed", paragraph(lead), f'<ul class="factsheet-changes">\n{items}\n</ul>']

    @staticmethod
    def _keys(quote: PositionEntry, kind: str) -> list[str]:
        """The issues of a position, or its speaker's party (as a list)."""
        if kind == "issue":
            return list(dict.fromkeys(quote.position.issues))
        return [quote.position.speaker.party] if quote.position.speaker.party else []

    def _name(self, kind: str, key: str) -> str:
        """An issue's title or a party's name, linked to its page."""
        return self.issue(key) if kind == "issue" else self.party(key)

    def _counts(self, kind: str, keys: list[str], counts: Counter[str], earlier: Counter[str] | None = None) -> str:
        """`Taiwan (3), Human rights (2)`, or with `earlier` counts `Democracy (1 → 2)`: most first, at most
        `CHANGES_SHOWN`, then how many more."""
        ordered = sorted(keys, key=lambda k: -counts[k])[:CHANGES_SHOWN]
        since = {k: f"{earlier[k]} → " if earlier is not None else "" for k in ordered}
        shown = [f"{self._name(kind, k)} ({since[k]}{counts[k]})" for k in ordered]
        more = len(keys) - len(ordered)
        return ", ".join(shown) + (f" and {more} more" if more else "")

    def _dated(self, entry: PositionEntry) -> str:
        """`2020-01-20, Carrie Lam (Hong Kong), Demand`: a position's date linked to its sentence, who, the stance."""
        where = self.sentence(entry.sheet, entry.offset, label=self.date(entry.sheet)) or self.date(entry.sheet)
        party = entry.position.speaker.party
        who = self.speaker(entry) + (f" ({self.party(party)})" if party else "")
        return f"{where}, {who}, {self.stance(entry.position.stance)}"


def _day(entry: PositionEntry) -> _dt.date | None:
    """The date of a position's article, None when undated or not an ISO date."""
    try:
        return _dt.date.fromisoformat(entry.sheet.article.date or "")
    except ValueError:
        return None
