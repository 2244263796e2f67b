"""Whole rule sets as `load_rules` made them, stored so that a new process reads one back in milliseconds.

A build where nothing changed needs the rules' fingerprint and the few rules its fact sheets name,
not the world pack's 250 parties and 18,000 members: validating those again took longer than the
rest of such a build's own work. A stored rule set keeps what merging the layers produced (sources,
examples, digests, warnings) and refers to each rule by its place in the layer store's entries (or
holds its JSON, for a rule merging made: an extension, a party without its places); each rule is
validated when first read (`_DecodedOnRead`), and the layers are made when first asked for.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from ..problems import Problem
from ..rules.ruleset import RuleExample, RuleLayer, RuleOrigins, RuleSet, RuleSource
from ..rules.schema import (
    Agent,
    CounterExample,
    Cue,
    Example,
    Issue,
    Party,
    RuleModel,
    Stance,
    StanceWord,
    model_for,
)

Ref = list[int] | str  # [layer, file] of the layer store's entries, or the rule's own JSON
StoredFiles = list[list[dict[str, str]]]  # per layer: each file's folder, path, marks and rule (JSON text)
RuleT = TypeVar("RuleT", bound=RuleModel)


def encode_rule_set(rules: RuleSet, origins: RuleOrigins) -> bytes:
    """The rule set as JSON; rules read from a stored layer are referred to, the others written out."""

    def ref(rule: RuleModel) -> Ref:
        where = origins.of(rule)
        return list(where) if where else rule.model_dump_json(by_alias=True, exclude_unset=True)

    agent_index = {id(agent): index for index, agent in enumerate(rules.agents)}
    payload = {
        "entries": [[pack, fingerprint] for pack, fingerprint, _ in origins.layers],
        "layers": [
            {
                "pack": layer.pack,
                "fingerprint": layer.fingerprint,
                "parties": [ref(party) for party in layer.parties],
                "issues": [ref(issue) for issue in layer.issues],
                "agents": [agent_index[id(agent)] for agent in layer.agents],
            }
            for layer in rules.layers
        ],
        "parties": {rule_id: ref(party) for rule_id, party in rules.parties.items()},
        "issues": {rule_id: ref(issue) for rule_id, issue in rules.issues.items()},
        "agents": [_dumped(agent) for agent in rules.agents],
        "stances": [_dumped(stance) for stance in rules.stances.values()],
        "cues": [_dumped(cue) for cue in rules.cues],
        "stance_words": [_dumped(word) for word in rules.stance_words],
        "message_nouns": rules.message_nouns,
        "message_verbs": rules.message_verbs,
        "thing_nouns": rules.thing_nouns,
        "independent_titles": rules.independent_titles,
        "workplaces": rules.workplaces,
        "workplace_leaders": rules.workplace_leaders,
        "male_first_names": rules.male_first_names,
        "female_first_names": rules.female_first_names,
        "businesses": rules.businesses,
        "person_proxies": rules.person_proxies,
        "body_proxies": rules.body_proxies,
        "sources": [[kind, rule_id, *_source(source)] for (kind, rule_id), source in rules.sources.items()],
        "examples": [[e.kind, e.rule_id, e.counter, _dumped(e.example), _source(e.source)] for e in rules.examples],
        "files": [str(path) for path in rules.files],
        "fingerprint": rules.fingerprint,
        "digests": rules.digests,
        "warnings": [dataclasses.asdict(problem) for problem in rules.warnings],
    }
    return json.dumps(payload, separators=(",", ":")).encode()


def entries_of(payload: bytes) -> list[tuple[str | None, str]]:
    """The layer-store entries a stored rule set refers to: each layer's pack (None: the site's), files' fingerprint."""
    entries = [(pack, fingerprint) for pack, fingerprint in json.loads(payload)["entries"]]
    if not all(isinstance(fingerprint, str) and isinstance(pack, (str, type(None))) for pack, fingerprint in entries):
        raise ValueError("not a stored rule set")
    return entries


def decode_rule_set(payload: bytes, stored: StoredRules) -> RuleSet:
    """The rule set `encode_rule_set` wrote, over the layer entries it names (raises if it is damaged)."""
    data = json.loads(payload)
    rules = RuleSet(
        parties=_DecodedOnRead(data["parties"], partial(stored.rule, model=Party)),
        issues=_DecodedOnRead(data["issues"], partial(stored.rule, model=Issue)),
        agents=[Agent.model_validate(agent) for agent in data["agents"]],
        cues=[Cue.model_validate(cue) for cue in data["cues"]],
        stance_words=[StanceWord.model_validate(word) for word in data["stance_words"]],
        message_nouns=data["message_nouns"],
        message_verbs=data["message_verbs"],
        thing_nouns=data["thing_nouns"],
        independent_titles=data["independent_titles"],
        workplaces=data["workplaces"],
        workplace_leaders=data["workplace_leaders"],
        male_first_names=data["male_first_names"],
        female_first_names=data["female_first_names"],
        businesses=data["businesses"],
        person_proxies=data["person_proxies"],
        body_proxies=data["body_proxies"],
        files=[Path(path) for path in data["files"]],
        fingerprint=data["fingerprint"],
        digests=data["digests"],
        warnings=[Problem(**problem) for problem in data["warnings"]],
    )
    rules.stances = {stance.id: stance for stance in (Stance.model_validate(s) for s in data["stances"])}
    rules.sources = {(kind, rule_id): RuleSource(*where) for kind, rule_id, *where in data["sources"]}
    rules.examples = [
        RuleExample(kind, rule_id, _example(counter, example), counter, RuleSource(*where))
        for kind, rule_id, counter, example, where in data["examples"]
    ]
    rules.decode_layers = partial(stored.layers, data["layers"], rules.agents)
    return rules


