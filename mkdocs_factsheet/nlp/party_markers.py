"""Party markers: a party's letters in brackets right after a person's name.

US news writes "Sen. Elizabeth Warren (D-Mass.)", "Rep. G.K. Butterfield (D-N.C.)", "Bernie Sanders
(I-Vt.)", "Sen. Mitch McConnell (R., Ky.)": a party's `markers:` in the rules say which letters stand
for it. Inside the brackets comes the marker (a final dot optional), then nothing, or "-" or "," and a
state or district written with a capital or a digit ("(I think so)" is no marker). The name is the
person the NER found just before the brackets, else a run of capitalised proper nouns, without a title
in front ("Sen.", "Rep.", or a person agent noun of the rules such as "Senator").

A marker two parties share names neither, unless one of them is the site's own (it beats a pack's). A
name one of the site's own rules resolved keeps that rule's party; a pack's member yields, as for
every affiliation the article states (`nlp.affiliation`).
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc

from ..rules import RuleSet
from ..rules.schema import Agent, alias_of
from .mentions import Mention
from .text import BodyText

_INSIDE = re.compile(r"([^\s()\[\]\-–—,]+)\s*(?:[-–—,]\s*([^()\[\]]+))?")
_ABBREVIATED_TITLE = re.compile(r"[A-Z][a-z]{1,4}\.")  # "Sen.", "Rep.", "Gov."; never an initial ("G.K.")
_MAX_INSIDE = 12  # tokens between the brackets
_MAX_NAME = 5  # tokens of a name


def marked_people(doc: Doc, mentions: list[Mention], rules: RuleSet, text: BodyText) -> list[Mention]:
    """Mentions of the people a party marker follows ("Elizabeth Warren" in "Sen. Elizabeth Warren (D-Mass.)"),
    in document order, for a doc of the article `text`."""
    markers = markers_of(rules)
    if not markers:
        return []
    brackets = numpy.flatnonzero(doc.to_array(ORTH) == doc.vocab.strings["("])
    covered = {index for m in mentions if not m.from_pack for index in range(m.start, m.end)}
    persons = {ent.end: ent.start for ent in doc.ents if ent.label_ == "PERSON"}
    titles = {word for agent in rules.agents if agent.kind == "person" for word in _agent_words(agent)}
    found: list[Mention] = []
    for opening in map(int, brackets):
        marked = _marker_after(doc, opening, markers) if opening > 0 else None
        name = _name_before(doc, opening, persons, titles) if marked is not None else None
        if marked is None or name is None or covered.intersection(range(*name)):
            continue
        party, written = marked
        start, end = name
        why = f"party marker {written!r} ({party}) after the name"
        actor = doc[start:end].text
        found.append(
            Mention.of_tokens(
                doc, start, end, text, party, actor=actor, actor_kind="person", via="affiliated", why=[why]
            )
        )
    return found


def markers_of(rules: RuleSet) -> dict[str, str]:
    """Each marker (without its final dot) → the one party it stands for; the site's own rules beat a pack's,
    and a marker two parties of one kind of source share stands for neither."""
    owners: dict[str, dict[bool, set[str]]] = {}
    for party in rules.parties.values():
        if not party.markers:
            continue
        source = rules.source_of("party", party.id)
        own = source is not None and source.pack is None
        for marker in party.markers:
            owners.setdefault(_key(marker), {}).setdefault(own, set()).add(party.id)
    table = {}
    for key, by_source in owners.items():
        parties = by_source.get(True) or by_source.get(False, set())
        if len(parties) == 1:
            table[key] = next(iter(parties))
    return table


def _key(marker: str) -> str:
    return marker.rstrip(".")


def _marker_after(doc: Doc, opening: int, markers: dict[str, str]) -> tuple[str, str] | None:
    """(party, the brackets as written) of a party marker in the brackets opening at token `opening`."""
    closing = next((t.i for t in doc[opening + 1 : opening + 1 + _MAX_INSIDE] if t.text in ("(", ")")), None)
    if closing is None or doc[closing].text != ")" or closing == opening + 1:
        return None
    inside = doc[opening + 1 : closing].text.strip()
    match = _INSIDE.fullmatch(inside)
    if match is None:
        return None
    marker, place = match.groups()
    if place is not None and not (place[0].isupper() or place[0].isdigit()):
        return None
    party = markers.get(_key(marker))
    return None if party is None else (party, doc[opening : closing + 1].text)


def _name_before(doc: Doc, opening: int, persons: dict[int, int], titles: set[str]) -> tuple[int, int] | None:
    """The token range of the name right before token `opening`, a title in front left out."""
    start = persons.get(opening)
    named = start is not None  # by the NER
    if start is None:
        start = opening
        while start > 0 and opening - start <= _MAX_NAME and _capitalised(doc, start - 1):
            start -= 1
    titled = False
    while start < opening - 1 and (_ABBREVIATED_TITLE.fullmatch(doc[start].text) or doc[start].lower_ in titles):
        start, titled = start + 1, True
    size = opening - start
    if size == 0 or size > _MAX_NAME or not (named or titled or size >= 2):
        return None
    return start, opening


def _capitalised(doc: Doc, index: int) -> bool:
    return doc[index].is_title and doc[index].pos_ == "PROPN"


def _agent_words(agent: Agent) -> set[str]:
    return {word for text in [agent.name, *(alias_of(a).text for a in agent.aliases)] for word in text.lower().split()}
