"""Import a GeoNames dump into a place index of one's own.

The built-in index knows GeoNames' populated places down to about 500 inhabitants and its
first-level divisions, and places divisions and countries by estimate (see `gazetteer.py`).
A user who has GeoNames' own files (https://download.geonames.org/export/dump/: `allCountries`,
one country's `XX`, or `cities500`; `.txt` or `.zip`) can build an index that adds second-level
divisions (counties, districts), seas, lakes, regions, islands, mountains, airports and military
bases, and places countries and divisions at GeoNames' own points:

    flashpoint kb import-geonames allCountries.zip --out ~/geonames.sqlite
    export FLASHPOINT_GAZETTEER=~/geonames.sqlite

Nothing is downloaded: flashpoint reads the files it is given. Which GeoNames features are
kept, and as what, is `FEATURES` below; a populated place needs some recorded population
(`min_population`), or else it is a seat of government or of a division, so that the thousands
of hamlets GeoNames lists under common words ("Hospital", "Mission") do not become places.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from flashpoint.errors import InputError

COLUMNS = 19  # geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature code,
# country code, cc2, admin1, admin2, admin3, admin4, population, elevation, dem, timezone, modification date

# GeoNames feature class and code -> what flashpoint calls the place (`Candidate.feature`).
FEATURES: dict[str, dict[str, str]] = {
    "A": {"PCLI": "country", "PCLD": "country", "PCLF": "country", "PCLS": "country", "PCLIX": "country",
          "PCL": "country", "TERR": "country", "ADM1": "admin1", "ADM2": "admin2"},
    "H": {code: "water" for code in ("OCN", "SEA", "GULF", "BAY", "BAYS", "STRT", "SD", "LK")},
    "L": {code: "region" for code in ("RGN", "RGNE", "RGNH", "PRK", "RESV")},
    "S": {code: "site" for code in ("AIRP", "AIRB", "AIRH", "MILB", "INSM", "PRT")},
    "T": {code: "landform" for code in ("ISL", "ISLS", "PEN", "MTS", "PASS", "DSRT")},
}
# populated places kept whatever their recorded population: capitals and seats of divisions
SEATS = {"PPLC", "PPLG", "PPLA", "PPLA2", "PPLA3", "PPLA4"}
# a country's point: its independent political entity first
COUNTRY_ORDER = ("PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR")


@dataclass(frozen=True)
class Row:
    geonames_id: int
    name: str
    names: tuple[str, ...]  # the ASCII name and alternate names
    lat: float
    lon: float
    code: str  # GeoNames feature code
    feature: str  # flashpoint's kind
    country: str  # alpha-2, "" for a sea
    admin1: str
    population: int


@dataclass
class Report:
    """What an import read: rows kept per kind, rows skipped, and the first bad lines."""

    files: list[str] = field(default_factory=list)
    lines: int = 0
    kept: dict[str, int] = field(default_factory=dict)
    bad: int = 0
    examples: list[str] = field(default_factory=list)  # "file:line: why", the first few

    def add_bad(self, where: str, why: str) -> None:
        self.bad += 1
        if len(self.examples) < 10:
            self.examples.append(f"{where}: {why}")


def kind_of(feature_class: str, code: str, population: int, min_population: int) -> str | None:
    """flashpoint's kind for a GeoNames feature, or None when the import leaves it out."""
    if feature_class == "P":
        return "city" if population >= min_population or code in SEATS else None
    return FEATURES.get(feature_class, {}).get(code)


def read(paths, report: Report, min_population: int = 1,
         progress: Callable[[int], None] | None = None) -> Iterator[Row]:
    """The rows of GeoNames dump files that flashpoint keeps. A line that is not a GeoNames row
    is counted and named in `report`, and the import goes on."""
    pending = 0  # characters read since progress was last told
    for path in paths:
        report.files.append(str(path))
        for member, handle in _open(Path(path)):
            for number, line in enumerate(handle, 1):
                report.lines += 1
                pending += len(line)
                if progress is not None and not number % 10_000:
                    progress(pending)
                    pending = 0
                row = _parse(line, min_population, f"{member}:{number}", report)
                if row is not None:
                    report.kept[row.feature] = report.kept.get(row.feature, 0) + 1
                    yield row
    if progress is not None:
        progress(pending)


def total_bytes(paths) -> int:
    """How many bytes `read` will go through (a zip's members uncompressed), for progress."""
    total = 0
    for path in map(Path, paths):
        if path.exists() and zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                total += sum(i.file_size for i in archive.infolist() if i.filename.endswith(".txt"))
        elif path.exists():
            total += path.stat().st_size
    return total


def _open(path: Path) -> Iterator[tuple[str, io.TextIOBase]]:
    if not path.exists():
        raise InputError(f"{path}: no such file; give GeoNames dump files (allCountries.zip, XX.txt, cities500.zip)")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if m.endswith(".txt") and not m.lower().startswith("readme")]
            if not members:
                raise InputError(f"{path}: the archive holds no GeoNames .txt file")
            for member in members:
                with archive.open(member) as raw:
                    yield f"{path.name}/{member}", io.TextIOWrapper(raw, encoding="utf-8", errors="replace")
        return
    with path.open(encoding="utf-8", errors="replace") as handle:
        yield path.name, handle


def _parse(line: str, min_population: int, where: str, report: Report) -> Row | None:
    if not line.strip() or line.startswith("#"):
        return None
    cols = line.rstrip("\r\n").split("\t")
    if len(cols) != COLUMNS:
        report.add_bad(where, f"{len(cols)} tab-separated columns, a GeoNames row has {COLUMNS}")
        return None
    try:
        gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
        population = int(cols[14] or 0)
    except ValueError:
        report.add_bad(where, "the id, latitude, longitude or population is not a number")
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        report.add_bad(where, f"latitude/longitude {lat},{lon} out of range")
        return None
    kind = kind_of(cols[6], cols[7], population, min_population)
    if kind is None:
        return None
    names = tuple(n for n in (cols[2], *cols[3].split(",")) if n)
    return Row(gid, cols[1], names, lat, lon, cols[7], kind, cols[8], cols[10], population)


def country_points(rows: list[Row]) -> dict[str, tuple[float, float]]:
    """Alpha-2 code -> GeoNames' point for the country, its independent entity first."""
    best: dict[str, tuple[int, float, float]] = {}
    for row in rows:
        rank = COUNTRY_ORDER.index(row.code) if row.code in COUNTRY_ORDER else len(COUNTRY_ORDER)
        if row.country and (row.country not in best or rank < best[row.country][0]):
            best[row.country] = (rank, row.lat, row.lon)
    return {code: (lat, lon) for code, (_, lat, lon) in best.items()}
