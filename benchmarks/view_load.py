"""Benchmark: load-to-interactive time of the HTML views in headless Chromium.

    .venv/bin/python benchmarks/view_load.py [--nodes 3000] [--repeat 3] [--physics-compare]

Builds the bundled report's views and a synthetic report-shaped graph of N nodes
(`govkg.exporters.views.synthetic_view`), renders both with `govkg.exporters.html.render_view`, and
loads each page in headless Debian Chromium (selenium + chromedriver, fresh profile, no background
networking).  "Interactive" is the moment the page sets `window.govkg.ready`: physics stabilised and
switched off (graphs up to PHYSICS_NODE_LIMIT nodes) or, for larger graphs, the first draw at the
precomputed positions; the figure is `performance.now()` then, i.e. milliseconds since navigation
started (HTML parsing and the inlined vis-network script included).  Prints the best and median of
--repeat loads, plus render time and file size.  --physics-compare also loads the synthetic graph with
vis-network's physics left on for a full stabilisation (what pyvis does by default), for contrast.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govkg.build import BUNDLED_REPORT, build_report  # noqa: E402
from govkg.exporters import html as html_view  # noqa: E402
from govkg.exporters.views import synthetic_view  # noqa: E402


def make_driver(profile: str):
    os.environ["SE_OFFLINE"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        sys.exit("needs chromium and chromedriver (bash scripts/test.sh installs them as root)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000",
                f"--user-data-dir={profile}"):
        options.add_argument(arg)
    return webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)


def load(driver, path: Path, timeout: float = 600.0) -> tuple[float, float]:
    """(readyMs reported by the page, wall-clock seconds from driver.get to ready)."""
    driver.get("about:blank")
    started = time.perf_counter()
    driver.get(path.resolve().as_uri())
    while time.perf_counter() - started < timeout:
        ready = driver.execute_script("return window.govkg && window.govkg.ready ? window.govkg.readyMs : null")
        if ready:
            return float(ready), time.perf_counter() - started
        time.sleep(0.02)
    raise TimeoutError(f"{path} not interactive after {timeout} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--physics-compare", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="govkg-view-bench-"))
    started = time.perf_counter()
    result = build_report(BUNDLED_REPORT, work / "exports")
    build_s = time.perf_counter() - started
    pages: list[tuple[str, Path, float]] = [("bundled report, main view", result.html, 0.0)]
    ego = work / "exports" / f"{result.report_id}-views" / "district-120116.html"
    if ego.exists():
        pages.append(("bundled report, 滨海新区 ego view", ego, 0.0))

    view = synthetic_view(args.nodes)
    started = time.perf_counter()
    page = html_view.render_view(view, f"synthetic {args.nodes}-node graph")
    render_s = time.perf_counter() - started
    synthetic = work / f"synthetic-{args.nodes}.html"
    synthetic.write_text(page, encoding="utf-8")
    pages.append((f"synthetic {view.number_of_nodes()} nodes / {view.number_of_edges()} edges", synthetic, render_s))

    if args.physics_compare:
        data_start = page.index('id="govkg-data">') + len('id="govkg-data">')
        data_end = page.index("</script>", data_start)
        data = json.loads(page[data_start:data_end])
        data["options"]["physics"]["enabled"] = True
        data["options"]["physics"]["stabilization"] = {"enabled": True, "iterations": 1000, "fit": True}
        physics_page = page[:data_start] + html_view.safe_json(data) + page[data_end:]
        physics = work / f"synthetic-{args.nodes}-physics.html"
        physics.write_text(physics_page, encoding="utf-8")
        pages.append((f"synthetic {args.nodes}, physics on (1000 iterations)", physics, 0.0))

    print(f"bundled build incl. all views: {build_s:.2f} s; "
          f"views folder: {len(list(ego.parent.glob('*.html')))} pages")
    print(f"{'page':52} {'MB':>5} {'render s':>8} {'ready ms (best / median)':>26} {'wall s':>7}")
    driver = make_driver(tempfile.mkdtemp(prefix="govkg-chromium-"))
    try:
        for name, path, render in pages:
            runs = [load(driver, path) for _ in range(1 if "physics on" in name else args.repeat)]
            ready = sorted(r for r, _ in runs)
            wall = min(w for _, w in runs)
            size = path.stat().st_size / 1e6
            print(f"{name:52} {size:5.2f} {render:8.2f} {ready[0]:12.0f} / {statistics.median(ready):9.0f} {wall:7.2f}")
    finally:
        driver.quit()
    print(f"Chromium: {shutil.which('chromium')}; physics limit {html_view.PHYSICS_NODE_LIMIT} nodes, "
          f"at most {html_view.STABILIZATION_ITERATIONS} stabilisation iterations "
          f"({html_view.STABILIZATION_BUDGET} node-iterations) below it")


if __name__ == "__main__":
    main()
