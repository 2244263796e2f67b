"""The index pages: one per folder of generated pages (Articles, Issues, Parties), each linking to every
page of its folder. With `nav_pages: indexes` (the default) they and the overview are all the menu holds,
so the menu stays the same size however many articles the site has.

The articles index groups the articles by month, newest first, under a list of the months: a reader
finds an article among thousands by its date, and the page grows by one table row per article.
"""

from __future__ import annotations

import calendar
import re
from typing import TYPE_CHECKING

from .html import muted, note, paragraph, plural, table, text
from .inline import Inline

if TYPE_CHECKING:
    from mkdocs_factsheet import FactSheet

UNDATED = "Undated"
"""The heading of the articles without a date, listed last."""
ARTICLE_COLUMNS = ["Date", "Article", "Source", "Parties", "Positions"]
_MONTH = re.compile(r"(\d{4})-(\d{2})")


def month_of(sheet: FactSheet) -> str:
    """The article's month as `YYYY-MM`, or `UNDATED`."""
    found = _MONTH.match(sheet.article.date or "")
    return f"{found[1]}-{found[2]}" if found and 1 <= int(found[2]) <= 12 else UNDATED


def month_title(month: str) -> str:
    """`2021-02` → `February 2021`."""
    if month == UNDATED:
        return UNDATED
    year, number = month.split("-")
    return f"{calendar.month_name[int(number)]} {year}"


class Indexes(Inline):
    """The index pages of the generated folders (the people index: `PeoplePages.people_page`)."""

    def people_page(self) -> str:  # `people_pages.PeoplePages`, beside it in the renderer
        raise NotImplementedError

    def index_page(self, key: str) -> str:
        """The Markdown of the index page of a folder (`articles`, `issues`, `parties`)."""
        if key == "articles":
            return self.articles_index()
        if key == "issues":
            return self.held.join(["# Issues", self.issue_table()]) + "\n"
        if key == "parties":
            return self.held.join(["# Parties", *self.party_table()]) + "\n"
        if key == "people":
            return self.people_page()
        raise ValueError(f"no index page for {key!r}")

    def articles_index(self) -> str:
        """Every article, by month, newest first; the months listed first as links to their sections."""
        sheets = self.briefing.newest_first()
        out = ["# Articles"]
        if not sheets:
            out.append(note("There are no articles yet."))
            return self.held.join(out) + "\n"
        months: dict[str, list[FactSheet]] = {}
        for sheet in sheets:
            months.setdefault(month_of(sheet), []).append(sheet)
        links = [
            f'<a href="#{_anchor(month)}">{month_title(month)}</a> {muted(str(len(group)))}'
            for month, group in months.items()
        ]
        out.append(paragraph(f"{plural(len(sheets), 'article')}, newest first, by month: " + " · ".join(links)))
        for month, group in months.items():
            out.append(f'<h2 id="{_anchor(month)}">{month_title(month)}</h2>')
            out.append(table(ARTICLE_COLUMNS, self.article_rows(group)))
        return self.held.join(out) + "\n"

    def article_rows(self, sheets: list[FactSheet]) -> list[list[str]]:
        """One row per article: date, title (linked), source, main parties, number of positions."""
        return [
            [
                self.date(s),
                self.article(s),
                text(s.article.source) if s.article.source else "—",
                self.main_parties(s),
                str(len(s.positions)),
            ]
            for s in sheets
        ]

    def main_parties(self, sheet: FactSheet) -> str:
        """The parties of an article, most mentioned first; those mentioned in passing only counted."""
        minor = sum(party.minor for party in sheet.parties)
        main = ", ".join(self.party(p.id) for p in sheet.parties if not p.minor) or "—"
        return main + (f" {muted(plural(minor, 'minor party', 'minor parties'))}" if minor else "")

    def issue_table(self) -> str:
        """Every issue, with the number of articles touching it and of positions on it."""
        briefing = self.briefing
        if not briefing.issue_ids:
            return note("No issue is mentioned in the articles yet.")
        rows = [
            [self.issue(i), str(len(briefing.articles_of_issue(i))), str(len(briefing.select(issues=[i])))]
            for i in briefing.issue_ids
        ]
        return table(["Issue", "Articles", "Positions"], rows)

    def party_table(self) -> list[str]:
        """Every party, with its articles, positions and actors; a note on provisional parties when any."""
        briefing = self.briefing
        if not briefing.party_ids:
            return [note("No party is named in the articles yet.")]
        rows = [
            [
                self.party(p) + (f" {muted('not in the rules')}" if p in briefing.provisional else ""),
                str(len(briefing.articles_of_party(p))),
                str(len(briefing.select(parties=[p]))),
                str(len(briefing.actors(p))),
            ]
            for p in briefing.party_ids
        ]
        out = [table(["Party", "Articles", "Positions", "Actors"], rows)]
        if briefing.provisional:
            out.append(note(text("Parties marked “not in the rules” are provisional: " + PROVISIONAL_WHAT)))
        return out


PROVISIONAL_WHAT = (
    "organisations the articles name and no rule defines, named from the text because someone speaks for them. "
    "Add a party rule file (parties/<id>.yml) with its aliases and members to define one; "
    "mkdocs-factsheet check then tests it."
)


def _anchor(month: str) -> str:
    return "undated" if month == UNDATED else f"m-{month}"
