"""The MkDocs plugin `factsheet`: a thin adapter from the engine to generated pages and markers.

Registered under the `mkdocs.plugins` entry point group as `factsheet`
(`mkdocs_factsheet.plugin.plugin:FactsheetPlugin`).
"""

from .config import FactsheetConfig
from .plugin import FactsheetPlugin

__all__ = ["FactsheetConfig", "FactsheetPlugin"]
