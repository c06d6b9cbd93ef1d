"""Executed notebook → reader-first, offline, deterministic HTML report (plus its exports).

Public API (called by ``helpers.build``):

- ``render_report(nb, entry) -> dict[str, bytes]``: ``<name>.html`` and ``exports/<name>/<key>.svg|png|csv``.
- ``render_index(entries) -> bytes``: ``reports/index.html``.
- ``render_failure(entry, error) -> bytes``: a page saying which cell failed, with what, under which parameters.
- ``shared_assets() -> dict[str, bytes]``: ``assets/vega-bundle.js`` (vega + vega-lite + vega-embed, from
  ``vl_convert.javascript_bundle()``), ``assets/report.js``, ``assets/lab.css``, ``assets/report.css``.

What the reader gets: no code cells (each cell's code is one click away in a collapsed ``<details>``), no
parameters cell, no prompts; a header with title, paragraphs, parameters and data version; a table of contents;
interactive charts drawn by one local vega bundle; SVG/PNG/CSV exports; a Sources section with ``#src-<id>``
anchors; Arabic marked ``lang="ar" dir="rtl"``.

Determinism: papermill/kernel metadata and timestamps are dropped, cell ids are renumbered, execution counts are
cleared, random ids left by pandas Styler (``T_xxxxx``) and Altair (``altair-viz-…``) are renamed in order of
appearance, memory addresses are masked, JSON is written with sorted keys. Chart specs embedded in the page are
JSON with ``<``, ``>`` and ``&`` escaped, so a data value containing ``</script>`` cannot end the script element.
"""

from __future__ import annotations

import copy
import datetime as _dt
import functools
import hashlib
import html
import json
import re
import tomllib
from pathlib import Path
from typing import Any

from helpers import paths, present, search

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = "assets/"
_HIDDEN_TAGS = {"parameters", "injected-parameters", "remove-cell", "hide-cell"}
_MEMORY_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]{6,16}")
_RANDOM_IDS = re.compile(r"\b(T_[0-9a-f]{5}|altair-viz-[0-9a-f]{32}|view_[0-9a-f]{32})(?![0-9a-zA-Z])")
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_VEGA_MIMES = ("application/vnd.vega.v5+json", "application/vnd.vega.v6+json")
_VEGALITE_MIME = re.compile(r"^application/vnd\.vegalite\.v\d+\+json$")


class RenderError(ValueError):
    """A notebook cannot be rendered as it is (the message names the notebook, the cell and the problem)."""


# ---------------------------------------------------------------------------------------------- entry access


def _get(entry: Any, name: str, default: Any = None) -> Any:
    if isinstance(entry, dict):
        return entry.get(name, default)
    return getattr(entry, name, default)


def _name(entry: Any) -> str:
    name = _get(entry, "name") or _get(entry, "output_name")
    if not name:
        output = _get(entry, "output") or _get(entry, "stem")
        name = str(output).removesuffix(".html")
    return str(name)


def _output(entry: Any) -> str:
    out = _get(entry, "output")
    return str(out) if out else f"{_name(entry)}.html"


def _link(value: Any) -> dict | None:
    """prev/next as ``{"title", "output"}`` (accepts a dict, an output name, or None)."""
    if not value:
        return None
    if isinstance(value, dict):
        out = value.get("output") or f"{value.get('name', '')}.html"
        return {"title": value.get("title") or out, "output": out}
    out = str(value) if str(value).endswith(".html") else f"{value}.html"
    return {"title": _collection_titles().get(out.removesuffix(".html"), out), "output": out}


@functools.lru_cache(maxsize=1)
def _collection() -> dict:
    try:
        return tomllib.loads(paths.COLLECTION.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}


def _collection_titles() -> dict[str, str]:
    return {nb["stem"]: nb["title"] for nb in _collection().get("notebook", [])}


def _param_help(nb_id: str) -> dict[str, str]:
    for nb in _collection().get("notebook", []):
        if nb.get("id") == nb_id:
            return {k: v.get("help", "") for k, v in nb.get("parameters", {}).items()}
    return {}


