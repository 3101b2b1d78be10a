"""Signed-network balance measures against the values in REFERENCE_VALUES.md.

Section letters (§B Gahuku-Gama, §C Correlates of War, §D Sampson, §E great powers,
§F hand cases) follow /work/shared/data/balance/REFERENCE_VALUES.md.
"""

from __future__ import annotations

import itertools
import math

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import read_headerless, read_rows
from flashpoint.analysis import clusterability, frustration
from flashpoint.analysis.balance import (
    directed_frustration,
    frustration_index,
    local_balance,
    signed_graph_from_edges,
    transitive_triad_balance,
    triad_census,
    triangle_balance_ratio,
    triangle_census,
    walk_balance,
    weak_balance,
)

COW_WINDOWS = [f"{year % 100:02d}-{(year + 3) % 100:02d}" for year in range(1946, 1997)]
SMALL_COW_WINDOWS = ["46-49", "47-50", "49-52"]  # the fewest edges: W solves fast
LARGE_COW_WINDOWS = ["87-90", "88-91", "89-92", "90-93", "91-94", "96-99"]


def census_tuple(G) -> tuple[int, int, int, int]:
    counts = triangle_census(G)
    return counts["+++"], counts["++-"], counts["+--"], counts["---"]


def violated(G, side: dict) -> set[frozenset]:
    """Edges a 2-partition violates, computed here independently of the library."""
    return {frozenset((a, b)) for a, b, s in G.edges(data="sign")
            if (side[a] == side[b]) != (s > 0)}


def brute_force_frustration(G) -> int:
    nodes = list(G)
    best = G.number_of_edges()
    for bits in itertools.product((0, 1), repeat=len(nodes) - 1):
        best = min(best, len(violated(G, dict(zip(nodes, (0, *bits), strict=True)))))
    return best


def set_partitions(items: list):
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for partition in set_partitions(rest):
        yield [[first], *partition]
        for k in range(len(partition)):
            yield [*partition[:k], [first, *partition[k]], *partition[k + 1:]]


def brute_force_weak_balance(G) -> int:
    best = G.number_of_edges()
    for partition in set_partitions(list(G)):
        cluster = {node: k for k, part in enumerate(partition) for node in part}
        best = min(best, len(violated(G, cluster)))
    return best


def random_signed_graph(seed: int, n: int, p: float) -> nx.Graph:
    rng = np.random.default_rng(seed)
    rows = [(a, b, int(rng.choice([1, -1])))
            for a, b in itertools.combinations(range(n), 2) if rng.random() < p]
    G = signed_graph_from_edges(rows)
    G.add_nodes_from(range(n))
    return G


# §B Gahuku-Gama -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tribes() -> nx.Graph:
    rows = read_rows("highland_tribes_gahuku_gama.csv")
    return signed_graph_from_edges((r["source"], r["target"], int(r["sign"])) for r in rows)


def test_tribes_size_b1(tribes):
    signs = [s for _, _, s in tribes.edges(data="sign")]
    assert (len(tribes), len(signs), signs.count(1), signs.count(-1)) == (16, 58, 29, 29)


def test_tribes_ndsvu_copy_is_the_same_graph(tribes):
    names = ["Gavev", "Kotun", "Ove", "Alika", "Nagam", "Gahuk", "Masil", "Ukudz", "Notoh",
             "Kohik", "Geham", "Asaro", "Uheto", "Seuve", "Nagad", "Gama"]
    rows = read_headerless("highland_tribes_ndsvu_0indexed.csv")
    copy = signed_graph_from_edges((names[int(u)], names[int(v)], int(s)) for u, v, s in rows)
    assert {(frozenset((a, b)), s) for a, b, s in copy.edges(data="sign")} == \
        {(frozenset((a, b)), s) for a, b, s in tribes.edges(data="sign")}


