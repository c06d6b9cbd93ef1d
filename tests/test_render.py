"""The report a reader opens: reader view, header, navigation, exports, sources, Arabic, escaping, determinism.

The fixture notebook (tests/fixtures/render/) is executed twice with papermill and rendered; a few tests also edit
the executed notebook by hand to show one source of variation at a time is removed.
"""

from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "render"))
import build_fixture as fx  # noqa: E402

from helpers import render  # noqa: E402


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("executed")
    with pytest.MonkeyPatch.context() as mp:  # undone even when execution fails
        mp.setenv("NATO_SOURCES_CSV", str(fx.SOURCES))
        first = fx.execute(folder / "run1.ipynb")
        second = fx.execute(folder / "run2.ipynb")
    return first, second


@pytest.fixture(scope="module")
def site(executed, tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NATO_SOURCES_CSV", str(fx.SOURCES))
        return fx.render_site(executed[0], folder)


@pytest.fixture()
def page(site) -> str:
    return site[fx.ENTRY.output].decode("utf-8")


@pytest.fixture(autouse=True)
def _fixture_sources(monkeypatch):
    monkeypatch.setenv("NATO_SOURCES_CSV", str(fx.SOURCES))


# ---------------------------------------------------------------------------------------------- determinism


def test_two_papermill_runs_give_byte_identical_files(executed, site):
    again = dict(render.render_report(executed[1], fx.ENTRY))
    mine = {k: v for k, v in site.items() if k in again}
    assert sorted(again) == sorted(mine)
    different = [k for k in again if again[k] != mine[k]]
    assert different == []


def test_rendering_twice_is_byte_identical(executed, site):
    again = render.render_report(executed[0], fx.ENTRY)
    assert all(again[k] == site[k] for k in again)
    assert render.render_index([fx.ENTRY, fx.VARIANT]) == site["index.html"]
    assert render.shared_assets() == {k: v for k, v in site.items() if k.startswith("assets/")}


def test_papermill_metadata_timestamps_and_cell_ids_do_not_reach_the_page(executed):
    nb = copy.deepcopy(executed[0])
    before = render.render_report(nb, fx.ENTRY)[fx.ENTRY.output]
    nb.metadata["papermill"] = {"start_time": "2001-01-01T00:00:00", "end_time": "2099-01-01T00:00:00",
                                "duration": 123.4}
    for i, cell in enumerate(nb.cells):
        cell.id = f"random-{i}-zz"
        cell.metadata["papermill"] = {"start_time": "2099-01-01T00:00:00", "duration": 9.9}
        cell.metadata["execution"] = {"iopub.execute_input": "2099-01-01T00:00:00"}
        if cell.cell_type == "code" and cell.execution_count:
            cell.execution_count += 40
    after = render.render_report(nb, fx.ENTRY)[fx.ENTRY.output]
    assert after == before


def test_random_styler_and_altair_ids_and_addresses_are_replaced(executed):
    nb = copy.deepcopy(executed[0])
    styled = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if "text/html" in o.get("data", {}) and "T_" in o["data"]["text/html"]]
    assert styled, "the fixture displays a pandas Styler"
    html1 = render.render_report(nb, fx.ENTRY)[fx.ENTRY.output].decode()
    old = re.search(r"T_[0-9a-f]{5}", styled[0]["data"]["text/html"]).group(0)
    styled[0]["data"]["text/html"] = styled[0]["data"]["text/html"].replace(old, "T_0f0f0")
    styled[0]["data"]["text/html"] += '<div id="altair-viz-' + "ab" * 16 + '"></div>'
    html2 = render.render_report(nb, fx.ENTRY)[fx.ENTRY.output].decode()
    assert not re.search(r"T_[0-9a-f]{5}\b", html2)
    assert "altair-viz-abab" not in html2 and " at 0x7" not in html2
    # same page apart from the element we added
    squash = lambda text: re.sub(r"\s+", " ", text)  # noqa: E731
    assert squash(html2.replace('<div id="altair-viz-s2"></div>', "")) == squash(html1)


