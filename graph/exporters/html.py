"""An interactive, self-contained HTML view of a built graph (pyvis / vis-network).

:func:`write_html` renders the domain view from :func:`graph.projection.project_graph`
into ONE HTML file that a browser shows with no network at all:

* vis-network's JS and CSS are inlined from the copy shipped inside the ``pyvis`` package
  (its ``in_line`` mode); the Bootstrap ``<link>``/``<script>`` tags pyvis's template pulls
  from a CDN are cut from the template before rendering, and the result is checked: a
  ``src``/``href``/``url(`` pointing at ``http(s)://`` or ``//`` raises instead of writing.
* No IRI goes into the file: vis node ids are the integers 0..n-1 in the projection's
  (IRI-sorted) order; labels and tooltips are built from ``rdfs:label`` and notations.
* Report text is untrusted.  Tooltips are plain text: vis-network 9 (the version pyvis
  ships) sets a string ``title`` with ``innerText``; pyvis's alternative popup, which uses
  ``innerHTML``, is switched off.  Node/edge data goes through Jinja's ``tojson``, which
  escapes ``<``, ``>``, ``&`` and ``'``, so no ``</script>`` can end the data early; the
  heading and legend are ``html.escape``\\ d.
* The output is byte-for-byte the same for the same graph (sorted projection, sorted JSON
  keys, a fixed ``layout.randomSeed`` so even the browser layout repeats).
* The file is written to a temporary file in the target folder and moved over the target
  with :func:`os.replace`: a failed write leaves any previous file untouched.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import networkx as nx
from pyvis.network import Network
from rdflib import Graph

from ..fileio import write_output
from ..projection import MEASURES, project_graph

#: Colour and vis shape per node kind (the legend lists them in this order).
KIND_STYLE: dict[str, tuple[str, str]] = {
    "City": ("#7f3c8d", "diamond"),
    "District": ("#1f77b4", "dot"),
    "FunctionalArea": ("#17becf", "dot"),
    "ExternalPlace": ("#8c8c8c", "dot"),
    "Project": ("#ff7f0e", "box"),
    "Action": ("#2ca02c", "ellipse"),
    "Indicator": ("#d62728", "triangle"),
    "Focus": ("#bcbd22", "star"),
}
_DEFAULT_STYLE = ("#97c2fc", "dot")
_MEASURES_COLOR = "#e8a0a0"

#: vis-network options (physics on, stabilised before the first draw, fixed seed).
VIS_OPTIONS: dict[str, object] = {
    "layout": {"randomSeed": 20230117, "improvedLayout": True},
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "springConstant": 0.06},
        "stabilization": {"enabled": True, "iterations": 1000, "updateInterval": 50, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    "nodes": {"font": {"size": 14}},
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
        "font": {"size": 10, "align": "middle"},
        "color": {"inherit": False},
        "smooth": {"enabled": True, "type": "dynamic"},
    },
}

# A reference a browser would fetch from the network: src=/href= or CSS url() with an
# absolute http(s) URL or a protocol-relative one.
EXTERNAL_REF = re.compile(
    r"""(?:\b(?:src|href)\s*=\s*["']?|\burl\(\s*["']?)\s*(?:https?:)?//""",
    re.IGNORECASE,
)

_HEADER_CSS = """
body { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 8px; }
.govkg-header h1 { font-size: 1.4em; margin: 4px 0; }
.govkg-legend { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
.govkg-legend .swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 50%;
  margin-right: 4px; vertical-align: middle; border: 1px solid #555; }
.govkg-summary { color: #555; font-size: 0.9em; margin: 2px 0 6px; }
.vis-tooltip { white-space: pre-line; max-width: 480px; }
"""


def _node_tooltip(data: dict) -> str:
    """Plain text (never HTML) shown on hover."""
    lines = [str(data["label"]), str(data["kind"])]
    if data.get("stage_periods"):
        lines.append("stages: " + ", ".join(data["stage_periods"]))
    elif data.get("stages"):
        lines.append("stages: " + ", ".join(data["stages"]))
    if data.get("level"):
        lines.append(f"level: {data['level']}")
    if "observations" in data:
        lines.append(f"observations: {data['observations']}")
        lines.extend(f"  {text}" for text in data.get("observation_summary", []))
        if data["observations"] > len(data.get("observation_summary", [])):
            lines.append("  …")
    return "\n".join(lines)


def _edge_tooltip(view: nx.MultiDiGraph, u: str, v: str, data: dict) -> str:
    text = f"{view.nodes[u]['label']} —{data['predicate']}→ {view.nodes[v]['label']}"
    if "observations" in data:
        text += f"\n{data['observations']} observation(s)"
    return text


def build_network(view: nx.MultiDiGraph) -> Network:
    """A pyvis ``Network`` for a projection: integer ids, plain-text tooltips, colour by kind."""
    net = Network(height="780px", width="100%", directed=True, cdn_resources="in_line", heading="")
    index = {iri: i for i, iri in enumerate(view.nodes)}
    for iri, data in view.nodes(data=True):
        color, shape = KIND_STYLE.get(data["kind"], _DEFAULT_STYLE)
        net.add_node(
            index[iri],
            label=str(data["label"]),
            title=_node_tooltip(data),
            color=color,
            shape=shape,
            kind=data["kind"],
        )
    for u, v, data in view.edges(data=True):
        extra = {"dashes": True, "color": _MEASURES_COLOR} if data["predicate"] == MEASURES else {}
        net.add_edge(
            index[u],
            index[v],
            label=data["predicate"],
            title=_edge_tooltip(view, u, v, data),
            **extra,
        )
    net.options = VIS_OPTIONS
    return net


def _offline_template_source(net: Network) -> str:
    """pyvis's template without its CDN links, comments and ``{{heading}}`` blocks."""
    source, _, _ = net.templateEnv.loader.get_source(net.templateEnv, net.path)
    source = re.sub(r"<!--.*?-->", "", source, flags=re.DOTALL)
    # <link ... href="https://..."> and <script src="https://..."></script> (Bootstrap, CDN vis)
    source = re.sub(r"<link\b[^>]*?\bhref\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>", "", source, flags=re.I)
    source = re.sub(
        r"<script\b[^>]*?\bsrc\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>\s*</script>", "", source, flags=re.I
    )
    source = re.sub(r"<center>\s*<h1>\s*\{\{\s*heading\s*\}\}\s*</h1>\s*</center>", "", source)
    if "<body>" not in source or "<html>" not in source:
        raise RuntimeError(f"unexpected pyvis template {net.path!r}: no <html>/<body> to attach the header")
    source = source.replace("<html>", '<!DOCTYPE html>\n<html lang="zh">', 1)
    source = source.replace("</head>", "<style>{{ govkg_css }}</style>\n<title>{{ govkg_title }}</title>\n</head>", 1)
    source = source.replace("<body>", "<body>\n{{ govkg_header|safe }}", 1)
    return source


def _header_html(view: nx.MultiDiGraph, title: str) -> str:
    counts: dict[str, int] = {}
    for _, kind in view.nodes(data="kind"):
        counts[kind] = counts.get(kind, 0) + 1
    order = [k for k in KIND_STYLE if k in counts] + sorted(k for k in counts if k not in KIND_STYLE)
    items = []
    for kind in order:
        color = KIND_STYLE.get(kind, _DEFAULT_STYLE)[0]
        items.append(
            f'<li><span class="swatch" style="background:{color}"></span>'
            f"{html.escape(kind)} ({counts[kind]})</li>"
        )
    items.append(
        f'<li><span class="swatch" style="background:{_MEASURES_COLOR};border-radius:0;height:0.2em"></span>'
        f"{MEASURES} (dashed: observation scope → indicator)</li>"
    )
    return (
        '<header class="govkg-header">\n'
        f"<h1>{html.escape(title)}</h1>\n"
        '<ul class="govkg-legend">\n' + "\n".join(items) + "\n</ul>\n"
        f'<p class="govkg-summary">{view.number_of_nodes()} nodes, {view.number_of_edges()} edges. '
        "Hover for details; click a node to highlight its neighbours.</p>\n"
        "</header>"
    )


def render_html(g: Graph, title: str) -> str:
    """The complete self-contained HTML page for ``g`` (see the module docstring)."""
    view = project_graph(g)
    net = build_network(view)
    env = net.templateEnv
    # sorted keys for determinism; real characters (not \\uXXXX) so labels stay searchable.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    template = env.from_string(_offline_template_source(net))
    page = template.render(
        height=net.height,
        width=net.width,
        nodes=net.nodes,
        edges=net.edges,
        heading="",
        options=json.dumps(VIS_OPTIONS, sort_keys=True),
        physics_enabled=True,
        use_DOT=False,
        dot_lang="",
        widget=False,
        bgcolor=net.bgcolor,
        conf=False,
        tooltip_link=False,  # pyvis's link popup uses innerHTML: never with report text
        neighborhood_highlight=True,
        select_menu=False,  # needs tom-select; not worth the extra inlined weight
        filter_menu=False,
        notebook=False,
        cdn_resources="in_line",
        govkg_css=_HEADER_CSS,
        govkg_title=html.escape(title),
        govkg_header=_header_html(view, title),
    )
    external = EXTERNAL_REF.search(page)
    if external:
        start = max(0, external.start() - 40)
        raise RuntimeError(f"HTML view would load a network resource: {page[start:external.end() + 40]!r}")
    if "new vis.Network" not in page:
        raise RuntimeError("HTML view has no inlined vis-network code")
    return page


def write_html(g: Graph, path: Path, title: str) -> None:
    """Render ``g``'s domain view as one offline HTML file at ``path`` (atomically).

    Raises :class:`~graph.errors.GovkgError` when the file cannot be written (missing or
    read-only folder); an existing file at ``path`` is then left as it was.
    """
    write_output(Path(path), render_html(g, title).encode("utf-8"), "HTML view")
