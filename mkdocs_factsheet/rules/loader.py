"""Loading and validating rule folders into a `RuleSet`.

A rule folder holds `parties/`, `issues/`, `agents/` and `cues/`; the folder decides a file's
kind. Built-in packs (`core`, always; `world`, on request) are loaded first and a user's rule
with the same id replaces the pack's. Every mistake is collected, located (file:line:column)
and reported at once in a `RuleError`.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from pydantic import BaseModel, ValidationError

from ..caching.stores import frame, unframe, usable_folder, write_atomically
from ..caching.fingerprints import code_fingerprint
from ..problems import Problem, RuleError
from .schema import (
    RULE_FOLDERS,
    Agent,
    AgentFile,
    CounterExample,
    CounterExampleSpec,
    Cue,
    CueFile,
    Example,
    Issue,
    Party,
    RuleModel,
    Stance,
    StanceWord,
    alias_of,
)
from .strict_yaml import YamlDocument, load_yaml

PACKS_DIR = Path(__file__).parent.parent / "packs"
RULE_SUFFIXES = (".yml", ".yaml")


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


def _example_source(document: YamlDocument, path: tuple[Any, ...], pack: str | None) -> RuleSource:
    line, column = document.locate(path)
    return RuleSource(document.path, line, pack, column)


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


ParsedFile = tuple[str, YamlDocument, "RuleModel"]  # rule folder, the file's marks, the validated rule
_PACK_LAYERS: dict[tuple[str, str], list[ParsedFile]] = {}
_LAYER_MAGIC = b"FSRULES1\n"


class LayerCache:
    """Validated rule files of a layer that loaded cleanly, by the layer's fingerprint.

    Reading the world pack's YAML takes seconds; its validated rules, stored as JSON and
    validated again, a fraction of that. Entries are keyed by the files' contents and the
    engine's code, so an edited file or a new release is a miss, never a stale rule.
    """

    def __init__(self, directory: Path | None):
        self.directory = usable_folder(directory, "rule cache", lambda message: None)

    def path_for(self, fingerprint: str) -> Path:
        assert self.directory is not None
        return self.directory / f"{fingerprint}-{code_fingerprint()}.json"

    def contains(self, fingerprint: str) -> bool:
        return self.directory is not None and self.path_for(fingerprint).is_file()

    def get(self, fingerprint: str) -> list[ParsedFile] | None:
        if self.directory is None:
            return None
        try:
            payload = unframe(self.path_for(fingerprint).read_bytes(), _LAYER_MAGIC)
            if payload is None:
                return None
            results = []
            for entry in json.loads(payload):
                document = YamlDocument(entry["path"], None)
                document.value_marks = {tuple(path): (line, column) for path, line, column in entry["value_marks"]}
                document.key_marks = {tuple(path): (line, column) for path, line, column in entry["key_marks"]}
                results.append((entry["folder"], document, RULE_FOLDERS[entry["folder"]].model_validate(entry["rule"])))
            return results
        except (OSError, ValueError, KeyError, TypeError, ValidationError):
            return None  # absent or unreadable: the files are read again

    def put(self, fingerprint: str, results: list[ParsedFile]) -> None:
        if self.directory is None:
            return
        entries = [
            {"folder": folder, "path": document.path,
             "value_marks": [[list(path), *mark] for path, mark in document.value_marks.items()],
             "key_marks": [[list(path), *mark] for path, mark in document.key_marks.items()],
             "rule": rule.model_dump(mode="json", by_alias=True, exclude_unset=True)}
            for folder, document, rule in results
        ]
        try:
            write_atomically(self.path_for(fingerprint), frame(json.dumps(entries).encode(), _LAYER_MAGIC))
        except OSError:
            pass  # the cache is an optimisation; the next build reads the files again


@dataclass
class RuleSet:
    """Every rule in force, validated, with where each came from."""

    parties: dict[str, Party] = field(default_factory=dict)
    issues: dict[str, Issue] = field(default_factory=dict)
    agents: list[Agent] = field(default_factory=list)
    stances: dict[str, Stance] = field(default_factory=dict)
    cues: list[Cue] = field(default_factory=list)
    stance_words: list[StanceWord] = field(default_factory=list)
    sources: dict[tuple[str, str], RuleSource] = field(default_factory=dict)
    examples: list[RuleExample] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    fingerprint: str = ""
    layers: list[RuleLayer] = field(default_factory=list)
    # A digest per party and issue in force ("party:<id>", "issue:<id>") and one of all the rest
    # ("other": agents, cues, the layers): what tells which rules an edit changed.
    digests: dict[str, str] = field(default_factory=dict)

    def source_of(self, kind: str, rule_id: str) -> RuleSource | None:
        return self.sources.get((kind, rule_id))

    def agent(self, name: str) -> Agent:
        """The agent of that name (a later folder's replaces a pack's)."""
        return next(agent for agent in reversed(self.agents) if agent.name == name)


def pack_dir(name: str) -> Path:
    """The folder of a built-in pack."""
    return PACKS_DIR / name


def available_packs() -> list[str]:
    return sorted(p.name for p in PACKS_DIR.iterdir() if p.is_dir() and not p.name.startswith("_"))


def load_rules(
    rule_dirs: list[Path], packs: list[str] = (), *, with_core: bool = True, cache_dir: Path | None = None  # type: ignore[assignment]
) -> RuleSet:
    """Load the core pack, the named packs, then the user's rule folders, in that order.

    With `cache_dir`, layers that validated cleanly are kept there and read back when unchanged.
    """
    problems: list[Problem] = []
    layers: list[tuple[Path, str | None]] = []
    if with_core:
        layers.append((pack_dir("core"), "core"))
    for name in packs:
        if not pack_dir(name).is_dir():
            problems.append(Problem(name, None, None, f"unknown rule pack {name!r}", f"available packs: {', '.join(available_packs())}"))
            continue
        layers.append((pack_dir(name), name))
    for directory in rule_dirs:
        if not directory.is_dir():
            problems.append(Problem(str(directory), None, None, "the rules folder does not exist", "create it or set the rules folder option"))
            continue
        layers.append((directory, None))
    collector = _Collector(problems, LayerCache(cache_dir))
    for directory, pack in layers:
        collector.load_layer(directory, pack)
    rules = collector.finish()
    if [p for p in problems if p.severity == "error"]:
        raise RuleError(problems)
    return rules


class _Collector:
    def __init__(self, problems: list[Problem], cache: LayerCache):
        self.problems = problems
        self.cache = cache
        self.rules = RuleSet()
        self.digest = hashlib.sha256()
        self.documents: dict[tuple[str, str], tuple[YamlDocument, tuple[Any, ...]]] = {}
        self.file_digests: dict[str, str] = {}
        self.other = hashlib.sha256()

    def error(self, path: str, line: int | None, column: int | None, message: str, hint: str = "") -> None:
        self.problems.append(Problem(path, line, column, message, hint))

    # -- files ------------------------------------------------------------------------------------------

    def load_layer(self, directory: Path, pack: str | None) -> None:
        files: list[tuple[Path, str, str, str]] = []
        layer_digest = hashlib.sha256()
        for path in sorted(p for p in directory.rglob("*") if p.suffix in RULE_SUFFIXES and p.is_file()):
            relative = path.relative_to(directory)
            shown = str(path) if pack is None else f"<pack {pack}>/{relative.as_posix()}"
            folder = relative.parts[0] if len(relative.parts) > 1 else ""
            if folder not in RULE_FOLDERS:
                self.error(shown, None, None, "this file is not in a rule folder", f"move it into one of {', '.join(f'{f}/' for f in RULE_FOLDERS)}")
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                self.error(shown, None, None, f"cannot read the rule file: {error}", "save it as UTF-8 text")
                continue
            self.rules.files.append(path)
            layer_digest.update(f"{shown}\0{text}\0".encode())
            self.file_digests[shown] = hashlib.sha256(f"{shown}\0{text}".encode()).hexdigest()[:16]
            files.append((path, shown, folder, text))
        self.other.update(f"layer {pack}\0".encode())
        fingerprint = layer_digest.hexdigest()
        self.digest.update(fingerprint.encode())
        results = _PACK_LAYERS.get((pack, fingerprint)) if pack else None
        if results is None:
            results = self.cache.get(fingerprint)
            if results is not None and pack:
                _PACK_LAYERS[(pack, fingerprint)] = results
        elif not self.cache.contains(fingerprint):  # loaded in this process before the cache folder was given
            self.cache.put(fingerprint, results)
        if results is None:
            results = self.parse_files(files, pack, fingerprint)
        layer = RuleLayer(pack, fingerprint)
        layer_ids: dict[tuple[str, str], str] = {}
        for folder, document, parsed in results:
            self.add(parsed, document, folder, pack, layer_ids, layer)
        self.rules.layers.append(layer)

    def parse_files(self, files: list[tuple[Path, str, str, str]], pack: str | None, fingerprint: str) -> list[ParsedFile]:
        """Read and validate a layer's files; a layer that reads cleanly is cached (a pack also in memory)."""
        results = []
        problems_before = len(self.problems)
        for _, shown, folder, text in files:
            document, problems = load_yaml(text, shown)
            self.problems.extend(problems)
            if document is None or problems:
                continue
            if document.data is None:
                self.error(shown, 1, 1, "the rule file is empty", "add a rule or delete the file")
                continue
            parsed = self.validate(document, RULE_FOLDERS[folder])
            if parsed is not None:
                results.append((folder, document, parsed))
        if pack and len(self.problems) == problems_before:
            for _, document, _ in results:  # reports on valid pack rules point at list entries at most
                document.data = None
                document.value_marks = {k: v for k, v in document.value_marks.items() if len(k) <= 2}
                document.key_marks = {}
            _PACK_LAYERS[(pack, fingerprint)] = results
        if len(self.problems) == problems_before:
            self.cache.put(fingerprint, results)
        return results

    def validate(self, document: YamlDocument, model: type[RuleModel]) -> RuleModel | None:
        if not isinstance(document.data, dict):
            line, column = document.locate(())
            self.error(document.path, line, column, f"a {model.__name__.lower()} file must be a mapping of `key: value` lines", "see `mkdocs-factsheet schema`")
            return None
        try:
            parsed = model.model_validate(document.data)
        except ValidationError as error:
            for problem in describe_validation_error(error, document, model):
                self.problems.append(problem)
            return None
        problems = list(check_token_patterns(document))
        self.problems.extend(problems)
        return None if problems else parsed

    # -- merging ----------------------------------------------------------------------------------------

    def add(self, parsed: RuleModel, document: YamlDocument, folder: str, pack: str | None, layer_ids: dict[tuple[str, str], str], layer: "RuleLayer") -> None:
        line = document.locate(())[0]
        source = RuleSource(document.path, line, pack)
        if isinstance(parsed, (Party, Issue)):
            kind = "party" if isinstance(parsed, Party) else "issue"
            stem = Path(document.path).stem
            if parsed.id != stem:
                id_line, id_column = document.locate(("id",))
                self.error(document.path, id_line, id_column, f"id {parsed.id!r} differs from the file name {stem!r}", f"rename the file to {parsed.id}.yml or set `id: {stem}`")
                return
            key = (kind, parsed.id)
            if key in layer_ids:
                id_line, id_column = document.locate(("id",))
                self.error(document.path, id_line, id_column, f"{kind} id {parsed.id!r} is already defined in {layer_ids[key]}", "give one of them another id")
                return
            layer_ids[key] = document.path
            (layer.parties if isinstance(parsed, Party) else layer.issues).append(parsed)  # type: ignore[arg-type]
            table: dict[str, Any] = self.rules.parties if isinstance(parsed, Party) else self.rules.issues
            table[parsed.id] = parsed  # a later layer (the user's rules) replaces a pack's rule
            self.rules.digests[f"{kind}:{parsed.id}"] = self.file_digests.get(document.path, "")
            self.rules.sources[key] = source
            self.documents[key] = (document, ())
            self.rules.examples[:] = [e for e in self.rules.examples if (e.kind, e.rule_id) != key]
            self.add_examples(kind, parsed.id, parsed.examples, parsed.counter_examples, document, pack)
        else:
            self.other.update(f"{document.path}\0{self.file_digests.get(document.path, '')}\0".encode())
        if isinstance(parsed, AgentFile):
            for index, agent in enumerate(parsed.agents):
                self.rules.agents.append(agent)
                layer.agents.append(agent)
                self.rules.sources[("agent", agent.name)] = RuleSource(document.path, document.locate(("agents", index))[0], pack)
            self.add_examples("agents", None, parsed.examples, parsed.counter_examples, document, pack)
        elif isinstance(parsed, CueFile):
            for index, stance in enumerate(parsed.stances):
                self.rules.stances[stance.id] = stance
                self.rules.sources[("stance", stance.id)] = RuleSource(document.path, document.locate(("stances", index))[0], pack)
            for index, cue in enumerate(parsed.cues):
                self.rules.cues.append(cue)
                self.rules.sources[("cue", cue.lemma)] = RuleSource(document.path, document.locate(("cues", index))[0], pack)
            self.rules.stance_words.extend(parsed.stance_words)
            self.documents[("cues", document.path)] = (document, ())
            self.add_examples("cues", None, parsed.examples, parsed.counter_examples, document, pack)

    def add_examples(self, kind: str, rule_id: str | None, examples: list[Example], counters: list[CounterExampleSpec], document: YamlDocument, pack: str | None) -> None:
        for index, example in enumerate(examples):
            source = _example_source(document, ("examples", index), pack)
            self.rules.examples.append(RuleExample(kind, rule_id, example, False, source))
        for index, spec in enumerate(counters):
            counter = spec if isinstance(spec, CounterExample) else CounterExample(text=spec)
            source = _example_source(document, ("counter_examples", index), pack)
            self.rules.examples.append(RuleExample(kind, rule_id, counter, True, source))

    # -- cross-file checks ------------------------------------------------------------------------------

    def finish(self) -> RuleSet:
        self.check_aliases()
        self.check_members()
        self.check_parents()
        self.check_references()
        self.rules.fingerprint = self.digest.hexdigest()
        self.rules.digests["other"] = self.other.hexdigest()[:16]
        return self.rules

    def locate(self, kind: str, rule_id: str, path: tuple[Any, ...]) -> tuple[str, int | None, int | None]:
        document, _ = self.documents[(kind, rule_id)]
        line, column = document.locate(path)
        return document.path, line, column

    def check_aliases(self) -> None:
        """The same phrase may not name two parties (or two issues) unless a pack loses it to the user."""
        for kind, table, fields in (("party", self.rules.parties, ("aliases", "adjectives")), ("issue", self.rules.issues, ("aliases",))):
            owners: dict[str, tuple[str, tuple[Any, ...]]] = {}
            for rule_id in sorted(table):
                rule = table[rule_id]
                names = [((), rule.name if kind == "party" else rule.title)]
                names += [((name, index), alias_of(spec).text) for name in fields for index, spec in enumerate(getattr(rule, name))]
                for path, text in names:
                    key = text.casefold()
                    if key not in owners:
                        owners[key] = (rule_id, path)
                        continue
                    other_id, _ = owners[key]
                    if other_id == rule_id:
                        continue
                    mine, theirs = self.rules.sources[(kind, rule_id)], self.rules.sources[(kind, other_id)]
                    if mine.pack or theirs.pack:
                        continue  # a pack's phrase yields to the user's rule when matching
                    file, line, column = self.locate(kind, rule_id, path)
                    self.error(file, line, column, f"{text!r} already names {kind} {other_id!r} ({theirs})", "keep the phrase in one rule only")

    def check_members(self) -> None:
        """A member acts for one party only."""
        owners: dict[str, str] = {}
        for party_id in sorted(self.rules.parties):
            source = self.rules.sources[("party", party_id)]
            for index, member in enumerate(self.rules.parties[party_id].members):
                key = member.name.casefold()
                if key in owners and owners[key] != party_id:
                    other = self.rules.sources[("party", owners[key])]
                    if source.pack or other.pack:
                        continue
                    file, line, column = self.locate("party", party_id, ("members", index, "name"))
                    self.error(file, line, column, f"member {member.name!r} is also a member of party {owners[key]!r} ({other})", "an actor acts for one party: remove it from one of them")
                owners.setdefault(key, party_id)

    def check_parents(self) -> None:
        for issue_id in sorted(self.rules.issues):
            issue = self.rules.issues[issue_id]
            if issue.parent is None:
                continue
            file, line, column = self.locate("issue", issue_id, ("parent",))
            if issue.parent not in self.rules.issues:
                close = difflib.get_close_matches(issue.parent, list(self.rules.issues), n=1)
                hint = f"did you mean {close[0]!r}?" if close else "give the id of an issue in rules/issues/"
                self.error(file, line, column, f"parent issue {issue.parent!r} does not exist", hint)
                continue
            seen = {issue_id}
            parent: str | None = issue.parent
            while parent is not None and parent in self.rules.issues:
                if parent in seen:
                    self.error(file, line, column, f"issue {issue_id!r} is its own ancestor (parent loop)", "break the loop of `parent` links")
                    break
                seen.add(parent)
                parent = self.rules.issues[parent].parent

    def check_references(self) -> None:
        """Ids named in examples and cues must exist."""
        for cue in self.rules.cues:
            if cue.stance and cue.stance not in self.rules.stances:
                source = self.rules.sources[("cue", cue.lemma)]
                self.error(source.path, source.line, None, f"cue {cue.lemma!r} names unknown stance {cue.stance!r}", f"known stances: {', '.join(sorted(self.rules.stances))}")
        for word in self.rules.stance_words:
            if word.stance not in self.rules.stances:
                self.error("cues", None, None, f"stance word {word.lemma!r} names unknown stance {word.stance!r}", f"known stances: {', '.join(sorted(self.rules.stances))}")
        for entry in self.rules.examples:
            if entry.counter or entry.source.pack:
                continue  # a pack's examples may name parties of another pack; they run when those are loaded
            example = entry.example
            assert isinstance(example, Example)
            wanted = [("party", p, self.rules.parties) for p in (example.parties or [])]
            wanted += [("party", p, self.rules.parties) for p in example.actors.values()]
            wanted += [("issue", i, self.rules.issues) for i in (example.issues or [])]
            for kind, rule_id, table in wanted:
                if rule_id not in table:
                    close = difflib.get_close_matches(rule_id, list(table), n=1)
                    hint = f"did you mean {close[0]!r}?" if close else f"use the id of a {kind} rule"
                    self.error(entry.source.path, entry.source.line, None, f"example names unknown {kind} {rule_id!r}", hint)


