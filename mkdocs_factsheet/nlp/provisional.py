"""Provisional parties: organisations the article names that no rule defines.

"ABS-CBN CEO Carlo Katigbak said …", "the Syrian Democratic Forces (SDF) said …", "Catalan separatists
said …": a briefing that
leaves such speakers without a party has empty summaries on news nobody wrote rules for. Each
organisation the NER finds outside every rule's mention (and each nationality or movement it finds
right before a title or group noun of the rules) becomes a provisional party, named from the
text (its id is `provisional-` and the name's slug, the same in every article), so the affiliation
step can affiliate people with it and organisations can speak for themselves. A company's legal form is
no part of its name ("ABS-CBN Corporation" is ABS-CBN). An acronym joins
the name it abbreviates ("SDF" after "Syrian Democratic Forces (SDF)", or whose initials it is); a rule's
body named shortened from the front ("the Court of Justice" after "the European Court of Justice") is
that body. In a story with a home country (`nlp.headline`), a public body's name no rule gives ("the
Directorate General of Civil Aviation", "the Internal Revenue Service": an agent noun of the rules opening
it, or heading it after a state's qualifier) is a body of that country.

Only provisional parties that act are kept (`keep_acting`): a speaker's party, or the party of a
person the article affiliates with it. An outlet that only reports ("Reuters reported", "according
to the BBC", or one the text calls a newspaper, a broadcaster …) is a source, not a party. The fact
sheet marks provisional parties as not in the rules, so pages and JSON show them as suggestions for
rule files.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import partial

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..model import Position
from .headline import HOME_REASON
from .mentions import STATE_QUALIFIERS, Mention, ProvisionalParty
from .names import HONORIFICS
from .phrases import name_head
from .text import BodyText

PREFIX = "provisional-"
_SMALL_WORDS = {"of", "the", "for", "and", "on", "in", "de", "du", "la", "&"}
# the cue of a source that reports, rather than of a party that states ("Fars reported", "according to ISNA")
_REPORTING = ("report", "according")
# words that call a speaker a news outlet, or that newspapers' names end in, whatever its cue: "Hungarian daily
# newspaper Magyar Nemzet revealed", "The Aviation Herald said", "The St. Louis Post-Dispatch noted"
_OUTLET_WORDS = frozenset(
    "newspaper daily tabloid magazine weekly broadcaster channel radio television tv website outlet news".split()
    + "times herald tribune gazette chronicle telegraph journal publication dispatch courier inquirer".split()
    + "archive database tracker wire".split()  # sources of data: "the Gun Violence Archive"
)
# the head words of names of bodies that state what they report, whatever the cue: "The Indonesian Palm Oil
# Producers Association reports a value of …" is the association's figure, not a newspaper's story
BODY_WORDS = frozenset(
    "association council committee federation union league confederation chamber ministry department presidency "
    "commission authority bureau board office court parliament assembly senate party police government conference "
    "foundation".split()
)


def find_provisional(
    doc: Doc,
    mentions: list[Mention],
    text: BodyText,
    generic: frozenset[str],
    titles: list[tuple[int, int]],
    countries: frozenset[str] = frozenset(),
    home: tuple[str, str] | None = None,
    bodies: frozenset[str] = frozenset(),
    businesses: frozenset[str] = frozenset(),
) -> tuple[list[Mention], list[ProvisionalParty]]:
    """Mentions of the organisations no rule covers (document order), and their provisional parties; an
    acronym of a rule's party the article names ("WHO" after "the World Health Organization") is that party.
    Organisations are the NER's, and names right beside a person's title, which the NER often misses ("ABS-CBN
    CEO …", "a spokesperson for Facebook"). `generic`: lower-case words that name a kind of body, not one
    ("Parliament", "Supreme Court"); `titles`: token ranges of person titles; `countries`: the rules' country
    parties, whose possessive makes an organisation theirs ("the United States' National Institute of …");
    `home`: the story's country and what says so, whose public bodies the rules may not name; `bodies`: the
    lower-case agent nouns of bodies ("police"); `businesses`: the lemmas of the rules' nouns for a business
    ("retailer"), which, like a union's or a party's, say the name after them is an organisation's."""
    covered = {index for mention in mentions for index in range(mention.start, mention.end)}
    adjective_at = {m.start: m for m in mentions if m.via == "adjective" and m.end == m.start + 1}
    adjectives = set(adjective_at)
    by_initials = {
        _initials(m.text): m for m in mentions if m.actor is None and m.via != "adjective" and len(m.text.split()) > 1
    }
    # a state body's own name ("… Institute of Epidemiology, Disease Control and Research (IEDCR)")
    by_initials |= {
        _initials(m.actor): m
        for m in mentions
        if m.via == "agent" and m.actor_kind == "body" and m.actor and len(m.actor.split()) > 2
    }
    # a body's name shortened from the front: "the Court of Justice" after "the European Court of Justice", "the
    # Search and Rescue Agency" after "the National Search and Rescue Agency" (a body this step finds, too)
    by_tail = {
        tail: m
        for m in mentions
        if m.actor is not None and m.actor_kind == "body" and m.via != "adjective"
        for tail in _tails(m.text)
    }
    # "the House" after "the United States House of Representatives": the head word before a body's "of", where
    # one body named so has it
    heads: dict[str, list[Mention]] = {}
    for m in mentions:
        head = name_head(doc[m.start : m.end]) if m.actor is not None and m.actor_kind == "body" else None
        if head is not None and head.i < m.end - 1 and doc[head.i + 1].lower_ == "of":
            heads.setdefault(head.text.casefold(), []).append(m)
    by_head = {word: bodies[0] for word, bodies in heads.items() if len({m.actor for m in bodies}) == 1}
    names: list[tuple[int, int, str]] = []
    found = []
    short_names: dict[str, Mention] = {}  # a body's one-word short name or acronym → its first mention
    # "Honcharuk said": the NER takes many a surname for an organisation, after naming the person in full
    people = {token.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for token in ent}
    # a group no rule defines, by the nationality or movement before a title: "Catalan separatists said"
    starts = {start for start, _ in titles}
    ends = dict(titles)
    groups = [ent for ent in doc.ents if ent.label_ == "NORP" and ent.end in starts]
    entities = [(ent, _before_title(ent, titles)) for ent in _joined(doc, [e for e in doc.ents if e.label_ == "ORG"])]
    # "Spokesperson Harry Roque" in an organisation entity: a person's name, also where written alone
    in_titles = {index for start, end in titles for index in range(start, end)}
    people |= {token.text for ent, kept in entities for token in ent[len(kept) :] if token.i not in in_titles}
    organisations = [_without_end_punctuation(kept) for _, kept in entities] + groups
    organisations += _beside_titles(doc, titles, covered)
    portfolios = {start for start, end in titles if end == start + 1 and doc[start].lower_ in _OFFICE_TITLES}
    for ent in map(partial(_without_place, covered=covered), organisations):
        if not _own_name(ent, covered, adjectives, businesses) or (ent.end in portfolios and ent.label_ != "NORP"):
            continue  # "Civil Aviation Minister Hardeep Singh Puri": a portfolio, no organisation
        if _portfolio_before_name(ent):
            continue  # "Secretary of Health and Human Services Alex Azar": a portfolio too
        if any(start <= ent.start and ent.end <= end for start, end in titles):
            continue  # "the Speaker of the House": a title's own words, no organisation
        if ent.label_ == "NORP":
            span = ent if ent.text[:1].isupper() else None
        elif _business_named(ent, businesses) and len(ent) > 1:
            span = ent[ent[0].lower_ == "the" :]  # "Turkish Airlines": the adjective is the business's name too
        else:
            span = _name_part(ent)
        if span is None or all(t.lower_ in generic for t in span) or span.text.lower() in generic:
            continue
        if span.text.lower() in HONORIFICS or span.text.lower() + "." in HONORIFICS:
            continue  # "Mr", which the model sometimes takes for an organisation
        if all(t.text in people for t in span):
            continue
        named = by_initials.get(span.text.replace("-", "")) if span.text.isupper() else _bracketed_after(span, mentions)
        if named is None and len(span) > 1 and span[-1].text.isupper() and span[:-1].text.istitle():
            named = by_initials.get(span[-1].text)  # "Kamloops RCMP": a place's branch of the RCMP
        shortened = by_tail.get(span.text.casefold()) if named is None else None
        if shortened is None and named is None and len(span) == 1:
            shortened = by_head.get(span.text.casefold())
        owner = _country_before(doc, span.start, mentions, countries)
        national = _national_body(span, adjective_at, countries, generic) if owner is None else None
        headed = _headed_by_agent_noun(span, bodies)
        if owner is None and national is None and headed is not None:
            # "the French Civil Security service": the agent noun after the name heads it
            national = _national_body(headed, adjective_at, countries, generic)
            span = headed if national is not None else span
        if owner is not None:
            why = f"{span.text!r}, an organisation of {owner.text!r} (a possessive), acts for {owner.party}"
            found.append(_body_of(doc, span.start, span.end, text, owner, why))
            by_initials.setdefault(_initials(span.text), found[-1])
        elif national is not None:
            start = min(span.start, national.start)
            why = (
                f"{doc[start : span.end].text!r}, a public body named with {national.text!r}, acts for {national.party}"
            )
            found.append(_body_of(doc, start, span.end, text, national, why))
            by_initials.setdefault(_initials(doc[start : span.end].text), found[-1])  # "(PNP)" after it
            _shortened_too(by_tail, doc[start : span.end].text, found[-1])
        elif shortened is not None:
            why = f"{span.text!r}: {shortened.actor}, named in the article as {shortened.text!r}"
            found.append(_body_of(doc, span.start, span.end, text, shortened, why, actor=shortened.actor))
        elif home is not None and _state_body(span, generic, bodies):
            why = f"{span.text!r}, a public body the rules do not name, {HOME_REASON} {home[1]}"
            body = Mention.of_tokens(
                doc, span.start, span.end, text, home[0], actor=span.text, actor_kind="body", via="agent", why=[why]
            )
            found.append(body)
            by_initials.setdefault(_initials(span.text), body)  # "(NTC)" after "the National Telecommunications …"
            _shortened_too(by_tail, span.text, body)
        elif named is not None:
            why = f"acronym {span.text!r} of {named.actor or named.text!r}, named in the article"
            found.append(
                Mention.of_tokens(doc, span.start, span.end, text, named.party, via="acronym", why=[why])
                if named.actor is None
                else _body_of(doc, span.start, span.end, text, named, why, actor=named.actor)
            )
            short_names.setdefault(span.text, found[-1])
        else:
            names.append((span.start, span.end, span.text))
    for mention in mentions:  # "the United States Coast Guard (USCG)": a short name the NER tags nowhere
        short = _bracketed_short_name(doc, mention.end)
        if mention.actor is not None and mention.actor_kind == "body" and short is not None:
            short_names.setdefault(short, mention)
    found += _short_names_again(doc, text, short_names, covered | {i for m in found for i in range(m.start, m.end)})
    generic_words = {word for phrase in generic for word in phrase.split()}
    names += _names_again(doc, names, covered | {i for m in found for i in range(m.start, m.end)}, generic_words)
    # one capitalised word the article writes once ("Team leader", "Minister of Information") is too weak; an
    # acronym ("NASA") or a name written again ("Facebook") is not
    seen = Counter(token.text for token in doc if token.text in {name for _, _, name in names})
    grouped = {ent.start for ent in groups}
    # a kind of body written with a capital ("The Bank official" after "a Bank of Japan official") names none
    kinds = _KINDS_OF_ORGANISATION | businesses
    names = [n for n in names if " " in n[2] or n[2].casefold() not in kinds]
    names = [
        n
        for n in names
        if " " in n[2]
        or n[2].isupper()
        or "-" in n[2]
        or seen[n[2]] > 1
        or n[0] in grouped
        or (n[1] in starts and _one_word_organisation(list(doc[n[0] : n[1]])))  # "Labour leader Keir Starmer"
        or (n[1] in starts and _party_word_of_named_title(doc, n[0], ends[n[1]]))  # "Labour MP (…) Tom Watson"
        or (n[0] > 0 and doc[n[0] - 1].lemma_.lower() in _KINDS_OF_ORGANISATION | businesses)  # "trade union Aslef"
    ]
    full_names = sorted({name for _, _, name in names}, key=lambda n: -len(n))
    full_names += _spelt_out(doc, covered, {name for _, _, name in names if len(name) > 2 and name.isupper()})
    canonical = {
        name: _without_legal_form(_canonical(doc, _without_common_nouns(name), full_names, names))
        for name in full_names
    }
    for _, end, name in names:  # "the RMT union (National Union of Rail, Maritime and Transport Workers)"
        expansion = _expansion_in_brackets(doc, end, canonical[name])
        if expansion is not None:
            canonical |= {other: expansion for other, full in canonical.items() if full == canonical[name]}
    parties: dict[str, ProvisionalParty] = {}
    for start, end, name in names:
        full = canonical[name]
        if full.split()[-1].lower() in _DOCUMENT_WORDS:
            continue  # "the Digital Millennium Copyright Act (DMCA)": a law, no organisation
        party_id = PREFIX + _slug(full)
        party = parties.get(party_id) or ProvisionalParty(party_id, full)
        alias = _without_common_nouns(name)  # "TWU", not "TWU union"
        if alias != full and alias not in party.aliases:
            party = replace(party, aliases=(*party.aliases, alias))
        parties[party_id] = party
        why = f"{full!r} is an organisation the article names that no rule defines (a provisional party)"
        found.append(Mention.of_tokens(doc, start, end, text, party_id, via="provisional", why=[why]))
    return sorted(found, key=lambda m: m.start), list(parties.values())


def keep_acting(
    positions: list[Position],
    mentions: list[Mention],
    parties: list[ProvisionalParty],
    people_nouns: frozenset[str],
    message_nouns: frozenset[str] = frozenset(),
) -> tuple[list[Position], list[Mention], list[ProvisionalParty]]:
    """The provisional parties that act (a speaker's party, a person's affiliation), their mentions, and the
    positions with reporting outlets left without a party (a body named as one, "… Association", is none).
    `people_nouns`: the lower-case words people speaking
    for an organisation are called by ("spokesperson"), who never make it an outlet; `message_nouns`: the words for
    its own messages ("release"), in which it states what it reports ("Coles, in its media release, reported …")."""
    ids = {party.id for party in parties}
    names = {party.id: party.name for party in parties}
    bodies = {party_id for party_id, name in names.items() if _head_word(name) in BODY_WORDS}
    reports = {id(p) for p in positions if _reports(p, people_nouns, message_nouns)}
    reporting = {p.speaker.party for p in positions if p.speaker.party in ids and id(p) in reports} - bodies
    stating = {p.speaker.party for p in positions if p.speaker.party in ids and id(p) not in reports}
    # an outlet by its name ("The Aviation Herald") is one wherever it speaks, also as "it" or "the site"
    named_outlets = {party_id for party_id, name in names.items() if not _OUTLET_WORDS.isdisjoint(_words(name))}
    outlets = (reporting - stating) | named_outlets
    kept_positions = [_as_source(p, names[p.speaker.party]) if p.speaker.party in outlets else p for p in positions]
    acting = {p.speaker.party for p in kept_positions} | {m.party for m in mentions if m.actor is not None}
    kept_mentions = [m for m in mentions if m.party not in ids or m.party in acting]
    return kept_positions, kept_mentions, [party for party in parties if party.id in acting]


def _reports(position: Position, people_nouns: frozenset[str], message_nouns: frozenset[str]) -> bool:
    """A report of what others said or did: a reporting cue, or a speaker the text calls an outlet; never the
    words of someone speaking for the organisation ("according to a Woolworths spokesperson"), nor what it
    reports in its own message ("Coles, in its March 8 media release, reported that …")."""
    cue = position.cue.text.lower() if position.cue is not None else ""
    words = _words(position.speaker.text)
    if words and words[-1] in people_nouns or _in_own_message(position, message_nouns):
        return False
    return cue.startswith(_REPORTING) or not _OUTLET_WORDS.isdisjoint(words)


def _head_word(name: str) -> str:
    """The word a name's kind of organisation is in: its last before "of", else its last ("the National Conference
    of State Legislatures", "the Indonesian Palm Oil Producers Association")."""
    words = _words(name)
    return words[words.index("of") - 1] if "of" in words[1:] else words[-1]


def _in_own_message(position: Position, message_nouns: frozenset[str]) -> bool:
    """Do the words between the speaker and the cue name its own message ("in its media release")?"""
    sentence, cue = position.sentence, position.cue
    if sentence is None or cue is None or not sentence.start <= position.speaker.end <= cue.start <= sentence.end:
        return False
    between = _words(sentence.text[position.speaker.end - sentence.start : cue.start - sentence.start])
    owned = [i for i, word in enumerate(between) if word in ("its", "their")]
    return any(word.removesuffix("s") in message_nouns for i in owned for word in between[i + 1 : i + 5])


def _words(text: str) -> list[str]:
    """The lower-case words of a name or a speaker's text, without punctuation around them, a hyphenated one's
    parts each a word ("The Las Vegas Review-Journal")."""
    return [word.strip(".,'’") for word in text.lower().replace("-", " ").split()]


def _as_source(position: Position, name: str) -> Position:
    """The position of an outlet: the outlet speaks under its own name ("the BBC" → BBC), for no party."""
    why = [*position.why, f"{position.speaker.text!r} reports here: a source, not a party"]
    speaker = replace(position.speaker, actor=position.speaker.actor or name, party=None)
    return replace(position, speaker=speaker, why=why)


def _beside_titles(doc: Doc, titles: list[tuple[int, int]], covered: set[int]) -> list[SpacySpan]:
    """Runs of proper nouns no entity holds, right before a title or after its "for"/"of": "ABS-CBN CEO"."""
    held = {index for ent in doc.ents for index in range(ent.start, ent.end)} | covered
    runs = []
    for start, end in titles:
        before = start
        while before > 0 and before - 1 not in held and _in_name(doc[before - 1]):
            before -= 1
        if before < start and _name_word(doc[before]):
            runs.append(doc[before:start])
        after = end + 1 if end < len(doc) and doc[end].lower_ in ("for", "of") else end
        after += after < len(doc) and after > end and doc[after].lower_ == "the"
        stop = after
        while after > end and stop < len(doc) and stop not in held and _in_name(doc[stop]):
            stop += 1
        if stop > after and _name_word(doc[stop - 1]):
            runs.append(doc[after:stop])
    return runs


def _joined(doc: Doc, organisations: list[SpacySpan]) -> list[SpacySpan]:
    """Organisation entities with a name the NER cut in two at "for"/"of" joined again: "the Tunisian League"
    + "for" + "the Defence of Human Rights"."""
    joined: list[SpacySpan] = []
    for ent in organisations:
        previous = joined[-1] if joined else None
        between = doc[previous.end : ent.start] if previous is not None else None
        if (
            previous is not None
            and between is not None
            and 1 <= len(between) <= 2
            and between[0].lower_ in ("for", "of")
            and all(t.lower_ in ("for", "of", "the") for t in between)
        ):
            joined[-1] = doc[previous.start : ent.end]
        else:
            joined.append(ent)
    return joined


def _country_before(doc: Doc, start: int, mentions: list[Mention], countries: frozenset[str]) -> Mention | None:
    """The country mention whose possessive ends right before token `start` ("the United States' …")."""
    if start < 2 or doc[start - 1].text not in ("'s", "’s", "'", "’"):
        return None
    return next((m for m in mentions if m.end == start - 1 and m.actor is None and m.party in countries), None)


def _tails(name: str) -> list[str]:
    """A body's name shortened from the front, two words or more, case-folded: "court of justice" for "the European
    Court of Justice"."""
    words = name.removeprefix("the ").removeprefix("The ").split()
    return [" ".join(words[-size:]).casefold() for size in range(2, len(words))]


def _shortened_too(by_tail: dict[str, Mention], name: str, body: Mention) -> None:
    """Let a body found here be named shortened from the front too, where no body named before is so."""
    for tail in _tails(name):
        by_tail.setdefault(tail, body)


def _body_of(
    doc: Doc, start: int, end: int, text: BodyText, owner: Mention, why: str, actor: str | None = None
) -> Mention:
    """The mention of a body named by tokens [start, end) (or `actor`) that acts for the owner's party."""
    name = actor or doc[start:end].text
    return Mention.of_tokens(doc, start, end, text, owner.party, actor=name, actor_kind="body", via="agent", why=[why])


# common nouns other than a business's (the rules' `businesses`) that say the name after them is an organisation's
# ("the trade union Aslef")
_KINDS_OF_ORGANISATION = {
    "union", "party", "group", "organisation", "organization", "movement", "coalition", "alliance", "militia",
    "association", "federation", "operator",
}  # fmt: skip

# a government office's one-word title: the words before it name its portfolio (not "general secretary")
_OFFICE_TITLES = {"minister", "secretary"}

# words that make a name a movement's, not a state body's ("Syrian Democratic Forces", "Kurdish Liberation Army")
_MOVEMENT_WORDS = {
    "democratic", "liberation", "revolutionary", "resistance", "front", "movement", "party", "free", "popular",
    "people", "people's", "opposition", "rebel", "islamic", "republican", "union", "alliance", "coalition",
}  # fmt: skip


def _national_body(
    span: SpacySpan, adjective_at: dict[int, Mention], countries: frozenset[str], generic: frozenset[str]
) -> Mention | None:
    """The country whose adjective opens a public body's name headed by an agent noun of the rules, or comes right
    before it ("the Philippine National Police", "the Russian Academy of Sciences", "Israeli [Defense Forces]"):
    a state body, its country's agent. A movement's name ("Syrian Democratic Forces") stays its own."""
    adjective = adjective_at.get(span.start) or adjective_at.get(span.start - 1)
    if adjective is None or adjective.party not in countries or len(span) < 2:
        return None
    head = name_head(span)
    if head.lower_ not in generic or any(t.lower_ in _MOVEMENT_WORDS for t in span):
        return None
    return adjective


def _headed_by_agent_noun(span: SpacySpan, bodies: frozenset[str]) -> SpacySpan | None:
    """The name with a body's agent noun of the rules right after it that its last word is a compound of ("Civil
    Security service"; not a person's title: "Red Cross chair"), or None."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in bodies or span[-1].head.i != span.end:
        return None
    return doc[span.start : span.end + 1]


def _without_end_punctuation(span: SpacySpan) -> SpacySpan:
    """An entity without the comma or stop the model took into it ("Associated Press," before "Conyers was …")."""
    end = span.end
    while end - 1 > span.start and span.doc[end - 1].text in (",", ";", ":", "."):
        end -= 1
    return span.doc[span.start : end] if end < span.end else span


def _state_body(span: SpacySpan, generic: frozenset[str], bodies: frozenset[str]) -> bool:
    """Is a name a public body's: one headed by a word only states' bodies have (`_STATES_ONLY`), an agent noun
    of the rules that opens it ("Directorate General of Civil Aviation"; not one of `_PRIVATE_TOO`), or after a
    state's qualifier one that heads it ("Internal Revenue Service", "National Disaster Management Authority"; or
    `_QUALIFIED_HEADS`, "National Security Council") or a body's anywhere in it ("Metropolitan Police Counter
    Terrorism Command"), with no word of a movement's or an outlet's name?"""
    head = name_head(span)
    words = {t.lower_ for t in span}
    if len(span) < 2 or not words.isdisjoint(_MOVEMENT_WORDS | _OUTLET_WORDS):
        return False
    qualified = span[0].lower_ in STATE_QUALIFIERS
    if head.lower_ in _STATES_ONLY or not words.isdisjoint(_POLICE) and words.isdisjoint(_STAFF_BODIES):
        return True  # "the Emergency Situations Ministry", "the Montgomery County Police Department"
    state_head = head.lower_ in generic or head.lower_ in _QUALIFIED_HEADS
    opens = span[0].lower_ in generic and span[0].lower_ not in _PRIVATE_TOO
    return opens or qualified and (state_head or not words.isdisjoint(bodies))


