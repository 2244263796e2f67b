"""Loading rule folders into a `RuleSet`: the layers in order, merged, then checked across files.

A rule folder holds `parties/`, `issues/`, `agents/` and `cues/`; the folder decides a file's
kind. Built-in packs (`core`, always; `world`, on request) are loaded first and a user's rule
with the same id replaces the pack's. Every mistake is collected, located (file:line:column)
and reported at once in a `RuleError`. A layer's validated files, and a whole rule set that loaded
cleanly, can be kept by a `LayerStore` the caller owns, so that unchanged rules are not read again.
"""

from __future__ import annotations

import difflib
import hashlib
from pathlib import Path
from typing import Any

from ..problems import Problem, RuleError
from .extending import Place, extend_party
from .files import ParsedFile, RuleFile, parse_rule_file, read_rule_files
from .layer_sources import LayerStore, available_packs, pack_dir, pack_places, rule_set_key, without_places
from .ruleset import RuleExample, RuleLayer, RuleOrigins, RuleSet, RuleSource
from .schema import (
    AgentFile,
    AliasSpec,
    CounterExample,
    CounterExampleSpec,
    CueFile,
    Example,
    Issue,
    Party,
    PartyExtension,
    RuleModel,
    alias_of,
)
from .strict_yaml import YamlDocument


def _example_source(document: YamlDocument, path: tuple[Any, ...], pack: str | None) -> RuleSource:
    line, column = document.locate(path)
    return RuleSource(document.path, line, pack, column)


def load_rules(
    rule_dirs: list[Path],
    packs: list[str] | tuple[str, ...] = (),
    *,
    with_core: bool = True,
    layers: LayerStore | None = None,
    places: bool = True,
) -> RuleSet:
    """Load the core pack, the named packs, then the user's rule folders, in that order.

    With `layers`, layers that validated cleanly are kept there and read back when unchanged. A missing
    rules folder is no problem when packs are named (they are the rules). With `places` false, the
    sub-national places a pack lists in its `places.txt` (states, provinces, cities) are not its parties'
    aliases.
    """
    problems: list[Problem] = []
    sources: list[tuple[Path, str | None]] = []
    if with_core:
        sources.append((pack_dir("core"), "core"))
    for name in packs:
        if not pack_dir(name).is_dir():
            problems.append(
                Problem(
                    name, None, None, f"unknown rule pack {name!r}", f"available packs: {', '.join(available_packs())}"
                )
            )
            continue
        sources.append((pack_dir(name), name))
    for directory in rule_dirs:
        if directory.is_dir():
            sources.append((directory, None))
        elif not packs:
            hint = "create it, set the rules folder option, or list built-in packs: `packs: [world, issues]`"
            problems.append(Problem(str(directory), None, None, "the rules folder does not exist", hint))
    read = [(pack, read_rule_files(directory, pack, problems)) for directory, pack in sources]
    key = rule_set_key(sources, read, places)
    stored = layers.get_rule_set(key) if layers and not problems else None
    if stored is not None:
        return stored
    collector = _Collector(problems, layers, places)
    collector.other.update(repr([(str(directory), pack) for directory, pack in sources]).encode())
    for pack, files in read:
        collector.load_layer(files, pack)
    rules = collector.finish()
    if [p for p in problems if p.severity == "error"]:
        raise RuleError(problems)
    rules.warnings = sorted(p for p in problems if p.severity == "warning")
    if layers:
        layers.put_rule_set(key, rules, collector.origins)
    return rules


