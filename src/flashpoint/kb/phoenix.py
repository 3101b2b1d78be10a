"""Import PETRARCH/TABARI (Phoenix) actor and agent dictionaries as flashpoint YAML files.

`flashpoint kb import-phoenix DIR --out OUT` reads the dictionaries in place and writes
`countries.yaml`, `officials.yaml`, `agencies.yaml`, `groups.yaml`, `organisations.yaml`
and `roles.yaml` into OUT, a user knowledge-base folder (`--kb OUT`).

The reader follows PETRARCH's own rules (petrarch2 `PETRreader.read_actor_dictionary`):
a record is a primary phrase, `+` synonyms and tab-indented `[CODE restriction]` lines;
`#` starts a comment anywhere; a primary phrase without a code shares the codes of the next
record that has some. Phoenix codes say the sector but not the office, so officials keep
their dated codes under `phoenix_roles` (role `official` for GOV, the sector's name
otherwise) rather than under `roles`, whose ids must be offices in roles.yaml.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from flashpoint.errors import InputError

try:
    _Dumper = yaml.CSafeDumper
except AttributeError:  # PyYAML without libyaml
    _Dumper = yaml.SafeDumper

SOURCE = "Phoenix dictionary {file}, openeventdata/petrarch2 @ 676801c (MIT)"
ID_PREFIX = "phx-"
# The dictionaries date from 2014-15: a two-digit year that would fall after this is 19xx.
LATEST_YEAR = 2016
# Phoenix country codes that are not flashpoint's (ISO 3166-1 or countries.yaml) codes.
LEGACY_CODES = {"USR": "SUN", "KSV": "XKX", "TMP": "TLS", "FRY": "YUG", "FRN": "FRA", "ROM": "ROU", "ZAR": "COD"}
# CAMEO sector and group codes: a six-letter code whose second half is one of these is a
# country's sector (KGZGOV), otherwise it is a territory of that country (FRAMTQ, USAPRI).
SECTORS = set(
    "GOV MIL REB OPP PTY COP JUD SPY MED EDU BUS CRM CVL HLH HRI LAB LEG REF MOD RAD ELI AGR ENV "
    "DEV UAF SEP INS IGO NGO NGM MNC IMG UNO UNR OCC AUT REL CHR MUS JEW BUD HIN ATH PPL SET".split()
)
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI"}
ARMED_SECTORS = {"REB", "INS", "UAF", "IMG", "SEP"}
ROLE_NAMES = {
    "GOV": "official", "ELI": "elite", "MIL": "military", "OPP": "opposition", "JUD": "judiciary",
    "LEG": "legislator", "PTY": "party", "REB": "rebel", "INS": "insurgent", "COP": "police",
    "SPY": "intelligence", "MED": "media", "BUS": "business", "EDU": "education", "IGO": "igo",
}
BODY_WORDS = set(
    "ARMY FORCE FORCES MINISTRY DEPARTMENT COUNCIL PARTY FRONT BRIGADE BRIGADES MOVEMENT ALLIANCE "
    "COALITION COMMITTEE AGENCY OFFICE SERVICE SERVICES POLICE COURT ASSEMBLY PARLIAMENT GOVERNMENT "
    "CONGRESS SENATE COMMISSION ADMINISTRATION BUREAU UNION ORGANIZATION ORGANISATION ASSOCIATION "
    "GUARD GUARDS BANK INSTITUTE UNIVERSITY MILITARY REGIME AUTHORITY DECLARATION OBSERVATORY "
    "HEADQUARTERS LEAGUE CABINET POLITBURO NATIONS FUND PROGRAMME PROGRAM TRIBUNAL COMMUNITY FORUM "
    "CONFERENCE MISSION SECRETARIAT TREATY PACT GROUP PARTNERSHIP COOPERATION BOARD FOUNDATION "
    "INTERNATIONAL WORLD CENTER CENTRE NETWORK FEDERATION JABHAT JAYSH JAISH HARAKAT KATAIB LIWA "
    "STATE REPUBLIC ISLANDS ISLAND HOUSE SECURITY INTELLIGENCE POLICE MILITIA ARMED REVOLUTIONARY".split()
)
TITLE_WORDS = set(
    "PRESIDENT MINISTER PRIME SECRETARY SECRETARY-GENERAL GENERAL SPOKESMAN SPOKESWOMAN SPOKESPERSON "
    "CHIEF CHAIRMAN DIRECTOR ENVOY AMBASSADOR COMMANDER PREMIER CHANCELLOR GOVERNOR MAYOR HEAD".split()
)
STOP_WORDS = {"OF", "THE", "AND", "FOR", "IN", "ON", "TO", "AT"}
LOWER_WORDS = {"of", "the", "and", "for", "in", "on", "to", "at", "de", "du", "la", "le", "von", "van", "der", "bin", "ibn", "wa"}
COLLECTIVE_NOUNS = set(
    "police force forces army military government ministry ministries party council committee agency "
    "department court parliament industry company corporation union association group organization "
    "organisation church diocese archdiocese bank authority administration regime cabinet congress senate "
    "assembly junta militia navy personnel troops staff media press opposition public population people "
    "community crowd mob youth clergy gendarmerie gendarmery enforcement service office bureau commission "
    "institute university school hospital prison jail firm business corp patrol unit battalion brigade "
    "regiment squad team network movement front coalition alliance federation club tribe clan family "
    "establishment leadership command headquarters exchange trust fund chamber board delegation mission "
    "embassy consulate legislature judiciary junta guerrilla insurgency underground resistance cartel "
    "gang syndicate mafia monastery monastary order clergy laity electorate citizenry workforce "
    "industry conglomerate airline enterprise agro aerospace".split()
)
FILE_HEADERS = {
    "countries.yaml": "Extra country names from Phoenix country blocks (+ synonyms); they add to the built-in names.",
    "officials.yaml": "People from the Phoenix actor dictionaries. Phoenix codes give a sector, not an office, so dated codes are kept under phoenix_roles (not roles, whose ids must be offices in roles.yaml).",
    "agencies.yaml": "State bodies and offices from the Phoenix country dictionary.",
    "groups.yaml": "Armed groups and movements from Phoenix.MilNonState and the Phoenix country dictionary.",
    "organisations.yaml": "Intergovernmental organisations from Phoenix.International (names and codes; no memberships).",
    "roles.yaml": "Agent nouns from Phoenix.agents.txt; sector from the ~XXX code, kind guessed from the noun.",
}


# ---- reading the dictionary format --------------------------------------------------


@dataclass(frozen=True)
class Code:
    """One `[CODE restriction]`: `<date` before, `>date` after, `date-date` between, none = default."""

    code: str
    since: str | None
    until: str | None
    raw: str


@dataclass
class Record:
    phrases: list[str]
    codes: list[Code] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    shared: bool = False  # had no code of its own: PETRARCH gives it the next record's codes


def read_text(path: Path) -> str:
    """The file as text: UTF-8, else latin-1; stray control characters (^Z) removed."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1") if raw.decode("utf-8", "replace").count("\ufffd") > 20 else raw.decode("utf-8", "replace")
    return "".join(ch for ch in text if ch in "\n\t" or ord(ch) >= 32).replace("\ufffd", "")


