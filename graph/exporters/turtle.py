"""Turtle export: the graph with its prefixes bound, byte-identical for the same input.

>>> from rdflib import Graph
>>> turtle_bytes(Graph()) == turtle_bytes(Graph())
True
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from ..fileio import write_output


def turtle_bytes(g: Graph) -> bytes:
    """rdflib's Turtle serializer sorts subjects and predicates, so equal graphs give equal bytes."""
    return g.serialize(format="turtle", encoding="utf-8")


def write_turtle(g: Graph, path: Path) -> None:
    write_output(path, turtle_bytes(g), "Turtle")
