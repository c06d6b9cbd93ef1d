"""One palette, one font stack, one Altair theme and one offline renderer for the whole collection.

Importing this module (``from helpers import theme``) registers and enables both, once:

- the Altair theme ``nato_report`` (fonts with Arabic glyphs, quiet axes, the organisation palette as the default
  categorical range);
- the Altair renderer ``nato_offline``. Altair 6 writes Vega-Lite 6 specs, but JupyterLab 4.6 only ships renderers
  for ``application/vnd.vegalite.v3/v4/v5+json`` and ``application/vnd.vega.v5+json``. The renderer therefore
  compiles the chart to Vega with ``vl_convert`` (no network) and emits it under the Vega 5 mime type, which
  JupyterLab draws with its bundled renderer, tooltips included. The bundle has no random ids and no memory
  addresses, so executed notebooks stay byte-stable.

Colours: the organisation colours come from the Okabe–Ito palette (safe for the common colour-vision
deficiencies). No organisation gets red, so no side reads as "the danger"; Euro-Atlantic bodies are blues/green,
Eurasian bodies oranges/purple, dissolved or proposed structures grey/black. Event categories use Paul Tol's
"muted" scheme so they never collide with an organisation's colour.
"""

from __future__ import annotations

import copy
import json

import altair as alt

from helpers import fonts

# The committed Noto copies (helpers/fonts), registered with vl-convert here so exports never depend on the
# machine's fonts.
FONT = fonts.STACK
fonts.register()

#: The colour-blind-safe sets a new meaning's colour is chosen from: Okabe–Ito's eight and Paul Tol's qualitative
#: schemes (https://personal.sron.nl/~pault/#sec:qualitative). :func:`free_colours` lists those not yet used
#: (``python -m helpers.theme``); a colour taken from them must still pass ``tests/test_theme.py`` (no alarm red,
#: apart from every other meaning).
SAFE_SETS: dict[str, tuple[str, ...]] = {
    "Okabe-Ito": ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"),
    "Tol bright": ("#4477AA", "#66CCEE", "#228833", "#CCBB44", "#EE6677", "#AA3377", "#BBBBBB"),
    "Tol vibrant": ("#0077BB", "#33BBEE", "#009988", "#EE7733", "#CC3311", "#EE3377", "#BBBBBB"),
    "Tol muted": ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499",
                  "#DDDDDD"),
    "Tol medium-contrast": ("#6699CC", "#004488", "#EECC66", "#994455", "#997700", "#EE99AA"),
    "Tol light": ("#77AADD", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00", "#EEDD88", "#EE8866", "#FFAABB", "#DDDDDD"),
}


def free_colours(used) -> list[str]:
    """The colours of :data:`SAFE_SETS` that ``used`` (hex strings, any case) does not hold, each once, in order."""
    taken = {c.upper() for c in used}
    return list(dict.fromkeys(c for colours in SAFE_SETS.values() for c in colours if c.upper() not in taken))


ORG_COLORS: dict[str, str] = {
    "NATO": "#0072B2",  # blue
    "PFP": "#56B4E9",  # sky blue (NATO's partnership programme)
    "OSCE": "#009E73",  # bluish green
    "SHANGHAI5": "#F0E442",  # yellow (the SCO's forerunner)
    "SCO": "#E69F00",  # orange
    "CSTO": "#CC79A7",  # reddish purple
    "WARSAW": "#999999",  # grey (dissolved)
    "EURASIAN_FRAMEWORK": "#000000",  # black (proposed)
    "RU_CN_TREATY_2001": "#D55E00",  # vermillion (bilateral treaty compared in 07)
    # the other defence pacts of notebook 02's case set, and NATO's other partnership frameworks (notebook 08)
    "RIO": "#6699CC",  # steel blue
    "ANZUS": "#004488",  # dark blue
    "WEU": "#BBBBBB",  # light grey (dissolved)
    "SEATO": "#777777",  # mid grey (dissolved)
    "CENTO": "#555555",  # dark grey (dissolved)
    "MD": "#9FC5E8",  # pale blue (NATO partnership)
    "ICI": "#5B8DB8",  # slate blue (NATO partnership)
    "PAG": "#B3DDF2",  # ice blue (NATO partnership)
}

