"""Read each data table and validate it against ``data/datapackage.json`` on every load.

One loader per table (``load.memberships()``, ``load.states()`` ...) and ``load.table(name)``. Each returns a
plain DataFrame with the columns in the order the data package declares them:

* dates as ``datetime64[ns]`` (``NaT`` when the cell is empty),
* booleans as ``bool``, integers as ``Int64``, numbers as ``float64``,
* text as ``str`` (a missing value when the cell is empty).

The validator is plain Python/pandas driven by the data package (field types, ``required``, ``enum``,
``pattern``, ``minimum``/``maximum``, primary keys, foreign keys), so that a notebook can load several tables in
well under a second; ``frictionless validate data/datapackage.json`` checks the same package independently (see
``tests/test_datapackage.py``). On top of what a Table Schema can say, the loader checks the rules registered in
:mod:`helpers.load.rules`, one function per rule whose docstring is the rule's text (listed in
``data/README.md``, generated from the registry).

Any problem raises :class:`DataError`; its message names the file, the row as a spreadsheet shows it (the header
is row 1), the column and the rule broken, one problem per line, e.g.::

    data/memberships.csv row 14, column end: 1999-03-12 is before start 2004-03-29 (a spell must end after it starts)

When the environment variable ``NATO_READ_LOG`` names a file, the absolute path of every file a load depends on
(the data package and each CSV read to check it) is appended to it, one per line.

Layout: :mod:`.csv_rows` (a file's rows and header), :mod:`.readers` (typing, checking, the loaders),
:mod:`.columns` (one column's type and cell constraints), :mod:`.keys` (primary and foreign keys), :mod:`.package`
(the descriptor, the read log), :mod:`.rules` (the rule registry), :mod:`.errors` (:class:`Problem`,
:class:`DataError`); ``load.boundaries()`` reads the maps' TopoJSON boundary file.
"""

from __future__ import annotations

import os
from pathlib import Path

from helpers import paths
from helpers.load import csv_rows, package, rules
from helpers.load.censuses import pact_census, pact_exits, pact_spells, war_census
from helpers.load.errors import MAX_LISTED, DataError, Problem
from helpers.load.readers import (
    arms_control,
    boundaries,
    capabilities,
    claims,
    claims_ar,
    dimensions,
    documents,
    event_actors,
    event_paragraphs,
    events,
    geo_features,
    glossary,
    labels,
    lineage,
    memberships,
    org_features,
    organisations,
    paragraph_tags,
    paragraphs,
    paragraphs_ar,
    principle_documents,
    principles,
    prose_ar,
    sections,
    sources,
    state_lineage,
    state_policies,
    states,
    table,
    table_names,
    themes,
    translation,
    translation_differences,
    treaties,
    validate_all,
    world_totals,
)

__all__ = [
    "DataError", "Problem", "TABLES", "EXTRA_RULES", "MAX_LISTED", "rules", "table", "table_names",
    "text_rows", "validate_all", "sources", "states", "organisations", "memberships", "events", "event_paragraphs",
    "event_actors", "treaties", "arms_control", "capabilities", "sections", "paragraphs", "paragraphs_ar",
    "paragraph_tags", "themes", "claims", "claims_ar", "prose_ar", "glossary", "lineage", "translation",
    "translation_differences", "dimensions", "org_features",
    "documents", "principles", "principle_documents", "state_lineage", "state_policies", "world_totals", "labels",
    "pact_census", "pact_spells", "pact_exits", "geo_features", "boundaries", "war_census",
]

#: The tables, one loader each (the data package is the authority; tests check the two agree).
TABLES: tuple[str, ...] = (
    "sources", "states", "organisations", "memberships", "events", "event_paragraphs", "event_actors", "treaties",
    "arms_control", "capabilities", "sections", "paragraphs", "paragraphs_ar", "paragraph_tags", "themes", "claims",
    "claims_ar", "prose_ar", "glossary",
    "lineage", "translation", "translation_differences", "dimensions", "org_features", "documents",
    "principle_documents", "principles", "state_lineage", "state_policies", "world_totals", "labels",
    "pact_census", "pact_spells", "pact_exits", "geo_features", "war_census",
)

#: Rules checked on top of the Table Schema, by table, as a reader would state them (from the registry).
EXTRA_RULES: dict[str, list[str]] = rules.by_table()


def text_rows(name: str, data_dir: str | os.PathLike | None = None) -> list[dict[str, str]]:
    """Table ``name``'s rows as the file writes them (each value its text, ``""`` when empty), after the checks
    of :func:`table` and logged as read like it: for readers that want a table's words rather than typed columns
    (the Arabic edition's names and prose), so a duplicate key or a bad row stops them with the loader's error."""
    d = Path(data_dir) if data_dir is not None else paths.DATA
    table(name, d)
    path = d / package.resource(name, d)["path"]
    header, records = csv_rows.read_rows(path, paths.shown(path))
    return [dict(zip(header, record)) for record in records]
