"""Pushing built graphs to databases.

* SPARQL 1.1 stores (Oxigraph, Fuseki, GraphDB, ...) via the Graph Store HTTP Protocol: one ``PUT`` per report
  to ``STORE?graph=<report IRI>``, which replaces that named graph, so pushing again never duplicates.
* openCypher databases over their client protocol: FalkorDB (``redis://host:port/graph`` or
  ``falkordb://...``, RESP protocol, the ``falkordb`` client) and Neo4j/Memgraph (``bolt://`` / ``neo4j://``,
  the ``neo4j`` driver, installed separately). The statements are those of the Cypher export (MERGE on ``id``),
  so pushing again updates rather than duplicates.

Credentials come from the environment (``GOVKG_USER``, ``GOVKG_PASSWORD``) or a prompt, never from the command
line.
"""
from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

import networkx as nx
import pyoxigraph as ox

from .errors import GovkgError
from .exporters.property_graph import cypher_statements, parse_cypher_script

USER_ENV, PASSWORD_ENV = "GOVKG_USER", "GOVKG_PASSWORD"
TIMEOUT = 60


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str

    def __repr__(self) -> str:  # never print the password
        return f"Credentials(user={self.user!r})"


def credentials_from_env(environ=os.environ) -> Credentials | None:
    """``GOVKG_USER``/``GOVKG_PASSWORD`` if the password is set (user defaults to ``neo4j``-style empty).

    >>> credentials_from_env({}) is None
    True
    >>> credentials_from_env({"GOVKG_USER": "u", "GOVKG_PASSWORD": "p"})
    Credentials(user='u')
    """
    password = environ.get(PASSWORD_ENV)
    if password is None:
        return None
    return Credentials(environ.get(USER_ENV, ""), password)


