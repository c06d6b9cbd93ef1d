"""``python -m helpers.render EXECUTED.ipynb`` renders one executed notebook: the page, its exports and the shared
assets beside the output file, and a page that says it stands alone (no link to a report, index or search that is
not there)."""

from __future__ import annotations

import os
import re
from urllib.parse import unquote, urlsplit

import nbformat
import pytest


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
    # and JSON that is no notebook: a TypeError and an AttributeError traceback (hostile review 6, case 51)
    (tmp_path / "cells.ipynb").write_text('{"cells": 5}', encoding="utf-8")
    (tmp_path / "list.ipynb").write_text("[]", encoding="utf-8")
    for bad in (csv, tmp_path / "cells.ipynb", tmp_path / "list.ipynb"):
        with pytest.raises(SystemExit) as stop:
            main([str(bad), "-o", str(tmp_path / "out" / "a.html")])
        err = capsys.readouterr().err
        assert stop.value.code == 2 and f"{bad.name} is not a notebook" in err and "Traceback" not in err, err
        assert len(err.strip().splitlines()) <= 2  # argparse's usage line and the one error line
    assert not (tmp_path / "out").exists()


def _good_page(executed, tmp_path):
    """A page rendered from the executed fixture, with its exports: ``(notebook, page, {file: bytes} of out/)``."""
    from helpers.render.__main__ import main

    nb_path = tmp_path / "executed.ipynb"
    nbformat.write(executed[0], nb_path)
    out_file = tmp_path / "out" / "page.html"
    assert main([str(nb_path), "-o", str(out_file)]) == 0
    return nb_path, out_file, _tree(out_file.parent)


def _tree(folder) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_notebook_never_executed_does_not_replace_a_good_page(executed, tmp_path, capsys):
    """The committed notebooks have no outputs: rendering one over a good page replaced it, silently, by a page of
    code and prose without its findings, tables or charts (hostile review 5, #39). It is refused in one line that
    names the notebook and says what to do; ``--as-is`` renders it when asked for, and the new page then
    has no exports of the old one beside it."""
    import pytest

    from helpers.render.__main__ import main

    _, out_file, before = _good_page(executed, tmp_path)
    bare = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Title"),
                                           nbformat.v4.new_code_cell("print(1)")])
    bare_path = tmp_path / "02-nato-enlargement.ipynb"
    nbformat.write(bare, bare_path)
    capsys.readouterr()
    with pytest.raises(SystemExit) as stop:
        main([str(bare_path), "-o", str(out_file)])
    err = capsys.readouterr().err.strip().splitlines()
    assert stop.value.code == 2 and "Traceback" not in "\n".join(err)
    assert str(bare_path) in err[-1] and "has no outputs" in err[-1] and "--as-is" in err[-1], err
    assert _tree(out_file.parent) == before  # the good page and its exports untouched

    assert main([str(bare_path), "-o", str(out_file), "--as-is"]) == 0
    after = _tree(out_file.parent)
    assert after["page.html"] != before["page.html"]
    assert not [rel for rel in after if rel.startswith("exports/page/")], after.keys()  # no stale exports


@pytest.mark.parametrize("fault", ["full", "read-only"])
def test_a_full_or_read_only_disk_changes_nothing_and_says_so_in_one_line(executed, tmp_path, monkeypatch, capsys,
                                                                          fault):
    """On a full disk the page was written before its exports and stayed without them (a broken page), with a
    traceback; on a read-only disk a traceback (hostile review 5, #40, #41). Now every file is written whole
    before any is put in place: the earlier page and its exports stay as they were, no half-written file is
    left, and one line names the page and the reason."""
    import errno

    from helpers.render.__main__ import main

    nb_path, out_file, before = _good_page(executed, tmp_path)
    fresh = tmp_path / "fresh" / "sub" / "page.html"
    code = errno.ENOSPC if fault == "full" else errno.EROFS
    real_fsync = os.fsync

    def failing(fd):
        name = os.path.basename(os.readlink(f"/proc/self/fd/{fd}"))
        if fault == "read-only" or name.endswith(".png"):  # the disk fills up at the first PNG export
            raise OSError(code, os.strerror(code))
        return real_fsync(fd)

    capsys.readouterr()
    with monkeypatch.context() as m:
        m.setattr(os, "fsync", failing)
        results = [main([str(nb_path), "-o", str(target)]) for target in (out_file, fresh)]
    err = capsys.readouterr().err.strip().splitlines()
    assert results == [1, 1] and len(err) == 2 and "Traceback" not in "\n".join(err), err
    assert all(os.strerror(code) in line and "was not written" in line for line in err), err
    assert str(out_file) in err[0] and str(fresh) in err[1]
    assert _tree(out_file.parent) == before  # nothing lost, nothing half-written
    assert not (tmp_path / "fresh").exists()  # a folder made for the page is taken away again


