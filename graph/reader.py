"""Read a report file into text: UTF-8 (with or without BOM), UTF-16 (Notepad's "Unicode"), else GB18030 (which
covers GBK/GB2312); a Word (.docx) or PDF file is read for its text first (`fileformats`).

Reports found in the wild are also repaired, but only when they need it, so that a clean UTF-8 file with LF
newlines comes out exactly as it was written (offsets into it stay valid):

- ``crlf``: CRLF and lone CR line ends become LF;
- ``html``: a report saved as a web page becomes its visible text, one line per block element;
- ``pdf``: text copied from a PDF loses its page-number lines (``- 3 -``, ``第3页``) and the line breaks the
  PDF put inside sentences.
- ``wiki``: text copied from a wiki or a converter loses its zero-width characters, and the line breaks that
  links and bold runs put inside a paragraph whose paragraphs are set apart by blank lines (政府工作报\\n告).

Offsets in the graph then point into the text as normalised (that text is what the graph's sentences hold).
Full-width digits (２０２３年, １２．５％) need nothing: the extractors read them as they are.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "r.txt"
>>> _ = p.write_bytes("政府工作报告".encode("gb18030"))
>>> read_report_text(p)
'政府工作报告'
>>> normalise_text("一、回顾\\r\\n经济增长。\\r\\n")
('一、回顾\\n经济增长。\\n', ['crlf'])
"""
from __future__ import annotations

import glob
import hashlib
import html as html_lib
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .document import ITEM_NUMBER
from .errors import GovkgError
from .fileformats import CJK, LINE_END, PAGE_NUMBER, detect_format, document_text

#: What a folder is searched for: text, web pages, Word and PDF files (told apart by their bytes when read).
REPORT_SUFFIXES = (".txt", ".htm", ".html", ".docx", ".pdf")
BUILD_FOLDER_SUFFIXES = (".txt", ".docx", ".pdf")
_CONTROL = {chr(c) for c in range(32)} - {"\n", "\r", "\t", "\f"}
GLOB_CHARS = re.compile(r"[*?\[]")
WEB_ADDRESS = re.compile(r"(?:https?|ftp):/", re.I)  # a Path folds https:// into https:/


@dataclass
class ReportText:
    """A report as read: the (normalised) text, the hash of the file's bytes and what was repaired."""

    path: Path
    text: str
    file_hash: str  # sha256 of the raw bytes (what a rebuild compares)
    normalisations: list[str] = field(default_factory=list)  # e.g. ["bom", "crlf", "pdf"]
    encoding: str = "utf-8"  # or the file format its text was read from: docx, pdf


def read_report_text(path: Path) -> str:
    """The text of a report file, decoded and normalised; raises GovkgError naming the file and the problem."""
    return read_report(path).text


def read_report(path: Path) -> ReportText:
    """Read, decode and (when needed) normalise a report file; one-line GovkgError when it cannot be read."""
    raw = read_bytes(path)
    return decode_report(path, raw)


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise GovkgError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise GovkgError(f"{path}: is a folder, not a report file") from None
    except OSError as e:
        raise GovkgError(f"{path}: cannot read ({e.strerror or e})") from None


def decode_report(path: Path, raw: bytes) -> ReportText:
    """`read_report` on bytes already read (`path` only names the file in errors)."""
    if not raw.strip():
        raise GovkgError(f"{path}: file is empty")
    kind = detect_format(raw)
    if kind:  # a Word or PDF file: its paragraphs, one a line, need no repair
        text = document_text(path, raw, kind)
        if not text.strip():
            raise GovkgError(f"{path}: no text in the file")
        return ReportText(path, text, hashlib.sha256(raw).hexdigest(), [f"{kind}→text"], kind)
    wide = utf16_codec(raw)
    if b"\x00" in raw and wide is None:
        raise GovkgError(f"{path}: binary file, not a text report")
    steps: list[str] = ["utf-16"] if wide else []
    if raw.startswith(b"\xef\xbb\xbf"):
        steps.append("bom")
    text, encoding = _decode(path, raw, wide)
    if sum(ch in _CONTROL for ch in text[:4096]) > 8:
        raise GovkgError(f"{path}: binary file, not a text report")
    text, more = normalise_text(text)
    if not text.strip():
        raise GovkgError(f"{path}: no text in the file")
    return ReportText(path, text, hashlib.sha256(raw).hexdigest(), steps + more, encoding)


