"""The pages: a report (header, collection sidebar, contents, figures, bibliography), the index, a failure page."""

from __future__ import annotations

import collections
import functools
import html
import json
import re

from helpers.render import (citations, exports, folds, front, notebook, page_parts, reference_dates, site,
                            source_refs, templating)

ASSETS = "assets/"
_HEADING = re.compile(r'<h([23])\b[^>]*?\bid="([^"]+)"[^>]*>(.*?)(?:<a class="anchor-link"[^>]*>[^<]*</a>)?</h\1>',
                      re.S)
_TAG = re.compile(r"<[^>]+>")
#: Terminal escape sequences (CSI, OSC, two-character ones) and every other control character but line breaks and
#: tabs: an error message is shown as text, never as instructions to a terminal that prints the page.
_ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
HEADER_SLOT = "<!--report-header-->"
SIDEBAR_SLOT = "<!--report-sidebar-->"
FOOTER_SLOT = "<!--report-footer-->"
MAIN_OPEN = '<main id="report-main">'
#: Markdown cells rendered, by their text, attachments, folder and edition: variants of a report share their prose.
#: Bounded (the oldest use is forgotten first), so a long-lived process (the preview) does not grow with each edit.
_PROSE: collections.OrderedDict[tuple, str] = collections.OrderedDict()
PROSE_MEMO_SIZE = 4096


def toc_items(body: str) -> list[dict]:
    items = []
    for level, anchor, inner in _HEADING.findall(body):
        words = _TAG.sub("", inner).strip()
        if words:
            items.append({"anchor": anchor, "text": html.unescape(words), "sub": level == "3"})
    return items


def _link(value) -> dict | None:
    if not value:
        return None
    if isinstance(value, dict):
        return {"title": value.get("title") or value.get("output"), "output": value.get("output")}
    return {"title": getattr(value, "title", ""), "output": getattr(value, "output", "")}


def _lang(entry) -> str:
    return getattr(entry, "lang", None) or "en"


def chrome(entry, toc: list[dict] | None = None) -> dict:
    """What the header, the sidebar and the footer of a page show."""
    from helpers import i18n

    parameters = entry.parameters or {}
    title = site.reader_title(entry.title, parameters, entry.defaults, entry.variant)
    other, href = i18n.counterpart(entry.output, _lang(entry))
    alone = bool(getattr(entry, "standalone", False))  # python -m helpers.render: no collection beside the page
    return {
        "lang": _lang(entry), "counterpart": None if alone else {"lang": other, "href": href}, "standalone": alone,
        "entry": entry, "title": title, "nb_id": entry.id or "", "toc": toc or [],
        "prev": None if alone else _link(entry.prev), "next": None if alone else _link(entry.next),
        "nav": [] if alone else site.nav_items(entry.name),
        "params": site.params_markup(parameters, entry.id, entry.defaults),
        "variant": site.variant_label(parameters, entry.defaults) if entry.variant else "",
        "summary": i18n.text(entry.summary, _lang(entry)), "data_version": site.data_version(),
        "data_files": list(getattr(entry, "data_files", None) or []), "assets": ASSETS,
        "about": site.about(),
    }


@functools.lru_cache(maxsize=2)
def exporter(lang: str = "en"):
    """nbconvert's HTML exporter with the ``nato_report`` template for an edition (``<html lang>``); its
    ``prose_html`` filter writes each markdown cell through :func:`prose_html`."""
    import jinja2
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    from helpers import i18n

    # the code style is not inlined in every page: assets/lab.css carries it (helpers.render.assets)
    made = HTMLExporter(extra_template_basedirs=[str(templating.TEMPLATES)], template_name="nato_report",
                        exclude_input_prompt=True, exclude_output_prompt=True, anchor_link_text="¶",
                        language_code=lang, config=Config({"CSSHTMLHeaderPreprocessor": {"enabled": False}}))
    made.register_filter("mark_arabic", notebook.mark_arabic_html)
    # in ``filters`` (not register_filter): from_notebook_node would otherwise put its own highlighter back
    made.filters = {**made.filters, "highlight_code": notebook.lean_highlighter(made)}

    def tr(msgid: str) -> str:
        return i18n.gettext(msgid, lang)

    made.register_filter("t", tr)
    made.register_filter("prose_html", jinja2.pass_context(
        lambda context, cell: prose_html(cell, context.get("resources", {}))))
    # long sections folded for the first read (helpers.render.folds)
    made.register_filter("fold_text", lambda fragment, cell: folds.fold_text(fragment, cell, tr))
    made.register_filter("hints", templating.screen_hints)  # a paragraph's slider instruction: the screen's alone
    made.register_filter("fold_run", folds.run_tag)
    made.register_filter("fold_open", lambda tag: folds.opening(tag, tr))
    return made


