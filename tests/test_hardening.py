"""The endpoint and the commands under attack: each probe ends in a clear error or a correct answer, and the
server still answers afterwards. Servers bind 127.0.0.1 only; every loop is bounded."""
from __future__ import annotations

import json
import random
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from govkg.cli import main
from govkg.errors import GovkgError
from govkg.serve import Limits, SparqlServer

EX = "http://example.org/"


@pytest.fixture(scope="module")
def server():
    store = ox.Store()
    for graph in (ox.NamedNode(EX + "g"), ox.DefaultGraph()):  # a report graph and the union, as load_store has
        store.extend(ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(str(i)), graph)
                     for i in range(3000))
    srv = SparqlServer(store, "127.0.0.1", 0, limits=Limits(timeout=2.0, memory_mb=512, max_concurrent=2))
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


def get(server, query: str, headers: dict | None = None, extra: str = "") -> tuple[int, dict, bytes]:
    url = server.url + "?" + urllib.parse.urlencode({"query": query}) + extra
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def post_body(server, data: bytes, headers: dict) -> tuple[int, bytes]:
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=30) as s:
        head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        s.sendall(f"POST /sparql HTTP/1.1\r\nHost: {host}:{port}\r\n{head}\r\n".encode() + data)
        s.shutdown(socket.SHUT_WR)
        reply = b""
        while chunk := s.recv(65536):
            reply += chunk
    status = int(reply.split(b" ", 2)[1]) if reply else 0
    return status, reply


def alive(server) -> bool:
    status, _, body = get(server, "ASK { ?s ?p ?o }")
    return status == 200 and b"true" in body


def test_a_deeply_nested_query_is_refused_and_the_server_lives(server):
    status, _, body = get(server, "SELECT * WHERE " + "{" * 5000 + "}" * 5000)
    assert status == 400 and b"nested" in body
    assert alive(server)


def test_service_is_refused(server):
    status, _, body = get(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert status == 400 and b"SERVICE" in body


def test_a_runaway_query_is_stopped_at_the_time_limit(server):
    started = time.monotonic()
    status, _, body = get(server, "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d LIMIT 1")
    assert status == 503 and (b"longer than" in body or b"memory" in body)  # whichever limit comes first
    assert time.monotonic() - started < 10
    assert alive(server)


def test_no_cors_header_and_a_foreign_host_is_refused(server):
    status, headers, _ = get(server, "ASK { ?s ?p ?o }", headers={"Origin": "http://evil.example"})
    assert status == 200 and "Access-Control-Allow-Origin" not in headers
    status, _, _ = get(server, "ASK { ?s ?p ?o }", headers={"Host": "evil.example:80"})
    assert status == 403


def test_cors_is_never_together_with_writes():
    with pytest.raises(GovkgError):
        SparqlServer(ox.Store(), "127.0.0.1", 0, writable=True, cors="http://app.example")


@pytest.mark.parametrize("headers, body", [
    ({"Content-Type": "application/sparql-query", "Content-Length": "-1"}, b"ASK {}"),
    ({"Content-Type": "application/sparql-query", "Content-Length": "abc"}, b"ASK {}"),
    ({"Content-Type": "application/sparql-query", "Content-Length": "100"}, b"ASK {}"),  # shorter than said
    ({"Content-Type": "application/sparql-query"}, b"ASK {}"),  # no length at all
    ({"Content-Type": "application/x-www-form-urlencoded", "Content-Length": "7"}, b"nothing"),
])
def test_malformed_posts_get_a_4xx(server, headers, body):
    status, _ = post_body(server, body, headers)
    assert 400 <= status < 500
    assert alive(server)


def test_an_invalid_graph_iri_is_a_400(server):
    status, _, _ = get(server, "ASK { ?s ?p ?o }", extra="&default-graph-uri=" + urllib.parse.quote("not an iri"))
    assert status == 400


def test_options_is_answered(server):
    host, port = server.server_address[:2]
    request = urllib.request.Request(server.url, method="OPTIONS")
    with urllib.request.urlopen(request, timeout=10) as r:
        assert r.status == 204


def test_fifty_clients_at_once_are_all_answered(server):
    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(lambda _: get(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0], range(50)))
    assert set(statuses) <= {200, 503} and statuses.count(200) >= 25


