"""Direct quotes: a quotation attributed right after it (“…,” X said / said X), right before it
(X said: “…” / X told Y, “…” / according to X, “…”), or continuing the quote before it (split by the
attribution, open across paragraphs, or a quote-only paragraph right after a speaker's quote)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...lexicon import CueMatch, Lexicon
from ...text import DASHES
from ..quotes import Quote
from . import grammar
from .frame import Findings, Frame
from .index import DocIndex, trim

# How words between a cue and a quotation may modify a quoted word ("over 370 “jackal horns”", "North Korea's latest
# “provocation …”"): the quotation is then a phrase of their clause, not the cue's quote
QUOTED_WORD_MODIFIERS = frozenset({"nummod", "amod", "compound", "poss", "nmod", "quantmod"})
# What may stand between a cue and the quotation it introduces ("told reporters on Monday that “…”").
ADJUNCT_DEPS = {
    "advmod",
    "npadvmod",
    "prep",
    "pobj",
    "pcomp",
    "det",
    "amod",
    "compound",
    "poss",
    "case",
    "nummod",
    "punct",
    "prt",
    "agent",
    "dative",
    "dobj",
    "iobj",
    "aux",
    "auxpass",
    "neg",
    "cc",
    "conj",
    "appos",
    "nmod",
    "quantmod",
    "attr",
    "oprd",
    "acl",
    "relcl",
    "nsubj",
    "nsubjpass",
    "expl",
    "advcl",
    "mark",
    "dep",
    "intj",
}
CLAUSE_DEPS = {"nsubj", "nsubjpass", "expl", "aux", "auxpass", "neg", "csubj"}


class _Tail(NamedTuple):
    """The words after a quotation where its attribution may stand."""

    first: int  # the first word after the quotation
    sentence: SpacySpan  # the sentence of that word
    region: list[Token]  # from it to the sentence end or the next quotation
    ended_sentence: bool  # the quotation ends with a full stop, question or exclamation mark


class DirectQuotes:
    """Attributes the doc's quotations, then links the continuations to the quote they go on from."""

    def __init__(self, index: DocIndex, found: Findings):
        self.index = index
        self.found = found

    def find(self) -> None:
        """Add the frames of attributed quotations, then of their continuations."""
        self.follow_on(self.attribute())

    def attribute(self) -> dict[int, Frame]:
        """Each top-level quotation with an attribution right after or before it: quote number → frame."""
        attributed: dict[int, Frame] = {}
        for number, (quote, span) in enumerate(self.index.quote_spans):
            if self.index.quote_tokens.get(span.start) is not quote:
                continue  # nested inside another quotation
            frame = self.after_frame(number, quote, span) or self.before_frame(quote, span)
            if frame is not None:
                attributed[number] = frame
                self.found.add(frame)
        return attributed

    # -- continuations ------------------------------------------------------------------------------------

    def follow_on(self, attributed: dict[int, Frame]) -> None:
        """Continuations: split quotes, quotes open across paragraphs, quote-only paragraphs."""
        quote_tokens = self.index.quote_tokens
        last: Frame | None = None  # the direct quote the next quotation may go on from
        for number, (quote, span) in enumerate(self.index.quote_spans):
            if number in attributed:
                if attributed[number].kind == "direct":
                    last = attributed[number]
                continue
            if span.start in quote_tokens and quote_tokens[span.start] is not quote:
                continue
            if self.chain_backwards(number, attributed) is not None:
                last = attributed[number]
                continue
            followed = self.going_on(last, quote, span)
            if followed is not None:
                last = attributed[number] = followed

    def going_on(self, last: Frame | None, quote: Quote, span: SpacySpan) -> Frame | None:
        """The frame that now holds a quotation going on from the `last` direct quote, if it does."""
        if last is None or last.quote is None or last.quote.end > quote.start:
            return None
        previous = last.quote
        between = [q for q, _ in self.index.quote_spans if previous.end <= q.start and q.end <= quote.start]
        if any(q.paragraph != previous.paragraph for q in between):
            return None
        if self.split_by_attribution(last, previous, quote):
            if self.fragment(previous) and last.content[0] <= previous.start:
                return self.joined(last, quote)  # “Three months ago,” he said, “I entered the race …”
            # “A,” said X. “B”: one attribution, two contents; the reporter's words between are neither
            return self.continuation(quote, span, last, "direct: quotation split by the attribution")
        if quote.continued and previous.continues and not between:
            return self.continuation(quote, span, last, "direct: quotation continued from the previous paragraph")
        next_paragraph = quote.paragraph == previous.paragraph + 1
        if next_paragraph and self.index.quote_paragraph(quote) and not self.signed(previous, quote):
            return self.continuation(quote, span, last, "direct: quote-only paragraph after the speaker's quotation")
        return None

    def fragment(self, quote: Quote) -> bool:
        """Is a quotation no clause of its own, only words opening the next ("Three months ago,", "However,")?"""
        span = self.index.doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
        return span is not None and not any(t.pos_ in ("VERB", "AUX") for t in span)

    def joined(self, frame: Frame, quote: Quote) -> Frame:
        """The frame of a quotation opening with a fragment, its content carried on over the attribution to the
        end of the quotation that completes it (the attribution's words stand inside)."""
        frame.content = (frame.content[0], trim(self.index.text, quote.start, quote.end)[1])
        frame.quote, frame.around = quote, True
        frame.why.append("the quotation's opening words and the rest of it after the attribution are one")
        return frame

    def after_colon(self) -> None:
        """A quotation right after a colon that ends a reported clause goes on from it, the same speaker's words:
        "Trump tweeted he would go to see it: “Wow! …”" (run once the reported speech is found)."""
        text = self.index.text
        frames = [f for f in self.found.frames if f.follows is None and f.kind != "direct"]
        for quote, span in self.index.quote_spans:
            if self.index.quote_tokens.get(span.start) is not quote:
                continue  # nested inside another quotation
            if any(f.content[0] <= quote.start < f.content[1] for f in self.found.frames):
                continue
            before = text[: quote.start].rstrip()
            if not before.endswith(":"):
                continue
            colon = len(before) - 1
            sentence = self.index.sentence_of(span.start - 1) if span.start > 0 else (0, 0)
            inside = [f for f in frames if sentence[0] <= f.content[0] and f.content[1] <= colon]
            if inside:  # the reported clause of the sentence the colon ends, the last one if several
                source = max(inside, key=lambda f: f.content[1])
                self.continuation(quote, span, source, "direct: quotation after the colon that ends a reported clause")
            elif span.start > 0:
                self.message_before_colon(quote, span)

    def after_reported(self) -> None:
        """A quotation that is a sentence of its own, right after a sentence of the same paragraph that reports
        what someone said, goes on from it: "Zapata said he was happy with the flight. “It was a dream.”" (run once
        the reported speech is found)."""
        doc, text = self.index.doc, self.index.text
        reported = [f for f in self.found.frames if f.follows is None and f.kind != "direct" and f.cue_kind == "speech"]
        for quote, span in self.index.quote_spans:
            if self.index.quote_tokens.get(span.start) is not quote or span.start == 0:
                continue  # nested inside another quotation; the first words of the article
            sentence = doc[span.start].sent
            alone = sentence.start == span.start and not text[quote.end : sentence.end_char].strip(" .,;:!?")
            if not alone or any(f.content[0] <= quote.start < f.content[1] for f in self.found.frames):
                continue
            previous = doc[span.start - 1].sent
            if self.index.paragraph_of(previous.start_char) != quote.paragraph:
                continue
            inside = [f for f in reported if previous.start_char <= f.content[0] and f.content[1] <= previous.end_char]
            if inside and not any(previous.start_char <= q.start < quote.start for q, _ in self.index.quote_spans):
                source = max(inside, key=lambda f: f.content[1])
                self.continuation(quote, span, source, "direct: quotation after the speaker's reported words")

    def message_before_colon(self, quote: Quote, span: SpacySpan) -> None:
        """A quotation after a colon that ends a clause in which someone issues or makes a message: "The ministry
        issued a statement: “…”", "He made the announcement on a morning show: “…”" — the message's words."""
        doc = self.index.doc
        sentence = doc[span.start - 1].sent
        nouns = [
            t
            for t in doc[sentence.start : span.start]
            if t.dep_ == "dobj" and t.head.lemma_.lower() in grammar.LIGHT_VERBS and t.i in self.index.cues
        ]
        match = self.index.cues[nouns[-1].i] if nouns else None
        if match is None or match.cue.kind != "speech" or nouns[-1].i in self.index.quote_tokens:
            return
        speaker = grammar.subject(self.index, nouns[-1].head)
        if speaker is None:
            return
        content = trim(self.index.text, quote.start, quote.end)
        why = [f"cue noun {nouns[-1].text!r}, the quotation after the colon"]
        rule = "direct: Name-issued a statement: “…”"
        sentence_chars = (sentence.start_char, span[-1].sent.end_char)
        self.found.add(
            self.index.cue_frame(speaker, match, content, "direct", rule, sentence_chars, why=why, quote=quote)
        )

    def split_by_attribution(self, last: Frame, previous: Quote, quote: Quote) -> bool:
        """Does `quote` go on after `last`'s attribution in the same paragraph (“A,” he said. “B”)?"""
        return (
            quote.paragraph == previous.paragraph
            and last.follows is None
            and last.cue_chars is not None
            and previous.end <= last.cue_chars[0] < quote.start
            and self.only_frame_between(previous, quote, last)
        )

    def signed(self, previous: Quote, quote: Quote) -> bool:
        """Does a dash open the text between two quotations (a signature, not a speaker's next paragraph)?"""
        gap = self.index.text[previous.end : quote.start]
        return bool(gap.strip() and gap.strip()[0] in DASHES)

    def chain_backwards(self, number: int, attributed: dict[int, Frame]) -> Frame | None:
        """A quote open across paragraphs whose attribution comes in a later paragraph (“A …¶“B,” X said)."""
        spans = self.index.quote_spans
        chain = [number]
        position = number
        while spans[position][0].continues and position + 1 < len(spans) and spans[position + 1][0].continued:
            position += 1
            chain.append(position)
            if position in attributed:
                frame = attributed[position]
                for member in chain[:-1]:
                    quote, span = spans[member]
                    rule = "direct: quotation continued in the next paragraph"
                    attributed[member] = self.continuation(quote, span, frame, rule)
                return frame
        return None

    def continuation(self, quote: Quote, span: SpacySpan, source: Frame, rule: str) -> Frame:
        """Add a frame for a quotation that continues `source`'s quote (same speaker, cue and addressee)."""
        cue = self.index.cue_text(source.cue) if source.cue else "a dash"
        frame = Frame(
            speaker=source.speaker,
            cue=source.cue,
            cue_chars=source.cue_chars,
            content=trim(self.index.text, quote.start, quote.end),
            kind="direct",
            rule=rule,
            sentence=(span[0].sent.start_char, span[-1].sent.end_char),
            addressee=source.addressee,
            why=[f"continues the quotation attributed with {cue!r}"],
            follows=source,
            quote=quote,
        )
        self.found.add_continuation(frame)
        return frame

    def only_frame_between(self, first: Quote, second: Quote, frame: Frame) -> bool:
        """Is the text between two quotations only their attribution (“A,” he said. “B”)?"""
        text = self.index.text
        if text[first.end : second.start].rstrip()[-1:] not in (".", ",", ":", ";", "—", "–", "-", ""):
            return False  # she said, referring to … ''services'': a quotation inside the frame
        between = self.index.doc.char_span(first.end, second.start, alignment_mode="contract")
        if between is None:
            return not text[first.end : second.start].strip(" ,.:;\n")
        tokens = [t for t in between if not t.is_punct and not t.is_space]
        if not tokens or frame.cue is None:
            return not tokens
        cue = self.index.doc[frame.cue.start]
        subtree = {t.i for t in cue.subtree}
        return all(t.i in subtree for t in tokens) and not any(
            c.dep_ in ("ccomp", "xcomp") and c.i not in self.index.quote_tokens and c.i > cue.i for c in cue.children
        )

    # -- attributions ---------------------------------------------------------------------------------------

    def is_quoted_title(self, quote: Quote, span: SpacySpan) -> bool:
        """A quoted name ("ABC’s “Good Morning America”", "the “Avatar” star"), not something said."""
        if any(ch in self.index.text[quote.inner_start : quote.inner_end] for ch in ",.!?;:"):
            return False  # (read first: the cheapest test)
        words = [t for t in span if t.is_alpha]
        if len(words) < 2 or len(words) > 6 or any(t.pos_ in ("VERB", "AUX") for t in span):
            return False
        return all(t.text[0].isupper() or t.lower_ in ("of", "the", "and", "a", "in", "on", "for", "to") for t in words)

    def attribution_cue(self, tokens: Iterable[Token]) -> tuple[Token, CueMatch] | None:
        """The first of `tokens` to start a cue that can attribute a quotation: untaken, no intention, a verb
        or `according to`."""
        cues, used = self.index.cues, self.found.used_cues
        for token in tokens:
            match = cues.get(token.i)
            if match is None or token.i in used or match.cue.kind == "intention":
                continue
            if token.pos_ not in ("VERB", "AUX") and match.cue.lemma != "according to":
                continue
            return token, match
        return None

    def after_frame(self, number: int, quote: Quote, span: SpacySpan) -> Frame | None:
        """“…,” X said. / “…,” said X. / “…” — X"""
        if self.is_quoted_title(quote, span):
            return None
        tail = self.tail(number, quote, span)
        if tail is None:
            return None
        cue = self.attribution_cue(tail.region)  # the first cue after the quotation decides
        return self.frame_after(quote, span, *cue, tail) if cue is not None else None

    def tail(self, number: int, quote: Quote, span: SpacySpan) -> _Tail | None:
        """The words after a quotation that stands apart, in its paragraph and sentence, up to the next quotation."""
        doc = self.index.doc
        first = span.end
        while first < len(doc) and doc[first].is_space:
            first += 1
        if first >= len(doc) or self.index.paragraph_of(doc[first].idx) != quote.paragraph:
            return None
        if not self.stands_apart(quote, span):
            return None  # “totally inappropriate” for Ginsburg to …: a quotation inside a clause
        sentence = doc[first].sent
        limit = sentence.end
        # the next quotation ends it, but not a quoted name inside the attribution
        for later, later_span in self.index.quote_spans[number + 1 :]:
            if later_span.start >= limit:
                break
            if not self.is_quoted_title(later, later_span):
                limit = max(first, later_span.start)
                break
        inner = self.index.text[quote.inner_start : quote.inner_end]
        ended_sentence = inner.rstrip()[-1:] in ".!?" if quote.inner_end > quote.inner_start else False
        return _Tail(first, sentence, list(doc[first:limit]), ended_sentence)

    def stands_apart(self, quote: Quote, span: SpacySpan) -> bool:
        """Does a quotation end in punctuation, have one after it, or open its clause?"""
        text = self.index.text
        inner_end = text[quote.inner_start : quote.inner_end].rstrip()[-1:]
        next_char = text[quote.end : quote.end + 1]
        return inner_end in ",.!?…—–-:;" or next_char in ",—–-:" or self.index.clause_start(span.start) == span.start

    def frame_after(self, quote: Quote, span: SpacySpan, token: Token, match: CueMatch, tail: _Tail) -> Frame | None:
        """The frame of the first cue after a quotation, unless the words around it say it is no attribution."""
        before = [t for t in tail.region if t.i < token.i and not t.is_punct and not t.is_space]
        subtree = {t.i for t in token.subtree}
        if any(t.i not in subtree for t in before):
            return None  # words before the cue that are not its own: it is not the attribution
        if before and before[0].lower_ in grammar.CONTRASTING:
            return None  # "“unprecedented”, while ALDI … called it “unexpected”": another clause, another speaker
        speaker = self.speaker_after(tail.region, token, match)
        if speaker is None or speaker.i in self.index.quote_tokens:
            return None
        if speaker.i < tail.first and speaker.lower_ not in grammar.RELATIVE:
            return None  # a speaker inside the quotation or before it (but "…, who said")
        if self.reports_own_clause(token):
            return None
        if tail.ended_sentence and grammar.has_own_object(token, match.cue):
            return None  # “… ‘swine flu.’ The government ordered the killing of pigs”: the cue reports its object
        if tail.ended_sentence and tail.sentence.start == tail.first:
            if token.dep_ != "ROOT":
                return None  # a new sentence after the quote, and the cue is not its main verb
            if any(token.i < s.start < tail.sentence.end for _, s in self.index.quote_spans):
                return None  # "….” Nancy Pelosi said on Friday “We are …”: the cue opens the next quotation
            if self.before_frame(quote, span) is not None:
                return None  # X said, “… .” Y maintained …: the quotation is X's, Y's cue has its own words
        content, kind, prefix_why = self.quote_content(quote, span)
        rule = "direct: “…,” said-Name" if speaker.i > token.i else "direct: “…,” Name-said"
        sentence = (span[0].sent.start_char, tail.sentence.end_char)
        why = [f"cue {self.index.cue_text(match)!r} right after the quotation"] + prefix_why
        frame = self.index.cue_frame(
            speaker, match, content, kind, rule, sentence, quote=quote, why=why, negated=grammar.is_negated(token)
        )
        frame.addressee = grammar.addressee_of(token, content)
        return frame

    def speaker_after(self, region: list[Token], token: Token, match: CueMatch) -> Token | None:
        """The speaker of a cue after a quotation: X of `according to X`, the subject, or the nearest noun."""
        if match.cue.lemma == "according to":
            return grammar.according_source(self.index, match)
        quoted = grammar.quoted_as_saying(token)
        if quoted is not None:
            return quoted  # '"…," the radio quoted him as saying': he speaks, the radio reports
        speaker = grammar.subject(self.index, token)
        if speaker is None or speaker.i in self.index.quote_tokens:
            speaker = self.nearest_noun(region, token)
        return speaker

    def reports_own_clause(self, token: Token) -> bool:
        """Does the cue take a clause or infinitive of its own after it (then it reports that, not the quote)?"""
        return any(
            c.dep_ in ("ccomp", "xcomp")
            and c.i > token.i
            and c.i not in self.index.quote_tokens
            and (
                any(g.dep_ in grammar.SUBJECTS or g.dep_ == "mark" for g in c.children)
                or grammar.is_infinitive(c)
                and c.tag_ != "VBG"
            )
            for c in token.children
        )

    def quote_content(self, quote: Quote, span: SpacySpan) -> tuple[tuple[int, int], str, list[str]]:
        """The content of an attributed quotation: the quote, or the whole clause when the quote ends one."""
        doc = self.index.doc
        start = self.index.clause_start(span.start)
        previous = [s for q, s in self.index.quote_spans if q.end <= quote.start and s.end > start]
        if previous:
            start = max(start, previous[-1].end)
        before = [t for t in doc[start : span.start] if not t.is_space]
        prefix = [t for t in before if not t.is_punct]
        clause = any(t.pos_ in ("VERB", "AUX") or t.dep_ in grammar.SUBJECTS for t in prefix)
        if clause and before[-1].text not in (":", ";", "—", "–"):
            content = trim(self.index.text, doc[start].idx, quote.end)
            return content, "mixed", ["the quotation ends a clause that starts before it"]
        return trim(self.index.text, quote.start, quote.end), "direct", []

    def before_frame(self, quote: Quote, span: SpacySpan) -> Frame | None:
        """X said: “…” / X told Y, “…” / According to X, “…” / X was quoted as saying “…”"""
        region = self.lead(quote, span)
        if not region or self.embedded(quote, span):
            return None
        cue = self.attribution_cue(reversed(region))  # the last cue before the quotation decides
        return self.frame_before(quote, span, *cue, region) if cue is not None else None

    def lead(self, quote: Quote, span: SpacySpan) -> list[Token]:
        """The words before a quotation in its paragraph and clause, after any quotation before it."""
        doc = self.index.doc
        last = span.start - 1
        while last >= 0 and doc[last].is_space:
            last -= 1
        if last < 0:
            return []
        if self.index.paragraph_of(doc[last].idx) != quote.paragraph:
            # "In a statement, Pelosi said:" ending the paragraph before the quotation's
            colon = doc[last].text == ":" and self.index.paragraph_of(doc[last].idx) == quote.paragraph - 1
            if not colon or quote.start != self.index.paragraphs[quote.paragraph][0]:
                return []
        start = self.index.clause_start(last + 1) if last + 1 < len(doc) else doc[last].sent.start
        previous = [s for q, s in self.index.quote_spans if q.end <= quote.start and s.end > start]
        if previous:
            start = max(start, previous[-1].end)
        return list(doc[start : last + 1])

    def embedded(self, quote: Quote, span: SpacySpan) -> bool:
        """Is the quotation part of a phrase, a name or a clause rather than a quote of its own?"""
        root = grammar.quote_root(span)
        object_of_preposition = root is not None and root.dep_ in ("pobj", "pcomp")
        if object_of_preposition or root is not None and root.head.pos_ == "ADP" and root.head.i < span.start:
            return True  # "appeals to the “bad angels”": a quotation inside a prepositional phrase
        if self.is_quoted_title(quote, span):
            return True
        if root is not None and root.dep_ in ("amod", "compound", "nmod") and root.head.i >= span.end:
            return True  # "described him as an “emerging” figure": a word of a phrase, quoted
        # Obama said “it gets me mad” every time …: a quotation inside reported speech
        return root is not None and self.clause_goes_on(span, root)

    def frame_before(
        self, quote: Quote, span: SpacySpan, token: Token, match: CueMatch, region: list[Token]
    ) -> Frame | None:
        """The frame of the last cue before a quotation, unless the words after it make the quote part of its clause."""
        after = [t for t in region if t.i >= match.end and not t.is_punct and not t.is_space]
        that = [t for t in after if t.dep_ == "mark" and t.lower_ in ("that", "whether", "if")]
        if self.leads_into_clause(token, match, after, that):
            return None
        speaker = self.speaker_before(token, match)
        if speaker is None or speaker.i in self.index.quote_tokens:
            return None
        content = trim(self.index.text, quote.start, quote.end)
        kind = "direct"
        why = [f"cue {self.index.cue_text(match)!r} right before the quotation"]
        if that:
            content = trim(self.index.text, that[0].idx, quote.end)
            kind = "mixed"
            why.append(f"reported with {that[0].text!r} around a quotation")
        rule = self.rule_before(token, match, why)
        sentence = (region[0].sent.start_char, span[-1].sent.end_char)
        frame = self.index.cue_frame(
            speaker, match, content, kind, rule, sentence, quote=quote, why=why, negated=grammar.is_negated(token)
        )
        frame.addressee = grammar.addressee_of(token, content) if match.cue.lemma != "according to" else None
        return frame

    def leads_into_clause(self, token: Token, match: CueMatch, after: list[Token], that: list[Token]) -> bool:
        """Do the words between a cue and a quotation make the quote part of a clause, not the cue's quote?"""
        subtree = {t.i for t in token.subtree}
        if any(t.i not in subtree for t in after):
            return True
        modified = any(t.head.i in self.index.quote_tokens and t.dep_ in QUOTED_WORD_MODIFIERS for t in after)
        if modified and match.cue.lemma != "call":  # 'called Obamacare a “crazy system”' names; it is the quote
            return True  # 'noted over 370 “jackal horns” seized …': words of a phrase the quotation ends
        complements = [t for t in after if t.head.i == token.i and t.dep_ in ("ccomp", "xcomp", "dobj")]
        addressed = Lexicon.object_is_addressee(match.cue)  # "told host Mika Brzezinski “…”": whom, not what
        content_child = [
            t for t in complements if not grammar.names_someone(t) and not (addressed and t.dep_ == "dobj")
        ]
        if content_child and match.cue.lemma not in ("according to",):
            return True  # the quote is inside reported speech: mixed, found later
        if [t for t in after if t.dep_ not in ADJUNCT_DEPS and t not in that]:
            return True
        # Sims say he was “kind of riding the fence”: a partial quotation
        return any(t.dep_ in CLAUSE_DEPS and t.head.i != token.i for t in after)

    def speaker_before(self, token: Token, match: CueMatch) -> Token | None:
        """The speaker of a cue before a quotation: X of `according to X`, the subject, or who was quoted as saying."""
        if match.cue.lemma == "according to":
            return grammar.according_source(self.index, match)
        quoted = grammar.quoted_as_saying(token)
        if quoted is not None:
            return quoted  # 'The radio quoted him as saying, "…"': he speaks, the radio reports
        speaker = grammar.subject(self.index, token)
        if speaker is None and token.dep_ == "pcomp" and token.head.lower_ == "as":
            speaker = grammar.subject(self.index, token.head.head, 1)
        return speaker

    def rule_before(self, token: Token, match: CueMatch, why: list[str]) -> str:
        """The rule of a quotation attributed before it (noting who quoted the speaker, if said)."""
        if token.dep_ == "pcomp" and token.head.lower_ == "as":
            reporter = next((c for c in token.head.head.children if c.dep_ == "agent"), None)
            if reporter is not None:
                why.append(f"quoted by {' '.join(t.text for t in reporter.subtree)[3:]!s}".rstrip())
            return "direct: Name was quoted as saying “…”"
        if match.cue.lemma == "according to":
            return "direct: according to X, “…”"
        return "direct: Name-said: “…”"

    def nearest_noun(self, region: list[Token], cue: Token) -> Token | None:
        """When the parse gives the cue no subject: the name or noun phrase next to it in the frame."""
        doc = self.index.doc
        before = [t for t in region if t.i < cue.i and t.i not in self.index.quote_tokens]
        after = [t for t in region if t.i > cue.i and t.i not in self.index.quote_tokens]
        for tokens in (before, after[:4]):
            heads = [t for t in tokens if t.pos_ in ("PROPN", "PRON", "NOUN")]
            if not heads:
                continue
            head = heads[0]
            while head.i + 1 < len(doc) and doc[head.i + 1].pos_ in ("PROPN", "NOUN") and doc[head.i + 1] in tokens:
                head = doc[head.i + 1]
            return head
        return None

    def clause_goes_on(self, span: SpacySpan, root: Token) -> bool:
        """Do words after the quotation belong to the quoted clause ("“it gets me mad” every time …")?"""
        inside = {t.i for t in root.subtree}
        if self.index.text[span.start_char : span.end_char].rstrip("”\"'’» ")[-1:] in ".!?,":
            return False
        sentence_end = span[-1].sent.end
        for token in self.index.doc[span.end : sentence_end]:
            if token.is_punct or token.is_space:
                continue
            outside = token  # the word of the words after whose head is in the quotation
            while outside.head.i >= span.end and outside.head.i != outside.i:
                outside = outside.head
            # "“… in accommodation spaces” where the passengers would have been": the reporter's relative clause
            # on a noun of the quotation, no word of the speaker's
            return token.i in inside and outside.dep_ not in ("relcl", "acl")
        return False
