"""All the browsable views of one report: main view, ego views, and an index page with analyses.

:func:`write_views` writes, for report id ``rid`` into ``out_dir``::

    <rid>.html                      main view: every domain entity and observation
    <rid>-views/index.html          index: links to every view with counts, and analyses
    <rid>-views/district-<code>.html  one ego view per District (its neighbourhood)
    <rid>-views/action-<key>.html     one ego view per five-year action (level ten_actions)
    vis-network.min.js              the one copy of vis-network the views of every report in the folder share

Every page works offline (see :mod:`govkg.exporters.html`; the index page has
no script at all).  The analyses on the index page come from the same networkx projection
the views draw: most connected nodes (degree and betweenness centrality on the undirected
simple graph), connected components, and counts per district and per action.  Output is
deterministic; every file is written atomically, and ego views left over from an earlier
build (a district no longer mentioned) are removed.
"""
from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import networkx as nx
from rdflib import Graph

from ..fileio import write_output
from ..projection import action_neighbourhood, district_membership, local_name, neighbourhood, project_graph
from .html import KIND_STYLE, VIS_FILE, check_offline, content_security_policy, render_view, write_vis_js

#: Action level whose actions get an ego view each (the report's five-year "ten actions").
EGO_ACTION_LEVEL = "ten_actions"
#: How many nodes the "most connected" tables list.
TOP_N = 10

_EGO_FILE = re.compile(r"^(?:district|action)-[A-Za-z0-9_-]+\.html$")

INDEX_CSS = """
body { font-family: system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif;
  margin: 16px 24px; color: #222; max-width: 1100px; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.4em; }
table { border-collapse: collapse; margin: 6px 0; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 50%; margin-right: 4px;
  border: 1px solid #555; vertical-align: middle; }
.note { color: #555; font-size: 0.9em; }
"""


@dataclass
class ViewInfo:
    """One written view: its file, title, what it centres on and its size."""
    path: Path
    title: str
    kind: str  # "main", "District" or "Action"
    centre: str | None
    nodes: int
    edges: int
    name: str = ""  # the centre's label (ego views)


@dataclass
class ViewsResult:
    main: Path
    index: Path
    views: list[ViewInfo] = field(default_factory=list)


def _slug(iri: str) -> str:
    """A file-name-safe, stable key for a node: its IRI tail, or a short hash of the IRI."""
    tail = local_name(iri)
    if re.fullmatch(r"[A-Za-z0-9_-]{1,40}", tail):
        return tail
    return hashlib.sha1(iri.encode("utf-8")).hexdigest()[:12]


def induced(view: nx.MultiDiGraph, members: list[str]) -> nx.MultiDiGraph:
    """The subgraph on ``members``, nodes and edges in ``view``'s order (so output is stable)."""
    keep = set(members)
    sub = nx.MultiDiGraph()
    for node, data in view.nodes(data=True):
        if node in keep:
            sub.add_node(node, **data)
    for u, v, key, data in view.edges(keys=True, data=True):
        if u in keep and v in keep:
            sub.add_edge(u, v, key=key, **data)
    return sub


def _node_link(main_href: str, label: str) -> str:
    return f'<a href="{html.escape(main_href)}#node={quote(label, safe="")}">{html.escape(label)}</a>'


def _kind_cell(kind: str) -> str:
    color = KIND_STYLE.get(kind, ("#97c2fc", "dot"))[0]
    return f'<span class="swatch" style="background:{color}"></span>{html.escape(kind)}'


#: Betweenness is exact up to this many nodes, then estimated from this many sampled sources (fixed seed, so
#: the same graph gives the same ranking): exact betweenness is quadratic and cost a corpus build a fifth of its
#: time for a top-10 table.
BETWEENNESS_SAMPLE = 200


def _betweenness(simple: nx.Graph) -> dict:
    n = simple.number_of_nodes()
    if n <= 2:
        return {node: 0.0 for node in simple}
    if n <= BETWEENNESS_SAMPLE:
        return nx.betweenness_centrality(simple)
    return nx.betweenness_centrality(simple, k=BETWEENNESS_SAMPLE, seed=0)


