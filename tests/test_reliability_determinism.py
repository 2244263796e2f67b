"""Determinism: the same inputs give byte-identical generated pages and factsheets.json, whatever the
folder, the order files were created in, or the interpreter's hash seed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from .plugin_helpers import PYTHON, LogCapture, Site, build, main_content, make_site

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
EXTRA = {  # same dates, same titles, undated: every tie the ordering must break the same way
    "b_same_day.md": "---\ntitle: Talks on Taiwan\ndate: 2021-03-18\n---\nChina said the United States should stop interfering in Taiwan.\n",
    "a_same_day.md": "---\ntitle: Talks on Taiwan\ndate: 2021-03-18\n---\nThe United States warned China about human rights.\n",
    "undated.txt": "Undated note\n\nYang Jiechi said China opposes interference. Antony Blinken said the US will hold Beijing accountable.\n",
    "Undated.md": "# Undated note\n\nBeijing and Washington disagreed on human rights and Taiwan.\n",
}
DOCS = {"index.md": "# Home\n\n<!-- factsheet: matrix -->\n\n<!-- factsheet: positions issue=taiwan -->\n"}


def _outputs(site: Site) -> dict[str, bytes]:
    """Every generated page (as built HTML) and the JSON, by path in the site."""
    files = {
        p.relative_to(site.site_dir).as_posix(): p.read_bytes()
        for p in (site.site_dir / "briefings").rglob("*")
        if p.is_file()
    }
    files["factsheets.json"] = (site.site_dir / "factsheets.json").read_bytes()
    # markers in a hand-written page; the theme stamps the home page with the build time, so its content only
    files["index.html"] = main_content((site.site_dir / "index.html").read_text(encoding="utf-8")).encode()
    return files


def _site(root: Path, cache_dir: Path | str, order: list[str]) -> Site:
    site = make_site(root, cache_dir if isinstance(cache_dir, Path) else Path("unused"), docs=DOCS)
    if isinstance(cache_dir, str):
        site.plugin_options()["cache_dir"] = cache_dir
        site.write_config()
    for name in order:  # creation order differs between the sites: directory listings may too
        source = HOSTILE / name if (HOSTILE / name).is_file() else None
        target = site.root / "seeds" / name
        if source:
            shutil.copy(source, target)
        else:
            target.write_text(EXTRA[name], encoding="utf-8")
    return site


NAMES = sorted(EXTRA) + ["quotes.txt", "fm_title_script.md", "markdown_extensions.txt"]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("factsheet-cache")


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> dict[str, bytes]:
    site = _site(tmp_path_factory.mktemp("first"), cache_dir, NAMES)
    with LogCapture():
        build(site, strict=False)
    return _outputs(site)


def test_two_builds_in_separate_folders_are_byte_identical(reference, tmp_path: Path, cache_dir: Path) -> None:
    site = _site(tmp_path / "deeper" / "second", cache_dir, list(reversed(NAMES)))
    with LogCapture():
        build(site, strict=False)
    outputs = _outputs(site)
    assert len(reference) > 15
    assert sorted(outputs) == sorted(reference)
    different = [path for path in reference if outputs[path] != reference[path]]
    assert different == []


def test_a_build_with_another_hash_seed_and_no_cache_is_byte_identical(reference, tmp_path: Path) -> None:
    """A fresh process (no cache: every article parsed and analysed again) with a fixed, different PYTHONHASHSEED."""
    site = _site(tmp_path / "third", "", NAMES[::2] + NAMES[1::2])
    seed = "4242" if os.environ.get("PYTHONHASHSEED") != "4242" else "17"
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONWARNINGS": "ignore", "NO_COLOR": "1"}
    result = subprocess.run(
        [PYTHON, "-m", "mkdocs", "build", "--quiet"],
        cwd=site.root,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    outputs = _outputs(site)
    assert sorted(outputs) == sorted(reference)
    different = [path for path in reference if outputs[path] != reference[path]]
    assert different == []
    assert yaml.safe_load(site.config_file.read_text(encoding="utf-8"))["plugins"][1]["factsheet"]["cache_dir"] == ""
