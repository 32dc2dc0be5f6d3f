"""The SPARQL cookbook: named queries an analyst would ask, shipped with the package, run on the bundled report."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from govkg.query import load_store, named_queries, run_query

README = Path(__file__).resolve().parent.parent / "README.md"
CORE = {"observations", "districts", "projects", "actions", "relations"}
#: cookbook query → the columns it must give, in order
COOKBOOK = {
    "targets_this_year": ["report", "year", "indicator", "concept", "scope", "value", "unit", "qualifier", "kind",
                          "measure", "value_norm", "unit_norm", "quote", "observation"],
    "multi_year_targets_by_place": ["report", "period", "place", "place_kind", "indicator", "value", "unit",
                                    "qualifier", "measure", "quote", "observation"],
    "last_year_actual_and_this_year_target": ["report", "indicator", "scope", "measure", "last_year", "actual",
                                              "actual_unit", "this_year", "target", "target_unit", "actual_start",
                                              "target_start"],
    "projects_to_complete_this_year": ["report", "district", "project", "start", "end", "quote", "project_iri"],
    "compare_targets": ["region", "level", "year", "concept", "indicator", "target", "qualifier", "kind", "measure",
                        "value_norm", "unit_norm", "report", "start", "quote"],
    "projects_per_action": ["action", "projects", "example", "start"],
    "district_focus": ["district", "focus", "start", "end", "quote"],
    "evidence": ["kind", "label", "quote", "sentence", "start", "end", "fact"],
    "growth_targets_vs_last_year": ["report", "indicator", "scope", "year", "target", "qualifier", "last_year_actual",
                                    "difference_pp", "target_start"],
    "observations_per_indicator": ["indicator", "targets", "actuals", "observations"],
    "projects_by_stage": ["stage", "period", "projects"],
    "district_overview": ["district", "code", "mentions", "projects", "foci", "targets"],
    "action_tree": ["action", "level", "parent", "parent_level", "start"],
}


@pytest.fixture(scope="module")
def store(bundled_build):
    return load_store(bundled_build.turtle)


def rows(store, name):
    return run_query(store, named_queries()[name])


def test_at_least_ten_cookbook_queries_are_shipped_with_a_title_and_snake_case_name():
    shipped = set(named_queries()) - CORE
    assert set(COOKBOOK) <= shipped and len(shipped) >= 10
    for name, text in named_queries().items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", name)
        assert text.startswith("# ") and len(text.splitlines()[0]) > 10, name


@pytest.mark.parametrize("name", sorted(COOKBOOK))
def test_each_cookbook_query_gives_its_columns_and_rows_on_the_bundled_report(store, name):
    columns, result = rows(store, name)
    assert columns == COOKBOOK[name]
    assert result, f"{name} gave no rows on the bundled report"


@pytest.mark.parametrize("name", sorted(COOKBOOK))
def test_each_cookbook_query_is_documented_in_the_readme(name):
    section = README.read_text(encoding="utf-8").split("## SPARQL cookbook, endpoint and graph databases", 1)[1]
    assert f"`{name}`" in section


def test_this_years_targets_are_the_targets_for_the_reports_own_year(store):
    _, observations = rows(store, "observations")
    expected = {o["observation"] for o in observations if o["status"] == "target" and o["period"] == "2023"}
    _, targets = rows(store, "targets_this_year")
    assert {t["observation"] for t in targets} == expected


def test_a_year_parameter_selects_the_reports_of_that_year(store):
    from govkg.query import with_parameters

    sparql = named_queries()["targets_this_year"]
    assert run_query(store, with_parameters(sparql, {"year": "2023"}))[1]
    assert run_query(store, with_parameters(sparql, {"year": "2019"}))[1] == []


def test_multi_year_targets_are_grouped_by_place(store):
    _, observations = rows(store, "observations")
    expected = {o["observation"] for o in observations if o["status"] == "target" and o["period"] != "2023"}
    _, result = rows(store, "multi_year_targets_by_place")
    assert {r["observation"] for r in result} == expected
    places = [r["place"] for r in result]
    assert places == sorted(places)


def test_projects_to_complete_this_year_are_the_complete_stage_assertions_of_the_reports_year(store):
    _, projects = rows(store, "projects")
    expected = {p["project"] for p in projects if p["stage"] == "complete" and p["period"] == "2023"}
    _, result = rows(store, "projects_to_complete_this_year")
    assert {r["project_iri"] for r in result} == expected
    located = [r["district"] for r in result if r["district"]]
    assert located == sorted(located) and all(r["district"] for r in result[:len(located)])


def test_projects_per_action_lists_the_ten_actions(store):
    _, result = rows(store, "projects_per_action")
    _, actions = rows(store, "actions")
    assert [r["action"] for r in result] == [a["name"] for a in actions if a["level"] == "ten_actions"]
    assert all(isinstance(r["projects"], int) for r in result) and sum(r["projects"] for r in result) > 0


def test_district_focus_is_the_focuses_on_relations_of_places(store):
    _, relations = rows(store, "relations")
    expected = {(r["subject"], r["object"]) for r in relations if r["predicate"] == "focuses_on"}
    _, result = rows(store, "district_focus")
    assert {(r["district"], r["focus"]) for r in result} == expected


def test_every_fact_has_its_quote_inside_its_evidence_sentence(store):
    _, result = rows(store, "evidence")
    assert {r["kind"] for r in result} == {"Observation", "StageAssertion", "RelationAssertion"}
    assert all(r["quote"] in r["sentence"] and r["end"] - r["start"] == len(r["quote"]) for r in result)


def test_growth_targets_are_compared_with_last_years_result_in_percentage_points(store):
    _, result = rows(store, "growth_targets_vs_last_year")
    assert any(r["indicator"] == "地区生产总值" for r in result)
    for r in result:
        if r["last_year_actual"] is not None:
            assert r["difference_pp"] == pytest.approx(r["target"] - r["last_year_actual"])
        else:
            assert r["difference_pp"] is None


def test_actuals_and_targets_pair_the_same_indicator(store):
    _, result = rows(store, "last_year_actual_and_this_year_target")
    assert any(r["indicator"] == "城镇新增就业" for r in result)
    assert all(r["actual_start"] < r["target_start"] for r in result)


def test_counts_add_up(store):
    _, observations = rows(store, "observations")
    _, per_indicator = rows(store, "observations_per_indicator")
    assert sum(r["observations"] for r in per_indicator) == len(observations)
    assert all(r["targets"] + r["actuals"] == r["observations"] for r in per_indicator)
    _, overview = rows(store, "district_overview")
    _, districts = rows(store, "districts")
    assert sum(r["mentions"] for r in overview) == len(districts)


def test_projects_give_a_projects_stage_in_the_review_and_in_the_plan_as_two_rows(tmp_path):
    from govkg.build import extract_report

    text = ("一、2022年工作回顾\n过去五年，甲乙科技园影响力提升。去年，甲乙科技园影响力提升。\n"
            "二、2023年工作安排\n甲乙科技园影响力提升，丙丁科技园加快建设。\n")
    graph = tmp_path / "r.nt"
    graph.write_bytes(extract_report(text, "r", "r.txt", region="天津市", year=2023)[2].ntriples())
    found = [(r["name"], r["stage"], r["period"]) for r in run_query(load_store(graph), named_queries()["projects"])[1]]
    # one row for the review (its first mention: the five-year review), one for the plan
    assert found == [("甲乙科技园", "operate", "2018-2022"), ("甲乙科技园", "operate", "2023"),
                     ("丙丁科技园", "accelerate", "2023")]
