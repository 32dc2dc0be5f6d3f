"""The domain projection (graph.projection) and the offline HTML view (graph.exporters.html)."""
from __future__ import annotations

import doctest
import os
import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, Namespace

import graph.exporters.html as html_view
import graph.fileio as fileio
import graph.projection as projection
from graph.errors import GovkgError
from graph.exporters.html import write_html
from graph.projection import project_graph
from ontology.namespace import GK, ID, ONTOLOGY_IRI

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
