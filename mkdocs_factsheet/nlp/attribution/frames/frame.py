"""The attribution frame, and the frames found so far in one doc (which every construction consults)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ...lexicon import CueMatch
from ..quotes import Quote


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
    follows: Frame | None = None  # a continuation: the speaker is that frame's speaker
    quote: Quote | None = None
    relay_of: Frame | None = None
    negated: bool = False
    around: bool = False  # the content runs around the attribution ("X, Y said, Z"; "“A,” he said. “B”")

    @property
    def cue_kind(self) -> str:
        """The kind of the cue ("speech" for a frame without one: a label, a dash)."""
        return self.cue.cue.kind if self.cue else "speech"


class Findings:
    """The frames found so far, in the order found, and the cues they took (a cue makes one frame)."""

    def __init__(self) -> None:
        self.frames: list[Frame] = []
        self.used_cues: set[int] = set()  # token index of the first word of each cue taken

    def add(self, frame: Frame) -> None:
        """Keep a frame unless its content is empty; its cue is taken."""
        if frame.content[1] <= frame.content[0]:
            return
        if frame.cue is not None:
            self.used_cues.add(frame.cue.start)
        self.frames.append(frame)

    def drop_from(self, char: int) -> None:
        """Give up the frames whose content starts at character `char` or after (a transcript's own attribution
        replaces them)."""
        self.frames = [frame for frame in self.frames if frame.content[0] < char]

    def add_continuation(self, frame: Frame) -> None:
        """Keep a continuation as it is (it shares the cue of the frame it follows)."""
        self.frames.append(frame)
