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


def _new_files(folder, before: set) -> set:
    return {p for p in folder.rglob("*") if p not in before}


def test_a_page_is_never_written_among_the_sources_or_over_a_notebook(tmp_path, capsys):
    """``-o notebooks/03-x.ipynb`` wrote HTML over the source notebook and put ``assets/`` and ``exports/`` in
    ``notebooks/``; ``-o data/x.html`` changed the data version; a page beside a notebook executed in place landed
    in ``notebooks/`` too. Each is refused in one line that names the folder and says what to give instead, and
    nothing is written."""
    import pytest

    from helpers import paths
    from helpers.render.__main__ import main

    nb_path = tmp_path / "executed.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), nb_path)
    source = next(paths.NOTEBOOKS.glob("*.ipynb"))
    cases = [
        ([str(nb_path), "-o", str(source)], "ending in .html"),
        ([str(nb_path), "-o", str(paths.NOTEBOOKS / "x.html")], "is the notebooks folder"),
        ([str(nb_path), "-o", str(paths.DATA / "x.html")], "is the data folder"),
        ([str(nb_path), "-o", str(paths.ROOT / "x.html")], "holds the notebooks folder"),
        ([str(source)], "is the notebooks folder"),  # the default output is beside the notebook
        ([str(nb_path), "-o", str(tmp_path)], "is a folder"),
    ]
    watched = {d: set(d.rglob("*")) for d in (paths.NOTEBOOKS, paths.DATA)}
    root = set(paths.ROOT.iterdir())
    kept = source.read_bytes()
    try:
        for argv, words in cases:
            with pytest.raises(SystemExit) as stop:
                main(argv)
            err = capsys.readouterr().err.strip().splitlines()[-1]
            assert stop.value.code == 2 and words in err, (argv, err)
    finally:  # a command that was not refused wrote into the project: take its files away again
        for d, before in watched.items():
            for p in sorted(_new_files(d, before), reverse=True):
                p.unlink() if p.is_file() else p.rmdir()
        extra = {p for p in set(paths.ROOT.iterdir()) - root if p.name in ("x.html", "assets", "exports")}
        for p in extra:
            __import__("shutil").rmtree(p) if p.is_dir() else p.unlink()
        if source.read_bytes() != kept:
            source.write_bytes(kept)
        assert not extra


def test_a_file_that_is_not_a_notebook_is_one_line(tmp_path, capsys):
    import pytest

    from helpers.render.__main__ import main

    csv = tmp_path / "alpha.csv"
    csv.write_text("event_id,date\na,1985-03-01\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stop:
        main([str(csv), "-o", str(tmp_path / "out" / "a.html")])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and "alpha.csv is not a notebook" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()
