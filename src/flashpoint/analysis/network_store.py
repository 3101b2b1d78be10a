"""The network from the store: a thin adapter over `flashpoint.store.queries`.

Merged records come with their sources, so a fact three documents report is one
observation with three documents (and three record ids ``<document id>:<local id>``).
Windowing happens in `build_network`, not in SQL, because undated records fall back on
their documents' publication dates.
"""

from __future__ import annotations

from collections.abc import Iterator

from flashpoint.analysis.network import Network, NetworkSettings, build_network
from flashpoint.analysis.ties import Observation, TieWeights, observations_from_merged

#: Enough for any real store; `find` needs a limit.
ALL_ROWS = 10**9


def observations_from_store(engine, weights: TieWeights | None = None) -> Iterator[Observation]:
    """Observations from every merged event and transfer of the store at ``engine``."""
    from flashpoint.store import queries

    weights = weights or TieWeights()
    for kind in ("event", "transfer"):
        for row in queries.find(engine, kind, limit=ALL_ROWS):
            yield from observations_from_merged(row, weights)


def network_from_store(engine, settings: NetworkSettings | None = None, kb=None) -> Network:
    settings = settings or NetworkSettings()
    return build_network(observations_from_store(engine, settings.weights), settings, kb)
