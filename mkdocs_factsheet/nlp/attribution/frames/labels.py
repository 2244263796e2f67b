"""Labels and headlines: "— Name" signing a quotation or an embedded post, a title "US pressures China
over …" (subject + cue), and "Name: text" in a title or a transcript."""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...text import DASHES
from .frame import Findings, Frame
from .index import DocIndex, trim

_SIGNATURE = re.compile(r" [-—―–] ?[^\n]{1,60}\(@")  # "— Name (@handle)" closing an embedded post
# "((Zara Kay))  I am good, thanks." opening a paragraph: a speaker label in an interview transcript (Wikinews')
_BRACKET_LABEL = re.compile(r"\s*\(\(([^()\n]{1,40})\)\)")
# "Natasha Gownaris: I've wanted …", "NG: This study started …": a turn opened by a name or its initials and a colon
# inside a transcript of bracket labels
_COLON_LABEL = re.compile(r"\s*([A-Z][A-Za-z.'’ -]{0,40}?):\s")
_TRANSCRIPT_TURNS = 2  # labelled paragraphs that make a transcript
NOT_SPEAKER_LABELS = {
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "update",
    "updated",
    "watch",
    "video",
    "editorial",
    "live",
    "review",
    "photos",
    "photo",
    "poll",
    "report",
    "explainer",
    "fact check",
    "factbox",
    "timeline",
    "q&a",
    "interview",
}


class _Label(NamedTuple):
    """A paragraph opening "Label: …"."""

    start: int  # the paragraph's characters
    end: int
    colon: int
    label: str
    span: SpacySpan  # the label's tokens


