"""The palette and the offline renderer a notebook author relies on."""

from __future__ import annotations

import colorsys
import re
from pathlib import Path

import altair as alt
import pandas as pd
import pytest

from helpers import fonts, load, theme

CATEGORIES = ["founding", "enlargement", "arms_control", "intervention_war", "eurasian_track", "summit",
              "osce_document", "withdrawal_suspension"]


def _hsv(hex_colour: str):
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hsv(r, g, b)


def test_every_organisation_and_category_has_its_own_colour():
    # the organisations come from the data: adding a row to organisations.csv without a colour fails here
    orgs = list(load.organisations()["org_id"])
    missing = [o for o in orgs if o not in theme.ORG_COLORS]
    assert not missing, (f"{', '.join(missing)} has no colour in theme.ORG_COLORS; colours not yet used: "
                         f"{', '.join(theme.free_colours(_used()))}")
    assert sorted(theme.ORG_COLORS) == sorted(orgs), "theme.ORG_COLORS names an organisation the data does not have"
    assert sorted(theme.CATEGORY_COLORS) == sorted(CATEGORIES)


#: Every palette whose colours mean something (an organisation, an event category, a state's part of a bloc, a
#: member's background, a map's overlap category).
MEANINGS = {"organisation": theme.ORG_COLORS, "event category": theme.CATEGORY_COLORS,
            "part of a bloc": theme.PART_COLORS, "background": theme.BACKGROUND_COLORS,
            "overlap category": theme.OVERLAP_COLORS}
#: Colours that mean nothing of the kind: text, strokes, grey ramps.
NEUTRALS = [theme.NEUTRAL, theme.MUTED, theme.TEXT, theme.INK, theme.TICK, theme.OUTSIDE, theme.BORDER, theme.GRID,
            theme.ABSENT, theme.INSET_PAPER, theme.INSET_EDGE, *theme.TIE_GRADE_COLORS, *theme.PRESENCE_GREYS,
            *theme.CHECKED_GREYS]


def _clashes(meanings: dict, neutrals: list) -> list[str]:
    """Two meanings sharing a colour (an overlap category may wear the colour of an organisation it names), or a
    neutral colour that is also a meaning's."""
    seen: dict[str, str] = {}
    out = []
    for kind, palette in meanings.items():
        for key, colour in palette.items():
            c = colour.upper()
            named = key.removesuffix(" only").split(" + ")
            if c in seen and not (kind == "overlap category" and seen[c].split(" ", 1)[1] in named):
                out.append(f"{kind} {key!r} {colour} is already {seen[c]}")
            seen.setdefault(c, f"organisation {key}" if kind == "organisation" else f"{kind} {key}")
    out += [f"neutral {c} is {seen[c.upper()]}" for c in neutrals if c.upper() in seen]
    return out


def _used(meanings: dict | None = None, neutrals: list | None = None) -> list[str]:
    meanings, neutrals = MEANINGS if meanings is None else meanings, NEUTRALS if neutrals is None else neutrals
    return [c for p in meanings.values() for c in p.values()] + list(neutrals)


def _clash_report(meanings: dict, neutrals: list) -> str:
    """Every clash at once, one a line, and the safe colours no meaning uses yet (a colour refused one at a time
    sent a newcomer through three tries)."""
    clashes = _clashes(meanings, neutrals)
    if not clashes:
        return ""
    return "\n".join([*clashes, "colours not yet used: " + ", ".join(theme.free_colours(_used(meanings, neutrals)))])


def test_no_colour_means_two_things():
    everything = _used()
    assert all(re.fullmatch(r"#[0-9A-Fa-f]{6}", c) for c in everything)
    report = _clash_report(MEANINGS, NEUTRALS)
    assert not report, report


