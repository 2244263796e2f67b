"""The package's folders are its layers: a module imports only from its own layer or lower ones.

Read from the source (every import, including those inside functions and under `TYPE_CHECKING`), so
a stray import that would only run on some path is caught too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE_DIR = Path(__file__).resolve().parent.parent / "mkdocs_factsheet"

# Lowest first. A module belongs to the first entry its dotted name starts with; the package's own
# `__init__` is the public facade and may import anything.
LAYERS = [
    ("problems", "model"),
    ("rules",),
    ("articles",),
    ("caching",),
    ("nlp",),
    ("engine",),
    ("checking", "report"),
    ("site",),
    ("plugin", "cli", "__main__", "mkdocs_options", "rendering", "watching"),
]
# Third-party libraries that only the adapters may import.
ADAPTER_ONLY = {"mkdocs": ("plugin",), "click": ("cli",)}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, as absolute dotted names."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names if _is_module(f"{target}.{alias.name}"))
    return found


def _is_module(dotted: str) -> bool:
    path = PACKAGE_DIR.parent / Path(*dotted.split("."))
    return path.is_dir() or path.with_suffix(".py").is_file()


def layer_of(dotted: str) -> int | None:
    """The layer of a module of the package (None for the facade and for other packages)."""
    parts = dotted.split(".")
    if parts[0] != "mkdocs_factsheet" or len(parts) == 1:
        return None
    for rank, names in enumerate(LAYERS):
        if parts[1] in names:
            return rank
    raise AssertionError(f"{dotted} is in no layer: add it to LAYERS in {Path(__file__).name}")


SOURCES = sorted(PACKAGE_DIR.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: module_name(path))
def test_imports_go_down_the_layers(path: Path) -> None:
    rank = layer_of(module_name(path))
    if rank is None:
        return  # the facade
    upward = sorted(target for target in imports_of(path) if (other := layer_of(target)) is not None and other > rank)
    assert upward == [], f"{module_name(path)} imports from a higher layer"


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: module_name(path))
def test_only_the_adapters_import_mkdocs_and_click(path: Path) -> None:
    parts = module_name(path).split(".")
    for library, adapters in ADAPTER_ONLY.items():
        if len(parts) > 1 and parts[1] in adapters:
            continue
        used = sorted(target for target in imports_of(path) if target.split(".")[0] == library)
        assert used == [], f"{module_name(path)} imports {library}, which only {', '.join(adapters)} may"


def test_every_module_is_in_a_layer_and_every_layer_exists() -> None:
    names = {module_name(path) for path in SOURCES}
    assert all(layer_of(name) is not None for name in names if name != "mkdocs_factsheet")
    top_level = {name.split(".")[1] for name in names if name != "mkdocs_factsheet"}
    assert {entry for layer in LAYERS for entry in layer} - top_level <= {"__main__"}
