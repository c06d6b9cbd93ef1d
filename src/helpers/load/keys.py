"""Primary keys (unique within a table) and foreign keys (pointing at rows of another table)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pandas as pd

from helpers.load.errors import Problem
from helpers.printable import invisible
from helpers.load.rules.registry import fmt


def primary_key(schema: dict) -> list[str]:
    pk = schema.get("primaryKey") or []
    return [pk] if isinstance(pk, str) else list(pk)


_SPACES = re.compile(r"\s+")


def normalised(value):
    """A key value as a reader sees it: Unicode NFC, no invisible characters (:func:`helpers.printable.invisible`:
    format characters, variation selectors, letters drawn as blanks), white space collapsed as a page shows it
    (two spaces read as one, a no-break space as a space) and none at either end."""
    if not isinstance(value, str):
        return value
    seen = "".join(ch for ch in unicodedata.normalize("NFC", value) if not invisible(ch))
    return _SPACES.sub(" ", seen).strip()


def check_unique(df: pd.DataFrame, pk: list[str], rownums: list[int], shown: str) -> list[Problem]:
    """Each key once; two keys that read alike (differing only in Unicode form, white space at either end or an
    invisible character) count as one."""
    problems: list[Problem] = []
    seen: dict[tuple, tuple[int, tuple]] = {}
    for pos, key in enumerate(zip(*(df[c] for c in pk))):
        norm = tuple(normalised(v) for v in key)
        if norm in seen:
            row, first = seen[norm]
            desc = ", ".join(f"{c}={fmt(v)}" for c, v in zip(pk, key))
            alike = "" if first == key else (f" (it reads the same as {', '.join(repr(v) for v in first)}: they "
                                             "differ only in white space, invisible characters or Unicode form)")
            problems.append(Problem(shown, rownums[pos], ", ".join(pk),
                                    f"duplicate key ({desc}), already on row {row}{alike}",
                                    f"the primary key {', '.join(pk)} must be unique"))
        else:
            seen[norm] = (rownums[pos], key)
    return problems


def _ref_rule(ref: str, ref_col: str, col: str) -> tuple[str, str]:
    if ref == "sources":
        return "missing source", "every row cites a source listed in sources.csv"
    if ref == "states":
        return "unknown state code", f"{col} must be a state code listed in states.csv"
    return "dangling reference", f"{col} must be a {ref_col} listed in {ref}.csv"


def _as_list(v) -> list[str]:
    return v if isinstance(v, list) else [v]


def check_foreign(name: str, schema: dict, df: pd.DataFrame, rownums: list[int], shown: str,
                  other: Callable[[str], pd.DataFrame]) -> list[Problem]:
    """Every foreign key of the schema that points at another table (self references are table rules)."""
    problems: list[Problem] = []
    for fk in schema.get("foreignKeys", []):
        cols, ref = _as_list(fk["fields"]), fk["reference"]["resource"] or name
        ref_cols = _as_list(fk["reference"]["fields"])
        if ref == name:
            continue
        ref_df = other(ref)
        known = set(zip(*(ref_df[c] for c in ref_cols)))
        what, rule = _ref_rule(ref, ref_cols[0], cols[0])
        for pos, key in enumerate(zip(*(df[c] for c in cols))):
            if not any(pd.isna(k) for k in key) and key not in known:
                shown_key = ", ".join(fmt(k) for k in key)
                problems.append(Problem(shown, rownums[pos], ", ".join(cols),
                                        f"{what}: {shown_key!r} is not in {ref}.csv", rule))
    return problems
