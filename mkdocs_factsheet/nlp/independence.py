"""People who speak for no party in a story: commentators, and the places they work at.

A briefing says which party holds a position; an expert's or a former minister's view is their own.
The affiliation step (`nlp.affiliation`) leaves such people without a party, and the speakers step
(`nlp.attribution.speakers`) keeps them so:

- a commentator: a person the text describes with one of the rules' independent titles ("Northwestern
  University public health expert Wendy Parmet", "terrorism specialist Ali Soufan") — an organisation the
  rules do not define, named beside them, is their workplace, not their party; a party of the rules stays
  theirs ("WHO epidemiologist …");
- someone at a workplace: a person affiliated only with an organisation whose name holds one of the rules'
  workplace words ("Steve Peers of the University of Essex", "deputy director of the Greek Energy Forum");
- a former office holder: a title held no longer (`phrases.held_before`; found by the affiliation step).
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping

from spacy.tokens import Doc, Token

from ..rules import RuleSet
from .mentions import Mention
from .phrases import PAST

_DESCRIBING = ("compound", "amod", "nmod", "appos", "conj", "cc")


class Independence:
    """The rules' independent titles and workplace words, read against one doc's mentions."""

    def __init__(self, doc: Doc, mentions: Iterable[Mention], rules: RuleSet):
        self.doc = doc
        self.titles = frozenset(title.lower() for title in rules.independent_titles)
        # provisional parties only: a university a site's rules define is a party like any other
        self.workplaces = {m.party: m.text for m in mentions if m.via == "provisional" and rules.is_workplace(m.text)}
        self.leaders = frozenset(title.lower() for title in rules.workplace_leaders)

    def leads(self, title: str | None) -> bool:
        """Does the title make its holder the voice of the workplace they hold it at ("president of Howard
        University")?"""
        return title is not None and title.lower() in self.leaders

    def described(
        self,
        start: int,
        end: int,
        beside: Iterable[Token],
        mention_at: Mapping[int, Mention],
        titles: Container[int],
    ) -> str | None:
        """Why the person named at tokens [start, end) speaks for no party, by the words describing them — before
        the name in its phrase ("public health expert Wendy Parmet") or in a phrase in apposition (`beside`: its
        heads) — or None: "retired", or a past word before a title (`titles`: their token indices; "a former
        comedian" held no office), or an independent title with no party of the rules among those words ("a WHO
        epidemiologist" acts for the WHO)."""
        root = self.doc[start:end].root
        describing = [t for c in root.lefts if c.dep_ in _DESCRIBING and c.i < start for t in c.subtree]
        if root.dep_ == "conj" and root.head.pos_ == "NOUN" and root.head.i < start:
            beside = [*beside, root.head]  # "Retired FBI agent and terrorism specialist Ali Soufan", parsed as a list
        for head in beside:
            for phrase in (head, *head.conjuncts):
                describing += [phrase, *(t for c in phrase.children if c.dep_ in _DESCRIBING for t in c.subtree)]
        describing = [t for t in describing if not start <= t.i < end]
        past = next((t for t in describing if t.lower_ in PAST and (t.lower_ == "retired" or t.head.i in titles)), None)
        if past is not None:
            words = self.doc[past.i : past.head.i + 1].text if past.i < past.head.i < start else past.text
            return f"described as {words!r}: an office held no longer, so no party's voice in this story"
        title = next((t for t in describing if t.lemma_.lower() in self.titles or t.lower_ in self.titles), None)
        if title is None:
            return None
        named = [m for t in describing if (m := mention_at.get(t.i)) is not None]
        if any(m.via not in ("provisional", "adjective") and m.party not in self.workplaces for m in named):
            return None
        return f"described as {title.text!r}: a commentator speaks for no party"