def parse_date(digits: str) -> str | None:
    """YYMMDD or YYYYMMDD to ISO; a ten-digit '19YYYYMMDD' slip keeps its last eight digits."""
    if len(digits) == 10 and digits[:2] in ("19", "20"):
        digits = digits[2:]
    if len(digits) == 6:
        year = 2000 + int(digits[:2])
        digits = str(year - 100 if year > LATEST_YEAR else year) + digits[2:]
    if len(digits) != 8:
        return None
    try:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:])).isoformat()
    except ValueError:
        return None


def parse_code(inner: str) -> Code | None:
    inner = inner.strip()
    match = re.match(r"([A-Z0-9~-]+)\s*(.*)$", inner)
    if not match or set(match.group(1)) <= {"-"}:
        return None  # [---] is PETRARCH's null code
    code, rest = match.group(1), match.group(2).replace(" ", "")
    since = until = None
    if rest.startswith("<"):
        until = parse_date(rest[1:])
    elif rest.startswith(">"):
        since = parse_date(rest[1:])
    elif "-" in rest:
        start, _, end = rest.partition("-")
        since, until = parse_date(start), parse_date(end)
    elif rest:
        since = parse_date(rest)
    return Code(code, since, until, inner)


def bracket_codes(text: str) -> list[Code]:
    """Every bracketed code on a line; a code closed by '}' (a typo in the agents file) counts."""
    found = (parse_code(m) for m in re.findall(r"\[([^\[\]{}]*)[\]}]", text))
    return [c for c in found if c]


