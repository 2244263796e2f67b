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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Doc, Token

from ..rules import RuleSet
from .attribution.genders import tied_subject
from .headline import HOME_REASON, looks_plural
from .independence import Independence
from .matching import Candidate
from .mentions import Mention, ResolvedMentions
from .names import HONORIFICS, RANKS, by_first_name, surnames_of, without_honorific
from .party_markers import marked_people
from .phrases import OF, PAST, WINDOW, acts_as_party, held_before, own_phrase, phrase_head, sentences_back
from .provisional import find_provisional
from .regions import region_of_a_country
from .text import BodyText


@dataclass(frozen=True)
class Title:
    """A title noun phrase the rules know (token range) and what to call it."""

    start: int
    end: int
    name: str
    party: str | None = None  # a role only one party's members hold ("Secretary of State")
    voice: bool = False  # a voice agent noun ("spokesperson"): unnamed, it speaks as a body or party
    of_state: bool = True  # a state's office; an organisation's own ("CEO") is never the home country's
    executive: bool = False  # held for the state whatever the holder's party ("Republican President Trump")


def affiliate(
    doc: Doc, resolved: ResolvedMentions, rules: RuleSet, text: BodyText, home: tuple[str, str] | None = None
) -> ResolvedMentions:
    """The resolved mentions with the organisations no rule defines (provisional parties) and the people the
    article affiliates added, in document order. `home`: the country whose title-holder the headline names
    (`nlp.headline`) and what says so, for titles the text leaves without a party."""
    titles = titles_of(resolved.candidates, rules)
    spans = [(title.start, title.end) for title in titles]
    organisations, provisional = find_provisional(
        doc,
        resolved.mentions,
        text,
        rules.agent_phrases,
        spans,
        rules.countries,
        home,
        rules.body_phrases,
        rules.business_lemmas,
    )
    named = {index for m in organisations for index in range(m.start, m.end)}
    # a party's adjective inside an organisation's own name ("Syrian Democratic Forces") is part of that name
    own = [m for m in resolved.mentions if not (m.via == "adjective" and m.start in named)]
    found = list(heapq.merge(own, organisations, key=lambda m: m.start))
    independence = Independence(doc, found, rules)
    bodies = tuple(bodies_of(resolved.candidates, rules))
    affiliator = Affiliator(doc, found, titles, text, home, bodies, independence, rules)
    packed = {index: m for m in found if m.from_pack for index in range(m.start, m.end)}
    marked = marked_people(doc, own, rules, text)  # "Sen. Elizabeth Warren (D-Mass.)"
    # a pack member the article gives the same party keeps the rule's mention; another party replaces it
    people = [
        person
        for person in affiliator.mentions_of_people(marked)
        if not any(
            (m := packed.get(i)) is not None and m.party == person.party for i in range(person.start, person.end)
        )
    ]
    taken = {index for person in people for index in range(person.start, person.end)}
    kept = [_holder(m, people) for m in found if not (_yields(m) and taken.intersection(range(m.start, m.end)))]
    people = [_holder(m, people) for m in people]  # "…, transport secretary declares" (a bare title at home)
    # both in document order; on one start, the rules' mention first
    mentions = list(heapq.merge(kept, sorted(people, key=lambda m: m.start), key=lambda m: m.start))
    hits = resolved.hits | {f"party:{m.party}" for m in marked}  # a marker edit re-analyses the article
    independent = affiliator.independent_people(people)
    return replace(resolved, mentions=mentions, hits=hits, provisional=provisional, independent=independent)


def _holder(mention: Mention, people: list[Mention]) -> Mention:
    """A party's title alone ("the Greek prime minister") as the one person the article gives that title and
    party (Kyriakos Mitsotakis); the title as it was when there is none or several."""
    if mention.via != "agent" or mention.actor_kind != "person" or not mention.actor:
        return mention
    if looks_plural(mention.text.split()[-1].lower()):
        return mention  # "Two Democratic Representatives, Collin Peterson and …": more than the one named
    title = mention.actor.casefold()
    holders = {
        p.actor
        for p in people
        if p.party == mention.party
        and p.role
        and (title == p.role.casefold() or title.endswith(" " + p.role.casefold()))
    }
    if len(holders) != 1:
        return mention
    holder = next(iter(holders))
    why = f"{mention.text!r}: the one {mention.actor} the article names, {holder}"
    return replace(mention, actor=holder, via="affiliated", why=[*mention.why, why])


def _yields(mention: Mention) -> bool:
    """Does the mention give way to what the article states? A pack's member does (the world pack's office
    holders stop in 2014), and so does a provisional party (the NER takes many a name for an organisation)."""
    return mention.from_pack or mention.via == "provisional"


def titles_of(candidates: Iterable[Candidate], rules: RuleSet) -> list[Title]:
    """The settled candidates that are titles of a person: role nouns and person agent nouns."""
    found = []
    for candidate in candidates:
        agents = [rules.agent(e.target) for e in candidate.entries if e.kind == "agent"]
        people = [agent for agent in agents if agent.kind == "person"]
        roles = [e for e in candidate.entries if e.kind == "role" and e.member is not None]
        if people:
            voice, of_state = all(a.voice for a in people), any(a.of_state for a in people)
            executive = any(a.executive for a in people)
            found.append(Title(candidate.start, candidate.end, people[0].name, None, voice, of_state, executive))
        elif roles and len(roles) + len(agents) == len(candidate.entries):
            entry = min(roles, key=lambda e: e.order())
            assert entry.member is not None
            role = rules.parties[entry.target].members[entry.member].role_list()[entry.role or 0]
            owners = {e.target for e in roles}
            executive = all(rules.parties[owner].kind == "country" for owner in owners)  # not "Secretary-General"
            owner = owners.pop() if len(owners) == 1 else None
            found.append(Title(candidate.start, candidate.end, role.title, owner, executive=executive))
    return found


def bodies_of(candidates: Iterable[Candidate], rules: RuleSet) -> list[Title]:
    """The settled candidates that are agent nouns of a body ("police", "the government")."""
    found = []
    for candidate in candidates:
        agents = [rules.agent(e.target) for e in candidate.entries if e.kind == "agent"]
        if agents and all(agent.kind == "body" for agent in agents):
            of_state = any(agent.of_state for agent in agents)
            found.append(Title(candidate.start, candidate.end, agents[0].name, of_state=of_state))
    return found


# how many lower-case words may stand between a party's word and a name ("Democratic vice presidential nominee")
_DESCRIBING_WORDS = 3
# how a party's word hangs on the words after it when it describes them ("Democratic rival", "GOP nominee")
_MODIFYING = ("amod", "compound", "nmod", "npadvmod")
# the most words of a title's own phrase between it and the name it is in apposition with
_APPOSED_WORDS = 20
# what hangs only on a verb: a noun with one of these before a name is a misparsed verb ("NBC simulcast …")
_VERB_DEPENDENTS = ("dobj", "mark", "aux", "auxpass", "nsubj", "ccomp", "xcomp")
# after a name: the party or body the person speaks for follows
_SPEAKING_FOR = ("speaking for ", "acting for ", "speaking on behalf", "on behalf of")


_BRACKETED_WORDS = 5  # the longest expansion of a title's acronym in brackets: "(Member of the European Parliament)"
_NAME_GLUE = frozenset({"of", "the", "for", "and"})  # lower-case words inside such an expansion

