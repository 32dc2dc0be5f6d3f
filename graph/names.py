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

#: Tags that end a name: prepositions, conjunctions, particles, pronouns, punctuation.
STOP_TAGS = frozenset("p c u uj ul uz ud ug uv r y e o w x".split())
#: Verbs and function words of government reports that end a name even when jieba calls them nouns.
STOP_WORDS = frozenset("""
的 和 与 及 等 或 以 为 在 了 着 对 向 把 将 要 从 到 由 于 是 并 被 让 使 其 该 各 每 这 那 此 一批 一大批 一系列
重点 项目 建设 工作 全面 加快 推进 推动 支持 打造 高水平 高标准 高质量 重大 全力 持续 积极 大力 着力 深入 进一步
加快推进 加快建设 开工建设 建成投产 建成通车 建成 新建 新增 续建 改建 扩建 开工 竣工 投产 通车 启用 开放 运营
投用 落地 落户 引进 谋划 规划 筹建 筹划 启动 实施 完成 发展 服务 提升 完善 落实 布局 承接 开展 抢抓 发挥 聚焦
培育 壮大 做强 做优 做大 集聚 加强 促进 深化 优化 创建 争创 获批 推广 形成 实现 构建 健全 提高 增强 强化 扩大
建立 组建 设立 成立 开通 上线 试运行 运行 投入 完工 交付 改造 提质 升级 拓展 延伸 保障 确保 力争 争取
高端化 智能化 绿色化 全市 我市 全区 本市 依托 围绕 通过 利用 用好 办好 抓好 着眼 面向 瞄准 对接 融入
释放 开辟 发挥 支持 全球 首个 首家 全国首个 世界首个 举办 举行 召开 建立 健全 建立健全 做好 鼓励 引导 争取 申报
承办 筹办 加强 优化 提升 推广 复制 稳妥 有序 稳妥有序 高标准 高水平 一批 新一批 加大 好 建好 管好
""".split())
#: Function words and the light verbs that introduce a programme (开展…行动, 建立…机制): the stops for names
#: whose content words are themselves verbs and nouns like 改造, 服务, 工作 (市区棚户区改造三年攻坚行动).
FUNCTION_WORDS = frozenset("""
的 和 与 及 等 或 以 为 在 了 着 对 向 把 将 要 从 到 由 于 是 并 被 让 使 其 该 各 每 这 那 此 一批 一系列
开展 实施 推进 推动 加快 建立 完成 落实 出台 制定 研究 深化 健全 完善 坚持 采取 保持 深入 全面 持续 大力
积极 着力 严格 划定 严守 获批 率先 启动 组织 抓好 用好 办好 全市 我市 本市 全国 首批 印发 入选 圆满 取得
更加 融入 支持 围绕 依托 通过 贯彻 贯彻落实 把握 做好 建立健全 强化 打造 打通 开创 不断 始终 好
发挥 鼓励 构建 编制 实现 破除
""".split())
#: Verbs this frequent in jieba's dictionary (采取, 实施, 保持) end a name; rarer ones (驾驶, 制造) may be part of it.
COMMON_VERB_FREQ = 7000
#: Adverbs that open a verb phrase: a token starting with one (全面完成, 持续推进) ends a name.
ADVERB_PREFIXES = ("全面", "持续", "加快", "深入", "积极", "大力", "着力", "进一步", "率先", "扎实", "用心", "用力", "认真", "牢牢")
NAME_CHARS = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9（）()—\-·“”]+$")
MAX_NAME = 22


class NameFinder:
    """Finds names that end in one of `heads` (generic suffixes such as 产业园, 医院, 城际)."""

    def __init__(self, heads: Iterable[str], tails: Iterable[str] = (), verb_freq: int = COMMON_VERB_FREQ,
                 stop_words: frozenset[str] = STOP_WORDS, tail_patterns: Iterable[str] = ()):
        """Tokens in `stop_words`, and verbs at least `verb_freq` frequent (采取, 实施, 完成), end a name; rarer
        verbs belong to it (改善医疗服务行动, 自动驾驶示范区). Programme names, often verb phrases, use the
        smaller `FUNCTION_WORDS` list (市区棚户区改造三年攻坚行动). `tail_patterns` are tails written as regular
        expressions (a section named by its two ends: 渝宜段)."""
        self.verb_freq = verb_freq
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
            name_start = grow_backwards(text, start, m.start(), self.verb_freq, self.stop_words)
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
#: 等 closing a list (甲、乙等公园), not inside a word (高等, 平等, 相等).
LIST_ETC = r"(?<![高中初平同均对相])等"
#: A count and the start of a kind between a name and the next head (…机场2个国际机场).
COUNT_AND_KIND = re.compile(r"\d+[个家座所条项处][\u4e00-\u9fff]{0,4}")


def grow_backwards(text: str, floor: int, head_start: int, verb_freq: int = COMMON_VERB_FREQ,
                   stop_words: frozenset[str] = STOP_WORDS) -> int:
    """The start of the name whose head starts at `head_start`, not before `floor`."""
    window_start = max(floor, head_start - MAX_NAME)
    window_start = _after_break(text, window_start, head_start)
    tokens = cut(text[window_start:head_start], hmm=True)
    tags = word_tags()
    start, i = head_start, len(tokens) - 1
    while i >= 0:
        if _joins_two_ends(tokens, i, start < head_start):
            start -= len(tokens[i]) + len(tokens[i - 1])  # 至 and the place before it, and no further words
            if i < 2 or tokens[i - 2] != "至":
                break
            i -= 2
            continue
        if not _name_like(tokens[i], tags, verb_freq, stop_words):
            break
        start -= len(tokens[i])
        i -= 1
    return _drop_open_quote(text, start, head_start)


def _joins_two_ends(tokens: list[str], i: int, after_a_name: bool) -> bool:
    """至 between two places, the first one word (甲乙至丙丁高铁: a line named by its two ends)."""
    return tokens[i] == "至" and after_a_name and i > 0 and _CJK_WORD.fullmatch(tokens[i - 1]) is not None


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
