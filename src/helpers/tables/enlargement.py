"""Tables for notebook 02: NATO's growth, its members on a date and where each came from (P4); the other defence
pacts it is compared with are :mod:`helpers.tables.pact_cases`'s.

Plain DataFrames in, plain DataFrames out; nothing here reads files or displays. Memberships follow the data
contract: spells are half-open (``start <= d < end``, empty ``end`` = still running).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from helpers import membership
from helpers.membership import as_timestamp

BACKGROUNDS = (
    "founding member",
    "Cold-War accession",
    "former Warsaw Pact",
    "former USSR",
    "former Yugoslavia",
    "formerly non-aligned",
    "later accession, background not in data",
)


"""Backgrounds of NATO members, in the order they are tested and shown."""


def _ancestors(iso: str, predecessors: Mapping[str, str]) -> list[str]:
    """The chain of historic states ``iso`` followed, nearest first (stops at a cycle)."""
    out: list[str] = []
    cur = predecessors.get(iso)
    while cur is not None and cur not in out and cur != iso:
        out.append(cur)
        cur = predecessors.get(cur)
    return out


def accession_backgrounds(memberships: pd.DataFrame, organisations: pd.DataFrame, *,
                          org: str = "NATO", bloc: str = "WARSAW",
                          predecessors: Mapping[str, str] | None = None,
                          neutrals: Iterable[str] = ()) -> pd.DataFrame:
    """Each state's first entry into ``org`` and its background, derived from the data, first rule that matches:

    1. ``founding member`` — joined on the earliest date any state joined, or no later than the day ``org``'s
       founding document took effect (``organisations.in_force``), whichever is later;
    2. ``Cold-War accession`` — joined before ``bloc`` (the Warsaw Pact) was dissolved (date from
       ``organisations``);
    3. ``former Warsaw Pact`` — the state, or a historic state it followed other than the USSR, held a ``bloc``
       membership spell;
    4. ``former USSR`` / ``former Yugoslavia`` — a historic state it followed is ``SUN`` / ``YUG``;
    5. ``formerly non-aligned`` — listed in ``neutrals`` (e.g. from :func:`non_aligned_before`);
    6. ``later accession, background not in data``.

    ``predecessors`` maps a state to the historic state it followed (iso3 → iso3, from :func:`predecessor_map`);
    chains are followed (``{"MNE": "SCG", "SCG": "YUG"}`` makes Montenegro ``former Yugoslavia``). Both it and
    ``neutrals`` come from sourced tables; left out, the affected states fall to a later rule (never guessed).
    Columns: ``iso3``, ``joined``, ``background``; sorted by ``joined`` then ``iso3``."""
    predecessors = dict(predecessors or {})
    neutrals = set(neutrals)
    spells = memberships[(memberships["org_id"] == org) & memberships["status"].isin(membership.FORMAL)]
    if spells.empty:
        raise ValueError(f"org={org!r} has no membership spells; check data/memberships.csv")
    first = spells.groupby("iso3", as_index=False)["start"].min().rename(columns={"start": "joined"})
    founding_day = first["joined"].min()
    this = organisations.loc[organisations["org_id"] == org]
    if "in_force" in this and len(this) and pd.notna(this["in_force"].iloc[0]):
        founding_day = max(founding_day, this["in_force"].iloc[0])
    row = organisations.loc[organisations["org_id"] == bloc, "dissolved"]
    bloc_end = row.iloc[0] if len(row) else pd.NaT
    bloc_states = set(memberships.loc[(memberships["org_id"] == bloc)
                                      & memberships["status"].isin(membership.FORMAL), "iso3"])
    first["background"] = [
        _background(r.iso3, r.joined, founding_day, bloc_end, bloc_states, _ancestors(r.iso3, predecessors), neutrals)
        for r in first.itertuples(index=False)]
    return first.sort_values(["joined", "iso3"]).reset_index(drop=True)


def _background(iso3: str, joined: pd.Timestamp, founding_day: pd.Timestamp, bloc_end, bloc_states: set[str],
                preds: list[str], neutrals: set[str]) -> str:
    """The first rule of :func:`accession_backgrounds` that one state's entry matches."""
    if joined <= founding_day:
        return "founding member"
    if pd.notna(bloc_end) and joined < bloc_end:
        return "Cold-War accession"
    if iso3 in bloc_states or any(p in bloc_states and p != "SUN" for p in preds):
        return "former Warsaw Pact"
    if "SUN" in preds:
        return "former USSR"
    if "YUG" in preds:
        return "former Yugoslavia"
    if iso3 in neutrals:
        return "formerly non-aligned"
    return BACKGROUNDS[-1]


