"""Sentences for notebook 04: the first screen and the headlines of the treaty tables and charts, built from the
frames of :mod:`helpers.tables.arms_control`."""

from __future__ import annotations

import pandas as pd

from helpers import wording
from helpers.membership import as_timestamp
from helpers.tables.arms_control import (
    NEVER_IN_FORCE,
    PAIR_STATUSES,
    PLANNED,
    admitted_treaties,
    left_by_pair,
    pair_status,
    treaty_cases,
)


def in_force_headline(by_year: pd.DataFrame, last_year: int) -> str:
    """The in-force table's title: the most treaties in force at once, and the count at the end of ``last_year``."""
    end = by_year.iloc[-1]
    return (f"At most {int(by_year['in_force'].max())} of these treaties were in force at once; at the end of "
            f"{last_year}, {int(end['in_force'])} were, {int(end['eroding'])} of them eroding")


def pair_headlines(year_end: pd.DataFrame, latest: pd.DataFrame, through) -> tuple[str, str]:
    """Titles of the status tally at the end of 2023 (``year_end``) and of the treaty-by-treaty status on
    ``through`` (``latest``), both from :func:`pair_status`."""
    binding, ever = int(year_end["binds_pair"].sum()), int((~year_end["status"].isin(NEVER_IN_FORCE)).sum())
    tally = (f"At the end of 2023, {binding} of {len(year_end)} treaties signed, or {binding} of the {ever} that ever "
             "entered into force, still bound both")
    left = f"By {wording.day(as_timestamp(through, 'through').date())}, {left_by_pair(latest)} of {len(latest)}"
    return (f"{tally} the US and Russia", f"{left} treaties had been left, suspended or abandoned by the US or Russia")


def precedence_note(arms_control: pd.DataFrame, latest: pd.DataFrame) -> str:
    """The classes of the 'left, suspended or abandoned' line are exclusive: each treaty counts once, by where it
    stood on the record's last date (:func:`pair_status`). A treaty the US or Russia suspended and that then
    expired counts as expired, not as suspended; this names such treaties so the reader does not count them twice
    or miss them ('' when there are none)."""
    ended = latest.loc[latest["status"].isin(PAIR_STATUSES[4:7]), ["treaty_id", "short_name"]]
    steps = arms_control[(arms_control["step"] == "suspended") & arms_control["party"].isin(["USA", "RUS"])]
    named = ended.loc[ended["treaty_id"].isin(steps["treaty_id"]), "short_name"].tolist()
    if not named:
        return " Each treaty is counted once, by where it stood on that date."
    one = len(named) == 1
    return (f" Each treaty is counted once, by where it stood on that date: {wording.joined(named, lang='en')} "
            f"{'was' if one else 'were'} suspended before {'it' if one else 'they'} expired and "
            f"count{'s' if one else ''} among the expired, not the suspended.")


def camps_headline(camps: pd.DataFrame) -> str:
    """The camps chart's title from :func:`helpers.tables.euroatlantic.camps` (labels ``before`` and ``after``):
    'NATO went from 30 to 32 formal members; the CSTO stayed at 6, one of which (Armenia) declared its
    participation frozen on 22 Feb 2024'. Members are formal, as everywhere a membership is counted; a member whose
    participation was frozen or suspended on the later date is named (notebook 08 counts active ties and leaves it
    out)."""
    size = camps.set_index(["org_id", "label"])["members"]
    parts = []
    for org in ("NATO", "CSTO"):
        a, b = int(size[org, "before"]), int(size[org, "after"])
        name = "NATO" if org == "NATO" else "the CSTO"
        parts.append((f"{name} stayed at {a}" if a == b else f"{name} went from {a} to {b}")
                     + (" formal members" if not parts else "") + _inactive(camps, org))
    return "; ".join(parts)


def _inactive(camps: pd.DataFrame, org: str) -> str:
    """', one of which (Armenia) declared its participation frozen on 22 Feb 2024' for the formal members of
    ``org`` not active on the later date; '' when every member was active."""
    if "inactive" not in camps:
        return ""
    row = camps[(camps["org_id"] == org) & (camps["label"] == "after")].iloc[0]
    names = [n for n in str(row["inactive"] or "").split("; ") if n]
    if not names:
        return ""
    if len(names) > 1:
        return f", {len(names)} of which ({wording.joined(names, lang='en')}) had frozen or suspended participation"
    # a freeze is the member's own declaration (data/README: status frozen), not an act of the organisation
    verb = ("declared its participation frozen" if row["inactive_status"] == "frozen" else
            "had its participation suspended")
    return f", one of which ({names[0]}) {verb} on {wording.day(row['inactive_since'].date())}"


