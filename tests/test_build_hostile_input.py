"""The build command against hostile input, on the tiny fake collection: values that read alike get their own reports, a
long value does not crash, an unwritable reports folder is one line, --list refuses what it would ignore, a failure
never replaces a good report and never sits beside stale exports, and the build names every report it wrote."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

SOURCES = Path(__file__).resolve().parent / "fixtures" / "render" / "sources.csv"

pytestmark = pytest.mark.slow

LABEL = """
  [notebook.parameters.label]
  type = "str"
  default = "plain"
  help = "any text"
"""

# 01-alpha's last cell shows one table (an export: reports/exports/<name>/alpha.csv), then fails if alpha.csv has
# a row "broken" (a data failure).
TABLE_CELL = (
    'import pandas as pd\nfrom helpers import present\n'
    'assert "broken" not in text, "alpha.csv has a broken row"\n'
    'present.table(pd.DataFrame({"rows": [len(text.splitlines())]}), title="Alpha rows", caption="Rows.",\n'
    '              sources=["fixture-members"], key="alpha")'
)


@pytest.fixture
def labelled(fake):
    """The fake collection with a free-text parameter ``label`` on 03-gamma."""
    text = fake.collection.read_text(encoding="utf-8")
    fake.collection.write_text(text.replace('  help = "what the notebook does"\n',
                                            '  help = "what the notebook does"\n' + LABEL), encoding="utf-8")
    fake.set_code("03-gamma", 1, 'mode = "ok"\nlabel = "plain"')  # a declared parameter is one the notebook reads
    return fake


def test_values_that_read_alike_get_their_own_report_and_the_paths_are_printed(labelled):
    fake = labelled
    first = fake.build("--only", "03", "-p", "label", "factual,normative")
    assert first.returncode == 0, first.stdout + first.stderr
    kept = fake.report_files()
    second = fake.build("--only", "03", "-p", "label", "factual normative")
    assert second.returncode == 0, second.stdout + second.stderr
    pages = sorted(n for n in fake.report_files() if n.startswith("03-gamma--label-"))
    assert len(pages) == 2, pages
    for name in pages:  # the first report was not overwritten by the second
        if name in kept:
            assert fake.report_files()[name] == kept[name]
    # each build names the report it wrote
    for res, value in ((first, "factual,normative"), (second, "factual normative")):
        assert "reports written:" in res.stdout
        written = [ln.strip() for ln in res.stdout.splitlines() if ln.strip().endswith(".html") and "/" in ln
                   and not ln.strip().endswith("/index.html")]
        assert len(written) == 1 and written[0].startswith(str(fake.reports))
        name = written[0].rsplit("/", 1)[1].removesuffix(".html")
        executed = nbformat.read(fake.build_dir / f"{name}.ipynb", as_version=4)
        injected = [c.source for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
        assert injected and f'label = "{value}"' in injected[0]


def test_the_longest_text_value_builds_under_a_short_name(labelled):
    """A text value of the longest length allowed (200 characters; 230 before that limit) is a file name too long
    for most file systems: the report gets a short name and the full value stays in the page's parameters."""
    from helpers.params.checks import MAX_TEXT

    fake = labelled
    res = fake.build("--only", "03", "-p", "label", "x" * MAX_TEXT)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "Traceback" not in res.stderr and "File name too long" not in res.stdout + res.stderr
    [page] = [n for n in fake.report_files() if n.startswith("03-gamma--label-")]
    assert len(page) < 120
    assert ("x" * MAX_TEXT).encode() in fake.report_files()[page]  # the full value is in the page's parameters


