"""The rule language: strict YAML with positions, the pydantic schema, and the loader with located errors."""

from __future__ import annotations

from .files import rule_files
from .loader import available_packs, load_rules
from .ruleset import RuleExample, RuleLayer, RuleSet

__all__ = ["RuleExample", "RuleLayer", "RuleSet", "available_packs", "load_rules", "rule_files"]
