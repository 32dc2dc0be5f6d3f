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

import ctypes
import io
import re
import sys
import zipfile
from array import array
from dataclasses import dataclass, field, replace
from pathlib import Path
from xml.etree import ElementTree

from .document import ITEM_NUMBER
from .errors import GovkgError

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003 .doc, .wps and other Compound File documents
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
#: A zip member larger than this is no report's text (a zip bomb, or a document of images).
MAX_XML_BYTES = 32 * 1024 * 1024
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
#: Where a line may end a paragraph: sentence-final punctuation (and closing quotes/brackets after it).
LINE_END = re.compile(r"[。！？!?；;：:…”’」』）)\]】]\s*$")
#: A heading's number opening a line: after a sentence's end, it opens a paragraph wherever the line sits.
HEADING_START = re.compile(r"[一二三四五六七八九十]{1,3}、|" + ITEM_NUMBER + r"|第[一二三四五六七八九十]+部分")


@dataclass
class PdfLine:
    """A line of a PDF page: its text, where it starts and ends across the page and how high it sits (points)."""

    text: str
    left: float
    right: float
    char: float  # the width of one of its Chinese characters (its font size)
    top: float = 0.0


def pdf_text(path: Path, raw: bytes) -> str:
    """The text of a PDF's text layer, one line per paragraph, read from where its lines sit on the page (see
    `pdf_paragraphs`)."""
    import pypdfium2 as pdfium  # only when a PDF is read

    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as e:
        reason = "it is encrypted" if "password" in str(e).lower() else "not a PDF its reader can open"
        raise GovkgError(f"{path}: cannot read the PDF ({reason})") from None
    try:
        if len(pdf) > MAX_PDF_PAGES:
            raise GovkgError(f"{path}: a PDF of {len(pdf)} pages is no report (at most {MAX_PDF_PAGES})")
        pages = [_page_lines(pdf[i]) for i in range(len(pdf))]
    except pdfium.PdfiumError as e:
        raise GovkgError(f"{path}: cannot read the PDF ({str(e).rstrip('.').lower()})") from None
    finally:
        pdf.close()
    if not any(CJK.search(line.text) for page in pages for line in page):
        raise GovkgError(f"{path}: the PDF has no text layer (a scan?); OCR it or use a text version of the report")
    return "".join(paragraph + "\n" for paragraph in pdf_paragraphs(pages))


def _page_lines(page) -> list[PdfLine]:
    """The lines of a page in reading order: where PDFium ends one, or after a hyphen PDFium joined to the next line
    (the text going back to the left). Boxes are read only for what a line's place needs (its ends, a few of its
    Chinese characters): one call a character from Python is most of the cost."""
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    try:
        units = _code_units(textpage, pdfium_c)
        lines = (_pdf_line(textpage, pdfium_c, units, start, end) for start, end in _line_spans(textpage, units))
        return [line for line in lines if line is not None]
    finally:
        textpage.close()
        page.close()


