"""A tiny hand-made gold directory (one to three records per file, in the real files'
formats) and a fake pipeline that answers each of its texts with a hand-made record."""

import json

import pytest

from flashpoint.bench.datasets import find_gold_dir
from flashpoint.bench.gazetteer import PopulationGeocoder
from flashpoint.bench.systems import NOT_INSTALLED, Systems, Unavailable
from flashpoint.errors import FlashpointError


def at(text, phrase, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def span_dict(text, phrase, **extra):
    start, end = at(text, phrase)
    return {"start": start, "end": end, "text": phrase, **extra}


RE3D = "Turkish drones hit Syria, said Erdogan."
TIMEX = "It rained on 5 January 1998 and for three days."
GWN = "Fighting in Aleppo and the area around it."
TRN = "Paris is calm."
GEOVIRUS = "Cases rose in Lima."
RAMS = "Rebels attacked the base in Homs. Russia sold jets to Syria."
PLOVER_1 = "Israeli troops fought Palestinian gunmen."
PLOVER_2 = "The United States demanded that Iraq let inspectors in."
PETRARCH = "The US president visited China."
STORY_1 = "Troops shelled the town."
STORY_2 = "The minister criticised the neighbour."


def _gold_rows():
    return {
        "re3d.dev.jsonl": [
            {
                "id": "re3d/1",
                "text": RE3D,
                "entities": [
                    span_dict(RE3D, "Turkish", type="Nationality"),
                    span_dict(RE3D, "drones", type="MilitaryPlatform"),
                    span_dict(RE3D, "Syria", type="Location"),
                    span_dict(RE3D, "Erdogan", type="Person"),
                    span_dict(RE3D, "hit", type="Temporal"),  # not scored
                ],
            }
        ],
        "timex.dev.jsonl": [
            {
                "id": "timebank/1",
                "dct": "1998-01-08",
                "text": TIMEX,
                "timexes": [
                    span_dict(TIMEX, "5 January 1998", type="DATE", value="1998-01-05"),
                    span_dict(TIMEX, "three days", type="DURATION", value="P3D"),
                ],
            }
        ],
        "geo.dev.jsonl": [
            {
                "id": "geowebnews/1",
                "source": "GeoWebNews",
                "date": None,
                "text": GWN,
                "toponyms": [
                    span_dict(
                        GWN,
                        "Aleppo",
                        type="Literal",
                        non_locational=False,
                        geonameid="170063",
                        lat=36.20,
                        lon=37.16,
                    ),
                    span_dict(
                        GWN,
                        "area",
                        type="Literal_Expression",
                        non_locational=False,
                        geonameid=None,
                        lat=None,
                        lon=None,
                    ),
                ],
            },
            {
                "id": "trnews/1",
                "source": "TR-News",
                "date": "2016-12-19",
                "text": TRN,
                "toponyms": [span_dict(TRN, "Paris", geonameid="2988507", lat=48.85, lon=2.35)],
            },
            {
                "id": "geovirus/1",
                "source": "GeoVirus",
                "text": GEOVIRUS,
                "toponyms": [span_dict(GEOVIRUS, "Lima", lat=-12.04, lon=-77.03)],
            },
        ],  # fmt: skip
        "events.dev.jsonl": [
            {
                "id": "rams/1",
                "source": "RAMS",
                "text": RAMS,
                "events": [
                    {
                        "type": "conflict.attack.n/a",
                        "coarse": "attack",
                        "trigger": span_dict(RAMS, "attacked"),
                        "arguments": [
                            span_dict(RAMS, "Rebels", role="attacker"),
                            span_dict(RAMS, "base", role="target"),
                            span_dict(RAMS, "Homs", role="Place"),
                        ],
                    },
                    {
                        "type": "transaction.transferownership.purchase",
                        "coarse": "transfer",
                        "trigger": span_dict(RAMS, "sold"),
                        "arguments": [
                            span_dict(RAMS, "Russia", role="giver"),
                            span_dict(RAMS, "Syria", role="recipient"),
                            span_dict(RAMS, "jets", role="artifact"),  # not scored
                        ],
                    },
                ],
            }
        ],
        "plover_gsr.dev.jsonl": [
            {
                "id": "PLOVER-1",
                "text": PLOVER_1,
                "date": "2000-01-01",
                "event": "FIGHT",
                "actor": [{"actorText": "Israeli", "code": "ISR"}],
                "recipient": [{"actorText": "Palestinian", "code": "PSE"}],
            },
            {
                "id": "PLOVER-2",
                "text": PLOVER_2,
                "date": "2000-01-01",
                "event": "DEMAND",
                "actor": [{"actorText": "United States", "code": "USA"}],
                "recipient": [{"actorText": "Iraq", "code": "IRQ"}, "diplomatic"],
            },
        ],
        "petrarch2_gsr.jsonl": [
            {
                "id": "AFP-1",
                "text": PETRARCH,
                "date": "20080804",
                "expected_events": [{"source": "USAGOV", "target": "CHN", "code": "042"}],
            }
        ],
        "ngec_synthetic.jsonl": [
            {"id": "ngec-1", "text": STORY_1, "event": "ASSAULT", "mode": None},
            {"id": "ngec-2", "text": STORY_2, "event": "ACCUSE", "mode": None},
        ],
    }


def actor(ident, name, country, kind, mentions, code=None):
    return {
        "id": ident, "name": name, "code": code or country, "country": country,
        "sector": None, "kind": kind, "mentions": [list(m) for m in mentions],
    }  # fmt: skip


def ref(a):
    return {k: a[k] for k in ("id", "name", "code", "country")}


def empty_record():
    return {
        "schema": "flashpoint/1",
        "document": {},
        "actors": [], "weapons": [], "places": [], "times": [],
        "events": [], "transfers": [], "claims": [],
    }  # fmt: skip


def event(type_, actors=(), recipients=(), evidence=(0, 1), cameo=None, **extra):
    return {
        "id": "e", "type": type_, "mode": None, "cameo": cameo,
        "actor": [ref(a) for a in actors], "recipient": [ref(a) for a in recipients],
        "date": None, "place": None, "weapons": [], "casualties": [],
        "attribution": {"claimant": None, "status": "asserted"},
        "evidence": [{"start": evidence[0], "end": evidence[1]}], **extra,
    }  # fmt: skip


def _records():
    out = {}
    r = empty_record()
    turkey = actor("tur", "Turkey", "TUR", "country", [at(RE3D, "Turkish")])
    erdogan = actor("erd", "Recep Tayyip Erdogan", "TUR", "person", [at(RE3D, "Erdogan")])
    r["actors"] = [turkey, erdogan]
    r["weapons"] = [{"id": "uav", "name": "drone", "mentions": [list(at(RE3D, "drones"))]}]
    r["places"] = [
        {"id": "syr", "name": "Syria", "country": "SYR", "mentions": [list(at(RE3D, "Syria"))]}
    ]
    out[RE3D] = r

    r = empty_record()
    r["times"] = [
        {**span_dict(TIMEX, "5 January 1998"), "type": "DATE", "value": "1998-01-05"},
        {**span_dict(TIMEX, "for three days"), "type": "DURATION", "value": "P3D"},
    ]
    out[TIMEX] = r

    r = empty_record()
    r["places"] = [
        {"id": "alp", "name": "Aleppo", "country": "SYR", "mentions": [list(at(GWN, "Aleppo"))]}
    ]
    out[GWN] = r
    r = empty_record()
    r["places"] = [
        {"id": "par", "name": "Paris", "country": "FRA", "mentions": [list(at(TRN, "Paris is"))]}
    ]
    out[TRN] = r

    r = empty_record()
    rebels = actor("reb", "rebels", None, "armed_group", [at(RAMS, "Rebels")], code="REB")
    russia = actor("rus", "Russia", "RUS", "country", [at(RAMS, "Russia")])
    syria = actor("syr", "Syria", "SYR", "country", [at(RAMS, "Syria")])
    homs = {"id": "homs", "name": "Homs", "country": "SYR", "geonames_id": 169577,
            "mentions": [list(at(RAMS, "Homs"))]}  # fmt: skip
    r["actors"], r["places"] = [rebels, russia, syria], [homs]
    first, second = (0, RAMS.index(".") + 1), (RAMS.index("Russia"), len(RAMS))
    r["events"] = [
        event("ASSAULT", [rebels], evidence=first, place={"name": "Homs", "geonames_id": 169577})
    ]
    r["transfers"] = [
        {"id": "t", "supplier": ref(russia), "recipient": ref(syria), "system": {"id": "j", "name": "jet"},
         "evidence": [{"start": second[0], "end": second[1]}]}
    ]  # fmt: skip
    out[RAMS] = r

    r = empty_record()
    isr = actor("isr", "Israel", "ISR", "country", [at(PLOVER_1, "Israeli")])
    pse = actor("pse", "Palestine", "PSE", "country", [at(PLOVER_1, "Palestinian")])
    r["actors"], r["events"] = [isr, pse], [event("ASSAULT", [isr], [pse], cameo="190")]
    out[PLOVER_1] = r
    out[PLOVER_2] = empty_record()

    r = empty_record()
    usa = actor("usa", "United States", "USA", "country", [at(PETRARCH, "US")], code="USAGOV")
    chn = actor("chn", "China", "CHN", "country", [at(PETRARCH, "China")])
    r["actors"], r["events"] = [usa, chn], [event("CONSULT", [usa], [chn], cameo="040")]
    out[PETRARCH] = r

    for story in (STORY_1, STORY_2):
        r = empty_record()
        r["events"] = [event("ASSAULT"), event("ACCUSE"), event("ASSAULT")]
        out[story] = r
    return out


class FakePipeline:
    """Answers the tiny gold texts with hand-made records; any other text gets an empty one."""

    def __init__(self):
        self.records = _records()
        self.seen = []

    def extract(self, document):
        self.seen.append(document)
        return json.loads(json.dumps(self.records.get(document.text, empty_record())))


PLACES = {"aleppo": (36.2, 37.16), "paris": (48.85, 2.35)}


def fake_geocode_document(names, context_countries=(), context_names=()):
    found = [PLACES.get(name.lower()) for name in names]
    return [
        {"lat": f[0], "lon": f[1], "geonames_id": None, "country": None} if f else None for f in found
    ]


@pytest.fixture
def fake_pipeline_class():
    return FakePipeline


@pytest.fixture
def tiny_gold(tmp_path):
    for name, rows in _gold_rows().items():
        with (tmp_path / name).open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row) + "\n")
    return tmp_path


@pytest.fixture
def fake_systems():
    population = PopulationGeocoder(
        [
            {"names": {"Paris"}, "lat": 48.85, "lon": 2.35, "geonames_id": "1", "country": "FR", "population": 2_000_000},
            {"names": {"Paris"}, "lat": 33.66, "lon": -95.55, "geonames_id": "2", "country": "US", "population": 25_000},
            {"names": {"Lima"}, "lat": 40.74, "lon": -84.11, "geonames_id": "3", "country": "US", "population": 37_000},
        ]
    )  # fmt: skip
    return Systems(
        pipeline=FakePipeline(),
        geocoder=fake_geocode_document,
        gazetteer="the fake geocoder's five places",
        population=population,
        spacy_small=Unavailable(NOT_INSTALLED),
    )


@pytest.fixture(scope="session")
def gold_dir():
    """The shared gold data, or a skip that says where it was looked for."""
    try:
        return find_gold_dir()
    except FlashpointError as exc:
        pytest.skip(f"shared gold data absent: {exc}")
