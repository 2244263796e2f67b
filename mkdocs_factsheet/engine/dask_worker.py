"""The Dask worker plugin of `cluster`: each worker's engine, its pipeline loaded once (imports `distributed`)."""

from __future__ import annotations

import gc
from typing import Any

from distributed import WorkerPlugin

from ..rules.ruleset import RuleSet
from .cluster import PLUGIN_NAME
from .engine import Engine


class PipelineLoader(WorkerPlugin):
    """Loads the pipeline (and compiles the rules, when given) once per worker, and keeps its engine.

    `setup` runs in every worker as it joins, those started or restarted later too; the instance
    lives in the worker (`Worker.plugins[PLUGIN_NAME]`), which is where a batch finds the engine.
    The rules are pickled once per worker with the plugin, never with each batch.
    """

    name = PLUGIN_NAME

    def __init__(self, model: str, rules: RuleSet | None):
        self.model = model
        self.rules = rules
        self.engine: Engine | None = None

    def setup(self, worker: Any) -> None:
        self.engine = Engine(self.model, self.rules or RuleSet())
        if self.rules is not None:
            self.engine.compiled  # noqa: B018 - loads the pipeline and compiles the rules now, once
        else:
            self.engine.pipeline  # noqa: B018
        # The pipeline and the rules are millions of objects that live as long as the worker: out of the
        # garbage collector's reach, or every full collection while parsing walks them all (as `runners` does).
        gc.freeze()

    def teardown(self, worker: Any) -> None:
        self.engine = None
        gc.unfreeze()
