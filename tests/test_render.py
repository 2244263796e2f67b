"""`mkdocs-factsheet render`: the plugin's pages as files, marker regions refreshed in place, nothing else touched."""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from click.testing import CliRunner

from mkdocs_factsheet import rendering
from mkdocs_factsheet.cli import main
from mkdocs_factsheet.site import markers
from mkdocs_factsheet.site.html import QUOTE_MARKS

from .plugin_helpers import Site, build, make_site, plugin_of

AUTHORED = """\
# Taiwan

Hand-written text stays as it is.

<!-- factsheet: positions issue=taiwan -->

!!! note "Inside an admonition"

    <!-- factsheet: matrix -->

```markdown
<!-- factsheet: positions issue=trade -->
```
"""
SEED_ID = "000_5792435e0273b1b7"
_LINK = re.compile(r'href="([^"]*)"|\]\(([^)\s]*)\)')


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("factsheet-cache")


def _site(tmp_path: Path, cache_dir: Path) -> Site:
    return make_site(tmp_path, cache_dir, docs={"index.md": "# Home\n", "taiwan.md": AUTHORED})


def _render(site: Site, *, links: str = "files", check: bool = False) -> rendering.Outcome:
    settings = rendering.render_settings(site.config_file, links=links)
    return rendering.render(settings, check=check)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def _target(folder: Path, page: str, url: str) -> Path | None:
    """The file a relative link of `page` (a path under `folder`) leads to; None for other links."""
    parts = urlsplit(html.unescape(url))
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return folder / posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))


def test_every_fact_is_on_the_pages_and_every_link_leads_to_a_written_file(tmp_path: Path, cache_dir: Path) -> None:
    site = _site(tmp_path, cache_dir)
    outcome = _render(site)
    docs = site.root / "docs"
    assert outcome.pages > 5 and not outcome.left_alone and outcome.refreshed == ["taiwan.md"]
    pages = {name: data.decode("utf-8") for name, data in _snapshot(docs).items() if name.endswith(".md")}
    everything = " ".join(html.unescape(" ".join(page.split())) for page in pages.values())
    sheets = json.loads((docs / "factsheets.json").read_text(encoding="utf-8"))
    positions = [(sheet, position) for sheet in sheets for position in sheet["positions"]]
    assert len(positions) >= 3
    for sheet, position in positions:
        quote = " ".join(position["content"]["text"].split()).strip(QUOTE_MARKS + ",")  # as the tables show it
        assert quote[:399] in everything, quote
        party = next((p["name"] for p in sheet["parties"] if p["id"] == position["speaker"]["party"]), None)
        assert party is None or party in everything
        for issue in position["issues"]:
            assert f"briefings/issues/{issue}.md" in pages, issue
    for name, page in pages.items():
        assert "<!--mkdocs-factsheet-html:" not in page, name
        for match in _LINK.finditer(page):
            target = _target(docs, name, match.group(1) or match.group(2))
            assert target is None or target.is_file(), f"{name}: {match.group(0)} leads to no written file"
    # the authored page: each marker outside code followed by its region; the one in code left as written
    authored = pages["taiwan.md"]
    assert [end > start for start, _, end in markers.regions(authored)] == [True, True]
    assert (
        authored.count(markers.CLOSING) == 2
        and "```markdown\n<!-- factsheet: positions issue=trade -->\n```" in authored
    )
    assert "\n    <!-- /factsheet -->\n" in authored  # indented like its marker


def test_people_pages_are_written_with_every_speaker_and_position(tmp_path: Path, cache_dir: Path) -> None:
    """`render` writes the people index and a page per named speaker, each position linked to its sentence."""
    site = _site(tmp_path, cache_dir)
    _render(site)
    docs = site.root / "docs"
    index = (docs / "briefings" / "people" / "index.md").read_text(encoding="utf-8")
    sheets = json.loads((docs / "factsheets.json").read_text(encoding="utf-8"))
    speakers = {p["speaker"]["actor"] for sheet in sheets for p in sheet["positions"] if p["speaker"]["actor"]}
    assert "Antony Blinken" in speakers and "Yang Jiechi" in speakers
    for name in speakers:
        assert html.escape(name, quote=False) in index, name
    blinken = (docs / "briefings" / "people" / "antony-blinken.md").read_text(encoding="utf-8")
    positions = sum(1 for sheet in sheets for p in sheet["positions"] if p["speaker"]["actor"] == "Antony Blinken")
    assert blinken.count("#s-") >= positions >= 2  # every position, with a link to its sentence
    assert "../parties/united-states.md" in blinken and "../articles/" in blinken  # links to Markdown files


