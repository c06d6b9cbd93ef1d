"""Arabic text as readers type it and as tests measure it: search normalisation and the share of Latin words.

``normalise`` folds what Arabic readers type in more than one way, the same way in the search index and in the
query (the search box applies the twin of this function, ``search_ui/search.js``): the hamza forms of alef (أ إ آ ٱ)
to bare alef, ta marbuta (ة) to ha (ه), alef maqsura (ى) to ya (ي), and drops diacritics (harakat, tanwin, shadda,
sukun, the superscript alef) and tatweel (ـ). Latin text is lower-cased and otherwise left alone.

    normalise("الأطلسيّ")  # 'الاطلسي'
    normalise("القابلة")   # 'القابله'
"""

from __future__ import annotations

import re

#: Folded letters: hamza forms of alef → alef, ta marbuta → ha, alef maqsura → ya.
FOLD = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
        "\u0629": "\u0647", "\u0649": "\u064A"}
#: Removed: harakat, tanwin, shadda, sukun (U+064B–U+0652), maddah/hamza marks above and below (U+0653–U+0655),
#: the superscript alef (U+0670), tatweel (U+0640) and the direction marks (LRM, RLM, ALM: «17%» carries CLDR's).
DROP = re.compile("[\u064B-\u0655\u0670\u0640\u200e\u200f\u061c]")
_FOLD_TABLE = str.maketrans(FOLD)

ARABIC_LETTER = re.compile("[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
_LATIN_WORD = re.compile(r"^[A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)*$")


def normalise(text: str) -> str:
    """``text`` folded for search (see the module docstring)."""
    return DROP.sub("", str(text or "")).translate(_FOLD_TABLE).lower()


def words(text: str) -> list[str]:
    """The words of ``text`` (letters only: digits, punctuation and symbols are not words)."""
    return _WORD.findall(text or "")


def is_latin(word: str) -> bool:
    return bool(_LATIN_WORD.match(word))


def latin_share(text: str, allowed=frozenset()) -> tuple[float, list[str]]:
    """``(share of Latin-script words not in allowed, those words)`` among all words of ``text``."""
    found = words(text)
    latin = [w for w in found if is_latin(w) and w not in allowed and not w.isupper()]
    return (len(latin) / len(found) if found else 0.0), latin
