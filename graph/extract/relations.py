"""Relations the text states between named things: focuses_on, hosts, located_in, part_of, implements, targets.

- ``hosts`` / ``focuses_on``: a clause addressed to a district, or to each of a row of them (西青区要加快A、B建设；
  河西区、南开区要聚焦C、D等产业; 甲区建成E) hosts the projects it names and focuses on the industries listed after
  聚焦 / 集聚发展 / 大力发展 / 打造, or after 培育 / 加快发展 opening a verb phrase before an industry's name
  (graph/data/focus_words.txt); a district also hosts a branch named after it (某医院顺义院区, 某大学通州校区); a
  division the report supports in building something focuses on it (支持甲市、乙市建设国际消费中心城市).
- ``located_in``: an area or a site (a park, a zone) whose name opens with a district (宝坻京津中关村科技城 → 宝坻区); a
  district hosts any other project whose name opens with it (怀柔区 hosts 怀柔综合性国家科学中心).
- ``part_of``: a project whose name extends another one's (天开高教科技园西拓展区 → 天开高教科技园).
- ``implements``: a project or programme → the review area or work area whose paragraph (the heading included)
  names it (not for projects of a clause addressed to a district: those belong to the district).
- ``targets``: a district → the indicator of a target stated for that district.

>>> from govkg.pipeline import read_document, run_pipeline
>>> doc = read_document("二、2023年工作\\n河西区要聚焦金融服务、总部经济等产业。", "d", region="天津市", year=2023)
>>> [(r.subject, r.predicate, r.object) for r in run_pipeline(doc).relations]
[('河西区', 'focuses_on', '金融服务'), ('河西区', 'focuses_on', '总部经济')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document
from ..names import word_end
from ..textmatch import alternation
from ..vocab import word_list, word_table
from .actions import ActionFact, area_of
from .observations import ObservationFact
from .places import PlaceFact, district_mentions
from .projects import LEVEL_OPENING, PART_TAIL, TITLE_VERB, ProjectFact, branch_district, clause_subjects

_FOCUS_WORDS = word_table("focus_words")  # data: graph/data/focus_words.txt
#: A verb telling a district what it focuses on, or one that says so only opening a verb phrase before an industry.
FOCUS_LEAD = re.compile(alternation(_FOCUS_WORDS["lead"]) + "|(?P<weak>(?<=[，；：要将])" + alternation(
    _FOCUS_WORDS["weak_lead"]) + "(?!壮大|和))")  # not 积极发展壮大… (发展壮大 leads), 加快培育和发展…
FOCUS_ITEM_END = re.compile(r"(?:等)?(?:产业|领域|行业)?$")
_INDUSTRY = alternation(_FOCUS_WORDS["industry"])
FOCUS_SUFFIX = re.compile(r"(?:(?![和及])[\u4e00-\u9fff“”+0-9]){2,10}?" + _INDUSTRY)  # not across 和: one name
INDUSTRY_END = re.compile(_INDUSTRY + "$")
#: The end of a name of work, not of an industry (项目建设, 招商引资; data: graph/data/focus_words.txt).
WORK_END = re.compile(alternation(_FOCUS_WORDS["work_end"]) + "$")
MODIFIER = re.compile(r".*的")
#: A focus naming no industry, only a kind of one (重点产业链, 优势产业).
VAGUE_FOCUS = re.compile(alternation(_FOCUS_WORDS["vague_opening"]) + "?" + alternation(_FOCUS_WORDS["vague_kind"]))
PART_MIN = 4
#: …and the part of a functional area a project may be: its phase (甲乙综保区|二期).
AREA_PHASE = re.compile(r"[一二三四五六七八九十首]期(?:工程)?")
#: The items of a list of industries, between 、…
LIST_ITEM = re.compile(r"[^、]+")
#: …and the parts of an item that 和 or 及 join (not 及其, 及相关: 甲乙制造及其配套服务 is one).
JOINED_PART = re.compile(r"(?:[^和及]|及(?=其|相关))+")
#: A list item this short is an industry name as it stands (中医药, 文创设计); longer ones are searched for one.
SHORT_FOCUS = 8
#: A part joined by 和 this long is a name of its own without an industry's ending (量子信息和人工智能; not 研发 of
#: 研发和设计服务).
MIN_UNMARKED = 4
#: A report supporting its divisions in what they build: 支持甲市、乙市建设国际消费中心城市 (see `_supported_focuses`).
SUPPORT = re.compile(r"支持")
TOLD_TO = re.compile(r"(?:加快|率先)?(?:建设|打造|创建|争创|建成|培育|发展|做强)(?:成为|好|壮大)?"
                     r"(?P<object>[^，。；、：]{3,24}?)(?=[，。；、：]|$)")
PLACES_ETC = re.compile(r"等地?")
MAX_PLACE_ROW = 60
#: Heads of project names that name a site (data: graph/data/site_heads.txt).
SITE_HEADS = word_list("site_heads")


@dataclass(frozen=True)
class RelationFact:
    subject: str
    subject_kind: str  # district | area | project | program | action
    predicate: str  # focuses_on | hosts | located_in | part_of | implements | targets
    object: str
    object_kind: str  # district | area | project | action | focus | indicator
    start: int  # evidence span
    end: int
    sentence: int


def extract_relations(doc: Document, places: list[PlaceFact], projects: list[ProjectFact],
                      actions: list[ActionFact], observations: list[ObservationFact] = ()) -> list[RelationFact]:
    facts: list[RelationFact] = []
    supported = _supported_focuses(doc)
    facts += _hosts(doc, projects) + _supported_hosts(supported, projects)
    facts += _focuses(doc)
    facts += supported
    facts += _located_in(doc, places, projects)
    facts += _part_of(projects, {p.name for p in places if p.kind == "area"})
    facts += _implements(doc, projects, actions)
    facts += _targets(doc, observations)
    unique = {(f.subject, f.predicate, f.object, f.start): f for f in facts}
    return sorted(unique.values(), key=lambda f: (f.start, f.end, f.predicate, f.object))


def _hosts(doc: Document, projects: list[ProjectFact]) -> list[RelationFact]:
    """The district a clause is addressed to (each of a row of them), or one a verb tells to build (推动甲区建设乙医院),
    hosts the projects it names (and those of the clauses after it, up to one with a subject of its own); a district
    hosts the branch named after it (某医院顺义院区, 某大学通州校区)."""
    facts = []
    for p in projects:
        subjects = clause_subjects(doc, doc.sentences[p.sentence], p.start, told=True)  # each of a row's
        if not subjects and (branch := branch_district(doc, p.start, p.end)):
            subjects = [(branch, "district")]
        # 甲区要推进乙区丙医院建设: 乙区's hospital (its name says)
        facts += [RelationFact(place, kind, "hosts", p.name, "project", p.start, p.end, p.sentence)
                  for place, kind in subjects if p.district in (None, place) and place != p.name]
    return facts


def _supported_hosts(supported: list[RelationFact], projects: list[ProjectFact]) -> list[RelationFact]:
    """A division supported in building a project hosts it: 支持甲区建设乙丙产业园 → 甲区 hosts 乙丙产业园."""
    named = {(p.start, p.end): p.name for p in projects}
    return [RelationFact(f.subject, "district", "hosts", named[(f.start, f.end)], "project", f.start, f.end, f.sentence)
            for f in supported if (f.start, f.end) in named]


def _focuses(doc: Document) -> list[RelationFact]:
    facts = []
    for sentence in doc.sentences:
        for lead in FOCUS_LEAD.finditer(doc.text, sentence.start, sentence.end):
            subjects = clause_subjects(doc, sentence, lead.start())  # 甲区、乙区要聚焦…: each
            items = _focus_items(doc.text, lead.end(), sentence.end)
            if lead["weak"]:
                items = _industries_only(doc.text, items)
            facts += [RelationFact(place, kind, "focuses_on", doc.text[start:end], "focus", start, end, sentence.index)
                      for place, kind in subjects for start, end in items]
    return facts


def _industries_only(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The items ending as an industry's name does, and an item joined by 和 or 及 to one that does (培育电子信息和装备
    制造产业: both; 加快发展步伐: none)."""
    industries = [INDUSTRY_END.search(text, s, e) is not None for s, e in items]
    return [(s, e) for i, (s, e) in enumerate(items)
            if industries[i] or (i + 1 < len(items) and industries[i + 1] and text[e] in "和及")]


