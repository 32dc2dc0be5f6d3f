"""Observations: every measured number of a report, with indicator, unit, measure, status, period and scope.

>>> from govkg.pipeline import read_document
>>> doc = read_document("一、2022年工作回顾\\n全市地区生产总值预计达到1.6万亿元左右，增长3%。", "d", region="天津市", year=2023)
>>> [(o.indicator, o.quantity.value_norm, o.qualifier, o.measure, o.period, o.estimated) for o in extract_observations(doc)]
[('地区生产总值', 1600000000000.0, '左右', 'amount', '2022', True), ('地区生产总值', 3.0, None, 'growth_rate', '2022', True)]
"""
from __future__ import annotations

import re
from itertools import accumulate
from dataclasses import dataclass, replace

from ..concepts import clean_indicator_name
from ..document import Document, Sentence
from ..gazetteer import NATIONAL, PlaceMatch
from ..names import LIST_ETC, grow_backwards
from ..quantity import (MAX_DIGITS, MULTIPLIER_PATTERN, PART_OF_WHOLE, UNIT_PATTERN, Quantity, parse_index,
                        parse_number, parse_part, parse_quantity, parse_ratio)
from ..segment import cut, word_tags
from ..textmatch import alternation
from ..vocab import word_list, word_table
from .context import FIVE_YEAR_PLAN_NAME, YEAR_RANGE, opens_five_years_back, period_of, status_of
from .places import AREA_HEADS, area_mentions, district_mentions
from .projects import (DISTRICT_SUBJECT, LEVEL_OPENING, LIST_COUNT_INSIDE, PROJECT_HEADS, clause_subjects,
                       extract_projects, project_spans_by_sentence)

#: Measure words of counted things (3个, 12家, 20项 …).
COUNT_UNITS = "个家项条座张处所类件批"
#: Words opening with 多 after a count's unit: no hedge (30个多功能运动场, 5个多式联运示范工程).
_OPENED_BY_DUO = "功能|元|样|层|式|彩|点|极|维|方|种|重|边|中心|渠道|领域|部门|学科|语种"
NUMBER = (r"(?<![\dA-Za-z.．０-９+＋])(?<![^%％][\-—～~])(?<!^[\-—～~])(?P<num>[0-9０-９][0-9０-９,]*(?:[.．][0-9０-９]+)?)"
          r"(?P<yu1>余|多)?(?P<mult>" + MULTIPLIER_PATTERN + r")?(?:(?<=万)(?P<kilo>[1-9])千)?(?P<yu2>余|多)?"
          r"(?P<unit>" + UNIT_PATTERN + r")(?P<per>/(?:月|年|人|天|日|吨|亩))?(?P<post>左右|以上|以内|以下|多(?!"
          + _OPENED_BY_DUO + r"))?"
          r"(?![A-Za-z0-9])")
#: A rank: 位居全国第三, 居全球城市首位, 跻身全球前三位, 跻身全球百强产业集群前五位, 考核全国第一, 从第9名提升至第2名,
#: 在全国城市中排名第19位 (the scope before it no part of the name; see `_rank_value`); not 全球前1% (nor its 1
#: of 10%), a rank band, nor 第1000万辆, nor 第一方阵, a tier.
RANK = (r"(?:(?:在(?:全国|全球|世界|全省|全市)(?:同类)?(?:城市|省份|地区)?中?(?=排名第|位居|位列))?(?:位居|稳居|居于|位列|排名|排在|跻身|进入|居|从|由|至|到)"
        r"(?:全国|全球|世界|全省|全市|同类城市|(?:全国|全球|世界)?[\u4e00-\u9fff]{0,6}?(?:城市|集群))?"
        r"|(?<=[\u4e00-\u9fff])(?:全国|全球|世界|全省)(?:各城市|城市)?)"
        r"(?:前列)?(?P<rhead>第|前|首)(?P<num>[一二三四五六七八九十]{1,3}|\d{1,4})?(?P<rtail>位|名|强)?"
        r"(?![个家座条批次届轮期%％0-9万亿千百]|方阵|梯队|阵营)")
#: A round amount written without a digit: 突破万亿元 (1万亿元), 破亿人次; the verbs that say it was passed.
PASSING = ("突破", "超过", "超", "破")
ROUND = (r"(?:突破|超过|超|达到|迈上|跨上|站上|破)(?P<bmult>万亿|千亿|百亿|亿)(?P<bunit>" + UNIT_PATTERN + r")"
         r"(?![A-Za-z0-9])")
#: A count of people written as a multiplier and the people themselves: 20万就业困难人员, 30万群众.
#: Nouns naming people (data: graph/data/people_nouns.txt), and what may stand between a count and them: words that
#: describe the people, not money or a verb of spending (投入800万改造老年人活动中心 counts no people).
PEOPLE_NOUNS = "(?:" + "|".join(sorted(word_list("people_nouns"), key=len, reverse=True)) + ")"
_PEOPLE_GAP = r"(?:(?!资金|经费|存款|投资|收入|改造|建设|用于|帮扶|支持|投入)[\u4e00-\u9fff]){0,8}?"
PEOPLE = (r"(?<![\dA-Za-z.．])(?P<pnum>[0-9][0-9,]*(?:\.[0-9]+)?)(?P<pyu>余|多)?(?P<pmult>万|亿)(?P<ppost>余|多|左右|以上)?"
          r"(?=" + _PEOPLE_GAP + PEOPLE_NOUNS + ")")
#: A count of people written without a unit, its people named right before it and only a verb of change between:
#: 参与人次超630万, 贫困人口减少1240万 (see `_people_before`).
BARE_PEOPLE = (r"(?<![\dA-Za-z.．])(?P<qnum>[0-9][0-9,]*(?:\.[0-9]+)?)(?P<qmult>万|亿)(?P<qpost>余|多|以上|左右)?"
               r"(?=[，。；、）]|$)")
PEOPLE_BEFORE = re.compile(r"(?P<noun>人次|人数|" + PEOPLE_NOUNS + r")"
                           r"(?:平均|每年|年均|累计|新增|减少|增加|增长|超过|超|达到|达|近|约|突破|为|共|已|了)*$")
MAX_PEOPLE_GAP = 12
#: A part of a whole written in words (三分之二的公园, 减少三分之一, 财政支出的七成以上, 近八成): a percentage; 成 only where
#: it ends the number (not 一成不变, 三成员).
PART = (r"(?<![一二三四五六七八九十百千两〇零\d])(?P<part>" + PART_OF_WHOLE.pattern.replace("(?P<", "(?P<part_")
        + r")(?![一二三四五六七八九十百千零〇]|个?世纪)(?(part_tenths)(?=以上|左右|多|的|[，。；、）]|$|用于|投向|投入|来自))"
        r"(?P<partpost>以上|左右|多)?")  # not 近四分之一个世纪: a span of time
#: A ratio of two numbers (甲乙收入比缩小至2.5∶1, 甲乙项目比例达到1∶2.8): read when one side is one and the words
#: before it name a ratio (see `RATIO_NAMED`) or it is the level a change from a ratio reaches (由2.6∶1缩小至2.5∶1),
#: not a time (1:30), a score (比分3:1) or a scale (1∶2000地形图).
_LEVEL_NUMBER = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
RATIO = (r"(?<![\d.．０-９∶:：])(?P<rleft>" + _LEVEL_NUMBER + r")(?P<colon>[∶:：])(?P<rright>" + _LEVEL_NUMBER + r")"
         r"(?![\d.．０-９∶:：])(?P<rpost>以上|以下|以内|左右)?")
RATIO_NAMED = re.compile(r"(?<![同环对])(?:比|比例|配比|之比)(?:(?:(?![尺分赛])[\u4e00-\u9fff]){0,4}?"
                         r"(?:为|是|达到|达|至|到|在|由|从))?$")  # not 比例尺, 比分, 比赛, 同比
#: The verb of a change from one level to another (see `CHANGE_TO`).
CHANGE_VERB = r"(?:增加|提高|提升|下降|降低|减少|增长|上升|回升|回落|扩大|缩小|跃升|压减|缩减|前移|前进|后移|后退|降|增|升)"
_LEVEL_END = r"(?=[，。；、）]|$)"
#: An index or coefficient written without a unit (甲乙系数为0.31, 甲乙指数从5.21下降至4.97): the level a verb after its
#: name states, or a change from one level (从, 由) to the level it reaches (read only there, see
#: `_sentence_observations`); not a range (保持在0.3至0.35) or an edition (甲乙指数2023).
INDEX = (r"(?<=指数|系数)(?:(?:从|由)(?P<ifrom>" + _LEVEL_NUMBER + r")(?=" + CHANGE_VERB + r"?[至到][0-9０-９])"
         r"|(?:为|是|达到|达|保持在|控制在)(?P<index>" + _LEVEL_NUMBER + r")(?P<ipost>以上|以下|左右)?" + _LEVEL_END + ")"
         r"|(?<=[至到])(?P<reached>" + _LEVEL_NUMBER + r")(?P<reachedpost>以上|以下|左右)?" + _LEVEL_END)
#: A comparison with a higher level's number (高于全国, 低于全省).
_COMPARED = r"(?:高于|快于|低于|慢于|优于|好于|领先)"
_LEVEL_COMPARED_WITH = r"全[国省市区县]"
#: A number sharing the unit of the number listed after it: 高于全国、全省1.2和0.8个百分点, 分别增长5、7%.
SHARED_UNIT = (r"(?<![\dA-Za-z.．０-９])(?P<snum>[0-9][0-9,]*(?:\.[0-9]+)?)(?=(?:[、和及][0-9][0-9,]*(?:\.[0-9]+)?)+"
               r"(?P<smult>" + MULTIPLIER_PATTERN + r")?(?P<sunit>" + UNIT_PATTERN + r")(?![A-Za-z0-9]))")
#: …read only after words saying the numbers are each item's or comparisons (not 1、30项民生实事, a list label).
SHARED_UNIT_LEAD = re.compile(r"分别|均|各|" + _COMPARED)
MENTION = re.compile(NUMBER + "|" + RANK.replace("(?P<num>", "(?P<rnum>") + "|" + PEOPLE + "|" + ROUND + "|"
                     + BARE_PEOPLE + "|" + PART + "|" + RATIO + "|" + INDEX + "|" + SHARED_UNIT)
#: 户 counts households (44万户居民, 平房2008户, 美丽庭院3100户) unless it counts firms (70万户市场主体: count).
ENTITY_HOUSEHOLDS = re.compile(r"市场主体|经营主体|企业|商户|工商户|纳税人")
#: A travel time before 圈 names a programme (15分钟便民生活圈), a stay before 免签 a visa policy (240小时过境免签), a
#: time before a service (24小时开放, 24小时在线监控, 1小时通达) the service's hours: not measured quantities.
TIME_CIRCLE = re.compile(r"[\u4e00-\u9fff]{0,10}圈|(?:过境|入境)?免签|(?:在线|不打烊|值守|营业|开放|全天候|通勤|交通|通达|互达|直达|到达|抵达|可达)")
#: A count right before these words names a programme (20项民心工程, 15条措施), not a measured quantity.
PROGRAM_AFTER = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:工程|行动|措施|举措|政策|条例|战略|方案)(?![\u4e00-\u9fff]*[达超突增])")
POLICY_NAME = re.compile(r"[\u4e00-\u9fff]{2,}$")  # 稳经济35条、… : a name right before the number
#: A policy package carried out, named by its topic and its count of articles: 落实稳经济35条, 贯彻…新36条.
PACKAGE_LEAD = re.compile(r"(?:落实|贯彻|出台|推出|兑现)[^，。；、\d]{2,24}$")
PRE_QUALIFIERS = ("不低于", "不少于", "不超过", "不到", "不足", "突破", "超过", "力争", "约", "近", "超")
LIST_BREAK = "、"
#: The verb of work done before a measure in a predicate (完成投资, 实现收入), and after the measure's name (甲乙收入完成).
WORK_DONE = re.compile(r"^(?:完成|实现|达到|新增|累计)+")
WORK_DONE_END = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:完成|实现)$")
#: 和 joining names, not opening a word (和美乡村, 和谐; but 和美丽乡村 joins 美丽乡村).
AND = r"和(?!美(?!丽)|谐)"
#: What separates the names of a list, outside brackets (县（市、区）and 领军（培育）企业 are one name each).
ITEM_SPLIT = re.compile(r"(?:" + AND + r"|、|及)(?![^（]*）)")
#: A comparison opening a clause (比2009年提高92%, 较上年增长, 比去年预算低0.4个百分点): the number's subject is the
#: sentence's earlier one.
COMPARISON_PREFIX = re.compile(r"^(?:比|较|与)(?:\d{4}年(?:底|末)?|上年|去年|上一年)(?:预算)?(?:相比|同期)?(?:低|高)?")
TIME_PREFIX = re.compile(r"^(?:到|至|截至)?(?:" + YEAR_RANGE.pattern + r"|\d{4}年(?:底|末)?|今年|全年|五年来|过去五年|过去一年|"
                         r"一年来|年内|目前|(?:前|近|头)[\d一二三四五六七八九十]{1,2}个月|" + FIVE_YEAR_PLAN_NAME
                         + r"(?:以来|期间))[，,]?")
#: A short lead ending in 把 (每年把, 坚持把): what follows it is the thing measured (每年把财政支出的七成以上用于民生).
BA_LEAD = re.compile(r"^[\u4e00-\u9fff]{0,4}?把")
SCOPE_PREFIX = re.compile(r"^(?:全市|全区|全省|全县|我市|我省|我区|我县|全国)(?:范围内|范围)?")
TRAILING_VERBS = re.compile(
    r"(?:不少于|不低于|不超过|不到|不足|预计|力争|努力|稳定|保持在|保持|控制在|控制|达到|达|为|实现|增长|年均|分别|均|突破|超过|增至|降至|降到|"
    r"提高|提升|上升|回升|上涨|回落|扩大|缩小|缩短|延长|压减|压降|压缩|削减|下降|降低|降|减少|增加|稳居|位居|居|跃|"
    r"前移|前进|后移|后退|进位|攀升|下滑|"
    r"(?<!安)排|拟安排|安排|(?<=目标)(?:拟?定|设定)|首次|率先|持续|继续|快于|高于|低于|占|了|在|到|"
    r"于|至|的|之|约|近|超|由|每人每年|每人|平均每|平均|平稳|每年|每|已经|已|又|再|共计|共|跃升到|跃升|跃居|蝉联|至少|人均|将|使|有望|"
    r"大幅度|大幅|明显|显著|较快|快速|(?<![首成京古国])都要?)+$")
