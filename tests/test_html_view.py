"""The domain projection (govkg.projection) and the offline HTML view (govkg.exporters.html)."""
from __future__ import annotations

import doctest
import math
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, Namespace

import govkg.exporters.html as html_view
import govkg.exporters.views as views
import govkg.fileio as fileio
import govkg.projection as projection
from govkg.errors import GovkgError
from govkg.exporters.html import build_network, layout_positions, render_html, render_view, write_html
from govkg.exporters.views import synthetic_view, write_views
from govkg.projection import district_membership, neighbourhood, project_graph
from govkg.ontology.namespace import GK, ID, ONTOLOGY_IRI

RID = "tianjin-2023"
XSS = "<script>alert(1)</script>"

CITY = ID["city/120000"]
DISTRICT = ID["district/120104"]
PROJECT = ID[f"{RID}/project/tiankai"]
ACTION = ID[f"{RID}/action/innovation"]
INDICATOR = ID["indicator/gdp-growth"]
FOCUS = ID["focus/evil"]
STAGE = ID[f"{RID}/stage/tiankai-start"]
OBS = ID[f"{RID}/observation/100-1"]
SPAN = ID[f"{RID}/span/100-110"]
SENTENCE = ID[f"{RID}/sentence/7"]
DSPAN = ID[f"{RID}/span/50-53"]
EVIDENCE = "全市地区生产总值增长5%左右，南开区<img src=x onerror=alert(1)>发展。"


#: Controlled-list concepts live under <.../govkg/vocab/{scheme}/{name}> (ontology/README.md).
VOCAB = Namespace(ONTOLOGY_IRI.rsplit("/", 1)[0] + "/vocab/")


def concept(scheme: str, name: str) -> URIRef:
    return VOCAB[f"{scheme}/{name}"]


STAGE_START = concept("stage", "start")
LEVEL_TASK = concept("level", "task")
STATUS_TARGET = concept("status", "target")
UNIT_PERCENT = concept("unit", "percent")


@pytest.fixture
def kg() -> Graph:
    g = Graph()
    triples = [
        # places
        (CITY, RDF.type, GK.City), (CITY, RDF.type, GK.Place),
        (CITY, RDFS.label, Literal("天津市", lang="zh")),
        (DISTRICT, RDF.type, GK.District), (DISTRICT, RDF.type, GK.Place),
        (DISTRICT, RDFS.label, Literal("南开区", lang="zh")),
        (DISTRICT, GK.locatedIn, CITY),
        # project with a stage
        (PROJECT, RDF.type, GK.Project),
        (PROJECT, RDFS.label, Literal("天开高教科技园", lang="zh")),
        (PROJECT, GK.implements, ACTION),
        (DISTRICT, GK.hosts, PROJECT),
        (STAGE, RDF.type, GK.StageAssertion), (STAGE, GK.stageOf, PROJECT),
        (STAGE, GK.stage, STAGE_START), (STAGE, GK.period, Literal("2023")),
        (STAGE_START, RDF.type, SKOS.Concept), (STAGE_START, SKOS.notation, Literal("start")),
        # action
        (ACTION, RDF.type, GK.Action), (ACTION, RDFS.label, Literal("科技创新行动", lang="zh")),
        (ACTION, GK.level, LEVEL_TASK),
        (LEVEL_TASK, SKOS.notation, Literal("task")),
        # indicator with one observation scoped to the district
        (INDICATOR, RDF.type, GK.Indicator), (INDICATOR, RDFS.label, Literal("地区生产总值增速", lang="zh")),
        (OBS, RDF.type, GK.Observation), (OBS, GK.indicator, INDICATOR), (OBS, GK.scope, DISTRICT),
        (OBS, GK.valueAsWritten, Literal("5")), (OBS, GK.unitAsWritten, Literal("%")),
        (OBS, GK.value, Literal(Decimal("5"))), (OBS, GK.unit, UNIT_PERCENT),
        (OBS, GK.period, Literal("2023")), (OBS, GK.status, STATUS_TARGET),
        (OBS, GK.evidence, SPAN),
        (STATUS_TARGET, SKOS.notation, Literal("target")),
        # a focus whose label is hostile report text
        (FOCUS, RDF.type, GK.Focus), (FOCUS, RDF.type, SKOS.Concept),
        (FOCUS, RDFS.label, Literal(f"信创{XSS}", lang="zh")),
        (DISTRICT, GK.focusesOn, FOCUS),
        # provenance that must not show up as nodes
        (SPAN, RDF.type, GK.Span), (SPAN, GK.text, Literal("增长5%左右")),
        (SPAN, GK.inSentence, SENTENCE), (SPAN, GK.startOffset, Literal(100)),
        (SENTENCE, RDF.type, GK.Sentence), (SENTENCE, GK.text, Literal(EVIDENCE)),
        (DISTRICT, GK.evidence, DSPAN), (DSPAN, RDF.type, GK.Span), (DSPAN, GK.inSentence, SENTENCE),
        (DSPAN, GK.startOffset, Literal(50)), (DSPAN, GK.text, Literal("南开区")),
    ]
    for triple in triples:
        g.add(triple)
    return g


