"""Corpus speed on real report text: N copies of the seed reports, each varied so none is skipped, built by
`govkg build` with 2 workers; then every cookbook query on the corpus next to the same query on one report.

    .venv/bin/python benchmarks/corpus_seeds.py [--reports 1000] [--workers 2] [--seeds ../shared/seeds]
                                                [--ratio 100] [--dir /tmp/govkg-seeds-bench]

Copy i of a seed is the seed's text with one closing line naming the copy (so its content hash differs); copies
cycle through the seeds. Figures: wall time of the build, reports and characters per second, peak memory (the
largest single process, and the sum over the build's process tree sampled every 0.1 s), output size in all and
per report; `--ratio K` also builds the first K copies with 1 and with 2 workers and prints the ratio; then the
time to load the corpus TriG into a store, to read that report and its seed's copies alone out of the build folder
and out of the TriG (by the block index its build wrote), and each named query's time (best of 3) on one report on
its own, on the corpus scoped to that report and to all copies of its seed (`govkg query --report`), and on the
whole corpus, with its rows there and the time per row (a listing's time grows with the rows it returns: the
same per row on the corpus as on one report shows a query that scales linearly).
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govkg.query import execute, is_union_view, load_store, named_queries, report_graphs  # noqa: E402

GOVKG = str(Path(sys.executable).with_name("govkg"))


def seed_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.txt"))


def make_copies(seeds: list[Path], n: int, folder: Path) -> int:
    """Write n varied copies of the seeds into `folder`; returns the characters written."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    texts = [(s.name.replace("-government-work-report.txt", ""), s.read_text(encoding="utf-8")) for s in seeds]
    chars = 0
    for i in range(n):
        stem, text = texts[i % len(texts)]
        copy = text.rstrip("\n") + f"\n（本文为基准测试副本，编号{i:05d}。）\n"
        (folder / f"{stem}-c{i:05d}-government-work-report.txt").write_text(copy, encoding="utf-8")
        chars += len(copy)
    return chars


