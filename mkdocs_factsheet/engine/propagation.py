"""Affiliations carried across the site: a person one article affiliates is affiliated in the others that name them.

An article affiliates a person no rule knows when its text says whom they act for ("Japanese Foreign
Minister Taro Kono", `nlp.affiliation`); another article may name the same person without saying it
("Taro Kono said …"). Once every fact sheet is made, this pass gives such a person the party the other
article states, with a "why?" naming that article and its sentence:

- a position's speaker whose party is empty: named by a full name (or resolved to one), or by a bare
  surname when exactly one affiliated person of the site has it and the article names that person in
  full somewhere;
- a person the article names without a party (an unassigned name): listed as an actor of the party;
- a person the article names by surname alone, with a party ("US President Trump"): named in full when exactly
  one affiliated person of the site has that surname, with that same party (the party is unchanged).

Only what an article's text states is carried: a party the story's country alone gave a title ("the Pope" in a
Polish story) is not. It only fills what is empty: an article's own text beats what another article says (a person the
article itself gives a party, or two, is left alone), and a speaker the rules resolve (a member by
name, or by a role held on the article's date) keeps the rules' party. A rules' member the article matches by name
alone but leaves without a party as a speaker ("former US Vice President Joe Biden" in 2020) is no text of its own:
the party another article states is carried to it. Two articles that give one
person different parties are a conflict: the party stays empty and the position lists every party
with its article (`Position.affiliations`), never silently one.

The pass is cheap (a look-up per speaker and per unassigned name) and runs on every build after
extraction: its results depend on the whole site, so they are never stored in the per-article cache.
Sheets are not changed in place (they may be the cache's own objects); those it changes are copies.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from ..model import ActorFacts, Affiliation, FactSheet, PartyFacts, Position, Span, UnassignedActor
from ..nlp.headline import HOME_REASON
from ..rules import RuleSet


@dataclass(frozen=True)
class Source:
    """Where an article states a person's party: the party's facts there, and the sentence."""

    person: str
    party: PartyFacts
    affiliation: Affiliation

    def reason(self) -> str:
        """The "why?" of a party carried over from this source."""
        sentence = " ".join(self.affiliation.sentence.text.split())
        return (
            f"{self.person} is affiliated with {self.party.id} in article {self.affiliation.article!r}, "
            f"where the text says so: {sentence!r}"
        )


def propagate(sheets: list[FactSheet], rules: RuleSet) -> list[FactSheet]:
    """The sheets, in order, with the affiliations other articles state carried over (copies where changed)."""
    site = SiteAffiliations(sheets, rules)
    if not site.sources:
        return list(sheets)
    return [site.carry(sheet) for sheet in sheets]


class SiteAffiliations:
    """Every affiliation the site's articles state, by person, and how to carry them into one sheet."""

    def __init__(self, sheets: Iterable[FactSheet], rules: RuleSet):
        self.rules = rules
        self._members: dict[str, frozenset[str]] = {}
        self.sources: dict[str, dict[str, Source]] = {}  # person → party id → the first article stating it
        for sheet in sheets:
            for source in stated_in(sheet, self.members_of):
                self.sources.setdefault(source.person, {}).setdefault(source.party.id, source)
        self.by_surname: dict[str, set[str]] = {}
        for person in self.sources:
            self.by_surname.setdefault(person.split()[-1], set()).add(person)

    def carry(self, sheet: FactSheet) -> FactSheet:
        """The sheet with the site's affiliations carried in, or the sheet itself when there are none to carry."""
        carrier = _Carrier(self, sheet)
        positions = [carrier.position(position) for position in sheet.positions]
        unassigned = [actor for actor in sheet.unassigned_actors if not carrier.unassigned(actor)]
        if not carrier.changed:
            return sheet
        return replace(sheet, parties=carrier.parties(), positions=positions, unassigned_actors=unassigned)

    def sources_of(self, person: str | None, own: set[str]) -> list[Source]:
        """The parties other articles give `person` (one per party), unless this article gives it one (`own`)."""
        if person is None or person in own:
            return []
        return list(self.sources.get(person, {}).values())

    def members_of(self, party_id: str) -> frozenset[str]:
        """The names of the party's members in the rules (none for a party only the text names)."""
        if party_id not in self._members:
            rule = self.rules.parties.get(party_id)
            self._members[party_id] = frozenset(member.name for member in rule.members) if rule else frozenset()
        return self._members[party_id]

    def people_called(self, word: str) -> set[str]:
        """The affiliated people of the site whose surname is this one capitalised word."""
        return self.by_surname.get(word, set()) if word[:1].isupper() and " " not in word else set()

    def full_name_of(self, surname: str, party: str) -> Source | None:
        """The one person of the site with this surname, affiliated with this party only (where an article says
        so), for an actor the article names by surname alone."""
        people = self.people_called(surname)
        if len(people) != 1:
            return None
        sources = list(self.sources[next(iter(people))].values())
        return sources[0] if len(sources) == 1 and sources[0].party.id == party else None

    def person_of(self, text: str, actor: str | None, named: set[str]) -> str | None:
        """The affiliated person a speaker is: its actor or its words when a full name, else an unshared surname
        of the site's whose full name the article gives somewhere (`named`)."""
        if actor is not None:
            return actor if full_name(actor) else None
        words = text.strip()
        if full_name(words):
            return words
        people = self.people_called(words)
        person = next(iter(people)) if len(people) == 1 else None
        return person if person in named else None