class Labels:
    """Finds the frames that a label, a dash or a headline's shape attributes."""

    def __init__(self, index: DocIndex, found: Findings):
        self.index = index
        self.found = found
        # the words of the people the text below the title names ("Pence" of "Mike Pence"), for a title's label
        below = index.title_chars[1] if index.title_chars is not None else 0
        self.person_words = frozenset(
            t.text for ent in index.doc.ents if ent.label_ == "PERSON" and ent.start_char >= below for t in ent
        )

    # -- "— Name" after a quotation (tweets, epigraphs) ---------------------------------------------------

    def dash_frames(self) -> None:
        """A quote-only paragraph signed "— Name" in the next one, and posts signed "— Name (@handle)"."""
        text = self.index.text
        for number, (start, end) in enumerate(self.index.paragraphs):
            stripped = text[start:end].lstrip()
            if stripped[:1] in DASHES:  # "- Hillary Clinton." after a quote-only paragraph
                self.signed_quote(number, start, end - len(stripped), end)
            else:
                self.signed_post(start, end)

    def signed_quote(self, number: int, start: int, dash: int, end: int) -> None:
        """The quotation of the paragraph before a "— Name" paragraph (`start`-`end`, its dash at `dash`)."""
        quotes = [(q, s) for q, s in self.index.quote_spans if q.paragraph == number - 1]
        if not quotes or not self.index.quote_paragraph(quotes[0][0]):
            return
        if any(f.quote is quotes[0][0] for f in self.found.frames):
            return  # attributed already
        speaker = self.name_after(dash + 1, end)
        if speaker is None:
            return
        quote, span = quotes[0]
        self.found.add(
            Frame(
                speaker=speaker,
                cue=None,
                cue_chars=(start, start + 1),
                content=trim(self.index.text, quote.start, quote.end),
                kind="direct",
                rule="direct: “…” ¶ — Name",
                sentence=(span[0].sent.start_char, span[-1].sent.end_char),
                quote=quote,
                why=["signed with a dash in the next paragraph"],
            )
        )

    def signed_post(self, start: int, end: int) -> None:
        """An embedded post in a paragraph, signed "— Name (@handle) date": the text before the dash."""
        text = self.index.text
        for dash in _SIGNATURE.finditer(text, start + 1, end):
            position = dash.start() + 1
            if "(@" not in text[position + 1 : end][:80]:
                continue  # no "(@handle)" after the name: not a signed post
            speaker = self.name_after(position + 1, end)
            if speaker is None:
                continue
            self.found.add(
                Frame(
                    speaker=speaker,
                    cue=None,
                    cue_chars=(position, position + 1),
                    content=trim(text, start, position),
                    kind="direct",
                    rule="direct: text — Name (@handle)",
                    sentence=(start, end),
                    why=["an embedded post signed with a dash"],
                )
            )
            break

    def name_after(self, start: int, end: int) -> Token | None:
        """The name starting at `start`: its last word (the run of proper nouns of one entity)."""
        span = self.index.doc.char_span(start, end, alignment_mode="expand")
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

    # -- headlines and "Name: text" ---------------------------------------------------------------------------

    def headline(self) -> None:
        """A title "US pressures China over human rights": a subject at the start, then a cue."""
        if self.index.title_chars is None:
            return
        start, end = self.index.title_chars
        span = self.index.doc.char_span(start, end, alignment_mode="expand")
        if span is None or any(span.start_char <= f.content[0] < span.end_char for f in self.found.frames):
            return
        tokens = [t for t in span if not t.is_space]
        if not tokens:
            return
        if self.trailing_headline(span, tokens):
            return
        subject_end = 0
        while subject_end < len(tokens) and self.subject_word(tokens[subject_end]):
            subject_end += 1
        if subject_end == 0 or subject_end >= len(tokens):
            return
        cue_token = tokens[subject_end]
        match = self.index.cues.get(cue_token.i)
        if match is None or match.cue.kind != "speech":
            return
        if any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" and t.i != cue_token.i for t in tokens):
            return  # "Paris attacks test Clinton's strategy": another word is the verb
        if match.cue.deed:
            return  # "Louisiana declares state of emergency": a deed, unless the parse shows something said
        names = [t for t in tokens[:subject_end] if t.pos_ == "PROPN" or t.ent_type_]
        if not names:
            return
        self.found.add(
            Frame(
                speaker=names[-1],
                cue=match,
                cue_chars=self.index.cue_chars(match),
                content=trim(self.index.text, span.start_char, span.end_char),
                kind="indirect",
                rule="headline: Name-cue …",
                sentence=(span.start_char, span.end_char),
                why=["the title: a subject, then the cue"],
                around=True,
            )
        )

    def trailing_headline(self, span: SpacySpan, tokens: list[Token]) -> bool:
        """A title "Face coverings to be mandatory on public transport, transport secretary declares": what was
        said, a comma, then a subject and a cue ending the title. Adds its frame; False when the title is not so."""
        words = [t for t in tokens if not (t.is_punct and t.text in ".!")]
        commas = [i for i, t in enumerate(words) if t.text == ","]
        if not commas or commas[-1] < 3 or commas[-1] >= len(words) - 2:
            return False
        subject, cue_token = words[commas[-1] + 1 : -1], words[-1]
        match = self.index.cues.get(cue_token.i)
        if match is None or match.cue.kind != "speech" or not all(self.subject_word(t) for t in subject):
            return False
        heads = [t for t in subject if t.pos_ in ("PROPN", "NOUN") or t.ent_type_]
        if not heads:
            return False
        content_end = words[commas[-1]].idx
        self.found.add(
            Frame(
                speaker=heads[-1],
                cue=match,
                cue_chars=self.index.cue_chars(match),
                content=trim(self.index.text, span.start_char, content_end),
                kind="indirect",
                rule="headline: …, Name-cue",
                sentence=(span.start_char, span.end_char),
                why=["the title: what was said, then a subject and the cue"],
            )
        )
        return True

    def subject_word(self, token: Token) -> bool:
        """Can a title word belong to the subject before the cue (a name, noun or determiner, not a cue)?"""
        if token.text in (".", "'s", "’s"):
            return True
        return token.pos_ in ("PROPN", "DET", "ADJ", "NOUN") and token.i not in self.index.cues

    def colon_labels(self) -> None:
        """ "Name: text" in a title or at the start of a paragraph (interview transcripts)."""
        candidates = self.label_candidates()
        counts: dict[str, int] = {}
        for candidate in candidates:
            counts[candidate.label] = counts.get(candidate.label, 0) + 1
        for candidate in candidates:
            self.label_frame(candidate, counts[candidate.label])

    def transcript_labels(self) -> None:
        """An interview transcript whose paragraphs open with "((Name))": each answer, with the paragraphs after
        it until the next label, is one direct quotation of the person the label names; a question (a label
        naming no person of the article: "((WN))", an interviewer's initials) is no position. Inside it, a
        paragraph opening "Name:" or the initials of a person the article names ("NG:") is an answer too. The
        frames other constructions found inside the transcript give way (its "I said …" is the answer's
        speaker's)."""
        text, doc = self.index.text, self.index.doc
        people = {ent.text for ent in doc.ents if ent.label_ == "PERSON"}
        # a turn: its paragraphs, where its words start, its label's characters, whom it names
        turns: list[tuple[int, int, int, tuple[int, int], SpacySpan | None]] = []
        for start, end in self.index.paragraphs:
            label = _BRACKET_LABEL.match(text, start, end)
            if label is not None:
                name = label.group(1).strip()
                span = doc.char_span(label.start(1), label.end(1), alignment_mode="expand")
                speaker = span if span is not None and any(name in person for person in people) else None
                turns.append((start, end, label.end(), label.span(1), speaker))
            elif turns and (colon := _COLON_LABEL.match(text, start, end)) is not None:
                named = self.named_by(colon.group(1).strip(), colon.start(1))
                turns.append((start, end, colon.end(), colon.span(1), named))
            elif turns:  # the answer goes on
                opened, _, words, chars, speaker = turns[-1]
                turns[-1] = (opened, end, words, chars, speaker)
        if len(turns) < _TRANSCRIPT_TURNS:
            return  # one bracketed word opening a paragraph ("((hu)) Hungarian language: …") is no transcript
        self.found.drop_from(turns[0][0])
        for start, end, words, chars, voice in turns:
            content = trim(text, words, end)
            if voice is None or content[1] - content[0] < 3:
                continue
            self.found.add(
                Frame(
                    speaker=voice[-1],
                    cue=None,
                    cue_chars=chars,
                    content=content,
                    kind="direct",
                    rule="label: ((Name)) …",
                    sentence=(start, end),
                    why=["a speaker label in an interview transcript"],
                )
            )

    def named_by(self, label: str, char: int) -> SpacySpan | None:
        """The person a transcript's colon label at character `char` names: in full or in part ("Natasha
        Gownaris:", the label's own words), or by initials ("NG:", a name the article gives); None for anyone else
        (an interviewer's label)."""
        doc = self.index.doc
        people = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        if any(label in ent.text for ent in people):
            return doc.char_span(char, char + len(label), alignment_mode="expand")
        if not (label.isupper() and label.isalpha() and 2 <= len(label) <= 4):
            return None
        named = {ent.text: ent for ent in people if "".join(word[0] for word in ent.text.split()) == label}
        return next(iter(named.values())) if len(named) == 1 else None

    def label_candidates(self) -> list[_Label]:
        """Paragraphs opening with a short capitalised label without a verb and a colon, outside the frames found."""
        text = self.index.text
        found: list[_Label] = []
        for start, end in self.index.paragraphs:
            colon = text.find(":", start, min(end, start + 60))
            if colon < 0 or colon + 1 >= end or self.taken(colon):
                continue
            label = text[start:colon].strip()
            if not label or not label[0].isupper() or len(label.split()) > 5 or any(ch.isdigit() for ch in label):
                continue
            span = self.index.doc.char_span(start, colon, alignment_mode="expand")
            if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
                continue
            found.append(_Label(start, end, colon, label, span))
        return found

    def taken(self, char: int) -> bool:
        """Does a frame found so far have `char` in its content or its cue?"""
        return any(
            f.content[0] <= char < f.content[1] or (f.cue_chars and f.cue_chars[0] <= char < f.cue_chars[1])
            for f in self.found.frames
        )

    def in_title(self, char: int) -> bool:
        """Does `char` lie in the title?"""
        return self.index.title_chars is not None and self.index.title_chars[0] <= char < self.index.title_chars[1]

    def label_frame(self, candidate: _Label, count: int) -> None:
        """Add the frame of a label naming a speaker: in the title, or repeated in a transcript (`count` times)."""
        start, end, colon, label, span = candidate
        in_title = self.in_title(start)
        words = [t for t in span if not t.is_punct]
        capitalised = bool(words) and all(t.text[:1].isupper() for t in words) and len(words) <= 4
        person = any(t.ent_type_ == "PERSON" for t in span)
        repeated = count >= 2 and (label.isupper() or person)
        # a title's label is a person the text below it names ("Pence: …" over "Mike Pence"); "Indian Railway:
        # all-women crew …" (a person to the model in the title alone), "Study: …", "The Latest: …" name a topic
        named = all(t.text in self.person_words for t in words)
        title_label = in_title and capitalised and named and label.lower() not in NOT_SPEAKER_LABELS
        if not title_label and not (repeated and not in_title):
            return
        content_end = end
        if in_title and self.index.title_chars is not None:
            content_end = min(end, self.index.title_chars[1])
        content = trim(self.index.text, colon + 1, content_end)
        if content[1] - content[0] < 3:
            return
        kind, why = self.index.reported_kind(content)
        self.found.add(
            Frame(
                speaker=span[-1],
                cue=None,
                cue_chars=(colon, colon + 1),
                content=content,
                kind=kind if in_title else "direct",
                rule="label: Name: …",
                sentence=(start, end),
                why=["a title naming the speaker before a colon" if in_title else "a speaker label in a transcript"]
                + why,
            )
        )
