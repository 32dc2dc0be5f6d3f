"""`govkg export`: every format round-trips through an independent real parser or engine.

RDF: pyoxigraph and rdflib (two independent parsers) read back exactly the built triples, one named graph per
report. Property graph: networkx reads GraphML/GEXF back; the Neo4j CSVs have neo4j-admin headers and consistent
ids; the Cypher script loads into a real openCypher server (FalkorDB, see test_serve_push.py for why).
"""
from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from govkg.cli import main
from govkg.exporters import property_graph as pg
from govkg.exporters import rdf_formats as rf
from govkg.projection import project_graph
from govkg.ontology.namespace import ID

# rdflib's own TriG/JSON-LD/N-Quads plugins still use its deprecated ConjunctiveGraph API
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def nquad_set(quads) -> set[str]:
    """Quads as canonical N-Quads lines (pyoxigraph's serialisation), for comparing parsers."""
    return set(ox.serialize(list(quads), format=ox.RdfFormat.N_QUADS).decode().splitlines())


def rdflib_nquads(ds: rdflib.Dataset) -> set[str]:
    """An rdflib dataset canonicalised through its own N-Quads writer and pyoxigraph's reader."""
    data = ds.serialize(format="nquads", encoding="utf-8")
    return nquad_set(ox.parse(data, format=ox.RdfFormat.N_QUADS))