def test_a_second_render_changes_nothing_and_check_passes(tmp_path: Path, cache_dir: Path) -> None:
    site = _site(tmp_path, cache_dir)
    _render(site)
    before = _snapshot(site.root / "docs")
    times = {path: path.stat().st_mtime_ns for path in (site.root / "docs").rglob("*")}
    again = _render(site)
    assert not again.changed
    assert _snapshot(site.root / "docs") == before
    assert {path: path.stat().st_mtime_ns for path in (site.root / "docs").rglob("*")} == times
    result = CliRunner().invoke(main, ["render", "-f", str(site.config_file), "--links", "files", "--check"])
    assert result.exit_code == 0, result.output


def test_check_fails_on_a_stale_region_and_passes_after_a_render(tmp_path: Path, cache_dir: Path) -> None:
    site = _site(tmp_path, cache_dir)
    _render(site)
    page = site.root / "docs" / "taiwan.md"
    stale = page.read_text(encoding="utf-8").replace("<table>", "<table>\n<tr><td>an old row</td></tr>", 1)
    page.write_text(stale, encoding="utf-8")
    args = ["render", "-f", str(site.config_file), "--links", "files"]
    result = CliRunner().invoke(main, [*args, "--check"])
    assert result.exit_code == 1 and "taiwan.md: stale" in result.output
    assert page.read_text(encoding="utf-8") == stale  # --check writes nothing
    assert CliRunner().invoke(main, args).exit_code == 0
    assert "an old row" not in page.read_text(encoding="utf-8")
    assert CliRunner().invoke(main, [*args, "--check"]).exit_code == 0


def test_pages_no_longer_generated_are_removed_and_nothing_else_is_touched(tmp_path: Path, cache_dir: Path) -> None:
    """Removed: what render wrote and is gone from the site. Kept: other files, and pages edited since."""
    site = _site(tmp_path, cache_dir)
    docs = site.root / "docs"
    _render(site)
    article = docs / "briefings" / "articles" / "zz_alpha.md"
    assert article.is_file()
    mine = {docs / "briefings" / "notes.md": "# Mine\n", docs / "briefings" / "articles" / "kept.txt": "kept\n"}
    for path, content in mine.items():
        path.write_text(content, encoding="utf-8")
    edited = docs / "briefings" / "parties" / "myanmar.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "My note.\n", encoding="utf-8")
    (site.root / "seeds" / "zz_alpha.md").unlink()
    outcome = _render(site)
    # the article's page, and the page of the one person only it quoted
    assert outcome.removed == ["briefings/articles/zz_alpha.md", "briefings/people/alpha.md"] and not article.exists()
    assert outcome.left_alone == ["briefings/parties/myanmar.md"] and "My note." in edited.read_text(encoding="utf-8")
    assert all(path.read_text(encoding="utf-8") == content for path, content in mine.items())
    manifest = json.loads((docs / rendering.MANIFEST).read_text(encoding="utf-8"))["files"]
    assert "briefings/articles/zz_alpha.md" not in manifest and "briefings/notes.md" not in manifest


def test_a_file_render_did_not_write_is_left_alone(tmp_path: Path, cache_dir: Path) -> None:
    site = _site(tmp_path, cache_dir)
    own = site.write("docs/briefings/issues/taiwan.md", "# My own Taiwan page\n")
    files = {"../mkdocs.yml": "0" * 64, "index.md": "0" * 64}
    tampered = site.write("docs/" + rendering.MANIFEST, json.dumps({"files": files}))
    outcome = _render(site)
    assert outcome.left_alone == ["briefings/issues/taiwan.md"]
    assert own.read_text(encoding="utf-8") == "# My own Taiwan page\n"
    assert site.config_file.is_file() and (site.root / "docs" / "index.md").is_file()  # not removed by the manifest
    assert "briefings/issues/taiwan.md" not in json.loads(tampered.read_text(encoding="utf-8"))["files"]


def test_pages_are_the_plugins_own(tmp_path: Path, cache_dir: Path) -> None:
    """With built-page links (`--links pages`, what MkDocs needs), each file is the page the plugin builds."""
    site = _site(tmp_path, cache_dir)
    plugin = plugin_of(build(site))
    rendered = tmp_path / "rendered"
    settings = rendering.render_settings(site.config_file, out=rendered, links="pages")
    rendering.render(settings)
    assert plugin.site is not None
    for page in plugin.site.pages.values():
        expected = plugin.standalone_markdown(page.src_uri, plugin._render(page))
        assert (rendered / page.src_uri).read_text(encoding="utf-8") == expected, page.src_uri


def test_the_plugin_shows_a_rendered_region_once(tmp_path: Path, cache_dir: Path) -> None:
    site = _site(tmp_path, cache_dir)
    settings = rendering.render_settings(site.config_file, out=site.root / "docs", prefix="elsewhere")
    rendering.render(settings)
    build(site, strict=False)
    built = site.page("taiwan.md")
    assert built.count("<table") == _tables_of_fresh_build(tmp_path, cache_dir)