#: Money raised and what it leverages (筹措30.5亿元撬动甲乙贷款2317亿元): the second number is the leveraged amount's.
LEVERAGED_BY = re.compile(r"^.*\d(?:\.\d+)?(?:万|亿)?元(?:资金)?(?:撬动|带动|拉动|吸引)")
#: An earlier item and its count run into a name without a list mark (创建国家现代农业产业园15个|优势特色产业集群; see
#: `_after_earlier_items`).
EARLIER_ITEM = re.compile(r"(?P<item>[^\d，。；、等]{2,}?)\d+(?:\.\d+)?(?:万|亿)?[个家项条座所](?=[\u4e00-\u9fff]{3})")
#: Where a change written from one level to another starts in a name (甲乙充足率|从2015年底的7.2%提升到去年底的,
#: 工业企业利润|由上年下降1.8%转为): the name ends before it.
CHANGE_START = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:从|由)(?:[0-9]|上年|去年|前年).*$")
LEADING_NOISE = re.compile(r"^(?:[①-⑳]|在(?=我[国省市区])|[一二三四五六七八九十]?是|我们|其中|同时|(?:还|又)有|也|"
                           r"还(?!款|贷|原|本|迁|建)|并|" + AND + r"|及|以及|与|累计|共计|率先|的|但|要|由|把|将|"
                           r"共(?=" + "|".join(word_table("work_verbs")["summed"]) + ")|"
                           r"力争|确保|努力|计划(?=新|开工|完成|实施|建成)(?![^，、]{0,3}率)|实现(?![率值])了?|推动(?!力)|推进(?!率)|"
                           r"按?同口径(?:计算)?|"
                           r"完成(?![率额值量度])了?|"
                           r"再(?!生|制造|就业|贷款|融资|保险|担保|分配)|，|、)+")
#: A number counting the list before it (甲乙、丙丁等8个), or a count after the list's kind (甲乙、丙丁等国家集群4个).
LIST_COUNT = re.compile(r"等(?:" + "|".join(PRE_QUALIFIERS) + r")?$")
LIST_KIND_COUNT = re.compile(LIST_ETC + r"[\u4e00-\u9fff“”]{1,12}$")
#: The end of a list's first item: its first 、 or 和, or the 等 closing a one-item list.
FIRST_ITEM_END = re.compile(r"[、和]|" + LIST_ETC)
#: What joins a row of places naming who does something (长沙市和株洲市建成…, 甲市、乙市等地新增…), not list items.
PLACE_JOINER = re.compile(r"[、和及与]")
PLACE_ROW_END = re.compile(r"等地|(?![等、和及与])")
#: A change written from one level to another (城镇化率从52.6%提高到58.5%, 从年初的400P增加到8400P, 从第9名提升至第2名):
#: what opens the first level, and what joins it to the second (see `_changes_from_to`).
CHANGE_FROM = re.compile(r"[从由](?:人均|每人每年|每人|[^，。；\d]{0,6}的|\d{4}年(?:底|末)?的)?$")
CHANGE_TO = re.compile(r"(?:的)?" + CHANGE_VERB + r"?(?:到|至)(?:(?:\d{4}年|去年|上年)(?:底|末)?的|现在的)?")
LEADING_TO = re.compile(r"[至到]?")
WRITTEN_YEAR = re.compile(r"\d{4}年")
DIGIT = re.compile(r"[0-9０-９]")
#: A word naming two things at once (城乡居民人均可支配收入分别…, 存贷款余额分别…): the name of each, in order (data:
#: graph/data/paired_compounds.txt).
PAIRS = word_table("paired_compounds")
PAIRED_WORD = re.compile("(?P<word>" + alternation(list(PAIRS)) + r")(?=[\u4e00-\u9fff]{2,}$)"
                         "(?!" + alternation(word_list("pair_joiners")) + ")")  # not 城乡一体化水平
#: Words after which a list of names shares a list of numbers (A、B分别…X、Y).
RESPECTIVELY = re.compile(r"分别|(?<![年人平亩户日月周])均(?![衡等匀值价])")  # not 均衡, 均等: words of their own

#: 降 alone only right before its number (甲乙发案数再降15%), not in 降水, 降碳.
BARE_DECLINE = r"降(?=$|[0-9０-９])"
GROWTH = re.compile(r"增长|增速|下降|降低|减少|涨幅|上涨|回落|增加|提高|提升|缩短|缩小|压缩|削减|压减|偏多|偏少|" + BARE_DECLINE)
#: A percentage whose noun of growth follows it (保持20%以上的增长, 两位数的增幅), unless it is a contribution to it
#: (贡献了全市60%以上的增长: a share).
GROWTH_NAMED_AFTER = re.compile(r"的?(?:增长|增速|增幅|涨幅)")
CONTRIBUTION = re.compile(r"贡献")
#: How far before a number its verb of growth (and of decline) is read: 减少行政审批事项三分之一.
NEAR = 8
NEGATIVE = re.compile(r"下降|降低|减少|回落|缩小|缩短|压缩|削减|压减|偏少|" + BARE_DECLINE)
#: The evidence of a number starts at its clause, at most this many characters before it (a clause without
#: punctuation can be a whole paragraph: each number's evidence would repeat it).
MAX_EVIDENCE_LEAD = 160
LONG_NUMBER = re.compile(r"[0-9０-９]{%d,}" % (MAX_DIGITS + 1))
#: A change verb ending in 到/至 gives the level reached (涨幅回落到2.3%), not the change.
LEVEL_REACHED = re.compile(r"(?:回落|下降|降低|降|回升|上升|提高|提升|增加|增长|扩大|缩小|减少|达)(?:到|至)(?:人均|每人)?$")
SHARE = re.compile(r"占|比重|比率|比例|强度|覆盖率|率|达标|合格")
INCREMENT_WORDS = ("新增", "净增", "新建", "新设", "新认定", "新落地", "新打造", "新开", "累计", "引进", "吸纳", "建成", "创建",
                   "组建", "实施", "帮助", "筹集", "增加", "打造", "完成", "制定", "提请", "解决", "实现", "推广", "开通",
                   "投用", "出台", "培育", "招引", "认定", "发放", "减免", "退税", "新开工", "竣工", "完工", "开工", "启动",
                   "植树", "造林", "种植", "安置", "提供", "吸引", "落户", "举办", "签约", "获批")
INCREMENT = re.compile("|".join(INCREMENT_WORDS))
#: …and verbs of work done that say so only before the number, as words of their own (建设高标准农田15万亩, 老楼加装
#: 电梯876部; not 建设用地面积3000平方公里); after it they end a name (736平方公里绿色生态屏障建设, 首批12个片区加快
#: 建设). Data: graph/data/work_verbs.txt.
WORK_VERB = re.compile("|".join(word_table("work_verbs")["verb"]))
WORK_NOUN = re.compile("|".join(word_table("work_verbs")["noun"]))
UNNAMED = "未命名指标"
#: The total of what the number before it added (新增甲乙企业35家、总数达270家).
TOTAL = re.compile(r"总数|总规模")
#: A clause naming what it counts, then what was added by name, then the total (甲级景区新增乙古城、总数达到16家).
COUNTED_THEN_ADDED = re.compile(r"(?P<thing>[\u4e00-\u9fff0-9A-Za-z“”]{2,12}?)" + "(?<!创)[新净]增" + r"[^，。；\d]{2,30}、")
#: A place that a clause's subject follows (甲市继乙市之后…, 继乙市后): a reference, not the subject.
FOLLOWING = re.compile(r"(?<!相)继(?!续|承)(?P<places>[^，。；\d]{2,24}?)之?后")
#: A cumulative count after an increment (新增公园141座、累计达到973座): the total of what was added.
CUMULATIVE = re.compile(r"累计")
#: What opens a part of the number before it (…，其中企业2万户), and a part named only by where it is (其中农村400个).
OF_WHICH = re.compile("其中")
WHERE_ONLY = re.compile(alternation(word_list("settlement_words")))  # data: graph/data/settlement_words.txt
#: A grade or level naming a part of what was added (新增A级景区…，其中4A级2家 → 新增4A级景区; 其中国家级5家).
GRADE = re.compile(r"^(?:[0-9０-９]*[A-ZＡ-Ｚ]+级|[一二三四五六七八九十0-9]*星级|(?:国家|省|市|县)级)(?:以上)?")
#: Adding, gross or net (新增, 净增).
ADDING = "[新净]增"
#: The verb of adding that opens an increment's name (新增公园): the total is of 公园.
INCREMENT_PREFIX = re.compile(r"^(?:净增|组建|新(?:增|建|设|组建|获批|认定|培育|引进|开工|结对|落地|入选|签约|开通|投产|注册))")
#: A verb of adding opening a name (新签约项目, 实施亿元以上项目): a part after 其中 is of what it added; the longest
#: (新开工, not 新开).
OPENING_INCREMENT = re.compile(INCREMENT_PREFIX.pattern + "|^" + alternation(INCREMENT_WORDS))
#: A verb of adding or of work opening a name (新建甲乙中学, 改造甲乙小区): a bare item listed after it shares it.
SHARED_OPENING_VERB = re.compile(INCREMENT_PREFIX.pattern + "|^(?:" + WORK_VERB.pattern + ")")
#: …or that ends it (甲乙企业新增711家、累计达2215家).
INCREMENT_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff”]{2})(?<!日均)(?<!每天)(?<!每日)(?<!每年)(?<!年均)(?<!月均)" + ADDING + "$")
#: Adding written in a clause (新增贷款160亿元: an increment of money), or naming it alone (甲乙企业总数达到1200家，
#: 净增200家: what the number before counts, added).
ADDED = re.compile(ADDING + "(?!长)")
#: A clause named by a stage of work alone (…666万套，基本建成544万套; 开工742个、完工548个): the stage of what the
#: sentence's last indicator counts (data: graph/data/stage_verbs.txt).
_STAGES = "|".join(sorted({w for stage in ("completed", "start") for w in word_table("stage_verbs")[stage]}, key=len,
                          reverse=True))
#: Any word of a project's stage (续建, 推进 …; data: graph/data/stage_verbs.txt).
ANY_STAGE = re.compile("|".join(w for words in word_table("stage_verbs").values() for w in words))
#: A verb of adding or of work, or a stage, opening or closing a name: what it says is done is its own (续建,
#: 棚户区改造; see `_names_a_thing_only`).
_OWN_VERB = "(?:" + "|".join(f"(?:{p.pattern})" for p in (INCREMENT, WORK_VERB, ANY_STAGE)) + ")"
OWN_VERB_AT_AN_END = re.compile(f"^{_OWN_VERB}|{_OWN_VERB}$")
#: Verbs of rebuilding name such a clause too (新建中小学10所、改扩建5所: 改扩建中小学), but not the stage of what a
#: name opening with one counts (改造甲乙管网50公里，建成30公里: 建成, not 建成甲乙管网). Data: graph/data/work_verbs.txt.
REBUILDING = "|".join(sorted(word_table("work_verbs")["rebuild"], key=len, reverse=True))
STAGE_ONLY = re.compile(rf"(?:基本|全部|全面|已)?(?:{_STAGES}|{REBUILDING})(?:{_STAGES})?")
#: The stage a counted name opens or ends with (新开工保障性安居工程, 开工建设高速公路, 新增高标准农田, 新建改扩建学校,
#: 老旧小区改造开工).
STAGE_OPENING = re.compile(rf"^(?:新增|新?(?:{_STAGES})(?:建设)?)(?=[\u4e00-\u9fff0-9]{{2}})")
#: …and the run of stages after it, unless what is left is a bare head (开工改造项目: 改造项目 is counted).
STAGE_RUN = re.compile(rf"(?:{_STAGES}|{REBUILDING})*(?!(?:项目|工程)$)(?=[\u4e00-\u9fff0-9]{{2}})")
STAGE_ENDING = re.compile(rf"(?<=[\u4e00-\u9fff]{{2}})(?:{_STAGES})$")
#: A batch counts what follows its number (首批121个重点项目), it is no indicator; nor are classes of it (8大类40项甲乙
#: 实事).
BATCH = re.compile(r"首批|第[一二三四五六七八九十]批|新一批|[一两二三四五六七八九十]批|(?:\d+|[一两二三四五六七八九十]+)大?类")
BATCH_END = re.compile("(?:" + BATCH.pattern + ")$")  # 推进首批10个示范项目: what the batch is follows the number
#: An amount that describes what a count counts (总投资1.78万亿元的289个省重点项目).
AMOUNT_OF_WHAT_FOLLOWS = re.compile(r"\d[万亿]*元的$")
#: A share named only by what it is a share of (占全国, 占全省比重, 占GDP比重, 占比): the share of the indicator before
#: it, in its clause or the one before, when it is a percentage (not 占道经营, 占用耕地, 占地面积).
SHARE_OF = re.compile(r"占(?!地|用|道)")
CLAUSE_BREAK = re.compile(r"[，。；]")
#: A number compared with the country's, the province's or the city's (…，增速高于全省1.2个百分点): it measures the
#: indicator before it in the sentence.
NATIONAL_COMPARISON = re.compile(r"(?:增速|增幅|涨幅)?" + _COMPARED + _LEVEL_COMPARED_WITH + r"(?:平均水平?|平均)?")
#: The same amount in another currency or unit (约合人民币, 折合).
EQUIVALENT = re.compile(r"(?:^|[、，])约?(?:合|折合|相当于)(?:人民币)?$")
#: What a number is compared with, ending a comparison's name.
COMPARED_LEVEL = re.compile(_LEVEL_COMPARED_WITH + r"(?=(?:平均水平?|平均)?$)")
COMPARED_NAME = re.compile("(?<=[\u4e00-\u9fff]{2})" + NATIONAL_COMPARISON.pattern + "$")
ENDS_IN_NUMBER = re.compile(NUMBER + "$")
#: A rank that all the numbers before it share (…、均居全国第一; …，均位居全国第二).
ALL_RANKED = re.compile(r"均排?$")  # the rank's own verb (居, 位居 …) opens its match
#: A rate named only by its time (…增长21.6%，平均每天新增1.2万户): the daily or yearly rate of the indicator before it.
RATE_ONLY = re.compile(r"(?:平均)?(?:每天|每日|日均|每月|月均|每年|年均)(?:新增|增加|新设)?")
#: Verbs of reaching people or places (甲乙措施惠及…老年人, 丙丁服务覆盖…小区): the thing before them and whom they
#: reach name the number together.
BENEFIT_VERB = re.compile(r"(?:惠及|覆盖|受益|帮扶|救助|资助)$")
#: Verbs after which the number counts what follows it (印发693项行政许可事项, 拿出710亿元支持企业).
COUNTING_VERB = re.compile(r"(?:印发|出台|制定|拿出|推出|设立|组建|认定|发布|公布|举办|培育|引进|建成|新建|打造|获批|壮大|用好|新设|建好)$")
AMOUNT = re.compile(r"达到|达|为|增至|降至|突破|超过|总|规模|保持")


