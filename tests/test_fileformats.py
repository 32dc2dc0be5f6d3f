"""Reports as published: Word (.docx) and PDF files are read for their text, their numbering and paragraphs kept,
and refused with a one-line error when they hold no text to read."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.build import BUNDLED_REPORT, build_report
from govkg.cli import main
from govkg.errors import GovkgError
from govkg.fileformats import detect_format
from govkg.reader import find_reports, read_report

REPORT = """2025年某市政府工作报告
一、2024年工作回顾
全市地区生产总值增长5.5%，一般公共预算收入增长3.2%，城镇新增就业12.6万人，居民人均可支配收入增长5.1%，粮食产量达到95亿斤，全年完成固定资产投资1200亿元。
（一）产业体系加快构建。新开工亿元以上项目120个，建成投产甲乙新材料产业园，高新技术企业达到2100家。
二、2025年工作安排
地区生产总值增长5%左右，城镇新增就业12万人以上，居民消费价格涨幅3%左右。
"""


@pytest.fixture
def write_file(tmp_path):
    """Write bytes to a file named `name` in a fresh folder; return its path."""
    def write(name: str, content: bytes) -> Path:
        (tmp_path / name).write_bytes(content)
        return tmp_path / name

    return write


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


# --- PDF ------------------------------------------------------------------------------------------------------

def render_pdf(text: str, *, indent: bool = True, per_page: int = 5, head: str | None = None,
               password: str | None = None, width: float = 300) -> bytes:
    """A PDF of `text` laid out as a word processor would: lines wrapped at `width` points (a Latin word or number
    kept whole), paragraphs opening indented by two characters (or not), `per_page` lines a page, a page number at
    the foot and a running head."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font, size = "STSong-Light", 12
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    rows = []
    for paragraph in paragraphs(text):
        first = True
        while paragraph:
            room = width - (2 * size if first and indent else 0)
            n = 1
            while n < len(paragraph) and pdfmetrics.stringWidth(paragraph[:n + 1], font, size) <= room:
                n += 1
            while 1 < n < len(paragraph) and (paragraph[n - 1] + paragraph[n]).isascii() and \
                    (paragraph[n - 1] + paragraph[n]).isalnum():
                n -= 1
            rows.append((first, paragraph[:n]))
            paragraph, first = paragraph[n:], False
    out = io.BytesIO()
    pdf = canvas.Canvas(out, encrypt=password)
    for page, start in enumerate(range(0, len(rows), per_page), 1):
        if head:
            pdf.setFont(font, 8)
            pdf.drawString(72, 800, head)
        pdf.setFont(font, size)
        for k, (first, row) in enumerate(rows[start:start + per_page]):
            pdf.drawString(72 + (2 * size if first and indent else 0), 760 - k * 18, row)
        pdf.setFont(font, 9)
        pdf.drawCentredString(200, 40, f"- {page} -")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_a_pdf_reads_as_the_text_it_was_set_from(write_file):
    """Lines broken inside sentences and across pages are joined, paragraphs kept apart, and the page numbers and
    the running head left out."""
    pdf = write_file("mou-2025.pdf", render_pdf(REPORT, head="某市人民政府公报"))
    read = read_report(pdf)
    assert paragraphs(read.text) == paragraphs(REPORT)
    assert read.normalisations[0] == "pdf→text" and read.encoding == "pdf"


def test_a_pdf_whose_paragraphs_do_not_open_indented_is_read_by_its_short_lines(write_file):
    text = "一、2024年工作回顾\n全市地区生产总值增长5.5%，城镇新增就业12.6万人，粮食产量达到95亿斤。\n二、2025年工作安排\n"
    assert paragraphs(read_report(write_file("r.pdf", render_pdf(text, indent=False))).text) == paragraphs(text)


def test_a_line_ending_early_before_a_long_number_does_not_end_its_paragraph(write_file):
    """A left-aligned line ends short when the number after it does not fit; where paragraphs open indented, only a
    sentence's end or a short line such as a heading ends one."""
    text = "一、工作回顾\n" + "甲" * 15 + "培养引进1000000000名人才，" + "甲乙丙丁戊己庚辛壬癸" * 4 + "。\n二、工作安排\n"
    read = read_report(write_file("r.pdf", render_pdf(text, per_page=30)))
    assert paragraphs(read.text) == paragraphs(text)


