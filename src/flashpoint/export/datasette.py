"""A Datasette-ready SQLite file: the flat tables, full-text search over documents and
views an analyst starts from (`datasette serve flashpoint-export.db`)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from flashpoint.export.tables import TABLES, rows

VIEWS = {
    "events_by_month": "SELECT substr(date_start, 1, 7) AS month, type, count(*) AS events, sum(n_documents) AS reports "
                       "FROM events WHERE date_start IS NOT NULL GROUP BY month, type ORDER BY month, type",
    "dyads": "SELECT actors, recipients, count(*) AS events, min(date_start) AS first, max(date_start) AS last "
             "FROM events GROUP BY actors, recipients ORDER BY events DESC",
    "transfers_by_supplier": "SELECT supplier, recipient, system, status, date_start, n_documents FROM transfers "
                             "ORDER BY supplier, recipient, date_start",
    "contested_records": "SELECT 'event' AS kind, key, date_start, evidence FROM events WHERE contested "
                         "UNION ALL SELECT 'transfer', key, date_start, evidence FROM transfers WHERE contested "
                         "UNION ALL SELECT 'claim', key, date_start, evidence FROM claims WHERE contested",
    "differing_figures": "SELECT predicate, subject, claimant, value, differing_figures, date_start, evidence "
                         "FROM claims WHERE differing_figures != '' ORDER BY predicate, subject",
}


def write_datasette(engine, path: Path, table: str = "all") -> None:
    path = Path(path)
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as db:
        for name in TABLES:
            _table(db, name, rows(engine, name))
        db.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid')")
        db.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
        for name, sql in VIEWS.items():
            db.execute(f"CREATE VIEW {name} AS {sql}")
    db.close()


def _table(db: sqlite3.Connection, name: str, found: list[dict]) -> None:
    columns = list(found[0]) if found else ["key"]
    db.execute(f"CREATE TABLE {name} ({', '.join(_quote(c) for c in columns)})")
    marks = ", ".join("?" for _ in columns)
    db.executemany(f"INSERT INTO {name} VALUES ({marks})", [[_value(r.get(c)) for c in columns] for r in found])


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _value(value):
    return value if value is None or isinstance(value, (str, int, float)) else str(value)
