"""The `govkg` command line: build, query, validate. Thin: the work is done in govkg.build/query/validate.

Errors the user can fix (bad input, unwritable output) print one line on stderr and exit 1.
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from .build import BUNDLED_REPORT, DEFAULT_OUT, BuildResult
from .errors import GovkgError
from .lastbuild import default_graphs, remember_build
from .query import FORMAT_ALIASES, GRAPH_FORMATS, ROW_FORMATS, format_rows, format_triples
from .overrides import read_overrides
from .reader import find_reports

console = Console()


def _fail(message: str) -> None:
    click.echo(f"govkg: error: {message}", err=True)
    sys.exit(1)


class GovkgGroup(click.Group):
    """Turns GovkgError (and, unless GOVKG_DEBUG is set, any other error) into one line on stderr."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except GovkgError as e:
            _fail(str(e))
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as e:  # a bug: still one line, with a way to see the traceback
            if os.environ.get("GOVKG_DEBUG"):
                raise
            _fail(f"internal error: {type(e).__name__}: {e} (set GOVKG_DEBUG=1 for details)")


@click.group(cls=GovkgGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="govkg")
def main() -> None:
    """govkg: knowledge graphs of Chinese government work reports (政府工作报告)."""


@main.command()
@click.argument("reports", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="Folder for <id>.ttl and <id>.html (and the corpus files).")
@click.option("--region", "--city", "region",
              help="The region of every report (全国, 广东省, 天津市, …) where the text does not say it.")
@click.option("--year", type=int, help="The year of every report where the text does not say it.")
@click.option("--manifest", type=click.Path(path_type=Path),
              help="Per-file region and year: a CSV with the header file,region,year (paths relative to it).")
@click.option("--html/--no-html", default=None,
              help="Also write the interactive graph views [default: for one report; for many only when asked]. "
                   "Report pages (<id>-report.html) are written unless --no-html.")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Build reports in this many parallel processes.")
@click.option("--corpus", "corpus_name", metavar="NAME",
              help="Write NAME.trig (one named graph per report), NAME-targets.ttl/.html and NAME-index.html "
                   "[default: 'corpus' when more than one report].")
@click.option("--skip-unchanged/--rebuild", "skip_unchanged", default=None,
              help="Skip reports whose file, options and govkg code are unchanged since the last build "
                   "[default: skip when more than one report].")
@click.option("--progress/--no-progress", default=None, help="Progress bar [default: on a terminal].")
def build(reports: tuple[Path, ...], out_dir: Path, region: str | None, year: int | None, manifest: Path | None,
          html: bool | None, workers: int,
          corpus_name: str | None, skip_unchanged: bool | None, progress: bool | None) -> None:
    """Build the graph of REPORTS (text, web page, .docx or PDF files; folders of them; or globs such as
    'reports/**/*.txt'); none: the bundled Tianjin 2023 report."""
    from .corpus import build_corpus

    overrides = read_overrides(manifest) if manifest else None
    paths = find_reports(list(reports)) if reports else [BUNDLED_REPORT]
    many = len(paths) > 1
    if corpus_name is None and many:
        corpus_name = "corpus"
    if skip_unchanged is None:
        skip_unchanged = many
    pages = html is not False
    if html is None:
        html = not many
    if progress is None:
        progress = many and sys.stderr.isatty()
    if corpus_name is not None and not corpus_name.strip("./ ") or (corpus_name and "/" in corpus_name):
        raise GovkgError(f"--corpus {corpus_name!r}: give a plain file name (no folders)")

    def report_done(outcome) -> None:
        if outcome.status == "failed":
            click.echo(f"govkg: error: {outcome.error}", err=True)
        elif outcome.status == "built" and outcome.result.warnings:
            click.echo(f"govkg: warning: {outcome.path}: {'; '.join(outcome.result.warnings)}", err=True)

    result = build_corpus(paths, out_dir, region=region, year=year, html=html, workers=workers,
                          skip_unchanged=skip_unchanged, corpus=corpus_name, progress=progress,
                          on_report=report_done, overrides=overrides, pages=pages)
    for warning in result.warnings:
        click.echo(f"govkg: warning: {warning}", err=True)
    if result.ok:
        remember_build(out_dir)
    if not many:
        for outcome in result.ok:
            _print_summary(outcome.result, unchanged=outcome.status == "unchanged")
    elif result.ok:
        _print_corpus_summary(result)
    if result.failures:
        if many:
            click.echo(f"govkg: error: {len(result.failures)} of {len(paths)} reports failed (above); "
                       "the others were written", err=True)
        sys.exit(1)


