"""The Arabic edition's counted nouns: a noun after a number takes the form its number asks for (CLDR's zero, one,
two, few, many, other), chosen by the message catalog's Plural-Forms, never by hand."""

from __future__ import annotations

import pytest

from helpers import i18n
from helpers.i18n import catalogs

_CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")


def test_the_catalogs_plural_forms_are_cldrs_arabic_rules():
    """The catalog's Plural-Forms header picks the same form as CLDR's Arabic plural rules (through Babel) for every
    count a page can show, and every plural entry has one Arabic form per category."""
    from babel import Locale

    rule = Locale.parse("ar").plural_form
    wrong = [n for n in range(0, 2500) if _CLDR_ORDER[catalogs.plural_index(str(n))] != rule(n)]
    assert wrong == []
    assert _CLDR_ORDER[catalogs.plural_index("1.1")] == rule(1.1) == "other"
    entries = [m for m in catalogs.read(catalogs.messages_path()) if m.pluralizable]
    assert len(entries) >= 8
    for m in entries:
        assert len(m.string) == 6 and all(m.string), m.id
        assert all("{num}" in form for form in m.string[3:]), m.id  # few, many, other show the figure


@pytest.mark.parametrize(("english", "arabic"), [
    ("0 exits in 52 member-years", "لا حالات خروج في 52 سنة عضوية"),
    ("1 exit in 36 member-years", "حالة خروج واحدة في 36 سنة عضوية"),
    ("2 exits in 1,212 member-years", "حالتا خروج في 1,212 سنة عضوية"),
    ("3 exits in 410 member-years", "3 حالات خروج في 410 سنوات عضوية"),
    ("11 exits in 100 member-years", "11 حالة خروج في 100 سنة عضوية"),
    ("75 years", "75 سنة"),
    ("4 years", "4 سنوات"),
    ("16 data files read", "16 ملفَّ بيانات مقروءًا"),
    ("Russia and China held 410 nuclear warheads in January 2024, fewer than NATO's members (5,759).",
     "امتلكت روسيا والصين 410 رؤوس نووية في يناير 2024، أقل مما يملكه أعضاء الناتو (5,759)."),
    ("6,299 warheads", "6,299 رأسًا نوويًا"),
    ("12 dated events bear on P9", "12 حدثًا مؤرخًا تتصل بالفقرة P9"),
    ("3 dated events bear on P9", "3 أحداث مؤرخة تتصل بالفقرة P9"),
    ("5 states held an SCO status on 31 December 2001", "5 دول حملت وضعًا في منظمة شنغهاي للتعاون في 31 ديسمبر 2001"),
    ("41 dated steps in the life of 12 treaties", "41 خطوة مؤرخة في عمر 12 معاهدة"),
    ("11 wars meet the rule, 1992–2024", "11 حربًا تستوفي القاعدة، 1992–2024"),
    ("By 5 February 2026, 5 of 12 treaties had been left, suspended or abandoned by the US or Russia; 1 ended as "
     "planned (a successor signed or in force), 2 expired without a successor.",
     "بحلول 5 فبراير 2026، كانت الولايات المتحدة أو روسيا قد غادرت 5 من 12 معاهدة أو علّقتها أو تخلّت عنها؛ وانتهت "
     "واحدة كما كان مقررًا (وُقّعت معاهدة تخلفها أو دخلت حيز النفاذ)، وانقضت اثنتان دون معاهدة تخلفها."),
    ("12 arms-control treaties and 4 wars, 1972–2026", "12 معاهدة للحد من التسلح و4 حروب، 1972–2026"),
    ("9 data files read", "9 ملفات بيانات مقروءة"),
    ("NATO had 16 members on 31 December 1991, against 12 at the end of 1949",
     "كان للناتو 16 عضوًا في 31 ديسمبر 1991، مقابل 12 في نهاية 1949"),
    ("SCO had 9 members on 31 December 2023, against 6 at the end of 2001",
     "كان لمنظمة شنغهاي للتعاون 9 أعضاء في 31 ديسمبر 2023، مقابل 6 في نهاية 2001"),
])
def test_a_counted_noun_agrees_with_its_number(english, arabic):
    """02's exit-rate labels read «0 حالة خروج في 52 سنة عضوية» and «3 حالة خروج»: the noun never followed its
    number. Now each count takes its own form."""
    assert i18n.text(english, "ar") == arabic


def test_a_count_with_no_plural_entry_leaves_the_sentence_in_english():
    """A counted placeholder whose noun the catalog does not know never puts an English noun inside Arabic."""
    english = "0 comets in 52 member-years"
    assert i18n.text(english, "ar") == english


def test_a_plural_entry_names_its_number():
    """A plural entry without a number placeholder cannot choose a form: the catalog is refused with its name."""
    from types import SimpleNamespace

    with pytest.raises(ValueError, match=r"messages.po: plural entry 'an exit' must hold exactly one number"):
        catalogs._plural_patterns(SimpleNamespace(id=("an exit", "exits"), string=("",) * 6))
