"""The page's slots are filled where the template puts them (issue 20): a notebook whose prose or output holds a
slot's text (``<!--report-footer-->``) keeps its footer at the end of the page and its header and sidebar where
they belong."""

from __future__ import annotations

import nbformat

from helpers import render
from helpers.models import Entry

SLOTS = "<!--report-footer--> <!--report-header--> <!--report-sidebar-->"


def test_slot_text_in_prose_and_output_moves_nothing(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    code = nbformat.v4.new_code_cell("show()")
    code.outputs = [nbformat.v4.new_output("display_data", data={"text/html": f"<p>out {SLOTS}</p>"})]
    nb.cells = [nbformat.v4.new_markdown_cell("# A title"),
                nbformat.v4.new_markdown_cell(f"First words.\n\n{SLOTS}\n\nMiddle words."),
                code, nbformat.v4.new_markdown_cell("## Last\n\nLast words.")]
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i}"
    entry = Entry(id="01", stem="01-x", name="01-x", title="X", summary="A summary.", paragraphs="P1",
                  parameters={}, output="01-x.html", notebook=str(tmp_path / "01-x.ipynb"))
    page = render.render_report(nb, entry)["01-x.html"].decode("utf-8")
    assert page.count('<footer class="report-footer">') == 1
    assert page.index("Last words.") < page.index('<footer class="report-footer">')
    assert page.count('<aside class="report-sidebar"') == 1 and page.count('<details class="report-menu">') == 1
    assert page.index('<aside class="report-sidebar"') < page.index("First words.")
    assert page.index('<details class="report-menu">') < page.index("First words.")
