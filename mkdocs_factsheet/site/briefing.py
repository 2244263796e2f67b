"""What the site publishes, independent of Markdown: fact sheets indexed by party, issue and date.

`Briefing` is built once per build from the engine's output; the renderers and the markers only
read it. `SiteMap` knows which pages exist and where, so that every link the renderers emit
points at a page that is really generated.
"""

from __future__ import annotations

import bisect
import functools
import posixpath
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from .naming import is_plain, page_stems, readable, safe_stem, short_hash

if TYPE_CHECKING:
    from mkdocs_factsheet import FactSheet, Problem, RuleSet
    from mkdocs_factsheet.model import IssueFacts, IssueMention, Position

def page_stem(key: str, taken: set[str]) -> str:
    """A file name (without `.md`) for one id, unique among `taken` (lower-cased stems, updated).

    Kept for callers naming one page at a time; `SiteMap` names a whole set at once with
    `naming.page_stems`, which does not depend on the order of the ids.
    """
    stem = safe_stem(key)
    if stem.lower() in taken:
        stem = f"{stem}-{short_hash(key)}" if is_plain(key) else f"{readable(key)}-{short_hash(key, 16)}"
    taken.add(stem.lower())
    return stem


@dataclass(frozen=True)
class Quote:
    """A position together with the article it comes from."""

    sheet: FactSheet
    position: Position
    number: int  # 1-based, in the article's order of positions

    @property
    def offset(self) -> int:
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

    def __init__(self, sheets: Iterable[FactSheet], rules: RuleSet, problems: Iterable[Problem] = ()):
        self.sheets: list[FactSheet] = list(sheets)
        self.rules = rules
        self.problems: list[Problem] = list(problems)
        self.by_id: dict[str, FactSheet] = {sheet.article.id: sheet for sheet in self.sheets}
        self._order = {sheet.article.id: index for index, sheet in enumerate(self.sheets)}
        self._sentence_starts = {sheet.article.id: [s.start for s in sheet.sentences] for sheet in self.sheets}
        self.quotes: list[Quote] = [
            Quote(sheet, position, number)
            for sheet in self.sheets
            for number, position in enumerate(sheet.positions, 1)
        ]
        self.quotes.sort(key=self._quote_key)
        self._rank = {id(quote): rank for rank, quote in enumerate(self.quotes)}
        # Indexes, so that pages about one party or issue never scan every article.
        self._quotes_by: dict[tuple[str, str], list[Quote]] = {}
        self._articles_by: dict[tuple[str, str], list[str]] = {}
        for quote in self.quotes:
            keys = [("article", quote.sheet.article.id)] + [("issue", i) for i in dict.fromkeys(quote.position.issues)]
            if quote.position.speaker.party:
                keys.append(("party", quote.position.speaker.party))
            for key in keys:
                self._quotes_by.setdefault(key, []).append(quote)
        for sheet in self.newest_first():
            keys = {("party", p.id) for p in sheet.parties} | {("issue", i.id) for i in sheet.issues}
            keys |= {("party", p.speaker.party) for p in sheet.positions if p.speaker.party}
            keys |= {("issue", i) for p in sheet.positions for i in p.issues}
            for key in sorted(keys):
                self._articles_by.setdefault(key, []).append(sheet.article.id)
        self.party_ids = sorted(
            {key for kind, key in self._articles_by if kind == "party"},
            key=lambda party_id: self.party_name(party_id).casefold(),
        )
        self.issue_ids = sorted(
            {key for kind, key in self._articles_by if kind == "issue"},
            key=lambda issue_id: self.issue_title(issue_id).casefold(),
        )

    # -- names ------------------------------------------------------------------------------------------

    def party_name(self, party_id: str) -> str:
        party = self.rules.parties.get(party_id)
        if party is not None:
            return party.name
        for sheet in self.sheets:
            facts = sheet.party(party_id)
            if facts is not None:
                return facts.name
        return party_id

    def issue_title(self, issue_id: str) -> str:
        issue = self.rules.issues.get(issue_id)
        if issue is not None:
            return issue.title
        for sheet in self.sheets:
            facts = sheet.issue(issue_id)
            if facts is not None:
                return facts.title
        return issue_id

    def stance_label(self, stance: str | None) -> str:
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

    def _quote_key(self, quote: Quote) -> tuple[object, ...]:
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

    def select(self, *, issues: Iterable[str] = (), parties: Iterable[str] = (), articles: Iterable[str] = ()) -> list[Quote]:
        """Positions in date order, kept when they match every filter given (each filter: any of).

        Works from the indexes only: a site's pages call this thousands of times.
        """
        selections: list[list[Quote]] = []
        for kind, values in (("issue", set(issues)), ("party", set(parties)), ("article", set(articles))):
            if not values:
                continue
            found = {id(q): q for value in values for q in self._quotes_by.get((kind, value), [])}
            selections.append(sorted(found.values(), key=lambda q: self._rank[id(q)]) if len(values) > 1 else list(found.values()))
        if not selections:
            return list(self.quotes)
        smallest = min(selections, key=len)
        others = [{id(q) for q in selection} for selection in selections if selection is not smallest]
        return [quote for quote in smallest if all(id(quote) in other for other in others)]

    def evidence(self, issue_id: str, *, articles: Iterable[str] = ()) -> list[Evidence]:
        article_set = set(articles)
        found = []
        for sheet in sorted(self.articles_of_issue(issue_id), key=lambda s: (date_key(s), self._order[s.article.id])):
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

    def matrix(self, *, issues: Iterable[str] = (), parties: Iterable[str] = (), articles: Iterable[str] = ()) -> Matrix:
        """Who took positions on what; without any position, which parties each issue's evidence names."""
        issue_filter, party_filter = list(issues), list(parties)
        cells: dict[tuple[str, str], Counter[str]] = {}
        quotes = self.select(issues=issue_filter, parties=party_filter, articles=articles)
        for quote in quotes:
            party = quote.position.speaker.party
            if party is None:
                continue
            for issue in quote.position.issues:
                if issue_filter and issue not in issue_filter:
                    continue
                cells.setdefault((issue, party), Counter())[quote.position.stance or ""] += 1
        of_mentions = not cells
        if of_mentions:
            article_set = set(articles)
            for sheet in self.sheets:
                if article_set and sheet.article.id not in article_set:
                    continue
                for issue in sheet.issues:
                    if issue_filter and issue.id not in issue_filter:
                        continue
                    for party in issue.parties:
                        if party_filter and party not in party_filter:
                            continue
                        cells.setdefault((issue.id, party), Counter())[""] += 1
        issue_ids = [i for i in self.issue_ids if any(key[0] == i for key in cells)]
        party_ids = [p for p in self.party_ids if any(key[1] == p for key in cells)]
        return Matrix(issue_ids, party_ids, cells, of_mentions)