#: Lineage relations under which a state counts as having come out of its predecessor (``absorbed`` is left out:
#: Germany absorbing the GDR did not make Germany a former GDR state).
FOLLOWS = ("successor", "continuator", "restored", "renamed")


def predecessor_map(state_lineage: pd.DataFrame, *, relations: Iterable[str] = FOLLOWS) -> dict[str, str]:
    """The historic state each state followed, as ``{iso3: predecessor_iso3}``, from ``state_lineage.csv`` rows
    whose ``relation`` is one of ``relations`` (default :data:`FOLLOWS`).

    Feed it to :func:`accession_backgrounds` (``predecessors=``), which follows chains such as MNE → SCG → YUG.
    Raises ``ValueError`` naming the state when it has more than one predecessor under those relations, and when
    ``relations`` names a relation the table does not use.
    """
    wanted = list(relations)
    allowed = ("successor", "continuator", "restored", "absorbed", "renamed")
    bad = [r for r in wanted if r not in allowed]
    if bad:
        raise ValueError(f"relations={wanted!r}: {', '.join(map(repr, bad))} is not a lineage relation; "
                         f"allowed: {', '.join(allowed)}")
    rows = state_lineage[state_lineage["relation"].isin(wanted)]
    twice = rows["iso3"][rows["iso3"].duplicated()].unique().tolist()
    if twice:
        raise ValueError(f"state_lineage: {', '.join(sorted(twice))} has more than one predecessor under relations "
                         f"{', '.join(wanted)}; a state maps to one predecessor")
    return dict(sorted(zip(rows["iso3"], rows["predecessor_iso3"])))


def non_aligned_before(state_policies: pd.DataFrame, memberships: pd.DataFrame, *, org: str = "NATO") -> list[str]:
    """States whose neutrality or military non-alignment (``state_policies.csv``) ended on or before the day they
    first joined ``org`` (formal membership), sorted. A policy still holding, or one that ended after the state
    joined, does not count. Feed it to :func:`accession_backgrounds` (``neutrals=``)."""
    spells = memberships[(memberships["org_id"] == org) & memberships["status"].isin(membership.FORMAL)]
    joined = spells.groupby("iso3")["start"].min()
    ended = state_policies.dropna(subset=["ended"])
    keep = [iso for iso, end in zip(ended["iso3"], ended["ended"]) if iso in joined.index and end <= joined[iso]]
    return sorted(set(keep))


def members_on(memberships: pd.DataFrame, states: pd.DataFrame, org: str, as_of,
               backgrounds: pd.DataFrame | None = None) -> pd.DataFrame:
    """The members of ``org`` on ``as_of`` (formal membership), with name, status and first entry date.

    Columns: ``iso3``, ``name``, ``status``, ``since`` (start of the current spell), ``joined`` (first entry),
    and ``background`` when ``backgrounds`` (from :func:`accession_backgrounds`) is given; sorted by ``joined``
    then name. Empty (same columns) when ``org`` had no members that day.
    """
    day = as_timestamp(as_of, "as_of")
    cur = membership.members_as_of(memberships, org, day.date())
    spells = memberships[(memberships["org_id"] == org) & memberships["status"].isin(membership.FORMAL)]
    joined = spells.groupby("iso3")["start"].min()
    out = pd.DataFrame({"iso3": cur["iso3"].to_numpy(), "status": cur["status"].to_numpy(),
                        "since": cur["start"].to_numpy()})
    out["name"] = out["iso3"].map(states.set_index("iso3")["name"]).fillna(out["iso3"])
    out["joined"] = out["iso3"].map(joined)
    cols = ["iso3", "name", "status", "since", "joined"]
    if backgrounds is not None:
        out["background"] = out["iso3"].map(backgrounds.set_index("iso3")["background"]).fillna(BACKGROUNDS[-1])
        cols.append("background")
    out["since"] = pd.to_datetime(out["since"])
    out["joined"] = pd.to_datetime(out["joined"])
    return out.sort_values(["joined", "name"])[cols].reset_index(drop=True)


