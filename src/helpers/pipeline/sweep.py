"""``--sweep NAME=FROM..TO/STEP`` (or ``NAME=a,b,c``): the values of one parameter, one report per value.

A sweep is planned exactly as if ``-p NAME value`` had been given once per value: every selected notebook that
declares ``NAME`` gets one report per value (same names, same cache records, listed under "Your builds"), and every
value is checked with the parameter's own check before any kernel starts (:func:`helpers.pipeline.plan.all_entries`).
This module only reads the option and lists the values, as text. What a range FROM..TO means is decided by the
type the section map declares for the parameter (:mod:`helpers.params.types`), never by how the text looks:

- a ``date``: ``as_of=1992-12-31..2000-12-31/year-end`` (every 31 December in the range), ``/month-end`` (the last
  day of every month in the range), ``/1d`` or ``/7d`` (FROM, then every N days up to TO);
- any other type with a range (``year``, ``int``, a new one of ``RANGED``): ``year=2001..2025/4`` (FROM, then every
  STEP up to TO; no step: the type's own step); FROM, TO and STEP are read as the type reads its bounds;
- a list, of any type: ``state=KAZ,IND,CHN``.

A sweep of more than :data:`MAX_UNASKED` reports needs ``--yes``; none may list more than :data:`MAX_VALUES`
values.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from helpers import params
from helpers.params.checks import ascii_digits
from helpers.params.types import RANGED, Range
from helpers.pipeline.plan import BuildError

MAX_UNASKED = 500  # reports a sweep may build without --yes
MAX_VALUES = 100_000  # values one sweep may list at all (each is a report per notebook declaring the parameter)

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$", re.ASCII)
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


def declared_type(name: str, collection: Path) -> str | None:
    """The type the section map declares for parameter ``name`` (None when no notebook declares it); BuildError
    when two notebooks declare it with different types (a range could not be read one way)."""
    kinds = {nb.id: nb.parameters[name].type for nb in params.notebooks(collection) if name in nb.parameters}
    if len(set(kinds.values())) > 1:
        raise BuildError(f"--sweep {name}: notebooks declare '{name}' with different types ("
                         + ", ".join(f"{i}: {k}" for i, k in kinds.items()) + "); sweep them one at a time with --only")
    return next(iter(kinds.values()), None)


def parse(option: str, confirmed: bool = False, kind: str | None = None) -> Sweep:
    """The values of ``NAME=FROM..TO/STEP`` or ``NAME=a,b,c``, in order, each once; BuildError names the problem.
    ``kind`` is the parameter's declared type (:func:`declared_type`): it says how a range is read."""
    name, eq, spec = option.partition("=")
    name, spec = name.strip(), spec.strip()
    if not eq or not spec:
        raise _err(option, f"write {FORMS}")
    if not _NAME.match(name):
        raise _err(option, f"'{name}' is not a parameter name (letters, digits and _); write {FORMS}")
    if ".." in spec:
        values = _range(option, spec, name, kind)
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


def _range(option: str, spec: str, name: str, kind: str | None) -> list[str]:
    bounds, slash, step = spec.partition("/")
    lo, dots, hi = bounds.partition("..")
    lo, hi, step = (ascii_digits(part.strip()) for part in (lo, hi, step))  # ٢٠٠١ is 2001, as in -p
    if not lo or not hi or ".." in hi:
        raise _err(option, f"a range is FROM..TO/STEP; write {FORMS}")
    if slash and not step:
        raise _err(option, "the step after / is empty; " + f"write {FORMS}")
    if kind is None:
        raise _err(option, f"no notebook declares '{name}', so a range of it cannot be read; write NAME=a,b,c")
    if kind not in RANGED:
        raise _err(option, f"'{name}' is a {kind} parameter, which has no range; only {', '.join(RANGED)} "
                           "parameters take FROM..TO: list its values, NAME=a,b,c")
    if kind == "date":
        return _dates(option, lo, hi, step)
    return _stepped(option, RANGED[kind], lo, hi, step)


def _limit(option: str, count: int) -> None:
    if count > MAX_VALUES:
        raise _err(option, f"{count:,} values; a sweep may have at most {MAX_VALUES:,}: split it into smaller ranges")


def _literal(text: str) -> Any:
    """A value as the section map would write it: a whole number, a finite decimal, an ISO date, else the text."""
    for make in (int, float, date.fromisoformat):
        try:
            value = make(text)
        except ValueError:
            continue
        if not isinstance(value, float) or math.isfinite(value):
            return value
    return text


def _value(option: str, rng: Range, which: str, text: str) -> Any:
    """FROM, TO or STEP read as the type reads a bound of the section map (the same literal, ``rng.parse``)."""
    try:
        return rng.parse(_literal(text))
    except (ValueError, TypeError):
        raise _err(option, f"{which} {text!r} is not {rng.allowed}") from None


def _shown(value: Any) -> str:
    return repr(round(value, 12)) if isinstance(value, float) else str(value)


def _stepped(option: str, rng: Range, lo_text: str, hi_text: str, step_text: str) -> list[str]:
    """FROM, then every STEP up to TO (no step: the type's own), for a ranged type other than a date."""
    lo, hi = _value(option, rng, "FROM", lo_text), _value(option, rng, "TO", hi_text)
    step = _value(option, rng, "step", step_text) if step_text else rng.step
    if step < rng.step:
        raise _err(option, f"step {_shown(step)}: the step must be {_shown(rng.step)} or more (FROM..TO counts "
                           "upward from FROM)")
    if lo > hi:
        raise _err(option, f"FROM {_shown(lo)} is after TO {_shown(hi)}; write the smaller value first")
    count = int((hi - lo) // step) + 1
    _limit(option, count)
    return [_shown(lo + i * step) for i in range(count)]


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