#: Treaty phases (notebook 04): the two greys (never in force; entry into force not recorded) and the two purples
#: (eroding after a recorded entry into force; eroding with none recorded) differ in lightness, so the legend's
#: look-alike pairs can be told apart in light and dark pages alike.
PHASE_COLORS: dict[str, str] = {
    "signed, not in force": "#777777",
    "signed, entry into force not recorded": "#C4C4C4",
    "in force": "#2A9080",  # CATEGORY_COLORS["arms_control"]
    "in force, eroding": "#AA4499",  # CATEGORY_COLORS["withdrawal_suspension"]
    "eroding": "#DDA8D6",
    "signed, never in force": "#777777",  # a dashed line, not a bar: signed, never binding
}
#: The same phases on a dark page (swapped in through the spec's ``usermeta.dark``): the fainter of each pair stays
#: the fainter against the dark ground.
PHASE_COLORS_DARK: dict[str, str] = {
    "signed, not in force": "#A0A0A0",
    "signed, entry into force not recorded": "#5A5D63",
    "in force": "#44AA99",
    "in force, eroding": "#D16FC2",
    "eroding": "#7B4C74",
    "signed, never in force": "#A0A0A0",
}

#: 08's tie grades, strongest first: a shape each in a light cell, formal ties filled with ink, looser ones hollow;
#: a dark page swaps ink and cell (``usermeta.dark``), so filled stays stronger and the ink keeps >3:1 in both themes.
TIE_INK, TIE_CELL = "#1a1a1a", "#e3e3e3"
TIE_GRADE_COLORS, TIE_GRADE_COLORS_DARK = (TIE_INK, TIE_CELL), ("#f2f2f2", "#353a41")
TIE_GRADE_FILLS = (TIE_INK, TIE_INK, TIE_CELL, TIE_CELL)  # each grade's fill, strongest first
#: One colour per membership status across 08's charts (Paul Tol's muted scheme), whichever organisation the status
#: is held in, so "member" is indigo in the SCO timeline and in the focus state's chart alike; a predecessor's
#: members (the Shanghai Five's) take a lighter indigo, the same status a step earlier.
STATUS_COLORS: dict[str, str] = {
    "member": "#332288",  # indigo
    "predecessor member": "#9988DD",  # light indigo
    "participating_state": "#44AA99",  # teal
    "partner": "#CC6677",  # rose
    "observer": "#117733",  # green
    "dialogue_partner": "#DDCC77",  # sand
    "suspended": "#888888",  # grey
    "frozen": "#BBBBBB",  # light grey
}
#: Organisations whose members are a later organisation's forerunners (their status is drawn a step lighter).
PREDECESSORS = ("SHANGHAI5",)


def dark_swap(light, dark) -> dict:
    """``usermeta.dark`` of a spec: each light-page colour and the colour a dark page draws instead (the page's
    report.js reads it before its own lightening of dark marks)."""
    return {a.lower(): b for a, b in zip(light, dark)}


INSET_PAPER = "#fdfdfd"  # the ground of an inset map (a near-white the page swaps for its dark ground)
INSET_EDGE = "#8a8a8a"  # the edge and the name of an inset map

CATEGORY_COLORS: dict[str, str] = {
    "founding": "#332288",
    "enlargement": "#3D8FCC",
    "arms_control": "#2A9080",
    "intervention_war": "#882255",
    "eurasian_track": "#B56F00",  # ochre: marks at least 3:1 on white (Tol's sand was 1.6:1)
    "summit": "#117733",
    "osce_document": "#999933",
    "withdrawal_suspension": "#AA4499",
}

