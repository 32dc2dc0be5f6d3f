"""Per-file overrides for a corpus: a small CSV (or TSV) manifest ``file,region,year``.

A row names a report file (relative to the manifest's folder, or absolute) and the region and/or year to use
for it when its text does not say, or says it wrongly; an empty cell keeps what the text says.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "m.csv").write_text("file,region,year\\nsc-2013.txt,全国,2013\\nbj.txt,,2025\\n", encoding="utf-8")
>>> {p.name: (o.region, o.year) for p, o in read_overrides(folder / "m.csv").items()}
{'sc-2013.txt': ('全国', 2013), 'bj.txt': (None, 2025)}
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from .errors import GovkgError

COLUMNS = ("file", "region", "year")


@dataclass(frozen=True)
class ReportOverride:
    region: str | None = None
    year: int | None = None


def read_overrides(manifest: Path) -> dict[Path, ReportOverride]:
    """file path → override, from a CSV/TSV with a header naming the columns `file`, `region`, `year`."""
    try:
        text = manifest.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise GovkgError(f"{manifest}: cannot read the manifest ({getattr(e, 'strerror', None) or e})") from None
    rows = list(csv.DictReader(text.splitlines(), delimiter="\t" if manifest.suffix == ".tsv" else ","))
    if not rows or "file" not in rows[0]:
        raise GovkgError(f"{manifest}: a manifest is a CSV with the header {','.join(COLUMNS)}")
    return dict(_override(manifest, n, row) for n, row in enumerate(rows, start=2))


def _override(manifest: Path, line: int, row: dict) -> tuple[Path, ReportOverride]:
    name = (row.get("file") or "").strip()
    year = (row.get("year") or "").strip()
    if not name or (year and not (year.isdigit() and len(year) == 4)):
        raise GovkgError(f"{manifest}:{line}: need a file name and a four-digit year or none, got {row}")
    path = Path(name) if Path(name).is_absolute() else manifest.parent / name
    return path, ReportOverride((row.get("region") or "").strip() or None, int(year) if year else None)
