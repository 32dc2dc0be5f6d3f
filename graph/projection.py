"""The "domain view" of a built govkg RDF graph, as a :mod:`networkx` multigraph.

The RDF graph (layout in ``ontology/README.md``) carries provenance — reports, sections,
sentences, evidence spans, reified relation assertions, stage assertions, observations and
the controlled-list concepts.  For browsing and analysis only the *domain* entities matter:
places, projects, actions, indicators and foci, and the relations between them.
:func:`project_graph` keeps just those and folds the rest into node attributes:

=================  ================================================================
node kind          attributes besides ``label`` and ``kind``
=================  ================================================================
``Project``        ``stages`` (sorted stage notations), ``stage_periods``
                   (``"start 2023"`` strings)
``Action``         ``level`` (level notation or ``None``)
``Indicator``      ``observations`` (count), ``observation_summary`` (at most
                   :data:`MAX_OBSERVATION_SUMMARY` ``"value unit period status"`` strings)
others             —
=================  ================================================================

Edges are the direct relation triples (``gk:locatedIn``, ``gk:partOf``, ``gk:hosts``,
``gk:focusesOn``, ``gk:implements``, ``gk:targets``) between two projected nodes, plus one
``"measures"`` edge per (observation scope, indicator) pair summarising its observations.
Each edge's key and ``predicate`` attribute are the property's ``skos:notation`` (its local
name when the graph does not carry the notation).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from ontology.namespace import GK

#: Classes that become nodes, in priority order (the first one a resource has names its kind).
NODE_CLASSES: tuple[URIRef, ...] = (
    GK.District,
    GK.City,
    GK.FunctionalArea,
    GK.ExternalPlace,
    GK.Project,
    GK.Action,
    GK.Indicator,
    GK.Focus,
)

#: Properties whose direct triples become edges.
EDGE_PROPERTIES: tuple[URIRef, ...] = (
    GK.locatedIn,
    GK.partOf,
    GK.hosts,
    GK.focusesOn,
    GK.implements,
    GK.targets,
)

#: Predicate name of the edges summarising observations (scope -> indicator).
MEASURES = "measures"

#: How many observation strings an Indicator node keeps in ``observation_summary``.
MAX_OBSERVATION_SUMMARY = 5


def local_name(iri: Node) -> str:
    """The part of ``iri`` after its last ``#`` or ``/``."""
    text = str(iri)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
    return text


def _first_literal(g: Graph, subject: Node, predicate: URIRef) -> str | None:
    """A deterministic choice among the literal values (sorted, first)."""
    values = sorted(str(o) for o in g.objects(subject, predicate))
    return values[0] if values else None


def _label(g: Graph, subject: Node) -> str:
    """``rdfs:label``: the ``@zh`` one if any, else an untagged one, else any; IRI tail as fallback."""
    labels = [o for o in g.objects(subject, RDFS.label) if isinstance(o, Literal)]

    def rank(lit: Literal) -> tuple[int, str]:
        lang = (lit.language or "").lower()
        order = 0 if lang == "zh" or lang.startswith("zh-") else 1 if not lang else 2
        return order, str(lit)

    if labels:
        return str(min(labels, key=rank))
    return local_name(subject)


def _notation(g: Graph, concept: Node) -> str:
    """A concept's ``skos:notation``, or its IRI's local name when the graph lacks it."""
    notation = _first_literal(g, concept, SKOS.notation)
    return notation if notation is not None else local_name(concept)


def _kind(types: Iterable[Node]) -> str | None:
    present = set(types)
    for cls in NODE_CLASSES:
        if cls in present:
            return local_name(cls)
    return None


def _observation_string(g: Graph, obs: Node) -> str:
    value = _first_literal(g, obs, GK.valueAsWritten) or _first_literal(g, obs, GK.value)
    unit = _first_literal(g, obs, GK.unitAsWritten)
    period = _first_literal(g, obs, GK.period)
    statuses = sorted(_notation(g, s) for s in g.objects(obs, GK.status))
    parts = [value, unit, period, statuses[0] if statuses else None]
    return " ".join(p for p in parts if p)


