"""What a clause's position in the report says about its facts: status, period, estimate.

>>> from govkg.document import parse_document
>>> doc = parse_document("一、过去五年工作回顾\\n五年来，年均增长5%。\\n二、今年工作\\n增长4%。", "d")
>>> doc.meta.year = 2023
>>> [(status_of(doc, s), period_of(doc, s, 0)) for s in doc.sentences if "%" in doc.sentence_text(s)]
[('actual', '2018-2022'), ('target', '2023')]
"""
from __future__ import annotations

import re

from ..document import Document, Sentence

EXPLICIT_YEAR = re.compile(r"(\d{4})年(?![0-9一二三四五六七八九十]{1,2}月)|(\d{4})年(?=底|末)")
RANGE_WORDS = re.compile(r"年均|累计|五年|过去五年|五年来")
THIS_YEAR = re.compile(r"今年|本年|全年")


def report_year(doc: Document) -> int:
    return doc.meta.year or 0


def status_of(doc: Document, sentence: Sentence) -> str:
    """"actual" in the review of results (and the preamble), "target" in plans and goals."""
    return "target" if doc.part_of(doc.paragraph_of(sentence)) == "plan" else "actual"


def period_of(doc: Document, sentence: Sentence, offset: int, clause: str = "") -> str:
    """The period a fact at `offset` in `sentence` is about (see the module example).

    An explicit year earlier in the sentence wins (到2027年 → 2027); 年均/累计/五年 in the clause of a
    五年来 paragraph give the five years before the report; otherwise the paragraph's default applies.
    """
    year = report_year(doc)
    paragraph = doc.paragraph_of(sentence)
    five_years = f"{year - 5}-{year - 1}"
    if paragraph.five_year_review and RANGE_WORDS.search(clause):
        return five_years
    explicit = [int(m.group(1) or m.group(2)) for m in EXPLICIT_YEAR.finditer(doc.text, sentence.start, offset)]
    if explicit:
        return str(explicit[-1])
    if paragraph.five_year_review:
        return five_years
    if paragraph.five_year_goal:
        return str(year + 4)
    return str(year - 1 if status_of(doc, sentence) == "actual" else year)