@dataclass(frozen=True)
class ObservationFact:
    indicator: str
    scope: str  # a place name; the city unless the clause is about a district, an area or a project
    quantity: Quantity
    qualifier: str | None
    measure: str
    status: str
    estimated: bool
    period: str
    start: int  # evidence span: the clause that states the number
    end: int
    sentence: int
    concept: str | None = None  # IRI of its concept in the indicator scheme (see extract/indicators.py)
    kind: str | None = None  # a target's kind: floor, ceiling, approximate, range, stretch or point
    upper: float | None = None  # a range's upper end, as written
    scope_kind: str = "place"  # "project" when the clause is about a named project (甲乙医院门诊量达19万人次)


def extract_observations(doc: Document) -> list[ObservationFact]:
    facts: list[ObservationFact] = []
    for sentence in doc.sentences:
        if doc.appendix_start is not None and sentence.start >= doc.appendix_start:
            break  # 附件 名词解释: “甲乙工程”：到2030年，布局20个… defines a term, it sets no target
        facts.extend(_sentence_observations(doc, sentence, facts))  # may take an indicator from earlier ones
    too_long = len(LONG_NUMBER.findall(doc.text))
    if too_long:
        doc.warnings.append(f"{too_long} numbers of more than {MAX_DIGITS} digits skipped (no quantity is that long)")
    return facts


#: The structure of the three sectors of the economy, written as one ratio of their shares after its name
#: (三次产业结构调整为4.8:43.3:51.9, 由…调整为…: the last ratio of its clause), and the names of the three shares.
SECTOR_STRUCTURE = re.compile(r"(?:三次产业|一二三产业?)(?:结构|比例|比重)")
THREE_PARTS = re.compile(r"(?<![\d.])(?P<first>\d+(?:\.\d+)?)%?[:：∶](?P<second>\d+(?:\.\d+)?)%?[:：∶]"
                         r"(?P<third>\d+(?:\.\d+)?)%?(?![\d.:：∶])")
SECTOR_SHARES = {"first": "第一产业比重", "second": "第二产业比重", "third": "第三产业比重"}
#: Three shares of a whole add up to a hundred, give or take their rounding.
SHARES_ROUNDING = 1.0


def _sector_shares(doc: Document, sentence: Sentence) -> list[ObservationFact]:
    """Each sector's share of a structure of three written as one ratio: 三次产业结构调整为4.8:43.3:51.9 → 第一产业比重
    4.8%, 第二产业比重 43.3%, 第三产业比重 51.9%, of the one district opening the clause if any (not three numbers
    adding up to anything else)."""
    facts = []
    for name in SECTOR_STRUCTURE.finditer(doc.text, sentence.start, sentence.end):
        end = CLAUSE_BREAK.search(doc.text, name.end(), sentence.end)  # not ：, which a ratio may be written with
        ratios = list(THREE_PARTS.finditer(doc.text, name.end(), end.start() if end else sentence.end))
        m = ratios[-1] if ratios else None
        if m is None or abs(sum(float(m[part]) for part in SECTOR_SHARES) - 100) > SHARES_ROUNDING:
            continue
        places = district_mentions(doc, doc.clause_at(name.start()).start, name.start())
        scope = places[0].division.name if len(places) == 1 else doc.meta.region or "未知"
        facts += [ObservationFact(indicator=share, scope=scope, quantity=parse_quantity(m[part], "%"),
                                  qualifier=None, measure="share", status=status_of(doc, sentence, m.start()),
                                  estimated="预计" in doc.text[sentence.start:m.start()],
                                  period=period_of(doc, sentence, m.start()), start=name.start(),
                                  end=m.end(part) + doc.text.startswith("%", m.end(part)), sentence=sentence.index)
                  for part, share in SECTOR_SHARES.items()]
    return facts


def _sentence_observations(doc: Document, sentence: Sentence,
                           before: list[ObservationFact]) -> list[ObservationFact]:
    """Numbers grouped in runs: a number whose list item holds no words (4%、6%) continues the run before it.
    `before`: the facts of the sentences before this one."""
    text = doc.text
    runs: list[tuple[int, str, list[re.Match]]] = []  # (clause start, context, mentions)
    sectors = _sector_shares(doc, sentence)
    names = project_spans_by_sentence(doc).get(sentence.index, []) + [(f.start, f.end) for f in sectors]
    previous = None
    for m in MENTION.finditer(text, sentence.start, sentence.end):
        if _is_name_or_label(text, m, sentence) or any(s <= m.start() and m.end() <= e for s, e in names):
            continue  # 中石化南港120万吨乙烯 is a project's name
        if _unnamed_level(text, m, previous, sentence):
            continue
        clause_start = doc.clause_at(m.start()).start
        if m.group("snum") and not SHARED_UNIT_LEAD.search(text, clause_start, m.start()):
            continue  # 获批1、2类新药: a label, not a number sharing the unit after it
        previous = m
        item_start = _list_item_start(text, clause_start, m.start())
        if item_start > clause_start and _counted_together(doc, clause_start, m, names):
            item_start = clause_start  # 新建甲乙中学、丙丁学校12所: one count of both
        context = text[item_start:m.start()]
        if RESPECTIVELY.search(context):
            context = text[clause_start:m.start()]
        if runs and runs[-1][0] == clause_start and _continues_run(text, runs[-1][2][-1], m):
            runs[-1][2].append(m)
        else:
            runs.append((clause_start, context, [m]))
    facts: list[ObservationFact] = []
    changes = _changes_from_to(text, [m for _, _, run in runs for m in run])
    for clause_start, context, mentions in runs:
        clause = text[clause_start:mentions[0].start()]
        if len(mentions) > 1 and len(ITEM_SPLIT.split(clause)) == len(mentions):
            context = clause  # 新增甲乙机构、丙丁中心80家、16家: one item a number, as with 分别
        facts.extend(_run_facts(doc, sentence, clause_start, context, mentions, facts, before))
        if changes:
            facts = _as_changes(doc, facts, changes)  # before the next run, which may continue its indicator
    return facts + sectors


def _unnamed_level(text: str, m: re.Match, previous: re.Match | None, sentence: Sentence) -> bool:
    """A bare number after 至 that no change of an index reaches (2025年至2030), or a ratio neither named as one
    (1:30) nor reached by a change from a ratio (由2.6∶1缩小至2.5∶1)."""
    reaches = previous is not None and CHANGE_TO.fullmatch(text, previous.end(), m.start()) is not None
    if m.group("reached"):
        return not (reaches and previous.group("ifrom"))
    if m.group("rleft"):
        return not (RATIO_NAMED.search(text, sentence.start, m.start()) or (reaches and previous.group("rleft")))
    return False


def _changes_from_to(text: str, mentions: list[re.Match]) -> list[tuple[re.Match, re.Match]]:
    """The (first level, level reached) pairs of changes written from one level to another in a sentence."""
    pairs = []
    for first, second in zip(mentions, mentions[1:]):
        gap = text[first.end():second.start()] + LEADING_TO.match(second.group()).group()
        opens = (first.group().startswith(("从", "由"))
                 or CHANGE_FROM.search(text, max(0, first.start() - 12), first.start()))
        if opens and CHANGE_TO.fullmatch(gap):
            pairs.append((first, second))
    return pairs


def _as_changes(doc: Document, facts: list[ObservationFact],
                pairs: list[tuple[re.Match, re.Match]]) -> list[ObservationFact]:
    """A change from one level to another (国内生产总值从26.6万亿元增加到51.9万亿元): both levels are of what
    precedes 从 (or 由); the level reached is an amount (not an increment), and the first level is of the period before
    the level reached's, unless a year is written with it (从2015年的420亿元)."""
    text = doc.text
    for first, reached in pairs:
        origin = next((f for f in facts if f.end == first.end()), None)
        target = next((f for f in facts if f.end == reached.end()), None)
        if origin is None or target is None:
            continue
        opening = max(text.rfind(mark, max(0, first.start() - 12), first.end()) for mark in "从由")
        period, status = _starting_period(doc, origin, target, WRITTEN_YEAR.search(text, opening, first.end()))
        item_start = _list_item_start(text, doc.clause_at(opening).start, opening)
        subject = _clean_subject(_without_places(text[item_start:opening], district_mentions(doc, item_start, opening)))
        if origin.scope_kind == "place" and subject.startswith(origin.scope) and len(subject) - len(origin.scope) >= 2:
            subject = subject[len(origin.scope):]  # 中心城区甲乙指数从…: the area is the scope, not the indicator
        subject = WITHIN.sub(r"\g<what>", subject)  # 甲乙在全国考核中从第9名… → 甲乙全国考核
        subject = SCOPE_IN.sub("", subject)  # 经济总量在全国位次由第11位… → 经济总量全国位次
        indicator = subject if len(subject) >= 2 else _unnamed_change_of(doc, facts, origin, opening, subject)
        written = text[item_start:opening]  # 甲乙增加值增长由3%提高到6%: the name as written, 增长 and all
        facts = [replace(f, indicator=indicator, period=period, measure=_level(f, written), status=status,
                         kind=None if status == "actual" else f.kind) if f.end == first.end()
                 else replace(f, indicator=indicator, measure=_level(f, written)) if f.end == reached.end() else f
                 for f in facts]
    return facts


def _unnamed_change_of(doc: Document, facts: list[ObservationFact], origin: ObservationFact, opening: int,
                       subject: str) -> str:
    """The name of a change whose clause names nothing before 从: the indicator of the clause right before it in the
    sentence (进出口总额年均增长12.2%，从世界第三位提升到第二位: 进出口总额), else the first level's own."""
    clause_start = doc.clause_at(opening).start
    sentence_start = doc.sentences[origin.sentence].start
    previous = doc.clause_at(clause_start - 1).start if clause_start > sentence_start else clause_start
    if subject or previous == clause_start:
        return origin.indicator
    before = [f for f in facts if f.sentence == origin.sentence and previous <= f.start and f.end <= clause_start]
    if before:
        return before[-1].indicator
    changed = CHANGED_BEFORE.match(doc.text, previous, clause_start)  # 城乡收入比由2.5…
    return changed.group(1) if changed else origin.indicator


#: What a clause changes from one level to another names before its 由 or 从 (城乡收入比由2.5缩小到2.3).
CHANGED_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:由|从)")


def _starting_period(doc: Document, origin: ObservationFact, reached: ObservationFact, year_written) -> tuple[str, str]:
    """The period and status of the level a change starts from: the year written with it (从2015年的420亿元), else
    the period before the level reached's in the review, and in the plan the year before the report's (由20万元提高到
    40万元: the level reached already); a level of a year not yet past is a target still."""
    if year_written:
        period = origin.period
    elif reached.status == "target" and doc.meta.year:
        period = str(doc.meta.year - 1)
    elif reached.status == "actual" and doc.meta.year and opens_five_years_back(doc, doc.sentences[origin.sentence]):
        period = str(doc.meta.year - 6)  # 五年来，…由1.2万亿元增加到1.6万亿元: the year before the five
    else:
        period = _period_before(reached.period)
    past = not doc.meta.year or int(period[-4:]) < doc.meta.year
    return period, "actual" if past else origin.status


#: A change named by where it happened: 在全国考核中 (从第12名提升至第5名).
WITHIN = re.compile(r"在(?P<what>(?:(?!在)[\u4e00-\u9fff]){2,})中$")
#: …or by the scope it is ranked in: 在全国位次 (由第11位前移至第10位).
SCOPE_IN = re.compile(r"在(?=全国|全省|全市|全球|世界)")


#: A name of a rate of growth (甲乙增速, 价格涨幅): its levels in percent are growth rates.
GROWTH_NAME = re.compile(r"(?:增速|增幅|涨幅|增长率|增长)$")


def _level(fact: ObservationFact, written: str) -> str:
    """The measure of a level a change starts from or reaches: a rank, a share (a percent, unless the name `written`
    before the change is of a rate of growth: 甲乙增速从6.1%提高到6.5% gives two growth rates), else an amount."""
    if fact.quantity.unit_norm == "percent":
        return "growth_rate" if GROWTH_NAME.search(written) else "share"
    return fact.measure if fact.measure in ("rank", "share") else "amount"


def _period_before(period: str) -> str:
    """The year before a period: 2024 → 2023, 2013-2017 → 2012."""
    year = re.match(r"\d{4}", period)
    return str(int(year.group()) - 1) if year else period


#: What joins the items of a list a count may count (甲乙、丙丁和戊己3个…), as words of their own (not the 和 of 和平区).
LIST_JOINERS = frozenset("、和及与")


