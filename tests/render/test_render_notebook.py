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