# ---------------------------------------------------------------------------------------------- reader view


def test_reader_view_hides_code_parameters_and_prompts(page):
    assert "In&nbsp;[" not in page and "Out[" not in page
    # the injected-parameters cell (label = "x<script>") and the parameters cell are gone entirely
    assert "injected-parameters" not in page
    assert "&quot;plain&quot;" not in page and "&quot;x&lt;script&gt;&quot;" not in page
    assert 'as_of</span> <span class="o">=' not in page
    # every code input is hidden until the page's one code switch shows them all
    inputs = page.count('class="jp-Cell-inputWrapper"')
    assert inputs > 0 and page.count('<div class="report-code">') == inputs
    assert page.count('class="report-code-toggle"') == 1 and "Show code" not in page
    assert "<details open" not in page


def test_header_has_title_paragraphs_readable_parameters_and_the_about_block_the_build(page):
    header = page.split('<header class="report-header">', 1)[1].split("</header>", 1)[0]
    assert "<h1>Fixture &lt;script&gt;alert(1)&lt;/script&gt;" in header
    assert "P4" in header
    assert ("as of <strong>7 Mar 2024</strong> "
            "<span class=\"report-param-default\">(default 30 Apr 2024)</span>") in header
    assert "label <strong>x&lt;script&gt;</strong>" in header
    assert "Data version" not in header  # the build stays out of the first screen
    about = page.split('<section class="report-about"', 1)[1].split("</section>", 1)[0]
    assert re.search(r"Data version</dt><dd><code>[^<]*[0-9a-f]{12}", about)
    # one data version for the whole collection, with the files this report read one click away
    assert f"<code>{render.data_version()}</code>" in about
    assert "2 data files read</summary>" in about and "<code>data/memberships.csv</code>" in about
    version = re.search(r"^version: (\S+)", (Path(__file__).parents[1] / "CITATION.cff").read_text(), re.M).group(1)
    assert f"Collection version</dt><dd>{version}</dd>" in about and "How to cite" in about and "MIT" in about
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


def test_page_loads_nothing_from_the_network(site):
    for name, data in site.items():
        if not name.endswith(".html"):
            continue
        text = data.decode()
        refs = re.findall(r'<(?:script|link|img|iframe)\b[^>]*(?:src|href)="([^"]+)"', text)
        assert refs, name if name != "index.html" else "index links its stylesheet"
        assert [r for r in refs if re.match(r"^(https?:)?//", r)] == [], name
    page = site[fx.ENTRY.output].decode()
    assert page.count('src="assets/vega-bundle.js"') == 1  # once per page, not once per chart
    assert "require.js" not in page and "mathjax" not in page.lower()


def test_each_chart_has_container_spec_text_alternative_and_exports(site, page):
    figures = re.findall(r'<figure class="report-figure report-chart-figure report-wide" id="fig-([^"]+)">'
                         r'(.*?)</figure>', page, re.S)
    assert [k for k, _ in figures] == ["bars", "chart-1"]
    for key, body in figures:
        assert re.search(r'role="img"', body) and re.search(r'aria-label="[^"]{5,}"', body)
        assert f'data-spec="spec-{key}"' in body and f'id="spec-{key}"' in body
        for ext in ("svg", "png"):
            href = f"exports/99-fixture/{key}.{ext}"
            assert f'href="{href}"' in body and href in site
    assert site["exports/99-fixture/bars.svg"].startswith(b"<svg")
    assert site["exports/99-fixture/bars.png"].startswith(b"\x89PNG")
    bars = dict(figures)["bars"]
    assert "Bar chart of member counts" in bars  # description is part of the text alternative


