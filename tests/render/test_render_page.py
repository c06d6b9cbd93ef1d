"""The pages a reader opens (``helpers.render.page``): the same bytes from two runs, the reader view, header, contents,
links, Arabic, escaping, the index and the failure page."""

from __future__ import annotations

import re
from pathlib import Path

import build_fixture as fx

from helpers import render


def test_two_papermill_runs_give_byte_identical_files(executed, rendered):
    again = dict(render.render_report(executed[1], fx.ENTRY))
    mine = {k: v for k, v in rendered.items() if k in again}
    assert sorted(again) == sorted(mine)
    different = [k for k in again if again[k] != mine[k]]
    assert different == []


def test_rendering_twice_is_byte_identical(executed, rendered):
    again = render.render_report(executed[0], fx.ENTRY)
    assert all(again[k] == rendered[k] for k in again)
    assert render.render_index([fx.ENTRY, fx.VARIANT]) == rendered["index.html"]
    assert render.shared_assets() == {k: v for k, v in rendered.items() if k.startswith("assets/")}


def test_reader_view_hides_code_parameters_and_prompts(page):
    assert "In&nbsp;[" not in page and "Out[" not in page
    # the injected-parameters cell (label = "x<script>") and the parameters cell are gone entirely
    assert "injected-parameters" not in page
    assert "&quot;plain&quot;" not in page and "&quot;x&lt;script&gt;&quot;" not in page
    assert not re.search(r'as_of(</span>)? <span class="o">=', page)
    # every code input is hidden until the page's one code switch shows them all
    inputs = page.count('class="jp-Cell-inputWrapper"')
    assert inputs > 0 and page.count('<div class="report-code">') == inputs
    assert page.count('class="report-code-toggle"') == 1 and "Show code" not in page
    assert "<details open" not in page


