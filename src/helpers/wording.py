"""Reader language: one lookup for the words a reader sees instead of data identifiers, and numbers for readers.

Labels come from ``data/labels.csv`` (``table, column, value, label, label_ar``; ``table`` ``*`` means any table,
``value`` ``*`` is the column's own header) and from the label columns the data already has
(``dimensions.label``, ``themes.label``, ``principles.label``/``label_ar``, ``organisations.name``/``name_ar``);
a ``labels.csv`` row wins, so it holds only a shorter word than the data's own (``NATO`` for the treaty's name). ``NATO_LANG=ar`` switches every lookup
to the Arabic label where one is given (English otherwise), so the same pages can later be built in Arabic.

    wording.label("EURASIAN_FRAMEWORK", "org_id")   # 'Proposed Eurasian framework'
    wording.header("milex_usd_const")                # 'Military spending (constant US$)'
    wording.relabel(frame, ["org_id", "status"])     # a copy with those columns in reader words
    wording.usd(1_338_278.3, "million")              # 'US$1.34 trillion'
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import re

from helpers import paths

_SNAKE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
_WORDS = {"id": "ID", "iso3": "ISO3", "ar": "(Arabic)", "en": "(English)", "usd": "US$", "pct": "%", "hhi": "HHI"}
# label columns the data tables already carry: (table, id column, label column, Arabic label column)
_DATA_LABELS = (("dimensions", "dimension_id", "label", ""), ("themes", "theme_id", "label", ""),
                ("principles", "principle_id", "label", "label_ar"), ("organisations", "org_id", "name", "name_ar"))


def _data_dir():
    from helpers import paths

    return paths.DATA


_LABEL_FILES = ("labels",) + tuple(t for t, *_ in _DATA_LABELS)


def _files(data_dir) -> list:
    return [data_dir / f"{name}.csv" for name in _LABEL_FILES if (data_dir / f"{name}.csv").exists()]


@functools.lru_cache(maxsize=4)
def _table(data_dir, stamps: tuple) -> dict[tuple[str, str, str], tuple[str, str]]:
    """Every label, from the tables as ``helpers.load`` reads them: validated against the data package, and
    logged as read (a build keys each report on the files it read, so a changed label re-runs the reports)."""
    from helpers import load

    def text(value) -> str:
        return "" if value is None or value != value else str(value)

    found: dict[tuple[str, str, str], tuple[str, str]] = {}
    if (data_dir / "labels.csv").exists():
        frame = load.table("labels", data_dir)
        for table, column, value, label, label_ar in zip(frame["table"], frame["column"], frame["value"],
                                                        frame["label"], frame["label_ar"]):
            found[(text(table).replace("*", ""), text(column), text(value).replace("*", ""))] = (
                text(label), text(label_ar))
    for table, id_col, label_col, ar_col in _DATA_LABELS:
        if not (data_dir / f"{table}.csv").exists():
            continue
        frame = load.table(table, data_dir)
        ars = frame[ar_col] if ar_col else [""] * len(frame)
        for key, label, label_ar in zip(frame[id_col], frame[label_col], ars):
            if text(label):
                found.setdefault(("", id_col, text(key)), (text(label), text(label_ar)))
    return found


def lookup() -> dict[tuple[str, str, str], tuple[str, str]]:
    """Every known label as ``{(table, column, value): (label, label_ar)}`` (read again when a file changes)."""
    from helpers.load import package

    data_dir = _data_dir()
    files = _files(data_dir)
    stamps = tuple(package.stamp(f) for f in files)
    logged = (str(paths.read_log()), data_dir, stamps)
    if logged not in _LOGGED:
        package.log_reads(files)  # once per read log and file version (the table cache would hide later reads)
        _LOGGED.add(logged)
    return _table(data_dir, stamps)


_LOGGED: set = set()


def _pick(pair: tuple[str, str], lang: str | None = None) -> str:
    if (lang or paths.language()) != "ar":
        return pair[0]
    if pair[1]:
        return pair[1]
    from helpers import i18n  # a label the data holds in English only: the catalogs' Arabic for it

    return i18n.text(pair[0], "ar")


def label(value, column: str = "", table: str = "", *, lang: str | None = None) -> str:
    """The reader's word for a coded ``value`` of ``column`` (value unchanged when nothing is known; in the Arabic
    edition, the catalogs' and the data's Arabic for it, see ``helpers.i18n.text``). ``lang="en"`` gives the English
    label in either edition, for a frame whose words the page translates later (``present`` does)."""
    text = "" if value is None else str(value)
    known = lookup()
    for k in ((table, column, text), ("", column, text)):
        if k in known and text:
            return _pick(known[k], lang)
    for (_, c, v), pair in known.items():  # the column's values as another table labels them
        if c == column and v == text and text:
            return _pick(pair, lang)
    if is_identifier(text):
        for (_t, _c, v), pair in sorted(known.items()):  # an id known under another column (e.g. org ids in "org")
            if v == text:
                return _pick(pair, lang)
    # a word the labels do not hold (a dimension's label): the catalogs'
    if text and (lang or paths.language()) == "ar":
        from helpers import i18n

        return i18n.text(text, "ar")
    return text


_TOKEN = re.compile(r"\b(?:[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b")


def words(text, column: str = "") -> str:
    """Reader text with every known identifier inside it replaced by its label ('CFE;NEW_START' → 'CFE; New START',
    'EURASIAN_FRAMEWORK has the most' → 'Proposed Eurasian framework has the most'); unknown tokens stay."""
    text = "" if text is None else str(text)
    if not _TOKEN.search(text):
        return text
    if ";" in text and all(is_identifier(p.strip()) or p.strip().isupper() for p in text.split(";") if p.strip()):
        return "; ".join(_anywhere(p.strip(), column) for p in text.split(";") if p.strip())
    return _TOKEN.sub(lambda m: label(m.group(0), column), text)


def _anywhere(text: str, column: str = "") -> str:
    """A list item's label: under its column, else under any column that codes it ('INF' → 'INF Treaty')."""
    found = label(text, column)
    if found != text:
        return found
    return next((_pick(pair) for (_t, _c, v), pair in sorted(lookup().items()) if v == text), text)


