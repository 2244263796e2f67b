"""One label per name in an article: the small model tags the same name as a person in one sentence and an
organisation in the next ("Sviatlana Tsikhanouskaya", PERSON in the headline, ORG twice in the body), and
often leaves a first name out of the person ("Sadiq [Khan]"). Also how a name is read: without a courtesy title
("Dr"), and a first name alone as the one person it opens ("Hardeep" → "Hardeep Singh Puri")."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .text import DASHES

# ranks of a service, written before a name: "USCG Captain Monica Rochester" holds hers in the Coast Guard
RANKS = frozenset(
    {
        "captain", "capt.", "lieutenant", "lt.", "colonel", "col.", "general", "gen.", "sergeant", "sgt.", "admiral",
        "adm.", "commander", "cmdr.", "corporal", "cpl.", "sheriff",
    }
)  # fmt: skip
# courtesy titles, ranks and religious titles the model often takes into a person's name ("Dr Meerjady Sabrina
# Flora", "Captain Monica Rochester", "Cardinal Marc Ouellet"); not those that are also first names ("Major")
HONORIFICS = RANKS | {
    "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "prof", "prof.", "sir", "dame",
    "cardinal", "archbishop", "bishop", "rev.", "reverend", "rabbi", "imam",
}  # fmt: skip
# letters after a person's name, the NER often in it: a barrister's rank
_POST_NOMINALS = {"QC", "KC", "SC"}
# labels the model gives a person's name by mistake
_MISTAKEN_FOR_PERSON = {"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC"}


def settle_person_names(doc: Doc, title_words: frozenset[str], first_names: frozenset[str] = frozenset()) -> None:
    """Relabel as PERSON every entity of two or more words whose exact text the article tags PERSON elsewhere
    (a name is one person's throughout an article), a one-word organisation it tags PERSON as often, every
    one-word entity that is the surname of a person named in full before it, and two or three capitalised words
    right after a title or a rank; widen a person's name over the capitalised words the parse hangs on it
    ("Sadiq" of "Sadiq Khan"), titles (`title_words`, lower-case) left out; cut an entity that runs into a
    bracket there ("Seismology (Phivolcs"); relabel as PERSON an organisation of two or three capitalised
    words opening with one of the `first_names` (folded): "Irina Vukovic"; and cut from a name the place of a
    title before it ("Senator from [Vermont] Bernie Sanders") or a title the model read into it ("[Assemblywoman]
    Selena Torres"); join a name the model cut in two ("[Amy Berman] [Jackson]"). A doc is settled in place, each
    step on what the one before found, until nothing changes (at most `_SETTLING_ROUNDS` rounds), so settling it
    again changes nothing."""
    for _ in range(_SETTLING_ROUNDS):
        if not _settle_once(doc, title_words, first_names):
            return


# rounds of `settle_person_names`: a name relabelled in one round can make another a person's in the next
_SETTLING_ROUNDS = 4


def _settle_once(doc: Doc, title_words: frozenset[str], first_names: frozenset[str]) -> bool:
    """One round of `settle_person_names`; did it change the entities?"""
    people = {ent.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
    # a one-word name the model calls a person at least as often as an organisation ("Rosselló said", four times
    # each) is a person's
    labels = Counter((ent.text, ent.label_) for ent in doc.ents if len(ent) == 1)
    people |= {text for (text, label), times in labels.items() if label == "PERSON" and times >= labels[text, "ORG"]}
    surnames = named_in_full(doc)
    settled = []
    changed = False
    for ent in doc.ents:
        place_end = _place_before_name(ent, title_words, first_names)
        if place_end is not None:  # "Senator from [Vermont] [Bernie Sanders]", read as one name
            settled.append(Span(doc, ent.start, place_end, "GPE"))
            ent = Span(doc, place_end, ent.end, "PERSON")
            changed = True
        if _title_opens_name(ent, title_words, first_names):  # "[Assemblywoman Selena Torres]" as one organisation
            ent = Span(doc, ent.start + 1, ent.end, "PERSON")
            changed = True
        pair = _two_surnames(ent, surnames)
        if pair is not None:  # "[Biden and Sanders] announced", one organisation to the model: two people
            settled += pair
            changed = True
            continue
        start, widened = ent.start, 0
        if ent.label_ == "PERSON" and _title_before_name(ent, title_words):
            changed = True  # "[Kamloops RCMP Constable] [Gary Gray]": where and what the person is, no name
            continue
        if ent.label_ == "PERSON":
            while start > 0 and _first_name(doc[start - 1], ent, title_words):
                start -= 1
            while _last_name(doc, ent.end + widened, title_words):
                widened += 1
            if _title_inside(ent, title_words, surnames):
                start += 1  # "Broadcaster [Piers Morgan]", "Senator [Amsel]" after "Lea Amsel"
        mistaken = ent.label_ in _MISTAKEN_FOR_PERSON and (
            (ent.text in people and (len(ent) > 1 or ent.label_ == "ORG"))
            or (len(ent) == 1 and surnames.get(ent.text, len(doc)) <= ent.start)
            or _name_after_title(ent, title_words)
            or _surname_inside(ent, people)
            or _first_name_opens(ent, first_names)
            or _described_by_title(ent, title_words)
        )  # "Sudesh Amman … Amman, who …": the surname of a person named before, not Jordan's capital
        end = ent.end - _post_nominal(ent) + widened  # "Kama Melly QC", which the model reads as an organisation
        if start != ent.start or mistaken or end != ent.end:
            ent = Span(doc, start, end, "PERSON")
            changed = True
        bracket = next((t.i for t in ent[1:] if t.text == "("), None)
        if bracket is not None:  # "the … Seismology (Phivolcs": the name, then the short name in brackets
            end = ent.end - (doc[ent.end - 1].text == ")")
            settled.append(Span(doc, ent.start, bracket, ent.label_))
            if end > bracket + 1:
                settled.append(Span(doc, bracket + 1, end, ent.label_))
            changed = True
            continue
        if _continues_name(settled[-1] if settled else None, ent):  # "[Amy Berman] [Jackson]": one name
            settled[-1] = Span(doc, settled[-1].start, ent.end, "PERSON")
            changed = True
            continue
        settled.append(ent)
    held = {index for ent in settled for index in range(ent.start, ent.end)}
    # a run this round's widened names took is theirs ("Manager Aparna Garg" over "Divisional Railway")
    unnamed = [
        span
        for span in _names_outside_entities(doc, people, title_words, surnames, first_names)
        if held.isdisjoint(range(span.start, span.end))
    ]
    if changed or unnamed:
        doc.ents = sorted(settled + unnamed, key=lambda ent: ent.start)
    return changed or bool(unnamed)


def _continues_name(before: Span | None, ent: Span) -> bool:
    """Is a person's entity the rest of the person's name the entity right before it gives ("[Amy Berman]
    [Jackson]", which the model cut in two)?"""
    return (
        before is not None
        and before.label_ == "PERSON"
        and ent.label_ == "PERSON"
        and before.end == ent.start
        and before[-1].is_title
        and before[-1].whitespace_ == " "
        and all(token.is_title for token in ent)
    )


def _names_outside_entities(
    doc: Doc, people: set[str], title_words: frozenset[str], surnames: dict[str, int], first_names: frozenset[str]
) -> list[Span]:
    """Runs of capitalised words no entity covers, titles left out, that hold a name the article calls a
    person's: "Ricardo Rosselló Nevares" where the model saw no entity, after "Rosselló said"; or that are the
    surname of a person named in full before (`surnames`, `named_in_full`): "appointed Pierluisi as …"; or two or
    three words before a comma, opening with one of the `first_names` or before a title ("Alexis Boon, the head
    of …")."""
    found = []
    run: list[Token] = []
    for token in [*doc, None]:
        if (
            token is not None
            and token.ent_iob_ == "O"
            and token.is_title
            and token.is_alpha
            and token.pos_ == "PROPN"
            and token.lower_ not in title_words
            and token.lower_ not in HONORIFICS
        ):
            run.append(token)
            continue
        named_before = len(run) == 1 and surnames.get(run[0].text, len(doc)) <= run[0].i
        introduced = (
            2 <= len(run) <= 3
            and token is not None
            and token.text == ","
            and run[-1].lower_ not in _INSTITUTION_ENDINGS
            and (run[0].text.casefold() in first_names or _title_in_apposition(token, title_words))
        )
        if run and (named_before or introduced or _surname_inside(doc[run[0].i : run[-1].i + 1], people)):
            found.append(Span(doc, run[0].i, run[-1].i + 1, "PERSON"))
        run = []
    return found


def _title_in_apposition(comma: Token, title_words: frozenset[str]) -> bool:
    """Does a title open the phrase after a comma ("…, the head of the Counter Terrorism Command")?"""
    doc = comma.doc
    after = comma.i + 1 + (comma.i + 1 < len(doc) and doc[comma.i + 1].lower_ in ("the", "a", "an"))
    return after < len(doc) and doc[after].lower_ in title_words


def without_honorific(name: str) -> str:
    """A person's name without a leading courtesy title: "Dr Meerjady Sabrina Flora" → "Meerjady Sabrina Flora"."""
    words = name.split()
    while len(words) > 1 and words[0].lower() in HONORIFICS:
        words.pop(0)
    return " ".join(words)


def by_first_name(names: Iterable[str]) -> dict[str, str]:
    """First word → the one name of two or more words it opens; none for a first word that several names share
    or that ends one of them ("Hardeep Singh Puri … Hardeep also stated")."""
    full = {name for name in names if " " in name}
    opening: dict[str, set[str]] = {}
    for name in full:
        opening.setdefault(name.split()[0], set()).add(name)
    endings = {name.split()[-1] for name in full}
    return {first: next(iter(found)) for first, found in opening.items() if len(found) == 1 and first not in endings}


def named_in_full(doc: Doc) -> dict[str, int]:
    """Surname → the token after the first name the article gives in full with it ("Sudesh Amman"); the first
    of two surnames too ("Vázquez" of "Wanda Vázquez Garced")."""
    found: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            for surname in surnames_of(ent.text):
                found.setdefault(surname, ent.end)
    return found


def surnames_of(name: str) -> list[str]:
    """The words a person named in full may be called by alone: the last, and the first of two surnames
    ("Rosselló" of "Ricardo Rosselló Nevares")."""
    words = name.split()
    if len(words) < 2:
        return []
    middle = words[1] if len(words) == 3 and words[1][:1].isupper() and words[1].isalpha() else None
    return [words[-1], middle] if middle else [words[-1]]


def _two_surnames(ent: Span, surnames: dict[str, int]) -> list[Span] | None:
    """The two people of an entity "X and Y" whose sides are each the surname of a person named in full before it
    (`surnames`, `named_in_full`), or None."""
    if len(ent) != 3 or ent[1].lower_ != "and":
        return None
    if not all(surnames.get(ent[i].text, len(ent.doc)) <= ent.start for i in (0, 2)):
        return None
    return [Span(ent.doc, ent.start, ent.start + 1, "PERSON"), Span(ent.doc, ent.end - 1, ent.end, "PERSON")]


def _surname_inside(ent: Span, people: set[str]) -> bool:
    """Two or three capitalised words, an organisation to the NER or no entity, that hold after the first a
    one-word name the article calls a person's ("Ricardo Rosselló Nevares" after "Rosselló said"), not ending
    in a word of an institution's name."""
    return (
        2 <= len(ent) <= 3
        and ent.label_ in ("ORG", "")
        and all(t.is_title and t.is_alpha and t.pos_ == "PROPN" for t in ent)
        and any(t.text in people for t in ent[1:])
        and ent[0].lower_ not in _NOT_FIRST_NAMES
        and ent[-1].lower_ not in _INSTITUTION_ENDINGS
    )


# the last words of institutions named after a person or a word that is also a name: "the Walt Disney Company",
# "the Lyndon Johnson Library", "Southern Coal Corporation", "Florida Democratic Black Caucus"
_INSTITUTION_ENDINGS = {
    "foundation", "organization", "organisation", "company", "group", "institute", "center", "centre", "campaign",
    "library", "school", "university", "college", "hospital", "tower", "museum", "trust", "fund", "award", "prize",
    "corporation", "caucus", "committee", "council", "association", "party", "news", "times", "post", "day",
    "office", "agency", "ministry", "department", "bureau", "service", "commission", "authority", "board", "court",
    "administration",
}  # fmt: skip
# capitalised words before a name that are no first name: "a New Mitt Romney"
_NOT_FIRST_NAMES = {"new", "old", "young", "saint", "great", "little", "big"}


def _place_before_name(ent: Span, title_words: frozenset[str], first_names: frozenset[str]) -> int | None:
    """Where a person's name starts inside an entity that a title's place opens, read as one name by the model:
    "Senator from [Vermont Bernie Sanders]" (a first name of the rules after one or two words)."""
    doc = ent.doc
    if ent.label_ not in ("PERSON", "ORG") or ent.start < 2 or len(ent) < 3:
        return None
    if doc[ent.start - 1].lower_ not in ("from", "of") or doc[ent.start - 2].lower_ not in title_words:
        return None
    return next((t.i for t in ent[1:3] if t.text.casefold() in first_names and t.i <= ent.end - 2), None)


def _title_opens_name(ent: Span, title_words: frozenset[str], first_names: frozenset[str]) -> bool:
    """An organisation to the NER that is a title, then a first name of the rules and one or two more capitalised
    words, or two that end in no word of an institution's name: "Assemblywoman Selena Torres"."""
    if ent.label_ != "ORG" or not 3 <= len(ent) <= 4 or ent[0].lower_ not in title_words:
        return False
    if not all(t.is_title and t.is_alpha and t.pos_ == "PROPN" for t in ent[1:]):
        return False
    return ent[1].text.casefold() in first_names or (len(ent) == 3 and ent[-1].lower_ not in _INSTITUTION_ENDINGS)


def _first_name_opens(ent: Span, first_names: frozenset[str]) -> bool:
    """Two or three capitalised words, an organisation to the NER, opening with a first name of the rules and not
    ending in a word of an institution's name: "Irina Vukovic" (not "Thomas Cook Group")."""
    return (
        2 <= len(ent) <= 3
        and ent.label_ == "ORG"
        and ent[0].text.casefold() in first_names
        and all(t.is_title and t.is_alpha and t.pos_ == "PROPN" for t in ent)
        and ent[-1].lower_ not in _INSTITUTION_ENDINGS
    )


def _title_inside(ent: Span, title_words: frozenset[str], surnames: dict[str, int]) -> bool:
    """Does a person's name the model read open with a capitalised title, then two or more words of a name, or
    the surname of someone named in full before ("Broadcaster Piers Morgan"; "Senator Amsel" after "Lea
    Amsel")?"""
    first, rest = ent[0], ent[1:]
    if not (first.is_title and first.lower_.rstrip(".") in title_words) or first.lower_ in HONORIFICS:
        return False  # a courtesy title stays: `without_honorific` reads the name without it
    named = len(rest) >= 2 or (len(rest) == 1 and surnames.get(rest[0].text, len(ent.doc)) <= ent.start)
    return named and all(t.is_title and t.pos_ == "PROPN" for t in rest)


def _post_nominal(ent: Span) -> bool:
    """Does a name of two or more capitalised words end with letters after a person's name ("QC", "KC")?"""
    return (
        len(ent) >= 3
        and ent[-1].text in _POST_NOMINALS
        and (ent.label_ == "PERSON" or ent.label_ in _MISTAKEN_FOR_PERSON)
        and all(t.is_title and t.pos_ == "PROPN" for t in ent[:-1])
    )


def _title_before_name(ent: Span, title_words: frozenset[str]) -> bool:
    """Does a person's name the model read end with a title, right before another person's name ("Kamloops RCMP
    Constable" before "Gary Gray")?"""
    doc = ent.doc
    following = doc[ent.end] if ent.end < len(doc) else None
    return (
        ent[-1].lower_.rstrip(".") in title_words
        and following is not None
        and following.ent_iob_ == "B"
        and following.ent_type_ == "PERSON"
    )


def _name_after_title(ent: Span, title_words: frozenset[str]) -> bool:
    """Two or three capitalised words right after a title or a rank, none a title's: "MP [Tanya Davies]",
    "archbishop [Wojciech Polak]"."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return (
        before is not None
        and (before.lower_.rstrip(".") in title_words or before.lower_ in HONORIFICS)
        and 2 <= len(ent) <= 3
        and all(t.is_title and t.is_alpha and t.pos_ == "PROPN" and t.lower_ not in title_words for t in ent)
    )


def _in_portfolio(token: Token, title_words: frozenset[str]) -> bool:
    """Is a capitalised word part of the portfolio after a title's "of" ("Minister of Trade and Industry",
    "Secretary of Health, Welfare and Sport")?"""
    doc = token.doc
    index = token.i - 1
    while index > 0 and (doc[index].is_title or doc[index].lower_ in ("and", "&", ",")):
        index -= 1
    # a place's name after "of" is no portfolio joined to this word ("Mayor of London Sadiq Khan")
    joined = index == token.i - 1 or any(t.lower_ in ("and", "&") for t in doc[index + 1 : token.i])
    return joined and index > 0 and doc[index].lower_ == "of" and doc[index - 1].lower_ in title_words


def _last_name(doc: Doc, index: int, title_words: frozenset[str]) -> bool:
    """Is the word at `index`, right after a person's name, its last word, which the model left out: a capitalised
    word outside any entity that the name's last word is a compound of ("[Wanda Vázquez] Garced"), no title or
    institution ("Ted Kennedy Center")?"""
    if index >= len(doc) or index == 0:
        return False
    token, before = doc[index], doc[index - 1]
    return (
        token.ent_iob_ == "O"
        and token.pos_ == "PROPN"
        and token.is_alpha
        and token.is_title
        and before.dep_ == "compound"
        and before.head.i == index
        and before.whitespace_ == " "
        and token.lower_ not in title_words
        and token.lower_ not in HONORIFICS
        and token.lower_ not in _INSTITUTION_ENDINGS
    )


def _first_name(token: Token, ent: Span, title_words: frozenset[str]) -> bool:
    """A capitalised word outside any entity, hung on the name as part of it, that is no title nor a title's
    portfolio ("Minister of Information Moammar al-Eryani")."""
    if _in_portfolio(token, title_words):
        return False
    return (
        token.ent_iob_ == "O"
        and token.pos_ == "PROPN"
        and token.is_alpha
        and token.is_title
        and token.dep_ == "compound"
        and ent.start <= token.head.i < ent.end
        and token.lower_ not in title_words
    )


def settle_business_names(doc: Doc, business_words: frozenset[str]) -> None:
    """Label as an organisation every name the article calls a business by a noun right before it (`business_words`,
    lemmas: "retailer Tesco", "social media site Facebook", "store chains Woolworths and Coles", the names after
    "and" too), where the model took it for a person, a nationality, a place or a thing (`_BUSINESS_MISTAKEN`) or
    tagged nothing, and each other time the article writes that name so: a business speaks for itself."""
    spans = list(_business_names(doc, business_words))
    named = {span.text for span in spans}
    if not named:
        return
    settled: list[Span] = []
    changed = False
    for ent in doc.ents:
        if ent.text in named and ent.label_ in _BUSINESS_MISTAKEN:
            settled.append(Span(doc, ent.start, ent.end, "ORG"))
            changed = True
        else:
            settled.append(ent)
    held = {index for ent in settled for index in range(ent.start, ent.end)}
    for words in {tuple(token.text for token in span) for span in spans}:
        for token in doc[: len(doc) - len(words) + 1]:
            span = doc[token.i : token.i + len(words)]
            if tuple(t.text for t in span) == words and held.isdisjoint(range(span.start, span.end)):
                settled.append(Span(doc, span.start, span.end, "ORG"))  # "Marlowes said", a plural noun to the model
                held.update(range(span.start, span.end))
                changed = True
    if changed:
        doc.ents = sorted(settled, key=lambda ent: ent.start)


def settle_capitalised_names(doc: Doc, title_words: frozenset[str]) -> None:
    """Label as an organisation a one-word name in capitals the model took for a person's ("ALDI said", "IKEA"),
    unless it is a speaker's label ("PENCE: …") or a word of a person's fuller name in the article ("Mike Pence");
    and give an organisation's name the capitalised head the model left out of it ("[Disaster and Emergency
    Management] Presidency"), unless that word is a title (`title_words`: "Microsoft President Brad Smith"); and
    join a brand's initialism and the place of its edition ("CNN Philippines", which the model splits)."""
    people = {token.lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for token in ent}
    datelines = {s.start: dash for s in doc.sents if (dash := dateline_dash(doc, s.start)) is not None}
    settled: list[Span] = []
    for ent in doc.ents:
        if settled and ent.start < settled[-1].end:
            continue  # a place the name before took in: "[the Islamic State of Iraq and the Levant]"
        dash = datelines.get(ent.start)
        if dash is not None:  # "NAIROBI - Local officials said": the place the story was filed from, no name
            settled.append(Span(doc, ent.start, min(dash, ent.end), "GPE"))
            if ent.end <= dash + 2:
                continue  # "BRUSSELS - Officials": one word after it is capitalised as a sentence's first
            ent = Span(doc, dash + 1, ent.end, ent.label_)
        if settled and _edition_place(settled[-1], ent):
            settled[-1] = Span(doc, settled[-1].start, ent.end, "ORG")
            continue
        if _capitalised_name(ent) and ent.text.lower() not in people:
            ent = Span(doc, ent.start, ent.end, "ORG")
        end = ent.end
        while ent.label_ == "ORG" and _left_out_head(doc, end, title_words):
            end += 1
        if ent.label_ == "ORG":
            end = _past_coordinated_place(doc, _past_of_complement(doc, end))
        settled.append(Span(doc, ent.start, end, ent.label_) if end > ent.end else ent)
    if len(settled) != len(doc.ents) or any(
        (new.label_, new.end) != (old.label_, old.end) for new, old in zip(settled, doc.ents, strict=True)
    ):
        doc.ents = settled


def dateline_dash(doc: Doc, start: int) -> int | None:
    """The dash after the dateline that opens the sentence starting at `start` ("BRUSSELS — …", "WASHINGTON (AP)
    —"), if one does."""
    following = doc[start + 1 : min(start + 6, len(doc))]
    dash = next((t.i for t in following if all(ch in DASHES for ch in t.text)), None)
    if dash is None or not doc[dash - 1].whitespace_ or not doc[dash].whitespace_:
        return None  # "ABS-CBN said": a name's hyphen
    before = doc[start:dash]
    dateline = any(t.is_alpha for t in before) and all(t.is_upper or not t.is_alpha for t in before)
    return dash if dateline else None


# kinds of organisation whose name goes on with "of" and capitalised words: "the Progressive Party of Working People"
_NAMED_WITH_OF = frozenset({"party", "union", "league", "association", "movement", "federation", "alliance", "front"})


def _past_of_complement(doc: Doc, end: int) -> int:
    """The end of an organisation's name the model cut before "of" and the capitalised words no entity holds
    that go on with it ("[Progressive Party] of Working People"); `end` where there are none."""
    if end + 1 >= len(doc) or doc[end - 1].lower_ not in _NAMED_WITH_OF or doc[end].lower_ != "of":
        return end
    stop = end + 1
    while stop < len(doc) and stop - end <= 3 and doc[stop].ent_iob_ == "O" and doc[stop].is_title:
        stop += 1
    return stop if stop > end + 1 else end


def _past_coordinated_place(doc: Doc, end: int) -> int:
    """The end of an organisation's name whose "of" place goes on with "and" and another place, which the model
    tagged apart ("the Islamic State of Iraq and [the Levant]", "the Port Authority of New York and [New Jersey]");
    `end` where it does not: the parse joins that place to a word of the name."""
    of = next((t.i for t in doc[max(0, end - 4) : end] if t.lower_ == "of"), None)
    if of is None or end + 2 >= len(doc) or doc[end].lower_ != "and":
        return end
    start = end + 1 + (doc[end + 1].lower_ == "the")
    place = next((ent for ent in doc.ents if ent.start == start and ent.label_ in ("GPE", "LOC")), None)
    name = next((ent for ent in doc.ents if ent.start < end <= ent.end), None)
    if place is None or place.root.dep_ != "conj" or name is None or not name.start <= place.root.head.i < end:
        return end
    return place.end if all(t.pos_ == "PROPN" for t in doc[of + 1 : end]) else end


def _described_by_title(ent: Span, title_words: frozenset[str]) -> bool:
    """Is an organisation of two or three capitalised words described right after it by a title, which only a
    person holds ("[Jasim Uddin], a spokesperson for the fire service, told …")?"""
    doc = ent.doc
    if ent.label_ != "ORG" or not 2 <= len(ent) <= 3 or not all(t.pos_ == "PROPN" and t.is_title for t in ent):
        return False
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return False
    described = [c for c in ent.root.children if c.dep_ == "appos" and c.i > ent.end]
    return bool(described) and described[0].lower_ in title_words


def _edition_place(brand: Span, place: Span) -> bool:
    """Is `place` a country's name right after an organisation's initialism, the brand's edition for it
    ("CNN Philippines", "CNN Indonesia"), not a word both name ("NATO Russia talks")?"""
    word = brand[0]
    if brand.label_ != "ORG" or len(brand) != 1 or not (word.is_upper and word.is_alpha and 2 <= len(word) <= 5):
        return False
    if place.label_ != "GPE" or place.start != brand.end or not word.whitespace_:
        return False
    after = place.doc[place.end] if place.end < len(place.doc) else None
    return after is None or not (after.pos_ == "NOUN" and place[-1].head.i == after.i)


def _left_out_head(doc: Doc, index: int, title_words: frozenset[str]) -> bool:
    """Is token `index` a capitalised proper noun outside every entity that the word before it, the last of an
    organisation's name, hangs on as a compound?"""
    if index >= len(doc) or index == 0:
        return False
    token = doc[index]
    return (
        token.ent_iob_ == "O"
        and token.is_title
        and token.tag_ == "NNP"
        and token.lower_ not in title_words
        and doc[index - 1].head.i == index
        and doc[index - 1].dep_ == "compound"
    )


def _capitalised_name(ent: Span) -> bool:
    """A one-word person's name in capitals, not a speaker's label before a colon."""
    word = ent[0]
    label = ent.end < len(ent.doc) and ent.doc[ent.end].text == ":"
    return ent.label_ == "PERSON" and len(ent) == 1 and word.is_upper and word.is_alpha and len(word) > 2 and not label


# labels the model gives a business's name by mistake ("Coles", "ALDI": PERSON; "Woolworths": NORP; "news agency
# Fars": FAC)
_BUSINESS_MISTAKEN = {"PERSON", "NORP", "FAC", "GPE", "LOC", "PRODUCT", "WORK_OF_ART"}


def _business_names(doc: Doc, business_words: frozenset[str]) -> Iterable[Span]:
    """The names right after a business noun, and those joined to them by "and"."""
    names = {span.start: span for span in _capitalised_runs(doc)} | {ent.start: ent for ent in doc.ents}
    for token in doc[:-1]:
        if not (token.is_lower and token.pos_ == "NOUN" and token.lemma_.lower() in business_words):
            continue
        name = names.get(token.i + 1)
        while name is not None and (name.label_ in _BUSINESS_MISTAKEN or not name.label_) and _whole(name):
            yield name
            joined = name.end + 1 < len(doc) and doc[name.end].lower_ == "and"
            name = names.get(name.end + 1) if joined else None


_WORD_ENDS = (",", ".", ";", ":", "'s", "’s")  # what may follow a word with no space between


def _whole(span: Span) -> bool:
    """Does a name end where its word does, not inside a hyphenated one ("ABS" of "ABS-CBN")?"""
    doc = span.doc
    return span.end == len(doc) or bool(doc[span.end - 1].whitespace_) or doc[span.end].text in _WORD_ENDS


def _capitalised_runs(doc: Doc) -> list[Span]:
    """Runs of capitalised proper nouns outside every entity, a hyphen between two of them inside a word
    ("ABS-CBN")."""
    runs, run = [], []
    for token in [*doc, None]:
        if token is not None and token.ent_iob_ == "O" and token.pos_ == "PROPN" and token.text[:1].isupper():
            run.append(token)
            continue
        if token is not None and run and _joins_a_word(token):
            run.append(token)
            continue
        if run:
            runs.append(Span(doc, run[0].i, run[-1].i + 1))
        run = []
    return runs


def _joins_a_word(token: Token) -> bool:
    """Is the token a hyphen between two capitalised words with no space around it ("ABS-CBN")?"""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    return (
        token.text == "-"
        and before is not None
        and not before.whitespace_
        and not token.whitespace_
        and after is not None
        and after.text[:1].isupper()
    )
