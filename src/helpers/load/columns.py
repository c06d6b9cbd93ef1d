"""Typing one column as the data package declares it, with the per-cell constraints a Table Schema can state
(``required``, ``pattern``, ``enum``, ``minimum``/``maximum``)."""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from helpers import data_text
from helpers.data_text import FIRST_DATE, LAST_DATE
from helpers.load.errors import Problem, echoed
from helpers.printable import look_alikes, shows_nothing

_HINTS = {
    "^[A-Z]{3}$": "three capital letters: an ISO 3166-1 alpha-3 code",
    "^P([1-9]|1[0-9])$": "a paragraph number P1 to P19",
    "^[a-z0-9][a-z0-9_.-]*$": "a slug: lower-case letters, digits, '-', '_' or '.'",
    "^[A-Z][A-Z0-9_]*$": "an identifier in capitals, digits and '_', e.g. NATO",
    "^https?://[^\\s]+$": "an http(s) address without spaces",
    "^S[0-9]$": "a section id S0 to S9",
    "^C[0-9]{2,}$": "a claim id C01, C02 ...",
    "^[0-9]{2}$": "a two-digit notebook id, e.g. 02",
}

#: The largest magnitude a number may have (world population and world military spending in US$ million are
#: far below it); anything bigger is a typing error or an overflow, and infinity cannot be published.
LARGEST = 1e15
#: The smallest size a non-zero number may have: below it a float loses digits (subnormal) or reads as 0.
SMALLEST = 1e-300
_MOST_DIGITS = len(str(int(LARGEST)))
_DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
#: Digits 0-9 only (not ٢٠٠٠ or ２０００, which Python's int() would also take), no '+', no leading zero.
_INT_RE = re.compile(r"^-?(0|[1-9][0-9]*)$")
_NUM_RE = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")


def _size_problem(written: str, value, too_long: bool) -> tuple[str, str] | None:
    """(problem, what is allowed) when a number cannot be published as written: infinite or huge, or so close to 0
    that it reads as 0 (1e-400) or loses digits (1e-320, a subnormal float); else None."""
    if too_long or not math.isfinite(value) or abs(value) > LARGEST:
        return (f"is not a finite number of at most {LARGEST:.0e} in size",
                "values are finite numbers no larger than 1e15 either way")
    if value and abs(value) < SMALLEST or not value and re.search("[1-9]", written.lower().split("e")[0]):
        return "is too close to 0 to be read as written", f"values are 0 or at least {SMALLEST:.0e} in size"
    return None


