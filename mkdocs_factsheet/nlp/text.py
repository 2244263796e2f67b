"""The article's text as the stages share it: doc character offsets translated to article offsets."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from ..articles import Article
from ..model import Span


@dataclass(frozen=True)
class BodyText:
    """An article's text and where its parsed body starts (the doc's text is the article's body)."""

    text: str
    offset: int  # the body's start in the article text: doc offset + `offset` = article offset

    @classmethod
    def of(cls, article: Article) -> BodyText:
        """The text value of an article."""
        return cls(article.text, article.body_start)

    @property
    def body(self) -> str:
        """The part of the text the doc was parsed from."""
        return self.text[self.offset :]

    def span(self, start_char: int, end_char: int) -> Span:
        """A `Span` for doc character offsets, translated to article offsets."""
        start, end = start_char + self.offset, end_char + self.offset
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
        return start - self.offset, end - self.offset
