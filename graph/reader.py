"""Read a report file into text: UTF-8 (with or without BOM), else GB18030 (which covers GBK/GB2312).

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "r.txt"
>>> _ = p.write_bytes("政府工作报告".encode("gb18030"))
>>> read_report_text(p)
'政府工作报告'
"""
from __future__ import annotations

from pathlib import Path

from .errors import GovkgError

REPORT_SUFFIXES = (".txt",)
_CONTROL = {chr(c) for c in range(32)} - {"\n", "\r", "\t", "\f"}


def read_report_text(path: Path) -> str:
    """The text of a report file, decoded; raises GovkgError naming the file and the problem."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise GovkgError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise GovkgError(f"{path}: is a folder, not a report file") from None
    except OSError as e:
        raise GovkgError(f"{path}: cannot read ({e.strerror})") from None
    if not raw.strip():
        raise GovkgError(f"{path}: file is empty")
    if b"\x00" in raw:
        raise GovkgError(f"{path}: binary file, not a text report")
    text = _decode(path, raw)
    if sum(ch in _CONTROL for ch in text[:4096]) > 8:
        raise GovkgError(f"{path}: binary file, not a text report")
    return text


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        raise GovkgError(f"{path}: not UTF-8 and not GB18030/GBK text; re-save it as UTF-8") from None
    if not any("\u4e00" <= ch <= "\u9fff" for ch in text):
        raise GovkgError(f"{path}: not UTF-8, and as GB18030 it holds no Chinese text; re-save it as UTF-8")
    return text


def find_reports(paths: list[Path]) -> list[Path]:
    """Report files named by `paths` (files as given, folders searched for *.txt), sorted, no duplicates."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            inside = sorted(p for p in path.rglob("*") if p.suffix.lower() in REPORT_SUFFIXES and p.is_file())
            if not inside:
                raise GovkgError(f"{path}: folder holds no report files (*.txt)")
            found.extend(inside)
        else:
            found.append(path)
    return list(dict.fromkeys(found))
