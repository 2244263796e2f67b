"""Compiling rules into spaCy matchers, and finding candidate mentions in a parsed `Doc`.

All literal phrases (aliases, names, surnames, roles, keywords) go into `PhraseMatcher`s, one per
matching mode; only real token patterns go into a `Matcher`. Overlapping candidates are settled
deterministically: higher `priority`, then the longer match, then the user's rules before a
pack's, then the rule defined first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Literal

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from .pipeline import Pipeline, lookup_lemmatizer
from .rules import RuleSet
from .schema import Alias, alias_of

EntryKind = Literal["party", "adjective", "member", "role", "agent", "exclude", "issue"]
Mode = Literal["exact", "lower", "lemma", "lookup", "pattern"]


@dataclass(frozen=True)
class Entry:
    """What a matched phrase stands for, and which rule said so."""

    kind: EntryKind
    target: str  # party id, issue id, or agent name
    member: int | None  # index of the member within its party
    role: int | None  # index of the role within the member's roles
    how: str  # "alias 'Beijing'", "surname 'Blinken'", "role 'Secretary of State'", ...
    priority: int
    rank: int  # definition order; user rules come before packs

    @property
    def is_name(self) -> bool:
        """A full name or alias (not a surname or role), as used to tell who the article names."""
        return self.kind == "member" and not self.how.startswith("surname")


@dataclass
class Candidate:
    """A token span and every entry that matched exactly it."""

    start: int
    end: int
    entries: list[Entry]

    @property
    def best(self) -> Entry:
        return min(self.entries, key=lambda e: (-e.priority, e.rank))

    def sort_key(self) -> tuple[int, int, int, int]:
        return (-self.best.priority, -(self.end - self.start), self.best.rank, self.start)


@dataclass
class CompiledRules:
    """Rules turned into matchers against one pipeline's vocabulary."""

    rules: RuleSet
    entity_matchers: dict[Mode, PhraseMatcher | Matcher]
    issue_matchers: dict[Mode, PhraseMatcher | Matcher]
    entries: dict[str, Entry] = field(default_factory=dict)

    def find_entities(self, doc: Doc) -> list[Candidate]:
        """Party, member, role and agent candidates, overlaps settled."""
        return settle(self._find(doc, self.entity_matchers))

    def find_issues(self, doc: Doc) -> list[Candidate]:
        """Issue keyword candidates, overlaps settled."""
        return settle(self._find(doc, self.issue_matchers))

    def _find(self, doc: Doc, matchers: dict[Mode, PhraseMatcher | Matcher]) -> list[Candidate]:
        grouped: dict[tuple[int, int], list[Entry]] = {}
        for mode, matcher in matchers.items():
            if len(matcher) == 0:
                continue
            target = lemma_doc(doc) if mode == "lemma" else lookup_doc(doc) if mode == "lookup" else doc
            for match_id, start, end in matcher(target):
                entry = self.entries[doc.vocab.strings[match_id]]
                bucket = grouped.setdefault((start, end), [])
                if entry not in bucket:
                    bucket.append(entry)
        return [Candidate(start, end, sorted(entries, key=lambda e: e.rank)) for (start, end), entries in grouped.items()]


def lemma_doc(doc: Doc) -> Doc:
    """A shadow doc whose words are the lower-cased lemmas, token for token (for lemma matching)."""
    words = [(token.lemma_ or token.text).lower() for token in doc]
    return Doc(doc.vocab, words=words)


def lookup_doc(doc: Doc) -> Doc:
    """A shadow doc of part-of-speech-free lemmas, so a tagger's guess (ADJ "tortured") cannot hide a keyword."""
    lemma = lookup_lemmatizer().lemma
    return Doc(doc.vocab, words=[lemma(token.lower_) for token in doc])


