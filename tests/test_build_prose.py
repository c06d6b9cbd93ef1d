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


def _edit_markdown(fake, stem: str, index: int, text: str) -> None:
    path = fake.notebooks / f"{stem}.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells[index].source = text
    nbformat.write(nb, path)


def _line(result, name: str) -> str:
    return next(ln for ln in result.stdout.splitlines() if ln.startswith(name + " "))


def test_edited_prose_is_rerendered_in_the_kept_page_with_its_contents_and_search_updated(fake, no_kernel):
    """The fast path: the same cells, new words and a new heading. Only the prose is rendered again, and the page,
    its contents list and the search index are those of a full run."""
    assert fake.build("--only", "01").returncode == 0
    fake.set_markdown("01-alpha", "# A fake notebook\n\nAlpha, in other words.\n\n## Findings in brief\n\n"
                                  "Words about سلام and the window.")
    res = fake.build("--only", "01", **no_kernel)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "edited prose cell" in _line(res, "01-alpha")
    assert "edited prose cell" in _line(res, "01-alpha--early")
    page = (fake.reports / "01-alpha.html").read_text()
    assert "Alpha, in other words." in page and "ALPHA 2000-01-01 3" in page
    assert 'href="#Findings-in-brief"' in page  # the contents list has the new heading
    assert 'dir="rtl" lang="ar">سلام</bdi>' in page  # Arabic marked as in a full render
    assert "<!--prose" not in page
    index = (fake.reports / "assets" / "search-index.js").read_text()
    assert "Words about" in index and "Findings in brief" in index
    rendered = fake.report_files()

    forced = fake.build("--force", "--only", "01")
    assert forced.returncode == 0
    again = fake.report_files()
    for name in ("01-alpha.html", "01-alpha--early.html", "assets/search-index.js"):
        assert again[name] == rendered[name], f"{name}: the in-place re-render differs from a full run"


def test_a_changed_layout_renders_the_whole_notebook_again(fake, no_kernel):
    """A markdown cell added (the cells no longer line up with the kept page): the whole notebook is rendered, still
    without a kernel."""
    assert fake.build("--only", "02").returncode == 0
    _insert_markdown(fake, "02-beta", 2, "A new paragraph after the parameters.")
    res = fake.build("--only", "02", **no_kernel)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "without a kernel" in _line(res, "02-beta") and "edited prose" not in _line(res, "02-beta")
    assert "A new paragraph after the parameters." in (fake.reports / "02-beta.html").read_text()
    # and the next prose edit takes the fast path again, from the parts that render kept
    _edit_markdown(fake, "02-beta", 2, "The new paragraph, reworded.")
    res = fake.build("--only", "02", **no_kernel)
    assert "edited prose cell" in _line(res, "02-beta"), res.stdout
    assert "The new paragraph, reworded." in (fake.reports / "02-beta.html").read_text()


TABLE_CELL = ('import pandas as pd\nfrom helpers import present\n'
              'present.table(pd.DataFrame({"mode": [P.mode]}), key="modes", title="The mode", '
              'sources=["academic-osce"])')


def test_a_lost_export_file_is_written_again_by_a_prose_edit(fake, no_kernel):
    """The kept page is used only while every export file it links to is still as written."""
    fake.set_code("03-gamma", 3, TABLE_CELL)
    assert fake.build("--only", "03").returncode == 0
    export = fake.reports / "exports" / "03-gamma" / "modes.csv"
    kept = export.read_bytes()
    export.unlink()
    fake.set_markdown("03-gamma", "# A fake notebook\n\nGamma, with a table.")
    res = fake.build("--only", "03", **no_kernel)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "edited prose" not in _line(res, "03-gamma")
    assert export.read_bytes() == kept
    fake.set_markdown("03-gamma", "# A fake notebook\n\nGamma, with one table.")
    res = fake.build("--only", "03", **no_kernel)
    assert "edited prose cell" in _line(res, "03-gamma")
    assert export.read_bytes() == kept  # the export stays where the page links to it


