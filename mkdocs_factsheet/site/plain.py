"""A fact sheet as compact plain Markdown, for the terminal (`mkdocs-factsheet extract --format markdown`).

The site's pages are richer (`pages`); this is one article's facts as lines of text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .briefing import speaker_name

if TYPE_CHECKING:
    from mkdocs_factsheet.model import FactSheet

_OPENING_MARKS = '“"«„‘'
_CLOSING_MARKS = '”"»“’'


def render_markdown(sheet: FactSheet) -> str:
    """A compact plain-Markdown fact sheet for the terminal (the site's pages are richer)."""
    lines: list[str] = [f"# {sheet.article.title}", ""]
    meta = [str(value) for value in (sheet.article.date, sheet.article.source, sheet.article.path) if value]
    lines += [" · ".join(meta), "", "## Parties", ""]
    for party in sheet.parties:
        actors = ", ".join(f"{a.name}" + (f" ({a.role})" if a.role else "") for a in party.actors)
        lines.append(f"- **{party.name}** ({party.mentions}×)" + (f": {actors}" if actors else ""))
    lines += ["", "## Positions", ""]
    for position in sheet.positions:
        who = speaker_name(position.speaker)
        detail = ", ".join(filter(None, [position.kind, position.stance, *position.issues]))
        lines.append(f"- {who} ({position.speaker.party or '?'}; {detail}): {_quoted(position.content.text)}")
    lines += ["", "## Issues", ""]
    for issue in sheet.issues:
        lines.append(f"- **{issue.title}** ({len(issue.mentions)}×; {', '.join(issue.parties) or 'no party'})")
    if sheet.unassigned_actors:
        lines += ["", "## Unassigned actors", ""]
        lines += [f"- {actor.name} ({actor.label}, {actor.mentions}×)" for actor in sheet.unassigned_actors]
    return "\n".join(lines) + "\n"


def _quoted(content: str) -> str:
    """Content in quotation marks, once: a direct quote keeps its own marks (“…”, not ““…””)."""
    if content[:1] in _OPENING_MARKS and content[-1:] in _CLOSING_MARKS and len(content) > 1:
        return content
    return f"“{content}”"
