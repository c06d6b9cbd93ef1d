"""The translation catalogs (gettext ``.po``, read and written with Babel) and the lookups that use them.

Two kinds of catalog, both in the Arabic edition's folder ``ar``:

- ``notebooks/locale/ar/<stem>.po`` — one per notebook: every markdown cell (prose and headings), keyed by the
  cell's id (``msgctxt``) with its English text as ``msgid``. ``python -m helpers.i18n extract`` brings them up to
  date: a cell whose English changed keeps its Arabic, flagged ``fuzzy`` with the old English as ``#| msgid``, so
  a translator sees what changed; a new cell gets an empty entry. One notebook serves both editions.
- ``src/helpers/locale/ar/messages.po`` — the words of the pages themselves (navigation, headings of the page
  parts, search), the collection's titles and summaries, and the sentences the helpers compute (titles, captions,
  findings). An entry whose ``msgid`` holds ``{name}`` placeholders (flag ``python-brace-format``) is a pattern:
  "NATO had {n} members on {date}" translates every sentence of that shape, each placeholder's value translated
  in turn (a date through Babel, a name through the catalog or the labels). A placeholder named ``num`` or
  ``num_…`` matches a number only ("{num_k} of {num_n}"), one named ``date`` or ``date_…`` a date only, one named
  ``count`` or ``count_…`` a number with the noun it counts ("52 years of membership"), which must find its
  Arabic through a plural entry.
- Counted nouns are plural entries (``msgid "{num} exit"`` / ``msgid_plural "{num} exits"``, six ``msgstr[i]``):
  Arabic nouns agree with their number (CLDR's zero, one, two, few, many, other), so the form is chosen by the
  catalog's ``Plural-Forms`` (gettext's ``ngettext`` rule, :func:`plural_index`), never by hand.

A missing translation leaves the English in place; the edition's checks (tests) measure how much is left.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from helpers import paths
from helpers.i18n import forms

LOCALE_NOTEBOOKS = paths.NOTEBOOKS / "locale"
LOCALE_HELPERS = paths.HELPERS_SRC / "locale"
MESSAGES = "messages.po"


def notebook_catalog_path(stem: str, lang: str = "ar") -> Path:
    return LOCALE_NOTEBOOKS / lang / f"{stem}.po"


def messages_path(lang: str = "ar") -> Path:
    return LOCALE_HELPERS / lang / MESSAGES


def read(path: Path):
    """A Babel ``Catalog`` from ``path`` (an empty one when the file does not exist)."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    if not path.exists():
        return Catalog(locale=path.parent.name, domain=path.stem)
    with path.open("rb") as fh:
        return read_po(fh, locale=path.parent.name, abort_invalid=True)


def write(path: Path, catalog) -> None:
    import io

    from babel.messages.pofile import write_po

    from helpers import cache

    buf = io.BytesIO()
    write_po(buf, catalog, width=116, sort_output=False, omit_header=False, include_previous=True,
             ignore_obsolete=True)
    text = re.sub(rb"^\"(POT-Creation-Date|PO-Revision-Date|Generated-By|Report-Msgid-Bugs-To|Last-Translator|"
                  rb"Language-Team): [^\n]*\n", b"", buf.getvalue(), flags=re.M)  # no timestamps, no placeholders:
    # the same catalog gives the same bytes
    cache.atomic_write(path, text)


def digest(*files: Path) -> str:
    """One hash over the given catalog files (missing ones count as empty): part of the Arabic cache keys."""
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode() + b"\0")
        try:
            h.update(f.read_bytes())
        except OSError:
            h.update(b"missing")
        h.update(b"\0")
    return h.hexdigest()


# ---------------------------------------------------------------------------------------------- notebook prose


@dataclass(frozen=True)
class CellText:
    text: str
    stale: bool  # the Arabic was written for an earlier English text of the cell


