"""Every docstring example in the govkg package runs and prints what it shows."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

#: Packages whose modules are searched (govkg.ontology lives in ontology/, outside graph/).
PACKAGES = ("govkg", "govkg.ontology")


def _modules() -> list[str]:
    found = set()
    for name in PACKAGES:
        package = importlib.import_module(name)
        found |= {m.name for m in pkgutil.walk_packages(package.__path__, name + ".")}
    return sorted(found)


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed (output above)"


def test_examples_are_found() -> None:
    assert "govkg.build" in _modules() and "govkg.ontology.namespace" in _modules()
