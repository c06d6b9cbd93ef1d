"""Write the census of armed conflicts in notebook 04's theatre (data/war_census.csv) from the UCDP/PRIO Armed
Conflict Dataset, version 23.1.

Usage:  python scripts/extract_ucdp.py UCDP_PRIO_ACD_23_1.csv

The input is the dataset's conflict-year file (ucdp.uu.se/downloads, "UCDP/PRIO Armed Conflict Dataset"); it is not
kept in this repository. Every row of the dataset is a conflict in a year in which its fighting caused at least 25
battle-related deaths, so the threshold is the census's own. The output keeps every row from 1992 (the first full
year after the end of the USSR) with at least one location in UCDP's region code 1 (Europe, the Caucasus included)
or in one of the USSR's successor states in Central Asia, with the columns the rule of notebook 04 reads, in UCDP's
own words. A row can name several locations, so a conflict fought elsewhere enters when one of them is in Europe
(Iraq 2003 and Afghanistan 2001 name the United Kingdom): the pool is "with a location there", and notebook 04's rule
refuses a conflict with any location outside Europe and the former USSR. Sorted by conflict and year, so the same
input gives the same bytes.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SINCE = 1992
CENTRAL_ASIA = ("Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan")
KEEP = ("conflict_id", "year", "location", "side_a", "side_a_2nd", "side_b", "side_b_2nd", "incompatibility",
        "territory_name", "intensity_level", "type_of_conflict", "start_date")
SOURCE, COPY = "ucdp-prio-acd-23-1", "github-copy-ucdp-prio-acd-23-1"


def _in_theatre(row: dict) -> bool:
    regions = {r.strip() for r in row["region"].split(",")}
    places = {p.strip() for p in row["location"].split(",")}
    return "1" in regions or bool(places & set(CENTRAL_ASIA))


def main(path: str) -> None:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if int(r["year"]) >= SINCE and _in_theatre(r)]
    if not rows or any(r["version"] != "23.1" for r in rows):
        sys.exit(f"{path}: not the UCDP/PRIO Armed Conflict Dataset version 23.1 (column 'version')")
    out = [{**{k: r[k] for k in KEEP}, "source_id": SOURCE, "alt_source_id": COPY} for r in rows]
    out.sort(key=lambda r: (int(r["conflict_id"]), int(r["year"])))
    target = ROOT / "data" / "war_census.csv"
    with target.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(out[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(out)
    print(f"{target.relative_to(ROOT)}: {len(out)} rows, {len({r['conflict_id'] for r in out})} conflicts")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
