"""Every notebook, through ``helpers.load``: one data file's rows — its text read as UTF-8, its CSV records, the
header checked against the columns the data package declares, and one value per column in every row.

Typing the columns and checking keys and rules is :mod:`helpers.load.readers`'s job.
"""

from __future__ import annotations

import re
from pathlib import Path

from helpers import data_text
from helpers.load.errors import DataError, Problem


def read_rows(path: Path, shown: str) -> tuple[list[str], list[list[str]]]:
    """The header and the records of one data file (``shown``: its name in messages); raises :class:`DataError`
    for a missing file, text that is not UTF-8, malformed CSV or an empty file."""
    if path.exists() and not path.is_file():  # a folder, a device, a pipe: read as text it fails or never ends
        raise DataError([Problem(shown, None, None, "is not a regular file (a folder, a device or a pipe)",
                                 "every table declared in datapackage.json is a CSV file")])
    try:
        text = data_text.read(path)
    except FileNotFoundError:
        raise DataError([Problem(shown, None, None, "file not found",
                                 "every table declared in datapackage.json must exist as a CSV file")]) from None
    except data_text.NotUtf8 as exc:
        raise DataError([Problem(shown, exc.row, None, exc.detail, data_text.RULE)]) from None
    _refuse_lone_cr(text, shown)
    # Rows end at a line break only (not at U+2028, VT, FS ... as str.splitlines would have it): a stray separator
    # is reported in its own row and column below, as frictionless reads the file.
    try:
        records = data_text.records(text)
    except data_text.BadCsv as exc:
        raise DataError([Problem(shown, exc.row, None, exc.problem, exc.allowed)]) from None
    if not records:
        raise DataError([Problem(shown, 1, None, "the file is empty", "a table starts with a header row")])
    return records[0], records[1:]


def _refuse_lone_cr(text: str, shown: str) -> None:
    """A carriage return not followed by a line feed, in a file whose lines end with a line feed, ends a row in
    the CSV reader (and in a spreadsheet) wherever it stands: refused at its line, not as a row of the wrong size."""
    if "\n" not in text:
        return  # lines end with CR alone (old Mac files): each CR is a line end
    lone = re.search(r"\r(?!\n)", text)
    if lone:
        raise DataError([Problem(
            shown, text.count("\n", 0, lone.start()) + 1, None,
            "a carriage return (U+000D) without a line feed, in a file whose lines end with a line feed",
            "lines end with LF or CRLF; a line break inside a quoted value is LF or CRLF too",
        )])


def check_header(header: list[str], names: list[str], shown: str) -> None:
    """Raise :class:`DataError` unless the header is exactly the declared column ``names``, in order."""
    if header == names:
        return
    missing = [n for n in names if n not in header]
    extra = [h for h in header if h not in names]
    detail = "header is " + ",".join(header)
    if missing:
        detail += f"; missing {', '.join(missing)}"
    if extra:
        detail += f"; unexpected {', '.join(extra)}"
    if not missing and not extra:
        detail += " (same columns, different order)"
    raise DataError([Problem(shown, 1, None, detail,
                             f"the header must be exactly {','.join(names)} as datapackage.json declares")])


def complete_rows(rows: list[list[str]], width: int, shown: str) -> tuple[list[list[str]], list[int]]:
    """Rows with one value per column and their spreadsheet row numbers; raises for any other row."""
    problems: list[Problem] = []
    good, rownums = [], []
    for i, rec in enumerate(rows, start=2):
        if len(rec) == width:
            good.append(rec)
            rownums.append(i)
        elif not rec or rec == [""]:
            problems.append(Problem(shown, i, None, "blank line", "every line after the header is a data row"))
        else:
            detail = f"has {len(rec)} values but the header has {width} columns"
            if any("\n" in v for v in rec):
                detail += "; a quoted value runs over several lines, probably an unclosed quote"
            problems.append(Problem(shown, i, None, detail, "every row has exactly one value per column"))
    if problems:
        raise DataError(problems)
    return good, rownums