# agent nouns that open the names of private bodies as often as of states' ("the Center for Biological Diversity",
# "the Institute for Policy Studies"): a state's only after a state's qualifier ("the National Institute of …")
_PRIVATE_TOO = {"center", "centre", "centers", "centres", "institute", "academy"}


# heads that make a name opened by a state's qualifier a state's body, though no agent noun on their own: "the
# National Disaster Response Force", "the National Security Council"
_QUALIFIED_HEADS = {"force", "council", "office", "corps", "guard", "board", "committee"}
# a police force's own word anywhere in a name makes it the state's ("Montgomery County Police Department"), unless
# the name is its staff's body ("the Police Federation", "the Police Officers Association")
_POLICE = {"police", "constabulary", "gendarmerie"}
_STAFF_BODIES = {"federation", "association", "union", "foundation", "league", "council"}
# the heads of names only a state's bodies have, whatever comes before: "the Emergency Situations Ministry",
# "Thames Valley Police"
_STATES_ONLY = {"ministry"} | _POLICE


def _before_title(ent: SpacySpan, titles: list[tuple[int, int]]) -> SpacySpan:
    """An organisation entity up to a person's title and name inside it: the NER's "Presidential Spokesperson
    Harry Roque" is no organisation, its "ABS-CBN CEO Carlo Katigbak" is ABS-CBN; in "Law and Justice Party"
    the word "Justice" is no title (a name does not start with "and")."""
    for start, end in titles:
        joined = start > ent.start and ent.doc[start - 1].is_lower  # "Law and Justice …": inside the name
        if ent.start <= start and end < ent.end and not joined and all(map(_name_word, ent.doc[end : ent.end])):
            return ent.doc[ent.start : start]
    return ent


