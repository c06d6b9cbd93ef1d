"""Arabic nouns after a figure, in the form the figure asks for, and lists joined the Arabic way.

A catalog sentence is written once for every count ("{a} فقرة في {b} أقسام"), so the noun after a placeholder
must follow the number a page fills in. Arabic counts as CLDR's Arabic plural rules (through Babel) sort numbers:

- 1 (*one*): the noun, then «واحد/واحدة» — «قسم واحد», never «1 قسم»;
- 2 (*two*): the dual alone — «قسمان», or «قسمين» after a preposition («في قسمين»);
- 3–10, 103–110 … (*few*): the figure and the plural, genitive — «3 أقسام»;
- 11–99, 111–199 … (*many*): the figure and the singular, accusative — «19 فقرةً» (written «19 فقرة»), «32 عضوًا»;
- 0, 100–102, 1,000 … (*zero*, *other*) and every fraction: the figure and the singular, genitive — «100 عضو».

:func:`agree` rewrites a figure's noun (and the adjective that goes with it) by :data:`NOUNS`; a noun not listed
is left as written. :func:`joined` joins the items of a list with «و» before each item after the first
(CLDR's Arabic list pattern through Babel), never with commas and one «و» before the last.
"""

from __future__ import annotations

import functools
import re

#: Counted nouns: (one, two, two after a preposition, few, many, other) — each form as written after its figure.
NOUNS = (
    ("عضو واحد", "عضوان", "عضوين", "أعضاء", "عضوًا", "عضو"),
    ("عضو رسمي واحد", "عضوان رسميان", "عضوين رسميين", "أعضاء رسميين", "عضوًا رسميًا", "عضو رسمي"),
    ("مراقب أو شريك واحد", "مراقبان أو شريكان", "مراقبين أو شريكين", "مراقبين أو شركاء", "مراقبًا أو شريكًا",
     "مراقب أو شريك"),
    ("دولة واحدة", "دولتان", "دولتين", "دول", "دولة", "دولة"),
    ("دولة مشاركة واحدة", "دولتان مشاركتان", "دولتين مشاركتين", "دول مشاركة", "دولة مشاركة", "دولة مشاركة"),
    ("سنة واحدة", "سنتان", "سنتين", "سنوات", "سنة", "سنة"),
    ("عام واحد", "عامان", "عامين", "أعوام", "عامًا", "عام"),
    ("فقرة واحدة", "فقرتان", "فقرتين", "فقرات", "فقرة", "فقرة"),
    ("قسم واحد", "قسمان", "قسمين", "أقسام", "قسمًا", "قسم"),
    ("دفتر واحد", "دفتران", "دفترين", "دفاتر", "دفترًا", "دفتر"),
    ("بُعد واحد", "بُعدان", "بُعدين", "أبعاد", "بُعدًا", "بُعد"),
    ("مجموعة واحدة", "مجموعتان", "مجموعتين", "مجموعات", "مجموعة", "مجموعة"),
    ("مبدأ واحد", "مبدآن", "مبدأين", "مبادئ", "مبدأً", "مبدأ"),
    ("ميثاق دفاع واحد", "ميثاقا دفاع", "ميثاقي دفاع", "مواثيق دفاع", "ميثاق دفاع", "ميثاق دفاع"),
    ("معاهدة واحدة", "معاهدتان", "معاهدتين", "معاهدات", "معاهدة", "معاهدة"),
    ("معاهدة موقَّعة واحدة", "معاهدتان موقَّعتان", "معاهدتين موقَّعتين", "معاهدات موقَّعة", "معاهدة موقَّعة",
     "معاهدة موقَّعة"),
    ("وثيقة واحدة", "وثيقتان", "وثيقتين", "وثائق", "وثيقة", "وثيقة"),
    ("وثيقة مقروءة واحدة", "وثيقتان مقروءتان", "وثيقتين مقروءتين", "وثائق مقروءة", "وثيقة مقروءة", "وثيقة مقروءة"),
    ("قراءة واحدة", "قراءتان", "قراءتين", "قراءات", "قراءة", "قراءة"),
    ("خلية مرمَّزة واحدة", "خليتان مرمَّزتان", "خليتين مرمَّزتين", "خلايا مرمَّزة", "خلية مرمَّزة", "خلية مرمَّزة"),
    ("تغيّر واحد", "تغيّران", "تغيّرين", "تغيّرات", "تغيّرًا", "تغيّر"),
    ("كلمة واحدة", "كلمتان", "كلمتين", "كلمات", "كلمة", "كلمة"),
    ("موجة انضمام واحدة", "موجتا انضمام", "موجتي انضمام", "موجات انضمام", "موجة انضمام", "موجة انضمام"),
)
_FORMS = {"one": 0, "two": 1, "few": 3, "many": 4, "other": 5, "zero": 5}
#: Words after which a dual takes its oblique form: prepositions («في قسمين», «من عضوين») and the subjects of the
#: catalog's verbs whose object the count is («تقبل القاعدة ميثاقي دفاع», «تسجّل البيانات حدثين»).
_PREPOSITIONS = ("من", "إلى", "في", "على", "عن", "عند", "مع", "بين", "حتى", "نحو", "لدى", "مقابل", "القاعدة",
                 "البيانات")
