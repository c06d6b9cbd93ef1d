"""One import style in the notebooks (issue 19): a table module is imported under its own name, a chart module as
``<its name>_charts`` (it shares its area's name with the frames it draws), so a name means the same module in
every notebook (``tables`` used to be ``euroatlantic`` in 01–04, ``balance`` in 05 and ``principles`` in 09)."""

from __future__ import annotations

import ast
from pathlib import Path

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]-*.py"))


def aliases(source: str) -> list[str]:
    """``module as alias`` for every helpers import that breaks the rule."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("helpers"):
            for a in node.names:
                wanted = f"{a.name}_charts" if node.module == "helpers.charts" and a.name != "maps" else a.name
                if (a.asname or a.name) != wanted:
                    out.append(f"{node.module}.{a.name} as {a.asname or a.name}")
    return out


def test_every_notebook_imports_helpers_modules_by_their_own_names():
    assert NOTEBOOKS
    assert {nb.name: aliases(nb.read_text(encoding="utf-8")) for nb in NOTEBOOKS} == {nb.name: [] for nb in NOTEBOOKS}


def test_the_check_sees_a_role_alias():
    assert aliases("from helpers.tables import balance as tables\nfrom helpers.charts import balance\n") == [
        "helpers.tables.balance as tables", "helpers.charts.balance as balance"]
