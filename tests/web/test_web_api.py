"""Every JSON endpoint, its HTML twin, the filters, pagination, security headers and the
token-guarded ingest, through FastAPI's TestClient on a store built by the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

SEED_DOC = None

LISTS = ["/events", "/transfers", "/claims", "/documents", "/actors", "/weapons"]
PAGES = LISTS + ["/", "/map", "/timeline?actor=KGZ&other=TJK", "/network", "/dilemmas", "/balance",
                 "/search?q=drones", "/actors/TUR"]


def json_twin(path: str) -> str:
    base, _, query = path.partition("?")
    base = "/index" if base == "/" else base
    return f"{base}.json" + (f"?{query}" if query else "")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_and_its_json_twin(client, path):
    html = client.get(path)
    assert html.status_code == 200, html.text
    assert html.headers["content-type"].startswith("text/html")
    data = client.get(json_twin(path))
    assert data.status_code == 200, data.text
    assert data.json() == client.get(path + ("&" if "?" in path else "?") + "format=json").json()


@pytest.mark.parametrize("path", LISTS)
def test_lists_page_with_totals(client, path):
    first = client.get(f"{path}.json?limit=2").json()
    assert first["limit"] == 2 and len(first["rows"]) <= 2
    if first["total"] > 2:
        second = client.get(first["next"].replace(path, f"{path}.json", 1)).json()
        assert second["offset"] == 2 and second["rows"] != first["rows"]


def test_event_filters(client):
    rows = client.get("/events.json?actor=KGZ&type=ASSAULT&since=2022-09&until=2022-09&limit=100").json()["rows"]
    assert rows and all(r["type"] == "ASSAULT" and r["date"]["start"].startswith("2022-09") for r in rows)
    outlet = client.get("/events.json?outlet=al-monitor").json()
    assert outlet["total"] and all(s["outlet"] == "Al-Monitor" for r in outlet["rows"] for s in r["sources"])
    assert client.get("/events.json?place=Ankara").json()["total"] >= 1
    assert client.get("/events.json?q=Bayraktar").json()["total"] >= 1
    newest = client.get("/events.json?sort=-date&limit=5").json()["rows"]
    days = [r["date"]["start"] for r in newest if r.get("date")]
    assert days == sorted(days, reverse=True)


def test_bad_filters_are_422_not_500(client):
    for query in ("since=yesterday", "limit=0", "limit=100000", "sort=evil", "offset=-1"):
        assert client.get(f"/events.json?{query}").status_code == 422


def test_transfers_claims_and_figures(client):
    transfers = client.get("/transfers.json?actor=TUR&limit=100").json()["rows"]
    assert any((t.get("system") or {}).get("name") == "Bayraktar TB2" for t in transfers)
    claims = client.get("/claims.json?limit=500").json()
    assert claims["figure_groups"], "the cases hold differing casualty figures"
    assert all(len(g["figures"]) > 1 or g["contested"] for g in claims["figure_groups"])


def test_document_segments_cover_the_text_and_mark_evidence(client):
    docs = client.get("/documents.json?outlet=Al-Monitor").json()["rows"]
    found = client.get(f"/documents/{docs[0]['id']}.json").json()
    assert "".join(s["text"] for s in found["segments"]) == found["text"]
    marked = {r for s in found["segments"] for r in s["records"]}
    assert marked == {r["id"] for r in found["records"] if r.get("evidence")}
    html = client.get(f"/documents/{docs[0]['id']}").text
    assert 'class="evidence"' in html and 'id="rec-ev1"' in html


def test_actor_page(client):
    turkey = client.get("/actors/TUR.json").json()
    assert turkey["transfers_out"] and turkey["events"]
    assert any(r["partner"] == "KGZ" for r in turkey["relations"])
    assert client.get("/actors/NOPE.json").status_code == 404


def test_network_dilemmas_and_balance(client):
    cut = "at=2022-09-30&window=12m"
    network = client.get(f"/network.json?{cut}").json()
    assert {"nodes", "edges", "dilemmas", "unbalanced_triads"} <= set(network)
    dilemmas = client.get(f"/dilemmas.json?{cut}&actor=TUR").json()["dilemmas"]
    turkey = next(d for d in dilemmas if d["partners"] == ["KGZ", "TJK"])
    assert "Kyrgyzstan and Tajikistan clashed" in turkey["explanation"]
    assert any(r.get("evidence") for r in turkey["evidence_records"])
    balance = client.get(f"/balance.json?{cut}").json()
    assert balance["triangles"]["++-"] >= 1
    assert client.get("/network.json?window=forever").status_code == 422


def test_map_is_geojson(client):
    found = client.get("/map.json?since=2022-01-01&until=2022-12-31").json()
    assert found["type"] == "FeatureCollection" and found["features"]
    assert all(f["properties"]["date"] is None or f["properties"]["date"].startswith("2022") for f in found["features"])
    assert client.get("/map.json?since=1990&until=1990").json()["features"] == []


def test_the_map_page_counts_what_its_script_will_fetch(client):
    # the page itself builds no features (its script fetches /map.json); its count agrees with them
    for query in ("", "?max_events=1", "?since=1990&until=1990"):
        found = client.get(f"/map.json{query}").json()
        page = client.get(f"/map{query}").text
        assert f'<span id="map-count">{len(found["features"])} of {found["total"]} placed events</span>' in page


def test_timeline_of_a_dyad(client):
    found = client.get("/timeline.json?actor=KGZ&other=TJK").json()
    assert found["total"] and found["months"]


def test_search(client):
    found = client.get("/search.json?q=Bayraktar").json()
    assert found["documents"] and any(p["match"] for d in found["documents"] for p in d["snippet_parts"])
    assert client.get('/search.json?q=" OR NEAR(').status_code == 200


def test_security_headers_everywhere(client):
    for path in ("/", "/events.json", "/nope", "/static/css/site.css"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"
        assert "access-control-allow-origin" not in headers


def test_no_docs_ui_but_an_openapi_spec(client):
    assert client.get("/docs").status_code == 404
    spec = client.get("/openapi.json").json()
    assert "/events.json" in spec["paths"] and "/documents" not in spec["paths"]


def test_ingest_is_off_without_a_token(client):
    assert client.post("/documents", json={"text": "Turkey supplied drones to Kyrgyzstan."}).status_code == 404


def test_ingest_with_the_token(web_db, tmp_path):
    import shutil

    from fastapi.testclient import TestClient

    from flashpoint.web import create_app

    copy = tmp_path / "copy.db"
    shutil.copy(web_db, copy)
    client = TestClient(create_app(str(copy), token="s3cret"))
    text = {"text": "Turkey delivered Bayraktar TB2 drones to Kyrgyzstan in May 2023, officials said.", "outlet": "Test"}
    assert client.post("/documents", json=text).status_code == 401
    assert client.post("/documents", json=text, headers={"Authorization": "Bearer wrong"}).status_code == 403
    made = client.post("/documents", json=text, headers={"Authorization": "Bearer s3cret"})
    assert made.status_code == 201, made.text
    assert made.json()["records"]["transfers"] >= 1
    assert client.get(f"/documents/{made.json()['id']}.json").json()["outlet"] == "Test"
    assert "/documents" in client.get("/openapi.json").json()["paths"]


def test_cors_only_when_configured(web_db):
    from fastapi.testclient import TestClient

    from flashpoint.web import create_app

    client = TestClient(create_app(web_db, cors_origins=("https://example.org",)))
    response = client.get("/events.json", headers={"Origin": "https://example.org"})
    assert response.headers["access-control-allow-origin"] == "https://example.org"


def test_hostile_text_is_escaped_in_html(client):
    doc = client.get("/documents.json?outlet=Hostile Test Wire").json()["rows"][0]
    html = client.get(f"/documents/{doc['id']}").text
    assert "<script>window.__pwned" not in html and "&lt;script&gt;window.__pwned" in html
    assert "<img src=x" not in html and "<svg onload" not in html
    for path in ("/events?q=Batken", "/search?q=Batken", "/transfers?q=Batken"):
        body = client.get(path).text
        assert "<script>window" not in body and "onerror=\"window" not in body


def test_templates_never_mark_text_safe():
    templates = Path(__file__).resolve().parents[2] / "src" / "flashpoint" / "web" / "templates"
    for template in templates.glob("*.html"):
        source = template.read_text()
        assert "|safe" not in source.replace(" ", "") and "autoescape false" not in source, template.name


@pytest.mark.parametrize("format", ["csv", "parquet", "geojson", "graphml", "gexf", "ftm", "datasette"])
def test_export_downloads(client, format):
    response = client.get(f"/export/{format}")
    assert response.status_code == 200 and response.content
    assert "attachment" in response.headers["content-disposition"]
    assert client.get("/export/csv?table=nope").status_code == 404
    assert client.get("/export/pdf").status_code == 404
