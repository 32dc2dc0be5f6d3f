"""A report's triples as N-Triples lines: each once, small in memory, written as sorted Turtle or N-Quads
without an in-memory RDF store (the fast path of `govkg build`; rdflib and Oxigraph views on demand).

Terms are N-Triples strings (``<http://…>``, ``"文本"@zh``); `iri` and `literal` make them.

>>> t = TripleSet()
>>> t.add(iri("http://x/s"), iri("http://x/p"), literal("是", lang="zh"))
>>> t.add(iri("http://x/s"), iri("http://x/p"), literal("是", lang="zh"))
>>> len(t), t.ntriples()
(1, b'<http://x/s> <http://x/p> "\\xe6\\x98\\xaf"@zh .\\n')
"""
from __future__ import annotations

import io
from collections import Counter
from functools import lru_cache
from typing import Iterator

import pyoxigraph as ox
from rdflib.namespace import RDF

#: rdf:type between spaces, as it stands in a line.
TYPE = f" <{RDF.type}> "
#: Lines handed to Oxigraph's parser at a time when streaming (keeps a 50 MB report's copy out of memory).
CHUNK_LINES = 4096


@lru_cache(maxsize=4096)
def iri(value: str) -> str:
    """The N-Triples form of an IRI (checked by Oxigraph): iri("http://x/a") → '<http://x/a>'."""
    return str(ox.NamedNode(value))


def literal(value: str, lang: str | None = None, datatype: str | None = None) -> str:
    """The N-Triples form of a literal, escaped: literal('a"b') → '"a\\\\"b"'."""
    if lang:
        return str(ox.Literal(value, language=lang))
    if datatype:
        return str(ox.Literal(value, datatype=ox.NamedNode(datatype)))
    return str(ox.Literal(value))


class Terms:
    """The N-Triples forms of a namespace's terms, each made once: Terms(RDFS).label → '<…rdf-schema#label>'.
    A term the namespace does not define fails as it does there (GK's ``_fail = True``)."""

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        value = iri(str(self._namespace[name]))
        setattr(self, name, value)
        return value


class TripleSet:
    """Triples as N-Triples lines, each kept once (see the module example)."""

    def __init__(self) -> None:
        self._lines: dict[str, None] = {}
        self._sorted: list[str] | None = None
        #: the report and its target/actual observations as plain data, for linking targets across reports
        #: (filled by `govkg.builder`: {"report", "label", "city", "year", "observations": [...]}; {} for none)
        self.records: dict = {"observations": []}

    def add(self, s: str, p: str, o: str) -> None:
        self._lines[f"{s} {p} {o} .\n"] = None
        self._sorted = None

    def __len__(self) -> int:
        return len(self._lines)

    def sorted_lines(self) -> list[str]:
        """The lines in code-point (= UTF-8 byte) order: equal graphs give equal bytes."""
        if self._sorted is None:
            self._sorted = sorted(self._lines)
        return self._sorted

    def type_counts(self) -> Counter:
        """How many subjects each class (an N-Triples IRI) has, in one pass over the lines."""
        return Counter(line[at + len(TYPE):-3] for line in self._lines
                       if line.startswith(TYPE, at := line.index(" ")))

    def split_shared(self, own_prefix: str, shared_prefix: str, shared_predicates: frozenset[str]
                     ) -> tuple[list[str], list[str]]:
        """(own, shared) sorted lines. Shared is what every report naming the same thing says alike: a line about
        a vocabulary term (subject outside `shared_prefix`, e.g. a concept), or about a node no report owns
        (subject under `shared_prefix` but not `own_prefix`: a division, an indicator) with a predicate in
        `shared_predicates` (its label, type, code …). Prefixes are IRIs without their closing ``>``."""
        own, shared = [], []
        for line in self.sorted_lines():
            at = line.index(" ")
            if not line.startswith(shared_prefix):
                shared.append(line)
            elif line.startswith(own_prefix) and line[len(own_prefix)] in "/>":
                own.append(line)
            else:
                (shared if line[at + 1:line.index(" ", at + 1)] in shared_predicates else own).append(line)
        return own, shared

    def ntriples(self) -> bytes:
        return "".join(self.sorted_lines()).encode("utf-8")

    def nquads(self, graph: str) -> bytes:
        """The triples as sorted N-Quads in the named graph `graph` (an IRI string)."""
        return nquads_of(self.sorted_lines(), graph)

    def turtle(self, prefixes: dict[str, str]) -> bytes:
        """Sorted Turtle with `prefixes`, written by Oxigraph from a stream of the sorted lines."""
        return turtle_of(self.sorted_lines(), prefixes)

    def oxigraph_store(self) -> ox.Store:
        store = ox.Store()
        store.bulk_load(_LineReader(self.sorted_lines()), format=ox.RdfFormat.N_TRIPLES)
        return store

    def to_rdflib(self):
        """An rdflib Graph of the same triples (for the rdflib API, SHACL via pyshacl, the HTML views)."""
        from rdflib import Graph

        return Graph().parse(data=self.ntriples().decode("utf-8"), format="nt")


def turtle_of(lines: list[str], prefixes: dict[str, str]) -> bytes:
    """Turtle of N-Triples `lines` (in their order: sorted lines give grouped subjects), with `prefixes`."""
    out = io.BytesIO()
    ox.serialize(ox.parse(_LineReader(lines), format=ox.RdfFormat.N_TRIPLES), out, format=ox.RdfFormat.TURTLE,
                 prefixes=prefixes)
    return out.getvalue()


def without_prefixes(turtle: bytes) -> bytes:
    """Turtle statements without the @prefix lines Oxigraph writes first (to put them in a TriG graph block)."""
    body = turtle
    while body.startswith(b"@prefix "):
        body = body[body.index(b"\n") + 1:]
    return body


def nquads_of(lines: list[str], graph: str) -> bytes:
    """N-Triples `lines` as N-Quads in the named graph `graph` (an IRI string)."""
    suffix = f" {iri(graph)} .\n"
    return "".join(line[:-3] + suffix for line in lines).encode("utf-8")


class _LineReader(io.RawIOBase):
    """A binary stream over a list of text lines, encoded a chunk at a time."""

    def __init__(self, lines: list[str]):
        self._chunks: Iterator[bytes] = ("".join(lines[i:i + CHUNK_LINES]).encode("utf-8")
                                         for i in range(0, len(lines), CHUNK_LINES))
        self._pending, self._at = b"", 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self._at >= len(self._pending):
            self._pending, self._at = next(self._chunks, b""), 0
            if not self._pending:
                return 0
        n = min(len(buffer), len(self._pending) - self._at)
        buffer[:n] = self._pending[self._at:self._at + n]
        self._at += n
        return n