def settle(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep non-overlapping candidates: priority, then length, then rule order, then position."""
    taken: set[int] = set()
    kept = []
    for candidate in sorted(candidates, key=Candidate.sort_key):
        tokens = set(range(candidate.start, candidate.end))
        if tokens & taken:
            continue
        taken |= tokens
        kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


class _Compiler:
    def __init__(self, rules: RuleSet, pipeline: Pipeline):
        self.rules = rules
        self.pipeline = pipeline
        vocab = pipeline.nlp.vocab
        self.entries: dict[str, Entry] = {}
        self.entity: dict[Mode, PhraseMatcher | Matcher] = {
            "exact": PhraseMatcher(vocab, attr="ORTH"),
            "lower": PhraseMatcher(vocab, attr="LOWER"),
            "pattern": Matcher(vocab, validate=True),
        }
        self.issue: dict[Mode, PhraseMatcher | Matcher] = {
            "exact": PhraseMatcher(vocab, attr="ORTH"),
            "lower": PhraseMatcher(vocab, attr="LOWER"),
            "lemma": PhraseMatcher(vocab, attr="ORTH"),  # run on `lemma_doc`
            "lookup": PhraseMatcher(vocab, attr="ORTH"),  # run on `lookup_doc`
            "pattern": Matcher(vocab, validate=True),
        }
        self.phrases: dict[tuple[int, Mode, str], list[str]] = {}
        self.rank = 0

    def entry(self, kind: EntryKind, target: str, how: str, priority: int, member: int | None = None, role: int | None = None) -> str:
        self.rank += 1
        key = f"{kind}|{target}|{member}|{role}|{how}"
        self.entries.setdefault(key, Entry(kind, target, member, role, how, priority, self.rank))
        return key

    def add_alias(self, layer: dict[Mode, PhraseMatcher | Matcher], key: str, alias: Alias) -> None:
        text = alias.text.strip()
        spellings = list(dict.fromkeys([text, text.replace("'", "’"), text.replace("’", "'")]))  # either apostrophe
        if alias.case == "ignore" or (alias.case == "auto" and text == text.lower()):
            self._phrase(layer, key, "lower", spellings)
        elif alias.case == "exact":
            self._phrase(layer, key, "exact", spellings)
        else:
            self._phrase(layer, key, "exact", list(dict.fromkeys([*spellings, *(t.upper() for t in spellings)])))

    def _phrase(self, layer: dict[Mode, PhraseMatcher | Matcher], key: str, mode: Mode, texts: list[str]) -> None:
        self.phrases.setdefault((id(layer), mode, key), []).extend(texts)

    def compile(self) -> CompiledRules:
        ordered = sorted(self.rules.parties.values(), key=lambda p: (self.rules.sources[("party", p.id)].pack is not None, p.id))
        for party in ordered:
            self.compile_party(party)
        for index, agent in enumerate(self.rules.agents):
            key = self.entry("agent", str(index), f"agent {agent.name!r}", 0)
            for alias in [Alias(text=agent.name, case="ignore"), *map(alias_of, agent.aliases)]:
                self._phrase(self.entity, key, "lower", [alias.text])
        issues = sorted(self.rules.issues.values(), key=lambda i: (self.rules.sources[("issue", i.id)].pack is not None, i.id))
        lemma_phrases: list[tuple[str, str]] = []
        for issue in issues:
            key = self.entry("issue", issue.id, f"title {issue.title!r}", issue.priority)
            self.add_alias(self.issue, key, Alias(text=issue.title, case="ignore"))
            for spec in issue.aliases:
                alias = alias_of(spec)
                self.add_alias(self.issue, self.entry("issue", issue.id, f"alias {alias.text!r}", issue.priority), alias)
            for keyword in issue.keywords:
                lemma_phrases.append((self.entry("issue", issue.id, f"keyword {keyword!r}", issue.priority), keyword))
            for index, pattern in enumerate(issue.patterns):
                self.issue["pattern"].add(self.entry("issue", issue.id, f"pattern {index + 1}", issue.priority), [pattern])
        self.add_lemma_phrases(lemma_phrases)
        self.flush()
        return CompiledRules(self.rules, self.entity, self.issue, self.entries)

    def compile_party(self, party) -> None:  # type: ignore[no-untyped-def]
        priority = party.priority
        name_key = self.entry("party", party.id, f"name {party.name!r}", priority)
        self.add_alias(self.entity, name_key, Alias(text=party.name))
        for spec in party.aliases:
            alias = alias_of(spec)
            self.add_alias(self.entity, self.entry("party", party.id, f"alias {alias.text!r}", priority), alias)
        for spec in party.adjectives:
            alias = alias_of(spec)
            self.add_alias(self.entity, self.entry("adjective", party.id, f"adjective {alias.text!r}", priority), alias)
        for index, pattern in enumerate(party.patterns):
            self.entity["pattern"].add(self.entry("party", party.id, f"pattern {index + 1}", priority), [pattern])
        for spec in party.excludes:
            alias = alias_of(spec)
            self.add_alias(self.entity, self.entry("exclude", party.id, f"excluded phrase {alias.text!r}", priority), alias)
        for m_index, member in enumerate(party.members):
            key = self.entry("member", party.id, f"name {member.name!r}", priority, m_index)
            self.add_alias(self.entity, key, Alias(text=member.name))
            for spec in member.aliases:
                alias = alias_of(spec)
                self.add_alias(self.entity, self.entry("member", party.id, f"alias {alias.text!r}", priority, m_index), alias)
            surname = member.surname_alias()
            if surname:
                self.add_alias(self.entity, self.entry("member", party.id, f"surname {surname!r}", priority, m_index), Alias(text=surname, case="exact"))
            for r_index, role in enumerate(member.role_list()):
                key = self.entry("role", party.id, f"role {role.title!r}", priority, m_index, r_index)
                self._phrase(self.entity, key, "lower", [role.title])
            for index, pattern in enumerate(member.patterns):
                self.entity["pattern"].add(self.entry("member", party.id, f"pattern {index + 1}", priority, m_index), [pattern])

    def add_lemma_phrases(self, phrases: list[tuple[str, str]]) -> None:
        """Keywords match on lemmas: lemmatise each phrase once, and also keep its lower-case form."""
        docs = self.pipeline.lemmatize_phrases([text for _, text in phrases])
        lemma = lookup_lemmatizer().lemma
        for (key, text), doc in zip(phrases, docs):
            self._phrase(self.issue, key, "lemma", [" ".join((token.lemma_ or token.text).lower() for token in doc)])
            self._phrase(self.issue, key, "lookup", [" ".join(lemma(token.lower_) for token in doc)])
            self._phrase(self.issue, key, "lower", [text])

    def flush(self) -> None:
        make_doc = self.pipeline.nlp.make_doc
        vocab = self.pipeline.nlp.vocab
        for layer in (self.entity, self.issue):
            for (layer_id, mode, key), texts in self.phrases.items():
                if layer_id != id(layer):
                    continue
                matcher = layer[mode]
                assert isinstance(matcher, PhraseMatcher)
                texts = list(dict.fromkeys(t for t in texts if t.strip()))
                if mode in ("lemma", "lookup"):
                    docs = [Doc(vocab, words=text.split(" ")) for text in texts]
                else:
                    docs = [make_doc(text) for text in texts]
                matcher.add(key, docs)


def compile_rules(rules: RuleSet, pipeline: Pipeline) -> CompiledRules:
    """Build the matchers for a rule set (cheap: tokenises and lemmatises phrases, never parses articles)."""
    return _Compiler(rules, pipeline).compile()
