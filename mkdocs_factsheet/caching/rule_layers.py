"""The store of validated rule layers and whole rule sets: JSON files on disk, and the packs' layers in memory too.

Reading the world pack's YAML takes about a second; its validated rules, stored as JSON and
validated again, a fraction of that, and a pack kept in memory nothing at all (what a `serve`
rebuild after a rule edit relies on). A whole rule set that loaded cleanly is stored too
(`rule_sets`): it refers to its layers' entries here, and a new process reads it back without
merging or checking the layers again, validating a rule only when it is first read. Entries on
disk are keyed by the files' contents and the engine's code, so an edited file or a new release
is a miss, never a stale rule.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from ..problems import Problem
from ..rules.files import ParsedFile
from ..rules.ruleset import RuleOrigins, RuleSet
from ..rules.schema import RuleModel, model_for
from ..rules.strict_yaml import YamlDocument
from .rule_sets import StoredFiles, StoredRules, decode_rule_set, encode_rule_set, entries_of
from .stores import seal, unseal, write_atomically

if TYPE_CHECKING:
    from ..rules.collisions import PackKeys

_LAYER_MAGIC = b"FSRULES2\n"
_COLLISIONS_MAGIC = b"FSCOLLISIONS1\n"
_RULE_SET_MAGIC = b"FSRULESET1\n"
PackLayers = dict[tuple[str, str], list[ParsedFile]]  # (pack, fingerprint) → the pack's validated files


class RuleLayerCache:
    """Validated rule files of layers that loaded cleanly (see `rules.loader.LayerStore`).

    `packs` is the in-memory memo of the packs' layers; its owner keeps it across stores (a
    `serve` session whose cache folder changes still has the packs it read).
    """

    def __init__(self, directory: Path | None, code: str, packs: PackLayers):
        self.directory = directory  # read even when it cannot be written (a write that fails is not a problem)
        self.code = code
        self.packs = packs
        self.collisions: dict[str, list[Problem]] = {}  # this store's, by rule-set key (a `serve` session's)
        # the pack layers of the rule sets read here, by (pack, fingerprint): a rule edit in `serve` reuses their rules
        self.read_by_rule_sets: dict[tuple[str, str], tuple[StoredRules, int]] = {}
        self.pack_keys: PackKeys = {}  # the packs' phrase keys, for the collisions of an edited rule set

    def get_collisions(self, key: str) -> list[Problem] | None:
        """A rule set's collision warnings, from memory or disk (keyed by its layers and the engine's code)."""
        if key in self.collisions:
            return list(self.collisions[key])
        if self.directory is None:
            return None
        try:
            payload = unseal(self._collisions_path(key).read_bytes(), _COLLISIONS_MAGIC)
            if payload is None:
                return None
            found = [Problem(**entry) for entry in json.loads(payload)]
        except (OSError, ValueError, TypeError):
            return None
        self.collisions[key] = found
        return list(found)

    def put_collisions(self, key: str, problems: list[Problem]) -> None:
        self.collisions[key] = list(problems)
        if self.directory is None:
            return
        entries = [dataclasses.asdict(problem) for problem in problems]
        try:
            write_atomically(self._collisions_path(key), seal(json.dumps(entries).encode(), _COLLISIONS_MAGIC))
        except OSError:
            pass  # the cache is an optimisation

    def _collisions_path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / f"collisions-{key[:32]}-{self.code}.json"

    def get_rule_set(self, key: str) -> RuleSet | None:
        """A rule set stored by `put_rule_set`, its rules decoded when first read; None if absent or damaged."""
        if self.directory is None:
            return None
        payload = self._sealed(self._rule_set_path(key), _RULE_SET_MAGIC)
        if payload is None:
            return None
        try:
            layers = entries_of(payload)
            files: StoredFiles = []
            for _, fingerprint in layers:
                entries = self._stored_files(fingerprint)
                if entries is None:
                    return None
                files.append(entries)
            stored = StoredRules(files)
            rules = decode_rule_set(payload, stored)
        except (ValueError, KeyError, TypeError, IndexError, ValidationError):
            return None  # the layers are read and merged again
        for index, (pack, fingerprint) in enumerate(layers):
            if pack:
                self.read_by_rule_sets[(pack, fingerprint)] = (stored, index)
        return rules

    def put_rule_set(self, key: str, rules: RuleSet, origins: RuleOrigins) -> None:
        if self.directory is None:
            return
        try:
            write_atomically(self._rule_set_path(key), seal(encode_rule_set(rules, origins), _RULE_SET_MAGIC))
        except OSError:
            pass  # the cache is an optimisation

    def _rule_set_path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / f"ruleset-{key[:32]}-{self.code}.json"

    @staticmethod
    def _sealed(path: Path, magic: bytes) -> bytes | None:
        try:
            return unseal(path.read_bytes(), magic)
        except OSError:
            return None

    def _stored_files(self, fingerprint: str) -> list[dict[str, str]] | None:
        """A layer's entry as stored: each file's folder, path, marks and rule, the last two as JSON text."""
        if self.directory is None:
            return None
        payload = self._sealed(self._path(fingerprint), _LAYER_MAGIC)
        if payload is None:
            return None
        entries = json.loads(payload)
        if not isinstance(entries, list):
            raise ValueError("not a stored rule layer")
        return entries

    def get(self, pack: str | None, fingerprint: str) -> list[ParsedFile] | None:
        """A pack's layer from memory (written to disk if missing there), else any layer from disk."""
        files = self.packs.get((pack, fingerprint)) if pack else None
        if files is not None:
            if not self._on_disk(fingerprint):  # read in this process before the cache folder was given
                self._write(fingerprint, files)
            return files
        files = self._read_by_rule_set(pack, fingerprint) if pack else None
        if files is None:
            files = self._read(fingerprint)
        if files is not None and pack:
            self.packs[(pack, fingerprint)] = files
        return files

    def _read_by_rule_set(self, pack: str, fingerprint: str) -> list[ParsedFile] | None:
        """A pack layer a stored rule set read, with the rules it decoded already (`serve` decodes all ahead)."""
        found = self.read_by_rule_sets.pop((pack, fingerprint), None)
        if found is None:
            return None
        stored, index = found
        return [
            (file["folder"], _StoredDocument(file["path"], file["marks"]), stored.rule([index, position], RuleModel))
            for position, file in enumerate(stored.files[index])
        ]

    def put(self, pack: str | None, fingerprint: str, files: list[ParsedFile]) -> None:
        """Keep a layer that loaded cleanly: on disk, and in memory too when it is a pack's."""
        if pack:
            self.packs[(pack, fingerprint)] = files
        self._write(fingerprint, files)

    def _path(self, fingerprint: str) -> Path:
        assert self.directory is not None
        return self.directory / f"{fingerprint}-{self.code}.json"

    def _on_disk(self, fingerprint: str) -> bool:
        return self.directory is not None and self._path(fingerprint).is_file()

    def _read(self, fingerprint: str) -> list[ParsedFile] | None:
        try:
            entries = self._stored_files(fingerprint)
            if entries is None:
                return None
            results: list[ParsedFile] = []
            for entry in entries:
                rule = json.loads(entry["rule"])
                document = _StoredDocument(entry["path"], entry["marks"])
                results.append((entry["folder"], document, model_for(entry["folder"], rule).model_validate(rule)))
            return results
        except (ValueError, KeyError, TypeError, ValidationError):
            return None  # unreadable: the files are read again

    def _write(self, fingerprint: str, files: list[ParsedFile]) -> None:
        if self.directory is None:
            return
        entries = [  # the rule and the marks as JSON text: a stored rule set reads a few rules of a big layer
            {
                "folder": folder,
                "path": document.path,
                "marks": json.dumps(
                    [
                        [[list(path), *mark] for path, mark in marks.items()]
                        for marks in (document.value_marks, document.key_marks)
                    ]
                ),
                "rule": rule.model_dump_json(by_alias=True, exclude_unset=True),
            }
            for folder, document, rule in files
        ]
        try:
            write_atomically(self._path(fingerprint), seal(json.dumps(entries).encode(), _LAYER_MAGIC))
        except OSError:
            pass  # the cache is an optimisation; the next build reads the files again


