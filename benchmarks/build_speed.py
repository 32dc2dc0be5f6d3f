"""Benchmark: build time of the bundled report by phase, per-stage times, and extraction throughput.

    .venv/bin/python benchmarks/build_speed.py [REPORT ...] [--repeat N] [--megabytes M]

Prints (1) the cold build of the bundled report split into start-up (imports), jieba initialisation,
extraction, graph building and export; (2) per report, the best of N runs of every stage; (3) extraction
throughput in chars/s over the bundled report repeated to M MB of text, next to segmentation alone on the same
text; (4) peak resident memory. No report given: the bundled report and every report in ../shared/seeds/.
"""
from __future__ import annotations

import time

_T0 = time.perf_counter()

import argparse  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govkg.build import BUNDLED_REPORT, report_id  # noqa: E402
from govkg.builder import report_triples  # noqa: E402
from govkg.exporters.html import write_html  # noqa: E402
from govkg.exporters.turtle import write_turtle  # noqa: E402
from govkg.pipeline import STAGES, Extraction, read_document  # noqa: E402
from govkg.query import load_store, named_queries, run_query  # noqa: E402
from govkg.reader import read_report_text  # noqa: E402
from govkg.pipeline import run_pipeline  # noqa: E402
from govkg.segment import tokenizer  # noqa: E402

STARTUP = time.perf_counter() - _T0


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
        g, t = timed(lambda: report_triples(doc, ex, path.name))
        record("rdf", t)
        _, t = timed(lambda: write_turtle(g, out / "r.ttl"))
        record("turtle", t)
        _, t = timed(lambda: write_html(g.to_rdflib(), out / "r.html", "bench"))
        record("html", t)
        store, t = timed(lambda: load_store(out / "r.ttl"))
        record("query:load", t)
        for name, sparql in sorted(named_queries().items()):
            _, t = timed(lambda: run_query(store, sparql))
            record(f"query:{name}", t)
    best["triples"] = len(g)
    best["chars"] = len(text)
    return best


def cold_build() -> None:
    """The first build in this process, phase by phase (jieba's dictionary is loaded here)."""
    _, jieba_init = timed(lambda: (tokenizer(), __import__("govkg.segment", fromlist=["x"]).word_tags(),
                                   __import__("govkg.segment", fromlist=["x"]).word_frequency("的")))
    text = read_report_text(BUNDLED_REPORT)
    doc, parse = timed(lambda: read_document(text, report_id(BUNDLED_REPORT)))
    ex, extract = timed(lambda: run_pipeline(doc))
    g, build = timed(lambda: report_triples(doc, ex, BUNDLED_REPORT.name))
    out = Path(tempfile.mkdtemp())
    _, export = timed(lambda: (write_turtle(g, out / "r.ttl"), write_html(g.to_rdflib(), out / "r.html", "bench")))
    print(f"cold build of {BUNDLED_REPORT.name}: start-up {STARTUP:.2f} s, jieba init {jieba_init:.2f} s, "
          f"extraction {parse + extract:.2f} s, graph building {build:.2f} s, export {export:.2f} s, "
          f"total {STARTUP + jieba_init + parse + extract + build + export:.2f} s")


def throughput(megabytes: float) -> None:
    """Extraction chars/s over the bundled report repeated to `megabytes` MB, against segmentation alone (jieba's
    algorithm and dictionary, as `rjieba`)."""
    text = read_report_text(BUNDLED_REPORT)
    head, body = text.split("\n一、", 1)
    copies = max(1, int(megabytes * 1_000_000 / 3 / len(body)))  # ~3 bytes per Chinese char in UTF-8
    big = head + "\n" + "\n".join("一、" + body for _ in range(copies))
    doc = read_document(big, "throughput")
    _, extract = timed(lambda: run_pipeline(doc))
    _, segmentation = timed(lambda: tokenizer().cut(big, False))
    print(f"throughput on {len(big)} chars ({len(big.encode()) / 1e6:.1f} MB): extraction {len(big) / extract:,.0f} chars/s "
          f"({extract:.2f} s); segmentation alone {len(big) / segmentation:,.0f} chars/s ({segmentation:.2f} s); "
          f"ratio {segmentation / extract:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("reports", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--megabytes", type=float, default=2.0)
    a = ap.parse_args()
    shared = ROOT.parent / "shared" / "seeds"
    reports = a.reports or [BUNDLED_REPORT] + sorted(p for p in shared.glob("*.txt") if p.name != BUNDLED_REPORT.name)
    cold_build()
    for path in reports:
        figures = bench(path, a.repeat)
        total = sum(v for k, v in figures.items() if k not in ("triples", "chars") and not k.startswith("query"))
        print(f"{path.name}: {int(figures['chars'])} chars, {int(figures['triples'])} triples, "
              f"build {total:.2f} s (best of {a.repeat})")
        for name, seconds in figures.items():
            if name not in ("triples", "chars"):
                print(f"  {name:22s} {seconds * 1000:8.1f} ms")
    throughput(a.megabytes)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
