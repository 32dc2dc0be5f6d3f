"""Where a name ends and begins: names are grown backwards from a generic head word over name-like tokens.

A name such as 天开高教科技园西拓展区 is found from its head (拓展区, 科技园 …) by walking back over tokens
that can be part of a name (nouns, place names, numbers, Latin letters) and stopping at verbs, function words
and punctuation. Tags come from jieba's dictionary (`segment.word_tags`).

>>> text = "北辰区要加快推进高端装备产业园建设"
>>> [text[s:e] for s, e in NameFinder(["产业园"]).find(text)]
['高端装备产业园']
"""
from __future__ import annotations

import re
from typing import Iterable

from .segment import cut, word_frequency, word_tags
from .textmatch import trie_regex
from .vocab import word_list, word_table

#: Tags that end a name: prepositions, conjunctions, particles, pronouns, punctuation.
STOP_TAGS = frozenset("p c u uj ul uz ud ug uv r y e o w x".split())
#: Verbs and function words of government reports that end a name even when jieba calls them nouns, and every
#: word that gives a project its stage (开建甲乙高铁; data: graph/data/name_stop_words.txt, selection_verbs.txt,
#: stage_verbs.txt).
STOP_WORDS = frozenset(word_list("name_stop_words") + word_list("selection_verbs")
                       + tuple(word for stage, words in word_table("stage_verbs").items() if stage != "early"
                               for word in words))
#: Function words and the light verbs that introduce a programme (开展…行动, 建立…机制): the stops for names
#: whose content words are themselves verbs and nouns like 改造, 服务, 工作 (市区棚户区改造三年攻坚行动)
#: (data: graph/data/programme_stop_words.txt, selection_verbs.txt).
FUNCTION_WORDS = frozenset(word_list("programme_stop_words") + word_list("selection_verbs"))
#: Verbs this frequent in jieba's dictionary (采取, 实施, 保持) end a name; rarer ones (驾驶, 制造) may be part of it.
COMMON_VERB_FREQ = 7000
#: …a frequency no verb reaches: any verb may be part of the name.
ANY_VERB = float("inf")
#: Adverbs that open a verb phrase: a token starting with one (全面完成, 持续推进) ends a name.
ADVERB_PREFIXES = word_list("adverb_prefixes")  # data: graph/data/adverb_prefixes.txt
NAME_CHARS = re.compile(r"^(?:[\u4e00-\u9fffA-Za-z0-9（）()—\-·“”]|(?<=\d)\.(?=\d))+$")
MAX_NAME = 22
#: A quoted part of a name (“甲乙之路”), taken as one name word whatever it holds.
QUOTED = re.compile(r"“[^“”]*”")


class NameFinder:
    """Finds names that end in one of `heads` (generic suffixes such as 产业园, 医院, 城际)."""

    def __init__(self, heads: Iterable[str], tails: Iterable[str] = (), verb_freq: int = COMMON_VERB_FREQ,
                 stop_words: frozenset[str] = STOP_WORDS, tail_patterns: Iterable[str] = (),
                 verb_before_head: bool = False):
        """Tokens in `stop_words`, and verbs at least `verb_freq` frequent (采取, 实施, 完成), end a name; rarer
        verbs belong to it (改善医疗服务行动, 自动驾驶示范区). Programme names, often verb phrases, use the
        smaller `FUNCTION_WORDS` list (市区棚户区改造三年攻坚行动). `tail_patterns` are tails written as regular
        expressions (a section named by its two ends: 渝宜段). With `verb_before_head`, the word right before the
        head is the name's own however common a verb (长城保护条例, 遗产保护传承行动)."""
        self.verb_freq = verb_freq
        self.verb_before_head = verb_before_head
        self.stop_words = stop_words
        self.heads = trie_regex(heads)
        alternatives = [re.escape(t) for t in tails] + list(tail_patterns)
        self.tails = re.compile("(?:" + "|".join(alternatives) + ")*") if alternatives else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """(start, end) of each name in text[start:end]; names do not overlap."""
        end = len(text) if end is None else end
        spans: list[tuple[int, int]] = []
        for m in self.heads.finditer(text, start, end):
            name_end = self._tails(text, m.end(), end)
            name_end = _close_brackets(text, name_end, end)
            name_end = self._tails(text, name_end, end)  # 国家会展中心（天津）二期
            name_start = grow_backwards(text, start, m.start(), self.verb_freq, self.stop_words,
                                        self.verb_before_head)
            name_end = _close_quote(text, name_start, name_end)
            if spans and (name_start < spans[-1][1] or _joins(text, spans[-1][1], m.start())):
                if COUNT_AND_KIND.fullmatch(text, spans[-1][1], m.start()):
                    continue  # 甲机场、乙机场2个国际机场: the list's count and kind, not more of its last name
                if name_end > spans[-1][1]:
                    spans[-1] = (spans[-1][0], name_end)
                continue
            if name_start < m.start() and name_end - name_start <= MAX_NAME:
                spans.append((name_start, name_end))
        return spans

    def _tails(self, text: str, end: int, ceiling: int) -> int:
        return self.tails.match(text, end, ceiling).end() if self.tails else end