class Column:
    """One column being read: its declaration, raw cells and spreadsheet rows; problems go to ``problems``."""

    def __init__(self, field: dict, raw: list[str], rownums: list[int], shown: str, required: bool,
                 problems: list[Problem]):
        self.field, self.raw, self.rownums, self.shown = field, raw, rownums, shown
        self.name = field["name"]
        self.cons = field.get("constraints", {})
        self.required = required or self.cons.get("required", False)
        self.problems = problems

    def problem(self, row: int, detail: str, rule: str) -> None:
        self.problems.append(Problem(self.shown, row, self.name, detail, rule))

    def check_cells(self) -> None:
        """``required``, ``pattern`` and ``enum``."""
        pattern, enum = self.cons.get("pattern"), self.cons.get("enum")
        rx = re.compile(pattern) if pattern else None
        for v, i in zip(self.raw, self.rownums):
            if v == "":
                if self.required:
                    self.problem(i, "value is empty", "this column is required")
                continue
            if shows_nothing(v):
                self.problem(i, f"{echoed(v)} shows nothing (only spaces or invisible characters)",
                             "write visible text or leave the value empty")
                continue
            # a refused code that looks right ('CSTО' with a Cyrillic О) names the character that differs
            if rx is not None and not rx.fullmatch(v):
                self.problem(i, f"{echoed(v)}{look_alikes(v[:40])} is not allowed",
                             _HINTS.get(pattern, f"must match {pattern}"))
            if enum is not None and v not in enum:
                self.problem(i, f"{echoed(v)}{look_alikes(v[:40])} is not allowed", "allowed: " + ", ".join(enum))

    def typed(self) -> pd.Series:
        ftype = self.field.get("type", "string")
        if ftype == "date":
            return self._dates()
        if ftype == "boolean":
            return self._booleans()
        if ftype in ("integer", "number"):
            return self._numbers(ftype == "integer")
        return pd.Series([v if v != "" else None for v in self.raw], dtype="str")

    def _dates(self) -> pd.Series:
        cells: list[str | None] = []
        ahead = data_text.latest_date()
        for v, i in zip(self.raw, self.rownums):
            if v and _DATE_RE.fullmatch(v) and not FIRST_DATE <= v <= LAST_DATE:
                self.problem(i, f"{echoed(v, quote=False)} is outside the dates the collection can show",
                             f"dates are from {FIRST_DATE} to {LAST_DATE}")
                v = ""
            elif v and _DATE_RE.fullmatch(v) and v > ahead:
                self.problem(i, f"{v} is more than a year after today ({data_text.today().isoformat()})",
                             f"a fact is dated when it happened or is due to take effect, at most a year ahead "
                             f"(up to {ahead}); check the year")
                v = ""
            cells.append(v or None)
        parsed = pd.to_datetime(pd.Series(cells, dtype=object), format="%Y-%m-%d", errors="coerce")
        for v, i, p, c in zip(self.raw, self.rownums, parsed, cells):
            if c and (not _DATE_RE.fullmatch(c) or pd.isna(p)):
                self.problem(i, f"{echoed(v)} is not a date", "dates are written YYYY-MM-DD")
        return parsed.astype("datetime64[ns]")

    def _booleans(self) -> pd.Series:
        true, false = self.field.get("trueValues", ["true"]), self.field.get("falseValues", ["false"])
        out = []
        for v, i in zip(self.raw, self.rownums):
            if v not in true and v not in false and v != "":
                self.problem(i, f"{echoed(v)} is not a boolean", f"write {' or '.join(true + false)}")
            out.append(v in true)
        return pd.Series(out, dtype=bool)

    def _numbers(self, integer: bool) -> pd.Series:
        rx, what = (_INT_RE, "an integer") if integer else (_NUM_RE, "a number")
        hint = ("write digits 0-9 only, e.g. 2023 (no '+', no leading zero)" if integer
                else "write digits 0-9 with an optional '.' decimal point, no thousands separator")
        lo, hi = self.cons.get("minimum"), self.cons.get("maximum")
        vals: list[Any] = []
        for v, i in zip(self.raw, self.rownums):
            if v != "" and not rx.fullmatch(v):
                self.problem(i, f"{echoed(v)} is not {what}", hint)
            if v == "" or not rx.fullmatch(v):
                vals.append(None)
                continue
            # more digits than LARGEST has: int() would refuse past 4300 digits and isfinite() overflow past 308
            too_long = integer and len(v.lstrip("-")) > _MOST_DIGITS
            vals.append(None if too_long else int(v) if integer else float(v))
            wrong = _size_problem(v, vals[-1], too_long)
            if wrong:
                self.problem(i, f"{echoed(v, quote=False)} {wrong[0]}", wrong[1])
                vals[-1] = None
                continue
            if lo is not None and vals[-1] < lo:
                self.problem(i, f"{echoed(v, quote=False)} is below the minimum {lo}", f"values are at least {lo}")
            if hi is not None and vals[-1] > hi:
                self.problem(i, f"{echoed(v, quote=False)} is above the maximum {hi}", f"values are at most {hi}")
        if integer:
            return pd.Series(pd.array(vals, dtype="Int64"))
        return pd.Series([float("nan") if v is None else v for v in vals], dtype="float64")
