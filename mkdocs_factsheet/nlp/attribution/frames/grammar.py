"""Reading the dependency parse around a cue: its speaker, addressee, negation and complements."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ....rules.schema import Cue
from ...lexicon import SPEECH_ADVERBS, CueMatch, Lexicon
from .index import DocIndex

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
RELATIVE = {"who", "which", "that", "whom"}
# Common nouns for people and bodies: as an object they are addressed ("told reporters"), not said.
PEOPLE_NOUNS = {
    "official",
    "leader",
    "government",
    "people",
    "country",
    "minister",
    "president",
    "reporter",
    "journalist",
    "correspondent",
    "interviewer",
    "member",
    "lawmaker",
    "ally",
    "partner",
    "authority",
    "nation",
    "state",
    "party",
    "side",
    "community",
    "public",
    "supporter",
    "voter",
    "audience",
    "crowd",
    "counterpart",
    "colleague",
    "administration",
    "regime",
    "congress",
    "council",
    # an audience addressed: "urging viewers, “…”"
    "viewer",
    "listener",
    "reader",
    "follower",
    "fan",
    "citizen",
    "resident",
    "student",
    "worker",
    "delegate",
    "protester",
    "soldier",
    "troop",
}


# Verbs that make a cue noun their speaker's act ("issued a statement that …").
LIGHT_VERBS = {
    "issue",
    "make",
    "give",
    "release",
    "express",
    "voice",
    "signal",
    "reiterate",
    "publish",
    "deliver",
    "send",
    "post",
    "offer",
    "repeat",
    "renew",
    "maintain",
    "hold",
    "take",
}

# prepositions the tagger can take for a name opening a sentence ("Amongst reported incidents were …")
PREPOSITIONS = frozenset({"among", "amongst", "amid", "amidst", "despite", "upon", "towards", "toward", "throughout"})


def subject(index: DocIndex, verb: Token, depth: int = 0) -> Token | None:
    """The speaker of a cue verb: its subject, the agent of a passive, or the subject it shares."""
    children = list(verb.children)
    subjects = [c for c in children if c.dep_ == "nsubj" and c.lower_ != "there" and c.lower_ not in PREPOSITIONS]
    if not subjects:  # "Russia has, in a statement, said …": the parse hangs the subject on the auxiliary
        subjects = [g for c in _auxiliaries_before(verb) for g in c.children if g.dep_ == "nsubj"]
    if len(subjects) > 1:  # "X, the successor should Y remain unconfirmed, has expressed …": Y opens a condition
        subjects = [c for c in subjects if not _inverted_condition(c)] or subjects
    if subjects:
        outside = [c for c in subjects if c.i not in index.quote_tokens] or subjects
        found = min(outside, key=lambda c: abs(c.i - verb.i))
        if _after_according(found):  # "According to ISNA, the prosecutor, Ali Mehr, said": Mehr speaks
            named = _apposition_before(verb)
            return named if named is not None and named in found.subtree else found
        return found
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
    if passive and depth == 0:
        return _agent(children)
    inverted = inverted_speaker(verb)
    if inverted is not None and depth == 0:
        return inverted
    if verb.dep_ == "ROOT" and not passive:
        aside = next((c for c in children if asked_aside(c)), None)  # "Fitzwater, asked if …, said"
        if aside is not None:
            return next(c for c in aside.children if c.dep_ == "nsubj")
        return _apposition_before(verb)
    if passive:
        return next((c for c in children if c.dep_ == "nsubjpass"), None)
    if depth > 3:
        return None
    head = verb.head
    if head.i == verb.i:
        return None
    return _shared_subject(index, verb, head, depth)


def _auxiliaries_before(verb: Token) -> list[Token]:
    """The auxiliaries of `verb` before it ("has", "had", "will"), not a verb the parse took for one."""
    return [
        c
        for c in verb.children
        if c.dep_ == "aux" and c.i < verb.i and (c.tag_ == "MD" or c.lemma_ in ("have", "be", "do"))
    ]


def _inverted_condition(subject: Token) -> bool:
    """Is `subject` that of a condition with its auxiliary put first ("should Y remain", "had Y known")?"""
    before = subject.left_edge.i - 1
    return before >= 0 and subject.doc[before].dep_ == "aux" and subject.doc[before].head.i == subject.head.i


def inverted_speaker(verb: Token) -> Token | None:
    """The speaker after a cue set off by commas after the clause it reports, which the parse took for its object
    ("The bomb was placed in a market, stated Minister of Information Moammar al-Eryani, and …")."""
    doc = verb.doc
    if verb.dep_ not in ("conj", "parataxis") or verb.head.i > verb.i or doc[verb.i - 1].text != ",":
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "PROPN" or obj.left_edge.i != verb.i + 1 or obj.right_edge.i + 1 >= len(doc):
        return None
    after = doc[obj.right_edge.i + 1]
    if after.text not in (",", ".") or after.sent.start != verb.sent.start:
        return None
    # the person a title names ("Minister of Information Moammar al-Eryani"), else the name itself
    people = [t for t in obj.subtree if t.ent_type_ == "PERSON" and t.head.ent_type_ != "PERSON"]
    return people[-1] if people else obj


def _after_according(token: Token) -> bool:
    """Is the phrase of `token` right after "according to" (parsed as the subject of what follows)?"""
    start = token.left_edge.i
    doc = token.doc
    return start >= 2 and doc[start - 1].lower_ == "to" and doc[start - 2].lower_ == "according"


def _apposition_before(verb: Token) -> Token | None:
    """The subject the parser hung on an earlier phrase: "Speaking to Agence France-Presse, the league's
    president, Jamel Msallem, said …" (Msallem parsed as an apposition of the agency): the name that ends,
    with a comma, right before the cue; or a person's or organisation's name right before it that opens after a
    comma ("In Carson City, Nevada, Senator Dana Whitfield said …", the name hung on the place)."""
    doc = verb.doc
    if verb.i < 3:
        return None
    comma = doc[verb.i - 1].text == ","
    name = doc[verb.i - 2] if comma else doc[verb.i - 1]
    if name.dep_ != "appos" or name.pos_ not in ("PROPN", "NOUN") or name.head.i >= name.i:
        return None
    if not comma:
        opening = name.left_edge.i
        if name.ent_type_ not in ("PERSON", "ORG") or opening == 0 or doc[opening - 1].text != ",":
            return None
    return name


def asked_aside(verb: Token) -> bool:
    """Is `verb` "asked" set off by commas after the subject of a cue after it, which the parse made its own
    subject ("Fitzwater, asked if progress could be made, said …": the question put to him)?"""
    if verb.lemma_.lower() != "ask" or verb.dep_ != "advcl" or verb.head.i < verb.i:
        return False
    doc = verb.doc
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # the comma may be the subject's own in the parse
    return subject is not None and subject.right_edge.i in (verb.i - 2, verb.i - 1) and doc[verb.i - 1].text == ","


def quoted_as_saying(verb: Token) -> Token | None:
    """The person a cue "quoted … as saying" names as its object ("the radio quoted him as saying"), or None."""
    if verb.lemma_.lower() not in ("quote", "cite"):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    as_saying = any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
        for c in verb.children
    )
    return obj if obj is not None and as_saying else None


def _agent(children: list[Token]) -> Token | None:
    """The agent of a passive cue ("was told by X"): the object of its first `by`."""
    for child in children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _shared_subject(index: DocIndex, verb: Token, head: Token, depth: int) -> Token | None:
    """The speaker of a cue verb without a subject of its own, from the word it hangs under."""
    if verb.dep_ in ("xcomp", "pcomp") and asks_or_promises(index, head if verb.dep_ == "xcomp" else head.head):
        return None  # "asked X to say", "pressed China to join … in condemning": part of what was asked
    if verb.dep_ == "xcomp":
        obj = next((c for c in head.children if c.dep_ in ("dobj",)), None)
        if obj is None and head.lemma_ == "be":
            return None  # "it's safe to say …"
        return obj if obj is not None else subject(index, head, depth + 1)
    if verb.dep_ in ("conj", "advcl"):
        while head.i in index.quote_tokens and verb.i not in index.quote_tokens and head.head.i != head.i:
            head = head.head  # 'said "the outbreak … constitutes …" and said …': the cue before the quotation's
        if verb.tag_ == "VBN" and verb.dep_ == "advcl":
            return None  # "Asked about it, Trump said": the subject was asked, not asking
        reporter = _reporting_verb(index, verb, head)
        if reporter is not None:  # "X said the 36 must face charges, adding …": X adds, not the 36
            return subject(index, reporter, depth + 1)
        agent = _agent(list(head.children)) if verb.tag_ == "VBG" and head.i in index.cues else None
        if agent is not None:  # "The plan was criticised by the minister, saying …": the minister says
            return agent
        if verb.dep_ == "conj":
            split_off = _subject_taken_into_object(verb, head)
            if split_off is not None:  # "X has issued a warning and other forecasters predicted …"
                return split_off
            while head.dep_ in ("advcl", "xcomp") and is_finite(verb) and not is_finite(head) and head.head.i != head.i:
                head = head.head  # "he has arranged for troops to be deployed and has requested …": he requests
        if head.pos_ in ("VERB", "AUX"):
            return subject(index, head, depth + 1)
        return None
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ == "as":
        quoted = next((c for c in head.head.children if c.dep_ == "dobj" and c.i < head.i), None)
        if quoted is not None:
            return quoted  # "Reuters quoted X as saying …", "cited the Air Force as stating …": X speaks
        return subject(index, head.head, depth + 1)  # "X was quoted … as telling"
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.pos_ == "ADP" and head.head.pos_ in ("VERB", "AUX"):
        return subject(index, head.head, depth + 1)  # "X deflected questions before saying …"
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        noun = head.lemma_.lower()
        # "explained the decision to ban them saying …": who explained, when the object is what a cue speaks about
        about = head.dep_ == "dobj" and head.head.i in index.cues and not head.ent_type_
        if about and noun not in index.lexicon.said_nouns and noun not in PEOPLE_NOUNS:
            return subject(index, head.head, depth + 1)
        return head  # "a statement saying …", "the official, speaking on condition …"
    return None


def _subject_taken_into_object(verb: Token, head: Token) -> Token | None:
    """The subject of a finite conjunct verb that the parse joined to the object of the verb before it ("has issued
    a warning and [other forecasters] predicted …"): a noun conjunct ending right before the verb."""
    first = verb.left_edge
    before = verb.doc[first.i - 1] if first.i > 0 else None
    if before is None or not is_finite(verb) or before.dep_ != "conj" or before.pos_ not in ("NOUN", "PROPN"):
        return None
    if before.head.dep_ not in ("dobj", "pobj") or not head.is_ancestor(before):
        return None
    return before if any(c.dep_ == "cc" for c in before.head.children) else None


# subjects of a reported clause that say nothing themselves: "this was unconfirmed", "there was no ransom"
MUTE_SUBJECTS = frozenset({"this", "that", "there"})


def _reporting_verb(index: DocIndex, verb: Token, head: Token) -> Token | None:
    """The speech cue whose reported clause a participle after a comma hangs in ("said the 36 must face …,
    adding …"), or a conjunct whose clause's subject cannot speak ("told it this was unconfirmed and noted …"):
    a cue of speech itself, it goes on from that cue, not from the clause."""
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == ","
    mute = verb.dep_ == "conj" and any(c.dep_ in SUBJECTS and c.lower_ in MUTE_SUBJECTS for c in head.children)
    if not (participle or mute):
        return None
    if (match := index.cues.get(verb.i)) is None or match.cue.kind != "speech":
        return None
    clause = head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.i >= clause.i:
        return None
    outer = index.cues.get(clause.head.i)
    return clause.head if outer is not None and outer.cue.kind == "speech" else None


def asks_or_promises(index: DocIndex, verb: Token) -> bool:
    """Is `verb` a cue that asks, wants or promises (what hangs under it was not said), or itself under one?"""
    for token in (verb, verb.head if verb.dep_ == "xcomp" else None):
        if token is None:
            continue
        match = index.cues.get(token.i)
        if match is not None and (match.cue.kind == "intention" or match.cue.stance is not None):
            return True
    return verb.dep_ == "xcomp" and verb.head.i in index.cues


# what a court dismisses or rejects as an act of its own ("dismissed the lawsuit")
LEGAL_FILINGS = frozenset({"lawsuit", "suit", "motion", "petition", "indictment", "complaint", "appeal", "case"})


def communicated(index: DocIndex, verb: Token, obj: Token | None, cue: Cue, deed: Token | None = None) -> bool:
    """Does a deed cue ("denied", "approved", "declared") report a speech act rather than a deed: a message
    as its object, a characterisation ("rejected the claim as groundless", "declared it a pandemic"), a
    quotation in its clause, a speech setting ("in a statement"), a speech adverb ("flatly") or a speech
    verb beside it ("rejected the bill, saying …")? `deed`: the complement naming the deed itself ("refused [to
    hand over] the documents"), which is no characterisation."""
    lexicon = index.lexicon
    # "dismissed the lawsuit", "rejected the appeal": a court's act on a filing, no message of its own
    filing = obj is not None and cue.stance == "reject" and obj.lemma_.lower() in LEGAL_FILINGS
    if obj is not None and obj.lemma_.lower() in lexicon.said_nouns and not filing:
        return True
    if obj is not None and any(c.dep_ == "acl" and c.lemma_ == "be" and is_infinitive(c) for c in obj.children):
        return True  # "declared the outbreak … to be a pandemic" (parsed as a clause of the object)
    for child in verb.children:
        if child.dep_ in ("oprd", "xcomp") and child != deed:
            return True
        if child.dep_ == "advmod" and child.lower_ in SPEECH_ADVERBS:
            return True
        if child.dep_ == "ccomp" and reports_clause(verb, child, cue):
            return True
        if child.dep_ == "prep" and child.lower_ == "as":
            return True
        if child.dep_ == "prep" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in lexicon.speech_settings for g in child.children
        ):
            return True
    if any(t.i in index.quote_tokens for t in verb.subtree):
        return True
    beside = [c for c in verb.children if c.dep_ in ("conj", "advcl")]
    if verb.dep_ == "conj":
        beside.append(verb.head)
    return any(lexicon.speaks(index.cues.get(t.i)) for t in beside)


