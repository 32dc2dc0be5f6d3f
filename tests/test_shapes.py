"""The ontology (ontology/govkg.ttl) and the SHACL shapes (ontology/shapes.ttl).

Run from the repository root: ``python -m pytest tests/test_shapes.py -q``.
"""
from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from pyshacl import validate
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from govkg.ontology.namespace import GK, ID, ONTOLOGY_IRI

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
GOVKG_TTL = ONTOLOGY_DIR / "govkg.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
README = ONTOLOGY_DIR / "README.md"

# rdflib's XSD DefinedNamespace warns when pytest probes module globals (``_mock_name``); a plain
# Namespace does not.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
VOCAB = "https://w3id.org/govkg/vocab/"
SH = Namespace("http://www.w3.org/ns/shacl#")
QUDT_UNIT = "http://qudt.org/vocab/unit/"
QUDT_CURRENCY = "http://qudt.org/vocab/currency/"

SCHEMES = {
    "level": GK.ActionLevelScheme,
    "stage": GK.StageScheme,
    "measure": GK.MeasureScheme,
    "status": GK.StatusScheme,
    "unit": GK.UnitScheme,
}
EXPECTED_NOTATIONS = {
    "level": {"ten_actions", "work_area", "task", "program", "review_area"},
    "stage": {"completed", "complete", "start", "accelerate", "plan", "operate"},
    "measure": {"amount", "increment", "growth_rate", "share", "change_pp", "rank"},
    "status": {"target", "actual"},
    "unit": {
        "CNY", "USD", "percent", "percentage_point", "person", "person_time", "household", "count", "km", "m",
        "km2", "m2", "mu", "hectare", "TEU", "t", "jin", "kg", "kWh", "kW", "m3", "ug/m3", "PFLOPS",
        "minute", "hour", "day", "month", "year", "rank", "ratio", "index", "permille",
    },
}
RELATION_PREDICATES = {
    GK.focusesOn: "focuses_on", GK.locatedIn: "located_in", GK.partOf: "part_of",
    GK.hosts: "hosts", GK.targets: "targets", GK.implements: "implements",
}


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(GOVKG_TTL, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_TTL, format="turtle")


@pytest.fixture(scope="module")
def concept_triples(ontology: Graph) -> Graph:
    """What the builder copies into every graph: the triples of each skos:Concept in a scheme."""
    g = Graph()
    for c in set(ontology.subjects(SKOS.inScheme, None)):
        if (c, RDF.type, SKOS.Concept) in ontology:
            for p, o in ontology.predicate_objects(c):
                g.add((c, p, o))
    return g


def concept(ontology: Graph, scheme: str, notation: str) -> URIRef:
    """Look a concept up by (scheme local name, notation), as the builder does."""
    scheme_iri = URIRef(str(GK) + scheme) if not scheme.startswith("http") else URIRef(scheme)
    found = [
        c for c in ontology.subjects(SKOS.notation, Literal(notation))
        if (c, SKOS.inScheme, scheme_iri) in ontology
    ]
    assert len(found) == 1, (scheme, notation, found)
    return found[0]


# --------------------------------------------------------------------------- a handmade graph

RID = "tianjin-2023"
TEXT = "滨海新区加快建设天津港。全年地区生产总值增长5%左右。"
SENTENCE = TEXT  # one paragraph, one sentence, for simplicity (the first sentence)


