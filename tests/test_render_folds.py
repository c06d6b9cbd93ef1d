"""Folds for the first read (issue 23): a tagged cell's long text or a run of tagged cells goes into one
``<details>`` whose summary says what it holds; the heading above stays in view."""

from __future__ import annotations

import nbformat

from helpers.render import folds


def _cell(tags=()):
    return nbformat.v4.new_markdown_cell("x", metadata={"tags": list(tags)} if tags else {})


def test_a_method_cell_keeps_its_heading_in_view_and_folds_what_follows_in_the_pages_language():
    html = '<p>Before.</p>\n<h2 id="robust">How robust is this?</h2>\n<p>Five checks…</p>'
    done = folds.fold_text(html, _cell(["fold-method"]), lambda m: {"The method in full": "الطريقة كاملة"}[m])
    head, fold = done.split("<details", 1)
    assert "How robust is this?" in head and "Before." in head and "Five checks" not in head
    assert fold.startswith(' class="report-fold') and "<summary>الطريقة كاملة</summary>" in fold
    assert fold.rstrip().endswith("</details>") and "Five checks" in fold


def test_untagged_cells_and_cells_with_nothing_after_their_heading_are_left_as_they_are():
    html = "<h2>Takeaways</h2>\n<p>text</p>"
    assert folds.fold_text(html, _cell(), str) == html
    assert folds.fold_text("<h2>Only a heading</h2>\n", _cell(["fold-method"]), str) == "<h2>Only a heading</h2>\n"
    assert folds.run_tag(_cell(["fold-checks", "other"])) == "fold-checks" and folds.run_tag(None) == ""
