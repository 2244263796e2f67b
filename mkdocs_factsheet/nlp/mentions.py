"""From matcher candidates to resolved mentions: who is named, for which party, and why.

Resolution rules, in order (each decision is recorded in the mention's `why`):
- a party name, alias or pattern is a mention of that party;
- a member's name, alias or surname is that member; when several members share it, the one
  named in full in the article wins, then the one in office on the article's date;
- a role noun ("the secretary of state") is the member holding that role on the article's date;
  without a date, the one person the rules give that role, else the holder the article names; a
  party named just before ("US Secretary of
  State") narrows the choice to that party's members;
- a party's name, alias or adjective is never read as someone's surname ("German");
- a party's name or adjective, or a member's surname, inside a longer name the NER reads as one place, person
  or event ("New Mexico", "Mark Cuban", "the Vietnam War") names neither, unless a title or an agent noun
  follows it ("Russian President …");
- a party's name or adjective before a currency ("six million US dollars", "Indian rupees") names neither, nor
  does a city's name before an agreement signed there ("the Paris agreement");
- a party name or adjective just before an agent noun ("Chinese officials", "China's foreign
  ministry") is an actor of that party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..model import IssueMention, Span
from ..rules import RuleSet
from ..rules.schema import Issue, Member, Party, alias_of
from .matching import Candidate, CompiledRules, DocViews, Entry, settle, without_exclusions
from .names import named_in_full
from .text import BodyText

DETERMINERS = {"the", "a", "an"}
# named entities whose name can hold a party's without naming it; an organisation ("Chinese Foreign Ministry",
# "Syrian Democratic Forces") is left to the agent nouns and to nlp.provisional
NAME_LABELS = {"GPE", "LOC", "PERSON", "EVENT", "FAC", "WORK_OF_ART"}
_POSSESSIVES = {"'s", "’s", "'", "’"}
# what is named after the city it was signed or agreed in ("the Paris agreement", "the Kyoto Protocol")
AGREEMENTS = frozenset(
    {"agreement", "accord", "accords", "protocol", "convention", "declaration", "treaty", "consensus"}
)
# currencies and measures named after their country ("US dollars", "the Hong Kong dollar", "U.S. gallons")
CURRENCIES = frozenset(
    {
        "dollar", "pound", "euro", "yen", "yuan", "renminbi", "rupee", "peso", "franc", "ruble", "rouble", "won",
        "rand", "lira", "krona", "krone", "shekel", "dinar", "riyal", "rial", "ringgit", "baht", "rupiah", "dirham",
        "hryvnia", "zloty", "forint", "koruna", "taka", "naira", "cedi", "shilling", "kwacha", "lempira", "bolivar",
        "gallon", "pint", "quart", "bushel",  # and measures: "37 billion U.S. gallons"
    }
)  # fmt: skip
_INDEFINITE = ("a", "an", "another", "former")
# a country's initialism: "US", "U.S.", "UK", "PRC"
_INITIALISM = re.compile(r"(?:[A-Z]\.){2,4}|[A-Z]{2,4}")
# the last words of organisations a country's initialism opens that are no body of its state
_NOT_A_STATES_BODY = {
    "today", "times", "post", "news", "mail", "airways", "airlines", "steel", "open", "bank", "party", "league",
    "championship", "championships", "cup", "tour",
}  # fmt: skip
# first words that make a name headed by an agent noun a state's body, not a company's, a university's or an NGO's
STATE_QUALIFIERS = {
    "national", "federal", "central", "state", "royal", "supreme", "high", "internal", "general", "public",
    "presidential", "metropolitan", "provincial", "regional", "municipal", "civil", "interior", "foreign",
    "house", "senate", "congressional", "parliamentary",  # a legislature's committees: "the House Judiciary Committee"
}  # fmt: skip
# the kinds of organisation that are their members' own, whatever place their name ends in
_PRIVATE_KINDS = {
    "association",
    "society",
    "federation",
    "league",
    "chamber",
    "foundation",
    "guild",
    "club",
    "conference",
    "party",  # "the Unity Party of America": a political party of its own, not the state
    "movement",
}
_PAST = ("former", "ex", "then", "late", "erstwhile")  # before a title held no longer

People = set[tuple[str, int | None]]  # (party id, member index) pairs


@dataclass
class Mention:
    """A resolved mention of a party or of an actor acting for one."""

    start: int  # token indices in the doc
    end: int
    start_char: int  # character offsets in the article text
    end_char: int
    text: str
    party: str
    actor: str | None = None  # canonical actor name, None for a mention of the party itself
    actor_kind: str | None = None
    role: str | None = None
    via: str = "name"  # name | surname | role | agent | adjective | party | affiliated
    why: list[str] = field(default_factory=list)
    # A built-in pack's member: where the article itself gives the person another party (a title of
    # that party, an apposition), the article wins (nlp.affiliation); the site's own rules always win
    from_pack: bool = False

    @property
    def span(self) -> Span:
        return Span(self.text, self.start_char, self.end_char)

    @classmethod
    def of_tokens(
        cls,
        doc: Doc,
        start: int,
        end: int,
        text: BodyText,
        party: str,
        *,
        actor: str | None = None,
        actor_kind: str | None = None,
        role: str | None = None,
        via: str,
        why: list[str],
    ) -> Mention:
        """The mention of doc tokens [start, end), at the article offsets of its characters (`text.chars`)."""
        span = doc[start:end]
        return cls(
            start, end, *text.chars(span.start_char, span.end_char), span.text, party,
            actor, actor_kind, role, via, why,
        )  # fmt: skip


@dataclass(frozen=True)
class ProvisionalParty:
    """A party named from the text alone (`nlp.provisional`): its id, the fullest name the article gives it,
    and the other forms seen (an acronym)."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()