_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
ONE_CJK = re.compile(r"[\u4e00-\u9fff]")
#: 等 closing a list (甲、乙等公园), not inside a word (高等, 平等, 相等).
LIST_ETC = r"(?<![高中初平同均对相])等"
LIST_ETC_MARK = re.compile(LIST_ETC)
#: A count and the start of a kind between a name and the next head (…机场2个国际机场).
COUNT_AND_KIND = re.compile(r"\d+[个家座所条项处][\u4e00-\u9fff]{0,4}")


def grow_backwards(text: str, floor: int, head_start: int, verb_freq: int = COMMON_VERB_FREQ,
                   stop_words: frozenset[str] = STOP_WORDS, verb_before_head: bool = False) -> int:
    """The start of the name whose head starts at `head_start`, not before `floor` (for `verb_before_head` see
    `NameFinder`)."""
    window_start = max(floor, head_start - MAX_NAME)
    window_start = _after_break(text, window_start, head_start)
    tokens = cut(text[window_start:head_start], hmm=True)
    tags = word_tags()
    start, i = head_start, len(tokens) - 1
    while i >= 0:
        if tokens[i] == "”" and (opening := _opening_quote(tokens, i)) is not None:
            start -= sum(len(t) for t in tokens[opening:i + 1])  # a quoted part is the name's whatever it holds
            i = opening - 1
            continue
        if _joins_two_ends(tokens, i, start < head_start):
            start -= len(tokens[i]) + len(tokens[i - 1])  # 至 and the place before it, and no further words
            if i < 2 or tokens[i - 2] != "至":
                break
            i -= 2
            continue
        if _joins_two_works(tokens, i, tags) and start < head_start and i >= 2 and _name_like(
                tokens[i - 2], tags, verb_freq, stop_words):
            start -= len(tokens[i]) + len(tokens[i - 1])  # 保护与修缮工程: both works are the name's
            i -= 2
            continue
        any_verb = verb_before_head and start == head_start
        # the word after 至 right before the head is a place whatever jieba tags it (甲乙至大余高速)
        second_end = start == head_start and i > 0 and tokens[i - 1] == "至" and _CJK_WORD.fullmatch(tokens[i])
        if not second_end and not _name_like(tokens[i], tags, ANY_VERB if any_verb else verb_freq, stop_words):
            break
        start -= len(tokens[i])
        i -= 1
    if i >= 0 and tokens[i] == "在" and start < head_start and ONE_CJK.fullmatch(tokens[i + 1]):
        start += 1  # 在沪国家实验室: 在沪 is "in Shanghai", the abbreviation is not the name's
    return _drop_open_quote(text, start, head_start)


