"""The engine: articles + rules + a spaCy pipeline → fact sheets, through the caches."""

from __future__ import annotations

from .engine import Engine, Progress

__all__ = ["Engine", "Progress"]
