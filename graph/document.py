"""The document model: a report's text cut into sections, paragraphs and sentences with exact offsets.

Every offset is a Python ``str`` index into ``Document.text``; extractors only ever add spans that point
back into it, so any fact can be traced to the sentence it was read from.

>>> doc = parse_document("一、2022年工作回顾\\n\\n五年来，经济增长。就业稳定。\\n", "demo")
>>> [s.title for s in doc.sections]
['一、2022年工作回顾']
>>> [doc.text[s.start:s.end] for s in doc.sentences]
['一、2022年工作回顾', '五年来，经济增长。', '就业稳定。']
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .extract.actions import ActionFact
    from .extract.places import PlaceFact
    from .extract.projects import ProjectFact
    from .gazetteer import PlaceMatch

SECTION_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}部分)")
#: The number of an item: （一）, also in half-width brackets (一); one is also opened by an enumerator, 一是.
ITEM_NUMBER = r"[（(][一二三四五六七八九十]{1,3}[）)]"
ITEM_ENUMERATOR = r"[一二三四五六七八九十]{1,3}是"
ITEM_HEADING = re.compile(r"^(?:" + ITEM_NUMBER + "|" + ITEM_ENUMERATOR + ")")
#: An ordinal opening an item (第一，…; 第三、…): an item heading in a part without （一） items (inside one it counts
#: an item's own points, and 一是… leads in its part count its own).
ITEM_ORDINAL = r"第[一二三四五六七八九十]{1,3}[，,、]"
ORDINAL_HEADING = re.compile("^" + ITEM_ORDINAL)
BRACKETED_HEADING = re.compile("^" + ITEM_NUMBER)
#: An unnumbered part heading: a short line naming a part of the report (2024年工作回顾, 2025年工作安排).
PART_LINE = re.compile(r"^[^。！？；，,;!?：:]{2,30}$")
PART_WORDS = re.compile(r"工作回顾|回顾|工作安排|目标任务|主要任务|重点任务|重点工作|工作部署|总体部署|总体要求|"
                        r"工作建议|政府自身建设|主要目标|工作思路|工作总结|工作任务|主要工作")
NOT_PART = re.compile(r"政府工作报告|人民代表大会|各位代表")
#: A part title that sets out the year's overall goals or tasks rather than one theme (see `_chapter_items`).
OVERALL_TITLE = re.compile(r"总体|目标|要求|部署|安排|思路|建议|主要任务|重点任务|重点工作|主要工作|工作任务|各项工作|回顾")
#: Words of an opening paragraph that looks back (the review part even when its title does not say so).
LOOKS_BACK = re.compile(r"过去一年|一年来|过去五年|五年来|刚刚过去|过去的一年")
HEAD_OF_SECTION = 400
#: Punctuation that ends a clause inside a sentence (the sentence end ends one too).
CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")
SENTENCE_END = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”’」』）)]*|$)")
REVIEW_TITLE = re.compile(r"回顾|过去.{0,3}年")
TITLE_YEAR = re.compile(r"((?:19|20)\d{2})年")
#: Words of a plan's title that builds on past years (巩固拓展2024年…成果, 2024年以来确定的目标任务, 落实2024年…部署).
BUILDS_ON_THE_PAST = re.compile(r"巩固|拓展|延续|深化|持续|以来|基础上|落实|贯彻|完成|整改")
FIVE_YEAR_TITLE = re.compile(r"今后五年|未来五年|“?十[一二三四五六七八九]?五”?(?:时期|规划)")
#: An opening telling of the five years before the report (五年来，…): read with `match`, at a paragraph's or a
#: sentence's start.
FIVE_YEAR_LEAD = re.compile(r"(?:过去)?五年来|过去五年")


@dataclass(frozen=True)
class Section:
    """A numbered top-level part (一、…); ``part`` is "review" for the review of results, else "plan"."""

    index: int
    start: int
    end: int
    title: str
    part: str
    five_year: bool  # the title announces goals for the coming five years


@dataclass(frozen=True)
class Paragraph:
    """A non-empty line; ``item`` is the index of the item heading (（一）…, 一是…) it belongs to, if any."""

    index: int
    start: int
    end: int
    section: int | None
    item: int | None
    is_item_heading: bool
    five_year_review: bool  # opens with 五年来: its numbers cover the five years before the report
    five_year_goal: bool  # in a five-year section before the yearly plan starts


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Clause:
    """A stretch of a sentence between clause punctuation (，；：); ``end`` excludes the punctuation."""

    index: int
    start: int
    end: int
    sentence: int


@dataclass
class ReportMeta:
    """What the report says about itself (see `govkg.extract.metadata`)."""

    region: str | None = None  # 全国, a division's official name (天津市, 广东省), or the report's own words
    level: str | None = None  # national, province, municipality, prefecture or county
    year: int | None = None  # the year the report is delivered in
    date: str | None = None  # ISO yyyy-mm-dd
    meeting: str | None = None
    year_source: str | None = None  # dateline, title, review heading, … (how the year was found)


@dataclass
class Found:
    """What an extractor finds that later ones read: each field is filled by the extractor named beside it, once
    (on first use, so a stage also runs alone); `govkg.pipeline.STAGES` declares the order the stages run in."""

    districts: list[PlaceMatch] | None = None  # every district mention, in text order (extract.places)
    district_starts: list[int] | None = None  # … and their start offsets, for lookups by span
    areas: list[PlaceFact] | None = None  # functional areas (extract.places)
    projects: list[ProjectFact] | None = None  # project mentions (extract.projects)
    project_spans: dict[int, list[tuple[int, int]]] | None = None  # sentence index → its project names' spans
    heading_actions: dict[int, ActionFact] = field(default_factory=dict)  # item heading → its action (extract.actions)
    sections_with_items: frozenset[int] | None = None  # sections holding （一）… item headings (extract.actions)
    review_openers: dict | None = None  # (section, 一年来，我们…) → paragraphs opening so (extract.actions)
    scope_owners: dict | None = None  # start → projects and areas a number may be scoped to (extract.observations)


@dataclass
class Document:
    report_id: str
    text: str
    meta: ReportMeta = field(default_factory=ReportMeta)
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what parsing was unsure of, one line each
    #: Where an appendix of definitions starts (附件, 名词解释), if the report has one: its terms name programmes,
    #: but its numbers are definitions, not the report's targets or results.
    appendix_start: int | None = None
    found: Found = field(default_factory=Found, repr=False, compare=False)

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start:sentence.end]

    def paragraph_of(self, sentence: Sentence) -> Paragraph:
        return self.paragraphs[sentence.paragraph]

    def part_of(self, paragraph: Paragraph) -> str:
        """"review", "plan" or "preamble" (before the first numbered section)."""
        return "preamble" if paragraph.section is None else self.sections[paragraph.section].part

    def sentences_in(self, paragraph: Paragraph) -> list[Sentence]:
        return self._sentences_by_paragraph.get(paragraph.index, [])

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding character `offset` (the last one starting at or before it)."""
        return self.sentences[max(0, bisect_right(self._sentence_starts, offset) - 1)]

    # indexes of the parsed document, made on first use (the document is complete by then)
    @cached_property
    def _sentences_by_paragraph(self) -> dict[int, list[Sentence]]:
        by_paragraph: dict[int, list[Sentence]] = {}
        for s in self.sentences:
            by_paragraph.setdefault(s.paragraph, []).append(s)
        return by_paragraph

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _clause_starts(self) -> list[int]:
        return [c.start for c in self.clauses]

    def clause_at(self, offset: int) -> Clause:
        """The clause holding character `offset`.

        >>> d = parse_document("经济稳定，增长3%。", "d")
        >>> c = d.clause_at(6); d.text[c.start:c.end]
        '增长3%'
        """
        return self.clauses[max(0, bisect_right(self._clause_starts, offset) - 1)]

    def item_heading_of(self, paragraph: Paragraph) -> Paragraph | None:
        """The （一）… heading paragraph that `paragraph` sits under, if any."""
        return None if paragraph.item is None else self.paragraphs[paragraph.item]


