"""Build the knowledge graph of report files: read → extract → build → export (Turtle, HTML).

>>> report_id(Path("seeds/tianjin-2023-government-work-report.txt"))
'tianjin-2023'
>>> report_id(Path("天津市 2024年政府工作报告.txt")), report_id(Path("ºª.txt"))
('天津市-2024年', 'report')
"""
from __future__ import annotations

import hashlib
import os
import re
import time
from importlib import resources
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from govkg.ontology.namespace import GK

from .builder import report_triples
from .errors import GovkgError
from .fileio import write_output
from .exporters.turtle import ReportTurtle, write_report_turtle
from .document import Document
from .pipeline import Extraction, read_document, run_pipeline
from .reader import read_report
from .triples import TripleSet, iri

#: The report bundled with govkg (package data of govkg.seeds, the seeds/ folder).
BUNDLED_REPORT = Path(str(resources.files("govkg.seeds").joinpath("tianjin-2023-government-work-report.txt")))
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
    region: str | None = None
    year: int | None = None
    graph: TripleSet = field(repr=False, default=None)  # the report's triples (`.to_rdflib()` for an rdflib Graph)
    content_hash: str = ""  # sha256 of the file's bytes
    chars: int = 0  # length of the text as read (and normalised)
    normalisations: list[str] = field(default_factory=list)  # repairs the reader applied (crlf, html, pdf …)
    level: str | None = None  # national, province, municipality, prefecture or county
    warnings: list[str] = field(default_factory=list)  # what govkg was unsure of (one line each)
    parts: ReportTurtle | None = field(repr=False, default=None)  # own and shared lines, for a corpus
    page: Path | None = None  # the report page (<id>-report.html)


CHINESE = re.compile(r"[\u4e00-\u9fff]")


def report_id(path: Path) -> str:
    """A short id from the file name: 'tianjin-2023-government-work-report.txt' → 'tianjin-2023'."""
    stem = re.sub(r"[-_ ]?(?:government[-_ ]work[-_ ]report|政府工作报告)$", "", path.stem, flags=re.I)
    # ASCII letters and digits, _ and -, and CJK ideographs: safe in IRIs and in Turtle prefixed names
    stem = re.sub(r"[^0-9A-Za-z_\-\u4e00-\u9fff]+", "-", stem).strip("-")
    return stem or "report"


def build_report(path: Path, out_dir: Path, region: str | None = None, year: int | None = None,
                 html: bool = True, page: bool = True) -> BuildResult:
    """Build one report's graph and write `<id>.ttl` into `out_dir`, with `page` its report page
    `<id>-report.html` and with `html` its graph views `<id>.html` and `<id>-views/`."""
    started = time.perf_counter()
    read = read_report(path)
    rid = report_id(path)
    doc, extraction, triples = extract_report(read.text, rid, path.name, region=region, year=year, label=str(path))
    _check_out_dir(out_dir)
    _check_not_overwritten(path, out_dir, rid, html, page)
    turtle = out_dir / f"{rid}.ttl"
    parts = write_report_turtle(triples, rid, turtle)
    html_path = None
    if html:
        # main view <rid>.html, plus <rid>-views/: index page, ego views per district and action
        from .exporters.views import write_views
        html_path = write_views(triples.index(), out_dir, rid, f"{doc.meta.year}年{doc.meta.region}政府工作报告 · govkg").main
    page_path = None
    if page:
        page_path = _write_pages(doc, extraction, out_dir, rid, html_path.name if html_path else None)
    return BuildResult(path, rid, turtle, html_path, len(triples), _instances(triples), _by_status(extraction),
                       time.perf_counter() - started, doc.meta.region, doc.meta.year, triples,
                       content_hash=read.file_hash, chars=len(read.text), normalisations=list(read.normalisations),
                       level=doc.meta.level, warnings=list(doc.warnings), parts=parts, page=page_path)


