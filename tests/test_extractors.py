"""Extractors, each on small handmade snippets: what they find, and what they must leave alone."""
from __future__ import annotations

import pytest

from govkg.document import parse_document
from govkg.extract.actions import extract_actions
from govkg.extract.metadata import extract_metadata
from govkg.extract.observations import extract_observations
from govkg.extract.places import extract_places
from govkg.extract.projects import extract_projects
from govkg.pipeline import read_document, run_pipeline
from govkg.quantity import parse_number, parse_quantity

REVIEW = "一、2022年工作回顾\n"
PLAN = "二、2023年工作安排\n"
FIVE_YEAR_REVIEW = "一、过去五年工作回顾\n"


def doc_of(body: str, region: str = "天津市", year: int = 2023):
    return read_document(body, "t", region=region, year=year)


def observations(body: str, **kw):
    return [(o.indicator, o.quantity.value_norm, o.quantity.unit_norm, o.qualifier, o.measure, o.status, o.period)
            for o in extract_observations(doc_of(body, **kw))]


# --- numbers and units ---------------------------------------------------------------------------------

@pytest.mark.parametrize("number, unit, norm, unit_norm", [
    ("1.6", "万亿元", 1.6e12, "CNY"), ("253", "亿美元", 2.53e10, "USD"), ("44.9", "万人", 449000, "person"),
    ("70", "万户", 700000, "household"), ("2100", "万标准箱", 2.1e7, "TEU"), ("24", "万亩", 240000, "mu"),
    ("50", "亿斤", 5e9, "jin"), ("37", "微克/立方米", 37, "ug/m3"), ("1.3", "个百分点", 1.3, "percentage_point"),
    ("875", "平方公里", 875, "km2"), ("三", "位", 3, "rank"), ("５", "%", 5, "percent"), ("1", "个工作日", 1, "day"),
    ("3", "个月", 3, "month"),
])
def test_parse_quantity_normalizes_units(number, unit, norm, unit_norm):
    q = parse_quantity(number, unit)
    assert (q.value_norm, q.unit_norm) == (pytest.approx(norm), unit_norm)


def test_spans_of_months_before_numbers_tiers_and_degrees_of_slope_are_no_quantities():
    found = observations(REVIEW + "前11个月甲乙增加值增长5%，提前3个月完成全年目标任务，平均用时缩短至3个月。丙丁产业进入全球先进"
                                  "制造业集群第一方阵。实施25度以上坡耕地退耕还林10万亩，节约用电500万度。\n")
    assert [(o[0], o[1], o[2]) for o in found] == [
        ("甲乙增加值", 5, "percent"), ("平均用时", 3, "month"), ("实施25度以上坡耕地退耕还林", 1e5, "mu"),
        ("节约用电", 5e6, "kWh")]


def test_livestock_poultry_and_trees_are_counted_by_their_own_counters():
    assert [o[:3] for o in observations(REVIEW + "生猪出栏80万头，牛羊出栏30万头只，家禽出栏900万羽，植树20万株。")] == [
        ("生猪出栏", 800000, "count"), ("牛羊出栏", 300000, "count"), ("家禽出栏", 9000000, "count"),
        ("植树", 200000, "count")]


def test_parse_number_rejects_words():
    with pytest.raises(ValueError):
        parse_number("若干")


# --- document and metadata -----------------------------------------------------------------------------

def test_document_parts_and_item_headings():
    doc = parse_document(REVIEW + "（一）经济稳定。增长3%。\n" + PLAN + "（一）聚焦创新\n推进改革。\n", "t")
    assert [s.part for s in doc.sections] == ["review", "plan"]
    assert [p.is_item_heading for p in doc.paragraphs] == [False, True, False, True, False]
    assert doc.text[doc.sentences[2].start:doc.sentences[2].end] == "增长3%。"


def test_a_part_whose_opening_looks_back_is_the_review_even_after_a_long_first_paragraph():
    opening = "2024年是极不平凡的一年，" + "我们攻坚克难、砥砺前行，" * 20 + "成绩来之不易。\n"
    doc = parse_document("一、牢记嘱托，在接续奋斗中取得新成效\n" + opening + "一年来，我们推动经济回升向好。\n"
                         "二、牢记使命，在现代化建设中奋勇争先\n今年增长5%左右。\n", "t")
    assert [s.part for s in doc.sections] == ["review", "plan"]


def test_metadata_from_opening_line():
    m = extract_metadata("2025年1月14日在北京市第十六届人民代表大会第三次会议上\n北京市市长 某某")
    assert (m.region, m.year, m.date) == ("北京市", 2025, "2025-01-14")


def test_a_dateline_without_its_day_gives_the_year_and_a_month_in_the_text_does_not():
    m = extract_metadata("政府工作报告\n——2021年1月在昆山市第十七届人民代表大会第五次会议上\n一、2020年工作回顾\n")
    assert (m.region, m.year, m.date, m.year_source) == ("昆山市", 2021, None, "dateline")
    m = extract_metadata("政府工作报告\n各位代表：\n2023年12月在北京召开的会议上作出部署。\n一、2023年工作回顾\n")
    assert (m.year, m.year_source) == (2024, "review heading")


def test_a_date_and_headings_in_chinese_numerals_give_the_year():
    m = extract_metadata("政府工作报告\n——二〇二四年一月十五日在洛阳市第十六届人民代表大会第四次会议上\n")
    assert (m.region, m.year, m.date) == ("洛阳市", 2024, "2024-01-15")
    m = extract_metadata("政府工作报告\n各位代表：\n一、二〇二三年工作回顾\n过去一年。\n二、二〇二四年工作安排\n")
    assert (m.year, m.year_source) == (2024, "review heading")


def test_metadata_missing_gives_none():
    m = extract_metadata("没有日期的文字")
    assert (m.region, m.year, m.meeting) == (None, None, None)


# --- observations --------------------------------------------------------------------------------------

def test_review_numbers_are_actual_and_plan_numbers_targets():
    found = observations(REVIEW + "全市地区生产总值增长3%。\n" + PLAN + "地区生产总值增长4%左右。")
    assert found == [("地区生产总值", 3.0, "percent", None, "growth_rate", "actual", "2022"),
                     ("地区生产总值", 4.0, "percent", "左右", "growth_rate", "target", "2023")]


def test_five_year_review_numbers_cover_five_years():
    found = observations(FIVE_YEAR_REVIEW + "五年来，累计引进各类人才37.2万人。")
    assert found == [("引进各类人才", 372000.0, "person", None, "increment", "actual", "2018-2022")]


def test_goals_of_a_sentence_opening_with_the_five_years_ahead_are_the_five_years_wherever_it_stands():
    found = observations(PLAN + "今后五年，全市甲乙总值年均增长6%以上，丙丁率达到70%。今年甲乙总值增长6%。"
                                "着眼今后五年发展，今年戊己总值增长5%左右。")
    assert [(o[0], o[6]) for o in found] == [("甲乙总值", "2023-2027"), ("丙丁率", "2027"), ("甲乙总值", "2023"),
                                             ("戊己总值", "2023")]
    assert [o[6] for o in observations(REVIEW + "未来五年，全年甲乙总值增长6%。")] == ["2022"]  # a result, not a goal


def test_explicit_year_wins_and_decline_is_negative():
    found = observations(PLAN + "到2027年，PM2.5年均浓度下降10%。")
    assert found == [("PM2.5年均浓度", -10.0, "percent", None, "growth_rate", "target", "2027")]


def test_lists_with_respectively_give_one_record_each():
    found = observations(REVIEW + "雏鹰、瞪羚、领军企业分别超过5800家、460家、310家。")
    assert [(o[0], o[1], o[3]) for o in found] == [("雏鹰企业", 5800, "超过"), ("瞪羚企业", 460, "超过"), ("领军企业", 310, "超过")]


def test_share_rank_and_percentage_points():
    found = observations(REVIEW + "研发投入强度达到3.41%，居全国第三位，优良天数比率提高15.3个百分点。")
    assert [(o[1], o[2], o[4]) for o in found] == [(3.41, "percent", "share"), (3.0, "rank", "rank"),
                                                  (15.3, "percentage_point", "change_pp")]


@pytest.mark.parametrize("text, value, indicator", [
    ("某某产业规模跃居全国首位。", 1, "某某产业规模"),
    ("甲乙企业数量居全球城市首位。", 1, "甲乙企业数量"),
    ("丙丁指数跻身全球前三位。", 3, "丙丁指数"),
    ("甲乙集群跻身全球百强产业集群前五位。", 5, "甲乙集群"),
    ("戊己考核全国第一。", 1, "戊己考核"),
    ("庚辛综合指数居同类城市第5名。", 5, "庚辛综合指数"),
])
def test_ranks_written_many_ways_are_rank_observations(text, value, indicator):
    found = observations(REVIEW + text)
    assert [(o[0], o[1], o[2], o[4]) for o in found] == [(indicator, value, "rank", "rank")]


@pytest.mark.parametrize("text, indicator", [
    ("今年的经济增长预期目标定为6%左右。", "经济增长预期目标"),
    ("货币供应量预期增长目标拟定为12%。", "货币供应量预期增长目标"),
    ("甲乙增长目标设定为5.5%左右。", "甲乙增长目标"),
    ("新增30所达到三级医院标准的甲乙次中心。", "甲乙次中心"),
    ("推动甲乙收集率达75%。", "甲乙收集率"),  # 推动/推进 introduce the work, they are not its name
    ("甲乙推进率达到95%。", "甲乙推进率"),
    ("推进甲乙片区更新70个。", "甲乙片区更新"),
    ("甲乙排放量都要减少2%。", "甲乙排放量"),  # 都 (all of them) is an adverb; 首都 and 成都 keep theirs
    ("游客到访成都120万人次。", "游客到访成都"),
    ("用好国家下达的60亿元甲乙资金。", "甲乙资金"),  # a clause with 的 before the number: the money is what follows
    ("把甲乙支出的七成以上用于民生。", "甲乙支出"),  # …but not a verb after it
    ("中央财政用于甲乙的投入拟安排100亿元。", "中央财政用于甲乙的投入"),
    ("但赤字率为3%。", "赤字率"),
    ("补助标准由每人每年180元提高。", "补助标准"),
])
def test_indicator_names_lose_the_words_around_them(text, indicator):
    assert [o[0] for o in observations(PLAN + text)][:1] == [indicator]


def test_a_rank_moving_from_one_place_to_another_gives_both():
    found = observations(REVIEW + "某园区在评估中从第9名提升至第2名。")
    assert [(o[1], o[2]) for o in found] == [(9, "rank"), (2, "rank")]


@pytest.mark.parametrize("text", [
    "各项工作位居全国前列。", "建成全国首个数据交易所。", "全国第一个自贸区挂牌。", "从第一批试点做起。",
])
def test_an_ordinal_or_a_rank_without_a_number_is_no_observation(text):
    assert [o for o in observations(REVIEW + text) if o[2] == "rank"] == []


def test_a_round_amount_written_without_digits():
    found = observations(REVIEW + "某某产业规模首次突破万亿元，游客接待量破亿人次，甲乙收入超千亿元，丙丁产值迈上百亿元台阶。")
    assert [(o[0], o[1], o[2], o[3]) for o in found] == [
        ("某某产业规模", 1e12, "CNY", "突破"), ("游客接待量", 1e8, "person_time", "破"), ("甲乙收入", 1e11, "CNY", "超"),
        ("丙丁产值", 1e10, "CNY", None)]  # passed, not reached


def test_a_total_or_a_speed_ranked_in_a_scope_measures_the_indicator_before_it():
    found = observations(REVIEW + "全市甲乙总值达到900亿元，增长6%，总量在全国城市中排名第19位。丙丁产值增长5%、增速全国第3，"
                                  "总量达到600亿元。戊己产值在全国同类城市中位居第3位。")
    assert [(o[0], o[1], o[4]) for o in found] == [
        ("甲乙总值", 9e10, "amount"), ("甲乙总值", 6, "growth_rate"), ("甲乙总值总量", 19, "rank"),
        ("丙丁产值", 5, "growth_rate"), ("丙丁产值增速", 3, "rank"), ("丙丁产值总量", 6e10, "amount"),
        ("戊己产值", 3, "rank")]
    # the total after a rate or a per-unit measure is of no rate: left as written
    found = observations(REVIEW + "能耗强度下降3%，总量控制在2000万吨标准煤。人均甲乙产值达到10万元，总量突破500亿元。")
    assert [o[0] for o in found] == ["能耗强度", "总量", "人均甲乙产值", "总量"]


def test_the_count_of_a_list_inside_its_last_name_is_no_part_of_the_items_names():
    found = observations(REVIEW + "集成电路、新型显示、人工智能三大产业集群营收均超千亿元。汽车、电子两个产业集群产值分别达到50亿元、"
                                  "60亿元。")
    assert [o[0] for o in found] == ["集成电路产业集群营收", "新型显示产业集群营收", "人工智能产业集群营收", "汽车产业集群产值",
                                     "电子产业集群产值"]


@pytest.mark.parametrize("text, unit_norm", [
    ("完成老旧平房改造2000户。", "household"), ("新增市场主体3万户。", "count"),
    ("优良天数达到280天。", "day"), ("门诊量达12万人次。", "person_time"), ("蔬菜产量200万吨。", "t"),
])
def test_unit_conventions(text, unit_norm):
    assert [o[2] for o in observations(REVIEW + text)] == [unit_norm]


@pytest.mark.parametrize("text", [
    "实施“562”重大生态工程。", "全面完成30项民心工程。", "地铁21号线开通。", "（一）", "召开第三届甲乙智能大会。",
    "推进甲乙30万吨级进港航道建设。", "推动甲乙公园24小时开放。", "对所有重点污染源实行24小时在线监控。",
])
def test_names_labels_and_ordinals_are_not_observations(text):
    assert observations(REVIEW + text) == []


def test_district_scope_is_taken_from_the_clause():
    found = extract_observations(doc_of(REVIEW + "河西区地区生产总值增长5%。"))
    assert [(o.scope, o.indicator) for o in found] == [("河西区", "地区生产总值")]


def test_the_division_opening_a_sentence_is_the_scope_of_its_later_clauses_and_of_a_rank_of_it():
    found = extract_observations(doc_of(REVIEW + "其中，河西区甲乙增加值增长12%，居全市第一。北辰区接待游客900万人次，"
                                                 "全区旅游收入突破50亿元。西青区甲乙总值增长7%，全市增长6%。"
                                                 "全市丙丁总值增长5%，东丽区增长9%、居全市第二。"))
    assert [(o.scope, o.quantity.value) for o in found] == [
        ("河西区", 12), ("河西区", 1), ("北辰区", 900), ("北辰区", 50), ("西青区", 7), ("天津市", 6), ("天津市", 5),
        ("东丽区", 9), ("东丽区", 2)]  # 全区 is the district's; 全市 the region's


def test_the_one_place_told_what_to_do_is_the_scope_of_its_part_of_the_sentence():
    found = extract_observations(doc_of(PLAN + "西青区要聚焦甲乙制造，力争营业收入突破900亿元；武清区要做强丙丁物流，"
                                               "全市新增企业200家；北辰区、东丽区要加快发展，新增就业1万人。"
                                               "东丽区要加快转型；甲乙产值增长9%。"
                                               "鹤州高新区要聚焦丙丁产业，力争营业收入突破1400亿元。"))
    assert [(o.scope, o.quantity.value) for o in found] == [
        ("西青区", 900), ("天津市", 200), ("天津市", 1), ("天津市", 9),  # 全市, a row of places, after a ；
        ("鹤州高新区", 1400)]


def test_places_read_respectively_take_one_number_each():
    found = extract_observations(doc_of(REVIEW + "河西区、南开区地区生产总值分别增长7%、6.5%。和平区和河东区分别新增企业300家和500家。"))
    assert [(o.scope, o.indicator, o.quantity.value) for o in found] == [
        ("河西区", "地区生产总值", 7.0), ("南开区", "地区生产总值", 6.5), ("和平区", "新增企业", 300.0),
        ("河东区", "新增企业", 500.0)]


def test_things_counted_together_after_the_verb_they_share_are_one_name():
    found = observations(REVIEW + "全市新建甲乙中学、丙丁学校12所，完成老旧小区、城中村改造90个。推进甲乙园建设、新建幼儿园8所。"
                                  "打造丙丁先导区、力争产业规模达到900亿元。县城实现污水处理全覆盖、垃圾无害化处理率97%。")
    assert [name for name, *_ in found] == ["新建甲乙中学、丙丁学校", "老旧小区、城中村改造", "新建幼儿园", "产业规模",
                                            "垃圾无害化处理率"]
    # …after the label of a numbered item too
    found = observations(PLAN + "办好民生实事：一是新建、改扩建甲乙学校10所；二是新增丙丁中心、戊己站30个。")
    assert [name for name, *_ in found] == ["新建、改扩建甲乙学校", "新增丙丁中心、戊己站"]


def test_a_number_after_各_is_each_items_and_a_measure_is_the_last_items_alone():
    found = observations(REVIEW + "新增甲乙大学、丙丁学校各2所，建成戊己公园、庚辛绿道20公里。")
    assert [(o[0], o[1]) for o in found] == [("新增甲乙大学", 2), ("新增丙丁学校", 2), ("庚辛绿道", 20)]


def test_a_count_right_after_a_list_ending_in_a_place_counts_across_the_list():
    found = extract_observations(doc_of(PLAN + "加快建设甲乙、西青、丙丁、武清4座抽水蓄能电站。西青区新建公园3座。"))
    assert [(o.scope, o.indicator, o.quantity.value) for o in found] == [
        ("天津市", "抽水蓄能电站", 4.0), ("西青区", "新建公园", 3.0)]


def test_a_place_after_an_item_with_its_own_number_is_that_numbers_scope():
    found = extract_observations(doc_of(REVIEW + "全市新增企业100家、西青区30家。其中滨海新区新增企业30家、北辰区20家。"
                                                 "西青区、武清区率先达到1000亿元。"))
    assert [(o.scope, o.quantity.value) for o in found] == [
        ("天津市", 100.0), ("西青区", 30.0), ("滨海新区", 30.0), ("北辰区", 20.0), ("西青区", 1000.0),
        ("武清区", 1000.0)]


def test_estimated_flag():
    found = extract_observations(doc_of(REVIEW + "全市地区生产总值预计达到2.3万亿元左右。"))
    assert found[0].estimated and found[0].qualifier == "左右"


def test_a_hedge_on_a_count_of_people_is_its_qualifier_not_part_of_the_name():
    found = observations(PLAN + "完成500万以上甲乙人口搬迁，实现2亿左右丙丁人口落户，解决3亿多戊己人口饮水问题，帮扶约20万群众。\n")
    assert [(o[0], o[1], o[3]) for o in found] == [
        ("甲乙人口搬迁", 5e6, "以上"), ("丙丁人口落户", 2e8, "左右"), ("戊己人口饮水问题", 3e8, "余"), ("群众", 2e5, "约")]


def test_a_name_after_a_number_ends_before_the_next_large_number():
    found = observations(REVIEW + "解决3亿多甲乙人口的饮水安全和丙丁区445万人的用电问题。建成120公里地铁4号线。\n")
    assert [o[0] for o in found][0::2] == ["甲乙人口的饮水安全和丙丁区", "地铁4号线"]


def test_a_clause_naming_only_another_measure_measures_the_thing_before_it_in_its_clause():
    found = observations(REVIEW + "甲乙播种面积120万亩、产量50万吨，丙丁支出突破100亿元、占比80%。戊己增长5%，增速全国第3。"
                                  "赤字率提高到3%，规模居全国第5位。\n")
    # a measure of a measure (增速) alone is the indicator before it's across a comma too; another thing's measure
    # (规模) only in its clause
    assert [o[0] for o in found] == ["甲乙播种面积", "甲乙产量", "丙丁支出", "丙丁支出占比", "戊己", "戊己增速", "赤字率",
                                     "规模"]


def test_a_stretch_target_reached_is_the_same_growth_and_each_item_read_respectively_has_its_own_measure():
    found = observations(PLAN + "甲乙总值增长7%以上、力争达到8%，丙丁率达到60%、力争达到62%，"
                                "戊己失业率、庚辛价格涨幅分别控制在5%和3%以内。\n")
    assert [(o[0], o[1], o[3], o[4]) for o in found] == [
        ("甲乙总值", 7.0, "以上", "growth_rate"), ("甲乙总值", 8.0, None, "growth_rate"),
        ("丙丁率", 60.0, None, "share"), ("丙丁率", 62.0, None, "share"),
        ("戊己失业率", 5.0, "以内", "share"), ("庚辛价格涨幅", 3.0, "以内", "growth_rate")]


def test_a_number_after_a_stage_verb_counts_what_follows_it():
    found = observations(PLAN + "加快推进300个甲乙重大项目，加快建设4个丙丁产业基地，超前谋划50个戊己事项。\n")
    assert [o[0] for o in found] == ["甲乙重大项目", "丙丁产业基地", "戊己事项"]


def test_whom_a_measure_reaches_is_named_with_the_measure():
    found = observations(REVIEW + "甲乙服务保障措施惠及80余万高龄和失能失智老年人，丙丁试点惠及1.7万个家庭，戊己改造惠及3万多家庭，"
                                  "庚辛服务覆盖300个小区。\n")
    assert [(o[0], o[1], o[2], o[3]) for o in found] == [
        ("甲乙服务保障措施惠及高龄和失能失智老年人", 8e5, "person", "余"), ("丙丁试点惠及家庭", 1.7e4, "count", None),
        ("戊己改造惠及", 3e4, "household", "余"), ("庚辛服务覆盖小区", 300.0, "count", None)]


def test_a_count_of_people_without_a_unit_is_read_only_when_they_are_named_before_it():
    found = observations(REVIEW + "甲乙运动参与人次超630万。丙丁贫困人口减少1240万，戊己总用户数近3500万，庚辛达到20万。\n")
    assert [(o[0], o[1], o[2]) for o in found] == [("甲乙运动参与人次", 6.3e6, "person_time"),
                                                   ("丙丁贫困人口", -1.24e7, "person")]


def test_a_change_from_one_level_to_another_names_its_indicator_once_and_reads_thousands_after_wan():
    found = observations(REVIEW + "甲乙充足率从2015年底的7.2%提升到去年底的11.6%。丙丁利润由上年下降1.8%转为增长6.5%。"
                                  "戊己里程从7000多公里增加到1万8千公里。\n")
    assert [(o[0], o[1]) for o in found] == [("甲乙充足率", 7.2), ("甲乙充足率", 11.6), ("丙丁利润", -1.8),
                                             ("丙丁利润", 6.5), ("戊己里程", 7000.0), ("戊己里程", 18000.0)]


def test_adverbs_and_existentials_opening_a_clause_are_not_in_the_name():
    found = observations(PLAN + "今年也要再减少甲乙贫困人口1000万人以上。还有丙丁企业300家。\n")
    assert [o[0] for o in found] == ["减少甲乙贫困人口", "丙丁企业"]


def test_a_rate_per_month_keeps_its_unit_and_a_circled_number_opens_no_name():
    found = extract_observations(doc_of(PLAN + "⑤甲乙低保标准提高到不低于740元/月和485元/月，丙丁补贴标准提高到每人100元/月。\n"))
    assert [(o.indicator, o.quantity.value, o.quantity.unit, o.quantity.unit_norm) for o in found] == [
        ("甲乙低保标准", 740.0, "元/月", "CNY"), ("甲乙低保标准", 485.0, "元/月", "CNY"),
        ("丙丁补贴标准", 100.0, "元/月", "CNY")]


def test_money_before_people_counts_no_people_and_visits_are_read_from_the_nearest_noun():
    found = observations(REVIEW + "投入800万改造老年人活动中心。筹集2000万资金帮扶残疾人就业。人员经费压减3000万，"
                                  "居民存款增加500亿。技能人员培训人次达50万。\n")
    assert [(o[0], o[1], o[2]) for o in found] == [("技能人员培训人次", 5e5, "person_time")]


def test_a_mean_per_head_opens_a_measure_not_a_project_owning_it():
    found = observations(REVIEW + "人均公园绿地面积达到15平方米，户均甲乙医院床位2张。\n")
    assert [(o[0], o[2]) for o in found] == [("人均公园绿地面积", "m2"), ("户均甲乙医院床位", "count")]
    assert projects(REVIEW + "人均公园绿地面积达到15平方米。") == []


