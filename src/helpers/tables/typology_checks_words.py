"""Notebook 07: the checks of the typology as a reader meets them — our codes beside ATOP's (a table and its
finding) and the headline under other measures (a table, its findings and its title), built from the frames of
:mod:`helpers.tables.typology_checks`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from helpers.tables import typology as T
from helpers.tables import typology_checks as C
from helpers.tables.typology_words import join_names


def agreement_table(agreement: pd.DataFrame, dimensions: pd.DataFrame, names: Mapping[str, str]) -> pd.DataFrame:
    """:func:`helpers.tables.typology_checks.atop_agreement` for readers: one row per pact, one column per obligation
    type reading 'yes / yes' (ours / ATOP's), and how many of the pact's types agree."""
    book = T.codebook(dimensions)
    word = {1: "yes", 0: "no"}
    rows = []
    for org, part in agreement.groupby("org_id", sort=False):
        row = {"pact": names.get(org, org), "ATOP number": str(int(part["atopid"].iloc[0]))}
        for r in part.itertuples(index=False):
            row[book[r.dimension_id].label] = f"{word[r.ours]} / {word[r.atop]}"
        row["agree"] = f"{int(part['agree'].sum())} of {len(part)}"
        rows.append(row)
    return pd.DataFrame(rows)


def agreement_finding(agreement: pd.DataFrame) -> str:
    """Title of the inter-coder table: how many of our codes agree with ATOP's, with Cohen's kappa when defined."""
    n, same = len(agreement), int(agreement["agree"].sum())
    pacts = agreement["org_id"].nunique()
    kappa = C.cohen_kappa(agreement["ours"], agreement["atop"]) if n else float("nan")
    tail = f" (Cohen's kappa {kappa:.2f})" if pd.notna(kappa) else ""
    return f"Our obligation codes agree with ATOP's on {same} of {n} cells of {pacts} pacts{tail}"


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
    live = {o: T.cell_values(org_features, book, o, as_of).get("collective_defence") for o in shown}
    return pd.DataFrame({
        "organisation": [names.get(o, o) for o in shown],
        "Defence promise (classifies)": [{"yes": "yes", "no": "no"}.get(live[o], "unknown") for o in shown],
        "Five ATOP types, equal-weight mean": [f"{mean5[o]:.2f}" if pd.notna(mean5[o]) else "not known"
                                               for o in shown],
        "Institutions, our four items": [T._span(main.loc[o, "institutionalization_low"],
                                                 main.loc[o, "institutionalization_high"]) for o in shown],
        "Institutions, six items": [T._span(wide.loc[o, "institutionalization_low"],
                                            wide.loc[o, "institutionalization_high"]) for o in shown]})


def robustness_findings(table: pd.DataFrame) -> list[str]:
    """Whether the headline survives each alternative, in sentences computed from :func:`robustness_table`."""
    def order(column: str) -> list[str]:
        known = table[~table[column].str.contains("not|–", regex=True)]
        ranked = known.assign(v=known[column].astype(float)).sort_values("v", ascending=False, kind="mergesort")
        return [f"{n} ({v})" for n, v in zip(ranked["organisation"], ranked[column])]

    allies = table.loc[table["Defence promise (classifies)"] == "yes", "organisation"].tolist()
    mean_order = order("Five ATOP types, equal-weight mean")
    four, six = order("Institutions, our four items"), order("Institutions, six items")
    out = [f"Alliances by the defence promise: {join_names(allies) if allies else 'none'}."]
    if mean_order:
        top = table.loc[table["Five ATOP types, equal-weight mean"] == mean_order[0].split(" (")[1][:-1],
                        "organisation"].tolist()
        verdict = "the same" if sorted(top) == sorted(allies) else "not the same"
        out.append(f"On the equal-weight mean of ATOP's five types the order is {', '.join(mean_order)}; the "
                   f"organisations at the top are {verdict} as the alliances by the defence promise.")
    if four and six:
        same = [x.split(" (")[0] for x in four] == [x.split(" (")[0] for x in six]
        out.append(f"Institutions with standing forces and a common budget added: {', '.join(six)} — the order "
                   f"of the fully known scores {'holds' if same else 'changes'} (four items: {', '.join(four)}).")
    return out


def robustness_headline(table: pd.DataFrame) -> str:
    """Title of the robustness table: whether the alliances by the defence promise also top the five-type mean,
    and whether the institutions order holds when standing forces and a common budget are added."""
    found = robustness_findings(table)
    mean_holds = not any("not the same" in f for f in found)
    inst_holds = not any("changes" in f for f in found)
    if mean_holds and inst_holds:
        return "The headline holds on both alternative measures"
    failed = [w for w, ok in (("the five-type mean", mean_holds), ("the six-item institutions index", inst_holds))
              if not ok]
    return f"The headline does not survive {join_names(failed)}"
