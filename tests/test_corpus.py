"""Corpus builds: named graphs per report, shared nodes, skip-unchanged, failures, workers, targets vs results."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph

from govkg.cli import main
from govkg.corpus import build_corpus, report_nquads
from govkg.errors import GovkgError
from govkg.query import execute, is_union_view, load_store, named_queries, report_graphs, run_query, union_size
from govkg.targets import judge
from govkg.validate import validate_graph
from govkg.ontology.namespace import DATA_IRI

TJ_2023 = ("──2023年1月11日在天津市第十八届人民代表大会第一次会议上\n"
           "一、2022年工作回顾\n"
           "全市地区生产总值增长1%。河西区固定资产投资增长5%。\n"
           "二、2023年工作安排\n"
           "今年经济社会发展的主要预期目标是：地区生产总值增长4%左右，一般公共预算收入增长5%，"
           "城镇调查失业率5.5%以内，城镇新增就业35万人。\n"
           "河西区固定资产投资增长8%。\n")
TJ_2024 = ("──2024年1月22日在天津市第十八届人民代表大会第二次会议上\n"
           "一、2023年工作回顾\n"
           "全市地区生产总值增长4.3%。一般公共预算收入增长4%。城镇调查失业率5.2%。河西区固定资产投资增长6%。\n"
           "二、2024年工作安排\n"
           "地区生产总值增长4.5%左右。\n")
BJ_2024 = ("──2024年1月21日在北京市第十六届人民代表大会第二次会议上\n"
           "一、2023年工作回顾\n全市地区生产总值增长5.2%。\n"
           "二、2024年工作安排\n地区生产总值增长5%左右。\n")
EXPECTED_OUTCOMES = {
    ("地区生产总值", "天津市"): ("met", 4.0, 4.3),
    ("一般公共预算收入", "天津市"): ("missed", 5.0, 4.0),
    ("城镇调查失业率", "天津市"): ("met", 5.5, 5.2),
    ("城镇新增就业", "天津市"): ("not_reported", 350000.0, None),
    ("固定资产投资", "河西区"): ("missed", 8.0, 6.0),
}


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in (("tianjin-2023", TJ_2023), ("tianjin-2024", TJ_2024), ("beijing-2024", BJ_2024)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def built(reports, tmp_path):
    out = tmp_path / "out"
    result = build_corpus(sorted(reports.glob("*.txt")), out, html=False)
    assert not result.failures
    return result


RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def union_store(path) -> ox.Store:
    store = ox.Store()
    store.load(path=str(path), format=ox.RdfFormat.N_QUADS if path.suffix == ".nq" else ox.RdfFormat.TRIG)
    return store


def triples_in(store: ox.Store, graph: str) -> set:
    return {(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(graph))}


def test_one_named_graph_per_report_the_shared_graph_and_the_targets_graph(built):
    store = union_store(built.trig)
    graphs = sorted(g.value for g in store.named_graphs())
    assert graphs == [DATA_IRI + rid for rid in ("beijing-2024", "shared", "targets", "tianjin-2023", "tianjin-2024")]
    # a report's Turtle is its own graph plus what it says alike with other reports (kept once, in id:shared)
    shared = triples_in(store, DATA_IRI + "shared")
    for rid in ("tianjin-2023", "beijing-2024"):
        ttl = ox.Store()
        ttl.load(path=str(built.out_dir / f"{rid}.ttl"), format=ox.RdfFormat.TURTLE)
        own, whole = triples_in(store, DATA_IRI + rid), {(q.subject, q.predicate, q.object) for q in ttl}
        assert own and not own & shared
        assert whole == own | (whole & shared)


def test_the_trig_holds_every_report_graph_once_and_counts_its_quads(built):
    quads = list(ox.parse(path=str(built.trig), format=ox.RdfFormat.TRIG))  # as written (a Store normalises 8.0)
    assert len(quads) == len(set(quads)) == built.quads
    turtles = set()
    for rid in ("tianjin-2023", "tianjin-2024", "beijing-2024"):
        turtles |= {q.triple for q in ox.parse(path=str(built.out_dir / f"{rid}.ttl"), format=ox.RdfFormat.TURTLE)}
    assessed = {q.triple for q in quads if q.graph_name == ox.NamedNode(DATA_IRI + "targets")}
    assert assessed and {q.triple for q in quads} == turtles | assessed
    assert not (built.out_dir / "corpus.nq").exists()  # N-Quads on demand: govkg export FOLDER --format nq


def test_shared_nodes_are_one_node_across_reports_described_once(built):
    store = union_store(built.trig)
    # the reports that name 河西区 point at one node; its label and type are stated once, in id:shared
    sparql = """PREFIX gk: <https://w3id.org/govkg/ontology#>
    SELECT DISTINCT ?g WHERE { GRAPH ?g { <%s> gk:evidence ?span } }""" % (DATA_IRI + "division/120103")
    assert {s["g"].value for s in store.query(sparql)} == {DATA_IRI + "tianjin-2023", DATA_IRI + "tianjin-2024"}
    labels = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?g WHERE { GRAPH ?g { <%s> rdfs:label ?label } }""" % (DATA_IRI + "division/120103")
    assert [s["g"].value for s in store.query(labels)] == [DATA_IRI + "shared"]
    # 地区生产总值: one indicator node, observed in all three reports, labelled once
    sparql = """PREFIX gk: <https://w3id.org/govkg/ontology#>
    SELECT ?indicator (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?obs gk:indicator ?indicator } }
    GROUP BY ?indicator HAVING (COUNT(DISTINCT ?g) = 3)"""
    in_all = [s["indicator"] for s in store.query(sparql)]
    assert len(in_all) == 1
    assert len(list(store.quads_for_pattern(in_all[0], ox.NamedNode(RDFS_LABEL), None))) == 1


