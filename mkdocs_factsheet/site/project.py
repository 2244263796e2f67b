"""Paths of the project as the user knows them: relative to the folder of `mkdocs.yml` when inside it.

Messages, pages and `factsheets.json` name article and rule files this way, so that nothing
depends on where the site was built; `edit_uri` points a generated page at the file it comes from.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

if TYPE_CHECKING:
    from mkdocs_factsheet import Problem


class ProjectPaths:
    """The project's folder (that of `mkdocs.yml`) and its `docs_dir`, both absolute and resolved."""

    def __init__(self, root: Path, docs_dir: Path):
        self.root = root
        self.docs_dir = docs_dir

    def shown(self, path: str) -> str:
        """A path as the user knows it: relative to the project folder when inside it."""
        absolute = Path(os.path.abspath(path))  # a symlink is named as itself, not as what it points to
        if absolute.is_relative_to(self.root):
            return absolute.relative_to(self.root).as_posix()
        try:
            resolved = Path(path).resolve()
        except (OSError, RuntimeError):
            return path
        return resolved.relative_to(self.root).as_posix() if resolved.is_relative_to(self.root) else path

    def problem_text(self, problem: Problem) -> str:
        """A problem as `path:line:column: message`, its path shown relative to the project."""
        return self.shown(problem.path) + str(problem)[len(problem.path) :]

    def portable(self, data: dict[str, Any]) -> dict[str, Any]:
        """A fact sheet's dict with paths relative to the project, so the JSON does not depend on where the
        site was built (`data` is changed in place and returned)."""
        data["article"]["path"] = self.shown(data["article"]["path"])
        for party in data.get("parties", []):
            if party.get("rule"):
                path, _, line = party["rule"].rpartition(":")
                party["rule"] = f"{self.shown(path)}:{line}" if path and line.isdigit() else self.shown(party["rule"])
        return data

    def edit_uri(self, source: str | None) -> str | None:
        """The source file of a generated page relative to `docs_dir`, as MkDocs' `edit_uri` expects.

        MkDocs joins it to `repo_url` + `edit_uri` (e.g. `edit/main/docs/`), and `../` climbs out of
        `docs/`, so `../seeds/x.txt` becomes `edit/main/seeds/x.txt`. None for a file outside the project.
        Percent-encoded (all but letters, digits, `-._~/`): the themes write the edit URL into `href="…"`
        unescaped, and an article's file name is untrusted (`a" onmouseover="….txt`).
        """
        if source is None:
            return None
        path = Path(source).resolve()
        if not path.is_relative_to(self.root):
            return None
        relative = Path(os.path.relpath(path, self.docs_dir)).as_posix()
        return quote(relative, safe="/", errors="surrogateescape")
