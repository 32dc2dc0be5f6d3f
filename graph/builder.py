"""The graph builder: the only module that turns extracted facts into RDF triples.

IRIs are minted from stable keys (report id, character offsets, a hash of a name), so the same report gives
the same graph. Every fact points to the exact span of text it was read from (``gk:evidence`` → ``gk:Span``
→ ``gk:inSentence``), see ``ontology/README.md`` for the full layout.

>>> from govkg.pipeline import read_document, run_pipeline
>>> doc = read_document("一、2022年工作回顾\\n河西区地区生产总值增长3%。", "demo", region="天津市", year=2023)
>>> g = build_graph(doc, run_pipeline(doc), source="demo.txt")
>>> sorted(str(o) for o in g.objects(predicate=RDFS.label) if str(o) in ("河西区", "地区生产总值"))
['地区生产总值', '河西区']
"""
from __future__ import annotations

import hashlib
import math
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Iterable

import pyoxigraph as ox
from rdflib import RDF, RDFS, SKOS, XSD, Graph
from rdflib.namespace import DCTERMS, PROV

from govkg.ontology.namespace import DATA_IRI, GK

from .document import Document
from .concepts import indicator_scheme
from .gazetteer import NATIONAL, Division, find_region, region_level, within
from .pipeline import Extraction
from .triples import Terms, TripleSet, iri, literal

#: N-Triples forms of the ontology terms the builder writes (gk.Span → '<https://w3id.org/govkg/ontology#Span>').
gk, rdf, rdfs, prov, skos, dcterms = (Terms(ns) for ns in (GK, RDF, RDFS, PROV, SKOS, DCTERMS))
PREDICATES = {"focuses_on": gk.focusesOn, "located_in": gk.locatedIn, "part_of": gk.partOf, "hosts": gk.hosts,
              "targets": gk.targets, "implements": gk.implements}
#: What any report naming a division, place, indicator or focus says of it alike (its label, type, code,
#: level, the division it lies in, its concept; a division's foci and the indicators it is set targets for, which
#: two reports may state alike): the corpus stores these once, in a graph of their own, so that the reports' own
#: graphs never share a triple (`govkg.query.load_store` relies on it).
SHARED_PREDICATES = frozenset({rdf.type, rdfs.label, gk.divisionCode, gk.divisionLevel, gk.locatedIn, gk.concept,
                               gk.focusesOn, gk.targets})
SCHEMES = {"level": GK.ActionLevelScheme, "stage": GK.StageScheme, "measure": GK.MeasureScheme,
           "status": GK.StatusScheme, "unit": GK.UnitScheme}


@lru_cache(maxsize=1)
def _ontology() -> list[ox.Triple]:
    """The ontology (govkg.ttl) shipped with the package."""
    data = resources.files("govkg.ontology").joinpath("govkg.ttl").read_bytes()
    return [q.triple for q in ox.parse(data, format=ox.RdfFormat.TURTLE)]


@lru_cache(maxsize=1)
def concept_index() -> dict[tuple[str, str], str]:
    """(scheme name, notation) → concept IRI, read from the ontology: ("unit", "CNY") → …/vocab/unit/CNY."""
    schemes = {str(scheme): name for name, scheme in SCHEMES.items()}
    in_scheme = {t.subject.value: schemes[t.object.value] for t in _ontology()
                 if t.predicate.value == str(SKOS.inScheme) and t.object.value in schemes}
    return {(in_scheme[t.subject.value], t.object.value): t.subject.value for t in _ontology()
            if t.predicate.value == str(SKOS.notation) and t.subject.value in in_scheme}


@lru_cache(maxsize=1)
def _ontology_lines() -> dict[str, list[tuple[str, str, str]]]:
    """The ontology's triples as N-Triples terms, by subject IRI."""
    by_subject: dict[str, list[tuple[str, str, str]]] = {}
    for t in _ontology():
        by_subject.setdefault(t.subject.value, []).append((str(t.subject), str(t.predicate), str(t.object)))
    return by_subject