def utf16_codec(raw: bytes) -> str | None:
    """The codec of UTF-16 text (what Windows Notepad saves as "Unicode"): from its byte-order mark, or without one
    from the NUL bytes its ASCII characters (digits, line ends) put on one side of each pair, when what it decodes to
    is Chinese text; None for other bytes.

    >>> utf16_codec("一、2024年".encode("utf-16")), utf16_codec("2024年工作回顾，增长5%。\\n".encode("utf-16-be") * 4)
    ('utf-16', 'utf-16-be')
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16"
    elif len(raw) < 32 or len(raw) % 2 or raw.count(0) < len(raw) / 200:
        return None
    else:
        even, odd = raw[0::2].count(0), raw[1::2].count(0)
        codec = "utf-16-le" if odd > 3 * max(even, 1) else "utf-16-be" if even > 3 * max(odd, 1) else None
    if codec is None or len(raw) % 2:
        return None
    sample = raw[:8192].decode(codec, errors="replace")  # Chinese text, not 16-bit binary with zero high bytes
    letters = sum(not ch.isspace() for ch in sample)
    return codec if letters and len(CJK.findall(sample)) >= 0.2 * letters else None


def _decode(path: Path, raw: bytes, wide: str | None = None) -> tuple[str, str]:
    if wide:
        try:
            return raw.decode(wide).lstrip("\ufeff"), wide
        except UnicodeDecodeError:
            raise GovkgError(f"{path}: not valid UTF-16 text; re-save it as UTF-8") from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        raise GovkgError(f"{path}: not UTF-8 and not GB18030/GBK text; re-save it as UTF-8") from None
    if not any("\u4e00" <= ch <= "\u9fff" for ch in text):
        raise GovkgError(f"{path}: not UTF-8, and as GB18030 it holds no Chinese text; re-save it as UTF-8")
    return text, "gb18030"


# --- normalisation ---------------------------------------------------------------------------------------

def normalise_text(text: str) -> tuple[str, list[str]]:
    """(text, steps applied): CRLF, HTML and PDF repairs, each only when `text` needs it (see the module doc).

    >>> normalise_text("一、2022年工作回顾\\n经济增长。\\n")
    ('一、2022年工作回顾\\n经济增长。\\n', [])
    """
    steps = []
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        steps.append("crlf")
    if looks_like_html(text):
        text = html_to_text(text)
        steps.append("html")
    if looks_like_wiki_copy(text):
        text = repair_wiki_text(text)
        steps.append("wiki")
    if looks_like_pdf_copy(text):
        text = repair_pdf_text(text)
        steps.append("pdf")
    return text, steps


_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b",
                         re.I | re.S)
_HTML_TAG = re.compile(r"</?(?:p|div|br|span|td|tr|table|h[1-6]|li|section|article|font|strong|b)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """A web page (opens with <!DOCTYPE html>, <html>, …) or text full of block tags.

    >>> looks_like_html("<html><body><p>一、回顾</p></body></html>"), looks_like_html("一、回顾<br>")
    (True, False)
    """
    if _HTML_START.match(text[:2000]):
        return True
    return len(_HTML_TAG.findall(text[:20000])) >= 5


_BLOCK_TAGS = {"p", "div", "br", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section",
               "article", "header", "footer", "blockquote", "pre", "hr", "title", "dd", "dt", "center"}
_SKIP_TAGS = {"script", "style", "head", "noscript", "template", "svg"}


_VOID_TAGS = {"br", "hr", "img", "meta", "input", "link", "area", "base", "col", "embed", "param", "source", "track",
              "wbr"}
_HEADING_TAGS = {"h1", "h2", "h3"}
#: The share of a page's Chinese text an element must hold to be the page's article (see `html_to_text`).
ARTICLE_SHARE = 0.8
#: A page with less Chinese text than this is kept whole.
MIN_ARTICLE_CHARS = 200


@dataclass
class _HtmlLine:
    text: str
    path: tuple[int, ...]  # the open elements the line starts in, outermost first


class _TextOfHtml(HTMLParser):
    """The visible lines of a page, each with the elements it sits in (a <p> left open closes at the next <p>)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[_HtmlLine] = []
        self.line: list[str] = []
        self.line_path: tuple[int, ...] = ()
        self.stack: list[tuple[int, str]] = []
        self.tags: dict[int, str] = {}
        self.parents: dict[int, int | None] = {}
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self.skip += 1
            return
        if tag in _BLOCK_TAGS:
            self.end_line()
        if tag == "p" and self.stack and self.stack[-1][1] == "p":
            self.stack.pop()
        if tag not in _VOID_TAGS:
            element = len(self.tags)
            self.tags[element] = tag
            self.parents[element] = self.stack[-1][0] if self.stack else None
            self.stack.append((element, tag))

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.end_line()

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
            return
        if tag in _BLOCK_TAGS:
            self.end_line()
        if any(open_tag == tag for _, open_tag in self.stack):
            while self.stack.pop()[1] != tag:
                pass

    def handle_data(self, data):
        if self.skip:
            return
        for k, piece in enumerate(data.split("\n")):
            if k:
                self.end_line()
            if piece.strip() and not "".join(self.line).strip():
                self.line_path = tuple(i for i, _ in self.stack)
            self.line.append(piece)

    def end_line(self):
        text = re.sub(r"[ \t]+", " ", "".join(self.line).replace("\xa0", " ").replace("\r", "")).strip()
        if text:
            self.lines.append(_HtmlLine(text, self.line_path))
        self.line = []