def parse_document(text: str, report_id: str, meta: ReportMeta | None = None) -> Document:
    """Cut `text` into sections, paragraphs and sentences (see the module example).

    Parts are the numbered headings (一、… or 第一部分), else short lines naming a part (2024年工作回顾):

    >>> d = parse_document("各位代表：\\n2024年工作回顾\\n过去一年，增长5%。\\n2025年工作安排\\n增长5%左右。", "d")
    >>> [(s.title, s.part) for s in d.sections]
    [('2024年工作回顾', 'review'), ('2025年工作安排', 'plan')]
    """
    doc = Document(report_id=report_id, text=text, meta=meta or ReportMeta())
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    doc.appendix_start = next((a for a, b in lines if APPENDIX.match(text[a:b].strip())), None)
    section_starts = _part_headings(text, lines)
    titles = [text[s:e].strip() for s, e in section_starts]
    parts = _parts(text, [s for s, _ in section_starts], titles, doc.meta.year)
    for i, ((start, _), title) in enumerate(zip(section_starts, titles)):
        end = section_starts[i + 1][0] if i + 1 < len(section_starts) else len(text)
        five_year = parts[i] == "plan" and FIVE_YEAR_TITLE.search(title) is not None  # not “十四五”时期…回顾
        doc.sections.append(Section(i, start, end, title, parts[i], five_year))
    if not doc.sections:
        doc.warnings.append("no part headings found (一、… or a line such as 2024年工作回顾): read as one part")
    numbered = {_section_at(doc, s) for s, e in lines if ITEM_HEADING.match(doc.text[s:e].strip())}
    bracketed = {_section_at(doc, s) for s, e in lines if BRACKETED_HEADING.match(doc.text[s:e].strip())}
    ordinals = {_section_at(doc, s) for s, e in _first_leads(doc, lines)
                if ORDINAL_HEADING.match(doc.text[s:e].strip())}
    ordinals -= bracketed
    ordinal_items = frozenset(i for i in ordinals if i is not None)
    _add_paragraphs(doc, lines, _chapter_items(doc, numbered | ordinals), ordinal_items)
    for p in doc.paragraphs:
        _add_sentences(doc, p)
    for s in doc.sentences:
        _add_clauses(doc, s)
    return doc