def changes_headline(changes: pd.DataFrame, before, after) -> str:
    """The status-changes table's title, with both dates in reader words."""
    return (f"{len(changes)} changes of status in NATO and the CSTO between "
            f"{wording.day(as_timestamp(before, 'before').date())} and "
            f"{wording.day(as_timestamp(after, 'after').date())}")


def gantt_headline(year_end: pd.DataFrame, day="2023-12-31") -> str:
    """The Gantt chart's title, its finding: how many of the treaties (``year_end``, :func:`pair_status` on
    ``day``) still bound both the US and Russia on the chart's dashed line, 'only' when under half did."""
    binding, n = int(year_end["binds_pair"].sum()), len(year_end)
    when = as_timestamp(day, "day")
    on = f"By the end of {when.year}" if (when.month, when.day) == (12, 31) else f"By {wording.day(when.date())}"
    only = " only" if 2 * binding < n else ","
    return f"{on}{only} {binding} of the {n} treaties still bound both the US and Russia"


def gantt_subtitle(listed: pd.DataFrame, wars: pd.DataFrame, phases: pd.DataFrame, through) -> str:
    """The Gantt chart's subtitle: what it draws — the rule's treaties (US–Russian and European), the wars the article
    names that meet the rule (not a census) — over which years."""
    return (f"{len(listed)} treaties (US–Russian and European) and {len(wars)} wars the article names, "
            f"{phases['start'].min().year}–{as_timestamp(through, 'through').year}")


def after_note(report_date) -> str:
    """The caption's words for the shaded years after the report's date: the chart draws the record to its end, past
    the date the page's findings are for."""
    return f"Shaded: the years after the report's date, {wording.day(as_timestamp(report_date, 'report_date').date())}."


def first_screen(treaties: pd.DataFrame, arms_control: pd.DataFrame, war_census: pd.DataFrame,
                 memberships: pd.DataFrame, states: pd.DataFrame, state_lineage: pd.DataFrame,
                 before, after) -> tuple[list[str], str]:
    """04's first screen, from the same rules the report applies below: what bound the US and Russia at the end of
    2023, what they had left by the end of the record, the conflicts of UCDP/PRIO's census (``war_census``) the wars
    rule admits and the two camps between ``before`` and ``after``. Returns (findings, one-line summary)."""
    from helpers.tables import war_census as census_rule
    from helpers.tables.euroatlantic import camps as camp_sizes
    from helpers.tables.war_census_words import glance_line

    through = arms_control["date"].max()  # the status date comes from the arms-control record itself
    listed = admitted_treaties(treaties, treaty_cases(treaties, arms_control))
    year_end, latest = pair_status(arms_control, listed, "2023-12-31"), pair_status(arms_control, listed, through)
    former_soviet = state_lineage.loc[state_lineage["predecessor_iso3"] == "SUN", "iso3"]
    war_years = census_rule.census_cases(war_census, memberships, states, former_soviet)
    conflicts = census_rule.conflict_cases(war_census, war_years)
    camps = camp_sizes(memberships, states, ["NATO", "CSTO"], {"before": before, "after": after})
    planned = int(latest["status"].isin(PLANNED).sum())
    lapsed = int((latest["status"] == PAIR_STATUSES[4]).sum())
    tally, left = pair_headlines(year_end, latest, through)
    out = [tally + f". The {len(listed)} treaties are this project's own list, not a published census.",
           left + f"; {planned} ended as planned (a successor signed or in force), {lapsed} expired "
                  "without a successor." + precedence_note(arms_control, latest)]
    if conflicts["admitted"].any():
        primary = census_rule.conflict_cases(war_census, census_rule.census_cases(
            war_census, memberships, states, former_soviet, secondary=False))
        out.append(glance_line(conflicts, war_years, census_rule.war_groups(war_census, war_years), primary,
                               states.set_index("iso3")["name"].to_dict()))
    out.append(f"Between {wording.day(as_timestamp(before, 'before').date())} and "
               f"{wording.day(as_timestamp(after, 'after').date())}, {camps_headline(camps)}.")
    # one date for the count on the whole first screen: the first finding's, the last year-end before the article
    summary = (f"Arms control, the wars after the USSR and the two camps: at the end of 2023, the last year-end before "
               f"the article, {int(year_end['binds_pair'].sum())} of {len(year_end)} treaties still bound both the US "
               "and Russia.")
    return out, summary


