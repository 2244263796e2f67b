"""Running the rules' own tests: every `examples` entry must match, every `counter_examples` must not."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .articles import Article
from .engine import Engine
from .model import FactSheet, Position
from .report.suggestions import PROVISIONAL_PREFIX
from .rules import RuleExample
from .rules.schema import CounterExample, Example, ExamplePosition


@dataclass(frozen=True)
class ExampleFailure:
    """An example that did not produce what it promised (or a counter-example that did)."""

    entry: RuleExample
    message: str

    def __str__(self) -> str:
        rule = f"{self.entry.kind} {self.entry.rule_id!r}" if self.entry.rule_id else self.entry.kind
        which = "counter-example" if self.entry.counter else "example"
        return f"{self.entry.source}: {which} of {rule}: {self.message}\n    text: {self.entry.example.text!r}"


def fold(text: str) -> str:
    """Case-, accent-, quote- and whitespace-insensitive form for comparing names and quotes."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    for quote in "“”„«»\"‘’`'":
        text = text.replace(quote, "'")
    return " ".join(text.casefold().split())


def names_overlap(gold_name: str, names: set[str]) -> bool:
    """Whether a gold issue name stands as whole words in one of `names` (folded), or one of them in it."""
    wanted = fold(gold_name)
    for name in names:
        for small, big in ((wanted, name), (name, wanted)):
            if re.search(rf"(?<!\w){re.escape(small)}(?!\w)", big):
                return True
    return False


def example_article(entry: RuleExample) -> Article:
    """An example as an article; its path (a cache key with the text) holds the date it assumes."""
    example = entry.example
    when = example.date if isinstance(example, Example) else None
    path = f"{entry.source.path}#{when or ''}"
    return Article(id="example", path=path, text=example.text, body_start=0, title="", date=when)


def check_examples(engine: Engine) -> list[ExampleFailure]:
    """Run every example and counter-example of the engine's rules; return what failed.

    They go through the engine like articles, so with a cache an unchanged example under unchanged
    rules is read back (spaCy not even loaded), and after an edit only the examples it can reach run.
    """
    failures = [
        ExampleFailure(entry, f"names {party!r} by its id: a party no rule defines has none to rely on; give its name")
        for entry in engine.rules.examples
        for party in _provisional_ids(entry)
    ]
    entries = [
        e
        for e in engine.rules.examples
        if not _provisional_ids(e) and (not e.source.pack or _names_known_rules(e, engine))
    ]  # skipped: a pack's example about parties of a pack that is not loaded
    sheets = engine.extract_all([example_article(entry) for entry in entries])
    for entry, sheet in zip(entries, sheets, strict=True):
        problems = _counter_problems(entry, sheet) if entry.counter else _example_problems(entry, sheet)
        failures.extend(ExampleFailure(entry, message) for message in problems)
    return failures


def _parties_named(example: Example) -> list[str]:
    """The party ids an example names: its parties, its actors' and its speakers'."""
    return [*(example.parties or []), *example.actors.values(), *(p.party for p in example.positions if p.party)]


def _provisional_ids(entry: RuleExample) -> list[str]:
    """The provisional parties' ids an example names (as a speaker's party or an actor's)."""
    example = entry.example
    if not isinstance(example, Example):
        return []
    return [party for party in _parties_named(example) if party.startswith(PROVISIONAL_PREFIX)]


def _names_known_rules(entry: RuleExample, engine: Engine) -> bool:
    example = entry.example
    if not isinstance(example, Example):
        return True
    return all(p in engine.rules.parties for p in _parties_named(example)) and all(
        i in engine.rules.issues for i in example.issues or []
    )


def _example_problems(entry: RuleExample, sheet: FactSheet) -> list[str]:
    example = entry.example
    assert isinstance(example, Example)
    found_parties = [party.id for party in sheet.parties]
    found_issues = [issue.id for issue in sheet.issues]
    parties = example.parties if example.parties is not None else ([entry.rule_id] if entry.kind == "party" else [])
    issues = example.issues if example.issues is not None else ([entry.rule_id] if entry.kind == "issue" else [])
    problems = [f"expected party {p!r}, found {found_parties or 'none'}" for p in parties if p not in found_parties]
    problems += [f"expected issue {i!r}, found {found_issues or 'none'}" for i in issues if i not in found_issues]
    for name, party_id in example.actors.items():
        party = sheet.party(party_id)
        names = [actor.name for actor in party.actors] if party else []
        if fold(name) not in {fold(n) for n in names}:
            problems.append(f"expected actor {name!r} of {party_id!r}, found {names or 'none'}")
    for wanted in example.positions:
        if not any(_position_matches(wanted, position, sheet) for position in sheet.positions):
            found = [
                f"{p.speaker.actor or p.speaker.text} ({p.kind}): {p.content.text[:60]!r}" for p in sheet.positions
            ]
            problems.append(
                f"expected a position of {wanted.speaker!r} containing {wanted.content!r}; found {found or 'none'}"
            )
    return problems


def _position_matches(wanted: ExamplePosition, position: Position, sheet: FactSheet) -> bool:
    speaker = position.speaker
    names = {fold(speaker.text)}
    if speaker.actor:
        names.add(fold(speaker.actor))
    if speaker.party:
        party = sheet.party(speaker.party)
        names.update({fold(speaker.party)} | ({fold(party.name)} if party else set()))
    # `party: null` written out: the speaker must have none; left out: any party will do
    party_checked = wanted.party is not None or "party" in wanted.model_fields_set
    return (
        fold(wanted.speaker) in names
        and (not party_checked or wanted.party == speaker.party)
        and (wanted.content is None or fold(wanted.content) in fold(position.content.text))
        and (wanted.kind is None or wanted.kind == position.kind)
        and (wanted.stance is None or wanted.stance == (position.stance or "none"))
    )


def _counter_problems(entry: RuleExample, sheet: FactSheet) -> list[str]:
    assert isinstance(entry.example, CounterExample)
    if entry.kind == "party" and sheet.party(entry.rule_id or ""):
        spans = [s.text for s in sheet.party(entry.rule_id or "").spans]  # type: ignore[union-attr]
        return [f"party {entry.rule_id!r} was found (in {spans})"]
    if entry.kind == "issue" and sheet.issue(entry.rule_id or ""):
        spans = [m.text for m in sheet.issue(entry.rule_id or "").mentions]  # type: ignore[union-attr]
        return [f"issue {entry.rule_id!r} was found (in {spans})"]
    if entry.kind == "agents":
        actors = [a.name for p in sheet.parties for a in p.actors]
        return [f"actors were found: {actors}"] if actors else []
    if entry.kind == "cues" and sheet.positions:
        return [f"positions were found: {[p.content.text[:60] for p in sheet.positions]}"]
    return []
