"""Actions: the report's own structure of what government does, and the named programmes it mentions.

Levels: ``review_area`` (（一）… headings of the review), ``ten_actions`` (（一）实施…行动 of a five-year plan),
``work_area`` (the other （一）… headings of the plan), ``task`` (the short lead sentence that opens a paragraph
inside a work area; its parent is that work area) and ``program`` (a named plan, strategy, campaign, pilot or
mechanism anywhere in the text).

>>> from govkg.pipeline import read_document
>>> doc = read_document("二、2023年工作\\n（一）聚焦创新，着力发展\\n完善创新体系。持续开展跨境贸易便利化专项行动。", "d", year=2023)
>>> [(a.name, a.level, a.parent) for a in extract_actions(doc)]
[('聚焦创新，着力发展', 'work_area', None), ('完善创新体系', 'task', '聚焦创新，着力发展'), ('跨境贸易便利化专项行动', 'program', None)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..document import ITEM_ENUMERATOR, ITEM_NUMBER, ITEM_ORDINAL, Document, Paragraph, Sentence
from ..names import (ADVERB_PREFIXES, COMMON_VERB_FREQ, FUNCTION_WORDS, LIST_ETC_MARK, NameFinder, grow_backwards,
                     word_end)
from ..segment import cut, word_frequency, word_tags
from ..textmatch import alternation
from ..vocab import word_list, word_table
from .context import CLAUSE_OPENER
from .places import names_a_place, region_names
from .projects import FAVOURED_KINDS, ROLE_HEAD, ROLE_SCOPE, STAGED_PREDICATE, project_spans_by_sentence

ITEM_LABEL = re.compile(r"(?:" + ITEM_NUMBER + "|" + ITEM_ENUMERATOR + "|" + ITEM_ORDINAL + r"|[一二三四五六七八九十]{1,3}、)")
#: The label of a lead numbered in words (四是…), which may open a name found in the lead.
LEAD_LABEL = re.compile(r"[一二三四五六七八九十]{1,3}是")
TEN_ACTION = re.compile(r"^实施(?P<name>.{2,30}?行动)$")
#: A task lead sentence is short and states one thing; longer openings are ordinary prose.
MAX_TASK = 40
MIN_TASK = 2
#: The number of a numbered lead: 1. 1、 （1） ①.
LEAD_NUMBER = re.compile(r"(?:[0-9]{1,2}[.．、]|[（(][0-9]{1,2}[）)]|[①-⑳]|" + ITEM_ENUMERATOR + r")\s*")
#: The modal opening a lead (要精准谋划招引项目) is not part of the task's name; 要素 is a word.
MODAL = re.compile(r"要(?![素点求件闻害务])")
#: …and one holding a number is a result or a target, not a lead (全年实施项目1.6万个).
DIGIT = re.compile(r"[0-9０-９]")
#: Generic heads of programme names (data: graph/data/programme_heads.txt).
PROGRAM_HEADS = word_list("programme_heads")
PROGRAM_HEADS_LONGEST_FIRST = sorted(PROGRAM_HEADS, key=len, reverse=True)
#: A head word that goes on into a longer word is no head: 工程师, 行动上 (思想上政治上行动上), 战略者, 工程团队.
WORD_GOES_ON = re.compile(r"[师上者员]|团队")
#: What a programme's name may run on into within one word: more of a name (工程建设, 改革试点, 行动计划) or what a
#: programme has (试点经验, 试点工作, 改革成效).
NAME_GOES_ON = frozenset(PROGRAM_HEADS) | {"建设", "试点", "示范", "项目", "工作", "计划", "经验", "成效", "成果", "任务"}
#: A counted series of programmes: 实施甲乙提升、丙丁发展“三项工程” (see `_counted_series`).
_SERIES_COUNT = r"“?[一二三四五六七八九十两]{1,2}(?:项|大|个)(?P<head>专项行动|攻坚行动|工程|行动|计划|战略|改革|试点)”?"
COUNTED_SERIES = re.compile(r"(?P<items>[^，。；：]{2,160}?、[^，。；：]{2,80}?)" + _SERIES_COUNT)
SERIES_COUNT = re.compile(_SERIES_COUNT)
LIST_MARK = re.compile(r"、|和(?=[\u4e00-\u9fff]{2})")
MAX_SERIES_ITEM = 20
_CJK_NAME = re.compile(r"[\u4e00-\u9fff“”]+")
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")
#: An item of a series ending in one of these is a programme's name already (甲乙工程); so is a strategy's item
#: ending in 发展 or 建设 (甲乙协同发展、丙丁建设两大战略).
SERIES_ITEM_ENDS = ("工程", "行动", "计划", "战略", "改革", "试点")
_PACKAGE_WORDS = word_table("counted_packages")  # data: graph/data/counted_packages.txt
#: The count that ends a policy package named by its topic: 稳经济35条, 提振消费19条, 民营经济32条政策; not a count
#: before what it counts (5条高铁, 5条“甲乙”线路).
COUNTED_PACKAGE = re.compile(r"(?<!\d)\d{1,2}条(?=$|[^\u4e00-\u9fff“]|" + alternation(_PACKAGE_WORDS["policy"]) + ")")
#: The last character of a thing counted by 条 (背街小巷40条: streets, no package).
COUNTED_LINE_END = re.compile(alternation(_PACKAGE_WORDS["line_end"]) + "$")
#: A quoted name, optionally with a generic continuation: “一制三化”审批制度改革, “双碳”工作; not a principle the
#: sentence puts into work (把“甲乙”问题作为全部工作的重中之重; data: graph/data/placing_verbs.txt).
_PLACING_VERBS = "|".join(word_list("placing_verbs"))
QUOTED = re.compile(r"“(?P<q>[^“”，。]{2,12})”(?P<tail>(?:(?!加快|推进|全面|持续|深入|项目|开工|" + _PLACING_VERBS + r")"
                    r"[\u4e00-\u9fff]){0,8}?"
                    r"(?:改革|工程|工作|建设|行动计划|行动|试点|战略|体系|联动发展|联动|政策|普法|品牌|"
                    r"(?:治理|整治)(?=[，。；、和及]|$)))")  # a campaign of control: “餐桌污染”治理, not 治理|体系
#: A programme the whole country runs under one name (data: graph/data/national_programmes.txt), in its quotes if
#: quoted, and up to a programme's head a few words after it: 全面推行河长制, 深化“千万工程”经验, 零基预算改革,
#: 丙丁垃圾分类工作方案; not where it names the kind of a place or a body (医养结合机构, 垃圾分类中心).
_NATIONAL = alternation(word_list("national_programmes"))
NATIONAL_PROGRAMME = re.compile("(?:“" + _NATIONAL + "”|" + _NATIONAL + r")(?:[\u4e00-\u9fff]{0,4}?"
                                + alternation(PROGRAM_HEADS) + r")?(?![\u4e00-\u9fff]{0,4}?(?:机构|中心|站|设施|企业|单位))")
#: The part of a programme name before its head must say what it is about: not 保持战略, 38项试点, （三）改革.
MIN_TOPIC = 3
#: …but a one-word noun topic is enough before a head this long (党纪学习教育).
LONG_HEAD = 4
#: 改革 opening a name of a system is the verb of reforming it (改革甲乙管理制度), not part of the name as in
#: 改革攻坚行动 or 改革开放示范工程.
REFORM_VERB = re.compile(r"改革(?!开放)")
REFORMED_SYSTEM = re.compile(r"(?:制度|体制|机制|办法|模式|方式|计划|管理|政策)$")
QUOTE_ONLY = re.compile(r"“[^“”]+”")
QUOTED_ROW = re.compile(r"(?:“[^“”]+”){2,}")
LEADING_COUNT = re.compile(r"^(?:\d+|[一二三四五六七八九十]+)[项条个批类]")
#: Named campaigns of the form 平安天津建设, 法治政府建设 (data: graph/data/campaign_words.txt).
CAMPAIGN_WORDS = "(?:" + "|".join(word_table("campaign_words")) + ")"
#: The country's own name in its campaigns (美丽中国, 健康中国), whichever region reports.
COUNTRY = "中国"
#: A campaign of building (平安天津建设), whose name holds no adverb (not 数字甲乙加快建设: a clause).
BUILD_CAMPAIGN = re.compile(CAMPAIGN_WORDS + r"(?:(?!" + "|".join(ADVERB_PREFIXES) + r")[\u4e00-\u9fff]){1,4}建设")
#: A list the text calls policies or programmes: A、B、C等政策 / 等惠企政策 / 等措施 / 等工程 (not when its kind says
#: the items are fields: data: graph/data/field_kinds.txt).
POLICY_LIST = re.compile(r"(?P<items>[^，。；：]{2,160}?)等(?P<kind>[\u4e00-\u9fff]{0,4}?)(?:政策|措施|举措|工程|行动)")
LIST_LEAD = re.compile(r"(?:[\u4e00-\u9fff]{0,4}?(?:落实|实施|出台|推出|制定|执行|用好|兑现|运用|开展|采取))+")
#: One item of such a list: up to the next 、, or up to 和/及 before a quoted name.
LIST_ITEM = re.compile(r"(?:(?!(?:和|及)“)[^、])+")
#: A list item holding a counted quantity (新增5.5万辆…指标) states a number, not a programme.
COUNTED = re.compile(r"\d+(?:\.\d+)?[万亿]?[辆个家人元户项台套张]")
#: Verbs whose object, when quoted, is a named programme: 坚持“用海河水洗海河泥”, 开展城市供热“冬病夏治”
#: (data: graph/data/programme_verbs.txt).
PROGRAM_VERB = re.compile("(?:" + "|".join(word_list("programme_verbs")) + ")$")
#: An adverb between a programme and its progress predicate is not part of its name (…治理不断走深走实).
TRAILING_ADVERB = re.compile(r"(?:不断|持续|逐步|进一步|更加|稳步)$")
#: …and so is a circumstance (…在守正创新中纵深推进).
CIRCUMSTANCE = re.compile(r"在[\u4e00-\u9fff]{2,10}中$")
#: A modal of need before a progress predicate: the work is still to be done (…还需加力推进).
STILL_NEEDED = re.compile(r"还需|仍需|尚需|还要|仍要|有待|亟待|亟需")
#: Predicates that report progress on a programme named as the clause's subject: 异地就医直接结算深入开展,
#: 金融创新运营示范区建设步伐加快 (data: graph/data/progress_predicates.txt).
PROGRESS = re.compile("|".join(re.escape(p) for p in sorted(word_list("progress_predicates"), key=len, reverse=True)))
#: A programme named as the object of a verb that drives it, ending in a programme word at its clause's end (or
#: before 和/及): 加快演艺之都建设, 持续深化接诉即办改革, 全面实施新一轮国企改革深化提升行动, 深化大气污染治理攻坚,
#: 巩固拓展全域森林城市建设成果. The name may hold verbs (接诉即办), not 项目/开工, a coordination or a quote put into
#: something (推动“甲乙”融入丙丁建设), and its head follows no adverb (推动数字甲乙加快建设 is a clause).
_NO_ADVERB_BEFORE = "".join(f"(?<!{a})" for a in ADVERB_PREFIXES)
_DRIVEN_NAME = (r"(?:(?!项目|开工|和|及|与|”(?:" + _PLACING_VERBS + r"))[\u4e00-\u9fff“”]){4,16}?" + _NO_ADVERB_BEFORE
                + r"(?:建设|改革|行动|攻坚|专项治理|综合整治|综合治理|试点|创建)(?=[，。；、和及]|成果|成效|取得|$)")
DRIVEN_OBJECT = re.compile(r"(?:深入推进|加快推进|统筹推进|全面推进|持续推进|扎实推进|大力推进|巩固拓展|实施|开展|加快|推进|深化|"
                           r"推动|巩固(?!拓展)|强化|加强|完成)好?(?:第[一二三四五六七八九十]+轮)?"  # 实施好…行动: 好 is the verb's
                           r"(?P<name>" + _DRIVEN_NAME + ")")
#: A policy document issued or carried out, its name holding 的 or not: 出台促进高质量充分就业的实施意见, 落实提升甲乙的
#: 若干措施, 出台生态资产价值评估管理办法 (data: graph/data/policy_documents.txt).
_DOCUMENTS = word_table("policy_documents")
_DOCUMENT_KIND = "(?:" + "|".join(_DOCUMENTS["kind"]) + ")"
PUBLISHED_DOCUMENT = re.compile(r"(?:(?:" + "|".join(_DOCUMENTS["verb"]) + r")[好并]?)+了?"
                                r"(?P<name>(?:(?!出台|制定|印发|落实)[^，。；、\d]){4,30}?" + _DOCUMENT_KIND
                                + r")(?=[，。；、和及]|$)")
#: A verb that only introduces a programme (实施, 开展 …), never part of its name, and the adverbs before it.
LIGHT_VERB_OPENING = re.compile(r"(?:继续|持续|深入|扎实|全面)?(?:实施|开展|推进|抓好|对接|落实)(?=[\u4e00-\u9fff“]{3})")
#: A name ending in a document's kind is a title, verbs and all (推动甲乙发展的若干措施).
DOCUMENT_TITLE = re.compile(_DOCUMENT_KIND + "$")
#: What opens a document's name but is not part of it: 关于, and another document or a law joined to it (中央八项规定
#: 精神和, 民法典和, 新战略和).
DOCUMENT_OPENING = re.compile(r"关于|.*(?:规定|决定|精神|意见|措施|细则|办法|方案|条例|法|典|战略)[^和及]*?[和及]")
#: A document named only by who issued it (省委实施办法, 自治区若干措施): no name of its own.
ISSUER_ONLY = re.compile("(?:" + "|".join(_DOCUMENTS["issuer"]) + ")" + _DOCUMENT_KIND)
#: The second of two driven programmes joined by 和/及: 推进甲乙公园创建和丙丁体系建设.
COORDINATED_OBJECT = re.compile(r"[和及](?P<name>" + _DRIVEN_NAME + ")")
#: A role the region is to take on, as the object of building it, is a programme: 加快建设全球数字经济标杆城市,
#: 培育建设国际消费中心城市 (data: graph/data/role_scopes.txt, role_heads.txt).
ROLE_BUILT = re.compile(r"(?:建设|打造)(?P<name>" + ROLE_SCOPE + r"[\u4e00-\u9fff]{1,10}?" + ROLE_HEAD
                        + r")(?=[，。；、和及]|$)")
#: Building up a quality (基层基础能力建设, 干部队伍建设) is ongoing work, not a named programme.
CAPACITY = re.compile(r"(?:能力|水平|质量|效率|作风|队伍)建设$")
#: A sentence stating something rather than leading a task (消费是经济增长的主引擎, 甲乙大桥建成通车).
STATEMENT = re.compile(r"(?<![特尤但于凡总就求])是(?!否)|" + STAGED_PREDICATE + "$")
#: What marks a remark of the review rather than the name of a review area (过去一年极不平凡, 这些成绩来之不易,
#: 我们主要做了以下工作).
REMARK = re.compile(r"^(?:这|那|我们|过去|一年来|五年来|今年|去年|各位)|以下")
SUBJECT_NOISE = re.compile(r"(?:" + CLAUSE_OPENER + r"|全市|我市|本市|" + LEAD_LABEL.pattern + ")+")  # 四是改革开放纵深推进
MAX_SUBJECT = 20
#: Heads of names for ongoing work (机制): a programme only with a distinguishing part (see `_distinguished`;
#: data: graph/data/ongoing_work_heads.txt).
ONGOING_WORK_HEADS = word_list("ongoing_work_heads")
#: Levels of government listed before a name they share: 市、区 (领导定点包联机制), 省、市、县.
LEVEL = re.compile(r"[省市区县乡镇村]")
LEVEL_LIST = re.compile(r"(?:[省市区县乡镇村]、)+$")
#: Marks of a distinguishing part: a quote, a list, a number.
DISTINGUISHING_MARK = re.compile(r"[“”、0-9０-９]|[一二三四五六七八九十两]项")
GENERIC_NAMES = frozenset(word_list("generic_programme_names"))  # data: graph/data/generic_programme_names.txt
#: A topic made only of words of weight or reach (针对性, 新一轮, 全社会共同) says nothing (data: vague_topics.txt).
VAGUE_TOPIC = re.compile("(?:" + "|".join(sorted(word_list("vague_topics"), key=len, reverse=True)) + ")+")


@dataclass(frozen=True)
class ActionFact:
    name: str
    level: str  # review_area | ten_actions | work_area | task | program
    parent: str | None
    start: int  # evidence: the heading, lead sentence or name
    end: int
    sentence: int


def extract_actions(doc: Document) -> list[ActionFact]:
    facts = []
    for paragraph in doc.paragraphs:
        if paragraph.is_item_heading:
            facts.append(heading_action(doc, paragraph))
            facts += _inline_tasks(doc, paragraph)
        elif (task := _task(doc, paragraph)) is not None:
            facts.append(task)
        elif (area := review_lead(doc, paragraph)) is not None:
            facts.append(area)
    facts += _programs(doc)
    return sorted(facts, key=lambda a: (a.start, a.end, a.level))


def heading_action(doc: Document, heading: Paragraph) -> ActionFact:
    """The action an item heading names (cached: relations look it up for every fact under it)."""
    known = doc.found.heading_actions
    if heading.index not in known:
        known[heading.index] = _heading_action(doc, heading)
    return known[heading.index]


def _heading_action(doc: Document, heading: Paragraph) -> ActionFact:
    first = doc.sentences_in(heading)[0]
    label = ITEM_LABEL.match(doc.text, first.start)
    start = label.end() if label else first.start
    end = first.end - 1 if doc.text[first.end - 1] in "。；" else first.end
    name = doc.text[start:end]
    if doc.part_of(heading) == "review":
        return ActionFact(name, "review_area", None, start, end, first.index)
    if m := TEN_ACTION.match(name):
        return ActionFact(m.group("name"), "ten_actions", None, start + m.start("name"), end, first.index)
    return ActionFact(name, "work_area", None, start, end, first.index)


def _task(doc: Document, paragraph: Paragraph) -> ActionFact | None:
    heading = doc.item_heading_of(paragraph)
    if heading is None or doc.part_of(paragraph) != "plan":
        return None
    area = heading_action(doc, heading)
    sentences = doc.sentences_in(paragraph)
    if area.level != "work_area" or len(sentences) < 2:
        return None
    return _lead(doc, sentences[0], area)


def area_of(doc: Document, paragraph: Paragraph) -> ActionFact | None:
    """The review or work area a paragraph serves: its （一）… item's, or in a review without items the one its
    own lead names (see `review_lead`)."""
    heading = doc.item_heading_of(paragraph)
    return heading_action(doc, heading) if heading is not None else review_lead(doc, paragraph)


def review_lead(doc: Document, paragraph: Paragraph) -> ActionFact | None:
    """In a review without （一）… items, the lead opening a paragraph names a review area: a short first sentence
    (生态环境在担当作为中提质增优。三江源…), or the first sentence after an opener that three or more paragraphs of the
    review share (一年来，我们紧盯不放，推动“六个工程”取得标志性成果。…)."""
    sentences = doc.sentences_in(paragraph)
    if doc.part_of(paragraph) != "review" or len(sentences) < 2 or _has_items(doc, paragraph.section):
        return None
    lead = _lead(doc, sentences[0], None) or _after_a_shared_opener(doc, paragraph, sentences[0])
    if lead is None or DIGIT.search(lead.name) or REMARK.search(lead.name):
        return None
    return replace(lead, level="review_area")


def _has_items(doc: Document, section: int) -> bool:
    if doc.found.sections_with_items is None:
        doc.found.sections_with_items = frozenset(p.section for p in doc.paragraphs if p.is_item_heading)
    return section in doc.found.sections_with_items


#: The opener a review's paragraphs may share, before the lead naming each one's area.
REVIEW_OPENER = re.compile(r"(?:一年来|过去一年|这一年|五年来|过去五年)，我们")
MIN_SHARED_OPENERS = 3
MAX_OPENED_LEAD = 60


def _openers(doc: Document) -> dict[tuple[int, str], int]:
    """How many paragraphs of each section open with each review opener."""
    if doc.found.review_openers is None:
        counts: dict[tuple[int, str], int] = {}
        for p in doc.paragraphs:
            if (m := REVIEW_OPENER.match(doc.text, p.start)) is not None:
                counts[(p.section, m.group())] = counts.get((p.section, m.group()), 0) + 1
        doc.found.review_openers = counts
    return doc.found.review_openers


def _after_a_shared_opener(doc: Document, paragraph: Paragraph, first: Sentence) -> ActionFact | None:
    opener = REVIEW_OPENER.match(doc.text, first.start)
    if opener is None:
        return None
    end = first.end - 1 if doc.text[first.end - 1] in "。；" else first.end
    shared = _openers(doc).get((paragraph.section, opener.group()), 0)
    if shared < MIN_SHARED_OPENERS or end - opener.end() > MAX_OPENED_LEAD:
        return None
    return ActionFact(doc.text[opener.end():end], "review_area", None, opener.end(), end, first.index)


def _inline_tasks(doc: Document, heading: Paragraph) -> list[ActionFact]:
    """The leads inside a work area written as one paragraph (（一）甲乙，丙丁。坚持…。精准扩大有效投资。…):
    each short sentence without a comma or a number after the heading's own opens a task."""
    area = heading_action(doc, heading)
    if doc.part_of(heading) != "plan" or area.level != "work_area":
        return []
    leads = [_lead(doc, sentence, area) for sentence in doc.sentences_in(heading)[1:]
             if not DIGIT.search(doc.text, _after_lead_number(doc, sentence), sentence.end)]
    return [lead for lead in leads if lead is not None]


