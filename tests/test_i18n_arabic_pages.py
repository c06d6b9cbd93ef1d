"""The built Arabic pages as a reader meets them (``helpers.i18n`` through the renderer): statistics that read left
to right, Arabic labels in every chart, one name per claim type, one number format and one paragraph-reference
style per page, no raw code or file name in the prose. Each test reads the pages the build wrote
(``built_reports``: reports/ after ``make reports``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString

from helpers import i18n, paths
from helpers.i18n import arabic

_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _ar(built: Path, name: str) -> str:
    page = built / "ar" / name
    assert page.exists(), f"the build did not write ar/{name}"
    return page.read_text(encoding="utf-8")


def _pages(built: Path, stem: str) -> list[str]:
    """Every Arabic page of a notebook: its report and its dated variants."""
    found = sorted(p.name for p in (built / "ar").glob(f"{stem}*.html"))
    assert found, f"no ar/{stem}*.html"
    return found


def _soup(html: str) -> BeautifulSoup:
    soup = BeautifulSoup(html, "html.parser")
    for el in soup.select("script, style, code, pre, svg"):
        el.decompose()
    return soup


# ------------------------------------------------------------------------------------------------------------- E1

_STAT = re.compile(r"(?<![\w\u0600-\u06FF])[pn]\s?[=<>≤≥]\s?\d")


def test_a_statistic_is_one_left_to_right_run_so_it_never_reads_backwards(built_reports):
    """«(p = 0.00023؛ …)» with only the letter isolated read «0.00023 = p» right to left: the whole expression is
    one left-to-right isolate, in the glance box and in the findings lists of the page alike."""
    for name in _pages(built_reports, "02-nato-enlargement"):
        soup = _soup(_ar(built_reports, name))
        whole = [b.get_text() for b in soup.find_all("bdi", dir="ltr") if _STAT.match(b.get_text())]
        if name == "02-nato-enlargement.html":
            assert any(t.startswith("p < 0.001") for t in whole), whole[:3]
        for node in soup.find_all(string=True):
            if not isinstance(node, NavigableString):
                continue
            inside = any(p.name == "bdi" and p.get("dir") == "ltr" for p in node.parents if p.name)
            if not inside:
                assert not _STAT.search(node), (name, str(node)[:120])
            if node.parent.name == "bdi" and node.strip() == "p":
                after = node.parent.next_sibling
                assert not (isinstance(after, str) and re.match(r"\s?[=<>]", after)), (name, str(after)[:40])
# ------------------------------------------------------------------------------------------------------------- E3


def _specs(html: str) -> list[dict]:
    soup = BeautifulSoup(html, "html.parser")
    return [json.loads(s.string) for s in soup.select('script[type="application/json"][id^="spec-"]')]


def _shown_text_fields(node) -> set[str]:
    """Fields drawn as text marks anywhere in a Vega-Lite spec (``encoding.text.field``)."""
    out: set[str] = set()
    if isinstance(node, dict):
        enc = node.get("encoding")
        if isinstance(enc, dict) and isinstance(enc.get("text"), dict) and enc["text"].get("field"):
            out.add(enc["text"]["field"])
        for value in node.values():
            out |= _shown_text_fields(value)
    elif isinstance(node, list):
        for value in node:
            out |= _shown_text_fields(value)
    return out


def test_every_label_a_chart_draws_in_the_arabic_edition_is_arabic(built_reports):
    """07's scatter drew «OSCE, SCO» (two organisations at one spot share a label) in English beside an Arabic
    legend: a label joined from names goes through the Arabic lookup like each name alone."""
    left = []
    for name in sorted(p.name for p in (built_reports / "ar").glob("0*.html")):
        for spec in _specs(_ar(built_reports, name)):
            fields = _shown_text_fields(spec)
            for rows in (spec.get("datasets") or {}).values():
                for row in rows:
                    for field in fields & set(row):
                        value = str(row[field])
                        if _LATIN_WORD.search(value) and not arabic.ARABIC_LETTER.search(value):
                            left.append((name, field, value))
    assert left == []
    # 07's strips label a score known only as a range: «0.25 to 1.00» in English, Arabic words around the figures
    spec = _specs(_ar(built_reports, "07-framework-or-alliance--2001-06-15.html"))[0]
    values = {str(r.get("value")).strip("\u2067\u2069") for rows in spec["datasets"].values() for r in rows}
    assert "من 0.25 إلى 1.00" in values, values


# ------------------------------------------------------------------------------------------------------------- E4


def test_one_arabic_name_per_claim_type_on_every_page(built_reports):
    """09's list tagged claims «(واقعي)» and «(تنبؤي)» while its chart and every other page said «وقائعي» and
    «استشرافي» («واقعي» also reads "realistic"): data/labels.csv is the one home of the four names."""
    import csv

    with (paths.DATA / "labels.csv").open(encoding="utf-8", newline="") as fh:
        names = {r["value"]: r["label_ar"] for r in csv.DictReader(fh)
                 if r["column"] == "claim_type" and r["value"] != "*"}
    assert set(names) == {"factual", "interpretive", "normative", "predictive"}
    for kind, arabic_name in names.items():
        assert i18n.text(f"C01 · P1 ({kind})", "ar").endswith(f"({arabic_name})"), kind
    page = _ar(built_reports, "09-claims-ledger.html")
    assert f"({names['factual']})" in page and f"({names['predictive']})" in page
    for name in sorted(p.name for p in (built_reports / "ar").glob("*.html")):
        text = _soup(_ar(built_reports, name)).get_text(" ")
        assert not re.search(r"\((?:واقعي|تنبؤي)\)", text), name


# ------------------------------------------------------------------------------------------------------------- E6

SLIPS = {  # page stem -> words the reviewer found wrong there (agreement, a verb that is not Arabic, stiff forms)
    "06-principles": ["يختارهما"],
    "09-claims-ledger": ["يختارهما"],
    "02-nato-enlargement": ["فقد ضمّت ميثاق"],
    "05-balance-of-power": ["يتقارن"],
    "00-article-at-a-glance": ["الـ53 وقائعية", "وفي 2 تغيير"],
    "index": ["الـ53 وقائعية", "وفي 2 تغيير"],
}


def test_the_reviewers_slips_are_gone_from_the_arabic_pages(built_reports):
    for stem, slips in SLIPS.items():
        for name in _pages(built_reports, stem):
            text = _soup(_ar(built_reports, name)).get_text(" ")
            assert [s for s in slips if s in text] == [], name
    assert "يختارهم الطرفان" in _soup(_ar(built_reports, "09-claims-ledger.html")).get_text(" ")


# ------------------------------------------------------------------------------------------------------------- E5


def _encodings(node, out: list) -> list:
    if isinstance(node, dict):
        if isinstance(node.get("encoding"), dict):
            out.append(node["encoding"])
        for key, value in node.items():
            if key not in ("datasets", "data", "config"):
                _encodings(value, out)
    elif isinstance(node, list):
        for value in node:
            _encodings(value, out)
    return out


def _english_specs(built: Path, name: str) -> list[dict]:
    return _specs((built / name).read_text(encoding="utf-8"))


def test_charts_read_in_the_order_of_their_words_are_mirrored_in_arabic_only(built_reports):
    """00's paragraph matrix put P1 at the far left and its names on the left, and 05's bloc bars grew from the
    left: an Arabic reader starts at the right. The Arabic specs reverse the x scale (P1 at the right, bars
    growing leftwards) and stand the names on the right; the English specs are as they were."""
    # editor 9 (M11): 09's verdict bars were left to right in Arabic while 05's spending bars were mirrored
    for name, field in (("00-article-at-a-glance.html", "paragraph"), ("05-balance-of-power.html", "shown"),
                        ("09-claims-ledger.html", "claims")):
        mirrored = [e for spec in _specs(_ar(built_reports, name)) for e in _encodings(spec, [])
                    if (e.get("x") or {}).get("field") == field]
        assert mirrored and all(e["x"].get("scale", {}).get("reverse") is True for e in mirrored), name
        assert all(e["y"].get("axis", {}).get("orient") == "right" for e in mirrored if "y" in e), name
        english = [e for spec in _english_specs(built_reports, name) for e in _encodings(spec, [])]
        assert not any((e.get("x") or {}).get("scale", {}).get("reverse") for e in english), name
        assert not any("mirror" in (spec.get("usermeta") or {}) for spec in _english_specs(built_reports, name))


# ------------------------------------------------------------------------------------------------------------- E7


def test_05s_bloc_names_wrap_beside_their_bars_and_07s_axis_title_fits_one_phone_line(built_reports):
    """At 390 px 05's bars cut «منظمة شنغهاي للتعاون دو…» and «منظمة معاهدة الأمن الجما…»; 07's rotated axis title
    broke after «0 =». The bloc names now wrap at spaces (rows 34 px apart, so two lines stay beside their own
    bar), and 07's title is short enough for one line of a phone's plot (report.js wraps past 40 characters)."""
    for spec in _specs(_ar(built_reports, "05-balance-of-power.html")):
        bars = [e for e in _encodings(spec, []) if (e.get("x") or {}).get("field") == "shown"]
        if bars:
            assert all("split(" in e["y"]["axis"]["labelExpr"] for e in bars)
            rows = {r["bloc"] for values in spec["datasets"].values() for r in values if "bloc" in r}
            assert spec["height"] in ({"step": 34}, 34 * len(rows)), spec["height"]
    spec = _specs(_ar(built_reports, "07-framework-or-alliance.html"))[0]  # the typology strips: one x axis
    titles = [e[k]["title"] for e in _encodings(spec, []) for k in ("x", "y")
              if isinstance((e.get(k) or {}).get("title"), str)]
    # the typology now names its promise column and index lane above them, with no axis title; any it gets fits
    assert all(len(t.strip("\u2067\u2069")) <= 40 for t in titles), titles


# ------------------------------------------------------------------------------------------------------------- E8

_CODES = re.compile(r"\b(?:intcom|organ1|milcon|noothall|atop-4-01-data|frus-1951-v03-d107|memberships\.csv|"
                    r"organisations\.csv)\b|\b\d\d-[a-z-]+\.html\b")


def _reader_text(html: str) -> str:
    """What a reader reads as prose and tables: without code, links' own text, the bibliography (whose notes may
    name a public file) and the page's machinery."""
    soup = _soup(html)
    for el in soup.select(".report-sources-section, .report-url, cite, a, nav, .jp-InputArea, .cite-tip, .report-cite"):
        el.decompose()
    return soup.get_text(" ")


