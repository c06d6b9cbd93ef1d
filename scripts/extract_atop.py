"""Write the census of alliances (data/pact_census.csv) and the member spells of multilateral defence pacts
(data/pact_spells.csv) from the Alliance Treaty Obligations and Provisions project's files, version 4.01.

Usage:  python scripts/extract_atop.py ALLIANCE_LEVEL.csv MEMBER_LEVEL.csv

The inputs are ATOP 4.01's alliance-level and member-level files (atopdata.org); they are not kept in this
repository. The census keeps every alliance ATOP dates to 1945 or later, with its five obligation codes, how many
states were members on the day of signature and how many of those were permanent members of the UN Security
Council (COW codes 2, 200, 220, 365, 710). The spells keep, for every alliance with a defence pledge and at least
three states at signature, each member's consecutive phases joined into one spell (COW state codes, as ATOP gives
them). `org_id` links the alliances this project holds; `name` names a few others from their treaty texts;
`pledge_from` dates a defence pledge that entered an agreement's text after signature (ATOP's alliance-level code
does not say which phase carries it). Both outputs are sorted, so the same inputs give the same bytes.
"""

from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SINCE = 1945
P5 = {2, 200, 220, 365, 710}
LINKS = {3075: "RIO", 3130: "WEU", 3180: "NATO", 3215: "ANZUS", 3260: "SEATO", 3275: "CENTO", 3285: "WARSAW",
         4220: "CSTO", 4980: "RU_CN_TREATY_2001"}
SOURCE = "atop-4-01-data"
#: Names for agreements not held as organisations (ATOP's files carry none): the treaty text signed that day by the
#: states ATOP lists at signature, with the source that shows it (data/provenance/notes-sources.md, ATOP names).
NAMES = {3010: ("Act of Chapultepec", "statutes-act-of-chapultepec-1945"),
         3150: ("Charter of the Organization of American States", "cia-oas-charter-1948"),
         3395: ("Defence agreement of France, the Central African Republic, Congo and Chad",
                "defense-bo-accord-defense-aeq-1960"),
         4175: ("Treaty on European Union (Maastricht)", "wikisource-teu-1992"),
         4400: ("Charter of the Commonwealth of Independent States", "untreaty-cis-charter-1993")}
#: Agreements whose defence pledge entered their text after signature, while ATOP's alliance-level `defense` code
#: dates it from signature: the day the text holding the pledge took effect, with the source that shows it. The EU's
#: mutual assistance clause (Art. 42(7) TEU) came with the Treaty of Lisbon, in force 1 December 2009.
PLEDGES = {4175: ("2009-12-01", "eprs-eu-mutual-assistance-clause-2015")}


def _int(v: str) -> int:
    return int(float(v)) if v not in ("", None) else 0


def _day(y, m, d) -> tuple[str, str]:
    """ISO date and its precision from ATOP's year, month, day (0 or empty = unknown)."""
    y, m, d = _int(y), _int(m), _int(d)
    if not y:
        return "", ""
    if not m:
        return date(y, 1, 1).isoformat(), "year"
    if not d:
        return date(y, m, 1).isoformat(), "month"
    return date(y, m, d).isoformat(), "day"


def _rows(path: str) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _spells(rows: list[dict]) -> list[tuple[str, str]]:
    """One member's phases joined where a phase starts on the day the last one ended."""
    phases = sorted((_day(r["yrent"], r["moent"], r["dayent"])[0], _day(r["yrexit"], r["moexit"], r["dayexit"])[0])
                    for r in rows)
    out: list[list[str]] = []
    for start, end in phases:
        if out and out[-1][1] == start:
            out[-1][1] = end
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def main(alliances: str, members: str) -> None:
    by_pact: dict[int, list[dict]] = {}
    for r in _rows(members):
        by_pact.setdefault(_int(r["atopid"]), []).append(r)
    census, spells = [], []
    for a in _rows(alliances):
        if _int(a["begyr"]) < SINCE:
            continue
        pid = _int(a["atopid"])
        signed, precision = _day(a["begyr"], a["begmo"], a["begday"])
        ended, _ = _day(a["endyr"], a["endmo"], a["endday"])
        per_state: dict[int, list[dict]] = {}
        for r in by_pact.get(pid, []):
            per_state.setdefault(_int(r["member"]), []).append(r)
        joined = {s: _spells(rs) for s, rs in per_state.items()}
        founders = {s for s, sp in joined.items() if sp[0][0] == signed}
        census.append({"atopid": pid, "signed": signed, "signed_precision": precision, "ended": ended,
                       **{k: _int(a[k]) for k in ("defense", "offense", "neutral", "nonagg", "consul")},
                       "states_at_signature": len(founders), "great_powers_at_signature": len(founders & P5),
                       "states_ever": len(joined), "org_id": LINKS.get(pid, ""),
                       "name": NAMES.get(pid, ("", ""))[0], "name_source_id": NAMES.get(pid, ("", ""))[1],
                       "pledge_from": PLEDGES.get(pid, ("", ""))[0],
                       "pledge_source_id": PLEDGES.get(pid, ("", ""))[1], "source_id": SOURCE})
        if _int(a["defense"]) == 1 and len(founders) >= 3:
            for s, sp in sorted(joined.items()):
                spells += [{"atopid": pid, "cow_code": s, "start": st, "end": en, "source_id": SOURCE}
                           for st, en in sp]
    _write(ROOT / "data" / "pact_census.csv", census, ["atopid"])
    _write(ROOT / "data" / "pact_spells.csv", spells, ["atopid", "cow_code", "start"])


def _write(path: Path, rows: list[dict], key: list[str]) -> None:
    rows = sorted(rows, key=lambda r: [r[k] for k in key])
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{path.relative_to(ROOT)}: {len(rows)} rows")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
