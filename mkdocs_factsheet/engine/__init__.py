"""The engine: articles + rules + a spaCy pipeline → fact sheets, through the caches its caller owns."""

from __future__ import annotations

from .caches import Caches, Memos
from .engine import Engine, Progress

__all__ = ["Caches", "Engine", "Memos", "Progress"]
