"""Notebooks 02, 03 and 08: membership maps (Altair ``mark_geoshape``), drawn offline; the boundaries travel
inside the spec.

Builders (nouns; each returns a chart, never displays or saves):

- ``membership_map(memberships, as_of, org=...)``: the countries of Europe, Eurasia and North America shaded by one
  organisation's membership on a date, or (``org=None``) by which of NATO, the CSTO, the SCO and the OSCE they
  belong to.
- ``membership_explorer(memberships, org, as_of)``: one organisation's map in a projection fitted to its region
  (Europe and the North Atlantic for NATO, Eurasia for the SCO and the CSTO), moved by a ``year`` parameter. The
  page draws the timeline above it (a full-width range input with ticks at the years something changed, a play
  button, keyboard steps) and the caption and member list below it in HTML, from the spec's ``usermeta``
  (``timeline``); exports and print show the report's own date.

A report opened from ``file://`` cannot fetch a file, so the TopoJSON is inlined: only the features in view, on a
coarser grid (``tables.geo_shapes.subset_topology``). States that no longer exist are drawn through their
successors' territory and say so in the tooltip (see ``helpers.tables.geo``).
"""

from __future__ import annotations

import functools
import json

import altair as alt
import pandas as pd

from helpers import membership, theme, wording
from helpers.charts.map_codes import CODES as _CODES, key_values, year_codes as _year_codes
from helpers.charts.map_regions import PHONE_WIDTH, REGIONS, Region, region_for
from helpers.tables import geo, geo_shapes, geo_words

#: Where the overlap maps look: centred on Central Europe (10°E, 52°N), so that Europe, Russia, Central Asia, China,
#: India and North America are in one azimuthal equal-area view (areas compare truthfully).
PROJECTION = {"type": "azimuthalEqualArea", "rotate": [-10, -52, 0], "clipAngle": 85}
#: A feature is drawn when its box reaches this far north and lies within the clip circle.
VIEW_CENTRE = (10.0, 52.0)
#: Parts of a country lying wholly south of this latitude are not drawn (France's French Guiana).
SOUTH = 10.0


OUTSIDE, BORDER = theme.OUTSIDE, theme.BORDER
#: Overlap categories and their colours (:data:`helpers.theme.OVERLAP_COLORS`; no category gets red).
OVERLAP_COLORS = {**theme.OVERLAP_COLORS, geo.NONE_CATEGORY: OUTSIDE}
#: The edge and the name of an inset map; the key's squares are outlined in it, so "not a member" (near white) shows.
INSET_EDGE = theme.INSET_EDGE
KEY_SWATCH = {"symbolType": "square", "symbolStrokeColor": INSET_EDGE, "symbolStrokeWidth": 1, "symbolSize": 120}
#: The key's word for a shape only part of which was a member: the Federal Republic's before unification (its
#: outline is today's Germany's, the GDR's included); any other such shape is named generally.
PART_WORDS = {"West Germany (drawn as today's Germany)": "West Germany only (today's outline includes the GDR)"}
PART_WORD = "Part of this outline only"
PART_COLOR, PART_COLOR_DARK = theme.PART_MEMBER, theme.PART_MEMBER_DARK  # its fill


def _angle(lon: float, lat: float) -> float:
    """Great-circle distance in degrees from the view's centre."""
    import math

    lon0, lat0 = map(math.radians, VIEW_CENTRE)
    lon, lat = math.radians(lon), math.radians(lat)
    c = math.sin(lat0) * math.sin(lat) + math.cos(lat0) * math.cos(lat) * math.cos(lon - lon0)
    return math.degrees(math.acos(max(-1.0, min(1.0, c))))


@functools.lru_cache(maxsize=2)
def view_keys(boundaries: geo_shapes.Boundaries) -> tuple[str, ...]:
    """The features in view: inside the clip circle and reaching 30°N, leaving out Africa and Arabia (whose
    states hold none of these memberships) so that the map is fitted to Europe, Asia and North America."""
    keys = []
    for f in boundaries.feature_bounds().itertuples(index=False):
        lon, lat = (f.west + f.east) / 2, (f.south + f.north) / 2
        points = [(f.west, f.south), (f.west, f.north), (f.east, f.south), (f.east, f.north), (lon, lat)]
        inside = any(_angle(x, y) < PROJECTION["clipAngle"] for x, y in points)
        africa_arabia = lat < 29 and -20 < lon < 60
        if inside and f.north >= 30 and not africa_arabia:
            keys.append(f.feature)
    return tuple(keys)


