"""Safe names: any article id becomes a safe, distinct, deterministic page name (mkdocs_factsheet.site.naming)."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_factsheet.site.naming import is_plain, name_stems, page_stems, safe_stem

SAFE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?=[A-Za-z0-9]))*\Z")
DEVICES = re.compile(r"(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?\Z", re.IGNORECASE)

# (id, what it must not become / why it is nasty)
NASTY = [
    "../../etc/passwd",
    "..",
    ".",
    "...",
    "/etc/passwd",
    "\\\\server\\share\\x",
    "C:\\Windows\\win.ini",
    "c:",
    "CON",
    "con",
    "nul.txt",
    "Com1",
    "LPT9.report",
    "aux.",
    "index",
    "README",
    "name. ",
    "name...",
    " leading space",
    ".hidden",
    "",
    "   ",
    "\x00\x01\x1f",
    "line\nbreak",
    "chinа",  # Cyrillic а
    "ｃｈｉｎａ",  # fullwidth
    "ﬁnance",  # ligature
    "café",
    "cafe\u0301",  # the same, decomposed
    "北京",
    "🙂",
    "a" * 300,
    "é" * 300,
    "%2e%2e%2fsecret",
    "a?b#c&d=e",
    "<script>alert(1)</script>",
    "{{ config }}",
    "a/../../b",
    "a\u202eb",  # right-to-left override
    "a\u200bb",  # zero-width space
]


@pytest.mark.parametrize("key", NASTY, ids=[repr(k)[:40] for k in NASTY])
def test_nasty_ids_become_safe_stems(key: str) -> None:
    stem = safe_stem(key)
    assert SAFE.match(stem), stem
    assert ".." not in stem and "/" not in stem and "\\" not in stem and ":" not in stem
    assert not DEVICES.match(stem) and stem.lower() not in ("index", "readme")
    assert stem.isascii() and 1 <= len(stem) <= 64
    assert safe_stem(key) == stem  # deterministic
    if key != stem:
        assert re.search(r"-[0-9a-f]{8}\Z", stem), "a rewritten name carries the hash of the id"


@pytest.mark.parametrize("key", ["000_5792435e0273b1b7", "zz_alpha", "taiwan", "Report-2021", "v1.2", "a_b-c"])
def test_plain_ids_keep_their_names(key: str) -> None:
    assert is_plain(key) and safe_stem(key) == key


def test_look_alikes_never_take_the_name_of_the_real_page() -> None:
    stems = page_stems(["china", "chinа", "ｃｈｉｎａ", "CHINA", "China"])
    assert stems["china"] == "china"
    others = [stems[k] for k in ("chinа", "ｃｈｉｎａ", "CHINA", "China")]
    assert all(s.casefold() != "china" for s in others), others
    assert len({s.casefold() for s in stems.values()}) == 5


def test_case_only_collisions_get_distinct_names_independent_of_order() -> None:
    keys = ["Report", "report", "REPORT", "Other", "OTHER", "café", "cafe\u0301", "a" * 300, "a" * 301] + NASTY
    expected = page_stems(keys)
    assert len({s.casefold() for s in expected.values()}) == len(set(keys))
    assert expected["report"] == "report"
    for seed in range(5):
        shuffled = list(keys)
        random.Random(seed).shuffle(shuffled)
        assert page_stems(shuffled) == expected


@settings(max_examples=200, deadline=None)
@given(keys=st.lists(st.text(max_size=80), max_size=12))
def test_any_ids_get_safe_distinct_stems(keys: list[str]) -> None:
    stems = page_stems(keys)
    assert set(stems) == set(keys)
    assert len({s.casefold() for s in stems.values()}) == len(stems)
    for stem in stems.values():
        assert SAFE.match(stem) and not DEVICES.match(stem) and len(stem) <= 64 + 17


def test_people_get_readable_safe_distinct_names_independent_of_order() -> None:
    names = ["Antony Blinken", "antony blinken", "Yu Hoi-kwan", "Index", "CON", "Chinа Man", "China Man", *NASTY]
    expected = name_stems(names)
    assert expected["Yu Hoi-kwan"] == "yu-hoi-kwan" and expected["China Man"] == "china-man"
    assert expected["Chinа Man"] != "china-man"  # Cyrillic а: never the real name's page
    assert expected["Antony Blinken"] != expected["antony blinken"]  # one slug: each gets its name's hash
    assert len(set(expected.values())) == len(set(names))
    for stem in expected.values():
        assert SAFE.match(stem) and stem == stem.lower() and not DEVICES.match(stem) and stem not in ("index", "con")
    for seed in range(5):
        shuffled = list(names)
        random.Random(seed).shuffle(shuffled)
        assert name_stems(shuffled) == expected


@settings(max_examples=200, deadline=None)
@given(names=st.lists(st.text(max_size=80), max_size=12))
def test_any_names_get_safe_distinct_stems(names: list[str]) -> None:
    stems = name_stems(names)
    assert set(stems) == set(names) and len(set(stems.values())) == len(stems)
    for stem in stems.values():
        assert SAFE.match(stem) and not DEVICES.match(stem) and len(stem) <= 48 + 17


def test_rule_ids_that_are_not_slugs_are_rejected_with_a_location(tmp_path) -> None:
    """Rule ids are validated, not rewritten: a rule id reaches URLs, anchors and marker filters."""
    from mkdocs_factsheet.problems import RuleError
    from mkdocs_factsheet.rules import load_rules

    from .conftest import write_tree

    for index, bad in enumerate(["../x", "CON", "Taiwan", "chinа", "a b", "a" * 65, "", "x/y"]):
        rules = write_tree(tmp_path / f"rules-{index}", {"issues/x.yml": f"id: {bad!r}\ntitle: X\n".replace("'", '"')})
        with pytest.raises(RuleError) as caught:
            load_rules([rules])
        located = [p for p in caught.value.problems if p.line and p.column]
        assert located, (bad, str(caught.value))