def test_no_raw_code_or_file_name_in_arabic_prose(built_reports):
    """07's coding notes read «(intcom، organ1، base، milcon: كلها 0؛ atop-4-01-data)», 02 «يتبع memberships.csv»,
    09's coverage table «00-article-at-a-glance.html, 06-principles.html» and the index told readers to use
    «الخيار -p»: reader words instead (the coverage table gives report numbers, as the ledger's column does)."""
    left = {}
    for name in sorted(p.name for p in (built_reports / "ar").glob("*.html")):
        found = _CODES.findall(_reader_text(_ar(built_reports, name)))
        if found:
            left[name] = sorted(set(found))
    assert left == {}
    assert "-p" not in _reader_text(_ar(built_reports, "index.html")).replace("P1-P19", "")


# ------------------------------------------------------------------------------------------------------------- E9


def test_one_number_format_per_arabic_page(built_reports):
    """«6,299 رأسًا» and «1,462 سنة» beside «نحو 12121 رأسًا» on one page: every number of five digits or more in
    the reader's text is grouped with commas, as Babel's Arabic locale (Western digits) writes them."""
    left = {}
    for name in sorted(p.name for p in (built_reports / "ar").glob("*.html")):
        found = re.findall(r"(?<![\w.,/#:-])\d{5,}(?![\w-])", _reader_text(_ar(built_reports, name)))
        if found:
            left[name] = found[:5]
    assert left == {}
    assert "نحو 12,121 رأسًا نوويًا في مطلع 2024" in _reader_text(_ar(built_reports, "05-balance-of-power.html"))


