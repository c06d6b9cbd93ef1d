"""A data file's text and the dates it may hold, shared by the loaders and the parameter checks (standard library
only; neither depends on the other for these facts).

A UTF-8 byte-order mark (as some spreadsheet programs write) is dropped; a byte that is not UTF-8 is reported
with the CSV row it is on and its position, so the author can find it in an editor.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
from pathlib import Path

#: Dates a page can show and pandas can hold (the data covers the twentieth and twenty-first centuries): the loader
#: refuses a date outside them, and the span the parameters are checked against (and ``--list`` shows) ignores one.
#: The first is 1678 because the tables hold dates as nanosecond timestamps, which start on 1677-09-21.
FIRST_DATE, LAST_DATE = "1678-01-01", "2100-12-31"
#: How far past the build's own date a fact may be dated: something due to take effect (a treaty's expiry, a
#: withdrawal after its notice period) is known ahead, but not by more than a year; a later date is a typo
#: (2100 for 2010) that would otherwise stretch every ``data:last`` parameter to it.
AHEAD = _dt.timedelta(days=366)


def today() -> _dt.date:
    """The build's own date (what "later than today" means for the data and the parameters)."""
    return _dt.date.today()


def latest_date() -> str:
    """The latest date a fact may carry: :func:`today` plus :data:`AHEAD`, as ``YYYY-MM-DD``."""
    return (today() + AHEAD).isoformat()

RULE = "data files are UTF-8 text; save the file as UTF-8, e.g. CSV UTF-8 in a spreadsheet program"


class NotUtf8(ValueError):
    """A byte that is not valid UTF-8: the CSV ``row`` it is on (header = row 1), its ``position`` (1-based
    byte count from the start of that line), the ``byte`` itself and its ``offset`` in the file (0-based)."""

    def __init__(self, row: int, position: int, byte: int, offset: int):
        self.row, self.position, self.byte, self.offset = row, position, byte, offset
        super().__init__(self.detail)

    @property
    def detail(self) -> str:
        return (f"byte 0x{self.byte:02x} at position {self.position} of the line (byte {self.offset + 1} of the "
                f"file) is not valid UTF-8")

    def line(self, shown: str) -> str:
        """One line for a message: ``data/x.csv row 6: byte 0xe9 at position 17 ... (rule)``."""
        return f"{shown} row {self.row}: {self.detail} ({RULE})"


def _row_of(prefix: str) -> int:
    """The CSV row (header = 1) that the text after ``prefix`` continues."""
    try:
        records = sum(1 for _ in csv.reader(io.StringIO(prefix)))
    except csv.Error:
        records = prefix.count("\n") + 1
    if prefix == "" or prefix.endswith(("\n", "\r")):
        return records + 1
    return max(records, 1)


def decode(raw: bytes) -> str:
    """The text of a UTF-8 file without a leading byte-order mark; raises :class:`NotUtf8`."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)
        prefix = raw[:start].decode("utf-8-sig")
        line_start = raw.rfind(b"\n", 0, start) + 1
        raise NotUtf8(_row_of(prefix), start - line_start + 1, raw[start], start) from None


def read(path: Path) -> str:
    """``decode`` of a file's bytes (``FileNotFoundError`` passes through)."""
    return decode(Path(path).read_bytes())


class BadCsv(ValueError):
    """Text the CSV reader cannot split: the ``row`` the record starts on (header = row 1), the ``problem`` and
    what is ``allowed``, in words."""

    def __init__(self, row: int, problem: str, allowed: str):
        self.row, self.problem, self.allowed = row, problem, allowed
        super().__init__(f"row {row}: {problem} ({allowed})")


def records(text: str) -> list[list[str]]:
    """The CSV records of ``text`` (rows end at a line break only); raises :class:`BadCsv`. A value longer than
    the reader's limit is named as such when it sits on one line; one that runs over many lines to get there is
    an unclosed quote."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    out: list[list[str]] = []
    while True:
        start = reader.line_num
        try:
            out.append(next(reader))
        except StopIteration:
            return out
        except csv.Error as exc:
            raise _bad(exc, len(out) + 1, reader.line_num - start) from None


def _bad(exc: csv.Error, row: int, lines: int) -> BadCsv:
    limit = csv.field_size_limit()
    quoted = ("a value with commas, quotes or line breaks is enclosed in double quotes, inner quotes doubled")
    if "field larger than field limit" in str(exc) and lines <= 1:
        return BadCsv(row, f"a value longer than {limit:,} characters, the CSV reader's limit",
                      f"values of at most {limit:,} characters")
    if "field larger than field limit" in str(exc):
        return BadCsv(row, f"a quoted value runs over {lines} lines past {limit:,} characters, probably an "
                           "unclosed quote", quoted)
    return BadCsv(row, f"malformed CSV ({exc}), probably an unclosed or stray quote", quoted)
