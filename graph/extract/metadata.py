"""Report metadata — region, its level, year, date, meeting — read from the whole opening, not one line.

The region comes from the 在…人民代表大会 line, the 我代表…人民政府 / 我代表国务院 line, the title or the
head of government's title; the year from the dateline, the title, or the review heading (一、2024年工作回顾 →
delivered 2025), a plan heading (2025年工作安排), and last from the latest year the review speaks of.

>>> m = extract_metadata("──2023年1月11日在天津市第十八届人民代表大会第一次会议上\\n天津市市长 张工")
>>> (m.region, m.level, m.year, m.date, m.meeting)
('天津市', 'municipality', 2023, '2023-01-11', '天津市第十八届人民代表大会第一次会议')
>>> m = extract_metadata("各位代表：\\n现在，我代表国务院，向大会报告政府工作。\\n一、2018年工作回顾\\n过去一年……")
>>> (m.region, m.level, m.year, m.year_source)
('全国', 'national', 2019, 'review heading')
"""
from __future__ import annotations

import re

from ..document import ReportMeta
from ..gazetteer import NATIONAL, all_divisions, find_region, region_level
from ..quantity import CHINESE_DIGITS, parse_number

HEAD_CHARS = 600
_INVISIBLE = re.compile(r"[ \t\u3000\u00a0\u200b-\u200f\u2060\ufeff]")
DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
#: A dateline without its day: ——2021年1月在昆山市…会议上, or the month alone on its line.
MONTH_DATELINE = re.compile(r"(?:^|——)(\d{4})年\d{1,2}月(?:在[^\n]{0,40}会议上)?$", re.M)
MEETING = re.compile(r"在([\u4e00-\u9fff]{0,14}?)(第[一二三四五六七八九十]+届(?:全国)?人民代表大会第[一二三四五六七八九十]+次会议)")
NATIONAL_CUES = re.compile(r"我代表国务院|全国人民代表大会第|国务院总理")
GOVERNMENT = re.compile(r"我代表([\u4e00-\u9fff]{2,12}?)人民政府")
TITLE = re.compile(r"^(?:(\d{4})年)?([\u4e00-\u9fff]{0,14}?)(?:(\d{4})年)?(?:人民)?政府工作报告", re.M)
HEAD_OF_GOVERNMENT = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:代理|代)?(?:省长|市长|区长|县长|州长|盟长|主席|旗长)")
#: A short line that heads the review (一、2024年工作回顾, 2024年工作回顾, 过去一年工作回顾).
REVIEW_HEADING = re.compile(r"^\S{0,6}?(\d{4})年(?:主要)?工作(?:回顾|总结)", re.M)
PLAN_HEADING = re.compile(r"^\S{0,6}?(\d{4})年(?:工作|经济社会发展|重点|主要|目标)", re.M)
YEAR = re.compile(r"(?<![到至在])(\d{4})年")
REVIEW_LINE = re.compile(r"^\S{0,12}回顾$", re.M)
NEXT_PART = re.compile(r"^(?:[二三四五六七八九十]{1,2}、|第[二三四五六七八九十]部分)", re.M)
REGION_SUFFIX_LEVEL = (("自治区", "province"), ("省", "province"), ("市", "prefecture"), ("州", "prefecture"),
                       ("盟", "prefecture"), ("区", "county"), ("县", "county"), ("旗", "county"))


#: A date written in Chinese numerals (二〇二四年一月十五日, 二〇二三年工作回顾).
CHINESE_YEAR = re.compile(r"([〇零○一二三四五六七八九]{4})年(?:([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?)?")


def with_arabic_dates(text: str) -> str:
    """`text` with its years, months and days in Arabic numerals, as the rules read them.

    >>> with_arabic_dates("——二〇二四年一月二十日在某会议上；二〇二三年工作回顾")
    '——2024年1月20日在某会议上；2023年工作回顾'
    """
    def arabic(m: re.Match) -> str:
        year = "".join(str(CHINESE_DIGITS.get(ch, 0)) for ch in m.group(1))
        month = f"{int(parse_number(m.group(2)))}月" if m.group(2) else ""
        day = f"{int(parse_number(m.group(3)))}日" if m.group(3) else ""
        return f"{year}年{month}{day}"

    return CHINESE_YEAR.sub(arabic, text)


