"""Positions: who said what (attribution of direct, indirect and mixed quotes).

`find_positions` turns the attributions found by `mkdocs_factsheet.attribution` into the fact
sheet's `Position`s: the speaker mention with its actor and party, the cue, the content, its kind
(direct: inside quotation marks; mixed: reported with quoted words; indirect), the issues the
content touches, the addressee or target party, the stance (from the cue, else from a stance word
heading the content), the rule that fired, and the reasons. See docs/guide/positions.md.
"""

from __future__ import annotations

from .analysis import Analysis
from .attribution import Attribution, Nesting, attribute
from .lexicon import Lexicon
from ..model import Position, Speaker, Span

_TYPES = {"speech": "statement", "thought": "thought", "intention": "intention"}


def find_positions(analysis: Analysis) -> list[Position]:
    """Attributed statements in an analysed article, in document order."""
    return positions_of(analysis, attribute(analysis))


def extract_positions(analysis: Analysis, *, nesting: Nesting = "inner", negated: bool = False) -> list[Position]:
    """`find_positions` with the nesting policy and negated cues made explicit (for evaluations)."""
    return positions_of(analysis, attribute(analysis, nesting=nesting, negated=negated))


def positions_of(analysis: Analysis, attributions: list[Attribution]) -> list[Position]:
    lexicon = analysis.rules.lexicon
    return [_position(analysis, lexicon, attribution) for attribution in attributions]


def _span(analysis: Analysis, start: int, end: int) -> Span:
    """A model `Span` for doc character offsets (as `Analysis.char_span`, without rebuilding `doc.text`)."""
    offset = analysis.offset
    return Span(analysis.article.text[start + offset : end + offset], start + offset, end + offset)


def _position(analysis: Analysis, lexicon: Lexicon, attribution: Attribution) -> Position:
    frame, resolved = attribution.frame, attribution.speaker
    identity = resolved.identity
    speaker_span = _span(analysis, resolved.start, resolved.end)
    speaker = Speaker(speaker_span.text, speaker_span.start, speaker_span.end, identity.actor, identity.party)
    content = _span(analysis, *frame.content)
    cue = _span(analysis, *frame.cue_chars) if frame.cue_chars else None
    why = [f"rule {frame.rule}"] + list(frame.why)
    speaker_why = list(identity.why)
    if not resolved.resolved and not any("unresolved" in w for w in speaker_why):
        speaker_why.append(f"unresolved: {identity.name!r} has no party in the rules")
    why += [f"speaker: {w}" for w in speaker_why]
    stance = frame.cue.cue.stance if frame.cue else None
    if stance is None:
        found = lexicon.stance_of(_content_heads(analysis, frame.content))
        if found is not None:
            stance = found[0]
            why.append(f"stance {stance!r} from {found[1]!r} in the content")
    elif frame.cue:
        why.append(f"stance {stance!r} from the cue {frame.cue.cue.lemma!r}")
    addressee = _addressee(analysis, attribution)
    if addressee is not None:
        why.append(f"addressed to or aimed at {addressee}")
    issues = analysis.issues_in(content.start, content.end)
    sentence = _span(analysis, *frame.sentence) if frame.sentence[1] > frame.sentence[0] else None
    return Position(
        speaker=speaker, cue=cue, content=content, kind=frame.kind,  # type: ignore[arg-type]
        issues=issues, stance=stance, rule=frame.rule, type=_TYPES.get(frame.cue_kind, "statement"),  # type: ignore[arg-type]
        sentence=sentence, addressee=addressee, why=why,
    )


def _content_heads(analysis: Analysis, content: tuple[int, int]) -> list:  # type: ignore[type-arg]
    """The words heading the content: its root predicate, with its auxiliaries and complements."""
    span = analysis.doc.char_span(*content, alignment_mode="expand")
    if span is None:
        return []
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    heads = []
    for root in roots[:2]:
        heads.append(root)
        heads.extend(c for c in root.children if c.dep_ in ("aux", "xcomp", "acomp", "dobj", "neg"))
    return heads


def _addressee(analysis: Analysis, attribution: Attribution) -> str | None:
    """The party addressed ("told Blinken") or, for a stance aimed at someone, the party the content targets."""
    frame = attribution.frame
    own = attribution.speaker.identity.party
    if frame.addressee is not None:
        for mention in analysis.mentions:
            if mention.start <= frame.addressee.i < mention.end:
                return mention.party
        for mention in analysis.mentions:  # "told Chinese officials": a mention inside the addressee phrase
            if frame.addressee.left_edge.i <= mention.start and mention.end <= frame.addressee.right_edge.i + 1:
                return mention.party
    stance = frame.cue.cue.stance if frame.cue else None
    if stance is None and not frame.rule.startswith("headline"):
        return None
    start, end = frame.content
    for mention in analysis.mentions:
        char = analysis.doc[mention.start].idx
        if start <= char < end and mention.party != own:
            return mention.party
    return None

