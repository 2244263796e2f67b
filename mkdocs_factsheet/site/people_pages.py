"""The people pages: the index of everyone quoted or named as a party's actor, and one page per named person
with their parties, roles and every position, each linked to its sentence."""

from __future__ import annotations

from .html import muted, note, paragraph, plural, table, text
from .people import Person, person_key
from .summaries import Summaries
from .tables import Tables

POSITION_LINKS = 8
"""How many positions of a person the index links one by one (their page lists them all)."""
PERSON_COLUMNS = ["date", "article", "stance", "issues", "kind", "quote", "why"]
"""The columns of the positions on a person's page."""
NO_PARTY = (
    "No rule and no article says whom they act for. To give them a party, add them to a party rule file "
    "(members: in parties/<id>.yml); mkdocs-factsheet report suggests the YAML."
)


class PeoplePages(Tables, Summaries):
    """The people index and the page of one person."""

    def people_page(self) -> str:
        """Everyone quoted or named: the named people (most positions first), then the speakers only described."""
        people = self.briefing.people.values()
        named = sorted((p for p in people if p.named), key=_by_activity)
        described = sorted((p for p in people if not p.named), key=_by_activity)
        out = ["# People"]
        unknown = sum(1 for p in named if p.party is None or p.party in self.briefing.provisional)
        out.append(
            paragraph(
                f"{plural(len(named), 'person or body', 'people and bodies')} quoted or named as a party’s actor "
                f"in {plural(len(self.briefing.sheets), 'article')}; {unknown} of them with no party of the rules "
                "(a provisional party, or none). Each position links to its sentence; a name, to every position "
                "of that person."
            )
        )
        if named:
            rows = [
                [
                    self.person(p.name),
                    self._parties_cell(p),
                    ", ".join(text(r) for r in p.roles) or "—",
                    str(len(p.positions)),
                    self._position_links(p),
                    str(len(p.articles)),
                ]
                for p in named
            ]
            out.append(table(["Person", "Party", "Role", "Positions", "Quoted on", "Articles"], rows))
        else:
            out.append(note("No person is quoted or named in the articles."))
        if described:
            out.append("## Other speakers")
            out.append(
                paragraph(
                    "Quoted by a party’s name, a description, a pronoun or a source that no rule resolves to "
                    "a person, grouped by the words of the text."
                )
            )
            rows = [
                [text(p.name), self._parties_cell(p), str(len(p.positions)), self._position_links(p, limit=None)]
                for p in described
            ]
            out.append(table(["Speaker", "Party", "Positions", "Quoted on"], rows))
        out += self._unplaced()
        return self.held.join(out) + "\n"

    def _unplaced(self) -> list[str]:
        """People the language model found that no rule covers and nobody quotes (unassigned actors labelled
        PERSON), with the sentences that name them, article by article."""
        found: dict[str, tuple[str, int, list[str]]] = {}  # key → name, mentions, where
        for sheet in self.briefing.newest_first():
            for actor in sheet.unassigned_actors:
                key = person_key(actor.name)
                if actor.label != "PERSON" or key in self.briefing.people:
                    continue
                name, mentions, where = found.get(key, (actor.name, 0, []))
                where.append(f"{self.date(sheet)}: {self.sentences(sheet, actor.spans) or '—'}")
                found[key] = (name, mentions + actor.mentions, where)
        if not found:
            return []
        rows = [
            [text(name), str(mentions), "; ".join(where)]
            for name, mentions, where in sorted(found.values(), key=lambda f: (-f[1], f[0].casefold()))
        ]
        lead = (
            "Names of people the language model found in the articles that no rule covers and nobody quotes: "
            "candidates for a party’s <code>members</code> (each sentence linked)."
        )
        return ["## Named, not placed", paragraph(lead), table(["Name", "Mentions", "Named in"], rows)]

    def _parties_cell(self, person: Person) -> str:
        """The person's parties, most frequent first, provisional ones marked; `—` for none."""
        shown = [
            self.party(p) + (f" {muted('not in the rules')}" if p in self.briefing.provisional else "")
            for p, _ in person.parties.most_common()
        ]
        return ", ".join(shown) or "—"

    def _position_links(self, person: Person, limit: int | None = POSITION_LINKS) -> str:
        """The person's positions article by article, newest last: `2019-09-06: 3, 5` (sentences, linked);
        after `limit` positions, a link to their page."""
        shown = person.positions if limit is None else person.positions[:limit]
        by_article: dict[str, list[str]] = {}
        for quote in shown:
            number = self.briefing.sentence_number(quote.sheet, quote.offset)
            label = f"s. {number}" if number else "—"
            link = self.sentence(quote.sheet, quote.offset, label=label) or label
            by_article.setdefault(quote.sheet.article.id, []).append(link)
        parts = [f"{self.date(self.briefing.by_id[i])}: {', '.join(links)}" for i, links in by_article.items()]
        if len(person.positions) > len(shown):
            parts.append(f"… {self.person(person.name)}")
        return "; ".join(parts) or "—"

    def person_page(self, key: str) -> str:
        """A person: parties and roles, a summary and every position, the articles naming them."""
        person = self.briefing.people[key]
        name = text(person.name)
        out = [f"# {name}"]
        facts = [f"<strong>Party:</strong> {self._parties_cell(person)}"]
        if person.roles:
            facts.append("<strong>Role:</strong> " + ", ".join(text(r) for r in person.roles))
        if person.mentions:
            facts.append(f"<strong>Named</strong> {plural(person.mentions, 'time')} as an actor")
        out.append('<p class="factsheet-meta">' + " · ".join(facts) + "</p>")
        if person.party is None:
            out.append(note(text(NO_PARTY)))
        entries = person.positions
        if entries:
            lead = f"{name}: {plural(len(entries), 'position')} in {plural(len(person.articles), 'article')}"
            out += self.summary(entries, lead=lead, parties=False)
        out.append("## Positions")
        if entries:
            out.append(self.positions_table(entries, columns=PERSON_COLUMNS))
        else:
            out.append(note(f"{name} is named in the articles but not quoted."))
        out.append("## Articles")
        mine = set(person.articles)
        rows = [
            [self.date(sheet), self.article(sheet), str(sum(1 for q in entries if q.sheet is sheet))]
            for sheet in self.briefing.newest_first()
            if sheet.article.id in mine
        ]
        out.append(table(["Date", "Article", "Positions"], rows))
        return self.held.join(out) + "\n"


def _by_activity(person: Person) -> tuple[int, int, str]:
    return (-len(person.positions), -person.mentions, person.name.casefold())