def _kind_of_the_counted_list(clause: str, quantity: Quantity | None, after: str) -> str | None:
    """甲乙航空、丙丁装备、戊己材料|3个集群获评… → 集群: a count equal to the number of items listed right before it
    counts them, and is named by the kind after it (not by the last item)."""
    if not CJK_START.match(after) or not _counts_the_items(clause, quantity):
        return None
    return _noun_run(_clean_subject(_noun_after(after))) or None


def _counts_the_items(clause: str, quantity: Quantity | None) -> bool:
    """甲乙、丙丁2(个) → True: a count equal to the number of items the clause lists before it."""
    return quantity is not None and quantity.unit_norm == "count" and (
        2 <= 1 + sum(token in LIST_JOINERS for token in cut(clause)) == quantity.value)


#: Tags of the words a kind is made of: nouns, adjectives, distinguishing words, numerals and measure words (千亿级).
KIND_TAGS = ("n", "a", "b", "j", "m", "q")


def _noun_run(words: str) -> str:
    """百亿级产业链提质增效 → 百亿级产业链, 品牌新入选甲乙计划 → 品牌: the kind the words open with, up to a verb or
    a preposition, less an adjective at its end."""
    tags, kept = word_tags(), []
    for token in cut(words):
        if tags.get(token, "n")[:1] not in KIND_TAGS:
            break
        kept.append(token)
    while kept and tags.get(kept[-1], "")[:1] in ("a", "b"):
        kept.pop()
    return "".join(kept)


#: A Chinese character opening a text.
CJK_START = re.compile(r"[\u4e00-\u9fff]")


def _counted_list_start(text: str, clause_start: int, mention: re.Match, places: list[PlaceMatch]) -> int | None:
    """Where the list starts that the number counts (right after its 等, or, as a count, after the list's kind:
    甲乙都市圈组建产业、科技等联盟11个 → at 产业, or a count of as many items as the list has); None when it counts no
    list. A row of places doing the counted thing is its subject, not the list (长沙市和株洲市建成甲乙、丙丁等8个: the
    list starts at 甲乙)."""
    quantity = _quantity(mention, text)[0]
    start = max(clause_start, _subject_row_end(text, places))
    counts = LIST_COUNT.search(text, start, mention.start()) or (
        quantity is not None and quantity.unit_norm == "count"
        and LIST_KIND_COUNT.search(text, start, mention.start())) or _counts_the_items(text[start:mention.start()],
                                                                                      quantity)
    first_item = FIRST_ITEM_END.search(text, start, mention.start())
    return grow_backwards(text, start, first_item.start()) if counts and first_item else None


def _after_a_place_row(text: str, places: list[PlaceMatch], mention: re.Match) -> bool:
    """The number right after the last of a list of names ending in a place counts across the list (甲市、乙市3个…;
    甲乙、丙丁、戊市4座, some items no division), not after an item with its own number (全市100家、戊区30家)."""
    row = [p for p in places if p.end <= mention.start()]
    if not row or row[-1].end != mention.start() or row[-1].start == 0:
        return False
    mark = row[-1].start - 1
    if not PLACE_JOINER.fullmatch(text, mark, mark + 1):
        return False
    item_start = max(text.rfind(c, 0, mark) for c in "、，；：。\n和及与") + 1
    return DIGIT.search(text, item_start, mark) is None


def _places_of_the_item(text: str, places: list[PlaceMatch], item_start: int) -> list[PlaceMatch]:
    """The places of the list item a number ends (滨海新区30家、西青区20家: 西青区 for 20), with the row of places
    it opens with (西青区、武清区率先达到1000亿元: both); the clause's places when the item names none."""
    own = [p for p in places if p.start >= item_start]
    if not own:
        return places
    row_start = places.index(own[0])
    while row_start > 0 and PLACE_JOINER.fullmatch(text, places[row_start - 1].end, places[row_start].start):
        row_start -= 1
    return places[row_start:]


def _subject_row_end(text: str, places: list[PlaceMatch]) -> int:
    """The end of the last row of two or more places joined by 、 or 和 and not itself counted (followed by 等地
    or by no 等), or 0: 甲市、乙市等地新增企业50家 → after 等地."""
    row_end, row_length = 0, 1
    for i, place in enumerate(places):
        if i + 1 < len(places) and PLACE_JOINER.fullmatch(text[place.end:places[i + 1].start]):
            row_length += 1
            continue
        if row_length > 1 and (end := PLACE_ROW_END.match(text, place.end)):
            row_end = end.end()
        row_length = 1
    return row_end


def _ranks_the_numbers_before(context: str) -> bool:
    """A rank all the numbers before it share: 均 with nothing before it in its clause but items ending in numbers
    (甲711家、乙2215家、均居…; …，均居…), not names of their own (甲企业、乙企业数量均居…; 甲500强、乙100强等榜单上榜数均居…)."""
    shared = ALL_RANKED.search(context)
    if shared is None:
        return False
    items = [item for item in context[:shared.start()].split("、") if item]  # a 均 clause's context is the clause
    return all(ENDS_IN_NUMBER.search(item) for item in items)


def _last_clause_indicators(doc: Document, sentence: Sentence, earlier: list[ObservationFact]) -> list[str]:
    """The indicators of the numbers of the sentence's last clause with numbers (…产量100万吨、销量90万吨，均居…)."""
    start = doc.clause_at(earlier[-1].end - 1).start
    return list(dict.fromkeys(f.indicator for f in earlier if f.sentence == sentence.index and f.end > start))


def _in_its_unit(fact: ObservationFact, quantity: Quantity | None) -> bool:
    """The quantity is in the unit of the fact's, or written in the same (万户 and 万户, though the fact's households
    of firms now count firms)."""
    if quantity is None:
        return False
    return quantity.unit_norm == fact.quantity.unit_norm or quantity.unit == fact.quantity.unit


def _names_an_increment(name: str) -> bool:
    return bool(INCREMENT_PREFIX.match(name) or INCREMENT_SUFFIX.search(name))


def _counted_thing(name: str) -> str:
    """What an increment adds to: 新增甲乙企业, 甲乙企业净增 → 甲乙企业."""
    return INCREMENT_SUFFIX.sub("", INCREMENT_PREFIX.sub("", name))


def _total_of(increment: str, total: str) -> str:
    """The name of the total of what an increment adds: 新增甲乙企业 (or 甲乙企业新增), 总数 → 甲乙企业总数."""
    base = _counted_thing(increment)
    return base if base.endswith((total, "总数", "总量")) or (total and base.endswith("数量")) else base + total


def _at_stage(counted: str, stage: str) -> str:
    """What a counted name counts, at another stage: 新开工保障性安居工程, 基本建成 → 基本建成保障性安居工程;
    老旧小区改造开工, 完工 → 老旧小区改造完工; 新建改扩建甲乙学校, 改扩建 → 改扩建甲乙学校 (but 开工改造项目, 完工 →
    完工改造项目); the stage alone when the name holds none (改造老旧小区, 建成)."""
    if m := STAGE_ENDING.search(counted):
        return counted[:m.start()] + stage
    if m := STAGE_OPENING.match(counted):
        run = STAGE_RUN.match(counted, m.end())  # none before a bare head: 新开工项目 keeps 项目
        return stage + counted[run.end() if run else m.end():]
    return stage


def _continues_run(text: str, previous: re.Match, mention: re.Match) -> bool:
    """Only list marks and qualifiers between two numbers (4%、6%; 60家和30家), or the 至/到 of a range (41.7%到
    86.7%, not of a change: 从2.1%到2.5%): one run of a list."""
    gap = text[previous.end():mention.start()]
    if RANGE_TO.fullmatch(gap):
        return not CHANGE_FROM.search(text, max(0, previous.start() - 12), previous.start())
    return not re.search(r"[\u4e00-\u9fff]", re.sub(r"[、和及与]", "", _strip_qualifiers(gap)))


RANGE_TO = re.compile(r"\s*[至到]\s*")


def _previous_run_names(earlier: list[ObservationFact], count: int, compared: bool = False,
                        respectively: bool = False) -> list[str]:
    """The indicators of the sentence's last run, when it had as many numbers (…分别达到1016家和591家), or, said
    `respectively`, of its last as many clauses with numbers (甲收入4万元，乙收入2万元，分别增长5%和6%); less a
    comparison with the nation a name took from its own number (甲乙增长5.6%、高于全国0.2个百分点，全年增长4.8%: 甲乙)
    unless this run is `compared` too (…高于全国1个百分点、全省0.5个百分点)."""
    last = earlier[-1]
    sentence = [f for f in earlier if f.sentence == last.sentence]
    run = [f.indicator for f in sentence if f.start == last.start]
    runs = list({f.start: f.indicator for f in reversed(sentence)}.values())[::-1]  # each run's first indicator
    if len(run) == count > 1:
        names = run
    elif respectively and len(run) == 1 and len(runs) >= count > 1:
        names = runs[-count:]
    else:
        names = [last.indicator]
    return names if compared else [_without_comparison(n) for n in names]


#: The longest name read as the parallel of the opening of the name before it (see `_parallel_name`).
MAX_PARALLEL_NAME = 8


def _parallel_name(name: str, before: str) -> str | None:
    """A short name ending as the opening of the name before it ends, the rest of which, a measure, it leaves out:
    农村居民 after 城镇居民人均可支配收入 → 农村居民人均可支配收入. None when the name before ends in no measure
    (甲乙主体), when the name says work done (新建甲乙公路 after 丙丁公路里程), or when the two share no ending of two
    or more characters that leaves the name two of its own.

    >>> _parallel_name("规上服务业企业", "规上工业企业营业收入")
    '规上服务业企业营业收入'
    """
    measure = _measure_ending(before)
    if (len(name) > MAX_PARALLEL_NAME or measure is None or _measure_ending(name) or name in MEASURE_NOUNS
            or INCREMENT.search(name) or WORK_VERB.search(name)):
        return None
    for length in range(len(name) - 2, 1, -1):
        at = before.find(name[-length:])
        if at > 0 and len(before[at + length:]) >= len(measure):
            return name + before[at + length:]
    return None


def _shares_the_sentences_place(doc: Document, sentence: Sentence, earlier: list[ObservationFact],
                                context: str) -> bool:
    """A clause naming no place, after a number of the sentence of the one division that opens it as its subject, is
    about that division too (甲县接待游客900万人次，旅游收入突破50亿元), unless it names the region by its level (…，
    全市增长6% in a city's report; 全区 there is the district's)."""
    if not earlier or earlier[-1].sentence != sentence.index:
        return False
    before = earlier[-1]
    opening = district_mentions(doc, sentence.start, before.end)
    return (len(opening) == 1 and opening[0].division.name == before.scope and not _names_the_region(doc, context)
            and OWNER_LEAD.fullmatch(doc.text, sentence.start, opening[0].start) is not None)


def _names_the_region(doc: Document, context: str) -> bool:
    """The words before a number name the report's region by its level: 全市 in a city's report (全区 there is a
    district's), 全国 in the State Council's."""
    region = doc.meta.region or NATIONAL
    return re.search("[全我本]" + ("国" if region == NATIONAL else region[-1]), context) is not None


#: The country or a province named before a number: a higher level than any place a report tells what to do.
HIGHER_LEVEL = re.compile(r"[全我]国|全省")


def _told_subject(doc: Document, sentence: Sentence, mention: re.Match, context: str) -> tuple[str, str] | None:
    """The one place its part of the sentence (up to a ；) tells what to do, the scope of a number there naming
    no place: 甲区要聚焦甲乙产业，力争营业收入突破900亿元 → 甲区 (not after 全市, and not a row of places)."""
    start = max(doc.text.rfind("；", sentence.start, mention.start()) + 1, sentence.start)
    if not DISTRICT_SUBJECT.search(doc.text, start, mention.start()):
        return None  # no verb a subject would be told with: no need to look for one
    subjects = clause_subjects(doc, replace(sentence, start=start), mention.start())
    if len(subjects) != 1 or _names_the_region(doc, context) or HIGHER_LEVEL.search(context):
        return None  # 年内全国新增就业…: the country's
    return subjects[0][0], "place"


def _shares_the_number_before(text: str, before: ObservationFact, mention: re.Match) -> bool:
    """A share named by what it is a share of (占全省比重40%) is of the number right before it, in its clause or the
    one before, unless that number is a share itself (甲乙占全国20%，丙丁900亿度、占全国7%: not 甲乙's)."""
    return (before.end <= mention.start() and len(CLAUSE_BREAK.findall(text, before.end, mention.start())) <= 1
            and not SHARE_OF.search(before.indicator))


def _without_comparison(name: str) -> str:
    """甲乙产值高于全国 → 甲乙产值: the indicator a comparison with the nation was read of."""
    return COMPARED_NAME.sub("", name) or name


def _strip_qualifiers(context: str) -> str:
    return re.sub("|".join(PRE_QUALIFIERS) + r"|左右|以上|余", "", context)


