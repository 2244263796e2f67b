"""From matcher candidates to resolved mentions: who is named, for which party, and why.

Resolution rules, in order (each decision is recorded in the mention's `why`):
- a party name, alias or pattern is a mention of that party;
- a member's name, alias or surname is that member; when several members share it, the one
  named in full in the article wins, then the one in office on the article's date;
- a role noun ("the secretary of state") is the member holding that role on the article's date;
  without a date, the holder the article names; a party named just before ("US Secretary of
  State") narrows the choice to that party's members;
- a party name or adjective just before an agent noun ("Chinese officials", "China's foreign
  ministry") is an actor of that party.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span as SpacySpan

from ..articles import Article
from .matching import Candidate, CompiledRules, DocViews, Entry, settle
from ..rules import RuleSet
from ..model import (
    ActorFacts,
    ArticleInfo,
    FactSheet,
    IssueFacts,
    IssueMention,
    PartyFacts,
    Position,
    Span,
    UnassignedActor,
)
from ..rules.schema import Issue, Member, alias_of

UNASSIGNED_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")
_DETERMINERS = {"the", "a", "an"}
_POSSESSIVES = {"'s", "’s", "'", "’"}


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
    via: str = "name"  # name | surname | role | agent | adjective | party
    why: list[str] = field(default_factory=list)

    @property
    def span(self) -> Span:
        return Span(self.text, self.start_char, self.end_char)


@dataclass
class Analysis:
    """A parsed article with its rule matches resolved: what positions are extracted from."""

    article: Article
    doc: Doc
    rules: CompiledRules
    mentions: list[Mention]
    issue_mentions: list[tuple[str, IssueMention]]
    offset: int
    views: DocViews  # what matching made of the doc; its `words` go into the engine's record
    # "party:<id>" / "issue:<id>" of every rule that matched anything, before overlaps were settled:
    # an edit to any other rule cannot change this article's facts unless the edited rule matches it.
    hits: set[str] = field(default_factory=set)

    @property
    def words(self) -> set[str]:
        """Every word form in the article a rule can match (see `matching.article_words`)."""
        return self.views.words

    def char_span(self, start_char: int, end_char: int) -> Span:
        """A `Span` for doc character offsets, translated to article offsets."""
        start, end = start_char + self.offset, end_char + self.offset
        return Span(self.article.text[start:end], start, end)  # the doc's text is the article's body

    def token_span(self, span: SpacySpan) -> Span:
        return self.char_span(span.start_char, span.end_char)

    def issues_in(self, start_char: int, end_char: int) -> list[str]:
        """Issue ids with evidence inside an article character range, in order of first mention."""
        found = [issue for issue, mention in self.issue_mentions if mention.start >= start_char and mention.end <= end_char]
        return list(dict.fromkeys(found))


def analyse(article: Article, doc: Doc, rules: CompiledRules) -> Analysis:
    """Resolve entity and issue candidates in a parsed article."""
    resolver = _Resolver(article, doc, rules)
    views = DocViews(doc, rules.lemmatizer)
    entities, issues = rules.candidates(views, "entity"), rules.candidates(views, "issue")
    mentions = resolver.resolve(settle(entities))
    issue_mentions = _issue_mentions(article, doc, rules, settle(issues))
    hits = {f"{'issue' if e.kind == 'issue' else 'party'}:{e.target}" for c in entities + issues for e in c.entries if e.kind != "agent"}
    return Analysis(article, doc, rules, _yield_to_own_issues(mentions, issue_mentions, rules.rules), issue_mentions,
                    article.body_start, views, hits)


def _yield_to_own_issues(mentions: list[Mention], issue_mentions: list[tuple[str, IssueMention]], rules: RuleSet) -> list[Mention]:
    """A place the site's own issue rules name ("Taiwan", "Hong Kong") is the issue there, not a pack's party.

    The user's rules win over the packs', across kinds as within them; an actor of that party
    ("Taiwanese officials") still counts.
    """
    own = {(m.start, m.end) for issue, m in issue_mentions if (source := rules.source_of("issue", issue)) and source.pack is None}

    def from_pack(party: str) -> bool:
        source = rules.source_of("party", party)
        return source is not None and source.pack is not None

    def inside_own_issue(mention: Mention) -> bool:
        return any(start <= mention.start_char and mention.end_char <= end for start, end in own)

    return [m for m in mentions if not (m.actor is None and from_pack(m.party) and inside_own_issue(m))]


class _Resolver:
    def __init__(self, article: Article, doc: Doc, compiled: CompiledRules):
        self.article = article
        self.doc = doc
        self.rules = compiled.rules
        self.offset = article.body_start

    def member(self, entry: Entry) -> Member:
        assert entry.member is not None
        return self.rules.parties[entry.target].members[entry.member]

    def resolve(self, candidates: list[Candidate]) -> list[Mention]:
        named = {(e.target, e.member) for c in candidates for e in c.entries if e.is_name}
        mentions: list[Mention] = []
        previous: Candidate | None = None
        previous_mention: Mention | None = None
        title: Candidate | None = None
        for index, candidate in enumerate(candidates):
            following = candidates[index + 1] if index + 1 < len(candidates) else None
            if self.is_title_of(candidate, following):
                title = candidate  # "President" in "U.S. President Joe Biden": a title, not a mention of its own
                continue
            if self.is_title_of_someone_else(candidate):
                previous, previous_mention, title = candidate, None, None
                continue
            lead = self.leading_party(previous, previous_mention, candidate)
            mention = self.resolve_one(candidate, named, lead)
            if mention is not None:
                if title is not None:
                    self.take_title(mention, title, candidate)
                mentions.append(mention)
            title = None
            previous, previous_mention = candidate, mention
        return mentions

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
        holders = self.members_of(candidate)
        mention.role = mention.role or next((self.role_title(e) for e in title.entries if e.kind == "role" and (e.target, e.member) in holders), None)
        mention.why.append(f"title {mention.role!r} just before the name")
        span = self.doc[title.start : mention.end]
        mention.start, mention.start_char, mention.text = title.start, span.start_char + self.offset, span.text

    @staticmethod
    def members_of(candidate: Candidate) -> set[tuple[str, int | None]]:
        return {(e.target, e.member) for e in candidate.entries if e.kind == "member"}

    def from_pack(self, entry: Entry) -> bool:
        source = self.rules.source_of("party", entry.target)
        return source is not None and source.pack is not None

    def role_title(self, entry: Entry) -> str:
        return self.member(entry).role_list()[entry.role or 0].title

    def leading_party(self, previous: Candidate | None, mention: Mention | None, candidate: Candidate) -> Mention | None:
        """The party mention right before a candidate ("US" in "US Secretary of State", "China's" in "China's foreign ministry")."""
        if previous is None or mention is None or mention.actor is not None:
            return None
        gap = self.doc[previous.end : candidate.start]
        if len(gap) == 0 or (len(gap) == 1 and gap[0].text in _POSSESSIVES):
            return mention
        return None

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

    def resolve_one(self, candidate: Candidate, named: set[tuple[str, int | None]], lead: Mention | None) -> Mention | None:
        entries = candidate.entries
        if lead is not None:
            entries = [e for e in entries if e.target == lead.party or e.kind in ("party", "adjective", "agent")] or entries
        best = min(entries, key=Entry.order)
        if best.kind == "exclude":
            return None  # a phrase in which the party's names do not name it ("Washington Post")
        if best.kind in ("party", "adjective"):
            if best.kind == "party" and self.inside_other_name(candidate):
                return None
            via = "party" if best.kind == "party" else "adjective"
            return self.mention(candidate.start, candidate.end, best.target, via=via, why=[f"{best.kind} {best.target!r} by {best.how}"])
        if best.kind == "agent":
            if lead is None:
                return None  # an agent noun alone ("officials") names nobody in particular
            agent = self.rules.agent(best.target)
            party = self.rules.parties[lead.party]
            adjective = alias_of(party.adjectives[0]).text if party.adjectives else party.name
            return self.mention(
                lead.start, candidate.end, lead.party, actor=f"{adjective} {agent.name}", actor_kind=agent.kind, via="agent",
                why=[f"agent noun {agent.name!r} after a mention of {party.name!r}"],
            )
        members = [e for e in entries if e.kind in ("member", "role")]
        surnames_only = all(e.how.startswith("surname") for e in members)
        if surnames_only and self.inside_other_name(candidate):
            return None
        return self.resolve_member(candidate, members, named, lead)

    def resolve_member(self, candidate: Candidate, entries: list[Entry], named: set[tuple[str, int | None]], lead: Mention | None) -> Mention | None:
        when = self.article.date
        why: list[str] = []
        options = entries
        if all(e.kind == "role" for e in options):
            if candidate.start > 0 and self.doc[candidate.start - 1].lower_ in ("a", "an", "another", "former"):
                return None  # "a foreign minister", "former president": not the one holder of the office
            if when is not None:  # the holder on the article's date, and nobody out of office
                options = [e for e in options if self.holds(e, when)]
                why.append(f"role held on the article date {when.isoformat()}")
            mentioned = [e for e in options if (e.target, e.member) in named]
            if when is None or len({(e.target, e.member) for e in options}) > 1:
                options = mentioned  # without a date (or with several holders) only a holder the article names
                why.append("the holder the article names")
        else:
            if len({(e.target, e.member) for e in options}) > 1:
                mentioned = [e for e in options if (e.target, e.member) in named]
                if mentioned:
                    why.append("the one the article names in full")
                    options = mentioned
            if when is not None and len({(e.target, e.member) for e in options}) > 1:
                active = [e for e in options if self.active(e, when)]
                if active:
                    why.append(f"in office on {when.isoformat()}")
                    options = active
            # a pack's person is known by surname alone only once the article has named them in full
            options = [e for e in options if not (self.from_pack(e) and e.how.startswith("surname") and (e.target, e.member) not in named)]
            if len({(e.target, e.member) for e in options}) > 1:
                own = [e for e in options if not self.from_pack(e)]
                if len({(e.target, e.member) for e in own}) == 1:
                    why.append("defined in the site's own rules")
                    options = own
        if len({(e.target, e.member) for e in options}) != 1:
            return None  # nobody, or several, and the article singles out none: unresolved rather than guessed
        entry = min(options, key=Entry.order)
        member = self.member(entry)
        role = self.role_title(entry) if entry.role is not None else None
        start = candidate.start
        if entry.kind == "role":
            if start > 0 and self.doc[start - 1].lower_ in _DETERMINERS:
                start -= 1
            why.insert(0, f"role noun {role!r} → {member.name}")
        else:
            why.insert(0, f"{entry.how} → {member.name}")
        if lead is not None:
            why.append(f"party named before it: {lead.party}")
        via = "role" if entry.kind == "role" else ("surname" if entry.how.startswith("surname") else "name")
        return self.mention(start, candidate.end, entry.target, actor=member.name, actor_kind=member.kind, role=role, via=via, why=why)

    def holds(self, entry: Entry, when: date) -> bool:
        role = self.member(entry).role_list()[entry.role or 0]
        return (role.from_ is None or role.from_ <= when) and (role.until is None or when <= role.until)

    def active(self, entry: Entry, when: date) -> bool:
        member = self.member(entry)
        ranges = [(r.from_, r.until) for r in member.role_list()] or [(member.from_, member.until)]
        return any((start is None or start <= when) and (end is None or when <= end) for start, end in ranges)

    def mention(self, start: int, end: int, party: str, *, actor: str | None = None, actor_kind: str | None = None,
                role: str | None = None, via: str, why: list[str]) -> Mention:
        span = self.doc[start:end]
        return Mention(start, end, span.start_char + self.offset, span.end_char + self.offset, span.text, party, actor, actor_kind, role, via, why)


def _issue_mentions(article: Article, doc: Doc, compiled: CompiledRules, candidates: list[Candidate]) -> list[tuple[str, IssueMention]]:
    found: list[tuple[str, IssueMention]] = []
    sentence_words: dict[int, set[str]] = {}
    for candidate in candidates:
        sentence = doc[candidate.start].sent
        words = sentence_words.setdefault(sentence.start, {w for t in sentence for w in (t.lower_, (t.lemma_ or t.text).lower())})
        entry = next((e for e in _by_preference(candidate.entries) if _scope_allows(compiled.rules.issues[e.target], words, sentence)), None)
        if entry is None:
            continue
        span = doc[candidate.start : candidate.end]
        offset = article.body_start
        sentence_span = Span(sentence.text, sentence.start_char + offset, sentence.end_char + offset)
        found.append((entry.target, IssueMention(span.text, span.start_char + offset, span.end_char + offset, sentence_span, entry.how)))
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


def build_fact_sheet(analysis: Analysis, positions: list[Position]) -> FactSheet:
    """Assemble the fact sheet of one analysed article."""
    article = analysis.article
    rules = analysis.rules.rules
    info = ArticleInfo(
        article.id, article.path, article.title, article.date.isoformat() if article.date else None,
        article.source, article.url, dict(sorted(article.metadata.items())),
    )
    parties: dict[str, PartyFacts] = {}
    actors: dict[tuple[str, str], ActorFacts] = {}
    for mention in analysis.mentions:
        party = rules.parties[mention.party]
        facts = parties.get(party.id)
        if facts is None:
            source = rules.source_of("party", party.id)
            facts = parties[party.id] = PartyFacts(
                party.id, party.name, party.kind, [alias_of(a).text for a in party.aliases], 0, [], [], str(source or "")
            )
        facts.mentions += 1
        facts.spans.append(mention.span)
        if mention.actor is None:
            continue
        actor = actors.get((party.id, mention.actor))
        if actor is None:
            actor = actors[(party.id, mention.actor)] = ActorFacts(mention.actor, mention.actor_kind or "person", mention.role, 0)
            facts.actors.append(actor)
        actor.mentions += 1
        actor.role = actor.role or mention.role
        actor.spans.append(mention.span)
        for reason in mention.why:
            if reason not in actor.why:
                actor.why.append(reason)
    for position in positions:  # a speaker's party is listed even when only a pronoun named it
        if position.speaker.party and position.speaker.party not in parties and position.speaker.party in rules.parties:
            party = rules.parties[position.speaker.party]
            parties[party.id] = PartyFacts(party.id, party.name, party.kind, [alias_of(a).text for a in party.aliases], 0)
    issues = _issue_facts(analysis)
    sentences = [analysis.token_span(sentence) for sentence in analysis.doc.sents]
    return FactSheet(info, list(parties.values()), positions, issues, _unassigned(analysis), sentences)


def _issue_facts(analysis: Analysis) -> list[IssueFacts]:
    rules = analysis.rules.rules
    by_issue: dict[str, IssueFacts] = {}
    for issue_id, mention in analysis.issue_mentions:
        issue = rules.issues[issue_id]
        facts = by_issue.get(issue_id)
        if facts is None:
            facts = by_issue[issue_id] = IssueFacts(issue.id, issue.title, [alias_of(a).text for a in issue.aliases], [], [], issue.parent)
        facts.mentions.append(mention)
        for party in _parties_in(analysis, mention.sentence):
            if party not in facts.parties:
                facts.parties.append(party)
    return list(by_issue.values())


def _parties_in(analysis: Analysis, sentence: Span) -> list[str]:
    return list(dict.fromkeys(m.party for m in analysis.mentions if sentence.start <= m.start_char and m.end_char <= sentence.end))


def _unassigned(analysis: Analysis) -> list[UnassignedActor]:
    """Named entities no rule covers, grouped under the fullest name the article uses."""
    covered = set()
    for mention in analysis.mentions:
        covered.update(range(mention.start, mention.end))
    doc = analysis.doc
    for _, issue_mention in analysis.issue_mentions:  # a place an issue rule names is covered too
        span = doc.char_span(issue_mention.start - analysis.offset, issue_mention.end - analysis.offset, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
    found: list[tuple[str, str, SpacySpan]] = []
    for ent in analysis.doc.ents:
        if ent.label_ not in UNASSIGNED_LABELS or covered & set(range(ent.start, ent.end)):
            continue
        tokens = [t for t in ent if not (t.i == ent.start and t.lower_ in _DETERMINERS)]
        if not tokens or not any(ch.isupper() for t in tokens for ch in t.text):
            continue
        name_span = analysis.doc[tokens[0].i : tokens[-1].i + 1]
        found.append((name_span.text, ent.label_, name_span))
    names = sorted({name for name, _, _ in found}, key=lambda n: (-len(n.split()), n))
    canonical = {
        name: next((other for other in names if len(other.split()) > len(name.split()) and set(name.split()) <= set(other.split())), name)
        for name in names
    }
    groups: dict[str, UnassignedActor] = {}
    for name, label, span in found:
        full = canonical[name]
        group = groups.setdefault(full, UnassignedActor(full, label, 0, []))
        group.mentions += 1
        group.spans.append(analysis.token_span(span))
    return list(groups.values())
