"""No injection: a corpus of hostile articles builds into pages where every trick is text, none is markup.

The corpus is `tests/fixtures/hostile/` (one trick per file, each payload tagged `xssNN`), plus a
very long line and hostile file names generated here. One site is built from all of them with the
real rules; every HTML page of the site is then checked with a real HTML parser (stdlib
`html.parser`, the tokenizer browsers' own algorithm descends from): no script, event handler,
`javascript:`/`data:`/`vbscript:` URL, embedded object, image, frame, form, style, link to the
attacker's host or comment that came from an article; the factsheet marker never survives as a
comment; Jinja is never evaluated; and each payload is still there as visible text.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mkdocs_factsheet.articles import read_article
from mkdocs_factsheet.problems import ProblemLog
from mkdocs_factsheet.site.naming import page_stems

from .plugin_helpers import LogCapture, build, main_content, make_site

CORPUS = Path(__file__).parent / "fixtures" / "hostile"
HOSTILE = sorted(p for p in CORPUS.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md")
TOKEN = re.compile(r"xss\d+[a-z]?")

# Generated rather than committed: too big for the repository, or names some systems cannot check out.
LONG_LINE = (
    "Long line "
    + "x" * 200
    + " xss90\nChina said "
    + "very " * 20_000
    + "<script>alert('xss90b')</script> about Taiwan.\n"
)
NASTY_NAMES = [
    "CON.txt",
    "nul.md",
    "Com1.txt",
    "index.txt",
    "README.md",
    "Report.txt",
    "report.txt",
    "REPORT.md",
    "chinа.txt",
    "ｃｈｉｎａ.txt",
    'a"b<c>&d onmouseover=alert(1).txt',
    'a" onmouseover="alert(1)" x=".txt',  # breaks out of the theme's edit link when not encoded
    "name. .txt",
    "line\nbreak.txt",
    "%2e%2e%2fsecret.txt",
    "y" * 200 + ".txt",
    "{{ config }}.txt",
    "<!-- factsheet: matrix -->.txt",
    "café.md",
    " lead.txt",
    "..dots...txt",
]

DANGEROUS_TAGS = {
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "img",
    "svg",
    "math",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "option",
    "base",
    "meta",
    "link",
    "style",
    "video",
    "audio",
    "source",
    "details",
    "marquee",
    "template",
    "xmp",
}
# Elements the plugin itself writes (site/tables.py, site/figures.py, site/pictures.py): the "why?" disclosure
# and the timeline drawing. An article cannot produce them: its text reaches pages escaped.
PLUGIN_ELEMENTS = {("details", "factsheet-why"), ("svg", "factsheet-svg")}
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "xlink:href",
    "poster",
    "background",
    "srcset",
    "content",
}
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")


def dangerous_url(value: str) -> bool:
    squashed = _INVISIBLE.sub("", value).lower()
    return squashed.startswith(("javascript:", "data:", "vbscript:")) or "url=javascript:" in squashed


class LiveMarkup(HTMLParser):
    """Everything in a page that a browser would run, load or treat as markup from an article."""

    def __init__(self, *, check_tags: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.check_tags = check_tags
        self.found: list[str] = []
        self.text: list[str] = []
        self._raw = 0  # inside <script>/<style>: not visible text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.check_tags and tag in DANGEROUS_TAGS and (tag, dict(attrs).get("class")) not in PLUGIN_ELEMENTS:
            self.found.append(f"<{tag}>")
        if "xss" in tag:
            self.found.append(f"tag <{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or "xss" in name:
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and (dangerous_url(value) or "evil.example" in value):
                self.found.append(f"<{tag} {name}={value!r}>")
            if tag == "script" and "xss" in value:
                self.found.append(f"<script {name}={value!r}>")
        if tag in ("script", "style"):
            self._raw += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style"):
            self._raw -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._raw = max(0, self._raw - 1)

    def handle_data(self, data: str) -> None:
        if self._raw:
            if "xss" in data or "alert(" in data:
                self.found.append(f"script or style holding {data[:60]!r}")
        else:
            self.text.append(data)

    def handle_comment(self, data: str) -> None:
        if "factsheet" in data or "xss" in data:
            self.found.append(f"<!--{data[:60]}-->")

    def handle_decl(self, decl: str) -> None:
        if "xss" in decl.lower():
            self.found.append(f"<!{decl[:60]}>")

    def unknown_decl(self, data: str) -> None:
        self.found.append(f"<![{data[:60]}]>")

    def handle_pi(self, data: str) -> None:
        self.found.append(f"<?{data[:60]}>")


def inspect(source: str) -> tuple[list[str], str]:
    """(live markup found anywhere in the page or dangerous tags in its content, the content's visible text)."""
    whole = LiveMarkup(check_tags=False)
    whole.feed(source)
    whole.close()
    body = main_content(source)
    content = LiveMarkup(check_tags=body is not source)  # a page without content (404) is all theme
    content.feed(body)
    content.close()
    return whole.found + content.found, " ".join("".join(content.text).split())


def payload_tokens(path: Path, text: str | None = None) -> set[str]:
    """The `xssNN` tokens of an article's analysed text (front matter values are checked separately)."""
    log = ProblemLog()
    if text is None:
        article = read_article(path, log)
        assert article is not None, log.problems
        text = article.body
    return set(TOKEN.findall(text))


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("factsheet-cache")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, cache_dir: Path):
    root = tmp_path_factory.mktemp("hostile")
    docs = {
        "index.md": "# Home\n\n<!-- factsheet: article=fm_title_script -->\n\n<!-- factsheet: matrix -->\n\n"
        "<!-- factsheet: positions issue=taiwan -->\n\n<!-- factsheet: evidence issue=taiwan -->\n\n"
        "An indented code block:\n\n    <!-- factsheet: party=china -->\n"
    }
    site = make_site(root, cache_dir, docs=docs)
    site.config["repo_url"] = "https://github.com/owner/repo"  # every page gets an edit link to its file
    site.write_config()
    seeds = site.root / "seeds"
    for path in HOSTILE:
        shutil.copy(path, seeds / path.name)
    (seeds / "long_line.txt").write_text(LONG_LINE, encoding="utf-8")
    for number, name in enumerate(NASTY_NAMES):
        (seeds / name).write_text(
            f"Name test {number}\nChina said hello about Taiwan, test {number}.\n", encoding="utf-8"
        )
    before = {p for p in root.rglob("*")}
    with LogCapture() as logs:
        config = build(site, strict=False)
    after = {p for p in root.rglob("*")}
    return site, logs, config, before, after


