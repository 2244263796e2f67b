"""Notices a generated page shows about the build itself (not about its facts)."""

from __future__ import annotations

from .html import note, text


def broken_rules_notice(problems: list[str]) -> str:
    """What `mkdocs serve` shows on each generated page while the rules are broken: the problems at
    file:line:column, and that the facts are the last good ones."""
    items = "\n".join(f"<li><code>{text(problem)}</code></li>" for problem in problems)
    message = note(
        "<strong>The rules are broken</strong>: these pages show the facts of the last build whose rules loaded. "
        "Fix the rules and save; the pages follow.",
        "factsheet-note factsheet-broken-rules",
    )
    return f'<div role="alert">\n{message}\n<ul>\n{items}\n</ul>\n</div>'
