"""``python -m helpers.render EXECUTED.ipynb`` renders one executed notebook."""

from __future__ import annotations

import nbformat


def test_command_line_renders_an_executed_notebook(executed, tmp_path):

    from helpers.render.__main__ import main

    nb_path = tmp_path / "executed.ipynb"
    nbformat.write(executed[0], nb_path)
    assert main([str(nb_path), "-o", str(tmp_path / "out" / "page.html")]) == 0
    out = (tmp_path / "out" / "page.html").read_text(encoding="utf-8")
    assert 'id="fig-bars"' in out and 'src="assets/vega-bundle.js"' in out
    assert (tmp_path / "out" / "assets" / "vega-bundle.js").exists()
    assert (tmp_path / "out" / "exports" / "page" / "members.csv").exists()
