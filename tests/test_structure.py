"""The size limits CONTRIBUTING sets for ``src/helpers``: no function over 40 lines, no module over 350 lines
(issues 14 and 19). A module or function that grows past them is a sign it does more than one job; split it by
job (a new module named for what it does), never by packing lines."""

from __future__ import annotations

import ast
from pathlib import Path

HELPERS = Path(__file__).resolve().parents[1] / "src" / "helpers"
MAX_FUNCTION, MAX_MODULE = 40, 350


def _modules():
    return sorted(p for p in HELPERS.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_module_is_over_350_lines():
    long = {str(p.relative_to(HELPERS)): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE}
    assert not long, f"modules over {MAX_MODULE} lines: {long}"


def test_no_function_is_over_40_lines():
    long = {}
    for p in _modules():
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION:
                    long[f"{p.relative_to(HELPERS)}:{node.name}"] = length
    assert not long, f"functions over {MAX_FUNCTION} lines: {long}"


def test_no_two_modules_share_a_name():
    """A name says which module it is (issue 19): no two modules in ``src/helpers`` have one file name, except a
    package's ``__init__``/``__main__`` and a chart module named after the area whose frames it draws
    (``charts/balance.py`` draws ``tables/balance.py``'s frames for the same notebook)."""
    seen: dict[str, list[str]] = {}
    for p in _modules():
        if p.stem not in ("__init__", "__main__"):
            seen.setdefault(p.stem, []).append(str(p.relative_to(HELPERS)))
    mirrored = {"tables", "charts"}
    clashes = {stem: places for stem, places in seen.items()
               if len(places) > 1 and {Path(place).parent.name for place in places} != mirrored}
    packages = {p.parent.name for p in HELPERS.rglob("__init__.py")}
    clashes |= {stem: places for stem, places in seen.items() if stem in packages}
    assert not clashes, f"modules sharing a name: {clashes}"


def test_every_area_module_names_the_notebooks_it_serves():
    """A newcomer opening ``tables/`` or ``charts/`` learns from each module's first line which notebook(s) it
    serves ('Notebook 07: …', 'Notebooks 02, 03 and 08: …')."""
    import re

    silent = []
    for p in _modules():
        if p.parent.name in ("tables", "charts") and p.stem != "__init__":
            first = (ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")), clean=False) or "").split("\n")[0]
            if not re.search(r"\b[Nn]otebooks?\b.*\b\d{2}\b|\bEvery notebook\b", first):
                silent.append(f"{p.relative_to(HELPERS)}: {first!r}")
    assert not silent, "first docstring lines that name no notebook:\n" + "\n".join(silent)
