"""Who a speaker is: the mention's span, then its actor and party, with the reasons.

In order: a rule mention at the speaker's head word (name, surname, role noun, agent noun, party);
a relative pronoun ("who told Congress") → the noun it hangs on; a message → its author ("a tweet
by X", `proxies`); a speaker label ("PENCE: …") → the person the article names so; a pronoun → its
antecedent (of the right gender, `genders`); a party or body named inside the noun phrase ("State
Department spokesman Ned Price"); a definite description, or a bare plural ("officials", "state
media"), naming an earlier body, group or role ("the department" → U.S. State Department), or the
organisation named before whose name it heads ("the court" → the Court of Session, the one named most
often; a rules' agent noun keeps its party), or the person named before with its noun as their title
("the archbishop" → Jorge Eduardo Scheinig); a person or organisation the statistical NER found (a
name, without a party); otherwise unresolved. A person the article shows speaking for no party
(`nlp.independence`) has none whatever their mention says; coordinated speakers the rules place and
"both nations" give one identity each (`coordinated`, `pair`).

Pronoun policy (as citron's): after what it said, the subject of that clause when it fits ("…, they
said"); else he/she → the nearest preceding person who is the subject of a clause or the speaker of
an earlier position, leaving out the addressee, anyone inside the content and names inside
quotations; they/it → the nearest such body, party or group; "Some", "Others", "Many" alone → the
nearest group of people; a bare "this"/"that" and I/we outside quotation marks → unresolved (what was said
before; the writer or an unnamed speaker). Candidates must lie within the last four sentences
(a sentence wholly inside a quotation not counted); beyond that the speaker is "unresolved".
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace

import numpy
from spacy.attrs import DEP, POS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...rules import RuleSet
from ...rules.schema import alias_of
from ..mentions import Mention
from ..names import HONORIFICS, by_first_name, dateline_dash, without_honorific
from ..phrases import name_head, sentences_back
from ..provisional import BODY_WORDS
from ..provisional import PREFIX as PROVISIONAL
from ..regions import region_of_a_country
from ..text import BodyText
from .frames.grammar import PEOPLE_NOUNS
from .genders import declared_genders, pronoun_gender, tied_genders, title_gender
from .proxies import RELATIVE, affiliated_in_apposition, author_of, relative_antecedent, served_by

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
GROUP_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
THING_PRONOUNS = {"it", "its", "itself"}
FIRST_PERSON = {"i", "me", "my", "we", "us", "our", "you", "your"}
DEMONSTRATIVES = {"this", "that", "these", "those"}
# the core pack's agents that serve the place they are "in": "officials in Beijing" are China's
LOCAL_AGENTS = frozenset({"officials", "authorities", "police", "government", "prosecutors"})
# words for a part of a group named after them with "of": "some of the protesters", "many of them"
PARTITIVES = {"some", "many", "several", "most", "few", "all", "both", "each", "none", "half", "one", "others", "part"}
# the partitive words that stand alone for part of a group named before: "over 220 members … favored impeachment.
# Some reported wanting …", "Others said …"
GROUP_QUANTIFIERS = {"some", "many", "several", "most", "few", "others"}
NP_LEFT = {"det", "compound", "amod", "poss", "nmod", "nummod", "quantmod", "case", "predet", "advmod", "punct"}
NP_RIGHT = {"compound", "case", "cc", "conj", "nummod", "prep"}
NP_PREPS = {"of", "for", "at", "from"}
WINDOW = 4  # sentences


GROUPS = ("body", "group")  # actors a phrase's "of"/"for" object stands for ("a number of senators")
# "both nations", "the two sides", "both leaders": the two parties (or leaders) just named
PAIR_NOUNS = frozenset({"nation", "country", "government", "side", "leader"})


def _which(head: Token, title_words: frozenset[str]) -> set[str]:
    """The words of a title before a description's noun that say which one it is ("prime" of "the prime minister";
    not "new")."""
    return {c.lower_ for c in head.lefts if c.dep_ in ("compound", "amod") and c.lower_ in title_words}


def _strip_possessive(name: str) -> str:
    for suffix in ("'s", "’s"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _in_clause_below(token: Token, top: Token) -> bool:
    """Is `token` inside a clause that describes a word between it and `top` ("a firm [specialising in AIS]")?"""
    while token.i != top.i and token.head.i != token.i:
        if token.dep_ in ("acl", "relcl"):
            return True
        token = token.head
    return False


@dataclass
class Identity:
    """Whom a mention stands for."""

    actor: str | None
    party: str | None
    kind: str | None  # person | body | party | group | None
    name: str  # how to call it in explanations
    why: list[str] = field(default_factory=list)
    serves: str | None = None  # the person a proxy acts for ("Taro Kono" for "Taro Kono's office")


@dataclass
class Resolved:
    """A speaker: its span (doc character offsets) and identity."""

    start: int
    end: int
    identity: Identity

    @property
    def resolved(self) -> bool:
        return self.identity.actor is not None or self.identity.party is not None


@dataclass
class _Candidate:
    index: int
    sentence: int
    subject: bool
    speaker: bool
    identity: Identity
    inside_quote: bool
    reported: bool = False  # inside what someone is reported to have said


class Speakers:
    """Resolves speakers of one parsed doc, in document order (earlier speakers are antecedents)."""

    def __init__(
        self,
        doc: Doc,
        mentions: list[Mention],
        text: BodyText,
        rules: RuleSet,
        quote_tokens: set[int],
        contents: list[tuple[int, int]],
        independent: Mapping[str, str] | None = None,
    ):
        """`contents`: the doc character ranges of what speakers are reported to have said; the rules give the
        parties, the message nouns and the verbs that make them (`schema.Messages`), members' declared genders
        and the words of titles; `independent`: the people the article shows speaking for no party, with why
        (`nlp.independence`)."""
        self.doc = doc
        self.independent = independent or {}
        self.mentions = mentions
        self.text = text
        self.rules = rules
        self.parties = rules.parties
        self.quote_tokens = quote_tokens
        self.message_nouns, self.message_verbs = frozenset(rules.message_nouns), frozenset(rules.message_verbs)
        self.things = frozenset(noun.lower() for noun in rules.thing_nouns)
        # the words of the state's own agents, who act "in" the place they serve ("police in Kabul"), unlike
        # diplomats or troops there
        self.local_agents = frozenset(
            alias_of(a).text.lower() for agent in rules.agents if agent.name in LOCAL_AGENTS for a in agent.aliases
        )
        self.commentator_titles = frozenset(title.lower() for title in rules.independent_titles)
        # the last words of every agent's names: the nouns a country before them makes its agents ("Kremlin critic"
        # is none)
        self.agent_words = frozenset(
            alias_of(a).text.lower().split()[-1] for agent in rules.agents for a in [agent.name, *agent.aliases]
        )

        # sentences counted for the pronoun window: one wholly inside a quotation counts with the one before
        # (a quoted speech of five sentences does not put its speaker out of reach)
        self.sentence_index: dict[int, int] = {}
        number = -1
        for sent in self.doc.sents:
            quoted = all(t.i in quote_tokens or t.is_punct or t.is_space for t in sent)
            number += number < 0 or not quoted
            self.sentence_index[sent.start] = number
        self.mention_at: dict[int, Mention] = {}
        for mention in mentions:
            for index in range(mention.start, mention.end):
                self.mention_at[index] = mention
        self.ents = list(self.doc.ents)
        self.ent_at: dict[int, SpacySpan] = {}
        for ent in self.ents:
            for index in range(ent.start, ent.end):
                self.ent_at[index] = ent
        people = [without_honorific(_strip_possessive(ent.text)) for ent in self.ents if ent.label_ == "PERSON"]
        self.full_names = _full_names(people)  # last word → the fullest name of the first person named with it
        self.by_first_name = by_first_name(people)  # "Hardeep" → "Hardeep Singh Puri"
        self.reported_chars = bytearray(len(text.text) - text.offset + 1)
        for start, end in contents:
            self.reported_chars[start:end] = b"\x01" * max(0, end - start)
        self._candidates: list[_Candidate] | None = None
        self.speakers: list[_Candidate] = []
        self.genders = declared_genders(rules.member_genders)  # name → "m" | "f" (genders.py), learnt as we go
        self.first_names = rules.first_name_genders  # the weakest evidence: what the text shows comes first

    @property
    def candidates(self) -> list[_Candidate]:
        """Antecedent candidates, built the first time a pronoun needs one."""
        if self._candidates is None:
            found = {c.index: c for c in self.build_candidates()}
            found.update({c.index: c for c in self.speakers})
            self._candidates = sorted(found.values(), key=lambda c: c.index)
            people = {c.index: c.identity.name for c in found.values() if c.identity.kind == "person"}
            for name, gender in tied_genders(self.doc, people, self.quote_tokens).items():
                self.genders.setdefault(name, gender)
        return self._candidates

    # -- spans ---------------------------------------------------------------------------------------

    def span_of(self, head: Token) -> tuple[int, int]:
        """Character range of the speaker mention: the pronoun, or the noun phrase without clauses and
        appositions; a message's author's ("a tweet by X"); for a relative pronoun, from its antecedent to it
        ("Lynch, who"), or the author's when the antecedent is a message ("a statement which")."""
        author = self.author_of(head)
        if author is not None:
            return self.span_of(author)
        antecedent = relative_antecedent(head)
        if antecedent is not None:
            if self.author_of(antecedent) is not None:
                return self.span_of(antecedent)
            return self.phrase_span(antecedent)[0], head.idx + len(head.text)
        return self.phrase_span(head)

    def phrase_span(self, head: Token) -> tuple[int, int]:
        """Character range of the pronoun, or of the noun phrase headed by `head` without clauses and appositions."""
        if head.pos_ == "PRON" or head.lower_ in RELATIVE:
            return head.idx, head.idx + len(head.text)
        indices = {head.i}
        for child in head.lefts:
            if child.dep_ in NP_LEFT and not (child.dep_ == "punct" and child.text not in ".-"):
                indices.update(t.i for t in child.subtree)
        for child in head.rights:
            if child.dep_ in NP_RIGHT and (child.dep_ != "prep" or child.lower_ in NP_PREPS):
                indices.update(t.i for t in child.subtree)
        mention = self.mention_at.get(head.i)
        if mention is not None:
            indices.update(range(mention.start, mention.end))
        start, end = head.i, head.i + 1  # the contiguous run around the head, quotations left out
        while start - 1 in indices and start - 1 not in self.quote_tokens:
            start -= 1
        while end in indices and end not in self.quote_tokens:
            end += 1
        dash = dateline_dash(self.doc, start) if self.doc[start].is_sent_start else None
        start, end = self.trimmed(start if dash is None else max(start, dash + 1), end)  # not "LONDON - "
        opened = next((t.i for t in self.doc[head.i : end] if t.text == "("), None)
        if opened is not None and not any(t.text == ")" for t in self.doc[opened:end]):
            start, end = self.trimmed(start, opened)  # "the Potato Growers Association (PGA": no half bracket
        if end <= start:
            return head.idx, head.idx + len(head.text)
        return self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1].text)

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        """The token range without punctuation or spaces at either end."""
        while start < end and (self.doc[start].is_punct or self.doc[start].is_space):
            start += 1
        while end > start and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
            end -= 1
        return start, end

    # -- identities ----------------------------------------------------------------------------------

    def identify(
        self,
        head: Token,
        *,
        content: tuple[int, int] | None = None,
        addressee: Token | None = None,
        label: bool = False,
    ) -> Identity:
        """Whom the noun phrase headed by `head` stands for (`label`: a speaker label, "PENCE: …")."""
        mention = self.mention_at.get(head.i)
        apposed = _apposed_name(head) if mention is None else None
        if apposed is not None and self.mention_at.get(apposed.i) is None:
            return self.named_after_title(head, apposed, content, addressee)
        if mention is None or mention.via in ("agent", "provisional"):
            independent = self.independent_person(head) if self.independent else None
            if independent is not None:
                return independent
        proxy = self.proxy(head, content, addressee) if mention is None else None
        if proxy is not None:
            return proxy
        if mention is None or mention.via in ("agent", "adjective"):
            # "the German foreign minister, Heiko Maas", "a State Department spokesperson, Morgan Ortagus",
            # "a Republican, Mark Amodei": the person named in apposition, not the title or the party's word; "the
            # social network Facebook": the name
            named = [
                m
                for c in head.children
                if c.dep_ in ("appos", "compound") and (m := self.mention_at.get(c.i)) and not _dateline(self.doc, m)
                if not (c.dep_ == "compound" and self.only_where(head, m))  # "Omsk hospital"
            ]
            if mention is None and head.ent_type_ == "PERSON":
                # "Sirhan, an ethnic Palestinian from Jordan, opposed …": a nationality, no one acted for
                named = [m for m in named if not (m.via == "adjective" and m.party in self.rules.countries)]
            people = [m for m in named if m.actor_kind == "person"] + affiliated_in_apposition(head, self.mention_at)
            mention = next(iter(people), mention if mention is not None else next(iter(named), None))
        if mention is not None:
            holder = self.holder_in_body(mention, head)
            if holder is not None:  # "Greek prime minister reaffirms …" over "the Greek prime minister Kyriakos …"
                identity = self.from_mention(holder)
                identity.why.insert(0, f"{mention.text!r} in the headline: {holder.actor}, so named in the text")
                return identity
            return self.of_mention(head, mention)
        lower = head.lower_
        antecedent = relative_antecedent(head)
        if antecedent is not None:
            identity = self.identify(antecedent)
            identity.why.insert(0, f"relative pronoun {head.text!r} → {antecedent.text!r}")
            return identity
        author = self.author_of(head)
        if author is not None:
            identity = self.identify(author, content=content, addressee=addressee)
            identity.why.insert(0, f"{head.text!r} → its author, {author.text!r}")
            return identity
        court = self.court_of_ruling(head)
        if court is not None:
            return court
        labelled = self.label_name(head) if label else None
        if labelled is not None:
            return labelled
        group = _partitive_group(head)
        if group is not None:  # "Some of the protesters": the protesters, not whoever was named last
            identity = self.identify(group, content=content, addressee=addressee)
            identity.why.insert(0, f"{head.text!r} of {group.text!r}: part of that group")
            return identity
        pronouns = PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS | FIRST_PERSON | GROUP_QUANTIFIERS
        described = lower in GROUP_QUANTIFIERS | DEMONSTRATIVES and any(
            c.dep_ in ("prep", "relcl", "acl", "amod") for c in head.children
        )  # "Others in the community", "Those close to him": a group its own words describe
        if (head.pos_ == "PRON" or lower in pronouns) and not described:
            return self.pronoun(head, content, addressee)
        return self.describe(head)

    def court_of_ruling(self, head: Token) -> Identity | None:
        """ "the ruling", "the verdict" whose author the sentence does not give: the court the article names (most
        often, then last) before it."""
        if head.lemma_.lower() not in COURT_RULINGS:
            return None
        before = self.organisation_named_before(head, "court")
        if before is None:
            return None
        name, mention = before
        why = [f"{'the ' + head.text!r}: of {name}, the court named before", *(mention.why if mention else [])]
        return Identity(name, mention.party if mention else None, "body", name, why)

    def holder_in_body(self, mention: Mention, head: Token) -> Mention | None:
        """The one person the body names with the title and party a headline's title gives ("Greek prime
        minister" in the headline, "the Greek prime minister Kyriakos Mitsotakis" in the text)."""
        blank = self.text.blank
        if blank is None or mention.via != "agent" or mention.actor_kind != "person" or not mention.actor:
            return None
        if head.idx + self.text.offset >= blank[0]:
            return None  # not in the headline
        holders = [
            (m, len(m.role.split()))
            for m in self.mentions
            if m.start_char >= blank[1]
            and m.actor_kind == "person"
            and m.party == mention.party
            and m.role is not None
            and m.actor
            and mention.actor.lower().endswith(m.role.lower())
        ]
        longest = max((words for _, words in holders), default=0)  # "prime minister", not "minister"
        people = [m for m, words in holders if words == longest]
        return people[0] if len({m.actor for m in people}) == 1 else None

    def proxy(self, head: Token, content: tuple[int, int] | None, addressee: Token | None) -> Identity | None:
        """Someone acting for a person the phrase names (the rules' `proxies`): "Kono's spokesman", "his office",
        "a lawyer for Trump", "the Biden campaign" — that person's party, the proxy named after them."""
        kind = self.rules.proxy_kinds.get(head.lemma_.lower())
        served = served_by(head) if kind is not None else None
        if kind is not None and served is None:  # "a Cruz campaign spokesman": whom the campaign serves
            served = next(
                (c for c in head.lefts if c.dep_ == "compound" and self.rules.proxy_kinds.get(c.lemma_.lower())), None
            )
        if kind is not None and served is None:
            return self.proxy_named_before(head)
        if kind is None or served is None:
            return None
        person = self.identify(served, content=content, addressee=addressee)
        principal = person.serves or person.actor  # "his aides" after "Kono's spokesman said": Kono's
        if principal is None or not (person.kind == "person" or (person.kind != "party" and person.serves)):
            return None  # "the company's spokesman", "an aide of the ministry": not a person's
        noun = head.text.lower()
        named = f"{served.text} {noun}" if served.dep_ == "compound" else f"{principal}'s {noun}"
        why = [f"{named!r} acts for {principal} ({person.party or 'no party'})", *person.why]
        if head.lower_ in self.rules.voice_words and head.tag_ not in ("NNS", "NNPS"):
            # a voice speaks as whom it serves, as "an Interpol spokesperson" is Interpol
            return Identity(principal, person.party, "person", principal, why, serves=principal)
        kind = "group" if head.tag_ in ("NNS", "NNPS") else kind
        return Identity(named, person.party, kind, named, why, serves=principal)

    def named_after_title(
        self, head: Token, name: Token, content: tuple[int, int] | None, addressee: Token | None
    ) -> Identity:
        """The person in apposition with a title ("The chairman of the committee, Adam Schiff, said", also where the
        parse hung the name on the title's complement: "The general manager of Abu Dhabi Media, Ali bin Tamim,
        said"): the person, with the party the title phrase gives where the text gives the person none."""
        person = self.identify(name, content=content, addressee=addressee)
        person.why.insert(0, f"{name.text!r}, in apposition with {head.text!r}")
        if person.party is None and person.actor not in self.independent:  # "UCL astronomer Angelos Tsiaras"
            title = self.describe(head)
            if title.party is not None and title.kind != "person":
                return replace(person, party=title.party, why=[*person.why, *title.why])
        return person

    def proxy_named_before(self, head: Token) -> Identity | None:
        """ "The campaign", "the office" with no one named as whom it serves: the nearest such proxy resolved
        before it in the last sentences ("the Biden campaign said …. The campaign also called …")."""
        if head.tag_ != "NN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        here = self.sentence_index.get(head.sent.start, 0)
        for candidate in reversed(self.candidates):
            if candidate.index >= head.i or candidate.inside_quote:
                continue
            if here - candidate.sentence > WINDOW:
                break
            identity = candidate.identity
            if identity.serves is not None and identity.name.lower().endswith(" " + head.lower_):
                why = [f"{'the ' + head.lower_!r} → {identity.name} (named before)", *identity.why]
                return Identity(identity.actor, identity.party, identity.kind, identity.name, why, identity.serves)
        return None

    def titled_person(self, head: Token) -> Token:
        """The person a title joined by "and" to another title before their name stands for ("Conservative Party
        leader and Prime Minister Boris Johnson said": one speaker, Johnson); `head` itself otherwise."""
        joined = [c for c in head.children if c.dep_ == "conj"] + _sibling_subjects(head)
        names = [c for c in joined if self.another_title_of(head, c)]
        return names[0] if len(names) == 1 else head

    def another_title_of(self, title: Token, name: Token) -> bool:
        """Is `title` a bare title ("leader", no article) joined by "and" to the titles right before the person's
        name at `name`, so both are that person's?"""
        if title.tag_ != "NN" or title.lower_ not in self.rules.people_nouns or name.ent_type_ != "PERSON":
            return False
        if any(c.dep_ in ("det", "poss") for c in title.children) or not title.i + 1 < name.i:
            return False  # "the minister and Boris Johnson": two
        between = self.doc[title.i + 2 : name.left_edge.i]
        return self.doc[title.i + 1].lower_ == "and" and all(t.lower_ in self.rules.title_words for t in between)

    def coordinated(self, head: Token, first: Resolved, content: tuple[int, int]) -> list[Resolved]:
        """The other speakers coordinated with the one at `head`, when each is someone the rules or the article
        give a party or a name and they differ ("Senate Minority Whip Dick Durbin and … Adam Schiff both
        questioned …": one position each), or that are people named ("Biden and Sanders announced"); `first` is
        narrowed to its own words. "Reuters and NBC", which nothing resolves, stay one speaker."""
        conjuncts = [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
        conjuncts += _sibling_subjects(head)
        # "Two Democratic Representatives, Collin Peterson and Jeff Van Drew, …"; "countries including Algeria and …"
        listed = _listed_names(head) or _examples_named(head)
        if listed:
            first.identity = self.identify(listed[0], content=content)
            ent = self.ent_at.get(listed[0].i)
            if ent is not None:
                first.start, first.end = ent.start_char, ent.end_char
            conjuncts = listed[1:]
        placed = _named(first.identity)
        person = _a_person(first.identity)  # "Biden and Sanders announced"
        if not conjuncts or not (placed or person):
            return []
        others = []
        for conjunct in conjuncts:
            if self.another_title_of(conjunct, head):
                continue  # "Conservative Party leader and Prime Minister Boris Johnson": Johnson's two titles
            identity = self.identify(conjunct, content=content)
            named = placed and _named(identity) or person and _a_person(identity)
            if named and (identity.actor, identity.party) != (first.identity.actor, first.identity.party):
                others.append(Resolved(*self.phrase_span(conjunct), identity))
        if others:
            cc = next((c for c in head.children if c.dep_ == "cc" and c.i > head.i), None)
            if cc is not None:
                first.end = min(first.end, self.doc[cc.i - 1].idx + len(self.doc[cc.i - 1].text))
        return others

    def pair(self, head: Token) -> list[Identity]:
        """The two parties (or their leaders) a plural "both nations", "the two countries", "both leaders" stands
        for: the last two the article named, in that sentence or the one before ("US President Donald Trump and
        Turkish President Recep Tayyip Erdoğan spoke on the phone. Then both nations issued statements …"); "the
        leaders of the two countries" are the two countries."""
        head = self.author_of(head) or head  # "both nations issued statements speaking of …"
        of_pair = next(
            (g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"),
            None,
        )
        if of_pair is not None and of_pair.lemma_.lower() in ("nation", "country", "side"):
            head = of_pair  # "the leaders of the two countries": the countries speak
        if head.lemma_.lower() not in PAIR_NOUNS or head.tag_ != "NNS":
            return []
        if not any(
            c.lower_ in ("both", "two") and c.dep_ in ("det", "predet", "preconj", "nummod") for c in head.children
        ):
            return []
        first = sentences_back(head, 1)
        last: dict[str, Mention] = {}  # party → its last mention (a person's, for leaders)
        for mention in self.mentions:
            party = self.parties.get(mention.party)
            if not first <= mention.start < head.i or party is None or party.kind != "country":
                continue
            if head.lemma_.lower() != "leader" or mention.actor_kind == "person":
                last.pop(mention.party, None)
                last[mention.party] = mention
        if len(last) < 2:
            return []
        pair = sorted(list(last.values())[-2:], key=lambda m: m.start)
        leaders = head.lemma_.lower() == "leader"
        named = " and ".join(m.actor if leaders and m.actor else self.parties[m.party].name for m in pair)
        identities = []
        for mention in pair:
            identity = self.from_mention(mention) if leaders else self.from_mention(replace(mention, actor=None))
            identity.why.insert(0, f"{head.text!r}: {named}, the two named just before")
            identities.append(identity)
        return identities

    def says_nothing(self, head: Token, identity: Identity, *, passive_agent: bool = False) -> bool:
        """Is the speaker a thing the rules say states nothing ("evidence", "data"; also through a relative pronoun),
        or a demonstrative pronoun for what was said before, left unresolved? A passive
        cue's agent left unresolved says nothing when it is one thing no name or rule gives ("the mother's life
        is threatened by the pregnancy"), not people ("criticised by lawmakers")."""
        head = relative_antecedent(head) or head  # "military records that showed …", "the data, which revealed …"
        thing = head.lemma_.lower() in self.things and self.author_of(head) is None  # "data from X" is X's
        # a possessor makes it someone's relative or aide ("announced by his son"), not a thing
        owned = any(c.dep_ == "poss" for c in head.children)
        thing = thing or passive_agent and head.tag_ == "NN" and not head.ent_type_ and not owned
        demonstrative = _bare_demonstrative(head)  # "That showed a 93% increase"
        return identity.actor is None and identity.party is None and (thing or demonstrative)

    def describe(self, head: Token) -> Identity:
        """Whom a noun phrase stands for when no rule's mention is at its head (nor a pronoun)."""
        members = self.members_of(head)
        if members is not None:
            return members
        inner = self.inner_mention(head)
        if inner is not None and inner.via == "provisional" and head.lemma_.lower() in self.commentator_titles:
            inner = None  # "researchers at Penn State University": where commentators work, no party of theirs
        person = self.person_name(head)
        if person and inner is not None and inner.actor is None and inner.party in self.rules.countries:
            # "Former US presidential candidate Elizabeth Warren": a nationality, not an office of state; but a rank
            # or a religious title there is the state's ("Vatican archbishop Charles Scicluna")
            between = self.doc[inner.end : head.i]
            inner = inner if any(t.lower_ in HONORIFICS for t in between) else None
        if inner is not None:
            actor = person or (inner.actor if inner.actor_kind in GROUPS else None)
            label = person or head.text
            why = [f"{label!r} acts for {inner.actor or inner.party} (named as {inner.text!r} in the same phrase)"]
            return Identity(actor, inner.party, "person" if person else (inner.actor_kind or "party"), label, why)
        described = self.definite_description(head)
        if described is not None:
            return described
        person_before = self.person_described_before(head)
        if person_before is not None:  # "the archbishop" after "archbishop Jorge Eduardo Scheinig"
            return person_before
        business = self.business_described_before(head)
        if business is not None:  # "the chain" after "supermarket chain Tesco"
            return business
        named = self.organisation_named_before(head)
        if named is not None:  # "the archive" after "the Gun Violence Archive"
            name, mention = named
            identity = self.from_mention(replace(mention, actor=name, actor_kind="body")) if mention else None
            if identity is None:
                identity = Identity(name, None, "body", name, [f"unresolved: {name!r} is not in the rules"])
            identity.why.insert(0, f"{'the ' + head.text!r} → {name} (named before)")
            return identity
        # a name, even one the NER sees no person in, may be someone with a party named before ("Hardeep also
        # stated", after the pack's "Hardeep Singh Puri")
        # (the model tags a surname opening a sentence as a common noun now and then: "Radmall conceded …")
        untagged = head.pos_ in ("PROPN", "NOUN") and head.is_title and head.ent_type_ not in ("ORG", "NORP", "GPE")
        if person is None and untagged and head.pos_ == "NOUN" and head.lower_ not in self.rules.people_nouns:
            person = self.full_names.get(head.text)  # a person the text names in full, surname alone
        known = self.named_before(person or head.text, head.i) if person or untagged else None
        if known is not None:
            identity = self.from_mention(known)
            identity.why.insert(0, f"{head.text!r} is {known.actor!r}, named before")
            return identity
        if person:
            earlier = self.spoke_before(person, head.i)
            if earlier is not None:  # "the general manager of Abu Dhabi Media, Ali bin Tamim, said …. Tamim said"
                why = [f"{head.text!r} is {person}, who spoke before for {earlier.party}"]
                return Identity(person, earlier.party, "person", person, why, earlier.serves)
            reason = f"person {person!r} named in the text (no rule gives a party)"
            return Identity(person, None, "person", person, [reason])
        if head.ent_type_ in ("ORG", "NORP", "GPE") and head.pos_ == "PROPN":
            ent = self.ent_at.get(head.i)
            name = ent.text if ent is not None else head.text
            name = name.removeprefix("the ")  # "The New York Times" keeps its own article
            # an organisation no rule defines speaks under its own name ("the BBC" → BBC), for no party
            alone = not any(c.dep_ == "conj" for c in head.children)  # "Reuters and NBC" are two
            actor = name if head.ent_type_ == "ORG" and alone else None
            return Identity(actor, None, "body", name, [f"unresolved: {name!r} is not in the rules"])
        text = " ".join(t.text for t in head.subtree if t.i in range(head.left_edge.i, head.i + 1))
        return Identity(None, None, _kind_of_noun(head, None), text, [f"unresolved: no rule names {text!r}"])

    def independent_person(self, head: Token) -> Identity | None:
        """The one person named in the noun phrase at `head` (its appositions and conjuncts included) when the
        article shows them speaking for no party: "Former prime minister John Major", "Haifa University expert
        and former Israeli official, Avinoam Idan"."""
        names = {self.person_name(token) for token in _noun_phrase(head) if token.ent_type_ == "PERSON"}
        found = {name for name in names if name is not None and name in self.independent}
        if len(found) != 1:
            return None
        person = found.pop()
        return Identity(person, None, "person", person, [f"{person} speaks for no party: {self.independent[person]}"])

    def named_before(self, person: str, before: int) -> Mention | None:
        """The last mention before token `before` of a person with a party named `person`, or whose first or last
        name is `person` alone when no other such person shares it; none for a person given two parties."""
        people = [m for m in self.mentions if m.end <= before and m.actor_kind == "person" and m.actor and m.party]
        named = [m for m in people if m.actor == person]
        if not named and " " not in person:
            named = [m for m in people if person in (m.actor.split()[0], m.actor.split()[-1])]  # type: ignore[union-attr]
        one = len({m.actor for m in named}) == 1 and len({m.party for m in named}) == 1
        return named[-1] if one else None

    def author_of(self, head: Token) -> Token | None:
        """Who made the message at `head`, if it is one ("a tweet by X" → X; see `proxies`), or the thing whose
        author the phrase names ("estimates by the Argentinian government", "data from the archive")."""
        return author_of(head, self.message_nouns, self.message_verbs) or author_of(
            head, self.things, self.message_verbs, look_back=False
        )

    def label_name(self, head: Token) -> Identity | None:
        """A speaker label ("PENCE: …") resolved like a name: a person the article names, whatever the letter case."""
        word = _strip_possessive(head.text).lower()
        found = None
        for mention in self.mentions:
            if mention.actor and mention.actor_kind in (None, "person") and mention.actor.split()[-1].lower() == word:
                found = mention
                if mention.start > head.i:
                    break  # the nearest mention before the label, else the first after it
        if found is not None:
            identity = self.from_mention(found)
            identity.why.insert(0, f"speaker label {head.text!r} → {found.actor} (named as {found.text!r})")
            return identity
        person = next((name for last, name in self.full_names.items() if last.lower() == word), None)
        if person is None:
            return None
        return Identity(person, None, "person", person, [f"speaker label {head.text!r} → {person!r} named in the text"])

    def from_mention(self, mention: Mention) -> Identity:
        """The identity a rule's mention gives: its actor, else its party."""
        if mention.actor is not None:
            kind = mention.actor_kind or "person"
            if kind == "person" and mention.actor in self.independent:  # the story's words beat a member entry
                why = [*mention.why, f"{mention.actor} speaks for no party: {self.independent[mention.actor]}"]
                return Identity(mention.actor, None, kind, mention.actor, why)
            return Identity(mention.actor, mention.party, kind, mention.actor, list(mention.why))
        party = self.parties.get(mention.party)
        name = party.name if party else mention.text  # a provisional party: named as the text names it
        return Identity(None, mention.party, "party", name, list(mention.why))

    def members_of(self, head: Token) -> Identity | None:
        """A plural noun a political party's or movement's adjective describes speaks for that party, the group
        its actor ("Over 100 Republican national security experts" → Republican Party); a nationality does not
        ("French farmers", "Chinese scientists" speak for no country)."""
        if head.tag_ not in ("NNS", "NNPS"):
            return None
        for child in head.lefts:
            mention = self.mention_at.get(child.i) if child.dep_ == "amod" else None
            if mention is None or mention.via != "adjective":
                continue
            party = self.parties.get(mention.party)
            if party is not None and party.kind in _JOINED:
                group = self.doc[child.i : head.i + 1].text
                return Identity(group, party.id, "group", group, [f"{group!r}: members of {party.name}", *mention.why])
        return None

    def inner_mention(self, head: Token) -> Mention | None:
        """A party or body named as a modifier in the phrase ("State Department spokesman Ned Price"); a rule's
        before one named from the text alone, then the nearest ("the UN's FAO's veterinary officer": the FAO)."""
        found = list(self.inner_mentions(head))
        return min(
            found, key=lambda m: (m.via == "provisional", min(abs(head.i - m.start), abs(head.i - m.end))), default=None
        )

    def inner_mentions(self, head: Token) -> Iterator[Mention]:
        for child in head.lefts:
            modifier = self.mention_at.get(child.i) if child.dep_ == "amod" else None
            if modifier is not None and modifier.via in ("provisional", "agent"):
                # a group no rule defines, by its nationality or movement: "Taliban negotiators"; a body of a party
                # the parse takes for an adjective: "Chilean military authorities"
                yield modifier
            if child.dep_ not in ("compound", "nmod", "poss"):
                continue
            for token in child.subtree:
                mention = self.mention_at.get(token.i)
                # a party's title in the possessor counts for its party ("the FAO's chief's deputy"); where a
                # company is based does not ("UK-based retailer Tesco")
                if (
                    mention is not None
                    and mention.via != "adjective"
                    and token.head.lower_ not in _WHERE_FROM
                    and not _dateline(self.doc, mention)
                    and (mention.actor is None or mention.actor_kind == "body" or mention.via == "agent")
                    and not (child.dep_ == "compound" and self.only_where(head, mention))
                ):
                    yield mention
        local = head.lower_ in self.local_agents  # "officials in Beijing", "police in Kabul": the place's
        for child in head.rights:
            if child.dep_ == "prep" and local and child.lower_ == "in":
                place = next((g for g in child.children if g.dep_ == "pobj"), None)
                mention = self.mention_at.get(place.i) if place is not None else None
                if mention is not None and mention.actor is None and mention.via != "adjective":
                    yield mention
            if child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "from"):
                for token in child.subtree:
                    mention = self.mention_at.get(token.i)  # not "the fiancée of a [Saudi] journalist"
                    if mention is None or _in_clause_below(token, child) or _placed_below(token, child):
                        continue  # "Doug Miller of Milltech Marine, a firm specialising in [AIS]": what the firm does
                    if head.ent_type_ == "PERSON" and child.lower_ == "from" and mention.party in self.rules.countries:
                        continue  # "Eliud Kipchoge from Kenya": where he comes from, no state he acts for
                    if mention.via != "adjective" and (not mention.actor or mention.actor_kind in GROUPS):
                        if head.ent_type_ == "PERSON" and region_of_a_country(mention, self.rules):
                            continue  # "Tiara Lusk of Idaho": where she is from, no one she acts for
                        yield mention

    def only_where(self, head: Token, mention: Mention) -> bool:
        """Does a country or one of its places before a common noun that names none of its agents nor a message say
        where they are, not whom they act for ("Omsk hospital", "the Montreal team", "Beijing residents"; not
        "Beijing officials", "the US statement")?"""
        country = mention.actor is None and mention.party in self.rules.countries
        said = head.lemma_.lower() in self.message_nouns  # "the US statement" is the country's
        return country and head.pos_ == "NOUN" and head.lower_ not in self.agent_words and not said

    def person_name(self, head: Token) -> str | None:
        """The fullest name the text gives the person at `head` ("Caddell" → "Pat Caddell")."""
        if head.ent_type_ != "PERSON":
            return None
        ent = self.ent_at.get(head.i)
        if ent is None:
            return None
        name = without_honorific(_strip_possessive(ent.text))
        words = name.split()
        if not words:
            return name
        full = self.full_names.get(words[-1])
        if len(words) == 1 and (full is None or full == name):
            full = self.by_first_name.get(words[0], full)
        return full if full is not None and len(full.split()) > len(words) else name

    def definite_description(self, head: Token) -> Identity | None:
        """ "the department" → the U.S. State Department named before; "the secretary" → its holder; a bare plural
        or mass noun too ("state media" after "Syrian state media", "officials" after "Iranian officials")."""
        bare = head.tag_ == "NNS" or head.lower_ == "media"
        definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children) or (
            bare and not any(c.dep_ in ("det", "poss", "nummod") for c in head.children)
        )
        title = head.pos_ == "PROPN" and head.is_title and head.lower_ in self.rules.title_words  # "The President"
        if not (head.pos_ == "NOUN" or title) or not definite:
            return None
        words = {head.lemma_.lower(), head.lower_} if head.pos_ == "NOUN" else {head.lower_}  # "media", "medium"
        which = _which(head, self.rules.title_words)
        for mention in reversed(self.mentions):
            if mention.start >= head.i or mention.actor is None:
                continue
            if not which <= set(mention.text.lower().split()):
                continue  # "the prime minister" is no "First Minister" named before
            if head.tag_ == "NNS" and mention.actor_kind == "person" and self.doc[mention.end - 1].tag_ != "NNS":
                continue  # "lawmakers" are not the one senator named before ("Iranian officials" are)
            # "the official" after "a senior Japanese official" (the actor: "Japanese officials")
            names = [mention.actor.split()[-1].lower(), self.doc[mention.end - 1].lemma_.lower()]
            if mention.role:
                names.append(mention.role.split()[-1].lower())
                names.append(mention.role.split()[0].lower())
            if (
                mention.actor_kind == "person"
            ):  # a title written before the name: "United States President Donald Trump"
                before = mention.text.split()[: -len(mention.actor.split())]
                names += [w.lower() for w in before if w.lower() in self.rules.title_words]
            if words.intersection(names):
                identity = self.from_mention(mention)
                identity.why.insert(0, f"{head.text!r} → {mention.actor} (named before as {mention.text!r})")
                return identity
        return None

    def business_described_before(self, head: Token) -> Identity | None:
        """The business named before with the noun of a definite description right before its name ("the chain"
        after "supermarket chain Tesco", "the retailer" after "retailer Marlowes"): the nearest such; else the
        one business the article names before with another such noun ("the network" after "broadcast corporation
        ABS-CBN's")."""
        noun = head.lemma_.lower()
        businesses = self.rules.business_lemmas
        if noun not in businesses or not _the_noun(head):
            return None
        described = []
        for mention in reversed(self.mentions):
            if mention.start >= head.i or mention.actor_kind == "person" or mention.start == 0:
                continue
            before = self.doc[mention.start - 1]
            if before.lemma_.lower() in businesses and before.i not in self.quote_tokens:
                described.append((before, mention))
        same = [pair for pair in described if pair[0].lemma_.lower() == noun]
        if not same and len({mention.party for _, mention in described}) == 1:
            same = described  # the one business the article names so
        if not same:
            return self.only_organisation_before(head)
        before, mention = same[0]
        identity = self.from_mention(mention)
        named = f"{before.text} {mention.text}"
        identity.why.insert(0, f"{'the ' + head.text!r} → {identity.name} (named before as {named!r})")
        return identity

    def only_organisation_before(self, head: Token) -> Identity | None:
        """The one organisation no rule defines that the article names before `head` ("The company said" after
        "PG&E contract employees"); None when it names none or several."""
        named = [
            m
            for m in self.mentions
            if m.start < head.i and m.party.startswith(PROVISIONAL) and m.actor_kind != "person"
        ]
        if len({m.party for m in named}) != 1:
            return None
        identity = self.from_mention(named[-1])
        identity.why.insert(0, f"{'the ' + head.text!r} → {identity.name} (the one organisation named before)")
        return identity

    def person_described_before(self, head: Token) -> Identity | None:
        """The person named before with the noun of a definite description right before their name or in
        apposition to it ("the archbishop" after "archbishop Jorge Eduardo Scheinig" or "Ann Lee, an activist"):
        the nearest such."""
        if not (_the_noun(head) or _the_title(head)):
            return None
        word = head.lemma_.lower()
        which = _which(head, self.rules.title_words)
        for ent in reversed(self.ents):
            if ent.end > head.i or ent.label_ != "PERSON":
                continue
            described = list(ent[:-1])  # "Lawyer Tom Brown": the NER's name may hold the title
            described += [c for c in ent.root.children if c.dep_ in ("compound", "appos") and c.i < ent.start]
            described += [c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end]
            if ent.start > 0:
                described += self.doc[max(0, ent.start - 1 - len(which)) : ent.start]
            words = {t.lemma_.lower() for t in described if t.pos_ in ("NOUN", "PROPN")}
            if word not in words or not which <= {t.lower_ for t in described}:
                continue
            mention = self.mention_at.get(ent.root.i)
            identity = self.from_mention(mention) if mention is not None and mention.actor else None
            if identity is None:
                person = self.person_name(ent.root) or ent.text
                if person.split()[0].lower() == word and len(person.split()) > 2:
                    person = person.split(" ", 1)[-1]  # "Lawyer Tom Brown"; "Pope Francis" stays whole
                identity = Identity(person, None, "person", person, [f"person {person!r} named in the text"])
            identity.why.insert(0, f"{'the ' + head.text!r} → {identity.name} (named before as {word!r})")
            return identity
        return None

    def of_mention(self, head: Token, mention: Mention) -> Identity:
        """Whom a rule's mention at `head` stands for; a body's agent noun, the body named before with it as its
        head ("the court" after "the Court of Session", "the House" after "the United States House of …")."""
        if mention.via == "agent" and mention.actor_kind == "body" and mention.party is not None:
            before = self.organisation_named_before(head)
            if before is not None:
                name, _ = before
                why = [f"{'the ' + head.text!r} → {name} (named before)", *mention.why]
                return Identity(name, mention.party, "body", name, why)
        return self.from_mention(mention)

    def organisation_named_before(self, head: Token, noun: str | None = None) -> tuple[str, Mention | None] | None:
        """The organisation named before a definite description whose name has its head noun ("the court" → "the
        Court of Session", "the archive" → "the Gun Violence Archive"), or `noun`, with the rule's mention there:
        of several, one the rules name, then the one named most often, then the nearest."""
        if not (_the_noun(head) or _the_title(head)):  # "the court", "the House"
            return None
        word = noun or head.lemma_.lower()
        named: dict[str, tuple[int, int, Mention | None]] = {}  # name → times named, last token, mention
        # the NER's organisations, and the bodies the rules name ("United States House of Representatives")
        spans = [ent for ent in self.ents if ent.label_ == "ORG"]
        spans += [self.doc[m.start : m.end] for m in self.mentions if m.via == "name" and m.actor_kind == "body"]
        for span in spans:
            span_head = name_head(span)
            if span.end > head.i or span_head.lemma_.lower() != word:
                continue
            mention = self.mention_at.get(span_head.i)
            if mention is not None and mention.actor_kind == "person":
                continue
            name = span.text[4:] if span.text.lower().startswith("the ") else span.text
            if name.lower() == word:
                continue  # "the House" itself, no fuller name
            if mention is not None and mention.actor is not None and mention.via == "name":
                name = mention.actor  # a body of the rules by its own name ("United States Congress")
            times = named[name][0] if name in named else 0
            named[name] = (times + 1, span.end, mention)
        if not named:
            return None
        # a body the rules name first, then the one named most often, then the nearest
        name = max(named, key=lambda n: (named[n][2] is not None, *named[n][:2]))
        return name, named[name][2]

    # -- pronouns ------------------------------------------------------------------------------------

    def build_candidates(self) -> list[_Candidate]:
        """Every antecedent a pronoun may take: rules' mentions, NER names, noun subjects; in document order."""
        found: list[_Candidate] = []
        seen: set[int] = set()
        describing = self.describing_named_people()
        for mention in self.mentions:
            head = self.doc[mention.end - 1]
            if not (mention.via == "agent" and head.i in describing) and not _describes_person(head, mention):
                found.append(self.candidate(head, self.of_mention(head, mention)))
            seen.update(range(mention.start, mention.end))
        found += self.entity_candidates(seen)
        found += self.subject_candidates(seen)
        found.sort(key=lambda c: c.index)
        return found

    def describing_named_people(self) -> set[int]:
        """Tokens of appositions to a named person: "Callamard, a UN rapporteur for the UN High Commissioner" —
        a title there is the person, never a pronoun's antecedent of its own."""
        named = [m for m in self.mentions if m.actor_kind == "person" and m.via != "agent"]
        heads = [self.doc[m.end - 1] for m in named]
        return {t.i for head in heads for child in head.children if child.dep_ == "appos" for t in child.subtree}

    def entity_candidates(self, seen: set[int]) -> list[_Candidate]:
        """People and bodies the NER found outside the rules' mentions."""
        found: list[_Candidate] = []
        for ent in self.ents:
            if ent.label_ not in ("PERSON", "ORG", "GPE", "NORP") or any(i in seen for i in range(ent.start, ent.end)):
                continue
            head = ent.root
            name = ent.text
            if ent.label_ == "PERSON":
                person = self.person_name(head) or name
                identity = Identity(person, None, "person", person, [f"person {name!r} named in the text"])
            else:
                identity = Identity(None, None, "body", name, [f"unresolved: {name!r} is not in the rules"])
            found.append(self.candidate(head, identity))
        return found

    def subject_candidates(self, seen: set[int]) -> list[_Candidate]:
        """Common nouns that are subjects of a clause ("the ministry said"), outside the rules' mentions."""
        found: list[_Candidate] = []
        array = self.doc.to_array([DEP, POS])
        subject_deps = [self.doc.vocab.strings[d] for d in ("nsubj", "nsubjpass")]
        noun = self.doc.vocab.strings["NOUN"]
        for index in numpy.nonzero(numpy.isin(array[:, 0], subject_deps) & (array[:, 1] == noun))[0]:
            token = self.doc[int(index)]
            if token.i in seen or token.lower_ in GROUP_QUANTIFIERS:  # "others" names no group of its own
                continue
            kind = _kind_of_noun(token, "thing")
            name = self.text.span(token.left_edge.idx, token.idx + len(token.text)).text
            identity = Identity(None, None, kind, name, [f"unresolved: no rule names {token.text!r}"])
            found.append(self.candidate(token, identity))
        return found

    def candidate(self, head: Token, identity: Identity, speaker: bool = False) -> _Candidate:
        """An antecedent candidate headed by `head` (noting a gender a title before it gives)."""
        gender = title_gender(head) if identity.kind == "person" else None
        if gender:
            self.genders.setdefault(identity.name, gender)
        subject = head.dep_ in ("nsubj", "nsubjpass") or (
            head.dep_ in ("compound", "appos") and head.head.dep_ in ("nsubj", "nsubjpass")
        )
        reported = not speaker and bool(self.reported_chars[head.idx])
        sentence = self.sentence_index.get(head.sent.start, 0)
        return _Candidate(head.i, sentence, subject, speaker, identity, head.i in self.quote_tokens, reported)

    def spoke_before(self, person: str, before: int) -> Identity | None:
        """The identity, with a party, of the last speaker before token `before` who is `person`."""
        earlier = [
            c.identity
            for c in self.speakers
            if c.index < before and c.identity.actor == person and c.identity.party is not None
        ]
        return earlier[-1] if earlier else None

    def add_speaker(self, head: Token, identity: Identity) -> None:
        """Remember a resolved speaker: pronouns later on prefer earlier speakers."""
        candidate = self.candidate(head, identity, speaker=True)
        candidate.inside_quote = False
        self.speakers.append(candidate)
        if self._candidates is not None:
            position = bisect_left(self._candidates, head.i, key=lambda c: c.index)
            if position < len(self._candidates) and self._candidates[position].index == head.i:
                self._candidates[position] = candidate
            else:
                self._candidates.insert(position, candidate)

    def pronoun(self, token: Token, content: tuple[int, int] | None, addressee: Token | None) -> Identity:
        """A pronoun's antecedent: the nearest fitting speaker or subject before it (see the module's policy)."""
        lower = token.lower_
        if lower in FIRST_PERSON:
            reason = f"unresolved: {token.text!r} outside quotation marks (the writer or an unnamed speaker)"
            return Identity(None, None, None, token.text, [reason])
        if _bare_demonstrative(token):  # "That showed a 93% increase": what was said before, not who said it
            return Identity(None, None, None, token.text, [f"unresolved: {token.text!r} stands for a thing said"])
        kinds = _pronoun_kinds(lower)
        gender = pronoun_gender(lower)
        own = self.own_subject(token, content, kinds, gender)
        if own is not None:
            return own
        pool = self.antecedents(token, kinds, gender, content, self.not_antecedents(addressee))
        if lower in GROUP_QUANTIFIERS:  # "Some", "Others": part of a group of people, not of "the talks"
            pool = [c for c in pool if _people(self.doc[c.index], c.identity)]
        chosen = (
            next((c for c in pool if c.speaker or (c.subject and not c.reported)), None)
            or next((c for c in pool if c.subject), None)
            or (pool[0] if pool else None)
        )
        if lower == "they" and chosen is not None and chosen.identity.kind != "group":
            # "The stores were reluctant, according to a report from ABC Australia in which they said …": a plural
            # subject of the pronoun's own sentence before the source named since
            here = token.sent.start
            plural = (c for c in pool if c.subject and c.identity.kind == "group" and c.index >= here)
            chosen = next(plural, chosen)
        if gender and chosen is not None and self.gender_of(chosen.identity.name) is None:
            # a subject the text shows to be of the pronoun's gender, or its possessor, nearer than the subject
            # whose gender nothing shows: "Jorgensen's positions include …. She supports …" after "Cohen spoke …"
            nearer = (c for c in pool if c.index > chosen.index and self.gender_of(c.identity.name))
            chosen = next((c for c in nearer if _main_subject(c, self.doc[c.index])), chosen)
        if chosen is None:
            wanted = "person" if "person" in kinds else "body or party"
            reason = f"unresolved: no {wanted} for {token.text!r} in the {WINDOW} sentences before"
            return Identity(None, None, None, token.text, [reason])
        identity = chosen.identity
        if gender:
            self.genders.setdefault(identity.name, gender)
        role = "speaker of the previous statement" if chosen.speaker else ("subject" if chosen.subject else "mention")
        why = [f"pronoun {token.text!r} → {identity.name} (nearest preceding {role})"]
        why += [w for w in identity.why if not w.startswith("pronoun")]
        return Identity(identity.actor, identity.party, identity.kind, identity.name, why, identity.serves)

    def own_subject(
        self, token: Token, content: tuple[int, int] | None, kinds: set[str], gender: str | None
    ) -> Identity | None:
        """After what it said, a pronoun is the subject of that clause when it fits: "State prosecutors charged the
        suspect with capital murder, they said" (the prosecutors), "The ministry will review the case, it said"."""
        if content is None or token.idx < content[1]:
            return None
        span = self.doc.char_span(*content, alignment_mode="expand")
        if span is None:
            return None
        roots = [t for t in span if t.pos_ in ("VERB", "AUX") and not (span.start <= t.head.i < span.end)]
        subjects = [c for root in roots[:1] for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or subjects[0].pos_ == "PRON":
            return None
        identity = self.identify(subjects[0])
        if identity.kind not in kinds or not (identity.actor or identity.party):
            return None
        if gender and self.gender_of(identity.name) not in (None, gender):
            return None
        why = [f"pronoun {token.text!r} → {identity.name} (the subject of what it said)"]
        why += identity.why
        return Identity(identity.actor, identity.party, identity.kind, identity.name, why, identity.serves)

    def gender_of(self, name: str) -> str | None:
        """A person's gender as the rules or the text show it, else as a full name's first name says ("Tom
        Brandt"), else None."""
        gender = self.genders.get(name)
        words = name.split()
        if gender is None and len(words) > 1:
            gender = self.first_names.get(words[0].casefold())
        return gender

    def not_antecedents(self, addressee: Token | None) -> set[str]:
        """Names a pronoun cannot stand for: the statement's addressee's."""
        excluded: set[str] = set()
        if addressee is not None:
            target = self.mention_at.get(addressee.i)
            if target is not None and target.actor:
                excluded.add(target.actor)
            excluded.add(addressee.text)
            person = self.person_name(addressee)
            if person:
                excluded.add(person)
        return excluded

    def antecedents(
        self, token: Token, kinds: set[str], gender: str | None, content: tuple[int, int] | None, excluded: set[str]
    ) -> list[_Candidate]:
        """The candidates a pronoun may stand for, nearest first, within the window of sentences before it."""
        here = self.sentence_index.get(token.sent.start, 0)
        pool = []
        for candidate in reversed(self.candidates):
            if candidate.index >= token.i:
                continue
            if here - candidate.sentence > WINDOW:
                break
            if candidate.inside_quote or candidate.identity.kind not in kinds:
                continue
            if content is not None:
                char = self.doc[candidate.index].idx
                if content[0] <= char < content[1]:
                    continue
            if {candidate.identity.actor, candidate.identity.name} & excluded:
                continue
            if gender and self.gender_of(candidate.identity.name) not in (None, gender):
                continue  # "she" is not Mr. Trump
            pool.append(candidate)
        return pool


def _kind_of_noun(noun: Token, otherwise: str | None) -> str | None:
    """The kind of what an unresolved noun names: a group (a plural), a body ("the royal council", "Day's animal
    foundation"), else `otherwise`."""
    if noun.tag_ in ("NNS", "NNPS"):
        return "group"
    return "body" if noun.lemma_.lower() in BODY_WORDS else otherwise


def _bare_demonstrative(token: Token) -> bool:
    """Is the token a demonstrative pronoun standing alone ("That showed …"; not "Those close to him say")?"""
    return token.lower_ in DEMONSTRATIVES and token.pos_ == "PRON" and not any(token.children)


def _people(token: Token, identity: Identity) -> bool:
    """Does a plural noun name people or bodies a quantifier can take part of ("Chinese officials", "members")?"""
    if token.tag_ not in ("NNS", "NNPS"):
        return False
    return identity.party is not None or identity.actor is not None or token.lemma_.lower() in PEOPLE_NOUNS


def _main_subject(candidate: _Candidate, token: Token) -> bool:
    """Is the candidate the subject of a sentence's main clause, or its possessor ("Jorgensen's" of "Jorgensen's
    positions include …"), not of what someone reported?"""
    if candidate.subject:
        return not candidate.reported and token.head.dep_ == "ROOT"
    return token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass") and token.head.head.dep_ == "ROOT"


def _a_person(identity: Identity) -> bool:
    """Does an identity name a person?"""
    return identity.kind == "person" and identity.actor is not None


# what a court issues: "according to the ruling" is the court's
COURT_RULINGS = frozenset({"ruling", "judgment", "judgement", "verdict"})


def _named(identity: Identity) -> bool:
    """Does an identity name someone the rules or the article place (an actor with a party, or a party)?"""
    return identity.party is not None


# the second halves of compounds that say where a speaker is from, not whom it speaks for: "UK-based",
# "London-headquartered", "Iranian-born"
def _listed_names(head: Token) -> list[Token]:
    """The people a plural title lists in apposition ("Two Democratic Representatives, Collin Peterson and Jeff
    Van Drew,"): each of them, when they are two or more."""
    if head.tag_ not in ("NNS", "NNPS") or head.i + 2 >= len(head.doc) or head.doc[head.i + 1].text != ",":
        return []
    # the first name right after the comma (the parse makes it an apposition or a conjunct)
    names = [c for c in head.children if c.dep_ in ("appos", "conj") and c.left_edge.i == head.i + 2]
    listed = [n for name in names[:1] for n in (name, *name.conjuncts) if n.ent_type_ == "PERSON" and n.i > head.i]
    return listed if len(listed) > 1 else []


def _examples_named(head: Token) -> list[Token]:
    """The countries or people a plural subject names as its examples ("African countries including Algeria and
    Morocco", "senators such as Ann Lee and Bo Chen"): each of them, all named."""
    if head.tag_ not in ("NNS", "NNPS"):
        return []
    doc = head.doc
    for prep in (c for c in head.children if c.dep_ == "prep" and c.i > head.i):
        such_as = prep.lower_ == "as" and prep.i > 0 and doc[prep.i - 1].lower_ == "such"
        if prep.lower_ not in ("including", "like") and not such_as:
            continue
        first = next((g for g in prep.children if g.dep_ == "pobj"), None)
        named = [first, *first.conjuncts] if first is not None else []
        if named and all(n.ent_type_ in ("PERSON", "GPE", "ORG") for n in named):
            return named
    return []


def _sibling_subjects(head: Token) -> list[Token]:
    """The other subjects of the verb a subject hangs on, when "and" joins them and the parse made each the
    verb's own ("Kimberly-Clark, which makes …, and Solaris Paper … emphasized …")."""
    if head.dep_ != "nsubj":
        return []
    subjects = [c for c in head.head.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")]
    joined = any(
        c.dep_ == "cc" and c.lower_ == "and" for subject in subjects for c in subject.children if c.i > subject.i
    )
    return [subject for subject in subjects if subject.i != head.i] if joined and len(subjects) > 1 else []


_JOINED = ("organisation", "movement", "group")  # parties one joins, unlike a country one is from
_WHERE_FROM = {"based", "headquartered", "born", "registered", "raised"}


def _the_noun(head: Token) -> bool:
    """Is `head` a common noun after "the" ("the court", "the archbishop")?"""
    return head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def _the_title(head: Token) -> bool:
    """Is `head` one capitalised word after "the" alone, which the model takes for a name where it may be a title
    ("the Pope", "the Archbishop")?"""
    children = list(head.children)
    alone = len(children) == 1 and children[0].lower_ == "the"
    return alone and head.pos_ == "PROPN" and head.is_title


def _noun_phrase(head: Token) -> Iterator[Token]:
    """The head of a noun phrase and the words of its appositions, conjuncts and compounds, recursively."""
    yield head
    for child in head.children:
        if child.dep_ in ("appos", "conj", "compound"):
            yield from _noun_phrase(child)


def _pronoun_kinds(lower: str) -> set[str]:
    """The kinds of identity a (lower-cased) third-person pronoun can stand for."""
    if lower in PERSON_PRONOUNS:
        return {"person"}
    if lower in GROUP_PRONOUNS:
        return {"body", "party", "group"}
    if lower in GROUP_QUANTIFIERS:
        return {"group", "person", "body", "party"}
    return {"body", "party", "thing"}


def _full_names(people: list[str]) -> dict[str, str]:
    """Last word → the first person name (`people`: in document order) ending with it, or a longer one of the same
    first name after it ("Joseph R. Biden" after "Joseph Biden"); not another person of the family named later
    ("Reginald Claypoole Vanderbilt" after "Gloria Vanderbilt": "Vanderbilt" is still Gloria)."""
    full_names: dict[str, str] = {}
    for name in people:
        words = name.split()
        if not words:
            continue
        known = full_names.get(words[-1], "").split()
        # "Bill de Blasio" after "De Blasio", "Joseph R. Biden" after "Joseph Biden": the same person, named fuller
        ending = [w.casefold() for w in words[-len(known) :]] == [w.casefold() for w in known]
        same_person = len(known) < 2 or known[0] == words[0] or ending
        if len(words) > len(known) and same_person:
            full_names[words[-1]] = name
    return full_names


def _placed_below(token: Token, phrase: Token) -> bool:
    """Is `token` in an `in` phrase inside `phrase`, saying where what it names is ("researchers at Penn State
    University in [the U.S.]")?"""
    ancestor = token.head
    while ancestor.i != phrase.i and ancestor.head.i != ancestor.i:
        if ancestor.dep_ == "prep" and ancestor.lower_ == "in":
            return True
        ancestor = ancestor.head
    return False


def _apposed_name(head: Token) -> Token | None:
    """A person's name in apposition with the common noun at `head` ("The chairman of the committee, Adam Schiff,
    said"; "said co-author Ted Scambos"; the source of "according to": "according to coach Ben Radmall"), also
    where the parse hung it on a subject's complement between commas ("The general manager of Abu Dhabi Media, Ali
    bin Tamim, said")."""
    if head.pos_ != "NOUN" or head.dep_ not in ("nsubj", "nsubjpass", "pobj"):
        return None
    doc = head.doc
    direct = [c for c in head.rights if c.dep_ == "appos"]
    hung = [
        c
        for prep in head.rights
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "at")
        for g in prep.children
        if g.dep_ == "pobj"
        for c in g.children
        if c.dep_ == "appos"
    ]
    for name in direct + hung:
        left, right = name.left_edge.i, name.right_edge.i
        commas = left > 0 and doc[left - 1].text == "," and right + 1 < len(doc) and doc[right + 1].text == ","
        subject = head.dep_ != "pobj"
        if (
            name.ent_type_ == "PERSON"
            and subject
            and commas
            and right + 2 < len(doc)
            and doc[right + 2].head == head.head
        ):
            return name
        if name.ent_type_ == "PERSON" and left == head.i + 1:
            return name  # '"…," said co-author Ted Scambos', "according to assistant coach Ben Radmall": two phrases
    return None


def _describes_person(head: Token, mention: Mention) -> bool:
    """Is a party's mention a word describing a person named after it ("US singer Doris Day"), which names no one
    a pronoun may stand for?"""
    if mention.actor is not None:
        return False
    token = head
    while token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i:
        token = token.head
    return token.i >= mention.end and token.ent_type_ == "PERSON"


def _dateline(doc: Doc, mention: Mention) -> bool:
    """Is the mention a news agency's dateline opening the sentence ("BRUSSELS — European leaders said"): where
    the story was filed, no party the subject speaks for?"""
    return bool(doc[mention.start].is_sent_start) and dateline_dash(doc, mention.start) is not None


def _partitive_group(head: Token) -> Token | None:
    """The group a partitive word names part of ("some of the protesters" → "protesters"), if it does."""
    if head.lower_ not in PARTITIVES:
        return None
    of = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