def _supported_focuses(doc: Document) -> list[RelationFact]:
    """What a report supports its divisions in building: 支持甲市、乙市建设国际消费中心城市 → each focuses on
    国际消费中心城市; 支持甲市建设A、乙市打造B → 甲市 on A, 乙市 on B (evidence: the object)."""
    facts = []
    for lead in SUPPORT.finditer(doc.text):
        places, pos = _places_listed(doc, lead.end())
        while places and (told := TOLD_TO.match(doc.text, pos)) is not None:
            if not _a_title(doc.text, told):  # 支持甲市创建全国文明城市: a title to earn
                facts += [RelationFact(place, "district", "focuses_on",
                                       doc.text[told.start("object"):told.end("object")], "focus",
                                       told.start("object"), told.end("object"), doc.sentence_at(pos).index)
                          for place in places]
            places, pos = _places_listed(doc, told.end() + 1) if doc.text.startswith("、", told.end()) else ([], pos)
    return facts


def _a_title(text: str, told: re.Match) -> bool:
    """创建全国百强县: a title a division is to earn (a level of government after a verb of earning one), no focus;
    not 创建省域经济副中心 (a role)."""
    return (TITLE_VERB.search(text, told.start(), told.start("object")) is not None
            and LEVEL_OPENING.match(text, told.start("object")) is not None)