# nouns before a title that make it a private group's, never the home country's office: "a family spokesperson",
# "aid agencies"
_PRIVATE_OWNERS = frozenset(
    {"family", "campaign", "club", "team", "company", "firm", "church", "aid", "relief", "humanitarian", "charity"}
)
_FAMILY = frozenset({"family"})
# the words that follow a political party's name when a story is about its primaries
_PRIMARIES = frozenset({"primary", "primaries", "caucus", "caucuses", "nomination", "nominating"})
# words before a title that set its holder against the state their nationality names: "Russian opposition leader"
_AGAINST_THE_STATE = frozenset({"opposition", "dissident", "rebel", "separatist", "exiled", "exile"})
# the most words of an "of" phrase that names a title alone ("the head of the police's internal investigators")
_OF_WORDS = 8


class Affiliator:
    """Finds the affiliations one doc states and the mentions of the people they affiliate."""

    def __init__(
        self,
        doc: Doc,
        mentions: list[Mention],
        titles: list[Title],
        body: BodyText,
        home: tuple[str, str] | None,
        bodies: tuple[Title, ...],
        independence: Independence,
        rules: RuleSet,
    ):
        self.doc = doc
        self.rules = rules
        self.countries = rules.countries  # the parties that are countries: a nationality before a noun is no membership
        self.party_countries = rules.party_countries  # a political party → the country whose offices its people hold
        self.independence = independence
        self.unaffiliated: dict[str, str] = {}  # people shown speaking for no party (see `independent_people`)
        self._beside: dict[tuple[int, int], list[Token]] = {}  # `beside`'s answers, by span
        self.home = home
        self.bodies = bodies
        self.mentions = mentions
        self.titles = titles
        self.body = body
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
        evidence = [
            *marked,
            *self.nomination_seekers(),
            *self.titled(),
            *self.party_before_name(),
            *self.ranked_in_service(),
            *self.titled_of(),
            *self.appositions(),
            *self.primary_candidates(),
            *self.named_as(),
            *self.of_party(),
            *self.own(),
            *self.speaking_for(),
            *self.exemplified(),
        ]
        self.former_holders()
        commentators = self.commentators()
        for mention in evidence:
            tokens = range(mention.start, mention.end)
            if self.at_workplace(mention, commentators):
                continue
            if not taken.intersection(tokens):  # the first evidence found for a span wins
                stated.append(mention)
                taken.update(tokens)
        stated = self.in_full(stated)
        for mention in [*self.coordinated(stated), *self.listed(stated)]:
            if not taken.intersection(range(mention.start, mention.end)):
                stated.append(mention)
                taken.update(range(mention.start, mention.end))
        named = {mention.actor for mention in stated}
        surnames = {actor.split()[-1] for actor in named if actor}
        at_home = self.in_full(list(self.titled_at_home()))  # weaker: for people nothing else affiliates
        stated = self.office_over_party(stated, at_home)
        for mention in [*at_home, *self.listed(at_home)]:
            tokens = range(mention.start, mention.end)
            if mention.actor not in named | surnames and not taken.intersection(tokens):
                stated.append(mention)
                taken.update(tokens)
        stated = self.party_over_country(stated)
        people = stated + self.carried(stated, taken)
        taken |= {index for mention in people for index in range(mention.start, mention.end)}
        for mention in [*self.voices_of_the_subject_before(), *self.bare_titles_at_home()]:
            if not taken.intersection(range(mention.start, mention.end)):
                people.append(mention)
                taken.update(range(mention.start, mention.end))
        return people

    def office_over_party(self, stated: list[Mention], at_home: list[Mention]) -> list[Mention]:
        """The stated affiliations, a person's political party given as their country where the article also gives
        them an executive office of the story's country ("President Donald Trump, the presumptive Republican
        presidential nominee"): the office is held for the state, whatever the holder's party."""
        executive = {title.name for title in self.titles if title.executive}
        offices = {m.actor: m for m in at_home if m.role in executive and m.actor}
        parties: dict[str, set[str]] = {}
        for mention in stated:
            parties.setdefault(mention.actor or "", set()).add(mention.party)
        held = {
            actor: office
            for actor, office in offices.items()
            if parties.get(actor) and all(self.party_countries.get(p) == office.party for p in parties[actor])
        }
        return [
            replace(m, party=held[m.actor].party, why=[*m.why, f"{m.actor} holds the office of {held[m.actor].role}"])
            if m.actor in held
            else m
            for m in stated
        ]

    def party_over_country(self, stated: list[Mention]) -> list[Mention]:
        """The stated affiliations, a person's country given as their political party where the article gives
        both ("Joanna Cherry of the Scottish National Party", "Cherry … are members of UK parliament"): no
        conflict, the party says more."""
        parties: dict[str, set[str]] = {}
        for mention in stated:
            parties.setdefault(mention.actor or "", set()).add(mention.party)
        own: dict[str, str] = {}
        for actor, affiliations in parties.items():
            political = [p for p in affiliations if p in self.party_countries]
            if len(affiliations) == 2 and len(political) == 1 and self.party_countries[political[0]] in affiliations:
                own[actor] = political[0]
        return [
            replace(m, party=own[m.actor], why=[*m.why, f"{m.actor} is of {own[m.actor]}, a party of {m.party}"])
            if m.actor in own and m.party != own[m.actor]
            else m
            for m in stated
        ]

    @cached_property
    def primary_party(self) -> str | None:
        """The one political party whose primaries the story is about ("the United States Democratic Party held
        primary elections", "the Democratic presidential primary"), or None."""
        found = {
            m.party
            for m in self.mentions
            if m.party in self.party_countries and m.actor is None and self.of_primaries(m)
        }
        return next(iter(found)) if len(found) == 1 else None

    def nomination_seekers(self) -> Iterable[Mention]:
        """The people a story about one party's primaries names as the subject of a clause about its nomination or
        primaries ("United States Senator from Vermont Bernie Sanders ended his bid for the Democratic Party's
        nomination"): that party's, whatever office they hold."""
        party = self.primary_party
        if party is None:
            return
        why = f"named seeking or leaving the nomination in a story of the {party} primaries"
        for mention in self.mentions:
            if mention.party != party or mention.actor is not None or not self.of_primaries(mention):
                continue
            verb = next((t for t in self.doc[mention.start].ancestors if t.pos_ in ("VERB", "AUX")), None)
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
            # the person the subject names, also after a title ("Senator from Vermont Bernie Sanders")
            people = [self.person_at[t.i] for t in subject.subtree if t.i in self.person_at] if subject else []
            span = people[0] if people else None
            if span is not None:
                yield self.person_mention(span[0], span, party, None, why)

    def of_primaries(self, mention: Mention) -> bool:
        """Is a party's mention followed by its primaries' word ("the Democratic Party's nomination")?"""
        return any(t.lower_ in _PRIMARIES for t in self.doc[mention.end : mention.end + 3])

    def primary_candidates(self) -> Iterable[Mention]:
        """The people a story about one party's primaries calls candidates, with nothing else before the title
        ("two candidates, Senator Elizabeth Warren of Massachusetts and Michael Bloomberg, formerly the mayor of
        New York City, ended their campaigns"): that party's."""
        party = self.primary_party
        if party is None:
            return
        why = f"called a candidate in a story of the {party} primaries"
        for title in self.titles:
            if self.doc[title.end - 1].lemma_.lower() != "candidate" or self.no_longer(title) is not None:
                continue
            if any(i in self.mention_at for i in range(self.past_modifiers(title), title.end)):
                continue  # "US presidential candidate Jo Jorgensen", "Democratic candidate …": said otherwise
            name = self.name_after(title)
            for span in [name] if name is not None else self.listed_after(title.end):
                yield self.person_mention(span[0], span, party, title.name, why)

    def listed_after(self, index: int) -> list[tuple[int, int]]:
        """The people named after the comma at token `index`, up to the verb of the clause ("candidates, Senator
        Elizabeth Warren of Massachusetts and Michael Bloomberg, …, ended")."""
        doc = self.doc
        if index + 1 >= len(doc) or doc[index].text != "," or doc[index + 1].is_punct:
            return []  # not 'a candidate," Mr. King said': the title ended a quotation
        sentence_end = doc[index].sent.end
        stop = next((t.i for t in doc[index + 1 : sentence_end] if t.pos_ in ("VERB", "AUX")), sentence_end)
        return [span for span in self.persons if index < span[0] and span[1] <= stop]

    def independent_people(self, people: list[Mention]) -> dict[str, str]:
        """The people the article shows speaking for no party (a former office, a commentator's title, a
        workplace; `nlp.independence`), name → why: those it affiliates nowhere else."""
        affiliated = {m.actor for m in people if m.actor}
        # "Prime Minister Boris Johnson, a former journalist": a title held now, right before the name
        affiliated |= {
            self.name_of(*name)
            for title in self.titles
            if self.no_longer(title) is None and (name := self.name_after(title)) is not None
        }
        return {name: why for name, why in self.unaffiliated.items() if name not in affiliated}

    def former_holders(self) -> None:
        """Note the people named with a title held no longer, before the name or in apposition: "Former prime
        minister John Major", "Tom Frieden, formerly the director of the CDC"."""
        for title in self.titles:
            if self.no_longer(title) is not None and (name := self.name_after(title)) is not None:
                self.note(*name, self.held_no_longer(title))
        for start, end in self.persons:
            for other in self.beside(start, end):
                beside = self.title_at.get(other.i)
                if beside is not None and self.no_longer(beside) is not None:
                    self.note(start, end, self.held_no_longer(beside))

    def held_no_longer(self, title: Title) -> str:
        word = self.no_longer(title)
        phrase = self.doc[word.i if word is not None else title.start : title.end].text
        return f"{phrase!r}: an office held no longer, so no party's voice in this story"

    def commentators(self) -> dict[str, str]:
        """The people the words describing them show speaking for no party ("public health expert Wendy Parmet",
        "Retired FBI agent … Ali Soufan"; `nlp.independence`), name → why; each is noted."""
        found: dict[str, str] = {}
        for start, end in self.persons:
            why = self.independence.described(start, end, self.beside(start, end), self.mention_at, self.title_at)
            if why is not None:
                self.note(start, end, why)
                found.setdefault(self.name_of(start, end), why)
        return found

    def at_workplace(self, mention: Mention, commentators: dict[str, str]) -> bool:
        """Is this evidence only a workplace (a university, a forum), or an organisation no rule defines beside a
        commentator? Then the person is noted as speaking for no party."""
        if mention.actor is None:
            return False
        workplace = self.independence.workplaces.get(mention.party)
        if workplace is not None and self.independence.leads(mention.role):
            return False  # "Wayne Frederick, president of Howard University": he speaks for it
        if workplace is not None:
            self.unaffiliated.setdefault(mention.actor, f"works at {workplace!r}, which is no party they speak for")
            return True
        if mention.actor in commentators and mention.party.startswith("provisional-"):
            self.unaffiliated.setdefault(mention.actor, commentators[mention.actor])
            return True
        return False

    def note(self, start: int, end: int, why: str) -> None:
        self.unaffiliated.setdefault(self.name_of(start, end), why)

    def name_of(self, start: int, end: int) -> str:
        """The person's name in tokens [start, end), without a title the NER took into it ("Crown Prince"), a
        courtesy title ("Dr") or a possessive ending ("John R. Bolton's resignation")."""
        title = self.title_at.get(start)
        if title is not None and title.start == start and title.end < end:
            start = title.end
        if end - start > 1 and self.doc[end - 1].text in ("'s", "’s"):
            end -= 1
        return without_honorific(self.doc[start:end].text)

    def no_longer(self, title: Title) -> Token | None:
        """The word ("former", "retired") before a title or its modifiers that makes it one held no longer."""
        word = held_before(self.doc, self.past_modifiers(title))
        return word if word is not None else held_before(self.doc, title.start)

    def in_full(self, stated: list[Mention]) -> list[Mention]:
        """The affiliated people named by their full name where a surname alone stated it ("Argentine
        president Fernández" in the headline, "Alberto Fernández" in the text): the one fuller name the
        article gives with that word after its first ("Rosselló", "Ricardo Rosselló Nevares")."""
        fuller: dict[str, set[str]] = {}
        for name in [m.actor for m in stated if m.actor] + [self.doc[start:end].text for start, end in self.persons]:
            for word in name.split()[1:]:  # the last, or a first surname of two: "Ricardo Rosselló Nevares"
                fuller.setdefault(word, set()).add(name)
        found = []
        for mention in stated:
            names = fuller.get(mention.actor or "", set()) if mention.actor and " " not in mention.actor else set()
            found.append(replace(mention, actor=next(iter(names))) if len(names) == 1 else mention)
        return found

    # -- evidence --------------------------------------------------------------------------------------

    def titled(self) -> Iterable[Mention]:
        """A party (or its agent), a title, then a name no rule knows: "Iranian President Hassan Rouhani"."""
        for title in self.titles:
            name = self.name_after(title)
            if name is None or self.no_longer(title) is not None:
                continue
            start = title.start if name[0] <= title.end else name[0]  # never over the title's "for Iran"
            party = self.party_ending_at(self.past_modifiers(title))
            if party is not None and party.party in self.countries and self.against_the_state(party.start, title):
                continue  # "Russian opposition leader Alexei Navalny": of the country, not acting for it
            member_of = self.party_of_name(name[1])
            if party is not None and party.party in self.countries and member_of is not None and not title.executive:
                continue  # "Polish leader Jarosław Kaczyński of the Law and Justice Party": the party he leads
            if party is not None and party.party in self.countries and not title.of_state:
                continue  # "US presidential candidate Jo Jorgensen", "American CEO …": a nationality, no office
            if party is not None:
                state = self.state_of(title, party)
                why = (
                    f"title {title.name!r}, held for {state} whatever the party {party.text!r} ({party.party})"
                    if state is not None
                    else f"title {title.name!r} after {party.text!r} ({party.party}) just before the name"
                )
                yield self.person_mention(start, name, state or party.party, title.name, why)
            elif title.party is not None and not self.anyone_at(name):
                why = f"title {title.name!r}, an office only {title.party} has in the rules, just before the name"
                yield self.person_mention(start, name, title.party, title.name, why)

    def state_of(self, title: Title, party: Mention) -> str | None:
        """The country an executive office of state is held for when the word before it names a political party
        of that country ("Republican President Trump": the party's `country`); None otherwise ("Microsoft President
        Brad Smith")."""
        return self.party_countries.get(party.party) if title.executive and party.actor is None else None

    def party_before_name(self) -> Iterable[Mention]:
        """A party's name or adjective right before a name, with no title between: "Democrat Chuck Schumer",
        "Briton Jane Hill"; or with a noun between, perhaps after words describing it, for a party that is no
        country ("Democratic rival Joe Biden", "Republican presidential nominee Donald Trump")."""
        for start, end in self.persons:
            before = self.mention_at.get(start - 1) if start > 0 else None
            gap = 0
            if before is None and start > 1 and self.doc[start - 1].pos_ == "NOUN" and self.doc[start - 1].is_lower:
                # "Democratic rival Joe Biden": a party's word, a noun, the name; not "American singer …"
                gap = 1
                while gap < _DESCRIBING_WORDS and start - gap > 1 and self.doc[start - gap - 1].is_lower:
                    if self.doc[start - gap - 1].pos_ not in ("ADJ", "NOUN"):
                        break
                    gap += 1  # "presidential nominee", "vice presidential candidate"
                member = self.mention_at.get(start - gap - 1)
                before = member if member is not None and member.party not in self.countries else None
            if before is None or before.end != start - gap or before.actor is not None or not acts_as_party(before):
                continue
            if "\n" in self.doc[before.start : start].text:
                continue  # a headline's last word is nothing of the name opening the text below it
            if gap and not self.describes_name(before, (start, end)):
                continue  # "While NBC simulcast Trump's town hall": the party's word describes nothing after it
            previous = self.doc[before.start - 1] if before.start > 0 else None
            if previous is not None and (self.complements_noun(previous) or previous.i in self.title_at):
                continue  # "Mayor of London Sadiq Khan": the party ends a title
            if not gap and previous is not None and previous.pos_ == "VERB" and before.via == "provisional":
                continue  # "told MSNBC Cummings was …": the verb's object, then its clause's subject
            end -= end - start > 1 and self.doc[end - 1].text in ("'s", "’s")  # "Republican Donald Trump's"
            why = f"{before.text!r} ({before.party}) right before the name"
            yield self.person_mention(before.start, (start, end), before.party, None, why)

    def describes_name(self, party: Mention, name: tuple[int, int]) -> bool:
        """Does the party's word modify the words between it and a name by the parse, and is the word before the
        name a noun, not a verb the parse read as one (not "NBC" as the subject of "simulcast", nor "simulcast"
        with its object and its "While")?"""
        word, noun = self.doc[party.end - 1], self.doc[name[0] - 1]
        acting = any(child.dep_ in _VERB_DEPENDENTS for child in noun.children)
        return word.dep_ in _MODIFYING and party.end - 1 < word.head.i < name[1] and not acting

    def complements_noun(self, token: Token) -> bool:
        """Is `token` "of" or "for" after a noun ("Mayor of", "spokesman for"; not "campaigned for")?"""
        return token.lower_ in OF and token.i > 0 and self.doc[token.i - 1].pos_ in ("NOUN", "PROPN")

    def ranked_in_service(self) -> Iterable[Mention]:
        """A party or its body, a rank, then a name: "USCG Captain Monica Rochester", "Army Gen. Ann Lee"."""
        for start, end in self.persons:
            rank = start if self.doc[start].lower_ in RANKS else start - 1
            before = self.mention_at.get(rank - 1) if rank > 0 and self.doc[rank].lower_ in RANKS else None
            if before is None or before.end != rank or not acts_as_party(before) or self.covered(start, end):
                continue
            name = (start + (rank == start), end)
            why = f"rank {self.doc[rank].text!r} in {before.text!r} ({before.party}) right before the name"
            yield self.person_mention(before.start, name, before.party, None, why)

    def of_party(self) -> Iterable[Mention]:
        """A name, "of", then a party, perhaps after the words saying what it is: "Joanna Cherry of the Scottish
        National Party", "Peter Iseley of worldwide victim group Ending Clergy Abuse"."""
        for start, end in self.persons:
            party = self.party_of_name(end)
            if party is not None and region_of_a_country(party, self.rules) and self.title_at.get(start - 1) is None:
                continue  # "Tiara Lusk of Idaho": where she is from; "Senator Ann Lee of Idaho" holds a state's office
            if party is not None and not self.covered(start, end):
                why = f"{self.doc[start:end].text} of {party.text!r} ({party.party})"
                yield self.person_mention(start, (start, end), party.party, None, why)

    def party_of_name(self, end: int) -> Mention | None:
        """The party named by "of" right after a name ending at token `end`, perhaps after words saying what it
        is ("of the conservative Law and Justice Party")."""
        if end >= len(self.doc) or self.doc[end].lower_ != "of":
            return None
        at = end + 1
        while at < min(len(self.doc), end + 5) and at not in self.mention_at and self.doc[at].is_lower:
            at += 1  # "the", "rights group", "worldwide victim group"
        party = self.mention_at.get(at)
        if party is not None and party.start == at and party.via != "adjective" and acts_as_party(party):
            return None if self.workplace_owned(party) else party
        return None

    def workplace_owned(self, party: Mention) -> bool:
        """Is the party named as the owner of a workplace right after it ("of Australia's Griffith University"): the
        person works there, and speaks for no party?"""
        doc = self.doc
        if party.end >= len(doc) or doc[party.end].tag_ != "POS":
            return False
        end = party.end + 1
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
        return end > party.end + 1 and self.rules.is_workplace(doc[party.end + 1 : end].text)

    def speaking_for(self) -> Iterable[Mention]:
        """A name, then "speaking for" / "on behalf of" a party or its body: "Ali Reza Raisi, speaking for the
        country's Health Ministry, reported …" ("the country" is the article's home country, if it has one)."""
        doc = self.doc
        for start, end in self.persons:
            at = end + (end < len(doc) and doc[end].text == ",")
            words = " ".join(t.lower_ for t in doc[at : at + 3])
            if words.startswith(_SPEAKING_FOR):
                phrase = []
                for token in doc[at + 2 : min(len(doc), at + 14)]:
                    if token.text in (",", ";", ".") or token.pos_ == "VERB":
                        break
                    phrase.append(token)
                party = next((m for t in phrase if (m := self.mention_at.get(t.i)) and acts_as_party(m)), None)
                home = self.home[0] if self.home and any(t.lower_ in ("country", "nation") for t in phrase) else None
                owner = party.party if party is not None else home
                if owner is not None and not self.covered(start, end):
                    named = party.text if party is not None else "the country"
                    why = f"{doc[start:end].text}, speaking for {named!r} ({owner})"
                    yield self.person_mention(start, (start, end), owner, None, why)

    def exemplified(self) -> Iterable[Mention]:
        """A name given as an example of a party's group: "Democrats including Nancy Pelosi", "Iranian officials
        like Javad Zarif", "Other Republicans have urged him …, such as former governor Chris Christie" (where the
        parse hangs "such as" on another noun, the group is the clause's plural subject). A country's group names
        its people only as office holders ("officials"), not as its citizens ("Americans such as …")."""
        for start, end in self.persons:
            root = self.doc[start:end].root
            example = root.head if root.dep_ == "pobj" else None
            if example is None or not _introduces_example(example) or self.covered(start, end):
                continue
            group = example.head
            party = self.group_party(group)
            if party is None:
                subject = next((c for c in group.sent.root.children if c.dep_ == "nsubj" and c.i < example.i), None)
                party = self.group_party(subject) if subject is not None else None
            if party is not None:
                why = f"{self.doc[start:end].text}, an example of {party.text!r} ({party.party})"
                yield self.person_mention(start, (start, end), party.party, None, why)

    def group_party(self, group: Token) -> Mention | None:
        """The party whose people a plural noun names: a party's own word ("Republicans") or an office holders'
        noun after a party's word ("Iranian officials")."""
        if group.tag_ not in ("NNS", "NNPS"):
            return None
        mention = self.mention_at.get(group.i)
        if mention is not None and mention.via != "provisional" and mention.party not in self.countries:
            return mention if mention.actor is None or mention.actor_kind != "person" else None
        if group.i not in self.title_at:
            return None
        for child in group.children:  # "Iranian officials": a title after a party's word
            word = self.mention_at.get(child.i)
            if child.i < group.i and child.dep_ in ("amod", "compound") and word is not None and acts_as_party(word):
                return word
        return None

    def own(self) -> Iterable[Mention]:
        """A person's own party, by the possessive tied to them: "Jeremy Corbyn said his Labour Party …"; not a
        place of theirs ("his New Jersey home": the possessive is the home's)."""
        for mention in self.mentions:
            before = self.doc[mention.start - 1] if mention.start > 0 else None
            if before is None or before.dep_ != "poss" or before.lower_ not in ("his", "her"):
                continue
            if not mention.start <= before.head.i < mention.end:
                continue
            if mention.via == "adjective" or not acts_as_party(mention):
                continue
            subject = tied_subject(before) or self.speaking_subject(before)
            span = self.person_at.get(subject.i) if subject is not None else None
            if span is not None and not self.covered(*span):
                why = f"{before.text} {mention.text!r} ({mention.party}), said of {self.doc[span[0] : span[1]].text}"
                yield self.person_mention(span[0], span, mention.party, None, why)

    def speaking_subject(self, pronoun: Token) -> Token | None:
        """The person whose clause holds the pronoun's clause, no other person between: "Corbyn said his …"."""
        verb = pronoun.head
        while verb.head.i != verb.i:
            verb = verb.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < pronoun.i), None)
            if subject is not None:
                between = any(start > subject.i for start, _ in self.persons if start < pronoun.i)
                return subject if subject.i in self.person_at and not between else None
        return None

    def titled_at_home(self) -> Iterable[Mention]:
        """A title with no party, before a name or in apposition with it, in an article whose headline names a
        country's title-holder: "Prime Minister Oleksiy Honcharuk" under "Ukrainian president rejects …"."""
        if self.home is None:
            return
        party, words = self.home
        for title in self.titles:
            name = self.name_after(title)
            if (
                name is not None
                and title.of_state
                and not self.private(title)  # "Team leader Tim Taylor", "family spokesperson Jane Hill"
                and self.party_ending_at(self.past_modifiers(title)) is None
                and not self.anyone_at(name)
                and self.no_longer(title) is None
            ):
                why = f"title {title.name!r} with no party before the name, {HOME_REASON} {words}"
                yield self.person_mention(title.start, name, party, title.name, why)
        for start, end in self.persons:
            if self.anyone_at((start, end)):
                continue
            for other in self.beside(start, end):
                beside = self.title_at.get(other.i)
                if (
                    beside is not None
                    and beside.of_state
                    and self.party_within(other, exclude=(start, end)) is None
                    and self.no_longer(beside) is None
                ):
                    why = f"in apposition with {beside.name!r} with no party, {HOME_REASON} {words}"
                    yield self.person_mention(start, (start, end), party, beside.name, why)
                    break
            else:
                for title, title_head in self.titles_given_as(start, end):  # "appointed Pierluisi as secretary …"
                    if title.of_state and self.party_within(title_head, exclude=(start, end)) is None:
                        why = f"named as {title.name!r} with no party, {HOME_REASON} {words}"
                        yield self.person_mention(start, (start, end), party, title.name, why)
                        break

    def bare_titles_at_home(self) -> Iterable[Mention]:
        """A body or a group alone, with no party in its phrase and no name, under a headline that gives the
        article a home country: "Police said", "A number of Senators condemned …"."""
        if self.home is None:
            return
        party, words = self.home
        for title in [*self.titles, *self.bodies]:
            head = self.doc[title.end - 1]
            if head.pos_ == "ADJ" or head.dep_ == "amod":
                continue  # "the general public": a title's word used as an adjective
            if not self.alone(title) or self.no_longer(title) is not None or not title.of_state:
                continue
            if self.private(title):
                continue  # "a family spokesperson", "a campaign spokesman": nobody's office in the state
            kind = "body" if title in self.bodies else "group" if head.tag_ in ("NNS", "NNPS") else None
            if kind is None and not self.indefinite(title) and self.holder_named_before(title):
                continue  # "the minister": someone the article named before, for the speakers step to find
            kind = kind or "person"  # "the prime minister" of a home country whose holder the article never names
            why = f"{kind} {title.name!r} with no party, {HOME_REASON} {words}"
            actor = self.doc[self.past_modifiers(title) : title.end].text.lower()  # "local health minister"
            yield self.title_mention(title, party, actor + self.of_complement(title), kind, why)

    def voices_of_the_subject_before(self) -> Iterable[Mention]:
        """An unnamed voice with no party in its phrase ("A spokesperson told the Military Times …") speaks for
        the party or body that was the subject of a clause in that sentence or the two before it, the nearest
        ("the Combined Joint Task Force … released a statement")."""
        for title in self.titles:
            if not title.voice or not self.alone(title) or self.private(title, _FAMILY):
                continue  # "a family spokesperson" speaks for a family (a campaign's may for the candidate before)
            if any(self.person_at.get(t.i) for t in self.beside(title.start, title.end)):
                continue  # "Jane Smith, a spokesperson, said"
            if self.no_longer(title) is not None or self.complemented(title):
                continue  # "a former spokesman", "a spokesman for Mr. Obama": not the voice of a body before
            body = self.subject_before(title.start)
            if body is not None:
                speaks_for = body.actor or body.text
                why = f"an unnamed {title.name!r} speaks for {speaks_for!r}, the subject just before ({body.party})"
                yield self.title_mention(title, body.party, body.actor, body.actor_kind, why)

    def complemented(self, title: Title) -> bool:
        """Does a title's own "for"/"of" say whom it serves ("a spokesman for Mr. Obama")?"""
        head = self.doc[title.end - 1]
        return any(c.dep_ == "prep" and c.lower_ in OF for c in head.children)

    def of_complement(self, title: Title) -> str:
        """The words of a short "of" phrase a title takes, which say which one it is (" of the police's internal
        investigators" after "the head"), or "" when there is none, it holds a verb or it runs past `_OF_WORDS`."""
        doc = self.doc
        of = doc[title.end] if title.end < len(doc) else None
        if of is None or of.lower_ != "of" or of.head.i != title.end - 1:
            return ""
        words = list(of.subtree)
        contiguous = words[-1].i - words[0].i + 1 == len(words)
        if not contiguous or len(words) > _OF_WORDS or any(t.pos_ in ("VERB", "AUX") for t in words):
            return ""
        return " " + doc[of.i : words[-1].i + 1].text

    def title_mention(self, title: Title, party: str, actor: str | None, kind: str | None, why: str) -> Mention:
        """The mention of a title alone, as an agent of `party`."""
        return Mention.of_tokens(
            self.doc, title.start, title.end, self.body, party, actor=actor, actor_kind=kind, via="agent", why=[why]
        )

    def subject_before(self, index: int) -> Mention | None:
        """The nearest party or body mention before token `index` that heads a clause's subject, in that sentence
        or the two before it."""
        first = sentences_back(self.doc[index], 2)
        for mention in reversed(self.mentions):
            if mention.end > index or mention.start < first:
                continue
            head = self.doc[mention.end - 1]
            while head.dep_ == "compound" and head.head.i != head.i:
                head = head.head
            subject = head.dep_ in ("nsubj", "nsubjpass") and mention.start <= head.i < mention.end + 3
            if subject and mention.via != "adjective" and acts_as_party(mention):
                return mention
        return None

    def private(self, title: Title, owners: frozenset[str] = _PRIVATE_OWNERS) -> bool:
        """Is a title a private group's by a word before it (one of `owners`: "a family spokesperson")?"""
        return any(t.lemma_.lower() in owners for t in self.doc[self.past_modifiers(title) : title.start])

    def alone(self, title: Title) -> bool:
        """Is a title alone: no rule's mention on it, no name after it, no party in its own phrase and no other
        owner ("his aides", "Kono's spokesman", "a spokesman for Kono", "the company's spokesman": the speakers step
        finds whose)?"""
        head = self.doc[title.end - 1]
        return not (
            self.owned(head)
            or self.anyone_at((title.start, title.end))
            or self.name_after(title) is not None
            or self.party_ending_at(self.past_modifiers(title)) is not None
            or self.party_within(head, exclude=(title.start, title.end)) is not None
        )

    def owned(self, head: Token) -> bool:
        """Does a title's phrase name whose it is, other than by a rule's mention: a possessive ("his aides", "the
        company's spokesman"; not "its", "their") or a person its own "for"/"of" names ("a spokesman for Kono")?"""
        for child in head.children:
            possessor = child.dep_ == "poss" and child.lower_ not in ("its", "their")
            if possessor and not self.anyone_at((child.i, child.i + 1)):
                return True
            if (
                child.dep_ == "prep"
                and child.lower_ in OF
                and any(g.dep_ == "pobj" and g.i in self.person_at for g in child.children)
            ):
                return True
        return False

    def indefinite(self, title: Title) -> bool:
        """Does "a", "an", "one" or "another" open the title's phrase ("One MP told the BBC"): someone, not the holder
        named before?"""
        start = self.past_modifiers(title)
        return start > 0 and self.doc[start - 1].lower_ in ("a", "an", "one", "another")

    def holder_named_before(self, title: Title) -> bool:
        """Does the article name someone with that title, before it or beside it ("Prime Minister Tuilaepa … the
        prime minister", "the vice president, Mike Pence"), or give it a role the rules know?"""
        office = self.office_words(title)
        for earlier in self.titles:
            if earlier.start > title.start:
                break
            if earlier.name != title.name or not office <= self.office_words(earlier):
                continue  # the title itself counts: "The Vice President, Mike Pence, said"
            if self.name_after(earlier) is not None or any(
                earlier.end <= start <= earlier.end + 3 or earlier.start - 3 <= end <= earlier.start
                for start, end in self.persons
            ):
                return True
        return any(
            m.actor_kind == "person"
            and m.role
            and m.role.casefold().endswith(title.name.casefold())
            and office <= set(m.role.casefold().split())
            and m.end <= title.start
            for m in self.mentions
        )

    def office_words(self, title: Title) -> set[str]:
        """The words before a title that say which office it is ("local health" minister, "Civil Aviation"
        Minister): a later title with words the earlier one lacks is another office."""
        words = self.doc[self.past_modifiers(title) : title.start]
        return {t.lower_ for t in words if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_ not in PAST}

    def anyone_at(self, name: tuple[int, int]) -> bool:
        """Does any mention (a pack's member included) cover part of the name?"""
        return any(i in self.mention_at for i in range(*name))

    def titled_of(self) -> Iterable[Mention]:
        """A title, "of", a party, then a name no rule knows: "First Minister of Scotland Nicola Sturgeon"."""
        for party in self.mentions:
            # "president of the American Action Forum": an adjective after "of" begins a name, it is not the party
            name = self.name_from(party.end) if party.actor is None and party.via != "adjective" else None
            if name is None:
                continue
            before = party.start - 1 - (party.start > 1 and self.doc[party.start - 1].lower_ == "the")
            title = self.title_at.get(before - 1) if before > 0 and self.doc[before].lower_ == "of" else None
            if title is not None and self.no_longer(title) is None:
                why = f"title {title.name!r} of {party.text!r} ({party.party}) just before the name"
                yield self.person_mention(title.start, name, party.party, title.name, why)

    def appositions(self) -> Iterable[Mention]:
        """A name and a title of a party's in apposition, either way round; or a noun after the word of a party
        that is no country ("Donald Trump, her Republican opponent", "Ann Lee, the Democratic nominee")."""
        names = self.persons + [
            (ent.start, ent.end)
            for ent in self.doc.ents  # the NER takes many a name for an organisation ("Morgan Ortagus")
            if ent.label_ == "ORG" and 2 <= len(ent) <= 3 and all(t.is_title and t.pos_ == "PROPN" for t in ent)
        ]
        for start, end in names:
            if self.covered(start, end):
                continue
            # "a Republican, Mark Amodei", which the parse may hang on the name as a modifier
            modifiers = [c for c in self.doc[start:end].root.children if c.i < start - 1 and c.dep_ in _MODIFYING]
            for other in [*self.beside(start, end), *modifiers]:
                title = self.title_at.get(other.i)
                if title is not None and self.no_longer(title) is not None:
                    break
                party = self.party_within(other, exclude=(start, end)) if title is not None else None
                if title is not None and party is not None and party.party in self.countries and not title.of_state:
                    break  # "an opposition candidate for the Belarusian presidential election": no office of Belarus
                if title is not None and party is not None:
                    why = f"in apposition with {title.name!r} of {party.text!r} ({party.party})"
                    yield self.person_mention(start, (start, end), party.party, title.name, why)
                    break
                party = self.party_word_before(other) if title is None else None
                if party is not None:
                    why = f"in apposition with {other.text!r} after {party.text!r} ({party.party})"
                    yield self.person_mention(start, (start, end), party.party, None, why)
                    break
                party = self.member_word(other) if title is None else None
                if party is not None:
                    why = f"in apposition with {party.text!r}, a member of {party.party}"
                    yield self.person_mention(start, (start, end), party.party, None, why)
                    break

    def member_word(self, token: Token) -> Mention | None:
        """The rules' party that is no country whose word, heading a phrase opened by "a" or "the", names a member:
        "a Republican" of "a Republican, Mark Amodei, said", "a prominent New York Democrat"; not a country's ("an
        American"), nor a name from the text alone."""
        mention = self.mention_at.get(token.i)
        if mention is None or mention.start != token.i or mention.end != token.i + 1:
            return None
        if mention.actor is not None or mention.party in self.countries or mention.via == "provisional":
            return None
        opening = self.doc[token.left_edge.i]  # "a Republican", "a prominent New York Democrat"
        return mention if opening.i < token.i and opening.lower_ in ("a", "an", "the") else None

    def party_word_before(self, noun: Token) -> Mention | None:
        """The rules' party that is no country whose word modifies a lower-case noun: "Republican" of "her
        Republican opponent", "the Democratic Party's" of "the Democratic Party's nominee"; not "American" of "an
        American singer", nor a name from the text alone ("House" of "House editor")."""
        if noun.pos_ != "NOUN" or not noun.is_lower:
            return None
        for child in noun.children:
            mention = self.mention_at.get(child.i)
            if child.i < noun.i and child.dep_ in ("amod", "compound", "poss") and mention is not None:
                if mention.actor is None and mention.party not in self.countries and mention.via != "provisional":
                    return mention
        return None

    def named_as(self) -> Iterable[Mention]:
        """A name the verb's "as" gives a title of a party's: "Pierluisi was sworn in as Puerto Rico's governor",
        "the president appointed Ann Lee as Chile's envoy" (the object, where there is one, takes it)."""
        for start, end in self.persons:
            for title, title_head in self.titles_given_as(start, end):
                party = self.party_within(title_head, exclude=(start, end))
                if party is not None:
                    why = f"named as {title.name!r} of {party.text!r} ({party.party})"
                    yield self.person_mention(start, (start, end), party.party, title.name, why)

    def titles_given_as(self, start: int, end: int) -> Iterator[tuple[Title, Token]]:
        """The titles held now that a verb's "as" gives the name [start, end), with the title's head token."""
        head = self.doc[start:end].root
        verb = head.head
        if self.covered(start, end) or head.dep_ not in ("nsubj", "nsubjpass", "dobj", "oprd") or verb.pos_ != "VERB":
            return
        if head.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in verb.children):
            return  # "Rosselló appointed Pierluisi as secretary of state": the object's title
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"):
            for title_head in (c for c in prep.children if c.dep_ == "pobj"):
                title = self.title_at.get(title_head.i)
                if title is not None and self.no_longer(title) is None:
                    yield title, title_head

    def beside(self, start: int, end: int) -> list[Token]:
        """Heads of the phrases in apposition with a name: by the parse, or by the commas when the parse
        takes both for subjects ("A member of the Tunisian Parliament, Samir Dilou said"). Each span's once:
        several kinds of evidence ask for every person's."""
        found = self._beside.get((start, end))
        if found is None:
            found = self._beside[(start, end)] = self.heads_beside(start, end)
        return found

    def heads_beside(self, start: int, end: int) -> list[Token]:
        """The heads `beside` finds for the name at tokens [start, end)."""
        head = self.doc[start:end].root
        # by the parse, only next to the name: a long-distance apposition is a parse error
        found = [c for c in head.children if c.dep_ == "appos" and c.left_edge.i <= end + 2]
        found += [head.head] if head.dep_ == "appos" and self.apposed_before(head.head, start) else []
        # "Mike Pompeo(,) who is the secretary of state" (wherever the parse hangs the clause)
        who = end + (end < len(self.doc) and self.doc[end].text == ",")
        if who < len(self.doc) and self.doc[who].lower_ == "who" and self.doc[who].head.lemma_ == "be":
            found += [attr for attr in self.doc[who].head.children if attr.dep_ == "attr"]
        # "Dana Whitfield is a member of the Labour Party", "X, Y and Z are all members of …" (in the present)
        subject = head
        while subject.dep_ == "conj" and subject.head.i < subject.i:
            subject = subject.head
        verb = subject.head
        if subject.dep_ == "nsubj" and verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP"):
            found += [attr for attr in verb.children if attr.dep_ == "attr" and attr.i > end]
        doc = self.doc
        # "…'s director, Dr. Anthony Fauci": an honorific between the comma and the name
        left = start - 1 if start > 0 and doc[start - 1].is_title and doc[start - 1].text.endswith(".") else start
        if left >= 2 and doc[left - 1].text == ",":
            found += [
                self.doc[title.end - 1]
                for title in self.titles
                if left - 2 - WINDOW < title.end <= left - 1
                and max(t.i for t in own_phrase(phrase_head(self.doc[title.end - 1]))) == left - 2
            ]
        if end + 1 < len(doc) and doc[end].text == ",":
            after = doc[end + 1]
            while after.head.i != after.i and end < after.head.i and after.head.left_edge.i == end + 1:
                after = after.head
            found.append(after)
        return found

    def apposed_before(self, title: Token, start: int) -> bool:
        """Is the phrase the parse sets in apposition before a name right beside it, or only its own complement
        between them, with no verb nor, outside brackets, a coordination ("The general secretary of the RMT union
        (National Union of Rail, Maritime and Transport Workers), Mick Cash"; not "the president and our
        military," Flynn)?"""
        if not title.i < start:
            return False
        between = self.doc[title.i + 1 : start]
        if start - 3 <= title.i:
            return True
        if len(between) > _APPOSED_WORDS or between[0].lower_ not in ("of", "for", "("):
            return False
        depth = 0
        for token in between:
            depth += (token.text == "(") - (token.text == ")")
            if not title.is_ancestor(token) or token.pos_ in ("VERB", "AUX"):
                return False
            if depth == 0 and token.dep_ in ("cc", "conj"):
                return False
        return True

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
        """(end, full name) of an affiliated person named at token `index`: in full, or by an unshared surname or
        first name."""
        token = self.doc[index]
        previous = self.doc[index - 1] if index > 0 else None
        # "Ali Fernández" is someone else; "President Fernández" is the person affiliated, and so is "on Tuesday
        # Fernández"
        inside_other_name = (
            previous is not None
            and previous.is_title
            and previous.pos_ == "PROPN"
            and previous.i not in self.title_at
            and previous.lower_ not in HONORIFICS  # "Dr Meerjady"
            and previous.ent_type_ not in ("DATE", "TIME")
        ) or self.in_longer_name(index)
        for full in names.starting.get(token.text, []):
            words = full.split()
            if len(words) == 1 and inside_other_name:
                continue  # "Cummings" affiliated alone is not "Maya Rockeymoore Cummings"
            if [t.text for t in self.doc[index : index + len(words)]] == words:
                return index + len(words), full
        person = names.by_surname.get(token.text)
        if person is not None and token.is_title and not inside_other_name:
            return index + 1, person
        # "Civil Aviation Minister Hardeep Singh Puri … Hardeep also stated", "Dr Meerjady Sabrina Flora …
        # According to Dr Meerjady": a first name no other affiliated person shares, not the start of another name
        person = names.by_first_name.get(token.text)
        following = self.doc[index + 1] if index + 1 < len(self.doc) else None
        other_name = following is not None and following.is_title and following.pos_ == "PROPN"
        within_other = inside_other_name or other_name or index in self.title_at
        if person is not None and token.is_title and not within_other:
            return index + 1, person
        return None

    def in_longer_name(self, index: int) -> bool:
        """Is token `index` the last word of a name the NER gives with other names before it ("Maya Rockeymoore
        Cummings" after "Elijah Cummings", a person's name or one it took for an organisation's), titles and
        honorifics aside?"""
        token = self.doc[index]
        if token.ent_iob_ != "I" or token.ent_type_ not in ("PERSON", "ORG"):
            return False
        if index + 1 < len(self.doc) and self.doc[index + 1].ent_iob_ == "I":
            return False  # not the name's last word
        before = []
        while index > 0 and self.doc[index].ent_iob_ == "I":
            index -= 1
            before.append(self.doc[index])
        return any(t.is_title and t.i not in self.title_at and t.lower_ not in HONORIFICS for t in before)

    # -- pieces ----------------------------------------------------------------------------------------

    def name_after(self, title: Title) -> tuple[int, int] | None:
        """A person's name right after a title that no rule resolved (the NER's span may hold the title too),
        or after the title's own "for"/"of" phrase: "Special Representative for Iran Brian Hook"."""
        start, end = self.person_at.get(title.end, (-1, -1))
        if title.start <= start <= title.end < end:
            return None if self.covered(title.end, end) else (title.end, end)
        return self.name_from(self.past_acronym(self.past_complement(title.end)))

    def past_acronym(self, index: int) -> int:
        """The token after a title's acronym or expansion in brackets at `index` ("Member of parliament (MP) Kevin
        Conolly", "Labour MP (Member of Parliament) Tom Watson"), or `index` itself."""
        doc = self.doc
        if index >= len(doc) or doc[index].text != "(":
            return index
        closing = next((t.i for t in doc[index + 1 : index + 2 + _BRACKETED_WORDS] if t.text == ")"), None)
        if closing is None or closing == index + 1:
            return index
        inside = doc[index + 1 : closing]
        if len(inside) == 1:
            return closing + 1 if inside[0].text.isupper() else index
        title_words = all(t.is_title or t.lower_ in _NAME_GLUE for t in inside)
        return closing + 1 if title_words and not any(t.ent_type_ == "PERSON" for t in inside) else index

    def against_the_state(self, start: int, title: Title) -> bool:
        """Do the words before a title say its holder stands against the state ("opposition", "dissident")?"""
        return any(token.lower_ in _AGAINST_THE_STATE for token in self.doc[start : title.end])

    def past_modifiers(self, title: Title) -> int:
        """The start of a title's modifiers: "Italian [economic development] minister", "Turkish [Foreign] Ministry
        spokesman", "U.S. [Senate] Minority Leader" (at most three words, each hung on the title or on another of
        them, none a mention)."""
        index = start = title.start
        while (
            start > 0
            and index - start < 3
            and start - 1 not in self.mention_at
            and self.doc[start - 1].ent_type_ != "PERSON"
            and self.doc[start - 1].dep_ in ("compound", "amod")
            and start <= self.doc[start - 1].head.i < title.end
        ):
            start -= 1
        return start

    def coordinated(self, stated: list[Mention]) -> Iterable[Mention]:
        """A title and a name with no party, coordinated with a person the article affiliated: "Cypriot president
        Nicos Anastasiades and energy minister Georgios Lakkotrypis" (both Cyprus's)."""
        by_token = {index: m for m in stated for index in range(m.start, m.end)}
        for title in self.titles:
            name = self.name_after(title)
            if name is None or self.no_longer(title) is not None:
                continue
            if self.party_ending_at(self.past_modifiers(title)) is not None:
                continue
            other = None
            for token in (self.doc[name[0] : name[1]].root, self.doc[title.end - 1]):
                while token.dep_ in ("compound", "appos") and token.head.i != token.i:
                    token = token.head
                if token.dep_ == "conj" and other is None:  # the nearest conjunct before: "A and B, C and D"
                    before = [t.i for t in (token.head, *token.head.conjuncts) if t.i < name[0] and t.i in by_token]
                    other = by_token[max(before)] if before else None
            if other is not None and other.actor and not self.anyone_at(name):
                why = f"title {title.name!r} coordinated with {other.actor} ({other.party}): {other.text!r}"
                yield self.person_mention(title.start, name, other.party, title.name, why)

    def listed(self, stated: list[Mention]) -> Iterable[Mention]:
        """The other names of a list after a plural title, with the party the first name takes there:
        "Representatives Eliot Engel, Adam Schiff, and Elijah Cummings", "Republican Senators Ted Cruz and Mike Lee",
        also in apposition ("Two Democratic Representatives, Collin Peterson and Jeff Van Drew")."""
        for title in self.titles:
            plural = _plural(self.doc[title.start : title.end].root)
            name = self.name_after(title) if plural else None
            if plural and name is None and title.end + 1 < len(self.doc) and self.doc[title.end].text == ",":
                name = self.name_from(title.end + 1)  # "Two Democratic Representatives, Collin Peterson and …"
            first = next((m for m in stated if name and m.actor and m.start <= name[0] < m.end), None)
            if name is None or first is None:
                continue
            for conjunct in self.doc[name[0] : name[1]].root.conjuncts:
                span = self.person_at.get(conjunct.i)
                if span is not None and span[0] >= name[1] and not self.anyone_at(span):
                    why = f"listed after the title {title.name!r} with {first.actor} ({first.party})"
                    yield self.person_mention(span[0], span, first.party, title.name, why)

    def past_complement(self, index: int) -> int:
        """The token after a title's "for Iran" / "of the Interior" at `index` (`index` itself when there is none):
        the preposition hangs on the title and its object is a place or body, not a person."""
        token = self.doc[index] if index < len(self.doc) else None
        if token is not None and token.lower_ in (*OF, "from"):
            place = self.doc[index + 1] if index + 1 < len(self.doc) else None
            if place is not None and place.ent_type_ in ("GPE", "LOC") and place.ent_iob_ == "B":
                after = next((t for t in self.doc[place.i + 1 :] if t.ent_iob_ != "I"), None)
                if after is not None and after.ent_type_ == "PERSON":
                    return after.i  # "Senator from Vermont Bernie Sanders", however the parse hangs the name
        if token is None or token.lower_ not in OF or token.head.i >= index:
            return index
        objects = [child for child in token.children if child.dep_ == "pobj"]
        if objects and objects[0].ent_type_ == "PERSON":
            # "Minister of Information Moammar al-Eryani": the portfolio's words the parse put in the name's phrase
            start = self.person_at.get(objects[0].i, (index, index))[0]
            portfolio = self.doc[index + 1 : start]
            if len(portfolio) and all(t.pos_ == "PROPN" and t.is_title and not t.ent_type_ for t in portfolio):
                return start
        if not objects or objects[0].ent_type_ == "PERSON":
            return index
        return max(t.i for t in objects[0].subtree) + 1

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
        if acts_as_party(mention) or (possessive and mention.actor_kind == "person"):
            return mention
        return None

    def party_within(self, head: Token, exclude: tuple[int, int]) -> Mention | None:
        """The party mention (or agent of one) of a title's own phrase, outside the name it describes: its
        modifiers ("Germany's", "German") and the object of "of"/"for" ("a spokesman for the Pakistani
        military") — never a clause or a phrase hung deeper ("a former aide who went to Burma")."""
        found = [
            mention
            for token in own_phrase(phrase_head(head))
            if (mention := self.mention_at.get(token.i)) is not None
            and not exclude[0] <= token.i < exclude[1]
            and acts_as_party(mention)
        ]
        # a rule's party before one named from the text alone ("the United States' National Institute of …")
        return min(found, key=lambda m: m.via == "provisional", default=None)

    def covered(self, start: int, end: int) -> bool:
        """Does a rule's mention already cover part of the name? (One that yields does not, see `_yields`.)"""
        return any((m := self.mention_at.get(i)) is not None and not _yields(m) for i in range(start, end))

    def person_mention(self, start: int, name: tuple[int, int], party: str, role: str | None, why: str) -> Mention:
        return self.mention(start, name[1], party, self.name_of(*name), role, why)

    def mention(self, start: int, end: int, party: str, actor: str, role: str | None, why: str) -> Mention:
        return Mention.of_tokens(
            self.doc,
            start,
            end,
            self.body,
            party,
            actor=actor,
            actor_kind="person",
            role=role,
            via="affiliated",
            why=[why],
        )


