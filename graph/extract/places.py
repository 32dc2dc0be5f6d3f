"""Places: the divisions inside the report's region (GB/T 2260 codes, every level), its functional areas,
and places elsewhere.

>>> from govkg.pipeline import read_document
>>> doc = read_document("宝坻京津中关村科技城建设顺利，东疆综合保税区和“滨城”发展，服务雄安新区。", "d", region="天津市")
>>> [(p.kind, p.name, p.code) for p in extract_places(doc)]
[('district', '宝坻区', '120115'), ('area', '东疆综合保税区', None), ('area', '滨城', None), ('external', '雄安新区', None)]
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..document import Document
from ..gazetteer import NATIONAL, ExternalPlaceGazetteer, PlaceGazetteer, PlaceMatch, find_region, region_level
from ..names import NameFinder
from ..textmatch import alternation
from ..vocab import word_list

#: Generic heads of functional-area names, and those that name an area on their own (data: graph/data/).
AREA_HEADS = word_list("area_heads")
STANDALONE_AREAS = word_list("standalone_areas")
#: What may open a grown area name without being part of it: a count (230项) or a level word (字段级, 市级).
AREA_LEAD = re.compile(r".*[0-9０-９][个项家所座条批处]|[\u4e00-\u9fff]{1,3}级(?=[\u4e00-\u9fff]{3})")
#: …and a verb governing the name (data: graph/data/area_lead_verbs.txt).
AREA_LEAD_VERB = re.compile("(?:" + "|".join(sorted(word_list("area_lead_verbs"), key=len, reverse=True)) + ")")
MIN_AREA_REST = 3
#: Quoted one-character city nicknames used as areas: “津城”, “滨城” (not slogans such as “光伏长城”, “一座城”).
QUOTED_CITY = re.compile(r"“([\u4e00-\u9fff]城)”")
#: A zone a city or county has one of, called by its kind alone at a clause's start and told what to do (高新区要…):
#: the region's own (data: graph/data/own_zone_heads.txt).
OWN_ZONE = re.compile(r"(?:^|(?<=[，。；：\n]))" + alternation(word_list("own_zone_heads")) + "(?=要)")
#: The number words that open an area list name (五大开发区).
COUNTED_AREA = re.compile(r"[一二三四五六七八九十两]大(?:开发区|功能区|片区|园区)")


@dataclass(frozen=True)
class PlaceFact:
    kind: str  # "district", "area" or "external"
    name: str  # official or canonical name
    code: str | None  # GB/T 2260 code of a district
    surface: str  # as written
    start: int
    end: int
    sentence: int


def district_mentions(doc: Document, start: int = 0, end: int | None = None) -> list[PlaceMatch]:
    """Mentions of divisions inside the report's region in doc.text[start:end] (computed once per document)."""
    found = doc.found
    if found.districts is None:
        gazetteer = _gazetteer_of(doc.meta.region)
        found.districts = gazetteer.find(doc.text) if gazetteer else []
        found.district_starts = [m.start for m in found.districts]
    mentions, starts = found.districts, found.district_starts
    end = len(doc.text) if end is None else end
    return [m for m in mentions[bisect_left(starts, start):bisect_left(starts, end)] if m.end <= end]


def extract_places(doc: Document) -> list[PlaceFact]:
    facts = [PlaceFact("district", m.division.name, m.division.code, m.surface, m.start, m.end,
                       doc.sentence_at(m.start).index) for m in district_mentions(doc)]
    facts += area_mentions(doc)
    facts += _external_mentions(doc)
    return sorted(facts, key=lambda f: (f.start, f.end, f.kind))


def area_mentions(doc: Document) -> list[PlaceFact]:
    """Functional areas: names ending in an area head, standalone area words and quoted “X城” names."""
    if doc.found.areas is not None:
        return doc.found.areas
    district_names = {m.division.name for m in district_mentions(doc)}
    spans: dict[tuple[int, int], str] = {}
    for s, e in _AREA_FINDER.find(doc.text):
        s += _area_name_start(doc.text[s:e])
        if AREA_LEAD_VERB.fullmatch(doc.text, s - 1, s + 1):  # 做大做|强甲乙科学城: a verb cut in two
            s += 1
            if doc.text[s:e] in AREA_HEADS:
                continue  # 做大做强科学城: a bare kind, no area
        spans[(s, e)] = doc.text[s:e]
    inside_names = {i for s, e in spans for i in range(s, e)}
    for m in re.finditer("|".join(STANDALONE_AREAS), doc.text):
        if m.start() not in inside_names:
            spans[(m.start(), m.end())] = m.group()
    for m in QUOTED_CITY.finditer(doc.text):
        spans[(m.start(1), m.end(1))] = m.group(1)
    for m in COUNTED_AREA.finditer(doc.text):
        spans[(m.start(), m.end())] = m.group()
    spans.update(_own_zones(doc))
    facts = [PlaceFact("area", name, None, doc.text[s:e], s, e, doc.sentence_at(s).index)
             for (s, e), name in sorted(spans.items()) if _is_area_name(name, district_names)]
    doc.found.areas = facts
    return facts


