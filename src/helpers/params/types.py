"""The parameter types of the section map: their names (:data:`TYPES`) and, for a type with a range
(``min``/``max``), how its bounds are read (:data:`RANGED`).

This is the first home of a new type (CONTRIBUTING, "Recipe: add a parameter type"): its name here, one check in
``checks.py`` and, for a type without a range, its ``--list`` text in ``describe.py`` (``tests/test_params.py``
holds them together). A ranged type says here, once, what its values are in words (:attr:`Range.allowed`): the
section map's bound check, a refused value's message, ``--list`` and ``--sweep`` all quote it; they and the rules
between parameters, the edge values and ``--sweep``'s ranges read the type's :class:`Range`; nothing else needs
its name.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from helpers.params import steps


def _literal(raw: Any, kind: type) -> Any:
    """A bound of the section map that is a ``kind`` (a date may be written as an ISO string), else ValueError."""
    value = _dt.date.fromisoformat(raw) if kind is _dt.date and isinstance(raw, str) else raw
    if isinstance(value, bool | _dt.datetime) or not isinstance(value, kind):
        raise ValueError(f"{raw!r} is not a {kind.__name__}")
    return value


def decimal(raw: Any) -> float:
    """A decimal bound: a TOML integer or float (``min = 1`` and ``min = 0.25``), never ``true``/``false`` (which
    ``float`` would read as 1.0 and 0.0), never a text; ValueError otherwise. The ``parse`` of a decimal type."""
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise ValueError(f"{raw!r} is not a decimal number")
    return float(raw)


@dataclass(frozen=True)
class Range:
    """How a type with a range (``min``/``max``) reads its bounds: ``words`` (the ``data:`` words a bound may use),
    ``parse`` (a bound's literal to its value, or ValueError), ``allowed`` (what a value is, in words: the one text
    the section map's bound check, a refused value, ``--list`` and ``--sweep`` all say) and ``step``, the smallest
    move between two values (``a < b`` at an edge puts ``b`` a step past ``a``: :meth:`moved`). Every type of
    :data:`TYPES` also has one check in ``checks.py`` (a test holds them together)."""

    words: tuple[str, ...]
    parse: Callable[[Any], Any]
    allowed: str
    step: Any
    #: How ``--sweep NAME=FROM..TO/STEP`` lists this type's values (:mod:`helpers.params.steps`) and what its
    #: STEP is, in words (the sweep's help quotes it); by default FROM, then every STEP read as a bound is read.
    sweep: Callable[..., list[str]] = steps.stepped
    step_help: str = ""

    def moved(self, value: Any, steps: int) -> Any:
        """``value`` moved by ``steps`` of this type's step (a day for a date, one for a whole number)."""
        return value + self.step * steps

    def step_words(self) -> str:
        """What a sweep's STEP is for this type: :attr:`step_help`, or a value as :attr:`allowed` says."""
        return self.step_help or self.allowed

    def values(self, lo: str, hi: str, step: str, limit: int) -> list[str]:
        """The values of a sweep's range FROM..TO/STEP (text, at most ``limit``); ValueError names the problem."""
        return self.sweep(self, lo, hi, step, limit)


_DATE, _WHOLE = partial(_literal, kind=_dt.date), partial(_literal, kind=int)
RANGED: dict[str, Range] = {
    "date": Range(("data:first", "data:last"), _DATE, "an ISO date YYYY-MM-DD", _dt.timedelta(days=1),
                  steps.dates, steps.DATE_STEPS),
    "year": Range(("data:first_year", "data:last_year"), _WHOLE, "a whole number", 1),
    "int": Range((), _WHOLE, "a whole number", 1),
}
TYPES = ("date", "year", "org_list", "org", "state", "choice", "list", "int", "str")
BOUND_WORDS = tuple(w for rng in RANGED.values() for w in rng.words)
