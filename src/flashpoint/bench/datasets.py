"""Loaders for the gold files in `shared/data/gold`, each yielding small typed records.

Every loader takes the gold directory and an optional `limit` (the `--quick` slice: the
first records of the file, so the slice is fixed from run to run). Field meanings are
those of `shared/data/README.md`; label translations live in `mappings`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from flashpoint.bench import mappings
from flashpoint.errors import FlashpointError

GOLD_ENV = "FLASHPOINT_GOLD"
GOLD_RELATIVE = Path("..") / "shared" / "data" / "gold"


class GoldDataMissing(FlashpointError):
    """The gold data directory (or one of its files) is not where it was looked for."""


# Records ---------------------------------------------------------------------------------


@dataclass
class EntityDoc:
    id: str
    text: str
    entities: list[tuple[int, int, str]]  # bench entity labels (see mappings.RE3D_TYPES)


@dataclass
class TimexDoc:
    id: str
    text: str
    dct: str
    timexes: list[tuple[int, int, str, str]]  # start, end, TIMEX3 type, value


@dataclass
class Toponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    geonames_id: str | None
    detect: bool  # counts for toponym detection (GeoWebNews: a place-name type)


@dataclass
class GeoDoc:
    id: str
    corpus: str
    text: str
    published: str | None
    toponyms: list[Toponym]


@dataclass
class EventSentence:
    """One sentence with its gold events (PLOVER GSR: one event; PETRARCH: zero or more)."""

    id: str
    text: str
    published: str | None
    types: list[str] = field(default_factory=list)  # PLOVER 2.0 types
    cameo: list[str] = field(default_factory=list)  # CAMEO codes
    actors: list[str] = field(default_factory=list)  # country (or IGO) codes, a multiset
    recipients: list[str] = field(default_factory=list)


@dataclass
class Story:
    id: str
    text: str
    event: str  # PLOVER 2.0 type of the story
    mode: str | None


@dataclass
class GoldArgument:
    role: str  # lower case: attacker, target, instrument, giver, recipient, place, ...
    start: int
    end: int


@dataclass
class GoldEvent:
    coarse: str
    type: str
    trigger: tuple[int, int]
    arguments: list[GoldArgument]


@dataclass
class ArgumentDoc:
    id: str
    source: str
    text: str
    events: list[GoldEvent]


# Finding the data ------------------------------------------------------------------------


def find_gold_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The gold data directory: `explicit`, else `$FLASHPOINT_GOLD`, else `../shared/data/gold`
    beside the project root, looked for upwards from the working directory and then from
    this package's location."""
    if explicit:
        return _checked(Path(explicit), "given with --data")
    if os.environ.get(GOLD_ENV):
        return _checked(Path(os.environ[GOLD_ENV]), f"given by ${GOLD_ENV}")
    tried = []
    for start in (Path.cwd(), Path(__file__).resolve().parent):
        for base in (start, *start.parents):
            candidate = (base / GOLD_RELATIVE).resolve()
            if candidate.is_dir():
                return candidate
        tried.append(str((start / GOLD_RELATIVE).resolve()))
    raise GoldDataMissing(
        "gold data not found: looked for ../shared/data/gold above "
        + " and ".join(tried)
        + f"; pass --data DIR or set {GOLD_ENV}=DIR"
    )


def _checked(path: Path, how: str) -> Path:
    if not path.is_dir():
        raise GoldDataMissing(f"gold data directory {path} ({how}) does not exist")
    return path


def read_jsonl(path: Path, limit: int | None = None) -> list[dict]:
    """The rows of a gold file; with `limit`, that many rows evenly spaced through the file
    (the files are often sorted by label, so the first rows would be one label only)."""
    if not path.is_file():
        raise GoldDataMissing(f"gold file {path} is missing; is {path.parent} the gold directory?")
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return evenly_spaced(rows, limit)


