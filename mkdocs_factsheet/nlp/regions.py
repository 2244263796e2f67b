"""A country's name used for a region of another country: "Senator David Perdue of Georgia" in US news.

Where an article speaks of politics whose people are known by their home region (a party with markers,
"(R-Ga.)", is mentioned), a country named only by its bare name and, once at least, as the home of a person
("<name> of Georgia", "a Republican from Georgia") is that region: none of its bare-name mentions is the
country. Without such a party, people named by another country's regions ("Jerrold Nadler of New York") show
the same politics. A country the article also names otherwise (its adjective, capital, people, an agent noun,
a member of its rules) keeps every mention.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..rules import RuleSet
from ..rules.schema import Party
from .mentions import Mention, by_another_name


def drop_home_regions(doc: Doc, mentions: list[Mention], rules: RuleSet) -> list[Mention]:
    """The mentions without those of a country the article names only as a home region."""
    politics = {m.end for m in mentions if (party := rules.parties.get(m.party)) and party.markers}
    # "Jerrold Nadler of New York": the article names people by a country's own regions
    regional = any(region_of_a_country(m, rules) and _home(doc, m, politics) for m in mentions)
    if not politics and not regional:
        return mentions
    bare = [m for m in mentions if _bare_country(m, rules)]
    named_otherwise = {m.party for m in mentions if not _bare_country(m, rules)}
    regions = {m.party for m in bare if m.party not in named_otherwise and _home(doc, m, politics)}
    return [m for m in mentions if not (m.party in regions and m.actor is None)]


def _named_country(mention: Mention, rules: RuleSet) -> Party | None:
    """The country a mention names by one of its names (not by an adjective, an agent noun or a person)."""
    party = rules.parties.get(mention.party)
    if party is None or party.kind != "country" or mention.actor is not None or mention.via != "party":
        return None
    return party


def _bare_country(mention: Mention, rules: RuleSet) -> bool:
    """A country's mention by its own name ("Georgia")."""
    party = _named_country(mention, rules)
    return party is not None and mention.text.casefold() == party.name.casefold()


def region_of_a_country(mention: Mention, rules: RuleSet) -> bool:
    """A country's mention by another of its names: a state, a city ("New York"); not its name after "the" nor
    its initials ("the United States", "U.S.")."""
    party = _named_country(mention, rules)
    return party is not None and by_another_name(mention.text, party.name)


def _home(doc: Doc, mention: Mention, politics: set[int]) -> bool:
    """ "<a person's name> of <the country>", "a Republican from <the country>": the name ends the phrase
    (`politics`: where the mentions of the parties with markers end)."""
    if mention.start < 2 or doc[mention.start - 1].lower_ not in ("of", "from"):
        return False
    if mention.end < len(doc) and doc[mention.end].ent_iob_ == "I":
        return False
    return doc[mention.start - 2].ent_type_ == "PERSON" or mention.start - 1 in politics
