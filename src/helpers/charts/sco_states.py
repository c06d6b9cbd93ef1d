"""Altair builders for notebook 08 (P16–P18): spell timelines, the state × structure matrix of tie grades, and
the UpSet chart of combinations.

Each builder takes a DataFrame from ``helpers.tables.sco_states`` and returns a chart; it never displays or saves.
The title states the finding and is passed in by the notebook; ``description`` is the text alternative; every
mark has tooltips; categorical colours come from the theme's category palette, used positionally; a tie grade is
a shape, filled for the formal ties and hollow for the looser ones.
"""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from helpers import theme
from helpers.tables.sco_states import GRADES, ORGS, STRUCTURES, org_word, status_word

STATUS_ORDER = ["member", "participating_state", "partner", "observer", "dialogue_partner", "suspended", "frozen"]
#: each tie grade's mark, strongest first: a filled square and circle, a hollow circle and diamond
GRADE_SHAPES = ("square", "circle", "circle", "diamond")
#: Default text alternatives (a Gantt chart's is said per call, as its rows differ).
MATRIX = ("Matrix of states (rows) by structure (columns), each cell marked by tie grade; states on both sides "
          "first, then the rest, then Russia and China.")
#: 73 rows: the page keeps the columns' names in view while the reader scrolls them (report.js, stickyHead)
STICKY_HEAD = {"sticky_head": True}
UPSET = "UpSet chart: bars of state counts per combination of structures, over a dot matrix."


def spell_gantt(spells: pd.DataFrame, *, names: dict[str, str] | None = None, row: str = "iso3",
                title: str, description: str, width: int = 620) -> alt.Chart:
    """Membership spells as bars on a time axis, one row per ``row`` value (states, or organisations by name),
    colour = the spell's ``role`` (status in words, prefixed by the organisation when several are shown)."""
    data = spells.copy()
    data["name"] = [(names or {}).get(i, i) for i in data["iso3"]]
    data["organisation"] = data["org_id"].map(org_word)
    if "role" not in data.columns:
        data["role"] = data["status"].map(status_word)
    # Legend order: organisations in order of first appearance, then the fixed status order within each.
    org_rank = {o: i for i, o in enumerate(dict.fromkeys(data.sort_values("start", kind="mergesort")["org_id"]))}
    status_rank = {st: i for i, st in enumerate(STATUS_ORDER)}
    pairs = data[["role", "org_id", "status"]].drop_duplicates("role")
    roles = sorted(zip(pairs["role"], pairs["org_id"], pairs["status"]),
                   key=lambda t: (org_rank[t[1]], status_rank.get(t[2], len(STATUS_ORDER)), t[0]))
    data["drawn_to"] = _drawn_ends(data)
    shown = "organisation" if row == "org_id" else "name"
    order = list(dict.fromkeys(data.sort_values(["start", row], kind="mergesort")[shown]))
    chart = alt.Chart(data).mark_bar(height=10).encode(
        x=alt.X("start:T", title=None, axis=alt.Axis(format="%Y")),
        x2="drawn_to:T",
        y=alt.Y(f"{shown}:N", sort=order, title=None),
        color=alt.Color("role:N", scale=_status_scale(roles),
                        legend=alt.Legend(title="status")),
        tooltip=[alt.Tooltip("name:N", title="state"), alt.Tooltip("organisation:N"),
                 alt.Tooltip("role:N", title="status"), alt.Tooltip("start:T", format="%Y-%m-%d"),
                 alt.Tooltip("end:T", format="%Y-%m-%d", title="first day not shown"),
                 alt.Tooltip("ongoing:N", title="still running")],
    )
    return theme.titled(chart.properties(width=width), title, description)


def _drawn_ends(data: pd.DataFrame) -> pd.Series:
    """Where each bar stops: a spell still running on the report's date runs on to the axis's end, a margin past
    that date, so a state that joined on the date itself shows a bar (it had none, and read as an observer)."""
    ends = pd.to_datetime(data["end"])
    if data.empty or "ongoing" not in data.columns:
        return ends
    starts = pd.to_datetime(data["start"])
    last = ends.max()
    margin = max((last - starts.min()) * 0.03, pd.Timedelta(days=180))
    return ends.where(~data["ongoing"].fillna(False).astype(bool), last + margin)


def _status_scale(roles: list[tuple[str, str, str]]) -> alt.Scale:
    """Each (role, organisation, status) in its status's colour (``theme.STATUS_COLORS``), the same in every chart of
    the report (a bare "member" row of the Shanghai Five in the focus chart is a member like any other); a status the
    theme does not know takes the theme's categorical colours in order."""
    spare = iter(c for c in theme.CATEGORY_COLORS.values() if c not in theme.STATUS_COLORS.values())
    def key(role: str, org: str, status: str) -> str:  # a predecessor's members, when the legend names the org
        return "predecessor member" if org in theme.PREDECESSORS and status == "member" and role != "member" else status

    return alt.Scale(domain=[r for r, _, _ in roles],
                     range=[theme.STATUS_COLORS.get(key(r, o, st)) or next(spare) for r, o, st in roles])


