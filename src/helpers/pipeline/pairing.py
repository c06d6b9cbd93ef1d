"""A notebook's two files as the build sees them. One edits ``notebooks/NN-stem.py`` (py:percent); the build runs
its ``.ipynb``. A ``.py`` edited without ``make sync`` left the ``.ipynb`` behind, and the build called the old page
``cached``. So before a build plans anything, each selected notebook's pair is compared cell by cell (type, source,
tags: what jupytext pairs):

- the ``.py`` changed last: the ``.ipynb`` is written from it as ``make sync`` writes it (jupytext ``--update``,
  outputs cleared), and the build says so;
- the ``.ipynb`` changed last (saved by a program that does not write the ``.py``): the build is refused in one line
  naming both files and the command for each way of bringing them together, because ``make sync`` would replace
  that edit.

A notebook without a ``.py`` is run as it is. Pairs found to agree are remembered by the two files' content hashes
(``_pairs.json`` in the cache), so a build whose notebooks did not change reads no notebook with jupytext. The live
preview syncs a pair with :func:`sync_pair` too.
"""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

from helpers import cache


class PairError(Exception):
    """A pair that the build cannot bring together without losing an edit (one line)."""


def cells(nb) -> list[tuple[str, str, tuple]]:
    """What jupytext pairs of each cell: type, source (trailing blank lines aside) and tags."""
    return [(c.cell_type, c.source.rstrip(), tuple(c.metadata.get("tags", []))) for c in nb.cells]


def sync_pair(notebook: Path) -> Path:
    """Sync a pair from ``notebook`` (the side that changed), as ``make sync`` does; the file written."""
    from jupytext.cli import jupytext

    if notebook.suffix == ".py":
        jupytext(["--quiet", "--to", "ipynb", "--update", str(notebook)], notary=_notary())
        target = notebook.with_suffix(".ipynb")
        _clear_outputs(target)
        return target
    target = notebook.with_suffix(".py")
    jupytext(["--quiet", "--to", "py:percent", str(notebook), "-o", str(target)], notary=_notary())
    return target


@functools.lru_cache(maxsize=1)
def _notary():
    """A notebook notary with its signatures in memory: the files written are the same bytes as ``make sync``
    writes, without reading and committing Jupyter's signature database on every save (up to 0.3 s on a loaded
    machine). The synced ``.ipynb`` has no outputs, which is all a signature vouches for."""
    from nbformat.sign import NotebookNotary

    return NotebookNotary(db_file=":memory:")


def _clear_outputs(ipynb: Path) -> None:
    """``jupyter nbconvert --clear-output --inplace`` (what ``make sync`` runs), only when there is something to
    clear: ``--update`` keeps the outputs of the existing ``.ipynb``, which the repository holds without any."""
    import nbformat
    from nbconvert.preprocessors import ClearOutputPreprocessor

    nb = nbformat.read(ipynb, as_version=4)
    if not any(c.get("outputs") or c.get("execution_count") for c in nb.cells if c.cell_type == "code"):
        return
    nb, _ = ClearOutputPreprocessor().preprocess(nb, {})
    nbformat.write(nb, ipynb)


def differing(py: Path, ipynb: Path) -> list[int]:
    """Numbers (from 1) of the cells where the pair differs; ``[]`` when it holds the same cells."""
    import jupytext
    import nbformat

    a, b = cells(jupytext.read(py)), cells(nbformat.read(ipynb, as_version=4))
    return [i + 1 for i in range(max(len(a), len(b))) if i >= len(a) or i >= len(b) or a[i] != b[i]]


def _jupytext() -> str:
    """The jupytext command beside this Python (``.venv/bin/jupytext`` in a clone), as a user would type it."""
    beside = Path(sys.executable).with_name("jupytext")
    return cache.relative(beside) if beside.is_file() else "jupytext"


def sync_command(py: Path) -> str:
    """The one command that writes ``py``'s ``.ipynb`` from it, as ``make sync`` does for every notebook."""
    return f"{_jupytext()} --to ipynb --update {cache.relative(py)}"


