"""Time the exact and heuristic balance solvers on the reference data (not a test).

    python tests/analysis/time_balance.py            # frustration L, all 51 CoW windows
    python tests/analysis/time_balance.py --weak     # ... and exact weak balance W too

Prints markdown tables for docs/balance.md; timings never go into test assertions.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = (ROOT / ".." / "shared" / "data" / "balance").resolve()
sys.path.insert(0, str(ROOT / "src"))

from flashpoint.analysis.balance import (  # noqa: E402
    frustration_index,
    signed_graph_from_edges,
    walk_balance,
    weak_balance,
)


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def read(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weak", action="store_true", help="also solve W exactly per window")
    args = parser.parse_args()
    windows = defaultdict(list)
    for row in read("cow_doreian_mrvar_1946_1999_edges.csv"):
        windows[row["window"]].append((row["source"], row["target"], int(row["sign"])))
    expected = {row["window"]: row for row in read("cow_doreian_mrvar_computed_measures.csv")}
    print("| window | n | m | L | exact s | heuristic L | heuristic s | W | W exact s |")
    print("|---|---|---|---|---|---|---|---|---|")
    exact_times, heuristic_times, weak_times = [], [], []
    for window, rows in windows.items():
        G = signed_graph_from_edges(rows)
        exact, exact_s = timed(frustration_index, G, method="exact")
        heuristic, heuristic_s = timed(frustration_index, G, method="heuristic")
        assert exact.optimal and exact.value == int(expected[window]["frustration_index_L"])
        assert heuristic.value >= exact.value
        exact_times.append((exact_s, window))
        heuristic_times.append((heuristic_s, window))
        weak, weak_s = (timed(weak_balance, G, method="exact") if args.weak else (None, None))
        if weak is not None:
            assert weak.value == int(expected[window]["weak_balance_W_min_violations"])
            weak_times.append((weak_s, window))
        print(f"| {window} | {len(G)} | {G.number_of_edges()} | {exact.value} | {exact_s:.2f}"
              f" | {heuristic.value} | {heuristic_s:.2f} | {weak.value if weak else ''}"
              f" | {f'{weak_s:.2f}' if weak else ''} |")
    for label, times in (("exact L", exact_times), ("heuristic L", heuristic_times),
                         ("exact W", weak_times)):
        if times:
            print(f"\n{label}: median {statistics.median(t for t, _ in times):.2f} s, "
                  f"max {max(times)[0]:.2f} s ({max(times)[1]}), "
                  f"total {sum(t for t, _ in times):.1f} s")
    tribes = signed_graph_from_edges(
        (r["source"], r["target"], int(r["sign"]))
        for r in read("highland_tribes_gahuku_gama.csv"))
    for name, function, method in (("L", frustration_index, "exact"),
                                   ("L", frustration_index, "heuristic"),
                                   ("W", weak_balance, "exact"),
                                   ("W", weak_balance, "heuristic")):
        result, seconds = timed(function, tribes, method=method)
        print(f"Gahuku-Gama {name} {method}: {result.value} in {seconds:.3f} s")
    _, seconds = timed(walk_balance, tribes)
    print(f"Gahuku-Gama K: {seconds:.4f} s")


if __name__ == "__main__":
    main()