#: A figure that names a year, not a count («عام 2024 دولة» never occurs; «منذ 1995» is not counted).
_YEAR_BEFORE = ("عام", "العام", "لعام", "سنة", "منذ", "نهاية")


@functools.lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    owner = {}
    for entry in NOUNS:
        for form in entry:
            owner.setdefault(form, entry)
    forms = sorted(owner, key=len, reverse=True)  # «دولة مشاركة» before «دولة»
    alternatives = "|".join(re.escape(f) for f in forms)
    return (re.compile(r"(?<![\w.,\u066B\u066C])(?P<before>(?:(?P<word>[\u0621-\u064A]+) )?)"
                       r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?) "
                       rf"(?P<noun>{alternatives})(?![\u0621-\u0652\u0670])"), owner)


def category(figure: str) -> str:
    """CLDR's Arabic plural category of a figure as written ('1,212' → 'many'; '1.5' → 'other')."""
    from babel import Locale

    value = float(figure.replace(",", ""))
    return Locale.parse("ar").plural_form(int(value)) if value.is_integer() else "other"


def _agreed(m: re.Match, owner) -> str:
    word, figure, entry = m.group("word") or "", m.group("num"), owner[m.group("noun")]
    if word in _YEAR_BEFORE and len(figure) == 4:
        return m.group(0)
    kind = category(figure)
    before = m.group("before")
    if kind == "two":  # «في قسمين», «وفي قسمين», «كان له عضوان»
        oblique = word in _PREPOSITIONS or (word[:1] in "وف" and word[1:] in _PREPOSITIONS)
        return before + entry[2 if oblique else 1]
    if kind == "one":
        return before + entry[0]
    return f"{before}{figure} {entry[_FORMS[kind]]}"


def agree(text: str) -> str:
    """``text`` with each listed noun after a figure in the form that figure takes (see the module docstring):
    «في 2 أقسام» → «في قسمين», «19 فقرات» → «19 فقرة», «كان للناتو 1 أعضاء» → «كان للناتو عضو واحد»."""
    if not text or not any(c.isdigit() for c in text):
        return text
    regex, owner = _pattern()
    return regex.sub(lambda m: _agreed(m, owner), text)


def items(english: str) -> list[str] | None:
    """The items of an English list as the helpers write it ('A, B and C', 'A and B'); None for anything else."""
    head, sep, last = english.rpartition(" and ")
    if not sep or not head:
        return None
    return [p.strip() for p in head.rstrip(",").split(", ")] + [last.strip()]


def joined(parts: list[str]) -> str:
    """Arabic list: «و» joined to each item after the first («الناتو ومنظمة شنغهاي للتعاون ومنظمة معاهدة الأمن
    الجماعي»), CLDR's Arabic list pattern through Babel."""
    from babel.lists import format_list

    parts = [p for p in parts if p]
    return parts[0] if len(parts) == 1 else format_list(parts, locale="ar") if parts else ""