@functools.lru_cache(maxsize=64)
def _cells(path_text: str, mtime_ns: int) -> dict[str, tuple[str, str, bool]]:
    """``{cell id: (English, Arabic, fuzzy)}`` of a notebook catalog."""
    out = {}
    for msg in read(Path(path_text)):
        if msg.id and msg.context:
            out[msg.context] = (msg.id, msg.string or "", msg.fuzzy)
    return out


def cell_translations(stem: str, lang: str = "ar") -> dict[str, tuple[str, str, bool]]:
    path = notebook_catalog_path(stem, lang)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return {}
    return _cells(str(path), stamp)


def translated_cell(source: str, found: tuple[str, str, bool] | None) -> CellText | None:
    """The Arabic for a markdown cell whose English is ``source``; None when there is none."""
    if found is None or not found[1].strip():
        return None
    english, arabic, fuzzy = found
    return CellText(arabic, fuzzy or english.strip() != source.strip())


def translate_markdown(nb, stem: str, lang: str = "ar") -> int:
    """Replace, in place, the source of every markdown cell of ``nb`` that has an up-to-date translation; a cell with
    none, or whose Arabic predates its English, is shown in English, marked so. Returns the number of cells left
    in English."""
    if lang == "en":
        return 0
    found = cell_translations(stem, lang)
    left, unmatched = 0, []
    for cell in nb.cells:
        if cell.get("cell_type") != "markdown":
            continue
        source = "".join(cell.source) if isinstance(cell.source, list) else cell.source
        if not source.strip():
            continue
        done = translated_cell(source, found.get(cell.get("id", "")))
        if done is None or done.stale:  # an out-of-date translation is not published as current: English, marked
            left += 1
            if cell.get("id", "") not in found:
                unmatched.append(cell.get("id", ""))
            cell.source = _marked_english(source)
            continue
        cell.source = forms.percent_marks(done.text, lang)  # «17%», never «%17», after an Arabic word
    _say_orphans(nb, stem, lang, found, unmatched)
    return left


def _marked_english(source: str) -> str:
    """A cell left in English, marked as English, left to right, in a page of another language (its H1 title line,
    which the page drops for its own title, stays first)."""
    lines = source.strip("\n").splitlines()
    head = lines.pop(0) + "\n\n" if lines and lines[0].startswith("# ") else ""
    rest = "\n".join(lines).strip("\n")
    return head + (f'<div lang="en" dir="ltr">\n\n{rest}\n\n</div>' if rest.strip() else "")


def _say_orphans(nb, stem: str, lang: str, found: dict, unmatched: list[str]) -> None:
    """One warning when cells with no catalog entry are shown in English while the catalog holds entries that match
    no cell: a mistyped msgctxt would otherwise put English into the edition without a word."""
    line = orphan_note(stem, lang, found, unmatched, {c.get("id", "") for c in nb.cells})
    if line:
        logging.getLogger(__name__).warning(line)


def orphan_note(stem: str, lang: str, found: dict, unmatched: list[str], cell_ids: set[str]) -> str | None:
    """The one line saying which cells fall back to English beside which orphan entries, or None."""
    orphans = sorted(set(found) - cell_ids) if unmatched else []
    if not orphans:
        return None
    return (f"{paths.shown(notebook_catalog_path(stem, lang))}: {len(unmatched)} cell(s) shown in English "
            f"({', '.join(unmatched)}) while the catalog's entries {', '.join(repr(o) for o in orphans)} match no "
            "cell (a mistyped msgctxt?); run python -m helpers.i18n check")


def unsafe_entry(stem: str, lang: str = "ar") -> str | None:
    """One line naming the first entry of a notebook's catalog whose translation holds a character a page may not
    show (an unclosed bidi control, a control character: :func:`helpers.printable.bad_character`), or None. The
    build asks before any kernel starts, as it checks parameters and data, not when the page is rendered."""
    from helpers.printable import bad_character

    for cell_id, (_, arabic, _) in cell_translations(stem, lang).items():
        bad = bad_character(arabic.replace("\t", " "))
        if bad:
            return (f"{paths.shown(notebook_catalog_path(stem, lang))}: the translation of cell {cell_id!r}: "
                    f"{bad[0]}; {bad[1]}")
    return None


