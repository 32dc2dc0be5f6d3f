"""Benchmark: time and memory of each pipeline stage and of the exports, per report.

    .venv/bin/python benchmarks/build_speed.py [REPORT ...] [--repeat N]

Prints one line per report and stage (best of N runs, seconds) plus peak resident memory. No report given:
the bundled report and, when present, every report in ../shared/seeds/.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.build import BUNDLED_REPORT, report_id  # noqa: E402
from graph.builder import build_graph  # noqa: E402
from graph.exporters.html import write_html  # noqa: E402
from graph.exporters.turtle import write_turtle  # noqa: E402
from graph.pipeline import STAGES, Extraction, read_document  # noqa: E402
from graph.query import load_store, named_queries, run_query  # noqa: E402
from graph.reader import read_report_text  # noqa: E402


def timed(fn):
    started = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - started


def bench(path: Path, repeat: int) -> dict[str, float]:
    best: dict[str, float] = {}
    out = Path(tempfile.mkdtemp())

    def record(name: str, seconds: float) -> None:
        best[name] = min(best.get(name, seconds), seconds)

    for _ in range(repeat):
        text, t = timed(lambda: read_report_text(path))
        record("read", t)
        doc, t = timed(lambda: read_document(text, report_id(path)))
        record("parse", t)
        ex = Extraction()
        for name, stage in STAGES:
            _, t = timed(lambda: stage(doc, ex))
            record(f"extract:{name}", t)
        g, t = timed(lambda: build_graph(doc, ex, path.name))
        record("rdf", t)
        _, t = timed(lambda: write_turtle(g, out / "r.ttl"))
        record("turtle", t)
        _, t = timed(lambda: write_html(g, out / "r.html", "bench"))
        record("html", t)
        store, t = timed(lambda: load_store(out / "r.ttl"))
        record("query:load", t)
        for name, sparql in sorted(named_queries().items()):
            _, t = timed(lambda: run_query(store, sparql))
            record(f"query:{name}", t)
    best["triples"] = len(g)
    best["chars"] = len(text)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reports", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    shared = ROOT.parent / "shared" / "seeds"
    reports = a.reports or [BUNDLED_REPORT] + sorted(p for p in shared.glob("*.txt") if p.name != BUNDLED_REPORT.name)
    (_, warmup) = timed(lambda: bench(BUNDLED_REPORT, 1))  # loads jieba's dictionary once
    print(f"warm-up (jieba dictionary load + first build): {warmup:.2f} s")
    for path in reports:
        figures = bench(path, a.repeat)
        total = sum(v for k, v in figures.items() if k not in ("triples", "chars") and not k.startswith("query"))
        print(f"{path.name}: {int(figures['chars'])} chars, {int(figures['triples'])} triples, "
              f"build {total:.2f} s (best of {a.repeat})")
        for name, seconds in figures.items():
            if name not in ("triples", "chars"):
                print(f"  {name:22s} {seconds * 1000:8.1f} ms")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
