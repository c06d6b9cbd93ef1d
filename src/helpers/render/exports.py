"""Project mime bundles → report HTML: chart and table figures, their export files (SVG, PNG, CSV) and citations."""

from __future__ import annotations

import re

from helpers import paths, present
from helpers.render import markup, notebook, templating, vega_specs

VEGA_MIMES = ("application/vnd.vega.v5+json", "application/vnd.vega.v6+json")
VEGALITE_MIME = re.compile(r"^application/vnd\.vegalite\.v\d+\+json$")
SOURCES_SLOT = '<div class="report-sources-slot"></div>'


class RenderError(ValueError):
    """A notebook cannot be rendered as it is (the message names the notebook, the cell and the problem)."""


class Exports:
    """The export files of one report and the keys already used (a key names files and anchors)."""

    def __init__(self, name: str):
        self.name = name
        self.files: dict[str, bytes] = {}
        self.keys: dict[str, str] = {}
        self.configs: set[str] = set()  # ids of the chart configs the page already holds (:func:`_config_apart`)

    def claim(self, key: str, what: str, cell_no: int) -> None:
        if key in self.keys:
            raise RenderError(
                f"report {self.name}: key {key!r} is used twice ({self.keys[key]} and {what} in cell {cell_no}); "
                "keys must be unique in a notebook because they name the export files and anchors"
            )
        self.keys[key] = f"{what} in cell {cell_no}"

    def path(self, key: str, ext: str) -> str:
        return f"exports/{self.name}/{key}.{ext}"


_CLIP = re.compile(r'(?<=id=")clip(\d+)(?=")|(?<=url\(#)clip(\d+)(?=\))')


def numbered_clips(svg: str) -> str:
    """The SVG with its clip paths numbered from 1 in the order they appear. vl-convert numbers them with one counter
    per process, so the same chart drawn after another one in the same worker got other ids (``clip10`` for
    ``clip1``), and identical inputs gave map exports that differed between builds."""
    order: dict[str, int] = {}

    def renumber(m: re.Match) -> str:
        return f"clip{order.setdefault(m.group(1) or m.group(2), len(order) + 1)}"

    return _CLIP.sub(renumber, svg)


def export_links(links: list[tuple[str, str]]) -> str:
    return templating.render("export_links.html.j2", links=links)


def chart_figure(payload: dict, mode: str, spec: dict, exports: Exports, cell_no: int, cites) -> str:
    import vl_convert as vlc

    from helpers import theme

    key = payload["key"]
    exports.claim(key, "chart", cell_no)
    if mode == "vega-lite":
        svg = vlc.vegalite_to_svg(spec, vl_version=theme.vl_version())
        png = vlc.vegalite_to_png(spec, vl_version=theme.vl_version(), scale=2)
        drawn, fits = vega_specs.page_spec(spec)
        drawn = _boundaries_apart(drawn, key, exports)
        drawn, shared_config = _config_apart(drawn, exports)
        title, subtitle = vega_specs.split_title(spec)
    else:
        svg, png = vlc.vega_to_svg(spec), vlc.vega_to_png(spec, scale=2)
        drawn, fits, title, subtitle, shared_config = spec, False, "", "", ""
    svg_path, png_path = exports.path(key, "svg"), exports.path(key, "png")
    exports.files[svg_path] = numbered_clips(svg).encode("utf-8")
    exports.files[png_path] = png
    links = [("SVG", svg_path), ("PNG", png_path)]
    data = payload.get("csv") or vega_specs.chart_csv(spec)
    if data:  # the data the chart draws, for readers who reuse it
        csv_path = exports.path(key, "csv")
        exports.files[csv_path] = data.encode("utf-8")
        links.append(("CSV (data)", csv_path))
    line = cites.line(payload.get("sources", []), payload.get("measure", []), payload.get("sources_label", ""))
    tl = (spec.get("usermeta") or {}).get("timeline") if isinstance(spec, dict) else None
    extra = timeline_context(tl) if tl else {"tl": None}
    return templating.render(
        "chart_figure.html.j2", key=key, mode=mode, fits=fits, title=title, subtitle=subtitle, **extra,
        alt=present.chart_alt_text(payload), spec_json=markup.script_json(drawn), caption=payload.get("caption", ""),
        source_line=line, shared_config=shared_config,
        export_links=export_links(links))


def _boundaries_apart(drawn: dict, key: str, exports: Exports) -> dict:
    """A map's boundaries (a TopoJSON dataset, about 50 KB) in a script file of the report's exports, loaded by the
    page's report.js when it draws the map, instead of inside the page: the page stays light (report 02 weighed
    300 KB in Arabic, a sixth of it the boundaries of its one map) and the file is read once, from the reader's
    disk. The spec keeps ``{"$script": path}`` where the dataset was."""
    sets = drawn.get("datasets") or {}
    n = 0
    for name, values in list(sets.items()):
        if isinstance(values, dict) and values.get("type") == "Topology":
            n += 1  # a map with an inset has two sets of boundaries, each in a file of its own
            path = exports.path(f"{key}-boundaries" + (f"-{n}" if n > 1 else ""), "js")
            exports.files[path] = (f"/* Boundaries of the chart {key} (TopoJSON; drawn by assets/report.js). */\n"
                                   f"(window.NATO_DATA = window.NATO_DATA || {{}})[{markup.script_json(name)}] = "
                                   f"{markup.script_json(values)};\n").encode()
            sets[name] = {"$script": path}
    return drawn