def html_to_text(text: str) -> str:
    """The visible text of an HTML page, one line per block element, entities decoded; of a page that wraps the
    report in a site's navigation, links and footer, only the report: the innermost element holding most of the
    page's Chinese text (`ARTICLE_SHARE`), after the heading (h1–h3) that comes before it.

    >>> html_to_text("<html><head><title>x</title><style>p{}</style></head><body><p>一、回顾</p><p>增长&nbsp;3%。</p></body></html>")
    '一、回顾\\n增长 3%。\\n'
    """
    parser = _TextOfHtml()
    try:
        parser.feed(text)
        parser.close()
        parser.end_line()
        lines = _article(parser)
    except Exception:  # a page too broken for the parser: strip the tags
        joined = html_lib.unescape(re.sub(r"<[^>]*>", "\n", text)).replace("\xa0", " ")
        lines = [re.sub(r"[ \t]+", " ", line).strip() for line in joined.split("\n")]
    return "".join(line + "\n" for line in lines if line)


def _article(page: _TextOfHtml) -> list[str]:
    """The lines of the page's article (see `html_to_text`); all lines when no element holds most of the text."""
    lines, tags = page.lines, page.tags
    weight: Counter = Counter()
    for line in lines:
        for element in line.path:
            weight[element] += _cjk(line.text)
    total = sum(_cjk(line.text) for line in lines)
    depth = {element: k for line in lines for k, element in enumerate(line.path)}
    held = [e for e, w in weight.items() if w >= ARTICLE_SHARE * total]
    if total < MIN_ARTICLE_CHARS or not held:
        return [line.text for line in lines]
    article = _whole_article(page, max(held, key=lambda e: (depth[e], -e)))
    inside = [k for k, line in enumerate(lines) if article in line.path]
    body = [lines[k].text for k in inside]
    title = [line.text for line in lines[:inside[0]] if any(tags[e] in _HEADING_TAGS for e in line.path)
             and REPORT_WORD in line.text]
    opens_titled = REPORT_WORD in body[0] and not SENTENCE_LINE.search(body[0])
    return title[-1:] + body if title and not opens_titled else body


#: The word a report's title holds (2025年政府工作报告): a heading before the article is taken only when it has it, so
#: that a sidebar's headline is not.
REPORT_WORD = "报告"


def _whole_article(page: _TextOfHtml, element: int) -> int:
    """The element, or an ancestor whose text beyond it is more of the article (a second part or an annex: sentences,
    not links): an article set in sibling blocks is read whole, the site's navigation and footer are not."""
    while (parent := page.parents.get(element)) is not None:
        extra = [line for line in page.lines if parent in line.path and element not in line.path]
        prose = sum(_cjk(line.text) for line in extra
                    if SENTENCE_LINE.search(line.text) and not any(page.tags[e] == "a" for e in line.path))
        if not extra or prose < 0.5 * sum(_cjk(line.text) for line in extra):
            return element
        element = parent
    return element


SENTENCE_LINE = re.compile(r"[。！？；]")


def _cjk(text: str) -> int:
    return len(CJK.findall(text))



HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|" + ITEM_NUMBER + r"|[一二三四五六七八九十]{1,3}是|"
                     r"\d{1,2}、|──|——|各位代表|[\u4e00-\u9fff]{2,8}市长)")