#: Each named part of a bloc bar in notebook 05 (``helpers.tables.balance.member_parts``), from Paul Tol's "light"
#: scheme: states, not organisations, so none borrows an organisation's colour (the United States in NATO's blue
#: would read as NATO).
PART_COLORS: dict[str, str] = {
    "United States": "#77AADD",  # light blue
    "Russia": "#EE8866",  # orange
    "China": "#44BB99",  # mint (Tol's pink sat too near Russia's orange)
    "India": "#BBCC33",  # pear
    "other members": "#CCCCCC",  # light grey
}

#: Backgrounds of NATO members (notebook 02), keyed as ``helpers.tables.enlargement.BACKGROUNDS`` names them, from
#: Paul Tol's schemes: one green only (teal, green and olive side by side read as one colour on small dots), the two
#: ex-Soviet backgrounds as a light and a dark red, the unknown in grey. None borrows an organisation's or an event
#: category's colour (a 'former USSR' dot in the CSTO's colour would suggest a membership it never had).
BACKGROUND_COLORS: dict[str, str] = {
    "founding member": "#222255",  # dark navy
    "Cold-War accession": "#33BBEE",  # cyan
    "former Warsaw Pact": "#EE99AA",  # light red
    "former USSR": "#994455",  # dark red (BACKGROUND_DARK: a brighter red on a dark page, not a second pink)
    "former Yugoslavia": "#EECC66",  # sand
    "formerly non-aligned": "#009988",  # teal
    "later accession, background not in data": "#888888",  # grey
}

BACKGROUND_DARK = {"#994455": "#D6475A", "#222255": "#7777DD"}  # on a dark page (usermeta.dark)

#: The overlap map's categories (notebooks 02, 03): a category that is one organisation's with the OSCE around it
#: keeps that organisation's colour; the mixed ones get colours of their own.
OVERLAP_COLORS: dict[str, str] = {
    "NATO + OSCE": ORG_COLORS["NATO"],
    "CSTO + SCO + OSCE": "#6A3D9A",  # dark purple (the CSTO's purple and the SCO's orange mixed)
    "CSTO + OSCE": ORG_COLORS["CSTO"],
    "SCO + OSCE": "#B35806",  # dark orange (the SCO's orange, darker)
    "SCO only": ORG_COLORS["SCO"],
    "OSCE only": ORG_COLORS["OSCE"],
    "NATO only": "#08519C",  # dark blue (NATO's blue, darker)
}

#: Colours that mean no organisation and no category: text, strokes, the background of a map.
NEUTRAL = "#4d4d4d"  # a mark of no organisation, and of an organisation the palette does not know
MUTED = "#7f7f7f"  # what is not highlighted
#: Small grey text (01's timeline: events the article does not cite): 4.5:1 at least on white and on a dark page
QUIET_TEXT, QUIET_TEXT_DARK = "#666666", "#a6a6a6"
TEXT, TEXT_DARK = "#333333", "#e8e8e8"  # text marks inside a chart (a chart may swap in the second on a dark page)
INK = "#1a1a1a"  # outlines and ticks that read as black (pure black is the proposed framework's colour)
#: A SIPRI estimate's dashed outline on a dark page (black, on the light bars) and the light ring around it there
ESTIMATE_OUTLINE_DARK, ESTIMATE_HALO_DARK = "#000000", "#e6e6e6"
TICK = "#222222"  # a treaty's steps on its bar
OUTSIDE = "#eeeeee"  # land outside the organisation on a map, and a map's "none of them"
PART_MEMBER, PART_MEMBER_DARK = "#9ecae1", "#3f6f8f"  # a map shape partly a member (02: Germany before Oct 1990)
BORDER = "#ffffff"  # borders between shapes and cells
GRID = "#c8c8c8"  # the lines between the cells of a grid
ABSENT, ABSENT_DARK, PRESENT_DARK = "#dddddd", "#464a51", "#f0f0f0"  # not / in a combination (dark page: swapped)
GRID_DARK = "#16181b"  # the lines between the cells of a grid on a dark page (its ground)
#: 06's hatch of a cell not coded: thin grey stripes on the page's ground (the dark page swaps both), so an unread
#: cell recedes and never reads as a shade of the key; the key shows it as a square with the same stripes.
HATCH_INK, HATCH_GROUND = "#bdbdbd", "#ffffff"
HATCH_INK_DARK, HATCH_GROUND_DARK = "#4a4e55", "#1d2024"
HATCH_INK_LEGEND = "#8c8c8c"  # the key's stripes, a shade darker than the cells' so a 10 px square shows them

