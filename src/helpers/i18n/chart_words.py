"""A chart's words in the Arabic edition: titles, axis and legend titles, tooltips, text marks, time and numbers.

The chart's data keep their codes (colours and scales are defined on them); what a reader sees is translated:

- every ``title``/``subtitle``/``description`` and constant ``text`` in the spec (chart, axes, legends, tooltips),
  through :func:`helpers.i18n.text`;
- the values of fields that are only *shown* (in ``tooltip`` or ``text`` encodings, never on a position, colour or
  shape channel), so a tooltip's "Germany" reads «ألمانيا» while a colour scale keyed on codes still works; a
  field shown *and* on a scale (a treaty's name on the axis and in its tooltip) keeps its keys, and its tooltip
  shows a translated copy of the column (``<field>__shown``), so the full Arabic name reads there;
- time axes: Vega-Lite's ``config.locale`` from CLDR's Arabic calendar (month and day names through Babel), so
  ticks read «يناير 2000»; time runs left to right, as in the Arabic-language statistical publications this
  edition follows (ESCWA's and the Arab Monetary Fund's charts): an axis is a number line, and mirroring it would
  set the chart against the data tables and sources it cites. Numbers use Western digits (see ``forms``);
- reading order: a chart read in the order of its words rather than along a number line — the article's
  paragraphs across 00's matrix, 05's bars of named blocs — is marked by its builder (``usermeta.mirror``) and
  mirrored: P1 at the right, the names down the side on the right, bars growing leftwards (:func:`_mirror`);
- a map's timeline (``usermeta.timeline``): the year label, each year's caption and the members' names; the
  explorer's tooltips, which its expressions pick from the packed :data:`PACKED` column ('label|status' pairs
  joined by '~', :func:`helpers.charts.maps.explorer_data`), each part in turn; a map's shape names
  (``properties.name`` of its TopoJSON), which the tooltip of a shape with no row shows;
- fonts: Noto Naskh Arabic (vendored in ``helpers/fonts``) first, so the page and the SVG/PNG exports shape the
  Arabic with it; titles anchored at the right edge, where an Arabic reader starts;
- direction: Vega draws every text left to right (the SVG's own direction, which keeps its anchors), so a string
  that holds Arabic is set inside a right-to-left isolate (U+2067 RLI … U+2069 PDI, :func:`isolate`): its numbers
  and Latin runs («3 حالات خروج في 52 سنة عضوية», «415 مليار دولار · 17%», «(ATOP 3010)») stay where an Arabic
  reader expects them, in the page and in the SVG/PNG exports alike. Titles, tooltips, text marks and shown data
  carry the marks in the spec; axis, legend and panel labels get them from ``labelExpr`` (:data:`ISOLATE_LABEL`),
  since their values are also the scales' keys; a number's «%» is CLDR's Arabic percent sign (between left-to-right
  marks, :func:`helpers.i18n.forms.percent_marks`), in text and in d3's number format alike, so «17%» never shows
  as «%17».
"""

from __future__ import annotations

import copy
import functools
import json
import re

from helpers.i18n import text
from helpers.i18n.forms import percent_marks, percent_sign

_SHOWN_ONLY = ("tooltip", "text")
_TEXT_KEYS = ("title", "subtitle", "description")
RLI, PDI = "\u2067", "\u2069"
_ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
_HAS_ARABIC = re.compile(f"[{_ARABIC}]")
#: a guide's label (a Vega expression): the label in a right-to-left isolate when it holds Arabic, else unchanged
ISOLATE_LABEL = (f"(test(/[{_ARABIC}]/, datum.label) ? {json.dumps(RLI)} + datum.label + {json.dumps(PDI)}"
                 " : datum.label)")
_RESULT = re.compile(r'(\?\s*)("(?:[^"\\]|\\.)*")')  # a label a ``labelExpr`` gives (after "?"), not a key it compares


def isolate(value):
    """A chart string that holds Arabic, inside a right-to-left isolate (RLI … PDI); anything else unchanged.

    Vega draws text left to right, so without it «3 حالات خروج في 52 سنة عضوية» shows its count at the end of the
    line an Arabic reader reads, and «(فترة … 95%)» loses its brackets' order."""
    if not isinstance(value, str) or not _HAS_ARABIC.search(value) or value.startswith(RLI):
        return value
    return RLI + percent_marks(value) + PDI


