"""Reading rule files: the scan of a rule folder, strict YAML, and validation with located problems."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..problems import Problem
from .schema import RULE_FOLDERS, RuleModel, model_for
from .strict_yaml import YamlDocument, load_yaml

RULE_SUFFIXES = (".yml", ".yaml")
ParsedFile = tuple[str, YamlDocument, RuleModel]  # rule folder, the file's marks, the validated rule


def rule_files(directory: Path) -> list[Path]:
    """The rule files under a folder (any depth), sorted; none when the folder does not exist."""
    if not directory.is_dir():
        return []
    return sorted(path for path in directory.rglob("*") if path.suffix in RULE_SUFFIXES and path.is_file())


@dataclass(frozen=True)
class RuleFile:
    """A rule file's text, with the name reports show and the rule folder it is in."""

    path: Path
    shown: str  # the path, or `<pack name>/relative path` for a pack's file
    folder: str
    text: str


def read_rule_files(directory: Path, pack: str | None, problems: list[Problem]) -> list[RuleFile]:
    """The readable files of a rule layer; a file outside the rule folders or unreadable is a problem."""
    files = []
    for path in rule_files(directory):
        relative = path.relative_to(directory)
        shown = str(path) if pack is None else f"<pack {pack}>/{relative.as_posix()}"
        folder = relative.parts[0] if len(relative.parts) > 1 else ""
        if folder not in RULE_FOLDERS:
            problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    "this file is not in a rule folder",
                    f"move it into one of {', '.join(f'{f}/' for f in RULE_FOLDERS)}",
                )
            )
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            problems.append(Problem(shown, None, None, f"cannot read the rule file: {error}", "save it as UTF-8 text"))
            continue
        files.append(RuleFile(path, shown, folder, text))
    return files


def parse_rule_file(file: RuleFile, problems: list[Problem]) -> ParsedFile | None:
    """One rule file read as strict YAML and validated; what is wrong with it goes to `problems`."""
    document, found = load_yaml(file.text, file.shown)
    problems.extend(found)
    if document is None or found:
        return None
    if document.data is None:
        problems.append(Problem(file.shown, 1, 1, "the rule file is empty", "add a rule or delete the file"))
        return None
    parsed = validate(document, model_for(file.folder, document.data), problems)
    return None if parsed is None else (file.folder, document, parsed)


def validate(document: YamlDocument, model: type[RuleModel], problems: list[Problem]) -> RuleModel | None:
    """The file's data as a rule of `model`, or None with the problems located in the file."""
    if not isinstance(document.data, dict):
        line, column = document.locate(())
        problems.append(
            Problem(
                document.path,
                line,
                column,
                f"a {model.__name__.lower()} file must be a mapping of `key: value` lines",
                "see `mkdocs-factsheet schema`",
            )
        )
        return None
    try:
        parsed = model.model_validate(document.data)
    except ValidationError as error:
        problems.extend(describe_validation_error(error, document, model))
        return None
    found = list(check_token_patterns(document))
    problems.extend(found)
    return None if found else parsed


def _field_names(model: type[BaseModel]) -> list[str]:
    return [info.alias or name for name, info in model.model_fields.items()]


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The pydantic model that owns the last key of `loc` (a role's keys, not its party's), for suggestions."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        owner = _unwrap_model(current, None)
        fields = {info.alias or name: info for name, info in owner.model_fields.items()} if owner else {}
        if part not in fields:
            return None
        current = fields[part].annotation
    return _unwrap_model(current, None)


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
    "string_too_short": "text (not empty)",
    "model_type": "a mapping (`key: value` lines)",
    "literal_error": None,
}


def describe_validation_error(error: ValidationError, document: YamlDocument, model: type[RuleModel]) -> list[Problem]:
    """Turn pydantic's errors into located, plain-language problems (one per place)."""
    by_place: dict[tuple[Any, ...], list[ErrorDetails]] = {}
    for item in error.errors():
        loc = item["loc"]
        # an unknown key ends the location whatever it looks like ("-[" is no type tag there)
        kept = loc[:-1] if item["type"] == "extra_forbidden" else loc
        place = tuple(part for part in kept if isinstance(part, int) or not _is_type_tag(part))
        place += loc[len(kept) :]
        by_place.setdefault(place, []).append(item)
    by_place = _one_branch(by_place)
    problems = []
    for place, items in by_place.items():
        dotted = _dotted(place) or "the file"
        extra = [i for i in items if i["type"] == "extra_forbidden"]
        if extra:
            key = place[-1]
            owner = _model_at(model, tuple(i for i in place)) or model
            close = difflib.get_close_matches(str(key), _field_names(owner), n=1)
            where = _OWNER_NAMES.get(owner.__name__, owner.__name__.lower())
            allowed = f"the keys of a {where}: {', '.join(_field_names(owner))}"
            hint = f"did you mean {close[0]!r}? {allowed}" if close else allowed
            line, column = document.locate(place, key=True)
            problems.append(
                Problem(
                    document.path, line, column, f"unknown key {key!r} in {_dotted(place[:-1]) or 'the file'}", hint
                )
            )
            continue
        missing = [i for i in items if i["type"] == "missing"]
        line, column = document.locate(place)
        if missing and len(missing) == len(items):
            line, column = document.locate(place[:-1])
            problems.append(
                Problem(
                    document.path,
                    line,
                    column,
                    f"required key {place[-1]!r} is missing in {_dotted(place[:-1]) or 'the file'}",
                    f"add `{place[-1]}: ...`",
                )
            )
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
        problems.append(
            Problem(
                document.path,
                line,
                column,
                f"{dotted}: {message}{got}",
                "see `mkdocs-factsheet schema` for the allowed form",
            )
        )
    return problems


