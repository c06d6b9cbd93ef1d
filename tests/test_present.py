"""present.chart / present.table / present.sources_section / present.ar: what a notebook cell displays."""

from __future__ import annotations

import sys
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "render"))
import build_fixture as fx  # noqa: E402

from helpers import present  # noqa: E402

EVIL = fx.EVIL


@pytest.fixture(autouse=True)
def _fixture_sources(monkeypatch):
    monkeypatch.setenv("NATO_SOURCES_CSV", str(fx.SOURCES))
    monkeypatch.setattr(present, "_USED", {})


def _frame():
    return pd.DataFrame({"org": ["NATO", "SCO"], "name": [EVIL, "منظمة شنغهاي للتعاون"],
                         "members": [32, 10], "share": [0.25, 1234.5]})


def _chart():
    return alt.Chart(_frame(), title="Members", description="Bars of members").mark_bar().encode(
        x="org:N", y="members:Q", tooltip=["name:N"])


def test_table_escapes_text_and_is_stable():
    t = present.table(_frame(), title="Title " + EVIL, caption="cap", sources=["fixture-members"], key="t1")
    bundle = t._repr_mimebundle_()
    html = bundle["text/html"]
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html == present.table(_frame(), title="Title " + EVIL, caption="cap", sources=["fixture-members"],
                                 key="t1")._repr_mimebundle_()["text/html"]
    assert 'id="table-t1"' in html and 'href="#src-fixture-members"' in html
    assert '<td class="num">1,234.50</td>' in html and '<td class="num">0.25</td>' in html
    assert " at 0x" not in bundle["text/plain"]


def test_table_marks_arabic_cells_and_exports_csv():
    t = present.table(_frame(), title="T", caption="", sources="fixture-members", key="t2")
    payload = t._repr_mimebundle_()[present.TABLE_MIME]
    assert '<td dir="rtl" lang="ar">' in payload["html"] or '<td lang="ar" dir="rtl">' in payload["html"]
    rows = payload["csv"].splitlines()
    assert rows[0] == "org,name,members,share" and rows[2] == "SCO,منظمة شنغهاي للتعاون,10,1234.5"
    assert payload["sources"] == ["fixture-members"] and payload["key"] == "t2"


def test_table_accepts_a_styler_and_shows_its_data():
    t = present.table(_frame().style.highlight_max(), title="T", caption="c", sources=["fixture-members"], key="s")
    assert "T_" not in t.html and "32" in t.html


def test_chart_carries_spec_caption_sources_and_text_alternative():
    c = present.chart(_chart(), caption="Cap", sources=["fixture-members", "fixture-arabic"], key="bars")
    bundle = c._repr_mimebundle_()
    payload = bundle[present.CHART_MIME]
    assert payload["spec"]["mark"] == {"type": "bar"} and payload["title"] == "Members"
    assert payload["sources"] == ["fixture-members", "fixture-arabic"] and payload["caption"] == "Cap"
    assert present.chart_alt_text(payload) == "Members. Bars of members"
    assert "application/vnd.vega.v5+json" in bundle  # what JupyterLab draws offline


@pytest.mark.parametrize("kwargs, message", [
    ({"key": "Bad Key"}, r"present.chart: key 'Bad Key' is not allowed; use a short slug"),
    ({"sources": ["nope"]}, r"present.chart\(key='k'\): source_id 'nope' not in sources.csv; known ids include"),
    ({"sources": []}, r"present.chart\(key='k'\): sources is empty"),
    ({"caption": " "}, r"present.chart\(key='k'\): caption is empty"),
])
def test_bad_chart_arguments_are_named(kwargs, message):
    args = {"caption": "c", "sources": ["fixture-members"], "key": "k"} | kwargs
    with pytest.raises(present.PresentError, match=message):
        present.chart(_chart(), **args)


def test_chart_without_title_or_not_a_chart_is_refused():
    untitled = alt.Chart(_frame()).mark_bar().encode(x="org:N")
    with pytest.raises(present.PresentError, match="has no title"):
        present.chart(untitled, caption="c", sources=["fixture-members"], key="k")
    with pytest.raises(present.PresentError, match="expected an Altair chart, got DataFrame"):
        present.chart(_frame(), caption="c", sources=["fixture-members"], key="k")


def test_sources_section_lists_what_was_cited_in_order():
    present.table(_frame(), title="T", caption="", sources=["fixture-arabic"], key="a")
    present.chart(_chart(), caption="c", sources=["fixture-members", "fixture-arabic"], key="b")
    bundle = present.sources_section()._repr_mimebundle_()
    assert bundle[present.SOURCES_MIME] == {"sources": ["fixture-arabic", "fixture-members"]}
    html = bundle["text/html"]
    assert html.index('id="src-fixture-arabic"') < html.index('id="src-fixture-members"')
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "Accessed 29 Nov 2026" in html


def test_ar_marks_arabic_and_escapes():
    assert str(present.ar("الناتو")) == '<span lang="ar" dir="rtl">الناتو</span>'
    assert present.ar("<b>") ._repr_html_() == '<p lang="ar" dir="rtl">&lt;b&gt;</p>'
    assert present.mark_arabic_text("The word «الناتو» <x>") == \
        'The word <span lang="ar" dir="rtl">«الناتو»</span> &lt;x&gt;'


def test_human_date():
    assert present.human_date("2024-03-07") == "7 Mar 2024"
    assert present.human_date("NATO") == "NATO"


def test_table_headers_are_readable_while_the_csv_keeps_the_data_names():
    import pandas as pd

    from helpers import present

    frame = pd.DataFrame({"claim_type": ["factual"], "source_id": ["x"], "iso3": ["KAZ"], "NATO": ["member"],
                          "term_ar": ["الناتو"]})
    html_text = present.table_html(frame, "t", "T")
    for label in ("Claim type", "Source ID", "ISO3", "NATO", "Term (Arabic)"):
        assert f">{label}</th>" in html_text
    assert "claim_type" not in html_text
    assert present.table_csv(frame).splitlines()[0] == "claim_type,source_id,iso3,NATO,term_ar"


def test_two_pages_of_one_publisher_are_told_apart_in_the_source_line(tmp_path, monkeypatch):
    bib = tmp_path / "sources.csv"
    bib.write_text("source_id,title,publisher,url,accessed,note\n"
                   "aca-inf,The Intermediate-Range Nuclear Forces (INF) Treaty at a Glance,Arms Control Association,"
                   "https://example.org/inf,2026-11-29,\n"
                   "aca-cfe,The CFE Treaty at a Glance,Arms Control Association,https://example.org/cfe,2026-11-29,\n"
                   "osce-a,Some OSCE page,OSCE,https://example.org/osce,2026-11-29,\n", encoding="utf-8")
    monkeypatch.setenv("NATO_SOURCES_CSV", str(bib))
    line = present.source_links(["aca-inf", "aca-cfe", "osce-a"])
    assert ">Arms Control Association: The Intermediate-Range Nuclear Forces (INF)…</a>" in line
    assert ">Arms Control Association: The CFE Treaty at a Glance</a>" in line
    assert ">OSCE</a>" in line  # a publisher cited once keeps its short label