# --- projection -------------------------------------------------------------------------


def test_projection_nodes(kg: Graph) -> None:
    view = project_graph(kg)
    assert list(view.nodes) == sorted(str(n) for n in (CITY, DISTRICT, PROJECT, ACTION, INDICATOR, FOCUS))
    assert {n: view.nodes[n]["kind"] for n in view} == {
        str(CITY): "City", str(DISTRICT): "District", str(PROJECT): "Project",
        str(ACTION): "Action", str(INDICATOR): "Indicator", str(FOCUS): "Focus",
    }
    assert view.nodes[str(DISTRICT)]["label"] == "南开区"
    assert view.nodes[str(PROJECT)]["stages"] == ["start"]
    assert view.nodes[str(PROJECT)]["stage_periods"] == ["start 2023"]
    assert view.nodes[str(ACTION)]["level"] == "task"
    assert view.nodes[str(INDICATOR)]["observations"] == 1
    assert view.nodes[str(INDICATOR)]["observation_summary"] == ["5 % 2023 target"]
    assert view.nodes[str(INDICATOR)]["statuses"] == ["target"]
    assert view.nodes[str(INDICATOR)]["periods"] == ["2023"]
    assert view.nodes[str(DISTRICT)]["evidence"] == [EVIDENCE]


def test_projection_with_observation_nodes(kg: Graph) -> None:
    view = project_graph(kg, observations=True)
    obs = view.nodes[str(OBS)]
    assert obs["kind"] == "Observation"
    assert (obs["label"], obs["value"], obs["unit"], obs["period"], obs["status"]) == ("5%", "5", "%", "2023", "target")
    assert obs["indicator"] == "地区生产总值增速" and obs["quote"] == "增长5%左右"
    assert obs["evidence"] == [EVIDENCE]
    predicates = {(u, v): p for u, v, p in view.edges(data="predicate")}
    assert predicates[(str(DISTRICT), str(OBS))] == "observation"
    assert predicates[(str(OBS), str(INDICATOR))] == "indicator"
    assert "measures" not in predicates.values()
    assert list(view.nodes) == sorted(view.nodes)


def test_relation_evidence_on_edges(kg: Graph) -> None:
    assertion = ID[f"{RID}/relation/r1"]
    for triple in [(assertion, RDF.type, GK.RelationAssertion), (assertion, RDF.subject, DISTRICT),
                   (assertion, RDF.predicate, GK.hosts), (assertion, RDF.object, PROJECT),
                   (assertion, GK.evidence, DSPAN)]:
        kg.add(triple)
    view = project_graph(kg)
    assert view[str(DISTRICT)][str(PROJECT)]["hosts"]["evidence"] == [EVIDENCE]


def test_neighbourhoods(kg: Graph) -> None:
    view = project_graph(kg, observations=True)
    near = neighbourhood(view, str(DISTRICT))
    assert str(DISTRICT) in near and str(PROJECT) in near and str(OBS) in near and str(INDICATOR) in near
    assert str(ACTION) in near  # district -> project -> action
    members = district_membership(view)
    assert members[str(PROJECT)] == [str(DISTRICT)]
    assert str(CITY) not in members