def valid_graph(ontology: Graph, concepts: Graph) -> Graph:
    g = Graph()
    g.bind("gk", GK._NS)
    g.bind("id", ID)
    g += concepts

    report = ID[RID]
    g.add((report, RDF.type, GK.Report))
    g.add((report, RDF.type, PROV.Entity))
    g.add((report, RDFS.label, Literal("天津市2023年政府工作报告", lang="zh")))
    g.add((report, GK.city, Literal("天津市")))
    g.add((report, GK.year, Literal("2023", datatype=XSD.gYear)))
    g.add((report, DCTERMS.date, Literal("2023-01-13", datatype=XSD.date)))
    g.add((report, GK.meeting, Literal("天津市第十八届人民代表大会第一次会议")))
    g.add((report, GK.sourceFile, Literal("tianjin-2023.txt")))
    g.add((report, GK.contentHash, Literal(hashlib.sha256(TEXT.encode()).hexdigest())))

    section = ID[f"{RID}/section/1"]
    g.add((section, RDF.type, GK.Section))
    g.add((section, GK.inReport, report))
    g.add((section, RDFS.label, Literal("2023年主要工作", lang="zh")))
    g.add((section, GK.startOffset, Literal(0)))
    g.add((section, GK.endOffset, Literal(len(TEXT))))

    paragraph = ID[f"{RID}/paragraph/1"]
    g.add((paragraph, RDF.type, GK.Paragraph))
    g.add((paragraph, GK.inReport, report))
    g.add((paragraph, GK.inSection, section))
    g.add((paragraph, GK.startOffset, Literal(0)))
    g.add((paragraph, GK.endOffset, Literal(len(TEXT))))

    first = TEXT[: TEXT.index("。") + 1]
    sentence = ID[f"{RID}/sentence/1"]
    g.add((sentence, RDF.type, GK.Sentence))
    g.add((sentence, GK.inReport, report))
    g.add((sentence, GK.inParagraph, paragraph))
    g.add((sentence, GK.startOffset, Literal(0)))
    g.add((sentence, GK.endOffset, Literal(len(first))))
    g.add((sentence, GK.text, Literal(first)))

    def span(start: int, end: int) -> URIRef:
        s = ID[f"{RID}/span/{start}-{end}"]
        g.add((s, RDF.type, GK.Span))
        g.add((s, GK.inSentence, sentence))
        g.add((s, GK.startOffset, Literal(start)))
        g.add((s, GK.endOffset, Literal(end)))
        g.add((s, GK.text, Literal(TEXT[start:end])))
        return s

    city = ID["city/120000"]
    g.add((city, RDF.type, GK.City))
    g.add((city, RDF.type, GK.Place))
    g.add((city, RDFS.label, Literal("天津市", lang="zh")))
    g.add((city, GK.divisionCode, Literal("120000")))
    g.add((city, GK.divisionLevel, Literal("municipality")))

    district = ID["district/120116"]
    g.add((district, RDF.type, GK.District))
    g.add((district, RDF.type, GK.Place))
    g.add((district, RDFS.label, Literal("滨海新区", lang="zh")))
    g.add((district, GK.divisionCode, Literal("120116")))
    g.add((district, GK.divisionLevel, Literal("county")))
    g.add((district, GK.locatedIn, city))
    g.add((district, GK.evidence, span(0, 4)))

    action = ID[f"{RID}/action/port"]
    g.add((action, RDF.type, GK.Action))
    g.add((action, RDFS.label, Literal("建设世界一流港口", lang="zh")))
    g.add((action, GK.level, concept(ontology, "ActionLevelScheme", "task")))
    g.add((action, GK.evidence, span(4, 11)))

    project = ID[f"{RID}/project/tianjin-port"]
    g.add((project, RDF.type, GK.Project))
    g.add((project, RDFS.label, Literal("天津港", lang="zh")))
    g.add((project, GK.locatedIn, district))
    g.add((project, GK.implements, action))
    g.add((project, GK.evidence, span(8, 11)))

    stage = ID[f"{RID}/stage/tianjin-port-2023"]
    g.add((stage, RDF.type, GK.StageAssertion))
    g.add((stage, GK.stageOf, project))
    g.add((stage, GK.stage, concept(ontology, "StageScheme", "accelerate")))
    g.add((stage, GK.period, Literal("2023")))
    g.add((stage, GK.evidence, span(4, 11)))

    indicator = ID["indicator/gdp"]
    g.add((indicator, RDF.type, GK.Indicator))
    g.add((indicator, RDFS.label, Literal("地区生产总值", lang="zh")))

    start = TEXT.index("5%")
    obs = ID[f"{RID}/observation/{start}-1"]
    g.add((obs, RDF.type, GK.Observation))
    g.add((obs, GK.indicator, indicator))
    g.add((obs, GK.scope, city))
    g.add((obs, GK.valueAsWritten, Literal("5")))
    g.add((obs, GK.unitAsWritten, Literal("%")))
    g.add((obs, GK.value, Literal(Decimal("5"))))
    g.add((obs, GK.unit, concept(ontology, "UnitScheme", "percent")))
    g.add((obs, GK.qualifier, Literal("左右")))
    g.add((obs, GK.measure, concept(ontology, "MeasureScheme", "growth_rate")))
    g.add((obs, GK.status, concept(ontology, "StatusScheme", "target")))
    g.add((obs, GK.estimated, Literal(False)))
    g.add((obs, GK.period, Literal("2023")))
    g.add((obs, GK.evidence, span(start - 6, start + 2)))

    focus = ID["focus/port-logistics"]
    g.add((focus, RDF.type, GK.Focus))
    g.add((focus, RDF.type, SKOS.Concept))
    g.add((focus, RDFS.label, Literal("港口物流", lang="zh")))

    rel = ID[f"{RID}/relation/binhai-hosts-port"]
    g.add((rel, RDF.type, GK.RelationAssertion))
    g.add((rel, RDF.type, RDF.Statement))
    g.add((rel, RDF.subject, district))
    g.add((rel, RDF.predicate, GK.hosts))
    g.add((rel, RDF.object, project))
    g.add((rel, GK.evidence, span(0, 11)))
    g.add((district, GK.hosts, project))
    return g


