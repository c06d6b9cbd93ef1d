"""Read each data table and validate it against ``data/datapackage.json`` on every load.

One loader per table (``load.memberships()``, ``load.states()`` ...) and ``load.table(name)``. Each returns a
plain DataFrame with the columns in the order the data package declares them:

* dates as ``datetime64[ns]`` (``NaT`` when the cell is empty),
* booleans as ``bool``, integers as ``Int64``, numbers as ``float64``,
* text as ``str`` (a missing value when the cell is empty).

The validator is plain Python/pandas driven by the data package (field types, ``required``, ``enum``,
``pattern``, ``minimum``/``maximum``, primary keys, foreign keys), so that a notebook can load several tables in
well under a second; ``frictionless validate data/datapackage.json`` checks the same package independently (see
``tests/test_datapackage.py``). On top of what a Table Schema can say, the loader checks the rules listed in
``EXTRA_RULES``: spells end after they start and never overlap, references whose target depends on a kind
column (``event_actors.actor``, ``paragraph_tags.tag``, ``arms_control.party``), values on a dimension's scale,
and so on.

Any problem raises :class:`DataError`; its message names the file, the row as a spreadsheet shows it (the header
is row 1), the column and the rule broken, one problem per line, e.g.::

    data/memberships.csv row 14, column end: 1999-03-12 is before start 2004-03-29 (a spell must end after it starts)

When the environment variable ``NATO_READ_LOG`` names a file, the absolute path of every file a load depends on
(the data package and each CSV read to check it) is appended to it, one per line.

Parsed tables are cached per process, keyed on each file's modification time and size, so loading the same table
twice in a kernel costs a copy, and an edited file is read again.
"""

from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import pandas as pd

from helpers import paths

__all__ = [
    "DataError", "Problem", "TABLES", "EXTRA_RULES", "table", "table_names", "validate_all",
    "sources", "states", "organisations", "memberships", "events", "event_paragraphs", "event_actors",
    "treaties", "arms_control", "capabilities", "sections", "paragraphs", "paragraph_tags", "themes", "claims",
    "glossary", "lineage", "dimensions", "org_features", "documents", "principles", "principle_documents",
    "state_lineage", "state_policies", "labels",
]

#: The tables, one loader each (the data package is the authority; tests check the two agree).
TABLES: tuple[str, ...] = (
    "sources", "states", "organisations", "memberships", "events", "event_paragraphs", "event_actors", "treaties",
    "arms_control", "capabilities", "sections", "paragraphs", "paragraph_tags", "themes", "claims", "glossary",
    "lineage", "dimensions", "org_features", "documents", "principle_documents", "principles", "state_lineage",
    "state_policies", "labels",
)

#: Most problems listed in one error message (the rest are counted).
MAX_LISTED = 20

#: Rules checked on top of the Table Schema, as a reader would state them.
EXTRA_RULES: dict[str, list[str]] = {
    "memberships": [
        "a spell must end after it starts (end > start; spells are half-open)",
        "a state has at most one status per organisation at any date (no overlapping spells)",
    ],
    "organisations": [
        "in_force and dissolved are not before founded",
        "predecessor_id names an organisation in organisations.csv",
    ],
    "sections": ["first_paragraph comes before or is last_paragraph"],
    "event_actors": ["actor is an org_id in organisations.csv when actor_kind=org, an iso3 in states.csv when state"],
    "paragraph_tags": ["tag is an org_id, iso3 or theme_id according to tag_kind"],
    "arms_control": ["party is an iso3 in states.csv, or ALL for the treaty as a whole"],
    "dimensions": ["every value on the scale has a numeric score in score_map, and score_map scores only those"],
    "org_features": ["value is on the dimension's scale, or unknown"],
    "principle_documents": ["phrase is at most 15 words"],
    "state_lineage": [
        "a state is not its own predecessor, and following predecessors never leads back to the state",
        "predecessor_iso3 is a historic state (historic=true in states.csv)",
    ],
}

_HINTS = {
    "^[A-Z]{3}$": "three capital letters: an ISO 3166-1 alpha-3 code",
    "^P([1-9]|1[0-9])$": "a paragraph number P1 to P19",
    "^[a-z0-9][a-z0-9_.-]*$": "a slug: lower-case letters, digits, '-', '_' or '.'",
    "^[A-Z][A-Z0-9_]*$": "an identifier in capitals, digits and '_', e.g. NATO",
    "^https?://[^\\s]+$": "an http(s) address without spaces",
    "^S[0-9]$": "a section id S0 to S9",
    "^C[0-9]{2,}$": "a claim id C01, C02 ...",
    "^[0-9]{2}$": "a two-digit notebook id, e.g. 02",
}