def test_header_has_title_paragraphs_readable_parameters_and_the_about_block_the_build(page):
    header = page.split('<header class="report-header">', 1)[1].split("</header>", 1)[0]
    assert "<h1>Fixture &lt;script&gt;alert(1)&lt;/script&gt;" in header
    assert "P4" in header
    assert ("As of <strong>7 Mar 2024</strong> "
            "<span class=\"report-param-default\">(default 30 Apr 2024)</span>") in header
    assert "Label <strong>x&lt;script&gt;</strong>" in header
    assert "Data version" not in header  # the build stays out of the first screen
    about = page.split('<section class="report-about"', 1)[1].split("</section>", 1)[0]
    assert re.search(r"Data version</dt><dd><code>[^<]*[0-9a-f]{12}", about)
    # one data version for the whole collection, with the files this report read one click away
    assert f"<code>{render.data_version()}</code>" in about
    assert "2 data files read</summary>" in about and "<code>data/memberships.csv</code>" in about
    pyproject = (Path(__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8")
    version = re.search(r'^version = "(\S+)"', pyproject, re.M).group(1)  # the one place the version lives
    assert f"Collection version</dt><dd>{version}</dd>" in about and "How to cite" in about
    assert "<summary>BibTeX</summary>" in about and f"version = {{{version}}}" in about
    assert "Code: <bdi>MIT</bdi>; prose and data:" in about and 'rel="license"' in about
    assert page.count("<h1") == 1  # the notebook's own H1 is not repeated


def test_table_of_contents_links_every_section_heading(page):
    toc = page.split('<nav class="report-toc"', 1)[1].split("</nav>", 1)[0]  # in the sidebar
    targets = re.findall(r'href="#([^"]+)"', toc)
    assert targets[:1] == ["Data"] and "sources" in " ".join(targets).lower()
    for t in targets:
        assert f'id="{t}"' in page
    assert "Raw-displays" in targets and "Takeaways" in targets
    # the Arabic heading is listed too, marked right-to-left
    assert any("%D8%A7%D9%84" in t for t in targets)
    assert re.search(r'<li><a href="#%D8[^"]*"><bdi lang="ar" dir="rtl">المنظمات</bdi></a></li>', toc)


def test_previous_next_and_index_links(page):
    assert 'rel="prev" href="98-before.html"' in page and "The one before" in page
    assert 'rel="next" href="00-after.html"' in page
    assert 'href="index.html"' in page


def test_page_loads_nothing_from_the_network(rendered):
    for name, data in rendered.items():
        if not name.endswith(".html"):
            continue
        text = data.decode()
        refs = re.findall(r'<(?:script|link|img|iframe)\b[^>]*(?:src|href)="([^"]+)"', text)
        assert refs, name if name != "index.html" else "index links its stylesheet"
        assert [r for r in refs if re.match(r"^(https?:)?//", r)] == [], name
    page = rendered[fx.ENTRY.output].decode()
    assert page.count('src="assets/vega-bundle.js"') == 1  # once per page, not once per chart
    assert "require.js" not in page and "mathjax" not in page.lower()


def test_arabic_is_marked_rtl_and_styled(rendered, page):
    assert re.search(r'<h2 (?=[^>]*lang="ar")(?=[^>]*dir="rtl")[^>]*>المنظمات', page)
    assert re.search(r'<bdi (?=[^>]*lang="ar")(?=[^>]*dir="rtl")[^>]*>«الناتو»</bdi>', page)
    assert re.search(r'<td (?=[^>]*lang="ar")(?=[^>]*dir="rtl")[^>]*>منظمة شنغهاي للتعاون</td>', page)
    css = rendered["assets/report.css"].decode()
    assert '[dir="rtl"]' in css and "text-align: right" in css and "Noto Naskh Arabic" in css
    assert "@media print" in css


def test_hostile_text_is_shown_as_text_everywhere(page):
    assert "<script>alert(1)" not in page and "<script>alert(4)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # table cell, caption and heading
    assert not re.search(r"<[a-z]+[^>]*\sonmouseover=", page)
    # a data value containing </script> cannot close the JSON script element; the chart title is page text
    spec = page.split('id="spec-bars" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in spec
    assert "Members &lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in page
    assert "<script>alert(3)" not in page


def test_glance_box_sits_in_the_header_under_the_summary(page):
    header = page.split('<header class="report-header">', 1)[1].split("</header>", 1)[0]
    assert header.index('class="report-summary"') < header.index('class="report-glance"')
    assert "<li>NATO counts 32 of them.</li>" in header
    # the notebook's own summary, computed from its parameters, replaces the collection's line
    assert '<p class="report-summary">On 2024-03-07, three organisations.</p>' in header
    assert "A fixture report." not in header
    main = page.split('<main id="report-main">', 1)[1]
    assert "report-glance" not in main  # shown once, in the first screen


def test_index_lists_every_report_and_variant(rendered):
    index = rendered["index.html"].decode()
    assert 'href="99-fixture.html"' in index and 'href="99-fixture--v1.html"' in index
    assert "A fixture report." in index and "Paragraphs P4" in index
    assert "as of 31 Dec 1991" in index and '<details class="index-variants">' in index  # variants folded
    assert 'id="your-builds"' not in index  # no builds: no section (and no build instruction) for readers
    assert "&lt;script&gt;alert(1)" in index and "<script>alert(1)" not in index
    footer = index.split('<footer class="report-footer">', 1)[1]
    assert "How to cite" in footer and "<summary>BibTeX</summary>" in footer and "Code: <bdi>MIT</bdi>" in footer


def test_failure_page_names_the_cell_the_error_and_the_parameters():
    class Failure:
        stage = "execute"
        ename = "ParameterError"
        evalue = ("notebook 02: as_of = '1800-01-01' is before the data (allowed 1949-04-04…)"
                  "\x1b]8;;http://evil.example\x1b\\\x1b]0;title\x07")  # a link and a window title: dropped
        traceback = "\x1b[31mTraceback\x1b[0m\n  <module> at 0x7fabc1234567"
        cell_index = 3
        exec_count = 2
        source = "P = params.validated('02', as_of=as_of)  # <script>"
        parameters = {"as_of": "1800-01-01"}
        debug_notebook = "build/02.ipynb"

    page = render.render_failure(fx.ENTRY, Failure()).decode()
    assert "cell 4 of the notebook (index 3)" in page
    assert "ParameterError: notebook 02: as_of = &#39;1800-01-01&#39;" in page
    assert "As of <strong>1 Jan 1800</strong>" in page
    assert "# &lt;script&gt;" in page and "\x1b" not in page and "0x7fabc" not in page
    assert render.render_failure(fx.ENTRY, Failure()) == page.encode()


def test_failure_page_accepts_a_plain_exception():
    page = render.render_failure(fx.ENTRY, RuntimeError("kernel died")).decode()
    assert "RuntimeError: kernel died" in page


def test_code_is_coloured_by_the_shared_style_without_spans_that_colour_nothing(rendered, page):
    """The page budget (issue 11): nbconvert inlined its code style in every page and wrapped every plain name
    in a span no rule styles; the style now lives once in assets/lab.css and plain names are bare text."""
    lab_css = rendered["assets/lab.css"].decode()
    assert ".highlight .kn {" in lab_css and lab_css.index(".highlight .k {") < lab_css.index(".jp-Notebook")
    assert ".highlight .k {" not in page and "span.linenos" not in page  # nbconvert would inline them
    code = page.split('<div class="report-code">', 1)[1]
    assert '<span class="kn">from</span>' in code or '<span class="kn">import</span>' in code  # colours stay
    assert '<span class="n">' not in page and "<span></span>" not in page


def test_the_prose_memo_is_bounded_and_a_forgotten_cell_renders_the_same_again(monkeypatch):
    """A long-lived process (the preview re-renders on every edit) keeps at most PROSE_MEMO_SIZE cells."""
    import collections

    import nbformat

    from helpers.render import page

    monkeypatch.setattr(page, "_PROSE", collections.OrderedDict())
    monkeypatch.setattr(page, "PROSE_MEMO_SIZE", 3, raising=False)
    cells = [nbformat.v4.new_markdown_cell(f"Paragraph **{i}**") for i in range(5)]
    shown = [page.prose_html(cell, {}) for cell in cells]
    assert len(page._PROSE) == 3
    assert all(f"<strong>{i}</strong>" in html for i, html in enumerate(shown))
    assert page.prose_html(cells[0], {}) == shown[0]