def test_a_notebook_that_stopped_at_an_error_is_refused_naming_the_cell(executed, tmp_path, capsys):
    """A notebook papermill stopped at an error (its later cells without outputs) gave a page without the error or
    any notice, over a good page (hostile review 5, #66). It is refused in one line naming the cell and the error;
    ``--as-is`` renders it when asked for."""
    from helpers.render.__main__ import main

    _, out_file, before = _good_page(executed, tmp_path)
    nb = nbformat.reads(nbformat.writes(executed[0]), as_version=4)
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    nb.cells[code[2]].outputs = [nbformat.v4.new_output("error", ename="ValueError", evalue="boom", traceback=[])]
    for i in code[3:]:
        nb.cells[i].outputs = []
    nb.metadata.setdefault("papermill", {})["exception"] = True
    failed = tmp_path / "failed.ipynb"
    nbformat.write(nb, failed)
    capsys.readouterr()
    with pytest.raises(SystemExit) as stop:
        main([str(failed), "-o", str(out_file)])
    err = capsys.readouterr().err.strip().splitlines()
    assert stop.value.code == 2 and "Traceback" not in "\n".join(err)
    assert f"stopped at an error (cell {code[2]}: ValueError: boom)" in err[-1] and "--as-is" in err[-1], err
    assert _tree(out_file.parent) == before
    assert main([str(failed), "-o", str(out_file), "--as-is"]) == 0


