"""Extraction quality against gold data, each figure beside simple baselines measured in the same run.

    .venv/bin/python benchmarks/evaluate.py [--shared ../shared] [--model NAME] [--limit N]
        [--rules rules] [--packs world] [--sets seed,dev,dev2,dev3,test] [--splits dev,train] [--processes 2]
        [--cache DIR] [--no-speed]

Data sets (the shared ones read in place from the shared folder, never copied into the project):

- `eval/dev/*.gold.yml`: hand-made fact sheets of the articles in `seeds/` — positions, parties,
  actors and issues, matched as eval/README.md says.
- `benchmarks/gold/wikinews/*.gold.yml`: the project's own gold fact sheets of twenty Wikinews
  articles on international politics (CC BY 2.5; see its README), in the same format: who speaks
  for which party on news nobody wrote rules for. Besides the tables, each gold set reports, of
  its required positions, the share whose content is found, with the right speaker, and with the
  right party.
- `benchmarks/gold/wikinews-dev2/*.gold.yml`: fourteen more, a second dev set (tuning allowed).
- `benchmarks/gold/wikinews-dev3/*.gold.yml`: a third dev set, annotated blind in a later session (tuning
  allowed once its first figures are written down).
- `benchmarks/gold/wikinews-test/*.gold.yml`: twelve more Wikinews articles annotated the same way,
  blind, as a held-out set: never tuned on, it says whether a change generalises.
- `eval/polnear/{dev,train}`: PolNeAR attributions (brat standoff). One annotator file per article
  (the first annotator id in sorted order). Scored on content spans (overlap and exact) and on
  attributions (content overlaps and the source is right), for speech cues and for all cues.

`--sets` chooses the gold fact-sheet sets by key (`seed`, `dev`, `dev2`, `dev3`, `test`), `--splits` the
PolNeAR splits (`--splits ""` for none).

Parses go through the on-disk parse cache `.cache/evaluate` (first full run: about 3 minutes on
2 cores with 2 processes; reruns read the cache). Docs/guide/positions.md explains the figures.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from spacy.tokens import Doc, Token

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs_factsheet.articles import Article, load_articles, read_article  # noqa: E402
from mkdocs_factsheet.checking import fold, names_overlap  # noqa: E402
from mkdocs_factsheet.engine import Caches, propagate  # noqa: E402
from mkdocs_factsheet.engine.engine import Engine  # noqa: E402
from mkdocs_factsheet.model import FactSheet, Position, Span, Speaker  # noqa: E402
from mkdocs_factsheet.nlp import extraction as extraction_module  # noqa: E402
from mkdocs_factsheet.nlp.extraction import find_mentions, find_positions  # noqa: E402
from mkdocs_factsheet.nlp.mentions import Mention  # noqa: E402
from mkdocs_factsheet.nlp.pipeline import DEFAULT_MODEL  # noqa: E402
from mkdocs_factsheet.nlp.text import BodyText  # noqa: E402
from mkdocs_factsheet.problems import FactsheetError, ProblemLog  # noqa: E402
from mkdocs_factsheet.rules.schema import alias_of  # noqa: E402

DEFAULT_SHARED = ROOT.parent / "shared"
POLNEAR_NOTE = (
    "system: PolNeAR's scheme (an attribution reported inside another keeps the outer one; negated cues and "
    "things as sources, 'polls show', kept); "
    "system (fact sheets): what find_positions returns (the inner one; negated cues dropped)"
)
CACHE_DIR = ROOT / ".cache" / "evaluate"
WIKINEWS_GOLD = ROOT / "benchmarks" / "gold" / "wikinews"
WIKINEWS_DEV2_GOLD = ROOT / "benchmarks" / "gold" / "wikinews-dev2"
WIKINEWS_DEV3_GOLD = ROOT / "benchmarks" / "gold" / "wikinews-dev3"
WIKINEWS_TEST_GOLD = ROOT / "benchmarks" / "gold" / "wikinews-test"


# -- text normalisation -----------------------------------------------------------------------------------


def squeeze(text: str) -> str:
    """`fold` without any whitespace or quote marks: what "contains the gold quote" compares."""
    return re.sub(r"[\s']+", "", fold(text))


def name_key(text: str) -> str:
    """`fold` without a leading article or a middle initial: "The New York Times" and "New York Times", "John R.
    Bolton" and "John Bolton" name the same speaker."""
    words = fold(text).removeprefix("the ").split(" ")
    return " ".join(w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and re.fullmatch(r"\w\.", w)))


@dataclass
class Score:
    """Counts for precision and recall (precision and recall may have different denominators)."""

    tp_pred: int = 0
    pred: int = 0
    tp_gold: int = 0
    gold: int = 0

    def add(self, other: Score) -> None:
        self.tp_pred += other.tp_pred
        self.pred += other.pred
        self.tp_gold += other.tp_gold
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# -- the seed gold fact sheets ------------------------------------------------------------------------------


