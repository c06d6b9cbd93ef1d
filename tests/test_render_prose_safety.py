"""Author prose on the page (issue 20): raw HTML in a markdown cell cannot run script in the published page, and a
control character or an open bidirectional control in a cell (or in its Arabic) is refused with the data's own
rule, naming the cell."""

from __future__ import annotations

import nbformat
import pytest

from helpers import render
from helpers.models import Entry
from helpers.render import page, safe_prose

HOSTILE = ("Words <script>alert('x')</script> <img src=x onerror=alert(1)> [a link](javascript:alert(2)) "
           "<a href=\"https://example.org/\" onclick=\"alert(3)\">kept</a> <iframe src=\"https://example.org\">"
           "</iframe>\n\n| a | b |\n|:--|--:|\n| 1 | 2 |")


def _page(tmp_path, source: str) -> str:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("# A title"), nbformat.v4.new_markdown_cell(source)]
    for i, cell in enumerate(nb.cells):
        cell.id = f"cell-{i}"
    entry = Entry(id="01", stem="01-x", name="01-x", title="X", summary="A summary.", paragraphs="P1",
                  parameters={}, output="01-x.html", notebook=str(tmp_path / "01-x.ipynb"))
    return render.render_report(nb, entry)["01-x.html"].decode("utf-8")


def test_script_and_event_handlers_in_prose_are_shown_as_text_or_dropped(tmp_path):
    html = _page(tmp_path, HOSTILE)
    assert "alert('x')" in html and "&lt;script&gt;alert('x')&lt;/script&gt;" in html  # the author sees it
    for live in ("<script>alert", "onerror", "onclick", "javascript:", "<iframe"):
        assert live not in html
    assert '<a href="https://example.org/">kept</a>' in html  # ordinary links stay
    assert '<th style="text-align:right;">b</th>' in html  # a markdown table keeps its alignment


@pytest.mark.parametrize("text, words", [("a \u0007 bell", "U+0007"), ("\u202ereversed", "never closed"),
                                         ("line\u2028split", "U+2028")])
def test_a_control_or_open_bidi_character_in_prose_is_refused_naming_the_cell(tmp_path, text, words):
    with pytest.raises(safe_prose.UnsafeProse) as info:
        _page(tmp_path, f"Fine words, then {text}.")
    message = str(info.value)
    assert message.startswith("01-x: markdown cell ") and "(from 'Fine words, then" in message
    assert words in message and "\n" not in message


def test_the_arabic_of_a_cell_is_held_to_the_same_rule():
    cell = nbformat.v4.new_markdown_cell("نص \u202bمقلوب")
    cell.id = "abc"
    its_arabic = "markdown cell abc \\(from .*\\) \\(its Arabic, in the notebook's catalog\\)"
    with pytest.raises(safe_prose.UnsafeProse, match=its_arabic):
        page.prose_html(cell, {"report": {"lang": "ar"}, "metadata": {"name": "05-x"}})
    ok = nbformat.v4.new_markdown_cell("نص \u2067NATO\u2069 سليم\tهنا")  # a closed isolate and a tab are fine
    ok.id = "abd"
    assert "NATO" in page.prose_html(ok, {"report": {"lang": "ar"}, "metadata": {"name": "05-x"}})


def test_the_prose_only_path_fails_the_report_in_one_line_without_a_traceback(tmp_path, caplog):
    from types import SimpleNamespace

    from helpers.pipeline import render_paths
    from helpers.pipeline.jobs import RenderPath

    saved = tmp_path / "01-x.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), saved)

    def respin(kept, nb, entry):
        raise safe_prose.UnsafeProse("01-x: markdown cell c1 (from 'Bell'): character U+0007 …")

    entry = SimpleNamespace(name="01-x", notebook=str(saved))
    with caplog.at_level("WARNING"):
        done = render_paths._in_kept_page(SimpleNamespace(respin=respin), {"exports": {}}, entry)
    assert done.path == RenderPath.PROSE_ONLY and done.failure.ename == "UnsafeProse"
    assert "markdown cell c1" in done.failure.evalue and not caplog.records  # no traceback logged


def test_an_image_on_the_network_is_not_fetched_by_the_page(tmp_path):
    """The reports open offline; a remote image in prose made the page ask the network when opened."""
    html = _page(tmp_path, "A pixel ![px](https://evil.example/pixel.png) and <img src=\"//evil.example/b.png\">, "
                           "beside ![here](figure.png).")
    assert 'src="https://evil.example' not in html and 'src="//evil.example' not in html
    assert "[image not shown: https://evil.example/pixel.png is on the network" in html
    assert "[image not shown: //evil.example/b.png is on the network" in html
    assert "<img alt=\"here\" src=\"figure.png\"/>" in html  # an image beside the notebook stays


def test_the_arabic_edition_says_why_an_image_is_missing_in_arabic(monkeypatch):
    from helpers import paths

    monkeypatch.setenv(paths.LANG_VAR, "ar")
    html = safe_prose.clean('<p>x <img src="https://evil.example/p.png"></p>')
    assert "صورة لم تُعرض" in html and "https://evil.example/p.png" in html and "image not shown" not in html


def test_prose_cannot_take_the_pages_own_ids_and_classes(tmp_path):
    html = _page(tmp_path, '## A heading\n\n<span id="search-input" class="site-nav">x</span> '
                           '<div id="report-main" class="report-toc">y</div>\n\n```python\nx = 1\n```')
    prose = html.split('id="A-heading"', 1)[1]
    assert 'id="search-input"' not in html and 'class="site-nav"' not in html
    assert prose.count('id="report-main"') == 0 and 'class="report-toc">y' not in prose
    assert '<a class="anchor-link" href="#A-heading">' in prose  # markdown's own heading anchor stays
    assert '<div class="highlight">' in prose and '<span class="n">x</span>' in prose  # and code highlighting