def test_a_share_named_by_what_it_is_a_share_of_is_of_the_number_right_before_it():
    found = observations(REVIEW + "甲乙收入300亿元、占GDP比重达到40%。丙丁规模3000亿元，占全市比重20%。新增戊己企业300家，占比30%。"
                                  "完成庚辛任务6亿吨、占全国20%，发电超700亿度，送出电量900亿度、占全国7%。"
                                  "壬癸产值500亿元，增长8%，出口增长9%，占全国12%。新建子丑园区50个，占地面积100亩，占道经营整治90处。\n")
    assert [(o[0], o[1], o[2]) for o in found] == [
        ("甲乙收入", 3e10, "CNY"), ("甲乙收入占GDP比重", 40, "percent"), ("丙丁规模", 3e11, "CNY"),
        ("丙丁规模占全市比重", 20, "percent"), ("新增戊己企业", 300, "count"), ("新增戊己企业占比", 30, "percent"),
        ("庚辛任务", 6e8, "t"), ("庚辛任务占全国", 20, "percent"), ("发电", 7e10, "kWh"), ("送出电量", 9e10, "kWh"),
        ("送出电量占全国", 7, "percent"), ("壬癸产值", 5e10, "CNY"), ("壬癸产值", 8, "percent"), ("出口", 9, "percent"),
        ("出口占全国", 12, "percent"), ("新建子丑园区", 50, "count"), ("占地面积", 100, "mu"), ("占道经营整治", 90, "count")]
    found = observations(REVIEW + "寅卯产值500亿元，辰巳工作持续推进，午未质量稳步提升，占全国7%。\n")
    assert [o[0] for o in found] == ["寅卯产值", "占全国"]  # two clauses away: not that number's share


def test_numbers_recovering_to_a_years_level_are_shares_of_it_in_the_reports_period():
    found = observations(REVIEW + "接待甲乙游客3200万人次，丙丁收入260亿元，分别恢复到2019年的95%和90%。"
                                  "戊己率从2015年底的7.2%提高到2019年的9%。庚辛总值达到2012年的2倍，壬癸总值是2012年的2.1倍。\n")
    assert [(o[0], o[1], o[6]) for o in found] == [
        ("接待甲乙游客", 3.2e7, "2022"), ("丙丁收入", 2.6e10, "2022"), ("接待甲乙游客", 95, "2022"), ("丙丁收入", 90, "2022"),
        ("戊己率", 7.2, "2015"), ("戊己率", 9, "2019"), ("庚辛总值", 200, "2022"), ("壬癸总值", 210, "2022")]


def test_a_part_of_an_increment_after_其中_is_added_too_and_a_part_named_by_where_is_of_the_same_thing():
    found = observations(REVIEW + "新增甲乙主体9万户，其中企业2万户、个体户6万户。新建丙丁站点900个，其中农村400个。"
                                  "全市戊己企业1000家，其中高新技术企业300家。新建庚辛站点500个，其中中心城区200个。"
                                  "新增壬癸主体8万户，其中西青区1万户。新签约子丑项目60个，其中10亿元以上项目9个。\n")
    assert [(o[0], o[4]) for o in found] == [
        ("新增甲乙主体", "increment"), ("新增企业", "increment"), ("新增个体户", "increment"), ("新建丙丁站点", "increment"),
        ("新建农村丙丁站点", "increment"), ("戊己企业", "amount"), ("高新技术企业", "amount"),
        ("新建庚辛站点", "increment"), ("中心城区", "amount"), ("新增壬癸主体", "increment"), ("新增壬癸主体", "increment"),
        ("新签约子丑项目", "increment"), ("新签约10亿元以上项目", "increment")]
    # …after any verb of adding that opens the name (实施, 签约), the longest (新开工, not 新开)
    found = observations(REVIEW + "实施甲乙项目620个，其中10亿元以上项目150个。新开工丙丁工程70万套，其中棚户区47万套。\n")
    assert [(o[0], o[4]) for o in found] == [
        ("实施甲乙项目", "increment"), ("实施10亿元以上项目", "increment"), ("新开工丙丁工程", "increment"),
        ("新开工棚户区", "increment")]


def test_a_part_after_其中_named_by_its_grade_is_of_the_thing_added_at_that_grade():
    found = observations(REVIEW + "新增A级甲乙园6家，其中5A级1家。新增省级以上丙丁中心30家，其中国家级4家。"
                                  "新增星级戊己店9家，其中五星级2家。\n")
    assert [o[0] for o in found] == ["新增A级甲乙园", "新增5A级甲乙园", "新增省级以上丙丁中心", "新增国家级丙丁中心",
                                     "新增星级戊己店", "新增五星级戊己店"]


def test_a_bound_a_share_is_measured_within_is_part_of_its_name():
    found = observations(REVIEW + "甲乙与丙丁30米内接驳比例达到70%，步行15分钟内可达比例达到90%，5公里范围内戊己覆盖率95%，"
                                  "庚辛时间压缩至30分钟以内，壬癸比例达到50%，子丑100米内接驳比例提高到70%，"
                                  "寅卯30米以内接驳比例达到60%。\n")
    assert [(o[0], o[1]) for o in found] == [("甲乙与丙丁30米内接驳比例", 70), ("步行15分钟内可达比例", 90),
                                             ("5公里范围内戊己覆盖率", 95), ("庚辛时间", 30), ("壬癸比例", 50),
                                             ("子丑100米内接驳比例", 70), ("寅卯30米以内接驳比例", 60)]


def test_a_verb_of_striving_or_a_total_共_opens_no_name():
    found = observations(PLAN + "力争新开工亿元以上项目90个，确保粮食产量稳定在80万吨以上，努力实现全年接待游客突破5000万人次。\n")
    assert [o[0] for o in found] == ["新开工亿元以上项目", "粮食产量", "接待游客"]
    found = observations(REVIEW + "全年共接待甲乙游客300万人次，共计完成投资50亿元，共有产权住房供应500套，共办理丙丁建议70件。\n")
    assert [o[0] for o in found] == ["接待甲乙游客", "投资", "共有产权住房供应", "办理丙丁建议"]


def test_words_opening_with_a_noise_character_keep_it():
    found = observations(REVIEW + "共有产权住房供应5000套，还迁房开工3000套。\n")
    assert [o[0] for o in found] == ["共有产权住房供应", "还迁房开工"]


def test_whom_the_work_before_reached_is_named_with_it():
    found = observations(REVIEW + "改造甲乙小区6496个、惠及97.9万户。惠及2100万人。\n")
    assert [o[0] for o in found] == ["改造甲乙小区", "改造甲乙小区惠及", "惠及"]


def test_a_list_of_measured_things_shares_the_last_ones_measure_and_a_word_opening_with_he_keeps_it():
    found = observations(REVIEW + "全省甲乙旅客和丙丁货邮吞吐量分别增长14.2%、25%。和美乡村覆盖率达51.7%。\n")
    assert [o[0] for o in found] == ["甲乙旅客吞吐量", "丙丁货邮吞吐量", "和美乡村覆盖率"]


def test_items_read_respectively_take_the_measure_their_predicate_names():
    found = observations(REVIEW + "甲乙、丙丁分别完成投资3252亿元、2140亿元，戊己产值、庚辛产值分别增长5%、6%。\n")
    assert [o[0] for o in found] == ["甲乙投资", "丙丁投资", "戊己产值", "庚辛产值"]


def test_an_earlier_item_run_into_a_name_with_its_count_is_not_part_of_the_name():
    found = observations(REVIEW + "累计创建甲乙产业园15个丙丁产业集群9个，戊己产量连续33个榨季排全国第一。\n")
    assert [o[0] for o in found] == ["创建甲乙产业园", "丙丁产业集群", "戊己产量连续33个榨季"]


def test_trains_are_counted_and_a_total_after_an_increment_named_by_its_end_is_of_the_thing():
    found = observations(REVIEW + "甲乙企业新增711家、累计达2215家。开行丙丁班列2286列、增长7.7%。\n")
    assert [(o[0], o[1], o[4]) for o in found] == [
        ("甲乙企业新增", 711.0, "increment"), ("甲乙企业总数", 2215.0, "amount"),
        ("开行丙丁班列", 2286.0, "amount"), ("开行丙丁班列", 7.7, "growth_rate")]


def test_a_rank_all_the_numbers_before_it_share_ranks_each_of_them():
    found = observations(REVIEW + "甲乙企业新增711家、累计达2215家、均居全国第一。丙丁产量100万吨、销量90万吨，均居全国第二。"
                                  "戊己企业、庚辛企业数量均居全国第一。\n")
    assert [(o[0], o[1]) for o in found if o[2] == "rank"] == [
        ("甲乙企业新增", 1.0), ("甲乙企业总数", 1.0), ("丙丁产量", 2.0), ("丙丁销量", 2.0), ("戊己企业数量", 1.0),
        ("庚辛企业数量", 1.0)]


def test_review_cases_of_the_new_naming_rules():
    found = observations(REVIEW + "甲乙总额增长6%、投资增长5%。我省14个市丙丁总值均增长5%以上。甲乙、丙丁等2个园区收入分别增长5%、6%。"
                                  "城乡绿化和美丽乡村覆盖率分别达到40%、60%。戊己企业增长12%，日均新增3.5万户、累计达到100万户。"
                                  "甲乙企业数量新增711家、累计2215家。丙丁、戊己分别累计完成投资超100亿元、50亿元。"
                                  "庚辛酒店新增7家，壬癸景区新增子丑古城、总数达到16家。设立甲乙子基金5支，总规模达到20亿元。"
                                  "全市有20列入国家名录。\n")
    names = [o[0] for o in found]
    assert names[:2] == ["甲乙总额", "投资"]
    assert "14个市丙丁总值" in names and "美丽乡村覆盖率" in names  # 我省: the scope, not the name
    assert names.count("甲乙等2个园区收入") == 1 and names.count("丙丁等2个园区收入") == 1
    assert "戊己企业日均新增" in names and "戊己企业日均" not in names
    assert "甲乙企业数量" in names and "甲乙企业数量总数" not in names
    assert ["丙丁投资", "戊己投资"] == [n for n in names if n.endswith("投资") and n != "投资"]
    assert "庚辛酒店总数" not in names and "设立甲乙子基金总规模" in names
    assert not any("名录" in n for n in names)


def test_a_rate_named_only_by_its_time_is_the_rate_of_the_indicator_before_it_in_its_sentence():
    found = observations(REVIEW + "甲乙企业增长12%，平均每天新增3.5万户。丙丁增长5%。每年新增8万个。\n")
    assert [o[0] for o in found] == ["甲乙企业", "甲乙企业平均每天新增", "丙丁", "每年新增"]


# --- places --------------------------------------------------------------------------------------------

def test_district_short_forms_and_blockers():
    places = extract_places(doc_of("宝坻京津中关村科技城建设顺利，南开大学和和平精神。"))
    assert [(p.kind, p.name) for p in places if p.kind == "district"] == [("district", "宝坻区")]


def test_districts_of_another_city():
    places = extract_places(doc_of("朝阳区、海淀区要加快发展。", region="北京市", year=2025))
    assert [(p.name, p.code) for p in places if p.kind == "district"] == [("朝阳区", "110105"), ("海淀区", "110108")]


def test_external_places_are_not_districts():
    places = extract_places(doc_of("服务雄安新区建设，承接北京非首都功能。"))
    assert sorted(p.name for p in places if p.kind == "external") == ["北京市", "雄安新区"] or \
        sorted(p.name for p in places if p.kind == "external") == ["北京", "雄安新区"]


def test_an_area_name_starts_after_a_count_or_a_level_word_grown_into_it():
    places = extract_places(doc_of(REVIEW + "累计推出230项甲乙自贸试验区制度创新成果，形成字段级丙丁综保区数据清单。"))
    assert [p.name for p in places if p.kind == "area"] == ["甲乙自贸试验区", "丙丁综保区"]
    places = extract_places(doc_of(PLAN + "编制甲乙航空港区规划，支持创新驱动高新区建设。"))
    assert [p.name for p in places if p.kind == "area"] == ["甲乙航空港区", "创新驱动高新区"]


# --- projects ------------------------------------------------------------------------------------------

def projects(body: str):
    return [(p.name, p.stage, p.district) for p in extract_projects(doc_of(body))]


def test_the_count_of_a_list_inside_its_last_names_is_no_part_of_the_names():
    assert projects(REVIEW + "甲乙、丙丁两座水电站全容量并网，鹤州、戊己、庚辛三座抽水蓄能电站开工。") == [
        ("甲乙水电站", "completed", None), ("丙丁水电站", "completed", None), ("鹤州抽水蓄能电站", "start", None),
        ("戊己抽水蓄能电站", "start", None), ("庚辛抽水蓄能电站", "start", None)]


def test_two_kinds_of_work_joined_by_与_are_both_in_a_name():
    assert projects(PLAN + "确保鹤州古城保护与修缮工程二期年底完工。") == [("鹤州古城保护与修缮工程二期", "complete", None)]
    found = programmes(PLAN + "实施甲乙水源涵养保护与提升行动，加强与丙丁战略对接，持续推进保护与修缮工程。")
    assert found == ["甲乙水源涵养保护与提升行动"]  # not 加强与…, nor works with nothing named before them


def test_a_title_a_place_earns_is_no_project():
    found = projects(REVIEW + "西青区成功创建国家甲乙示范区，争创全国丙丁中心，获批国家戊己枢纽城市，创建鹤州庚辛产业园。")
    assert [name for name, *_ in found] == ["鹤州庚辛产业园"]  # a name of its own after 创建 is still one


def test_project_stages_in_review_and_plan():
    assert projects(REVIEW + "甲乙城际、丙丁城际（北段）建成通车。") == [
        ("甲乙城际", "completed", None), ("丙丁城际（北段）", "completed", None)]
    assert projects(PLAN + "地铁21号线一期东段竣工。") == [("地铁21号线一期东段", "complete", None)]
    assert projects(PLAN + "开工建设戊己水库扩容工程。") == [("戊己水库扩容工程", "start", None)]
    assert projects(PLAN + "加快推进庚辛高教科技园前期工作。") == [("庚辛高教科技园", "plan", None)]
    assert projects(PLAN + "确保鹤州抽水蓄能电站年内并网发电。") == [("鹤州抽水蓄能电站", "complete", None)]
    assert projects(PLAN + "启动鹤州水库除险加固工程，推进甲乙河生态廊道建设。") == [
        ("鹤州水库除险加固工程", "start", None), ("甲乙河生态廊道", "accelerate", None)]
    assert projects(PLAN + "确保庚辛水电站发电量稳定增长。") == [("庚辛水电站", "operate", None)]  # no stage
    assert projects(REVIEW + "丙丁水电站全容量并网，戊己光伏电站首台机组投产。") == [
        ("丙丁水电站", "completed", None), ("戊己光伏电站", "completed", None)]


def test_building_up_a_project_accelerates_it_and_opening_one_completes_it():
    assert projects(PLAN + "打造甲乙创新公园。持续推动丙丁信息平台建设。") == [
        ("甲乙创新公园", "accelerate", None), ("丙丁信息平台", "accelerate", None)]
    assert [p[1] for p in projects(REVIEW + "甲乙医院东院区开诊运行，丙丁大学北校区先期运行，戊己集团总部迁入。")] == [
        "completed", "completed", "completed"]


def test_an_extension_of_a_facility_is_one_project_with_it():
    assert projects(PLAN + "甲乙机场改扩建工程加快建设，建成丙丁污水厂扩建工程。") == [
        ("甲乙机场改扩建工程", "accelerate", None), ("丙丁污水厂扩建工程", "complete", None)]


def test_a_counted_name_opened_by_a_level_of_government_is_a_kind_not_a_family_of_projects():
    assert [p[0] for p in projects(PLAN + "培育10个省级甲乙集聚区，新建6家丙丁实验室，创建3个国家戊己示范区。")] == ["丙丁实验室"]


def test_a_start_or_an_end_right_before_a_name_outranks_the_verb_of_speed_before_it():
    assert projects(REVIEW + "推动建成甲乙高速。") == [("甲乙高速", "completed", None)]
    assert projects(PLAN + "推动开工建设丙丁高速公路，统筹推进戊己开放试验区、庚辛示范区等建设。") == [
        ("丙丁高速公路", "start", None), ("庚辛示范区", "accelerate", None)]  # 开放 of an earlier item stages none


def test_the_count_and_the_size_or_stage_of_a_list_of_projects_name_no_kind():
    assert projects_of("引进甲乙、丙丁等10个亿元以上项目，推动戊己、庚辛等签约项目落地，实施子丑、寅卯等十大技术攻关项目。") == [
        ("甲乙", "operate"), ("丙丁", "operate"), ("戊己", "completed"), ("庚辛", "completed"),
        ("子丑技术攻关项目", "operate"), ("寅卯技术攻关项目", "operate")]


def test_project_list_named_by_the_text():
    found = projects(REVIEW + "甲乙国际大二期、丙丁技术集团机床总部等一批重点项目落地。")
    assert [p[0] for p in found] == ["甲乙国际大二期", "丙丁技术集团机床总部"]
    assert {p[1] for p in found} == {"completed"}


def test_project_district_from_name_or_sentence_subject():
    assert projects(PLAN + "西青区要加快集成电路产业园规划建设。") == [("集成电路产业园", "accelerate", "西青区")]
    assert projects(PLAN + "西青区重点推进甲乙灌区，北辰区积极推进丙丁电厂三期建设。") == [
        ("甲乙灌区", "accelerate", "西青区"), ("丙丁电厂三期", "accelerate", "北辰区")]
    assert projects(REVIEW + "宝坻甲乙丙丁科技城建设进展顺利。") == [("宝坻甲乙丙丁科技城", "accelerate", "宝坻区")]


def test_a_clause_reporting_its_subject_built_or_opened_names_projects_without_heads():
    found = projects(REVIEW + "甲乙路建成通车，丙丁坛、戊己宫向社会开放，实现庚辛高架正式开工建设，"
                              "壬癸遗址展示工程建设完工，实现子丑景观御道贯通。")
    assert [(name, stage) for name, stage, _ in found] == [
        ("甲乙路", "completed"), ("丙丁坛", "completed"), ("戊己宫", "completed"), ("庚辛高架", "start"),
        ("壬癸遗址展示工程", "completed"), ("子丑景观御道", "completed")]


def test_a_facility_put_into_production_or_use_is_a_project_named_by_an_abbreviation_too():
    found = projects(REVIEW + "甲乙新能源拖拉机项目投产，中国一拖丙丁项目开工，戊己研发中心揭牌投运，庚辛服务体系建成，"
                              "电子营业执照全面启用，新能源汽车投产，壬癸基金正式投用。")
    assert [(name, stage) for name, stage, _ in found] == [
        ("甲乙新能源拖拉机项目", "completed"), ("中国一拖丙丁项目", "start"), ("戊己研发中心", "completed")]


def test_a_time_between_a_staged_subject_and_its_predicate_is_not_the_names():
    found = projects(PLAN + "确保甲乙大桥6月底前通车，丙丁馆年底开馆，戊己公园年内建成开放。")
    assert [(name, stage) for name, stage, _ in found] == [("甲乙大桥", "complete"), ("丙丁馆", "complete"),
                                                           ("戊己公园", "complete")]


def test_a_clause_reporting_a_kind_or_a_phrase_built_names_no_project():
    body = (REVIEW + "重点项目全部开工，9个科创园投入运营，甲、乙等9个科创园投入运营，统筹重大产业项目开工建设。"
            + PLAN + "力争尽早开工。")
    assert projects(body) == []


def test_a_rail_line_named_by_a_place_is_a_project():
    assert [p[:2] for p in projects(PLAN + "加快轨道交通甲乙线建设，开通地铁10号线。")] == [
        ("轨道交通甲乙线", "accelerate"), ("地铁10号线", "complete")]


def test_the_items_of_a_batch_of_a_project_kind_are_projects():
    assert [p[0] for p in projects(PLAN + "升级打造甲乙零工市场等一批就业服务平台。")] == ["甲乙零工市场"]
    assert projects(REVIEW + "丙丁、戊己等一批企业总部注册落地。") == []  # companies, not projects


def test_the_topic_of_a_pilot_or_a_campaign_is_no_project():
    body = PLAN + "开展甲乙高标准农田示范区建设试点，深化平安校园、平安医院建设。"
    assert projects(body) == []
    assert "甲乙高标准农田示范区建设试点" in {a[0] for a in actions(body)}


def test_the_topic_of_a_reform_is_no_project_but_a_zone_reformed_and_developed_is():
    body = PLAN + "2个市获批丙丁公立医院改革示范城市，深入推进戊己国家自主创新示范区改革发展，推进庚辛产业园改革创新。"
    assert [p[0] for p in projects(body)] == ["戊己国家自主创新示范区", "庚辛产业园"]


def test_counts_and_verbs_stay_out_of_project_names():
    assert [p[0] for p in projects(REVIEW + "6家甲乙实验室投入运行。")] == ["甲乙实验室"]
    assert [p[0] for p in projects(REVIEW + "建成10个左右甲乙产业园、5家以上丙丁实验室、10余个戊己产业园、20多家庚辛实验室。")] == [
        "甲乙产业园", "丙丁实验室", "戊己产业园", "庚辛实验室"]
    assert [p[0] for p in projects(REVIEW + "建成80公里甲乙绿道，保护875平方公里湿地。")] == ["甲乙绿道"]
    assert [p[0] for p in projects(REVIEW + "丙丁环线80公里绿道全线贯通。")] == ["丙丁环线绿道"]
    assert [(o[1], o[2]) for o in observations(REVIEW + "丙丁环线80公里绿道全线贯通。")] == [(80, "km")]


def test_a_count_after_a_name_is_its_kind_unless_it_counts_the_name_s_parts():
    found = [p[0] for p in projects(REVIEW + "推动甲乙科学中心29个科技设施进入科研状态，新增丙丁公园50个左右。")]
    assert found == ["甲乙科学中心"]
    assert projects(REVIEW + "经济保持稳定。") == []


# --- actions -------------------------------------------------------------------------------------------

def actions(body: str):
    return [(a.name, a.level, a.parent) for a in extract_actions(doc_of(body))]


def programmes(body: str) -> list[str]:
    return [name for name, level, _ in actions(body) if level == "program"]


def test_an_address_to_the_delegates_is_no_task():
    body = PLAN + "（一）聚焦建设创新策源地，着力提升创新发展能力\n各位代表！完成好各项任务，要强化政治引领。\n"
    assert [a for a in actions(body) if a[1] == "task"] == []


def test_programme_names_end_on_a_word_and_hold_no_list():
    found = {a[0] for a in actions(PLAN + "打好甲乙防治攻坚战，培养卓越工程师，始终在思想上政治上行动上保持一致。"
                                          "推动丙丁等考古遗址公园建设。")}
    assert "甲乙防治攻坚战" in found
    assert not {name for name in found if "工程" in name or "行动" in name or "等" in name or name.startswith("好")}


def test_quoted_policies_links_and_short_quoted_names_are_programmes():
    found = {a[0] for a in actions(PLAN + "强化“甲乙”联动，加力扩围实施“丙丁”政策，统筹推进“戊己”和教学质量提升，"
                                          "做好金融“五篇文章”。")}
    assert {"“甲乙”联动", "“丙丁”政策", "“戊己”", "金融“五篇文章”"} <= found


def test_programmes_the_whole_country_runs_are_named_without_a_head():
    found = programmes(PLAN + "全面推行林长制，深化“千万工程”经验，推进零基预算改革，巩固垃圾分类成果，"
                              "出台医养结合服务清单。")
    assert {"林长制", "“千万工程”", "零基预算改革", "垃圾分类", "医养结合服务清单"} <= set(found)
    assert not {n for n in found if n.startswith(("推行", "深化", "推进", "出台")) or "成果" in n}
    assert programmes(PLAN + "鹤州垃圾分类中心建成，新建甲乙医养结合机构10家。") == []  # kinds of places, not programmes


def test_programme_names_lose_the_verbs_before_them_and_keep_whole_words():
    found = {a[0] for a in actions(PLAN + "加快推进甲乙中心城市建设，加快构建“丙丁”管理新机制，高质量编制戊己发展规划，"
                                          "实施庚辛电价改革方案，坚持改革开放，开展壬癸清理整顿、子丑治理等专项行动。")}
    assert {"甲乙中心城市建设", "“丙丁”管理新机制", "戊己发展规划", "庚辛电价改革方案", "壬癸清理整顿"} <= found
    assert not {n for n in found if n.startswith(("推进", "构建", "编制", "开展")) or n.endswith("改革")}


def test_a_counted_series_of_programmes_gives_each_item_the_series_head():
    found = [a[0] for a in actions(PLAN + "深入开展甲乙提升、丙丁发展、戊己创新三项工程。"
                                          "实施庚辛协同发展、壬癸经济带发展两大战略。")]
    assert found == ["甲乙提升工程", "丙丁发展工程", "戊己创新工程", "庚辛协同发展", "壬癸经济带发展"]
    assert actions(PLAN + "办好“两件大事”、抓好“六个工程”。") == []  # quoted series names, not topics


def test_review_areas_ten_actions_work_areas_and_tasks():
    body = (REVIEW + "（一）创新能力进一步增强。新建实验室。\n" + "二、今后五年的目标任务和2023年工作安排\n"
            "（一）实施制造业高质量发展行动。推进改革。\n" + "今年重点抓好以下工作：\n"
            "（二）聚焦建设创新策源地，着力提升创新发展能力\n完善创新体系。推进实验室建设。\n")
    found = actions(body)
    assert ("创新能力进一步增强", "review_area", None) in found
    assert ("制造业高质量发展行动", "ten_actions", None) in found
    assert ("聚焦建设创新策源地，着力提升创新发展能力", "work_area", None) in found
    assert ("完善创新体系", "task", "聚焦建设创新策源地，着力提升创新发展能力") in found


