"""Attribution: finding who said (thought, wants) what, for `positions.find_positions`.

- `quotes`: pairing quote marks into quotations;
- `lexicon`: the cue and stance lexicon compiled from the rules' `cues/` files;
- `frames`: attribution frames from quotation and dependency structure;
- `speakers`: the speaker's span, actor and party (pronouns, roles, descriptions).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..analysis import Analysis
from .frames import Frame, FrameFinder
from ..lexicon import Lexicon
from .speakers import Identity, Resolved, Speakers

Nesting = Literal["inner", "outer", "all"]


@dataclass
class Attribution:
    """A frame with its speaker resolved."""

    frame: Frame
    speaker: Resolved


def attribute(analysis: Analysis, *, nesting: Nesting = "inner", negated: bool = False) -> list[Attribution]:
    """Every attribution in an analysed article, in document order.

    `nesting` decides what happens when one attribution reports another ("X said Y warned that …",
    "according to X, Y pressed Z to …"): `inner` keeps the inner one and notes the relay in its
    reasons (fact sheets: what Y said), `outer` keeps the outer one (PolNeAR's univocal
    annotation), `all` keeps both. Negated cues ("did not mention") are dropped unless `negated`.
    """
    if not analysis.doc.has_annotation("DEP"):
        # `blank` mode: frames are read off the dependency tree, and without a parse spaCy leaves
        # some tokens' tree edges unset, so walking them reads outside the document (a
        # segmentation fault, seen on Reuters stories). No parse, no positions.
        return []
    lexicon = analysis.rules.lexicon
    title = None
    if analysis.article.title_span is not None:
        start, end = analysis.article.title_span
        if start >= analysis.offset:
            title = (start - analysis.offset, end - analysis.offset)
    finder = FrameFinder(analysis.doc, lexicon, title, analysis.article.text[analysis.offset :])
    frames = [f for f in finder.find() if negated or not f.negated]
    frames = _settle_nesting(frames, nesting)
    speakers = Speakers(analysis, set(finder.quote_tokens), [f.content for f in frames if not f.rule.startswith(("headline", "label"))])
    found: list[Attribution] = []
    resolved: dict[int, Resolved] = {}
    ordered = sorted((f for f in frames if f.follows is None), key=lambda f: min(f.content[0], f.speaker.idx if f.speaker is not None else f.content[0]))
    ordered += [f for f in frames if f.follows is not None]
    for frame in ordered:
        if frame.follows is not None:
            if id(frame.follows) not in resolved:
                continue
            source = resolved[id(frame.follows)]
            speaker = Resolved(source.start, source.end, source.identity)
        elif frame.speaker is not None:
            start, end = speakers.span_of(frame.speaker)
            if frame.content[0] <= start < frame.content[1] and not frame.around:
                continue  # a speaker inside what it is said to have said: a misparse
            identity = speakers.identify(frame.speaker, content=frame.content, addressee=frame.addressee)
            speaker = Resolved(start, end, identity)
            speakers.add_speaker(frame.speaker, identity)
        else:
            continue
        resolved[id(frame)] = speaker
        found.append(Attribution(frame, speaker))
    found.sort(key=lambda a: (a.frame.content[0], a.frame.content[1]))
    return found


def _settle_nesting(frames: list[Frame], nesting: Nesting) -> list[Frame]:
    """Attributions inside the content of another: keep the inner (relay noted), the outer, or both."""
    if nesting == "all":
        return frames
    inside: dict[int, Frame] = {}  # id(inner) → outer
    for outer in frames:
        for inner in frames:
            if inner is outer or inner.cue_chars is None or outer.follows is not None:
                continue
            if outer.content[0] <= inner.cue_chars[0] < outer.content[1] and inner.speaker is not None and outer.content[0] <= inner.speaker.idx < outer.content[1]:
                inside[id(inner)] = outer
    if nesting == "outer":
        dropped = {key for key in inside}
        return [f for f in frames if id(f) not in dropped and not (f.follows is not None and id(f.follows) in dropped)]
    relays = set()
    for inner in frames:
        outer = inside.get(id(inner))
        if outer is None or outer.quote is not None and outer.kind == "direct" or not _heads(outer, inner):
            continue
        relays.add(id(outer))
        speaker = outer.speaker.text if outer.speaker is not None else "?"
        cue = outer.cue.cue.lemma if outer.cue is not None else "?"
        inner.why.append(f"reported by {speaker!r} ({cue!r})")
        inner.relay_of = outer
    return [f for f in frames if id(f) not in relays]


# Cues stating a stance rather than reporting an act of speech: "Yang said China opposes …" is Yang's statement.
STANCE_STATES = frozenset({"support", "oppose", "back", "endorse", "favor", "favour", "welcome", "approve", "embrace", "champion", "defend", "reject", "refuse"})


def _heads(outer: Frame, inner: Frame) -> bool:
    """Is the inner attribution what the outer one reports (its cue, a report of speech, heads the outer content)?"""
    if inner.cue is None or outer.cue is None:
        return False
    if inner.cue.cue.kind != "speech" or inner.cue.cue.lemma in STANCE_STATES:
        return False
    doc = outer.cue and inner.speaker.doc if inner.speaker is not None else None
    if doc is None:
        return False
    span = doc.char_span(*outer.content, alignment_mode="expand")
    if span is None:
        return False
    roots = [t for t in span if t.head.i == t.i or not (span.start <= t.head.i < span.end)]
    return any(inner.cue.start <= root.i < inner.cue.end for root in roots if not root.is_punct)


__all__ = ["Attribution", "Frame", "FrameFinder", "Identity", "Lexicon", "Resolved", "Speakers", "attribute"]