@dataclass
class SeedReport:
    """Gold fact sheets: scores by what is scored, for the system and the baselines."""

    articles: int = 0
    scores: dict[str, dict[str, Score]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(Score)))
    wrong_speakers: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    missed: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    # Of the required gold positions (system, statements): how many, content found, with the right speaker, party.
    found: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class GoldSet:
    """A folder of gold fact sheets (`*.gold.yml`) and the folder of their articles."""

    key: str
    name: str
    gold: Path
    articles: Path


def gold_sets(shared: Path, seed_articles: Path) -> list[GoldSet]:
    """The seed's gold (shared, research data) and the project's own Wikinews gold (CC BY): three dev sets and a
    held-out test set."""
    return [
        GoldSet("seed", "eval/dev", shared / "eval" / "dev", seed_articles),
        GoldSet("dev", "Wikinews dev gold, benchmarks/gold/wikinews", WIKINEWS_GOLD, WIKINEWS_GOLD / "articles"),
        GoldSet(
            "dev2",
            "Wikinews dev2 gold, benchmarks/gold/wikinews-dev2",
            WIKINEWS_DEV2_GOLD,
            WIKINEWS_DEV2_GOLD / "articles",
        ),
        GoldSet(
            "dev3",
            "Wikinews dev3 gold, benchmarks/gold/wikinews-dev3",
            WIKINEWS_DEV3_GOLD,
            WIKINEWS_DEV3_GOLD / "articles",
        ),
        GoldSet(
            "test",
            "Wikinews held-out test gold, benchmarks/gold/wikinews-test",
            WIKINEWS_TEST_GOLD,
            WIKINEWS_TEST_GOLD / "articles",
        ),
    ]


def load_gold_sheets(folder: Path) -> list[tuple[Path, dict]]:
    return [(path, yaml.safe_load(path.read_text(encoding="utf-8"))) for path in sorted(folder.glob("*.gold.yml"))]


def evaluate_gold(engine: Engine, gold_dir: Path, articles_dir: Path) -> SeedReport:
    """Score the fact sheets of the articles in `articles_dir` against the gold fact sheets in `gold_dir`."""
    report = SeedReport()
    articles = {a.id: a for a in load_articles([articles_dir], ProblemLog())} if articles_dir.is_dir() else {}
    # the fact sheets as a site built from these articles shows them: affiliations carried across articles
    sheets = propagate([engine.extract(article) for article in articles.values()], engine.rules)
    built = {sheet.article.id: sheet for sheet in sheets}
    for _path, gold in load_gold_sheets(gold_dir):
        article = articles.get(gold["article"])
        if article is None:
            continue
        report.articles += 1
        doc = engine.parse(article)
        text = BodyText.of(article)
        mentions = find_mentions(article, doc, engine.compiled, text).mentions
        sheet = built[article.id]
        speech = engine.compiled.lexicon.speech_lemmas()
        systems: dict[str, list[Position]] = {
            "system": sheet.positions,
            "baseline: quotes": quote_baseline(doc, text, mentions, speech),
            "baseline: nsubj+ccomp": parse_baseline(doc, text, mentions, speech),
        }
        provisional = {party.id: party.name for party in sheet.parties if party.provisional}
        for name, found in systems.items():
            statements = [p for p in found if p.type == "statement"]
            score, wrong, missed, extra = score_positions(engine, article, statements, gold, provisional)
            report.scores["positions (statements)"][name].add(score)
            all_types = score_positions(engine, article, found, gold, provisional)[0]
            report.scores["positions (all types)"][name].add(all_types)
            report.wrong_speakers[name].extend(wrong)
            if name == "system":
                report.missed.extend(missed)
                report.extra.extend(extra)
                report.found.update(found_parts(engine, article, statements, gold, provisional))
        for what, found_names in (
            ("parties", party_names_found(engine, sheet)),
            ("parties (main)", party_names_found(engine, sheet, main_only=True)),
            ("actors", actor_names_found(engine, sheet)),
            ("issues", issue_names_found(engine, sheet)),
        ):
            report.scores[what]["system"].add(score_names(what, found_names, gold))
        for what, found_names in naive_names(engine, article).items():
            report.scores[what]["baseline: names only"].add(score_names(what, found_names, gold))
            if what == "parties":  # the baseline has no minor parties
                report.scores["parties (main)"]["baseline: names only"].add(score_names(what, found_names, gold))
    return report


