"""References whose target depends on another column, which a Table Schema foreign key cannot say."""

from __future__ import annotations

from collections.abc import Iterator

from helpers.load.rules.registry import Finding, View, rule

_TARGETS = {"org": ("organisations", "org_id"), "state": ("states", "iso3"), "theme": ("themes", "theme_id")}


def _by_kind(t: View, column: str, kind_column: str) -> Iterator[Finding]:
    known: dict[str, set] = {}
    for pos, (kind, v) in enumerate(zip(t.df[kind_column], t.df[column])):
        table, key = _TARGETS[kind]
        if kind not in known:
            known[kind] = set(t.other(table)[key].dropna())
        if v not in known[kind]:
            what = "unknown state code" if table == "states" else "dangling reference"
            yield Finding(pos, column, f"{what}: {v!r} is not in {table}.csv, where {kind_column}={kind} points")


@rule("event_actors", needs=("organisations", "states"))
def actor_of_its_kind(t: View) -> Iterator[Finding]:
    """actor is an org_id in organisations.csv when actor_kind is org, an iso3 in states.csv when it is state"""
    return _by_kind(t, "actor", "actor_kind")


@rule("paragraph_tags", needs=("organisations", "states", "themes"))
def tag_of_its_kind(t: View) -> Iterator[Finding]:
    """tag is an org_id, iso3 or theme_id (organisations.csv, states.csv, themes.csv) as tag_kind says"""
    return _by_kind(t, "tag", "tag_kind")


@rule("arms_control", needs=("states",))
def party_is_a_state(t: View) -> Iterator[Finding]:
    """party is a state code listed in states.csv, or ALL for the treaty as a whole"""
    isos = set(t.other("states")["iso3"].dropna())
    for pos, v in enumerate(t.df["party"]):
        if v != "ALL" and v not in isos:
            yield Finding(pos, "party", f"unknown state code: {v!r} is not in states.csv")
