"""Names the rules leave open, summed over the articles: unassigned actors and unattributed speakers,
most frequent first, each with the sentences that show them."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import FactSheet, Span

EXAMPLES = 3  # sentences kept per name
# speakers no rule could ever name: a pronoun left unresolved is the article's, not the rules'
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "one"}


@dataclass
class Evidence:
    """A sentence of an article (its path as given) that shows a name."""

    article: str
    sentence: str


@dataclass
class Lead:
    """A name over the articles: how often, in how many articles, and a few of its sentences."""

    name: str
    label: str  # the NER label of an unassigned actor; "speaker" for an unattributed one
    mentions: int = 0
    articles: int = 0
    examples: list[Evidence] = field(default_factory=list)


def sentence_of(sheet: FactSheet, span: Span) -> str:
    """The text of the sentence holding `span` (the span's own text when the sheet has no sentences)."""
    for sentence in sheet.sentences:
        if sentence.start <= span.start < sentence.end:
            return " ".join(sentence.text.split())
    return " ".join(span.text.split())


def add_example(examples: list[Evidence], sheet: FactSheet, span: Span) -> None:
    """Keep a sentence of `sheet` as evidence, once, up to `EXAMPLES`."""
    evidence = Evidence(sheet.article.path, sentence_of(sheet, span))
    if len(examples) < EXAMPLES and evidence not in examples:
        examples.append(evidence)


def unassigned_leads(sheets: list[FactSheet]) -> list[Lead]:
    """Named entities no rule covers, by name: most mentions first."""
    leads: dict[str, Lead] = {}
    for sheet in sheets:
        for actor in sheet.unassigned_actors:
            lead = leads.setdefault(actor.name, Lead(actor.name, actor.label))
            lead.mentions += actor.mentions
            lead.articles += 1
            for span in actor.spans:
                add_example(lead.examples, sheet, span)
    return _ranked(leads)


def unattributed_leads(sheets: list[FactSheet]) -> list[Lead]:
    """Speakers of positions whose party nobody knows, by the actor or the words naming them: most first."""
    leads: dict[str, Lead] = {}
    for sheet in sheets:
        seen: set[str] = set()
        for position in sheet.positions:
            speaker = position.speaker
            name = speaker.actor or " ".join(speaker.text.split())
            if speaker.party or name.casefold() in _PRONOUNS:
                continue
            lead = leads.setdefault(name.casefold(), Lead(name, "speaker"))
            lead.mentions += 1
            lead.articles += name.casefold() not in seen
            seen.add(name.casefold())
            add_example(lead.examples, sheet, position.sentence or Span(speaker.text, speaker.start, speaker.end))
    return _ranked(leads)


def _ranked(leads: dict[str, Lead]) -> list[Lead]:
    return sorted(leads.values(), key=lambda lead: (-lead.mentions, -lead.articles, lead.name))
