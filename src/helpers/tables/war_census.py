"""Notebook 04: the wars rule applied to a published census, the UCDP/PRIO Armed Conflict Dataset's conflict-years in
Europe and the former USSR from 1992 (``war_census.csv``). Every census row is a year of at least 25 battle-related
deaths, so the threshold is UCDP's own. Plain DataFrames in, plain DataFrames out."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

#: The census's names for the states in its side and location columns, as ISO codes (``states.csv``). UCDP names a
#: state after its present name with the former one in brackets: "Russia (Soviet Union)" is Russia from 1992, and
#: "Serbia (Yugoslavia)", whose rows here end in 1999, is the Federal Republic of Yugoslavia (``YUG``).
UCDP_STATES = {
    "Afghanistan": "AFG", "Armenia": "ARM", "Australia": "AUS", "Azerbaijan": "AZE", "Belgium": "BEL",
    "Bosnia-Herzegovina": "BIH", "Canada": "CAN", "Croatia": "HRV", "Czech Republic": "CZE", "Denmark": "DNK",
    "France": "FRA", "Georgia": "GEO", "Germany": "DEU", "Greece": "GRC", "Hungary": "HUN", "Iceland": "ISL",
    "Iraq": "IRQ", "Italy": "ITA", "Kyrgyzstan": "KGZ", "Luxembourg": "LUX", "Moldova": "MDA", "Netherlands": "NLD",
    "North Macedonia": "MKD", "Norway": "NOR", "Poland": "POL", "Portugal": "PRT", "Russia (Soviet Union)": "RUS",
    "Serbia (Yugoslavia)": "YUG", "Spain": "ESP", "Tajikistan": "TJK", "Turkey": "TUR", "Ukraine": "UKR",
    "United Kingdom": "GBR", "United States of America": "USA", "Uzbekistan": "UZB",
}

#: Why a conflict-year is admitted or refused, in the order the rule tests them.
REASONS = {
    "theatre": "fought outside Europe and the former USSR",
    "none": "no Russian or NATO-member party in the census row",
    "home": "a government against armed groups on its own soil",
    "government": "troops on a government's side against armed groups only",
    "bloc": "force used inside the acting bloc",
    "interstate": "meets the rule: a war between states",
    "rebels": "meets the rule: troops on the rebels' side against a government",
    "troops": "meets the rule: troops against another state's troops",
}
ADMITTED = ("interstate", "rebels", "troops")


def states_in(cell) -> list[str]:
    """The ISO codes of the governments a census cell names ("Government of Ukraine, Government of ..."); the
    armed groups it names are left out. A government the census names but :data:`UCDP_STATES` lacks is an error."""
    if not isinstance(cell, str):
        return []
    out = []
    for part in cell.split(", "):
        if part.startswith("Government of "):
            name = part.removeprefix("Government of ")
            if name not in UCDP_STATES:
                raise ValueError(f"war_census.csv: the census names '{name}', which UCDP_STATES does not map to a "
                                 "state (add its ISO code there)")
            out.append(UCDP_STATES[name])
    return out


def _blocs(memberships: pd.DataFrame, year: int) -> dict[str, set[str]]:
    """NATO's and the CSTO's formal members at the end of ``year``."""
    from helpers import membership

    day = pd.Timestamp(year, 12, 31).date()
    return {org: set(membership.members_as_of(memberships, org, day)["iso3"]) for org in ("NATO", "CSTO")}


def _verdict(row, blocs: dict[str, set[str]], near: set[str], secondary: bool) -> tuple[str, list[str]]:
    """The reason key for one conflict-year and the acting states (Russia, NATO members) it names."""
    side = {"a": states_in(row.side_a), "b": states_in(row.side_b)}
    second = {"a": states_in(row.side_a_2nd), "b": states_in(row.side_b_2nd)} if secondary else {"a": [], "b": []}
    acting = [s for k in "ab" for s in side[k] + second[k] if s == "RUS" or s in blocs["NATO"]]
    places = [UCDP_STATES.get(p.strip(), p.strip()) for p in row.location.split(",")]
    if any(p not in near for p in places):
        return "theatre", acting
    if not acting:
        return "none", acting
    own = blocs["CSTO"] | {"RUS"} if acting[0] == "RUS" else blocs["NATO"]
    for k, other in (("a", "b"), ("b", "a")):
        if not set(acting) & set(side[k] + second[k]):
            continue
        against = [s for s in side[other] + second[other] if s not in own]
        if row.type_of_conflict == 2:
            return ("interstate" if against else "bloc"), acting
        if k == "b":  # side A of an intrastate conflict is the government
            return ("rebels" if side["a"][0] not in own else "bloc"), acting
        if set(acting) & set(side["a"]):
            return "home", acting
        return ("troops" if against else "government"), acting
    return "none", acting


def census_cases(census: pd.DataFrame, memberships: pd.DataFrame, states: pd.DataFrame,
                 former_soviet: Iterable[str], *, secondary: bool = True) -> pd.DataFrame:
    """Every conflict-year of the census tested against notebook 04's wars rule: Russia or a state that was a NATO
    member at the end of the year took part, as a primary party or with troops in support of one (a secondary
    party), and used force against a state outside its own bloc (NATO; for Russia, the CSTO) or on the side of
    armed groups fighting such a state's government; every country of the census's location lies in Europe
    (``states.region``) or the former USSR (``former_soviet``). A government fighting armed groups at home, or
    troops on a government's side with no state on the other, does not qualify. ``secondary=False`` counts
    primary parties only (the alternative reading of "took part").
    Columns: ``conflict_id``, ``year``, ``location``, ``acting`` (ISO codes, ``; ``-joined), ``admitted``,
    ``reason`` (from :data:`REASONS`), ``source_id``; by conflict and year."""
    near = set(states.loc[states["region"] == "Europe", "iso3"]) | set(former_soviet)
    rows = []
    for r in census.sort_values(["conflict_id", "year"]).itertuples(index=False):
        key, acting = _verdict(r, _blocs(memberships, int(r.year)), near, secondary)
        rows.append({"conflict_id": int(r.conflict_id), "year": int(r.year), "location": r.location,
                     "acting": "; ".join(dict.fromkeys(acting)), "admitted": key in ADMITTED,
                     "reason": REASONS[key], "source_id": r.source_id})
    out = pd.DataFrame(rows, columns=["conflict_id", "year", "location", "acting", "admitted", "reason",
                                      "source_id"])
    out["admitted"] = out["admitted"].astype(bool)
    return out


def single_cell(census: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """The conflicts admitted by the rule's clause on troops against another state's troops (:data:`REASONS`
    ``troops``) on one census cell: in one year only, through a state the census names only as a secondary party on
    the government's side, against a state that is a secondary party on the other, with no Russian or NATO-member
    party in any other year (Nagorno-Karabakh, 2020). Columns: ``conflict_id``, ``location``, ``year``, ``state``
    and ``against`` (ISO codes), ``other_years``."""
    rows = []
    for cid, years in cases.groupby("conflict_id", sort=False):
        hit, acted = years[years["admitted"]], years[years["acting"] != ""]
        if len(hit) != 1 or len(acted) != 1 or hit["reason"].iloc[0] != REASONS["troops"]:
            continue
        r = census[(census["conflict_id"] == cid) & (census["year"] == hit["year"].iloc[0])].iloc[0]
        backing, against = states_in(r["side_a_2nd"]), states_in(r["side_b_2nd"])
        if backing and against and set(hit["acting"].iloc[0].split("; ")) <= set(backing):
            rows.append({"conflict_id": cid, "location": r["location"], "year": int(r["year"]),
                         "state": backing[0], "against": against[0], "other_years": len(years) - 1})
    return pd.DataFrame(rows, columns=["conflict_id", "location", "year", "state", "against", "other_years"])


def place_names(conflicts: pd.DataFrame, states: pd.DataFrame) -> pd.Series:
    """The census's location of each conflict as this project names its states (``states.name``, ``; ``-joined), so
    a page names them as every other table does; a place the mapping lacks keeps the census's word."""
    name = states.set_index("iso3")["name"]
    return conflicts["location"].map(lambda cell: "; ".join(
        str(name.get(UCDP_STATES.get(p.strip(), ""), p.strip())) for p in cell.split(",")))