def looks_like_pdf_copy(text: str) -> bool:
    """Text copied from a PDF: page-number lines between pages, or many lines broken inside sentences."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 3:
        return False
    pages = sum(bool(PAGE_NUMBER.match(line)) for line in lines)
    body = [line for line in lines if not HEADING.match(line) and not PAGE_NUMBER.match(line)]
    broken = sum(1 for line in body if len(line.strip()) >= 10 and not LINE_END.search(line))
    if pages >= 1 and broken >= 1:
        return True
    return broken >= 3 and broken >= 0.3 * len(body)


def repair_pdf_text(text: str) -> str:
    """Drop page-number lines and join lines the PDF broke inside a sentence.

    >>> repair_pdf_text("一、2022年工作回顾\\n全市地区生产总值增长3%，城镇新增就业\\n- 2 -\\n38万人，就业稳定。\\n")
    '一、2022年工作回顾\\n全市地区生产总值增长3%，城镇新增就业38万人，就业稳定。\\n'
    """
    lines = [line.rstrip() for line in text.split("\n") if not PAGE_NUMBER.match(line)]
    width = _typical_width(lines)
    out: list[str] = []
    joining = False
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if not joining:  # a blank line inside a broken sentence was a page gap: keep joining
                out.append("")
            continue
        if joining and not HEADING.match(stripped):
            out[-1] += stripped
        else:
            out.append(line)
        last = out[-1].strip()
        joining = (not LINE_END.search(last) and len(stripped) >= width * 0.6
                   and (not HEADING.match(last) or len(stripped) >= width * 0.95))
    result = "\n".join(out)
    return result if result.endswith("\n") or not text.endswith("\n") else result + "\n"


ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff]")
ZERO_WIDTH_LINE = re.compile("\n[ \t\u3000]*[\u200b-\u200d\u2060\ufeff]+[ \t\u3000]*(?=\n)")


def looks_like_wiki_copy(text: str) -> bool:
    """Zero-width characters, or paragraphs set apart by blank lines with line breaks inside some of them."""
    if ZERO_WIDTH.search(text):
        return True
    if text.count("\n\n") < 0.4 * max(1, text.count("\n")):
        return False
    return any(_soft_break(a, b) for block in text.split("\n\n") for a, b in _pairs(block.split("\n")))


def repair_wiki_text(text: str) -> str:
    """Drop zero-width characters and join lines broken inside a blank-line-separated paragraph.

    >>> repair_wiki_text("政府工作报\\n告\\n\\n国内生产总值达到74.4\\n\\u200b\\n万亿元。\\n\\n一、回顾\\n\\n")
    '政府工作报告\\n\\n国内生产总值达到74.4万亿元。\\n\\n一、回顾\\n\\n'
    """
    text = ZERO_WIDTH.sub("", ZERO_WIDTH_LINE.sub("", text))
    return "\n\n".join(_join_soft_breaks(block) for block in text.split("\n\n"))


def _join_soft_breaks(block: str) -> str:
    lines = block.split("\n")
    out = [lines[0]]
    for line in lines[1:]:
        if _soft_break(out[-1], line):
            out[-1] = out[-1].rstrip() + line
        else:
            out.append(line)
    return "\n".join(out)


def _soft_break(line: str, following: str) -> bool:
    """A break between `line` and `following` that sits inside a sentence (no end punctuation, no heading, and
    the next line not indented as a new paragraph)."""
    return (bool(following.strip()) and not following[:1].isspace() and not LINE_END.search(line)
            and not _is_heading(line) and not HEADING.match(following))


def _is_heading(line: str) -> bool:
    """A heading line: a heading mark and no sentence in it (——经济稳定。国内生产总值… is a paragraph)."""
    return bool(HEADING.match(line)) and "。" not in line


def _pairs(lines: list[str]) -> zip:
    return zip(lines, lines[1:])


def _typical_width(lines: list[str]) -> int:
    """The width the PDF wrapped lines at: a high percentile of line lengths."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


# --- finding report files --------------------------------------------------------------------------------

def find_reports(paths: list[Path]) -> list[Path]:
    """Report files named by `paths`: files as given, folders searched for reports (`reports_in`), globs
    (`reports/**/*.txt`) expanded; sorted within each folder or glob, no duplicates."""
    found: list[Path] = []
    for path in paths:
        if WEB_ADDRESS.match(str(path)):
            address = WEB_ADDRESS.sub(lambda m: m.group() + "/", str(path), count=1)
            raise GovkgError(f"{address}: a web address; govkg reads files (and fetches nothing): save the page or "
                             "its PDF and build that file")
        if path.is_dir():
            inside = reports_in(path)
            if not inside:
                kinds = ", ".join("*" + suffix for suffix in REPORT_SUFFIXES)
                raise GovkgError(f"{path}: folder holds no report files ({kinds})")
            found.extend(inside)
        elif not path.exists() and GLOB_CHARS.search(str(path)):
            matches = sorted(Path(p) for p in glob.glob(str(path), recursive=True))
            files = [p for p in matches if p.is_file()]
            for folder in (p for p in matches if p.is_dir()):
                files.extend(reports_in(folder))
            if not files:
                raise GovkgError(f"{path}: no report files match this pattern")
            found.extend(files)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def reports_in(folder: Path) -> list[Path]:
    """The report files under `folder`, sorted. In a build folder (one holding .govkg/) and below it, web pages are
    govkg's own (views, report pages), not reports."""
    found = []
    in_build: dict[str, bool] = {}
    for root, dirs, files in os.walk(folder):
        here = in_build.get(os.path.dirname(root), False) or ".govkg" in dirs
        in_build[root] = here
        dirs[:] = [d for d in dirs if d != ".govkg"]
        suffixes = BUILD_FOLDER_SUFFIXES if here else REPORT_SUFFIXES
        found.extend(Path(root) / name for name in files if Path(name).suffix.lower() in suffixes)
    return sorted(found)