@pytest.fixture(scope="module")
def graphs(bundled_build, tmp_path_factory) -> Path:
    """A folder with two built reports: the bundled one and a renamed copy (tianjin-2024)."""
    folder = tmp_path_factory.mktemp("graphs")
    shutil.copy(bundled_build.turtle, folder)
    text = bundled_build.turtle.read_text(encoding="utf-8").replace("tianjin-2023", "tianjin-2024")
    (folder / "tianjin-2024.ttl").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def exported(graphs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    formats = [a for f in (*rf.FORMATS, *pg.FORMATS) for a in ("--format", f)]
    result = run("export", graphs, *formats, "--out", out)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def expected_quads(graphs) -> set[str]:
    """What every RDF export must contain: each file's triples in the named graph of its report."""
    quads = []
    for path in sorted(graphs.glob("*.ttl")):
        graph = ox.NamedNode(str(ID[path.stem]))
        quads += [ox.Quad(q.subject, q.predicate, q.object, graph)
                  for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    return nquad_set(quads)


@pytest.fixture(scope="module")
def view(graphs) -> nx.MultiDiGraph:
    g = rdflib.Graph()
    for path in sorted(graphs.glob("*.ttl")):
        g.parse(path, format="turtle")
    return project_graph(g)


def test_the_built_turtle_reads_the_same_with_a_second_independent_parser(bundled_build):
    by_oxigraph = nquad_set(ox.parse(path=str(bundled_build.turtle), format=ox.RdfFormat.TURTLE))
    g = rdflib.Dataset()
    g.parse(bundled_build.turtle, format="turtle")
    assert rdflib_nquads(g) == by_oxigraph
    assert len(by_oxigraph) == bundled_build.triples


def test_one_named_graph_per_report_named_by_the_report_iri(graphs):
    store = rf.load_dataset([graphs])
    assert rf.report_graph_names(store) == [str(ID["tianjin-2023"]), str(ID["tianjin-2024"])]


@pytest.mark.parametrize("name, fmt", [("govkg.nq", ox.RdfFormat.N_QUADS), ("govkg.trig", ox.RdfFormat.TRIG)])
def test_nquads_and_trig_round_trip_through_pyoxigraph_and_rdflib(exported, expected_quads, name, fmt):
    assert nquad_set(ox.parse(path=str(exported / name), format=fmt)) == expected_quads
    ds = rdflib.Dataset()
    ds.parse(exported / name, format="nquads" if name.endswith(".nq") else "trig")
    assert rdflib_nquads(ds) == expected_quads


def test_ntriples_is_the_union_of_the_report_graphs(exported, expected_quads):
    triples = nquad_set(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                        for t in ox.parse(path=str(exported / "govkg.nt"), format=ox.RdfFormat.N_TRIPLES))
    union = {line.rsplit(" <https://w3id.org/govkg/id/tianjin-", 1)[0] + " ." for line in expected_quads}
    assert triples == union


def test_jsonld_uses_the_context_file_and_round_trips_through_rdflib_and_pyoxigraph(exported, expected_quads):
    document = json.loads((exported / "govkg.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == rf.CONTEXT_NAME
    assert (exported / rf.CONTEXT_NAME).read_bytes() == rf.context_bytes()
    ds = rdflib.Dataset()  # rdflib resolves the context file next to the document
    ds.parse(exported / "govkg.jsonld", format="json-ld")
    assert rdflib_nquads(ds) == expected_quads
    inline = dict(document, **{"@context": rf.context()})  # pyoxigraph does not fetch contexts: inline it
    parsed = ox.parse(json.dumps(inline).encode(), format=ox.RdfFormat.JSON_LD)
    assert nquad_set(parsed) == expected_quads


def test_graphml_and_gexf_read_back_with_the_projection_nodes_edges_and_labels(exported, view):
    for name, read in [("govkg.graphml", lambda p: nx.read_graphml(p, force_multigraph=True)),
                       ("govkg.gexf", nx.read_gexf)]:
        g = read(exported / name)
        assert (g.number_of_nodes(), g.number_of_edges()) == (view.number_of_nodes(), view.number_of_edges())
        assert {n: d["label"] for n, d in g.nodes(data=True)} == {n: d["label"] for n, d in view.nodes(data=True)}
        assert sorted(d["predicate"] for *_, d in g.edges(data=True)) == \
            sorted(d["predicate"] for *_, d in view.edges(data=True))


def test_neo4j_csvs_have_import_headers_and_consistent_ids(exported, view):
    folder = exported / "neo4j"
    nodes, edges = {}, []
    for path in sorted(folder.glob("nodes_*.csv")):
        reader = csv.reader(io.StringIO(path.read_text(encoding="utf-8")))
        header = next(reader)
        assert header[0] == "id:ID" and header[-1] == ":LABEL"
        assert all(h.split(":")[1] in ("string[]", "int", "double", "boolean") for h in header[1:-1] if ":" in h)
        for row in reader:
            nodes[row[0]] = row[-1]
    for path in sorted(folder.glob("relationships_*.csv")):
        reader = csv.reader(io.StringIO(path.read_text(encoding="utf-8")))
        assert next(reader)[:3] == [":START_ID", ":END_ID", ":TYPE"]
        edges += [tuple(row[:3]) for row in reader]
    assert nodes == {n: d["kind"] for n, d in view.nodes(data=True)}
    assert len(edges) == view.number_of_edges() and all(s in nodes and e in nodes for s, e, _ in edges)
    script = (folder / "import.sh").read_text()
    assert "neo4j-admin database import full" in script and "--nodes=nodes_Project.csv" in script


def test_cypher_script_has_constraints_and_parameterised_unwind_merge_batches(exported, view):
    script = (exported / "govkg.cypher").read_text(encoding="utf-8")
    kinds = {d["kind"] for _, d in view.nodes(data=True)}
    for kind in kinds:
        assert f"FOR (n:{kind}) REQUIRE n.id IS UNIQUE;" in script
    pairs = pg.parse_cypher_script(script)
    merges = [s for s, literal in pairs if literal is not None]
    assert merges and all(s.startswith("UNWIND $batch AS row") and " MERGE " in s for s in merges)


def test_exports_are_deterministic(graphs, exported, tmp_path):
    result = run("export", graphs, "--format", "jsonld", "--format", "gexf", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    for name in ("govkg.jsonld", "govkg.gexf"):  # the others are written from sorted lists
        assert (tmp_path / name).read_bytes() == (exported / name).read_bytes(), name


def test_bad_input_gives_a_one_line_error(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "bad.ttl").write_text("this is not turtle", encoding="utf-8")
    (tmp_path / "graph.xml").write_text("<rdf/>", encoding="utf-8")
    for args, words in [((tmp_path / "missing",), ("no such graph",)), ((tmp_path / "empty",), ("no built graphs",)),
                        ((tmp_path / "bad.ttl",), ("not a readable Turtle",)),
                        ((tmp_path / "graph.xml",), ("not a graph file",))]:
        result = run("export", *args, "--format", "nquads", "--out", tmp_path)
        assert result.exit_code == 1
        assert len(result.output.strip().splitlines()) == 1 and all(w in result.output for w in words), result.output
