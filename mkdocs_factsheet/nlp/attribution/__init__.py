"""Attribution: finding who said (thought, wants) what, for `positions.positions_of`.

- `quotes`: pairing quote marks into quotations;
- `frames`: attribution frames from quotation and dependency structure (cues from `nlp.lexicon`);
- `speakers`: the speaker's span, actor and party (pronouns, roles, descriptions).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc

from ...rules import RuleSet
from ..headline import HOME_REASON
from ..lexicon import Lexicon
from ..mentions import Mention
from ..text import BodyText
from .frames import PASSIVE_RULES, Frame, FrameFinder
from .speakers import Resolved, Speakers

Nesting = Literal["inner", "outer", "all"]


@dataclass
class Attribution:
    """A frame with its speaker resolved."""

    frame: Frame
    speaker: Resolved


def attribute(
    doc: Doc,
    lexicon: Lexicon,
    text: BodyText,
    title: tuple[int, int] | None,
    mentions: list[Mention],
    rules: RuleSet,
    *,
    nesting: Nesting = "inner",
    negated: bool = False,
    things: bool = False,
    independent: Mapping[str, str] | None = None,
) -> list[Attribution]:
    """Every attribution in a parsed article, in document order.

    `title` is the headline's range in doc offsets (None when the body has none). `nesting`
    decides what happens when one attribution reports another ("X said Y warned that …",
    "according to X, Y pressed Z to …"): `inner` keeps the inner one and notes the relay in its
    reasons (fact sheets: what Y said), `outer` keeps the outer one (PolNeAR's univocal
    annotation), `all` keeps both; `inner` also joins a stance taken on an object to the words it was taken in
    ("rejected the bill, calling it a disgrace"). Negated cues ("did not mention") are dropped unless `negated`, and
    speakers that are things the rules say state nothing ("evidence", "polls") unless `things`.
    `independent`: the people the article shows speaking for no party (`ResolvedMentions.independent`).
    """
    if not doc.has_annotation("DEP"):
        # `blank` mode: frames are read off the dependency tree, and without a parse spaCy leaves
        # some tokens' tree edges unset, so walking them reads outside the document (a
        # segmentation fault, seen on Reuters stories). No parse, no positions.
        return []
    finder = FrameFinder(doc, lexicon, title, text.body)
    frames = finder.find()
    if not negated:
        frames = _without_negated(frames)
    frames = _settle_nesting(frames, nesting, frozenset(noun.lower() for noun in rules.thing_nouns))
    if nesting == "inner":  # a fact sheet's statement; PolNeAR's scheme keeps an attribution to each cue
        frames = _with_reasons_given(frames, doc)
    contents = [f.content for f in frames if not f.rule.startswith(("headline", "label"))]
    speakers = Speakers(doc, mentions, text, rules, set(finder.quote_tokens), contents, independent)
    found = _with_speakers(frames, speakers, things)
    found.sort(key=lambda a: (a.frame.content[0], a.frame.content[1]))
    return found


def _with_speakers(frames: list[Frame], speakers: Speakers, things: bool) -> list[Attribution]:
    """Resolve the frames' speakers in document order (a continuation takes its frame's speaker)."""
    found: list[Attribution] = []
    resolved: dict[int, Resolved] = {}
    ordered = sorted(
        (f for f in frames if f.follows is None),
        key=lambda f: min(f.content[0], f.speaker.idx if f.speaker is not None else f.content[0]),
    )
    ordered += [f for f in frames if f.follows is not None]
    for frame in ordered:
        if frame.follows is not None:
            if id(frame.follows) not in resolved:
                continue
            source = resolved[id(frame.follows)]
            attributions = [Attribution(frame, Resolved(source.start, source.end, source.identity))]
        else:
            spoken = _spoken(frame, speakers, things)
            outer = frame.relay_of
            if spoken is None and outer is not None:
                # "Dole said he was encouraged by the selection of …": an inner cue whose speaker says nothing
                # relays nothing; the outer one it stood for is the position
                frame, spoken = outer, _spoken(outer, speakers, things)
            if not spoken:
                continue
            attributions = spoken
        resolved[id(frame)] = attributions[0].speaker
        found += attributions
    return found


def _spoken(frame: Frame, speakers: Speakers, things: bool) -> list[Attribution] | None:
    """The attributions of a frame with its speaker resolved (more than one for "China and Russia said"), or none
    when its speaker says nothing or stands inside what it is said to have said."""
    if frame.speaker is None:
        return None
    head = speakers.titled_person(frame.speaker)  # "party leader and Prime Minister Boris Johnson"
    start, end = speakers.span_of(head)
    if frame.content[0] <= start < frame.content[1] and not frame.around:
        return None  # a speaker inside what it is said to have said: a misparse
    label = frame.rule.startswith("label")
    identity = speakers.identify(head, content=frame.content, addressee=frame.addressee, label=label)
    passive = frame.rule.startswith(PASSIVE_RULES) or frame.speaker.head.dep_ == "agent"
    if not things and speakers.says_nothing(head, identity, passive_agent=passive):
        return None  # "evidence supported his murder": a thing, nobody's position
    # "both nations said": the two parties just named (when nothing but the story's country resolved it)
    guessed = any(HOME_REASON in why for why in identity.why)
    pair = [] if (identity.actor or identity.party) and not guessed else speakers.pair(head)
    if pair:
        identity = pair[0]
    speaker = Resolved(start, end, identity)
    speakers.add_speaker(head, identity)
    others = [Resolved(start, end, other) for other in pair[1:]] or speakers.coordinated(
        head, speaker, frame.content
    )  # "China and Russia said"
    return [Attribution(frame, speaker), *(Attribution(frame, other) for other in others)]


def _with_reasons_given(frames: list[Frame], doc: Doc) -> list[Frame]:
    """One statement where a stance taken on an object goes on with the words it was taken in ("Senators condemned
    the act of the NTC, citing the move as a “grave abuse …”", "rejected the bill, calling it a disgrace"): the
    stance cue's frame takes the content of the participle of plain speech after its own, and the participle's
    frame goes."""
    by_cue = {f.cue.start: f for f in frames if f.cue is not None and f.follows is None}
    joined: set[int] = set()
    for frame in frames:
        if frame.cue is None or frame.cue.cue.stance is None or frame.rule != "indirect: Name-condemned X":
            continue
        cue = doc[frame.cue.start]
        for child in cue.children:
            given = by_cue.get(child.i)
            if given is None or child.dep_ != "advcl" or child.tag_ != "VBG" or given.content[0] < frame.content[1]:
                continue
            if given.cue is None or given.cue.cue.stance is not None:
                continue  # "embraced the idea, warning that …": a second stance, a second position
            same = given.speaker is not None and frame.speaker is not None and given.speaker.i == frame.speaker.i
            if child.left_edge.i == 0 or doc[child.left_edge.i - 1].text != "," or not same:
                continue
            frame.content = (frame.content[0], given.content[1])
            frame.kind = given.kind if given.kind != "indirect" else frame.kind
            frame.why.append(f"with the words it was taken in ({given.cue.cue.lemma!r})")
            joined.add(id(given))
            break
    return [f for f in frames if id(f) not in joined]


def _without_negated(frames: list[Frame]) -> list[Frame]:
    """The frames without negated ones ("did not say"), nor any inside what a negated cue before it would report
    ("Biden did not say whether he supports the changes": nothing is said to be supported)."""
    denied = [f.content for f in frames if f.negated and f.cue_chars is not None and f.cue_chars[0] < f.content[0]]
    return [
        f
        for f in frames
        if not f.negated and not (f.cue_chars is not None and any(a <= f.cue_chars[0] < b for a, b in denied))
    ]


def _settle_nesting(frames: list[Frame], nesting: Nesting, things: frozenset[str] = frozenset()) -> list[Frame]:
    """Attributions inside the content of another: keep the inner (relay noted), the outer, or both. An inner
    one whose speaker is a thing (`things`: "a UN report concluded evidence supported …") relays nothing: the
    outer one stays."""
    if nesting == "all":
        return frames
    inside: dict[int, Frame] = {}  # id(inner) → outer
    for outer in frames:
        for inner in frames:
            if inner is outer or inner.cue_chars is None or outer.follows is not None:
                continue
            if (
                outer.content[0] <= inner.cue_chars[0] < outer.content[1]
                and inner.speaker is not None
                and outer.content[0] <= inner.speaker.idx < outer.content[1]
            ):
                inside[id(inner)] = outer
    if nesting == "outer":
        dropped = set(inside)
        return [f for f in frames if id(f) not in dropped and not (f.follows is not None and id(f.follows) in dropped)]
    # "Ebrard said the government would pressure …": a plan the outer speaker states is part of what they said;
    # so is what they say they said themselves ("Trump said he did indicate to the Ukrainians that …")
    planned = {
        id(inner)
        for inner in frames
        if id(inner) in inside and (_planned(inner) or _own_report(inside[id(inner)], inner))
    }
    frames = [f for f in frames if id(f) not in planned and not (f.follows is not None and id(f.follows) in planned)]
    relays = set()
    for inner in frames:
        relayed = inside.get(id(inner))
        if relayed is None or relayed.quote is not None and relayed.kind == "direct" or not _heads(relayed, inner):
            continue
        if inner.speaker is not None and inner.speaker.lemma_.lower() in things:
            continue
        relays.add(id(relayed))
        speaker = relayed.speaker.text if relayed.speaker is not None else "?"
        cue = relayed.cue.cue.lemma if relayed.cue is not None else "?"
        inner.why.append(f"reported by {speaker!r} ({cue!r})")
        inner.relay_of = relayed
    return [f for f in frames if id(f) not in relays]


# Cues stating a stance rather than reporting an act of speech: "Yang said China opposes …" is Yang's statement.
STANCE_STATES = frozenset(
    {
        "support",
        "oppose",
        "back",
        "endorse",
        "favor",
        "favour",
        "welcome",
        "approve",
        "embrace",
        "champion",
        "defend",
        "reject",
        "refuse",
    }
)


def _planned(frame: Frame) -> bool:
    """Is the cue under a modal ("would pressure", "will demand"): something to come, not something said?"""
    if frame.cue is None or frame.speaker is None:
        return False
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in frame.speaker.doc[frame.cue.start].children)


def _own_report(outer: Frame, inner: Frame) -> bool:
    """Is the inner speaker a pronoun for the outer one ("Trump said he did indicate …", "Authorities said they
    believed …", "The ministry said it expected …"), outside a quotation?"""
    if inner.speaker is None or outer.cue is None or outer.kind == "direct":
        return False
    clause = inner.speaker.head
    own = inner.speaker.lower_ in ("he", "she", "they", "it")
    return own and clause.dep_ == "ccomp" and clause.head.i == outer.cue.start


def _heads(outer: Frame, inner: Frame) -> bool:
    """Is the inner attribution what the outer one reports (its cue, a report of speech, heads the outer content)?"""
    if inner.cue is None or outer.cue is None or outer.cue.cue.stance is not None:
        return False  # "Trump alleged the media was falsely claiming …": the outer speaker's own claim
    if inner.cue.cue.kind != "speech" or inner.cue.cue.lemma in STANCE_STATES:
        return False
    if inner.speaker is None:
        return False
    span = inner.speaker.doc.char_span(*outer.content, alignment_mode="expand")
    if span is None:
        return False
    roots = [t for t in span if t.head.i == t.i or not (span.start <= t.head.i < span.end)]
    return any(inner.cue.start <= root.i < inner.cue.end for root in roots if not root.is_punct)
