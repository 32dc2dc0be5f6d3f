"""Quality on every hand-made gold annotation in ../shared/eval, side by side: P, R and F1 per kind and report.

    .venv/bin/python benchmarks/gold_scores.py [--shared ../shared] [--show N]

Builds each gold's report (the gold file names it: ``beijing-2025-gold.jsonl`` → the Beijing 2025 seed,
``dev-gold.jsonl`` → the bundled Tianjin 2023 report) into a temporary folder, answers the five core named queries
in-process, and scores them with the evaluation's own scorer (``score.py --pred-dir``). Prints one table; `--show N`
also prints N missed and extra examples per kind and report.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govkg.build import build_report  # noqa: E402
from govkg.query import load_store, named_queries, run_query  # noqa: E402

KINDS = ("observations", "districts", "projects", "actions", "relations")
#: gold file → report it annotates (relative to ../shared)
REPORTS = {"dev-gold.jsonl": "seeds/tianjin-2023-government-work-report.txt",
           "beijing-2025-gold.jsonl": "seeds/beijing-2025-government-work-report.txt"}
LINE = re.compile(r"^(\w+)\s+P=([\d.]+) R=([\d.]+) F1=([\d.]+)", re.M)


def score(shared: Path, gold: str, report: str, show: int) -> tuple[dict[str, tuple[float, float, float]], str]:
    """({kind: (P, R, F1)}, the scorer's full output) for one gold file."""
    with tempfile.TemporaryDirectory(prefix="govkg-gold-") as tmp:
        built = build_report(shared / report, Path(tmp), html=False, page=False)
        store, predictions = load_store(built.turtle), Path(tmp) / "predictions"
        predictions.mkdir()
        for kind in KINDS:
            rows = run_query(store, named_queries()[kind])[1]
            (predictions / f"{kind}.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        out = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(shared / "eval" / gold),
                              "--pred-dir", str(predictions), "--show", str(show)],
                             capture_output=True, text=True, check=True).stdout
    return {m[1]: (float(m[2]), float(m[3]), float(m[4])) for m in LINE.finditer(out)}, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show", type=int, default=0, help="missed and extra examples per kind and report")
    args = parser.parse_args()
    golds = [g for g in REPORTS if (args.shared / "eval" / g).is_file()]
    if not golds:
        sys.exit(f"{args.shared / 'eval'}: no gold annotation")
    results = {}
    for gold in golds:
        results[gold], out = score(args.shared, gold, REPORTS[gold], args.show)
        if args.show:
            print(f"== {gold}\n{out}")
    print(f"{'kind':14}" + "".join(f"{gold.removesuffix('.jsonl') + ' P / R / F1':>34}" for gold in golds))
    for kind in KINDS:
        cells = [results[g].get(kind) for g in golds]
        print(f"{kind:14}" + "".join(f"{'%.3f / %.3f / %.3f' % c if c else '—':>34}" for c in cells))
    for gold in golds:
        f1s = [f1 for _, _, f1 in results[gold].values()]
        print(f"macro F1 {gold}: {sum(f1s) / len(f1s):.3f}")


if __name__ == "__main__":
    main()
