"""RDF exports of built graphs as a dataset: one named graph per report (N-Triples, N-Quads, TriG, JSON-LD).

Input is the Turtle written by ``govkg build`` (``exports/<id>.ttl``), a file or a folder of them. Each file
becomes the named graph ``id:{rid}``: the IRI of the subject typed ``gk:Report`` in it. Parsing and
serialising use pyoxigraph (about 10x faster than rdflib at corpus size, see benchmarks/rdflib_vs_oxigraph.py);
JSON-LD uses rdflib's serializer with the shipped context (``jsonld_context.json``).

Every output is sorted, so the same graphs give the same bytes.

>>> sorted(FORMATS)
['jsonld', 'nquads', 'ntriples', 'trig', 'turtle']
"""
from __future__ import annotations

import fnmatch
import json
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF

from govkg.ontology.namespace import GK

from ..errors import GovkgError
from ..fileio import write_output

#: format name → file extension
FORMATS = {"ntriples": "nt", "nquads": "nq", "trig": "trig", "turtle": "ttl", "jsonld": "jsonld"}
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


#: the folder inside a build folder with what its build keeps of each report (`<rid>.json`, …)
CACHE_DIR = ".govkg"
#: file suffix → how a graph file is read (Turtle and N-Triples hold one graph, TriG and N-Quads a dataset)
GRAPH_SUFFIXES = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".trig": ox.RdfFormat.TRIG,
                  ".nq": ox.RdfFormat.N_QUADS}


_KIND = {".ttl": "Turtle", ".nt": "N-Triples", ".trig": "TriG", ".nq": "N-Quads"}


def graph_files(inputs: list[Path], reports: list[str] | None = None) -> list[Path]:
    """The graph files named by ``inputs``: files as given, and for a folder (a build's output) the graphs a
    build writes there, ``*.ttl`` (one per report, plus derived graphs such as ``corpus-targets.ttl``); a
    folder's ``corpus.trig``/``corpus.nq`` hold the same graphs again and are not read twice. Sorted by name.
    Given `reports` (ids or shell patterns such as ``tianjin-*``), only the reports named are read of a folder
    (`<id>.ttl`), for a query scoped to them (`govkg.query.report_graphs`)."""
    files: list[Path] = []
    held: set[str] = set()  # the ids of the folders' reports
    for path in inputs:
        path = Path(path)
        if path.is_dir():
            found = sorted(path.glob("*.ttl"))
            if not found:
                raise GovkgError(f"{path}: no built graphs (*.ttl) in this folder (run `govkg build`)")
            if reports is not None:
                held |= _reports_in(path, found)
                named = {stem for pattern in reports for stem in matching([f.stem for f in found], pattern)}
                found = [f for f in found if f.stem in named]
            files.extend(found)
        elif path.is_file():
            if path.suffix.lower() not in GRAPH_SUFFIXES:
                raise GovkgError(f"{path}: not a graph file (give .ttl, .nt, .trig, .nq or a build folder)")
            files.append(path)
        else:
            raise GovkgError(f"{path}: no such graph file or folder (run `govkg build`)")
    unknown = [p for p in reports or [] if not matching(held, p)]
    if unknown and all(Path(p).is_dir() for p in inputs):  # no dataset file given that might hold it
        raise no_report(unknown[0], held, "these folders")
    if not files:
        raise GovkgError("no graphs given")
    return list(dict.fromkeys(files))


def _reports_in(folder: Path, found: list[Path]) -> set[str]:
    """The ids of the reports among a folder's graph files: those its build cache records (all of them when it
    has no cache)."""
    cache = folder / CACHE_DIR
    return {f.stem for f in found if not cache.is_dir() or (cache / f"{f.stem}.json").exists()}


def matching(names, pattern: str) -> list[str]:
    """The names a report id or shell pattern matches: matching(["a-2024", "a-2025", "b-2025"], "*-2025") →
    ['a-2025', 'b-2025']."""
    return [name for name in names if fnmatch.fnmatchcase(name, pattern)]


