"""Notebook 07: the checks of the typology as a reader meets them — our codes beside ATOP's (a table and its
finding) and the headline under other measures (a table, its findings and its title), built from the frames of
:mod:`helpers.tables.typology_checks`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from helpers.tables import typology as T
from helpers.tables import typology_checks as C
from helpers.tables import typology_view as TV
from helpers.tables.typology_words import join_names


def agreement_table(agreement: pd.DataFrame, dimensions: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """:func:`helpers.tables.typology_checks.atop_agreement` for readers: one row per pact, one column per obligation
    type reading 'yes / yes' (ours / ATOP's), and how many of the pact's types agree."""
    book = T.codebook(dimensions)
    word = {1: "yes", 0: "no"}
    rows = []
    for (org, atopid), part in agreement.groupby(["org_id", "atopid"], sort=False):
        row = {"pact": names.get(org, org), "ATOP number": str(int(atopid))}
        for r in part.itertuples(index=False):
            ours = "not known" if pd.isna(r.ours) else word[int(r.ours)]
            row[book[r.dimension_id].label] = f"{ours} / {word[int(r.atop)]}"
        known = part["agree"].dropna()
        row["agree"] = f"{int(known.sum())} of {len(known)}" if len(known) else "not coded here"
        rows.append(row)
    return pd.DataFrame(rows)


def agreement_finding(agreement: pd.DataFrame) -> str:
    """Title of the comparison with ATOP: how many of our codes agree with ATOP's. No Cohen's kappa: our codes were
    made with ATOP's at hand, so the agreement is a consistency check, not a reliability statistic."""
    known = agreement.dropna(subset=["agree"])
    n, same = len(known), int(known["agree"].sum())
    texts = known["atopid"].nunique()
    return (f"Our obligation codes agree with ATOP's on {same} of {n} cells of {texts} texts, a consistency check "
            "(not blind)")


def robustness_table(org_features: pd.DataFrame, dimensions: pd.DataFrame, shown: list[str], as_of,
                     names: Mapping[str, str]) -> pd.DataFrame:
    """Each compared organisation under the notebook's measures and their obvious alternatives: the defence
    promise against the equal-weight mean of ATOP's five types, and our four-item institutions index against the
    same index with standing forces and a common budget added (each as a point or the range its unknowns allow)."""
    book = T.codebook(dimensions)
    main = T.typology_intervals(org_features, dimensions, shown, as_of).set_index("org_id")
    mean5 = C.five_type_mean(org_features, dimensions, shown, as_of)
    wide = C.institutions_with(org_features, dimensions, shown, as_of, ["standing_forces", "common_budget"])
    wide = wide.set_index("org_id")
    as_no = C.institutions_partial_as(org_features, dimensions, shown, as_of, "no").set_index("org_id")
    as_yes = C.institutions_partial_as(org_features, dimensions, shown, as_of, "yes").set_index("org_id")
    live = {o: T.cell_values(org_features, book, o, as_of).get("collective_defence") for o in shown}
    return pd.DataFrame({
        "organisation": [names.get(o, o) for o in shown],
        "Defence promise (classifies)": [{"yes": "yes", "no": "no"}.get(live[o], "unknown") for o in shown],
        "Five ATOP types, equal-weight mean": [f"{mean5[o]:.2f}" if pd.notna(mean5[o]) else "not known"
                                               for o in shown],
        "Institutions, our four items": _institutions(main, shown),
        "Institutions, six items": _institutions(wide, shown),
        "Institutions, 'partly' cells as no": _institutions(as_no, shown),
        "Institutions, 'partly' cells as yes": _institutions(as_yes, shown)})


def _institutions(intervals: pd.DataFrame, shown: list[str]) -> list[str]:
    """Each organisation's institutions score in ``intervals`` (indexed by org_id) as a point or a range."""
    return [TV.score_span(intervals.loc[o, "institutionalization_low"], intervals.loc[o, "institutionalization_high"])
            for o in shown]


def _bounds(cell: str) -> tuple[float, float] | None:
    """``(low, high)`` of a score cell ('0.25', '0.17–0.33'); None for a cell not placed or not known."""
    parts = str(cell).split("–")
    try:
        low, high = float(parts[0]), float(parts[-1])
    except ValueError:
        return None
    return low, high


def _order(table: pd.DataFrame, column: str) -> list[str]:
    """'NATO (1.00)', 'OSCE (0.17–0.33)', … for every placed score of ``column`` (points and ranges), highest
    upper bound first."""
    placed = [(n, c, _bounds(c)) for n, c in zip(table["organisation"], table[column]) if _bounds(c)]
    placed.sort(key=lambda r: (-r[2][1], -r[2][0]))
    return [f"{n} ({c})" for n, c, _ in placed]


def _leaders(table: pd.DataFrame, column: str) -> list[str]:
    """The organisations whose lowest possible score is at or above every other's highest: the top of ``column``
    whatever its unknown cells turn out to be (several when they tie; none when a range could overtake)."""
    placed = {n: _bounds(c) for n, c in zip(table["organisation"], table[column]) if _bounds(c)}
    return [n for n, (low, _) in placed.items()
            if all(low >= high for m, (_, high) in placed.items() if m != n)]


def partly_finding(table: pd.DataFrame) -> list[str]:
    """Whether the top of the institutions order stands with every 'partly' cell read as yes (nothing when the
    table has no such column or no placed score)."""
    column = "Institutions, 'partly' cells as yes"
    if column not in table.columns:
        return []
    four, as_yes = _leaders(table, "Institutions, our four items"), _leaders(table, column)
    order = _order(table, column)
    if not four or not order:
        return []
    if four == as_yes:
        return [f"With every 'partly' cell read as yes: {', '.join(order)} — the top of the institutions order "
                "stands."]
    return [f"With every 'partly' cell read as yes: {', '.join(order)} — {join_names(as_yes or four)} tie at the "
            "top, so the lead on institutions rests on the cells coded 'partly'."]


def lead_rests_on_partly(table: pd.DataFrame) -> bool:
    """True when the institutions lead becomes a tie with every 'partly' cell read as yes."""
    return any("rests on the cells coded 'partly'" in f for f in partly_finding(table))


def robustness_findings(table: pd.DataFrame) -> list[str]:
    """Whether the headline survives each alternative, in sentences computed from :func:`robustness_table`. A lead
    holds when the leader's score stays at or above the upper end of every other score's range."""
    allies = table.loc[table["Defence promise (classifies)"] == "yes", "organisation"].tolist()
    mean_order = _order(table, "Five ATOP types, equal-weight mean")
    four, six = _order(table, "Institutions, our four items"), _order(table, "Institutions, six items")
    out = [f"Alliances by the defence promise: {join_names(allies) if allies else 'none'}."]
    if mean_order:
        top = _leaders(table, "Five ATOP types, equal-weight mean")
        verdict = "the same" if sorted(top) == sorted(allies) else "not the same"
        out.append(f"On the equal-weight mean of ATOP's five types the order is {', '.join(mean_order)}; the "
                   f"organisations at the top are {verdict} as the alliances by the defence promise.")
    lead = _leaders(table, "Institutions, our four items")
    if lead and six:
        same = lead == _leaders(table, "Institutions, six items")
        stays = "stays" if same else "no longer stays"
        out.append(f"Institutions with standing forces and a common budget added: {', '.join(six)} — "
                   f"{join_names(lead)} {stays} at or above every other score and range, so the lead "
                   f"{'holds' if same else 'changes'} (four items: {', '.join(four)}).")
    return out + partly_finding(table)


def robustness_headline(table: pd.DataFrame) -> str:
    """Title of the robustness table: whether the alliances by the defence promise also top the five-type mean,
    and whether the institutions order holds when standing forces and a common budget are added. With only two
    organisations compared (the 1991 variant: NATO and the CSCE), a verdict that holds says so: it is a weak test."""
    found = robustness_findings(table)
    mean_holds = not any("not the same" in f for f in found)
    inst_holds = not any("changes" in f for f in found)
    partly_holds = not any("rests on the cells coded 'partly'" in f for f in found)
    if mean_holds and inst_holds and partly_holds:
        if table["organisation"].nunique() <= 2:  # two cases: an order of two can hardly change
            return ("The headline holds on every alternative measure, a weak test with only "
                    f"{join_names(list(table['organisation'].unique()))} compared")
        return "The headline holds on every alternative measure"
    failed = [w for w, ok in (("the five-type mean", mean_holds), ("the six-item institutions index", inst_holds),
                              ("the 'partly' cells read as yes", partly_holds)) if not ok]
    return f"The headline does not survive {join_names(failed)}"


def glance_with_robustness(findings: list[str], table: pd.DataFrame) -> list[str]:
    """The first screen's findings with the robustness verdict added (whether the headline survives the
    alternative measures), when there is room for it (the box holds four)."""
    if len(findings) >= 4 or table.empty:
        return list(findings)
    head = robustness_headline(table)
    if head == "The headline does not survive the 'partly' cells read as yes":  # the headline names that cell
        return [*findings, " ".join(what_changes(table))]
    return [*findings, " ".join([head + ".", *what_changes(table)])]


def what_changes(table: pd.DataFrame) -> list[str]:
    """For each alternative the headline does not survive, one sentence saying what it changes (who is then on
    top), so a verdict never stands without its consequence."""
    allies = table.loc[table["Defence promise (classifies)"] == "yes", "organisation"].tolist()
    found, out = robustness_findings(table), []
    if any("not the same" in f for f in found):
        top = _leaders(table, "Five ATOP types, equal-weight mean")
        out.append(f"On ATOP's five-type mean the top is {join_names(top) if top else 'not settled'}, not the "
                   f"alliances by the defence promise ({join_names(allies) if allies else 'none'}).")
    if any("changes" in f for f in found):
        six = _leaders(table, "Institutions, six items")
        out.append(f"With standing forces and a common budget added, the top of the institutions order is "
                   f"{join_names(six) if six else 'not settled'}.")
    if any("rests on the cells coded 'partly'" in f for f in found):
        tie = _leaders(table, "Institutions, 'partly' cells as yes") or _leaders(table, "Institutions, our four items")
        out.append(f"With every 'partly' cell read as yes, {join_names(tie)} tie at the top of the institutions "
                   "order, so no organisation leads on institutions alone.")
    return out


TREATY_2001 = "RU_CN_TREATY_2001"


def takeaways(table: pd.DataFrame, shown: list[str]) -> list[str]:
    """The takeaways that depend on the date: which of the organisations existing on it are alliances by the
    defence promise, which leads on institutions, whether that survives the alternatives, and the 2001 treaty's
    promise only when the treaty exists on the date."""
    promise = dict(zip(table["organisation"], table["Defence promise (classifies)"]))
    allies = [n for n, v in promise.items() if v == "yes"]
    others = [n for n, v in promise.items() if v == "no"]
    first = f"Alliances by the defence promise: {join_names(allies) if allies else 'none'}"
    out = [first + (f"; organisations without one: {join_names(others)}." if others else ".")]
    lead = _leaders(table, "Institutions, our four items")
    out.append(f"{join_names(lead)} {'leads' if len(lead) == 1 else 'lead'} on our four-item institutions index."
               if lead else "No organisation leads on our four-item institutions index whatever its unknown cells "
               "turn out to be.")
    out.append(robustness_headline(table) + ".")
    if TREATY_2001 in shown:
        out.append("The Russia–China treaty of 2001 already binds its parties to consult when one is threatened, "
                   "without a defence promise; for P15's platform for dialogue the article fixes no such obligation, "
                   "so its consultation cell stays unknown.")
    return out
