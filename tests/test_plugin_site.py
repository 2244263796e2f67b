"""Real builds of sites with the seed article and the real rules: pages, links, nav, gold facts, JSON."""

from __future__ import annotations

import json
import logging
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .plugin_helpers import (
    SEED_ID,
    LogCapture,
    Site,
    broken_links,
    build,
    gold,
    make_site,
    parse_html,
    plugin_of,
    section,
    unescape,
    visible_text,
)

MARKER_DOCS = {
    "index.md": """\
        # Home

        The matrix:

        <!-- factsheet: matrix -->

        ```text
        <!-- factsheet: issue=left-alone -->
        ```
        """,
    "notes/briefing.md": """\
        ---
        title: Taiwan briefing
        ---

        # Taiwan briefing

        ## Positions

        <!-- factsheet: positions issue=taiwan -->

        ## Evidence

        <!-- factsheet: evidence issue=taiwan party=china -->

        ## The seed article

        <!-- factsheet: article=000_5792435e0273b1b7 -->
        """,
}


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("factsheet-cache")


@dataclass
class Built:
    """A finished build, with what the plugin knew at the end of it (the instance is shared by builds)."""

    site: Site
    logs: LogCapture
    config: Any
    briefing: Any
    rules: Any

    def __iter__(self):  # `site, logs, built = default_site`
        return iter((self.site, self.logs, self))


@pytest.fixture(scope="module")
def default_site(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path) -> Built:
    """Default theme, implicit nav, markers in two pages: the reference build of this module."""
    site = make_site(tmp_path_factory.mktemp("default"), cache_dir, docs=MARKER_DOCS)
    with LogCapture() as logs:
        config = build(site)
    plugin = plugin_of(config)
    return Built(site, logs, config, plugin.briefing, plugin.engine.rules)


def sheet(built: Built, article_id: str = SEED_ID):
    return built.briefing.by_id[article_id]


# -- the build ------------------------------------------------------------------------------------------------


def test_strict_build_passes_without_warnings(default_site):
    site, logs, _ = default_site
    assert logs.messages() == []
    assert (site.site_dir / "briefings" / "index.html").is_file()
    assert (site.site_dir / "briefings" / "articles" / SEED_ID / "index.html").is_file()


def test_every_internal_link_and_anchor_resolves(default_site):
    site, _, _ = default_site
    assert broken_links(site.site_dir) == []


def test_pages_for_every_party_and_issue_found(default_site):
    site, _, built = default_site
    briefing = built.briefing
    for party in briefing.party_ids:
        assert (site.site_dir / "briefings" / "parties" / party / "index.html").is_file()
    for issue in briefing.issue_ids:
        assert (site.site_dir / "briefings" / "issues" / issue / "index.html").is_file()


def test_css_is_added_and_served(default_site):
    site, _, _ = default_site
    assert (site.site_dir / "assets" / "factsheet" / "factsheet.css").is_file()
    assert "assets/factsheet/factsheet.css" in site.page("index.md")


def test_nothing_is_written_into_docs_or_watched_folders(default_site):
    site, _, built = default_site
    written = sorted(p.relative_to(site.root).as_posix() for p in (site.root / "docs").rglob("*"))
    assert written == ["docs/index.md", "docs/notes", "docs/notes/briefing.md"]
    assert str((site.root / "seeds").resolve()) in built.config.watch
    assert str((site.root / "rules").resolve()) in built.config.watch
    assert all(Path(w).is_absolute() for w in built.config.watch)


# -- navigation -----------------------------------------------------------------------------------------------


def _nav_titles(source: str) -> list[str]:
    return [unescape(t).strip() for t in re.findall(r'class="dropdown-item[^"]*"[^>]*>([^<]+)</a>', source)]


def _nav_links(source: str) -> list[str]:
    return re.findall(r'<a href="([^"]*)" class="dropdown-item', source)


MENU = ["Overview", "Articles", "Issues", "Parties"]


