"""The collection's two editions, English and Arabic: which one is being built, and the words of the Arabic one.

``NATO_LANG`` (read by :func:`helpers.paths.language`) names the edition a process works for; the build sets it
for each edition's kernels and renderer (``python -m helpers.pipeline --lang ar``), so labels, dates, numbers and
sentences all follow it. English is the source language: with ``en`` every function here returns its input.

- :func:`text` — a reader's sentence or word in the edition's language: the message catalog (exact, then
  patterns with placeholders), the names of states (CLDR through Babel) and organisations, the labels of
  ``data/labels.csv``; unchanged when nothing is known.
- :func:`gettext` — a page's own word (navigation, headings), exact match only.
- :func:`translate_markdown` — a notebook's prose and headings from its catalog (``notebooks/locale/ar``).
- :mod:`~helpers.i18n.forms` — dates and numbers through Babel's Arabic locale (Western digits, see there).
- :mod:`~helpers.i18n.arabic` — search normalisation and the share of Latin words (the edition's checks).

``python -m helpers.i18n extract`` updates the notebook catalogs from the notebooks; ``… check`` counts what is
translated, out of date (fuzzy) or missing.
"""

from __future__ import annotations

import functools
import re

from helpers import paths
from helpers.i18n import catalogs, counted, forms
from helpers.i18n.catalogs import gettext, messages, translate_markdown

__all__ = ["EDITIONS", "DIRECTION", "direction", "edition_dir", "gettext", "names", "text", "claim_texts",
           "translate_markdown", "counterpart", "catalog_digest"]

EDITIONS = ("en", "ar")
DIRECTION = {"en": "ltr", "ar": "rtl"}
ARTICLE = "alahalygate-neutralizing-nato"  # the article's row in data/sources.csv
#: Where each edition lives under ``reports/``: the English at the top, the Arabic in ``ar/``.
FOLDER = {"en": "", "ar": "ar"}


def direction(lang: str | None = None) -> str:
    return DIRECTION[lang or paths.language()]


def edition_dir(reports, lang: str):
    """The folder of an edition under the reports folder."""
    return reports / FOLDER[lang] if FOLDER[lang] else reports


def counterpart(output: str, lang: str) -> tuple[str, str]:
    """``(language, relative URL)`` of the same page in the other edition, seen from a page of ``lang``."""
    return ("ar", f"ar/{output}") if lang == "en" else ("en", f"../{output}")


def catalog_digest(lang: str, stem: str | None = None) -> str:
    """The hash of the catalogs an edition's page depends on ("" for English, which has none)."""
    if lang == "en":
        return ""
    from helpers.i18n import catalogs

    files = [catalogs.messages_path(lang), paths.DATA / "labels.csv", paths.DATA / "paragraphs_ar.csv",
             paths.DATA / "claims_ar.csv", paths.DATA / "claims.csv", paths.DATA / "prose_ar.csv"]
    if stem:
        files.append(catalogs.notebook_catalog_path(stem, lang))
    return catalogs.digest(*files)


# ---------------------------------------------------------------------------------------------- names


def _rows(name: str) -> list[dict]:
    """The rows of a data file as text, after the loader's checks (characters, types, keys: a bad file stops the
    page with the loader's one-line error instead of putting its text into the Arabic edition unchecked)."""
    from helpers import load

    path = paths.DATA / name
    if not path.exists():
        return []
    return load.text_rows(path.stem, paths.DATA)