# ---------------------------------------------------------------------------------------------- small text helpers


def _esc(text: Any) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def script_json(value: Any) -> str:
    """JSON safe to place inside ``<script type="application/json">`` (sorted keys, ``<>&`` escaped)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _shown(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, str) and "," in value:
        return ", ".join(v.strip() for v in value.split(","))
    return present.human_date(value) if isinstance(value, (str, _dt.date)) else str(value)


def parameter_line(parameters: dict, nb_id: str | None = None, defaults: dict | None = None) -> str:
    """The parameters as a readable line: 'as of 7 Mar 2024 · focus state KAZ'.

    With ``defaults``, a value that differs from its default says so: 'as of 7 Mar 2024 (default 30 Apr 2024)'.
    """
    parts = []
    helps = _param_help(nb_id) if nb_id else {}
    for name, value in (parameters or {}).items():
        label = name.replace("_", " ")
        tip = f' title="{_esc(helps[name])}"' if helps.get(name) else ""
        note = ""
        if defaults and name in defaults and str(defaults[name]) != str(value):
            note = f' <span class="report-param-default">(default {_esc(_shown(defaults[name]))})</span>'
        parts.append(f'<span class="report-param"{tip}>{_esc(label)} <strong>{_esc(_shown(value))}</strong>'
                     f"{note}</span>")
    return " · ".join(parts) if parts else "none"


@functools.lru_cache(maxsize=1)
def data_version() -> str:
    """A short fingerprint of every file in ``data/`` (the datapackage version in front when it declares one)."""
    digest = hashlib.sha256()
    data_dir = paths.DATA
    files = sorted(p for p in data_dir.rglob("*") if p.is_file() and p.suffix in {".csv", ".json"}
                   and "staging" not in p.relative_to(data_dir).parts) if data_dir.exists() else []
    for p in files:
        digest.update(p.relative_to(data_dir).as_posix().encode())
        digest.update(b"\0")
        digest.update(p.read_bytes())
        digest.update(b"\0")
    version = ""
    try:
        version = str(json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8")).get("version") or "")
    except (OSError, ValueError):
        pass
    short = digest.hexdigest()[:12]
    return f"{version} ({short})" if version else short


# ---------------------------------------------------------------------------------------------- notebook clean-up


def _is_hidden(cell) -> bool:
    return bool(_HIDDEN_TAGS & set(cell.get("metadata", {}).get("tags", [])))


def _stable_ids(text: str, mapping: dict[str, str]) -> str:
    def repl(m: re.Match) -> str:
        found = m.group(1)
        if found not in mapping:
            prefix = "T_" if found.startswith("T_") else "altair-viz-" if found.startswith("altair") else "view_"
            mapping[found] = f"{prefix}s{len(mapping) + 1}"
        return mapping[found]

    return _RANDOM_IDS.sub(repl, text)


def _plain(text: Any) -> str:
    return "".join(text) if isinstance(text, list) else str(text)


def clean_notebook(nb):
    """A copy of ``nb`` with every source of run-to-run variation removed and reader-hidden cells dropped."""
    nb = copy.deepcopy(nb)
    keep_meta = {k: nb.metadata[k] for k in ("kernelspec", "language_info") if k in nb.metadata}
    if "language_info" in keep_meta:
        keep_meta["language_info"] = {k: v for k, v in keep_meta["language_info"].items()
                                      if k in ("name", "pygments_lexer", "codemirror_mode", "file_extension")}
    nb.metadata = type(nb.metadata)(keep_meta)
    cells = []
    for cell in nb.cells:
        if _is_hidden(cell):
            continue
        tags = [t for t in cell.get("metadata", {}).get("tags", []) if t not in _HIDDEN_TAGS]
        cell.metadata = type(cell.metadata)({"tags": tags} if tags else {})
        if cell.cell_type == "code":
            cell.execution_count = None
            for out in cell.get("outputs", []):
                if "execution_count" in out:
                    out["execution_count"] = None
                if out.get("output_type") in ("display_data", "execute_result"):
                    out["metadata"] = {}
        cells.append(cell)
    for i, cell in enumerate(cells):
        cell["id"] = f"cell-{i + 1:03d}"
    nb.cells = cells
    return nb


# ---------------------------------------------------------------------------------------------- outputs


class _Exports:
    def __init__(self, name: str):
        self.name = name
        self.files: dict[str, bytes] = {}
        self.keys: dict[str, str] = {}

    def claim(self, key: str, what: str, cell_no: int) -> None:
        if key in self.keys:
            raise RenderError(
                f"report {self.name}: key {key!r} is used twice ({self.keys[key]} and {what} in cell {cell_no}); "
                "keys must be unique in a notebook because they name the export files and anchors"
            )
        self.keys[key] = f"{what} in cell {cell_no}"

    def path(self, key: str, ext: str) -> str:
        return f"exports/{self.name}/{key}.{ext}"


def _export_links(links: list[tuple[str, str, str]]) -> str:
    items = " · ".join(f'<a href="{_esc(href)}" download>{_esc(label)}</a>' for label, href, _ in links)
    return f'<p class="report-exports">Download: {items}</p>'


def _chart_figure(payload: dict, mode: str, spec: dict, exports: _Exports, cell_no: int) -> str:
    import vl_convert as vlc

    from helpers import theme

    key = payload["key"]
    exports.claim(key, "chart", cell_no)
    if mode == "vega-lite":
        svg = vlc.vegalite_to_svg(spec, vl_version=theme.vl_version())
        png = vlc.vegalite_to_png(spec, vl_version=theme.vl_version(), scale=2)
    else:
        svg = vlc.vega_to_svg(spec)
        png = vlc.vega_to_png(spec, scale=2)
    svg_path, png_path = exports.path(key, "svg"), exports.path(key, "png")
    exports.files[svg_path] = svg.encode("utf-8")
    exports.files[png_path] = png
    alt_text = present.chart_alt_text(payload)
    caption = payload.get("caption", "")
    cap = f'<p class="report-caption">{present.mark_arabic_text(caption)}</p>' if caption else ""
    sources = present.source_links(payload["sources"]) if payload.get("sources") else ""
    links = _export_links([("SVG", svg_path, "svg"), ("PNG", png_path, "png")])
    return (
        f'<figure class="report-figure report-chart-figure" id="fig-{_esc(key)}">'
        f'<div class="report-chart" id="chart-{_esc(key)}" role="img" aria-label="{_esc(alt_text)}" '
        f'data-spec="spec-{_esc(key)}" data-mode="{mode}"></div>'
        f'<script type="application/json" id="spec-{_esc(key)}">{script_json(spec)}</script>'
        f"<figcaption>{cap}{sources}{links}</figcaption></figure>"
    )


def _table_figure(payload: dict, exports: _Exports, cell_no: int) -> str:
    key = payload["key"]
    exports.claim(key, "table", cell_no)
    csv_path = exports.path(key, "csv")
    exports.files[csv_path] = payload["csv"].encode("utf-8")
    return present.figure_table_html(payload, _export_links([("CSV", csv_path, "csv")]))


def _html_output(text: str) -> dict:
    import nbformat

    return nbformat.v4.new_output("display_data", data={"text/html": text})


def _transform_outputs(nb, exports: _Exports, report_name: str) -> tuple[list[str], bool]:
    """Replace project mime bundles by their report HTML; returns (source ids in order of use, has_sources)."""
    used: dict[str, None] = {}
    has_sources = False
    id_map: dict[str, str] = {}
    auto = 0
    for cell_no, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "code":
            continue
        new_outputs = []
        for out in cell.get("outputs", []):
            kind = out.get("output_type")
            if kind == "stream":
                if out.get("name") == "stderr":
                    continue  # warnings are for authors; the executed notebook in build/ keeps them
                out["text"] = _MEMORY_ADDRESS.sub(" at 0x…", _plain(out.get("text", "")))
                new_outputs.append(out)
                continue
            if kind == "error":
                new_outputs.append(out)
                continue
            data = out.get("data", {})
            if present.CHART_MIME in data:
                payload = data[present.CHART_MIME]
                for s in payload.get("sources", []):
                    used.setdefault(s, None)
                new_outputs.append(_html_output(_chart_figure(payload, "vega-lite", payload["spec"], exports, cell_no)))
            elif present.TABLE_MIME in data:
                payload = data[present.TABLE_MIME]
                for s in payload.get("sources", []):
                    used.setdefault(s, None)
                new_outputs.append(_html_output(_table_figure(payload, exports, cell_no)))
            elif present.SOURCES_MIME in data:
                has_sources = True
                new_outputs.append(_html_output('<div class="report-sources-slot"></div>'))
            elif any(m in data for m in _VEGA_MIMES) or any(_VEGALITE_MIME.match(m) for m in data):
                # a chart displayed without present.chart(): still drawn offline, with exports, but no caption
                auto += 1
                vega = next((data[m] for m in _VEGA_MIMES if m in data), None)
                mode, spec = ("vega", vega) if vega is not None else (
                    "vega-lite", next(data[m] for m in data if _VEGALITE_MIME.match(m)))
                title = spec.get("title", "") if isinstance(spec, dict) else ""
                title = title.get("text", "") if isinstance(title, dict) else title
                payload = {"key": f"chart-{auto}", "title": str(title or f"Chart {auto}"),
                           "description": str(spec.get("description", "")), "caption": "", "sources": []}
                new_outputs.append(_html_output(_chart_figure(payload, mode, spec, exports, cell_no)))
            else:
                for mime in list(data):
                    if mime.startswith("text/") or mime == "image/svg+xml":
                        text = _MEMORY_ADDRESS.sub(" at 0x…", _plain(data[mime]))
                        data[mime] = _stable_ids(text, id_map)
                new_outputs.append(out)
        cell.outputs = new_outputs
    return list(used), has_sources


# ---------------------------------------------------------------------------------------------- page parts


_HEADING = re.compile(r'<h([23])\b[^>]*?\bid="([^"]+)"[^>]*>(.*?)(?:<a class="anchor-link"[^>]*>[^<]*</a>)?</h\1>',
                      re.S)
_TAG = re.compile(r"<[^>]+>")


def _toc(body: str) -> str:
    items = []
    for level, anchor, inner in _HEADING.findall(body):
        text = _TAG.sub("", inner).strip()
        if not text:
            continue
        cls = ' class="report-toc-sub"' if level == "3" else ""
        items.append(f'<li{cls}><a href="#{anchor}">{present.mark_arabic_text(html.unescape(text))}</a></li>')
    if not items:
        return ""
    return ('<nav class="report-toc" aria-labelledby="report-toc-title"><h2 id="report-toc-title">Contents</h2>'
            f'<ol>{"".join(items)}</ol></nav>')


def _nav(entry: Any, label: str = "Collection") -> str:
    prev, nxt = _link(_get(entry, "prev")), _link(_get(entry, "next"))
    parts = ['<a class="report-nav-index" href="index.html">All reports</a>']
    if prev:
        parts.insert(0, f'<a class="report-nav-prev" rel="prev" href="{_esc(prev["output"])}">'
                        f'← Previous: {_esc(prev["title"])}</a>')
    if nxt:
        parts.append(f'<a class="report-nav-next" rel="next" href="{_esc(nxt["output"])}">'
                     f'Next: {_esc(nxt["title"])} →</a>')
    return f'<nav class="report-nav" aria-label="{label}">' + "".join(parts) + "</nav>"


def _header(entry: Any, toc: str) -> str:
    title = present.mark_arabic_text(_get(entry, "title", ""))
    nb_id = _get(entry, "id")
    summary = _get(entry, "summary", "")
    variant = _get(entry, "variant")
    rows = [
        ("Article paragraphs", _esc(_get(entry, "paragraphs", "")) or "—"),
        ("Parameters", parameter_line(_get(entry, "parameters", {}) or {}, nb_id, _get(entry, "defaults"))),
        ("Data version", f"<code>{_esc(_get(entry, 'data_version') or data_version())}</code>"),
    ]
    if variant:
        rows.insert(1, ("Variant", _esc(variant)))
    meta = "".join(f"<div><dt>{k}</dt><dd>{v}</dd></div>" for k, v in rows)
    return (
        f'<header class="report-header">{_nav(entry)}{search.box_html(ASSETS)}'
        f'<p class="report-kicker">Neutralizing NATO — notebook {_esc(nb_id or "")}</p>'
        f"<h1>{title}</h1>"
        + (f'<p class="report-summary">{present.mark_arabic_text(summary)}</p>' if summary else "")
        + f'<dl class="report-meta">{meta}</dl>{toc}</header>'
    )


def _footer(entry: Any) -> str:
    return (f'<footer class="report-footer">{_nav(entry, "Collection, end of page")}<p>Built from notebook '
            f'<code>{_esc(_get(entry, "stem", ""))}</code>. Charts are drawn in the page from local files; '
            "each chart and table can be downloaded below it.</p></footer>")


def _drop_first_h1(nb) -> None:
    """The page header shows the title; the notebook's own H1 line would repeat it."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.splitlines()
        for i, line in enumerate(lines):
            if line.strip():
                if line.startswith("# "):
                    cell.source = "\n".join(lines[:i] + lines[i + 1:]).strip("\n")
                return
        return


