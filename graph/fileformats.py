"""Reports published as Word (.docx) or PDF files: their text, as a plain-text report would hold it.

A .docx is read with the standard library: one line per paragraph (table cells included) in document order, with
the numbers Word writes in front of numbered paragraphs (一、 （一） 1.) put into the text, since the report's
structure is read from them. A PDF's text layer is read with PDFium (pypdfium2), page after page; the reader then
repairs its line breaks and page numbers as for text copied from a PDF. Files are told by their bytes, not their
names. A scanned PDF (no text layer), an encrypted one and a Word 97–2003 .doc are refused with a one-line error.

>>> detect_format(b"%PDF-1.7 ..."), detect_format(b"\\xd0\\xcf\\x11\\xe0\\xa1\\xb1\\x1a\\xe1..."), detect_format("一、".encode())
('pdf', 'doc', None)
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from .errors import GovkgError

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 .doc, .wps and other Compound File documents
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: A zip member larger than this is no report's text (a zip bomb, or a document of images).
MAX_XML_BYTES = 64 * 1024 * 1024
#: A PDF this large or longer is no report; PDFium would still read it, slowly.
MAX_PDF_PAGES = 2000


def detect_format(raw: bytes) -> str | None:
    """'pdf', 'docx', 'doc' (an OLE2 Compound File) or 'zip' (any other archive) from a file's first bytes; None
    for text."""
    if raw[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if raw.startswith(OLE2):
        return "doc"
    if raw.startswith(b"PK\x03\x04"):
        return "docx" if b"word/document.xml" in raw[:1 << 20] or _zip_has(raw, "word/document.xml") else "zip"
    return None


def _zip_has(raw: bytes, name: str) -> bool:
    try:
        return name in zipfile.ZipFile(io.BytesIO(raw)).namelist()
    except zipfile.BadZipFile:
        return False


def document_text(path: Path, raw: bytes, kind: str) -> str:
    """The text of a file `detect_format` named `kind`; GovkgError naming the file when it holds none."""
    if kind == "pdf":
        return pdf_text(path, raw)
    if kind == "docx":
        return docx_text(path, raw)
    if kind == "doc":
        raise GovkgError(f"{path}: a Word 97–2003 (.doc) or other OLE document; save it as .docx, .txt or PDF")
    raise GovkgError(f"{path}: an archive, not a report (a .docx holds word/document.xml)")


# --- PDF -------------------------------------------------------------------------------------------------------

#: A line holding only a page number: "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 20 页", "3/20".
PAGE_NUMBER = re.compile(r"^\s*(?:[-—－–]\s*)?(?:\d{1,4}|[０-９]{1,4})(?:\s*[-—－–])?\s*$|"
                         r"^\s*第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?\s*$|^\s*\d{1,4}\s*/\s*\d{1,4}\s*$")
CJK = re.compile(r"[\u4e00-\u9fff]")
#: Where a sentence ends: final punctuation, and closing quotes or brackets after it.
SENTENCE_END = re.compile(r"[。！？!?；;：:…”’」』）)\]】]$")


@dataclass
class PdfLine:
    """A line of a PDF page: its text and where it starts and ends across the page (points)."""

    text: str
    left: float
    right: float
    char: float  # the width of one of its Chinese characters (its font size)


def pdf_text(path: Path, raw: bytes) -> str:
    """The text of a PDF's text layer, one line per paragraph, read from where its lines sit on the page: a line
    starts a paragraph when it is indented (or centred) or the line before it ends short of the right margin;
    page numbers and running heads or feet (a line repeated at the top or bottom of the pages) are left out."""
    import pypdfium2 as pdfium  # only when a PDF is read

    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as e:
        reason = "it is encrypted" if "password" in str(e).lower() else str(e).rstrip(".").lower()
        raise GovkgError(f"{path}: cannot read the PDF ({reason})") from None
    try:
        if len(pdf) > MAX_PDF_PAGES:
            raise GovkgError(f"{path}: a PDF of {len(pdf)} pages is no report (at most {MAX_PDF_PAGES})")
        pages = [_page_lines(pdf[i]) for i in range(len(pdf))]
    finally:
        pdf.close()
    if not any(CJK.search(line.text) for page in pages for line in page):
        raise GovkgError(f"{path}: the PDF has no text layer (a scan?); OCR it or use a text version of the report")
    return "".join(paragraph + "\n" for paragraph in pdf_paragraphs(pages))


def _page_lines(page) -> list[PdfLine]:
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        if len(text) != count:  # characters PDFium could not index one by one: the lines without their places
            return [PdfLine(t, 0.0, 0.0, 0.0) for t in re.split(r"[\r\n]+", text) if t.strip()]
        lines, start = [], 0
        for i, ch in enumerate(text + "\n"):
            if ch in "\r\n":
                if text[start:i].strip():
                    lines.append(_pdf_line(textpage, text, start, i))
                start = i + 1
        return lines
    finally:
        textpage.close()
        page.close()


def _pdf_line(textpage, text: str, start: int, end: int) -> PdfLine:
    boxes = [(text[i], textpage.get_charbox(i)) for i in range(start, end) if not text[i].isspace()]
    widths = sorted(box[2] - box[0] for ch, box in boxes if CJK.match(ch)) or [0.0]
    return PdfLine(text[start:end].strip(), min(box[0] for _, box in boxes), max(box[2] for _, box in boxes),
                   widths[len(widths) // 2])


def pdf_paragraphs(pages: list[list[PdfLine]]) -> list[str]:
    """The paragraphs of a PDF's pages of lines (see `pdf_text`). Where paragraphs open indented, a line ending
    short of the margin ends one only at the end of a sentence or when it is a short line such as a heading (a
    left-aligned line may end early before a long number that went on to the next line).

    >>> line = lambda text, left, right: PdfLine(text, left, right, 10.0)
    >>> pages = [[line("一、回顾", 100, 140), line("去年经济稳中", 120, 180), line("有进。", 100, 130)],
    ...          [line("今年增长5%，就业", 120, 180), line("稳定。", 100, 130), line("- 2 -", 135, 145)]]
    >>> pdf_paragraphs(pages)
    ['一、回顾', '去年经济稳中有进。', '今年增长5%，就业稳定。']
    """
    pages = _without_running_lines(pages)
    margins = [_margins(page) for page in pages]
    indented = [line.left > left + 0.8 * (line.char or 10.0) for page, (left, _) in zip(pages, margins) for line in page]
    indenting = sum(indented) >= max(3, 0.05 * len(indented))
    paragraphs: list[str] = []
    previous, previous_right, k = None, 0.0, 0
    for page, (left, right) in zip(pages, margins):
        for line in page:
            char = line.char or 10.0
            short = previous is not None and previous.right < previous_right - 2 * char
            if short and indenting:
                short = bool(SENTENCE_END.search(previous.text)) or previous.right - left < 0.6 * (previous_right - left)
            if previous is None or indented[k] or short:
                paragraphs.append(line.text)
            else:
                space = " " if re.search(r"[A-Za-z0-9]$", paragraphs[-1]) and re.match(r"[A-Za-z]", line.text) else ""
                paragraphs[-1] += space + line.text
            previous, previous_right, k = line, right, k + 1
    return paragraphs


def _margins(page: list[PdfLine]) -> tuple[float, float]:
    """Where the page's lines start (the leftmost edge) and end (the right edge of its longer lines)."""
    if not page:
        return 0.0, 0.0
    rights = sorted(line.right for line in page)
    return min(line.left for line in page), rights[int(len(rights) * 0.9)]


