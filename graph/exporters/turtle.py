"""Turtle export: a report's triples with the prefixes bound, byte-identical for the same input.

Written by pyoxigraph's serializer from the triples sorted by their N-Triples form, so that equal graphs give
equal bytes (see `govkg.triples`).

>>> from govkg.triples import TripleSet, iri, literal
>>> t = TripleSet(); t.add(iri("http://x/s"), iri("http://x/p"), literal("是", lang="zh"))
>>> turtle_bytes(t) == turtle_bytes(t) and b'"\\xe6\\x98\\xaf"@zh' in turtle_bytes(t)
True
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from govkg.ontology.namespace import GK

from ..fileio import write_output
from ..builder import own_and_shared
from ..triples import TripleSet, turtle_of, without_prefixes

#: Prefixes written at the top (the id: prefix is left out: its local names hold slashes).
PREFIXES = {"gk": str(GK._NS), "prov": str(PROV), "skos": str(SKOS), "dcterms": str(DCTERMS), "rdf": str(RDF),
            "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL)}


def turtle_bytes(triples: TripleSet) -> bytes:
    """The triples as Turtle, sorted (see the module doc)."""
    return triples.turtle(PREFIXES)


def write_turtle(triples: TripleSet, path: Path) -> None:
    write_output(path, turtle_bytes(triples), "Turtle")


@dataclass
class ReportTurtle:
    """A report's Turtle, and the parts a corpus reuses (see `govkg.builder.SHARED_PREDICATES`)."""

    data: bytes  # the Turtle file: the report's own statements, then those it shares with other reports
    own_statements: bytes  # its own statements without prefixes: the body of its TriG graph block
    own: list[str]  # N-Triples lines of its own graph
    shared: list[str]  # N-Triples lines shared with other reports (labels of divisions, concepts …)


def report_turtle(triples: TripleSet, rid: str) -> ReportTurtle:
    """The Turtle of report `rid`'s triples: its own lines sorted, then the shared lines sorted."""
    own, shared = own_and_shared(triples, rid)
    own_turtle = turtle_of(own, PREFIXES)
    return ReportTurtle(own_turtle + without_prefixes(turtle_of(shared, PREFIXES)), without_prefixes(own_turtle),
                        own, shared)
