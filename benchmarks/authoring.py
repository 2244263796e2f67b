"""A scripted rule-authoring session on a copy of the example site, timed as a user would feel it.

Each step edits the rules, then runs `mkdocs-factsheet check` and `mkdocs-factsheet explain ARTICLE` as
commands (a new process each, as typed in a terminal, with the site's cache):

0. the unchanged site (the cache filled first: the example's parses and examples);
1. add an issue (extradition);
2. add a party (Johns Hopkins University);
3. trim a pack entry (Germany without the alias "Bonn", `extends:` + `remove:`);
4. make a collision (an alias the Hong Kong issue has as a keyword), then fix it (`shadows:`).

It also times `check --pack world` with no rules folder from an empty cache (cold) and again (warm).

    .venv/bin/python benchmarks/authoring.py [--keep] [--tmp DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = "seeds/wikinews/2019-09-06-hong-kong-leader-announces-withdrawal-of-extradition-bill.md"
COMMAND = [sys.executable, "-c", "from mkdocs_factsheet.cli import main; main()"]

EDITS: list[tuple[str, str, str]] = [
    (
        "add an issue",
        "rules/issues/extradition.yml",
        "id: extradition\ntitle: Extradition\nkeywords: [extradition, extradite, extradition treaty]\n"
        "examples:\n  - text: The court refused to extradite the businessman.\n",
    ),
    (
        "add a party",
        "rules/parties/johns-hopkins-university.yml",
        "id: johns-hopkins-university\nname: Johns Hopkins University\nkind: organisation\n"
        "aliases: [{text: JHU, case: exact}]\n",
    ),
    (
        "trim a pack entry",
        "rules/parties/germany.yml",
        "id: germany\nextends: germany\nremove:\n  aliases: [Bonn]\n",
    ),
    (
        "make a collision",
        "rules/issues/extradition.yml",
        "id: extradition\ntitle: Extradition\naliases: [extradition bill]\n"
        "keywords: [extradition, extradite, extradition treaty]\n"
        "examples:\n  - text: The court refused to extradite the businessman.\n",
    ),
    (
        "fix the collision",
        "rules/issues/extradition.yml",
        "id: extradition\ntitle: Extradition\naliases: [extradition bill]\nshadows: [hong-kong]\n"
        "keywords: [extradition, extradite, extradition treaty]\n"
        "examples:\n  - text: The court refused to extradite the businessman.\n",
    ),
]


def timed(arguments: list[str], cwd: Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    result = subprocess.run([*COMMAND, *arguments], cwd=cwd, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, result


def warnings_of(result: subprocess.CompletedProcess[str]) -> int:
    return sum(line.startswith("warning:") for line in result.stderr.splitlines())


def step(name: str, site: Path) -> float:
    """`check` then `explain` after an edit; prints both times and what `check` said."""
    check_time, check = timed(["check"], site)
    explain_time, explain = timed(["explain", ARTICLE], site)
    if check.returncode or explain.returncode:
        raise SystemExit(f"{name}: a command failed\n{check.stderr}\n{explain.stderr}")
    lost = explain.stdout.split("## Matches that lost")[1].split("\n## ")[0].count("\n- ")
    print(
        f"| {name} | {check_time:.2f} | {explain_time:.2f} | {warnings_of(check)} | {lost} |",
        flush=True,
    )
    return check_time + explain_time


def pack_check(folder: Path) -> None:
    """`check --pack world` with no rules folder: from an empty cache, then again."""
    cache = folder / "pack-cache"
    arguments = ["check", "--pack", "world", "--rules", str(folder / "none"), "--cache", str(cache), "-f", "none.yml"]
    times = [timed(arguments, folder)[0] for _ in range(3)]
    print(f"\n`check --pack world`: cold {times[0]:.2f} s, then {times[1]:.2f} s and {times[2]:.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tmp", type=Path, default=None, help="where the copy goes (default: system temp)")
    parser.add_argument("--keep", action="store_true", help="keep the copy")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="factsheet-authoring-", dir=args.tmp))
    site = folder / "site-project"
    site.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", site / "mkdocs.yml")
    for name in ("docs", "seeds", "rules"):
        shutil.copytree(ROOT / name, site / name)
    try:
        fill = time.perf_counter()
        timed(["check"], site)
        timed(["explain", ARTICLE], site)
        print(f"cache filled in {time.perf_counter() - fill:.1f} s (the example's examples and the article parsed)\n")
        print("| step | check (s) | explain (s) | check warnings | matches that lost |\n|---|--:|--:|--:|--:|")
        total = step("unchanged", site)
        for name, path, text in EDITS:
            (site / path).write_text(text, encoding="utf-8")
            total += step(name, site)
        print(f"\nthe session: {total:.1f} s of commands over {len(EDITS) + 1} steps")
        pack_check(folder)
    finally:
        if args.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
