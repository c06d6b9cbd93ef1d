"""Vega-Lite specs for readers: coded values shown as labels on axes and legends, and the page variant of a spec
(fits the container's width, no text under 9 px)."""

from __future__ import annotations

import copy
import json

from helpers import wording

_CHANNELS = {"x": "axis", "y": "axis", "x2": "axis", "y2": "axis", "color": "legend", "fill": "legend",
             "stroke": "legend", "shape": "legend", "strokeDash": "legend", "opacity": "legend",
             "row": "header", "column": "header", "facet": "header"}
_COMPOSE = ("layer", "hconcat", "vconcat", "concat")
MIN_FONT = 9


def _records(spec: dict) -> list[dict]:
    out = []
    for values in (spec.get("datasets") or {}).values():
        out += [v for v in values if isinstance(v, dict)]
    data = spec.get("data")
    if isinstance(data, dict) and isinstance(data.get("values"), list):
        out += [v for v in data["values"] if isinstance(v, dict)]
    return out


def _expr(mapping: dict[str, str]) -> str:
    expr = "datum.label"
    for value, label in sorted(mapping.items(), reverse=True):
        # ensure_ascii=False: an Arabic label is kept as its letters (escaped, each one took six bytes in the page)
        expr = (f"datum.value === {json.dumps(value, ensure_ascii=False)} ? {json.dumps(label, ensure_ascii=False)}"
                f" : {expr}")
    return expr


def _composed(own: str | None, mapping: dict[str, str], lookups: dict[str, dict[str, str]]) -> str:
    """The guide's label expression with the reader words: the chart's own ``labelExpr`` (a label shortened on a
    phone) then works on the word, not the code; exactly ``datum.label`` means "never relabelled" and is kept. An
    own expression that reads ``datum.label`` several times (a label wrapped at spaces reads it five times) looks
    the words up in one top-level parameter (added to ``lookups``) instead of repeating the whole chain each time:
    the Arabic 02 carried its pact names five times over in each of three axes."""
    if own is None:
        return _expr(mapping)
    if own == "datum.label":
        return own
    if own.count("datum.label") > 1:
        from helpers.i18n.chart_words import isolate

        # set right to left as the edition draws Arabic chart text (RLI … PDI), as the inline chain's words are
        words = {value: isolate(label) for value, label in sorted(mapping.items())}
        # one parameter per set of words: the layers of a chart that share an axis give it the same expression
        # (two names for one set made Vega-Lite warn of conflicting label expressions and drop one)
        name = next((n for n, m in lookups.items() if m == words), f"reader_words_{len(lookups)}")
        lookups[name] = words
        return own.replace("datum.label", f"({name}[datum.value] || datum.label)")
    return own.replace("datum.label", f"({_expr(mapping)})")


def _walk(node, records: list[dict], lookups: dict[str, dict[str, str]]) -> None:
    if isinstance(node, dict):
        facet = node.get("facet") if isinstance(node.get("facet"), dict) else {}
        for channel, guide in _CHANNELS.items():
            # a faceted chart names its rows and columns in ``facet`` (Altair's .facet(row=...)), not its encoding
            enc = (node.get("encoding") or {}).get(channel) or (facet.get(channel) if channel in ("row", "column")
                                                                else None)
            if not isinstance(enc, dict) or not isinstance(enc.get("field"), str):
                continue
            if enc.get("type") not in ("nominal", "ordinal") or enc.get(guide) is None and guide in enc:
                continue
            values = {r[enc["field"]] for r in records if isinstance(r.get(enc["field"]), str)}
            domain = (enc.get("scale") or {}).get("domain") if isinstance(enc.get("scale"), dict) else None
            if isinstance(domain, list):  # a legend lists its scale's whole domain, data or not
                values |= {v for v in domain if isinstance(v, str)}
            mapping = wording.value_map(sorted(values), enc["field"])
            if mapping:
                target = enc.setdefault(guide, {})
                if isinstance(target, dict):
                    target["labelExpr"] = _composed(target.get("labelExpr"), mapping, lookups)
        for key in _COMPOSE + ("spec",):
            child = node.get(key)
            for c in child if isinstance(child, list) else [child] if isinstance(child, dict) else []:
                _walk(c, records + _records(c), lookups)


def with_labels(spec: dict) -> dict:
    """A copy of ``spec`` whose axes, legends and headers show coded values in reader words."""
    out = copy.deepcopy(spec)
    lookups: dict[str, dict[str, str]] = {}
    _walk(out, _records(out), lookups)
    if lookups:  # a parameter holds a value, not a selection: every view of the chart can read it
        out["params"] = [*out.get("params", []), *({"name": n, "value": m} for n, m in lookups.items())]
    return out


def _min_font(node) -> None:
    if isinstance(node, dict):
        for k, v in node.items():
            if k.lower().endswith("fontsize") and isinstance(v, (int, float)) and v < MIN_FONT:
                node[k] = MIN_FONT
            else:
                _min_font(v)
    elif isinstance(node, list):
        for v in node:
            _min_font(v)


def fits_container(spec: dict) -> bool:
    """A single view (or a layer) whose width can follow its container; facets and concatenations cannot."""
    if any(k in spec for k in ("hconcat", "vconcat", "concat", "facet", "repeat")):
        return False
    enc = spec.get("encoding") or {}
    if "column" in enc or "row" in enc or "facet" in enc:
        return False
    width = spec.get("width")
    return not isinstance(width, dict)  # a {"step": n} width grows with the data


