"""The report as Markdown: for the terminal, and as a page of the site."""

from __future__ import annotations

from typing import TypeVar

from . import Lead, Report, RuleCoverage

T = TypeVar("T")

PHRASES = 5  # phrase hits shown per rule
UNUSED = 12  # phrases that never fired shown per rule (the JSON has them all)


def report_markdown(report: Report, *, top: int = 20) -> str:
    """The report in Markdown: the `top` entries of each ranked list (0: all)."""
    lines = [f"# Rule coverage over {report.articles} article{'s' * (report.articles != 1)}", ""]
    lines += _coverage(report, top)
    lines += _never_fired(report)
    lines += _suggestions(report, top)
    lines += _leads("Unassigned actors (names no rule covers)", report.unassigned, top)
    lines += _leads("Unattributed speakers (positions with no party)", report.unattributed, top)
    return "\n".join(lines).rstrip() + "\n"


def _limited(items: list[T], top: int) -> list[T]:
    return items[:top] if top else items


def _coverage(report: Report, top: int) -> list[str]:
    own = report.own_rules()
    fired = [rule for rule in report.rules if rule.pack is not None and rule.mentions]
    lines = ["## Hits per rule", "", "| rule | mentions | articles | phrases that fired (hits) |", "|---|--:|--:|---|"]
    lines += [_row(rule) for rule in own if rule.mentions]
    lines += ["", f"### Pack rules that fired ({len(fired)})", ""]
    if fired:
        lines += ["| rule | mentions | articles | phrases that fired (hits) |", "|---|--:|--:|---|"]
        lines += [_row(rule) for rule in _limited(fired, top)]
    else:
        lines.append("None.")
    return [*lines, ""]


def _row(rule: RuleCoverage) -> str:
    phrases = ", ".join(f"{_cell(label)} ({hits})" for label, hits in rule.phrases.most_common(PHRASES))
    more = len(rule.phrases) - PHRASES
    phrases += f" and {more} more" if more > 0 else ""
    return f"| {rule.kind} `{rule.id}` | {rule.mentions} | {rule.articles} | {phrases or '—'} |"


def _never_fired(report: Report) -> list[str]:
    own = report.own_rules()
    silent = [rule for rule in own if not rule.mentions]
    lines = ["## Never fired (your rules)", ""]
    lines += [f"- {rule.kind} `{rule.id}` ({rule.source}): no mention in any article" for rule in silent]
    for rule in own:
        if rule.mentions and rule.unused:
            more = f" and {len(rule.unused) - UNUSED} more" if len(rule.unused) > UNUSED else ""
            unused = ", ".join(map(_cell, rule.unused[:UNUSED]))
            lines.append(f"- {rule.kind} `{rule.id}` ({rule.source}): {unused}{more}")
    if len(lines) == 2:
        lines.append("Every rule and phrase of yours fired.")
    return [*lines, ""]


def _suggestions(report: Report, top: int) -> list[str]:
    lines = ["## Suggestions", ""]
    if not report.suggestions:
        lines += ["None: the articles name nobody the rules could take in.", ""]
    for suggestion in _limited(report.suggestions, top):
        lines += [f"### {suggestion.title}", "", f"In `{suggestion.file}`:", "", "```yaml", suggestion.yaml.rstrip()]
        lines += ["```", ""]
        lines += [f"- {evidence.article}: “{evidence.sentence}”" for evidence in suggestion.examples]
        lines.append("")
    return lines


def _leads(title: str, leads: list[Lead], top: int) -> list[str]:
    lines = [f"## {title}", ""]
    if not leads:
        lines += ["None.", ""]
    for lead in _limited(leads, top):
        lines.append(f"- **{lead.name}** ({lead.label}): {lead.mentions}× in {lead.articles} article(s)")
        lines += [f"    - {evidence.article}: “{evidence.sentence}”" for evidence in lead.examples]
    return [*lines, ""]


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell or list item."""
    return text.replace("|", "\\|").replace("`", "'")