#: Sequential greys, darkest = strongest: 06's presence of a principle (the last, near-white, is "not coded"),
#: 09's kinds of evidence a verdict was checked against.
PRESENCE_GREYS = ("#1a1a1a", "#7f7f7f", "#d0d0d0", "#f7f7f7")
#: The same presence on a dark page (swapped in through the spec's ``usermeta.dark``): lightest = strongest, and
#: "not coded" a grey just off the page's ground, so the unread cells recede in both themes.
PRESENCE_GREYS_DARK = ("#f2f2f2", "#9c9c9c", "#5c5f65", "#2a2d32")
CHECKED_GREYS = ("#1a1a1a", "#5c5c5c", "#9e9e9e", "#d9d9d9")


def wrapped_label(phone: str, narrow: int, wide: int) -> str:
    """A guide's ``labelExpr`` that breaks ``datum.label`` at spaces into lines of at most ``narrow`` characters
    where the Vega expression ``phone`` holds, else ``wide`` (Vega draws a label given as an array one line per
    item), so a long name wraps instead of ending in "…"; the empty piece after the last break is dropped."""
    width = f"({phone} ? {int(narrow)} : {int(wide)})"
    # an Arabic label comes isolated right to left (RLI ... PDI, helpers.i18n.chart_words): its lines are measured
    # without the two marks (counted, they pushed a 20-letter first line onto a third line that ran into the next
    # name: 05's «منظمة شنغهاي للتعاون دون الهند وباكستان» on a phone), then each line is isolated
    iso = "(indexof(datum.label, '\u2067') === 0)"
    plain = "replace(replace(datum.label, '\u2067', ''), '\u2069', '')"
    brk = f"({iso} ? '\u2069\\n\u2067' : '\\n')"
    return (f"split(({iso} ? '\u2067' : '') + replace(replace({plain}, regexp('(.{{1,' + {width} + '}})( |$)', 'g'), "
            f"'$1' + {brk}), regexp('\\n\u2067?$'), ''), '\\n')")


def org_color(org: str) -> str:
    """An organisation's colour; one the palette does not know gets :data:`NEUTRAL` (never another's colour)."""
    return ORG_COLORS.get(org, NEUTRAL)


VEGA_MIMETYPE = "application/vnd.vega.v5+json"
THEME_NAME = "nato_report"
RENDERER_NAME = "nato_offline"


def _scale(kind: str, palette: dict[str, str], values) -> alt.Scale:
    if isinstance(values, str):
        values = [v.strip() for v in values.split(",") if v.strip()]
    values = list(values)
    unknown = [v for v in values if v not in palette]
    if unknown:
        raise ValueError(
            f"theme: unknown {kind} {', '.join(map(repr, unknown))}; allowed: {', '.join(palette)}"
        )
    return alt.Scale(domain=values, range=[palette[v] for v in values])


def org_scale(orgs) -> alt.Scale:
    """A colour scale for the given organisation ids (list or comma-separated string), in the given order."""
    return _scale("organisation id", ORG_COLORS, orgs)


def category_scale(categories) -> alt.Scale:
    """A colour scale for the given event categories (see data/README.md), in the given order."""
    return _scale("event category", CATEGORY_COLORS, categories)


