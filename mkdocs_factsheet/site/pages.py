"""The generated pages, theme-agnostic: the overview, and one page per article, issue and party.

A page is Markdown headings around HTML blocks held back from Markdown (see `html`); each page's
Markdown ends with a newline.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .briefing import Matrix, PositionEntry, speaker_name
from .figures import Figures, by_count
from .highlights import Highlight, by_span, mark_up
from .html import Markdown, href, muted, note, paragraph, plural, table, text, text_in_context
from .indexes import ARTICLE_COLUMNS, PROVISIONAL_WHAT, Indexes
from .people_pages import PeoplePages
from .urls import PageRef, markdown_link

if TYPE_CHECKING:
    from mkdocs_factsheet import FactSheet, Problem

HIGHLIGHT_LEGEND = (
    '<p class="factsheet-legend">In the text below: '
    '<span class="factsheet-swatch factsheet-swatch-party">party or actor</span> '
    '<span class="factsheet-swatch factsheet-swatch-quote">quoted position</span> '
    '<span class="factsheet-swatch factsheet-swatch-issue">issue mention</span>. '
    "Click a highlight to go to its fact in the sheet above (a quote by its <em>P</em> number); "
    "<em>in text</em> in the sheet leads back here.</p>"
)

OVERVIEW_ARTICLES = 50
"""Most articles the overview lists; the articles index lists every one, by month."""
PASSING_MENTIONS = 2
"""At most this many mentions, all articles together, and no position and no actor: a party mentioned in passing
(the overview lists it on one line, not in its table of parties)."""
IN_PASSING = f"no position, no actor, at most {PASSING_MENTIONS} mentions"
POSITION_COLUMNS = ["date", "article", "speaker", "stance", "kind", "quote", "why"]
"""The columns of the positions on an issue's page (a party's adds the issues: one row per position)."""


class Renderer(PeoplePages, Figures, Indexes):
    """Renders the pages and fragments of one page (`here`, a src_uri), linking relative to it."""

    def page(self, ref: PageRef, problems: list[Problem], loaded: set[str]) -> str:
        """The Markdown of a generated page (`problems` and the `loaded` article files: for the overview)."""
        if ref.kind == "overview":
            return self.overview_page(problems, loaded)
        if ref.kind == "index":
            return self.index_page(ref.key)
        if ref.kind == "article":
            sheet = self.briefing.by_id[ref.key]
            return self.article_page(sheet, self.site.shown(sheet.article.path))
        if ref.kind == "issue":
            return self.issue_page(ref.key)
        if ref.kind == "person":
            return self.person_page(ref.key)
        return self.party_page(ref.key)

    # -- an article -----------------------------------------------------------------------------------

    def article_page(self, sheet: FactSheet, source_path: str) -> str:
        """An article's fact sheet, who talks to whom in it, and its text with the facts highlighted."""
        info = sheet.article
        out = [f"# {text(info.title)}"]
        meta = [f"<strong>Date:</strong> {self.date(sheet)}"]
        if info.source:
            meta.append(f"<strong>Source:</strong> {text(info.source)}")
        url = href(info.url)
        if url:
            meta.append(f'<a href="{url}" rel="nofollow noopener">Original article</a>')
        meta.append(f"<strong>File:</strong> {text(source_path)}")
        out.append('<p class="factsheet-meta">' + " · ".join(meta) + "</p>")
        out.extend(self.article_facts(sheet, level=2, self_links=True))
        out.append("## Who talks to whom")
        out.append(self.talks(self.briefing.select(articles=[info.id]), article=sheet))
        out.append("## Text")
        out.append(HIGHLIGHT_LEGEND)
        out.append(self.article_text(sheet))
        return self.held.join(out) + "\n"

    def highlights(self, sheet: FactSheet) -> list[Highlight]:
        """The facts of an article as spans to mark in its text, each linked back to its fact row."""
        found = []
        for number, position in enumerate(sheet.positions, 1):
            speaker = text(speaker_name(position.speaker), limit=60)
            title = f"Position {number}: {speaker}, {text(self.briefing.stance_label(position.stance))}"
            found.append(
                Highlight(
                    position.content.start,
                    position.content.end,
                    "quote",
                    f"hl-p-{number}",
                    f"fact-p-{number}",
                    title,
                    f"P{number}",
                )
            )
        for issue in sheet.issues:
            title = f"Issue: {text(self.briefing.issue_title(issue.id))}"
            for index, mention in enumerate(issue.mentions, 1):
                found.append(
                    Highlight(
                        mention.start,
                        mention.end,
                        "issue",
                        f"hl-i-{issue.id}-{index}",
                        f"fact-i-{issue.id}-{index}",
                        title,
                    )
                )
        for party in sheet.parties:
            actors = {
                span.start: number
                for number, actor in reversed(list(enumerate(party.actors, 1)))
                for span in actor.spans
            }
            name = text(party.name)
            for index, span in enumerate(party.spans, 1):
                actor = actors.get(span.start)
                back = f"fact-actor-{party.id}-{actor}" if actor else f"fact-party-{party.id}"
                who = f"{text(party.actors[actor - 1].name)} ({name})" if actor else name
                ident = f"hl-m-{party.id}-{index}"
                found.append(Highlight(span.start, span.end, "party", ident, back, f"Party: {who}"))
        return found

    def article_text(self, sheet: FactSheet) -> str:
        """The article's sentences as one raw HTML block, each sentence anchored `s-N`, facts highlighted."""
        touching = by_span(self.highlights(sheet), sheet.sentences)
        pieces: dict[str, int] = {}
        paragraphs: list[list[str]] = [[]]
        for number, (sentence, inside) in enumerate(zip(sheet.sentences, touching, strict=True), 1):
            if not sentence.text.strip():
                continue
            lead = len(sentence.text) - len(sentence.text.lstrip())
            body = sentence.text.strip()
            paragraphs[-1].append(
                f'<span class="factsheet-sentence" id="s-{number}">'
                f'<a class="factsheet-sentence-number" href="#s-{number}">{number}</a> '
                f"{mark_up(body, sentence.start + lead, inside, text_in_context, pieces)}</span>"
            )
            if "\n" in sentence.text[len(sentence.text.rstrip()) :]:
                paragraphs.append([])
        body = "\n".join(f"<p>{' '.join(p)}</p>" for p in paragraphs if p)
        return f'<div class="factsheet-text">\n{body}\n</div>'

    # -- an issue and a party -------------------------------------------------------------------------

    def issue_page(self, issue_id: str) -> str:
        """An issue: what it is, who took which stance on it and when, the positions by party, the evidence."""
        title = text(self.briefing.issue_title(issue_id))
        out = [f"# {title}"]
        rule = self.briefing.rules.issues.get(issue_id)
        about = []
        if rule is not None and rule.description:
            about.append(text(rule.description))
        if rule is not None and rule.parent:
            about.append(f"Part of {self.issue(rule.parent)}.")
        children = [
            i
            for i in self.briefing.issue_ids
            if (r := self.briefing.rules.issues.get(i)) is not None and r.parent == issue_id
        ]
        if children:
            about.append("Narrower issues: " + ", ".join(self.issue(i) for i in children) + ".")
        if about:
            out.append(paragraph(" ".join(about)))
        entries = self.briefing.select(issues=[issue_id])
        if entries:
            count = len(self.ranked_parties(entries, most=len(entries)))
            lead = f"{plural(len(entries), 'position')} on {title} by {plural(count, 'party', 'parties')}"
            out += self.summary(entries, lead=lead, issues=False)
            out += self.changes(entries, "party")
        out += self._at_a_glance(None, "", entries, "party", f"on {title}")
        if entries:
            for party in self._parties_of(entries):
                mine = [q for q in entries if q.position.speaker.party == party]
                heading = self.party(party) if party else "Speaker without a party"
                out.append(f'### <span id="party-{party or "none"}"></span>{heading}')
                out.append(self.positions_table(mine, columns=POSITION_COLUMNS))
        else:
            out.append(note("No positions on this issue were found in the articles."))
        out.append('## <span id="fs-evidence"></span>Evidence')
        evidence = self.briefing.evidence(issue_id)
        out.append(self.evidence_table(evidence) if evidence else note("No sentence names this issue."))
        return self.held.join(out) + "\n"

    def _at_a_glance(
        self, matrix: Matrix | None, caption: str, entries: list[PositionEntry], lanes_by: str, subject: str
    ) -> list[str]:
        """The pictures of an issue's page (a timeline) or a party's (its matrix too), and the heading of its
        positions. An issue's matrix would be one row, what its positions tables say already."""
        out = []
        if matrix is not None:
            out += ["## At a glance", self.matrix(matrix, caption=caption)]
        if entries:
            out += [] if matrix is not None else ["## Over time"]
            out.append(self.timeline(entries, lanes_by=lanes_by, subject=subject))
        out.append("## Positions")
        return out

    def _parties_of(self, entries: list[PositionEntry]) -> list[str | None]:
        parties = list(dict.fromkeys(q.position.speaker.party for q in entries))
        return sorted(parties, key=lambda p: (p is None, self.briefing.party_name(p).casefold() if p else ""))

    def party_page(self, party_id: str) -> str:
        """A party: its actors, its stances issue by issue and over time, its positions, its articles."""
        name = text(self.briefing.party_name(party_id))
        out = [f"# {name}"]
        rule = self.briefing.rules.parties.get(party_id)
        if rule is not None and rule.description:
            out.append(paragraph(text(rule.description)))
        if party_id in self.briefing.provisional:
            out.append(note(text("Not in the rules: a provisional party. Provisional parties are " + PROVISIONAL_WHAT)))
        entries = self.briefing.select(parties=[party_id])
        if entries:
            articles = len({q.sheet.article.id for q in entries})
            lead = f"{name}: {plural(len(entries), 'position')} in {plural(articles, 'article')}"
            out += self.summary(entries, lead=lead, parties=False)
            out += self.changes(entries, "issue")
        out.append("## Actors")
        out.append(self._actors_table(party_id))
        matrix = self.briefing.matrix(parties=[party_id])
        out += self._at_a_glance(matrix, f"The stances {name} took, issue by issue.", entries, "issue", f"of {name}")
        if entries:  # one row per position, its issues in a column: a quote on three issues is shown once
            columns = [*POSITION_COLUMNS[:4], "issues", *POSITION_COLUMNS[4:]]
            issues = dict.fromkeys(i for q in entries for i in q.position.issues)
            anchors = "".join(f'<span id="issue-{i}"></span>' for i in issues)  # the matrix's links without issue pages
            out.append(anchors + self.positions_table(entries, columns=columns))
        else:
            out.append(note("No positions of this party were found in the articles."))
        out.append("## Articles")
        rows = []
        for sheet in self.briefing.articles_of_party(party_id):
            facts = sheet.party(party_id)
            rows.append(
                [
                    self.date(sheet),
                    self.article(sheet),
                    str(facts.mentions if facts else 0),
                    str(sum(1 for p in sheet.positions if p.speaker.party == party_id)),
                ]
            )
        out.append(table(["Date", "Article", "Mentions", "Positions"], rows))
        return self.held.join(out) + "\n"

    def _actors_table(self, party_id: str) -> str:
        actors = self.briefing.actors(party_id)
        if not actors:
            return note("No actor of this party is named in the articles.")
        rows = [
            [
                self.person(a.name),
                text(a.kind),
                ", ".join(text(r) for r in a.roles) or "—",
                str(a.mentions),
                ", ".join(self.article(self.briefing.by_id[i]) for i in a.articles),
            ]
            for a in actors
        ]
        return table(["Actor", "Kind", "Role", "Mentions", "Articles"], rows)

    # -- the overview ---------------------------------------------------------------------------------

    def overview_page(self, problems: list[Problem], loaded: set[str]) -> str:
        """The overview: summary, matrix, articles newest first, issues, parties, problems."""
        briefing = self.briefing
        out = ["# Overview"]
        lead = (
            f"{plural(len(briefing.sheets), 'article')}, {plural(len(briefing.party_ids), 'party', 'parties')}, "
            f"{plural(len(briefing.issue_ids), 'issue')} and {plural(len(briefing.quotes), 'position')}"
        )
        out += self.summary(briefing.quotes, lead=lead)
        out += self.changes(briefing.quotes, "issue")
        if self.site.json_uri:
            name = self.site.json_uri.rsplit("/", 1)[-1]
            link = f"All the facts as JSON: [{text(name)}]({markdown_link(self.here, self.site.json_uri)})."
            out.append(Markdown(link))  # a link to a file that is not a page: MkDocs makes its URL
        out.append("## Who said what")
        out.append(
            self.matrix(
                briefing.matrix(),
                caption="Each party’s stances on each issue, counted over all "
                "articles; a cell links to the quotes on the issue’s page.",
            )
        )
        out.append("## Who talks to whom")
        out.append(self.talks(briefing.quotes))
        out.append("## Articles")
        out += self._latest_articles()
        if briefing.issue_ids:
            out.append("## Issues")
            out.append(self.issue_table())
        out += self._parties_section()
        out.append("## Problems")
        out += self._problems(problems, loaded)
        return self.held.join(out) + "\n"

    def _latest_articles(self) -> list[str]:
        """The newest articles; past `OVERVIEW_ARTICLES`, a link to the articles index for the rest."""
        sheets = self.briefing.newest_first()
        if not sheets:
            return [note("There are no articles yet.")]
        index = self.site.get("index", "articles")
        shown = sheets[:OVERVIEW_ARTICLES] if index is not None else sheets
        out = [table(ARTICLE_COLUMNS, self.article_rows(shown))]
        if len(shown) < len(sheets) and index is not None:
            every = f"[all {len(sheets)} articles, by month]({markdown_link(self.here, index.src_uri)})"
            out.append(Markdown(f"The {len(shown)} newest are shown; see {every}."))
        return out

    def _parties_section(self) -> list[str]:
        """The overview's parties, most mentioned first; those mentioned only in passing (`in_passing`) on one
        line after the table."""
        briefing = self.briefing
        if not briefing.party_ids:
            return []
        mentions = {p: self.mentions(p) for p in briefing.party_ids}
        ranked = sorted(briefing.party_ids, key=lambda p: (-mentions[p], briefing.party_name(p).casefold()))
        passing = [p for p in ranked if self.in_passing(p, mentions[p])]
        rows = [
            [
                self.party(p) + (f" {muted('not in the rules')}" if p in briefing.provisional else ""),
                str(mentions[p]),
                str(len(briefing.articles_of_party(p))),
                str(len(briefing.select(parties=[p]))),
                str(len(briefing.actors(p))),
            ]
            for p in ranked
            if p not in passing
        ]
        out = ["## Parties", table(["Party", "Mentions", "Articles", "Positions", "Actors"], rows)]
        if passing:
            also = ", ".join(f"{self.party(p)} ({mentions[p]})" for p in passing)
            out.append(
                paragraph(f'<span class="factsheet-also">Also mentioned, in passing ({IN_PASSING}):</span> {also}.')
            )
        if briefing.provisional:
            out.append(note(text("Parties marked “not in the rules” are provisional: " + PROVISIONAL_WHAT)))
        return out

    def in_passing(self, party_id: str, mentions: int) -> bool:
        """Whether the articles mention a party only in passing: no position, no actor, few mentions."""
        return (
            mentions <= PASSING_MENTIONS
            and not self.briefing.select(parties=[party_id])
            and not self.briefing.actors(party_id)
        )

    def _problems(self, problems: list[Problem], loaded: set[str]) -> list[str]:
        """The article files that had problems, and whether each was published (`loaded`) or skipped."""
        if not problems:
            return [paragraph("Every article file was read without problems.")]
        paths = sorted({p.path for p in problems})
        skipped = [path for path in paths if path not in loaded]
        reasons = Counter(p.reason for p in problems if p.reason and p.path not in loaded)
        why = ", ".join(f"{count} {text(reason)}" for reason, count in by_count(reasons))
        summary = paragraph(
            f"{plural(len(paths), 'article file')} had problems; {len(skipped)} "
            f"{'was' if len(skipped) == 1 else 'were'} skipped (not published)"
            f"{f' ({why})' if why else ''}:"
        )
        rows = []
        for problem in sorted(problems):
            where = self.site.shown(problem.path) + problem.location[len(problem.path) :]
            hint = f" {muted(text(problem.hint))}" if problem.hint else ""
            rows.append(
                [text(where), "skipped" if problem.path not in loaded else "published", text(problem.message) + hint]
            )
        return [summary, table(["File", "Article", "Problem"], rows)]