def _part_headings(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each top-level part heading line: numbered ones if any, else short part-naming lines."""
    stripped = [_strip(text, s, e) for s, e in lines]
    numbered = [(s, e) for s, e in stripped if SECTION_HEADING.match(text[s:e])]
    if numbered:
        return numbered
    return [(s, e) for s, e in stripped if PART_LINE.match(text[s:e]) and PART_WORDS.search(text[s:e])
            and not NOT_PART.search(text[s:e])]


def _parts(text: str, starts: list[int], titles: list[str], year: int | None) -> list[str]:
    """"review" or "plan" for each part: by its title (回顾, or only years before the report's: 2024年工作总结 in a
    report of 2025), else the first part whose opening looks back is the review."""
    parts = ["review" if REVIEW_TITLE.search(t) or _of_past_years(t, year) else "plan" for t in titles]
    if "review" not in parts:
        for i, start in enumerate(starts):
            if LOOKS_BACK.search(text, start, start + HEAD_OF_SECTION):
                parts[i] = "review"
                break
    return parts


def _of_past_years(title: str, year: int | None) -> bool:
    """The title names years, all before the report's year, and does not build on them (2024年经济社会发展情况,
    牢记嘱托，2024年各项工作取得新成效 in a report of 2025; not 巩固拓展2024年…成果 or 完成2024年以来…任务, plans).

    >>> [_of_past_years(t, 2025) for t in ("一、2024年工作总结", "二、2025年工作任务", "二、巩固拓展2024年活动成果")]
    [True, False, False]
    """
    years = [int(y) for y in TITLE_YEAR.findall(title)]
    return year is not None and bool(years) and max(years) < year and not BUILDS_ON_THE_PAST.search(title)


def _first_leads(doc: Document, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The first line of each section opening with an enumerator or an ordinal (一是…, 第一，…): which of the two
    heads its items (一是… before 第一，…: the ordinals are a passage's points)."""
    first: dict[int | None, tuple[int, int]] = {}
    for s, e in lines:
        body = doc.text[s:e].strip()
        if ITEM_HEADING.match(body) or ORDINAL_HEADING.match(body):
            first.setdefault(_section_at(doc, s), (s, e))
    return list(first.values())


