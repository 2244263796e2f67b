"""Affiliations the article itself states, for people no rule knows.

A name the rules do not list gets a party when the text says whom the person acts for:

- a title after a party: "Iranian President Hassan Rouhani", "Japan's Foreign Minister Taro Kono",
  "Pakistani army spokesman Asif Ghafoor" (the party or an actor of it, then a title, then the name);
- a title of a party: "President of Ukraine Volodymyr Zelenskyy", "First Minister of Scotland
  Nicola Sturgeon";
- a title of a person's: "Trump's lawyer Rudy Giuliani", "Putin's spokesman Dmitry Peskov" (the
  person's party, and the person named in the "why?");
- an apposition naming a title and a party, either way round: "Heiko Maas, Germany's foreign
  minister", "the German foreign minister, Heiko Maas", "Asif Ghafoor, a spokesman for the
  Pakistani military";
- a party marker after the name: "Sen. Elizabeth Warren (D-Mass.)" (`nlp.party_markers`);
- then every other mention of an affiliated person in the article carries it: the full name, or
  the surname alone when no other affiliated person shares it. A name given two parties carries
  neither beyond the mentions that state them.

Titles are the rules' person agent nouns ("president", "spokesman", "foreign minister") and role
nouns; parties are whatever the rules resolved before (a party's name or adjective, or an agent of
it such as "the Pakistani military"). The site's own rules always win; a built-in pack's
member yields where the article gives the person another party (the world pack's office holders
stop in 2014): "NATO Secretary-General Jens Stoltenberg" acts for NATO, whatever the pack says of
Norway's prime minister of 2014.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..rules import RuleSet
from .matching import Candidate
from .mentions import Mention, ResolvedMentions
from .party_markers import marked_people
from .text import BodyText


@dataclass(frozen=True)
class Title:
    """A title noun phrase the rules know (token range) and what to call it."""

    start: int
    end: int
    name: str


def affiliate(doc: Doc, resolved: ResolvedMentions, rules: RuleSet, text: BodyText) -> ResolvedMentions:
    """The resolved mentions with the people the article affiliates added, in document order."""
    affiliator = Affiliator(doc, resolved.mentions, titles_of(resolved.candidates, rules), text.offset)
    packed = {index: m for m in resolved.mentions if m.from_pack for index in range(m.start, m.end)}
    marked = marked_people(doc, resolved.mentions, rules, text.offset)  # "Sen. Elizabeth Warren (D-Mass.)"
    # a pack member the article gives the same party keeps the rule's mention; another party replaces it
    people = [
        person
        for person in affiliator.mentions_of_people(marked)
        if not any(
            (m := packed.get(i)) is not None and m.party == person.party for i in range(person.start, person.end)
        )
    ]
    taken = {index for person in people for index in range(person.start, person.end)}
    kept = [m for m in resolved.mentions if not (m.from_pack and taken.intersection(range(m.start, m.end)))]
    # both in document order; on one start, the rules' mention first
    mentions = list(heapq.merge(kept, sorted(people, key=lambda m: m.start), key=lambda m: m.start))
    hits = resolved.hits | {f"party:{m.party}" for m in marked}  # a marker edit re-analyses the article
    return replace(resolved, mentions=mentions, hits=hits)


def titles_of(candidates: Iterable[Candidate], rules: RuleSet) -> list[Title]:
    """The settled candidates that are titles of a person: role nouns and person agent nouns."""
    found = []
    for candidate in candidates:
        agents = [rules.agent(e.target) for e in candidate.entries if e.kind == "agent"]
        people = [agent for agent in agents if agent.kind == "person"]
        roles = [e for e in candidate.entries if e.kind == "role" and e.member is not None]
        if people:
            found.append(Title(candidate.start, candidate.end, people[0].name))
        elif roles and len(roles) + len(agents) == len(candidate.entries):
            entry = min(roles, key=lambda e: e.order())
            assert entry.member is not None
            role = rules.parties[entry.target].members[entry.member].role_list()[entry.role or 0]
            found.append(Title(candidate.start, candidate.end, role.title))
    return found


class Affiliator:
    """Finds the affiliations one doc states and the mentions of the people they affiliate."""

    def __init__(self, doc: Doc, mentions: list[Mention], titles: list[Title], offset: int):
        self.doc = doc
        self.mentions = mentions
        self.titles = titles
        self.offset = offset
        self.title_at = {index: title for title in titles for index in range(title.start, title.end)}
        self.mention_at: dict[int, Mention] = {}
        for mention in mentions:
            for index in range(mention.start, mention.end):
                self.mention_at.setdefault(index, mention)
        self.persons = [(ent.start, ent.end) for ent in doc.ents if ent.label_ == "PERSON"]
        self.person_at = {index: span for span in self.persons for index in range(*span)}

    def mentions_of_people(self, marked: Iterable[Mention] = ()) -> list[Mention]:
        """New mentions: the affiliated people where the article affiliates them (`marked` by a party marker,
        first), then their other mentions."""
        stated: list[Mention] = []
        taken: set[int] = set()
        for mention in [*marked, *self.titled(), *self.titled_of(), *self.appositions()]:
            tokens = range(mention.start, mention.end)
            if not taken.intersection(tokens):  # the first evidence found for a span wins
                stated.append(mention)
                taken.update(tokens)
        return stated + self.carried(stated, taken)

    # -- evidence --------------------------------------------------------------------------------------

    def titled(self) -> Iterable[Mention]:
        """A party (or its agent), a title, then a name no rule knows: "Iranian President Hassan Rouhani"."""
        for title in self.titles:
            name = self.name_after(title)
            party = self.party_ending_at(title.start)
            if name is None or party is None:
                continue
            why = f"title {title.name!r} after {party.text!r} ({party.party}) just before the name"
            yield self.person_mention(title.start, name, party.party, title.name, why)

    def titled_of(self) -> Iterable[Mention]:
        """A title, "of", a party, then a name no rule knows: "First Minister of Scotland Nicola Sturgeon"."""
        for party in self.mentions:
            # "president of the American Action Forum": an adjective after "of" begins a name, it is not the party
            name = self.name_from(party.end) if party.actor is None and party.via != "adjective" else None
            if name is None:
                continue
            before = party.start - 1 - (party.start > 1 and self.doc[party.start - 1].lower_ == "the")
            title = self.title_at.get(before - 1) if before > 0 and self.doc[before].lower_ == "of" else None
            if title is not None:
                why = f"title {title.name!r} of {party.text!r} ({party.party}) just before the name"
                yield self.person_mention(title.start, name, party.party, title.name, why)

    def appositions(self) -> Iterable[Mention]:
        """A name and a title of a party's in apposition, either way round."""
        for start, end in self.persons:
            if self.covered(start, end):
                continue
            head = self.doc[start:end].root
            for other in [c for c in head.children if c.dep_ == "appos"] + (
                [head.head] if head.dep_ == "appos" else []
            ):
                title = self.title_at.get(other.i)
                party = self.party_within(other, exclude=(start, end)) if title is not None else None
                if title is not None and party is not None:
                    why = f"in apposition with {title.name!r} of {party.text!r} ({party.party})"
                    yield self.person_mention(start, (start, end), party.party, title.name, why)
                    break

    def carried(self, stated: list[Mention], taken: set[int]) -> list[Mention]:
        """The affiliated people's other mentions: the full name, or an unshared surname (whatever the NER says)."""
        parties: dict[str, set[str]] = {}
        evidence: dict[str, Mention] = {}
        for mention in stated:
            assert mention.actor is not None
            parties.setdefault(mention.actor, set()).add(mention.party)
            evidence.setdefault(mention.actor, mention)
        names = _Names(parties)
        found: list[Mention] = []
        index = 0
        while parties and index < len(self.doc):
            match = self.named_at(index, names)
            if match is None or taken.intersection(range(index, match[0])) or self.covered(index, match[0]):
                index += 1
                continue
            end, full = match
            source = evidence[full]
            why = f"{full} is affiliated with {source.party} where the article says so: {source.text!r}"
            found.append(self.mention(index, end, source.party, full, source.role, why))
            index = end
        return found

    def named_at(self, index: int, names: _Names) -> tuple[int, str] | None:
        """(end, full name) of an affiliated person named at token `index`: in full, or by an unshared surname."""
        token = self.doc[index]
        for full in names.starting.get(token.text, []):
            words = full.split()
            if [t.text for t in self.doc[index : index + len(words)]] == words:
                return index + len(words), full
        previous = self.doc[index - 1] if index > 0 else None
        inside_other_name = previous is not None and previous.is_title and previous.pos_ == "PROPN"
        person = names.by_surname.get(token.text)
        if person is not None and token.is_title and not inside_other_name:
            return index + 1, person
        return None

    # -- pieces ----------------------------------------------------------------------------------------

    def name_after(self, title: Title) -> tuple[int, int] | None:
        """A person's name right after a title that no rule resolved (the NER's span may hold the title too)."""
        start, end = self.person_at.get(title.end, (-1, -1))
        if title.start <= start <= title.end < end:
            return None if self.covered(title.end, end) else (title.end, end)
        return self.name_from(title.end)

    def name_from(self, index: int) -> tuple[int, int] | None:
        """A name starting at token `index` that no rule resolved: a person the NER found, else two or more
        capitalised proper nouns (the NER often takes "Scotland Nicola Sturgeon" for one organisation)."""
        start, end = self.person_at.get(index, (-1, -1))
        if start == index:
            return None if self.covered(start, end) else (start, end)
        end = index
        while end < len(self.doc) and self.doc[end].is_title and self.doc[end].pos_ == "PROPN":
            end += 1
        return (index, end) if end - index >= 2 and not self.covered(index, end) else None

    def party_ending_at(self, index: int) -> Mention | None:
        """A party mention (or an agent of a party) ending right before token `index`, possessive allowed;
        or a person's, possessive: "Trump's lawyer Rudy Giuliani" acts for Trump's party."""
        possessive = index > 0 and self.doc[index - 1].text in ("'s", "’s")
        index -= possessive
        mention = self.mention_at.get(index - 1) if index > 0 else None
        if mention is None or mention.end != index:
            return None
        if mention.actor is None or mention.via == "agent" or (possessive and mention.actor_kind == "person"):
            return mention
        return None

    def party_within(self, head: Token, exclude: tuple[int, int]) -> Mention | None:
        """The party mention (or agent of one) of a title's own phrase, outside the name it describes: its
        modifiers ("Germany's", "German") and the object of "of"/"for" ("a spokesman for the Pakistani
        military") — never a clause or a phrase hung deeper ("a former aide who went to Burma")."""
        for token in _own_phrase(head):
            mention = self.mention_at.get(token.i)
            if mention is None or exclude[0] <= token.i < exclude[1]:
                continue
            if mention.actor is None or mention.via == "agent":
                return mention
        return None

    def covered(self, start: int, end: int) -> bool:
        """Does a rule's mention already cover part of the name? (A pack's member does not: the article may say
        otherwise, the world pack's office holders stop in 2014.)"""
        return any((m := self.mention_at.get(i)) is not None and not m.from_pack for i in range(start, end))

    def person_mention(self, start: int, name: tuple[int, int], party: str, role: str, why: str) -> Mention:
        full = self.doc[name[0] : name[1]].text
        return self.mention(start, name[1], party, full, role, why)

    def mention(self, start: int, end: int, party: str, actor: str, role: str | None, why: str) -> Mention:
        return Mention.of_tokens(
            self.doc,
            start,
            end,
            self.offset,
            party,
            actor=actor,
            actor_kind="person",
            role=role,
            via="affiliated",
            why=[why],
        )


class _Names:
    """The affiliated people's names to look for: full names by first word, and the unshared surnames."""

    def __init__(self, parties: dict[str, set[str]]):
        single = {name for name, affiliations in parties.items() if len(affiliations) == 1}
        self.starting: dict[str, list[str]] = {}
        for name in single:
            self.starting.setdefault(name.split()[0], []).append(name)
        surnames: dict[str, list[str]] = {}
        for name in parties:
            surnames.setdefault(name.split()[-1], []).append(name)
        self.by_surname = {
            surname: names[0] for surname, names in surnames.items() if len(names) == 1 and names[0] in single
        }


_MODIFIERS = ("poss", "amod", "compound", "nmod", "det", "case")
_OF = ("of", "for")


def _own_phrase(head: Token) -> Iterable[Token]:
    """A noun's own phrase: the noun, its modifiers, then the object of its "of"/"for" with that object's modifiers."""
    yield head
    for child in head.children:
        if child.dep_ in _MODIFIERS:
            yield from child.subtree
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in _OF:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    yield obj
                    for child in obj.children:
                        if child.dep_ in _MODIFIERS:
                            yield from child.subtree
