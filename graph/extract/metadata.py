"""Report metadata (city, year, date, meeting) from a report's opening lines.

>>> m = extract_metadata("──2023年1月11日在天津市第十八届人民代表大会第一次会议上\\n天津市市长 张工")
>>> (m.city, m.year, m.date, m.meeting)
('天津市', 2023, '2023-01-11', '天津市第十八届人民代表大会第一次会议')
"""
from __future__ import annotations

import re

from ..document import ReportMeta
from ..gazetteer import all_divisions

HEAD_CHARS = 400
DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
MEETING = re.compile(r"第[一二三四五六七八九十]+届人民代表大会第[一二三四五六七八九十]+次会议")
TITLE_CITY = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:省|市|自治区))(?:人民)?政府工作报告|([\u4e00-\u9fff]{2,8}?市)市长")
YEAR_ONLY = re.compile(r"(\d{4})年[\u4e00-\u9fff]{0,10}政府工作报告")


def extract_metadata(text: str) -> ReportMeta:
    """City, year, date and meeting as the opening lines state them; None where they don't."""
    head = text[:HEAD_CHARS]
    meta = ReportMeta()
    if m := DATE.search(head):
        y, mo, d = (int(x) for x in m.groups())
        meta.year, meta.date = y, f"{y:04d}-{mo:02d}-{d:02d}"
    if m := MEETING.search(head):
        city = _division_ending_at(head, m.start())
        if city:
            meta.city, meta.meeting = city, city + m.group()
    if meta.city is None and (m := TITLE_CITY.search(head)):
        meta.city = m.group(1) or m.group(2)
    if meta.year is None and (m := YEAR_ONLY.search(head)):
        meta.year = int(m.group(1))
    return meta


def _division_ending_at(text: str, end: int) -> str | None:
    """The province- or city-level division whose name ends right before `end` (天津市 in 在天津市第十八届…)."""
    names = [d.name for d in all_divisions().values() if d.level != "county"]
    found = [n for n in names if text.endswith(n, 0, end)]
    return max(found, key=len) if found else None
