"""The rule language: strict YAML with positions, the pydantic schema, and the loader with located errors."""

from __future__ import annotations

from .loader import RuleExample, RuleLayer, RuleSet, available_packs, load_rules

__all__ = ["RuleExample", "RuleLayer", "RuleSet", "available_packs", "load_rules"]