def _without_running_lines(pages: list[list[PdfLine]]) -> list[list[PdfLine]]:
    """The pages without page numbers and without a running head or foot: a first or last line that, digits aside,
    recurs on at least 3 pages and half of them."""
    def key(line: PdfLine) -> str:
        return re.sub(r"[\d\s]+", "", line.text)

    ends = [key(line) for page in pages for line in {id(x): x for x in page[:1] + page[-1:]}.values()]
    running = {k for k in set(ends) if ends.count(k) >= max(3, len(pages) / 2)}
    return [[line for i, line in enumerate(page)
             if not PAGE_NUMBER.match(line.text) and not ((i == 0 or i == len(page) - 1) and key(line) in running)]
            for page in pages]


# --- Word (.docx) ----------------------------------------------------------------------------------------------

def docx_text(path: Path, raw: bytes) -> str:
    """One line per paragraph of a .docx body, each numbered paragraph with the number Word shows before it: a
    heading on a chineseCounting list with the label ``%1、`` reads 一、2024年工作回顾, the next one 二、…"""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            body = _xml(archive, "word/document.xml")
            numbering = Numbering.read(_xml(archive, "word/numbering.xml"), _xml(archive, "word/styles.xml"))
    except (zipfile.BadZipFile, ElementTree.ParseError, EOFError, OSError) as e:
        raise GovkgError(f"{path}: not a readable .docx ({str(e).rstrip('.').lower()})") from None
    if body is None:
        raise GovkgError(f"{path}: not a readable .docx (no word/document.xml)")
    lines = []
    for paragraph in _paragraphs(body):
        number, text = numbering.label(paragraph), _paragraph_text(paragraph).strip()
        if text:
            lines.append((number or "") + text)
    return "".join(line + "\n" for line in lines)


