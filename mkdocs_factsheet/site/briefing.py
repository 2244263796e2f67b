"""What the site publishes, independent of Markdown: fact sheets indexed by party, issue and date.

`Briefing` is built once per build from the engine's output; the renderers and the markers only
read it.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .people import Person, collect_people
from .people import speaker_name as speaker_name  # where the pages and the CLI import it from

if TYPE_CHECKING:
    from mkdocs_factsheet import FactSheet, RuleSet
    from mkdocs_factsheet.model import IssueFacts, IssueMention, Position


@dataclass(frozen=True)
class PositionEntry:
    """A position together with the article it comes from."""

    sheet: FactSheet
    position: Position
    number: int  # 1-based, in the article's order of positions

    @property
    def offset(self) -> int:
        """Where the position is in the article: its sentence, else its content."""
        return self.position.sentence.start if self.position.sentence else self.position.content.start


@dataclass(frozen=True)
class Evidence:
    """One mention of an issue, with the article it comes from."""

    sheet: FactSheet
    issue: IssueFacts
    mention: IssueMention


@dataclass
class ActorSummary:
    """An actor of a party across all articles."""

    name: str
    kind: str
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    articles: list[str] = field(default_factory=list)


@dataclass
class Matrix:
    """Rows of issues, columns of parties; a cell counts stances (or co-mentions)."""

    issues: list[str]
    parties: list[str]
    cells: dict[tuple[str, str], Counter[str]]
    of_mentions: bool  # True when no positions were found: cells count co-mentions instead


def date_key(sheet: FactSheet) -> tuple[int, str]:
    """Sort key putting dated articles first, oldest first (undated ones keep their order after)."""
    return (0, sheet.article.date) if sheet.article.date else (1, "")


class Briefing:
    """The fact sheets of every article, indexed for the pages that cut across articles."""

    def __init__(self, sheets: Iterable[FactSheet], rules: RuleSet):
        self.sheets: list[FactSheet] = list(sheets)
        self.rules = rules
        self.by_id: dict[str, FactSheet] = {sheet.article.id: sheet for sheet in self.sheets}
        self._order = {sheet.article.id: index for index, sheet in enumerate(self.sheets)}
        self._sentence_starts = {sheet.article.id: [s.start for s in sheet.sentences] for sheet in self.sheets}
        self.quotes: list[PositionEntry] = [
            PositionEntry(sheet, position, number)
            for sheet in self.sheets
            for number, position in enumerate(sheet.positions, 1)
        ]
        self.quotes.sort(key=self._quote_key)
        self._rank = {id(quote): rank for rank, quote in enumerate(self.quotes)}
        # Indexes, so that pages about one party or issue never scan every article.
        self._quotes_by = self._index_quotes()
        self._articles_by = self._index_articles()
        # parties named from the text alone (nlp.provisional), which no rule defines
        self.provisional = {
            p.id for sheet in self.sheets for p in sheet.parties if p.provisional and p.id not in rules.parties
        }
        self.party_ids = sorted(
            {key for kind, key in self._articles_by if kind == "party"},
            key=lambda party_id: self.party_name(party_id).casefold(),
        )
        self.issue_ids = sorted(
            {key for kind, key in self._articles_by if kind == "issue"},
            key=lambda issue_id: self.issue_title(issue_id).casefold(),
        )
        self.people: dict[str, Person] = collect_people(self.sheets, self.quotes)
        # the people with a page: those an actor was resolved to (speakers only described are listed, no page)
        self.person_ids = sorted(
            (key for key, person in self.people.items() if person.named),
            key=lambda key: (self.people[key].name.casefold(), key),
        )

    def _index_quotes(self) -> dict[tuple[str, str], list[PositionEntry]]:
        """The positions (in date order) by ("article" | "issue" | "party", id)."""
        index: dict[tuple[str, str], list[PositionEntry]] = {}
        for quote in self.quotes:
            keys = [("article", quote.sheet.article.id)] + [("issue", i) for i in dict.fromkeys(quote.position.issues)]
            if quote.position.speaker.party:
                keys.append(("party", quote.position.speaker.party))
            for key in keys:
                index.setdefault(key, []).append(quote)
        return index

    def _index_articles(self) -> dict[tuple[str, str], list[str]]:
        """The ids of the articles (newest first) by ("issue" | "party", id): those naming it or quoting on it."""
        index: dict[tuple[str, str], list[str]] = {}
        for sheet in self.newest_first():
            keys = {("party", p.id) for p in sheet.parties} | {("issue", i.id) for i in sheet.issues}
            keys |= {("party", p.speaker.party) for p in sheet.positions if p.speaker.party}
            keys |= {("issue", i) for p in sheet.positions for i in p.issues}
            for key in sorted(keys):
                index.setdefault(key, []).append(sheet.article.id)
        return index

    # -- names ------------------------------------------------------------------------------------------

    def party_name(self, party_id: str) -> str:
        """The party's name: from its rule, else from an article that names it, else its id."""
        party = self.rules.parties.get(party_id)
        if party is not None:
            return party.name
        return self._first(lambda sheet: facts.name if (facts := sheet.party(party_id)) is not None else None, party_id)

    def issue_title(self, issue_id: str) -> str:
        """The issue's title: from its rule, else from an article that touches it, else its id."""
        issue = self.rules.issues.get(issue_id)
        if issue is not None:
            return issue.title
        return self._first(
            lambda sheet: facts.title if (facts := sheet.issue(issue_id)) is not None else None, issue_id
        )

    def _first(self, find: Callable[[FactSheet], str | None], default: str) -> str:
        """What `find` gives for the first article where it gives anything, else `default`."""
        return next((found for sheet in self.sheets if (found := find(sheet)) is not None), default)

    def stance_label(self, stance: str | None) -> str:
        """The label of a stance id (`Stated` for none)."""
        if stance is None:
            return "Stated"
        known = self.rules.stances.get(stance)
        return known.label if known is not None else stance

    # -- order ------------------------------------------------------------------------------------------

    def newest_first(self) -> list[FactSheet]:
        """Articles by date, newest first; undated ones last, by title."""
        dated = sorted((s for s in self.sheets if s.article.date), key=lambda s: s.article.title.casefold())
        dated.sort(key=lambda s: s.article.date or "", reverse=True)  # stable: same day keeps title order
        undated = sorted((s for s in self.sheets if not s.article.date), key=lambda s: s.article.title.casefold())
        return dated + undated

    def _quote_key(self, quote: PositionEntry) -> tuple[object, ...]:
        return (date_key(quote.sheet), self._order[quote.sheet.article.id], quote.offset)

    def sentence_number(self, sheet: FactSheet, offset: int) -> int | None:
        """The 1-based number of the sentence holding a character offset (its anchor is `s-N`)."""
        starts = self._sentence_starts.get(sheet.article.id) or []
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0:
            return None
        sentence = sheet.sentences[index]
        return index + 1 if offset < max(sentence.end, sentence.start + 1) else None

    # -- selections -------------------------------------------------------------------------------------

    def select(
        self, *, issues: Iterable[str] = (), parties: Iterable[str] = (), articles: Iterable[str] = ()
    ) -> list[PositionEntry]:
        """Positions in date order, kept when they match every filter given (each filter: any of).

        Works from the indexes only: a site's pages call this thousands of times.
        """
        selections: list[list[PositionEntry]] = []
        for kind, values in (("issue", set(issues)), ("party", set(parties)), ("article", set(articles))):
            if not values:
                continue
            found = {id(q): q for value in values for q in self._quotes_by.get((kind, value), [])}
            if len(values) > 1:
                selections.append(sorted(found.values(), key=lambda q: self._rank[id(q)]))
            else:
                selections.append(list(found.values()))
        if not selections:
            return list(self.quotes)
        smallest = min(selections, key=len)
        others = [{id(q) for q in selection} for selection in selections if selection is not smallest]
        return [quote for quote in smallest if all(id(quote) in other for other in others)]

    def evidence(self, issue_id: str, *, articles: Iterable[str] = ()) -> list[Evidence]:
        """The mentions of an issue, article by article in date order (only in `articles` when given)."""
        article_set = set(articles)
        found: list[Evidence] = []
        in_order = sorted(self.articles_of_issue(issue_id), key=lambda s: (date_key(s), self._order[s.article.id]))
        for sheet in in_order:
            if article_set and sheet.article.id not in article_set:
                continue
            issue = sheet.issue(issue_id)
            if issue is not None:
                found.extend(Evidence(sheet, issue, mention) for mention in issue.mentions)
        return found

    def articles_of_party(self, party_id: str) -> list[FactSheet]:
        """Articles naming the party or quoting it, newest first."""
        return [self.by_id[i] for i in self._articles_by.get(("party", party_id), [])]

    def articles_of_issue(self, issue_id: str) -> list[FactSheet]:
        """Articles touching the issue or with positions on it, newest first."""
        return [self.by_id[i] for i in self._articles_by.get(("issue", issue_id), [])]

    def actors(self, party_id: str) -> list[ActorSummary]:
        """The party's actors across articles, most mentioned first."""
        found: dict[str, ActorSummary] = {}
        for sheet in self.articles_of_party(party_id):
            party = sheet.party(party_id)
            if party is None:
                continue
            for actor in party.actors:
                summary = found.setdefault(actor.name, ActorSummary(actor.name, actor.kind))
                if actor.role and actor.role not in summary.roles:
                    summary.roles.append(actor.role)
                summary.mentions += actor.mentions
                if sheet.article.id not in summary.articles:
                    summary.articles.append(sheet.article.id)
        return sorted(found.values(), key=lambda a: (-a.mentions, a.name.casefold()))

    def matrix(
        self, *, issues: Iterable[str] = (), parties: Iterable[str] = (), articles: Iterable[str] = ()
    ) -> Matrix:
        """Who took positions on what; without any position, which parties each issue's evidence names."""
        issue_filter, party_filter, article_filter = list(issues), list(parties), list(articles)
        cells = self._stance_cells(issue_filter, party_filter, article_filter)
        of_mentions = not cells
        if of_mentions:
            cells = self._mention_cells(issue_filter, party_filter, article_filter)
        issue_ids = [i for i in self.issue_ids if any(key[0] == i for key in cells)]
        party_ids = [p for p in self.party_ids if any(key[1] == p for key in cells)]
        return Matrix(issue_ids, party_ids, cells, of_mentions)

    def _stance_cells(
        self, issues: list[str], parties: list[str], articles: list[str]
    ) -> dict[tuple[str, str], Counter[str]]:
        """The stances of the positions selected, by (issue, speaker's party)."""
        cells: dict[tuple[str, str], Counter[str]] = {}
        for quote in self.select(issues=issues, parties=parties, articles=articles):
            party = quote.position.speaker.party
            if party is None:
                continue
            for issue_id in quote.position.issues:
                if issues and issue_id not in issues:
                    continue
                cells.setdefault((issue_id, party), Counter())[quote.position.stance or ""] += 1
        return cells

    def _mention_cells(
        self, issues: list[str], parties: list[str], articles: list[str]
    ) -> dict[tuple[str, str], Counter[str]]:
        """How many articles' evidence for each issue names each party, by (issue, party)."""
        cells: dict[tuple[str, str], Counter[str]] = {}
        article_set = set(articles)
        for sheet in self.sheets:
            if article_set and sheet.article.id not in article_set:
                continue
            for issue in sheet.issues:
                if issues and issue.id not in issues:
                    continue
                for party in issue.parties:
                    if parties and party not in parties:
                        continue
                    cells.setdefault((issue.id, party), Counter())[""] += 1
        return cells

    def source_path(self, kind: str, key: str) -> str | None:
        """The file the facts of a page come from: the article's file, or the file of an issue's or a party's
        rule; None for the overview and for rules of built-in packs."""
        if kind == "article":
            return self.by_id[key].article.path
        if kind in ("issue", "party"):
            rule = self.rules.source_of(kind, key)
            return rule.path if rule is not None and rule.pack is None else None
        return None