_CONSTANT = re.compile(r"^'([^'\\]*)'$")  # a guide whose one label is a word ("'interventions, wars'")


def plain(value: str) -> str:
    """A chart string as the page's own text (figure title, alternative text, search): without the isolates,
    which the page's HTML gives through ``dir``."""
    return value.replace(RLI, "").replace(PDI, "")


def _label_expr(expr: str, lang: str) -> str:
    """A ``labelExpr`` whose Arabic labels (string literals it gives, and ``datum.label``) are isolated; a constant
    label is translated first."""
    constant = _CONSTANT.match(expr)
    if constant:
        return json.dumps(isolate(text(constant.group(1), lang)), ensure_ascii=False)
    def literal(m):
        value = json.loads(m.group(2))
        return m.group(1) + json.dumps(isolate(value), ensure_ascii=False)
    if ISOLATE_LABEL in expr:  # already done
        return expr
    return _RESULT.sub(literal, expr).replace("datum.label", ISOLATE_LABEL)


def _fields(enc, words_only: bool = False) -> list[str]:
    """The fields an encoding names (``words_only``: those it shows as words, not as numbers or dates)."""
    items = enc if isinstance(enc, list) else [enc]
    return [i["field"] for i in items if isinstance(i, dict) and isinstance(i.get("field"), str)
            and not (words_only and i.get("type", "nominal") not in ("nominal", "ordinal"))]


def _encodings(node, shown: set, used: set, words: set) -> None:
    if isinstance(node, dict):
        enc = node.get("encoding")
        if isinstance(enc, dict):
            for channel, value in enc.items():
                (shown if channel in _SHOWN_ONLY else used).update(_fields(value))
                if channel in _SHOWN_ONLY:
                    words.update(_fields(value, words_only=True))
        for key, value in node.items():
            if key not in ("datasets", "data"):
                _encodings(value, shown, used, words)
    elif isinstance(node, list):
        for v in node:
            _encodings(v, shown, used, words)


def _shown(value: str, lang: str, key: str) -> str:
    """A title's words in ``lang``; drawn ones isolated (a description is the page's alternative text, not drawn)."""
    out = text(value, lang)
    return out if key == "description" else isolate(out)


def _words(node, lang: str) -> None:
    if isinstance(node, dict):
        for key, value in list(node.items()):
            if key in _TEXT_KEYS and isinstance(value, str):
                node[key] = _shown(value, lang, key)
            elif key in _TEXT_KEYS and isinstance(value, list) and all(isinstance(v, str) for v in value):
                node[key] = [_shown(v, lang, key) for v in value]
            elif key == "text" and isinstance(value, str) and node.get("type") != "text":
                node[key] = isolate(text(value, lang))
            elif key == "labelExpr" and isinstance(value, str):
                node[key] = _label_expr(value, lang)
            elif key == "mark" and isinstance(value, dict) and isinstance(value.get("text"), str):
                value["text"] = isolate(text(value["text"], lang))
                _words(value, lang)
            elif key not in ("datasets", "data", "config", "params"):
                _words(value, lang)
    elif isinstance(node, list):
        for v in node:
            _words(v, lang)


def _timeline(spec: dict, lang: str) -> None:
    """A map's timeline (``usermeta.timeline``): its label, each year's caption and the members' names, which
    the page shows under the map and the slider updates."""
    tl = (spec.get("usermeta") or {}).get("timeline") if isinstance(spec.get("usermeta"), dict) else None
    if not isinstance(tl, dict):
        return
    if isinstance(tl.get("label"), str):
        tl["label"] = text(tl["label"], lang)
    if isinstance(tl.get("captions"), dict):
        tl["captions"] = {k: text(v, lang) for k, v in tl["captions"].items()}
    if isinstance(tl.get("members"), list):
        tl["members"] = [[text(m[0], lang), *m[1:]] if isinstance(m, list) and m else m for m in tl["members"]]


#: The explorer map's column of its tooltips' words, packed for its expressions: 'label|status|*' triples joined by '~'.
PACKED = "labels"


def _packed(value, lang: str):
    if not isinstance(value, str):
        return value
    return "~".join("|".join(text(part, lang) if i < 2 else part for i, part in enumerate(pair.split("|")))
                    for pair in value.split("~"))  # the third part, a shape's '*' mark (part of it a member), is no word