def analyses(view: nx.MultiDiGraph) -> dict[str, object]:
    """Degree and betweenness rankings and component sizes of the undirected simple graph."""
    simple = nx.Graph()
    simple.add_nodes_from(view.nodes)
    simple.add_edges_from((u, v) for u, v in view.edges() if u != v)
    order = {node: i for i, node in enumerate(view.nodes)}
    degree = sorted(simple.degree, key=lambda item: (-item[1], order[item[0]]))[:TOP_N]
    between = _betweenness(simple)
    betweenness = sorted(between.items(), key=lambda item: (-round(item[1], 9), order[item[0]]))[:TOP_N]
    components = sorted((len(c) for c in nx.connected_components(simple)), reverse=True)
    return {"degree": degree, "betweenness": betweenness, "components": components}


def _table(headers: list[str], rows: list[list[str]], numeric: set[int] = frozenset()) -> str:
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "\n".join(
        "<tr>" + "".join(f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(row))
        + "</tr>" for row in rows)
    return f"<table>\n<tr>{head}</tr>\n{body}\n</table>"


def render_index(view: nx.MultiDiGraph, title: str, rid: str, views: list[ViewInfo],
                 members: dict[str, list[str]]) -> str:
    """The index page: links to every view with counts, and the analyses (no script)."""
    main_href = f"../{rid}.html"
    label = lambda n: str(view.nodes[n]["label"])  # noqa: E731
    kind = lambda n: str(view.nodes[n]["kind"])  # noqa: E731
    parts = [f"<h1>{html.escape(title)}</h1>",
             f'<p class="note">{view.number_of_nodes()} nodes, {view.number_of_edges()} edges. Every page here works '
             "offline; open the main view for the whole report, or an ego view for one district or action.</p>"]

    counts: dict[str, int] = {}
    for _, k in view.nodes(data="kind"):
        counts[k] = counts.get(k, 0) + 1
    order = [k for k in KIND_STYLE if k in counts] + sorted(k for k in counts if k not in KIND_STYLE)
    parts.append("<h2>Nodes per class</h2>")
    parts.append(_table(["class", "nodes"], [[_kind_cell(k), str(counts[k])] for k in order], {1}))

    parts.append("<h2>Views</h2>")
    rows = []
    for info in views:
        href = main_href if info.kind == "main" else info.path.name
        text = info.name or "whole report (main view)"
        rows.append([f'<a href="{html.escape(href)}">{html.escape(text)}</a>', html.escape(info.kind),
                     str(info.nodes), str(info.edges)])
    parts.append(_table(["view", "centred on", "nodes", "edges"], rows, {2, 3}))

    # per district
    ego = {info.centre: info.path.name for info in views if info.centre}
    district_rows = []
    for node, data in view.nodes(data=True):
        if data["kind"] != "District":
            continue
        near = [m for m, ds in members.items() if node in ds]
        obs = [m for m in view.successors(node) if kind(m) == "Observation"]
        statuses = [view.nodes[m].get("status") for m in obs]
        name = _node_link(main_href, label(node))
        if node in ego:
            name += f' · <a href="{html.escape(ego[node])}">ego view</a>'
        district_rows.append([
            name,
            str(sum(1 for m in near if kind(m) == "Project")),
            str(sum(1 for m in near if kind(m) == "FunctionalArea")),
            str(sum(1 for m in view.successors(node) if kind(m) == "Focus")),
            str(statuses.count("target")),
            str(statuses.count("actual")),
            str(len(near)),
        ])
    if district_rows:
        parts.append("<h2>Per district</h2>")
        parts.append('<p class="note">Projects and areas within two steps of the district (hosted, located in it '
                     "or in one of its areas); observations scoped to the district, by status.</p>")
        parts.append(_table(["district", "projects", "areas", "foci", "targets", "actuals", "nodes in view"],
                            district_rows, {1, 2, 3, 4, 5, 6}))

    # per action
    action_rows = []
    for info in views:
        if info.kind != "Action" or info.centre is None:
            continue
        near = action_neighbourhood(view, info.centre)
        action_rows.append([
            _node_link(main_href, label(info.centre)) + f' · <a href="{html.escape(info.path.name)}">ego view</a>',
            str(sum(1 for m in near if kind(m) == "Action") - 1),
            str(sum(1 for m in near if kind(m) == "Project")),
            str(sum(1 for m in near if kind(m) in ("Indicator", "Observation"))),
            str(sum(1 for m in near if kind(m) in ("District", "FunctionalArea"))),
        ])
    if action_rows:
        parts.append("<h2>Per five-year action</h2>")
        parts.append('<p class="note">Sub-actions and projects that implement or are part of the action '
                     "(transitively); indicators, observations and places one step from those.</p>")
        parts.append(_table(["action", "sub-actions", "projects", "indicators & observations", "places"],
                            action_rows, {1, 2, 3, 4}))

    stats = analyses(view)
    parts.append("<h2>Most connected</h2>")
    parts.append('<p class="note">On the undirected graph of the main view. Degree: number of neighbours. '
                 "Betweenness: share of shortest paths passing through the node (normalised).</p>")
    parts.append(_table(["node", "class", "degree"],
                        [[_node_link(main_href, label(n)), _kind_cell(kind(n)), str(d)] for n, d in stats["degree"]],
                        {2}))
    parts.append(_table(["node", "class", "betweenness"],
                        [[_node_link(main_href, label(n)), _kind_cell(kind(n)), f"{b:.4f}"]
                         for n, b in stats["betweenness"]], {2}))
    components = stats["components"]
    parts.append("<h2>Components</h2>")
    parts.append(f"<p>{len(components)} connected components; largest sizes: "
                 f"{', '.join(str(c) for c in components[:8])}; "
                 f"{sum(1 for c in components if c == 1)} isolated nodes.</p>")

    page = (
        "<!DOCTYPE html>\n"
        '<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy([])}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{html.escape(title)}</title>\n<style>{INDEX_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(parts) + "\n</body>\n</html>\n"
    )
    check_offline(page)
    return page


