"""Faults and hostile settings around the build (issue 20): each is refused in one line or fails one report only,
and loses nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from build_runs import build_here, site_parts_stale

ROOT = Path(__file__).resolve().parents[1]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("var, where", [
    ("NATO_BUILD_DIR", "fake:notebooks"),
    ("NATO_CACHE_DIR", "fake:notebooks"),
    ("NATO_REPORTS_DIR", "fake:data"),
    ("NATO_CACHE_DIR", "real:notebooks"),
    ("NATO_REPORTS_DIR", "real:src/helpers/out"),
    ("NATO_REPORTS_DIR", "fake:build/reports"),  # inside the build folder
])
def test_an_output_folder_over_sources_or_another_output_is_refused(fake, var, where):
    base, rel = where.split(":")
    folder = (fake.root if base == "fake" else ROOT) / rel
    before = {d: _snapshot(d) for d in (fake.notebooks, fake.data, ROOT / "notebooks")}
    existed = folder.exists()
    try:
        res = fake.build("--only", "03", **{var: str(folder)})
    finally:  # a build that was not refused wrote into the project: take its files away again
        if base == "real" and not existed:
            shutil.rmtree(folder, ignore_errors=True)
        for left in set(_snapshot(ROOT / "notebooks")) - set(before[ROOT / "notebooks"]):
            (ROOT / "notebooks" / left).unlink()
    assert res.returncode == 2, res.stdout + res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and var in lines[0] or "overlap" in lines[0], res.stderr
    assert "Traceback" not in res.stderr
    assert {d: _snapshot(d) for d in before} == before
    assert not (ROOT / "src/helpers/out").exists()
    assert not fake.reports.exists() or not any(fake.reports.iterdir())


SOURCES = Path(__file__).resolve().parent / "fixtures" / "render" / "sources.csv"
TABLE_CELL = (
    'import pandas as pd\nfrom helpers import present\n'
    'assert "broken" not in text, "alpha.csv has a broken row"\n'
    'present.table(pd.DataFrame({"rows": [len(text.splitlines())]}), title="Alpha rows", caption="Rows.",\n'
    '              sources=["fixture-members"], key="alpha")'
)


def test_a_failure_after_make_clean_keeps_the_good_report_and_its_exports(fake):
    fake.set_code("01-alpha", 3, TABLE_CELL)
    env = {"NATO_SOURCES_CSV": str(SOURCES)}
    res = fake.build("--only", "01", **env)
    assert res.returncode == 0, res.stdout + res.stderr
    good = fake.report_files()
    assert "exports/01-alpha/alpha.csv" in good
    shutil.rmtree(fake.cache)  # `make clean`: the cache and build/ are gone, reports/ is not
    shutil.rmtree(fake.build_dir)
    (fake.data / "alpha.csv").write_text((fake.data / "alpha.csv").read_text() + "broken,2001-01-01,\n")
    res = fake.build("--only", "01", **env)
    assert res.returncode == 1
    assert "previous good report was kept" in res.stdout
    after = fake.report_files()
    for name in ("01-alpha.html", "exports/01-alpha/alpha.csv"):
        assert after[name] == good[name], f"{name} was replaced by a failure"
    assert "alpha.csv has a broken row" in (fake.build_dir / "01-alpha.failure.html").read_text()


CRASH_CELL = (
    'if P.mode == "crash":\n    import os, signal\n    os.kill(os.getppid(), signal.SIGKILL)  # the worker dies\n'
    'if P.mode == "slow":\n    time.sleep(3)\n'
    'print("GAMMA", P.mode)'
)


def test_a_worker_that_dies_fails_its_own_report_only(fake):
    text = fake.collection.read_text(encoding="utf-8")
    fake.collection.write_text(text.replace('choices = ["ok", "fail", "slow"]',
                                            'choices = ["ok", "fail", "slow", "crash"]'), encoding="utf-8")
    fake.set_code("03-gamma", 3, CRASH_CELL)
    res = fake.build("-p", "mode", "crash", "--jobs", "2")
    assert res.returncode == 1, res.stdout + res.stderr
    assert "BrokenProcessPool" not in res.stdout + res.stderr and "Traceback" not in res.stderr
    rows = {line.split()[0]: line.split()[1] for line in res.stdout.splitlines()
            if len(line.split()) > 1 and line.split()[1] in ("built", "FAILED")}
    assert rows == {"01-alpha": "built", "01-alpha--early": "built", "02-beta": "built",
                    "03-gamma--mode-crash": "FAILED"}, res.stdout
    assert "worker process died" in res.stdout
    files = fake.report_files()
    assert "index.html" in files and "01-alpha.html" in files and "02-beta.html" in files
    assert "worker process died" in files["03-gamma--mode-crash.html"].decode()


def test_a_cell_that_runs_too_long_fails_its_report_and_a_flood_of_output_is_cut(fake):
    text = fake.collection.read_text(encoding="utf-8")
    fake.collection.write_text("[limits]\ncell_timeout = 3\ncell_output = 5000\n\n" + text, encoding="utf-8")
    fake.set_code("01-alpha", 3, 'print("x" * 200_000)\nprint("ALPHA" + " done")')
    res = fake.build("--only", "01", "--only", "03", "-p", "mode", "slow")  # 03 sleeps 8 s in one cell
    assert res.returncode == 1, res.stdout + res.stderr
    failed = [line for line in res.stdout.splitlines() if " FAILED " in line]
    assert len(failed) == 1 and failed[0].startswith("03-gamma--mode-slow"), res.stdout
    assert "longer than the limit of 3 seconds" in failed[0] and "cell_timeout" in failed[0]
    page = (fake.reports / "01-alpha.html").read_text(encoding="utf-8")
    assert "output cut: this cell printed 200,012 characters" in page
    assert len(page) < 200_000 and "ALPHA done" not in page
    assert (fake.build_dir / "01-alpha.ipynb").stat().st_size < 100_000  # build/ and the cache keep the cut run


def test_a_cell_timeout_names_the_cell_and_leaves_the_failed_run_as_the_debug_notebook(fake, tmp_path, capsys):
    """On a cell timeout the "debug notebook" named was a good notebook left by an earlier run, which
    ``helpers.render`` rendered as a good page, and the line named no cell (hostile review 7, D-M2). Now the
    line names the cell, and the named notebook is the failed run: the cell that ran too long, its error, and a
    failure mark that the render command refuses."""
    import json

    import nbformat

    from helpers.render.__main__ import main

    text = fake.collection.read_text(encoding="utf-8")
    fake.collection.write_text("[limits]\ncell_timeout = 1\n\n" + text, encoding="utf-8")
    debug = fake.build_dir / "03-gamma--mode-slow.ipynb"
    debug.parent.mkdir(parents=True)
    stale = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('print("an earlier good run")')])
    stale.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(stale, debug)
    res = fake.build("--only", "03", "-p", "mode", "slow")
    failed = next(line for line in res.stdout.splitlines() if " FAILED " in line)
    assert "CellTimeout in cell 4: this cell ran longer than the limit of 1 second and" in failed, failed
    assert "debug notebook: build/03-gamma--mode-slow.ipynb" in failed or str(debug) in failed, failed
    nb = json.loads(debug.read_text(encoding="utf-8"))
    stopped = [c for c in nb["cells"] if "time.sleep(8)" in "".join(c["source"])]
    assert stopped and any(o.get("ename") == "CellTimeout" for o in stopped[0]["outputs"])
    assert "an earlier good run" not in debug.read_text(encoding="utf-8")
    with pytest.raises(SystemExit) as refused:
        main([str(debug), "-o", str(tmp_path / "page.html")])
    assert refused.value.code == 2 and "stopped at an error" in capsys.readouterr().err
    assert not (tmp_path / "page.html").exists()


def test_a_cell_that_never_ends_is_stopped_at_the_limit_and_named(fake):
    """A cell looping forever was not interrupted at ``cell_timeout``: the kernel stayed busy, papermill's next
    request to it timed out, and the report failed minutes late with an empty "AssertionError in execute"."""
    text = fake.collection.read_text(encoding="utf-8")
    fake.collection.write_text("[limits]\ncell_timeout = 2\n\n" + text, encoding="utf-8")
    fake.set_code("03-gamma", 3, "while True:\n    pass")
    res = fake.build("--only", "03")
    failed = [line for line in res.stdout.splitlines() if " FAILED " in line]
    assert res.returncode == 1 and len(failed) == 1, res.stdout + res.stderr
    assert "CellTimeout in cell 4: this cell ran longer than the limit of 2 seconds" in failed[0], failed
    assert "cell_timeout in collection.toml" in failed[0] and "AssertionError" not in res.stdout


def test_a_cell_that_ignores_the_interrupt_still_fails_naming_the_limit(fake):
    """A cell that ignores Ctrl-C cannot be stopped at ``cell_timeout``; the report still fails with the limit named,
    not with an empty "AssertionError in execute" (it then takes as long as a kernel may take to answer)."""
    text = fake.collection.read_text(encoding="utf-8")
    fake.collection.write_text("[limits]\ncell_timeout = 2\n\n" + text, encoding="utf-8")
    fake.set_code("03-gamma", 3, "import signal\nsignal.signal(signal.SIGINT, signal.SIG_IGN)\nwhile True:\n    pass")
    res = fake.build("--only", "03", "--kernels", "fresh")
    failed = [line for line in res.stdout.splitlines() if " FAILED " in line]
    assert res.returncode == 1 and len(failed) == 1, res.stdout + res.stderr
    assert "CellTimeout" in failed[0] and "longer than the limit of 2 seconds" in failed[0], failed
    assert "AssertionError" not in res.stdout


@pytest.mark.parametrize("line, allowed", [
    ('cell_timeout = "forever"', "from 1 to 86,400"),
    ("cell_timeout = 99999999999999", "from 1 to 86,400"),  # past asyncio's range: the kernel run would fail
    ("cell_output = 0", "from 1 to 200,000,000"),
])
def test_a_limit_out_of_range_is_refused_in_one_line(fake, line, allowed):
    text = fake.collection.read_text(encoding="utf-8")
    fake.collection.write_text(f"[limits]\n{line}\n\n" + text, encoding="utf-8")
    res = fake.build("--only", "03")
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert line.split(" = ")[0] in res.stderr and allowed in res.stderr
    assert not fake.reports.exists()


def test_a_collection_that_is_not_a_file_is_named_as_such(fake):
    res = fake.build("--collection", "/dev/null")
    assert res.returncode == 2 and "/dev/null: not a regular file" in res.stderr, res.stderr
    assert "not found" not in res.stderr


def test_a_collection_given_on_the_command_line_is_the_one_every_page_shows(fake):
    text = fake.collection.read_text(encoding="utf-8")
    only = fake.notebooks / "one.toml"
    only.write_text("[[notebook]]" + text.split("[[notebook]]")[3], encoding="utf-8")  # 03-gamma alone
    res = fake.build("--collection", str(only))
    assert res.returncode == 0, res.stdout + res.stderr
    page = (fake.reports / "03-gamma.html").read_text(encoding="utf-8")
    links = {href for href in __import__("re").findall(r'href="([^"#]+\.html)"', page)}
    allowed = {"index.html", "03-gamma.html", "ar/03-gamma.html"}  # its own Arabic edition may be linked
    assert links <= allowed, links
    assert "00-article-at-a-glance" not in page and "01-alpha" not in page


def _other_file_system(near: Path) -> Path | None:
    """A writable folder on another file system than ``near`` (a tmpfs such as /dev/shm), or None."""
    import os
    import tempfile

    for candidate in ("/dev/shm", "/run/user", "/run"):
        try:
            if os.stat(candidate).st_dev != os.stat(near).st_dev and os.access(candidate, os.W_OK):
                return Path(tempfile.mkdtemp(prefix="nato-staging-", dir=candidate))
        except OSError:
            continue
    return None


def test_a_staging_folder_on_another_file_system_still_replaces_the_file(tmp_path):
    """Defect 6: a cache on a tmpfs (NATO_CACHE_DIR) holds the staging folder; the report is still replaced whole."""
    from helpers import cache

    staging = _other_file_system(tmp_path)
    if staging is None:
        pytest.fail("no second file system to stage on (this test needs /dev/shm or /run, a tmpfs)")
    try:
        page = tmp_path / "reports" / "02.html"
        page.parent.mkdir()
        page.write_bytes(b"old")
        cache.atomic_write(page, b"new", staging)  # was: OSError "Invalid cross-device link"
        assert page.read_bytes() == b"new" and [p.name for p in page.parent.iterdir()] == ["02.html"]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def test_a_reports_folder_on_another_mount_of_the_same_device_is_still_written(tmp_path, monkeypatch):
    """A bind mount of reports/ (same device number as .cache/staging, another mount): every write failed with
    "Invalid cross-device link (…/.cache/staging/….part)". Simulated: a rename out of the staging folder fails with
    EXDEV, as the kernel answers across mounts. The file is staged beside its target instead and replaced whole."""
    import errno
    import os

    from helpers import cache

    staging, reports = tmp_path / "staging", tmp_path / "reports"
    staging.mkdir()
    reports.mkdir()
    page = reports / "06.html"
    page.write_bytes(b"old")
    real_rename, real_replace = os.rename, os.replace

    def across_mounts(real):
        def move(src, dst, *args, **kwargs):
            if str(staging) in str(src):
                raise OSError(errno.EXDEV, "Invalid cross-device link", str(src))
            return real(src, dst, *args, **kwargs)
        return move

    monkeypatch.setattr(os, "rename", across_mounts(real_rename))
    monkeypatch.setattr(os, "replace", across_mounts(real_replace))
    assert os.stat(staging).st_dev == os.stat(reports).st_dev
    cache.atomic_write(page, b"new", staging)
    assert page.read_bytes() == b"new" and [p.name for p in reports.iterdir()] == ["06.html"]
    assert not list(staging.iterdir())


@pytest.mark.parametrize("kept", ['{"code": "%s", "pages": []}', '{"code": "%s", "pages": {"01.html": 3}}', "[]"])
def test_an_edited_search_record_means_the_pages_are_read_again(tmp_path, kept):
    """Defect 13: a hand-edited ``_search-pages.json`` in the cache is ignored, not a traceback."""
    from helpers import cache
    from helpers.pipeline import search_index
    from helpers.pipeline.run import Dirs

    dirs = Dirs(tmp_path / "reports", tmp_path / "build", tmp_path / "cache", tmp_path / "staging")
    for folder in (dirs.reports, dirs.cache):
        folder.mkdir()
    (dirs.reports / "01.html").write_text('<html><body><main id="report-main"><h2 id="s">Helsinki</h2>'
                                          "<p>The Final Act of 1975.</p></main></body></html>", encoding="utf-8")
    code = cache.code_hash()
    (dirs.cache / search_index.PAGES).write_text(kept.replace("%s", code), encoding="utf-8")
    entries = search_index._entries(dirs, {"01.html": cache.sha256_file(dirs.reports / "01.html")}, code, False)
    assert any("Helsinki" in str(e) for e in entries)


def test_site_parts_that_cannot_be_written_keep_their_last_version_and_the_summary(fake, monkeypatch, capsys):
    """Defects 3 and 13: the search index and the index page are written after the reports, each on its own; a full
    reports disk, a data file that breaks the contract while the index is drawn, or ``reports/assets`` linked into
    the sources costs that part only: one line naming it and why, the summary still printed, nothing written
    through the link, no earlier file lost."""
    import errno
    import os

    from helpers import load, render
    from helpers.load.errors import Problem

    assert fake.build("--only", "03").returncode == 0
    before = fake.report_files()
    capsys.readouterr()

    # 1. the reports disk is full when the search index and the index page are flushed
    real_fsync = os.fsync

    def full(fd):
        if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).startswith((".index.html.", ".search-index.js.")):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_fsync(fd)

    site_parts_stale(fake)
    with monkeypatch.context() as m:
        m.setattr(os, "fsync", full)
        code = build_here(fake, monkeypatch, "--only", "03")
    out, err = capsys.readouterr()
    assert code == 1
    assert "03-gamma" in out and "cached" in out, out  # the summary is still printed
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, err  # one line naming both parts, each with its reason
    assert errors[0].index("search-index.js") < errors[0].index("index.html"), errors
    assert errors[0].count("No space left on device") == 2 and str(fake.reports) in errors[0], errors
    assert fake.report_files() == before  # nothing half-written, nothing lost

    # 2. a data file the index reads breaks the data contract
    broken = load.DataError([Problem("data/sources.csv", 2, "publisher", "U+202E is never closed", "closed bidi")])

    def render_index(*_a, **_k):
        raise broken

    site_parts_stale(fake)
    with monkeypatch.context() as m:
        m.setattr(render, "render_index", render_index)
        code = build_here(fake, monkeypatch, "--only", "03")
    out, err = capsys.readouterr()
    assert code == 1 and "03-gamma" in out, out + err
    assert err.strip() == ("error: the index (index.html) was not written (any previous one is kept): "
                           "data/sources.csv row 2, column publisher: U+202E is never closed (closed bidi)"), err
    assert fake.report_files()["index.html"] == before["index.html"]

    # 3. reports/assets is a link into the notebooks folder
    shutil.rmtree(fake.reports / "assets")
    (fake.reports / "assets").symlink_to(fake.notebooks, target_is_directory=True)
    notebooks = _snapshot(fake.notebooks)
    site_parts_stale(fake)
    code = build_here(fake, monkeypatch, "--only", "03")
    out, err = capsys.readouterr()
    assert code == 1 and "03-gamma" in out
    assert _snapshot(fake.notebooks) == notebooks  # nothing written through the link
    assert "search-index.js leads out of the reports folder through a symbolic link" in err, err
    # the link is named where it sits (reports/assets), with where it points, not by its target's path
    assert f"{fake.reports / 'assets'} points to {fake.notebooks}" in err, err
    assert "replace the link with a real folder" in err, err
    assert "Traceback" not in err

    # 4. defect 4: the cache's disk is full while a title edit is rendered (no kernel, in this process): the report
    # is written all the same, and only the cache misses it
    (fake.reports / "assets").unlink()
    text = fake.collection.read_text(encoding="utf-8")
    fake.collection.write_text(text.replace('title = "Gamma"', 'title = "Gamma renamed"'), encoding="utf-8")

    def cache_full(fd):
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(fake.cache)):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_fsync(fd)

    with monkeypatch.context() as m:
        m.setattr(os, "fsync", cache_full)
        code = build_here(fake, monkeypatch, "--only", "03")
    out, err = capsys.readouterr()
    row = next(line for line in out.splitlines() if line.startswith("03-gamma"))
    assert code == 0 and " built " in row and "not kept in the cache (No space left on device)" in row, out + err
    page = (fake.reports / "03-gamma.html").read_text(encoding="utf-8")
    assert "Gamma renamed" in page and 'content="failed"' not in page


@pytest.mark.parametrize("outside", ["../notebooks/01-alpha.ipynb", "/etc/passwd", "exports/../../data/a.csv"])
def test_a_cache_record_naming_a_file_outside_the_reports_folder_is_not_trusted(tmp_path, outside):
    """A hand-edited cache record whose outputs lead out of ``reports/`` made its report fail on every build
    ("worker crashed: ... leads out of the reports folder"); it is now read as no record: the report is built
    again, and nothing outside the reports folder is touched."""
    import json

    from helpers import cache

    rec = {"format": cache.FORMAT, "key": "k", "render": "r", "data": {}, "executed": None,
           "outputs": {"03-gamma.html": "d", "exports/03-gamma/a.csv": "e"}}
    cache.record_path(tmp_path, "03-gamma").write_text(json.dumps(rec), encoding="utf-8")
    assert cache.read_record(tmp_path, "03-gamma") == rec
    rec["outputs"][outside] = "x"
    cache.record_path(tmp_path, "03-gamma").write_text(json.dumps(rec), encoding="utf-8")
    assert cache.read_record(tmp_path, "03-gamma") is None
    assert cache.why_stale(cache.read_record(tmp_path, "03-gamma"), "k", "r", tmp_path)[0] == "execute"


def test_one_edition_alone_says_its_links_to_the_other_lead_nowhere_yet(fake):
    res = fake.build("--only", "01", "--lang", "en")
    assert res.returncode == 0, res.stdout + res.stderr
    built = sorted(p.name for p in fake.reports.glob("01-alpha*.html"))
    assert f"note: {len(built)} page(s) link to their Arabic edition" in res.stdout and "--lang ar" in res.stdout
    assert 'hreflang="ar"' in (fake.reports / "01-alpha.html").read_text(encoding="utf-8")
    (fake.reports / "ar").mkdir(exist_ok=True)
    for name in built:  # once the other edition's pages are there (here: stand-ins), the note goes
        (fake.reports / "ar" / name).write_text("<html></html>", encoding="utf-8")
    res = fake.build("--only", "01", "--lang", "en")
    assert res.returncode == 0 and "note:" not in res.stdout, res.stdout + res.stderr


@pytest.mark.parametrize("content", [b'{"format": ', b"[]", b"\xff\xfe"])
def test_an_unreadable_cache_record_is_named_as_the_reason_for_the_rebuild(fake, content):
    """A truncated or foreign cache record made the report run again "not built before", which it had been:
    the reason now says the record could not be read, and names it."""
    assert fake.build("--only", "03", "--lang", "en").returncode == 0
    record = fake.cache / "03-gamma.json"
    assert record.is_file()
    record.write_bytes(content)
    res = fake.build("--only", "03", "--lang", "en")
    row = next(line for line in res.stdout.splitlines() if line.startswith("03-gamma "))
    assert res.returncode == 0 and " built " in row, res.stdout + res.stderr
    assert "its cache record could not be read" in row and "03-gamma.json" in row and "not built before" not in row


def test_a_full_build_folder_names_the_folder_and_no_cut_short_debug_notebook(tmp_path, monkeypatch):
    """With the build folder full the failure said "OSError in execute: [Errno 28] No space left on device",
    naming no file, and pointed at a "debug notebook" papermill had left cut short, not a notebook (hostile
    review 5, #83). The message names the build folder; the summary says there is no debug notebook to open."""
    import errno

    from helpers.models import Entry
    from helpers.pipeline import execute, summary
    from helpers.pipeline.jobs import ReportResult

    executed = tmp_path / "build" / "00-x.ipynb"
    executed.parent.mkdir()

    def full(entry, out, timeout, kernel=None):
        Path(out).write_text('{"cells": [', encoding="utf-8")  # what papermill leaves when the disk fills
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(execute, "_papermill", full)
    entry = Entry(id="00", stem="00-x", name="00-x", title="X", summary="", paragraphs="", parameters={},
                  output="00-x.html", notebook=str(tmp_path / "00-x.ipynb"))
    nb, failed = execute._execute(entry, executed, tmp_path / "build" / "00-x.reads")
    assert nb is None and "No space left on device while the run wrote into the build folder" in failed.evalue
    assert str(executed.parent) in failed.evalue
    res = ReportResult("00-x", ok=False, error=f"{failed.ename} in execute: {failed.evalue}", debug=str(executed))
    detail = summary.rows(["00-x"], [], {"00-x": res}, {})[0][3]
    assert f"debug notebook: none ({executed} was cut short; it is not a notebook)" in detail, detail


def test_an_unsafe_translation_is_refused_before_any_kernel_runs(fake, monkeypatch, capsys, tmp_path):
    """An Arabic catalog entry with an unclosed right-to-left override was refused only after its report had run
    in a kernel. It is refused in one line naming the catalog, the cell and the rule
    before anything runs, as a bad parameter is."""
    from helpers.i18n import catalogs

    locale = tmp_path / "locale"
    (locale / "ar").mkdir(parents=True)
    (locale / "ar" / "03-gamma.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgctxt "cell-0"\nmsgid "# A fake notebook"\nmsgstr "# دفتر \u202eتجريبي"\n', encoding="utf-8")
    monkeypatch.setattr(catalogs, "LOCALE_NOTEBOOKS", locale)
    code = build_here(fake, monkeypatch, "--only", "03", "--lang", "ar")
    out, err = capsys.readouterr()
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert "03-gamma.po" in err and "'cell-0'" in err and "U+202E" in err and "never closed" in err, err
    assert not (fake.build_dir / "ar").exists() or not list((fake.build_dir / "ar").glob("*.ipynb"))
    assert not (fake.reports / "ar" / "03-gamma.html").exists() and "built" not in out


def test_assets_reached_through_a_link_out_of_the_reports_folder_are_not_trusted(fake, tmp_path):
    """``reports/assets`` made a link to another folder holding the same files: the build called the shared
    assets written and said nothing, while it never writes through such a link. It now
    tries to write them, which is refused, and says so in one line, exit 1; the other folder is left as it was."""
    assert fake.build("--only", "03", "--lang", "en").returncode == 0
    elsewhere = tmp_path / "elsewhere"
    shutil.move(fake.reports / "assets", elsewhere)
    (fake.reports / "assets").symlink_to(elsewhere)
    before = {p.name: p.read_bytes() for p in elsewhere.rglob("*") if p.is_file()}
    res = fake.build("--only", "03", "--lang", "en")
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert res.returncode == 1 and errors, res.stdout + res.stderr
    assert any("shared assets (assets/" in e and "not written" in e and "symbolic link" in e for e in errors), errors
    assert {p.name: p.read_bytes() for p in elsewhere.rglob("*") if p.is_file()} == before


def test_a_reports_folder_whose_parent_cannot_take_the_staging_folder_is_refused_before_any_run(fake, monkeypatch,
                                                                                                capsys):
    """A writable reports folder in a parent the build cannot write passed the check, then every report failed
    on the staging folder beside it and an empty assets/ was left (hostile review 7, D-M1). Here the staging
    folder's place beside the reports folder is taken by a file: the build refuses in one line naming it, runs
    nothing and leaves no folder behind."""
    from helpers import paths

    site = fake.root / "site"
    site.mkdir()
    (site / ".rep.staging").write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(paths, "CACHE", fake.root / "no-cache-here" / "build")
    (fake.root / "no-cache-here").write_text("a file, so the staging folder goes beside the reports", "utf-8")
    fake.reports = site / "rep"
    rc = build_here(fake, monkeypatch, "--only", "03")
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == 2 and len(err) == 1, err
    assert f"cannot write beside the reports folder {site / 'rep'}" in err[0] and ".rep.staging" in err[0], err
    assert "NATO_REPORTS_DIR" in err[0]
    assert not (site / "rep").exists(), "an empty reports folder was left behind"
    assert not fake.build_dir.exists() or not any(fake.build_dir.rglob("*.ipynb")), "a notebook ran"


def test_a_control_character_in_an_output_folder_is_refused_in_one_line(fake):
    """A newline in NATO_REPORTS_DIR was accepted, and the "reports written" paths printed it as a space, which
    could not be copied (hostile review 7, D-L2)."""
    res = fake.build("--only", "03", NATO_REPORTS_DIR=str(fake.root / "nl\nx"))
    err = res.stderr.strip().splitlines()
    assert res.returncode == 2 and len(err) == 1, res.stderr
    assert "control character U+000A" in err[0] and "NATO_REPORTS_DIR" in err[0], err
    assert not (fake.root / "nl\nx").exists()


def test_a_write_error_names_the_file_being_written_not_its_hidden_staging_copy(tmp_path):
    """``reports/index.html`` being a folder gave "Is a directory (…/.rep.staging/.index.html.2vywscs5.part)": a
    hidden file the user never sees (hostile review 7, D-L6). The error names ``index.html``."""
    from helpers import cache
    from helpers.pipeline import placement

    reports, staging = tmp_path / "rep", tmp_path / ".rep.staging"
    (reports / "index.html").mkdir(parents=True)
    staging.mkdir()
    with pytest.raises(OSError) as err:
        cache.atomic_write(reports / "index.html", b"<html>", staging)
    said = placement.os_error(err.value)
    assert f"({reports / 'index.html'} is a directory where a file is needed" in said and ".part" not in said, said
    assert not list(staging.iterdir())


def test_a_change_to_the_time_limit_alone_leaves_the_report_cached(fake):
    """Changing only ``cell_timeout`` was reported as "prose or titles changed; the kept page written again", and
    the page was rewritten with the same bytes (hostile review 7, D-L5): a good run's page does not depend on it."""
    assert fake.build("--only", "03").returncode == 0
    text = fake.collection.read_text(encoding="utf-8")
    fake.collection.write_text("[limits]\ncell_timeout = 120\n\n" + text, encoding="utf-8")
    res = fake.build("--only", "03")
    row = next(line for line in res.stdout.splitlines() if line.startswith("03-gamma "))
    assert res.returncode == 0 and " cached" in row and "prose or titles" not in row, res.stdout


def test_a_file_where_a_reports_export_folder_belongs_is_named_and_the_report_kept(fake):
    """A regular file at ``reports/exports/<report>`` gave only "File exists (…)". The line says a folder is
    needed there and that the previous report was kept, and the page is unchanged."""
    fake.set_code("03-gamma", 3, 'import pandas as pd\nfrom helpers import present\npresent.table(pd.DataFrame('
                  '{"mode": [P.mode]}), key="modes", title="The mode", sources=["academic-osce"])')
    assert fake.build("--only", "03").returncode == 0
    folder = fake.reports / "exports" / "03-gamma"
    shutil.rmtree(folder)
    folder.write_text("not a folder", encoding="utf-8")
    page = (fake.reports / "03-gamma.html").read_bytes()
    fake.set_markdown("03-gamma", "# A fake notebook\n\nGamma, edited.")
    res = fake.build("--only", "03")
    assert res.returncode == 1, res.stdout + res.stderr
    line = next(ln for ln in res.stdout.splitlines() if ln.startswith("03-gamma "))
    assert "exports/03-gamma is a file where a folder is needed" in line and "previous version" in line, line
    assert (fake.reports / "03-gamma.html").read_bytes() == page


def test_the_render_command_prints_an_odd_output_path_escaped_as_the_build_does(fake, tmp_path):
    """``helpers.render``'s "wrote" line printed the path raw: a U+202E turned it around on the terminal and a line
    break split it, while the build prints both escaped."""
    import subprocess
    import sys

    assert fake.build("--only", "01").returncode == 0
    executed, out = fake.build_dir / "01-alpha.ipynb", tmp_path / "out"
    for name, escaped in (("\u202elmth.html", "\\u202elmth.html"), ("a\nb.html", "a\\nb.html")):
        done = subprocess.run([sys.executable, "-m", "helpers.render", str(executed), "-o", str(out / name)],
                              env=fake.env(), cwd=fake.root, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0 and (out / name).is_file(), done.stderr
        assert done.stdout.count("\n") == 1 and "\u202e" not in done.stdout, done.stdout
        assert done.stdout.startswith(f"wrote '{out}/{escaped}' ("), done.stdout


def test_a_failed_report_removes_only_its_own_leftovers_whatever_its_record_lists(tmp_path):
    """A cache record of 06 edited to list 05's page made a failing 06 delete the good 05 page: a report's leftovers
    are its own page and exports only."""
    from helpers.pipeline import placement
    from helpers.pipeline.jobs import Previous

    reports = tmp_path / "reports"
    listed = ["06.html", "exports/06/old.csv", "05.html", "exports/05/a.csv", "index.html", "assets/site.css",
              "exports/06-other/b.csv"]
    for rel in listed:
        (reports / rel).parent.mkdir(parents=True, exist_ok=True)
        (reports / rel).write_text("kept", encoding="utf-8")
    previous = Previous(key="k", render="r", data={}, outputs={rel: "h" for rel in listed})
    placement.drop_leftovers(previous, {"06.html": "h"}, reports, "06")
    left = sorted(p.relative_to(reports).as_posix() for p in reports.rglob("*") if p.is_file())
    assert left == sorted(set(listed) - {"exports/06/old.csv"}), left


# --- a directory in the way of a report is named where it is ----------------------------------------------------


def test_a_directory_in_the_way_of_a_report_is_named_by_its_own_path(fake):
    """The failure named the hidden staging file ('Is a directory (…/.cache/staging/.01-alpha.html.xyz.part)')."""
    assert fake.build("--only", "03").returncode == 0
    (fake.reports / "01-alpha.html").mkdir()
    res = fake.build("--only", "01")
    assert res.returncode == 1
    said = res.stdout + res.stderr
    assert f"({fake.reports / '01-alpha.html'} is a directory where a file is needed; move or remove it)" in said, said
    assert ".part" not in said
