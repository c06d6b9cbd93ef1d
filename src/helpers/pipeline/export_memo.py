"""vl-convert's SVG and PNG exports kept by content, so a re-render does not start its engine again.

The same chart spec, vl-convert version, helpers code and locked environment give the same bytes, so a re-render
(a prose edit, a variant, a data change that leaves a chart alone) reads them from the cache folder instead of
starting vl-convert's engine (≈1.5 s per chart on a loaded machine). The memo is on disk, one file per export, and
``make clean`` empties it with the rest of the cache; nothing is held in memory.
"""

from __future__ import annotations

import logging
from pathlib import Path

from helpers import cache

FUNCTIONS = ("vegalite_to_svg", "vegalite_to_png", "vega_to_svg", "vega_to_png")
_log = logging.getLogger(__name__)


def _memoised(original, name: str, folder: Path, salt: dict):
    def memoised(spec, *args, **kwargs):
        key = cache.sha256_bytes(cache.canonical({"fn": name, "spec": spec, "args": args, "kwargs": kwargs, **salt}))
        path = folder / key[:2] / key
        try:
            data = path.read_bytes()
        except OSError:
            result = original(spec, *args, **kwargs)
            try:
                cache.atomic_write(path, result.encode("utf-8") if isinstance(result, str) else result)
            except OSError as exc:  # a full or read-only cache: the export is made again next time
                _log.info("chart export not kept in %s (%s)", folder, exc.strerror or exc)
            return result
        return data.decode("utf-8") if name.endswith("svg") else data

    memoised.memoised = True
    memoised.folder = folder
    return memoised


def memoise_exports(folder: Path) -> None:
    """Wrap vl-convert's export functions in this process so they read and keep their results under ``folder``.
    Applied once per process and folder (calling it again with the same folder changes nothing)."""
    import vl_convert as vlc

    salt = {"vl_convert": getattr(vlc, "__version__", ""), "code": cache.code_hash(),
            "env": cache.environment_hash()}
    for name in FUNCTIONS:
        current = getattr(vlc, name, None)
        if current is None or getattr(current, "folder", None) == folder:
            continue
        original = getattr(current, "__wrapped__", current)
        wrapped = _memoised(original, name, folder, salt)
        wrapped.__wrapped__ = original
        setattr(vlc, name, wrapped)
