"""Finding attribution frames in a parsed doc: who (a token), the cue, and the content (characters).

A frame is found from quotation structure first, then from the dependency parse:

1. direct quotes: each quotation looks for an attribution right after it (“…,” X said / said X),
   right before it (X said: “…” / X told Y, “…” / according to X, “…”), or is a continuation of the
   quote before it (split by the attribution, open across paragraphs, or a quote-only paragraph
   right after a speaker's quote). A quotation embedded in a clause (warned that Beijing will be
   held “accountable”) is not a direct quote: it makes the reported speech around it `mixed`.
2. reported speech: every other cue verb takes as content its clause complement (that-clause),
   a parenthetical host clause (…, X said, …), a to-infinitive (vowed to …, pressed China to …), an
   object where the cue takes one (condemned the coup), or the clause an `according to X` qualifies.
3. headlines and labels: a title "US pressures China over …" (subject + cue), "Name: text" in a title
   or a transcript, and "— Name" after a quotation.

Speakers are resolved afterwards (speakers.py), in document order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..lexicon import CueMatch, Lexicon
from .quotes import Quote, find_quotes, paragraphs

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
RELATIVE = {"who", "which", "that", "whom"}
ADJUNCT_DEPS = {"advmod", "npadvmod", "prep", "pobj", "pcomp", "det", "amod", "compound", "poss", "case", "nummod", "punct", "prt",
                "agent", "dative", "dobj", "iobj", "aux", "auxpass", "neg", "cc", "conj", "appos", "nmod", "quantmod", "attr", "oprd", "acl", "relcl",
                "nsubj", "nsubjpass", "expl", "advcl", "mark", "dep", "intj"}
NOT_SPEAKER_LABELS = {"breaking", "exclusive", "analysis", "opinion", "update", "updated", "watch", "video", "editorial", "live",
                      "review", "photos", "photo", "poll", "report", "explainer", "fact check", "factbox", "timeline", "q&a", "interview"}
NOT_AS_FRAME = {"continue", "recall", "call", "speak", "talk", "discuss", "ask", "answer", "respond", "reply", "post", "mention", "brief", "quote"}
CLAUSE_DEPS = {"nsubj", "nsubjpass", "expl", "aux", "auxpass", "neg", "csubj"}
DASHES = "-—―–"
_SIGNATURE = re.compile(r" [-—―–] ?[^\n]{1,60}\(@")  # "— Name (@handle)" closing an embedded post
# Common nouns for people and bodies: as an object they are addressed ("told reporters"), not said.
PEOPLE_NOUNS = {"official", "leader", "government", "people", "country", "minister", "president", "reporter", "journalist",
                "member", "lawmaker", "ally", "partner", "authority", "nation", "state", "party", "side", "community",
                "public", "supporter", "voter", "audience", "crowd", "counterpart", "colleague", "administration",
                "regime", "congress", "council"}
LIGHT_VERBS = {"issue", "make", "give", "release", "express", "voice", "signal", "reiterate", "publish", "deliver", "send", "post", "offer", "repeat", "renew"}


@dataclass
class Frame:
    """One attribution found in the doc (doc token indices and doc character offsets)."""

    speaker: Token | None
    cue: CueMatch | None
    cue_chars: tuple[int, int] | None
    content: tuple[int, int]
    kind: str
    rule: str
    sentence: tuple[int, int]
    addressee: Token | None = None
    why: list[str] = field(default_factory=list)
    follows: "Frame | None" = None  # a continuation: the speaker is that frame's speaker
    quote: Quote | None = None
    relay_of: "Frame | None" = None
    negated: bool = False
    around: bool = False  # the content runs around the attribution ("X, Y said, Z"; "“A,” he said. “B”")

    @property
    def cue_kind(self) -> str:
        return self.cue.cue.kind if self.cue else "speech"


class FrameFinder:
    """Finds the frames of one doc."""

    def __init__(self, doc: Doc, lexicon: Lexicon, title_chars: tuple[int, int] | None = None, text: str | None = None):
        self.doc = doc
        self.text = text if text is not None else doc.text
        self.lexicon = lexicon
        self.title_chars = title_chars
        self.quotes = find_quotes(self.text)
        self.paragraphs = paragraphs(self.text)
        self.paragraph_starts = [start for start, _ in self.paragraphs]
        self.quote_tokens: dict[int, Quote] = {}  # token index → quote it lies in (marks included)
        self.quote_spans: list[tuple[Quote, SpacySpan]] = []
        for quote in self.quotes:
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            self.quote_spans.append((quote, span))
            for token in span:
                self.quote_tokens.setdefault(token.i, quote)
        self.cues: dict[int, CueMatch] = {}
        for index in lexicon.candidates(doc):
            token = doc[index]
            if index not in self.quote_tokens and token.is_alpha:
                match = lexicon.match(doc, index)
                if match is not None:
                    self.cues[token.i] = match
        self.used_cues: set[int] = set()
        self.frames: list[Frame] = []

    # -- entry point ---------------------------------------------------------------------------------

    def find(self) -> list[Frame]:
        self.direct_quotes()
        self.dash_frames()
        self.reported_speech()
        self.headline()
        self.colon_labels()
        self.frames.sort(key=lambda f: (f.content[0], f.content[1]))
        return self.frames

    # -- helpers ---------------------------------------------------------------------------------------

    def sentence_of(self, index: int) -> tuple[int, int]:
        sent = self.doc[index].sent
        return sent.start_char, sent.end_char

    def paragraph_range(self, char: int) -> tuple[int, int]:
        number = self.paragraph_of(char)
        return self.paragraphs[number] if number >= 0 else (0, len(self.text))

    def paragraph_of(self, char: int) -> int:
        number = bisect_right(self.paragraph_starts, char) - 1
        if number >= 0 and char < self.paragraphs[number][1]:
            return number
        return -1

    def chars(self, start: int, end: int) -> tuple[int, int]:
        """Doc character range of tokens [start, end), trimmed of edge punctuation (quote marks kept)."""
        return trim(self.text, self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1].text))

    def cue_chars(self, match: CueMatch) -> tuple[int, int]:
        return self.doc[match.start].idx, self.doc[match.end - 1].idx + len(self.doc[match.end - 1].text)

    def subject(self, verb: Token, depth: int = 0) -> Token | None:
        """The speaker of a cue verb: its subject, the agent of a passive, or the subject it shares."""
        children = list(verb.children)
        subjects = [c for c in children if c.dep_ == "nsubj" and c.lower_ != "there"]
        if subjects:
            outside = [c for c in subjects if c.i not in self.quote_tokens] or subjects
            return min(outside, key=lambda c: abs(c.i - verb.i))
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
        if passive and depth == 0:
            for child in children:
                if child.dep_ == "agent":
                    return next((g for g in child.children if g.dep_ == "pobj"), None)
            return None
        if passive:
            return next((c for c in children if c.dep_ == "nsubjpass"), None)
        if depth > 3:
            return None
        head = verb.head
        if head is verb:
            return None
        if verb.dep_ in ("xcomp", "pcomp") and self.hypothetical(head if verb.dep_ == "xcomp" else head.head):
            return None  # "asked X to say", "pressed China to join … in condemning": part of what was asked
        if verb.dep_ == "xcomp":
            obj = next((c for c in head.children if c.dep_ in ("dobj",)), None)
            if obj is None and head.lemma_ == "be":
                return None  # "it's safe to say …"
            return obj if obj is not None else self.subject(head, depth + 1)
        if verb.dep_ in ("conj", "advcl"):
            if verb.tag_ == "VBN" and verb.dep_ == "advcl":
                return None  # "Asked about it, Trump said": the subject was asked, not asking
            if head.pos_ in ("VERB", "AUX"):
                return self.subject(head, depth + 1)
            return None
        if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ == "as":
            return self.subject(head.head, depth + 1)  # "X was quoted … as telling"
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.pos_ == "ADP" and head.head.pos_ in ("VERB", "AUX"):
            return self.subject(head.head, depth + 1)  # "X deflected questions before saying …"
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            return head  # "a statement saying …", "the official, speaking on condition …"
        return None

    def hypothetical(self, verb: Token) -> bool:
        """Is `verb` a cue that asks, wants or promises (what hangs under it was not said), or itself under one?"""
        for token in (verb, verb.head if verb.dep_ == "xcomp" else None):
            if token is None:
                continue
            match = self.cues.get(token.i)
            if match is not None and (match.cue.kind == "intention" or match.cue.stance is not None):
                return True
        return verb.dep_ == "xcomp" and verb.head.i in self.cues

    def cue_negated(self, token: Token) -> bool:
        return any(c.dep_ == "neg" for c in token.children)

    def addressee_of(self, verb: Token, content: tuple[int, int] | None) -> Token | None:
        for child in verb.children:
            if child.dep_ in ("dative", "iobj", "dobj") and child.pos_ in ("PROPN", "PRON", "NOUN"):
                if content is None or not (content[0] <= child.idx < content[1]):
                    return child
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "on", "upon"):
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is not None and (content is None or not (content[0] <= obj.idx < content[1])):
                    return obj
        return None

    def is_entity_like(self, token: Token) -> bool:
        """Does an object name a person, body or country (an addressee) rather than a message?"""
        if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        if token.pos_ in ("PRON", "PROPN"):
            return token.lower_ not in ("it", "this", "that", "what", "everything", "nothing", "something")
        return token.lemma_.lower() in PEOPLE_NOUNS

    def add(self, frame: Frame) -> None:
        if frame.content[1] <= frame.content[0]:
            return
        if frame.cue is not None:
            self.used_cues.add(frame.cue.start)
        self.frames.append(frame)

    # -- 1. direct quotes ------------------------------------------------------------------------------

    def direct_quotes(self) -> None:
        spans = self.quote_spans
        attributed: dict[int, Frame] = {}  # quote index → frame
        for number, (quote, span) in enumerate(spans):
            if self.quote_tokens.get(span.start) is not quote:
                continue  # nested inside another quotation
            frame = self.after_frame(number, quote, span) or self.before_frame(number, quote, span)
            if frame is not None:
                attributed[number] = frame
                self.add(frame)
        # continuations: split quotes, quotes open across paragraphs, quote-only paragraphs
        last: Frame | None = None
        for number, (quote, span) in enumerate(spans):
            if number in attributed:
                if attributed[number].kind == "direct":
                    last = attributed[number]
                continue
            if span.start in self.quote_tokens and self.quote_tokens[span.start] is not quote:
                continue
            frame = self.chain_backwards(number, attributed)
            if frame is not None:
                last = attributed[number]
                continue
            if last is None or last.quote is None or last.quote.end > quote.start:
                continue
            previous = last.quote
            between = [q for q, _ in spans if previous.end <= q.start and q.end <= quote.start]
            if any(q.paragraph != previous.paragraph for q in between):
                continue
            gap = self.text[previous.end : quote.start]
            if quote.paragraph == previous.paragraph and last.follows is None and last.cue_chars is not None \
                    and previous.end <= last.cue_chars[0] < quote.start and self.only_frame_between(previous, quote, last):
                last.content = (last.content[0], trim(self.text, last.content[0], quote.end)[1])
                last.around = True
                last.rule = last.rule.replace("direct:", "direct (split by the attribution):", 1)
                last.why.append("the quotation goes on after the attribution")
                last.quote = quote
                attributed[number] = last
                continue
            if quote.continued and previous.continues and not between:
                last = attributed[number] = self.continuation(quote, span, last, "direct: quotation continued from the previous paragraph")
                continue
            if quote.paragraph == previous.paragraph + 1 and self.quote_paragraph(quote) and not (gap.strip() and gap.strip()[0] in DASHES):
                last = attributed[number] = self.continuation(quote, span, last, "direct: quote-only paragraph after the speaker's quotation")

    def chain_backwards(self, number: int, attributed: dict[int, Frame]) -> Frame | None:
        """A quote open across paragraphs whose attribution comes in a later paragraph (“A …¶“B,” X said)."""
        spans = self.quote_spans
        chain = [number]
        index = number
        while spans[index][0].continues and index + 1 < len(spans) and spans[index + 1][0].continued:
            index += 1
            chain.append(index)
            if index in attributed:
                frame = attributed[index]
                for member in chain[:-1]:
                    quote, span = spans[member]
                    attributed[member] = self.continuation(quote, span, frame, "direct: quotation continued in the next paragraph")
                return frame
        return None

    def continuation(self, quote: Quote, span: SpacySpan, source: Frame, rule: str) -> Frame:
        frame = Frame(
            speaker=source.speaker, cue=source.cue, cue_chars=source.cue_chars, content=trim(self.text, quote.start, quote.end),
            kind="direct", rule=rule, sentence=(span[0].sent.start_char, span[-1].sent.end_char), addressee=source.addressee,
            why=[f"continues the quotation attributed with {self.cue_text(source.cue) if source.cue else 'a dash'!r}"], follows=source, quote=quote,
        )
        self.frames.append(frame)
        return frame

    def only_frame_between(self, first: Quote, second: Quote, frame: Frame) -> bool:
        """Is the text between two quotations only their attribution (“A,” he said. “B”)?"""
        if self.text[first.end : second.start].rstrip()[-1:] not in (".", ",", ":", ";", "—", "–", "-", ""):
            return False  # she said, referring to … ''services'': a quotation inside the frame
        between = self.doc.char_span(first.end, second.start, alignment_mode="contract")
        if between is None:
            return not self.text[first.end : second.start].strip(" ,.:;\n")
        tokens = [t for t in between if not t.is_punct and not t.is_space]
        if not tokens or frame.cue is None:
            return not tokens
        cue = self.doc[frame.cue.start]
        subtree = {t.i for t in cue.subtree}
        return all(t.i in subtree for t in tokens) and not any(c.dep_ in ("ccomp", "xcomp") and c.i not in self.quote_tokens and c.i > cue.i for c in cue.children)

    def quote_paragraph(self, quote: Quote) -> bool:
        """Is the paragraph just this quotation (and closing punctuation)?"""
        number = quote.paragraph
        if number < 0 or number >= len(self.paragraphs):
            return False
        start, end = self.paragraphs[number]
        return quote.start == start and not self.text[quote.end : end].strip(" .,;:")

    def is_title(self, quote: Quote, span: SpacySpan) -> bool:
        """A quoted name ("ABC’s “Good Morning America”", "the “Avatar” star"), not something said."""
        words = [t for t in span if t.is_alpha]
        if len(words) < 2 or len(words) > 6 or any(t.pos_ in ("VERB", "AUX") for t in span):
            return False
        if any(ch in self.text[quote.inner_start : quote.inner_end] for ch in ",.!?;:"):
            return False
        return all(t.text[0].isupper() or t.lower_ in ("of", "the", "and", "a", "in", "on", "for", "to") for t in words)

    def after_frame(self, number: int, quote: Quote, span: SpacySpan) -> Frame | None:
        """“…,” X said. / “…,” said X. / “…” — X"""
        doc = self.doc
        if self.is_title(quote, span):
            return None
        first = span.end
        if first >= len(doc):
            return None
        while first < len(doc) and doc[first].is_space:
            first += 1
        if first >= len(doc) or self.paragraph_of(doc[first].idx) != quote.paragraph:
            return None
        inner_end = self.text[quote.inner_start : quote.inner_end].rstrip()[-1:]
        next_char = self.text[quote.end : quote.end + 1]
        if not (inner_end in ",.!?…—–-:;" or next_char in ",—–-:" or self.clause_start(span.start) == span.start):
            return None  # “totally inappropriate” for Ginsburg to …: a quotation inside a clause
        sentence = doc[first].sent
        limit = sentence.end
        for later, later_span in self.quote_spans[number + 1 :]:  # a quoted name inside the attribution does not end it
            if later_span.start >= limit:
                break
            if not self.is_title(later, later_span):
                limit = max(first, later_span.start)
                break
        region = list(doc[first:limit])
        ended_sentence = self.text[quote.inner_start : quote.inner_end].rstrip()[-1:] in ".!?" if quote.inner_end > quote.inner_start else False
        for token in region:
            match = self.cues.get(token.i)
            if match is None or token.i in self.used_cues or match.cue.kind == "intention":
                continue
            if token.pos_ not in ("VERB", "AUX") and match.cue.lemma != "according to":
                continue
            before = [t for t in region if t.i < token.i and not t.is_punct and not t.is_space]
            subtree = {t.i for t in token.subtree}
            if any(t.i not in subtree for t in before):
                break
            if match.cue.lemma == "according to":
                speaker = self.according_source(match)
            else:
                speaker = self.subject(token)
                if speaker is None or speaker.i in self.quote_tokens:
                    speaker = self.nearest_noun(region, token)
            if speaker is None or speaker.i in self.quote_tokens or speaker.i < first and speaker.lower_ not in RELATIVE:
                break
            own = [c for c in token.children if c.dep_ in ("ccomp", "xcomp") and c.i > token.i and c.i not in self.quote_tokens
                   and (any(g.dep_ in SUBJECTS or g.dep_ == "mark" for g in c.children) or self.infinitive(c) and c.tag_ != "VBG")]
            if own:
                break
            if ended_sentence and sentence.start == first and token.dep_ != "ROOT":
                break
            content, kind, prefix_why = self.quote_content(quote, span)
            rule = "direct: “…,” said-Name" if speaker.i > token.i else "direct: “…,” Name-said"
            frame = Frame(
                speaker=speaker, cue=match, cue_chars=self.cue_chars(match), content=content, kind=kind, rule=rule,
                sentence=(span[0].sent.start_char, sentence.end_char), quote=quote,
                why=[f"cue {self.cue_text(match)!r} right after the quotation"] + prefix_why,
                negated=self.cue_negated(token),
            )
            frame.addressee = self.addressee_of(token, content)
            return frame
        return None

    def clause_start(self, index: int) -> int:
        """Where the sentence holding token `index` starts: after the last full stop before it (the
        parser sometimes glues a sentence to a quotation that follows it) and within its paragraph."""
        token = self.doc[index]
        sent_start = token.sent.start
        paragraph_start = self.paragraph_range(token.idx)[0]
        start = index
        while start > sent_start:
            previous = self.doc[start - 1]
            if previous.text in (".", "?", "!") or previous.is_space and "\n" in previous.text or previous.idx < paragraph_start:
                break
            start -= 1
        return start

    def quote_content(self, quote: Quote, span: SpacySpan) -> tuple[tuple[int, int], str, list[str]]:
        """The content of an attributed quotation: the quote, or the whole clause when the quote ends one."""
        start = self.clause_start(span.start)
        previous = [q for q, s in self.quote_spans if q.end <= quote.start and s.end > start]
        if previous:
            start = max(start, self.doc.char_span(previous[-1].start, previous[-1].end, alignment_mode="expand").end)
        before = [t for t in self.doc[start : span.start] if not t.is_space]
        prefix = [t for t in before if not t.is_punct]
        clause = any(t.pos_ in ("VERB", "AUX") or t.dep_ in SUBJECTS for t in prefix) and before[-1].text not in (":", ";", "—", "–")
        if clause:
            content = trim(self.text, self.doc[start].idx, quote.end)
            return content, "mixed", ["the quotation ends a clause that starts before it"]
        return trim(self.text, quote.start, quote.end), "direct", []

    def before_frame(self, number: int, quote: Quote, span: SpacySpan) -> Frame | None:
        """X said: “…” / X told Y, “…” / According to X, “…” / X was quoted as saying “…”"""
        doc = self.doc
        last = span.start - 1
        while last >= 0 and doc[last].is_space:
            last -= 1
        if last < 0 or self.paragraph_of(doc[last].idx) != quote.paragraph:
            return None
        start = self.clause_start(last + 1) if last + 1 < len(doc) else doc[last].sent.start
        previous = [s for q, s in self.quote_spans if q.end <= quote.start and s.end > start]
        if previous:
            start = max(start, previous[-1].end)
        region = list(doc[start : last + 1])
        if not region:
            return None
        root = quote_root(span)
        if root is not None and (root.dep_ in ("pobj", "pcomp") or root.head.pos_ == "ADP" and root.head.i < span.start):
            return None  # "appeals to the “bad angels”": a quotation inside a prepositional phrase
        if self.is_title(quote, span):
            return None
        if root is not None and self.clause_goes_on(span, root):
            return None  # Obama said “it gets me mad” every time …: a quotation inside reported speech
        for token in reversed(region):
            match = self.cues.get(token.i)
            if match is None or token.i in self.used_cues or match.cue.kind == "intention":
                continue
            verb = token.pos_ in ("VERB", "AUX")
            if not verb and match.cue.lemma != "according to":
                continue
            after = [t for t in region if t.i >= match.end and not t.is_punct and not t.is_space]
            subtree = {t.i for t in token.subtree}
            if any(t.i not in subtree for t in after):
                return None
            content_child = [t for t in after if t.head.i == token.i and t.dep_ in ("ccomp", "xcomp", "dobj") and not self.is_entity_like(t)]
            if content_child and match.cue.lemma not in ("according to",):
                return None  # the quote is inside reported speech: mixed, found later
            that = [t for t in after if t.dep_ == "mark" and t.lower_ in ("that", "whether", "if")]
            if [t for t in after if t.dep_ not in ADJUNCT_DEPS and t not in that]:
                return None
            if any(t.dep_ in CLAUSE_DEPS and t.head.i != token.i for t in after):
                return None  # Sims say he was “kind of riding the fence”: a partial quotation
            if match.cue.lemma == "according to":
                speaker = self.according_source(match)
            else:
                speaker = self.subject(token)
                if speaker is None and token.dep_ == "pcomp" and token.head.lower_ == "as":
                    speaker = self.subject(token.head.head, 1)
            if speaker is None or speaker.i in self.quote_tokens:
                return None
            content = trim(self.text, quote.start, quote.end)
            kind = "direct"
            why = [f"cue {self.cue_text(match)!r} right before the quotation"]
            if that:
                content = trim(self.text, that[0].idx, quote.end)
                kind = "mixed"
                why.append(f"reported with {that[0].text!r} around a quotation")
            rule = "direct: Name-said: “…”"
            if token.dep_ == "pcomp" and token.head.lower_ == "as":
                rule = "direct: Name was quoted as saying “…”"
                reporter = next((c for c in token.head.head.children if c.dep_ == "agent"), None)
                if reporter is not None:
                    why.append(f"quoted by {' '.join(t.text for t in reporter.subtree)[3:]!s}".rstrip())
            elif match.cue.lemma == "according to":
                rule = "direct: according to X, “…”"
            frame = Frame(
                speaker=speaker, cue=match, cue_chars=self.cue_chars(match), content=content, kind=kind, rule=rule,
                sentence=(doc[start].sent.start_char, span[-1].sent.end_char), quote=quote, why=why, negated=self.cue_negated(token),
            )
            frame.addressee = self.addressee_of(token, content) if match.cue.lemma != "according to" else None
            return frame
        return None

    def nearest_noun(self, region: list[Token], cue: Token) -> Token | None:
        """When the parse gives the cue no subject: the name or noun phrase next to it in the frame."""
        before = [t for t in region if t.i < cue.i and t.i not in self.quote_tokens]
        after = [t for t in region if t.i > cue.i and t.i not in self.quote_tokens]
        for tokens in (before, after[:4]):
            heads = [t for t in tokens if t.pos_ in ("PROPN", "PRON", "NOUN")]
            if not heads:
                continue
            head = heads[0]
            while head.i + 1 < len(self.doc) and self.doc[head.i + 1].pos_ in ("PROPN", "NOUN") and self.doc[head.i + 1] in tokens:
                head = self.doc[head.i + 1]
            return head
        return None

    def clause_goes_on(self, span: SpacySpan, root: Token) -> bool:
        """Do words after the quotation belong to the quoted clause ("“it gets me mad” every time …")?"""
        inside = {t.i for t in root.subtree}
        end = span.end
        if self.text[span.start_char : span.end_char].rstrip("”\"'’» ")[-1:] in ".!?,":
            return False
        sentence_end = span[-1].sent.end
        for token in self.doc[end:sentence_end]:
            if token.is_punct or token.is_space:
                continue
            return token.i in inside
        return False

    def according_source(self, match: CueMatch) -> Token | None:
        to = self.doc[match.end - 1]
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if obj is None and match.end < len(self.doc):
            following = self.doc[match.end]
            obj = following if following.pos_ in ("PROPN", "NOUN", "PRON") else None
            if obj is not None:
                while obj.head.i != obj.i and obj.head.i >= match.end and obj.head.pos_ in ("PROPN", "NOUN") and obj.dep_ in ("compound", "amod", "det", "poss"):
                    obj = obj.head
        return obj

    def cue_text(self, match: CueMatch) -> str:
        return self.doc[match.start : match.end].text

    # -- 2. "— Name" after a quotation (tweets, epigraphs) ---------------------------------------------

    def dash_frames(self) -> None:
        for number, (start, end) in enumerate(self.paragraphs):
            text = self.text[start:end]
            stripped = text.lstrip()
            if stripped[:1] in DASHES:  # "- Hillary Clinton." after a quote-only paragraph
                quotes = [(q, s) for q, s in self.quote_spans if q.paragraph == number - 1]
                if not quotes or not self.quote_paragraph(quotes[0][0]) or any(f.quote is quotes[0][0] for f in self.frames):
                    continue
                speaker = self.name_after(start + len(text) - len(stripped) + 1, end)
                if speaker is None:
                    continue
                quote, span = quotes[0]
                self.add(Frame(
                    speaker=speaker, cue=None, cue_chars=(start, start + 1), content=trim(self.text, quote.start, quote.end), kind="direct",
                    rule="direct: “…” ¶ — Name", sentence=(span[0].sent.start_char, span[-1].sent.end_char), quote=quote,
                    why=["signed with a dash in the next paragraph"],
                ))
                continue
            for dash in _SIGNATURE.finditer(self.text, start + 1, end):
                position = dash.start() + 1
                tail = self.text[position + 1 : end]
                if "(@" not in tail[:80]:
                    continue  # "— Name (@handle) date": an embedded tweet
                speaker = self.name_after(position + 1, end)
                if speaker is None:
                    continue
                content = trim(self.text, start, position)
                self.add(Frame(
                    speaker=speaker, cue=None, cue_chars=(position, position + 1), content=content, kind="direct",
                    rule="direct: text — Name (@handle)", sentence=(start, end), why=["an embedded post signed with a dash"],
                ))
                break

    def name_after(self, start: int, end: int) -> Token | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        tokens = [t for t in span if not t.is_space]
        if not tokens or tokens[0].pos_ not in ("PROPN",) and tokens[0].ent_type_ != "PERSON":
            return None
        head = tokens[0]
        for token in tokens[1:]:
            if token.pos_ == "PROPN" and token.ent_iob_ != "B":
                head = token
            else:
                break
        return head

    # -- 3. reported speech ------------------------------------------------------------------------------

    def reported_speech(self) -> None:
        for index, match in sorted(self.cues.items()):
            if index in self.used_cues:
                continue
            token = self.doc[index]
            if match.cue.lemma == "according to":
                frame = self.according_frame(match)
            elif token.pos_ in ("VERB", "AUX"):
                frame = self.verb_frame(token, match)
            elif token.pos_ in ("NOUN", "PROPN"):
                frame = self.noun_frame(token, match)
            else:
                frame = None
            if frame is not None:
                self.add(frame)

    def content_of(self, tokens: list[Token]) -> tuple[int, int]:
        """The characters of the content phrases, stopping before an attribution of their own
        ("that A, claiming that B": B is a second statement of the same speaker)."""
        start = min(t.left_edge.i for t in tokens)
        end = max(t.right_edge.i for t in tokens) + 1
        for token in self.doc[start:end]:
            if token.i <= start + 1 or token.i not in self.cues or token.i in self.quote_tokens:
                continue
            participle = token.dep_ == "advcl" and token.tag_ == "VBG"
            own_subject = any(c.dep_ in SUBJECTS for c in token.children)
            second = token.dep_ in ("advcl", "conj") and not own_subject and any(c.dep_ in ("ccomp", "xcomp") for c in token.children)
            if participle or (second and token.head.i not in self.quote_tokens):
                end = min(end, token.left_edge.i)
                break
        return self.chars(start, end)

    def verb_frame(self, token: Token, match: CueMatch) -> Frame | None:
        cue = match.cue
        if token.tag_ == "VBN" and token.dep_ in ("acl", "amod", "advcl") and not any(c.dep_ == "auxpass" for c in token.children):
            return None  # "Asked about it, …", "the plan announced on Monday": no speaker
        children = list(token.children)
        rule = ""
        content_tokens: list[Token] = []
        addressee: Token | None = None
        exclude: Token | None = None
        ccomp = [c for c in children if c.dep_ == "ccomp"]
        xcomp = [c for c in children if c.dep_ == "xcomp" and self.infinitive(c)]
        if not xcomp and (cue.kind == "intention" or cue.stance in ("promise", "threaten", "demand", "appeal", "reject", "support")):
            xcomp = [c for c in children if c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)]
        dobj = next((c for c in children if c.dep_ == "dobj"), None)
        if match.end > match.start + 1:  # phrase cues: "call for X", "call on X to …", "point out that …"
            last = self.doc[match.end - 1]
            obj = next((c for c in last.children if c.dep_ == "pobj"), None)
            if last.dep_ == "prt":
                pass
            elif obj is not None and xcomp:
                content_tokens, addressee, rule = [obj, *xcomp], obj, "indirect: Name-called on X to …"
            elif obj is not None:
                content_tokens, rule = [obj], f"indirect: Name-{self.cue_text(match)} X"
        if not content_tokens and ccomp:
            content_tokens, rule = ccomp, "indirect: Name-said that …"
            if dobj is not None and dobj.i < ccomp[0].i:
                addressee = dobj
        if not content_tokens and xcomp and Lexicon.takes_infinitive(cue):
            if dobj is not None and dobj.i < xcomp[0].i:
                content_tokens, addressee, rule = [dobj, *xcomp], dobj, "indirect: Name-pressed X to …"
            elif any(t.dep_ in SUBJECTS for t in xcomp[0].children):
                content_tokens, rule = xcomp, "indirect: Name-wants X to …"
            else:
                content_tokens, rule = xcomp, "indirect: Name-vowed to …"
        if not content_tokens and token.dep_ == "parataxis" and token.head.i not in self.quote_tokens and token.head.pos_ in ("VERB", "AUX"):
            content_tokens, exclude, rule = [token.head], token, "indirect: …, Name-said, …"
        if not content_tokens:
            hosts = [c for c in children if c.dep_ == "parataxis" and c.i < token.i and c.i not in self.quote_tokens]
            if hosts:
                content_tokens, rule = hosts, "indirect: …, Name-said"
        if not content_tokens and token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children) \
                and cue.kind == "speech" and cue.stance is None and cue.lemma not in NOT_AS_FRAME:
            if token.head.pos_ in ("VERB", "AUX") and token.head.i not in self.quote_tokens:
                content_tokens, exclude, rule = [token.head], token, "indirect: as Name-said, …"
        if not content_tokens and dobj is not None:
            if Lexicon.addresses_object(cue) and self.is_entity_like(dobj):
                addressee = dobj
            elif cue.lemma == "call":
                extra = [c for c in children if c.dep_ in ("oprd", "attr", "ccomp", "xcomp") and c.i > dobj.i]
                extra += [c for c in dobj.rights if c.dep_ == "appos" and c.i in self.quote_tokens]
                if extra:
                    content_tokens, rule = [dobj, *extra], "indirect: Name-called X Y"
            elif Lexicon.object_is_content(cue):
                extra = [c for c in children if c.dep_ == "prep" and c.i > dobj.i and c.lower_ in ("of", "for", "over")]
                content_tokens, rule = [dobj, *extra], "indirect: Name-condemned X"
        if not content_tokens:
            prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in self.prep_content(cue)), None)
            if prep is not None and any(g.dep_ in ("pobj", "pcomp") for g in prep.children):
                content_tokens, rule = [prep], f"indirect: Name-{token.lemma_} {prep.lower_} …"
        if not content_tokens:
            return None
        speaker = self.subject(token)
        if speaker is None or speaker.dep_ == "expl":
            return None
        paragraph = self.paragraph_range(token.idx)
        if not (paragraph[0] <= speaker.idx < paragraph[1]) or not all(paragraph[0] <= t.idx < paragraph[1] for t in content_tokens):
            return None  # the parse runs across a paragraph break
        content = self.content_of(content_tokens)
        if exclude is not None:
            content = self.hull_without(content_tokens[0], exclude)
        content = (max(content[0], paragraph[0]), min(content[1], paragraph[1]))
        around = content[0] <= token.idx < content[1]
        if content[0] <= speaker.idx < content[1] and exclude is None:
            return None
        kind, why = self.reported_kind(content)
        frame = Frame(
            speaker=speaker, cue=match, cue_chars=self.cue_chars(match), content=content, kind=kind, rule=rule,
            sentence=self.sentence_of(token.i), addressee=addressee, why=[f"cue {self.cue_text(match)!r}"] + why,
            negated=self.cue_negated(token), around=around,
        )
        if frame.addressee is None:
            frame.addressee = self.addressee_of(token, content)
        return frame

    def prep_content(self, cue) -> set[str]:  # type: ignore[no-untyped-def]
        if cue.kind != "speech" or cue.lemma in ("say", "tell", "add", "state", "write", "note", "report", "continue"):
            return set()  # "we know about it", "he said of Congress": not what was said
        preps = {"about"}
        if cue.lemma in ("respond", "reply", "answer", "react", "object"):
            preps.add("to")
        if cue.stance in ("threaten", "disapprove", "accuse", "reject") or cue.lemma in ("speak", "talk", "think", "hear", "learn", "complain"):
            preps |= {"of", "against"}
        if cue.stance in ("demand", "appeal", "support"):
            preps |= {"for"}
        return preps

    def infinitive(self, token: Token) -> bool:
        return token.pos_ in ("VERB", "AUX") and (token.tag_ == "VB" or any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))

    def hull_without(self, host: Token, frame: Token) -> tuple[int, int]:
        """The host clause of a parenthetical frame ("X, economists say, Y"): the whole host, frame inside."""
        inner = {t.i for t in frame.subtree}
        tokens = [t for t in host.subtree if t.i not in inner and not t.is_space]
        tokens = [t for t in tokens if t.sent.start == host.sent.start]
        if not tokens:
            return (0, 0)
        return self.chars(tokens[0].i, tokens[-1].i + 1)

    def reported_kind(self, content: tuple[int, int]) -> tuple[str, list[str]]:
        inside = [q for q in self.quotes if q.start < content[1] and q.end > content[0]]
        if not inside:
            return "indirect", []
        if len(inside) == 1 and inside[0].start <= content[0] and content[1] <= inside[0].end + 1:
            return "direct", []
        return "mixed", [f"quotes {self.text[inside[0].start : inside[0].end]!r}"]

    def according_frame(self, match: CueMatch) -> Frame | None:
        """According to X, Y. / Y, according to X."""
        doc = self.doc
        according = doc[match.start]
        source = self.according_source(match)
        if source is None:
            return None
        phrase = {t.i for t in according.subtree} | set(range(match.start, match.end)) | {t.i for t in source.subtree}
        sent = according.sent
        tokens = [t for t in sent if t.i not in phrase and not t.is_space]
        if according.head.i != according.i and according.head.pos_ in ("NOUN", "PROPN", "NUM") and according.head.sent == sent:
            pass  # "the number of X, according to Y": still the sentence's claim
        tokens = [t for t in tokens if not (t.is_punct and t.text not in "“”\"'‘’«»")] or []
        if len([t for t in tokens if t.is_alpha]) < 3:
            return None
        content = self.chars(tokens[0].i, tokens[-1].i + 1)
        kind, why = self.reported_kind(content)
        return Frame(
            speaker=source, cue=match, cue_chars=self.cue_chars(match), content=content, kind=kind,
            rule="indirect: according to X, …", sentence=(sent.start_char, sent.end_char), why=["cue 'according to'"] + why,
            around=content[0] <= according.idx < content[1],
        )

    def noun_frame(self, token: Token, match: CueMatch) -> Frame | None:
        """His statement that …, her pledge to …, a warning from X that …"""
        children = list(token.children)
        clause = [c for c in children if c.dep_ in ("acl", "ccomp", "relcl") and (
            any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children) or self.infinitive(c) and c.dep_ != "relcl"
        ) and c.i > token.i]
        if not clause or any(g.dep_ == "nsubj" and g.lower_ in RELATIVE for g in clause[0].children):
            return None
        if clause[0].dep_ == "relcl" or (clause[0].dep_ == "acl" and any(g.dep_ == "dobj" and g.lower_ == "that" for g in clause[0].children)):
            return None
        speaker = next((c for c in children if c.dep_ == "poss"), None)
        if speaker is None:
            prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
            speaker = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        if speaker is None and token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT_VERBS:
            speaker = self.subject(token.head)
        if speaker is None:
            return None
        content = self.content_of(clause)
        kind, why = self.reported_kind(content)
        return Frame(
            speaker=speaker, cue=match, cue_chars=self.cue_chars(match), content=content, kind=kind, rule="indirect: Name's statement that …",
            sentence=self.sentence_of(token.i), why=[f"cue noun {token.text!r}"] + why, negated=False,
        )

    # -- 4. headlines and labels ----------------------------------------------------------------------

    def headline(self) -> None:
        """A title "US pressures China over human rights": a subject at the start, then a cue."""
        if self.title_chars is None:
            return
        start, end = self.title_chars
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(span.start_char <= f.content[0] < span.end_char for f in self.frames):
            return
        tokens = [t for t in span if not t.is_space]
        if not tokens:
            return
        subject_end = 0
        while subject_end < len(tokens) and (tokens[subject_end].pos_ in ("PROPN", "DET", "ADJ", "NOUN") and tokens[subject_end].i not in self.cues or tokens[subject_end].text in (".", "'s", "’s")):
            subject_end += 1
        if subject_end == 0 or subject_end >= len(tokens):
            return
        cue_token = tokens[subject_end]
        match = self.cues.get(cue_token.i)
        if match is None or match.cue.kind != "speech":
            return
        if any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" and t.i != cue_token.i for t in tokens):
            return  # "Paris attacks test Clinton's strategy": another word is the verb
        names = [t for t in tokens[:subject_end] if t.pos_ == "PROPN" or t.ent_type_]
        if not names:
            return
        self.add(Frame(
            speaker=names[-1], cue=match, cue_chars=self.cue_chars(match), content=trim(self.text, span.start_char, span.end_char),
            kind="indirect", rule="headline: Name-cue …", sentence=(span.start_char, span.end_char),
            why=["the title: a subject, then the cue"], around=True,
        ))

    def colon_labels(self) -> None:
        """"Name: text" in a title or at the start of a paragraph (interview transcripts)."""
        labels: dict[str, int] = {}
        candidates = []
        for number, (start, end) in enumerate(self.paragraphs):
            colon = self.text.find(":", start, min(end, start + 60))
            if colon < 0 or colon + 1 >= end or any(f.content[0] <= colon < f.content[1] or (f.cue_chars and f.cue_chars[0] <= colon < f.cue_chars[1]) for f in self.frames):
                continue
            label = self.text[start:colon].strip()
            if not label or not label[0].isupper() or len(label.split()) > 5 or any(ch.isdigit() for ch in label):
                continue
            span = self.doc.char_span(start, colon, alignment_mode="expand")
            if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
                continue
            labels[label] = labels.get(label, 0) + 1
            candidates.append((number, start, end, colon, label, span))
        is_title = lambda s: self.title_chars is not None and self.title_chars[0] <= s < self.title_chars[1]  # noqa: E731
        for number, start, end, colon, label, span in candidates:
            words = [t for t in span if not t.is_punct]
            capitalised = bool(words) and all(t.text[:1].isupper() for t in words) and len(words) <= 4
            person = any(t.ent_type_ == "PERSON" for t in span)
            repeated = labels[label] >= 2 and (label.isupper() or person)
            title_label = is_title(start) and capitalised and label.lower() not in NOT_SPEAKER_LABELS
            if not title_label and not (repeated and not is_title(start)):
                continue
            content_end = end
            if is_title(start) and self.title_chars is not None:
                content_end = min(end, self.title_chars[1])
            content = trim(self.text, colon + 1, content_end)
            if content[1] - content[0] < 3:
                continue
            kind, why = self.reported_kind(content)
            self.add(Frame(
                speaker=span[-1], cue=None, cue_chars=(colon, colon + 1), content=content,
                kind=kind if is_title(start) else "direct", rule="label: Name: …",
                sentence=(start, end), why=["a title naming the speaker before a colon" if is_title(start) else "a speaker label in a transcript"] + why,
            ))


def quote_root(span: SpacySpan) -> Token | None:
    """The word of a quotation that hangs outside it (the head of the quoted clause or phrase)."""
    roots = [t for t in span if not t.is_punct and (t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i)]
    return roots[0] if roots else None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace and edge punctuation (keeping quote marks and a period inside a quote)."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    if end > start and text[end - 1] == "." and not (end - 2 >= start and text[end - 2] == "."):
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end
