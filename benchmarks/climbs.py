"""Calls that climb back up the layers on the way from `Engine.extract_all` to a fact sheet.

    .venv/bin/python benchmarks/climbs.py [ARTICLE ...] [--rules rules] [--packs world]

A module is *higher* than another when it imports it, directly or through other modules of the
package (read from the source, as `tests/test_layers.py` does). A *climb* is a call made while the
engine extracts a sheet from a function of a lower module into a function of a higher one: a lower
stage reaching back into an object or a callback a higher one handed it. A *sideways* call goes to
a module that neither imports the caller's nor is imported by it (an object of an unrelated module).
Every such pair of functions is listed once with its number of calls, then every module-to-module
edge of the path; the summary counts the distinct module pairs. Articles default to `seeds/`;
their parses are made first, outside the measurement.
"""

from __future__ import annotations

import argparse
import ast
import sys
from collections import Counter
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs_factsheet import Engine, ProblemLog, load_articles  # noqa: E402

PACKAGE_DIR = ROOT / "mkdocs_factsheet"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def direct_imports() -> dict[str, set[str]]:
    """Each module of the package → the modules of the package it imports (anywhere in its source)."""
    modules = {module_name(path): path for path in PACKAGE_DIR.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
                target = ".".join([*base, *([node.module] if node.module else [])])
                found.update(t for t in [target, *(f"{target}.{a.name}" for a in node.names)] if t in modules)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name in modules)
        graph[name] = found - {name}
    return graph


def reachable(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Each module → every module it imports, directly or not."""
    closure: dict[str, set[str]] = {}
    for start in graph:
        seen: set[str] = set()
        stack = list(graph[start])
        while stack:
            module = stack.pop()
            if module not in seen:
                seen.add(module)
                stack.extend(graph.get(module, ()))
        closure[start] = seen
    return closure


Call = tuple[str, str, str, str]  # caller module, caller function, callee module, callee function


def trace_calls(engine: Engine, articles: list[Any]) -> Counter[Call]:
    """Every call between two modules of the package while the engine extracts the articles' sheets."""
    calls: Counter[Call] = Counter()

    def profile(frame: FrameType, event: str, arg: object) -> None:
        if event != "call" or frame.f_back is None:
            return
        callee, caller = frame.f_globals.get("__name__", ""), frame.f_back.f_globals.get("__name__", "")
        if callee != caller and callee.startswith("mkdocs_factsheet") and caller.startswith("mkdocs_factsheet"):
            calls[(caller, frame.f_back.f_code.co_qualname, callee, frame.f_code.co_qualname)] += 1

    sys.setprofile(profile)
    try:
        for _ in engine.extract_all(articles):
            pass
    finally:
        sys.setprofile(None)
    return calls


def direction(caller: str, callee: str, below: dict[str, set[str]]) -> str:
    if callee in below.get(caller, ()):
        return "down"
    return "up" if caller in below.get(callee, ()) else "sideways"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="*", type=Path, default=[ROOT / "seeds"])
    parser.add_argument("--rules", type=Path, default=ROOT / "rules")
    parser.add_argument("--packs", default="world", help="comma-separated built-in packs (default: world)")
    args = parser.parse_args(argv)
    problems = ProblemLog()
    articles = load_articles(args.articles, problems)
    engine = Engine.create([args.rules], packs=[p for p in args.packs.split(",") if p])
    for article in articles:
        engine.parse(article)  # parse outside the measurement: spaCy's own calls are not the path
    calls = trace_calls(engine, articles)
    below = reachable(direct_imports())
    edges: Counter[tuple[str, str]] = Counter()
    for (caller, caller_function, callee, callee_function), count in sorted(calls.items()):
        edges[(caller, callee)] += count
        way = direction(caller, callee, below)
        if way != "down":
            print(f"{way:8s} {count:6d}  {caller}.{caller_function}  →  {callee}.{callee_function}")
    print("\nmodule edges of the path (calls):")
    for (caller, callee), count in sorted(edges.items()):
        print(f"  {direction(caller, callee, below):8s} {count:6d}  {caller} → {callee}")
    ways = Counter(direction(caller, callee, below) for caller, callee in edges)
    summary = ", ".join(f"{ways[way]} {way}" for way in ("down", "up", "sideways"))
    print(f"{len(articles)} article(s): {len(edges)} module edges — {summary}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