def split_comment(line: str) -> tuple[str, str]:
    body, _, comment = line.partition("#")
    return body.rstrip(), comment.strip()


def parse_actors(text: str) -> list[Record]:
    """Records of an actor dictionary, with PETRARCH's rule for records without codes."""
    records: list[Record] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        body, comment = split_comment(line)
        stripped = body.strip()
        if not stripped:
            continue
        if line[0] in " \t" and stripped.startswith("["):
            if records:
                records[-1].codes += bracket_codes(stripped)
            continue
        if stripped.startswith("+") and records:
            records[-1].phrases += [p for p in stripped.split("+") if p.strip(" _")]
            records[-1].codes += bracket_codes(stripped)
        else:  # a primary phrase (an indented one is a slip for a new record)
            records.append(Record([stripped.partition("[")[0].strip()], bracket_codes(stripped)))
        if comment:
            records[-1].comments.append(comment)
    return _share_codes(records)


def _share_codes(records: list[Record]) -> list[Record]:
    pending: list[Record] = []
    kept = []
    for record in records:
        record.phrases = [p.strip() for p in record.phrases if p.strip(" _")]
        if not record.codes:
            pending.append(record)
            continue
        for waiting in pending:
            waiting.codes, waiting.shared = list(record.codes), True
        kept += [*pending, record]
        pending = []
    return kept


# ---- names, ids and codes -----------------------------------------------------------


def phrase_text(phrase: str) -> tuple[str, list[str]]:
    """'ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_' -> ('ADEN ABYAN ISLAMIC ARMY', ['AAIA'])."""
    acronyms = [a.strip(" _") for a in re.findall(r"\(([^)]*)\)", phrase) if a.strip(" _")]
    text = re.sub(r"\([^)]*\)", " ", phrase).replace("_", " ")
    return " ".join(text.split()).strip(" ,"), [a.replace("_", " ") for a in acronyms]


def _word(token: str, first: bool, alone: bool) -> str:
    vowels = sum(ch in "AEIOUY" for ch in token)
    if any(ch.isdigit() for ch in token) or "." in token or (alone and (len(token) <= 3 or (len(token) <= 4 and vowels <= 1))):
        return token  # numbers, abbreviations and acronyms: 'U.N.', 'PLA', 'ANSF'

    if not first and token.lower() in LOWER_WORDS:
        return token.lower()
    return "-".join(part[:1].upper() + part[1:].lower() for part in token.split("-"))


def display(text: str) -> str:
    """TABARI upper case to a readable name: 'SUDAN PEOPLE'S LIBERATION ARMY' -> 'Sudan People's Liberation Army'."""
    letters = [ch for ch in text if ch.isalpha()]
    if sum(ch.islower() for ch in letters) > len(letters) / 5:
        return text  # the dictionary already gives a cased spelling
    tokens = text.split()
    return " ".join(_word(t, i == 0, len(tokens) == 1) for i, t in enumerate(tokens))


