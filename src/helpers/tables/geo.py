"""Notebooks 02, 03 and 08: memberships on the map (which state each boundary feature stands for on a date, and
its status there).

The boundaries are Natural Earth's 1:110m admin-0 countries as TopoJSON (``data/geo/countries-110m.json``, from the
world-atlas package); each feature is keyed by its ISO 3166-1 numeric code, which is joined to the ISO alpha-3
codes of the data. Three features have no code and are listed in ``data/geo/features.csv`` with how they are
drawn (Kosovo, Northern Cyprus, Somaliland).

States that no longer exist are drawn through their successors' territory (``state_lineage.csv``): on a date before
a successor existed, its feature stands for the predecessor (Estonia's feature stands for the USSR in 1980). A
state absorbed by one that already existed (the GDR into the Federal Republic) is drawn on the absorber's feature
next to it, so Germany's feature stands for West Germany and the GDR before 3 October 1990.

The data comes in as arguments: the memberships, and an :class:`Atlas` of what a map needs besides them
(``load.state_lineage()``, ``load.states()``, ``load.organisations()`` and the boundaries, ``load.boundaries()``
with ``load.geo_features()``), built once in the notebook. Nothing here reads a file.

Public API: ``Atlas``, ``holders(as_of, atlas)``,
``feature_status(memberships, org, as_of, atlas=...)``, ``overlap_status(memberships, as_of, orgs, atlas=...)``,
``yearly_spells(memberships, org, as_of, first, last, atlas=...)``, ``member_spells(...)``,
``snapshot_dates(as_of, first, last)``, ``SOURCES``; the boundary file itself is :mod:`helpers.tables.geo_shapes`'s.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from helpers import membership, wording
from helpers.tables import geo_memo
from helpers.tables.geo_shape_words import member_name, shape_label, unheld_label
from helpers.tables.geo_shapes import Boundaries

#: What a map drawn from these boundaries cites.
SOURCES: tuple[str, ...] = ("naturalearth-110m-admin-0-countries", "github-topojson-world-atlas")


#: Short names for states that no longer exist, as a map's tooltip shows them.
HISTORIC_NAMES = {"SUN": "USSR", "YUG": "Yugoslavia", "CSK": "Czechoslovakia", "DDR": "GDR",
                  "SCG": "Serbia and Montenegro"}


OVERLAP_ORGS: tuple[str, ...] = ("NATO", "CSTO", "SCO", "OSCE")


NONE_CATEGORY = "none of them"


@dataclass(frozen=True, eq=False)
class Atlas:
    """What a map needs besides the memberships: ``lineage`` (``state_lineage``: who succeeded whom), ``states``
    (their names), ``organisations`` (founding dates, for a time slider's first year) and ``boundaries`` (the
    boundary file and its features without a code, :class:`helpers.tables.geo_shapes.Boundaries`)."""

    lineage: pd.DataFrame
    states: pd.DataFrame
    organisations: pd.DataFrame | None = None
    boundaries: Boundaries = field(kw_only=True)

    def names(self) -> dict[str, str]:
        """State code → the name a tooltip shows: the data's name, Natural Earth's for a code the data lacks, a
        short name for a state that no longer exists. A feature drawn apart (``features.csv``: Somaliland, with the
        code of the state it is drawn with) names no state: its code is its state's, not its own."""
        feats = self.boundaries.features()
        apart = set(self.boundaries.special_features()["name"])
        names = {iso: name for iso, name in zip(feats["iso3"], feats["name"]) if iso and name not in apart}
        names.update(zip(self.states["iso3"], self.states["name"]))
        names.update(HISTORIC_NAMES)
        return names


def _lineage_index(lineage: pd.DataFrame) -> dict[str, list[tuple]]:
    """iso3 → [(date, relation, predecessor)] sorted by date."""
    out: dict[str, list[tuple]] = {}
    for iso, pred, rel, date in sorted(zip(lineage["iso3"], lineage["predecessor_iso3"], lineage["relation"],
                                           lineage["date"]), key=lambda r: (r[0], r[3])):
        out.setdefault(iso, []).append((date, rel, pred))
    return out


def _resolve(code: str, when: pd.Timestamp, index: dict, how: str = "self") -> list[tuple[str, str]]:
    """[(holder, how)] for the territory of state ``code`` on ``when`` (predecessors replace, absorbed join)."""
    rows = index.get(code, [])
    replaced = [pred for date, rel, pred in rows if rel != "absorbed" and when < date]
    if replaced:
        return _resolve(replaced[0], when, index, "predecessor")
    out = [(code, how)]
    for date, rel, pred in rows:
        if rel == "absorbed" and when < date:
            out += [(h, "absorbed") for h, _ in _resolve(pred, when, index)]
    return out