@functools.lru_cache(maxsize=8)
def region_keys(boundaries: geo_shapes.Boundaries, name: str) -> tuple[str, ...]:
    """The features a regional map draws: those whose box meets the region's box (widened by 10°)."""
    r = REGIONS[name]
    keys = []
    for f in boundaries.feature_bounds().itertuples(index=False):
        lat, lon = (f.south + f.north) / 2, (f.west + f.east) / 2
        africa = r.without_africa and (lat < 33 and -20 < lon < 34 or lat < 12 and lon < 52)  # and the Horn
        if f.east >= r.west - 10 and f.west <= r.east + 10 and f.north >= r.south - 5 and f.south <= r.north + 5:
            keys += [] if africa else [f.feature]
    return tuple(keys)


def _boundaries(boundaries: geo_shapes.Boundaries, lookup: pd.DataFrame, fields: list[str],
                region: Region | None = None, later: dict | None = None) -> alt.Chart:
    """A chart whose data are the features in view, each joined to its row of ``lookup`` (key ``feature``).

    With ``later`` (a dict), the chart holds a small stand-in for the shapes and ``later`` keeps the shapes under
    the stand-in's name, for :func:`_with_shapes` to put in place once the chart is built: every Altair method
    deep-copies the chart, and the shapes are most of it."""
    keys = region_keys(boundaries, region.name) if region else view_keys(boundaries)
    topo = geo_shapes.subset_topology(boundaries, keys, south=SOUTH)
    if later is not None:
        name = f"shapes-{len(later)}"
        later[name] = topo
        topo = {"stand_in": name}
    data = alt.InlineData(values=topo, format=alt.DataFormat(type="topojson", feature="countries"))
    return alt.Chart(data).transform_lookup(
        lookup="id", from_=alt.LookupData(data=lookup, key="feature", fields=fields))


def _with_shapes(chart, later: dict):
    """``chart`` (built with :func:`_boundaries`'s ``later``) with each stand-in replaced by its shapes, in place."""
    for part in [chart, *(chart.layer if isinstance(chart, alt.LayerChart) else [])]:
        data = part.data if isinstance(part, alt.Chart) else alt.Undefined
        if isinstance(data, alt.InlineData) and isinstance(data.values, dict) and "stand_in" in data.values:
            data.values = later.pop(data.values["stand_in"])
    if later:
        raise AssertionError(f"map shapes not put in place: {sorted(later)}")
    return chart


def _projection(region: Region | None = None) -> dict:
    return dict(PROJECTION) if region is None else dict(region.projection, fit=region.frame())


def membership_map(memberships: pd.DataFrame, as_of, *, atlas: geo.Atlas, org: str | None = None, title: str,
                   description: str | None = None, orgs=geo.OVERLAP_ORGS, width: int = 620,
                   height: int = 520, region: str | None = None) -> alt.Chart:
    """Countries shaded by ``org``'s membership on ``as_of`` (members in the organisation's colour), or with
    ``org=None`` by overlap category among ``orgs``. Tooltips name whom each shape stands for on that date
    (``atlas``: :class:`helpers.tables.geo.Atlas`). ``region`` (a key of :data:`REGIONS`) frames the map on that
    region at every width, on a phone on its phone box; without it the map is the wide view of Europe, Eurasia
    and North America."""
    if org is not None:
        status = geo.feature_status(memberships, org, as_of, atlas=atlas)
        domain = [geo_words.member_word(org), geo_words.not_member_word(org)]
        status["shade"] = status["member"].map({True: domain[0], False: domain[1]})
        scale = alt.Scale(domain=domain, range=[theme.org_color(org), OUTSIDE])
        legend_title = org
        status["detail"] = status["status"]
    else:
        status = geo.overlap_status(memberships, as_of, orgs, atlas=atlas)
        status["shade"] = status["category"]
        present = [c for c in OVERLAP_COLORS if c in set(status["shade"])]
        scale = alt.Scale(domain=present, range=[OVERLAP_COLORS[c] for c in present])
        legend_title = "Belongs to"
        status["detail"] = status["orgs"].replace("", "none of " + ", ".join(orgs))
    on = wording.day(membership.as_timestamp(as_of))
    framed = REGIONS[region] if region else None
    desc = description or (f"Map of {framed.words if framed else 'Europe, Eurasia and North America'} on {on}: "
                           + _map_summary(status, org))
    height = int(round(width * framed.aspect)) if framed else height
    later: dict = {}  # the shapes, put in once the chart is built (see _boundaries)

    def shaded(where: Region | None) -> alt.Chart:
        return _boundaries(atlas.boundaries, status[["feature", "label", "shade", "detail"]],
                           ["label", "shade", "detail"], where, later
                           ).mark_geoshape(stroke=BORDER, strokeWidth=0.5, clip=True).encode(
            color=alt.Color("shade:N", scale=scale, title=legend_title,
                            legend=alt.Legend(orient="bottom", columns=2, **KEY_SWATCH)),
            tooltip=[alt.Tooltip("label:N", title="Country"), alt.Tooltip("detail:N", title="Status")])
    drawn = _phone_inset(shaded(framed).project(**_framed_projection(framed)), shaded, framed)
    return _with_shapes(drawn.properties(title=title, description=desc, width=width, height=height,
                                         usermeta={"aspect": round(height / width, 3), **_phone_meta(framed)}), later)