# ------------------------------------------------------------------------------------------------------------ E10


def test_one_paragraph_reference_style(built_reports):
    """«الفقرات P1-P19» with a hyphen beside «P1–P19», and «C53 · الفقرة P11» beside «C40 · P19» in 09's list: a
    range takes an en dash, and a paragraph's number alone is never relabelled."""
    for name in sorted(p.name for p in (built_reports / "ar").glob("*.html")):
        text = _soup(_ar(built_reports, name)).get_text(" ")
        assert not re.search(r"P\d{1,2}-P\d{1,2}", text), name
        assert not re.search(r"C\d\d · الفقرة", text), name
    assert "P1–P19" in _soup(_ar(built_reports, "index.html")).get_text(" ")


# ------------------------------------------------------------------------------------------------------------ E11


def test_the_quotation_marks_and_the_editions_conventions_are_stated_once_on_00(built_reports):
    """«…» for the article's words and “…” for other texts' words were used without a key: 00's "Key terms" states
    the rule in both editions, and the Arabic adds the paragraph, number and chart-direction conventions."""
    arabic_text = " ".join(_soup(_ar(built_reports, "00-article-at-a-glance.html")).get_text(" ").split())
    assert "بين علامتي التنصيص العربيتين («») كلمات المقال العربية نفسها" in arabic_text
    assert "P1 في أقصى اليمين" in arabic_text
    english = _soup((built_reports / "00-article-at-a-glance.html").read_text(encoding="utf-8")).get_text(" ")
    assert "«…» hold the article's own Arabic words" in english