def split_title(spec: dict) -> tuple[str, str]:
    """The chart's title and subtitle as text (the page shows them as HTML, where long titles wrap; without the
    Arabic edition's isolate marks, which belong to the drawing)."""
    from helpers.i18n.chart_words import plain

    title = spec.get("title", "")
    subtitle = ""
    if isinstance(title, dict):
        subtitle = title.get("subtitle", "")
        title = title.get("text", "")
    join = lambda v: " ".join(map(str, v)) if isinstance(v, list) else str(v or "")  # noqa: E731
    return plain(wording.words(join(title))), plain(wording.words(join(subtitle)))


def page_spec(spec: dict) -> tuple[dict, bool]:
    """The spec drawn in the page: no top title (the figure shows it), no map timeline (the page carries it once,
    in the timeline's own script), container width when it fits one, fonts at least 9 px. Returns (spec, fits)."""
    out = copy.deepcopy(spec)
    out.pop("title", None)
    if isinstance(out.get("usermeta"), dict) and "timeline" in out["usermeta"]:
        out["usermeta"] = {k: v for k, v in out["usermeta"].items() if k != "timeline"}
    _min_font(out)
    _unread_columns_dropped(out)
    fits = fits_container(out)
    if fits:
        out["width"] = "container"
        out["autosize"] = {"type": "fit-x", "contains": "padding"}
        height = _discrete_height(out)
        if height:  # Vega-Lite warns when a container-wide chart keeps a discrete (step) height
            out["height"] = height
    return out, fits


def _unread_columns_dropped(spec: dict) -> None:
    """The page's datasets without the columns nothing in the spec reads (a field, an expression, a lookup): 02's
    member dots carried each row's source ids and ISO codes, 02's exit rates the counts by kind, 8 KB of its Arabic
    page that no reader sees. A column whose name appears anywhere else in the spec is kept; the chart's CSV and
    exports are made from the whole spec."""
    sets = spec.get("datasets")
    if not isinstance(sets, dict):
        return
    rest = json.dumps({k: v for k, v in spec.items() if k != "datasets"}, ensure_ascii=False)
    for name, rows in sets.items():
        if isinstance(rows, list):
            sets[name] = [{k: v for k, v in r.items() if k in rest} if isinstance(r, dict) else r for r in rows]


def _discrete_height(spec: dict) -> int | None:
    """The height in pixels of a chart whose y axis is a list of categories (one step per category), or None."""
    if isinstance(spec.get("height"), (int, float)):
        return None
    step = spec["height"].get("step", 20) if isinstance(spec.get("height"), dict) else 20
    views = [spec, *(spec.get("layer") or [])]
    records = _records(spec)
    for view in views:
        y = (view.get("encoding") or {}).get("y")
        if not isinstance(y, dict) or y.get("type") not in ("nominal", "ordinal") \
                or not isinstance(y.get("field"), str):
            continue
        values = {r.get(y["field"]) for r in records + _records(view) if y["field"] in r}
        if isinstance(y.get("sort"), list):
            values |= set(y["sort"])
        values.discard(None)
        if values:
            return int(len(values) * step)
    return None


def _tabular(values) -> bool:
    return isinstance(values, list) and bool(values) and all(isinstance(v, dict) for v in values)


def chart_datasets(spec: dict) -> list[list[dict]]:
    """The tables a chart draws, in the order the spec holds them: its named ``datasets`` and any inline
    ``data.values`` of its views (boundary files and other non-tabular data left out; repeats kept once)."""
    found: list[list[dict]] = []

    def add(values) -> None:
        if _tabular(values) and values not in found:
            found.append(values)

    def walk(node) -> None:
        if isinstance(node, dict):
            data = node.get("data")
            if isinstance(data, dict) and (data.get("format") or {}).get("type") not in ("topojson", "json"):
                add(data.get("values"))
            for key in _COMPOSE + ("spec",):
                child = node.get(key)
                for c in child if isinstance(child, list) else [child] if isinstance(child, dict) else []:
                    walk(c)
            for key in ("transform",):
                for t in node.get(key) or []:
                    if isinstance(t, dict) and isinstance(t.get("from"), dict):
                        add((t["from"].get("data") or {}).get("values"))

    for values in (spec.get("datasets") or {}).values():
        add(values)
    walk(spec)
    return found


def chart_csv(spec: dict) -> str:
    """The data behind a chart as CSV: its one table, or its tables one after another with a ``table`` column
    numbering them (nested values written as JSON; text intervals split into numeric low/high columns)."""
    import pandas as pd

    from helpers.render import table_html

    frames = []
    for n, values in enumerate(chart_datasets(spec), start=1):
        frame = pd.DataFrame([{k: (json.dumps(v, sort_keys=True, ensure_ascii=False)
                                   if isinstance(v, (dict, list)) else v) for k, v in row.items()}
                              for row in values])
        frames.append(frame.assign(table=n) if len(chart_datasets(spec)) > 1 else frame)
    if not frames:
        return ""
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if "table" in frame.columns and len(frames) > 1:
        frame = frame[["table", *[c for c in frame.columns if c != "table"]]]
    return table_html.table_csv(frame)
