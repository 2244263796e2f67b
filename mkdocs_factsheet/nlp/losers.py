"""The rule matches that lost, and why: what `mkdocs-factsheet explain` shows beside the facts.

Matching keeps only winners (`nlp.matching.settle`, `nlp.mentions`). To explain, the matches are found again,
every one of them, and each that did not become a mention is given the reason it lost: a pack's rule the
site's rule of the same id replaced, a keyword inside one of its own `excludes` phrases, an overlapping
match with a higher priority or a longer span, another rule's claim on the same words, an issue's
sentence scope, or a pack's place yielding to the site's issue. Nothing here runs when building a site.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..rules import RuleSet
from .matching import Candidate, CompiledRules, DocViews, Entry, Target, settle, without_exclusions
from .mentions import ResolvedMentions, _scope_allows
from .text import BodyText


@dataclass(frozen=True)
class Loser:
    """One rule's match that named nothing in the end: where, which rule (and its file), and why it lost."""

    text: str
    start: int  # character offsets in the article
    end: int
    rule: str  # "party 'taiwan' by alias 'Taiwan'"
    source: str  # the rule's file:line
    why: str


def losing_matches(doc: Doc, compiled: CompiledRules, text: BodyText, resolved: ResolvedMentions) -> list[Loser]:
    """Every match of a rule that lost, in document order, with the reason (once: a role several members held
    is one line)."""
    finder = _Finder(doc, compiled, text, resolved)
    for target in ("entity", "issue"):
        finder.target(target)
    return sorted(set(finder.losers), key=lambda loser: (loser.start, loser.end, loser.rule, loser.why))


