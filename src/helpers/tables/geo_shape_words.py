"""Notebooks 02, 03 and 08: the words a map's tooltip shows for a shape, who it stands for on a date ('Estonia',
'USSR (drawn as its successor states' territory)', 'Somaliland (drawn as part of Somalia)').

The frames of :mod:`helpers.tables.geo` put these labels in their ``label`` column; the Arabic edition reads
each form from the catalog (``src/helpers/locale/ar/messages.po``, patterns with ``{name}`` and ``{state}``), and
the names in it from CLDR.
"""

from __future__ import annotations

import pandas as pd


def shape_label(rows: pd.DataFrame, names: dict[str, str], special: pd.DataFrame,
                context: pd.DataFrame | None = None) -> str:
    """'Estonia'; 'USSR (drawn as its successor states' territory)'; 'West Germany and the GDR (…)'."""
    first = rows.iloc[0]
    if first["holder"] == "DEU" and len(rows) == 1 and context is not None and (context["how"] == "absorbed").any():
        return "West Germany (drawn as today's Germany)"
    if len(rows) == 1 and first["how"] == "self":
        return names.get(first["holder"], first["name"])
    if (rows["holder"] == "DEU").any() and (rows["how"] == "absorbed").any():
        return "West Germany and the GDR (both drawn as today's Germany)"
    if first["how"] == "special" and first["holder"] == first["iso3"]:
        return f"{first['name']} (drawn as part of {names.get(first['holder'], first['holder'])})"
    holder = names.get(first["holder"], first["holder"])
    if first["how"] == "special" and pd.isna(special["until"].get(first["name"], pd.NaT)):
        return f"{first['name']} ({holder})"  # a territory joined through its sovereign state: Greenland (Denmark)
    if first["how"] == "special":
        return f"{first['name']} (drawn with {holder} on this date)"
    return f"{holder} (drawn as its successor states' territory)"


def member_name(iso: str, date, lineage: pd.DataFrame, names: dict[str, str]) -> str:
    """A member's name in a year's list: the Federal Republic is 'West Germany (Federal Republic)' before it
    absorbed the GDR (the lineage's date, 3 October 1990), since its shape then also covers a state outside."""
    if iso == "DEU":
        took = lineage[(lineage["iso3"] == "DEU") & (lineage["relation"] == "absorbed")]
        if any(pd.Timestamp(date) < pd.Timestamp(d) for d in took["date"]):
            return "West Germany (Federal Republic)"
    return names.get(iso, iso)


def unheld_label(name: str, drawn_apart: bool) -> str:
    """A shape that stands for no state of the data: its name, and for a feature drawn apart (Northern Cyprus)
    that it is left unshaded."""
    return f"{name} (no state of the data; drawn unshaded)" if drawn_apart else name