def mark_arabic_html(fragment: str) -> str:
    """Mark Arabic in an HTML fragment: whole-Arabic blocks get ``lang/dir`` on the element, runs get a span."""
    if not present._HAS_ARABIC.search(fragment):
        return fragment
    from bs4 import BeautifulSoup, NavigableString

    soup = BeautifulSoup(fragment, "html.parser")
    for el in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "blockquote", "dd", "dt"]):
        text = el.get_text(" ", strip=True).replace("¶", "")
        if present.is_arabic_text(text) and not el.has_attr("lang"):
            el["lang"], el["dir"] = "ar", "rtl"
    for node in list(soup.find_all(string=True)):
        if not isinstance(node, NavigableString) or not present._HAS_ARABIC.search(node):
            continue
        if type(node) is not NavigableString:  # comments, CDATA…
            continue
        if any(p.name in ("script", "style", "code", "pre") or p.has_attr("lang") for p in node.parents
               if p.name and p.name != "[document]"):
            continue
        marked = present.mark_arabic_text(str(node))
        node.replace_with(BeautifulSoup(marked, "html.parser"))
    return str(soup)


@functools.lru_cache(maxsize=1)
def _exporter():
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        extra_template_basedirs=[str(TEMPLATES)],
        template_name="nato_report",
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        anchor_link_text="¶",
    )
    exporter.register_filter("mark_arabic", mark_arabic_html)
    return exporter


