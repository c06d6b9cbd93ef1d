"""The build out of the reader's way (data editor, review 10, L2): the sentence under a parameters cell that says the
report's date and settings passed their checks is for someone editing the notebook, not for a reader of its page.
Those cells stay in the notebook (JupyterLab shows them) but carry ``remove-cell``, so the page leaves them out."""

from __future__ import annotations

import nbformat
import pytest

from helpers import paths
from helpers.render.notebook import HIDDEN_TAGS

SETUP_OPENINGS = ("The report's date lies within", "The organisations compared are all in the data")
STEMS = sorted(p.stem for p in paths.NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


@pytest.mark.parametrize("stem", STEMS)
def test_the_checks_sentence_stays_in_the_notebook_but_not_on_the_page(stem):
    nb = nbformat.read(paths.NOTEBOOKS / f"{stem}.ipynb", as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.startswith(SETUP_OPENINGS):
            assert "remove-cell" in cell.metadata.get("tags", []), f"{stem}: {cell.source[:60]}"
    assert "remove-cell" in HIDDEN_TAGS


def test_five_notebooks_keep_the_sentence_for_their_editors():
    found = [stem for stem in STEMS
             if any(c.cell_type == "markdown" and c.source.startswith(SETUP_OPENINGS)
                    for c in nbformat.read(paths.NOTEBOOKS / f"{stem}.ipynb", as_version=4).cells)]
    assert found == ["02-nato-enlargement", "03-osce-inclusive-option", "06-principles", "07-framework-or-alliance",
                     "08-sco-multivector-states"]
