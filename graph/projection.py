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
                   :data:`MAX_OBSERVATION_SUMMARY` ``"value unit period status"`` strings),
                   ``statuses`` and ``periods`` (sorted, of its observations)
``Observation``    only with ``observations=True``: ``value``, ``unit``, ``period``,
                   ``status``, ``qualifier``, ``indicator`` (label), ``quote`` (the span)
=================  ================================================================

Every node that carries ``gk:evidence`` also has ``evidence``: the text of the sentences its
first :data:`MAX_EVIDENCE` evidence spans sit in (in report order; an Observation's is its
one evidence sentence).  Relation edges backed by a ``gk:RelationAssertion`` carry its
``evidence`` sentence the same way.

Edges are the direct relation triples (``gk:locatedIn``, ``gk:partOf``, ``gk:hosts``,
``gk:focusesOn``, ``gk:implements``, ``gk:targets``) between two projected nodes, plus one
``"measures"`` edge per (observation scope, indicator) pair summarising its observations.
Each edge's key and ``predicate`` attribute are the property's ``skos:notation`` (its local
name when the graph does not carry the notation).  With ``observations=True`` every
observation becomes a node of kind ``Observation`` instead, with an ``"observation"`` edge
from its scope and an ``"indicator"`` edge to its indicator (the views use this form: an
observation's value, status and evidence sentence are then one hover away).
"""
from __future__ import annotations

from collections import defaultdict, deque
from typing import Iterable

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from govkg.ontology.namespace import GK

#: Classes that become nodes, in priority order (the first one a resource has names its kind).
NODE_CLASSES: tuple[URIRef, ...] = (
    GK.District,
    GK.City,
    GK.Province,
    GK.Country,
    GK.Region,
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

#: How many evidence sentences a node keeps in ``evidence``.
MAX_EVIDENCE = 2

#: Predicate names of the edges around Observation nodes (``observations=True``).
OBSERVATION_EDGE = "observation"
INDICATOR_EDGE = "indicator"


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


def _int(g: Graph, subject: Node, predicate: URIRef) -> int:
    value = _first_literal(g, subject, predicate)
    try:
        return int(value) if value is not None else 0
    except ValueError:
        return 0


def _evidence_sentences(g: Graph, subject: Node, limit: int = MAX_EVIDENCE) -> list[str]:
    """The sentences holding ``subject``'s evidence spans, in report order, without repeats."""
    spans = sorted(
        ((_int(g, span, GK.startOffset), str(span), span) for span in g.objects(subject, GK.evidence)),
        key=lambda item: item[:2],
    )
    sentences: list[str] = []
    for _, _, span in spans:
        text = None
        for sentence in sorted(g.objects(span, GK.inSentence), key=str):
            text = _first_literal(g, sentence, GK.text)
            if text:
                break
        text = text or _first_literal(g, span, GK.text)
        if text and text not in sentences:
            sentences.append(text)
        if len(sentences) >= limit:
            break
    return sentences


def project_graph(g: Graph, observations: bool = False) -> nx.MultiDiGraph:
    """Project a built govkg graph onto its domain entities and their relations.

    Node ids are IRI strings; nodes and edges are inserted sorted by IRI (edges by
    ``(source, target, predicate)``), so the result is the same for the same graph.

    >>> from rdflib import Graph, Literal
    >>> from rdflib.namespace import RDF, RDFS
    >>> from govkg.ontology.namespace import GK, ID
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

    summaries: dict[str, list[tuple[str, str]]] = defaultdict(list)
    indicator_statuses: dict[str, set[str]] = defaultdict(set)
    indicator_periods: dict[str, set[str]] = defaultdict(set)
    measures: dict[tuple[str, str], int] = defaultdict(int)
    obs_nodes: dict[str, dict[str, object]] = {}
    obs_edges: set[tuple[str, str, str]] = set()
    for obs in g.subjects(RDF.type, GK.Observation):
        statuses = sorted(_notation(g, s) for s in g.objects(obs, GK.status))
        period = _first_literal(g, obs, GK.period)
        indicators = sorted(str(i) for i in g.objects(obs, GK.indicator))
        scopes = sorted(str(s) for s in g.objects(obs, GK.scope))
        for indicator in indicators:
            summaries[indicator].append((str(obs), _observation_string(g, obs)))
            indicator_statuses[indicator].update(statuses)
            if period:
                indicator_periods[indicator].add(period)
            for scope in scopes:
                measures[(scope, indicator)] += 1
        if observations and isinstance(obs, URIRef):
            value = _first_literal(g, obs, GK.valueAsWritten) or _first_literal(g, obs, GK.value)
            unit = _first_literal(g, obs, GK.unitAsWritten)
            indicator_label = _label(g, URIRef(indicators[0])) if indicators else None
            quote = sorted(_first_literal(g, span, GK.text) or "" for span in g.objects(obs, GK.evidence))
            obs_nodes[str(obs)] = {
                "label": "".join(p for p in (value, unit) if p) or local_name(obs),
                "kind": "Observation",
                "value": value,
                "unit": unit,
                "period": period,
                "status": statuses[0] if statuses else None,
                "qualifier": _first_literal(g, obs, GK.qualifier),
                "indicator": indicator_label,
                "quote": quote[0] if quote else None,
                "evidence": _evidence_sentences(g, obs, 1),
            }
            for indicator in indicators:
                obs_edges.add((str(obs), indicator, INDICATOR_EDGE))
            for scope in scopes:
                obs_edges.add((scope, str(obs), OBSERVATION_EDGE))

    nodes: dict[str, dict[str, object]] = {}
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
            obs_list = sorted(summaries.get(iri, ()))
            attrs["observations"] = len(obs_list)
            attrs["observation_summary"] = [text for _, text in obs_list[:MAX_OBSERVATION_SUMMARY]]
            attrs["statuses"] = sorted(indicator_statuses.get(iri, ()))
            attrs["periods"] = sorted(indicator_periods.get(iri, ()))
        evidence = _evidence_sentences(g, node)
        if evidence:
            attrs["evidence"] = evidence
        nodes[iri] = attrs
    nodes.update(obs_nodes)
    for iri in sorted(nodes):
        view.add_node(iri, **nodes[iri])

    # --- edges ---
    edges: set[tuple[str, str, str]] = set()
    edge_evidence: dict[tuple[str, str, str], list[str]] = {}
    for prop in EDGE_PROPERTIES:
        name = _notation(g, prop)
        for s, o in g.subject_objects(prop):
            if str(s) in kinds and str(o) in kinds:
                edges.add((str(s), str(o), name))
        for assertion in g.subjects(RDF.predicate, prop):
            for s in g.objects(assertion, RDF.subject):
                for o in g.objects(assertion, RDF.object):
                    key = (str(s), str(o), name)
                    for sentence in _evidence_sentences(g, assertion, 1):
                        found = edge_evidence.setdefault(key, [])
                        if sentence not in found:
                            found.append(sentence)
    if observations:
        edges.update((u, v, p) for u, v, p in obs_edges if u in nodes and v in nodes)
    else:
        for (scope, indicator), count in measures.items():
            if scope in kinds and indicator in kinds:
                edges.add((scope, indicator, MEASURES))
    for u, v, name in sorted(edges):
        attrs: dict[str, object] = {"predicate": name}
        if name == MEASURES:
            attrs["observations"] = measures[(u, v)]
        if (u, v, name) in edge_evidence:
            attrs["evidence"] = sorted(edge_evidence[(u, v, name)])[:MAX_EVIDENCE]
        view.add_edge(u, v, key=name, **attrs)
    return view


# --- neighbourhoods (ego views, district filter) --------------------------------------------

#: Kinds a neighbourhood walk does not pass through: hubs that would pull in everything.
HUB_KINDS = frozenset({"City", "Province", "Country", "Region", "District"})
#: Kinds of a report's region and the divisions above a district (never members of a district's view).
REGION_KINDS = frozenset({"City", "Province", "Country", "Region"})


def neighbourhood(view: nx.MultiDiGraph, centre: str, radius: int = 2,
                  hubs: frozenset[str] = HUB_KINDS) -> list[str]:
    """Nodes within ``radius`` undirected steps of ``centre``, not walking through other hubs.

    The result is in the projection's node order.  Used for the per-district ego views and
    the district filter: for a District it holds its areas, projects (directly or via an
    area), foci, observations and their indicators, and the actions its projects implement.

    >>> v = nx.MultiDiGraph()
    >>> for n, k in [("c", "City"), ("d", "District"), ("e", "District"), ("p", "Project"), ("a", "Action")]:
    ...     v.add_node(n, kind=k, label=n)
    >>> _ = [v.add_edge(*e) for e in [("d", "c"), ("e", "c"), ("d", "p"), ("p", "a")]]
    >>> neighbourhood(v, "d")
    ['c', 'd', 'p', 'a']
    """
    seen = {centre: 0}
    frontier = [centre]
    for step in range(1, radius + 1):
        nxt = []
        for u in frontier:
            if u != centre and view.nodes[u].get("kind") in hubs:
                continue
            for w in sorted(set(view.successors(u)) | set(view.predecessors(u))):
                if w not in seen:
                    seen[w] = step
                    nxt.append(w)
        frontier = nxt
    return [n for n in view.nodes if n in seen]


def district_membership(view: nx.MultiDiGraph, radius: int = 2) -> dict[str, list[str]]:
    """For every node, the Districts (in node order) whose :func:`neighbourhood` holds it."""
    members: dict[str, list[str]] = {}
    for node, kind in view.nodes(data="kind"):
        if kind == "District":
            for other in neighbourhood(view, node, radius):
                if view.nodes[other].get("kind") in REGION_KINDS:
                    continue
                members.setdefault(other, []).append(node)
    return members


#: Predicates along which a part points at its whole (walked backwards for an action's tree).
PART_PREDICATES = frozenset({"implements", "part_of", "partOf"})


def action_neighbourhood(view: nx.MultiDiGraph, action: str) -> list[str]:
    """An Action, everything that implements it or is part of it (transitively), and the
    direct neighbours of those (places, targeted indicators, observations), in node order.

    >>> v = nx.MultiDiGraph()
    >>> for n, k in [("A", "Action"), ("a", "Action"), ("p", "Project"), ("d", "District"), ("x", "Action")]:
    ...     v.add_node(n, kind=k, label=n)
    >>> for u, w, p in [("a", "A", "part_of"), ("p", "a", "implements"), ("d", "p", "hosts"), ("x", "d", "o")]:
    ...     _ = v.add_edge(u, w, predicate=p)
    >>> action_neighbourhood(v, "A")
    ['A', 'a', 'p', 'd']
    """
    tree = {action}
    queue = deque([action])
    while queue:
        u = queue.popleft()
        for w, _, data in view.in_edges(u, data=True):
            if data.get("predicate") in PART_PREDICATES and w not in tree:
                tree.add(w)
                queue.append(w)
    members = set(tree)
    for u in tree:
        members.update(view.successors(u))
        members.update(view.predecessors(u))
    return [n for n in view.nodes if n in members]
