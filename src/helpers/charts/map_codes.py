"""Notebooks 02 and 08: the explorer map's per-year codes — for each shape, one character per slider year naming
who it stands for, its status and whether only part of it is a member — a compact form the page reads with Vega
expressions (:func:`helpers.charts.maps.membership_explorer`)."""

from __future__ import annotations

import json

import pandas as pd

CODES = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def year_codes(spells: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """Per feature, one character per slider year: ``.`` when not shaded, else a letter naming its label
    (``labels``: who, status and ``*`` for a shape only part of which is a member, ``|`` separated)."""
    rows = []
    for key, grp in spells.groupby("feature", sort=True):
        part = grp["part"] if "part" in grp else pd.Series(False, index=grp.index)
        tags = [f"{lab}|{st}|{'*' if pt else ''}" for lab, st, pt in zip(grp["label"], grp["status"], part)]
        labels = list(dict.fromkeys(tags))
        if len(labels) > len(CODES):
            raise ValueError(f"feature {key}: more than {len(CODES)} labels")
        code = ["."] * (last - first + 1)
        for tag, y0, y1 in zip(tags, grp["from"], grp["to"]):
            for y in range(y0, y1):
                code[y - first] = CODES[labels.index(tag)]
        rows.append({"feature": key, "code": "".join(code), "labels": "~".join(labels)})
    return pd.DataFrame(rows, columns=["feature", "code", "labels"])


def key_values(codes: pd.DataFrame, first: int, domain: list[str], without: list[str]) -> str:
    """The explorer key's entries as a Vega expression of the ``year`` parameter: ``domain`` in the years some shape
    is shaded as only part of a member (the Federal Republic's, 1955–1990, drawn with today's outline), ``without``
    (no such entry) in every other year, so the key never names a shading the map does not show."""
    flags = ["0"] * len(codes["code"].iloc[0])
    for code, labels in zip(codes["code"], codes["labels"]):
        parts = {CODES[i] for i, tag in enumerate(labels.split("~")) if tag.endswith("|*")}
        for i, char in enumerate(code):
            if char in parts:
                flags[i] = "1"
    at = f"(year - {first})"
    return f"substring('{''.join(flags)}', {at}, {at} + 1) == '1' ? {json.dumps(domain)} : {json.dumps(without)}"