def test_a_plan_chapter_on_one_theme_without_items_is_a_work_area_and_its_paragraph_leads_are_tasks():
    body = (REVIEW + "（一）创新能力进一步增强。新建实验室。\n" + "二、2023年工作总体部署\n今年增长5%左右。推进改革。\n"
            "三、把改革开放扎实推向纵深\n加大简政放权力度。今年再取消一批事项。\n")
    found = actions(body)
    assert ("把改革开放扎实推向纵深", "work_area", None) in found
    assert ("加大简政放权力度", "task", "把改革开放扎实推向纵深") in found
    assert not [a for a in found if a[0].startswith("2023年工作总体部署")]


def test_the_numbers_of_an_appendix_of_definitions_are_no_observations():
    doc = read_document("一、2024年工作回顾\n甲乙增长5%。\n二、2025年工作安排\n今年丙丁增长6%。\n各位代表！让我们奋斗。\n"
                        "附件\n《政府工作报告》有关内容名词注释\n1.“戊己工程”：到2030年，布局20个左右重大项目。\n",
                        "t", region="天津市", year=2025)
    assert [o.quantity.value for o in extract_observations(doc)] == [5, 6]


def test_an_item_label_in_half_width_brackets_is_not_part_of_the_name():
    body = (REVIEW + "(一)创新能力进一步增强。新建实验室。\n" + PLAN + "(一)聚焦创新，着力发展\n完善创新体系。推进改革。\n")
    found = actions(body)
    assert ("创新能力进一步增强", "review_area", None) in found
    assert ("完善创新体系", "task", "聚焦创新，着力发展") in found


def test_items_opened_by_an_ordinal_and_a_comma_are_areas_of_work():
    body = (REVIEW + "第一，甲乙能力进一步增强。新建实验室。\n" + PLAN + "第二，坚定不移抓丙丁。推进改革。\n"
            "第三、做大做强戊己产业\n完善创新体系。推进实验室建设。\n第一季度开展调研。\n")
    found = actions(body)
    assert ("甲乙能力进一步增强", "review_area", None) in found
    assert ("坚定不移抓丙丁", "work_area", None) in found
    assert ("做大做强戊己产业", "work_area", None) in found
    assert ("完善创新体系", "task", "做大做强戊己产业") in found
    assert not [a for a in found if a[0].startswith("第一季度")]
    # 一是… leads in a part of ordinal items are an item's points
    body = PLAN + "第一，着力扩大甲乙。\n一是扩大丙丁投资。推进项目。\n二是促进戊己。推进改革。\n第二，加快庚辛升级。\n"
    assert [(a[0], a[1], a[2]) for a in actions(body) if a[1] != "program"] == [
        ("着力扩大甲乙", "work_area", None), ("扩大丙丁投资", "task", "着力扩大甲乙"), ("促进戊己", "task", "着力扩大甲乙"),
        ("加快庚辛升级", "work_area", None)]
    # 第一，… after a part's 一是… items are a passage's points, not its items
    body = (REVIEW + "一是甲乙运行稳中有进。全市增长。\n二是丙丁改革纵深推进。开放扩大。\n体会是：\n第一，必须坚持戊己。坚持领导。\n"
            "第二，必须坚持庚辛。坚持人民。\n")
    assert [a[0] for a in actions(body) if a[1] == "review_area"] == ["甲乙运行稳中有进", "丙丁改革纵深推进"]
    # inside a part with （一） items, ordinals count an item's own points
    body = PLAN + "（一）加强甲乙建设\n推进法治。\n第一，坚持依法行政。推进改革。\n第二，坚持廉洁从政。推进监督。\n"
    assert [a[0] for a in actions(body) if a[1] == "work_area"] == ["加强甲乙建设"]


def test_the_first_part_of_a_plan_sets_out_the_year_whatever_its_title_and_is_no_work_area():
    body = (REVIEW + "（一）创新能力进一步增强。新建实验室。\n" + "二、全力以赴抓好今年工作\n今年增长5%左右。推进改革。\n"
            "三、把改革开放扎实推向纵深\n加大简政放权力度。今年再取消一批事项。\n"
            "四、扎实做好政府工作任务\n推进法治政府建设。\n")
    found = {a[0] for a in actions(body) if a[1] == "work_area"}
    assert found == {"把改革开放扎实推向纵深"}


def test_the_short_leads_inside_a_one_paragraph_work_area_are_its_tasks():
    body = (REVIEW + "（一）甲乙进一步增强。新建实验室。\n" + PLAN +
            "（一）在扩大内需上持续加力，巩固向好态势。坚持供需协同，让内需成为主动力。精准扩大有效投资。"
            "全年实施项目1.6万个。千方百计促进消费需求。\n")
    found = [a for a in actions(body) if a[1] == "task"]
    assert found == [("精准扩大有效投资", "task", "在扩大内需上持续加力，巩固向好态势"),
                     ("千方百计促进消费需求", "task", "在扩大内需上持续加力，巩固向好态势")]


def test_remarks_and_results_opening_a_review_paragraph_name_no_review_area():
    body = (REVIEW + "过去一年极不平凡。我们攻坚克难。\n这些成绩来之不易。全靠团结奋斗。\n我们主要做了以下工作。一是…\n"
            "地区生产总值增长5.4%。甲乙加快。\n" + PLAN + "（一）聚焦创新，着力发展\n完善创新体系。推进改革。\n")
    assert [a for a in actions(body) if a[1] == "review_area"] == []


def test_the_modal_opening_a_lead_is_not_part_of_the_task():
    body = PLAN + "（一）聚焦创新，着力发展\n要精准谋划招引项目。甲乙。\n要素市场化配置改革。丙丁。\n"
    assert [a[0] for a in actions(body) if a[1] == "task"] == ["精准谋划招引项目", "要素市场化配置改革"]


def test_the_number_of_a_numbered_lead_is_not_part_of_the_task():
    body = (PLAN + "（一）推动甲乙升级\n1.做强丙丁制造业。实施戊己行动。\n（2）发展庚辛服务业。推进壬癸建设。\n"
            "（二）改善民生。①稳定就业。城镇新增就业3万人。\n")
    assert [a[0] for a in actions(body) if a[1] == "task"] == ["做强丙丁制造业", "发展庚辛服务业", "稳定就业"]


def test_a_sentence_stating_something_leads_no_task():
    body = (REVIEW + "（一）甲乙进一步增强。新建实验室。\n" + PLAN +
            "（一）在扩大内需上持续加力。消费是经济增长的主引擎。甲乙大桥建成通车。千方百计促进消费需求。\n"
            "消费是经济增长的主引擎。要扩大消费。\n")
    assert [a[0] for a in actions(body) if a[1] == "task"] == ["千方百计促进消费需求"]


def test_in_a_review_without_items_the_short_lead_of_a_paragraph_names_a_review_area():
    body = (REVIEW + "过去一年，我们攻坚克难。\n甲乙生态在担当作为中提质增优。丙丁公园建成开放。\n"
            "丙丁经济回升向好，增长5%。\n" + PLAN + "（一）聚焦创新，着力发展\n完善创新体系。推进改革。\n")
    found = [a for a in actions(body) if a[1] == "review_area"]
    assert found == [("甲乙生态在担当作为中提质增优", "review_area", None)]


def test_in_a_review_without_items_the_lead_after_an_opener_its_paragraphs_share_names_a_review_area():
    body = (REVIEW + "一年来，我们紧盯不放，推动“甲乙工程”取得标志性成果。丙丁大桥建成通车。\n"
            "一年来，我们坚持改革创新，有效激发发展活力。深入实施减负降本专项行动。\n"
            "一年来，我们一手抓发展、一手抓民生，让群众共享成果。庚辛医院投入使用。\n"
            + PLAN + "（一）聚焦创新，着力发展\n完善创新体系。推进改革。\n")
    assert [a[0] for a in actions(body) if a[1] == "review_area"] == [
        "紧盯不放，推动“甲乙工程”取得标志性成果", "坚持改革创新，有效激发发展活力", "一手抓发展、一手抓民生，让群众共享成果"]
    found = relations(body)
    assert ("丙丁大桥", "implements", "紧盯不放，推动“甲乙工程”取得标志性成果") in found
    assert ("减负降本专项行动", "implements", "坚持改革创新，有效激发发展活力") in found


def test_an_opener_of_one_review_paragraph_only_is_a_remark():
    body = (REVIEW + "一年来，我们紧盯不放，推动“甲乙工程”取得标志性成果。丙丁大桥建成通车。\n"
            "甲乙经济回升向好，增长5%。\n" + PLAN + "（一）聚焦创新，着力发展\n完善创新体系。推进改革。\n")
    assert [a for a in actions(body) if a[1] == "review_area"] == []


def test_a_policy_document_issued_or_carried_out_is_a_programme_whatever_its_name_holds():
    found = programmes(PLAN + "（一）聚焦创新，着力发展\n出台促进甲乙充分就业的实施意见，制定了深化丙丁改革若干意见，"
                              "落实中央八项规定精神和省委若干措施，出台关于戊己建设和管理的指导意见。\n")
    assert found == ["促进甲乙充分就业的实施意见", "深化丙丁改革若干意见", "中央八项规定", "戊己建设和管理的指导意见"]


def test_a_programme_needs_a_topic_not_only_words_of_weight_or_reach():
    found = programmes(PLAN + "（一）聚焦创新，着力发展\n出台针对性措施，推出一批引领性标志性改革，深化新一轮改革，"
                              "形成全社会共同行动，实施甲乙能级提升行动。\n")
    assert found == ["甲乙能级提升行动"]
    assert programmes(REVIEW + "二是项目建设扎实推进。重大项目建设进展顺利。重点项目建设提速增效。") == []  # in general


def test_an_item_of_a_policy_list_saying_what_is_done_names_no_programme():
    found = programmes(PLAN + "（一）聚焦创新，着力发展\n落实减税降费、收购存量商品房和甲乙购房补贴等政策措施，"
                              "强化严禁电动自行车进楼入户等红线措施。\n")
    assert found == ["减税降费", "甲乙购房补贴"]


def test_a_name_listing_programmes_is_one_programme_per_item():
    found = programmes(REVIEW + "（一）民生改善\n平安甲乙、法治甲乙建设迈向更高水平，丙丁改造升级和“煤改电”工程圆满收官，"
                                "建立市、区两级戊己工作专班机制。\n")
    assert found == ["平安甲乙建设", "法治甲乙建设", "“煤改电”工程", "市、区两级戊己工作专班机制"]


def test_a_programme_completed_is_named_without_its_round():
    found = programmes(REVIEW + "（一）民生改善\n完成第三轮甲乙学校现代化标准建设，高质量完成丙丁改革深化提升行动。\n")
    assert found == ["甲乙学校现代化标准建设", "丙丁改革深化提升行动"]


def test_a_policy_document_loses_the_verbs_and_the_laws_before_it_and_names_no_issuer_alone():
    found = programmes(PLAN + "（一）聚焦创新，着力发展\n全面实施民法典和优化甲乙环境条例，落实好促进丙丁若干措施，"
                              "实施能源安全新战略和戊己行动方案，落实省委实施办法。认真贯彻中央改革决定和市委实施意见。\n")
    assert found == ["优化甲乙环境条例", "促进丙丁若干措施", "能源安全新战略", "戊己行动方案"]


def test_quoted_names_listed_before_a_head_share_it():
    found = programmes(PLAN + "（一）聚焦创新，着力发展\n深入实施“甲乙兴丙丁”、“戊己进边疆”行动。\n")
    assert found == ["“甲乙兴丙丁”行动", "“戊己进边疆”行动"]


def test_a_lead_of_a_modal_alone_is_no_task():
    assert [a for a in actions(PLAN + "（一）聚焦创新，着力发展\n要。甲乙。\n") if a[1] == "task"] == []


def test_programmes_are_named_things_not_phrases():
    found = {a[0] for a in actions(REVIEW + "深入实施“甲乙英才”行动计划，采取有力措施，保持战略定力，"
                                             "持续开展跨境贸易便利化专项行动，落实稳经济35条。")}
    assert {"“甲乙英才”行动计划", "跨境贸易便利化专项行动", "稳经济35条"} <= found
    assert not found & {"采取有力措施", "有力措施", "保持战略"}


def test_a_programme_after_a_heading_in_the_same_paragraph_is_found():
    body = PLAN + "（二）实施甲乙振兴行动。深入实施丙丁创业十项行动，推进改革。\n"
    found = actions(body)
    assert ("甲乙振兴行动", "ten_actions", None) in found
    assert ("丙丁创业十项行动", "program", None) in found  # not taken for the heading's own name


def test_the_verb_right_before_a_programme_head_belongs_to_the_name():
    found = {a[0] for a in actions(PLAN + "推动制定丙丁湖保护条例，深入开展甲乙作风专项治理，扩大戊己改革试点。")}
    assert {"丙丁湖保护条例", "甲乙作风专项治理"} <= found
    assert not {n for n in found if n.startswith(("制定", "开展", "扩大"))}  # a verb further back is not


def test_quoted_names_in_a_row_are_one_programme_each():
    found = [a[0] for a in actions(PLAN + "实施“甲乙英才”“丙丁俊才”计划，完善企业“戊己包”“庚辛管家”机制。")]
    assert found == ["“甲乙英才”计划", "“丙丁俊才”计划", "企业“戊己包”机制", "企业“庚辛管家”机制"]


def test_campaigns_named_after_the_region_brands_and_versioned_plans_are_programmes():
    found = {a[0] for a in actions(PLAN + "建设更高水平的平安天津，擦亮“津沽好品”品牌，编制服务业扩大开放3.0方案，"
                                          "为建设美丽中国贡献力量。")}
    assert {"平安天津", "“津沽好品”品牌", "服务业扩大开放3.0方案", "美丽中国"} <= found


def test_the_items_of_a_policy_list_lose_the_verbs_before_them():
    found = {a[0] for a in actions(PLAN + "落实推进甲乙林保护工程、完善丙丁补贴、降首付等政策。")}
    assert {"甲乙林保护工程", "丙丁补贴"} <= found
    assert not {n for n in found if n.startswith(("推进", "完善", "降"))}


def test_a_role_the_region_is_to_build_is_a_programme():
    found = {a[0] for a in actions(PLAN + "加快建设全球甲乙标杆城市，培育建设国际丙丁中心城市，建设戊己城市。")}
    assert {"全球甲乙标杆城市", "国际丙丁中心城市"} <= found
    assert not {n for n in found if "戊己" in n}  # no scope of standing: a city, not a role


def test_two_driven_programmes_joined_by_he_are_both_found():
    found = {a[0] for a in actions(PLAN + "推进甲乙卫生城市创建和丙丁植物园体系建设取得新成效，实施戊己流域综合治理。")}
    assert {"甲乙卫生城市创建", "丙丁植物园体系建设", "戊己流域综合治理"} <= found


def test_a_mechanism_is_a_programme_only_with_a_distinguishing_part():
    found = {a[0] for a in actions(PLAN + "建立动态调整机制，完善隐患闭环整改机制，深化市、区领导包联机制，"
                                          "建立“甲乙丙丁”双牵引机制，完善武清区至滨海新区通关机制，健全三项考核机制。")}
    assert {"市、区领导包联机制", "“甲乙丙丁”双牵引机制", "武清区至滨海新区通关机制", "三项考核机制"} <= found
    assert not found & {"动态调整机制", "隐患闭环整改机制"}


# --- relations -----------------------------------------------------------------------------------------

def relations(body: str):
    return [(r.subject, r.predicate, r.object) for r in run_pipeline(doc_of(body)).relations]


def test_district_focus_and_hosted_projects():
    found = relations(PLAN + "（一）聚焦区域发展\n北辰区要加快推进甲乙医药谷、高端装备产业园建设，集聚发展绿色能源、中医药等产业。\n")
    assert ("北辰区", "hosts", "甲乙医药谷") in found and ("北辰区", "hosts", "高端装备产业园") in found
    assert ("北辰区", "focuses_on", "绿色能源") in found and ("北辰区", "focuses_on", "中医药") in found
    assert not any(p == "implements" for _, p, _ in found)  # hosted projects belong to the district


def test_each_of_a_row_of_districts_focuses_on_and_hosts_what_the_row_is_told():
    found = relations(PLAN + "（一）聚焦区域发展\n河西区、南开区和红桥区要聚焦甲乙服务、丙丁设计等产业，加快戊己产业园建设。\n")
    assert [(s, o) for s, p, o in found if p == "focuses_on"] == [
        ("河西区", "甲乙服务"), ("南开区", "甲乙服务"), ("红桥区", "甲乙服务"),
        ("河西区", "丙丁设计"), ("南开区", "丙丁设计"), ("红桥区", "丙丁设计")]
    assert [(s, o) for s, p, o in found if p == "hosts"] == [
        ("河西区", "戊己产业园"), ("南开区", "戊己产业园"), ("红桥区", "戊己产业园")]
    assert not any(p == "implements" for _, p, _ in found)  # hosted projects belong to the districts
    assert projects(PLAN + "河西区、南开区要加快戊己产业园建设。") == [("戊己产业园", "accelerate", None)]  # no one's own


def test_a_district_cultivating_or_speeding_up_an_industry_focuses_on_it_but_not_on_a_kind_of_industry():
    found = relations(PLAN + "（一）聚焦区域发展\n河西区要培育壮大重点产业链，加快发展甲乙服务，培育丙丁制造、戊己设计，"
                             "加大企业培育力度，加快发展步伐，培育和引进高层次人才，培育文明乡风。\n")
    assert [o for s, p, o in found if p == "focuses_on"] == ["甲乙服务", "丙丁制造", "戊己设计"]
    found = relations(PLAN + "（一）聚焦区域发展\n河西区、南开区要加快培育甲乙加工业，红桥区要积极发展丙丁旅游，"
                             "北辰区要积极发展步伐。\n")
    assert [(s, o) for s, p, o in found if p == "focuses_on"] == [
        ("河西区", "甲乙加工业"), ("南开区", "甲乙加工业"), ("红桥区", "丙丁旅游")]
    # a name joined by 和 to an industry's is one too (电子信息和装备制造产业)
    found = relations(PLAN + "（一）聚焦区域发展\n河西区要加快发展电子信息和装备制造产业，南开区要培育文明乡风和甲乙风尚。\n")
    assert [(s, o) for s, p, o in found if p == "focuses_on"] == [("河西区", "电子信息"), ("河西区", "装备制造产业")]
    # a verb of focus the adverb's verb is part of (积极发展壮大) leads, not the adverb's; nor one joined to another
    found = relations(PLAN + "（一）聚焦区域发展\n河西区要积极发展壮大甲乙经济，南开区要加快培育和发展丙丁产业。\n")
    assert [(s, o) for s, p, o in found if p == "focuses_on"] == [("河西区", "甲乙经济")]


def test_a_district_opening_a_clause_with_a_verb_of_focus_is_its_subject_and_a_row_told_to_build_hosts_it():
    found = relations(PLAN + "（一）聚焦区域发展\n西青区重点发展甲乙制造，北辰区依托丙丁产业园做强戊己加工，东丽区发展迅速。"
                             "推动河西区、南开区建设庚辛产业园。\n")
    assert [(s, p, o) for s, p, o in found if p != "implements"] == [
        ("西青区", "focuses_on", "甲乙制造"), ("北辰区", "hosts", "丙丁产业园"), ("北辰区", "focuses_on", "戊己加工"),
        ("河西区", "hosts", "庚辛产业园"), ("南开区", "hosts", "庚辛产业园")]
    found = relations(PLAN + "（一）聚焦区域发展\n西青区发展基础更加坚实，甲乙产业园建成投产。\n")
    assert not [r for r in found if r[0] == "西青区"]  # 发展 a noun: no subject told to build


def test_a_citys_own_zone_called_by_its_kind_and_told_what_to_do_is_named_with_the_city():
    def told(region):
        doc = doc_of(PLAN + "高新区要聚焦甲乙制造，经开区要做强丙丁产业，开发区要做强戊己产业。高新区营业收入增长10%。\n",
                     region=region, year=2025)
        return [(r.subject, r.object) for r in run_pipeline(doc).relations if r.predicate == "focuses_on"]
    assert told("合肥市") == [("合肥高新区", "甲乙制造"), ("合肥经开区", "丙丁产业")]  # 开发区: a city may have many
    assert told("长沙县")[0] == ("长沙县高新区", "甲乙制造")  # not 长沙市's, whose short name it shares
    assert told("安徽省") == []  # a province's 高新区 are all of its zones of that kind
    assert told("大兴区") == []  # a city district's 经开区 may be its city's
    assert told("喀什地区")[0] == ("喀什高新区", "甲乙制造")  # a prefecture's 地区 is no city district


def test_an_area_opening_a_clause_with_a_verb_of_focus_is_its_subject_and_no_earlier_subject_reaches_past_it():
    found = relations(PLAN + "（一）聚焦区域发展\n北辰区要加快发展，北辰经济技术开发区加快建设甲乙医药谷。丙丁片区建成开放。\n")
    assert [r for r in found if r[1] == "hosts"] == [("北辰经济技术开发区", "hosts", "甲乙医药谷")]
    found = relations(PLAN + "（一）聚焦区域发展\n西青区要加快转型，西青经开区开工建设甲乙产业园。河西区要发挥引领作用，全区要聚焦"
                             "丙丁服务。\n")
    assert [r for r in found if r[1] != "implements"] == [
        ("西青经开区", "located_in", "西青区"), ("西青经开区", "hosts", "甲乙产业园"), ("河西区", "focuses_on", "丙丁服务")]
    found = relations(PLAN + "（一）聚焦区域发展\n河西区要聚焦甲乙服务，丙丁高新区重点发展戊己制造。"
                             "南开区要做强庚辛设计，壬癸片区建成后重点发展子丑制造。\n")
    assert [(s, o) for s, p, o in found if p == "focuses_on"] == [
        ("河西区", "甲乙服务"), ("丙丁高新区", "戊己制造"), ("南开区", "庚辛设计")]
    # nor into a clause opening with a place of its own govkg does not know (开发区要…); 同时要… is no place
    found = relations(PLAN + "（一）聚焦区域发展\n河西区要聚焦甲乙服务，开发区要做强丙丁产业。南开区要聚焦戊己制造，同时要做强"
                             "庚辛产业。\n")
    assert [(s, o) for s, p, o in found if p == "focuses_on"] == [
        ("河西区", "甲乙服务"), ("南开区", "戊己制造"), ("南开区", "庚辛产业")]


def test_names_as_long_as_an_industrys_joined_by_he_are_two_foci_without_an_industrys_ending():
    found = relations(PLAN + "（一）聚焦区域发展\n河西区要聚焦量子信息和人工智能，南开区要聚焦甲乙精深加工和丙丁文化旅游，"
                             "红桥区要打造一批产业集群和主题园区。\n")
    assert [(s, o) for s, p, o in found if p == "focuses_on"] == [
        ("河西区", "量子信息"), ("河西区", "人工智能"), ("南开区", "甲乙精深加工"), ("南开区", "丙丁文化旅游")]
    found = relations(PLAN + "（一）聚焦区域发展\n河西区要聚焦新型显示和集成电路。\n")  # 显示: a verb, 新型: a kind
    assert [o for s, p, o in found if p == "focuses_on"] == ["新型显示", "集成电路"]
    found = relations(PLAN + "（一）聚焦区域发展\n河西区要聚焦新能源汽车及关键零部件。\n")  # 零部件: no verb
    assert [o for s, p, o in found if p == "focuses_on"] == ["新能源汽车", "关键零部件"]
    found = relations(PLAN + "（一）聚焦区域发展\n河西区要聚焦融资租赁和跨境电商、检验检测和研发设计。\n")
    assert [o for s, p, o in found if p == "focuses_on"] == ["融资租赁", "跨境电商", "检验检测", "研发设计"]
    # work joined to work is no industry (招商引资和项目建设, 城市更新和生态保护)
    found = relations(PLAN + "（一）聚焦区域发展\n河西区要聚焦招商引资和项目建设，南开区要聚焦城市更新和生态保护。\n")
    assert [o for s, p, o in found if p == "focuses_on"] == []


def test_industries_joined_by_he_are_two_foci_and_a_kind_by_its_size_is_none():
    found = relations(PLAN + "（一）聚焦区域发展\n河西区要聚焦甲乙制造和丙丁物流，打造千亿级产业集群；"
                             "南开区要聚焦研发和戊己服务。\n")
    assert [(s, o) for s, p, o in found if p == "focuses_on"] == [
        ("河西区", "甲乙制造"), ("河西区", "丙丁物流"), ("南开区", "研发和戊己服务")]
    found = relations(PLAN + "（一）聚焦区域发展\n北辰区要聚焦甲乙制造及其配套服务。\n")
    assert [o for _, p, o in found if p == "focuses_on"] == ["甲乙制造"]  # not 其配套服务


