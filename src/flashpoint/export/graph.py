"""GraphML and GEXF: the signed actor network (networkx writers, flattened attributes)."""

from __future__ import annotations

from pathlib import Path

DEFAULT_WINDOW = "all"  # an export is the whole record unless a cut is asked for


def network(engine, networks=None, at: str | None = None, window: str = DEFAULT_WINDOW):
    if networks is not None:
        return networks.get(at, window, 365.0)
    from flashpoint.analysis.network import NetworkSettings
    from flashpoint.analysis.network_store import network_from_store

    return network_from_store(engine, NetworkSettings(at=at, window=window))


def write_graph(engine, path: Path, table: str | None = None, *, format: str, networks=None, at=None,
                window: str = DEFAULT_WINDOW) -> None:
    from flashpoint.analysis.network_export import write_network

    Path(path).write_text(write_network(network(engine, networks, at, window), format), encoding="utf-8")
