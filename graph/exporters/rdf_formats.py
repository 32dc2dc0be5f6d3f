"""RDF exports of built graphs as a dataset: one named graph per report (N-Triples, N-Quads, TriG, JSON-LD).

Input is the Turtle written by ``govkg build`` (``exports/<id>.ttl``), a file or a folder of them. Each file
becomes the named graph ``id:{rid}``: the IRI of the subject typed ``gk:Report`` in it. Parsing and
serialising use pyoxigraph (about 10x faster than rdflib at corpus size, see benchmarks/rdflib_vs_oxigraph.py);
JSON-LD uses rdflib's serializer with the shipped context (``jsonld_context.json``).

Every output is sorted, so the same graphs give the same bytes.

>>> sorted(FORMATS)
['jsonld', 'nquads', 'ntriples', 'trig']
"""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF

from govkg.ontology.namespace import GK

from ..errors import GovkgError

#: format name → file extension
FORMATS = {"ntriples": "nt", "nquads": "nq", "trig": "trig", "jsonld": "jsonld"}
CONTEXT_FILE = Path(__file__).with_name("jsonld_context.json")
#: name the context gets next to a JSON-LD export (the document refers to it by this relative IRI)
CONTEXT_NAME = "govkg.context.jsonld"
PREFIXES = {
    "gk": str(GK._NS),
    "id": "https://w3id.org/govkg/id/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
}


def graph_files(inputs: list[Path]) -> list[Path]:
    """The Turtle files named by ``inputs`` (files, or folders whose ``*.ttl`` are taken), sorted by name."""
    files: list[Path] = []
    for path in inputs:
        path = Path(path)
        if path.is_dir():
            found = sorted(path.glob("*.ttl"))
            if not found:
                raise GovkgError(f"{path}: no built graphs (*.ttl) in this folder (run `govkg build`)")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise GovkgError(f"{path}: no such graph file or folder (run `govkg build`)")
    if not files:
        raise GovkgError("no graphs given")
    return files


def read_report_graph(path: Path) -> tuple[str, list[ox.Triple]]:
    """(report IRI, triples) of one built Turtle file; the report is the one subject typed gk:Report."""
    try:
        triples = [q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    except (SyntaxError, ValueError, OSError) as e:
        raise GovkgError(f"{path}: not a readable Turtle graph ({str(e).splitlines()[0]})") from None
    rdf_type, report = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(GK.Report))
    reports = sorted({t.subject.value for t in triples
                      if t.predicate == rdf_type and t.object == report and isinstance(t.subject, ox.NamedNode)})
    if len(reports) != 1:
        raise GovkgError(f"{path}: expected one gk:Report in the graph, found {len(reports)}")
    return reports[0], triples


def load_quads(inputs: list[Path]) -> list[ox.Quad]:
    """The quads of the report files, each file's triples in the named graph of its report, as parsed.

    Literals keep their lexical form (a pyoxigraph Store would canonicalise ``1.0``^^xsd:decimal to ``1``), so
    exports hold exactly the built triples.
    """
    quads: list[ox.Quad] = []
    seen: dict[str, Path] = {}
    for path in graph_files(inputs):
        iri, triples = read_report_graph(path)
        if iri in seen:
            raise GovkgError(f"{path}: report {iri} is also in {seen[iri]}")
        seen[iri] = path
        graph = ox.NamedNode(iri)
        quads.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
    return quads


def load_dataset(inputs: list[Path]) -> ox.Store:
    """An in-memory pyoxigraph store with one named graph per report file (for querying)."""
    store = ox.Store()
    store.extend(load_quads(inputs))
    return store


def report_graph_names(quads) -> list[str]:
    """The named graphs of a dataset (a Store or quads), sorted."""
    if isinstance(quads, ox.Store):
        return sorted(g.value for g in quads.named_graphs() if isinstance(g, ox.NamedNode))
    return sorted({q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)})


def _sorted_quads(quads) -> list[ox.Quad]:
    return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def _lines(fmt: ox.RdfFormat, items) -> bytes:
    text = ox.serialize(list(items), format=fmt).decode("utf-8")
    return "".join(sorted(set(text.splitlines(keepends=True)))).encode("utf-8")


def serialize(quads: list[ox.Quad], fmt: str) -> bytes:
    """The dataset in ``fmt`` (a key of FORMATS). N-Triples is the union of the report graphs (deduplicated)."""
    if fmt == "ntriples":
        return _lines(ox.RdfFormat.N_TRIPLES, (q.triple for q in quads))
    if fmt == "nquads":
        return _lines(ox.RdfFormat.N_QUADS, quads)
    if fmt == "trig":
        # no `id:` prefix: its local names would need escaped slashes, which some older parsers reject
        prefixes = {k: v for k, v in PREFIXES.items() if k != "id"}
        return ox.serialize(_sorted_quads(quads), format=ox.RdfFormat.TRIG, prefixes=prefixes)
    if fmt == "jsonld":
        return jsonld_bytes(quads)
    raise GovkgError(f"unknown RDF format {fmt!r}; choose one of {', '.join(sorted(FORMATS))}")


def context() -> dict:
    """The shipped JSON-LD context (the ``@context`` object)."""
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


def jsonld_bytes(quads: list[ox.Quad], context_iri: str = CONTEXT_NAME) -> bytes:
    """JSON-LD: ``{"@context": context_iri, "@graph": [{"@id": report graph, "@graph": [nodes...]}, ...]}``.

    Compacted with the shipped context (prefixes only, so every literal keeps its datatype or language);
    nodes sorted by ``@id``. The document refers to the context by ``context_iri``: write the context file
    next to it (``govkg export`` does).
    """
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(data=serialize(quads, "nquads").decode("utf-8"), format="nquads")
    compacted = json.loads(ds.serialize(format="json-ld", context=context(), auto_compact=False))
    if isinstance(compacted, dict) and "@id" in compacted:
        graphs = [compacted]  # a single named graph comes back as the top object
    else:
        graphs = compacted.get("@graph", []) if isinstance(compacted, dict) else compacted
    named = [{"@id": g["@id"], "@graph": sorted((_sorted_values(n) for n in g["@graph"]),
                                                key=lambda n: n.get("@id", ""))}
             for g in graphs if "@graph" in g]
    named.sort(key=lambda g: g["@id"])
    document = {"@context": context_iri, "@graph": named}
    return (json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _sorted_values(node: dict) -> dict:
    """rdflib emits multiple values in store order: sort them so the output is deterministic."""
    return {k: sorted(v, key=lambda x: json.dumps(x, ensure_ascii=False, sort_keys=True)) if isinstance(v, list)
            else v for k, v in node.items()}


def context_bytes() -> bytes:
    return CONTEXT_FILE.read_bytes()