def test_tribes_triangle_census_b2_and_ratio_b3(tribes):
    assert census_tuple(tribes) == (19, 2, 40, 7)
    assert triangle_balance_ratio(tribes) == pytest.approx(59 / 68, abs=1e-12)
    assert round(triangle_balance_ratio(tribes), 7) == 0.8676471


def test_tribes_walk_balance_b4(tribes):
    assert walk_balance(tribes) == pytest.approx(0.35757610566, abs=1e-11)
    assert round(walk_balance(tribes), 7) == 0.3575761


@pytest.mark.parametrize("method", ["exact", "auto"])
def test_tribes_frustration_b5_b6(tribes, method):
    result = frustration_index(tribes, method=method)
    assert (result.value, result.optimal, result.lower_bound) == (7, True, 7)
    assert result.normalised == pytest.approx(22 / 29, abs=1e-12)
    assert round(result.normalised, 7) == 0.7586207
    small_side = {node for node, side in result.partition.items()
                  if side == result.partition["Gama"]}
    assert small_side == {"Gama", "Gavev", "Kotun", "Nagad"}
    expected = {frozenset(pair) for pair in [
        ("Gahuk", "Notoh"), ("Gahuk", "Uheto"), ("Asaro", "Seuve"), ("Notoh", "Geham"),
        ("Kohik", "Geham"), ("Ukudz", "Seuve"), ("Geham", "Uheto")]}
    assert {frozenset(e) for e in result.frustrated_edges} == expected
    assert violated(tribes, result.partition) == expected


def test_tribes_weak_balance_b7(tribes):
    result = weak_balance(tribes, method="exact")
    assert (result.value, result.optimal, result.lower_bound) == (2, True, 2)
    assert sorted(map(sorted, result.clusters)) == sorted(map(sorted, [
        {"Gama", "Gavev", "Kotun", "Nagad"},
        {"Alika", "Asaro", "Gahuk", "Geham", "Masil", "Ove", "Ukudz"},
        {"Kohik", "Nagam", "Notoh", "Seuve", "Uheto"}]))
    assert all(tribes[a][b]["sign"] == 1 for a, b in result.violating_edges)


TRIBES_LOCAL_BALANCE = {
    "Alika": 0.719149, "Ove": 0.585953, "Gavev": 0.535242, "Ukudz": 0.476757,
    "Kotun": 0.434599, "Nagam": 0.428654, "Asaro": 0.417206, "Masil": 0.395421,
    "Gama": 0.368477, "Nagad": 0.360089, "Gahuk": 0.341833, "Kohik": 0.260303,
    "Geham": 0.255924, "Notoh": 0.198823, "Seuve": 0.162648, "Uheto": 0.151384,
}


def test_tribes_local_balance_b8(tribes):
    local = local_balance(tribes)
    assert set(local) == set(TRIBES_LOCAL_BALANCE)
    for node, expected in TRIBES_LOCAL_BALANCE.items():
        assert round(local[node], 6) == expected, node


def test_heuristic_finds_the_tribes_optimum(tribes):
    result = frustration_index(tribes, method="heuristic")
    assert result.value == 7
    assert result.method == "heuristic"
    assert result.lower_bound <= 7
    assert violated(tribes, result.partition) == {frozenset(e) for e in result.frustrated_edges}
    assert weak_balance(tribes, method="heuristic").value == 2


def test_auto_uses_the_heuristic_above_the_edge_limit(tribes, monkeypatch):
    monkeypatch.setattr(frustration, "EXACT_EDGE_LIMIT", 10)
    monkeypatch.setattr(clusterability, "EXACT_ROW_LIMIT", 10)
    assert frustration_index(tribes).method == "heuristic"
    assert weak_balance(tribes).method == "heuristic"