def _run_facts(doc: Document, sentence: Sentence, clause_start: int, context: str, mentions: list[re.Match],
               earlier: list[ObservationFact], before: list[ObservationFact]) -> list[ObservationFact]:
    """Facts of one run; a run with no subject of its own (…，增长3%) continues the sentence's last indicator."""
    text = doc.text
    clause_end = doc.clause_at(mentions[-1].end() - 1).end
    after = text[mentions[-1].end():clause_end]
    clause_places = district_mentions(doc, clause_start, mentions[0].start())
    followed = _followed(text, clause_places, clause_start)  # 甲市继乙市之后…: 乙市 is no subject
    districts = [d for d in _places_of_the_item(text, clause_places, mentions[0].start() - len(context))
                 if d not in followed]
    quantities = [_quantity(m, text) for m in mentions]
    units = {q.unit_norm for q, _ in quantities if q is not None}
    names = _indicators(_without_places(context, districts, followed), after,
                        len(mentions) if len(units) == 1 else 1)
    if len(mentions) == 1 and (kind := _kind_of_the_counted_list(text[clause_start:mentions[0].start()],
                                                                 quantities[0][0], after)):
        names = [kind]
    same_sentence = bool(earlier) and earlier[-1].sentence == sentence.index
    continued = same_sentence and names == [UNNAMED]  # …增长7%以上、力争达到8%: more of the number before
    of_which = same_sentence and OF_WHICH.match(text[clause_start:mentions[0].start()].lstrip("，、 ")) is not None
    part_of_before = False
    in_clause = same_sentence and not CLAUSE_BREAK.search(text, earlier[-1].end, mentions[0].start())
    ranks_before = same_sentence and mentions[0].group("rhead") and _ranks_the_numbers_before(context)
    if ranks_before:
        names = _last_clause_indicators(doc, sentence, earlier)  # 甲711家、乙2215家、均居全国第一: both first
    elif same_sentence and len(names) > 1 and all(NATIONAL_COMPARISON.fullmatch(n) for n in names):
        names = [earlier[-1].indicator + n for n in names]  # 增速高于全国、全省1.2和0.8个百分点: both that growth's
    elif same_sentence and len(names) == 1 and (
            NATIONAL_COMPARISON.fullmatch(names[0]) or RATE_ONLY.fullmatch(names[0])
            or (SHARE_OF.match(names[0]) and quantities[0][0] is not None and quantities[0][0].unit_norm == "percent"
                and _shares_the_number_before(text, earlier[-1], mentions[0]))
            or (in_clause and BENEFIT_VERB.fullmatch(names[0]))):
        # 增长5.4%、高于全国1.9个百分点: that growth against the nation's; 获评国家科学技术奖58项、占全国28.7%: that
        # count's share of the nation's; …，平均每天新增1.2万户: that indicator's daily rate; 改造老旧小区6496个、惠及
        # 97.9万户: whom that work reached
        names = [earlier[-1].indicator + names[0]]
    elif in_clause and len(mentions) == 1 and EQUIVALENT.search(context):
        names = [earlier[-1].indicator]  # 甲乙外资120亿美元、约合人民币860亿元: the same amount in yuan
    elif (same_sentence and len(names) == 1 and TOTAL.fullmatch(names[0])
          and (in_clause or not text[clause_start:mentions[0].start() - len(context)].strip("，、 "))):
        # …，总规模达到20亿元: the total of the number before; 乙景区新增丙、总数达到16家: not 甲's total
        names = [_total_of(earlier[-1].indicator, names[0])]  # 新增甲乙企业35家、总数达270家: 甲乙企业总数
    elif (len(names) == 1 and TOTAL.fullmatch(names[0])
          and (counted := COUNTED_THEN_ADDED.match(text, clause_start, mentions[0].start()))
          and _names_a_kind(counted["thing"]) and not any(d.start < counted.end("thing") for d in districts)):
        names = [counted["thing"] + names[0]]  # 甲级景区新增乙古城、总数达到16家: 甲级景区总数, not 乙's
        districts = []
    elif (same_sentence and len(names) == 1 and names[0] in OF_WHAT_FOLLOWS
          and earlier[-1].quantity.unit_norm == "count"):
        names = [earlier[-1].indicator + names[0]]  # 新落地甲乙项目90个、总投资…: 新落地甲乙项目总投资
    elif (same_sentence and len(names) == 1 and ADDED.fullmatch(names[0])
          and _in_its_unit(earlier[-1], quantities[0][0])):
        names = [_counted_thing(earlier[-1].indicator).removesuffix("总数") + names[0]]  # 甲乙企业总数…，新增200家
    elif same_sentence and len(names) == 1 and STAGE_ONLY.fullmatch(names[0]):
        written = STAGE_ONLY.fullmatch(_strip_qualifiers(context).strip("，、 "))  # 改造提升 (the name keeps 改造)
        names = [_at_stage(earlier[-1].indicator, written.group() if written else names[0])]
    elif (same_sentence and len(names) == 1 and (measure := clean_indicator_name(names[0])) in MEASURE_NOUNS
          and measure in context and (in_clause or measure in MEASURES_OF_MEASURES)):
        # 粮食播种面积…、产量…: 粮食产量; 地区生产总值增长6.1%，增速居全省第2位: 地区生产总值增速 (not that growth's
        # comparison with the nation's)
        names = [_other_measure(_without_comparison(earlier[-1].indicator), measure)]
    elif (of_which and len(names) == 1 and not districts and _names_a_part(names[0])
          and (added := OPENING_INCREMENT.match(earlier[-1].indicator))
          and _in_its_unit(earlier[-1], quantities[0][0])):
        # 新增甲乙主体9万户，其中企业2万户: 新增企业, a part of what was added; 新建丙丁站点…，其中农村…: 新建农村丙丁站点
        rest = _rest_of_a_part(names[0], _counted_thing(earlier[-1].indicator))
        names = [added.group() + names[0] + rest]
        part_of_before = True
    elif (same_sentence and len(names) == 1 and _in_its_unit(earlier[-1], quantities[0][0])
          and _strip_qualifiers(context).strip("，、 ") == names[0]
          and (parallel := _parallel_name(names[0], earlier[-1].indicator))):
        # 城镇居民人均可支配收入4.5万元，农村居民1.8万元: 农村居民人均可支配收入 (a clause of the name alone)
        names = [parallel]
    elif (in_clause and len(names) == 1 and _in_its_unit(earlier[-1], quantities[0][0])
          and text[earlier[-1].end:mentions[0].start()] == "、" + context
          and _strip_qualifiers(context) == names[0] and SHARED_OPENING_VERB.match(earlier[-1].indicator)):
        names = _with_the_opening_verb([earlier[-1].indicator, names[0]])[1:]  # 新建甲乙幼儿园6所、中小学4所: 新建中小学
    elif (names == [UNNAMED] and same_sentence and COMPARED_NAME.search(earlier[-1].indicator)
          and (level := COMPARED_LEVEL.fullmatch(_strip_qualifiers(context).strip("，、 ")))):
        # 高于全国1个百分点、全省0.5个百分点: the same comparison, with the province
        names = [COMPARED_LEVEL.sub(level.group(), earlier[-1].indicator)]
    elif names == [UNNAMED] and same_sentence:
        part_of_before = of_which  # 新增甲乙主体8万户，其中西青区1万户: added there too
        first = quantities[0][0]
        names = _previous_run_names(earlier, len(mentions), first is not None and first.unit_norm == "percentage_point",
                                    bool(RESPECTIVELY.search(context)))
        if CUMULATIVE.search(context):  # 新增公园141座、累计达到973座: 公园总数; 新建绿道…、累计近2000公里: 绿道
            counted = first is not None and first.unit_norm == "count"
            added = any(_names_an_increment(n) for n in names)  # 新增甲、乙80家、16家: 新增 is both items'
            names = [_total_of(n, "总数" if counted else "") if added else n for n in names]
    elif names == [UNNAMED] and districts:  # 西青区、武清区率先达到1000亿元: the last indicator, for these places
        names = _last_indicator_of_paragraph(doc, sentence, before)
    if rank_move := _rank_move(context, mentions, quantities, after):
        moved = _moved_rank_name(context, earlier[-1].indicator if same_sentence else "")
        names = [moved] + names[-1:] if len(mentions) == 2 else [moved]  # …、居第14位: the rank keeps its name
    if _after_a_place_row(text, districts, mentions[0]):
        districts = []  # 建好甲市、乙市、丙市3个产业园: three parks of the region, not three in each city
    elif (list_start := _counted_list_start(text, clause_start, mentions[0], districts)) is not None:
        # 临淄至临沂、济菏高速改扩建等8个: places in the items' names are not the count's, the subject's are
        districts = [d for d in districts if d.end <= list_start]
    scopes = list(dict.fromkeys(d.division.name for d in districts)) or [doc.meta.region or "未知"]
    scope_kind = "place"
    if in_clause and districts and all(d.end <= earlier[-1].end for d in districts):
        # 新增甲市乙集群、丙市丁集群等4个、总数达到8个: the places of the number before, whose scope this one shares
        scopes, scope_kind = [earlier[-1].scope], earlier[-1].scope_kind
    if not districts and (ranks_before or _shares_the_sentences_place(doc, sentence, earlier, context)):
        # 甲区…增长12%，居全市第一: 甲区's rank (全市 is what it is ranked in); 甲县接待游客…，旅游收入…: 甲县's
        scopes, scope_kind = [earlier[-1].scope], earlier[-1].scope_kind
    if not districts and (told := _told_subject(doc, sentence, mentions[0], context)):
        scopes, scope_kind = [told[0]], told[1]  # 甲区要聚焦…，力争营业收入突破900亿元: 甲区's
    if not districts and len(mentions) == 1 and (invested := _invested_project(doc, context, mentions[0])):
        names, scopes, scope_kind = [_strip_qualifiers(context)], [invested], "project"  # 总投资…的甲乙产业园: its own
    if not districts and (owner := _owner_opening(doc, mentions[0].start() - len(context), mentions[0])):
        scopes, scope_kind = [owner[0]], owner[1]  # 甲乙医院门诊量达19万人次: the hospital's, not the region's
        names = [n[len(owner[0]):] if n.startswith(owner[0]) and len(n) - len(owner[0]) >= 2 else n for n in names]
    facts = []
    shared = _shared_qualifier(mentions, text)
    # the verb opening the clause before its first number is every item's (新增甲学位12万个、乙学位16万个), not an
    # earlier item's own (875平方公里湿地保护、736平方公里屏障建设、153公里海岸线治理: no item is built)
    shared_lead = DIGIT.split(text[clause_start:mentions[0].start()], 1)[0]
    for i, (m, (quantity, qualifier)) in enumerate(zip(mentions, quantities)):
        if quantity is None:
            continue
        qualifier = qualifier or shared
        if quantity.unit_norm == "household" and ENTITY_HOUSEHOLDS.search(context[-12:] + after[:6]):
            quantity = Quantity(quantity.value, quantity.unit, quantity.value_norm, "count")
        if len(mentions) > 1 and len(names) == len(mentions):
            own_names = [names[i]]
        elif len(mentions) == 1:
            own_names = names
        else:
            own_names = [names[-1]]
        if part_of_before or continued and quantity.unit_norm == "percent" == earlier[-1].quantity.unit_norm:
            measure = earlier[-1].measure  # 增长7%以上、力争达到8%: the same growth, not a share reached
        else:
            measure = _measure(quantity, _item_context(context, own_names), after, shared_lead + context)
        if measure == "increment" and all(n.endswith("总数") for n in own_names):
            measure = "amount"  # 新增甲乙实验室18家、累计38家: 甲乙实验室总数, a level
        if (measure == "growth_rate" and NEGATIVE.search(context[-NEAR:])  # the window the growth was read in
                and not LEVEL_REACHED.search(context[-NEAR:])  # 涨幅回落到2.3%: the level, no decline by it
                or measure == "increment" and DECREASED_BY.search(_verb_before(context[-NEAR:]))):  # 人口减少120万
            # (减少甲乙人口800万 keeps the cut in its name: 800万 of it)
            quantity = Quantity(-quantity.value, quantity.unit, -quantity.value_norm, quantity.unit_norm)
        if rank_move and i == 0:  # 前移3位: places gained (or lost), not a rank
            quantity, measure = Quantity(rank_move * abs(quantity.value), quantity.unit,
                                         rank_move * abs(quantity.value), "count"), "increment"
        common = dict(quantity=quantity, qualifier=qualifier, measure=measure, status=status_of(doc, sentence, m.start()),
                      estimated="预计" in text[sentence.start:m.start()],
                      period=period_of(doc, sentence, m.start(), text[clause_start:clause_end]),
                      start=max(clause_start, m.start() - MAX_EVIDENCE_LEAD), end=m.end(), sentence=sentence.index)
        # 甲县、乙县地区生产总值分别增长7%、6.5%: one place a number
        own_scopes = [scopes[i]] if len(scopes) == len(mentions) > 1 and RESPECTIVELY.search(context) else scopes
        facts.extend(ObservationFact(indicator=n, scope=sc, scope_kind=scope_kind, **common)
                     for sc in own_scopes for n in own_names)
    return facts


#: A move in a ranking right before its number of places (较上年前移3位, 前进2个位次): up, or down.
RANK_MOVE = re.compile(r"(?:(?P<up>前移|前进|上升|提升|跃升|攀升|进位)|(?P<down>后移|后退|下降|下滑))了?$")
RANK_PLACES = ("位次", "名次")
RANK_NAME_ENDS = ("位次", "名次", "排名", "排位")
RANK_NAME_END = re.compile("(?:" + "|".join(RANK_NAME_ENDS) + ")$")


def _rank_move(context: str, mentions: list[re.Match], quantities: list[tuple[Quantity | None, str | None]],
               after: str) -> int:
    """+1 or -1 where one number right after a move counts the places a ranking moved up or down (综合实力位次前移3位,
    前进2个位次, 上升5名; not the rank reached: 上升至第9位, nor digits: 提升3位数), else 0."""
    reached_after = len(mentions) == 2 and mentions[1].group("rhead")  # 上升5位、居第12位: the move, then the rank
    if ((len(quantities) != 1 and not reached_after) or quantities[0][0] is None or mentions[0].group("rhead")
            or after.startswith("数") or not (move := RANK_MOVE.search(context))):
        return 0
    unit = quantities[0][0].unit
    if unit not in ("位", "名") and not (unit == "个" and after.startswith(RANK_PLACES)):
        return 0
    return 1 if move["up"] else -1


def _moved_rank_name(context: str, before: str) -> str:
    """The ranking a move is of, named before the move or, when nothing is, the indicator ranked before it.

    >>> _moved_rank_name("甲乙排名较上年下降", ""), _moved_rank_name("综合实力较2023年前移", ""), _moved_rank_name("排名上升", "丙丁")
    ('甲乙排名', '综合实力位次', '丙丁排名')
    """
    name = _clean_subject(context)
    if name in RANK_NAME_ENDS or len(name) < 2:
        name = RANK_NAME_END.sub("", before) + name  # 经济总量居全省第4位，排名上升2位: 经济总量排名
    return name if name.endswith(RANK_NAME_ENDS) else name + "位次"