def _own_zones(doc: Document) -> dict[tuple[int, int], str]:
    """A city's or county's zones called by their kind alone and told what to do, named with the region's short name:
    高新区要聚焦… in 合肥市's report → 合肥高新区. A province's report means all its zones of that kind, and a city
    district's may mean its city's (大兴区's 经开区 is 北京's): none."""
    region = find_region(doc.meta.region) if doc.meta.region and doc.meta.region != NATIONAL else None
    if region_level(region) not in ("prefecture", "county") or _a_city_district(region):
        return {}
    own = region.short if find_region(region.short) is region else region.name  # 长沙县's: 长沙县高新区, not 长沙市's
    return {m.span(): own + m.group() for m in OWN_ZONE.finditer(doc.text)}


def _a_city_district(region) -> bool:
    """A city's district (市辖区: codes XXYY01–XXYY20 in GB/T 2260), not a county, a county-level city, a prefecture's
    地区 or a 林区."""
    return region.level == "county" and int(region.code[4:6]) <= MAX_CITY_DISTRICT_CODE


MAX_CITY_DISTRICT_CODE = 20


def region_names(doc: Document) -> tuple[str, ...]:
    """The report's region as the text may write it, full and short (天津市, 天津); none for the country."""
    region = find_region(doc.meta.region) if doc.meta.region and doc.meta.region != NATIONAL else None
    return tuple(dict.fromkeys((region.name, region.short))) if region is not None else ()


def names_a_place(doc: Document, start: int, end: int) -> bool:
    """doc.text[start:end] holds a place: the region (its short form too), a district, a functional area or a
    place elsewhere (雄安新区至天津港通关机制 holds two).

    >>> from govkg.pipeline import read_document
    >>> doc = read_document("建立雄安新区通关机制和动态调整机制。", "d", region="天津市")
    >>> names_a_place(doc, 2, 10), names_a_place(doc, 11, 17)
    (True, False)
    """
    if any(form in doc.text[start:end] for form in region_names(doc)):
        return True
    if district_mentions(doc, start, end) or any(start <= a.start and a.end <= end for a in area_mentions(doc)):
        return True
    gazetteer = _external_gazetteer_of(doc.meta.region)
    return bool(gazetteer and gazetteer.find(doc.text, start, end))


def _area_name_start(name: str) -> int:
    """Where an area's name starts in a name grown back over a count, a level word or a verb (累计推出230项|甲乙自贸试验区,
    字段级|自贸试验区, 编制|郑州航空港区): after them.

    >>> [_area_name_start(n) for n in ("累计推出230项甲乙自贸试验区", "字段级自贸试验区", "甲乙综保区", "编制甲乙港区")]
    [8, 3, 0, 2]
    """
    lead = AREA_LEAD.match(name)
    start = lead.end() if lead else 0
    verb = AREA_LEAD_VERB.match(name, start)
    if verb and len(name) - verb.end() >= MIN_AREA_REST:
        start = verb.end()  # 编制|郑州航空港区: the verb before the name
    return start


def _is_area_name(name: str, district_names: set[str]) -> bool:
    return name not in district_names and len(name) >= 2 and not name.startswith(("和", "等", "的"))


def _gazetteer_of(region: str | None) -> PlaceGazetteer | None:
    """The region's gazetteer; none for a region govkg does not know (its places are then not divisions)."""
    if region == NATIONAL or (region and find_region(region) is not None):
        return PlaceGazetteer.for_region(region)
    return None


def _external_gazetteer_of(region: str | None) -> ExternalPlaceGazetteer | None:
    if region != NATIONAL and not (region and find_region(region)):
        return None
    return ExternalPlaceGazetteer.for_region(region)


def _external_mentions(doc: Document) -> list[PlaceFact]:
    gazetteer = _external_gazetteer_of(doc.meta.region)
    if gazetteer is None:
        return []
    return [PlaceFact("external", canonical, None, surface, s, e, doc.sentence_at(s).index)
            for s, e, surface, canonical in gazetteer.find(doc.text)]


_AREA_FINDER = NameFinder(AREA_HEADS)
