"""Whose gender an article shows, so that "she" never stands for a man it names (used by `speakers`).

The evidence, strongest first: the rules (a member's `gender:`); a gendered title or honorific in
the name's own phrase ("Mrs. May", "Queen Elizabeth", "Congresswoman Omar"); a possessive or
reflexive pronoun tied to the name in one clause ("Trump praised his team", no other person
between them); then the pronouns resolved so far. A gender-neutral title ("Prime Minister") gives
none. Genders are "m" or "f"; the first evidence for a name wins.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

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


def declared_genders(declared: dict[str, str]) -> dict[str, str]:
    """Member name → gender, as the rules declare it (`RuleSet.member_genders`)."""
    return {name: DECLARED[gender] for name, gender in declared.items()}


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
    """The subject a possessive or reflexive pronoun is tied to: that of its own clause ("Trump praised his team",
    "Trump defended himself"). A possessive counts only on the verb's own object ("his team"), not deeper in a
    phrase ("Biden commented on the size of her breasts" says nothing of Biden)."""
    if pronoun.lower_.endswith("self"):
        verb = pronoun.head
    elif pronoun.dep_ == "poss" and pronoun.head.dep_ in ("dobj", "attr", "oprd"):
        verb = pronoun.head.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i >= pronoun.i:
        return None
    if any(pronoun.doc[i].is_sent_start for i in range(subject.i + 1, pronoun.i + 1)):  # `.sent` scans: slow
        return None
    return subject


def tied_genders(doc: Doc, people: dict[int, str], quote_tokens: set[int]) -> dict[str, str]:
    """Name → gender from possessive and reflexive pronouns outside quotes tied to a person subject, no other
    person between ("Trump praised his team"); a name tied to both genders gets neither. `people`: the person
    candidates' names by head token."""
    seen: dict[str, set[str]] = {}
    gendered = [doc.vocab.strings.add(word) for word in MALE | FEMALE]
    for index in numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), gendered)):  # no Token per word: slow
        token = doc[int(index)]
        gender = pronoun_gender(token.lower_)
        subject = tied_subject(token) if token.i not in quote_tokens else None
        if gender is None or subject is None or subject.i not in people:
            continue
        if not any(subject.i < other < token.i for other in people):
            seen.setdefault(people[subject.i], set()).add(gender)
    return {name: genders.pop() for name, genders in seen.items() if len(genders) == 1}
