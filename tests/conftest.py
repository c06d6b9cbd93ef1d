"""Shared fixtures: a tiny fake collection (three small notebooks, two data files) in a temporary folder, and a
way to run the build command on it in a subprocess, exactly as a user would."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable

COLLECTION = """\
[[notebook]]
id = "01"
stem = "01-alpha"
title = "Alpha"
summary = "Reads alpha.csv."
paragraphs = "P1"
  [notebook.parameters.as_of]
  type = "date"
  default = "2000-01-01"
  min = "data:first"
  max = "data:last"
  help = "a date"
  [notebook.parameters.org]
  type = "org"
  default = "NATO"
  help = "an organisation"
  [[notebook.variant]]
  name = "early"
  parameters = { as_of = "1990-01-01" }

[[notebook]]
id = "02"
stem = "02-beta"
title = "Beta"
summary = "Reads beta.csv."
paragraphs = "P2"
  [notebook.parameters.year]
  type = "year"
  default = 2020
  min = "data:first_year"
  max = "data:last_year"
  help = "a year"
  [notebook.parameters.state]
  type = "state"
  default = "KAZ"
  help = "a state"
  [notebook.parameters.orgs]
  type = "org_list"
  default = "NATO,SCO"
  help = "organisations"

[[notebook]]
id = "03"
stem = "03-gamma"
title = "Gamma"
summary = "Reads nothing; fails when asked to."
paragraphs = "P3"
  [notebook.parameters.mode]
  type = "choice"
  default = "ok"
  choices = ["ok", "fail", "slow"]
  help = "what the notebook does"
"""

DATA = {
    "alpha.csv": "event_id,date,note\na,1985-03-01,\nb,2010-06-30,\n",
    "beta.csv": "iso3,year,value\nKAZ,2010,1\nKAZ,2022,2\n",
    "states.csv": "iso3,name\nKAZ,Kazakhstan\nIND,India\n",
    "organisations.csv": ("org_id,name,founded\nNATO,North Atlantic Treaty Organization,1949-04-04\n"
                          "SCO,SCO,2001-06-15\n"),
    "sources.csv": "source_id,url,accessed\ns,https://example.org,2026-11-29\n",
}

# Each fake notebook validates its parameters like the real ones, then records the data files it reads in
# NATO_READ_LOG (what helpers.load does for the real notebooks).
READ = """\
import os, pathlib
DATA = pathlib.Path.cwd().parent / "data"
def read(name):
    log = os.environ.get("NATO_READ_LOG")
    if log:
        with open(log, "a") as fh:
            fh.write(str(DATA / name) + "\\n")
    return (DATA / name).read_text()