def test_no_two_graphs_share_a_triple_so_queries_see_their_union_without_copying_it(tmp_path):
    # two years of one city say the same of 北辰区: its focus and a target on the same indicator
    same = "北辰区要集聚发展绿色能源、中医药等产业。北辰区固定资产投资增长8%。\n"
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "tianjin-2023.txt").write_text(TJ_2023 + same, encoding="utf-8")
    (folder / "tianjin-2024.txt").write_text(TJ_2024 + same, encoding="utf-8")
    result = build_corpus(sorted(folder.glob("*.txt")), tmp_path / "out", html=False)
    store = union_store(result.trig)
    seen: dict = {}
    for quad in store:
        seen.setdefault(quad.triple, []).append(quad.graph_name.value)
    assert {t: g for t, g in seen.items() if len(g) > 1} == {}
    shared = triples_in(store, DATA_IRI + "shared")
    beichen = ox.NamedNode(DATA_IRI + "division/120113")
    said = {predicate.value.rsplit("#")[-1] for subject, predicate, _ in shared if subject == beichen}
    assert {"focusesOn", "targets"} <= said
    # the TriG is queried as it was loaded (default graph empty, the union a view); the rows are those of the
    # union copied into the default graph
    view, copied = load_store(result.trig), load_store(result.trig, union_view=False)
    assert is_union_view(view) and not is_union_view(copied)
    assert len(view) == union_size(view) == union_size(copied) == len(seen)
    for name in ("district_focus", "districts", "relations", "observations", "target_outcomes"):
        assert run_query(view, named_queries()[name]) == run_query(copied, named_queries()[name]), name
    # a corpus written before foci and targets were shared (one report graph states them too): the union is copied
    stale = tmp_path / "stale.trig"
    focus = next(q for q in store if q.predicate.value.endswith("#focusesOn"))
    stale_quads = [*store, ox.Quad(focus.subject, focus.predicate, focus.object, ox.NamedNode(DATA_IRI + "tianjin-2023"))]
    stale.write_bytes(ox.serialize(stale_quads, format=ox.RdfFormat.TRIG))
    assert not is_union_view(load_store(stale)) and union_size(load_store(stale)) == len(seen)
    # a build folder's per-report Turtle repeats what reports share: its union is copied, each triple once
    folder_store = load_store(tmp_path / "out")
    assert not is_union_view(folder_store)
    assert run_query(folder_store, named_queries()["district_focus"])[1] == run_query(view, named_queries()["district_focus"])[1]


