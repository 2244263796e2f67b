"""Reported speech: every cue not taken by a direct quote, read off the dependency parse.

A cue verb takes as content the first that applies of: a phrase cue's object ("called for X"), its
that-clause, a to-infinitive (vowed to …, pressed China to …), the host clause of a parenthetical
(…, X said, …), the clause an `as X said` qualifies, an object where the cue takes one (condemned the
coup), or a prepositional object (warned of …). A cue noun takes its that-clause or infinitive
(his statement that …); `according to X` takes the rest of its sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Token

from ....rules.schema import Cue
from ...lexicon import CueMatch, Lexicon
from ..proxies import noun_before_comma
from . import grammar
from .frame import Findings, Frame
from .index import DocIndex

# Cues that do not frame the clause an `as` attaches them to ("as he continued", "as they talked").
NOT_AS_FRAME = {
    "continue",
    "recall",
    "call",
    "speak",
    "talk",
    "discuss",
    "ask",
    "answer",
    "respond",
    "reply",
    "post",
    "mention",
    "brief",
    "quote",
}
# Stances whose cue takes a `to` clause the parser hangs as an adverbial ("threatened … to …").
INFINITIVE_STANCES = ("promise", "threaten", "demand", "appeal", "reject", "support")

# The cases whose content may be a deed rather than something said, for a cue that also names deeds.
DEED_CASES = frozenset({"phrase_object", "object_content", "passive_object", "prepositional_object"})


class _Complements(NamedTuple):
    """The dependents of a cue verb that may hold what was said."""

    children: list[Token]
    ccomp: list[Token]  # clause complements
    xcomp: list[Token]  # to-infinitives
    dobj: Token | None  # the direct object


class _Content(NamedTuple):
    """What a cue verb reports: the phrases, the rule that found them, and whom it addressed."""

    tokens: list[Token]
    rule: str
    addressee: Token | None = None
    exclude: Token | None = None  # a parenthetical cue: the host clause around it, the cue's own words left out
    after: Token | None = None  # "which he said would …": the content starts after this word (the cue)


class ReportedSpeech:
    """Makes a frame for every cue the direct quotes left: verbs, nouns and `according to`."""

    def __init__(self, index: DocIndex, found: Findings):
        self.index = index
        self.found = found
        # The cases a cue verb's content is read from, in order: the first that applies decides.
        self.verb_cases: tuple[Callable[[Token, CueMatch, _Complements], _Content | None], ...] = (
            self.phrase_object,
            self.that_clause,
            self.clause_after_setting,
            self.to_infinitive,
            self.gerund_clause,
            self.parenthetical_host,
            self.inverted_host,
            self.clause_after_report,
            self.hosts_before,
            self.as_clause,
            self.subject_taken_as_object,
            self.clause_over_cue,
            self.clause_inside_object,
            self.object_content,
            self.passive_object,
            self.prepositional_object,
        )

    def find(self) -> None:
        """Add a frame for each untaken cue, in document order."""
        for index, match in sorted(self.index.cues.items()):
            if index in self.found.used_cues:
                continue
            token = self.index.doc[index]
            if match.cue.lemma == "according to":
                frame = self.according_frame(match)
            elif token.pos_ in ("VERB", "AUX"):
                frame = self.verb_frame(token, match)
            elif token.pos_ in ("NOUN", "PROPN"):
                frame = self.noun_frame(token, match)
            else:
                frame = None
            if frame is not None:
                self.found.add(frame)

    # -- cue verbs ------------------------------------------------------------------------------------------

    def verb_frame(self, token: Token, match: CueMatch) -> Frame | None:
        """The frame of a cue verb: its content from the first case that applies, its subject the speaker."""
        participle = token.tag_ == "VBN" and token.dep_ in ("acl", "amod", "advcl")
        if participle and not any(c.dep_ == "auxpass" for c in token.children):
            return None  # "Asked about it, …", "the plan announced on Monday": no speaker
        if grammar.alleged(token):
            return None  # "He is suspected of asking for prorogation": others' allegation, nothing he said
        if grammar.asked_aside(token):
            return None  # "Fitzwater, asked if progress could be made, said …": the question put to him
        if self.describes_speaker(token, match):
            return None  # "State legislators supporting the law argued …": which legislators, not what they said
        complements = self.complements(token, match.cue)
        for case in self.verb_cases:
            content = case(token, match, complements)
            if content is None:
                continue
            if case.__name__ in DEED_CASES and self.topic_of_speech_after(token, match):
                return None  # "Speaking about the movie, Polak said, “…”": the topic of what the cue after says
            if match.cue.deed and case.__name__ in DEED_CASES:
                if not grammar.communicated(self.index, token, complements.dobj, match.cue):
                    return None  # "denied funding", "approved a budget": a deed, nothing said
            return self.verb_frame_with(token, match, content)
        return None

    def describes_speaker(self, token: Token, match: CueMatch) -> bool:
        """Is a stance cue a participle describing the subject of another cue ("legislators supporting the law
        argued …")?"""
        if token.tag_ != "VBG" or token.dep_ != "acl" or match.cue.stance is None:
            return False
        noun = token.head
        return noun.dep_ in ("nsubj", "nsubjpass") and self.index.cues.get(noun.head.i) is not None

    def topic_of_speech_after(self, token: Token, match: CueMatch) -> bool:
        """Is a plain speech cue a participle opening the clause of another speech cue, so that its object names
        what that one says ("Speaking about the movie, Polak said …", "Citing this test, the notice claimed …")?"""
        if token.tag_ != "VBG" or token.dep_ != "advcl" or token.i > token.head.i:
            return False
        if any(c.dep_ in grammar.SUBJECTS for c in token.children):
            return False
        lexicon = self.index.lexicon
        return lexicon.speaks(match) and self.index.cues.get(token.head.i) is not None

    def complements(self, token: Token, cue: Cue) -> _Complements:
        """A cue verb's clause complements, to-infinitives (a `to` adverbial for a pressing cue) and object."""
        children = list(token.children)
        ccomp = [c for c in children if c.dep_ == "ccomp" and not grammar.relative_after_comma(c)]
        xcomp = [c for c in children if c.dep_ == "xcomp" and grammar.is_infinitive(c)]
        if not xcomp and (cue.kind == "intention" or cue.stance in INFINITIVE_STANCES):
            xcomp = [
                c
                for c in children
                if c.dep_ == "advcl" and c.i > token.i and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            ]  # not a purpose before it: "To ease the shortage, Coles ordered bigger packages"
        dobj = next((c for c in children if c.dep_ == "dobj"), None)
        return _Complements(children, ccomp, xcomp, dobj)

    def phrase_object(self, token: Token, match: CueMatch, complements: _Complements) -> _Content | None:
        """The object of a phrase cue: "call for X", "call on X to …"; a phrase that ends in its object is the
        content itself ("claimed responsibility for the attack")."""
        if match.end <= match.start + 1:
            return None
        last = self.index.doc[match.end - 1]
        if last.dep_ == "prt":
            return None  # "point out that …": a particle takes no object; the clause is read next
        if last.pos_ == "NOUN" and last.dep_ == "dobj" and last.head.i == token.i:
            return _Content([last], f"indirect: Name-{self.index.cue_text(match)}")
        obj = next((c for c in last.children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        if complements.xcomp:
            return _Content([obj, *complements.xcomp], "indirect: Name-called on X to …", addressee=obj)
        # "referred to the riots as acts of domestic terror": the characterisation goes with its object
        as_phrase = [c for c in complements.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > obj.i]
        return _Content([obj, *as_phrase], f"indirect: Name-{self.index.cue_text(match)} X")

    def that_clause(self, token: Token, match: CueMatch, complements: _Complements) -> _Content | None:
        """Content from a that-clause (the object before it is the addressee: "told X that …")."""
        dobj = complements.dobj
        ccomp = [c for c in complements.ccomp if grammar.reports_clause(token, c, match.cue)]
        if not ccomp:
            return None
        after = [c for c in ccomp if c.i > token.i]
        if after and len(after) < len(ccomp):
            ccomp = after  # "X denied …, however, a report concluded [evidence supported …]": the clause after it
        addressee = dobj if dobj is not None and dobj.i < ccomp[0].i else None
        # "indicated [Hickenlooper] was …": the clause's subject, split off; "told [our correspondent] a transponder
        # will …": whom the cue addresses
        if (
            addressee is not None
            and not (Lexicon.object_is_addressee(match.cue) and grammar.names_someone(addressee))
            and grammar.subject_split_off(addressee, ccomp[0])
        ):
            return _Content([addressee, *ccomp], "indirect: Name-said that …")
        setting = self.subject_after_setting(token, ccomp[0])
        if setting is not None:  # "announced on Twitter [the FAA and the NTSB] were to investigate …"
            return _Content([setting, *ccomp], "indirect: Name-said that …")
        # "stated she was uninterested …, but would fill the position as needed": a conjunct the parse hangs on the
        # cue with a modal and no subject of its own goes on with what was said
        ccomp += [c for c in complements.children if c.dep_ == "conj" and c.i > ccomp[-1].i and _said_on(c)]
        # "underlined that the agreement is only a framework, and construction is in the hands of investors": a
        # clause in the present after a cue in the past is still what was said, unless it has a cue of its own
        ccomp += [
            c
            for c in complements.children
            if c.dep_ == "conj" and c.i > ccomp[-1].i and c.i not in self.index.cues and _present_after(c, token)
        ]
        last = ccomp[-1].right_edge.i
        set_off = ccomp[-1].i < token.i and last + 1 < token.i and self.index.doc[last + 1].text == ","
        tail = self.parenthetical_tail(token) if set_off else []
        if tail:  # "The guardrail would be examined, Roberts said, to determine if …": the host goes on after it
            return _Content([*ccomp, *tail], "indirect: …, Name-said, …", addressee=addressee, exclude=token)
        # "a state of emergency, which he said would allow him …": the relative pronoun before the cue is the
        # clause's subject; what was said is the rest of it
        relative = any(
            g.dep_ in grammar.SUBJECTS and g.lower_ in grammar.RELATIVE and g.i < token.i for g in ccomp[0].children
        )
        return _Content(ccomp, "indirect: Name-said that …", addressee=addressee, after=token if relative else None)

    def subject_after_setting(self, token: Token, clause: Token) -> Token | None:
        """The first word of a clause's subject that the parse took into where the cue was said ("announced on
        Twitter the FAA … were to investigate": "the"), when the clause after it has no subject of its own."""
        if any(c.dep_ in grammar.SUBJECTS for c in clause.children) or clause.tag_ not in ("VBD", "VBZ", "VBP"):
            return None
        doc, settings = self.index.doc, self.index.lexicon.speech_settings
        for prep in (c for c in token.children if c.dep_ == "prep" and token.i < c.i < clause.i):
            setting = next((t for t in prep.subtree if t.i > prep.i and t.lower_ in settings), None)
            last = max(t.i for t in prep.subtree)
            if setting is not None and setting.i + 1 <= last and last + 1 == clause.left_edge.i:
                return doc[setting.i + 1]
        return None

    def parenthetical_tail(self, token: Token) -> list[Token]:
        """The words after a cue set off by commas inside the clause it reports ("A, Name said, B") that the parse
        hung on the cue: the rest of the reported clause, not a second cue, a message ("in a statement") or a
        date."""
        doc = self.index.doc
        if token.i + 1 >= len(doc) or doc[token.i + 1].text != ",":
            return []
        said_nouns = self.index.lexicon.said_nouns
        return [
            c
            for c in token.children
            if c.i > token.i + 1
            and c.dep_ in ("advcl", "xcomp", "prep", "conj")
            and c.i not in self.index.cues
            and not any(t.ent_type_ in ("DATE", "TIME") or t.lemma_.lower() in said_nouns for t in c.subtree)
        ]

    def clause_after_setting(self, token: Token, match: CueMatch, complements: _Complements) -> _Content | None:
        """Content from a that-clause after where or how it was said ("said in a review of Gulf markets that …",
        "said at the start of the meeting that …"), which the parse hangs on the setting's last noun as a relative
        clause: `that` opens it as a conjunction, or the clause has its object or subject besides `that`."""
        if match.cue.kind != "speech" or complements.dobj is not None:
            return None
        if any(c.dep_ in ("ccomp", "xcomp") for c in complements.children):
            return None  # "announced investigating itself, following concerns that …": the clause is the concerns'
        settings = [c for c in complements.children if c.dep_ == "prep" and c.i > token.i and c.lower_ in _SETTINGS]
        for prep in settings:
            for verb in prep.subtree:
                if verb.dep_ in ("relcl", "acl") and verb.pos_ in ("VERB", "AUX") and _that_complement(verb):
                    return _Content([verb], "indirect: Name-said in X that …")
        return None

    def to_infinitive(self, token: Token, match: CueMatch, complements: _Complements) -> _Content | None:
        """Content from the to-infinitive of a cue that takes one: "pressed X to …", "wants X to …", "vowed to …"."""
        xcomp, dobj = complements.xcomp, complements.dobj
        if not xcomp or not Lexicon.takes_infinitive(match.cue) or self.bare_speech(xcomp[0]):
            return None
        if self.refused_deed(token, match, xcomp[0]):
            return None  # "refused to hand over the documents": a deed withheld, nothing said
        if _anonymity(xcomp[0]):
            return None  # "…, who asked not to be named, said": how the source is named, not a position
        if dobj is not None and dobj.i < xcomp[0].i:
            return _Content([dobj, *xcomp], "indirect: Name-pressed X to …", addressee=dobj)
        if any(t.dep_ in grammar.SUBJECTS for t in xcomp[0].children):
            return _Content(xcomp, "indirect: Name-wants X to …")
        return _Content(xcomp, "indirect: Name-vowed to …")

    def gerund_clause(self, token: Token, match: CueMatch, complements: _Complements) -> _Content | None:
        """Content from a gerund clause after a speech cue, its object or complement with it: "denied taking
        bribes", "admitted downing the jet", "announced leaving the venture"."""
        if match.cue.kind != "speech" or complements.xcomp or complements.dobj is not None:
            return None
        gerund = next((c for c in complements.children if c.dep_ == "xcomp" and _gerund(c)), None)
        if gerund is None or gerund.i < token.i or len(list(gerund.children)) == 0:
            return None
        return _Content([gerund], "indirect: Name-denied doing …")

    def refused_deed(self, token: Token, match: CueMatch, verb: Token) -> bool:
        """Is what a refusal's infinitive names a deed, with nothing said ("refused to hand over the documents",
        "declined to hear the case"): a verb that is no cue of its own, and nothing communicated around the refusal
        (a speech setting, a quotation, a speech adverb or a speech verb beside it)?"""
        if not match.cue.deed or match.cue.stance != "reject":
            return False
        said = self.index.cues.get(verb.i)
        if said is not None and said.cue.kind == "speech":
            return False  # "refused to endorse him": a stance withheld is one taken
        return not grammar.communicated(self.index, token, None, match.cue, deed=verb)

    def bare_speech(self, verb: Token) -> bool:
        """Is an infinitive a speech verb with nothing said ("declined to comment", "refused to elaborate")?"""
        if not self.index.lexicon.speaks(self.index.cues.get(verb.i)):
            return False
        return all(child.dep_ in ("aux", "neg", "advmod", "punct") for child in verb.children)

    def inverted_host(self, token: Token, match: CueMatch, complements: _Complements) -> _Content | None:
        """Content from the clause before a cue whose speaker comes after it, set off by commas: "The bomb was
        placed in a market, stated Minister Moammar al-Eryani, and …" (the name parsed as the cue's object)."""
        if match.cue.kind != "speech" or grammar.inverted_speaker(token) is None:
            return None
        return _Content([token.head], "indirect: …, said Name, …", exclude=token)

    def clause_after_report(self, token: Token, match: CueMatch, complements: _Complements) -> _Content | None:
        """Content from the clause a cue with its own subject and nothing reported hangs under, after it: "The
        Bangkok Post reported, citing officials, the plane landed at 6 a.m." (the parse made the report a complement
        of "landed"); it starts at that clause's subject, after the aside."""
        head = token.head
        if match.cue.kind != "speech" or token.dep_ != "ccomp" or head.i < token.i or head.pos_ not in ("VERB", "AUX"):
            return None
        after = [c for c in complements.children if c.i > token.i and not c.is_punct and not _a_date(c)]
        if head.i in self.index.cues or after:
            return None  # "Those discussions are continuing, he said"; "She spoke about her ties …; she added"
        if not any(c.dep_ in grammar.SUBJECTS for c in complements.children):
            return None
        subject = next((c for c in head.children if c.dep_ in grammar.SUBJECTS and c.i > token.i), None)
        if subject is None or head.i in self.index.quote_tokens:
            return None
        return _Content(
            [head], "indirect: Name-said, …, that …", exclude=token, after=self.index.doc[subject.left_edge.i - 1]
        )

    def parenthetical_host(self, token: Token, match: CueMatch, complements: _Complements) -> _Content | None:
        """Content from the host clause of a parenthetical cue: "X, Name said, Y"."""
        head = token.head
        if token.dep_ != "parataxis" or head.i in self.index.quote_tokens or head.pos_ not in ("VERB", "AUX"):
            return None
        return _Content([head, *self.parenthetical_tail(token)], "indirect: …, Name-said, …", exclude=token)

    def hosts_before(self, token: Token, match: CueMatch, complements: _Complements) -> _Content | None:
        """Content from the clauses a closing parenthetical cue hangs them on: "X, Name said"."""
        quote_tokens = self.index.quote_tokens
        hosts = [c for c in complements.children if c.dep_ == "parataxis" and c.i < token.i and c.i not in quote_tokens]
        if not hosts:
            # "While Bahrain plans an exchange, one in Qatar does not appear imminent, Azzam said.": the parse hung
            # the main clause under the concession, the concession on the cue that closes the sentence
            hosts = [c for c in complements.children if c.dep_ == "advcl" and _concession_before(c, token)]
        return _Content(hosts, "indirect: …, Name-said") if hosts else None

    def as_clause(self, token: Token, match: CueMatch, complements: _Complements) -> _Content | None:
        """Content from the clause an `as Name said` qualifies (plain speech cues only)."""
        cue = match.cue
        if token.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in complements.children):
            return None
        if cue.kind != "speech" or cue.stance is not None or cue.lemma in NOT_AS_FRAME:
            return None
        if token.head.pos_ not in ("VERB", "AUX") or token.head.i in self.index.quote_tokens:
            return None
        dobj = complements.dobj
        if dobj is not None and dobj.pos_ != "PRON" and grammar.has_own_object(token, cue) or complements.ccomp:
            return None  # "as they chanted slogans": while they did, with what they said their own
        return _Content([token.head], "indirect: as Name-said, …", exclude=token)

    def subject_taken_as_object(self, token: Token, match: CueMatch, complements: _Complements) -> _Content | None:
        """A clause the parser split at its subject: "a statement saying [an attack on a base] produced no
        casualties" read as `saying` + object, `produced` hung elsewhere. The object and the verb right after
        it, which has no subject of its own, are the clause (plain speech cues, which take no plain object)."""
        cue, dobj = match.cue, complements.dobj
        if dobj is None or not self.index.lexicon.speaks(match) or Lexicon.object_is_content(cue):
            return None
        if self.addressed_object(cue, dobj) or dobj.lemma_.lower() in self.index.lexicon.said_nouns:
            return None
        verb = _verb_after(dobj)
        if verb is None:
            return None
        finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children)
        if not finite or verb.dep_ not in ("advcl", "conj", "parataxis") or verb.i in self.index.quote_tokens:
            return None
        if any(c.dep_ in grammar.SUBJECTS for c in verb.children):
            return None
        if verb.head.i != token.i and verb.head not in token.ancestors:
            return None  # the verb must hang on the cue or on a word above it
        return _Content([dobj, verb], "indirect: Name-said X did …")

    def clause_over_cue(self, token: Token, match: CueMatch, complements: _Complements) -> _Content | None:
        """A clause the parser turned over, the cue made the subject of the clause's verb: "Greek prime minister
        reaffirms [EastMed pipeline project] is open …" (`reaffirms` a clausal subject of `is`). The object and
        that verb, right after it, are what was said."""
        dobj = complements.dobj
        if dobj is None or token.dep_ != "csubj" or self.addressed_object(match.cue, dobj):
            return None
        verb = _verb_after(dobj)
        if verb is None or verb.i != token.head.i or verb.i in self.index.quote_tokens:
            return None
        if any(c.dep_ in grammar.SUBJECTS for c in verb.children if c.i != token.i):
            return None
        return _Content([dobj, verb], "indirect: Name-said X did …", after=token)

    def clause_inside_object(self, token: Token, match: CueMatch, complements: _Complements) -> _Content | None:
        """A clause the parser hung inside the cue's object: "said [a law allowing the termination of a life]
        marked a sad day", `marked` a complement of `allowing`. The object is the clause's subject (plain speech
        cues, which take no plain object)."""
        cue, dobj = match.cue, complements.dobj
        if dobj is None or not self.index.lexicon.speaks(match) or Lexicon.object_is_content(cue):
            return None
        if self.addressed_object(cue, dobj) or dobj.lemma_.lower() in self.index.lexicon.said_nouns:
            return None
        for verb in dobj.subtree:
            if verb.dep_ == "ccomp" and verb.tag_ in ("VBD", "VBZ", "VBP") and verb.i not in self.index.quote_tokens:
                subject = next((c for c in verb.children if c.dep_ in grammar.SUBJECTS), None)
                if subject is not None and dobj.left_edge.i <= subject.i < verb.i:
                    return _Content([dobj], "indirect: Name-said X did …")
        return None

    def addressed_object(self, cue: Cue, dobj: Token | None) -> bool:
        """Is the object whom the cue addresses ("pressed China") rather than what it said?"""
        return dobj is not None and Lexicon.addresses_object(cue) and grammar.names_someone(dobj)

    def object_content(self, token: Token, match: CueMatch, complements: _Complements) -> _Content | None:
        """Content from an object that is the message: "called X Y", "condemned the coup (of …)"."""
        cue, dobj = match.cue, complements.dobj
        if dobj is None or dobj.lemma_.lower() == "anonymity":
            return None  # "…, who requested anonymity, said": how the source is named, not a position
        if cue.lemma == "call":
            extra = [c for c in complements.children if c.dep_ in ("oprd", "attr", "ccomp", "xcomp") and c.i > dobj.i]
            # what it was called, quoted after it, which the parse hangs on the object: 'the deal "lousy"'
            extra += [c for c in dobj.rights if c.dep_ in ("appos", "amod") and c.i in self.index.quote_tokens]
            return _Content([dobj, *extra], "indirect: Name-called X Y") if extra else None
        preps = ("of", "for", "over", "as")  # "condemned the coup of …", "rejected the claim as groundless"
        extra = [
            c
            for c in complements.children
            if c.i > dobj.i and (c.dep_ == "prep" and c.lower_ in preps or c.dep_ == "oprd")  # "declared X a pandemic"
        ]
        # "admitted his guilt in eight murders", "denied his role in the plot": the object's own "in", which the parse
        # hangs on the cue, right after it (not a place, a date or a message: "condemned the attack in a statement")
        named = dobj.pos_ in ("PRON", "PROPN") or bool(dobj.ent_type_)  # "endorsed Clinton in the race": no
        extra += [
            c
            for c in complements.children
            if c.dep_ == "prep" and c.i == dobj.right_edge.i + 1 and not named and self.own_in(c)
        ]
        # "reported a total of 5667 cases during the outbreak": when a reported figure holds, which the parse hangs on
        # the cue (not when a stance was taken: "supported the invasion in 2003")
        if cue.lemma in _COUNTING:
            extra += [c for c in complements.children if c.dep_ == "prep" and _dates_object(c, dobj)]
        # "announced new church law to mandate reporting …", "cited security concerns to impose bans": the object's
        # purpose, which the parse hangs on the cue
        extra += [
            c
            for c in complements.children
            if c.dep_ in ("xcomp", "advcl")
            and c.left_edge.i == dobj.right_edge.i + 1
            and any(a.lower_ == "to" and a.i == c.left_edge.i for a in c.lefts)
        ]
        if self.addressed_object(cue, dobj):
            # "congratulated Pelosi": whom, not what; "thanked X for Y" says what for
            praised = cue.stance == "praise" and any(c.lower_ == "for" for c in extra)
            return _Content([dobj, *extra], "indirect: Name-thanked X for …", addressee=dobj) if praised else None
        if cue.lemma == "cite" and (dobj.lemma_.lower() == "source" or grammar.names_someone(dobj)):
            return None  # "citing sources within the Department of Defense": whom they heard it from
        if cue.lemma == "offer" and dobj.lemma_.lower() in _COURTESIES:
            return None  # "offered his condolences": a courtesy, no promise
        if cue.lemma == "express" and not _complemented(dobj):
            return None  # "expressed disappointment", "a similar view": a feeling named, nothing said of anything
        if cue.lemma == "report" and not grammar.is_finite(token):
            return None  # "reported 611 aftershocks" is a report, "expected to report the incident" a duty
        if cue.lemma == "state" and not any(c.dep_ == "poss" for c in dobj.children):
            return None  # "stated its intention to leave", not "stated the obvious" nor "stating Saha Airlines"
        if cue.stance is None and not extra and self.names_words_only(dobj):
            return None  # "repeating his January 2 remarks": what was said is elsewhere
        if Lexicon.object_is_content(cue):
            return _Content([dobj, *extra], "indirect: Name-condemned X")
        return None

    def names_words_only(self, noun: Token) -> bool:
        """Is the object a message noun that says nothing of what the words were ("his remarks made on Monday"; not
        "the accusation of genocide", nor one quoted)? Asked of plain speech cues only: a stance toward such words
        is a position ("denied the accusation", "demanded an explanation")."""
        if noun.lemma_.lower() not in self.index.lexicon.said_nouns or noun.i in self.index.quote_tokens:
            return False
        return not any(
            child.dep_ in ("relcl", "ccomp", "xcomp", "appos")
            or (child.dep_ == "acl" and child.lemma_.lower() not in grammar.LIGHT_VERBS)
            or (child.dep_ == "prep" and child.lower_ in _ABOUT)
            or child.i in self.index.quote_tokens
            for child in noun.rights
        )

    def passive_object(self, token: Token, match: CueMatch, complements: _Complements) -> _Content | None:
        """Content of a passive cue whose agent speaks: its subject ("the coup was condemned by the UN"), or what
        it was declared ("the outbreak was declared a pandemic by the WHO": "a pandemic")."""
        subject = next((c for c in complements.children if c.dep_ == "nsubjpass"), None)
        agent = any(c.dep_ == "agent" for c in complements.children)
        if subject is None or not agent or not Lexicon.object_is_content(match.cue):
            return None
        declared = [c for c in complements.children if c.dep_ == "oprd" and c.i > token.i] + complements.xcomp
        if declared:
            return _Content(declared[:1], PASSIVE_RULES[0])
        if subject.lower_ in grammar.RELATIVE or subject.pos_ == "PRON":
            return None  # "which was condemned by …", "it was announced by …": no words of its own
        # "were described by Johnson as a "historic mandate"": what they were called goes with them
        called = [c for c in complements.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > token.i]
        if called:  # the frame's words ("were described by Johnson") stand inside
            return _Content([subject, called[0]], PASSIVE_RULES[1], exclude=token)
        return _Content([subject], PASSIVE_RULES[1])

    def own_in(self, prep: Token) -> bool:
        """Is an "in" phrase part of the object before it ("his guilt in eight murders"), not where, when or in what
        message the cue was said?"""
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ != "in" or not objects:
            return False
        where = ("GPE", "LOC", "FAC", "DATE", "TIME", "ORG")
        said = self.index.lexicon.said_nouns
        return not any(o.ent_type_ in where or o.lemma_.lower() in said or o.pos_ == "PRON" for o in objects)

    def prepositional_object(self, token: Token, match: CueMatch, complements: _Complements) -> _Content | None:
        """Content from a preposition the cue takes its topic with: "warned of …", "responded to …"."""
        preps = content_prepositions(match.cue)
        prep = next((c for c in complements.children if c.dep_ == "prep" and c.lower_ in preps), None)
        if prep is None or not any(g.dep_ in ("pobj", "pcomp") for g in prep.children):
            return None
        if prep.lower_ == "to" and not any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in prep.children):
            return None  # "committed to proceeding …" promises; "committed to the hospital" does not
        addressee = complements.dobj if self.addressed_object(match.cue, complements.dobj) else None
        # "spoke of Turkey assuming the duty …": the gerund the parser hung on the cue goes with its object
        gerund = next(
            (
                c
                for c in complements.children
                if c.dep_ == "advcl" and c.tag_ == "VBG" and c.left_edge.i == prep.right_edge.i + 1
            ),
            None,
        )
        tokens = [prep] if gerund is None else [prep, gerund]
        return _Content(tokens, f"indirect: Name-{token.lemma_} {prep.lower_} …", addressee=addressee)

    def verb_frame_with(self, token: Token, match: CueMatch, content: _Content) -> Frame | None:
        """The frame of a cue verb and its content, if its subject speaks in the same paragraph outside the content."""
        speaker = grammar.subject(self.index, token)
        if speaker is None or speaker.dep_ == "expl" or speaker.lower_ == "you":
            return None  # "you" outside quotation marks: an interviewer's question ("Would you say …?")
        paragraph = self.index.paragraph_range(token.idx)
        inside = paragraph[0] <= speaker.idx < paragraph[1]
        if not inside or not all(paragraph[0] <= t.idx < paragraph[1] for t in content.tokens):
            return None  # the parse runs across a paragraph break
        if content.exclude is not None:
            chars = self.hull_without(content.tokens, content.exclude)
        else:
            chars = self.content_of(content.tokens)
        if content.after is not None and content.after.i + 1 < len(self.index.doc):
            chars = (max(chars[0], self.index.doc[content.after.i + 1].idx), chars[1])
        chars = self.index.through_quote((max(chars[0], paragraph[0]), min(chars[1], paragraph[1])))
        chars = self.index.to_sentence_end(chars)
        if chars[0] >= chars[1]:
            return None  # the parse hung content before the word it must follow: nothing after it
        if chars[0] <= speaker.idx < chars[1] and content.exclude is None:
            return None
        if not self.index.says_something(chars):
            return None  # "asked Trump about it", "said so"
        kind, why = self.index.reported_kind(chars)
        addressee = content.addressee if content.addressee is not None else grammar.addressee_of(token, chars)
        return self.index.cue_frame(
            speaker,
            match,
            chars,
            kind,
            content.rule,
            self.index.sentence_of(token.i),
            why=[f"cue {self.index.cue_text(match)!r}"] + why,
            addressee=addressee,
            negated=grammar.is_negated(token),
            around=chars[0] <= token.idx < chars[1],
        )

    def content_of(self, tokens: list[Token]) -> tuple[int, int]:
        """The characters of the content phrases, stopping before an attribution of their own ("that A, claiming
        that B": B is a second statement of the same speaker; "A, while Y called it B": Y's)."""
        doc, cues, quote_tokens = self.index.doc, self.index.cues, self.index.quote_tokens
        start = _after_leading_date(tokens, min(t.left_edge.i for t in tokens))
        end = max(t.right_edge.i for t in tokens) + 1
        for token in doc[start:end]:
            if token.i <= start + 1 or token.i not in cues or token.i in quote_tokens:
                continue
            # "…, saying …" (not "spoke of Turkey assuming the duty", the gerund of the topic)
            after_punct = token.left_edge.i > 0 and doc[token.left_edge.i - 1].is_punct
            participle = token.dep_ == "advcl" and token.tag_ == "VBG" and after_punct
            own_subject = any(c.dep_ in grammar.SUBJECTS for c in token.children)
            # a second cue of the speaker's with what it says ("…, warning that …"); not "continued to attack"
            complements = ("ccomp",) if token.lemma_.lower() == "continue" else ("ccomp", "xcomp")
            second = (
                token.dep_ in ("advcl", "conj")
                and not own_subject
                and any(c.dep_ in complements for c in token.children)
            )
            # a second cue hung on a word of a quotation, or a conjunct of the reported clause, is the speaker's only
            # when it is one of speech ('said "the outbreak constitutes …" and said …'; not 'urged X to "call out
            # Russia" and consider …', 'said a constable saw them, decided to question them, and learned …')
            if token.head.i in quote_tokens:
                speech = self.index.lexicon.speaks(cues[token.i])
            else:
                speech = cues[token.i].cue.kind == "speech" or not (_said_on(token) or _in_series(token))
            if participle or (second and speech):
                end = min(end, token.left_edge.i)
                while end - 1 > start and (doc[end - 1].dep_ == "cc" or doc[end - 1].text == ","):
                    end -= 1  # '… constitutes a national emergency" and said': not the "and"
                break
            if token.dep_ == "advcl" and grammar.contrasting_clause(token):
                end = min(end, token.left_edge.i - 1)  # "…, while Pindar called it …": another's words
                break
            aside = self.speaker_aside(token, start)
            if aside is not None:
                end = min(end, aside)
                break
        return self.index.chars(start, self.before_aside(start, end))

    def speaker_aside(self, cue: Token, start: int) -> int | None:
        """Where the content ends before a set-off phrase naming someone whose own words its "who" clause reports
        ("…, such as Ohio governor Dana Whitfield, who denounced …"), None when the cue is no such clause's."""
        if cue.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in cue.children):
            return None
        host = cue.head.head if cue.head.dep_ == "pobj" else cue.head
        comma = host.left_edge.i - 1
        return comma if comma > start and self.index.doc[comma].text == "," else None

    def before_aside(self, start: int, end: int) -> int:
        """Where the content ends before a closing ", which …" clause: the reporter's aside, not what was said."""
        doc, quote_tokens = self.index.doc, self.index.quote_tokens
        for token in doc[start + 1 : end]:
            if token.dep_ != "relcl" or token.right_edge.i < end - 2 or token.i in quote_tokens:
                continue
            first = token.left_edge
            if first.lower_ == "which" and first.i > start + 1 and doc[first.i - 1].text == ",":
                return first.i - 1
        return end

    def hull_without(self, hosts: list[Token], frame: Token) -> tuple[int, int]:
        """The host clause of a parenthetical frame ("X, economists say, Y"): the whole host, frame inside; the
        hosts may hang on the frame ("The guardrail would be examined, Roberts said, to determine …")."""
        below = {t.i for host in hosts if frame.is_ancestor(host) for t in host.subtree}
        inner = {t.i for t in frame.subtree} - below
        doc, start = frame.doc, hosts[0].sent.start
        indices = sorted({t.i for host in hosts for t in host.subtree if t.i not in inner and not t.is_space})
        tokens = [doc[i] for i in indices if doc[i].sent.start == start]
        while tokens and tokens[-1].text in (".", ",", ";", ":", "!", "?"):
            tokens.pop()  # the sentence's full stop, which the parse may hang on the host
        if not tokens:
            return (0, 0)
        return self.index.chars(tokens[0].i, tokens[-1].i + 1)

    # -- according to, cue nouns ----------------------------------------------------------------------------

    def according_frame(self, match: CueMatch) -> Frame | None:
        """According to X, Y. / Y, according to X."""
        according = self.index.doc[match.start]
        source = grammar.according_source(self.index, match)
        if source is None:
            return None
        # the cue and its source, not what else the parse hangs on `according` ("One child was, according to the
        # fire service, among the dead")
        to = self.index.doc[match.end - 1]
        phrase = {according.i, *range(match.start, match.end), *(t.i for t in to.subtree)}
        # not an adjective the parse put in apposition with the source ("according to Turkey, supportive of the PKK")
        described = {t.i for c in source.children if c.dep_ == "appos" and c.pos_ == "ADJ" for t in c.subtree}
        phrase = (phrase | {t.i for t in source.subtree}) - described
        name = grammar.name_in_apposition(source)
        if name is not None:  # "according to the El Paso mayor, Dee Margo, police were …": the source is the mayor
            phrase |= set(range(source.right_edge.i + 1, name.end + 1))
            source = name.root
        # "…, according to police on Thursday": when the source spoke, right after it, is the phrase's too
        for child in according.children:
            if child.dep_ == "prep" and child.i == max(phrase) + 1 and _a_date(child):
                phrase |= {t.i for t in child.subtree}
        # "…, according to the mayor via news agency Interfax": whose report carried the source's words
        relay = self.index.doc[max(phrase) + 1] if max(phrase) + 1 < len(self.index.doc) else None
        if relay is not None and relay.lower_ == "via" and relay.dep_ == "prep":
            phrase |= {t.i for t in relay.subtree}
        phrase |= grammar.relative_aside(self.index.doc, max(phrase))
        sent = according.sent
        # the rest of the sentence, also where `according to` hangs under a noun ("the number of X, according to Y");
        # of its clauses between semicolons, the one the phrase is in ("PKK is banned; YPG is, according to Turkey, …")
        # or of clauses set against each other ("…, according to prosecutors, but the Justice Department maintains …")
        breaks = [t.i for t in sent if t.text == ";" or _contrast_break(t)]
        first = max((i + 1 for i in breaks if i < according.i), default=sent.start)
        last = min((i for i in breaks if i > according.i), default=sent.end)
        if source.tag_ in ("WDT", "WP"):
            # "…, signed an agreement, according to which a section … would cross …": the clause after it is what
            # the noun before it says
            source = noun_before_comma(according)
            if source is None:
                return None
            first = max(first, according.i)
        tokens = [t for t in self.index.doc[first:last] if t.i not in phrase and not t.is_space]
        tokens = [t for t in tokens if not (t.is_punct and t.text not in "“”\"'‘’«»")]
        if len([t for t in tokens if t.is_alpha]) < 3:
            return None
        content = self.index.chars(tokens[0].i, tokens[-1].i + 1)
        kind, why = self.index.reported_kind(content)
        rule = "indirect: according to X, …"
        around = content[0] <= according.idx < content[1]
        sentence = (sent.start_char, sent.end_char)
        return self.index.cue_frame(
            source, match, content, kind, rule, sentence, why=["cue 'according to'"] + why, around=around
        )

    def noun_frame(self, token: Token, match: CueMatch) -> Frame | None:
        """His statement that …, her pledge to …, a warning from X that …"""
        children = list(token.children)
        clause = self.noun_clause(token, children)
        if clause is None:
            return None
        speaker = self.noun_speaker(token, children)
        if speaker is None:
            return None
        content = self.content_of(clause)
        kind, why = self.index.reported_kind(content)
        rule = "indirect: Name's statement that …"
        why = [f"cue noun {token.text!r}"] + why
        return self.index.cue_frame(speaker, match, content, kind, rule, self.index.sentence_of(token.i), why=why)

    def noun_clause(self, token: Token, children: list[Token]) -> list[Token] | None:
        """The that-clause or infinitive after a cue noun, not a relative clause ("the statement that he made")."""
        clause = [c for c in children if c.i > token.i and _that_or_infinitive(c)]
        if not clause or any(g.dep_ == "nsubj" and g.lower_ in grammar.RELATIVE for g in clause[0].children):
            return None
        if clause[0].dep_ == "relcl":
            return None
        if clause[0].dep_ == "acl" and any(g.dep_ == "dobj" and g.lower_ == "that" for g in clause[0].children):
            return None
        return clause

    def noun_speaker(self, token: Token, children: list[Token]) -> Token | None:
        """Whose statement: the possessor, X of `by/from X`, or the subject of a light verb ("issued a statement")."""
        speaker = next((c for c in children if c.dep_ == "poss"), None)
        if speaker is None:
            prep = next((c for c in children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
            speaker = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        if speaker is None and token.dep_ == "dobj" and token.head.lemma_.lower() in grammar.LIGHT_VERBS:
            speaker = grammar.subject(self.index, token.head)
        return speaker


def _said_on(verb: Token) -> bool:
    """Is a conjunct verb of a cue one with a modal and no subject ("…, but would fill the position"): the
    reported clause going on in the speaker's tense, not the speaker's next deed ("and left the room")?"""
    return (
        verb.tag_ == "VB"
        and not any(c.dep_ in grammar.SUBJECTS for c in verb.children)
        and any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "should") for c in verb.children)
    )


