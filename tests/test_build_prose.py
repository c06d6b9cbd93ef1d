"""Issue 14 item 7: a prose-only edit re-renders its reports from the cached run without starting a kernel, and
gives the same bytes as a full run."""

from __future__ import annotations

import os

import nbformat
import pytest

pytestmark = pytest.mark.slow

# Put first on PYTHONPATH, this papermill makes any kernel start fail loudly (the build's workers and kernels
# only ever start kernels through papermill.execute_notebook).
NO_KERNEL = '''\
class PapermillExecutionError(Exception):
    pass


def execute_notebook(*args, **kwargs):
    raise RuntimeError("a kernel was started: papermill.execute_notebook was called")
'''


@pytest.fixture
def no_kernel(tmp_path):
    folder = tmp_path / "no-kernel"
    (folder / "papermill").mkdir(parents=True)
    (folder / "papermill" / "__init__.py").write_text(NO_KERNEL, encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join(p for p in (str(folder), os.environ.get("PYTHONPATH", "")) if p)}


def _insert_markdown(fake, stem: str, index: int, text: str) -> None:
    path = fake.notebooks / f"{stem}.ipynb"
    nb = nbformat.read(path, as_version=4)
    cell = nbformat.v4.new_markdown_cell(text)
    cell.id = "added-prose"
    nb.cells.insert(index, cell)
    nbformat.write(nb, path)


def test_prose_edit_rerenders_without_a_kernel_and_matches_a_full_run(fake, no_kernel):
    assert fake.build("--jobs", "2").returncode == 0
    fake.set_markdown("01-alpha", "# A fake notebook\n\nAlpha, now with a second sentence of prose.")
    _insert_markdown(fake, "01-alpha", 3, "A paragraph added between two code cells.")

    res = fake.build(**no_kernel)
    assert res.returncode == 0, res.stdout + res.stderr
    assert sorted(fake.built(res)) == ["01-alpha", "01-alpha--early"]
    assert "without a kernel" in res.stdout
    page = (fake.reports / "01-alpha.html").read_text()
    assert "a second sentence of prose" in page and "A paragraph added between two code cells." in page
    assert "ALPHA 2000-01-01 3" in page  # the outputs of the cached run are still there
    assert page.index("A paragraph added") < page.index("ALPHA 2000-01-01 3")  # in the place it was added
    rendered = fake.report_files()

    # the same bytes as executing the notebook again
    forced = fake.build("--force", "--only", "01")
    assert forced.returncode == 0
    again = fake.report_files()
    for name in ("01-alpha.html", "01-alpha--early.html"):
        assert again[name] == rendered[name], f"{name}: the prose-only render differs from a full run"


def test_the_no_kernel_guard_does_stop_kernels(fake, no_kernel):
    """The guard above is real: a code change with it in place fails (and keeps the good report)."""
    assert fake.build("--only", "03").returncode == 0
    good = (fake.reports / "03-gamma.html").read_bytes()
    fake.set_code("03-gamma", 3, 'print("GAMMA, changed code", P.mode)')
    res = fake.build("--only", "03", **no_kernel)
    assert res.returncode == 1
    assert "a kernel was started" in res.stdout
    assert (fake.reports / "03-gamma.html").read_bytes() == good


def test_a_deleted_report_is_rendered_again_from_the_cached_run(fake, no_kernel):
    assert fake.build("--only", "02").returncode == 0
    before = (fake.reports / "02-beta.html").read_bytes()
    (fake.reports / "02-beta.html").unlink()
    res = fake.build("--only", "02", **no_kernel)
    assert res.returncode == 0, res.stdout + res.stderr
    assert (fake.reports / "02-beta.html").read_bytes() == before
