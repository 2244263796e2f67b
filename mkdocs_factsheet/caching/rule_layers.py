"""The store of validated rule layers: JSON files on disk, and the packs' layers in memory too.

Reading the world pack's YAML takes about a second; its validated rules, stored as JSON and
validated again, a fraction of that, and a pack kept in memory nothing at all (what a `serve`
rebuild after a rule edit relies on). Entries on disk are keyed by the files' contents and the
engine's code, so an edited file or a new release is a miss, never a stale rule.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..problems import Problem
from ..rules.collisions import PackKeys
from ..rules.files import ParsedFile
from ..rules.schema import model_for
from ..rules.strict_yaml import YamlDocument
from .stores import seal, unseal, write_atomically

_LAYER_MAGIC = b"FSRULES1\n"
_COLLISIONS_MAGIC = b"FSCOLLISIONS1\n"
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

    def get(self, pack: str | None, fingerprint: str) -> list[ParsedFile] | None:
        """A pack's layer from memory (written to disk if missing there), else any layer from disk."""
        files = self.packs.get((pack, fingerprint)) if pack else None
        if files is not None:
            if not self._on_disk(fingerprint):  # read in this process before the cache folder was given
                self._write(fingerprint, files)
            return files
        files = self._read(fingerprint)
        if files is not None and pack:
            self.packs[(pack, fingerprint)] = files
        return files

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
        if self.directory is None:
            return None
        try:
            payload = unseal(self._path(fingerprint).read_bytes(), _LAYER_MAGIC)
            if payload is None:
                return None
            results: list[ParsedFile] = []
            for entry in json.loads(payload):
                document = _StoredDocument(entry["path"], entry["value_marks"], entry["key_marks"])
                model = model_for(entry["folder"], entry["rule"])
                results.append((entry["folder"], document, model.model_validate(entry["rule"])))
            return results
        except (OSError, ValueError, KeyError, TypeError, ValidationError):
            return None  # absent or unreadable: the files are read again

    def _write(self, fingerprint: str, files: list[ParsedFile]) -> None:
        if self.directory is None:
            return
        entries = [
            {
                "folder": folder,
                "path": document.path,
                "value_marks": [[list(path), *mark] for path, mark in document.value_marks.items()],
                "key_marks": [[list(path), *mark] for path, mark in document.key_marks.items()],
                "rule": rule.model_dump(mode="json", by_alias=True, exclude_unset=True),
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

    def __init__(self, path: str, value_marks: list[Any], key_marks: list[Any]):
        self.path, self.data = path, None
        self._raw: dict[str, list[Any]] = {"value": value_marks, "key": key_marks}
        self._decoded: dict[str, dict[tuple[Any, ...], tuple[int, int]]] = {}

    def _marks(self, which: str) -> dict[tuple[Any, ...], tuple[int, int]]:
        if which not in self._decoded:
            raw = self._raw.pop(which, [])
            self._decoded[which] = {tuple(path): (line, column) for path, line, column in raw}
        return self._decoded[which]

    @property
    def value_marks(self) -> dict[tuple[Any, ...], tuple[int, int]]:
        return self._marks("value")

    @value_marks.setter
    def value_marks(self, marks: dict[tuple[Any, ...], tuple[int, int]]) -> None:
        self._raw.pop("value", None)
        self._decoded["value"] = marks

    @property
    def key_marks(self) -> dict[tuple[Any, ...], tuple[int, int]]:
        return self._marks("key")

    @key_marks.setter
    def key_marks(self, marks: dict[tuple[Any, ...], tuple[int, int]]) -> None:
        self._raw.pop("key", None)
        self._decoded["key"] = marks
