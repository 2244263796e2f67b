"""Reading source articles: `.txt` (title on the first line, then optional `Date:`, `Source:`, `URL:` lines) and
`.md` (optional YAML front matter)."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .problems import ProblemLog
from .rules.strict_yaml import load_yaml

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_ARTICLE_SIZE = 500_000
"""Default size limit of one article file, in bytes (`max_article_size`): a news article is rarely
over 100 kB. The first build of an article grows with its size, about 4 GB of memory and 4 minutes
per MB with the default pipeline on 2 cores (a later build reads it from the cache: 2 MB, 23 s)."""
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:^|\r?\n)---[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)
_KNOWN_KEYS = ("title", "date", "source", "url")
_TITLE_LINE = re.compile(r"^title:[ \t]*(?P<quote>[\"']?)(?P<value>.*?)(?P=quote)[ \t]*\r?$", re.MULTILINE)
_HEADER_LINE = re.compile(r"\r?\n[ \t]*(?P<key>date|source|url):[ \t]*(?P<value>[^\r\n]*?)[ \t]*(?=\r?\n|\Z)", re.I)


@dataclass
class Article:
    """One article file: its text exactly as read, and what it says about itself."""

    id: str
    path: str
    text: str
    body_start: int
    title: str
    title_span: tuple[int, int] | None = None
    date: date | None = None
    source: str | None = None
    url: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def analysis_start(self) -> int:
        """Where the analysed text starts in the file: the body, or a front-matter headline before it."""
        return self.title_span[0] if self.title_span and self.title_span[0] < self.body_start else self.body_start

    @property
    def body(self) -> str:
        """The text the engine analyses: `body_as_written` with zero-width characters moved out of the way
        (`without_zero_width`), so that "Bl\u200binken" is Blinken, and wiki language labels set apart
        (`without_language_labels`); as long as the file's text from
        `analysis_start`, so offsets stay the file's outside the lines that held them (`nlp.text`)."""
        return without_language_labels(without_zero_width(self.body_as_written))

    @property
    def body_as_written(self) -> str:
        """The body (the title line of a `.txt` included), after a `.md` file's front-matter headline with
        the rest of the front matter blanked (so offsets stay the file's)."""
        start = self.analysis_start
        if start == self.body_start:
            return self.text[start:]
        assert self.title_span is not None
        headline = self.text[start : self.title_span[1]]
        blank = "".join(ch if ch in "\r\n" else " " for ch in self.text[self.title_span[1] : self.body_start])
        if blank and not headline.rstrip().endswith((".", "!", "?")):
            blank = "." + blank[1:]  # a full stop where the quote or line end was: the headline is its own sentence
        return headline + blank + self.text[self.body_start :]

    @property
    def digest(self) -> str:
        """Content hash of the analysed text: the key under which its parse is cached."""
        return hashlib.sha256(self.body.encode("utf-8", "surrogatepass")).hexdigest()


ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"  # zero-width space, non-joiner, joiner; word joiner; BOM
_ZERO_WIDTH_CHAR = re.compile(f"[{ZERO_WIDTH}]")
_LINE_END = re.compile(r"[\r\n]")


def zero_width_lines(text: str) -> list[tuple[int, int, tuple[int, ...]]]:
    """The lines of `text` holding zero-width characters: (start, end before the line break, where each
    such character is in the line), in order; linear in the text's size."""
    lines: list[tuple[int, int, tuple[int, ...]]] = []
    found = _ZERO_WIDTH_CHAR.search(text)
    while found is not None:
        start = max(text.rfind("\n", 0, found.start()), text.rfind("\r", 0, found.start())) + 1
        line_end = _LINE_END.search(text, found.start())
        end = line_end.start() if line_end is not None else len(text)
        lines.append((start, end, tuple(m.start() - start for m in _ZERO_WIDTH_CHAR.finditer(text, start, end))))
        found = _ZERO_WIDTH_CHAR.search(text, end)
    return lines


def without_zero_width(text: str) -> str:
    """`text` with the zero-width characters of each line taken out and as many spaces put at the line's
    end: a name split by one reads whole, and the text keeps its length and its other lines' offsets."""
    lines = zero_width_lines(text)
    if not lines:
        return text
    pieces, done = [], 0
    for start, end, removed in lines:
        kept = _ZERO_WIDTH_CHAR.sub("", text[start:end])
        pieces += [text[done:start], kept, " " * len(removed)]
        done = end
    return "".join([*pieces, text[done:]])


# a wiki's rendering of a language template before words in another language: "((es))Spanish language: ‍hay …"
_LANGUAGE_LABEL = re.compile(r"\(\([a-z]{2,3}(?:-[a-z]{2,4})?\)\)[A-Z][a-z]+(?: language)?: ?")


def without_language_labels(text: str) -> str:
    """`text` with each language label of a rendered wiki template made a comma and spaces (as long): "((es))Spanish
    language: " is no noun phrase of the sentence (it was taken for a speaker), the words in the other language
    are set apart from the quotation they translate, and offsets stay the same."""
    return _LANGUAGE_LABEL.sub(lambda found: "," + " " * (len(found.group(0)) - 1), text)


