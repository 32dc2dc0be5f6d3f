"""The govkg ontology terms as rdflib namespace objects: the only place code gets its IRIs from.

>>> from govkg.ontology.namespace import GK
>>> GK.Observation
rdflib.term.URIRef('https://w3id.org/govkg/ontology#Observation')

A misspelt term raises ``AttributeError`` (``_fail = True``), as rdflib's own ``PROV`` does.
"""
from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

ONTOLOGY_IRI = "https://w3id.org/govkg/ontology"
DATA_IRI = "https://w3id.org/govkg/id/"
#: The named graph of a corpus dataset with what reports say alike of shared nodes (see `govkg.corpus`).
SHARED_GRAPH = DATA_IRI + "shared"
#: The named graph of a corpus dataset with the targets judged against later reports' results (`govkg.targets`).
TARGETS_GRAPH = DATA_IRI + "targets"

#: Namespace for minted instance IRIs (reports, facts, places); never for terms.
ID = Namespace(DATA_IRI)


class GK(DefinedNamespace):
    """govkg ontology v1 (see ``ontology/govkg.ttl`` for labels and comments)."""

    _fail = True
    _NS = Namespace(ONTOLOGY_IRI + "#")

    # --- the report and its structure (provenance) ---
    Report: URIRef
    Section: URIRef
    Paragraph: URIRef
    Sentence: URIRef
    Span: URIRef  # evidence: a character span of the report text
    city: URIRef
    year: URIRef
    meeting: URIRef
    sourceFile: URIRef
    contentHash: URIRef
    inReport: URIRef
    inSection: URIRef
    inParagraph: URIRef
    inSentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    text: URIRef
    evidence: URIRef  # fact -> Span (sub-property of prov:wasDerivedFrom)

    # --- actions ---
    Action: URIRef
    level: URIRef
    partOf: URIRef
    implements: URIRef

    # --- projects ---
    Project: URIRef
    StageAssertion: URIRef
    stageOf: URIRef
    stage: URIRef
    period: URIRef

    # --- places ---
    Place: URIRef
    AdministrativeDivision: URIRef  # a GB/T 2260 division (province, prefecture city, county)
    Country: URIRef
    Province: URIRef
    City: URIRef
    District: URIRef  # a division inside the report's region, at any level
    Region: URIRef  # a report's region govkg's gazetteer does not know
    divisionLevel: URIRef
    region: URIRef
    regionLevel: URIRef
    FunctionalArea: URIRef
    ExternalPlace: URIRef
    divisionCode: URIRef
    locatedIn: URIRef
    hosts: URIRef
    focusesOn: URIRef
    Focus: URIRef  # an industry or function a place is told to focus on

    # --- indicators and observations ---
    Indicator: URIRef
    IndicatorScheme: URIRef  # the canonical indicators (ontology/indicators.ttl)
    concept: URIRef  # observation or indicator -> its concept in gk:IndicatorScheme
    unitFamily: URIRef
    direction: URIRef
    targetKind: URIRef
    upperValue: URIRef
    Observation: URIRef
    indicator: URIRef
    scope: URIRef
    valueAsWritten: URIRef
    unitAsWritten: URIRef
    value: URIRef
    unit: URIRef
    qualifier: URIRef
    measure: URIRef
    status: URIRef
    estimated: URIRef
    targets: URIRef

    # --- stated relations, reified with their evidence ---
    RelationAssertion: URIRef

    # --- targets and results across reports (corpus builds) ---
    TargetAssessment: URIRef
    assessedTarget: URIRef
    assessedResult: URIRef
    checkedReport: URIRef
    outcome: URIRef
    assessmentRule: URIRef

    # --- controlled lists (SKOS concept schemes; concepts carry skos:notation) ---
    ActionLevelScheme: URIRef
    StageScheme: URIRef
    MeasureScheme: URIRef
    StatusScheme: URIRef
    UnitScheme: URIRef
    PredicateScheme: URIRef
    OutcomeScheme: URIRef
