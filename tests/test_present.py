"""present.chart / present.table / present.sources_section / present.ar: what a notebook cell displays."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent / "fixtures" / "render"))
import build_fixture as fx  # noqa: E402

from helpers import bibliography, present  # noqa: E402

EVIL = fx.EVIL


@pytest.fixture(autouse=True)
def _fixture_sources(monkeypatch):
    monkeypatch.setenv("NATO_SOURCES_CSV", str(fx.SOURCES))
    monkeypatch.setattr(bibliography, "CITED", bibliography.CitedSources())


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
    assert re.search(r'<td class="num"[^>]*>1,234.50</td>', html) and re.search(r'<td class="num"[^>]*>0.25</td>', html)
    assert " at 0x" not in bundle["text/plain"]


def test_table_marks_arabic_cells_and_exports_csv():
    t = present.table(_frame(), title="T", caption="", sources="fixture-members", key="t2")
    payload = t._repr_mimebundle_()[present.TABLE_MIME]
    assert '<td lang="ar" dir="rtl">' in payload["html"]
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
    assert 'Accessed <span class="nowrap">29 Nov 2026</span>' in html


def test_a_notebook_run_again_in_its_kernel_lists_only_this_runs_sources():
    """Issue 19: the register of cited sources is per run, so a source a cell no longer cites leaves the list."""
    present.table(_frame(), title="T", caption="", sources=["fixture-arabic"], key="a")
    present.sources_section()
    present.table(_frame(), title="T", caption="", sources=["fixture-members"], key="a")
    bundle = present.sources_section()._repr_mimebundle_()
    assert bundle[present.SOURCES_MIME] == {"sources": ["fixture-members"]}


def test_ar_marks_arabic_and_escapes():
    assert str(present.ar("الناتو")) == '<bdi lang="ar" dir="rtl">الناتو</bdi>'
    assert present.ar("<b>") ._repr_html_() == '<p lang="ar" dir="rtl">&lt;b&gt;</p>'
    assert present.mark_arabic_text("The word «الناتو» <x>") == \
        'The word <bdi lang="ar" dir="rtl">«الناتو»</bdi> &lt;x&gt;'


def test_arabic_run_leaves_the_english_brackets_and_punctuation_outside():
    # a reader saw "((تحييد" when the closing bracket of the English sentence was isolated with the Arabic word
    assert present.mark_arabic_text("the word (تحييد), then") == \
        'the word (<bdi lang="ar" dir="rtl">تحييد</bdi>), then'
    assert present.mark_arabic_text("«تحييد الناتو».") == '<bdi lang="ar" dir="rtl">«تحييد الناتو»</bdi>.'
    assert present.mark_arabic_text("(الناتو (حلف))") == '(<bdi lang="ar" dir="rtl">الناتو (حلف)</bdi>)'
    # an English closing bracket after an Arabic phrase stays outside the right-to-left run (else it shows mirrored)
    assert present.mark_arabic_text("as 'worth considering' (يستحق النظر), not") == \
        'as &#x27;worth considering&#x27; (<bdi lang="ar" dir="rtl">يستحق النظر</bdi>), not'
    assert present.mark_arabic_text("a (النص (ب)) b") == 'a (<bdi lang="ar" dir="rtl">النص (ب)</bdi>) b'


def test_human_date():
    assert present.human_date("2024-03-07") == "7 Mar 2024"
    assert present.human_date("NATO") == "NATO"


def test_table_headers_are_readable_while_the_csv_keeps_the_data_names():
    frame = pd.DataFrame({"claim_type": ["factual"], "source_id": ["x"], "iso3": ["KAZ"], "NATO": ["member"],
                          "term_ar": ["الناتو"], "peak_count": [3]})
    html_text = present.table_html(frame, "t", "T")
    for label in ("Kind of claim", "Source", "State code", "NATO", "Term (Arabic: ours)", "Peak count"):
        assert f">{label}</th>" in html_text
    assert "claim_type" not in html_text and "peak_count" not in html_text
    assert present.table_csv(frame).splitlines()[0] == "claim_type,source_id,iso3,NATO,term_ar,peak_count"


def test_coded_values_reach_the_reader_as_labels():
    frame = pd.DataFrame({"org_id": ["EURASIAN_FRAMEWORK", "NATO"], "status": ["participating_state", "member"],
                          "indicator": ["milex_usd_const", "population"]})
    html_text = present.table_html(frame, "t", "T")
    for word in ("Proposed Eurasian framework", "participating state", "military spending (constant US$)"):
        assert f">{word}</td>" in html_text
    assert not re.search(r">[A-Za-z]+_[A-Za-z_]+<", html_text)
    assert present.table_csv(frame).splitlines()[1] == "EURASIAN_FRAMEWORK,participating_state,milex_usd_const"


def test_chart_axes_and_legends_show_labels_but_keep_the_ids_in_the_data():
    frame = pd.DataFrame({"org": ["EURASIAN_FRAMEWORK", "NATO"], "n": [1, 2]})
    chart = alt.Chart(frame, title="T").mark_bar().encode(x="org:N", y="n:Q", color="org:N")
    spec = present.chart(chart, caption="c", sources=["fixture-members"], key="k").spec
    assert "Proposed Eurasian framework" in spec["encoding"]["x"]["axis"]["labelExpr"]
    assert "Proposed Eurasian framework" in spec["encoding"]["color"]["legend"]["labelExpr"]
    assert {r["org"] for r in next(iter(spec["datasets"].values()))} == {"EURASIAN_FRAMEWORK", "NATO"}


def test_sources_come_from_the_rows_with_the_measure_first():
    rows = pd.DataFrame({"x": [1, 2, 3], "source_id": ["fixture-arabic", "fixture-record-02", "fixture-arabic"],
                         "alt_source_id": [None, "fixture-record-01", ""]})
    t = present.table(rows, title="T", sources=rows, measure="fixture-members", key="r")
    assert t.sources == ["fixture-members", "fixture-arabic", "fixture-record-02", "fixture-record-01"]
    assert present.table(rows, title="T", sources=rows["source_id"], key="c").sources == \
        ["fixture-arabic", "fixture-record-02"]
    with pytest.raises(present.PresentError, match="no source_id column"):
        present.table(rows, title="T", sources=rows[["x"]], key="n")
    with pytest.raises(present.PresentError, match="source_id 'nope' not in"):
        present.table(rows, title="T", sources=pd.Series(["nope"]), key="m")


def test_source_line_numbers_and_groups_above_twelve():
    ids = [f"fixture-record-{i:02d}" for i in range(1, 15)]
    line = present.source_links(["fixture-members"] + ids, measure=["fixture-members"])
    visible = line.split("<details", 1)[0]
    assert re.findall(r'href="#src-([^"]+)">\[(\d+)\]', visible) == [("fixture-members", "1")]
    assert "<summary>14 official pages</summary>" in line
    short = present.source_links(ids[:3])
    assert "<details" not in short and short.count('class="cite"') == 3


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_exports_neutralise_spreadsheet_formulas(cell):
    text = present.table_csv(pd.DataFrame({"a": [cell], "b": [-5]}))
    value = text.splitlines()[1] if cell[0] not in "\t\r" else text.split("\n", 1)[1]
    assert value.lstrip('"').startswith("'" + cell[:1])
    assert text.rstrip("\n").endswith(",-5")  # numbers stay numbers


def test_glance_takes_one_to_four_findings():
    g = present.glance(["First finding.", "Second."])
    assert g._repr_mimebundle_()[present.GLANCE_MIME] == {"findings": ["First finding.", "Second."], "summary": ""}
    with pytest.raises(present.PresentError, match="1 to 4 findings"):
        present.glance(["a", "b", "c", "d", "e"])


def test_matrix_refuses_a_missing_column():
    frame = pd.DataFrame({"org_id": ["NATO"], "dimension_id": ["accession"], "value": ["invitation"],
                          "source_id": ["fixture-members"]})
    m = present.matrix(frame, rows="dimension_id", columns="org_id", value="value", title="M", key="m")
    assert ">Membership openness</th>" in m.html and "by invitation" in m.html and m.sources == ["fixture-members"]
    with pytest.raises(present.PresentError, match="no column 'score'"):
        present.matrix(frame, rows="dimension_id", columns="org_id", value="value", score="score", title="M", key="m")


def test_one_label_lookup_for_headers_cells_and_later_arabic(monkeypatch):
    from helpers import wording

    frame = pd.DataFrame({"iso3": ["KAZ"], "SCO_PARTNER": [True], "EURASIAN_FRAMEWORK": ["collective_defence"]})
    html_text = present.table_html(frame, "t", "T")
    assert ">SCO observer or partner</th>" in html_text and ">Proposed Eurasian framework</th>" in html_text
    assert ">Defence promise</td>" in html_text  # an id in any column is still a reader's word (dimensions.csv)
    assert wording.is_identifier("three_evils") and wording.is_identifier("NEW_START")
    assert not wording.is_identifier("NATO") and not wording.is_identifier("P4")
    monkeypatch.setenv("NATO_LANG", "ar")
    assert wording.label("NATO", "org_id") == "حلف شمال الأطلسي (الناتو)"
    assert wording.label("member", "status") == "عضو"  # labels.csv is complete in Arabic
    assert wording.label("no_such_value", "status") == "no_such_value"  # unknown: unchanged, never empty


def test_numbers_and_dates_for_readers():
    from helpers import wording

    assert wording.usd(1_338_278.3, "million") == "US$1.34 trillion"
    assert wording.big(972_000_000) == "972 million" and wording.big(57) == "57"
    assert wording.year(1991.0) == "1991" and wording.day("1949-04-04") == "4 Apr 1949"
    frame = pd.DataFrame({"year": [1991.0], "founded": ["1949-04-04"], "members": [1234]})
    html_text = present.table_html(frame, "t", "T")
    assert '<td class="num">1991</td>' in html_text
    assert '<td class="date">4 Apr 1949</td>' in html_text
    assert '<td class="num">1,234</td>' in html_text


def test_cells_name_their_header_only_in_a_table_that_becomes_cards_on_a_phone():
    """A phone shows each card value under its column's name; a table of short cells stays a table there, so it
    names no headers. The names are written once per column (a style), not in every cell: 02's Arabic page carried
    39 KB of repeated data-label attributes and passed its byte budget."""
    short = present.table_html(pd.DataFrame({"year": [1991, 1992], "members": [16, 16]}), "t", "T")
    assert "report-cards" not in short and "--card-label" not in short
    reason = "A reason long enough to be read as running text rather than as a value in a column of figures."
    cards = present.table_html(pd.DataFrame({"year": [1991, 1992], 'a "quoted" </style> name': [reason, ""]}),
                               "t", "T")
    assert "report-cards" in cards and "data-label" not in cards
    style = cards[:cards.index("<table")]
    assert style.count("--card-label:") == 2 and ':nth-child(1){--card-label:"Year"}' in style
    assert "</style>" not in style[:-len("</style>")]  # a header cannot close the style early
    assert '<td class="num">1991</td>' in cards and '<td class="empty">' in cards


def test_known_identifiers_inside_reader_text_become_words():
    from helpers import wording

    assert wording.words("CFE;INF;NEW_START") == "CFE Treaty; INF Treaty; New START"
    assert wording.words("EURASIAN_FRAMEWORK has the most (13)") == "Proposed Eurasian framework has the most (13)"
    assert wording.words("see status_matrix") == "see status_matrix"  # unknown: left for the author to fix
    t = present.table(pd.DataFrame({"treaties": ["CFE;NEW_START"], "source_id": ["fixture-members"]}),
                      title="Most: EURASIAN_FRAMEWORK", sources="fixture-members", key="w")
    assert t.title == "Most: Proposed Eurasian framework" and ">CFE Treaty; New START</td>" in t.html


def test_source_id_columns_are_cited_by_number_not_shown_as_raw_ids():
    frame = pd.DataFrame({"document": ["The North Atlantic Treaty"], "source_id": ["fixture-members"],
                          "alt_source_id": ["fixture-arabic"]})
    t = present.table(frame, title="Documents", sources=frame, key="docs")
    assert "fixture-members" not in t.html and "Source" not in t.html.split("<tbody>")[0].split("</caption>")[1]
    assert t.sources == ["fixture-members", "fixture-arabic"]
    assert t.csv.splitlines()[0] == "document,source_id,alt_source_id"  # the export keeps the data's columns


def test_the_arabic_edition_translates_the_text_cells_of_a_pandas_string_column(monkeypatch):
    # pandas 3 gives text columns a string dtype, not 'object'; their known words must still be translated
    frame = pd.DataFrame({"Kind": pd.Series(["change of voice", "omission"], dtype="str"), "n": [1, 2]})
    monkeypatch.setenv("NATO_LANG", "ar")
    out = present._edition_cells(frame)
    assert list(out["Kind"]) == ["تغيير المتكلم", "حذف"] and list(out["n"]) == [1, 2]


def test_a_filtered_frames_row_numbers_are_no_column_but_a_named_index_is():
    frame = pd.DataFrame({"state": ["A", "B", "C"], "members": [1, 2, 3]})
    html = present.table(frame[frame["members"] > 1], title="t", key="rows", sources=["fixture-members"]).html
    assert "<th scope=\"col\">Index</th>" not in html and html.count("<th scope=\"col\"") == 2
    named = present.table(frame.set_index("state"), title="t", key="named", sources=["fixture-members"]).html
    assert "<th scope=\"col\">State</th>" in named


def test_a_table_may_offer_more_rows_as_csv_than_the_page_shows():
    frame = pd.DataFrame({"state": ["A", "B", "C"], "members": [1, 2, 3]})
    t = present.table(frame.head(1), title="t", key="part", sources=["fixture-members"], data=frame)
    assert t.html.count("<tr>") == 2 and t.csv.splitlines() == ["state,members", "A,1", "B,2", "C,3"]


def test_texts_compared_side_by_side_keep_their_columns_and_a_wrong_layout_is_named():
    long = "a sentence long enough to be read as prose rather than as a label in a table cell, " * 2
    frame = pd.DataFrame({"paragraph": ["P1"], "arabic": [long], "english": [long]})
    rows = present.table(frame, title="t", key="rows", sources=["fixture-members"]).html
    side = present.table(frame, title="t", key="side", sources=["fixture-members"], layout="columns").html
    assert 'class="report-row-detail"' in rows and 'class="report-row-detail"' not in side
    assert side.count("<th scope=\"col\">") == 3 and "report-side-by-side" in side
    with pytest.raises(present.PresentError, match="layout 'grid' is not one of rows, columns"):
        present.table(frame, title="t", key="bad", sources=["fixture-members"], layout="grid")


# ------------------------------------------------------------------------------------------ inside JupyterLab


def test_a_table_in_jupyterlab_aligns_text_at_the_start_and_shows_its_title_once():
    html = present.table(_frame(), title="Members today", caption="c", sources=["fixture-members"],
                         key="t3")._repr_mimebundle_()["text/html"]
    assert html.count(">Members today<") == 1  # the hidden caption is left out: JupyterLab would show it
    assert re.search(r'<td[^>]*style="text-align: start">NATO</td>', html)
    assert re.search(r'<td class="num"[^>]*style="text-align: end">32</td>', html)
    assert 'style="text-align: start">Org</th>' in html


def test_a_chart_in_jupyterlab_is_followed_by_its_caption_and_sources(monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, raw=False: shown.append(obj))
    c = present.chart(_chart(), caption="Members by organisation", sources=["fixture-members"], key="bars")
    c._ipython_display_()
    assert [present.CHART_MIME in s for s in shown] == [True, False]
    note = shown[1]["text/html"]
    assert "Members by organisation" in note and 'href="#src-fixture-members"' in note
    from helpers.render import exports

    outputs = exports.Outputs(exports.Exports("x"), None)
    assert outputs._one({"output_type": "display_data", "data": shown[1], "metadata": {}}, 1) is None  # not in pages


def test_a_cell_run_again_replaces_the_sources_it_cited(monkeypatch):
    from helpers.render import lab

    def run(cell: str, count: int, source: str):
        monkeypatch.setattr(lab, "current_cell", lambda: (cell, count))
        present.table(_frame(), title="T", sources=[source], key="k")

    run("cell:a", 1, "fixture-members")
    run("cell:b", 2, "fixture-arabic")
    run("cell:a", 3, "fixture-record-01")  # the first cell edited and run again
    assert present.sources_section().source_ids == ["fixture-record-01", "fixture-arabic"]


def test_the_cell_is_known_by_the_id_jupyterlab_sends(monkeypatch):
    import IPython

    from helpers.render import lab

    class Kernel:
        def get_parent(self):
            return {"metadata": {"cellId": "9f2c"}}

    class Shell:
        execution_count = 7
        kernel = Kernel()

    monkeypatch.setattr(IPython, "get_ipython", lambda: Shell())
    assert lab.current_cell() == ("cell:9f2c", 7)
    Shell.kernel = None  # papermill's kernel sends no cell id: each execution is a cell of its own
    assert lab.current_cell() == ("run:7", 7)


def test_a_bibliography_without_rows_is_named_as_such(tmp_path, monkeypatch):
    """With a header-only bibliography the message ended "known ids include " and nothing; it now says the file has
    no rows."""
    empty = tmp_path / "sources.csv"
    empty.write_text("source_id,title,publisher,url,accessed,kind,note\n", encoding="utf-8")
    monkeypatch.setenv("NATO_SOURCES_CSV", str(empty))
    with pytest.raises(present.PresentError) as info:
        present.chart(_chart(), caption="c", sources=["fixture-members"], key="k")
    message = str(info.value)
    assert "known ids include" not in message and f"{empty} has no rows" in message, message


def test_a_table_with_no_rows_from_a_frame_with_no_rows_cites_nothing():
    """A parameter that selects no row (09 with one claim type) left a table's sources frame empty and the
    notebook failed "sources is empty": a table that shows nothing cites nothing. Ids given
    by hand, or a table with rows, still need sources."""
    empty = _frame().iloc[0:0]
    t = present.table(empty, title="0 rows", sources=empty.assign(source_id=[]), key="none")
    assert t.sources == [] and t.n_rows == 0
    with pytest.raises(present.PresentError, match="sources is empty"):
        present.table(empty, title="0 rows", sources=[], key="none")
    with pytest.raises(present.PresentError, match="sources is empty"):
        present.table(_frame(), title="rows", sources=empty.assign(source_id=[]), key="some")


def test_a_grouped_table_names_each_group_once_on_a_spanning_row_and_its_csv_keeps_every_row_whole():
    """Data editor (issue 23, finding 18): 05's concentration table said "military spending" on five rows running;
    a journal sets the indicator once, over its rows."""
    frame = pd.DataFrame({"indicator": ["military spending"] * 2 + ["nuclear warheads"] * 2,
                          "bloc": ["NATO", "SCO", "NATO", "SCO"], "members": [31, 9, 31, 9]})
    html_text = present.table_html(frame, "grouped", "T", layout="grouped")
    assert html_text.count('<tr class="report-group">') == 2
    assert html_text.count("military spending") == 1 and html_text.count("nuclear warheads") == 1
    assert '<th scope="rowgroup" colspan="2">military spending</th>' in html_text
    assert ">Indicator</th>" not in html_text  # its column gives way to the spanning rows
    assert present.table_csv(frame).count("military spending") == 2  # a spreadsheet keeps it on every row


def test_a_long_audit_table_prints_its_first_rows_and_names_where_every_row_is():
    """Data editor (review 8, low 17): 07 printed 47 A4 pages, most of them the audit table of every coded cell.
    With ``print_rows`` paper keeps every column of the first rows and says where every row is (the web page and
    the CSV, which hold them all); without it, or when the table is no longer, nothing is left off paper."""
    import html as html_text

    frame = pd.DataFrame({"cell": [f"c{i}" for i in range(30)], "value": range(30)})
    t = present.table(frame, title="Cells", caption="c", sources=["fixture-members"], key="audit", print_rows=25)
    payload = dict(t.payload(), csv_path="exports/r/audit.csv")
    html = present.figure_table_html(payload, export_links="")
    assert "@media print" in html and "tbody:only-of-type > tr:nth-child(n+26)" in html
    assert "tbody:nth-of-type(n+26)" in html and "#fig-audit " in html
    note = re.search(r'<p class="report-print-note print-only">([^<]*)</p>', html)
    assert note and html_text.unescape(note.group(1)) == ("On paper, the first 25 of 30 rows; every row is in this report's web page "
                                                         "and in its CSV file, exports/r/audit.csv.")
    assert len(t.csv.splitlines()) == 31 and t.html.count("<tr") == 31  # the screen and the CSV keep all 30
    for whole in (present.table(frame, title="Cells", sources=["fixture-members"], key="a2"),
                  present.table(frame, title="Cells", sources=["fixture-members"], key="a3", print_rows=30)):
        assert "print-only" not in present.figure_table_html(whole.payload(), export_links="")


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_claims_verdict_keeps_its_coloured_chip_in_either_edition(lang):
    """Editor 9 (M11): the Arabic ledger's verdicts lost their coloured chips (the chip was looked up by the English
    word and column); each verdict keeps its chip, and its edition's word, in both editions."""
    from helpers import i18n, paths

    frame = pd.DataFrame({"claim": ["C01", "C02"], "verdict": ["supported", "partly supported"]})
    with paths.using(lang=lang):
        out = present.table_html(frame, "k", "t")
    for verdict, kind in (("supported", "supported"), ("partly supported", "partly")):
        assert f'<span class="verdict-chip verdict-{kind}">{i18n.text(verdict, lang)}</span>' in out
