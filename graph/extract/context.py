"""What a clause's position in the report says about its facts: status, period, estimate.

>>> from govkg.document import parse_document
>>> doc = parse_document("一、过去五年工作回顾\\n五年来，年均增长5%。\\n二、今年工作\\n增长4%。", "d")
>>> doc.meta.year = 2023
>>> [(status_of(doc, s), period_of(doc, s, 0)) for s in doc.sentences if "%" in doc.sentence_text(s)]
[('actual', '2018-2022'), ('target', '2023')]
"""
from __future__ import annotations

import re

from ..document import FIVE_YEAR_LEAD, Document, Sentence

#: Time and discourse words that open a clause before its subject (今年, 2024年底, 五年来, 同时, 其中).
CLAUSE_OPENER = r"(?:\d{4}年(?:底|末)?|五年来|过去五年|过去一年|一年来|今年|去年|全年|年内|同时|其中)"
EXPLICIT_YEAR = re.compile(r"(\d{4})年(?![0-9一二三四五六七八九十]{1,2}月)|(\d{4})年(?=底|末)")
RANGE_WORDS = re.compile(r"年均|累计|五年|过去五年|五年来")
#: A year that is a baseline, not a period: 比2007年, 较2007年, 与2007年相比, 面向2030年, 1985年以来, 是2010年的2.2倍
#: (see `period_of`).
BASELINE_BEFORE = ("比", "较", "与", "面向", "自", "是")
BASELINE_AFTER = re.compile(r"[底末]?(?:以来|相比|同期)")
#: A year whose level a number recovers to or equals a share of (恢复到2019年的95%, 相当于2019年水平的110%), or is a
#: multiple of (达到2012年的2倍).
RECOVERED_TO = re.compile(r"(?:(?:恢复|回升|回到)[到至]?|相当于)$")
TIMES_THE_YEARS = re.compile(r"(?:同期)?(?:水平)?的[\d.０-９]+倍")
CHANGE_TO = re.compile(r"[到至]")
THIS_YEAR = re.compile(r"今年|本年|全年")
LAST_YEAR = re.compile(r"去年|过去一年")
#: A sentence opening with the five years ahead (今后五年，…年均增长6%), wherever it stands: its goals are the five
#: years' (not this year's goal after it: …，今年增长5%).
FIVE_YEARS_AHEAD = re.compile(r"\s*(?:今后|未来)[五5]年[，,]")
#: 去年 (or 过去五年) opening a clause of the plan: what follows is a result (比去年… compares a target with it),
#: until a clause opens with the years ahead (今年, 今后五年).
CLAUSE_TIME = re.compile(r"(?:^|[，。；：])\s*(?:(?P<past>去年(?!同期)|过去一年|过去五年|五年来)|今年|明年|今后五年|未来五年)")
FIVE_YEAR_REVIEW_TITLE = re.compile(r"过去五年|五年来")
#: A clause naming its own year (全年累计…; a year written before the number counts too): its 累计 or 年均 is of
#: that year, not of five.
OWN_YEAR = re.compile(r"全年|当年|去年|今年")
#: A level or a place reached, stated of the last year in a sentence about five (五年来，…总里程达9.56万公里).
REACHES_A_LEVEL = re.compile(r"达|到|至|位居|居|位列|突破|总|为")
#: A five-year plan named in a sentence: “十四五” (the 14th, 2021-2025).
FIVE_YEAR_PLAN_NAME = r"“?(十[一二三四五六七八九]?|[一二三四五六七八九])五”?"
FIVE_YEAR_PLAN = re.compile(FIVE_YEAR_PLAN_NAME + r"(时期|期间|规划|末|目标|以来)?")
PLAN_NUMBERS = {"六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12, "十三": 13, "十四": 14, "十五": 15,
                "十六": 16, "十七": 17}


