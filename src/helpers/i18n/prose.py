"""The data's own English prose in the Arabic edition: ``data/prose_ar.csv``, beside the tables it translates.

Some cells of the data package are sentences a reader sees on the pages — a claim's verdict reason, an event's
description, a lineage finding, a note on an arms-control step. ``prose_ar.csv`` holds our Arabic for each, one row
per cell: ``table``, ``column``, ``key`` (the row's primary key, its fields joined with ``|``), ``en`` (the English
it translates, as it was when translated) and ``ar``. The Arabic edition looks a cell up by its English text
(:func:`helpers.i18n.text`), so when a table's English changes the page shows the new English, not stale Arabic,
until the row is translated again; ``python -m helpers.i18n check`` lists such rows and the ones never translated.

:data:`COLUMNS` names the columns translated this way; ``tests/test_i18n.py`` checks that every non-empty cell of
them has its Arabic here, made from the English the table holds today.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from helpers import paths

FILE = "prose_ar.csv"
SEP = "|"

#: table -> the columns whose English a reader sees on the pages and that the Arabic edition translates.
COLUMNS: dict[str, tuple[str, ...]] = {
    "claims": ("verdict_reason",),
    "events": ("title", "description"),
    "lineage": ("finding",),
    "glossary": ("note",),
    "translation": ("rt_says", "valdai_says", "note"),
    "translation_differences": ("note",),
    "pact_exits": ("note",),
    "arms_control": ("note",),
    "principles": ("description",),
    "documents": ("title",),
    "principle_documents": ("phrase", "locator"),
    "org_features": ("detail", "note", "locator", "quote"),
    "dimensions": ("label", "description"),
}

#: Columns translated note by note: the sources' notes ("What the page shows"), which the bibliography of every
#: page lists. A note not yet translated shows its English, marked as our note in English; ``check`` counts how
#: many remain and, like :data:`COLUMNS`, flags a translated note whose English has changed since (out of date).
GRADUAL: dict[str, tuple[str, ...]] = {
    "sources": ("note",),
}


@dataclass(frozen=True)
class Cell:
    table: str
    column: str
    key: str
    en: str


def _read(table: str, data: Path) -> list[dict]:
    """A table's rows as text, read through the loader (:func:`helpers.load.text_rows`): checked against the data
    package, so a duplicate key or a bad row stops with the loader's one-line error instead of one of two Arabic
    texts winning silently, and logged as read like the rest of the data. A table with no file has no rows."""
    from helpers import load

    if not (data / f"{table}.csv").exists():
        return []
    return load.text_rows(table, data)


def primary_keys(data: Path | None = None) -> dict[str, list[str]]:
    pkg = json.loads(((data or paths.DATA) / "datapackage.json").read_text(encoding="utf-8"))
    out = {}
    for res in pkg["resources"]:
        pk = res.get("schema", {}).get("primaryKey") or []
        out[res["name"]] = [pk] if isinstance(pk, str) else list(pk)
    return out


def english_cells(data: Path | None = None, columns_of: dict[str, tuple[str, ...]] | None = None) -> list[Cell]:
    """Every non-empty cell of :data:`COLUMNS` (or ``columns_of``, e.g. :data:`GRADUAL`), with its key, as the
    tables hold it today."""
    data = data or paths.DATA
    keys = primary_keys(data)
    out = []
    for table, columns in (COLUMNS if columns_of is None else columns_of).items():
        for row in _read(table, data):
            key = SEP.join(row[k] for k in keys[table])
            out.extend(Cell(table, c, key, row[c]) for c in columns if (row.get(c) or "").strip())
    return out


def rows(data: Path | None = None) -> list[dict]:
    """The rows of ``prose_ar.csv``, checked and logged by the loader (see :func:`_read`)."""
    return _read(Path(FILE).stem, data or paths.DATA)


def lookup(data: Path | None = None) -> dict[str, str]:
    """``{English text: Arabic}`` of every translated cell."""
    return {r["en"].strip(): r["ar"].strip() for r in rows(data) if r.get("en") and (r.get("ar") or "").strip()}


@dataclass
class Status:
    translated: int = 0
    stale: list[Cell] | None = None  # translated from an earlier English text
    missing: list[Cell] | None = None

    def line(self, what: str = "data prose", left: str = "missing") -> str:
        return (f"{what} ({FILE}): {self.translated} translated, {len(self.stale or [])} out of date, "
                f"{len(self.missing or [])} {left}")


def status(data: Path | None = None, columns_of: dict[str, tuple[str, ...]] | None = None) -> Status:
    """How complete the Arabic of the data's prose is, cell by cell (``columns_of``: as for
    :func:`english_cells`)."""
    have = {(r["table"], r["column"], r["key"]): r for r in rows(data)}
    out = Status(0, [], [])
    for cell in english_cells(data, columns_of):
        row = have.get((cell.table, cell.column, cell.key))
        if row is None or not (row.get("ar") or "").strip():
            out.missing.append(cell)
        elif row["en"] != cell.en:
            out.stale.append(cell)
        else:
            out.translated += 1
    return out