def test_a_functional_area_told_what_to_do_focuses_on_and_hosts_it_and_is_no_districts():
    found = relations(PLAN + "（一）聚焦区域发展\n河西区要加快甲乙产业园建设，丙丁高新区要聚焦戊己服务，加快庚辛产业园建设。"
                             "壬癸经开区要大力发展子丑经济。\n")
    assert [(s, p, o) for s, p, o in found if p in ("hosts", "focuses_on")] == [
        ("河西区", "hosts", "甲乙产业园"), ("丙丁高新区", "focuses_on", "戊己服务"), ("丙丁高新区", "hosts", "庚辛产业园"),
        ("壬癸经开区", "focuses_on", "子丑经济")]
    assert projects(PLAN + "河西区要加快甲乙产业园建设，丙丁高新区要加快庚辛产业园建设。") == [
        ("甲乙产业园", "accelerate", "河西区"), ("庚辛产业园", "accelerate", None)]
    # an area reported done, or a list item, or in a row with a district, is no subject of what follows
    found = relations(REVIEW + "（一）甲乙\n丙丁综合保税区建成运营，戊己大桥通车。推进庚辛公园、壬癸片区建设改造，加快子丑医院建设。\n")
    assert not any(p == "hosts" for _, p, _ in found)
    assert projects(PLAN + "西青区、甲乙高新区要加快丙丁产业园建设。") == [("丙丁产业园", "accelerate", None)]


def test_implements_links_to_the_enclosing_area():
    found = relations(REVIEW + "（一）民生福祉持续增进。地铁21号线建成通车。\n")
    assert ("地铁21号线", "implements", "民生福祉持续增进") in found


def test_a_programme_named_in_a_heading_implements_that_heading():
    found = relations(REVIEW + "（二）深入实施甲乙协同发展战略，发展格局逐步形成\n丙丁产业园建成。\n")
    assert ("甲乙协同发展战略", "implements", "深入实施甲乙协同发展战略，发展格局逐步形成") in found


def test_after_an_address_to_the_delegates_nothing_implements_the_last_heading():
    found = relations(PLAN + "（一）聚焦创新\n建成甲乙产业园。\n各位代表！我们要实施丙丁专项行动。\n开展戊己专项行动。\n")
    assert ("甲乙产业园", "implements", "聚焦创新") in found
    assert not [r for r in found if r[1] == "implements" and r[0] != "甲乙产业园"]


def test_part_of_and_located_in():
    found = relations(PLAN + "（一）聚焦创新\n建设甲乙高教科技园。西青区要加快甲乙高教科技园西拓展区建设。宝坻丙丁科技城提质。\n")
    assert ("甲乙高教科技园西拓展区", "part_of", "甲乙高教科技园") in found
    assert ("宝坻丙丁科技城", "located_in", "宝坻区") in found


def test_a_district_opening_a_site_holds_it_and_one_opening_a_work_hosts_it():
    found = relations(PLAN + "（一）聚焦创新\n建设宝坻甲乙科技城、武清丙丁示范区，建成西青戊己科学中心、武清庚辛医院。\n")
    assert ("宝坻甲乙科技城", "located_in", "宝坻区") in found and ("武清丙丁示范区", "located_in", "武清区") in found
    assert ("西青区", "hosts", "西青戊己科学中心") in found and ("武清区", "hosts", "武清庚辛医院") in found
    assert not [r for r in found if r[1] == "located_in" and r[0] in ("西青戊己科学中心", "武清庚辛医院")]


def test_a_project_named_after_a_district_is_hosted_by_it_alone():
    found = relations(PLAN + "（一）聚焦创新\n西青区要推进武清甲乙医院建设，建设宝坻丙丁基地。\n")
    assert [r for r in found if r[1] in ("hosts", "located_in")] == [
        ("武清区", "hosts", "武清甲乙医院"), ("宝坻丙丁基地", "located_in", "宝坻区")]


def test_a_phase_of_a_functional_area_is_part_of_it_even_when_the_area_is_not_named_alone():
    found = relations(REVIEW + "（一）扩大开放\n甲乙综保区获批设立，武清丙丁综保区二期通过验收。\n")
    assert ("武清丙丁综保区二期", "part_of", "武清丙丁综保区") in found
    assert ("武清丙丁综保区", "located_in", "武清区") in found


def test_each_clause_addressed_to_a_district_hosts_its_own_projects():
    found = relations(PLAN + "（一）聚焦创新\n西青区要加快甲乙医院、丙丁科技馆建设，北辰区要推进戊己产业园建设。"
                              "武清区建成庚辛博物馆。宝坻区建成区面积扩大。\n")
    hosted = [(s, o) for s, p, o in found if p == "hosts"]
    assert hosted == [("西青区", "甲乙医院"), ("西青区", "丙丁科技馆"), ("北辰区", "戊己产业园"), ("武清区", "庚辛博物馆")]


def test_a_focus_cut_out_of_a_longer_word_is_none():
    found = relations(PLAN + "（一）聚焦区域\n西青区要打造甲乙经济带重要节点城市，北辰区要打造丙丁新区。\n")
    assert [(s, o) for s, p, o in found if p == "focuses_on"] == [("北辰区", "丙丁新区")]


def test_a_district_hosts_the_branch_named_after_it():
    found = relations(PLAN + "（一）聚焦民生\n推进甲乙医院西青院区、丙丁大学武清校区建设。\n")
    assert ("西青区", "hosts", "甲乙医院西青院区") in found and ("武清区", "hosts", "丙丁大学武清校区") in found


def test_no_relations_without_a_district_subject():
    assert [r for r in relations(PLAN + "要聚焦金融服务、总部经济等产业。") if r[1] == "focuses_on"] == []


def test_quoted_project_names_are_one_project():
    names = [p[0] for p in projects(REVIEW + "建成40个“口袋公园”，新建口袋公园。")]
    assert names == ["口袋公园", "口袋公园"]


def test_number_lists_joined_by_he_follow_their_names():
    found = observations(REVIEW + "跨国公司地区总部、外资研发中心分别新认定45家和25家，累计分别达到812家和433家。")
    assert [(o[0], o[1]) for o in found] == [("跨国公司地区总部", 45), ("外资研发中心", 25),
                                           ("跨国公司地区总部", 812), ("外资研发中心", 433)]


def test_annual_average_is_not_respectively():
    assert observations(FIVE_YEAR_REVIEW + "五年来，居民人均可支配收入年均增长5.7%。")[0][0] == "居民人均可支配收入"


def test_a_programme_name_does_not_start_with_a_verb_of_compliance():
    found = {a[0] for a in actions(PLAN + "认真贯彻甲乙改革部署，牢牢把握丙丁城市战略定位。")}
    assert not {n for n in found if n.startswith(("认真", "贯彻", "牢牢", "把握"))}


def test_a_count_of_hundreds_of_lines_is_no_policy_package():
    found = {a[0] for a in actions(REVIEW + "优化公交线路143条，开通通游专线352条，落实提振消费19条。")}
    assert "提振消费19条" in found and not {n for n in found if "143条" in n or "352条" in n}


def test_a_count_of_roads_lines_or_streets_or_one_before_what_it_counts_is_no_policy_package():
    found = {a[0] for a in actions(PLAN + "改造甲乙小区25个、背街小巷40条，新开丙丁航线10条，打造戊己视廊50条，"
                                          "新开通5条国际航线。落实甲乙经济32条政策，出台丙丁22条举措、戊己15条意见、"
                                          "庚辛35条及接续政策。")}
    assert found == {"甲乙经济32条", "丙丁22条", "戊己15条", "庚辛35条"}
    assert actions(PLAN + "办理代表建议86条及政协提案120件。") == []  # 及 another count


def test_quoted_objects_of_programme_verbs_are_programmes():
    found = {a[0] for a in actions(REVIEW + "坚持“用甲河水洗甲河泥”，大力开展城市供热“秋病夏治”，发挥“压舱石”作用。")}
    assert {"“用甲河水洗甲河泥”", "城市供热“秋病夏治”"} <= found
    assert "“压舱石”" not in found


def test_a_phase_makes_a_name_a_project_without_a_head_word():
    found = {p[0] for p in projects(PLAN + "推动甲乙会议中心二期、新丙展二期多功能使用，开通丁戊线南延一期，"
                                           "推动己庚综合保税区（一期）封关验收。")}
    assert {"甲乙会议中心二期", "新丙展二期", "丁戊线南延一期", "己庚综合保税区（一期）"} <= found


def test_a_project_named_by_its_district_is_placed_there():
    found = {p[0]: p[2] for p in projects(REVIEW + "甲乙医院西青院区等开诊运行，丙丁大学津南校区先期运行，"
                                                   "甲乙医院西青分院二期建成。")}
    assert found["甲乙医院西青院区"] == "西青区" and found["丙丁大学津南校区"] == "津南区"
    assert found["甲乙医院西青分院二期"] == "西青区"


def test_industries_listed_before_industry_projects_and_bare_heads_are_no_projects():
    names = {p[0] for p in projects(PLAN + "深入实施甲乙创制、丙丁交易、演艺等重大文化产业项目。536座公园实现24小时开放。")}
    assert not names & {"甲乙创制", "丙丁交易", "演艺", "公园"}


def test_fields_listed_before_major_projects_are_no_projects_even_after_a_verb_or_joined_by_和():
    assert projects(PLAN + "继续加强轨道交通、民用和通用航空、电信基础设施等重大项目建设。") == []


def test_a_level_or_kind_and_a_head_is_a_category_not_a_project():
    names = {p[0] for p in projects(PLAN + "推进县级医院、三级公立医院和省实验室建设，加快甲乙医院新院区、丙丁水库建设，"
                                           "新建城市公园和大学科技园。甲乙示范区活跃度居全国示范区首位。")}
    assert not names & {"县级医院", "三级公立医院", "省实验室", "城市公园", "大学科技园", "全国示范区"}
    assert {"丙丁水库"} <= names


def test_a_class_of_parks_a_plan_favours_is_a_category_not_a_project():
    names = {p[0] for p in projects(PLAN + "着力打造特色园区、共建园区、零碳园区，实行优势地区、优势园区要素优先配置，"
                                           "着力凸显园区主阵地作用，引导规范民营医院发展，推进甲乙零碳产业园建设。")}
    assert not names & {"共建园区", "零碳园区", "优势园区", "优势地区园区", "凸显园区", "规范民营医院"}
    assert "甲乙零碳产业园" in names  # a named park of the class is one


def test_a_verb_of_strengthening_before_a_name_is_not_part_of_it():
    names = {p[0] for p in projects(PLAN + "建强甲乙先进技术研究院，培优育强丙丁输变电装备基地。")}
    assert {"甲乙先进技术研究院", "丙丁输变电装备基地"} <= names
    assert not any(n.startswith(("建强", "培优")) for n in names)


def test_the_class_a_project_is_selected_into_is_not_another_project():
    names = {p[0] for p in projects(REVIEW + "甲乙机场纳入全国民用运输机场，丙丁博物馆晋级国家一级博物馆，"
                                             "戊己港入选全球性国际邮政快递枢纽。")}
    assert {"甲乙机场", "丙丁博物馆"} <= names
    assert not names & {"全国民用运输机场", "国家一级博物馆", "甲乙机场纳入全国民用运输机场"}
    assert not any("入选" in n or "晋级" in n for n in names)


def test_a_stage_verb_before_a_name_is_not_part_of_it():
    assert {p[0] for p in projects(PLAN + "加紧甲乙机场建设，提速丙丁河复航二期。")} == {"甲乙机场", "丙丁河复航二期"}
    assert ("戊己高铁", "start", None) in projects(PLAN + "开建戊己高铁。")  # every stage word stops a name
    assert [p[0] for p in projects(REVIEW + "建成投运庚辛机场三期。")] == ["庚辛机场三期"]
    assert [p[0] for p in projects(REVIEW + "全球最大“甲乙一号”核电基地并网发电。")] == ["“甲乙一号”核电基地"]


def test_only_a_quoted_kind_of_projects_makes_the_items_before_it_projects():
    assert [p[0] for p in projects(PLAN + "推进甲乙超算、丙丁操作系统等“国之重器”建设，加快戊己产业基地、庚辛生产线等"
                                          "“十大产业项目”建设。")] == ["甲乙超算", "丙丁操作系统", "戊己产业基地", "庚辛生产线"]
    assert projects(PLAN + "有效治理交通拥堵等“城市病”，推动工业设备、老旧电梯等“应换尽换”，助力甲茶、乙酒等“福品”，"
                           "办好企业信息变更等“一件事”。") == []


def test_a_counted_kind_of_facility_after_a_list_makes_its_items_projects():
    assert [p[0] for p in projects(PLAN + "新开工甲乙大道、丙丁路等市政道路20条，推进壬癸学校、子丑中学等15所学校建设，"
                                          "建设寅卯、辰巳等学校，新建改扩建幼儿园、中小学等学校50所，"
                                          "推动鹤州大学、雁山大学等12所学校操场向社会开放。")] == [
        "甲乙大道", "丙丁路", "壬癸学校", "子丑中学"]


def test_a_verb_of_rolling_out_opens_neither_a_project_nor_a_programme():
    doc = doc_of(REVIEW + "全面推开县级公立医院综合改革，打通甲乙绿道断点45处，新挂牌丙丁医院。")
    assert {p.name for p in extract_projects(doc)} == {"甲乙绿道", "丙丁医院"}
    assert [a.name for a in extract_actions(doc) if a.level == "program"] == ["县级公立医院综合改革"]


def test_the_complement_好_of_a_driving_verb_is_not_part_of_the_programme():
    doc = doc_of(PLAN + "实施好甲乙技能培训提升行动，电力集团要实施好“强网”行动。")
    assert [a.name for a in extract_actions(doc) if a.level == "program"] == ["甲乙技能培训提升行动", "“强网”行动"]


def test_a_verb_of_seeking_or_focus_opens_no_programme_name():
    doc = doc_of(PLAN + "争取纳入国家甲乙配置综合改革试点，聚焦建设“一区两地”战略，建成丙丁污水厂扩建工程。")
    assert [a.name for a in extract_actions(doc) if a.level == "program"] == [
        "国家甲乙配置综合改革试点", "建设“一区两地”战略"]  # 丙丁污水厂扩建工程 is a project


def test_the_kind_after_等_and_a_role_the_region_takes_on_are_no_projects():
    names = {p[0] for p in projects(PLAN + "加快建设甲乙湿地等大尺度公园，建好丙丁医药港等专业化园区。"
                                           "建设国际科技创新中心和全国文化中心，打造国际消费枢纽，天津国际航空枢纽功能增强。"
                                           "建成戊己国际医学中心和国际氢能示范区。")}
    assert not names & {"大尺度公园", "专业化园区", "国际科技创新中心", "全国文化中心", "国际消费枢纽", "天津国际航空枢纽"}
    assert {"戊己国际医学中心", "国际氢能示范区"} <= names  # led by another place; not a role's head


def test_items_of_a_counted_list_of_projects_are_projects_even_in_an_industry():
    assert projects(PLAN + "东风甲乙新能源、丙丁时代、戊己动力超级工厂等2957个重大产业项目建成投产。") == [
        ("东风甲乙新能源产业项目", "complete", None), ("丙丁时代产业项目", "complete", None),
        ("戊己动力超级工厂产业项目", "complete", None)]  # items without a head take the list's kind
    assert [p[0] for p in projects(PLAN + "提速甲乙至丙丁、戊己高速改扩建等34个续建项目。")] == ["甲乙至丙丁", "戊己高速改扩建"]


def test_a_section_between_two_places_belongs_to_its_line_and_lends_no_item_to_the_next_name():
    assert [p[0] for p in projects(PLAN + "沿江高铁甲乙至丙丁段、戊己长江大桥建成。")] == ["沿江高铁甲乙至丙丁段", "戊己长江大桥"]
    assert [p[0] for p in projects(PLAN + "启动甲乙至丙丁高铁前期工作。")] == ["甲乙至丙丁高铁"]


def test_a_service_or_reach_and_a_head_is_a_kind():
    assert projects(PLAN + "优化货运铁路网，建设通用机场和国际机场，建成三级综合医院、公共图书馆、智慧机场和省级以上园区，"
                           "优化燃煤电厂布局。") == []


def test_a_facility_that_serves_another_is_named_with_it_and_alone_is_a_kind():
    assert [p[0] for p in projects(REVIEW + "建成甲乙科技园配套学院。")] == ["甲乙科技园配套学院"]
    assert projects(REVIEW + "建成配套交通枢纽。") == []


def test_sectors_listed_before_projects_are_no_projects():
    assert projects(PLAN + "开工建设一批综合交通、能源、水利、生态、民生等重大项目。") == []
    assert [p[0] for p in projects(PLAN + "甲乙、丙丁新能源、水利等重大项目加快推进。")] == ["甲乙", "丙丁新能源"]


def test_a_name_joined_to_a_project_and_ending_in_its_word_is_one_of_its_kind():
    assert [p[0] for p in projects(PLAN + "加快建设甲乙医学中心和丙丁公共卫生中心。")] == ["甲乙医学中心", "丙丁公共卫生中心"]
    assert [p[0] for p in projects(PLAN + "建设甲乙医学中心和区域医疗中心。")] == ["甲乙医学中心"]


def test_a_lists_count_and_kind_end_its_last_item():
    assert [p[0] for p in projects(REVIEW + "新增甲乙花湖机场、丙丁三峡机场2个国际机场。")] == ["甲乙花湖机场", "丙丁三峡机场"]
    assert projects(PLAN + "新建口袋公园50个。") == []


def test_a_name_starts_after_a_verb_ending_in_好_or_加大():
    names = {p[0] for p in projects(PLAN + "加快建好用好国家实验室及基地，加大企业总部等功能导入力度。")}
    assert not names & {"好国家实验室", "加大企业总部"}


def test_an_ordinal_phase_is_no_project():
    assert [p for p in projects(PLAN + "举办第一期培训班，新一期工作启动。") if "期" in p[0]] == []


def test_the_object_of_a_verb_driving_a_programme_is_one_name_even_with_verbs_inside():
    found = {a[0] for a in actions(PLAN + "加快甲乙之都建设，持续深化丙丁即办改革。全面实施新一轮戊己改革深化提升行动。"
                                          "巩固拓展全域庚辛城市建设成果，深化壬癸污染治理攻坚。")}
    assert {"甲乙之都建设", "丙丁即办改革", "新一轮戊己改革深化提升行动", "全域庚辛城市建设", "壬癸污染治理攻坚"} <= found


def test_a_driven_object_holding_a_project_start_or_a_list_is_not_one_programme():
    found = {a[0] for a in actions(PLAN + "推进一批重点项目开工建设，加快农业公园和种业之都建设，加强基层基础能力建设，"
                                          "推动服务保障甲乙新区建设。")}
    assert not found & {"一批重点项目开工建设", "农业公园和种业之都建设", "基层基础能力建设", "服务保障甲乙新区建设"}


def test_programmes_named_as_the_subject_of_a_progress_report():
    found = {a[0] for a in actions(REVIEW + "异地就医直接结算深入开展，甲乙创新运营示范区建设步伐加快，"
                                             "用心用情用力全面完成30项民心工程，治理能力和水平扎实推进。")}
    assert {"异地就医直接结算", "甲乙创新运营示范区建设", "30项民心工程"} <= found
    assert not found & {"用心用情用力", "治理能力和水平"}


def test_the_scope_or_time_opening_a_progress_clause_is_not_in_the_programme_name():
    found = {a[0] for a in actions(REVIEW + "全市甲乙流域生态保护建设成势见效，今年丙丁质量提升行动扎实推进。")}
    assert found == {"甲乙流域生态保护建设", "丙丁质量提升行动"}


def test_the_label_of_a_numbered_lead_is_not_in_the_programme_name():
    assert programmes(REVIEW + "\n四是甲乙开放纵深推进。丙丁改革圆满收官。\n\n九是政府自身建设成效明显。扎实开展戊己学习教育。\n") == \
        ["甲乙开放", "政府自身建设"]
    assert programmes(REVIEW + "\n三是大力促甲乙改革，有效激活发展潜能。\n") == ["大力促甲乙改革"]


def test_a_light_verb_opening_a_programme_is_not_part_of_its_name_but_a_title_keeps_its_verb():
    found = programmes(PLAN + "深化开展甲乙领域“四清”行动，积极对接丙丁大开发战略，出台推进戊己发展的若干措施。")
    assert found == ["甲乙领域“四清”行动", "丙丁大开发战略", "推进戊己发展的若干措施"]


def test_people_counted_with_a_multiplier_and_a_noun():
    found = observations(REVIEW + "帮助12万就业困难人员实现就业，25万群众“出棚进楼”。")
    assert [(o[1], o[2]) for o in found] == [(120000.0, "person"), (250000.0, "person")]


def test_a_stay_before_a_visa_waiver_names_the_policy_not_a_quantity():
    assert observations(REVIEW + "甲市纳入240小时过境免签人员停留活动区域，实施72小时免签政策。") == []


def test_computing_power_is_a_quantity_with_its_unit():
    found = observations(REVIEW + "总算力突破7000PF、增长34.6%，智能算力达2EFLOPS。")
    assert [(o[0], o[1], o[2]) for o in found] == [
        ("总算力", 7000, "PFLOPS"), ("总算力", 34.6, "percent"), ("智能算力", 2000, "PFLOPS")]


def test_a_clause_of_comparison_rank_or_level_reached_continues_the_indicator_before_it():
    found = [(o[0], o[1], o[4]) for o in observations(
        REVIEW + "甲乙收入增长5%，比2009年提高92%。丙丁总值增加到51.9万亿元，跃升到世界第二位。财政补助由每人每年380元提高到420元。")]
    assert found == [("甲乙收入", 5, "growth_rate"), ("甲乙收入", 92, "growth_rate"), ("丙丁总值", 51.9e12, "amount"),
                     ("丙丁总值", 2, "rank"), ("财政补助", 380, "amount"), ("财政补助", 420, "amount")]


def test_an_adverb_of_repetition_or_sum_is_not_part_of_the_indicator():
    assert [o[0] for o in observations(REVIEW + "甲乙学生人数又增长10.5%，丙丁收入再增长3%，建成戊己线共67公里，"
                                                "甲乙评估蝉联全国第一，全省范围内469个丙丁站点建成。")] == [
        "甲乙学生人数", "丙丁收入", "建成戊己线", "甲乙评估", "丙丁站点"]
    assert [o[0] for o in observations(PLAN + "甲乙资费年内至少降低30%，今年再压减丙丁产能3000万吨，再生水利用率达到46%，"
                                              "赤字率为2.6%，比去年预算低0.4个百分点。")] == [
        "甲乙资费", "压减丙丁产能", "再生水利用率", "赤字率", "赤字率"]
    found = observations(PLAN + "甲乙补助标准增加到人均320元，今年高校毕业生将达727万人，三是将丙丁事项18项下放。")
    assert [(o[0], o[4]) for o in found] == [("甲乙补助标准", "amount"), ("高校毕业生", "amount"), ("丙丁事项", "amount")]


def test_quoted_items_of_a_list_keep_no_half_quote():
    found = observations(REVIEW + "“甲乙标准”、“丙丁品牌”分别新增11个、20项。")
    assert [o[0] for o in found] == ["甲乙标准", "丙丁品牌"]


def test_households_are_homes_of_people_other_entities_are_counts():
    found = observations(REVIEW + "新增市场主体65万户，为38万户居民解决了房产证难题。")
    assert [(o[1], o[2]) for o in found] == [(650000.0, "count"), (380000.0, "household")]


def test_a_hedge_on_the_last_number_covers_the_list():
    found = observations(REVIEW + "工业和高技术制造业增加值年均分别增长4%、6%左右。")
    assert [o[3] for o in found] == ["左右", "左右"]


def test_items_of_a_list_sharing_a_name_take_all_after_the_word_paralleling_them():
    found = observations(REVIEW + "城镇、农村居民人均可支配收入分别增长4%、6%，工业和高技术制造业增加值分别增长5%、7%，"
                                  "粮食、蔬菜播种面积分别达到550万亩、75万亩，雏鹰、领军（培育）企业分别超过580家、31家，"
                                  "铁路、高速公路运营里程均超过10万公里，城乡居民人均可支配收入分别增长6.8%、8.3%。")
    assert [o[0] for o in found] == ["城镇居民人均可支配收入", "农村居民人均可支配收入", "工业增加值", "高技术制造业增加值",
                                     "粮食播种面积", "蔬菜播种面积", "雏鹰企业", "领军（培育）企业",
                                     "铁路运营里程", "高速公路运营里程", "城镇居民人均可支配收入", "农村居民人均可支配收入"]


def test_a_stage_alone_counts_what_the_number_before_counts_whatever_its_name_holds():
    found = observations(PLAN + "计划新开工5000万元以上甲乙项目600个、竣工投产300个。计划新开工项目70个、竣工50个。"
                                "甲乙计划完成率达到95%。")
    assert [o[0] for o in found] == ["新开工5000万元以上甲乙项目", "竣工投产5000万元以上甲乙项目", "新开工项目", "竣工项目",
                                     "甲乙计划完成率"]  # a bare head (项目) keeps its name; a rate of the plan keeps 计划


