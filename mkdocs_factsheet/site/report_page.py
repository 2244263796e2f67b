"""The opt-in report page (`report: true`): rule coverage, what never fired, suggestions and leads, as a site page.

The same `report.Report` as `mkdocs-factsheet report` prints, rendered like the other pages: Markdown headings
around HTML blocks held back from Markdown, every article sentence, name and rule phrase escaped (`html.text`).
"""

from __future__ import annotations

import html as html_module
from collections.abc import Callable
from typing import TYPE_CHECKING

from . import html

if TYPE_CHECKING:  # the report is an opt-in page: a build without it does not import the report
    from ..report import Evidence, Lead, Report, RuleCoverage

REPORT_PAGE = "report.md"  # inside the prefix
TOP = 20  # entries shown per ranked list
PHRASES = 5  # phrase hits shown per rule
UNUSED = 12  # phrases that never fired shown per rule


def report_page(report: Report, held: html.HeldBlocks, shown: Callable[[str], str]) -> str:
    """The page's Markdown; `shown` turns a rule file's path into the one the user knows."""
    parts: list[str] = ["# Rule coverage and suggestions"]
    parts.append(
        html.paragraph(
            f"What the rules found over {html.plural(report.articles, 'article')}, which of your rules and phrases "
            "never fired, and rules to add for the names no rule covers. <code>mkdocs-factsheet report</code> "
            "prints the same in a terminal."
        )
    )
    own = [rule for rule in report.own_rules() if rule.mentions]
    packs = [rule for rule in report.rules if rule.pack is not None and rule.mentions][:TOP]
    parts += ["## Hits per rule", _coverage(own, shown) if own else html.note("None of your rules fired.")]
    parts += [f"## Pack rules that fired ({len(packs)})", _coverage(packs, shown) if packs else html.note("None.")]
    parts += ["## Never fired (your rules)", _never_fired(report, shown)]
    parts += ["## Suggestions", *_suggestions(report, shown)]
    parts += ["## Unassigned actors", _leads(report.unassigned, "names no rule covers", shown)]
    parts += ["## Unattributed speakers", _leads(report.unattributed, "positions with no party", shown)]
    return held.join(parts) + "\n"


def _source(rule: RuleCoverage, shown: Callable[[str], str]) -> str:
    if rule.pack is not None:
        return html.text(rule.source)  # `<pack world>/parties/china.yml:2`
    path, _, line = rule.source.rpartition(":")
    return html.text(f"{shown(path)}:{line}" if path and line.isdigit() else shown(rule.source))


def _coverage(rules: list[RuleCoverage], shown: Callable[[str], str]) -> str:
    rows = []
    for rule in rules:
        phrases = ", ".join(f"{html.text(label)} ({hits})" for label, hits in rule.phrases.most_common(PHRASES))
        more = len(rule.phrases) - PHRASES
        phrases += f" and {more} more" if more > 0 else ""
        name = f"{rule.kind} <code>{html.text(rule.id)}</code> {html.muted(_source(rule, shown))}"
        rows.append([name, str(rule.mentions), str(rule.articles), phrases or "—"])
    return html.table(["rule", "mentions", "articles", "phrases that fired (hits)"], rows)


def _never_fired(report: Report, shown: Callable[[str], str]) -> str:
    items = []
    for rule in report.own_rules():
        name = f"{rule.kind} <code>{html.text(rule.id)}</code> {html.muted(_source(rule, shown))}"
        if not rule.mentions:
            items.append(f"{name}: no mention in any article")
        elif rule.unused:
            more = f" and {len(rule.unused) - UNUSED} more" if len(rule.unused) > UNUSED else ""
            items.append(f"{name}: {', '.join(html.text(p) for p in rule.unused[:UNUSED])}{more}")
    return _list(items) if items else html.note("Every rule and phrase of yours fired.")


def _evidence(examples: list[Evidence], shown: Callable[[str], str]) -> str:
    return _list([f"{html.text(shown(e.article))}: “{html.text(e.sentence)}”" for e in examples])


def _suggestions(report: Report, shown: Callable[[str], str]) -> list[str]:
    if not report.suggestions:
        return [html.note("None: the articles name nobody the rules could take in.")]
    parts: list[str] = []
    for suggestion in report.suggestions[:TOP]:
        parts.append(html.paragraph(f"<strong>{html.text(suggestion.title)}</strong>"))
        parts.append(html.paragraph(f"In <code>{html.text(suggestion.file)}</code>:"))
        parts.append(f'<pre><code class="language-yaml">{html_module.escape(suggestion.yaml.rstrip())}</code></pre>')
        parts.append(_evidence(suggestion.examples, shown))
    return parts


def _leads(leads: list[Lead], none: str, shown: Callable[[str], str]) -> str:
    if not leads:
        return html.note(f"None: no {none}.")
    items = []
    for lead in leads[:TOP]:
        evidence = _evidence(lead.examples, shown)
        head = f"<strong>{html.text(lead.name)}</strong> ({html.text(lead.label)}): {lead.mentions}× in "
        items.append(head + html.plural(lead.articles, "article") + (evidence if lead.examples else ""))
    return _list(items)


def _list(items: list[str]) -> str:
    return "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>"