def _tree_rss(pid: int) -> int:
    """Resident memory (bytes) of `pid` and all its descendants."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/statm") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total


def build(folder: Path, out: Path, workers: int) -> tuple[float, int]:
    """(wall seconds, peak RSS of the process tree in bytes) of `govkg build folder --out out -j workers`."""
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    proc = subprocess.Popen([GOVKG, "build", str(folder), "--out", str(out), "-j", str(workers), "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"govkg build failed ({proc.returncode}): {err.decode()[-2000:]}")
    return seconds, peak[0]


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def best_of(n: int, fn) -> tuple[float, object]:
    times, value = [], None
    for _ in range(n):
        started = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - started)
    return min(times), value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--ratio", type=int, default=100, help="reports for the 1-vs-2-worker ratio (0: skip)")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/govkg-seeds-bench"))
    parser.add_argument("--queries-only", action="store_true", help="query the corpus an earlier run built in --dir")
    parser.add_argument("--build-only", action="store_true", help="build and measure, no queries")
    parser.add_argument("--timeout", type=float, default=60, help="seconds one query may take on the corpus")
    args = parser.parse_args()
    seeds = seed_files(args.seeds)
    if not seeds:
        sys.exit(f"{args.seeds}: no seed reports (*.txt)")
    reports, out = args.dir / "reports", args.dir / "out"
    if not args.queries_only:
        build_and_measure(args, seeds, reports, out)
    if not args.build_only:
        queries(out, args.timeout)


def build_and_measure(args, seeds: list[Path], reports: Path, out: Path) -> None:
    chars = make_copies(seeds, args.reports, reports)
    print(f"{args.reports} reports from {len(seeds)} seeds, {chars:,} characters ({chars / args.reports:,.0f} each)")

    if args.ratio:
        small = args.dir / "ratio"
        make_copies(seeds, min(args.ratio, args.reports), small)
        one, _ = build(small, args.dir / "ratio-out", 1)
        two, _ = build(small, args.dir / "ratio-out", 2)
        print(f"1 vs 2 workers on {min(args.ratio, args.reports)} reports: {one:.1f} s vs {two:.1f} s "
              f"(2 workers take {two / one:.2f}x the wall time of 1)")
        shutil.rmtree(small)

    seconds, peak = build(reports, out, args.workers)
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    size = size_of(out)
    print(f"build: {seconds:.1f} s wall with {args.workers} workers ({args.reports / seconds:.1f} reports/s, "
          f"{chars / seconds:,.0f} chars/s); peak RSS {peak / 2**20:,.0f} MiB summed over the process tree, "
          f"{largest / 2**20:,.0f} MiB the largest process")
    print(f"output: {size / 2**20:,.0f} MiB ({size / args.reports / 2**10:,.0f} KiB per report), of which "
          f"corpus.trig "
          f"{(out / 'corpus.trig').stat().st_size / 2**20:,.0f} MiB, cache {size_of(out / '.govkg') / 2**20:,.0f} MiB")



def queries(out: Path, timeout: float) -> None:
    """Each named query on one report and on the corpus (best of 3; on the corpus in a forked child, so that a
    query slower than `timeout` is stopped and said so)."""
    load, store = best_of(1, lambda: load_store(out / "corpus.trig"))
    union = "queried as the union of its graphs" if is_union_view(store) else "plus their union copied"
    print(f"corpus store: {len(store):,} quads in named graphs ({union}) loaded in {load:.1f} s; the build "
          f"folder itself loads in {best_of(1, lambda: load_store(out))[0]:.1f} s")
    report = next(out.glob("tianjin-2023-*.ttl"))
    single, copies = load_store(report), "tianjin-2023-*"
    scopes = {"that report in the corpus (--report)": report_graphs(store, [report.stem]),
              f"the {len(list(out.glob(copies + '.ttl')))} copies of its seed in the corpus (--report '{copies}')":
              report_graphs(store, [copies])}
    print(f"one report: {report.stem} on its own; " + "; ".join(f"scoped {i + 1}: {what}" for i, what in enumerate(scopes)))
    for what, source in (("build folder", out), ("corpus TriG (by its build's block index)", out / "corpus.trig")):
        print(f"the {what} read for that report only (--report): "
              f"{best_of(1, lambda: load_store(source, reports=[report.stem]))[0]:.2f} s; for its copies: "
              f"{best_of(1, lambda: load_store(source, reports=[copies]))[0]:.1f} s")
    print(f"{'query':42} {'one report':>11} {'scoped 1':>9} {'scoped 2':>9} {'corpus':>9} {'rows':>8} {'per row':>8}")
    for name, sparql in sorted(named_queries().items()):
        one, _ = best_of(3, lambda: execute(single, sparql))
        scoped = [best_of(3, lambda: execute(store, sparql, graphs))[0] for graphs in scopes.values()]
        print(f"{name:42} {one * 1000:>8.0f} ms " + " ".join(f"{s * 1000:>6.0f} ms" for s in scoped)
              + f" {_timed_in_child(store, sparql, timeout)}", flush=True)


def _timed_in_child(store, sparql: str, timeout: float) -> str:
    import multiprocessing

    def run(queue) -> None:
        seconds, result = best_of(3, lambda: execute(store, sparql))
        queue.put((seconds, len(result.rows) if result.form == "select" else len(result.triples)))

    queue = multiprocessing.get_context("fork").Queue()
    child = multiprocessing.get_context("fork").Process(target=run, args=(queue,))
    child.start()
    child.join(timeout * 3)
    if child.is_alive():
        child.kill()
        return f"> {timeout:.0f} s"
    seconds, rows = queue.get()
    return f"{seconds * 1000:>6.0f} ms {rows:>8} {seconds / max(rows, 1) * 1e6:>5.1f} µs"


if __name__ == "__main__":
    main()
