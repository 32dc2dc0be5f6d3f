"""`govkg serve`: a SPARQL 1.1 Protocol endpoint over the built graphs, with a small offline query page.

* ``GET /sparql?query=...`` and ``POST /sparql`` (form ``query=`` or ``application/sparql-query`` body), with
  ``default-graph-uri`` / ``named-graph-uri``; without them the default graph is the union of the report graphs
  (so the cookbook queries work unchanged); each report is also its named graph ``id:{rid}``.
* Results as SPARQL JSON (default), XML, CSV or TSV (``Accept`` header or ``format=json|xml|csv|tsv``);
  CONSTRUCT/DESCRIBE as Turtle (default) or N-Triples.
* Read-only unless started writable: SPARQL Update (``update=`` or ``application/sparql-update``) gets 403.
* ``GET /`` the query page (editor, the cookbook queries as examples, results table; no external resources);
  ``GET /queries.json`` the cookbook.

The store is pyoxigraph's in-memory store (its query engine is 15-50x faster than rdflib's, see
benchmarks/rdflib_vs_oxigraph.py).
"""
from __future__ import annotations

import html
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox

from .errors import GovkgError

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}
MAX_BODY = 10 * 1024 * 1024


def cookbook() -> list[dict[str, str]]:
    """The shipped named queries: name, title (the leading comment lines) and text, sorted by name."""
    from .query import named_queries

    items = []
    for name, text in sorted(named_queries().items()):
        comments = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            comments.append(line.lstrip("#").strip())
        title = " ".join(comments) or name
        items.append({"name": name, "title": title, "query": text})
    return items


def _negotiate(accept: str, fmt: str | None, table: dict, default: str) -> str:
    if fmt:
        if fmt not in table:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(table)}")
        return fmt
    for part in (accept or "").split(","):
        media = part.split(";")[0].strip().lower()
        for name, f in table.items():
            if media == f.media_type:
                return name
        if media in ("text/csv", "text/tab-separated-values"):
            return "csv" if media == "text/csv" else "tsv"
    return default


class SparqlHandler(BaseHTTPRequestHandler):
    server: "SparqlServer"
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # quiet unless asked
        if self.server.verbose:
            super().log_message(format, *args)

    # --- plumbing ---
    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _params(self) -> dict[str, list[str]]:
        return urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)

    # --- routes ---
    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        path = urllib.parse.urlsplit(self.path).path
        if path in ("/", "/index.html"):
            return self._send(200, self.server.page, "text/html; charset=utf-8")
        if path == "/queries.json":
            body = json.dumps(cookbook(), ensure_ascii=False, indent=1).encode("utf-8")
            return self._send(200, body, "application/json; charset=utf-8")
        if path == "/sparql":
            params = self._params()
            if "update" in params:
                return self._error(405, "SPARQL Update must be sent with POST")
            if "query" not in params:
                return self._send(200, self.server.page, "text/html; charset=utf-8")
            return self._query(params["query"][0], params)
        return self._error(404, f"not found: {path} (the endpoint is /sparql)")

    def do_POST(self):
        path = urllib.parse.urlsplit(self.path).path
        if path != "/sparql":
            return self._error(404, f"not found: {path} (the endpoint is /sparql)")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            return self._error(413, "request too large")
        body = self.rfile.read(length).decode("utf-8", "replace")
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = self._params()
        if ctype == "application/x-www-form-urlencoded":
            for k, v in urllib.parse.parse_qs(body, keep_blank_values=True).items():
                params.setdefault(k, []).extend(v)
            if "update" in params:
                return self._update(params["update"][0])
            if "query" in params:
                return self._query(params["query"][0], params)
            return self._error(400, "missing query or update parameter")
        if ctype == "application/sparql-query":
            return self._query(body, params)
        if ctype == "application/sparql-update":
            return self._update(body)
        return self._error(415, f"unsupported Content-Type {ctype!r}")

    def _query(self, sparql: str, params: dict[str, list[str]]) -> None:
        default = [ox.NamedNode(g) for g in params.get("default-graph-uri", []) if g]
        named = [ox.NamedNode(g) for g in params.get("named-graph-uri", []) if g]
        try:
            result = self.server.store.query(
                sparql, use_default_graph_as_union=not default, default_graph=default or None,
                named_graphs=named or None)
        except SyntaxError as e:
            return self._error(400, f"invalid SPARQL query: {str(e).splitlines()[0]}")
        except (ValueError, OSError) as e:
            return self._error(400, f"query failed: {str(e).splitlines()[0] if str(e) else type(e).__name__}")
        fmt = params.get("format", [None])[0]
        accept = self.headers.get("Accept", "")
        try:
            if isinstance(result, ox.QueryTriples):
                name = _negotiate(accept, fmt, GRAPH_FORMATS, "turtle")
                out = result.serialize(format=GRAPH_FORMATS[name])
                return self._send(200, out, GRAPH_FORMATS[name].media_type + "; charset=utf-8")
            name = _negotiate(accept, fmt, RESULT_FORMATS, "json")
            out = result.serialize(format=RESULT_FORMATS[name])
        except ValueError as e:
            return self._error(406, str(e))
        return self._send(200, out, RESULT_FORMATS[name].media_type + "; charset=utf-8")

    def _update(self, sparql: str) -> None:
        if not self.server.writable:
            return self._error(403, "this endpoint is read-only (start it with `govkg serve --writable`)")
        try:
            with self.server.write_lock:
                self.server.store.update(sparql)
        except SyntaxError as e:
            return self._error(400, f"invalid SPARQL update: {str(e).splitlines()[0]}")
        self._send(204, b"", "text/plain")


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, store: ox.Store, host: str = "127.0.0.1", port: int = 0, *, writable: bool = False,
                 verbose: bool = False):
        try:
            super().__init__((host, port), SparqlHandler)
        except OSError as e:
            raise GovkgError(f"cannot listen on {host}:{port} ({e.strerror or e})") from None
        self.store, self.writable, self.verbose = store, writable, verbose
        self.write_lock = threading.Lock()
        self.page = query_page(cookbook(), writable).encode("utf-8")

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}/sparql"


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback interface.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    return host in ("localhost", "::1") or host.startswith("127.")


