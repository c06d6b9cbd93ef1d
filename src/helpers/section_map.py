"""The one reader of the section map (``notebooks/collection.toml``, or ``$NATO_COLLECTION``).

Every module that needs the section map calls :func:`read`: ``helpers.params`` turns it into checked notebook
specs (the build, ``--list`` and every notebook's parameter check use those), ``helpers.tables.article`` builds the
reader's guide from it, and ``scripts/bench.py`` copies it. Errors are the ones ``tomllib`` and the file system
raise (``FileNotFoundError``, ``tomllib.TOMLDecodeError``), so each caller words them for its own reader.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from helpers import paths


def read(path: Path | str | None = None) -> dict[str, Any]:
    """The section map as parsed TOML (``{"notebook": [...]}``); ``path`` defaults to the one in use."""
    path = Path(path) if path is not None else paths.collection()
    return tomllib.loads(path.read_text(encoding="utf-8"))
