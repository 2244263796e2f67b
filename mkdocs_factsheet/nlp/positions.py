"""Positions: who said what (attribution of direct, indirect and mixed quotes).

`positions_of` turns the attributions found by `nlp.attribution` into the fact sheet's
`Position`s: the speaker mention with its actor and party, the cue, the content, its kind
(direct: inside quotation marks; mixed: reported with quoted words; indirect), the issues the
content touches, the addressee or target party, the stance (from the cue, else from a stance word
heading the content), the rule that fired, and the reasons. See docs/guide/positions.md.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..model import Position, PositionType, Speaker
from .attribution import Attribution
from .lexicon import Lexicon
from .mentions import IssueMentions, Mention
from .text import BodyText

_TYPES: dict[str, PositionType] = {"speech": "statement", "thought": "thought", "intention": "intention"}
# Stances whose content is the speaker's own act: a party named there is what the act is about, friend or foe
# ("vowed to counter China's abuses", "pledged to help Ukraine"), not whom the stance aims at.
OWN_ACT_STANCES = frozenset({"promise"})


def positions_of(
    attributions: list[Attribution],
    doc: Doc,
    text: BodyText,
    lexicon: Lexicon,
    mentions: list[Mention],
    issue_mentions: IssueMentions,
) -> list[Position]:
    """The positions of a parsed article's attributions, in their order."""
    return [_position(attribution, doc, text, lexicon, mentions, issue_mentions) for attribution in attributions]


def _position(
    attribution: Attribution,
    doc: Doc,
    text: BodyText,
    lexicon: Lexicon,
    mentions: list[Mention],
    issue_mentions: IssueMentions,
) -> Position:
    frame, resolved = attribution.frame, attribution.speaker
    identity = resolved.identity
    speaker_span = text.span(resolved.start, resolved.end)
    speaker = Speaker(speaker_span.text, speaker_span.start, speaker_span.end, identity.actor, identity.party)
    content = text.span(*frame.content)
    cue = text.span(*frame.cue_chars) if frame.cue_chars else None
    why = [f"rule {frame.rule}"] + list(frame.why)
    speaker_why = list(identity.why)
    if not resolved.resolved and not any("unresolved" in w for w in speaker_why):
        speaker_why.append(f"unresolved: {identity.name!r} has no party in the rules")
    why += [f"speaker: {w}" for w in speaker_why]
    stance = frame.cue.cue.stance if frame.cue else None
    if stance is None:
        speaks_for = {speaker_span.text.lower(), *(w.lower() for w in speaker_span.text.split())}
        speaks_for |= {m.text.lower() for m in mentions if identity.party and m.party == identity.party}
        found = lexicon.stance_of(_content_heads(doc, frame.content, speaks_for))
        if found is not None:
            stance = found[0]
            why.append(f"stance {stance!r} from {found[1]!r} in the content")
    elif frame.cue:
        why.append(f"stance {stance!r} from the cue {frame.cue.cue.lemma!r}")
    addressee = _addressee(doc, mentions, attribution)
    if addressee is not None:
        why.append(f"addressed to or aimed at {addressee}")
    issues = _issues_in(issue_mentions, content.start, content.end)
    sentence = text.span(*frame.sentence) if frame.sentence[1] > frame.sentence[0] else None
    return Position(
        speaker=speaker,
        cue=cue,
        content=content,
        kind=frame.kind,  # type: ignore[arg-type]
        issues=issues,
        stance=stance,
        rule=frame.rule,
        type=_TYPES.get(frame.cue_kind, "statement"),
        sentence=sentence,
        addressee=addressee,
        why=why,
    )


def _issues_in(issue_mentions: IssueMentions, start_char: int, end_char: int) -> list[str]:
    """Issue ids with evidence inside an article character range, in order of first mention."""
    found = [issue for issue, mention in issue_mentions if mention.start >= start_char and mention.end <= end_char]
    return list(dict.fromkeys(found))


def _content_heads(doc: Doc, content: tuple[int, int], speaks_for: set[str]) -> list[Token]:
    """The words heading the content: its root predicate's auxiliaries ("should", "must": what the speaker asks of
    its subject, unless "should have": a regret) and, where the predicate is the speaker's own — no subject, a
    pronoun or the speaker's word as its subject ("We support this deal"; not "the company has full government
    support") — the predicate itself with its complements; whoever the subject, "are to blame" is the speaker's
    blame. `speaks_for`: the lower-case words and names that stand for the speaker or its party ("China" for a
    Chinese official)."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None:
        return []
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    heads: list[Token] = []
    for root in roots[:2]:
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        phrase = doc[subject.left_edge.i : subject.i + 1].text.lower() if subject is not None else ""
        own = subject is None or subject.pos_ == "PRON" or subject.lower_ in speaks_for or phrase in speaks_for
        auxiliaries = [c for c in root.children if c.dep_ in ("aux", "neg")]
        if not any(c.lemma_ == "have" for c in auxiliaries):  # "shouldn't have been so cavalier"
            heads.extend(auxiliaries)
        if own:
            heads.append(root)
            heads.extend(c for c in root.children if c.dep_ in ("xcomp", "acomp", "dobj"))
        elif root.lemma_ == "be":
            heads.extend(c for c in root.children if c.dep_ == "xcomp")  # "Democrats are to blame"
    return heads


def _addressee(doc: Doc, mentions: list[Mention], attribution: Attribution) -> str | None:
    """The party addressed ("told Blinken") or, for a stance aimed at someone, the party the content targets."""
    frame = attribution.frame
    own = attribution.speaker.identity.party
    if frame.addressee is not None:
        for mention in mentions:
            if mention.start <= frame.addressee.i < mention.end:
                return mention.party
        for mention in mentions:  # "told Chinese officials": a mention inside the addressee phrase
            if frame.addressee.left_edge.i <= mention.start and mention.end <= frame.addressee.right_edge.i + 1:
                return mention.party
    stance = frame.cue.cue.stance if frame.cue else None
    if stance is None and not frame.rule.startswith("headline"):
        return None
    if stance in OWN_ACT_STANCES:
        return None  # "vowed to counter China's abuses": China is what the speaker acts on, not whom it addresses
    start, end = frame.content
    for mention in mentions:
        char = doc[mention.start].idx
        if start <= char < end and mention.party != own:
            return mention.party
    return None
