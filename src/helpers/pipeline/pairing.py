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


def bring_together(notebooks: list[Path], memo: Path | None = None) -> list[tuple[Path, Path | None]]:
    """Sync each ``.ipynb`` whose ``.py`` was edited since the two last agreed; ``(ipynb written, the copy of the
    old .ipynb kept, or None)`` for each. Raises :class:`PairError` when an ``.ipynb`` differs from its ``.py`` and
    holds an edit of its own. ``memo``: a file that remembers the pairs that agree (the two files' content hashes
    and a hash of the cells they agreed on). Which side changed is decided by content, not by file times (a
    ``touch`` of the ``.py`` had replaced an edit of the ``.ipynb``): by the cells against that memory, and an
    ``.ipynb`` whose cells are those committed in git holds no edit that a sync could lose (after ``git checkout``).
    A pair the memory does not know is synced only from a ``.py`` newer than its ``.ipynb``, and the old ``.ipynb``
    is kept beside the memory first, so no edit is lost."""
    known = _read_memo(memo)
    agreed, written = {}, []
    for ipynb in sorted(set(notebooks)):
        py = ipynb.with_suffix(".py")
        if not py.is_file() or not ipynb.is_file():
            continue
        hashes, before = [cache.sha256_file(py), cache.sha256_file(ipynb)], known.get(ipynb.stem)
        if isinstance(before, list) and before[:2] == hashes:
            agreed[ipynb.stem] = before
            continue
        a, b = _cells_or_refuse(py, ipynb)
        if a != b:
            written.append((ipynb, _sync_from_py(py, ipynb, a, b, before, memo)))
            hashes = [cache.sha256_file(py), cache.sha256_file(ipynb)]
        agreed[ipynb.stem] = [*hashes, _cells_hash(a)]
    if memo is not None and {**known, **agreed} != known:
        try:
            cache.atomic_write(memo, json.dumps({**known, **agreed}, sort_keys=True, indent=1).encode())
        except OSError:
            pass  # only a later build's speed depends on it
    return written


def _sync_from_py(py: Path, ipynb: Path, a: list, b: list, before, memo: Path | None) -> Path | None:
    """Sync a pair that differs from its ``.py`` (or refuse); the copy of the old ``.ipynb`` kept, or None."""
    kept = _refuse_or_keep(py, ipynb, a, b, before, memo)
    where = _cells_text(_numbers(a, b))
    sync_pair(py)
    if differing(py, ipynb):
        raise PairError(f"{cache.relative(ipynb)} could not be synced from {cache.relative(py)} ({where} "
                        f"still differ); run `{sync_command(py)}` to see what jupytext says, then build again")
    return kept


def _cells_or_refuse(py: Path, ipynb: Path) -> tuple[list, list]:
    """The cells of each file, or a :class:`PairError` naming both files when jupytext or nbformat cannot read one."""
    import jupytext
    import nbformat

    try:
        return cells(jupytext.read(py)), cells(nbformat.read(ipynb, as_version=4))
    except Exception as exc:  # noqa: BLE001 - jupytext or nbformat cannot read one of them
        raise PairError(f"{cache.relative(py)} or {cache.relative(ipynb)} cannot be read "
                        f"({type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''}); "
                        "fix the file, then build again") from None


def _numbers(a: list, b: list) -> list[int]:
    return [i + 1 for i in range(max(len(a), len(b))) if i >= len(a) or i >= len(b) or a[i] != b[i]]


def _cells_hash(found: list) -> str:
    import hashlib

    return hashlib.sha256(json.dumps(found, ensure_ascii=False).encode()).hexdigest()


def _committed_cells(ipynb: Path) -> list | None:
    """The cells of ``ipynb`` as committed in git (HEAD), or None when there is no such commit or file."""
    import subprocess

    import nbformat

    try:
        shown = subprocess.run(["git", "-C", str(ipynb.parent), "show", f"HEAD:./{ipynb.name}"],
                               capture_output=True, timeout=20, check=True).stdout
        return cells(nbformat.reads(shown.decode("utf-8"), as_version=4))
    except Exception:  # noqa: BLE001 - no git, not a repository, not committed, not a notebook
        return None


def _edited(ipynb: Path, a: list, b: list, before) -> tuple[bool, bool]:
    """``(.py edited, .ipynb edited)`` since the pair last agreed, by their cells. An older memory (file hashes
    only) or none: the ``.ipynb`` counts as edited when its bytes changed, or (no memory) when it is the newer."""
    if isinstance(before, list) and len(before) == 3:
        ipynb_edited = _cells_hash(b) != before[2] and _committed_cells(ipynb) != b
        return _cells_hash(a) != before[2], ipynb_edited
    if isinstance(before, list) and len(before) == 2:
        return True, cache.sha256_file(ipynb) != before[1] and _committed_cells(ipynb) != b
    return True, ipynb.stat().st_mtime > ipynb.with_suffix(".py").stat().st_mtime


def _refuse_or_keep(py: Path, ipynb: Path, a: list, b: list, before, memo: Path | None) -> Path | None:
    """Before a pair that differs is synced from its ``.py``: :class:`PairError` when the ``.ipynb`` holds an edit
    of its own (a copy of each file kept first, so whichever way is chosen loses nothing); else the copy of the
    ``.ipynb`` kept when the memory cannot vouch that it holds no edit (None when it can)."""
    py_edited, ipynb_edited = _edited(ipynb, a, b, before)
    known = isinstance(before, list) and len(before) in (2, 3)
    if ipynb_edited:
        raise PairError(_conflict(py, ipynb, _numbers(a, b), py_edited and known, memo))
    if known or memo is None:
        return None
    return _keep_copy(ipynb, memo, py)


def _conflict(py: Path, ipynb: Path, numbers: list[int], both: bool, memo: Path | None) -> str:
    """The one line refusing a pair whose ``.ipynb`` holds an edit; what each command replaces, and the copies."""
    to_py = f"`{_jupytext()} --to py:percent {cache.relative(ipynb)} -o {cache.relative(py)}`"
    where, saved = _cells_text(numbers), _saved(py, ipynb, memo)
    if both:
        return (f"{cache.relative(py)} and {cache.relative(ipynb)} were both changed since the last build and "
                f"differ ({where}){saved}: keep the .py's edit with `{sync_command(py)}` (replaces the .ipynb's "
                f"edit), or keep the .ipynb's edit with {to_py} (replaces the .py's edit), then build again")
    return (f"{cache.relative(ipynb)} was changed since the last build and differs from {cache.relative(py)} "
            f"({where}){saved}: the build runs the .ipynb, and `make sync` would replace its edit from the .py; "
            f"keep the edit with {to_py}, or drop it with `{sync_command(py)}`, then build again")


def _saved(py: Path, ipynb: Path, memo: Path | None) -> str:
    """Copies of both files kept before a refusal, as words for its line ("" when none could be kept)."""
    if memo is None:
        return ""
    folder = memo.parent / "pairs-kept"
    try:
        for side in (py, ipynb):
            cache.atomic_write(folder / side.name, side.read_bytes())
    except OSError:
        return ""
    return f"; a copy of each is kept in {cache.relative(folder)}"


def _keep_copy(ipynb: Path, memo: Path, py: Path) -> Path:
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
