"""Corpus builds: many reports, one named graph each, built in parallel, skipping what has not changed.

`build_corpus` builds every report with `govkg.build.build_report` (in this process, or in `workers` processes
of a `ProcessPoolExecutor`), then writes

- per report, as a single build does: `<rid>.ttl` (and `<rid>.html`);
- for the corpus (when more than one report, or when asked): `<corpus>.trig` (TriG), one named graph per report,
  named by its report node `id:<rid>`; the named graph `id:shared` with what reports say alike of the nodes they
  share (a division's label, type, code and parent, its foci and the indicators it is set targets for, an
  indicator's label and concept, the concepts), stored once instead of once per report, so that no two graphs
  share a triple; and the named graph `id:targets` with the target assessments (graph/targets.py);
  `<corpus>-targets.ttl` and `<corpus>-targets.html` show them alone;
  `<corpus>-index.html` links everything.

Lines and graphs are sorted, so the same inputs give byte-identical files. The corpus TriG is concatenated, nothing
parsed again: each report's graph block is copied from its Turtle file (the byte range of its own statements), the
shared graph from the shared lines each report left in the cache folder `.govkg/`, next to its target/actual
observations and `manifest.json`: the SHA-256 of each report file and of what it wrote, the build options and a
fingerprint of the govkg code. On a rebuild, a report whose record matches (and whose outputs are still there,
unchanged) is skipped; when no report changed, the corpus TriG is not written again. N-Quads (or any other
format) of a build folder: `govkg export FOLDER --format nq`. A report that fails is reported and left out; the
others are still built and written.

Per-report extraction is a pure function of the text (`govkg.build.extract_report`, `report_nquads` below), so it
can run on any engine that maps a function over texts (see tests/test_corpus.py for Dask).
"""
from __future__ import annotations

import hashlib
from importlib import resources
import json
import os
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from govkg.ontology.namespace import DATA_IRI, SHARED_GRAPH, TARGETS_GRAPH

from .build import BuildResult, _check_out_dir, build_report, extract_report, report_id, warm_up
from .errors import GovkgError
from .exporters.rdf_formats import CACHE_DIR, write_block_index
from .exporters.turtle import PREFIXES as TURTLE_PREFIXES, ReportTurtle
from .fileio import AtomicFile, write_output
from .overrides import ReportOverride
from .reader import read_bytes
from .triples import iri, nquads_of
from .targets import (PREFIXES, Assessment, assessment_triples, link_targets,
                      write_targets)

MANIFEST = "manifest.json"
MANIFEST_VERSION = 4


@dataclass
class ReportOutcome:
    """What became of one report: built, unchanged (skipped) or failed."""

    path: Path
    report_id: str
    status: str  # "built" | "unchanged" | "failed"
    result: BuildResult | None = None
    error: str | None = None


@dataclass
class CorpusResult:
    reports: list[ReportOutcome]
    out_dir: Path
    trig: Path | None = None
    targets_ttl: Path | None = None
    targets_html: Path | None = None
    index_html: Path | None = None
    quads: int = 0
    assessments: list[Assessment] = field(default_factory=list)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)  # about the build as a whole (e.g. a discarded manifest)

    @property
    def failures(self) -> list[ReportOutcome]:
        return [r for r in self.reports if r.status == "failed"]

    @property
    def ok(self) -> list[ReportOutcome]:
        return [r for r in self.reports if r.status != "failed"]


# --- the pure per-report function -------------------------------------------------------------------------

def report_nquads(text: str, rid: str, source: str, region: str | None = None, year: int | None = None) -> bytes:
    """The report's graph as sorted N-Quads in the named graph `id:<rid>`: a pure function of its arguments."""
    return extract_report(text, rid, source, region=region, year=year)[2].nquads(DATA_IRI + rid)


# --- fingerprints and the manifest --------------------------------------------------------------------------