def test_an_unclosed_tag_in_prose_is_closed_and_the_fast_path_page_equals_a_whole_render(fake, no_kernel):
    """The prose cleaner closes an unclosed tag (it would otherwise swallow the page's own ``</div>``), so the kept
    page can take the edited cell; the page is the one a forced whole render writes."""
    assert fake.build("--only", "01").returncode == 0
    fake.set_markdown("01-alpha", "# A fake notebook\n\nAn unclosed <div class=\"note\"> in the prose.")
    res = fake.build("--only", "01", **no_kernel)
    assert res.returncode == 0, res.stdout + res.stderr
    rendered = fake.report_files()
    assert "in the prose." in rendered["01-alpha.html"].decode("utf-8")
    assert fake.build("--force", "--only", "01").returncode == 0
    assert fake.report_files()["01-alpha.html"] == rendered["01-alpha.html"]


@pytest.mark.parametrize("prose", [
    "# A fake notebook\n\n![a chart](chart.png)",  # nbconvert gives an image without alt text its own words
])
def test_prose_the_kept_page_cannot_vouch_for_is_rendered_whole(fake, no_kernel, prose):
    assert fake.build("--only", "01").returncode == 0
    fake.set_markdown("01-alpha", prose)
    res = fake.build("--only", "01", **no_kernel)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "without a kernel" in _line(res, "01-alpha") and "edited prose" not in _line(res, "01-alpha")
    rendered = fake.report_files()
    assert fake.build("--force", "--only", "01").returncode == 0
    assert fake.report_files()["01-alpha.html"] == rendered["01-alpha.html"]


def test_unreadable_kept_parts_mean_a_whole_render(fake, no_kernel):
    assert fake.build("--only", "02").returncode == 0
    (fake.cache / "pages" / "02-beta.json").write_text("{not json", encoding="utf-8")
    fake.set_markdown("02-beta", "# A fake notebook\n\nBeta, reworded.")
    res = fake.build("--only", "02", **no_kernel)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "without a kernel" in _line(res, "02-beta") and "edited prose" not in _line(res, "02-beta")
    assert "Beta, reworded." in (fake.reports / "02-beta.html").read_text()


# a chart whose data's keys come in an order of their own ("zeta" before "alpha"), in two named tables
CHART_CELL = ('from IPython.display import display\n'
              'spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "mark": "point",\n'
              '        "datasets": {"second": [{"zeta": 3, "alpha": "c"}], "first": [{"zeta": 1, "alpha": "a"}]},\n'
              '        "layer": [{"data": {"name": "second"}, "mark": "point",\n'
              '                   "encoding": {"x": {"field": "zeta", "type": "quantitative"}}},\n'
              '                  {"data": {"name": "first"}, "mark": "point",\n'
              '                   "encoding": {"x": {"field": "zeta", "type": "quantitative"}}}]}\n'
              'display({"application/vnd.vegalite.v5+json": spec}, raw=True)')


def test_a_re_render_from_the_kept_run_writes_the_exports_and_page_of_a_full_run(fake, no_kernel):
    """A re-render from the kept run ("re-rendered without a kernel") wrote a chart's CSV with other columns and
    rows than the full run had: the kept notebook is saved with its keys sorted. Every path gives the same bytes."""
    fake.set_code("03-gamma", 3, CHART_CELL)
    assert fake.build("--only", "03").returncode == 0
    full = fake.report_files()
    export = fake.reports / "exports" / "03-gamma" / "chart-1.csv"
    assert export.exists(), sorted(full)
    export.write_text("junk\n", encoding="utf-8")
    res = fake.build("--only", "03", **no_kernel)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "re-rendered without a kernel" in _line(res, "03-gamma")
    again = fake.report_files()
    changed = sorted(p for p in full if p.startswith(("exports/", "03-gamma")) and again.get(p) != full[p])
    assert not changed, changed