def _present_after(verb: Token, cue: Token) -> bool:
    """Is a conjunct clause of a cue in the past one in the present with its own subject ("said that A, and B is
    …"): the reported words, not the writer's narration, which keeps to the past?"""
    if cue.tag_ != "VBD" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    finite = auxiliaries[0] if auxiliaries else verb
    return finite.tag_ in ("VBZ", "VBP")


def _a_date(phrase: Token) -> bool:
    """Is the phrase at `phrase` a date or time, perhaps after its preposition ("in mid-2019", "Monday")?"""
    words = [t for t in phrase.subtree if not (t.i == phrase.i and phrase.dep_ == "prep")]
    return bool(words) and all(t.ent_type_ in ("DATE", "TIME") for t in words)


# prepositions of where or when something was said ("in a review", "at the start of the meeting"), not of what it
# answers ("responded to Trump's claim that …")
_SETTINGS = frozenset({"in", "at", "during", "on"})


def _concession_before(clause: Token, cue: Token) -> bool:
    """Is `clause` a concession opening the sentence ("While …", no mark of time or cause), with its own subject,
    that runs up to the comma before the subject of a cue that ends the sentence ("…, Azzam said.")?"""
    doc = cue.doc
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    if subject is None or clause.i > cue.i or clause.right_edge.i + 2 != subject.left_edge.i:
        return False
    if doc[clause.right_edge.i + 1].text != "," or cue.i + 1 >= len(doc) or not doc[cue.i + 1].is_punct:
        return False
    opening = [c for c in clause.children if c.dep_ == "mark" or c.tag_ == "WRB"]  # "because", "when"
    own_subject = any(c.dep_ in grammar.SUBJECTS for c in clause.children)
    return own_subject and all(word.lower_ in grammar.CONTRASTING for word in opening)