def five_year_plan_years(ordinal: str) -> tuple[int, int] | None:
    """The years of the five-year plan called 十<ordinal>五: 十四 → (2021, 2025).

    >>> five_year_plan_years("十四"), five_year_plan_years("十一")
    ((2021, 2025), (2006, 2010))
    """
    n = PLAN_NUMBERS.get(ordinal)
    if n is None:
        return None
    start = 1981 + 5 * (n - 6)
    return start, start + 4


def report_year(doc: Document) -> int:
    return doc.meta.year or 0


def status_of(doc: Document, sentence: Sentence, offset: int | None = None) -> str:
    """"actual" in the review of results (and the preamble), "target" in plans and goals — except a number
    the plan gives for last year or the five past (去年居民消费价格涨幅回落到2.3%; 过去五年…，今后五年…: the first a
    result, the second a goal)."""
    if doc.part_of(doc.paragraph_of(sentence)) != "plan":
        return "actual"
    times = list(CLAUSE_TIME.finditer(doc.text[sentence.start:offset])) if offset is not None else []
    return "actual" if times and times[-1]["past"] else "target"


#: A span of years written out before a number (2021—2025年累计投资…), and how far before it.
YEAR_RANGE = re.compile(r"(?P<first>(?:19|20)\d{2})[—\-－至到](?P<last>(?:19|20)\d{2})年")
MAX_RANGE_LEAD = 20


def period_of(doc: Document, sentence: Sentence, offset: int, clause: str = "") -> str:
    """The period a fact at `offset` in `sentence` is about (see the module example).

    An explicit year earlier in the sentence wins (到2027年 → 2027); 年均/累计/五年 in the clause of a
    五年来 paragraph or sentence give the five years before the report; otherwise the paragraph's default applies.
    """
    year = report_year(doc)
    paragraph = doc.paragraph_of(sentence)
    five_years = f"{year - 5}-{year - 1}"
    looks_back = status_of(doc, sentence, offset) == "actual"  # not 过去五年…；今后五年，力争…
    paragraph_back = paragraph.five_year_review and looks_back
    sentence_back = FIVE_YEAR_LEAD.match(doc.text, sentence.start) is not None and looks_back
    explicit = [m for m in EXPLICIT_YEAR.finditer(doc.text, sentence.start, offset)
                if _names_the_period(doc.text, m, offset)]
    # a year of the number's own clause (2025年累计…, not 比2017年) makes 累计 or 年均 that year's; in a part reviewing
    # a five-year plan, so does one opening the sentence (2025年，…，累计新增…), not in a paragraph about five years
    clause_start = doc.clause_at(offset).start
    own_year = bool(OWN_YEAR.search(clause)) or any(m.start() >= clause_start for m in explicit)
    opening_year = bool(explicit) and explicit[0].start() == sentence.start
    in_part = not own_year and not opening_year and _in_five_year_review_part(doc, paragraph)
    if RANGE_WORDS.search(clause) and (((paragraph_back or sentence_back) and not own_year) or in_part):
        return _reviewed_plan_years(doc, paragraph, year) or five_years
    if plan := _five_year_plan_period(doc.text[sentence.start:offset], clause, year):
        return plan
    five_year_goal = paragraph.five_year_goal or _opens_with_five_years_ahead(doc, sentence, offset)
    if five_year_goal and RANGE_WORDS.search(clause):
        return f"{year}-{year + 4}"
    if years := YEAR_RANGE.search(doc.text, max(sentence.start, offset - MAX_RANGE_LEAD), offset):
        return f"{years['first']}-{years['last']}"  # 2021—2025年累计投资…
    if explicit:
        return explicit[-1].group(1) or explicit[-1].group(2)
    if looks_back and LAST_YEAR.search(doc.text, sentence.start, offset):
        return str(year - 1)  # 去年… in a five-year review is the last year, not the five
    if paragraph_back or (sentence_back and not REACHES_A_LEVEL.search(clause)):
        return five_years  # a level a five-year sentence reaches (增加到…, 达…, 位居…) is the last year's
    if five_year_goal:
        return str(year + 4)
    return str(year - 1 if looks_back else year)


