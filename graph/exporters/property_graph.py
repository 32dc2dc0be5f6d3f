"""Property-graph exports of the networkx projection (govkg.projection.project_graph): GraphML, GEXF (Gephi, yEd,
Cytoscape), Neo4j bulk-import CSVs (``neo4j-admin database import`` header format) and a Cypher script.

Node ids are the entities' IRIs; every node has ``id``, ``label`` and ``kind`` (its Neo4j label: District,
Project, Action, ...); list attributes (a project's stages) stay lists in Cypher and the CSVs (``string[]``,
``;``-separated) and become ``"; "``-joined strings in GraphML/GEXF, which have no list type. Relationship
types are the predicate notations upper-cased (``located_in`` → ``LOCATED_IN``, ``measures`` → ``MEASURES``).

The Cypher script is for cypher-shell (``cypher-shell -f govkg.cypher``): unique constraints on ``id``, then
batches of ``:param batch => [...]`` followed by ``UNWIND $batch AS row MERGE ...``, so loading it again
updates rather than duplicates. :func:`cypher_statements` gives the same batches as (statement, parameters)
pairs for a driver (``govkg push --cypher``).
"""
from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from ..errors import GovkgError
from ..projection import project_graph
from .rdf_formats import load_quads

BATCH = 500


def projection(inputs: list[Path]) -> nx.MultiDiGraph:
    """The property-graph view of the union of the given built graphs (files, datasets or build folders)."""
    g = Graph()
    data = ox.serialize([q.triple for q in load_quads(inputs)], format=ox.RdfFormat.N_TRIPLES)
    g.parse(data=data.decode("utf-8"), format="nt")
    return project_graph(g)


def rel_type(predicate: str) -> str:
    """A relationship type from a predicate notation.

    >>> rel_type("located_in")
    'LOCATED_IN'
    """
    return "".join(c if c.isalnum() else "_" for c in predicate).upper()


def node_rows(view: nx.MultiDiGraph) -> list[dict]:
    """One dict per node (``id`` first), sorted by id; None attributes left out."""
    rows = []
    for n in sorted(view):
        attrs = {k: v for k, v in view.nodes[n].items() if v is not None}
        rows.append({"id": n, **{k: attrs[k] for k in sorted(attrs)}})
    return rows


def edge_rows(view: nx.MultiDiGraph) -> list[dict]:
    """One dict per edge: source, target, type, and its attributes; sorted."""
    rows = []
    for u, v, data in view.edges(data=True):
        props = {k: data[k] for k in sorted(data) if data[k] is not None}
        rows.append({"source": u, "target": v, "type": rel_type(data["predicate"]), "props": props})
    return sorted(rows, key=lambda r: (r["source"], r["target"], r["type"]))


def _joined(attrs: dict) -> dict:
    return {k: ("; ".join(str(x) for x in v) if isinstance(v, (list, tuple, set)) else v) for k, v in attrs.items()}