def _anonymity(verb: Token) -> bool:
    """Is an infinitive a source's wish not to be named ("to remain anonymous", "not to be identified")?"""
    words = {t.lower_ for t in verb.subtree}
    unnamed = verb.lemma_.lower() in ("name", "identify") and any(c.dep_ == "neg" for c in verb.children)
    return unnamed or not words.isdisjoint({"anonymous", "anonymity", "unnamed"})


def _that_complement(verb: Token) -> bool:
    """Is a clause the parse hangs on a noun as relative, opening with `that`, a complement clause instead: `that`
    its conjunction, or a word of the clause other than `that` in the role the parse gave `that` ("a review that
    investors have to relinquish [traditional vehicles]")? It has a subject of its own."""
    that = verb.left_edge
    if that.lower_ != "that" or that.i == 0 or that.nbor(-1).is_punct:
        return False
    if not any(c.dep_ in grammar.SUBJECTS and c.i != that.i for c in verb.children):
        return False
    if that.dep_ == "mark":
        return True
    return any(c.dep_ == that.dep_ and c.i != that.i for c in that.head.children)


def _gerund(verb: Token) -> bool:
    """Is the verb a gerund, also a perfect one ("taking bribes", "having met him")?"""
    return verb.tag_ == "VBG" or verb.tag_ == "VBN" and any(c.lower_ == "having" for c in verb.children)