def prose_html(cell, resources: dict) -> str:
    """One markdown cell as the page shows it: nbconvert's markdown (math, attachments, heading anchors), the
    ``files/`` prefix of links stripped, Arabic marked. The template and a prose-only re-render both call this."""
    lang = resources.get("report", {}).get("lang", "en")
    key = (cell.source, json.dumps(cell.get("attachments") or {}, sort_keys=True),
           resources.get("metadata", {}).get("path", ""), lang)
    if key in _PROSE:  # the same text renders the same way
        _PROSE.move_to_end(key)
        return _PROSE[key]
    from nbconvert.filters import strip_files_prefix

    from helpers.render import safe_prose

    where = (f"{resources.get('metadata', {}).get('name', 'notebook')}: markdown cell {cell.get('id', '?')} "
             f"(from {cell.source.strip()[:30]!r})")
    safe_prose.check(cell.source, where + (" (its Arabic, in the notebook's catalog)" if lang != "en" else ""))
    html_text = exporter(lang).markdown2html({"cell": cell, "resources": resources}, cell.source)
    _PROSE[key] = notebook.mark_language_html(safe_prose.clean(strip_files_prefix(html_text)), lang)
    while len(_PROSE) > PROSE_MEMO_SIZE:
        _PROSE.popitem(last=False)
    return _PROSE[key]


def _append_sources_cell(nb, lang: str = "en") -> None:
    import nbformat

    from helpers import i18n

    nb.cells.append(nbformat.v4.new_markdown_cell(f"## {i18n.gettext('Sources', lang)}",
                                                  id=f"cell-{len(nb.cells) + 1:03d}"))
    cell = nbformat.v4.new_code_cell("present.sources_section()", id=f"cell-{len(nb.cells) + 1:03d}")
    cell.metadata["tags"] = ["report-added"]
    cell.outputs = [exports.html_output(exports.SOURCES_SLOT)]
    nb.cells.append(cell)


def resources(entry) -> dict:
    """What nbconvert's templates see."""
    return {"report": {"assets": ASSETS, "lang": _lang(entry)}, "metadata": {"name": entry.name}}


def prepared(nb, entry):
    """The notebook as the page shows it: in the edition's language (the Arabic edition's prose and headings from
    the notebook's catalog), cleaned, titled for the reader, without its own H1."""
    if _lang(entry) != "en":
        import copy

        from helpers import i18n

        nb = copy.copy(nb)
        nb.cells = [copy.deepcopy(c) if c.get("cell_type") == "markdown" else c for c in nb.cells]
        i18n.translate_markdown(nb, entry.stem, _lang(entry))
    clean = notebook.clean_notebook(nb)
    clean.metadata["title"] = site.reader_title(entry.title, entry.parameters or {}, entry.defaults,
                                                      entry.variant)
    notebook.drop_first_h1(clean)
    return clean


def render_report(nb, entry) -> dict[str, bytes]:
    """The report page and its exports for one executed notebook (paths relative to ``reports/``)."""
    return render_report_parts(nb, entry)[0]


