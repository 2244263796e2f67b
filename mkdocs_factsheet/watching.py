"""`mkdocs-factsheet render --watch`: render again whenever an article, a rule or a hand-written page changes.

Made to run beside a generator's own server (`zensical serve`), which sees the rewritten files as it
sees the user's edits. The watcher polls: each cycle compares the size and modification time of
every watched file with the last cycle's, and renders when one differs. It keeps one `Caches` for
the whole session, so spaCy is loaded once and an unchanged article is neither parsed nor analysed
again; `render` writes only the files whose bytes change. A render that fails (a broken rule, a
missing pipeline) writes nothing: the pages of the last good render stay, and the next change is
tried again.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from .engine import Caches
from .problems import FactsheetError, RuleError
from .rendering import Outcome, RenderSettings, read_manifest, render

Stamp = tuple[int, int]
"""What tells a file changed: its modification time (ns) and its size."""


def error_lines(error: FactsheetError) -> list[str]:
    """What a failed render reports: each problem of broken rules on its line (`file:line:column: …`)."""
    if isinstance(error, RuleError):
        return [str(problem) for problem in error.problems] + [f"{len(error.problems)} problem(s) in the rules."]
    return [f"error: {error}"]


def _visible_files(folder: Path) -> Iterator[Path]:
    """The files under `folder` (or `folder` itself, a file), hidden files and folders left out."""
    if folder.is_file():
        yield folder
        return
    for path in folder.rglob("*") if folder.is_dir() else []:
        relative = path.relative_to(folder).parts
        if not any(part.startswith(".") for part in relative) and path.is_file():
            yield path


def _changed(before: dict[Path, Stamp], now: dict[Path, Stamp]) -> list[str]:
    """The files added, removed or changed from one set of stamps to the next, sorted."""
    return sorted(str(path) for path in before.keys() | now.keys() if before.get(path) != now.get(path))


@dataclass
class Cycle:
    """One poll: the watched files that changed, and what the render they caused did (or why it failed)."""

    changed: list[str]  # added, changed or removed since the last cycle; none for the first render
    outcome: Outcome | None = None
    error: FactsheetError | None = None

    @property
    def rendered(self) -> bool:
        """Whether this cycle tried a render."""
        return self.outcome is not None or self.error is not None


class Watcher:
    """Polls the articles, the rule folders and the hand-written pages; renders when one of them changed."""

    def __init__(self, settings: RenderSettings, warn: Callable[[str], None]):
        self.settings = settings
        self.warn = warn
        self.caches = Caches(settings.cache_dir, warn)
        self.stamps: dict[Path, Stamp] | None = None  # None until the first render

    def watched(self) -> Iterator[Path]:
        """The articles, the rule files, and the Markdown pages of the docs folder that render did not write."""
        yield from _visible_files(self.settings.articles)
        for folder in self.settings.rule_dirs:
            yield from _visible_files(folder)
        out = self.settings.out
        generated = set(read_manifest(out))
        for path in _visible_files(out):
            if path.suffix == ".md" and path.relative_to(out).as_posix() not in generated:
                yield path

    def _stamps(self) -> dict[Path, Stamp]:
        stamps = {}
        for path in self.watched():
            try:
                status = path.stat()
            except OSError:  # removed while looking: the next cycle sees it gone
                continue
            stamps[path] = (status.st_mtime_ns, status.st_size)
        return stamps

    def cycle(self) -> Cycle:
        """Render when a watched file was added, changed or removed since the last cycle (the first always does)."""
        stamps, before = self._stamps(), self.stamps
        changed = [] if before is None else _changed(before, stamps)
        if before is not None and not changed:
            return Cycle([])
        self.stamps = stamps
        try:
            outcome = render(self.settings, warn=self.warn, caches=self.caches)
        except FactsheetError as error:
            return Cycle(changed, error=error)
        for relative in outcome.refreshed:  # render's own edits of hand-written pages are not changes to react to
            path = self.settings.out / relative
            if path in stamps:
                status = path.stat()
                stamps[path] = (status.st_mtime_ns, status.st_size)
        return Cycle(changed, outcome)


class _Interrupts:
    """Ctrl-C between renders stops at once; during a render, the first waits for it to finish writing."""

    def __init__(self) -> None:
        self.rendering = False
        self.requested = False

    def __call__(self, number: int, frame: FrameType | None) -> None:
        if self.rendering and not self.requested:
            self.requested = True  # the pages and the manifest stay in step; a second Ctrl-C stops now
            return
        raise KeyboardInterrupt


def watch(watcher: Watcher, on_cycle: Callable[[Cycle], None], interval: float = 1.0) -> None:
    """Poll every `interval` seconds until Ctrl-C; `on_cycle` hears of each cycle that rendered or failed."""
    interrupts = _Interrupts()
    previous = signal.signal(signal.SIGINT, interrupts)
    try:
        while not interrupts.requested:
            interrupts.rendering = True
            cycle = watcher.cycle()
            interrupts.rendering = False
            if cycle.rendered:
                on_cycle(cycle)
            if not interrupts.requested:
                time.sleep(interval)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGINT, previous)