def test_places_a_ranking_moved_are_gained_or_lost_not_a_rank():
    found = observations(REVIEW + "甲乙实力位次较上年前移3位，丙丁总量跃居全国第4位、前进2个位次，戊己指标下降2位，"
                                  "庚辛排名上升至第9位。子丑排名较2022年上升5位、居第12位。寅卯总量居全省第6位，排名上升1位。")
    assert [(o[0], o[1], o[2], o[4]) for o in found] == [
        ("甲乙实力位次", 3, "count", "increment"), ("丙丁总量", 4, "rank", "rank"), ("丙丁总量位次", 2, "count", "increment"),
        ("戊己指标位次", -2, "count", "increment"), ("庚辛排名", 9, "rank", "rank"), ("子丑排名", 5, "count", "increment"),
        ("子丑排名", 12, "rank", "rank"), ("寅卯总量", 6, "rank", "rank"), ("寅卯总量排名", 1, "count", "increment")]


def test_a_structure_of_the_three_sectors_is_each_sectors_share():
    found = observations(REVIEW + "三次产业结构由7.1:41.2:51.7调整为6.2:40.5:53.3，西青区三次产业结构为3%:30%:67%，"
                                  "三次产业结构为1:2:3。")
    assert [(o[0], o[1], o[2], o[4]) for o in found] == [
        ("第一产业比重", 6.2, "percent", "share"), ("第二产业比重", 40.5, "percent", "share"),
        ("第三产业比重", 53.3, "percent", "share"), ("第一产业比重", 3, "percent", "share"),
        ("第二产业比重", 30, "percent", "share"), ("第三产业比重", 67, "percent", "share")]  # 1:2:3 adds up to no whole
    assert [o.scope for o in extract_observations(doc_of(REVIEW + "西青区三次产业结构为3:30:67。"))] == ["西青区"] * 3


def test_a_word_naming_two_things_at_once_gives_each_its_number():
    found = observations(REVIEW + "甲乙机构存贷款余额分别达到900亿元、700亿元，丙丁进出口总额分别增长3%、5%。")
    assert [o[0] for o in observations(REVIEW + "戊己城乡一体化水平分别提高3、5个百分点。")] == [
        "戊己城乡一体化水平", "戊己城乡一体化水平"]  # one thing, not urban and rural
    assert [(o[0], o[1]) for o in found] == [("甲乙机构存款余额", 9e10), ("甲乙机构贷款余额", 7e10), ("丙丁进口总额", 3),
                                             ("丙丁出口总额", 5)]


def test_later_items_naming_only_another_measure_share_the_first_items_thing():
    found = observations(REVIEW + "甲乙旅游人数和收入均增长20%，丙丁服务诉求解决率、满意率分别达96%和97%，"
                                  "进出口总额和出口额分别增长5%、6%，地区生产总值和税收分别增长5%、6%。")
    assert [o[0] for o in found] == ["甲乙旅游人数", "甲乙旅游收入", "丙丁服务诉求解决率", "丙丁服务诉求满意率",
                                     "进出口总额", "出口额", "地区生产总值", "税收"]


def test_a_list_of_as_many_names_as_numbers_of_one_unit_is_one_name_a_number_without_分别():
    found = observations(REVIEW + "城镇和农村人均住房面积32.9平方米、37.1平方米，分别比2007年增加2.8平方米和5.5平方米。"
                                  "核准和在建甲乙机组1003万千瓦、居全国第2位。甲乙游客人数、丙丁综合收入分别增长8.5%、9%。")
    assert [o[0] for o in found] == ["城镇人均住房面积", "农村人均住房面积", "城镇人均住房面积", "农村人均住房面积",
                                     "核准和在建甲乙机组", "核准和在建甲乙机组", "甲乙游客人数", "丙丁综合收入"]


def test_a_number_of_a_named_project_or_area_opening_its_clause_is_scoped_to_it():
    found = [(o.indicator, o.scope, o.scope_kind) for o in extract_observations(doc_of(
        REVIEW + "甲乙医院门诊量达19万人次，丙丁产业园累计入驻企业130家，东疆综合保税区新设企业2300家。"
                 "甲乙、丙丁等3个产业园建成，国家公园占保护地总面积的75%，戊己产业园区工业投资增长38%。"))]
    assert found == [("门诊量", "甲乙医院", "project"), ("累计入驻企业", "丙丁产业园", "project"),
                     ("新设企业", "东疆综合保税区", "place"), ("产业园", "天津市", "place"),
                     ("国家公园占保护地总面积", "天津市", "place"), ("戊己产业园区工业投资", "天津市", "place")]


def test_an_investment_before_the_project_it_is_in_is_that_projects():
    found = [(o.indicator, o.scope, o.scope_kind) for o in extract_observations(doc_of(
        REVIEW + "总投资90亿元的鹤州光伏产业园一期建成投产，投资约25亿元的甲乙污水处理厂扩建工程完工。"))]
    assert found == [("总投资", "鹤州光伏产业园一期", "project"), ("投资", "甲乙污水处理厂扩建工程", "project")]


def test_a_list_mark_inside_brackets_does_not_cut_a_name():
    found = observations(REVIEW + "全国2343个县（市、区）开展试点，甲乙示范企业（平台、项目）达到29个，"
                                  "丙丁覆盖面扩大到60%以上。")
    assert [o[0] for o in found] == ["县（市、区）", "甲乙示范企业（平台、项目）", "丙丁覆盖面"]


def test_the_longest_measure_word_of_the_first_item_is_what_later_items_replace():
    found = observations(REVIEW + "规上甲乙企业营业收入和利润均增长5%，丙丁旅游总收入和人数均增长10%。")
    assert [o[0] for o in found] == ["规上甲乙企业营业收入", "规上甲乙企业利润", "丙丁旅游总收入", "丙丁旅游人数"]


def test_a_stock_or_a_level_reached_is_no_increment_whatever_verb_it_holds():
    found = observations(REVIEW + "全市建设用地面积3000平方公里，甲乙实验室优化重组至172家，社会养老保险覆盖9亿多人。"
                                  "老楼加装电梯876部。")
    assert [o[4] for o in found] == ["amount", "amount", "amount", "increment"]


def test_a_category_opened_by_a_level_is_no_scope_of_a_number():
    found = [(o.indicator, o.scope) for o in extract_observations(doc_of(
        REVIEW + "国家级高新区实现营业收入5000亿元，市第一人民医院门诊量达19万人次。"))]
    assert found == [("国家级高新区实现营业收入", "天津市"), ("门诊量", "市第一人民医院")]


def test_a_multiple_is_a_percentage_and_the_year_it_multiplies_is_no_period():
    found = observations(REVIEW + "甲乙出口增长近3倍。丙丁资金1713亿元，是2010年的2.2倍，全年建成戊己住房432万套。")
    assert [(o[0], o[1], o[2], o[4], o[6]) for o in found] == [
        ("甲乙出口", 300, "percent", "growth_rate", "2022"), ("丙丁资金", 1.713e11, "CNY", "amount", "2022"),
        ("丙丁资金", 220, "percent", "share", "2022"), ("建成戊己住房", 4.32e6, "count", "increment", "2022")]


def test_increment_verb_covers_every_item_of_the_clause():
    found = observations(REVIEW + "新增学前教育学位12.5万个、义务教育学位16.2万个。")
    assert [o[4] for o in found] == ["increment", "increment"]


def test_what_is_counted_after_the_number_when_the_subject_is_a_verb_or_a_list():
    found = observations(REVIEW + "建成40个“口袋公园”，甲乙信息、丙丁标等7家企业实现上市。")
    assert [o[0] for o in found][0] == "口袋公园"
    assert found[1][0].startswith("企业")


def test_a_count_of_kinds_before_the_number_is_no_name_and_what_follows_it_is():
    found = observations(REVIEW + "我们将优化安排12类45件甲乙实事，12类55件丙丁实事保质保量完成，11座戊己设施完成改造。")
    assert [o[0] for o in found] == ["甲乙实事", "丙丁实事", "戊己设施完成改造"]


def test_a_policy_package_carried_out_is_a_name_and_a_count_of_roads_is_not():
    assert observations(REVIEW + "认真落实甲乙关于鼓励民间投资新36条。出台稳经济35条，新建道路35条。") == [
        ("新建道路", 35, "count", None, "increment", "actual", "2022")]


def test_the_other_form_of_a_unit_is_no_name_and_a_level_kept_is_no_increment():
    found = observations(PLAN + "更新甲乙设备约15万台（套），丙丁种植面积稳定在1100万亩。")
    assert [o[0] for o in found] == ["更新甲乙设备", "丙丁种植面积"] and found[1][4] == "amount"


def test_travel_time_circles_are_names():
    assert observations(REVIEW + "15分钟便民生活圈更加完善。") == []


def test_part_of_needs_a_part_word_or_a_counted_family():
    found = relations(REVIEW + "（一）民生持续增进。6家甲乙实验室投入运行，新建合成生物甲乙实验室。"
                               "三级公立医院和市第一中心医院新院区建成，公立医院改革深化。\n")
    parts = [(s, o) for s, p, o in found if p == "part_of"]
    assert ("合成生物甲乙实验室", "甲乙实验室") in parts
    assert not any(o == "公立医院" for _, o in parts)


def test_numbers_inside_project_names_are_not_observations():
    assert observations(PLAN + "甲乙石化丙丁150万吨乙烯建成投产。") == []


def test_places_listed_as_subject_take_the_paragraphs_indicator():
    found = extract_observations(doc_of(PLAN + "到2027年河西区经济总量达到1500亿元以上，北辰区、和平区力争达到1200亿元。"))
    assert [(o.indicator, o.scope) for o in found] == [("经济总量", "河西区"), ("经济总量", "北辰区"), ("经济总量", "和平区")]


def test_slogan_fragments_in_quotes_are_not_projects():
    assert projects(PLAN + "“两基地五区”功能定位加快实现。") == []


def test_phase_after_a_bracketed_qualifier_stays_in_the_name():
    assert projects(PLAN + "建成甲乙会展中心（丙丁）二期。") == [("甲乙会展中心（丙丁）二期", "complete", None)]


def test_starting_verbs_before_a_list_of_projects():
    assert {p[1] for p in projects(PLAN + "启动甲乙美术学院、甲乙音乐学院扩建。")} == {"start"}


def test_leading_verbs_stay_out_of_listed_project_names():
    found = [p[0] for p in projects(PLAN + "举办甲乙云脑健康医疗大数据、丙丁生物免疫肿瘤细胞治疗等重大项目。")]
    assert found == ["甲乙云脑健康医疗大数据", "丙丁生物免疫肿瘤细胞治疗"]


def test_counted_things_after_the_number():
    found = observations(REVIEW + "512平方公里湿地保护、648平方公里绿色生态屏障建设成效明显，在全国首批印发427项行政许可事项清单，"
                                  "新增12家备案博物馆和31家类博物馆。")
    assert [o[0] for o in found] == ["湿地保护", "绿色生态屏障建设", "行政许可事项清单", "备案博物馆", "类博物馆"]


def test_hedge_words_stay_out_of_indicator_names():
    assert observations(PLAN + "城镇新增就业不少于38万人。")[0][:4] == ("城镇新增就业", 380000.0, "person", "不少于")


@pytest.mark.parametrize("text, expected", [
    ("加快建设第五人民医院东丽院区。", ["东丽区"]),
    ("建设静海甲乙供水管线。", ["静海区"]),
    ("改扩建杨柳青和大港水厂。", []),  # a town in 西青区, not a district name
    ("深化区域合作，和平发展。", []),  # 合作 is not 合作市, 和平 alone is not 和平区
    ("南开大学、河北省和河北工业大学。", []),
])
def test_district_mentions_and_traps(text, expected):
    assert [p.name for p in extract_places(doc_of(text)) if p.kind == "district"] == expected


@pytest.mark.parametrize("text", ["建成5G基站。", "“1+3+4”产业体系加快构建。", "12345热线高效运转。"])
def test_numbers_inside_names_are_not_observations(text):
    assert observations(REVIEW + text) == []


def test_a_counted_kind_of_facility_is_not_a_project_but_a_quoted_brand_is():
    names = [p[0] for p in projects(REVIEW + "老年日间照料服务中心达到1246个，“甲乙工坊”达到17家。")]
    assert names == ["甲乙工坊"]


def projects_of(sentence: str) -> list[tuple[str, str]]:
    doc = read_document("一、2024年工作回顾\n" + sentence + "\n二、2025年工作安排\n继续努力。\n", "t", region="湖南省",
                        year=2025)
    return [(p.name, p.stage) for p in run_pipeline(doc).projects]


def test_an_uncounted_list_of_common_words_closed_by_projects_lists_fields_not_projects():
    assert projects_of("加快扩能、垃圾焚烧发电等项目建设。") == []
    assert [n for n, _ in projects_of("加快徐大堡核电、华电铁岭绿色氨醇等能源项目建设。")] == [
        "徐大堡核电能源项目", "华电铁岭绿色氨醇能源项目"]
    assert [n for n, _ in projects_of("加快宏大新材料、国家电投风电等项目建设。")] == ["宏大新材料", "国家电投风电"]
    assert [n for n, _ in projects_of("加快甲乙、丙丁等两个项目建设。")] == ["甲乙", "丙丁"]
    # a long list with one word jieba tags a place (江河湖泊) among common words still lists fields; two proper names
    # in it make it a list of projects
    assert projects_of("支持雨水收集、骨干水源、江河湖泊整治、节水改造等重点项目。") == []
    assert [n for n, _ in projects_of("加快濮鄄核电、甲乙岭氨醇、骨干水源、节水改造等能源项目建设。")][:2] == [
        "濮鄄核电能源项目", "甲乙岭氨醇能源项目"]


def test_a_body_established_or_started_running_is_completed():
    assert projects_of("甲乙研究院、丙丁医学院揭牌成立，戊己实验室挂牌运行，庚辛创新中心启动运行。") == [
        ("甲乙研究院", "completed"), ("丙丁医学院", "completed"), ("戊己实验室", "completed"), ("庚辛创新中心", "completed")]


def test_a_count_in_words_opening_a_name_is_not_part_of_it():
    assert projects_of("建成千座公园，新建一家医院。") == []
    assert [n for n, _ in projects_of("加快“五个1号”交旅融合生态景观大道建设。")] == ["“五个1号”交旅融合生态景观大道"]


def test_a_list_item_joining_two_headed_names_is_two_projects():
    assert projects_of("加快甲乙、丙丁高铁和戊己城际铁路等重大项目建设，推进庚辛科学中心与壬癸基地等项目建设，"
                       "推进子丑和寅卯产业园等项目建设。") == [
        ("甲乙", "accelerate"), ("丙丁高铁", "accelerate"), ("戊己城际铁路", "accelerate"),
        ("庚辛科学中心", "accelerate"), ("壬癸基地", "accelerate"), ("子丑和寅卯产业园", "accelerate")]


def test_short_items_before_a_name_share_its_head():
    assert projects_of("东湖、西山储气库开工建设。") == [("东湖储气库", "start"), ("西山储气库", "start")]
    assert projects_of("建成南岭、北岭、中岭水库。") == [("南岭水库", "completed"), ("北岭水库", "completed"),
                                                  ("中岭水库", "completed")]
    # items that are names themselves, or long phrases, share nothing
    assert ("科技园", "accelerate") not in projects_of("加快建设科技园、产业园。")
    assert projects_of("推进教育、医疗等民生领域改革。") == []


def test_listed_places_share_what_follows_the_place_that_opens_the_name_each_in_its_own_district():
    doc = doc_of(PLAN + "推进宝坻、武清物流枢纽建设。")
    assert [(p.name, p.district) for p in extract_projects(doc)] == [("宝坻物流枢纽", "宝坻区"),
                                                                     ("武清物流枢纽", "武清区")]


def test_a_longer_item_shares_what_follows_its_last_character_in_the_name():
    assert [name for name, _ in projects_of("推进甲乙空港型、丙丁生产服务型物流枢纽建设。")] == [
        "甲乙空港型物流枢纽", "丙丁生产服务型物流枢纽"]


def test_a_longer_item_whole_by_itself_shares_nothing_with_the_name_after_it():
    assert [name for name, _ in projects_of("推进城乡一体化、丙丁一体化示范区建设。")] == ["丙丁一体化示范区"]
    assert [name for name, _ in projects_of("建成甲乙高速铁路、丙丁大桥。")] == ["甲乙高速铁路", "丙丁大桥"]


def test_names_counted_by_a_vague_quantity_are_kinds_not_projects():
    assert projects_of("新建一批甲乙产业园、丙丁示范基地，建设若干物流园区。") == []
    assert [name for name, _ in projects_of("建成一批项目，甲乙产业园投产。")] == ["甲乙产业园"]


def test_a_line_section_named_by_its_two_ends_belongs_to_the_name():
    names = [name for name, _ in projects_of("京广高铁湘赣段、湘江大道等建成通车。")]
    assert names == ["京广高铁湘赣段", "湘江大道"]


def test_exchanges_greenways_and_corridors_are_projects():
    doc = read_document("一、2024年工作回顾\n继续努力。\n二、2025年工作安排\n推进东海数据交易所、南湖生态绿道和滨江科创走廊建设。\n",
                        "t", region="湖南省", year=2025)
    assert [(p.name, p.stage) for p in run_pipeline(doc).projects] == [
        ("东海数据交易所", "accelerate"), ("南湖生态绿道", "accelerate"), ("滨江科创走廊", "accelerate")]


def test_a_parks_expansion_zone_and_an_industrial_valley_are_projects():
    doc = read_document("一、2024年工作回顾\n继续努力。\n二、2025年工作安排\n推进东湖科技园南拓展区建设，打造江北能源谷。\n",
                        "t", region="湖南省", year=2025)
    assert [p.name for p in run_pipeline(doc).projects] == ["东湖科技园南拓展区", "江北能源谷"]


def test_a_series_of_quoted_names_is_one_project_each_with_the_words_before_it():
    doc = read_document("一、2024年工作回顾\n继续努力。\n二、2025年工作安排\n加快建设湘赣“氢走廊”“电走廊”“智行走廊”。\n",
                        "t", region="湖南省", year=2025)
    found = [(p.name, doc.text[p.start:p.end]) for p in run_pipeline(doc).projects]
    assert found == [("湘赣氢走廊", "氢走廊"), ("湘赣电走廊", "电走廊"), ("湘赣智行走廊", "智行走廊")]


def test_a_programme_in_subject_position_is_read_from_its_progress_predicate():
    doc = read_document("一、2024年工作回顾\n湘江流域生态保护建设成势见效，长株潭都市圈高质量发展纵深推进。\n"
                        "全面完成30项民心工程。\n二、2025年工作安排\n继续努力。\n", "t", region="湖南省", year=2025)
    programs = [a.name for a in run_pipeline(doc).actions if a.level == "program"]
    assert "湘江流域生态保护建设" in programs and "长株潭都市圈高质量发展" in programs
    assert not any(name.startswith("全面完成") for name in programs)


def test_computing_centres_stations_and_halls_are_projects_and_their_bare_heads_are_not():
    names = [p[0] for p in projects(PLAN + "建成甲乙空港智算中心、丙丁南站和戊己纪念馆，统筹布局算力中心。")]
    assert names == ["甲乙空港智算中心", "丙丁南站", "戊己纪念馆"]


def test_each_stage_runs_alone_and_finds_what_the_pipeline_finds():
    from govkg.pipeline import STAGES, Extraction, run_pipeline

    body = (PLAN + "（一）聚焦创新，着力发展\n西青区要加快甲乙科技园建设，地区生产总值增长5%。实施丙丁行动。\n")
    whole = run_pipeline(doc_of(body))
    assert [name for name, _ in STAGES] == ["places", "projects", "observations", "actions", "relations"]
    for name, stage in STAGES[:-1]:
        alone, doc = Extraction(), doc_of(body)
        stage(doc, alone)
        assert getattr(alone, name) == getattr(whole, name), name
    alone = Extraction()
    STAGES[-1][1](doc_of(body), alone)
    assert whole.relations and alone.relations == []  # relations link the facts the other stages put in the Extraction
    doc = doc_of(body)
    run_pipeline(doc)
    assert [m.division.name for m in doc.found.districts] == ["西青区"]
    assert [p.name for p in doc.found.projects] == ["甲乙科技园"]


def test_a_one_word_noun_before_a_long_programme_head_names_a_programme():
    doc = doc_of(PLAN + "扎实开展纪律学习教育，巩固拓展主题教育成果，出台系列政策措施，开展问题专项整治。")
    assert [a.name for a in extract_actions(doc) if a.level == "program"] == ["纪律学习教育"]


def test_a_head_followed_by_growth_is_a_speed_not_a_project():
    assert [name for name, _ in projects_of("经济保持中高速增长，甲乙高速建成通车。")] == ["甲乙高速"]


def test_a_descriptor_of_common_words_before_a_name_with_its_head_is_no_part_of_the_name():
    assert projects_of("全省首个专业物流机场鹤州花溪机场建成投用，甲乙儿童医院鹤州医院建成。") == [
        ("鹤州花溪机场", "completed"), ("甲乙儿童医院鹤州医院", "completed")]  # a named hospital's branch stays whole


def test_a_water_work_whose_water_is_described_is_a_place_not_a_project():
    assert projects_of("甲江干流、乙丘水库水质保持在Ⅱ类以上，加强丙丁水库流域生态保护，开工建设戊己水库。") == [
        ("戊己水库", "start")]


def test_what_still_needs_pushing_or_a_list_of_predicates_is_no_progress_report_of_a_programme():
    doc = doc_of(PLAN + "甲乙技术攻关还需加力推进，丙丁城市更新行动步伐加快，改革全面发力、纵深推进，"
                        "戊己改革仍需向纵深推进，持续推进党内甲乙学习教育走深走实。")
    assert [a.name for a in extract_actions(doc) if a.level == "program"] == ["丙丁城市更新行动", "党内甲乙学习教育"]


def test_verbs_of_rolling_out_publishing_and_ensuring_open_no_programme_name():
    doc = doc_of(PLAN + "推行甲乙登记制度改革，公布丙丁权力清单，再开工20项甲乙水利工程，紧紧依靠改革。")
    assert [a.name for a in extract_actions(doc) if a.level == "program"] == [
        "甲乙登记制度改革", "丙丁权力清单", "20项甲乙水利工程"]


def test_the_verb_改革_opening_a_programme_name_is_not_part_of_it():
    doc = doc_of(PLAN + "改革甲乙科技评价制度，实施改革开放示范工程，实施改革攻坚三年行动。")
    assert [a.name for a in extract_actions(doc) if a.level == "program"] == [
        "甲乙科技评价制度", "改革开放示范工程", "改革攻坚三年行动"]


def test_verbs_of_aiming_and_winning_and_a_team_open_no_programme_name():
    doc = doc_of(PLAN + "瞄准生物工程、高端医疗器械等领域，《甲乙》等6部作品荣获“五个一工程”优秀奖，"
                        "青藏高原甲乙资源工程团队荣获“卓越团队”。")
    assert [a.name for a in extract_actions(doc) if a.level == "program"] == []


def test_adverbs_of_manner_and_a_start_written_as_one_word_open_no_programme_name():
    doc = doc_of(PLAN + "广泛开展甲乙提升行动，新开工丙丁安居工程，努力实现“十四五”规划。")
    assert [a.name for a in extract_actions(doc) if a.level == "program"] == ["甲乙提升行动", "丙丁安居工程", "“十四五”规划"]


def test_verbs_of_practising_and_detailing_open_no_programme_name():
    doc = doc_of(PLAN + "落细区域甲乙发展战略，忠实践行“丙丁战略”。")
    assert [a.name for a in extract_actions(doc) if a.level == "program"] == ["区域甲乙发展战略", "“丙丁战略”"]


def test_an_adverb_or_circumstance_before_a_progress_predicate_and_verbs_of_seizing_are_not_in_a_name():
    doc = doc_of(REVIEW + "甲乙综合治理行动不断走深走实。新增丙丁融合应用试点，抢抓戊己腹地建设机遇。"
                          "庚辛集成改革在守正创新中纵深推进。")
    assert [a.name for a in extract_actions(doc) if a.level == "program"] == [
        "甲乙综合治理行动", "丙丁融合应用试点", "庚辛集成改革"]


def test_巩固拓展_is_one_verb_whose_object_holds_no_half_of_it():
    doc = doc_of(PLAN + "持续巩固拓展甲乙攻坚成果，巩固丙丁戊己综合整治成果。")
    assert [a.name for a in extract_actions(doc) if a.level == "program"] == ["丙丁戊己综合整治"]


def test_a_name_of_sector_and_level_words_is_a_category_unless_a_district_is_told_to_build_it():
    doc = doc_of(PLAN + "新建社区卫生服务中心，支持制造业创新中心做大做强，创建现代农业产业园，探索建设算力交易中心。"
                        "西青区要加快集成电路产业园建设。")
    assert [(p.name, p.district) for p in extract_projects(doc)] == [("集成电路产业园", "西青区")]


def test_a_common_word_holding_a_head_or_running_on_past_it_is_no_project():
    assert projects_of("完成农村宅基地制度改革试点，建设甲乙高校区域技术转移中心。甲乙校区建成。") == [
        ("甲乙校区", "completed")]


