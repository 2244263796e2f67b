"""The engine: articles + rules + a spaCy pipeline → fact sheets, through the caches its caller owns; then
the affiliations carried across the site (`propagate`, on all the sheets at once, never cached)."""

from __future__ import annotations

from .caches import Caches, Memos
from .engine import Engine, Progress
from .propagation import propagate

__all__ = ["Caches", "Engine", "Memos", "Progress", "propagate"]