def opens_five_years_back(doc: Document, sentence: Sentence) -> bool:
    """The sentence, or its paragraph, opens with 五年来 or 过去五年: it tells of the five years before the report."""
    return doc.paragraph_of(sentence).five_year_review or FIVE_YEAR_LEAD.match(doc.text, sentence.start) is not None


def _opens_with_five_years_ahead(doc: Document, sentence: Sentence, offset: int) -> bool:
    """A goal in a sentence opening with the five years ahead, with no 今年 before it (see `FIVE_YEARS_AHEAD`)."""
    opens = FIVE_YEARS_AHEAD.match(doc.text, sentence.start) is not None
    return (opens and status_of(doc, sentence, offset) == "target"
            and THIS_YEAR.search(doc.text, sentence.start, offset) is None)


def _names_the_period(text: str, year: re.Match, offset: int) -> bool:
    """A year before a number is its period unless it is a baseline (比2007年增加, 1985年以来最高, 面向2030年的…,
    恢复到2019年的95%)
    or the start of a change the number ends (从2015年的7.2%提升到11.6%: not 11.6%'s)."""
    before = text[max(0, year.start() - 4):year.start()]
    if (before.endswith(BASELINE_BEFORE) or BASELINE_AFTER.match(text, year.end()) or RECOVERED_TO.search(before)
            or TIMES_THE_YEARS.match(text, year.end())):
        return False
    return not (before.endswith("从") and CHANGE_TO.search(text, year.end(), offset))


def _in_five_year_review_part(doc: Document, paragraph) -> bool:
    """The paragraph sits in a part titled 过去五年… or reviewing a five-year plan (“十四五”时期工作回顾): a five-year
    review, where 累计 and 年均 cover the five years."""
    if paragraph.section is None:
        return False
    section = doc.sections[paragraph.section]
    return bool(FIVE_YEAR_REVIEW_TITLE.search(section.title) or _reviewed_plan(doc, paragraph))


def _reviewed_plan(doc: Document, paragraph) -> tuple[int, int] | None:
    """The years of the five-year plan a review part's title names (“十四五”发展成就和2025年工作回顾 → 2021-2025)."""
    section = doc.sections[paragraph.section] if paragraph.section is not None else None
    if section is None or section.part != "review" or (m := FIVE_YEAR_PLAN.search(section.title)) is None:
        return None
    return five_year_plan_years(m.group(1))


def _reviewed_plan_years(doc: Document, paragraph, year: int) -> str | None:
    """The reviewed plan's years up to the last before the report's (“十四五”以来 in a report of 2025 → 2021-2024)."""
    if (years := _reviewed_plan(doc, paragraph)) is None or years[0] >= year:
        return None
    last = min(years[1], year - 1)
    return f"{years[0]}-{last}" if last > years[0] else str(last)  # “十四五”开局之年 in a report of 2022: 2021


def _five_year_plan_period(before: str, clause: str, year: int) -> str | None:
    """“十四五”时期年均增长… → 2021-2025 (the plan named in the number's clause, as a period); 到“十四五”末… →
    2025 (its end, anywhere before the number in the sentence); “十四五”以来，…年均增长… in a report of 2025 →
    2021-2024 (the years since the plan began, up to the report's: 2021 alone in a report of 2022); else None.

    >>> _five_year_plan_period("“十四五”以来，全市地区生产总值年均增长", "全市地区生产总值年均增长4%", 2025)
    '2021-2024'
    """
    for m in reversed(list(FIVE_YEAR_PLAN.finditer(before))):
        years = five_year_plan_years(m.group(1))
        if years is None:
            continue
        if m.group(2) == "末":
            return str(years[1])
        if m.group(2) == "以来" and years[0] < year and RANGE_WORDS.search(clause):
            return f"{years[0]}-{year - 1}" if year - 1 > years[0] else str(years[0])
        if m.group() in clause and (m.group(2) in ("时期", "期间") or RANGE_WORDS.search(clause)):
            return f"{years[0]}-{years[1]}"
    return None
