"""Each membership map framed on the region it is about, at a desktop's and a phone's width (data editor, issue 23,
finding 7): 03's OSCE map without empty caps above and below, 08's overlap map with Norway's and Russia's Arctic
inside its top edge, 02's NATO map with North America's inset in the corner the Arctic took."""

from __future__ import annotations

import re

import pytest
import vl_convert as vlc

from helpers import load, theme
from helpers.charts import map_regions, maps
from helpers.tables import geo, geo_shapes

ATLAS = geo.Atlas(load.state_lineage(), load.states(), load.organisations(),
                  boundaries=geo_shapes.Boundaries(load.boundaries(), load.geo_features()))


@pytest.fixture(scope="module")
def m():
    return load.memberships()


def _at_width(chart, width: int) -> tuple[dict, str]:
    """The chart drawn ``width`` px wide, as the page draws it (its height follows its width), and its SVG."""
    spec = chart.to_dict()
    spec.pop("title", None)
    meta = spec.get("usermeta", {})
    phone = meta.get("phone_aspect") and width < meta.get("phone_width", 0)
    spec["width"], spec["height"] = width, round(width * (meta["phone_aspect"] if phone else meta["aspect"]))
    return spec, vlc.vegalite_to_svg(spec, vl_version=theme.vl_version())


