"""Reading the phrase around a title for the affiliation step (`nlp.affiliation`): a title's own phrase, and
which mentions in it make a person act for a party; how far back the sentences before a word reach; and the
head word of an organisation's name."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .mentions import Mention


def acts_as_party(mention: Mention) -> bool:
    """Does a title beside this mention make a person act for its party? A party, an agent of it ("the
    Pakistani military") or a named body of it ("a State Department spokesperson") does; a person does not."""
    return mention.actor is None or mention.via == "agent" or mention.actor_kind == "body"


# before a title held no longer: such a person speaks for no party now ("former prime minister John Major")
PAST = ("former", "ex", "erstwhile", "onetime", "one-time", "retired", "formerly")
_POSSESSIVES = ("'s", "’s", "'", "’")


def held_before(doc: Doc, start: int) -> Token | None:
    """The word that makes the title starting at token `start` one held no longer: "former prime minister",
    "retired FBI agent", "former Israeli security official", "formerly the director of …" (a party's name, a
    possessive or the title's own modifiers may stand between the word and the title)."""
    for token in reversed(doc[max(0, start - 5) : start]):
        if token.lower_ in PAST:
            return token
        if token.lower_ in ("the", "a", "an"):
            return doc[token.i - 1] if token.i > 0 and doc[token.i - 1].lower_ == "formerly" else None
        passes = token.text in ("-", *_POSSESSIVES) or token.ent_type_ in ("GPE", "NORP", "ORG")
        if not (passes or (token.dep_ in ("compound", "amod") and token.pos_ in ("NOUN", "PROPN", "ADJ"))):
            return None
    return None


def sentences_back(token: Token, count: int) -> int:
    """The first token of the sentence `count` sentences before the token's own (of the first sentence, at most)."""
    start = token.sent.start
    for _ in range(count):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return start


_MODIFIERS = ("poss", "amod", "compound", "nmod", "det", "case")
OF = ("of", "for")  # the prepositions of a title's own complement: "spokesman for …", "Minister of …"
WINDOW = 12  # tokens a title's phrase may span before the comma of an apposition


def phrase_head(token: Token) -> Token:
    """The noun a title word modifies right after it ("prosecutor" → "general" in "prosecutor general"), or
    the word itself."""
    while token.dep_ == "compound" and token.head.i == token.i + 1 and token.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        token = token.head
    return token


# what someone serves "in" as in "of": "a candidate in the Democratic primaries", "a minister in the Iranian
# government" (not a place: "a diplomat in Beijing")
_BODIES_SERVED_IN = frozenset({"primary", "primaries", "caucus", "government", "administration", "cabinet"})


def own_phrase(head: Token) -> Iterable[Token]:
    """A noun's own phrase: the noun, its modifiers, then the object of its "of"/"for" (or "in" a body it serves,
    "at" an organisation: "a vice president at PG&E") with that object's modifiers."""
    yield head
    for child in head.children:
        if child.dep_ in _MODIFIERS:
            yield from child.subtree
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in (*OF, "in", "at"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and _served(prep.lower_, obj):
                    yield obj
                    yield from _rest_of_name(obj)
                    for child in obj.children:
                        if child.dep_ in _MODIFIERS:
                            yield from child.subtree


def _served(preposition: str, obj: Token) -> bool:
    """Does a title's `preposition` phrase name whom it serves: any "of"/"for" object, a body "in", an
    organisation "at"?"""
    if preposition == "in":
        return obj.lemma_.lower() in _BODIES_SERVED_IN
    if preposition == "at":
        return obj.ent_type_ == "ORG"
    return True


def _rest_of_name(token: Token) -> Iterable[Token]:
    """The words after `token` inside the same named entity ("Defence" → "of Human Rights")."""
    doc = token.doc
    index = token.i + 1
    while token.ent_type_ and index < len(doc) and doc[index].ent_iob_ == "I":
        yield doc[index]
        index += 1


def name_head(name: Span) -> Token:
    """The head word of an organisation's name: the word before its first "of"/"for"/"in"/"on" ("Court of
    Session"), else its last word (a possessive left out: "the Gun Violence Archive's")."""
    for token in name[1:]:
        if token.lower_ in ("of", "for", "in", "on"):
            return token.nbor(-1)
    return name[-2] if len(name) > 1 and name[-1].text in _POSSESSIVES else name[-1]
