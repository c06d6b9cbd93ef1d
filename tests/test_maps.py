"""Membership maps as a reader gets them: drawn offline (boundaries inside the spec), the right shapes shaded in
the exported SVG, and an explorer whose slider starts at the report's date and moves over the organisation's
years."""

from __future__ import annotations

import json
import re

import pytest
import vl_convert as vlc

from helpers import load, membership, theme
from helpers.charts import map_regions, maps
from helpers.tables import geo, geo_shapes

NATO_BLUE = theme.ORG_COLORS["NATO"]


@pytest.fixture(scope="module")
def m():
    return load.memberships()


ATLAS = geo.Atlas(load.state_lineage(), load.states(), load.organisations(),
                  boundaries=geo_shapes.Boundaries(load.boundaries(), load.geo_features()))


def shaded_shapes(svg: str, colour: str) -> int:
    return len(re.findall(rf'<path[^>]*aria-roledescription="geoshape"[^>]*fill="{colour}"', svg))


def svg_of(chart) -> str:
    return vlc.vegalite_to_svg(chart.to_dict(), vl_version=theme.vl_version())


def test_map_spec_is_offline_and_small(m):
    spec = maps.membership_map(m, "2024-04-30", atlas=ATLAS, org="NATO", title="NATO on 30 Apr 2024").to_dict()
    text = json.dumps(spec)
    assert '"url"' not in text  # nothing to fetch: a page opened from file:// cannot
    assert spec["mark"]["type"] == "geoshape" and spec["projection"]["type"] == "azimuthalEqualArea"
    assert spec["data"]["format"] == {"type": "topojson", "feature": "countries"}
    assert len(text) < 120_000, f"map spec is {len(text)} bytes"
    topo = spec["datasets"][spec["data"]["name"]] if "name" in spec["data"] else spec["data"]["values"]
    held = {g["id"] for g in topo["objects"]["countries"]["geometries"]}
    assert {"840", "124", "643", "156", "356", "398"} <= held  # USA, Canada, Russia, China, India, Kazakhstan
    assert "032" not in held and "710" not in held  # Argentina, South Africa: out of view


@pytest.mark.parametrize("when, expected", [("1991-12-31", 16), ("2024-12-31", 32)])
def test_exported_nato_map_shades_exactly_its_members(m, when, expected):
    svg = svg_of(maps.membership_map(m, when, atlas=ATLAS, org="NATO", title="NATO"))
    # every member, and Greenland drawn with Denmark
    assert shaded_shapes(svg, NATO_BLUE) == expected + 1 == membership.count_as_of(m, "NATO", when) + 1


def test_osce_map_shades_every_drawable_participating_state(m):
    when = "2024-04-30"
    svg = svg_of(maps.membership_map(m, when, atlas=ATLAS, org="OSCE", title="OSCE"))
    status = geo.feature_status(m, "OSCE", when, atlas=ATLAS)
    in_view = status[status["feature"].isin(maps.view_keys(ATLAS.boundaries))]
    assert shaded_shapes(svg, theme.ORG_COLORS["OSCE"]) == int(in_view["member"].sum()) >= 50
    assert "USSR" not in svg and "Country: Kazakhstan; Status: participating state" in svg


def test_overlap_map_has_tooltips_and_a_legend_of_categories(m):
    spec = maps.membership_map(m, "2024-04-30", atlas=ATLAS, title="Overlaps").to_dict()
    assert [t["title"] for t in spec["encoding"]["tooltip"]] == ["Country", "Status"]
    domain = spec["encoding"]["color"]["scale"]["domain"]
    assert "NATO + OSCE" in domain and "CSTO + SCO + OSCE" in domain and domain[-1] == geo.NONE_CATEGORY
    svg = svg_of(maps.membership_map(m, "1985-12-31", atlas=ATLAS, title="Overlaps in 1985"))
    assert "USSR (drawn as its successor states&#39; territory)" in svg or \
        "USSR (drawn as its successor states' territory)" in svg


@pytest.fixture(scope="module")
def explorer(m):
    return maps.membership_explorer(m, "NATO", "2024-04-30", atlas=ATLAS, title="NATO grew to 32 members",
                                    description="A map of NATO's members, moved by a year slider.")


def test_explorer_timeline_runs_from_founding_to_the_report_and_starts_there(m, explorer):
    spec = explorer.to_dict()
    (param,) = [p for p in spec["params"] if p["name"] == "year"]
    assert param["value"] == 2024 and "bind" not in param  # the page's own timeline moves it
    tl = spec["usermeta"]["timeline"]
    assert (tl["first"], tl["start"], tl["last"]) == (1949, 2024, 2024)  # not on to 2025, past the report
    assert {1952, 1955, 1982, 1999, 2004, 2009, 2017, 2020, 2023, 2024} <= set(tl["ticks"])  # the accessions
    assert tl["captions"]["2024"] == "NATO on 30 Apr 2024: 32 members"
    assert sum(1 for _, a, b in tl["members"] if a <= 1949 < b) == 12