def names(record: Record) -> tuple[str, list[str], list[str]]:
    """(name, aliases, acronyms) of a record; the first phrase is the canonical name."""
    spellings: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for phrase in record.phrases:
        text, found = phrase_text(phrase)
        if text:
            spellings.setdefault(text.lower(), display(text))
        acronyms.update({a.lower(): a for a in found})
    found_only = [a for key, a in acronyms.items() if key not in spellings]
    listed = list(spellings.values()) or found_only[:1]
    return listed[0], listed[1:], [a for a in found_only if a != listed[0]]


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "entry"


def country_of(code: str, known: set[str]) -> str | None:
    """The flashpoint country a Phoenix code belongs to: KGZGOV -> KGZ, USRKGZ -> KGZ, USR -> SUN."""
    triples = [code[i:i + 3] for i in range(0, len(code) - 2, 3)]
    mapped = [LEGACY_CODES.get(t, t) for t in triples]
    if len(mapped) > 1 and mapped[0] in known and mapped[1] in known and triples[1] not in SECTORS:
        return mapped[1]  # a republic or territory inside the first country
    return mapped[0] if mapped and mapped[0] in known else None


def sector_of(code: str) -> str | None:
    triples = [code[i:i + 3] for i in range(0, len(code.replace("~", "")) - 2, 3)]
    return next((t for t in triples if t in SECTORS), None)


def current_code(codes: list[Code]) -> Code:
    """The code that applies last: an open-ended one, else the default, else the last listed."""
    open_ended = [c for c in codes if c.since and not c.until]
    if open_ended:
        return max(open_ended, key=lambda c: c.since or "")
    defaults = [c for c in codes if not c.since and not c.until]
    return defaults[-1] if defaults else codes[-1]


def main_country(codes: list[Code], known: set[str]) -> str | None:
    countries = [country_of(c.code, known) for c in codes]
    counts = Counter(c for c in countries if c)
    if not counts:
        return None
    latest = country_of(current_code(codes).code, known)
    best = max(counts.values())
    return latest if counts.get(latest) == best else counts.most_common(1)[0][0]


class Ids:
    """Unique ids per output file: phx-askar-akayev, then -2, -3 for namesakes."""

    def __init__(self, prefix: str):
        self.prefix, self.used = prefix, Counter()

    def __call__(self, name: str) -> str:
        base = self.prefix + slug(name)
        self.used[base] += 1
        return base if self.used[base] == 1 else f"{base}-{self.used[base]}"


# ---- deciding what a record is ------------------------------------------------------


def tokens(phrase: str) -> list[str]:
    return phrase_text(phrase)[0].upper().split()


def is_body(record: Record) -> bool:
    return any(t in BODY_WORDS for t in tokens(record.phrases[0]))


def is_title(record: Record, country_names: set[str]) -> bool:
    """'UN_SECRETARY_GENERAL', 'KOSOVAR_PRIME_MINISTER_': an office named without its holder."""
    def title_only(phrase: str) -> bool:
        words = tokens(phrase)
        rest = [w for w in words if w not in TITLE_WORDS and w not in STOP_WORDS]
        return bool(set(words) & TITLE_WORDS) and (not rest or " ".join(rest).lower() in country_names or (len(rest) == 1 and len(rest[0]) <= 4))

    return all(title_only(p) for p in record.phrases)


def is_person(record: Record) -> bool:
    if is_body(record):
        return False
    dated = any(c.since or c.until for c in record.codes)
    elite = any(sector_of(c.code) == "ELI" or c.code == "ELI" for c in record.codes)
    from_countryinfo = any("CountryInfo" in c for c in record.comments)
    return from_countryinfo or dated or elite or 2 <= len(tokens(record.phrases[0])) <= 5


