"""The rule language: pydantic models for party, issue, agent and cue files.

These models are the single source of truth for what a rule file may contain: the loader
validates against them and `mkdocs-factsheet schema` publishes them as JSON Schema.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?$"


def _parse_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2021-01-26") from None
    raise ValueError("expected a date written as YYYY-MM-DD")


def _check_marker(value: str) -> str:
    """A party marker is the party's letters as written in "(D-Mass.)": one word, no brackets, no state."""
    hint = 'write only the letters inside the brackets before any "-" or ",": D for "(D-Mass.)"'
    if any(c in value for c in "()[]"):
        raise ValueError(f"{value!r} is not a party marker: leave out the brackets; {hint}")
    if any(c in value for c in "-–—,/") or any(c.isspace() for c in value):
        raise ValueError(f"{value!r} is not a party marker: one word, without the state or district; {hint}")
    if not value[:1].isalpha() or not all(c.isalnum() or c in ".'’&" for c in value) or len(value) > 20:
        raise ValueError(f"{value!r} is not a party marker: letters (a dot allowed), at most 20; {hint}")
    return value


IsoDate = Annotated[date, BeforeValidator(_parse_date), Field(json_schema_extra={"type": "string", "format": "date"})]
RuleId = Annotated[
    str, Field(pattern=ID_PATTERN, description="Lower-case letters, digits, `-` and `_`: used in URLs and file names.")
]
Text = Annotated[str, Field(min_length=1)]
Marker = Annotated[
    str,
    AfterValidator(_check_marker),
    Field(min_length=1, description='A party\'s letters in brackets after a name: D for "(D-Mass.)", "(D., N.Y.)".'),
]
TokenPattern = Annotated[
    list[dict[str, Any]],
    Field(description="A spaCy Matcher token pattern: a list of token specs such as `{LOWER: taiwan}`."),
]


class RuleModel(BaseModel):
    """Base: unknown keys are errors and types are never coerced (`1` is not a name)."""

    model_config = ConfigDict(extra="forbid", strict=True, populate_by_name=True)


class Alias(RuleModel):
    """A phrase that names something, with how letter case is matched."""

    text: Text
    case: Literal["auto", "exact", "ignore"] = Field(
        default="auto",
        description=(
            "`exact`: only as written. `ignore`: in any letter case. `auto` (default): an alias "
            "written all in lower case ignores case; any other matches as written or in capitals, "
            "so `US` never fires on `us` and `Pole` never on `pole`."
        ),
    )


AliasSpec = Text | Alias


def alias_of(spec: AliasSpec) -> Alias:
    """Normalise the short form (a plain string) to an `Alias`."""
    return spec if isinstance(spec, Alias) else Alias(text=spec)


class Keyword(RuleModel):
    """An issue keyword with how it is matched."""

    text: Text
    exact: bool = Field(
        default=False,
        description="`true`: only as written, in any letter case (`hacking` never fires on `hack` or `hacked`). "
        "`false` (default): every inflection, matched on lemmas.",
    )
    excludes: list[Text] = Field(
        default_factory=list,
        description="Phrases holding the keyword in which it is no evidence (`{text: job, excludes: [good job]}`), "
        "matched like the keyword: only this keyword's match inside one is dropped, not the sentence.",
    )


KeywordSpec = Text | Keyword


def keyword_of(spec: KeywordSpec) -> Keyword:
    """Normalise the short form (a plain string) to a `Keyword`."""
    return spec if isinstance(spec, Keyword) else Keyword(text=spec)


class Role(RuleModel):
    """An office a member holds, optionally between dates."""

    title: Text = Field(
        description='The office, e.g. "Secretary of State"; matched case-insensitively, with or without "the".'
    )
    from_: IsoDate | None = Field(default=None, alias="from", description="First day in office (YYYY-MM-DD).")
    until: IsoDate | None = Field(default=None, description="Last day in office (YYYY-MM-DD).")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Role:
        if self.from_ and self.until and self.until < self.from_:
            raise ValueError(f"`until` ({self.until}) is before `from` ({self.from_}); swap them")
        return self


