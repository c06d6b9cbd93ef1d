"""Notebook 02 (P4): NATO beside the other defence pacts — each pact's record ('the largest and most stable
bloc'), the case rule that picks the pacts compared (:func:`defence_pact_cases`), and each admitted pact's lifetime
and withdrawals per member-year.

Plain DataFrames in, plain DataFrames out; nothing here reads files or displays. Memberships follow the data
contract: spells are half-open (``start <= d < end``, empty ``end`` = still running).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers import membership
from helpers.membership import as_timestamp


def _lifetime(org_row: pd.Series, day: pd.Timestamp) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The pact's end on ``day`` (NaT while it runs) and the last day of its lifetime so far."""
    ended = org_row["dissolved"] if pd.notna(org_row["dissolved"]) and org_row["dissolved"] <= day else pd.NaT
    return ended, ended if pd.notna(ended) else day


def _formal_spells(memberships: pd.DataFrame, org: str) -> pd.DataFrame:
    return memberships[(memberships["org_id"] == org) & memberships["status"].isin(membership.FORMAL)]


def _departures(spells: pd.DataFrame, day: pd.Timestamp, stop: pd.Timestamp) -> pd.DataFrame:
    """The formal spells that ended by ``day`` and before the pact itself ended (``stop``), and were not followed
    by another formal spell of the same state starting that day: states that left or ceased to exist."""
    starts = set(zip(spells["iso3"], spells["start"]))
    gone = spells[spells["end"].notna() & (spells["end"] <= day) & (spells["end"] < stop)]
    return gone[pd.Series([(i, e) not in starts for i, e in zip(gone["iso3"], gone["end"])], index=gone.index,
                          dtype=bool)]


def _peak(memberships: pd.DataFrame, org: str, day: pd.Timestamp) -> tuple[int, pd.Timestamp]:
    """The most formal members ``org`` had up to ``day`` and the first date it had them (0 and NaT: none yet)."""
    counts = membership.counts_over_time(memberships, org).copy()
    counts["date"] = pd.to_datetime(counts["date"])
    counts = counts[counts["date"] <= day]
    if counts.empty:
        return 0, pd.NaT
    peak = int(counts["members"].max())
    return peak, counts.loc[counts["members"] == peak, "date"].min()


def bloc_record(memberships: pd.DataFrame, organisations: pd.DataFrame, orgs: Iterable[str], as_of) -> pd.DataFrame:
    """What the data can say about 'the largest and most stable bloc' (P4), for each org, as of ``as_of``.

    Columns:
    ``org_id``, ``name``, ``founded`` (founding document signed), ``dissolved`` (NaT if still running on
    ``as_of``), ``years`` (years from ``founded`` to dissolution or ``as_of``, one decimal), ``members_now``
    (formal members on ``as_of``; 0 once dissolved), ``peak_members`` and ``peak_date`` (first date the peak was
    reached, up to ``as_of``), ``departures`` (formal spells that ended before the organisation itself ended and
    were not followed by another formal spell of the same state starting that day — i.e. states that left or
    ceased to exist), ``source_id`` (of the organisation row).
    Organisations not yet founded on ``as_of`` are left out.
    """
    day = as_timestamp(as_of, "as_of")
    rows = []
    for org in orgs:
        o = organisations[organisations["org_id"] == org]
        if o.empty:
            raise KeyError(f"org={org!r} is not in organisations.csv")
        o = o.iloc[0]
        if pd.isna(o["founded"]) or o["founded"] > day:
            continue
        ended, stop = _lifetime(o, day)
        peak, peak_date = _peak(memberships, org, day)
        departures = len(_departures(_formal_spells(memberships, org), day, stop))
        now = 0 if pd.notna(ended) else membership.count_as_of(memberships, org, day.date())
        rows.append({
            "org_id": org, "name": o["name"], "founded": o["founded"], "dissolved": ended,
            "years": (stop - o["founded"]).days / 365.25, "members_now": int(now),
            "peak_members": peak, "peak_date": peak_date, "departures": int(departures),
            "source_id": o["source_id"],
        })
    out = pd.DataFrame(rows, columns=["org_id", "name", "founded", "dissolved", "years", "members_now",
                                      "peak_members", "peak_date", "departures", "source_id"])
    for c in ("founded", "dissolved", "peak_date"):
        out[c] = pd.to_datetime(out[c])
    for c in ("members_now", "peak_members", "departures"):
        out[c] = out[c].astype("Int64")
    return out


