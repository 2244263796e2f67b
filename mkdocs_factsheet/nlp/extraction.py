"""From a parsed article to its fact sheet: the stages in order, each handing its output to the next.

`settle_person_names`, `settle_business_names`, `settle_capitalised_names` (`nlp.names`) → `resolve_mentions`
(`nlp.mentions`) → `drop_home_regions` (`nlp.regions`) → `drop_parties_abroad` (`nlp.party_scope`) → `affiliate`
(`nlp.affiliation`, with `nlp.provisional`) → `attribute` (`nlp.attribution`) → `positions_of` (`nlp.positions`) →
`keep_acting` (`nlp.provisional`) → `build_fact_sheet` (`nlp.factsheet`). `extract_facts` runs them all for the
engine; `cli explain` and the evaluation call `find_mentions` (the settling steps to `affiliate`) and the later
stages themselves.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..articles import Article
from ..model import FactSheet, Position
from ..rules import RuleSet
from .affiliation import affiliate
from .attribution import Nesting, attribute
from .factsheet import build_fact_sheet
from .matching import CompiledRules
from .mentions import Mention, ResolvedMentions, resolve_mentions
from .names import settle_business_names, settle_capitalised_names, settle_person_names
from .party_scope import drop_parties_abroad
from .positions import positions_of
from .provisional import keep_acting
from .regions import drop_home_regions
from .text import BodyText


@dataclass
class Extraction:
    """An article's fact sheet, with what the engine records of the rules' matches."""

    sheet: FactSheet
    resolved: ResolvedMentions

    @property
    def hits(self) -> set[str]:
        """The rules that matched anything in the article (see `ResolvedMentions.hits`)."""
        return self.resolved.hits

    @property
    def words(self) -> set[str]:
        """Every word form in the article a rule can match."""
        return self.resolved.words


def extract_facts(article: Article, doc: Doc, compiled: CompiledRules) -> Extraction:
    """The fact sheet of a parsed article under compiled rules."""
    text = BodyText.of(article)
    resolved = find_mentions(article, doc, compiled, text)
    found = find_positions(article, doc, compiled, text, resolved)
    rules = compiled.rules
    messages = frozenset(noun.lower() for noun in rules.message_nouns)
    positions, mentions, provisional = keep_acting(
        found, resolved.mentions, resolved.provisional, rules.people_nouns, messages
    )
    acting = replace(resolved, mentions=mentions, provisional=provisional)
    sheet = build_fact_sheet(article, doc, compiled.rules, text, acting, positions)
    return Extraction(sheet, resolved)


def find_mentions(article: Article, doc: Doc, compiled: CompiledRules, text: BodyText) -> ResolvedMentions:
    """The parties and people a parsed article mentions: the rules' mentions, then the affiliations it states."""
    settle_person_names(doc, compiled.rules.words_before_names, frozenset(compiled.rules.first_name_genders))
    settle_business_names(doc, compiled.rules.business_lemmas)
    settle_capitalised_names(doc, compiled.rules.words_before_names)
    resolved = resolve_mentions(doc, compiled, text, article.date)
    mentions = drop_parties_abroad(drop_home_regions(doc, resolved.mentions, compiled.rules), compiled.rules)
    resolved = replace(resolved, mentions=mentions)
    home = compiled.headlines.home(article.title) or compiled.headlines.story_country(
        article.title, _country_counts(article, resolved.mentions, compiled.rules)
    )
    return affiliate(doc, resolved, compiled.rules, text, home)


def _country_counts(article: Article, mentions: list[Mention], rules: RuleSet) -> Counter[str]:
    """How often the body (not the headline) mentions each country."""
    return Counter(
        m.party
        for m in mentions
        if m.start_char >= article.body_start and (party := rules.parties.get(m.party)) and party.kind == "country"
    )


def find_positions(
    article: Article,
    doc: Doc,
    compiled: CompiledRules,
    text: BodyText,
    resolved: ResolvedMentions,
    *,
    nesting: Nesting = "inner",
    negated: bool = False,
    things: bool = False,
) -> list[Position]:
    """Attributed statements in a parsed article, in document order (see `attribute` for `nesting`, `negated`,
    `things`)."""
    title = text.doc_range(article.title_span)
    rules = compiled.rules
    attributions = attribute(
        doc,
        compiled.lexicon,
        text,
        title,
        resolved.mentions,
        rules,
        nesting=nesting,
        negated=negated,
        things=things,
        independent=resolved.independent,
    )
    return positions_of(attributions, doc, text, compiled.lexicon, resolved.mentions, resolved.issue_mentions)