def tie_matrix_chart(matrix: pd.DataFrame, *, title: str, description: str = MATRIX,
                     orgs: Iterable[str] = ORGS, sources: pd.DataFrame | None = None) -> alt.LayerChart:
    """State × structure cells, each marked by its tie grade (a shape, filled for a pledge or membership, hollow
    for a partnership or dialogue status); states on both sides first, the poles last, each group named beside its
    first row under a rule; no cell for no active tie. ``sources`` (``tables.sco_states.tie_sources``): tooltips."""
    orgs = [o for o in orgs if o in matrix.columns]
    group = matrix["both_sides"].map({True: "on both sides", False: "one side or none"}).where(~matrix["pole"],
                                                                                                "pole")
    data = matrix.assign(group=group).melt(id_vars=["iso3", "name", "group", "inactive"], value_vars=orgs,
                                            var_name="org_id", value_name="grade")
    data = data[data["grade"] != ""].assign(structure=lambda d: d["org_id"].map(org_word))
    if sources is not None:
        data = data.merge(sources[["iso3", "org_id", "source"]], on=["iso3", "org_id"], how="left")
    data = data.assign(source=data["source"].fillna("") if "source" in data else "")
    rank = {"on both sides": 0, "one side or none": 1, "pole": 2}
    order = list(matrix.assign(r=group.map(rank), key=reader_sort_keys(matrix["name"]))
                 .sort_values(["r", "key"], kind="mergesort")["name"])
    tips = [alt.Tooltip(f, title=t) for f, t in (("name:N", "state"), ("structure:N", "structure"), ("grade:N", "tie"),
            ("source:N", "source"), ("group:N", "counted as"), ("inactive:N", "suspended ties"))]
    base = alt.Chart(data).encode(
        x=alt.X("structure:N", sort=[org_word(o) for o in orgs], title=None,
                # upright on a phone, where slanted names of the right-hand columns ran past the chart's edge
                axis=alt.Axis(orient="top", labelAngle=alt.ExprRef(f"{PHONE} ? -90 : -30"),
                              labelLimit=180, labelFontSize=11)),
        y=alt.Y("name:N", sort=order, title=None, axis=alt.Axis(labelFontSize=11.5)), tooltip=tips)
    cells = base.mark_rect(fill=theme.TIE_CELL, stroke=theme.BORDER, strokeWidth=0.5)
    grade = dict(scale=alt.Scale(domain=list(GRADES), range=list(theme.TIE_GRADE_FILLS)),
                 legend=alt.Legend(title="tie", orient="bottom", symbolStrokeColor=theme.TIE_INK,
                                   symbolStrokeWidth=1.5, symbolSize=90, labelFontSize=11.5))
    marks = base.mark_point(size=70, strokeWidth=1.5, opacity=1).encode(
        fill=alt.Fill("grade:N", **grade),
        stroke=alt.Stroke("grade:N", scale=alt.Scale(domain=list(GRADES), range=[theme.TIE_INK] * len(GRADES)),
                          legend=grade["legend"]),
        shape=alt.Shape("grade:N", scale=alt.Scale(domain=list(GRADES), range=list(GRADE_SHAPES)),
                        legend=grade["legend"]))
    width = 22 * len(orgs) * 3
    chart = alt.layer(cells, marks, *_group_marks(matrix.assign(group=group), order)).properties(
        width=width, height=alt.Step(15),
        usermeta={"dark": theme.dark_swap(theme.TIE_GRADE_COLORS, theme.TIE_GRADE_COLORS_DARK), **STICKY_HEAD})
    return theme.titled(chart, title, description)


def reader_sort_keys(names: pd.Series) -> pd.Series:
    """Keys that put state names in the alphabetical order of the edition's reader: the English names in English;
    in the Arabic edition the Arabic names (the ones the chart shows), hamza and madda on an alef folded to the bare
    letter as an Arabic index does, so rows never keep an English order that reads as random in Arabic."""
    from helpers import i18n, paths
    from helpers.i18n.arabic import normalise

    return names if paths.language() == "en" else names.map(lambda n: normalise(str(i18n.text(n))))


#: A phone's width, in Vega's expression language.
PHONE = "containerSize()[0] < 600"
#: The matrix's three row groups as the reader reads them, named beside their first row.
GROUP_WORDS = {"on both sides": "ties on both sides", "one side or none": "ties on one side or none",
               "pole": "Russia and China"}


