"""Named SPARQL queries shipped with govkg, run with pyoxigraph over a built Turtle graph.

>>> {"observations", "districts", "projects", "actions", "relations"} <= set(named_queries())
True
"""
from __future__ import annotations

import csv
import io
import json
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from .errors import GovkgError

NUMERIC = {"http://www.w3.org/2001/XMLSchema#" + t for t in
           ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")}
BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


def named_queries() -> dict[str, str]:
    """name → SPARQL text of every query in graph/queries/."""
    folder = resources.files("govkg").joinpath("queries")
    return {f.name[:-3]: f.read_text(encoding="utf-8") for f in folder.iterdir() if f.name.endswith(".rq")}


def load_store(path: Path) -> ox.Store:
    if not path.is_file():
        raise GovkgError(f"{path}: no such graph file (build one with `govkg build`)")
    store = ox.Store()
    try:
        store.load(path=str(path), format=ox.RdfFormat.TURTLE)
    except (SyntaxError, ValueError, OSError) as e:
        raise GovkgError(f"{path}: not a readable Turtle graph ({str(e).splitlines()[0]})") from None
    return store


def run_query(store: ox.Store, sparql: str) -> tuple[list[str], list[dict]]:
    """(columns, rows) of a SELECT query; values become Python str, int, float or bool (None when unbound)."""
    try:
        result = store.query(sparql)
    except SyntaxError as e:
        raise GovkgError(f"invalid SPARQL: {str(e).splitlines()[0]}") from None
    if not isinstance(result, ox.QuerySolutions):
        raise GovkgError("only SELECT queries are supported")
    columns = [v.value for v in result.variables]
    rows = [{c: _python(solution[c]) for c in columns} for solution in result]
    return columns, rows


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


def format_rows(columns: list[str], rows: list[dict], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue()
    raise ValueError(fmt)
