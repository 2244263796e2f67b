"""Quotations in a text: pairing quote marks, tolerating apostrophes and quotes open across paragraphs.

Double quotes of every common form are paired: “ ” (and „ “ / „ ”), « », straight ", PTB `` '' and
the doubled apostrophe '' that some newspapers print. Single quotes ‘ ’ are paired only at the top
level (outside double quotes), where headlines use them; a ’ between letters (China’s, don’t) or
after a plural s with no ‘ open is an apostrophe. Straight single quotes are always apostrophes.

Paragraph convention: a quotation that runs on into the next paragraph is not closed at the end
of the first one, and the next paragraph opens with a quote mark again. Such a quote ends at its
paragraph's end and is linked to the next paragraph's first quote (`continues` / `continued`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKS = re.compile(r"``|'{2,}|[\"“”„«»‘’]")
_SINGLE = re.compile(r"[‘’]")
_OPENERS = {"“", "„", "«", "``"}
_CLOSERS = {"”", "»"}
_SPACE_BEFORE_OPEN = set(" \t\n\r([{—–-/\u00a0") | _OPENERS | {"‘"}
_SENTENCE_END = re.compile(r"[.!?:;\"”’'»)\]]\s*$")


@dataclass
class Quote:
    """A quotation: character offsets of the marks included (`start`, `end`) and of the text inside."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    paragraph: int
    closed: bool = True
    single: bool = False
    continues: bool = False  # open at its paragraph's end, carried on by the next paragraph's quote
    continued: bool = False  # the continuation of the previous paragraph's open quote

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph character ranges: split at blank lines, at the end of the first line (the title),
    and at single line breaks that follow the end of a sentence (not at hard wraps)."""
    found: list[tuple[int, int]] = []
    start = 0
    first = True
    for match in re.finditer(r"\n", text):
        line = text[start : match.start()]
        rest_blank = match.end() < len(text) and text[match.end()] in "\n\r"
        if not line.strip():
            start = match.end()
            continue
        following = text[match.end() : match.end() + 1]
        short_heading = len(line.strip()) < 60 and (following.isupper() or following in "“\"'‘«„-—#*0123456789")
        if first or rest_blank or _SENTENCE_END.search(line) or short_heading:
            found.append(_trim(text, start, match.start()))
            start = match.end()
            first = False
    if text[start:].strip():
        found.append(_trim(text, start, len(text)))
    return [p for p in found if p[1] > p[0]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(text: str) -> list[Quote]:
    """Every top-level quotation in `text`, in order."""
    quotes: list[Quote] = []
    spans = paragraphs(text)
    for number, (start, end) in enumerate(spans):
        found = _paragraph_quotes(text, start, end, number)
        if quotes and found and quotes[-1].paragraph == number - 1 and not quotes[-1].closed:
            first = found[0]
            if first.start == start and text[first.start] not in _CLOSERS:
                quotes[-1].continues = True
                first.continued = True
        quotes.extend(found)
    return quotes


def _paragraph_quotes(text: str, start: int, end: int, number: int) -> list[Quote]:
    found: list[Quote] = []
    open_at: int | None = None
    open_mark = ""
    for match in _MARKS.finditer(text, start, end):
        mark = match.group()
        if mark in ("‘", "’"):
            continue  # single quotes: second pass, outside double quotes
        before = text[match.start() - 1] if match.start() > start else " "
        after = text[match.end()] if match.end() < end else " "
        opening = before in _SPACE_BEFORE_OPEN or match.start() == start
        closing = not before.isspace() and (after.isspace() or not after.isalnum() or match.end() == end)
        if mark in _OPENERS or (mark == "“" and open_mark != "„"):
            direction = "open"
        elif mark in _CLOSERS or (mark == "“" and open_mark == "„"):
            direction = "close"
        elif open_at is None:  # straight " or '': decide by context
            direction = "open" if (opening or not closing) and match.end() < end else "stray"
        else:
            direction = "close"
        if mark == "“" and open_at is not None and open_mark == "„":
            direction = "close"
        if direction == "open":
            if open_at is not None:  # an opening mark inside an open quote: the earlier one was never closed
                found.append(_quote(text, open_at, match.start(), open_mark, None, number, closed=False))
            open_at, open_mark = match.start(), mark
        elif direction == "close" and open_at is not None:
            found.append(_quote(text, open_at, match.end(), open_mark, mark, number))
            open_at, open_mark = None, ""
    if open_at is not None:
        found.append(_quote(text, open_at, end, open_mark, None, number, closed=False))
    return _merge(found) + _single_quotes(text, start, end, number, found)


def _quote(
    text: str, start: int, end: int, open_mark: str, close_mark: str | None, number: int, *, closed: bool = True
) -> Quote:
    inner_start = start + len(open_mark)
    inner_end = end - len(close_mark) if close_mark else end
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    if not closed:
        end = inner_end
    return Quote(start, end, inner_start, inner_end, number, closed=closed)


def _merge(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.inner_end > q.inner_start]


def _single_quotes(text: str, start: int, end: int, number: int, doubles: list[Quote]) -> list[Quote]:
    """‘…’ pairs outside double quotes: a ‘ after a space or start, closed by a ’ not between letters."""
    found: list[Quote] = []
    open_at: int | None = None
    for match in _SINGLE.finditer(text, start, end):
        position = match.start()
        if any(q.start <= position < q.end for q in doubles):
            continue
        before = text[position - 1] if position > start else " "
        after = text[position + 1] if position + 1 < end else " "
        if match.group() == "‘":
            if (before in _SPACE_BEFORE_OPEN or position == start) and not after.isspace():
                open_at = position
            continue
        if open_at is None:
            continue
        if before.isalpha() and after.isalpha():
            continue  # an apostrophe: China’s, don’t
        if before.isspace():
            continue
        found.append(Quote(open_at, position + 1, open_at + 1, position, number, single=True))
        open_at = None
    return found
