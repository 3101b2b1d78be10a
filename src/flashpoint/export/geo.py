"""GeoJSON: events that have a place, one Point feature per merged event (RFC 7946)."""

from __future__ import annotations

import json
from pathlib import Path

from flashpoint.store import queries


def feature(row: dict) -> dict:
    """A merged event with a place as a GeoJSON Feature, its evidence in the properties."""
    place = row.get("place") or {}
    names = lambda side: [a.get("name") for a in row.get(side) or []]  # noqa: E731
    sources = [{"document_id": s["document_id"], "outlet": s["outlet"], "published": s["published"],
                "evidence": [e["text"] for e in s["evidence"]]} for s in row["sources"]]
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
            "properties": {"key": row["key"], "type": row["type"], "date": (row.get("date") or {}).get("start"),
                           "place": place.get("name"), "country": place.get("country"),
                           "actors": names("actor"), "recipients": names("recipient"),
                           "n_documents": row["n_documents"], "contested": row["contested"], "sources": sources}}


def placed(row: dict) -> bool:
    place = row.get("place") or {}
    return place.get("lat") is not None and place.get("lon") is not None


def feature_collection(engine) -> dict:
    return {"type": "FeatureCollection",
            "features": [feature(r) for r in queries.events(engine, limit=10**9) if placed(r)]}


def write_geojson(engine, path: Path, table: str = "events") -> None:
    Path(path).write_text(json.dumps(feature_collection(engine), ensure_ascii=False), encoding="utf-8")