def named_reports(names, patterns: list[str], where: str) -> list[str]:
    """The names the report ids or patterns name, sorted; a pattern naming none of them is a one-line error (names
    held `where`): named_reports(["a-2024", "b-2025"], ["a-*"], "these graphs") → ['a-2024']."""
    chosen: set[str] = set()
    for pattern in patterns:
        found = matching(names, pattern)
        if not found:
            raise no_report(pattern, names, where)
        chosen.update(found)
    return sorted(chosen)


def no_report(pattern: str, known, where: str) -> GovkgError:
    """The error for a --report pattern that names no report."""
    known = sorted(known)
    return GovkgError(f"no report {pattern!r} in {where} (they hold {len(known)}: {', '.join(known[:5])}"
                      f"{', …' if len(known) > 5 else ''})")


def read_dataset_into(store: ox.Store, path: Path, reports: list[str] | None = None) -> bool:
    """Load a TriG or N-Quads file straight into `store` (graph names as written); False for any other file.
    Given `reports` (ids or patterns), of a corpus TriG whose build left a block index beside it only those
    reports' graph blocks are read, with the shared and targets graphs (`read_blocks`)."""
    fmt = GRAPH_SUFFIXES.get(path.suffix.lower())
    if fmt not in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        return False
    index = block_index(path) if reports is not None and fmt == ox.RdfFormat.TRIG else None
    with _readable(path):
        if index:
            store.load(read_blocks(path, index, reports), format=fmt)
        else:
            store.load(path=str(path), format=fmt)
    return True


def _index_path(trig: Path) -> Path:
    return trig.parent / CACHE_DIR / f"{trig.name}.blocks.json"


def write_block_index(trig: Path, blocks: dict[str, tuple[int, int]]) -> None:
    """Record, in the build cache beside the corpus TriG `trig` just written, where each report's graph block
    (report id → byte range) is, so that a query scoped to some reports reads only theirs: the @prefix lines come
    before the first block and the shared and targets graphs after the last. The file's size and modification time
    are recorded with them: a TriG changed since is read whole."""
    stat = trig.stat()
    index = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "reports": blocks,
             "header": min((start for start, _ in blocks.values()), default=0),
             "rest": max((end for _, end in blocks.values()), default=0)}
    write_output(_index_path(trig), json.dumps(index, sort_keys=True).encode(), "corpus cache", durable=False)


def block_index(trig: Path) -> dict | None:
    """The block index of `trig` (see `write_block_index`), or None when there is none or it is out of date."""
    try:
        index = json.loads(_index_path(trig).read_text(encoding="utf-8"))
        stat = trig.stat()
        fresh = (index["size"], index["mtime_ns"]) == (stat.st_size, stat.st_mtime_ns)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return index if fresh else None


def read_blocks(trig: Path, index: dict, reports: list[str]) -> bytes:
    """The TriG of the reports `reports` names (ids or patterns) out of `trig`: its @prefix lines, their graph
    blocks, the shared and targets graphs. A pattern naming no report is a one-line error listing the reports."""
    chosen = named_reports(index["reports"], reports, "these graphs")
    ranges = [(0, index["header"])] + sorted(tuple(index["reports"][rid]) for rid in chosen) + \
        [(index["rest"], index["size"])]
    with open(trig, "rb") as f:
        return b"".join(_read_range(f, start, end) for start, end in ranges)


def _read_range(f, start: int, end: int) -> bytes:
    f.seek(start)
    return f.read(end - start)


def read_graph_file(path: Path) -> list[ox.Quad]:
    """The quads of one graph file. A Turtle or N-Triples file holding one built gk:Report (with its
    gk:sourceFile) becomes that report's named graph; any other single graph (a derived file such as
    corpus-targets.ttl) the named graph of its file's IRI; TriG and N-Quads keep their own graph names."""
    fmt = GRAPH_SUFFIXES[path.suffix.lower()]
    with _readable(path):
        quads = list(ox.parse(path=str(path), format=fmt))
    if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        return quads
    rdf_type, report, source = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(GK.Report)), ox.NamedNode(str(GK.sourceFile))
    reports = {q.subject for q in quads if q.predicate == rdf_type and q.object == report}
    graph = _graph_of(path, reports, {q.subject for q in quads if q.predicate == source})
    return [ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads]