def decode(raw: bytes, path: str, log: ProblemLog) -> str | None:
    """Decode UTF-8 (with or without BOM) or UTF-16 with its BOM; report and repair undecodable bytes,
    refuse binary files."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            log.error(path, "this UTF-16 file cannot be decoded; it was skipped", "save it as UTF-8", reason="not text")
            return None
    if b"\x00" in raw[:8192]:
        log.error(
            path,
            "this looks like a binary file, not text; it was skipped",
            "remove it from the articles folder",
            reason="binary",
        )
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = raw.decode("utf-8-sig", errors="replace")
        if text.count("\ufffd") > max(16, len(text) // 10):
            log.error(
                path,
                "this is mostly not UTF-8 text (a binary file, or another encoding); it was skipped",
                "re-save it as UTF-8 text, or remove it from the articles folder",
                reason="not text",
            )
            return None
        line = raw[: error.start].count(b"\n") + 1
        log.warning(
            path,
            f"byte {error.start} is not valid UTF-8; undecodable bytes were replaced by U+FFFD",
            "re-save the file as UTF-8",
            line=line,
        )
        return text


def article_id(path: Path) -> str:
    """The id of the article in `path`: its file name without the extension, in Unicode NFC.

    NFC, so that `café.txt` typed on one system and saved decomposed on another is one id (and
    two such files are reported as a duplicate). The id may still hold anything a file name can;
    page names are made safe from it by `mkdocs_factsheet.naming`.
    """
    return unicodedata.normalize("NFC", path.stem)


def read_article(
    path: Path, log: ProblemLog, display_path: str | None = None, max_size: int | None = MAX_ARTICLE_SIZE
) -> Article | None:
    """Read one article file; problems go to `log` and `None` means it cannot be used at all.

    Files over `max_size` bytes (None: no limit) are refused before they are read.
    """
    shown = display_path or str(path)
    try:
        size = path.stat().st_size
        if max_size is not None and size > max_size:
            log.error(
                shown,
                f"the article is {_megabytes(size)}, over the size limit of {_megabytes(max_size)}; it was skipped",
                "split it into several articles, or raise the limit (the plugin's `max_article_size` option)",
                reason="too large",
            )
            return None
        raw = path.read_bytes()
    except OSError as error:
        log.error(
            shown,
            f"cannot read the file: {error.strerror or error}; it was skipped",
            "check the file's permissions",
            reason="unreadable",
        )
        return None
    text = decode(raw, shown, log)
    if text is None:
        return None
    if not text.strip():
        log.error(shown, "the article is empty; it was skipped", "add its text or delete the file", reason="empty")
        return None
    if path.suffix.lower() == ".md":
        return _read_markdown(article_id(path), shown, text, log)
    return _read_plain(article_id(path), shown, text, log)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def _read_plain(article_id: str, path: str, text: str, log: ProblemLog) -> Article:
    """A `.txt` article: the title on its first line, then optional header lines (`Date: 2021-02-05`,
    `Source: …`, `URL: …`, any case), which are metadata, not text the engine analyses."""
    match = re.search(r"\S[^\r\n]*", text)
    assert match is not None  # the text is not blank
    title = match.group(0).strip()
    title_span = (match.start(), match.start() + len(title))
    header: dict[str, Any] = {}
    end = match.end()
    while line := _HEADER_LINE.match(text, end):
        header[line["key"].lower()] = line["value"]
        end = line.end()
    if not header:
        return Article(article_id, path, text, 0, title, title_span)
    return Article(
        article_id,
        path,
        text,
        end,
        title,
        title_span,
        _date_field(header, path, log, "the `Date:` line"),
        _text_field(header, "source", path, log),
        _text_field(header, "url", path, log),
    )


def _read_markdown(article_id: str, path: str, text: str, log: ProblemLog) -> Article:
    metadata: dict[str, Any] = {}
    body_start = 0
    match = _FRONT_MATTER.match(text)
    if match:
        body_start = match.end()
        document, problems = load_yaml(match.group(1), path)
        for problem in problems:  # the front matter starts on line 2 of the file
            log.error(
                path,
                f"front matter: {problem.message}",
                problem.hint,
                line=(problem.line or 0) + 1,
                column=problem.column,
            )
        if document is not None and isinstance(document.data, dict):
            metadata = document.data
        elif document is not None and document.data is not None:
            log.error(
                path,
                "front matter must be a mapping of `key: value` lines",
                "e.g. `title: ...` and `date: 2021-02-05`",
                line=2,
            )
    elif text.startswith("---"):
        log.error(
            path, "front matter opened with `---` but never closed", "end it with a line holding only `---`", line=1
        )
    title = _text_field(metadata, "title", path, log)
    title_span = _headline_span(text, match, title) if match and title else None
    if not title:
        heading = re.search(r"^[ \t]*#{1,6}[ \t]+(\S[^\r\n]*)|^[ \t]*(\S[^\r\n]*)", text[body_start:], re.MULTILINE)
        if heading:
            group = 1 if heading.group(1) else 2
            title = heading.group(group).strip()
            start = body_start + heading.start(group)
            title_span = (start, start + len(title))
        else:
            title = article_id
    article = Article(
        article_id,
        path,
        text,
        body_start,
        title,
        title_span,
        _date_field(metadata, path, log),
        _text_field(metadata, "source", path, log),
        _text_field(metadata, "url", path, log),
        {key: value for key, value in metadata.items() if key not in _KNOWN_KEYS},
    )
    if not text[body_start:].strip():
        log.warning(path, "the article has front matter but no text", "add the article's text below the front matter")
    return article


def _headline_span(text: str, front_matter: re.Match[str], title: str) -> tuple[int, int] | None:
    """Where a front-matter title is written verbatim in the file (`title: "…"`), so the engine can analyse
    the headline with the body; None when YAML quoting changed it (escapes, folded lines)."""
    for line in re.finditer(
        r"^title:[ \t]*(?P<quote>[\"']?)(?P<value>.*?)(?P=quote)[ \t]*\r?$", front_matter.group(1), re.M
    ):
        if line["value"] == title and "\\" not in line["value"]:
            start = front_matter.start(1) + line.start("value")
            return start, start + len(title)
    return None


def _text_field(metadata: dict[str, Any], key: str, path: str, log: ProblemLog) -> str | None:
    value = metadata.get(key)
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip() or None
    log.error(path, f"front matter `{key}` must be text, not {type(value).__name__}", f"write `{key}: ...` on one line")
    return None


def _date_field(
    metadata: dict[str, Any], path: str, log: ProblemLog, where: str = "front matter `date`"
) -> date | None:
    value = metadata.get("date")
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        for parse in (date.fromisoformat, lambda s: datetime.fromisoformat(s).date()):
            try:
                day = parse(text)
            except ValueError:
                continue
            if day > date.today():
                log.warning(path, f"{where} {day} is in the future", "check the year: it is listed as the newest")
            return day
    log.error(path, f"{where} is not a date: {value!r}", "write it as YYYY-MM-DD, e.g. `date: 2021-02-05`")
    return None


def find_article_files(folder: Path, log: ProblemLog) -> list[Path]:
    """Article files under `folder`, sorted; symlinks that lead outside it are refused."""
    if not folder.is_dir():
        what = "is a file, not a folder" if folder.exists() else "does not exist"
        log.error(str(folder), f"the articles folder {what}", "create it or set the articles folder option")
        return []
    root = folder.resolve()
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() and path.is_dir() and not path.name.startswith("."):  # never followed by rglob
            if not path.resolve().is_relative_to(root):
                log.error(
                    str(path),
                    "symlinked folder leads outside the articles folder; it was skipped",
                    "copy its articles into the folder instead",
                    reason="symlink outside the folder",
                )
            continue
        if path.suffix.lower() not in ARTICLE_SUFFIXES or _hidden(path, folder):
            continue  # hidden files and folders (editor back-ups, `.DS_Store`, `.trash/`) hold no articles
        try:
            inside = path.resolve().is_relative_to(root)  # also catches a symlinked folder on the way
        except (OSError, RuntimeError):  # a symlink loop
            inside = False
        if not inside:
            log.error(
                str(path),
                "symlink leads outside the articles folder; it was skipped",
                "copy the file into the folder instead",
                reason="symlink outside the folder",
            )
            continue
        if not path.is_file():
            if path.is_symlink():
                log.error(
                    str(path),
                    "broken symlink; it was skipped",
                    "point it at an article file or delete it",
                    reason="unreadable",
                )
            continue
        found.append(path)
    return found


def _hidden(path: Path, folder: Path) -> bool:
    """Whether the file, or a folder on its way from `folder`, is hidden (its name starts with a dot)."""
    return any(part.startswith(".") for part in path.relative_to(folder).parts)


def load_articles(paths: Iterable[Path], log: ProblemLog, max_size: int | None = MAX_ARTICLE_SIZE) -> list[Article]:
    """Read files and folders of articles; one bad file is reported, never fatal to the others.

    Every file that is not returned has an error with a `reason` in `log` (see `ProblemLog.skipped`).
    """
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for given in paths:
        files = find_article_files(given, log) if given.is_dir() else [given]
        for path in files:
            article = read_article(path, log, max_size=max_size)
            if article is None:
                continue
            if article.id in seen:
                first = Path(seen[article.id])
                shown = (
                    first.relative_to(given).as_posix()
                    if given.is_dir() and first.is_relative_to(given)
                    else str(first)
                )
                log.error(
                    article.path,
                    f"article id {article.id!r} is already used by {shown}; this file was skipped",
                    "rename one of the files (the id is the file name without its extension)",
                    reason="duplicate id",
                )
                continue
            seen[article.id] = article.path
            articles.append(article)
    return articles
