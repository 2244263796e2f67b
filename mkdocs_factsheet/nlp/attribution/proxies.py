"""Speaker words that stand for someone else (used by `speakers`): a relative pronoun for the noun its
clause hangs on ("a tweet which said" → tweet), a message for its author ("a tweet by X" → X), a title
for the person the article affiliates in apposition with it however the parse hangs the name, and whom a
proxy serves ("Kono's spokesman" → Kono; which nouns are proxies is the rules' `proxies`).

Which nouns are messages and which verbs make them is the rules' (`messages:` in `cues/`; the core
pack ships tweet, post, statement, letter …).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..mentions import Mention

RELATIVE = {"who", "which", "that", "whom", "whose"}


def relative_antecedent(head: Token) -> Token | None:
    """The noun a relative pronoun stands for ("a tweet which said" → tweet); "who" after a place or an
    organisation the parse hung it on stands for the person that phrase describes ("Mark Hay, a marine ecologist
    at Georgia Tech, who said" → Hay)."""
    if head.lower_ not in RELATIVE or head.dep_ not in ("nsubj", "nsubjpass") or head.head.dep_ != "relcl":
        return None
    antecedent = head.head.head
    before = noun_before_comma(head)
    if before is not None and before.i != antecedent.i and not antecedent.is_ancestor(before):
        antecedent = before  # "Two men died, according to officials, who said …": the parse hung it on "men"
    if head.lower_ == "who" and antecedent.ent_type_ in _NO_PERSON:
        return _person_described(antecedent) or antecedent
    return antecedent


def noun_before_comma(token: Token) -> Token | None:
    """The head of the noun phrase that ends right before ", `token`": what a relative clause set off by a comma
    describes (", who said", ", according to which")."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "," or doc[token.i - 2].pos_ not in ("NOUN", "PROPN"):
        return None
    noun = doc[token.i - 2]
    while noun.dep_ in ("compound", "flat") and noun.head.i > noun.i:
        noun = noun.head
    return noun


# named entities a "who" does not stand for
_NO_PERSON = ("ORG", "GPE", "LOC", "FAC", "NORP")


def _person_described(token: Token) -> Token | None:
    """The person whose describing phrase holds `token` ("Hay" for "Georgia Tech" in "Mark Hay, a marine
    ecologist at Georgia Tech"), through prepositions and appositions."""
    while token.dep_ in ("pobj", "prep", "appos", "compound") and token.head.i != token.i:
        token = token.head
        if token.ent_type_ == "PERSON":
            return token
    return None


# how far back (tokens) "the statement" looks for the statement an author issued
EARLIER_MESSAGE = 200


def author_of(head: Token, nouns: frozenset[str], verbs: frozenset[str], *, look_back: bool = True) -> Token | None:
    """Who made a message: "a tweet by X", "X's statement", "the statement X issued", "the decree signed by X",
    "X issued a statement"; "the statement" with none of these: the author of the last such message before it
    ("X released a statement … "…," read the statement"; not "rulings from a court" before "the ruling"), unless
    not `look_back`."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in nouns:
        return None
    author = _own_author(head, verbs)
    if author is None and look_back and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        doc = head.doc
        for earlier in reversed(doc[max(0, head.i - EARLIER_MESSAGE) : head.i]):
            if earlier.pos_ == "NOUN" and earlier.lemma_ == head.lemma_ and earlier.tag_ == head.tag_:
                author = _own_author(earlier, verbs)
                if author is not None:
                    break
    return author


def _own_author(head: Token, verbs: frozenset[str]) -> Token | None:
    """The author a message's own phrase or clause names."""
    verb = head.head if head.dep_ == "dobj" else None
    if head.dep_ == "nsubj" and head.head.dep_ == "advcl" and head.head.tag_ == "VBG":
        verb = head.head.head  # "X tweeted her reasoning saying …", the message parsed as the subject of "saying"
    issuer = None
    if verb is not None and verb.lemma_.lower() in verbs:
        issuer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    for child in head.children:
        if child.dep_ == "poss" and child.tag_ == "PRP$" and issuer is not None:
            return issuer  # "The governor tweeted her reasoning": the possessive is the one who tweeted
        if child.dep_ == "poss" and child.ent_type_ in ("DATE", "TIME"):
            continue  # "last week's data": when, not whose
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.ent_type_ in ("PERSON", "ORG")):
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            author = next((g for g in child.children if g.dep_ == "pobj"), None)
            if author is not None:
                return _account_holder(author)
        if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in verbs:
            author = next((g for g in child.children if g.dep_ == "nsubj"), None)
            if author is None:  # "the decree signed by the Pope"
                agent = next((g for g in child.children if g.dep_ == "agent"), None)
                author = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            if author is None:  # "a tweet sent from Biden's Twitter account"
                source = next((g for g in child.children if g.dep_ == "prep" and g.lower_ == "from"), None)
                account = next((g for g in source.children if g.dep_ == "pobj"), None) if source is not None else None
                author = _account_holder(account) if account is not None else None
            if author is not None and author.lower_ not in RELATIVE:
                return author
    return issuer


# where messages are posted, which speak for whoever holds them
_ACCOUNTS = frozenset({"account", "page", "feed", "handle", "channel"})


def _account_holder(author: Token) -> Token:
    """Whose account posted a message ("a tweet sent from Biden's Twitter account" → Biden), or the author."""
    if author.lemma_.lower() not in _ACCOUNTS:
        return author
    holder = next((c for c in author.children if c.dep_ == "poss"), None)
    if holder is None:
        of = next((c for c in author.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
        holder = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return holder if holder is not None else author


def affiliated_in_apposition(head: Token, mention_at: dict[int, Mention]) -> list[Mention]:
    """The person affiliated by an apposition the parse hung deeper in the phrase: "the director of Argentina's
    Amnesty International, Mariela Belski" (the name hangs on "International")."""
    found = []
    for token in head.subtree:
        mention = mention_at.get(token.i)
        if token.dep_ == "appos" and token.i > head.i and mention is not None and mention.via == "affiliated":
            if mention not in found:
                found.append(mention)
    return found if len(found) == 1 else []


def served_by(head: Token) -> Token | None:
    """Whom the phrase at `head` names it as acting for: a possessive ("Kono's", "his"), a name before it ("the
    Biden campaign") or the object of its "for"/"of" ("a spokesman for Kono")."""
    for child in head.children:
        if child.dep_ == "poss" or (child.dep_ == "compound" and child.pos_ == "PROPN"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("for", "of"):
            served = next((g for g in child.children if g.dep_ == "pobj"), None)
            if served is not None:
                return served
    return None
