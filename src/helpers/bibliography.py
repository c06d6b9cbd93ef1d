"""The bibliography a notebook cites from: the rows of ``data/sources.csv``, the source ids a figure cites (from a
list, a column or a frame's ``*source_id`` columns), and the sources cited in this run (:data:`CITED`), which
``present.sources_section()`` lists at the end of a notebook.

``helpers.present`` uses these for every figure and re-exports them; the renderer reads the rows through
:func:`source_rows` (``helpers.render.citations``), so the page and the notebook number the same sources.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from helpers import paths
from helpers.render.markup import as_text as _text

SOURCE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")

#: Columns that hold source ids: cited by number under a table, never shown as raw ids in it.
SOURCE_COLUMNS = ("source_id", "alt_source_id", "second_source_id")


def source_kinds() -> tuple[str, ...]:
    """The kinds of source (``sources.csv``'s ``kind``), best first: primary, official, reference, news, copy.

    Their one home is the data package's list for that column; the renderer's words for them
    (``helpers.render.citations``), the merge of source lists (``scripts/merge_sources.py``) and the tests read it
    here."""
    from helpers.load.package import allowed_values

    return allowed_values("sources", "kind")


class PresentError(ValueError):
    """A present.* call got an argument it cannot use (the message names it and says what is allowed)."""


class CitedSources:
    """The source ids cited in a notebook, by the cell that cited them, in order of first use.

    A cell JupyterLab names (``helpers.render.lab.current_cell``) keeps its citations until it is run again, and then
    the new run replaces them, so an edited cell's old sources leave the list. An execution with no cell id (papermill,
    a script) belongs to the run its bibliography closes: :meth:`take` lists every cell's ids and forgets those, so a
    notebook run again in the same kernel does not carry the last run's sources into the next."""

    def __init__(self) -> None:
        self._by_cell: dict[str, tuple[int, dict[str, None]]] = {}

    def add(self, ids) -> None:
        from helpers.render import lab

        cell, run = lab.current_cell()
        last, seen = self._by_cell.get(cell, (run, {}))
        self._by_cell[cell] = (run, {**(seen if last == run else {}), **dict.fromkeys(ids)})

    def take(self) -> list[str]:
        """Every id cited (each cell as last run), in order; ids cited outside a named cell are then forgotten."""
        ids = list(dict.fromkeys(s for _, seen in self._by_cell.values() for s in seen))
        self._by_cell = {cell: v for cell, v in self._by_cell.items() if cell.startswith("cell:")}
        return ids


#: This kernel's register (one notebook runs per kernel in the build).
CITED = CitedSources()


def sources_path() -> Path:
    """The bibliography file: ``$NATO_SOURCES_CSV`` when set (tests), else ``data/sources.csv``."""
    return paths.sources_csv()


#: The bibliography's rows as text, by file: its latest version only (every chart and table of a notebook asks).
_ROWS: dict[str, tuple] = {}


def source_rows() -> dict[str, dict[str, str]]:
    """Every row of the bibliography by ``source_id`` (values as text, dates as ISO text)."""
    path = sources_path()
    if not path.exists():
        raise PresentError(f"sources: {path} does not exist; every chart and table must cite rows of it")
    rows: dict[str, dict[str, str]] = {}
    from helpers import load

    if path == paths.SOURCES_CSV:  # the project's bibliography: through the validating loader
        frame = load.sources()  # logs the read; parsed and checked once per process and file version

        def as_rows() -> dict[str, dict[str, str]]:
            return {str(rec["source_id"]): {k: _text(v) for k, v in rec.items()} for rec in frame.to_dict("records")}

        from helpers.load import package, readers

        kept = package.latest(_ROWS, str(path), readers.version("sources"), as_rows)
        return {sid: dict(row) for sid, row in kept.items()}  # the caller's own copy
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            rows[rec["source_id"]] = {k: (v or "") for k, v in rec.items()}
    return rows


def ids_from(sources) -> list[str]:
    """Source ids from a list, a column, or a frame's ``*source_id`` columns, in order of first appearance."""
    if sources is None:
        return []
    if isinstance(sources, str):
        return [sources]
    if hasattr(sources, "columns"):  # a DataFrame: every source_id-like column, row by row
        cols = [c for c in sources.columns if str(c) == "source_id" or str(c).endswith("_source_id")]
        if not cols:
            raise PresentError("sources: the frame has no source_id column; pass a column or a list of ids")
        values = [v for rec in sources[cols].itertuples(index=False, name=None) for v in rec]
    else:
        values = list(sources)
    out = []
    for v in values:
        t = _text(v).strip()
        out += [p.strip() for p in t.split(";") if p.strip()] if t else []
    return list(dict.fromkeys(out))


def check_sources(what: str, key: str, sources, measure=None, nothing_shown: bool = False) -> list[str]:
    """The source ids a ``present.*`` call cites (``measure`` first), each checked against the bibliography and
    added to :data:`CITED`; PresentError names the call, its key and the bad ids. ``nothing_shown``: the figure
    has no rows, so a frame or column of sources with none of its own cites nothing (a parameter that selects no
    row); ids given by hand must still be there."""
    given_ids = isinstance(sources, (str, list, tuple)) or sources is None
    if not given_ids:
        sources = ids_from(sources)  # a column or a frame: an empty one is allowed when a measure is given
    ids = list(dict.fromkeys(ids_from(measure) + ids_from(sources)))
    if not ids and nothing_shown and not given_ids:
        return []
    if not ids:
        raise PresentError(f"{what}(key={key!r}): sources is empty; give at least one source_id from data/sources.csv")
    bad = [s for s in ids if not isinstance(s, str) or not SOURCE_ID_RE.match(s)]
    if bad:
        raise PresentError(f"{what}(key={key!r}): source ids must be slugs (letters, digits, '.', '_', '-'), "
                           f"got {bad!r}")
    known = source_rows()
    missing = [s for s in ids if s not in known]
    if missing:
        known_text = (f"known ids include {', '.join(sorted(known)[:8])}{' …' if len(known) > 8 else ''}" if known
                      else f"{sources_path()} has no rows: add the sources cited, one row each")
        raise PresentError(
            f"{what}(key={key!r}): source_id {', '.join(map(repr, missing))} not in {sources_path().name}; "
            f"{known_text}"
        )
    CITED.add(ids)
    return ids
