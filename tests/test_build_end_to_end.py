"""`govkg build` on the bundled report: a valid, complete, deterministic graph and an offline HTML view."""
from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import Graph

from govkg.build import SUMMARY_CLASSES, build_report, BUNDLED_REPORT
from govkg.validate import validate_graph


def test_turtle_parses_with_rdflib_and_pyoxigraph(bundled_build):
    g = Graph().parse(bundled_build.turtle, format="turtle")
    store = ox.Store()
    store.load(path=str(bundled_build.turtle), format=ox.RdfFormat.TURTLE)
    assert len(g) == len(store) == bundled_build.triples > 1000


def test_graph_passes_the_shapes(bundled_build):
    g = Graph().parse(bundled_build.turtle, format="turtle")
    conforms, report = validate_graph(g)
    assert conforms, report[:2000]


def test_every_class_has_instances(bundled_build):
    empty = [name for name in SUMMARY_CLASSES if bundled_build.instances[name] == 0]
    assert not empty


def test_report_metadata_is_read_from_the_opening_lines(bundled_build):
    assert (bundled_build.region, bundled_build.level, bundled_build.year) == ("天津市", "municipality", 2023)


def test_both_statuses_are_present(bundled_build):
    assert set(bundled_build.observations_by_status) == {"actual", "target"}


def test_html_view_loads_nothing_from_the_network(bundled_build):
    page = bundled_build.html.read_text(encoding="utf-8")
    assert "new vis.Network" in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"""url\(\s*["']?(?:https?:)?//""", page, re.I)
    assert not re.search(r"<(?:script|link|img|iframe)[^>]+https?://", page, re.I)


def test_two_builds_give_identical_bytes(bundled_build, tmp_path):
    again = build_report(BUNDLED_REPORT, tmp_path)
    assert again.turtle.read_bytes() == bundled_build.turtle.read_bytes()
    assert again.html.read_bytes() == bundled_build.html.read_bytes()