# ---------------------------------------------------------------------------------------------- public API


def render_report(nb, entry) -> dict[str, bytes]:
    """The report page and its exports for one executed notebook (paths relative to ``reports/``)."""
    name = _name(entry)
    clean = clean_notebook(nb)
    clean.metadata["title"] = _get(entry, "title", name)
    _drop_first_h1(clean)
    exports = _Exports(name)
    used, has_slot = _transform_outputs(clean, exports, name)
    sources_html = present.bibliography_html(used)
    if not has_slot:
        import nbformat

        clean.cells.append(nbformat.v4.new_markdown_cell("## Sources", id=f"cell-{len(clean.cells) + 1:03d}"))
        clean.cells.append(nbformat.v4.new_code_cell("present.sources_section()", id=f"cell-{len(clean.cells) + 1:03d}"))
        clean.cells[-1].metadata["tags"] = ["report-added"]
        clean.cells[-1].outputs = [_html_output('<div class="report-sources-slot"></div>')]
    resources = {"report": {"assets": ASSETS, "header": "", "footer": _footer(entry)},
                 "metadata": {"name": name}}
    body, _ = _exporter().from_notebook_node(clean, resources=resources)
    body = body.replace('<div class="report-sources-slot"></div>',
                        f'<section class="report-sources-section" id="sources">{sources_html}</section>')
    main_start = body.find('<main id="report-main">')
    toc = _toc(body[main_start:])
    page = body.replace('<main id="report-main">', _header(entry, toc) + '<main id="report-main">', 1)
    page = page.replace("</head>", search.head_html(ASSETS) + "</head>", 1)  # search box (issue 11)
    page = re.sub(r"[ \t]+\n", "\n", page)
    files = {_output(entry): page.encode("utf-8")}
    files.update(exports.files)
    return files


