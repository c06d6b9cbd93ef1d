"""The rule registry: one function per rule, registered with :func:`rule`, whose docstring is the rule's text.

A rule function receives a :class:`View` of one table and yields :class:`Finding` s (which row, which column,
what is wrong); the registry turns each into a :class:`~helpers.load.errors.Problem` whose rule is the function's
docstring, so the text a data author reads in an error, the list in ``data/README.md`` and the code are one.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

import pandas as pd

from helpers.load.errors import Problem


class Finding(NamedTuple):
    """One row breaking a rule: its position in the frame, the column, what is wrong and, optionally, the
    values that would be allowed (appended to the rule's text)."""

    pos: int
    column: str
    detail: str
    allowed: str = ""


@dataclass(frozen=True)
class View:
    """What a rule sees: the table's ``name``, its typed ``df``, the spreadsheet row of each frame position
    (``rows``; the header is row 1) and ``other(name)`` for the tables it needs."""

    name: str
    df: pd.DataFrame
    rows: list[int]
    other: Callable[[str], pd.DataFrame]


@dataclass(frozen=True)
class Rule:
    """A registered rule: the tables it applies to, the tables it reads besides them, and its text."""

    name: str
    tables: tuple[str, ...]
    needs: tuple[str, ...]
    text: str
    check: Callable[[View], Iterable[Finding]]

    def problems(self, view: View, shown: str) -> Iterator[Problem]:
        for f in self.check(dataclasses.replace(view, other=self._declared(view.other))):
            rule = f"{self.text}; allowed: {f.allowed}" if f.allowed else self.text
            yield Problem(shown, view.rows[f.pos], f.column, f.detail, rule)

    def _declared(self, other: Callable[[str], pd.DataFrame]) -> Callable[[str], pd.DataFrame]:
        """``other`` for the tables in ``needs`` only: a table read but not declared would be missing from the
        loader's dependencies and the read log, so a change to it would re-check nothing and rebuild no report."""

        def read(name: str) -> pd.DataFrame:
            if name not in self.needs:
                raise TypeError(f"rule {self.name} reads {name!r} without needs=({name!r},); add it to its @rule")
            return other(name)

        return read


REGISTRY: list[Rule] = []


def rule(*tables: str, needs: tuple[str, ...] = ()) -> Callable:
    """Register the decorated function as a rule on ``tables`` that also reads the tables in ``needs``."""

    def register(func: Callable[[View], Iterable[Finding]]) -> Callable:
        doc = inspect.getdoc(func)
        if not doc:
            raise TypeError(f"rule {func.__name__} has no docstring; the docstring is the rule's text")
        REGISTRY.append(Rule(func.__name__, tables, tuple(needs), " ".join(doc.split()), func))
        return func

    return register


def rules_for(table: str, *, cross: bool | None = None) -> list[Rule]:
    """Rules on ``table`` in registration order; ``cross`` selects those that read other tables (True), those
    that do not (False) or both (None)."""
    return [r for r in REGISTRY if table in r.tables and (cross is None or bool(r.needs) == cross)]


def needs(table: str) -> list[str]:
    """Other tables the rules on ``table`` read."""
    out: list[str] = []
    for r in rules_for(table):
        out += [t for t in r.needs if t != table and t not in out]
    return out


def by_table() -> dict[str, list[str]]:
    """``{table: [rule text, ...]}`` in registration order (what ``load.EXTRA_RULES`` was)."""
    out: dict[str, list[str]] = {}
    for r in REGISTRY:
        for t in r.tables:
            out.setdefault(t, []).append(r.text)
    return out


def fmt(v: Any) -> str:
    """A cell as a message shows it (dates as YYYY-MM-DD)."""
    if isinstance(v, pd.Timestamp):
        return v.strftime("%Y-%m-%d")
    return str(v)