def test_a_query_scoped_to_reports_of_a_corpus_answers_as_their_own_turtle_does(built):
    # every cookbook query, scoped to some reports of the corpus TriG or of the build folder (their graphs with the
    # shared names, kinds and codes), gives the rows their own Turtle files give, loaded on their own
    corpus, folder = load_store(built.trig), load_store(built.out_dir)
    for patterns, files in ((["tianjin-2023"], ["tianjin-2023"]), (["beijing-2024"], ["beijing-2024"]),
                            (["tianjin-*"], ["tianjin-2023", "tianjin-2024"])):
        own = load_store([built.out_dir / f"{rid}.ttl" for rid in files])
        # of a build folder, only the reports named are read; of the corpus TriG, their blocks (the build's index)
        only = load_store(built.out_dir, reports=patterns)
        assert sorted(g.value for g in only.named_graphs()) == [DATA_IRI + rid for rid in files]
        blocks = load_store(built.trig, reports=patterns)
        assert report_graphs(corpus, patterns) == report_graphs(blocks, patterns) == \
            [DATA_IRI + g for g in (*files, "shared", "targets")]
        assert sorted(g.value for g in blocks.named_graphs()) == sorted(report_graphs(blocks, patterns))
        assert report_graphs(folder, patterns) == report_graphs(only, patterns) == [DATA_IRI + rid for rid in files]
        for name, sparql in sorted(named_queries().items()):
            want = execute(own, sparql)
            for store in (corpus, folder, only, blocks):
                got = execute(store, sparql, report_graphs(store, patterns))
                if name != "target_outcomes":  # judged in the corpus only (below)
                    assert (got.columns, got.rows) == (want.columns, want.rows), (patterns, name)
    scoped = execute(corpus, named_queries()["observations"], report_graphs(corpus, ["tianjin-2024"])).rows
    assert scoped and {r["observation"].split("/")[-3] for r in scoped} == {"tianjin-2024"}
    # of the corpus TriG: the outcomes of the targets the reports set, judged against the corpus's later reports
    # (whose results the rows quote when those reports are queried too)
    outcomes = run_query(corpus, named_queries()["target_outcomes"])[1]
    for pattern, city in (("tianjin-*", "天津市"), ("beijing-2024", "北京市")):
        scoped = execute(corpus, named_queries()["target_outcomes"], report_graphs(corpus, [pattern])).rows
        assert scoped == [r for r in outcomes if r["city"] == city]
        blocks = load_store(built.trig, reports=[pattern])
        assert execute(blocks, named_queries()["target_outcomes"], report_graphs(blocks, [pattern])).rows == scoped
    assert scoped != outcomes


def test_a_corpus_trig_changed_since_its_build_is_read_whole_for_a_scoped_query(built):
    whole = len(load_store(built.trig))
    assert len(load_store(built.trig, reports=["tianjin-2023"])) < whole  # the build's block index is used
    data = built.trig.read_bytes()
    built.trig.write_bytes(data.replace(b"}\n", b"}\n\n", 1))  # edited by hand: the recorded offsets are stale
    assert len(load_store(built.trig, reports=["tianjin-2023"])) == whole
    (built.out_dir / ".govkg" / "corpus.trig.blocks.json").unlink()  # no index (a corpus copied elsewhere)
    assert len(load_store(built.trig, reports=["tianjin-2023"])) == whole


def test_cli_query_scoped_to_reports_and_an_unknown_report_is_a_one_line_error(built):
    def query(graph, *args):
        return CliRunner().invoke(main, ["query", "observations", "--graph", str(graph), "--format", "json", *args])

    for graph in (built.trig, built.out_dir):
        rows = json.loads(query(graph, "--report", "tianjin-*").output)
        assert {r["observation"].split("/")[-3] for r in rows} == {"tianjin-2023", "tianjin-2024"}
        assert len(rows) < len(json.loads(query(graph).output))
    for graph, where in ((built.trig, "these graphs"), (built.out_dir, "these folders")):
        result = query(graph, "--report", "tianjin-2099")
        assert result.exit_code == 1
        assert result.output.strip().splitlines() == [
            f"govkg: error: no report 'tianjin-2099' in {where} (they hold 3: beijing-2024, tianjin-2023, tianjin-2024)"]