def _page(title: str, body: str, lang: str = "en") -> bytes:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        f"<title>{_esc(title)}</title>\n"
        f'<link rel="stylesheet" href="{ASSETS}report.css">\n{search.head_html(ASSETS)}</head>\n'
        f'<body class="report report-plain">\n<a class="report-skip" href="#report-main">Skip to the content</a>\n'
        f"{search.box_html(ASSETS)}{body}\n</body>\n</html>\n"
    ).encode("utf-8")


def render_index(entries) -> bytes:
    """``reports/index.html``: every notebook in collection order, its summary, paragraphs and every variant."""
    groups: dict[str, list] = {}
    for e in entries:
        groups.setdefault(str(_get(e, "id") or _name(e)), []).append(e)
    items = []
    for nb_id, group in groups.items():
        main = next((e for e in group if not _get(e, "variant")), group[0])
        base_title = str(_get(main, "title", "")).strip()
        variants = [e for e in group if e is not main]
        var_html = ""
        if variants:
            lis = "".join(
                f'<li><a href="{_esc(_output(v))}">{_esc(_get(v, "variant") or _name(v))}</a>: '
                f'{parameter_line(_get(v, "parameters", {}) or {}, nb_id)}</li>' for v in variants)
            var_html = f'<p class="index-variants-label">Variants:</p><ul class="index-variants">{lis}</ul>'
        items.append(
            f'<li class="index-entry"><h2><a href="{_esc(_output(main))}">'
            f'<span class="index-id">{_esc(nb_id)}</span> {present.mark_arabic_text(base_title)}</a></h2>'
            f'<p>{present.mark_arabic_text(_get(main, "summary", ""))}</p>'
            f'<p class="index-meta">Paragraphs {_esc(_get(main, "paragraphs", ""))} · parameters: '
            f'{parameter_line(_get(main, "parameters", {}) or {}, nb_id)}</p>{var_html}</li>'
        )
    body = (
        '<header class="report-header"><p class="report-kicker">Notebook collection</p>'
        "<h1>Neutralizing NATO: the reports</h1>"
        '<p class="report-summary">Reports on the April 2024 article '
        '<span lang="ar" dir="rtl">«تحييد الناتو: إطار أمني روسي صيني قيد المناقشة»</span> '
        "(“Neutralizing NATO: a Russian–Chinese security framework under discussion”), in reading order. "
        f'Data version <code>{_esc(data_version())}</code>.</p></header>'
        f'<main id="report-main"><ol class="index-list">{"".join(items)}</ol></main>'
    )
    return _page("Neutralizing NATO: the reports", body)


