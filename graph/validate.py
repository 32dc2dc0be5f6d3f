"""SHACL validation of a built graph against ontology/shapes.ttl (pyshacl).

>>> from rdflib import Graph
>>> validate_graph(Graph())[0]
True
"""
from __future__ import annotations

from importlib import resources

from pyshacl import validate
from rdflib import Graph


def shapes_graph() -> Graph:
    g = Graph()
    g.parse(data=resources.files("govkg.ontology").joinpath("shapes.ttl").read_text(encoding="utf-8"), format="turtle")
    return g


def validate_graph(data: Graph) -> tuple[bool, str]:
    """(conforms, report text)."""
    conforms, _, text = validate(data, shacl_graph=shapes_graph(), inference="none", advanced=True)
    return bool(conforms), text
