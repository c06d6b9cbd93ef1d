"""Charts draw inside JupyterLab itself with no network (issue #2, item 3).

Altair 6 writes Vega-Lite 6, which JupyterLab 4.6 has no renderer for; helpers.theme's renderer hands JupyterLab a
compiled Vega 5 spec instead. This test executes a small notebook with papermill, serves it with JupyterLab on
127.0.0.1 (a free port, its own token), opens it in headless Chromium with every request that is not to that
server aborted, and checks that both a present.chart() output and a bare chart are drawn.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "fixtures" / "render"))
import build_fixture as fx  # noqa: E402
from browser import lab  # noqa: E402
from browser import report_browser as rb  # noqa: E402

pytestmark = pytest.mark.slow
JUPYTER = Path(sys.executable).with_name("jupyter")


@pytest.fixture(scope="module")
def lab_site(tmp_path_factory):
    if rb.missing():
        pytest.fail(f"missing {', '.join(rb.missing())}: run scripts/ensure-system-deps.sh (make test does)")
    import papermill as pm

    root = tmp_path_factory.mktemp("lab")
    nb = new_notebook(cells=[
        new_code_cell("import altair as alt\nimport pandas as pd\nfrom helpers import present, theme\n"
                      "frame = pd.DataFrame({'org': ['NATO', 'SCO'], 'n': [32, 10]})"),
        new_code_cell("present.chart(alt.Chart(frame, title='Members by organisation', description='Two bars')"
                      ".mark_bar().encode(x='org:N', y='n:Q', tooltip=['org:N', 'n:Q']),\n"
                      "              caption='Two organisations side by side',\n"
                      "              sources=['fixture-members'], key='bars')"),
        new_code_cell("alt.Chart(frame, title='Bare chart').mark_point().encode(x='org:N', y='n:Q')"),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    nbformat.write(nb, root / "in.ipynb")
    env = dict(os.environ, NATO_SOURCES_CSV=str(fx.SOURCES))
    mp = pytest.MonkeyPatch()
    mp.setenv("NATO_SOURCES_CSV", str(fx.SOURCES))  # the kernel inherits it
    try:
        pm.execute_notebook(str(root / "in.ipynb"), str(root / "charts.ipynb"), kernel_name="python3",
                            progress_bar=False)
    finally:
        mp.undo()
    with lab.lab_server(root, root / "lab.log", env=env) as server:
        yield server


def test_charts_draw_in_jupyterlab_without_network(lab_site):
    base, token = lab_site
    outside: list[str] = []
    with rb.browser() as b:
        context = b.new_context(viewport={"width": 1300, "height": 1400})

        def route(r):
            url = r.request.url
            if url.startswith((base, base.replace("http", "ws"), "data:", "blob:")):
                r.continue_()
            else:
                outside.append(url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.goto(f"{base}/lab/tree/charts.ipynb?token={token}", wait_until="load", timeout=60000)
        # both charts drawn (an embed's menu icon is an svg too, so counting svgs let one chart pass for two)
        charts = """() => Array.from(document.querySelectorAll('.jp-OutputArea-output .vega-embed'))
            .map(e => e.querySelectorAll('.marks path, .marks rect, .marks text, .marks line').length > 0
                      || !!e.querySelector('canvas'))"""
        page.wait_for_function(f"({charts})().filter(Boolean).length >= 2", timeout=60000)
        drawn = page.evaluate(charts)
        notes = page.evaluate("""() => Array.from(document.querySelectorAll('.jp-OutputArea-output .report-chart-note'))
            .map(e => e.innerText)""")
        context.close()
    assert drawn == [True, True]
    # a present.chart output is followed by its caption and sources, as a table is (issue 20)
    assert len(notes) == 1 and "Two organisations side by side" in notes[0] and "[1]" in notes[0]
    assert outside == [], f"JupyterLab page tried the network: {outside}"
