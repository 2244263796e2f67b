"""Which rules and which of their phrases fired over a set of fact sheets, and which never did.

An issue mention names the phrase that fired (`title 'Trade'`, `keyword 'tariff'`); a party mention keeps only
its text, so it is credited to the longest of the rule's phrases it holds as whole words ("President Joe Biden"
→ the member's name "Joe Biden"), else to `other` (a token pattern, an agent noun, a title).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import FactSheet, PartyFacts
from ..rules import RuleSet
from ..rules.schema import Issue, Party, alias_of, keyword_of

OTHER = "other (pattern, agent noun or title)"
NOT_MEMBERS = "actors who are no member (agent nouns, people affiliated from the text)"


@dataclass
class RuleCoverage:
    """One rule's hits over the articles: mentions, articles, per phrase; and its phrases that never fired."""

    kind: str  # party | issue
    id: str
    source: str  # file:line
    pack: str | None  # the pack it comes from, None for the site's own rules
    mentions: int = 0
    articles: int = 0
    phrases: Counter[str] = field(default_factory=Counter)  # "alias 'Beijing'" → hits
    unused: list[str] = field(default_factory=list)  # phrases of the rule that never fired


def fold(text: str) -> str:
    """A phrase or mention as compared: case-folded, one space, no leading "the", no possessive."""
    words = text.replace("’", "'").casefold().split()
    if words and words[0] == "the":
        words = words[1:]
    joined = " ".join(words)
    return joined[:-2] if joined.endswith("'s") else joined


def party_phrases(party: Party) -> dict[str, str]:
    """The party's own phrases (folded → label): its name, aliases and adjectives."""
    phrases = {fold(party.name): f"name {party.name!r}"}
    for kind, specs in (("alias", party.aliases), ("adjective", party.adjectives)):
        for spec in specs:
            text = alias_of(spec).text
            phrases.setdefault(fold(text), f"{kind} {text!r}")
    return phrases


def member_phrases(party: Party) -> dict[str, dict[str, str]]:
    """Each member's phrases by the member's name: name, aliases, surname, roles (folded → label)."""
    result: dict[str, dict[str, str]] = {}
    for member in party.members:
        phrases = {fold(member.name): f"member {member.name!r}"}
        for spec in member.aliases:
            text = alias_of(spec).text
            phrases.setdefault(fold(text), f"member alias {text!r}")
        surname = member.surname_alias()
        if surname:
            phrases.setdefault(fold(surname), f"surname {surname!r}")
        for role in member.role_list():
            phrases.setdefault(fold(role.title), f"role {role.title!r}")
        result[member.name] = phrases
    return result


def issue_phrases(issue: Issue) -> list[str]:
    """The labels an issue's mentions carry (`IssueMention.rule`), one per phrase and pattern."""
    labels = [f"title {issue.title!r}"]
    labels += [f"alias {alias_of(spec).text!r}" for spec in issue.aliases]
    labels += [f"keyword {keyword_of(keyword).text!r}" for keyword in issue.keywords]
    labels += [f"pattern {index + 1}" for index in range(len(issue.patterns))]
    return list(dict.fromkeys(labels))


def credited(text: str, phrases: dict[str, str]) -> str:
    """The label of the longest phrase `text` holds as whole words, else `OTHER`."""
    folded = fold(text)
    if folded in phrases:
        return phrases[folded]
    inside = [p for p in phrases if p and re.search(rf"(?<!\w){re.escape(p)}(?!\w)", folded)]
    return phrases[max(inside, key=len)] if inside else OTHER


def rule_coverage(sheets: list[FactSheet], rules: RuleSet) -> list[RuleCoverage]:
    """Every rule's coverage, rules with most mentions first (the site's own rules, then a pack's, by id)."""
    coverage: dict[tuple[str, str], RuleCoverage] = {}
    for kind, table in (("party", rules.parties), ("issue", rules.issues)):
        for rule_id in sorted(table):
            source = rules.source_of(kind, rule_id)
            pack = source.pack if source else None
            coverage[(kind, rule_id)] = RuleCoverage(kind, rule_id, str(source or ""), pack)
    for sheet in sheets:
        for party in sheet.parties:
            if party.id in rules.parties:
                _count_party(coverage[("party", party.id)], party, rules.parties[party.id])
        for issue in sheet.issues:
            if issue.id in rules.issues:
                entry = coverage[("issue", issue.id)]
                entry.articles += 1
                entry.mentions += len(issue.mentions)
                entry.phrases.update(mention.rule for mention in issue.mentions)
    for (kind, rule_id), entry in coverage.items():
        labels = _labels(rules.parties[rule_id]) if kind == "party" else issue_phrases(rules.issues[rule_id])
        entry.unused = [label for label in labels if not entry.phrases[label]]
    return sorted(coverage.values(), key=lambda c: (-c.mentions, c.kind, c.id))


def _labels(party: Party) -> list[str]:
    labels = list(party_phrases(party).values())
    for phrases in member_phrases(party).values():
        labels += phrases.values()
    return list(dict.fromkeys(labels))


def _count_party(entry: RuleCoverage, facts: PartyFacts, party: Party) -> None:
    """A party's mentions in one article, each credited to a phrase (an actor's to the member's phrases)."""
    entry.articles += 1
    entry.mentions += facts.mentions
    members = member_phrases(party)
    actor_spans = set()
    for actor in facts.actors:
        phrases = members.get(actor.name)
        for span in actor.spans:
            actor_spans.add((span.start, span.end))
            entry.phrases[credited(span.text, phrases) if phrases else NOT_MEMBERS] += 1
    own = party_phrases(party)
    for span in facts.spans:
        if (span.start, span.end) not in actor_spans:
            entry.phrases[credited(span.text, own)] += 1
