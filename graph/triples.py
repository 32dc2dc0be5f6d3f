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

import bisect
import heapq
import io
import tempfile
from collections import Counter
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib import XSD, Graph, Literal, URIRef
from rdflib.namespace import RDF

#: rdf:type as a term, and between spaces as it stands in a line.
TYPE_TERM = f"<{RDF.type}>"
TYPE = f" {TYPE_TERM} "
#: Lines handed to Oxigraph's parser at a time when streaming (keeps a 50 MB report's copy out of memory).
CHUNK_LINES = 4096
#: Lines a TripleSet keeps in memory before it sorts them into a run on disk (about 40 MB of lines).
SPILL_LINES = 200_000


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
    """Triples as N-Triples lines, each kept once (see the module example). Past `spill_lines` lines in memory,
    they are sorted into a run on disk, so a huge report's graph costs disk, not memory; `lines()` merges the
    runs back, sorted and without duplicates."""

    def __init__(self, spill_lines: int = SPILL_LINES) -> None:
        self._lines: dict[str, None] = {}
        self._sorted: list[str] | None = None
        self._runs: list[Path] = []
        self._folder: tempfile.TemporaryDirectory | None = None
        self._spill_lines = spill_lines
        self._count: tuple[tuple[int, int], int] | None = None  # (runs, lines in memory) → distinct lines
        self._types: Counter = Counter()  # class → subjects typed with it, counted as lines are added
        #: the report and its target/actual observations as plain data, for linking targets across reports
        #: (filled by `govkg.builder`: {"report", "label", "city", "year", "observations": [...]}; {} for none)
        self.records: dict = {"observations": []}

    def add(self, s: str, p: str, o: str) -> None:
        lines, line = self._lines, f"{s} {p} {o} .\n"
        if p == TYPE_TERM and line not in lines:
            self._types[o] += 1
        lines[line] = None
        if len(lines) >= self._spill_lines:
            self._spill()

    def _spill(self) -> None:
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="govkg-triples-")
        run = Path(self._folder.name) / f"{len(self._runs)}.nt"
        with open(run, "w", encoding="utf-8") as f:
            f.writelines(sorted(self._lines))
        self._runs.append(run)
        self._lines = {}

    def lines(self) -> Iterable[str]:
        """The lines in code-point (= UTF-8 byte) order, each once: equal graphs give equal bytes. A list (not to be
        changed) while they fit in memory, else a stream merged from the runs on disk."""
        if self._runs:
            return self._merged()
        if self._sorted is None or len(self._sorted) != len(self._lines):  # lines are only ever added
            self._sorted = sorted(self._lines)
        return self._sorted

    def _merged(self) -> Iterator[str]:
        files = [open(run, encoding="utf-8") for run in self._runs]
        try:
            previous = None
            for line in heapq.merge(*files, sorted(self._lines)):
                if line != previous:
                    yield line
                previous = line
        finally:
            for f in files:
                f.close()

    def __len__(self) -> int:
        if not self._runs:
            return len(self._lines)
        state = (len(self._runs), len(self._lines))
        if self._count is None or self._count[0] != state:
            self._count = (state, sum(1 for _ in self.lines()))
        return self._count[1]

    def type_counts(self) -> Counter:
        """How many subjects each class (an N-Triples IRI) has: counted as the lines were added, or (once lines
        went to disk, where a line added again is not seen) in one pass over the lines."""
        if not self._runs:
            return Counter(self._types)
        return Counter(line[at + len(TYPE):-3] for line in self.lines()
                       if TYPE in line and line.startswith(TYPE, at := line.index(" ")))

    def split(self, is_shared, own_prefixes: tuple[str, ...] = ()) -> tuple[Iterable[str], list[str]]:
        """(own lines, shared lines — a list), both sorted: a line starting with one of `own_prefixes` is own,
        any other is shared if `is_shared(line)` (see `govkg.builder.own_and_shared`). The own lines are a list
        too, unless the set spilled to disk: then a stream, so a huge report's lines are never all in memory.

        >>> t = TripleSet()
        >>> for s in ("<http://x/a/1>", "<http://x/b>", "<http://x/a/2>"):
        ...     t.add(s, "<http://x/p>", '"v"')
        >>> own, shared = t.split(lambda line: "/b>" in line, own_prefixes=("<http://x/a/",))
        >>> [line.split()[0] for line in own], [line.split()[0] for line in shared]
        (['<http://x/a/1>', '<http://x/a/2>'], ['<http://x/b>'])
        """
        def shared_line(line: str) -> bool:
            return not line.startswith(own_prefixes) and is_shared(line)

        if self._runs:
            shared = [line for line in self.lines() if shared_line(line)]
            excluded = set(shared)
            return (line for line in self.lines() if line not in excluded), shared
        lines = self.lines()
        blocks = sorted(_block(lines, prefix) for prefix in own_prefixes)  # lines with a prefix follow each other
        own, shared, at = [], [], 0
        for start, end in blocks + [(len(lines), len(lines))]:
            for line in lines[at:start]:
                (shared if is_shared(line) else own).append(line)
            own += lines[max(at, start):end]  # (a prefix inside another's block adds nothing twice)
            at = max(at, end)
        return own, shared

    def ntriples(self) -> bytes:
        return "".join(self.lines()).encode("utf-8")

    def nquads(self, graph: str) -> bytes:
        """The triples as sorted N-Quads in the named graph `graph` (an IRI string)."""
        return nquads_of(self.lines(), graph)

    def turtle(self, prefixes: dict[str, str]) -> bytes:
        """Sorted Turtle with `prefixes`, written by Oxigraph from a stream of the sorted lines."""
        return turtle_of(self.lines(), prefixes)

    def to_rdflib(self):
        """An rdflib Graph of the same triples (for the rdflib API, SHACL via pyshacl): parsed by Oxigraph, each
        distinct term made once."""
        g = Graph()
        g.addN((s, p, o, g) for s, p, o in self.rdflib_triples())
        return g

    def index(self) -> "TripleIndex":
        """The triples indexed for lookups, without an rdflib store (what the HTML views read)."""
        return TripleIndex(self.rdflib_triples())

    def rdflib_triples(self) -> Iterator[tuple]:
        """The triples as rdflib terms, parsed by Oxigraph, each distinct term made once."""
        terms: dict = {}

        def term(t):
            made = terms.get(t)
            if made is None:
                made = terms[t] = _rdflib_term(t)
            return made

        for q in _parsed(self.lines()):
            yield term(q.subject), term(q.predicate), term(q.object)


