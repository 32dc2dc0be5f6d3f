"""Checks a SPARQL text before any engine sees it: size, nesting depth, and operations that reach outside.

pyoxigraph's parser recurses on nesting (a query of 5,000 nested ``{`` crashes the process), and ``SERVICE`` /
``LOAD`` make the engine fetch URLs. `check_query` refuses such queries with a clear message.

>>> check_query("SELECT * WHERE { ?s ?p ?o }")
>>> check_query("SELECT * WHERE " + "{" * 500 + "}" * 500)
Traceback (most recent call last):
govkg.errors.GovkgError: query nested 500 levels deep (at most 64)
>>> check_query("SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
govkg.errors.GovkgError: SERVICE is refused here (it makes the server fetch other addresses)
>>> check_query('SELECT * WHERE { ?s ?p "SERVICE {{{{" } # LOAD in a comment')
"""
from __future__ import annotations

import re

from .errors import GovkgError

MAX_QUERY_BYTES = 200_000
MAX_NESTING = 64
#: Strings, IRIs and comments (skipped), brackets and words (checked), one token at a time.
TOKEN = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                   r'|<[^<>"{}|^`\\\s]*>|#[^\n]*|[{(\[]|[})\]]|[A-Za-z_]+')
OPENING = "{(["
REFUSED = {"SERVICE": "SERVICE is refused here (it makes the server fetch other addresses)",
           "LOAD": "LOAD is refused here (it makes the server fetch URLs)"}


def check_query(text: str, *, allow_service: bool = False, allow_load: bool = False,
                max_bytes: int = MAX_QUERY_BYTES, max_nesting: int = MAX_NESTING) -> None:
    """Raise GovkgError when `text` is too long, nested too deep, or uses SERVICE / LOAD not allowed."""
    size = len(text.encode("utf-8"))
    if size > max_bytes:
        raise GovkgError(f"query of {size} bytes is too long (at most {max_bytes})")
    refused = {word for word, allowed in (("SERVICE", allow_service), ("LOAD", allow_load)) if not allowed}
    depth = deepest = 0
    for m in TOKEN.finditer(text):
        token = m.group()
        if token in OPENING:
            depth += 1
            deepest = max(deepest, depth)
        elif token in "})]":
            depth -= 1
        elif token[0].isalpha() and token.upper() in refused and not _in_prefixed_name(text, m):
            raise GovkgError(REFUSED[token.upper()])
    if deepest > max_nesting:
        raise GovkgError(f"query nested {deepest} levels deep (at most {max_nesting})")


def _in_prefixed_name(text: str, m: re.Match) -> bool:
    """ex:load or load:x is a name, not the LOAD keyword."""
    return text[m.start() - 1:m.start()] in (":", "?", "$") or text[m.end():m.end() + 1] == ":"
