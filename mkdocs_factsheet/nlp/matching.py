"""Compiling rules into spaCy matchers, and finding candidate mentions in a parsed `Doc`.

All literal phrases (aliases, names, surnames, roles, keywords) go into `PhraseMatcher`s, one per
matching mode, under a single match key each; a table from the matched words to what they stand
for says which rule fired. Only real token patterns go into a `Matcher`. Each rule layer (a
built-in pack, or the user's folder) is compiled on its own, and a pack's compiled layer is kept
in a memo the caller owns (`CompiledPacks`), so a rule edit recompiles only the user's rules.

Overlapping candidates are settled deterministically: higher `priority`, then the longer match,
then the user's rules before a pack's, then the rule defined first.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Literal

from spacy.attrs import LEMMA, LOWER
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..problems import RuleWarning
from ..rules import RuleLayer, RuleSet
from ..rules.files import unbounded_wildcards
from ..rules.schema import Alias, Issue, Party, alias_of, keyword_of
from .headline import HeadlineCountries
from .lexicon import Lexicon
from .pipeline import LookupLemmatizer, Pipeline

EntryKind = Literal["party", "adjective", "member", "role", "agent", "exclude", "issue", "keyword_exclude"]
Mode = Literal["exact", "lower", "lemma", "lookup"]
Target = Literal["entity", "issue"]


@dataclass(frozen=True)
class Entry:
    """What a matched phrase stands for, and which rule said so."""

    kind: EntryKind
    target: str  # party id, issue id, or agent name
    member: int | None  # index of the member within its party
    role: int | None  # index of the role within the member's roles
    how: str  # "alias 'Beijing'", "surname 'Blinken'", "role 'Secretary of State'", ...
    priority: int
    rank: int  # definition order within the layer
    pack: str | None = None  # the layer it comes from

    @property
    def is_name(self) -> bool:
        """A full name or alias (not a surname or role), as used to tell who the article names."""
        return self.kind == "member" and not self.how.startswith("surname")

    def order(self) -> tuple[int, int, int]:
        return (-self.priority, self.pack is not None, self.rank)


@dataclass
class Candidate:
    """A token span and every entry that matched exactly it."""

    start: int
    end: int
    entries: list[Entry]

    @property
    def best(self) -> Entry:
        return min(self.entries, key=Entry.order)

    def sort_key(self) -> tuple[int, int, int, int, int]:
        priority, from_pack, rank = self.best.order()
        return (priority, -(self.end - self.start), from_pack, rank, self.start)


def _words(doc: Doc | Span, mode: Mode, lemmatizer: LookupLemmatizer) -> list[str]:
    if mode == "exact":
        return [token.text for token in doc]
    if mode == "lower":
        return [token.lower_ for token in doc]
    if mode == "lemma":
        return [(token.lemma_ or token.text).lower() for token in doc]
    return [lemmatizer.lemma(token.lower_) for token in doc]


class DocViews:
    """What matching needs of one `Doc` besides the doc itself, each made once and only when asked for."""

    def __init__(self, doc: Doc, lemmatizer: LookupLemmatizer):
        self.doc = doc
        self.lemmatizer = lemmatizer
        self._shadows: dict[Mode, Doc] = {}
        self._words: set[str] | None = None
        self.over_budget: dict[Entry, int] = {}  # patterns not matched in some sentences → how many

    def sentences(self) -> list[Span]:
        """The doc's sentences (the whole doc when it has no sentence boundaries)."""
        return list(self.doc.sents) if self.doc.has_annotation("SENT_START") else [self.doc[:]]

    def shadow(self, mode: Mode) -> Doc:
        """The doc as one token per lemma (the lemma modes match on these)."""
        if mode not in self._shadows:
            self._shadows[mode] = Doc(self.doc.vocab, words=_words(self.doc, mode, self.lemmatizer))
        return self._shadows[mode]

    @property
    def words(self) -> set[str]:
        if self._words is None:
            self._words = article_words(self.doc, self.lemmatizer)
        return self._words