def render_report_parts(nb, entry) -> tuple[dict[str, bytes], dict]:
    """``(files, parts)``: the files of :func:`render_report`, and the parts of the page a prose-only edit can
    re-render without nbconvert's whole pass (see :mod:`helpers.render.prose_in_page`)."""
    clean = prepared(nb, entry)
    signature = page_parts.signature(clean)
    cites = citations.Citations()
    outputs = exports.Outputs(exports.Exports(entry.name), cites)
    outputs.transform(clean)
    if not outputs.has_slot:
        _append_sources_cell(clean, _lang(entry))
    body, _ = exporter(_lang(entry)).from_notebook_node(clean, resources=resources(entry))
    section = _sources_section(cites, body + str(list(outputs.glance)) + str(outputs.summary or ""))
    body = body.replace(exports.SOURCES_SLOT, section)
    parts = {"signature": signature, "body": body, "cells": page_parts.markdown_cells(clean),
             "glance": list(outputs.glance), "summary": outputs.summary}
    files = {entry.output: finish_page(body, entry, outputs.glance, outputs.summary)}
    files.update(outputs.exports.files)
    return files, parts


def _sources_section(cites, named_in: str) -> str:
    """The bibliography, numbering also the sources the page's words name by their id (in the order named) and
    those the bibliography's own notes name (:mod:`helpers.render.source_refs`)."""
    for sid in source_refs.named(named_in, cites.known):
        cites.number(sid)
    section = ""
    for _ in range(4):  # a note naming a source adds it; that source's note may name another
        count = len(cites.numbers)
        section = templating.render("sources_section.html.j2", bibliography=cites.bibliography())
        for sid in source_refs.named(section, cites.known):
            cites.number(sid)
        if len(cites.numbers) == count:
            break
    return section


def _summary(entry) -> str:
    """The collection's summary of a page, in the page's language."""
    from helpers import i18n

    return i18n.text(entry.summary, _lang(entry))


def finish_page(body: str, entry, glance, summary: str) -> bytes:
    """The nbconvert body with the header, the sidebar (contents from its headings), the footer and the search
    tags filled in.

    The slots are filled by where the template puts them, not by searching the whole page: the head, the sidebar
    and the header come before the template's own ``<main>`` (nothing a notebook wrote is there), the footer
    after the last footer slot (nothing a notebook wrote comes after it). A slot's text in a notebook's prose or
    output stays an inert comment where it is."""
    before, opened, rest = body.partition(MAIN_OPEN)
    cut = rest.rfind(FOOTER_SLOT)
    if not opened or cut < 0:
        raise ValueError("the report template lost its <main> element or its footer slot")
    content, after = rest[:cut], rest[cut + len(FOOTER_SLOT):]
    parts = chrome(entry, toc_items(opened + content))
    parts["glance"] = glance
    parts["summary"] = summary or _summary(entry)
    record = front.page_record(entry, glance, parts["summary"], content)
    parts["record_json"] = front.record_json(dict(record, title=parts["title"]))
    before = before.replace(HEADER_SLOT, templating.render("header.html.j2", **parts), 1)
    before = before.replace(SIDEBAR_SLOT, templating.render("sidebar.html.j2", **parts), 1)
    head = (f'<link rel="stylesheet" href="{ASSETS}fonts.css">\n' if parts["standalone"]  # no search index beside it
            else str(templating.env().globals["search_head"](ASSETS)) + templating.render("alternate.html.j2", **parts))
    before = before.replace("</head>", head + "</head>", 1)
    if parts["lang"] != "en":
        from helpers import i18n

        before = before.replace(f'<html lang="{parts["lang"]}">', f'<html lang="{parts["lang"]}" '
                                f'dir="{i18n.direction(parts["lang"])}">', 1)
    page = before + opened + content + templating.render("footer.html.j2", **parts) + after
    page = re.sub(r"[ \t]+\n", "\n", page)
    return source_refs.cite(page).encode("utf-8")


def _page(template: str, **context) -> bytes:
    context.setdefault("lang", "en")
    return (templating.render(template, assets=ASSETS, **context).rstrip("\n") + "\n").encode("utf-8")


