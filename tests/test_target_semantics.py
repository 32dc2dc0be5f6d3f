"""Indicators that compare across reports: concepts, target kinds, periods, and assessments over a corpus."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.cli import main
from govkg.concepts import clean_indicator_name, indicator_scheme
from govkg.pipeline import read_document, run_pipeline
from govkg.targets import judge, rule_of

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
HEADLINE = ("地区生产总值", "居民消费价格", "城镇调查失业率", "城镇新增就业", "一般公共预算收入", "固定资产投资",
            "社会消费品零售总额", "粮食产量")


def observations(text: str, region: str = "全国", year: int = 2025):
    return run_pipeline(read_document(text, "t", region=region, year=year)).observations


# --- the scheme -------------------------------------------------------------------------------------------

def test_the_scheme_has_the_headline_indicators_and_at_least_sixty_concepts():
    scheme = indicator_scheme()
    assert len(scheme.concepts) >= 60
    for label in HEADLINE:
        concept = scheme.by_pref_label(label)
        assert concept is not None and concept.direction in ("higher", "lower", "neutral") and concept.unit_family
    assert scheme.by_pref_label("居民消费价格").direction == "lower"
    assert scheme.by_pref_label("城镇调查失业率").direction == "lower"


@pytest.mark.parametrize("name, measure, unit, label", [
    ("国内生产总值", "growth_rate", "percent", "地区生产总值"),  # the nation's name for it
    ("全省地区生产总值", "amount", "CNY", "地区生产总值"),
    ("城镇调查失业率平均", "share", "percent", "城镇调查失业率"),
    ("年末城镇调查失业率", "share", "percent", "城镇调查失业率"),
    ("居民消费价格上涨", "growth_rate", "percent", "居民消费价格"),
    ("居民消费价格涨幅", "share", "percent", "居民消费价格"),
    ("赤字率拟按", "share", "percent", "赤字率"),
    ("经济", "growth_rate", "percent", "地区生产总值"),  # 经济增长5%
    ("新建和改造高标准农田", "increment", "mu", "高标准农田"),  # work done: the thing's indicator
    ("新增规模以上工业企业", "increment", "count", "规模以上工业企业"),
    ("实际使用外资", "amount", "USD", "实际使用外资"),  # money in 美元 is money
    ("培育高新技术企业", "increment", "count", "高新技术企业"),
    ("经济增长预期目标", "growth_rate", "percent", "地区生产总值"),
    ("经济增长目标", "growth_rate", "percent", "地区生产总值"),  # 经济增长目标设定为5.5%左右
    ("营造林", "increment", "mu", "完成造林面积"),
    ("设区城市空气质量优良天数比例", "share", "percent", "空气质量优良天数比率"),  # the prefecture cities' scope
    ("设区的市空气质量优良天数比例", "share", "percent", "空气质量优良天数比率"),
    ("地表水国控断面Ⅰ～Ⅲ类水质比例", "share", "percent", "地表水国控断面优良水体比例"),  # numerals, dashes any way
    ("规模工业增加值", "growth_rate", "percent", "规模以上工业增加值"),
    ("能源消耗强度", "growth_rate", "percent", "单位地区生产总值能耗"),
    ("城乡居民收入比", "share", "ratio", "城乡居民收入比"),  # 缩小至2.1∶1
    ("高校毕业生", "amount", "person", "高校毕业生人数"),
    ("第三产业比重", "share", "percent", "第三产业比重"),  # 三次产业结构…:…:51.9
    ("第一产业增加值占地区生产总值比重", "share", "percent", "第一产业比重"),
])
def test_names_reports_write_map_to_one_concept(name, measure, unit, label):
    assert indicator_scheme().match(name, measure, unit).pref_label == label


@pytest.mark.parametrize("name, measure, unit", [
    ("甲乙生产总值", "growth_rate", "percent"),  # a different indicator that ends like GDP
    ("城镇新增就业", "amount", "CNY"),  # jobs are not money
    ("新台阶", "amount", "jin"),
    ("新建和改造高标准农田", "amount", "mu"),  # a verb of work before a stock is no name of it
    ("甲乙改造高标准农田", "increment", "mu"),  # nor is anything else
    ("造林", "share", "percent"),  # 造林完成年度目标任务的220%: a share of the task, no area
    ("财政支出", "share", "percent"),  # 财政支出近八成用于民生: a share of the spending
    ("森林覆盖率", "share", "mu"),  # a share fits a concept of shares in its own unit only
])
def test_what_is_not_the_indicator_gets_no_concept(name, measure, unit):
    assert indicator_scheme().match(name, measure, unit) is None


def test_a_name_ending_in_水平_keeps_it():
    assert clean_indicator_name("企业退休人员基本养老金水平") == "企业退休人员基本养老金水平"


def test_names_lose_the_words_around_them():
    assert [clean_indicator_name(n) for n in ("把居民消费价格涨幅", "广义货币M2预期", "去年国内生产总值")] == \
        ["居民消费价格涨幅", "广义货币M2", "国内生产总值"]


def test_names_lose_the_time_and_our_region_leading_them():
    assert [clean_indicator_name(n) for n in ("去年末甲乙存款余额", "在我省丙丁总量", "我市戊己增加值", "我区有")] == \
        ["甲乙存款余额", "丙丁总量", "戊己增加值", "我区有"]
    assert clean_indicator_name("我国甲乙总量") == "我国甲乙总量"  # the nation, not a province's own region


def test_a_name_keeps_a_rank_it_holds_at_its_end():
    assert clean_indicator_name("甲乙学科进入全球前1%") == "甲乙学科进入全球前1%"
    assert clean_indicator_name("甲乙总额2.76万亿元") == "甲乙总额"


def test_names_lose_a_distributive_and_a_predicates_direction_after_them():
    assert [clean_indicator_name(n) for n in ("甲乙学校各", "丙丁改革项目向纵深")] == ["甲乙学校", "丙丁改革项目"]


def test_observations_carry_their_concept():
    found = observations("二、2025年工作安排\n国内生产总值增长5%左右，城镇调查失业率5.5%左右，海洋生产总值增长6%，"
                         "甲乙生产总值增长7%。\n")
    concepts = {o.indicator: o.concept and o.concept.rsplit("/", 1)[-1] for o in found}
    assert concepts == {"国内生产总值": "gdp", "城镇调查失业率": "surveyed-urban-unemployment-rate",
                        "海洋生产总值": "gross-ocean-product", "甲乙生产总值": None}


# --- kinds and periods --------------------------------------------------------------------------------------

def test_target_kinds_follow_the_hedge_and_the_direction():
    found = observations("二、2025年工作安排\n国内生产总值增长6%－6.5%，居民消费价格涨幅3%左右，"
                         "城镇新增就业1000万人以上，城镇登记失业率4.5%以内，单位国内生产总值能耗下降3%以上。\n")
    kinds = [(o.indicator, o.kind, o.upper) for o in found]
    assert kinds == [("国内生产总值", "range", 6.5), ("居民消费价格涨幅", "ceiling", None),
                     ("城镇新增就业", "floor", None), ("城镇登记失业率", "ceiling", None),
                     ("单位国内生产总值能耗", "ceiling", None)]  # a fall of at least 3%: the rate at most -3
    found = observations("二、2025年工作安排\n甲乙产值超500亿元，丙丁收入突破千亿元，戊己支出不超过30亿元。\n")
    assert [(o.indicator, o.kind) for o in found] == [("甲乙产值", "floor"), ("丙丁收入", "floor"), ("戊己支出", "ceiling")]


def test_a_stretch_target_beside_a_base_target():
    found = observations("二、2025年工作安排\n地区生产总值增长7%以上、力争达到8%。\n", region="西藏自治区")
    assert [(o.quantity.value, o.kind) for o in found] == [(7.0, "floor"), (8.0, "stretch")]


def test_multi_year_periods():
    found = observations("二、“十三五”时期主要目标任务\n“十三五”时期经济年均增长保持在6.5%以上。到“十三五”末，城镇化率达到60%。\n"
                         "三、2016年重点工作\n国内生产总值增长6.5%。\n", year=2016)
    assert [(o.quantity.value, o.period) for o in found] == [(6.5, "2016-2020"), (60.0, "2020"), (6.5, "2016")]


def test_last_years_number_in_the_plan_is_a_result():
    found = observations("一、过去五年工作回顾\n累计新增城镇就业5870万人。\n二、今年的任务\n"
                         "去年居民消费价格涨幅回落到2.3%。城镇新增就业比去年多100万人。\n", year=2013)
    assert [(o.indicator, o.status, o.period) for o in found] == [
        ("新增城镇就业", "actual", "2008-2012"), ("居民消费价格涨幅", "actual", "2012"),
        ("城镇新增就业比去年多", "target", "2013")]


# --- judging ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("target, result, outcome, rule", [
    ({"value": 5.5, "qualifier": "左右", "measure": "share", "direction": "lower"}, 5.1, "met", "ceiling: result ≤ 5.5"),
    ({"value": 3.0, "qualifier": "左右", "measure": "growth_rate", "direction": "lower"}, 0.2, "met",
     "ceiling: result ≤ 3"),
    ({"value": 5.0, "qualifier": "左右", "measure": "growth_rate", "direction": "higher"}, 4.8, "met",
     "approximate: result ≥ 4.75"),
    ({"value": 5.0, "qualifier": "左右", "measure": "growth_rate", "direction": "higher"}, 4.7, "missed",
     "approximate: result ≥ 4.75"),
    ({"value": 6.0, "upper": 6.5, "kind": "range", "measure": "growth_rate", "direction": "neutral"}, 6.9, "missed",
     "range: 6 ≤ result ≤ 6.5"),
    ({"value": 6.0, "upper": 6.5, "kind": "range", "measure": "growth_rate", "direction": "higher"}, 6.9, "met",
     "range: result ≥ 6"),
    ({"value": -3.0, "qualifier": "以上", "measure": "growth_rate", "direction": "lower"}, -2.5, "missed",
     "ceiling: result ≤ -3"),
    ({"value": 7.0, "kind": "stretch", "measure": "growth_rate", "direction": "higher"}, 6.9, "missed",
     "stretch: result ≥ 7"),
])
def test_judgement_follows_kind_and_direction(target, result, outcome, rule):
    assert judge(target, {"value": result}) == outcome
    assert rule_of(target) == rule


# --- over a corpus: the State Council 2012-2018, checked by hand against the texts ----------------------------

#: (year, concept, target, result or None, outcome): every single-year headline target of 2012-2017 and what the
#: next report states (None: it states no number for it; e.g. the 2016 report says CPI 保持较低水平).
STATE_COUNCIL_OUTCOMES = {
    ("2012", "地区生产总值", 7.5, 7.8, "met"), ("2012", "城镇新增就业", 9e6, 1.266e7, "met"),
    ("2012", "城镇登记失业率", 4.6, None, "not_reported"), ("2012", "居民消费价格", 4.0, 2.6, "met"),
    ("2013", "地区生产总值", 7.5, 7.7, "met"), ("2013", "城镇新增就业", 9e6, 1.31e7, "met"),
    ("2013", "城镇登记失业率", 4.6, 4.1, "met"), ("2013", "居民消费价格", 3.5, 2.6, "met"),
    ("2014", "地区生产总值", 7.5, 7.4, "met"), ("2014", "城镇新增就业", 1e7, 1.322e7, "met"),
    ("2014", "城镇登记失业率", 4.6, None, "not_reported"), ("2014", "居民消费价格", 3.5, 2.0, "met"),
    ("2015", "地区生产总值", 7.0, 6.9, "met"), ("2015", "城镇新增就业", 1e7, 1.312e7, "met"),
    ("2015", "城镇登记失业率", 4.5, None, "not_reported"), ("2015", "居民消费价格", 3.0, None, "not_reported"),
    ("2015", "粮食产量", 5.5e8, None, "not_reported"),
    ("2016", "地区生产总值", 6.5, 6.7, "met"), ("2016", "城镇新增就业", 1e7, 1.314e7, "met"),
    ("2016", "城镇登记失业率", 4.5, 4.02, "met"), ("2016", "居民消费价格", 3.0, 2.0, "met"),
    ("2017", "地区生产总值", 6.5, 6.9, "met"), ("2017", "城镇新增就业", 1.1e7, 1.351e7, "met"),
    ("2017", "城镇登记失业率", 4.5, None, "not_reported"), ("2017", "居民消费价格", 3.0, None, "not_reported"),
}


@pytest.mark.skipif(not (SEEDS / "state-council").is_dir(), reason="../shared/seeds is not beside the project")
def test_state_council_targets_are_linked_and_assessed_as_checked_by_hand(tmp_path):
    out = tmp_path / "sc"
    build = CliRunner().invoke(main, ["build", str(SEEDS / "state-council"), "--out", str(out), "--no-html", "-j", "2"])
    assert build.exit_code == 0, build.output
    rows = json.loads(CliRunner().invoke(main, ["query", "target_outcomes", "-g", str(out), "--format", "json"]).output)
    headline = HEADLINE + ("城镇登记失业率",)  # the unemployment target of those years
    found = {(r["year"], r["concept"], r["target_value"], r["result_value"], r["outcome"]) for r in rows
             if r["concept"] in headline and len(r["year"]) == 4 and r["year"] < "2018"}
    assert found == STATE_COUNCIL_OUTCOMES
    assert all(r["rule"] for r in rows)
    multi_year = [r for r in rows if "-" in r["year"] or r["year"] > r["target_report"][-4:]]
    assert multi_year and {r["outcome"] for r in multi_year} == {"not_due"}


@pytest.mark.skipif(not (SEEDS / "provinces-2025").is_dir(), reason="../shared/seeds is not beside the project")
def test_compare_targets_gives_every_regions_gdp_target(tmp_path):
    out = tmp_path / "p"
    reports = [SEEDS / "provinces-2025", SEEDS / "beijing-2025-government-work-report.txt",
               SEEDS / "shanghai-2025-government-work-report.txt"]
    build = CliRunner().invoke(main, ["build", *map(str, reports), "--out", str(out), "--no-html", "-j", "2"])
    assert build.exit_code == 0, build.output
    rows = json.loads(CliRunner().invoke(main, ["query", "compare_targets", "-g", str(out), "--param", "year=2025",
                                                "--format", "json"]).output)
    gdp = {r["region"] for r in rows if r["concept"] == "地区生产总值" and r["measure"] == "growth_rate"}
    assert len(gdp) == 15  # 13 provinces, 北京, 上海
    page = (out / "corpus-targets.html").read_text(encoding="utf-8")
    assert "2025年主要目标" in page and "5%左右" in page
