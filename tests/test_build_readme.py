"""README.md: the two commands are there and the table of notebooks matches notebooks/collection.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_table_of_notebooks_is_generated_from_the_section_map():
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_readme.py"), "--check"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr


def test_readme_lists_every_notebook_title_and_the_two_commands():
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_readme

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make reports" in readme and "make test" in readme
    from helpers import params, paths

    for nb in params.notebooks(paths.COLLECTION):
        assert f"[{nb.title}](notebooks/{nb.stem}.py)" in readme
    assert make_readme.table() in readme