def is_country(record: Record, known: set[str]) -> bool:
    """A country block head: a bare country code, or a territory code such as FRAMTQ."""
    for code in record.codes:
        bare = LEGACY_CODES.get(code.code, code.code)
        if len(code.code) == 3 and (bare in known or code.code not in SECTORS):
            return True
    return len(record.codes) == 1 and len(record.codes[0].code) == 6 and record.codes[0].code[3:] not in SECTORS


# ---- building flashpoint entries ----------------------------------------------------


@dataclass
class Context:
    source: str
    known: set[str]  # country codes flashpoint knows
    country_names: set[str]  # every lowercased country name, adjective and seat of government


def _base(record: Record, ids: Ids, ctx: Context) -> dict:
    name, aliases, acronyms = names(record)
    entry = {"id": ids(name), "name": name}
    if acronyms:
        entry["acronyms"] = acronyms
    if aliases:
        entry["aliases"] = aliases
    return entry


def _note(record: Record) -> dict:
    return {"note": "no code of its own in Phoenix: shares the codes of the entry that follows it"} if record.shared else {}


def official(record: Record, ids: Ids, ctx: Context) -> dict:
    entry = _base(record, ids, ctx)
    entry.pop("acronyms", None)
    entry["country"] = main_country(record.codes, ctx.known)
    entry["code"] = current_code(record.codes).code
    entry["phoenix_roles"] = [_phoenix_role(c) for c in record.codes]
    return {**entry, "source": ctx.source, **_note(record)}


def _phoenix_role(code: Code) -> dict:
    sector = sector_of(code.code) or code.code[:3]
    role = {"role": ROLE_NAMES.get(sector, sector.lower()), "code": code.code}
    role.update({k: v for k, v in (("since", code.since), ("until", code.until)) if v})
    return {**role, "phoenix_code": code.raw}


def body(record: Record, ids: Ids, ctx: Context, kind: str | None = None) -> dict:
    entry = _base(record, ids, ctx)
    code = current_code(record.codes).code
    entry.update({"code": code, "country": main_country(record.codes, ctx.known), "sector": sector_of(code) or "GOV"})
    if kind:
        entry["kind"] = kind
    return {**entry, "source": ctx.source, **_note(record)}


def organisation(record: Record, ids: Ids, ctx: Context) -> dict:
    entry = _base(record, ids, ctx)
    if entry["name"].lower().startswith("the "):
        entry.setdefault("aliases", []).insert(0, entry["name"])
        entry["name"] = entry["name"][4:]
    short = [a for a in [entry["name"], *entry.get("aliases", [])] if re.fullmatch(r"[A-Z.]{2,8}", a)]
    if short:
        entry["acronyms"] = list(dict.fromkeys([*entry.get("acronyms", []), *short]))
    code = next(c.code for c in record.codes if c.code.startswith("IGO"))
    return {**entry, "code": code, "kind": "igo", "source": ctx.source, **_note(record)}


# ---- the four kinds of file ---------------------------------------------------------


@dataclass
class Output:
    files: dict[str, list[dict]] = field(default_factory=dict)
    ids: dict[str, Ids] = field(default_factory=dict)
    country_aliases: dict[str, dict[str, str]] = field(default_factory=dict)
    skipped: Counter = field(default_factory=Counter)

    def add(self, file: str, build, record: Record, ctx: Context, prefix: str, **kw) -> None:
        ids = self.ids.setdefault(file, Ids(prefix))
        self.files.setdefault(file, []).append(build(record, ids, ctx, **kw))


def import_countries(records: list[Record], ctx: Context, out: Output, prefix: str) -> None:
    for record in records:
        if is_country(record, ctx.known):
            _add_country_names(record, ctx, out)
        elif is_title(record, ctx.country_names) or not is_person(record):
            sector = sector_of(current_code(record.codes).code)
            file = "groups.yaml" if sector and sector not in STATE_SECTORS else "agencies.yaml"
            kind = ("armed_group" if sector in ARMED_SECTORS else "movement") if file == "groups.yaml" else None
            out.add(file, body, record, ctx, prefix, kind=kind)
        else:
            out.add("officials.yaml", official, record, ctx, prefix)