#: Permanent members of the UN Security Council (UN Charter, Art. 23), with Russia as the USSR's continuator.
PERMANENT_FIVE = frozenset({"CHN", "FRA", "GBR", "SUN", "RUS", "USA"})


#: The case rule of notebook 02: defence pacts signed on or after this day.
PACTS_SINCE = pd.Timestamp("1945-01-01")


def _founders(memberships: pd.DataFrame, org: str, founded: pd.Timestamp) -> set[str]:
    spells = _formal_spells(memberships, org)
    return set(spells.loc[spells["start"] <= founded, "iso3"])


def defence_pact_cases(organisations: pd.DataFrame, memberships: pd.DataFrame, as_of, *,
                       since=PACTS_SINCE, great_powers: Iterable[str] = PERMANENT_FIVE) -> pd.DataFrame:
    """Every organisation tested against the case rule of notebook 02, with the verdict and its reason.

    The rule: a written pact with a mutual defence obligation (``kind == "alliance"`` in organisations.csv, ATOP's
    defence pledge), signed between ``since`` and ``as_of``, with at least three states at signature and at least
    one of ``great_powers`` among them. The two membership tests use the spells that start on or before the
    signature day; a pact whose spells are not in the data is admitted on its organisation row and flagged
    (``members_checked`` False), never silently dropped.
    Columns: ``org_id``, ``name``, ``founded``, ``admitted`` (bool), ``members_checked`` (bool), ``founders``
    (count, <NA> when not in data), ``reason``; admitted pacts first, then by signature date.
    """
    day, start = as_timestamp(as_of, "as_of"), as_timestamp(since, "since")
    powers = set(great_powers)
    rows = []
    for o in organisations.itertuples(index=False):
        founders = _founders(memberships, o.org_id, o.founded) if pd.notna(o.founded) else set()
        checked = bool(founders)
        if o.kind != "alliance":
            ok, why = False, "no mutual defence obligation"
        elif pd.isna(o.founded) or o.founded < start:
            ok, why = False, f"signed before {start.year}"
        elif o.founded > day:
            ok, why = False, "not yet signed on the chosen date"
        elif checked and len(founders) < 3:
            ok, why = False, "fewer than three states at signature"
        elif checked and not founders & powers:
            ok, why = False, "no permanent member of the UN Security Council among its founders"
        else:
            ok = True
            why = "meets the rule" if checked else "meets the rule on its organisation row; members not in data"
        rows.append({"org_id": o.org_id, "name": o.name, "founded": o.founded, "admitted": ok,
                     "members_checked": checked, "founders": len(founders) if checked else pd.NA, "reason": why})
    out = pd.DataFrame(rows, columns=["org_id", "name", "founded", "admitted", "members_checked", "founders",
                                      "reason"])
    out["founders"] = out["founders"].astype("Int64")
    out["founded"] = pd.to_datetime(out["founded"])
    return out.sort_values(["admitted", "founded"], ascending=[False, True]).reset_index(drop=True)


