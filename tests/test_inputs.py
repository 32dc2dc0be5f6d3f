"""Reports found in the wild: encodings, BOM, CRLF, HTML pages, text copied from PDF, full-width digits.

Each kind of input gives the same facts as the clean report; offsets point into the text as read (normalised
only where the input needed it); what cannot be read is a one-line error naming the file.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.build import BUNDLED_REPORT, build_report
from govkg.cli import main
from govkg.pipeline import read_document, run_pipeline
from govkg.reader import looks_like_html, looks_like_pdf_copy, normalise_text, read_report

CLEAN = ("──2023年1月11日在天津市第十八届人民代表大会第一次会议上\n"
         "天津市市长 张工\n"
         "一、2022年工作回顾\n"
         "全市地区生产总值增长3%，城镇新增就业38万人，河西区固定资产投资增长12.5%，一般公共预算收入增长5%。\n"
         "二、2023年工作安排\n"
         "地区生产总值增长4%左右，城镇调查失业率5.5%以内，河西区要聚焦金融服务、总部经济等产业。\n")


def facts(text: str):
    doc = read_document(text, "t")
    return [(o.indicator, o.scope, o.quantity.value_norm, o.status, text[o.start:o.end])
            for o in run_pipeline(doc).observations]


def read_bytes_as_report(tmp_path: Path, data: bytes, name: str = "r.txt"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_report(path)


def test_the_bundled_report_is_read_unchanged():
    read = read_report(BUNDLED_REPORT)
    assert read.text == BUNDLED_REPORT.read_text(encoding="utf-8")
    assert read.normalisations == []


def test_a_clean_report_is_read_unchanged(tmp_path):
    read = read_bytes_as_report(tmp_path, CLEAN.encode("utf-8"))
    assert read.text == CLEAN and read.normalisations == []


@pytest.mark.parametrize("encode, steps", [
    (lambda t: t.encode("gb18030"), []),
    (lambda t: t.encode("gbk"), []),
    (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), ["bom"]),
    (lambda t: t.replace("\n", "\r\n").encode("utf-8"), ["crlf"]),
    (lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"), ["bom", "crlf"]),
    (lambda t: t.replace("\n", "\r\n").encode("gb18030"), ["crlf"]),
    (lambda t: t.replace("\n", "\r\n").encode("utf-16"), ["utf-16", "crlf"]),  # Notepad's "Unicode", with its BOM
    (lambda t: t.encode("utf-16-le"), ["utf-16"]),  # and without one
    (lambda t: t.encode("utf-16-be"), ["utf-16"]),
])
def test_encodings_bom_and_crlf_give_the_clean_text(tmp_path, encode, steps):
    read = read_bytes_as_report(tmp_path, encode(CLEAN))
    assert read.text == CLEAN
    assert read.normalisations == steps


def html_page(text: str) -> str:
    body = "".join(f"<p style=\"text-indent:2em\">{line.replace('&', '&amp;')}</p>\n" for line in text.splitlines())
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>政府工作报告</title>"
            "<script>var x = '一、不是章节';</script><style>p{margin:0}</style></head>\n"
            f"<body><div class=\"article\">\n{body}</div></body></html>\n")


def test_utf16_without_a_byte_order_mark_is_read_though_its_ascii_is_rare(tmp_path):
    text = "一、2024年工作回顾\n" + "全市经济运行稳中向好，民生保障持续加强，" * 40 + "地区生产总值增长5%。\n"
    for codec in ("utf-16-le", "utf-16-be"):
        assert read_bytes_as_report(tmp_path, text.encode(codec)).text == text


def test_html_page_becomes_its_text(tmp_path):
    read = read_bytes_as_report(tmp_path, html_page(CLEAN).encode("utf-8"), "r.html.txt")
    assert "html" in read.normalisations
    assert read.text == CLEAN
    assert facts(read.text) == facts(CLEAN)


def site_page(article: str, title: str = "2023年某市政府工作报告") -> str:
    """A report as a government website serves it: navigation, a breadcrumb, the title, the article, related links
    and a footer, the chrome holding numbers, a district and a sentence of its own."""
    body = "".join(f"<p>{line}" for line in article.splitlines())  # paragraphs left open, as many sites write them
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>门户网站</title></head><body>"
            "<div class='nav'><a>首页</a> <a>政务公开</a> <a>政务服务</a></div><div>当前位置：首页 &gt; 政务公开</div>"
            "<div class='search'>热词：12345热线 营商环境</div>"
            f"<h1>{title}</h1><div class='info'>发布时间：2023-01-18 来源：某市日报 浏览次数：12862</div>"
            f"<div class='content'><div class='article'>{body}</div></div>"
            "<div class='related'>相关链接：<a>2022年统计公报：全市地区生产总值增长5.2%，城镇新增就业40万人。</a></div>"
            "<div class='footer'>主办：某市人民政府办公厅 ICP备05060933号 网站标识码1100000088 地址：河东区大直沽路1号"
            "</div></body></html>")


def test_a_report_on_a_website_page_is_read_without_the_site_around_it(tmp_path):
    """The report is the innermost element holding most of the page's Chinese text, after the heading before it:
    the navigation, related links and footer add no facts (a growth rate, a district, a hot word)."""
    article = CLEAN * 4  # a page's report is long next to its chrome
    read = read_bytes_as_report(tmp_path, site_page(article).encode("utf-8"), "r.html")
    assert read.text == "2023年某市政府工作报告\n" + article
    assert facts(read.text) == facts("2023年某市政府工作报告\n" + article)
    titled = site_page("2023年某市政府工作报告\n" + article)  # the article opening with the heading: read once
    assert read_bytes_as_report(tmp_path, titled.encode("utf-8"), "t.html").text == read.text


def test_an_article_set_in_sibling_blocks_is_read_whole_and_a_sidebar_headline_is_not_read():
    part = "".join(f"<p>{line}</p>" for line in CLEAN.splitlines())
    page = ("<html><body><div class='nav'><a>首页</a><a>政务公开</a></div><h3>一季度甲乙增长5.2%</h3>"
            f"<div class='article'><div class='part'>{part * 4}</div><div class='annex'><p>附件</p>"
            "<p>名词解释：甲乙是丙丁的简称，用于统计全市经济运行情况。</p></div></div>"
            "<div class='footer'>主办：某市人民政府办公厅</div></body></html>")
    text = normalise_text(page)[0]
    assert text.startswith(CLEAN) and text.endswith("附件\n名词解释：甲乙是丙丁的简称，用于统计全市经济运行情况。\n")
    assert "一季度" not in text and "主办" not in text


def test_a_page_whose_text_is_spread_over_its_blocks_is_read_whole():
    page = "<html><body>" + "".join(f"<div>{line}</div>" for line in CLEAN.splitlines()) + "</body></html>"
    assert normalise_text(page)[0] == CLEAN


def test_html_entities_and_br(tmp_path):
    page = "<html><body>一、2022年工作回顾<br/>全市地区生产总值增长3&#37;，&ldquo;津城&rdquo;稳定。<br>" \
           "二、2023年工作安排<br>地区生产总值增长4%左右。</body></html>"
    text, steps = normalise_text(page)
    assert steps == ["html"]
    assert text == "一、2022年工作回顾\n全市地区生产总值增长3%，“津城”稳定。\n二、2023年工作安排\n地区生产总值增长4%左右。\n"


def pdf_copy(text: str, width: int = 24) -> str:
    """The text as copied from a PDF: lines wrapped at `width` characters, a page number every 5 lines."""
    out, n = [], 0
    for line in text.splitlines():
        while line:
            out.append(line[:width])
            line = line[width:]
            n += 1
            if n % 5 == 0:
                out.append(f"- {n // 5} -")
    return "\n".join(out) + "\n"


def test_text_copied_from_pdf_is_repaired(tmp_path):
    copied = pdf_copy(CLEAN)
    assert looks_like_pdf_copy(copied)
    read = read_bytes_as_report(tmp_path, copied.encode("utf-8"))
    assert read.normalisations == ["pdf"]
    assert facts(read.text) == facts(CLEAN)
    assert "- 1 -" not in read.text


def test_pdf_page_numbers_in_other_forms():
    copied = ("一、2022年工作回顾\n全市地区生产总值增长3%，城镇新增就业\n第 2 页 共 9 页\n38万人，就业形势保持稳定。\n"
              "二、2023年工作安排\n地区生产总值增长4%左右，城镇调查\n3/9\n失业率5.5%以内。\n")
    text, steps = normalise_text(copied)
    assert steps == ["pdf"]
    assert text == ("一、2022年工作回顾\n全市地区生产总值增长3%，城镇新增就业38万人，就业形势保持稳定。\n"
                    "二、2023年工作安排\n地区生产总值增长4%左右，城镇调查失业率5.5%以内。\n")


def test_pdf_copy_in_html_with_crlf_and_gbk(tmp_path):
    data = html_page(pdf_copy(CLEAN)).replace("\n", "\r\n").encode("gbk")
    read = read_bytes_as_report(tmp_path, data)
    assert read.normalisations == ["crlf", "html", "pdf"]
    assert facts(read.text) == facts(CLEAN)


def test_full_width_digits_need_no_repair_and_offsets_hold(tmp_path):
    wide = CLEAN.translate(str.maketrans("0123456789.%", "０１２３４５６７８９．％"))
    read = read_bytes_as_report(tmp_path, wide.encode("utf-8"))
    assert read.text == wide and read.normalisations == []
    got = facts(wide)
    assert [(i, s, v, st) for i, s, v, st, _ in got] == [(i, s, v, st) for i, s, v, st, _ in facts(CLEAN)]
    assert all(any(c in quote for c in "０１２３４５６７８９") for *_, quote in got)
    assert read_document(wide, "t").meta.year == 2023


def test_clean_texts_are_not_mistaken_for_html_or_pdf():
    assert not looks_like_html(CLEAN) and not looks_like_pdf_copy(CLEAN)
    text = BUNDLED_REPORT.read_text(encoding="utf-8")
    assert not looks_like_html(text) and not looks_like_pdf_copy(text)


def test_offsets_point_into_the_normalised_text(tmp_path):
    path = tmp_path / "tianjin-crlf.txt"
    path.write_bytes(pdf_copy(CLEAN).replace("\n", "\r\n").encode("gb18030"))
    result = build_report(path, tmp_path / "out", html=False)
    assert result.normalisations == ["crlf", "pdf"]
    text, graph = read_report(path).text, result.graph.to_rdflib()
    from govkg.ontology.namespace import GK
    spans = list(graph.subjects(GK.startOffset, None))
    assert spans
    for span in spans:
        quote = graph.value(span, GK.text)
        if quote is not None:
            start, end = int(graph.value(span, GK.startOffset)), int(graph.value(span, GK.endOffset))
            assert text[start:end] == str(quote)


@pytest.mark.parametrize("data, problem", [
    (b"   \n\r\n", "empty"),
    (b"\x00\x00\x00", "binary"),
    ("ÿ".encode("latin-1") * 50, "not UTF-8"),
    (b"\x1b\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f" * 10, "binary"),
    (b"<html><body><script>x</script></body></html>", "no text"),
    (bytes(b for k in range(3000) for b in (k % 251, 0)), "binary"),  # 16-bit samples, high bytes zero: no UTF-16
])
def test_unreadable_inputs_are_one_line_errors(tmp_path, data, problem):
    path = tmp_path / "bad input.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert "bad input.txt" in result.output and problem in result.output