def test_projection_edges(kg: Graph) -> None:
    view = project_graph(kg)
    edges = [(u, v, k, d["predicate"]) for u, v, k, d in view.edges(keys=True, data=True)]
    expected = sorted([
        (str(DISTRICT), str(CITY), "locatedIn"),
        (str(DISTRICT), str(PROJECT), "hosts"),
        (str(DISTRICT), str(FOCUS), "focusesOn"),
        (str(PROJECT), str(ACTION), "implements"),
        (str(DISTRICT), str(INDICATOR), "measures"),
    ])
    assert [(u, v, p) for u, v, _, p in edges] == expected
    assert all(k == p for _, _, k, p in edges)
    assert view[str(DISTRICT)][str(INDICATOR)]["measures"]["observations"] == 1


def test_projection_uses_property_notation(kg: Graph) -> None:
    kg.add((GK.hosts, SKOS.notation, Literal("hosts_project")))
    view = project_graph(kg)
    assert view.has_edge(str(DISTRICT), str(PROJECT), key="hosts_project")


def test_projection_is_deterministic(kg: Graph) -> None:
    again = Graph()
    for triple in sorted(kg, reverse=True):  # different insertion order
        again.add(triple)
    a, b = project_graph(kg), project_graph(again)
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))


def test_projection_doctest() -> None:
    result = doctest.testmod(projection)
    assert result.attempted > 0 and result.failed == 0


# --- HTML view ----------------------------------------------------------------------------

EXTERNAL = re.compile(r"""(?:\b(?:src|href)\s*=\s*["']?\s*|\burl\(\s*["']?\s*)(?:https?:)?//""", re.I)


def test_html_view(kg: Graph, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    write_html(kg, out, title="天津 2023 <i>报告</i>")
    assert out.is_file()
    text = out.read_text(encoding="utf-8")
    for label in ("南开区", "天开高教科技园", "天津市", "地区生产总值增速", "科技创新行动"):
        assert label in text
    assert "信创" in text
    assert XSS not in text and "<script>alert" not in text
    assert "天津 2023 &lt;i&gt;报告&lt;/i&gt;" in text and "<i>报告" not in text
    assert not EXTERNAL.search(text), EXTERNAL.search(text)
    assert not re.search(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=", text, re.I)
    assert "new vis.Network" in text and "vis-network" in text  # the library is inlined
    assert "cdn.jsdelivr" not in text and "cdnjs" not in text
    for iri in (DISTRICT, PROJECT, INDICATOR):
        assert str(iri) not in text
    assert "/govkg/id/" not in text and "govkg/ontology" not in text
    # legend and kinds
    assert 'class="govkg-legend"' in text
    for kind in ("District", "Project", "Indicator", "City", "Action", "Focus"):
        assert kind in text
    # tooltip data is plain text (vis-network 9 sets string titles with innerText)
    assert "innerText" in text
    assert "popup.innerHTML" not in text
    assert ".innerHTML" not in html_view.APP_JS
    # hostile text only as escaped JSON (evidence sentence carries <img onerror>)
    assert "<img" not in text and r"\u003cimg src=x onerror=alert(1)\u003e" in text
    # search box, filters, details panel, CSP allowing exactly the page's scripts
    for marker in ('id="govkg-search"', 'id="govkg-status"', 'id="govkg-period"', 'id="govkg-district"',
                   'data-kind="Project"', 'id="govkg-details"', 'id="govkg-data"'):
        assert marker in text
    assert '<option value="target">target</option>' in text and '<option value="2023">2023</option>' in text
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp and "unsafe-inline'; img" in csp
    scripts = re.findall(r"<script>(.*?)</script>", text, flags=re.S)
    assert len(scripts) == 2 and all(html_view._csp_hash(sc) in csp for sc in scripts)


def _data(text: str) -> dict:
    import json

    return json.loads(re.search(r'<script type="application/json" id="govkg-data">(.*?)</script>', text, re.S).group(1))


def test_view_data(kg: Graph, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    write_html(kg, out, title="t")
    data = _data(out.read_text(encoding="utf-8"))
    nodes = {n["name"]: n for n in data["nodes"]}
    district, obs = nodes["南开区"], nodes["5%"]
    assert district["shape"] == "dot" and obs["shape"] == "triangleDown"
    assert district["size"] > nodes["天开高教科技园"]["size"]  # size by degree
    assert district["deg"] == 4 and district["d"] == [0]
    assert obs["s"] == ["target"] and obs["p"] == ["2023"] and obs["d"] == [0]
    assert nodes["天开高教科技园"]["p"] == ["2023"] and "s" not in nodes["天开高教科技园"]
    assert "d" not in nodes["天津市"]
    assert "status: target" in obs["title"] and "period: 2023" in obs["title"] and "value: 5 %" in obs["title"]
    assert "evidence: 「" + EVIDENCE in obs["title"]
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])
    assert data["options"]["physics"]["enabled"] is True  # small graph: bounded stabilisation
    assert data["options"]["physics"]["stabilization"]["iterations"] == html_view.STABILIZATION_ITERATIONS
    assert html_view.stabilization_iterations(1000) * 1000 <= html_view.STABILIZATION_BUDGET


def test_large_view_is_precomputed(tmp_path: Path) -> None:
    import time

    view = synthetic_view(3000)
    assert view.number_of_nodes() == 3000
    started = time.perf_counter()
    page = render_view(view, "synthetic")
    assert time.perf_counter() - started < 10
    data = _data(page)
    assert data["options"]["physics"]["enabled"] is False
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) > 2900  # nodes do not pile up
    assert page == render_view(synthetic_view(3000), "synthetic")