def test_random_and_adversarial_queries_never_take_the_server_down(server):
    rng = random.Random(1234)
    alphabet = "{}()[]<>\"'#?$:;.,*SELECTWHERSVICLOAD 0123456789\n\\"
    for _ in range(60):
        query = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        status, _, _ = get(server, query)
        assert status in (200, 400, 406, 503)
    assert alive(server)


def test_the_command_line_refuses_a_nested_query_in_one_line(tmp_path):
    graph = tmp_path / "g.nt"
    graph.write_text(f"<{EX}s> <{EX}p> <{EX}o> .\n", encoding="utf-8")
    query = tmp_path / "q.rq"
    query.write_text("SELECT * WHERE " + "{" * 50000 + "}" * 50000, encoding="utf-8")
    result = CliRunner().invoke(main, ["query", "-f", str(query), "-g", str(graph)])
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1 and "nested" in result.output


def test_push_verify_sends_no_password_to_another_origin_after_a_redirect():
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from govkg.push import Credentials, remote_triple_count

    seen: dict[str, str | None] = {}

    class Target(BaseHTTPRequestHandler):  # another origin (another port)
        def do_GET(self):
            seen["authorization"] = self.headers.get("Authorization")
            body = b'{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","value":"1"}}]}}'
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    target = HTTPServer(("127.0.0.1", 0), Target)

    class Redirect(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{target.server_address[1]}/query")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    redirect = HTTPServer(("127.0.0.1", 0), Redirect)
    for srv in (target, redirect):
        threading.Thread(target=srv.handle_request, daemon=True).start()
    try:
        count = remote_triple_count(f"http://127.0.0.1:{redirect.server_address[1]}/query", EX + "g",
                                    Credentials("u", "secret"))
    finally:
        target.server_close()
        redirect.server_close()
    assert count == 1 and "authorization" in seen and seen["authorization"] is None


def test_a_malformed_build_manifest_is_discarded_with_a_warning(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("——2024年1月8日在北京市第十六届人民代表大会第二次会议上\n一、2023年工作回顾\n增长5%。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(report), "--out", str(out), "--no-html"]).exit_code == 0
    (out / ".govkg" / "manifest.json").write_text('{"version": 2, "reports": [1, 2, 3]}', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(report), "--out", str(out), "--no-html", "--rebuild"])
    assert result.exit_code == 0 and "not a govkg build manifest" in result.output


def test_one_build_at_a_time_per_output_folder(tmp_path):
    from govkg.corpus import BuildLock

    cache = tmp_path / ".govkg"
    cache.mkdir()
    with BuildLock(cache):
        with pytest.raises(GovkgError, match="another govkg build"):
            with BuildLock(cache):
                pass
    with BuildLock(cache):  # released
        pass


def test_report_text_that_looks_like_a_url_does_not_fail_the_views(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("——2024年1月8日在北京市第十六届人民代表大会第二次会议上\n一、2023年工作回顾\n"
                      "建设 src=//evil.example/x.js 和 url(http://evil.example/a.png) 平台，增长5%。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(report), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output


def test_a_number_of_four_hundred_digits_is_skipped_with_a_warning(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("——2024年1月8日在北京市第十六届人民代表大会第二次会议上\n一、2023年工作回顾\n"
                      f"地区生产总值增长{'9' * 400}%，投资达到1{'0' * 305}亿元，增长5%。\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(report), "--out", str(tmp_path / "out"), "--no-html"])
    assert result.exit_code == 0 and "digits skipped" in result.output
    assert "conforms" in CliRunner().invoke(main, ["validate", str(tmp_path / "out" / "r.ttl")]).output
    assert "INF" not in (tmp_path / "out" / "r.ttl").read_text(encoding="utf-8")