@functools.lru_cache(maxsize=2)
def names(lang: str = "ar") -> dict[str, str]:
    """``{English word: word in lang}`` from the data: label columns of ``labels.csv``, organisations' names,
    states' names (CLDR through Babel; ``labels.csv`` for states CLDR does not hold, such as the USSR), claims
    (``claims_ar.csv``) and the tables' prose (``prose_ar.csv``, see :mod:`helpers.i18n.prose`)."""
    out: dict[str, str] = {}
    if lang == "en":
        return out
    by_code: dict[str, str] = {}
    for row in _rows("labels.csv"):
        if row.get("label") and row.get("label_ar"):
            out.setdefault(row["label"], row["label_ar"])
            if row.get("column") == "iso3" and row.get("value"):
                by_code[row["value"]] = row["label_ar"]
    for row in _rows("principles.csv"):
        if row.get("label") and row.get("label_ar"):
            out.setdefault(row["label"], row["label_ar"])
    for row in _rows("organisations.csv"):
        if row.get("name") and row.get("name_ar"):
            out.setdefault(row["name"], row["name_ar"])
    for row in _rows("states.csv"):
        arabic = by_code.get(row["iso3"]) or forms.territory(row["iso3"], lang)
        if row.get("name") and arabic:
            out[row["name"]] = arabic
    for english, code in _shape_codes():  # the boundary file's short names ('Dem. Rep. Congo'), by the shape's code
        arabic = by_code.get(code) or forms.territory(code, lang)
        if arabic:
            out.setdefault(english, arabic)
    for english, code in forms.country_names():  # states named by tables outside states.csv (02's pact exits)
        arabic = by_code.get(code) or forms.territory(code, lang)
        if arabic:
            out.setdefault(english, arabic)
    out.update(claim_texts())
    from helpers.i18n import prose

    for english, arabic in prose.lookup().items():  # the data's prose (data/prose_ar.csv), by its English
        out.setdefault(english, arabic)
    out.update(paragraph_cards())
    return out


def _shape_codes() -> list[tuple[str, str]]:
    """(name, ISO alpha-3 code) of every shape of the boundary file that has a numeric code: a map's tooltip shows
    Natural Earth's short names ('Central African Rep.'), which no word list holds; shapes without a code (Kosovo,
    Somaliland, N. Cyprus) are named in the catalog. The file is read directly, not through the loader, which would
    log it as data the page read: only its names are keys here, and the Arabic comes from CLDR by code."""
    import json

    import pycountry

    from helpers.load.readers import BOUNDARIES

    path = paths.DATA / BOUNDARIES
    if not path.exists():
        return []
    out = []
    for g in json.loads(path.read_text(encoding="utf-8"))["objects"]["countries"]["geometries"]:
        found = pycountry.countries.get(numeric=g["id"]) if "id" in g else None
        if found is not None:
            out.append((g["properties"]["name"], found.alpha_3))
    return out


def claim_texts() -> dict[str, str]:
    """``{English claim: the Arabic edition's claim}``: our Arabic (``data/claims_ar.csv``, keyed by the English it
    translates, so a changed claim shows in English until translated again) followed by the article's own words
    it rests on (``arabic_phrase`` of ``data/claims.csv``, verbatim, at most 15 words) in guillemets."""
    phrases = {r["claim_id"]: (r.get("arabic_phrase") or "").strip() for r in _rows("claims.csv")}
    out = {}
    for row in _rows("claims_ar.csv"):
        if row.get("claim_en") and row.get("claim_ar"):
            phrase = phrases.get(row["claim_id"], "")
            out[row["claim_en"]] = f"{row['claim_ar']} — نص المقال: «{phrase}»" if phrase else row["claim_ar"]
    return out


def paragraph_cards() -> dict[str, str]:
    """``{English paraphrase: the Arabic card}``: our Arabic paraphrase (``data/paragraphs_ar.csv``) beside the
    article's own words (at most 15, verbatim) with the paragraph's number and the article's URL."""
    url = next((r["url"] for r in _rows("sources.csv") if r.get("source_id") == ARTICLE), "")
    arabic = {r["paragraph"]: r for r in _rows("paragraphs_ar.csv")}
    out = {}
    for row in _rows("paragraphs.csv"):
        card = arabic.get(row["paragraph"])
        if card and row.get("paraphrase"):
            out[row["paraphrase"]] = (f"{card['paraphrase_ar']} — نص المقال: «{card['quote_ar']}» "
                                      f"({row['paragraph']}، {url})")
    return out


# ---------------------------------------------------------------------------------------------- sentences