def legal_force_line(status: pd.DataFrame, day) -> str:
    """The 'still binding' count read as legal force: a treaty one of the pair has suspended stays in force in law
    (the United States called Russia's suspension of New START legally invalid), so it counts as binding both.
    Says whether the reading — most of the treaties that entered into force no longer bind the pair — holds."""
    binding = int(status["binds_pair"].sum())
    in_law = int(status["status"].isin(PAIR_STATUSES[:2]).sum())
    ever = int((~status["status"].isin(NEVER_IN_FORCE)).sum())
    if in_law == binding:
        return "Read as legal force, the count is the same: no treaty in force was suspended by either."
    holds = "the reading holds" if 2 * in_law < ever else "the reading does not survive"
    return (f"Read as legal force, with a suspension not ending a treaty, {in_law} of the {len(status)} treaties "
            f"({in_law} of the {ever} that entered into force) bound both on {wording.day(as_timestamp(day, 'on'))}, "
            f"not {binding}: most no longer bound the pair, so {holds}.")


def construct_line(claims: pd.DataFrame, arms_control: pd.DataFrame, claim_id: str = "C15") -> str:
    """What the treaty record measures against what P7's claim names, with the claim's verdict read from the
    ledger (``claims.csv``), so the page gives one verdict: the list is US–Soviet/Russian bilateral and European
    arms control; the claim is about non-proliferation, whose global treaties (the CTBT, whose ratification Russia
    revoked on the date ``arms_control.csv`` gives) the rule leaves out."""
    verdict = claims.set_index("claim_id").loc[claim_id, "verdict"]
    revoked = arms_control[(arms_control["treaty_id"] == "CTBT") & (arms_control["step"] == "ratification_revoked")
                           & (arms_control["party"] == "RUS")]["date"]
    ctbt = f", whose ratification Russia revoked on {wording.day(revoked.min().date())}" if len(revoked) else ""
    return (f"Our verdict on P7's decline of arms control ({claim_id}) is “{verdict}”. The treaty record below "
            "measures US–Soviet/Russian bilateral and European arms control; the claim names non-proliferation, and "
            f"the global treaties that measure it, such as the CTBT{ctbt}, fall outside the rule, so the record "
            "bears out only the arms-control part of the claim.")


def binding_note(year_end: pd.DataFrame) -> str:
    """The treaty chart's key to its diamonds, from :func:`pair_status` on the chart's status date: which treaties
    still bound both the US and Russia (a diamond on the dashed line), and what the other bars crossing that line
    were (in force but suspended by one of the pair, or in force among other parties only), so a reader counting
    bars gets the headline's count."""
    def names(rows: pd.DataFrame) -> str:
        return "; ".join(rows["short_name"])
    text = f"Diamonds on the line: still binding both the US and Russia then ({names(year_end[year_end['binds_pair']])})."
    for status in PAIR_STATUSES[1:3]:
        rows = year_end[year_end["status"] == status]
        if len(rows):
            text += f" Crossing the line without a diamond, {status}: {names(rows)}."
    return text


#: The legally binding US–Soviet/Russian executive agreements that are not treaties, named on 04's page as outside
#: the rule's pool (their dates and present status were not verified from the parties' own records, so they are not
#: data): the range of :func:`pool_range_line` adds them to the denominator.
EXECUTIVE_AGREEMENTS = (
    "the 1972 SALT I Interim Agreement", "the 1972 Incidents at Sea agreement",
    "the 1987 agreement on Nuclear Risk Reduction Centers", "the 1988 Ballistic Missile Launch Notification Agreement",
    "the 1989 agreement on Dangerous Military Activities", "the 2000 Plutonium Management and Disposition Agreement",
)


def pool_range_line(status: pd.DataFrame, day, agreements=EXECUTIVE_AGREEMENTS) -> str:
    """The 'still binding both' share with the named executive agreements added to the treaties (``status``, from
    :func:`pair_status` on ``day``): their status was not verified, so the share is a range, from none of them
    binding both to all of them. The count can only rise; the share can fall or rise."""
    binding, n, extra = int(status["binds_pair"].sum()), len(status), len(agreements)
    lo, hi, total = binding, binding + extra, n + extra
    holds = "stays under half either way" if 2 * hi < total else "could reach half or more"
    return (f"With the {extra} executive agreements named above added to the {n} treaties, the share still binding "
            f"both on {wording.day(as_timestamp(day, 'on').date())} lies between {lo} of {total} "
            f"({lo / total:.0%}), if none of them did, and {hi} of {total} "
            f"({hi / total:.0%}), if all did, against {binding} of {n} "
            f"({binding / n:.0%}) over the treaties alone: adding them can only raise the count, but "
            f"the share can fall or rise, and it {holds}.")
