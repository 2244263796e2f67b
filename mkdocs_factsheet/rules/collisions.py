"""Collisions and shadowing between rules: one phrase that names two things, and which one wins.

The matcher settles a phrase claimed by several rules deterministically (`nlp/matching.py`):
the higher `priority`, then the site's rules before a pack's, then the rule defined first (by
id, then the order of the entries in its file). A shared member name or alias is left
unresolved unless one of them is the site's own; a party's `excludes` phrase, when it wins,
hides every party there; a place of a pack yields to a phrase of the site's own issues
(`nlp/mentions.py`). Without spaCy, this module replays those rules on the rules alone and
reports every collision that involves the site's rules as a warning, with both locations and
the winner. Collisions inside a pack are the pack's own, and collisions between two of the
site's names (aliases, member names) are the loader's errors, so neither is reported here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from ..problems import Problem
from .ruleset import RuleLayer, RuleSet
from .schema import Alias, Issue, Member, Party, alias_of, keyword_of

Locate = Callable[[str, str, tuple[Any, ...]], tuple[str, int | None, int | None]]
"""(kind, rule id, path in the rule's file) → (file, line, column)."""


@dataclass(frozen=True)
class Phrase:
    """One phrase a rule in force matches, and how it competes with the others."""

    text: str
    kind: str  # party | adjective | exclude | member | issue (as `nlp.matching.Entry.kind`)
    what: str  # "alias", "name", "keyword", "member alias" … for messages
    rule_kind: str  # party | issue
    rule: str
    path: tuple[Any, ...]
    priority: int
    pack: str | None
    rank: int
    member: int | None = None
    ignore_case: bool = False
    forms: frozenset[str] = frozenset()

    @property
    def key(self) -> str:
        return self.text.replace("’", "'").casefold()

    def order(self) -> tuple[int, bool, int]:
        return (-self.priority, self.pack is not None, self.rank)

    def overlaps(self, other: Phrase) -> bool:
        """Whether some text is matched by both (letter case considered)."""
        if self.ignore_case or other.ignore_case:
            return self.key == other.key
        return bool(self.forms & other.forms)

    @property
    def person(self) -> tuple[str, int | None]:
        return (self.rule, self.member)

    def label(self) -> str:
        return f"the {self.what} of {self.rule_kind} {self.rule!r}"


def _phrase(text: str, case: str, capitals: bool, **fields: Any) -> Phrase:
    text = text.strip().replace("’", "'")
    if case == "ignore" or (case == "auto" and text == text.lower()):
        return Phrase(text, ignore_case=True, **fields)
    forms = {text} if case == "exact" or not capitals else {text, text.upper()}
    return Phrase(text, forms=frozenset(forms), **fields)


class _Ranker:
    """The phrases of one layer, ranked in the order `nlp.matching` compiles them."""

    def __init__(
        self,
        layer: RuleLayer,
        rules: RuleSet,
        keys: set[str] | None = None,
        index: PackIndex | None = None,
        wanted: set[str] | None = None,
    ):
        """`keys`: keep only phrases with one of these keys (the ranks still count every entry); with a pack
        layer's `index`, only the parties in `wanted` are read entry by entry, the others only counted."""
        self.layer, self.rules, self.rank, self.keys = layer, rules, 0, keys
        self.index, self.wanted = index, wanted
        self.found: list[Phrase] = []

    def add(self, alias: Alias | None, capitals: bool = True, **fields: Any) -> None:
        self.rank += 1
        if alias is None:
            return
        if self.keys is not None and _key(alias.text) not in self.keys:
            return
        self.found.append(_phrase(alias.text, alias.case, capitals, rank=self.rank, pack=self.layer.pack, **fields))

    def phrases(self) -> list[Phrase]:
        for party in sorted(self.layer.parties, key=lambda p: p.id):
            if self.index is not None and self.wanted is not None and party.id not in self.wanted:
                self.rank += self.index.entries[party.id]
            elif self.rules.parties.get(party.id) is party:
                self.party(party)
            else:
                self.rank += _entries(party)
        self.rank += len(self.layer.agents)
        for issue in sorted(self.layer.issues, key=lambda i: i.id):
            self.issue(issue, in_force=self.rules.issues.get(issue.id) is issue)
        return self.found

    def party(self, party: Party) -> None:
        common: dict[str, Any] = {"rule_kind": "party", "rule": party.id, "priority": party.priority}
        self.add(Alias(text=party.name), kind="party", what="name", path=("name",), **common)
        for field, kind in (("aliases", "party"), ("adjectives", "adjective")):
            for index, spec in enumerate(getattr(party, field)):
                self.add(alias_of(spec), kind=kind, what=kind.replace("party", "alias"), path=(field, index), **common)
        self.rank += len(party.patterns)
        for index, spec in enumerate(party.excludes):
            self.add(alias_of(spec), kind="exclude", what="excluded phrase", path=("excludes", index), **common)
        for m, member in enumerate(party.members):
            if self.keys is not None and not any(_key(text) in self.keys for text in _member_texts(member)):
                # none of its phrases can be wanted: count its entries only (pydantic objects are costly)
                self.rank += 1 + len(member.aliases) + bool(member.surname_alias()) + len(member.roles)
                self.rank += len(member.patterns)
                continue
            place = ("members", m)
            fields: dict[str, Any] = {"kind": "member", "member": m, **common}
            self.add(Alias(text=member.name), False, what="member name", path=(*place, "name"), **fields)
            for index, spec in enumerate(member.aliases):
                path = (*place, "aliases", index)
                self.add(alias_of(spec), False, what=f"alias of member {member.name!r}", path=path, **fields)
            self.rank += bool(member.surname_alias()) + len(member.role_list()) + len(member.patterns)

    def issue(self, issue: Issue, *, in_force: bool) -> None:
        common: dict[str, Any] = {"rule_kind": "issue", "rule": issue.id, "priority": issue.priority, "kind": "issue"}
        if not in_force:
            self.rank += 1 + len(issue.aliases) + len(issue.keywords) + len(issue.patterns)
            return
        self.add(Alias(text=issue.title, case="ignore"), what="title", path=("title",), **common)
        for index, spec in enumerate(issue.aliases):
            self.add(alias_of(spec), what="alias", path=("aliases", index), **common)
        for index, keyword in enumerate(issue.keywords):
            text = keyword_of(keyword).text
            self.add(Alias(text=text, case="ignore"), what="keyword", path=("keywords", index), **common)
        self.rank += len(issue.patterns)


def _key(text: str) -> str:
    """`Phrase.key` of a phrase's text, without making the phrase."""
    return text.strip().replace("’", "'").casefold()


def _member_texts(member: Member) -> list[str]:
    return [member.name, *(_text(spec) for spec in member.aliases)]


def _entries(party: Party) -> int:
    """How many matcher entries a party makes (to keep the ranks of the parties after it)."""
    count = 1 + len(party.aliases) + len(party.adjectives) + len(party.patterns) + len(party.excludes)
    for member in party.members:
        count += 1 + len(member.aliases) + bool(member.surname_alias()) + len(member.roles)
        count += len(member.patterns)
    return count


@dataclass
class PackIndex:
    """A pack layer's phrase keys with the rules that have each, and each party's count of matcher entries."""

    keys: dict[str, list[Party | Issue]]
    entries: dict[str, int]


PackKeys = dict[tuple[str, str], PackIndex]
"""The index of each pack layer, by (pack, fingerprint): made once per process (or `serve` session)."""


def find_collisions(rules: RuleSet, locate: Locate, pack_keys: PackKeys | None = None) -> list[Problem]:
    """Every collision that involves the site's rules, as located warnings naming both sides and the winner.

    `pack_keys` keeps each pack layer's phrase keys between calls (a `serve` session's rule edits).
    """
    # Only groups holding a phrase of the site's own rules are reported: a pack's phrases are made
    # only for the keys the site's phrases have (the world pack has thousands; a site, a few dozen),
    # and not at all when none of the pack's rules in force has one of those keys.
    own = {index: _Ranker(layer, rules).phrases() for index, layer in enumerate(rules.layers) if layer.pack is None}
    keys = {phrase.key for found in own.values() for phrase in found}
    phrases: list[Phrase] = []
    for index, layer in enumerate(rules.layers):
        if index in own:
            phrases += own[index]
        elif pack_keys is None:
            phrases += _Ranker(layer, rules, keys).phrases()
        elif wanted := _wanted(rules, layer, keys, pack_keys):  # the pack's rules in force with one of the keys
            phrases += _Ranker(layer, rules, keys, pack_keys[(layer.pack or "", layer.fingerprint)], wanted).phrases()
    groups: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        groups.setdefault(phrase.key, []).append(phrase)
    reporter = _Reporter(rules, locate)
    for group in groups.values():
        if len({(p.rule_kind, p.rule) for p in group}) > 1 and any(p.pack is None for p in group):
            reporter.group(group)
    return reporter.problems


def _wanted(rules: RuleSet, layer: RuleLayer, keys: set[str], pack_keys: PackKeys) -> set[str]:
    """The ids of a pack layer's parties and issues in force that have a phrase with one of `keys`."""
    place = (layer.pack or "", layer.fingerprint)
    index = pack_keys.get(place)
    if index is None:
        index = pack_keys[place] = _index(layer)
    wanted: set[str] = set()
    for key in keys & index.keys.keys():
        for rule in index.keys[key]:
            table: dict[str, Any] = rules.parties if isinstance(rule, Party) else rules.issues
            if table.get(rule.id) is rule:
                wanted.add(rule.id)
    return wanted


def _index(layer: RuleLayer) -> PackIndex:
    """Every phrase key of a layer's parties and issues (as `_Ranker` makes them), with the rules that have it."""
    index = PackIndex({}, {party.id: _entries(party) for party in layer.parties})

    def add(text: str, rule: Party | Issue) -> None:
        index.keys.setdefault(_key(text), []).append(rule)

    for party in layer.parties:
        for name in ("aliases", "adjectives", "excludes"):
            for spec in getattr(party, name):
                add(_text(spec), party)
        add(party.name, party)
        for member in party.members:
            for text in _member_texts(member):
                add(text, party)
    for issue in layer.issues:
        for text in [issue.title, *(_text(spec) for spec in issue.aliases)]:
            add(text, issue)
        for keyword in issue.keywords:
            add(keyword_of(keyword).text, issue)
    return index


def _text(spec: Any) -> str:
    return spec if isinstance(spec, str) else spec.text


class _Reporter:
    def __init__(self, rules: RuleSet, locate: Locate):
        self.rules, self.locate = rules, locate
        self.problems: list[Problem] = []
        self.seen: set[tuple[Any, ...]] = set()

    def group(self, group: list[Phrase]) -> None:
        entities = [p for p in group if p.rule_kind == "party"]
        issues = [p for p in group if p.rule_kind == "issue"]
        for first, second in combinations(entities, 2):
            if _entity_pair_reported(first, second):
                self.pair(first, second, _entity_outcome([p for p in entities if p.overlaps(first)]))
        for first, second in combinations(issues, 2):
            if first.rule != second.rule and first.overlaps(second) and not _loader_error(first, second):
                winner = min((p for p in issues if p.overlaps(first)), key=Phrase.order)
                self.pair(first, second, f"issue {winner.rule!r} wins{_because(winner, first, second)}")
        for issue in issues:
            for party in entities:
                if self.place_yields(issue, party):
                    outcome = (
                        f"issue {issue.rule!r} wins: a pack's place yields to the site's issues, so party "
                        f"{party.rule!r} is not found there (its actors still are)"
                    )
                    self.pair(issue, party, outcome)

    def place_yields(self, issue: Phrase, party: Phrase) -> bool:
        """A pack's place named by a phrase of the site's issue is not found there (`_yield_to_own_issues`)."""
        return (
            issue.pack is None
            and party.pack is not None
            and party.kind in ("party", "adjective")
            and self.rules.parties[party.rule].kind != "organisation"
        )

    def pair(self, first: Phrase, second: Phrase, outcome: str) -> None:
        if self.acknowledged(first, second) or (first.pack is not None and second.pack is not None):
            return
        here = max((p for p in (first, second) if p.pack is None), key=Phrase.order)  # the site's, defined later
        there = second if here is first else first
        key = (here.rule_kind, here.rule, here.path, there.rule_kind, there.rule, there.path)
        if key in self.seen:
            return
        self.seen.add(key)
        path, line, column = self.locate(here.rule_kind, here.rule, here.path)
        where = "{}:{}".format(*self.locate(there.rule_kind, there.rule, there.path)[:2])
        message = f"{here.text!r}, {here.label()}, is also {there.label()} ({where}): {outcome}"
        hint = (
            f"if that is what you want, add `shadows: [{there.rule}]` to {here.rule}; otherwise keep the phrase "
            "in one rule, change a `priority`, or trim the pack's entry (`extends:` with `remove:`)"
        )
        self.problems.append(Problem(path, line, column, message, hint, "warning"))

    def acknowledged(self, first: Phrase, second: Phrase) -> bool:
        """A rule's `shadows:` list names the other rule: the collision is deliberate."""
        return second.rule in self.shadows(first) or first.rule in self.shadows(second)

    def shadows(self, phrase: Phrase) -> list[str]:
        rule: Party | Issue = (self.rules.parties if phrase.rule_kind == "party" else self.rules.issues)[phrase.rule]
        return rule.shadows


def _loader_error(first: Phrase, second: Phrase) -> bool:
    """Two of the site's rules sharing a name or an alias: the loader reports it as an error."""
    if first.pack is not None or second.pack is not None:
        return False
    names = {"name", "alias", "adjective", "title"}
    return (first.what in names and second.what in names) or (first.what == second.what == "member name")


def _entity_pair_reported(first: Phrase, second: Phrase) -> bool:
    if first.rule == second.rule or not first.overlaps(second) or _loader_error(first, second):
        return False
    return first.pack is None or second.pack is None


def _entity_outcome(group: list[Phrase]) -> str:
    """What a text saying the phrase resolves to, as `nlp.mentions._Resolver.resolve_one` decides."""
    best = min(group, key=Phrase.order)
    runner_up = min((p for p in group if p.rule != best.rule), key=Phrase.order)
    because = _because(best, best, runner_up)
    if best.kind == "exclude":
        return f"party {best.rule!r} excludes the phrase{because}, so no party is found there"
    if best.kind != "member":
        return f"party {best.rule!r} wins{because}"
    people = {p.person for p in group if p.kind == "member"}
    own = {p.person for p in group if p.kind == "member" and p.pack is None}
    if len(people) == 1 or len(own) == 1:
        rule, _ = next(iter(people if len(people) == 1 else own))
        reason = "" if len(people) == 1 else " (defined in the site's own rules)"
        return f"the member of party {rule!r} wins{reason or because}"
    owners = ", ".join(sorted({repr(rule) for rule, _ in people}))
    return (
        f"neither wins: members of {owners} share it, so a text naming it is left unresolved "
        "unless the article's date picks the one in office"
    )


def _because(winner: Phrase, first: Phrase, second: Phrase) -> str:
    """Why `winner` beats the other of the two."""
    loser = second if winner.rule == first.rule else first
    if winner.priority != loser.priority:
        return f" (higher priority: {winner.priority} over {loser.priority})"
    if (winner.pack is None) != (loser.pack is None):
        return " (the site's rules before a pack's)"
    return " (defined first: ids in alphabetical order)"
