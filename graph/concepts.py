"""The canonical indicator scheme (``ontology/indicators.ttl``, SKOS): which concept an indicator name means.

Reports name one indicator many ways (居民消费价格涨幅, 居民消费价格上涨, CPI; 国内生产总值, 全省地区生产总值).
`IndicatorScheme.match` maps a name as read from a sentence to its concept by the scheme's prefLabels and
altLabels, after trimming what is no part of a name (`clean_indicator_name`), and checks the unit: an amount of
a money indicator must be money, a share must be in its concept's unit family (a percentage, for most).

>>> scheme = indicator_scheme()
>>> [scheme.match(n, "growth_rate", "percent").pref_label for n in ("全省地区生产总值", "国内生产总值", "GDP")]
['地区生产总值', '地区生产总值', '地区生产总值']
>>> scheme.match("居民消费价格上涨", "share", "percent").direction
'lower'
>>> scheme.match("城镇新增就业", "amount", "CNY") is None  # jobs are not money
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .vocab import word_list, word_table

SKOS = "http://www.w3.org/2004/02/skos/core#"
GK = "https://w3id.org/govkg/ontology#"
#: Measures whose unit is a rate whatever the indicator's own unit family (增长5%, 提高1个百分点).
RATE_MEASURES = ("growth_rate", "change_pp")
#: The shortest label matched inside a longer name (全社会研发投入强度 → 研发投入强度).
MIN_CONTAINED = 4
#: What may stand before a label in a longer name that still means the label's concept: the region's own
#: scope words (全省地区生产总值, 全社会研发投入强度, 我国国内生产总值), not a qualifying noun (海洋生产总值).
SCOPE_PREFIX = re.compile(r"^(?:全[省市区国县州]|全社会|我[省市区国]|本[省市区]|[省市区县]|全年|年末|年均|设区的?城?市"
                          r"|地级及以上城市)?$")
#: A number run into the name's end (社会消费品零售总额2.76万亿元, 国内生产总值从54万亿元, 连续4年), not a rank the name
#: holds (进入全球前1%).
NUMBER_TAIL = re.compile(r"(?:(?:从|连续|达到|由)?(?<![A-Za-z0-9.．前后])[0-9０-９][0-9０-９.．]*[万亿千百]*[元年个人%％]?|从)$")
#: A five-year plan leading a name (“十三五”时期经济 → 经济).
PLAN_LEAD = re.compile(r"^“?十[一二三四五六七八九]?五”?(?:时期|期间|末)?")


@dataclass(frozen=True)
class Concept:
    iri: str
    notation: str
    pref_label: str
    unit_family: str
    direction: str  # higher, lower or neutral
    broader: str | None = None


def clean_indicator_name(name: str) -> str:
    """The name without what a sentence puts around it (拟按, 预期, 平均, 把 …; word lists in
    ``graph/data/indicator_name_trims.txt``).

    >>> [clean_indicator_name(n) for n in ("赤字率拟按", "城镇调查失业率平均", "把居民消费价格涨幅", "基本养老金水平")]
    ['赤字率', '城镇调查失业率', '居民消费价格涨幅', '基本养老金水平']
    """
    leads, tails = _trims()
    name = PLAN_LEAD.sub("", name) or name
    name = NUMBER_TAIL.sub("", name) or name
    changed = True
    while changed and name:
        changed = False
        for lead in leads:
            if name.startswith(lead) and len(name) - len(lead) >= 2:
                name, changed = name[len(lead):], True
        for tail in tails:
            if name.endswith(tail) and len(name) - len(tail) >= 2:
                name, changed = name[: -len(tail)], True
    return name


@lru_cache(maxsize=1)
def _trims() -> tuple[tuple[str, ...], tuple[str, ...]]:
    entries = word_list("indicator_name_trims")
    leads = tuple(sorted((e[:-1] for e in entries if e.endswith("-")), key=len, reverse=True))
    tails = tuple(sorted((e[1:] for e in entries if e.startswith("-")), key=len, reverse=True))
    return leads, tails


class IndicatorScheme:
    """The concepts of ``ontology/indicators.ttl`` and a label index over them."""

    def __init__(self, turtle: str):
        import pyoxigraph as ox

        triples = [q.triple for q in ox.parse(turtle, format=ox.RdfFormat.TURTLE)]
        by_subject: dict[str, dict[str, list[str]]] = {}
        for t in triples:
            by_subject.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append(t.object)
        self.triples = triples
        self.concepts: dict[str, Concept] = {}
        self._labels: dict[str, Concept] = {}
        for iri, props in sorted(by_subject.items()):
            if not any(o.value == SKOS + "Concept" for o in props.get(_RDF_TYPE, [])):
                continue
            concept = Concept(iri, _one(props, SKOS + "notation"), _zh(props, SKOS + "prefLabel"),
                              _one(props, GK + "unitFamily"), _one(props, GK + "direction"),
                              _one(props, SKOS + "broader"))
            self.concepts[iri] = concept
            for label in [concept.pref_label] + [o.value for o in props.get(SKOS + "altLabel", [])]:
                self._labels.setdefault(_key(label), concept)

    def match(self, name: str, measure: str, unit_norm: str) -> Concept | None:
        """The concept `name` names, if its unit fits: the label equal to the cleaned name, else the longest
        label (of at least four characters) the name ends with."""
        key = _key(clean_indicator_name(name))
        concept = self._labels.get(key)
        if concept is None and measure == "growth_rate":
            concept = self._labels.get(key + "增长")  # 经济增长7% names the GDP's growth
        if concept is None:
            found = next((key[i:] for i in range(len(key) - MIN_CONTAINED + 1)
                          if key[i:] in self._labels and _opens_a_name(key[:i], measure)), None)
            concept = self._labels[found] if found else None
        return concept if concept is not None and _unit_fits(concept, measure, unit_norm) else None

    def by_pref_label(self, label: str) -> Concept | None:
        return next((c for c in self.concepts.values() if c.pref_label == label), None)


def _opens_a_name(prefix: str, measure: str) -> bool:
    """What may come before a label in a name of its indicator: a scope (全市地区生产总值), or for work done in the
    period the verbs of that work (新建和改造高标准农田)."""
    return bool(SCOPE_PREFIX.match(prefix)) or (measure == "increment" and bool(_work_prefix().fullmatch(prefix)))


@lru_cache(maxsize=1)
def _work_prefix() -> re.Pattern:
    return re.compile("(?:" + "|".join(sorted(word_table("work_verbs")["prefix"], key=len, reverse=True)) + ")+")


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _unit_fits(concept: Concept, measure: str, unit_norm: str) -> bool:
    if measure in RATE_MEASURES or measure == "rank":
        return True
    # a share fits a concept of shares only (造林完成年度目标任务的200% is no area, 财政支出近八成 no spending)
    return concept.unit_family == unit_norm or unit_norm in COMPATIBLE_UNITS.get(concept.unit_family, ())


#: Units an indicator of a unit family may also be stated in (粮食产量 in 亿斤 or 万吨; 接待游客 in 万人 or 万人次;
#: 实际使用外资 in 元 or 美元; 城乡居民收入比 as 2.1∶1 or as a bare 2.1).
COMPATIBLE_UNITS = {"jin": ("t",), "person": ("person_time",), "person_time": ("person",), "CNY": ("USD",),
                    "ratio": ("index",)}


#: Roman numerals and dashes written many ways (Ⅰ—Ⅲ类, I-III类): one spelling in the keys names are matched by.
_SPELLINGS = str.maketrans({"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "Ⅴ": "V", "—": "-", "–": "-", "－": "-",
                            "～": "-", "~": "-"})


def _key(label: str) -> str:
    """“三公”经费 → 三公经费, 地表水Ⅰ—Ⅲ类水质比例 → 地表水I-III类水质比例: the form names and labels are compared in."""
    return re.sub(r"[\s（）()“”\"]", "", label).translate(_SPELLINGS).upper()


def _one(props: dict, predicate: str) -> str | None:
    values = sorted(o.value for o in props.get(predicate, []))
    return values[0] if values else None


def _zh(props: dict, predicate: str) -> str:
    values = sorted(o.value for o in props.get(predicate, []) if getattr(o, "language", None) == "zh")
    return values[0] if values else _one(props, predicate) or ""


@lru_cache(maxsize=1)
def indicator_scheme() -> IndicatorScheme:
    """The scheme shipped with govkg, parsed once."""
    return IndicatorScheme(resources.files("govkg.ontology").joinpath("indicators.ttl").read_text(encoding="utf-8"))