def _tables_of_fresh_build(tmp_path: Path, cache_dir: Path) -> int:
    site = _site(tmp_path / "fresh", cache_dir)
    build(site)
    return site.page("taiwan.md").count("<table")


def test_zensical_toml_gives_the_options(tmp_path: Path) -> None:
    config = tmp_path / "zensical.toml"
    config.write_text(
        '[project]\nsite_name = "x"\ndocs_dir = "pages"\n\n[project.plugins.factsheet]\n'
        'articles = "news"\nprefix = "facts"\npacks = ["world"]\nmodel = "blank"\n',
        encoding="utf-8",
    )
    settings = rendering.render_settings(config)
    assert settings.out == tmp_path / "pages" and settings.articles == tmp_path / "news"
    assert settings.prefix == "facts" and settings.packs == ["world"] and settings.file_links
    assert settings.rule_dirs == [tmp_path / "rules"]
    assert not rendering.render_settings(config, links="pages").file_links


def test_the_zensical_example_reads_the_repositorys_articles_and_rules() -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "zensical"
    settings = rendering.render_settings(example / "zensical.toml")
    assert settings.out == example / "docs" and settings.file_links and settings.packs == ["world"]
    assert any(settings.articles.glob("*.txt")) and all((d / "parties").is_dir() for d in settings.rule_dirs)
    assert settings.cache_dir is not None and not settings.cache_dir.resolve().is_relative_to(example / "docs")


def test_refresh_replaces_regions_and_never_text_before_a_stray_closing_line() -> None:
    def render(marker: markers.Marker) -> str:
        return f"<p>{marker.kind}</p>"

    source = "<!-- factsheet: matrix -->\n\nMy paragraph.\n\n<!-- /factsheet -->\n"
    refreshed = markers.refresh(source, render, lambda line, message: None)
    assert "My paragraph." in refreshed and refreshed.startswith("<!-- factsheet: matrix -->\n\n<p>matrix</p>\n\n")
    assert markers.refresh(refreshed, render, lambda line, message: None) == refreshed
    old = "<!-- factsheet: matrix -->\n\n<p>old</p>\n<p>older</p>\n\n<!-- /factsheet -->\nAfter.\n"
    assert markers.refresh(old, render, lambda line, message: None) == (
        "<!-- factsheet: matrix -->\n\n<p>matrix</p>\n\n<!-- /factsheet -->\nAfter.\n"
    )
    assert markers.expand(old, render, lambda line, message: None) == "\n<p>matrix</p>\n\nAfter.\n"


def test_the_navigation_lists_the_overview_issues_and_rule_parties_not_the_articles(
    tmp_path: Path, cache_dir: Path
) -> None:
    site = _site(tmp_path, cache_dir)
    _render(site)
    folder = site.root / "docs" / "briefings"
    nav_file = folder / rendering.NAV_FILE
    nav = yaml.safe_load(nav_file.read_text(encoding="utf-8"))["nav"]
    assert nav[0] == {"Overview": "index.md"}
    sections = {title: entries for entry in nav[1:] for title, entries in entry.items() if isinstance(entries, list)}
    assert list(sections) == ["Issues", "Parties"]
    indexes = [path for entry in nav[1:] for path in entry.values() if isinstance(path, str)]
    assert indexes == ["articles/index.md", "people/index.md"]  # the other index pages, each one entry
    listed = {path for entries in sections.values() for entry in entries for path in entry.values()}
    on_disk = {path.relative_to(folder).as_posix() for path in folder.rglob("*.md")}
    assert listed <= on_disk
    assert listed == {name for name in on_disk if name.startswith(("issues/", "parties/"))}
    assert sections["Issues"][0] == {"Issues": "issues/index.md"}  # each section opens with its index page
    titles = [title for entry in sections["Issues"][1:] for title in entry]
    assert "Taiwan" in titles and titles == sorted(titles, key=str.casefold)
    assert "China" in [title for entry in sections["Parties"] for title in entry]
    assert rendering.NAV_FILE.startswith(".")  # a hidden file: generators do not publish it
    manifest = json.loads((site.root / "docs" / rendering.MANIFEST).read_text(encoding="utf-8"))["files"]
    assert f"briefings/{rendering.NAV_FILE}" in manifest


def test_render_takes_the_plugins_places_option_and_the_flag_overrides_it(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: S\nplugins:\n  - factsheet:\n      packs: [world]\n      places: false\n")
    assert rendering.render_settings(config).places is False
    assert rendering.render_settings(config, places=True).places is True
    config.write_text("site_name: S\nplugins:\n  - factsheet:\n      packs: [world]\n")
    assert rendering.render_settings(config).places is True