def _add_country_names(record: Record, ctx: Context, out: Output) -> None:
    pure = [c for c in record.codes if len(c.code) == 3] or record.codes
    code = country_of(current_code(pure).code, ctx.known)
    if code is None:
        out.skipped["country block with a code flashpoint does not know"] += 1
        return
    name, aliases, acronyms = names(record)
    for alias in [name, *aliases, *acronyms]:
        if alias.lower() not in ctx.country_names:
            out.country_aliases.setdefault(code, {}).setdefault(alias.lower(), alias)


def import_international(records: list[Record], ctx: Context, out: Output, prefix: str) -> None:
    for record in records:
        if not any(c.code.startswith("IGO") for c in record.codes):
            out.skipped["International: NGO or company (not an IGO)"] += 1
        elif is_title(record, ctx.country_names):
            out.skipped["International: an office without its holder"] += 1
        elif is_person(record) and not is_body(record) and len(tokens(record.phrases[0])) > 1:
            out.add("officials.yaml", official, _person_first(record), ctx, prefix)
        else:
            out.add("organisations.yaml", organisation, record, ctx, prefix)


def _person_first(record: Record) -> Record:
    """Put the first phrase without a title ('BAN_KI-MOON') first, so it names the person."""
    plain = [p for p in record.phrases if not set(tokens(p)) & TITLE_WORDS]
    if plain:
        record.phrases = [plain[0], *[p for p in record.phrases if p != plain[0]]]
    return record


def import_groups(records: list[Record], ctx: Context, out: Output, prefix: str) -> None:
    for record in records:
        sector = sector_of(current_code(record.codes).code)
        out.add("groups.yaml", body, record, ctx, prefix, kind="armed_group" if sector != "OPP" else "movement")


@dataclass(frozen=True)
class Agent:
    spellings: list[str]  # singular first, then !MARKER! expansions and the {PLURAL}
    code: str  # ~MIL, ~BUSMIL, NGO~
    null_plural: bool  # '{}': no plural, as for 'police'


def parse_agents(text: str) -> list[Agent]:
    """One Agent per agent line; !MARKER! sets expanded, {PLURAL} kept, lines without a code skipped."""
    markers: dict[str, list[str]] = {}
    agents = []
    for line in text.splitlines():
        body_text, _ = split_comment(line)
        if not body_text.strip():
            continue
        if re.match(r"\s*!\w+!\s*=", body_text):
            marker, _, values = body_text.partition("=")
            markers[marker.strip().strip("!")] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        codes = bracket_codes(body_text)
        if not codes:
            continue  # PETRARCH: codes are required for agents
        phrase = re.split(r"[\[{]", body_text, maxsplit=1)[0].strip()
        plural = re.search(r"\{([^}\[]*)\}?", body_text)
        spellings = _expand(phrase, markers) + _expand((plural.group(1) if plural else "").strip(), markers)
        if spellings:
            agents.append(Agent(spellings, codes[0].code, bool(plural and not plural.group(1).strip())))
    return agents


def _expand(phrase: str, markers: dict[str, list[str]]) -> list[str]:
    match = re.search(r"!(\w+)!", phrase)
    if not phrase:
        return []
    if not match:
        return [phrase]
    return [phrase[: match.start()] + value + phrase[match.end():] for value in markers.get(match.group(1), [])]


def agent_name(spelling: str) -> str:
    return " ".join(spelling.replace("_", " ").lower().split())


def agent_kind(name: str, null_plural: bool) -> str:
    """Collective nouns ('police', 'armed forces') and plurals name groups; the rest people."""
    last = name.split()[-1] if name.split() else name
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is", "ys"))
    return "group" if null_plural or plural or last in COLLECTIVE_NOUNS or last.endswith("men") else "person"