def _introduces_example(word: Token) -> bool:
    """Does the preposition introduce an example of the noun it hangs on ("such as", "like", "including")?"""
    if word.dep_ != "prep":
        return False
    if word.lower_ == "as":
        return word.i > 0 and word.doc[word.i - 1].lower_ == "such"
    return word.lower_ in ("like", "including")


def _plural(token: Token) -> bool:
    """Is a noun plural, also where capitalised as a title ("Representatives", which the tagger calls NNP)?"""
    return token.tag_ in ("NNS", "NNPS") or looks_plural(token.lower_)


class _Names:
    """The affiliated people's names to look for: full names by first word, and the unshared surnames and first
    names."""

    def __init__(self, parties: dict[str, set[str]]):
        single = {name for name, affiliations in parties.items() if len(affiliations) == 1}
        self.starting: dict[str, list[str]] = {}
        for name in single:
            self.starting.setdefault(name.split()[0], []).append(name)
        surnames: dict[str, list[str]] = {}
        for name in parties:
            for surname in surnames_of(name) or [name]:
                surnames.setdefault(surname, []).append(name)
        self.by_surname = {
            surname: names[0] for surname, names in surnames.items() if len(names) == 1 and names[0] in single
        }
        self.by_first_name = {
            first: name for first, name in by_first_name(parties).items() if name in single and first not in surnames
        }