def conflict_label(conflict_id) -> str:
    """UCDP's conflict identifier as a reader sees it, after a number sign (conflict 13692 as #13692): a label, not
    a quantity, so no edition groups its digits ("13,692") or sets it beside the page's counts as one."""
    return f"#{int(conflict_id)}"


def refusal_counts(conflicts: pd.DataFrame) -> pd.DataFrame:
    """How many of :func:`conflict_cases`' refused conflicts each reason refuses, in the rule's order (zero rows
    left out). Columns: ``reason``, ``conflicts``, ``names`` (UCDP ids as :func:`conflict_label` writes them,
    ``; ``-joined)."""
    refused = conflicts[~conflicts["admitted"]]
    rows = [{"reason": r, "conflicts": int((refused["reason"] == r).sum()),
             "names": "; ".join(conflict_label(i) for i in refused.loc[refused["reason"] == r, "conflict_id"])}
            for k, r in REASONS.items() if k not in ADMITTED]
    out = pd.DataFrame(rows, columns=["reason", "conflicts", "names"])
    return out[out["conflicts"] > 0].reset_index(drop=True)


def _years(years: Iterable[int]) -> str:
    """1992, 1993, 1994, 2008 → '1992–1994, 2008'."""
    ys, runs = sorted(set(years)), []
    for y in ys:
        if runs and y == runs[-1][1] + 1:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def conflict_cases(census: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """One row per census conflict: ``conflict_id``, ``location``, ``parties`` (side A against side B in the
    census's words), ``years`` (in the census), ``admitted`` (any year admitted), ``admitted_years``, ``reason``
    and ``parties`` of the year that decides (the last admitted year; else the last year in which Russia or a NATO
    member took part; else the last year), ``source_id``; admitted first, then by first year."""
    rows = []
    for cid, years in cases.groupby("conflict_id", sort=False):
        hit, acted = years[years["admitted"]], years[years["acting"] != ""]
        decides = (hit if len(hit) else acted if len(acted) else years).iloc[-1]
        row = census[(census["conflict_id"] == cid) & (census["year"] == decides["year"])].iloc[0]
        rows.append({"conflict_id": cid, "location": row["location"],
                     "parties": f"{row['side_a']} v. {row['side_b']}", "years": _years(years["year"]),
                     "admitted": bool(len(hit)), "admitted_years": _years(hit["year"]), "reason": decides["reason"],
                     "first": years["year"].min(), "source_id": decides["source_id"]})
    out = pd.DataFrame(rows)
    return (out.sort_values(["admitted", "first", "conflict_id"], ascending=[False, True, True])
            .drop(columns="first").reset_index(drop=True))


def war_groups(census: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """The admitted conflicts grouped into wars: two census conflicts are one war when, in a year both are admitted,
    they share location, government side (``side_a``, ``side_a_2nd``) and the outside state with troops on the other
    side (``side_b_2nd``) — the census splits Donbas in 2014 into three conflicts, one per armed group. Columns:
    ``war`` (the lowest conflict id of the group), ``conflicts`` (how many), ``location``, ``first`` (first admitted
    year), ``russia`` (Russia is among the acting states of an admitted year; else NATO members act),
    ``states`` (every government the group's admitted rows name, ISO codes sorted and ``; ``-joined), ``start``
    (the earliest year UCDP dates any of its conflicts from) and ``interstate`` (every admitted row is a war between
    states); by first year."""
    hit = cases.loc[cases["admitted"], ["conflict_id", "year", "acting"]].merge(census, on=["conflict_id", "year"])
    hit = hit.fillna({c: "" for c in ("side_a_2nd", "side_b_2nd")})
    war = {int(c): int(c) for c in hit["conflict_id"]}
    for _, same in hit.groupby(["year", "location", "side_a", "side_a_2nd", "side_b_2nd"]):
        ids = sorted({war[int(c)] for c in same["conflict_id"]})
        for c, w in list(war.items()):
            if w in ids:
                war[c] = ids[0]
    hit = hit.assign(war=hit["conflict_id"].map(lambda c: war[int(c)]), start=pd.to_datetime(hit["start_date"]).dt.year,
                     russia=hit["acting"].str.split("; ").map(lambda a: "RUS" in a),
                     govs=hit.apply(lambda r: {s for k in SIDES for s in states_in(r[k])}, axis=1))
    out = hit.groupby("war").agg(conflicts=("conflict_id", "nunique"), location=("location", "first"),
                                 first=("year", "min"), russia=("russia", "any"), start=("start", "min"),
                                 interstate=("type_of_conflict", lambda t: bool((t == 2).all())),
                                 states=("govs", lambda g: "; ".join(sorted(set().union(*g))))).reset_index()
    cols = ["war", "conflicts", "location", "first", "russia", "states", "start", "interstate"]
    return out.sort_values(["first", "war"])[cols].reset_index(drop=True)


#: The census's columns that name the parties, primary and secondary, on both sides.
SIDES = ("side_a", "side_a_2nd", "side_b", "side_b_2nd")


def one_conflict_reading(wars: pd.DataFrame) -> pd.DataFrame:
    """The wars of :func:`war_groups` read as UCDP dates its conflicts: a war between states that UCDP dates from a
    year before the one the rule admits it in (the Russia–Ukraine conflict, dated from 18 March 2014, listed in 2022
    only) takes in an earlier war among the same governments that began in that span (Donbas from 2014). Columns:
    ``war`` (the taken-in war's id), ``into`` (the id of the war between states that takes it in); empty when no
    war is taken in."""
    rows = []
    for w in wars[wars["interstate"] & (wars["start"] < wars["first"])].itertuples(index=False):
        inside = wars[(wars["war"] != w.war) & (wars["states"] == w.states) & wars["first"].between(w.start, w.first)]
        rows += [{"war": int(v), "into": int(w.war)} for v in inside["war"]]
    return pd.DataFrame(rows, columns=["war", "into"])


def fought_there(cases: pd.DataFrame) -> pd.Series:
    """For each conflict of :func:`census_cases` (index ``conflict_id``): whether any of its census years has every
    location in Europe or the former USSR. The census is drawn by a location there, so a conflict with one location
    in Europe and the others outside it (Iraq 2003, Afghanistan 2001: the United Kingdom is a location, as a party)
    is in the census but was not fought there."""
    return cases.groupby("conflict_id", sort=False)["reason"].agg(lambda r: bool((r != REASONS["theatre"]).any()))