def _reports_table(result) -> Table:
    """A row per report: its region, level, year, triples, observations and status."""
    table = Table(title=f"{len(result.ok)} reports", show_header=True)
    for name, justify in (("report", "left"), ("region", "left"), ("level", "left"), ("year", "right"),
                          ("triples", "right"), ("observations", "right"), ("status", "left")):
        table.add_column(name, justify=justify)
    for o in result.reports:
        if o.status == "failed":
            table.add_row(o.report_id, "", "", "", "", "", "failed")
            continue
        r = o.result
        table.add_row(r.report_id, r.region or "", r.level or "", str(r.year or ""), str(r.triples),
                      str(sum(r.observations_by_status.values())),
                      o.status + (f" ({', '.join(r.normalisations)})" if r.normalisations else ""))
    return table


def _levels_table(result) -> Table:
    """The reports built by level: how many, of which years, their triples and observations (the corpus index
    lists each report)."""
    by_level: dict[str, list] = {}
    for o in result.ok:
        by_level.setdefault(o.result.level or "unknown", []).append(o.result)
    table = Table(title=f"{len(result.ok)} reports by level", show_header=True)
    for name, justify in (("level", "left"), ("reports", "right"), ("regions", "right"), ("years", "left"),
                          ("triples", "right"), ("observations", "right")):
        table.add_column(name, justify=justify)
    for level, built in sorted(by_level.items()):
        years = sorted({str(r.year) for r in built if r.year})
        table.add_row(level, str(len(built)), str(len({r.region for r in built})),
                      "–".join(dict.fromkeys(years[:1] + years[-1:])), str(sum(r.triples for r in built)),
                      str(sum(sum(r.observations_by_status.values()) for r in built)))
    return table


def _print_summary(r: BuildResult, unchanged: bool = False) -> None:
    table = Table(title=f"{r.report_id}: {r.year} {r.region} ({r.level or 'level unknown'})", show_header=True)
    table.add_column("class")
    table.add_column("instances", justify="right")
    for name, count in r.instances.items():
        table.add_row(name, str(count))
    console.print(table)
    status = ", ".join(f"{k} {v}" for k, v in r.observations_by_status.items()) or "none"
    if r.normalisations:
        console.print(f"input repaired: {', '.join(r.normalisations)} (offsets point into the repaired text)")
    console.print(f"triples {r.triples}; observations by status: {status}; {r.seconds:.2f} s")
    if unchanged:
        console.print(f"unchanged since the last build: kept {r.turtle}" + (f" and {r.html}" if r.html else ""))
    elif r.html:
        index = r.html.parent / (r.report_id + "-views") / "index.html"
        console.print(f"wrote {r.turtle}, the report page {r.page} and the graph view {r.html} "
                      f"(index of all views: {index})")
    else:
        console.print(f"wrote {r.turtle}" + (f" and the report page {r.page}" if r.page else ""))


#: Corpora of up to this many reports get a row per report in the build summary, larger ones a row per level.
REPORT_ROWS = 50


