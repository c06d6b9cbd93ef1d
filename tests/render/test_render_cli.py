"""``python -m helpers.render EXECUTED.ipynb`` renders one executed notebook: the page, its exports and the shared
assets beside the output file, and a page that says it stands alone (no link to a report, index or search that is
not there)."""

from __future__ import annotations

import os
import re
from urllib.parse import unquote, urlsplit

import nbformat


def test_command_line_renders_an_executed_notebook(executed, tmp_path, monkeypatch):

    from helpers.render.__main__ import main

    nb_path = tmp_path / "executed.ipynb"
    nbformat.write(executed[0], nb_path)
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # run from another folder: nothing is written there
    assert main([str(nb_path), "-o", str(tmp_path / "out" / "page.html")]) == 0
    assert not os.listdir(elsewhere)
    out = (tmp_path / "out" / "page.html").read_text(encoding="utf-8")
    assert 'id="fig-bars"' in out and 'src="assets/vega-bundle.js"' in out
    assert (tmp_path / "out" / "assets" / "vega-bundle.js").exists()
    assert (tmp_path / "out" / "exports" / "page" / "members.csv").exists()


def test_a_standalone_page_says_so_and_links_nothing_that_is_not_beside_it(executed, tmp_path):
    from helpers.render.__main__ import main

    nb_path = tmp_path / "executed.ipynb"
    nbformat.write(executed[0], nb_path)
    out_file = tmp_path / "out" / "page.html"
    assert main([str(nb_path), "-o", str(out_file)]) == 0
    page = out_file.read_text(encoding="utf-8")
    assert 'class="report-standalone"' in page and "python -m helpers.render" in page
    assert 'class="site-search' not in page and 'href="index.html"' not in page
    dead = []
    for link in re.findall(r'(?:href|src)="([^"]+)"', page):
        parts = urlsplit(link)
        if parts.scheme or parts.netloc or not parts.path:  # the web, or an anchor on the page
            continue
        if not (out_file.parent / unquote(parts.path)).exists():
            dead.append(link)
    assert not dead, dead