def query_page(examples: list[dict[str, str]], writable: bool) -> str:
    """The query page: plain HTML, CSS and JavaScript, everything inline (works offline)."""
    options = "\n".join(f'<option value="{html.escape(e["name"])}">{html.escape(e["name"])} — '
                        f'{html.escape(e["title"])}</option>' for e in examples)
    data = json.dumps({e["name"]: e["query"] for e in examples}, ensure_ascii=False).replace("</", "<\\/")
    mode = "read-write" if writable else "read-only"
    return PAGE.replace("{{OPTIONS}}", options).replace("{{DATA}}", data).replace("{{MODE}}", mode)


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>govkg SPARQL</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5em;max-width:110em}
textarea{width:100%;height:16em;font-family:ui-monospace,monospace;font-size:13px}
table{border-collapse:collapse;margin-top:1em;font-size:13px}
td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f0f0f0;position:sticky;top:0} #status{margin-left:1em;color:#555} select{max-width:60em}
</style></head><body>
<h1>govkg SPARQL endpoint <small>({{MODE}})</small></h1>
<p>Endpoint: <code>/sparql</code> (SPARQL 1.1 Protocol). The default graph is the union of all report graphs;
each report is also a named graph.</p>
<label>Example: <select id="examples"><option value="">(choose a cookbook query)</option>
{{OPTIONS}}
</select></label>
<textarea id="query" spellcheck="false">SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10</textarea>
<button id="run">Run</button><span id="status"></span>
<div id="results"></div>
<script>
const EXAMPLES = {{DATA}};
const $ = (id) => document.getElementById(id);
$("examples").onchange = (e) => { if (EXAMPLES[e.target.value]) $("query").value = EXAMPLES[e.target.value]; };
$("run").onclick = async () => {
  $("status").textContent = "running…"; $("results").textContent = "";
  const started = performance.now();
  const resp = await fetch("sparql", {method: "POST",
    headers: {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"},
    body: new URLSearchParams({query: $("query").value})});
  const text = await resp.text();
  const ms = Math.round(performance.now() - started);
  if (!resp.ok) { $("status").textContent = "error " + resp.status + ": " + text; return; }
  let data; try { data = JSON.parse(text); } catch (e) {
    const pre = document.createElement("pre"); pre.textContent = text; $("results").appendChild(pre);
    $("status").textContent = ms + " ms"; return; }
  if (data.boolean !== undefined) { $("status").textContent = "ASK: " + data.boolean + " (" + ms + " ms)"; return; }
  const vars = data.head.vars, rows = data.results.bindings;
  const table = document.createElement("table"), head = table.insertRow();
  for (const v of vars) { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); }
  for (const b of rows) { const tr = table.insertRow(); for (const v of vars) tr.insertCell().textContent = b[v] ? b[v].value : ""; }
  $("results").appendChild(table);
  $("status").textContent = rows.length + " rows (" + ms + " ms)";
};
</script></body></html>
"""