def test_table_export_is_the_csv_of_the_table(site, page):
    assert 'href="exports/99-fixture/members.csv"' in page
    csv_text = site["exports/99-fixture/members.csv"].decode()
    assert csv_text.splitlines()[0] == "org,name,members"
    assert "NATO,North Atlantic Treaty Organization,32" in csv_text


def test_sources_section_lists_cited_sources_with_anchors_linked_from_figures(page):
    section = page.split('<section class="report-sources-section" id="sources">', 1)[1].split("</section>", 1)[0]
    assert section.index('id="src-fixture-members"') < section.index('id="src-fixture-arabic"')
    assert "https://example.org/members" in section and 'Accessed <span class="nowrap">29 Nov 2026</span>' in section
    main = page.split("<main", 1)[1].split('id="sources"', 1)[0]
    assert 'href="#src-fixture-members"' in main and 'href="#src-fixture-arabic"' in main


def test_a_missing_sources_call_still_gets_a_sources_section(executed):
    nb = copy.deepcopy(executed[0])
    nb.cells = [c for c in nb.cells if "sources_section" not in c.source]
    html = render.render_report(nb, fx.ENTRY)[fx.ENTRY.output].decode()
    assert html.count('id="sources"') == 1 and 'id="src-fixture-members"' in html


def test_arabic_is_marked_rtl_and_styled(site, page):
    assert re.search(r'<h2 (?=[^>]*lang="ar")(?=[^>]*dir="rtl")[^>]*>المنظمات', page)
    assert re.search(r'<bdi (?=[^>]*lang="ar")(?=[^>]*dir="rtl")[^>]*>«الناتو»</bdi>', page)
    assert re.search(r'<td (?=[^>]*lang="ar")(?=[^>]*dir="rtl")[^>]*>منظمة شنغهاي للتعاون</td>', page)
    css = site["assets/report.css"].decode()
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


def test_script_json_escapes_markup():
    out = render.script_json({"t": "</script><b>&"})
    assert "<" not in out and ">" not in out and "&" not in out
    import json

    assert json.loads(out) == {"t": "</script><b>&"}


def test_duplicate_keys_are_refused_with_the_key_named(executed):
    nb = copy.deepcopy(executed[0])
    chart_cell = next(c for c in nb.cells if c.cell_type == "code" and "key='bars'" in c.source)
    nb.cells.append(copy.deepcopy(chart_cell))
    with pytest.raises(render.RenderError, match="key 'bars' is used twice"):
        render.render_report(nb, fx.ENTRY)


# ---------------------------------------------------------------------------------------------- index and failure


def test_index_lists_every_report_and_variant(site):
    index = site["index.html"].decode()
    assert 'href="99-fixture.html"' in index and 'href="99-fixture--v1.html"' in index
    assert "A fixture report." in index and "Paragraphs P4" in index
    assert "as of 31 Dec 1991" in index and '<details class="index-variants">' in index  # variants folded
    assert 'id="your-builds"' in index
    assert "&lt;script&gt;alert(1)" in index and "<script>alert(1)" not in index


def test_failure_page_names_the_cell_the_error_and_the_parameters():
    class Failure:
        stage = "execute"
        ename = "ParameterError"
        evalue = "notebook 02: as_of = '1800-01-01' is before the data (allowed 1949-04-04…)"
        traceback = "\x1b[31mTraceback\x1b[0m\n  <module> at 0x7fabc1234567"
        cell_index = 3
        exec_count = 2
        source = "P = params.validated('02', as_of=as_of)  # <script>"
        parameters = {"as_of": "1800-01-01"}
        debug_notebook = "build/02.ipynb"

    page = render.render_failure(fx.ENTRY, Failure()).decode()
    assert "cell 4 of the notebook (index 3)" in page
    assert "ParameterError: notebook 02: as_of = &#39;1800-01-01&#39;" in page
    assert "as of <strong>1 Jan 1800</strong>" in page
    assert "# &lt;script&gt;" in page and "\x1b" not in page and "0x7fabc" not in page
    assert render.render_failure(fx.ENTRY, Failure()) == page.encode()


