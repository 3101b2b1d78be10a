"""The store on SQLite and PostgreSQL: writing, merging, versions, queries."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from flashpoint.documents import Document
from flashpoint.ingest.fake import FakePipeline
from flashpoint.store import queries, schema
from flashpoint.store.migrations import MIGRATIONS, current_version

PIPELINE = FakePipeline()


def put(store, text: str, **metadata) -> bool:
    document = Document.from_text(text, **metadata)
    return store.write(document, PIPELINE.extract(document))


def count(store, table) -> int:
    with store.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar()


def test_migrations_run_once_and_record_their_version(store):
    from flashpoint.store import open_store

    open_store(str(store.engine.url.render_as_string(hide_password=False))).close()
    with store.engine.connect() as connection:
        assert current_version(connection) == len(MIGRATIONS)
    assert count(store, schema.schema_version) == len(MIGRATIONS)


def test_the_same_transfer_from_three_outlets_is_one_record_with_three_sources(store):
    put(store, "Turkey delivered 3 Bayraktar TB2 to Kyrgyzstan.", outlet="Al-Monitor", published="2022-09-26")
    put(store, "Sources say Turkey delivered 3 Bayraktar TB2 to Kyrgyzstan.", outlet="Eurasianet",
        published="2022-09-20")
    put(store, "Again: Turkey delivered 3 Bayraktar TB2 to Kyrgyzstan.", outlet="al-monitor", published="2022-09-27")
    [transfer] = queries.transfers(store.engine)
    assert transfer["n_documents"] == 3
    assert transfer["n_outlets"] == 2  # outlet names compare case-insensitively
    assert not transfer["contested"]
    assert [e["text"] for s in transfer["sources"] for e in s["evidence"]] == [
        "Turkey delivered 3 Bayraktar TB2 to Kyrgyzstan"] * 3


def test_a_denied_transfer_contests_the_asserted_one(store):
    put(store, "Turkey delivered Bayraktar TB2 to Kyrgyzstan.", outlet="A", published="2022-09-26")
    put(store, "Turkey denied delivering Bayraktar TB2 to Kyrgyzstan.", outlet="B", published="2022-09-28")
    [transfer] = queries.transfers(store.engine)
    assert transfer["contested"] and transfer["statuses"] == ["asserted", "denied"]


def test_differing_figures_stay_side_by_side(store):
    put(store, "Tajikistan said 63 people were killed.", outlet="A", published="2022-09-20")
    put(store, "Kyrgyzstan said 59 people were killed.", outlet="B", published="2022-09-21")
    found = {c["value"]: c for c in queries.claims(store.engine)}
    assert set(found) == {59, 63}
    assert found[63]["differing_figures"] == [{"value": "59", "claimant": "KGZ"}]
    assert found[59]["figure_key"] == found[63]["figure_key"]


def test_a_claim_denied_by_another_party_is_contested(store):
    put(store, "Tajikistan said 63 people were killed.", outlet="A", published="2022-09-20")
    put(store, "Kyrgyzstan denied that 63 people were killed.", outlet="B", published="2022-09-21")
    assert all(c["contested"] for c in queries.claims(store.engine))


def test_identical_reingest_changes_nothing(store, snapshot):
    assert put(store, "Kyrgyzstan attacked Tajikistan.", url="https://x/1", published="2022-09-16")
    before = snapshot(store.engine)
    assert not put(store, "Kyrgyzstan  attacked\nTajikistan.", url="https://x/1", published="2022-09-16")
    assert snapshot(store.engine) == before


def test_changed_text_at_the_same_url_is_a_new_version(store):
    put(store, "Kyrgyzstan attacked Tajikistan.", url="https://x/1", outlet="A", published="2022-09-16")
    put(store, "Update: Tajikistan attacked Kyrgyzstan.", url="https://x/1", outlet="A", published="2022-09-16")
    [current] = queries.documents(store.engine)
    assert current["version"] == 2 and current["previous_id"]
    assert count(store, schema.documents) == 2
    [event] = queries.events(store.engine)  # the superseded version's event no longer counts
    assert [a["code"] for a in event["actor"]] == ["TJK"]


def test_filters_by_actor_type_and_dates(store):
    put(store, "Kyrgyzstan attacked Tajikistan. Russia and Tajikistan signed an agreement.", published="2022-09-16")
    put(store, "Iran delivered Shahed-136 to Russia.", published="2022-10-02")
    assert [e["type"] for e in queries.events(store.engine, actor="KGZ")] == ["ASSAULT"]
    assert [e["type"] for e in queries.events(store.engine, type="AGREE")] == ["AGREE"]
    assert len(queries.events(store.engine, since="2022-09", until="2022-09")) == 2
    assert queries.events(store.engine, since="2022-10") == []
    assert [t["system"]["name"] for t in queries.transfers(store.engine, actor="RUS", until="2022")] == ["Shahed-136"]
    assert {a["code"] for a in queries.actors(store.engine, actor="TJK")} == {"TJK"}


def test_filter_values_are_bound_parameters(store):
    put(store, "Kyrgyzstan attacked Tajikistan.", published="2022-09-16")
    hostile = "KGZ' OR '1'='1"
    assert queries.events(store.engine, actor=hostile) == []
    assert queries.events(store.engine, type="'; DROP TABLE events; --") == []
    assert queries.search(store.engine, 'drones" OR "x') == []
    assert count(store, schema.events) == 1


def test_full_text_search_finds_words_and_not_others(store):
    put(store, "Kyrgyzstan attacked Tajikistan with drones.", outlet="A", published="2022-09-16")
    put(store, "Russia and Tajikistan signed an agreement.", outlet="B", published="2022-09-17")
    assert [r["outlet"] for r in queries.search(store.engine, "drones")] == ["A"]
    assert len(queries.search(store.engine, "Tajikistan")) == 2
    assert queries.search(store.engine, "submarine") == []


def test_a_failed_document_is_counted_and_the_batch_goes_on(store):
    good = Document.from_text("Kyrgyzstan attacked Tajikistan.")
    bad = Document.from_text("FAIL")
    broken_record = {"events": [{"id": "e1"}]}  # no type: cannot be stored
    written, existing, failed = store.write_batch(
        [(bad, None, "ValueError: boom"), (Document.from_text("odd"), broken_record, None),
         (good, PIPELINE.extract(good), None)])
    assert (written, existing, failed) == (1, 0, 2)
    assert count(store, schema.documents) == 1 and count(store, schema.failures) == 2


@pytest.mark.parametrize("query", ["a\x00b", "\ud800", "\x00", 'NEAR(', '"', "*", "x" * 2000])
def test_search_text_that_breaks_fts5_is_harmless(query):
    """Found by schemathesis on /search.json: a NUL or a lone surrogate ended the FTS5 string early."""
    from flashpoint.store.queries import fts5_query

    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    connection.execute("INSERT INTO t VALUES ('Turkey sold drones')")
    assert connection.execute("SELECT count(*) FROM t WHERE t MATCH ?", (fts5_query(query),)).fetchone()[0] == 0
