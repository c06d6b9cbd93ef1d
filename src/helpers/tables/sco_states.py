"""Tables for notebook 08 (P16–P18): the SCO's growth and the states tied to structures on both sides.

One rule grades every tie a state holds on a date, whichever side the structure is on: a defence pledge (NATO or
CSTO membership: North Atlantic Treaty Art. 5, Collective Security Treaty Art. 4) is stronger than membership
without a pledge (SCO member, OSCE participating state), which is stronger than a partnership programme with the
organisation (NATO's Partnership for Peace, Mediterranean Dialogue, Istanbul Cooperation Initiative, partners
across the globe), which is stronger than a dialogue status (SCO observer, dialogue partner, or SCO partner after
2025). A suspended or frozen status is no active tie: it is listed apart, never counted.

The universe is stated, not "the states in our data": every state that on the date is an OSCE participating state
or holds any SCO status. The two poles, Russia and China, are shown apart from the states in between and never
counted among them. Plain DataFrames in, plain DataFrames out; membership on a date comes from
``helpers.membership.status_matrix``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from helpers import membership, wording
from helpers.membership import as_timestamp

POLES = ("RUS", "CHN")


WESTERN = ("NATO", "PFP", "MD", "ICI", "PAG")


EURASIAN = ("CSTO", "SCO")


ORGS = ("NATO", "PFP", "MD", "ICI", "PAG", "OSCE", "CSTO", "SCO")


UNIVERSE_ORGS = ("OSCE", "SCO")


def org_word(org: str) -> str:
    """An organisation's reader name (``data/labels.csv`` through ``wording.label``; English, the page translates
    it), e.g. ``"PFP"`` → ``"Partnership for Peace"``."""
    return wording.label(org, "org_id", lang="en")


def status_word(status: str) -> str:
    """A membership status in reader words (``data/labels.csv``), e.g. ``"dialogue_partner"`` → ``"dialogue
    partner"``."""
    return wording.label(status, "status", "memberships", lang="en")


#: Tie grades, strongest first, with their rank (higher = stronger).
GRADES = ("defence pledge", "membership", "partnership", "dialogue status")


GRADE_RANK = {g: len(GRADES) - i for i, g in enumerate(GRADES)}


#: The one rule: (organisation, status) -> grade.
TIE_RULE = {
    ("NATO", "member"): "defence pledge", ("CSTO", "member"): "defence pledge",
    ("SCO", "member"): "membership", ("OSCE", "participating_state"): "membership",
    ("PFP", "partner"): "partnership", ("MD", "partner"): "partnership", ("ICI", "partner"): "partnership",
    ("PAG", "partner"): "partnership",
    ("SCO", "observer"): "dialogue status", ("SCO", "dialogue_partner"): "dialogue status",
    ("SCO", "partner"): "dialogue status",
}


INACTIVE = ("suspended", "frozen")


#: Structures of the UpSet chart: NATO partnership gathers the four NATO frameworks, SCO dialogue status the
#: SCO's outer circle.
STRUCTURES = ("NATO", "NATO partnership", "OSCE", "CSTO", "SCO", "SCO dialogue status")


def tie_grade(org: str, status: str) -> str:
    """The grade of holding ``status`` in ``org`` ("" for no status or an inactive one). An (org, status) pair
    the rule does not cover raises, so a new status is never dropped silently."""
    if not status or status in INACTIVE:
        return ""
    try:
        return TIE_RULE[(org, status)]
    except KeyError:
        raise ValueError(f"no tie grade for status {status!r} in {org}; the rule covers "
                         f"{sorted({o for o, _ in TIE_RULE})}") from None


def universe(status: pd.DataFrame) -> list[str]:
    """ISO3 codes of the states that are OSCE participating states or hold any SCO status (including a suspended
    one) on the date of ``status`` (a ``membership.status_matrix`` with OSCE and SCO columns)."""
    missing = [o for o in UNIVERSE_ORGS if o not in status.columns]
    if missing:
        raise ValueError(f"universe: the status matrix needs columns {', '.join(missing)}")
    held = (status[list(UNIVERSE_ORGS)].fillna("") != "").any(axis=1)
    return sorted(status.index[held])


def _strongest(grades: Iterable[str]) -> str:
    held = [g for g in grades if g]
    return max(held, key=GRADE_RANK.__getitem__) if held else ""


