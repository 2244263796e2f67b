"""Content-addressed stores, so that no text is parsed twice and no unchanged article re-analysed.

The stores share one layout and one discipline:

- `ParseCache`: parsed articles (`DocBin` bytes), keyed by the text and the pipeline's fingerprint
  (its name, version, config, spaCy's version, our sentence rules);
- `SheetCache`: finished fact sheets (JSON), keyed by the article, the rules' fingerprint, the
  pipeline's fingerprint and the engine's code — a warm build reads these without loading spaCy;
- `RecordCache`: per article, what its last sheet depended on, so that a rule edit re-analyses
  only the articles the edited rules can reach;
- `CompiledLayerCache`: the packs' rules compiled for matching (phrase tables, token patterns),
  keyed by the pack's files, the pipeline and the engine's code (`engine.compiled_packs`).

Entries are sealed with a checksum and written atomically (temporary file, then rename), so a killed
or concurrent build never leaves a torn entry that is read; a damaged entry is a miss, and an
entry that is a folder is removed. A folder that cannot be written is tolerated: the entries it
holds are read, new ones are kept in memory for this process (said once, by `CacheWarnings`).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import FactSheet

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

Warn = Callable[[str], None]


def cache_key(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def seal(payload: bytes, magic: bytes) -> bytes:
    """The payload behind a header that names its kind and checksum."""
    return magic + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def unseal(data: bytes, magic: bytes) -> bytes | None:
    """The payload, or None when the entry is of another kind, truncated or corrupted."""
    if not data.startswith(magic):
        return None
    header_end = data.find(b"\n", len(magic))
    if header_end < 0:
        return None
    digest, payload = data[len(magic) : header_end], data[header_end + 1 :]
    return payload if hashlib.sha256(payload).hexdigest().encode() == digest else None


def write_atomically(target: Path, data: bytes) -> None:
    """Write to a temporary file beside `target`, then rename: readers see all of it or nothing."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        os.chmod(temporary, 0o644)  # mkstemp makes it private; others sharing the cache must read it
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class CacheWarnings:
    """The warnings of the stores under one cache folder: each kind said once (see `once`)."""

    def __init__(self, warn: Warn = lambda message: None):
        self.warn = warn
        self.said: set[str] = set()

    def __call__(self, message: str) -> None:
        self.warn(message)

    def once(self, kind: str, message: str) -> None:
        """Say `message` unless a warning of this kind was said already (a read-only folder, say)."""
        if kind not in self.said:
            self.said.add(kind)
            self.warn(message)


def warnings_of(warn: Warn | CacheWarnings) -> CacheWarnings:
    return warn if isinstance(warn, CacheWarnings) else CacheWarnings(warn)


def readonly_warning(directory: Path, error: OSError) -> str:
    return (
        f"cache folder {directory} cannot be written ({error.strerror or error}): the entries it holds are "
        "read, new ones are kept in memory only, so builds will be slower"
    )


def writable_folder(directory: Path) -> OSError | None:
    """None if entries can be written in `directory` (creating it), else why not."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        tempfile.NamedTemporaryFile(dir=directory, prefix=".probe-", delete=True).close()
    except OSError as error:
        return error
    return None


class _Store:
    """Checksummed entries under `directory/<2 hex>/<key><suffix>`, or in memory.

    A folder that cannot be written is still read; what cannot be written is kept in memory.
    """

    suffix = ""
    magic = b""
    what = ""

    def __init__(self, directory: Path | None, warn: Warn | CacheWarnings = lambda message: None):
        self.warn = warnings_of(warn)
        self.directory = directory
        self.writable = directory is not None
        if directory is not None and (error := writable_folder(directory)) is not None:
            self.read_only(error)
        self.memory: dict[str, bytes] = {}
        self.hits = 0
        self.misses = 0

    def read_only(self, error: OSError) -> None:
        """Stop writing to the folder, and say so once for all the stores that share the warnings."""
        self.writable = False
        assert self.directory is not None
        self.warn.once("read-only", readonly_warning(self.directory.parent, error))

    def path_for(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}{self.suffix}"

    def contains(self, key: str) -> bool:
        return key in self.memory or (self.directory is not None and self.path_for(key).is_file())

    def read(self, key: str) -> bytes | None:
        """The entry's payload; None when absent or damaged (damage is warned about)."""
        data = self.memory.get(key)
        if data is None and self.directory is not None:
            try:
                data = self.path_for(key).read_bytes()
            except IsADirectoryError:
                self.remove_folder(key)
            except OSError:
                pass
        if data is None:
            self.misses += 1
            return None
        payload = unseal(data, self.magic)
        if payload is None:
            self.damaged(key)
            return None
        self.hits += 1
        if self.writable and key not in self.memory:
            try:
                os.utime(self.path_for(key))  # marks the entry as used, for `prune`
            except OSError:
                pass  # a read-only entry still serves hits
        return payload

    def damaged(self, key: str) -> None:
        self.warn(f"{self.what} entry {key[:12]}… was corrupted; it is computed again")
        self.misses += 1
        self.memory.pop(key, None)

    def undecodable(self, key: str) -> None:
        """A payload that passed its checksum but could not be decoded: a miss after all."""
        self.hits -= 1
        self.damaged(key)

    def remove_folder(self, key: str) -> bool:
        """Remove a folder that stands where an entry belongs (no build makes one); True if it is gone."""
        path = self.path_for(key)
        if not path.is_dir() or path.is_symlink():
            return False
        try:
            shutil.rmtree(path)
        except OSError as error:
            self.warn.once(
                f"folder:{path}",
                f"{self.what} entry {path} is a folder, not a file, and cannot be removed "
                f"({error.strerror or error}); remove it: until then the entry is computed on every build",
            )
            return False
        self.warn.once(f"folder:{path}", f"{self.what} entry {path} was a folder, not a file; removed it")
        return True

    def write(self, key: str, payload: bytes) -> None:
        data = seal(payload, self.magic)
        if not (self.writable and self._written(key, data)):
            self.memory[key] = data

    def _written(self, key: str, data: bytes) -> bool:
        """Write the entry to the folder; False (having warned once) when it cannot be written."""
        for _attempt in range(2):  # a second time after removing a folder in the entry's place
            try:
                write_atomically(self.path_for(key), data)
                return True
            except IsADirectoryError:
                if not self.remove_folder(key):
                    return False
            except OSError as error:
                if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                    self.read_only(error)
                else:  # a full disk, say: this entry is lost, the next may be written
                    reason = error.strerror or error
                    self.warn.once("write", f"cannot write to the {self.what} ({reason}); keeping entries in memory")
                return False
        return False

    def prune(self, used: set[str], max_age_days: float = 30) -> int:
        """Delete entries not used by this build and not read or written for `max_age_days`.

        The age condition keeps entries that another site sharing the folder still uses.
        Returns the number of entries removed.
        """
        for key in [key for key in self.memory if key not in used]:
            del self.memory[key]
        if self.directory is None or not self.writable:
            return 0
        limit = time.time() - max_age_days * 86400
        removed = 0
        for path in self.directory.glob(f"*/*{self.suffix}"):
            try:
                if path.name[: -len(self.suffix)] not in used and path.stat().st_mtime < limit:
                    path.unlink()
                    removed += 1
            except OSError:
                continue  # removed by a concurrent build, or not ours to remove
        return removed


