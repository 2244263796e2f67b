"""A built-in pack's political party only in news of its country.

Many countries' parties share their words ("Labour", "Conservative", "Law and Justice" is also an Indian
ministry's name), so a pack party of one country (its rule's `country`) is not that party in news that names
other countries but never its own (by name, adjective, place, institution or a person the rules know):
"Conservative groups hold rally in Washington" says nothing of the British Conservatives. Where the article names
no country at all, nothing says otherwise. The site's own party rules are the user's word for their articles and
always count.
"""

from __future__ import annotations

from ..rules import RuleSet
from .mentions import Mention


def drop_parties_abroad(mentions: list[Mention], rules: RuleSet) -> list[Mention]:
    """The mentions without those of a pack's national party whose country the article never names, where it names
    others."""
    named = {m.party for m in mentions if m.party in rules.countries}

    def abroad(mention: Mention) -> bool:
        country = rules.party_countries.get(mention.party)
        source = rules.source_of("party", mention.party)
        if country is None or country in named or source is None or source.pack is None:
            return False
        return bool(named)

    return [m for m in mentions if not abroad(m)]