def holders(as_of, atlas: Atlas) -> pd.DataFrame:
    """Which states each feature stands for on ``as_of``: columns ``feature``, ``name``, ``iso3``, ``holder``
    (a state code of the data), ``how`` (``self``, ``predecessor``, ``absorbed`` or ``special``). A feature
    standing for no state (Northern Cyprus) has no row."""
    when = membership.as_timestamp(as_of)
    index = _lineage_index(atlas.lineage)
    special = atlas.boundaries.special_features().set_index("name")
    rows = []
    for f in atlas.boundaries.features().itertuples(index=False):
        code, how = f.iso3, "self"
        if f.name in special.index:
            s = special.loc[f.name]
            if s["drawn_as"] and (pd.isna(s["until"]) or when < s["until"]):
                code, how = s["drawn_as"], "special"
        if not code:
            continue
        for holder, h in _resolve(code, when, index, how):
            rows.append({"feature": f.feature, "name": f.name, "iso3": f.iso3, "holder": holder, "how": h})
    return pd.DataFrame(rows, columns=["feature", "name", "iso3", "holder", "how"])


def _unheld(boundaries: Boundaries, held: pd.DataFrame) -> pd.DataFrame:
    feats, special = boundaries.features(), boundaries.special_features().set_index("name")
    rest = feats[~feats["feature"].isin(held["feature"])].copy()
    rest["label"] = [unheld_label(n, n in special.index) for n in rest["name"]]
    return rest


def _statuses_on(memberships: pd.DataFrame, orgs, when, statuses) -> pd.DataFrame:
    m = memberships
    live = m[m["org_id"].isin(list(orgs)) & m["status"].isin(list(statuses)) & (m["start"] <= when)
             & (m["end"].isna() | (when < m["end"]))]
    return live[["org_id", "iso3", "status"]]


def feature_status(memberships: pd.DataFrame, org: str, as_of, statuses=membership.FORMAL, *,
                   atlas: Atlas, names: dict[str, str] | None = None) -> pd.DataFrame:
    """Every feature's standing in ``org`` on ``as_of``: columns ``feature``, ``name``, ``label`` (who the
    feature stands for, in words), ``member`` (bool: one of its states has a status in ``statuses``),
    ``members`` (those states' codes, comma separated), ``status`` (in words; ``"not a member"``), ``part`` (bool:
    a member feature that also stands for a state outside ``org``, Germany's before 3 October 1990)."""
    when = membership.as_timestamp(as_of)
    held = holders(when, atlas)
    live = _statuses_on(memberships, [org], when, statuses).set_index("iso3")["status"]
    names = atlas.names() if names is None else names
    special = atlas.boundaries.special_features().set_index("name")
    rows = []
    for key, grp in held.groupby("feature", sort=False):
        inside = [h for h in grp["holder"] if h in live.index]
        words = sorted({wording.label(live[h], "status", "memberships", lang="en") for h in inside})
        shown = grp[grp["holder"].isin(inside)] if inside else grp
        rows.append({"feature": key, "name": grp["name"].iloc[0], "label": shape_label(shown, names, special, grp),
                     "member": bool(inside), "members": ", ".join(inside),
                     "status": " and ".join(words) if words else "not a member",
                     "part": bool(inside) and len(inside) < grp["holder"].nunique()})
    rest = _unheld(atlas.boundaries, held)
    rest = rest.assign(member=False, members="", status="no membership data", part=False)[
        ["feature", "name", "label", "member", "members", "status", "part"]]
    return pd.concat([pd.DataFrame(rows), rest], ignore_index=True)


def overlap_category(orgs_in: list[str]) -> str:
    """The overlap category of a feature from the organisations it belongs to, in ``OVERLAP_ORGS`` order:
    ``"NATO + OSCE"``, ``"SCO only"``, ``"none of them"``."""
    if not orgs_in:
        return NONE_CATEGORY
    return f"{orgs_in[0]} only" if len(orgs_in) == 1 else " + ".join(orgs_in)


def overlap_status(memberships: pd.DataFrame, as_of, orgs=OVERLAP_ORGS, statuses=membership.FORMAL, *,
                   atlas: Atlas) -> pd.DataFrame:
    """Every feature's memberships among ``orgs`` on ``as_of``: columns ``feature``, ``name``, ``label``,
    ``orgs`` (the organisations, ``" + "`` separated, in the order of ``orgs``), ``category``."""
    orgs = list(orgs)
    when = membership.as_timestamp(as_of)
    held = holders(when, atlas)
    live = _statuses_on(memberships, orgs, when, statuses)
    by_state = live.groupby("iso3")["org_id"].agg(set).to_dict()
    names = atlas.names()
    special = atlas.boundaries.special_features().set_index("name")
    rows = []
    for key, grp in held.groupby("feature", sort=False):
        found = set().union(*(by_state.get(h, set()) for h in grp["holder"]))
        inside = [o for o in orgs if o in found]
        rows.append({"feature": key, "name": grp["name"].iloc[0], "label": shape_label(grp, names, special),
                     "orgs": " + ".join(inside), "category": overlap_category(inside)})
    rest = _unheld(atlas.boundaries, held).assign(orgs="", category=NONE_CATEGORY)
    return pd.concat([pd.DataFrame(rows), rest[["feature", "name", "label", "orgs", "category"]]],
                     ignore_index=True)