class _Carrier:
    """Carries the site's affiliations into one sheet, collecting the actors it adds to each party."""

    def __init__(self, site: SiteAffiliations, sheet: FactSheet):
        self.site = site
        self.sheet = sheet
        actors = {actor.name for party in sheet.parties for actor in party.actors}
        # the people this article's text affiliates: not a rules' member matched by name alone, whose speaker the
        # rules left without a party (an office the pack dates before the story: "Joe Biden" in 2020)
        self.own = {
            actor.name
            for party in sheet.parties
            for actor in party.actors
            if actor.role is not None or actor.name not in site.members_of(party.id)
        }
        # people the article names in full: its own "Trump" is one of them, whoever else the site knows
        self.own_people = {word for name in actors if full_name(name) for word in name.split()}
        self.named = {actor.name for actor in sheet.unassigned_actors}
        self.named |= {p.speaker.actor or p.speaker.text.strip() for p in sheet.positions}
        self.taken = [(span.start, span.end) for party in sheet.parties for span in party.spans]
        self.added: dict[str, tuple[Source, list[Span]]] = {}  # person → (source, spans to add)
        self.in_full: dict[tuple[str, str], Source] = {}  # (party id, surname actor) → the person named in full
        self.changed = False

    def position(self, position: Position) -> Position:
        """The position with its speaker's party from another article, or every party when they disagree."""
        speaker = position.speaker
        if speaker.party is not None:
            return self.named_in_full(position)
        person = self.site.person_of(speaker.text, speaker.actor, self.named)
        sources = self.site.sources_of(person, self.own)
        if person is None or not sources:
            return position
        self.changed = True
        affiliations = [source.affiliation for source in sources]
        if len(sources) > 1:
            stated = ", ".join(f"{s.party.id} in article {s.affiliation.article!r}" for s in sources)
            reason = f"{person} is affiliated with {stated}: the articles disagree, so no party"
            return replace(
                position,
                speaker=replace(speaker, actor=person),
                why=[*position.why, f"speaker: {reason}"],
                affiliations=affiliations,
            )
        source = sources[0]
        spans = self.added.setdefault(person, (source, []))[1]
        if speaker.text.strip() in (person, person.split()[-1]):
            spans.append(Span(speaker.text, speaker.start, speaker.end))
        return replace(
            position,
            speaker=replace(speaker, actor=person, party=source.party.id),
            why=[*position.why, f"speaker: {source.reason()}"],
            affiliations=affiliations,
        )

    def named_in_full(self, position: Position) -> Position:
        """The position with its speaker named in full where the article gives a surname alone (`full_name_of`)."""
        speaker = position.speaker
        source = self.site.full_name_of(speaker.actor, speaker.party) if speaker.actor and speaker.party else None
        if source is None or speaker.actor in self.own_people:
            return position
        assert speaker.actor is not None and speaker.party is not None
        self.changed = True
        self.in_full[speaker.party, speaker.actor] = source
        why = f"speaker: {speaker.actor} is {source.person} ({source.reason()})"
        return replace(position, speaker=replace(speaker, actor=source.person), why=[*position.why, why])

    def unassigned(self, actor: UnassignedActor) -> bool:
        """Take an unassigned name that another article affiliates (a person, or a speaker carried here)."""
        sources = self.site.sources_of(actor.name, self.own)
        if len(sources) != 1 or (actor.label != "PERSON" and actor.name not in self.added):
            return False
        self.changed = True
        self.added.setdefault(actor.name, (sources[0], []))[1].extend(actor.spans)
        return True

    def parties(self) -> list[PartyFacts]:
        """The sheet's parties (copies where an actor is added), then the parties only other articles give."""
        parties = {party.id: self._in_full(party) for party in self.sheet.parties}
        for person, (source, found) in self.added.items():
            spans = self._free(found)
            party = parties.get(source.party.id) or replace(
                source.party, aliases=list(source.party.aliases), mentions=0, actors=[], spans=[]
            )
            why = [source.reason()]
            # no role: the role is what this article's text gives, and it gives none
            actor = ActorFacts(person, "person", None, len(spans), spans, why, [source.affiliation])
            parties[party.id] = replace(
                party,
                mentions=party.mentions + len(spans),
                actors=[*party.actors, actor],
                spans=sorted([*party.spans, *spans], key=lambda s: (s.start, s.end)),
            )
        return list(parties.values())

    def _in_full(self, party: PartyFacts) -> PartyFacts:
        """The party with its actors named by surname alone named in full (`named_in_full`), merged with that
        person where the party already lists them."""
        renamed = {actor: source for (party_id, actor), source in self.in_full.items() if party_id == party.id}
        if not renamed:
            return party
        actors: dict[str, ActorFacts] = {}
        for actor in party.actors:
            source = renamed.get(actor.name)
            if source is not None:
                why = [*actor.why, f"{actor.name} is {source.person} ({source.reason()})"]
                actor = replace(actor, name=source.person, why=why)  # the party is this article's own
            known = actors.get(actor.name)
            actors[actor.name] = (
                actor
                if known is None
                else replace(known, mentions=known.mentions + actor.mentions, spans=[*known.spans, *actor.spans])
            )
        return replace(party, actors=list(actors.values()))

    def _free(self, spans: list[Span]) -> list[Span]:
        """The spans, once each and in order, that overlap no party mention of the article."""
        free: list[Span] = []
        for span in sorted(set(spans), key=lambda s: (s.start, s.end)):
            if not any(start < span.end and span.start < end for start, end in self.taken):
                free.append(span)
                self.taken.append((span.start, span.end))
        return free