def extract_metadata(text: str) -> ReportMeta:
    """Region, level, year, date and meeting as the report states them; None where it doesn't."""
    text = with_arabic_dates(text) if CHINESE_YEAR.search(text) else text
    head = _INVISIBLE.sub("", text[:HEAD_CHARS])
    meta = ReportMeta()
    if m := DATE.search(head):
        y, mo, d = (int(x) for x in m.groups())
        meta.year, meta.date, meta.year_source = y, f"{y:04d}-{mo:02d}-{d:02d}", "dateline"
    elif m := MONTH_DATELINE.search(head):
        meta.year, meta.year_source = int(m.group(1)), "dateline"
    if m := MEETING.search(head):
        region = NATIONAL if "全国" in m.group(2) else _division_in(m.group(1))
        if region:
            meta.region = region
            meta.meeting = m.group(2) if region == NATIONAL else region + m.group(2)
    meta.region = meta.region or _region_from_opening(head)
    meta.level = level_of(meta.region)
    if meta.year is None:
        meta.year, meta.year_source = _year_from_text(head, text)
    return meta


def _region_from_opening(head: str) -> str | None:
    if NATIONAL_CUES.search(head):
        return NATIONAL
    for pattern, group in ((GOVERNMENT, 1), (TITLE, 2), (HEAD_OF_GOVERNMENT, 1)):
        for m in pattern.finditer(head):
            if found := _division_in(m.group(group)):
                return found
    if (m := TITLE.search(head)) and m.group(2) and m.group(2)[-1] in "省市区县州盟旗":
        return m.group(2)  # a region govkg's gazetteer does not know: keep the report's own words
    return None


def _year_from_text(head: str, text: str) -> tuple[int | None, str | None]:
    if (m := TITLE.search(head)) and (m.group(1) or m.group(3)):
        return int(m.group(1) or m.group(3)), "title"
    if m := REVIEW_HEADING.search(text):
        return int(m.group(1)) + 1, "review heading"
    if m := PLAN_HEADING.search(text):
        return int(m.group(1)), "plan heading"
    years = [int(y) for y in YEAR.findall(_review_text(text)) if 1949 < int(y) < 2100]
    return (max(years) + 1, "latest year of the review") if years else (None, None)


def _review_text(text: str) -> str:
    """The review part: from a heading that says 回顾 to the next numbered part, else the first half."""
    if (start := REVIEW_LINE.search(text)) and (end := NEXT_PART.search(text, start.end())):
        return text[start.end():end.start()]
    return text[: len(text) // 2]


def _division_in(words: str) -> str | None:
    """The official name of the division named in `words` (2025年江西省 → 江西省, 西藏 → 西藏自治区)."""
    found = [n for n in _region_names() if n in words]
    if not found:
        found = [d.short for d in all_divisions().values() if d.level != "county" and d.short in words]
    if not found:
        return None
    region = find_region(max(found, key=len))
    return region.name if region is not None else None


def _region_names() -> list[str]:
    return [d.name for d in all_divisions().values()]


def region_from_mentions(text: str) -> tuple[str, str | None]:
    """(region, level) for a report that never says its own: the province or city it names most, else 未知.

    >>> region_from_mentions("江西省加快发展，江西省稳步推进，南昌市建设")
    ('江西省', 'province')
    """
    counts = {d.name: text.count(d.name) for d in all_divisions().values() if d.level != "county"}
    name, count = max(counts.items(), key=lambda item: (item[1], item[0]))
    return (name, level_of(name)) if count else ("未知", None)


def level_of(region: str | None) -> str | None:
    """The level of a region named by the report or a user: national, province, …, county (None if unknown)."""
    if region is None:
        return None
    if region == NATIONAL or (division := find_region(region)) is not None:
        return region_level(None if region == NATIONAL else division)
    return next((level for suffix, level in REGION_SUFFIX_LEVEL if region.endswith(suffix)), None)