def _in_name(token: Token) -> bool:
    return _name_word(token) or (token.text == "-" and not token.whitespace_)


def _name_word(token: Token) -> bool:
    """A capitalised proper noun, or an acronym whatever the tagger says ("ABS" in "ABS-CBN" is a noun to it)."""
    if token.pos_ == "PROPN" and token.text[:1].isupper():
        return True
    return token.is_upper and token.is_alpha and len(token) > 1


def _without_place(ent: SpacySpan, covered: set[int]) -> SpacySpan:
    """An organisation's name without the place the NER took into it after "in", a party the rules name: "the
    ruling [Democratic Rally] in Cyprus"."""
    at = next((t.i for t in ent[1:] if t.lower_ == "in"), None)
    if at is None or at + 1 >= ent.end or not covered.issuperset(range(at + 1, ent.end)):
        return ent
    return SpacySpan(ent.doc, ent.start, at, label=ent.label_)


def _own_name(ent: SpacySpan, covered: set[int], adjectives: set[int], businesses: frozenset[str]) -> bool:
    """Is the entity an organisation's name of its own? No rule covers it, or only a party's adjective in a
    longer name ("Syrian Democratic Forces" is not Syria's) or before a business's noun ("Philippine Airlines"),
    or only the place after the "of" that ends a movement's name ("the Islamic State of Iraq" is not Iraq's)."""
    taken = covered.intersection(range(ent.start, ent.end))
    if not taken:
        return True
    of = next((t.i for t in reversed(ent[1:-1]) if t.lower_ == "of"), None)
    if of is not None and min(taken) > of and not {t.lower_ for t in ent[: of - ent.start]}.isdisjoint(_MOVEMENT_WORDS):
        return True
    return (
        taken <= adjectives
        and (len(ent) - len(taken) >= 2 or _business_named(ent, businesses))
        and (ent[-1].i not in taken)
    )