def is_identifier(text: str) -> bool:
    """True for ``snake_case`` and ``ALL_CAPS_WITH_UNDERSCORES`` tokens, which readers should never see."""
    return bool(text) and bool(_SNAKE.match(text) and "_" in text or re.fullmatch(r"[A-Z0-9]+(?:_[A-Z0-9]+)+", text))


def header(column, table: str = "") -> str:
    """The header a reader sees for a column: a label from the data, else ``claim_type`` → "Claim type"; in the
    Arabic edition the Arabic label, else the message catalog's translation of the English header."""
    found = _header(column, table)
    if paths.language() == "ar":
        from helpers import i18n

        return i18n.text(found, "ar")
    return sentence_case(found)


_SYMBOL_START = re.compile(r"^p(?=[ ,(]|$)")  # a p-value's symbol keeps its case ("p, Holm-adjusted")


def sentence_case(text: str) -> str:
    """A header in the house style, sentence case: its first letter a capital ("our verdict" → "Our verdict"),
    the rest as written (names and acronyms keep theirs); a statistical symbol that opens it ("p") stays."""
    if not text or _SYMBOL_START.match(text):
        return text
    return text[:1].upper() + text[1:]


def _header(column, table: str = "") -> str:
    text = str(column)
    known = lookup()
    for k in ((table, text, ""), ("", text, "")):
        if k in known:
            return _pick(known[k])
    if is_identifier(text) and label(text) != text:
        return label(text)[:1].upper() + label(text)[1:]
    if not _SNAKE.match(text):
        return text
    words = [_WORDS.get(w, w) for w in text.split("_")]
    if words[0] not in _WORDS.values():
        words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)


def labelled_columns(columns, table: str = "") -> set[str]:
    """The columns among ``columns`` whose values have labels."""
    cols = {c for (t, c, v) in lookup() if v}
    return {c for c in columns if str(c) in cols}