#: What may open a clause before the project or area it is about (其中，甲乙医院…).
OWNER_LEAD = re.compile(r"(?:其中|同时|全年|目前|截至目前)?[，,]?")
#: A project or area opening a list or a kind: 甲乙、丙丁等, 甲乙和丙丁.
OWNED_LIST = re.compile(r"[、和及与等（(]|的?(?:[\d０-９]|[一二三四五六七八九十]+[个家座所项])")


def _owner_opening(doc: Document, start: int, mention: re.Match) -> tuple[str, str] | None:
    """(name, "project" or "place") of the project or functional area that opens the clause at `start`, when the
    number counts something of its own (甲乙医院门诊量达19万人次, 丙丁产业园累计入驻企业130家), not it or its
    kind (甲乙、丙丁等3个产业园)."""
    start = OWNER_LEAD.match(doc.text, start, mention.start()).end()
    owners = _owners_by_start(doc).get(start, [])
    if not owners or PLACE_JOINER.fullmatch(doc.text, start - 1, start):
        return None  # 建成甲线、乙线西延伸共67公里: an item of a list
    ends = set(accumulate(len(token) for token in cut(doc.text[start:mention.start()])))
    owners = [o for o in owners if o[2] + 2 <= mention.start() and not OWNED_LIST.match(doc.text, o[2])
              and o[2] - start in ends and not _head_runs_on(doc.text, start, o[2])]
    return max(owners, key=lambda o: o[2])[:2] if owners else None


#: An investment named before its amount and the project it is in after it: 总投资120亿元的甲乙产业园.
INVESTMENT = re.compile(r"(?:计划|累计)?总?投资")


def _invested_project(doc: Document, context: str, mention: re.Match) -> str | None:
    """The project named right after an investment's amount and 的, whose investment it is: 总投资120亿元的甲乙产业园一期
    建成投产 → 甲乙产业园一期 (not 投资120亿元的项目, no name)."""
    if not INVESTMENT.fullmatch(_strip_qualifiers(context)) or not doc.text.startswith("的", mention.end()):
        return None
    owners = [o for o in _owners_by_start(doc).get(mention.end() + 1, []) if o[1] == "project"]
    return owners[0][0] if owners else None


def _owners_by_start(doc: Document) -> dict[int, list[tuple[str, str, int]]]:
    """Where each project named as written (of one of its kind) and each functional area starts: (name, kind, end)."""
    if doc.found.scope_owners is None:
        owners: dict[int, list[tuple[str, str, int]]] = {}
        for p in extract_projects(doc):
            if p.name == doc.text[p.start:p.end] and _one_of_its_kind(p.name):
                owners.setdefault(p.start, []).append((p.name, "project", p.end))
        for a in area_mentions(doc):
            if _one_of_its_kind(a.name):
                owners.setdefault(a.start, []).append((a.name, "place", a.end))
        doc.found.scope_owners = owners
    return doc.found.scope_owners


_HEADS = frozenset(PROJECT_HEADS + AREA_HEADS)


def _one_of_its_kind(name: str) -> bool:
    """A project's or area's name that names one thing (甲乙医院), not a category (国家公园, 国家级高新区)."""
    return not LEVEL_OPENING.match(name)


def _head_runs_on(text: str, start: int, end: int) -> bool:
    """The name text[start:end] is cut out of a longer head: 甲乙产业园|区 (园区), 甲乙科技园|区."""
    return any(text[i:end + k] in _HEADS for k in (1, 2) for i in range(max(start, end - 3), end))


def _shared_qualifier(mentions: list[re.Match], text: str) -> str | None:
    """A hedge that covers a whole list: 分别超过5800家、460家 (first number), 4%、6%左右 (last number)."""
    if len(mentions) < 2:
        return None
    first = _quantity(mentions[0], text)[1]
    if first in PRE_QUALIFIERS:
        return first
    last = _quantity(mentions[-1], text)[1]
    return last if last in ("左右", "以上", "以内", "以下") else None


def _quantity(m: re.Match, text: str) -> tuple[Quantity | None, str | None]:
    try:
        if m.group("rhead"):
            return parse_quantity(_rank_value(m), "位"), None
        if m.group("bmult"):  # 突破千亿元: 1千亿元, qualified by a verb of passing it (not 达到, 迈上)
            verb = text[m.start():m.start("bmult")]
            return parse_quantity("1", m.group("bmult") + m.group("bunit")), verb if verb in PASSING else None
        if m.group("part"):
            quantity = parse_part(m.group("part"))
        elif m.group("rleft"):
            quantity = parse_ratio(m.group("rleft"), m.group("colon"), m.group("rright"))
        elif m.group("index") or m.group("ifrom") or m.group("reached"):
            quantity = parse_index(m.group("index") or m.group("ifrom") or m.group("reached"))
        elif m.group("pnum"):
            quantity = parse_quantity(m.group("pnum"), m.group("pmult") + "人")
        elif m.group("snum"):
            quantity = parse_quantity(m.group("snum"), (m.group("smult") or "") + m.group("sunit"))
        elif m.group("qnum"):
            people = _people_before(text, 0, m.start())
            per_visit = people is not None and people["noun"] == "人次"
            quantity = parse_quantity(m.group("qnum"), m.group("qmult") + ("人次" if per_visit else "人"))
        else:
            quantity = parse_quantity(_with_thousands(m.group("num"), m.group("kilo")),
                                      (m.group("mult") or "") + m.group("unit"))
            if m.group("per"):  # 740元/月: a rate per month, written so
                quantity = replace(quantity, unit=quantity.unit + m.group("per"))
    except ValueError:
        return None, None  # no quantity (a word, or a number too long to be one): counted in the warnings
    post = (m.group("post") or m.group("yu1") or m.group("yu2") or m.group("ppost") or m.group("pyu")
            or m.group("qpost") or m.group("partpost") or m.group("rpost") or m.group("ipost")
            or m.group("reachedpost"))
    if post == "多":
        post = "余"
    pre = next((q for q in PRE_QUALIFIERS if text.endswith(q, 0, m.start())), None)
    return quantity, post or pre


def _people_before(text: str, floor: int, end: int) -> re.Match | None:
    """The people named right before a count without a unit (参与人次超|630万): the nearest noun, then verbs of change."""
    window = max(floor, end - MAX_PEOPLE_GAP)
    return next((m for i in range(window, end) if (m := PEOPLE_BEFORE.match(text, i, end))), None)


def _with_thousands(number: str, thousands: str | None) -> str:
    """The number of 万 written with its thousands after it: 1万6千 → 1.6 (万).

    >>> _with_thousands("1", "6"), _with_thousands("12", None)
    ('1.6', '12')
    """
    return number if thousands is None else f"{number}.{thousands}"


def _rank_value(m: re.Match) -> str | None:
    """The rank a RANK match states, or None when it states none (居全国前列, 全国首个, 从第9批).

    >>> [_rank_value(MENTION.search(t)) for t in ("居全球城市首位", "跻身全球前三位", "考核全国第一", "位居全国前列")]
    ['1', '三', '一', None]
    """
    head, number, tail = m.group("rhead"), m.group("rnum"), m.group("rtail")
    if head == "首":
        return "1" if tail == "位" and not number else None
    if not number:
        return None
    if m.group(0).startswith(("从第", "至第", "由第", "到第")) and tail not in ("位", "名"):
        return None  # 从第一批, 至第二阶段, 由第三方, 到第一线: ordinals, not ranks (提升到全球第8 is one)
    return number


#: Where an age measured ends (人均预期寿命达到79.5岁。, …79.5岁、提高1岁), unlike one naming people (60岁以上、80岁以上老人).
AGE_END = re.compile(r"[，。；：]|$")
#: Where a rank band in percent opens (进入全球前|1%), not 目前.
RANK_BAND = re.compile(r"(?:全国|全球|世界|全省|全市|行业|进入|跻身|位居|位列|排名)[\u4e00-\u9fffA-Za-z]{0,4}?前$")
#: A threshold a count's things pass (64个产值过10亿元的增长点, 10个营业收入超千亿元的集群): the number after it, going on
#: to what is counted, is its class, not a quantity of its own (121个项目完成投资超千亿元。 ends its clause: a quantity).
CLAUSE_END = re.compile(r"(?:以上|左右)?(?:[，。；、：]|$)")
THRESHOLD_VERB = re.compile(r"超过|超|过|达到|突破")
THRESHOLD_OF_COUNTED = re.compile(r"[0-9]+(?:多|余)?[" + COUNT_UNITS + r"](?:以上)?[^，。；、\d]{0,12}?(?:"
                                  + THRESHOLD_VERB.pattern + ")$")


def _inside_a_quote(before: str, after: str) -> bool:
    """A quote opens before a number and closes after it: 推动“3个70%”… → True; not a quote the text never closes
    (培育甲乙“丙丁企业414家，…: a slip, the numbers are read).

    >>> _inside_a_quote("推动“3个", "70%”落地"), _inside_a_quote("培育甲乙“丙丁企业", "家，戊己企业51家")
    (True, False)
    """
    closing = after.find("”")
    return before.rfind("“") > before.rfind("”") and closing >= 0 and "“" not in after[:closing]


def _is_name_or_label(text: str, m: re.Match, sentence: Sentence) -> bool:
    """Numbers inside quotes, after 第 or 连续, naming a programme (20项民心工程, 稳经济35条), a class (30万吨级,
    500万元以上技改项目), a rank band (全球前1%), a threshold of counted things (10个营业收入超千亿元的集群) or how many
    things a share is over (120个甲乙断面水质优良率达97.5%) are not observations."""
    if m.group("rhead"):
        return _rank_value(m) is None
    verb = THRESHOLD_VERB.match(m.group())  # 超千亿元: a round amount opens with it
    lead = text[max(sentence.start, m.start() - 30):m.start()] + (verb.group() if verb else "")
    if not CLAUSE_END.match(text, m.end()) and THRESHOLD_OF_COUNTED.search(lead):
        return True  # 10个营业收入超千亿元的集群, 20个产值超百亿元产业集群: the class the counted things are in
    if m.group("pnum") or m.group("bmult"):
        return False
    if m.group("rleft"):  # 甲乙比例达到1∶2.8, not 1∶1 (see `_unnamed_level` for what names it)
        return _quantity(m, text)[0] is None
    if m.group("qnum"):  # 3500万 alone counts no people unless they are named right before it
        return _people_before(text, sentence.start, m.start()) is None
    before = text[sentence.start:m.start()]
    if _inside_a_quote(before, text[m.end():sentence.end]) or before.endswith(("第", "连续")):
        return True  # …, 第3届, 连续33个榨季: a label, an ordinal, a streak
    if m.group("unit") == "个月" and before.endswith(("前", "近", "头", "提前")):
        return True  # 前11个月…增长5%, 提前3个月完成: a span the numbers after it are of, or a time ahead
    unit = m.group("unit")
    if unit in ("%", "％") and RANK_BAND.search(before):
        return True  # 进入全球前1%: a rank band the name holds
    after = text[m.end():m.end() + 12]
    if after.startswith("级") or (unit == "列" and after.startswith(("入", "为"))):
        return True  # 30万吨级航道: a class the name holds; 20列入名录: the verb 列入, no trains
    if (unit and len(unit) == 1 and unit in COUNT_UNITS and COUNTED_SHARE.match(text, m.end())
            and _opens_its_clause(before)):
        return True  # 120个甲乙断面水质优良率达97.5%: how many the share is over, part of its name (not
        # 实施甲乙项目500个年度投资完成率达到110%: a count after its name)
    if m.group("post") in ("以上", "以下") and unit in SIZE_UNITS and _classes_what_follows(after):
        return True  # 500万元以上技改项目, 30万千瓦以下煤电机组: the size class of what follows
    if unit in ("分钟", "小时") and TIME_CIRCLE.match(after):
        return True
    if WITHIN_SHARE.match(text, m.end() - len(m.group("post") or "")):
        return True  # 30米内接驳比例达到70%: the bound a share is measured within, part of its name
    if unit == "岁" and (before.endswith("满") or not (AGE_END.match(text, m.end()) or (
            text.startswith("、", m.end()) and not m.group("post")))):
        return True  # 3岁以下婴幼儿, 60岁以上、80岁以上老人, 年满18岁: an age that names people
    if unit in ("项", "条") and PROGRAM_AFTER.match(after):
        return True
    if unit != "条" or not POLICY_NAME.search(before[-4:]):
        return False
    # 稳经济35条、…: a package listed or named; 落实民间投资新36条。: one carried out at its clause's end
    ends_clause = after[:1] in ("，", "。", "；", "")
    return after[:1] in ("、", "等", "政") or (ends_clause and PACKAGE_LEAD.search(before) is not None)


#: A count of the things a share is measured over, run into the share's name and its number (120个|甲乙断面水质优良率
#: 达97.5%, 12条|甲乙产业链投资占…比重超70%).
COUNTED_SHARE = re.compile(r"[^，。；、\d]{2,24}?(?:率|比重|占比|比例)(?:达到|达|为|超过|超|突破|保持在|保持|(?:提高|提升|上升)[到至])?[0-9]")


#: A bound within which a share is measured, run into the share's name and its number (30米内接驳比例达到70%, 5公里
#: 范围内覆盖率95%).
WITHIN_SHARE = re.compile(r"(?:范围)?以?内" + COUNTED_SHARE.pattern)


def _opens_its_clause(before: str) -> bool:
    """A number with nothing but the region or a verb before it in its clause (全省|160个…, 建成|3个…) opens it."""
    lead = SCOPE_PREFIX.sub("", CLAUSE_BREAK.split(before)[-1])
    return not lead or _ends_in_verb(lead)


#: Units of a size (money, power, weight) that bound a class of things named right after (500万元以上技改项目).
SIZE_UNITS = ("元", "美元", "千瓦", "吨")


#: What a size class is a class of (500万元以上技改项目, 30万千瓦以下煤电机组, 10亿元以上企业).
CLASSED = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:项目|企业|机组|工程|园区|主体|集群)")