@dataclass(frozen=True)
class PageRef:
    """A generated page: its kind (`overview`, `article`, `issue`, `party`), key, location and title."""

    kind: str
    key: str
    src_uri: str
    title: str


class SiteMap:
    """Where each generated page lives; the renderers ask it for the pages they link to."""

    # Set by the plugin from the MkDocs config: links are built-page URLs (`pictures.url_between`),
    # and rule files are shown relative to the project.
    directory_urls: bool = True

    @staticmethod
    def shown(path: str) -> str:
        return path

    def __init__(self, briefing: Briefing, prefix: str, kinds: Iterable[str], json_uri: str | None = None):
        self.prefix = prefix.strip("/")
        self.pages: dict[tuple[str, str], PageRef] = {}
        self.json_uri = json_uri
        kinds = set(kinds)
        if "overview" in kinds:
            self._add("overview", "", "index", "Overview")
        # Names from `naming.page_stems`: safe whatever the id holds, unique where case is
        # ignored, and the same whatever order the articles were read in.
        if "articles" in kinds:
            stems = page_stems(sheet.article.id for sheet in briefing.sheets)
            for sheet in sorted(briefing.sheets, key=lambda s: s.article.id):
                self._add("article", sheet.article.id, f"articles/{stems[sheet.article.id]}", sheet.article.title)
        if "issues" in kinds:
            stems = page_stems(briefing.issue_ids)
            for issue_id in sorted(briefing.issue_ids):
                self._add("issue", issue_id, f"issues/{stems[issue_id]}", briefing.issue_title(issue_id))
        if "parties" in kinds:
            stems = page_stems(briefing.party_ids)
            for party_id in sorted(briefing.party_ids):
                self._add("party", party_id, f"parties/{stems[party_id]}", briefing.party_name(party_id))

    def _add(self, kind: str, key: str, path: str, title: str) -> None:
        src_uri = posixpath.join(self.prefix, f"{path}.md") if self.prefix else f"{path}.md"
        self.pages[(kind, key)] = PageRef(kind, key, src_uri, title)

    def get(self, kind: str, key: str = "") -> PageRef | None:
        return self.pages.get((kind, key))

    def by_uri(self) -> dict[str, PageRef]:
        return {page.src_uri: page for page in self.pages.values()}


def relative(here: str, target: str, anchor: str | None = None) -> str:
    """The relative Markdown link from one src_uri to another (MkDocs turns it into the page URL)."""
    path = "" if target == here else _relative_path(posixpath.dirname(here) or ".", target)
    return f"{path}#{anchor}" if anchor else (path or "#")


@functools.lru_cache(maxsize=65536)
def _relative_path(folder: str, target: str) -> str:
    return posixpath.relpath(target, folder)  # slow (it normalises both paths), and asked for every link