def test_implicit_nav_lists_the_overview_and_the_index_pages_only(default_site):
    site, _, built = default_site
    titles = _nav_titles(site.page("index.md"))
    assert titles[: len(MENU)] == MENU  # no drop-down of one entry per folder: each index page is a link
    pages = list(site.site_dir.joinpath("briefings").rglob("index.html"))
    assert len(pages) > len(MENU) + 2  # every article, issue and party page is built...
    for page in pages:  # ...and each page's menu holds the same bounded entries
        source = page.read_text(encoding="utf-8")
        assert _nav_titles(source)[: len(MENU)] == MENU, page
        assert len(_nav_titles(source)) == len(_nav_titles(site.page("index.md"))), page
    menu = _nav_links(site.page("index.md"))
    assert "briefings/articles/" in menu and f"briefings/articles/{SEED_ID}/" not in menu
    assert "briefings/parties/" in menu and "briefings/parties/china/" not in menu
    # the index pages link to every page of their folder
    index = site.page("briefings/articles/index.md")
    for sheet_id in built.briefing.by_id:
        assert f'href="../articles/{sheet_id}/"' in index or f'href="{sheet_id}/"' in index
    assert "February 2021" in visible_text(index)
    parties = site.page("briefings/parties/index.md")
    assert all(f'href="{party}/"' in parties for party in built.briefing.party_ids)


def test_nav_pages_all_lists_every_page_by_title(tmp_path, cache_dir):
    site = make_site(tmp_path, cache_dir, docs=MARKER_DOCS, options={"nav_pages": "all"})
    with LogCapture() as logs:
        build(site)
    assert logs.messages() == []
    titles = _nav_titles(site.page("index.md"))
    assert titles[:2] == ["Overview", "Articles"]
    assert titles.index("Articles") < titles.index("Issues") < titles.index("Parties")
    articles = titles[titles.index("Articles") + 1 : titles.index("Issues")]
    assert articles == [
        "Articles",  # the section's index page, first
        "Alpha talks on Taiwan resume",
        "US pressures China over human rights, regional destabilisation",
    ]
    assert titles.index("Parties") < titles.index("People")  # the people section: its index page first
    assert titles[titles.index("People") + 1] == "People" and "Antony Blinken" in titles[titles.index("People") :]
    issues = titles[titles.index("Issues") + 1 : titles.index("Parties")]
    assert issues[0] == "Issues" and issues[1:] == sorted(issues[1:], key=str.casefold) and "Taiwan" in issues
    # previous/next links follow the new order
    first_article = site.page("briefings/articles/zz_alpha.md")
    assert re.search(r'rel="prev" href="\.\./"', first_article)
    assert broken_links(site.site_dir) == []


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_explicit_nav_places_the_section_and_stays_quiet(tmp_path, cache_dir, theme):
    site = make_site(
        tmp_path,
        cache_dir,
        theme=theme,
        nav=[{"Home": "index.md"}, {"Briefings": "briefings/index.md"}, {"Taiwan": "briefings/issues/taiwan.md"}],
    )
    with LogCapture() as logs:
        build(site)
    assert logs.messages() == []
    assert not any("not included in the" in m for m in logs.messages(0))
    home = site.page("index.md")
    assert 'href="briefings/"' in home and 'href="briefings/issues/taiwan/"' in home
    assert 'href="briefings/parties/china/"' not in home  # left out of the nav, but built:
    assert (site.site_dir / "briefings" / "parties" / "china" / "index.html").is_file()
    assert broken_links(site.site_dir) == []


def test_material_theme_implicit_nav(tmp_path, cache_dir):
    site = make_site(tmp_path, cache_dir, theme="material", docs=MARKER_DOCS)
    with LogCapture() as logs:
        build(site)
    assert logs.messages() == []
    assert broken_links(site.site_dir) == []
    assert "Yang Jiechi" in visible_text(site.page("briefings/parties/china.md"))


# -- gold facts of the seed article ---------------------------------------------------------------------------