def write_views(g: Graph, out_dir: Path, rid: str, title: str) -> ViewsResult:
    """Write the main view, the ego views and the index page of one report (see module doc)."""
    out_dir = Path(out_dir)
    view = project_graph(g, observations=True)
    members = district_membership(view)
    views_dir = out_dir / f"{rid}-views"
    main_path = out_dir / f"{rid}.html"
    index_path = views_dir / "index.html"

    main_page = render_view(view, title, nav=[(f"{views_dir.name}/index.html", "Index, ego views & analyses")],
                            districts=members, vis_src=VIS_FILE, collapse=True)
    infos = [ViewInfo(main_path, title, "main", None, view.number_of_nodes(), view.number_of_edges())]
    pages: list[tuple[Path, str]] = []
    nav = [("index.html", "Index"), (f"../{main_path.name}", "Main view")]
    for node, data in view.nodes(data=True):
        if data["kind"] == "District":
            members_of, prefix, note = neighbourhood(view, node), "district", "Ego view: everything within two steps"
        elif data["kind"] == "Action" and data.get("level") == EGO_ACTION_LEVEL:
            members_of, prefix, note = action_neighbourhood(view, node), "action", \
                "Ego view: the action, what implements it or is part of it, and their neighbours"
        else:
            continue
        sub = induced(view, members_of)
        ego_title = f"{data['label']} · {title}"
        path = views_dir / f"{prefix}-{_slug(node)}.html"
        sub_members = {n: [d for d in ds if d in sub] for n, ds in members.items() if n in sub}
        pages.append((path, render_view(sub, ego_title, nav=nav, note=f"{note} of {data['label']}.",
                                        districts=sub_members, vis_src=f"../{VIS_FILE}")))
        infos.append(ViewInfo(path, ego_title, data["kind"], node, sub.number_of_nodes(), sub.number_of_edges(),
                              str(data["label"])))
    index_page = render_index(view, f"{title} · index", rid, infos, members)

    try:
        views_dir.mkdir(exist_ok=True)
    except OSError as e:
        from ..errors import GovkgError
        raise GovkgError(f"{views_dir}: cannot create views folder ({e.strerror or e})") from None
    write_vis_js(out_dir)  # one copy for every view of every report in this folder
    write_output(main_path, main_page.encode("utf-8"), "HTML view")
    for path, page in pages:
        write_output(path, page.encode("utf-8"), "HTML view")
    write_output(index_path, index_page.encode("utf-8"), "HTML index")
    written = {path.name for path, _ in pages}
    for stale in sorted(views_dir.iterdir()):
        if _EGO_FILE.match(stale.name) and stale.name not in written:
            try:
                stale.unlink()
            except OSError:
                pass
    return ViewsResult(main_path, index_path, infos)