def _portfolio_before_name(ent: SpacySpan) -> bool:
    """Is an organisation entity the portfolio between a capitalised office title's "of" and the holder's name
    ("Secretary of Health and Human Services Alex Azar"; not "the general secretary of the RMT union")?"""
    doc = ent.doc
    if ent.start < 2 or ent.end >= len(doc) or doc[ent.start - 1].lower_ != "of":
        return False
    title = doc[ent.start - 2]
    return title.is_title and title.lower_ in _OFFICE_TITLES and doc[ent.end].ent_type_ == "PERSON"


def _business_named(ent: SpacySpan, businesses: frozenset[str]) -> bool:
    """Does an organisation's name end in a business's noun, capitalised ("Turkish Airlines")?"""
    last = ent[-1]
    return last.text[:1].isupper() and not {last.lemma_.lower(), last.lower_.removesuffix("s")}.isdisjoint(businesses)


def _name_part(ent: SpacySpan) -> SpacySpan | None:
    """The name in an organisation entity: from its first proper noun, past a leading "Kurdish-led", without a
    trailing possessive."""
    tokens = list(ent)
    if _one_word_organisation(tokens):
        return ent  # a one-word name the tagger calls an adjective: "Labour leader Keir Starmer"
    while len(tokens) > 2 and tokens[1].text == "-" and tokens[2].is_lower:
        del tokens[:3]
    while tokens and not _name_word(tokens[0]):
        tokens.pop(0)
    while tokens and tokens[-1].text in ("'s", "’s", "'"):
        tokens.pop()
    if not tokens or not any(ch.isupper() for ch in tokens[0].text) or len("".join(t.text for t in tokens)) < 2:
        return None
    return ent.doc[tokens[0].i : tokens[-1].i + 1]


