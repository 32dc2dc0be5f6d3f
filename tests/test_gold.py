"""Quality on hand-made gold annotations (../shared/eval), scored by its own scorer through `govkg query`.

The floors are the scores govkg reached when they were set: a change that lowers one fails here. They are
development checks on two reports; what counts is the score on reports govkg has never seen.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from govkg.build import build_report

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "eval" / "score.py"
GOVKG = Path(sys.executable).with_name("govkg")

#: gold file, report file → floor of F1 per kind
FLOORS = {
    ("beijing-2025-gold.jsonl", "seeds/beijing-2025-government-work-report.txt"):
        {"observations": 0.98, "districts": 0.95, "projects": 0.82, "actions": 0.84, "relations": 0.75},
    ("dev-gold.jsonl", "seeds/tianjin-2023-government-work-report.txt"):
        {"observations": 0.98, "districts": 1.0, "projects": 0.89, "actions": 0.90, "relations": 0.93},
}


def scores(gold: Path, graph: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, str(SCORER), str(gold), "--cmd",
                          f"{GOVKG} query {{name}} --graph {graph} --format json"],
                         capture_output=True, text=True, check=True).stdout
    return {m.group(1): float(m.group(2)) for m in re.finditer(r"^(\w+)\s+P=\S+ R=\S+ F1=([\d.]+)", out, re.M)}


@pytest.mark.skipif(not SCORER.is_file() or not GOVKG.is_file(), reason="../shared/eval or the govkg command missing")
@pytest.mark.parametrize("gold, report", list(FLOORS))
def test_gold_scores_stay_above_their_floors(gold, report, tmp_path):
    built = build_report(SHARED / report, tmp_path, html=False)
    found = scores(SHARED / "eval" / gold, built.turtle)
    floors = FLOORS[(gold, report)]
    assert set(found) == set(floors)
    below = {kind: (found[kind], floor) for kind, floor in floors.items() if found[kind] < floor}
    assert not below, f"{gold}: F1 below the floor (found, floor): {below}"