def _chapter_items(doc: Document, with_items: set[int | None]) -> frozenset[int]:
    """The plan sections that are themselves work areas: a chapter on one theme (三、把改革开放扎实推向纵深) with no
    （一）… items of its own (`with_items`: the sections with some), unlike a part that sets out the year's overall
    goals (二、2015年工作总体部署) — as the first part of the plan does, whatever its title (二、扎实做好今年工作)."""
    plan = [s for s in doc.sections if s.part == "plan"]
    return frozenset(s.index for s in plan[1:] if s.index not in with_items and not OVERALL_TITLE.search(s.title))


def _add_paragraphs(doc: Document, lines: list[tuple[int, int]], chapter_items: frozenset[int] = frozenset(),
                    ordinal_items: frozenset[int] = frozenset()) -> None:
    """`ordinal_items`: the sections whose items an ordinal opens (第一，…), with no （一） items; 一是… leads there
    are an item's points."""
    item: int | None = None
    section: int | None = None
    five_year_goal = False
    for start, end in lines:
        start, end = _strip(doc.text, start, end)
        body = doc.text[start:end]
        index = len(doc.paragraphs)
        current = _section_at(doc, start)
        if current != section:
            section, item = current, None
            five_year_goal = section is not None and doc.sections[section].five_year
        if section in ordinal_items:
            heading = ORDINAL_HEADING.match(body) is not None or BRACKETED_HEADING.match(body) is not None
        else:
            heading = (bool(ITEM_HEADING.match(body))
                       or (section in chapter_items and start == doc.sections[section].start))
        if heading:
            item = index
        elif ADDRESS.match(body):
            item = None  # 各位代表！…: the report turns to the delegates; the items before are over
        elif five_year_goal and _opens_yearly_plan(body):
            five_year_goal, item = False, None
        doc.paragraphs.append(Paragraph(index, start, end, section, item, heading,
                                        bool(FIVE_YEAR_LEAD.match(body)), five_year_goal))


#: The heading of an appendix after the report (附件, 名词解释, 《政府工作报告》有关内容名词注释): glossary definitions,
#: not statements of the report.
APPENDIX = re.compile(r"^(?:附件|附录)[一二三四五六七八九十0-9]*[:：]?$|^(?:《[^》]{2,20}》)?(?:有关)?(?:内容)?(?:名词|词语|术语)"
                      r"(?:解释|注释|说明)$")
#: An address to the delegates opening a paragraph (各位代表！): what follows belongs to no item heading.
ADDRESS = re.compile(r"^各位代表[！!，,：:]")


def _opens_yearly_plan(body: str) -> bool:
    return bool(re.match(r"^(?:今年|\d{4}年)", body))


def _section_at(doc: Document, offset: int) -> int | None:
    found = None
    for s in doc.sections:
        if s.start <= offset:
            found = s.index
    return found


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _add_sentences(doc: Document, p: Paragraph) -> None:
    for m in SENTENCE_END.finditer(doc.text, p.start, p.end):
        start, end = _strip(doc.text, m.start(), m.end())
        if end > start:
            doc.sentences.append(Sentence(len(doc.sentences), start, end, p.index))


def _add_clauses(doc: Document, s: Sentence) -> None:
    start = s.start
    for m in CLAUSE_BREAK.finditer(doc.text, s.start, s.end):
        if m.start() > start:
            doc.clauses.append(Clause(len(doc.clauses), start, m.start(), s.index))
        start = m.end()
    if start < s.end:
        doc.clauses.append(Clause(len(doc.clauses), start, s.end, s.index))