def _map_words(spec: dict, lang: str) -> None:
    """A map's words that no encoding names: the explorer's packed tooltips (only in a spec with a timeline) and the
    shape names of every TopoJSON in the spec's data."""
    explorer = isinstance(spec.get("usermeta"), dict) and isinstance(spec["usermeta"].get("timeline"), dict)
    for table in (spec.get("datasets") or {}).values():
        rows = table if isinstance(table, list) else []
        for row in rows:
            if explorer and isinstance(row, dict) and PACKED in row:
                row[PACKED] = _packed(row[PACKED], lang)
        _shape_names(table, lang)
    _shape_names(spec, lang, inline=True)


def _shape_names(node, lang: str, inline: bool = False) -> None:
    """``properties.name`` of a TopoJSON's shapes in ``lang`` (``inline``: look for ``data.values`` throughout)."""
    if inline:
        if isinstance(node, dict):
            values = node.get("values") if isinstance(node.get("values"), dict) else None
            if values is not None:
                _shape_names(values, lang)
            for key, value in node.items():
                if key != "datasets":
                    _shape_names(value, lang, inline=True)
        elif isinstance(node, list):
            for v in node:
                _shape_names(v, lang, inline=True)
        return
    if isinstance(node, dict) and node.get("type") == "Topology":
        for obj in (node.get("objects") or {}).values():
            for g in obj.get("geometries", []) if isinstance(obj, dict) else []:
                props = g.get("properties") if isinstance(g, dict) else None
                if isinstance(props, dict) and isinstance(props.get("name"), str):
                    props["name"] = text(props["name"], lang)


def _shadow(field: str) -> str:
    """The column a tooltip or text mark shows for a field whose data values are also a scale's keys."""
    return f"{field}__shown"


def _repoint(node, fields: set) -> None:
    """Tooltips and text marks of ``fields`` show their :func:`_shadow` column (a treaty's name on the axis is
    a key; in its tooltip it is the reader's words, in full)."""
    if isinstance(node, dict):
        enc = node.get("encoding")
        for channel in _SHOWN_ONLY:
            value = enc.get(channel) if isinstance(enc, dict) else None
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict) and item.get("field") in fields and _fields(item, words_only=True):
                    item["field"] = _shadow(item["field"])
        for key, value in node.items():
            if key not in ("datasets", "data"):
                _repoint(value, fields)
    elif isinstance(node, list):
        for v in node:
            _repoint(v, fields)


def _data(spec: dict, fields: set, keys: set, lang: str) -> None:
    """Shown-only ``fields`` in reader words; ``keys`` (shown and on a scale) get a translated shadow column."""
    tables = list((spec.get("datasets") or {}).values())
    data = spec.get("data")
    if isinstance(data, dict) and isinstance(data.get("values"), list):
        tables.append(data["values"])
    for rows in tables:
        for row in rows:
            if isinstance(row, dict):
                # in the row's own column order, not a set's: a set of strings iterates in an order that changes
                # from one process to the next, and the shadow columns would land in the exports in any order
                for f in [f for f in row if f in fields]:
                    row[f] = isolate(text(row[f], lang)) if isinstance(row[f], str) else row[f]
                for f in [f for f in row if f in keys]:
                    row[_shadow(f)] = isolate(text(row[f], lang)) if isinstance(row[f], str) else row[f]


@functools.lru_cache(maxsize=2)
def vega_locale(lang: str = "ar") -> dict:
    """Vega-Lite's ``config.locale`` (d3-format and d3-time-format definitions) from CLDR through Babel."""
    from babel import Locale

    loc = Locale.parse(lang)
    months = [loc.months["format"]["wide"][i] for i in range(1, 13)]
    short = [loc.months["format"]["abbreviated"][i] for i in range(1, 13)]
    days = [loc.days["format"]["wide"][(i - 1) % 7] for i in range(7)]  # d3 starts on Sunday, CLDR on Monday
    short_days = [loc.days["format"]["abbreviated"][(i - 1) % 7] for i in range(7)]
    return {"number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", " دولار"],
                       "minus": "-", "percent": percent_sign(lang)},
            "time": {"dateTime": "%A، %e %B %Y", "date": "%d/%m/%Y", "time": "%H:%M:%S",
                     "periods": [loc.day_periods["format"]["abbreviated"].get("am", "ص"),
                                 loc.day_periods["format"]["abbreviated"].get("pm", "م")],
                     "days": days, "shortDays": short_days, "months": months, "shortMonths": short}}


