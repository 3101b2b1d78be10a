"""Network benchmark: build the actor network and take each measure at 100 to 10,000 actors.

    python -m flashpoint.bench.network_bench [--sizes 100 1000 10000] [--time-limit 60]

Records are generated, seeded: actors sit in two camps; each actor has on average
``MEAN_DEGREE`` = 8 partners (density 8/(n-1): 0.081 at 100 actors, 0.008 at 1,000,
0.0008 at 10,000, like the Correlates-of-War alliance and dispute networks), each dyad
1-3 records (events or transfers) spread over ``n/2`` documents of the last 12 months.
Ties within a camp are friendly and across camps hostile, except ``NOISE`` = 10% of dyads
that go against their camp, so the network is nearly but not exactly balanced, as real
ones are. The exact frustration index (HiGHS) and the heuristic run side by side at every
size; the gap is heuristic minus exact where the exact one is proven.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from datetime import date, timedelta

MEAN_DEGREE = 8
NOISE = 0.10
FRIENDLY = ("AGREE", "CONSULT", "SUPPORT", "AID", "COOPERATE")
HOSTILE = ("ASSAULT", "THREATEN", "ACCUSE", "SANCTION", "PROTEST")
AT = date(2024, 6, 30)


def generate_records(n: int, seed: int = 0) -> list[dict]:
    """flashpoint/1 documents over ``n`` generated actors (codes ``A00001``...; no country)."""
    rng = random.Random(seed)
    actors = [f"A{i:05d}" for i in range(n)]
    camp = {a: rng.random() < 0.5 for a in actors}
    docs = [_document(f"doc{i}") for i in range(max(n // 2, 1))]
    dyads = set()
    while len(dyads) < n * MEAN_DEGREE // 2:
        a, b = rng.sample(actors, 2)
        dyads.add((min(a, b), max(a, b)))
    for k, (a, b) in enumerate(sorted(dyads)):
        friendly = (camp[a] == camp[b]) != (rng.random() < NOISE)
        for _ in range(rng.randint(1, 3)):
            doc = rng.choice(docs)
            day = (AT - timedelta(days=rng.randrange(365))).isoformat()
            if friendly and rng.random() < 0.3:
                doc["transfers"].append(_transfer(f"tr{k}-{len(doc['transfers'])}", a, b, day, rng))
            else:
                kind = rng.choice(FRIENDLY if friendly else HOSTILE)
                doc["events"].append(_event(f"ev{k}-{len(doc['events'])}", kind, a, b, day))
    return docs


def _ref(code: str) -> dict:
    return {"id": code, "name": code, "code": code, "country": None}


def _document(doc_id: str) -> dict:
    return {
        "schema": "flashpoint/1",
        "document": {"id": doc_id, "published": AT.isoformat()},
        "actors": [],
        "weapons": [],
        "places": [],
        "times": [],
        "events": [],
        "transfers": [],
        "claims": [],
    }


def _event(record_id, kind, a, b, day) -> dict:
    return {
        "id": record_id,
        "type": kind,
        "actor": [_ref(a)],
        "recipient": [_ref(b)],
        "date": {"start": day, "end": day, "precision": "day"},
        "attribution": {"status": "asserted"},
    }


def _transfer(record_id, a, b, day, rng) -> dict:
    return {
        "id": record_id,
        "supplier": _ref(a),
        "recipient": _ref(b),
        "system": {"name": "UCAV"},
        "status": rng.choice(("delivered", "agreed", "negotiating")),
        "date": {"start": day, "end": day, "precision": "day"},
        "attribution": {"status": "asserted"},
    }


def _timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, round(time.perf_counter() - start, 3)


def bench_size(n: int, time_limit: float = 60.0, walk_limit: int = 10_000) -> dict:
    from flashpoint.analysis.balance import (
        frustration_index,
        triangle_census,
        walk_balance,
        weak_balance,
    )
    from flashpoint.analysis.dilemmas import find_dilemmas
    from flashpoint.analysis.network import NetworkSettings, network_from_records

    records = generate_records(n)
    settings = NetworkSettings(at=AT.isoformat(), alliances=())
    network, build = _timed(network_from_records, records, settings)
    G = network.signed_graph()
    row = {
        "actors": n,
        "edges": G.number_of_edges(),
        "density": round(2 * G.number_of_edges() / (n * (n - 1)), 5),
        "records": sum(len(d["events"]) + len(d["transfers"]) for d in records),
        "build_s": build,
    }
    census, row["triangles_s"] = _timed(triangle_census, G)
    row["triangles"] = sum(census.values())
    if n <= walk_limit:
        _, row["walk_balance_s"] = _timed(walk_balance, G)
    weak, row["weak_balance_s"] = _timed(weak_balance, G, time_limit=time_limit)
    row["weak_balance"] = {"value": weak.value, "optimal": weak.optimal, "method": weak.method}
    found, row["dilemmas_s"] = _timed(find_dilemmas, network)
    row["dilemmas"] = len(found)
    heuristic, row["frustration_heuristic_s"] = _timed(
        frustration_index, G, method="heuristic", time_limit=time_limit
    )
    auto, row["frustration_auto_s"] = _timed(
        frustration_index, G, method="auto", time_limit=time_limit
    )
    row["frustration_auto"] = {"value": auto.value, "optimal": auto.optimal, "method": auto.method}
    row["frustration_heuristic"] = heuristic.value
    try:
        exact, row["frustration_exact_s"] = _timed(
            frustration_index, G, method="exact", time_limit=time_limit
        )
        row["frustration_exact"] = {
            "value": exact.value,
            "optimal": exact.optimal,
            "lower_bound": exact.lower_bound,
        }
        if exact.optimal:
            row["heuristic_gap"] = heuristic.value - exact.value
    except TimeoutError:
        row["frustration_exact"] = None
    return row


def run_network_bench(sizes=(100, 1_000, 10_000), time_limit: float = 60.0) -> dict:
    """Timings and frustration values per size; see the module docstring for the data."""
    from flashpoint.analysis.frustration import EXACT_EDGE_LIMIT
    from flashpoint.kb import load_kb

    load_kb()  # loaded once, outside the timings
    rows = [bench_size(n, time_limit) for n in sizes]
    return {
        "mean_degree": MEAN_DEGREE,
        "noise": NOISE,
        "time_limit_s": time_limit,
        "exact_edge_limit": EXACT_EDGE_LIMIT,
        "sizes": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000])
    parser.add_argument("--time-limit", type=float, default=60.0)
    args = parser.parse_args()
    print(json.dumps(run_network_bench(tuple(args.sizes), args.time_limit), indent=2))


if __name__ == "__main__":
    main()
