"""The graph builder: district nodes are the report city's own districts, named by their GB/T 2260 code."""
from __future__ import annotations

from rdflib import RDF

from govkg.builder import build_graph
from govkg.pipeline import read_document, run_pipeline
from govkg.ontology.namespace import GK

TEXT = "一、2022年工作回顾\n和平区地区生产总值增长3%。\n"


def district_codes(region: str) -> set[str]:
    doc = read_document(TEXT, "t", region=region, year=2023)
    g = build_graph(doc, run_pipeline(doc), source="t.txt")
    return {str(g.value(d, GK.divisionCode)) for d in g.subjects(RDF.type, GK.District)}


def test_a_district_name_shared_by_two_cities_gets_the_report_citys_code():
    assert district_codes("天津市") == {"120101"}
    assert district_codes("沈阳市") == {"210102"}