def test_unwritable_reports_folder_is_one_line(fake, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    res = fake.build("--only", "03", NATO_REPORTS_DIR=str(blocker / "reports"))
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in res.stderr, res.stderr
    assert "reports folder" in lines[0] and str(blocker / "reports") in lines[0]
    assert f"{blocker} is a file, not a folder" in lines[0] and "NATO_REPORTS_DIR" in lines[0], lines[0]


@pytest.mark.parametrize("variable", ["NATO_REPORTS_DIR", "NATO_BUILD_DIR", "NATO_CACHE_DIR"])
def test_an_output_folder_that_is_a_file_is_named_as_such(fake, tmp_path, variable):
    """Not the OS's bare "File exists": the path, that it is a file where a folder is needed, what to set."""
    blocker = tmp_path / "a-file"
    blocker.write_text("kept")
    res = fake.build("--only", "03", **{variable: str(blocker)})
    lines = res.stderr.strip().splitlines()
    assert res.returncode == 2 and len(lines) == 1, res.stderr
    assert f"folder {blocker} is a file, not a folder" in lines[0] and variable in lines[0], lines[0]
    assert "File exists" not in lines[0] and blocker.read_text() == "kept"


def test_read_only_reports_folder_is_one_line(fake):
    fake.reports.mkdir()
    if os.geteuid() == 0:
        # root writes through file modes: make the folder read-only with a read-only bind mount instead
        if shutil.which("unshare") is None:
            pytest.fail("as root this check needs unshare (util-linux) to mount the folder read-only")
        folder = shlex.quote(str(fake.reports))
        script = (f"mount --bind {folder} {folder} && mount -o remount,ro,bind {folder} && "
                  f"{shlex.quote(sys.executable)} -m helpers.pipeline --only 03")
        res = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
                             env=fake.env(), cwd=fake.root, capture_output=True, text=True, timeout=300)
    else:
        fake.reports.chmod(0o555)
        try:
            res = fake.build("--only", "03")
        finally:
            fake.reports.chmod(0o755)
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert str(fake.reports) in res.stderr and "Traceback" not in res.stderr


@pytest.mark.parametrize("extra", [["-p", "as_of", "1990-01-01"], ["--force"]])
def test_list_refuses_options_it_would_ignore(fake, extra):
    res = fake.build("--list", *extra)
    assert res.returncode == 2
    assert extra[0] in res.stderr and "--list" in res.stderr
    assert res.stdout == ""
    listed = fake.build("--list", "--only", "02")  # --only narrows the list
    assert listed.returncode == 0 and "02-beta" in listed.stdout and "01-alpha" not in listed.stdout


def _with_export(fake):
    fake.set_code("01-alpha", 3, TABLE_CELL)
    env = {"NATO_SOURCES_CSV": str(SOURCES)}
    res = fake.build("--only", "01", **env)
    assert res.returncode == 0, res.stdout + res.stderr
    files = fake.report_files()
    assert "exports/01-alpha/alpha.csv" in files
    return env, files


def _break_data(fake):
    (fake.data / "alpha.csv").write_text((fake.data / "alpha.csv").read_text() + "broken,2001-01-01,\n")


def test_a_data_failure_keeps_the_good_report_and_its_exports(fake):
    env, good = _with_export(fake)
    _break_data(fake)
    res = fake.build("--only", "01", **env)
    assert res.returncode == 1
    assert "alpha.csv has a broken row" in res.stdout
    assert "previous good report was kept" in res.stdout
    after = fake.report_files()
    for name in ("01-alpha.html", "exports/01-alpha/alpha.csv"):
        assert after[name] == good[name], f"{name} was replaced by a worse file"
    failure_page = fake.build_dir / "01-alpha.failure.html"
    assert "alpha.csv has a broken row" in failure_page.read_text()
    # the data repaired as it was: the kept report is the right one again, nothing to run
    (fake.data / "alpha.csv").write_text((fake.data / "alpha.csv").read_text().replace("broken,2001-01-01,\n", ""))
    again = fake.build("--only", "01", **env)
    assert again.returncode == 0 and fake.built(again) == []
    assert fake.report_files()["01-alpha.html"] == good["01-alpha.html"]


def test_a_failure_page_never_sits_beside_stale_exports(fake):
    env, _ = _with_export(fake)
    (fake.reports / "01-alpha.html").unlink()  # no good report left to keep
    _break_data(fake)
    res = fake.build("--only", "01", **env)
    assert res.returncode == 1
    files = fake.report_files()
    assert "alpha.csv has a broken row" in files["01-alpha.html"].decode()
    assert not [n for n in files if n.startswith("exports/01-alpha/")], "stale exports beside the failure page"
    shutil.rmtree(fake.build_dir, ignore_errors=True)