def category_counts(overlaps: pd.DataFrame, memberships: pd.DataFrame, as_of, orgs=OVERLAP_ORGS,
                    statuses=membership.FORMAL) -> pd.DataFrame:
    """How many states (of the data, drawn or not) fall in each overlap category on ``as_of``: columns
    ``category`` and ``states``, largest first; a check on the map, which cannot show the smallest states."""
    when = membership.as_timestamp(as_of)
    live = _statuses_on(memberships, list(orgs), when, statuses)
    per_state = live.groupby("iso3")["org_id"].agg(set)
    cats = [overlap_category([o for o in orgs if o in s]) for s in per_state]
    out = pd.Series(cats, dtype="str").value_counts().rename_axis("category").reset_index(name="states")
    return out.sort_values(["states", "category"], ascending=[False, True], ignore_index=True)


def snapshot_dates(as_of, first: int, last: int) -> pd.DataFrame:
    """The date each year of a time slider stands for: 31 December, except the report's own year, which stands
    for the report's date (so the slider starts exactly where the report is). Columns ``year``, ``date``."""
    when = membership.as_timestamp(as_of)
    if not first <= when.year <= last:
        raise ValueError(f"as_of={when.date()} lies outside the years {first}-{last} of the slider")
    dates = [when if y == when.year else pd.Timestamp(y, 12, 31) for y in range(first, last + 1)]
    return pd.DataFrame({"year": range(first, last + 1), "date": pd.Series(dates, dtype="datetime64[ns]")})


def _spells(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Consecutive years with the same values of ``keys`` → rows ``keys + [from, to]`` (``to`` exclusive)."""
    out = []
    for values, grp in frame.groupby(keys, sort=False):
        years = sorted(grp["year"])
        start = years[0]
        for prev, year in zip(years, years[1:] + [None]):
            if year is None or year != prev + 1:
                out.append(dict(zip(keys, values), **{"from": start, "to": prev + 1}))
                start = year
    return pd.DataFrame(out, columns=keys + ["from", "to"])


def yearly_spells(memberships: pd.DataFrame, org: str, as_of, first: int, last: int,
                  statuses=membership.FORMAL, *, atlas: Atlas) -> pd.DataFrame:
    """The features shaded for ``org`` at each slider year (see ``snapshot_dates``), as spells: columns
    ``feature``, ``label``, ``status``, ``part`` (see ``feature_status``), ``from``, ``to`` (years; ``to``
    exclusive)."""
    names = atlas.names()
    keep = geo_memo.keeper({"org": org, "statuses": sorted(statuses), "memberships":
                            geo_memo.frame_digest(memberships), "lineage": geo_memo.frame_digest(atlas.lineage),
                            "states": geo_memo.frame_digest(atlas.states),
                            "boundaries": atlas.boundaries.digest}, [])
    rows = []
    for year, date in snapshot_dates(as_of, first, last).itertuples(index=False):
        st = keep(f"feature_status {date.isoformat()}",
                  lambda date=date: feature_status(memberships, org, date, statuses, atlas=atlas, names=names))
        st = st[st["member"]]
        rows += [{"feature": f, "label": lab, "status": s, "part": bool(pt), "year": year}
                 for f, lab, s, pt in zip(st["feature"], st["label"], st["status"], st["part"])]
    frame = pd.DataFrame(rows, columns=["feature", "label", "status", "part", "year"])
    return _spells(frame, ["feature", "label", "status", "part"]).sort_values(["from", "feature"], ignore_index=True)


def member_spells(memberships: pd.DataFrame, org: str, as_of, first: int, last: int,
                  statuses=membership.FORMAL, *, atlas: Atlas) -> pd.DataFrame:
    """Every state of ``org`` at each slider year, drawn or not, as spells: columns ``iso3``, ``name``,
    ``from``, ``to`` (years; ``to`` exclusive). The rows in force in a year are its member list and count."""
    names = atlas.names()
    rows = []
    for year, date in snapshot_dates(as_of, first, last).itertuples(index=False):
        for iso in membership.members_as_of(memberships, org, date, statuses)["iso3"].unique():
            rows.append({"iso3": iso, "name": member_name(iso, date, atlas.lineage, names), "year": year})
    frame = pd.DataFrame(rows, columns=["iso3", "name", "year"])
    return _spells(frame, ["iso3", "name"]).sort_values(["name", "from"], ignore_index=True)


def last_data_year(memberships: pd.DataFrame) -> int:
    """The last year the membership data speaks of (its latest start or end date)."""
    dates = pd.concat([memberships["start"], memberships["end"]]).dropna()
    return int(dates.max().year)


def undrawn_members(memberships: pd.DataFrame, org: str, as_of, statuses=membership.FORMAL, *,
                    atlas: Atlas) -> list[str]:
    """Names of ``org``'s states on ``as_of`` that no shape of the boundary file stands for (too small for it)."""
    members = set(membership.members_as_of(memberships, org, as_of, statuses)["iso3"])
    missing = sorted(members - set(holders(as_of, atlas)["holder"]))
    names = atlas.names()
    return sorted(names.get(code, code) for code in missing)
