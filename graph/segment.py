"""jieba segmentation (jieba-rs through `rjieba`: jieba's algorithm and dictionary, about ten times faster than the
Python `jieba`), initialised once and lazily, with govkg's domain dictionary.

The dictionary (district names of every city — jieba lacks 静海区, 蓟州区, 宁河区 and tags 北辰区 as an
organisation —, unit words and policy terms) keeps names whole:

>>> cut("静海区加快建设产业园")
['静海区', '加快建设', '产业园']

Tokens are those of the Python `jieba`'s `lcut`, including its split of ASCII runs with a hyphen when unseen words
are joined (``cut("招收2-3岁幼儿", hmm=True)`` gives '2', '-', '3' as `jieba` does). Frequencies and part-of-speech
tags come from the Python `jieba` package's dictionary file, read once (`word_frequency`, `word_tags`).
"""
from __future__ import annotations

import importlib.util
import os
import re
import threading
from functools import lru_cache


_lock = threading.Lock()
_tokenizer = None
#: jieba's ASCII runs when it joins unseen words (its `finalseg.re_skip`): "5G-A" → "5G", "-", "A".
ASCII_RUN = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
HYPHENATED = re.compile(r"[a-zA-Z0-9+#&._%]*-[a-zA-Z0-9+#&._%\-]*")


def tokenizer():
    """The shared segmenter (`rjieba`'s default one), given the domain dictionary on first use."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import rjieba

                for word, tag in _domain_words().items():
                    rjieba.add_word(word, max(_dictionary_frequency(word), 20000), tag)
                _tokenizer = rjieba
    return _tokenizer


@lru_cache(maxsize=1)
def _domain_words() -> dict[str, str]:
    """Each word jieba must keep whole, with its tag: division names ("ns" when they end in 区, 县, 市 or 省), domain
    verbs ("v": data/domain_verbs.txt) and other domain words ("n": data/domain_words.txt)."""
    from .gazetteer import all_divisions

    from .vocab import word_list

    tags = {word: "n" for word in word_list("domain_words")}
    tags.update((d.name, "ns" if d.name.endswith(("区", "县", "市", "省")) else "n") for d in all_divisions().values())
    tags.update((word, "v") for word in word_list("domain_verbs"))
    return dict(sorted(tags.items()))


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, str], dict[str, str]]:
    """(tag, frequency as written) of each word of jieba's dictionary file, read in one pass."""
    with open(_jieba_file("dict.txt"), "rb") as f:
        fields = f.read().decode("utf-8").split()  # word, frequency, tag on every line
    if len(fields) % 3:
        raise ValueError("jieba's dictionary: not 'word frequency tag' on every line")
    words = fields[0::3]
    return dict(zip(words, fields[2::3])), dict(zip(words, fields[1::3]))


def _jieba_file(name: str) -> str:
    """A data file of the `jieba` package, found without importing it (its import costs a third of a second)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("govkg needs the jieba package (its dictionary): pip install jieba")
    return os.path.join(spec.submodule_search_locations[0], name)


def _dictionary_frequency(word: str) -> int:
    return int(_dictionary()[1].get(word, 0))


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """Part-of-speech tag of each dictionary word, read from jieba's own dictionary, and of the domain words.

    Looking tags up per token keeps the segmenter's pace; tagging while cutting is several times slower.
    """
    return dict(_dictionary()[0]) | _domain_words()


def cut(text: str, hmm: bool = False) -> list[str]:
    """jieba's accurate-mode segmentation; `hmm` lets jieba join unseen words (渤化, 天开)."""
    tokens = tokenizer().cut(text, hmm)
    if hmm and "-" in text:
        return [part for token in tokens for part in _as_jieba_splits(token)]
    return tokens


def _as_jieba_splits(token: str) -> list[str]:
    if len(token) > 1 and HYPHENATED.fullmatch(token):
        return [part for part in ASCII_RUN.split(token) if part]
    return [token]


def word_frequency(word: str) -> int:
    """jieba's dictionary frequency of `word` (before domain words were added; 0 if unknown)."""
    return _dictionary_frequency(word)