_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INT_RE = re.compile(r"^[+-]?\d+$")
_NUM_RE = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


# ---------------------------------------------------------------------------------------------------------------
# Errors


@dataclass(frozen=True)
class Problem:
    """One broken rule: where (file, row, column) and what (detail, rule)."""

    file: str
    row: int | None
    column: str | None
    detail: str
    rule: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f" row {self.row}"
        if self.column is not None:
            where += ("," if self.row is not None else "") + f" column {self.column}"
        return f"{where}: {self.detail} ({self.rule})"


class DataError(ValueError):
    """A data file breaks the data contract. ``problems`` lists every problem found (the message shows the first
    ``MAX_LISTED``); ``file``, ``row``, ``column`` and ``rule`` describe the first one."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        first = self.problems[0]
        self.file, self.row, self.column, self.rule = first.file, first.row, first.column, first.rule
        lines = [str(p) for p in self.problems[:MAX_LISTED]]
        if len(self.problems) > MAX_LISTED:
            lines.append(f"... and {len(self.problems) - MAX_LISTED} more problems")
        super().__init__("\n".join(lines))


# ---------------------------------------------------------------------------------------------------------------
# The data package


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(paths.ROOT).as_posix()
    except ValueError:
        return str(path)


def _log_reads(files: Iterable[Path]) -> None:
    log = os.environ.get("NATO_READ_LOG")
    if not log:
        return
    with open(log, "a", encoding="utf-8") as out:
        for f in files:
            out.write(f"{Path(f).resolve()}\n")


def _stamp(path: Path) -> tuple[str, int, int] | tuple[str, None, None]:
    try:
        st = path.stat()
    except FileNotFoundError:
        return (str(path), None, None)
    return (str(path), st.st_mtime_ns, st.st_size)


_PACKAGE_CACHE: dict[tuple, dict[str, dict]] = {}


def _package_path(data_dir: Path) -> Path:
    own = data_dir / "datapackage.json"
    return own if own.exists() else paths.DATAPACKAGE


def _resources(data_dir: Path) -> dict[str, dict]:
    """Resources of the data package by name (parsed once per process and file version)."""
    pkg = _package_path(data_dir)
    key = _stamp(pkg)
    if key not in _PACKAGE_CACHE:
        try:
            descriptor = json.loads(pkg.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise DataError([Problem(_display(pkg), None, None, "file not found",
                                     "the data package descriptor must exist beside the CSV files")]) from None
        except json.JSONDecodeError as exc:
            raise DataError([Problem(_display(pkg), exc.lineno, None, f"not valid JSON: {exc.msg}",
                                     "datapackage.json must be a JSON object")]) from None
        _PACKAGE_CACHE[key] = {r["name"]: r for r in descriptor["resources"]}
    return _PACKAGE_CACHE[key]


def _resource(name: str, data_dir: Path) -> dict:
    res = _resources(data_dir)
    if name not in res:
        raise ValueError(f"unknown table {name!r}; the data package has: {', '.join(res)}")
    return res[name]


# ---------------------------------------------------------------------------------------------------------------
# Reading and typing one table (rules that need only this table)


def _read_rows(path: Path, shown: str) -> tuple[list[str], list[list[str]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise DataError([Problem(shown, None, None, "file not found",
                                 "every table declared in datapackage.json must exist as a CSV file")]) from None
    except UnicodeDecodeError as exc:
        raise DataError([Problem(shown, None, None, f"byte {exc.start} is not valid UTF-8",
                                 "data files are UTF-8 text")]) from None
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    records: list[list[str]] = []
    while True:
        try:
            rec = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row = len(records) + 1
            raise DataError([Problem(
                shown, row, None, f"malformed CSV ({exc}), probably an unclosed or stray quote",
                "a value with commas, quotes or line breaks is enclosed in double quotes, inner quotes doubled",
            )]) from None
        records.append(rec)
    if not records:
        raise DataError([Problem(shown, 1, None, "the file is empty", "a table starts with a header row")])
    return records[0], records[1:]


def _hint(pattern: str) -> str:
    return _HINTS.get(pattern, f"must match {pattern}")


def _parse_table(name: str, data_dir: Path) -> tuple[pd.DataFrame, list[int]]:
    res = _resource(name, data_dir)
    path = data_dir / res["path"]
    shown = _display(path)
    schema = res["schema"]
    fields = schema["fields"]
    names = [f["name"] for f in fields]

    header, rows = _read_rows(path, shown)
    if header != names:
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

    problems: list[Problem] = []
    rownums: list[int] = []
    good: list[list[str]] = []
    for i, rec in enumerate(rows, start=2):
        if len(rec) != len(names):
            if not rec or rec == [""]:
                problems.append(Problem(shown, i, None, "blank line", "every line after the header is a data row"))
                continue
            multiline = any("\n" in v for v in rec)
            detail = f"has {len(rec)} values but the header has {len(names)} columns"
            if multiline:
                detail += "; a quoted value runs over several lines, probably an unclosed quote"
            problems.append(Problem(shown, i, None, detail, "every row has exactly one value per column"))
            continue
        rownums.append(i)
        good.append(rec)
    if problems:
        raise DataError(problems)

    pk = schema.get("primaryKey") or []
    pk = [pk] if isinstance(pk, str) else list(pk)
    columns: dict[str, Any] = {}
    for j, f in enumerate(fields):
        col = f["name"]
        raw = [r[j] for r in good]
        cons = f.get("constraints", {})
        required = cons.get("required", False) or col in pk
        pattern = cons.get("pattern")
        rx = re.compile(pattern) if pattern else None
        enum = cons.get("enum")
        ftype = f.get("type", "string")
        for v, i in zip(raw, rownums):
            if v == "":
                if required:
                    problems.append(Problem(shown, i, col, "value is empty", "this column is required"))
                continue
            if rx is not None and not rx.fullmatch(v):
                problems.append(Problem(shown, i, col, f"{v!r} is not allowed", _hint(pattern)))
            if enum is not None and v not in enum:
                problems.append(Problem(shown, i, col, f"{v!r} is not allowed", "allowed: " + ", ".join(enum)))
        columns[col] = _typed(ftype, f, raw, rownums, shown, col, problems)
    if problems:
        raise DataError(problems)

    df = pd.DataFrame(columns, index=pd.RangeIndex(len(good)))
    if pk:
        _check_unique(df, pk, rownums, shown, problems)
    _table_rules(name, df, rownums, shown, problems)
    if problems:
        raise DataError(problems)
    return df, rownums


def _typed(ftype: str, f: dict, raw: list[str], rownums: list[int], shown: str, col: str,
           problems: list[Problem]) -> pd.Series:
    cons = f.get("constraints", {})
    if ftype == "date":
        bad = [(v, i) for v, i in zip(raw, rownums) if v and not _DATE_RE.match(v)]
        parsed = pd.to_datetime(pd.Series([v or None for v in raw], dtype=object), format="%Y-%m-%d",
                                errors="coerce")
        for v, i, p in zip(raw, rownums, parsed):
            if v and _DATE_RE.match(v) and pd.isna(p):
                bad.append((v, i))
        for v, i in sorted(bad, key=lambda t: t[1]):
            problems.append(Problem(shown, i, col, f"{v!r} is not a date", "dates are written YYYY-MM-DD"))
        return parsed.astype("datetime64[ns]")
    if ftype == "boolean":
        true, false = f.get("trueValues", ["true"]), f.get("falseValues", ["false"])
        out = []
        for v, i in zip(raw, rownums):
            if v in true:
                out.append(True)
            elif v in false or v == "":
                out.append(False)
            else:
                problems.append(Problem(shown, i, col, f"{v!r} is not a boolean",
                                        f"write {' or '.join(true + false)}"))
                out.append(False)
        return pd.Series(out, dtype=bool)
    if ftype in ("integer", "number"):
        rx = _INT_RE if ftype == "integer" else _NUM_RE
        what = "an integer" if ftype == "integer" else "a number"
        vals: list[Any] = []
        for v, i in zip(raw, rownums):
            if v == "":
                vals.append(None)
            elif not rx.match(v):
                problems.append(Problem(shown, i, col, f"{v!r} is not {what}",
                                        "write digits only, e.g. 2023" if ftype == "integer"
                                        else "write digits with an optional '.' decimal point, no thousands separator"))
                vals.append(None)
            else:
                vals.append(int(v) if ftype == "integer" else float(v))
                lo, hi = cons.get("minimum"), cons.get("maximum")
                if lo is not None and vals[-1] < lo:
                    problems.append(Problem(shown, i, col, f"{v} is below the minimum {lo}", f"values are at least {lo}"))
                if hi is not None and vals[-1] > hi:
                    problems.append(Problem(shown, i, col, f"{v} is above the maximum {hi}", f"values are at most {hi}"))
        if ftype == "integer":
            return pd.Series(pd.array(vals, dtype="Int64"))
        return pd.Series([float("nan") if v is None else v for v in vals], dtype="float64")
    return pd.Series([v if v != "" else None for v in raw], dtype="str")


def _fmt(v: Any) -> str:
    if isinstance(v, pd.Timestamp):
        return v.strftime("%Y-%m-%d")
    return str(v)


def _check_unique(df: pd.DataFrame, pk: list[str], rownums: list[int], shown: str, problems: list[Problem]) -> None:
    seen: dict[tuple, int] = {}
    for pos, key in enumerate(zip(*(df[c] for c in pk))):
        if key in seen:
            desc = ", ".join(f"{c}={_fmt(v)}" for c, v in zip(pk, key))
            problems.append(Problem(shown, rownums[pos], ", ".join(pk),
                                    f"duplicate key ({desc}), already on row {seen[key]}",
                                    f"the primary key {', '.join(pk)} must be unique"))
        else:
            seen[key] = rownums[pos]


def _table_rules(name: str, df: pd.DataFrame, rownums: list[int], shown: str, problems: list[Problem]) -> None:
    if name == "memberships":
        for pos in range(len(df)):
            s, e = df.at[pos, "start"], df.at[pos, "end"]
            if pd.notna(e) and e <= s:
                detail = (f"{_fmt(e)} is the same day as start" if e == s
                          else f"{_fmt(e)} is before start {_fmt(s)}")
                problems.append(Problem(shown, rownums[pos], "end", detail, "a spell must end after it starts"))
        order = df.sort_values(["org_id", "iso3", "start"], kind="stable").index
        prev = None
        for pos in order:
            org, iso, s, e = df.at[pos, "org_id"], df.at[pos, "iso3"], df.at[pos, "start"], df.at[pos, "end"]
            if prev is not None and prev[0] == (org, iso):
                p_pos, p_end = prev[1], prev[2]
                if pd.isna(p_end) or s < p_end:
                    p_to = "open" if pd.isna(p_end) else _fmt(p_end)
                    problems.append(Problem(
                        shown, rownums[pos], "start",
                        f"{org} {iso} spell from {_fmt(s)} overlaps the spell on row {rownums[p_pos]} "
                        f"({_fmt(df.at[p_pos, 'start'])} to {p_to})",
                        "a state has at most one status per organisation at any date"))
            # keep the spell that reaches furthest as the one later spells must not overlap
            if prev is None or prev[0] != (org, iso) or pd.isna(e) or (pd.notna(prev[2]) and e > prev[2]):
                prev = ((org, iso), pos, e)
    elif name == "organisations":
        ids = set(df["org_id"])
        for pos in range(len(df)):
            f = df.at[pos, "founded"]
            for col in ("in_force", "dissolved"):
                v = df.at[pos, col]
                if pd.notna(v) and pd.notna(f) and v < f:
                    problems.append(Problem(shown, rownums[pos], col, f"{_fmt(v)} is before founded {_fmt(f)}",
                                            f"{col} is not before founded"))
            pred = df.at[pos, "predecessor_id"]
            if pd.notna(pred) and pred not in ids:
                problems.append(Problem(shown, rownums[pos], "predecessor_id",
                                        f"{pred!r} is not an org_id in this file",
                                        "predecessor_id names an organisation in organisations.csv"))
    elif name == "sections":
        for pos in range(len(df)):
            a, b = df.at[pos, "first_paragraph"], df.at[pos, "last_paragraph"]
            if int(a[1:]) > int(b[1:]):
                problems.append(Problem(shown, rownums[pos], "last_paragraph", f"{b} comes before {a}",
                                        "first_paragraph comes before or is last_paragraph"))
    elif name == "dimensions":
        for pos in range(len(df)):
            scale = [v.strip() for v in df.at[pos, "scale"].split(";") if v.strip()]
            scores: dict[str, str] = {}
            for item in df.at[pos, "score_map"].split(";"):
                if not item.strip():
                    continue
                k, sep, v = item.partition("=")
                if not sep or not _NUM_RE.match(v.strip()):
                    problems.append(Problem(shown, rownums[pos], "score_map", f"{item.strip()!r} is not value=score",
                                            "score_map is value=score;value=score with numeric scores"))
                    continue
                scores[k.strip()] = v.strip()
            for v in scale:
                if v not in scores:
                    problems.append(Problem(shown, rownums[pos], "score_map", f"scale value {v!r} has no score",
                                            "every value on the scale has a score in score_map"))
            for k in scores:
                if k not in scale:
                    problems.append(Problem(shown, rownums[pos], "score_map", f"{k!r} is not on the scale",
                                            "score_map scores only values on the scale"))
    elif name == "state_lineage":
        step = {}
        for pos in range(len(df)):
            iso, pred = df.at[pos, "iso3"], df.at[pos, "predecessor_iso3"]
            if iso == pred:
                problems.append(Problem(shown, rownums[pos], "predecessor_iso3", f"{iso} is given as its own predecessor",
                                        "a state is not its own predecessor"))
            else:
                step.setdefault(iso, []).append((pred, pos))
        for pos in range(len(df)):
            start, pred = df.at[pos, "iso3"], df.at[pos, "predecessor_iso3"]
            seen, todo = set(), [pred]
            while todo:
                cur = todo.pop()
                if cur == start:
                    problems.append(Problem(shown, rownums[pos], "predecessor_iso3",
                                            f"following predecessors from {start} through {pred} leads back to {start}",
                                            "the lineage has no cycles"))
                    break
                if cur not in seen:
                    seen.add(cur)
                    todo.extend(p for p, _ in step.get(cur, []))
    elif name == "principle_documents":
        for pos in range(len(df)):
            p = df.at[pos, "phrase"]
            if pd.notna(p) and len(p.split()) > 15:
                problems.append(Problem(shown, rownums[pos], "phrase", f"the phrase has {len(p.split())} words",
                                        "a quoted phrase is at most 15 words"))


_PARSED: dict[tuple, tuple[pd.DataFrame, list[int]]] = {}


def _parsed(name: str, data_dir: Path) -> tuple[pd.DataFrame, list[int]]:
    res = _resource(name, data_dir)
    key = (name, _stamp(_package_path(data_dir)), _stamp(data_dir / res["path"]))
    if key not in _PARSED:
        _PARSED[key] = _parse_table(name, data_dir)
    return _PARSED[key]


# ---------------------------------------------------------------------------------------------------------------
# Rules across tables


_KIND_REFS = {
    # table: (column, kind column, {kind: (table, key column)})
    "event_actors": ("actor", "actor_kind", {"org": ("organisations", "org_id"), "state": ("states", "iso3")}),
    "paragraph_tags": ("tag", "tag_kind", {"org": ("organisations", "org_id"), "state": ("states", "iso3"),
                                           "theme": ("themes", "theme_id")}),
}


def _dependencies(name: str, data_dir: Path) -> list[str]:
    res = _resource(name, data_dir)
    deps: list[str] = []
    for fk in res["schema"].get("foreignKeys", []):
        ref = fk["reference"]["resource"] or name
        if ref != name and ref not in deps:
            deps.append(ref)
    extra = {"arms_control": ["states"], "org_features": ["dimensions"]}.get(name, [])
    extra += [t for t, _ in _KIND_REFS.get(name, ("", "", {}))[2].values()]
    for t in extra:
        if t not in deps and t != name:
            deps.append(t)
    return deps


def _keys(name: str, col: str, data_dir: Path) -> set:
    df, _ = _parsed(name, data_dir)
    return set(df[col].dropna())


def _ref_rule(ref: str, ref_col: str, col: str) -> tuple[str, str]:
    if ref == "sources":
        return "missing source", "every row cites a source listed in sources.csv"
    if ref == "states":
        return "unknown state code", f"{col} must be a state code listed in states.csv"
    return "dangling reference", f"{col} must be a {ref_col} listed in {ref}.csv"


def _check_references(name: str, df: pd.DataFrame, rownums: list[int], data_dir: Path) -> list[Problem]:
    res = _resource(name, data_dir)
    shown = _display(data_dir / res["path"])
    problems: list[Problem] = []
    for fk in res["schema"].get("foreignKeys", []):
        cols = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        ref = fk["reference"]["resource"] or name
        ref_cols = fk["reference"]["fields"]
        ref_cols = ref_cols if isinstance(ref_cols, list) else [ref_cols]
        if ref == name:
            continue  # self references are table rules (checked while parsing)
        ref_df, _ = _parsed(ref, data_dir)
        known = set(zip(*(ref_df[c] for c in ref_cols)))
        for pos, key in enumerate(zip(*(df[c] for c in cols))):
            if any(pd.isna(k) for k in key):
                continue
            if key not in known:
                what, rule = _ref_rule(ref, ref_cols[0], cols[0])
                shown_key = ", ".join(_fmt(k) for k in key)
                problems.append(Problem(shown, rownums[pos], ", ".join(cols),
                                        f"{what}: {shown_key!r} is not in {ref}.csv", rule))
    if name in _KIND_REFS:
        col, kind_col, targets = _KIND_REFS[name]
        known_by_kind = {k: _keys(t, c, data_dir) for k, (t, c) in targets.items()}
        for pos in range(len(df)):
            kind, v = df.at[pos, kind_col], df.at[pos, col]
            if v not in known_by_kind[kind]:
                t, c = targets[kind]
                what = "unknown state code" if t == "states" else "dangling reference"
                problems.append(Problem(shown, rownums[pos], col,
                                        f"{what}: {v!r} is not in {t}.csv",
                                        f"with {kind_col}={kind}, {col} must be a {c} listed in {t}.csv"))
    if name == "arms_control":
        isos = _keys("states", "iso3", data_dir)
        for pos in range(len(df)):
            v = df.at[pos, "party"]
            if v != "ALL" and v not in isos:
                problems.append(Problem(shown, rownums[pos], "party", f"unknown state code: {v!r} is not in states.csv",
                                        "party is a state code listed in states.csv, or ALL for the treaty as a whole"))
    if name == "state_lineage":
        states_df, _ = _parsed("states", data_dir)
        historic = dict(zip(states_df["iso3"], states_df["historic"]))
        for pos in range(len(df)):
            v = df.at[pos, "predecessor_iso3"]
            if v in historic and not historic[v]:
                problems.append(Problem(shown, rownums[pos], "predecessor_iso3",
                                        f"{v!r} is not marked historic in states.csv",
                                        "predecessor_iso3 is a historic state (historic=true in states.csv): "
                                        + ", ".join(sorted(k for k, h in historic.items() if h))))
    if name == "org_features":
        dims, _ = _parsed("dimensions", data_dir)
        scales = {d: [v.strip() for v in s.split(";") if v.strip()] for d, s in zip(dims["dimension_id"], dims["scale"])}
        for pos in range(len(df)):
            d, v = df.at[pos, "dimension_id"], df.at[pos, "value"]
            if d in scales and v != "unknown" and v not in scales[d]:
                problems.append(Problem(shown, rownums[pos], "value", f"{v!r} is not on the scale of {d}",
                                        "allowed: " + ", ".join(scales[d] + ["unknown"])))
    return problems


# ---------------------------------------------------------------------------------------------------------------
# Public API

_CHECKED: dict[tuple, pd.DataFrame] = {}


def _data_dir(data_dir: str | os.PathLike | None) -> Path:
    return Path(data_dir) if data_dir is not None else paths.DATA


def _files(name: str, data_dir: Path) -> list[Path]:
    res = _resources(data_dir)
    names = [name] + _dependencies(name, data_dir)
    return [_package_path(data_dir)] + [data_dir / res[n]["path"] for n in names]


def table(name: str, data_dir: str | os.PathLike | None = None) -> pd.DataFrame:
    """Load table ``name`` (``"memberships"`` or ``"memberships.csv"``) from ``data_dir`` (default ``data/``),
    validated against the data package and the tables it refers to. Raises :class:`DataError`."""
    d = _data_dir(data_dir)
    name = name[:-4] if name.endswith(".csv") else name
    _resource(name, d)  # unknown names fail here, naming the tables that exist
    files = _files(name, d)
    _log_reads(files)
    key = (name,) + tuple(_stamp(f) for f in files)
    if key not in _CHECKED:
        df, rownums = _parsed(name, d)
        problems = _check_references(name, df, rownums, d)
        if problems:
            raise DataError(problems)
        _CHECKED[key] = df
    return _CHECKED[key].copy()


def table_names(data_dir: str | os.PathLike | None = None) -> list[str]:
    """Names of the tables the data package declares, in its order."""
    return list(_resources(_data_dir(data_dir)))


def validate_all(data_dir: str | os.PathLike | None = None) -> dict[str, pd.DataFrame]:
    """Load every table; raise one :class:`DataError` listing the problems of all tables."""
    out: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for name in table_names(data_dir):
        try:
            out[name] = table(name, data_dir)
        except DataError as exc:
            problems.extend(p for p in exc.problems if p not in problems)
    if problems:
        raise DataError(problems)
    return out


def sources(data_dir=None) -> pd.DataFrame:
    """The bibliography: source_id, title, publisher, url, accessed (date), note."""
    return table("sources", data_dir)


def states(data_dir=None) -> pd.DataFrame:
    """States by ISO 3166 alpha-3 code (historic ones with historic=True)."""
    return table("states", data_dir)


def organisations(data_dir=None) -> pd.DataFrame:
    """Organisations with kind, status, founding document and dates."""
    return table("organisations", data_dir)


def memberships(data_dir=None) -> pd.DataFrame:
    """Membership spells (half-open: start <= d < end; end NaT while running)."""
    return table("memberships", data_dir)


def events(data_dir=None) -> pd.DataFrame:
    """Dated events with category and date precision."""
    return table("events", data_dir)


def event_paragraphs(data_dir=None) -> pd.DataFrame:
    """Links from events to the article paragraphs they bear on."""
    return table("event_paragraphs", data_dir)


def event_actors(data_dir=None) -> pd.DataFrame:
    """Links from events to the organisations and states acting in them."""
    return table("event_actors", data_dir)


def treaties(data_dir=None) -> pd.DataFrame:
    """The arms-control treaties followed."""
    return table("treaties", data_dir)


def arms_control(data_dir=None) -> pd.DataFrame:
    """Arms-control steps by treaty, party and date."""
    return table("arms_control", data_dir)


def capabilities(data_dir=None) -> pd.DataFrame:
    """Military expenditure, nuclear warheads and population by state and year."""
    return table("capabilities", data_dir)


def sections(data_dir=None) -> pd.DataFrame:
    """The article's sections S0-S2."""
    return table("sections", data_dir)