RoleSpec = Text | Role


class Example(RuleModel):
    """Text that must match, and what it must produce."""

    text: Text
    parties: list[str] | None = Field(
        None, description="Party ids that must be found (default: the party this file defines)."
    )
    actors: dict[str, str] = Field(default_factory=dict, description="Actor name → party id that must be found.")
    issues: list[str] | None = Field(
        None, description="Issue ids that must be found (default: the issue this file defines)."
    )
    positions: list[ExamplePosition] = Field(default_factory=list, description="Positions that must be found.")
    date: IsoDate | None = Field(None, description="Article date to assume (picks dated roles).")


class ExamplePosition(RuleModel):
    """A position an example must produce."""

    speaker: Text = Field(description="The resolved actor (or party) name.")
    party: str | None = Field(
        None, description="The party id of the speaker; `null` written out: the speaker must have no party."
    )
    content: str | None = Field(None, description="Text the content span must contain.")
    kind: Literal["direct", "indirect", "mixed"] | None = None
    stance: str | None = Field(None, description='The stance id the position takes; "none" for a plain statement.')


class CounterExample(RuleModel):
    """Text that must not produce this rule's match."""

    text: Text
    note: str = ""


CounterExampleSpec = Text | CounterExample


class Member(RuleModel):
    """A person or body that acts for a party."""

    name: Text = Field(description="Canonical name, e.g. Antony Blinken.")
    kind: Literal["person", "body"] = "person"
    aliases: list[AliasSpec] = Field(default_factory=list)
    surname: str | None = Field(
        None,
        description='How the person is called alone ("Blinken"; "Yang" for Yang Jiechi). Default: the last word of a '
        "person's name. Set to an empty string to switch it off.",
    )
    roles: list[RoleSpec] = Field(
        default_factory=list, description="Offices held; a role noun in a text resolves to the one member holding it."
    )
    from_: IsoDate | None = Field(default=None, alias="from", description="Default start date of the roles.")
    until: IsoDate | None = Field(default=None, description="Default end date of the roles.")
    patterns: list[TokenPattern] = Field(default_factory=list)
    gender: Literal["male", "female"] | None = Field(
        None, description='"male" or "female": which pronouns ("he", "she") can stand for the person.'
    )

    @model_validator(mode="after")
    def _dates_in_order(self) -> Member:
        if self.from_ and self.until and self.until < self.from_:
            raise ValueError(f"`until` ({self.until}) is before `from` ({self.from_}); swap them")
        return self

    def role_list(self) -> list[Role]:
        """Roles in long form, member dates filled in where a role gives none."""
        roles = []
        for spec in self.roles:
            role = spec if isinstance(spec, Role) else Role(title=spec)
            roles.append(role.model_copy(update={"from_": role.from_ or self.from_, "until": role.until or self.until}))
        return roles

    def surname_alias(self) -> str | None:
        if self.surname is not None:
            return self.surname or None
        words = self.name.split()
        return words[-1] if self.kind == "person" and len(words) > 1 else None


