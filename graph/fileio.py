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


def atomic_write(path: Path, data: bytes, durable: bool = True) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and ``os.replace`` (synced to disk
    first when ``durable``)."""
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
            if durable:
                os.fsync(fh.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise


def write_output(path: Path, data: bytes, what: str, durable: bool = True) -> None:
    """`atomic_write`, with a one-line `GovkgError` naming the file when it cannot be written."""
    try:
        atomic_write(Path(path), data, durable)
    except OSError as e:
        raise GovkgError(f"{path}: cannot write {what} ({e.strerror or e})") from None


class AtomicFile:
    """A file written in chunks to a temporary name and renamed on success (large files: a corpus's datasets,
    a big report's Turtle)."""

    def __init__(self, path: Path, what: str, durable: bool = True):
        self.path, self.what, self.durable = path, what, durable  # durable: fsync before the rename

    def __enter__(self):
        try:
            fd, self.tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        except OSError as e:
            raise GovkgError(f"{self.path}: cannot write {self.what} ({e.strerror or e})") from None
        self.fh = os.fdopen(fd, "wb")
        return self

    def write(self, data: bytes) -> int:
        try:
            return self.fh.write(data)
        except OSError as e:
            raise GovkgError(f"{self.path}: cannot write {self.what} ({e.strerror or e})") from None

    def flush(self) -> None:
        self.fh.flush()

    def tell(self) -> int:
        return self.fh.tell()

    def __exit__(self, kind, value, tb):
        error = None
        if kind is None:
            try:
                self.fh.flush()
                if self.durable:
                    os.fsync(self.fh.fileno())
                self.fh.close()
                os.chmod(self.tmp, 0o644)
                os.replace(self.tmp, self.path)
                return False
            except OSError as e:
                error = GovkgError(f"{self.path}: cannot write {self.what} ({e.strerror or e})")
        if not self.fh.closed:
            self.fh.close()
        try:
            os.unlink(self.tmp)
        except OSError:
            pass
        if error is not None:
            raise error from None
        return False