def _flat(view: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with list attributes joined and None attributes dropped (GraphML/GEXF have no list or null)."""
    flat = nx.MultiDiGraph()
    for row in node_rows(view):
        flat.add_node(row["id"], **_joined({k: v for k, v in row.items() if k != "id"}))
    for row in edge_rows(view):
        flat.add_edge(row["source"], row["target"], key=row["props"]["predicate"], **_joined(row["props"]))
    return flat


def graphml_bytes(view: nx.MultiDiGraph) -> bytes:
    out = io.BytesIO()
    nx.write_graphml(_flat(view), out, encoding="utf-8", prettyprint=True)
    return out.getvalue()


def gexf_bytes(view: nx.MultiDiGraph) -> bytes:
    flat = _flat(view)
    for n, data in flat.nodes(data=True):
        data.setdefault("label", n)
    out = io.BytesIO()
    nx.write_gexf(flat, out, encoding="utf-8", prettyprint=True)
    # networkx stamps the current date into <meta lastmodifieddate=...>: drop it for deterministic output
    text = out.getvalue().decode("utf-8")
    start = text.find(' lastmodifieddate="')
    if start >= 0:
        text = text[:start] + text[text.index('"', start + 19) + 1:]
    return text.encode("utf-8")


# ---------------------------------------------------------------- Neo4j bulk import


def neo4j_csv_files(view: nx.MultiDiGraph) -> dict[str, bytes]:
    """file name → CSV bytes: ``nodes_<Kind>.csv`` and ``relationships_<TYPE>.csv`` plus ``import.sh``.

    Headers follow ``neo4j-admin database import``: ``id:ID``, ``:LABEL``, ``name:string[]`` (``;`` array
    delimiter), ``:START_ID``, ``:END_ID``, ``:TYPE``, ``observations:int``.
    """
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for row in node_rows(view):
        by_kind[row["kind"]].append(row)
    files: dict[str, bytes] = {}
    for kind, rows in sorted(by_kind.items()):
        keys = sorted({k for r in rows for k in r} - {"id", "kind"})
        header = ["id:ID"] + [_typed(k, [r.get(k) for r in rows]) for k in keys] + [":LABEL"]
        body = [[r["id"]] + [_cell(r.get(k)) for k in keys] + [kind] for r in rows]
        files[f"nodes_{kind}.csv"] = _csv(header, body)
    by_type: dict[str, list[dict]] = defaultdict(list)
    for row in edge_rows(view):
        by_type[row["type"]].append(row)
    for rtype, rows in sorted(by_type.items()):
        keys = sorted({k for r in rows for k in r["props"]})
        header = [":START_ID", ":END_ID", ":TYPE"] + [_typed(k, [r["props"].get(k) for r in rows]) for k in keys]
        body = [[r["source"], r["target"], rtype] + [_cell(r["props"].get(k)) for k in keys] for r in rows]
        files[f"relationships_{rtype}.csv"] = _csv(header, body)
    args = " ".join([f"--nodes={n}" for n in files if n.startswith("nodes_")]
                    + [f"--relationships={n}" for n in files if n.startswith("relationships_")])
    files["import.sh"] = ("#!/bin/sh\n# Run in this folder with the database stopped (Neo4j 5).\n"
                          f"neo4j-admin database import full --array-delimiter=';' --overwrite-destination "
                          f"{args} \"${{1:-neo4j}}\"\n").encode("utf-8")
    return files


def _typed(key: str, values: list) -> str:
    """The header field: ``key:string[]`` for lists, ``:boolean``, ``:int``, ``:double``; plain for strings."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, (list, tuple)) for v in present):
        return f"{key}:string[]"
    if present and all(isinstance(v, bool) for v in present):
        return f"{key}:boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return f"{key}:int"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return f"{key}:double"
    return key


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ";".join(str(v).replace(";", ",") for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _csv(header: list[str], body: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(body)
    return out.getvalue().encode("utf-8")


# ---------------------------------------------------------------- Cypher


def cypher_statements(view: nx.MultiDiGraph, batch: int = BATCH) -> list[tuple[str, dict | None]]:
    """(statement, parameters) pairs: constraints first, then node batches by kind, then edge batches by
    (type, source kind, target kind). Parameters are ``{"batch": [row, ...]}``; constraints have none."""
    kinds = {n: view.nodes[n]["kind"] for n in view}
    statements: list[tuple[str, dict | None]] = []
    for kind in sorted(set(kinds.values())):
        statements.append((f"CREATE CONSTRAINT govkg_{kind.lower()}_id IF NOT EXISTS "
                           f"FOR (n:{kind}) REQUIRE n.id IS UNIQUE", None))
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for row in node_rows(view):
        by_kind[row["kind"]].append({"id": row["id"], "props": {k: v for k, v in row.items()}})
    for kind, rows in sorted(by_kind.items()):
        for i in range(0, len(rows), batch):
            statements.append((f"UNWIND $batch AS row MERGE (n:{kind} {{id: row.id}}) SET n += row.props",
                               {"batch": rows[i:i + batch]}))
    by_group: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for row in edge_rows(view):
        key = (row["type"], kinds[row["source"]], kinds[row["target"]])
        by_group[key].append({"source": row["source"], "target": row["target"], "props": row["props"]})
    for (rtype, src, dst), rows in sorted(by_group.items()):
        for i in range(0, len(rows), batch):
            statements.append((f"UNWIND $batch AS row MATCH (a:{src} {{id: row.source}}) "
                               f"MATCH (b:{dst} {{id: row.target}}) MERGE (a)-[r:{rtype}]->(b) SET r += row.props",
                               {"batch": rows[i:i + batch]}))
    return statements


def cypher_literal(value) -> str:
    """A Cypher literal for a JSON-like value.

    >>> cypher_literal({"id": "a\\"b", "n": [1, "x"], "ok": True})
    '{id: "a\\\\"b", n: [1, "x"], ok: true}'
    """
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)


def _key(key: str) -> str:
    return key if key.replace("_", "a").isalnum() and key.isascii() and not key[0].isdigit() else f"`{key}`"


def cypher_script(view: nx.MultiDiGraph, batch: int = BATCH) -> str:
    """The cypher-shell script: ``:param batch => [...]`` on one line before each UNWIND statement."""
    lines = ["// govkg property graph: load with `cypher-shell -f govkg.cypher` (Neo4j 5; MERGE on id, re-runnable)",
             f"// {len(view)} nodes, {view.number_of_edges()} relationships"]
    for statement, params in cypher_statements(view, batch):
        if params is not None:
            lines.append(f":param batch => {cypher_literal(params['batch'])}")
        lines.append(statement + ";")
    return "\n".join(lines) + "\n"


def parse_cypher_script(text: str) -> list[tuple[str, str | None]]:
    """(statement, batch literal or None) pairs of a script written by :func:`cypher_script`."""
    pairs: list[tuple[str, str | None]] = []
    pending: str | None = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("//"):
            continue
        if line.startswith(":param batch => "):
            pending = line[len(":param batch => "):]
            continue
        pairs.append((line.rstrip().rstrip(";"), pending))
        pending = None
    return pairs


# ---------------------------------------------------------------- writing


FORMATS = ("graphml", "gexf", "neo4j", "cypher")
EXTENSIONS = {"graphml": "graphml", "gexf": "gexf", "cypher": "cypher"}


def export_bytes(view: nx.MultiDiGraph, fmt: str) -> bytes:
    if fmt == "graphml":
        return graphml_bytes(view)
    if fmt == "gexf":
        return gexf_bytes(view)
    if fmt == "cypher":
        return cypher_script(view).encode("utf-8")
    raise GovkgError(f"unknown property-graph format {fmt!r}")