class _Collector:
    """Merges layers into one `RuleSet`, collecting every problem on the way."""

    def __init__(self, problems: list[Problem], store: LayerStore | None, places: bool = True):
        self.problems = problems
        self.store = store
        self.places = places
        self.withdrawn: dict[str, set[str]] = {}  # party id → the places taken from its aliases (folded)
        self.rules = RuleSet()
        self.digest = hashlib.sha256()
        self.documents: dict[tuple[str, str], Place] = {}
        self.file_digests: dict[str, str] = {}
        self.other = hashlib.sha256()
        self.origins = RuleOrigins()

    def error(self, path: str, line: int | None, column: int | None, message: str, hint: str = "") -> None:
        self.problems.append(Problem(path, line, column, message, hint))

    # -- files ------------------------------------------------------------------------------------------

    def load_layer(self, files: list[RuleFile], pack: str | None) -> None:
        """Validate a layer's files (or take them from the store) and add its rules."""
        layer_digest = hashlib.sha256()
        for file in files:
            self.rules.files.append(file.path)
            layer_digest.update(f"{file.shown}\0{file.text}\0".encode())
            self.file_digests[file.shown] = hashlib.sha256(f"{file.shown}\0{file.text}".encode()).hexdigest()[:16]
        self.other.update(f"layer {pack}\0".encode())
        fingerprint = layer_digest.hexdigest()
        self.digest.update(fingerprint.encode())
        results = self.store.get(pack, fingerprint) if self.store else None
        if results is None:
            results = self.parse_files(files, pack, fingerprint)
        self.origins.add_layer(pack, fingerprint, [parsed for _, _, parsed in results])
        layer_ids: dict[tuple[str, str], str] = {}
        withheld = {} if self.places or pack is None else pack_places(pack)
        if withheld:
            self.digest.update(b"without places")
            self.other.update(b"without places")
        # the layer's own rules (without the places) are another compiled layer than the pack's
        layer = RuleLayer(pack, without_places(fingerprint) if withheld else fingerprint)
        for _, document, parsed in results:
            if isinstance(parsed, Party) and parsed.id in withheld:
                self.add_without_places(parsed, document, pack, layer_ids, layer, withheld[parsed.id])
            else:
                self.add(parsed, document, pack, layer_ids, layer)
        self.rules.layers.append(layer)

    def parse_files(self, files: list[RuleFile], pack: str | None, fingerprint: str) -> list[ParsedFile]:
        """Read and validate a layer's files; a layer that reads cleanly goes to the store."""
        problems_before = len(self.problems)
        results = [parsed for file in files if (parsed := parse_rule_file(file, self.problems)) is not None]
        if len(self.problems) != problems_before:
            return results
        if pack:
            for _, document, _ in results:  # reports on valid pack rules point at list entries at most
                document.data = None
                document.value_marks = {k: v for k, v in document.value_marks.items() if len(k) <= 2}
                document.key_marks = {}
        if self.store:
            self.store.put(pack, fingerprint, results)
        return results

    # -- merging ----------------------------------------------------------------------------------------

    def add(
        self,
        parsed: RuleModel,
        document: YamlDocument,
        pack: str | None,
        layer_ids: dict[tuple[str, str], str],
        layer: RuleLayer,
    ) -> None:
        """Add one validated file's rules to the set (a later layer's party or issue replaces a pack's)."""
        if isinstance(parsed, PartyExtension):
            self.add_extension(parsed, document, pack, layer_ids, layer)
            return
        if isinstance(parsed, (Party, Issue)):
            self.add_rule(parsed, document, pack, layer_ids, layer)
            return
        self.other.update(f"{document.path}\0{self.file_digests.get(document.path, '')}\0".encode())
        if isinstance(parsed, AgentFile):
            for index, agent in enumerate(parsed.agents):
                self.rules.agents.append(agent)
                layer.agents.append(agent)
                self.rules.sources[("agent", agent.name)] = self.source(document, ("agents", index), pack)
            self.rules.independent_titles.extend(parsed.independent.titles)
            self.rules.workplaces.extend(parsed.independent.workplaces)
            self.rules.workplace_leaders.extend(parsed.independent.leaders)
            self.rules.male_first_names.extend(parsed.first_names.male)
            self.rules.female_first_names.extend(parsed.first_names.female)
            self.rules.businesses.extend(parsed.businesses)
            self.rules.person_proxies.extend(parsed.proxies.people)
            self.rules.body_proxies.extend(parsed.proxies.bodies)
            self.add_examples("agents", None, parsed.examples, parsed.counter_examples, document, pack)
        elif isinstance(parsed, CueFile):
            for index, stance in enumerate(parsed.stances):
                self.rules.stances[stance.id] = stance
                self.rules.sources[("stance", stance.id)] = self.source(document, ("stances", index), pack)
            for index, cue in enumerate(parsed.cues):
                self.rules.cues.append(cue)
                self.rules.sources[("cue", cue.lemma)] = self.source(document, ("cues", index), pack)
            self.rules.stance_words.extend(parsed.stance_words)
            self.rules.message_nouns.extend(parsed.messages.nouns)
            self.rules.message_verbs.extend(parsed.messages.verbs)
            self.rules.thing_nouns.extend(parsed.messages.things)
            self.documents[("cues", document.path)] = Place(document)
            self.add_examples("cues", None, parsed.examples, parsed.counter_examples, document, pack)

    @staticmethod
    def source(document: YamlDocument, path: tuple[Any, ...], pack: str | None) -> RuleSource:
        """Where the entry at `path` of a file is defined (its line)."""
        return RuleSource(document.path, document.locate(path)[0], pack)

    def add_without_places(
        self,
        party: Party,
        document: YamlDocument,
        pack: str | None,
        layer_ids: dict[tuple[str, str], str],
        layer: RuleLayer,
        places: set[str],
    ) -> None:
        """Add a pack's party without the aliases that are its sub-national places; reports keep their lines."""
        place = Place(document)
        kept: list[AliasSpec] = []
        for index, spec in enumerate(party.aliases):
            if alias_of(spec).text.casefold() not in places:
                place.origins[("aliases", len(kept))] = (Place(document), ("aliases", index))
                kept.append(spec)
        self.withdrawn[party.id] = places
        self.add_rule(party.model_copy(update={"aliases": kept}), document, pack, layer_ids, layer, place)

    def add_extension(
        self,
        parsed: PartyExtension,
        document: YamlDocument,
        pack: str | None,
        layer_ids: dict[tuple[str, str], str],
        layer: RuleLayer,
    ) -> None:
        """Add a party that extends one loaded before, trimmed and added to as the file says."""
        base_key = ("party", parsed.extends)
        if base_key not in self.documents or layer_ids.get(base_key):
            line, column = document.locate(("extends",))
            loaded = sorted({source.pack for source in self.rules.sources.values() if source.pack})
            hint = f"give the id of a party of a pack loaded before your rules ({', '.join(loaded) or 'none loaded'})"
            self.error(document.path, line, column, f"party {parsed.extends!r} to extend is not loaded", hint)
            return
        base = self.rules.parties[parsed.extends]
        extended = extend_party(base, self.documents[base_key], parsed, document, self.withdrawn.get(base.id, set()))
        for path, message, hint in extended.problems:
            line, column = document.locate(path)
            self.error(document.path, line, column, message, hint)
        base_digest = self.rules.digests.get(f"party:{parsed.extends}", "")
        if self.add_rule(extended.party, document, pack, layer_ids, layer, extended.place):
            digest = hashlib.sha256(f"{base_digest}\0{self.rules.digests[f'party:{parsed.id}']}".encode())
            self.rules.digests[f"party:{parsed.id}"] = digest.hexdigest()[:16]

    def add_rule(
        self,
        parsed: Party | Issue,
        document: YamlDocument,
        pack: str | None,
        layer_ids: dict[tuple[str, str], str],
        layer: RuleLayer,
        place: Place | None = None,
    ) -> bool:
        """Add a party or an issue, unless its id differs from its file name or is already taken in the layer."""
        kind = "party" if isinstance(parsed, Party) else "issue"
        stem = Path(document.path).stem
        key = (kind, parsed.id)
        if parsed.id != stem or key in layer_ids:
            id_line, id_column = document.locate(("id",))
            if parsed.id != stem:
                message = f"id {parsed.id!r} differs from the file name {stem!r}"
                hint = f"rename the file to {parsed.id}.yml or set `id: {stem}`"
            else:
                message = f"{kind} id {parsed.id!r} is already defined in {layer_ids[key]}"
                hint = "give one of them another id"
            self.error(document.path, id_line, id_column, message, hint)
            return False
        layer_ids[key] = document.path
        if isinstance(parsed, Party):
            layer.parties.append(parsed)
            self.rules.parties[parsed.id] = parsed  # a later layer (the user's rules) replaces a pack's rule
        else:
            layer.issues.append(parsed)
            self.rules.issues[parsed.id] = parsed
        self.rules.digests[f"{kind}:{parsed.id}"] = self.file_digests.get(document.path, "")
        self.rules.sources[key] = self.source(document, (), pack)
        self.documents[key] = place or Place(document)
        self.rules.examples[:] = [e for e in self.rules.examples if (e.kind, e.rule_id) != key]
        self.add_examples(kind, parsed.id, parsed.examples, parsed.counter_examples, document, pack)
        return True

    def add_examples(
        self,
        kind: str,
        rule_id: str | None,
        examples: list[Example],
        counters: list[CounterExampleSpec],
        document: YamlDocument,
        pack: str | None,
    ) -> None:
        for index, example in enumerate(examples):
            source = _example_source(document, ("examples", index), pack)
            self.rules.examples.append(RuleExample(kind, rule_id, example, False, source))
        for index, spec in enumerate(counters):
            counter = spec if isinstance(spec, CounterExample) else CounterExample(text=spec)
            source = _example_source(document, ("counter_examples", index), pack)
            self.rules.examples.append(RuleExample(kind, rule_id, counter, True, source))

    # -- cross-file checks ------------------------------------------------------------------------------

    def finish(self) -> RuleSet:
        self.check_aliases()
        self.check_members()
        self.check_markers()
        self.check_parents()
        self.check_countries()
        self.check_references()
        self.problems.extend(self.collisions())
        self.rules.fingerprint = self.digest.hexdigest()
        self.rules.digests["other"] = self.other.hexdigest()[:16]
        return self.rules

    def collisions(self) -> list[Problem]:
        """The collision warnings (`rules.collisions`), from the store when these very layers were checked before.

        Finding them takes a good part of a second with the world pack; a build where no rule changed
        reads them back. The key holds every layer's files and the folders they were read from.
        """
        key = hashlib.sha256(f"{self.digest.hexdigest()}\0{self.other.hexdigest()}".encode()).hexdigest()
        found = self.store.get_collisions(key) if self.store else None
        if found is None:
            from .collisions import find_collisions  # not imported when the rules come from the store

            found = find_collisions(self.rules, self.locate, self.store.pack_keys if self.store else None)
            if self.store:
                self.store.put_collisions(key, found)
        return found

    def locate(self, kind: str, rule_id: str, path: tuple[Any, ...]) -> tuple[str, int | None, int | None]:
        return self.documents[(kind, rule_id)].locate(path)

    def check_aliases(self) -> None:
        """The same phrase may not name two parties (or two issues) unless a pack loses it to the user."""
        for kind, table, fields in (
            ("party", self.rules.parties, ("aliases", "adjectives")),
            ("issue", self.rules.issues, ("aliases",)),
        ):
            owners: dict[str, tuple[str, tuple[Any, ...]]] = {}
            for rule_id in sorted(table):
                rule = table[rule_id]
                names: list[tuple[tuple[Any, ...], str]] = [((), rule.name if isinstance(rule, Party) else rule.title)]
                names += [
                    ((name, index), alias_of(spec).text)
                    for name in fields
                    for index, spec in enumerate(getattr(rule, name))
                ]
                for path, text in names:
                    key = text.casefold()
                    if key not in owners:
                        owners[key] = (rule_id, path)
                        continue
                    other_id, other_path = owners[key]
                    if other_id == rule_id:
                        continue
                    mine, theirs = self.rules.sources[(kind, rule_id)], self.rules.sources[(kind, other_id)]
                    if mine.pack or theirs.pack:
                        continue  # a pack's phrase yields to the user's rule when matching: a collision warning
                    file, line, column = self.locate(kind, rule_id, path)
                    where = "{}:{}".format(*self.locate(kind, other_id, other_path)[:2])
                    self.error(
                        file,
                        line,
                        column,
                        f"{text!r} already names {kind} {other_id!r} ({where})",
                        "keep the phrase in one rule only (an inherited one: take it away with `remove:`)",
                    )

    def check_members(self) -> None:
        """A member acts for one party only."""
        owners: dict[str, tuple[str, int]] = {}
        for party_id in sorted(self.rules.parties):
            source = self.rules.sources[("party", party_id)]
            for index, member in enumerate(self.rules.parties[party_id].members):
                key = member.name.casefold()
                other_id, other_index = owners.setdefault(key, (party_id, index))
                if other_id == party_id or source.pack or self.rules.sources[("party", other_id)].pack:
                    continue
                file, line, column = self.locate("party", party_id, ("members", index, "name"))
                where = "{}:{}".format(*self.locate("party", other_id, ("members", other_index, "name"))[:2])
                self.error(
                    file,
                    line,
                    column,
                    f"member {member.name!r} is also a member of party {other_id!r} ({where})",
                    "an actor acts for one party: remove it from one of them",
                )

    def check_markers(self) -> None:
        """A party marker ("D" in "(D-Mass.)") stands for one party of the user's rules (it beats a pack's)."""
        owners: dict[str, str] = {}
        for party_id in sorted(self.rules.parties):
            if self.rules.sources[("party", party_id)].pack:
                continue
            for index, marker in enumerate(self.rules.parties[party_id].markers):
                other = owners.setdefault(marker.rstrip("."), party_id)
                if other != party_id:
                    file, line, column = self.locate("party", party_id, ("markers", index))
                    theirs = self.rules.sources[("party", other)]
                    message = f"party marker {marker!r} already stands for party {other!r} ({theirs})"
                    self.error(file, line, column, message, "a marker names one party: keep it in one rule only")

    def check_parents(self) -> None:
        for issue_id in sorted(self.rules.issues):
            issue = self.rules.issues[issue_id]
            if issue.parent is None:
                continue
            file, line, column = self.locate("issue", issue_id, ("parent",))
            if issue.parent not in self.rules.issues:
                close = difflib.get_close_matches(issue.parent, list(self.rules.issues), n=1)
                hint = f"did you mean {close[0]!r}?" if close else "give the id of an issue in rules/issues/"
                self.error(file, line, column, f"parent issue {issue.parent!r} does not exist", hint)
                continue
            seen = {issue_id}
            parent: str | None = issue.parent
            while parent is not None and parent in self.rules.issues:
                if parent in seen:
                    self.error(
                        file,
                        line,
                        column,
                        f"issue {issue_id!r} is its own ancestor (parent loop)",
                        "break the loop of `parent` links",
                    )
                    break
                seen.add(parent)
                parent = self.rules.issues[parent].parent

    def check_countries(self) -> None:
        """A party's `country` must be a party of kind country."""
        countries = self.rules.countries
        for party_id in sorted(self.rules.parties):
            country = self.rules.parties[party_id].country
            if country is None or country in countries:
                continue
            file, line, column = self.locate("party", party_id, ("country",))
            close = difflib.get_close_matches(country, list(countries), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "give the id of a party of kind country"
            self.error(file, line, column, f"country {country!r} of party {party_id!r} is no country's id", hint)

    def check_references(self) -> None:
        """Ids named in examples and cues must exist."""
        for cue in self.rules.cues:
            if cue.stance and cue.stance not in self.rules.stances:
                source = self.rules.sources[("cue", cue.lemma)]
                self.error(
                    source.path,
                    source.line,
                    None,
                    f"cue {cue.lemma!r} names unknown stance {cue.stance!r}",
                    f"known stances: {', '.join(sorted(self.rules.stances))}",
                )
        for word in self.rules.stance_words:
            if word.stance not in self.rules.stances:
                self.error(
                    "cues",
                    None,
                    None,
                    f"stance word {word.lemma!r} names unknown stance {word.stance!r}",
                    f"known stances: {', '.join(sorted(self.rules.stances))}",
                )
        for entry in self.rules.examples:
            if entry.counter or entry.source.pack:
                continue  # a pack's examples may name parties of another pack; they run when those are loaded
            example = entry.example
            assert isinstance(example, Example)
            wanted: list[tuple[str, str, dict[str, Party] | dict[str, Issue]]]
            wanted = [("party", p, self.rules.parties) for p in (example.parties or [])]
            wanted += [("party", p, self.rules.parties) for p in example.actors.values()]
            wanted += [("issue", i, self.rules.issues) for i in (example.issues or [])]
            for kind, rule_id, table in wanted:
                if rule_id not in table:
                    close = difflib.get_close_matches(rule_id, list(table), n=1)
                    hint = f"did you mean {close[0]!r}?" if close else f"use the id of a {kind} rule"
                    self.error(
                        entry.source.path, entry.source.line, None, f"example names unknown {kind} {rule_id!r}", hint
                    )
