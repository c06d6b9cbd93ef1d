"""The one reader of the section map (``notebooks/collection.toml``, or ``$NATO_COLLECTION``).

Every module that needs the section map calls :func:`read`: ``helpers.params`` turns it into checked notebook
specs (the build, ``--list`` and every notebook's parameter check use those), ``helpers.tables.article`` builds the
reader's guide from it, and ``scripts/bench.py`` copies it. Errors are the ones ``tomllib`` and the file system
raise (``FileNotFoundError``, ``tomllib.TOMLDecodeError``), so each caller words them for its own reader.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from helpers import paths


def read(path: Path | str | None = None) -> dict[str, Any]:
    """The section map as parsed TOML (``{"notebook": [...]}``); ``path`` defaults to the one in use."""
    path = Path(path) if path is not None else paths.collection()
    text = path.read_text(encoding="utf-8")
    try:
        return tomllib.loads(text)
    except RecursionError:  # thousands of nested '[' or '{': tomllib recurses once per level
        raise tomllib.TOMLDecodeError("arrays or tables nested too deeply (Python's recursion limit)") from None


_PARA = re.compile(r"^P([0-9]{1,2})$")


def paragraph_range(spec: str) -> list[str]:
    """Expand ``"P1-P3"`` (or ``"P4"``, or ``"P5,P6"``) into ``["P1", "P2", "P3"]``.

    >>> paragraph_range("P7-P9")
    ['P7', 'P8', 'P9']
    """
    out: list[str] = []
    for part in str(spec).split(","):
        part = part.strip()
        ends = [p.strip() for p in part.split("-")]
        nums = []
        for end in ends:
            m = _PARA.match(end)
            if not m or len(ends) > 2:
                raise ValueError(
                    f"paragraphs={spec!r}: {part!r} is not a paragraph or range; "
                    "allowed: 'P4', 'P1-P3' or a comma-separated list of those (P1–P19)"
                )
            nums.append(int(m.group(1)))
        lo, hi = nums[0], nums[-1]
        if not 1 <= lo <= hi <= 19:
            raise ValueError(f"paragraphs={spec!r}: {part!r} is outside P1–P19 or runs backwards")
        out.extend(f"P{i}" for i in range(lo, hi + 1))
    return out