def _lead(doc: Document, sentence: Sentence, area: ActionFact | None) -> ActionFact | None:
    """A task of `area`, when `sentence` is a short lead without a comma that states nothing (完善创新体系。)."""
    end = sentence.end - 1 if doc.text[sentence.end - 1] in "。；" else sentence.end
    if end - sentence.start > MAX_TASK or "，" in doc.text[sentence.start:end] or doc.text[end - 1] in "！!？?":
        return None
    start = _after_lead_number(doc, sentence)
    if STATEMENT.search(doc.text, start, end):
        return None  # 是…: a statement (not the 是 of its number, 一是…)
    start += MODAL.match(doc.text, start, end) is not None
    if end - start < MIN_TASK:
        return None  # 要。: no name
    return ActionFact(doc.text[start:end], "task", area and area.name, start, end, sentence.index)


def _after_lead_number(doc: Document, sentence: Sentence) -> int:
    """Where a lead starts after its number (1.做强先进制造业。: the number is no part of the task)."""
    number = LEAD_NUMBER.match(doc.text, sentence.start, sentence.end)
    return number.end() if number else sentence.start


#: How much of a national programme's name a new one listed after it repeats (一网通办、一网慧治: 一网).
SHARED_COINAGE = 2
#: What may follow a programme's name: a list mark, a clause's end, a joining word, a bracket or a quote, a verb
#: of extending or coverage (向基层延伸, 全覆盖), or a word it runs on into (成效, 工作, 责任).
NAME_ENDS = (tuple("、，。；：和及等与（(“向") + ("以及", "全覆盖", "责任", "迭代", "落地", "落实")
             + tuple(NAME_GOES_ON))


