"""What a broken data file raises: one :class:`Problem` per broken rule, gathered in one :class:`DataError`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: Most problems listed in one error message (the rest are counted).
MAX_LISTED = 20
#: Most characters of a refused value a message echoes (the rest are counted).
ECHO = 20


def echoed(value: str, quote: bool = True) -> str:
    """A refused value as a message shows it: quoted (``repr``) or not, cut to its first :data:`ECHO` characters
    with its length said, so a value of 400 digits is named, not printed."""
    value = str(value)
    shown = repr(value[:ECHO]) if quote else value[:ECHO]
    return shown if len(value) <= ECHO else f"{shown}… ({len(value):,} characters)"


@dataclass(frozen=True)
class Problem:
    """One broken rule: where (file, row, column) and what (detail, rule)."""

    file: str
    row: int | None
    column: str | None
    detail: str
    rule: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f" row {self.row}"
        if self.column is not None:
            where += ("," if self.row is not None else "") + f" column {self.column}"
        return f"{where}: {self.detail} ({self.rule})"


class DataError(ValueError):
    """A data file breaks the data contract. ``problems`` lists every problem found (the message shows the first
    ``MAX_LISTED``); ``file``, ``row``, ``column`` and ``rule`` describe the first one."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        first = self.problems[0]
        self.file, self.row, self.column, self.rule = first.file, first.row, first.column, first.rule
        lines = [str(p) for p in self.problems[:MAX_LISTED]]
        if len(self.problems) > MAX_LISTED:
            lines.append(f"... and {len(self.problems) - MAX_LISTED} more problems")
        super().__init__("\n".join(lines))