def growth_summary(steps: pd.DataFrame) -> dict[str, int]:
    """First and last member count of one organisation's step series (from ``membership_steps``) and the number of
    rounds of accession: distinct dates on which the count rose after the first. Raises ``ValueError`` when the
    series is empty (the organisation had no members yet)."""
    if steps.empty:
        raise ValueError("no members yet on the chosen date; choose a later date")
    counts = steps["members"].astype(int).reset_index(drop=True)
    rose = counts.diff().iloc[1:] > 0
    rounds = steps["date"].reset_index(drop=True).iloc[1:][rose].nunique()
    return {"first": int(counts.iloc[0]), "last": int(counts.iloc[-1]), "rounds": int(rounds)}


def background_counts(members: pd.DataFrame) -> dict[str, int]:
    """How many members (from ``members_on`` with backgrounds) came from the Warsaw Pact, from the USSR or
    Yugoslavia, and how many have no background in the data."""
    bg = members["background"]
    return {"former_warsaw_pact": int((bg == "former Warsaw Pact").sum()),
            "former_union": int(bg.isin(["former USSR", "former Yugoslavia"]).sum()),
            "not_in_data": int((bg == BACKGROUNDS[-1]).sum())}


def nato_members(memberships: pd.DataFrame, organisations: pd.DataFrame, states: pd.DataFrame,
                 state_lineage: pd.DataFrame, state_policies: pd.DataFrame, as_of) -> pd.DataFrame:
    """NATO's members on ``as_of`` with their background (:func:`members_on` with :func:`accession_backgrounds`)
    and the sources behind each row: ``source_id`` (the state's NATO spells) and ``background_source_id`` (the
    Warsaw Pact row for founding-era and former Warsaw Pact members, the lineage and policy rows of the state;
    ';'-joined, empty when nothing places it)."""
    neutrals = non_aligned_before(state_policies, memberships, org="NATO")
    preds = predecessor_map(state_lineage)
    found = accession_backgrounds(memberships, organisations, predecessors=preds, neutrals=neutrals)
    members = members_on(memberships, states, "NATO", as_of, backgrounds=found)
    nato = memberships[memberships["org_id"] == "NATO"]
    members["source_id"] = members["iso3"].map(nato.groupby("iso3")["source_id"].agg(_joined)).fillna("")
    lineage = state_lineage.groupby("iso3")["source_id"].agg(_joined)
    policy = state_policies[state_policies["iso3"].isin(neutrals)].groupby("iso3")["source_id"].agg(_joined)
    warsaw = organisations.set_index("org_id")["source_id"].get("WARSAW", "")
    uses_warsaw = members["background"].isin(["Cold-War accession", "former Warsaw Pact"])
    chains = [[lineage.get(i, "") for i in [iso, *_ancestors(iso, preds)]] for iso in members["iso3"]]
    parts = zip(uses_warsaw.map({True: warsaw, False: ""}), map(_joined, chains),
                members["iso3"].map(policy).fillna(""))
    members["background_source_id"] = [_joined(p) for p in parts]
    return members


def _joined(values) -> str:
    return ";".join(sorted({p for v in values for p in str(v).split(";") if p and p != "nan"}))