def _coined_alike(text: str, national: list[tuple[int, int]], end: int) -> list[tuple[int, int]]:
    """Names listed after a national programme's that are coined alike — as long, opening or closing with the same
    two characters, and ending where a name may (a list mark, or a word a programme's name runs on into: 成效) — are
    programmes too: 一网通办、一网慧治 → 一网慧治; 河长制、甲长制 → 甲长制; not 跨省通办、跨省异地|就医. Each found one
    is a model for the next (一网通办、一网甲乙、一网丙丁).

    >>> _coined_alike("巩固一网通办、一网慧治成效", [(2, 6)], 14), _coined_alike("深化跨省通办、跨省异地就医", [(2, 6)], 13)
    ([(7, 11)], [])
    """
    coined = []
    for s, e in national:
        word = text[s:e]
        while _CJK_ONLY.fullmatch(word) and text.startswith("、", e) and e + 1 + len(word) <= end:
            item, after = text[e + 1:e + 1 + len(word)], e + 1 + len(word)
            if not _CJK_ONLY.fullmatch(item) or not (item[:SHARED_COINAGE] == word[:SHARED_COINAGE]
                                                     or item[-SHARED_COINAGE:] == word[-SHARED_COINAGE:]) \
                    or not (after == end or text.startswith(NAME_ENDS, after)):
                break
            s, e, word = e + 1, e + 1 + len(word), item
            coined.append((s, e))
    return coined


