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

from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV

from govkg.ontology.namespace import GK, ID

from .document import Document
from .concepts import indicator_scheme
from .gazetteer import NATIONAL, Division, find_region, region_level, within
from .pipeline import Extraction

PREDICATES = {"focuses_on": GK.focusesOn, "located_in": GK.locatedIn, "part_of": GK.partOf, "hosts": GK.hosts,
              "targets": GK.targets, "implements": GK.implements}
SCHEMES = {"level": GK.ActionLevelScheme, "stage": GK.StageScheme, "measure": GK.MeasureScheme,
           "status": GK.StatusScheme, "unit": GK.UnitScheme}


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    """The ontology (govkg.ttl) shipped with the package."""
    g = Graph()
    g.parse(data=resources.files("govkg.ontology").joinpath("govkg.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


@lru_cache(maxsize=1)
def concept_index() -> dict[tuple[str, str], URIRef]:
    """(scheme name, notation) → concept IRI, read from the ontology: ("unit", "CNY") → …/vocab/unit/CNY."""
    g = _ontology()
    index = {}
    for name, scheme in SCHEMES.items():
        for concept in g.subjects(SKOS.inScheme, scheme):
            index[(name, str(g.value(concept, SKOS.notation)))] = concept
    return index


def key(text: str) -> str:
    """A short stable key for a name: the first 12 hex digits of its SHA-1.

    >>> key("滨海新区")
    'e25f279d752f'
    """
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


class GraphBuilder:
    """Adds a document and its extraction to an rdflib Graph (one builder per report)."""

    def __init__(self, doc: Document, source: str):
        self.doc = doc
        self.rid = doc.report_id
        self.g = Graph()
        for prefix, ns in (("gk", GK._NS), ("prov", PROV), ("skos", SKOS), ("dcterms", DCTERMS),
                           ("id", Namespace(str(ID)))):
            self.g.bind(prefix, ns)
        self.report = ID[self.rid]
        self.used_concepts: set[URIRef] = set()
        self.used_indicator_concepts: set[URIRef] = set()
        self._source = source
        region = find_region(doc.meta.region) if doc.meta.region and doc.meta.region != NATIONAL else None
        self._region_division = region
        #: the divisions inside the report's region by official name (和平区 is also a district of 沈阳市:
        #: never look one up across the country)
        known = doc.meta.region == NATIONAL or region is not None
        self._districts = {d.name: d for d in within(region)} if known else {}
        self._structure_levels: dict[str, str] = {}

    # --- nodes -------------------------------------------------------------------------------------------
    def iri(self, kind: str, local: str) -> URIRef:
        return ID[f"{self.rid}/{kind}/{local}"]

    def concept(self, scheme: str, notation: str) -> URIRef:
        try:
            c = concept_index()[(scheme, notation)]
        except KeyError:
            raise ValueError(f"no {scheme} concept with notation {notation!r} in ontology/govkg.ttl") from None
        self.used_concepts.add(c)
        return c

    def span(self, start: int, end: int) -> URIRef:
        """The evidence node for text[start:end], tied to its sentence."""
        node = self.iri("span", f"{start}-{end}")
        if (node, RDF.type, GK.Span) not in self.g:
            g = self.g
            g.add((node, RDF.type, GK.Span))
            g.add((node, GK.inSentence, self.iri("sentence", str(self.doc.sentence_at(start).index))))
            self._offsets(node, start, end)
            g.add((node, GK.text, Literal(self.doc.text[start:end])))
        return node

    def evidence(self, node: URIRef, start: int, end: int) -> None:
        self.g.add((node, GK.evidence, self.span(start, end)))

    def _offsets(self, node: URIRef, start: int, end: int) -> None:
        self.g.add((node, GK.startOffset, Literal(start, datatype=XSD.integer)))
        self.g.add((node, GK.endOffset, Literal(end, datatype=XSD.integer)))

    def labelled(self, node: URIRef, cls: URIRef, label: str, *more: URIRef) -> URIRef:
        self.g.add((node, RDF.type, cls))
        for c in more:
            self.g.add((node, RDF.type, c))
        self.g.add((node, RDFS.label, Literal(label, lang="zh")))
        return node

    # --- report structure ------------------------------------------------------------------------------
    def add_report(self, content_hash: str) -> None:
        g, doc, r = self.g, self.doc, self.report
        meta = doc.meta
        self.labelled(r, GK.Report, f"{meta.year or ''}{meta.region or ''}政府工作报告", PROV.Entity)
        if meta.region:
            g.add((r, GK.city, Literal(meta.region)))
            g.add((r, GK.region, self.region()))
        if meta.level:
            g.add((r, GK.regionLevel, Literal(meta.level)))
        if meta.year:
            g.add((r, GK.year, Literal(str(meta.year), datatype=XSD.gYear)))
        if meta.date:
            g.add((r, DCTERMS.date, Literal(meta.date, datatype=XSD.date)))
        if meta.meeting:
            g.add((r, GK.meeting, Literal(meta.meeting)))
        g.add((r, GK.sourceFile, Literal(self._source)))
        g.add((r, GK.contentHash, Literal(content_hash)))
        for s in doc.sections:
            node = self.iri("section", str(s.index))
            self.labelled(node, GK.Section, s.title)
            g.add((node, GK.inReport, r))
            self._offsets(node, s.start, s.end)
        for p in doc.paragraphs:
            node = self.iri("paragraph", str(p.index))
            g.add((node, RDF.type, GK.Paragraph))
            g.add((node, GK.inReport, r))
            if p.section is not None:
                g.add((node, GK.inSection, self.iri("section", str(p.section))))
            self._offsets(node, p.start, p.end)
        for s in doc.sentences:
            node = self.iri("sentence", str(s.index))
            g.add((node, RDF.type, GK.Sentence))
            g.add((node, GK.inReport, r))
            g.add((node, GK.inParagraph, self.iri("paragraph", str(s.paragraph))))
            self._offsets(node, s.start, s.end)
            g.add((node, GK.text, Literal(doc.text[s.start:s.end])))

    # --- places ----------------------------------------------------------------------------------------
    def region(self) -> URIRef | None:
        """The report's region: the country, a division with its code and its parents, or (when govkg's
        gazetteer does not know it) a place named as the report names it."""
        meta = self.doc.meta
        if meta.region == NATIONAL:
            node = ID["division/CN"]
            if (node, RDF.type, GK.Country) not in self.g:
                self.labelled(node, GK.Country, NATIONAL, GK.Place)
                self.g.add((node, GK.divisionLevel, Literal("national")))
            return node
        if self._region_division is not None:
            return self.division(self._region_division)
        if not meta.region:
            return None
        node = self.labelled(ID[f"place/{key(meta.region)}"], GK.Region, meta.region, GK.Place)
        if meta.level:
            self.g.add((node, GK.divisionLevel, Literal(meta.level)))
        return node

    def division(self, d: Division) -> URIRef:
        """A GB/T 2260 division with its code and level, gk:locatedIn the division it lies in (up to the
        country for a national report's provinces)."""
        node = ID[f"division/{d.code}"]
        if (node, GK.divisionCode, None) in self.g:
            return node
        level = region_level(d) if d.level == "province" else ("prefecture" if d.level == "city" else "county")
        classes = {"province": [GK.Province], "municipality": [GK.Province, GK.City], "prefecture": [GK.City],
                   "county": []}[level]
        for cls in classes:
            self.g.add((node, RDF.type, cls))
        self.labelled(node, GK.AdministrativeDivision, d.name, GK.Place)
        self.g.add((node, GK.divisionCode, Literal(d.code)))
        self.g.add((node, GK.divisionLevel, Literal(level)))
        if d.parent is not None:
            self.g.add((node, GK.locatedIn, self.division(d.parent)))
        elif self.doc.meta.region == NATIONAL:
            self.g.add((node, GK.locatedIn, self.region()))
        return node

    def district(self, name: str) -> URIRef | None:
        """A division inside the report's region (gk:District), or None when `name` is none of them."""
        division = self._districts.get(name)
        if division is None:
            return None
        node = self.division(division)
        self.g.add((node, RDF.type, GK.District))
        return node

    def area(self, name: str) -> URIRef:
        return self.labelled(self.iri("area", key(name)), GK.FunctionalArea, name, GK.Place)

    def external(self, name: str) -> URIRef:
        return self.labelled(ID[f"place/{key(name)}"], GK.ExternalPlace, name, GK.Place)

    def place(self, name: str) -> URIRef:
        """A place by name: the report's region, a division inside it, or a functional area."""
        if name == self.doc.meta.region and (region := self.region()) is not None:
            return region
        return self.district(name) or self.area(name)

    def add_places(self, ex: Extraction) -> None:
        for p in ex.places:
            node = {"district": lambda n: self.district(n), "area": self.area, "external": self.external}[p.kind](p.name)
            self.evidence(node, p.start, p.end)

    # --- projects, actions -----------------------------------------------------------------------------
    def project(self, name: str) -> URIRef:
        return self.labelled(self.iri("project", key(name)), GK.Project, name, PROV.Entity)

    def action(self, name: str, level: str) -> URIRef:
        node = self.labelled(self.iri("action", key(level + ":" + name)), GK.Action, name, PROV.Entity)
        self.g.add((node, GK.level, self.concept("level", level)))
        return node

    def add_projects(self, ex: Extraction) -> None:
        for p in ex.projects:
            node = self.project(p.name)
            self.evidence(node, p.start, p.end)
            if p.district and (d := self.district(p.district)) is not None:
                self.g.add((node, GK.locatedIn, d))
            stage = self.iri("stage", f"{p.start}-{p.end}")
            self.g.add((stage, RDF.type, GK.StageAssertion))
            self.g.add((stage, RDF.type, PROV.Entity))
            self.g.add((stage, GK.stageOf, node))
            self.g.add((stage, GK.stage, self.concept("stage", p.stage)))
            self.g.add((stage, GK.period, Literal(p.period)))
            self.evidence(stage, p.start, p.end)

    def add_actions(self, ex: Extraction) -> None:
        levels = {a.name: a.level for a in ex.actions}
        for a in ex.actions:
            node = self.action(a.name, a.level)
            self.evidence(node, a.start, a.end)
            if a.parent and a.parent in levels:
                self.g.add((node, GK.partOf, self.action(a.parent, levels[a.parent])))

    # --- observations ----------------------------------------------------------------------------------
    def indicator(self, name: str) -> URIRef:
        return self.labelled(ID[f"indicator/{key(name)}"], GK.Indicator, name)

    def add_observations(self, ex: Extraction) -> None:
        seen: dict[int, int] = {}
        for o in ex.observations:
            n = seen[o.start] = seen.get(o.start, -1) + 1
            node = self.iri("observation", f"{o.start}-{n}")
            g, q = self.g, o.quantity
            g.add((node, RDF.type, GK.Observation))
            g.add((node, RDF.type, PROV.Entity))
            g.add((node, GK.indicator, self.indicator(o.indicator)))
            g.add((node, GK.scope, self.place(o.scope)))
            g.add((node, GK.valueAsWritten, Literal(q.written or _number_as_written(q.value))))
            g.add((node, GK.unitAsWritten, Literal(q.unit)))
            g.add((node, GK.value, _decimal(q.value_norm)))
            g.add((node, GK.unit, self.concept("unit", q.unit_norm)))
            if o.qualifier:
                g.add((node, GK.qualifier, Literal(o.qualifier)))
            if o.concept:
                concept = URIRef(o.concept)
                g.add((node, GK.concept, concept))
                g.add((self.indicator(o.indicator), GK.concept, concept))
                self.used_indicator_concepts.add(concept)
            if o.kind:
                g.add((node, GK.targetKind, Literal(o.kind)))
            if o.upper is not None and q.value:
                g.add((node, GK.upperValue, _decimal(q.value_norm * o.upper / q.value)))
            g.add((node, GK.measure, self.concept("measure", o.measure)))
            g.add((node, GK.status, self.concept("status", o.status)))
            g.add((node, GK.estimated, Literal(o.estimated)))
            g.add((node, GK.period, Literal(o.period)))
            self.evidence(node, o.start, o.end)

    # --- relations -------------------------------------------------------------------------------------
    def node_for(self, name: str, kind: str) -> URIRef:
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
        node = ID[f"focus/{key(name)}"]
        return self.labelled(node, GK.Focus, name, SKOS.Concept)

    def add_relations(self, ex: Extraction) -> None:
        self._structure_levels = {a.name: a.level for a in reversed(ex.actions) if a.level != "program"}
        for r in ex.relations:
            subject = self.node_for(r.subject, r.subject_kind)
            obj = self.node_for(r.object, r.object_kind)
            predicate = PREDICATES[r.predicate]
            node = self.iri("relation", key(f"{r.subject}|{r.predicate}|{r.object}|{r.start}"))
            g = self.g
            g.add((node, RDF.type, GK.RelationAssertion))
            g.add((node, RDF.type, RDF.Statement))
            g.add((node, RDF.subject, subject))
            g.add((node, RDF.predicate, predicate))
            g.add((node, RDF.object, obj))
            g.add((subject, predicate, obj))
            self.evidence(node, r.start, r.end)

    def add_concepts(self) -> None:
        """Copy the controlled-list and indicator concepts the graph uses from the ontology, so queries need no
        other file."""
        wanted = {str(c) for c in self.used_indicator_concepts}
        for t in indicator_scheme().triples:
            if t.subject.value in wanted:
                self.g.add((URIRef(t.subject.value), URIRef(t.predicate.value), _rdflib_term(t.object)))
        onto = _ontology()
        for c in sorted(self.used_concepts):
            for p, o in onto.predicate_objects(c):
                self.g.add((c, p, o))
        for prop in PREDICATES.values():
            for p in (SKOS.notation, RDFS.label):
                for o in onto.objects(prop, p):
                    self.g.add((prop, p, o))


def build_graph(doc: Document, ex: Extraction, source: str, content_hash: str = "") -> Graph:
    """The RDF graph of one report (see the module example)."""
    b = GraphBuilder(doc, source)
    b.add_report(content_hash or hashlib.sha256(doc.text.encode("utf-8")).hexdigest())
    b.region()
    b.add_places(ex)
    b.add_projects(ex)
    b.add_actions(ex)
    b.add_observations(ex)
    b.add_relations(ex)
    b.add_concepts()
    return b.g


def _decimal(value: float) -> Literal:
    """An xsd:decimal in plain notation (1600000000000.0, never 1.6E+12 or INF, which are no decimals)."""
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value}")
    return Literal(format(Decimal(repr(value)), "f"), datatype=XSD.decimal)


def _rdflib_term(term) -> URIRef | Literal:
    """An rdflib term for a pyoxigraph NamedNode or Literal."""
    if not hasattr(term, "datatype"):
        return URIRef(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)  # a simple literal (RDF 1.1: the same as xsd:string)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _number_as_written(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)
