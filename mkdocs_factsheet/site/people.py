"""The people of a briefing: every speaker of a position and every person a party's actors name, across
articles, with their parties, roles and positions (`collect_people`); no MkDocs, no rendering."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs_factsheet import FactSheet
    from mkdocs_factsheet.model import Speaker

    from .briefing import PositionEntry


def speaker_name(speaker: Speaker) -> str:
    """The speaker of a position as the pages name it: the actor it was resolved to, else the words of the text."""
    return speaker.actor or speaker.text


def person_key(name: str) -> str:
    """The key of a person across articles: the name with its spaces normalised, letter case ignored."""
    return " ".join(name.split()).casefold()


@dataclass
class Person:
    """Someone the articles quote or name as a party's actor, all articles together.

    `named` is False for a speaker no actor was resolved to ("scientists", "the report"): the words
    of the text, grouped by those words; such speakers are listed on the people index, without a page.
    """

    key: str
    name: str
    named: bool
    kind: str = ""  # the actor's kind (`person`, `body`), empty for a speaker no rule or article names
    parties: Counter[str] = field(default_factory=Counter)  # party id → positions and articles naming it so
    roles: list[str] = field(default_factory=list)
    mentions: int = 0  # as a party's actor
    articles: list[str] = field(default_factory=list)  # ids, in the order first met
    positions: list[PositionEntry] = field(default_factory=list)  # in date order

    @property
    def party(self) -> str | None:
        """The party the person acts for most often (None when no article says)."""
        return self.parties.most_common(1)[0][0] if self.parties else None

    def seen_in(self, article_id: str) -> None:
        """Record an article that quotes or names the person (once each)."""
        if article_id not in self.articles:
            self.articles.append(article_id)


def collect_people(sheets: Iterable[FactSheet], quotes: Iterable[PositionEntry]) -> dict[str, Person]:
    """Every speaker (`quotes` in date order) and every actor of kind person of the sheets' parties, by key."""
    people: dict[str, Person] = {}
    for quote in quotes:
        speaker = quote.position.speaker
        name = speaker_name(speaker)
        person = people.setdefault(person_key(name), Person(person_key(name), name, named=speaker.actor is not None))
        person.named = person.named or speaker.actor is not None
        person.positions.append(quote)
        if speaker.party:
            person.parties[speaker.party] += 1
        person.seen_in(quote.sheet.article.id)
    for sheet in sheets:
        for party in sheet.parties:
            for actor in party.actors:
                key = person_key(actor.name)
                if actor.kind != "person" and key not in people:
                    continue  # a body that never speaks: its party's page lists it
                person = people.setdefault(key, Person(key, actor.name, named=True))
                person.named, person.kind = True, actor.kind
                person.parties[party.id] += 1
                person.mentions += actor.mentions
                if actor.role and actor.role not in person.roles:
                    person.roles.append(actor.role)
                person.seen_in(sheet.article.id)
    return people
