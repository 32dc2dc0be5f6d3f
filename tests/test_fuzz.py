"""Fuzzing the whole pipeline: random and mutated reports never crash it.

Every input either builds (read → document → extractors → RDF → Turtle that parses again, offsets inside the
text) or fails with a one-line GovkgError naming the file.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pyoxigraph as ox
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govkg.build import extract_report
from govkg.errors import GovkgError
from govkg.exporters.turtle import turtle_bytes
from govkg.reader import decode_report
from govkg.ontology.namespace import GK

FUZZ = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SEED = ("──2023年1月11日在天津市第十八届人民代表大会第一次会议上\n天津市市长 张工\n"
        "一、2022年工作回顾\n（一）经济稳定。全市地区生产总值增长3%，城镇新增就业38万人。河西区要聚焦金融服务、总部经济等产业。\n"
        "五年来，累计引进各类人才44.9万人。滨海新区加快建设天津港。\n"
        "二、2023年工作安排\n（一）聚焦创新，着力发展\n完善创新体系。加快建设滨海—中关村科技园。地区生产总值增长4%左右，"
        "PM2.5年均浓度下降10%，实施制造业高质量发展行动，开工建设地铁11号线。\n")
PIECES = ["一、", "二、2023年工作安排\n", "（一）", "一是", "增长", "%", "％", "万亿元", "亿元", "个百分点", "左右", "以上",
          "以内", "河西区", "滨海新区", "天津市", "项目", "建成", "开工", "行动", "。", "，", "\n", "\r\n", "２０２３",
          "1.5", "三", "第", "位", "<p>", "</p>", "<html>", "- 3 -", "\ufeff", "“", "”", "（", "）", "、", " ", "\u3000"]


@st.composite
def mutated_reports(draw) -> str:
    text = SEED
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        op = draw(st.sampled_from(["insert", "delete", "duplicate", "replace", "swap_lines"]))
        i = draw(st.integers(min_value=0, max_value=len(text)))
        j = draw(st.integers(min_value=i, max_value=min(len(text), i + 40)))
        if op == "insert":
            text = text[:i] + draw(st.one_of(st.sampled_from(PIECES), st.text(max_size=6))) + text[i:]
        elif op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "replace":
            text = text[:i] + draw(st.sampled_from(PIECES)) + text[j:]
        else:
            lines = text.split("\n")
            a, b = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
    return text


def run_whole_pipeline(data: bytes) -> None:
    path = Path(tempfile.gettempdir()) / "fuzz-report.txt"
    try:
        read = decode_report(path, data)
        doc, extraction, triples = extract_report(read.text, "fuzz", path.name, label=str(path))
    except GovkgError as e:
        message = str(e)
        assert "\n" not in message and str(path) in message
        return
    text, g = doc.text, triples.to_rdflib()
    for span in g.subjects(GK.startOffset, None):
        start, end = int(g.value(span, GK.startOffset)), int(g.value(span, GK.endOffset))
        assert 0 <= start <= end <= len(text)
        quote = g.value(span, GK.text)
        if quote is not None:
            assert str(quote) == text[start:end]
    data = turtle_bytes(triples)
    store = ox.Store()
    store.load(data, format=ox.RdfFormat.TURTLE)
    assert len(store) == len(g)


@FUZZ
@given(mutated_reports())
def test_mutated_reports_never_crash(text):
    run_whole_pipeline(text.encode("utf-8"))


@FUZZ
@given(mutated_reports(), st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_mutated_reports_in_other_encodings_never_crash(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    run_whole_pipeline(data)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(data):
    run_whole_pipeline(data)


@FUZZ
@given(st.lists(st.sampled_from(PIECES + list("零一二三四五六七八九十百千万0123456789.。，；：")), max_size=60)
       .map(lambda body: "──2023年1月11日在天津市第十八届人民代表大会第一次会议上\n一、2022年工作回顾\n" + "".join(body)))
def test_random_report_bodies_never_crash(text):
    run_whole_pipeline(text.encode("utf-8"))
