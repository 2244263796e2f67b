"""The country a headline is about, when it names that country's officials or that country alone.

"Ukrainian president rejects prime minister's resignation", "Tunisian Prime Minister signs decree …":
the body then often writes "Prime Minister Oleksiy Honcharuk" or "a member of Parliament" with no
country, because the headline said it. A headline that names one country's title-holder gives the
article a home country, which the affiliation step uses for titles the text leaves unqualified. A
headline naming titles or bodies of two countries gives none. A headline naming no title but one country
("Philippines' largest television network shut down by government") gives that country when the body, too,
names it more than any other. Matched on the title's words alone (no parse: a `.md` file's title lives in its
front matter), with one pattern compiled per rule set.
"""

from __future__ import annotations

import re
from collections import Counter

from ..rules import RuleSet
from ..rules.schema import alias_of

# the words of the reason of an affiliation only the story's country gives: a guess, not what the text says
HOME_REASON = "in a story whose country is"


class HeadlineCountries:
    """Finds the country whose title-holder a headline names."""

    def __init__(self, rules: RuleSet):
        owners: dict[str, set[str]] = {}
        for party in rules.parties.values():
            if party.kind != "country":
                continue
            for form in [party.name, *(alias_of(a).text for a in party.aliases + party.adjectives)]:
                owners.setdefault(form.casefold(), set()).add(party.id)
        self.owner = {form: next(iter(ids)) for form, ids in owners.items() if len(ids) == 1}
        # one person's title or one body ("Ukrainian president", "Iraqi parliament"), not a group ("US troops")
        forms = {alias_of(a).text.casefold() for agent in rules.agents for a in agent.aliases}
        titles = {form for form in forms if not looks_plural(form)}
        self.country_pattern = (
            re.compile(rf"\b(?P<party>{_either(self.owner)})\b", re.IGNORECASE) if self.owner else None
        )
        self.pattern = (
            re.compile(
                rf"\b(?P<party>{_either(self.owner)})(?:'s|’s)?\s+(?:[\w-]+\s+)?(?P<title>{_either(titles)})\b",
                re.IGNORECASE,
            )
            if self.owner and titles
            else None
        )

    def home(self, headline: str) -> tuple[str, str] | None:
        """(party id, what names it: the headline's words) when the headline names one country's title-holder."""
        if self.pattern is None:
            return None
        found = {
            (self.owner[match["party"].casefold()], f"named in the headline: {match[0]!r}")
            for match in self.pattern.finditer(headline)
            if match["party"][:1].isupper()
        }
        return next(iter(found)) if len({party for party, _ in found}) == 1 else None

    def story_country(self, headline: str, body_counts: Counter[str]) -> tuple[str, str] | None:
        """(party id, what names it) when the headline names one country only and the body names that country at
        least once and no other more often, or the headline names none and the body names one country at least
        three times and twice as often as any other ("New South Wales decriminalizes abortion", a body about Sydney
        and Australia's parliaments). `body_counts`: mentions per country."""
        if self.country_pattern is None:
            return None
        named = {
            self.owner[match["party"].casefold()]: match[0]
            for match in self.country_pattern.finditer(headline)
            if match["party"][:1].isupper()
        }
        ranked = body_counts.most_common(2)
        if not ranked or len(named) > 1:
            return None
        (first, times), second = ranked[0], ranked[1][1] if len(ranked) > 1 else 0
        if named:
            party, words = next(iter(named.items()))
            own = body_counts[party]
            others = max((count for other, count in body_counts.items() if other != party), default=0)
            most = own >= max(1, others)
            return (party, f"named in the headline ({words!r}) and most in the text") if most else None
        if times >= _BODY_MENTIONS and times >= 2 * second:
            return first, f"the one the text names most ({times} times, the next {second})"
        return None


_BODY_MENTIONS = 3  # a country the text names this often, and twice as often as any other, is the story's


def looks_plural(word: str) -> bool:
    """Does a lower-case word look like a plural noun by its ending ("officials"; not "press", "bus")?"""
    return word.endswith("s") and not word.endswith(("ss", "us"))


def _either(forms: set[str] | dict[str, str]) -> str:
    return "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