def test_a_build_folder_is_loaded_by_oxigraph_with_the_graphs_named_as_exports_name_them(built, tmp_path):
    from govkg.exporters.rdf_formats import load_quads

    store = load_store(built.out_dir)
    parsed = load_quads([built.out_dir])
    assert sorted(g.value for g in store.named_graphs()) == sorted({q.graph_name.value for q in parsed})
    assert DATA_IRI + "tianjin-2023" in {g.value for g in store.named_graphs()}  # a report: its node's IRI
    assert (built.out_dir / "corpus-targets.ttl").resolve().as_uri() in {g.value for g in store.named_graphs()}
    assert union_size(store) == len({q.triple for q in union_store(built.trig)})  # the same union as the TriG
    # a report's graph given twice (a copy under another name) is an error, not a silent merge
    copy = tmp_path / "copy.ttl"
    copy.write_bytes((built.out_dir / "tianjin-2023.ttl").read_bytes())
    with pytest.raises(GovkgError, match="graph https://w3id.org/govkg/id/tianjin-2023 is also in"):
        load_store([built.out_dir / "tianjin-2023.ttl", copy])


def test_same_inputs_give_identical_bytes(reports, tmp_path):
    paths = sorted(reports.glob("*.txt"))
    a = build_corpus(paths, tmp_path / "a", html=False)
    b = build_corpus(list(reversed(paths)), tmp_path / "b", html=False, workers=2)
    for name in ("corpus.trig", "corpus-targets.ttl", "corpus-targets.html", "tianjin-2023.ttl"):
        assert (a.out_dir / name).read_bytes() == (b.out_dir / name).read_bytes(), name


def test_an_unchanged_rebuild_rewrites_no_dataset(reports, built):
    stamps = {built.trig: built.trig.stat().st_mtime_ns}
    before = built.trig.read_bytes()
    again = build_corpus(sorted(reports.glob("*.txt")), built.out_dir, html=False)
    assert again.quads == built.quads and [o.status for o in again.reports] == ["unchanged"] * 3
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps
    # one report changed: the datasets are written again, with it
    changed = reports / "beijing-2024.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("5%", "6%"), encoding="utf-8")
    third = build_corpus(sorted(reports.glob("*.txt")), built.out_dir, html=False)
    assert [o.status for o in third.reports] == ["built", "unchanged", "unchanged"]
    assert built.trig.read_bytes() != before and b"\xe5\xa2\x9e\xe9\x95\xbf6%" in built.trig.read_bytes()  # 增长6%


def test_cli_corpus_build_writes_heavy_views_only_when_asked(reports, tmp_path):
    from click.testing import CliRunner

    from govkg.cli import main

    plain = CliRunner().invoke(main, ["build", str(reports), "--out", str(tmp_path / "a")])
    assert plain.exit_code == 0, plain.output
    assert not list((tmp_path / "a").glob("tianjin-2023.html")) and not (tmp_path / "a" / "tianjin-2023-views").exists()
    index = (tmp_path / "a" / "corpus-index.html").read_text(encoding="utf-8")
    for rid in ("tianjin-2023", "tianjin-2024", "beijing-2024"):  # every report's page, linked from the index
        assert (tmp_path / "a" / f"{rid}-report.html").is_file() and f'href="{rid}-report.html"' in index
    asked = CliRunner().invoke(main, ["build", str(reports), "--out", str(tmp_path / "b"), "--html"])
    assert asked.exit_code == 0, asked.output
    assert (tmp_path / "b" / "tianjin-2023.html").is_file() and (tmp_path / "b" / "tianjin-2023-views").is_dir()


def test_unchanged_reports_are_skipped_on_a_rebuild(reports, built):
    paths = sorted(reports.glob("*.txt"))
    before = built.trig.read_bytes()
    again = build_corpus(paths, built.out_dir, html=False)
    assert [o.status for o in again.reports] == ["unchanged"] * 3
    assert again.trig.read_bytes() == before
    (reports / "beijing-2024.txt").write_text(BJ_2024.replace("5.2%", "5.3%"), encoding="utf-8")
    third = build_corpus(paths, built.out_dir, html=False)
    assert {o.report_id: o.status for o in third.reports} == \
        {"beijing-2024": "built", "tianjin-2023": "unchanged", "tianjin-2024": "unchanged"}
    assert third.trig.read_bytes() != before
    # an output deleted by hand is rebuilt
    (built.out_dir / "tianjin-2023.ttl").unlink()
    fourth = build_corpus(paths, built.out_dir, html=False)
    assert {o.report_id: o.status for o in fourth.reports}["tianjin-2023"] == "built"
    assert (built.out_dir / "tianjin-2023.ttl").exists()