def test_failure_page_accepts_a_plain_exception():
    page = render.render_failure(fx.ENTRY, RuntimeError("kernel died")).decode()
    assert "RuntimeError: kernel died" in page


def test_shared_assets_hold_the_vega_bundle_once():
    assets = render.shared_assets()
    bundle = assets["assets/vega-bundle.js"].decode()
    assert "vegaEmbed" in bundle and len(bundle) > 100_000
    assert "report-chart" in assets["assets/report.js"].decode()


# ---------------------------------------------------------------------------------------------- reader pages


def _figure(page: str, key: str) -> str:
    return page.split(f'id="fig-{key}"', 1)[1].split("</figure>", 1)[0]


def test_each_figure_cites_numbers_that_link_to_one_numbered_bibliography(page):
    section = page.split('id="sources"', 1)[1]
    numbers = dict(re.findall(r'<li id="src-([^"]+)" value="(\d+)">', section))
    assert numbers["fixture-members"] == "1" and numbers["fixture-arabic"] == "2"  # order of first citation
    assert sorted(numbers.values(), key=int) == [str(i) for i in range(1, len(numbers) + 1)]
    bars = _figure(page, "bars")
    cites = re.findall(r'<a class="cite" href="#src-([^"]+)">\[(\d+)\]<span class="cite-tip" role="tooltip">', bars)
    assert cites == [("fixture-members", "1"), ("fixture-arabic", "2")]
    assert "Fixture Publisher: Member list &lt;script&gt;" in bars  # title and publisher on hover and focus
    assert "Reference work" in section and "Accessed <span class=\"nowrap\">29 Nov 2026</span>" in section


def test_a_figure_on_many_sources_lists_its_measure_and_groups_the_rest(page):
    records = _figure(page, "records")
    line = records.split('<div class="report-source">', 1)[1].split("</div>", 1)[0]
    before_group = line.split("<details", 1)[0]
    assert re.findall(r'href="#src-([^"]+)"', before_group) == ["fixture-members"]  # the measure first, alone
    assert '<details class="cite-group"><summary>14 accession records</summary>' in line
    assert len(re.findall(r'href="#src-fixture-record-\d+"', line)) == 14  # exactly the sources its rows cite


def test_glance_box_sits_in_the_header_under_the_summary(page):
    header = page.split('<header class="report-header">', 1)[1].split("</header>", 1)[0]
    assert header.index('class="report-summary"') < header.index('class="report-glance"')
    assert "<li>NATO counts 32 of them.</li>" in header
    # the notebook's own summary, computed from its parameters, replaces the collection's line
    assert '<p class="report-summary">On 2024-03-07, three organisations.</p>' in header
    assert "A fixture report." not in header
    main = page.split('<main id="report-main">', 1)[1]
    assert "report-glance" not in main  # shown once, in the first screen


def test_tables_show_reader_numbers_dates_and_labels_while_the_csv_keeps_data(site, page):
    records = _figure(page, "records")
    assert re.search(r'<td (?=[^>]*class="num")[^>]*>1949</td>', records)  # a year, not 1,949 or 1949.0
    assert re.search(r'<td (?=[^>]*class="date")[^>]*>4 Apr 1949</td>', records)
    assert 'data-label="Year"' in records  # a phone shows each value under its header
    assert ">State code</th>" in records and ">Year</th>" in records
    assert page.index('<details class="report-collapsed"><summary>Show all 14 rows: Accessions</summary>') < \
        page.index('id="fig-records"')
    csv_text = site["exports/99-fixture/records.csv"].decode()
    assert csv_text.splitlines()[1].startswith('S01,1949-04-04,1949.0,"\'=HYPERLINK')  # formula neutralised