def test_corpus_is_large_and_varied() -> None:
    assert len(HOSTILE) >= 30
    assert {p.suffix for p in HOSTILE} == {".txt", ".md"}
    assert len([p for p in HOSTILE if p.read_text(encoding="utf-8").startswith("---")]) >= 10  # hostile front matter


def test_only_the_broken_front_matter_is_reported(hostile_site) -> None:
    site, logs, _, _, _ = hostile_site
    warned = {m.split(":", 2)[1].strip() for m in logs.messages() if m.startswith("factsheet: seeds/")}
    assert warned == {
        "seeds/fm_wrong_types.md",
        "seeds/fm_yaml_tag.md",
        "seeds/fm_billion_laughs.md",
        "seeds/fm_unclosed.md",
        "seeds/fm_huge_numbers.md",
    }, logs.messages()


def test_every_page_is_free_of_live_markup(hostile_site) -> None:
    site, _, _, _, _ = hostile_site
    pages = sorted(site.site_dir.rglob("*.html"))
    assert len(pages) > len(HOSTILE) + len(NASTY_NAMES)
    for page in pages:
        found, _ = inspect(page.read_text(encoding="utf-8"))
        assert found == [], f"{page.relative_to(site.site_dir)}: {found[:5]}"


@pytest.mark.parametrize("path", HOSTILE, ids=[p.name for p in HOSTILE])
def test_each_hostile_article_shows_its_payload_as_text(hostile_site, path: Path) -> None:
    site, _, config, _, _ = hostile_site
    briefing = config.plugins["factsheet"].briefing
    page = config.plugins["factsheet"].site.get("article", path.stem)
    assert page is not None, f"{path.name} was not published"
    found, text = inspect(site.page(page.src_uri))
    assert found == []
    missing = sorted(t for t in payload_tokens(path) if t not in text)
    assert not missing, f"{path.name}: payload not shown as text: {missing}"
    title = briefing.by_id[path.stem].article.title

    def plain(value: str) -> str:
        return " ".join(re.sub(r"[\x00-\x1f\x7f\ufffd]", "", value).split())

    assert plain(title) in plain(text) or len(title) > 120


