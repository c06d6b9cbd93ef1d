"""How a ranged parameter type lists the values of a sweep's range ``FROM..TO/STEP`` (``--sweep``): for a date,
every N days, every month-end or every year-end; for any other ranged type, FROM then every STEP up to TO, read as
the type reads a bound of the section map.

Each :class:`~helpers.params.types.Range` names its lister (``Range.sweep``) and says what its STEP is in words
(``Range.steps``), so ``helpers.pipeline.sweep`` asks the type and never looks at its name. A lister returns the
values as text, or raises ``ValueError`` whose text is the problem (the sweep adds the option it was given).
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from typing import Any

_DAYS = re.compile(r"^(\d+)d$", re.ASCII)
DATE_STEPS = "1d, Nd (every N days), month-end or year-end"


def _limit(count: int, limit: int) -> None:
    if count > limit:
        raise ValueError(f"{count:,} values; a sweep may have at most {limit:,}: split it into smaller ranges")


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


def _value(rng, which: str, text: str) -> Any:
    """FROM, TO or STEP read as the type reads a bound of the section map (the same literal, ``rng.parse``)."""
    try:
        return rng.parse(_literal(text))
    except (ValueError, TypeError):
        raise ValueError(f"{which} {text!r} is not {rng.allowed}") from None


def _shown(value: Any) -> str:
    return repr(round(value, 12)) if isinstance(value, float) else str(value)


def stepped(rng, lo_text: str, hi_text: str, step_text: str, limit: int) -> list[str]:
    """FROM, then every STEP up to TO (no step: the type's own ``rng.step``): any ranged type but a date."""
    lo, hi = _value(rng, "FROM", lo_text), _value(rng, "TO", hi_text)
    step = _value(rng, "step", step_text) if step_text else rng.step
    if step < rng.step:
        raise ValueError(f"step {_shown(step)}: the step must be {_shown(rng.step)} or more (FROM..TO counts "
                         "upward from FROM)")
    if lo > hi:
        raise ValueError(f"FROM {_shown(lo)} is after TO {_shown(hi)}; write the smaller value first")
    count = int((hi - lo) // step) + 1
    _limit(count, limit)
    return [_shown(lo + i * step) for i in range(count)]


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text} is not a real calendar date; write an ISO date YYYY-MM-DD") from None


def _month_end(year: int, month: int) -> date:
    return (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(days=1)


def dates(rng, lo_text: str, hi_text: str, step: str, limit: int) -> list[str]:
    """The dates of FROM..TO by STEP: ``Nd`` (FROM, then every N days), ``month-end`` or ``year-end``."""
    lo, hi = _day(lo_text), _day(hi_text)
    if not step:
        raise ValueError("a range of dates needs a step: /1d, /Nd (every N days), /month-end or /year-end")
    if lo > hi:
        raise ValueError(f"FROM {lo} is after TO {hi}; write the earlier date first")
    days = _DAYS.match(step)
    if days:
        n = int(days.group(1))
        if n < 1:
            raise ValueError(f"step {step}: the step must be 1d or more")
        _limit((hi - lo).days // n + 1, limit)
        return [(lo + timedelta(days=i * n)).isoformat() for i in range((hi - lo).days // n + 1)]
    if step == "month-end":
        _limit((hi.year - lo.year) * 12 + hi.month - lo.month + 1, limit)
        ends = [_month_end(y, m) for y in range(lo.year, hi.year + 1) for m in range(1, 13)]
    elif step == "year-end":
        ends = [date(y, 12, 31) for y in range(lo.year, hi.year + 1)]
    else:
        raise ValueError(f"step {step!r} is not a date step; allowed: {DATE_STEPS}")
    values = [d.isoformat() for d in ends if lo <= d <= hi]
    if not values:
        raise ValueError(f"no {step} falls between {lo} and {hi}; widen the range or use a step in days")
    return values