def test_the_bundled_report_set_as_a_pdf_builds_the_same_graph(write_file, tmp_path):
    text = BUNDLED_REPORT.read_text(encoding="utf-8")
    pdf = write_file("tianjin-2023.pdf", render_pdf(text, per_page=36, width=440, head="天津日报"))
    assert read_report(pdf).text == "".join(p + "\n" for p in paragraphs(text))
    built = build_report(pdf, tmp_path / "out", html=False, page=False)
    assert built.year == 2023 and built.region == "天津市" and sum(built.observations_by_status.values()) > 100


def test_a_pdf_without_a_text_layer_is_refused(write_file):
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    scan = canvas.Canvas(out)
    scan.rect(72, 72, 400, 600, fill=1)  # an image of a page: nothing to read
    scan.save()
    with pytest.raises(GovkgError, match=r"scan\.pdf: the PDF has no text layer \(a scan\?\)"):
        read_report(write_file("scan.pdf", out.getvalue()))


@pytest.mark.parametrize("content, message", [
    (render_pdf(REPORT, password="secret"), "it is encrypted"),
    (b"%PDF-1.7\n1 0 obj << >> endobj\n", "cannot read the PDF"),
])
def test_an_encrypted_or_broken_pdf_is_refused(write_file, content, message):
    with pytest.raises(GovkgError, match=message):
        read_report(write_file("r.pdf", content))


def pdf_of(pages: list[list[tuple]], size: float = 12, spacing: float = 0) -> bytes:
    """A PDF whose pages hold lines placed by hand: (x, y, text) each, characters `spacing` points further apart
    than the font sets them (a justified line)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    for page in pages:
        pdf.setFont("STSong-Light", size)
        for x, y, text in page:
            for ch in text:
                pdf.drawString(x, y, ch)
                x += pdfmetrics.stringWidth(ch, "STSong-Light", size) + spacing
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def body_lines(first: str, rest: list[str], y: float = 760) -> list[tuple]:
    """A paragraph's lines: the first indented two characters, the others at the margin (x = 72), 18 points apart."""
    return [(96, y, first)] + [(72, y - 18 * (i + 1), line) for i, line in enumerate(rest)]


def test_layout_cases_of_real_pdfs(write_file):
    """A title the running head repeats is kept; a note set left of the margin moves no margin; a last page of one
    line opens a paragraph of its own; a heading's number after a sentence's end opens one; a line PDFium joins at a
    hyphen is split again; a character outside the BMP (𬍛) keeps its page's layout."""
    full = "全市地区生产总值增长百分之五，城镇新增就业十二万人，"
    first = [(150, 760, "2025年某市政府工作报告")] + body_lines(full[:-2], [full, full, "居民收入稳步增长𬍛溪。"], 730)
    second = [(150, 800, "2025年某市政府工作报告")] + body_lines(full[:-2], [full, "粮食产量再创新高。"], 760) + [
        (48, 680, "注：数据为初步核算数。"), (72, 662, "二、2025年工作安排"),
        (96, 644, "推进绿色低碳发展，加快数字基础设施，建设5G-"), (72, 626, "A网络。")]
    heads = [[(150, 800, "2025年某市政府工作报告"), (96, 760, f"第{n}页：" + full[:-5]), (72, 742, "就业稳定。")]
             for n in (3, 4)]
    last = [[(96, 760, "各位代表，让我们团结奋斗！")]]
    text = read_report(write_file("r.pdf", pdf_of([first, second] + heads + last))).text
    assert paragraphs(text) == ["2025年某市政府工作报告", full[:-2] + full * 2 + "居民收入稳步增长𬍛溪。",
                                full[:-2] + full + "粮食产量再创新高。", "注：数据为初步核算数。", "二、2025年工作安排",
                                "推进绿色低碳发展，加快数字基础设施，建设5G-A网络。", "第3页：" + full[:-5] + "就业稳定。",
                                "第4页：" + full[:-5] + "就业稳定。", "各位代表，让我们团结奋斗！"]


def test_spaces_pdfium_puts_between_spread_characters_are_dropped(write_file):
    lines = [(96, 760, "一、2024年工作回顾"), (96, 742, "全市地区生产总值增长百分之五，城镇新")]
    spread = pdf_of([lines[:1]]), pdf_of([lines[1:]], spacing=4)
    assert paragraphs(read_report(write_file("a.pdf", spread[1])).text) == ["全市地区生产总值增长百分之五，城镇新"]