def tie_matrix(status: pd.DataFrame, names: Mapping[str, str], orgs: Iterable[str] = ORGS) -> pd.DataFrame:
    """The state × structure matrix of tie grades for the universe on the date of ``status``.

    Columns: iso3, name, pole (Russia or China), one column per organisation (the grade, "" for none), western and
    eurasian (the strongest grade on each side), inactive (organisations where the state's status is suspended or
    frozen, "; "-joined), both_sides (an active tie on each side, and not a pole). Rows sorted by name.
    """
    orgs = list(orgs)
    st = status.reindex(columns=orgs, fill_value="").fillna("").loc[universe(status)]
    rows = []
    for iso3, row in st.iterrows():
        grades = {o: tie_grade(o, row[o]) for o in orgs}
        west = _strongest(grades[o] for o in orgs if o in WESTERN)
        east = _strongest(grades[o] for o in orgs if o in EURASIAN)
        rows.append({"iso3": iso3, "name": names.get(iso3, iso3), "pole": iso3 in POLES, **grades,
                     "western": west, "eurasian": east,
                     "inactive": "; ".join(org_word(o) for o in orgs if row[o] in INACTIVE),
                     "both_sides": bool(west and east) and iso3 not in POLES})
    out = pd.DataFrame(rows, columns=["iso3", "name", "pole", *orgs, "western", "eurasian", "inactive", "both_sides"])
    return out.sort_values("name", kind="mergesort").reset_index(drop=True)


def tie_summary(matrix: pd.DataFrame) -> dict[str, int]:
    """The counts the notebook states: states in the universe, poles, states in between, those of them on both
    sides, and inactive ties (held but suspended or frozen)."""
    between = matrix[~matrix["pole"]]
    return {"universe": int(len(matrix)), "poles": int(matrix["pole"].sum()), "between": int(len(between)),
            "both_sides": int(between["both_sides"].sum()),
            "inactive_ties": int(sum(len([x for x in s.split("; ") if x]) for s in matrix["inactive"]))}


def grade_view(matrix: pd.DataFrame, rows: pd.Series | None = None) -> pd.DataFrame:
    """Reader columns of :func:`tie_matrix` (organisation names as headers, empty cells for no tie), for the rows
    selected by the boolean ``rows`` (default all)."""
    sub = matrix if rows is None else matrix[rows]
    orgs = [o for o in ORGS if o in sub.columns]
    out = sub[["name", *orgs, "inactive"]].rename(columns={**{o: org_word(o) for o in orgs}, "name": "state",
                                                           "inactive": "suspended ties"})
    return out.reset_index(drop=True)


def inactive_ties(memberships: pd.DataFrame, as_of, names: Mapping[str, str],
                  orgs: Iterable[str] = ORGS) -> pd.DataFrame:
    """Ties held but inactive on ``as_of`` (status suspended or frozen), with the day the status began and the
    organisation's readable name: state, structure, status, since."""
    when = as_timestamp(as_of)
    m = memberships[memberships["org_id"].isin(list(orgs)) & memberships["status"].isin(INACTIVE)]
    m = m[(m["start"] <= when) & (m["end"].isna() | (m["end"] > when))]
    out = pd.DataFrame({"state": [names.get(i, i) for i in m["iso3"]],
                        "structure": [org_word(o) for o in m["org_id"]],
                        "status": m["status"].map(status_word).to_numpy(),
                        "since": pd.to_datetime(m["start"]).dt.date.astype(str).to_numpy()})
    return out.sort_values(["state", "structure"], kind="mergesort").reset_index(drop=True)


def structure_flags(matrix: pd.DataFrame) -> pd.DataFrame:
    """Boolean flags per state in between (poles left out) for the UpSet chart: iso3, name and one column per
    ``STRUCTURES`` entry (active ties only)."""
    sub = matrix[~matrix["pole"]]
    col = lambda o: sub[o] if o in sub.columns else pd.Series("", index=sub.index)  # noqa: E731
    out = pd.DataFrame({"iso3": sub["iso3"], "name": sub["name"]})
    out["NATO"] = col("NATO") != ""
    out["NATO partnership"] = pd.concat([col(o) != "" for o in ("PFP", "MD", "ICI", "PAG")], axis=1).any(axis=1)
    out["OSCE"] = col("OSCE") != ""
    out["CSTO"] = col("CSTO") != ""
    out["SCO"] = col("SCO") == "membership"
    out["SCO dialogue status"] = col("SCO") == "dialogue status"
    return out.reset_index(drop=True)


def combination_counts(flags: pd.DataFrame, structures: Iterable[str] = STRUCTURES) -> pd.DataFrame:
    """UpSet data: each distinct combination of structures, how many states have exactly it, and which.

    Columns: combination (e.g. ``"NATO + OSCE"``, or ``"none"``), states (count), members (ISO3 codes), then one
    bool column per structure. Sorted by count, largest first, then by name.
    """
    structures = list(structures)
    key = flags[structures].apply(lambda r: " + ".join(s for s in structures if r[s]) or "none", axis=1)
    grouped = flags.assign(combination=key).groupby("combination", sort=False)
    rows = []
    for combo, g in grouped:
        row = {"combination": combo, "states": int(len(g)), "members": ", ".join(sorted(g["iso3"]))}
        row.update({s: bool(g[s].iloc[0]) for s in structures})
        rows.append(row)
    out = pd.DataFrame(rows, columns=["combination", "states", "members", *structures])
    return out.sort_values(["states", "combination"], ascending=[False, True], kind="mergesort").reset_index(drop=True)


