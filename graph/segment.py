"""jieba, initialised once and lazily, with govkg's domain dictionary.

The dictionary (district names of every city — jieba lacks 静海区, 蓟州区, 宁河区 and tags 北辰区 as an
organisation —, unit words and policy terms) keeps names whole:

>>> cut("静海区加快建设产业园")
['静海区', '加快建设', '产业园']
"""
from __future__ import annotations

import logging
import threading
from functools import lru_cache


_lock = threading.Lock()
_tokenizer = None
_base_frequency: dict[str, int] = {}  # jieba's frequency of each domain word before it was added


def tokenizer():
    """The shared jieba tokenizer, loaded and given the domain dictionary on first use."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tok = jieba.Tokenizer()
                tok.initialize()
                for word in _domain_words():
                    _base_frequency[word] = tok.FREQ.get(word, 0)
                    tok.add_word(word, freq=max(tok.FREQ.get(word, 0), 20000), tag="n")
                _tokenizer = tok
    return _tokenizer


def _domain_words() -> list[str]:
    from .gazetteer import all_divisions

    from .vocab import word_list

    names = {d.name for d in all_divisions().values()}
    return sorted(names | set(word_list("domain_words")))


@lru_cache(maxsize=1)
def word_tags() -> dict[str, str]:
    """Part-of-speech tag of each dictionary word, read from jieba's own dictionary (domain words are "n").

    Looking tags up per token keeps `jieba.lcut`'s pace; `jieba.posseg` is about five times slower.
    """
    import jieba

    with jieba.get_dict_file() as f:
        fields = f.read().decode("utf-8").split()  # word, frequency, tag on every line
    if len(fields) % 3:
        raise ValueError("jieba's dictionary: not 'word frequency tag' on every line")
    tags = dict(zip(fields[0::3], fields[2::3]))
    for word in _domain_words():
        tags[word] = "ns" if word.endswith(("区", "县", "市", "省")) else "n"
    return tags


def cut(text: str, hmm: bool = False) -> list[str]:
    """jieba's accurate-mode segmentation; `hmm` lets jieba join unseen words (渤化, 天开)."""
    return tokenizer().lcut(text, HMM=hmm)


def word_frequency(word: str) -> int:
    """jieba's dictionary frequency of `word` before domain words were added (0 if unknown), from the one
    loaded tokenizer (no second copy of the dictionary)."""
    freq = tokenizer().FREQ
    return _base_frequency[word] if word in _base_frequency else freq.get(word, 0)