def import_agents(text: str, ctx: Context, out: Output, prefix: str) -> None:
    ids = out.ids.setdefault("roles.yaml", Ids(prefix))
    rows = out.files.setdefault("roles.yaml", [])
    for agent in parse_agents(text):
        spellings = list(dict.fromkeys(agent_name(s) for s in agent.spellings))
        row = {"id": ids(spellings[0]), "name": spellings[0]}
        if spellings[1:]:
            row["aliases"] = spellings[1:]
        rows.append({**row, "sector": agent.code.replace("~", "")[:3], "kind": agent_kind(spellings[0], agent.null_plural),
                     "phoenix_code": agent.code, "source": ctx.source})


# ---- the whole folder ---------------------------------------------------------------


def _country_table():
    from flashpoint.kb.knowledge import KnowledgeBase
    from flashpoint.kb.loader import builtin_dir

    return KnowledgeBase.from_dirs((builtin_dir(),)).countries


def _countries_yaml(out: Output, countries, prefix: str, source: str) -> list[dict]:
    rows = []
    for code, aliases in sorted(out.country_aliases.items()):
        country = countries[code]
        row = {"id": f"{prefix}{code.lower()}", "code": code, "name": country.name, "aliases": sorted(aliases.values())}
        if country.span.since or country.span.until:  # keep a historical state's dates
            row["historical"] = {"since": country.span.since, "until": country.span.until}
        rows.append({**row, "source": source})
    return rows


def convert(directory: Path, prefix: str = ID_PREFIX) -> Output:
    """Every Phoenix dictionary in `directory` as flashpoint entries, file by file, plus what was skipped."""
    files = sorted(Path(directory).glob("*.actors.txt")) + sorted(Path(directory).glob("*agents*.txt"))
    if not files:
        raise InputError(f"{directory}: no Phoenix dictionaries (*.actors.txt, *agents*.txt) found; point at the folder that holds them")
    countries = _country_table()
    names_lower = {n.lower() for c in countries.values() for n in (*c.names, *c.adjectives, *c.seats)}
    result = Output()
    for path in files:
        ctx = Context(SOURCE.format(file=path.name), set(countries), names_lower)
        READERS[_dictionary_kind(path.name)](read_text(path), ctx, result, prefix)
    source_file = next((p.name for p in files if "countries" in p.name.lower()), files[0].name)
    result.files["countries.yaml"] = _countries_yaml(result, countries, prefix, SOURCE.format(file=source_file))
    return result


def _dictionary_kind(file_name: str) -> str:
    lowered = file_name.lower()
    return next((kind for kind in ("agents", "international", "milnonstate") if kind in lowered), "countries")


READERS = {
    "agents": import_agents,
    "international": lambda text, ctx, out, prefix: import_international(parse_actors(text), ctx, out, prefix),
    "milnonstate": lambda text, ctx, out, prefix: import_groups(parse_actors(text), ctx, out, prefix),
    "countries": lambda text, ctx, out, prefix: import_countries(parse_actors(text), ctx, out, prefix),
}


def import_directory(directory: Path, out: Path, prefix: str = ID_PREFIX) -> dict[str, int]:
    """Read every Phoenix dictionary in `directory`; write flashpoint YAML files into `out`.

    Returns {path written: number of entries}. Ids start with `prefix` ("phx-") so that
    they add to the built-in entries; pass "" to let same-id entries replace built-in ones.
    """
    return write(convert(directory, prefix).files, Path(out))


def write(files: dict[str, list[dict]], out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, rows in files.items():
        if not rows:
            continue
        path = out / name
        text = yaml.dump(rows, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096, default_flow_style=None)
        path.write_text(f"# {FILE_HEADERS.get(name, '')}\n# Written by `flashpoint kb import-phoenix`; edit freely.\n{text}", encoding="utf-8")
        written[str(path)] = len(rows)
    return written