def _places_listed(doc: Document, start: int) -> tuple[list[str], int]:
    """The divisions named in a row from `start` (甲市、乙县等地), and where the row ends."""
    places, pos = [], start
    for mention in district_mentions(doc, start, start + MAX_PLACE_ROW):
        if mention.start != pos:
            break
        places.append(mention.division.name)
        pos = mention.end + doc.text.startswith("、", mention.end)
    if places and (etc := PLACES_ETC.match(doc.text, pos)) is not None:
        pos = etc.end()
    return list(dict.fromkeys(places)), pos


def _focus_items(text: str, start: int, ceiling: int) -> list[tuple[int, int]]:
    """The industries of a list after a focus verb: 金融服务、总部经济等产业 → 金融服务, 总部经济."""
    clause = re.compile(r"[^，。；]*").match(text, start, ceiling)
    end = clause.end()
    items = []
    for s, e in _listed_industries(text, start, end):
        item = text[s:e]
        trimmed = FOCUS_ITEM_END.sub("", item) if item.endswith(("产业", "领域", "行业")) and "等" in item else item
        e = s + len(trimmed)
        if (mod := MODIFIER.match(text, s, e)) is not None:
            s = mod.end()
        if e - s > SHORT_FOCUS:
            found = FOCUS_SUFFIX.search(text, s, e)
            if found is None or word_end(text, found.end(), s, e) > found.end():
                continue  # none, or a word cut short (长江经济|带重要节点城市)
            s, e = found.start(), found.end()
        if 2 <= e - s <= 12 and not VAGUE_FOCUS.fullmatch(text, s, e):
            items.append((s, e))
    return items