# --- Word -----------------------------------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_of(body: str, numbering: str = "") -> bytes:
    """A .docx whose body is `body` (WordprocessingML paragraphs) and whose numbering.xml defines `numbering`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
        if numbering:
            archive.writestr("word/numbering.xml", f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>')
    return out.getvalue()


def para(text: str, num: int | None = None, level: int = 0) -> str:
    number = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>' if num else ""
    return f"<w:p>{number}<w:r><w:t>{text}</w:t></w:r></w:p>"


HEADING_LIST = ('<w:abstractNum w:abstractNumId="7">'
                '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
                '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
                '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
                '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
                '<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>')


def test_word_numbering_is_written_into_the_headings(write_file):
    """The report's structure is read from 一、 （一） 1.: a heading Word numbers shows its number in the text; a
    deeper level counts again under each new heading, and a second list of the same definition counts on."""
    body = (para("2024年工作回顾", 1) + para("经济运行稳中向好", 1, 1) + para("甲乙", 1, 2) + para("丙丁", 1, 2)
            + para("改革开放纵深推进", 1, 1) + para("戊己", 1, 2) + para("全年地区生产总值增长5%。")
            + para("2025年工作安排", 2) + para("扩大有效需求", 2, 1))
    text = read_report(write_file("r.docx", docx_of(body, HEADING_LIST))).text
    assert paragraphs(text) == ["一、2024年工作回顾", "（一）经济运行稳中向好", "1. 甲乙", "2. 丙丁", "（二）改革开放纵深推进",
                                "1. 戊己", "全年地区生产总值增长5%。", "二、2025年工作安排", "（一）扩大有效需求"]


def test_a_list_restarted_in_word_counts_from_its_start_again(write_file):
    restarted = HEADING_LIST.replace('<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>',
                                     '<w:num w:numId="2"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0">'
                                     '<w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    text = read_report(write_file("r.docx", docx_of(para("回顾", 1) + para("安排", 1) + para("甲", 2), restarted))).text
    assert paragraphs(text) == ["一、回顾", "二、安排", "一、甲"]


def test_a_word_report_made_by_a_word_processor_builds(tmp_path):
    """A .docx as python-docx writes it (styles, a table, a list style numbering its paragraphs) reads paragraph by
    paragraph, table cells included, and builds into a graph."""
    import docx

    document = docx.Document()
    for line in paragraphs(REPORT)[:4]:
        document.add_paragraph(line)
    document.add_paragraph("推进甲乙大道建设", style="List Number")
    document.add_table(rows=1, cols=2).cell(0, 1).text = "城镇新增就业12万人以上。"
    document.save(tmp_path / "mou-2025.docx")
    read = read_report(tmp_path / "mou-2025.docx")
    assert paragraphs(read.text) == paragraphs(REPORT)[:4] + ["1. 推进甲乙大道建设", "城镇新增就业12万人以上。"]
    assert read.normalisations == ["docx→text"]
    built = build_report(tmp_path / "mou-2025.docx", tmp_path / "out", html=False, page=False)
    assert built.region == "某市" and built.observations_by_status["actual"] >= 5


def test_deleted_text_and_a_drawing_fallback_are_not_read(write_file):
    body = ('<w:p><w:r><w:t>增长</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del>'
            '<w:r><w:tab/><w:t>5%。</w:t></w:r></w:p>'
            '<w:p xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:r><mc:AlternateContent>'
            '<mc:Choice><w:p><w:r><w:t>文本框</w:t></w:r></w:p></mc:Choice>'
            '<mc:Fallback><w:p><w:r><w:t>文本框</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    assert paragraphs(read_report(write_file("r.docx", docx_of(body))).text) == ["增长 5%。", "文本框"]


STYLES = ('<w:styles xmlns:w="' + W + '"><w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/>'
          '</w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="MyH1"><w:basedOn w:val="H1"/></w:style>'
          '<w:style w:type="numbering" w:styleId="GovList"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>'
          '</w:style></w:styles>')


def styled(text: str, style: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'


def level(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
            f'{extra}</w:lvl>')


def with_styles(docx: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            new.writestr(item, old.read(item))
        new.writestr("word/styles.xml", STYLES)
    return out.getvalue()


@pytest.mark.parametrize("body, numbering, expected", [
    # a style based on a numbered heading style numbers too; a list defined by a numbering style takes its levels
    (styled("回顾", "H1") + styled("安排", "MyH1") + para("展望", 2),
     HEADING_LIST.replace('<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num>', "")
     + '<w:abstractNum w:abstractNumId="9"><w:numStyleLink w:val="GovList"/></w:abstractNum>'
     + '<w:num w:numId="2"><w:abstractNumId w:val="9"/></w:num>', ["一、回顾", "二、安排", "三、展望"]),
    # a level that never restarts counts on under the next heading; legal numbering shows the levels above as digits
    (para("甲", 1) + para("a", 1, 1) + para("乙", 1) + para("b", 1, 1),
     '<w:abstractNum w:abstractNumId="7">' + level(0, "chineseCounting", "%1、")
     + level(1, "decimal", "%1.%2", '<w:lvlRestart w:val="0"/><w:isLgl/>') + '</w:abstractNum>'
     + '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>', ["一、甲", "1.1 a", "二、乙", "2.2 b"]),
    # Chinese legal numerals; a number after 99 in words; no space where Word sets none
    (para("甲", 1) + para("乙", 2), '<w:abstractNum w:abstractNumId="7">' + level(0, "chineseLegalSimplified", "%1、")
     + '</w:abstractNum><w:abstractNum w:abstractNumId="8">'
     + level(0, "decimal", "%1.", '<w:suff w:val="nothing"/>').replace('w:start w:val="1"', 'w:start w:val="120"')
     + '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
     + '<w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>', ["壹、甲", "120.乙"]),
])
def test_word_numbering_as_word_shows_it(write_file, body, numbering, expected):
    assert paragraphs(read_report(write_file("r.docx", with_styles(docx_of(body, numbering)))).text) == expected


def test_hidden_moved_away_and_deleted_numbered_text_is_not_read(write_file):
    body = (para("回顾", 1) + '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:del>'
            '<w:r><w:delText>删去的一节</w:delText></w:r></w:del></w:p>' + para("安排", 1)
            + '<w:p><w:moveFrom><w:r><w:t>移走的句子。</w:t></w:r></w:moveFrom><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏'
            '</w:t></w:r><w:r><w:t>2021</w:t><w:noBreakHyphen/><w:t>2025年</w:t></w:r></w:p>')
    assert paragraphs(read_report(write_file("r.docx", docx_of(body, HEADING_LIST))).text) == \
        ["一、回顾", "二、安排", "2021-2025年"]


def test_a_word_table_of_numbers_keeps_every_cell(write_file):
    """A .docx is not text copied from a PDF: a cell holding only a number is no page number."""
    cells = ["地区生产总值（亿元）", "1200", "一般公共预算收入（亿元）", "98", "规模以上工业增加值增长率", "6.1%"]
    body = para("一、2024年主要指标") + "<w:tbl><w:tr>" + "".join(f"<w:tc>{para(c)}</w:tc>" for c in cells) + "</w:tr></w:tbl>"
    assert paragraphs(read_report(write_file("r.docx", docx_of(body))).text) == ["一、2024年主要指标"] + cells


@pytest.mark.parametrize("name, content, message", [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, r"old\.doc: a Word 97–2003 \(\.doc\).*save it as \.docx"),
    ("a.zip", None, r"a\.zip: an archive, not a report"),
    ("broken.docx", b"PK\x03\x04word/document.xml" + b"\x00" * 40, r"broken\.docx: not a readable \.docx"),
    ("bad.docx", docx_of("<w:p><w:r><w:t>未闭合</w:r></w:p>"), r"bad\.docx: not a readable \.docx"),
    ("deep.docx", docx_of("<w:sdt>" * 5000 + para("甲") + "</w:sdt>" * 5000), r"deep\.docx: not a readable \.docx"),
    ("bomb.docx", docx_of(para("甲" * 3_000_000)), r"bomb\.docx: not a readable \.docx \(word/document\.xml unpacks to"),
    ("empty.docx", docx_of(para("")), r"empty\.docx: no text in the file"),
])
def test_files_that_hold_no_readable_report_are_refused_in_one_line(write_file, name, content, message):
    if content is None:
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as z:
            z.writestr("data.csv", "a,b\n")
        content = archive.getvalue()
    with pytest.raises(GovkgError, match=message):
        read_report(write_file(name, content))


def test_a_corrupt_member_of_a_docx_is_refused_in_one_line(write_file):
    docx = bytearray(docx_of(para("甲乙丙丁" * 50)))
    start = docx.index(b"word/document.xml") + len("word/document.xml")
    docx[start + 5:start + 40] = b"\xff" * 35  # damage the compressed data
    with pytest.raises(GovkgError, match=r"r\.docx: not a readable \.docx"):
        read_report(write_file("r.docx", bytes(docx)))


def test_files_are_told_apart_by_their_bytes_not_their_names():
    assert [detect_format(b) for b in (b"%PDF-1.4", b"\n %PDF-1.7", docx_of(para("甲")), "一、回顾".encode())] == \
        ["pdf", "pdf", "docx", None]


# --- folders and the command line -------------------------------------------------------------------------------

def test_a_folder_is_searched_for_web_pages_word_and_pdf_files_but_not_a_build_inside_it(tmp_path):
    folder = tmp_path / "reports"
    for name in ("a.txt", "b.html", "c.htm", "d.docx", "e.pdf", "notes.md"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(b"x")
    (folder / "exports" / ".govkg").mkdir(parents=True)
    (folder / "exports" / "a-report.html").write_text("<html></html>")
    (folder / "exports" / "a-views").mkdir()
    (folder / "exports" / "a-views" / "index.html").write_text("<html></html>")
    assert [p.name for p in find_reports([folder])] == ["a.txt", "b.html", "c.htm", "d.docx", "e.pdf"]
    (folder / ".govkg").mkdir()  # the folder itself built into: its pages are govkg's, its reports still reports
    assert [p.name for p in find_reports([folder])] == ["a.txt", "d.docx", "e.pdf"]


def test_a_web_page_report_is_not_overwritten_by_its_own_graph_view(tmp_path):
    page = tmp_path / "mou-2025.html"
    page.write_text("<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs(REPORT)) + "</body></html>")
    before = page.read_bytes()
    with pytest.raises(GovkgError, match=r"mou-2025\.html: the build would write over the report itself"):
        build_report(page, tmp_path)
    assert page.read_bytes() == before and build_report(page, tmp_path / "out").turtle.exists()


def test_a_build_does_not_write_over_a_web_page_it_did_not_write(tmp_path):
    """Another report saved from a site, named as the build's view would be, stays; govkg's own pages are rebuilt."""
    text = tmp_path / "mou-2025.txt"
    text.write_text(REPORT, encoding="utf-8")
    saved = tmp_path / "out" / "mou-2025.html"
    saved.parent.mkdir()
    saved.write_text("<html><body><p>2025年某市政府工作报告</p></body></html>", encoding="utf-8")
    with pytest.raises(GovkgError, match=r"mou-2025\.html: a web page govkg did not write is in the way"):
        build_report(text, tmp_path / "out")
    saved.unlink()
    build_report(text, tmp_path / "out")
    assert build_report(text, tmp_path / "out").html.exists()  # its own view, written again


def test_building_a_pdf_from_the_command_line_and_a_bad_one_leaves_the_graph_intact(write_file, tmp_path):
    out = tmp_path / "out"
    good = write_file("mou-2025.pdf", render_pdf(REPORT))
    result = CliRunner().invoke(main, ["build", str(good), "--out", str(out), "--no-html", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "pdf→text" in result.output
    before = (out / "mou-2025.ttl").read_bytes()
    write_file("mou-2025.pdf", b"%PDF-1.7 truncated")
    result = CliRunner().invoke(main, ["build", str(good), "--out", str(out), "--no-html", "--no-progress"])
    assert result.exit_code != 0 and "cannot read the PDF" in result.output
    assert "Traceback" not in result.output and (out / "mou-2025.ttl").read_bytes() == before


def test_a_folder_of_reports_in_every_format_builds_with_two_workers(tmp_path):
    """A corpus build reads text, a web page, a .docx and a PDF side by side, in worker processes, and says how each
    was read."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-2025.txt").write_text(REPORT, encoding="utf-8")
    (folder / "b-2025.html").write_text("<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs(REPORT))
                                        + "</body></html>", encoding="utf-8")
    (folder / "c-2025.docx").write_bytes(docx_of("".join(para(p) for p in paragraphs(REPORT))))
    (folder / "d-2025.pdf").write_bytes(render_pdf(REPORT))
    result = CliRunner().invoke(main, ["build", str(folder), "--out", str(tmp_path / "out"), "--workers", "2",
                                       "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "built 4, unchanged 0, failed 0" in result.output
    assert all(step in result.output for step in ("html", "docx→text", "pdf→text"))
    assert all((tmp_path / "out" / f"{rid}-2025.ttl").exists() for rid in "abcd")


def test_a_web_address_is_refused_in_one_line_saying_to_save_the_page():
    result = CliRunner().invoke(main, ["build", "https://www.example.gov.cn/2025/report.htm"])
    assert result.exit_code == 1 and len(result.output.strip().splitlines()) == 1
    assert "https://www.example.gov.cn/2025/report.htm: a web address" in result.output


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_damaged_word_or_pdf_file_reads_or_fails_in_one_line_never_crashes(kind):
    """Random bytes changed and files cut short (seeded): each gives text or a GovkgError, never another exception."""
    import random

    from govkg.reader import decode_report

    good = render_pdf(REPORT) if kind == "pdf" else docx_of("".join(para(p) for p in paragraphs(REPORT)))
    rng = random.Random(7)
    for _ in range(60):
        data = bytearray(good)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        data = data[:rng.randrange(len(data))] if rng.random() < 0.3 else data
        try:
            decode_report(Path(f"r.{kind}"), bytes(data))
        except GovkgError:
            pass


def raw_pdf(lines: list[tuple[float, float, str]], marked: tuple[float, float]) -> bytes:
    """A hand-made PDF: Chinese `lines` (x, y, text) in STSong-Light, and at `marked` one letter whose font maps it to
    a control mark (U+0097), which PDFium counts as a character but leaves out of the page's text."""
    def hexed(text: str) -> str:
        return "".join(f"{ord(ch):04x}" for ch in text)

    content = "".join(f"BT /F1 12 Tf {x} {y} Td <{hexed(t)}> Tj ET\n" for x, y, t in lines)
    content += f"BT /F2 12 Tf {marked[0]} {marked[1]} Td (A) Tj ET\n"
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def 1 begincodespacerange "
            "<00> <FF> endcodespacerange 1 beginbfchar <41> <0097> endbfchar endcmap CMapName currentdict /CMap "
            "defineresource pop end end")
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 7 0 R >> >> "
        "/Contents 4 0 R >>",
        f"<< /Length {len(content)} >>\nstream\n{content}endstream",
        "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
        "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
        "/Ordering (GB1) /Supplement 2 >> /FontDescriptor 9 0 R /DW 1000 >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 8 0 R >>",
        f"<< /Length {len(cmap)} >>\nstream\n{cmap}\nendstream",
        "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 "
        "/Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    return out + f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


def test_a_character_left_out_of_a_pdfs_text_moves_no_line_and_adds_no_control_character(write_file):
    """PDFium leaves a control mark out of the page's text but counts it: the lines after it keep their places."""
    row = "全市地区生产总值增长百分之五，城镇新增就业十二万人，"
    lines = [(96, 760, row[:-2])] + [(72, 742 - 18 * k, row) for k in range(5)] + [(72, 652, "完成。")]
    text = read_report(write_file("r.pdf", raw_pdf(lines, marked=(60, 760)))).text
    assert paragraphs(text) == [row[:-2] + row * 5 + "完成。"]
    assert not any(ord(ch) < 0x20 and ch != "\n" or 0x7F <= ord(ch) < 0xA0 for ch in text)


def test_one_line_running_past_the_right_margin_moves_no_margin(write_file):
    """An indented first line set as long as the others ends past them: the others are not short for it."""
    row = "全市地区生产总值增长百分之五，城镇新增就业十二万人，"
    lines = [(96, 760, row)] + [(72, 742 - 18 * k, row) for k in range(5)] + [(72, 652, "完成。")]
    assert paragraphs(read_report(write_file("r.pdf", pdf_of([lines]))).text) == [row * 6 + "完成。"]