def _group_marks(rows: pd.DataFrame, order: list[str]) -> list[alt.Chart]:
    """A rule above each group of rows after the first, and each group's name beside its first row (right of the
    cells), so the three blocks of names read as groups, not as one list out of alphabetical order."""
    first = rows.set_index("name").loc[order].reset_index().drop_duplicates("group")
    heads = pd.DataFrame({"name": first["name"], "label": first["group"].map(GROUP_WORDS)})
    y = alt.Y("name:N", sort=order, title=None)
    # on the top edge of the group's first row, the boundary between two rows: a fixed offset from where the
    # scale put the rule had drawn it through the row above (Uzbekistan's, the United States')
    rules = alt.Chart(heads.iloc[1:]).mark_rule(color=theme.INK, strokeWidth=1).encode(
        y=alt.Y("name:N", sort=order, title=None, bandPosition=0), x=alt.value(0), x2=alt.value("width"),
        tooltip=[alt.Tooltip("label:N", title="group")])
    # right of the cells at whatever width the page draws the matrix (it follows its container); on a phone the
    # names run down the side, one line wide, so the eight columns keep the width (across, they took a third of the
    # screen and left the columns 9 px apart, their upright names overlapping)
    text = alt.Chart(heads).mark_text(
        align="left", baseline=alt.ExprRef(f"{PHONE} ? 'bottom' : 'top'"), angle=alt.ExprRef(f"{PHONE} ? 90 : 0"),
        # dx runs along the turned line on a phone: the name starts just below the group's rule
        dx=alt.ExprRef(f"{PHONE} ? 8 : 0"), fontSize=11.5, fontWeight="bold", color=theme.TEXT,
        x=alt.ExprRef(f"width + ({PHONE} ? 3 : 8)")).encode(
        y=y, yOffset=alt.value(-5), text="label:N", tooltip=[alt.Tooltip("label:N", title="group")])
    return [rules, text]


def upset_chart(combos: pd.DataFrame, *, structures: Iterable[str] = STRUCTURES, title: str, description: str = UPSET,
                width: int = 560) -> alt.VConcatChart:
    """UpSet-style: bars of how many states hold each exact combination, over a dot matrix of the combination whose
    filled dots are joined by a line down each column, so a combination reads by its line as well as by the dots'
    shade; a dark page turns the pair of shades over (members near white, the rest dark grey: ``usermeta.dark``)."""
    structures = list(structures)
    combos = combos.reset_index(drop=True)
    order = list(combos["combination"])
    bars = alt.Chart(combos).mark_bar(color=theme.NEUTRAL).encode(
        x=alt.X("combination:N", sort=order, axis=alt.Axis(labels=False, ticks=False), title=None),
        y=alt.Y("states:Q", title="states"),
        tooltip=[alt.Tooltip("combination:N"), alt.Tooltip("states:Q"), alt.Tooltip("members:N", title="states")],
    ).properties(width=width, height=180)
    long = combos.melt(id_vars=["combination", "states", "members"], value_vars=structures,
                       var_name="structure", value_name="in")
    x = alt.X("combination:N", sort=order, axis=None)
    y = dict(sort=None, scale=alt.Scale(domain=structures), title=None)  # one order for the dots and the lines
    dots = alt.Chart(long).mark_circle(size=110, opacity=1).encode(
        x=x, y=alt.Y("structure:N", **y),
        color=alt.Color("in:N", scale=alt.Scale(domain=[True, False], range=[theme.INK, theme.ABSENT]), legend=None),
        tooltip=[alt.Tooltip("combination:N"), alt.Tooltip("structure:N"),
                 alt.Tooltip("in:N", title="belongs"), alt.Tooltip("members:N", title="states")])
    links = alt.Chart(upset_links(long, structures)).mark_rule(color=theme.INK, strokeWidth=3).encode(
        x=x, y=alt.Y("first:N", **y), y2="last:N", tooltip=[alt.Tooltip("combination:N")])
    matrix = alt.layer(links, dots).properties(width=width, height=22 * len(structures))
    dark = theme.dark_swap((theme.INK, theme.ABSENT), (theme.PRESENT_DARK, theme.ABSENT_DARK))
    return alt.vconcat(bars, matrix, spacing=4).properties(title=title, description=description or title,
                                                           usermeta={"dark": dark})


def upset_links(long: pd.DataFrame, structures: list[str]) -> pd.DataFrame:
    """Each combination's first and last structure it holds (in the matrix's order): the line joining its dots."""
    held = long[long["in"].astype(bool)].assign(rank=lambda d: d["structure"].map(structures.index))
    held = held.sort_values(["combination", "rank"], kind="mergesort")
    ends = held.groupby("combination", sort=False)["structure"].agg(first="first", last="last").reset_index()
    return ends