_DATE = re.compile(r"^(\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\d{4})$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTHS = {m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                                       "Nov", "Dec"), start=1)}
#: A pattern whose own words are this short ("{a} and {b}") applies only when every placeholder's value found
#: its Arabic (or holds no Latin letters).
WEAK = 8
#: A pattern whose own words are this short ("{a}, {b}, {c} and {d}") joins names, never the items of a list.
JOINS = 16
_ARABIC = re.compile("[\u0600-\u06FF]")
_LATIN = re.compile("[A-Za-z]")
_NUMBER = re.compile(r"^-?\d{1,3}(?:,\d{3})*(?:\.\d+)?$|^-?\d+(?:\.\d+)?$")


def _date_text(value: str, lang: str) -> str | None:
    m = _DATE.match(value)
    if m:
        import datetime as _dt

        return forms.day(_dt.date(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1))), lang)
    if _ISO.match(value):
        return forms.day(value, lang)
    return None


def _piece(value: str, lang: str, depth: int) -> str:
    """One placeholder's value in ``lang``: a date, a number, a known word or sentence, else unchanged."""
    stripped = value.strip()
    if not stripped:
        return value
    date = _date_text(stripped, lang)
    if date is not None:
        return date
    if _NUMBER.match(stripped):
        return stripped
    found = _text(stripped, lang, depth + 1)
    if ", " in stripped:  # a list of names ("A, B and C"): each in turn, when every one is known, joined with «و»
        parts = [_text(p, lang, depth + 1) for p in counted.items(stripped) or stripped.split(", ")]
        if all(_translated(p) for p in parts) and (found == stripped or counted.items(stripped)):
            return counted.joined(parts)
    return found


#: A paragraph's number alone ("P11"): the project's shared reference, never relabelled in either edition (a list's
#: «C53 · P11» beside «C40 · P19»); running prose says «الفقرة P11» in its own words.
_PARAGRAPH = re.compile(r"^P\d{1,2}$")


@functools.lru_cache(maxsize=8192)
def _text(value: str, lang: str, depth: int = 0) -> str:
    if _PARAGRAPH.match(value):
        return value
    exact, patterns = messages(lang)
    if value in exact:
        return exact[value]
    known = names(lang)
    if value in known:
        return known[value]
    stripped = value.strip()
    if stripped != value and stripped:
        inner = _text(stripped, lang, depth)
        if inner != stripped:
            return inner
    if depth > 5:
        return value
    sentences = _SENTENCE.split(stripped)
    if len(sentences) > 1:  # a finding or caption joined from sentences that are each known ("… It reverses: …"),
        done = [_text(s, lang, depth) for s in sentences]  # before a pattern's placeholder swallows the rest
        if all(a != b for a, b in zip(done, sentences)):
            return " ".join(done)
    found = _by_pattern(value, patterns, lang, depth)
    if found is not None:
        return found
    date = _date_text(stripped, lang)
    if date is not None:
        return date
    if len(sentences) > 1:  # some of its sentences known: those in Arabic, the others as they are
        done = [_text(s, lang, depth) for s in sentences]
        if any(a != b for a, b in zip(done, sentences)):
            return " ".join(done)
    found = _by_parts(stripped, lang, depth)
    return value if found is None else found


def _by_pattern(value: str, patterns, lang: str, depth: int) -> str | None:
    """``value`` through the first catalog pattern that matches it with its placeholders translated; None when none
    does."""
    for pat in patterns:
        m = pat.regex.match(value)
        if m:
            if len(pat.names) > 1 and pat.literal < JOINS and any(sep in v for v in m.groupdict().values()
                                                                  for sep, _ in _LISTS):
                continue  # "{a} and {b}" joins names, never the items of a list ("SCO; SCO without India and …")
            if pat.forms:  # a counted noun: the form its number takes
                number = m.group(pat.names[0])
                return pat.forms[catalogs.plural_index(number, lang)].format(**{pat.names[0]: number})
            pieces = {k: _piece(v, lang, depth) for k, v in m.groupdict().items()}
            if any(catalogs.COUNTED.match(k) and not _ARABIC.search(pieces[k]) for k in pieces):
                continue  # a counted noun with no plural entry: never an English noun inside an Arabic sentence
            if pat.literal < WEAK and not all(_translated(v) for v in pieces.values()):
                continue  # "{a} and {b}" joins translated words only, never half an English sentence
            if pat.literal < JOINS and any(_clause(v) for v in pieces.values()):
                continue  # "{a}, {b}, {c} and {d}" never joins clauses of an English sentence with «و»
            return counted.agree(joined_prefixes(pat.template.format(**pieces)))
    return None