@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 of the govkg code, vocabularies and ontology: a rebuild after a change to any of them builds every
    report again."""
    root = Path(str(resources.files("govkg")))
    h = hashlib.sha256()
    files = sorted(root.rglob("*.py")) + sorted(root.joinpath("queries").glob("*.rq")) + \
        sorted(root.joinpath("data").glob("*.txt")) + \
        sorted(Path(str(resources.files("govkg.ontology"))).glob("*.ttl"))
    for f in files:
        try:
            h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
        except OSError:
            pass
    return h.hexdigest()


def options_key(region: str | None, year: int | None, html: bool, pages: bool = True) -> str:
    data = json.dumps({"region": region, "year": year, "html": html, "pages": pages, "code": code_fingerprint(),
                       "v": MANIFEST_VERSION}, sort_keys=True)
    return hashlib.sha256(data.encode()).hexdigest()


def _file_sha(path: Path) -> str | None:
    try:
        digest = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


def load_manifest(cache: Path, warn=None) -> dict:
    """The build manifest's records by report id; a missing, older or malformed one is no manifest (a
    malformed one is reported through `warn` and rebuilt, never an error)."""
    path = cache / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        data = None
    reports = data.get("reports") if isinstance(data, dict) else None
    if isinstance(reports, dict) and all(isinstance(r, dict) and isinstance(r.get("report_id"), str)
                                         and isinstance(r.get("summary"), dict) for r in reports.values()):
        return reports if data.get("version") == MANIFEST_VERSION else {}
    if warn:
        warn(f"{path}: not a govkg build manifest; discarded (every report is built again)")
    return {}


class BuildLock:
    """One build at a time per output folder: a lock file held (flock) for the build's length."""

    def __init__(self, cache: Path):
        self.path = cache / "build.lock"
        self._file = None

    def __enter__(self) -> "BuildLock":
        import fcntl

        self._file = open(self.path, "a+")
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._file.close()
            raise GovkgError(f"{self.path.parent.parent}: another govkg build is writing to this folder; "
                             "wait for it or use another --out") from None
        return self

    def __exit__(self, *exc) -> None:
        self._file.close()  # closing releases the lock


def _unchanged(record: dict | None, file_hash: str, options: str, cache: Path) -> bool:
    if not record or record.get("file_hash") != file_hash or record.get("options") != options:
        return False
    outputs = dict(record.get("outputs", {}))
    outputs.update({str(cache / name): digest for name, digest in record.get("cache", {}).items()})
    return all(digest and _file_sha(Path(p)) == digest for p, digest in outputs.items())


def _result_from_record(path: Path, record: dict) -> BuildResult:
    s = record["summary"]
    return BuildResult(path, record["report_id"], Path(s["turtle"]), Path(s["html"]) if s["html"] else None,
                       s["triples"], s["instances"], s["observations_by_status"], 0.0, s["region"], s["year"], None,
                       content_hash=record["file_hash"], chars=s.get("chars", 0),
                       normalisations=s.get("normalisations", []), level=s.get("level"),
                       warnings=s.get("warnings", []), page=Path(s["page"]) if s.get("page") else None)


# --- one report (runs in a worker process) --------------------------------------------------------------------

def _build_one(path: Path, out_dir: Path, region: str | None, year: int | None, html: bool, options: str,
               pages: bool = True) -> dict:
    """Build one report and its cache entries; returns a JSON-able record, or {"error": message}."""
    try:
        result = build_report(path, out_dir, region=region, year=year, html=html, page=pages)
        rid, parts = result.report_id, result.parts
        targets = result.graph.records
        cache_files = {  # what the corpus TriG is assembled from besides the Turtle (see `_write_corpus`)
            f"{rid}.shared.nt": ["".join(parts.shared).encode("utf-8")],
            f"{rid}.json": [json.dumps(targets, ensure_ascii=False, sort_keys=True).encode("utf-8")]}
        cache = {name: _write_cache(out_dir / CACHE_DIR / name, chunks) for name, chunks in cache_files.items()}
        outputs = {str(result.turtle): _file_sha(result.turtle)}
        for written in (result.html, result.page):
            if written:
                outputs[str(written)] = _file_sha(written)
        result.graph = result.parts = None
        summary = {k: v for k, v in asdict(result).items() if k not in ("report", "graph", "parts")}
        summary["turtle"] = str(result.turtle)
        summary["html"] = str(result.html) if result.html else None
        summary["page"] = str(result.page) if result.page else None
        return {"report_id": rid, "source": str(path), "file_hash": result.content_hash, "options": options,
                "outputs": outputs, "summary": summary,
                "cache": cache, "own_statements": [parts.own_start, parts.own_end],
                TARGET_RECORDS: targets}  # handed to the corpus step as is, not read back from the cache
    except GovkgError as e:
        return {"error": str(e)}
    except Exception as e:  # a bug on one report must not cost the others their output
        if os.environ.get("GOVKG_DEBUG"):
            traceback.print_exc()
        return {"error": f"{path}: internal error: {type(e).__name__}: {e} (set GOVKG_DEBUG=1 for details)"}