def render_failure(entry, error) -> bytes:
    """A page for a report that could not be built: which cell, the error, the parameters."""
    title = f"{_get(entry, 'title', _name(entry))} — build failed"
    ename = _get(error, "ename") or type(error).__name__
    evalue = _get(error, "evalue")
    if evalue is None:
        evalue = str(error)
    cell_index, exec_count = _get(error, "cell_index"), _get(error, "exec_count")
    where = []
    if cell_index is not None:
        where.append(f"cell {int(cell_index) + 1} of the notebook (index {int(cell_index)})")
    if exec_count is not None:
        where.append(f"execution count {exec_count}")
    stage = _get(error, "stage")
    where_text = ", ".join(where) or (f"the {stage} stage" if stage else "an unknown place")
    tb = _get(error, "traceback") or ""
    tb = "\n".join(tb) if isinstance(tb, list) else str(tb)
    tb = _MEMORY_ADDRESS.sub(" at 0x…", _ANSI.sub("", tb))
    source = _get(error, "source") or ""
    params = _get(error, "parameters") or _get(entry, "parameters", {}) or {}
    debug = _get(error, "debug_notebook") or ""
    body = (
        f'<header class="report-header">{_nav(entry)}<h1>{_esc(title)}</h1></header>'
        '<main id="report-main" class="report-failure">'
        f'<p class="report-failure-lead">This report could not be built. The error happened in {_esc(where_text)}.</p>'
        f"<dl class=\"report-meta\"><div><dt>Error</dt><dd><code>{_esc(ename)}: {_esc(evalue)}</code></dd></div>"
        f"<div><dt>Parameters</dt><dd>{parameter_line(params, _get(entry, 'id'))}</dd></div>"
        f"<div><dt>Notebook</dt><dd><code>{_esc(_get(entry, 'stem', _name(entry)))}</code></dd></div>"
        + (f"<div><dt>Executed notebook</dt><dd><code>{_esc(debug)}</code></dd></div>" if debug else "")
        + "</dl>"
        + (f'<h2>The failing cell</h2><pre class="report-failure-source" tabindex="0">{_esc(source)}</pre>'
           if source else "")
        + (f'<h2>Traceback</h2><pre class="report-failure-traceback" tabindex="0">{_esc(tb)}</pre>' if tb else "")
        + "</main>"
    )
    return _page(title, body)


