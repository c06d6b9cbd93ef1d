"""How ``dimensions.csv`` writes a coded scale, read in one place: the data check (``helpers.load.rules.scales``)
and the typology's codebook (``helpers.tables.typology``) both read a cell through these, so a score the check
accepts is a score the codebook reads, and one it refuses the codebook refuses too.

- ``scale``: the values in order, ``none;consultation;binding``;
- ``score_map`` and ``value_labels``: ``value=...`` items separated by ``;`` (``yes=1;no=0``); a score is a plain
  decimal number (``1``, ``0.5``, ``-1``, ``1e3``), never ``inf`` or ``nan``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def values(text) -> list[str]:
    """The values of a ``scale`` cell, in order, blanks dropped."""
    return [v.strip() for v in str(text).split(";") if v.strip()]


def items(text) -> Iterator[tuple[str, str | None]]:
    """``(value, what follows '=')`` for each item of a ``value=...`` cell; ``(item, None)`` for an item with no
    ``=`` or nothing before it."""
    for item in str(text).split(";"):
        if item.strip():
            key, sep, rest = item.partition("=")
            yield (key.strip(), rest.strip()) if sep and key.strip() else (item.strip(), None)


def score(text: str | None) -> float | None:
    """A score as a number, or None when it is not a plain decimal number."""
    return float(text) if text is not None and _NUMBER.match(text.strip()) else None