"""

NOTEBOOKS = {
    "01-alpha": (
        'as_of = "2000-01-01"\norg = "NATO"',
        READ + 'from helpers import params\nP = params.validated("01", as_of=as_of, org=org)\n'
        'text = read("alpha.csv")',
        'print("ALPHA", P.as_of.isoformat(), len(text.splitlines()))',
    ),
    "02-beta": (
        'year = 2020\nstate = "KAZ"\norgs = "NATO,SCO"',
        READ + 'from helpers import params\nP = params.validated("02", year=year, state=state, orgs=orgs)\n'
        'text = read("beta.csv")',
        'print("BETA", P.year, P.state, P.orgs, "threads", os.environ.get("OMP_NUM_THREADS"))',
    ),
    "03-gamma": (
        'mode = "ok"',
        'import time\nfrom helpers import params\nP = params.validated("03", mode=mode)',
        'if P.mode == "slow":\n    time.sleep(8)\n'
        'if P.mode == "fail":\n    raise RuntimeError("gamma was told to fail")\n'
        'print("GAMMA", P.mode)',
    ),
}


def make_notebook(params_src: str, *cells: str, markdown: str = "# A fake notebook") -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells.append(nbformat.v4.new_markdown_cell(markdown))
    p = nbformat.v4.new_code_cell(params_src)
    p.metadata["tags"] = ["parameters"]
    nb.cells.append(p)
    nb.cells.extend(nbformat.v4.new_code_cell(c) for c in cells)
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i}"
    return nb


@pytest.fixture
def fake(tmp_path: Path) -> Fake:
    return Fake(tmp_path)


@pytest.fixture
def real_copy(tmp_path: Path) -> Path:
    """A copy of the real section map and data (``<tmp>/notebooks/collection.toml``, ``<tmp>/data``, without the
    sources' staging files), to break one of them without touching the project."""
    from helpers import paths

    (tmp_path / "notebooks").mkdir()
    shutil.copy(paths.COLLECTION, tmp_path / "notebooks" / "collection.toml")
    shutil.copytree(paths.DATA, tmp_path / "data", ignore=shutil.ignore_patterns("provenance"))
    return tmp_path / "notebooks" / "collection.toml"


class Fake:
    """A throw-away project: notebooks/, data/, reports/, build/, .cache/ under one temporary folder."""

    def __init__(self, root: Path):
        self.root = root
        self.notebooks = root / "notebooks"
        self.data = root / "data"
        self.reports = root / "reports"
        self.build_dir = root / "build"
        self.cache = root / "cache"
        self.notebooks.mkdir()
        self.data.mkdir()
        # A snapshot of the helpers sources for the cache's code hash, so edits elsewhere in the tree while the
        # tests run do not look like helpers changes (the kernels still import the real package).
        self.helpers_src = root / "helpers-src"
        shutil.copytree(ROOT / "src" / "helpers", self.helpers_src, ignore=shutil.ignore_patterns("__pycache__"))
        self.collection = self.notebooks / "collection.toml"
        self.collection.write_text(COLLECTION, encoding="utf-8")
        for name, text in DATA.items():
            (self.data / name).write_text(text, encoding="utf-8")
        for stem, (p, *cells) in NOTEBOOKS.items():
            nbformat.write(make_notebook(p, *cells), self.notebooks / f"{stem}.ipynb")

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        env.update(NATO_COLLECTION=str(self.collection), NATO_REPORTS_DIR=str(self.reports),
                   NATO_BUILD_DIR=str(self.build_dir), NATO_CACHE_DIR=str(self.cache),
                   NATO_HELPERS_SRC=str(self.helpers_src), NATO_EDITIONS="en")  # the fake collection has no
        # Arabic catalogs; tests of the Arabic edition ask for it (--lang ar, or NATO_EDITIONS="en,ar")
        env.update(extra)
        return env

    def build(self, *args: str, **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([PYTHON, "-m", "helpers.pipeline", *args], env=self.env(**extra), cwd=self.root,
                              capture_output=True, text=True, timeout=300)

    def popen(self, *args: str, **extra: str) -> subprocess.Popen:
        """The build in its own process group (so a test can send Ctrl-C to the group, as a terminal does)."""
        return subprocess.Popen([PYTHON, "-m", "helpers.pipeline", *args], env=self.env(**extra), cwd=self.root,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)

    def report_files(self) -> dict[str, bytes]:
        if not self.reports.exists():
            return {}
        return {p.relative_to(self.reports).as_posix(): p.read_bytes()
                for p in sorted(self.reports.rglob("*")) if p.is_file()}

    def built(self, result: subprocess.CompletedProcess) -> list[str]:
        """Names of the reports the build says it ran (from its plain-text summary)."""
        return [line.split()[0] for line in result.stdout.splitlines()
                if len(line.split()) > 1 and line.split()[1] in ("built", "FAILED")]

    def set_markdown(self, stem: str, text: str) -> None:
        path = self.notebooks / f"{stem}.ipynb"
        nb = nbformat.read(path, as_version=4)
        nb.cells[0].source = text
        nbformat.write(nb, path)

    def set_code(self, stem: str, index: int, src: str) -> None:
        """Replace the source of cell ``index`` (0 is the markdown title, 1 the parameters cell)."""
        path = self.notebooks / f"{stem}.ipynb"
        nb = nbformat.read(path, as_version=4)
        nb.cells[index].source = src
        nbformat.write(nb, path)


def dedent(text: str) -> str:
    return textwrap.dedent(text).strip() + "\n"


def load_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _shared(tmp_path_factory, name: str) -> Path:
    """A folder every pytest-xdist worker of this test session sees (their common base temp folder), or this
    session's own when the suite runs in one process. Work in it is done once, under its lock (``_once``)."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder = base / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _once(folder: Path, record: str, work) -> dict:
    """``work()`` (a JSON-able dict) run by the first worker that asks, under a file lock; the others wait for it
    and read its record from ``folder/record``."""
    from filelock import FileLock

    with FileLock(str(folder / f"{record}.lock")):
        done = folder / record
        if done.exists():
            return json.loads(done.read_text(encoding="utf-8"))
        result = work()
        tmp = done.with_suffix(".part")
        tmp.write_text(json.dumps(result), encoding="utf-8")
        tmp.replace(done)
        return result


@pytest.fixture(scope="session")
def real_build(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The real collection built once per test session (defaults and variants, empty cache) into a temporary
    folder: ``(folder, completed build process)``; reports in ``folder/reports``, executed notebooks in
    ``folder/build``. Shared by all pytest-xdist workers, so that the suite pays for one full build; tests only
    read it (copy it to change it)."""
    tmp = _shared(tmp_path_factory, "real-build")

    def build() -> dict:
        env = {**os.environ, "NATO_REPORTS_DIR": str(tmp / "reports"), "NATO_BUILD_DIR": str(tmp / "build"),
               "NATO_CACHE_DIR": str(tmp / "cache")}
        env.pop("NATO_COLLECTION", None)
        res = subprocess.run([PYTHON, "-m", "helpers.pipeline"], env=env, capture_output=True, text=True,
                             timeout=2400, cwd=tmp)
        return {"args": res.args, "returncode": res.returncode, "stdout": res.stdout, "stderr": res.stderr}

    done = _once(tmp, "build.json", build)
    return tmp, subprocess.CompletedProcess(**done)


@pytest.fixture(scope="session")
def executed(tmp_path_factory):
    """``executed(stem, **parameters)``: the real notebook run through papermill's Python API from a folder outside
    the repository, once per session for each set of parameters (several tests read the same run, whichever
    pytest-xdist worker they run on; each run starts a fresh kernel, so sharing it carries no state between tests).
    Returns the executed notebook."""
    import hashlib

    import papermill as pm

    from helpers import paths

    shared = _shared(tmp_path_factory, "executed")
    runs: dict[tuple, nbformat.NotebookNode] = {}

    def run(stem: str, **parameters) -> nbformat.NotebookNode:
        key = (stem, tuple(sorted(parameters.items())))
        if key not in runs:
            folder = shared / f"{stem}-{hashlib.sha256(repr(key).encode()).hexdigest()[:12]}"
            out = folder / f"{stem}.ipynb"

            def execute() -> dict:
                folder.mkdir(exist_ok=True)
                pm.execute_notebook(str(paths.NOTEBOOKS / f"{stem}.ipynb"), str(out), parameters=parameters,
                                    kernel_name="python3", progress_bar=False, cwd=str(folder))
                return {"notebook": out.name}

            _once(shared, f"{folder.name}.json", execute)
            runs[key] = nbformat.read(out, as_version=4)
        return runs[key]

    return run


@pytest.fixture(scope="session")
def built_reports(request, tmp_path_factory) -> Path:
    """reports/ when it holds every declared report (after `make reports`); else the suite's shared full build
    (conftest's ``real_build``) or, without it, a fresh build of our own in a tmp folder."""
    from browser import report_browser as rb

    from helpers import paths

    if all((paths.reports_dir() / name).exists() for name in rb.expected_reports()):
        return paths.reports_dir()
    try:
        folder, done = request.getfixturevalue("real_build")
    except pytest.FixtureLookupError:
        import os
        import subprocess

        folder = tmp_path_factory.mktemp("built")
        env = dict(os.environ, NATO_REPORTS_DIR=str(folder / "reports"), NATO_BUILD_DIR=str(folder / "build"),
                   NATO_CACHE_DIR=str(folder / "cache"))
        env.pop("NATO_SOURCES_CSV", None)
        done = subprocess.run([sys.executable, "-m", "helpers.pipeline", "--jobs", "2"], env=env, cwd=folder,
                              capture_output=True, text=True, timeout=1200)
    if not (folder / "reports" / "index.html").exists():
        pytest.fail(f"the build wrote no index.html:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return folder / "reports"


@pytest.fixture(scope="module")
def chromium():
    """Headless Debian Chromium (Playwright), shared by a test module; fails with what to install when missing."""
    from browser import report_browser as rb

    gone = rb.missing()
    if gone:
        pytest.fail(f"missing {', '.join(gone)}: run scripts/ensure-system-deps.sh (make test does)")
    with rb.browser() as b:
        yield b


@pytest.fixture
def refused_in_one_line(monkeypatch, capsys):
    """Check that the build command, run in this process on the fake collection (no kernel can start: it is
    refused first), exits 2 with one ``error:`` line holding each of ``words``, and writes no report.

    A fixture rather than an importable function: ``from conftest import ...`` can pick up another directory's
    conftest module (tests/render/ has one), depending on collection order."""
    from helpers.pipeline import cli

    def check(fake, args, words) -> None:
        for key, value in fake.env().items():
            monkeypatch.setenv(key, value)
        assert cli.build(args) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("error: ")
        for w in words:
            assert w in err
        assert not fake.reports.exists()

    return check