class _StoredDocument(YamlDocument):
    """A rule file's document read back from the store: the positions are decoded when first asked for.

    Only a problem or a collision asks where a rule is written; most builds never do, and decoding
    the world pack's positions took a fifth of reading it back.
    """

    def __init__(self, path: str, marks: str):
        self.path, self.data = path, None
        self._raw: str | None = marks  # JSON: [value marks, key marks]
        self._decoded: dict[str, dict[tuple[Any, ...], tuple[int, int]]] = {}

    def _marks(self, which: str) -> dict[tuple[Any, ...], tuple[int, int]]:
        if self._raw is not None:
            raw_values, raw_keys = json.loads(self._raw)
            self._raw = None
            for name, raw in (("value", raw_values), ("key", raw_keys)):
                self._decoded.setdefault(name, {tuple(path): (line, column) for path, line, column in raw})
        return self._decoded[which]

    @property
    def value_marks(self) -> dict[tuple[Any, ...], tuple[int, int]]:
        return self._marks("value")

    @value_marks.setter
    def value_marks(self, marks: dict[tuple[Any, ...], tuple[int, int]]) -> None:
        self._decoded["value"] = marks

    @property
    def key_marks(self) -> dict[tuple[Any, ...], tuple[int, int]]:
        return self._marks("key")

    @key_marks.setter
    def key_marks(self, marks: dict[tuple[Any, ...], tuple[int, int]]) -> None:
        self._decoded["key"] = marks
