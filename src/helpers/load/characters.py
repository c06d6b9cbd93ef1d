"""Characters a data value may not hold: control characters and line or paragraph separators (they end a row in
some readers, crash chart rendering in others and corrupt a terminal), characters that hide text or mark text lost
(byte-order mark, tag characters, U+FFFD), and bidirectional controls left open (they reverse the text that follows
a value on the page). The three rules are :mod:`helpers.printable`'s; here each value breaking one is reported with
file, row and column."""

from __future__ import annotations

from helpers.load.errors import Problem
from helpers.printable import RULE_BIDI, RULE_CONTROL, RULE_INVISIBLE, bad_character  # noqa: F401  (the rules live there)


def problems(header: list[str], rows: list[list[str]], shown: str) -> list[Problem]:
    """A problem for every header name or value holding a character it may not."""
    found: list[Problem] = []
    for j, name in enumerate(header):
        bad = bad_character(name)
        if bad:
            found.append(Problem(shown, 1, None, f"header value {j + 1}: {bad[0]}", bad[1]))
    for i, rec in enumerate(rows, start=2):
        for j, value in enumerate(rec):
            bad = bad_character(value)
            if bad:
                column = header[j] if j < len(header) else f"#{j + 1}"
                found.append(Problem(shown, i, column, bad[0], bad[1]))
    return found