# words opening a clause set against the one before ("…, while Pindar called it “unexpected”"): a cue in it is
# another attribution, neither of a quotation before it nor part of what a cue before it reports (unlike "“…,” as
# the minister put it")
CONTRASTING = frozenset({"while", "whereas", "but", "although", "though", "yet"})


def contrasting_clause(token: Token) -> bool:
    """Does the clause of verb `token` open with a contrasting word after a comma, with a subject of its own?"""
    first = token.left_edge
    after_comma = first.i > 0 and first.nbor(-1).text == ","
    own_subject = any(c.dep_ in SUBJECTS for c in token.children)
    return first.lower_ in CONTRASTING and after_comma and own_subject and first.i < token.i


def relative_after_comma(clause: Token) -> bool:
    """A relative clause the parser hung on the cue as its complement ("Kalesnikava spoke, who headed the
    campaign"; "Unrest continued in Portland, where a supporter was shot"): it opens with a relative pronoun, or a
    "where" of its own verb's, right after a comma, which a reported question never does, after the cue (in "…,
    which he said would …" the cue is inside the relative clause)."""
    first = clause.left_edge
    if first.i == 0 or first.nbor(-1).text != "," or first.i < clause.head.i:
        return False
    own_where = first.lower_ == "where" and first.head in (clause, *clause.conjuncts)
    return first.lower_ in ("who", "which", "whom", "whose") or own_where