def _one_word_organisation(tokens: list[Token]) -> bool:
    """Is a one-word organisation entity a name ("Labour"), not a state's qualifier alone ("State prosecutors",
    "the Presidential Spokesperson")?"""
    if len(tokens) != 1 or tokens[0].ent_type_ != "ORG":
        return False
    return tokens[0].is_title and tokens[0].is_alpha and tokens[0].lower_ not in STATE_QUALIFIERS


def _party_word_of_named_title(doc: Doc, index: int, title_end: int) -> bool:
    """Is the one proper noun at `index`, inside a sentence, the word of the party a title holder acts for: right
    before a title that a person's name or a bracket follows ("Labour MP (Member of Parliament) Tom Watson")?"""
    word = doc[index]
    if word.is_sent_start or word.pos_ != "PROPN" or not (word.is_title and word.is_alpha):
        return False
    after = doc[title_end] if title_end < len(doc) else None
    return after is not None and (after.ent_type_ == "PERSON" or after.text == "(")


def _spelt_out(doc: Doc, covered: set[int], acronyms: set[str]) -> list[str]:
    """Names the article writes in full whose initials are one of its acronyms, whatever the NER made of them:
    "ABHM" and "Akhil Bharat Hindu Mahasabha", read as two people's names."""
    spelt = set()
    for acronym in acronyms:
        for token in doc:
            if token.text[:1] == acronym[0] and token.is_title and token.i not in covered:
                name = _initialled(doc[token.i :], acronym)
                if name is not None and not any(t.i in covered for t in name):
                    spelt.add(name.text)
    return sorted(spelt, key=lambda n: -len(n))