def position_text(article: Article, position: Position) -> str:
    """The content, widened to the cue when the cue is next to it ("warned that …")."""
    start, end = position.content.start, position.content.end
    if (
        position.cue is not None
        and position.sentence is not None
        and position.sentence.start <= position.cue.start < position.sentence.end
    ):
        start, end = min(start, position.cue.start), max(end, position.cue.end)
    return article.text[start:end]


# an actor named with one of these is its country speaking as a whole (the gold's convention: "Germany")
GOVERNMENT_WORDS = ("government", "administration", "authorities", "officials")


def speaker_names(engine: Engine, speaker: Speaker, provisional: dict[str, str]) -> tuple[set[str], set[str]]:
    """Folded names of the speaker (actor, else party) and of its party (`provisional`: names of the parties
    named from the text alone, by id)."""
    party = engine.rules.parties.get(speaker.party or "")
    party_names = {name_key(speaker.party)} if speaker.party else set()
    if speaker.party in provisional:
        party_names.add(name_key(provisional[speaker.party]))
    if party is not None:
        party_names |= {name_key(party.name), *(name_key(alias_of(a).text) for a in party.aliases)}
    if not speaker.actor and not speaker.party:
        return {name_key(speaker.text)}, set()  # unresolved: the name as written is all there is
    if speaker.actor and speaker.actor.split()[-1].lower() in GOVERNMENT_WORDS:
        # the gold's convention: a government speaking as a whole is named as its country ("Germany")
        return {name_key(speaker.actor)} | party_names, party_names
    if speaker.actor:
        names = {name_key(speaker.actor)}
        if party is not None:
            for member in party.members:
                if member.name == speaker.actor:
                    names |= {name_key(alias_of(a).text) for a in member.aliases}
        return names, party_names
    return set(party_names), party_names


def score_positions(
    engine: Engine, article: Article, found: list[Position], gold: dict, provisional: dict[str, str]
) -> tuple[Score, list[str], list[str], list[str]]:
    required = gold.get("positions") or []
    optional = gold.get("optional_positions") or []
    texts = [squeeze(position_text(article, p)) for p in found]
    names = [speaker_names(engine, p.speaker, provisional) for p in found]

    def matches(index: int, wanted: dict) -> bool:
        speaker, party = names[index]
        quoted = squeeze(wanted["quote"]) in texts[index]
        return quoted and name_key(wanted["speaker"]) in speaker and party_ok(wanted, party)

    used: set[int] = set()
    missed = []
    for wanted in required:
        hit = next((i for i in range(len(found)) if i not in used and matches(i, wanted)), None)
        if hit is None:
            missed.append(f"{wanted['speaker']}: {wanted['quote']}")
        else:
            used.add(hit)
    optional_hits = {i for i in range(len(found)) if i not in used and any(matches(i, w) for w in optional)}
    wrong, extra = [], []
    for index, position in enumerate(found):
        if index in used or index in optional_hits:
            continue
        quoted = [w for w in required + optional if squeeze(w["quote"]) in texts[index]]
        who = position.speaker.actor or position.speaker.text
        label = f"{who} ({position.speaker.party}): {position.content.text[:70]!r}"
        (wrong if quoted else extra).append(label)
    counted = len(found) - len(optional_hits)
    return Score(len(used), counted, len(used), len(required)), wrong, missed, extra


def party_ok(wanted: dict, party_names: set[str]) -> bool:
    """The speaker's party is the gold one (a gold `party: null` wants none; no `party` key: the speaker is it)."""
    if "party" in wanted and wanted["party"] is None:
        return not party_names
    return name_key(wanted.get("party") or wanted["speaker"]) in party_names


def found_parts(
    engine: Engine, article: Article, found: list[Position], gold: dict, provisional: dict[str, str]
) -> Counter[str]:
    """Of the required gold positions: how many, whose content is found, with the right speaker, the right party."""
    texts = [squeeze(position_text(article, p)) for p in found]
    names = [speaker_names(engine, p.speaker, provisional) for p in found]
    counts: Counter[str] = Counter()
    for wanted in gold.get("positions") or []:
        quote = squeeze(wanted["quote"])
        hits = [i for i, text in enumerate(texts) if quote in text]
        counts["gold"] += 1
        counts["content"] += bool(hits)
        counts["speaker"] += any(name_key(wanted["speaker"]) in names[i][0] for i in hits)
        counts["party"] += any(party_ok(wanted, names[i][1]) for i in hits)
    return counts


def party_names_found(engine: Engine, sheet: FactSheet, *, main_only: bool = False) -> list[set[str]]:
    """The names of the parties found (`main_only`: leaving out those mentioned in passing, `minor`)."""
    parties = [p for p in sheet.parties if not (main_only and p.minor)]
    return [{name_key(p.id), name_key(p.name), *(name_key(a) for a in p.aliases)} for p in parties]