def key(text: str) -> str:
    """A short stable key for a name: the first 12 hex digits of its SHA-1.

    >>> key("滨海新区")
    'e25f279d752f'
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


_INTEGER = iri(XSD.integer)


def _integer(n: int) -> str:
    return f'"{n}"^^{_INTEGER}'


class GraphBuilder:
    """Adds a document and its extraction to a `TripleSet` (one builder per report).

    Nodes and literals are N-Triples strings (`iri`, `literal`); ontology terms are written as `gk.Span`, `rdf.type`.
    """

    def __init__(self, doc: Document, source: str):
        self.doc = doc
        self.rid = doc.report_id
        self.g = TripleSet()
        self.report = self.iri_of(self.rid)
        self.used_concepts: set[str] = set()
        self.used_indicator_concepts: set[str] = set()
        self._source = source
        self._nodes: set[str] = set()  # nodes whose defining triples are written (spans, divisions, …)
        self._labels: dict[str, str] = {}  # node → its rdfs:label
        region = find_region(doc.meta.region) if doc.meta.region and doc.meta.region != NATIONAL else None
        self._region_division = region
        #: the divisions inside the report's region by official name (和平区 is also a district of 沈阳市:
        #: never look one up across the country)
        known = doc.meta.region == NATIONAL or region is not None
        self._districts = {d.name: d for d in within(region)} if known else {}
        self._structure_levels: dict[str, str] = {}
        self.add = self.g.add  # add(s, p, o) with N-Triples terms

    def first_time(self, node: str) -> bool:
        """True the first time `node` is asked about: its defining triples are to be written now."""
        if node in self._nodes:
            return False
        self._nodes.add(node)
        return True

    # --- nodes -------------------------------------------------------------------------------------------
    @staticmethod
    def iri_of(local: str) -> str:
        return iri(DATA_IRI + local)

    def iri(self, kind: str, local: str) -> str:
        return self.iri_of(f"{self.rid}/{kind}/{local}")

    def concept(self, scheme: str, notation: str) -> str:
        try:
            c = concept_index()[(scheme, notation)]
        except KeyError:
            raise ValueError(f"no {scheme} concept with notation {notation!r} in ontology/govkg.ttl") from None
        self.used_concepts.add(c)
        return iri(c)

    def span(self, start: int, end: int) -> str:
        """The evidence node for text[start:end], tied to its sentence."""
        node = self.iri("span", f"{start}-{end}")
        if self.first_time(node):
            self.add(node, rdf.type, gk.Span)
            self.add(node, gk.inSentence, self.iri("sentence", str(self.doc.sentence_at(start).index)))
            self._offsets(node, start, end)
            self.add(node, gk.text, literal(self.doc.text[start:end]))
        return node

    def evidence(self, node: str, start: int, end: int) -> None:
        self.add(node, gk.evidence, self.span(start, end))

    def _offsets(self, node: str, start: int, end: int) -> None:
        self.add(node, gk.startOffset, _integer(start))
        self.add(node, gk.endOffset, _integer(end))

    def labelled(self, node: str, cls: str, label: str, *more: str) -> str:
        if self.first_time(f"{node} {cls}"):
            for c in (cls, *more):
                self.add(node, rdf.type, c)
            self.add(node, rdfs.label, literal(label, lang="zh"))
            self._labels.setdefault(node, label)
        return node

    # --- report structure ------------------------------------------------------------------------------
    def add_report(self, content_hash: str) -> None:
        doc, r = self.doc, self.report
        meta = doc.meta
        label = f"{meta.year or ''}{meta.region or ''}政府工作报告"
        self.labelled(r, gk.Report, label, prov.Entity)
        if meta.region and meta.year:
            self.g.records = {"report": r[1:-1], "label": label, "city": meta.region, "year": meta.year,
                              "observations": []}
        if meta.region:
            self.add(r, gk.city, literal(meta.region))
            self.add(r, gk.region, self.region())
        if meta.level:
            self.add(r, gk.regionLevel, literal(meta.level))
        if meta.year:
            self.add(r, gk.year, literal(str(meta.year), datatype=XSD.gYear))
        if meta.date:
            self.add(r, dcterms.date, literal(meta.date, datatype=XSD.date))
        if meta.meeting:
            self.add(r, gk.meeting, literal(meta.meeting))
        self.add(r, gk.sourceFile, literal(self._source))
        self.add(r, gk.contentHash, literal(content_hash))
        for s in doc.sections:
            node = self.iri("section", str(s.index))
            self.labelled(node, gk.Section, s.title)
            self.add(node, gk.inReport, r)
            self._offsets(node, s.start, s.end)
        for p in doc.paragraphs:
            node = self.iri("paragraph", str(p.index))
            self.add(node, rdf.type, gk.Paragraph)
            self.add(node, gk.inReport, r)
            if p.section is not None:
                self.add(node, gk.inSection, self.iri("section", str(p.section)))
            self._offsets(node, p.start, p.end)
        for s in doc.sentences:
            node = self.iri("sentence", str(s.index))
            self.add(node, rdf.type, gk.Sentence)
            self.add(node, gk.inReport, r)
            self.add(node, gk.inParagraph, self.iri("paragraph", str(s.paragraph)))
            self._offsets(node, s.start, s.end)
            self.add(node, gk.text, literal(doc.text[s.start:s.end]))

    # --- places ----------------------------------------------------------------------------------------
    def region(self) -> str | None:
        """The report's region: the country, a division with its code and its parents, or (when govkg's
        gazetteer does not know it) a place named as the report names it."""
        meta = self.doc.meta
        if meta.region == NATIONAL:
            node = self.iri_of("division/CN")
            if self.first_time(node):
                self.labelled(node, gk.Country, NATIONAL, gk.Place)
                self.add(node, gk.divisionLevel, literal("national"))
            return node
        if self._region_division is not None:
            return self.division(self._region_division)
        if not meta.region:
            return None
        node = self.labelled(self.iri_of(f"place/{key(meta.region)}"), gk.Region, meta.region, gk.Place)
        if meta.level:
            self.add(node, gk.divisionLevel, literal(meta.level))
        return node

    def division(self, d: Division) -> str:
        """A GB/T 2260 division with its code and level, gk:locatedIn the division it lies in (up to the
        country for a national report's provinces)."""
        node = self.iri_of(f"division/{d.code}")
        if not self.first_time(node):
            return node
        level = region_level(d) if d.level == "province" else ("prefecture" if d.level == "city" else "county")
        classes = {"province": [gk.Province], "municipality": [gk.Province, gk.City], "prefecture": [gk.City],
                   "county": []}[level]
        self.labelled(node, gk.AdministrativeDivision, d.name, gk.Place, *classes)
        self.add(node, gk.divisionCode, literal(d.code))
        self.add(node, gk.divisionLevel, literal(level))
        if d.parent is not None:
            self.add(node, gk.locatedIn, self.division(d.parent))
        elif self.doc.meta.region == NATIONAL:
            self.add(node, gk.locatedIn, self.region())
        return node

    def district(self, name: str) -> str | None:
        """A division inside the report's region (gk:District), or None when `name` is none of them."""
        division = self._districts.get(name)
        if division is None:
            return None
        node = self.division(division)
        self.add(node, rdf.type, gk.District)
        return node

    def area(self, name: str) -> str:
        return self.labelled(self.iri("area", key(name)), gk.FunctionalArea, name, gk.Place)

    def external(self, name: str) -> str:
        return self.labelled(self.iri_of(f"place/{key(name)}"), gk.ExternalPlace, name, gk.Place)

    def place(self, name: str) -> str:
        """A place by name: the report's region, a division inside it, or a functional area."""
        if name == self.doc.meta.region and (region := self.region()) is not None:
            return region
        return self.district(name) or self.area(name)

    def add_places(self, ex: Extraction) -> None:
        for p in ex.places:
            node = {"district": lambda n: self.district(n), "area": self.area, "external": self.external}[p.kind](p.name)
            self.evidence(node, p.start, p.end)

    # --- projects, actions -----------------------------------------------------------------------------
    def project(self, name: str) -> str:
        return self.labelled(self.iri("project", key(name)), gk.Project, name, prov.Entity)

    def action(self, name: str, level: str) -> str:
        node = self.labelled(self.iri("action", key(level + ":" + name)), gk.Action, name, prov.Entity)
        self.add(node, gk.level, self.concept("level", level))
        return node

    def add_projects(self, ex: Extraction) -> None:
        for p in ex.projects:
            node = self.project(p.name)
            self.evidence(node, p.start, p.end)
            if p.district and (d := self.district(p.district)) is not None:
                self.add(node, gk.locatedIn, d)
            stage = self.iri("stage", f"{p.start}-{p.end}")
            self.add(stage, rdf.type, gk.StageAssertion)
            self.add(stage, rdf.type, prov.Entity)
            self.add(stage, gk.stageOf, node)
            self.add(stage, gk.stage, self.concept("stage", p.stage))
            self.add(stage, gk.period, literal(p.period))
            self.evidence(stage, p.start, p.end)

    def add_actions(self, ex: Extraction) -> None:
        levels = {a.name: a.level for a in ex.actions}
        for a in ex.actions:
            node = self.action(a.name, a.level)
            self.evidence(node, a.start, a.end)
            if a.parent and a.parent in levels:
                self.add(node, gk.partOf, self.action(a.parent, levels[a.parent]))

    # --- observations ----------------------------------------------------------------------------------
    def indicator(self, name: str) -> str:
        return self.labelled(self.iri_of(f"indicator/{key(name)}"), gk.Indicator, name)

    def add_observations(self, ex: Extraction) -> None:
        seen: dict[int, int] = {}
        for o in ex.observations:
            n = seen[o.start] = seen.get(o.start, -1) + 1
            node = self.iri("observation", f"{o.start}-{n}")
            q = o.quantity
            indicator = self.indicator(o.indicator)
            scope = self.project(o.scope) if o.scope_kind == "project" else self.place(o.scope)
            self.add(node, rdf.type, gk.Observation)
            self.add(node, rdf.type, prov.Entity)
            self.add(node, gk.indicator, indicator)
            self.add(node, gk.scope, scope)
            self.add(node, gk.valueAsWritten, literal(q.written or _number_as_written(q.value)))
            self.add(node, gk.unitAsWritten, literal(q.unit))
            self.add(node, gk.value, _decimal(q.value_norm))
            self.add(node, gk.unit, self.concept("unit", q.unit_norm))
            if o.qualifier:
                self.add(node, gk.qualifier, literal(o.qualifier))
            if o.concept:
                concept = iri(o.concept)
                self.add(node, gk.concept, concept)
                self.add(indicator, gk.concept, concept)
                self.used_indicator_concepts.add(o.concept)
            if o.kind:
                self.add(node, gk.targetKind, literal(o.kind))
            if o.upper is not None and q.value:
                self.add(node, gk.upperValue, _decimal(q.value_norm * o.upper / q.value))
            self.add(node, gk.measure, self.concept("measure", o.measure))
            self.add(node, gk.status, self.concept("status", o.status))
            self.add(node, gk.estimated, literal("true" if o.estimated else "false", datatype=XSD.boolean))
            self.add(node, gk.period, literal(o.period))
            self.evidence(node, o.start, o.end)
            if o.status in ("target", "actual"):
                self.g.records["observations"].append(self._record(node, indicator, scope, o))

    def _record(self, node: str, indicator: str, scope: str, o) -> dict:
        """An observation as plain data for linking targets across reports (`govkg.targets.link_targets`)."""
        q = o.quantity
        concept = indicator_scheme().concepts.get(o.concept) if o.concept else None
        if concept is not None and not (concept.pref_label and concept.direction and concept.unit_family):
            concept = None
        upper = q.value_norm * o.upper / q.value if o.upper is not None and q.value else None
        return {"obs": node[1:-1], "indicator": indicator[1:-1], "indicator_label": o.indicator,
                "scope": scope[1:-1], "scope_label": self._labels[scope],
                "scope_class": "Project" if o.scope_kind == "project" else "Place", "value": float(_lexical(q.value_norm)),
                "value_lexical": _lexical(q.value_norm), "unit": self.concept("unit", q.unit_norm)[1:-1],
                "unit_norm": q.unit_norm, "measure": o.measure, "measure_iri": self.concept("measure", o.measure)[1:-1],
                "status": o.status, "status_iri": self.concept("status", o.status)[1:-1], "period": o.period,
                "qualifier": o.qualifier or None, "span": self.span(o.start, o.end)[1:-1],
                "quote": self.doc.text[o.start:o.end], "start": o.start, "end": o.end,
                "sentence": self.iri("sentence", str(self.doc.sentence_at(o.start).index))[1:-1],
                "report": self.report[1:-1], "concept": concept and concept.iri,
                "concept_label": concept and concept.pref_label, "direction": concept and concept.direction,
                "family": concept and concept.unit_family, "kind": o.kind or None,
                "upper": None if upper is None else float(_lexical(upper)),
                "written": q.written or _number_as_written(q.value), "unit_written": q.unit}

    # --- relations -------------------------------------------------------------------------------------
    def node_for(self, name: str, kind: str) -> str:
        if kind == "district":
            return self.place(name)
        if kind == "area":
            return self.area(name)
        if kind == "project":
            return self.project(name)
        if kind == "program":
            return self.action(name, "program")
        if kind == "action":
            return self.action(name, self._structure_levels.get(name, "work_area"))
        if kind == "indicator":
            return self.indicator(name)
        return self.labelled(self.iri_of(f"focus/{key(name)}"), gk.Focus, name, skos.Concept)

    def add_relations(self, ex: Extraction) -> None:
        self._structure_levels = {a.name: a.level for a in reversed(ex.actions) if a.level != "program"}
        for r in ex.relations:
            subject = self.node_for(r.subject, r.subject_kind)
            obj = self.node_for(r.object, r.object_kind)
            predicate = PREDICATES[r.predicate]
            node = self.iri("relation", key(f"{r.subject}|{r.predicate}|{r.object}|{r.start}"))
            self.add(node, rdf.type, gk.RelationAssertion)
            self.add(node, rdf.type, rdf.Statement)
            self.add(node, rdf.subject, subject)
            self.add(node, rdf.predicate, predicate)
            self.add(node, rdf.object, obj)
            self.add(subject, predicate, obj)
            self.evidence(node, r.start, r.end)

    def add_concepts(self) -> None:
        """Copy the controlled-list and indicator concepts the graph uses from the ontology, so queries need no
        other file."""
        for t in indicator_scheme().triples:
            if t.subject.value in self.used_indicator_concepts:
                self.g.add(str(t.subject), str(t.predicate), str(t.object))
        onto = _ontology_lines()
        for c in sorted(self.used_concepts):
            for line in onto.get(c, []):
                self.g.add(*line)
        wanted = {skos.notation, rdfs.label}
        for prop in PREDICATES.values():
            for s, p, o in onto.get(prop[1:-1], []):
                if p in wanted:
                    self.g.add(s, p, o)


def report_triples(doc: Document, ex: Extraction, source: str, content_hash: str = "") -> TripleSet:
    """The triples of one report (see the module example)."""
    b = GraphBuilder(doc, source)
    b.add_report(content_hash or hashlib.sha256(doc.text.encode("utf-8")).hexdigest())
    b.region()
    b.add_places(ex)
    b.add_projects(ex)
    b.add_actions(ex)
    b.add_observations(ex)
    b.add_relations(ex)
    b.add_concepts()
    if "report" in b.g.records:
        b.g.records["observations"].sort(key=lambda row: (row["start"], row["obs"]))
    else:
        b.g.records = {}  # a report without region or year is linked with none
    return b.g


def own_and_shared(triples: TripleSet, rid: str) -> tuple[Iterable[str], list[str]]:
    """Report `rid`'s lines split into its own and those it shares with other reports (see `TripleSet.split`):
    what any report naming the same thing says alike — a line about a vocabulary term (a concept: subject outside
    the data namespace), or about a node no report owns (a division, an indicator) with a predicate in
    `SHARED_PREDICATES` (its label, type, code …)."""
    own_prefix, data_prefix = iri(DATA_IRI + rid)[:-1], iri(DATA_IRI)[:-1]

    def is_shared(line: str) -> bool:
        if not line.startswith(data_prefix):
            return True
        at = line.index(" ")
        return line[at + 1:line.index(" ", at + 1)] in SHARED_PREDICATES

    return triples.split(is_shared, own_prefixes=(own_prefix + "/", own_prefix + ">"))


def build_graph(doc: Document, ex: Extraction, source: str, content_hash: str = "") -> Graph:
    """The rdflib Graph of one report (`report_triples`, for rdflib users)."""
    return report_triples(doc, ex, source, content_hash).to_rdflib()


def _lexical(value: float) -> str:
    """A number in plain decimal notation (1600000000000.0, never 1.6E+12 or INF, which are no decimals)."""
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value}")
    return format(Decimal(repr(value)), "f")


def _decimal(value: float) -> str:
    """An xsd:decimal literal (see `_lexical`)."""
    return literal(_lexical(value), datatype=XSD.decimal)


def _number_as_written(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)
