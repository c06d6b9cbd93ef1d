"""Arabic grammar in the sentences the helpers compute (issue 24, E6): a noun after a figure takes the form Arabic
gives that figure (1: noun + «واحد»; 2: the dual, oblique after a preposition; 3–10: the plural; 11–99: the
singular accusative; 100–102 and round hundreds: the singular genitive), and a list joins every item after the
first with «و», never with commas and one «و» before the last."""

from __future__ import annotations

import pytest

from helpers import i18n
from helpers.i18n import counted

RULES = [  # (figure, what the noun «عضو» must read after it), by CLDR's Arabic plural categories
    ("1", "عضو واحد"), ("2", "عضوان"), ("3", "3 أعضاء"), ("10", "10 أعضاء"), ("11", "11 عضوًا"),
    ("32", "32 عضوًا"), ("99", "99 عضوًا"), ("100", "100 عضو"), ("102", "102 عضو"), ("103", "103 أعضاء"),
    ("111", "111 عضوًا"), ("1,000", "1,000 عضو"), ("0", "0 عضو"),
]


@pytest.mark.parametrize(("figure", "said"), RULES)
def test_a_figure_gives_its_noun_the_arabic_form_of_its_count(figure, said):
    for written in ("عضو", "عضوًا", "أعضاء"):  # whichever form the catalog sentence was written with
        assert counted.agree(f"كان للناتو {figure} {written} في ذلك اليوم") == f"كان للناتو {said} في ذلك اليوم"


def test_a_dual_after_a_preposition_or_as_an_object_is_oblique():
    assert counted.agree("بقيت منظمة معاهدة الأمن الجماعي عند 2 أعضاء") == "بقيت منظمة معاهدة الأمن الجماعي عند عضوين"
    assert counted.agree("في 2 أقسام") == "في قسمين"
    assert counted.agree("تقبل القاعدة 2 مواثيق دفاع") == "تقبل القاعدة ميثاقي دفاع"
    assert counted.agree("2 فقرات للتشخيص") == "فقرتان للتشخيص"


def test_an_adjective_agrees_with_its_counted_noun_and_unlisted_words_stay():
    assert counted.agree("بقي الناتو عند 5 عضوًا رسميًا") == "بقي الناتو عند 5 أعضاء رسميين"
    assert counted.agree("في 12 وثيقة مقروءة") == "في 12 وثيقة مقروءة"
    assert counted.agree("في 7 وثيقة مقروءة") == "في 7 وثائق مقروءة"
    for same in ("567 مليار دولار", "منذ 1995 دولة", "P11 فقرة", "1.34 تريليون", "الـ12 دولة"):
        assert counted.agree(same) == same


@pytest.mark.parametrize(("english", "arabic"), [
    # the catalog writes «{n} عضوًا» (right for 11–99): a map's caption for ten members read «10 عضوًا»
    ("SCO on 4 July 2024: 10 members", "منظمة شنغهاي للتعاون في 4 يوليو 2024: 10 أعضاء"),
    ("SCO on 4 July 2024: 26 members", "منظمة شنغهاي للتعاون في 4 يوليو 2024: 26 عضوًا"),
    # «{a} فقرات … في {c} أقسام»: nineteen paragraphs read «19 فقرات», two sections «2 أقسام»
    ("19 paragraphs of diagnosis, then 10 on principles and form, in 2 sections",
     "19 فقرة للتشخيص، ثم 10 للمبادئ والشكل، في قسمين"),
    ("NATO grew from 12 to 32 members by 7 March 2024, in 10 rounds of accession",
     "نما الناتو من 12 عضوًا إلى 32 بحلول 7 مارس 2024، في 10 موجات انضمام"),
    ("NATO grew from 12 to 16 members by 31 December 1991, in 3 rounds of accession",
     "نما الناتو من 12 عضوًا إلى 16 بحلول 31 ديسمبر 1991، في 3 موجات انضمام"),
])
def test_computed_sentences_follow_the_rules_in_the_arabic_edition(english, arabic):
    assert i18n.text(english, "ar") == arabic


def test_a_list_of_names_joins_every_item_with_waw():
    """Five states that froze their participation read «أرمينيا وبيلاروس وكازاخستان، قيرغيزستان وطاجيكستان»."""
    english = ("That counts formal membership; counting active ties only, as notebook 08 does, it is 5: Armenia, "
               "Belarus, Kazakhstan, Kyrgyzstan and Tajikistan had frozen or suspended participation.")
    said = i18n.text(english, "ar")
    assert "أرمينيا وبيلاروس وكازاخستان وقيرغيزستان وطاجيكستان" in said and "،  قيرغيزستان" not in said
    assert "، قيرغيزستان" not in said
    assert counted.joined(["الناتو", "منظمة شنغهاي للتعاون", "روسيا"]) == "الناتو ومنظمة شنغهاي للتعاون وروسيا"
    assert counted.items("A, B, C and D") == ["A", "B", "C", "D"] and counted.items("A, B") is None