# subjects that deny the act of whoever might be the speaker ("nobody said", "none of them claimed") or name no one
# in particular ("anyone who says …")
NOBODY = frozenset({"nobody", "none", "noone", "no-one", "anyone", "anybody"})


# what someone is said to be suspected or accused of doing is no position of theirs: an allegation about them
ALLEGATIONS = frozenset({"suspect", "accuse", "allege", "charge", "convict", "blame"})


def alleged(token: Token) -> bool:
    """Is a cue's gerund what its subject is suspected or accused of ("suspected of asking for prorogation",
    "charged with inciting violence")?"""
    if token.tag_ != "VBG" or token.dep_ != "pcomp":
        return False
    preposition = token.head
    return preposition.lower_ in ("of", "with") and preposition.head.lemma_.lower() in ALLEGATIONS


def is_negated(token: Token) -> bool:
    """Does the cue carry a negation ("did not say"), have a negated or non-specific subject ("no one said", "not
    everyone agreed", "any group that endorsed"), or share the negation of the verb it is an alternative to ("did
    not concede or admit defeat")?"""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if any(g.dep_ == "neg" for c in _auxiliaries_before(token) for g in c.children):
        return True  # "had not, as of yesterday, announced …": the parse hangs the negation on the auxiliary
    for subject in (c for c in token.children if c.dep_ == "nsubj"):
        if subject.lower_ in RELATIVE and token.dep_ == "relcl":
            subject = token.head  # "anyone who says …": the relative pronoun's antecedent
        if subject.lower_ in NOBODY or any(
            c.dep_ == "neg" or c.dep_ == "det" and c.lower_ in ("no", "any") for c in subject.children
        ):
            return True
    if token.dep_ != "conj" or token.head.pos_ not in ("VERB", "AUX") or token.head.i > token.i:
        return False
    joining = [c for c in token.head.children if c.dep_ == "cc" and c.i < token.i]  # the nearest is this one's
    alternative = bool(joining) and joining[-1].lower_ in ("or", "nor")
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in token.children)
    return alternative and not own_subject and any(c.dep_ == "neg" for c in token.head.children)


