"""Named SPARQL queries shipped with govkg, and any SPARQL query, run with pyoxigraph over built graphs.

The graphs are a report's Turtle, a corpus's TriG or N-Quads, a build folder, or several of these (see
`govkg.exporters.rdf_formats.graph_files`); queries see the union of the named graphs as their default graph.

>>> {"observations", "districts", "projects", "actions", "relations"} <= set(named_queries())
True
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from .errors import GovkgError
from .sparqlguard import check_query

NUMERIC = {"http://www.w3.org/2001/XMLSchema#" + t for t in
           ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")}
BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
#: the union of the named graphs copied into the default graph, each triple once
COPY_UNION = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def named_queries() -> dict[str, str]:
    """name → SPARQL text of every query in graph/queries/."""
    folder = resources.files("govkg").joinpath("queries")
    return {f.name[:-3]: f.read_text(encoding="utf-8") for f in folder.iterdir() if f.name.endswith(".rq")}


def load_store(inputs: Path | list[Path], *, union_view: bool = True, reports: list[str] | None = None) -> ox.Store:
    """A store holding the graphs named by `inputs` (one path or several), one named graph per report, whose
    default graph `execute` sees as their set union, each triple once; of a build folder or of a corpus TriG its
    build indexed, only the `reports` named (ids or patterns) when `reports` is given (for `report_graphs`).

    A govkg corpus dataset (one TriG or N-Quads file holding the shared graph: its report graphs never share a
    triple, see `govkg.builder.SHARED_PREDICATES`) is loaded as it is, by Oxigraph, and its default graph left
    empty: queries see the union of the named graphs (`union_view`), which costs neither time nor memory. Any other
    input (a build folder, whose per-report Turtle files each repeat what they say of shared nodes; several files;
    another dataset), or `union_view=False` (a store to be updated), gets the union copied into its default graph.
    """
    from govkg.ontology.namespace import SHARED_GRAPH
    from .exporters.rdf_formats import graph_files, load_graphs_into, read_dataset_into

    files = graph_files([inputs] if isinstance(inputs, (str, Path)) else list(inputs), reports)
    store = ox.Store()
    if not (len(files) == 1 and read_dataset_into(store, files[0], reports)):
        load_graphs_into(store, files)
    elif union_view and store.contains_named_graph(ox.NamedNode(SHARED_GRAPH)) and is_union_view(store) \
            and not _states_shared_facts(store, SHARED_GRAPH):
        return store
    store.update(COPY_UNION)
    return store


def _states_shared_facts(store: ox.Store, shared: str) -> bool:
    """True for a corpus written before a division's foci and targets moved to the shared graph: a report graph
    states them of a node it does not own, so two report graphs may hold the same triple."""
    from govkg.ontology.namespace import GK

    return bool(store.query(f"""ASK {{ VALUES ?p {{ <{GK.focusesOn}> <{GK.targets}> }}
        GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{shared}> && !STRSTARTS(STR(?s), CONCAT(STR(?g), "/"))) }}"""))


def is_union_view(store: ox.Store) -> bool:
    """True when the store's default graph is empty: queries then see the union of its named graphs (a store of
    `load_store` made of a corpus dataset), and `execute` asks Oxigraph for that."""
    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None


def union_size(store: ox.Store) -> int:
    """The number of triples in the default graph as queries see it (see `is_union_view`)."""
    if is_union_view(store):
        return len(store)
    return sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


@dataclass
class QueryResult:
    """What a query gave: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE)."""

    form: str  # "select", "ask" or "graph"
    columns: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)


def report_graphs(store: ox.Store, patterns: list[str]) -> list[str]:
    """The named graphs of the reports `patterns` name — a report id such as ``tianjin-2023`` or a shell pattern
    such as ``*-2025`` — and a corpus's shared and targets graphs when the store has them: together, what those
    reports state, the shared names, types and codes of the places, indicators and concepts they use, and how their
    targets came out (the default graph `execute` gives a query scoped to those reports).

    >>> report = ox.NamedNode("https://w3id.org/govkg/id/beijing-2025")
    >>> store = ox.Store()
    >>> store.add(ox.Quad(report, ox.NamedNode("http://example.org/year"), ox.Literal("2025"), report))
    >>> report_graphs(store, ["beijing-*"])
    ['https://w3id.org/govkg/id/beijing-2025']
    """
    from govkg.ontology.namespace import DATA_IRI, SHARED_GRAPH, TARGETS_GRAPH
    from .exporters.rdf_formats import named_reports

    corpus_graphs = {SHARED_GRAPH, TARGETS_GRAPH}
    names = {g.value.removeprefix(DATA_IRI): g.value for g in store.named_graphs()
             if isinstance(g, ox.NamedNode) and g.value not in corpus_graphs}
    return sorted(names[name] for name in named_reports(names, patterns, "these graphs")) + sorted(g for g in corpus_graphs if store.contains_named_graph(ox.NamedNode(g)))


def execute(store: ox.Store, sparql: str, graphs: list[str] | None = None) -> QueryResult:
    """Run any SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE); its default graph is the store's, or the union of
    its named graphs when the default graph is empty (`is_union_view`): for a `load_store` store, the union of the
    graphs, each triple once. Given `graphs` (IRIs, e.g. from `report_graphs`), the default graph is their union."""
    check_query(sparql, allow_service=True)
    store, dataset = query_dataset(store, graphs)
    try:
        result = store.query(sparql, **dataset)
    except SyntaxError as e:
        raise GovkgError(f"invalid SPARQL: {str(e).splitlines()[0]}") from None
    except OSError as e:
        raise GovkgError(f"query failed: {str(e).splitlines()[0]}") from None
    if isinstance(result, ox.QuerySolutions):
        columns = [v.value for v in result.variables]  # a solution iterates its values in this order
        return QueryResult("select", columns, [dict(zip(columns, map(_python, solution))) for solution in result])
    if isinstance(result, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    return QueryResult("graph", triples=list(result))


def query_dataset(store: ox.Store, graphs: list[str] | None) -> tuple[ox.Store, dict]:
    """The store and query options whose default graph is the union of `graphs` (all named graphs when None).
    Oxigraph matches a triple once for each of the graphs that holds it, so graphs that may share triples (those of
    any store but a corpus dataset's union view, such as the Turtle files of a build folder) are copied into a store
    of their own, where their union holds each triple once."""
    if graphs is None:
        return store, {"use_default_graph_as_union": is_union_view(store)}
    if len(graphs) == 1 or is_union_view(store):
        return store, {"default_graph": [ox.NamedNode(g) for g in graphs]}
    if {g.value for g in store.named_graphs()} <= set(graphs):  # all it holds, their union already copied
        return store, {}
    scoped = ox.Store()
    scoped.extend(q for g in graphs for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g)))
    scoped.update(COPY_UNION)
    return scoped, {}


PARAMETER = re.compile(r"VALUES\s+\?param_(\w+)\s*\{\s*UNDEF\s*\}")


def with_parameters(sparql: str, params: dict[str, str]) -> str:
    """Fill a query's parameters: each ``VALUES ?param_NAME { UNDEF }`` in it takes the value given for NAME
    (a string literal); one left out stays UNDEF (the query's default).

    >>> with_parameters('SELECT * WHERE { VALUES ?param_year { UNDEF } }', {"year": "2025"})
    'SELECT * WHERE { VALUES ?param_year { "2025" } }'
    """
    declared = set(PARAMETER.findall(sparql))
    unknown = sorted(set(params) - declared)
    if unknown:
        raise GovkgError(f"the query takes no parameter {', '.join(unknown)}"
                         + (f" (it takes: {', '.join(sorted(declared))})" if declared else ""))

    def fill(m: re.Match) -> str:
        name = m.group(1)
        if name not in params:
            return m.group()
        value = params[name].replace("\\", "\\\\").replace('"', '\\"')
        return f'VALUES ?param_{name} {{ "{value}" }}'

    return PARAMETER.sub(fill, sparql)


def run_query(store: ox.Store, sparql: str) -> tuple[list[str], list[dict]]:
    """(columns, rows) of a SELECT query; values become Python str, int, float or bool (None when unbound)."""
    result = execute(store, sparql)
    if result.form != "select":
        raise GovkgError("this needs a SELECT query")
    return result.columns, result.rows


def _python(term):
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype in NUMERIC:
            number = float(term.value)
            return int(number) if datatype.endswith(("integer", "int", "long")) else number
        if datatype == BOOLEAN:
            return term.value == "true"
    return term.value


#: output format names and their aliases
ROW_FORMATS = ("table", "csv", "tsv", "json", "ndjson")
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}
FORMAT_ALIASES = {"ttl": "turtle", "nt": "ntriples", "jsonl": "ndjson"}


def format_rows(columns: list[str], rows: list[dict], fmt: str) -> str:
    """Rows as json (an array of objects), ndjson (one object a line), csv or tsv (with a header line).

    >>> format_rows(["a", "b"], [{"a": 1, "b": None}], "tsv")
    'a\\tb\\n1\\t\\n'
    """
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1)
    if fmt == "ndjson":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    if fmt in ("csv", "tsv"):
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", delimiter="," if fmt == "csv" else "\t")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    raise GovkgError(f"format {fmt!r} is for graphs; rows take {', '.join(ROW_FORMATS)}")


def format_triples(triples: list[ox.Triple], fmt: str) -> str:
    """CONSTRUCT/DESCRIBE results as Turtle or N-Triples, sorted so the same result gives the same text."""
    if fmt not in GRAPH_FORMATS:
        raise GovkgError(f"format {fmt!r} is for rows; graph results take {', '.join(GRAPH_FORMATS)} (or ttl, nt)")
    from .exporters.rdf_formats import PREFIXES

    ordered = sorted(triples, key=str)
    prefixes = PREFIXES if fmt == "turtle" else None
    return ox.serialize(ordered, format=GRAPH_FORMATS[fmt], prefixes=prefixes).decode("utf-8")
