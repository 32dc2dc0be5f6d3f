"""Observations made comparable: each linked to its concept in the indicator scheme, its name cleaned, and each
target given its kind (how a result is judged against it).

Kinds of a target:

- ``floor``: 以上, 不低于, 不少于, 超过, 突破, 超 — met when the result is at least the target;
- ``ceiling``: 以内, 以下, 控制在, 不超过, 低于 — and 左右 on a concept where lower is better (prices,
  unemployment) — met when the result is at most the target;
- ``approximate``: 左右 / 约 otherwise — met within ±5% of the target;
- ``range``: 6%－6.5% — met within the range (`upper` holds its upper end);
- ``stretch``: 力争 beside a base target for the same indicator in the sentence (增长7%以上、力争8%);
- ``point``: no hedge — judged by the concept's direction (at least the target, at most for lower-is-better).

>>> from govkg.pipeline import read_document
>>> doc = read_document("二、2025年工作安排\\n国内生产总值增长6%－6.5%，居民消费价格涨幅3%左右，增长7%以上、力争达到8%。",
...                     "d", region="全国", year=2025)
>>> from .observations import extract_observations
>>> [(o.indicator, o.quantity.value, o.upper, o.kind) for o in comparable(doc, extract_observations(doc))][:3]
[('国内生产总值', 6.0, 6.5, 'range'), ('居民消费价格涨幅', 3.0, None, 'ceiling'), ('居民消费价格涨幅', 7.0, None, 'floor')]
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..concepts import clean_indicator_name, indicator_scheme
from ..document import Document
from .observations import ObservationFact

FLOOR = re.compile(r"以上|不低于|不少于|超过|突破|高于|至少|达到|超|破")  # 超/破千亿元 (不超过: a ceiling, read first)
CEILING = re.compile(r"以内|以下|之内|不超过|不高于|低于|控制在|不到|不足")
ABOUT = re.compile(r"左右|上下|约|预期")
STRETCH = "力争"
RANGE_DASH = re.compile(r"^\s*[－—–\-~～至到]\s*$")


def comparable(doc: Document, facts: list[ObservationFact]) -> list[ObservationFact]:
    """`facts` with clean names, concepts and (for targets) kinds; a range's two ends become one fact."""
    scheme = indicator_scheme()
    merged = _merge_ranges(doc.text, facts)
    out = []
    for i, f in enumerate(merged):
        name = clean_indicator_name(f.indicator)
        concept = scheme.match(name, f.measure, f.quantity.unit_norm)
        kind = f.kind
        if f.status == "target" and kind is None:
            kind = target_kind(f.qualifier, concept.direction if concept else "higher",
                               stretch=_is_stretch(doc.text, f, merged), decline=_is_decline(f))
        out.append(replace(f, indicator=name, concept=concept.iri if concept else None, kind=kind))
    return out


def target_kind(qualifier: str | None, direction: str, stretch: bool = False, decline: bool = False) -> str:
    """The kind of a target from its hedge word and its concept's direction (see the module doc); for a decline
    (下降3%以上, a negative rate) a floor on the size of the fall is a ceiling on the rate.

    >>> target_kind("左右", "lower"), target_kind("左右", "higher"), target_kind(None, "higher")
    ('ceiling', 'approximate', 'point')
    >>> target_kind("以上", "lower", decline=True)
    'ceiling'
    """
    qualifier = qualifier or ""
    if stretch:
        return "stretch"
    if CEILING.search(qualifier):
        return "floor" if decline else "ceiling"
    if ABOUT.search(qualifier):
        return "ceiling" if direction == "lower" else "approximate"
    if FLOOR.search(qualifier):
        return "ceiling" if decline else "floor"
    return "point"


#: Measures whose negative values are declines (a fall of 3% or more, 缩短2天以上).
DECLINING_MEASURES = ("growth_rate", "change_pp", "increment")


def _is_decline(fact: ObservationFact) -> bool:
    return fact.quantity.value < 0 and fact.measure in DECLINING_MEASURES


def _is_stretch(text: str, fact: ObservationFact, facts: list[ObservationFact]) -> bool:
    """力争 right before this number, with another target of the same sentence and measure before it."""
    before = text[max(fact.start, fact.end - 12):fact.end]
    if STRETCH not in before:
        return False
    return any(o is not fact and o.sentence == fact.sentence and o.quantity.unit_norm == fact.quantity.unit_norm
               and o.end < fact.end and o.status == "target" for o in facts)


def _merge_ranges(text: str, facts: list[ObservationFact]) -> list[ObservationFact]:
    """6%－6.5%: two numbers of one clause joined by a dash are one target with a lower and an upper end."""
    out: list[ObservationFact] = []
    for f in facts:
        prev = out[-1] if out else None
        if (prev is not None and prev.sentence == f.sentence and prev.indicator == f.indicator and prev.end < f.end
                and prev.scope == f.scope and RANGE_DASH.match(_between(text, prev.end, f.end))):
            out[-1] = replace(prev, upper=f.quantity.value, end=f.end, kind="range" if f.status == "target" else None)
            continue
        out.append(f)
    return out


def _between(text: str, end_of_first: int, end_of_second: int) -> str:
    """The text after the first number's unit up to the second number (the dash of a range, if any)."""
    m = re.search(r"[0-9０-９.．]+[%％]?\s*$", text[end_of_first:end_of_second])
    return text[end_of_first:end_of_first + m.start()] if m else text[end_of_first:end_of_second]
