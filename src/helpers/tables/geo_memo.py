"""Notebooks 02, 03 and 08: a map's yearly standings kept on disk by content, so the reports of one sweep work out
each slider year once.

A time-slider map needs every feature's standing on each year's date (:func:`helpers.tables.geo.feature_status`,
the slow part of a report with a map). Two reports of a sweep share all those dates but the report's own, so each
result is kept under a hash of everything it is made from: the membership, lineage and state frames, the
boundary files, the organisation, the date, the statuses, the edition and the helpers code. Equal inputs give the
same frame, read back exactly as it was made (pickle keeps the dtypes), so a report reads the same whether it
worked a year out or read it: no state passes between reports, only results keyed by what they depend on. The
build names the folder for its kernels (``$NATO_MEMO_DIR``); without it nothing is kept.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from helpers import cache, paths


def frame_digest(frame: pd.DataFrame) -> str:
    """A content hash of a frame: its columns, dtypes, index and values."""
    h = hashlib.sha256(cache.canonical([list(map(str, frame.columns)), list(map(str, frame.dtypes))]))
    h.update(pd.util.hash_pandas_object(frame, index=True).to_numpy().tobytes())
    return h.hexdigest()


def keeper(parts: dict, files: list[Path]) -> Callable[[str, Callable[[], pd.DataFrame]], pd.DataFrame]:
    """``keep(name, make)``: the frame ``make()`` returns, read from the memo folder when a run with the same
    ``parts`` (plain values and frame digests), the same ``files``, the same code and the same edition kept it;
    without a memo folder, ``make()`` every time."""
    folder = paths.memo_dir()
    if folder is None:
        return lambda name, make: make()
    base = dict(parts, files={str(f): cache.sha256_file(f) for f in files}, code=cache.code_hash(),
                lang=paths.language())

    def keep(name: str, make: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        key = cache.sha256_bytes(cache.canonical(dict(base, name=name)))
        path = folder / "geo" / key[:2] / f"{key}.pickle"
        try:
            return pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            frame = make()
        try:
            cache.atomic_write(path, pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:  # a full or read-only cache: worked out again next time
            pass
        return frame

    return keep