def test_layout_is_deterministic_and_spread() -> None:
    view = synthetic_view(500)
    a, b = layout_positions(view), layout_positions(synthetic_view(500))
    assert a == b
    assert len(set(a.values())) == 500


def test_nav_links_must_be_relative(kg: Graph) -> None:
    view = project_graph(kg, observations=True)
    for bad in ("https://example.org/x", "javascript:alert(1)", "//evil.example/x", "data:text/html,x"):
        with pytest.raises(ValueError):
            render_view(view, "t", nav=[(bad, "x")])
    assert 'href="index.html"' in render_view(view, "t", nav=[("index.html", "<b>Index</b>")])


# --- all views of a report ------------------------------------------------------------------------


def test_write_views(kg: Graph, tmp_path: Path) -> None:
    kg.remove((ACTION, GK.level, LEVEL_TASK))
    kg.add((ACTION, GK.level, concept("level", "ten_actions")))
    kg.add((concept("level", "ten_actions"), SKOS.notation, Literal("ten_actions")))
    result = write_views(kg, tmp_path, RID, "天津 <2023>")
    folder = tmp_path / f"{RID}-views"
    assert result.main == tmp_path / f"{RID}.html" and result.index == folder / "index.html"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["action-innovation.html", "district-120104.html", "index.html"]
    assert [(v.kind, v.name) for v in result.views] == [("main", ""), ("District", "南开区"), ("Action", "科技创新行动")]
    index = result.index.read_text(encoding="utf-8")
    for href in re.findall(r'href="([^"#]+)', index):
        assert (folder / href).resolve().is_file(), href
    assert "天津 &lt;2023&gt;" in index and "<2023>" not in index
    assert "信创&lt;script&gt;" in index or "信创" not in index
    for section in ("Per district", "Per five-year action", "Most connected", "betweenness", "Components"):
        assert section in index
    assert "<script" not in index and "script-src 'none'" in index
    main = result.main.read_text(encoding="utf-8")
    assert f'href="{RID}-views/index.html"' in main
    ego = (folder / "district-120104.html").read_text(encoding="utf-8")
    assert 'href="../tianjin-2023.html"' in ego and 'href="index.html"' in ego
    for path in [result.main, *folder.iterdir()]:
        assert not EXTERNAL.search(path.read_text(encoding="utf-8")), path
    # deterministic, and a stale ego view from an earlier build is removed
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    (folder / "district-999999.html").write_text("stale", encoding="utf-8")
    (folder / "notes.html").write_text("mine", encoding="utf-8")
    write_views(kg, tmp_path, RID, "天津 <2023>")
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.name != "notes.html"}
    assert after == before
    assert (folder / "notes.html").exists()


def test_bundled_build_writes_views(bundled_build) -> None:
    folder = bundled_build.html.parent / f"{bundled_build.report_id}-views"
    assert bundled_build.html.name == f"{bundled_build.report_id}.html"
    districts = sorted(folder.glob("district-*.html"))
    actions = sorted(folder.glob("action-*.html"))
    assert len(districts) >= 10 and len(actions) == 10
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert "滨海新区" in index and "天津市" in index
    for path in districts + actions:
        assert path.name in index


