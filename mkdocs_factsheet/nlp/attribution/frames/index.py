"""The per-document index every construction consults: quotations, cues, paragraphs and the title."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...lexicon import CueMatch, Lexicon
from ..quotes import Quote, find_quotes, paragraphs
from .frame import Frame


class DocIndex:
    """One doc's quotations (and the token → quote lookup), cue matches, paragraphs and title span.

    Built once per document; the constructions only read it.
    """

    def __init__(self, doc: Doc, lexicon: Lexicon, title_chars: tuple[int, int] | None, text: str | None):
        self.doc = doc
        self.lexicon = lexicon
        self.text = text if text is not None else doc.text
        self.title_chars = title_chars
        self.quotes = find_quotes(self.text)
        self.paragraphs = paragraphs(self.text)
        self.paragraph_starts = [start for start, _ in self.paragraphs]
        self.quote_tokens: dict[int, Quote] = {}  # token index → quote it lies in (marks included)
        self.quote_spans: list[tuple[Quote, SpacySpan]] = []  # the quotations the doc's tokens can spell
        for quote in self.quotes:
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            self.quote_spans.append((quote, span))
            for token in span:
                self.quote_tokens.setdefault(token.i, quote)
        self.cues: dict[int, CueMatch] = {}  # token index of a cue's first word → the cue (none inside quotes)
        for index in lexicon.candidates(doc):
            token = doc[index]
            if index not in self.quote_tokens and token.is_alpha:
                match = lexicon.match(doc, index)
                if match is not None:
                    self.cues[token.i] = match

    # -- sentences and paragraphs ---------------------------------------------------------------------

    def sentence_of(self, index: int) -> tuple[int, int]:
        """Character range of the sentence of token `index`."""
        sent = self.doc[index].sent
        return sent.start_char, sent.end_char

    def paragraph_of(self, char: int) -> int:
        """Number of the paragraph holding `char`, or -1 between paragraphs."""
        number = bisect_right(self.paragraph_starts, char) - 1
        if number >= 0 and char < self.paragraphs[number][1]:
            return number
        return -1

    def paragraph_range(self, char: int) -> tuple[int, int]:
        """Character range of the paragraph holding `char` (the whole text between paragraphs)."""
        number = self.paragraph_of(char)
        return self.paragraphs[number] if number >= 0 else (0, len(self.text))

    def clause_start(self, index: int) -> int:
        """Where the sentence holding token `index` starts: after the last full stop before it (the
        parser sometimes glues a sentence to a quotation that follows it) and within its paragraph."""
        token = self.doc[index]
        sent_start = token.sent.start
        paragraph_start = self.paragraph_range(token.idx)[0]
        start = index
        while start > sent_start:
            previous = self.doc[start - 1]
            line_break = previous.is_space and "\n" in previous.text
            if previous.text in (".", "?", "!") or line_break or previous.idx < paragraph_start:
                break
            start -= 1
        return start

    # -- characters ---------------------------------------------------------------------------------------

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """Doc character range of tokens [start, end), trimmed of edge punctuation (quote marks kept)."""
        return trim(self.text, self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1].text))

    def cue_chars(self, match: CueMatch) -> tuple[int, int]:
        """Doc character range of a cue's words."""
        return self.doc[match.start].idx, self.doc[match.end - 1].idx + len(self.doc[match.end - 1].text)

    def cue_frame(
        self,
        speaker: Token,
        match: CueMatch,
        content: tuple[int, int],
        kind: str,
        rule: str,
        sentence: tuple[int, int],
        *,
        why: list[str],
        quote: Quote | None = None,
        addressee: Token | None = None,
        negated: bool = False,
        around: bool = False,
    ) -> Frame:
        """A frame made by a cue: its speaker, the cue with its characters, and what it took as content."""
        return Frame(
            speaker,
            match,
            self.cue_chars(match),
            content,
            kind,
            rule,
            sentence,
            addressee=addressee,
            why=why,
            quote=quote,
            negated=negated,
            around=around,
        )

    def cue_text(self, match: CueMatch) -> str:
        """A cue's words as written."""
        return self.doc[match.start : match.end].text

    # -- quotations ---------------------------------------------------------------------------------------

    def quote_paragraph(self, quote: Quote) -> bool:
        """Is the paragraph just this quotation (and closing punctuation)?"""
        number = quote.paragraph
        if number < 0 or number >= len(self.paragraphs):
            return False
        start, end = self.paragraphs[number]
        return quote.start == start and not self.text[quote.end : end].strip(" .,;:")

    def says_something(self, content: tuple[int, int]) -> bool:
        """Does reported content hold a word of its own, not only pronouns and particles ("asked about it",
        "said so")?"""
        span = self.doc.char_span(*content, alignment_mode="expand")
        return span is None or any(token.pos_ in CONTENT_WORDS for token in span)

    def through_quote(self, content: tuple[int, int]) -> tuple[int, int]:
        """Reported content that stops inside a quotation it opens goes on to the quotation's end: "called it
        "designed to intimidate, to say the least"" (the parse hung the quotation's last words elsewhere); one that
        starts right inside a quotation it closes takes the opening mark too."""
        for quote in self.quotes:
            if quote.start < content[0] <= quote.inner_start and quote.end <= content[1]:
                content = (quote.start, content[1])
            if content[0] <= quote.start < content[1] < quote.end and quote.closed and not quote.continues:
                return content[0], quote.end
        return content

    def to_sentence_end(self, content: tuple[int, int]) -> tuple[int, int]:
        """Reported content stops at a quotation inside it that ends a sentence before a capitalised word: "said
        Bolton broke the law and “likes dropping bombs.” Democrats expressed …" (the parse ran on into the next
        sentence)."""
        for quote in self.quotes:
            if not (content[0] < quote.end < content[1] and quote.closed):
                continue
            inner = self.text[quote.inner_start : quote.inner_end].rstrip()
            after = self.text[quote.end : content[1]].lstrip()
            if inner[-1:] in (".", "!", "?") and after[:1].isupper():
                return content[0], quote.end
        return content

    def reported_kind(self, content: tuple[int, int]) -> tuple[str, list[str]]:
        """Is reported content `indirect`, one quotation (`direct`) or `mixed` (with the reason)?"""
        inside = [q for q in self.quotes if q.start < content[1] and q.end > content[0]]
        if not inside:
            return "indirect", []
        if len(inside) == 1 and inside[0].start <= content[0] and content[1] <= inside[0].end + 1:
            return "direct", []
        return "mixed", [f"quotes {self.text[inside[0].start : inside[0].end]!r}"]


# the parts of speech that say something of their own
CONTENT_WORDS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "INTJ", "X"})


# a full stop that belongs to the last word: "at about 7:45 p.m.", "the U.S.", "Acme Inc."
ABBREVIATION_END = re.compile(r"(?:(?<![\w.])(?:[A-Za-z]\.){2,}|\b(?:Jr|Sr|Inc|Co|Ltd|Corp)\.)$")


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace and edge punctuation (keeping quote marks and a period inside a quote)."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    abbreviation = ABBREVIATION_END.search(text, start, end) is not None
    if end > start and text[end - 1] == "." and not (end - 2 >= start and text[end - 2] == ".") and not abbreviation:
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end