class ParseCache(_Store):
    """Parsed docs by key."""

    suffix = ".docbin"
    magic = b"FSDOC1\n"
    what = "parse cache"

    def get(self, key: str, vocab: Vocab) -> Doc | None:
        payload = self.read(key)
        if payload is None:
            return None
        from spacy.tokens import DocBin

        try:
            docs = list(DocBin().from_bytes(payload).get_docs(vocab))
        except Exception:  # noqa: BLE001 - any decoding failure means a bad entry
            docs = []
        if len(docs) != 1:
            self.undecodable(key)
            return None
        return docs[0]

    def put(self, key: str, doc: Doc) -> None:
        self.write(key, encode_doc(doc))


def encode_doc(doc: Doc) -> bytes:
    """A parse as the parse cache stores it (parsing processes encode their own)."""
    from spacy.tokens import DocBin

    return DocBin(docs=[doc], store_user_data=False).to_bytes()


class SheetCache(_Store):
    """Fact sheets by key, as JSON on disk; the sheets of this process are also kept as objects."""

    suffix = ".json"
    magic = b"FSSHEET1\n"
    what = "fact-sheet cache"

    def __init__(self, directory: Path | None, warn: Warn = lambda message: None):
        super().__init__(directory, warn)
        self.objects: dict[str, FactSheet] = {}

    def get(self, key: str) -> FactSheet | None:
        sheet = self.objects.get(key)
        if sheet is not None:
            self.hits += 1
            return sheet
        payload = self.read(key)
        if payload is None:
            return None
        try:
            sheet = decode_sheet(payload)
        except (ValueError, TypeError, KeyError):
            self.undecodable(key)
            return None
        self.objects[key] = sheet
        return sheet

    def put(self, key: str, sheet: FactSheet, payload: bytes | None = None) -> None:
        """Store a sheet; `payload` is its `encode_sheet` bytes when they were made elsewhere (a worker)."""
        self.objects[key] = sheet
        self.write(key, payload if payload is not None else encode_sheet(sheet))

    def prune(self, used: set[str], max_age_days: float = 30) -> int:
        for key in [key for key in self.objects if key not in used]:
            del self.objects[key]
        return super().prune(used, max_age_days)


def encode_sheet(sheet: FactSheet) -> bytes:
    """A fact sheet as the sheet cache stores it: JSON with its sentences, ASCII so any text survives."""
    return json.dumps(sheet.to_dict(include_sentences=True), separators=(",", ":")).encode("ascii")


def decode_sheet(payload: bytes) -> FactSheet:
    """The sheet `encode_sheet` wrote (faster than unpickling one sent by a worker)."""
    return FactSheet.from_dict(json.loads(payload))


class RecordCache(_Store):
    """What each article's last fact sheet depended on (rule digests, rules that matched, its words), as JSON.

    Lets a rule edit re-analyse only the articles the edited rules can reach.
    """

    suffix = ".json"
    magic = b"FSRECORD1\n"
    what = "fact-sheet record cache"

    def get(self, key: str) -> dict[str, Any] | None:
        payload = self.read(key)
        if payload is None:
            return None
        try:
            record = json.loads(payload)
        except ValueError:
            record = None
        if not isinstance(record, dict):
            self.undecodable(key)
            return None
        return record

    def put(self, key: str, record: dict[str, Any]) -> None:
        self.write(key, json.dumps(record, sort_keys=True, separators=(",", ":")).encode("ascii"))


class CompiledLayerCache(_Store):
    """The packs' compiled layers by key, as JSON (`engine.compiled_packs` encodes and decodes them)."""

    suffix = ".json"
    magic = b"FSCOMPILED1\n"
    what = "compiled-rules cache"