def check(data: Graph, shapes: Graph) -> tuple[bool, Graph, str]:
    conforms, results, text = validate(data, shacl_graph=shapes, inference="none", advanced=True)
    return conforms, results, text


@pytest.fixture()
def good(ontology: Graph, concept_triples: Graph) -> Graph:
    return valid_graph(ontology, concept_triples)


# --------------------------------------------------------------------------- the ontology file


def test_govkg_parses_with_rdflib(ontology: Graph) -> None:
    onto = URIRef(ONTOLOGY_IRI)
    assert (onto, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(onto, OWL.versionInfo) == Literal("1")


@pytest.mark.parametrize("path", [GOVKG_TTL, SHAPES_TTL], ids=lambda p: p.name)
def test_parses_with_pyoxigraph(path: Path, ontology: Graph, shapes: Graph) -> None:
    quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    expected = ontology if path == GOVKG_TTL else shapes
    assert len(quads) == len(expected)
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(expected)


@pytest.mark.parametrize("name", sorted(GK.__annotations__))
def test_every_term_is_documented(ontology: Graph, name: str) -> None:
    term = GK[name]
    labels = list(ontology.objects(term, RDFS.label))
    langs = {lbl.language for lbl in labels if isinstance(lbl, Literal)}
    assert {"zh", "en"} <= langs, (name, labels)
    assert any(isinstance(c, Literal) and str(c).strip() for c in ontology.objects(term, RDFS.comment)), name
    kinds = set(ontology.objects(term, RDF.type))
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.ConceptScheme}, (name, kinds)


def test_no_undeclared_gk_terms(ontology: Graph) -> None:
    declared = {GK[n] for n in GK.__annotations__}
    used = {t for triple in ontology for t in triple if isinstance(t, URIRef) and str(t).startswith(str(GK._NS))}
    assert used <= declared, used - declared