def _field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The pydantic model that owns the last key of `loc` (for did-you-mean suggestions)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        if isinstance(current, type) and issubclass(current, BaseModel):
            fields = {info.alias or name: info for name, info in current.model_fields.items()}
            if part in fields:
                current = fields[part].annotation
                continue
        current = _unwrap_model(current, part)
        if current is None:
            return None
    return _unwrap_model(current, None) if not (isinstance(current, type) and issubclass(current, BaseModel)) else current


def _unwrap_model(annotation: Any, name: Any) -> Any:
    """Find a model inside list[...] / Union[...] annotations (by class name when given)."""
    stack = [annotation]
    while stack:
        item = stack.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            if name is None or item.__name__ == name:
                return item
            continue
        stack.extend(getattr(item, "__args__", ()))
    return None


_TYPE_WORDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list (lines starting with `- `)",
    "dict_type": "a mapping (`key: value` lines)",
    "model_type": "a mapping (`key: value` lines)",
    "literal_error": None,
}


def describe_validation_error(error: ValidationError, document: YamlDocument, model: type[RuleModel]) -> list[Problem]:
    """Turn pydantic's errors into located, plain-language problems (one per place)."""
    by_place: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for item in error.errors():
        place = tuple(part for part in item["loc"] if isinstance(part, int) or not _is_type_tag(part))
        by_place.setdefault(place, []).append(item)
    problems = []
    for place, items in by_place.items():
        dotted = _dotted(place) or "the file"
        extra = [i for i in items if i["type"] == "extra_forbidden"]
        if extra:
            key = place[-1]
            owner = _model_at(model, tuple(i for i in place)) or model
            close = difflib.get_close_matches(str(key), _field_names(owner), n=1)
            hint = f"did you mean {close[0]!r}?" if close else f"allowed keys: {', '.join(_field_names(owner))}"
            line, column = document.locate(place, key=True)
            problems.append(Problem(document.path, line, column, f"unknown key {key!r} in {_dotted(place[:-1]) or 'the file'}", hint))
            continue
        missing = [i for i in items if i["type"] == "missing"]
        line, column = document.locate(place)
        if missing and len(missing) == len(items):
            line, column = document.locate(place[:-1])
            problems.append(Problem(document.path, line, column, f"required key {place[-1]!r} is missing in {_dotted(place[:-1]) or 'the file'}", f"add `{place[-1]}: ...`"))
            continue
        expected = []
        for item in items:
            word = _TYPE_WORDS.get(item["type"], "")
            if word is None or word == "":
                message = str(item["msg"])
                if message.startswith("Value error, "):
                    message = message[len("Value error, ") :]
                expected.append(message)
            else:
                expected.append(f"expected {word}")
        got = _describe_value(items[0].get("input"))
        message = " or ".join(dict.fromkeys(expected))
        problems.append(Problem(document.path, line, column, f"{dotted}: {message}{got}", "see `mkdocs-factsheet schema` for the allowed form"))
    return problems


