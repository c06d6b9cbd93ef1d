"""What an independent data editor still found on the built pages (issue 23): raw codes and scaffolding shown to
readers, table headers and p-values in more than one style, titles that hedge or run long, jargon, a caption about
a share the chart never shows, two adjacent overlap counts with no sentence between them, the CSCE called the OSCE
in 1991, and header rows flattened into search snippets. Read from the built reports, both editions where the page's
code is shared."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest

from helpers import present

pytestmark = pytest.mark.slow

_TAGS = re.compile(r"<[^>]+>")


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(_TAGS.sub(" ", fragment))).strip()


def _page(built_reports, name: str) -> str:
    return (built_reports / name).read_text(encoding="utf-8")


def _tables(page: str) -> dict[str, tuple[list[str], list[list[str]]]]:
    """{table id: (header cells, rows of cells)} of every reader table of a page."""
    out = {}
    for m in re.finditer(r'<table class="report-table[^"]*" id="(table-[^"]+)"(.*?)</table>', page, re.S):
        head = re.search(r"<thead>(.*?)</thead>", m.group(2), re.S)
        heads = [_text(h) for h in re.findall(r"<th[^>]*>(.*?)</th>", head.group(1), re.S)] if head else []
        body = re.sub(r"<thead>.*?</thead>", "", m.group(2), flags=re.S)
        rows = [[_text(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", r, re.S)]
                for r in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)]
        out[m.group(1)] = (heads, rows)
    return out


def _figure(page: str, key: str) -> str:
    m = re.search(rf'<figure[^>]*id="fig-{re.escape(key)}"(.*?)</figure>', page, re.S)
    assert m, f"no figure fig-{key}"
    return m.group(1)


def _title(page: str, key: str) -> str:
    fig = _figure(page, key)
    m = re.search(r'class="[^"]*title[^"]*"[^>]*>(.*?)</', fig, re.S)
    return _text(m.group(1)) if m else ""


def _caption(page: str, key: str) -> str:
    fig = _figure(page, key)
    m = re.search(r'class="[^"]*caption[^"]*"[^>]*>(.*?)</(?:p|figcaption|div)>', fig, re.S)
    return _text(m.group(1)) if m else ""


# ------------------------------------------------------------------------------------------- raw codes shown


@pytest.mark.parametrize("name", ["02-nato-enlargement.html", "03-osce-inclusive-option.html",
                                  "04-crisis-arms-control-war.html"])
def test_state_codes_stay_in_the_csv_not_the_page(built_reports, name):
    """02's members, 03's overlap table and 04's changes showed a "State code" column (ARM, RUS) beside the name."""
    for edition in ("", "ar/"):
        for key, (heads, _) in _tables(_page(built_reports, edition + name)).items():
            assert "State code" not in heads and "رمز الدولة" not in heads, f"{edition}{name} {key}: {heads}"


def test_a_code_beside_a_name_is_left_out_of_the_page_and_kept_in_the_csv():
    import pandas as pd

    frame = pd.DataFrame({"name": ["Armenia"], "iso3": ["ARM"], "status": ["member"]})
    shown = present.table(frame, title="Members", key="members-x", sources=["atop-4-01-data"]).payload()
    assert "ARM" not in shown["html"] and "State code" not in shown["html"]
    assert next(csv.DictReader(io.StringIO(shown["csv"])))["iso3"] == "ARM"
    alone = present.table(frame[["iso3"]], title="Codes", key="codes-x", sources=["atop-4-01-data"]).payload()
    assert "ARM" in alone["html"]  # without a name the code is all a reader has


def test_the_article_sections_are_numbered_not_coded(built_reports):
    """00 showed the data's section ids S0, S1, S2 in its tables and glossary."""
    for edition in ("", "ar/"):
        page = _page(built_reports, edition + "00-article-at-a-glance.html")
        main = page[page.index("<main"):]
        main = re.sub(r"<script.*?</script>", "", main, flags=re.S)
        assert not re.search(r"\bS[0-2]\b", _text(main)), f"{edition}00 still shows a section code"
    heads, rows = _tables(_page(built_reports, "00-article-at-a-glance.html"))["table-sections"]
    assert heads[0] == "Section" and [r[0] for r in rows] == ["1", "2", "3"]


def test_the_watch_list_says_precision_by_its_dates(built_reports):
    """09's watch list had a "Date precision: day" column; a month-precise date now reads as a month."""
    heads, rows = _tables(_page(built_reports, "09-claims-ledger.html"))["table-watch"]
    assert not any("precision" in h.lower() for h in heads), heads
    dates = [r[0] for r in rows]
    assert all(re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} \d{4}|[A-Z][a-z]+ \d{4}|\d{4}", d) for d in dates), dates
    month = next(d for d in dates if re.fullmatch(r"[A-Z][a-z]+ \d{4}", d))  # the one event known to the month
    if month == dates[-1]:  # the title names it as the table does, not as the first of that month
        assert _title(_page(built_reports, "09-claims-ledger.html"), "watch").endswith(f"the latest in {month}")


def test_no_atop_variable_names_in_07s_details(built_reports):
    """07's coding notes read "(intcom, organ1, base and milcon all 0; atop-4-01-data)"."""
    for name in ("07-framework-or-alliance.html", "ar/07-framework-or-alliance.html"):
        page = re.sub(r'<script.*?</script>|<div class="highlight hl-ipython3">.*?</pre>', "",  # no code
                      _page(built_reports, name), flags=re.S)
        text = _text(page)
        assert not re.search(r"\b(?:intcom|organ1|milcon|noothall|defense [01]|offense [01])\b", text), name
        assert "atop-4-01-data" not in text, name


