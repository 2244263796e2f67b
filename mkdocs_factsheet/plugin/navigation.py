"""The plugin's section of an implicit navigation: index pages standing for their folders, then sorted.

`generated` is the set of src_uris the plugin generated: only sections holding them are touched.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from ..site.urls import nav_key


def collapse_sections(items: list[Any], generated: set[str]) -> bool:
    """Replace, in place, each section holding only a generated index page by that page (`Articles`).

    With `nav_pages: indexes` the folders of generated pages keep only their index page in the
    menu: a link, not a drop-down of one entry. The page takes the section's place and parent.
    """
    changed = False
    for position, item in enumerate(items):
        if not isinstance(item, Section):
            continue
        changed |= collapse_sections(item.children, generated)
        only = item.children[0] if len(item.children) == 1 else None
        if isinstance(only, Page) and only.is_index and only.file.src_uri in generated:
            only.parent = item.parent
            items[position] = only
            changed = True
    return changed


def sort_sections(items: list[Any], titles: dict[str, str], generated: set[str]) -> bool:
    """Sort, in place, each section that holds generated pages: index first, then by title."""
    changed = False
    for item in items:
        if not isinstance(item, Section):
            continue
        changed |= sort_sections(item.children, titles, generated)
        if not any(isinstance(c, Page) and c.file.src_uri in generated for c in item.children):
            continue

        # the section's own index page: the one in the shallowest folder (collapsed sections
        # brought the index pages of sub-folders up beside it)
        depth = min((c.file.src_uri.count("/") for c in item.children if isinstance(c, Page)), default=0)

        def key(child: Any, depth: int = depth) -> tuple[int, str]:
            if isinstance(child, Page):
                own = child.is_index and child.file.src_uri.count("/") == depth
                return nav_key(titles.get(child.file.src_uri) or child.title or child.file.name, is_index=own)
            return nav_key(None)

        before = list(item.children)
        item.children.sort(key=key)
        changed |= before != item.children
    return changed


def nav_pages(items: list[Any]) -> Iterator[Page]:
    """The pages of a nav, in order, sections flattened."""
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from nav_pages(item.children)