#: The key under which a worker's result carries its report's target/actual rows (taken out before the manifest).
TARGET_RECORDS = "target_records"


def _write_cache(path: Path, chunks) -> str:
    """Write the byte `chunks` to `path` (atomically; not synced to disk: a cache file lost in a crash fails its
    hash check and the report is built again) and return their SHA-256."""
    digest = hashlib.sha256()
    with AtomicFile(path, "corpus cache", durable=False) as f:
        for chunk in chunks:
            digest.update(chunk)
            f.write(chunk)
    return digest.hexdigest()


def _fork():
    """Workers forked from this process (sharing what `warm_up` loaded) where the platform can fork."""
    import multiprocessing

    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


def _die_with_parent() -> None:
    """In a worker: ask Linux to kill this process when the build that started it dies (kill -9 included)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: workers end when they find the pool gone


# --- the corpus -----------------------------------------------------------------------------------------------

def build_corpus(paths: list[Path], out_dir: Path, region: str | None = None, year: int | None = None,
                 html: bool = True, workers: int = 1, skip_unchanged: bool = True, corpus: str | None = "corpus",
                 progress: bool = False, on_report=None, overrides: dict[Path, ReportOverride] | None = None,
                 pages: bool = True) -> CorpusResult:
    """Build `paths` into `out_dir` (see the module doc); `corpus=None` writes no corpus files; `html` the
    interactive graph views of each report, `pages` its report page.

    `region`/`year` apply to every report; `overrides` (from a manifest, see `read_overrides`) to one file each
    and win over them. `on_report(outcome)` is called as each report is done (in completion order); the
    returned reports are in the order of `paths`.
    """
    overrides = {p.resolve(): o for p, o in (overrides or {}).items()}
    started = time.perf_counter()
    _check_out_dir(out_dir)
    cache = out_dir / CACHE_DIR
    try:
        cache.mkdir(exist_ok=True)
    except OSError as e:
        raise GovkgError(f"{cache}: cannot create cache folder ({e.strerror or e})") from None
    with BuildLock(cache):
        return _build_locked(paths, out_dir, cache, region, year, html, workers, skip_unchanged, corpus, progress,
                             on_report, overrides, started, pages)


def _build_locked(paths, out_dir, cache, region, year, html, workers, skip_unchanged, corpus, progress, on_report,
                  overrides, started, pages) -> CorpusResult:
    def settings(path: Path) -> tuple[str | None, int | None]:
        own = overrides.get(path.resolve())
        return (own.region or region, own.year or year) if own else (region, year)

    def options(path: Path) -> str:
        return options_key(*settings(path), html, pages)

    warnings: list[str] = []
    manifest = load_manifest(cache, warnings.append)
    outcomes: dict[int, ReportOutcome] = {}
    todo: list[tuple[int, Path]] = []
    seen: dict[str, Path] = {}

    def done(i: int, outcome: ReportOutcome) -> None:
        outcomes[i] = outcome
        if on_report:
            on_report(outcome)

    for i, path in enumerate(paths):
        rid = report_id(path)
        if rid in seen:
            done(i, ReportOutcome(path, rid, "failed", error=f"{path}: same report id {rid!r} as {seen[rid]}; "
                                                              "rename one of them"))
            continue
        seen[rid] = path
        try:
            file_hash = hashlib.sha256(read_bytes(path)).hexdigest()
        except GovkgError as e:
            done(i, ReportOutcome(path, rid, "failed", error=str(e)))
            continue
        record = manifest.get(rid)
        if skip_unchanged and _unchanged(record, file_hash, options(path), cache):
            done(i, ReportOutcome(path, rid, "unchanged", _result_from_record(path, record)))
        else:
            todo.append((i, path))

    new_records: dict[str, dict] = {}
    target_records: dict[str, dict] = {}  # report id → its target/actual rows, from this run's workers

    def finish(i: int, path: Path, record: dict) -> None:
        if "error" in record:
            done(i, ReportOutcome(path, report_id(path), "failed", error=record["error"]))
            return
        target_records[record["report_id"]] = record.pop(TARGET_RECORDS)
        new_records[record["report_id"]] = record
        result = _result_from_record(path, record)
        result.seconds = record["summary"]["seconds"]
        done(i, ReportOutcome(path, record["report_id"], "built", result))

    bar = None
    try:
        if workers <= 1 or len(todo) <= 1:
            bar = _progress(len(todo)) if progress and todo else None
            for i, path in todo:
                finish(i, path, _build_one(path, out_dir, *settings(path), html, options(path), pages))
                if bar:
                    bar[0].advance(bar[1])
        else:
            warm_up()  # before the workers are forked: they share the loaded dictionaries
            with ProcessPoolExecutor(max_workers=workers, initializer=_die_with_parent, mp_context=_fork()) as pool:
                futures = {pool.submit(_build_one, path, out_dir, *settings(path), html, options(path), pages): (i, path)
                           for i, path in todo}
                bar = _progress(len(todo)) if progress else None  # its thread starts after the forks
                for future in as_completed(futures):
                    i, path = futures[future]
                    try:
                        record = future.result()
                    except Exception as e:  # the worker process died
                        record = {"error": f"{path}: worker failed: {type(e).__name__}: {e}"}
                    finish(i, path, record)
                    if bar:
                        bar[0].advance(bar[1])
    finally:
        if bar:
            bar[0].stop()

    reports = [outcomes[i] for i in range(len(paths))]
    result = CorpusResult(reports, out_dir, warnings=warnings)
    if not result.ok:
        result.seconds = time.perf_counter() - started
        return result
    # the manifest: this run's successes and unchanged reports (a failed report is dropped from it)
    kept = {o.report_id: new_records.get(o.report_id) or manifest[o.report_id] for o in result.ok}
    others = {rid: rec for rid, rec in manifest.items() if rid not in kept and rid not in
              {o.report_id for o in reports}}
    merged = dict(sorted({**others, **kept}.items()))
    write_output(cache / MANIFEST, json.dumps({"version": MANIFEST_VERSION, "reports": merged}, ensure_ascii=False,
                                              indent=1, sort_keys=True).encode("utf-8"), "manifest")
    if corpus:
        _write_corpus(result, cache, corpus, merged, target_records)
    result.seconds = time.perf_counter() - started
    return result


def _progress(total: int):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                   TimeRemainingColumn(), console=Console(stderr=True), transient=True)
    bar.start()
    return bar, bar.add_task("building reports", total=total)


def _write_corpus(result: CorpusResult, cache: Path, name: str, manifest: dict, fresh: dict[str, dict]) -> None:
    """The corpus files, assembled from the reports' cache files (`fresh`: the target rows this run's workers
    returned, so they are not read back); the TriG is left alone when the reports it holds are the same as when it
    was written."""
    rids = sorted(o.report_id for o in result.ok)
    records = [fresh[rid] if rid in fresh else json.loads(_read_cache(cache / f"{rid}.json")) for rid in rids]
    result.assessments = link_targets(records)
    targets = assessment_triples(result.assessments)
    out = result.out_dir
    result.trig = out / f"{name}.trig"
    key_file = cache / f"{name}.key.json"
    key = hashlib.sha256(json.dumps([name, code_fingerprint(), [manifest[rid]["cache"] for rid in rids]],
                                    sort_keys=True).encode()).hexdigest()
    try:
        kept = json.loads(key_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        kept = {}
    if kept.get("key") == key and result.trig.is_file():
        result.quads = kept.get("quads", 0)
    else:
        result.quads = _write_trig(result.trig, cache, [manifest[rid] for rid in rids], targets)
        write_output(key_file, json.dumps({"key": key, "quads": result.quads}).encode(), "corpus cache")
    result.targets_ttl, result.targets_html = out / f"{name}-targets.ttl", out / f"{name}-targets.html"
    write_targets(result.assessments, result.targets_ttl, result.targets_html, records)
    result.index_html = out / f"{name}-index.html"
    write_output(result.index_html, corpus_index_html(result, records, name), "HTML")


def _write_trig(path: Path, cache: Path, records: list[dict], targets: list[ox.Triple]) -> int:
    """Write the corpus TriG to `path`: each report's own graph (its block copied from its Turtle file, whose hash
    the build has just checked or written), the shared graph (what reports say alike of divisions, indicators and
    concepts, once) and the targets graph; and where each report's block is (`write_block_index`). Returns the
    number of quads."""
    shared_of = {r["report_id"]: _read_cache(cache / f"{r['report_id']}.shared.nt").decode("utf-8").splitlines(True)
                 for r in records}
    graph = ox.NamedNode(TARGETS_GRAPH)
    extra = [*ox.parse(nquads_of(sorted(set().union(*shared_of.values())), SHARED_GRAPH), format=ox.RdfFormat.N_QUADS),
             *(ox.Quad(t.subject, t.predicate, t.object, graph) for t in targets)]
    blocks: dict[str, tuple[int, int]] = {}  # report id → where its graph block is in the file
    with AtomicFile(path, "TriG") as out:
        header = {**TURTLE_PREFIXES, **PREFIXES}  # the reports' blocks are written with the Turtle prefixes
        out.write("".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(header.items())).encode())
        for r in records:
            start = out.tell()
            out.write(f"{iri(DATA_IRI + r['report_id'])} {{\n".encode())
            for block in ReportTurtle(Path(r["summary"]["turtle"]), *r["own_statements"], []).own_statements():
                out.write(block)
            out.write(b"}\n")
            blocks[r["report_id"]] = (start, out.tell())
        out.write(ox.serialize(extra, format=ox.RdfFormat.TRIG, prefixes=PREFIXES))
    write_block_index(path, blocks)
    return len(extra) + sum(r["summary"]["triples"] - len(shared_of[r["report_id"]]) for r in records)


def _read_cache(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise GovkgError(f"{path}: cannot read cache ({e.strerror or e})") from None


def corpus_index_html(result: CorpusResult, records: list[dict], name: str) -> bytes:
    """The corpus's front page: every report (region, level, year, counts) linked to its graph and views, the
    side-by-side headline targets, and the targets-vs-results page. Static HTML, relative links, no scripts."""
    from html import escape as e

    from .targets import compare_tables

    by_id = {r["report"][len(DATA_IRI):]: r for r in records}
    rows = []
    for o in sorted(result.ok, key=lambda o: (o.result.region or "", o.result.year or 0, o.report_id)):
        r, rid = o.result, o.report_id
        record = by_id.get(rid, {"observations": []})
        targets = sum(row["status"] == "target" for row in record["observations"])
        views = " · ".join(([f'<a href="{e(r.page.name)}">report page</a>'] if r.page else [])
                           + ([f'<a href="{e(r.html.name)}">graph</a>', f'<a href="{e(rid)}-views/index.html">views</a>']
                              if r.html else []))
        rows.append(f"<tr><td>{e(r.region or '')}</td><td>{e(r.level or '')}</td><td>{r.year or ''}</td>"
                    f"<td>{e(rid)}</td><td class='n'>{sum(r.observations_by_status.values())}</td>"
                    f"<td class='n'>{targets}</td><td><a href='{e(r.turtle.name)}'>{e(r.turtle.name)}</a></td>"
                    f"<td>{views}</td></tr>")
    page = f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>govkg · {e(name)} · {len(result.ok)} reports</title>
<style>body{{font-family:sans-serif;margin:1em}}table{{border-collapse:collapse;margin-bottom:1.5em}}td,th{{border:1px
solid #bbb;padding:3px 6px}}td.n{{text-align:right}}th{{background:#f4f4f4}}</style></head><body>
<h1>govkg · {len(result.ok)} reports</h1>
<p><a href="{e(name)}-targets.html">targets side by side and against results</a> · dataset:
<a href="{e(name)}.trig">{e(name)}.trig</a></p>
<table><thead><tr><th>region</th><th>level</th><th>year</th><th>report</th><th>observations</th><th>targets</th>
<th>graph</th><th>views</th></tr></thead><tbody>{"".join(rows)}</tbody></table>
{compare_tables(records)}
</body></html>
"""
    return page.encode("utf-8")