class _Finder:
    def __init__(self, doc: Doc, compiled: CompiledRules, text: BodyText, resolved: ResolvedMentions):
        self.doc, self.compiled, self.text, self.resolved = doc, compiled, text, resolved
        self.rules: RuleSet = compiled.rules
        self.views = DocViews(doc, compiled.lemmatizer)
        self.losers: list[Loser] = []

    def target(self, target: Target) -> None:
        self.shadowed(target)
        candidates = self.compiled.candidates(self.views, target)
        if target == "issue":
            candidates = self.excluded(candidates)
        kept = settle(candidates)
        for candidate in candidates:
            if candidate not in kept:
                self.overlapped(candidate, kept)
        for candidate in kept:
            if target == "entity":
                self.entity(candidate)
            else:
                self.issue(candidate)

    # -- before settling ----------------------------------------------------------------------------------------

    def shadowed(self, target: Target) -> None:
        """A pack's entries for a party or an issue the site's rules replace (same id)."""
        for layer in self.compiled.layers:
            if layer.pack is None:
                continue
            for start, end, entry in layer.find(self.views, target):
                if not self.compiled.in_force(entry) and entry.kind != "keyword_exclude":
                    winner = self.source(entry)
                    why = f"shadowed: the site's {_kind(entry)} {entry.target!r} ({winner}) replaces the pack's"
                    self.lose(start, end, entry, why)

    def excluded(self, candidates: list[Candidate]) -> list[Candidate]:
        """The issue candidates without the keywords inside their own `excludes` phrases (those lose)."""
        kept = without_exclusions(candidates)
        remaining = {(c.start, c.end, e) for c in kept for e in c.entries}
        exclusions = [c for c in candidates if any(e.kind == "keyword_exclude" for e in c.entries)]
        for candidate in candidates:
            for entry in candidate.entries:
                if entry.kind == "keyword_exclude" or (candidate.start, candidate.end, entry) in remaining:
                    continue
                phrase = next(
                    (c for c in exclusions if c.start <= candidate.start and candidate.end <= c.end), candidate
                )
                why = f"excluded: inside {self.doc[phrase.start : phrase.end].text!r}, one of the keyword's `excludes`"
                self.lose(candidate.start, candidate.end, entry, why)
        return kept

    def overlapped(self, candidate: Candidate, kept: list[Candidate]) -> None:
        """A candidate `settle` dropped: an overlapping one came first."""
        winner = next(k for k in kept if k.start < candidate.end and candidate.start < k.end)
        why = f"overlaps {self.doc[winner.start : winner.end].text!r} ({self.describe(winner.best)}), which wins: "
        why += _settled_because(candidate, winner)
        for entry in candidate.entries:
            self.lose(candidate.start, candidate.end, entry, why)

    # -- after settling -----------------------------------------------------------------------------------------

    def entity(self, candidate: Candidate) -> None:
        """A settled entity candidate: the entries whose party the mention is not, or all when it names nobody."""
        start_char, end_char = self.chars(candidate.start, candidate.end)
        mention = next(
            (m for m in self.resolved.mentions if m.start_char <= start_char and end_char <= m.end_char), None
        )
        if mention is not None:
            won = next((e for e in candidate.entries if e.target == mention.party), None)
            for entry in candidate.entries:
                if entry.target != mention.party and entry.kind != "agent":
                    reason = _order_because(entry, won) if won else "the article's context chose the other"
                    self.lose(candidate.start, candidate.end, entry, f"{mention.party!r} wins: {reason}")
            return
        why = self.named_nobody(candidate, start_char, end_char)
        for entry in candidate.entries:
            if entry.kind != "agent":
                self.lose(candidate.start, candidate.end, entry, why)

    def named_nobody(self, candidate: Candidate, start_char: int, end_char: int) -> str:
        best = candidate.best
        if best.kind == "exclude":
            return f"party {best.target!r} excludes the phrase ({best.how.removeprefix('excluded phrase ')})"
        for issue_id, issue in self.resolved.issue_mentions:
            source = self.rules.source_of("issue", issue_id)
            if source and source.pack is None and issue.start <= start_char and end_char <= issue.end:
                return f"a pack's place yields to the site's issue {issue_id!r} ({source})"
        if all(e.kind == "member" and e.how.startswith("surname") and e.pack for e in candidate.entries):
            return "a pack's person is known by surname only once the article names them in full"
        if all(e.kind == "role" for e in candidate.entries):
            return "a role noun whose holder the article does not single out (no date, several holders, 'a …')"
        return (
            "named nobody: inside a longer name (a place, a person, an event), someone else's name, a home region, "
            "or a name several people share"
        )

    def issue(self, candidate: Candidate) -> None:
        """A settled issue candidate: the entries of other issues, and those the sentence scope rules out."""
        start_char, end_char = self.chars(candidate.start, candidate.end)
        won = next((i for i, m in self.resolved.issue_mentions if (m.start, m.end) == (start_char, end_char)), None)
        sentence = self.doc[candidate.start].sent
        words = {w for t in sentence for w in (t.lower_, (t.lemma_ or t.text).lower())}
        winner = next((e for e in candidate.entries if e.target == won), None)
        for entry in candidate.entries:
            if entry.target == won:
                continue
            issue = self.rules.issues[entry.target]
            if not _scope_allows(issue, words, sentence):
                why = f"the sentence is out of the issue's scope (requires {issue.requires}, excludes {issue.excludes})"
            elif winner is not None:
                why = f"{won!r} wins: {_order_because(entry, winner)}"
            else:
                why = "not an issue mention here"
            self.lose(candidate.start, candidate.end, entry, why)

    # -- helpers --------------------------------------------------------------------------------------------------

    def lose(self, start: int, end: int, entry: Entry, why: str) -> None:
        span = self.doc[start:end]
        first, last = self.chars(start, end)
        self.losers.append(Loser(span.text, first, last, self.describe(entry), self.where(entry), why))

    def chars(self, start: int, end: int) -> tuple[int, int]:
        span = self.doc[start:end]
        return self.text.chars(span.start_char, span.end_char)

    def describe(self, entry: Entry) -> str:
        return f"{_kind(entry)} {entry.target!r} by {entry.how}"

    def source(self, entry: Entry) -> str:
        source = self.rules.source_of(_kind(entry), entry.target)
        return str(source) if source is not None else entry.target

    def where(self, entry: Entry) -> str:
        """The entry's own file: the rule in force, or the pack's file of a rule the site replaced."""
        if self.compiled.in_force(entry) or entry.pack is None:
            return self.source(entry)
        folder = "issues" if _kind(entry) == "issue" else "parties"
        return f"<pack {entry.pack}>/{folder}/{entry.target}.yml"


def _kind(entry: Entry) -> str:
    if entry.kind in ("issue", "keyword_exclude"):
        return "issue"
    return "agent" if entry.kind == "agent" else "party"


def _order_because(loser: Entry, winner: Entry) -> str:
    """Why `winner` comes before `loser` among the rules claiming the same words (`Entry.order`)."""
    if loser.priority != winner.priority:
        return f"higher priority ({winner.priority} over {loser.priority})"
    if (loser.pack is None) != (winner.pack is None):
        return "the site's rules come before a pack's"
    if loser.target == winner.target:
        return f"the same rule, by {winner.how}"
    return f"same priority, and {winner.target!r} is defined first (ids in alphabetical order)"


def _settled_because(loser: Candidate, winner: Candidate) -> str:
    """Why `settle` took `winner` first (`Candidate.sort_key`)."""
    lost, won = loser.sort_key(), winner.sort_key()
    if lost[0] != won[0]:
        return f"higher priority ({-won[0]} over {-lost[0]})"
    if lost[1] != won[1]:
        return f"the longer match ({-won[1]} tokens over {-lost[1]})"
    return _order_because(loser.best, winner.best)