def test_reused_vocabularies(ontology: Graph) -> None:
    assert (GK.evidence, RDFS.subPropertyOf, PROV.wasDerivedFrom) in ontology
    assert (GK.Report, RDFS.subClassOf, PROV.Entity) in ontology
    for fact in (GK.Observation, GK.Project, GK.Action, GK.StageAssertion, GK.RelationAssertion):
        assert (fact, RDFS.subClassOf, PROV.Entity) in ontology, fact
    assert (GK.Observation, RDFS.subClassOf, URIRef("http://purl.org/linked-data/cube#Observation")) in ontology
    assert (GK.Place, RDFS.subClassOf, URIRef("https://schema.org/Place")) in ontology
    assert (GK.RelationAssertion, RDFS.subClassOf, RDF.Statement) in ontology
    assert ontology.value(GK.year, RDFS.range) == XSD.gYear
    assert ontology.value(GK.value, RDFS.range) == XSD.decimal
    assert ontology.value(GK.estimated, RDFS.range) == XSD.boolean
    assert ontology.value(GK.startOffset, RDFS.range) == XSD.integer
    assert ontology.value(GK.endOffset, RDFS.range) == XSD.integer
    assert ontology.value(GK.divisionCode, RDFS.range) == XSD.string
    for prop in (GK.level, GK.stage, GK.measure, GK.status, GK.unit):
        assert (prop, RDF.type, OWL.ObjectProperty) in ontology
        assert ontology.value(prop, RDFS.range) == SKOS.Concept


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_concept_schemes(ontology: Graph, scheme: str) -> None:
    scheme_iri = SCHEMES[scheme]
    assert (scheme_iri, RDF.type, SKOS.ConceptScheme) in ontology
    members = set(ontology.subjects(SKOS.inScheme, scheme_iri))
    notations = set()
    for c in members:
        assert (c, RDF.type, SKOS.Concept) in ontology
        assert len(list(ontology.objects(c, SKOS.inScheme))) == 1, c
        found = list(ontology.objects(c, SKOS.notation))
        assert len(found) == 1, c
        notation = str(found[0])
        notations.add(notation)
        assert str(c) == f"{VOCAB}{scheme}/{notation.replace('/', '_per_')}"
        pref = {lbl.language for lbl in ontology.objects(c, SKOS.prefLabel)}
        assert pref == {"zh", "en"}, c
        assert ontology.value(c, SKOS.definition) is not None, c
    assert notations == EXPECTED_NOTATIONS[scheme]


def test_readme_notations_are_in_the_ontology(ontology: Graph) -> None:
    text = README.read_text(encoding="utf-8")
    block = text[text.index("Controlled lists") :]
    for scheme in SCHEMES:
        match = re.search(rf"^- {scheme}: (.*?)(?=^- |^\s*\(|\Z)", block, re.M | re.S)
        assert match, scheme
        words = set(re.findall(r"`([^`]+)`", match.group(1)))
        have = {str(n) for c in ontology.subjects(SKOS.inScheme, SCHEMES[scheme]) for n in ontology.objects(c, SKOS.notation)}
        assert words and words <= have, (scheme, words - have)


def test_units_map_to_qudt(ontology: Graph) -> None:
    expected = {
        "CNY": QUDT_CURRENCY + "CNY", "USD": QUDT_CURRENCY + "USD", "percent": QUDT_UNIT + "PERCENT",
        "km": QUDT_UNIT + "KiloM", "m": QUDT_UNIT + "M", "km2": QUDT_UNIT + "KiloM2", "m2": QUDT_UNIT + "M2",
        "hectare": QUDT_UNIT + "HA", "t": QUDT_UNIT + "TONNE", "kg": QUDT_UNIT + "KiloGM",
        "kW": QUDT_UNIT + "KiloW", "kWh": QUDT_UNIT + "KiloW-HR", "m3": QUDT_UNIT + "M3",
        "ug/m3": QUDT_UNIT + "MicroGM-PER-M3", "minute": QUDT_UNIT + "MIN", "hour": QUDT_UNIT + "HR",
        "day": QUDT_UNIT + "DAY", "month": QUDT_UNIT + "MO", "year": QUDT_UNIT + "YR",
    }
    for notation, qudt in expected.items():
        c = concept(ontology, "UnitScheme", notation)
        assert list(ontology.objects(c, SKOS.exactMatch)) == [URIRef(qudt)], notation


def test_relation_predicates(ontology: Graph) -> None:
    for prop, notation in RELATION_PREDICATES.items():
        assert (prop, RDF.type, OWL.ObjectProperty) in ontology
        assert list(ontology.objects(prop, SKOS.notation)) == [Literal(notation)]
        assert list(ontology.objects(prop, SKOS.inScheme)) == [GK.PredicateScheme]
    assert set(ontology.subjects(SKOS.inScheme, GK.PredicateScheme)) == set(RELATION_PREDICATES)