def _programs(doc: Document) -> list[ActionFact]:
    text = doc.text
    project_spans = project_spans_by_sentence(doc)
    spans: dict[tuple[int, int], None] = {}
    region_campaign = _region_campaign(doc)
    for sentence in doc.sentences:
        found = _FINDER.find(text, sentence.start, sentence.end)
        found += [(grow_backwards(text, sentence.start, m.start(), stop_words=FUNCTION_WORDS), m.end())
                  for m in COUNTED_PACKAGE.finditer(text, sentence.start, sentence.end)
                  if not COUNTED_LINE_END.search(text, sentence.start, m.start())]
        found += [(m.start(), m.end()) for m in BUILD_CAMPAIGN.finditer(text, sentence.start, sentence.end)]
        found += [(m.start(), m.end()) for m in region_campaign.finditer(text, sentence.start, sentence.end)]
        found += [span for span in _driven_objects(text, sentence.start, sentence.end)
                  if not _opens_with_a_verbal_noun(text[span[0]:span[1]]) and not CAPACITY.search(text, *span)]
        found += [(m.start(), m.end()) for m in QUOTED.finditer(text, sentence.start, sentence.end)]
        found += [m.span("name") for m in ROLE_BUILT.finditer(text, sentence.start, sentence.end)]
        found += [_document_span(m) for m in PUBLISHED_DOCUMENT.finditer(text, sentence.start, sentence.end)]
        found += _policy_list_items(text, sentence.start, sentence.end)
        found += _quoted_objects(text, sentence.start, sentence.end)
        found += _progress_subjects(text, sentence.start, sentence.end)
        national = [(m.start(), m.end()) for m in NATIONAL_PROGRAMME.finditer(text, sentence.start, sentence.end)]
        found += national + _coined_alike(text, national, sentence.end)
        for s, e in found:
            if label := LEAD_LABEL.match(text, s, e):
                s = label.end()  # 四是大力促改革，…: the label of a numbered lead
            s = _after_light_verbs(text, _after_a_verb_of_reform(text, s, e), e)
            spans[(_with_levels(text, sentence.start, s), e)] = None
    series = [fact for sentence in doc.sentences for fact in _counted_series(doc, sentence)]
    taken = [(fact.start, fact.end) for fact in series]
    facts = []
    last_end = -1
    for s, e in sorted(spans, key=lambda x: (x[0], -x[1])):
        name = text[s:e]
        sentence = doc.sentence_at(s)
        if _overlaps(s, e, taken):
            continue
        if (s < last_end or name in GENERIC_NAMES or not _has_topic(name) or LIST_ETC_MARK.search(name)
                or _runs_on(text, e, sentence) or name.count("“") != name.count("”")):
            continue
        if _overlaps(s, e, project_spans.get(sentence.index, [])) or _is_heading_name(doc, sentence, s, e):
            continue
        if name.endswith(ONGOING_WORK_HEADS) and not _distinguished(doc, s, e):
            continue
        last_end = e
        fact = ActionFact(name + _quoted_rows_head(text, name, e), "program", None, s, e, sentence.index)
        facts += [q for f in _each_listed(fact) for q in _each_quoted(f) if not ISSUER_ONLY.fullmatch(q.name)]
    return sorted(facts + series, key=lambda a: (a.start, a.end))