def _after_leading_date(tokens: list[Token], start: int) -> int:
    """Where a reported clause with no "that" starts after a date the parse hung on it, which says when it was said
    ("Police said on Monday they believe …", "said Monday the talks …"), not what."""
    doc = tokens[0].doc
    for root in tokens:
        for child in root.children:
            if child.i != start or child.dep_ not in ("prep", "npadvmod") or child.i > root.i:
                continue
            dated = _a_date(child)
            subject_after = any(c.dep_ in grammar.SUBJECTS and c.i > child.right_edge.i for c in root.children)
            if dated and subject_after:
                after = child.right_edge.i + 1
                return after + 1 if after < len(doc) and doc[after].text == "," else after
    return start


def _in_series(verb: Token) -> bool:
    """Is a conjunct verb one of three or more in a row ("saw them, decided to question them, and learned …"):
    the reported clause listing what its subject did, not the speaker's next act?"""
    if verb.dep_ != "conj":
        return False
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    # the parse may make the first two clauses of the list two complements of the cue ("said [a constable saw …],
    # [decided …], and learned …")
    siblings = [t for t in first.head.children if t.dep_ == first.dep_ and t.i != first.i and t.pos_ == first.pos_]
    count, level = 1 + len(siblings), [first]
    while level:
        level = [c for t in level for c in t.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        count += len(level)
    return count >= 3


def _contrast_break(token: Token) -> bool:
    """Does a contrasting conjunction after a comma open a clause with a subject of its own here (", but the
    Justice Department maintains …")?"""
    doc = token.doc
    if token.lower_ not in ("but", "while", "whereas", "yet") or token.i == 0 or doc[token.i - 1].text != ",":
        return False
    return any(t.dep_ in grammar.SUBJECTS and t.head.i > t.i for t in doc[token.i + 1 : token.i + 6])


def _that_or_infinitive(clause: Token) -> bool:
    """Is a noun's dependent a that-clause (possibly relative) or an infinitive (not relative)?"""
    if clause.dep_ not in ("acl", "ccomp", "relcl"):
        return False
    return (
        any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children)
        or grammar.is_infinitive(clause)
        and clause.dep_ != "relcl"
    )


