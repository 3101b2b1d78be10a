"""Writing a network: JSON (every tie with its records), GraphML and GEXF (flattened).

GraphML and GEXF hold only strings and numbers, so each edge gets ``sign``, ``weight``,
``kinds`` (``supply;support``), ``records`` (``;``-joined ids), ``n_documents`` and one
``w_<kind>`` weight per tie kind; nodes get ``label``.
"""

from __future__ import annotations

import io

import networkx as nx

from flashpoint.analysis.network import Network

FORMATS = ("json", "graphml", "gexf")


def network_as_dict(network: Network) -> dict:
    settings = network.settings
    return {
        "schema": "flashpoint-network/1", "at": network.at, "since": network.since,
        "window": settings.window, "half_life_days": settings.half_life_days,
        "nodes": [{"id": n, "name": network.name(n)} for n in sorted(network.graph)],
        "edges": [{"source": u, "target": v, "sign": d["sign"], "weight": round(d["weight"], 4),
                   "ties": [t.as_dict() for t in sorted(d["ties"].values(), key=lambda t: -t.weight)]}
                  for u, v, d in sorted(network.graph.edges(data=True), key=lambda e: sorted(e[:2]))],
    }


def flat_graph(network: Network) -> nx.Graph:
    """A copy with string and number attributes only, for GraphML and GEXF."""
    G = nx.Graph()
    for node in sorted(network.graph):
        G.add_node(node, label=network.name(node))
    for u, v, data in network.graph.edges(data=True):
        ties = data["ties"].values()
        flat = {"sign": int(data["sign"]), "weight": float(round(data["weight"], 4)),
                "kinds": ";".join(sorted(t.kind for t in ties)),
                "records": ";".join(r for t in ties for r in t.records),
                "n_documents": len({d for t in ties for d in t.documents})}
        flat.update({f"w_{t.kind}": float(round(t.sign * t.weight, 4)) for t in ties})
        G.add_edge(u, v, **flat)
    return G


def write_network(network: Network, format: str) -> str:
    """The network as text in ``format`` (json, graphml or gexf)."""
    if format == "json":
        import json

        return json.dumps(network_as_dict(network), indent=2, ensure_ascii=False)
    buffer = io.BytesIO()
    writer = {"graphml": nx.write_graphml, "gexf": nx.write_gexf}[format]
    writer(flat_graph(network), buffer)
    return buffer.getvalue().decode("utf-8")
