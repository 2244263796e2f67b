"""A strict YAML reader that remembers where every value came from.

PyYAML follows YAML 1.1, where `NO` is false, `on` is true and `2021-01-26` is a date. Rule files
are full of words like those (Norway's code, token patterns such as `{LOWER: no}`), so this
reader resolves plain scalars by the YAML 1.2 core schema instead: only `true`/`false` are
booleans, dates stay strings (the schema parses the fields that are dates), and a duplicate key
is an error rather than a silent overwrite. Each value's line and column is kept so that schema
errors can point at the exact place in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..problems import Problem

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

Path = tuple[str | int, ...]

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_DECIMAL = re.compile(r"^[-+]?[0-9]+$")
_OCTAL_OR_HEX = re.compile(r"^0(?:o[0-7]+|x[0-9a-fA-F]+)$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
MAX_INTEGER_DIGITS = 100
"""Longest integer read as a number: Python refuses to convert one of over 4,300 digits, and no
rule or front matter needs a hundred."""
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}
_IMPLICIT_SCALAR = "tag:mkdocs-factsheet,2026:implicit"  # a plain scalar: `_Builder.scalar` resolves it
_PLAIN_DATA_TAGS = {  # what the composer gives untagged values; any other tag was written by hand
    _IMPLICIT_SCALAR,
    *(
        f"tag:yaml.org,2002:{name}"
        for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "value")
    ),
}


class _Loader(_BaseLoader):
    """Leaves tag resolution to `_Builder.scalar` (YAML 1.2 core): PyYAML's YAML 1.1 resolver
    runs a dozen regular expressions on every scalar, most of the time spent reading a big pack."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return _IMPLICIT_SCALAR if implicit[0] else "tag:yaml.org,2002:str"
        return "tag:yaml.org,2002:seq" if kind is yaml.SequenceNode else "tag:yaml.org,2002:map"


@dataclass
class YamlDocument:
    """Plain Python data read from one YAML file, with the position of every value and key."""

    path: str
    data: Any
    value_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path, *, key: bool = False) -> tuple[int | None, int | None]:
        """1-based (line, column) of the value (or its key) at `path`, or of its nearest parent."""
        marks = self.key_marks if key else self.value_marks
        probe = tuple(path)
        while True:
            if probe in marks:
                return marks[probe]
            if key and probe in self.value_marks:
                return self.value_marks[probe]
            if not probe:
                return (None, None)
            probe = probe[:-1]


class _Builder:
    def __init__(self, document: YamlDocument):
        self.document = document
        self.problems: list[Problem] = []
        self._built: set[int] = set()  # nodes seen: a node met twice came through an alias
        self._aliased: set[int] = set()

    def problem(self, node: yaml.Node, message: str, hint: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.document.path, mark.line + 1, mark.column + 1, message, hint))

    def build(self, node: yaml.Node, path: Path) -> Any:
        mark = node.start_mark
        self.document.value_marks[path] = (mark.line + 1, mark.column + 1)
        if id(node) in self._built:  # `*name`: refused, or `&a [*a, *a, …]` nests a billion copies (or loops)
            if id(node) not in self._aliased:
                self._aliased.add(id(node))
                self.problem(
                    node,
                    "YAML anchors and aliases (`&name`, `*name`) are not supported; this anchored value is reused",
                    "write the value out in full where it is needed",
                )
            return None
        self._built.add(id(node))
        if node.tag not in _PLAIN_DATA_TAGS:
            self.problem(node, f"YAML tag {node.tag!r} is not supported", "remove the tag; rule files hold plain data")
            return None
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        raise AssertionError(f"unknown YAML node {node!r}")  # pragma: no cover

    def mapping(self, node: yaml.MappingNode, path: Path) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, "a mapping key must be a plain word", "use `name: value`")
                continue
            key = key_node.value
            if key == "<<":
                self.problem(key_node, "YAML merge keys (`<<`) are not supported", "write the keys out in full")
                continue
            if key in result:
                self.problem(key_node, f"key {key!r} appears twice in the same mapping", "keep one of them")
                continue
            key_mark = key_node.start_mark
            self.document.key_marks[path + (key,)] = (key_mark.line + 1, key_mark.column + 1)
            result[key] = self.build(value_node, path + (key,))
        return result

    def scalar(self, node: yaml.ScalarNode) -> Any:
        text = node.value
        if node.style or node.tag == "tag:yaml.org,2002:str":  # quoted, block or `!!str`-tagged scalars are text
            return text
        if _NULL.match(text):
            return None
        if text in _BOOL:
            return _BOOL[text]
        if _DECIMAL.match(text) or _OCTAL_OR_HEX.match(text):
            if len(text) > MAX_INTEGER_DIGITS:
                self.problem(
                    node,
                    f"a number of {len(text):,} digits is too long (at most {MAX_INTEGER_DIGITS})",
                    'write a shorter number, or quote it ("…") to keep it as text',
                )
                return None
            return int(text, 0) if _OCTAL_OR_HEX.match(text) else int(text)
        if _FLOAT.match(text):
            return float(text)
        if text.lower() in _SPECIAL_FLOAT:
            return _SPECIAL_FLOAT[text.lower()]
        return text


def load_yaml(text: str, path: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Read one YAML document; return it with any problems (syntax errors make it `None`)."""
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        message = f"YAML syntax error: {error.problem or error.context}"
        return None, [Problem(path, line, column, message, "check the indentation and quoting around this place")]
    except yaml.YAMLError as error:
        return None, [Problem(path, None, None, f"YAML error: {error}", "check the file is valid YAML")]
    document = YamlDocument(path, None)
    if not nodes:
        return document, []
    if len(nodes) > 1:
        mark = nodes[1].start_mark
        return None, [
            Problem(
                path,
                mark.line + 1,
                mark.column + 1,
                "the file holds several YAML documents",
                "keep one document per file (remove the extra `---`)",
            )
        ]
    builder = _Builder(document)
    document.data = builder.build(nodes[0], ())
    return document, builder.problems
