"""Fast literal matching of many words at once: a regex built from a trie of the words.

>>> rx = trie_regex(["滨海新区", "滨海", "宝坻区"])
>>> [m.group() for m in rx.finditer("滨海新区与宝坻区、滨海")]
['滨海新区', '宝坻区', '滨海']
"""
from __future__ import annotations

import re
from typing import Iterable


def trie_regex(words: Iterable[str]) -> re.Pattern[str]:
    """A compiled pattern matching any of `words`, longest first at each position."""
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    body = _trie_pattern(trie)
    return re.compile(body if body else r"(?!x)x")


def alternation(words: Iterable[str]) -> str:
    """A pattern, to use inside larger ones, that matches any of `words` (longest first at each position).

    >>> re.fullmatch(alternation(["县级", "县"]) + "+医院", "县级医院") is not None
    True
    """
    return "(?:" + trie_regex(words).pattern + ")"


def _trie_pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body