def _print_corpus_summary(result) -> None:
    console.print(_reports_table(result) if len(result.reports) <= REPORT_ROWS else _levels_table(result))
    built = sum(o.status == "built" for o in result.reports)
    console.print(f"built {built}, unchanged {sum(o.status == 'unchanged' for o in result.reports)}, "
                  f"failed {len(result.failures)}; {result.seconds:.2f} s")
    if result.trig:
        outcomes = {k: sum(a.outcome == k for a in result.assessments) for k in ("met", "missed", "not_reported", "not_due")}
        console.print(f"targets assessed {len(result.assessments)}: " + ", ".join(f"{k} {v}" for k, v in
                                                                                 outcomes.items()))
        console.print(f"wrote {result.trig} ({result.quads} quads), {result.targets_ttl}, "
                      f"{result.targets_html} and the corpus index {result.index_html}")


GRAPH_OPTION = click.option(
    "--graph", "-g", "graph_inputs", type=click.Path(path_type=Path), multiple=True,
    help="A graph (.ttl, .nt, .trig, .nq) or a build folder; repeat for several [default: the last build's folder].")


@main.command()
@click.argument("query_text", metavar="[NAME|SPARQL]", required=False)
@GRAPH_OPTION
@click.option("--file", "-f", "query_file", type=click.Path(path_type=Path, allow_dash=True),
              help="Read the query from this file ('-': standard input).")
@click.option("--format", "fmt", type=click.Choice(ROW_FORMATS + tuple(GRAPH_FORMATS) + tuple(FORMAT_ALIASES)),
              help="table (a terminal's default), csv (otherwise), tsv, json, ndjson; graph results: turtle (ttl), "
                   "ntriples (nt).")
@click.option("--output", "-o", "output", type=click.Path(path_type=Path), help="Write the result to this file.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and what each answers.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Fill a query parameter (a `VALUES ?param_NAME { UNDEF }` in it), e.g. --param year=2025.")
@click.option("--report", "reports", multiple=True, metavar="ID",
              help="Query only this report of a corpus (with the shared names of places, indicators and concepts): "
                   "a report id such as tianjin-2023 or a pattern such as '*-2025'; repeat for several.")
def query(query_text: str | None, graph_inputs: tuple[Path, ...], query_file: Path | None, fmt: str | None,
          output: Path | None, list_queries: bool, params: tuple[str, ...], reports: tuple[str, ...]) -> None:
    """Run a named query (--list shows them), a SPARQL query given as text, or one read from a file or
    standard input: SELECT, ASK, CONSTRUCT or DESCRIBE, over the union of the graphs (or of the reports given)."""
    from .query import execute, load_store, named_queries, report_graphs, with_parameters

    if list_queries:
        for name, text in sorted(named_queries().items()):
            click.echo(f"{name}\t{text.splitlines()[0].lstrip('# ') if text.startswith('#') else ''}")
        return
    sparql = with_parameters(_query_text(query_text, query_file), _parameters(params))
    store = load_store(_inputs(graph_inputs), reports=list(reports) or None)
    result = execute(store, sparql, report_graphs(store, list(reports)) if reports else None)
    if result.form == "select" and not result.rows and query_text in named_queries():
        click.echo(f"govkg: note: {query_text} found no rows in these graphs (the reports state no such facts)",
                   err=True)
    fmt = FORMAT_ALIASES.get(fmt, fmt)
    to_terminal = output is None and sys.stdout.isatty()
    if result.form == "graph":
        _emit(format_triples(result.triples, fmt or "turtle"), output)
    elif result.form == "ask":
        _emit(json.dumps({"boolean": result.boolean}) + "\n" if fmt in ("json", "ndjson")
              else ("true" if result.boolean else "false") + "\n", output)
    elif (fmt or ("table" if to_terminal else "csv")) == "table":
        if output is not None:
            raise GovkgError("--format table is for a terminal; write csv, tsv, json or ndjson to a file")
        _print_table(result.columns, result.rows)
    else:
        _emit(format_rows(result.columns, result.rows, fmt or "csv"), output)