def _initialled(words: SpacySpan, acronym: str) -> SpacySpan | None:
    """The title-case words from the start of `words` whose initials spell `acronym` (small words between them
    skipped: "Recording Industry Association of America"), or None."""
    letters = 0
    for token in words:
        if letters == len(acronym):
            return None if token.is_title and token.is_alpha else words[: token.i - words.start]
        if token.lower_ in _SMALL_WORDS and letters:
            continue
        if not (token.is_title and token.is_alpha) or token.text[0] != acronym[letters]:
            return None
        letters += 1
    return words if letters == len(acronym) else None


def _canonical(doc: Doc, name: str, full_names: list[str], names: list[tuple[int, int, str]]) -> str:
    """The fullest name `name` stands for in the article: a longer name it is the acronym of, or that only adds
    words of a company's kind to it ("Ford" → "Ford Motor Company", "Salling" → "Salling Group")."""
    for full in full_names:
        if full == name or len(full) <= len(name):
            continue
        if name.isupper() and (_initials(full) == name.replace("-", "") or _defined(doc, full, name, names)):
            return full
        added = full[len(name) :].split() if full.startswith(name + " ") else []
        if added and _kind_words_only(added):
            return full
    return name


# words a company's full name adds to the short name news uses for it
_COMPANY_WORDS = {"group", "company", "motor", "motors", "holding", "holdings", "airlines", "airways", "industries"}


