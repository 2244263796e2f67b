"""The fact sheet of one article: its parties and actors, positions, issues and the names no rule covers."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..articles import Article
from ..model import (
    ActorFacts,
    ArticleInfo,
    FactSheet,
    IssueFacts,
    PartyFacts,
    Position,
    Span,
    UnassignedActor,
)
from ..rules import RuleSet
from ..rules.schema import Party, alias_of
from .mentions import DETERMINERS, IssueMentions, Mention, ProvisionalParty, ResolvedMentions
from .text import BodyText

UNASSIGNED_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")


def build_fact_sheet(
    article: Article, doc: Doc, rules: RuleSet, text: BodyText, resolved: ResolvedMentions, positions: list[Position]
) -> FactSheet:
    """Assemble the fact sheet of one article from its resolved mentions and its positions."""
    info = ArticleInfo(
        article.id,
        article.path,
        article.title,
        article.date.isoformat() if article.date else None,
        article.source,
        article.url,
        dict(sorted(article.metadata.items())),
    )
    mentions, issue_mentions = resolved.mentions, resolved.issue_mentions
    provisional = {party.id: _provisional_facts(party) for party in resolved.provisional}
    parties = _party_facts(rules, mentions, provisional)
    for position in positions:  # a speaker's party is listed even when only a pronoun named it
        party_id = position.speaker.party
        if party_id and party_id not in parties and party_id in rules.parties:
            party = rules.parties[party_id]
            parties[party.id] = PartyFacts(party.id, party.name, party.kind, _aliases(party), 0)
        elif party_id and party_id not in parties and party_id in provisional:
            parties[party_id] = provisional[party_id]
    issues = _issue_facts(rules, mentions, issue_mentions)
    sentences = [text.token_span(sentence) for sentence in doc.sents]
    unassigned = _unassigned(doc, text, mentions, issue_mentions)
    return FactSheet(info, _ranked(list(parties.values()), positions), positions, issues, unassigned, sentences)


def _ranked(parties: list[PartyFacts], positions: list[Position]) -> list[PartyFacts]:
    """The parties by mentions, most first (first mentioned first among equals); those mentioned in passing
    (once, with no actor, no position of theirs or addressed to them: a flight's destination) marked minor."""
    acting = {p.speaker.party for p in positions} | {p.addressee for p in positions}
    for party in parties:
        party.minor = party.mentions <= 1 and not party.actors and party.id not in acting
    return sorted(parties, key=lambda party: -party.mentions)


def _aliases(party: Party) -> list[str]:
    return [alias_of(a).text for a in party.aliases]


def _provisional_facts(party: ProvisionalParty) -> PartyFacts:
    return PartyFacts(party.id, party.name, "organisation", list(party.aliases), 0, provisional=True)


def _party_facts(rules: RuleSet, mentions: list[Mention], provisional: dict[str, PartyFacts]) -> dict[str, PartyFacts]:
    """The parties mentioned, by id in order of first mention, with their actors."""
    parties: dict[str, PartyFacts] = {}
    actors: dict[tuple[str, str], ActorFacts] = {}
    for mention in mentions:
        facts = parties.get(mention.party)
        if facts is None and mention.party in provisional:
            facts = parties[mention.party] = provisional[mention.party]
        elif facts is None:
            party = rules.parties[mention.party]
            source = rules.source_of("party", party.id)
            facts = parties[party.id] = PartyFacts(
                party.id, party.name, party.kind, _aliases(party), 0, [], [], str(source or "")
            )
        facts.mentions += 1
        facts.spans.append(mention.span)
        if mention.actor is None:
            continue
        actor = actors.get((facts.id, mention.actor))
        if actor is None:
            actor = ActorFacts(mention.actor, mention.actor_kind or "person", mention.role, 0)
            actors[(facts.id, mention.actor)] = actor
            facts.actors.append(actor)
        actor.mentions += 1
        actor.role = actor.role or mention.role
        actor.spans.append(mention.span)
        for reason in mention.why:
            if reason not in actor.why:
                actor.why.append(reason)
    return parties


def _issue_facts(rules: RuleSet, mentions: list[Mention], issue_mentions: IssueMentions) -> list[IssueFacts]:
    by_issue: dict[str, IssueFacts] = {}
    for issue_id, mention in issue_mentions:
        issue = rules.issues[issue_id]
        facts = by_issue.get(issue_id)
        if facts is None:
            aliases = [alias_of(a).text for a in issue.aliases]
            facts = by_issue[issue_id] = IssueFacts(issue.id, issue.title, aliases, [], [], issue.parent)
        facts.mentions.append(mention)
        for party in _parties_in(mentions, mention.sentence):
            if party not in facts.parties:
                facts.parties.append(party)
    return list(by_issue.values())


def _parties_in(mentions: list[Mention], sentence: Span) -> list[str]:
    inside = (m.party for m in mentions if sentence.start <= m.start_char and m.end_char <= sentence.end)
    return list(dict.fromkeys(inside))


def _unassigned(
    doc: Doc, text: BodyText, mentions: list[Mention], issue_mentions: IssueMentions
) -> list[UnassignedActor]:
    """Named entities no rule covers, grouped under the fullest name the article uses."""
    covered = _covered_tokens(doc, text, mentions, issue_mentions)
    found: list[tuple[str, str, SpacySpan]] = []
    for ent in doc.ents:
        if ent.label_ not in UNASSIGNED_LABELS or covered & set(range(ent.start, ent.end)):
            continue
        tokens = [t for t in ent if not (t.i == ent.start and t.lower_ in DETERMINERS)]
        if not tokens or not any(ch.isupper() for t in tokens for ch in t.text):
            continue
        name_span = doc[tokens[0].i : tokens[-1].i + 1]
        found.append((name_span.text, ent.label_, name_span))
    names = sorted({name for name, _, _ in found}, key=lambda n: (-len(n.split()), n))
    canonical = {name: next((other for other in names if _fuller(other, name)), name) for name in names}
    groups: dict[str, UnassignedActor] = {}
    for name, label, span in found:
        full = canonical[name]
        group = groups.setdefault(full, UnassignedActor(full, label, 0, []))
        group.mentions += 1
        group.spans.append(text.token_span(span))
    return list(groups.values())


def _fuller(name: str, other: str) -> bool:
    """Is `name` a longer form of `other` (holding all of its words)?"""
    return len(name.split()) > len(other.split()) and set(other.split()) <= set(name.split())


def _covered_tokens(doc: Doc, text: BodyText, mentions: list[Mention], issue_mentions: IssueMentions) -> set[int]:
    """The doc's tokens inside a rule's mention of a party, an actor or an issue."""
    covered: set[int] = set()
    for mention in mentions:
        covered.update(range(mention.start, mention.end))
    for _, issue_mention in issue_mentions:  # a place an issue rule names is covered too
        start, end = text.doc_char(issue_mention.start), text.doc_char(issue_mention.end)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
    return covered