def test_a_failing_report_is_reported_and_the_others_written(reports, tmp_path):
    (reports / "broken.txt").write_bytes(b"\x00\x01binary")
    (reports / "nocity.txt").write_text("只有一句话。", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(reports), "--out", str(tmp_path / "out"), "--no-html"])
    assert result.exit_code == 1
    assert "broken.txt" in result.output and "nocity.txt" in result.output and "2 of 5 reports failed" in result.output
    store = union_store(tmp_path / "out" / "corpus.trig")
    assert len(list(store.named_graphs())) == 5  # three reports, the shared graph and the targets graph
    assert (tmp_path / "out" / "tianjin-2024.ttl").exists()


def test_cli_corpus_build_with_workers_and_globs(reports, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(reports / "tianjin-*.txt"), "--out", str(out), "--workers", "2",
                                       "--corpus", "tj", "--no-html"])
    assert result.exit_code == 0, result.output
    assert "2 reports" in result.output and "met 2, missed 2, not_reported 1" in result.output
    assert (out / "tj.trig").exists() and (out / "tj-targets.html").exists()
    rows = json.loads(CliRunner().invoke(main, ["query", "target_outcomes", "--graph", str(out / "tj-targets.ttl"),
                                                "--format", "json"]).output)
    assert {(r["indicator"], r["scope"]): (r["outcome"], r["target_value"], r["result_value"]) for r in rows} == \
        EXPECTED_OUTCOMES


def test_a_large_corpus_build_sums_its_reports_up_by_level_instead_of_a_row_each(reports, tmp_path, monkeypatch):
    from govkg import cli

    monkeypatch.setattr(cli, "REPORT_ROWS", 2)  # three reports count as many
    result = CliRunner().invoke(main, ["build", str(reports), "--out", str(tmp_path / "out"), "--no-html"])
    assert result.exit_code == 0, result.output
    assert "3 reports by level" in result.output and "tianjin-2023" not in result.output
    row = next(line for line in result.output.splitlines() if "municipality" in line).split("│")
    assert [cell.strip() for cell in row[1:5]] == ["municipality", "3", "2", "2023–2024"]
    assert "built 3, unchanged 0, failed 0" in result.output


def test_glob_matching_nothing_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nothing-*.txt"), "--out", str(tmp_path)])
    assert result.exit_code == 1 and "no report files match" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_target_outcomes_on_the_union_of_the_corpus_graphs(built):
    store = union_store(built.trig)
    result = store.query(named_queries()["target_outcomes"], use_default_graph_as_union=True)
    columns = [v.value for v in result.variables]
    assert columns[:12] == ["indicator", "concept", "scope", "year", "target_value", "result_value", "outcome", "rule",
                            "target_report", "result_report", "target_start", "result_start"]
    rows = [{c: (None if s[c] is None else s[c].value) for c in columns} for s in result]
    got = {(r["indicator"], r["scope"]): (r["outcome"], float(r["target_value"]),
                                          None if r["result_value"] is None else float(r["result_value"]))
           for r in rows}
    assert got == EXPECTED_OUTCOMES  # beijing-2024 has no 2023 report in the corpus: nothing assessed
    years = {r["year"] for r in rows}
    assert years == {"2023"}
    quote = next(r for r in rows if r["indicator"] == "地区生产总值")
    assert TJ_2023[int(quote["target_start"]):].startswith("地区生产总值增长4%左右")
    assert TJ_2024[int(quote["result_start"]):].startswith("全市地区生产总值增长4.3%")


def test_targets_html_view_is_offline_and_shows_outcomes(built):
    page = built.targets_html.read_text(encoding="utf-8")
    assert "完成" in page and "未报告" in page and "地区生产总值增长4%左右" in page
    assert "http://" not in page.replace("http://www.w3.org", "") and "<script" not in page


