"""The Arabic edition's words: catalogs keyed by cell id (stale Arabic flagged), patterns, Babel dates, numbers and
CLDR names, search normalisation, labels complete in Arabic, and cache keys that carry the language."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from helpers import cache, i18n, paths, wording
from helpers.i18n import arabic, catalogs, chart_words, extract, forms


@pytest.fixture()
def locale(tmp_path, monkeypatch):
    """Catalogs under a temporary folder, caches of the lookups emptied."""
    monkeypatch.setattr(catalogs, "LOCALE_NOTEBOOKS", tmp_path / "nb")
    monkeypatch.setattr(catalogs, "LOCALE_HELPERS", tmp_path / "helpers")
    i18n._text.cache_clear()
    yield tmp_path
    i18n._text.cache_clear()


def _notebook(path: Path, *cells: tuple[str, str]) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(src, id=cid) for cid, src in cells]
    nbformat.write(nb, path)
    return path


def test_search_folds_what_arabic_readers_type_differently():
    assert arabic.normalise("الأطلسي") == arabic.normalise("الاطلسي") == "الاطلسي"
    assert arabic.normalise("إيران") == arabic.normalise("ايران")
    assert arabic.normalise("آسيا") == "اسيا"
    assert arabic.normalise("التجزئة") == arabic.normalise("التجزئه")  # ta marbuta
    assert arabic.normalise("مستوى") == arabic.normalise("مستوي")  # alef maqsura
    assert arabic.normalise("الأمنُ") == arabic.normalise("الامن")  # diacritics
    assert arabic.normalise("النـــاتو") == "الناتو"  # tatweel
    assert arabic.normalise("NATO") == "nato"


def test_search_box_applies_the_same_folding_to_index_and_query():
    js = (paths.HELPERS_SRC / "search_ui" / "search.js").read_text(encoding="utf-8")
    # when indexing and when searching: each word folded by normalise, then (review 10, M7) its article «ال» and
    # the proclitics before it taken off the same way (the index keeps the word as written too)
    assert "processTerm: indexTerms" in js and "processTerm: bare" in js
    assert "function bare(term) { return normalise(term).replace(CLITICS, \"\"); }" in js
    assert "var n = normalise(term), b = n.replace(CLITICS, \"\")" in js
    for char in arabic.FOLD:
        assert f"\\u{ord(char):04X}" in js.upper().replace("\\U", "\\u")


def test_a_changed_english_cell_keeps_its_arabic_flagged_as_out_of_date(locale, tmp_path):
    ipynb = _notebook(tmp_path / "nb.ipynb", ("aaa", "## Data\n\nOld words."), ("bbb", "Unchanged."))
    extract.update("nb", ipynb=ipynb)
    path = catalogs.notebook_catalog_path("nb")
    cat = catalogs.read(path)
    for msg in cat:
        if msg.context == "aaa":
            msg.string = "## البيانات\n\nكلمات قديمة."
        if msg.context == "bbb":
            msg.string = "لم يتغير."
    catalogs.write(path, cat)
    _notebook(ipynb, ("aaa", "## Data\n\nNew words."), ("bbb", "Unchanged."), ("ccc", "A new cell."))
    counts = extract.update("nb", ipynb=ipynb)
    assert (counts.translated, counts.fuzzy, counts.missing, counts.added, counts.changed) == (1, 1, 1, 1, 1)
    text = path.read_text(encoding="utf-8")
    assert '#, fuzzy\n#| msgctxt "aaa"\n#| msgid ""\n#| "## Data\\n"' in text or "#| msgid" in text
    assert 'msgstr ""\n"## البيانات\\n"' in text  # the Arabic is kept
    nb = nbformat.read(ipynb, as_version=4)
    left = catalogs.translate_markdown(nb, "nb")
    assert left == 2  # the new cell and the changed one are shown in English until translated
    assert "البيانات" not in nb.cells[0].source and 'lang="en"' in nb.cells[0].source  # not published as current
    assert nb.cells[1].source == "لم يتغير."


def test_an_out_of_date_translation_is_shown_in_current_english_and_named_in_one_warning(locale, tmp_path):
    """The Arabic page kept the old translation of an edited English cell, with no warning and no mark."""
    ipynb = _notebook(tmp_path / "nb.ipynb", ("aaa", "Old words."), ("bbb", "Unchanged."))
    extract.update("nb", ipynb=ipynb)
    path = catalogs.notebook_catalog_path("nb")
    cat = catalogs.read(path)
    for msg in cat:
        msg.string = {"aaa": "كلمات قديمة.", "bbb": "لم يتغير."}.get(msg.context, msg.string)
    catalogs.write(path, cat)
    assert catalogs.outdated_note("nb", ipynb) is None
    _notebook(ipynb, ("aaa", "New words."), ("bbb", "Unchanged."))  # edited in English; catalogs not remade
    nb = nbformat.read(ipynb, as_version=4)
    assert catalogs.translate_markdown(nb, "nb") == 1
    assert nb.cells[0].source == '<div lang="en" dir="ltr">\n\nNew words.\n\n</div>'
    assert nb.cells[1].source == "لم يتغير."
    line = catalogs.outdated_note("nb", ipynb)
    assert line and "(aaa)" in line and "bbb" not in line and "make catalogs" in line
    assert catalogs.untranslated_note("nb", ipynb) is None  # named once, as out of date, not as missing


def test_an_entry_whose_cell_id_matches_no_cell_is_named_by_check_and_warned_at_render(locale, tmp_path,
                                                                                    monkeypatch, capsys, caplog):
    ipynb = _notebook(tmp_path / "nb.ipynb", ("7a27ac65", "P10 opens the section."), ("bbb", "Unchanged."))
    extract.update("nb", ipynb=ipynb)
    path = catalogs.notebook_catalog_path("nb")
    cat = catalogs.read(path)
    for msg in (m for m in cat if m.context):
        msg.string = {"7a27ac65": "يفتتح P10 القسم.", "bbb": "لم يتغير."}[msg.context]
    catalogs.write(path, cat)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('msgctxt "7a27ac65"', 'msgctxt "7a27ac6S"'), encoding="utf-8")  # a look-alike id
    monkeypatch.setattr(paths, "NOTEBOOKS", tmp_path)
    monkeypatch.setattr(extract, "stems", lambda collection=None: ["nb"])
    assert extract.main(["check"]) == 0 and extract.main(["check", "--strict"]) == 1
    out = capsys.readouterr().out
    assert f"  orphan: {paths.shown(path)} msgctxt '7a27ac6S' matches no markdown cell of notebooks/nb.ipynb" in out
    nb = nbformat.read(ipynb, as_version=4)
    with caplog.at_level("WARNING"):
        assert catalogs.translate_markdown(nb, "nb") == 1
    (warning,) = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert "1 cell(s) shown in English (7a27ac65)" in warning and "'7a27ac6S' match no cell" in warning
    assert "\n" not in warning and "P10 opens the section." in nb.cells[0].source  # shown in English, marked so
    assert nb.cells[0].source.startswith("<div lang=\"en\" dir=\"ltr\">")
    from types import SimpleNamespace

    from helpers.pipeline import cli

    cli._say_orphan_entries([SimpleNamespace(stem="nb", notebook=str(ipynb))], "ar")  # the build's one line
    assert capsys.readouterr().err == f"warning: {warning}\n"
    cli._say_orphan_entries([SimpleNamespace(stem="nb", notebook=str(ipynb))], "en")
    assert capsys.readouterr().err == ""


def test_patterns_translate_computed_sentences_with_their_dates_and_names(locale):
    path = catalogs.messages_path()
    path.parent.mkdir(parents=True)
    path.write_text('msgid ""\nmsgstr ""\n"Language: ar\\n"\n\n#, python-brace-format\n'
                    'msgid "{org} had {n} members on {date}"\nmsgstr "بلغ عدد أعضاء {org} {n} في {date}"\n',
                    encoding="utf-8")
    assert i18n.text("Germany had 12 members on 4 Apr 1949", "ar") == "بلغ عدد أعضاء ألمانيا 12 في 4 أبريل 1949"
    assert i18n.text("Germany had 12 members on 4 Apr 1949", "en") == "Germany had 12 members on 4 Apr 1949"
    assert i18n.text("Something nobody translated", "ar") == "Something nobody translated"


def test_dates_numbers_and_names_come_from_cldr():
    assert forms.day("2024-02-29") == "29 فبراير 2024"  # the article's own form
    assert forms.number(1338278.3, digits=1) == "1,338,278.3"  # Western digits, CLDR ar separators
    assert forms.compact(972_000_000) == "972 مليون"
    assert forms.territory("KAZ") == "كازاخستان"
    assert forms.territory("SUN") == ""  # historic: not in CLDR, labels.csv names it
    assert i18n.names("ar")["Soviet Union (USSR)"] != "Soviet Union (USSR)"
    locale = chart_words.vega_locale("ar")
    assert locale["time"]["months"][1] == "فبراير" and locale["time"]["days"][0] == "الأحد"


def test_labels_are_complete_in_arabic_and_used_through_the_one_lookup(monkeypatch):
    with (paths.DATA / "labels.csv").open(encoding="utf-8", newline="") as fh:
        missing = [(r["table"], r["column"], r["value"]) for r in csv.DictReader(fh) if not r["label_ar"].strip()]
    assert missing == []
    monkeypatch.setenv(paths.LANG_VAR, "ar")
    assert wording.label("NEW_START", "treaty_id") == "معاهدة نيو ستارت"
    assert wording.header("claim_type") == "نوع المقولة"
    assert wording.day("1949-04-04") == "4 أبريل 1949"
    assert wording.label("collective_defence", "dimension_id") == "التعهد بالدفاع"  # a label the data holds in
    # English only comes from the data's Arabic (prose_ar.csv) through the one lookup
    monkeypatch.setenv(paths.LANG_VAR, "en")
    assert wording.label("NEW_START", "treaty_id") == "New START"


def test_every_notebook_has_a_catalog_that_matches_its_cells():
    for stem in extract.stems():
        counts = extract.update(stem, write=False)
        assert counts.cells > 0 and counts.translated + counts.fuzzy > 0, counts.line()


def test_a_chart_shows_arabic_words_and_keeps_its_codes():
    spec = {"title": {"text": "Germany"}, "datasets": {"d": [{"iso3": "DEU", "name": "Germany"}]},
            "encoding": {"color": {"field": "iso3"}, "tooltip": [{"field": "name", "title": "Germany"}]}}
    out = chart_words.translate_spec(spec, "ar")
    germany = chart_words.isolate("ألمانيا")  # set right to left inside the chart (see test_chart_words)
    assert out["title"]["text"] == germany and out["encoding"]["tooltip"][0]["title"] == germany
    assert out["datasets"]["d"][0] == {"iso3": "DEU", "name": germany}
    assert out["config"]["font"].startswith('"Noto Naskh Arabic Report"')
    assert chart_words.translate_spec(spec, "en") is spec


def test_a_faceted_charts_panel_names_and_05s_bar_labels_read_in_arabic(monkeypatch):
    from helpers.render import vega_specs

    spec = {"data": {"values": [{"kind": "within the bloc"}, {"kind": "of the world"}]},
            "facet": {"row": {"field": "kind", "type": "nominal", "title": None}}, "spec": {"mark": "line"}}
    monkeypatch.setenv(paths.LANG_VAR, "ar")
    expr = vega_specs.with_labels(spec)["facet"]["row"]["header"]["labelExpr"]
    assert '"within the bloc" ? "داخل الكتلة"' in expr and '"of the world" ? "من العالم"' in expr
    assert i18n.text("US$415 bn · 17% (partial)", "ar") == "415 مليار دولار · 17\u200e%\u200e (جزئي)"
    assert i18n.text("3.41 bn people", "ar") == "3.41 مليار نسمة"
    assert i18n.text("Russia + China in the world", "ar") == "حصة روسيا + الصين من العالم"
    legend = {"data": {"values": [{"b": "founding member"}]}, "mark": "point", "encoding": {"color": {
        "field": "b", "type": "nominal", "scale": {"domain": ["founding member", "not a member"]}}}}
    # a legend shows its scale's whole domain, also values the data of this date lacks
    assert '"not a member" ? "ليست عضوًا"' in vega_specs.with_labels(legend)["encoding"]["color"]["legend"]["labelExpr"]
    monkeypatch.setenv(paths.LANG_VAR, "en")
    assert "header" not in vega_specs.with_labels(spec)["facet"]["row"]  # English panels keep their words


def test_a_state_outside_the_membership_data_is_named_in_arabic():
    # 02's pact exits name states that states.csv does not hold (Rio Treaty denunciations, ATOP's exits)
    assert i18n.text("Nicaragua", "ar") == "نيكاراغوا" and i18n.text("Bolivia", "ar") == "بوليفيا"
    assert i18n.text("Nicaragua", "en") == "Nicaragua"


def test_the_language_is_part_of_every_cache_key(tmp_path):
    nb = tmp_path / "n.ipynb"
    nb.write_text(json.dumps(nbformat.v4.new_notebook()), encoding="utf-8")
    keys = {lang: cache.execution_key(notebook=nb, parameters={}, code="c", env="e", lang=lang,
                                      catalogs=i18n.catalog_digest(lang)) for lang in ("en", "ar")}
    assert keys["en"] != keys["ar"]
    assert i18n.catalog_digest("en") == ""
    assert i18n.catalog_digest("ar", "02-nato-enlargement") != i18n.catalog_digest("ar", "03-osce-inclusive-option")


def test_every_paragraph_card_quotes_the_article_beside_our_arabic_paraphrase():
    with (paths.DATA / "paragraphs.csv").open(encoding="utf-8", newline="") as fh:
        paraphrases = {r["paragraph"]: r["paraphrase"] for r in csv.DictReader(fh)}
    cards = i18n.paragraph_cards()
    for p, english in paraphrases.items():
        card = cards[english]
        quote = card.split("«")[-1].split("»")[0]
        assert 1 <= len(quote.split()) <= 15, (p, quote)
        assert f"({p}، https://" in card, p
        assert arabic.latin_share(card.split(" — ")[0])[0] < 0.05, p


def test_claims_show_in_arabic_until_their_english_changes():
    with (paths.DATA / "claims.csv").open(encoding="utf-8", newline="") as fh:
        claims = {r["claim_id"]: r["claim"] for r in csv.DictReader(fh)}
    with (paths.DATA / "claims_ar.csv").open(encoding="utf-8", newline="") as fh:
        arabic_rows = list(csv.DictReader(fh))
    with (paths.DATA / "claims.csv").open(encoding="utf-8", newline="") as fh:
        phrases = {r["claim_id"]: r["arabic_phrase"] for r in csv.DictReader(fh)}
    known = i18n.names("ar")
    for row in arabic_rows:
        shown = known.get(claims[row["claim_id"]], "")
        if row["claim_en"] == claims[row["claim_id"]]:  # our Arabic beside the article's own words
            assert shown == f"{row['claim_ar']} — نص المقال: «{phrases[row['claim_id']]}»"
            assert 1 <= len(phrases[row["claim_id"]].split()) <= 15
        else:  # the English changed since it was translated: the page shows the new English, not stale Arabic
            assert row["claim_ar"] not in shown


def test_a_table_shows_its_text_cells_in_the_edition_language(monkeypatch):
    import pandas as pd

    from helpers import present

    frame = pd.DataFrame({"name": ["Germany"], "iso3": ["DEU"], "source_id": ["nato-members"]})
    monkeypatch.setenv(paths.LANG_VAR, "ar")
    shown = present._edition_cells(frame.drop(columns=["source_id"]))
    assert shown.loc[0, "name"] == "ألمانيا" and shown.loc[0, "iso3"] == "DEU"
    monkeypatch.setenv(paths.LANG_VAR, "en")
    assert present._edition_cells(frame) is frame


def test_every_english_prose_cell_the_pages_show_has_its_arabic_made_from_todays_english():
    from helpers.i18n import prose

    status = prose.status()
    assert status.translated > 300
    assert [(c.table, c.column, c.key) for c in status.missing] == [], "run `python -m helpers.i18n check`"
    assert [(c.table, c.column, c.key) for c in status.stale] == [], "English changed since it was translated"
    known = i18n.names("ar")
    for cell in prose.english_cells():
        shown = known[cell.en]
        # English quoted in “…” and source ids, codes or titles in parentheses are the house style, so only the rest
        # is measured, in every cell (a stride's sample moved whenever a table gained or lost a row)
        prose_part = re.sub(r"\([^()]*\)", " ", _outside_quotes(shown))
        assert arabic.ARABIC_LETTER.search(shown) and arabic.latin_share(prose_part)[0] < 0.25, (cell, shown)


def test_a_changed_english_prose_cell_shows_its_new_english_not_stale_arabic(tmp_path):
    from helpers.i18n import prose

    shutil.copytree(paths.DATA, tmp_path, dirs_exist_ok=True)  # the loader checks lineage.csv against its sources
    rows = prose.rows()
    with (tmp_path / prose.FILE).open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, ["table", "column", "key", "en", "ar"], lineterminator="\n")
        w.writeheader()
        w.writerows(r for r in rows if r["table"] == "lineage")
    text = (tmp_path / "lineage.csv").read_text(encoding="utf-8")
    old = next(r["en"] for r in rows if r["table"] == "lineage" and r["key"] == "1")
    (tmp_path / "lineage.csv").write_text(text.replace(old, "A finding rewritten since."), encoding="utf-8")
    saved = dict(prose.COLUMNS)
    prose.COLUMNS.clear()
    prose.COLUMNS["lineage"] = ("finding",)
    try:
        status = prose.status(tmp_path)
    finally:
        prose.COLUMNS.clear()
        prose.COLUMNS.update(saved)
    assert [(c.key, c.en) for c in status.stale] == [("1", "A finding rewritten since.")]
    assert "A finding rewritten since." not in prose.lookup(tmp_path)


def test_the_prose_tables_translated_are_those_the_data_package_allows():
    from helpers.i18n import prose

    pkg = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    res = {r["name"]: r for r in pkg["resources"]}
    allowed = set(res["prose_ar"]["schema"]["fields"][0]["constraints"]["enum"])
    assert set(prose.COLUMNS) <= allowed
    for table, columns in prose.COLUMNS.items():
        fields = {f["name"] for f in res[table]["schema"]["fields"]}
        assert set(columns) <= fields, table


def test_number_placeholders_and_lists_translate_cells_without_catching_ordinary_words(locale):
    path = catalogs.messages_path()
    path.parent.mkdir(parents=True)
    path.write_text('msgid ""\nmsgstr ""\n"Language: ar\\n"\n\n#, python-brace-format\n'
                    'msgid "{num_k} of {num_n}"\nmsgstr "{num_k} من {num_n}"\n\n'
                    'msgid "Yes"\nmsgstr "نعم"\n\nmsgid "No"\nmsgstr "لا"\n', encoding="utf-8")
    assert i18n.text("3 of 5", "ar") == "3 من 5" and i18n.text("1,338 of 2,000", "ar") == "1,338 من 2,000"
    assert i18n.text("Friends of Socialist China", "ar") == "Friends of Socialist China"
    assert i18n.text("Yes / No", "ar") == "نعم / لا"
    assert i18n.text("Germany; France", "ar") == "ألمانيا؛ فرنسا"  # CLDR names, the Arabic semicolon
    assert i18n.text("Germany; Nowhere Land", "ar") == "ألمانيا؛ Nowhere Land"
    assert i18n.text("Yes / No", "en") == "Yes / No"


def test_a_finding_joined_from_known_sentences_reads_in_arabic_sentence_by_sentence(locale):
    path = catalogs.messages_path()
    path.parent.mkdir(parents=True)
    path.write_text('msgid ""\nmsgstr ""\n"Language: ar\\n"\n\n#, python-brace-format\n'
                    'msgid "In {y} they spent {p}."\nmsgstr "في {y} أنفقوا {p}."\n\n'
                    'msgid "That ratio does not survive purchasing power."\n'
                    'msgstr "لا تصمد النسبة أمام القوة الشرائية."\n\n'
                    '#, python-brace-format\nmsgid "{a} and {b}"\nmsgstr "{a} و{b}"\n\n'
                    '#, python-brace-format\nmsgid "On {date} {who} did not exist."\n'
                    'msgstr "في {date} لم تكن {who} قائمة."\n',
                    encoding="utf-8")
    joined = "In 2023 they spent 30%. That ratio does not survive purchasing power."
    assert i18n.text(joined, "ar") == "في 2023 أنفقوا 30\u200e%\u200e. لا تصمد النسبة أمام القوة الشرائية."
    assert i18n.text("Art. 4 of the treaty. Nothing known.", "ar") == "Art. 4 of the treaty. Nothing known."
    assert i18n.text(joined, "en") == joined
    # a list's items are translated one by one: "and" inside an unknown item does not join half the list
    assert i18n.text("France; Nowhere and Germany", "ar") == "فرنسا؛ Nowhere and Germany"
    assert i18n.text("France; Germany and Italy", "ar") == "فرنسا؛ ألمانيا وإيطاليا"
    assert i18n.text("Yes / Nowhere and Germany", "ar") == "Yes / Nowhere and Germany"
    # a {date} placeholder takes the whole date, not its first word
    assert i18n.text("On 31 December 1991 France did not exist.", "ar") == "في 31 ديسمبر 1991 لم تكن فرنسا قائمة."
    assert i18n.text("On 31 ديسمبر 1991 France did not exist.", "ar") == "في 31 ديسمبر 1991 لم تكن فرنسا قائمة."
    # a ranked list: each known name keeps its score or range
    assert i18n.text("France (0.60) and Germany (0.25–0.50)", "ar") == "فرنسا (0.60) وألمانيا (0.25–0.50)"


def test_a_coded_cells_note_reads_in_the_editions_words(monkeypatch):
    from helpers import load
    from helpers.tables import typology_words

    features, dimensions = load.org_features(), load.dimensions()
    monkeypatch.setenv(paths.LANG_VAR, "ar")
    i18n._text.cache_clear()
    cells = typology_words.matrix_cells(features, dimensions, ["NATO"], "2024-04-30")
    note = cells.set_index("dimension_id").loc["collective_defence", "note"]
    assert note.startswith("نعم.") and "«" in note and arabic.latin_share(note)[0] < 0.05, note
    monkeypatch.setenv(paths.LANG_VAR, "en")
    english = typology_words.matrix_cells(features, dimensions, ["NATO"], "2024-04-30")
    assert english.set_index("dimension_id").loc["collective_defence", "note"].startswith("Yes. An armed attack")


TITLE = "Путин заявил что РФ готова обсуждать евразийскую безопасность (The Moscow Post)"


def test_the_ledgers_source_titles_keep_their_language_marked_as_titles_in_the_arabic_edition(monkeypatch):
    import pandas as pd

    from helpers.render.table_html import table_html

    frame = pd.DataFrame({"claim": ["C01"], "why": ["A reason long enough to sit in a row of its own, " * 2],
                          "main source": [TITLE]})
    monkeypatch.setenv(paths.LANG_VAR, "ar")
    assert f'<cite dir="auto">{TITLE}</cite>' in table_html(frame, "k", "t")
    monkeypatch.setenv(paths.LANG_VAR, "en")
    assert "<cite" not in table_html(frame, "k", "t")


def test_a_maps_timeline_names_its_members_and_captions_in_arabic():
    spec = {"usermeta": {"timeline": {"label": "Year", "captions": {"2024": "SCO on 4 July 2024: 10 members"},
                                      "members": [["Kazakhstan", 2001, 9999]], "start": 2024}}}
    tl = chart_words.translate_spec(spec, "ar")["usermeta"]["timeline"]
    assert tl["members"] == [["كازاخستان", 2001, 9999]] and tl["label"] == "السنة"
    # 3–10 take the plural (the catalog's «{n} عضوًا» is written for 11–99: «10 عضوًا» was wrong, issue 24 E6)
    assert tl["captions"]["2024"].endswith("10 أعضاء") and "4 يوليو 2024" in tl["captions"]["2024"]
    assert chart_words.translate_spec(spec, "en") is spec


def test_multi_vector_is_never_rendered_as_multilateral_in_our_own_arabic():
    """«متعددة الأطراف» is Arabic for *multilateral*; the article uses it in P18 for a multi-vector policy. The
    edition writes «متعددة الاتجاهات» in its own voice (notebook 08's title included) and keeps the article's word
    only where it says so («كذا»)."""
    from helpers import load

    def own_voice(text: str) -> bool:
        return "متعددة الأطراف" not in text or "كذا" in text
    entries = [m for p in [catalogs.messages_path(), *sorted(catalogs.LOCALE_NOTEBOOKS.glob("ar/*.po"))]
               for m in catalogs.read(p) if isinstance(m.id, str) and "multi-vector" in m.id.lower()]
    assert len(entries) >= 5
    for m in entries:
        assert own_voice(m.string) and "الاتجاهات" in m.string, m.id[:80]
    glossary = load.table("glossary").set_index("term_en")
    assert glossary.loc["multi-vector policy", "term_ar"] == "سياسة متعددة الاتجاهات"
    claims_ar = load.table("claims_ar").set_index("claim_id")
    assert own_voice(claims_ar.loc["C39", "claim_ar"]) and "متعددة الاتجاهات" in claims_ar.loc["C39", "claim_ar"]


def test_the_arabic_edition_quotes_the_article_in_its_own_words():
    """Guillemets in the Arabic edition promise the article's exact words: a reader can hold the article beside the
    report. The quotations that had been back-translated from the English edition («مسيّسة منذ مطلع الألفية
    الثالثة» for the article's «منذ أوائل عام 2000», the very slip T24 records) now quote words the data hold
    verbatim from the article (claims' and differences' Arabic phrases, the paragraphs' quotations, section titles)."""
    import re

    from helpers import load
    verbatim = [*load.claims()["arabic_phrase"].dropna(),
                *load.table("translation_differences")["arabic_phrase"].dropna(),
                *load.table("paragraphs_ar")["quote_ar"].dropna(), *load.table("sections")["title_ar"].dropna()]
    # English cells whose Arabic quotes the article: the notebook, and a few words of the English to find the cell by
    cells = {"01-the-proposal": ["may take concrete shape", "takes concrete shape"],
             "02-nato-enlargement": ["# NATO", "## \"The largest"],
             "03-osce-inclusive-option": ["Politicised since the early 2000s\" — the article", "## Takeaways"],
             "04-crisis-arms-control-war": ["US-led operations\" outside"],
             "05-balance-of-power": ["asymmetric bipolarity"]}
    texts = []
    for stem, needles in cells.items():
        msgs = [m for m in catalogs.read(catalogs.notebook_catalog_path(stem)) if isinstance(m.id, str) and m.id]
        for needle in needles:
            found = [m.string for m in msgs if needle.lower() in m.id.lower()]
            assert found, (stem, needle)
            texts += found
    texts += [m.string for m in catalogs.read(catalogs.messages_path())
              if isinstance(m.id, str) and "largest" in m.id and "most stable" in m.id]
    prose = load.table("prose_ar").set_index(["table", "column", "key"])
    texts += [prose.loc[("claims", "verdict_reason", c), "ar"] for c in ("C01", "C32", "C49")]
    texts.append(load.table("paragraphs_ar").set_index("paragraph").loc["P15", "paraphrase_ar"])
    quoted = [q for t in texts for q in re.findall(r"«([^»]+)»", t) if len(q.split()) >= 2 and "آر تي" not in q]
    assert len(quoted) >= 12
    # the same words: only vowel marks and tanwin (which the article mostly leaves out) may differ
    bare = [arabic.DROP.sub("", v) for v in verbatim]
    wrong = [q for q in quoted if not any(arabic.DROP.sub("", q) in v for v in bare)]
    assert not wrong, wrong


def test_the_ledgers_first_screen_reads_in_arabic_for_the_real_verdicts():
    """The at-a-glance sentences of 00 and 09 are computed from the verdicts and voices; a new mix (C49 partly
    supported beside the unverifiable ones, 'not compared' counted as unknown) must still find its Arabic pattern,
    not leave English inside."""
    import re

    from helpers import load
    from helpers.tables import article, article_words, claims_words
    from helpers.tables import claims as ledgers
    claims, paragraphs = load.claims(), load.paragraphs()
    ledger = ledgers.claims_ledger(claims, article.notebook_reports(), ledgers.CLAIM_TYPES)
    added = set(paragraphs.query("likely_editor_addition")["paragraph"])  # as 09 passes it (review 4, A2)
    for sentence in claims_words.glance_findings(ledger, added) + article_words.voices_detail(claims, paragraphs):
        arabic_text = i18n.text(sentence, "ar")
        assert not re.search(r"[A-Za-z]{3,}", arabic_text), arabic_text


def test_the_scroll_hint_drawn_by_the_stylesheet_speaks_each_editions_language():
    """A wide table's "scroll sideways" line comes from CSS, outside the catalogs: each edition's wording is there."""
    import re

    static = paths.ROOT / "src" / "helpers" / "templates"
    css = (static / "nato_report" / "static" / "report.css").read_text(encoding="utf-8")
    hints = {lang: json.loads((static / "page" / f"strings.{lang}.json").read_text(encoding="utf-8"))["scroll_hint"]
             for lang in ("en", "ar")}
    english = re.search(r"\.report-table-scroll\.is-scrolling::after \{ content: \"([^\"]+)\"", css)
    arabic = re.search(r"html:lang\(ar\) \.report-table-scroll\.is-scrolling::after \{ content: \"([^\"]+)\"", css)
    assert english and hints["en"] in english.group(1)
    assert arabic and hints["ar"] in arabic.group(1), "the Arabic pages would show the English scroll hint"


#: More than three Latin words in a row outside a quotation: English prose left on an Arabic page.
_ENGLISH_PROSE = r"[A-Za-z][\w'’.-]*(?:[ ,;]+[A-Za-z][\w'’.-]*){3,}"


def _outside_quotes(text: str) -> str:
    """The text without what it quotes (“…” quotations with their source named, «…» the article's words)."""
    import re

    return re.sub(r"“[^”]*”|«[^»]*»", " ", text)


def test_the_ledgers_three_texts_and_differences_show_no_english_prose_in_the_arabic_edition():
    """ar/09 put English on screen: a verdict ("partly supported") inside the title, the two collapsed tables'
    labels, and side-by-side cells whose English was cut at «; » and spliced with «؛» because the "(partly read)"
    prefix kept the whole cell from being looked up."""
    import re

    from helpers import load
    from helpers.tables import article, claims_words
    from helpers.tables import claims as ledgers
    from helpers.tables import translation_view as ledgers_tv
    paragraphs, translation = load.table("paragraphs"), load.translation()
    differences = load.translation_differences()
    shown = [*ledgers_tv.translation_view(paragraphs, translation, differences).drop(columns="Paragraph")
             .to_numpy().ravel(),
             *ledgers_tv.differences_view(differences)[["Kind", "What changes"]].to_numpy().ravel(),
             "Show the three texts side by side, paragraph by paragraph",
             f"Show the {len(differences)} differences with their words"]
    ledger = ledgers.claims_ledger(load.claims(), article.notebook_reports(), ledgers.CLAIM_TYPES)
    shown.append(claims_words.ledger_finding(ledger, ledgers.CLAIM_TYPES))
    left = [(cell[:60], arabic_text[:160]) for cell in shown
            for arabic_text in [i18n.text(cell, "ar")] if re.search(_ENGLISH_PROSE, _outside_quotes(arabic_text))]
    assert left == []


def test_an_english_sentence_is_never_cut_up_and_joined_with_arabic_words():
    """A source note whose clauses are partly known was cut at «; » and «, … and …» and joined with «؛» and «و»
    ("recalls Putin's readiness و in his February address و to negotiate …"): a sentence is translated whole or
    shown whole in English."""
    import re

    from helpers import load
    mixed = []
    for note in load.sources()["note"].dropna():
        shown = i18n.text(note, "ar")
        if shown != note and re.search(_ENGLISH_PROSE, _outside_quotes(shown)):
            mixed.append(shown[:160])
    assert mixed == []
    note = load.sources().set_index("source_id").loc["headpost-lavrov-eurasian-architecture-2024", "note"]
    from helpers.i18n import prose

    assert i18n.text(note, "ar") == prose.lookup().get(note, note)  # its Arabic whole (prose_ar.csv), or its English


def test_guillemets_in_the_arabic_edition_hold_only_the_articles_own_words():
    """«…» promise the article's exact words (issue 24, house style): other quotations — Putin's «неделимой»
    rendered in Arabic, RT's or Valdai's English put into Arabic, the edition's own values («نعم», «تفسير») — go in
    “…” with their source named, and RT's name takes no marks. Lineage step 4 had misquoted the article's P4."""
    import re

    from helpers import load
    from helpers.i18n import arabic as ar

    def bare(text: str) -> str:
        return re.sub(r"\s+", " ", ar.DROP.sub("", text)).strip(" .،,")

    article = [bare(v) for v in [*load.claims()["arabic_phrase"].dropna(),
                                 *load.translation_differences()["arabic_phrase"].dropna(),
                                 *load.table("paragraphs_ar")["quote_ar"].dropna(),
                                 *load.table("sections")["title_ar"].dropna(),
                                 *load.table("paragraphs_ar")["quoted_ar"].dropna().str.split(" | ", regex=False)
                                 .explode(),
                                 *load.glossary()["article_ar"].dropna(),
                                 load.sources().set_index("source_id").loc[i18n.ARTICLE, "title"]]]
    texts = [m.string for path in [catalogs.messages_path(), *sorted(catalogs.LOCALE_NOTEBOOKS.glob("ar/*.po"))]
             for m in catalogs.read(path) if isinstance(m.string, str)]
    for table, column in (("prose_ar", "ar"), ("claims_ar", "claim_ar"), ("paragraphs_ar", "paraphrase_ar")):
        texts += list(load.table(table)[column].dropna())
    quoted = [q for t in texts for q in re.findall(r"«([^»]+)»", t)]
    assert len(quoted) > 100
    assert sorted({q for q in quoted if not any(bare(q) in v for v in article)}) == []
    assert not any("«آر تي»" in t or "نص نص" in t for t in texts)
    step4 = load.table("prose_ar").set_index(["table", "column", "key"]).loc[("lineage", "finding", "4"), "ar"]
    assert "«أكبر كتلة عسكرية وأكثرها استقرارا على مدى التاريخ»" in step4


def test_the_citations_english_title_is_one_left_to_right_run_in_the_arabic_edition():
    """The title's dash split it into two isolates, which right to left draws in swapped order."""
    from helpers.render import markup

    title = "Neutralizing NATO: a reproducible notebook collection on a Russian–Chinese Eurasian security framework."
    marked = markup.mark_latin_text(f"مؤلفو المجموعة (2026). {title} الإصدار 0.3.0.")
    assert marked.count("<bdi") == 1 and f'<bdi dir="ltr">{title}</bdi>' in marked


def test_no_latin_punctuation_or_words_left_in_the_arabic_editions_small_cells(monkeypatch):
    """Review 3, B12: 'OSCE + NATO' in ar/03's membership table, 'closing paragraph P19' in the lineage, a Latin '?'
    in ar/07's matrix and Latin commas in the organisation lists of ar/07 and the index."""
    from helpers import load
    from helpers.render import site, table_html

    assert i18n.text("OSCE + NATO", "ar") == "منظمة الأمن والتعاون في أوروبا + حلف شمال الأطلسي (الناتو)"
    work = load.table("lineage")["work"]
    assert not any(arabic.latin_share(i18n.text(w, "ar"), {"P19"})[1] for w in work if "P19" in w)
    monkeypatch.setenv("NATO_LANG", "ar")
    assert table_html._symbol(None) == "؟" and site.parameter_text(["factual", "normative"]) == "وقائعي، معياري"
    from helpers import search
    box = search.box_html()  # the search box's status lines, templates with placeholders, in Arabic too
    assert "No section" not in box and "لا يطابق أيُّ قسم" in box
    monkeypatch.setenv("NATO_LANG", "en")
    assert table_html._symbol(None) == "?" and site.parameter_text(["NATO", "OSCE"]) == "NATO, OSCE"


def test_an_axis_that_shortens_its_labels_shortens_the_arabic_words(monkeypatch):
    # 04's war lane shortens each label on a phone; its own labelExpr kept the page from putting the Arabic in
    from helpers.render import vega_specs

    spec = {"data": {"values": [{"kind": "within the bloc"}]}, "mark": "point",
            "encoding": {"y": {"field": "kind", "type": "nominal",
                               "axis": {"labelExpr": "truncate(datum.label, 5)"}}}}
    monkeypatch.setenv(paths.LANG_VAR, "ar")
    expr = vega_specs.with_labels(spec)["encoding"]["y"]["axis"]["labelExpr"]
    assert expr.startswith("truncate((datum.value") and '"within the bloc" ? "داخل الكتلة"' in expr
    kept = {**spec, "encoding": {"y": {**spec["encoding"]["y"], "axis": {"labelExpr": "datum.label"}}}}
    assert vega_specs.with_labels(kept)["encoding"]["y"]["axis"]["labelExpr"] == "datum.label"  # never relabelled


def test_a_wrapped_axis_looks_its_arabic_words_up_once_and_every_layer_shares_the_lookup(monkeypatch):
    """A wrapped label reads ``datum.label`` five times: the words went into the page five times per axis (the
    Arabic 02 grew past its byte budget). They sit in one top-level parameter now, one per set of words, so the
    layers of a chart that share the axis keep one expression (two made Vega-Lite warn and drop one)."""
    from helpers import theme
    from helpers.render import vega_specs

    wrap = theme.wrapped_label("width < 400", 8, 30)
    layer = {"mark": "bar", "encoding": {"y": {"field": "kind", "type": "nominal", "axis": {"labelExpr": wrap}},
                                         "x": {"field": "v", "type": "quantitative"}}}
    spec = {"data": {"values": [{"kind": "within the bloc", "v": 1}, {"kind": "of the world", "v": 2}]},
            "layer": [layer, {**layer, "mark": "tick"}]}
    monkeypatch.setenv(paths.LANG_VAR, "ar")
    out = vega_specs.with_labels(spec)
    first, second = (x["encoding"]["y"]["axis"]["labelExpr"] for x in out["layer"])
    assert first == second and "داخل الكتلة" not in first
    assert out["params"] == [{"name": "reader_words_0",  # drawn right to left, each inside an isolate
                              "value": {"of the world": "\u2067من العالم\u2069",
                                        "within the bloc": "\u2067داخل الكتلة\u2069"}}]
    assert first.count("reader_words_0[datum.value] || datum.label") == wrap.count("datum.label")


def test_a_cell_without_a_translation_is_marked_english_and_named_at_build_time(tmp_path):
    """A new English markdown cell with no catalog entry appeared in the Arabic page as unmarked English, and the
    build said nothing. It is now wrapped as English, left to right (the H1 title line stays first, for the page
    to drop), it stays so through the page's prose sanitiser, and the build's warning line names the cell."""
    import nbformat

    from helpers.i18n import catalogs
    from helpers.render import safe_prose

    stem = "00-article-at-a-glance"
    nb = nbformat.v4.new_notebook()
    for cid, text in (("new-title", "# A new title\n\nNew words."), ("new-prose", "## New heading\n\nMore words.")):
        cell = nbformat.v4.new_markdown_cell(text)
        cell.id = cid
        nb.cells.append(cell)
    assert catalogs.translate_markdown(nb, stem, "ar") == 2
    assert nb.cells[0].source.startswith("# A new title\n\n<div lang=\"en\" dir=\"ltr\">")
    assert nb.cells[1].source == '<div lang="en" dir="ltr">\n\n## New heading\n\nMore words.\n\n</div>'
    kept = safe_prose.clean('<div lang="en" dir="ltr"><h2>New heading</h2><p>More words.</p></div>')
    assert re.match(r'<div (lang="en" dir="ltr"|dir="ltr" lang="en")><h2>', kept), kept
    saved = tmp_path / f"{stem}.ipynb"
    nbformat.write(nb, saved)
    line = catalogs.untranslated_note(stem, saved, "ar")
    assert line and "2 markdown cell(s) (new-title, new-prose) have no translation" in line, line
    assert "shows them in English, marked as English" in line
