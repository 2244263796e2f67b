"""A country's name used for a region of another country: "Senator David Perdue of Georgia" in US news.

Where an article speaks of politics whose people are known by their home region (a party with markers,
"(R-Ga.)", is mentioned), a country named only by its bare name and, once at least, as the home of a person
("<name> of Georgia", "a Republican from Georgia") is that region: none of its bare-name mentions is the
country. A country the article also names otherwise (its adjective, capital, people, an agent noun) keeps every
mention.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..rules import RuleSet
from .mentions import Mention


def drop_home_regions(doc: Doc, mentions: list[Mention], rules: RuleSet) -> list[Mention]:
    """The mentions without those of a country the article names only as a home region."""
    politics = {m.end for m in mentions if (party := rules.parties.get(m.party)) and party.markers}
    if not politics:
        return mentions
    bare = [m for m in mentions if _bare_country(m, rules)]
    named_otherwise = {m.party for m in mentions if not _bare_country(m, rules)}
    regions = {m.party for m in bare if m.party not in named_otherwise and _home(doc, m, politics)}
    return [m for m in mentions if not (m.party in regions and m.actor is None)]


def _bare_country(mention: Mention, rules: RuleSet) -> bool:
    party = rules.parties.get(mention.party)
    return (
        party is not None
        and party.kind == "country"
        and mention.actor is None
        and mention.via == "party"
        and mention.text.casefold() == party.name.casefold()
    )


def _home(doc: Doc, mention: Mention, politics: set[int]) -> bool:
    """ "<a person's name> of <the country>", "a Republican from <the country>": the name ends the phrase
    (`politics`: where the mentions of the parties with markers end)."""
    if mention.start < 2 or doc[mention.start - 1].lower_ not in ("of", "from"):
        return False
    if mention.end < len(doc) and doc[mention.end].ent_iob_ == "I":
        return False
    return doc[mention.start - 2].ent_type_ == "PERSON" or mention.start - 1 in politics