def test_nothing_is_written_through_a_link_out_of_the_pages_folder(executed, tmp_path, capsys):
    """``assets`` beside the page linked to another folder (``scripts/`` or the helpers' static files): the shared
    assets were written into it, among the sources (hostile review 5, #79). Refused in one line; nothing written
    there or beside the page."""
    from helpers.render.__main__ import main

    nb_path = tmp_path / "executed.ipynb"
    nbformat.write(executed[0], nb_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("mine")
    page_dir = tmp_path / "out"
    page_dir.mkdir()
    (page_dir / "assets").symlink_to(elsewhere)
    capsys.readouterr()
    with pytest.raises(SystemExit) as stop:
        main([str(nb_path), "-o", str(page_dir / "page.html")])
    err = capsys.readouterr().err.strip().splitlines()
    assert stop.value.code == 2 and "symbolic link out of" in err[-1] and str(elsewhere) in err[-1], err
    assert [p.name for p in elsewhere.iterdir()] == ["keep.txt"]
    assert sorted(p.name for p in page_dir.iterdir()) == ["assets"]


def test_a_move_that_fails_puts_back_every_file_already_moved(executed, tmp_path, monkeypatch, capsys):
    """Writing into reports/, the exports were moved into place one by one and the page last: when the page's move
    failed (a locked file, a folder in the way), the new exports stayed beside the old page, which does not link
    them (hostile review 6). Now every file already moved is put back: the old page, its exports and the shared
    assets are as they were, and one line says nothing was changed."""
    import errno

    from helpers.render.__main__ import main

    out_file = tmp_path / "reports" / "page.html"
    bare = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Title"),
                                           nbformat.v4.new_code_cell("print(1)")])
    bare_path = tmp_path / "bare.ipynb"
    nbformat.write(bare, bare_path)
    assert main([str(bare_path), "-o", str(out_file), "--as-is"]) == 0  # a page without exports
    (out_file.parent / "assets" / "report.css").write_bytes(b"/* an older stylesheet */")
    before = _tree(out_file.parent)
    nb_path = tmp_path / "executed.ipynb"
    nbformat.write(executed[0], nb_path)
    real_replace = os.replace

    def failing(src, dst):
        if str(dst) == str(out_file):
            raise OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(dst))
        return real_replace(src, dst)

    capsys.readouterr()
    with monkeypatch.context() as m:
        m.setattr(os, "replace", failing)
        assert main([str(nb_path), "-o", str(out_file)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "was not written" in err[0] and "nothing under" in err[0], err
    assert _tree(out_file.parent) == before  # no export of the new page, the older stylesheet back in place
    assert not [p for p in out_file.parent.iterdir() if p.name.startswith(".page.html.")]  # no staging left


def test_a_page_is_never_written_over_the_collections_reports(executed, tmp_path, monkeypatch, capsys):
    """``-o reports/05-….html`` replaced the collection's default 05 report and its exports with another run, exit
    0. The build's reports folder (either edition), the project's reports/ and the cache are refused in one line
    that names the folder, and nothing there changes."""
    from helpers import paths
    from helpers.render.__main__ import main

    site = tmp_path / "site"
    (site / "ar").mkdir(parents=True)
    (site / "05-balance-of-power.html").write_text("the build's report", encoding="utf-8")
    monkeypatch.setenv("NATO_REPORTS_DIR", str(site))
    monkeypatch.setenv("NATO_CACHE_DIR", str(tmp_path / "cache"))
    nb_path = tmp_path / "executed.ipynb"
    nbformat.write(executed[0], nb_path)
    before = _tree(site)
    for out, words in ((site / "05-balance-of-power.html", "is the build's reports folder"),
                       (site / "ar" / "x.html", "is inside the build's reports folder"),
                       (paths.REPORTS / "x.html", "the project's reports folder"),
                       (tmp_path / "cache" / "x.html", "is the build's cache folder")):
        with pytest.raises(SystemExit) as stop:
            main([str(nb_path), "-o", str(out)])
        err = capsys.readouterr().err.strip().splitlines()[-1]
        assert stop.value.code == 2 and words in err and "folder of its own" in err, err
    assert _tree(site) == before
    assert not (tmp_path / "cache").exists()


def test_a_notebook_run_for_the_arabic_edition_makes_an_arabic_page(executed, tmp_path, monkeypatch, capsys):
    """A standalone render of a notebook the build ran for the Arabic edition gave an English, left-to-right page
    with English headings around Arabic findings. The edition marked in the notebook decides the page's language;
    ``NATO_LANG`` naming the other edition is refused in one line."""
    from helpers.render.__main__ import main

    nb = nbformat.from_dict(executed[0])
    nb.metadata["nato_report"] = {"lang": "ar"}
    nb_path = tmp_path / "executed.ipynb"
    nbformat.write(nb, nb_path)
    monkeypatch.delenv("NATO_LANG", raising=False)
    assert main([str(nb_path), "-o", str(tmp_path / "out" / "page.html")]) == 0
    page = (tmp_path / "out" / "page.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page and "في لمحة" in page
    monkeypatch.setenv("NATO_LANG", "en")
    with pytest.raises(SystemExit) as stop:
        main([str(nb_path), "-o", str(tmp_path / "other" / "page.html")])
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert stop.value.code == 2 and "run for the Arabic edition but NATO_LANG=en" in err, err
    assert not (tmp_path / "other").exists()


def test_the_build_marks_the_edition_in_the_notebook_it_keeps(fake, monkeypatch, capsys):
    """What the standalone render reads: the executed notebook the build keeps says the edition it was run for."""
    from helpers.render.__main__ import main

    done = fake.build("--only", "03")
    assert done.returncode == 0, done.stderr
    kept = fake.build_dir / "03-gamma.ipynb"
    assert nbformat.read(kept, as_version=4).metadata["nato_report"] == {"lang": "en"}
    monkeypatch.setenv("NATO_LANG", "ar")
    with pytest.raises(SystemExit) as stop:
        main([str(kept), "-o", str(fake.root / "page" / "gamma.html")])
    assert stop.value.code == 2 and "run for the English edition but NATO_LANG=ar" in capsys.readouterr().err