#: Quoted names listed after a quoted name, the last with the head they share: 、“丙丁”行动.
QUOTED_ROW_HEAD = re.compile(r"(?:、“[^“”，。]{1,12}”)+(?P<head>" + "|".join(PROGRAM_HEADS_LONGEST_FIRST) + ")")


def _quoted_rows_head(text: str, name: str, end: int) -> str:
    """The head a quoted name shares with the quoted names listed after it: “甲乙”、“丙丁”行动 → 行动 for “甲乙”."""
    if not QUOTE_ONLY.fullmatch(name) or (m := QUOTED_ROW_HEAD.match(text, end)) is None:
        return ""
    return m["head"]


def _document_span(m: re.Match) -> tuple[int, int]:
    """The name of a published document without what opens it (see `DOCUMENT_OPENING`)."""
    start, end = m.span("name")
    opening = DOCUMENT_OPENING.match(m.string, start, end)
    return (opening.end() if opening else start), end


def _counted_series(doc: Document, sentence) -> list[ActionFact]:
    """The items of a counted series of programmes, each with the series' head: 实施甲乙提升、丙丁发展三项工程 →
    甲乙提升工程, 丙丁发展工程 (evidence: each item, the series' count and head left out); an item that is a
    programme's name already keeps it (see `SERIES_ITEM_ENDS`)."""
    text, facts = doc.text, []
    if not SERIES_COUNT.search(text, sentence.start, sentence.end):
        return facts  # no count and head: skip the slow list pattern
    for m in COUNTED_SERIES.finditer(text, sentence.start, sentence.end):
        marks = list(LIST_MARK.finditer(text, m.start("items"), m.end("items")))
        bounds = [m.start("items")] + [i.end() for i in marks]
        ends = [i.start() for i in marks] + [m.end("items")]
        for bound, e in zip(bounds, ends):
            e -= text.startswith("等", e - 1)  # 甲乙创新等六大行动
            s = grow_backwards(text, bound, e, stop_words=FUNCTION_WORDS)  # 深入开展甲乙提升 → 甲乙提升
            item = text[s:e]
            if not (2 <= len(item) <= MAX_SERIES_ITEM and _CJK_NAME.fullmatch(item) and _has_topic(item)
                    and item.count("“") == item.count("”") and not QUOTE_ONLY.fullmatch(item)):
                return []  # not a list of programme topics: the whole series is no programme
            head = m.group("head")
            named = item.endswith(SERIES_ITEM_ENDS) or (head == "战略" and item.endswith(("发展", "建设")))
            name = item if named else item + head
            facts.append(ActionFact(name, "program", None, s, s + len(item), sentence.index))
    return facts


