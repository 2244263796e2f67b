"""Where rule layers come from: the built-in packs' folders, and the store that keeps layers and rule sets.

A rule set is keyed by everything that decides it besides the engine's code (`rule_set_key`), so
the store can hand back one that loaded cleanly before without the files being validated again.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..problems import Problem
from .files import ParsedFile, RuleFile
from .ruleset import RuleOrigins, RuleSet

if TYPE_CHECKING:
    from .collisions import PackKeys

PACKS_DIR = Path(__file__).parent.parent / "packs"
PLACES_FILE = "places.txt"


class LayerStore(Protocol):
    """Where the validated files of layers that loaded cleanly are kept, by pack and the files' fingerprint."""

    def get(self, pack: str | None, fingerprint: str) -> list[ParsedFile] | None:
        """The layer's validated files, or None when they must be read."""

    def put(self, pack: str | None, fingerprint: str, files: list[ParsedFile]) -> None:
        """Keep a layer that loaded without a problem."""

    pack_keys: PackKeys
    """Each pack layer's phrase keys, kept for the next rule set's collisions (see `collisions.find_collisions`)."""

    def get_collisions(self, key: str) -> list[Problem] | None:
        """The collision warnings of a rule set (`key`: its layers and where they were read), or None."""

    def put_collisions(self, key: str, problems: list[Problem]) -> None:
        """Keep the collision warnings of a rule set."""

    def get_rule_set(self, key: str) -> RuleSet | None:
        """A whole rule set that loaded cleanly before (`key`: `rule_set_key`), or None."""

    def put_rule_set(self, key: str, rules: RuleSet, origins: RuleOrigins) -> None:
        """Keep a rule set that loaded cleanly; `origins` says which rules are a stored layer's files as read."""


def pack_dir(name: str) -> Path:
    """The folder of a built-in pack."""
    return PACKS_DIR / name


def pack_places(pack: str) -> dict[str, set[str]]:
    """A pack's sub-national places (its `places.txt`: `party-id<TAB>alias` a line) by party, folded."""
    path = pack_dir(pack) / PLACES_FILE
    places: dict[str, set[str]] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            party, _, alias = line.partition("\t")
            if alias and not line.startswith("#"):
                places.setdefault(party, set()).add(alias.casefold())
    return places


def available_packs() -> list[str]:
    """The names of the built-in packs."""
    return sorted(p.name for p in PACKS_DIR.iterdir() if p.is_dir() and not p.name.startswith("_"))


def without_places(fingerprint: str) -> str:
    """The fingerprint of a pack layer read without its places: other rules than its files' own."""
    return hashlib.sha256(f"{fingerprint}\0without places".encode()).hexdigest()


def rule_set_key(
    sources: list[tuple[Path, str | None]], read: list[tuple[str | None, list[RuleFile]]], places: bool
) -> str:
    """What decides a whole rule set besides the engine's code: the folders and packs in order, every file, `places`."""
    digest = hashlib.sha256(repr([(str(directory), pack) for directory, pack in sources]).encode())
    digest.update(b"places" if places else b"without places")
    for pack, files in read:
        digest.update(f"\0layer {pack}\0".encode())
        for file in files:
            digest.update(f"{file.shown}\0{file.folder}\0{file.text}\0".encode())
    return digest.hexdigest()
