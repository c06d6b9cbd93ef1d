"""The check a notebook runs in its imports cell (:func:`validated`), including the names papermill injected."""

from __future__ import annotations

import ast
import builtins
import json
import types
from pathlib import Path
from typing import Any

from helpers.params.checks import check_all


def injected_by_papermill() -> dict[str, Any]:
    """Names and values papermill injected into the running kernel (its "# Parameters" cell), if any.

    papermill only warns about a parameter the notebook does not declare and goes on; looking at the cell it
    injected lets a direct ``papermill -p asof ...`` run fail as clearly as the build does.
    """
    get_ipython = builtins.__dict__.get("get_ipython")
    if get_ipython is None:
        return {}
    shell = get_ipython()
    history = shell.user_ns.get("In", []) if shell is not None else []
    for source in reversed(history[:-1]):
        if isinstance(source, str) and source.startswith("# Parameters\n"):
            return _assignments(source)
    return {}


def cell_defaults(ipynb: Path) -> dict[str, Any]:
    """The values the notebook file's own parameters cell (tagged ``parameters``) assigns, as papermill and
    JupyterLab run it; empty when the file cannot be read (the build names a missing notebook itself)."""
    try:
        cells = json.loads(ipynb.read_text(encoding="utf-8"))["cells"]
        source = next(c["source"] for c in cells if "parameters" in c.get("metadata", {}).get("tags", []))
    except (OSError, ValueError, KeyError, TypeError, AttributeError, StopIteration):
        return {}
    return _assignments("".join(source) if isinstance(source, list) else source)


def py_cell_defaults(py: Path) -> dict[str, Any]:
    """The values the parameters cell of a jupytext ``.py`` (percent format: ``# %% tags=["parameters"]`` up to the
    next ``# %%``) assigns: what the build runs once it syncs the pair; empty without such a file or cell."""
    try:
        lines = py.read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return {}
    start = next((i for i, line in enumerate(lines) if line.startswith("# %%") and "parameters" in line), None)
    if start is None:
        return {}
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("# %%")), len(lines))
    return _assignments("\n".join(lines[start + 1:end]))


def _assignments(source: str) -> dict[str, Any]:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return {}
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                found[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                found[node.targets[0].id] = ast.unparse(node.value)
    return found


def validated(notebook_id: str, **values: Any) -> types.SimpleNamespace:
    """Check a notebook's parameters against ``collection.toml``; called in each notebook's imports cell.

    Returns a namespace with one attribute per declared parameter (dates as ``datetime.date``, org lists as
    ``list[str]``, ``list`` parameters as a ``list[str]`` that prints as its comma-separated text, years as
    ``int``). Raises :class:`ParameterError`
    naming notebook, parameter, value and what is allowed; the rules between parameters (``start <= end``) are
    checked too. Parameters not passed take their declared default. In a kernel where papermill injected
    parameters, a name the notebook does not declare is refused too.
    """
    injected = injected_by_papermill()
    unknown = {k: v for k, v in injected.items() if k not in values}
    return types.SimpleNamespace(**check_all(notebook_id, {**unknown, **values}))