#: ``usermeta`` key a chart builder sets on a chart read in the order of its words (the article's paragraphs, rows of
#: named blocs): the Arabic edition mirrors it (:func:`_mirror`). The key itself never reaches a page.
MIRROR = "mirror"


def _mirror_flag(spec: dict) -> tuple[dict, bool]:
    """The spec without the :data:`MIRROR` mark (the English spec as it was before the mark existed), and whether
    it was there."""
    meta = spec.get("usermeta") if isinstance(spec, dict) else None
    if not isinstance(meta, dict) or MIRROR not in meta:
        return spec, False
    out, rest = dict(spec), {k: v for k, v in meta.items() if k != MIRROR}
    if rest:
        out["usermeta"] = rest
    else:
        del out["usermeta"]
    return out, bool(meta[MIRROR])


def _mirror(node) -> None:
    """A chart read in the order of its words, mirrored for a right-to-left reader: its x axis runs right to left
    (P1 at the right; bars grow leftwards from the right), the names down its side stand on the right, and text
    set beside a mark's end moves to its other side. Time axes are never mirrored (see the module's note)."""
    if isinstance(node, dict):
        enc = node.get("encoding")
        if isinstance(enc, dict):
            x, y = enc.get("x"), enc.get("y")
            if isinstance(x, dict) and x.get("type") != "temporal" and "field" in x:
                x["scale"] = {**(x.get("scale") or {}), "reverse": True}
            if isinstance(y, dict) and y.get("type") in ("nominal", "ordinal") and y.get("axis", {}) is not None:
                y["axis"] = {**(y.get("axis") or {}), "orient": "right"}
        mark = node.get("mark")
        if isinstance(mark, dict) and mark.get("align") in ("left", "right"):
            mark["align"] = "right" if mark["align"] == "left" else "left"
            if isinstance(mark.get("dx"), (int, float)):
                mark["dx"] = -mark["dx"]
        for key, value in node.items():
            if key not in ("datasets", "data", "config"):
                _mirror(value)
    elif isinstance(node, list):
        for v in node:
            _mirror(v)


def translate_spec(spec: dict, lang: str = "ar") -> dict:
    """A copy of a Vega-Lite spec with what a reader sees in ``lang`` (English: the spec unchanged but for the
    :data:`MIRROR` mark, which only the Arabic edition reads)."""
    spec, mirrored = _mirror_flag(spec)
    if lang == "en":
        return spec
    from helpers import fonts

    out = copy.deepcopy(spec)
    if mirrored:
        _mirror(out)
        legend = out.setdefault("config", {}).setdefault("legend", {})
        if legend.get("orient", "right") == "right":
            legend["orient"] = "left"  # the names stand on the right: the legend goes to the other side
    shown: set = set()
    used: set = set()
    words: set = set()
    _encodings(out, shown, used, words)
    _words(out, lang)
    keys = {f for f in words & used if not f.endswith("__shown")}
    _data(out, shown - used, keys, lang)
    _repoint(out, keys)
    _timeline(out, lang)
    _map_words(out, lang)
    config = out.setdefault("config", {})
    config["font"] = f'"{fonts.NASKH}", "{fonts.SANS}", sans-serif'
    config["locale"] = vega_locale(lang)
    title = config.setdefault("title", {})
    title["anchor"] = "end"
    for guide in ("axis", "legend", "header"):
        config.setdefault(guide, {}).setdefault("labelExpr", ISOLATE_LABEL)
    # Arabic names run longer than the English ones Vega's 180 px were enough for («معاهدة البلدان الأمريكية
    # للمساعدة المتبادلة (معاهدة ريو)» was cut with "…"): 260 px where the chart has room (a page's wide column,
    # the exports), 130 on a phone, where the tooltip gives the name in full
    config["axis"].setdefault("labelLimit", {"expr": "containerSize()[0] > 0 && containerSize()[0] < 600 ? 130 : 260"})
    return out
