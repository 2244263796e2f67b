"""Options that make no sense are refused when `mkdocs.yml` is read, with the option named."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, ConfigurationError

from mkdocs_factsheet.articles import MAX_ARTICLE_SIZE
from mkdocs_factsheet.plugin.config import FactsheetConfig

from .plugin_helpers import LogCapture, build, make_site


@pytest.mark.parametrize("option", [{"max_article_size": -5}, {"processes": -1}, {"processes": True}])
def test_negative_counts_are_refused(tmp_path: Path, option: dict) -> None:
    site = make_site(tmp_path, tmp_path / "cache", options={"model": "blank", **option})
    with LogCapture() as logs, pytest.raises((Abort, ConfigurationError)):
        build(site)
    [name] = option
    assert any(name in message and "0 or more" in message for message in logs.messages()), logs.messages()


def test_the_default_size_limit_is_the_library_s() -> None:
    config = FactsheetConfig()
    config.load_dict({})
    assert not config.validate()[0] and config.max_article_size == MAX_ARTICLE_SIZE == 500_000


def test_an_articles_option_naming_a_file_is_reported(tmp_path: Path) -> None:
    site = make_site(tmp_path, tmp_path / "cache", options={"model": "blank", "articles": "seeds/zz_alpha.md"})
    with LogCapture() as logs:
        build(site, strict=False)
    assert any("zz_alpha.md: the articles folder is a file, not a folder" in m for m in logs.messages())
