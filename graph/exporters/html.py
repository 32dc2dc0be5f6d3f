"""Interactive, self-contained HTML views of a built graph (pyvis / vis-network).

:func:`render_view` turns a domain projection (:func:`govkg.projection.project_graph`, with
observations as nodes) into ONE HTML file a browser shows with no network at all;
:func:`write_html` does that for a whole RDF graph (the report's main view).  The index page
and the ego views per district and per action are in :mod:`govkg.exporters.views`.

* **Built with pyvis, rendered with our own page.**  Nodes and edges go through a pyvis
  ``Network`` (colour and shape per class, size by degree, plain-text ``title``); the page
  around them is ours, not pyvis's template, which links Bootstrap from a CDN and writes its
  heading unescaped.  vis-network's JS comes from the copy shipped in the ``pyvis`` package:
  inlined into a stand-alone page, or one copy per folder of views (``vis-network.min.js``,
  referenced by relative path, so it works from ``file://``); a few lines of CSS replace vis-network's stylesheet.  Before writing, the page is
  checked: any ``src``/``href``/``url(`` pointing at ``http(s)://`` or ``//`` raises.
* **Safe.**  Report text is data.  It reaches the page (1) HTML-escaped in the header, the
  legend and the ``<option>`` lists; (2) as JSON inside ``<script type="application/json">``
  with ``<``, ``>``, ``&``, U+2028/9 written as ``\\uXXXX`` so nothing can close the block;
  (3) in the browser only through ``textContent``/``innerText`` and canvas text (vis-network
  9 sets a string tooltip with ``innerText``; the page never assigns ``innerHTML``).  A
  Content-Security-Policy ``<meta>`` allows only the page's own scripts (by SHA-256, and the
  shared vis-network file of its own folder), no connections and no remote images or styles, so even a slip could neither run an
  injected handler nor leave the machine.
* **Large graphs stay usable.**  Positions are computed here (:func:`layout_positions`: a
  radial tree per connected component, components packed in rows — linear time).  Graphs up
  to :data:`PHYSICS_NODE_LIMIT` nodes then get a short, bounded physics stabilisation in the
  browser (at most :data:`STABILIZATION_ITERATIONS`, fewer for bigger graphs), after which
  physics is switched off; larger graphs are drawn at the computed positions with physics off
  from the start (3,000 nodes: interactive in well under 3 s).
* **Browsable.**  A search box (with the node names as suggestions) selects and focuses the
  best match (exact name, then prefix, then substring; higher degree first) and shows its
  details; class check boxes in the legend, and status, period and district selects hide
  what does not match; clicking a node lists its details, evidence sentence and neighbours.
  ``#node=NAME`` in the URL searches on load.  ``window.govkg`` exposes the network, the data
  sets, ``search()``, ``applyFilters()`` and ``ready``/``readyMs`` (load-to-interactive).
* **Deterministic.**  Same projection → same bytes (sorted projection, sorted JSON keys,
  integer positions computed in a fixed order; no IRI is written, vis ids are 0..n-1).
* Files are written atomically (:func:`govkg.fileio.write_output`).
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import re
from collections import deque
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import networkx as nx
import pyvis
from pyvis.network import Network
from rdflib import Graph

from ..fileio import write_output
from ..projection import INDICATOR_EDGE, MEASURES, OBSERVATION_EDGE, district_membership, project_graph

#: Colour and vis shape per node kind (the legend lists them in this order).  Every shape
#: here is one whose size vis-network scales (so node size can follow degree).
KIND_STYLE: dict[str, tuple[str, str]] = {
    "Country": ("#5b1f6b", "diamond"),
    "Province": ("#6a2c7d", "diamond"),
    "City": ("#7f3c8d", "diamond"),
    "Region": ("#7f3c8d", "diamond"),
    "District": ("#1f77b4", "dot"),
    "FunctionalArea": ("#17becf", "dot"),
    "ExternalPlace": ("#8c8c8c", "dot"),
    "Project": ("#ff7f0e", "square"),
    "Action": ("#2ca02c", "hexagon"),
    "Indicator": ("#d62728", "triangle"),
    "Observation": ("#e377c2", "triangleDown"),
    "Focus": ("#bcbd22", "star"),
}
_DEFAULT_STYLE = ("#97c2fc", "dot")
_EDGE_COLOR = "#9a9a9a"
_OBSERVATION_EDGE_COLOR = "#e8a0c8"

#: Up to this many nodes the browser runs a bounded physics stabilisation (then stops it);
#: above it the computed layout is drawn as is.
PHYSICS_NODE_LIMIT = 1000
#: Stabilisation iterations at most (bounded: the page is interactive once they are done) ...
STABILIZATION_ITERATIONS = 150
#: ... and at most this many node-iterations in all, so that bigger graphs get fewer
#: iterations (~1 s of physics in headless Chromium; the layout starts from good positions).
STABILIZATION_BUDGET = 60_000
#: Displayed labels are cut to this many characters (the tooltip has the full name).
MAX_LABEL = 24
#: Evidence sentences are cut to this many characters in tooltips.
MAX_EVIDENCE_CHARS = 240

_SPACING = 70  # minimum distance between neighbours on a ring (layout units ~ CSS px at scale 1)
_RING_STEP = 150
RING_BASE = _RING_STEP // 2  # a ring of observations round its indicator starts this far out

# A reference a browser would fetch from the network: src=/href= or CSS url() with an
# absolute http(s) URL or a protocol-relative one.
EXTERNAL_REF = re.compile(
    r"""(?:\b(?:src|href)\s*=\s*["']?|\burl\(\s*["']?)\s*(?:https?:)?//""",
    re.IGNORECASE,
)

_VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"

PAGE_CSS = """
* { box-sizing: border-box; }
body { font-family: system-ui, "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", sans-serif;
  margin: 0; color: #222; }
.govkg-header { padding: 6px 12px; border-bottom: 1px solid #ddd; background: #fafafa; }
.govkg-header h1 { font-size: 1.3em; margin: 2px 0; }
.govkg-nav { font-size: 0.9em; }
.govkg-nav a { margin-right: 12px; }
.govkg-legend { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 2px 14px; }
.govkg-legend label { cursor: pointer; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 50%; margin: 0 4px;
  vertical-align: middle; border: 1px solid #555; }
.govkg-summary { color: #555; font-size: 0.9em; margin: 2px 0; }
.govkg-controls { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; font-size: 0.95em; }
.govkg-controls input[type=search] { width: 18em; }
#govkg-search-status, #govkg-visible { color: #555; font-size: 0.9em; }
.govkg-main { display: flex; height: calc(100vh - 150px); min-height: 420px; }
#govkg-network { flex: 1 1 auto; position: relative; border-right: 1px solid #ddd; min-width: 0; }
#govkg-details { flex: 0 0 340px; overflow: auto; padding: 8px 12px; font-size: 0.9em; }
#govkg-details h2 { font-size: 1.1em; margin: 4px 0; }
#govkg-details pre { white-space: pre-wrap; font-family: inherit; margin: 4px 0; }
#govkg-details ul { padding-left: 1.2em; }
#govkg-details button { background: none; border: none; color: #0645ad; cursor: pointer; padding: 0;
  text-align: left; font: inherit; }
.vis-network:focus { outline: none; }
div.vis-tooltip { position: absolute; visibility: hidden; padding: 5px 7px; white-space: pre-line;
  max-width: 480px; font-size: 13px; color: #000; background: #f5f4ed; border: 1px solid #808074;
  border-radius: 3px; box-shadow: 3px 3px 10px rgba(0, 0, 0, 0.2); pointer-events: none; z-index: 5; }
"""

APP_JS = r"""
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("govkg-data").textContent);
  var byId = {};
  DATA.nodes.forEach(function (n) { byId[n.id] = n; });
  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var container = document.getElementById("govkg-network");
  var physics = !!DATA.options.physics.enabled;
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, DATA.options);
  var hidden = {};
  DATA.nodes.forEach(function (n) { if (n.hidden) { hidden[n.id] = true; } });
  var expanded = {};  // indicator id -> true while its collapsed observations are shown
  var members = {};   // indicator id -> its collapsed observations
  DATA.nodes.forEach(function (n) { if (n.o !== undefined) { (members[n.o] = members[n.o] || []).push(n.id); } });
  var summaries = DATA.edges.filter(function (e) { return e.sum !== undefined; });
  var api = window.govkg = {network: network, nodes: nodes, edges: edges, data: DATA,
                            ready: false, readyMs: null, visible: DATA.nodes.length};
  var stable = !physics;

  function markReady() {
    if (api.ready) { return; }
    api.ready = true;
    api.readyMs = Math.round(performance.now());
    document.body.setAttribute("data-ready", "1");
    var q = location.hash.match(/^#node=(.+)$/);
    if (q) { api.search(decodeURIComponent(q[1])); }
  }
  network.on("afterDrawing", function () { if (stable) { markReady(); } });
  if (physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      stable = true;
      network.fit({animation: false});
    });
  } else {
    network.fit({animation: false});
  }

  function el(id) { return document.getElementById(id); }
  function add(parent, tag, text) {
    var e = document.createElement(tag);
    if (text !== undefined) { e.textContent = text; }
    parent.appendChild(e);
    return e;
  }

  // --- details panel (text only) ---
  var details = el("govkg-details");
  function focusNode(id) {
    if (hidden[id]) { api.resetFilters(); }
    if (hidden[id] && byId[id].o !== undefined) { api.expand(byId[id].o, true); }
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: false});
    showDetails(id);
  }
  function showDetails(id) {
    var n = byId[id];
    if (!n) { return; }
    details.textContent = "";
    add(details, "h2", n.name);
    add(details, "pre", n.title);
    if (members[id]) {
      var toggle = add(details, "button", (expanded[id] ? "collapse its " : "show its ") + members[id].length
                       + " observation(s)");
      toggle.type = "button";
      toggle.addEventListener("click", function () { api.expand(id); showDetails(id); });
    }
    var neighbours = network.getConnectedNodes(id);
    if (neighbours.length) {
      add(details, "h3", "Connected (" + neighbours.length + ")");
      var ul = add(details, "ul");
      neighbours.map(function (m) { return byId[m]; })
        .sort(function (a, b) { return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.id - b.id; })
        .forEach(function (m) {
          var li = add(ul, "li");
          var b = add(li, "button", m.name);
          b.type = "button";
          add(li, "span", " · " + m.kind);
          b.addEventListener("click", function () { focusNode(m.id); });
        });
    }
  }
  api.showDetails = showDetails;
  network.on("click", function (params) {
    if (!params.nodes.length) { return; }
    var id = params.nodes[0];
    if (members[id] && !expanded[id]) { api.expand(id, true); }
    showDetails(id);
  });

  // --- search ---
  var names = el("govkg-names");
  var seen = {};
  DATA.nodes.forEach(function (n) {
    if (!seen[n.name]) { seen[n.name] = true; add(names, "option").value = n.name; }
  });
  var status = el("govkg-search-status");
  api.find = function (query) {
    var q = String(query).trim().toLowerCase();
    if (!q) { return null; }
    var best = null, bestRank = 9;
    DATA.nodes.forEach(function (n) {
      var l = n.name.toLowerCase();
      var rank = l === q ? 0 : l.indexOf(q) === 0 ? 1 : l.indexOf(q) >= 0 ? 2 : 9;
      if (rank < bestRank || (rank === bestRank && rank < 9 && n.deg > best.deg)) { best = n; bestRank = rank; }
    });
    return best;
  };
  api.search = function (query) {
    var n = api.find(query);
    if (!n) { status.textContent = "no node matches \u201c" + String(query).trim() + "\u201d"; return null; }
    focusNode(n.id);
    status.textContent = "found: " + n.name + " (" + n.kind + ")";
    return n.id;
  };
  el("govkg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    api.search(el("govkg-search").value);
  });

  // --- filters ---
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-kind]"));
  var statusSel = el("govkg-status"), periodSel = el("govkg-period"), districtSel = el("govkg-district");
  var visibleEl = el("govkg-visible");
  api.applyFilters = function (fit) {
    var kinds = {};
    boxes.forEach(function (b) { kinds[b.getAttribute("data-kind")] = b.checked; });
    var st = statusSel.value, pe = periodSel.value, di = districtSel.value;
    var updates = [], shown = [], opened = {};
    var allObservations = kinds.Observation !== false || !!st || !!pe;
    DATA.nodes.forEach(function (n) {
      var show = n.o !== undefined ? allObservations || !!expanded[n.o] : kinds[n.kind] !== false;
      if (show && st && n.s) { show = n.s.indexOf(st) >= 0; }
      if (show && pe && n.p) { show = n.p.indexOf(pe) >= 0; }
      if (show && di !== "") { show = !!n.d && n.d.indexOf(+di) >= 0; }
      if (show) { shown.push(n.id); }
      if (!hidden[n.id] !== show) {
        hidden[n.id] = !show;
        updates.push({id: n.id, hidden: !show});
        if (show && n.o !== undefined) { opened[n.o] = true; }
      }
    });
    Object.keys(opened).forEach(function (i) { updates.push.apply(updates, ring(+i)); });
    if (updates.length) { nodes.update(updates); }
    edges.update(summaries.map(function (e) {
      return {id: e.id, hidden: allObservations || !!expanded[e.sum]};
    }));
    api.visible = shown.length;
    visibleEl.textContent = shown.length + " of " + DATA.nodes.length + " nodes shown";
    if (fit && shown.length) { network.fit({nodes: shown, animation: false}); }
    return shown.length;
  };
  // an indicator's observations in a ring round where it is now (physics may have moved it)
  function ring(indicator) {
    var p = network.getPosition(indicator), ids = members[indicator];
    var r = DATA.ring[0] + DATA.ring[1] * ids.length / (2 * Math.PI);  // as ring_radius()
    return ids.map(function (m, k) {
      var a = 2 * Math.PI * k / ids.length;
      return {id: m, x: Math.round(p.x + r * Math.cos(a)), y: Math.round(p.y + r * Math.sin(a))};
    });
  }
  api.expand = function (indicator, open) {
    if (!members[indicator]) { return false; }
    expanded[indicator] = open === undefined ? !expanded[indicator] : !!open;
    api.applyFilters(false);
    return expanded[indicator];
  };
  api.resetFilters = function () {
    expanded = {};
    boxes.forEach(function (b) { b.checked = b.defaultChecked; });
    statusSel.value = ""; periodSel.value = ""; districtSel.value = "";
    return api.applyFilters(true);
  };
  boxes.forEach(function (b) { b.addEventListener("change", function () { api.applyFilters(false); }); });
  statusSel.addEventListener("change", function () { api.applyFilters(false); });
  periodSel.addEventListener("change", function () { api.applyFilters(false); });
  districtSel.addEventListener("change", function () { api.applyFilters(true); });
  el("govkg-reset").addEventListener("click", function () { api.resetFilters(); });
  api.applyFilters(false);
})();
"""


@lru_cache(maxsize=1)
def vis_js() -> str:
    """vis-network 9.1.2 as shipped inside the pyvis package (inlined into every view)."""
    return (_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")


#: The file name of the one copy of vis-network a folder of views shares.
VIS_FILE = "vis-network.min.js"


def write_vis_js(folder: Path) -> Path:
    """The shared copy of vis-network in `folder` (written only when missing or different)."""
    path = Path(folder) / VIS_FILE
    code = vis_js().encode("utf-8")
    try:
        if path.read_bytes() == code:
            return path
    except OSError:
        pass
    write_output(path, code, "vis-network script")
    return path


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(scripts: Iterable[str], local_files: bool = False) -> str:
    """A CSP allowing exactly ``scripts`` (inline, by hash) — and with ``local_files`` the page's own folder's
    files (``'self'`` when served, ``file:`` when opened from disk) —, inline styles and data: images."""
    sources = [_csp_hash(s) for s in scripts] + (["'self'", "file:"] if local_files else [])
    script_src = f"script-src {' '.join(sources)}" if sources else "script-src 'none'"
    return (f"default-src 'none'; {script_src}; style-src 'unsafe-inline'; img-src data: blob:; "
            "font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'")


def safe_json(value: object) -> str:
    """JSON safe inside ``<script>``: sorted keys, real CJK characters, ``<>&`` and U+2028/9 escaped."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


#: Data blocks: inert JSON the page's script reads (report text may hold anything, e.g. ` src=//…`).
DATA_BLOCK = re.compile(r'<script type="application/json"[^>]*>.*?</script>', re.S)


def check_offline(page: str) -> None:
    """Raise if ``page``'s own markup references anything on the network (data blocks are not markup).

    >>> check_offline('<script type="application/json" id="d">{"t": " src=//x url(http://y)"}</script>')
    >>> check_offline('<img src="//x.example/a.png">')
    Traceback (most recent call last):
    RuntimeError: HTML view would load a network resource: '<img src="//x.example/a.png">'
    """
    page = DATA_BLOCK.sub("", page)
    external = EXTERNAL_REF.search(page)
    if external:
        start = max(0, external.start() - 40)
        raise RuntimeError(f"HTML view would load a network resource: {page[start:external.end() + 40]!r}")


# --- layout ------------------------------------------------------------------------------


def _undirected(view: nx.MultiDiGraph) -> tuple[list, dict[object, list[int]]]:
    order = list(view.nodes)
    index = {n: i for i, n in enumerate(order)}
    adj: dict[int, set[int]] = {i: set() for i in range(len(order))}
    for u, v in view.edges():
        if u != v:
            adj[index[u]].add(index[v])
            adj[index[v]].add(index[u])
    return order, {i: sorted(nbrs) for i, nbrs in adj.items()}


def layout_positions(view: nx.MultiDiGraph) -> dict[object, tuple[int, int]]:
    """Deterministic integer positions: a radial BFS tree per component, components in rows.

    Each component is rooted at its highest-degree node; a node's children share its angular
    wedge in proportion to their number of leaves; ring ``d`` is far enough out for its
    nodes to sit ``_SPACING`` apart.  Linear in nodes + edges.

    >>> g = nx.MultiDiGraph([("a", "b"), ("a", "c"), ("d", "e")])
    >>> pos = layout_positions(g)
    >>> pos["a"] != pos["b"] and len(set(pos.values())) == 5
    True
    """
    order, adj = _undirected(view)
    n = len(order)
    seen = [False] * n
    components: list[list[int]] = []
    for start in range(n):
        if seen[start]:
            continue
        seen[start] = True
        comp, queue = [start], deque([start])
        while queue:
            u = queue.popleft()
            for w in adj[u]:
                if not seen[w]:
                    seen[w] = True
                    comp.append(w)
                    queue.append(w)
        components.append(comp)
    components.sort(key=lambda c: (-len(c), min(c)))

    local: list[tuple[dict[int, tuple[float, float]], float]] = []
    for comp in components:
        root = max(comp, key=lambda i: (len(adj[i]), -i))
        parent = {root: -1}
        depth = {root: 0}
        children: dict[int, list[int]] = {root: []}
        bfs = [root]
        queue = deque([root])
        while queue:
            u = queue.popleft()
            for w in adj[u]:
                if w not in parent:
                    parent[w] = u
                    depth[w] = depth[u] + 1
                    children[w] = []
                    children[u].append(w)
                    bfs.append(w)
                    queue.append(w)
        leaves = {}
        for u in reversed(bfs):
            leaves[u] = max(1, sum(leaves[c] for c in children[u]))
        per_depth: dict[int, int] = {}
        for u in bfs:
            per_depth[depth[u]] = per_depth.get(depth[u], 0) + 1
        radius = {0: 0.0}
        for d in range(1, max(per_depth) + 1):
            radius[d] = max(radius[d - 1] + _RING_STEP, per_depth[d] * _SPACING / (2 * math.pi))
        wedge = {root: (0.0, 2 * math.pi)}
        pos: dict[int, tuple[float, float]] = {}
        for u in bfs:
            lo, hi = wedge[u]
            angle = (lo + hi) / 2
            r = radius[depth[u]]
            pos[u] = (r * math.cos(angle), r * math.sin(angle))
            total = leaves[u] if children[u] else 1
            cursor = lo
            for c in children[u]:
                share = (hi - lo) * leaves[c] / total
                wedge[c] = (cursor, cursor + share)
                cursor += share
        local.append((pos, radius[max(per_depth)] + _SPACING))

    # shelf-pack the components (largest first) into rows about as wide as the total is tall
    area = sum((2 * r) ** 2 for _, r in local)
    row_width = max(math.sqrt(area) * 1.3, 2 * local[0][1] if local else 0)
    result: dict[object, tuple[int, int]] = {}
    x = y = row_height = 0.0
    for pos, r in local:
        if x > 0 and x + 2 * r > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + r, y + r
        for i, (px, py) in pos.items():
            result[order[i]] = (int(round(cx + px)), int(round(cy + py)))
        x += 2 * r
        row_height = max(row_height, 2 * r)
    return result


# --- node and edge records ----------------------------------------------------------------


def _cut(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _node_tooltip(data: dict, degree: int | None = None) -> str:
    """Plain text (never HTML) shown on hover and in the details panel."""
    lines = [str(data["label"]), str(data["kind"]) + (f" · {degree} connection(s)" if degree is not None else "")]
    if data["kind"] == "Observation":
        if data.get("indicator"):
            lines.append(f"indicator: {data['indicator']}")
        value = " ".join(str(p) for p in (data.get("value"), data.get("unit")) if p)
        if data.get("qualifier"):
            value += f" ({data['qualifier']})"
        lines.append(f"value: {value}")
        if data.get("period"):
            lines.append(f"period: {data['period']}")
        if data.get("status"):
            lines.append(f"status: {data['status']}")
    if data.get("stage_periods"):
        lines.append("stages: " + ", ".join(data["stage_periods"]))
    elif data.get("stages"):
        lines.append("stages: " + ", ".join(data["stages"]))
    if data.get("level"):
        lines.append(f"level: {data['level']}")
    if data["kind"] == "Indicator" and "observations" in data:
        lines.append(f"observations: {data['observations']}")
        lines.extend(f"  {text}" for text in data.get("observation_summary", []))
        if data["observations"] > len(data.get("observation_summary", [])):
            lines.append("  …")
    for sentence in data.get("evidence", ()):
        lines.append("evidence: 「" + _cut(sentence, MAX_EVIDENCE_CHARS) + "」")
    return "\n".join(lines)


def _edge_tooltip(view: nx.MultiDiGraph, u, v, data: dict) -> str:
    text = f"{view.nodes[u]['label']} —{data['predicate']}→ {view.nodes[v]['label']}"
    if "observations" in data:
        text += f"\n{data['observations']} observation(s)"
    for sentence in data.get("evidence", ()):
        text += "\nevidence: 「" + _cut(sentence, MAX_EVIDENCE_CHARS) + "」"
    return text


def _periods(data: dict) -> list[str] | None:
    if data["kind"] == "Observation":
        return [data["period"]] if data.get("period") else []
    if data["kind"] == "Indicator":
        return list(data.get("periods", []))
    if data["kind"] == "Project":
        return sorted({p.split(" ", 1)[1] for p in data.get("stage_periods", []) if " " in p})
    return None


def _statuses(data: dict) -> list[str] | None:
    if data["kind"] == "Observation":
        return [data["status"]] if data.get("status") else []
    if data["kind"] == "Indicator":
        return list(data.get("statuses", []))
    return None


def _node_size(degree: int) -> int:
    return min(45, int(round(8 + 5 * math.sqrt(degree))))


def _font_size(degree: int) -> int:
    """Label size by degree: a hub's name (a district, a five-year action) stays readable when the whole graph is
    in view, a leaf's (an observation) only when zoomed in (vis-network hides labels drawn under 5 px)."""
    return 12 if degree <= 2 else min(96, int(round(12 + 8 * math.sqrt(degree))))


def build_network(view: nx.MultiDiGraph, positions: dict | None = None,
                  districts: dict | None = None, collapse: bool = False) -> Network:
    """A pyvis ``Network`` for a projection: integer ids, plain-text tooltips, colour and
    shape by kind, size by degree, fixed positions, and the filter keys ``kind``, ``s``
    (statuses), ``p`` (periods), ``d`` (indices of the districts whose neighbourhood holds
    the node, see :func:`govkg.projection.district_membership`).

    With ``collapse`` an observation starts hidden, collapsed into its indicator (``o``: the
    indicator's id; the page shows it when the indicator is expanded), and one dashed edge per
    (place, indicator) pair (``sum``: the indicator's id) stands for the observations between them;
    the layout is computed without the collapsed observations, which sit in a ring round their
    indicator."""
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    collapsed = collapsed_observations(view) if collapse else {}
    summaries = _summary_edges(view, collapsed)
    if positions is None:
        positions = collapsed_positions(view, collapsed, summaries) if collapsed else layout_positions(view)
    districts = districts if districts is not None else {}
    index = {node: i for i, node in enumerate(view.nodes)}
    for node, data in view.nodes(data=True):
        color, shape = KIND_STYLE.get(data["kind"], _DEFAULT_STYLE)
        degree = view.degree(node)
        x, y = positions[node]
        extra: dict[str, object] = {}
        periods, statuses = _periods(data), _statuses(data)
        if periods is not None:
            extra["p"] = periods
        if statuses is not None:
            extra["s"] = statuses
        if node in districts:
            extra["d"] = districts[node]
        if node in collapsed:
            extra.update(o=index[collapsed[node]], hidden=True, physics=False)
        net.add_node(
            index[node],
            label=_cut(data["label"], MAX_LABEL),
            name=str(data["label"]),
            title=_node_tooltip(data, degree),
            color=color,
            shape=shape,
            size=_node_size(degree),
            font={"size": _font_size(degree)},
            x=x,
            y=y,
            kind=data["kind"],
            deg=degree,
            **extra,
        )
    for u, v, data in view.edges(data=True):
        extra = {}
        if data["predicate"] in (MEASURES, OBSERVATION_EDGE, INDICATOR_EDGE):
            extra = {"dashes": True, "color": _OBSERVATION_EDGE_COLOR}
        net.add_edge(index[u], index[v], title=_edge_tooltip(view, u, v, data), **extra)
    for k, ((scope, indicator), count) in enumerate(sorted(summaries.items())):
        net.add_edge(index[scope], index[indicator], id=f"sum{k}", sum=index[indicator], dashes=True,
                     color=_OBSERVATION_EDGE_COLOR,
                     title=f"{view.nodes[scope]['label']} → {view.nodes[indicator]['label']}: {count} observation(s); "
                           "click the indicator to show them")
    return net


def collapsed_observations(view: nx.MultiDiGraph) -> dict[object, object]:
    """Observation → its indicator, for every observation node with exactly one indicator edge."""
    found: dict[object, list] = {}
    for u, v, predicate in view.edges(data="predicate"):
        if predicate == INDICATOR_EDGE and view.nodes[u].get("kind") == "Observation":
            found.setdefault(u, []).append(v)
    return {obs: indicators[0] for obs, indicators in found.items() if len(indicators) == 1}


def _summary_edges(view: nx.MultiDiGraph, collapsed: dict) -> dict[tuple, int]:
    """(place or project, indicator) → how many collapsed observations link them."""
    counts: dict[tuple, int] = {}
    for u, v, predicate in view.edges(data="predicate"):
        if predicate == OBSERVATION_EDGE and v in collapsed:
            counts[(u, collapsed[v])] = counts.get((u, collapsed[v]), 0) + 1
    return counts


def collapsed_positions(view: nx.MultiDiGraph, collapsed: dict, summaries: dict) -> dict[object, tuple[int, int]]:
    """`layout_positions` of the view with its collapsed observations replaced by the place → indicator
    edges `summaries`; each collapsed observation in a ring round its indicator (where the page shows it)."""
    outline = nx.MultiDiGraph()
    outline.add_nodes_from(n for n in view.nodes if n not in collapsed)
    outline.add_edges_from((u, v) for u, v in view.edges() if u not in collapsed and v not in collapsed)
    outline.add_edges_from(summaries)
    positions = layout_positions(outline)
    rings: dict[object, list] = {}
    for obs, indicator in collapsed.items():
        rings.setdefault(indicator, []).append(obs)
    for indicator, members in rings.items():
        x, y = positions[indicator]
        radius = ring_radius(len(members))
        for k, obs in enumerate(members):
            angle = 2 * math.pi * k / len(members)
            positions[obs] = (int(round(x + radius * math.cos(angle))), int(round(y + radius * math.sin(angle))))
    return positions


def ring_radius(members: int) -> float:
    """The radius of a ring of `members` observations round their indicator (the page uses the same, from
    ``DATA.ring``): far enough for them to sit ``_SPACING`` apart."""
    return RING_BASE + _SPACING * members / (2 * math.pi)


def stabilization_iterations(n_nodes: int) -> int:
    """Physics iterations before the view stops moving: fewer for bigger graphs.

    >>> stabilization_iterations(100), stabilization_iterations(700), stabilization_iterations(1000)
    (150, 85, 60)
    """
    return max(20, min(STABILIZATION_ITERATIONS, STABILIZATION_BUDGET // max(1, n_nodes)))


def vis_options(n_nodes: int) -> dict[str, object]:
    """vis-network options: bounded stabilisation then no physics (or none at all when big)."""
    physics = n_nodes <= PHYSICS_NODE_LIMIT
    big = n_nodes > PHYSICS_NODE_LIMIT
    return {
        "autoResize": True,
        "layout": {"randomSeed": 20230117, "improvedLayout": False},
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -4000, "centralGravity": 0.1, "springLength": 110,
                          "springConstant": 0.03, "damping": 0.35, "avoidOverlap": 0.2},
            "minVelocity": 1.0,
            "stabilization": {"enabled": physics, "iterations": stabilization_iterations(n_nodes),
                              "updateInterval": 50, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big},
        "nodes": {"font": {"size": 14, "face": "WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif"},
                  "borderWidth": 1},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": _EDGE_COLOR, "inherit": False},
            "smooth": False,
            "width": 1,
        },
    }


# --- page ----------------------------------------------------------------------------------


def _legend_html(view: nx.MultiDiGraph, collapsed: bool = False) -> str:
    counts: dict[str, int] = {}
    for _, kind in view.nodes(data="kind"):
        counts[kind] = counts.get(kind, 0) + 1
    order = [k for k in KIND_STYLE if k in counts] + sorted(k for k in counts if k not in KIND_STYLE)
    items = []
    for kind in order:
        color, shape = KIND_STYLE.get(kind, _DEFAULT_STYLE)
        folded = collapsed and kind == "Observation"
        hint = ("collapsed into their indicator: click an indicator to show its own, tick to show all" if folded
                else f"{shape}; uncheck to hide")
        items.append(
            f'<li><label title="{html.escape(hint)}">'
            f'<input type="checkbox" data-kind="{html.escape(kind)}"{"" if folded else " checked"}>'
            f'<span class="swatch" style="background:{color}"></span>'
            f"{html.escape(kind)} ({counts[kind]}{', collapsed' if folded else ''})</label></li>"
        )
    items.append(
        f'<li><span class="swatch" style="background:{_OBSERVATION_EDGE_COLOR};border-radius:0;height:0.2em">'
        "</span>dashed: place/project → observation → indicator</li>"
    )
    return '<ul class="govkg-legend">\n' + "\n".join(items) + "\n</ul>"


def _options_html(values: Sequence[tuple[str, str]], everything: str) -> str:
    opts = [f'<option value="">{html.escape(everything)}</option>']
    opts += [f'<option value="{html.escape(v)}">{html.escape(text)}</option>' for v, text in values]
    return "".join(opts)


def render_view(view: nx.MultiDiGraph, title: str, *, nav: Sequence[tuple[str, str]] = (),
                note: str = "", districts: dict | None = None, vis_src: str | None = None,
                collapse: bool = False) -> str:
    """The complete HTML page showing the projection ``view``, offline.

    ``nav`` is a list of ``(relative href, text)`` links for the header (hrefs must be
    relative file names); ``note`` a line of plain text under the title; ``districts`` the
    district membership (:func:`govkg.projection.district_membership`), computed when omitted;
    ``vis_src`` the relative path of a shared copy of vis-network (`write_vis_js`), else it is inlined;
    ``collapse`` starts with the observations collapsed into their indicators (see `build_network`).
    """
    for href, _ in list(nav) + ([(vis_src, "")] if vis_src else []):
        if re.match(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", href, re.I):
            raise ValueError(f"view links must be relative file names, not {href!r}")
    membership = districts if districts is not None else district_membership(view)
    position = {node: i for i, node in enumerate(view.nodes)}
    district_nodes = sorted({d for ds in membership.values() for d in ds}, key=position.__getitem__)
    district_index = {d: i for i, d in enumerate(district_nodes)}
    compact = {node: [district_index[d] for d in ds] for node, ds in membership.items()}
    net = build_network(view, districts=compact, collapse=collapse)
    folded = collapse and any("o" in n for n in net.nodes)
    options = vis_options(view.number_of_nodes())
    data = {"nodes": net.nodes, "edges": net.edges, "options": options, "ring": [RING_BASE, _SPACING]}

    statuses = sorted({s for _, d in view.nodes(data=True) for s in (_statuses(d) or ())})
    periods = sorted({p for _, d in view.nodes(data=True) for p in (_periods(d) or ())})
    district_opts = [(str(i), str(view.nodes[d]["label"])) for i, d in enumerate(district_nodes)]

    nav_html = ""
    if nav:
        nav_html = '<nav class="govkg-nav">' + "".join(
            f'<a href="{html.escape(href)}">{html.escape(text)}</a>' for href, text in nav) + "</nav>\n"
    physics_note = ("layout settles for a moment, then stays put" if options["physics"]["enabled"]
                    else "precomputed layout, physics off")
    header = (
        '<header class="govkg-header">\n' + nav_html
        + f"<h1>{html.escape(title)}</h1>\n"
        + (f'<p class="govkg-summary">{html.escape(note)}</p>\n' if note else "")
        + f'<p class="govkg-summary">{view.number_of_nodes()} nodes, {view.number_of_edges()} edges '
        f"({physics_note}). Hover for details; click a node for its evidence and neighbours; "
        "size = number of connections"
        + ("; observations are collapsed into their indicator: click an indicator to show them" if folded else "")
        + ".</p>\n"
        + _legend_html(view, folded) + "\n"
        '<div class="govkg-controls">\n'
        '<form id="govkg-search-form" role="search">'
        '<input type="search" id="govkg-search" list="govkg-names" placeholder="搜索节点 search a node"'
        ' autocomplete="off" aria-label="search a node by name">'
        '<datalist id="govkg-names"></datalist> <button type="submit">Find</button></form>\n'
        '<span id="govkg-search-status" role="status"></span>\n'
        '<label>Status <select id="govkg-status">' + _options_html([(s, s) for s in statuses], "all")
        + "</select></label>\n"
        '<label>Period <select id="govkg-period">' + _options_html([(p, p) for p in periods], "all")
        + "</select></label>\n"
        '<label>District <select id="govkg-district">' + _options_html(district_opts, "all") + "</select></label>\n"
        '<button type="button" id="govkg-reset">Reset filters</button>\n'
        '<span id="govkg-visible"></span>\n'
        "</div>\n</header>"
    )
    scripts = [APP_JS] if vis_src else [vis_js(), APP_JS]
    library = f'<script src="{html.escape(vis_src)}"></script>' if vis_src else f"<script>{scripts[0]}</script>"
    page = (
        "<!DOCTYPE html>\n"
        '<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(scripts, bool(vis_src))}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>{PAGE_CSS}</style>\n"
        f"{library}\n"
        "</head>\n<body>\n"
        f"{header}\n"
        '<main class="govkg-main"><div id="govkg-network"></div>'
        '<aside id="govkg-details" aria-live="polite"><p>Click a node to see its details, the sentence '
        "it was read from and its neighbours. Search by name above; filter by class (legend), "
        "status, period and district.</p></aside></main>\n"
        f'<script type="application/json" id="govkg-data">{safe_json(data)}</script>\n'
        f"<script>{APP_JS}</script>\n"
        "</body>\n</html>\n"
    )
    check_offline(page)
    if "new vis.Network" not in page or not (vis_src or "vis-network" in scripts[0]):
        raise RuntimeError("HTML view has no vis-network code")
    return page


def render_html(g: Graph, title: str, nav: Sequence[tuple[str, str]] = ()) -> str:
    """The main view of ``g`` (all domain entities and observations) as one offline page."""
    return render_view(project_graph(g, observations=True), title, nav=nav, collapse=True)


def write_html(g: Graph, path: Path, title: str, nav: Sequence[tuple[str, str]] = ()) -> None:
    """Render ``g``'s domain view as one offline HTML file at ``path`` (atomically).

    Raises :class:`~govkg.errors.GovkgError` when the file cannot be written (missing or
    read-only folder); an existing file at ``path`` is then left as it was.
    """
    write_output(Path(path), render_html(g, title, nav).encode("utf-8"), "HTML view")