def org_circle(status: pd.DataFrame, org: str, names: Mapping[str, str]) -> pd.DataFrame:
    """The states holding any status in ``org`` (from ``membership.status_matrix``): status (in words), state,
    sorted by status then name."""
    col = status[org] if org in status.columns else pd.Series(dtype=str)
    held = col[col.fillna("") != ""]
    out = pd.DataFrame({"status": held.map(status_word).to_numpy(),
                        "state": [names.get(i, i) for i in held.index]})
    return out.sort_values(["status", "state"], kind="mergesort").reset_index(drop=True)


def org_timeline(memberships: pd.DataFrame, orgs: Iterable[str], until) -> pd.DataFrame:
    """Spells of the given orgs for a timeline, to the date ``until``.

    Columns: iso3, org_id, status, ``role`` (the status in words, prefixed by the organisation's name when several
    orgs are shown, e.g. ``"Shanghai Five member"``), start, end, ``ongoing`` (still running on ``until``). Spells
    are half-open, so a spell running on ``until`` is drawn to ``until`` + 1 day and a spell that begins on
    ``until`` itself stays visible. Spells starting after ``until`` are dropped.
    """
    cut = as_timestamp(until, "until")
    orgs = list(orgs)
    sub = memberships[memberships["org_id"].isin(orgs)].copy()
    sub["start"] = pd.to_datetime(sub["start"])
    sub["end"] = pd.to_datetime(sub["end"])
    sub = sub[sub["start"] <= cut]
    ongoing = sub["end"].isna() | (sub["end"] > cut)
    sub = sub.assign(end=sub["end"].where(~ongoing, cut + pd.Timedelta(days=1)), ongoing=ongoing.to_numpy())
    words = sub["status"].map(status_word)
    sub["role"] = words if len(orgs) == 1 else sub["org_id"].map(org_word) + " " + words
    sub = sub.sort_values(["start", "iso3", "org_id"], kind="mergesort")
    cols = ["iso3", "org_id", "status", "role", "start", "end", "ongoing", "source_id"]
    return sub[[c for c in cols if c in sub.columns]].reset_index(drop=True)


def state_spells(memberships: pd.DataFrame, iso3: str, until) -> pd.DataFrame:
    """All spells of one state in any organisation, for a Gantt chart (same columns as ``org_timeline``; the
    ``role`` is the status in words, since each organisation has its own row)."""
    sub = memberships[memberships["iso3"] == iso3]
    out = org_timeline(sub, sorted(sub["org_id"].unique()), until)
    return out.assign(role=out["status"].map(status_word))


def spell_sources(memberships: pd.DataFrame, orgs: Iterable[str], as_of=None, statuses=None) -> list[str]:
    """The records of the spells of ``orgs`` (of ``statuses`` when given) running on ``as_of`` (every spell when
    ``as_of`` is None): what a figure of those ties on that date cites."""
    rows = memberships[memberships["org_id"].isin(list(orgs))]
    rows = rows if statuses is None else rows[rows["status"].isin(list(statuses))]
    if as_of is not None:
        when, start, end = as_timestamp(as_of), pd.to_datetime(rows["start"]), pd.to_datetime(rows["end"])
        rows = rows[(start <= when) & (end.isna() | (end > when))]
    return sorted(set(rows["source_id"].dropna()))


def map_sources(memberships: pd.DataFrame, orgs: Iterable[str], as_of=None) -> list[str]:
    """What a membership map cites: the records of the formal spells of ``orgs`` (running on ``as_of`` when
    given, else every one the explorer's years can show), then the boundary file."""
    from helpers.tables import geo

    return spell_sources(memberships, orgs, as_of, membership.FORMAL) + list(geo.SOURCES)


def tie_sources(memberships: pd.DataFrame, as_of, titles: Mapping[str, str],
                orgs: Iterable[str] = ORGS) -> pd.DataFrame:
    """Where each cell of :func:`tie_matrix` comes from: iso3, org_id and ``source``, the title of the record of
    the spell running on ``as_of`` (its id when the bibliography has no title for it); the later spell wins, as in
    :func:`helpers.membership.status_matrix`."""
    when = as_timestamp(as_of)
    rows = memberships[memberships["org_id"].isin(list(orgs))]
    start, end = pd.to_datetime(rows["start"]), pd.to_datetime(rows["end"])
    rows = rows[(start <= when) & (end.isna() | (end > when))]
    out = rows.assign(source=[titles.get(s, s) if isinstance(s, str) else "" for s in rows["source_id"]])
    return out[["iso3", "org_id", "source"]].drop_duplicates(["iso3", "org_id"], keep="last").reset_index(drop=True)
