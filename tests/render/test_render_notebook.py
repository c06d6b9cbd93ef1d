"""The executed notebook's clean-up (``helpers.render.notebook``): run-to-run variation never reaches the page."""

from __future__ import annotations

import copy
import re

import build_fixture as fx

from helpers import render


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


def test_highlighted_code_keeps_its_text_and_colours_without_unstyled_spans():
    from helpers.render import notebook

    styled = notebook.styled_classes()
    assert {"k", "kn", "p", "o", "s2"} <= styled and "n" not in styled  # names take the code block's colour
    code = ('<pre><span></span><span class="kn">from</span><span class="w"> </span><span class="nn">helpers</span>'
            ' <span class="n">x</span><span class="p">,</span> <span class="n">a&amp;b</span></pre>')
    lean = notebook.unstyled_classes_dropped(code, styled)
    assert lean == ('<pre><span class="kn">from</span><span class="w"> </span>helpers x<span class="p">,</span> '
                    'a&amp;b</pre>')
    assert re.sub("<[^>]+>", "", lean) == re.sub("<[^>]+>", "", code)  # the reader's text is unchanged


def test_the_drawn_map_spec_leaves_its_timeline_to_the_page_script():
    from helpers.render import vega_specs

    spec = {"mark": "geoshape", "width": 400, "usermeta": {"aspect": 0.6, "timeline": {"captions": {"1949": "12"}}}}
    drawn, _ = vega_specs.page_spec(spec)
    assert drawn["usermeta"] == {"aspect": 0.6}  # report.js sizes the map from it; the timeline has its script
    assert spec["usermeta"]["timeline"]  # the exports and the timeline still read it from the chart's spec