REPORT_JS = """\
/* Draws every chart of the page with the local vega bundle; sets data-charts-drawn on <html> when done. */
(function () {
  "use strict";
  function draw() {
    var root = document.documentElement;
    var containers = Array.prototype.slice.call(document.querySelectorAll(".report-chart[data-spec]"));
    if (typeof window.vegaEmbed !== "function") {
      if (containers.length) { console.error("report: the vega bundle (assets/vega-bundle.js) did not load"); }
      root.setAttribute("data-charts-drawn", containers.length ? "error" : "true");
      return;
    }
    var jobs = containers.map(function (el) {
      var spec = JSON.parse(document.getElementById(el.getAttribute("data-spec")).textContent);
      var options = {mode: el.getAttribute("data-mode") || "vega-lite", renderer: "svg", actions: false,
                     tooltip: {theme: "light"}};
      return window.vegaEmbed(el, spec, options).then(function (result) {
        var svg = el.querySelector("svg");
        if (svg) { svg.setAttribute("aria-hidden", "true"); svg.setAttribute("focusable", "false"); }
        el.setAttribute("data-drawn", "true");
        return result;
      });
    });
    Promise.all(jobs).then(function () {
      root.setAttribute("data-charts-drawn", "true");
    }, function (err) {
      console.error("report: a chart could not be drawn: " + err);
      root.setAttribute("data-charts-drawn", "error");
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
"""


def shared_assets() -> dict[str, bytes]:
    """Files every report links to, under ``reports/assets/`` (written once per collection)."""
    import vl_convert as vlc

    from helpers import theme

    lab_static = _lab_static()
    lab_css = (lab_static / "index.css").read_text(encoding="utf-8") + "\n" + \
        (lab_static / "theme-light.css").read_text(encoding="utf-8")
    return {
        f"{ASSETS}vega-bundle.js": vlc.javascript_bundle(vl_version=theme.vl_version()).encode("utf-8"),
        f"{ASSETS}report.js": REPORT_JS.encode("utf-8"),
        f"{ASSETS}lab.css": lab_css.encode("utf-8"),
        f"{ASSETS}report.css": (TEMPLATES / "nato_report" / "static" / "report.css").read_bytes(),
        **search.assets(),  # MiniSearch, search.js, search.css (issue 11); the index is written by the build
    }


def _lab_static() -> Path:
    from jupyter_core.paths import jupyter_path

    for base in jupyter_path("nbconvert", "templates"):
        candidate = Path(base) / "lab" / "static"
        if (candidate / "index.css").exists():
            return candidate
    raise RenderError("nbconvert's 'lab' template (static/index.css) was not found; reinstall nbconvert")