#: A one-letter preposition joined with a tatweel to a placeholder ("لـ{pact}", "بـ{p}"): the tatweel belongs before
#: a Latin letter or a digit («لـ12»), never before an Arabic word («لميثاق», not «لـميثاق»).
_JOINED = re.compile(r"(?<![\u0621-\u064A\u0640])([لبك])\u0640(?=[\u0621-\u064A])")


def joined_prefixes(text: str) -> str:
    """``text`` with a preposition's tatweel dropped where an Arabic word follows it, and «لـال» written «لل»
    («لـميثاق» → «لميثاق», «بـالاختبار» → «بالاختبار», «لـالناتو» → «للناتو»); «لـ12» and «لـNATO» keep it."""
    text = re.sub(r"(?<![\u0621-\u064A\u0640])لـال", "لل", text)
    return _JOINED.sub(r"\1", text)


def _by_parts(stripped: str, lang: str, depth: int) -> str | None:
    """A known name with a score after it, or a list of known words, translated part by part; None otherwise."""
    scored = _SCORED.match(stripped)
    if scored:  # a known name with its score or range after it: "NATO (0.60)", "SCO (0.25–0.50)"
        name = _text(scored.group(1), lang, depth + 1)
        if name != scored.group(1):
            return f"{name} ({scored.group(2)})"
    joined_names = stripped.split(", ")
    if 1 < len(joined_names) <= 6:  # names joined into one label ("OSCE, SCO"): each known, or the whole as it is
        done = [_text(p, lang, depth + 1) for p in joined_names]
        if all(a != b and _translated(a) for a, b in zip(done, joined_names)):
            return "، ".join(done)
    for sep, joined in _LISTS:  # a list of known words ("ABM Treaty; INF Treaty", "Yes / No"): each in turn;
        if sep in stripped:  # an item left in English is a name, never a clause: a sentence is never cut up
            parts = stripped.split(sep)
            done = [_text(p.strip(), lang, depth + 1) for p in parts]
            if not any(_clause(p) for p in done) and any(a != b.strip() for a, b in zip(done, parts)):
                return joined.join(done)
    return None


#: More than three Latin words in a row ("to negotiate with all") are a clause of an English sentence, not a name
#: ("Nowhere Land"): a sentence with one is shown whole in English rather than cut up and joined with «و» or «؛».
_CLAUSE = re.compile(r"[A-Za-z][\w'’.-]*(?:[ ,]+[A-Za-z][\w'’.-]*){3,}")


def _translated(value: str) -> bool:
    """True when ``value`` reads as Arabic (or holds no Latin letters), with no English clause left inside."""
    return (bool(_ARABIC.search(value)) or not _LATIN.search(value)) and not _clause(value)


def _clause(value: str) -> bool:
    """True when ``value`` holds an English clause outside the quotations it makes (“…”, «…»)."""
    return bool(_CLAUSE.search(_QUOTED.sub(" ", value)))


_QUOTED = re.compile(r"“[^”]*”|«[^»]*»")


#: Separators of lists in table cells and their Arabic forms (the Arabic semicolon; the slash kept).
_LISTS = (("; ", "؛ "), (" / ", " / "), (" + ", " + "))
#: Where one sentence ends and the next begins: a full stop, then a capital ("Art. 4", "e.g. on" do not split).
_SCORED = re.compile(r"^(.+?) \((-?\d[\d.,]*(?:[–-]\d[\d.,]*)?%?)\)$")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
#: A cell that is only figures and a percent sign ("82%", "32%–67%"): in a right-to-left cell it takes CLDR's sign too.
_FIGURES_PERCENT = re.compile(r"^[\s\d.,+\-–−]*\d[\s\d.,+\-–−]*%[\s\d.,%+\-–−]*$")


def text(value, lang: str | None = None):
    """``value`` in the edition's language when the catalogs or the data know it; non-text values and unknown
    text are returned unchanged."""
    lang = lang or paths.language()
    if lang == "en" or not isinstance(value, str) or not value.strip():
        return value
    shown = _text(value, lang)  # «17%» in an Arabic line takes CLDR's sign; English left as it is stays untouched
    arabic_line = _ARABIC.search(shown) or _FIGURES_PERCENT.match(shown)
    return forms.percent_marks(shown, lang) if arabic_line else shown