def test_a_number_compared_with_the_country_measures_the_indicator_before_it():
    found = [(name, value, measure) for name, value, _, _, measure, _, _ in observations(
        REVIEW + "甲乙产值增长5.4%、高于全国1.9个百分点，调查失业率4.5%，低于全国平均水平0.6个百分点。")]
    assert found == [("甲乙产值", 5.4, "growth_rate"), ("甲乙产值高于全国", 1.9, "change_pp"),
                     ("调查失业率", 4.5, "share"), ("调查失业率低于全国平均水平", 0.6, "change_pp")]
    # a later number with no name of its own continues the indicator, not its comparison with the nation
    found = observations(REVIEW + "甲乙产值增长5.6%、高于全国0.2个百分点，全年增长4.8%。")
    assert [(o[0], o[1]) for o in found] == [("甲乙产值", 5.6), ("甲乙产值高于全国", 0.2), ("甲乙产值", 4.8)]
    found = observations(REVIEW + "甲乙产值增长5%，高于全国1个百分点、全省0.5个百分点。")  # a comparison continued
    assert [o[0] for o in found] == ["甲乙产值", "甲乙产值高于全国", "甲乙产值高于全省"]
    found = observations(REVIEW + "丙丁产值增长6%，增速高于全国、全省1.2和0.8个百分点。")  # the unit of the last number
    assert [(o[0], o[1], o[2]) for o in found] == [("丙丁产值", 6, "percent"),
                                                   ("丙丁产值增速高于全国", 1.2, "percentage_point"),
                                                   ("丙丁产值增速高于全省", 0.8, "percentage_point")]
    found = observations(REVIEW + "戊己产值、庚辛产值、壬癸产值分别增长5.1、6.3和7%。")
    assert [(o[0], o[1]) for o in found] == [("戊己产值", 5.1), ("庚辛产值", 6.3), ("壬癸产值", 7)]
    # a label before a list of counts shares no unit (1、子丑项目…), nor does a numbered kind (获批1、2类…)
    found = observations(REVIEW + "1、30项子丑事项全部完成。获批1、2类寅卯药品12个。")
    assert 1 not in [o[1] for o in found]


def test_a_share_named_only_by_its_whole_is_the_share_of_the_count_before_it():
    found = observations(REVIEW + "甲乙获评丙丁奖58项、占全国28.7%，戊己外送量900亿度、占全国7%。")
    assert [o[0] for o in found] == ["甲乙获评丙丁奖", "甲乙获评丙丁奖占全国", "戊己外送量", "戊己外送量占全国"]


def test_a_total_counts_what_was_added_before_it_and_a_batch_what_follows_its_number():
    found = [(name, value, measure) for name, value, _, _, measure, _, _ in observations(
        REVIEW + "新增甲乙工厂22家、总数达36家。首批12个丙丁片区加快建设。新增戊己公园141座、累计达到973座。")]
    assert found == [("新增甲乙工厂", 22, "increment"), ("甲乙工厂总数", 36, "amount"), ("丙丁片区", 12, "amount"),
                     ("新增戊己公园", 141, "increment"), ("戊己公园总数", 973, "amount")]
    found = observations(REVIEW + "新增庚辛实验室18家、累计38家。")  # 累计 alone, no verb of level: still a total
    assert [(o[0], o[4]) for o in found] == [("新增庚辛实验室", "increment"), ("庚辛实验室总数", "amount")]
    found = observations(REVIEW + "新入选国家壬癸工厂113家、累计210家。")
    assert [(o[0], o[4]) for o in found] == [("新入选国家壬癸工厂", "increment"), ("国家壬癸工厂总数", "amount")]


def test_a_clause_of_a_parallel_subject_alone_takes_the_measure_the_clause_before_names():
    found = observations(REVIEW + "甲乙居民人均收入4万元，丙丁居民2万元。戊己工业企业营业收入300亿元，庚辛服务业企业120亿元。"
                                  "壬癸企业营业收入50亿元，新建子丑企业30家。")
    assert [o[0] for o in found] == ["甲乙居民人均收入", "丙丁居民人均收入", "戊己工业企业营业收入", "庚辛服务业企业营业收入",
                                     "壬癸企业营业收入", "新建子丑企业"]


def test_numbers_said_respectively_after_clauses_of_one_number_each_are_those_clauses():
    found = observations(REVIEW + "引进甲乙人才2万人，丙丁资金30亿元，分别增长12%和9%。"
                                  "戊己存款余额800亿元、庚辛贷款余额600亿元，分别比年初增长8%、10%。")
    assert [(o[0], o[1]) for o in found] == [
        ("引进甲乙人才", 2e4), ("丙丁资金", 3e9), ("引进甲乙人才", 12), ("丙丁资金", 9),
        ("戊己存款余额", 8e10), ("庚辛贷款余额", 6e10), ("戊己存款余额", 8), ("庚辛贷款余额", 10)]


def test_a_measure_after_another_measures_the_same_thing_and_a_bare_measure_names_no_thing():
    found = observations(REVIEW + "实现营业收入300亿元、利润总额20亿元。营业收入、利润总额分别增长10%、12%。"
                                  "戊己播种面积500万亩、产量40亿斤。庚辛产量30亿斤、播种面积400万亩。"
                                  "壬癸企业营业收入增长8%、营业利润增长9%。子丑总产量、播种面积分别增长2%、1%。")
    assert [o[0] for o in found] == ["营业收入", "利润总额", "营业收入", "利润总额", "戊己播种面积", "戊己产量", "庚辛产量",
                                     "庚辛播种面积", "壬癸企业营业收入", "壬癸企业营业利润", "子丑总产量", "子丑播种面积"]


def test_a_total_investment_after_a_count_of_projects_is_theirs_named_as_counted():
    found = observations(REVIEW + "新落地甲乙项目120个、总投资900亿元。谋划丙丁项目90个，总投资800亿元。"
                                  "戊己项目开工率达到95%、总投资700亿元。")
    assert [o[0] for o in found] == ["新落地甲乙项目", "新落地甲乙项目总投资", "谋划丙丁项目", "谋划丙丁项目总投资",
                                     "戊己项目开工率", "总投资"]  # not the investment of a rate


def test_a_net_addition_is_an_increment_and_adding_alone_adds_to_what_the_number_before_counts():
    found = observations(REVIEW + "甲乙企业总数达到900家，新增150家。丙丁主体达到30万户、净增2万户。净增戊己企业80家。"
                                  "新增庚辛企业100家，其中净增80家。壬癸企业营业收入增长10%，新增50家。子丑存款净增500亿元。")
    assert [(o[0], o[4]) for o in found] == [("甲乙企业总数", "amount"), ("甲乙企业新增", "increment"),
                                             ("丙丁主体", "amount"), ("丙丁主体净增", "increment"),
                                             ("净增戊己企业", "increment"), ("新增庚辛企业", "increment"),
                                             ("庚辛企业净增", "increment"), ("壬癸企业营业收入", "growth_rate"),
                                             ("新增", "increment"), ("子丑存款净增", "increment")]


def test_a_clause_named_by_a_stage_alone_counts_what_the_clause_before_it_counts():
    found = observations(REVIEW + "新开工甲乙安居工程666万套，基本建成544万套。丙丁小区改造开工742个、完工548个。"
                                  "开工建设戊己公路300公里，建成通车200公里。改造庚辛管网50公里，建成30公里。")
    assert [o[0] for o in found] == ["新开工甲乙安居工程", "基本建成甲乙安居工程", "丙丁小区改造开工", "丙丁小区改造完工",
                                     "开工建设戊己公路", "建成通车戊己公路", "改造庚辛管网", "建成"]
    found = observations(REVIEW + "新建甲乙学校10所、改扩建5所。新增丙丁农田20万亩、改造提升10万亩。"
                                  "新建改扩建戊己学校9所、改扩建3所。开工改造项目30个，完工10个。")
    assert [(o[0], o[4]) for o in found] == [
        ("新建甲乙学校", "increment"), ("改扩建甲乙学校", "increment"), ("新增丙丁农田", "increment"),
        ("改造提升丙丁农田", "increment"), ("新建改扩建戊己学校", "increment"), ("改扩建戊己学校", "increment"),
        ("开工改造项目", "increment"), ("完工改造项目", "increment")]


def test_a_mean_per_unit_is_part_of_the_name_and_adverbs_of_degree_and_scope_are_not():
    found = observations(REVIEW + "全市亩均工业增加值增长9.9%，户均丙丁收入达到3万元，入境游客大幅增长86%，"
                                  "预计全市地区生产总值增长5.2%左右。")
    assert [o[0] for o in found] == ["亩均工业增加值", "户均丙丁收入", "入境游客", "地区生产总值"]


def test_a_streak_of_years_is_no_name_of_its_own():
    found = observations(REVIEW + "甲乙价格上涨2%。丙丁学生人数连续两年增长10%以上，戊己工作连续4年位列全国第一。"
                                  "粮食总产量达到500亿斤，连续12年稳定在500亿斤以上。")
    assert [o[0] for o in found] == ["甲乙价格", "丙丁学生人数", "戊己工作", "粮食总产量", "粮食总产量"]


def test_a_level_reached_by_rising_has_no_verb_of_rising_in_its_name():
    found = observations(REVIEW + "甲乙覆盖率上升到21.6%，丙丁排名有望上升至第20位，戊己投资比重回升到40%。")
    assert [(o[0], o[4]) for o in found] == [("甲乙覆盖率", "share"), ("丙丁排名", "rank"), ("戊己投资比重", "share")]


def test_divisions_a_report_supports_in_building_something_focus_on_it():
    doc = doc_of(PLAN + "支持河西区、南开区等建设甲乙创新示范区、和平区打造丙丁消费中心，支持宝坻区发展经济。")
    assert [(r.subject, r.object) for r in run_pipeline(doc).relations if r.predicate == "focuses_on"] == [
        ("河西区", "甲乙创新示范区"), ("南开区", "甲乙创新示范区"), ("和平区", "丙丁消费中心")]


def test_a_division_supported_in_building_a_project_hosts_it():
    found = relations(PLAN + "（一）聚焦创新，着力发展\n支持河西区建设甲乙产业园，支持南开区打造丙丁消费中心。\n")
    assert [(r[0], r[2]) for r in found if r[1] == "hosts"] == [("河西区", "甲乙产业园")]


def test_what_a_supported_division_focuses_on_starts_after_the_verb_of_building():
    doc = doc_of(PLAN + "支持河西区建设成为甲乙创新高地，支持南开区发展壮大丙丁产业集群，支持和平区建设好戊己消费中心。")
    assert [(r.subject, r.object) for r in run_pipeline(doc).relations if r.predicate == "focuses_on"] == [
        ("河西区", "甲乙创新高地"), ("南开区", "丙丁产业集群"), ("和平区", "戊己消费中心")]


def test_an_item_with_no_head_in_a_list_of_projects_of_one_kind_is_a_project_of_that_kind():
    assert projects_of("甲乙、丙丁等重点整车项目陆续投产，戊己三期、庚辛高速、壬癸二期工程等核电项目加快建设，"
                       "子丑等一批重大项目开工，寅卯等央属标志性项目落地。") == [
        ("甲乙整车项目", "completed"), ("丙丁整车项目", "completed"), ("戊己三期核电项目", "accelerate"),
        ("庚辛高速", "accelerate"), ("壬癸二期工程", "accelerate"), ("子丑", "start"), ("寅卯", "completed")]
    assert projects_of("加快甲乙河、丙丁河等13个港航项目进度，推进戊己至庚辛等续建项目。") == [
        ("甲乙河港航项目", "accelerate"), ("丙丁河港航项目", "accelerate"), ("戊己至庚辛", "accelerate")]


def test_work_done_in_the_year_is_an_increment_and_a_stock_under_care_is_not():
    found = observations(REVIEW + "拆除甲乙护栏247公里，打通20条断头路，办理丙丁提案1279件。"
                                  "875平方公里湿地保护、736平方公里戊己屏障建设、153公里海岸线综合治理成效明显。")
    assert [(o[1], o[4]) for o in found] == [(247, "increment"), (20, "increment"), (1279, "increment"),
                                            (875, "amount"), (736, "amount"), (153, "amount")]


def test_the_one_character_place_after_在_is_not_part_of_a_name():
    assert [name for name, _ in projects_of("推动在湘甲乙实验室建设，推动在“丙丁”示范区建设。")] == [
        "甲乙实验室", "“丙丁”示范区"]


def test_a_list_of_places_before_a_list_of_projects_and_items_monitored_are_no_projects():
    assert projects_of("在甲乙、丙丁、戊己等重点区域开展细颗粒物等项目监测，推进庚辛大桥、壬癸隧道等项目。") == [
        ("庚辛大桥", "accelerate"), ("壬癸隧道", "accelerate")]


def test_a_grassroots_facility_and_dangerous_reservoirs_are_categories():
    assert projects_of("建设公共图书馆、基层综合性文化服务中心，建成甲乙文化服务中心。") == [("甲乙文化服务中心", "completed")]
    assert projects_of("加快中小河流、病险水库治理，建成丙丁水库。") == [("丙丁水库", "completed")]


def test_headquarters_of_a_kind_of_firm_are_a_category():
    assert projects_of("新增跨国公司地区总部20家，吸引央企区域总部落户，甲乙集团华中总部投入运营。") == [
        ("甲乙集团华中总部", "completed")]


def test_a_count_left_of_a_list_item_is_no_project_and_industry_parks_are_categories():
    names = [name for name, _ in projects_of("实施甲乙综合治理项目47个、丙丁等大气治理项目。推进化工园区、食品产业园提质，"
                                             "建成戊己化工园区。")]
    assert "戊己化工园区" in names and not {"47个", "化工园区", "食品产业园"} & set(names)


def test_a_name_listed_after_a_vague_count_with_its_own_stage_is_a_project():
    assert [name for name, _ in projects_of("新开工一批重大项目、甲乙大桥建成通车。建设一批甲乙中心、丙丁基地。")] == [
        "甲乙大桥"]


def test_policy_slogans_and_funding_listed_before_等项目_are_no_projects():
    assert projects_of("持续做好“两重”、“两新”、专项债等项目谋划储备，推进甲乙大桥、丙丁隧道等项目建设。") == [
        ("甲乙大桥", "accelerate"), ("丙丁隧道", "accelerate")]


def test_the_first_item_of_a_project_list_is_not_cut_back_to_its_head():
    assert projects_of("扎实推进甲乙医院改造提升工程、丙丁大学教育城校区等项目。") == [
        ("甲乙医院改造提升工程", "accelerate"), ("丙丁大学教育城校区", "accelerate")]


def test_a_headed_name_reported_built_may_hold_a_verb_after_its_opening_word():
    assert projects_of("推进文物保护，甲乙遗址保护展示工程建设完工，统筹重大产业项目建成投产。") == [
        ("甲乙遗址保护展示工程", "completed")]


def test_promotion_to_a_class_and_full_support_end_a_name():
    assert [name for name, _ in projects_of("甲乙博物馆晋升为国家一级博物馆，全力支持丙丁医院建设。")] == [
        "甲乙博物馆", "丙丁医院"]


def test_a_baseline_year_or_the_start_of_a_change_is_not_the_period_of_the_number():
    found = [(value, period) for _, value, _, _, _, _, period in observations(
        REVIEW + "甲乙住房面积比2017年增加2.8平方米，丙丁比重从2019年的2.8%降到去年的1.5%，"
                 "戊己收入增加1680元、增幅为1985年以来最高。")]
    assert found == [(2.8, "2022"), (2.8, "2019"), (1.5, "2022"), (1680, "2022")]


def test_a_change_from_one_level_to_another_gives_both_levels_of_one_indicator_in_their_periods():
    found = [(o.indicator, o.quantity.value, o.measure, o.period) for o in extract_observations(doc_of(
        REVIEW + "城镇化率从52.6%提高到58.5%，高速公路里程从9.6万公里增加到13.6万公里，"
                 "甲乙资金从2017年的420亿元增加到1280亿元，年均增长24.6%；甲乙指数从第9名提升至第2名，"
                 "甲乙补助从人均40元提高到45元。"))]
    assert found == [("城镇化率", 52.6, "share", "2021"), ("城镇化率", 58.5, "share", "2022"),
                     ("高速公路里程", 9.6, "amount", "2021"), ("高速公路里程", 13.6, "amount", "2022"),
                     ("甲乙资金", 420, "amount", "2017"), ("甲乙资金", 1280, "amount", "2022"),
                     ("甲乙资金", 24.6, "growth_rate", "2022"),
                     ("甲乙指数", 9, "rank", "2021"), ("甲乙指数", 2, "rank", "2022"),
                     ("甲乙补助", 40, "amount", "2021"), ("甲乙补助", 45, "amount", "2022")]


def test_the_level_a_planned_change_starts_from_is_one_reached_already():
    found = observations(PLAN + "甲乙所得额上限由20万元提高到40万元，到2025年丙丁覆盖率由12%提高到13%。\n")
    assert [(o[1], o[5], o[6]) for o in found] == [(200000, "actual", "2022"), (400000, "target", "2023"),
                                                   (12, "actual", "2022"), (13, "target", "2025")]


def test_a_level_in_percent_is_a_share_or_the_rate_of_growth_its_name_says():
    found = [(o.indicator, o.quantity.value, o.measure, o.period) for o in extract_observations(doc_of(
        REVIEW + "甲乙充足率从2015年底的7.2%提升到去年底的11.6%，丙丁增速由6.1%回落到5.2%，"
                 "戊己价格涨幅回落到2.3%，庚辛占比提高到30%，壬癸产值下降2%。"))]
    assert found == [("甲乙充足率", 7.2, "share", "2015"), ("甲乙充足率", 11.6, "share", "2022"),
                     ("丙丁增速", 6.1, "growth_rate", "2021"), ("丙丁增速", 5.2, "growth_rate", "2022"),
                     ("戊己价格涨幅", 2.3, "growth_rate", "2022"), ("庚辛占比", 30, "share", "2022"),
                     ("壬癸产值", -2, "growth_rate", "2022")]
    found = observations(REVIEW + "甲乙增加值增长由上年的3%提高到6%。\n")  # the name as written holds 增长
    assert [(o[0], o[1], o[4]) for o in found] == [("甲乙增加值", 3, "growth_rate"), ("甲乙增加值", 6, "growth_rate")]


def test_a_count_after_a_verb_done_well_or_before_work_under_way_names_what_follows():
    found = observations(PLAN + "提速甲乙航道二期等4个在建项目，发挥好7个丙丁中心作用，每个乡镇至少办好2所戊己初中。\n")
    assert [(o[0], o[1]) for o in found] == [("在建项目", 4), ("丙丁中心作用", 7), ("戊己初中", 2)]
    assert observations(PLAN + "打造城市10分钟生活便民服务圈。\n") == []


def test_a_bare_decline_before_its_number_is_a_negative_growth_rain_is_not():
    found = observations(REVIEW + "甲乙发案数、损失数分别再降12.5%、7.5%，丙丁平台压降60%，戊己降水量增加20%，庚辛率降至3%。\n")
    assert [(o[0], o[1], o[4]) for o in found] == [
        ("甲乙发案数", -12.5, "growth_rate"), ("损失数", -7.5, "growth_rate"), ("丙丁平台", -60, "growth_rate"),
        ("戊己降水量", 20, "growth_rate"), ("庚辛率", 3, "share")]


def test_a_count_of_what_a_share_is_measured_over_is_part_of_its_name():
    found = observations(REVIEW + "120个甲乙断面水质优良率达97.5%，新建12个公园，绿化覆盖率达40%。\n")
    assert [(o[0], o[1]) for o in found] == [("120个甲乙断面水质优良率", 97.5), ("公园", 12), ("绿化覆盖率", 40)]
    found = observations(REVIEW + "实施甲乙项目500个年度投资完成率达到110%。\n")  # a count after its own name
    assert [(o[0], o[1]) for o in found] == [("实施甲乙项目", 500), ("年度投资完成率", 110)]


def test_a_count_of_as_many_items_as_listed_before_it_is_named_by_the_kind_after_it():
    found = observations(REVIEW + "甲州航空、丙丁装备、戊己材料3个集群获评国家级示范集群，推动庚辛、壬癸2个百亿级产业链提质增效。\n")
    assert [(o[0], o[1]) for o in found] == [("集群", 3), ("百亿级产业链", 2)]
    assert observations(REVIEW + "甲乙、丙丁3个园区获批。\n")[0][0] == "丙丁"  # 3 is not the list's 2 items
    found = extract_observations(doc_of(REVIEW + "和平区新建2所学校。\n"))  # 和平区 is one place, no list
    assert [(o.indicator, o.scope) for o in found] == [("学校", "和平区")]


def test_a_total_after_a_count_of_a_list_of_places_things_shares_the_counts_scope():
    found = extract_observations(doc_of(REVIEW + "新增杭州甲乙装备、金华丙丁服装等国家集群2个、总数达到5个。", region="浙江省"))
    assert [(o.quantity.value, o.scope) for o in found] == [(2, "浙江省"), (5, "浙江省")]


def test_a_count_after_a_verb_jieba_reads_as_a_noun_or_a_preposition_names_what_follows():
    found = observations(PLAN + "新建改扩建8个甲乙中心、30个多功能运动场，新开通4条丙丁航线，加大对7个戊己县的支持。\n")
    assert [(o[0], o[1], o[3]) for o in found] == [
        ("甲乙中心", 8, None), ("多功能运动场", 30, None), ("丙丁航线", 4, None), ("戊己县的支持", 7, None)]
    assert [(o[0], o[3]) for o in observations(PLAN + "建成5个多式联运示范工程，用时3个多月。\n")][:1] == [
        ("多式联运示范工程", None)]


def test_a_run_of_as_many_numbers_as_items_listed_is_read_one_item_a_number():
    found = observations(REVIEW + "新增各类甲乙机构、丙丁创新中心70家、12家，累计分别达到1300家、90家。\n")
    assert [(o[0], o[1], o[4]) for o in found] == [
        ("新增各类甲乙机构", 70, "increment"), ("新增丙丁创新中心", 12, "increment"),
        ("各类甲乙机构总数", 1300, "amount"), ("丙丁创新中心总数", 90, "amount")]


def test_the_same_amount_in_another_currency_is_the_same_indicators():
    for text in ("甲乙外资90亿美元左右、约合640亿元人民币。", "甲乙外资90亿美元左右、折合人民币640亿元。"):
        assert [(o[0], o[2]) for o in observations(REVIEW + text + "\n")] == [("甲乙外资", "USD"), ("甲乙外资", "CNY")]


def test_a_later_clause_naming_only_a_measure_of_growth_or_the_basis_continues_the_indicator():
    found = observations(REVIEW + "甲乙总值增长6.1%，增速居全省第2位。丙丁收入完成260亿元，同口径增长7%。\n")
    assert [(o[0], o[4]) for o in found] == [("甲乙总值", "growth_rate"), ("甲乙总值增速", "rank"),
                                             ("丙丁收入", "amount"), ("丙丁收入", "growth_rate")]


def test_a_size_bound_before_what_it_classes_is_no_measure():
    found = observations(PLAN + "实施300万元以上甲乙项目2.5万个左右，淘汰20万千瓦以下丙丁机组，新增贷款80亿元以上用于戊己。\n")
    assert [(o[1], o[2]) for o in found] == [(25000, "count"), (8e9, "CNY")]
    found = observations(PLAN + "安排资金50亿元以上重点支持民生项目，安排20亿元以上资金支持乡村振兴。\n")
    assert [(o[1], o[2]) for o in found] == [(5e9, "CNY"), (2e9, "CNY")]  # money spent on things, no class


def test_a_year_before_which_something_is_done_is_the_period_of_the_number():
    found = [(value, period) for _, value, _, _, _, _, period in observations(PLAN + "力争2027年以前建成20个产业园。")]
    assert found == [(20, "2027")]


def test_a_count_of_a_list_is_the_regions_whatever_places_its_items_name():
    found = extract_observations(doc_of(PLAN + "建成宝坻至静海、甲乙大道等15个项目，新增丙丁、宁河甲乙等产业集群4个。"
                                               "西青区、武清区率先达到1000亿元。河西区组建产业、科技等联盟11个。"))
    assert [(o.quantity.value, o.scope) for o in found] == [
        (15, "天津市"), (4, "天津市"), (1000, "西青区"), (1000, "武清区"), (11, "河西区")]


def test_a_row_of_places_doing_what_is_counted_keeps_its_scope():
    found = extract_observations(doc_of(PLAN + "西青区、武清区等地新增甲乙企业50家。河西区和南开区建成甲乙、丙丁等8个产业园。"
                                               "建成宝坻、宁河等3个物流枢纽。建好河西区、南开区、和平区3个戊己产业园。"))
    assert [(o.quantity.value, o.scope) for o in found] == [
        (50, "西青区"), (50, "武清区"), (8, "河西区"), (8, "南开区"), (3, "天津市"), (3, "天津市")]


def test_the_word_after_至_in_a_line_name_is_a_place_whatever_its_tag():
    # 大余 (a county) is a pronoun in jieba's dictionary
    assert [name for name, _ in projects_of("建成甲乙至大余高速、丙丁灌区等项目。")] == ["甲乙至大余高速", "丙丁灌区"]


def test_a_station_is_part_of_the_name_it_opens():
    """站 is a station in a name, though jieba tags it a verb (to stand): the name grows back through it."""
    assert projects_of("高铁青山站开工建设，建成河口站配套交通枢纽。") == [("高铁青山站", "start"),
                                                                ("河口站配套交通枢纽", "completed")]