_TYPE_TAGS = {model.__name__ for model in RuleModel.__subclasses__()} | {
    "str",
    "int",
    "float",
    "bool",
    "list",
    "dict",
    "none",
}


_TAG_PREFIXES = ("constrained-", "function-", "lax-or-strict", "json-or-python", "nullable", "tagged-union", "chain")


def _is_type_tag(part: Any) -> bool:
    """pydantic inserts union member names ("str", "Alias", "constrained-str", "function-after[...]") into locations."""
    text = str(part)
    return text in _TYPE_TAGS or "[" in text or text.startswith(_TAG_PREFIXES)


_OWNER_NAMES = {
    "PartyExtension": "party that extends another",
    "Removals": "`remove:`",
    "AgentFile": "file in agents/",
    "CueFile": "file in cues/",
    "ExamplePosition": "position of an example",
    "CounterExample": "counter-example",
}
_MAPPING_ERRORS = {"model_type", "dict_type", "model_attributes_type"}


def _one_branch(by_place: dict[tuple[Any, ...], list[ErrorDetails]]) -> dict[tuple[Any, ...], list[ErrorDetails]]:
    """For a value that may be text or a mapping (a role, an alias), only the errors of the form it was written in."""
    kept: dict[tuple[Any, ...], list[ErrorDetails]] = {}
    for place, items in by_place.items():
        deeper = any(other[: len(place)] == place and len(other) > len(place) for other in by_place)
        filtered = [
            item
            for item in items
            if not (item["type"] == "string_type" and isinstance(item.get("input"), dict) and deeper)
            and not (item["type"] in _MAPPING_ERRORS and isinstance(item.get("input"), str) and len(items) > 1)
        ]
        if filtered:
            kept[place] = filtered
    return kept


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


_LITERAL_KEYS = {"ORTH", "TEXT", "LOWER", "NORM", "LEMMA"}


def unbounded_wildcards(pattern: Any) -> int:
    """How many token specs of a pattern match any word any number of times (`{OP: "*"}`, `{IS_ALPHA: true,
    OP: "+"}`, `{OP: "{2,}"}`): spaCy's Matcher takes time and memory growing as the text's length to the
    power of their number."""
    if not isinstance(pattern, list):
        return 0
    return sum(
        1
        for spec in pattern
        if isinstance(spec, dict)
        and (spec.get("OP") in ("*", "+") or re.fullmatch(r"\{\d*,\}", str(spec.get("OP", ""))))
        and not _LITERAL_KEYS & set(spec)
    )


def wildcard_problems(document: YamlDocument) -> Iterator[Problem]:
    """Warnings for token patterns with several unbounded wildcards (`mkdocs-factsheet check`)."""
    for place, pattern in _pattern_places(document):
        count = unbounded_wildcards(pattern)
        if count >= 2:
            line, column = document.locate(place)
            yield Problem(
                document.path,
                line,
                column,
                f"token pattern with {count} unbounded wildcards: matching it can take minutes and gigabytes on "
                "one article, so it is matched only in sentences short enough",
                'keep one, bound the others (`OP: "{0,3}"`) or give each a word (`{LOWER: the, OP: "*"}`)',
                "warning",
            )


def wildcard_warnings(directories: list[Path]) -> list[Problem]:
    """`wildcard_problems` of every rule file under the folders (files that do not load are reported elsewhere)."""
    found: list[Problem] = []
    for directory in directories:
        for file in read_rule_files(directory, None, []):
            document, _ = load_yaml(file.text, file.shown)
            if document is not None:
                found.extend(wildcard_problems(document))
    return found


def check_token_patterns(document: YamlDocument) -> Iterator[Problem]:
    """spaCy's own validation of Matcher token patterns, located in the file."""
    for place, pattern in _pattern_places(document):
        if not pattern:
            line, column = document.locate(place)
            yield Problem(
                document.path,
                line,
                column,
                "empty token pattern",
                "a pattern is a list of token specs such as `{LOWER: taiwan}`",
            )
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
            yield Problem(
                document.path,
                line,
                column,
                f"invalid token pattern: {what or message} (at {' → '.join(map(str, steps))})",
                "see spaCy's Matcher pattern reference",
            )
