"""Fixtures of the browser tests: the example site built once per theme and served over HTTP, and
headless Chromium driven by Playwright.

The browser is the system's Chromium (Debian's `chromium` package, which `.ci/run` installs);
Playwright's own browser download is never used. Without Playwright or Chromium the browser tests
skip with the reason, unless `FACTSHEET_REQUIRE_BROWSER=1` (set by `.ci/run` once the browser is
installed), which turns the skip into a failure.

Screenshots go to `$FACTSHEET_ARTEFACTS` (default: `test-artifacts/browser/` in the checkout).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from ..plugin_helpers import ROOT
from .sites import THEMES, BuiltSite, Server, build_example, read_facts

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these, Chromium keeps trying to reach Google's servers (noise, or refused
    # connections on machines without internet access).
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 800}


def artefacts_dir() -> Path:
    return Path(os.environ.get("FACTSHEET_ARTEFACTS") or ROOT / "test-artifacts" / "browser")


_skips: list[str] = []
_shots: list[Path] = []


def screenshot(page: Any, name: str, *, full_page: bool = True, clip: dict[str, float] | None = None) -> Path:
    """Save a PNG of the page (or of `clip`, in page coordinates) as a test artefact."""
    folder = artefacts_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page or clip is not None, clip=clip)
    _shots.append(path)
    return path


def _unavailable(reason: str) -> None:
    """Skip (or fail under FACTSHEET_REQUIRE_BROWSER=1) because the browser cannot run."""
    message = f"browser tests need headless Chromium: {reason}"
    if os.environ.get("FACTSHEET_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{message} (FACTSHEET_REQUIRE_BROWSER=1, so this is a failure, not a skip)", pytrace=False)
    _skips.append(message)
    pytest.skip(message)


def chromium_executable() -> str | None:
    configured = os.environ.get("FACTSHEET_CHROMIUM")
    if configured:
        return configured
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _unavailable("the Python package 'playwright' is not installed (pip install -e '.[test]')")
    executable = chromium_executable()
    if executable is None:
        _unavailable(
            "no Chromium found (looked for " + ", ".join(CHROMIUM_NAMES) + " on PATH and $FACTSHEET_CHROMIUM); "
            "on Debian/Ubuntu: apt-get install chromium"
        )
    manager = sync_playwright()
    playwright = manager.start()
    try:
        try:
            chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        except Error as error:
            first_line = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
            _unavailable(f"{executable} did not start: {first_line}")
        yield chromium
        chromium.close()
    finally:
        playwright.stop()


@pytest.fixture(scope="session")
def browser_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("browser-factsheet-cache")


@pytest.fixture(scope="session", params=THEMES)
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, browser_cache_dir: Path
) -> Iterator[BuiltSite]:
    """The example site in one theme: built once per session and served on 127.0.0.1."""
    theme = request.param
    site = build_example(tmp_path_factory.mktemp(f"example-{theme}"), theme, browser_cache_dir)
    prefix = next(e["factsheet"] for e in site.config["plugins"] if isinstance(e, dict) and "factsheet" in e)["prefix"]
    with Server(site.site_dir) as server:
        yield BuiltSite(theme, site, server.base_url, prefix, {"sheets": read_facts(site)})


@dataclass
class Tab:
    """A browser page with everything that went wrong while it was open."""

    page: Any
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return self.console_errors + [f"request outside the site (blocked): {url}" for url in self.external_requests]


@pytest.fixture
def tab(browser: Any, served: BuiltSite) -> Iterator[Tab]:
    """A fresh browser context and page. Requests outside the served site are blocked and recorded,
    so results do not depend on internet access (the themes' CDN assets are switched off)."""
    context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(15_000)
    tab = Tab(page, served.base_url)
    local = urlsplit(served.base_url).netloc

    def route(route: Any) -> None:
        url = route.request.url
        if urlsplit(url).netloc == local or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            tab.external_requests.append(url)
            route.abort()

    page.route("**/*", route)
    page.on(
        "console",
        lambda msg: (
            tab.console_errors.append(f"console.{msg.type}: {msg.text} ({msg.location.get('url', '')})")
            if msg.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: tab.console_errors.append(f"uncaught exception: {error}"))
    yield tab
    context.close()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _shots:
        terminalreporter.write_line(f"browser tests: {len(_shots)} screenshots in {artefacts_dir()}")
    if _skips:
        terminalreporter.write_sep("!", "BROWSER TESTS SKIPPED", yellow=True, bold=True)
        terminalreporter.write_line(_skips[0])