def _auth_header(creds: Credentials | None) -> dict[str, str]:
    if creds is None:
        return {}
    token = base64.b64encode(f"{creds.user}:{creds.password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


class _SameOriginCredentials(urllib.request.HTTPRedirectHandler):
    """Follows a redirect, but sends credentials only to the origin they were given for."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and _origin(newurl) != _origin(req.full_url):
            new.remove_header("Authorization")
        return new


def _origin(url: str) -> tuple[str, str]:
    parts = urllib.parse.urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


_OPENER = urllib.request.build_opener(_SameOriginCredentials)


def plain_http_warning(url: str, creds: Credentials | None) -> str | None:
    """A warning when credentials would cross the network unencrypted (Basic auth over http://).

    >>> plain_http_warning("http://db.example:7878/store", Credentials("u", "p")) is not None
    True
    >>> plain_http_warning("https://db.example/store", Credentials("u", "p")), plain_http_warning("http://x/", None)
    (None, None)
    """
    if creds is None or urllib.parse.urlsplit(url).scheme.lower() != "http":
        return None
    return f"{url}: sending a password over plain http (anyone on the way can read it); use https"


def _request(url: str, *, method: str, data: bytes | None = None, headers: dict | None = None) -> bytes:
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with _OPENER.open(request, timeout=TIMEOUT) as response:
            return response.read()
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace").strip().splitlines()
        raise GovkgError(f"{url}: HTTP {e.code} {e.reason}" + (f" ({detail[0][:200]})" if detail else "")) from None
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise GovkgError(f"{url}: cannot connect ({reason})") from None


def _check_http(url: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise GovkgError(f"{url}: not an http(s) URL of a SPARQL Graph Store endpoint")


def graph_store_url(store_url: str, graph: str) -> str:
    """The Graph Store Protocol URL of one named graph.

    >>> graph_store_url("http://127.0.0.1:7878/store", "https://w3id.org/govkg/id/tj-2023")
    'http://127.0.0.1:7878/store?graph=https%3A%2F%2Fw3id.org%2Fgovkg%2Fid%2Ftj-2023'
    """
    sep = "&" if "?" in store_url else "?"
    return f"{store_url}{sep}{urllib.parse.urlencode({'graph': graph})}"


def push_graph_store(quads: list[ox.Quad], store_url: str, creds: Credentials | None = None) -> dict[str, int]:
    """PUT each named graph of ``quads`` to a Graph Store HTTP Protocol endpoint; graph IRI → triples sent."""
    _check_http(store_url)
    by_graph: dict[str, list[ox.Triple]] = {}
    for q in quads:
        if isinstance(q.graph_name, ox.NamedNode):
            by_graph.setdefault(q.graph_name.value, []).append(q.triple)
    if not by_graph:
        raise GovkgError("nothing to push: no report graphs")
    sent: dict[str, int] = {}
    for graph, triples in sorted(by_graph.items()):
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
        headers = {"Content-Type": "application/n-triples", **_auth_header(creds)}
        _request(graph_store_url(store_url, graph), method="PUT", data=body, headers=headers)
        sent[graph] = len(set(triples))
    return sent


def sparql_select(endpoint: str, query: str, *, default_graph: str | None = None,
                  creds: Credentials | None = None) -> list[dict[str, str]]:
    """Run a SELECT over the SPARQL 1.1 Protocol; rows of {variable: value string} (unbound left out)."""
    _check_http(endpoint)
    form = [("query", query)] + ([("default-graph-uri", default_graph)] if default_graph else [])
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json",
               **_auth_header(creds)}
    body = _request(endpoint, method="POST", data=urllib.parse.urlencode(form).encode(), headers=headers)
    result = json.loads(body)
    return [{k: v["value"] for k, v in b.items()} for b in result["results"]["bindings"]]


def remote_triple_count(endpoint: str, graph: str, creds: Credentials | None = None) -> int:
    rows = sparql_select(endpoint, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
                         creds=creds)
    return int(rows[0]["n"])


# ---------------------------------------------------------------- openCypher


def _falkordb_graph(url: str, creds: Credentials | None):
    from falkordb import FalkorDB

    parts = urllib.parse.urlsplit(url)
    name = parts.path.strip("/") or "govkg"
    kwargs = {"host": parts.hostname or "127.0.0.1", "port": parts.port or 6379}
    if creds is not None:
        kwargs.update(username=creds.user or None, password=creds.password)
    return FalkorDB(**kwargs).select_graph(name)


def _falkordb_constraint(graph, statement: str) -> None:
    """FalkorDB has no CREATE CONSTRAINT clause: an exact-match index plus its unique-constraint command."""
    label = statement.split("FOR (n:", 1)[1].split(")", 1)[0]
    for make in (graph.create_node_range_index, graph.create_node_unique_constraint):
        try:
            make(label, "id")
        except Exception as e:  # already there on a second push
            if "already" not in str(e).lower():
                raise


def run_falkordb(graph, statements: list[tuple[str, dict | None]]) -> None:
    for statement, params in statements:
        if statement.startswith("CREATE CONSTRAINT"):
            _falkordb_constraint(graph, statement)
        else:
            graph.query(statement, params)


def load_cypher_script_falkordb(graph, script: str) -> int:
    """Run a script written by the Cypher export (``:param batch => ...`` lines) in FalkorDB; statements run.

    FalkorDB takes query parameters as a ``CYPHER name=value`` prefix, so each ``:param`` literal is passed
    exactly as written in the script.
    """
    pairs = parse_cypher_script(script)
    for statement, literal in pairs:
        if statement.startswith("CREATE CONSTRAINT"):
            _falkordb_constraint(graph, statement)
        elif literal is not None:
            graph.query(f"CYPHER batch={literal} {statement}")
        else:
            graph.query(statement)
    return len(pairs)


def push_cypher(view: nx.MultiDiGraph, url: str, creds: Credentials | None = None) -> tuple[int, int]:
    """MERGE the property graph into an openCypher database; (nodes, relationships) sent."""
    scheme = urllib.parse.urlsplit(url).scheme
    statements = cypher_statements(view)
    try:
        if scheme in ("redis", "falkordb", "falkor"):
            run_falkordb(_falkordb_graph(url, creds), statements)
        elif scheme in ("bolt", "neo4j", "bolt+s", "neo4j+s"):
            try:
                import neo4j
            except ImportError:
                raise GovkgError("pushing over Bolt needs the neo4j driver: pip install neo4j") from None
            auth = (creds.user or "neo4j", creds.password) if creds else None
            with neo4j.GraphDatabase.driver(url, auth=auth) as driver, driver.session() as session:
                for statement, params in statements:
                    session.run(statement, params or {}).consume()
        else:
            raise GovkgError(f"{url}: unsupported Cypher database URL (use redis://, falkordb://, bolt:// or neo4j://)")
    except GovkgError:
        raise
    except Exception as e:  # driver errors: connection refused, auth, syntax
        raise GovkgError(f"{url}: {type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}") from None
    return len(view), view.number_of_edges()