def test_a_clash_report_names_every_clash_and_the_free_colours():
    meanings = dict(MEANINGS, organisation={**theme.ORG_COLORS, "NEW": theme.CATEGORY_COLORS["summit"],
                                            "OTHER": theme.PART_COLORS[next(iter(theme.PART_COLORS))]})
    report = _clash_report(meanings, NEUTRALS)
    lines = report.splitlines()
    assert any("'NEW'" in x or "NEW" in x for x in lines) and any("OTHER" in x for x in lines)
    free = lines[-1].removeprefix("colours not yet used: ").split(", ")
    assert free and not {c.upper() for c in free} & {c.upper() for c in _used(meanings)}


def test_the_clash_check_sees_a_state_in_an_organisations_colour():
    parts = {"United States": theme.ORG_COLORS["NATO"]}
    assert _clashes({"organisation": theme.ORG_COLORS, "part of a bloc": parts}, []) == [
        f"part of a bloc 'United States' {theme.ORG_COLORS['NATO']} is already organisation NATO"]
    assert _clashes({"organisation": theme.ORG_COLORS}, [theme.ORG_COLORS["WEU"]]) != []


def test_every_colour_lives_in_the_theme():
    # a colour written into a chart module is one the checks above never see
    helpers = Path(__file__).resolve().parents[1] / "src" / "helpers"
    found = [f"{p.relative_to(helpers)}: {m}" for p in sorted(helpers.rglob("*.py")) if p.name != "theme.py"
             for m in re.findall(r"[\"']#[0-9A-Fa-f]{3,8}[\"']", p.read_text(encoding="utf-8"))]
    assert found == []


def test_an_organisation_without_a_colour_is_drawn_neutral_not_in_another_organisations_colour():
    assert theme.org_color("ZZ_TEST") == theme.NEUTRAL not in theme.ORG_COLORS.values()
    assert theme.org_color("SCO") == theme.ORG_COLORS["SCO"]


def test_no_organisation_is_painted_alarm_red():
    for org, colour in theme.ORG_COLORS.items():
        h, s, v = _hsv(colour)
        hue = h * 360
        assert not ((hue < 20 or hue > 340) and s > 0.5 and v > 0.4), f"{org} is red ({colour})"


def test_org_scale_keeps_the_given_order_and_colours():
    scale = theme.org_scale(["SCO", "NATO"]).to_dict()
    assert scale == {"domain": ["SCO", "NATO"], "range": [theme.ORG_COLORS["SCO"], theme.ORG_COLORS["NATO"]]}
    assert theme.org_scale("NATO, CSTO").to_dict()["domain"] == ["NATO", "CSTO"]


def test_unknown_organisation_is_refused_with_the_allowed_ids():
    with pytest.raises(ValueError, match=r"unknown organisation id 'NAT0'; allowed: NATO, PFP"):
        theme.org_scale(["NATO", "NAT0"])
    with pytest.raises(ValueError, match="unknown event category 'war'"):
        theme.category_scale(["war"])


def test_theme_is_enabled_with_a_font_stack_that_has_arabic_glyphs():
    spec = alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(x="a:Q").to_dict()
    assert spec["config"]["font"] == fonts.STACK and "Noto Naskh Arabic" in fonts.STACK  # Arabic glyphs, committed


def test_charts_display_offline_in_jupyterlab_as_vega5_with_tooltips():
    frame = pd.DataFrame({"org": ["NATO", "SCO"], "n": [32, 10]})
    chart = alt.Chart(frame, title="Two bars").mark_bar().encode(x="org:N", y="n:Q", tooltip=["org:N", "n:Q"])
    bundle = chart._repr_mimebundle_()
    if isinstance(bundle, tuple):
        bundle = bundle[0]
    # JupyterLab 4.6 bundles renderers for vega v5 and vega-lite up to v5; Altair 6 writes vega-lite v6
    assert set(bundle) == {"application/vnd.vega.v5+json", "text/plain"}
    vega = bundle["application/vnd.vega.v5+json"]
    assert vega["$schema"].endswith("/vega/v5.json")
    assert any(m.get("type") == "rect" for m in vega["marks"])
    assert "tooltip" in str(vega["marks"])  # the compiled spec keeps its tooltip encoding
    assert bundle["text/plain"] == "<chart: Two bars>"  # no memory address, no random id
    assert "altair-viz" not in str(bundle)


