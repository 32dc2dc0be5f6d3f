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
from typing import Iterator

from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from govkg.ontology.namespace import GK

from ..builder import own_and_shared
from ..fileio import AtomicFile, write_output
from ..triples import TripleSet, prefix_length, turtle_of, without_prefixes, write_turtle_of

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
    """Where a report's Turtle file keeps what a corpus reuses (see `govkg.builder.own_and_shared`)."""

    path: Path
    own_start: int  # byte offsets of the report's own statements (after the @prefix lines) …
    own_end: int  # … and before the statements it shares with other reports
    shared: list[str]  # N-Triples lines shared with other reports (labels of divisions, concepts …)

    def own_statements(self, block: int = 1 << 20) -> Iterator[bytes]:
        """The report's own statements without prefixes (the body of its TriG graph block), a block at a time."""
        with open(self.path, "rb") as f:
            f.seek(self.own_start)
            left = self.own_end - self.own_start
            while left > 0:
                data = f.read(min(block, left))
                if not data:
                    return
                left -= len(data)
                yield data


def write_report_turtle(triples: TripleSet, rid: str, path: Path) -> ReportTurtle:
    """Write report `rid`'s Turtle to `path` (atomically, streamed: a huge report is never held as one string):
    its own lines sorted, then its shared lines sorted."""
    own, shared = own_and_shared(triples, rid)
    with AtomicFile(path, "Turtle") as out:
        write_turtle_of(own, PREFIXES, out)
        own_end = out.tell()
        out.write(without_prefixes(turtle_of(shared, PREFIXES)))
    with open(path, "rb") as f:
        own_start = prefix_length(f.read(4096))
    return ReportTurtle(path, own_start, own_end, shared)