def _xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_XML_BYTES:
        raise OSError(f"{name} is {info.file_size:,} bytes")
    return ElementTree.fromstring(archive.read(info))


def _paragraphs(node: ElementTree.Element):
    """The paragraphs under `node` in document order, those of text boxes after the one holding them; a drawing's
    fallback copy (mc:Fallback) is skipped."""
    for child in node:
        if child.tag == FALLBACK:
            continue
        if child.tag == W + "p":
            yield child
        yield from _paragraphs(child)


def _paragraph_text(node: ElementTree.Element) -> str:
    """The visible text of a paragraph: its runs' text, tabs and line breaks, not that of a text box in it (a
    paragraph of its own) nor deleted text (w:delText)."""
    parts = []
    for child in node:
        if child.tag == W + "t":
            parts.append(child.text or "")
        elif child.tag == W + "tab":
            parts.append(" ")
        elif child.tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif child.tag not in (W + "p", FALLBACK):
            parts.append(_paragraph_text(child))
    return "".join(parts)


CHINESE_NUMERALS = "〇一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"


def chinese_count(n: int) -> str:
    """How Word's chineseCounting writes n (1–99 as 一 … 十一 … 九十九; larger numbers digit by digit).

    >>> [chinese_count(n) for n in (1, 10, 12, 20, 35, 105)]
    ['一', '十', '十二', '二十', '三十五', '一〇五']
    """
    if 10 <= n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else CHINESE_NUMERALS[tens]) + "十" + (CHINESE_NUMERALS[ones] if ones else "")
    return "".join(CHINESE_NUMERALS[int(d)] for d in str(n))