def test_a_notebook_edited_in_its_py_only_is_built_from_the_edit_never_called_cached(fake):
    """Editing only ``notebooks/NN-….py`` and building (no ``make sync``) said "cached" and kept the old page.
    The build syncs the ``.ipynb`` from the ``.py`` first, as ``make sync`` does, says so,
    and the page has the edit. An ``.ipynb`` changed after its ``.py`` is never overwritten: the build stops in one
    line naming both files and the commands, and nothing is built."""
    import time

    import jupytext

    ipynb = fake.notebooks / "03-gamma.ipynb"
    py = ipynb.with_suffix(".py")
    jupytext.write(nbformat.read(ipynb, as_version=4), py, fmt="py:percent")
    first = fake.build("--only", "03")
    assert first.returncode == 0 and "GAMMA ok" in (fake.reports / "03-gamma.html").read_text(), first.stderr

    time.sleep(0.05)  # the .py is edited after the .ipynb
    py.write_text(py.read_text().replace('print("GAMMA", P.mode)', 'print("GAMMA EDITED", P.mode)'))
    second = fake.build("--only", "03")
    assert second.returncode == 0, second.stderr
    assert f"synced {ipynb} from its .py" in second.stdout, second.stdout
    assert fake.built(second) == ["03-gamma"], second.stdout
    assert "GAMMA EDITED ok" in (fake.reports / "03-gamma.html").read_text()
    assert 'print(\\"GAMMA EDITED\\", P.mode)' in ipynb.read_text()  # the .ipynb holds the edit, as make sync
    assert "synced" not in fake.build("--only", "03").stdout  # once in agreement, nothing more to sync

    page, kept_py = fake.report_files(), py.read_bytes()
    time.sleep(0.05)  # now the .ipynb is edited after the .py
    nb = nbformat.read(ipynb, as_version=4)
    nb.cells[-1].source = nb.cells[-1].source.replace("GAMMA EDITED", "GAMMA IN IPYNB")
    nbformat.write(nb, ipynb)
    third = fake.build("--only", "03")
    err = third.stderr.strip().splitlines()
    assert third.returncode == 2 and len(err) == 1, third.stderr
    assert "03-gamma.ipynb was changed since the last build" in err[0]
    assert "03-gamma.py" in err[0] and "make sync" in err[0]
    assert "jupytext --to py:percent" in err[0]
    assert py.read_bytes() == kept_py and "GAMMA IN IPYNB" in ipynb.read_text()  # neither edit lost
    assert fake.report_files() == page


def test_a_touched_py_never_replaces_an_edit_of_the_ipynb(fake):
    """Which side of a pair changed is decided by content, not by file times: an
    edit of the ``.ipynb`` followed by a mere ``touch`` (or another edit) of the ``.py`` was synced over, and the
    ``.ipynb``'s edit was gone. Now the build refuses; and a pair the build has no memory of is synced only after a
    copy of the old ``.ipynb`` is kept, which the line names."""
    import os
    import time

    import jupytext

    ipynb = fake.notebooks / "03-gamma.ipynb"
    py = ipynb.with_suffix(".py")
    jupytext.write(nbformat.read(ipynb, as_version=4), py, fmt="py:percent")
    assert fake.build("--only", "03").returncode == 0  # the pair agrees, and the build remembers it

    nb = nbformat.read(ipynb, as_version=4)
    nb.cells[-1].source = nb.cells[-1].source.replace('print("GAMMA"', 'print("GAMMA IN IPYNB"')
    nbformat.write(nb, ipynb)
    time.sleep(0.05)
    os.utime(py)  # the .py is now the newer file, with nothing changed in it
    touched = fake.build("--only", "03")
    assert touched.returncode == 2 and "changed since the last build" in touched.stderr, touched.stderr
    assert "GAMMA IN IPYNB" in ipynb.read_text()

    memory = next(fake.cache.glob("**/_pairs.json"))
    memory.unlink()  # no memory of the pair: a newer .py is synced, the old .ipynb kept first
    time.sleep(0.05)
    py.write_text(py.read_text().replace('print("GAMMA", P.mode)', 'print("GAMMA FROM PY", P.mode)'))
    synced = fake.build("--only", "03")
    assert synced.returncode == 0, synced.stderr
    kept = memory.parent / "pairs-kept" / "03-gamma.ipynb"
    assert "the previous .ipynb is kept at" in synced.stdout and "GAMMA IN IPYNB" in kept.read_text()
    assert "GAMMA FROM PY" in ipynb.read_text()
