"""Every shipped rule file (the example site's `rules/` and the built-in `core` pack) is valid.

Each file is read with the strict YAML reader and validated against the schema model its folder
names (`rules/parties/*.yml` → `Party`, ...). On top of the schema: a party or issue file is named
after its id, token patterns pass spaCy's check, every `parent` names an issue that exists, no
phrase names two issues (one matched span yields one issue, so a shared phrase would silently go to
only one of them), no phrase names two parties, and the examples of the example site name parties
and issues that exist.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from spacy.schemas import validate_token_pattern

from mkdocs_factsheet.rules.schema import RULE_FOLDERS, AgentFile, Example, Issue, Party, RuleModel, alias_of
from mkdocs_factsheet.rules.strict_yaml import load_yaml

PROJECT = Path(__file__).resolve().parent.parent
RULE_ROOTS = [PROJECT / "rules", PROJECT / "mkdocs_factsheet" / "packs" / "core"]
SUFFIXES = {".yml", ".yaml"}


def _rule_files() -> list[tuple[Path, Path]]:
    found = []
    for root in RULE_ROOTS:
        if root.is_dir():
            found += [(root, path) for path in sorted(root.rglob("*")) if path.suffix in SUFFIXES and path.is_file()]
    return found


RULE_FILES = _rule_files()


def _id(item: tuple[Path, Path]) -> str:
    root, path = item
    return f"{root.relative_to(PROJECT).as_posix()}/{path.relative_to(root).as_posix()}"


def _load(root: Path, path: Path) -> tuple[str, RuleModel]:
    """The folder of a rule file and its validated model; fails the test on any problem."""
    folder = path.relative_to(root).parts[0]
    assert folder in RULE_FOLDERS, f"{path}: rule files live in one of {sorted(RULE_FOLDERS)}/, not in {folder!r}"
    document, problems = load_yaml(path.read_text(encoding="utf-8"), str(path))
    assert not problems, "\n".join(str(problem) for problem in problems)
    assert document is not None and isinstance(document.data, dict), f"{path}: the file must hold one mapping"
    try:
        model = RULE_FOLDERS[folder].model_validate(document.data)
    except ValidationError as error:
        pytest.fail(f"{path} does not match the {RULE_FOLDERS[folder].__name__} schema:\n{error}")
    return folder, model


@lru_cache(maxsize=1)
def _loaded() -> list[tuple[Path, Path, str, RuleModel]]:
    loaded = []
    for root, path in RULE_FILES:
        try:
            folder, model = _load(root, path)
        except (AssertionError, pytest.fail.Exception):
            continue  # reported by test_rule_file_is_valid
        loaded.append((root, path, folder, model))
    return loaded


def _of(kind: type[RuleModel]) -> list[tuple[Path, Any]]:
    return [(path, model) for _, path, _, model in _loaded() if isinstance(model, kind)]


def test_rule_files_are_found() -> None:
    folders = {path.relative_to(root).parts[0] for root, path in RULE_FILES}
    assert {"parties", "issues", "agents"} <= folders, (
        f"expected party, issue and agent files; found folders {sorted(folders)}"
    )


@pytest.mark.parametrize("item", RULE_FILES, ids=[_id(item) for item in RULE_FILES])
def test_rule_file_is_valid(item: tuple[Path, Path]) -> None:
    root, path = item
    folder, model = _load(root, path)
    if isinstance(model, (Party, Issue)):
        assert model.id == path.stem, f"{path}: the file of {folder[:-1]} {model.id!r} must be named {model.id}.yml"


def test_token_patterns_are_valid() -> None:
    """spaCy's own check of every Matcher pattern (party, member and issue `patterns`)."""
    bad = []
    for path, rule in [*_of(Party), *_of(Issue)]:
        holders = [rule, *getattr(rule, "members", [])]
        for holder in holders:
            for index, pattern in enumerate(holder.patterns):
                errors = validate_token_pattern(pattern) if pattern else ["empty pattern"]
                bad += [
                    f"{path}: pattern {index + 1} of {getattr(holder, 'name', rule.id)!r}: {error}" for error in errors
                ]
    assert not bad, "\n".join(bad)


def test_issue_parents_exist() -> None:
    issues = {model.id for _, model in _of(Issue)}
    missing = [
        f"{path}: parent {model.parent!r} is not an issue"
        for path, model in _of(Issue)
        if model.parent and model.parent not in issues
    ]
    assert not missing, "\n".join(missing)
    parents = {model.id: model.parent for _, model in _of(Issue)}
    for path, model in _of(Issue):  # no loops either
        seen, parent = {model.id}, model.parent
        while parent is not None and parent in parents:
            assert parent not in seen, f"{path}: issue {model.id!r} is its own ancestor"
            seen.add(parent)
            parent = parents[parent]


def _owners(phrases: list[tuple[str, str, str]]) -> list[str]:
    """Phrases (case-folded) that two different rules claim, as messages."""
    owners: dict[str, tuple[str, str]] = {}
    clashes = []
    for rule_id, where, text in phrases:
        key = " ".join(text.casefold().split())
        if key in owners and owners[key][0] != rule_id:
            clashes.append(f"{text!r} ({where} of {rule_id!r}) already names {owners[key][0]!r} ({owners[key][1]})")
        owners.setdefault(key, (rule_id, where))
    return clashes


def test_no_alias_names_two_issues() -> None:
    phrases = []
    for _, issue in _of(Issue):
        phrases.append((issue.id, "title", issue.title))
        phrases += [(issue.id, "alias", alias_of(spec).text) for spec in issue.aliases]
    clashes = _owners(phrases)
    assert not clashes, "\n".join(clashes)


def test_no_keyword_names_two_issues() -> None:
    phrases = []
    for _, issue in _of(Issue):
        phrases.append((issue.id, "title", issue.title))
        phrases += [(issue.id, "alias", alias_of(spec).text) for spec in issue.aliases]
        phrases += [(issue.id, "keyword", keyword) for keyword in issue.keywords]
    clashes = _owners(phrases)
    assert not clashes, "\n".join(clashes)


def test_no_phrase_names_two_parties() -> None:
    phrases = []
    for _, party in _of(Party):
        phrases.append((party.id, "name", party.name))
        phrases += [(party.id, "alias", alias_of(spec).text) for spec in [*party.aliases, *party.adjectives]]
        for member in party.members:
            phrases.append((party.id, f"member {member.name!r}", member.name))
            phrases += [(party.id, f"alias of {member.name!r}", alias_of(spec).text) for spec in member.aliases]
    clashes = _owners(phrases)
    assert not clashes, "\n".join(clashes)


def test_agent_names_are_unique() -> None:
    names: dict[str, Path] = {}
    for path, agent_file in _of(AgentFile):
        for agent in agent_file.agents:
            key = agent.name.casefold()
            assert key not in names, f"{path}: agent {agent.name!r} is also defined in {names[key]}"
            names[key] = path


def test_site_examples_name_known_rules() -> None:
    """Examples in `rules/` may only name the site's own parties and issues (pack examples may name a pack's)."""
    parties = {model.id for _, model in _of(Party)}
    issues = {model.id for _, model in _of(Issue)}
    unknown = []
    for root, path, _, model in _loaded():
        if root != RULE_ROOTS[0]:
            continue
        for example in getattr(model, "examples", []):
            assert isinstance(example, Example)
            unknown += [
                f"{path}: example names unknown party {p!r}"
                for p in [*(example.parties or []), *example.actors.values()]
                if p not in parties
            ]
            unknown += [f"{path}: example names unknown issue {i!r}" for i in example.issues or [] if i not in issues]
    assert not unknown, "\n".join(unknown)
