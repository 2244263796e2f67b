"""Bad articles: each kind is reported with its file and what to do, `--strict` fails, the others are published,
and the overview and the log count what was skipped and why."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from mkdocs_factsheet.articles import load_articles
from mkdocs_factsheet.problems import ProblemLog

from .plugin_helpers import SEED_ID, LogCapture, build, make_site, visible_text

TEN_MB = 10 * 1024 * 1024


def _huge(path: Path) -> None:
    line = b"China said the talks about Taiwan went on and on. " * 20 + b"\n"
    with path.open("wb") as out:
        out.write(b"A huge article\n")
        for _ in range(TEN_MB // len(line) + 1):
            out.write(line)


def _symlink(path: Path) -> None:
    outside = path.parent.parent / "outside.txt"
    outside.write_text("Secret\n\nChina said nothing.\n", encoding="utf-8")
    os.symlink(outside, path)


def _symlinked_folder(path: Path) -> None:
    outside = path.parent.parent / "elsewhere"
    outside.mkdir()
    (outside / "leak.txt").write_text("Leak\n\nChina said nothing.\n", encoding="utf-8")
    os.symlink(outside, path)


# (kind, file name, how to make it, words of the message, reason counted, skipped?)
BAD: list[tuple[str, str, Callable[[Path], None], str, str | None]] = [
    (
        "undecodable",
        "latin1.txt",
        lambda p: p.write_bytes("Café talks\n\nChina said \xe9".encode() + b"\xff\xfe ok."),
        "not valid UTF-8",
        None,
    ),
    (
        "not text",
        "legacy.txt",
        lambda p: p.write_bytes(bytes(range(0x80, 0x100)) * 4),
        "mostly not UTF-8 text",
        "not text",
    ),
    ("empty", "empty.txt", lambda p: p.write_text(" \n\n", encoding="utf-8"), "the article is empty", "empty"),
    (
        "binary",
        "photo.txt",
        lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)),
        "binary file",
        "binary",
    ),
    ("huge", "huge.txt", _huge, "over the size limit of 0.5 MB", "too large"),
    (
        "front matter types",
        "types.md",
        lambda p: p.write_text(
            "---\ntitle: [a, b]\ndate: {d: 1}\nsource: 12.5\nurl: [x]\n---\nChina said hi.\n", encoding="utf-8"
        ),
        "`title` must be text",
        None,
    ),
    (
        "front matter syntax",
        "syntax.md",
        lambda p: p.write_text('---\ntitle: "unclosed\ndate: 2021-01-01\n---\nChina said hi.\n', encoding="utf-8"),
        "front matter: YAML syntax error",
        None,
    ),
    (
        "duplicate id",
        "zz_alpha.txt",
        lambda p: p.write_text("Same id\n\nChina said hi.\n", encoding="utf-8"),
        "is already used by zz_alpha.md",
        "duplicate id",
    ),
    (
        "symlink leaving the folder",
        "link.txt",
        _symlink,
        "symlink leads outside the articles folder",
        "symlink outside the folder",
    ),
    (
        "symlinked folder leaving it",
        "linked",
        _symlinked_folder,
        "symlinked folder leads outside the articles folder",
        "symlink outside the folder",
    ),
]


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("factsheet-cache")


@pytest.mark.parametrize("kind, name, make, words, reason", BAD, ids=[b[0] for b in BAD])
def test_bad_article_fails_strict_and_the_others_are_published(
    tmp_path: Path, cache_dir: Path, kind: str, name: str, make: Callable[[Path], None], words: str, reason: str | None
) -> None:
    site = make_site(tmp_path, cache_dir)
    target = site.root / "seeds" / name
    make(target)
    started = time.perf_counter()
    with LogCapture() as logs, pytest.raises(Abort):
        build(site)  # --strict
    assert time.perf_counter() - started < 60
    warnings = logs.messages()
    mine = [m for m in warnings if f"seeds/{name}" in m and words in m]
    assert mine, warnings
    assert re.search(r"\(.+\)$", mine[0]), f"says what to do: {mine[0]}"  # the hint, in brackets
    # every other article is still published (the build went on; strict only fails at the end)
    articles = site.site_dir / "briefings" / "articles"
    assert (articles / SEED_ID / "index.html").is_file() and (articles / "zz_alpha" / "index.html").is_file()
    overview = visible_text(site.page("briefings/index.md"))
    assert f"seeds/{name}" in overview
    if reason:
        assert f"factsheet: 1 article file(s) skipped, not published: 1 {reason}" in warnings
        assert f"skipped (not published) (1 {reason})" in overview
        assert not (articles / Path(name).stem).exists() or kind == "duplicate id"
    else:
        assert not any("skipped, not published" in m for m in warnings)
        assert (articles / Path(name).stem / "index.html").is_file()  # reported, and still published


def test_every_kind_at_once_is_counted_by_reason(tmp_path: Path, cache_dir: Path) -> None:
    site = make_site(tmp_path, cache_dir)
    for _, name, make, _, _ in BAD:
        make(site.root / "seeds" / name)
    (site.root / "seeds" / "empty2.md").write_text("", encoding="utf-8")
    with LogCapture() as logs:
        build(site, strict=False)
    summary = [m for m in logs.messages() if "skipped, not published" in m]
    assert summary == [
        "factsheet: 8 article file(s) skipped, not published: 2 empty, 2 symlink outside the folder, "
        "1 binary, 1 duplicate id, 1 not text, 1 too large"
    ], logs.messages()
    overview = visible_text(site.page("briefings/index.md"))
    assert (
        "8 were skipped (not published) (2 empty, 2 symlink outside the folder, 1 binary, 1 duplicate id, "
        "1 not text, 1 too large)"
    ) in overview
    published = {
        p.name for p in (site.site_dir / "briefings" / "articles").iterdir() if p.is_dir()
    }  # the index page aside
    assert published == {SEED_ID, "zz_alpha", "latin1", "types", "syntax"}
    assert "leak" not in published and "link" not in published and "huge" not in published


def test_size_limit_is_an_option(tmp_path: Path, cache_dir: Path) -> None:
    site = make_site(tmp_path, cache_dir, options={"max_article_size": 1000})
    with LogCapture() as logs:
        build(site, strict=False)
    assert any(
        f"seeds/{SEED_ID}.txt: the article is" in m and "raise the limit" in m and "max_article_size" in m
        for m in logs.messages()
    )
    assert {p.name for p in (site.site_dir / "briefings" / "articles").iterdir() if p.is_dir()} == {"zz_alpha"}


def test_library_refuses_a_huge_article_without_reading_it(tmp_path: Path) -> None:
    _huge(tmp_path / "huge.txt")
    (tmp_path / "small.txt").write_text("Small\n\nChina said hi.\n", encoding="utf-8")
    log = ProblemLog()
    started = time.perf_counter()
    articles = load_articles([tmp_path], log)
    assert time.perf_counter() - started < 1
    assert [a.id for a in articles] == ["small"]
    assert log.skipped() == {"too large": 1}
    [problem] = log.problems
    assert problem.path.endswith("huge.txt") and "10.5 MB" in problem.message and "split it" in problem.hint
    assert [a.id for a in load_articles([tmp_path], ProblemLog(), max_size=None)] == ["huge", "small"]


def test_unicode_normalisation_makes_one_id(tmp_path: Path) -> None:
    (tmp_path / "caf\u00e9.txt").write_text("One\n\nText.\n", encoding="utf-8")
    (tmp_path / "cafe\u0301.txt").write_text("Two\n\nText.\n", encoding="utf-8")
    log = ProblemLog()
    articles = load_articles([tmp_path], log)
    assert [a.id for a in articles] == ["caf\u00e9"]
    assert log.skipped() == {"duplicate id": 1}


ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def test_zero_width_characters_inside_a_name_make_no_look_alike(engine) -> None:  # type: ignore[no-untyped-def]
    from mkdocs_factsheet.model import Span

    path = Path(__file__).parent / "fixtures" / "hostile" / "zero_width_names.txt"
    [article] = load_articles([path], ProblemLog())
    clean = article.text.translate({ord(ch): None for ch in ZERO_WIDTH})
    assert len(clean) < len(article.text) and len(article.body) == len(article.text)
    sheet, plain = engine.extract(article), engine.extract(type(article)(**{**vars(article), "text": clean}))

    def names(data: object) -> list[str]:
        if isinstance(data, dict):
            return [v for k, v in data.items() if k in ("name", "actor") and isinstance(v, str)] + [
                n for v in data.values() for n in names(v)
            ]
        return [n for v in data for n in names(v)] if isinstance(data, list) else []

    found = names(sheet.to_dict())
    assert "Mariela Belski" in found and not [name for name in found if set(name) & set(ZERO_WIDTH)]
    assert sorted(set(found)) == sorted(set(names(plain.to_dict())))
    assert [p.speaker.actor for p in sheet.positions] == [p.speaker.actor for p in plain.positions]

    def spans(data: object) -> list[Span]:  # every span in the sheet points into the text as written
        if isinstance(data, Span):
            return [data]
        if isinstance(data, (list, tuple)):
            return [s for v in data for s in spans(v)]
        return [s for v in vars(data).values() for s in spans(v)] if hasattr(data, "__dataclass_fields__") else []

    every = spans(sheet)
    assert len(every) > 5
    for span in every:
        written = article.text[span.start : span.end]
        assert written.translate({ord(ch): None for ch in ZERO_WIDTH}) == span.text.translate(
            {ord(ch): None for ch in ZERO_WIDTH}
        ), (span, written)
        assert written[:1] not in ZERO_WIDTH and written[-1:] not in ZERO_WIDTH, (span, written)
    assert any(article.text[s.start : s.end] == "Bel\u200bski" for s in every)


def test_a_wiki_language_label_is_no_speaker_and_spans_stay_the_texts(engine) -> None:  # type: ignore[no-untyped-def]
    from mkdocs_factsheet.articles import Article

    text = (
        'Saying "there are many abortions despite the criminal threat" ((es))Spanish language: \u200dhay muchos '
        'abortos pese a la amenaza penal, President Dana Whitfield elaborated, "A state must protect citizens."'
    )
    article = Article(id="t", path="t.txt", text=text, body_start=0, title="T")
    assert len(article.body) == len(text) and "language" not in article.body
    sheet = engine.extract(article)
    threat = next(p for p in sheet.positions if "criminal threat" in p.content.text)
    assert threat.speaker.actor == "Dana Whitfield"
    assert threat.content.text == '"there are many abortions despite the criminal threat"'  # not the translation
    assert all(text[p.content.start : p.content.end] == p.content.text for p in sheet.positions)


def test_each_word_of_the_analysed_text_maps_to_the_word_as_written() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from mkdocs_factsheet.articles import Article
    from mkdocs_factsheet.nlp.text import BodyText

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet="ab \n\r" + ZERO_WIDTH, max_size=40))
    def check(text: str) -> None:
        article = Article("a", "a.txt", text, 0, "")
        body, mapped = article.body, BodyText.of(article)
        assert len(body) == len(text)
        for word in re.finditer(r"[^\s]+", body):
            start, end = mapped.chars(word.start(), word.end())
            assert text[start:end].translate({ord(ch): None for ch in ZERO_WIDTH}) == word.group()
            assert (mapped.doc_char(start), mapped.doc_char(end)) == (word.start(), word.end())

    check()
