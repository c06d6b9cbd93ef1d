"""Notebooks 02, 03 and 08: a map's yearly standings kept on disk by content, so the reports of one sweep work out
each slider year once.

A time-slider map needs every feature's standing on each year's date (:func:`helpers.tables.geo.feature_status`,
the slow part of a report with a map). Two reports of a sweep share all those dates but the report's own, so each
result is kept under a hash of everything it is made from: the membership, lineage and state frames, the
boundary files, the organisation, the date, the statuses, the edition and the helpers code. Equal inputs give the
same frame, read back exactly as it was made (pickle keeps the dtypes), so a report reads the same whether it
worked a year out or read it: no state passes between reports, only results keyed by what they depend on. The
build names the folder for its kernels (``$NATO_MEMO_DIR``); without it nothing is kept.

A kept file is read by :class:`_FramesOnly`, which rebuilds numpy and pandas objects only: a file planted in the
folder that names any other callable (``os.system``) is refused and worked out again, never run; so is one that
holds anything but a frame.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from helpers import cache, paths

#: Every global a kept frame's pickle may name, by module and name, and nothing else: the classes of a frame, its
#: index and its column arrays and dtypes, and their rebuild functions. A whole package is never admitted, since
#: ``numpy._core`` also holds ``memmap``, which opens and writes a file when it is rebuilt. A kept frame that names
#: anything outside this list is refused and worked out again, never run.
_ALLOWED = frozenset({
    ("builtins", "slice"), ("numpy", "dtype"), ("numpy", "ndarray"),
    ("numpy._core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "scalar"),
    ("numpy._core.numeric", "_frombuffer"), ("numpy.core.multiarray", "_reconstruct"),
    ("numpy.core.multiarray", "scalar"), ("numpy.core.numeric", "_frombuffer"),
    *(("numpy.dtypes", n) for n in ("BoolDType", "Int64DType", "Int32DType", "Float64DType", "ObjectDType",
                                     "StrDType", "DateTime64DType")),
    *(("pandas", n) for n in ("DataFrame", "Series", "Index", "RangeIndex", "MultiIndex", "DatetimeIndex",
                              "Categorical", "CategoricalDtype", "CategoricalIndex", "Timestamp", "NA", "NaT",
                              "StringDtype", "BooleanDtype", "Int64Dtype", "Float64Dtype")),
    *(("pandas.arrays", n) for n in ("BooleanArray", "DatetimeArray", "IntegerArray", "FloatingArray",
                                     "StringArray")),
    ("pandas._libs.arrays", "__pyx_unpickle_NDArrayBacked"), ("pandas._libs.internals", "_unpickle_block"),
    ("pandas.core.indexes.base", "_new_Index"), ("pandas.core.indexes.datetimes", "_new_DatetimeIndex"),
    ("pandas.core.internals.managers", "BlockManager"), ("pandas.core.internals.managers", "SingleBlockManager"),
})


class _FramesOnly(pickle.Unpickler):
    """An unpickler that admits only the globals of :data:`_ALLOWED`."""

    def find_class(self, module: str, name: str):
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a kept frame")


def _read(path: Path) -> pd.DataFrame:
    """The frame kept at ``path``; UnpicklingError when the file holds anything else."""
    with path.open("rb") as fh:
        frame = _FramesOnly(fh).load()
    if not isinstance(frame, pd.DataFrame):
        raise pickle.UnpicklingError(f"{path.name} holds a {type(frame).__name__}, not a frame")
    return frame


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
            return _read(path)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            frame = make()  # none kept, or a file that is not a kept frame: worked out again and written over
        try:
            cache.atomic_write(path, pickle.dumps(frame, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:  # a full or read-only cache: worked out again next time
            pass
        return frame

    return keep