# --- marks a reader can see: contrast with the page and distance between categories, light and dark ---
LIGHT_PAGE, DARK_PAGE = "#ffffff", "#16181b"  # report.css --report-bg


def _luminance(hex_colour: str) -> float:
    c = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _on_dark(hex_colour: str, swap: dict | None = None) -> str:
    """The colour report.js draws on a dark page: the chart's own swap, else a dark colour lightened 55%."""
    if (swap or {}).get(hex_colour.lower()):
        return swap[hex_colour.lower()]
    rgb = [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]
    if (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255 >= 0.4:
        return hex_colour
    return "#" + "".join(f"{round(c + (255 - c) * 0.55):02x}" for c in rgb)


def _lab(hex_colour: str):
    c = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    c = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
    xyz = ((0.4124 * c[0] + 0.3576 * c[1] + 0.1805 * c[2]) / 0.95047, 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2],
           (0.0193 * c[0] + 0.1192 * c[1] + 0.9505 * c[2]) / 1.08883)
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def _distance(a: str, b: str) -> float:
    return sum((x - y) ** 2 for x, y in zip(_lab(a), _lab(b))) ** 0.5


def test_event_category_marks_stand_out_from_the_page_in_light_and_dark():
    # 01's timeline dots and 09's verdict bars: Tol's sand (the article's own events) was 1.6:1 on white
    low = [f"{k} {c}: {_contrast(c, LIGHT_PAGE):.2f} light, {_contrast(_on_dark(c), DARK_PAGE):.2f} dark"
           for k, c in theme.CATEGORY_COLORS.items()
           if min(_contrast(c, LIGHT_PAGE), _contrast(_on_dark(c), DARK_PAGE)) < 3]
    assert low == []


def test_member_backgrounds_stay_apart_on_a_dark_page():
    # 02's accessions: 'former USSR' lightened on a dark page came out the pink of 'former Warsaw Pact'
    swap = theme.dark_swap(theme.BACKGROUND_DARK, theme.BACKGROUND_DARK.values())
    drawn = {k: _on_dark(c, swap) for k, c in theme.BACKGROUND_COLORS.items()}
    near = [(a, b, round(_distance(drawn[a], drawn[b]))) for a in drawn for b in drawn
            if a < b and _distance(drawn[a], drawn[b]) < 25]
    assert near == []
    assert all(_contrast(c, DARK_PAGE) >= 3 for c in drawn.values())


def test_the_accession_chart_carries_its_dark_colours():
    from helpers.charts import euroatlantic
    members = pd.DataFrame({"name": ["A"], "joined": pd.to_datetime(["1999-03-12"]), "background": ["former USSR"]})
    spec = euroatlantic.accession_timeline(members, title="t", description="d").to_dict()
    assert spec["usermeta"]["dark"] == theme.BACKGROUND_DARK and "#994455" in theme.BACKGROUND_DARK


def test_small_grey_labels_read_at_4_5_to_1_on_both_pages():
    # 01's timeline: the events the article does not cite, 11.5 px text, were #7f7f7f (4.0:1 on white)
    dark = _on_dark(theme.QUIET_TEXT, theme.dark_swap([theme.QUIET_TEXT], [theme.QUIET_TEXT_DARK]))
    assert _contrast(theme.QUIET_TEXT, LIGHT_PAGE) >= 4.5 and _contrast(dark, DARK_PAGE) >= 4.5


def test_russia_and_china_parts_differ_and_estimate_outlines_show_on_a_dark_page():
    # 05's bars: Russia (salmon) and China (pink) were 33 apart in Lab; the dashed estimate outline, black on a
    # dark page, was 1.2:1 against its ground: a light ring under it shows it there
    assert _distance(theme.PART_COLORS["Russia"], theme.PART_COLORS["China"]) >= 50
    assert _contrast(theme.ESTIMATE_HALO_DARK, DARK_PAGE) >= 3