def _issue_id(name: str, built: Built) -> str:
    """The rule id of a gold issue name: same id, same title, or a title containing it."""
    rules = built.rules
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")
    if slug in rules.issues:
        return slug
    for issue_id, issue in rules.issues.items():
        if issue.title.casefold() == name.casefold():
            return issue_id
    found = [i for i, issue in sorted(rules.issues.items()) if name.casefold() in issue.title.casefold()]
    assert found, f"no rule for gold issue {name!r}"
    return found[0]


def test_gold_parties_and_actors_on_article_party_and_overview_pages(default_site):
    site, _, built = default_site
    article = visible_text(section(site.page(f"briefings/articles/{SEED_ID}.md"), "parties"))
    overview = visible_text(site.page("briefings/index.md"))
    expected = gold()
    names = {p.name: p.id for p in sheet(built).parties}
    for party in expected["parties"]:
        assert party in names, f"gold party {party!r} was not extracted"
        assert party in article and party in overview
        assert party in visible_text(site.page(f"briefings/parties/{names[party]}.md"))
    for name, party in expected["actors"].items():
        # the gold names the actor as the article does; the rules may give a shorter canonical name
        facts = sheet(built).party(names[party])
        actors = [a.name for a in facts.actors if a.name == name or any(name in s.text for s in a.spans)]
        assert actors, f"gold actor {name!r} of {party} was not extracted"
        assert actors[0] in article, actors[0]
        party_page = visible_text(section(site.page(f"briefings/parties/{names[party]}.md"), "actors"))
        assert actors[0] in party_page, f"{actors[0]} missing on the page of {party}"


def test_gold_issues_on_article_issue_and_overview_pages(default_site):
    site, _, built = default_site
    article = visible_text(section(site.page(f"briefings/articles/{SEED_ID}.md"), "issues"))
    overview = visible_text(site.page("briefings/index.md"))
    found = {i.id for i in sheet(built).issues}
    for name in gold()["issues"]:
        issue_id = _issue_id(name, built)
        assert issue_id in found, f"gold issue {name!r} ({issue_id}) was not extracted"
        title = built.briefing.issue_title(issue_id)
        assert title in article and title in overview
        page = site.page(f"briefings/issues/{issue_id}.md")
        evidence = section(page, "evidence")
        assert f"articles/{SEED_ID}/#s-" in evidence, f"issue page {issue_id} does not link its evidence sentences"


def test_article_page_has_anchored_sentences_and_facts_link_to_them(default_site):
    site, _, built = default_site
    page = site.page(f"briefings/articles/{SEED_ID}.md")
    ids = parse_html(page).ids
    fact_sheet = sheet(built)
    assert {f"s-{n}" for n in range(1, len(fact_sheet.sentences) + 1)} <= ids
    parties = section(page, "parties")
    assert re.search(r'href="#s-\d+"', parties)
    text = visible_text(section(page, "text"))
    assert "Any attempt to slander and smear China will not succeed" in text


def test_gold_positions_on_article_party_and_issue_pages(default_site):
    site, _, built = default_site
    fact_sheet = sheet(built)
    if not fact_sheet.positions:
        pytest.skip("waiting for positions: mkdocs_factsheet/positions.py returns no positions yet")
    text = Path(fact_sheet.article.path).read_text(encoding="utf-8")
    article = visible_text(section(site.page(f"briefings/articles/{SEED_ID}.md"), "positions"))
    names = {p.name: p.id for p in fact_sheet.parties}
    missing = []
    for expected in gold()["positions"]:
        start = text.find(expected["quote"])
        end = start + len(expected["quote"])
        matches = [p for p in fact_sheet.positions if p.content.start < end and start < p.content.end]
        if not matches:
            missing.append(expected["quote"])
            continue
        position = matches[0]
        shown = " ".join(position.content.text.split())
        assert shown[:60] in article
        party_id = position.speaker.party
        assert party_id == names[expected["party"]], (
            f"{expected['quote']!r}: party {party_id}, expected {expected['party']}"
        )
        assert shown[:60] in visible_text(site.page(f"briefings/parties/{party_id}.md"))
        for issue in position.issues:
            issue_page = site.page(f"briefings/issues/{issue}.md")
            assert f'id="party-{party_id}"' in issue_page
            assert shown[:60] in visible_text(issue_page)
    assert not missing, f"gold positions not extracted: {missing}"