# words opening a clause of purpose, cause or time, which the parse may hang on a cue as its complement
_ADVERBIAL_MARKS = frozenset({"so", "because", "since", "although", "though", "unless", "until", "before", "after"})


def reports_clause(verb: Token, clause: Token, cue: Cue) -> bool:
    """Is a clause complement what a cue verb reports? One after it is; one before it only as an inverted "…, Name
    said": not where a colon ends it ("Singapore and India have searched the sea: all three nations offered …"),
    where "that" opens it ("an official said that …, Cyprus Mail reported": the official's), nor where the cue has
    an object after it that is no addressee ("Coles ordered bigger packages, Woolworths ordered extra stock"), as
    no inverted "…, Name said" has ("…, he told reporters")."""
    if any(c.dep_ == "mark" and c.lower_ in _ADVERBIAL_MARKS for c in clause.children):
        return False  # "declared it last Friday so he could fund a wall": why, not what
    if clause.i > verb.i:
        return True
    following = clause.right_edge.nbor(1) if clause.right_edge.i + 1 < len(clause.doc) else None
    return (
        not has_own_object(verb, cue)
        and (following is None or following.text not in (":", ";"))
        and clause.left_edge.lower_ != "that"
    )


def subject_split_off(obj: Token, clause: Token) -> bool:
    """Is a cue's object right before a clause complement with no subject of its own that clause's subject, which
    the parse split off ("have indicated [Hickenlooper] [was encouraged to drop out]")?"""
    if obj.pos_ not in ("PROPN", "NOUN"):
        return False
    # "announced [the cockpit voice recorder] [from Lion Air Flight 610] [has been recovered]": a phrase of the
    # subject's the parse hung on the cue may stand between them, not a date
    between = set(range(obj.right_edge.i + 1, clause.left_edge.i))
    phrases = [c for c in obj.head.children if c.dep_ == "prep" and c.i in between]
    if between != {t.i for c in phrases for t in c.subtree} or any(
        t.ent_type_ in ("DATE", "TIME") for c in phrases for t in c.subtree
    ):
        return False
    return not any(c.dep_ in SUBJECTS or c.dep_ == "mark" for c in clause.children)


