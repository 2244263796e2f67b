"""The article's text as the stages share it: doc character offsets translated to article offsets.

The doc is parsed from `Article.body`, which is as long as the article's text from where the
analysis starts, so a doc offset plus `offset` is an article offset, except on the lines that
held zero-width characters: those are taken out of the line and as many spaces put at its end
(`articles.without_zero_width`), and `chars` maps such a line's offsets back to the characters
as written (a name "Bl\u200binken" is read as "Blinken" and found where it is written).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan

from ..articles import Article, zero_width_lines
from ..model import Span

# the dashes news text sets between words: a dateline's, an attribution's after a quote ("- Hillary Clinton.")
DASHES = "-—―–"


@dataclass(frozen=True)
class _Line:
    """A line of the analysed text that held zero-width characters (offsets in the analysed text)."""

    start: int
    end: int  # before its line break: the spaces put in for the characters taken out end here
    removed: tuple[int, ...]  # where each zero-width character was, from the line's start
    slots: tuple[int, ...]  # how many characters kept before each: removed[i] - i

    def as_written(self, char: int, end: bool) -> int:
        """A position in the line as parsed → the same position in the line as written (`end`: a span's end)."""
        kept = char - self.start
        if end and 0 < kept <= self.end - self.start - len(self.removed):
            return self.start + kept + bisect_right(self.slots, kept - 1)  # just after the kept character before it
        if kept >= self.end - self.start - len(self.removed):
            return self.end  # in the spaces put at the line's end
        return self.start + kept + bisect_right(self.slots, kept)

    def as_parsed(self, char: int) -> int:
        """A position in the line as written → the position in the line as parsed."""
        return char - bisect_right(self.removed, char - self.start - 1)


@dataclass(frozen=True)
class BodyText:
    """An article's text and where its parsed body starts (the doc's text is the article's body)."""

    text: str
    offset: int  # the analysed text's start in the article text: doc offset + `offset` = article offset
    body: str  # the text the doc was parsed from (`Article.body`: a front-matter headline, then the body)
    blank: tuple[int, int] | None = None  # the front matter blanked between that headline and the body
    lines: tuple[_Line, ...] = field(default=(), repr=False)  # lines that held zero-width characters
    line_starts: tuple[int, ...] = field(default=(), repr=False)

    @classmethod
    def of(cls, article: Article) -> BodyText:
        """The text value of an article."""
        start = article.analysis_start
        blank = (
            (article.title_span[1], article.body_start) if article.title_span and start < article.body_start else None
        )
        lines = tuple(
            _Line(line_start, end, removed, tuple(at - index for index, at in enumerate(removed)))
            for line_start, end, removed in zero_width_lines(article.body_as_written)
        )
        return cls(article.text, start, article.body, blank, lines, tuple(line.start for line in lines))

    def chars(self, start_char: int, end_char: int) -> tuple[int, int]:
        """Doc character offsets → article offsets of the same characters as written."""
        return self._as_written(start_char, False) + self.offset, self._as_written(end_char, True) + self.offset

    def doc_char(self, char: int) -> int:
        """An article offset (at or after `offset`) → the doc offset of that place."""
        char -= self.offset
        line = self._line(char)
        return line.as_parsed(char) if line is not None and char <= line.end else char

    def _as_written(self, char: int, end: bool) -> int:
        line = self._line(char)
        return line.as_written(char, end) if line is not None and char <= line.end else char

    def _line(self, char: int) -> _Line | None:
        index = bisect_right(self.line_starts, char) - 1
        return self.lines[index] if index >= 0 else None

    def span(self, start_char: int, end_char: int) -> Span:
        """A `Span` for doc character offsets, translated to article offsets."""
        start, end = self.chars(start_char, end_char)
        if self.blank is not None and start < self.blank[1] and end > self.blank[0]:
            # never the blanked front matter: the headline's part, else the body's
            start, end = (start, self.blank[0]) if start < self.blank[0] else (self.blank[1], max(end, self.blank[1]))
        return Span(self.text[start:end], start, end)

    def token_span(self, span: SpacySpan) -> Span:
        """A `Span` for a spaCy span of the doc."""
        return self.span(span.start_char, span.end_char)

    def doc_range(self, article_range: tuple[int, int] | None) -> tuple[int, int] | None:
        """An article character range in doc offsets; None when it starts before the body."""
        if article_range is None:
            return None
        start, end = article_range
        if start < self.offset:
            return None
        return self.doc_char(start), self.doc_char(end)
