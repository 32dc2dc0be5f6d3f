"""Build the knowledge graph of report files: read → extract → build → export (Turtle, HTML).

>>> report_id(Path("seeds/tianjin-2023-government-work-report.txt"))
'tianjin-2023'
"""
from __future__ import annotations

import hashlib
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, Graph

from ontology.namespace import GK

from .builder import build_graph
from .errors import GovkgError
from .exporters.html import write_html
from .exporters.turtle import write_turtle
from .pipeline import read_document, run_pipeline
from .reader import read_report_text

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_REPORT = ROOT / "seeds" / "tianjin-2023-government-work-report.txt"
DEFAULT_OUT = Path("exports")
#: Classes counted in the build summary, in this order.
SUMMARY_CLASSES = ("Report", "Sentence", "District", "FunctionalArea", "ExternalPlace", "Project",
                   "StageAssertion", "Action", "Indicator", "Observation", "RelationAssertion")


@dataclass
class BuildResult:
    report: Path
    report_id: str
    turtle: Path
    html: Path | None
    triples: int
    instances: dict[str, int]
    observations_by_status: dict[str, int]
    seconds: float
    city: str | None = None
    year: int | None = None
    graph: Graph = field(repr=False, default=None)


def report_id(path: Path) -> str:
    """A short id from the file name: 'tianjin-2023-government-work-report.txt' → 'tianjin-2023'."""
    stem = re.sub(r"[-_ ]?(?:government[-_ ]work[-_ ]report|政府工作报告)$", "", path.stem, flags=re.I)
    stem = re.sub(r"[^\w\-]+", "-", stem).strip("-")
    return stem or "report"


def build_report(path: Path, out_dir: Path, city: str | None = None, year: int | None = None,
                 html: bool = True) -> BuildResult:
    """Build one report's graph and write `<id>.ttl` (and `<id>.html`) into `out_dir`."""
    started = time.perf_counter()
    text = read_report_text(path)
    rid = report_id(path)
    doc = read_document(text, rid, city=city, year=year)
    if not doc.meta.city:
        raise GovkgError(f"{path}: cannot tell which city the report is about (no 在…人民代表大会 line); pass --city")
    if not doc.meta.year:
        raise GovkgError(f"{path}: cannot tell the report's year from its opening lines; pass --year")
    if not doc.sections:
        raise GovkgError(f"{path}: no numbered sections (一、…) found; is this a government work report?")
    extraction = run_pipeline(doc)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    g = build_graph(doc, extraction, source=path.name, content_hash=digest)
    _check_out_dir(out_dir)
    turtle = out_dir / f"{rid}.ttl"
    write_turtle(g, turtle)
    html_path = None
    if html:
        html_path = out_dir / f"{rid}.html"
        write_html(g, html_path, f"{doc.meta.year}年{doc.meta.city}政府工作报告 · govkg")
    return BuildResult(path, rid, turtle, html_path, len(g), _instances(g), _by_status(extraction),
                       time.perf_counter() - started, doc.meta.city, doc.meta.year, g)


def _check_out_dir(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise GovkgError(f"{out_dir}: cannot create output folder ({e.strerror or e})") from None
    if not out_dir.is_dir():
        raise GovkgError(f"{out_dir}: output path is not a folder")


def _instances(g: Graph) -> dict[str, int]:
    return {name: len(set(g.subjects(RDF.type, GK[name]))) for name in SUMMARY_CLASSES}


def _by_status(extraction) -> dict[str, int]:
    return dict(sorted(Counter(o.status for o in extraction.observations).items()))
