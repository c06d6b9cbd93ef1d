"""Figures and their files (``helpers.render.exports``): charts that fit their container, their exports, one key per
figure."""

from __future__ import annotations

import copy
import re

import build_fixture as fx
import pytest

from helpers import render


def test_each_chart_has_container_spec_text_alternative_and_exports(rendered, page):
    figures = re.findall(r'<figure class="report-figure report-chart-figure report-wide" id="fig-([^"]+)">'
                         r'(.*?)</figure>', page, re.S)
    assert [k for k, _ in figures] == ["bars", "chart-1"]
    for key, body in figures:
        assert re.search(r'role="img"', body) and re.search(r'aria-label="[^"]{5,}"', body)
        assert f'data-spec="spec-{key}"' in body and f'id="spec-{key}"' in body
        for ext in ("svg", "png"):
            href = f"exports/99-fixture/{key}.{ext}"
            assert f'href="{href}"' in body and href in rendered
    assert rendered["exports/99-fixture/bars.svg"].startswith(b"<svg")
    assert rendered["exports/99-fixture/bars.png"].startswith(b"\x89PNG")
    bars = dict(figures)["bars"]
    assert "Bar chart of member counts" in bars  # description is part of the text alternative


def test_table_export_is_the_csv_of_the_table(rendered, page):
    assert 'href="exports/99-fixture/members.csv"' in page
    csv_text = rendered["exports/99-fixture/members.csv"].decode()
    assert csv_text.splitlines()[0] == "org,name,members"
    assert "NATO,North Atlantic Treaty Organization,32" in csv_text


def test_duplicate_keys_are_refused_with_the_key_named(executed):
    nb = copy.deepcopy(executed[0])
    chart_cell = next(c for c in nb.cells if c.cell_type == "code" and "key='bars'" in c.source)
    nb.cells.append(copy.deepcopy(chart_cell))
    with pytest.raises(render.RenderError, match="key 'bars' is used twice"):
        render.render_report(nb, fx.ENTRY)


def test_a_map_with_an_inset_keeps_both_sets_of_boundaries_in_files_of_their_own():
    """Two TopoJSON datasets (a map and its inset) go to two files; one file for both left the main map blank."""
    from helpers.render.exports import Exports, _boundaries_apart

    topo = {"type": "Topology", "objects": {}, "arcs": []}
    drawn = {"datasets": {"main": dict(topo, arcs=[[[0, 0]]]), "inset": topo, "rows": [{"a": 1}]}}
    exports = Exports("02-x")
    out = _boundaries_apart(drawn, "nato-map", exports)
    paths = [out["datasets"][k]["$script"] for k in ("main", "inset")]
    assert len(set(paths)) == 2 and set(paths) == set(exports.files)
    assert b'["main"]' in exports.files[paths[0]] and b'["inset"]' in exports.files[paths[1]]
    assert out["datasets"]["rows"] == [{"a": 1}]


def test_a_chart_drawn_after_others_exports_the_same_svg():
    """vl-convert numbers clip paths with one counter per process: a map drawn after other charts in the same worker
    had ``clip10`` where a fresh worker wrote ``clip1``, so identical inputs gave SVG exports that differed from build
    to build. Each export numbers its clip paths from 1."""
    import vl_convert as vlc

    from helpers.render.exports import numbered_clips

    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "width": 100, "height": 60,
            "data": {"values": [{"x": 1, "y": 2}, {"x": 2, "y": 3}]},
            "layer": [{"mark": {"type": "line", "clip": True}, "encoding": {"x": {"field": "x", "type": "quantitative"},
                                                                           "y": {"field": "y", "type": "quantitative"}}}]}
    first = vlc.vegalite_to_svg(spec)
    for _ in range(3):  # other charts drawn in between move the process's counter on
        vlc.vegalite_to_svg(spec)
    later = vlc.vegalite_to_svg(spec)
    assert "clip" in first
    assert numbered_clips(first) == numbered_clips(later)
    assert 'id="clip1"' in numbered_clips(later) and "url(#clip1)" in numbered_clips(later)
