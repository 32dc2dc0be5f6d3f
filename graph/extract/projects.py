"""Projects: concrete named undertakings (parks, lines, hospitals, plants …) with their stage and district.

Names are found two ways: from a generic head word (产业园, 城际, 医院 …, grown backwards by `NameFinder`),
and as the items of a list the text itself calls projects (A、B等一批重点项目落地). The stage comes from the
stage verbs around the name; the district from the name (宝坻京津中关村科技城) or the sentence's subject
(西青区要加快…).

>>> from govkg.pipeline import read_document
>>> doc = read_document("二、2023年工作\\n北辰区要加快推进京津医药谷、高端装备产业园建设。", "d", region="天津市", year=2023)
>>> [(p.name, p.stage, p.district, p.period) for p in extract_projects(doc)]
[('京津医药谷', 'accelerate', '北辰区', '2023'), ('高端装备产业园', 'accelerate', '北辰区', '2023')]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..document import Document, Sentence
from ..gazetteer import suffix_runs_on
from ..names import ADVERB_PREFIXES, LIST_ETC, LIST_ETC_MARK, NameFinder, grow_backwards, is_name_like
from ..quantity import parse_number
from ..segment import cut, word_tags
from ..textmatch import alternation
from ..vocab import word_list, word_table
from .context import CLAUSE_OPENER, period_of, status_of
from .places import STANDALONE_AREAS, area_mentions, district_mentions

#: Generic heads of project names and sub-project tails (data: graph/data/project_heads.txt, project_tails.txt).
PROJECT_HEADS = word_list("project_heads")
PROJECT_TAILS = word_list("project_tails")
_HEADS_LONGEST_FIRST = sorted(PROJECT_HEADS, key=len, reverse=True)
#: A head word alone (工程, 中心) names nothing: the start of a name grown back to it is wrong (甲乙医院改造提升工程).
BARE_HEADS = frozenset(PROJECT_HEADS) | frozenset(word_list("programme_heads")) | {"项目"}
_BARE_HEAD_ENDS = tuple(BARE_HEADS)
_HEAD = "(?:" + "|".join(re.escape(h) for h in _HEADS_LONGEST_FIRST) + ")"
#: Level and kind words (data: graph/data/generic_modifiers.txt), and sector words (sectors.txt).
_KIND_WORD = alternation(word_list("sectors") + word_list("generic_modifiers"))
#: A name made only of level and kind words, or the aims of campaigns (data: campaign_words.txt), and a head is a
#: category (县级医院, 美丽园区).
GENERIC_NAME = re.compile(alternation(word_list("generic_modifiers") + tuple(word_table("campaign_words")))
                          + "*" + _HEAD + "+")
#: …and so is one with sector words too (社区卫生服务中心, 制造业创新中心), unless the district whose clause it is
#: builds it (西青区要加快集成电路产业园建设: that district's park; not 推动西青区打造集成电路产业集聚区: a kind the
#: district is told to become, its focus).
SECTOR_KIND_NAME = re.compile(_KIND_WORD + "*" + _HEAD + "+")
#: A name right after 等 (南苑森林湿地等大尺度公园) is the kind of the items listed before it, not a project.
AFTER_ETC = re.compile(LIST_ETC + r"(?:一批|一系列)?$")
#: Names counted by a vague quantity, and the names listed after them, are kinds (建设一批物流园区, 一批甲乙中心、
#: 丙丁基地), not projects.
AFTER_VAGUE_COUNT = re.compile(r"(?:一批|一大批|一系列|若干)(?:[^，。；：、]{2,20}、)*$")
#: A name right after a verb of selection is the class a thing joins (甲乙机场纳入全国民用运输机场), not a project
#: (data: graph/data/selection_verbs.txt).
SELECTION_VERB = re.compile("(?:" + "|".join(word_list("selection_verbs")) + ")$")
#: A name followed by these is the topic of a pilot programme or a reform, not a project (甲乙示范区建设试点,
#: 国家公立医院改革示范城市; not 甲乙示范区改革发展 or 改革创新, the zone developed).
PILOT_AFTER = re.compile(r"(?:建设)?试点|改革(?!发展|创新|提升|开放)")
#: A verb of earning a title: a name at a level of government after it is the title (data:
#: graph/data/title_verbs.txt).
TITLE_VERB = re.compile("(?:" + "|".join(word_list("title_verbs")) + ")$")
#: Common words that end in a head (宅基地: data: graph/data/head_word_traps.txt).
HEAD_WORD_TRAPS = tuple(word_list("head_word_traps"))
#: A count is no name (项目47个、…等项目 leaves the item 47个).
COUNT_ONLY = re.compile(r"[0-9０-９.]+[个项家座条处所批]?")
#: A head followed by growth is a speed, not a road (经济保持中高速增长); one followed by 方面 a topic the report turns
#: to (甲乙生产基地方面，…).
GROWTH_AFTER = re.compile(r"增长|增速")
TOPIC_AFTER = re.compile(r"方面")
#: A count of a kind opening a name (十大数据中心, 国家八大算力枢纽): with only a kind after it, a category, no project
#: (not 五大连池风景区, 八大处公园: names of their own).
COUNTED_CATEGORY = re.compile(r"(?:国家|全国|全省|省|市)?[一二三四五六七八九十两]+大(?P<kind>[\u4e00-\u9fff]{2,})")
#: A head followed by the state of its water is a place described, not built (甲乙水库水质保持Ⅱ类: data:
#: graph/data/described_state_nouns.txt).
STATE_AFTER = re.compile(alternation(word_list("described_state_nouns")))
#: Words that open a campaign's name, never a project's (平安医院, 法治园区: data: graph/data/campaign_words.txt).
CAMPAIGN_ONLY = tuple(word for word, (kind,) in word_table("campaign_words").items() if kind == "only")
#: A role a region takes on (国际科技创新中心, 全国文化中心, 国际航空枢纽) names no project (data:
#: graph/data/role_scopes.txt, role_heads.txt); the region's own name may lead it (北京国际科技创新中心).
ROLE_SCOPE = "(?:" + "|".join(word_list("role_scopes")) + ")"
ROLE_HEAD = "(?:" + "|".join(word_list("role_heads")) + ")"
ROLE_NAME = re.compile("(?P<lead>[\u4e00-\u9fff]*?)" + ROLE_SCOPE + "[性级]?[\u4e00-\u9fff]*" + ROLE_HEAD)
#: A list item made only of sector and level words (交通、能源、水利等重大项目; 综合交通; 民用和通用航空) names a field,
#: not a project.
_SECTOR_WORDS = _KIND_WORD + "+"
SECTOR_ITEM = re.compile(_SECTOR_WORDS + "(?:[和及与]" + _SECTOR_WORDS + ")*")  # 民用和通用航空: fields joined by 和
#: The name after 和/及 that may be a project's kin (see `_coordinated_kin`): words without a list mark or a break.
KIN = re.compile(r"(?:(?![和及与等])[\u4e00-\u9fff]){4,16}")
MAX_KIN = 16
#: Words that open a kind rather than a name (level, scope and role words).
KIND_WORDS = tuple(word_list("generic_modifiers") + word_list("role_scopes"))
_CJK = re.compile(r"[\u4e00-\u9fff]+")
#: Items listed before a name: a short one takes its head (铜锣峡、黄草峡储气库), a longer one (up to 8 characters)
#: what follows its last character in the name (甲空港型、乙生产型物流枢纽).
MAX_SHORT_ITEM, MAX_PARALLEL_ITEM = 4, 8
#: What the rest of a name says when it names a part of the project it extends.
PART_TAIL = re.compile(r"(?:[一二三四五六七八九十首]期|[东西南北中]段|拓展区|核心区|起步区|先行区|院区|分院|校区|站|航站楼|片区|"
                       r"[东西南北中]区|延伸线|支线)$")
#: A longer item shares the end of the name after it only when it ends in a head, a station or a word of kind or
#: level, as the name's matching part does (甲空港型、乙生产型物流枢纽, 甲站、乙站配套交通枢纽), not when it is whole
#: by itself (城乡一体化、丙丁一体化示范区).
PARALLEL_END = re.compile(r"[型式级类性站]$")
#: Two or more quoted names in a row at the end of a name (“氢走廊”“电走廊”), and one of them.
QUOTED_SERIES = re.compile(r"(?:“[^“”]{1,12}”){2,}$")
QUOTE = re.compile(r"“([^“”]{1,12})”")
#: A list the text calls projects: A、B、C等一批重点项目 / 等“国之重器”, 等“十大产业项目” (a quoted kind of projects:
#: data: graph/data/project_list_kinds.txt) / 等2957个重大产业项目 (counted, the items are projects even in an
#: industry: uncounted, 影视、演艺等文化产业项目 lists industries) / 等一批就业服务平台 (a batch of things of a
#: project's kind).
_FIELD_KINDS = word_table("field_kinds")  # data: graph/data/field_kinds.txt
#: Words of industries and fields (领域, 行业, 产业) and of favour (扶持, 优惠): a policy's list then names what it
#: favours; and all field kinds of projects (industries, with 方面, 企业).
FAVOURED_KINDS = re.compile(alternation(_FIELD_KINDS["industries"] + _FIELD_KINDS["support"]))
FIELD_KINDS = alternation(_FIELD_KINDS["industries"] + _FIELD_KINDS["others"])
_PROJECT_KIND = r"(?:(?!" + FIELD_KINDS + r")[\u4e00-\u9fff]){0,6}"
_QUOTED_PROJECT_KIND = ("“(?:[^“”]{0,6}(?:项目|" + _HEAD + ")|" + "|".join(word_list("project_list_kinds")) + ")”")
#: Kinds of rail line (轨道交通甲乙线; 甲线、乙线等轨道交通线 lists lines).
LINE_KIND = r"(?:轨道交通|地铁|市域铁路|市郊铁路)"
#: Kinds of facility that make a list's items projects when counted (等市政道路20条, 等15所学校: data:
#: graph/data/counted_facility_kinds.txt).
_FACILITY = alternation(word_list("counted_facility_kinds"))
_FACILITY_COUNT = r"(?:\d+|[一二两三四五六七八九十]+)[个所座条家处]"
#: An item that is itself a kind of facility, built or not (改扩建幼儿园, 中小学).
FACILITY_KIND_ITEM = re.compile(r"(?:[\u4e00-\u9fff]{0,4}?[建造])?" + _FACILITY)
#: …built or rebuilt: the kind ends its clause or a stage follows it (等15所学校建设; not 等12所学校操场向社会开放).
FACILITY_WORK = r"(?=[，。；、]|建设|改造|改扩建|开工|建成|竣工|投用|投入使用)"
PROJECT_LIST = re.compile(r"(?P<items>[^，。；：]{2,200}?)等(?:(?:一批)?(?:" + _PROJECT_KIND + r"项目|"
                          + _QUOTED_PROJECT_KIND + ")"
                          r"|\d+[个项][\u4e00-\u9fff]{0,8}项目|一批" + _PROJECT_KIND + _HEAD + "|" + LINE_KIND + "线"
                          + "|(?P<facility>(?:" + _FACILITY_COUNT + _FACILITY + "|" + _FACILITY + _FACILITY_COUNT + ")"
                          + FACILITY_WORK + "))"
                          r"(?!监测|检测|检查|测试|遴选|评选)")
# (开展细颗粒物等项目监测: items monitored, not projects; 开展甲乙团队等项目遴选: programmes people are selected into)
#: A name followed by its count (老年日间照料服务中心达到1357个) names a kind of facility, not one project
#: (a quoted brand such as “鲁班工坊”达到21家 stays a project).
COUNTED_AFTER = re.compile(r"(?:达到|增至|超过|突破|总数|数量)?\d(?!\d*[月日])")  # not a date (甲乙大桥6月底前通车)
#: …but not one followed by a count of a kind: its list's (甲乙机场、丙丁机场2个国际机场) or its own parts'.
#: Words making a count an approximate one, after its counter (10个左右) or before it (10余个, 20多家).
ABOUT_AFTER, ABOUT_BEFORE = "左右|以上|以下|上下", "余|多"
LIST_COUNT = re.compile(r"\d+[个家座所条项处](?!" + ABOUT_AFTER + "|" + ABOUT_BEFORE + r")[\u4e00-\u9fff]")
#: A count before a name (6家海河实验室, 新认定8家…, 千座公园 opening it), exact or about, is not part of it.
COUNT_PREFIX = re.compile(r"(?:[^，。；]*?\d+(?:\.\d+)?(?:万|亿)?(?:" + ABOUT_BEFORE + r")?[家个座所条项批处]"
                          r"|[一两三四五六七八九十百千]+[家个座所条处](?!一))(?:" + ABOUT_AFTER + ")?")
#: Nor is a measure, before it or inside it (875平方公里湿地; 甲乙80公里绿道 is the project 甲乙绿道).
MEASURE = re.compile(r"\d+(?:\.\d+)?(?:万|亿)?(?:平方公里|公里|千米|公顷|亩)")
#: …nor the count of a list inside its last item's name (甲乙、丙丁两座水电站: 丙丁水电站, and 甲乙水电站; 三大…中心).
#: Written in words: a count in digits is read as an observation of the list (甲乙、丙丁2个产业园).
LIST_COUNT_INSIDE = re.compile(r"(?P<count>两|[二三四五六七八九十]{1,2})[座个条家所处大](?=[\u4e00-\u9fff])")
#: A phase or extension of a named work (国家会议中心二期, 昌平线南延一期): the phase makes the name specific even when
#: its base ends in no head word.
PHASE = re.compile(r"(?:(?:南延|北延|东延|西延)伸?(?:[一二三四五首]期)?|(?<!第)[一二三四五首]期)(?:工程)?(?![\u4e00-\u9fff]{0,2}(?:班|培训))")
#: The base of a phased name must be this long (not 新一期).
MIN_PHASED_BASE = 3
#: A campus, branch, station or a firm's site named by the district it is in: 友谊医院顺义院区, 某大学通州校区, 丰台站,
#: 甲乙公司青浦研发中心, 甲乙集团长沙生产基地.
BRANCH_HEAD = re.compile(r"院区|校区|分院|分校|园区|站|(?:研发|生产|制造)?(?:中心|基地)|(?:超级)?工厂|总部")
#: Part-of-speech tags of common words (nouns, verbal nouns, verbs, adjectives, distinguishing words, locatives):
#: a word tagged otherwise, or unknown to the dictionary, is a proper name (a place, a firm).
COMMON_TAGS = frozenset(("n", "vn", "v", "a", "an", "b", "f", "d", "ad", "l"))
MIN_FIELD_LIST = 2
#: A count in digits or words before a list's kind (等13个项目, 等两个项目).
COUNTED_KIND = re.compile(r"[\d一二两三四五六七八九十百]+[个项家座批]")
LIST_SPLIT = re.compile(r"、")
#: What joins two names in one list item (甲乙高铁和丙丁城际铁路): each of at least three characters.
JOINED_PAIR = re.compile(r"(?<=[\u4e00-\u9fff”]{3})(?:和|以及|及|与)(?=[\u4e00-\u9fff“]{3})")
#: A quoted slogan counting policies (“两重”, “两新”, “三去一降一补”) names a policy, not a project.
SLOGAN = re.compile(r"“(?:[一二两三四五六七八九十百千万]+[\u4e00-\u9fff]{1,2})+”")
LEADING_VERBS = re.compile(r"(?:[\u4e00-\u9fff]{0,4}?(?:新建|建成开放|建成|推动|推进|加快|实施|引进|落地|开工建设|开工|"
                           r"谋划|启动|完成|打造|建设|提速|续建|做好|加强))+")

#: Stage words (data: graph/data/stage_verbs.txt).
STAGE_WORDS = word_table("stage_verbs")
#: A rail line named by a place rather than a number (轨道交通平谷线, 地铁燕房线; numbered lines end in the head 号线).
NAMED_LINE = re.compile(LINE_KIND + r"[\u4e00-\u9fff]{2,3}线")
#: A predicate reporting its subject built, opened or started (data: graph/data/staged_predicates.txt).
_STAGED_PREDICATES = word_table("staged_predicates")
STAGED_PREDICATE = alternation(_STAGED_PREDICATES["any"] + _STAGED_PREDICATES["headed"])
#: (An adverb and) the predicate reporting what precedes built, opened or started (…全面建成通车).
_STAGE_ADVERB = r"(?:" + "|".join(word_list("stage_adverbs")) + r")?"
STAGED_AFTER = re.compile(_STAGE_ADVERB + STAGED_PREDICATE)
#: Predicates that make a project only of a subject ending in a head, or in 中心 (甲乙项目投产, 丙丁研发中心投运; not
#: 电子证照启用).
HEADED_PREDICATE = re.compile(_STAGE_ADVERB + alternation(_STAGED_PREDICATES["headed"]))
FACILITY_ENDS = _BARE_HEAD_ENDS + ("中心",)
#: A clause that reports its subject built, opened or started: the subject, (an adverb), the predicate, the clause's
#: end.
STAGED_SUBJECT = re.compile(r"(?<=[，。；：\n])(?P<subject>[^，。；：\n]{2,40}?)(?P<predicate>" + STAGED_AFTER.pattern
                            + r")(?=[，。；])")
#: What opens a clause before its subject: a time, or a verb of making happen (实现甲乙高速建成通车).
SUBJECT_LEAD = re.compile(r"(?:" + CLAUSE_OPENER + r"|实现|推动|推进|确保|力争)+")
SUBJECT_ITEM = re.compile(r"[^、]+")
#: Two characters are too few to tell a name from a place or an adverb (西宁, 尽早).
MIN_STAGED, MAX_STAGED = 3, 16
#: Nouns that must open a staged name holding a verb (see `_headed_compound`).
MIN_COMPOUND_NOUNS = 2
#: The words of each stage; not after 主体: a main structure done (主体完工) is work going on (the accelerate words).
COMPLETED, START, ACCELERATE, PLAN, EARLY_WORK = (re.compile("(?<!主体)(?:" + "|".join(STAGE_WORDS[stage]) + ")")
                                                  for stage in ("completed", "start", "accelerate", "plan", "early"))
#: What follows a district (or a functional area) as the subject of its clause: a modal (西青区要…), a verb of focus
#: (丁县依托…做强…; 发展 only after an adverb: 丙县重点发展…, not the noun in 甲区发展基础…), or a verb of building, an
#: adverb before it (甲区建成…, 乙区重点推进…; not the noun 建成区).
_SUBJECT_ADVERB = "(?:重点|" + "|".join(ADVERB_PREFIXES) + ")"
DISTRICT_SUBJECT = re.compile(r"(?:要|将|应|需|聚焦|依托|做强|做优|" + _SUBJECT_ADVERB + r"发展(?=[\u4e00-\u9fff“])|"
                              + _SUBJECT_ADVERB + r"?(?:建成(?!区)|开工|启动|推进|打造|"
                              r"建设(?=[\u4e00-\u9fff“])(?!取得|用地|成效|步伐|进展|水平|力度|加快|稳步|全面|持续)))")
#: …and a functional area's: a modal, a verb of focus or of building work going on (甲乙高新区要…, 甲乙高新区重点发展…,
#: 甲乙开发区加快建设…; not 甲乙片区建成开放: a project reported done).
AREA_SUBJECT = re.compile(r"要|将|应|需|聚焦|依托|做强|做优|" + _SUBJECT_ADVERB + r"发展(?=[\u4e00-\u9fff“])|"
                          + _SUBJECT_ADVERB + r"?(?:推进|打造|开工|新建|建设(?=[\u4e00-\u9fff“]))")
#: Verbs, with their adverbs, making the district right after them the subject of the clause they govern (支持甲区
#: 打造…, 大力推动乙区建设…).
CAUSATIVE_LEAD = re.compile(r"(?:^|[，；：。])[\u4e00-\u9fff]{0,4}?(?:推动|支持|鼓励|引导|指导)$")
CLAUSE_MARKS = "，；：。"
#: A clause opening with a place of its own told what to do (开发区要…, 各县要…; not 同时要…).
OWN_SUBJECT = re.compile(r"(?![全本我])[\u4e00-\u9fff]{0,8}?(?:区|县|市|园|城|港|镇|乡|街道)(?:要|将)")  # not 全区要: the same


@dataclass(frozen=True)
class ProjectFact:
    name: str
    stage: str  # completed | complete | start | accelerate | plan | operate
    period: str
    district: str | None  # official district name when the text ties the project to one
    start: int  # evidence: the name in its sentence
    end: int
    sentence: int
    counted: bool = False  # written after a count (6家海河实验室): the name stands for a family of projects


#: A level of government opening a name makes it a category of things at that level (国家公园, 省内定点医院,
#: 乡镇（街道）养老服务中心): counted (培育10个省级品牌消费集聚区), it is no family of projects but a kind.
LEVEL_OPENING = re.compile(r"(?:国家|省|市|县|区)级|省内|全国|国家|省(?!域)|乡镇|街道|社区")  # 省域: an area, no level
#: …and the reach of a title, which may be the world's (申报世界地质公园).
TITLE_LEVEL = re.compile(LEVEL_OPENING.pattern + "|世界|全球")


def extract_projects(doc: Document) -> list[ProjectFact]:
    """All project mentions (computed once per document: programmes and relations reuse them)."""
    if doc.found.projects is not None:
        return doc.found.projects
    facts = []
    for sentence in doc.sentences:
        spans = _name_spans(doc.text, sentence)
        for start, end in spans:
            fact = _of_the_lists_kind(doc, _project(doc, sentence, start, end))
            if (GENERIC_NAME.fullmatch(fact.name) or COUNT_ONLY.fullmatch(fact.name) or _is_a_kind_or_role(doc, fact)
                    or (fact.counted and LEVEL_OPENING.match(fact.name))
                    or (TITLE_VERB.search(doc.text, sentence.start, fact.start) and TITLE_LEVEL.match(fact.name))
                    or (SECTOR_KIND_NAME.fullmatch(fact.name) and not fact.district)
                    or GROWTH_AFTER.match(doc.text, fact.end) or STATE_AFTER.match(doc.text, fact.end)
                    or TOPIC_AFTER.match(doc.text, fact.end) or _a_counted_kind(fact.name)
                    or _a_classed_kind(fact.name)
                    or _a_common_word(doc, fact) or _unnumbered(fact.name)):
                continue  # a bare head (849座公园 → 公园), a count, a category (县级医院, 十大数据中心), a title, a role,
                # a speed, a topic, a place whose water is described, a common word (宅基地) or a kind of line (服务热线)
                # names no project
            facts += _sharing_the_head(doc, sentence, fact, spans) + _quoted_series(fact)
            facts += _coordinated_kin(doc, sentence, fact, spans)
    doc.found.projects = facts = _lines_of_the_kind_before(doc.text, _without_extended_items(facts))
    return facts


#: A rail line named by its number, after the kind of line it is (轨道交通6号线, 地铁7号线; kind: none for 7号线).
NUMBERED_LINE = re.compile(r"(?P<kind>[\u4e00-\u9fff]*?)[0-9A-Za-z]+号线")


def _lines_of_the_kind_before(text: str, facts: list[ProjectFact]) -> list[ProjectFact]:
    """A line named by its number alone takes the kind of the line listed right before it: 轨道交通6号线一期、7号线一期
    → 轨道交通7号线一期."""
    out: list[ProjectFact] = []
    for fact in facts:
        before = NUMBERED_LINE.match(out[-1].name) if out and text[out[-1].end:fact.start] in ("、", "和", "及") else None
        bare = NUMBERED_LINE.match(fact.name)
        if before and before["kind"] and bare and not bare["kind"]:
            fact = replace(fact, name=before["kind"] + fact.name)
        out.append(fact)
    return out


def _a_counted_kind(name: str) -> bool:
    """A count of a kind opening the name as words of their own (九大|专业园区, 三|大|科学城) or before a kind
    (十大数据中心), not the opening of a name of its own (五大连池|风景区, 八大处|公园, 五|大道…).

    >>> [_a_counted_kind(n) for n in ("九大专业园区", "十大数据中心", "五大连池风景区", "三大件产业园")]
    [True, True, False, False]
    """
    counted = COUNTED_CATEGORY.fullmatch(name)
    if counted is None:
        return False
    tokens = [w for w in cut(name) if w not in LEVEL_WORDS]
    words_of_their_own = COUNT_WORD.fullmatch(tokens[0]) is not None or (len(tokens) > 1 and tokens[1] == "大")
    return words_of_their_own or SECTOR_KIND_NAME.fullmatch(counted["kind"]) is not None


def _a_classed_kind(name: str) -> bool:
    """A class and a kind, with no name of its own: 220千伏变电站, 10万吨级码头 (not 甲乙500千伏变电站).

    >>> _a_classed_kind("220千伏变电站"), _a_classed_kind("甲乙500千伏变电站")
    (True, False)
    """
    classed = CLASS_OPENING.match(name)
    return classed is not None and SECTOR_KIND_NAME.fullmatch(name, classed.end()) is not None


#: A class opening a name: a number and its unit or 级 (220千伏, 10万吨级, 5A级).
CLASS_OPENING = re.compile(r"[0-9０-９.]+(?:万|亿)?(?:千伏|千瓦|吨级|吨|级|米级|A级)")
#: A count of a kind as one word (九大, 十大), and the level words that may come before it (国家八大…).
COUNT_WORD = re.compile(r"[一二三四五六七八九十两]+大")
LEVEL_WORDS = frozenset(("国家", "全国", "全省", "省", "市"))


def _without_extended_items(facts: list[ProjectFact]) -> list[ProjectFact]:
    """The facts less an item found whole that a name after it extends (甲乙机场 of 甲乙机场、丙丁机场改扩建工程, see
    `_sharing_the_head`): the project is 甲乙机场改扩建工程."""
    names_at: dict[int, list[str]] = {}
    for f in facts:
        names_at.setdefault(f.start, []).append(f.name)
    return [f for f in facts if not any(n != f.name and n.startswith(f.name) for n in names_at[f.start])]


#: The end of a list of projects of one kind after an item: (、B、C)等重点整车项目 (modifiers: data:
#: graph/data/project_list_modifiers.txt).
_LIST_MODIFIER = alternation(word_list("project_list_modifiers"))
LIST_KIND_END = re.compile(r"(?:、[^，。；、]{1,24})*等(?:(?:\d+|[一二三四五六七八九十百两]+)[个项大])?(?:" + _LIST_MODIFIER
                           + r")*(?!" + COUNTED_KIND.pattern + r")(?P<kind>[\u4e00-\u9fff]{2,6}?)项目")
MAX_BARE_ITEM = 10
_OWN_HEADS = PROJECT_HEADS + ("工程", "项目")  # an item ending so has a head of its own


def _of_the_lists_kind(doc: Document, fact: ProjectFact) -> ProjectFact:
    """An item with no head of its own in a list of projects of one kind is a project of that kind:
    甲乙、丙丁等重点整车项目 → 甲乙整车项目 (evidence: the item); an item with a head (甲乙高速) keeps its name."""
    name = fact.name
    if len(name) > MAX_BARE_ITEM or name.endswith(_OWN_HEADS) or re.search(r"\d", name):
        return fact
    m = LIST_KIND_END.match(doc.text, fact.end)
    if m is None or re.search(_LIST_MODIFIER, m["kind"]):
        return fact
    return replace(fact, name=name + m["kind"] + "项目")


NUMBERED_HEADS = tuple(word_list("numbered_heads"))  # data: graph/data/numbered_heads.txt
LINE_NUMBER = re.compile(r"\d{3,}")


def _unnumbered(name: str) -> bool:
    """A name with a head that names one thing only with its number, but no number (心理援助服务热线, not 12399甲乙服务热线)."""
    return name.endswith(NUMBERED_HEADS) and LINE_NUMBER.search(name) is None


def _a_common_word(doc: Document, fact: ProjectFact) -> bool:
    """The name ends in a common word that holds a head (农村宅基地) or runs on into one (高校区|域 → 区域)."""
    return fact.name.endswith(HEAD_WORD_TRAPS) or suffix_runs_on(doc.text, fact.end)


def _is_a_kind_or_role(doc: Document, fact: ProjectFact) -> bool:
    """The kind of the items before 等 (A、B等专业化园区), the topic of a pilot, a reform or a campaign (甲乙示范区建设试点,
    公立医院改革, 平安医院建设) or a role the region takes on (国际消费枢纽)."""
    if AFTER_ETC.search(doc.text, max(0, fact.start - 3), fact.start) or PILOT_AFTER.match(doc.text, fact.end):
        return True
    if AFTER_VAGUE_COUNT.search(doc.text, doc.clause_at(fact.start).start, fact.start) and not STAGED_AFTER.match(
            doc.text, fact.end):
        return True  # 新开工一批重大项目、甲乙大桥建成通车: the bridge is a subject of its own
    if fact.name.startswith(CAMPAIGN_ONLY):
        return True
    role = ROLE_NAME.fullmatch(fact.name)
    return role is not None and (not role["lead"] or _names_the_region(doc, role["lead"]))


def _sharing_the_head(doc: Document, sentence: Sentence, fact: ProjectFact,
                      names: list[tuple[int, int]]) -> list[ProjectFact]:
    """The items listed before a name that share its end: 铜锣峡、黄草峡储气库 → 铜锣峡储气库, 甲县、乙县物流枢纽 →
    甲县物流枢纽, 甲空港型、乙生产型物流枢纽 → 甲空港型物流枢纽, 甲机场、乙机场改扩建工程 → 甲机场改扩建工程 (evidence:
    the list from the item to the name's end; see `_shared_end`). An item is not the end of another name (`names`:
    the sentence's name spans; 甲乙高铁丙丁段、某某大桥 has no item 丙丁段); its district is its own (甲县, not the 乙县
    of the name)."""
    head = next((h for h in _HEADS_LONGEST_FIRST if fact.name.endswith(h) and len(fact.name) > len(h)), None)
    text, out, end = doc.text, [], fact.start
    while head and end - 1 > sentence.start and text[end - 1] == "、":
        start = grow_backwards(text, sentence.start, end - 1)
        spanned = [(s, e) for s, e in names if s < end - 1 <= e]
        if spanned == [(start, end - 1)]:  # a name of its own: only a name ending in the same word extends it
            shared = _tail_after_shared_word(text[start:end - 1], fact.name, head)
        else:
            shared = None if spanned else _shared_end(doc, start, end - 1, fact, head)
        if shared is None:
            break
        out.insert(0, replace(fact, name=text[start:end - 1] + shared, start=start,
                              district=_district(doc, sentence, start, end - 1)))
        end = start
    return out


#: What ends a short item that names a zone or a park of its own, not a name to share a head with.
PLACE_ENDINGS = ("区", "园", "城", "港", "带", "廊")


def _shared_end(doc: Document, start: int, end: int, fact: ProjectFact, head: str) -> str | None:
    """What the item text[start:end], listed before `fact`, takes from its name: what follows the place that
    opens the name, for an item that is a place (甲县 before 乙县物流枢纽 → 物流枢纽); the head (or heads: 水库灌区),
    for a short item with no head of its own and no verb at its end (铜锣峡 before 黄草峡储气库 → 储气库); what
    follows the word the item ends with where the name's opening part ends with it too, for a longer item (甲空港型
    before 乙生产型物流枢纽 → 物流枢纽, 甲乙机场 before 丙丁机场改扩建工程 → 改扩建工程, 甲乙站 before 丙丁站配套交通
    枢纽 → 配套交通枢纽). None when the item shares nothing (甲高铁 before 乙大桥)."""
    item, name = doc.text[start:end], fact.name
    if (not _CJK.fullmatch(item) or len(item) > MAX_PARALLEL_ITEM or SECTOR_ITEM.fullmatch(item)
            or _ends_in_a_phase(item)):
        return None  # 数据、充换电站: a field (data) listed with a kind, no 数据电站; 甲乙垸一期: a project whole
    if inner := _list_count_inside(doc, fact.start, fact.end):
        return doc.text[inner.end():fact.end]  # 甲乙、丙丁两座抽水蓄能电站: 甲乙抽水蓄能电站
    place_end = _opening_place_end(doc, fact.start, fact.end)
    if (place_end is not None and place_end < fact.end and _opening_place_end(doc, start, end) == end
            and name == doc.text[fact.start:fact.end]):
        return name[place_end - fact.start:]
    if (tail := _tail_after_shared_word(item, name, head)) is not None:
        return tail
    if (len(item) <= MAX_SHORT_ITEM and not item.endswith(PROJECT_HEADS + PLACE_ENDINGS)
            and not _a_deed_before(item, name[:-len(head)])):
        # not 试验区 before 丙丁示范区: a zone of its own; not 增效 (提质增效) before 甲乙实验室: a deed
        shared = _stacked_heads(name, head)
        said = next((w for w in SHARED_LEVEL_WORDS if shared.startswith(w) and item.endswith(w)), "")
        return shared[len(said):]  # 甲乙省、丙丁省实验室: the item says its level itself
    return None


#: A level of government inside a name opens the kind its items share: 甲乙国家文化公园 → 国家文化公园; 省 only right
#: before the heads (甲乙省实验室: `$` is the end of the search).
SHARED_LEVEL_WORDS = ("国家级", "省级", "市级", "国家", "省")
SHARED_LEVEL = re.compile("|".join(w for w in SHARED_LEVEL_WORDS if w != "省") + "|省$")
#: …after the name's own words, at least this long (丙丁 of 丙丁国家文化公园).
MIN_OWN_WORDS = 2


def _stacked_heads(name: str, head: str) -> str:
    """The heads ending a name one after another, the last one `head`, from a level of government before them
    when the name has one after its own words: 甲乙水库灌区 → 水库灌区 (丙丁 before it is 丙丁水库灌区, the works of a
    reservoir as the name's are); 甲乙国家森林公园 → 国家森林公园, 甲乙省实验室 → 省实验室."""
    end = len(name) - len(head)
    while (before := next((h for h in _HEADS_LONGEST_FIRST if name.endswith(h, 0, end) and end > len(h)), None)):
        end -= len(before)
    level = SHARED_LEVEL.search(name, MIN_OWN_WORDS, end)
    return name[level.start() if level else end:]


def _ends_in_a_phase(item: str) -> bool:
    """甲乙垸一期 → True: a phase closes a project's name, so the item needs no head from the next one."""
    return any(m.end() == len(item) for m in PHASE.finditer(item))


def _a_deed_before(item: str, name_before_head: str) -> bool:
    """增效 (of 提质增效) before 甲乙实验室 → True: the item ends in a verb saying what is done (to the name before it),
    it names nothing; not 莱临 (a place and a character), not 新型显示 (a field: a verb after a word of kind such as
    新型 is a noun), not 甲乙种植 before 丙丁冶炼基地 (the name's own words end in a verb too: parallel items)."""
    tokens, tags = cut(item), word_tags()
    own = cut(name_before_head)
    return (bool(tokens) and len(tokens[-1]) > 1 and tags.get(tokens[-1], "") == "v"
            and not (len(tokens) > 1 and tags.get(tokens[0], "") == "b")
            and not (own and tags.get(own[-1], "") == "v"))


def _tail_after_shared_word(item: str, name: str, head: str) -> str | None:
    """What follows, in `name`, the word `item` ends with (a head, a station, a word of kind; see `PARALLEL_END`)
    when the name's opening part ends with it too: 甲乙机场 before 丙丁机场改扩建工程 → 改扩建工程."""
    word = next((h for h in _HEADS_LONGEST_FIRST if item.endswith(h)), None)
    if word is None and (m := PARALLEL_END.search(item)):
        word = m.group()
    cut = name.find(word, 1) + len(word) if word else 0
    tail = name[cut:]
    if cut <= len(word or "") or len(tail) < len(head) or tail in PROJECT_TAILS or PHASE.match(tail) \
            or PART_TAIL.search(tail):
        return None  # 甲乙机场、丙丁机场二期, 甲医院、乙医院东院区: a part that may be the last item's only
    return tail


def _opening_place_end(doc: Document, start: int, end: int) -> int | None:
    """The end of the division named at `start` (甲县 of 甲县物流枢纽), if one is named there before `end`."""
    return next((m.end for m in district_mentions(doc, start, end) if m.start == start), None)


def _coordinated_kin(doc: Document, sentence: Sentence, fact: ProjectFact,
                     names: list[tuple[int, int]]) -> list[ProjectFact]:
    """A name joined to a project by 和/及 and ending in the same word is one of its kind (甲乙医学中心和丙丁公共卫生
    中心 → 丙丁公共卫生中心), when no other name is found there."""
    text, start = doc.text, fact.end + 1
    if not text.startswith(("和", "及"), fact.end) or any(s <= start < e for s, e in names):
        return []
    m = KIN.match(text, start, min(sentence.end, start + MAX_KIN))
    if m is None or not m.group().endswith(fact.name[-2:]) or m.group().startswith(KIND_WORDS):
        return []  # 国家医学中心和区域医疗中心: a kind
    return [_project(doc, sentence, start, m.end())]


def _quoted_series(fact: ProjectFact) -> list[ProjectFact]:
    """A name ending in a series of quoted names is one project per quote, each with the words before the series:
    甲乙“氢走廊”“电走廊” → 甲乙氢走廊, 甲乙电走廊 (evidence: each quote)."""
    series = QUOTED_SERIES.search(fact.name)
    if series is None:
        return [fact]
    prefix, offset = fact.name[:series.start()], fact.start
    return [replace(fact, name=prefix + m.group(1), start=offset + m.start(1), end=offset + m.end(1))
            for m in QUOTE.finditer(fact.name, series.start())]


def project_spans_by_sentence(doc: Document) -> dict[int, list[tuple[int, int]]]:
    """sentence index → spans of the project names in it (computed once per document)."""
    if doc.found.project_spans is None:
        spans: dict[int, list[tuple[int, int]]] = {}
        for p in extract_projects(doc):
            spans.setdefault(p.sentence, []).extend(_name_parts(doc.text, p))
        doc.found.project_spans = spans
    return doc.found.project_spans


def _name_parts(text: str, p: ProjectFact) -> list[tuple[int, int]]:
    """The spans of a project's name in its evidence: all of it, or the parts around a measure the name leaves out
    (甲乙|80公里|绿道: the length is an observation, not the name)."""
    measure = MEASURE.search(text, p.start, p.end)
    if measure is None or p.name == text[p.start:p.end]:
        return [(p.start, p.end)]
    return [(p.start, measure.start()), (measure.end(), p.end)]


def _name_spans(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    spans = set(_HEAD_FINDER.find(text, sentence.start, sentence.end))
    for m in PHASE.finditer(text, sentence.start, sentence.end):
        start = grow_backwards(text, sentence.start, m.start())
        end = m.end() + (text.startswith("）", m.end()) and text.count("（", start, m.end()) > 0)  # 保税区（一期）
        if m.start() - start >= MIN_PHASED_BASE:
            spans.add((start, end))
    spans.update(_staged_subjects(text, sentence))
    spans.update(m.span() for m in NAMED_LINE.finditer(text, sentence.start, sentence.end))
    if text.find("等", sentence.start, sentence.end) >= 0:  # the list pattern is slow: only where a list can close
        for m in PROJECT_LIST.finditer(text, sentence.start, sentence.end):
            earlier = [e.end() for e in LIST_ETC_MARK.finditer(text, m.start("items"), m.end("items"))]
            # 在甲、乙等区域开展丙丁等项目监测: the list ends at the last 等 before its own
            start = max([m.start("items")] + earlier)
            items = _list_items(text, start, m.end("items"))
            if m.group().endswith("线"):  # 甲乙线、9号线西延伸等轨道交通线: lines only (not 市区、郊区等地铁线)
                items = [(a, b) for a, b in items if "线" in text[a:b]]
            if m["facility"]:  # 甲校、乙校等15所学校: names only (not 改扩建幼儿园、中小学等学校50所: kinds)
                items = [(a, b) for a, b in items if not FACILITY_KIND_ITEM.fullmatch(text, a, b)]
            if not _lists_fields(text, items + _verbal_first_item(text, start, m.end("items")),
                                 text[m.end("items"):m.end()]):
                spans.update(items)
    return [sp for sp in _drop_nested(sorted(spans)) if not _quote_fragment(text, sentence.start, *sp)
            and text[sp[0]:sp[1]].strip("“”") not in STANDALONE_AREAS and not _counted_kind(text, sp[1])
            and not SELECTION_VERB.search(text, max(sentence.start, sp[0] - 4), sp[0])]


def _lists_fields(text: str, items: list[tuple[int, int]], kind: str) -> bool:
    """An uncounted list of projects whose items are all common words (but one, in a long list) lists fields of work
    (扩能、垃圾焚烧发电等项目), not projects; one naming a place or a proper name (徐大堡核电、华电铁岭绿色氨醇等能源
    项目) or counted (甲乙、丙丁等13个项目) lists projects."""
    if COUNTED_KIND.search(kind) or len(items) < MIN_FIELD_LIST:
        return False  # one item may be a firm's name made of common words (大连新达盟等重大外资项目)
    proper = [text[s:e] for s, e in items if not _of_common_words(text[s:e])]
    return not proper or (len(items) >= MIN_LONG_FIELD_LIST and len(proper) == 1
                          and _of_common_words(proper[0], PLACE_TAGS))  # 江河湖泊治理: a common word tagged ns


def _of_common_words(item: str, also: frozenset[str] = frozenset()) -> bool:
    """垃圾焚烧发电 → True; 徐大堡核电 → False (a lone character is a word jieba lacks, 大堡 a place); with `also`
    tags (PLACE_TAGS), words of those tags count as common too (江河湖泊治理)."""
    tags, common = word_tags(), COMMON_TAGS | also
    return all(len(token) > 1 and tags.get(token, "")[:2] in common for token in cut(item))


#: A list this long with one item naming a place among common words, and by a word jieba tags a place only, still
#: lists fields (引水调水、骨干水源、江河湖泊治理、高效节水灌溉等重点项目: jieba tags 江河湖泊 a place name).
MIN_LONG_FIELD_LIST = 4
PLACE_TAGS = frozenset(("ns",))


#: A time between a staged subject and its predicate (甲乙馆年底开馆, 丙丁桥6月底前通车).
SUBJECT_TIME = re.compile(r"(?:年底|年内|年末|年中|上半年|下半年|(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:底|份)?)前?$")


def _staged_subjects(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """Names, with or without a head word, that a clause reports built, opened or started: 甲乙路建成通车,
    丙丁坛、戊己宫向社会开放 (each item of the subject; see `STAGED_SUBJECT`)."""
    spans = []
    for m in STAGED_SUBJECT.finditer(text, sentence.start, sentence.end):
        s, e = m.span("subject")
        if lead := SUBJECT_LEAD.match(text, s, e):
            s = lead.end()
        if (etc := LIST_ETC_MARK.search(text, s, e)) is not None:
            if etc.end() < e:
                continue  # 甲、乙等9个科创园 / 甲乙等重大项目: a list of a kind, read by the list rules
            e = etc.start()
        if time := SUBJECT_TIME.search(text[s:e]):
            e = s + time.start()  # 甲乙馆年底开馆: the time is not the name's
        items = [(s + i.start(), s + i.end()) for i in SUBJECT_ITEM.finditer(text[s:e])]
        headed = HEADED_PREDICATE.fullmatch(m["predicate"]) is not None
        if all(_a_staged_name(text[a:b]) and not (headed and not text[a:b].endswith(FACILITY_ENDS))
               for a, b in items):
            spans += items
    return spans


#: A phase in brackets closing a name (甲乙项目（一期）).
BRACKETED_PHASE = re.compile(r"（" + PHASE.pattern + r"）$")


def _a_staged_name(name: str) -> bool:
    core = BRACKETED_PHASE.sub("", name)  # 甲乙项目（一期）竣工投产: the name is judged without its phase
    return (MIN_STAGED <= len(name) <= MAX_STAGED and (is_name_like(core) or _headed_compound(core))
            and not COUNT_PREFIX.match(name) and not GENERIC_NAME.fullmatch(name) and name not in STANDALONE_AREAS)


def _headed_compound(name: str) -> bool:
    """A name ending in a head may hold verbs after two or more nouns (甲乙遗址保护展示工程, 辽河干流防洪提升主体工程):
    a compound, not a clause (统筹重大产业项目, 新开工一批重大项目)."""
    if not name.endswith(_BARE_HEAD_ENDS):
        return False
    tags = [word_tags().get(token, "") for token in cut(name, hmm=True)]
    first_verb = next((i for i, tag in enumerate(tags) if tag.startswith("v")), len(tags))
    nouns = all(tag[:1] in ("n", "j", "") for tag in tags[:first_verb])  # no tag: a word jieba lacks (张江); j: an
    # abbreviation (一拖)
    return first_verb >= MIN_COMPOUND_NOUNS and nouns and not any(tag[:1] in "mdpcur" for tag in tags if tag)


def _counted_kind(text: str, end: int) -> bool:
    """A name followed by its count names a kind (口袋公园50个), unless the count is of a kind named after it: the
    last item of a counted list (甲机场、乙机场2个国际机场) or what the name holds (甲乙科学中心29个科技设施)."""
    return COUNTED_AFTER.match(text, end) is not None and LIST_COUNT.match(text, end) is None


def _quote_fragment(text: str, floor: int, start: int, end: int) -> bool:
    """Part of a quoted slogan (“一基地三区”功能定位) rather than a name: the quote opens before the name
    and closes inside or after it without the name being the whole quote."""
    opened = text.count("“", floor, start) > text.count("”", floor, start)
    if not opened:
        return text.count("“", start, end) != text.count("”", start, end) and not text.startswith("”", end - 1)
    whole_quote = text.startswith("“", start - 1) and text.startswith("”", end)
    return not whole_quote


def _verbal_first_item(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The first item of a list, after its last leading verb, when it ends in a word that ends names (推进治污能力提升、
    甲乙等项目): no name (`_list_items` leaves it out), but a field of work the list may list (see `_lists_fields`)."""
    first_end = text.find("、", start, end)
    if first_end < 0 or grow_backwards(text, start, first_end) < first_end:
        return []
    lead_end = max((verb.end() for verb in LEADING_VERBS.finditer(text, start, first_end)), default=start)
    return [(lead_end, first_end)] if first_end - lead_end >= 2 else []


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of A、B、C (leading verbs of the first one left out)."""
    items = []
    bounds = [start] + [m.end() for m in LIST_SPLIT.finditer(text, start, end)]
    ends = [m.start() for m in LIST_SPLIT.finditer(text, start, end)] + [end]
    for s, e in zip(bounds, ends):
        if s == start and text[(grown := grow_backwards(text, s, e)):e] not in BARE_HEADS:
            s = grown
        verb = LEADING_VERBS.match(text, s, e)
        s = verb.end() if verb else s
        if 2 <= e - s <= 24 and not SECTOR_ITEM.fullmatch(text, s, e) and not SLOGAN.fullmatch(text, s, e):
            items += _headed_pair(text, s, e)
    return items if len(items) >= 1 and all(text[s:e].strip() for s, e in items) else []


def _headed_pair(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An item that joins two headed names is two items (甲乙创新中心和丙丁基地); one whose first part has no head of its
    own (甲乙和丙丁产业园) is one.

    >>> t = "甲乙高铁和丙丁城际铁路"; [t[s:e] for s, e in _headed_pair(t, 0, len(t))]
    ['甲乙高铁', '丙丁城际铁路']
    """
    join = JOINED_PAIR.search(text, start, end)
    if join is None or not (text.endswith(_BARE_HEAD_ENDS, start, join.start())
                            and text.endswith(_BARE_HEAD_ENDS, join.end(), end)):
        return [(start, end)]
    return [(start, join.start()), (join.end(), end)]


def _drop_nested(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for s, e in sorted(spans, key=lambda x: (x[0], -x[1])):
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e))
    return kept


def _list_count_inside(doc: Document, start: int, end: int) -> re.Match | None:
    """The count of a list inside its last name text[start:end], when it may count the list's items: 两座 of 甲乙、
    丙丁两座水电站; not 五大 of 镜泊湖、黑河五大连池 (more than the clause lists: a name's own words)."""
    inner = LIST_COUNT_INSIDE.search(doc.text, start + 2, end)
    listed = doc.text.count("、", doc.clause_at(start).start, start) + 1
    return inner if inner is not None and parse_number(inner["count"]) <= listed else None


def _project(doc: Document, sentence: Sentence, start: int, end: int) -> ProjectFact:
    text = doc.text
    counted, name = False, None
    if text.startswith("、", start - 1) and (inner := _list_count_inside(doc, start, end)):
        name = text[start:inner.start()] + text[inner.end():end]  # 甲乙、丙丁两座水电站: 丙丁水电站
    elif (count := COUNT_PREFIX.match(text, start, end)) is not None and end - count.end() >= 2:
        start, counted = count.end(), True
    if (measure := MEASURE.search(text, start, end)) is not None and end - measure.end() >= 2:
        lead = text[start:measure.start()]
        if len(lead) >= 2 and is_name_like(lead):
            name = lead + text[measure.end():end]  # evidence: the whole span, measure included
        else:
            start = measure.end()
    start += text.startswith("“", start) and text.count("“", start, end) > text.count("”", start, end)
    if text.startswith("“", start) and text.endswith("”", start, end) and text.count("“", start, end) == 1:
        start, end = start + 1, end - 1  # “口袋公园” is the project 口袋公园
    start = _after_a_descriptor(text, start, end)
    name = name or text[start:end]
    if text.startswith("、", start - 1):
        name = _without_list_etc(name)  # 合湛、黄百等铁路
    return ProjectFact(name=name, stage=stage_of(doc, sentence, start, end),
                       period=period_of(doc, sentence, start), district=_district(doc, sentence, start, end),
                       start=start, end=end, sentence=sentence.index, counted=counted)


def _after_a_descriptor(text: str, start: int, end: int) -> int:
    """Where the proper name starts after a descriptor in apposition, made of common words and ending in the name's
    own head as a word of its own: 专业物流机场鹤州机场 → 鹤州机场. A descriptor holding a proper name is part of the
    name, as is a hospital's name the dictionary knows as one word before its branch's (X医院Y医院): both stay whole.

    >>> text = "专业物流机场鹤州机场"
    >>> text[_after_a_descriptor(text, 0, len(text)):]
    '鹤州机场'
    """
    name = text[start:end]
    head = next((h for h in _HEADS_LONGEST_FIRST if name.endswith(h)), "")
    cut_at = name.rfind(head, 0, len(name) - len(head)) + len(head) if head else 0
    proper = name[cut_at:len(name) - len(head)]
    descriptor = name[:cut_at]
    if (cut_at > len(head) and len(proper) >= 2 and cut(descriptor)[-1] == head and _of_common_words(descriptor)
            and not _of_common_words(proper)):
        return start + cut_at
    return start


def _without_list_etc(name: str) -> str:
    """黄百等铁路 (of 合湛、黄百等铁路, where jieba reads 黄百等 as one word) → 黄百铁路: the last item of a list with
    the head the items share; 甲乙高等研究院 keeps its 高等 (and a name not after a list, 三级甲等医院, its 等)."""
    head = next((h for h in _HEADS_LONGEST_FIRST if name.endswith(h) and len(name) > len(h) + 1), None)
    if head and LIST_ETC_MARK.match(name, len(name) - len(head) - 1):
        return name[:-len(head) - 1] + head
    return name


MAX_STAGE_GAP = 2  # 开工|建设|甲乙: the words a stage verb may stand from the name it stages


def stage_of(doc: Document, sentence: Sentence, start: int, end: int) -> str:
    """The stage the clause around text[start:end] gives the project (see the module docstring)."""
    text = doc.text
    before = text[doc.clause_at(start).start:start]
    after = _after_list(text, end, sentence.end)
    done = "completed" if status_of(doc, sentence) == "actual" else "complete"
    if EARLY_WORK.search(after):
        return "plan"
    for pattern, stage in ((COMPLETED, done), (START, "start")):
        if pattern.search(after):
            return stage
    staged = max([(m.end(), stage) for pattern, stage in ((START, "start"), (COMPLETED, done))
                  for m in pattern.finditer(before)], default=None)
    sped = max((m.end() for m in ACCELERATE.finditer(before)), default=None)
    if ACCELERATE.search(after):
        return "accelerate"
    if sped is not None:
        # a start or an end right before the name, after the verb of speed, is its stage: 推动建成甲乙高速, 推动开工建设
        # 甲乙 (not a word inside an earlier list item: 推进甲乙开放试验区、丙丁示范区)
        right_before = staged and staged[0] > sped and len(before) - staged[0] <= MAX_STAGE_GAP
        return staged[1] if right_before else "accelerate"
    if PLAN.search(before) or PLAN.search(after):
        return "plan"
    return staged[1] if staged else "operate"


def _after_list(text: str, end: int, ceiling: int) -> str:
    """The rest of the clause after a name: its list mates and the verb they share (、B等项目投产)."""
    m = re.compile(r"[^，。；：]*").match(text, end, ceiling)
    return m.group() if m else ""


def _district(doc: Document, sentence: Sentence, start: int, end: int) -> str | None:
    """The district a project's name places it in (宝坻京津中关村科技城, 北京朝阳站, 友谊医院顺义院区), else the
    district the sentence is addressed to."""
    for mention in district_mentions(doc, start, end):
        lead = doc.text[start:mention.start]
        if not lead or _names_the_region(doc, lead) or _names_a_branch(doc, mention, end):
            return mention.division.name
    # a kind a division is told to build is its focus, not its project (see SECTOR_KIND_NAME)
    return subject_district(doc, sentence, start, told=not SECTOR_KIND_NAME.fullmatch(doc.text[start:end]))


def branch_district(doc: Document, start: int, end: int) -> str | None:
    """The district a branch named text[start:end] is in, from the name (某医院顺义院区 → 顺义区), if it is one."""
    return next((m.division.name for m in district_mentions(doc, start + 1, end) if _names_a_branch(doc, m, end)),
                None)


def _names_a_branch(doc: Document, mention, end: int) -> bool:
    return BRANCH_HEAD.match(doc.text, mention.end, end) is not None


def _names_the_region(doc: Document, lead: str) -> bool:
    """北京 before 朝阳站: the region's own name (or its start) leads the district's."""
    region = doc.meta.region or ""
    return len(lead) >= 2 and region.startswith(lead)


def subject_district(doc: Document, sentence: Sentence, pos: int | None = None, told: bool = False) -> str | None:
    """The district the sentence is addressed to at `pos` (its end by default): the last district before it that
    opens a clause as its subject (甲区要建设C，乙区要推进D: D is 乙区's; 甲区要加快A建设，推进B: B is 甲区's too), or,
    `told` (for a project's district), a list item or a clause a verb tells it to do (大力推动丁区建设F、戊区建设G: F
    is 丁区's, G 戊区's); None after a clause with a subject of its own (己区深度融入…，促进H建设: H is no district's),
    for a row of places as the subject (庚区、辛区要推进I: I is both's, see `clause_subjects`) and for a functional
    area (壬高新区要推进J).

    >>> from govkg.pipeline import read_document
    >>> doc = read_document("甲。西青区要加快A建设，北辰区要推进B建设。", "d", region="天津市")
    >>> s = doc.sentences[1]; [subject_district(doc, s, doc.text.index(x)) for x in "AB"]
    ['西青区', '北辰区']
    """
    subjects = clause_subjects(doc, sentence, pos, told)
    return subjects[0][0] if len(subjects) == 1 and subjects[0][1] == "district" else None


#: What joins the places of a row (甲区、乙区和丙区).
ROW_JOINER = re.compile(r"[、和及与]")


def clause_subjects(doc: Document, sentence: Sentence, pos: int | None = None,
                    told: bool = False) -> list[tuple[str, str]]:
    """The places, with their kind ("district" or "area"), of the row that is the subject at `pos`: 西青区、北辰区要聚焦A
    → both districts; 甲乙高新区要推进B → that area, which is a subject only before a modal or a verb of focus (not
    甲乙片区建成开放, nor a list item told what to do: see `subject_district`)."""
    end = sentence.end if pos is None else pos
    text = doc.text
    mentions = _place_mentions(doc, sentence.start, end)
    own_clause = doc.clause_at(end).start if pos is not None else sentence.start
    if own_clause > sentence.start and OWN_SUBJECT.match(text, own_clause, end) and not any(
            own_clause <= m.start for m in mentions):
        return []  # 甲区要…，开发区要做强…: the clause's own subject, no place govkg knows
    for i in reversed(range(len(mentions))):
        m, first = mentions[i], i
        while first > 0 and ROW_JOINER.fullmatch(text, mentions[first - 1].end, mentions[first].start):
            first -= 1
        opens_clause = mentions[first].start == sentence.start or text[mentions[first].start - 1] in CLAUSE_MARKS
        is_told = told and m.kind == "district" and (text[m.start - 1] == "、"
                                                     or CAUSATIVE_LEAD.search(text[sentence.start:m.start]))
        told_row = is_told and CAUSATIVE_LEAD.search(text[sentence.start:mentions[first].start])  # 推动甲县、乙县建设…
        subject = DISTRICT_SUBJECT if m.kind == "district" else AREA_SUBJECT
        if (opens_clause or is_told) and subject.match(text, m.end):
            row = mentions[first:i + 1] if opens_clause or told_row else [m]
            return list(dict.fromkeys((p.name, p.kind) for p in row))
        if opens_clause:
            return []  # 己区深度融入…，: a clause with a subject of its own, whose work is no project's; 乙园区建成后重点
            # 发展…: the lead's own clause opens with a place not told, no earlier subject reaches into it
    return []


@dataclass(frozen=True)
class _PlaceMention:
    start: int
    end: int
    name: str
    kind: str  # district | area


def _place_mentions(doc: Document, start: int, end: int) -> list[_PlaceMention]:
    """Districts and functional areas named in text[start:end], less a district inside an area's name (宝坻 of
    宝坻甲乙科技城)."""
    areas = [_PlaceMention(a.start, a.end, a.name, "area") for a in area_mentions(doc)
             if start <= a.start and a.end <= end]
    districts = [_PlaceMention(m.start, m.end, m.division.name, "district") for m in district_mentions(doc, start, end)
                 if not any(a.start <= m.start and m.end <= a.end for a in areas)]
    return sorted(districts + areas, key=lambda p: p.start)


#: A clause mark between a subject and what it does.
CLAUSE_MARK = re.compile("[" + CLAUSE_MARKS + "]")


#: A section of a line named by its two ends, after the line's name (成昆高铁渝宜段, 京沪高速京津段, 沿江高铁甲乙至丙丁段).
SECTION_TAIL = r"(?:[\u4e00-\u9fff]{2,4}至)?[\u4e00-\u9fff]{2}段"
_HEAD_FINDER = NameFinder(PROJECT_HEADS, PROJECT_TAILS, tail_patterns=[SECTION_TAIL])