def _classes_what_follows(after: str) -> bool:
    """技改项目9000个 → True: nouns naming things (项目, 企业 …) follow the size, with no verb before them (not
    资金重点支持民生项目: money spent on projects)."""
    m = CLASSED.match(after)
    tags = word_tags()
    return m is not None and all(not tags.get(token, "").startswith("v") for token in cut(m.group()))


def _a_noun_opens(after: str) -> bool:
    """国家下达的60亿元|甲乙资金 → True: a noun (or an adjective, a word of kind) follows, not a verb (用于…) or a
    mark."""
    tokens = cut(after[:6])
    return bool(tokens) and word_tags().get(tokens[0], "")[:1] in ("n", "a", "b", "j")


def _item_context(context: str, own_names: list[str]) -> str:
    """The context of one item of a list read 分别 (甲乙失业率、丙丁涨幅分别控制在5%和3%): the item's own name and the
    predicate after the list, so that each item's measure is read from its own name."""
    respectively = RESPECTIVELY.search(context)
    if respectively is None or len(own_names) != 1:
        return context
    return own_names[0] + context[respectively.start():]


#: Money: 完成投资1200亿元, 发放补贴66亿元, 实现生产总值3200亿元 are the period's amounts (its total); 新增贷款160亿元 and
#: 比上年增加300亿元 change a level.
MONEY = ("CNY", "USD")
#: A level changed by the number after the verb (提高1岁, 延长2年, 比上年增加300亿元), and one that lessens it (缩短3天,
#: 减少120万, 压减20亿元: negative).
DECREASED_BY = re.compile("(?:" + NEGATIVE.pattern + ")$")
CHANGED_BY = re.compile(r"(?:提高|延长|增加|多增)$|" + DECREASED_BY.pattern)
#: …or a change written before what it changes, which the name keeps, so the number is positive (今年再减少甲乙人口
#: 800万以上: 800万 of 减少甲乙人口; 增加甲乙投入20亿元).
CHANGE_BEFORE = re.compile(r"(?:^|[，、])[\u4e00-\u9fff]{0,4}?(?:减少|压减|削减|压缩|缩短|增加|提高)[\u4e00-\u9fff]{2,12}$")


def _names_a_kind(words: str) -> bool:
    """5A级景区 → True: words naming a kind of thing, with no verb, pronoun or adverb (积极推动文旅企业, 我们实现…)."""
    tags = word_tags()
    return all(tags.get(w, "n")[:1] not in ("v", "r", "d", "p", "c") or tags.get(w) == "vn" for w in cut(words))


def _a_noun_phrase(words: str) -> bool:
    """Words opening with a noun (煤炭产能, not 惠及): a later item of a list its first item's verb governs."""
    tokens = cut(words)
    return bool(tokens) and word_tags().get(tokens[0], "") in ("n", "nz", "vn")  # not ns: jieba's tag of 惠及


def _verb_before(near: str) -> str:
    """The words before a number without its hedge or 了: 缩短不少于|2天, 减少了|20亿元 → 缩短, 减少."""
    return _strip_qualifiers(near).removesuffix("了")


def _measure(quantity: Quantity, context: str, after: str, clause: str) -> str:
    unit = quantity.unit_norm
    if unit == "rank":
        return "rank"
    if unit == "percentage_point":
        return "change_pp"
    if unit == "ratio":
        return "share"
    near = context[-NEAR:]
    if unit == "permille":  # 婴儿死亡率2.8‰ is a rate; 下降0.5‰ changes it by so many points
        return "change_pp" if CHANGED_BY.search(_verb_before(near)) else "share"
    if unit == "percent":
        if GROWTH_NAMED_AFTER.match(after) and not CONTRIBUTION.search(clause):
            return "growth_rate"  # 连续4年保持20%以上的增长: the rate its noun names after it
        if LEVEL_REACHED.search(near):  # 甲乙占比提高到30%; 价格涨幅回落到2.3%: a level of a rate of growth
            return "growth_rate" if GROWTH_NAME.search(LEVEL_REACHED.sub("", near)) else "share"
        if SHARE.search(near) and not GROWTH.search(near[-3:]):
            return "share"
        return "growth_rate" if GROWTH.search(near) else "share"
    if CHANGED_BY.search(_verb_before(near)):
        return "increment"  # 人均预期寿命提高1岁, 甲乙支出压减超过20亿元: a change by so much
    if AMOUNT.search(near[-3:]) or LEVEL_REACHED.search(near) or near.endswith(("至", "到", "在")):
        return "amount"  # 达到…, 增加到…, 优化重组至…, 稳定在…: the level reached
    if (CHANGE_BEFORE.search(context) or (CHANGE_BEFORE.search(clause) and _a_noun_phrase(context))
            or (unit in MONEY and ADDED.search(context))):
        return "increment"  # 减少甲乙人口800万、丙丁人口300万, 新增贷款160亿元: a change the name says
    if unit in MONEY:
        return "amount"  # money spent, raised or earned in the period (完成投资, 发放补贴) is its amount
    if (INCREMENT.search(clause) or WORK_VERB.search(WORK_NOUN.sub("", clause)) or INCREMENT.match(after.lstrip("个"))
            or INCREMENT.search(after[:8])):
        return "increment"
    return "amount"


def _indicators(context: str, after: str, count: int = 1) -> list[str]:
    """Indicator names for a number: the clause's subject, or what follows the number (6家海河实验室 …); a list of
    as many names as the clause has numbers (甲和乙人均住房面积32.9平方米、37.1平方米) is read one name a number."""
    respectively = RESPECTIVELY.search(context)
    subject = _after_earlier_items(_clean_subject(context[:respectively.start()] if respectively else context))
    if respectively and len(subject) < 2:  # 甲区和乙区分别新增企业300家和500家: the name follows 分别
        subject = _clean_subject(context[respectively.end():])
    if (len(subject) < 2 or _ends_in_verb(subject) or BATCH_END.search(subject)
            or AMOUNT_OF_WHAT_FOLLOWS.search(context) or (context.endswith("的") and _a_noun_opens(after))):
        counted = _clean_subject(_noun_after(after))
        # 甲乙措施惠及80余万老年人: who the measure reaches, not the people alone
        subject = subject + counted if counted and len(subject) >= 4 and BENEFIT_VERB.search(subject) else (
            counted or WORK_DONE_END.sub("", subject))  # 甲乙收入完成260亿元。: nothing follows, 甲乙收入
    if not subject:
        return [UNNAMED]
    parts = [_balanced(p) for p in ITEM_SPLIT.split(subject) if len(p) >= 2]
    if ("分别" in context or "均" in context[-4:] or context.endswith(EACH) or len(parts) == count) and len(parts) > 1:
        if respectively and (measure := _measure_after(context[respectively.end():])):
            return [p + measure for p in parts]  # 交通、能源分别完成投资3252亿元、2140亿元: 交通投资, 能源投资
        parts = parts[:-1] + [_without_the_lists_count(parts[-1], len(parts))]
        return _with_the_opening_verb(_share_prefix(parts) or _share_comparison(parts) or _share_suffix(parts))
    if "分别" in context and (pair := PAIRED_WORD.search(subject)):  # 城乡居民收入分别增长6.8%、8.3%
        return [subject[:pair.start()] + side + subject[pair.end():] for side in PAIRS[pair["word"]]]
    return [subject]


def _without_the_lists_count(last: str, listed: int) -> str:
    """The last name of a list without the count of the list inside it, which the items share no more than the name
    does: 人工智能三大产业集群营收 after two other items → 人工智能产业集群营收.

    >>> _without_the_lists_count("人工智能三大产业集群营收", 3), _without_the_lists_count("甲乙五大连池游客", 2)
    ('人工智能产业集群营收', '甲乙五大连池游客')
    """
    inner = LIST_COUNT_INSIDE.search(last, 2)
    if inner is None or parse_number(inner["count"]) != listed:
        return last
    return last[:inner.start()] + last[inner.end():]


def _after_earlier_items(subject: str) -> str:
    """A subject without the earlier items and their counts run into it without a list mark: 创建甲乙产业园15个丙丁产业
    集群 → 丙丁产业集群. An item is a name ending in a noun: not a count of what follows it (我省14个市…, 全市共有3家
    企业…), a relative clause (发布的13个事项), a streak (连续33个榨季) or a list (甲、乙等2个园区).

    >>> _after_earlier_items("创建甲乙产业园15个丙丁产业集群"), _after_earlier_items("我省14个市地区生产总值")
    ('丙丁产业集群', '我省14个市地区生产总值')
    """
    while (m := EARLIER_ITEM.match(subject)) and (BATCH.fullmatch(m["item"]) or _ends_in_a_noun(m["item"])):
        subject = subject[m.end():]  # 首批121个: a batch counts what follows it
    return subject


def _names_a_thing_only(name: str) -> bool:
    """中小学, “甲乙”城市治理应用 → True; not a name opening or closing with a verb of adding or of work, or a stage, of
    its own (续建, 新引进学校, 投产项目, 棚户区改造): what it says is done is its own.

    >>> [_names_a_thing_only(n) for n in ("中小学", "城市治理应用", "棚户区改造", "投产项目")]
    [True, True, False, False]
    """
    return not INCREMENT_PREFIX.match(name) and not OWN_VERB_AT_AN_END.search(name)


def _ends_in_a_noun(words: str) -> bool:
    tokens = cut(words)
    return bool(tokens) and word_tags().get(tokens[-1], "")[:1] in ("n", "j") and tokens[-1] not in PLACE_NOUNS


#: Nouns of places and levels a count of divisions follows (我省14个市, 全国31个省份): no item of their own.
PLACE_NOUNS = frozenset(("省", "市", "区", "县", "我省", "我市", "我区", "全省", "全市", "全区", "全国", "全县"))


def _measure_after(predicate: str) -> str | None:
    """The measure a predicate read 分别 names after its verb (完成投资 → 投资), if it names one."""
    word = WORK_DONE.sub("", _strip_qualifiers(predicate))
    return word if word in MEASURE_NOUNS or word in PREDICATE_MEASURES else None


def _balanced(name: str) -> str:
    """A name without the half of a quote a split left it (“甲乙标准”、“丙丁品牌” → 甲乙标准”, “丙丁品牌), and without the
    quotes around it when it is one quote (“甲乙标准” → 甲乙标准); a quoted part stays quoted (“三库”项目)."""
    if name.count("“") != name.count("”"):
        return name.strip("“”")
    return name[1:-1] if WHOLLY_QUOTED.fullmatch(name) else name


WHOLLY_QUOTED = re.compile(r"“[^“”]+”")


#: Words that name a measure of a thing (data: graph/data/measure_nouns.txt), and those ending in 率.
MEASURE_NOUNS = frozenset(word_list("measure_nouns") + word_list("measures_of_measures"))
#: …and the measures a predicate read 分别 may name after its verb (data: graph/data/predicate_measures.txt).
PREDICATE_MEASURES = frozenset(word_list("predicate_measures"))
MAX_MEASURE = 4  # the longest measure word (营业收入)
#: Measure words that measure another measure (增速 of 地区生产总值, 占比 of 民生支出; data:
#: graph/data/measures_of_measures.txt, read by `_other_measure`; MEASURE_NOUNS holds them too).
MEASURES_OF_MEASURES = frozenset(word_list("measures_of_measures"))


def _is_measure_noun(word: str) -> bool:
    return word in MEASURE_NOUNS or (2 <= len(word) <= 3 and word.endswith("率"))


def _measure_ending(name: str) -> str | None:
    """The longest measure word ending a name after two or more characters of its thing: 旅游人数 → 人数."""
    return next((name[-n:] for n in range(min(len(name) - 2, MAX_MEASURE), 1, -1) if _is_measure_noun(name[-n:])),
                None)


#: What makes a measure a rate or a per-unit one, of which a total is no measure (能耗强度, 人均地区生产总值).
PER_UNIT = re.compile(r"强度|人均|单位|单产|率|指数")


def _other_measure(name: str, measure: str) -> str:
    """Another measure of the thing `name` measures (粮食播种面积, 产量 → 粮食产量), or a measure of the measure itself
    (财政民生支出, 占比 → 财政民生支出占比).

    >>> pairs = (("粮食播种面积", "产量"), ("民生支出", "占比"), ("游客人数", "人数"), ("营业收入", "利润总额"),
    ...          ("地区生产总值增速", "总量"))
    >>> [_other_measure(n, m) for n, m in pairs]
    ['粮食产量', '民生支出占比', '游客人数', '利润总额', '地区生产总值总量']
    """
    own = _measure_ending(name)
    if own == measure:
        return name
    if measure == "总量" and PER_UNIT.search(name):
        return measure  # 能耗强度…，总量…: the total of no rate, left as written
    if _is_measure_noun(name) and measure not in MEASURES_OF_MEASURES:
        return measure  # 营业收入, 利润总额: a measure of no thing named, not 营业利润总额
    # a measure of a measure replaces one the name ends with (地区生产总值增速, 总量 → 地区生产总值总量)
    return (name[:-len(own)] if own and (measure not in MEASURES_OF_MEASURES or own in MEASURES_OF_MEASURES)
            else name) + measure


def _share_prefix(parts: list[str]) -> list[str] | None:
    """Later items that each name only another measure of the first item's thing take its thing: 旅游人数、收入 →
    旅游人数, 旅游收入; 热线诉求解决率、满意率 → 热线诉求解决率, 热线诉求满意率. None when an item says more."""
    first = parts[0]
    own = _measure_ending(first)
    if own is None or not all(_is_measure_noun(item) and item != own for item in parts[1:]):
        return None
    return [first] + [_other_measure(first, item) for item in parts[1:]]


def _with_the_opening_verb(names: list[str]) -> list[str]:
    """Later names without a verb or stage of their own (see `_names_a_thing_only`) take the verb of adding or of work
    opening the first: 新增甲乙中学、丙丁学校 → 新增丙丁学校; 改造甲乙小区、背街小巷 → 改造背街小巷.

    >>> _with_the_opening_verb(["新建甲乙中学", "丙丁学校", "改造戊己学校"])
    ['新建甲乙中学', '新建丙丁学校', '改造戊己学校']
    """
    verb = SHARED_OPENING_VERB.match(names[0])
    if verb is None:
        return names
    return [names[0]] + [verb.group() + n if _names_a_thing_only(n) else n for n in names[1:]]


