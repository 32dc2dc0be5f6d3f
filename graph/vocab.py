"""Vocabularies are data: word lists live in ``graph/data/*.txt`` (one entry a line, ``#`` comments), loaded once.

>>> "大学" in word_list("place_name_heads")
True
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>.txt`` in file order, without comments and blank lines."""
    text = resources.files("govkg").joinpath("data", f"{name}.txt").read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(dict.fromkeys(e for e in entries if e))