# --------------------------------------------------------------------------- the shapes file


def test_shapes_are_valid_shacl(shapes: Graph) -> None:
    conforms, _, text = validate(shapes, shacl_graph=shapes, meta_shacl=True, advanced=True)
    # meta_shacl checks the shapes graph against SHACL-SHACL before validating it (as data).
    assert conforms, text


def test_shapes_in_lists_match_the_ontology(ontology: Graph, shapes: Graph) -> None:
    """The sh:in lists name exactly the concepts of the schemes (and the six relation properties)."""
    lists = []
    for node in shapes.objects(None, SH["in"]):
        lists.append(frozenset(shapes.items(node)))
    for scheme in ("level", "stage", "measure", "status"):
        members = frozenset(ontology.subjects(SKOS.inScheme, SCHEMES[scheme]))
        assert members in lists, scheme
    assert frozenset(RELATION_PREDICATES) in lists


def test_every_table_class_has_a_shape(shapes: Graph) -> None:
    targets = set(shapes.objects(None, SH.targetClass))
    for cls in (GK.Report, GK.Section, GK.Paragraph, GK.Sentence, GK.Span, GK.City, GK.District,
                GK.FunctionalArea, GK.ExternalPlace, GK.Action, GK.Project, GK.StageAssertion,
                GK.Indicator, GK.Observation, GK.Focus, GK.RelationAssertion):
        assert cls in targets, cls


# --------------------------------------------------------------------------- validation


def test_valid_graph_conforms(good: Graph, shapes: Graph) -> None:
    conforms, _, text = check(good, shapes)
    assert conforms, text


def test_valid_graph_with_ontology_inference_conforms(good: Graph, shapes: Graph, ontology: Graph) -> None:
    conforms, _, text = validate(good, shacl_graph=shapes, ont_graph=ontology, inference="rdfs", advanced=True)
    assert conforms, text


def _violations(data: Graph, shapes: Graph, component: str | None = None, path: URIRef | None = None) -> str:
    """Assert non-conformance; optionally that some result has this constraint component and path."""
    conforms, results, text = check(data, shapes)
    assert not conforms, "expected a violation"
    if component is not None:
        hits = [
            r for r in results.subjects(RDF.type, SH.ValidationResult)
            if results.value(r, SH.sourceConstraintComponent) == SH[component]
            and (path is None or results.value(r, SH.resultPath) == path)
        ]
        assert hits, text
    return text


def _obs(g: Graph) -> URIRef:
    return next(iter(g.subjects(RDF.type, GK.Observation)))


def test_observation_without_evidence(good: Graph, shapes: Graph) -> None:
    good.remove((_obs(good), GK.evidence, None))
    _violations(good, shapes, "MinCountConstraintComponent", GK.evidence)


def test_observation_with_two_evidence(good: Graph, shapes: Graph) -> None:
    good.add((_obs(good), GK.evidence, ID[f"{RID}/span/0-4"]))
    _violations(good, shapes, "MaxCountConstraintComponent", GK.evidence)


def test_observation_with_unknown_status(good: Graph, shapes: Graph) -> None:
    obs = _obs(good)
    good.remove((obs, GK.status, None))
    good.add((obs, GK.status, URIRef(VOCAB + "status/planned")))
    _violations(good, shapes, "InConstraintComponent", GK.status)


def test_observation_with_unit_from_another_scheme(good: Graph, shapes: Graph, ontology: Graph) -> None:
    obs = _obs(good)
    good.remove((obs, GK.unit, None))
    good.add((obs, GK.unit, concept(ontology, "MeasureScheme", "rank")))
    _violations(good, shapes, "NodeConstraintComponent", GK.unit)


def test_observation_value_not_decimal(good: Graph, shapes: Graph) -> None:
    obs = _obs(good)
    good.remove((obs, GK.value, None))
    good.add((obs, GK.value, Literal("5")))
    _violations(good, shapes, "DatatypeConstraintComponent", GK.value)


