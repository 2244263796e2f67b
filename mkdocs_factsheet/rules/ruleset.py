"""The rules in force after loading: the `RuleSet`, its layers, and where each rule came from."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ..problems import Problem
from .schema import Agent, CounterExample, Cue, Example, Issue, Party, RuleModel, Stance, StanceWord, alias_of

# the small words of titles ("Secretary of State"), which are no title on their own
_FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "on", "in", "to", "a", "an", "de", "la", "du", "&"})


@dataclass(frozen=True)
class RuleSource:
    """Where a rule was defined: file, line, and whether it came from a built-in pack."""

    path: str
    line: int | None
    pack: str | None = None
    column: int | None = None  # only where a report needs it (examples); rule sources in the JSON are `path:line`

    def __str__(self) -> str:
        if self.line and self.column:
            return f"{self.path}:{self.line}:{self.column}"
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class RuleExample:
    """An `examples`/`counter_examples` entry with the rule it belongs to."""

    kind: str
    rule_id: str | None
    example: Example | CounterExample
    counter: bool
    source: RuleSource


@dataclass
class RuleLayer:
    """The rules of one source (a built-in pack, or the user's folder), before merging."""

    pack: str | None
    fingerprint: str
    parties: list[Party] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    agents: list[Agent] = field(default_factory=list)


@dataclass
class RuleSet:
    """Every rule in force, validated, with where each came from."""

    parties: dict[str, Party] = field(default_factory=dict)
    issues: dict[str, Issue] = field(default_factory=dict)
    agents: list[Agent] = field(default_factory=list)
    stances: dict[str, Stance] = field(default_factory=dict)
    cues: list[Cue] = field(default_factory=list)
    stance_words: list[StanceWord] = field(default_factory=list)
    message_nouns: list[str] = field(default_factory=list)  # lemmas; see `schema.Messages`
    message_verbs: list[str] = field(default_factory=list)
    thing_nouns: list[str] = field(default_factory=list)  # lemmas of things that state nothing (`schema.Messages`)
    independent_titles: list[str] = field(default_factory=list)  # commentators' lemmas (`schema.Independent`)
    workplaces: list[str] = field(default_factory=list)  # words of organisations people only work at
    workplace_leaders: list[str] = field(default_factory=list)  # titles that speak for a workplace (`Independent`)
    male_first_names: list[str] = field(default_factory=list)  # `schema.FirstNames`
    female_first_names: list[str] = field(default_factory=list)
    businesses: list[str] = field(default_factory=list)  # lemmas of nouns before a business's name (`AgentFile`)
    person_proxies: list[str] = field(default_factory=list)  # lemmas of people acting for a person (`schema.Proxies`)
    body_proxies: list[str] = field(default_factory=list)  # lemmas of bodies acting for a person
    sources: dict[tuple[str, str], RuleSource] = field(default_factory=dict)
    examples: list[RuleExample] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    fingerprint: str = ""
    # A digest per party and issue in force ("party:<id>", "issue:<id>") and one of all the rest
    # ("other": agents, cues, the layers): what tells which rules an edit changed.
    digests: dict[str, str] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)  # what loading found but did not stop: collisions
    # A rule set read back from the cache makes its `layers` when first asked for (`caching.rule_sets`).
    decode_layers: Callable[[], list[RuleLayer]] | None = field(default=None, repr=False, compare=False)

    @cached_property
    def layers(self) -> list[RuleLayer]:
        """The rules of each source (a built-in pack, the user's folder) before merging, in loading order."""
        return self.decode_layers() if self.decode_layers else []

    @cached_property
    def agent_phrases(self) -> frozenset[str]:
        """Every agent noun's phrase, lower-cased ("parliament", "supreme court"): words for a kind of body or
        person, never one's name."""
        return frozenset(alias_of(a).text.lower() for agent in self.agents for a in agent.aliases)

    @cached_property
    def body_phrases(self) -> frozenset[str]:
        """The agent nouns' phrases of bodies, lower-cased ("police", "ministry"): words of a public body's name."""
        return frozenset(
            alias_of(a).text.lower() for agent in self.agents if agent.kind == "body" for a in agent.aliases
        )

    @cached_property
    def people_nouns(self) -> frozenset[str]:
        """The last words of the agent nouns of people and groups, lower-cased ("spokesperson", "officials")."""
        return frozenset(phrase.split()[-1] for phrase in self.agent_phrases - self.body_phrases)

    @cached_property
    def title_words(self) -> frozenset[str]:
        """Every word of an agent noun's phrase or a role's title but "of", "the" …, lower-cased ("president",
        "mayor", "state"): words before a name that are not part of it."""
        titles = [role.title for party in self.parties.values() for m in party.members for role in m.role_list()]
        words = {word for phrase in [*self.agent_phrases, *titles] for word in phrase.lower().split()}
        return frozenset(words - _FUNCTION_WORDS)

    @cached_property
    def words_before_names(self) -> frozenset[str]:
        """`title_words` and the commentators' titles ("scientist", "economist"): a capitalised one opening a
        person's name the model read is no first name ("Economist Jane Hill")."""
        return self.title_words | {title.lower() for title in self.independent_titles}

    @cached_property
    def workplace_words(self) -> re.Pattern[str] | None:
        """The `workplaces` as one pattern over a lower-cased name, longest first ("University of Essex")."""
        words = sorted({word.lower() for word in self.workplaces}, key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b") if words else None

    def is_workplace(self, name: str) -> bool:
        """Does an organisation's name make it a place of study or debate ("University of Essex")?"""
        return self.workplace_words is not None and self.workplace_words.search(name.lower()) is not None

    @cached_property
    def business_lemmas(self) -> frozenset[str]:
        """The `businesses` nouns, lower-case."""
        return frozenset(word.lower() for word in self.businesses)

    @cached_property
    def voice_words(self) -> frozenset[str]:
        """The last words of the voices' agent nouns, lower-cased ("spokesman"): who speak as whom they serve."""
        phrases = [alias_of(a).text.lower() for agent in self.agents if agent.voice for a in agent.aliases]
        return frozenset(phrase.split()[-1] for phrase in phrases)

    @cached_property
    def proxy_kinds(self) -> dict[str, str]:
        """The `proxies` nouns, lower-case, each to the kind of actor it makes ("person" or "body")."""
        kinds = {word.lower(): "body" for word in self.body_proxies}
        return kinds | {word.lower(): "person" for word in self.person_proxies}

    @cached_property
    def countries(self) -> frozenset[str]:
        """The ids of the parties that are countries."""
        return frozenset(party.id for party in self.parties.values() if party.kind == "country")

    @cached_property
    def party_countries(self) -> dict[str, str]:
        """Party id → the country its rule says it belongs to, for the political parties that say one."""
        return {party.id: party.country for party in self.parties.values() if party.country is not None}

    @cached_property
    def member_genders(self) -> dict[str, str]:
        """Member name → the gender its rule declares (`male`/`female`), for the members that declare one."""
        return {
            member.name: member.gender for party in self.parties.values() for member in party.members if member.gender
        }

    @cached_property
    def first_name_genders(self) -> dict[str, str]:
        """Folded first name → "m" or "f", for the names only one of the rules' lists gives."""
        male = {name.casefold() for name in self.male_first_names}
        female = {name.casefold() for name in self.female_first_names}
        return {name: "m" for name in male - female} | {name: "f" for name in female - male}

    def source_of(self, kind: str, rule_id: str) -> RuleSource | None:
        return self.sources.get((kind, rule_id))

    def agent(self, name: str) -> Agent:
        """The agent of that name (a later folder's replaces a pack's)."""
        return next(agent for agent in reversed(self.agents) if agent.name == name)


class RuleOrigins:
    """Which rules of a rule set are a layer's validated files as read (the others were made by merging).

    Holds those rules, so that the identity each is known by stays theirs while the set is stored.
    """

    def __init__(self) -> None:
        self.layers: list[tuple[str | None, str, list[RuleModel]]] = []  # (pack, its files' fingerprint, their rules)
        self._where: dict[int, tuple[int, int]] = {}

    def add_layer(self, pack: str | None, fingerprint: str, rules: list[RuleModel]) -> None:
        for index, rule in enumerate(rules):
            self._where[id(rule)] = (len(self.layers), index)
        self.layers.append((pack, fingerprint, rules))

    def of(self, rule: RuleModel) -> tuple[int, int] | None:
        """(layer, file) of a rule that is that file's validated rule as read, else None."""
        where = self._where.get(id(rule))
        return where if where is not None and self.layers[where[0]][2][where[1]] is rule else None