def test_the_rate_tests_name_pacts_short_and_in_full_below(built_reports):
    """02's pair tests showed "Defence agreement of France, the Central African Republic, Congo and Chad (ATOP
    3395)" in a cell (nine lines at 1280 px); the cell has a short name, the caption the full one."""
    page = _page(built_reports, "02-nato-enlargement.html")
    heads, rows = _tables(page)["table-rate-tests"]
    names = [c for r in rows for c in r[:2]]
    assert names and not any("(ATOP" in n for n in names) and max(map(len, names)) <= 50, names
    assert "France and three Central African states (1960)" in names
    assert "in full, Defence agreement of France, the Central African Republic, Congo and Chad" in \
        _caption(page, "rate-tests")


# ------------------------------------------------------------------------------------------- table house style


def test_every_table_header_is_in_sentence_case(built_reports):
    """Headers read "claim type", "Supported", "partly supported", "our verdict", "largest member" side by side."""
    bad = {}
    for path in sorted(built_reports.glob("*.html")):
        for key, (heads, _) in _tables(path.read_text(encoding="utf-8")).items():
            low = [h for h in heads if h and h[0].islower() and not re.match(r"p(?=[ ,(]|$)", h)]
            if low:
                bad[f"{path.name} {key}"] = low
    assert not bad, bad


def test_p_values_follow_one_rule(built_reports):
    """0.000229, 0.00275, 0.02 and 1.00 in one table: now two significant digits, "<0.001" below that."""
    heads, rows = _tables(_page(built_reports, "02-nato-enlargement.html"))["table-rate-tests"]
    cols = [i for i, h in enumerate(heads) if re.match(r"p(?=[ ,(]|$)", h)]
    values = [r[i] for r in rows for i in cols]
    assert len(cols) == 3 and values
    assert all(re.fullmatch(r"<0\.001|0\.0*[1-9]\d|1\.0", v) for v in values), values


# ------------------------------------------------------------------------------------------- titles and captions


def test_02s_titles_are_short_findings_without_jargon(built_reports):
    page = _page(built_reports, "02-nato-enlargement.html")
    accessions = _title(page, "accessions")
    assert len(accessions) <= 150 and "absorbed" not in accessions, accessions  # was 4 lines; 146 with restored states named
    assert "absorbed it on 3 Oct 1990" in _caption(page, "accessions")
    rates = _title(page, "exit-rates")
    # the finding first, as it stands after the robustness checks: the CSTO's higher rate, or (when a check undoes it)
    # "no robust difference" with the count on which it holds, never a result stated and then withdrawn
    # (since review 10, M1, the title names its set of pacts as the page's other titles do)
    assert re.match(r"(CSTO lost members more often than NATO|No robust difference from NATO's exit rate( among the "
                    r"\d+ pacts the rule admits from ATOP's census)?: CSTO lost members more often than NATO)",
                    rates), rates
    assert "holds under every check" in rates or "on the main count only, not " in rates, rates
    said = " ".join(_title(page, k) + " " + _caption(page, k) for k in ("lifespans", "pact-sizes", "exit-rates"))
    assert "by the rule" not in said and "admitted pacts" not in said, said
    glance = re.search(r'class="report-glance.*?</ul>', page, re.S).group(0)  # the first screen, before any rule
    assert "admitted" not in _text(glance), _text(glance)
    assert "as ATOP codes it" not in _text(page)


def test_05_says_equal_weight_members_and_no_share_it_does_not_show(built_reports):
    page = _page(built_reports, "05-balance-of-power.html")
    assert "effective number of members" not in page
    caption = _caption(page, "population")
    assert "A world share is shown only" not in caption and "No share of the world is shown" in caption
    assert "actual number of members" in page  # the HHI chart's ticks have a key


def test_the_two_overlap_counts_of_03_are_tied_by_a_sentence(built_reports):
    page = _page(built_reports, "03-osce-inclusive-option.html")
    bars, mapped = _title(page, "overlap"), _title(page, "overlap-map")
    b, m = (int(re.search(r"(\d+) of the OSCE", t).group(1)) for t in (bars, mapped))
    caption = _caption(page, "overlap")
    assert f"The map below counts the SCO too, so its figure is {m}, not {b}: Uzbekistan belonged" in caption
    assert "منظمة شنغهاي للتعاون أيضًا" in _caption(_page(built_reports, "ar/03-osce-inclusive-option.html"),
                                                    "overlap")


def test_the_1991_matrix_names_the_csce(built_reports):
    """07's 1991 variant called the organisation "OSCE", a name it took on 1 January 1995."""
    for name, word, old in (("07-framework-or-alliance--1991-12-31.html", "CSCE", "OSCE"),
                            ("ar/07-framework-or-alliance--1991-12-31.html", "مؤتمر الأمن والتعاون في أوروبا",
                             "منظمة الأمن والتعاون في أوروبا")):
        heads = re.search(r'id="table-comparison".*?<thead>(.*?)</thead>', _page(built_reports, name), re.S).group(1)
        assert word in _text(heads) and old not in _text(heads), (name, _text(heads))
    now = re.search(r'id="table-comparison".*?<thead>(.*?)</thead>',
                    _page(built_reports, "07-framework-or-alliance.html"), re.S).group(1)
    assert "OSCE" in _text(now) and "CSCE" not in _text(now)


def test_search_snippets_hold_no_header_rows(built_reports):
    """Snippets read "… 10 — Date · Title · Description · Paragraphs —": a table's header row, flattened."""
    for folder in (built_reports, built_reports / "ar"):
        script = (folder / "assets" / "search-index.js") if (folder / "assets").exists() else \
            (built_reports / "assets" / "search-index.js")
        entries = json.loads(script.read_text(encoding="utf-8").split("=", 1)[1].strip().rstrip(";"))
        assert not [e["id"] for e in entries if "Date · Title · Description" in e["text"]]