MATCH_BUDGET = 50_000_000
"""Most work one token pattern with several unbounded wildcards may do on one article, counted as the
sum over its sentences of (tokens) ** (wildcards + 1): about a second (4 wildcards: 2.6 s at 50 tokens)."""


@dataclass
class PatternRule:
    """One token pattern in a `Matcher` of its own, run only on docs that hold its literal words."""

    matcher: Matcher
    entry: Entry
    triggers: list[Trigger] | None
    wildcards: int  # unbounded ones (`rules.files.unbounded_wildcards`)
    pattern: list[dict[str, Any]]

    def find(self, views: DocViews) -> Iterable[tuple[int, int, Entry]]:
        # spaCy's Matcher checks every token against every pattern's first slot in Python-level
        # predicates (`IN` lists): 4-5 ms per article for a handful of patterns, most of them
        # unable to match an article that lacks their words.
        if not may_match(self.triggers, views.words):
            return
        if self.wildcards < 2:
            for _, start, end in self.matcher(views.doc):
                yield start, end, self.entry
            return
        # Several `{OP: "*"}` make spaCy's Matcher take time and memory growing as the length to the power
        # of their number, in C, where nothing can stop it: match sentence by sentence, within a budget.
        spent = 0
        for sentence in views.sentences():
            cost = len(sentence) ** (self.wildcards + 1)
            if spent + cost > MATCH_BUDGET:
                views.over_budget[self.entry] = views.over_budget.get(self.entry, 0) + 1
                continue
            spent += cost
            for _, start, end in self.matcher(sentence):
                yield sentence.start + start, sentence.start + end, self.entry


@dataclass
class CompiledLayer:
    """The matchers of one rule layer."""

    pack: str | None
    phrase_matchers: dict[tuple[Target, Mode], PhraseMatcher] = field(default_factory=dict)
    phrase_tables: dict[tuple[Target, Mode], dict[tuple[str, ...], list[Entry]]] = field(default_factory=dict)
    patterns: dict[Target, list[PatternRule]] = field(default_factory=dict)

    def add_phrases(self, target: Target, mode: Mode, table: dict[tuple[str, ...], list[Entry]], vocab: Vocab) -> None:
        """One PhraseMatcher for the table's phrases, as string hashes: a lexeme per pattern word made compiling the
        world pack several times slower (spaCy's stubs say patterns are `Doc`s; hash lists work too)."""
        matcher = PhraseMatcher(vocab, attr="LOWER" if mode == "lower" else "ORTH")
        hashes = [[vocab.strings.add(word) for word in words] for words in table if words]
        matcher.add(f"factsheet-{target}-{mode}", hashes)  # type: ignore[arg-type]
        self.phrase_matchers[(target, mode)] = matcher
        self.phrase_tables[(target, mode)] = table

    def add_pattern(self, target: Target, entry: Entry, pattern: list[dict[str, Any]], vocab: Vocab) -> None:
        matcher = Matcher(vocab, validate=True)
        matcher.add(f"{entry.kind}|{entry.target}|{entry.member}|{entry.rank}", [pattern])
        rule = PatternRule(matcher, entry, pattern_triggers([pattern]), unbounded_wildcards(pattern), pattern)
        self.patterns.setdefault(target, []).append(rule)

    def find(self, views: DocViews, target: Target) -> Iterable[tuple[int, int, Entry]]:
        for (kind, mode), matcher in self.phrase_matchers.items():
            if kind != target:
                continue
            probe = views.doc if mode in ("exact", "lower") else views.shadow(mode)
            table = self.phrase_tables[(kind, mode)]
            for _, start, end in matcher(probe):
                words = _words(probe[start:end], mode if probe is views.doc else "exact", views.lemmatizer)
                for entry in table.get(tuple(words), ()):
                    yield start, end, entry
        for pattern in self.patterns.get(target, ()):
            yield from pattern.find(views)