def test_corpus_union_passes_the_shapes(built):
    store = union_store(built.trig)
    triples = ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in store), format=ox.RdfFormat.N_TRIPLES)
    union = Graph().parse(data=triples.decode("utf-8"), format="nt")
    conforms, report = validate_graph(union)
    assert conforms, report[:2000]


@pytest.mark.parametrize("target, qualifier, measure, result, outcome", [
    (5.0, None, "growth_rate", 5.0, "met"), (5.0, None, "growth_rate", 4.99, "missed"),
    (5.0, "左右", "growth_rate", 4.8, "met"), (5.0, "以上", "growth_rate", 4.9, "missed"),
    (5.5, "以内", "share", 5.6, "missed"), (-10.0, None, "growth_rate", -12.0, "met"),
    (3.0, None, "rank", 2.0, "met"), (3.0, None, "rank", 4.0, "missed"),
])
def test_outcome_rules(target, qualifier, measure, result, outcome):
    assert judge({"value": target, "qualifier": qualifier, "measure": measure}, {"value": result}) == outcome


def test_extraction_is_a_pure_function_of_the_text():
    a = report_nquads(TJ_2023, "tianjin-2023", "tianjin-2023.txt")
    b = report_nquads(TJ_2023, "tianjin-2023", "tianjin-2023.txt")
    assert a == b and a.count(b"\n") > 100
    assert all(line.endswith(f"<{DATA_IRI}tianjin-2023> .".encode()) for line in a.splitlines())


def test_extraction_runs_under_dask_local_cluster():
    distributed = pytest.importorskip("distributed")
    texts = [(TJ_2023, "tianjin-2023"), (TJ_2024, "tianjin-2024"), (BJ_2024, "beijing-2024")]
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster) as client:
        futures = client.map(report_nquads, [t for t, _ in texts], [r for _, r in texts],
                             [r + ".txt" for _, r in texts])
        remote = client.gather(futures)
    local = [report_nquads(t, r, r + ".txt") for t, r in texts]
    assert remote == local
    store = ox.Store()
    store.load(b"".join(remote), format=ox.RdfFormat.N_QUADS)  # the corpus, as any SPARQL 1.1 store would bulk-load it
    assert len(list(store.named_graphs())) == 3
    _, rows = run_query(store, "PREFIX gk: <https://w3id.org/govkg/ontology#> SELECT (COUNT(DISTINCT ?r) AS ?n) "
                               "WHERE { GRAPH ?g { ?r a gk:Report } }")
    assert rows == [{"n": 3}]


def test_the_corpus_index_links_every_report_and_the_targets_page(built):
    page = built.index_html.read_text(encoding="utf-8")
    for o in built.ok:
        assert f'href=\'{o.report_id}.ttl\'' in page
    assert 'href="corpus-targets.html"' in page and "<script" not in page


def test_validate_on_a_corpus_folder_checks_every_report_and_names_the_derived_graph(built):
    result = CliRunner().invoke(main, ["validate", str(built.out_dir)])
    assert result.exit_code == 0, result.output
    assert result.output.count("conforms to the govkg shapes") == 3
    assert "corpus-targets.ttl: derived from the report graphs" in result.output
    alone = CliRunner().invoke(main, ["validate", str(built.out_dir / "corpus-targets.ttl")])
    assert alone.exit_code == 1 and "no report graph among the inputs" in alone.output


def test_a_vocabulary_change_rebuilds_every_report(tmp_path, monkeypatch):
    """The fingerprint that decides a rebuild covers the word lists in data/, not only the code."""
    import shutil
    from importlib import resources

    import govkg.corpus as corpus

    package = tmp_path / "govkg"
    shutil.copytree(str(resources.files("govkg")), package)
    real_files = resources.files
    monkeypatch.setattr(corpus.resources, "files",
                        lambda name: package / "ontology" if name == "govkg.ontology" else
                        package if name == "govkg" else real_files(name))
    corpus.code_fingerprint.cache_clear()
    before = corpus.code_fingerprint()
    heads = package / "data" / "project_heads.txt"
    heads.write_text(heads.read_text(encoding="utf-8") + "新词\n", encoding="utf-8")
    corpus.code_fingerprint.cache_clear()
    after = corpus.code_fingerprint()
    corpus.code_fingerprint.cache_clear()
    assert before != after
