"""Shared fixtures: one build of the bundled report per test session (building takes a few seconds)."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from govkg.build import BUNDLED_REPORT, build_report


@pytest.fixture(scope="session")
def bundled_build(tmp_path_factory):
    """The bundled Tianjin 2023 report built into a fresh folder."""
    out = tmp_path_factory.mktemp("exports")
    return build_report(BUNDLED_REPORT, out)


@pytest.fixture
def write_report(tmp_path: Path):
    """Write a small report (text or bytes) to a file and return its path."""

    def write(content, name: str = "report.txt") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


# Commands with no graph argument read the last build's folder: keep the tests' record away from the user's, in a
# folder removed when the tests end.
if "GOVKG_STATE_DIR" not in os.environ:
    os.environ["GOVKG_STATE_DIR"] = tempfile.mkdtemp(prefix="govkg-state-")
    atexit.register(shutil.rmtree, os.environ["GOVKG_STATE_DIR"], ignore_errors=True)
