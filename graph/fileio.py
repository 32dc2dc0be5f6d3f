"""Writing output files so that a failed run never damages earlier exports.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.ttl"
>>> atomic_write(p, b"x"); p.read_bytes()
b'x'
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import GovkgError


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and ``os.replace``."""
    mode = 0o644
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        pass
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise


def write_output(path: Path, data: bytes, what: str) -> None:
    """`atomic_write`, with a one-line `GovkgError` naming the file when it cannot be written."""
    try:
        atomic_write(Path(path), data)
    except OSError as e:
        raise GovkgError(f"{path}: cannot write {what} ({e.strerror or e})") from None