def project_graph(g: Graph) -> nx.MultiDiGraph:
    """Project a built govkg graph onto its domain entities and their relations.

    Node ids are IRI strings; nodes and edges are inserted sorted by IRI (edges by
    ``(source, target, predicate)``), so the result is the same for the same graph.

    >>> from rdflib import Graph, Literal
    >>> from rdflib.namespace import RDF, RDFS
    >>> from ontology.namespace import GK, ID
    >>> g = Graph()
    >>> d, p = ID["district/120104"], ID["tianjin-2023/project/tiankai"]
    >>> for triple in [(d, RDF.type, GK.District), (d, RDFS.label, Literal("南开区", lang="zh")),
    ...                (p, RDF.type, GK.Project), (p, RDFS.label, Literal("天开高教科技园", lang="zh")),
    ...                (d, GK.hosts, p)]:
    ...     _ = g.add(triple)
    >>> view = project_graph(g)
    >>> [(view.nodes[n]["kind"], view.nodes[n]["label"]) for n in view]
    [('District', '南开区'), ('Project', '天开高教科技园')]
    >>> [(view.nodes[u]["label"], data["predicate"], view.nodes[v]["label"])
    ...  for u, v, data in view.edges(data=True)]
    [('南开区', 'hosts', '天开高教科技园')]
    """
    view = nx.MultiDiGraph()

    # --- nodes ---
    kinds: dict[str, str] = {}
    subjects = {s for s in g.subjects(RDF.type, None) if isinstance(s, URIRef)}
    for s in subjects:
        kind = _kind(g.objects(s, RDF.type))
        if kind is not None:
            kinds[str(s)] = kind

    stages: dict[str, set[str]] = defaultdict(set)
    stage_periods: dict[str, set[str]] = defaultdict(set)
    for assertion in g.subjects(RDF.type, GK.StageAssertion):
        periods = sorted(str(p) for p in g.objects(assertion, GK.period))
        for project in g.objects(assertion, GK.stageOf):
            for stage in g.objects(assertion, GK.stage):
                notation = _notation(g, stage)
                stages[str(project)].add(notation)
                stage_periods[str(project)].add(" ".join([notation, *periods]))

    observations: dict[str, list[tuple[str, str]]] = defaultdict(list)
    measures: dict[tuple[str, str], int] = defaultdict(int)
    for obs in g.subjects(RDF.type, GK.Observation):
        for indicator in g.objects(obs, GK.indicator):
            observations[str(indicator)].append((str(obs), _observation_string(g, obs)))
            for scope in g.objects(obs, GK.scope):
                measures[(str(scope), str(indicator))] += 1

    for iri in sorted(kinds):
        node = URIRef(iri)
        kind = kinds[iri]
        attrs: dict[str, object] = {"label": _label(g, node), "kind": kind}
        if kind == "Project":
            attrs["stages"] = sorted(stages.get(iri, ()))
            attrs["stage_periods"] = sorted(stage_periods.get(iri, ()))
        elif kind == "Action":
            levels = sorted(_notation(g, lv) for lv in g.objects(node, GK.level))
            attrs["level"] = levels[0] if levels else None
        elif kind == "Indicator":
            obs_list = sorted(observations.get(iri, ()))
            attrs["observations"] = len(obs_list)
            attrs["observation_summary"] = [text for _, text in obs_list[:MAX_OBSERVATION_SUMMARY]]
        view.add_node(iri, **attrs)

    # --- edges ---
    edges: set[tuple[str, str, str]] = set()
    for prop in EDGE_PROPERTIES:
        name = _notation(g, prop)
        for s, o in g.subject_objects(prop):
            if str(s) in kinds and str(o) in kinds:
                edges.add((str(s), str(o), name))
    for (scope, indicator), count in measures.items():
        if scope in kinds and indicator in kinds:
            edges.add((scope, indicator, MEASURES))
    for u, v, name in sorted(edges):
        attrs = {"predicate": name}
        if name == MEASURES:
            attrs["observations"] = measures[(u, v)]
        view.add_edge(u, v, key=name, **attrs)
    return view
