"""The `govkg` command line: build, query, validate. Thin: the work is done in graph.build/query/validate.

Errors the user can fix (bad input, unwritable output) print one line on stderr and exit 1.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from .build import BUNDLED_REPORT, DEFAULT_OUT, BuildResult, build_report, report_id
from .errors import GovkgError
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
              help="Folder for <id>.ttl and <id>.html.")
@click.option("--city", help="The report's city (e.g. 天津市) when its opening lines do not say.")
@click.option("--year", type=int, help="The report's year when its opening lines do not say.")
@click.option("--html/--no-html", default=True, show_default=True, help="Also write the interactive HTML view.")
def build(reports: tuple[Path, ...], out_dir: Path, city: str | None, year: int | None, html: bool) -> None:
    """Build the graph of REPORTS (files or folders of *.txt); none: the bundled Tianjin 2023 report."""
    paths = find_reports(list(reports)) if reports else [BUNDLED_REPORT]
    failures = 0
    for path in paths:
        try:
            _print_summary(build_report(path, out_dir, city=city, year=year, html=html))
        except GovkgError as e:
            click.echo(f"govkg: error: {e}", err=True)
            failures += 1
    if failures:
        sys.exit(1)


def _print_summary(r: BuildResult) -> None:
    table = Table(title=f"{r.report_id}: {r.year} {r.city}", show_header=True)
    table.add_column("class")
    table.add_column("instances", justify="right")
    for name, count in r.instances.items():
        table.add_row(name, str(count))
    console.print(table)
    status = ", ".join(f"{k} {v}" for k, v in r.observations_by_status.items()) or "none"
    console.print(f"triples {r.triples}; observations by status: {status}; {r.seconds:.2f} s")
    console.print(f"wrote {r.turtle}" + (f" and {r.html}" if r.html else ""))


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


if __name__ == "__main__":
    main()