def test_explorer_frames_its_region_and_export_shows_the_reports_own_date(explorer):
    spec = explorer.to_dict()
    main, _, inset, _ = spec["layer"]
    assert main["projection"]["type"] == inset["projection"]["type"] == "conicEqualArea"
    assert "fit" in main["projection"] and "fit" in inset["projection"]
    svg = svg_of(explorer)
    # the 30 European members and Greenland, drawn with Denmark, in the main frame, which starts at Iceland (the
    # United States and Canada lie west of it); the United States, Canada, Greenland and France's Saint Pierre and
    # Miquelon in the inset
    assert shaded_shapes(svg, NATO_BLUE) == 31 + 4
    assert "North America" in svg


@pytest.mark.parametrize("year, expected", [(1949, 12), (1991, 16), (2024, 32)])
def test_explorer_data_give_the_count_the_map_and_the_list_of_each_year(m, year, expected):
    data = maps.explorer_data(m, "NATO", "2024-04-30", atlas=ATLAS)
    years = data["years"].set_index("year")
    assert years.at[year, "members"] == expected and f": {expected} members" in years.at[year, "heading"]
    first = int(years.index.min())
    assert sum(code[year - first] != "." for code in data["codes"]["code"]) == expected + 1  # and Greenland
    members = data["members"]
    assert int(((members["from"] <= year) & (year < members["to"])).sum()) == expected


def test_the_explorer_slider_reaches_a_report_date_later_than_the_membership_data():
    from helpers import load
    from helpers.charts import maps
    from helpers.tables import geo

    memberships = load.memberships()
    later = geo.last_data_year(memberships) + 1
    data = maps.explorer_data(memberships, "NATO", f"{later}-04-01", atlas=ATLAS)
    assert int(data["years"]["year"].max()) == later  # the report's own date is on the slider, not an error
    # before the SCO: the slider starts at the report
    early = maps.explorer_data(memberships, "SCO", "1996-04-26", atlas=ATLAS)
    assert int(early["years"]["year"].min()) == 1996


def test_the_explorer_slider_ends_at_the_report_date_year():
    # editor review 7: the slider ran to 2025, past the 30 Apr 2024 report date
    from helpers import load

    data = maps.explorer_data(load.memberships(), "NATO", "2024-04-30", atlas=ATLAS)
    assert int(data["years"]["year"].max()) == 2024
    spec = maps.membership_explorer(load.memberships(), "NATO", "2024-04-30", atlas=ATLAS).to_dict()
    assert spec["usermeta"]["timeline"]["last"] == 2024