def _verb_after(obj: Token) -> Token | None:
    """The verb whose words start right after an object's phrase (past its auxiliaries and negation): "said [the
    plan] would fail" → `fail`."""
    following = obj.right_edge.i + 1
    if following >= len(obj.doc):
        return None
    verb = obj.doc[following]
    while verb.dep_ in ("aux", "auxpass", "neg") and verb.head.i > verb.i:
        verb = verb.head
    return verb


# what one offers as a courtesy, no promise of anything: "offered his condolences"
_COURTESIES = frozenset(
    {"condolence", "condolences", "sympathy", "sympathies", "thanks", "congratulation", "congratulations", "prayer"}
    | {"apology", "apologies", "regret", "regrets", "wish", "wishes", "greeting", "greetings", "tribute"}
)
# the prepositions that say what a feeling or view is about: "opposition to", "regret for", "concern over"
_ABOUT = frozenset({"to", "for", "about", "over", "at", "with", "of", "against", "toward", "towards"})


# the rules of a passive cue's frame, whose speaker is its agent ("by Name")
PASSIVE_RULES = ("indirect: X was declared Y by Name", "indirect: X was condemned by Name")
# cues that report a count or a finding, whose date is part of what they report
_COUNTING = frozenset({"report", "record", "register", "count", "confirm"})


