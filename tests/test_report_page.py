"""The report page: targets and results grouped by concept and place, projects by place and stage, the action
tree, every row linked to its sentence (and to the graph view when there is one); plain HTML, hostile text inert."""
from __future__ import annotations

import re

from click.testing import CliRunner

from govkg.cli import main
from govkg.exporters.report_page import report_page_html
from govkg.pipeline import read_document, run_pipeline

REPORT = ("──2024年1月10日在某某市第一届人民代表大会第二次会议上\n"
          "一、2023年工作回顾\n全市地区生产总值增长5%。\n"
          "二、2024年工作安排\n"
          "（一）聚焦创新，加快发展\n地区生产总值增长5%左右，城镇调查失业率控制在5.5%以内。到2027年，研发投入强度达到3%。\n"
          "开工建设地铁12号线。加快建设城市会展中心。\n")


def page_of(text: str, region: str = "天津市", year: int = 2024, view: str | None = None) -> str:
    doc = read_document(text, "r", region=region, year=year)
    return report_page_html(doc, run_pipeline(doc), "r", view)


def section(page: str, anchor: str) -> str:
    start = page.index(f'id="{anchor}"')
    return page[start:page.index("<h2", start + 1)] if "<h2" in page[start + 1:] else page[start:]


def test_targets_of_this_year_and_later_years_and_results_are_tabled_with_their_sentences():
    page = page_of(REPORT)
    targets, results = section(page, "targets"), section(page, "results")
    assert "this year (2024)" in targets and "later years" in targets
    assert "5%左右" in targets and "5.5%以内" in targets  # hedges where the report writes them
    later = targets[targets.index("later years"):]
    assert "2027" in later and "研发投入强度" in later and "地铁" not in later
    assert "5%" in results and "2023" in results and "5%左右" not in results
    # every row's sentence is an anchor of the text at the bottom
    for sentence in set(re.findall(r'href="#s(\d+)"', targets + results)):
        assert f'<li id="s{sentence}">' in page


def test_projects_are_grouped_by_place_and_stage_and_actions_form_a_tree():
    page = page_of(REPORT)
    projects = section(page, "projects")
    assert "地铁12号线" in projects and "开工" in projects
    actions = section(page, "actions")
    assert "<ul class=\"tree\">" in actions and "聚焦创新" in actions


def test_names_link_to_their_node_in_the_graph_view_when_there_is_one():
    assert 'href="r.html#node=' in page_of(REPORT, view="r.html")
    assert "#node=" not in page_of(REPORT)


def test_hostile_report_text_stays_text_and_the_page_runs_nothing():
    page = page_of(REPORT.replace("地铁12号线", "<script>alert(1)</script>地铁12号线"))
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script" not in page and "script-src 'none'" in page
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page)


def test_a_report_without_numbers_or_projects_still_gets_its_page():
    page = page_of("一、2023年工作回顾\n我们坚持稳中求进。\n二、2024年工作安排\n继续深化改革。\n")
    assert page.count("none found") >= 3 and 'id="text"' in page


def test_build_writes_the_report_page_unless_no_html(tmp_path):
    report = tmp_path / "mycity-2024.txt"
    report.write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(report), "--out", str(tmp_path / "a"), "--region", "天津市"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "a" / "mycity-2024-report.html").is_file() and (tmp_path / "a" / "mycity-2024.html").is_file()
    result = CliRunner().invoke(main, ["build", str(report), "--out", str(tmp_path / "b"), "--region", "天津市",
                                       "--no-html"])
    assert result.exit_code == 0, result.output
    assert not list((tmp_path / "b").glob("*.html"))


PLACES = ("──2024年1月10日在天津市第十八届人民代表大会第二次会议上\n一、2023年工作回顾\n河西区地区生产总值增长6%。\n"
          "二、2024年工作安排\n（一）实施河西区高质量发展行动\n河西区要聚焦金融服务。河西区地区生产总值增长7%。\n"
          "南开区地区生产总值增长4%。开工建设南开区科技园。\n")


def test_a_place_page_holds_only_that_places_facts():
    from govkg.exporters.report_page import place_pages

    doc = read_document(PLACES, "tj", region="天津市", year=2024)
    pages = place_pages(doc, run_pipeline(doc), "tj", view="tj.html")
    assert set(pages) == {"120103.html", "120104.html"}  # 河西区, 南开区 by their GB/T 2260 codes
    hexi, nankai = pages["120103.html"], pages["120104.html"]
    assert ">7%<" in hexi and ">6%<" in hexi and ">4%<" not in hexi
    assert "金融服务" in hexi and "河西区高质量发展行动" in hexi
    assert ">4%<" in nankai and ">7%<" not in nankai and "科技园" in nankai
    assert 'href="../tj-report.html#s' in hexi and 'href="../tj.html#node=' in hexi and "<script" not in hexi
    report = page_of(PLACES)
    assert 'href="r-places/120103.html"' in report and 'href="r-places/120104.html"' in report
