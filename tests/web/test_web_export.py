"""Exports read back by the tools they are for: networkx (GraphML, GEXF), a GeoJSON schema
check, pyarrow, followthemoney and datasette's ASGI app."""

from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from flashpoint.export import EXPORTERS, export
from flashpoint.store import open_store


@pytest.fixture(scope="module")
def engine(web_db):
    store = open_store(web_db)
    yield store.engine
    store.close()


@pytest.mark.parametrize("format", ["graphml", "gexf"])
def test_networkx_reads_the_network_back(engine, tmp_path, format):
    path, = export(engine, format, tmp_path / f"net.{format}")
    graph = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}[format](path)
    assert graph.has_edge("KGZ", "TJK") and graph.has_edge("TUR", "KGZ")
    assert {d["sign"] for _, _, d in graph.edges(data=True)} <= {1, -1}


def test_geojson_is_valid(engine, tmp_path):
    path, = export(engine, "geojson", tmp_path / "events.geojson")
    found = json.loads(path.read_text())
    assert found["type"] == "FeatureCollection" and found["features"]
    for feature in found["features"]:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    shapely = pytest.importorskip("shapely.geometry")
    assert all(shapely.shape(f["geometry"]).is_valid for f in found["features"])


def test_csv_and_parquet_tables(engine, tmp_path):
    paths = export(engine, "csv", tmp_path / "csv")
    assert {p.name for p in paths} == {"events.csv", "transfers.csv", "claims.csv", "actors.csv", "weapons.csv", "documents.csv"}
    with open(tmp_path / "csv" / "events.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows and rows[0]["key"] and "evidence" in rows[0]
    import pyarrow.parquet as pq

    path, = export(engine, "parquet", tmp_path / "transfers.parquet", table="transfers")
    table = pq.read_table(path)
    assert table.num_rows == len(export_rows(engine, "transfers")) and "supplier" in table.column_names


def export_rows(engine, table):
    from flashpoint.export.tables import rows

    return rows(engine, table)


def test_ftm_entities_validate(engine, tmp_path):
    model = pytest.importorskip("followthemoney").model
    path, = export(engine, "ftm", tmp_path / "entities.ftm.jsonl")
    entities = [model.get_proxy(json.loads(line)) for line in path.read_text().splitlines()]
    schemas = {e.schema.name for e in entities}
    assert {"Article", "Event", "PublicBody"} <= schemas
    ids = {e.id for e in entities}
    for event in (e for e in entities if e.schema.name == "Event"):
        assert set(event.get("proof")) <= ids and set(event.get("involved")) <= ids


def test_datasette_serves_the_file(engine, tmp_path):
    datasette_app = pytest.importorskip("datasette.app")
    from fastapi.testclient import TestClient

    path, = export(engine, "datasette", tmp_path / "flashpoint.db")
    ds = datasette_app.Datasette([str(path)])
    client = TestClient(ds.app())
    for table in ("events", "dyads", "events_by_month", "differing_figures"):
        response = client.get(f"/flashpoint/{table}.json?_shape=array")
        assert response.status_code == 200, (table, response.text[:200])
    found = client.get("/flashpoint/documents.json?_search=Bayraktar&_shape=array").json()
    assert found


def test_every_format_is_listed():
    assert set(EXPORTERS) == {"csv", "parquet", "geojson", "graphml", "gexf", "ftm", "datasette"}


def test_cli_export(web_db, tmp_path):
    import typer
    from typer.testing import CliRunner

    from flashpoint.cli import web

    app = typer.Typer()
    web.register(app)
    out = tmp_path / "out.geojson"
    result = CliRunner().invoke(app, ["export", "--format", "geojson", "--out", str(out), "--db", web_db])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["features"]
    bad = CliRunner().invoke(app, ["export", "--format", "csv", "--table", "nope", "--out", str(tmp_path / "x.csv"), "--db", web_db])
    assert bad.exit_code != 0