class Party(RuleModel):
    """A country, government, organisation or movement (one per file in `parties/`)."""

    id: RuleId
    name: Text
    kind: Literal["country", "government", "organisation", "movement", "group", "other"] = "country"
    description: str = ""
    aliases: list[AliasSpec] = Field(
        default_factory=list, description="Other names, including capitals used as metonyms."
    )
    adjectives: list[AliasSpec] = Field(
        default_factory=list,
        description='Nationality adjectives ("Chinese"): a mention on their own and, before an agent noun '
        '("Chinese officials"), an actor of the party.',
    )
    markers: list[Marker] = Field(
        default_factory=list,
        description="The party's letters in brackets right after a person's name (\"Sen. Elizabeth Warren (D-Mass.)\", "
        '"Bernie Sanders (I)"): the person acts for the party. Matched as written, a final dot optional.',
    )
    country: RuleId | None = Field(
        None,
        description="For a political party, the id of the country it belongs to: its word before an executive "
        'office of state ("Republican President Trump") names the holder\'s party, and the holder acts for this '
        "country.",
    )
    patterns: list[TokenPattern] = Field(default_factory=list)
    excludes: list[AliasSpec] = Field(
        default_factory=list,
        description=(
            'Longer phrases in which the names above do not name the party ("Washington Post", "George Washington").'
        ),
    )
    members: list[Member] = Field(default_factory=list)
    priority: int = Field(0, description="Higher wins when matches overlap; then the longer match, then the first.")
    source: str = Field("", description="Where the entry comes from (for provenance).")
    as_of: IsoDate | None = Field(
        None,
        description="The day the members' roles were last brought up to date (YYYY-MM-DD): a role with no `until` "
        "counts as held until then, not after (the world pack's, from 2014 data, say 2014-01-30). Default: roles "
        "without `until` are held today.",
    )
    shadows: list[RuleId] = Field(
        default_factory=list,
        description="Ids of parties or issues whose phrases this rule takes on purpose: `check` does not report "
        "those collisions.",
    )
    examples: list[Example] = Field(default_factory=list)
    counter_examples: list[CounterExampleSpec] = Field(default_factory=list)


class Removals(RuleModel):
    """What a party file that `extends` a pack's party takes away from it (written as in the pack's file)."""

    aliases: list[Text] = Field(default_factory=list, description='Aliases to drop, e.g. "Ohio", "Chicago".')
    adjectives: list[Text] = Field(default_factory=list, description="Adjectives to drop.")
    excludes: list[Text] = Field(default_factory=list, description="Excluded phrases to drop.")
    markers: list[Text] = Field(default_factory=list, description="Party markers to drop.")
    members: list[Text] = Field(default_factory=list, description="Members to drop, by name.")


class PartyExtension(RuleModel):
    """A party file that starts from another layer's party (`extends`), takes some of it away and adds to it."""

    id: RuleId
    extends: RuleId = Field(
        description="The id of a party loaded before this folder (a pack's, e.g. united-states): the starting point. "
        "With the same id as this file, the result replaces it."
    )
    remove: Removals = Field(default_factory=Removals, description="What to take away from the extended party.")
    name: Text | None = None
    kind: Literal["country", "government", "organisation", "movement", "group", "other"] | None = None
    description: str | None = None
    aliases: list[AliasSpec] = Field(default_factory=list, description="Added to the extended party's.")
    adjectives: list[AliasSpec] = Field(default_factory=list, description="Added to the extended party's.")
    markers: list[Marker] = Field(default_factory=list, description="Added to the extended party's.")
    country: RuleId | None = None
    patterns: list[TokenPattern] = Field(default_factory=list, description="Added to the extended party's.")
    excludes: list[AliasSpec] = Field(default_factory=list, description="Added to the extended party's.")
    members: list[Member] = Field(default_factory=list, description="Added to the extended party's.")
    priority: int | None = None
    source: str | None = None
    shadows: list[RuleId] = Field(default_factory=list, description="Added to the extended party's.")
    examples: list[Example] = Field(default_factory=list, description="Run with the extended party's own.")
    counter_examples: list[CounterExampleSpec] = Field(default_factory=list)