def _block(lines: list[str], prefix: str) -> tuple[int, int]:
    """Where the sorted `lines` that start with `prefix` begin and end."""
    after = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return bisect.bisect_left(lines, prefix), bisect.bisect_left(lines, after)


class TripleIndex:
    """Triples (rdflib terms) indexed by subject and by predicate, answering the lookups of rdflib's Graph that the
    graph views use (`objects`, `subjects`, `subject_objects`) at a fraction of a Graph's cost to build.

    >>> from rdflib import URIRef
    >>> a, p, b = URIRef("http://x/a"), URIRef("http://x/p"), URIRef("http://x/b")
    >>> index = TripleIndex([(a, p, b)])
    >>> list(index.objects(a, p)), list(index.subjects(p, None)), list(index.subject_objects(p))
    ([rdflib.term.URIRef('http://x/b')], [rdflib.term.URIRef('http://x/a')], [(rdflib.term.URIRef('http://x/a'), rdflib.term.URIRef('http://x/b'))])
    """

    def __init__(self, triples: Iterable[tuple]) -> None:
        self._by_subject: dict = {}
        self._by_predicate: dict = {}
        for s, p, o in triples:
            self._by_subject.setdefault(s, {}).setdefault(p, []).append(o)
            self._by_predicate.setdefault(p, {}).setdefault(o, []).append(s)

    def objects(self, subject, predicate) -> Iterator:
        return iter(self._by_subject.get(subject, {}).get(predicate, ()))

    def subjects(self, predicate, obj=None) -> Iterator:
        """Subjects with `predicate` to `obj` (to any object when `obj` is None, each subject once)."""
        by_object = self._by_predicate.get(predicate, {})
        if obj is not None:
            return iter(by_object.get(obj, ()))
        return iter(dict.fromkeys(s for subjects in by_object.values() for s in subjects))

    def subject_objects(self, predicate) -> Iterator[tuple]:
        return ((s, o) for o, subjects in self._by_predicate.get(predicate, {}).items() for s in subjects)


def _rdflib_term(t):
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if t.language:
        return Literal(t.value, lang=t.language)
    if t.datatype.value == str(XSD.string):
        return Literal(t.value)  # a simple literal (RDF 1.1: the same as xsd:string)
    return Literal(t.value, datatype=URIRef(t.datatype.value))


def turtle_of(lines: Iterable[str], prefixes: dict[str, str]) -> bytes:
    """Turtle of N-Triples `lines` (in their order: sorted lines give grouped subjects), with `prefixes`."""
    out = io.BytesIO()
    write_turtle_of(lines, prefixes, out)
    return out.getvalue()


def write_turtle_of(lines: Iterable[str], prefixes: dict[str, str], out) -> None:
    """`turtle_of`, streamed into the binary file `out`."""
    ox.serialize(_parsed(lines), out, format=ox.RdfFormat.TURTLE, prefixes=prefixes)


def _parsed(lines: Iterable[str]):
    """Oxigraph's triples of N-Triples `lines`: a list parsed from one string, any other iterable streamed. The
    lines' terms were made by Oxigraph (`iri`, `literal`, parsed files), so IRIs and language tags are not checked
    again (`lenient`: a third less time for a report's Turtle)."""
    source = "".join(lines).encode("utf-8") if isinstance(lines, list) else LineReader(lines)
    return ox.parse(source, format=ox.RdfFormat.N_TRIPLES, lenient=True)


def without_prefixes(turtle: bytes) -> bytes:
    """Turtle statements without the @prefix lines Oxigraph writes first (to put them in a TriG graph block)."""
    return turtle[prefix_length(turtle):]


def prefix_length(turtle: bytes) -> int:
    """How many bytes the @prefix lines at the start of `turtle` take."""
    at = 0
    while turtle.startswith(b"@prefix ", at):
        at = turtle.index(b"\n", at) + 1
    return at


def nquads_of(lines: Iterable[str], graph: str) -> bytes:
    """N-Triples `lines` as N-Quads in the named graph `graph` (an IRI string)."""
    return b"".join(nquads_chunks(lines, graph))


def nquads_chunks(lines: Iterable[str], graph: str) -> Iterator[bytes]:
    """`nquads_of` a chunk of lines at a time."""
    suffix, lines = f" {iri(graph)} .\n", iter(lines)
    while chunk := [line[:-3] + suffix for line in islice(lines, CHUNK_LINES)]:
        yield "".join(chunk).encode("utf-8")


class LineReader(io.RawIOBase):
    """A binary stream over text lines (any iterable), encoded a chunk of lines at a time."""

    def __init__(self, lines: Iterable[str]):
        lines = iter(lines)
        self._chunks: Iterator[bytes] = iter(lambda: "".join(islice(lines, CHUNK_LINES)).encode("utf-8"), b"")
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
