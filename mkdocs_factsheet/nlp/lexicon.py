"""The cue and stance lexicon, compiled from the rules' `cues/` files for fast lookup on a parsed `Doc`.

Cues are matched on lower-case lemmas: one-word cues by dictionary lookup, phrases ("according to",
"call for") on consecutive lemmas starting at the token. Which arguments a cue takes as what was
said is decided by its kind and stance (see `Lexicon.takes_*`), so a user's new cue works like the
shipped ones of the same kind.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from ..rules import RuleSet
from ..rules.schema import Cue

# Stances whose verbs address someone: their object is the addressee ("pressed China to …"),
# never the content, when it names a person, body or country.
ADDRESSEE_STANCES = frozenset({"appeal", "demand", "threaten", "promise"})
# Neutral cues whose object is what was said ("announced a ceasefire", "cited a report").
MESSAGE_OBJECT_LEMMAS = frozenset(
    {
        "announce",
        "report",  # "reported 611 aftershocks", "reported five new deaths"
        "propose",
        "confirm",
        "reveal",
        "disclose",
        "acknowledge",
        "admit",
        "predict",
        "reiterate",
        "repeat",
        "cite",
        "declare",
        "describe",
        "discuss",
        "recommend",
        "request",
        "suggest",
        "tout",
        "indicate",
        "call",
        "reaffirm",
        "reassert",
        "concede",
        "express",
        "stress",
        "emphasize",
        "emphasise",
        "underline",
        "characterize",
        "characterise",
        "note",
        "state",  # with an object its own: "stated its intention to …" (`frames.reported`)
    }
)
# Cues whose plain object is not what was said ("offered a feel", "pushed the button").
NOT_OBJECT_LEMMAS = frozenset({"order", "instruct", "encourage", "signal", "press", "pressure", "commit", "post"})
# Cues that address their object ("told Yang", "asked reporters", "congratulated Pelosi": not what was said).
ADDRESSEE_LEMMAS = frozenset(
    {
        "tell",
        "ask",
        "inform",
        "brief",
        "assure",
        "remind",
        "advise",
        "warn",
        "urge",
        "press",
        "call on",
        "call upon",
        "congratulate",
        "thank",
    }
)
# Plain speech cues whose to-infinitive is what was said: "claimed to have no memory of the shooting".
INFINITIVE_SPEECH_LEMMAS = frozenset({"claim", "profess", "purport"})
# Cues that are speech only with a quotation or a clause after them, never with a to-infinitive.
NO_INFINITIVE_LEMMAS = frozenset(
    {
        "say",
        "continue",
        "add",
        "note",
        "state",
        "write",
        "report",
        "call",
        "mention",
        "show",
        "find",
        "know",
        "learn",
        "hear",
    }
)

# Nouns for something said, besides the rules' message nouns: a deed cue whose object is one reports a
# speech act ("denied the accusation", "rejected the claim"), not a deed ("denied funding").
SAID_NOUNS = frozenset(
    {
        "claim",
        "accusation",
        "allegation",
        "assertion",
        "charge",
        "criticism",
        "comment",
        "remark",
        "proposal",
        "offer",
        "request",
        "demand",
        "call",
        "appeal",
        "suggestion",
        "idea",
        "notion",
        "rumor",
        "rumour",
        "warning",
        "threat",
        "ultimatum",
        "assessment",
        "characterization",
        "characterisation",
        "account",
        "conclusion",
        "finding",
        "assurance",
        "promise",
        "analysis",
        "evidence",
        "proof",
        "opinion",
        "view",
        "apology",
        "advice",
        "prediction",
    }
)
# Where something is said, besides message nouns: "at a press conference", "on Twitter", "in an interview".
SPEECH_SETTINGS = frozenset(
    {"interview", "conference", "briefing", "twitter", "facebook", "television", "radio", "podcast", "debate", "rally"}
)
# Adverbs that make a deed cue a speech act: "flatly denied", "publicly rejected" (not "repeatedly denied funding").
SPEECH_ADVERBS = frozenset(
    {"publicly", "openly", "verbally", "flatly", "vehemently", "categorically", "emphatically", "angrily", "sharply"}
)


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a doc: the lexicon entry and the tokens that spell it."""

    cue: Cue
    start: int  # token indices
    end: int


