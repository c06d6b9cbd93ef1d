"""``--sweep NAME=FROM..TO/STEP`` (or ``NAME=a,b,c``): the values of one parameter, one report per value.

A sweep is planned exactly as if ``-p NAME value`` had been given once per value: every selected notebook that
declares ``NAME`` gets one report per value (same names, same cache records, listed under "Your builds"), and every
value is checked with the parameter's own check before any kernel starts (:func:`helpers.pipeline.plan.all_entries`).
This module only reads the option; the values of a range, as text, come from the type the section map declares for
the parameter (its :class:`~helpers.params.types.Range` lists them, :mod:`helpers.params.steps`), never from how the
text looks or the type's name:

- a ``date``: ``as_of=1992-12-31..2000-12-31/year-end`` (every 31 December in the range), ``/month-end`` (the last
  day of every month in the range), ``/1d`` or ``/7d`` (FROM, then every N days up to TO);
- any other type with a range (``year``, ``int``, a new one of ``RANGED``): ``year=2001..2025/4`` (FROM, then every
  STEP up to TO; no step: the type's own step); FROM, TO and STEP are read as the type reads its bounds;
- a list, of any type: ``state=KAZ,IND,CHN``.

A sweep of more than :data:`MAX_UNASKED` reports needs ``--yes``; none may list more than :data:`MAX_VALUES`
values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from helpers import params
from helpers.params.checks import ascii_digits
from helpers.params.types import RANGED
from helpers.pipeline.plan import BuildError

MAX_UNASKED = 500  # reports a sweep may build without --yes
MAX_VALUES = 100_000  # values one sweep may list at all (each is a report per notebook declaring the parameter)

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$", re.ASCII)
#: Characters of a long run (a bound of thousands of digits) a refusal echoes; a run past _LONG is cut to them.
_ECHO = 60
_LONG = re.compile(r"\S{101,}")


def _forms() -> str:
    """How the option is written, with what STEP is for each ranged type (from its :class:`Range`)."""
    by_words: dict[str, list[str]] = {}
    for kind, rng in RANGED.items():
        by_words.setdefault(rng.step_words(), []).append(kind)
    steps = "; ".join(f"{', '.join(kinds)}: STEP {words}" for words, kinds in by_words.items())
    return f"NAME=FROM..TO/STEP ({steps}) or NAME=a,b,c"



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
        return _err(self.option, problem)


def _err(option: str, problem: str) -> BuildError:
    """The refusal of ``--sweep option``, every run of more than 100 characters without a space (a bound of 5,000
    digits) cut to its first :data:`_ECHO` and its length, as ``-p`` echoes a value."""
    line = f"--sweep {option}: {problem}"
    return BuildError(_LONG.sub(lambda m: f"{m[0][:_ECHO]}… ({len(m[0]):,} characters)", line))


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
        raise _err(option, f"write {_forms()}")
    if not _NAME.match(name):
        raise _err(option, f"'{name}' is not a parameter name (letters, digits and _); write {_forms()}")
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
        raise _err(option, f"a range is FROM..TO/STEP; write {_forms()}")
    if slash and not step:
        raise _err(option, "the step after / is empty; " + f"write {_forms()}")
    if kind is None:
        raise _err(option, f"no notebook declares '{name}', so a range of it cannot be read; write NAME=a,b,c")
    if kind not in RANGED:
        raise _err(option, f"'{name}' is a {kind} parameter, which has no range; only {', '.join(RANGED)} "
                           "parameters take FROM..TO: list its values, NAME=a,b,c")
    try:
        return RANGED[kind].values(lo, hi, step, MAX_VALUES)
    except ValueError as exc:
        raise _err(option, str(exc)) from None


def _limit(option: str, count: int) -> None:
    if count > MAX_VALUES:
        raise _err(option, f"{count:,} values; a sweep may have at most {MAX_VALUES:,}: split it into smaller ranges")
