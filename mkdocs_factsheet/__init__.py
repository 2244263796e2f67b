"""mkdocs-factsheet: fact sheets of parties, positions and issues from news articles.

The engine (this package minus `plugin`) knows nothing of MkDocs; the MkDocs plugin and the
`mkdocs-factsheet` command line are thin adapters over it.
"""

from .articles import Article, load_articles, read_article
from .engine import Caches, Engine
from .model import FactSheet
from .problems import FactsheetError, PipelineError, Problem, ProblemLog, RuleError
from .rules import RuleSet, load_rules

__all__ = [
    "Article",
    "Caches",
    "Engine",
    "FactSheet",
    "FactsheetError",
    "PipelineError",
    "Problem",
    "ProblemLog",
    "RuleError",
    "RuleSet",
    "load_articles",
    "load_rules",
    "read_article",
]