def test_every_position_is_rendered_with_a_link_to_its_sentence(default_site):
    site, _, built = default_site
    fact_sheet = sheet(built)
    if not fact_sheet.positions:
        pytest.skip("waiting for positions: mkdocs_factsheet/positions.py returns no positions yet")
    rows = section(site.page(f"briefings/articles/{SEED_ID}.md"), "positions").count("<tr>") - 1
    assert rows == len(fact_sheet.positions)
    overview = site.page("briefings/index.md")
    matrix = section(overview, "who-said-what")
    assert "issues/" in matrix and "#party-" in matrix


# -- markers --------------------------------------------------------------------------------------------------


def test_markers_render_in_hand_written_pages(default_site):
    site, _, built = default_site
    home = site.page("index.md")
    assert "<!-- factsheet" not in home and "&lt;!-- factsheet: matrix" not in home
    assert "<table>" in home and 'href="briefings/issues/' in home
    assert "&lt;!-- factsheet: issue=left-alone --&gt;" in home  # fenced code is left alone
    briefing = site.page("notes/briefing.md")
    assert f'href="../../briefings/articles/{SEED_ID}/#s-' in briefing  # links relative to a nested page
    text = visible_text(briefing)
    assert "Yang Jiechi" in text and "United States" in text
    evidence = visible_text(section(briefing, "evidence"))
    assert "Taiwan" in evidence


def test_unknown_marker_id_warns_with_page_and_line_and_shows_a_note(tmp_path, cache_dir):
    site = make_site(
        tmp_path, cache_dir, docs={"index.md": "---\ntitle: Home\n---\n# Home\n\n<!-- factsheet: issue=taiwn -->\n"}
    )
    from mkdocs.exceptions import Abort

    with LogCapture() as logs, pytest.raises(Abort):
        build(site)
    assert any(
        m.startswith("factsheet: docs/index.md:6:") and "taiwn" in m and "'taiwan'" in m for m in logs.messages()
    ), logs.messages()
    with LogCapture():
        build(site, strict=False)
    note = visible_text(site.page("index.md"))
    assert "unknown issue in the rules: issue=taiwn" in note


def test_marker_log_level_can_be_lowered(tmp_path, cache_dir):
    site = make_site(
        tmp_path,
        cache_dir,
        docs={"index.md": "# Home\n\n<!-- factsheet: bogus -->\n"},
        options={"log_level": {"markers": "info"}},
    )
    with LogCapture() as logs:
        build(site)
    assert logs.messages() == []
    assert any("unknown marker word 'bogus'" in m for m in logs.messages(0))


# -- JSON -----------------------------------------------------------------------------------------------------


def test_factsheets_json_is_the_engines_json_and_deterministic(default_site, tmp_path, cache_dir):
    site, _, built = default_site
    data = (site.site_dir / "factsheets.json").read_bytes()
    parsed = json.loads(data)
    ids = [s["article"]["id"] for s in parsed]
    assert ids == sorted(ids) == [SEED_ID, "zz_alpha"]
    # the engine's own JSON, with paths made relative to the project
    engine_json = json.dumps(sheet(built).to_dict(), ensure_ascii=False).replace(str(site.root.resolve()) + "/", "")
    assert parsed[0] == json.loads(engine_json)
    assert parsed[0]["article"]["path"] == f"seeds/{SEED_ID}.txt"
    # the same input elsewhere gives the same bytes
    other = make_site(tmp_path, cache_dir, docs=MARKER_DOCS)
    build(other)
    assert (other.site_dir / "factsheets.json").read_bytes() == data


# -- options --------------------------------------------------------------------------------------------------