class Issue(RuleModel):
    """A topic (one per file in `issues/`)."""

    id: RuleId
    title: Text
    description: str = ""
    aliases: list[AliasSpec] = Field(
        default_factory=list, description="Other names of the issue; also matched in texts."
    )
    keywords: list[KeywordSpec] = Field(
        default_factory=list,
        description="Phrases matched on lemmas, so plurals and inflections count; `{text, exact, excludes}` to "
        "match one form only or to drop the keyword inside a longer phrase.",
    )
    patterns: list[TokenPattern] = Field(default_factory=list)
    requires: list[Text] = Field(
        default_factory=list, description="The sentence must also contain one of these words (lemmas)."
    )
    excludes: list[Text] = Field(
        default_factory=list, description="A sentence containing any of these words (lemmas) is not evidence."
    )
    parent: RuleId | None = Field(None, description="The id of a broader issue.")
    priority: int = 0
    shadows: list[RuleId] = Field(
        default_factory=list,
        description="Ids of parties or issues whose phrases this rule takes on purpose: `check` does not report "
        "those collisions.",
    )
    examples: list[Example] = Field(default_factory=list)
    counter_examples: list[CounterExampleSpec] = Field(default_factory=list)


class Agent(RuleModel):
    """A generic agent noun ("officials", "foreign ministry") that acts for a party named beside it."""

    name: Text
    kind: Literal["person", "body"] = "body"
    voice: bool = Field(
        False,
        description='A person who speaks for the body or party named just before them ("a Chinese foreign ministry '
        'spokesman", "an Interpol spokesperson"): left unnamed, the speaker is that body or party.',
    )
    of_state: bool = Field(
        True,
        description="A state's office or body: left without a party, the story's home country's (\"Police said\" in "
        'a story about India). False for an organisation\'s own titles ("CEO"), which never make their holder a '
        "state's.",
    )
    executive: bool = Field(
        False,
        description="An executive office of state, held for the state whatever the holder's party: after a "
        "political party's word (\"Republican President Trump\") the holder acts for the party's `country` (else "
        "the story's home country), not for the party.",
    )
    aliases: list[AliasSpec] = Field(default_factory=list)


class Independent(RuleModel):
    """People who speak for no party: commentators, and the places they work at."""

    titles: list[Text] = Field(
        default_factory=list,
        description='Lemmas of words that make a person a commentator ("expert", "analyst", "professor"): '
        '"Northwestern University public health expert Wendy Parmet said" is her own view, not a party\'s.',
    )
    workplaces: list[Text] = Field(
        default_factory=list,
        description='Words of an organisation\'s name that make it a place of study or debate ("university", '
        '"forum"): "Steve Peers of the University of Essex" works there; he does not speak for it.',
    )
    leaders: list[Text] = Field(
        default_factory=list,
        description="Titles (the agents' names) whose holder speaks for the workplace they lead or voice "
        '("President", "spokesperson"): "Wayne Frederick, president of Howard University" speaks for the university.',
    )


class FirstNames(RuleModel):
    """First names that say a person's gender, so that "she" never stands for a man the article names (the text's
    own evidence, a title or a pronoun tied to the name, wins; a name in both lists says nothing)."""

    male: list[Text] = Field(default_factory=list, description='First names of men ("Thomas", "Giuseppe").')
    female: list[Text] = Field(default_factory=list, description='First names of women ("Mary", "Jacinda").')


class Proxies(RuleModel):
    """Nouns for those who speak for one person: "Kono's spokesman", "a lawyer for Trump", "his office", "the
    Biden campaign" speak for that person's party (the person named in the "why?")."""

    people: list[Text] = Field(
        default_factory=list, description='Lemmas of a person acting for another ("spokesman", "aide", "lawyer").'
    )
    bodies: list[Text] = Field(
        default_factory=list, description='Lemmas of a body acting for a person ("office", "campaign", "team").'
    )


class AgentFile(RuleModel):
    """A file in `agents/`."""

    agents: list[Agent] = Field(default_factory=list)
    independent: Independent = Field(default_factory=Independent)
    first_names: FirstNames = Field(default_factory=FirstNames)
    proxies: Proxies = Field(default_factory=Proxies)
    businesses: list[Text] = Field(
        default_factory=list,
        description='Lemmas of nouns that call the name right after them a business ("retailer", "carmaker", "site"): '
        '"retailer Tesco", "social media site Facebook", "store chains Woolworths and Coles" name organisations '
        "(provisional parties that speak for themselves), even where the model took the name for a person's.",
    )
    examples: list[Example] = Field(default_factory=list)
    counter_examples: list[CounterExampleSpec] = Field(default_factory=list)