def format_number(n: int, fmt: str) -> str:
    """A list number in one of Word's w:numFmt formats (decimal for the ones not written here).

    >>> [format_number(3, f) for f in ("decimal", "chineseCounting", "decimalEnclosedCircle", "lowerLetter", "upperRoman")]
    ['3', '三', '③', 'c', 'III']
    """
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
               "taiwaneseCounting", "taiwaneseCountingThousand"):
        return chinese_count(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and n <= len(CIRCLED):
        return CIRCLED[n - 1]
    if fmt in ("ideographTraditional",) and n <= len(HEAVENLY_STEMS):
        return HEAVENLY_STEMS[n - 1]
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "none":
        return ""
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += letters * count
    return out


@dataclass
class Level:
    """One level of a Word list: its first number, number format and label pattern (%1、 （%2） %1.%2)."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class Numbering:
    """Word's list numbering (word/numbering.xml): which list and level a paragraph is on, and the running count
    of each list, so that `label` gives the number Word shows before each numbered paragraph, in document order."""

    lists: dict[str, tuple[str, dict[int, Level]]] = field(default_factory=dict)  # numId → (counter, level → Level)
    style_numbers: dict[str, tuple[str, int]] = field(default_factory=dict)  # paragraph style → (numId, level)
    counts: dict[str, list[int]] = field(default_factory=dict)  # counter → count per level

    @classmethod
    def read(cls, numbering: ElementTree.Element | None, styles: ElementTree.Element | None) -> Numbering:
        if numbering is None:
            return cls()
        abstract = {a.get(W + "abstractNumId"): _levels(a) for a in numbering.iter(W + "abstractNum")}
        lists = {}
        for num in numbering.iter(W + "num"):
            # lists of one abstract list count on from each other, unless one restarts (w:startOverride)
            counter = "a" + (_val(num.find(W + "abstractNumId")) or "")
            levels = dict(abstract.get(counter[1:], {}))
            for override in num.iter(W + "lvlOverride"):
                ilvl, start = int(override.get(W + "ilvl", "0")), override.find(W + "startOverride")
                if ilvl in levels and start is not None:
                    levels[ilvl] = Level(int(_val(start) or 1), levels[ilvl].fmt, levels[ilvl].text)
                    counter = "n" + (num.get(W + "numId") or "")
            lists[num.get(W + "numId")] = (counter, levels)
        return cls(lists, _style_numbers(styles))

    def label(self, paragraph: ElementTree.Element) -> str | None:
        """The number shown before `paragraph` (counting it), or None when it is not numbered."""
        num_id, ilvl = self._list_of(paragraph)
        counter, levels = self.lists.get(num_id or "", ("", {}))
        if ilvl not in levels:
            return None
        counts = self.counts.setdefault(counter, [])
        while len(counts) <= max(levels):
            counts.append(0)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = 0

        def number(m: re.Match) -> str:
            level = int(m.group(1)) - 1
            if level not in levels:
                return ""
            return format_number(levels[level].start - 1 + max(counts[level], 1), levels[level].fmt)

        level = levels[ilvl]
        return "" if level.fmt == "bullet" else re.sub(r"%(\d)", number, level.text)

    def _list_of(self, paragraph: ElementTree.Element) -> tuple[str | None, int]:
        properties = paragraph.find(W + "pPr")
        if properties is None:
            return None, 0
        direct = properties.find(W + "numPr")
        style = _val(properties.find(W + "pStyle"))
        num_id, ilvl = self.style_numbers.get(style or "", (None, 0))
        if direct is not None:
            num_id = _val(direct.find(W + "numId")) or num_id
            ilvl = int(_val(direct.find(W + "ilvl")) or ilvl)
        return (None, 0) if num_id in (None, "0") else (num_id, ilvl)


def _levels(abstract: ElementTree.Element) -> dict[int, Level]:
    return {int(lvl.get(W + "ilvl", "0")): Level(int(_val(lvl.find(W + "start")) or 1),
                                                  _val(lvl.find(W + "numFmt")) or "decimal",
                                                  _val(lvl.find(W + "lvlText")) or "")
            for lvl in abstract.iter(W + "lvl")}


def _style_numbers(styles: ElementTree.Element | None) -> dict[str, tuple[str, int]]:
    """Paragraph styles that number their paragraphs (a heading style linked to a list)."""
    found = {}
    for style in [] if styles is None else styles.iter(W + "style"):
        number = style.find(f"{W}pPr/{W}numPr")
        if number is not None and _val(number.find(W + "numId")):
            found[style.get(W + "styleId")] = (_val(number.find(W + "numId")), int(_val(number.find(W + "ilvl")) or 0))
    return found


def _val(node: ElementTree.Element | None) -> str | None:
    return None if node is None else node.get(W + "val")