def _dumped(model: RuleModel) -> Any:
    return model.model_dump(mode="json", by_alias=True, exclude_unset=True)


def _source(source: RuleSource) -> list[Any]:
    return [source.path, source.line, source.pack, source.column]


def _example(counter: bool, example: Any) -> Example | CounterExample:
    return CounterExample.model_validate(example) if counter else Example.model_validate(example)


class StoredRules:
    """The rules of a stored rule set's layer entries, each validated once, when first read."""

    def __init__(self, files: StoredFiles):
        self.files = files
        self.decoded: dict[str, RuleModel] = {}

    def rule(self, ref: Ref, model: type[RuleT]) -> RuleT:
        key = ref if isinstance(ref, str) else f"{ref[0]}:{ref[1]}"
        rule = self.decoded.get(key)
        if rule is None:
            if isinstance(ref, str):
                rule = model.model_validate(json.loads(ref))
            else:
                file = self.files[ref[0]][ref[1]]
                data = json.loads(file["rule"])
                rule = model_for(file["folder"], data).model_validate(data)
            self.decoded[key] = rule
        if not isinstance(rule, model):
            raise ValueError(f"stored rule {key} is not a {model.__name__}")
        return rule

    def layers(self, layers: list[dict[str, Any]], agents: list[Agent]) -> list[RuleLayer]:
        return [
            RuleLayer(
                layer["pack"],
                layer["fingerprint"],
                parties=[self.rule(ref, Party) for ref in layer["parties"]],
                issues=[self.rule(ref, Issue) for ref in layer["issues"]],
                agents=[agents[index] for index in layer["agents"]],
            )
            for layer in layers
        ]


class _DecodedOnRead(dict[str, RuleT]):
    """Rules by id, as a `dict`; each rule is decoded when first read (`values()` and `items()` decode them all).

    Until then its slot holds None and its reference waits in `_pending`; every way of reading a value goes
    through `__getitem__` (`__iter__` is defined so that `dict(table)` and `update(table)` do too). The
    entries were checked when read from disk, so decoding one fails only if the engine's code is wrong.
    """

    def __init__(self, refs: dict[str, Ref], decode: Callable[[Ref], RuleT]):
        super().__init__(dict.fromkeys(refs))  # type: ignore[arg-type] # each slot keeps its key's place
        self._decode = decode
        self._pending: dict[str, Ref] = refs

    def __getitem__(self, rule_id: str) -> RuleT:
        if rule_id in self._pending:
            dict.__setitem__(self, rule_id, self._decode(self._pending.pop(rule_id)))
        return super().__getitem__(rule_id)

    def __setitem__(self, rule_id: str, rule: RuleT) -> None:
        self._pending.pop(rule_id, None)
        super().__setitem__(rule_id, rule)

    def __delitem__(self, rule_id: str) -> None:
        self._pending.pop(rule_id, None)
        super().__delitem__(rule_id)

    def __iter__(self) -> Iterator[str]:
        return super().__iter__()

    def __eq__(self, other: object) -> bool:
        self._decode_all()
        return super().__eq__(other)

    def __repr__(self) -> str:
        self._decode_all()
        return super().__repr__()

    def __reduce__(self) -> tuple[Any, ...]:
        return (dict, (dict(self.items()),))

    def get(self, rule_id: str, default: Any = None) -> Any:
        return self[rule_id] if rule_id in self else default

    def values(self) -> Any:
        self._decode_all()
        return super().values()

    def items(self) -> Any:
        self._decode_all()
        return super().items()

    def copy(self) -> dict[str, RuleT]:
        return dict(self.items())

    def pop(self, rule_id: str, *default: Any) -> Any:
        if rule_id in self:
            self[rule_id]
        return super().pop(rule_id, *default)

    def setdefault(self, rule_id: str, default: Any = None) -> Any:
        if rule_id in self:
            return self[rule_id]
        return super().setdefault(rule_id, default)

    def popitem(self) -> tuple[str, RuleT]:
        self._decode_all()
        return super().popitem()

    def __or__(self, other: Any) -> Any:
        return dict(self.items()) | other

    def __ror__(self, other: Any) -> Any:
        return other | dict(self.items())

    def _decode_all(self) -> None:
        for rule_id in list(self._pending):
            self[rule_id]