def _shapes(svg: str) -> dict[str, tuple[float, float, float, float]]:
    """Each named country shape's box (x0, y0, x1, y1) in the view's coordinates (clipped shapes keep their points)."""
    out: dict[str, tuple[float, float, float, float]] = {}
    for label, d in re.findall(r'<path[^>]*aria-label="([^"]*)"[^>]*\sd="([^"]+)"', svg):
        name = re.search(r"Country: ([^;]*);", label)
        points = [(float(x), float(y)) for x, y in re.findall(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)", d)]
        if not name or not points:
            continue
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        old = out.get(name.group(1), (1e9, 1e9, -1e9, -1e9))
        out[name.group(1)] = (min(old[0], *xs), min(old[1], *ys), max(old[2], *xs), max(old[3], *ys))
    return out


def _filled(boxes, width: int, height: int) -> tuple[float, float]:
    """Shares of the view's width and height that drawn land reaches (boxes clipped to the view)."""
    inside = [b for b in boxes.values() if b[2] > 0 and b[0] < width and b[3] > 0 and b[1] < height]
    x0, x1 = max(0, min(b[0] for b in inside)), min(width, max(b[2] for b in inside))
    y0, y1 = max(0, min(b[1] for b in inside)), min(height, max(b[3] for b in inside))
    return (x1 - x0) / width, (y1 - y0) / height


@pytest.mark.parametrize("width", [960, 340])
def test_03_osce_map_is_fitted_to_the_osce_area_without_empty_caps(m, width):
    """The polar view fitted to its clip circle left about 30% of the map blank above and below, and Europe was
    about 100 px wide on a phone."""
    chart = maps.membership_map(m, "2024-04-30", atlas=ATLAS, region="osce", title="t")
    spec, svg = _at_width(chart, width)
    boxes = _shapes(svg)
    wide, tall = _filled(boxes, spec["width"], spec["height"])
    assert wide >= 0.95 and tall >= 0.95, f"land fills {wide:.0%} × {tall:.0%} of the {width} px map"
    europe = [boxes[n] for n in ("Portugal", "Finland", "Poland")]
    across = max(b[2] for b in europe) - min(b[0] for b in europe)
    # on a phone Europe and Central Asia fill the frame (Europe was under 60 px of 340); wide, the whole area
    least = 0.3 if width < map_regions.PHONE_WIDTH else 0.15
    assert across >= least * width, f"Portugal to Finland spans {across:.0f} px of {width}"
    for name in ("Portugal", "Kazakhstan", "Ukraine", "Türkiye"):
        x0, y0, x1, y1 = boxes[name]
        assert x0 >= -1 and y0 >= -1 and x1 <= spec["width"] + 1 and y1 <= spec["height"] + 1, f"{name} is cut"
    if width > map_regions.PHONE_WIDTH:  # the whole area on a wide screen, North America with it
        assert boxes["Canada"][2] > 0 and boxes["Canada"][0] < spec["width"]


@pytest.mark.parametrize("width", [960, 340])
def test_08_overlap_map_keeps_the_arctic_of_norway_and_russia_inside_its_top_edge(m, width):
    chart = maps.membership_map(m, "2024-07-04", atlas=ATLAS, region="eurasia-wide", title="t")
    spec, svg = _at_width(chart, width)
    boxes = _shapes(svg)
    for name in ("Norway", "Russia"):
        if boxes[name][3] > 0 and boxes[name][0] < spec["width"] and boxes[name][2] > 0:
            assert boxes[name][1] >= -1, f"{name} is cut at the top of the {width} px map: {boxes[name]}"
    wide, tall = _filled(boxes, spec["width"], spec["height"])
    assert wide >= 0.9 and tall >= 0.9


def test_02_nato_map_puts_north_america_in_a_corner_over_open_sea():
    """The inset of North America sat in the upper-left corner, over part of Greenland, a NATO territory (data
    editor, review 8, low 13); it now sits in the lower-left corner, over the Atlantic west of Iberia, and covers
    no member's land: Greenland and Iceland are drawn whole."""
    chart = maps.membership_explorer(load.memberships(), "NATO", "2024-04-30", atlas=ATLAS)
    spec, svg = _at_width(chart, 960)
    paper = re.search(rf'<path d="M(-?[\d.]+),(-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)[^"]*" fill="{theme.INSET_PAPER}"', svg)
    assert paper, "no inset drawn"
    x, y, w, h = map(float, paper.groups())
    assert abs(x) <= 1 and abs(y + h - spec["height"]) <= 1 and w < 0.35 * spec["width"] and h < 0.45 * spec["height"]
    region = map_regions.REGIONS["north-atlantic"]
    assert region.west >= -32  # Iceland (24°W) is the frame's west
    member = theme.org_color("NATO")
    under = set()
    main = svg.split('class="mark-shape role-mark layer_0_marks"')[1].split("role-mark layer_1_marks")[0]
    for label, d, fill in re.findall(r'<path[^>]*aria-label="([^"]*)"[^>]*\sd="([^"]+)"[^>]*fill="([^"]+)"', main):
        name = re.search(r"Country: ([^;]*);", label)
        if not name or fill.lower() != member.lower():
            continue
        points = [(float(a), float(b)) for a, b in re.findall(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)", d)]
        if any(x + 1 < px < x + w - 1 and y + 1 < py < y + h - 1 for px, py in points):
            under.add(name.group(1))
    assert under == set(), f"the inset covers NATO territory: {sorted(under)}"
    _, phone = _at_width(chart, 340)
    small = re.search(rf'<path d="M(-?[\d.]+),(-?[\d.]+)[^"]*" fill="{theme.INSET_PAPER}"', phone)
    assert small and float(small.group(2)) > 100  # a phone keeps the inset in a band under the map


@pytest.mark.parametrize("width", [960, 340])
def test_03_osce_map_shows_north_america_on_a_phone_in_an_inset(m, width):
    """At 390 px the OSCE map's phone frame (Europe and Central Asia) cut off the United States and Canada, which
    its title counts; a band under it now shows them whole; a wide map shows them itself and has no inset."""
    chart = maps.membership_map(m, "2024-04-30", atlas=ATLAS, region="osce", title="t")
    spec, svg = _at_width(chart, width)
    share: dict[str, list[float]] = {}
    for label, d in re.findall(r'<path[^>]*aria-label="([^"]*)"[^>]*\sd="([^"]+)"', svg):
        name = re.search(r"Country: ([^;]*);", label)
        pts = [(float(x), float(y)) for x, y in re.findall(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)", d)]
        if name and pts:
            inside = sum(-1 <= x <= spec["width"] + 1 and -1 <= y <= spec["height"] + 1 for x, y in pts) / len(pts)
            share.setdefault(name.group(1), []).append(inside)
    # the most whole drawing of each (the main map clips them on a phone; Hawaii and the Aleutians lie outside)
    best = {n: round(max(share.get(n, [0])), 2) for n in ("United States", "Canada")}
    cut = {n: v for n, v in best.items() if v < 0.8}
    # (wide, the test above checks that the whole area, North America with it, is in view)
    assert not cut or width > map_regions.PHONE_WIDTH, f"at {width} px North America is cut (share in view): {cut}"
    named = re.findall(r"<text[^>]*>North America</text>", svg)
    shown = [t for t in named if 'opacity="0"' not in t]
    assert len(shown) == (width < map_regions.PHONE_WIDTH), f"the inset's name at {width} px: {named}"


@pytest.mark.parametrize("width", [960, 340])
def test_08_sco_map_is_fitted_to_the_sco_without_an_empty_band(m, width):
    """Data editor (review 8, low 12): the SCO map, fitted to a box whose corners ran into Africa and the Pacific,
    had about 200 px of empty space above it at 1280 and sat to the left; at 390 it was about 290 × 220 px and
    Kyrgyzstan and Tajikistan could not be read. The SCO's members now reach the map's edges, and a phone frames
    Belarus to the Sea of Japan, larger."""
    chart = maps.membership_explorer(m, "SCO", "2024-07-04", atlas=ATLAS)
    spec, svg = _at_width(chart, width)
    boxes = _shapes(svg)
    members = {n: boxes[n] for n in ("Russia", "China", "India", "Belarus", "Iran", "Pakistan", "Kazakhstan")}
    wide, tall = _filled(members, spec["width"], spec["height"])
    # (on a phone Europe's edge shows west of Belarus: a box's corner, not an empty band)
    least = 0.85 if width < map_regions.PHONE_WIDTH else 0.95
    assert wide >= least and tall >= 0.93, f"the members fill {wide:.0%} × {tall:.0%} of the {width} px map"
    for name in ("India", "Belarus", "Iran", "Kyrgyzstan", "Tajikistan"):
        x0, y0, x1, y1 = boxes[name]
        assert x0 >= -1 and y0 >= -1 and x1 <= spec["width"] + 1 and y1 <= spec["height"] + 1, f"{name} is cut"
    kyrgyzstan = boxes["Kyrgyzstan"][2] - boxes["Kyrgyzstan"][0]
    assert kyrgyzstan >= (0.04 if width < map_regions.PHONE_WIDTH else 0.03) * width, f"Kyrgyzstan {kyrgyzstan:.0f} px"


def _drawings(svg: str) -> list[tuple[str, list[tuple[float, float]]]]:
    """Every country shape drawn (a name may be drawn more than once: the main map, an inset), with its points."""
    out = []
    for label, d in re.findall(r'<path[^>]*aria-label="([^"]*)"[^>]*\sd="([^"]+)"', svg):
        name = re.search(r"Country: ([^;]*);", label)
        pts = [(float(x), float(y)) for x, y in re.findall(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)", d)]
        if name and pts:
            out.append((name.group(1), pts))
    return out


@pytest.mark.parametrize("width", [960, 340])
def test_03_osce_map_on_a_phone_shows_russias_east_and_mongolia_in_an_inset(m, width):
    """Data editor (review 9, M8): at 390 px the OSCE map's phone frame (Europe and Central Asia, Europe kept at a
    third of the width) cut Russia east of Lake Baikal, the "to Vladivostok" half of the area, and showed Mongolia
    as a strip at its edge. A second inset, beside North America's in the band under the map, now draws Russia's
    east to Chukotka and Kamchatka and Mongolia whole; a wide map shows them itself and has no inset."""
    chart = maps.membership_map(m, "2024-04-30", atlas=ATLAS, region="osce", title="t")
    spec, svg = _at_width(chart, width)
    papers = [tuple(map(float, g)) for g in re.findall(
        rf'<path d="M(-?[\d.]+),(-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)[^"]*" fill="{theme.INSET_PAPER}"(?![^>]*opacity="0")',
        svg)]
    named = [t for t in re.findall(r"<text[^>]*>Russia&#39;s east, Mongolia</text>|<text[^>]*>Russia's east, "
                                   r"Mongolia</text>", svg) if 'opacity="0"' not in t]
    if width > map_regions.PHONE_WIDTH:
        assert papers == [] and named == [], "a wide map shows the whole area itself: no inset"
        return
    assert len(papers) == 2 and len(named) == 1, f"the phone map's insets: {papers}, names {named}"
    x, y, w, h = max(papers)  # the right-hand one
    assert x + w <= spec["width"] + 1 and y + h <= spec["height"] + 1

    def inside(pts):
        return sum(x <= px <= x + w and y <= py <= y + h for px, py in pts) / len(pts)
    best = {n: max([inside(p) for name, p in _drawings(svg) if name == n] or [0]) for n in ("Mongolia", "Russia")}
    assert best["Mongolia"] >= 0.99, f"Mongolia is not whole in the inset: {best}"
    # Russia east of the Yenisei is most of its outline (the Arctic and Pacific coasts, Kamchatka, Chukotka)
    assert best["Russia"] >= 0.5, f"Russia's east is not in the inset: {best}"
    # and the main map keeps Europe at a third of the width (the rule the phone frame was chosen for)
    boxes = _shapes(svg)
    europe = [boxes[n] for n in ("Portugal", "Finland", "Poland")]
    assert max(b[2] for b in europe) - min(b[0] for b in europe) >= 0.3 * width
