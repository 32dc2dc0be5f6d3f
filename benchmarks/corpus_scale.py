"""Scale benchmark: a synthetic corpus of N reports built with 2 workers, loaded into Oxigraph, queried.

    .venv/bin/python benchmarks/corpus_scale.py 10 100 1000 [--workers 2] [--dir /tmp/govkg-scale]

The synthetic reports recombine paragraphs of the bundled Tianjin 2023 report (review paragraphs under a review
heading, plan paragraphs under a plan heading) for other cities and years: the opening line names the city and
the year, and 天津/2022/2023 in the text become the city and the report's years. Each report is about 4,000
characters. Figures: wall time of the build, characters per second, peak memory (this process and the largest
worker, and their sum as an upper bound), size on disk, bulk-load time of the corpus N-Quads into a pyoxigraph
Store, and latency of the cookbook queries over the union of the named graphs.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from govkg.build import BUNDLED_REPORT  # noqa: E402
from govkg.ontology.namespace import DATA_IRI  # noqa: E402
from govkg.corpus import build_corpus  # noqa: E402
from govkg.query import named_queries  # noqa: E402

CITIES = ["天津市", "北京市", "上海市", "重庆市", "石家庄市", "太原市", "沈阳市", "长春市", "南京市", "杭州市", "合肥市",
          "福州市", "南昌市", "济南市", "郑州市", "武汉市", "长沙市", "广州市", "南宁市", "成都市", "贵阳市", "昆明市",
          "西安市", "兰州市", "西宁市", "银川市", "乌鲁木齐市", "呼和浩特市", "哈尔滨市", "海口市", "拉萨市",
          "大连市", "青岛市", "宁波市", "厦门市", "深圳市", "苏州市", "无锡市", "佛山市", "东莞市"]
YEARS = list(range(2000, 2026))
PARAGRAPHS_PER_PART = 7


def seed_parts() -> tuple[list[str], list[str]]:
    """Review and plan paragraphs of the bundled report (headings and the opening lines left out)."""
    review, plan, part = [], [], None
    for line in BUNDLED_REPORT.read_text(encoding="utf-8").split("\n"):
        line = line.strip()
        if re.match(r"^[一二三四五六七八九十]{1,3}、", line):
            part = "review" if "回顾" in line else "plan"
            continue
        if not line or part is None or re.match(r"^（[一二三四五六七八九十]+）", line) or len(line) > 900:
            continue
        (review if part == "review" else plan).append(line)
    return review, plan


def synthetic_report(i: int, review: list[str], plan: list[str]) -> tuple[str, str]:
    """(file name, text) of synthetic report i: city and year cycle so that consecutive years exist."""
    rng = random.Random(i)
    city = CITIES[i // len(YEARS) % len(CITIES)]
    year = YEARS[i % len(YEARS)]
    short = city[:-1]
    swap = lambda s: s.replace("2023", str(year)).replace("2022", str(year - 1)).replace("天津市", city) \
        .replace("天津", short)  # noqa: E731
    lines = [f"──{year}年1月15日在{city}第十六届人民代表大会第{rng.choice('一二三四五')}次会议上", f"{city}市长 某某",
             "各位代表：", f"一、{year - 1}年工作回顾"]
    lines += [swap(p) for p in rng.sample(review, min(PARAGRAPHS_PER_PART, len(review)))]
    lines.append(f"二、{year}年工作安排")
    lines += [swap(p) for p in rng.sample(plan, min(PARAGRAPHS_PER_PART, len(plan)))]
    rid = f"c{i // len(YEARS) % len(CITIES):02d}-{year}-{i:05d}"
    return f"{rid}.txt", "\n".join(lines) + "\n"


def make_corpus(folder: Path, n: int) -> int:
    review, plan = seed_parts()
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for i in range(n):
        name, text = synthetic_report(i, review, plan)
        (folder / name).write_text(text, encoding="utf-8")
        chars += len(text)
    return chars


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def run(n: int, base: Path, workers: int) -> dict:
    src, out = base / f"reports-{n}", base / f"out-{n}"
    shutil.rmtree(src, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    chars = make_corpus(src, n)
    paths = sorted(src.glob("*.txt"))
    started = time.perf_counter()
    result = build_corpus(paths, out, html=False, workers=workers, corpus="corpus")
    wall = time.perf_counter() - started
    build_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert not result.failures, result.failures[:3]
    started = time.perf_counter()
    again = build_corpus(paths, out, html=False, workers=workers, corpus="corpus")
    rebuild = time.perf_counter() - started
    assert all(o.status == "unchanged" for o in again.reports)

    store_dir = base / f"store-{n}"
    shutil.rmtree(store_dir, ignore_errors=True)
    store = ox.Store(str(store_dir))
    started = time.perf_counter()
    store.bulk_load(path=str(result.trig), format=ox.RdfFormat.TRIG)
    load = time.perf_counter() - started
    latency = {}
    queries = named_queries()
    # the per-report cookbook queries on one report's named graph (a shared node sits in every graph that
    # mentions it, so those queries are meant for one graph at a time), averaged over up to 20 reports
    sample = [o.report_id for o in result.ok][:20]
    for name in ("observations", "districts"):
        started = time.perf_counter()
        rows = sum(sum(1 for _ in store.query(queries[name], default_graph=ox.NamedNode(DATA_IRI + rid)))
                   for rid in sample)
        latency[name] = {"seconds_per_report": round((time.perf_counter() - started) / len(sample), 4),
                         "rows": rows, "reports": len(sample)}
    # the corpus query on the union of all graphs
    started = time.perf_counter()
    rows = sum(1 for _ in store.query(queries["target_outcomes"], use_default_graph_as_union=True))
    latency["target_outcomes"] = {"seconds": round(time.perf_counter() - started, 3), "rows": rows}
    del store
    shutil.rmtree(store_dir, ignore_errors=True)

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "reports": n, "workers": workers, "chars": chars, "build_seconds": round(wall, 2),
        "chars_per_second": round(chars / wall), "rebuild_unchanged_seconds": round(rebuild, 2),
        "peak_mb_main_build": round(build_peak), "peak_mb_largest_worker": round(child),
        "peak_mb_build_upper_bound": round(build_peak + workers * child),
        "peak_mb_main_with_oxigraph_and_queries": round(own),
        "quads": result.quads, "assessments": len(result.assessments),
        "corpus_trig_mb": round(result.trig.stat().st_size / 2**20, 1),
        "out_dir_mb": round(size_of(out) / 2**20, 1),
        "oxigraph_bulk_load_seconds": round(load, 2), "query_latency": latency,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[10, 100])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/govkg-scale"))
    ap.add_argument("--keep", action="store_true", help="Keep the synthetic reports and outputs.")
    args = ap.parse_args()
    for n in args.sizes:
        print(json.dumps(run(n, args.dir, args.workers), ensure_ascii=False), flush=True)
    if not args.keep:
        shutil.rmtree(args.dir, ignore_errors=True)


if __name__ == "__main__":
    main()