def _phone_inset(main: alt.Chart, shaded, region: Region | None) -> alt.Chart | alt.LayerChart:
    """``main`` over the top 70% of a phone's map, the region's phone-only insets (``shaded(inset)``: 03's North
    America and, beside it, Russia's east and Mongolia, which the phone box leaves out) framed and named in a band
    under it; a wider map shows that land itself, so there each inset is fitted into one pixel, cut to nothing and
    its frame hidden. The second inset draws the main map's shapes again (one copy in the page's data)."""
    if region is None or not region.inset or region.inset_wide:
        return main
    phone, top = f"width < {PHONE_WIDTH}", "height * 0.7"
    upper = alt.expr(f"[[0, 0], [width, {phone} ? {top} : height]]")
    layers = [main.project(**dict(_framed_projection(region), extent=upper, clipExtent=upper))]
    shown, corner = alt.expr(f"{phone} ? 1 : 0"), alt.Chart(alt.Data(values=[{}]))
    split = 0.56 if region.east_inset else 0.62  # the first inset's share of the band's width
    slots = [(region.inset, "0", f"width * {split}", shaded(REGIONS[region.inset]))]
    if region.east_inset:
        slots.append((region.east_inset, f"width * {split} + 6", "width", shaded(region)))
    for key, left, right, drawn in slots:
        inset, box = REGIONS[key], f"[[{left} + 4, {top} + 4], [{right} - 4, height - 16]]"
        layers += [corner.mark_rect(x=alt.expr(left), y=alt.expr(top), x2=alt.expr(right), y2=alt.expr("height"),
                                    opacity=shown, fill=theme.INSET_PAPER, stroke=INSET_EDGE, strokeWidth=1),
                   drawn.project(**dict(_projection(inset), extent=alt.expr(f"{phone} ? {box} : [[0, 0], [1, 1]]"),
                                        clipExtent=alt.expr(f"{phone} ? {box} : [[0, 0], [0, 0]]"))),
                   corner.mark_text(text=inset.words, align="left", baseline="bottom", fontSize=11,
                                    color=INSET_EDGE, x=alt.expr(f"{left} + 6"), y=alt.expr("height - 4"),
                                    opacity=shown)]
    return alt.layer(*layers)


def _framed_projection(region: Region | None) -> dict:
    """The wide view's projection, or one fitted to ``region``'s box (its phone box below ``PHONE_WIDTH``)."""
    if region is None:
        return dict(PROJECTION)
    if region.phone is None:
        return _projection(region)
    fit = f"width < {PHONE_WIDTH} ? {json.dumps(region.frame(region.phone))} : {json.dumps(region.frame())}"
    return dict(region.projection, fit=alt.expr(fit), extent=alt.expr("[[0, 0], [width, height]]"))


def _map_summary(status: pd.DataFrame, org: str | None) -> str:
    if org is not None:
        return f"{int(status['member'].sum())} shapes shaded as {org} {geo_words.member_word(org)}s."
    counts = status[status["shade"] != geo.NONE_CATEGORY]["shade"].value_counts()
    return "; ".join(f"{n} shapes {c}" for c, n in counts.items()) + "."


# ---------------------------------------------------------------------------------------------- explorer