def has_own_object(verb: Token, cue: Cue) -> bool:
    """Does a cue verb have a direct object after it that is not whom it addresses ("ordered extra stock", not
    "told reporters")? Such a cue reports its object, not a clause or a quotation before it."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    return bool(objects) and not Lexicon.object_is_addressee(cue)


def is_finite(token: Token) -> bool:
    """Is the verb a finite one ("reported", "reports", "has reported"), not an infinitive or a participle alone?"""
    if token.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return token.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)


def is_infinitive(token: Token) -> bool:
    """Is the token a bare or to-infinitive verb?"""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    return token.tag_ == "VB" or any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def addressee_of(verb: Token, content: tuple[int, int] | None) -> Token | None:
    """Whom a cue verb addresses: its indirect or direct object, or the object of `to`/`on`, outside the content."""
    for child in verb.children:
        if child.dep_ in ("dative", "iobj", "dobj") and child.pos_ in ("PROPN", "PRON", "NOUN"):
            if content is None or not (content[0] <= child.idx < content[1]):
                return child
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("to", "on", "upon"):
            obj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if obj is not None and (content is None or not (content[0] <= obj.idx < content[1])):
                return obj
    return None


def names_someone(token: Token) -> bool:
    """Does an object name a person, body or country (an addressee) rather than a message?"""
    if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if token.pos_ in ("PRON", "PROPN"):
        return token.lower_ not in ("it", "this", "that", "what", "everything", "nothing", "something")
    return token.lemma_.lower() in PEOPLE_NOUNS


def according_source(index: DocIndex, match: CueMatch) -> Token | None:
    """The X of "according to X": the object of `to`, or the noun phrase right after the cue."""
    doc = index.doc
    to = doc[match.end - 1]
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is not None:
        # "According to Connecticut Senator Richard Blumenthal, …": the name the parse cut off after the object
        end = obj.right_edge.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].ent_type_ in ("PERSON", ""):
            end += 1
        closed = end == len(doc) or doc[end].text in (",", ".", ";") or doc[end].is_space
        if end > obj.right_edge.i + 1 and closed and doc[end - 1].ent_type_:
            return doc[end - 1]  # also at the sentence's end: "… according to assistant coach Ben Radmall."
    if obj is None and match.end < len(doc):
        following = doc[match.end]
        obj = following if following.pos_ in ("PROPN", "NOUN", "PRON") else None
        if obj is not None:
            while (
                obj.head.i != obj.i
                and obj.head.i >= match.end
                and obj.head.pos_ in ("PROPN", "NOUN")
                and obj.dep_ in ("compound", "amod", "det", "poss")
            ):
                obj = obj.head
    return obj


def relative_aside(doc: Doc, end: int) -> set[int]:
    """The writer's relative clause right after token `end`, set off by a comma or opened by the relative pronoun
    itself ("…, according to officials, some of whom were hospitalised"; "…, according to police, who did not name
    him"; "… according to CNN who reported that …"), as token indices; empty if none."""
    start = end + 1
    if start + 1 >= len(doc) or doc[start].sent.start != doc[end].sent.start:
        return set()
    if doc[start].text == ",":
        opening = doc[start + 1 : start + 4]
    elif doc[start].tag_ in ("WP", "WDT"):
        opening = doc[start : start + 1]
    else:
        return set()
    if not any(t.tag_ in ("WP", "WDT", "WP$") for t in opening):
        return set()
    first = opening[0].i
    sentence_end = doc[start].sent.end
    verbs = [t for t in doc[first:sentence_end] if t.pos_ in ("VERB", "AUX") and t.left_edge.i == first]
    if not verbs:
        return set()
    return set(range(start, max(v.right_edge.i for v in verbs) + 1))


def name_in_apposition(head: Token) -> SpacySpan | None:
    """A person's name between commas right after `head`'s phrase that the parse left out of it ("the El Paso
    mayor, Dee Margo, …"); None when anything else follows the comma."""
    doc = head.doc
    comma = head.right_edge.i + 1
    if comma + 2 >= len(doc) or doc[comma].text != "," or doc[comma + 1].ent_iob_ != "B":
        return None
    name = next((ent for ent in doc.ents if ent.start == comma + 1), None)
    if name is None or name.label_ != "PERSON" or name.end >= len(doc) or doc[name.end].text != ",":
        return None
    return name


def quote_root(span: SpacySpan) -> Token | None:
    """The word of a quotation that hangs outside it (the head of the quoted clause or phrase)."""
    roots = (t for t in span if not t.is_punct and (t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i))
    return next(roots, None)
