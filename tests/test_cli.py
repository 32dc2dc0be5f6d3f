"""The command line: one-line errors and exit 1 on bad input, earlier exports kept, queries in three formats."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.cli import main
from govkg.query import named_queries

COLUMNS = {
    "observations": ["indicator", "scope", "value", "unit", "value_norm", "unit_norm", "qualifier", "measure",
                     "status", "period", "start", "end"],
    "districts": ["name", "code", "start", "end"],
    "projects": ["name", "stage", "district", "start", "end"],
    "actions": ["name", "level", "parent", "start", "end"],
    "relations": ["subject", "predicate", "object", "start", "end"],
}
SMALL_REPORT = ("──2023年1月11日在天津市第十八届人民代表大会第一次会议上\n"
                "一、2022年工作回顾\n（一）经济稳定。全市地区生产总值增长3%。河西区要聚焦金融服务、总部经济等产业。\n"
                "二、2023年工作安排\n（一）聚焦创新，着力发展\n完善创新体系。加快建设滨海—中关村科技园。\n")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def assert_one_line_error(result, *words):
    assert result.exit_code != 0
    message = result.output.strip()  # CliRunner mixes stderr into output
    assert len(message.splitlines()) == 1, message
    assert "Traceback" not in message
    for w in words:
        assert w in message


@pytest.fixture
def built(tmp_path, write_report):
    report = write_report(SMALL_REPORT, "tianjin-2023-test.txt")
    out = tmp_path / "out"
    result = run("build", report, "--out", out)
    assert result.exit_code == 0, result.output
    return out / "tianjin-2023-test.ttl"


def test_build_prints_a_summary(tmp_path, write_report):
    report = write_report(SMALL_REPORT, "tj.txt")
    result = run("build", report, "--out", tmp_path)
    assert result.exit_code == 0
    assert "triples" in result.output and "Observation" in result.output and "actual" in result.output
    assert (tmp_path / "tj.ttl").exists() and (tmp_path / "tj.html").exists()


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_named_queries_give_the_stable_columns_as_json(built, name):
    result = run("query", name, "--graph", built, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows, name
    for row in rows:
        assert set(COLUMNS[name]) <= set(row)
        assert isinstance(row["start"], int) and row["start"] < row["end"]


def test_observation_rows_hold_normalized_numbers(built):
    rows = json.loads(run("query", "observations", "--graph", built, "--format", "json").output)
    gdp = next(r for r in rows if r["indicator"] == "地区生产总值")
    assert (gdp["value_norm"], gdp["unit_norm"], gdp["measure"], gdp["status"], gdp["period"]) == \
        (3.0, "percent", "growth_rate", "actual", "2022")


def test_csv_and_table_formats(built):
    csv_out = run("query", "districts", "--graph", built, "--format", "csv").output
    assert csv_out.splitlines()[0].startswith("name,code,start,end")
    assert "河西区,120103" in csv_out
    assert run("query", "districts", "--graph", built).output == csv_out  # not a terminal: CSV
    assert "rows" in run("query", "districts", "--graph", built, "--format", "table").output


@pytest.mark.parametrize("fmt, check", [
    ("tsv", lambda out: out.splitlines()[0].startswith("name\tcode\tstart\tend")),
    ("ndjson", lambda out: all(json.loads(line)["code"] for line in out.splitlines())),
    ("json", lambda out: isinstance(json.loads(out), list)),
])
def test_row_formats(built, fmt, check):
    assert check(run("query", "districts", "--graph", built, "--format", fmt).output)


def test_a_wide_table_drops_iri_and_evidence_columns_to_fit_the_terminal(built, monkeypatch):
    from govkg import cli

    monkeypatch.setattr(cli.console, "width", 80)
    out = run("query", "observations", "--graph", built, "--format", "table").output
    assert "not shown at this width" in out and "https://" not in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_ask_construct_and_describe(built, tmp_path):
    ask = "ASK { ?d a <https://w3id.org/govkg/ontology#District> }"
    assert run("query", ask, "--graph", built).output == "true\n"
    assert json.loads(run("query", ask, "--graph", built, "--format", "json").output) == {"boolean": True}
    construct = ("CONSTRUCT { ?d <http://www.w3.org/2000/01/rdf-schema#label> ?l } WHERE { "
                 "?d a <https://w3id.org/govkg/ontology#District> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }")
    nt = run("query", construct, "--graph", built, "--format", "nt").output
    assert nt.count(" .\n") == 2 and "河西区" in nt
    run("query", construct, "--graph", built, "--format", "ttl", "-o", tmp_path / "q.ttl")
    assert "河西区" in (tmp_path / "q.ttl").read_text(encoding="utf-8")
    describe = run("query", "DESCRIBE <https://w3id.org/govkg/id/division/120103>", "--graph", built).output
    assert "120103" in describe


def test_query_from_standard_input(built):
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?d a <https://w3id.org/govkg/ontology#District> }"
    result = CliRunner().invoke(main, ["query", "-f", "-", "--graph", str(built), "--format", "json"], input=sparql)
    assert json.loads(result.output) == [{"n": 2}]


def test_several_graphs_and_datasets_are_one_union(built, tmp_path):
    other = tmp_path / "other.ttl"
    other.write_text(built.read_text(encoding="utf-8").replace("tianjin-2023-test", "tianjin-2023-copy"),
                     encoding="utf-8")
    count = "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a <https://w3id.org/govkg/ontology#Report> }"
    assert json.loads(run("query", count, "-g", built, "-g", other, "--format", "json").output) == [{"n": 2}]
    run("export", built, other, "--format", "nq", "--format", "trig", "--out", tmp_path / "ex")
    for name in ("govkg.nq", "govkg.trig"):
        found = json.loads(run("query", count, "-g", tmp_path / "ex" / name, "--format", "json").output)
        assert found == [{"n": 2}], name
    assert run("validate", tmp_path / "ex" / "govkg.nq").output.count("conforms") == 2


def test_commands_default_to_the_last_build(write_report, tmp_path, monkeypatch):
    monkeypatch.setenv("GOVKG_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.chdir(tmp_path)
    report = write_report("——2024年1月8日在北京市第十六届人民代表大会第二次会议上\n一、2023年工作回顾\n"
                          "朝阳区地区生产总值增长5%。\n", "beijing-2024.txt")
    assert run("build", report, "--out", tmp_path / "elsewhere", "--no-html").exit_code == 0
    out = run("query", "districts", "--format", "csv").output
    assert "朝阳区" in out
    assert "conforms" in run("validate").output


def test_help_and_version():
    assert "Usage" in run("-h").output and "Usage" in run("query", "-h").output
    assert "version" in run("--version").output


def test_inline_query_and_query_file(built, tmp_path):
    sparql = "PREFIX gk: <https://w3id.org/govkg/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?d a gk:District }"
    inline = json.loads(run("query", sparql, "--graph", built, "--format", "json").output)
    (tmp_path / "q.rq").write_text(sparql, encoding="utf-8")
    from_file = json.loads(run("query", "--file", tmp_path / "q.rq", "--graph", built, "--format", "json").output)
    assert inline == from_file == [{"n": 2}]  # 河西区, and 滨海新区 from 滨海—中关村科技园


def test_unknown_query_name(built):
    assert_one_line_error(run("query", "nonsense", "--graph", built), "unknown query", "observations")


def test_invalid_sparql(built):
    assert_one_line_error(run("query", "SELECT WHERE {", "--graph", built), "invalid SPARQL")


def test_missing_graph_file(tmp_path):
    assert_one_line_error(run("query", "districts", "--graph", tmp_path / "none.ttl"), "none.ttl")


def test_validate_accepts_a_built_graph(built):
    result = run("validate", built)
    assert result.exit_code == 0 and "conforms" in result.output


def test_validate_rejects_a_graph_breaking_the_shapes(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix gk: <https://w3id.org/govkg/ontology#> .\n<urn:x> a gk:Observation .\n", encoding="utf-8")
    result = CliRunner(mix_stderr=False).invoke(main, ["validate", str(bad)]) if "mix_stderr" in \
        CliRunner.__init__.__code__.co_varnames else run("validate", bad)
    assert result.exit_code != 0
    assert "does not conform" in result.output + getattr(result, "stderr", "")


def test_validate_rejects_a_file_that_is_not_turtle(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    assert_one_line_error(run("validate", bad), "bad.ttl", "not a readable Turtle graph")


@pytest.mark.parametrize("content, problem", [
    (b"", "empty"),
    (b"\x00\x01\x02binary\x00", "binary"),
    (b"\xff\xfe\xfa\xfb" * 20, "not UTF-8"),
    ("只有一句话，没有城市也没有章节。", "cannot tell the report's year"),
    ("no Chinese text here at all", "no Chinese report text"),
])
def test_bad_report_files(write_report, tmp_path, content, problem):
    report = write_report(content, "bad.txt")
    assert_one_line_error(run("build", report, "--out", tmp_path / "out"), "bad.txt", problem)


def test_missing_report_file(tmp_path):
    assert_one_line_error(run("build", tmp_path / "missing.txt", "--out", tmp_path), "missing.txt", "no such file")


def test_folder_without_reports(tmp_path):
    (tmp_path / "empty").mkdir()
    assert_one_line_error(run("build", tmp_path / "empty", "--out", tmp_path), "empty", "no report files")


def test_gb18030_report_is_decoded(write_report, tmp_path):
    report = write_report(SMALL_REPORT.encode("gb18030"), "gbk.txt")
    result = run("build", report, "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert "河西区" in (tmp_path / "gbk.ttl").read_text(encoding="utf-8")


def test_unwritable_output_keeps_earlier_exports(built, write_report):
    out = built.parent
    before = built.read_bytes()
    blocker = out / "blocker"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    report = write_report(SMALL_REPORT, "tianjin-2023-test.txt")
    assert_one_line_error(run("build", report, "--out", blocker), "blocker")
    assert built.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root can write anywhere")
def test_read_only_output_folder_keeps_earlier_exports(built, write_report):
    out = built.parent
    before = built.read_bytes()
    out.chmod(0o555)
    try:
        result = run("build", write_report(SMALL_REPORT, "tianjin-2023-test.txt"), "--out", out)
    finally:
        out.chmod(0o755)
    assert_one_line_error(result, str(out))
    assert built.read_bytes() == before


def test_failed_write_midway_keeps_earlier_exports(built, write_report, monkeypatch):
    import govkg.fileio as fileio

    before = built.read_bytes()

    def disk_full(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "fsync", disk_full)
    result = run("build", write_report(SMALL_REPORT, "tianjin-2023-test.txt"), "--out", built.parent)
    assert_one_line_error(result, "No space left")
    assert built.read_bytes() == before
    assert not [p for p in built.parent.iterdir() if p.name.endswith(".tmp")]


def test_console_script_exit_code_and_stderr(tmp_path):
    exe = shutil.which("govkg", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("govkg console script not installed")
    proc = subprocess.run([exe, "build", str(tmp_path / "nope.txt"), "--out", str(tmp_path)],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0 and "nope.txt" in proc.stderr
    assert proc.stdout == ""


def test_named_queries_are_shipped():
    assert set(COLUMNS) <= set(named_queries())