# the last words of the names of laws and documents, which the NER often takes for organisations
_DOCUMENT_WORDS = {
    "act", "code", "law", "treaty", "convention", "accord", "agreement", "bill", "constitution", "charter",
}  # fmt: skip


# a company's legal form after its name: "ABS-CBN Corporation" is the ABS-CBN the article also names
_LEGAL_FORMS = {
    "corporation", "corp.", "inc.", "inc", "ltd", "ltd.", "limited", "plc", "llc", "co.", "ag", "s.a.", "a/s",
}  # fmt: skip


def _without_common_nouns(name: str) -> str:
    """The name without the lower-case nouns the NER took into it after an acronym ("RMT union" → "RMT")."""
    words = name.split()
    while len(words) > 1 and words[-1].islower() and words[0].isupper():
        words.pop()
    return " ".join(words)


def _without_legal_form(name: str) -> str:
    """The name without a legal form at its end ("ABS-CBN Corporation" → "ABS-CBN")."""
    words = name.split()
    if len(words) > 1 and words[-1].lower().rstrip(",") in _LEGAL_FORMS:
        return " ".join(words[:-1]).rstrip(",")
    return name


def _short_names_again(doc: Doc, text: BodyText, short_names: dict[str, Mention], covered: set[int]) -> list[Mention]:
    """A body's one-word short name written again where the NER sees no entity ("Phivolcs said …")."""
    again = []
    for token in doc:
        first = short_names.get(token.text)
        if first is not None and first.actor is not None and token.i not in covered:
            why = f"{token.text!r}, the short name of {first.actor!r} the article gave it"
            again.append(_body_of(doc, token.i, token.i + 1, text, first, why, actor=first.actor))
    return again


