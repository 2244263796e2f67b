"""Reading articles: both formats, offsets into the file as read, and bad input reported, never fatal."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from mkdocs_factsheet.articles import find_article_files, load_articles
from mkdocs_factsheet.problems import ProblemLog

from .conftest import SEED_ARTICLE, write_tree


def load(folder: Path) -> tuple[list, ProblemLog]:
    log = ProblemLog()
    return load_articles([folder], log), log


def test_seed_article_is_a_txt_with_its_title_and_date_lines() -> None:
    log = ProblemLog()
    [article] = load_articles([SEED_ARTICLE], log)
    assert log.problems == []
    assert article.id == "000_5792435e0273b1b7"
    assert article.title == "US pressures China over human rights, regional destabilisation"
    assert article.text == SEED_ARTICLE.read_text(encoding="utf-8")
    assert article.title_span == (0, len(article.title)) and article.date == date(2021, 2, 6)
    assert article.text[article.body_start :].startswith("\n\nUS Secretary of State")  # after its `Date:` line


def test_a_txt_header_gives_date_source_and_url(tmp_path: Path) -> None:
    text = "Talks in Geneva\nDate: 2021-02-05\nsource: Example Wire\nURL: https://example.org/a\n\nThe talks began.\n"
    write_tree(tmp_path, {"a.txt": text})
    [article], log = load(tmp_path)
    assert log.problems == []
    assert (article.title, article.date, article.source, article.url) == (
        "Talks in Geneva",
        date(2021, 2, 5),
        "Example Wire",
        "https://example.org/a",
    )
    assert article.title_span == (0, len("Talks in Geneva")) and article.analysis_start == 0
    # the header is blanked in the analysed text, offsets stay the file's, the headline is its own sentence
    assert (
        article.body.startswith("Talks in Geneva.") and "Date" not in article.body and "example.org" not in article.body
    )
    assert len(article.body) == len(text) and article.body.endswith("\n\nThe talks began.\n")


def test_a_txt_header_needs_its_line_right_after_the_title(tmp_path: Path) -> None:
    write_tree(
        tmp_path, {"a.txt": "Talks\n\nDate: 2021-02-05 was the day.\n", "b.txt": "Talks\nDate: last week\n\nText.\n"}
    )
    [first, second], log = load(tmp_path)
    assert first.date is None and first.body == first.text and first.body_start == 0
    assert second.date is None and "Date" not in second.body
    assert [p.message for p in log.problems] == ["the `Date:` line is not a date: 'last week'"]


def test_markdown_front_matter(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "a.md": "---\ntitle: Talks in Geneva\ndate: 2021-02-05\nsource: Wikinews\nurl: https://example.org/a\nlicense: CC BY 2.5\n---\nThe talks began.\n"
        },
    )
    [article], log = load(tmp_path)
    assert log.problems == []
    assert (article.title, article.date, article.source, article.url) == (
        "Talks in Geneva",
        date(2021, 2, 5),
        "Wikinews",
        "https://example.org/a",
    )
    assert article.metadata == {"license": "CC BY 2.5"}
    assert article.text[article.body_start :] == "The talks began.\n"
    # the headline is analysed with the body, the rest of the front matter blanked: offsets stay the file's
    start, end = article.title_span
    assert article.text[start:end] == "Talks in Geneva" and article.analysis_start == start
    assert article.body.startswith("Talks in Geneva")
    assert article.body.endswith("The talks began.\n") and len(article.body) == len(article.text) - start
    assert article.body[end - start : article.body_start - start].strip() == "."  # the headline ends there


def test_a_front_matter_title_yaml_rewrote_is_not_analysed(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.md": '---\ntitle: "Talks in \\"Geneva\\""\n---\nThe talks began.\n'})
    [article], _ = load(tmp_path)
    assert article.title == 'Talks in "Geneva"'
    assert article.title_span is None and article.body == "The talks began.\n"


def test_markdown_without_front_matter_takes_its_heading(tmp_path: Path) -> None:
    write_tree(tmp_path, {"b.md": "\n# Summit ends\n\nLeaders left.\n"})
    [article], _ = load(tmp_path)
    assert article.title == "Summit ends"
    start, end = article.title_span
    assert article.text[start:end] == "Summit ends"


def test_bad_articles_are_reported_and_the_rest_kept(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "good.txt": "Title\n\nBody text.",
            "empty.txt": "  \n\n",
            "broken.md": "---\ntitle: [unclosed\n---\nText.",
            "unclosed.md": "---\ntitle: x\nText without end of front matter.",
            "wrongtype.md": "---\ntitle: {a: 1}\ndate: last week\n---\nText.",
            "good.md": "Title\n\nSame id as good.txt.",
        },
    )
    (tmp_path / "latin1.txt").write_bytes("Café talks\n\nThe café \xe9".encode() + b"\xff\xfe more")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\x00\x00\x00binary")
    outside = tmp_path.parent / "outside.txt"
    outside.write_text("Secret\n\nText.", encoding="utf-8")
    os.symlink(outside, tmp_path / "link.txt")
    articles, log = load(tmp_path)
    ids = [a.id for a in articles]
    assert ids == ["broken", "good", "latin1", "unclosed", "wrongtype"]  # good.txt loses to good.md, sorted first
    messages = {Path(p.path).name: str(p) for p in log.problems}
    assert "empty" in messages["empty.txt"]
    assert "broken.md:3:1" in messages["broken.md"] and "YAML syntax error" in messages["broken.md"]
    assert "never closed" in messages["unclosed.md"]
    assert "already used" in messages["good.txt"]
    assert "binary" in messages["binary.txt"]
    assert "outside the articles folder" in messages["link.txt"]
    assert "not valid UTF-8" in messages["latin1.txt"]
    wrong = [str(p) for p in log.problems if p.path.endswith("wrongtype.md")]
    assert any("`title` must be text" in m for m in wrong) and any("`date` is not a date" in m for m in wrong)
    assert all(p.hint for p in log.problems), "every report says what to do"
    latin1 = next(a for a in articles if a.id == "latin1")
    assert "\ufffd" in latin1.text and latin1.title == "Café talks"


def test_a_number_past_the_int_conversion_limit_is_reported_with_its_place(tmp_path: Path) -> None:
    folder = write_tree(tmp_path, {"huge.md": "---\ntitle: Huge\nviews: " + "9" * 5000 + "\n---\nChina said no.\n"})
    log = ProblemLog()
    articles = load_articles([folder], log)
    assert [a.id for a in articles] == ["huge"] and articles[0].metadata == {"views": None}
    [problem] = log.problems
    assert (Path(problem.path).name, problem.line, problem.column) == ("huge.md", 3, 8)
    assert "5,000 digits is too long" in problem.message


def test_utf16_with_a_bom_is_read(tmp_path: Path) -> None:
    (tmp_path / "wide.txt").write_bytes("Title\n\nChina said no.\n".encode("utf-16"))
    articles, log = load(tmp_path)
    assert [a.title for a in articles] == ["Title"] and log.problems == []


def test_hidden_folders_are_skipped_like_hidden_files(tmp_path: Path) -> None:
    write_tree(
        tmp_path, {".trash/old.txt": "Old\n\nText.", "sub/.hidden.txt": "H\n\nText.", "sub/ok.txt": "Ok\n\nText."}
    )
    articles, log = load(tmp_path)
    assert [a.id for a in articles] == ["ok"] and log.problems == []


def test_a_date_in_the_future_is_kept_with_a_warning(tmp_path: Path) -> None:
    write_tree(tmp_path, {"later.md": "---\ndate: 2999-01-01\n---\nChina said no.\n"})
    articles, log = load(tmp_path)
    assert articles[0].date == date(2999, 1, 1)
    [problem] = log.problems
    assert problem.severity == "warning" and "in the future" in problem.message


def test_an_articles_folder_that_is_a_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "seeds").write_text("not a folder", encoding="utf-8")
    log = ProblemLog()
    assert find_article_files(tmp_path / "seeds", log) == [] and "is a file, not a folder" in log.problems[0].message