def synthetic_view(n_nodes: int = 3000, seed: int = 2023) -> nx.MultiDiGraph:
    """A report-shaped projection with ``n_nodes`` nodes, for benchmarks and load tests.

    One city, 16 districts, functional areas, a tree of actions (10 five-year actions and
    their tasks and programmes), projects implementing actions and located in districts or
    areas, indicators and observations (target/actual, 2023 or 2018-2022) scoped to places.
    Deterministic for a given ``seed``.

    >>> v = synthetic_view(300)
    >>> v.number_of_nodes(), v.number_of_edges() > 250
    (300, True)
    """
    import random

    rnd = random.Random(seed)
    view = nx.MultiDiGraph()
    counts = {"District": 16, "FunctionalArea": max(1, n_nodes // 60), "Focus": max(1, n_nodes // 100),
              "Indicator": max(1, n_nodes // 12)}
    rest = n_nodes - 1 - sum(counts.values())
    counts["Action"] = max(10, rest * 3 // 10)
    counts["Project"] = max(1, rest * 3 // 10)
    counts["Observation"] = max(0, rest - counts["Action"] - counts["Project"])
    ids: dict[str, list[str]] = {}

    def add(kind: str, i: int, **attrs) -> str:
        node = f"urn:synthetic:{kind}/{i:05d}"
        view.add_node(node, kind=kind, **attrs)
        ids.setdefault(kind, []).append(node)
        return node

    city = add("City", 0, label="某市")
    for i in range(counts["District"]):
        d = add("District", i, label=f"第{i + 1}区", evidence=[f"第{i + 1}区要聚焦主导产业，加快发展。"])
        view.add_edge(d, city, key="located_in", predicate="located_in")
    for i in range(counts["FunctionalArea"]):
        a = add("FunctionalArea", i, label=f"功能区{i + 1}")
        d = rnd.choice(ids["District"])
        view.add_edge(a, d, key="located_in", predicate="located_in")
    for i in range(counts["Focus"]):
        f = add("Focus", i, label=f"产业{i + 1}")
        view.add_edge(rnd.choice(ids["District"]), f, key="focuses_on", predicate="focuses_on")
    for i in range(counts["Action"]):
        level = "ten_actions" if i < 10 else "task" if i < 60 else "program"
        a = add("Action", i, label=f"行动{i + 1}", level=level, evidence=[f"实施行动{i + 1}。"])
        if i >= 10:
            parent = ids["Action"][rnd.randrange(0, 10 if i < 60 else 60)]
            view.add_edge(a, parent, key="part_of", predicate="part_of")
    for i in range(counts["Project"]):
        stage = rnd.choice(["start", "complete", "accelerate"])
        p = add("Project", i, label=f"重点项目{i + 1}", stages=[stage], stage_periods=[f"{stage} 2023"],
                evidence=[f"加快建设重点项目{i + 1}。"])
        view.add_edge(p, rnd.choice(ids["Action"]), key="implements", predicate="implements")
        place = rnd.choice(ids["District"] + ids["FunctionalArea"])
        view.add_edge(p, place, key="located_in", predicate="located_in")
    for i in range(counts["Indicator"]):
        add("Indicator", i, label=f"指标{i + 1}", observations=0, observation_summary=[], statuses=[], periods=[])
    for i in range(counts["Observation"]):
        status = rnd.choice(["target", "actual"])
        period = "2023" if status == "target" else rnd.choice(["2022", "2018-2022"])
        indicator = rnd.choice(ids["Indicator"])
        value = str(rnd.randint(1, 999))
        o = add("Observation", i, label=f"{value}%", value=value, unit="%", period=period, status=status,
                qualifier=None, indicator=view.nodes[indicator]["label"], quote=f"增长{value}%",
                evidence=[f"{view.nodes[indicator]['label']}增长{value}%。"])
        data = view.nodes[indicator]
        data["observations"] += 1
        data["statuses"] = sorted(set(data["statuses"]) | {status})
        data["periods"] = sorted(set(data["periods"]) | {period})
        scope = rnd.choice([city] + ids["District"] + ids["Project"][:50])
        view.add_edge(scope, o, key="observation", predicate="observation")
        view.add_edge(o, indicator, key="indicator", predicate="indicator")
    return view