@dataclass
class CompiledRules:
    """Rules turned into matchers against one pipeline's vocabulary."""

    rules: RuleSet
    layers: list[CompiledLayer]
    lexicon: Lexicon  # the cues, compiled once with the rules
    lemmatizer: LookupLemmatizer  # the lemmas of the `lookup` mode, for the `DocViews` of a doc

    @cached_property
    def headlines(self) -> HeadlineCountries:
        """The countries whose title-holders a headline names ("Ukrainian president …"), compiled once."""
        return HeadlineCountries(self.rules)

    def in_force(self, entry: Entry) -> bool:
        """False for a pack's rule that the user's rules replaced."""
        if entry.kind == "agent":
            return True
        source = self.rules.source_of("issue" if entry.kind in ("issue", "keyword_exclude") else "party", entry.target)
        return source is not None and source.pack == entry.pack

    def candidates(self, views: DocViews, target: Target) -> list[Candidate]:
        """Every match of the rules in force, overlaps not yet settled."""
        grouped: dict[tuple[int, int], list[Entry]] = {}
        for layer in self.layers:
            for start, end, entry in layer.find(views, target):
                if not self.in_force(entry):
                    continue
                bucket = grouped.setdefault((start, end), [])
                if entry not in bucket:
                    bucket.append(entry)
        self._report_budget(views)
        return [Candidate(start, end, sorted(entries, key=Entry.order)) for (start, end), entries in grouped.items()]

    def _report_budget(self, views: DocViews) -> None:
        """Warn once per article and pattern that went over its budget, naming the rule's file and line."""
        for entry, skipped in sorted(views.over_budget.items(), key=lambda item: item[0].order()):
            source = self.rules.source_of("issue" if entry.kind == "issue" else "party", entry.target)
            warnings.warn(
                f"{source or entry.target}: {entry.how} of {entry.target!r} has several unbounded wildcards and went "
                f"over its matching budget: not matched in {skipped} sentence(s) of an article; bound its "
                'wildcards (`OP: "{0,3}"`) or keep one (`mkdocs-factsheet check` lists such patterns)',
                RuleWarning,
                stacklevel=2,
            )
        views.over_budget.clear()


def without_exclusions(candidates: list[Candidate]) -> list[Candidate]:
    """Issue candidates without the keyword matches that lie inside one of that keyword's own `excludes` phrases
    ("job" inside "a good job"), and without the exclusions themselves."""
    inside: dict[Entry, list[tuple[int, int]]] = {}
    for candidate in candidates:
        for entry in candidate.entries:
            if entry.kind == "keyword_exclude":
                inside.setdefault(replace(entry, kind="issue"), []).append((candidate.start, candidate.end))
    kept = []
    for candidate in candidates:
        entries = [
            entry
            for entry in candidate.entries
            if entry.kind != "keyword_exclude"
            and not any(start <= candidate.start and candidate.end <= end for start, end in inside.get(entry, ()))
        ]
        if entries:
            kept.append(Candidate(candidate.start, candidate.end, entries))
    return kept


