"""Problems found in user input (rules, articles), reported with a location and a remedy."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one input file, located as precisely as the input allows."""

    path: str
    line: int | None = None
    column: int | None = None
    message: str = ""
    hint: str = ""
    severity: Severity = "error"
    reason: str = ""
    """For an article that was skipped: why, in a few words (`empty`, `too large`…), for the counts."""

    @property
    def location(self) -> str:
        """`path:line:column`, leaving out what is unknown."""
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class RuleWarning(UserWarning):
    """A rule that did something costly or odd on an article (a token pattern over its matching budget)."""


class FactsheetError(Exception):
    """Base class of the documented errors the engine raises."""


class RuleError(FactsheetError):
    """The rules could not be loaded; `problems` lists every mistake found, not just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__(
            f"{len(self.problems)} problem(s) in the rules:\n" + "\n".join(f"  {p}" for p in self.problems)
        )


class PipelineError(FactsheetError):
    """The spaCy pipeline could not be loaded."""


@dataclass
class ProblemLog:
    """Collects problems while the rest of the input keeps being processed."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def error(
        self,
        path: str,
        message: str,
        hint: str = "",
        line: int | None = None,
        column: int | None = None,
        *,
        reason: str = "",
    ) -> None:
        self.add(Problem(path, line, column, message, hint, "error", reason))

    def warning(
        self, path: str, message: str, hint: str = "", line: int | None = None, column: int | None = None
    ) -> None:
        self.add(Problem(path, line, column, message, hint, "warning"))

    def skipped(self) -> dict[str, int]:
        """How many files were skipped, by reason (problems that carry one), most frequent first."""
        counts: dict[str, int] = {}
        for problem in self.problems:
            if problem.reason:
                counts[problem.reason] = counts.get(problem.reason, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]
