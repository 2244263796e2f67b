"""The store of validated rule layers: JSON files on disk, and the packs' layers in memory too.

Reading the world pack's YAML takes about a second; its validated rules, stored as JSON and
validated again, a fraction of that, and a pack kept in memory nothing at all (what a `serve`
rebuild after a rule edit relies on). Entries on disk are keyed by the files' contents and the
engine's code, so an edited file or a new release is a miss, never a stale rule.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from ..rules.files import ParsedFile
from ..rules.schema import model_for
from ..rules.strict_yaml import YamlDocument
from .stores import seal, unseal, write_atomically

_LAYER_MAGIC = b"FSRULES1\n"
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
                document = YamlDocument(entry["path"], None)
                document.value_marks = {tuple(path): (line, column) for path, line, column in entry["value_marks"]}
                document.key_marks = {tuple(path): (line, column) for path, line, column in entry["key_marks"]}
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
