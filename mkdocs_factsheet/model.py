"""The fact-sheet data model and its stable JSON form (documented in docs/json.md).

Every span carries character offsets into the article file's text exactly as read, so
`article_text[span.start:span.end] == span.text` always holds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any, Literal

SCHEMA_VERSION = 1

PositionKind = Literal["direct", "indirect", "mixed"]
PositionType = Literal["statement", "thought", "intention"]


@dataclass(frozen=True)
class Span:
    """A piece of the article text."""

    text: str
    start: int
    end: int


@dataclass
class ArticleInfo:
    """Where an article came from and what its front matter said."""

    id: str
    path: str
    title: str
    date: str | None = None
    source: str | None = None
    url: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass
class Affiliation:
    """A person's party as another article of the site states it: that article and the sentence that says so."""

    party: str
    article: str  # the article's id
    sentence: Span  # in that article's text


@dataclass
class ActorFacts:
    """A person or body acting for a party, as seen in one article."""

    name: str
    kind: str
    role: str | None
    mentions: int
    spans: list[Span] = field(default_factory=list)
    why: list[str] = field(default_factory=list)
    # filled across the site (engine.propagation), never by one article's analysis: where other
    # articles say whom this person acts for, when this article does not say it
    affiliations: list[Affiliation] = field(default_factory=list)


@dataclass
class PartyFacts:
    """A party mentioned in an article, with the actors who acted for it there."""

    id: str
    name: str
    kind: str
    aliases: list[str]
    mentions: int
    actors: list[ActorFacts] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    rule: str = ""
    # named from the text alone, no rule defines it (`nlp.provisional`): a suggestion for a rule file
    provisional: bool = False
    # mentioned in passing only (once, with no actor, speaking to or spoken to by nobody): listed last
    minor: bool = False


@dataclass
class Speaker:
    """Who is said to have said something: the mention, and whom it resolves to."""

    text: str
    start: int
    end: int
    actor: str | None
    party: str | None


@dataclass
class Position:
    """Something a speaker said, demanded or rejected (filled in by the positions stage)."""

    speaker: Speaker
    cue: Span | None
    content: Span
    kind: PositionKind
    issues: list[str]
    stance: str | None
    rule: str
    type: PositionType = "statement"
    sentence: Span | None = None
    addressee: str | None = None
    why: list[str] = field(default_factory=list)
    # filled across the site (engine.propagation): what other articles say of the speaker's party
    # when this one does not say it; one source (the party carried over), or several parties that
    # disagree (a conflict: the speaker's party stays empty)
    affiliations: list[Affiliation] = field(default_factory=list)


@dataclass
class IssueMention:
    """One piece of evidence for an issue, with its sentence."""

    text: str
    start: int
    end: int
    sentence: Span
    rule: str = ""


@dataclass
class IssueFacts:
    """An issue the article touches, its evidence and the parties in those sentences."""

    id: str
    title: str
    aliases: list[str]
    mentions: list[IssueMention]
    parties: list[str]
    parent: str | None = None


@dataclass
class UnassignedActor:
    """A name the statistical pipeline found that no rule covers: a hint for rule authors."""

    name: str
    label: str
    mentions: int
    spans: list[Span] = field(default_factory=list)


@dataclass
class FactSheet:
    """Everything extracted from one article."""

    article: ArticleInfo
    parties: list[PartyFacts]
    positions: list[Position]
    issues: list[IssueFacts]
    unassigned_actors: list[UnassignedActor]
    sentences: list[Span] = field(default_factory=list)

    def to_dict(self, *, include_sentences: bool = False) -> dict[str, Any]:
        """The stable JSON form: keys in a fixed order, lists in document order."""
        data = _plain(self)
        if not include_sentences:
            del data["sentences"]
        return {"schema_version": SCHEMA_VERSION, **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FactSheet:
        """The inverse of `to_dict(include_sentences=True)` (used by the fact-sheet cache)."""
        if data.get("schema_version") != SCHEMA_VERSION:
            raise ValueError(f"schema version {data.get('schema_version')!r}, expected {SCHEMA_VERSION}")

        return cls(
            article=ArticleInfo(**data["article"]),
            parties=[
                PartyFacts(
                    **{
                        **party,
                        "actors": [_actor(actor) for actor in party["actors"]],
                        "spans": _spans(party["spans"]),
                    }
                )
                for party in data["parties"]
            ],
            positions=[
                Position(
                    **{
                        **position,
                        "speaker": Speaker(**position["speaker"]),
                        "cue": _span(position["cue"]),
                        "content": _span(position["content"]),
                        "sentence": _span(position["sentence"]),
                        "affiliations": _affiliations(position.get("affiliations", [])),
                    }
                )
                for position in data["positions"]
            ],
            issues=[
                IssueFacts(
                    **{
                        **issue,
                        "mentions": [
                            IssueMention(**{**mention, "sentence": _span(mention["sentence"])})
                            for mention in issue["mentions"]
                        ],
                    }
                )
                for issue in data["issues"]
            ],
            unassigned_actors=[
                UnassignedActor(**{**actor, "spans": _spans(actor["spans"])}) for actor in data["unassigned_actors"]
            ],
            sentences=_spans(data.get("sentences", [])),
        )

    def party(self, party_id: str) -> PartyFacts | None:
        return next((party for party in self.parties if party.id == party_id), None)

    def issue(self, issue_id: str) -> IssueFacts | None:
        return next((issue for issue in self.issues if issue.id == issue_id), None)


def _span(value: dict[str, Any] | None) -> Span | None:
    return Span(**value) if value is not None else None


def _spans(values: list[dict[str, Any]]) -> list[Span]:
    return [Span(**value) for value in values]


def _affiliations(values: list[dict[str, Any]]) -> list[Affiliation]:
    return [Affiliation(**{**value, "sentence": Span(**value["sentence"])}) for value in values]


def _actor(data: dict[str, Any]) -> ActorFacts:
    """An actor from its JSON (sheets cached before `affiliations` existed have none)."""
    return ActorFacts(
        **{**data, "spans": _spans(data["spans"]), "affiliations": _affiliations(data.get("affiliations", []))}
    )


def _plain(value: Any) -> Any:
    """Dataclasses, lists and dicts as JSON-ready data (`dataclasses.asdict` deep-copies every leaf: 5× slower)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


def sheets_json(sheets: list[dict[str, Any]]) -> str:
    """A JSON array with one fact sheet per line: diffs show which articles changed, and it is fast
    to write (an indented dump goes through the json module's pure-Python encoder: 5× slower)."""
    if not sheets:
        return "[]\n"
    return "[\n" + ",\n".join(json.dumps(sheet, ensure_ascii=False) for sheet in sheets) + "\n]\n"
