"""What git commits of a notebook: nbstripout's strip (outputs, execution counts, the run's metadata) and, beyond
it, empty tag lists dropped (papermill and JupyterLab write ``"tags": []`` on every cell they touch).

    python scripts/nbclean.py < saved.ipynb > committed.ipynb     git's clean filter (make setup configures it)
    python scripts/nbclean.py -t notebooks/02-nato-enlargement.ipynb     the same, printed (git's textconv for diff)
    python scripts/nbclean.py notebooks/*.ipynb                    in place (the pre-commit hook)
    python scripts/nbclean.py --kernel-info notebooks/*.ipynb      before JupyterLab opens them (make lab)

JupyterLab marks a notebook unsaved as soon as its kernel starts when the notebook's ``language_info`` differs from
the kernel's (a committed notebook has none: it names the machine's Python version). ``--kernel-info`` writes this
environment's kernel's ``language_info`` into the working copies; the clean filter takes it out again, so git sees
no change.

Cell ids are kept: jupytext pairs cells by them. ``tests/test_pairing.py`` reads the notebooks through
:func:`clean` when this filter is configured, so a save in JupyterLab never fails ``make test``.
"""

from __future__ import annotations

import argparse
import io
import sys
import warnings

import nbformat
import nbstripout

#: Metadata a run writes that nbstripout keeps by default.
EXTRA_KEYS = ("metadata.language_info", "metadata.papermill", "metadata.widgets", "cell.metadata.papermill",
              "cell.metadata.execution", "cell.metadata.ExecuteTime")


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` as committed: stripped by nbstripout (ids kept), empty ``tags`` lists removed."""
    nb = nbstripout.strip_output(nb, keep_output=False, keep_count=False, keep_id=True, extra_keys=list(EXTRA_KEYS))
    for cell in nb.cells:
        if "tags" in cell.get("metadata", {}) and not cell.metadata["tags"]:
            del cell.metadata["tags"]
    return nb


def with_kernel_info(path) -> bool:
    """Give the notebook at ``path`` the ``language_info`` this environment's kernel reports; True when it changed.
    Its paired ``.py`` keeps a time no older than the notebook's (jupytext pairs by time)."""
    import os
    from pathlib import Path

    from ipykernel.ipkernel import IPythonKernel

    path = Path(path)
    with path.open(encoding="utf-8") as fh:
        nb = _read(fh)
    info = dict(IPythonKernel.language_info)
    if nb.metadata.get("language_info") == info:
        return False
    nb.metadata["language_info"] = info
    with path.open("w", encoding="utf-8", newline="") as fh:
        _write(nb, fh)
    text = path.with_suffix(".py")
    if text.exists():
        stamp = max(text.stat().st_mtime, path.stat().st_mtime)
        os.utime(text, (stamp, stamp))
    return True


def _read(stream) -> nbformat.NotebookNode:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=UserWarning)
        return nbformat.read(stream, as_version=nbformat.NO_CONVERT)


def _write(nb, stream) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", category=UserWarning)
        nbformat.write(nb, stream)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", help="notebooks to clean in place (none: stdin to stdout)")
    parser.add_argument("-t", "--textconv", action="store_true", help="print the cleaned files instead")
    parser.add_argument("--kernel-info", action="store_true",
                        help="write this kernel's language_info into the files (JupyterLab then opens them saved)")
    args = parser.parse_args(argv)
    if args.kernel_info:
        for name in args.files:
            with_kernel_info(name)
        return 0
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
    try:
        if not args.files:
            _write(clean(_read(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8"))), out)
        for name in args.files:
            with open(name, encoding="utf-8") as fh:
                nb = _read(fh)
            if args.textconv:
                _write(clean(nb), out)
                continue
            cleaned = clean(nb)
            with open(name, "w", encoding="utf-8", newline="") as fh:
                _write(cleaned, fh)
    except nbformat.reader.NotJSONError as exc:
        print(f"nbclean: not a notebook ({exc})", file=sys.stderr)
        return 1
    finally:
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
