"""Altair builders for notebook 00: the article's structure (which organisations, states and themes each of the
nineteen paragraphs touches).

Builders take a frame from ``helpers.tables.article`` and return a chart; they never display or save. The title
states the finding (computed by ``tables.article.structure_finding``), ``description`` is the text alternative,
every mark has a tooltip, and colours come from ``helpers.theme``.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from helpers import theme
from helpers.tables.article import kind_word, row_order
from helpers.tables.article_words import org_name

# Shapes tell the three kinds of tag apart, so colour stays free for the highlighted organisation.
KIND_SHAPES = {"organisation": "circle", "state": "square", "theme": "diamond"}
MUTED = theme.MUTED  # neutral grey for everything that is not highlighted (not an organisation's colour)
#: The matrix reads in the article's order: the Arabic edition mirrors it (P1 at the right; see
#: ``helpers.i18n.chart_words``).
MIRROR = {"mirror": True}


def structure_matrix(tags: pd.DataFrame, *, highlight: str, title: str, description: str,
                     width: int = 440) -> alt.LayerChart:
    """Dot matrix: paragraphs P1–P19 across, tags down; the ``highlight`` organisation's row and the paragraphs
    that name it are drawn in its theme colour.

    ``tags`` is a :func:`helpers.tables.article.tag_long` frame. Raises ``ValueError`` if ``highlight`` has no
    colour in the theme (i.e. is not an organisation id).
    """
    _check(tags, highlight)
    colour = theme.ORG_COLORS[highlight]
    data = tags.assign(
        kind=tags["tag_kind"].map(kind_word),
        emphasis=[_highlighted(highlight) if h else "other tags" for h in tags["highlighted"]],
    )
    x_order = list(dict.fromkeys(data.sort_values("order")["paragraph"]))
    y_order = row_order(tags)
    x, y = _paragraph_axis(x_order), _tag_axis(y_order)
    named = sorted(set(data.loc[data["highlighted"], "paragraph"]), key=x_order.index)
    note = f"paragraphs that name {org_name(highlight)}"
    # the shaded columns have a legend entry of their own (a fill, apart from the dots' colours)
    section = dict(zip(data["paragraph"], data["section_id"]))
    shade = pd.DataFrame({"paragraph": named, "note": note, "section_id": [section[p] for p in named]})
    bands = alt.Chart(shade).mark_rect(opacity=0.12).encode(
        x=x,
        fill=alt.Fill("note:N", title=None, scale=alt.Scale(domain=[note], range=[colour]),
                      legend=alt.Legend(symbolType="square", symbolOpacity=0.3, symbolStrokeWidth=0)),
        tooltip=[alt.Tooltip("paragraph:N", title="paragraph"), alt.Tooltip("note:N", title="highlight")],
    )
    dots = _dots(data, x, y, highlight, colour)
    height = max(200, 16 * len(y_order))
    return alt.layer(bands, dots).properties(title=title, description=description, width=width, height=height,
                                             usermeta={**MIRROR, "phone_split": _phone_split(data)})


#: px per paragraph column of a phone's panel: upright P-labels 11 px tall sit clear of each other, and a section's
#: ten columns leave the full tag names room on a 390 px screen
PHONE_STEP = 15


def _phone_split(data: pd.DataFrame) -> dict:
    """How a phone draws the matrix (report.js): one panel per section, stacked, each with its own paragraph
    columns (nineteen side by side scrolled sideways and showed only P1–P6) and the tags its paragraphs carry
    (``rows``: how many, 16 px each, as on a wider screen)."""
    per = data.drop_duplicates("paragraph").groupby("section_id", sort=False)["paragraph"].size()
    rows = data.drop_duplicates(["section_id", "row"]).groupby("section_id", sort=False)["row"].size()
    return {"field": "section_id", "values": list(per.index), "counts": {k: int(v) for k, v in per.items()},
            "step": PHONE_STEP, "rows": {k: int(v) * 16 for k, v in rows.items()}}


#: A narrow screen (a phone), in Vega's expression language.
_NARROW = "containerSize()[0] < 600"


def _paragraph_axis(x_order: list) -> alt.X:
    """P1–P19 across the top: the project's shared reference in both editions, never relabelled; on a phone
    nineteen labels cannot sit side by side, so they stand upright (every other one when they would touch)."""
    return alt.X("paragraph:O", sort=x_order, title="paragraph",
                 axis=alt.Axis(orient="top", labelExpr="datum.label", labelAngle=alt.ExprRef(f"{_NARROW} ? -90 : 0"),
                               labelAlign=alt.ExprRef(f"{_NARROW} ? 'left' : 'center'"),
                               labelBaseline=alt.ExprRef(f"{_NARROW} ? 'middle' : 'bottom'"),
                               labelOverlap="parity"))


def _tag_axis(y_order: list) -> alt.Y:
    """The tags down the side: on a phone the names keep their full length (they were cut with "…") and give up
    a little width; the dots shrink to fit the columns."""
    return alt.Y("row:N", sort=y_order, title=None, axis=alt.Axis(labelLimit=alt.ExprRef(f"{_NARROW} ? 215 : 240")))


def _check(tags: pd.DataFrame, highlight: str) -> None:
    if highlight not in theme.ORG_COLORS:
        raise ValueError(
            f"structure_matrix: highlight={highlight!r} is not an organisation id; "
            f"allowed: {', '.join(theme.ORG_COLORS)}"
        )
    missing = [c for c in ("paragraph", "order", "section_id", "tag_kind", "tag", "label", "row", "highlighted")
               if c not in tags.columns]
    if missing:
        raise ValueError(f"structure_matrix: tags frame lacks {', '.join(missing)}; build it with tag_long()")


def _highlighted(org: str) -> str:
    """The key's entry of the highlighted organisation's dots, by its reader name."""
    return f"{org_name(org)} (highlighted)"


def _dots(data: pd.DataFrame, x: alt.X, y: alt.Y, highlight: str, colour: str) -> alt.Chart:
    """One dot per tag and paragraph, shaped by the kind of tag, the highlighted organisation's in its colour."""
    size = alt.ExprRef("containerSize()[0] < 600 ? 36 : 90")
    return alt.Chart(data).mark_point(filled=True, size=size, opacity=0.9).encode(
        x=x,
        y=y,
        shape=alt.Shape("kind:N", title="kind of tag",
                        scale=alt.Scale(domain=list(KIND_SHAPES), range=list(KIND_SHAPES.values()))),
        color=alt.Color("emphasis:N", title=None,
                        scale=alt.Scale(domain=[_highlighted(highlight), "other tags"], range=[colour, MUTED])),
        tooltip=[
            alt.Tooltip("paragraph:N", title="paragraph"),
            alt.Tooltip("section_id:N", title="section"),
            alt.Tooltip("kind:N", title="kind"),
            alt.Tooltip("label:N", title="tag"),
        ],
    )
