"""Time and peak memory of building one large report: 1 MB, 10 MB and 50 MB of real report text (the bundled
report's paragraphs repeated, every fifth paragraph with its punctuation removed, so clauses run long).

    .venv/bin/python benchmarks/memory_scale.py [--sizes 1 10 50]

Prints one line per size: MB, characters, seconds, peak RSS of the build process. Build memory should grow
linearly with the input; a 50 MB report should stay under 2 GB.
"""
from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "tianjin-2023-government-work-report.txt"


def report_of(megabytes: float) -> str:
    """A report of about `megabytes` MB (UTF-8): the seed's opening, then its body paragraphs over and over."""
    text = SEED.read_text(encoding="utf-8")
    head, body = text[:2000], [p for p in text[2000:].split("\n") if p.strip()]
    out, size, i = [head], len(head.encode()), 0
    while size < megabytes * 1024 * 1024:
        paragraph = body[i % len(body)]
        if i % 5 == 4:
            paragraph = re.sub(r"[，。；：、]", "", paragraph)  # a paragraph without punctuation
        out.append(paragraph)
        size += len(paragraph.encode()) + 1
        i += 1
    return "\n".join(out) + "\n"


def build(path: Path, out: Path) -> tuple[float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run([str(Path(sys.executable).with_name("govkg")), "build", str(path), "--out", str(out),
                    "--no-html"], check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB, the largest child so far
    return seconds, max(peak, before)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 50])
    args = parser.parse_args()
    print(f"{'MB':>6} {'chars':>11} {'seconds':>8} {'peak RSS MiB':>13}")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.sizes:
            path = Path(tmp) / f"big-{mb:g}mb.txt"
            text = report_of(mb)
            path.write_text(text, encoding="utf-8")
            seconds, peak = build(path, Path(tmp) / "out")
            print(f"{mb:>6g} {len(text):>11,} {seconds:>8.1f} {peak / 1024:>13.0f}", flush=True)


if __name__ == "__main__":
    main()