def explorer_data(memberships: pd.DataFrame, org: str, as_of, first: int | None = None,
                  last: int | None = None, *, atlas: geo.Atlas) -> dict[str, pd.DataFrame]:
    """What the explorer draws: ``years`` (year, date, heading with the count), ``codes`` (per shaded feature,
    see ``_year_codes``) and ``members`` (member spells, for the list); first/last default to the organisation's
    founding year (or the report's own year, when earlier) and the report's own year: the slider starts and ends
    at the report's date, never past it."""
    orgs = atlas.organisations.set_index("org_id")
    year = membership.as_timestamp(as_of).year
    first = min(int(orgs.at[org, "founded"].year), year) if first is None else first
    if last is None:  # the slider ends at the report's date: no year the report does not speak for
        last = year
    years = geo.snapshot_dates(as_of, first, last)
    members = geo.member_spells(memberships, org, as_of, first, last, atlas=atlas)
    counts = [int(((members["from"] <= y) & (y < members["to"])).sum()) for y in years["year"]]
    word = geo_words.member_word(org, plural=True)
    years["heading"] = [f"{org} on {wording.day(d)}: {n} {word}" for d, n in zip(years["date"], counts)]
    years["members"] = counts
    codes = _year_codes(geo.yearly_spells(memberships, org, as_of, first, last, atlas=atlas), first, last)
    return {"years": years.assign(date=years["date"].dt.strftime("%Y-%m-%d")), "codes": codes,
            "members": members}


def timeline(data: dict[str, pd.DataFrame], org: str, start: int) -> dict:
    """What the page's timeline needs (the spec's ``usermeta``): the parameter it moves, the years, the years
    something changed (its ticks), the caption of each year and every member's spell."""
    years, members = data["years"], data["members"]
    first, last = int(years["year"].min()), int(years["year"].max())
    ticks = sorted({int(y) for y in pd.concat([members["from"], members["to"]]) if first <= int(y) <= last})
    return {"param": "year", "first": first, "last": last, "start": start, "ticks": ticks,
            "captions": {str(int(y)): h for y, h in zip(years["year"], years["heading"])},
            "members": [[str(n), int(a), int(b)] for n, a, b in
                        zip(members["name"], members["from"], members["to"])],
            "label": "Year", "org": org}


def membership_explorer(memberships: pd.DataFrame, org: str, as_of, *, atlas: geo.Atlas, title: str | None = None,
                        description: str | None = None, first: int | None = None, last: int | None = None,
                        width: int = 620, height: int | None = None) -> alt.Chart:
    """``org``'s member states on a map framed on its region, for every year from its founding to the report's own
    year (a ``year`` parameter that starts at the report's date). The page moves it with a timeline above the map
    and shows the year's caption and member list below it (``usermeta["timeline"]``); exports show the report's
    own date. The title defaults to the growth since the first year, the description to the members on the
    report's date."""
    data = explorer_data(memberships, org, as_of, first, last, atlas=atlas)
    years = data["years"]
    start = membership.as_timestamp(as_of).year
    first = int(years["year"].min())
    region = region_for(org)
    title = title or geo_words.growth_headline(memberships, org, as_of, first)
    now = data["members"][(data["members"]["from"] <= start) & (start < data["members"]["to"])]
    frame = region.words if region else "Europe, Eurasia and North America"
    description = description or (
        f"Map of {frame} with {org}'s states shaded, for each year from {first} to {int(years['year'].max())}. "
        f"{years.set_index('year').at[start, 'heading']}: {', '.join(sorted(now['name']))}.")
    aspect = region.aspect if region else 0.8
    height = height or int(round(width * aspect))
    year = alt.param(name="year", value=start)
    later: dict = {}  # the shapes, put in once the chart is built (see _boundaries)
    chart = _explorer_map(atlas.boundaries, data["codes"], org, first, width, height, region, later)
    return _with_shapes(chart.add_params(year).properties(
        title=title, description=description,
        usermeta={"aspect": aspect, "timeline": timeline(data, org, start), "dark": {PART_COLOR: PART_COLOR_DARK},
                  **_phone_meta(region)}
    ).configure_view(stroke=None), later)


def _phone_meta(region: Region | None) -> dict:
    """What the page needs to draw a region's phone layout: its shape below ``PHONE_WIDTH``."""
    if region is None or region.phone_aspect is None:
        return {}
    return {"phone_aspect": region.phone_aspect, "phone_width": PHONE_WIDTH}