def actor_names_found(engine: Engine, sheet: FactSheet) -> list[set[str]]:
    found = []
    for party in sheet.parties:
        for actor in party.actors:
            names = {name_key(actor.name)}
            rule = engine.rules.parties.get(party.id)
            for member in rule.members if rule else []:
                if member.name == actor.name:
                    names |= {name_key(alias_of(a).text) for a in member.aliases}
            found.append(names)
    return found


def issue_names_found(engine: Engine, sheet: FactSheet) -> list[set[str]]:
    return [
        {fold(i.id), fold(i.id.replace("-", " ")), fold(i.title), *(fold(a) for a in i.aliases)} for i in sheet.issues
    ]


def score_names(what: str, found: list[set[str]], gold: dict) -> Score:
    """Parties and actors match by id/name/alias; issues by whole-word containment either way."""
    if what == "actors":
        required, optional = list(gold.get("actors") or {}), []
    elif what.startswith("parties"):
        required, optional = list(gold.get("parties") or []), []
    else:
        required, optional = list(gold.get("issues") or []), list(gold.get("optional_issues") or [])
    match = names_overlap if what == "issues" else (lambda name, names: name_key(name) in names)
    hit_gold = sum(1 for name in required if any(match(name, names) for names in found))
    good = sum(1 for names in found if any(match(name, names) for name in required))
    neutral = sum(
        1
        for names in found
        if not any(match(name, names) for name in required) and any(match(name, names) for name in optional)
    )
    return Score(good, len(found) - neutral, hit_gold, len(required))


def naive_names(engine: Engine, article: Article) -> dict[str, list[set[str]]]:
    """Baseline: a party, actor or issue is found when its canonical name appears as whole words."""
    text = fold(article.text)

    def present(name: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(fold(name))}(?!\w)", text) is not None

    parties, actors = [], []
    for party in engine.rules.parties.values():
        if present(party.name):
            parties.append({name_key(party.id), name_key(party.name)})
        for member in party.members:
            if present(member.name):
                actors.append({name_key(member.name)})
    issues = [{fold(i.id), fold(i.title)} for i in engine.rules.issues.values() if present(i.title)]
    return {"parties": parties, "actors": actors, "issues": issues}


# -- baselines for positions --------------------------------------------------------------------------------

_NAIVE_QUOTES = re.compile(r"“[^”\n]{2,}”|\"[^\"\n]{2,}\"|''[^'\n](?:[^\n]*?)''")


def _speaker_from_token(text: BodyText, mentions: list[Mention], token: Token) -> Speaker:
    start = token.left_edge.i if token.pos_ != "PRON" else token.i
    span = text.token_span(token.doc[start : token.i + 1])
    for mention in mentions:
        if mention.start <= token.i < mention.end:
            return Speaker(span.text, span.start, span.end, mention.actor, mention.party)
    return Speaker(span.text, span.start, span.end, token.text if token.ent_type_ == "PERSON" else None, None)


def _baseline_position(
    text: BodyText, speaker: Speaker | None, cue: Span | None, start: int, end: int, rule: str
) -> Position:
    content = text.span(start, end)
    speaker = speaker or Speaker("", content.start, content.start, None, None)
    return Position(
        speaker, cue, content, "direct" if rule == "quotes" else "indirect", [], None, rule, "statement", None, None, []
    )


def quote_baseline(doc: Doc, text: BodyText, mentions: list[Mention], speech: set[str]) -> list[Position]:
    """Every quoted span; speaker = the PERSON/ORG entity nearest before a speech verb in its sentence."""
    found = []
    for match in _NAIVE_QUOTES.finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None:
            continue
        speaker = cue = None
        for sent in {span[0].sent.start: span[0].sent, span[-1].sent.start: span[-1].sent}.values():
            verbs = [
                t
                for t in sent
                if t.lemma_.lower() in speech and t.pos_ == "VERB" and not (span.start <= t.i < span.end)
            ]
            if not verbs:
                continue
            verb = verbs[0]
            entities = [
                e
                for e in doc.ents
                if e.label_ in ("PERSON", "ORG")
                and e.sent.start == sent.start
                and not (span.start <= e.start < span.end)
            ]
            if entities:
                nearest = min(entities, key=lambda e: abs(e.root.i - verb.i))
                speaker, cue = (
                    _speaker_from_token(text, mentions, nearest.root),
                    text.token_span(doc[verb.i : verb.i + 1]),
                )
                break
        found.append(_baseline_position(text, speaker, cue, match.start(), match.end(), "quotes"))
    return found


