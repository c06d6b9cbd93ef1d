"""Sentences and numbers of the Arabic edition (``helpers.i18n``: catalog patterns and CLDR forms): 02's sentences
about NATO's comparisons in Arabic, counted comparisons that agree with their number, «تريليون» (not «ترليون»), and
the index's data version isolated left to right so it never reads «(hash) 0.3.0.»."""

from __future__ import annotations

import re

import pandas as pd

from helpers import i18n, paths
from helpers.i18n import arabic, catalogs, forms
from helpers.tables import pact_census_words

NATO, CSTO = "حلف شمال الأطلسي (الناتو)", "منظمة معاهدة الأمن الجماعي"


def _arabic_whole(text: str) -> bool:
    return bool(arabic.ARABIC_LETTER.search(text)) and not i18n._CLAUSE.search(text)


def _tests(separate: int, below_5: int, pacts: int) -> pd.DataFrame:
    p = [0.001] * separate + [0.03] * (below_5 - separate) + [0.5] * (pacts - below_5)
    return pd.DataFrame({"p": p, "separate": [True] * separate + [False] * (pacts - separate)})


def test_02s_pairwise_title_counts_comparisons_that_agree_with_their_number():
    one = i18n.text(pact_census_words.tests_title(_tests(1, 4, 12)), "ar")
    assert _arabic_whole(one), one
    assert "تتمايز مقارنة واحدة" in one and "4 مقارنات" in one and "NATO" not in one
    none = i18n.text(pact_census_words.tests_title(_tests(0, 1, 9)), "ar")
    assert "لا تتمايز أي مقارنة" in none and "وكانت مقارنة واحدة" in none and "0 " not in none


def test_02s_glance_and_robustness_sentences_read_in_arabic():
    said = (f"only {NATO} below {CSTO} separates at 5% (p = 0.00023; 0.0027 after Holm's adjustment for "
            f"{NATO}'s 12 comparisons)")
    glance = ("On ATOP's member spells up to 31 ديسمبر 2016, the 13 defence pacts the rule admits lost members too "
              f"rarely to be ranked: tested against each other pact, {said}.")
    checks = [f"Counting denunciations only, no comparison separates ({NATO} against {CSTO}: p = 1, 1 on {NATO}'s "
              "12 comparisons): the finding does not survive this alternative.",
              f"Counting an exit from nested agreements on one day once, the same comparisons separate ({NATO} "
              f"against {CSTO}: p = 0.00023, 0.0027 on {NATO}'s 12 comparisons): the finding holds.",
              "The result does not survive counting denunciations only or counting a joint act once; it "
              "survives counting an exit from nested agreements on one day once (p = 0.00023; 0.0027 on "
              f"{NATO}'s 12 comparisons). It also survives the 34-pact pool without the permanent-member condition "
              f"(p = 0.00023; 0.0075 on {NATO}'s 33 comparisons), failing only if all 561 pairs of the pool are "
              "corrected for (0.13).",
              f"Counting every exit and testing NATO against each other pact, {said}."]
    for english in [glance, *checks]:
        shown = i18n.text(english, "ar")
        assert _arabic_whole(shown), shown
    assert "12 مقارنة" in i18n.text(glance, "ar") and "(ATOP)" in i18n.text(glance, "ar")


def test_trillion_is_spelt_as_arabic_journals_spell_it():
    assert forms.compact(1.3383e12, "ar") == "1.34 تريليون"  # CLDR's Arabic data spells it «ترليون»
    sources = [catalogs.messages_path(), *sorted(catalogs.LOCALE_NOTEBOOKS.glob("ar/*.po")),
               *sorted(paths.DATA.glob("*_ar.csv")), paths.DATA / "prose_ar.csv"]
    left = [p.name for p in sources if p.exists() and "ترليون" in p.read_text(encoding="utf-8")]
    assert left == []


def test_the_index_isolates_the_data_version_left_to_right():
    """«0.3.0 (42acd078607b)» inside Arabic prose reordered to «(42acd078607b) 0.3.0.» without an isolate of its own
    direction; every place the index and the sweep pages print it isolates it left to right."""
    folder = paths.ROOT / "src" / "helpers" / "templates" / "page"
    for name in ("index.html.j2", "sweep.html.j2"):
        text = (folder / name).read_text(encoding="utf-8")
        shown = re.findall(r"(<bdi[^>]*>)<code>\{\{ data_version \}\}", text)
        assert shown and all('dir="ltr"' in tag for tag in shown), (name, shown)
        assert "{{ data_version }}" not in re.sub(r'<bdi dir="ltr"><code>\{\{ data_version \}\}', "", text), name