def is_name_like(text: str) -> bool:
    """Every word of `text` may be part of a name (no verb, function word or punctuation); quoted parts count as
    names whatever they hold.

    >>> is_name_like("先农坛神仓"), is_name_like("“甲乙之路”红色旅游路线"), is_name_like("统筹重大产业项目")
    (True, True, False)
    """
    tags = word_tags()
    return all(_name_like(token, tags, COMMON_VERB_FREQ, STOP_WORDS) for token in cut(QUOTED.sub("X", text), hmm=True))


def _opening_quote(tokens: list[str], closing: int) -> int | None:
    """The index of the “ that the ” at tokens[closing] closes, if the window holds it."""
    for k in range(closing - 1, -1, -1):
        if tokens[k] == "”":
            return None
        if tokens[k] == "“":
            return k
    return None


def _joins_two_ends(tokens: list[str], i: int, after_a_name: bool) -> bool:
    """至 between two places, the first one word (甲乙至丙丁高铁: a line named by its two ends)."""
    return tokens[i] == "至" and after_a_name and i > 0 and _CJK_WORD.fullmatch(tokens[i - 1]) is not None


def _joins_two_works(tokens: list[str], i: int, tags: dict[str, str]) -> bool:
    """与 between two kinds of work (甲乙古城保护与修缮工程, 丙丁生态保护与修复工程; not 产业与城市融合…, two things);
    the name takes both when something naming what is worked on comes before them (not 推进保护与修缮工程).

    >>> _joins_two_works(["古城", "保护", "与", "修缮"], 2, {"保护": "v", "修缮": "v"})
    True
    """
    return (tokens[i] == "与" and 0 < i < len(tokens) - 1
            and tags.get(tokens[i - 1], "") in WORK_TAGS and tags.get(tokens[i + 1], "") in WORK_TAGS)


#: Tags of words naming a kind of work (保护, 修缮, 开发).
WORK_TAGS = frozenset(("v", "vn"))


def _name_like(token: str, tags: dict[str, str], verb_freq: int, stop_words: frozenset[str]) -> bool:
    if token in stop_words or not NAME_CHARS.match(token) or token.startswith(ADVERB_PREFIXES):
        return False
    tag = tags.get(token, "")
    if tag in STOP_TAGS and token not in "“”（）()":
        return False
    if tag == "v" and word_frequency(token) >= verb_freq:
        return False
    return not (len(token) == 1 and tag.startswith("v"))


def _joins(text: str, previous_end: int, head_start: int) -> bool:
    """A head right after a name continues it (市第一中心医院新院区)."""
    gap = text[previous_end:head_start]
    return len(gap) <= 2 and not re.search(r"[，。；：、,;:！？\s和与及等]", gap)


def word_end(text: str, end: int, floor: int, ceiling: int) -> int:
    """Where the token of jieba's segmentation holding text[end - 1] ends (改革开放 runs past the head 改革).

    >>> word_end("坚持改革开放", 4, 0, 6), word_end("深化国企改革和", 6, 0, 7)
    (6, 6)
    """
    left, right = max(floor, end - 12), min(ceiling, end + 6)
    pos = left
    for token in cut(text[left:right]):
        pos += len(token)
        if pos >= end:
            return pos
    return end


def _after_break(text: str, start: int, end: int) -> int:
    m = None
    for m in re.finditer(r"[，。；：、,;:！？\s]", text[start:end]):
        pass
    return start + m.end() if m else start


def _close_brackets(text: str, end: int, ceiling: int) -> int:
    """Take a following （…） qualifier (（天津）, （北段）) into the name."""
    m = re.compile(r"（[^（）]{1,6}）").match(text, end, ceiling)
    return m.end() if m else end


def _close_quote(text: str, start: int, end: int) -> int:
    """Take the closing quote of a quoted head (国家电网“1001工程”) into the name."""
    if text.count("“", start, end) > text.count("”", start, end) and text.startswith("”", end):
        return end + 1
    return end


def _drop_open_quote(text: str, start: int, head_start: int) -> int:
    name = text[start:head_start]
    if name.count("“") != name.count("”"):
        if name.startswith("“"):
            return start + 1
        if "”" in name and "“" not in name:
            return start + name.index("”") + 1
    return start