def test_matrix_shows_labels_symbols_shading_unknown_and_numbered_notes(page):
    matrix = _figure(page, "matrix")
    head = matrix.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert ">NATO</th>" in head and ">Proposed Eurasian framework</th>" in head
    assert '<th colspan="3" scope="rowgroup">Obligations</th>' in matrix
    assert '<th scope="row">Defence promise</th>' in matrix  # dimensions.csv's reader label
    assert re.search(r'class="matrix-cell shade-4" tabindex="0"><span aria-hidden="true" class="matrix-symbol">●'
                     r'</span> yes', matrix)
    assert re.search(r'<td class="matrix-cell shade-unknown"( tabindex="0")?><span aria-hidden="true" '
                     r'class="matrix-symbol">\?</span> unknown', matrix)
    # the citation sits in the cell's detail, not beside the word
    assert re.search(r'<span class="cell-tip" role="tooltip">Article 5 of the treaty <sup class="cite-ref" '
                     r'data-cite="fixture-members"><a href="#src-fixture-members">\[1\]</a></sup></span>', matrix)
    # a phone gets one card per organisation
    assert matrix.count('<details class="matrix-card">') == head.count('<th scope="col">')
    assert '<ol class="matrix-notes"><li value="1">Article 5 of the treaty' in matrix  # shown in print
    assert "EURASIAN_FRAMEWORK" not in matrix.split("<table", 1)[1].split("</table>", 1)[0]


def test_sidebar_lists_every_report_in_reading_order_and_variants():
    import tomllib

    from helpers import paths
    from helpers.render import collection

    books = tomllib.loads(paths.COLLECTION.read_text(encoding="utf-8"))["notebook"]
    current = f"{books[2]['stem']}--{books[2]['variant'][0]['name']}"
    items = collection.nav_items(current)
    assert [i["output"] for i in items] == [f"{b['stem']}.html" for b in books]
    variant = items[2]["variants"][0]
    assert variant["current"] and not items[2]["current"] and variant["title"].startswith("as of ")


def test_variant_titles_name_their_values_not_parameters():
    from helpers.render import collection

    title = collection.reader_title("Security framework or alliance? (as_of-2001-06-15)", {"as_of": "2001-06-15"},
                                    {"as_of": "2024-04-30"}, "2001-06-15")
    assert title == "Security framework or alliance? — as of 15 Jun 2001"
    assert collection.reader_title("The SCO (kazakhstan)", {"as_of": "2024-07-04", "focus_state": "KAZ"},
                                   {"as_of": "2024-07-04", "focus_state": "KAZ"}, "kazakhstan") == \
        "The SCO — as of 4 Jul 2024, focus state Kazakhstan"
    assert collection.variant_label({"as_of": "2024-07-04", "focus_state": "IND"},
                                    {"as_of": "2024-07-04", "focus_state": "KAZ"}) == "focus state India"


def test_command_line_renders_an_executed_notebook(executed, tmp_path):

    from helpers.render.__main__ import main

    nb_path = tmp_path / "executed.ipynb"
    nbformat.write(executed[0], nb_path)
    assert main([str(nb_path), "-o", str(tmp_path / "out" / "page.html")]) == 0
    out = (tmp_path / "out" / "page.html").read_text(encoding="utf-8")
    assert 'id="fig-bars"' in out and 'src="assets/vega-bundle.js"' in out
    assert (tmp_path / "out" / "assets" / "vega-bundle.js").exists()
    assert (tmp_path / "out" / "exports" / "page" / "members.csv").exists()


def test_a_prose_fragment_is_balanced_only_when_it_closes_what_it_opens():
    from helpers.render import prose

    assert prose.balanced('<p>one<br>two <img src="x.png"></p>\n<ul><li>a</li></ul>')
    assert not prose.balanced('<div class="note">left open')
    assert not prose.balanced("</div> closing the page's own element")
    assert not prose.balanced("<b><i>crossed</b></i>")