def _parameters(params: tuple[str, ...]) -> dict[str, str]:
    found = {}
    for p in params:
        name, sep, value = p.partition("=")
        if not sep or not name.strip():
            raise GovkgError(f"--param {p!r}: give NAME=VALUE, e.g. --param year=2025")
        found[name.strip()] = value.strip()
    return found


def _query_text(query_text: str | None, query_file: Path | None) -> str:
    from .query import named_queries

    if query_file is not None:
        if str(query_file) == "-":
            return sys.stdin.read()
        try:
            return query_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise GovkgError(f"{query_file}: cannot read query ({getattr(e, 'strerror', None) or e})") from None
    queries = named_queries()
    if query_text in queries:
        return queries[query_text]
    if query_text and re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", query_text, re.I):
        return query_text
    raise GovkgError(f"unknown query {query_text!r}; named queries: {', '.join(sorted(queries))}")


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    from .fileio import write_output

    write_output(output, text.encode("utf-8"), "query result")


#: Columns left out first when a table is wider than the terminal: evidence text and IRIs.
FOLDABLE = ("quote",)


def _print_table(columns: list[str], rows: list[dict]) -> None:
    """A table fitted to the terminal: IRI and evidence columns dropped when it would be too wide."""
    width = console.width
    iri_columns = [c for c in columns if rows and all(str(r[c] or "").startswith("http") for r in rows)]
    shown = list(columns)
    for column in iri_columns + [c for c in FOLDABLE if c in columns]:
        if _natural_width(shown, rows) <= width:
            break
        shown.remove(column)
    table = Table()
    for column in shown:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if row[c] is None else str(row[c]) for c in shown))
    console.print(table)
    dropped = [c for c in columns if c not in shown]
    console.print(f"{len(rows)} rows" + (f" (not shown at this width: {', '.join(dropped)})" if dropped else ""))


def _natural_width(columns: list[str], rows: list[dict]) -> int:
    from rich.cells import cell_len

    return sum(3 + max([cell_len(c)] + [cell_len(str(r[c] or "")) for r in rows[:200]]) for c in columns) + 1


@main.command()
@click.argument("graphs", nargs=-1, type=click.Path(path_type=Path))
def validate(graphs: tuple[Path, ...]) -> None:
    """Check built GRAPHS (files or build folders; default: the last build's) against the SHACL shapes
    (ontology/shapes.ttl), each report's graph on its own. A derived graph (target assessments holding no report of
    its own, such as a corpus build's corpus-targets.ttl, which copies excerpts of the reports' observations) is
    named and skipped: the report graphs it is derived from are the ones validated."""
    import pyoxigraph as ox
    from rdflib import Graph

    from govkg.ontology.namespace import GK

    from .exporters.rdf_formats import load_quads
    from .validate import validate_graph

    by_graph: dict[str, list] = {}
    for q in load_quads(_inputs(graphs)):
        by_graph.setdefault(q.graph_name.value, []).append(q.triple)
    source, assessment = ox.NamedNode(str(GK.sourceFile)), ox.NamedNode(str(GK.TargetAssessment))
    derived = {name for name, triples in by_graph.items()  # target assessments with excerpts of the reports
               if any(t.object == assessment for t in triples) and not any(t.predicate == source for t in triples)}
    failed = []
    for name, triples in sorted(by_graph.items()):
        if name in derived:
            click.echo(f"{name}: derived from the report graphs (not a report graph); not validated on its own")
            continue
        g = Graph()
        g.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
        conforms, report = validate_graph(g)
        if conforms:
            click.echo(f"{name}: conforms to the govkg shapes ({len(g)} triples)")
        else:
            click.echo(report, err=True)
            failed.append(name)
    if failed:
        raise GovkgError(f"{', '.join(failed)}: does not conform to the govkg shapes (report above)")
    if derived == set(by_graph):
        raise GovkgError("no report graph among the inputs (a derived graph is not validated on its own)")


