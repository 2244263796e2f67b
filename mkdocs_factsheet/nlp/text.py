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
    offset: int  # the analysed text's start in the article text: doc offset + `offset` = article offset
    body: str  # the text the doc was parsed from (`Article.body`: a front-matter headline, then the body)
    blank: tuple[int, int] | None = None  # the front matter blanked between that headline and the body

    @classmethod
    def of(cls, article: Article) -> BodyText:
        """The text value of an article."""
        start = article.analysis_start
        blank = (
            (article.title_span[1], article.body_start) if article.title_span and start < article.body_start else None
        )
        return cls(article.text, start, article.body, blank)

    def span(self, start_char: int, end_char: int) -> Span:
        """A `Span` for doc character offsets, translated to article offsets."""
        start, end = start_char + self.offset, end_char + self.offset
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
        return start - self.offset, end - self.offset