def _listed_industries(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a list of industries: split at 、, and at 和 or 及 where each side ends as an industry's name does
    or is as long as a name of one (装备制造和现代物流, 量子信息和人工智能 → two; 研发和设计服务 one).

    >>> [(s, e) for s, e in _listed_industries("甲乙制造和丙丁物流、戊己", 0, 12)]
    [(0, 4), (5, 9), (10, 12)]
    """
    spans = []
    for item in LIST_ITEM.finditer(text, start, end):
        parts = [p.span() for p in JOINED_PART.finditer(text, *item.span())]
        if len(parts) > 1 and all(_an_industry(text, s, e) or _a_long_name(text, s, e) for s, e in parts):
            spans += parts
        else:
            spans.append(item.span())
    return spans


def _a_long_name(text: str, start: int, end: int) -> bool:
    """text[start:end] is as long as an industry's name without its ending (量子信息), not as a phrase, names no
    work (项目建设, 创新驱动) and no kind (产业集群)."""
    return (MIN_UNMARKED <= end - start <= SHORT_FOCUS and not VAGUE_FOCUS.fullmatch(text, start, end)
            and not WORK_END.search(text, start, end))


def _an_industry(text: str, start: int, end: int) -> bool:
    """text[start:end] ends as an industry's name does and is one, not a kind (重点产业)."""
    return (end - start >= 2 and INDUSTRY_END.search(text, start, end) is not None
            and not VAGUE_FOCUS.fullmatch(text, start, end))


def _located_in(doc: Document, places: list[PlaceFact], projects: list[ProjectFact]) -> list[RelationFact]:
    """A functional area or a site (a park, a zone) whose name opens with a district lies in it (宝坻京津中关村科技城
    located_in 宝坻区); a work whose name opens with one is hosted by it (怀柔综合性国家科学中心: 怀柔区 hosts it)."""
    districts = [p for p in places if p.kind == "district"]
    facts = []
    for thing, kind in [(p, "project") for p in projects] + [(a, "area") for a in places if a.kind == "area"]:
        opening = next((d for d in districts if d.start == thing.start and d.end < thing.end), None)
        if opening is None:
            continue
        if kind == "area" or thing.name.endswith(SITE_HEADS):
            facts.append(RelationFact(thing.name, kind, "located_in", opening.name, "district",
                                      thing.start, thing.end, thing.sentence))
        else:
            facts.append(RelationFact(opening.name, "district", "hosts", thing.name, kind,
                                      thing.start, thing.end, thing.sentence))
    return facts


def _part_of(projects: list[ProjectFact], areas: set[str]) -> list[RelationFact]:
    """A phase or section of a named project (天开高教科技园|西拓展区, 20号线|一期东段), a phase of a functional area
    (甲乙综保区|二期), or a member of a counted family of projects (脑机交互与人机共融|海河实验室 where the text speaks of
    6家海河实验室)."""
    names = {p.name for p in projects}
    families = {p.name for p in projects if p.counted}
    facts = []
    for p in projects:
        n = p.name
        wholes = [(n[:i], "project") for i in range(PART_MIN, len(n)) if n[:i] in names and PART_TAIL.search(n[i:])]
        wholes += [(n[:i], "area") for i in range(PART_MIN, len(n)) if n[:i] in areas and AREA_PHASE.fullmatch(n[i:])]
        wholes += [(n[i:], "project") for i in range(1, len(n) - PART_MIN + 1) if n[i:] in families]
        if wholes:
            whole, kind = max(wholes, key=lambda w: (len(w[0]), w[1] == "project"))
            facts.append(RelationFact(p.name, "project", "part_of", whole, kind, p.start, p.end, p.sentence))
    return facts


def _implements(doc: Document, projects: list[ProjectFact], actions: list[ActionFact]) -> list[RelationFact]:
    facts = []
    things = [(p, "project") for p in projects if not clause_subjects(doc, doc.sentences[p.sentence], p.start)]
    things += [(a, "program") for a in actions if a.level == "program"]
    for thing, kind in things:
        area = area_of(doc, doc.paragraphs[doc.sentences[thing.sentence].paragraph])
        if area is None:
            continue
        facts.append(RelationFact(thing.name, kind, "implements", area.name, "action", thing.start, thing.end,
                                  thing.sentence))
    return facts


def _targets(doc: Document, observations: list[ObservationFact]) -> list[RelationFact]:
    city = doc.meta.region
    return [RelationFact(o.scope, "district", "targets", o.indicator, "indicator", o.start, o.end, o.sentence)
            for o in observations if o.status == "target" and o.scope != city and o.scope_kind == "place"]