def extract_report(text: str, rid: str, source: str, region: str | None = None, year: int | None = None,
                   label: str | None = None) -> tuple[Document, Extraction, TripleSet]:
    """(document, extraction, triples) of a report's text: a pure function of its arguments, no files touched,
    so it can run anywhere (a process pool, a Dask or Spark worker). `label` names the report in errors.

    `gk:contentHash` is the SHA-256 of `text` (UTF-8): offsets point into exactly that text.
    """
    label = label or source
    if not CHINESE.search(text):
        raise GovkgError(f"{label}: no Chinese report text in it")
    doc = read_document(text, rid, region=region, year=year)
    if not doc.meta.year:
        raise GovkgError(f"{label}: cannot tell the report's year (no dateline, title year or year in the text); "
                         "give it with --year or in a --manifest")
    extraction = run_pipeline(doc)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return doc, extraction, report_triples(doc, extraction, source=source, content_hash=digest)


def extract_graph(text: str, rid: str, source: str, region: str | None = None, year: int | None = None) -> Graph:
    """The RDF graph of a report's text (see `extract_report`)."""
    return extract_report(text, rid, source, region=region, year=year)[2].to_rdflib()


def _write_pages(doc: Document, extraction: Extraction, out_dir: Path, rid: str, view: str | None) -> Path:
    """The report page `<rid>-report.html` and a page per place in `<rid>-places/` (made again on any build, so
    not synced to disk one by one); returns the report page."""
    from .exporters.report_page import place_pages, report_page_html

    page_path = out_dir / f"{rid}-report.html"
    write_output(page_path, report_page_html(doc, extraction, rid, view).encode("utf-8"), "report page", False)
    places = out_dir / f"{rid}-places"
    pages = place_pages(doc, extraction, rid, view)
    if pages:
        try:
            places.mkdir(exist_ok=True)
        except OSError as e:
            raise GovkgError(f"{places}: cannot create folder ({e.strerror or e})") from None
    for name, html_page in pages.items():
        write_output(places / name, html_page.encode("utf-8"), "place page", False)
    return page_path


def warm_up() -> None:
    """Load what every report needs — jieba's dictionary and tags, the indicator scheme, the ontology's concepts —
    so that worker processes forked afterwards share it instead of each loading its own."""
    from .builder import _ontology_lines, concept_index
    from .concepts import indicator_scheme
    from .segment import tokenizer, word_tags

    tokenizer(), word_tags(), indicator_scheme(), concept_index(), _ontology_lines()


def _check_out_dir(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise GovkgError(f"{out_dir}: cannot create output folder ({e.strerror or e})") from None
    if not out_dir.is_dir():
        raise GovkgError(f"{out_dir}: output path is not a folder")


def _check_not_overwritten(path: Path, out_dir: Path, rid: str, html: bool, page: bool) -> None:
    """The build writes `<rid>.ttl` and, as asked, `<rid>.html` and `<rid>-report.html`: never over the report it reads
    (a web page in the output folder), nor over a web page govkg did not write (another report saved from a site)."""
    suffixes = [".ttl"] + [".html"] * html + ["-report.html"] * page
    for output in (out_dir / f"{rid}{suffix}" for suffix in suffixes):
        if not output.exists():
            continue
        if os.path.samefile(path, output):
            raise GovkgError(f"{path}: the build would write over the report itself; choose another --out folder")
        if output.suffix == ".html" and b"govkg" not in _head(output):
            raise GovkgError(f"{output}: a web page govkg did not write is in the way; move it or choose another --out")


def _head(path: Path, size: int = 4096) -> bytes:
    """The first `size` bytes of a file (a graph view can be megabytes: not read whole to check its head)."""
    with path.open("rb") as f:
        return f.read(size)


def _instances(triples: TripleSet) -> dict[str, int]:
    counts = triples.type_counts()
    return {name: counts[iri(GK[name])] for name in SUMMARY_CLASSES}


def _by_status(extraction) -> dict[str, int]:
    return dict(sorted(Counter(o.status for o in extraction.observations).items()))