# ------------------------------------------------------------------------------------------------------------ E12


def test_02s_first_screen_has_no_statistics_in_either_edition(built_reports):
    """02's "At a glance" gave a p-value and Holm's adjustment on 12 comparisons: the first screen says the finding
    in plain words in both editions, and the test's detail stays under "How robust is this?"."""
    for folder in (built_reports / "ar", built_reports):
        html = (folder / "02-nato-enlargement.html").read_text(encoding="utf-8")
        glance = BeautifulSoup(html, "html.parser").select_one(".report-glance").get_text(" ")
        assert not re.search(r"\bp = |Holm|هولم", glance), folder
        assert "p < 0.001" in _soup(html).get_text(" "), folder  # the detail is still on the page, lower down


# ------------------------------------------------------------------------------------------------------------- E2

MOST_READ = ("00-article-at-a-glance", "01-the-proposal", "02-nato-enlargement", "09-claims-ledger")
#: Pages whose notes were translated after the most read ones: 03 showed 17 notes in English (the SCO's observers
#: and partners, the OSCE summits, NATO's enlargement), 04 showed 45 (the arms-control treaties and the wars).
NOTES_ALL_ARABIC = (*MOST_READ, "03-osce-inclusive-option", "04-crisis-arms-control-war")


def test_the_source_notes_of_the_most_read_arabic_pages_are_arabic(built_reports):
    """406 of 550 notes under «ما تعرضه الصفحة» were English paragraphs marked «(ملاحظتنا بالإنجليزية)»: every note
    on 00, 01, 02 (each date), 03, 04 and 09 now reads in Arabic, with the page's title left in its own language."""
    for stem in NOTES_ALL_ARABIC:
        for name in _pages(built_reports, stem):
            soup = BeautifulSoup(_ar(built_reports, name), "html.parser")
            notes = soup.select("li[id^=src-] details.report-source-note")
            english = [li["id"] for li in soup.select("li[id^=src-]") if li.select_one("details span[lang=en]")]
            assert notes and english == [], (name, english[:5])


def test_the_source_notes_of_07_and_08_in_arabic_are_arabic(built_reports):
    """The Arabic 07 still showed 34 of its 59 notes under «ما تعرضه الصفحة» in English, marked «(ملاحظتنا
    بالإنجليزية)», and 08 24 of its 71 (58 sources in all, issue 24): every note on each of their pages (each date,
    each focus state) now reads in Arabic; a note that comes back in English fails here."""
    for stem in ("07-framework-or-alliance", "08-sco-multivector-states"):
        for name in _pages(built_reports, stem):
            soup = BeautifulSoup(_ar(built_reports, name), "html.parser")
            notes = soup.select("li[id^=src-] details.report-source-note")
            english = [li["id"] for li in soup.select("li[id^=src-]") if li.select_one("details span[lang=en]")]
            assert len(notes) >= 40 and english == [], (name, len(notes), english[:5])
            assert all(arabic.ARABIC_LETTER.search(n.get_text(" ")) for n in notes), name


def test_a_changed_english_note_shows_its_arabic_as_out_of_date(tmp_path):
    """The Arabic of a note lives in data/prose_ar.csv by source id, with the English it was made from: when the
    English note changes, ``python -m helpers.i18n check`` lists it as out of date and the page shows the new
    English, not the old Arabic."""
    from helpers.i18n import prose

    for name in ("datapackage.json", "sources.csv", prose.FILE):
        (tmp_path / name).write_bytes((paths.DATA / name).read_bytes())
    row = next(r for r in prose.rows() if r["table"] == "sources")
    text = (tmp_path / "sources.csv").read_text(encoding="utf-8")
    (tmp_path / "sources.csv").write_text(text.replace(row["en"], "A note rewritten since."), encoding="utf-8")
    status = prose.status(tmp_path, columns_of=prose.GRADUAL)
    assert [(c.key, c.en) for c in status.stale] == [(row["key"], "A note rewritten since.")]
    assert "A note rewritten since." not in prose.lookup(tmp_path)
    assert prose.status(columns_of=prose.GRADUAL).translated >= 135
