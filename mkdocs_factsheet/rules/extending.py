"""Party files that extend another layer's party: a pack's entry trimmed and added to, without copying it.

`extends: united-states` starts from the party loaded before (the world pack's), `remove:` takes
aliases, adjectives, excluded phrases, markers or members away (as written there), and every list
the file gives is added. What the file does not give (name, kind, priority …) is the pack's; the
examples are the file's own. Each
entry of the result remembers where it was written, so a report points into the right file.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from .schema import Party, PartyExtension, alias_of
from .strict_yaml import YamlDocument

_LISTS = (
    "aliases",
    "adjectives",
    "markers",
    "patterns",
    "excludes",
    "members",
    "shadows",
)
_SCALARS = ("name", "kind", "description", "country", "priority", "source")
_REMOVABLE = {"aliases": "alias", "adjectives": "adjective", "excludes": "excluded phrase", "markers": "marker"}


@dataclass
class Place:
    """Where a rule's entries were written: its file, and for an extended rule, which file each entry is from."""

    document: YamlDocument
    origins: dict[tuple[Any, ...], tuple[Place, tuple[Any, ...]]] = field(default_factory=dict)

    def locate(self, path: tuple[Any, ...]) -> tuple[str, int | None, int | None]:
        """(file, line, column) of the entry at `path` of the rule."""
        for head in (path[:2], path[:1]):
            if head in self.origins:
                place, origin = self.origins[head]
                return place.locate(origin + path[len(head) :])
        line, column = self.document.locate(path)
        return self.document.path, line, column


@dataclass
class Extended:
    """The party an extension makes, where its entries come from, and the removals that removed nothing."""

    party: Party
    place: Place
    problems: list[tuple[tuple[Any, ...], str, str]]  # (path in the extension's file, message, hint)


def _key(name: str, item: Any) -> str:
    if name == "members":
        return str(item.name)
    return item if isinstance(item, str) else alias_of(item).text


def extend_party(
    base: Party, base_place: Place, extension: PartyExtension, document: YamlDocument, withdrawn: set[str]
) -> Extended:
    """`base` with the extension's removals taken away and its entries added (removing one of the `withdrawn`
    places, already left out with `places: false`, is no mistake)."""
    own = Place(document)
    place = Place(document)
    problems: list[tuple[tuple[Any, ...], str, str]] = []
    # the examples are the file's own: the pack's, if any, were written for the entry untrimmed
    update: dict[str, Any] = {
        "id": extension.id,
        "examples": extension.examples,
        "counter_examples": extension.counter_examples,
    }
    for name in _LISTS:
        items = getattr(base, name)
        keys = [_key(name, item).casefold() for item in items] if name in (*_REMOVABLE, "members") else []
        removals = getattr(extension.remove, name, [])
        for index, text in enumerate(removals):
            if text.casefold() not in keys and not (name == "aliases" and text.casefold() in withdrawn):
                problems.append(_not_there(name, index, text, base, [_key(name, item) for item in items]))
        dropped = {text.casefold() for text in removals}
        merged: list[Any] = []
        for index, item in enumerate(items):
            if not (keys and keys[index] in dropped):
                place.origins[(name, len(merged))] = (base_place, (name, index))
                merged.append(item)
        for index, item in enumerate(getattr(extension, name)):
            place.origins[(name, len(merged))] = (own, (name, index))
            merged.append(item)
        update[name] = merged
    for name in _SCALARS:
        value = getattr(extension, name)
        if value is None:
            place.origins[(name,)] = (base_place, (name,))
        update[name] = getattr(base, name) if value is None else value
    return Extended(base.model_copy(update=update), place, problems)


def _not_there(name: str, index: int, text: str, base: Party, present: list[str]) -> tuple[tuple[Any, ...], str, str]:
    what = _REMOVABLE.get(name, "member")
    close = difflib.get_close_matches(text, present, n=1)
    hint = f"did you mean {close[0]!r}?" if close else f"write it as party {base.id!r} of the pack does"
    article = "a" if what in ("marker", "member") else "an"
    return ("remove", name, index), f"{text!r} is not {article} {what} of party {base.id!r}", hint