def test_time_limit_falls_back_to_the_better_heuristic_answer():
    # A sparse random graph with planted camps and 5% noisy signs has few triangles, so
    # the binary program cannot prove its optimum within a second; the heuristic can do
    # better than the solver's incumbent.
    rng = np.random.default_rng(1)
    G = nx.gnm_random_graph(500, 2500, seed=1)
    side = rng.integers(0, 2, size=500)
    for a, b in G.edges():
        G[a][b]["sign"] = (1 if side[a] == side[b] else -1) * (-1 if rng.random() < 0.05 else 1)
    result = frustration_index(G, method="auto", time_limit=1)
    assert not result.optimal
    assert 0 < result.lower_bound < result.value < 0.1 * G.number_of_edges()
    assert len(violated(G, result.partition)) == result.value


# §C Correlates of War, 51 windows -------------------------------------------------------

@pytest.fixture(scope="module")
def cow_graphs(cow_edges) -> dict[str, nx.Graph]:
    return {window: signed_graph_from_edges(rows) for window, rows in cow_edges.items()}


def test_cow_has_51_windows_whose_nodes_match_the_node_list(cow_graphs):
    assert sorted(cow_graphs) == sorted(COW_WINDOWS)
    nodes: dict[str, set] = {}
    for row in read_rows("cow_doreian_mrvar_1946_1999_nodes.csv"):
        nodes.setdefault(row["window"], set()).add(row["node"])
    assert all(set(cow_graphs[w]) == nodes[w] for w in COW_WINDOWS)


@pytest.mark.parametrize("window", COW_WINDOWS)
def test_cow_counts_census_ratio_and_walk_balance_c1_c4(window, cow_graphs, cow_measures):
    G, expected = cow_graphs[window], cow_measures[window]
    negatives = sum(s < 0 for _, _, s in G.edges(data="sign"))
    assert (len(G), G.number_of_edges(), negatives) == \
        (int(expected["n_nonisolated"]), int(expected["m"]), int(expected["m_neg"]))
    assert census_tuple(G) == tuple(int(expected[k])
                                    for k in ("tri_ppp", "tri_ppn", "tri_pnn", "tri_nnn"))
    assert round(triangle_balance_ratio(G), 6) == float(expected["triangle_balance_ratio"])
    assert walk_balance(G) == pytest.approx(float(expected["walk_K_beta1"]), abs=5e-7)


@pytest.mark.parametrize("window", COW_WINDOWS)
def test_cow_exact_frustration_c2(window, cow_graphs, cow_measures):
    G, expected = cow_graphs[window], cow_measures[window]
    result = frustration_index(G, method="exact")
    assert result.optimal
    assert result.value == result.lower_bound == int(expected["frustration_index_L"])
    assert round(result.normalised, 6) == float(expected["F_norm_1_minus_2L_over_m"])
    assert violated(G, result.partition) == {frozenset(e) for e in result.frustrated_edges}
    assert len(result.frustrated_edges) == result.value


@pytest.mark.parametrize("window", SMALL_COW_WINDOWS)
def test_cow_exact_weak_balance_c3(window, cow_graphs, cow_measures):
    G, expected = cow_graphs[window], cow_measures[window]
    result = weak_balance(G, method="exact")
    assert result.optimal
    assert result.value == int(expected["weak_balance_W_min_violations"])
    cluster = {node: k for k, part in enumerate(result.clusters) for node in part}
    assert violated(G, cluster) == {frozenset(e) for e in result.violating_edges}
    # SOFT (§C3): never above Doreian & Mrvar's figure / 2 in these windows.
    assert result.value <= int(expected["dm2015_fig_value_half"])


@pytest.mark.parametrize("window", LARGE_COW_WINDOWS)
def test_heuristic_never_beats_the_exact_optimum(window, cow_graphs, cow_measures):
    result = frustration_index(cow_graphs[window], method="heuristic")
    optimum = int(cow_measures[window]["frustration_index_L"])
    assert result.lower_bound <= optimum <= result.value
    assert not result.optimal or result.value == optimum
    assert len(violated(cow_graphs[window], result.partition)) == result.value


