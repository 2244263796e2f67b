"""Safe file and URL names for generated pages, from ids nobody checked (article file names).

Article ids come from file names, which may hold anything a file system allows: `../`, `\\`,
spaces, `?`, control characters, Windows device names (`CON`, `nul.txt`), look-alike letters
(Cyrillic `а`, fullwidth `ｃ`), names that differ from another only by case. Rule ids are
already simple slugs (the rule schema rejects anything else, with `file:line:column`), but they
go through the same function, so every generated page name has one origin.

The rules, in order (`safe_stem`):

1. An id that is already *plain* keeps its name: ASCII letters and digits, with `-`, `_` and
   single inner dots, at most 64 characters, not a Windows device name and not `index`/`readme`
   (MkDocs would turn those into section index pages). Existing URLs do not change.
2. Any other id gets a readable part (NFKC-normalised, accents folded to ASCII, every other
   character a `-`, at most 48 characters, `page` when nothing is left) followed by `-` and the
   first 8 hex digits of the SHA-256 of the *original* id. So `chinа` (Cyrillic `а`) becomes
   `chin-…` and `ｃｈｉｎａ` becomes `china-…`: never the name of the page `china`. The result
   can hold no `/`, `\\`, `..`, drive letter, leading dot or trailing dot or space.

People's names (`name_stems`) read better as lower-case slugs: `Antony Blinken` becomes
`antony-blinken` when that slug is plain and no other name of the set has it; otherwise the slug
is followed by the hash of the name as above. Slugs are lower case, so no two differ only by case.

`page_stems` then makes the names of a whole set of ids unique on case-insensitive file systems:
when stems differ only by case, the one that is all lower case (if any) keeps its name and the
others get the hash of their id. Everything depends only on the set of ids, never on the order
in which articles were read, so two builds of the same inputs name every page the same way.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

MAX_PLAIN = 64
"""Longest id kept as it is."""
MAX_READABLE = 48
"""Longest readable part of a rewritten id (the hash suffix adds 9 characters)."""

_PLAIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?=[A-Za-z0-9]))*\Z")
_NOT_SLUG = re.compile(r"[^A-Za-z0-9_]+")
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul", "conin$", "conout$"} | {
    f"{d}{n}" for d in ("com", "lpt") for n in "123456789"
}
_MKDOCS_INDEX = {"index", "readme"}


def short_hash(key: str, length: int = 8) -> str:
    """The first `length` hex digits of the SHA-256 of `key` (stable across runs and machines)."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def is_plain(key: str) -> bool:
    """Whether `key` may be used as a file and URL name as it is (rule 1 above)."""
    if len(key) > MAX_PLAIN or not _PLAIN.match(key):
        return False
    base = key.split(".", 1)[0].lower()  # `nul.txt` is the device NUL too
    return base not in _WINDOWS_DEVICES and key.lower() not in _MKDOCS_INDEX


def readable(key: str) -> str:
    """The readable part of a rewritten name: ASCII letters, digits, `_` and `-` only."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", key))
    ascii_only = "".join(ch if ch.isascii() else ("" if unicodedata.combining(ch) else "-") for ch in folded)
    slug = _NOT_SLUG.sub("-", ascii_only).strip("-_")[:MAX_READABLE].rstrip("-_")
    return slug or "page"


def safe_stem(key: str) -> str:
    """A file name (without `.md`) and URL segment for any id: `key` itself when plain, else readable + hash."""
    return key if is_plain(key) else f"{readable(key)}-{short_hash(key)}"


def page_stems(keys: Iterable[str]) -> dict[str, str]:
    """Distinct safe stems for a set of ids, unique even where file names ignore case.

    Deterministic and independent of the order of `keys`.
    """
    ordered = sorted(set(keys))
    stems = {key: safe_stem(key) for key in ordered}
    groups: dict[str, list[str]] = {}
    for key in ordered:
        groups.setdefault(stems[key].casefold(), []).append(key)
    for folded, members in groups.items():
        if len(members) > 1:
            for key in members:
                if stems[key] != folded:  # only the all-lower-case spelling keeps the plain name
                    stems[key] = f"{stems[key]}-{short_hash(key)}"
    # Last resort against a stem that happens to equal another's rewritten name: a longer hash.
    used: set[str] = set()
    for key in ordered:
        stem = stems[key]
        if stem.casefold() in used:
            stem = f"{readable(key)}-{short_hash(key, 16)}"
        while stem.casefold() in used:  # only if two ids share 64 bits of SHA-256
            stem += "-x"
        stems[key] = stem
        used.add(stem.casefold())
    return stems


def name_stems(names: Iterable[str]) -> dict[str, str]:
    """Distinct lower-case stems for a set of names (people): `antony-blinken`, the name's hash added when
    the slug is not plain or another name has the same slug. Deterministic and independent of order."""
    ordered = sorted(set(names))
    slugs = {name: readable(name).lower() for name in ordered}
    shared = Counter(slugs.values())
    used: set[str] = set()
    stems: dict[str, str] = {}
    for name in ordered:
        slug = slugs[name]
        stem = slug if shared[slug] == 1 and is_plain(slug) else f"{slug}-{short_hash(name)}"
        if stem in used:  # a plain slug equal to another name's slug and hash
            stem = f"{slug}-{short_hash(name, 16)}"
        while stem in used:
            stem += "-x"
        stems[name] = stem
        used.add(stem)
    return stems