def stated_in(sheet: FactSheet, members_of: Callable[[str], frozenset[str]]) -> Iterable[Source]:
    """The people the article affiliates by its own text: a party's actors that are not its members in the rules
    (`members_of` a party id), and not given their party by the story's country alone (a guess for that story: "the
    Pope" in a Polish one)."""
    for party in sheet.parties:
        members = members_of(party.id)
        for actor in party.actors:
            if actor.kind != "person" or actor.name in members or actor.affiliations or not actor.spans:
                continue
            if all(HOME_REASON in why for why in actor.why):
                continue
            if not full_name(actor.name):
                continue
            sentence = _sentence(sheet, _stating_span(actor))
            yield Source(actor.name, party, Affiliation(party.id, sheet.article.id, sentence))


def full_name(text: str) -> bool:
    """Two or more capitalised words ("Taro Kono", "Ursula von der Leyen")."""
    words = text.split()
    return len(words) >= 2 and sum(word[:1].isupper() for word in words) >= 2


def _stating_span(actor: ActorFacts) -> Span:
    """The mention that states the affiliation: the first one with more than the name ("Foreign Minister Taro
    Kono"), else the first."""
    plain = {actor.name, actor.name.split()[-1]}
    return next((span for span in actor.spans if span.text.strip() not in plain), actor.spans[0])


def _sentence(sheet: FactSheet, span: Span) -> Span:
    """The sentence of the article holding a span (the span itself when the sheet has no sentences)."""
    index = bisect.bisect_right([s.start for s in sheet.sentences], span.start) - 1
    return sheet.sentences[index] if index >= 0 and span.start < sheet.sentences[index].end else span