def pact_exposure(memberships: pd.DataFrame, organisations: pd.DataFrame, orgs: Iterable[str], as_of, *,
                  historic: Iterable[str] = ()) -> pd.DataFrame:
    """Lifetime and exits per member-year for each pact in ``orgs`` (e.g. the admitted rows of
    :func:`defence_pact_cases`), as of ``as_of``.

    ``years`` runs from signature to dissolution or ``as_of``. ``member_years`` adds up every formal membership
    spell inside that lifetime. ``withdrawals`` are departures (as in :func:`bloc_record`) by states that still
    exist; ``state_ended`` are departures of states listed in ``historic`` (they ceased to exist, e.g. the GDR).
    ``withdrawals_per_100_member_years`` divides the two; it is <NA> when the pact's spells are not in the data.
    Columns: ``org_id``, ``name``, ``founded``, ``ended``, ``in_force``, ``years``, ``member_years``,
    ``withdrawals``, ``state_ended``, ``withdrawals_per_100_member_years``, ``source_id``; by signature date.
    """
    day, gone_states = as_timestamp(as_of, "as_of"), set(historic)
    rows = []
    for org in orgs:
        o = organisations.loc[organisations["org_id"] == org].iloc[0]
        ended, stop = _lifetime(o, day)
        spells = _formal_spells(memberships, org)
        left = _departures(spells, day, stop)
        n_gone = int(left["iso3"].isin(gone_states).sum())
        n_left = len(left) - n_gone
        exposure = membership.member_years(spells, o["founded"], stop) if len(spells) else float("nan")
        rate = round(100 * n_left / exposure, 2) if exposure and exposure == exposure else pd.NA
        rows.append({"org_id": org, "name": o["name"], "founded": o["founded"], "ended": ended,
                     "in_force": pd.isna(ended), "years": (stop - o["founded"]).days / 365.25,
                     "member_years": round(exposure, 1) if len(spells) else pd.NA,
                     "withdrawals": n_left if len(spells) else pd.NA, "state_ended": n_gone if len(spells) else pd.NA,
                     "withdrawals_per_100_member_years": rate, "source_id": o["source_id"]})
    out = pd.DataFrame(rows, columns=["org_id", "name", "founded", "ended", "in_force", "years", "member_years",
                                      "withdrawals", "state_ended", "withdrawals_per_100_member_years", "source_id"])
    for c in ("founded", "ended"):
        out[c] = pd.to_datetime(out[c])
    for c in ("withdrawals", "state_ended"):
        out[c] = out[c].astype("Int64")
    for c in ("member_years", "withdrawals_per_100_member_years"):
        out[c] = out[c].astype("Float64")
    return out.sort_values("founded").reset_index(drop=True)


def largest(table: pd.DataFrame, column: str) -> pd.Series:
    """The row with the largest ``column`` (first in table order on a tie); ``KeyError`` when the table is empty or
    every value is missing."""
    values = pd.to_numeric(table[column], errors="coerce")
    if values.dropna().empty:
        raise KeyError(f"no value in column {column!r} to compare")
    return table.loc[values.idxmax()]


def pact_sources(record: pd.DataFrame, memberships: pd.DataFrame) -> list[str]:
    """What the pact table cites: each pact's own row, then the membership spells of the pacts."""
    return list(dict.fromkeys(list(record["source_id"]) + membership.sources(memberships, record["org_id"])))


def state_names(codes: pd.Series, states: pd.DataFrame) -> pd.Series:
    """Each ISO 3166 alpha-3 code as the reader's name: ``states.csv``'s name, else the ISO 3166 short name of a
    state the project holds no row for (Cuba, Chad, ...), else the code itself."""
    import pycountry

    known = dict(zip(states["iso3"], states["name"]))

    def name(code: str) -> str:
        if code in known:
            return known[code]
        found = pycountry.countries.get(alpha_3=str(code))
        return (getattr(found, "common_name", None) or found.name) if found is not None else str(code)

    return codes.map(name)


def exit_list(exits: pd.DataFrame, cases: pd.DataFrame, states: pd.DataFrame) -> pd.DataFrame:
    """Every coded ending of a member's spell in an admitted pact, as readers check one: ``pact``, ``state`` (its
    name), ``date``, ``kind``, ``note`` and the sources, by pact and date."""
    out = exits.assign(pact=exits["atopid"].map(cases.set_index("atopid")["name"]),
                       state=state_names(exits["iso3"], states))
    out = out.sort_values(["atopid", "date", "state"], kind="stable").reset_index(drop=True)
    cols = ["pact", "state", "date", "kind", "note", "source_id", "alt_source_id"]
    return out[[c for c in cols if c in out.columns]]
