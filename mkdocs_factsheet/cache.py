"""A content-addressed store of parsed articles, so that no text is ever parsed twice.

The key is a hash of the text and the pipeline's fingerprint (its name, version, spaCy's version
and components). Entries are `DocBin` bytes behind a checksum, written atomically (temporary
file, then rename), so a killed build or a concurrent one never leaves a torn entry that is read.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path
from typing import Callable

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

_MAGIC = b"FSDOC1\n"


def cache_key(text_digest: str, fingerprint: str) -> str:
    return hashlib.sha256(f"{fingerprint}\0{text_digest}".encode()).hexdigest()


def doc_to_bytes(doc: Doc) -> bytes:
    payload = DocBin(docs=[doc], store_user_data=False).to_bytes()
    return _MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def doc_from_bytes(data: bytes, vocab: Vocab) -> Doc | None:
    """The stored doc, or None when the entry is truncated or corrupted."""
    if not data.startswith(_MAGIC):
        return None
    header_end = data.find(b"\n", len(_MAGIC))
    digest, payload = data[len(_MAGIC) : header_end], data[header_end + 1 :]
    if header_end < 0 or hashlib.sha256(payload).hexdigest().encode() != digest:
        return None
    try:
        docs = list(DocBin().from_bytes(payload).get_docs(vocab))
    except Exception:  # noqa: BLE001 - any decoding failure means a bad entry
        return None
    return docs[0] if len(docs) == 1 else None


class ParseCache:
    """Parsed docs by key: on disk when a folder is given (and usable), else in memory."""

    def __init__(self, directory: Path | None, warn: Callable[[str], None] = lambda message: None):
        self.directory = directory
        self.warn = warn
        self.memory: dict[str, bytes] = {}
        self.hits = 0
        self.misses = 0
        if directory is not None:
            try:
                directory.mkdir(parents=True, exist_ok=True)
                probe = tempfile.NamedTemporaryFile(dir=directory, prefix=".probe-", delete=True)
                probe.close()
            except OSError as error:
                warn(f"parse cache folder {directory} is not writable ({error.strerror}); parses are kept in memory only, so builds will be slower")
                self.directory = None

    def path_for(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.docbin"

    def contains(self, key: str) -> bool:
        return key in self.memory or (self.directory is not None and self.path_for(key).is_file())

    def get(self, key: str, vocab: Vocab) -> Doc | None:
        data = self.memory.get(key)
        if data is None and self.directory is not None:
            try:
                data = self.path_for(key).read_bytes()
            except OSError:
                data = None
        if data is None:
            self.misses += 1
            return None
        doc = doc_from_bytes(data, vocab)
        if doc is None:
            self.warn(f"parse cache entry {key[:12]}… was corrupted; the article is parsed again")
            self.misses += 1
            return None
        self.hits += 1
        if self.directory is not None and key not in self.memory:
            try:
                os.utime(self.path_for(key))
            except OSError:
                pass  # a read-only cache still serves hits
        return doc

    def prune(self, used: set[str], max_age_days: float = 30) -> int:
        """Delete entries not used by this build and not read or written for `max_age_days`.

        The age condition keeps entries that another site sharing the folder still uses.
        Returns the number of entries removed.
        """
        if self.directory is None:
            return 0
        limit = time.time() - max_age_days * 86400
        removed = 0
        for path in self.directory.glob("*/*.docbin"):
            try:
                if path.stem not in used and path.stat().st_mtime < limit:
                    path.unlink()
                    removed += 1
            except OSError:
                continue  # removed by a concurrent build, or not ours to remove
        return removed

    def put(self, key: str, doc: Doc) -> None:
        data = doc_to_bytes(doc)
        if self.directory is None:
            self.memory[key] = data
            return
        target = self.path_for(key)
        try:
            target.parent.mkdir(exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.replace(temporary, target)
        except OSError as error:
            self.warn(f"cannot write to the parse cache ({error.strerror}); keeping this parse in memory")
            self.memory[key] = data
