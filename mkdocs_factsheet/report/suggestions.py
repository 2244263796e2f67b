"""Ready-to-paste YAML from what the engine found in the articles but no rule says.

- people the articles affiliate with a party of the rules (a title of the party before the name, an apposition,
  a party marker "(D-N.C.)") who are none of its members: add them to the party's file, or to a new file that
  `extends` a pack's entry;
- organisations named from the text alone (provisional parties): a new party file, their people as members.

Each suggestion gives the sentences that say so; the YAML holds one of them as an example, so `check` tests it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

import yaml

from ..model import ActorFacts, FactSheet, PartyFacts
from ..nlp.headline import HOME_REASON
from ..rules import RuleSet
from ..rules.schema import Party, alias_of
from .coverage import fold
from .leads import EXAMPLES, Evidence, sentence_of

PROVISIONAL_PREFIX = "provisional-"  # `nlp.provisional.PREFIX` (read without importing spaCy)


@dataclass
class Person:
    """Someone the articles affiliate with a party: in how many sentences and articles, and why."""

    name: str
    reason: str  # the engine's first reason ("party marker '(D-N.C.)' after the name")
    sentences: set[tuple[str, str]] = field(default_factory=set)  # (article path, sentence)
    articles: set[str] = field(default_factory=set)
    example: str = ""  # a sentence naming them in full


@dataclass
class Suggestion:
    """A rule edit the articles support: what to do, where, the YAML, and the evidence."""

    title: str  # "add G.K. Butterfield to democratic-party? 3 sentences in 2 articles: party marker …"
    file: str  # the file to edit or create, under the rules folder
    yaml: str
    sentences: int
    articles: int
    examples: list[Evidence] = field(default_factory=list)


def suggestions(sheets: list[FactSheet], rules: RuleSet, rules_dir: str = "rules") -> list[Suggestion]:
    """Member and party suggestions, best supported first."""
    people: dict[str, dict[str, Person]] = {}  # party id → name → person
    parties: dict[str, list[tuple[FactSheet, PartyFacts]]] = {}  # provisional party id → (article, facts)
    for sheet in sheets:
        for party in sheet.parties:
            if party.provisional:
                parties.setdefault(party.id, []).append((sheet, party))
            known = _members(rules.parties[party.id]) if party.id in rules.parties else set()
            if party.id in rules.parties or party.provisional:
                for actor in party.actors:
                    reason = _evidence(actor) if fold(actor.name) not in known else None
                    if reason:
                        _note(people.setdefault(party.id, {}), sheet, actor, reason)
    found = [
        _member_suggestion(rules, rules_dir, party_id, list(found.values()))
        for party_id, found in people.items()
        if party_id in rules.parties
    ]
    found += [_party_suggestion(rules_dir, facts, people.get(party_id, {})) for party_id, facts in parties.items()]
    return sorted(found, key=lambda s: (-s.sentences, -s.articles, s.file))


def _members(party: Party) -> set[str]:
    names = {fold(member.name) for member in party.members}
    return names | {fold(alias_of(spec).text) for member in party.members for spec in member.aliases}


def _evidence(actor: ActorFacts) -> str | None:
    """The engine's first reason that affiliates a person from the text (a title, an apposition, a marker); none
    for an agent noun's "Chinese officials", nor for a title only the story's home country gives a party (too often
    wrong)."""
    if actor.kind != "person":
        return None
    return next((why for why in actor.why if not why.startswith("agent noun") and HOME_REASON not in why), None)


def _note(found: dict[str, Person], sheet: FactSheet, actor: ActorFacts, reason: str) -> None:
    name = actor.name.removesuffix("'s").removesuffix("’s")
    person = found.setdefault(name, Person(name, reason))
    person.articles.add(sheet.article.path)
    for span in actor.spans:
        sentence = sentence_of(sheet, span)
        person.sentences.add((sheet.article.path, sentence))
        if not person.example and name in span.text and name in sentence:
            person.example = sentence


def _member_suggestion(rules: RuleSet, rules_dir: str, party_id: str, people: list[Person]) -> Suggestion:
    people.sort(key=lambda p: (-len(p.sentences), p.name))
    source = rules.source_of("party", party_id)
    members = _member_yaml(people)
    if source is not None and source.pack is None:
        file, text = source.path, f"# under `members:` in {source.path}\n{members}"
    else:  # a pack's party: a file of the site's own that extends it
        file = str(PurePosixPath(rules_dir, "parties", f"{party_id}.yml"))
        head = _block({"id": party_id, "extends": party_id})
        text = f"# {file} (new: adds to the {source.pack if source else 'pack'} pack's entry)\n{head}members:\n"
        text += members + _block({"examples": _examples(people, party_id)})
    first = people[0]
    who = ", ".join(person.name for person in people[:3]) + (f" and {len(people) - 3} more" if len(people) > 3 else "")
    title = f"add {who} to {party_id}? {_count(first)} say {first.reason}"
    return _suggestion(title, file, text, people)


def _party_suggestion(
    rules_dir: str, seen: list[tuple[FactSheet, PartyFacts]], people: dict[str, Person]
) -> Suggestion:
    """A new party file for an organisation named from the text alone, with a sentence naming it as example."""
    name = max((facts.name for _, facts in seen), key=lambda n: (len(n), n))
    rule_id = seen[0][1].id.removeprefix(PROVISIONAL_PREFIX)
    aliases = list(dict.fromkeys(alias for _, facts in seen for alias in facts.aliases if alias != name))
    mentions = sum(facts.mentions for _, facts in seen)
    sentences = {(sheet.article.path, sentence_of(sheet, span)) for sheet, facts in seen for span in facts.spans}
    file = str(PurePosixPath(rules_dir, "parties", f"{rule_id}.yml"))
    data: dict[str, Any] = {"id": rule_id, "name": name, "kind": "organisation"}
    if aliases:
        data["aliases"] = aliases
    text = f"# {file} (new: named {mentions} time(s) in {len(seen)} article(s), no rule defines it)\n{_block(data)}"
    members = sorted(people.values(), key=lambda p: (-len(p.sentences), p.name))
    if members:
        text += "members:\n" + _member_yaml(members)
    example = next((sentence for _, sentence in sorted(sentences) if name in sentence), None)
    text += _block({"examples": [{"text": example}] if example else []})
    title = f"add the party {name!r}? named {mentions} time(s) in {len(seen)} article(s), no rule defines it"
    examples = [Evidence(article, sentence) for article, sentence in sorted(sentences)][:EXAMPLES]
    return Suggestion(title, file, text, len(sentences), len(seen), examples)


def _member_yaml(people: list[Person]) -> str:
    lines = []
    for person in people:
        lines.append(f"  # {_count(person)} say {person.reason}")
        lines.append("  - " + _dump({"name": person.name, "kind": "person"}))
    return "\n".join(lines) + "\n"


def _examples(people: list[Person], party_id: str) -> list[dict[str, Any]]:
    return [{"text": p.example, "actors": {p.name: party_id}} for p in people if p.example][:EXAMPLES]


def _suggestion(title: str, file: str, text: str, people: list[Person]) -> Suggestion:
    sentences = {sentence for person in people for sentence in person.sentences}
    articles = {article for person in people for article in person.articles}
    examples = [Evidence(article, sentence) for article, sentence in sorted(sentences)][:EXAMPLES]
    return Suggestion(title, file, text, len(sentences), len(articles), examples)


def _count(person: Person) -> str:
    sentences, articles = len(person.sentences), len(person.articles)
    return f"{sentences} sentence{'s' * (sentences != 1)} in {articles} article{'s' * (articles != 1)}"


def _block(data: dict[str, Any]) -> str:
    """Top-level keys in block style, their lists and mappings of plain values in flow style; empty ones left out."""
    return "".join(
        _dump({key: value}, flow=None if isinstance(value, list) else False) for key, value in data.items() if value
    )


def _dump(data: Any, *, flow: bool | None = True) -> str:
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000, default_flow_style=flow)
    return text.strip() if flow else text