def positional_scale(domain) -> alt.Scale:
    """The theme's categorical colours handed out in order, for categories that are not organisations."""
    colors = list(CATEGORY_COLORS.values())
    if len(domain) > len(colors):
        raise ValueError(f"too many categories ({len(domain)}) for the theme's {len(colors)} categorical colours")
    return alt.Scale(domain=list(domain), range=colors[: len(domain)])


def titled(chart, title: str, description: str):
    """``chart`` with its title (which must state the finding) and its text alternative."""
    if not title:
        raise ValueError("every chart needs a title that states the finding")
    return chart.properties(title=title, description=description or title)


def theme_config() -> dict:
    """The theme as a plain Vega-Lite config (also used by tests)."""
    return {
        "config": {
            "font": FONT,
            "background": "white",
            "view": {"continuousWidth": 560, "continuousHeight": 320, "stroke": None},
            "title": {"anchor": "start", "fontSize": 15, "fontWeight": 600, "subtitleFontSize": 12,
                      "subtitleColor": "#444444", "color": "#1a1a1a", "offset": 12},
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "labelColor": "#333333", "titleColor": "#1a1a1a",
                     "gridColor": "#e6e6e6", "domainColor": "#888888", "tickColor": "#888888"},
            "legend": {"labelFontSize": 11, "titleFontSize": 12, "labelLimit": 260, "orient": "right"},
            "range": {"category": list(ORG_COLORS.values())},
            "header": {"labelFontSize": 12, "titleFontSize": 12},
        }
    }


def vega_spec(vegalite_spec: dict) -> dict:
    """Compile a Vega-Lite spec (a dict from ``chart.to_dict()``) to Vega, offline, without mutating it."""
    import vl_convert as vlc

    spec = copy.deepcopy(vegalite_spec)
    compiled = vlc.vegalite_to_vega(spec, vl_version=vl_version())
    if isinstance(compiled, str):
        compiled = json.loads(compiled)
    # JupyterLab's bundled Vega is v5; the compiled spec is valid for it, only the $schema URL says v6.
    compiled["$schema"] = "https://vega.github.io/schema/vega/v5.json"
    return compiled


def vl_version() -> str:
    """The Vega-Lite version Altair writes, in vl-convert's spelling (``"6.4"``)."""
    major_minor = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    import vl_convert as vlc

    known = vlc.get_vegalite_versions()
    return major_minor if major_minor in known else known[-1]


def chart_title(spec: dict) -> str:
    """The chart's title as plain text ('' when it has none)."""
    title = spec.get("title", "")
    if isinstance(title, dict):
        title = title.get("text", "")
    if isinstance(title, list):
        title = " ".join(map(str, title))
    return str(title)


def offline_renderer(spec: dict, **_: object) -> dict:
    """Altair renderer: a Vega 5 bundle JupyterLab draws without network, plus a stable plain-text line."""
    title = chart_title(spec)
    return {
        VEGA_MIMETYPE: vega_spec(spec),
        "text/plain": f"<chart: {title}>" if title else "<chart>",
    }


@alt.theme.register(THEME_NAME, enable=True)
def _nato_theme() -> alt.theme.ThemeConfig:
    return theme_config()


alt.renderers.register(RENDERER_NAME, offline_renderer)
alt.renderers.enable(RENDERER_NAME)


def _used_here() -> list[str]:
    """Every colour this module defines (its palettes, greys and strokes)."""
    found = []
    for name, value in list(globals().items()):
        if name.isupper() and name != "SAFE_SETS":
            items = value.values() if isinstance(value, dict) else value if isinstance(value, tuple | list) else [value]
            found += [v for v in items if isinstance(v, str) and v.startswith("#") and len(v) == 7]
    return found


if __name__ == "__main__":  # python -m helpers.theme: the safe colours no meaning uses yet
    print("colours not yet used: " + ", ".join(free_colours(_used_here())))