def _drawn_extent(svg: str) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1) of every coloured country shape's points in an exported map."""
    points = [(float(x), float(y)) for d in re.findall(r'aria-roledescription="geoshape"[^>]*\sd="([^"]+)"', svg)
              for x, y in re.findall(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)", d)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def test_08s_overlap_map_frames_eurasia_and_fills_its_box(m):
    # 08's overlap map used the wide view centred on Central Europe: North America took its left half and a third
    # of its height was empty; it now frames Eurasia, Atlantic to Pacific, and on a phone the SCO's and CSTO's space
    chart = maps.membership_map(m, "2024-07-04", atlas=ATLAS, title="Overlaps", region="eurasia-wide")
    spec = chart.to_dict()
    drawn = spec["datasets"][spec["data"]["name"]]["objects"]["countries"]["geometries"]
    names = {g["properties"]["name"] for g in drawn}
    assert {"Portugal", "Japan", "India", "Kazakhstan"} <= names and not {"United States of America", "Canada"} & names
    fit = spec["projection"]["fit"]["expr"]
    assert fit.startswith(f"width < {map_regions.PHONE_WIDTH} ?") and spec["usermeta"]["phone_width"] == map_regions.PHONE_WIDTH
    x0, y0, x1, y1 = _drawn_extent(svg_of(chart))
    width, height = spec["width"], spec["height"]
    assert x1 - x0 >= 0.9 * width and y1 - y0 >= 0.9 * height  # the region fills the map, edge to edge


LATIN = re.compile(r"[A-Za-z]")


def _datasets(spec: dict) -> list:
    return list((spec.get("datasets") or {}).values())


def _shape_names(spec: dict) -> list[str]:
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "Topology":
                found.extend(g["properties"]["name"] for g in node["objects"]["countries"]["geometries"])
            else:
                for value in node.values():
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    return found


def test_the_arabic_maps_name_every_shape_in_arabic(m):
    """A map's tooltip on an Arabic page named its shapes in English ('Somaliland (drawn as part of Somaliland)',
    'Greenland (Denmark)', the explorer's every 'Albania|member'), and 'Dem. Rep. Congo' as Congo-Brazzaville.
    Each label, the explorer's packed tooltips and the shapes' own names are Arabic, with no English left."""
    from helpers.i18n import chart_words

    overlap = chart_words.translate_spec(maps.membership_map(m, "2024-04-30", atlas=ATLAS, title="t").to_dict())
    labels = [row["label"] for rows in _datasets(overlap) if isinstance(rows, list) for row in rows if "label" in row]
    assert labels and [x for x in labels if LATIN.search(x)] == []
    details = {row["detail"] for rows in _datasets(overlap) if isinstance(rows, list) for row in rows
               if "detail" in row}
    assert details and [x for x in details if LATIN.search(x)] == []  # 'none of NATO, CSTO, SCO, OSCE' was English
    assert chart_words.isolate("أرض الصومال (على الخريطة: جزء من الصومال)") in labels
    assert chart_words.isolate("الكونغو - كينشاسا") in labels
    explorer = chart_words.translate_spec(maps.membership_explorer(m, "NATO", "1985-12-31", atlas=ATLAS).to_dict())
    packed = [row[chart_words.PACKED] for rows in _datasets(explorer) if isinstance(rows, list) for row in rows
              if chart_words.PACKED in row]
    assert packed and [x for x in packed if LATIN.search(x)] == []
    assert any("ألمانيا الغربية" in x for x in packed)
    shapes = _shape_names(explorer)
    assert shapes and [x for x in shapes if LATIN.search(x)] == []


def test_naming_shapes_in_arabic_reads_no_data_a_page_would_list(tmp_path, monkeypatch):
    """The Arabic names of the boundary file's shapes come from CLDR by code; reading the file for its names is not
    a read of the page's data (through the loader it was logged, and every Arabic page listed the boundary file
    among its data files, with a new data version), and a term with its expansion in brackets is left as it was."""
    from helpers import i18n

    log = tmp_path / "reads.log"
    monkeypatch.setenv("NATO_READ_LOG", str(log))
    i18n.names.cache_clear()
    try:
        assert i18n.text("Central African Rep.", "ar") == "جمهورية أفريقيا الوسطى"
    finally:
        i18n.names.cache_clear()
    assert "countries-110m.json" not in (log.read_text() if log.exists() else "")
    assert i18n.text("NATO (North Atlantic Treaty Organization)", "ar") == "NATO (North Atlantic Treaty Organization)"


def _explorer_svg_at(memberships, year: int) -> str:
    spec = maps.membership_explorer(memberships, "NATO", "2024-04-30", atlas=ATLAS).to_dict()
    for p in spec["params"]:
        if p["name"] == "year":
            p["value"] = year
    return vlc.vegalite_to_svg(spec, vl_version=theme.vl_version())


def _faded_shapes(svg: str) -> list[str]:
    return [p for p in re.findall(r'<path[^>]*aria-roledescription="geoshape"[^>]*>', svg)
            if f'fill="{maps.PART_COLOR}"' in p]


def _names_in(timeline: dict, year: int) -> set[str]:
    return {n for n, a, b in timeline["members"] if a <= year < b}


def test_before_unification_germany_is_drawn_and_listed_as_west_germany_only(m):
    # editor review 9: at 1980 the whole of today's Germany, the GDR's territory too, was drawn as NATO and listed
    # as "Germany"; the GDR left the Warsaw Pact and joined the Federal Republic on 3 October 1990
    before, after = _explorer_svg_at(m, 1980), _explorer_svg_at(m, 1991)
    assert re.search(r"West Germany only \(today(&#39;|'|&apos;)s outline includes the GDR\)", before)  # its key
    assert len(_faded_shapes(before)) == 1  # Germany's shape is faded, not a full member's fill
    assert _faded_shapes(after) == []  # after unification it is a whole member
    timeline = maps.membership_explorer(m, "NATO", "2024-04-30", atlas=ATLAS).to_dict()["usermeta"]["timeline"]
    assert "West Germany (Federal Republic)" in _names_in(timeline, 1980) and "Germany" not in _names_in(timeline, 1980)
    assert "Germany" in _names_in(timeline, 1991) and "West Germany (Federal Republic)" not in _names_in(timeline, 1991)


def _contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""
    def lum(c):
        rgb = [int(c[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("which", ["explorer", "overlap"])
def test_the_not_a_member_key_square_stands_out_from_the_page(m, explorer, which):
    """Data editor (review 9, low 13): the key's "not a member" square (#eeeeee on white) was almost invisible.
    Every square of a map's key is now outlined in a grey that stands out from the white page (3:1 at least)."""
    chart = explorer if which == "explorer" else maps.membership_map(m, "2024-04-30", atlas=ATLAS, region="osce",
                                                                     title="t")
    svg = svg_of(chart)
    squares = re.findall(r'<g class="mark-symbol role-legend-symbol[^"]*"[^>]*>(.*?)</g>', svg, re.S)
    paths = re.findall(r'<path[^>]*>', "".join(squares))
    assert paths, "no key drawn"
    pale = [p for p in paths if re.search(rf'fill="{maps.OUTSIDE}"', p, re.I)]
    assert pale, "the key has no 'not a member' / 'none of them' square"
    for p in pale:
        stroke = re.search(r'stroke="(#[0-9a-fA-F]{6})"', p)
        assert stroke and _contrast(stroke.group(1), "#ffffff") >= 3, f"the pale square has no visible edge: {p}"