def _names_again(
    doc: Doc, names: list[tuple[int, int, str]], covered: set[int], generic_words: set[str]
) -> list[tuple[int, int, str]]:
    """An organisation's one-word name wherever the article writes it as a name and the NER sees no entity:
    an acronym given in brackets after its name ("the Potato Growers Association (PGA)"), or a name tagged once
    ("RIAA", "a Brandtmart spokesperson", "the TWU union"); never a word of the agent nouns ("House", "Senate")."""
    # "Salling" after "Salling Group": a company's name without the words of its kind
    shortened = [_company_short_name(name) or _without_common_nouns(name) for _, _, name in names]
    words = {name for name in shortened if name.isalpha() and name[:1].isupper() and name.lower() not in generic_words}
    for _start, end, _name in names:
        short = _bracketed_short_name(doc, end)
        words |= {short} if short is not None and short.isupper() else set()
    named = covered | {i for start, end, _ in names for i in range(start, end)}
    return [
        (t.i, t.i + 1, t.text)
        for t in doc
        if t.text in words and len(t) > 1 and t.i not in named and (t.is_upper or t.pos_ == "PROPN")
    ]


def _company_short_name(name: str) -> str | None:
    """The one word a company's name adds only words of its kind or legal form to ("Salling Group" → "Salling")."""
    first, *added = name.split()
    return first if added and _kind_words_only(added) else None


def _kind_words_only(words: list[str]) -> bool:
    """Are all these words of a company's kind or legal form ("Motor Company", "Group A/S")?"""
    return all(word.lower().rstrip(".,") in _COMPANY_WORDS | _LEGAL_FORMS for word in words)


def _bracketed_short_name(doc: Doc, end: int) -> str | None:
    """The one capitalised word in brackets at token `end`, if any: "(USCG)", "(Phivolcs)"."""
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        word = doc[end + 1]
        return word.text if word.is_alpha and word.text[:1].isupper() and len(word) > 1 else None
    return None


def _bracketed_after(span: SpacySpan, mentions: list[Mention]) -> Mention | None:
    """The body whose short name `span` is, in brackets right after its name: "the Philippine Institute of
    Volcanology and Seismology (Phivolcs)"."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "(" or span.end >= len(doc) or doc[span.end].text != ")":
        return None
    return next((m for m in mentions if m.end == span.start - 1 and m.actor and m.actor_kind == "body"), None)


def _expansion_in_brackets(doc: Doc, end: int, acronym: str) -> str | None:
    """The full name in brackets right after an acronym's name ending at token `end`, whose initials hold the
    acronym's letters in order: "RMT union (National Union of Rail, Maritime and Transport Workers)"."""
    if not acronym.isupper() or end >= len(doc) or doc[end].text != "(":
        return None
    closing = next((t.i for t in doc[end + 1 : end + 16] if t.text == ")"), None)
    inside = doc[end + 1 : closing] if closing is not None else None
    if inside is None or not all(t.is_title or t.lower_ in _SMALL_WORDS or t.text == "," for t in inside):
        return None
    initials = iter(_initials(inside.text.replace(",", " ")))
    spelt = all(letter in initials for letter in acronym.replace("-", ""))  # each letter found after the last
    return inside.text if spelt and sum(t.is_title for t in inside) > 1 and inside[0].is_title else None


def _initials(name: str) -> str:
    words = name.replace("-", " ").split()
    return "".join(word[0] for word in words if word.lower() not in _SMALL_WORDS and word[0].isalpha()).upper()


def _defined(doc: Doc, full: str, acronym: str, names: list[tuple[int, int, str]]) -> bool:
    """Does the article define the acronym in brackets right after the full name: "… Forces (SDF)"?"""
    for _start, end, name in names:
        if name == full and end + 2 < len(doc) and doc[end].text == "(" and doc[end + 1].text == acronym:
            return True
    return False


def _slug(name: str) -> str:
    return re.sub(r"[\W_]+", "-", name.casefold()).strip("-") or "party"
