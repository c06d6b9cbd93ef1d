"""Dates, numbers and place names for each edition, from CLDR through Babel (never typed by hand).

Digits: the Arabic edition writes Western Arabic digits (0–9), CLDR's default numbering system for ``ar`` and the
digits the article itself uses ("29 فبراير 2024"); charts then show the same digits as the text around them, and a
reader can search a year typed either way. Months are CLDR's Arabic month names (يناير … ديسمبر), as in the article.
Separators are those of CLDR's ``ar`` locale with Latin digits (``1,338``; ``1.34``).

Percentages: CLDR's ``ar`` pattern is ``#,##0%`` (the sign after the number, «17%», as Arabic publications with Western
digits print it) and its percent sign for Latin digits is «%» between two left-to-right marks (U+200E). The marks
matter: after an Arabic word the bidirectional algorithm reads «17» as an Arabic number and the «%» as neutral, so
«… دولار · 17%» shows «%17» in a right-to-left line; with the marks the number and its sign stay one run. Babel
keeps the pattern's bare «%», so :func:`percent` and :func:`percent_marks` put CLDR's sign in.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import re

NUMBERING = "latn"


@functools.lru_cache(maxsize=4)
def _locale(lang: str):
    from babel import Locale

    return Locale.parse(lang)


def _date(value) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = "" if value is None else str(value)
    try:
        day = _dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
    return day if len(text) == 10 or not text[10:].strip("T0: ") else None


def day(value, lang: str = "ar") -> str:
    """An ISO date as a reader's date: '1949-04-04' → '4 أبريل 1949' (other text unchanged)."""
    d = _date(value)
    if d is None:
        return "" if value is None else str(value)
    from babel.dates import format_date

    return format_date(d, "d MMMM y", locale=_locale(lang))


def month(value, lang: str = "ar") -> str:
    d = _date(value)
    if d is None:
        return "" if value is None else str(value)
    from babel.dates import format_date

    return format_date(d, "MMMM y", locale=_locale(lang))


def number(value, lang: str = "ar", digits: int | None = None) -> str:
    """A number with the locale's separators and Western digits ('' for missing)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    from babel.numbers import format_decimal

    fmt = None if digits is None else ("#,##0" + ("." + "0" * digits if digits else ""))
    return format_decimal(value, format=fmt, locale=_locale(lang), numbering_system=NUMBERING)


def compact(value, lang: str = "ar", digits: int = 2) -> str:
    """A large count in words: 972_000_000 → '972 مليون'; 1.3383e12 → '1.34 تريليون'."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    from babel.numbers import format_compact_decimal

    if abs(float(value)) < 1e6:
        return number(value, lang, 0)
    said = format_compact_decimal(value, format_type="long", fraction_digits=digits, locale=_locale(lang),
                                  numbering_system=NUMBERING)
    return said.replace("ترليون", "تريليون")  # CLDR's spelling; Arabic journals and dictionaries write «تريليون»


def percent(share, lang: str = "ar", digits: int = 0) -> str:
    """A share as a percentage with CLDR's percent sign: 0.17 → '17\u200e%\u200e' in Arabic (shows «17%»)."""
    from babel.numbers import format_percent

    fmt = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return percent_marks(format_percent(share, format=fmt, locale=_locale(lang), numbering_system=NUMBERING), lang)


def percent_sign(lang: str = "ar") -> str:
    """CLDR's percent sign for ``lang`` with Western digits ('\u200e%\u200e' in Arabic, '%' in English)."""
    return _locale(lang).number_symbols[NUMBERING]["percentSign"]


#: a number's percent sign (with any marks already around it); never the «%2F» of a percent-encoded URL
_PERCENT = re.compile(r"(?<=\d)[\u200e\u200f\u061c]?%\u200e?(?![0-9A-Fa-f]{2})")


def percent_marks(text: str, lang: str = "ar") -> str:
    """``text`` with each number's «%» as CLDR's sign for ``lang``, so «… دولار · 17%» reads «17%», not «%17», in a
    right-to-left line (see the module docstring); idempotent, and English text is unchanged."""
    if lang == "en" or not isinstance(text, str) or "%" not in text:
        return text
    return _PERCENT.sub(percent_sign(lang), text)


@functools.lru_cache(maxsize=512)
def territory(iso3: str, lang: str = "ar") -> str:
    """A state's or territory's name from CLDR by its ISO 3166 alpha-3 code ('' when CLDR has none)."""
    import pycountry

    found = pycountry.countries.get(alpha_3=str(iso3).upper()) if iso3 else None
    if found is None:
        return ""
    return _locale(lang).territories.get(found.alpha_2, "")


@functools.lru_cache(maxsize=1)
def country_names() -> tuple[tuple[str, str], ...]:
    """Every (English name, ISO 3166 alpha-3 code) pycountry knows: its name and common name."""
    import pycountry

    out = []
    for c in pycountry.countries:
        out += [(n, c.alpha_3) for n in {c.name, getattr(c, "common_name", c.name)}]
    return tuple(sorted(out))