@pytest.mark.parametrize("window", SMALL_COW_WINDOWS)
def test_weak_balance_heuristic_is_an_upper_bound(window, cow_graphs, cow_measures):
    result = weak_balance(cow_graphs[window], method="heuristic")
    optimum = int(cow_measures[window]["weak_balance_W_min_violations"])
    assert result.lower_bound <= optimum <= result.value


# §D Sampson's monastery, directed, t = 2 ------------------------------------------------

def sampson(t: int) -> nx.DiGraph:
    rows = read_rows("sampson_monastery_directed_t1_t5.csv")
    return signed_graph_from_edges(((r["source"], r["target"], int(r["sign"]))
                                    for r in rows if int(r["t"]) == t), directed=True)


def test_sampson_size_d1():
    D = sampson(2)
    signs = [s for _, _, s in D.edges(data="sign")]
    assert (len(D), len(signs), signs.count(1), signs.count(-1)) == (18, 104, 55, 49)


def test_sampson_triad_census_d2():
    D = sampson(2)
    assert triad_census(D) == {
        "003": 94, "012": 186, "102": 102, "021D": 28, "021U": 44, "021C": 88, "111D": 72,
        "111U": 58, "030T": 30, "030C": 6, "201": 36, "120D": 18, "120U": 10, "120C": 22,
        "210": 20, "300": 2}
    assert round(nx.transitivity(D), 7) == 0.3488372
    assert round(nx.density(D), 7) == 0.3398693


def test_sampson_transitive_triad_balance_d3():
    result = transitive_triad_balance(sampson(2))
    assert (result.balanced, result.total) == (41, 60)
    assert round(result.ratio, 7) == 0.6833333
    assert result.balanced_by_class == {"030T": 22, "120D": 11, "120U": 6, "300": 2}
    assert result.unbalanced_by_class == {"030T": 8, "120D": 7, "120U": 4, "300": 0}


@pytest.mark.parametrize("method", ["exact", "auto"])
def test_sampson_directed_frustration_d4(method):
    result = directed_frustration(sampson(2), method=method)
    assert (result.value, result.optimal, result.lower_bound) == (21, True, 21)
    assert result.cohesiveness == pytest.approx(43 / 52, abs=1e-12)
    assert result.divisiveness == pytest.approx(40 / 52, abs=1e-12)
    assert (round(result.cohesiveness, 7), round(result.divisiveness, 7)) == \
        (0.8269231, 0.7692308)
    minority = {n for n, side in result.partition.items() if side == result.partition["Mark"]}
    assert minority == {"Basil", "Mark", "Amand", "Elias", "Simplicius"}
    assert len(result.frustrated_arcs) == 21


@pytest.mark.parametrize(("t", "nodes", "arcs", "expected"),
                         [(1, 13, 76, 19), (3, 18, 105, 20), (4, 18, 103, 14)])
def test_sampson_directed_frustration_other_times_d5(t, nodes, arcs, expected):
    D = sampson(t)
    assert (len(D), D.number_of_edges()) == (nodes, arcs)
    assert directed_frustration(D, method="exact").value == expected


def test_directed_heuristic_is_an_upper_bound():
    result = directed_frustration(sampson(2), method="heuristic")
    assert result.lower_bound <= 21 <= result.value


def test_reciprocated_arcs_count_twice_and_contradictions_once():
    friends = [("a", "b", 1), ("b", "a", 1), ("b", "c", 1), ("c", "b", 1)]
    contradiction = [("a", "d", 1), ("d", "a", -1)]  # one of the two arcs always fails
    D = signed_graph_from_edges([*friends, *contradiction, ("a", "c", -1)], directed=True)
    result = directed_frustration(D, method="exact")
    assert result.value == 2
    assert ("a", "c") in result.frustrated_arcs
    D.add_edge("c", "a", sign=-1)  # now every pair of the ++- triangle weighs two arcs
    assert directed_frustration(D, method="exact").value == 3


