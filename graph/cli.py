"""The `govkg` command line: build, query, validate. Thin: the work is done in govkg.build/query/validate.

Errors the user can fix (bad input, unwritable output) print one line on stderr and exit 1.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from .build import BUNDLED_REPORT, DEFAULT_OUT, BuildResult, report_id
from .errors import GovkgError
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


@click.group(cls=GovkgGroup)
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
@click.option("--html/--no-html", default=True, show_default=True, help="Also write the interactive HTML view.")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=1, show_default=True,
              help="Build reports in this many parallel processes.")
@click.option("--corpus", "corpus_name", metavar="NAME",
              help="Write NAME.trig, NAME.nq (one named graph per report) and NAME-targets.ttl/.html "
                   "[default: 'corpus' when more than one report].")
@click.option("--skip-unchanged/--rebuild", "skip_unchanged", default=None,
              help="Skip reports whose file, options and govkg code are unchanged since the last build "
                   "[default: skip when more than one report].")
@click.option("--progress/--no-progress", default=None, help="Progress bar [default: on a terminal].")
def build(reports: tuple[Path, ...], out_dir: Path, region: str | None, year: int | None, manifest: Path | None,
          html: bool, workers: int,
          corpus_name: str | None, skip_unchanged: bool | None, progress: bool | None) -> None:
    """Build the graph of REPORTS (files, folders of *.txt, or globs such as 'reports/**/*.txt');
    none: the bundled Tianjin 2023 report."""
    from .corpus import build_corpus

    overrides = read_overrides(manifest) if manifest else None
    paths = find_reports(list(reports)) if reports else [BUNDLED_REPORT]
    many = len(paths) > 1
    if corpus_name is None and many:
        corpus_name = "corpus"
    if skip_unchanged is None:
        skip_unchanged = many
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
                          on_report=report_done, overrides=overrides)
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
        console.print(f"wrote {r.turtle} and {r.html} (index of all views: {index})")
    else:
        console.print(f"wrote {r.turtle}")


def _print_corpus_summary(result) -> None:
    table = Table(title=f"{len(result.ok)} reports", show_header=True)
    for name, justify in (("report", "left"), ("region", "left"), ("level", "left"), ("year", "right"),
                          ("triples", "right"),
                          ("observations", "right"), ("status", "left")):
        table.add_column(name, justify=justify)
    for o in result.reports:
        if o.status == "failed":
            table.add_row(o.report_id, "", "", "", "", "", "failed")
            continue
        r = o.result
        table.add_row(r.report_id, r.region or "", r.level or "", str(r.year or ""), str(r.triples),
                      str(sum(r.observations_by_status.values())),
                      o.status + (f" ({', '.join(r.normalisations)})" if r.normalisations else ""))
    console.print(table)
    built = sum(o.status == "built" for o in result.reports)
    console.print(f"built {built}, unchanged {sum(o.status == 'unchanged' for o in result.reports)}, "
                  f"failed {len(result.failures)}; {result.seconds:.2f} s")
    if result.nquads:
        outcomes = {k: sum(a.outcome == k for a in result.assessments) for k in ("met", "missed", "not_reported")}
        console.print(f"targets assessed {len(result.assessments)}: " + ", ".join(f"{k} {v}" for k, v in
                                                                                 outcomes.items()))
        console.print(f"wrote {result.trig}, {result.nquads} ({result.quads} quads), {result.targets_ttl} "
                      f"and {result.targets_html}")


@main.command()
@click.argument("name", required=False)
@click.option("--graph", "graph_file", type=click.Path(path_type=Path),
              default=DEFAULT_OUT / f"{report_id(BUNDLED_REPORT)}.ttl", show_default=True)
@click.option("--file", "query_file", type=click.Path(path_type=Path), help="Run the SPARQL SELECT in this file.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(name: str | None, graph_file: Path, query_file: Path | None, fmt: str) -> None:
    """Run a named query (observations, districts, projects, actions, relations), a query file, or a SPARQL string."""
    from .query import format_rows, load_store, named_queries, run_query

    queries = named_queries()
    if query_file is not None:
        try:
            sparql = query_file.read_text(encoding="utf-8")
        except OSError as e:
            raise GovkgError(f"{query_file}: cannot read query ({e.strerror or e})") from None
    elif name in queries:
        sparql = queries[name]
    elif name and any(w in name.upper() for w in ("SELECT", "{")):
        sparql = name
    else:
        raise GovkgError(f"unknown query {name!r}; named queries: {', '.join(sorted(queries))}")
    columns, rows = run_query(load_store(graph_file), sparql)
    if fmt == "table":
        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if row[c] is None else str(row[c]) for c in columns))
        console.print(table)
        console.print(f"{len(rows)} rows")
    else:
        click.echo(format_rows(columns, rows, fmt))


@main.command()
@click.argument("graph_file", required=False, type=click.Path(path_type=Path),
                default=DEFAULT_OUT / f"{report_id(BUNDLED_REPORT)}.ttl")
def validate(graph_file: Path) -> None:
    """Check a built graph against the SHACL shapes (ontology/shapes.ttl)."""
    from rdflib import Graph

    from .validate import validate_graph

    if not graph_file.is_file():
        raise GovkgError(f"{graph_file}: no such graph file")
    g = Graph()
    try:
        g.parse(graph_file, format="turtle")
    except Exception as e:  # rdflib raises many parser error types
        raise GovkgError(f"{graph_file}: not a readable Turtle graph ({str(e).splitlines()[0]})") from None
    conforms, report = validate_graph(g)
    if conforms:
        click.echo(f"{graph_file}: conforms to the govkg shapes ({len(g)} triples)")
        return
    click.echo(report, err=True)
    raise GovkgError(f"{graph_file}: does not conform to the govkg shapes (report above)")



# ---------------------------------------------------------------- export, serve, push (SPARQL and graph databases)

GRAPHS_ARG = click.argument("graphs", nargs=-1, type=click.Path(path_type=Path))
EXPORT_FORMATS = ("ntriples", "nquads", "trig", "jsonld", "graphml", "gexf", "neo4j", "cypher")


def _graph_inputs(graphs: tuple[Path, ...]) -> list[Path]:
    """Built Turtle files or folders; none: every report graph in exports/."""
    return list(graphs) if graphs else [DEFAULT_OUT]


@main.command()
@GRAPHS_ARG
@click.option("--format", "formats", type=click.Choice(EXPORT_FORMATS + ("all",)), multiple=True, required=True,
              help="Repeat for several formats; `all` for every one.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
              help="Folder for govkg.<ext> (neo4j: the folder neo4j/ of CSVs).")
def export(graphs: tuple[Path, ...], formats: tuple[str, ...], out_dir: Path) -> None:
    """Export built GRAPHS (files or folders of *.ttl; default exports/) for SPARQL stores and graph databases.

    RDF datasets (one named graph per report): ntriples, nquads, trig, jsonld (+ govkg.context.jsonld).
    Property graph (the networkx projection): graphml, gexf, neo4j (neo4j-admin import CSVs), cypher.
    """
    from .exporters import property_graph as pg
    from .exporters import rdf_formats as rf
    from .fileio import write_output

    inputs = _graph_inputs(graphs)
    if not out_dir.is_dir():
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise GovkgError(f"{out_dir}: cannot create output folder ({e.strerror or e})") from None
    store = view = None
    for fmt in dict.fromkeys(EXPORT_FORMATS if "all" in formats else formats):
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
@click.option("--verbose", is_flag=True, help="Log every request.")
def serve(graphs: tuple[Path, ...], host: str, port: int, writable: bool, verbose: bool) -> None:
    """Serve built GRAPHS (default exports/) as a SPARQL 1.1 Protocol endpoint with a query page."""
    from .exporters.rdf_formats import load_dataset, report_graph_names
    from .serve import SparqlServer, is_loopback

    store = load_dataset(_graph_inputs(graphs))
    if not is_loopback(host):
        click.echo(f"govkg: warning: listening on {host}, reachable from other machines", err=True)
    server = SparqlServer(store, host, port, writable=writable, verbose=verbose)
    click.echo(f"serving {len(store)} quads from {len(report_graph_names(store))} report graphs at {server.url} "
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
    """Push built GRAPHS (default exports/) to a SPARQL store and/or an openCypher database (idempotent)."""
    from .push import Credentials, credentials_from_env, push_cypher, push_graph_store, remote_triple_count

    if not store_url and not cypher_url:
        raise GovkgError("nothing to push to: give --store URL and/or --cypher URL")
    if ask_password:
        user = click.prompt("user", default=os.environ.get("GOVKG_USER", ""), show_default=False, err=True)
        creds = Credentials(user, click.prompt("password", hide_input=True, err=True))
    else:
        creds = credentials_from_env()
    inputs = _graph_inputs(graphs)
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
