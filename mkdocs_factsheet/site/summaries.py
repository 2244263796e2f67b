"""The summaries that open the overview, issue and party pages: who is most active, on what, over which
period, and the key positions (the latest that take a stance first), before the tables."""

from __future__ import annotations

from collections.abc import Iterable

from .briefing import PositionEntry
from .html import QUOTE_MARKS, paragraph, plural, text
from .inline import Inline

KEY_POSITIONS = 5
"""How many key positions the overview shows (issue and party pages: 3)."""


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
        self, entries: list[PositionEntry], *, lead: str, parties: bool = True, issues: bool = True
    ) -> list[str]:
        """A summary paragraph (`lead`, the period, the most active parties and issues) and the key positions."""
        sentences = [lead.rstrip(".") + (f", {self.period(entries)}" if self.period(entries) else "") + "."]
        if parties and (top := self.ranked_parties(entries)):
            sentences.append(f"<strong>Most active parties:</strong> {self.counted('party', top, entries)}.")
        if issues and (top := self.ranked_issues(entries)):
            sentences.append(f"<strong>Most discussed issues:</strong> {self.counted('issue', top, entries)}.")
        out = [paragraph(" ".join(sentences))]
        key = self.key_positions(entries, most=KEY_POSITIONS if parties and issues else 3)
        if key:
            out += [paragraph("<strong>Key positions</strong> (the latest that take a stance first):"), key]
        return out