def test_a_percentage_whose_growth_is_named_after_it_is_a_growth_rate():
    assert observations("一、回顾\n甲乙企业达到4.5万家，连续4年保持20%以上的增长。\n")[1][4] == "growth_rate"


def test_a_travel_time_between_two_cities_is_no_quantity():
    assert observations("一、回顾\n甲市与乙市实现高铁1小时互达，丙丁2小时直达。\n") == []


def test_the_name_after_a_count_ends_before_the_next_count_or_round_amount():
    """…unless that amount qualifies the name (营业收入超千亿元的集群)."""
    assert [o[0] for o in observations("一、回顾\n首批30个甲乙重点项目完成投资超百亿元。\n")] == [
        "甲乙重点项目完成投资", "甲乙重点项目完成投资"]
    assert observations("一、回顾\n形成10个营业收入超千亿元的丙丁集群。\n") == [
        ("营业收入超千亿元的丙丁集群", 10.0, "count", None, "amount", "actual", "2022")]


def test_a_threshold_of_counted_things_is_no_quantity_but_a_level_passed_is():
    assert [o[2] for o in observations("一、回顾\n抓实64个产值过10亿元的甲乙增长点，培育20个超1亿元的丙丁项目。\n")] == [
        "count", "count"]
    assert observations("一、回顾\n增长是在经济总量超过60万亿元的高基数上取得的。\n")[0][1:3] == (6e13, "CNY")


def test_after_a_verb_of_approval_or_growth_the_number_counts_what_follows():
    assert observations("一、回顾\n新获批8个国家级甲乙创业园。\n") == [
        ("国家级甲乙创业园", 8.0, "count", None, "increment", "actual", "2022")]
    assert observations("二、2023年工作安排\n加快壮大40个省级丙丁产业集群。\n")[0][0] == "省级丙丁产业集群"


def test_a_quoted_part_of_an_indicator_name_stays_quoted():
    assert [o[0] for o in observations("一、回顾\n全省“甲乙”项目达到7.7万个，“丙丁”企业突破6万家。\n")] == [
        "“甲乙”项目", "“丙丁”企业"]


def test_a_part_of_a_whole_written_in_words_is_a_percentage():
    """三分之二, 百分之五点五 and 七成 are shares (or changes, after a verb of change); 一成不变 is no number."""
    found = observations("一、回顾\n三分之二的甲乙公园实现开放，丙丁支出的七成以上用于民生，戊己收入增长百分之五点五，"
                         "庚辛事项减少三分之一，坚持一成不变。\n")
    assert [(o[1], o[3], o[4]) for o in found] == [(66.67, None, "share"), (70.0, "以上", "share"),
                                                  (5.5, None, "growth_rate"), (-33.33, None, "growth_rate")]
    assert [o[0] for o in found][1:] == ["丙丁支出", "戊己收入", "庚辛事项"]


def test_a_cut_is_a_negative_change_of_what_is_cut():
    assert observations("一、回顾\n甲乙审批事项压减74%，丙丁办理时间缩短50%。\n") == [
        ("甲乙审批事项", -74.0, "percent", None, "growth_rate", "actual", "2022"),
        ("丙丁办理时间", -50.0, "percent", None, "growth_rate", "actual", "2022")]


def test_after_把_the_number_measures_what_follows_it():
    assert observations("一、回顾\n坚持把八成左右的甲乙支出用于民生。\n")[0][:2] == ("甲乙支出", 80.0)


def test_two_numbers_joined_by_至_or_到_are_the_ends_of_one_range_of_one_indicator():
    assert [o[:2] for o in observations("一、回顾\n甲乙价格累计提高41.7%到86.7%，丙丁增长6%至7%。\n")] == [
        ("甲乙价格", 41.7), ("甲乙价格", 86.7), ("丙丁", 6.0), ("丙丁", 7.0)]


def test_累计_leaves_a_name_before_a_verb_of_change_but_not_a_name_alone():
    found = observations("一、回顾\n甲乙收购价累计提高41.7%，丙丁支出五年累计7.79万亿元，戊己试验区累计15项改革成果在全国推广。\n")
    assert [o[0] for o in found] == ["甲乙收购价", "丙丁支出", "改革成果"]


def test_after_a_count_of_batches_or_用好_the_number_counts_what_follows():
    found = observations("一、回顾\n两批34项甲乙事项上线运行，用好1800亿元丙丁基金。\n")
    assert [o[0] for o in found] == ["甲乙事项上线运行", "丙丁基金"]


def test_after_our_region_alone_or_新设_and_建好_the_number_counts_what_follows():
    found = observations("一、回顾\n我区308亿元甲乙产品进首都，新设12个丙丁试验区，建好30家戊己平台。\n", region="某某自治区")
    assert [o[0] for o in found] == ["甲乙产品进首都", "丙丁试验区", "戊己平台"]


def test_投资_ends_a_name_as_a_noun_but_a_total_investment_is_the_next_projects():
    found = observations("二、2023年工作安排\n甲乙设备投资增长10%，力争投资突破万亿元大关，推进总投资700亿元的丙丁项目。"
                         "开展戊己活动10万余场次。\n")
    assert [(o[0], o[2]) for o in found] == [("甲乙设备投资", "percent"), ("投资", "CNY"), ("丙丁项目", "CNY"),
                                            ("开展戊己活动", "count")]


def test_均_inside_a_word_is_no_each_and_leveraged_money_is_named_after_its_verb():
    found = observations("一、回顾\n新增甲乙县21个、丙丁优质均衡发展县12个，戊己均衡县数量跃居全国第一。"
                         "筹措30.5亿元撬动庚辛贷款2317.3亿元。\n")
    names = [o[0] for o in found]
    assert names[1:3] == ["新增丙丁优质均衡发展县", "戊己均衡县数量"] and names[-1] == "庚辛贷款"


def test_a_quoted_campaign_of_control_is_named_with_its_治理_but_a_治理体系_keeps_its_head():
    found = programmes("大力开展“甲乙丙丁”治理，推进“戊己”生态环境治理体系建设，开展“庚辛”整治。")
    assert "“甲乙丙丁”治理" in found and "“庚辛”整治" in found
    assert not any(name.endswith("生态环境治理") for name in found)


def test_review_cases_of_counts_parts_and_cuts():
    """A class of size (千亿元级) and a threshold without 的 stay in the name; 百分之一百 is whole; 四分之一个世纪 is a
    span; a cut of an amount is a negative change; a cut before its noun is negative; money 用于 a purpose is named by it;
    a contribution to growth is a share; a level from one to another is a change, its first level the year before."""
    assert [o[0] for o in observations("二、2025年工作安排\n培育3个千亿元级甲乙集群，培育20个产值超百亿元丙丁集群。\n")] == [
        "千亿元级甲乙集群", "产值超百亿元丙丁集群"]
    assert [o[1] for o in observations("一、回顾\n覆盖率达到百分之一百，经过近四分之一个世纪的发展。\n")] == [100.0]
    cuts = observations("一、回顾\n甲乙支出压减20亿元，在完成减少丙丁事项三分之一目标的基础上。\n")
    assert [(o[0], o[1], o[4]) for o in cuts] == [("甲乙支出", -2e9, "increment"),
                                                  ("在完成减少丙丁事项", -33.33, "growth_rate")]
    assert observations("一、回顾\n统筹9.8亿元用于援企稳岗。\n")[0][0] == "用于援企稳岗"
    assert observations("一、回顾\n戊己节接待游客增长20%，火把节接待游客增长9%。\n")[1][0] == "火把节接待游客"
    assert observations("一、回顾\n甲乙企业贡献了全市60%以上的增长。\n")[0][4] == "share"
    assert [(o[1], o[6]) for o in observations("一、回顾\n甲乙强度从2.1%到2.5%。\n")] == [(2.1, "2021"), (2.5, "2022")]


def test_不到_and_不足_are_ceilings_of_the_number_after_them():
    assert [(o[0], o[3]) for o in observations("一、回顾\n甲乙比重不到30%，丙丁不足三成。\n")] == [
        ("甲乙比重", "不到"), ("丙丁", "不足")]


def test_more_or_less_than_usual_is_a_change():
    assert [(o[1], o[4]) for o in observations("一、回顾\n降雨较常年偏多六成，甲乙降水较常年偏少20%。\n")] == [
        (60.0, "growth_rate"), (-20.0, "growth_rate")]


def test_a_field_listed_before_a_name_does_not_share_its_head():
    assert projects_of("加快数据、充换电站等设施建设，建设铜锣峡、黄草峡储气库。") == [
        ("充换电站", "accelerate"), ("铜锣峡储气库", "operate"), ("黄草峡储气库", "operate")]


def test_a_short_item_before_a_name_ending_in_two_heads_takes_both():
    assert projects_of("加快甲山、乙坪水库灌区建设，搞好灌区配套改造，建设丙丁灌区、现代化灌区，推进中型灌区改造。") == [
        ("甲山水库灌区", "accelerate"), ("乙坪水库灌区", "accelerate"), ("丙丁灌区", "operate")]


def test_a_deed_listed_before_a_name_does_not_share_its_head():
    # 提质增效 says what is done to the laboratory before it; a place (莱临) or a field (甲乙光电) still shares the head
    assert projects_of("推进重点实验室提质增效、甲乙实验室扩容提档。") == [("甲乙实验室", "accelerate")]
    assert projects_of("规划建设概念验证、中试熟化、甲乙技术研究院。") == [("甲乙技术研究院", "plan")]
    assert [n for n, _ in projects_of("规划建设鄄平、鲁临、丙丁高铁。")] == ["鄄平高铁", "鲁临高铁", "丙丁高铁"]
    # parallel items: the name's own words end in a verb too (甲乙种植、丙丁冶炼基地)
    assert [n for n, _ in projects_of("建设甲乙种植、丙丁冶炼基地。")] == ["甲乙种植基地", "丙丁冶炼基地"]
    assert [n for n, _ in projects_of("高质量建设甲乙光电、丙丁储能产业园。")] == ["甲乙光电产业园", "丙丁储能产业园"]


def test_the_last_item_of_a_list_sharing_a_head_drops_its_etc_and_a_rules_change_is_no_project():
    # jieba reads 鄄百等 as one word; 中蒙俄 is one word; 调整 changes a rule of the road, it names nothing
    assert projects_of("加快建设濮湛、鄄百等铁路，调整高速公路限速300公里，参与共建“一带一路”和中蒙俄经济走廊建设。") == [
        ("濮湛铁路", "accelerate"), ("鄄百铁路", "accelerate"), ("中蒙俄经济走廊", "operate")]
    assert projects_of("建设甲乙高等研究院。") == [("甲乙高等研究院", "operate")]
    assert projects_of("建成甲乙县三级甲等医院。") == [("甲乙县三级甲等医院", "completed")]  # no list before it


def test_a_list_of_programmes_people_are_selected_into_lists_no_projects():
    assert projects_of("开展甲乙领军团队、“丙丁计划”青年人才等项目遴选。") == []
    assert [n for n, _ in projects_of("加快甲乙水库、丙丁灌区等项目申报立项。")] == ["甲乙水库", "丙丁灌区"]


def test_a_district_told_to_build_a_project_hosts_it_and_a_clause_with_its_own_subject_ends_the_last_one():
    def districts(text):
        return [(p.name, p.district) for p in extract_projects(doc_of(PLAN + text + "\n"))]
    assert districts("推动西青区建设甲乙医院、北辰区建设丙丁医院。") == [("甲乙医院", "西青区"), ("丙丁医院", "北辰区")]
    assert districts("西青区要加快甲乙医院建设，推进丙丁医院建设。") == [("甲乙医院", "西青区"), ("丙丁医院", "西青区")]
    assert districts("北辰区要建设戊己公园，西青区深度融入甲乙都市圈，加快丙丁医院建设。") == [
        ("戊己公园", "北辰区"), ("丙丁医院", None)]
    assert districts("要大力推动西青区建设甲乙医院。") == [("甲乙医院", "西青区")]  # adverbs before the verb
    assert districts("滨海新区建设取得新成效，加快甲乙医院建设。") == [("甲乙医院", None)]  # 建设 a noun there
    # a kind a district is told to become is its focus; one its own clause builds is its park
    assert districts("推动西青区打造集成电路产业集聚区。") == []
    assert districts("西青区要打造集成电路产业集聚区。") == [("集成电路产业集聚区", "西青区")]
    hosts = [(r.subject, r.object) for r in run_pipeline(doc_of(PLAN + "推动西青区建设甲乙医院。\n")).relations
             if r.predicate == "hosts"]
    assert hosts == [("西青区", "甲乙医院")]


def test_logistics_and_industrial_parks_are_projects_and_keep_their_区():
    assert projects_of("甲乙区建成丙丁物流园，建设戊己工业园区。") == [("丙丁物流园", "completed"), ("戊己工业园区", "operate")]


def test_a_list_of_rail_lines_and_extensions_written_in_full():
    assert projects_of("加快建设甲乙线、丙丁线、9号线西延伸等轨道交通线。") == [
        ("甲乙线", "accelerate"), ("丙丁线", "accelerate"), ("9号线西延伸", "accelerate")]
    assert projects_of("推进市区、郊区等地铁线建设。") == []


def test_an_item_closed_by_a_phase_does_not_share_the_next_names_head():
    assert projects_of("甲乙湖区重点垸一期、丙丁水库等重大水利工程稳步推进。") == [("丙丁水库", "accelerate")]
    assert [n for n, _ in projects_of("建设东湖、西山水库。")] == ["东湖水库", "西山水库"]


def test_after_a_verb_and_a_batch_the_number_counts_what_follows_up_to_有序():
    found = observations("一、回顾\n推进首批10个甲乙示范项目，157项丙丁任务有序推进。\n")
    assert [o[0] for o in found] == ["甲乙示范项目", "丙丁任务"]


def test_a_count_after_an_amount_that_qualifies_it_counts_what_follows():
    assert [o[0] for o in observations("二、2025年工作安排\n推进好总投资1.78万亿元的289个甲乙重点项目。\n")] == [
        "289个甲乙重点项目", "甲乙重点项目"]  # the total investment of the 289 projects, and their count


def test_全面完成_counts_what_follows_and_a_count_after_its_name_is_named_by_it():
    found = observations("一、回顾\n全面完成64个“甲乙”任务，丙丁断面145个，水质优良率达98.6%。\n")
    assert [o[0] for o in found] == ["甲乙任务", "丙丁断面", "水质优良率"]


def test_review_cases_of_the_last_naming_rules():
    """A name holding 前1% or opening with 有序 is whole; an amount not followed by 的 names the growth after it."""
    found = observations("一、回顾\n全省有12个甲乙进入全球前1%，建成5个有序充电示范小区，丙丁总额500亿元增长12%创历史新高。\n")
    names = [o[0] for o in found]
    assert names[0] == "甲乙进入全球前1%" and "有序充电示范小区" in names
    assert names[-1].startswith("丙丁总额")


def test_an_item_ending_in_the_word_that_opens_the_name_after_it_shares_the_rest():
    assert projects_of("推进甲乙机场、丙丁机场改扩建工程，建成戊己站、庚辛站配套交通枢纽。") == [
        ("甲乙机场改扩建工程", "accelerate"), ("丙丁机场改扩建工程", "accelerate"),
        ("戊己站配套交通枢纽", "completed"), ("庚辛站配套交通枢纽", "completed")]
    assert [n for n, _ in projects_of("建设好甲乙医院、丙丁医院子丑医院2个区域医疗中心。")] == [
        "甲乙医院子丑医院", "丙丁医院子丑医院"]


def test_a_phase_or_a_new_campus_after_a_list_may_be_the_last_items_only():
    assert [n for n, _ in projects_of("推进甲乙机场、丙丁机场二期建设，新建戊己医院、庚辛医院新院区。")] == [
        "甲乙机场", "丙丁机场二期", "戊己医院", "庚辛医院新院区"]
    assert [n for n, _ in projects_of("推进城乡一体化、丙丁一体化示范区建设。")] == ["丙丁一体化示范区"]


def test_verbs_of_resolve_and_of_trying_out_open_no_programmes_name():
    assert programmes("坚决推行甲乙丙丁制度，探索戊己轮作制度试点，在部分地区试行庚辛准入清单制度。") == [
        "甲乙丙丁制度", "戊己轮作制度试点", "庚辛准入清单制度"]
    assert programmes("增强城市规划的科学性，修订甲乙信息公示暂行条例。") == ["甲乙信息公示暂行条例"]


def test_a_list_of_industries_or_things_a_policy_favours_names_no_programmes():
    assert programmes("完善甲乙制造、丙丁材料等产业支持政策，落实戊己补贴、“庚辛”等政策。") == ["戊己补贴", "“庚辛”"]
    # a policy of favour names what it favours: energies, firms (a policy of support may list policies)
    assert programmes("完善风能、甲乙能等发展扶持政策，完善丙丁企业、戊己孵化器等税收优惠政策。") == []
    assert programmes("落实甲乙补贴、丙丁贷款等支持政策。") == ["甲乙补贴", "丙丁贷款"]
    # …but a policy of favour whose items are instruments lists policies
    assert programmes("落实甲乙费用加计扣除、丙丁加速折旧等税收优惠政策，落实戊己担保贷款、庚辛补贴等就业扶持政策。") == [
        "甲乙费用加计扣除", "丙丁加速折旧", "戊己担保贷款", "庚辛补贴"]


def test_a_quoted_principle_put_into_all_work_is_no_programme():
    assert programmes("坚持把“甲乙”问题作为全部工作的重中之重，使“丙丁”成为政府工作的常态，做好“戊己”工作。") == [
        "“戊己”工作"]


def test_more_of_something_and_an_adverb_of_progress_are_not_part_of_a_programmes_name():
    assert programmes("形成更多甲乙改革成果，建设更多一刻钟便民生活圈，数字丙丁加快建设。") == ["一刻钟便民生活圈"]


def test_classes_before_a_count_a_rank_band_and_a_deadline_are_not_the_counted_names():
    found = observations("一、回顾\n实施8大类40项甲乙实事，35个丙丁学科进入全球前1%，120个戊己项目6月底前全部开工。\n")
    assert [(o[0], o[1]) for o in found] == [("甲乙实事", 40.0), ("丙丁学科进入全球前1%", 35.0), ("戊己项目", 120.0)]
    assert observations("一、回顾\n甲乙进入全球前10%。\n") == []


def test_a_count_of_those_honoured_names_them_without_the_honour():
    found = observations("一、回顾\n9个集体、12名个人荣获甲乙表彰，5个丙丁园区入选戊己百强。\n")
    assert [(o[0], o[1]) for o in found] == [("集体", 9.0), ("个人", 12.0), ("丙丁园区入选戊己百强", 5.0)]


def test_more_cut_as_two_words_opens_no_project_name():
    assert projects_of("推广到更多科技园区。") == []
    assert projects_of("推广到更多甲乙科技园。") == [("甲乙科技园", "operate")]


def test_a_verb_of_entering_or_leaving_ends_a_project_name():
    assert projects_of("推动甲乙成果走出实验室，3个园区入围全国园区百强。") == []


def test_a_key_laboratory_inside_a_name_keeps_its_重点():
    assert projects_of("建成甲乙全国重点实验室基地一期。") == [("甲乙全国重点实验室基地一期", "completed")]


def test_a_service_line_is_a_project_whose_rates_it_scopes():
    assert projects_of("12399甲乙市民服务热线诉求解决率达95%。") == [("12399甲乙市民服务热线", "operate")]
    assert [(o[0], o[1]) for o in observations("一、回顾\n12399甲乙市民服务热线诉求解决率达95%。\n")] == [
        ("诉求解决率", 95.0)]
    assert projects_of("开通24小时服务热线，设立甲乙心理援助服务热线。") == []  # kinds of line: no number


def test_a_ratio_against_one_is_a_share_valued_by_its_other_side():
    found = observations("一、回顾\n甲乙项目比例达到1∶2.8，丙丁收入比缩小至2.31∶1，按1:1比例配套资金，戊己差距缩小5%。\n")
    assert [(o[0], o[1], o[2], o[4]) for o in found] == [
        ("甲乙项目比例", 2.8, "ratio", "share"), ("丙丁收入比", 2.31, "ratio", "share"), ("戊己差距", -5.0, "percent", "growth_rate")]
    assert observations("一、回顾\n会议于9:30开始，比分为3:2。\n") == []


def test_a_list_of_works_whose_first_ends_in_a_verb_lists_fields_not_projects():
    assert projects_of("推进治污能力提升、重点流域生态修复等项目建设。") == []


def test_a_ratio_is_read_only_where_the_words_before_it_name_a_ratio_and_one_side_is_one():
    found = observations("一、回顾\n甲乙比例达到1∶1.5，丙丁比例达到1∶3以上，戊己收入比缩小至２.３∶１。\n")
    assert [(o[0], o[1], o[3]) for o in found] == [("甲乙比例", 1.5, None), ("丙丁比例", 3.0, "以上"), ("戊己收入比", 2.3, None)]
    for text in ("甲乙会议于1:30开始", "甲乙队以3:1战胜丙丁队", "完成甲乙1∶2000地形图测绘", "甲乙比例尺为1∶2000",
                 "甲乙考核比例为7:1:2", "甲乙比例达到2.5∶1.5"):
        assert observations("一、回顾\n" + text + "。\n") == [], text


def test_a_rank_band_opens_with_a_ranking_not_with_目前():
    assert [(o[0], o[1]) for o in observations("一、回顾\n目前95%以上的甲乙事项实现网上办理。\n")] == [("甲乙事项", 95.0)]
    assert [(o[1], o[4]) for o in observations("一、回顾\n甲乙企业排名进入全国前1200名。\n")] == [(1200.0, "rank")]


def test_a_part_of_the_last_item_in_a_list_is_not_shared():
    for text, names in (("建成甲乙医院、丙丁医院东院区。", ["甲乙医院", "丙丁医院东院区"]),
                        ("建成甲乙示范区、丙丁示范区核心区。", ["甲乙示范区", "丙丁示范区核心区"]),
                        ("建成甲乙机场、丙丁机场T3航站楼。", ["甲乙机场", "丙丁机场T3航站楼"]),
                        ("推进甲乙机场、丙丁机场高铁站建设。", ["甲乙机场", "丙丁机场高铁站"])):
        assert [n for n, _ in projects_of(text)] == names, text


def test_a_list_of_policies_for_firms_is_read_and_a_clause_before_a_list_is_no_project():
    assert programmes("落实甲乙补贴、丙丁贷款等支持企业政策。") == ["甲乙补贴", "丙丁贷款"]
    assert programmes("推动数字丙丁加快建设，把“戊己”列为全部工作的重点，让“庚辛”变成政府工作的常态。") == []
    assert not [name for name in programmes("推动“子丑”融入寅卯建设，深化“辰巳”纳入午未改革。") if "入" in name]
    assert projects_of("甲乙区今年集中推进甲乙管网提升、丙丁水库等项目建设。") == [("丙丁水库", "accelerate")]


def test_an_index_without_a_unit_is_a_level_and_its_change_gives_both():
    found = observations("一、回顾\n甲乙交通指数从5.21下降至4.97，丙丁系数为0.31，上证指数3000点，戊己指数达到101.2，庚辛增长至6.5。\n")
    assert [(o[0], o[1], o[2], o[4], o[6]) for o in found] == [
        ("甲乙交通指数", 5.21, "index", "amount", "2021"), ("甲乙交通指数", 4.97, "index", "amount", "2022"),
        ("丙丁系数", 0.31, "index", "amount", "2022"), ("戊己指数", 101.2, "index", "amount", "2022")]
    assert observations("一、回顾\n甲乙价格指数上涨2%，2025年至2.5。\n")[0][2] == "percent"


def test_a_change_within_an_assessment_is_named_by_the_assessment():
    found = observations("一、回顾\n甲乙在全国考核中从第12名提升至第5名，丙丁所在地区在全省排名中从第8名提升至第6名。\n")
    assert [(o[0], o[1]) for o in found] == [("甲乙全国考核", 12.0), ("甲乙全国考核", 5.0),
                                             ("丙丁所在地区全省排名", 8.0), ("丙丁所在地区全省排名", 6.0)]
    # …or by the scope it is ranked in, moved forward (前移) or up to (到) a place; a change opening its clause is of
    # the clause before it
    found = observations("一、回顾\n甲乙总量在全国位次由第11位前移至第10位，丙丁位次由第8位上升到第6位。戊己总额年均增长12%，"
                         "从世界第三位提升到第二位。\n")
    assert [(o[0], o[1]) for o in found] == [
        ("甲乙总量全国位次", 11.0), ("甲乙总量全国位次", 10.0), ("丙丁位次", 8.0), ("丙丁位次", 6.0), ("戊己总额", 12.0),
        ("戊己总额", 3.0), ("戊己总额", 2.0)]
    # 由 and 到 before an ordinal that is no place in a ranking
    assert observations("一、回顾\n由第三方机构开展评价，干部下沉到第一线，做到第一时间响应。\n") == []
    found = observations("一、回顾\n甲乙产量达到120万吨，丙丁比由2.5缩小到2.3，由第9位前移至第7位。\n")  # the clause right before
    assert [(o[0], o[1]) for o in found] == [("甲乙产量", 1.2e6), ("丙丁比", 9.0), ("丙丁比", 7.0)]
    found = observations("一、回顾\n甲乙指数排名提升到全球第8，丙丁能力排名跃升至全国第二。\n")
    assert [(o[0], o[1]) for o in found] == [("甲乙指数排名", 8.0), ("丙丁能力排名", 2.0)]
    doc = doc_of("一、回顾\n中心城区甲乙指数从5.21下降至4.97。\n")
    assert [(o.indicator, o.scope) for o in extract_observations(doc)] == [("甲乙指数", "中心城区")] * 2