_TYPE_TAGS = {model.__name__ for model in RuleModel.__subclasses__()} | {"str", "int", "float", "bool", "list", "dict", "none"}


def _is_type_tag(part: Any) -> bool:
    """pydantic inserts union member names ("str", "Alias", "function-after[...]") into locations."""
    text = str(part)
    return text in _TYPE_TAGS or "[" in text


def _dotted(place: tuple[Any, ...]) -> str:
    text = ""
    for part in place:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _describe_value(value: Any) -> str:
    if isinstance(value, (dict, list)) or value is None:
        return ""
    return f", got {value!r}"


def _pattern_places(document: YamlDocument) -> Iterator[tuple[tuple[Any, ...], Any]]:
    data = document.data
    if not isinstance(data, dict):
        return
    for index, pattern in enumerate(data.get("patterns") or []):
        yield ("patterns", index), pattern
    for m_index, member in enumerate(data.get("members") or []):
        if isinstance(member, dict):
            for index, pattern in enumerate(member.get("patterns") or []):
                yield ("members", m_index, "patterns", index), pattern


def check_token_patterns(document: YamlDocument) -> Iterator[Problem]:
    """spaCy's own validation of Matcher token patterns, located in the file."""
    for place, pattern in _pattern_places(document):
        if not pattern:
            line, column = document.locate(place)
            yield Problem(document.path, line, column, "empty token pattern", "a pattern is a list of token specs such as `{LOWER: taiwan}`")
            continue
        from spacy.schemas import validate_token_pattern  # only here: importing spaCy takes a second or two

        for message in validate_token_pattern(pattern):
            # spaCy reports e.g. "[0 -> LOWER -> IN] value is not a valid list"
            where, _, what = message.partition("] ")
            steps: list[Any] = []
            for step in where.strip("[").split(" -> "):
                if step.isdigit():
                    steps.append(int(step))
                elif step != "pattern" and not step.startswith("TokenPattern"):
                    steps.append(step)
            line, column = document.locate(place + tuple(steps), key="Extra inputs" in what)
            yield Problem(document.path, line, column, f"invalid token pattern: {what or message} (at {' → '.join(map(str, steps))})", "see spaCy's Matcher pattern reference")