IssueMentions = list[tuple[str, IssueMention]]  # (issue id, mention), in document order


@dataclass
class ResolvedMentions:
    """What resolution makes of a parsed article: the stages after it start from these."""

    mentions: list[Mention]
    issue_mentions: IssueMentions
    # "party:<id>" / "issue:<id>" of every rule that matched anything, before overlaps were settled:
    # an edit to any other rule cannot change this article's facts unless the edited rule matches it.
    hits: set[str]
    views: DocViews  # what matching made of the doc; its `words` go into the engine's record
    candidates: list[Candidate]  # the entity candidates, overlaps settled (titles included)
    provisional: list[ProvisionalParty] = field(default_factory=list)  # parties named from the text alone
    # people the article shows speaking for no party (a former office, a commentator): name → why
    independent: dict[str, str] = field(default_factory=dict)

    @property
    def words(self) -> set[str]:
        """Every word form in the article a rule can match (see `matching.article_words`)."""
        return self.views.words


def resolve_mentions(doc: Doc, compiled: CompiledRules, text: BodyText, when: date | None) -> ResolvedMentions:
    """Resolve entity and issue candidates in a parsed article dated `when`."""
    rules = compiled.rules
    resolver = _Resolver(doc, rules, text, when)
    views = DocViews(doc, compiled.lemmatizer)
    entities, issues = compiled.candidates(views, "entity"), compiled.candidates(views, "issue")
    settled = settle(entities)
    mentions = resolver.resolve(settled)
    issue_mentions = _issue_mentions(doc, rules, text, settle(without_exclusions(issues)))
    hits = {f"party:{e.target}" for c in entities for e in c.entries if e.kind != "agent"}
    hits |= {f"issue:{e.target}" for c in issues for e in c.entries}
    return ResolvedMentions(_yield_to_own_issues(mentions, issue_mentions, rules), issue_mentions, hits, views, settled)


def _yield_to_own_issues(mentions: list[Mention], issue_mentions: IssueMentions, rules: RuleSet) -> list[Mention]:
    """A place the site's own issue rules name ("Taiwan", "Hong Kong") is the issue there, not a pack's party.

    The user's rules win over the packs', across kinds as within them; an actor of that party
    ("Taiwanese officials") still counts, and so does an organisation, which acts as well as being
    talked about ("NATO", "the WHO" in an issue about alliances or health).
    """
    own = {
        (m.start, m.end)
        for issue, m in issue_mentions
        if (source := rules.source_of("issue", issue)) and source.pack is None
    }

    def pack_place(party: str) -> bool:
        source = rules.source_of("party", party)
        return source is not None and source.pack is not None and rules.parties[party].kind != "organisation"

    def inside_own_issue(mention: Mention) -> bool:
        return any(start <= mention.start_char and mention.end_char <= end for start, end in own)

    return [m for m in mentions if not (m.actor is None and pack_place(m.party) and inside_own_issue(m))]


def _people(entries: list[Entry]) -> People:
    return {(e.target, e.member) for e in entries}


