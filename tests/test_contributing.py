"""CONTRIBUTING.md tells a newcomer where things are: its table of modules lists every module of ``src/helpers``
with the first sentence of its docstring, as ``scripts/module_table.py`` writes it, and its recipes name files that
exist."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _module_table():
    spec = importlib.util.spec_from_file_location("module_table", ROOT / "scripts" / "module_table.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_module_table_lists_every_module_as_its_docstring_says():
    mt = _module_table()
    text = mt.CONTRIBUTING.read_text(encoding="utf-8")
    assert mt.current(text) == text, "run .venv/bin/python scripts/module_table.py"
    listed = set(re.findall(r"^\| `([^`]+)` \|", text.split(mt.START)[1].split(mt.END)[0], flags=re.M))
    assert {"tables/sco_states", "params/datafiles", "render/page_parts", "data_text"} <= listed


def test_the_table_follows_a_new_module(tmp_path):
    mt = _module_table()
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "__init__.py").write_text('"""Table builders."""\n', encoding="utf-8")
    (tmp_path / "tables" / "x.py").write_text('"""Tables for notebook 10: the x. More here."""\n', encoding="utf-8")
    old = f"intro\n{mt.START}\n{mt.END}\nrest"
    new = mt.current(old, tmp_path)
    assert "| `tables/x` | Tables for notebook 10: the x. |" in new and new.endswith("rest")
    assert new.index("`tables/`") < new.index("`tables/x`")


def test_the_recipes_name_files_that_exist():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(tests/[\w/]+\.py)`", text))
    assert named and [n for n in sorted(named) if not (ROOT / n).exists()] == []
