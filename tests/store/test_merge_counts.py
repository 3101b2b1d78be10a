"""Merged records kept by counting equal merged records computed from scratch.

The oracle here recomputes every merged row in plain Python from the record tables (current
document versions only), independently of `flashpoint.store.merge`. Random corpora mix
outlets (in different cases), new versions of documents, denials and rival claim figures.
"""

from __future__ import annotations

import random

import pytest
from sqlalchemy import select

from flashpoint.documents import Document
from flashpoint.ingest.fake import FakePipeline
from flashpoint.store import keys, merge, queries, schema
from flashpoint.store.engine import writer

PIPELINE = FakePipeline()
SENTENCES = [
    "Turkey delivered {n} Bayraktar TB2 to Kyrgyzstan.",
    "Turkey denied delivering Bayraktar TB2 to Kyrgyzstan.",
    "Kyrgyzstan attacked Tajikistan.",
    "Tajikistan said {k} people were killed.",
    "Kyrgyzstan said {k} people were killed.",
    "Kyrgyzstan denied that {k} people were killed.",
    "Russia delivered S-300 to Kyrgyzstan.",
]
OUTLETS = ["Al-Monitor", "al-monitor ", "Eurasianet", "", None, "RFE/RL"]


def _corpus(seed: int, size: int) -> list[Document]:
    rng = random.Random(seed)
    documents = []
    for i in range(size):
        picked = rng.sample(SENTENCES, rng.randint(1, 4))
        text = " ".join(s.format(n=rng.choice([2, 3]), k=rng.choice([59, 63])) for s in picked)
        url = f"https://news.example/{rng.randint(0, size // 3)}"  # some urls come back changed
        documents.append(Document.from_text(f"{text} Item {i}.", url=url, outlet=rng.choice(OUTLETS),
                                            published=f"2022-09-{1 + i % 28:02d}"))
    return documents


def _oracle(connection) -> dict:
    documents = schema.documents
    current = {row.id: row.outlet for row in connection.execute(
        select(documents.c.id, documents.c.outlet).where(documents.c.superseded_by.is_(None)))}
    members: dict[tuple[str, str], list] = {}
    groups: dict[tuple[str, str], list[bool]] = {}
    for kind, table in schema.RECORD_TABLES.items():
        for row in connection.execute(select(table.c.id, table.c.document_id, table.c.merge_key, table.c.data)):
            if row.document_id not in current:
                continue
            members.setdefault((kind, row.merge_key), []).append(row)
            group = keys.claim_group(row.data) if kind == "claim" else row.merge_key
            groups.setdefault((kind, group), []).append(keys.is_denied(kind, row.data))
    expected = {}
    for (kind, merge_key), rows in members.items():
        outlets = {(current[r.document_id] or "").strip().lower() or r.document_id for r in rows}
        group = keys.claim_group(rows[0].data) if kind == "claim" else merge_key
        denials = groups[(kind, group)]
        expected[(kind, merge_key)] = {
            "n_documents": len({r.document_id for r in rows}), "n_outlets": len(outlets),
            "statuses": sorted({merge.status_of(kind, r.data) for r in rows}),
            "contested": any(denials) and not all(denials),
            "members": {r.id: r.data for r in rows},
        }
    return expected


def _merged(connection) -> dict:
    found = {}
    for row in connection.execute(select(schema.merged)).mappings():
        found[(row["kind"], row["merge_key"])] = {
            "n_documents": row["n_documents"], "n_outlets": row["n_outlets"], "statuses": row["statuses"],
            "contested": bool(row["contested"]), "representative": row["representative"], "record": row["record"]}
    return found


def _assert_matches_oracle(store) -> None:
    with store.engine.connect() as connection:
        expected, found = _oracle(connection), _merged(connection)
    assert set(found) == set(expected)
    for key, want in expected.items():
        got = found[key]
        assert {k: got[k] for k in ("n_documents", "n_outlets", "statuses", "contested")} == {
            k: want[k] for k in ("n_documents", "n_outlets", "statuses", "contested")}, key
        assert want["members"].get(got["representative"]) == got["record"], key  # a current member


@pytest.mark.parametrize("seed", [1, 2])
def test_merged_records_kept_by_counting_equal_a_recomputation(store, seed):
    documents = _corpus(seed, 40)
    assert len({d.url for d in documents}) < len(documents)  # versions do happen
    for start in range(0, len(documents), 7):
        store.write_batch((d, PIPELINE.extract(d), None) for d in documents[start:start + 7])
    _assert_matches_oracle(store)
    with store.engine.connect() as connection:
        before = _merged(connection)
    with writer(store.engine).begin() as connection:
        merge.rebuild(connection)
    with store.engine.connect() as connection:
        after = _merged(connection)
    assert {k: {f: v for f, v in row.items() if f not in ("representative", "record")} for k, row in after.items()} \
        == {k: {f: v for f, v in row.items() if f not in ("representative", "record")} for k, row in before.items()}


def test_a_new_version_takes_its_old_members_out(store):
    def put(text, outlet):
        document = Document.from_text(text, url="https://x/1", outlet=outlet, published="2022-09-20")
        store.write(document, PIPELINE.extract(document))

    other = Document.from_text("Turkey delivered Bayraktar TB2 to Kyrgyzstan. Elsewhere.", outlet="B",
                               published="2022-09-21")
    put("Turkey delivered Bayraktar TB2 to Kyrgyzstan.", "A")
    store.write(other, PIPELINE.extract(other))
    [transfer] = queries.transfers(store.engine)
    assert (transfer["n_documents"], transfer["n_outlets"]) == (2, 2)
    put("Turkey denied delivering Bayraktar TB2 to Kyrgyzstan.", "A")  # the first version now denies
    [transfer] = queries.transfers(store.engine)
    assert (transfer["n_documents"], transfer["n_outlets"], transfer["contested"]) == (2, 2, True)
    assert transfer["status"] == "delivered"  # the representative is now the other outlet's record
    put("Kyrgyzstan attacked Tajikistan.", "A")  # and the third version reports something else
    [transfer] = queries.transfers(store.engine)
    assert (transfer["n_documents"], transfer["n_outlets"], transfer["contested"]) == (1, 1, False)
    assert transfer["statuses"] == ["asserted"]
    _assert_matches_oracle(store)


def test_a_database_from_before_the_counts_is_migrated_and_recounted(store, db_url):
    from flashpoint.store import open_store

    for document in _corpus(3, 12):
        store.write(document, PIPELINE.extract(document))
    with store.engine.connect() as connection:
        before = _merged(connection)
    with writer(store.engine).begin() as connection:  # back to the schema of version 2
        for statement in ("DROP INDEX ix_merged_group", "ALTER TABLE merged DROP COLUMN group_key",
                          "ALTER TABLE merged DROP COLUMN representative", "DROP TABLE merge_counts",
                          "DELETE FROM schema_version WHERE version = 3", "UPDATE merged SET n_documents = 0"):
            connection.exec_driver_sql(statement)
    store.close()
    reopened = open_store(db_url)
    try:
        with reopened.engine.connect() as connection:
            assert _merged(connection) == before
        _assert_matches_oracle(reopened)
    finally:
        reopened.close()