def _explorer_map(boundaries: geo_shapes.Boundaries, codes: pd.DataFrame, org: str, first: int, width: int,
                  height: int, region: Region | None = None, later: dict | None = None) -> alt.Chart | alt.LayerChart:
    """The shaded map; a region with an inset gets it drawn, framed and named in its lower-left corner, over open
    sea (on a phone, in a band under the main map, which is then fitted to the region's phone box)."""
    phone = f"width < {PHONE_WIDTH}"
    if region is None or region.inset is None:  # fitted to the region's frame (its phone box on a phone)
        fit = (f"{phone} ? {_compact(region.frame(region.phone))} : {_compact(region.frame())}"
               if region is not None and region.phone else None)
        return _explorer_layer(boundaries, codes, org, first, region, later=later, fit=fit,
                               box="[[0, 0], [width, height]]" if fit else None).properties(width=width, height=height)
    inner = REGIONS[region.inset]
    w, h = region.inset_box
    band = 0.3  # the inset's share of a phone map's height
    # the inset's box: a band at the foot of a phone's map; the lower-left corner of a wider one, over the open
    # Atlantic west of Iberia (in the upper-left it hid part of Greenland, a NATO territory)
    top = f"({phone} ? height * {1 - band:.3f} : height * {1 - h:.2f})"
    bottom = "height"
    right = f"({phone} ? width * 0.62 : width * {w:.2f})"
    main = _explorer_layer(boundaries, codes, org, first, region, box=f"[[0, 0], [width, {phone} ? {top} : height]]",
                           fit=f"{phone} ? {_compact(region.frame(region.phone))} : {_compact(region.frame())}",
                           later=later)
    inset = _explorer_layer(boundaries, codes, org, first, inner,
                            box=f"[[4, {top} + 4], [{right} - 4, {bottom} - 16]]", later=later)
    corner = alt.Chart(alt.Data(values=[{}]))
    frame = corner.mark_rect(x=0, y=alt.expr(top), x2=alt.expr(right), y2=alt.expr(bottom),
                             fill=theme.INSET_PAPER, stroke=INSET_EDGE, strokeWidth=1)
    name = corner.mark_text(text=inner.words, align="left", baseline="bottom", fontSize=11, color=INSET_EDGE,
                            x=6, y=alt.expr(f"{bottom} - 4"))
    return alt.layer(main, frame, inset, name).properties(width=width, height=height)


def _explorer_layer(boundaries: geo_shapes.Boundaries, codes: pd.DataFrame, org: str, first: int,
                    region: Region | None, box: str | None = None, fit: str | None = None,
                    later: dict | None = None) -> alt.Chart:
    idx = f"(year - {first})"
    char = f"substring(datum.code, {idx}, {idx} + 1)"
    shaded = f"isString(datum.code) && {char} != '.'"
    pick = f"split(datum.labels, '~')[indexof('{_CODES}', {char})]"
    word, no = f"{org} {geo_words.member_word(org)}", geo_words.not_member_word(org)
    parts = [t.split("|")[0] for v in codes["labels"] for t in v.split("~") if t.endswith("|*")]
    part = PART_WORDS.get(parts[0], PART_WORD) if parts else None
    domain = [word, part, no] if part else [word, no]
    shown = alt.ExprRef(key_values(codes, first, domain, [word, no])) if part else alt.Undefined  # West Germany's
    colour = theme.org_color(org)
    scale = alt.Scale(domain=domain, range=[colour, PART_COLOR, OUTSIDE] if part else [colour, OUTSIDE])
    projection = _projection(region)
    if box:  # fitted into a box of the view (an expression of its width and height) and cut at its edges
        projection.update(extent=alt.expr(box), clipExtent=alt.expr(box))
    if fit:
        projection["fit"] = alt.expr(fit)
    return _boundaries(boundaries, codes, ["code", "labels"], region, later).transform_calculate(
        shade=f"{shaded} ? (split({pick}, '|')[2] == '*' ? {json.dumps(part)} : '{word}') : '{no}'",
        who=f"{shaded} ? split({pick}, '|')[0] : datum.properties.name",
        standing=f"{shaded} ? split({pick}, '|')[1] : '{no}'",
    ).mark_geoshape(stroke=BORDER, strokeWidth=0.5, clip=True).encode(
        color=alt.Color("shade:N", scale=scale, title=None, legend=alt.Legend(orient="top", labelLimit=0,
                                                                               values=shown, **KEY_SWATCH)),
        tooltip=[alt.Tooltip("who:N", title="Country"), alt.Tooltip("standing:N", title="Status")],
    ).project(**projection)


def _compact(value) -> str:
    """JSON without spaces, for a value written inside a Vega expression."""
    return json.dumps(value, separators=(",", ":"))