def test_a_change_from_one_ratio_or_index_level_to_another_gives_both_and_a_range_or_an_edition_none():
    found = observations("一、回顾\n甲乙收入比由2.6∶1缩小至2.5∶1，丙丁系数由0.52提高到0.61，戊己指数从98下降至95左右。\n")
    assert [(o[1], o[3], o[6]) for o in found] == [(2.6, None, "2021"), (2.5, None, "2022"), (0.52, None, "2021"),
                                                   (0.61, None, "2022"), (98.0, None, "2021"), (95.0, "左右", "2022")]
    for text in ("甲乙系数保持在0.3至0.35", "发布甲乙发展指数2023", "决赛比分为3∶1", "同比提高到1:1.5",
                 "甲乙公司全国第1000万辆汽车下线", "甲乙指数由3000点降至2900点"):
        assert observations("一、回顾\n" + text + "。\n") == [], text
    assert [(o[1], o[2]) for o in observations("一、回顾\n甲乙收入比为2.3：1，丙丁指数保持在100以上。\n")] == [
        (2.3, "ratio"), (100.0, "index")]
    assert [(o[1], o[2]) for o in observations("一、回顾\n甲乙平衡指数由21.5%降至10%以下。\n")] == [
        (21.5, "percent"), (10.0, "percent")]


def test_年内_ends_a_counted_name_but_not_inside_青年内容():
    assert [o[0] for o in observations("一、回顾\n5个甲乙项目年内投产，3个青年内容创作基地建成。\n")] == [
        "甲乙项目", "青年内容创作基地"]


def test_money_of_the_period_is_an_amount_unless_added_to_a_level():
    found = observations("一、回顾\n全市实现甲乙总值3200亿元，丙丁收入完成260亿元，全年完成戊己投资1200亿元，发放庚辛补贴66亿元，"
                         "新增发放子丑贷款160亿元，寅卯投资比上年增加300亿元。\n")
    assert [(o[0], o[4]) for o in found] == [
        ("甲乙总值", "amount"), ("丙丁收入", "amount"), ("戊己投资", "amount"), ("发放庚辛补贴", "amount"),
        ("新增发放子丑贷款", "increment"), ("寅卯投资", "increment")]
    assert [o[0] for o in observations("一、回顾\n全面完成64个甲乙任务，丙丁示范区完成60平方公里设施部署。\n")] == [
        "甲乙任务", "设施部署"]


def test_an_age_a_per_mille_rate_and_a_change_by_so_much():
    found = observations("一、回顾\n人均预期寿命达到79.1岁、提高1岁，婴儿死亡率下降到2.8‰，甲乙人口减少120万，审批时间缩短3天。\n")
    assert [(o[0], o[1], o[2], o[4]) for o in found] == [
        ("人均预期寿命", 79.1, "year", "amount"), ("人均预期寿命", 1.0, "year", "increment"),
        ("婴儿死亡率", 2.8, "permille", "share"), ("甲乙人口", -1200000.0, "person", "increment"),
        ("审批时间", -3.0, "day", "increment")]
    assert observations("一、回顾\n为60岁以上老年人提供服务，新增3岁以下婴幼儿托位。\n") == []


def test_a_target_cut_by_at_least_so_much_is_a_ceiling_on_the_change():
    doc = doc_of("二、2023年工作安排\n今年再减少甲乙人口800万以上，丙丁时间缩短2天以上，压减戊己产能3000万吨左右。\n")
    found = [(o.indicator, o.quantity.value, o.qualifier, o.measure, o.kind) for o in run_pipeline(doc).observations]
    assert found == [("减少甲乙人口", 800.0, "以上", "increment", "floor"), ("丙丁时间", -2.0, "以上", "increment", "ceiling"),
                     ("压减戊己产能", 3000.0, "左右", "increment", "approximate")]


def test_a_change_keeps_its_sign_and_measure_through_a_hedge_and_a_list():
    found = observations("一、回顾\n甲乙时间缩短不少于2天，丙丁支出压减超过20亿元，戊己人口减少了120万，庚辛收入下降15亿元，"
                         "压减子丑产能300万吨、水泥产能500万吨，退休年龄延长3岁。\n")
    assert [(o[0], o[1], o[4]) for o in found] == [
        ("甲乙时间", -2.0, "increment"), ("丙丁支出", -2e9, "increment"), ("戊己人口", -1.2e6, "increment"),
        ("庚辛收入", -1.5e9, "increment"), ("压减子丑产能", 3e6, "increment"), ("水泥产能", 5e6, "increment"),
        ("退休年龄", 3.0, "increment")]
    assert [(o[0], o[4]) for o in observations("一、回顾\n甲乙完成率达到98%，每年可减少丙丁支出约13亿元、惠及31万户家庭。\n")] == [
        ("甲乙完成率", "share"), ("每年可减少丙丁支出", "increment"), ("家庭", "amount")]
    assert observations("一、回顾\n为60岁以上、80岁以上老人发放补贴，年满18岁。\n") == []
    assert [(o[1], o[4]) for o in observations("一、回顾\n婴儿死亡率下降0.5‰，自然增长率1.3‰。\n")] == [
        (0.5, "change_pp"), (1.3, "share")]


def test_plants_a_bracketed_phase_and_an_unknown_place_word_in_staged_names():
    assert projects_of("建成丙丁垃圾焚烧发电厂、甲乙污水处理厂，新建戊己水厂。") == [
        ("丙丁垃圾焚烧发电厂", "completed"), ("甲乙污水处理厂", "completed"), ("戊己水厂", "completed")]
    assert projects_of("建设城镇污水处理厂。") == []  # a kind of plant
    assert projects_of("甲乙电子项目（一期）竣工投产，庚江新能源汽车项目开工建设。") == [
        ("甲乙电子项目（一期）", "completed"), ("庚江新能源汽车项目", "start")]


def test_a_range_of_percentages_joined_by_any_dash_is_one_target_and_a_ratio_has_a_ceiling():
    doc = doc_of("二、2024年工作安排\n甲乙总值增长6%—6.5%，丙丁收入增长5%-6%，戊己收入比缩小到2.2∶1以内，庚辛增速-5%。\n",
                 year=2024)
    found = [(o.indicator, o.quantity.value, o.kind, o.upper) for o in run_pipeline(doc).observations]
    assert found == [("甲乙总值", 6.0, "range", 6.5), ("丙丁收入", 5.0, "range", 6.0), ("戊己收入比", 2.2, "ceiling", None)]


def test_a_span_of_years_opening_a_clause_is_its_period_not_its_name():
    found = observations("一、回顾\n2019—2023年累计投资800亿元，“十四五”以来新增就业35万人。\n", year=2024)
    assert [(o[0], o[6]) for o in found][0] == ("投资", "2019-2023") and found[1][0] == "新增就业"


def test_a_short_item_before_a_name_at_a_level_of_government_takes_the_kind_from_the_level_on():
    assert projects_of("推进甲乙、丙丁国家文化公园建设。") == [
        ("甲乙国家文化公园", "accelerate"), ("丙丁国家文化公园", "accelerate")]
    assert [n for n, _ in projects_of("建设戊山、己岭省级湿地公园。")] == ["戊山省级湿地公园", "己岭省级湿地公园"]


def test_a_short_item_before_a_provinces_laboratory_is_the_provinces_too():
    assert [n for n, _ in projects_of("加快甲乙、丙丁先进制造省实验室建设。")] == ["甲乙省实验室", "丙丁先进制造省实验室"]
    assert [n for n, _ in projects_of("加快甲乙省、丙丁省实验室建设。")] == ["甲乙省实验室", "丙丁省实验室"]


def test_the_aim_of_a_campaign_with_a_head_is_a_category_and_shares_no_head():
    assert projects_of("建设美丽城区、美丽村庄、美丽园区，建设智慧公园。") == []
    assert [n for n, _ in projects_of("推进数字产业园、甲乙数字产业园建设。")] == ["甲乙数字产业园"]


def test_a_count_of_the_list_in_words_with_大_is_no_part_of_the_names():
    assert [n for n, _ in projects_of("建成戊己、甲乙、丙丁三大省技术创新中心。")] == [
        "戊己省技术创新中心", "甲乙省技术创新中心", "丙丁省技术创新中心"]
    # not a number of a name's own words, which counts no item (two items, 五大)
    assert [n for n, _ in projects_of("提升甲乙湖、丙丁五大连池国家地质公园。")] == [
        "甲乙湖国家地质公园", "丙丁五大连池国家地质公园"]
    # a list in a clause after another (实施…、建设甲乙、丙丁两座…: three marks, two items)
    assert [n for n, _ in projects_of("实施甲乙行动、建设丙丁、戊己两座抽水蓄能电站。")] == [
        "丙丁抽水蓄能电站", "戊己抽水蓄能电站"]


def test_a_programme_reported_as_progressing_or_done_in_its_main_tasks_is_named_by_its_subject():
    assert programmes(REVIEW + "甲乙文化建设高水平推进。\n") == ["甲乙文化建设"]
    assert programmes(REVIEW + "甲乙深化提升行动主体任务基本完成。\n") == ["甲乙深化提升行动"]
    # not what a report's targets are (年度目标任务基本完成)
    assert programmes(REVIEW + "年度目标任务基本完成。\n") == []


def test_a_name_coined_like_the_national_programme_listed_before_it_is_a_programme_too():
    assert programmes(PLAN + "巩固一网通办、一网甲乙、一网丙丁成效。\n") == ["一网通办", "一网甲乙", "一网丙丁"]
    assert programmes(PLAN + "全面推行河长制、戊长制。\n") == ["河长制", "戊长制"]
    # not a name sharing less than two characters, nor one of another length
    assert programmes(PLAN + "深化一网通办、一站式服务、甲乙丙服务。\n") == ["一网通办"]
    # nor one that runs on into a word of its own
    assert programmes(PLAN + "推进分级诊疗、分级甲乙服务。\n") == ["分级诊疗"]
    assert programmes(PLAN + "推动一网通办、一网甲乙向基层延伸。\n") == ["一网通办", "一网甲乙"]


def test_a_science_or_university_town_is_a_functional_area_in_the_district_that_opens_its_name():
    doc = doc_of(PLAN + "加快怀柔科学城建设，促进甲乙大学城融合发展。\n", region="北京市")
    result = run_pipeline(doc)
    assert [p.name for p in result.places if p.kind == "area"] == ["怀柔科学城", "甲乙大学城"]
    assert [(r.subject, r.predicate, r.object) for r in result.relations] == [("怀柔科学城", "located_in", "怀柔区")]


def test_services_farming_and_tourism_end_an_industrys_name_so_joined_ones_are_two_foci():
    def focuses(body):
        return [(r.subject, r.object) for r in run_pipeline(doc_of(PLAN + body + "\n", region="广元市")).relations
                if r.predicate == "focuses_on"]
    assert focuses("苍溪县要大力发展甲乙旅游和丙丁农业。") == [("苍溪县", "甲乙旅游"), ("苍溪县", "丙丁农业")]
    assert focuses("旺苍县要聚焦甲乙经济和丙丁服务业。") == [("旺苍县", "甲乙经济"), ("旺苍县", "丙丁服务业")]
    # not what is no industry
    assert focuses("旺苍县要加快发展就业和创业。") == []


def test_a_tourist_zone_is_a_project_head():
    assert projects_of("开工建设甲乙产业园二期、丙丁文化旅游区。") == [
        ("甲乙产业园二期", "start"), ("丙丁文化旅游区", "start")]


def test_a_bare_item_counted_after_an_increment_takes_its_verb_of_adding():
    assert [(o[0], o[1]) for o in observations(PLAN + "新建甲乙幼儿园6所、中小学4所，改造老旧小区120个。\n")] == [
        ("新建甲乙幼儿园", 6.0), ("新建中小学", 4.0), ("改造老旧小区", 120.0)]
    assert [o[0] for o in observations(PLAN + "新增学位1.2万个、床位800张。\n")] == ["新增学位", "新增床位"]
    # not an item with a verb of its own, nor one in another unit
    assert [o[0] for o in observations(PLAN + "新建幼儿园6所、改造中学4所。\n")] == ["新建幼儿园", "改造中学"]
    assert [o[0] for o in observations(PLAN + "新建学校10所、续建8所、新引进学校3所。\n")] == [
        "新建学校", "续建", "新引进学校"]
    assert [o[0] for o in observations(PLAN + "新开工甲乙项目20个、投产项目15个。\n")] == ["新开工甲乙项目", "投产项目"]
    # a word of work inside a thing's name is no verb of its own
    assert [o[0] for o in observations(PLAN + "新增甲乙服务200项、“丙丁”城市治理应用50项。\n")] == [
        "新增甲乙服务", "新增“丙丁”城市治理应用"]
    assert [o[0] for o in observations(PLAN + "新增就业5万人、城镇调查失业率5%。\n")] == ["新增就业", "城镇调查失业率"]
    # …or its verb of work
    assert [o[0] for o in observations(PLAN + "改造甲乙小区25个、背街小巷40条，办理代表建议800件、政协提案90件。\n")] == [
        "改造甲乙小区", "改造背街小巷", "办理代表建议", "办理政协提案"]


def test_a_review_of_a_five_year_plan_covers_its_years_and_sets_no_goals():
    body = ("一、“十四五”时期和2025年工作回顾\n“十四五”时期，全市甲乙产值年均增长5.5%。累计新增丙丁60万人。2025年，甲乙产值增长"
            "5.2%。\n二、“十五五”时期主要目标\n“十五五”期间，甲乙产值年均增长5%左右。\n三、2026年工作安排\n今年甲乙产值增长5%。\n")
    assert [(o[0], o[5], o[6]) for o in observations(body, year=2026)] == [
        ("甲乙产值", "actual", "2021-2025"), ("新增丙丁", "actual", "2021-2025"), ("甲乙产值", "actual", "2025"),
        ("甲乙产值", "target", "2026-2030"), ("甲乙产值", "target", "2026")]
    body = "一、“十四五”以来工作回顾\n全市甲乙产值年均增长4%。\n二、2025年工作安排\n今年甲乙产值增长5%。\n"
    assert [o[6] for o in observations(body, year=2025)] == ["2021-2024", "2025"]
    # a sentence opening with 五年来 inside a paragraph covers the five years, as a paragraph opening so does
    body = ("一、“十四五”时期和2025年工作回顾\n“十四五”时期极不平凡。五年来，全省甲乙产值由3.8万亿元增加到5.3万亿元，丙丁率"
            "提高5.2个百分点。2025年，甲乙产值增长5.5%。戊己增长3%。\n二、2026年工作安排\n今年甲乙产值增长5%。\n")
    assert [(o[0], o[6]) for o in observations(body, year=2026)] == [
        ("甲乙产值", "2020"), ("甲乙产值", "2025"), ("丙丁率", "2021-2025"), ("甲乙产值", "2025"), ("戊己", "2025"),
        ("甲乙产值", "2026")]
    # a clause naming its own year is of that year; a plan's sentence looks back until it turns to the years ahead
    body = ("一、“十四五”时期和2025年工作回顾\n2025年累计完成甲乙投资300亿元。全年累计接待游客900万人次。\n二、“十五五”时期主要目标"
            "\n过去五年，丙丁年均增长5.5%；今后五年，力争丙丁年均增长5%左右。\n三、2026年工作安排\n今年丙丁增长5%。\n")
    assert [(o[0], o[5], o[6]) for o in observations(body, year=2026)] == [
        ("甲乙投资", "actual", "2025"), ("接待游客", "actual", "2025"), ("丙丁", "actual", "2021-2025"),
        ("丙丁", "target", "2026-2030"), ("丙丁", "target", "2026")]
    # a level a five-year sentence reaches is the last year's; a year opening a sentence of the part is its own
    body = ("一、“十四五”时期和2025年工作回顾\n“十四五”时期极不平凡。五年来，新建学校120所，甲乙总里程达950公里。2025年，全市"
            "丙丁增长5.2%，累计新增就业24万人。\n二、2026年工作安排\n今年丙丁增长5%。\n")
    assert [(o[0], o[6]) for o in observations(body, year=2026)] == [
        ("新建学校", "2021-2025"), ("甲乙总里程", "2025"), ("丙丁", "2025"), ("新增就业", "2025"), ("丙丁", "2026")]
    body = "一、过去五年工作回顾\n甲乙能耗累计比2017年下降18%。\n二、2023年工作安排\n今年丙丁增长5%。\n"
    assert [o[6] for o in observations(body, year=2023)] == ["2018-2022", "2023"]  # a baseline year is no own year
    body = "一、“十四五”开局之年工作回顾\n全市甲乙累计新增10万人。\n二、2022年工作安排\n今年甲乙增长5%。\n"
    assert [o[6] for o in observations(body, year=2022)] == ["2021", "2022"]


def test_a_yearly_average_since_the_five_year_plan_began_covers_its_years_up_to_the_report():
    body = "一、2024年工作回顾\n“十四五”以来，全市甲乙产值年均增长4.1%，常住人口增加到96万人。\n"
    assert [(o[0], o[6]) for o in observations(body, year=2025)] == [("甲乙产值", "2021-2024"), ("常住人口", "2024")]
    assert [o[6] for o in observations(body, year=2022)] == ["2021", "2021"]  # one year since it began
    assert [o[6] for o in observations(body, year=2027)][0] == "2021-2026"  # past its end


def test_a_quote_the_text_never_closes_does_not_hide_the_numbers_after_it():
    body = REVIEW + "培育甲乙“丙丁企业236家，戊己企业37家，规上工业企业1.9万家。\n"
    assert [(o[0], o[1]) for o in observations(body)] == [
        ("培育甲乙丙丁企业", 236.0), ("戊己企业", 37.0), ("规上工业企业", 19000.0)]
    # a number inside a quote that closes is a label
    assert observations(REVIEW + "落实“甲乙10条”。\n") == []


def test_a_total_after_what_was_added_by_name_is_the_total_of_what_the_clause_counts():
    body = REVIEW + "甲等酒店新增5家，甲级景区新增西青古镇、总数达到23家。\n"
    assert [(o.indicator, o.quantity.value_norm, o.scope) for o in run_pipeline(doc_of(body)).observations][1:] == [
        ("甲级景区总数", 23.0, "天津市")]
    # not words that are no kind (a verb, a place), nor 新增 inside 创新增添
    assert [o.indicator for o in run_pipeline(doc_of(REVIEW + "积极推动甲乙企业新增丙丁、总数达到16家。\n")).observations] == [
        "总数"]
    assert [o.indicator for o in run_pipeline(doc_of(REVIEW + "科技创新增添甲乙动能、总规模达到300亿元。\n")).observations] == [
        "总规模"]


def test_things_formed_are_an_increment_and_a_list_formed_is_counted_together():
    assert [(o[0], o[1], o[4]) for o in observations(REVIEW + "组建甲乙、丙丁等联盟7个。\n")] == [
        ("组建甲乙、丙丁等联盟", 7.0, "increment")]
    assert [o[0] for o in observations(PLAN + "组建甲乙联合体10家、丙丁联盟5个。\n")] == ["组建甲乙联合体", "组建丙丁联盟"]


def test_a_place_the_subject_follows_is_no_scope_and_no_part_of_the_name():
    def facts(body):
        return [(o.indicator, o.scope) for o in run_pipeline(doc_of(REVIEW + body, region="湖北省")).observations]
    assert facts("咸宁继随州之后经济总量达到1500亿元。\n") == [("经济总量", "咸宁市")]
    assert [scope for _, scope in facts("荆门继宜昌、襄阳之后经济总量达到2000亿元。\n")] == ["湖北省"]
    # not 继续 (going on) nor 相继 (one after another)
    assert facts("黄冈继续稳定后备耕地面积达到30万亩。\n") == [("继续稳定后备耕地面积", "黄冈市")]


def test_information_is_a_sector_so_a_list_of_it_names_a_field_not_a_project():
    assert projects_of("加快信息、水运等网络项目建设。") == []


def test_a_firms_site_named_by_its_district_is_hosted_there():
    body = REVIEW + "甲乙公司青浦研发中心建成投用，丙丁集团宝山生产基地建成投产。\n"
    assert [(p.name, p.district) for p in run_pipeline(doc_of(body, region="上海市")).projects] == [
        ("甲乙公司青浦研发中心", "青浦区"), ("丙丁集团宝山生产基地", "宝山区")]


def test_a_title_a_division_is_supported_to_earn_is_no_focus():
    def focuses(body):
        return [(r.subject, r.object) for r in run_pipeline(doc_of(PLAN + body + "\n", region="广元市")).relations
                if r.predicate == "focuses_on"]
    assert focuses("支持苍溪县创建全国甲乙示范县。") == []
    assert focuses("支持苍溪县创建省域甲乙副中心。") == [("苍溪县", "省域甲乙副中心")]
    assert focuses("支持苍溪县、旺苍县建设甲乙消费中心城市。") == [("苍溪县", "甲乙消费中心城市"), ("旺苍县", "甲乙消费中心城市")]


def test_the_works_serving_a_named_work_keep_its_name():
    assert projects_of("加快推进甲乙高铁配套工程、丙丁铁路建设。") == [
        ("甲乙高铁配套工程", "accelerate"), ("丙丁铁路", "accelerate")]


def test_a_title_applied_for_a_topic_turned_to_and_a_counted_category_are_no_projects():
    assert projects_of("支持甲乙峡谷申报世界地质公园，丙丁峡谷获批世界地质公园，戊己申报国家考古遗址公园。") == []
    assert projects_of("甲乙产品生产基地方面，建设高标准农田90万亩。") == []
    assert projects_of("我省是国家八大算力枢纽节点和十大数据中心集群之一。") == []
    assert [n for n, _ in projects_of("建设甲乙五大连池风景区、八大处公园、五大道文化旅游区。")] == [
        "甲乙五大连池风景区", "八大处公园", "五大道文化旅游区"]  # names of their own opening with a count
    assert projects_of("建设九大专业园区，建成220千伏变电站、甲乙500千伏变电站。") == [("甲乙500千伏变电站", "completed")]
    # a name of its own opening with a count is one (五大道), and a project applied for without a level is one
    assert projects_of("保护好五大道，申报甲乙水库建设项目。") == [("五大道", "operate"), ("甲乙水库", "operate")]


def test_a_kind_of_base_by_its_role_or_what_it_serves_is_a_category():
    assert projects_of("加快推进区域性特钢产业基地、冰雪运动体验基地建设，打造国际化标准景区，建成甲乙盐湖产业园。") == [
        ("甲乙盐湖产业园", "completed")]
    assert projects_of("建成首座高速公路、战略性物资储备基地，推进大科学装置建设。") == []


def test_a_main_structure_done_or_topped_out_and_a_utility_tunnel():
    assert projects_of("庚辛大桥主体建成。") == [("庚辛大桥", "accelerate")]
    assert projects_of("甲乙大桥主体完工，丙丁医院主体结构封顶，开工建设戊己综合管廊，推进排涝管网、地下综合管廊建设。") == [
        ("甲乙大桥", "accelerate"), ("丙丁医院", "accelerate"), ("戊己综合管廊", "start")]
    assert projects_of("建成甲乙500千伏输变电工程，开工建设丙丁变电站，推进特高压输变电工程建设。") == [
        ("甲乙500千伏输变电工程", "completed"), ("丙丁变电站", "start")]


def test_a_line_named_by_its_number_alone_takes_the_kind_of_the_line_listed_before_it():
    assert projects_of("轨道交通6号线一期、7号线一期建成运营，建成地铁4号线和5号线。") == [
        ("轨道交通6号线一期", "completed"), ("轨道交通7号线一期", "completed"), ("地铁4号线", "completed"),
        ("地铁5号线", "completed")]
    assert projects_of("建成甲乙高铁、7号线。") == [("甲乙高铁", "completed"), ("7号线", "completed")]


def test_a_hospital_building_and_an_intercity_fast_passage_are_projects():
    assert projects_of("建成乙县人民医院门诊综合楼、丙丁学院教学楼。") == [
        ("乙县人民医院门诊综合楼", "completed"), ("丙丁学院教学楼", "completed")]
    assert projects_of("开工建设甲乙至丙丁城际快速通道，开通涉企审批快速通道。") == [("甲乙至丙丁城际快速通道", "start")]


def test_an_area_after_a_verb_the_name_finder_cut_in_two_does_not_open_with_its_half():
    def areas(body):
        return [p.name for p in run_pipeline(doc_of(PLAN + body + "\n")).places if p.kind == "area"]
    assert areas("做大做强甲乙科学城。") == ["甲乙科学城"]
    assert areas("做大做强科学城。") == []  # a bare kind