class Lexicon:
    """Cues by lemma (one word) and by first lemma (phrases), plus stance words."""

    def __init__(self, cues: Iterable[Cue], stance_words: dict[str, str], message_nouns: Iterable[str] = ()):
        self.single: dict[str, Cue] = {}
        self.phrases: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
        for cue in cues:
            words = tuple(cue.lemma.lower().split())
            if len(words) == 1:
                self.single[words[0]] = cue  # a later layer (user rules) overrides a pack's entry
            else:
                entries = [entry for entry in self.phrases.get(words[0], []) if entry[0] != words]
                entries.append((words, cue))
                entries.sort(key=lambda entry: -len(entry[0]))
                self.phrases[words[0]] = entries
        self.stance_words = stance_words
        messages = frozenset(noun.lower() for noun in message_nouns)
        self.said_nouns = SAID_NOUNS | messages  # what a deed cue's object names when it reports speech
        self.speech_settings = SPEECH_SETTINGS | messages  # "in a statement", "at a press conference"
        self.first_words = frozenset(self.single) | frozenset(self.phrases)
        self._hashes: dict[int, Any] = {}  # per StringStore: array of the hashes of cue lemmas and plural forms

    @classmethod
    def from_rules(cls, rules: RuleSet) -> Lexicon:
        stance_words = {word.lemma.lower(): word.stance for word in rules.stance_words}
        return cls(rules.cues, stance_words, rules.message_nouns)

    def speech_lemmas(self) -> set[str]:
        """Every lemma (and phrase) of a speech cue: what "speech cue" means in evaluations."""
        found = {lemma for lemma, cue in self.single.items() if cue.kind == "speech"}
        found |= {
            " ".join(words) for entries in self.phrases.values() for words, cue in entries if cue.kind == "speech"
        }
        return found

    def candidates(self, doc: Doc) -> list[int]:
        """Indices of tokens that may start a cue (by lemma, or lower-case plural form), found on arrays."""
        strings = doc.vocab.strings
        hashes = self._hashes.get(id(strings))
        if hashes is None:
            words = set(self.first_words)
            words |= {word.capitalize() for word in self.first_words}
            plurals = {word + "s" for word in self.first_words}
            hashes = (
                numpy.array(sorted(strings.add(w) for w in words), dtype="uint64"),
                numpy.array(sorted(strings.add(w) for w in plurals), dtype="uint64"),
            )
            self._hashes[id(strings)] = hashes
        if len(doc) == 0:
            return []
        array = doc.to_array([LEMMA, LOWER])
        found = (
            numpy.isin(array[:, 0], hashes[0]) | numpy.isin(array[:, 1], hashes[1]) | numpy.isin(array[:, 1], hashes[0])
        )
        return [int(i) for i in numpy.nonzero(found)[0]]

    def match(self, doc: Doc, index: int) -> CueMatch | None:
        """The cue starting at token `index`: the longest phrase, else the one-word cue."""
        token = doc[index]
        lemma = _lemma(token)
        for words, cue in self.phrases.get(lemma, []) + self.phrases.get(token.lower_, []):
            end = index + 1
            matched = True
            for word in words[1:]:
                while (
                    end < len(doc)
                    and doc[end].dep_ == "advmod"
                    and doc[end].pos_ == "ADV"
                    and word not in _forms(doc[end])
                ):
                    end += 1  # "called repeatedly for"
                if end >= len(doc) or word not in _forms(doc[end]):
                    matched = False
                    break
                end += 1
            if matched:
                return CueMatch(cue, index, end)
        word_cue = self.single.get(lemma)
        if word_cue is None and token.pos_ in ("NOUN", "PROPN", "VERB") and token.lower_.endswith("s"):
            # headline verbs tagged as plural nouns ("US pressures China")
            word_cue = self.single.get(token.lower_[:-1])
            if word_cue is not None and token.pos_ == "VERB":
                word_cue = None
        return CueMatch(word_cue, index, index + 1) if word_cue is not None else None

    def stance_of(self, tokens: Iterable[Token]) -> tuple[str, str] | None:
        """The first stance word among `tokens` that is not negated ("I never threaten"): (stance id, the word)."""
        for token in tokens:
            stance = self.stance_words.get(_lemma(token))
            if stance and not any(child.dep_ == "neg" for child in token.children):
                return stance, token.text
        return None

    # -- argument frames ------------------------------------------------------------------------------

    @staticmethod
    def takes_infinitive(cue: Cue) -> bool:
        """Does "X <cue> to do Y" report what X said, thought or intends? ("vowed to", "wants to")."""
        return cue.lemma not in NO_INFINITIVE_LEMMAS and (
            cue.stance is not None
            or cue.kind != "speech"
            or cue.lemma in ADDRESSEE_LEMMAS
            or cue.lemma in INFINITIVE_SPEECH_LEMMAS
        )

    @staticmethod
    def object_is_content(cue: Cue) -> bool:
        """Can a plain object be what was said ("condemned the coup", "announced a plan")?"""
        if cue.lemma in NOT_OBJECT_LEMMAS:
            return False
        if cue.kind != "speech":
            return cue.lemma in ("want", "seek", "plan", "show")  # "wants a deal", "a poll showed a lead"
        return cue.stance is not None or cue.lemma in MESSAGE_OBJECT_LEMMAS

    def speaks(self, match: CueMatch | None) -> bool:
        """Is a cue a plain act of speech ("said", "told"), neither a deed nor a stance?"""
        return match is not None and match.cue.kind == "speech" and match.cue.stance is None and not match.cue.deed

    @staticmethod
    def object_is_addressee(cue: Cue) -> bool:
        """Is a cue's object always whom it addresses ("told reporters", "asked the minister")?"""
        return cue.lemma in ADDRESSEE_LEMMAS

    @staticmethod
    def addresses_object(cue: Cue) -> bool:
        """Is an object naming a person, body or country the addressee ("told Yang", "pressed China")?"""
        return cue.lemma in ADDRESSEE_LEMMAS or cue.stance in ADDRESSEE_STANCES


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def _forms(token: Token) -> tuple[str, str]:
    """A word of a phrase cue matches the token's lemma or its lower-case form ("according")."""
    return _lemma(token), token.lower_