class _Resolver:
    """Resolves the entity candidates of one doc, in document order."""

    def __init__(self, doc: Doc, rules: RuleSet, body: BodyText, when: date | None):
        self.doc = doc
        self.rules = rules
        self.body = body  # doc offsets → the article's
        self.when = when  # the article's date
        self.entities = {i: ent for ent in doc.ents if ent.label_ in NAME_LABELS for i in range(ent.start, ent.end)}
        self.organisations = {i: ent for ent in doc.ents if ent.label_ == "ORG" for i in range(ent.start, ent.end)}
        # the last words of the agent nouns ("ministry", "office", "army"): an organisation named so is a body
        self.body_words = frozenset(phrase.split()[-1] for phrase in rules.agent_phrases)
        self.surnames = named_in_full(doc)  # "Sudesh Amman": "Amman" later is him
        self.adjective_ends: set[int] = set()  # where a nationality or party adjective ends ("Philippine")

    def member(self, entry: Entry) -> Member:
        assert entry.member is not None
        return self.rules.parties[entry.target].members[entry.member]

    def resolve(self, candidates: list[Candidate]) -> list[Mention]:
        """The mentions among settled candidates; a title before a name joins the name's mention."""
        named = {(e.target, e.member) for c in candidates for e in c.entries if e.is_name}
        self.adjective_ends = {c.end for c in candidates if any(e.kind == "adjective" for e in c.entries)}
        # "President Obama" names him as surely as "Barack Obama" ("Mr. Obama" later is him)
        named |= {
            (e.target, e.member)
            for c in candidates
            for e in c.entries
            if e.kind == "member" and e.how.startswith("surname") and self.titled_surname(c, e)
        }
        mentions: list[Mention] = []
        previous: Candidate | None = None
        previous_mention: Mention | None = None
        title: Candidate | None = None
        for index, candidate in enumerate(candidates):
            following = candidates[index + 1] if index + 1 < len(candidates) else None
            if self.is_title_of(candidate, following):
                title = candidate  # "President" in "U.S. President Joe Biden": a title, not a mention of its own
                continue
            if (
                self.is_title_of_someone_else(candidate)
                or self.inside_longer_name(candidate, following)
                or self.another_party_named(candidate, candidates[index - 1] if index else None)
                or self.names_currency(candidate)
                or self.names_agreement(candidate)
            ):
                previous, previous_mention, title = candidate, None, None
                continue
            voice = self.voice_of(previous, previous_mention, candidate)
            if voice is not None:
                mentions[-1] = voice  # the body or party speaks through it
                previous, previous_mention, title = candidate, voice, None
                continue
            lead = self.leading_party(previous, previous_mention, candidate)
            mention = self.resolve_one(candidate, named, lead)
            owned = self.body_of_party_after(previous, previous_mention, candidate, mention)
            if owned is not None:
                mention = owned  # "the Foreign Ministry of Iraq": one mention of the ministry, an actor of Iraq
            elif mention is not None and title is not None:
                self.take_title(mention, title, candidate)
            if mention is not None:
                mentions.append(mention)
            title = None
            previous, previous_mention = candidate, mention
        return mentions

    def body_of_party_after(
        self, previous: Candidate | None, before: Mention | None, candidate: Candidate, mention: Mention | None
    ) -> Mention | None:
        """A body agent noun, "of" (the), then a party's name: "the Foreign Ministry of Iraq", "the government
        of Syria" — the body as an actor of that party (named as "Iraqi Foreign Ministry")."""
        if previous is None or before is not None or mention is None or mention.actor is not None:
            return None
        if mention.via != "party" or not all(e.kind == "agent" for e in previous.entries):
            return None
        gap = [t.lower_ for t in self.doc[previous.end : candidate.start]]
        if gap not in (["of"], ["of", "the"]):
            return None
        agent = self.rules.agent(previous.entries[0].target)
        if agent.kind != "body":
            return None
        party = self.rules.parties[mention.party]
        adjective = _first_adjective(party)
        why = [f"agent noun {agent.name!r} of {party.name!r}"]
        actor = f"{adjective} {agent.name}"
        if by_another_name(mention.text, party.name):
            actor = self.doc[previous.start : candidate.end].text  # a region's: "the government of American Samoa"
        return self.mention(
            previous.start, candidate.end, mention.party, actor=actor, actor_kind="body", via="agent", why=why
        )

    def is_title_of(self, candidate: Candidate, following: Candidate | None) -> bool:
        """A role noun directly followed by the name of someone who holds that role."""
        if following is None or following.start != candidate.end:
            return False
        holders = {(e.target, e.member) for e in candidate.entries if e.kind == "role"}
        return bool(holders & self.members_of(following))

    def is_title_of_someone_else(self, candidate: Candidate) -> bool:
        """A role noun used as the title of a name no rule knows ("Prime Minister Boris Johnson")."""
        if not all(e.kind in ("role", "agent") for e in candidate.entries) or candidate.end >= len(self.doc):
            return False
        following = self.doc[candidate.end]
        return following.ent_type_ == "PERSON" or (following.is_title and following.pos_ in ("PROPN", ""))

    def take_title(self, mention: Mention, title: Candidate, candidate: Candidate) -> None:
        """The title joins the name's mention; it is the person's role only if held then ("former" …: not)."""
        holders = self.members_of(candidate)
        entry = next((e for e in title.entries if e.kind == "role" and (e.target, e.member) in holders), None)
        if entry is not None and not mention.role:
            role = self.role_title(entry)
            if self.past_title(title.start):
                mention.why.append(f"title {role!r} just before the name, an office held in the past")
            elif self.when is not None and not self.holds(entry, self.when):
                mention.why.append(f"title {role!r} just before the name, not held on {self.when.isoformat()}")
            else:
                mention.role = role
                mention.why.append(f"title {role!r} just before the name")
        span = self.doc[title.start : mention.end]
        mention.start, mention.text = title.start, span.text
        mention.start_char = self.body.chars(span.start_char, span.end_char)[0]

    def past_title(self, start: int) -> bool:
        """A title after "former", "ex-", "then-" or "late", a party's name between them ("former US President")."""
        for token in reversed(self.doc[max(0, start - 4) : start]):
            if token.lower_ in _PAST:
                return True
            if not (token.text in ("-", *_POSSESSIVES) or token.ent_type_ in ("GPE", "NORP", "ORG")):
                return False
        return False

    @staticmethod
    def members_of(candidate: Candidate) -> People:
        return {(e.target, e.member) for e in candidate.entries if e.kind == "member"}

    def from_pack(self, entry: Entry) -> bool:
        source = self.rules.source_of("party", entry.target)
        return source is not None and source.pack is not None

    def role_title(self, entry: Entry) -> str:
        return self.member(entry).role_list()[entry.role or 0].title

    def leading_party(
        self, previous: Candidate | None, mention: Mention | None, candidate: Candidate
    ) -> Mention | None:
        """The party mention right before a candidate ("US" in "US Secretary of State", "China's" in "China's
        foreign ministry")."""
        if previous is None or mention is None or mention.actor is not None:
            return None
        gap = self.doc[previous.end : candidate.start]
        if len(gap) == 0 or (len(gap) == 1 and gap[0].text in _POSSESSIVES):
            return mention
        return None

    def voice_of(self, previous: Candidate | None, mention: Mention | None, candidate: Candidate) -> Mention | None:
        """A voice agent noun right after a party or body ("a Chinese foreign ministry spokesman", "an Interpol
        spokesperson"): the mention of that party or body, widened to it (the unnamed voice speaks as it)."""
        if previous is None or mention is None or (mention.actor is not None and mention.actor_kind != "body"):
            return None
        agents = [self.rules.agent(e.target) for e in candidate.entries if e.kind == "agent"]
        if not agents or len(agents) < len(candidate.entries) or not all(agent.voice for agent in agents):
            return None
        gap = self.doc[previous.end : candidate.start]
        if len(gap) > 1 or (len(gap) == 1 and gap[0].text not in _POSSESSIVES):
            return None
        speaks_for = mention.actor or self.rules.parties[mention.party].name
        why = [*mention.why, f"{agents[0].name!r} speaks for {speaks_for!r}"]
        start, actor, kind = mention.start, mention.actor, mention.actor_kind
        return self.mention(start, candidate.end, mention.party, actor=actor, actor_kind=kind, via="agent", why=why)

    def inside_longer_name(self, candidate: Candidate, following: Candidate | None) -> bool:
        """A party's name or a surname inside a longer name of a place, person or event ("New Mexico",
        "Mark Cuban", "the South China Sea", "George McGovern") or of a university, not followed by a title or
        agent noun it leads ("Russian President Vladimir Putin")."""
        if any(e.kind in ("role", "agent", "exclude") or e.is_name for e in candidate.entries):
            return False  # a member's full name or alias is the rule's own choice
        workplace = self.organisations.get(candidate.start)
        if workplace is not None and self.rules.is_workplace(workplace.text) and not self.named(candidate, workplace):
            return True  # "the Georgia Institute of Technology", "the University of Tokyo": no body of the state
        if self.national_branch(candidate):
            return True
        # a surname alone after it ("ABC Australia on March 3": "on" is a pack member's) leads nothing
        leads = (
            following is not None
            and following.start == candidate.end
            and not all(e.kind == "member" and e.how.startswith("surname") for e in following.entries)
        )
        if self.place_in_organisation(candidate) and not leads:  # "the U.S. Senate" is the country's
            return True
        entity = self.entities.get(candidate.start)
        if entity is None or self.entities.get(candidate.end - 1) is not entity:
            return False
        if self.named(candidate, entity):
            return False  # the entity is the candidate's own name
        if entity.label_ == "PERSON" and self.doc[candidate.start - 1].lower_ == "of":
            return False  # "Bo Chen of Utopia" read as one name: someone of the party
        return not leads

    def another_party_named(self, candidate: Candidate, preceding: Candidate | None) -> bool:
        """A political party's name ending an organisation's longer name after capitalised words of its own, no
        place's nor another party's (`preceding`: the candidate before it): "the Christian Democratic Party", "the
        Social Democratic Party" are not the Democratic Party; "the Texas Democratic Party" is."""
        parties = [self.rules.parties[e.target] for e in candidate.entries if e.kind == "party"]
        if not parties or len(parties) < len(candidate.entries) or not all(p.country for p in parties):
            return False
        entity = self.organisations.get(candidate.start)
        if entity is None or entity.end != candidate.end:
            return False
        start = entity.start + (entity[0].lower_ in DETERMINERS)
        before = self.doc[start : candidate.start]
        placed = preceding is not None and preceding.end > start and any(e.kind == "party" for e in preceding.entries)
        if not len(before) or placed:
            return False
        return all(t.is_title and t.pos_ in ("PROPN", "ADJ") for t in before)

    def national_branch(self, candidate: Candidate) -> bool:
        """An international organisation's name ending an organisation's longer name after a nationality: a body
        of its own in that country ("the Philippine Red Cross", "the American Red Cross" are not the International
        Committee of the Red Cross); a country's own party stays itself ("the German SPD")."""
        parties = [self.rules.parties[e.target] for e in candidate.entries if e.kind == "party"]
        if len(parties) < len(candidate.entries) or any(p.kind != "organisation" or p.country for p in parties):
            return False
        entity = self.organisations.get(candidate.start)
        if entity is None or entity.end != candidate.end or candidate.start == entity.start:
            return False
        return candidate.start in self.adjective_ends

    @staticmethod
    def named(candidate: Candidate, entity: SpacySpan) -> bool:
        """Is the entity the candidate's own name (an article or a possessive aside)?"""
        start = entity.start + (entity[0].lower_ in DETERMINERS)
        end = entity.end - (entity[-1].text in _POSSESSIVES)
        return start >= candidate.start and end <= candidate.end

    def place_in_organisation(self, candidate: Candidate) -> bool:
        """A party's place alias (a city, a capital, a state) inside an organisation's longer name, beside other
        words of that name: "the New York Times", "The Jakarta Post" — not "10 Downing Street", not after "of"
        ("Bank of China"); the party's own name too where the organisation's name ends in no word of a body
        ("the Cyprus Mail", "Agence France-Presse"; not "the Pakistan Foreign Office"), or after an acronym or
        "from" ("CNN Philippines", "Notes from Poland")."""
        if not all(e.kind == "party" and e.how.startswith(("alias", "name")) for e in candidate.entries):
            return False
        entity = self.organisations.get(candidate.start)
        if entity is None or self.organisations.get(candidate.end - 1) is not entity:
            return False
        of = (
            candidate.start - 1 - (candidate.start > entity.start + 1 and self.doc[candidate.start - 1].lower_ == "the")
        )
        if of > 0 and self.doc[of].lower_ == "of":
            # "First Minister of Scotland Nicola Sturgeon", read as one name: an office of the place; but "the
            # Recording Industry Association of America", "the Bishops' Conference of the Philippines" are
            # associations of their own
            kind = self.doc[of - 1]
            return kind.i >= entity.start and kind.lower_ in _PRIVATE_KINDS
        if self.initialism_before_body(candidate, entity):
            return False  # "the U.S. House", "the US Geological Survey": the state's own
        before = self.doc[candidate.start - 1] if candidate.start > entity.start else None
        place = all(self.rules.parties[e.target].kind == "country" for e in candidate.entries)
        edition = before is not None and (before.is_upper or before.lower_ == "from")
        if place and edition and entity.end <= candidate.end:
            return True  # "CNN Philippines", "Notes from Poland": a brand's edition for the place, no body of it
        named = any(e.how.startswith("name") for e in candidate.entries)
        following = self.doc[candidate.end] if candidate.end < len(self.doc) else None
        owner = following is not None and following.text in _POSSESSIVES  # "the UN's FAO"
        # "the United States National Institute of Allergy": a state's qualifier after its name opens its body's
        qualified = following is not None and following.i < entity.end and following.lower_ in STATE_QUALIFIERS
        if named and (owner or qualified or entity.end <= candidate.end or entity[-1].lower_ in self.body_words):
            return False
        others = [t for t in entity if not candidate.start <= t.i < candidate.end]
        return any(t.pos_ == "PROPN" and t.is_title for t in others)

    def initialism_before_body(self, candidate: Candidate, entity: SpacySpan) -> bool:
        """Does a country's initialism open an organisation's name that is no outlet's or company's ("the U.S.
        House", "the UK Border Force"; not "USA Today", "US Airways")?"""
        text = self.doc[candidate.start : candidate.end].text
        opens = candidate.start == entity.start + (entity[0].lower_ in DETERMINERS)
        return opens and _INITIALISM.fullmatch(text) is not None and entity[-1].lower_ not in _NOT_A_STATES_BODY

    def persons_surname(self, candidate: Candidate, entry: Entry) -> bool:
        """A party's alias (a capital, a place) that is the surname of someone the article named in full before:
        "Amman" after "Sudesh Amman" is him, not Jordan."""
        if not entry.how.startswith("alias") or candidate.end != candidate.start + 1:
            return False
        named = self.surnames.get(self.doc[candidate.start].text)
        return named is not None and named <= candidate.start

    def names_currency(self, candidate: Candidate) -> bool:
        """A party's name or adjective that names a currency or a measure ("six million US dollars", "the Australian
        dollar", "US$400 million", "U.S. gallons"): no mention of the party."""
        if candidate.end >= len(self.doc):
            return False
        after = self.doc[candidate.end]
        return after.text == "$" or after.pos_ == "NOUN" and after.lemma_.lower() in CURRENCIES

    def names_agreement(self, candidate: Candidate) -> bool:
        """A party's other name — a city, a region — that names an agreement signed there ("the Paris agreement",
        "the Minsk accords", "the Kyoto Protocol"): no mention of the party (its own name is: "the Iran deal")."""
        aliases = [e for e in candidate.entries if e.kind == "party" and e.how.startswith("alias ")]
        names = [e for e in candidate.entries if e.kind == "party" and not e.how.startswith("alias ")]
        if candidate.end >= len(self.doc) or not aliases or names:
            return False
        after = self.doc[candidate.end]
        return after.pos_ in ("NOUN", "PROPN") and after.lemma_.lower() in AGREEMENTS

    def inside_other_name(self, candidate: Candidate) -> bool:
        """A surname or alias that ends someone else's name ("Sam Harris", "George Washington")."""
        if candidate.start == 0:
            return False
        before = self.doc[candidate.start - 1]
        if not (before.is_alpha and before.is_title):
            return False
        if self.doc.has_annotation("ENT_IOB"):  # with NER: the word before belongs to the same person's name
            return before.ent_type_ == "PERSON" and self.doc[candidate.start].ent_iob_ == "I"
        return not before.is_sent_start

    def resolve_one(self, candidate: Candidate, named: People, lead: Mention | None) -> Mention | None:
        """The mention a candidate makes (None for none): of a party, an agent of one, or a member."""
        entries = candidate.entries
        if any(e.kind in ("party", "adjective") for e in entries):
            # a surname never shadows a party's name, alias or adjective ("German" is Germany, whoever is called German)
            entries = [e for e in entries if not (e.kind == "member" and e.how.startswith("surname"))]
        if lead is not None:
            entries = [
                e for e in entries if e.target == lead.party or e.kind in ("party", "adjective", "agent")
            ] or entries
        best = min(entries, key=Entry.order)
        if best.kind == "exclude":
            return None  # a phrase in which the party's names do not name it ("Washington Post")
        if best.kind in ("party", "adjective"):
            if best.kind == "party" and (self.inside_other_name(candidate) or self.persons_surname(candidate, best)):
                return None
            via = "party" if best.kind == "party" else "adjective"
            why = [f"{best.kind} {best.target!r} by {best.how}"]
            return self.mention(candidate.start, candidate.end, best.target, via=via, why=why)
        if best.kind == "agent":
            return self.agent_mention(candidate, best, lead)
        members = [e for e in entries if e.kind in ("member", "role")]
        surnames_only = all(e.how.startswith("surname") for e in members)
        if surnames_only and self.inside_other_name(candidate):
            return None
        return self.resolve_member(candidate, members, named, lead)

    def agent_mention(self, candidate: Candidate, best: Entry, lead: Mention | None) -> Mention | None:
        """An agent noun after a party's mention ("Chinese officials"); alone ("officials") it names nobody."""
        if lead is None:
            return None
        agent = self.rules.agent(best.target)
        party = self.rules.parties[lead.party]
        if not agent.of_state and party.kind == "country":
            return None  # "the American CEO of Apple", "a Belarusian presidential candidate": a nationality, no office
        adjective = _first_adjective(party)
        why = [f"agent noun {agent.name!r} after a mention of {party.name!r}"]
        if lead.via == "adjective" and lead.text[:1].isupper():
            adjective = lead.text  # as the article writes it
        actor, end = f"{adjective} {agent.name}", candidate.end
        entity = self.organisations.get(lead.start) or self.organisations.get(candidate.start)
        if agent.kind == "body" and entity is not None and candidate.end <= entity.end:
            # the body's own name: "the Philippine Institute of Volcanology and Seismology", "Bangladesh's
            # Institute of Epidemiology"
            first = lead.start if entity.start <= lead.start else candidate.start
            if self.doc[first].is_title:  # a name, not "defence ministry"
                end = entity.end - (entity[-1].text in _POSSESSIVES)
                actor = self.doc[first:end].text
                why.append(f"its name {actor!r}")
        return self.mention(lead.start, end, lead.party, actor=actor, actor_kind=agent.kind, via="agent", why=why)

    def resolve_member(
        self, candidate: Candidate, entries: list[Entry], named: People, lead: Mention | None
    ) -> Mention | None:
        """The one member a name or role noun stands for; None when the article singles out nobody."""
        why: list[str] = []
        if all(e.kind == "role" for e in entries):
            if candidate.start > 0 and self.doc[candidate.start - 1].lower_ in _INDEFINITE:
                return None  # "a foreign minister", "former president": not the one holder of the office
            options = self.role_holders(entries, named, why)
            if not options:
                return self.office_of(candidate, entries)
        else:
            options = self.named_members(entries, named, why)
        if len(_people(options)) != 1:
            return None  # nobody, or several, and the article singles out none: unresolved rather than guessed
        return self.member_mention(candidate, min(options, key=Entry.order), why, lead)

    def office_of(self, candidate: Candidate, entries: list[Entry]) -> Mention | None:
        """A role noun whose holder on the article's date the rules do not know, of one party only: an actor of
        that party by the title alone ("the secretary of state" in 2020, from data that end in 2014)."""
        if self.when is None or len({e.target for e in entries}) != 1:
            return None
        entry = min(entries, key=Entry.order)
        title = self.role_title(entry)
        start = candidate.start - (candidate.start > 0 and self.doc[candidate.start - 1].lower_ in DETERMINERS)
        why = [f"role noun {title!r} of {entry.target}: the rules name no holder on {self.when.isoformat()}"]
        return self.mention(start, candidate.end, entry.target, actor=title, actor_kind="person", via="agent", why=why)

    def role_holders(self, options: list[Entry], named: People, why: list[str]) -> list[Entry]:
        """Who a role noun can stand for: the holder on the article's date, else the holder the article names,
        else the one person the rules give that role ("the Democratic nominee")."""
        when = self.when
        if when is not None:  # the holder on the article's date, and nobody out of office
            options = [e for e in options if self.holds(e, when)]
            why.append(f"role held on the article date {when.isoformat()}")
        elif len(_people(options)) == 1:
            why.append("the only holder of the role in the rules")
            return options
        mentioned = [e for e in options if (e.target, e.member) in named]
        if when is None or len(_people(options)) > 1:
            options = mentioned  # without a date (or with several holders) only a holder the article names
            why.append("the holder the article names")
        return options

    def named_members(self, options: list[Entry], named: People, why: list[str]) -> list[Entry]:
        """Who a name can stand for: narrowed to the one named in full, in office, defined in the site's rules."""
        when = self.when
        if len(_people(options)) > 1:
            mentioned = [e for e in options if (e.target, e.member) in named]
            if mentioned:
                why.append("the one the article names in full")
                options = mentioned
        if when is not None and len(_people(options)) > 1:
            active = [e for e in options if self.active(e, when)]
            if active:
                why.append(f"in office on {when.isoformat()}")
                options = active
        # a pack's person is known by surname alone only once the article has named them in full, or with one of
        # their titles right before it ("President Obama": `named` holds both, see `resolve`)
        options = [
            e
            for e in options
            if not (self.from_pack(e) and e.how.startswith("surname") and (e.target, e.member) not in named)
        ]
        if len(_people(options)) > 1:
            own = [e for e in options if not self.from_pack(e)]
            if len(_people(own)) == 1:
                why.append("defined in the site's own rules")
                options = own
        if when is not None and not any(e.kind == "role" for e in options):
            # a pack's person who left its party's service before the article (an explicit `until`) is someone
            # else, or a former office holder, who speaks for no party ("Ian Campbell, a costumer", in 2019)
            options = [e for e in options if not (self.from_pack(e) and self.left_before(e, when))]
        return options

    def left_before(self, entry: Entry, when: date) -> bool:
        """Did the member leave the party's service before `when` (an explicit `until` of their own)?"""
        until = self.member(entry).until
        return until is not None and until < when

    def titled_surname(self, candidate: Candidate, entry: Entry) -> bool:
        """Is the surname right after one of the member's titles in the rules ("President Obama")?"""
        before = " ".join(t.lower_ for t in self.doc[max(0, candidate.start - 4) : candidate.start])
        titles = {role.title.lower() for role in self.member(entry).role_list() if role.title}
        return any(before == title or before.endswith(" " + title) for title in titles)

    def member_mention(self, candidate: Candidate, entry: Entry, why: list[str], lead: Mention | None) -> Mention:
        """The mention of the member an entry names, with the reasons it was chosen."""
        member = self.member(entry)
        role = self.role_title(entry) if entry.role is not None else None
        start = candidate.start
        if entry.kind == "role":
            if start > 0 and self.doc[start - 1].lower_ in DETERMINERS:
                start -= 1
            why.insert(0, f"role noun {role!r} → {member.name}")
        else:
            why.insert(0, f"{entry.how} → {member.name}")
        if lead is not None:
            why.append(f"party named before it: {lead.party}")
        via = "role" if entry.kind == "role" else ("surname" if entry.how.startswith("surname") else "name")
        mention = self.mention(
            start, candidate.end, entry.target, actor=member.name, actor_kind=member.kind, role=role, via=via, why=why
        )
        mention.from_pack = self.from_pack(entry)
        return mention

    def holds(self, entry: Entry, when: date) -> bool:
        role = self.member(entry).role_list()[entry.role or 0]
        until = role.until or self.rules.parties[entry.target].as_of
        return (role.from_ is None or role.from_ <= when) and (until is None or when <= until)

    def active(self, entry: Entry, when: date) -> bool:
        """Was the member in office on `when`? A role open in data that end (`as_of`) before it is not known."""
        member = self.member(entry)
        as_of = self.rules.parties[entry.target].as_of
        ranges = [(r.from_, r.until or as_of) for r in member.role_list()] or [(member.from_, member.until or as_of)]
        return any((start is None or start <= when) and (end is None or when <= end) for start, end in ranges)

    def mention(
        self,
        start: int,
        end: int,
        party: str,
        *,
        actor: str | None = None,
        actor_kind: str | None = None,
        role: str | None = None,
        via: str,
        why: list[str],
    ) -> Mention:
        return Mention.of_tokens(
            self.doc, start, end, self.body, party, actor=actor, actor_kind=actor_kind, role=role, via=via, why=why
        )