# §E European great powers, 1907 -----------------------------------------------------------

def test_great_powers_1907_is_balanced_e1():
    rows = [r for r in read_rows("antal2006_ww1_transcribed.csv") if r["snapshot"] == "6"]
    G = signed_graph_from_edges((r["source"], r["target"], int(r["sign"])) for r in rows)
    assert (len(G), G.number_of_edges()) == (6, 15)
    assert census_tuple(G) == (2, 0, 18, 0)
    result = frustration_index(G)
    assert (result.value, result.optimal, result.frustrated_edges) == (0, True, [])
    entente = {n for n, side in result.partition.items() if side == result.partition["GB"]}
    assert entente == {"GB", "F", "R"}
    assert walk_balance(G) == pytest.approx(1.0, abs=1e-12)
    assert weak_balance(G).value == 0


# §F hand cases ------------------------------------------------------------------------------

def test_strategic_dilemma_triangle():
    G = signed_graph_from_edges([("Turkey", "Kyrgyzstan", 1), ("Turkey", "Tajikistan", 1),
                                 ("Kyrgyzstan", "Tajikistan", -1)])
    assert census_tuple(G) == (0, 1, 0, 0)
    assert triangle_balance_ratio(G) == 0
    assert walk_balance(G) < 1
    result = frustration_index(G, method="exact")
    assert (result.value, result.optimal, len(result.frustrated_edges)) == (1, True, 1)
    assert weak_balance(G, method="exact").value == 1


def test_all_negative_triangle_is_weakly_but_not_strongly_balanced():
    G = signed_graph_from_edges([(1, 2, -1), (2, 3, -1), (1, 3, -1)])
    assert census_tuple(G) == (0, 0, 0, 1)
    assert frustration_index(G, method="exact").value == 1
    result = weak_balance(G, method="exact")
    assert (result.value, sorted(map(sorted, result.clusters))) == (0, [[1], [2], [3]])


def test_signnet_k4_example():
    # igraph's edge order 1-2, 1-3, 1-4, 2-3, 2-4, 3-4 with signs (-1, 1, 1, -1, -1, 1).
    pairs = [(1, 2), (1, 3), (1, 4), (2, 3), (2, 4), (3, 4)]
    G = signed_graph_from_edges((a, b, s) for (a, b), s in zip(pairs, (-1, 1, 1, -1, -1, 1),
                                                               strict=True))
    assert triangle_balance_ratio(G) == 1
    assert walk_balance(G) == pytest.approx(1.0, abs=1e-12)


def test_all_positive_graph():
    G = nx.petersen_graph()
    G.add_edges_from(nx.complete_graph(4).edges())
    nx.set_edge_attributes(G, 1, "sign")
    assert triangle_balance_ratio(G) == 1
    assert walk_balance(G) == pytest.approx(1.0, abs=1e-12)
    result = frustration_index(G)
    assert (result.value, result.normalised) == (0, 1.0)
    assert set(result.partition.values()) == {0}
    assert weak_balance(G).value == 0
    assert all(value == pytest.approx(1.0) for value in local_balance(G).values())


def test_unbalanced_graph_has_walk_balance_below_one():
    G = signed_graph_from_edges([(1, 2, 1), (2, 3, 1), (3, 4, 1), (4, 1, -1)])
    assert 0 < walk_balance(G) < 1
    assert local_balance(G)[1] < 1


def test_isolated_nodes_count_in_walk_balance():
    G = signed_graph_from_edges([("a", "b", 1), ("b", "c", 1), ("a", "c", -1)])
    with_isolate = G.copy()
    with_isolate.add_node("d")
    assert walk_balance(with_isolate) > walk_balance(G)
    assert local_balance(with_isolate)["d"] == 1
    assert math.isnan(triangle_balance_ratio(signed_graph_from_edges([("a", "b", 1)])))


# Properties: brute force on small graphs, switching invariance -----------------------------