def parse_baseline(doc: Doc, text: BodyText, mentions: list[Mention], speech: set[str]) -> list[Position]:
    """Speaker = nsubj of a speech verb; content = its ccomp."""
    found = []
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in speech:
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        ccomp = next((c for c in token.children if c.dep_ == "ccomp"), None)
        if subject is None or ccomp is None:
            continue
        start, end = ccomp.left_edge.idx, ccomp.right_edge.idx + len(ccomp.right_edge.text)
        speaker, cue = _speaker_from_token(text, mentions, subject), text.token_span(doc[token.i : token.i + 1])
        found.append(_baseline_position(text, speaker, cue, start, end, "nsubj+ccomp"))
    return found


# -- PolNeAR --------------------------------------------------------------------------------------------------

_T_LINE = re.compile(r"^(T\d+)\t([\w-]+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t([\w-]+):(T\d+)((?: [\w-]+:T\d+)*)")


@dataclass
class GoldAttribution:
    content: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    source: list[tuple[int, int]] | None


def polnear_files(shared: Path, split: str) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs of a split: one annotator per article, the first id in sorted order."""
    folder = shared / "eval" / "polnear" / split
    chosen: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        chosen.setdefault(stem, ann)
    return [
        (folder / "text" / f"{stem}.txt", ann)
        for stem, ann in sorted(chosen.items())
        if (folder / "text" / f"{stem}.txt").is_file()
    ]


def read_brat(path: Path) -> list[GoldAttribution]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _T_LINE.match(line)
        if match:
            fragments = [tuple(map(int, piece.split())) for piece in match.group(3).split(";")]
            spans[match.group(1)] = (match.group(2), fragments)  # type: ignore[assignment]
            continue
        match = _E_LINE.match(line)
        if match and match.group(2).startswith("Attribution"):
            events.append(dict(role.split(":") for role in match.group(4).split()))
    found = []
    for roles in events:

        def get(role: str, roles: dict[str, str] = roles) -> list[tuple[int, int]] | None:
            key = roles.get(role)
            return spans[key][1] if key in spans else None

        content = get("Content")
        if content:
            found.append(GoldAttribution(content, get("Cue") or [], get("Source")))
    return found


def word_chars(text: str, ranges: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(i for start, end in ranges for i in range(start, min(end, len(text))) if text[i].isalnum())


@dataclass
class Predicted:
    content: frozenset[int]
    source: frozenset[int]
    names: set[str]
    speech: bool


def group_positions(text: str, found: list[Position], speech_lemmas: set[str], doc) -> list[Predicted]:  # type: ignore[no-untyped-def]
    """One predicted attribution per cue (a quote split by its attribution or continued is one)."""
    groups: dict[tuple, list[Position]] = defaultdict(list)
    for position in found:
        key = (
            (position.cue.start, position.cue.end)
            if position.cue is not None
            else (position.content.start, position.content.end)
        )
        groups[key].append(position)
    predicted = []
    for members in groups.values():
        chars = word_chars(text, [(p.content.start, p.content.end) for p in members])
        frame = [(p.speaker.start, p.speaker.end) for p in members] + [
            (p.cue.start, p.cue.end) for p in members if p.cue is not None
        ]
        chars = chars - word_chars(text, frame)
        first = members[0]
        names = {
            w.lower()
            for name in (first.speaker.actor, first.speaker.party)
            if name
            for w in re.findall(r"\w{3,}", name)
        }
        speech = (
            first.type == "statement"
            and first.cue is not None
            and _is_speech(doc, first.cue.start, first.cue.end, speech_lemmas)
        )
        predicted.append(Predicted(chars, word_chars(text, [(first.speaker.start, first.speaker.end)]), names, speech))
    return predicted


def _is_speech(doc, start: int, end: int, speech_lemmas: set[str]) -> bool:  # type: ignore[no-untyped-def]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    lemmas = [t.lemma_.lower() for t in span]
    joined = " ".join(lemmas), " ".join(t.lower_ for t in span)
    return any(lemma in speech_lemmas for lemma in lemmas) or any(
        " " in phrase and any(phrase in j for j in joined) for phrase in speech_lemmas
    )


@dataclass
class PolnearReport:
    split: str
    articles: int = 0
    gold: int = 0
    gold_speech: int = 0
    words: int = 0
    scores: dict[str, dict[str, Score]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(Score)))
    seconds: float = 0.0
    positions: int = 0  # the fact sheets' positions (system, fact sheets)
    with_party: int = 0  # of those, with a speaker's party


def match_pairs(
    predicted: list[Predicted],
    gold: list[tuple[GoldAttribution, frozenset[int], frozenset[int]]],
    text: str,
    accept: Callable[[Predicted, GoldAttribution, frozenset[int], frozenset[int]], bool],
) -> dict[int, int]:
    """One-to-one matching, largest overlap first: predicted index → gold index."""
    pairs = []
    for p_index, pred in enumerate(predicted):
        for g_index, (attribution, content, source) in enumerate(gold):
            overlap = len(pred.content & content)
            if overlap and accept(pred, attribution, content, source):
                pairs.append((-overlap, p_index, g_index))
    pairs.sort()
    taken_p: dict[int, int] = {}
    taken_g: set[int] = set()
    for _, p_index, g_index in pairs:
        if p_index in taken_p or g_index in taken_g:
            continue
        taken_p[p_index] = g_index
        taken_g.add(g_index)
    return taken_p


def score_article(
    report: PolnearReport,
    system: str,
    text: str,
    predicted: list[Predicted],
    gold: list[GoldAttribution],
    gold_speech: list[bool],
) -> None:
    golds = [(g, word_chars(text, g.content), word_chars(text, g.source or [])) for g in gold]

    def source_ok(
        pred: Predicted, attribution: GoldAttribution, content: frozenset[int], source: frozenset[int]
    ) -> bool:
        if attribution.source is None:
            return False
        if pred.source & source:
            return True
        gold_words = {w.lower() for start, end in attribution.source for w in re.findall(r"\w{3,}", text[start:end])}
        return bool(pred.names & gold_words)

    def exact(pred: Predicted, attribution: GoldAttribution, content: frozenset[int], source: frozenset[int]) -> bool:
        return pred.content == content

    for metric, accept in (("content overlap", lambda *a: True), ("content exact", exact), ("attribution", source_ok)):
        matched = match_pairs(predicted, golds, text, accept)
        matched_gold = set(matched.values())
        for subset in ("speech cues", "all cues"):
            keep_pred = [i for i, p in enumerate(predicted) if subset == "all cues" or p.speech]
            keep_gold = [
                i
                for i, g in enumerate(gold)
                if (subset == "all cues" or gold_speech[i]) and (metric != "attribution" or g.source is not None)
            ]
            score = Score(
                tp_pred=sum(
                    1
                    for i in keep_pred
                    if i in matched and (metric != "attribution" or golds[matched[i]][0].source is not None)
                ),
                pred=len(keep_pred),
                tp_gold=sum(1 for i in keep_gold if i in matched_gold),
                gold=len(keep_gold),
            )
            report.scores[f"{metric} — {subset}"][system].add(score)


def polnear_articles(shared: Path, split: str, limit: int | None) -> list[tuple[Article, Path]]:
    files = polnear_files(shared, split)
    if limit:
        files = files[:limit]
    found = []
    for text_path, ann_path in files:
        article = read_article(text_path, ProblemLog())
        if article is not None:
            found.append((article, ann_path))
    return found


def parse_all(engine: Engine, articles: list[Article], processes: int) -> dict[str, Doc]:
    """Parses by article id: from the cache, the rest parsed (in `processes` processes) and cached."""
    docs: dict[str, Doc] = {}
    missing = []
    for article in articles:
        doc = engine.caches.parses.get(engine.key(article), engine.pipeline.nlp.vocab)
        if doc is None:
            missing.append(article)
        else:
            docs[article.id] = doc
    if missing:
        print(
            f"  parsing {len(missing)} articles ({processes} process{'es' if processes > 1 else ''}); "
            "they are cached for the next run …",
            file=sys.stderr,
        )
        texts = [a.body for a in missing]
        parsed = engine.pipeline.nlp.pipe(texts, n_process=processes, batch_size=16)
        for article, doc in zip(missing, parsed, strict=True):
            engine.caches.parses.put(engine.key(article), doc)
            docs[article.id] = doc
    return docs


def evaluate_polnear(
    engine: Engine, shared: Path, split: str, limit: int | None = None, processes: int = 2
) -> PolnearReport:
    report = PolnearReport(split)
    articles = polnear_articles(shared, split, limit)
    docs = parse_all(engine, [a for a, _ in articles], processes)
    speech_lemmas = engine.compiled.lexicon.speech_lemmas()
    started = time.perf_counter()
    for article, ann_path in articles:
        doc = docs[article.id]
        text = article.text
        gold = read_brat(ann_path)
        gold_speech = [
            _is_speech(doc, min(s for s, _ in g.cue), max(e for _, e in g.cue), speech_lemmas) if g.cue else False
            for g in gold
        ]
        body = BodyText.of(article)
        resolved = find_mentions(article, doc, engine.compiled, body)
        mentions = resolved.mentions
        systems = {
            "system": find_positions(
                article, doc, engine.compiled, body, resolved, nesting="outer", negated=True, things=True
            ),
            "system (fact sheets)": find_positions(article, doc, engine.compiled, body, resolved),
            "baseline: quotes": quote_baseline(doc, body, mentions, speech_lemmas),
            "baseline: nsubj+ccomp": parse_baseline(doc, body, mentions, speech_lemmas),
        }
        for name, found in systems.items():
            score_article(report, name, text, group_positions(text, found, speech_lemmas, doc), gold, gold_speech)
        report.positions += len(systems["system (fact sheets)"])
        report.with_party += sum(1 for p in systems["system (fact sheets)"] if p.speaker.party)
        report.articles += 1
        report.gold += len(gold)
        report.gold_speech += sum(gold_speech)
        report.words += len(text.split())
    report.seconds = time.perf_counter() - started
    return report


# -- speed ----------------------------------------------------------------------------------------------------


@dataclass
class SpeedReport:
    words: int
    articles: int
    extract_with: float  # seconds, parse excluded
    extract_without: float
    parse: float  # seconds to parse the same texts (one process)
    parsed_words: int


def measure_speed(engine: Engine, shared: Path, limit: int | None, parse_sample: int = 20) -> SpeedReport:
    articles = [a for a, _ in polnear_articles(shared, "dev", limit)]
    docs = parse_all(engine, articles, 2)
    words = sum(len(a.body.split()) for a in articles)

    def run() -> float:
        started = time.perf_counter()
        for article in articles:
            engine.extract(article, docs[article.id])
        return time.perf_counter() - started

    run()  # warm up (lexicon compilation, first-call costs)
    with_attribution = min(run() for _ in range(2))
    original = extraction_module.find_positions
    try:
        extraction_module.find_positions = lambda *args, **kwargs: []  # type: ignore[assignment]
        without = min(run() for _ in range(2))
    finally:
        extraction_module.find_positions = original  # type: ignore[assignment]
    sample = articles[:parse_sample]
    started = time.perf_counter()
    for _doc in engine.pipeline.nlp.pipe([a.body for a in sample], batch_size=16):
        pass
    parse = time.perf_counter() - started
    return SpeedReport(words, len(articles), with_attribution, without, parse, sum(len(a.body.split()) for a in sample))


# -- output ---------------------------------------------------------------------------------------------------


def table(title: str, scores: dict[str, dict[str, Score]], systems: list[str], note: str = "") -> str:
    lines = [title]
    width = max(len(name) for name in scores) + 2
    header = " " * width + "".join(f"{name:>27}" for name in systems)
    lines.append(header)
    lines.append(" " * width + "".join(f"{'P':>9}{'R':>9}{'F1':>9}" for _ in systems))
    for metric, by_system in scores.items():
        row = f"{metric:<{width}}"
        for name in systems:
            score = by_system.get(name)
            row += f"{score.precision:>9.3f}{score.recall:>9.3f}{score.f1:>9.3f}" if score is not None else f"{'—':>27}"
        lines.append(row)
    if note:
        lines.append(note)
    return "\n".join(lines)


def count_table(title: str, scores: dict[str, dict[str, Score]], systems: list[str]) -> str:
    lines = [title]
    width = max(len(name) for name in scores) + 2
    lines.append(" " * width + "".join(f"{name:>27}" for name in systems))
    for metric, by_system in scores.items():
        row = f"{metric:<{width}}"
        for name in systems:
            s = by_system.get(name)
            row += f"{f'P {s.tp_pred}/{s.pred}  R {s.tp_gold}/{s.gold}':>27}" if s is not None else f"{'—':>27}"
        lines.append(row)
    return "\n".join(lines)


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """The command line's options."""
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder (default: ../shared)")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="spaCy pipeline (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="PolNeAR articles per split (default: all)")
    parser.add_argument("--rules", type=Path, action="append", default=None, help="rules folder (default: rules/)")
    parser.add_argument(
        "--packs", default=None, help="comma-separated rule packs to load; '' for none (default: world, when it exists)"
    )
    parser.add_argument(
        "--articles", type=Path, default=ROOT / "seeds", help="articles of the gold fact sheets (default: seeds/)"
    )
    parser.add_argument(
        "--sets",
        default="seed,dev,dev2,dev3,test",
        help="gold fact-sheet sets to score: seed (../shared), dev, dev2, dev3, test (default: all)",
    )
    parser.add_argument("--splits", default="dev,train", help="PolNeAR splits (default: dev,train)")
    parser.add_argument("--processes", type=int, default=2, help="processes for parsing uncached texts (default: 2)")
    parser.add_argument("--cache", type=Path, default=CACHE_DIR, help="parse cache folder (default: .cache/evaluate)")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    parser.add_argument("--verbose", action="store_true", help="list missed and extra positions")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    shared = args.shared.resolve()
    if not (shared / "eval").is_dir():
        print(
            f"no shared gold data at {shared / 'eval'} (the shared folder is absent; pass --shared PATH): "
            "its data sets are skipped, only the project's own gold is scored",
            file=sys.stderr,
        )
    from mkdocs_factsheet.rules import available_packs

    packs = (
        [p for p in args.packs.split(",") if p]
        if args.packs is not None
        else [p for p in ("world",) if p in available_packs()]
    )
    rules = args.rules or [ROOT / "rules"]
    started = time.perf_counter()
    try:
        engine = Engine.create(rules, packs=packs, model=args.model, caches=Caches(args.cache))
    except FactsheetError as error:
        print(f"error: cannot load the rules or the pipeline: {error}", file=sys.stderr)
        return 1
    print(f"rules: {', '.join(map(str, rules))}; packs: {', '.join(packs) or 'none'}; model: {args.model}")

    chosen = {key for key in args.sets.split(",") if key}
    for gold_set in gold_sets(shared, args.articles):
        if gold_set.key in chosen and gold_set.gold.is_dir():
            print_gold(gold_set, evaluate_gold(engine, gold_set.gold, gold_set.articles), args.verbose)
    for split in [s for s in args.splits.split(",") if s]:
        if not (shared / "eval" / "polnear" / split).is_dir():
            print(f"\nPolNeAR {split}: not found under {shared / 'eval' / 'polnear'}; skipped")
            continue
        report = evaluate_polnear(engine, shared, split, args.limit, args.processes)
        systems = ["system", "system (fact sheets)", "baseline: quotes", "baseline: nsubj+ccomp"]
        print()
        title = (
            f"PolNeAR {split}: {report.articles} articles, {report.words} words, {report.gold} attributions "
            f"({report.gold_speech} with a speech cue); scoring took {report.seconds:.1f} s"
        )
        print(table(title, report.scores, systems, POLNEAR_NOTE))
        share = report.with_party / report.positions if report.positions else 0.0
        counted = f"{report.with_party}/{report.positions} ({share:.0%})"
        print(f"positions with a speaker's party (system, fact sheets): {counted}")
    if not args.no_speed and (shared / "eval" / "polnear" / "dev").is_dir():
        print_speed(measure_speed(engine, shared, args.limit))
    print(f"\ntotal time {time.perf_counter() - started:.0f} s")
    return 0


