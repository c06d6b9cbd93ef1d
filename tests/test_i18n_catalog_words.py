"""The Arabic edition's words as the catalogs give them (``helpers.i18n.catalogs``): a forecast's "not yet" (no
later evidence yet, never "has not come true"), 00's "English title" column kept English, prepositions joined to
names, the kinds of difference and units named apart. Each test asks the catalogs for the words the page shows."""

from __future__ import annotations

from helpers import i18n


def test_a_forecast_without_later_evidence_is_not_said_to_have_failed():
    """E1: 09's forecasts table shows "not yet" in its "Later evidence" column; «لم يتحقق بعد» says the forecast
    has not come true, a verdict the project does not give. The Arabic says there is no later evidence yet."""
    shown = i18n.text("not yet", "ar")
    assert "يتحقق" not in shown and "أدلة" in shown


def test_the_sections_table_does_not_promise_english_titles_it_shows_in_arabic():
    """E2: in the Arabic edition 00's sections table gives our titles in Arabic, so neither its column nor its
    caption may call them English."""
    column = i18n.text("Title (English)", "ar")
    caption = i18n.text("The article's three sections with their Arabic headings and our English titles.", "ar")
    assert "الإنجليزية" not in column and "الإنجليزية" not in caption
    assert "الوصفي" in column and "الوصفية" in caption


def test_an_english_title_alone_in_an_arabic_table_cell_reads_left_to_right():
    """E3: 00's lineage table gives each work's English title in a cell of its own. In the right-to-left page a
    wholly Latin cell was left unmarked, so its closing '?' or ')' was drawn at its start ("?Ivan Timofeev: …
    project", "(Ivan Timofeev) Eurasian Security Structure…"). The cell is isolated whole, left to right."""
    import pandas as pd

    from helpers import paths
    from helpers.render.table_html import table_html

    frame = pd.DataFrame({"work": ["Ivan Timofeev: Is neutering NATO the next Russia-China project?",
                                   "Eurasian Security Structure: From Idea to Practice (Ivan Timofeev)"],
                          "note": ["نص آر تي NATO", "نص"]})
    with paths.using(lang="ar"):
        page = table_html(frame, key="t", title="t")
    assert '<bdi dir="ltr">Ivan Timofeev: Is neutering NATO the next Russia-China project?</bdi>' in page
    assert '<bdi dir="ltr">Eurasian Security Structure: From Idea to Practice (Ivan Timofeev)</bdi>' in page
    assert '<bdi dir="ltr">NATO</bdi>' in page  # a Latin run inside Arabic is still isolated on its own


def test_a_preposition_joined_to_an_arabic_name_has_no_tatweel():
    """E8: "ATOP's coding of the {pact}" read «ترميز ATOP لـميثاق منظمة الدول الأمريكية» on 02: the tatweel of
    «لـ{pact}» belongs before a Latin letter or a digit, not before an Arabic word. «لـ12» keeps it."""
    from helpers.i18n import joined_prefixes

    said = i18n.text("That rests on ATOP's coding of the Charter of the Organization of American States as a defence "
                     "pact; this page does not quote ATOP 4.01's definition of a defence obligation.", "ar")
    assert "لميثاق منظمة الدول الأمريكية" in said and "لـميثاق" not in said
    assert joined_prefixes("بـالاختبار") == "بالاختبار" and joined_prefixes("لـالناتو") == "للناتو"
    assert joined_prefixes("لـ12 دولة") == "لـ12 دولة" and joined_prefixes("لـNATO") == "لـNATO"


def test_a_change_of_emphasis_is_not_named_like_a_change_of_modality():
    """E7: «تغيير في درجة التوكيد» ('change in the degree of assertion') for "change of emphasis" was nearly the
    label of a change of modality and fits T02 ('integral') and T05 ('this month') poorly; T02's note repeated
    itself («مصطلحًا اصطلاحيًا»)."""
    from helpers import load

    emphasis = i18n.text("change of emphasis", "ar")
    assert emphasis == "تحوّل في الدلالة أو التركيز" and emphasis != i18n.text("change of modality", "ar")
    assert i18n.text("T02 change of emphasis", "ar") == "T02 تحوّل في الدلالة أو التركيز"
    prose = load.table("prose_ar")
    t02 = prose[(prose["table"] == "translation_differences") & (prose["key"] == "T02")]["ar"].iloc[0]
    assert "مصطلحًا اصطلاحيًا" not in t02 and "مصطلحًا فنيًا راسخًا" in t02


def test_05s_population_axis_reads_as_an_arabic_unit():
    """E9: 05's population axis read «ملايين النسمات», an odd plural; Arabic statistics write the unit
    «السكان (مليون نسمة)»."""
    assert i18n.text("millions of people", "ar") == "السكان (مليون نسمة)"
