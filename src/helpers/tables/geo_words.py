"""Sentences for the membership maps of notebooks 02, 03 and 08: map captions and headlines, built from the frames
of :mod:`helpers.tables.geo`."""

from __future__ import annotations

import pandas as pd

from helpers import membership, wording
from helpers.tables.geo import OVERLAP_ORGS, Atlas, _statuses_on, undrawn_members


def member_word(org: str, plural: bool = False) -> str:
    """What a state of ``org`` is called: 'participating State(s)' in the OSCE, 'member(s)' elsewhere."""
    word = "participating State" if org == "OSCE" else "member"
    return f"{word}s" if plural else word


def not_member_word(org: str) -> str:
    """'not participating' (OSCE) or 'not a member'."""
    return "not participating" if org == "OSCE" else "not a member"


#: The formal statuses a map's caption names, in its order, nouns first ("members, participating States, suspended
#: or frozen").
STATUS_ORDER = ("member", "participating_state", "suspended", "frozen")


def _status_word(status: str) -> str:
    """A status in a caption's words: the nouns in the plural (:func:`member_word`), the others their label in
    ``data/labels.csv`` ("suspended", "frozen")."""
    if status in ("member", "participating_state"):
        return member_word("OSCE" if status == "participating_state" else "", plural=True)
    return wording.label(status, "status", "memberships", lang="en")


def status_words(memberships: pd.DataFrame, orgs, as_of) -> str:
    """The formal statuses the states of ``orgs`` held up to ``as_of``, in a caption's words: "members" for NATO,
    "members, participating States, suspended or frozen" for NATO, the CSTO, the SCO and the OSCE in 2024."""
    held = memberships.loc[memberships["org_id"].isin(list(orgs))
                           & (pd.to_datetime(memberships["start"]) <= membership.as_timestamp(as_of)), "status"]
    words = [_status_word(k) for k in STATUS_ORDER if k in set(held)]
    return ", ".join(words[:-1]) + f" or {words[-1]}" if len(words) > 1 else "".join(words)


def map_caption(memberships: pd.DataFrame, org: str, as_of, *, atlas: Atlas, slider: bool = False,
                orgs=OVERLAP_ORGS) -> str:
    """A map's caption: the date (with ``slider``, the date the timeline above the map names, so the caption
    follows it), what 'member' means for the organisations the map shades (``orgs``: the overlap maps' by default;
    NATO's map says "members" alone, with no States it does not have), the states too small to draw, how edge cases
    are drawn."""
    small = undrawn_members(memberships, org, as_of, atlas=atlas)
    tail = f" Too small to draw at this scale, but counted: {', '.join(small)}." if small else ""
    on = "the date named above the map" if slider else wording.day(membership.as_timestamp(as_of))
    words = status_words(memberships, orgs, as_of)
    kinds = f" ({words})" if words and words != "members" else ""
    return (f"Formal membership on {on}{kinds}. "
            "A state that no longer exists is drawn through its successors' territory, and the tooltip says so; "
            "Northern Cyprus, drawn apart by Natural Earth, is left unshaded." + tail)


def overlap_headline(memberships: pd.DataFrame, as_of, org: str = "OSCE", orgs=OVERLAP_ORGS) -> str:
    """'On 30 Apr 2024, 53 of the OSCE's 57 participating States also belonged to NATO, the CSTO or the SCO'."""
    others = [o for o in orgs if o != org]
    when = membership.as_timestamp(as_of)
    live = _statuses_on(memberships, orgs, when, membership.FORMAL)
    mine = set(live.loc[live["org_id"] == org, "iso3"])
    also = mine & set(live.loc[live["org_id"].isin(others), "iso3"])
    word = member_word(org, plural=True)
    names = ", ".join(f"the {o}" if o != "NATO" else o for o in others[:-1]) + f" or the {others[-1]}"
    return f"On {wording.day(when)}, {len(also)} of the {org}'s {len(mine)} {word} also belonged to {names}"


def growth_headline(memberships: pd.DataFrame, org: str, as_of, first_year: int) -> str:
    """'NATO had 12 members at the end of 1949 and took in 20 more by 30 Apr 2024': the change the slider shows,
    not the count on the report's date, which the line under the slider gives (the two did not repeat each other);
    states that left by then are said too."""
    word = member_word(org, plural=True)
    end = pd.Timestamp(first_year, 12, 31)
    then = set(membership.members_as_of(memberships, org, end)["iso3"])
    now = set(membership.members_as_of(memberships, org, as_of)["iso3"])
    rows = memberships[(memberships["org_id"] == org) & memberships["status"].isin(membership.FORMAL)]
    start = pd.to_datetime(rows["start"])
    joined = set(rows.loc[(start > end) & (start <= membership.as_timestamp(as_of)), "iso3"]) - then
    left = len((then | joined) - now)
    on = wording.day(membership.as_timestamp(as_of))
    out = f"{org} had {len(then)} {word} at the end of {first_year} and took in {len(joined) or 'no'} more by {on}"
    return out + (f"; {left} of them had left" if left else "")


def overlap_link(memberships: pd.DataFrame, states: pd.DataFrame, as_of, chart_orgs=("NATO", "CSTO"),
                 org: str = "OSCE", orgs=OVERLAP_ORGS) -> str:
    """The sentence that ties the overlap bars (``chart_orgs``) to the map below them, which counts the SCO too:
    why its figure differs, naming the states it adds."""
    live = _statuses_on(memberships, orgs, membership.as_timestamp(as_of), membership.FORMAL)
    mine = set(live.loc[live["org_id"] == org, "iso3"])
    bars = mine & set(live.loc[live["org_id"].isin(list(chart_orgs)), "iso3"])
    mapped = mine & set(live.loc[live["org_id"].isin([o for o in orgs if o != org]), "iso3"])
    if mapped == bars:
        return "The map below counts the SCO too; that adds no state to this count."
    names = dict(zip(states["iso3"], states["name"]))
    added = wording.joined(sorted(names.get(c, c) for c in mapped - bars), lang="en")
    return (f"The map below counts the SCO too, so its figure is {len(mapped)}, not {len(bars)}: {added} belonged "
            "to the SCO but to neither NATO nor the CSTO.")