def _graph_of(path: Path, reports: set, built: set) -> ox.NamedNode:
    """The named graph of a single-graph file: its report's IRI when it holds one report (an IRI typed gk:Report),
    built (with its gk:sourceFile); else the file's IRI."""
    named = [r for r in reports if isinstance(r, ox.NamedNode)]
    return named[0] if len(named) == 1 and named[0] in built else ox.NamedNode(path.resolve().as_uri())


@contextmanager
def _readable(path: Path):
    """Turns a parse error of `path` into a one-line GovkgError."""
    try:
        yield
    except (SyntaxError, ValueError, OSError) as e:
        raise GovkgError(f"{path}: not a readable {_KIND[path.suffix.lower()]} graph "
                         f"({str(e).splitlines()[0]})") from None


def load_graphs_into(store: ox.Store, files: list[Path]) -> None:
    """Load graph files into `store`, each named as `read_graph_file` names it, parsed by Oxigraph straight into
    the store (no Python object per quad; a Store writes literals in canonical form, 1.0 as 1). A Turtle or
    N-Triples file is loaded into the graph its name suggests (``<rid>.ttl`` → ``id:<rid>``) and moved when its
    content says otherwise. The same named graph from two files is an error."""
    seen: dict[ox.NamedNode, Path] = {}
    for path in files:
        fmt = GRAPH_SUFFIXES[path.suffix.lower()]
        if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
            quads = read_graph_file(path)
            _claim(seen, {q.graph_name for q in quads if isinstance(q.graph_name, ox.NamedNode)}, path)
            store.extend(quads)
            continue
        guess = ox.NamedNode(PREFIXES["id"] + path.stem)
        loading = ox.NamedNode("urn:govkg:loading") if store.contains_named_graph(guess) else guess
        with _readable(path):
            store.load(path=str(path), format=fmt, to_graph=loading)
        graph = _graph_of(path, _subjects(store, loading, RDF.type, GK.Report), _subjects(store, loading, GK.sourceFile))
        _claim(seen, {graph}, path)
        if graph != loading:
            store.update(f"MOVE SILENT GRAPH {loading} TO {graph}")  # silent: an empty file loaded no graph


def _subjects(store: ox.Store, graph: ox.NamedNode, predicate, obj=None) -> set:
    """The subjects of `predicate` (with object `obj`, if given) in `graph`."""
    obj = None if obj is None else ox.NamedNode(str(obj))
    return {q.subject for q in store.quads_for_pattern(None, ox.NamedNode(str(predicate)), obj, graph)}


def _claim(seen: dict, graphs: set, path: Path) -> None:
    for name in sorted(graphs, key=str):
        if name in seen:
            raise GovkgError(f"{path}: graph {name.value} is also in {seen[name]}")
        seen[name] = path


def load_quads(inputs: list[Path]) -> list[ox.Quad]:
    """The quads of every graph named by ``inputs`` (see `graph_files`), as parsed.

    Literals keep their lexical form (a pyoxigraph Store would canonicalise ``1.0``^^xsd:decimal to ``1``), so
    exports hold exactly the built triples. The same named graph read from two files is an error.
    """
    quads: list[ox.Quad] = []
    seen: dict[ox.NamedNode, Path] = {}
    for path in graph_files(inputs):
        found = read_graph_file(path)
        _claim(seen, {q.graph_name for q in found if isinstance(q.graph_name, ox.NamedNode)}, path)
        quads.extend(found)
    return quads


def load_dataset(inputs: list[Path]) -> ox.Store:
    """An in-memory pyoxigraph store with one named graph per report (for querying)."""
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
    if fmt == "turtle":
        prefixes = {k: v for k, v in PREFIXES.items() if k != "id"}
        triples = sorted({q.triple for q in quads}, key=str)
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=prefixes)
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
