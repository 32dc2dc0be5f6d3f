"""Property-based tests (hypothesis): the number and unit parser, and escaping of labels and IRIs in Turtle."""
from __future__ import annotations

import math
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from govkg.build import report_id
from govkg.builder import GraphBuilder, gk
from govkg.triples import TripleSet, literal
from govkg.document import parse_document
from govkg.exporters.turtle import turtle_bytes
from govkg.quantity import BASE_UNITS, MULTIPLIERS, parse_number, parse_quantity, split_unit
from govkg.ontology.namespace import GK

SETTINGS = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
DIGITS = "零一二三四五六七八九"
FULL = str.maketrans("0123456789.,", "０１２３４５６７８９．，")


def chinese(n: int) -> str:
    """1..9999 as written in Chinese (一千零五十, 十五, 二百)."""
    if n < 10:
        return DIGITS[n]
    out, zero = "", False
    for power, word in ((1000, "千"), (100, "百"), (10, "十")):
        d = n // power % 10
        if d:
            if zero:
                out += "零"
            out += ("" if (power == 10 and d == 1 and n < 20) else DIGITS[d]) + word
            zero = False
        elif out:
            zero = True
    if n % 10:
        out += ("零" if zero else "") + DIGITS[n % 10]
    return out


@SETTINGS
@given(st.integers(min_value=0, max_value=10**12))
def test_integers_round_trip(n):
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n).translate(FULL)) == n


@SETTINGS
@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=9999))
def test_decimals_round_trip_in_half_and_full_width(whole, frac):
    written = f"{whole}.{frac}"
    assert parse_number(written) == float(written)
    assert parse_number(written.translate(FULL)) == float(written)


@SETTINGS
@given(st.integers(min_value=1, max_value=9999))
def test_chinese_numerals(n):
    assert parse_number(chinese(n)) == n


@SETTINGS
@given(st.sampled_from(sorted(BASE_UNITS)), st.sampled_from([""] + sorted(MULTIPLIERS)),
       st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False))
def test_units_normalize_by_their_multiplier(base, prefix, number):
    unit = prefix + base
    if split_unit(unit) != (MULTIPLIERS.get(prefix, 1.0), base):
        assume(False)  # the prefix is part of a longer unit word (千瓦 → 千 + 瓦?): covered elsewhere
    q = parse_quantity(str(number), unit)
    assert q.unit == unit and q.value == float(number)
    assert q.unit_norm == BASE_UNITS[base][0]
    expected = float(number) * MULTIPLIERS.get(prefix, 1.0) * BASE_UNITS[base][1]
    assert math.isclose(q.value_norm, expected, rel_tol=1e-11, abs_tol=1e-9)


@SETTINGS
@given(st.text(max_size=12))
def test_parse_number_only_ever_raises_value_error(text):
    try:
        value = parse_number(text)
    except ValueError:
        return
    assert isinstance(value, float) and value >= 0


@SETTINGS
@given(st.text(max_size=8), st.text(max_size=8))
def test_parse_quantity_only_ever_raises_value_error(number, unit):
    try:
        q = parse_quantity(number, unit)
    except ValueError:
        return
    assert q.unit_norm in {v[0] for v in BASE_UNITS.values()}


# --- escaping --------------------------------------------------------------------------------------------

LABELS = st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40)


def graph_with(label: str, rid: str) -> TripleSet:
    doc = parse_document("一、回顾\n" + label + "\n", rid)
    b = GraphBuilder(doc, source=label)
    b.area(label)
    b.add(b.report, gk.sourceFile, literal(label))
    b.add(b.iri("sentence", "0"), gk.text, literal(label))
    b.indicator(label)
    b.project(label)
    return b.g


@SETTINGS
@given(LABELS, st.text(min_size=1, max_size=20))
def test_any_label_and_file_name_round_trip_through_rdflib_and_oxigraph(label, file_stem):
    rid = report_id(Path(file_stem.replace("/", "_").replace("\x00", "") + ".txt"))
    g = graph_with(label, rid)
    data = turtle_bytes(g)
    again = Graph().parse(data=data.decode("utf-8"), format="turtle")
    assert set(again) == set(g.to_rdflib())
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.TURTLE)
    assert len(store) == len(g)
    values = {q.object.value for q in store.quads_for_pattern(None, ox.NamedNode(str(GK.sourceFile)), None)}
    assert values == {label}


@pytest.mark.parametrize("label", ['"""', "\\", "a\nb\r\nc", "\t\x0b\x0c", "<>{}|^`", "@zh", "'''", "\x00\x01\x7f",
                                   "\u2028\u2029", "\ufeff标签"])
def test_awkward_labels(label):
    test_any_label_and_file_name_round_trip_through_rdflib_and_oxigraph.hypothesis.inner_test(label, "tianjin-2023")
