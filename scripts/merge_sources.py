"""Write every generated part of the data's documentation: data/sources.csv, merged from the data authors' source
lists (data/provenance/sources-*.csv), and data/README.md's kinds table (rows per table) and list of data rules
(from the rule functions' docstrings in src/helpers/load/rules/). It is the one script that writes them, so it runs
after a change to any of them: data/*.csv, data/provenance/, or a rule's code (its docstring is the rule's text).

Usage:  python scripts/merge_sources.py [--staging DIR] [--out FILE] [--check]

* Every staging file is named after the area of the data it holds and listed in the staging folder's README.md.
* Every staging file must have the header of sources.csv (source_id,title,publisher,url,accessed,kind,note).
* The same source_id in several files is kept once when url and title agree (publisher, accessed and note are
  taken from the first file in name order that has them; differing notes are joined with " / ").
* The same source_id with a different url or title is an error naming both files and rows: one id means one page.
* Output rows are sorted by source_id, written as UTF-8 CSV with "\\n" line ends, so identical staging files give
  a byte-identical sources.csv.
* The kinds paragraph and table of data/README.md (between its `kinds:start`/`kinds:end` markers) are rewritten
  from the merged sources and the fact tables, so the README always shows the real mix of kinds.
* The list of data rules of data/README.md (between its `BEGIN load rules`/`END load rules` markers) is rewritten
  from the rule registry (helpers.load.rules), each rule's docstring its text.
* --check writes nothing and exits 1 when data/sources.csv or those README blocks differ from what it would write.

Exit status: 0 on success, 1 on a conflict or bad file (the message says which file, row and column).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from helpers.bibliography import source_kinds  # noqa: E402  (the helpers of this checkout, found above)
from helpers.load.rules import readme_with_rules  # noqa: E402

HEADER = ["source_id", "title", "publisher", "url", "accessed", "kind", "note"]
# What kind of page a source is, best first (see data/README.md); the data package's list is its one home.
KINDS = source_kinds()


class MergeError(Exception):
    """A staging file cannot be merged; the message names file, row, column and the rule."""


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def read_staging(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Rows of one staging file with their row numbers (header = row 1)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MergeError(f"{_shown(path)}: byte {exc.start} is not valid UTF-8 (staging files are UTF-8)") from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        records = list(reader)
    except csv.Error as exc:
        raise MergeError(f"{_shown(path)} row {reader.line_num}: malformed CSV ({exc}) (a value with commas, "
                         f"quotes or line breaks is enclosed in double quotes)") from None
    if not records or records[0] != HEADER:
        got = ",".join(records[0]) if records else "(empty file)"
        raise MergeError(f"{_shown(path)} row 1: header is {got} (the header must be exactly {','.join(HEADER)})")
    rows = []
    for i, rec in enumerate(records[1:], start=2):
        if not rec:
            continue
        if len(rec) != len(HEADER):
            raise MergeError(f"{_shown(path)} row {i}: has {len(rec)} values but the header has {len(HEADER)} "
                             f"columns (every row has exactly one value per column)")
        row = dict(zip(HEADER, (v.strip() for v in rec)))
        if not row["source_id"]:
            raise MergeError(f"{_shown(path)} row {i}, column source_id: value is empty (every source has an id)")
        if row["kind"] not in KINDS:
            raise MergeError(f"{_shown(path)} row {i}, column kind: {row['kind']!r} is not a kind of source "
                             f"(allowed: {', '.join(KINDS)})")
        rows.append((i, row))
    return rows


def unlisted_areas(files: list[Path], staging: Path) -> None:
    """Each list is named after the area of the data it holds, and the staging folder's README.md (when it has
    one) names it: a list named after a round of work says nothing of which sources belong in it."""
    readme = staging / "README.md"
    if not readme.exists():
        return
    text = readme.read_text(encoding="utf-8")
    for path in files:
        if f"`{path.name}`" not in text:
            raise MergeError(f"{_shown(path)}: no line of {_shown(readme)} names this list (name a list after the "
                             f"area of the data it holds, e.g. sources-memberships.csv, and add its line there)")


def merge(files: list[Path]) -> list[dict[str, str]]:
    """Merged sources sorted by source_id; raises MergeError on an id with two urls or titles."""
    merged: dict[str, dict[str, str]] = {}
    origin: dict[str, str] = {}
    notes: dict[str, list[str]] = {}  # each source's distinct notes, whole (a note may itself contain " / ")
    for path in sorted(files):
        for i, row in read_staging(path):
            sid = row["source_id"]
            where = f"{_shown(path)} row {i}"
            if sid not in merged:
                merged[sid] = dict(row)
                origin[sid] = where
                notes[sid] = [row["note"]] if row["note"] else []
                continue
            kept = merged[sid]
            for col in ("url", "title", "kind"):
                if row[col] != kept[col]:
                    raise MergeError(
                        f"{where}, column {col}: source {sid!r} has {col} {row[col]!r} but {origin[sid]} has "
                        f"{kept[col]!r} (one source_id is one page: give the other page its own id, or make the "
                        f"two rows agree)")
            for col in ("publisher", "accessed"):
                if not kept[col] and row[col]:
                    kept[col] = row[col]
            if row["note"] and row["note"] not in notes[sid]:
                notes[sid].append(row["note"])
                kept["note"] = " / ".join(notes[sid])
    return [merged[k] for k in sorted(merged)]


def to_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(HEADER)
    for r in rows:
        w.writerow([r[c] for c in HEADER])
    return out.getvalue()


# Fact tables counted in data/README.md, in this order; each row counts once, by the better of its two sources.
FACT_TABLES = ("memberships", "arms_control", "events", "treaties", "states", "state_lineage", "state_policies",
               "documents", "principle_documents", "organisations", "org_features")
KINDS_START, KINDS_END = "<!-- kinds:start (written by scripts/merge_sources.py) -->", "<!-- kinds:end -->"


def _best(row: dict[str, str], kinds: dict[str, str]) -> str:
    found = [kinds[s] for s in (row.get("source_id", ""), row.get("alt_source_id", "")) if s in kinds]
    return min(found, key=KINDS.index) if found else "copy"


def kinds_block(rows: list[dict[str, str]], data_dir: Path) -> str:
    """The sentence and table of data/README.md: sources by kind, and fact-table rows by their best source."""
    kinds = {r["source_id"]: r["kind"] for r in rows}
    c = {k: sum(1 for v in kinds.values() if v == k) for k in KINDS}
    lines = [f"`sources.csv` itself holds {len(kinds)} sources: {c['primary']} primary, {c['official']} official, "
             f"{c['reference']} reference, {c['news']} news and {c['copy']} copies.", "",
             "| table | rows | primary | official | reference | news | copy only |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    total = dict.fromkeys(KINDS, 0)
    for table in FACT_TABLES:
        with open(data_dir / f"{table}.csv", encoding="utf-8", newline="") as fh:
            best = [_best(r, kinds) for r in csv.DictReader(fh)]
        counts = {k: best.count(k) for k in KINDS}
        for k in KINDS:
            total[k] += counts[k]
        lines.append(f"| `{table}.csv` | {len(best)} | " + " | ".join(str(counts[k]) for k in KINDS) + " |")
    lines.append(f"| all | {sum(total.values())} | " + " | ".join(str(total[k]) for k in KINDS) + " |")
    return "\n".join(lines)


def readme_with_kinds(readme: str, block: str) -> str:
    if KINDS_START not in readme or KINDS_END not in readme:
        raise MergeError(f"data/README.md: the markers {KINDS_START} and {KINDS_END} are missing")
    head, rest = readme.split(KINDS_START, 1)
    return f"{head}{KINDS_START}\n{block}\n{KINDS_END}{rest.split(KINDS_END, 1)[1]}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--staging", type=Path, default=ROOT / "data" / "provenance",
                    help="folder of the source lists (default data/provenance)")
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "sources.csv")
    ap.add_argument("--check", action="store_true", help="only check that --out is up to date")
    args = ap.parse_args(argv)
    files = sorted(args.staging.glob("sources-*.csv"))
    if not files:
        print(f"error: no sources-*.csv in {_shown(args.staging)} (data authors write their sources there)",
              file=sys.stderr)
        return 1
    try:
        unlisted_areas(files, args.staging)
        rows = merge(files)
    except MergeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    text, n = to_csv(rows), len(rows)
    readme_path = args.out.parent / "README.md"
    readme = readme_path.read_text(encoding="utf-8") if readme_path.exists() else None
    try:
        new_readme = readme_with_kinds(readme, kinds_block(rows, args.out.parent)) if readme else None
        new_readme = readme_with_rules(new_readme, _shown(readme_path)) if new_readme else None
    except (MergeError, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        stale = [p for p, old, new in ((args.out, current, text), (readme_path, readme, new_readme)) if old != new]
        if stale:
            print(f"{', '.join(_shown(p) for p in stale)} out of date: run python scripts/merge_sources.py",
                  file=sys.stderr)
            return 1
        print(f"{_shown(args.out)} is up to date ({n} sources from {len(files)} files)")
        return 0
    for path, new in ((args.out, text), (readme_path, new_readme)):
        if new is not None:
            tmp = path.with_suffix(".tmp")
            tmp.write_text(new, encoding="utf-8")
            tmp.replace(path)
    print(f"wrote {_shown(args.out)}: {n} sources from {len(files)} files, and the kinds table and the rule list of "
          "data/README.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
