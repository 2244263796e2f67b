"""Whose gender an article shows, so that "she" never stands for a man it names (used by `speakers`).

The evidence, strongest first: the rules (a member's `gender:`); a gendered title or honorific in
the name's own phrase ("Mrs. May", "Queen Elizabeth", "Congresswoman Omar"); a possessive or
reflexive pronoun tied to the name in one clause ("Trump praised his team", no other person
between them); then the pronouns resolved so far. A gender-neutral title ("Prime Minister") gives
none. Genders are "m" or "f"; the first evidence for a name wins.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ...rules.schema import Party

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
# Words before a name that give its gender; neutral titles ("President", "Dr.") are not here.
GENDERED_TITLES = {
    "mr": "m",
    "sir": "m",
    "lord": "m",
    "king": "m",
    "prince": "m",
    "duke": "m",
    "emperor": "m",
    "congressman": "m",
    "spokesman": "m",
    "chairman": "m",
    "businessman": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "madam": "f",
    "dame": "f",
    "lady": "f",
    "queen": "f",
    "princess": "f",
    "duchess": "f",
    "empress": "f",
    "congresswoman": "f",
    "spokeswoman": "f",
    "chairwoman": "f",
    "businesswoman": "f",
}
DECLARED = {"male": "m", "female": "f"}


def pronoun_gender(lower: str) -> str | None:
    """The gender a (lower-cased) pronoun states, if any."""
    return "m" if lower in MALE else "f" if lower in FEMALE else None


def declared_genders(parties: Iterable[Party]) -> dict[str, str]:
    """Member name → gender, as the rules declare it."""
    return {member.name: DECLARED[member.gender] for party in parties for member in party.members if member.gender}


def title_gender(head: Token) -> str | None:
    """The gender a title or honorific in the name's phrase gives ("Mrs. May", "Queen Elizabeth")."""
    doc = head.doc
    before = doc[head.left_edge.i - 1] if head.left_edge.i > 0 else None
    for token in (*head.lefts, *((before,) if before is not None else ())):
        gender = GENDERED_TITLES.get(token.lower_.rstrip("."))
        if gender:
            return gender
    return None


def tied_subject(pronoun: Token) -> Token | None:
    """The subject a possessive or reflexive pronoun is tied to: that of its own clause ("Trump praised his team")."""
    if pronoun.dep_ != "poss" and not pronoun.lower_.endswith("self"):
        return None
    verb = pronoun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i >= pronoun.i or subject.sent.start != pronoun.sent.start:
        return None
    return subject