def print_gold(gold_set: GoldSet, seed: SeedReport, verbose: bool) -> None:
    """The gold fact sheets' tables (and, `verbose`, the positions missed, extra or with a wrong speaker)."""
    if seed.articles:
        systems = ["system", "baseline: quotes", "baseline: nsubj+ccomp"]
        positions = {k: v for k, v in seed.scores.items() if k.startswith("positions")}
        print()
        print(table(f"Gold fact sheets ({gold_set.name}, {seed.articles} article(s))", positions, systems))
        names = {k: v for k, v in seed.scores.items() if not k.startswith("positions")}
        print(table("", names, ["system", "baseline: names only"]))
        print(count_table("counts", seed.scores, ["system"]))
        print(
            "positions with a wrong speaker (content of a gold position, other speaker): "
            + ", ".join(f"{name} {len(items)}" for name, items in seed.wrong_speakers.items())
        )
        found = seed.found
        if found["gold"]:
            share = {part: found[part] / found["gold"] for part in ("content", "speaker", "party")}
            of_found = found["party"] / found["content"] if found["content"] else 0.0
            print(
                f"of {found['gold']} gold positions (system, statements): content found {share['content']:.0%}, "
                f"right speaker {share['speaker']:.0%}, right party {share['party']:.0%} "
                f"({of_found:.0%} of those whose content is found)"
            )
        if verbose:
            for label, items in (
                ("missed", seed.missed),
                ("extra (not in the gold)", seed.extra),
                ("wrong speaker", seed.wrong_speakers["system"]),
            ):
                for item in items:
                    print(f"  {label}: {item}")
    else:
        print(f"\nno gold fact sheet in {gold_set.gold} matches an article in {gold_set.articles}")


def print_speed(speed: SpeedReport) -> None:
    """The speed figures."""
    parse_rate = speed.parsed_words / speed.parse if speed.parse else 0.0
    per_word_parse = 1 / parse_rate if parse_rate else 0.0
    print()
    print(f"Speed on PolNeAR dev ({speed.articles} articles, {speed.words} words; one process):")
    print(
        f"  extraction, parse excluded:  with attribution {speed.words / speed.extract_with:>10,.0f} words/s"
        f"   without {speed.words / speed.extract_without:>10,.0f} words/s"
    )
    with_total = speed.extract_with / speed.words + per_word_parse
    without_total = speed.extract_without / speed.words + per_word_parse
    print(
        f"  parse included:             with attribution {1 / with_total:>10,.0f} words/s   "
        f"without {1 / without_total:>10,.0f} words/s"
        f"   (parse alone {parse_rate:,.0f} words/s on {speed.parsed_words} words)"
    )


if __name__ == "__main__":
    sys.exit(main())
