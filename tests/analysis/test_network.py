"""The actor network (issue 6): nodes, ties, weights, windows, alliances, store, exports."""

from __future__ import annotations

import networkx as nx
import pytest
from network_records import document, event, transfer, turkey_dilemma

from flashpoint.analysis.network import NetworkSettings, decay, network_from_records, window_start
from flashpoint.analysis.network_balance import balance_by_year, measure_balance
from flashpoint.analysis.network_export import write_network
from flashpoint.analysis.ties import observations_from_document
from flashpoint.errors import FlashpointError

NO_ALLIANCES = NetworkSettings(alliances=())


def test_nodes_are_countries_and_country_less_actors_their_code():
    doc = document("d", "2022-09-26", events=[
        event("SUPPORT", ["IGOCASOTS"], ["KGZGOV"]),
        event("CONSULT", ["TURMIL"], ["TURBUS"]),  # inside one country: no tie
    ])
    net = network_from_records([doc], NO_ALLIANCES)
    assert sorted(net.graph.edges()) == [("IGOCASOTS", "KGZ")]
    assert net.name("KGZ") == "Kyrgyzstan"


def test_a_tie_keeps_kind_dates_sources_and_record_ids():
    net = network_from_records([turkey_dilemma()], NO_ALLIANCES)
    ties = net.ties("TUR", "KGZ")
    supply = ties["supply"]
    assert supply.sign == 1 and supply.first == supply.last == "2021-12-01"
    assert supply.records[0].startswith("seed:tr") and supply.documents == ("seed",)
    assert net.sign("KGZ", "TJK") == -1 and set(net.ties("KGZ", "TJK")) == {"assault"}


def test_a_fact_repeated_in_one_document_counts_once_and_each_document_counts():
    clash = [event("ASSAULT", ["KGZ"], ["TJK"], "2022-09-14") for _ in range(3)]
    one = network_from_records([document("a", "2022-09-26", clash)], NO_ALLIANCES)
    two = network_from_records([document("a", "2022-09-26", clash), document("b", "2022-09-26", clash)],
                               NO_ALLIANCES)
    assert two.ties("KGZ", "TJK")["assault"].weight == pytest.approx(2 * one.ties("KGZ", "TJK")["assault"].weight)
    assert len(two.ties("KGZ", "TJK")["assault"].documents) == 2


def test_transfer_status_and_attribution_weigh_and_denials_make_no_tie():
    doc = document("d", "2022-09-26", transfers=[
        transfer("TUR", "KGZ", "TB2", "delivered", "2022-09-26"),
        transfer("TUR", "TJK", "TB2", "negotiating", "2022-09-26"),
        transfer("TUR", "UZB", "TB2", "denied", "2022-09-26"),
        transfer("TUR", "KAZ", "TB2", "delivered", "2022-09-26", attribution="claimed"),
    ])
    net = network_from_records([doc], NetworkSettings(alliances=(), half_life_days=None))
    weight = {v: net.graph["TUR"][v]["weight"] for v in net.graph["TUR"]}
    assert weight == pytest.approx({"KGZ": 1.0, "TJK": 0.4, "KAZ": 0.6})


def test_window_and_half_life():
    assert window_start("2022-09-26", "12m") == "2021-09-26"
    assert window_start("2024-02-29", "1y") == "2023-02-28"
    assert window_start("2022-09-26", "all") is None
    assert decay("2021-09-26", "2022-09-26", 365) == pytest.approx(0.5)
    with pytest.raises(FlashpointError, match="12m"):
        window_start("2022-09-26", "a year")
    old = document("old", "2019-05-01", [event("ASSAULT", ["KGZ"], ["TJK"], "2019-05-01")])
    net = network_from_records([old, turkey_dilemma()], NO_ALLIANCES)
    assert net.at == "2022-09-14" and "old" not in net.ties("KGZ", "TJK")["assault"].documents
    everything = network_from_records([old, turkey_dilemma()], NetworkSettings(alliances=(), window="all"))
    assert "old" in everything.ties("KGZ", "TJK")["assault"].documents


