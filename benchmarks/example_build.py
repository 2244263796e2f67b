"""The example site's warm build against a plain `mkdocs build` of the same pages.

Copies the repository's example project (mkdocs.yml, docs/, seeds/, rules/) twice into a
temporary folder. The first copy is built with the plugin once (cold, filling its cache), then
timed warm. Into the second, `mkdocs-factsheet render --links pages` writes the plugin's own pages
as Markdown files (the HTML it holds back from Markdown written in, links as the plugin makes
them), and its `mkdocs.yml` loses the plugin: the same pages, the same theme and search, built by
MkDocs alone, as `scale.py` defines "the same pages". The two builds alternate; the medians are
compared. Target: the warm build under 1.5 × the plain one.

    python benchmarks/example_build.py --repeats 7
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.5
RENDER = "from mkdocs_factsheet.cli import main; main()"  # `mkdocs-factsheet`, from this Python


def timed(command: list[str], cwd: Path) -> float:
    """Seconds a command takes (it must succeed)."""
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def copy_project(target: Path) -> None:
    target.mkdir(parents=True)
    for folder in ("docs", "seeds", "rules"):
        shutil.copytree(ROOT / folder, target / folder)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")


def plain_site(folder: Path) -> int:
    """Write the generated pages into `folder`'s docs and drop the plugin; the number of Markdown pages."""
    subprocess.run(
        [sys.executable, "-c", RENDER, "render", "-f", "mkdocs.yml", "--links", "pages"],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    config = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [p for p in config["plugins"] if not (isinstance(p, dict) and "factsheet" in p)]
    config["extra_css"] = ["assets/factsheet/factsheet.css"]  # what the plugin adds
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return len(list((folder / "docs").rglob("*.md")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed builds of each site (median)")
    args = parser.parse_args()
    build = [sys.executable, "-m", "mkdocs", "build", "-q"]
    with tempfile.TemporaryDirectory(prefix="factsheet-example-") as work:
        plugin, plain = Path(work) / "plugin", Path(work) / "plain"
        copy_project(plugin)
        copy_project(plain)
        cold = timed(build, plugin)
        pages = plain_site(plain)
        warm, static = [], []
        for _ in range(args.repeats):
            warm.append(timed(build, plugin))
            static.append(timed(build, plain))
    ratio = statistics.median(warm) / statistics.median(static)
    print(f"{pages} Markdown pages; cold build {cold:.2f} s")
    print(f"warm build (median of {args.repeats}): {statistics.median(warm):.2f} s  {[round(t, 2) for t in warm]}")
    print(f"plain build, same pages: {statistics.median(static):.2f} s  {[round(t, 2) for t in static]}")
    print(f"warm / plain: {ratio:.2f} x (target < {TARGET} x): {'PASS' if ratio < TARGET else 'FAIL'}")
    return 0 if ratio < TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