def _code_units(textpage, pdfium_c) -> array:
    """The page's text as UTF-16 code units, one per character index (a character outside the BMP takes two)."""
    count = textpage.count_chars()
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    written = pdfium_c.FPDFText_GetText(textpage.raw, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    if written - 1 != count:  # characters it leaves out (a glyph with no Unicode): one index at a time, aligned
        return array("H", (pdfium_c.FPDFText_GetUnicode(textpage.raw, i) & 0xFFFF for i in range(count)))
    units = array("H", buffer.raw[:2 * count])
    if sys.byteorder == "big":
        units.byteswap()  # PDFium writes UTF-16LE
    return units


LINE_BREAKS = (0x0D, 0x0A)
#: PDFium's marks of a hyphen that ends a line (U+0002, U+FFFE): read as the hyphen.
HYPHEN_MARKS = (0x02, 0xFFFE)


def _line_spans(textpage, units: array) -> list[tuple[int, int]]:
    spans, start = [], 0
    for i, unit in enumerate(units):
        if unit in LINE_BREAKS:
            spans.append((start, i))
            start = i + 1
        elif unit in HYPHEN_MARKS and i + 1 < len(units) and units[i + 1] not in LINE_BREAKS:
            here, after = textpage.get_charbox(i), textpage.get_charbox(i + 1)
            if after[0] < here[0] - (after[3] - after[1]):  # the next character goes back left: a new line
                spans.append((start, i + 1))
                start = i + 1
    return [(s, e) for s, e in spans + [(start, len(units))] if e > s]


def _characters(units: array, start: int, end: int):
    """(index, character) for the code units units[start:end]: a surrogate pair as one character, a hyphen mark as
    the hyphen, a glyph with no Unicode as U+FFFD, a control mark as nothing."""
    i = start
    while i < end:
        unit = units[i]
        if 0xD800 <= unit < 0xDC00 and i + 1 < end and 0xDC00 <= units[i + 1] < 0xE000:
            yield i, chr(0x10000 + ((unit - 0xD800) << 10) + (units[i + 1] - 0xDC00))
            i += 2
            continue
        if unit in HYPHEN_MARKS:
            yield i, "-"
        elif unit == 0 or 0xD800 <= unit < 0xE000:  # a glyph with no Unicode, a lone surrogate: one unknown character
            yield i, "\ufffd"
        elif not (unit < 0x20 or 0x7F <= unit < 0xA0):  # not a control mark
            yield i, chr(unit)
        i += 1


#: How many of a line's Chinese characters are measured for its character width.
WIDTH_SAMPLES = 5


def _pdf_line(textpage, pdfium_c, units: array, start: int, end: int) -> PdfLine | None:
    """A line: its text without the spaces PDFium added between spread-out characters, where its first and last
    characters sit, and the width of its Chinese characters; None for a blank line."""
    chars = [(i, ch) for i, ch in _characters(units, start, end)
             if not (ch.isspace() and pdfium_c.FPDFText_IsGenerated(textpage.raw, i))]
    visible = [i for i, ch in chars if not ch.isspace()]
    if not visible:
        return None
    chinese = [i for i, ch in chars if CJK.match(ch)]
    sampled = [textpage.get_charbox(i) for i in chinese[::max(1, len(chinese) // WIDTH_SAMPLES)][:WIDTH_SAMPLES]]
    first, last = textpage.get_charbox(visible[0]), textpage.get_charbox(visible[-1])
    widths = sorted(box[2] - box[0] for box in sampled) or [0.0]
    return PdfLine("".join(ch for _, ch in chars).strip(), first[0], last[2], widths[len(widths) // 2],
                   max(box[3] for box in [first, last] + sampled))


def pdf_paragraphs(pages: list[list[PdfLine]]) -> list[str]:
    """The paragraphs of a PDF's pages of lines. A line opens a paragraph when it is indented or centred, or when
    the line before ends short of the margin, or when it opens with a heading's number after a sentence's end; where
    paragraphs open indented, that short line ends one only at the
    end of a sentence or when it is short, like a heading (a left-aligned line may end early before a long number
    that went on to the next line). Page numbers and a running head or foot are left out.

    >>> line = lambda text, left, right, top: PdfLine(text, left, right, 10.0, top)
    >>> pages = [[line("一、回顾", 100, 140, 700), line("去年经济稳中", 120, 180, 680), line("有进。", 100, 130, 660)],
    ...          [line("今年增长5%，就业", 120, 180, 700), line("稳定。", 100, 130, 680), line("- 2 -", 135, 145, 40)]]
    >>> pdf_paragraphs(pages)
    ['一、回顾', '去年经济稳中有进。', '今年增长5%，就业稳定。']
    """
    pages = _without_running_lines(pages)
    margins = _margins(pages)
    indented = [line.left > left + 0.8 * (line.char or 10.0)
                for page, (left, _) in zip(pages, margins) for line in page]
    indenting = sum(indented) >= max(3, 0.05 * len(indented))
    paragraphs: list[str] = []
    previous, previous_right, k = None, 0.0, 0
    for page, (left, right) in zip(pages, margins):
        for line in page:
            char = line.char or 10.0
            short = previous is not None and previous.right < previous_right - 2 * char
            if short and indenting:
                short = (bool(LINE_END.search(previous.text))
                         or previous.right - left < 0.6 * (previous_right - left))
            heading = previous is not None and LINE_END.search(previous.text) and HEADING_START.match(line.text)
            if previous is None or indented[k] or short or heading:
                paragraphs.append(line.text)
            else:
                space = " " if re.search(r"[A-Za-z0-9]$", paragraphs[-1]) and re.match(r"[A-Za-z]", line.text) else ""
                paragraphs[-1] += space + line.text
            previous, previous_right, k = line, right, k + 1
    return paragraphs


#: A page with fewer lines than this takes the margins the other pages share.
MIN_PAGE_LINES = 5


def _margins(pages: list[list[PdfLine]]) -> list[tuple[float, float]]:
    """Each page's (left, right) margin: the leftmost edge at least two of its lines start at (one line further left,
    a note, is no margin) and the right edge most of its longer lines reach; a page of few lines takes the most
    common margins of the others (or, with no page of many lines, those of all lines together)."""
    own = [_page_margins(page) for page in pages]
    full = [m for page, m in zip(pages, own) if len(page) >= MIN_PAGE_LINES and m]
    usual = max(set(full), key=full.count) if full else _page_margins([line for page in pages for line in page])
    return [m if m and len(page) >= MIN_PAGE_LINES else (usual or (0.0, 0.0)) for page, m in zip(pages, own)]


def _page_margins(page: list[PdfLine]) -> tuple[float, float] | None:
    if not page:
        return None
    lefts = [line.left for line in page]
    shared = [x for i, x in enumerate(lefts) if any(abs(x - y) <= 2 for y in lefts[:i] + lefts[i + 1:])]
    rights = sorted(line.right for line in page)
    longer = rights[len(rights) // 2:]  # the right edge most of the longer lines reach (one running past is no margin)
    return round(min(shared or lefts)), round(max(longer, key=lambda r: (sum(abs(r - x) <= 2 for x in longer), r)))


def _without_running_lines(pages: list[list[PdfLine]]) -> list[list[PdfLine]]:
    """The pages without their page numbers (one of the first or last two lines holding only one) and without a
    running head or foot: one of those lines that, digits aside, recurs at the same height on at least 3 pages and
    half of them (a title on the first page that a running head repeats higher up is kept)."""
    def key(line: PdfLine) -> tuple[str, int]:
        return re.sub(r"[\d\s]+", "", line.text), round(line.top / 4)

    def at_an_end(page: list[PdfLine], i: int) -> bool:  # a head, a foot, or a page number next to one
        return i < 2 or i >= len(page) - 2

    ends = [key(line) for page in pages for i, line in enumerate(page) if at_an_end(page, i)]
    running = {k for k in set(ends) if ends.count(k) >= max(3, len(pages) / 2)}
    return [[line for i, line in enumerate(page)
             if not (at_an_end(page, i) and (PAGE_NUMBER.match(line.text) or key(line) in running))]
            for page in pages]


# --- Word (.docx) ----------------------------------------------------------------------------------------------

def docx_text(path: Path, raw: bytes) -> str:
    """One line per paragraph of a .docx body, each numbered paragraph with the number Word shows before it: a
    heading on a chineseCounting list with the label ``%1、`` reads 一、2024年工作回顾, the next one 二、…"""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            body = _xml(archive, "word/document.xml")
            numbering = Numbering.read(_xml(archive, "word/numbering.xml"), _xml(archive, "word/styles.xml"))
            if body is None:
                raise ValueError("no word/document.xml")
            lines = []
            for paragraph in _paragraphs(body):
                text = _paragraph_text(paragraph).strip()
                if text:  # an emptied (or wholly deleted) paragraph shows no number and counts none
                    lines.append(numbering.label(paragraph) + text)
    except RecursionError:
        raise GovkgError(f"{path}: not a readable .docx (nested too deeply)") from None
    except Exception as e:  # a damaged archive or part: zipfile, zlib, expat and the numbers in it all raise
        raise GovkgError(f"{path}: not a readable .docx ({_reason(e)})") from None
    return "".join(line + "\n" for line in lines)


def _reason(error: Exception) -> str:
    return (str(error).splitlines() or [type(error).__name__])[0].rstrip(".").lower() or type(error).__name__


def _xml(archive: zipfile.ZipFile, name: str) -> ElementTree.Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_XML_BYTES or info.file_size > max(MAX_RATIO * info.compress_size, MAX_SMALL_XML):
        raise ValueError(f"{name} unpacks to {info.file_size:,} bytes")
    return ElementTree.fromstring(archive.read(info))


def _paragraphs(node: ElementTree.Element):
    """The paragraphs under `node` in document order, those of text boxes after the one holding them; a drawing's
    fallback copy (mc:Fallback) and text moved away (w:moveFrom) are skipped."""
    for child in node:
        if child.tag in SKIPPED:
            continue
        if child.tag == W + "p":
            yield child
        yield from _paragraphs(child)


def _paragraph_text(node: ElementTree.Element) -> str:
    """The visible text of a paragraph: its runs' text, tabs, line breaks and non-breaking hyphens; not a text box
    in it (a paragraph of its own), deleted or moved-away text (w:delText, w:moveFrom) nor hidden runs (w:vanish)."""
    parts = []
    for child in node:
        if child.tag == W + "t":
            parts.append(child.text or "")
        elif child.tag in CHARACTERS:
            parts.append(CHARACTERS[child.tag])
        elif child.tag == W + "r" and child.find(f"{W}rPr/{W}vanish") is not None:
            continue
        elif child.tag not in SKIPPED and child.tag != W + "p":
            parts.append(_paragraph_text(child))
    return "".join(parts)


#: Elements whose text is not the document's: a drawing's fallback copy, text moved away, properties.
SKIPPED = frozenset({FALLBACK, W + "moveFrom", W + "pPr", W + "rPr", W + "instrText"})
#: Elements that stand for one character.
CHARACTERS = {W + "tab": " ", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
#: A part that unpacks to more than this many times its packed size, and to more than `MAX_SMALL_XML`, is a bomb.
MAX_RATIO = 100
MAX_SMALL_XML = 4 * 1024 * 1024

CHINESE_NUMERALS = "〇一二三四五六七八九"
LEGAL_NUMERALS = "零壹贰叁肆伍陆柒捌玖"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"


def chinese_count(n: int, numerals: str = CHINESE_NUMERALS, ten: str = "十", hundred: str = "百") -> str:
    """How Word's chineseCounting writes n (1–999; larger numbers digit by digit).

    >>> [chinese_count(n) for n in (1, 10, 12, 20, 35, 100, 105, 120, 1001)]
    ['一', '十', '十二', '二十', '三十五', '一百', '一百零五', '一百二十', '一〇〇一']
    """
    if n >= 1000 or n <= 0:
        return "".join(numerals[int(d)] for d in str(n))
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    head = numerals[hundreds] + hundred if hundreds else ""
    if tens:
        middle = ("" if tens == 1 and not hundreds else numerals[tens]) + ten
    else:
        middle = "零" if hundreds and ones else ""
    return head + middle + (numerals[ones] if ones else "")


def format_number(n: int, fmt: str) -> str:
    """A list number in one of Word's w:numFmt formats (decimal for the ones not written here).

    >>> [format_number(3, f) for f in ("decimal", "chineseCounting", "chineseLegalSimplified", "decimalEnclosedCircle",
    ...                                "lowerLetter", "upperRoman")]
    ['3', '三', '叁', '③', 'c', 'III']
    """
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographDigital", "taiwaneseCounting",
               "taiwaneseCountingThousand"):
        return chinese_count(n)
    if fmt == "chineseLegalSimplified":
        return chinese_count(n, LEGAL_NUMERALS, "拾", "佰")
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= len(CIRCLED):
        return CIRCLED[n - 1]
    if fmt == "ideographTraditional" and 0 < n <= len(HEAVENLY_STEMS):
        return HEAVENLY_STEMS[n - 1]
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and n > 0:
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


@dataclass(frozen=True)
class Level:
    """One level of a Word list: its first number, number format, label pattern (%1、 （%2） %1.%2), what follows the
    label (tab, space or nothing), the level after whose use it counts again (None: the one above it; 0: never) and
    whether it shows the numbers of the levels above as decimals (legal numbering)."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    restart: int | None = None
    legal: bool = False


@dataclass
class Numbering:
    """Word's list numbering (word/numbering.xml): which list and level a paragraph is on, and the running count
    of each list, so that `label` gives the number Word shows before each numbered paragraph, in document order."""

    lists: dict[str, tuple[str, dict[int, Level]]] = field(default_factory=dict)  # numId → (counter, level → Level)
    style_numbers: dict[str, tuple[str, int]] = field(default_factory=dict)  # paragraph style → (numId, level)
    counts: dict[str, dict[int, int]] = field(default_factory=dict)  # counter → level → count

    @classmethod
    def read(cls, numbering: ElementTree.Element | None, styles: ElementTree.Element | None) -> Numbering:
        style_numbers = _style_numbers(styles)
        if numbering is None:
            return cls(style_numbers=style_numbers)
        nums = {num.get(W + "numId"): num for num in numbering.iter(W + "num")}
        abstract = {a.get(W + "abstractNumId"): a for a in numbering.iter(W + "abstractNum")}
        lists = {}
        for num_id, num in nums.items():
            # lists of one abstract list count on from each other, unless one restarts (w:startOverride)
            definition = _definition(abstract.get(_val(num.find(W + "abstractNumId"))), abstract, nums, style_numbers)
            counter = "a" + (definition.get(W + "abstractNumId", "") if definition is not None else "")
            levels = _levels(definition)
            for override in num.iter(W + "lvlOverride"):
                ilvl = _int(override.get(W + "ilvl"), 0)
                start, lvl = override.find(W + "startOverride"), override.find(W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                if start is not None and ilvl in levels:
                    levels[ilvl] = replace(levels[ilvl], start=_int(_val(start), 1))
                counter = "n" + (num_id or "")
            lists[num_id] = (counter, levels)
        return cls(lists, style_numbers)

    def label(self, paragraph: ElementTree.Element) -> str:
        """The number shown before `paragraph` (counting it), with a space after a label ending in ASCII (1. (1))
        when Word sets a tab or space after it (一、 （一） need none); '' when it is not numbered."""
        num_id, ilvl = self._list_of(paragraph)
        counter, levels = self.lists.get(num_id or "", ("", {}))
        if ilvl not in levels:
            return ""
        counts = self.counts.setdefault(counter, {})
        counts[ilvl] = counts.get(ilvl, 0) + 1
        for deeper, level in levels.items():
            if deeper > ilvl and (level.restart is None or 0 < level.restart <= ilvl + 1):
                counts[deeper] = 0
        level = levels[ilvl]
        if level.fmt == "bullet":
            return ""

        def number(m: re.Match) -> str:
            shown = int(m.group(1)) - 1
            if shown not in levels:
                return ""
            fmt = "decimal" if level.legal and shown < ilvl else levels[shown].fmt
            return format_number(levels[shown].start - 1 + max(counts.get(shown, 0), 1), fmt)

        label = re.sub(r"%([1-9])", number, level.text)
        return label + " " if label and label[-1].isascii() and level.suffix != "nothing" else label

    def _list_of(self, paragraph: ElementTree.Element) -> tuple[str | None, int]:
        properties = paragraph.find(W + "pPr")
        if properties is None:
            return self.style_numbers.get("", (None, 0))
        direct = properties.find(W + "numPr")
        style = _val(properties.find(W + "pStyle")) or ""
        num_id, ilvl = self.style_numbers.get(style, (None, 0))
        if direct is not None:
            num_id = _val(direct.find(W + "numId")) or num_id
            ilvl = _int(_val(direct.find(W + "ilvl")), ilvl)
        return (None, 0) if num_id in (None, "0") else (num_id, ilvl)


def _definition(abstract: ElementTree.Element | None, all_abstract: dict, nums: dict,
                style_numbers: dict) -> ElementTree.Element | None:
    """The abstract list that defines a list's levels, following a numbering style's link (w:numStyleLink) to the
    list the style numbers with."""
    for _ in range(8):
        link = None if abstract is None else _val(abstract.find(W + "numStyleLink"))
        if not link or link not in style_numbers:
            return abstract
        num = nums.get(style_numbers[link][0])
        abstract = None if num is None else all_abstract.get(_val(num.find(W + "abstractNumId")))
    return abstract


def _levels(abstract: ElementTree.Element | None) -> dict[int, Level]:
    return {} if abstract is None else {_int(lvl.get(W + "ilvl"), 0): _level(lvl) for lvl in abstract.iter(W + "lvl")}


def _level(lvl: ElementTree.Element) -> Level:
    restart = lvl.find(W + "lvlRestart")
    return Level(_int(_val(lvl.find(W + "start")), 1), _val(lvl.find(W + "numFmt")) or "decimal",
                 _val(lvl.find(W + "lvlText")) or "", _val(lvl.find(W + "suff")) or "tab",
                 None if restart is None else _int(_val(restart), None), lvl.find(W + "isLgl") is not None)


def _style_numbers(styles: ElementTree.Element | None) -> dict[str, tuple[str, int]]:
    """Styles that number their paragraphs (a heading style linked to a list, or a style based on one, and numbering
    styles), by style id; the default paragraph style also under ''."""
    if styles is None:
        return {}
    by_id = {style.get(W + "styleId"): style for style in styles.iter(W + "style")}
    found = {}
    for style_id, style in by_id.items():
        for _ in range(8):  # up the w:basedOn chain to the style that numbers
            number = style.find(f"{W}pPr/{W}numPr")
            if number is not None:
                if _val(number.find(W + "numId")):
                    found[style_id] = (_val(number.find(W + "numId")), _int(_val(number.find(W + "ilvl")), 0))
                break
            style = by_id.get(_val(style.find(W + "basedOn")))
            if style is None:
                break
    default = next((s.get(W + "styleId") for s in by_id.values()
                    if s.get(W + "default") in ("1", "true") and s.get(W + "type") == "paragraph"), None)
    if default in found:
        found[""] = found[default]
    return found


def _val(node: ElementTree.Element | None) -> str | None:
    return None if node is None else node.get(W + "val")


def _int(text: str | None, default):
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