def _share_comparison(parts: list[str]) -> list[str] | None:
    """Later items naming only what the first one is compared with take its comparison: 增速高于全国、全省 → 增速高于全国,
    增速高于全省. None when an item says more."""
    compared = re.match(".*" + _COMPARED, parts[0])
    if compared is None or not all(re.fullmatch(_LEVEL_COMPARED_WITH, item) for item in parts[1:]):
        return None
    return [parts[0]] + [compared.group() + item for item in parts[1:]]


def _share_suffix(parts: list[str]) -> list[str]:
    """工业和高技术制造业增加值 → 工业增加值, 高技术制造业增加值."""
    last = parts[-1]
    if "占" in last[1:]:  # 制造业增加值、数字经济核心产业增加值占全市地区生产总值比重
        suffix = last[last.index("占", 1):]
        return [p if p.endswith(suffix) else p + suffix for p in parts[:-1]] + [last]
    suffix = next((s for s in ("增加值", "占比", "比重", "数量", "收入", "总额", "规模", "吞吐量") if last.endswith(s)), "")
    # 全域旅游人数 (before 旅游综合收入) names its measure already: it shares nothing with the name after it
    return [p if (suffix and p.endswith(suffix)) or _measure_ending(p) else p + _parallel_rest(p, last, suffix)
            for p in parts[:-1]] + [last]


#: The longest list item read as a modifier of the last item's rest (粮油、果蔬、水产品加工能力).
MAX_MODIFIER = 3


def _parallel_rest(item: str, last: str, suffix: str) -> str:
    """What an item takes from the list's last name: all after the word paralleling it, when that word is as long
    (城镇 of 城镇、农村居民人均可支配收入 → 居民人均可支配收入) or the item is a short modifier and the name ends in no
    generic suffix (粮油 of 粮油、水产品加工能力 → 加工能力), else the generic suffix (工业 of 工业和高技术制造业增加值 →
    增加值; 跨国公司地区总部 of …、外资研发中心 stays whole)."""
    first = cut(last)[0]
    rest = re.sub(r"^（[^）]*）", "", last[len(first):])  # 领军（培育）企业: the note is the last item's own
    if len(first) < len(last) and (len(first) == len(item) or (not suffix and len(item) <= MAX_MODIFIER)):
        return rest
    return suffix


def _rest_of_a_part(part: str, counted: str) -> str:
    """What a part after 其中 takes of the thing counted: all of it after a place (其中农村400个), the rest after its
    grade after a grade (其中5A级2家 of A级景区 → 景区), nothing after a kind of its own (其中企业2万户)."""
    if WHERE_ONLY.fullmatch(part):
        return counted
    if GRADE.fullmatch(part):
        return GRADE.sub("", counted)
    return ""


def _names_a_part(name: str) -> bool:
    """A name after 其中 naming a kind of the thing added (企业) or where it is (农村), not work (新建…), a place of its
    own (中心城区) or nothing."""
    return (name != UNNAMED and not INCREMENT.search(name)
            and (WHERE_ONLY.fullmatch(name) is not None or not name.endswith(AREA_HEADS)))


#: A year a number is measured against, closing the words before it (分别恢复到2019年的95%): no name.
BASELINE_YEAR_END = re.compile(r"(?:恢复|回升|回到|相当于|达到|是|为)?(?:到|至)?\d{4}年(?:同期)?(?:水平)?的?$")


def _clean_subject(text: str) -> str:
    text = text.strip(' "').removesuffix(EACH)  # 甲、乙各2所: 各 says each item has the number
    if text.count("“") != text.count("”"):  # “三公”经费 cut at its opening quote
        text = text.replace("“", "").replace("”", "")
    text = _after_ba_lead(LEADING_NOISE.sub("", LEVERAGED_BY.sub("", text)))
    text = TIME_PREFIX.sub("", text)
    text = COMPARISON_PREFIX.sub("", text)
    text = SCOPE_PREFIX.sub("", text)
    text = SCOPE_PREFIX.sub("", LEADING_NOISE.sub("", re.sub(r"^预计", "", text)))  # again: 今年的…, 预计全市…
    text = BASELINE_YEAR_END.sub("", CHANGE_START.sub("", text))
    previous, written = None, text
    while previous != text:
        previous = text
        text = TRAILING_VERBS.sub("", text)
        text = re.sub(r"(?:年均|五年|全年|年内|同比|[比较](?:上年|去年|年初|上年末|上年同期|\d{4}年末?)|"
                      r"连续[一二三四五六七八九十两\d]+年)$", "", text)
        if text != written or text.endswith("五年累计"):  # 累计 before a verb (累计提高) or after a span: not after
            text = re.sub(r"累计$", "", text)  # a name alone (自贸试验区累计15项改革成果: what follows is counted)
    return _balanced(text.strip("，、 "))  # a quoted part stays quoted: “三库”项目


def _after_ba_lead(text: str) -> str:
    """The text after a short lead ending in the word 把 (坚持把甲乙支出 → 甲乙支出; not 火把节, 把握)."""
    m = BA_LEAD.match(text)
    if m is None or "把" not in cut(text[:m.end() + 2]):
        return text
    return text[m.end():]


#: Verbal nouns that end a name as nouns, never as the verb before a count (保障农民工工资支付工作连续4年位列第一,
#: 甲乙支出的七成以上用于民生, 力争投资突破万亿元大关).
NOUN_ENDINGS = ("工作", "支出", "投资")
#: …but a total investment is that of the project after its number (总投资711亿元的甲乙项目).
OF_WHAT_FOLLOWS = ("总投资",)


#: A complement saying a verb's work is done well (发挥好, 落实好), after the verb.
RESULT_COMPLEMENT = re.compile(r"(?<=[\u4e00-\u9fff]{2})好$")


def _ends_in_verb(subject: str) -> bool:
    """建成, 在全国首批印发, 真金白银拿出, 天纺标等, 15家备案博物馆和, 发挥好, 加大对: what is counted follows the
    number."""
    if subject.endswith(("等", "和", "及", "、", "对", "向")) or re.search(r"\d[" + COUNT_UNITS + "]", subject):
        return True
    if COUNTING_VERB.search(subject):
        return True
    return any(_last_word_a_verb(words, subject) for words in {subject, RESULT_COMPLEMENT.sub("", subject)})


def _last_word_a_verb(words: str, subject: str) -> bool:
    """True when `words` (the subject, or the subject less a complement) end in a verb of two characters or more,
    not a verb used as a noun ending the subject (see NOUN_ENDINGS, OF_WHAT_FOLLOWS)."""
    tokens = cut(words)
    return (bool(tokens) and word_tags().get(tokens[-1], "").startswith("v") and len(tokens[-1]) > 1
            and (tokens[-1] not in NOUN_ENDINGS or subject.endswith(OF_WHAT_FOLLOWS)))


#: A number that counts or measures something, or a round amount, which ends the name of the number before it
#: (15个方面|300多项改革举措, 甲乙项目完成投资|超千亿元), unlike one inside a name (500强企业, 5G工厂).
NEXT_COUNT = (r"(?:[0-9]+(?:\.[0-9]+)?(?:多|余)?(?:[万亿]|[个项家条座所种处批])(?!(?:以上|左右)?的|级)"
              r"|(?<![前后])[0-9]+(?:\.[0-9]+)?[%％]"  # 水质优良率达|98.6%, not 进入ESI全球前1%
              r"|(?<![千百万十])(?:超过?|突破|达)?[千百万]?亿元(?=[，。；、]|$))")  # not 超千亿元的集群, 千亿元级集群


def _noun_after(after: str) -> str:
    """The name a number counts when its clause names nothing before it, up to a verb, a list mark or the next
    count or amount (解决3亿多农村人口的饮水安全和无电区445万人的用电问题 → 农村人口的饮水安全和无电区; 确定的15个方面
    300多项改革举措 → 方面; 121个甲乙重点项目完成投资超千亿元 → 甲乙重点项目完成投资; 120个甲乙项目6月底前全部开工 →
    甲乙项目)."""
    after = re.sub(r"^(?:（[^）]{1,4}）)?(?:的|“)?", "", after)  # 15万台（套）: the unit's other form, no name
    m = re.match(r"(?:（[^）]*）|[^，。；、（])*?(?=实现|投入|开展|在(?!建|营|运)|全部|成为|荣获|获|落地|建成|竣工|保质保量|达到|成效|加快|稳步|发布|"
                 r"取得|如期|顺利|可以|就能|能够|(?<=[\u4e00-\u9fff]{2})(?:用于|投向|有序|[0-9]{1,2}月(?:底|末)?前|年底前|(?<!青)年内)|"
                 r"、|[和及](?=[0-9])|"
                 r"(?<=[\u4e00-\u9fff])" + NEXT_COUNT + "|$)", after)
    name = (m.group() if m else after)[:20]
    if len(name) < 2 and (clause := RELATIVE_CLAUSE.match(after)):
        return _noun_after(after[clause.end():])  # 30所达到三级医院标准的甲乙中心: what the clause describes
    return name


#: A clause describing what a number counts, before it (达到三级医院标准的).
RELATIVE_CLAUSE = re.compile(r"[^，。；、“”]{2,16}?的(?=[\u4e00-\u9fff])")


def _without_places(context: str, districts: list, followed: list = ()) -> str:
    """河西区地区生产总值 → 地区生产总值, 北辰区、和平区力争 → 力争: places are the scope, not the indicator; nor are
    places the subject follows, with the words saying so (甲市继乙市之后经济总量… → 经济总量)."""
    context = FOLLOWING.sub(lambda m: "" if _only_places(m["places"], followed) else m.group(), context)
    for d in sorted(list(districts) + list(followed), key=lambda d: -len(d.surface)):
        context = context.replace(d.surface, "")
    context = re.sub(r"^(?:[、及与]|" + AND + ")+", "", context)
    return re.sub(r"^之?后", "", context) if followed else context  # (继甲市、)乙市之后: the list's last item


def _followed(text: str, districts: list, start: int) -> list:
    """The places a clause (from `start`) says its subject follows: 乙市 and 丙市 of 甲市继乙市、丙市之后…; not a place
    in 继续… or 相继… (no following)."""
    if not districts:
        return []
    end = max(d.end for d in districts) + len("之后")
    spans = [m.span("places") for m in FOLLOWING.finditer(text, start, end) if _only_places(m["places"], districts)]
    return [d for d in districts if any(s <= d.start and d.end <= e for s, e in spans)]


def _only_places(words: str, places: list) -> bool:
    """words names only `places`, listed: 乙市、丙市 → True."""
    for d in sorted(places, key=lambda d: -len(d.surface)):
        words = words.replace(d.surface, "")
    return bool(places) and re.fullmatch(r"[、和及与]*", words) is not None


def _last_indicator_of_paragraph(doc: Document, sentence: Sentence, before: list[ObservationFact]) -> list[str]:
    same = [o for o in before if doc.sentences[o.sentence].paragraph == sentence.paragraph]
    return [same[-1].indicator] if same else [UNNAMED]


def _list_item_start(text: str, floor: int, offset: int) -> int:
    """Where the list item before `offset` starts: after the last 、 not inside brackets (县（市、区）is one item)."""
    i = text.rfind(LIST_BREAK, floor, offset)
    while i >= 0 and text.count("）", i, offset) > text.count("（", i, offset):  # a bracket closes after it
        i = text.rfind(LIST_BREAK, floor, i)
    return floor if i < 0 else i + 1


#: Written before a number each item of the list before it has (甲、乙各2所).
EACH = "各"
#: Units of things counted together after a verb they share (新建甲乙中学、丙丁学校12所): a count, not a measure of
#: the last item alone (建成甲乙公园、丙丁绿道20公里).
COUNTED_TOGETHER_UNITS = frozenset(COUNT_UNITS) | {"户", "人", "套", "场", "部", "台", "辆"}


def _counted_together(doc: Document, start: int, mention: re.Match, names: list[tuple[int, int]]) -> bool:
    """The list before a count, from `start`, counted as one: its items share the verb opening it (see
    `_shares_the_opening_verb`), the unit counts things (each item's with 各: 甲、乙各2所), and no item is a place's or
    a named project (建成甲乙医院、社区卫生服务中心15个)."""
    text = doc.text
    return (mention.group("num") is not None and mention.group("unit") in COUNTED_TOGETHER_UNITS
            and (text.endswith(EACH, 0, mention.start()) or _shares_the_opening_verb(text, start, mention.start()))
            and not any(start <= s < mention.start() for s, _ in names)
            and not district_mentions(doc, start, mention.start()))  # the gazetteer last: the dearest check


def _shares_the_opening_verb(text: str, start: int, end: int) -> bool:
    """A list of things counted together, the verb of work opening it theirs: 新建中小学、幼儿园36所 (not 推进甲乙
    建设、新建幼儿园36所 or 甲乙实现全覆盖、丙丁处理率98%, lists of clauses, nor 甲乙80家、丙丁36家).

    >>> _shares_the_opening_verb("新建中小学、幼儿园", 0, 9), _shares_the_opening_verb("推进甲乙建设、新建幼儿园", 0, 12)
    (True, False)
    """
    first, *rest = text[start:end].split(LIST_BREAK)
    return (bool(rest) and INCREMENT.match(first, SHARED_VERB_LEAD.match(first).end()) is not None
            and not DIGIT.search(text, start, end)
            and not any(INCREMENT.match(item) or WORK_VERB.match(item) or LEADING_NOISE.match(item) for item in rest))


#: What may come before the verb a list of things counted together shares: 全市新建…, 今年新增…, 一是新建….
SHARED_VERB_LEAD = re.compile(r"(?:[一二三四五六七八九十]{1,3}是)?(?:[全我本][省市区县国]|全年|今年|去年)?")
