"""`govkg serve`: a SPARQL 1.1 Protocol endpoint over the built graphs, with a small offline query page.

* ``GET /sparql?query=...`` and ``POST /sparql`` (form ``query=`` or ``application/sparql-query`` body), with
  ``default-graph-uri`` / ``named-graph-uri``; without them the default graph is the union of the report graphs,
  each triple once (the store of `govkg.query.load_store`, so the cookbook queries work unchanged); each report
  is also its named graph ``id:{rid}``.
* Results as SPARQL JSON (default), XML, CSV or TSV (``Accept`` header or ``format=json|xml|csv|tsv``);
  CONSTRUCT/DESCRIBE as Turtle (default) or N-Triples.
* Read-only unless started writable: SPARQL Update (``update=`` or ``application/sparql-update``) gets 403.
* ``GET /`` the query page (editor, the cookbook queries as examples, results table; no external resources);
  ``GET /queries.json`` the cookbook.

The store is pyoxigraph's in-memory store (its query engine is 15-50x faster than rdflib's, see
benchmarks/rdflib_vs_oxigraph.py).

Hardened like a public endpoint, even on loopback:

* every query is checked before the engine sees it (size, nesting depth; ``SERVICE`` and ``LOAD`` refused unless
  allowed: `govkg.sparqlguard`), then run in a forked child process with a time limit (``--timeout``) and an
  address-space limit (``--memory-mb``), at most ``--max-concurrent`` at a time: a runaway query is killed, a
  crash kills only its child, the server answers on;
* the ``Host`` header must name this server (against DNS rebinding); no CORS header unless ``--cors ORIGIN``,
  and never together with ``--writable``;
* every malformed request (bad ``Content-Length``, a body that never comes, an invalid graph IRI) gets a 4xx;
  nothing is printed as a traceback.
"""
from __future__ import annotations

import faulthandler
import html
import json
import multiprocessing
import os
import resource
import threading
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox

