"""Coverage and suggestions over a set of articles: what the rules found, what they never found, and what to add.

Built from fact sheets alone (no spaCy), so the command line (`mkdocs-factsheet report`) and the site can both
make it from the sheets they already have.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..model import FactSheet
from ..rules import RuleSet
from .coverage import RuleCoverage, rule_coverage
from .leads import Evidence, Lead, unassigned_leads, unattributed_leads
from .suggestions import Suggestion, suggestions

__all__ = ["Evidence", "Lead", "Report", "RuleCoverage", "Suggestion", "build_report"]


@dataclass
class Report:
    """Everything the report says about a rule set over a set of articles."""

    articles: int
    rules: list[RuleCoverage]  # every rule, most mentions first
    unassigned: list[Lead]  # names no rule covers, most mentions first
    unattributed: list[Lead]  # speakers whose party nobody knows, most positions first
    suggestions: list[Suggestion]  # best supported first

    def own_rules(self) -> list[RuleCoverage]:
        """The coverage of the site's own rules (not a pack's)."""
        return [rule for rule in self.rules if rule.pack is None]

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (phrase hits as objects, most first)."""
        data = asdict(self)
        for rule, coverage in zip(data["rules"], self.rules, strict=True):
            rule["phrases"] = dict(coverage.phrases.most_common())
        return data


def build_report(sheets: list[FactSheet], rules: RuleSet, rules_dir: str = "rules") -> Report:
    """The report over `sheets`, made with `rules`; new files are suggested under `rules_dir`."""
    return Report(
        len(sheets),
        rule_coverage(sheets, rules),
        unassigned_leads(sheets),
        unattributed_leads(sheets),
        suggestions(sheets, rules, rules_dir),
    )