def paragraphs(data_dir=None) -> pd.DataFrame:
    """The article's paragraphs P1-P19 with our paraphrase."""
    return table("paragraphs", data_dir)


def paragraph_tags(data_dir=None) -> pd.DataFrame:
    """Organisations, states and themes named in each paragraph."""
    return table("paragraph_tags", data_dir)


def themes(data_dir=None) -> pd.DataFrame:
    """Theme vocabulary."""
    return table("themes", data_dir)


def claims(data_dir=None) -> pd.DataFrame:
    """The article's claims with type and verdict."""
    return table("claims", data_dir)


def glossary(data_dir=None) -> pd.DataFrame:
    """Arabic-English glossary."""
    return table("glossary", data_dir)


def lineage(data_dir=None) -> pd.DataFrame:
    """The article's chain of publications with confidence levels."""
    return table("lineage", data_dir)


def dimensions(data_dir=None) -> pd.DataFrame:
    """Comparison dimensions with their scales and scores."""
    return table("dimensions", data_dir)


def org_features(data_dir=None) -> pd.DataFrame:
    """One value per organisation and dimension."""
    return table("org_features", data_dir)


def documents(data_dir=None) -> pd.DataFrame:
    """Documents whose principles are compared."""
    return table("documents", data_dir)


def principles(data_dir=None) -> pd.DataFrame:
    """Principles of the proposed framework."""
    return table("principles", data_dir)


def principle_documents(data_dir=None) -> pd.DataFrame:
    """Whether each principle appears in each document."""
    return table("principle_documents", data_dir)


def state_lineage(data_dir=None) -> pd.DataFrame:
    """Which state followed which historic state (successor, continuator, restored, absorbed, renamed) and when."""
    return table("state_lineage", data_dir)


def state_policies(data_dir=None) -> pd.DataFrame:
    """Declared neutrality or military non-alignment by state, with the day each ended (NaT while it holds)."""
    return table("state_policies", data_dir)


def labels(data_dir=None) -> pd.DataFrame:
    """Reader labels for coded values and column headers (read for pages through ``helpers.labels``)."""
    return table("labels", data_dir)