def settle(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Keep non-overlapping candidates: priority, then length, then user before pack, then rule order."""
    taken: set[int] = set()
    kept = []
    for candidate in sorted(candidates, key=Candidate.sort_key):
        tokens = set(range(candidate.start, candidate.end))
        if tokens & taken:
            continue
        taken |= tokens
        kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


class _LayerCompiler:
    """Turns one rule layer into matchers against a pipeline's vocabulary."""

    def __init__(self, layer: RuleLayer, pipeline: Pipeline, lemmatizer: LookupLemmatizer):
        self.layer = layer
        self.pipeline = pipeline
        self.lemmatizer = lemmatizer
        self.compiled = CompiledLayer(layer.pack)
        self.phrases: dict[tuple[Target, Mode], dict[str, list[Entry]]] = {}
        self.keyword_phrases: list[tuple[Entry, str, bool]] = []  # (entry, text, exact)
        self.rank = 0

    def entry(
        self, kind: EntryKind, target: str, how: str, priority: int, member: int | None = None, role: int | None = None
    ) -> Entry:
        self.rank += 1
        return Entry(kind, target, member, role, how, priority, self.rank, self.layer.pack)

    def phrase(self, target: Target, mode: Mode, entry: Entry, texts: Iterable[str]) -> None:
        table = self.phrases.setdefault((target, mode), {})
        for text in texts:
            if text.strip():
                table.setdefault(text, []).append(entry)

    def alias(self, target: Target, entry: Entry, alias: Alias, *, capitals: bool = True) -> None:
        """Add a phrase under its case policy, with either apostrophe (and in capitals for headlines)."""
        text = alias.text.strip()
        written = [text, *_other_spellings(text)]
        spellings = list(dict.fromkeys(w for t in written for w in (t, t.replace("'", "’"), t.replace("’", "'"))))
        if alias.case == "ignore" or (alias.case == "auto" and text == text.lower()):
            self.phrase(target, "lower", entry, spellings)
        elif alias.case == "exact" or not capitals:
            self.phrase(target, "exact", entry, spellings)
        else:
            self.phrase(target, "exact", entry, [*spellings, *(t.upper() for t in spellings)])

    def pattern(self, target: Target, entry: Entry, pattern: list[dict[str, Any]]) -> None:
        self.compiled.add_pattern(target, entry, pattern, self.pipeline.nlp.vocab)

    def compile(self) -> CompiledLayer:
        for party in sorted(self.layer.parties, key=lambda p: p.id):
            self.party(party)
        for agent in self.layer.agents:
            entry = self.entry("agent", agent.name, f"agent {agent.name!r}", 0)
            aliases = [alias_of(a) for a in agent.aliases]  # "{text: Justice, case: exact}" only as written
            self.phrase("entity", "exact", entry, [a.text for a in aliases if a.case == "exact"])
            self.phrase("entity", "lower", entry, [agent.name, *(a.text for a in aliases if a.case != "exact")])
        for issue in sorted(self.layer.issues, key=lambda i: i.id):
            self.alias(
                "issue",
                self.entry("issue", issue.id, f"title {issue.title!r}", issue.priority),
                Alias(text=issue.title, case="ignore"),
            )
            for spec in issue.aliases:
                alias = alias_of(spec)
                self.alias("issue", self.entry("issue", issue.id, f"alias {alias.text!r}", issue.priority), alias)
            for keyword_spec in issue.keywords:
                keyword = keyword_of(keyword_spec)
                entry = self.entry("issue", issue.id, f"keyword {keyword.text!r}", issue.priority)
                self.keyword_phrases.append((entry, keyword.text, keyword.exact))
                # the keyword's own exclusions: same rule, same rank, matched like it (see `without_exclusions`)
                exclusion = replace(entry, kind="keyword_exclude")
                self.keyword_phrases += [(exclusion, text, keyword.exact) for text in keyword.excludes]
            for index, pattern in enumerate(issue.patterns):
                self.pattern("issue", self.entry("issue", issue.id, f"pattern {index + 1}", issue.priority), pattern)
        self.keywords()
        self.flush()
        return self.compiled

    def party(self, party: Party) -> None:
        priority = party.priority
        self.alias("entity", self.entry("party", party.id, f"name {party.name!r}", priority), Alias(text=party.name))
        for spec in party.aliases:
            alias = alias_of(spec)
            self.alias("entity", self.entry("party", party.id, f"alias {alias.text!r}", priority), alias)
        for spec in party.adjectives:
            alias = alias_of(spec)
            self.alias("entity", self.entry("adjective", party.id, f"adjective {alias.text!r}", priority), alias)
        for index, pattern in enumerate(party.patterns):
            self.pattern("entity", self.entry("party", party.id, f"pattern {index + 1}", priority), pattern)
        for spec in party.excludes:
            alias = alias_of(spec)
            self.alias("entity", self.entry("exclude", party.id, f"excluded phrase {alias.text!r}", priority), alias)
        for m_index, member in enumerate(party.members):
            name = self.entry("member", party.id, f"name {member.name!r}", priority, m_index)
            self.alias("entity", name, Alias(text=member.name), capitals=False)
            for spec in member.aliases:
                alias = alias_of(spec)
                self.alias(
                    "entity",
                    self.entry("member", party.id, f"alias {alias.text!r}", priority, m_index),
                    alias,
                    capitals=False,
                )
            surname = member.surname_alias()
            if surname:
                entry = self.entry("member", party.id, f"surname {surname!r}", priority, m_index)
                self.alias("entity", entry, Alias(text=surname, case="exact"))
            for r_index, role in enumerate(member.role_list()):
                self.phrase(
                    "entity",
                    "lower",
                    self.entry("role", party.id, f"role {role.title!r}", priority, m_index, r_index),
                    [role.title],
                )
            for index, pattern in enumerate(member.patterns):
                self.pattern(
                    "entity", self.entry("member", party.id, f"pattern {index + 1}", priority, m_index), pattern
                )

    def keywords(self) -> None:
        """Keywords match on lemmas: the pipeline's (in context) and the lookup table's, and as written (an
        `exact` keyword only as written, in any letter case)."""
        inflected = [(entry, text) for entry, text, exact in self.keyword_phrases if not exact]
        docs = self.pipeline.lemmatize_phrases([text for _, text in inflected]) if inflected else []
        for (entry, _), doc in zip(inflected, docs, strict=True):
            self.phrase("issue", "lemma", entry, [" ".join(_words(doc, "lemma", self.lemmatizer))])
            self.phrase("issue", "lookup", entry, [" ".join(_words(doc, "lookup", self.lemmatizer))])
        for entry, text, _ in self.keyword_phrases:
            self.phrase("issue", "lower", entry, [text])

    def flush(self) -> None:
        """One PhraseMatcher per (target, mode): plain words split on spaces (as tokenised), others tokenised."""
        for (target, mode), phrases in self.phrases.items():
            table: dict[tuple[str, ...], list[Entry]] = {}
            for text, entries in phrases.items():
                words = tuple(self.tokens(text, mode))
                bucket = table.setdefault(words, [])
                bucket.extend(entry for entry in entries if entry not in bucket)
            self.compiled.add_phrases(target, mode, table, self.pipeline.nlp.vocab)

    def tokens(self, text: str, mode: Mode) -> list[str]:
        if mode in ("lemma", "lookup"):
            return text.split(" ")  # already one lemma per token
        if text.replace(" ", "").isalpha():
            words = text.split()
        else:
            words = [token.text for token in self.pipeline.nlp.tokenizer(text)]
        return [word.lower() for word in words] if mode == "lower" else words


# words of institutions' names spelt both ways in English news: "World Health Organisation", "Ministry of Defense"
_SPELLINGS = {"organization": "organisation", "defense": "defence", "center": "centre", "program": "programme"}
_SPELLINGS |= {british: american for american, british in _SPELLINGS.items()}


def _other_spellings(text: str) -> list[str]:
    """A name of several words in the other English spelling of its institution words ("World Health Organisation"
    for "World Health Organization"); a single word is a name as written ("Center" may be a surname)."""
    words = text.split(" ")
    if len(words) < 2 or not any(word.lower() in _SPELLINGS for word in words):
        return []
    return [" ".join(_respelt(word) for word in words)]


def _respelt(word: str) -> str:
    """The word in its other spelling, in the same case."""
    other = _SPELLINGS.get(word.lower())
    if other is None:
        return word
    return other.upper() if word.isupper() else other.title() if word[:1].isupper() else other


# Compiled pack layers by pack, the pack's fingerprint and the pipeline's vocabulary (a layer's
# matchers hold that vocabulary, so its id cannot be reused while the entry lives).
CompiledPacks = dict[tuple[str, str, int], CompiledLayer]


def compile_layer(
    layer: RuleLayer, pipeline: Pipeline, lemmatizer: LookupLemmatizer, packs: CompiledPacks
) -> CompiledLayer:
    """Compile one layer; a pack's compiled layer is kept in `packs` and reused from there."""
    if layer.pack is None:
        return _LayerCompiler(layer, pipeline, lemmatizer).compile()
    key = (layer.pack, layer.fingerprint, id(pipeline.nlp.vocab))
    if key not in packs:
        packs[key] = _LayerCompiler(layer, pipeline, lemmatizer).compile()
    return packs[key]


def compile_rules(
    rules: RuleSet, pipeline: Pipeline, lemmatizer: LookupLemmatizer, packs: CompiledPacks
) -> CompiledRules:
    """Build the matchers for a rule set (tokenises and lemmatises phrases, never parses articles)."""
    layers = [compile_layer(layer, pipeline, lemmatizer, packs) for layer in rules.layers]
    return CompiledRules(rules, layers, Lexicon.from_rules(rules), lemmatizer)


# -- which articles a rule can touch ----------------------------------------------------------------------

# One way for a rule to match: token slots, each satisfied by any of its (lower-case) words.
Trigger = list[set[str]]
_LITERAL_KEYS = ("ORTH", "TEXT", "LOWER", "NORM", "LEMMA")
_OPTIONAL = ("?", "*", "!")


def rule_triggers(rule: Party | Issue, pipeline: Pipeline, lemmatizer: LookupLemmatizer) -> list[Trigger] | None:
    """The word sets one of which an article must contain for `rule` to match anything in it.

    Built with the same compiler as the matchers, so phrases are tokenised and lemmatised exactly
    as when matching. None when some token pattern has no literal word (it could match anywhere).
    """
    layer = RuleLayer(
        None, "", parties=[rule] if isinstance(rule, Party) else [], issues=[rule] if isinstance(rule, Issue) else []
    )
    compiled = _LayerCompiler(layer, pipeline, lemmatizer).compile()
    triggers: list[Trigger] = [
        [{word.lower()} for word in words] for table in compiled.phrase_tables.values() for words in table if words
    ]
    # a party marker ("D" in "(D-Mass.)", "R." in "(R., Ky.)"), with or without its final dot
    triggers += [[{m.rstrip(".").lower(), m.rstrip(".").lower() + "."}] for m in getattr(rule, "markers", [])]
    patterns = pattern_triggers(
        list(rule.patterns) + [p for member in getattr(rule, "members", []) for p in member.patterns]
    )
    return None if patterns is None else triggers + patterns


def pattern_triggers(patterns: list[list[dict[str, Any]]]) -> list[Trigger] | None:
    """The literal word slots of token patterns; None when one of them has none (it could match anywhere)."""
    triggers: list[Trigger] = []
    for pattern in patterns:
        literals = [_literals(spec) for spec in pattern if spec.get("OP") not in _OPTIONAL]
        slots = [slot for slot in literals if slot is not None]
        if not slots:
            return None
        triggers.append(slots)
    return triggers


def _literals(spec: dict[str, Any]) -> set[str] | None:
    """The words a token spec accepts, or None when it is not limited to a list of words."""
    for key in _LITERAL_KEYS:
        value = spec.get(key)
        if isinstance(value, str):
            return {value.lower()}
        if isinstance(value, dict) and isinstance(value.get("IN"), list) and set(value) == {"IN"}:
            return {str(word).lower() for word in value["IN"]}
    return None


def may_match(triggers: list[Trigger] | None, words: set[str]) -> bool:
    """False only when no trigger can be satisfied by the article's `words` (its token forms, lower-case)."""
    if triggers is None:
        return True
    return any(all(slot & words for slot in trigger) for trigger in triggers)


def article_words(doc: Doc, lemmatizer: LookupLemmatizer) -> set[str]:
    """Every form a rule can match a token by — text, lower case, lemma, lookup lemma — in lower case."""
    strings, lemma = doc.vocab.strings, lemmatizer.lemma
    lowers = {word for key in doc.count_by(LOWER) if not (word := strings[key]).isspace()}
    lemmas = {word.lower() for key in doc.count_by(LEMMA) if key and not (word := strings[key]).isspace()}
    return lowers | lemmas | {lemma(word) for word in lowers}
