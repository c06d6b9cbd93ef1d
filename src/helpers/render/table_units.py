"""Quantities written as text in a table ("US$1.34 trillion", "5,759 warheads", "32%") read as numbers: a column
whose every filled cell is one kind of quantity becomes numbers in one scale, its unit said once in the header,
so the renderer right-aligns it and shows one precision (journal style: the unit in the header, never in the
cells; "—" for an empty cell). A column that mixes units, or holds words, is left as it is. Also the one rule
for p-values, and intervals written as text split into numeric low and high columns for the CSV."""

from __future__ import annotations

import re

import pandas as pd

from helpers import wording

_QUANTITY = re.compile(r"^(?P<cur>US\$)?(?P<num>-?\d{1,3}(?:,\d{3})*(?:\.\d+)?|-?\d+(?:\.\d+)?)"
                       r"(?: (?P<scale>thousand|million|billion|trillion))?(?P<unit>%| [a-z]+(?: [a-z]+)?)?$")
_SCALES = {"": 1.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EMPTY = ("", "—", "–", "-")
#: Columns that hold years or dates keep their text ("2024" is not 2,024).
_DATED = re.compile(r"year|date|day|since|until|signed", re.I)
P_VALUE = re.compile(r"^p(_|$)")  #: a p-value's column: "p", "p_holm", "p_holm_all_pairs"
p_value = wording.p_value


_INTERVAL = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*[–—-]\s*(-?\d+(?:\.\d+)?)\s*$")


def split_intervals(frame):
    """Columns whose every filled cell is an interval written as text ("0.20–0.40") become two numeric columns,
    ``<column>_low`` and ``<column>_high``, in its place (a spreadsheet can then use them without retyping)."""
    out = frame.copy()
    for col in list(out.columns):
        values = out[col]
        if not (values.dtype == object or str(values.dtype) in ("str", "string")):
            continue
        filled = [str(v) for v in values if isinstance(v, str) and v.strip()]
        if not filled or not all(_INTERVAL.match(v) for v in filled):
            continue
        parts = [(_INTERVAL.match(v).groups() if isinstance(v, str) and _INTERVAL.match(v) else (None, None))
                 for v in values]
        at = list(out.columns).index(col)
        out = out.drop(columns=[col])
        out.insert(at, f"{col}_low", pd.to_numeric([p[0] for p in parts]))
        out.insert(at + 1, f"{col}_high", pd.to_numeric([p[1] for p in parts]))
    return out


def _parse(cells: list[str], scale: str | None = None):
    """``(currency, unit, scale, numbers)`` when every cell is a quantity of one currency and unit, else None;
    the numbers in ``scale`` when given, else in the smallest scale the cells use (so no figure loses a digit)."""
    found = [_QUANTITY.match(c) for c in cells]
    if not cells or not all(found):
        return None
    kinds = {(m["cur"] or "", (m["unit"] or "").strip()) for m in found}
    if len(kinds) != 1:
        return None
    scales = [m["scale"] or "" for m in found]
    scale = min(scales, key=lambda s: _SCALES[s]) if scale is None else scale
    numbers = [round(float(m["num"].replace(",", "")) * _SCALES[s] / _SCALES[scale], 6) for m, s in zip(found, scales)]
    cur, unit = kinds.pop()
    return cur, unit, scale, numbers


def _unit_words(cur: str, unit: str, scale: str) -> str:
    """The header's unit: "US$ billion", "million people", "%", "warheads"."""
    return " ".join(w for w in (cur, scale, unit) if w)


def quantities(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """``frame`` with its text quantity columns as numbers, and the unit of each converted column (reader words).

    A column converts when every filled cell parses as a quantity of the same currency and unit, and at least one
    of them shows it is a quantity (a currency, a scale word, a unit, a thousands comma or a decimal point), so a
    column of bare codes or counts written as text is left alone; a column named for years or dates never is."""
    found = {col: got for col in frame.columns if (got := _column(frame[col], col)) is not None}
    # money columns of one currency share one scale (the smallest any of them needs), so they compare at a glance;
    # other quantities (people, warheads) keep their own column's scale
    common: dict[object, str] = {}
    for col, (cur, unit, scale, _) in found.items():
        kind = (cur, unit) if cur else col
        common[kind] = min(common.get(kind, scale), scale, key=lambda s: _SCALES[s])
    out, units = (frame.copy() if found else frame), {}
    for col, (cur, unit, _, _) in found.items():
        scale = common[(cur, unit) if cur else col]
        filled = [v.strip() for v in frame[col] if isinstance(v, str) and v.strip() not in _EMPTY]
        it = iter(_parse(filled, scale)[3])
        out[col] = pd.array([next(it) if isinstance(v, str) and v.strip() not in _EMPTY else None
                             for v in frame[col]], dtype="Float64")
        units[str(col)] = _unit_words(cur, unit, scale)
    return out, units


def _column(values: pd.Series, col):
    """What :func:`_parse` reads from a column of text quantities, or None for any other column."""
    if not pd.api.types.is_string_dtype(values) and values.dtype != object or _DATED.search(str(col)):
        return None
    if any(not isinstance(v, str) and not _missing(v) for v in values):  # numbers, dates, lists: not text
        return None
    filled = [v.strip() for v in values if isinstance(v, str) and v.strip() not in _EMPTY]
    if not any(re.search(r"[$,.%a-z]", v) for v in filled):
        return None
    return _parse(filled)


def _missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or an array is not one missing value
        return False


def with_unit(header: str, unit: str | None) -> str:
    """A column's header with its unit in brackets, in the edition's words ("Total (US$ billion)")."""
    if not unit:
        return header
    return f"{header} ({wording.label(unit, 'unit')})"


def prepared(frame: pd.DataFrame, table: str = "", units: dict[str, str] | None = None):
    """What the table renderer draws: the frame with its quantities as numbers, its column names, and each
    column's header in reader words with its unit. ``units``: the frame was converted already (by ``present``,
    before the Arabic edition put its words in the cells), these are its units."""
    out, units = quantities(frame) if units is None else (frame, units)
    cols = [str(c) for c in out.columns]
    return out, cols, {c: with_unit(wording.header(c, table), units.get(c)) for c in cols}