def _runs_on(text: str, end: int, sentence) -> bool:
    """The name's last word runs on into another word (改革开放, 工程师, 战略性) — unless into more of a programme's
    name or what it has (工程建设, 试点经验)."""
    if WORD_GOES_ON.match(text, end):
        return True
    rest = text[end:word_end(text, end, sentence.start, sentence.end)]
    return bool(rest) and rest not in NAME_GOES_ON


#: The heads a listed programme may share: a programme head, or 建设 (平安天津、法治天津建设).
_LISTED_HEADS = PROGRAM_HEADS_LONGEST_FIRST + ["建设"]
#: Where a name lists programmes: 、 outside quotes and brackets, or 和/及 before a quoted name.
LISTED = re.compile(r"、(?![^“]*”)(?![^（]*）)|[和及](?=“)")


def _each_listed(fact: ActionFact) -> list[ActionFact]:
    """A name listing programmes that share the last one's head is one programme per item, each with that head:
    平安天津、法治天津建设 → 平安天津建设, 法治天津建设; of 甲乙改造升级和“丙丁”工程 only the item with a head or a quote,
    “丙丁”工程 (evidence: each item)."""
    cuts = list(LISTED.finditer(fact.name))
    head = next((h for h in _LISTED_HEADS if fact.name.endswith(h)), None)
    if not cuts or head is None:
        return [fact]
    items = list(zip([0] + [m.end() for m in cuts], [m.start() for m in cuts] + [len(fact.name)]))
    last_topic = items[-1][1] - items[-1][0] - len(head)
    if any(b - a < 2 for a, b in items):
        return [fact]  # 市、区两级…机制: levels of government, one programme
    # 平安天津、法治天津建设: items as long as the last one's topic share its head (not 甲乙、丙丁试点示范工作)
    shared = all(m.group() == "、" for m in cuts) and all(b - a == last_topic for a, b in items[:-1])
    if shared:
        return [replace(fact, name=fact.name[a:b] + ("" if fact.name[a:b].endswith(head) else head),
                        start=fact.start + a, end=fact.start + b) for a, b in items]
    if "“" not in fact.name:
        return [fact]  # 世界一流智慧、绿色港口建设: one programme
    return [replace(fact, name=fact.name[a:b], start=fact.start + a, end=fact.start + b) for a, b in items
            if fact.name[a:b].endswith(head) or "“" in fact.name[a:b]]