def _config_apart(drawn: dict, exports: Exports) -> tuple[dict, str]:
    """A chart's config (the theme; in the Arabic edition also CLDR's calendar and the isolating label expressions,
    about 2 KB) held once per page: the first chart with it brings ``<script id="chart-config-…">``, every chart
    keeps ``{"$page": id}`` in its place, and report.js puts it back before drawing. The Arabic 02 page carried the
    same config five times (313 KB; the budget is 300 KB). The exports are drawn from the whole spec."""
    config = drawn.get("config")
    if not isinstance(config, dict) or not config:
        return drawn, ""
    text = markup.script_json(config)
    from helpers import cache

    name = f"chart-config-{cache.sha256_bytes(text.encode())[:12]}"
    drawn = dict(drawn, config={"$page": name})
    if name in exports.configs:
        return drawn, ""
    exports.configs.add(name)
    return drawn, f'<script type="application/json" id="{name}">{text}</script>'


def timeline_context(tl: dict) -> dict:
    """The timeline above a map and its member list below (``charts.maps.timeline``), at the report's year."""
    start = int(tl["start"])
    members = sorted(n for n, a, b in tl["members"] if a <= start < b)
    return {"tl": tl, "tl_json": markup.script_json(tl), "caption_now": tl["captions"].get(str(start), ""),
            "members_now": members}


def table_figure(payload: dict, exports: Exports, cell_no: int, cites) -> str:
    key = payload["key"]
    exports.claim(key, "table", cell_no)
    csv_path = exports.path(key, "csv")
    exports.files[csv_path] = payload["csv"].encode("utf-8")
    line = cites.line(payload.get("sources", []), payload.get("measure", []), payload.get("sources_label", ""))
    payload = dict(payload, html=cites.fill(payload["html"]), after=cites.fill(payload.get("after", "")),
                   csv_path=csv_path)
    return present.figure_table_html(payload, export_links([("CSV", csv_path)]), source_line=str(line))


def html_output(fragment: str) -> dict:
    import nbformat

    return nbformat.v4.new_output("display_data", data={"text/html": fragment})


def _raw_chart(data: dict, auto: int) -> tuple[dict, str, dict]:
    """A chart displayed without present.chart(): still drawn offline, with exports, but no caption."""
    vega = next((data[m] for m in VEGA_MIMES if m in data), None)
    mode, spec = ("vega", vega) if vega is not None else (
        "vega-lite", next(data[m] for m in data if VEGALITE_MIME.match(m)))
    if mode == "vega" and isinstance(spec, dict):
        # the kernel labels its compiled Vega 'v5' for JupyterLab's renderer; the page draws it with the bundled
        # Vega (vl-convert's), which would log a version warning for a label that does not match its own
        import vl_convert as vlc

        spec = {**spec, "$schema": f"https://vega.github.io/schema/vega/v{vlc.get_vega_version().split('.')[0]}.json"}
    title = spec.get("title", "") if isinstance(spec, dict) else ""
    title = title.get("text", "") if isinstance(title, dict) else title
    payload = {"key": f"chart-{auto}", "title": str(title or f"Chart {auto}"),
               "description": str(spec.get("description", "")), "caption": "", "sources": []}
    return payload, mode, spec


class Outputs:
    """Walks the cells once: figures replace project bundles, the glance box is lifted out for the header."""

    def __init__(self, exports: Exports, cites):
        self.exports, self.cites = exports, cites
        self.has_slot, self.glance, self.summary, self.auto = False, [], "", 0
        self.id_map: dict[str, str] = {}

    def _one(self, out, cell_no: int):
        kind = out.get("output_type")
        if kind == "stream":
            if out.get("name") == "stderr":
                return None  # warnings are for authors; the executed notebook in build/ keeps them
            out["text"] = notebook.MEMORY_ADDRESS.sub(" at 0x…", notebook.plain(out.get("text", "")))
            return out
        data = out.get("data", {}) if kind != "error" else {}
        if present.CHART_MIME in data:
            p = data[present.CHART_MIME]
            return html_output(chart_figure(p, "vega-lite", p["spec"], self.exports, cell_no, self.cites))
        if present.TABLE_MIME in data:
            return html_output(table_figure(data[present.TABLE_MIME], self.exports, cell_no, self.cites))
        if present.CHART_NOTE_MIME in data:
            return None  # JupyterLab's caption under a chart: the page's figure has its own
        if present.GLANCE_MIME in data:
            self.glance += data[present.GLANCE_MIME]["findings"]
            self.summary = data[present.GLANCE_MIME].get("summary") or self.summary
            return None
        if present.SOURCES_MIME in data:
            self.has_slot = True
            return html_output(SOURCES_SLOT)
        if any(m in data for m in VEGA_MIMES) or any(VEGALITE_MIME.match(m) for m in data):
            self.auto += 1
            payload, mode, spec = _raw_chart(data, self.auto)
            return html_output(chart_figure(payload, mode, spec, self.exports, cell_no, self.cites))
        for mime in list(data):
            if mime.startswith("text/") or mime == "image/svg+xml":
                data[mime] = notebook.stable_ids(notebook.MEMORY_ADDRESS.sub(" at 0x…", notebook.plain(data[mime])),
                                                 self.id_map)
        if "text/html" in data and paths.language() == "ar":  # findings lists: statistics and names isolated LTR
            data["text/html"] = notebook.mark_latin_html(notebook.plain(data["text/html"]))
        return out

    def transform(self, nb) -> None:
        for cell_no, cell in enumerate(nb.cells, start=1):
            if cell.cell_type == "code":
                outs = [self._one(out, cell_no) for out in cell.get("outputs", [])]
                cell.outputs = [o for o in outs if o is not None]
