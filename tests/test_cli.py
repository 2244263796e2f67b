"""The `mkdocs-factsheet` command line on the real seed article and rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from mkdocs_factsheet.articles import Article
from mkdocs_factsheet.cli import main, render_markdown
from mkdocs_factsheet.engine import Engine

from .conftest import RULES, SEED_ARTICLE, SEEDS, write_tree

WIKINEWS = Path(__file__).parent / "fixtures" / "wikinews"
WIKINEWS_ARTICLES = sorted(p for p in WIKINEWS.glob("*.md") if p.name not in {"README.md", "LICENSE.md"})
COMMON = ["--rules", str(RULES), "--pack", "world"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", [[], ["extract"], ["check"], ["explain"], ["schema"]])
def test_every_command_has_help(command: list[str]) -> None:
    code, out, _ = run(*command, "--help")
    assert code == 0 and "Usage:" in out


def test_usage_error_exits_2() -> None:
    code, _, err = run("extract", "--format", "xml", str(SEEDS))
    assert code == 2 and "xml" in err


def test_extract_json_on_seed_and_fixtures() -> None:
    code, out, err = run("extract", *COMMON, "--format", "json", str(SEED_ARTICLE), *map(str, WIKINEWS_ARTICLES))
    assert code == 0, err
    sheets = json.loads(out)
    assert sheets[0]["article"]["id"] == SEED_ARTICLE.stem
    assert len(WIKINEWS_ARTICLES) >= 5 and len(sheets) == 1 + len(WIKINEWS_ARTICLES)
    parties = {p["id"] for p in sheets[0]["parties"]}
    assert {"united-states", "china", "myanmar"} <= parties
    for sheet in sheets[1:]:
        assert sheet["article"]["source"] == "Wikinews" and sheet["parties"], sheet["article"]["title"]


def test_extract_jsonl_and_markdown() -> None:
    code, out, _ = run("extract", *COMMON, "--model", "blank", "--format", "jsonl", str(SEED_ARTICLE))
    assert code == 0 and len(out.strip().splitlines()) == 1
    code, out, _ = run("extract", *COMMON, "--model", "blank", "--format", "markdown", str(SEED_ARTICLE))
    assert code == 0 and out.startswith("# US pressures China") and "**China**" in out


def test_markdown_quotes_a_direct_quote_once(engine: Engine) -> None:
    text = "Talks\n\nAntony Blinken said: “We will stand up for human rights.” Blinken warned that China will pay."
    sheet = engine.extract(Article("t", "t.txt", text, 0, "Talks", (0, 5), None))
    out = render_markdown(sheet)
    assert "““" not in out and "””" not in out
    assert ": “We will stand up for human rights.”" in out and ": “that China will pay”" in out


def test_extract_reports_bad_articles_and_keeps_the_rest(tmp_path: Path) -> None:
    folder = write_tree(tmp_path / "articles", {"ok.txt": "Talks\n\nChina and the US met.", "empty.txt": ""})
    code, out, err = run("extract", *COMMON, "--model", "blank", str(folder))
    assert code == 1
    assert [s["article"]["id"] for s in json.loads(out)] == ["ok"]
    assert "empty.txt: the article is empty" in err


def test_extract_reports_a_front_matter_number_past_the_int_conversion_limit(tmp_path: Path) -> None:
    folder = write_tree(
        tmp_path / "articles", {"huge.md": "---\nviews: " + "9" * 5000 + "\n---\nChina and the US met."}
    )
    code, out, err = run("extract", *COMMON, "--model", "blank", str(folder))
    assert code == 1 and [s["article"]["id"] for s in json.loads(out)] == ["huge"]
    assert "huge.md:2:8: front matter: a number of 5,000 digits is too long" in err, err


def test_extract_skips_articles_over_the_size_limit(tmp_path: Path) -> None:
    folder = write_tree(
        tmp_path / "articles",
        {"short.txt": "Talks\n\nChina and the US met.", "long.txt": "Talks\n\n" + "China and the US met again. " * 100},
    )
    code, out, err = run("extract", *COMMON, "--model", "blank", "--max-article-size", "1000", str(folder))
    assert code == 1
    assert [s["article"]["id"] for s in json.loads(out)] == ["short"]
    assert "long.txt" in err and "1000" in err.replace(",", "")
    code, out, _ = run("extract", *COMMON, "--model", "blank", "--max-article-size", "0", str(folder))
    assert code == 0 and len(json.loads(out)) == 2


def test_check_passes_on_shipped_rules() -> None:
    code, out, err = run("check", *COMMON)
    assert code == 0, err
    assert "examples pass" in out


def test_check_fails_on_a_failing_example(tmp_path: Path) -> None:
    rules = write_tree(
        tmp_path / "rules",
        {
            "parties/utopia.yml": "id: utopia\nname: Utopia\nexamples:\n  - text: Nothing to see here.\ncounter_examples:\n  - Utopia said so.\n",
        },
    )
    code, _, err = run("check", "--rules", str(rules), "--model", "blank")
    assert code == 1
    assert f"{rules / 'parties/utopia.yml'}:4:5: example of party 'utopia': expected party 'utopia'" in err
    assert f"{rules / 'parties/utopia.yml'}:6:5: counter-example of party 'utopia': party 'utopia' was found" in err


def test_explain_shows_resolutions() -> None:
    code, out, err = run("explain", *COMMON, str(SEED_ARTICLE))
    assert code == 0, err
    assert "'The secretary of state'" in out and "role noun" in out and "Antony Blinken" in out
    assert "surname 'Yang' → Yang Jiechi" in out


def test_schema_is_json_schema() -> None:
    code, out, _ = run("schema")
    schema = json.loads(out)
    assert code == 0 and {"Party", "Issue", "Member", "CueFile"} <= set(schema["$defs"])
    assert "aliases" in schema["$defs"]["Party"]["properties"]
