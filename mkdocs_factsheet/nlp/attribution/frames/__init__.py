"""Finding attribution frames in a parsed doc: who (a token), the cue, and the content (characters).

A frame is found from quotation structure first, then from the dependency parse:

1. direct quotes (`direct`): each quotation looks for an attribution right after it (“…,” X said /
   said X), right before it (X said: “…” / X told Y, “…” / according to X, “…”), or is a continuation
   of the quote before it (split by the attribution, open across paragraphs, or a quote-only paragraph
   right after a speaker's quote). A quotation embedded in a clause (warned that Beijing will be
   held “accountable”) is not a direct quote: it makes the reported speech around it `mixed`.
2. reported speech (`reported`): every other cue verb takes as content its clause complement
   (that-clause), a parenthetical host clause (…, X said, …), a to-infinitive (vowed to …, pressed
   China to …), an object where the cue takes one (condemned the coup), or the clause an
   `according to X` qualifies.
3. headlines and labels (`labels`): a title "US pressures China over …" (subject + cue), "Name: text"
   in a title or a transcript, and "— Name" after a quotation.

All three read one per-document index (`index`: quotations, cues, paragraphs, title) and add to the
frames found so far (`frame.Findings`), which later constructions consult. Speakers are resolved
afterwards (speakers.py), in document order.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...lexicon import Lexicon
from .direct import DirectQuotes
from .frame import Findings, Frame
from .index import DocIndex
from .labels import Labels
from .reported import PASSIVE_RULES, ReportedSpeech


class FrameFinder:
    """Finds the frames of one doc: builds its index, runs the constructions in order, sorts the frames."""

    def __init__(self, doc: Doc, lexicon: Lexicon, title_chars: tuple[int, int] | None = None, text: str | None = None):
        self.index = DocIndex(doc, lexicon, title_chars, text)
        self.quote_tokens = self.index.quote_tokens  # token index → quote it lies in (marks included)

    def find(self) -> list[Frame]:
        """Every frame, by content start and end (a cue makes one frame; earlier constructions take it first)."""
        found = Findings()
        labels = Labels(self.index, found)
        direct = DirectQuotes(self.index, found)
        direct.find()
        labels.dash_frames()
        ReportedSpeech(self.index, found).find()
        direct.after_colon()
        direct.after_reported()
        labels.headline()
        labels.colon_labels()
        labels.transcript_labels()
        return sorted(found.frames, key=lambda f: (f.content[0], f.content[1]))


__all__ = ["PASSIVE_RULES", "Frame", "FrameFinder"]
