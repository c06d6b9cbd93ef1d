"""Who belonged to what, when: membership logic on the spells of ``memberships.csv``.

Spells are half-open: a state is in a status on date ``d`` when ``start <= d < end`` (``end`` is NaT while the
spell runs). *Formal* membership counts members, OSCE participating states and suspended or frozen members;
*active* membership only members and participating states.

Every function takes the memberships frame as ``load.memberships()`` returns it (columns ``org_id``, ``iso3``,
``status``, ``start``, ``end`` at least) and returns a new frame; the input is never changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

FORMAL: tuple[str, ...] = ("member", "participating_state", "suspended", "frozen")
ACTIVE: tuple[str, ...] = ("member", "participating_state")

#: Every status memberships.csv may hold (data/README.md).
STATUSES: tuple[str, ...] = ("member", "participating_state", "observer", "dialogue_partner", "partner",
                             "suspended", "frozen")

_COLUMNS = ("org_id", "iso3", "status", "start", "end")


def _check_frame(memberships: pd.DataFrame) -> None:
    if not isinstance(memberships, pd.DataFrame):
        raise TypeError(f"memberships must be a DataFrame (as load.memberships() returns), got "
                        f"{type(memberships).__name__}")
    missing = [c for c in _COLUMNS if c not in memberships.columns]
    if missing:
        raise ValueError(f"memberships frame lacks column(s) {', '.join(missing)}; "
                         f"it needs {', '.join(_COLUMNS)} (as load.memberships() returns)")


def as_timestamp(value: object, name: str = "as_of") -> pd.Timestamp:
    """One date as a midnight, timezone-free Timestamp, or a ValueError naming the input and what is allowed.

    Accepts a ``datetime.date``, a pandas Timestamp, a numpy datetime64 or an ISO string ``YYYY-MM-DD``; refuses
    numbers (pandas would read them as nanoseconds since 1970), empty values and text that is not a date.
    """
    if value is not None and not isinstance(value, (bool, int, float)):
        try:
            ts = pd.Timestamp(value)
        except (ValueError, TypeError):
            ts = pd.NaT
        if not pd.isna(ts):
            return ts.normalize().tz_localize(None) if ts.tzinfo else ts.normalize()
    raise ValueError(f"{name}={value!r} is not a date; give a datetime.date, a pandas Timestamp or an ISO "
                     f"string YYYY-MM-DD")


def _check_statuses(statuses: Iterable[str]) -> tuple[str, ...]:
    if isinstance(statuses, str):
        statuses = (statuses,)
    statuses = tuple(statuses)
    unknown = [s for s in statuses if s not in STATUSES]
    if unknown:
        raise ValueError(f"unknown status(es) {', '.join(map(repr, unknown))}; allowed: {', '.join(STATUSES)} "
                         f"(or the tuples membership.FORMAL / membership.ACTIVE)")
    return statuses


def _in_force(memberships: pd.DataFrame, when: pd.Timestamp) -> pd.Series:
    return (memberships["start"] <= when) & (memberships["end"].isna() | (when < memberships["end"]))


def members_as_of(memberships: pd.DataFrame, org: str, as_of, statuses: Sequence[str] = FORMAL) -> pd.DataFrame:
    """The spells of ``org`` in force on ``as_of`` with a status in ``statuses``: one row per state, sorted by
    iso3, with the columns of the input and a fresh index."""
    _check_frame(memberships)
    when = as_timestamp(as_of)
    statuses = _check_statuses(statuses)
    m = memberships
    rows = m[(m["org_id"] == org) & m["status"].isin(statuses) & _in_force(m, when)]
    return rows.sort_values(["iso3", "start"], kind="stable").reset_index(drop=True)


def count_as_of(memberships: pd.DataFrame, org: str, as_of, statuses: Sequence[str] = FORMAL) -> int:
    """Number of states of ``org`` with a status in ``statuses`` on ``as_of``."""
    return int(members_as_of(memberships, org, as_of, statuses)["iso3"].nunique())


def counts_over_time(memberships: pd.DataFrame, org: str, statuses: Sequence[str] = FORMAL) -> pd.DataFrame:
    """How many states ``org`` had with a status in ``statuses``, as a step series: columns ``date``
    (datetime64[ns]) and ``members`` (int64), one row per date on which the count changes, the first row being
    the first spell's start. A state moving between two counted statuses on one day is no change. Empty frame
    when ``org`` has no such spells."""
    _check_frame(memberships)
    statuses = _check_statuses(statuses)
    m = memberships[(memberships["org_id"] == org) & memberships["status"].isin(statuses)]
    dates = sorted(set(m["start"]) | set(m["end"].dropna()))
    out_dates: list[pd.Timestamp] = []
    out_counts: list[int] = []
    for d in dates:
        n = int(m.loc[_in_force(m, d), "iso3"].nunique())
        if not out_counts or n != out_counts[-1]:
            out_dates.append(d)
            out_counts.append(n)
    return pd.DataFrame({"date": pd.Series(out_dates, dtype="datetime64[ns]"),
                         "members": pd.Series(out_counts, dtype="int64")})


def status_matrix(memberships: pd.DataFrame, as_of, orgs: Sequence[str] | None = None) -> pd.DataFrame:
    """Each state's status in each organisation on ``as_of``: index ``iso3`` (states with any status in at least
    one of ``orgs`` that day, sorted), one column per organisation in the order of ``orgs`` (default: every
    org_id in the frame, sorted), value = the status or ``""``."""
    _check_frame(memberships)
    when = as_timestamp(as_of)
    if orgs is None:
        orgs = sorted(memberships["org_id"].dropna().unique())
    elif isinstance(orgs, str):
        orgs = [o.strip() for o in orgs.split(",") if o.strip()]
    orgs = list(orgs)
    m = memberships[memberships["org_id"].isin(orgs) & _in_force(memberships, when)]
    states = sorted(m["iso3"].unique())
    table = pd.DataFrame("", index=pd.Index(states, name="iso3", dtype="str"),
                         columns=pd.Index(orgs, name="org_id", dtype="str"), dtype="str")
    for org, iso, status in zip(m["org_id"], m["iso3"], m["status"]):
        table.at[iso, org] = status
    return table


def sources(memberships: pd.DataFrame, orgs: Sequence[str], iso3s: Iterable[str] | None = None) -> list[str]:
    """Sorted source ids of the spells of ``orgs`` (only of the states in ``iso3s`` when given and not empty):
    what a table or chart built from those memberships cites."""
    _check_frame(memberships)
    rows = memberships[memberships["org_id"].isin(list(orgs))]
    wanted = list(iso3s) if iso3s is not None else []
    if wanted:
        rows = rows[rows["iso3"].isin(wanted)]
    return sorted(set(rows["source_id"].dropna()))


def member_years(spells: pd.DataFrame, lo: pd.Timestamp, hi: pd.Timestamp) -> float:
    """The member-years the ``spells`` (``start``, ``end``; an empty end runs on) add up between ``lo`` and ``hi``."""
    starts = spells["start"].clip(lower=lo)
    ends = spells["end"].fillna(hi).clip(upper=hi)
    return float((ends - starts).dt.days.clip(lower=0).sum() / 365.25)
