"""Where the last build wrote: `query`, `validate`, `serve`, `export` and `push` read that folder when given no
graph. The folder's path is kept in ``$GOVKG_STATE_DIR/last-build`` (default ``$XDG_STATE_HOME/govkg``, i.e.
``~/.local/state/govkg``).

>>> import os, tempfile, pathlib
>>> os.environ["GOVKG_STATE_DIR"] = tempfile.mkdtemp()
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> remember_build(out); default_graphs() == [out.resolve()]
True
"""
from __future__ import annotations

import os
from pathlib import Path

DEFAULT_OUT = Path("exports")


def state_file() -> Path:
    base = os.environ.get("GOVKG_STATE_DIR")
    if not base:
        base = str(Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state") / "govkg")
    return Path(base) / "last-build"


def remember_build(out_dir: Path) -> None:
    """Record `out_dir` as the last build's folder (best effort: a read-only home only loses the default)."""
    try:
        state_file().parent.mkdir(parents=True, exist_ok=True)
        state_file().write_text(str(out_dir.resolve()) + "\n", encoding="utf-8")
    except OSError:
        pass


def default_graphs() -> list[Path]:
    """The last build's folder if it still exists, else ``exports/``."""
    try:
        recorded = Path(state_file().read_text(encoding="utf-8").strip())
    except OSError:
        return [DEFAULT_OUT]
    return [recorded] if recorded.is_dir() else [DEFAULT_OUT]