def _differing_or_refuse(py: Path, ipynb: Path) -> list[int]:
    """:func:`differing`, or a :class:`PairError` naming both files when jupytext or nbformat cannot read one."""
    try:
        return differing(py, ipynb)
    except Exception as exc:  # noqa: BLE001 - jupytext or nbformat cannot read one of them
        raise PairError(f"{cache.relative(py)} or {cache.relative(ipynb)} cannot be read "
                        f"({type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''}); "
                        "fix the file, then build again") from None


def bring_together(notebooks: list[Path], memo: Path | None = None) -> list[tuple[Path, Path | None]]:
    """Sync each ``.ipynb`` whose ``.py`` was edited since the two last agreed; ``(ipynb written, the copy of the
    old .ipynb kept, or None)`` for each. Raises :class:`PairError` when an ``.ipynb`` differs from its ``.py`` and
    was itself changed. ``memo``: a file that remembers the pairs that agree (by content hash). Which side changed is
    decided by content against that memory, not by file times (a ``touch`` of the ``.py`` had replaced an edit of
    the ``.ipynb``); a pair the memory does not know is synced only from a ``.py`` newer than its ``.ipynb``, and the
    old ``.ipynb`` is kept beside the memory first, so no edit is lost."""
    known = _read_memo(memo)
    agreed, written = {}, []
    for ipynb in sorted(set(notebooks)):
        py = ipynb.with_suffix(".py")
        if not py.is_file() or not ipynb.is_file():
            continue
        hashes = [cache.sha256_file(py), cache.sha256_file(ipynb)]
        if known.get(ipynb.stem) != hashes and _differing_or_refuse(py, ipynb):
            kept = _refuse_or_keep(py, ipynb, hashes, known.get(ipynb.stem), memo)
            where = _cells_text(differing(py, ipynb))
            sync_pair(py)
            if differing(py, ipynb):
                raise PairError(f"{cache.relative(ipynb)} could not be synced from {cache.relative(py)} ({where} "
                                f"still differ); run `{sync_command(py)}` to see what jupytext says, then build "
                                "again")
            written.append((ipynb, kept))
            hashes = [cache.sha256_file(py), cache.sha256_file(ipynb)]
        agreed[ipynb.stem] = hashes
    if memo is not None and {**known, **agreed} != known:
        try:
            cache.atomic_write(memo, json.dumps({**known, **agreed}, sort_keys=True, indent=1).encode())
        except OSError:
            pass  # only a later build's speed depends on it
    return written


def _refuse_or_keep(py: Path, ipynb: Path, hashes: list[str], before, memo: Path | None) -> Path | None:
    """Before a pair that differs is synced from its ``.py``: :class:`PairError` when the ``.ipynb`` was changed
    since the pair last agreed (or, with no memory of the pair, is newer than the ``.py``); else the copy of the
    ``.ipynb`` kept when the memory cannot vouch that it holds no edit of its own (None when it can)."""
    known = isinstance(before, list) and len(before) == 2
    if (known and hashes[1] != before[1]) or (not known and ipynb.stat().st_mtime > py.stat().st_mtime):
        where = _cells_text(differing(py, ipynb))
        raise PairError(
            f"{cache.relative(ipynb)} was changed since the last build and differs from {cache.relative(py)} "
            f"({where}): the build runs the .ipynb, and `make sync` would replace its edit from the .py; keep the "
            f"edit with `{_jupytext()} --to py:percent {cache.relative(ipynb)} -o {cache.relative(py)}`, or "
            f"drop it with `{sync_command(py)}`, then build again")
    if known or memo is None:
        return None
    kept = memo.parent / "pairs-kept" / ipynb.name
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        cache.atomic_write(kept, ipynb.read_bytes())
    except OSError as exc:
        raise PairError(f"{cache.relative(ipynb)} would be synced from {cache.relative(py)}, but its copy could not "
                        f"be kept in {cache.relative(kept.parent)} ({exc.strerror or exc}); copy the .ipynb "
                        f"elsewhere if it holds work, run `{sync_command(py)}`, then build again") from None
    return kept


def _read_memo(memo: Path | None) -> dict:
    try:
        data = json.loads(memo.read_bytes()) if memo is not None else {}
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _cells_text(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:5]) + (f" and {len(numbers) - 5} more" if len(numbers) > 5 else "")
    return f"cell{'s' if len(numbers) > 1 else ''} {shown}"