def test_views_doctests() -> None:
    for module in (html_view, views):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0


def test_html_view_is_deterministic(kg: Graph, tmp_path: Path) -> None:
    a, b = tmp_path / "a.html", tmp_path / "b.html"
    write_html(kg, a, title="t")
    again = Graph()
    for triple in sorted(kg, reverse=True):
        again.add(triple)
    write_html(again, b, title="t")
    assert a.read_bytes() == b.read_bytes()
    write_html(kg, b, title="t")
    assert a.read_bytes() == b.read_bytes()


def test_failed_render_keeps_existing_file(kg: Graph, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "view.html"
    out.write_text("old content", encoding="utf-8")

    def boom(*args, **kwargs):
        raise RuntimeError("renderer failed midway")

    monkeypatch.setattr(html_view, "build_network", boom)
    with pytest.raises(RuntimeError):
        write_html(kg, out, title="t")
    assert out.read_text(encoding="utf-8") == "old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["view.html"]


def test_failed_write_keeps_existing_file(kg: Graph, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "view.html"
    out.write_text("old content", encoding="utf-8")

    def fail_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", fail_fsync)
    with pytest.raises(GovkgError, match="view.html"):
        write_html(kg, out, title="t")
    assert out.read_text(encoding="utf-8") == "old content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["view.html"]  # no temp file left


def test_missing_folder(kg: Graph, tmp_path: Path) -> None:
    with pytest.raises(GovkgError, match="cannot write"):
        write_html(kg, tmp_path / "no-such-dir" / "view.html", title="t")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_keeps_existing_file(kg: Graph, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    out = folder / "view.html"
    out.write_text("old content", encoding="utf-8")
    folder.chmod(0o555)
    try:
        with pytest.raises(GovkgError):
            write_html(kg, out, title="t")
    finally:
        folder.chmod(0o755)
    assert out.read_text(encoding="utf-8") == "old content"


def test_views_of_a_folder_share_one_copy_of_vis_network(kg: Graph, tmp_path: Path) -> None:
    library = html_view.vis_js()
    first = write_views(kg, tmp_path, "a-2023", "A")
    second = write_views(kg, tmp_path, "b-2023", "B")
    assert [p.name for p in tmp_path.glob("*.js")] == ["vis-network.min.js"]
    assert (tmp_path / "vis-network.min.js").read_text(encoding="utf-8") == library
    for page in (first.main, second.main, *sorted((tmp_path / "a-2023-views").glob("*-*.html"))):
        text = page.read_text(encoding="utf-8")
        assert library[:200] not in text and len(text) < len(library)
        src = "vis-network.min.js" if page.parent == tmp_path else "../vis-network.min.js"
        assert f'<script src="{src}"></script>' in text
        assert "file:" in text and "'self'" in text  # the CSP admits local files (or, served, its own site's)
    # a stand-alone page still inlines it
    write_html(kg, tmp_path / "alone.html", "alone")
    assert library[:200] in (tmp_path / "alone.html").read_text(encoding="utf-8")


def test_collapsed_observations_start_hidden_with_a_place_to_indicator_edge(kg: Graph) -> None:
    view = project_graph(kg, observations=True)
    net = build_network(view, collapse=True)
    ids = {n["name"]: n for n in net.nodes}
    obs, indicator = ids["5%"], ids["地区生产总值增速"]
    assert obs["hidden"] and obs["physics"] is False and obs["o"] == indicator["id"]
    summary = [e for e in net.edges if "sum" in e]
    assert [(e["from"], e["to"], e["sum"]) for e in summary] == [(ids["南开区"]["id"], indicator["id"], indicator["id"])]
    assert "1 observation(s)" in summary[0]["title"]
    # the observation sits in a ring round its indicator; without collapse nothing is hidden or summarised
    assert math.dist((obs["x"], obs["y"]), (indicator["x"], indicator["y"])) < 200
    plain = build_network(view)
    assert not any(n.get("hidden") for n in plain.nodes) and not any("sum" in e for e in plain.edges)


def test_the_main_page_says_observations_are_collapsed(kg: Graph) -> None:
    page = render_html(kg, "t")
    assert 'data-kind="Observation">' in page and "Observation (1, collapsed)" in page
    assert 'data-kind="District" checked' in page