class Stance(RuleModel):
    """A stance a position can take (as CAMEO's appeal/demand/disapprove/reject families)."""

    id: RuleId
    label: Text
    description: str = ""
    cameo: str | None = Field(None, description="The closest CAMEO root code, e.g. 10 (demand).")


class Cue(RuleModel):
    """A word or phrase that introduces what someone said, thought or wants."""

    lemma: Text = Field(description='A verb or noun lemma ("say", "warn", "statement") or a phrase ("according to").')
    kind: Literal["speech", "thought", "intention"] = "speech"
    stance: RuleId | None = Field(None, description="The stance this cue signals, if any.")
    deed: bool = Field(
        False,
        description="The word also names a deed (deny funding, approve a budget, declare a state of emergency): it "
        "makes a position only with something communicated — a clause, a quotation, a message as its object, or "
        'a speech act around it ("in a statement", "saying …").',
    )


class StanceWord(RuleModel):
    """A word in the content that signals a stance when the cue gives none."""

    lemma: Text
    stance: RuleId


class Messages(RuleModel):
    """Words for what someone said or wrote: as a speaker, such a message stands for its author."""

    nouns: list[Text] = Field(
        default_factory=list,
        description='Lemmas of messages ("tweet", "statement", "letter"): "a tweet by X said …" is X\'s position.',
    )
    verbs: list[Text] = Field(
        default_factory=list,
        description='Lemmas of verbs that make a message ("issue", "post"): "X issued a statement which said …".',
    )
    things: list[Text] = Field(
        default_factory=list,
        description='Lemmas of things that state no position ("evidence", "data", "slogan"): "evidence supported '
        "his murder\" is nobody's position.",
    )


class CueFile(RuleModel):
    """A file in `cues/`: the cue and stance lexicon."""

    stances: list[Stance] = Field(default_factory=list)
    cues: list[Cue] = Field(default_factory=list)
    stance_words: list[StanceWord] = Field(default_factory=list)
    messages: Messages = Field(default_factory=Messages)
    examples: list[Example] = Field(default_factory=list)
    counter_examples: list[CounterExampleSpec] = Field(default_factory=list)


Example.model_rebuild()

RULE_FOLDERS: dict[str, type[RuleModel]] = {
    "parties": Party,
    "issues": Issue,
    "agents": AgentFile,
    "cues": CueFile,
}


def model_for(folder: str, data: Any) -> type[RuleModel]:
    """The model a file in `folder` is validated against (a party file with `extends` is an extension)."""
    if folder == "parties" and isinstance(data, dict) and "extends" in data:
        return PartyExtension
    return RULE_FOLDERS[folder]


def json_schema() -> dict[str, Any]:
    """JSON Schema for every kind of rule file, keyed by folder."""
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "mkdocs-factsheet rule file",
        "description": "Rule files live in rules/<folder>/*.yml; the folder decides the kind.",
        "$defs": {},
        "anyOf": [],
    }
    models: list[tuple[str, type[RuleModel]]] = [*RULE_FOLDERS.items(), ("parties", PartyExtension)]
    for folder, model in models:
        sub = model.model_json_schema(ref_template="#/$defs/{model}", by_alias=True)
        schema["$defs"].update(sub.pop("$defs", {}))
        schema["$defs"][model.__name__] = sub
        what = " that extends another layer's party" if model is PartyExtension else ""
        schema["anyOf"].append({"$ref": f"#/$defs/{model.__name__}", "description": f"a file in {folder}/{what}"})
    return schema
