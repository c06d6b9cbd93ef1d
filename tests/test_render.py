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

from helpers import present, render  # noqa: E402


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
    return site[fx.ENTRY["output"]].decode("utf-8")


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
    before = render.render_report(nb, fx.ENTRY)[fx.ENTRY["output"]]
    nb.metadata["papermill"] = {"start_time": "2001-01-01T00:00:00", "end_time": "2099-01-01T00:00:00",
                                "duration": 123.4}
    for i, cell in enumerate(nb.cells):
        cell.id = f"random-{i}-zz"
        cell.metadata["papermill"] = {"start_time": "2099-01-01T00:00:00", "duration": 9.9}
        cell.metadata["execution"] = {"iopub.execute_input": "2099-01-01T00:00:00"}
        if cell.cell_type == "code" and cell.execution_count:
            cell.execution_count += 40
    after = render.render_report(nb, fx.ENTRY)[fx.ENTRY["output"]]
    assert after == before


def test_random_styler_and_altair_ids_and_addresses_are_replaced(executed):
    nb = copy.deepcopy(executed[0])
    styled = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if "text/html" in o.get("data", {}) and "T_" in o["data"]["text/html"]]
    assert styled, "the fixture displays a pandas Styler"
    html1 = render.render_report(nb, fx.ENTRY)[fx.ENTRY["output"]].decode()
    old = re.search(r"T_[0-9a-f]{5}", styled[0]["data"]["text/html"]).group(0)
    styled[0]["data"]["text/html"] = styled[0]["data"]["text/html"].replace(old, "T_0f0f0")
    styled[0]["data"]["text/html"] += '<div id="altair-viz-' + "ab" * 16 + '"></div>'
    html2 = render.render_report(nb, fx.ENTRY)[fx.ENTRY["output"]].decode()
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
    # every code input sits in a collapsed <details>
    inputs = page.count('class="jp-Cell-inputWrapper"')
    assert inputs > 0 and page.count('<details class="report-code">') == inputs
    assert "<details open" not in page


def test_header_has_title_paragraphs_readable_parameters_and_data_version(page):
    header = page.split('<header class="report-header">', 1)[1].split("</header>", 1)[0]
    assert "<h1>Fixture &lt;script&gt;alert(1)&lt;/script&gt;" in header
    assert "P4" in header
    assert "as of <strong>7 Mar 2024</strong> <span class=\"report-param-default\">(default 30 Apr 2024)</span>" in header
    assert "label <strong>x&lt;script&gt;</strong>" in header
    assert re.search(r"Data version</dt><dd><code>[^<]*[0-9a-f]{12}", header)
    assert page.count("<h1") == 1  # the notebook's own H1 is not repeated


def test_table_of_contents_links_every_section_heading(page):
    toc = page.split('<nav class="report-toc"', 1)[1].split("</nav>", 1)[0]
    targets = re.findall(r'href="#([^"]+)"', toc)
    assert targets[:1] == ["Data"] and "sources" in " ".join(targets).lower()
    for t in targets:
        assert f'id="{t}"' in page
    assert "Raw-displays" in targets and "Takeaways" in targets
    # the Arabic heading is listed too, marked right-to-left
    assert any("%D8%A7%D9%84" in t for t in targets)
    assert re.search(r'<li><a href="#%D8[^"]*"><span lang="ar" dir="rtl">المنظمات</span></a></li>', toc)


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
    page = site[fx.ENTRY["output"]].decode()
    assert page.count('src="assets/vega-bundle.js"') == 1  # once per page, not once per chart
    assert "require.js" not in page and "mathjax" not in page.lower()


def test_each_chart_has_container_spec_text_alternative_and_exports(site, page):
    figures = re.findall(r'<figure class="report-figure report-chart-figure" id="fig-([^"]+)">(.*?)</figure>', page, re.S)
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
    assert "https://example.org/members" in section and "Accessed 29 Nov 2026" in section
    main = page.split("<main", 1)[1].split('id="sources"', 1)[0]
    assert 'href="#src-fixture-members"' in main and 'href="#src-fixture-arabic"' in main


def test_a_missing_sources_call_still_gets_a_sources_section(executed):
    nb = copy.deepcopy(executed[0])
    nb.cells = [c for c in nb.cells if "sources_section" not in c.source]
    html = render.render_report(nb, fx.ENTRY)[fx.ENTRY["output"]].decode()
    assert html.count('id="sources"') == 1 and 'id="src-fixture-members"' in html


def test_arabic_is_marked_rtl_and_styled(site, page):
    assert re.search(r'<h2 (?=[^>]*lang="ar")(?=[^>]*dir="rtl")[^>]*>المنظمات', page)
    assert re.search(r'<span (?=[^>]*lang="ar")(?=[^>]*dir="rtl")[^>]*>«الناتو»</span>', page)
    assert re.search(r'<td (?=[^>]*lang="ar")(?=[^>]*dir="rtl")[^>]*>منظمة شنغهاي للتعاون</td>', page)
    css = site["assets/report.css"].decode()
    assert '[dir="rtl"]' in css and "text-align: right" in css and "Noto Naskh Arabic" in css
    assert "@media print" in css


def test_hostile_text_is_shown_as_text_everywhere(page):
    assert "<script>alert(1)" not in page and "<script>alert(4)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # table cell, caption and heading
    assert not re.search(r"<[a-z]+[^>]*\sonmouseover=", page)
    # a chart title containing </script> cannot close the JSON script element
    spec = page.split('id="spec-bars" type="application/json">', 1)[1].split("</script>", 1)[0]
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(3)" in spec
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
    assert "as of <strong>31 Dec 1991</strong>" in index
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
    assert "ParameterError: notebook 02: as_of = &#x27;1800-01-01&#x27;" in page
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
