"""Bad input: hostile articles are escaped, article problems warn, rule errors stop the build cleanly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from .plugin_helpers import LogCapture, build, make_site, parse_html, run_cli, visible_text

EVIL = """\
---
title: "<script>alert('title')</script> *Evil* [x](javascript:alert(1)) {{ config.site_name }} <!-- factsheet: matrix -->"
date: 2021-02-06
source: "<img src=x onerror=alert('source')> | pipe"
url: "javascript:alert('url')"
---
<script>alert('body')</script> China said [click](javascript:alert('link')) that {{ macro }} and {% if x %} matter.

<!-- factsheet: matrix -->

<img src=x onerror=alert('img')> The United States warned China about Taiwan. ![i](http://x/y.png)

::: mkdocs_factsheet.engine

/// warning
blocks
///
"""


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("factsheet-cache")


def _live_markup(html: str) -> list[str]:
    """Script elements, event handlers and javascript: URLs that came from the article (not the theme)."""
    page = parse_html(html)
    found = [s for s in page.scripts if "alert" in s]
    found += [url for _, url in page.links if url.lower().startswith("javascript:")]
    found += re.findall(r"<[a-z]+[^>]*\son[a-z]+=", html)
    return found


def test_hostile_article_is_escaped_everywhere(tmp_path, cache_dir):
    site = make_site(
        tmp_path,
        cache_dir,
        docs={"index.md": "# Home\n\n<!-- factsheet: article=evil -->\n\n<!-- factsheet: matrix -->\n"},
    )
    (site.root / "seeds" / "evil.md").write_text(EVIL, encoding="utf-8")
    with LogCapture() as logs:
        build(site)
    assert logs.messages() == []
    for page in (
        "briefings/articles/evil.md",
        "briefings/index.md",
        "index.md",
        "briefings/issues/taiwan.md",
        "briefings/parties/china.md",
    ):
        html = site.page(page)
        assert _live_markup(html) == [], page
        assert "{{" not in html and "{%" not in html, page
        assert "<!-- factsheet" not in html, page
    article = site.page("briefings/articles/evil.md")
    text = visible_text(article)
    # shown as the text it is
    assert "<script>alert('title')</script> *Evil* [x](javascript:alert(1)) {{ config.site_name }}" in text
    # (a position's number may stand between the cue and its content)
    assert re.search(
        r"<script>alert\('body'\)</script> China said (P\d+)?\[click\]\(javascript:alert\('link'\)\)", text
    )
    assert "::: mkdocs_factsheet.engine" in text and "/// warning" in text
    assert "<img src=x onerror=alert('source')> | pipe" in text
    assert "Original article" not in text  # a javascript: URL is never linked
    title = re.search(r"<title>(.*?)</title>", article).group(1)
    assert "<" not in title and "&#60;script&#62;" in title


def test_article_problems_warn_with_location_and_are_listed(tmp_path, cache_dir):
    site = make_site(tmp_path, cache_dir)
    (site.root / "seeds" / "broken.md").write_text(
        "---\ntitle: [unclosed\ndate: 2021-13-45\n---\nText.\n", encoding="utf-8"
    )
    (site.root / "seeds" / "empty.txt").write_text("  \n", encoding="utf-8")
    with LogCapture() as logs, pytest.raises(Abort):
        build(site)
    warnings = logs.messages()
    assert any(m.startswith("factsheet: seeds/empty.txt: the article is empty") for m in warnings), warnings
    assert any(re.match(r"factsheet: seeds/broken\.md:\d+(:\d+)?: ", m) for m in warnings), warnings
    with LogCapture():
        build(site, strict=False)  # the other articles are still published
    overview = visible_text(site.page("briefings/index.md"))
    assert "2 article files had problems; 1 was skipped" in overview
    assert "seeds/empty.txt" in overview and "skipped" in overview
    assert (site.site_dir / "briefings" / "articles" / "000_5792435e0273b1b7" / "index.html").is_file()


def test_article_problems_can_be_downgraded(tmp_path, cache_dir):
    site = make_site(tmp_path, cache_dir, options={"log_level": {"articles": "info"}})
    (site.root / "seeds" / "empty.txt").write_text("", encoding="utf-8")
    with LogCapture() as logs:
        build(site)
    assert logs.messages() == []
    assert any("seeds/empty.txt" in m for m in logs.messages(0))


BAD_RULE = """\
id: taiwan
title: Taiwan
keywords: [Taiwan]
patterns:
  - [{LOWER: {IN: taiwan}}]
requires: 12
"""


def test_rule_error_stops_the_build_with_locations_and_no_traceback(tmp_path, cache_dir):
    site = make_site(tmp_path, cache_dir)
    (site.root / "rules" / "issues" / "taiwan.yml").write_text(BAD_RULE, encoding="utf-8")
    (site.root / "rules" / "issues" / "typo.yml").write_text("id: typo\ntitel: Typo\n", encoding="utf-8")
    result = run_cli(["-m", "mkdocs", "build", "--strict"], cwd=site.root)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert re.search(r"rules/issues/taiwan\.yml:\d+:\d+: ", output), output
    assert re.search(r"rules/issues/typo\.yml:\d+:\d+: unknown key 'titel'.*did you mean 'title'", output), output
    assert "problem(s) in the rules" in output
    assert not (site.site_dir / "briefings").exists()


def test_rule_error_in_process_is_a_plugin_error(tmp_path, cache_dir):
    site = make_site(tmp_path, cache_dir)
    (site.root / "rules" / "parties" / "china.yml").write_text("id: china\nname: [China\n", encoding="utf-8")
    with LogCapture() as logs, pytest.raises(Abort, match="BuildError"):
        build(site)
    errors = logs.messages()
    assert any(re.search(r"rules/parties/china\.yml:\d+:\d+", m) for m in errors), errors


def test_a_collision_between_rules_fails_a_strict_build_with_both_places(tmp_path, cache_dir):
    site = make_site(tmp_path, cache_dir, options={"packs": ["world"]})
    issue = site.root / "rules" / "issues" / "taiwan.yml"
    issue.write_text(issue.read_text(encoding="utf-8").replace("shadows: [taiwan]", ""), encoding="utf-8")
    with LogCapture() as logs, pytest.raises(Abort):
        build(site)
    warnings = [m for m in logs.messages() if "rules/issues/taiwan.yml:" in m]
    assert any("<pack world>/parties/taiwan.yml:3" in m and "issue 'taiwan' wins" in m for m in warnings), warnings
    with LogCapture():
        build(site, strict=False)  # a warning: the site is still built


def test_missing_rules_folder_is_reported(tmp_path, cache_dir):
    site = make_site(tmp_path, cache_dir, options={"rules": "no-such-rules"})
    with LogCapture() as logs, pytest.raises(Abort):
        build(site)
    assert any("no-such-rules" in m and "does not exist" in m for m in logs.messages()), logs.messages()


@pytest.mark.parametrize(("level", "logged"), [("warn", 30), ("info", 20), ("ignore", None)])
def test_spacy_warnings_are_relogged_through_mkdocs(level, logged):
    import warnings

    from mkdocs_factsheet.plugin.plugin import FactsheetPlugin

    plugin = FactsheetPlugin()
    errors, _ = plugin.load_config({"log_level": {"engine": level}})
    assert not errors
    with LogCapture() as logs, plugin._relay_warnings():
        warnings.warn("[W108] The rule-based lemmatizer did not find POS annotation", UserWarning, stacklevel=1)
        warnings.warn("[W108] The rule-based lemmatizer did not find POS annotation", UserWarning, stacklevel=1)
    records = [r for r in logs.records if "W108" in r.getMessage()]
    if logged is None:
        assert records == []
    else:
        assert len(records) == 1 and records[0].levelno == logged  # once, however often spaCy repeats it
        assert records[0].name == "mkdocs.plugins.factsheet"
        assert records[0].getMessage().startswith("factsheet: spaCy: [W108]")