def test_payloads_read_as_the_text_they_are(hostile_site) -> None:
    site, _, config, _, _ = hostile_site
    text_of = {}
    for name in ("script_tag", "jinja", "marker", "fm_title_script", "entities", "markdown_links"):
        page = config.plugins["factsheet"].site.get("article", name)
        text_of[name] = inspect(site.page(page.src_uri))[1]
    assert "<script>alert('xss01b')</script>" in text_of["script_tag"]
    assert "{{ 7*7 }}" in text_of["jinja"] and "{% for x in range(3) %}xss08b{% endfor %}" in text_of["jinja"]
    assert "<!-- factsheet: matrix -->" in text_of["marker"]
    assert "<script>alert('xss23')</script> title" in text_of["fm_title_script"]
    assert "<img src=x onerror=alert('xss23b')> | source" in text_of["fm_title_script"]
    assert "Original article" not in text_of["fm_title_script"]  # a javascript: URL is never linked
    assert "&lt;script&gt;alert('xss12b')&lt;/script&gt;" in text_of["entities"]  # entities stay as typed
    assert "[Click me](https://evil.example/xss06)" in text_of["markdown_links"]
    home = inspect(site.page("index.md"))[1]
    assert "<script>alert('xss23')</script> title" in home  # the marker expanded the hostile article's sheet


def test_a_marker_in_an_indented_code_block_is_shown_as_written(hostile_site) -> None:
    site, _, _, _, _ = hostile_site
    home = site.page("index.md")
    assert "<code>&lt;!-- factsheet: party=china --&gt;\n</code>" in home
    assert "mkdocs-factsheet-html" not in home


def test_the_quote_breakout_url_stays_one_escaped_attribute(hostile_site) -> None:
    site, _, config, _, _ = hostile_site
    page = config.plugins["factsheet"].site.get("article", "fm_url_breakout")
    html = site.page(page.src_uri)
    links = re.findall(r'<a href="([^"]*)" rel="nofollow noopener">Original article</a>', html)
    assert len(links) == 1 and "onmouseover" in links[0] and "xss25e" in links[0]  # all inside the quoted value
    assert '"' not in links[0] and "<" not in links[0] and "'" not in links[0]


def test_the_very_long_line_is_published(hostile_site) -> None:
    site, _, config, _, _ = hostile_site
    page = config.plugins["factsheet"].site.get("article", "long_line")
    found, text = inspect(site.page(page.src_uri))
    assert found == [] and "xss90" in text and "<script>alert('xss90b')</script>" in text


def test_hostile_file_names_get_safe_distinct_pages_inside_the_site(hostile_site) -> None:
    site, _, config, before, after = hostile_site
    plugin = config.plugins["factsheet"]
    ids = [sheet.article.id for sheet in plugin.briefing.sheets]
    expected = page_stems(ids)
    published = {
        p.name for p in (site.site_dir / "briefings" / "articles").iterdir() if p.is_dir()
    }  # the index page aside
    assert published == set(expected.values())  # one folder per article: nothing merged, nothing lost
    assert len({name.casefold() for name in published}) == len(published)
    stems = [Path(name).stem for name in NASTY_NAMES if not name.startswith(".")]
    assert all(
        stem in plugin.briefing.by_id or stem.replace("\u0301", "") in plugin.briefing.by_id for stem in stems
    ), sorted(ids)
    site_dir = site.site_dir.resolve()
    for path in site_dir.rglob("*"):
        assert path.resolve().is_relative_to(site_dir)
    written = {p for p in after - before if not p.resolve().is_relative_to(site_dir)}
    assert written == set(), sorted(written)[:5]


@pytest.mark.parametrize(
    "snippet",
    [
        "<script>alert('xss')</script>",
        "<img src=x onerror=alert(1)>",
        '<a href=" java\tscript:alert(1)">x</a>',
        '<a href="data:text/html,x">x</a>',
        "<iframe src=//evil.example></iframe>",
        '<a href="https://evil.example/">x</a>',
        "<!-- factsheet: matrix -->",
        "<svg onload=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<![CDATA[x]]>",
        '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
        "<style>x{}</style>",
    ],
)
def test_the_checker_sees_live_markup(snippet: str) -> None:
    """The negative control: the same parser flags each trick when it is really markup."""
    page = f'<html><body><div role="main">{snippet}</div><footer></footer></body></html>'
    assert inspect(page)[0], snippet