def _dates_object(prep: Token, dobj: Token) -> bool:
    """Is a preposition right after the object the time it holds for ("on December 24", "during the outbreak",
    "as of Saturday")?"""
    if prep.i != dobj.right_edge.i + 1:
        return False
    objects = [c for c in prep.subtree if c.dep_ == "pobj"]
    return prep.lower_ in ("during", "throughout") or any(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _complemented(noun: Token) -> bool:
    """Does the noun say what it is about: "opposition to the plan", "willingness to help" ("on Twitter", where
    it was said, does not)?"""
    return any(
        child.dep_ in ("acl", "relcl", "ccomp", "xcomp") or (child.dep_ == "prep" and child.lower_ in _ABOUT)
        for child in noun.rights
    )


def content_prepositions(cue: Cue) -> set[str]:
    """The prepositions whose object is what a cue was about ("warned of", "responded to")."""
    if cue.kind != "speech" or cue.lemma in ("say", "tell", "add", "state", "write", "note", "report", "continue"):
        return set()  # "we know about it", "he said of Congress": not what was said
    preps = {"about"}
    topical = cue.lemma in ("speak", "talk", "think", "hear", "learn", "complain")
    if cue.stance in ("threaten", "disapprove", "accuse", "reject") or topical:
        preps |= {"of", "against"}
    if cue.stance in ("demand", "appeal", "support", "praise"):
        preps |= {"for"}  # "called for …", "praised X for …"
    if cue.stance == "promise":
        preps |= {"to"}  # "committed to proceeding with a trial": a gerund only (see `prepositional_object`)
    return preps
