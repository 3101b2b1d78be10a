"""The store: documents, their records and the records merged across documents.

`open_store(url)` connects (SQLite file by default, PostgreSQL by URL), migrates the
schema to the latest version and returns a `Store`; the query functions live in
`flashpoint.store.queries`.
"""

from flashpoint.store.engine import database_url, make_engine
from flashpoint.store.store import Store, open_store

__all__ = ["Store", "database_url", "make_engine", "open_store"]