@pytest.mark.parametrize("seed", range(12))
def test_exact_frustration_matches_brute_force(seed):
    G = random_signed_graph(seed, n=9, p=0.5)
    expected = brute_force_frustration(G)
    result = frustration_index(G, method="exact")
    assert result.value == expected
    assert len(violated(G, result.partition)) == expected
    assert frustration_index(G, method="heuristic").value >= expected


@pytest.mark.parametrize("seed", range(8))
def test_exact_weak_balance_matches_brute_force(seed):
    G = random_signed_graph(seed, n=7, p=0.6)
    expected = brute_force_weak_balance(G)
    result = weak_balance(G, method="exact")
    assert result.value == expected
    assert weak_balance(G, method="heuristic").value >= expected


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6), st.integers(4, 14), st.floats(0.2, 0.9))
def test_switching_a_node_set_changes_no_measure(seed, n, p):
    G = random_signed_graph(seed, n, p)
    switched_nodes = {node for node in G if (node * 7 + seed) % 3 == 0}
    H = G.copy()
    for a, b in H.edges():
        if (a in switched_nodes) != (b in switched_nodes):
            H[a][b]["sign"] *= -1
    assert frustration_index(H, method="exact").value == \
        frustration_index(G, method="exact").value
    assert walk_balance(H) == pytest.approx(walk_balance(G), abs=1e-9)
    balanced_g, balanced_h = triangle_census(G), triangle_census(H)
    assert balanced_g["+++"] + balanced_g["+--"] == balanced_h["+++"] + balanced_h["+--"]


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10**6), st.integers(2, 16), st.floats(0.1, 1.0))
def test_a_balanced_graph_has_no_frustration_and_walk_balance_one(seed, n, p):
    rng = np.random.default_rng(seed)
    side = rng.integers(0, 2, size=n)
    rows = [(a, b, 1 if side[a] == side[b] else -1)
            for a, b in itertools.combinations(range(n), 2) if rng.random() < p]
    G = signed_graph_from_edges(rows)
    assert frustration_index(G).value == 0
    assert frustration_index(G, method="heuristic").value == 0
    if G.number_of_edges():
        assert walk_balance(G) == pytest.approx(1.0, abs=1e-9)
    assert triangle_census(G)["++-"] == triangle_census(G)["---"] == 0


# Building graphs ----------------------------------------------------------------------------

def test_builder_drops_self_loops_and_keeps_consistent_duplicates():
    G = signed_graph_from_edges([("a", "a", -1), ("a", "b", 1), ("b", "a", 1)])
    assert list(G.edges(data="sign")) == [("a", "b", 1)]


def test_builder_rejects_conflicting_signs():
    with pytest.raises(ValueError, match="both signs"):
        signed_graph_from_edges([("a", "b", 1), ("b", "a", -1)])


def test_builder_keeps_opposite_arcs_apart_when_directed():
    D = signed_graph_from_edges([("a", "b", 1), ("b", "a", -1)], directed=True)
    assert (D["a"]["b"]["sign"], D["b"]["a"]["sign"]) == (1, -1)
    with pytest.raises(ValueError, match="both signs"):
        signed_graph_from_edges([("a", "b", 1), ("a", "b", -1)], directed=True)


@pytest.mark.parametrize("bad", [0, 2, "+", None, True])
def test_builder_rejects_signs_other_than_plus_minus_one(bad):
    with pytest.raises(ValueError, match="must be \\+1 or -1"):
        signed_graph_from_edges([("a", "b", bad)])


def test_measures_reject_the_wrong_kind_of_graph():
    D = signed_graph_from_edges([("a", "b", 1)], directed=True)
    with pytest.raises(TypeError, match="undirected"):
        frustration_index(D)
    with pytest.raises(TypeError, match="directed"):
        directed_frustration(D.to_undirected())
    with pytest.raises(ValueError, match="method must be one of"):
        frustration_index(D.to_undirected(), method="annealing")
