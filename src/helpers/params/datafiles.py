"""What the parameter checks read from the data (standard library only, so a refusal stays quick): the span of
dates and years the data covers, the known organisation and state ids, the values of a column.

Every file is read as UTF-8 (a byte-order mark dropped); a byte that is not UTF-8, a missing file or a list that
comes back empty raises :class:`DataFileError` naming the file, never a silent "anything goes".
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from helpers import data_text, paths
from helpers.data_text import FIRST_DATE, LAST_DATE
from helpers.params.refusals import DataFileError
from helpers.params.specs import data_dir
from helpers.params.types import BOUND_WORDS

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
# Columns that say when something was looked up or when the page that documents it is dated, not what the data
# covers: a page updated last month does not let a report be asked for last month.
_NOT_COVERAGE = {"accessed", "evidence_date"}


def rows(path: Path) -> list[list[str]]:
    """The CSV records of a data file (header first); raises :class:`DataFileError` for a byte that is not UTF-8."""
    try:
        content = data_text.read(path)
        return data_text.records(content)
    except data_text.NotUtf8 as exc:
        raise DataFileError(exc.line(paths.shown(path))) from None
    except data_text.BadCsv as exc:
        raise DataFileError(f"{paths.shown(path)} row {exc.row}: {exc.problem}; allowed: {exc.allowed}") from None


def _date_columns(folder: Path) -> dict[str, list[str]]:
    """``{csv file name: [date column, ...]}`` from datapackage.json (empty when it declares none)."""
    package = folder / "datapackage.json"
    columns: dict[str, list[str]] = {}
    if package.is_file():
        try:
            pkg = json.loads(package.read_text(encoding="utf-8-sig"))
            for res in pkg.get("resources", []):
                file = Path(str(res.get("path", ""))).name
                fields = (res.get("schema") or {}).get("fields", [])
                cols = [f["name"] for f in fields if f.get("type") == "date" and f.get("name") not in _NOT_COVERAGE]
                if file and cols:
                    columns[file] = cols
        except (ValueError, KeyError, TypeError, RecursionError):
            columns = {}
    return columns


def _dates_in(records: list[list[str]], columns: list[str] | None, ahead: str) -> list[date]:
    """Dates of the declared ``columns`` (or of every column but ``accessed`` when none are declared), up to
    ``ahead``: a date the loader refuses (a typo far in the future) stretches no parameter's range."""
    header = records[0]
    idx = [i for i, c in enumerate(header) if (c in columns if columns is not None else c not in _NOT_COVERAGE)]
    out = []
    for row in records[1:]:
        for i in idx:
            cell = row[i] if i < len(row) else ""
            if _ISO_DATE.match(cell) and FIRST_DATE <= cell <= min(LAST_DATE, ahead):
                try:
                    out.append(date.fromisoformat(cell))
                except ValueError:
                    continue
    return out


@lru_cache(maxsize=8)
def _data_span(folder_str: str, fingerprint: tuple,
               ahead: str) -> tuple[date | None, date | None, int | None, int | None]:
    folder = Path(folder_str)
    declared = _date_columns(folder)
    dates: list[date] = []
    years: list[int] = []
    for csv_path in sorted(folder.glob("*.csv")):
        if csv_path.name == "sources.csv":
            continue
        records = rows(csv_path)
        if not records or not records[0]:
            continue
        if declared and csv_path.name not in declared:
            columns: list[str] | None = []
        else:
            columns = declared.get(csv_path.name) if declared else None
        dates += _dates_in(records, columns, ahead)
        year_idx = [i for i, c in enumerate(records[0]) if c == "year"]
        years += [int(r[i]) for r in records[1:] for i in year_idx if i < len(r) and r[i].isascii()
                  and r[i].isdigit() and int(FIRST_DATE[:4]) <= int(r[i]) <= int(LAST_DATE[:4])]
    return (min(dates, default=None), max(dates, default=None), min(years, default=None), max(years, default=None))


def _fingerprint(folder: Path) -> tuple:
    files = sorted(folder.glob("*.csv")) + [p for p in [folder / "datapackage.json"] if p.is_file()]
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def data_span(folder: Path | None = None) -> dict[str, Any]:
    """Earliest/latest date in the data's date columns and first/last value of ``year`` columns.

    Keys ``data:first``, ``data:last`` (``datetime.date``), ``data:first_year``, ``data:last_year`` (int). When no
    ``year`` column exists, the years of the date span are used. Values are ``None`` when the data has none.
    ``data:last`` is at most the build's own date: a fact due to take effect later (a treaty's expiry) is in the
    data, but a report "as of" a day yet to come would be a forecast.
    """
    folder = (folder or data_dir()).resolve()
    if not folder.is_dir():
        return dict.fromkeys(BOUND_WORDS)
    first, last, fy, ly = _data_span(str(folder), _fingerprint(folder), data_text.latest_date())
    if last is not None and last > data_text.today():  # a report "as of" a day yet to come would be a forecast
        last = max(first, data_text.today())
    if fy is None and first is not None:
        fy, ly = first.year, last.year
    return {"data:first": first, "data:last": last, "data:first_year": fy, "data:last_year": ly}


def column(file: Path, name: str, what: str) -> tuple[str, ...]:
    """Non-empty values of column ``name`` of ``file``, first-seen order, each once; raises
    :class:`DataFileError` when the file is missing, lacks the column or holds no value (``what`` says what the
    values are for, e.g. "organisation parameters")."""
    if not file.is_file():
        raise DataFileError(f"{paths.shown(file)}: file not found; {what} are checked against its column {name}")
    records = rows(file)
    header = records[0] if records else []
    if name not in header:
        found = ",".join(header) if header else "nothing (the file is empty)"
        raise DataFileError(f"{paths.shown(file)} row 1: the header is {found}; {what} are checked against its "
                            f"column {name}, so the header must name it")
    i = header.index(name)
    values = tuple(dict.fromkeys(r[i] for r in records[1:] if i < len(r) and r[i]))
    if not values:
        raise DataFileError(f"{paths.shown(file)}: column {name} holds no value; {what} are checked against it, so it "
                            f"must list at least one")
    return values


def known_orgs(folder: Path | None = None) -> tuple[str, ...]:
    """Organisation ids from ``organisations.csv``."""
    return column((folder or data_dir()) / "organisations.csv", "org_id", "organisation parameters")


def known_states(folder: Path | None = None) -> tuple[str, ...]:
    """ISO3 codes from ``states.csv``."""
    return column((folder or data_dir()) / "states.csv", "iso3", "state parameters")
