"""Bring the notebook catalogs up to date with the notebooks, and say how complete each one is.

    python -m helpers.i18n extract          # every notebook of the collection → notebooks/locale/ar/<stem>.po
    python -m helpers.i18n check            # per catalog: translated, out of date (fuzzy), missing, and each
                                            # entry whose msgctxt matches no cell (an orphan), by file and msgctxt
    python -m helpers.i18n check --strict   # the same, exit 1 when anything is missing, out of date or orphaned

Both commands also count the data's prose (``data/prose_ar.csv``, :mod:`helpers.i18n.prose`) and list its
cells whose Arabic is missing or was made from an earlier English text.

Each markdown cell of the committed ``.ipynb`` is one entry: ``msgctxt`` is the cell's id (jupytext keeps ids
when ``make sync`` updates a notebook), ``msgid`` its English text. When a cell's English changed since the
catalog was written, the entry keeps its Arabic, is flagged ``fuzzy`` and records the old English as
``#| msgid`` (gettext's previous message), so the translator sees exactly what changed; the page shows that
Arabic with a note that it predates the English. Entries of cells that no longer exist are dropped. Messages of
the pages themselves live in ``src/helpers/locale/ar/messages.po`` (hand-kept: they include patterns).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from helpers import paths
from helpers.i18n import catalogs


@dataclass
class Counts:
    stem: str
    cells: int = 0
    translated: int = 0
    fuzzy: int = 0
    missing: int = 0
    added: int = 0
    changed: int = 0
    dropped: int = 0
    #: ``msgctxt`` of the catalog's entries that match no markdown cell (a mistyped or stale cell id).
    orphans: tuple[str, ...] = ()

    def line(self) -> str:
        return (f"{self.stem}: {self.cells} cells, {self.translated} translated, {self.fuzzy} out of date, "
                f"{self.missing} missing")


def markdown_cells(ipynb: Path) -> list[tuple[str, str]]:
    """``[(cell id, source)]`` of the notebook's non-empty markdown cells, in order."""
    nb = json.loads(ipynb.read_text(encoding="utf-8"))
    out = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        src = "".join(cell["source"]) if isinstance(cell.get("source"), list) else cell.get("source", "")
        if src.strip():
            if not cell.get("id"):
                raise ValueError(f"{ipynb.name}: a markdown cell has no id; run `make sync` to give every cell one")
            out.append((cell["id"], src))
    return out


def _heading(source: str) -> str:
    first = source.strip().splitlines()[0]
    return first[:80]


def _carried(before, source: str, counts: Counts) -> tuple[str, set, str | None]:
    """What a cell's entry keeps from the old catalog (``before``, None for a new cell): its translation, its flags
    (``fuzzy`` once the English changed under a translation) and the English it was translated from; counts the cell
    as added or changed."""
    string, flags, previous = "", set(), None
    if before is None:
        counts.added += 1
    else:
        string, flags = before.string or "", set(before.flags)
        previous = before.previous_id or None
        if before.id != source:
            counts.changed += 1
            if string:
                flags.add("fuzzy")
                previous = before.id if not previous else previous
    if not string:
        flags.discard("fuzzy")
        previous = None
    if "fuzzy" not in flags:
        previous = None
    return string, flags, previous


def update(stem: str, lang: str = "ar", ipynb: Path | None = None, write: bool = True) -> Counts:
    """Update (or create) one notebook's catalog; the counts after the update."""
    from babel.messages.catalog import Catalog

    ipynb = ipynb or paths.NOTEBOOKS / f"{stem}.ipynb"
    path = catalogs.notebook_catalog_path(stem, lang)
    old = catalogs.read(path)
    by_ctx = {m.context: m for m in old if m.id and m.context}
    new = Catalog(locale=lang, domain=stem, project="Neutralizing NATO notebooks", version="1", fuzzy=False,
                  msgid_bugs_address="", language_team="", last_translator="", header_comment=(
                      f"# Arabic translation of the prose and headings of notebooks/{stem}.py, one entry per\n"
                      "# markdown cell (msgctxt = the cell's id). Update with `python -m helpers.i18n extract`.\n"))
    counts = Counts(stem)
    for n, (cell_id, source) in enumerate(markdown_cells(ipynb), start=1):
        counts.cells += 1
        string, flags, previous = _carried(by_ctx.get(cell_id), source, counts)
        new.add(source, string, context=cell_id, flags=sorted(flags), previous_id=previous,
                auto_comments=[f"cell {n}: {_heading(source)}"])
        if not string:
            counts.missing += 1
        elif "fuzzy" in flags:
            counts.fuzzy += 1
        else:
            counts.translated += 1
    counts.orphans = tuple(sorted(set(by_ctx) - {c for c, _ in markdown_cells(ipynb)}))
    counts.dropped = len(counts.orphans)
    if write:
        catalogs.write(path, new)
    return counts


def stems(collection: Path | None = None) -> list[str]:
    from helpers.section_map import read

    data = read(collection or paths.collection())
    return [nb["stem"] for nb in data.get("notebook", [])]


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m helpers.i18n",
                                 description="Translation catalogs of the Arabic edition (notebooks/locale/ar).")
    ap.add_argument("command", choices=["extract", "check"])
    ap.add_argument("--lang", default="ar", choices=["ar"])
    ap.add_argument("--strict", action="store_true", help="check: exit 1 when a cell is missing or out of date")
    args = ap.parse_args(argv)
    bad = 0
    for stem in stems():
        counts = update(stem, args.lang, write=args.command == "extract")
        extra = f" (+{counts.added} new, {counts.changed} changed, {counts.dropped} dropped)" \
            if args.command == "extract" else ""
        print(counts.line() + extra)
        if args.command == "check":
            shown = paths.shown(catalogs.notebook_catalog_path(stem, args.lang))
            for ctx in counts.orphans:
                print(f"  orphan: {shown} msgctxt {ctx!r} matches no markdown cell of notebooks/{stem}.ipynb "
                      "(its Arabic is never shown); correct the id, or run extract to drop the entry")
        bad += counts.missing + counts.fuzzy + (len(counts.orphans) if args.command == "check" else 0)
    from helpers.i18n import prose

    data = prose.status()
    print(data.line())
    for label, cells in (("out of date", data.stale), ("missing", data.missing)):
        for cell in cells:
            print(f"  {label}: {cell.table}.{cell.column} [{cell.key}] {cell.en[:70]}")
    bad += len(data.stale) + len(data.missing)
    notes = prose.status(columns_of=prose.GRADUAL)  # translated note by note: only an out-of-date one is an error
    print(notes.line("source notes", "still in English"))
    for cell in notes.stale:
        print(f"  out of date: {cell.table}.{cell.column} [{cell.key}] {cell.en[:70]}")
    bad += len(notes.stale)
    return 1 if args.strict and bad else 0