def _each_quoted(fact: ActionFact) -> list[ActionFact]:
    """A name holding quoted names in a row is one programme per quote, each with the words around the row:
    “甲乙”“丙丁”工程 → “甲乙”工程, “丙丁”工程 (evidence: each quote)."""
    row = QUOTED_ROW.search(fact.name)
    if row is None:
        return [fact]
    prefix, tail = fact.name[:row.start()], fact.name[row.end():]
    return [replace(fact, name=prefix + q.group() + tail, start=fact.start + q.start(), end=fact.start + q.end())
            for q in QUOTE_ONLY.finditer(fact.name, row.start(), row.end())]


def _region_campaign(doc: Document) -> re.Pattern:
    """A campaign named by its aim and the region or the country, with or without 建设 (建设更高水平的平安北京,
    平安天津、法治天津建设, 打造健康中国)."""
    return re.compile(CAMPAIGN_WORDS + "(?:" + "|".join(region_names(doc) + (COUNTRY,)) + ")(?!建设)")


def _driven_objects(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The objects of verbs that drive a programme, and a second one joined to it by 和/及."""
    spans = []
    for m in DRIVEN_OBJECT.finditer(text, start, end):
        spans.append(m.span("name"))
        if second := COORDINATED_OBJECT.match(text, m.end(), end):
            spans.append(second.span("name"))
    return spans


#: An item ending in a policy's instrument (补贴, 贷款, 扣除 …; data: graph/data/policy_instruments.txt) names a policy.
POLICY_INSTRUMENT = re.compile("(?:" + "|".join(word_list("policy_instruments")) + ")(?=、|和|及|$)")


def _policy_list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of 落实A、B和“C”等政策 (the leading verb left out)."""
    items = []
    if text.find("等", start, end) < 0:
        return items
    for m in POLICY_LIST.finditer(text, start, end):
        if FAVOURED_KINDS.search(m["kind"]) and not POLICY_INSTRUMENT.search(m["items"]):
            continue  # 甲乙制造、丙丁材料等产业支持政策, 风能、太阳能等发展扶持政策: what a policy favours (not
            # 甲乙贷款、丙丁补贴等就业扶持政策: policies)
        s = m.start("items")
        if lead := LIST_LEAD.match(text, s, m.end("items")):
            s = lead.end()
        for piece in LIST_ITEM.finditer(text, s, m.end("items")):
            a = grow_backwards(text, piece.start(), piece.end(), stop_words=FUNCTION_WORDS)  # 推进甲乙公园 → 甲乙公园
            if (2 <= piece.end() - a <= 20 and not COUNTED.search(text, a, piece.end())
                    and not _an_act(text[a:piece.end()])):
                items.append((a, piece.end()))
    return items


#: A list item this short opening with a verb is a slogan naming its policy (减税降费, 退牧还草, 就业补贴).
MAX_SLOGAN = 5


def _an_act(item: str) -> bool:
    """A list item saying what is done (收购存量商品房, 严禁电动自行车进楼入户), not naming a policy (购房补贴, “两新”政策,
    减税降费)."""
    return (len(item) > MAX_SLOGAN and word_tags().get(cut(item)[0], "") == "v" and "“" not in item
            and not item.endswith(PROGRAM_HEADS))


def _quoted_objects(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted names that a programme verb takes as its object, with their name-like prefix."""
    spans = []
    for m in re.finditer(r"“[^“”，。]{2,12}”", text[start:end]):
        qs, qe = start + m.start(), start + m.end()
        s = grow_backwards(text, start, qs, stop_words=FUNCTION_WORDS)
        if PROGRAM_VERB.search(text, max(start, s - 4), s):
            spans.append((s, qe))
    return spans


def _progress_subjects(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The subject of a clause whose predicate reports a programme's progress (…建设步伐加快)."""
    spans = []
    for m in PROGRESS.finditer(text, start, end):
        if m.end() < end and text[m.end()] not in "，；：。":
            continue  # 全面完成20项民心工程: a verb with an object, not a progress report
        clause = max(text.rfind(c, start, m.start()) for c in "，；：。") + 1
        clause = max(clause, start)
        if noise := SUBJECT_NOISE.match(text, clause, m.start()):
            clause = noise.end()
        subject_end = adverb.start() if (adverb := TRAILING_ADVERB.search(text, clause, m.start())) else m.start()
        if circumstance := CIRCUMSTANCE.search(text, clause, subject_end):
            subject_end = circumstance.start()  # 改革开放在守正创新中纵深推进: 改革开放
        subject = text[clause:subject_end]
        if STILL_NEEDED.search(subject) or subject.endswith("、") or _opens_with_a_light_verb(subject):
            continue  # 技术突破还需加力推进: still to be done; 改革全面发力、纵深推进: a list of predicates;
            # 推进甲乙教育走深走实: the verb's object is the name (found as such)
        if 4 <= len(subject) <= MAX_SUBJECT and re.fullmatch(r"[\u4e00-\u9fff“”、]+", subject) \
                and not subject.endswith(("水平", "能力", "质量", "效率")) and not subject.startswith(ADVERB_PREFIXES):
            spans.append((clause, subject_end))
    return spans


def _opens_with_a_light_verb(subject: str) -> bool:
    return bool(subject) and cut(subject)[0] in FUNCTION_WORDS


def _opens_with_a_verbal_noun(name: str) -> bool:
    """服务支持雄安新区建设 is a clause (a common verbal noun, then its object), not a programme's name."""
    first = cut(name)[0]
    return word_tags().get(first) == "vn" and word_frequency(first) >= COMMON_VERB_FREQ


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in spans)


def _has_topic(name: str) -> bool:
    head = next((h for h in PROGRAM_HEADS_LONGEST_FIRST if name.endswith(h)), "")
    topic = name[:len(name) - len(head)] or name
    core = LEADING_COUNT.sub("", topic.strip("“”"))
    quoted = QUOTE_ONLY.fullmatch(topic) is not None  # “双减”: a name the text marks as one, however short
    return ((len(topic.strip("“”")) >= MIN_TOPIC or quoted or _noun_topic(topic, head)) and len(core) >= 2
            and not topic.startswith("（") and not VAGUE_TOPIC.fullmatch(topic))


def _noun_topic(topic: str, head: str) -> bool:
    """A one-word noun before a long head says what the programme is about (党纪学习教育), unlike a verb
    (拓展主题教育) or a measure word (系列政策措施)."""
    return len(head) >= LONG_HEAD and word_tags().get(topic, "").startswith("n")


def _after_a_verb_of_reform(text: str, start: int, end: int) -> int:
    """The start of a name after the verb 改革 that opens it: 改革甲乙管理制度 → 甲乙管理制度 (not 改革开放…)."""
    if REFORM_VERB.match(text, start) and REFORMED_SYSTEM.search(text, start, end) and (
            end - start - len("改革") >= MIN_TOPIC):
        return start + len("改革")
    return start


def _after_light_verbs(text: str, start: int, end: int) -> int:
    """The start of a name after the light verb opening it (实施甲乙提升行动, 继续抓好丙丁工程 → 甲乙提升行动, 丙丁工程);
    a document's title keeps it (落实甲乙发展的若干措施).

    >>> t = "继续抓好甲乙安居工程"; t[_after_light_verbs(t, 0, len(t)):]
    '甲乙安居工程'
    """
    if DOCUMENT_TITLE.search(text, start, end) or (verb := LIGHT_VERB_OPENING.match(text, start, end)) is None:
        return start
    return verb.end()


def _with_levels(text: str, floor: int, start: int) -> int:
    """The start of a name with the list of levels that opens it: 市、区两级工作专班机制, not 区两级工作专班机制."""
    m = LEVEL_LIST.search(text, max(floor, start - 8), start) if LEVEL.match(text, start) else None
    return m.start() if m else start


def _distinguished(doc: Document, s: int, e: int) -> bool:
    """The name has a part that makes it one programme: a quote, a list, a number or a place (甲乙至丙丁通关机制,
    市、区两级专班机制, “白名单”制度), unlike 动态调整机制."""
    return DISTINGUISHING_MARK.search(doc.text, s, e) is not None or names_a_place(doc, s, e)


def _is_heading_name(doc: Document, sentence, s: int, e: int) -> bool:
    """A ten-actions heading (实施…行动) is an action already, not a programme; the sentences after it in the
    heading's paragraph are ordinary text."""
    paragraph = doc.paragraphs[sentence.paragraph]
    return (paragraph.is_item_heading and doc.sentences_in(paragraph)[0] == sentence
            and bool(TEN_ACTION.match(doc.text[max(0, s - 2):e])))


_FINDER = NameFinder(PROGRAM_HEADS, stop_words=FUNCTION_WORDS, verb_before_head=True)
