"""``--sweep NAME=FROM..TO/STEP`` (or ``NAME=a,b,c``): the values of one parameter, one report per value.

A sweep is planned exactly as if ``-p NAME value`` had been given once per value: every selected notebook that
declares ``NAME`` gets one report per value (same names, same cache records, listed under "Your builds"), and every
value is checked with the parameter's own check before any kernel starts (:func:`helpers.pipeline.plan.all_entries`).
This module only reads the option and lists the values, as text:

- dates: ``as_of=1992-12-31..2000-12-31/year-end`` (every 31 December in the range), ``/month-end`` (the last day of
  every month in the range), ``/1d`` or ``/7d`` (FROM, then every N days up to TO);
- whole numbers (years, counts): ``year=2001..2025/4`` (FROM, then every STEP up to TO; no step: 1);
- a list: ``state=KAZ,IND,CHN``.

A sweep of more than :data:`MAX_UNASKED` reports needs ``--yes``; none may list more than :data:`MAX_VALUES`
values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from helpers.params.checks import ascii_digits
from helpers.pipeline.plan import BuildError

MAX_UNASKED = 500  # reports a sweep may build without --yes
MAX_VALUES = 100_000  # values one sweep may list at all (each is a report per notebook declaring the parameter)

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$", re.ASCII)
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_WHOLE = re.compile(r"^[+-]?\d+$", re.ASCII)
_DAYS = re.compile(r"^(\d+)d$", re.ASCII)
FORMS = "NAME=FROM..TO/STEP (dates: STEP 1d, Nd, month-end or year-end; whole numbers: an integer STEP) or NAME=a,b,c"
DATE_STEPS = "1d, Nd (every N days), month-end or year-end"


@dataclass(frozen=True)
class Sweep:
    """A parsed ``--sweep``: the parameter, the option as typed (for messages), its values as text, and whether
    ``--yes`` allows more than :data:`MAX_UNASKED` reports."""

    name: str
    option: str
    values: tuple[str, ...]
    confirmed: bool = False

    @property
    def unasked_limit(self) -> int:
        """How many reports a sweep may build without ``--yes`` (the plan asks the sweep: it imports no sweep)."""
        return MAX_UNASKED

    def refuse(self, problem: str) -> BuildError:
        return BuildError(f"--sweep {self.option}: {problem}")


def _err(option: str, problem: str) -> BuildError:
    return BuildError(f"--sweep {option}: {problem}")


def parse(option: str, confirmed: bool = False) -> Sweep:
    """The values of ``NAME=FROM..TO/STEP`` or ``NAME=a,b,c``, in order, each once; BuildError names the problem."""
    name, eq, spec = option.partition("=")
    name, spec = name.strip(), spec.strip()
    if not eq or not spec:
        raise _err(option, f"write {FORMS}")
    if not _NAME.match(name):
        raise _err(option, f"'{name}' is not a parameter name (letters, digits and _); write {FORMS}")
    if ".." in spec:
        values = _range(option, spec)
    else:
        values = [v.strip() for v in spec.split(",")]
        if any(not v for v in values):
            raise _err(option, "an empty value in the list; write NAME=a,b,c with a value between every two commas")
        _refuse_repeats(option, values)
        _limit(option, len(values))
    return Sweep(name, option, tuple(dict.fromkeys(values)), confirmed)


def _refuse_repeats(option: str, values: list[str]) -> None:
    seen: dict[str, str] = {}
    for v in values:
        key = ascii_digits(v)  # ٢٠٠٠ and 2000 are one value, as in -p
        if key in seen:
            raise _err(option, f"repeats {v!r}" + (f" (as {seen[key]!r})" if seen[key] != v else "")
                       + "; list each value at most once")
        seen[key] = v


def _range(option: str, spec: str) -> list[str]:
    bounds, slash, step = spec.partition("/")
    lo, dots, hi = bounds.partition("..")
    lo, hi, step = (ascii_digits(part.strip()) for part in (lo, hi, step))  # ٢٠٠١ is 2001, as in -p
    if not lo or not hi or ".." in hi:
        raise _err(option, f"a range is FROM..TO/STEP; write {FORMS}")
    if slash and not step:
        raise _err(option, "the step after / is empty; " + f"write {FORMS}")
    if _ISO.match(lo) and _ISO.match(hi):
        return _dates(option, lo, hi, step)
    if _WHOLE.match(lo) and _WHOLE.match(hi):
        return _wholes(option, int(lo), int(hi), step or "1")
    raise _err(option, f"FROM and TO must both be ISO dates (YYYY-MM-DD) or both whole numbers, not "
                       f"{lo!r} and {hi!r}")


def _limit(option: str, count: int) -> None:
    if count > MAX_VALUES:
        raise _err(option, f"{count:,} values; a sweep may have at most {MAX_VALUES:,}: split it into smaller ranges")


def _wholes(option: str, lo: int, hi: int, step: str) -> list[str]:
    if not _WHOLE.match(step):
        raise _err(option, f"step {step!r} is not a whole number; a range of whole numbers takes an integer step "
                           "of 1 or more (e.g. 2001..2025/4)")
    n = int(step)
    if n < 1:
        raise _err(option, f"step {n}: the step must be 1 or more (FROM..TO counts upward from FROM)")
    if lo > hi:
        raise _err(option, f"FROM {lo} is after TO {hi}; write the smaller value first")
    _limit(option, (hi - lo) // n + 1)
    return [str(v) for v in range(lo, hi + 1, n)]


def _day(option: str, text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _err(option, f"{text} is not a real calendar date; write an ISO date YYYY-MM-DD") from None


def _month_end(year: int, month: int) -> date:
    return (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(days=1)


def _dates(option: str, lo_text: str, hi_text: str, step: str) -> list[str]:
    lo, hi = _day(option, lo_text), _day(option, hi_text)
    if not step:
        raise _err(option, "a range of dates needs a step: /1d, /Nd (every N days), /month-end or /year-end")
    if lo > hi:
        raise _err(option, f"FROM {lo} is after TO {hi}; write the earlier date first")
    days = _DAYS.match(step)
    if days:
        n = int(days.group(1))
        if n < 1:
            raise _err(option, f"step {step}: the step must be 1d or more")
        _limit(option, (hi - lo).days // n + 1)
        return [(lo + timedelta(days=i * n)).isoformat() for i in range((hi - lo).days // n + 1)]
    if step == "month-end":
        _limit(option, (hi.year - lo.year) * 12 + hi.month - lo.month + 1)
        ends = [_month_end(y, m) for y in range(lo.year, hi.year + 1) for m in range(1, 13)]
    elif step == "year-end":
        ends = [date(y, 12, 31) for y in range(lo.year, hi.year + 1)]
    else:
        raise _err(option, f"step {step!r} is not a date step; allowed: {DATE_STEPS}")
    values = [d.isoformat() for d in ends if lo <= d <= hi]
    if not values:
        raise _err(option, f"no {step} falls between {lo} and {hi}; widen the range or use a step in days")
    return values