def relabel(frame, columns=None, table: str = ""):
    """A copy of ``frame`` with coded values in reader words (all labelled columns when ``columns`` is None)."""
    out = frame.copy()
    cols = labelled_columns(out.columns, table) if columns is None else list(columns)
    for c in cols:
        out[c] = out[c].map(lambda v, c=c: v if v is None or (isinstance(v, float) and math.isnan(v))
                            else label(v, str(c), table))
    return out


def value_map(values, column: str = "") -> dict[str, str]:
    """``{value: label}`` for the values that have a label different from themselves (for chart legends/axes)."""
    out = {}
    arabic = paths.language() == "ar"
    for v in values:
        lab = label(v, column)
        lab = words(lab, column) if lab == str(v) else lab
        if arabic:
            from helpers import i18n

            lab = i18n.text(lab, "ar")
        if lab != str(v):
            out[str(v)] = lab
    return out


# ---------------------------------------------------------------------------------------------- numbers and dates

_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_UNIT = {"": 1, "thousand": 1e3, "million": 1e6, "billion": 1e9}


def big(value, unit: str = "", digits: int = 3) -> str:
    """A large count in words: 972_000_000 → '972 million'; 1_338_278.3 with unit 'million' → '1.34 trillion'
    (Babel's Arabic words in the Arabic edition: '972 مليون')."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if paths.language() == "ar":
        from helpers.i18n import forms

        return forms.compact(float(value) * _UNIT[unit], digits=digits - 1)
    number = float(value) * _UNIT[unit]
    for size, word in _SCALES:
        if abs(number) >= size:
            scaled = number / size
            text = f"{scaled:.{digits}g}" if abs(scaled) < 1000 else f"{scaled:,.0f}"
            return f"{text} {word}"
    return f"{number:,.0f}"


def usd(value, unit: str = "") -> str:
    """Money for readers: ``usd(1_338_278.3, "million")`` → 'US$1.34 trillion' ('1.34 تريليون دولار' in the Arabic
    edition)."""
    if paths.language() == "ar":
        from helpers.i18n import forms

        text = forms.compact(float(value) * _UNIT[unit]) if value is not None and value == value else ""
        return f"{text} دولار" if text else ""
    text = big(value, unit)
    return f"US${text}" if text else ""


def year(value) -> str:
    """A year as an integer ('1991', never '1,991' or '1991.0'); empty for missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(int(value))


def day(value) -> str:
    """'1949-04-04' → '4 Apr 1949' (other text unchanged); '4 أبريل 1949' in the Arabic edition (Babel)."""
    if paths.language() == "ar":
        from helpers.i18n import forms

        return forms.day(value)
    text = "" if value is None else str(value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        text = value.isoformat()
    try:
        d = _dt.date.fromisoformat(text[:10])
    except ValueError:
        return text
    if len(text) > 10 and text[10:].strip("T0: "):
        return text
    return f"{d.day} {d.strftime('%b')} {d.year}"


def month(value) -> str:
    """'2026-04-01' → 'April 2026', a date known only to its month; 'أبريل 2026' in the Arabic edition (Babel)."""
    stamp = _dt.date.fromisoformat(str(value)[:10]) if not isinstance(value, _dt.date) else value
    if paths.language() == "ar":
        from helpers.i18n import forms

        return forms.month(stamp.isoformat()[:10])
    return f"{stamp:%B %Y}"


def p_value(number: float) -> str:
    """A p-value in the house rule: two significant digits ("0.0028", "0.12", "1.0"), and "<0.001" below it."""
    if number < 0.001:
        return "<0.001"
    return f"{float(f'{number:.2g}'):#.2g}".rstrip(".")


def joined(items, *, lang: str | None = None) -> str:
    """Items as one list in a sentence: 'A', 'A and B', 'A, B and C' (no comma before 'and', as every page writes
    it); in the Arabic edition CLDR's list through Babel, 'A وB وC'. ``lang="en"`` gives the English list in either
    edition, for a sentence the page translates whole later (its catalog entry holds the Arabic)."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    if (lang or paths.language()) == "ar":
        from babel.lists import format_list

        return format_list(items, locale="ar")
    return ", ".join(items[:-1]) + " and " + items[-1]
