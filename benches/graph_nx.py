#!/usr/bin/env python3
"""networkx's side of `cargo bench --bench graph`: the same work as zhitu on the same graph.

Usage: python3 benches/graph_nx.py GRAPH.json QUERIES.json

GRAPH.json is zhitu's node-link JSON; QUERIES.json is {"hop": [id, ...], "pairs": [[a, b], ...]}.
Loads the graph (json.load + nx.node_link_graph(data, edges="edges")), then times on the
undirected view, per query: the 2-hop neighbourhood (single_source_shortest_path_length with
cutoff=2) and a shortest path (nx.shortest_path, bidirectional BFS). Prints one JSON object:
{"load_s", "load_cpu_s", "peak_kb", "hop_us": [...], "path_us": [...], "hop_total", "path_total"}.
"""

import json
import resource
import sys
import time

import networkx as nx


def main() -> None:
    graph_path, queries_path = sys.argv[1], sys.argv[2]
    with open(queries_path, encoding="utf-8") as f:
        queries = json.load(f)

    t, cpu = time.perf_counter(), time.process_time()
    with open(graph_path, encoding="utf-8") as f:
        data = json.load(f)
    g = nx.node_link_graph(data, edges="edges")
    load_s = time.perf_counter() - t
    load_cpu_s = time.process_time() - cpu
    del data
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    u = g.to_undirected(as_view=True)
    hop_us, hop_total = [], 0
    for n in queries["hop"]:
        t = time.perf_counter()
        reached = nx.single_source_shortest_path_length(u, n, cutoff=2)
        hop_us.append((time.perf_counter() - t) * 1e6)
        hop_total += len(reached) - 1  # without the start node

    path_us, path_total = [], 0
    for a, b in queries["pairs"]:
        t = time.perf_counter()
        try:
            length = len(nx.shortest_path(u, a, b)) - 1
        except nx.NetworkXNoPath:
            length = -1
        path_us.append((time.perf_counter() - t) * 1e6)
        path_total += length

    json.dump(
        {
            "load_s": load_s,
            "load_cpu_s": load_cpu_s,
            "peak_kb": peak_kb,
            "hop_us": hop_us,
            "path_us": path_us,
            "hop_total": hop_total,
            "path_total": path_total,
            "engine": "networkx " + nx.__version__,
        },
        sys.stdout,
    )
    print()


if __name__ == "__main__":
    main()