def test_pages_option_limits_output_and_links_still_resolve(tmp_path, cache_dir):
    site = make_site(tmp_path, cache_dir, options={"pages": ["overview", "issues"]}, docs=MARKER_DOCS)
    with LogCapture() as logs:
        build(site)
    assert logs.messages() == []
    assert not (site.site_dir / "briefings" / "articles").exists()
    assert not (site.site_dir / "briefings" / "parties").exists()
    assert not (site.site_dir / "factsheets.json").exists()
    assert (site.site_dir / "briefings" / "issues" / "taiwan" / "index.html").is_file()
    assert broken_links(site.site_dir) == []


def test_prefix_option_moves_the_section(tmp_path, cache_dir):
    site = make_site(tmp_path, cache_dir, options={"prefix": "news/facts"})
    build(site)
    assert (site.site_dir / "news" / "facts" / "issues" / "taiwan" / "index.html").is_file()
    assert broken_links(site.site_dir) == []


def test_links_resolve_without_directory_urls(tmp_path, cache_dir):
    site = make_site(tmp_path, cache_dir, docs=MARKER_DOCS)
    site.config["use_directory_urls"] = False
    site.write_config()
    with LogCapture() as logs:
        build(site)
    assert logs.messages() == []
    assert (site.site_dir / "briefings" / "issues" / "taiwan.html").is_file()
    assert broken_links(site.site_dir) == []


def test_a_page_written_by_the_user_wins(tmp_path, cache_dir):
    site = make_site(
        tmp_path, cache_dir, docs={"index.md": "# Home\n", "briefings/issues/taiwan.md": "# My own Taiwan page\n"}
    )
    with LogCapture() as logs:
        build(site)
    assert logs.messages() == []
    assert "My own Taiwan page" in site.page("briefings/issues/taiwan.md")
    assert any("used instead of the generated page" in m for m in logs.messages(0))


def test_edit_links_point_at_the_source_article_and_rule(tmp_path, cache_dir):
    site = make_site(tmp_path, cache_dir)
    site.config["repo_url"] = "https://github.com/example/briefings"
    site.config["edit_uri"] = "edit/main/docs/"
    site.write_config()
    build(site)
    article = site.page(f"briefings/articles/{SEED_ID}.md")
    assert f'href="https://github.com/example/briefings/edit/main/seeds/{SEED_ID}.txt"' in article
    issue = site.page("briefings/issues/taiwan.md")
    assert 'href="https://github.com/example/briefings/edit/main/rules/issues/taiwan.yml"' in issue
    assert "edit/main/docs/briefings" not in site.page("briefings/index.md")


def test_disabled_plugin_generates_nothing_and_markers_stay_comments(tmp_path, cache_dir):
    site = make_site(
        tmp_path, cache_dir, options={"enabled": False}, docs={"index.md": "# Home\n\n<!-- factsheet: matrix -->\n"}
    )
    build(site)
    assert not (site.site_dir / "briefings").exists()
    assert "<!-- factsheet: matrix -->" in site.page("index.md")


def test_cache_dir_inside_docs_dir_is_refused(tmp_path, cache_dir):
    site = make_site(tmp_path, cache_dir, options={"cache_dir": "docs/.cache"})
    from mkdocs.exceptions import Abort

    with LogCapture() as logs, pytest.raises(Abort):
        build(site)
    assert any("cache_dir" in m and "rebuild in a loop" in m for m in logs.messages(logging.ERROR))


def test_relative_paths_resolve_against_mkdocs_yml_not_cwd(tmp_path, cache_dir, monkeypatch):
    site = make_site(tmp_path, cache_dir)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()  # a decoy next to the working directory
    build(site)
    assert (site.site_dir / "briefings" / "articles" / SEED_ID / "index.html").is_file()


def test_empty_articles_folder_builds_an_empty_overview(tmp_path, cache_dir):
    site = make_site(tmp_path, cache_dir, second_article=False)
    shutil.rmtree(site.root / "seeds")
    (site.root / "seeds").mkdir()
    with LogCapture() as logs:
        build(site)
    assert logs.messages() == []
    assert "There are no articles yet." in visible_text(site.page("briefings/index.md"))
