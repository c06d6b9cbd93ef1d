"""Every notebook, through its table builders: the frame check each builder starts with (the columns a builder
reads, named in its error when missing).

One message for every builder, so a notebook author who passes the wrong frame reads the same thing everywhere:
which frame, which columns are missing, which columns the builder needs and which the frame has.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd


def need(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    """Raise ValueError naming ``what`` (the frame or the builder), the missing columns, the columns needed and the
    columns the frame has, when ``frame`` lacks any of ``columns``."""
    columns = list(columns)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what}: missing column(s) {', '.join(missing)}; expected at least {', '.join(columns)} "
                         f"(see data/README.md); got {', '.join(map(str, frame.columns)) or 'no columns'}")