def render_index(entries, records: dict[str, dict] | None = None, builds=None,
                 states: dict[str, str] | None = None) -> bytes:
    """``reports/index.html`` (``reports/ar/index.html`` for the Arabic edition), the front page: every notebook in
    collection order with its headline finding and first figure (from ``records``, each page's own record by output
    name), its variants folded, and "Your builds" (``builds``: :class:`helpers.render.front.BuiltReport` items, see
    :func:`front.your_builds`). ``states``: ``{output: "missing" or "failed"}`` for a page not in the folder or
    whose last build failed; the index says so and gives the command that builds it, and links no missing page."""
    from helpers import i18n

    records, states = records or {}, states or {}
    lang = _lang(entries[0]) if entries else "en"
    other, href = i18n.counterpart("index.html", lang)
    groups: dict[str, list] = {}
    for e in entries:
        groups.setdefault(str(e.id or e.name), []).append(e)
    items = []
    for nb_id, group in groups.items():
        main = next((e for e in group if not e.variant), group[0])
        variants = [{"output": v.output, "state": states.get(v.output, ""),
                     "label": site.variant_label(v.parameters or {}, v.defaults)
                     or site.variant_label(v.parameters or {}) or v.variant or v.name,
                     "params": site.params_markup(v.parameters or {}, nb_id)}
                    for v in group if v is not main]
        record = records.get(main.output) or {}
        items.append({"id": nb_id, "entry": main, "variants": variants, "state": states.get(main.output, ""),
                      "command": f'make reports ARGS="--only {nb_id} --lang {lang}"',
                      "finding": front.headline(record, main.summary), "figure": record.get("figure", ""),
                      "params": site.params_markup(main.parameters or {}, nb_id)})
    mine = [{"output": b.output, "id": b.nb_id, "title": b.title,
             "params": b.meta or site.params_markup(b.parameters, b.nb_id), "finding": b.finding,
             "stale": b.stale, "command": b.command}
            for b in (builds or [])]
    found = {it["id"]: (records.get(it["entry"].output), it["entry"].output) for it in items if not it["state"]}
    missing = {o for o, state in states.items() if state == "missing"}
    return _page("index.html.j2", items=items, builds=mine, data_version=site.data_version(), lede=front.lede(found),
                 dates=reference_dates.rows(entries, missing), data_end=reference_dates.data_end(),
                 about=site.about(), lang=lang,
                 nav=site.nav_items("", frozenset(o for o, state in states.items() if state == "missing")),
                 counterpart={"lang": other, "href": href})


def _where(error) -> str:
    cell_index, exec_count = getattr(error, "cell_index", None), getattr(error, "exec_count", None)
    where = []
    if cell_index is not None:
        where.append(f"cell {int(cell_index) + 1} of the notebook (index {int(cell_index)})")
    if exec_count is not None:
        where.append(f"execution count {exec_count}")
    stage = getattr(error, "stage", None)
    return ", ".join(where) or (f"the {stage} stage" if stage else "an unknown place")


def render_failure(entry, error) -> bytes:
    """A page for a report that could not be built: which cell, the error, the parameters."""
    title = f"{entry.title or entry.name} — build failed"
    evalue = getattr(error, "evalue", None)
    tb = getattr(error, "traceback", "") or ""
    tb = "\n".join(tb) if isinstance(tb, list) else str(tb)
    params = getattr(error, "parameters", None) or entry.parameters or {}
    return _page("failure.html.j2", lang=_lang(entry), title=title, where=_where(error), entry=entry,
                 ename=getattr(error, "ename", None) or type(error).__name__,
                 evalue=_ANSI.sub("", str(error) if evalue is None else str(evalue)),
                 params=site.params_markup(params, entry.id), source=getattr(error, "source", "") or "",
                 traceback=notebook.MEMORY_ADDRESS.sub(" at 0x…", _ANSI.sub("", tb)),
                 debug=getattr(error, "debug_notebook", "") or "", **{k: v for k, v in chrome(entry).items()
                                                                      if k in ("prev", "next", "nav")})