def test_observation_scope_not_place_or_project(good: Graph, shapes: Graph) -> None:
    obs = _obs(good)
    good.remove((obs, GK.scope, None))
    good.add((obs, GK.scope, ID["indicator/gdp"]))
    _violations(good, shapes, "OrConstraintComponent", GK.scope)


def test_span_start_after_end(good: Graph, shapes: Graph) -> None:
    span = ID[f"{RID}/span/0-4"]
    good.remove((span, GK.startOffset, None))
    good.add((span, GK.startOffset, Literal(9)))
    _violations(good, shapes, "LessThanOrEqualsConstraintComponent", GK.startOffset)


def test_span_negative_offset(good: Graph, shapes: Graph) -> None:
    span = ID[f"{RID}/span/0-4"]
    good.remove((span, GK.startOffset, None))
    good.add((span, GK.startOffset, Literal(-1)))
    _violations(good, shapes, "MinInclusiveConstraintComponent", GK.startOffset)


def test_span_text_length_mismatch(good: Graph, shapes: Graph) -> None:
    span = ID[f"{RID}/span/0-4"]
    good.remove((span, GK.text, None))
    good.add((span, GK.text, Literal("滨海新")))
    _violations(good, shapes, "SPARQLConstraintComponent")


def test_district_code_not_six_digits(good: Graph, shapes: Graph) -> None:
    district = ID["district/120116"]
    good.remove((district, GK.divisionCode, None))
    good.add((district, GK.divisionCode, Literal("12ab")))
    _violations(good, shapes, "PatternConstraintComponent", GK.divisionCode)


def test_district_without_evidence(good: Graph, shapes: Graph) -> None:
    good.remove((ID["district/120116"], GK.evidence, None))
    _violations(good, shapes, "MinCountConstraintComponent", GK.evidence)


def test_label_without_zh_tag(good: Graph, shapes: Graph) -> None:
    project = ID[f"{RID}/project/tianjin-port"]
    good.remove((project, RDFS.label, None))
    good.add((project, RDFS.label, Literal("天津港")))
    _violations(good, shapes, "LanguageInConstraintComponent", RDFS.label)


def test_action_with_unknown_level(good: Graph, shapes: Graph) -> None:
    action = ID[f"{RID}/action/port"]
    good.remove((action, GK.level, None))
    good.add((action, GK.level, URIRef(VOCAB + "level/chapter")))
    _violations(good, shapes, "InConstraintComponent", GK.level)


def test_stage_assertion_without_stage(good: Graph, shapes: Graph) -> None:
    good.remove((ID[f"{RID}/stage/tianjin-port-2023"], GK.stage, None))
    _violations(good, shapes, "MinCountConstraintComponent", GK.stage)


def test_report_year_not_gyear(good: Graph, shapes: Graph) -> None:
    report = ID[RID]
    good.remove((report, GK.year, None))
    good.add((report, GK.year, Literal(2023)))
    _violations(good, shapes, "DatatypeConstraintComponent", GK.year)


def test_relation_with_unknown_predicate(good: Graph, shapes: Graph) -> None:
    rel = ID[f"{RID}/relation/binhai-hosts-port"]
    good.remove((rel, RDF.predicate, None))
    good.add((rel, RDF.predicate, RDFS.seeAlso))
    good.add((ID["district/120116"], RDFS.seeAlso, ID[f"{RID}/project/tianjin-port"]))
    _violations(good, shapes, "InConstraintComponent", RDF.predicate)


def test_relation_without_direct_triple(good: Graph, shapes: Graph) -> None:
    good.remove((ID["district/120116"], GK.hosts, None))
    _violations(good, shapes, "SPARQLConstraintComponent")


def test_relation_subject_blank_node(good: Graph, shapes: Graph) -> None:
    rel = ID[f"{RID}/relation/binhai-hosts-port"]
    good.remove((rel, RDF.subject, None))
    b = BNode()
    good.add((rel, RDF.subject, b))
    good.add((b, GK.hosts, ID[f"{RID}/project/tianjin-port"]))
    _violations(good, shapes, "NodeKindConstraintComponent", RDF.subject)