def untranslated_note(stem: str, ipynb: Path, lang: str = "ar") -> str | None:
    """One line naming the markdown cells of a saved notebook with no translation in its catalog, or None."""
    left = [cid for cid, done in _saved_cells(stem, ipynb, lang) if done is None]
    if not left:
        return None
    return (f"{paths.shown(Path(ipynb))}: {len(left)} markdown cell(s) ({', '.join(left)}) have no translation in "
            f"{paths.shown(notebook_catalog_path(stem, lang))}; the {lang} edition shows them in English, marked "
            "as English; add their translation (python -m helpers.i18n check lists them)")


def outdated_note(stem: str, ipynb: Path, lang: str = "ar") -> str | None:
    """One line naming the markdown cells whose translation was written for an earlier English text, or None."""
    old = [cid for cid, done in _saved_cells(stem, ipynb, lang) if done is not None and done.stale]
    if not old:
        return None
    return (f"{paths.shown(Path(ipynb))}: {len(old)} markdown cell(s) ({', '.join(old)}) changed in English since "
            f"their translation in {paths.shown(notebook_catalog_path(stem, lang))}; the {lang} edition shows their "
            "current English, marked as English; run make catalogs and bring the translation up to date")


def _saved_cells(stem: str, ipynb: Path, lang: str) -> list[tuple[str, CellText | None]]:
    """``(cell id, its translation or None)`` for each non-empty markdown cell of a saved notebook."""
    import json
    found = cell_translations(stem, lang)
    try:
        cells = json.loads(Path(ipynb).read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return []
    return [(c.get("id", ""), translated_cell("".join(c.get("source", "")), found.get(c.get("id", ""))))
            for c in cells if c.get("cell_type") == "markdown" and "".join(c.get("source", "")).strip()]


def notebook_orphan_note(stem: str, ipynb: Path, lang: str = "ar") -> str | None:
    """:func:`orphan_note` for a saved notebook (the build says it once per notebook and edition)."""
    import json
    found = cell_translations(stem, lang)
    try:
        cells = json.loads(Path(ipynb).read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return None
    texts = {c.get("id", ""): "".join(c.get("source", "")) for c in cells if c.get("cell_type") == "markdown"}
    unmatched = [cid for cid, text in texts.items() if text.strip() and cid not in found]
    return orphan_note(stem, lang, found, unmatched, {c.get("id", "") for c in cells})


# ---------------------------------------------------------------------------------------------- messages


@dataclass(frozen=True)
class Pattern:
    regex: re.Pattern
    template: str
    names: tuple[str, ...]
    literal: int  # characters outside the placeholders: longer literals are tried first
    forms: tuple[str, ...] = ()  # a plural entry's translations, one per plural form; template is then unused


_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


#: A placeholder named ``num`` or ``num_…`` stands for a number only ("{num_k} of {num_n}"), so a pattern made of
#: numbers may have a short literal without matching ordinary words.
NUMERIC = re.compile(r"^num(?:_|$)")
_NUMBER_RE = r"-?\d[\d,]*(?:\.\d+)?"
#: A placeholder named ``date`` or ``date_…`` stands for a day, a month or a year only ("31 December 1991",
#: "31 ديسمبر 1991", "Dec 1991", "1991-12-31", "1991"), so "On {date} {parts}" does not cut a date in two.
DATED = re.compile(r"^date(?:_|$)")
_DATE_RE = r"\d{1,2} [^\W\d_]+ \d{4}|[^\W\d_]+ \d{4}|\d{4}-\d{2}-\d{2}|\d{4}"  # month in either edition's words
#: A placeholder named ``count`` or ``count_…`` stands for a number and the noun it counts ("0 exits").
COUNTED = re.compile(r"^count(?:_|$)")
_COUNT_RE = _NUMBER_RE + r" [^\W\d].*?"


def _kind(name: str) -> str:
    if NUMERIC.match(name):
        return _NUMBER_RE
    return _DATE_RE if DATED.match(name) else _COUNT_RE if COUNTED.match(name) else ".+?"


def _pattern(msgid: str, msgstr: str) -> Pattern | None:
    names = tuple(_PLACEHOLDER.findall(msgid))
    literal = _PLACEHOLDER.sub("", msgid)
    numeric = bool(names) and all(NUMERIC.match(n) for n in names)
    if not names or (len(literal.strip(" .,:;()")) < 2 and not (numeric and literal.strip())) \
            or len(set(names)) != len(names):
        return None
    parts, pos = [], 0
    for m in _PLACEHOLDER.finditer(msgid):
        parts.append(re.escape(msgid[pos:m.start()]))
        parts.append(f"(?P<{m.group(1)}>{_kind(m.group(1))})")
        pos = m.end()
    parts.append(re.escape(msgid[pos:]))
    return Pattern(re.compile("".join(parts) + r"\Z", re.S), msgstr, names, len(literal))


@functools.lru_cache(maxsize=4)
def _messages(path_text: str, mtime_ns: int) -> tuple[dict[str, str], tuple[Pattern, ...]]:
    exact: dict[str, str] = {}
    patterns: list[Pattern] = []
    for msg in read(Path(path_text)):
        if msg.pluralizable and not msg.fuzzy and all(msg.string):
            patterns += _plural_patterns(msg)
        if not msg.id or not msg.string or msg.fuzzy or not isinstance(msg.id, str):
            continue
        if "python-brace-format" in msg.flags:
            pat = _pattern(msg.id, msg.string)
            if pat is not None:  # the template itself is also a page's word (search.js fills its placeholders)
                patterns.append(pat)
                exact.setdefault(msg.id, msg.string)
                continue
        exact[msg.id] = msg.string
    patterns.sort(key=lambda p: -p.literal)
    return exact, tuple(patterns)


def _plural_patterns(msg) -> list[Pattern]:
    """A plural entry as patterns: its singular and its plural English ("{num} exit", "{num} exits"), each giving
    the Arabic form :func:`plural_index` chooses for the number."""
    names = _PLACEHOLDER.findall(msg.id[0])
    if len(names) != 1 or not NUMERIC.match(names[0]):
        raise ValueError(f"{paths.shown(messages_path())}: plural entry {msg.id[0]!r} must hold exactly one number "
                         "placeholder ({num} or {num_…}), the count its forms agree with")
    found = [_pattern(english, "") for english in dict.fromkeys(msg.id)]
    return [Pattern(p.regex, "", p.names, p.literal, tuple(msg.string)) for p in found if p is not None]


@functools.lru_cache(maxsize=4)
def _plural_rule(path_text: str, mtime_ns: int):
    import gettext

    catalog = read(Path(path_text))
    return gettext.c2py(catalog.plural_expr), catalog.num_plurals


def plural_index(value: str, lang: str = "ar") -> int:
    """Which of a plural entry's forms a number takes: the catalog's ``Plural-Forms`` (gettext's rule, CLDR's
    categories in order) for a whole number; the last form ("other") for a fraction, which is CLDR's category
    for every fraction in Arabic ("1.1 أعضاء" is read «واحد فاصلة واحد»)."""
    path = messages_path(lang)
    rule, count = _plural_rule(str(path), path.stat().st_mtime_ns)
    number = abs(float(value.replace(",", "")))
    return rule(int(number)) if number.is_integer() else count - 1


def messages(lang: str = "ar") -> tuple[dict[str, str], tuple[Pattern, ...]]:
    path = messages_path(lang)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return {}, ()
    return _messages(str(path), stamp)


def gettext(msgid: str, lang: str | None = None) -> str:
    """The translation of a page's word or sentence (exact match), or ``msgid`` itself."""
    lang = lang or paths.language()
    if lang == "en" or not msgid:
        return msgid
    return messages(lang)[0].get(msgid, msgid)