def by_another_name(text: str, name: str) -> bool:
    """Does a mention's `text` name its party by another name than `name`, a place of it (a state, a city: "American
    Samoa") rather than the name after "the" or its initials ("the United States", "U.S.")?"""
    text = text.removeprefix("the ").removeprefix("The ")
    return text.casefold() != name.casefold() and not text.isupper()


def _first_adjective(party: Party) -> str:
    """The word an actor of the party is named with: its first adjective, else its name."""
    return alias_of(party.adjectives[0]).text if party.adjectives else party.name


def _issue_mentions(doc: Doc, rules: RuleSet, text: BodyText, candidates: list[Candidate]) -> IssueMentions:
    """The issue candidates whose sentence-scope words allow them, in document order."""
    found: IssueMentions = []
    sentence_words: dict[int, set[str]] = {}
    for candidate in candidates:
        sentence = doc[candidate.start].sent
        words = sentence_words.setdefault(
            sentence.start, {w for t in sentence for w in (t.lower_, (t.lemma_ or t.text).lower())}
        )
        allowed = (
            e for e in _by_preference(candidate.entries) if _scope_allows(rules.issues[e.target], words, sentence)
        )
        entry = next(allowed, None)
        if entry is None:
            continue
        span = doc[candidate.start : candidate.end]
        sentence_span = Span(sentence.text, *text.chars(sentence.start_char, sentence.end_char))
        mention = IssueMention(span.text, *text.chars(span.start_char, span.end_char), sentence_span, entry.how)
        found.append((entry.target, mention))
    return found


def _by_preference(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=Entry.order)


def _scope_allows(issue: Issue, words: set[str], sentence: SpacySpan) -> bool:
    """The sentence-scope `requires`/`excludes` words of an issue."""
    if issue.requires and not any(_phrase_in(word, words, sentence) for word in issue.requires):
        return False
    return not any(_phrase_in(word, words, sentence) for word in issue.excludes)


def _phrase_in(phrase: str, words: set[str], sentence: SpacySpan) -> bool:
    lowered = phrase.lower()
    return lowered in words if " " not in lowered else lowered in sentence.text.lower()
