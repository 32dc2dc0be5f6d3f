"""The triple set behind `govkg build`: each triple once, sorted output, the same whether it stayed in memory or
was spilled to disk in sorted runs (a huge report), and the split of a report's lines into its own and shared."""
from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib.namespace import RDF

from govkg.build import extract_report
from govkg.builder import own_and_shared
from govkg.exporters.turtle import PREFIXES, write_report_turtle
from govkg.ontology.namespace import DATA_IRI
from govkg.triples import TripleSet, iri, literal

REPORT = ("──2024年1月10日在天津市第十八届人民代表大会第二次会议上\n一、2023年工作回顾\n"
          "全市地区生产总值增长5%。河西区聚焦金融服务。\n二、2024年工作安排\n地区生产总值增长5%左右。开工建设地铁12号线。\n")


def random_triples(seed: int, n: int) -> list[tuple[str, str, str]]:
    """Triples on 31 subjects, one in five a type (of 3 classes), the others literals."""
    rng = random.Random(seed)
    return [(iri(f"http://x/s{rng.randint(0, 30)}"), iri(str(RDF.type)), iri(f"http://x/C{rng.randint(0, 2)}"))
            if rng.random() < 0.2 else
            (iri(f"http://x/s{rng.randint(0, 30)}"), iri(f"http://x/p{rng.randint(0, 3)}"),
             literal(rng.choice(["是", "a\"b", "行\n二", "x"]) + str(rng.randint(0, 9)), lang=rng.choice([None, "zh"])))
            for _ in range(n)]


@pytest.mark.parametrize("spill", [3, 50, 10_000])
def test_spilled_runs_give_the_same_sorted_lines_and_turtle_as_memory(spill):
    triples = random_triples(7, 400)
    kept, spilled = TripleSet(), TripleSet(spill_lines=spill)
    for t in triples:
        kept.add(*t)
        spilled.add(*t)
    assert list(spilled.lines()) == list(kept.lines()) == sorted(set(kept.lines()))
    assert len(spilled) == len(kept) == len({t for t in triples})
    assert spilled.turtle(PREFIXES) == kept.turtle(PREFIXES)
    assert spilled.type_counts() == kept.type_counts()
    typed = {(s, o) for s, p, o in triples if p == iri(str(RDF.type))}
    assert kept.type_counts() == Counter(o for _, o in typed) and sum(kept.type_counts().values()) > 20


@pytest.mark.parametrize("spill", [7, 10_000])
def test_lines_under_the_own_prefixes_are_own_and_the_rest_as_the_rule_says(spill):
    """Own prefixes are found by bisection in the sorted lines; a neighbouring id (tj-b next to tj) is not own."""
    rng = random.Random(3)
    subjects = ["http://d/tj", "http://d/tj/a", "http://d/tj/b/c", "http://d/tj-b/x", "http://d/tj0", "http://d/t",
                "http://d/division/1", "http://v/concept"]
    t = TripleSet(spill_lines=spill)
    for _ in range(300):
        t.add(iri(rng.choice(subjects)), iri(f"http://x/p{rng.randint(0, 2)}"), literal(str(rng.randint(0, 20))))

    def is_shared(line):
        return "/p0>" in line or not line.startswith("<http://d/")

    own, shared = t.split(is_shared, own_prefixes=("<http://d/tj/", "<http://d/tj>"))
    own = list(own)
    mine = [line for line in t.lines() if line.startswith(("<http://d/tj/", "<http://d/tj>"))]
    assert mine and set(mine) <= set(own)
    assert own == [line for line in t.lines() if line in mine or not is_shared(line)]
    assert shared == [line for line in t.lines() if line not in mine and is_shared(line)]
    assert any(line.startswith("<http://d/tj-b/x>") for line in shared)
    nested = t.split(is_shared, own_prefixes=("<http://d/tj/", "<http://d/tj/b/", "<http://d/tj>"))
    assert (list(nested[0]), nested[1]) == (own, shared)  # a prefix inside another's block: no line twice


def test_a_line_added_again_after_a_spill_is_kept_once():
    t = TripleSet(spill_lines=1)
    for _ in range(3):
        t.add(iri("http://x/s"), iri("http://x/p"), literal("一"))
    assert len(t) == 1 and t.ntriples().count(b"\n") == 1


def test_a_reports_own_lines_and_shared_lines_make_its_turtle(tmp_path):
    _, _, triples = extract_report(REPORT, "tj-2024", "tj.txt")
    own, shared = own_and_shared(triples, "tj-2024")
    own = list(own)
    assert own and shared and set(own) | set(shared) == set(triples.lines()) and not set(own) & set(shared)
    # nothing the report itself minted is shared; a district's label is
    assert not any(line.startswith(iri(DATA_IRI + "tj-2024/")[:-1]) for line in shared)
    assert any('"河西区"@zh' in line for line in shared)
    parts = write_report_turtle(triples, "tj-2024", tmp_path / "tj.ttl")
    store = ox.Store()
    store.load(path=str(parts.path), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(triples)
    body = ox.Store()  # the own statements stand alone inside a TriG graph block
    prefixes = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items()).encode()
    body.load(prefixes + b"<http://g> {\n" + b"".join(parts.own_statements(block=100)) + b"}\n", format=ox.RdfFormat.TRIG)
    assert len(body) == len(own)


def test_spill_files_are_removed_with_the_set():
    t = TripleSet(spill_lines=2)
    for i in range(10):
        t.add(iri(f"http://x/{i}"), iri("http://x/p"), literal("v"))
    folder = Path(t._folder.name)
    assert folder.is_dir() and list(folder.iterdir())
    del t
    assert not folder.exists()