def _inputs(graphs: tuple[Path, ...]) -> list[Path]:
    """The graphs given, or the last build's folder."""
    return list(graphs) if graphs else default_graphs()


# ---------------------------------------------------------------- export, serve, push (SPARQL and graph databases)

GRAPHS_ARG = click.argument("graphs", nargs=-1, type=click.Path(path_type=Path))
EXPORT_FORMATS = ("ntriples", "nquads", "trig", "turtle", "jsonld", "graphml", "gexf", "neo4j", "cypher")
EXPORT_ALIASES = {"nt": "ntriples", "nq": "nquads", "ttl": "turtle", "json-ld": "jsonld"}


@main.command()
@GRAPHS_ARG
@click.option("--format", "formats", type=click.Choice(EXPORT_FORMATS + tuple(EXPORT_ALIASES) + ("all",)),
              multiple=True, required=True, help="Repeat for several formats; `all` for every one.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="Folder for govkg.<ext> (neo4j: the folder neo4j/ of CSVs).")
def export(graphs: tuple[Path, ...], formats: tuple[str, ...], out_dir: Path) -> None:
    """Export built GRAPHS (graph files or build folders; default: the last build's) for SPARQL stores and graph
    databases.

    RDF datasets (one named graph per report): nquads (nq), trig, jsonld (+ govkg.context.jsonld); the union
    graph: ntriples (nt), turtle (ttl).
    Property graph (the networkx projection): graphml, gexf, neo4j (neo4j-admin import CSVs), cypher.
    """
    from .exporters import property_graph as pg
    from .exporters import rdf_formats as rf
    from .fileio import write_output

    inputs = _inputs(graphs)
    if not out_dir.is_dir():
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise GovkgError(f"{out_dir}: cannot create output folder ({e.strerror or e})") from None
    store = view = None
    chosen = EXPORT_FORMATS if "all" in formats else [EXPORT_ALIASES.get(f, f) for f in formats]
    for fmt in dict.fromkeys(chosen):
        if fmt in rf.FORMATS:
            store = store if store is not None else rf.load_quads(inputs)
            target = out_dir / f"govkg.{rf.FORMATS[fmt]}"
            write_output(target, rf.serialize(store, fmt), fmt)
            if fmt == "jsonld":
                write_output(out_dir / rf.CONTEXT_NAME, rf.context_bytes(), "JSON-LD context")
            click.echo(f"wrote {target} ({len(store)} quads, {len(rf.report_graph_names(store))} report graphs)")
            continue
        view = view if view is not None else pg.projection(inputs)
        if fmt == "neo4j":
            folder = out_dir / "neo4j"
            try:
                folder.mkdir(exist_ok=True)
            except OSError as e:
                raise GovkgError(f"{folder}: cannot create output folder ({e.strerror or e})") from None
            for name, data in pg.neo4j_csv_files(view).items():
                write_output(folder / name, data, "Neo4j import file")
            target = folder
        else:
            target = out_dir / f"govkg.{pg.EXTENSIONS[fmt]}"
            write_output(target, pg.export_bytes(view, fmt), fmt)
        click.echo(f"wrote {target} ({len(view)} nodes, {view.number_of_edges()} relationships)")


@main.command()
@GRAPHS_ARG
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on (loopback by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="0: any free port.")
@click.option("--writable", is_flag=True, help="Accept SPARQL Update (in memory only; read-only by default).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=5.0, show_default=True,
              help="Seconds a query may run before it is stopped.")
@click.option("--memory-mb", type=click.IntRange(min=64), default=2048, show_default=True,
              help="Memory one query may use.")
@click.option("--max-concurrent", type=click.IntRange(min=1), default=4, show_default=True,
              help="Queries run at once; more wait, then get 503.")
@click.option("--allow-service", is_flag=True, help="Let SERVICE queries make the server fetch other endpoints.")
@click.option("--allow-load", is_flag=True, help="Let LOAD updates fetch URLs (with --writable).")
@click.option("--cors", metavar="ORIGIN", help="Send Access-Control-Allow-Origin: ORIGIN (not with --writable).")
@click.option("--verbose", is_flag=True, help="Log every request.")
def serve(graphs: tuple[Path, ...], host: str, port: int, writable: bool, timeout: float, memory_mb: int,
          max_concurrent: int, allow_service: bool, allow_load: bool, cors: str | None, verbose: bool) -> None:
    """Serve built GRAPHS (graph files or build folders; default: the last build's) as a SPARQL 1.1 Protocol endpoint with a query page."""
    from .exporters.rdf_formats import report_graph_names
    from .query import load_store, union_size

    from .serve import Limits, SparqlServer, is_loopback

    limits = Limits(timeout, memory_mb, max_concurrent, allow_service, allow_load)
    store = load_store(_inputs(graphs), union_view=not writable)  # an update writes to the default graph
    if not is_loopback(host):
        click.echo(f"govkg: warning: listening on {host}, reachable from other machines", err=True)
    server = SparqlServer(store, host, port, writable=writable, verbose=verbose, limits=limits, cors=cors)
    triples = union_size(store)
    click.echo(f"serving {triples} triples from {len(report_graph_names(store))} report graphs at {server.url} "
               f"({'read-write' if writable else 'read-only'}); query page {server.url[:-len('sparql')]}; "
               "Ctrl-C to stop", err=False)
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command()
@GRAPHS_ARG
@click.option("--store", "store_url", help="Graph Store HTTP Protocol endpoint, e.g. http://127.0.0.1:7878/store.")
@click.option("--verify", "query_url", help="SPARQL query endpoint of that store: check remote triple counts.")
@click.option("--cypher", "cypher_url",
              help="openCypher database: redis://HOST:PORT/GRAPH (FalkorDB) or bolt://HOST:PORT (Neo4j, Memgraph).")
@click.option("--ask-password", is_flag=True, help="Prompt for user and password instead of reading "
              "GOVKG_USER / GOVKG_PASSWORD from the environment.")
def push(graphs: tuple[Path, ...], store_url: str | None, query_url: str | None, cypher_url: str | None,
         ask_password: bool) -> None:
    """Push built GRAPHS (graph files or build folders; default: the last build's) to a SPARQL store and/or an openCypher database (idempotent)."""
    from .push import (Credentials, credentials_from_env, plain_http_warning, push_cypher, push_graph_store,
                       remote_triple_count)

    if not store_url and not cypher_url:
        raise GovkgError("nothing to push to: give --store URL and/or --cypher URL")
    if ask_password:
        user = click.prompt("user", default=os.environ.get("GOVKG_USER", ""), show_default=False, err=True)
        creds = Credentials(user, click.prompt("password", hide_input=True, err=True))
    else:
        creds = credentials_from_env()
    inputs = _inputs(graphs)
    for url in (store_url, query_url):
        if url and (warning := plain_http_warning(url, creds)):
            click.echo(f"govkg: warning: {warning}", err=True)
    if store_url:
        from .exporters.rdf_formats import load_quads

        sent = push_graph_store(load_quads(inputs), store_url, creds)
        for graph, count in sent.items():
            line = f"pushed {graph}: {count} triples to {store_url}"
            if query_url:
                remote = remote_triple_count(query_url, graph, creds)
                if remote != count:
                    raise GovkgError(f"{graph}: remote store holds {remote} triples, pushed {count}")
                line += " (verified)"
            click.echo(line)
    if cypher_url:
        from .exporters.property_graph import projection

        nodes, edges = push_cypher(projection(inputs), cypher_url, creds)
        click.echo(f"pushed {nodes} nodes and {edges} relationships to {cypher_url}")


if __name__ == "__main__":
    main()
