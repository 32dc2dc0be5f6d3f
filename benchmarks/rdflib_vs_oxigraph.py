"""Benchmark: rdflib vs pyoxigraph on a corpus-sized (≈1M triples) govkg graph.

    .venv/bin/python benchmarks/rdflib_vs_oxigraph.py [GRAPH.ttl] [--triples N] [--skip-rdflib-query]

Makes a Turtle file of about N triples (default 1,000,000) by repeating a built graph (default
exports/tianjin-2023.ttl; build it first) with its instance IRIs renamed per copy (the ontology's concepts are
shared, as in a real corpus), then times, for each engine:

1. parsing the Turtle file into memory (rdflib ``Graph.parse`` vs pyoxigraph ``Store.load``);
2. a GROUP BY query: observations per indicator and status, ordered by count (the shape of the cookbook's
   aggregate queries);
3. a selective cookbook query (``targets_this_year``).

and prints one table. The same numbers decide which engine govkg uses: pyoxigraph for `govkg query`, `serve`,
`export` of N-Triples/N-Quads/TriG and `push`; rdflib only where a library needs an rdflib graph (the networkx
projection, JSON-LD, SHACL).
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GROUP_BY = """
PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?indicator ?status (COUNT(?o) AS ?n)
WHERE { ?o a gk:Observation ; gk:indicator/rdfs:label ?indicator ; gk:status/skos:notation ?status }
GROUP BY ?indicator ?status
ORDER BY DESC(?n) ?indicator ?status
"""


def make_corpus(source: Path, triples: int, out: Path) -> int:
    """Write about ``triples`` triples of renamed copies of ``source`` to ``out``; the exact count."""
    import pyoxigraph as ox

    text = source.read_text(encoding="utf-8")
    def renamed(k: int) -> str:
        return re.sub(r"https://w3id\.org/govkg/id/", f"https://w3id.org/govkg/id/c{k}/", text)

    one, two = ox.Store(), ox.Store()
    one.load(renamed(0).encode(), format=ox.RdfFormat.TURTLE)
    two.load((renamed(0) + "\n" + renamed(1)).encode(), format=ox.RdfFormat.TURTLE)
    per_copy = len(two) - len(one)  # new triples per copy (the ontology's concepts are shared)
    copies = max(1, -(-(triples - len(one)) // per_copy) + 1)
    with out.open("w", encoding="utf-8") as fh:
        for k in range(copies):
            fh.write(renamed(k))
            fh.write("\n")
    check = ox.Store()
    check.bulk_load(path=str(out), format=ox.RdfFormat.TURTLE)
    return len(check)


def timed(fn):
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("graph", nargs="?", type=Path, default=ROOT / "exports" / "tianjin-2023.ttl")
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--skip-rdflib-query", action="store_true", help="rdflib's GROUP BY can take minutes")
    args = parser.parse_args(argv)
    if not args.graph.is_file():
        sys.exit(f"{args.graph}: no such graph (run `govkg build` first)")

    import pyoxigraph as ox
    import rdflib

    from govkg.query import named_queries

    cookbook = named_queries()["targets_this_year"]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.ttl"
        size, seconds = timed(lambda: make_corpus(args.graph, args.triples, corpus))
        mb = corpus.stat().st_size / 1e6
        print(f"corpus: {size:,} triples, {mb:.0f} MB of Turtle (made in {seconds:.1f} s)")

        rows = []
        store = ox.Store()
        _, ox_parse = timed(lambda: store.load(path=str(corpus), format=ox.RdfFormat.TURTLE))
        ox_group, ox_group_s = timed(lambda: list(store.query(GROUP_BY)))
        ox_cook, ox_cook_s = timed(lambda: list(store.query(cookbook)))

        g = rdflib.Graph()
        _, rl_parse = timed(lambda: g.parse(corpus, format="turtle"))
        assert len(g) == len(store), (len(g), len(store))
        if args.skip_rdflib_query:
            rl_group_s = rl_cook_s = float("nan")
        else:
            rl_group, rl_group_s = timed(lambda: list(g.query(GROUP_BY)))
            rl_cook, rl_cook_s = timed(lambda: list(g.query(cookbook)))
            assert len(rl_group) == len(ox_group) and len(rl_cook) == len(ox_cook)
        rows.append(("Turtle parse", rl_parse, ox_parse))
        rows.append((f"GROUP BY query ({len(ox_group)} rows)", rl_group_s, ox_group_s))
        rows.append((f"cookbook targets_this_year ({len(ox_cook)} rows)", rl_cook_s, ox_cook_s))

    print(f"{'operation':<38} {'rdflib':>10} {'pyoxigraph':>11} {'speed-up':>9}")
    for name, rl, ox_s in rows:
        print(f"{name:<38} {rl:>9.2f}s {ox_s:>10.2f}s {rl / ox_s:>8.0f}x")
    print(f"rdflib {rdflib.__version__}, pyoxigraph {ox.__version__}, Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
