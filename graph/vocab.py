"""Vocabularies are data: word lists live in ``graph/data/*.txt`` (one or more entries a line, separated by
spaces; ``#`` comments), loaded once. Tables (a key and its values a line) are read by `word_table`.

>>> "大学" in word_list("place_name_heads")
True
>>> word_table("units")["公里"]
('km', '1')
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[list[str]]:
    text = resources.files("govkg").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    fields = (line.split("#", 1)[0].split() for line in text.splitlines())
    return [f for f in fields if f]


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>.txt`` in file order, without comments, blank lines and repeats."""
    return tuple(dict.fromkeys(entry for fields in _lines(name) for entry in fields))


@lru_cache(maxsize=None)
def word_table(name: str) -> dict[str, tuple[str, ...]]:
    """``data/<name>.txt`` as a table: the first entry of each line → the line's other entries (lines with the
    same first entry joined, so a long group may take several lines)."""
    table: dict[str, tuple[str, ...]] = {}
    for fields in _lines(name):
        table[fields[0]] = table.get(fields[0], ()) + tuple(fields[1:])
    return table