def test_dyad_sign_is_the_sign_of_summed_weights_and_a_tie_goes_to_the_latest():
    mixed = document("d", "2022-09-26", events=[
        event("ASSAULT", ["KGZ"], ["TJK"], "2022-09-14"),
        event("AGREE", ["KGZ"], ["TJK"], "2022-09-20"),  # 0.8 against 1.0
    ])
    net = network_from_records([mixed], NetworkSettings(alliances=(), half_life_days=None))
    assert net.graph["KGZ"]["TJK"]["weight"] == pytest.approx(-0.2) and net.sign("KGZ", "TJK") == -1
    even = document("d", "2022-09-26", events=[
        event("PROTEST", ["KGZ"], ["TJK"], "2022-09-01"),
        event("CONSULT", ["KGZ"], ["TJK"], "2022-09-20"),  # 0.3 against 0.3, consultation later
    ])
    net = network_from_records([even], NetworkSettings(alliances=(), half_life_days=None))
    assert net.graph["KGZ"]["TJK"]["weight"] == 0 and net.sign("KGZ", "TJK") == 1


def test_russia_allied_with_both_sides_through_csto_membership():
    doc = document("d", "2022-09-26", events=[
        event("ASSAULT", ["KGZ"], ["TJK"], "2022-09-14"),
        event("CONSULT", ["RUS"], ["KAZ"], "2022-09-20"),
    ])
    net = network_from_records([doc], NetworkSettings(alliances=("csto",)))
    for partner in ("KGZ", "TJK", "KAZ"):
        alliance = net.ties("RUS", partner)["alliance"]
        assert alliance.records == ("kb:csto",) and net.sign("RUS", partner) == 1
    assert net.sign("KGZ", "TJK") == -1  # the clash outweighs the shared membership
    assert not network_from_records([doc], NO_ALLIANCES).ties("RUS", "KGZ")


def test_default_alliances_leave_out_universal_bodies():
    doc = document("d", "2022-09-26", events=[event("CONSULT", ["TUR"], ["KGZ"], "2022-09-20"),
                                               event("CONSULT", ["USA"], ["KGZ"], "2022-09-20")])
    net = network_from_records([doc])
    assert "alliance" in net.ties("TUR", "KGZ")  # OTS
    assert "alliance" in net.ties("TUR", "USA")  # NATO
    assert not net.ties("USA", "KGZ").get("alliance")  # only the UN and the like


def test_balance_measures_on_a_window():
    row = measure_balance(network_from_records([turkey_dilemma()], NO_ALLIANCES))
    assert row["triangles"] == {"+++": 0, "++-": 1, "+--": 0, "---": 0}
    assert row["frustration"]["value"] == 1 and row["weak_balance"]["value"] == 1
    assert 0 < row["walk_balance"] < 1
    observations = list(observations_from_document(turkey_dilemma()))
    years = balance_by_year(observations, NO_ALLIANCES)
    assert [r["period"] for r in years] == ["2021", "2022"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_round_trip(fmt, tmp_path):
    net = network_from_records([turkey_dilemma()], NO_ALLIANCES)
    path = tmp_path / f"net.{fmt}"
    path.write_text(write_network(net, fmt), encoding="utf-8")
    G = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(path)
    edge = G.edges["KGZ", "TUR"]
    assert int(edge["sign"]) == 1 and edge["kinds"] == "supply" and edge["records"].startswith("seed:tr")


def test_network_from_the_store_matches_the_records(tmp_path):
    from flashpoint.analysis.network_store import network_from_store
    from flashpoint.documents import Document
    from flashpoint.store import open_store

    text = "Turkey delivered TB2 drones to Kyrgyzstan. Kyrgyzstan and Tajikistan clashed."
    doc = Document(text=text, outlet="Test Wire", published="2022-09-26")
    record = turkey_dilemma()
    record["document"] = {**record["document"], "id": doc.id}
    store = open_store(f"sqlite:///{tmp_path / 'fp.db'}")
    store.write(doc, record)
    from_store = network_from_store(store.engine, NO_ALLIANCES)
    from_records = network_from_records([record], NO_ALLIANCES)
    assert sorted(from_store.graph.edges()) == sorted(from_records.graph.edges())
    for u, v in from_records.graph.edges():
        assert from_store.sign(u, v) == from_records.sign(u, v)
        assert from_store.graph[u][v]["weight"] == pytest.approx(from_records.graph[u][v]["weight"])
    assert from_store.ties("TUR", "KGZ")["supply"].records[0].startswith(f"{doc.id}:tr")