from .errors import GovkgError
from .query import is_union_view, query_dataset
from .sparqlguard import check_query

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}
MAX_BODY = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one query may use; `allow_service` / `allow_load` let SERVICE and LOAD through."""

    timeout: float = 5.0  # seconds of wall time per query
    memory_mb: int = 2048  # address space a query's process may add
    max_concurrent: int = 4  # queries running at once; more wait up to `timeout`, then get 503
    allow_service: bool = False
    allow_load: bool = False


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
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", self.server.cors)
            self.send_header("Vary", "Origin")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _params(self) -> dict[str, list[str]]:
        return urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query, keep_blank_values=True)

    # --- routes ---
    def handle_one_request(self):
        """One request; whatever goes wrong is an HTTP error for the client, never a traceback here."""
        try:
            super().handle_one_request()
        except TimeoutError:  # a request that never finishes arriving
            self.close_connection = True
            try:
                self._error(408, "request not received in time")
            except OSError:
                pass
        except ConnectionError:
            self.close_connection = True
        except Exception as e:  # a bug: one line, the client gets 500 if the connection still stands
            if self.server.verbose:
                self.log_message("error: %s: %s", type(e).__name__, e)
            try:
                self._error(500, "internal error")
            except OSError:
                pass
            self.close_connection = True

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        if not self.server.host_allowed(self.headers.get("Host", "")):
            self._error(403, "Host header does not name this server")
            return False
        return True

    def do_OPTIONS(self):
        self.send_response(204)
        self.send_header("Allow", "GET, HEAD, POST, OPTIONS")
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", self.server.cors)
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Content-Length", "0")
        self.end_headers()

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
        raw_length = self.headers.get("Content-Length")
        if raw_length is None or not raw_length.strip().isdigit():
            self.close_connection = True
            return self._error(411 if raw_length is None else 400, "a POST needs a valid Content-Length")
        length = int(raw_length)
        if length > MAX_BODY:
            self.close_connection = True
            return self._error(413, f"request body over {MAX_BODY} bytes")
        data = self.rfile.read(length)
        if len(data) < length:
            self.close_connection = True
            return self._error(400, "request body shorter than its Content-Length")
        body = data.decode("utf-8", "replace")
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
        limits = self.server.limits
        try:
            check_query(sparql, allow_service=limits.allow_service, allow_load=limits.allow_load)
            default = [ox.NamedNode(g) for g in params.get("default-graph-uri", []) if g]
            named = [ox.NamedNode(g) for g in params.get("named-graph-uri", []) if g]
        except GovkgError as e:
            return self._error(400, str(e))
        except ValueError as e:
            return self._error(400, f"invalid graph IRI: {e}")
        fmt = params.get("format", [None])[0]
        accept = self.headers.get("Accept", "")
        if not self.server.slots.acquire(timeout=limits.timeout):
            return self._error(503, "too many queries running; try again")
        try:
            status, body, content_type = run_isolated(self.server.store, sparql, default, named, accept, fmt, limits)
        finally:
            self.server.slots.release()
        self._send(status, body, content_type)

    def _update(self, sparql: str) -> None:
        if not self.server.writable:
            return self._error(403, "this endpoint is read-only (start it with `govkg serve --writable`)")
        limits = self.server.limits
        try:
            check_query(sparql, allow_service=limits.allow_service, allow_load=limits.allow_load)
            with self.server.write_lock:
                self.server.store.update(sparql)
        except GovkgError as e:
            return self._error(400, str(e))
        except SyntaxError as e:
            return self._error(400, f"invalid SPARQL update: {str(e).splitlines()[0]}")
        except (ValueError, OSError) as e:
            return self._error(400, f"update failed: {str(e).splitlines()[0] if str(e) else type(e).__name__}")
        self._send(204, b"", "text/plain")


def run_isolated(store: ox.Store, sparql: str, default: list, named: list, accept: str, fmt: str | None,
                 limits: Limits) -> tuple[int, bytes, str]:
    """(status, body, content type) of a query run in a forked child with `limits`; the child is killed when
    the time is up, and dies alone when it runs out of memory or crashes."""
    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_answer_in_child, args=(store, sparql, default, named, accept, fmt, limits.memory_mb,
                                                       sender), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(limits.timeout):
            return 503, f"query took longer than {limits.timeout:g} s and was stopped\n".encode(), "text/plain"
        return receiver.recv()
    except (EOFError, OSError):
        return 503, b"query stopped: it needed more memory than allowed or failed\n", "text/plain"
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()


def _answer_in_child(store, sparql, default, named, accept, fmt, memory_mb, sender) -> None:
    """Runs in the forked child: cap the address space, answer, send (status, body, content type)."""
    faulthandler.disable()  # a crash of this child is reported by the parent, not as a stack dump
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)  # the engine's own messages when it runs out of memory stay out of the server's log
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages, page_size = int(statm.read().split()[0]), os.sysconf("SC_PAGE_SIZE")
    cap = pages * page_size + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    try:
        sender.send(_answer(store, sparql, default, named, accept, fmt))
    except MemoryError:
        sender.send((503, b"query stopped: it needed more memory than allowed\n", "text/plain"))
    finally:
        sender.close()
        os._exit(0)


def _answer(store, sparql, default, named, accept, fmt) -> tuple[int, bytes, str]:
    try:
        if named:
            result = store.query(sparql, default_graph=default or None, named_graphs=named,
                                 use_default_graph_as_union=not default and is_union_view(store))
        else:  # several default graphs are merged where they may share triples (see `query_dataset`)
            store, dataset = query_dataset(store, [g.value for g in default] if default else None)
            result = store.query(sparql, **dataset)
        if isinstance(result, ox.QueryTriples):
            name = _negotiate(accept, fmt, GRAPH_FORMATS, "turtle")
            return 200, result.serialize(format=GRAPH_FORMATS[name]), GRAPH_FORMATS[name].media_type + "; charset=utf-8"
        name = _negotiate(accept, fmt, RESULT_FORMATS, "json")
        return 200, result.serialize(format=RESULT_FORMATS[name]), RESULT_FORMATS[name].media_type + "; charset=utf-8"
    except SyntaxError as e:
        return 400, f"invalid SPARQL query: {str(e).splitlines()[0]}\n".encode(), "text/plain; charset=utf-8"
    except ValueError as e:
        return 406, f"{e}\n".encode(), "text/plain; charset=utf-8"
    except OSError as e:
        return 400, f"query failed: {str(e).splitlines()[0] if str(e) else type(e).__name__}\n".encode(), "text/plain"


class SparqlHandlerWithTimeout(SparqlHandler):
    timeout = 10  # seconds a client may take to send its request (a body that never comes ends here)


class SparqlServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, store: ox.Store, host: str = "127.0.0.1", port: int = 0, *, writable: bool = False,
                 verbose: bool = False, limits: Limits = Limits(), cors: str | None = None):
        if cors and writable:
            raise GovkgError("--cors and --writable together would let any web page change the store: choose one")
        try:
            super().__init__((host, port), SparqlHandlerWithTimeout)
        except OSError as e:
            raise GovkgError(f"cannot listen on {host}:{port} ({e.strerror or e})") from None
        self.store, self.writable, self.verbose, self.limits, self.cors = store, writable, verbose, limits, cors
        self.write_lock = threading.Lock()
        self.slots = threading.BoundedSemaphore(limits.max_concurrent)
        self.page = query_page(cookbook(), writable).encode("utf-8")

    def host_allowed(self, host_header: str) -> bool:
        """The Host header names this server (its address, or localhost, with its port): a page on another
        site that rebinds its name to 127.0.0.1 sends its own name and is refused."""
        host, port = self.server_address[:2]
        names = {host, "localhost", "127.0.0.1", "[::1]"}
        return host_header.strip().lower() in {f"{n}:{port}" for n in names} | (names if port == 80 else set())

    def handle_error(self, request, client_address) -> None:
        if self.verbose:
            super().handle_error(request, client_address)

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