def evenly_spaced(rows: list, limit: int | None) -> list:
    if limit is None or limit >= len(rows):
        return rows
    return [rows[i * len(rows) // limit] for i in range(limit)]


# Loaders ---------------------------------------------------------------------------------


def load_re3d(gold_dir: Path, limit: int | None = None) -> list[EntityDoc]:
    docs = []
    for row in read_jsonl(gold_dir / "re3d.dev.jsonl", limit):
        entities = [
            (e["start"], e["end"], mappings.RE3D_TYPES[e["type"]])
            for e in row["entities"]
            if e["type"] in mappings.RE3D_TYPES
        ]
        docs.append(EntityDoc(row["id"], row["text"], entities))
    return docs


def load_timex(gold_dir: Path, limit: int | None = None) -> list[TimexDoc]:
    return [
        TimexDoc(
            row["id"],
            row["text"],
            row["dct"],
            [(t["start"], t["end"], t["type"], t["value"]) for t in row["timexes"]],
        )
        for row in read_jsonl(gold_dir / "timex.dev.jsonl", limit)
    ]


def load_geo(gold_dir: Path, limit_per_corpus: int | None = None) -> list[GeoDoc]:
    by_corpus: dict[str, list[dict]] = {}
    for row in read_jsonl(gold_dir / "geo.dev.jsonl"):
        by_corpus.setdefault(row["source"], []).append(row)
    return [
        GeoDoc(
            row["id"], corpus, row["text"], row.get("date"), [_toponym(t) for t in row["toponyms"]]
        )
        for corpus, rows in by_corpus.items()
        for row in evenly_spaced(rows, limit_per_corpus)
    ]


def _toponym(t: dict) -> Toponym:
    return Toponym(
        t["start"],
        t["end"],
        t["text"],
        t.get("lat"),
        t.get("lon"),
        str(t["geonameid"]) if t.get("geonameid") else None,
        t.get("type") is None or t["type"] in mappings.GEOWEBNEWS_TOPONYM_TYPES,
    )


def load_plover(gold_dir: Path, limit: int | None = None) -> list[EventSentence]:
    legacy = mappings.plover_legacy()
    out = []
    for row in read_jsonl(gold_dir / "plover_gsr.dev.jsonl", limit):
        out.append(
            EventSentence(
                row["id"],
                row["text"],
                row.get("date"),
                types=[legacy.get(row["event"], row["event"])],
                actors=_codes(row["actor"]),
                recipients=_codes(row["recipient"]),
            )
        )
    return out


def _codes(actors: list) -> list[str]:
    # one record's recipient is a bare string ("diplomatic"), not an actor: skip it
    return [a["code"] for a in actors if isinstance(a, dict) and a.get("code")]


def load_petrarch(gold_dir: Path, limit: int | None = None) -> list[EventSentence]:
    out = []
    for row in read_jsonl(gold_dir / "petrarch2_gsr.jsonl", limit):
        events = row["expected_events"]
        out.append(
            EventSentence(
                row["id"],
                row["text"],
                _iso_date(row.get("date")),
                cameo=[e["code"] for e in events],
                actors=[c for c in (mappings.phoenix_country(e["source"]) for e in events) if c],
                recipients=[
                    c for c in (mappings.phoenix_country(e["target"]) for e in events) if c
                ],
            )
        )
    return out


def _iso_date(compact: str | None) -> str | None:
    if compact and len(compact) == 8 and compact.isdigit():
        return f"{compact[:4]}-{compact[4:6]}-{compact[6:]}"
    return compact


def load_ngec(gold_dir: Path, limit: int | None = None) -> list[Story]:
    return [
        Story(row["id"], row["text"], row["event"], row.get("mode"))
        for row in read_jsonl(gold_dir / "ngec_synthetic.jsonl", limit)
    ]


def load_events(gold_dir: Path, limit: int | None = None) -> list[ArgumentDoc]:
    return [
        ArgumentDoc(row["id"], row["source"], row["text"], [_event(e) for e in row["events"]])
        for row in read_jsonl(gold_dir / "events.dev.jsonl", limit)
    ]


def _event(e: dict) -> GoldEvent:
    return GoldEvent(
        e["coarse"],
        e["type"],
        (e["trigger"]["start"], e["trigger"]["end"]),
        [GoldArgument(a["role"].lower(), a["start"], a["end"]) for a in e["arguments"]],
    )


def all_texts(gold_dir: Path, quick_limits: dict | None = None) -> list[tuple[str, str | None]]:
    """Every `(text, published)` of the gold files, for timing; `quick_limits` slices them."""
    q = quick_limits or {}
    texts = [(d.text, None) for d in load_re3d(gold_dir, q.get("re3d"))]
    texts += [(d.text, d.dct) for d in load_timex(gold_dir, q.get("timex"))]
    texts += [(d.text, d.published) for d in load_geo(gold_dir, q.get("geo"))]
    texts += [(d.text, None) for d in load_events(gold_dir, q.get("events"))]
    texts += [(d.text, d.published) for d in load_plover(gold_dir, q.get("plover"))]
    texts += [(d.text, d.published) for d in load_petrarch(gold_dir, q.get("petrarch"))]
    texts += [(d.text, None) for d in load_ngec(gold_dir, q.get("ngec"))]
    return texts
