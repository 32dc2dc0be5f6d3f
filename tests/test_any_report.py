"""Any 政府工作报告 builds: the State Council's, a province's, a municipality's, a city's or a county's, however
its opening and headings are written; places at every level, never inside another word."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal

from govkg.cli import main
from govkg.document import parse_document
from govkg.extract.metadata import extract_metadata
from govkg.extract.places import extract_places
from govkg.gazetteer import PlaceGazetteer
from govkg.ontology.namespace import GK, ID
from govkg.pipeline import read_document, run_pipeline
from govkg.reader import normalise_text
from govkg.builder import build_graph

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


# --- metadata: region, level and year from the whole opening -------------------------------------------------

@pytest.mark.parametrize("opening, region, level, year", [
    # the title alone, with the year before the region (年 is no part of the name)
    ("2025年江西省政府工作报告\n\n各位代表：\n现在，我代表江西省人民政府向大会报告工作。", "江西省", "province", 2025),
    # a dateline whose meeting line has a stray space, and a region named by its short form in the title
    ("2025年青海政府工作报告\n——2025年1月19日在青海省第十四届 人民代表大会第三次会议上", "青海省", "province", 2025),
    # the State Council: no region word, the year only in the review heading
    ("各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2018年工作回顾\n过去一年……", "全国", "national", 2019),
    # the year only in a plan heading
    ("各位代表：\n我代表国务院向大会报告。\n一、过去五年工作回顾\n二、2018年经济社会发展总体要求", "全国", "national", 2018),
    # a wiki title broken over lines, with a zero-width character
    ("\u200b\n政府工作报\n告\n——2017年3月5日在第十二届全国人民代表大会第五次会议上", "全国", "national", 2017),
    ("——2024年1月8日在深圳市第七届人民代表大会第五次会议上", "深圳市", "prefecture", 2024),
    ("——2024年1月8日在重庆市第六届人民代表大会第二次会议上", "重庆市", "municipality", 2024),
    ("马边彝族自治县2024年政府工作报告\n马边彝族自治县县长 某某", "马边彝族自治县", "county", 2024),
    # a region the gazetteer does not know keeps the report's own words
    ("2024年示范新区政府工作报告\n各位代表：", "示范新区", "county", 2024),
])
def test_region_level_and_year_from_the_opening(opening, region, level, year):
    text, _ = normalise_text(opening)
    meta = extract_metadata(text)
    assert (meta.region, meta.level, meta.year) == (region, level, year)


def test_a_report_that_never_says_its_year_takes_the_one_after_its_review_and_warns():
    doc = read_document("各位代表：\n我代表国务院向大会报告。\n一、过去五年工作回顾\n2012年经济增长7.8%。\n"
                        "二、今年的主要任务\n经济增长7.5%左右。\n", "t")
    assert (doc.meta.region, doc.meta.year) == ("全国", 2013)
    assert any("does not say its year" in w for w in doc.warnings)


def test_body_text_naming_an_earlier_congress_is_not_the_dateline():
    meta = extract_metadata("各位代表：\n我代表国务院报告。\n第十一届全国人民代表大会第一次会议以来的五年，经济增长。")
    assert meta.meeting is None and meta.region == "全国"


# --- structure: parts numbered or not -----------------------------------------------------------------------

def test_unnumbered_part_lines_are_the_parts():
    doc = parse_document("各位代表：\n2024年工作回顾\n过去一年，增长5%。\n2025年工作安排\n今年，将重点做好以下九个方面工作。\n"
                         "(一)坚决维护稳定。扎实推进工作。\n", "t")
    assert [(s.title, s.part) for s in doc.sections] == [("2024年工作回顾", "review"), ("2025年工作安排", "plan")]
    assert [p.is_item_heading for p in doc.paragraphs][-1]  # half-width (一) heads an item too
    doc = read_document("2024年工作总结\n增长5%。\n2025年工作任务\n增长6%。\n2024年主要工作\n", "t", region="合肥市",
                        year=2025)
    assert [(s.title, s.part) for s in doc.sections] == [("2024年工作总结", "review"), ("2025年工作任务", "plan"),
                                                         ("2024年主要工作", "review")]


def test_a_review_whose_title_does_not_say_so_is_found_by_its_opening():
    doc = parse_document("一、牢记嘱托，在奋斗中取得新成效\n2024年是关键之年。过去一年，经济增长5%。\n"
                         "二、牢记使命，做好2025年工作\n增长5%左右。\n", "t")
    assert [s.part for s in doc.sections] == ["review", "plan"]


def test_a_part_whose_title_names_only_years_before_the_reports_is_the_review():
    for title in ("2024年工作总结", "2024年主要工作", "2024年经济社会发展情况", "牢记嘱托，2024年各项工作取得新成效"):
        doc = read_document(f"一、{title}\n全市增长5%。\n二、2025年工作任务\n今年增长6%。\n", "t", region="合肥市", year=2025)
        assert [s.part for s in doc.sections] == ["review", "plan"], title
    doc = read_document("一、2025年主要工作\n今年增长6%。\n二、2025年至2027年目标\n增长6%。\n", "t", region="合肥市",
                        year=2025)
    assert [s.part for s in doc.sections] == ["plan", "plan"]
    doc = read_document("一、2024年工作回顾\n增长5%。\n二、巩固拓展2024年活动成果\n增长6%。\n", "t", region="合肥市", year=2025)
    assert [s.part for s in doc.sections] == ["review", "plan"]  # a past year inside a plan's title
    doc = read_document("一、2024年工作回顾\n增长5%。\n二、完成2024年以来确定的目标任务\n增长6%。\n", "t", region="合肥市",
                        year=2025)
    assert [s.part for s in doc.sections] == ["review", "plan"]
    doc = read_document("一、2024年工作回顾\n增长5%。\n二、全面落实2024年甲乙会议部署\n增长6%。\n", "t", region="合肥市",
                        year=2025)
    assert [s.part for s in doc.sections] == ["review", "plan"]


def test_parts_headed_第一部分_are_parts():
    doc = parse_document("第一部分 2024年工作回顾\n增长5%。\n第二部分 2025年工作安排\n增长5%左右。\n", "t")
    assert [s.part for s in doc.sections] == ["review", "plan"]


def test_a_report_without_part_headings_builds_with_one_warning():
    doc = read_document("2025年某省政府工作报告\n全省地区生产总值增长5%。\n", "t", region="江西省")
    assert doc.sections == [] and len(doc.warnings) == 1 and "no part headings" in doc.warnings[0]


def test_wiki_text_loses_zero_width_characters_and_soft_breaks():
    text, steps = normalise_text("一、2016年工作回顾\n\n国内生产总值达到74.4\n\u200b\n万亿元。\n\n"
                                 "党的十八届六中全会\n正式明确\n这一点。\n\n\u3000\u3000新段落。\n")
    assert steps == ["wiki"]
    assert "国内生产总值达到74.4万亿元。" in text and "党的十八届六中全会正式明确这一点。" in text


def test_clean_text_passes_unchanged():
    text = "一、2024年工作回顾\n\n增长5%。\n\n二、2025年工作安排\n\n增长5%左右。\n"
    assert normalise_text(text) == (text, [])


# --- places at every level ----------------------------------------------------------------------------------

def places(text: str, region: str) -> list[tuple[str, str]]:
    return [(m.division.name, m.surface) for m in PlaceGazetteer.for_region(region).find(text)]


def test_a_provinces_prefecture_cities_are_places_by_their_short_names():
    assert places("广州、深圳、珠海加快发展。", "广东省") == [("广州市", "广州"), ("深圳市", "深圳"), ("珠海市", "珠海")]


def test_counties_by_short_form_and_autonomous_forms():
    assert places("支持马边、凉山州和阿坝县发展。", "四川省") == [
        ("马边彝族自治县", "马边"), ("凉山彝族自治州", "凉山州"), ("阿坝县", "阿坝县")]


def test_autonomous_divisions_are_named_by_all_of_their_stem_and_peoples_districts_too():
    assert places("支持黔西南州、黔东南州发展。", "贵州省") == [
        ("黔西南布依族苗族自治州", "黔西南州"), ("黔东南苗族侗族自治州", "黔东南州")]
    assert places("支持西双版纳发展。", "云南省") == [("西双版纳傣族自治州", "西双版纳")]
    assert places("支持鄂温克旗发展。", "内蒙古自治区") == [("鄂温克族自治旗", "鄂温克旗")]  # named by its people
    assert places("支持伊犁州、巴音郭楞州发展。", "新疆维吾尔自治区") == [
        ("伊犁哈萨克自治州", "伊犁州"), ("巴音郭楞蒙古自治州", "巴音郭楞州")]
    assert places("瀍河区、管城区要加快发展。", "河南省") == [("瀍河回族区", "瀍河区"), ("管城回族区", "管城区")]


@pytest.mark.parametrize("text, region", [
    ("加快成渝中线高铁建设。", "重庆市"),  # 渝中区 inside 成渝
    ("丹霞山景区提质。", "广东省"),  # 霞山区 inside 丹霞山
    ("建成莞惠城际。", "广东省"),  # 惠城区 across 莞惠|城际
    ("建设美好城区。", "山西省"),  # 城区 is an ordinary word
    ("守住重大安全底线。", "四川省"),  # 大安区 across 重大|安全
    ("发展江海联运。", "广东省"),  # 江海 is a word, not 江海区
    ("修缮黄埔军校旧址。", "广东省"),  # a school named after 黄埔
    ("开发恩平油田群。", "广东省"),  # an oil field named after 恩平
    ("实施环泰山区域绿化。", "山东省"),  # 泰山 + 区域, not 泰山区
    ("第一艘航母“辽宁舰”入列。", "全国"),  # a ship named after a province
    ("和平发展，南开大学。", "天津市"),  # a common word; a university
    ("河北省和河北工业大学。", "天津市"),  # 河北 is the province, not 天津's 河北区
])
def test_a_name_inside_another_word_is_no_mention(text, region):
    assert places(text, region) == []


def test_facilities_named_after_a_district_lie_in_it():
    assert [n for n, _ in places("建成北京朝阳站、丰台站，加强密云水库保护。", "北京市")] == ["朝阳区", "丰台区", "密云区"]


def test_a_common_word_opening_with_a_head_leaves_the_name_a_mention():
    # 港 after a name makes a port's name (太仓港); 港口 is any port, here the city's; 人均 and 路网 are words too
    assert places("太仓市港口吞吐量增长5%，推进太仓港建设。", "苏州市") == [("太仓市", "太仓市")]
    assert places("昆山市人均收入增长5%，常熟市路网加密。", "苏州市") == [("昆山市", "昆山市"), ("常熟市", "常熟市")]


def test_a_generic_name_counts_with_its_city_before_it():
    assert places("阳泉市城区加快发展，美好城区。", "山西省") == [("城区", "阳泉市城区")]
    assert places("推进老城区、新城区更新，洛阳市老城区加快发展。", "洛阳市") == [("老城区", "洛阳市老城区")]  # not 老城


def test_a_generic_name_of_the_regions_own_division_counts_where_it_is_told_what_to_do_or_listed_with_others():
    assert places("老城区要推进街区保护，推进老城区改造。", "洛阳市") == [("老城区", "老城区")]
    assert places("西工区、老城区加快发展。", "洛阳市") == [("西工区", "西工区"), ("老城区", "老城区")]
    assert places("郊区要加快发展。", "山西省") == []  # a county's, not the province's own division
    assert places("对老城区要加强保护，中心城区要加快更新。", "洛阳市") == []  # no subject opening its clause


def test_a_national_report_names_provinces():
    assert [n for n, _ in places("支持广东、新疆、西藏和香港发展。", "全国")] == ["广东省", "新疆维吾尔自治区", "西藏自治区",
                                                                       "香港特别行政区"]


def graph_of(text: str, region: str, year: int = 2025) -> Graph:
    doc = read_document(text, "t", region=region, year=year)
    return build_graph(doc, run_pipeline(doc), source="t.txt")


def test_the_hierarchy_is_in_the_graph():
    g = graph_of("一、2024年工作回顾\n马边和成都加快发展。\n", "四川省")
    mabian, chengdu, leshan, sichuan = (ID[f"division/{c}"] for c in ("511133", "510100", "511100", "510000"))
    assert (mabian, RDF.type, GK.District) in g and (chengdu, RDF.type, GK.District) in g
    assert (mabian, GK.locatedIn, leshan) in g and (leshan, GK.locatedIn, sichuan) in g
    assert (chengdu, GK.locatedIn, sichuan) in g and (chengdu, RDF.type, GK.City) in g
    assert g.value(mabian, GK.divisionLevel) == Literal("county")
    assert g.value(leshan, GK.divisionCode) == Literal("511100")
    report = ID["t"]
    assert g.value(report, GK.region) == sichuan and g.value(report, GK.regionLevel) == Literal("province")


def test_counties_roll_up_to_their_city_in_a_query():
    g = graph_of("一、2024年工作回顾\n马边和峨眉山市加快发展，成都增长5%。\n", "四川省")
    rows = g.query("""PREFIX gk: <https://w3id.org/govkg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?city (COUNT(?d) AS ?n) WHERE {
          ?d a gk:District ; gk:divisionLevel "county" ; gk:locatedIn ?c . ?c rdfs:label ?city }
        GROUP BY ?city""")
    assert {(str(r[0]), int(r[1])) for r in rows} == {("乐山市", 2)}


def test_a_national_reports_provinces_lie_in_the_country():
    g = graph_of("一、2024年工作回顾\n支持广东发展。\n", "全国")
    assert (ID["division/440000"], GK.locatedIn, ID["division/CN"]) in g
    assert (ID["division/CN"], RDF.type, GK.Country) in g


def test_observations_of_a_national_report_are_scoped_to_the_country():
    doc = read_document("各位代表：\n我代表国务院报告工作。\n一、2023年工作回顾\n国内生产总值增长5.2%。\n", "t")
    found = run_pipeline(doc).observations
    assert [(o.scope, o.period) for o in found] == [("全国", "2023")]


def test_places_of_a_region_govkg_does_not_know_are_left_alone():
    doc = read_document("2024年示范新区政府工作报告\n一、2023年工作回顾\n和平区增长5%。\n", "t")
    assert doc.meta.region == "示范新区"
    assert [p for p in extract_places(doc) if p.kind == "district"] == []


# --- a corpus with per-file overrides ------------------------------------------------------------------------

def test_a_manifest_gives_each_file_its_own_region_and_year(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text("各位代表：\n一、回顾\n地区生产总值增长5%。\n", encoding="utf-8")
    (reports / "b.txt").write_text("各位代表：\n一、回顾\n地区生产总值增长6%。\n", encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,region,year\nreports/a.txt,江西省,2024\nreports/b.txt,青海省,2025\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(reports), "--out", str(tmp_path / "out"), "--no-html",
                                       "--manifest", str(manifest)])
    assert result.exit_code == 0, result.output
    regions = {}
    for name in ("a", "b"):
        g = Graph().parse(tmp_path / "out" / f"{name}.ttl")
        report = ID[name]
        regions[name] = (str(g.value(report, GK.city)), str(g.value(report, GK.year)))
    assert regions == {"a": ("江西省", "2024"), "b": ("青海省", "2025")}


def test_a_bad_manifest_is_one_line_error(tmp_path):
    manifest = tmp_path / "m.csv"
    manifest.write_text("name,year\nx.txt,2024\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "--manifest", str(manifest)])
    assert result.exit_code == 1 and "file,region,year" in result.output


# --- every seed report builds with no flags -------------------------------------------------------------------

SEED_METADATA = {  # file stem prefix → (region, level, year), as each report's own opening states them
    "tianjin-2023": ("天津市", "municipality", 2023), "beijing-2025": ("北京市", "municipality", 2025),
    "shanghai-2025": ("上海市", "municipality", 2025), "fujian-2025": ("福建省", "province", 2025),
    "guangxi-2025": ("广西壮族自治区", "province", 2025), "henan-2025": ("河南省", "province", 2025),
    "hubei-2025": ("湖北省", "province", 2025), "hunan-2025": ("湖南省", "province", 2025),
    "jiangsu-2025": ("江苏省", "province", 2025), "jiangxi-2025": ("江西省", "province", 2025),
    "liaoning-2025": ("辽宁省", "province", 2025), "neimenggu-2025": ("内蒙古自治区", "province", 2025),
    "qinghai-2025": ("青海省", "province", 2025), "shandong-2025": ("山东省", "province", 2025),
    "xizang-2025": ("西藏自治区", "province", 2025), "zhejiang-2025": ("浙江省", "province", 2025),
    **{f"state-council-{y}": ("全国", "national", y) for y in range(2012, 2019)},
}


def seed_reports() -> list[Path]:
    return sorted(SEEDS.rglob("*.txt")) if SEEDS.is_dir() else []


@pytest.mark.skipif(not seed_reports(), reason="../shared/seeds is not beside the project")
def test_every_seed_report_builds_with_no_flags(tmp_path):
    from govkg.corpus import build_corpus

    result = build_corpus(seed_reports(), tmp_path, html=False, workers=2, corpus=None)
    assert not result.failures, [o.error for o in result.failures]
    found = {o.report_id: (o.result.region, o.result.level, o.result.year) for o in result.ok}
    expected = {rid: SEED_METADATA[rid] for rid in found}
    assert found == expected and len(found) == len(seed_reports())
    for o in result.ok:  # every report with divisions inside its region finds some of them
        assert o.result.instances["District"] > 0, o.report_id


@pytest.mark.parametrize("text, expected", [
    ("推动“津城”“滨城”双城发展。", ["津城", "滨城"]),
    ("建设“光伏长城”，打造“一座城”。", []),
])
def test_quoted_city_nicknames_are_areas_and_slogans_are_not(text, expected):
    doc = read_document("一、2024年工作回顾\n" + text + "\n", "t", region="天津市", year=2025)
    assert [p.name for p in extract_places(doc) if p.kind == "area"] == expected
