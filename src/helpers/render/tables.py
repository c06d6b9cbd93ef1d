"""Tables for readers: labelled headers and cells, numbers and dates for readers, a sticky first column, CSV
exports safe to open in a spreadsheet, and the comparison matrix (``present.matrix``)."""

from __future__ import annotations

import datetime as _dt
import html
import io
import math
import re

from helpers import wording
from helpers.render import citations, text

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEARISH = re.compile(r"(^|_)(year|years|founded_year|start_year|end_year)$")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _number_types():
    try:
        import numpy as np

        return (int, float, np.integer, np.floating)
    except ImportError:
        return (int, float)


def is_number(value) -> bool:
    return isinstance(value, _number_types()) and not isinstance(value, bool)


def format_cell(value, column: str = "") -> str:
    """One value as the reader sees it: thousands separators, years as integers, dates as '4 Apr 1949'."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "yes" if bool(value) else "no"
    if is_number(value):
        number = float(value)
        if math.isnan(number):
            return ""
        if _YEARISH.search(str(column)) and number.is_integer():
            return str(int(number))
        if number.is_integer() and abs(number) < 1e15:
            return f"{int(number):,}"
        return f"{number:,.2f}" if abs(number) >= 1 else f"{number:.3g}"
    if isinstance(value, (_dt.date, _dt.datetime)) or type(value).__name__ == "Timestamp":
        return text.human_date(value)
    shown = text.as_text(value)
    if _ISO_DATE.match(shown):
        return text.human_date(shown)
    return shown


def _cell(value, column: str, labelled: bool) -> str:
    if isinstance(value, str) and (labelled or wording.is_identifier(value)):
        shown = wording.label(value, column)
        shown = wording.words(shown, column) if shown == value else shown
    elif isinstance(value, str):
        shown = wording.words(format_cell(value, column), column)
    else:
        shown = format_cell(value, column)
    attrs = []
    if is_number(value):
        attrs.append('class="num"')
    elif _ISO_DATE.match(text.as_text(value)) or isinstance(value, (_dt.date, _dt.datetime)):
        attrs.append('class="date"')
    if len(shown) > 60:
        attrs.append('data-long="true"')
    if text.is_arabic_text(shown):
        attrs.append('lang="ar" dir="rtl"')
        return f"<td {' '.join(attrs)}>{html.escape(shown)}</td>"
    return f"<td{' ' if attrs else ''}{' '.join(attrs)}>{text.mark_arabic_text(shown)}</td>"


def table_html(frame, key: str, title: str, table: str = "") -> str:
    """A plain, escaped, deterministic HTML table; headers and coded values in reader words."""
    cols = [str(c) for c in frame.columns]
    with_labels = wording.labelled_columns(cols, table)
    head = "".join(f'<th scope="col">{text.mark_arabic_text(wording.header(c, table))}</th>' for c in cols)
    body = []
    for row in frame.itertuples(index=False, name=None):
        body.append("<tr>" + "".join(_cell(v, c, c in with_labels) for v, c in zip(row, cols)) + "</tr>")
    return (
        f'<table class="report-table" id="table-{key}">'
        f'<caption class="visually-hidden">{text.mark_arabic_text(title)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def neutralise(value):
    """A cell a spreadsheet would run as a formula (starts with = + - @ tab CR) gets a leading apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def table_csv(frame) -> str:
    """The table as CSV (UTF-8, '\\n' line ends, no index, formula-like text cells neutralised)."""
    safe = frame.copy()
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    for c in safe.columns:
        if safe[c].dtype == object or str(safe[c].dtype) in ("str", "string"):
            safe[c] = safe[c].map(neutralise)
    buf = io.StringIO()
    safe.to_csv(buf, index=False, lineterminator="\n", date_format="%Y-%m-%d")
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------- matrix

SYMBOLS = ((0.75, "●"), (0.5, "◕"), (0.25, "◑"), (0.0, "○"))


def _shade(score) -> str:
    if score is None or (isinstance(score, float) and math.isnan(score)):
        return "unknown"
    if float(score) < 0:  # a described dimension whose values are kinds, not degrees: left unshaded
        return "none"
    return str(min(4, max(0, int(round(float(score) * 4)))))


def _symbol(score) -> str:
    if _shade(score) in ("unknown", "none"):
        return {"unknown": "?", "none": "–"}[_shade(score)]
    return next(sym for limit, sym in SYMBOLS if float(score) >= limit)


def _matrix_cell(rec: dict, spec: dict, notes: list) -> str:
    value = rec.get(spec["value"])
    score = rec.get(spec["score"]) if spec["score"] else None
    unknown = value is None or str(value) == "unknown" or (isinstance(value, float) and math.isnan(value))
    shade = "unknown" if unknown else _shade(score)
    word = "unknown" if unknown else wording.label(value, spec["value_column"])
    detail = text.as_text(rec.get(spec["detail"])) if spec["detail"] else ""
    sid = text.as_text(rec.get(spec["source"])) if spec["source"] else ""
    ref = ""
    if detail or sid:
        notes.append((len(notes) + 1, detail, sid))
        ref = f'<sup class="matrix-note-ref">{len(notes)}</sup>' + (citations.placeholder(sid) if sid else "")
    tip = f'<span class="cell-tip" role="tooltip">{text.mark_arabic_text(detail)}</span>' if detail else ""
    focus = ' tabindex="0"' if detail else ""
    return (f'<td class="matrix-cell shade-{shade}"{focus}><span class="matrix-symbol" aria-hidden="true">'
            f'{"?" if unknown else _symbol(score)}</span> {text.mark_arabic_text(word)}{ref}{tip}</td>')


def matrix_html(frame, spec: dict, key: str, title: str) -> tuple[str, str]:
    """(table, legend + notes): columns = ``spec["columns"]`` values, rows grouped by ``spec["group"]``; each
    cell a symbol and a short word, shaded by ``spec["score"]`` (0 framework-like … 1 alliance-like)."""
    cols = spec["column_order"] or list(dict.fromkeys(frame[spec["columns"]]))
    head = "".join(f'<th scope="col">{text.mark_arabic_text(wording.label(c, spec["columns"]))}</th>' for c in cols)
    cells = {(str(r[spec["rows"]]), str(r[spec["columns"]])): r for r in frame.to_dict("records")}
    rows = list(dict.fromkeys(str(r) for r in frame[spec["rows"]]))
    groups = {str(r[spec["rows"]]): str(r[spec["group"]]) for r in frame.to_dict("records")} if spec["group"] else {}
    notes: list = []
    body, current = [], None
    for row in sorted(rows, key=lambda r: list(dict.fromkeys(groups.values())).index(groups[r])) if groups else rows:
        if groups and groups[row] != current:
            current = groups[row]
            body.append(f'<tr class="matrix-group"><th scope="rowgroup" colspan="{len(cols) + 1}">'
                        f'{text.mark_arabic_text(wording.label(current, spec["group"]).capitalize())}</th></tr>')
        tds = "".join(_matrix_cell(cells[(row, c)], spec, notes) if (row, c) in cells
                      else '<td class="matrix-cell shade-unknown">—</td>' for c in cols)
        body.append(f'<tr><th scope="row">{text.mark_arabic_text(wording.label(row, spec["rows"]))}</th>{tds}</tr>')
    from helpers import i18n

    t = i18n.gettext
    legend = (f'<p class="matrix-legend">● {t("alliance-like")} · ◕ {t("mostly")} · ◑ {t("partly")} · '
              f'○ {t("framework-like")} · – {t("not a matter of degree")} · '
              f'<span class="shade-unknown">? {t("unknown")}</span>. {t("Hover or focus a cell for its detail.")}</p>')
    foot = "".join(f'<li value="{n}">{text.mark_arabic_text(d)}'
                   f'{" " + citations.placeholder(s) if s else ""}</li>'
                   for n, d, s in notes)
    return (f'<table class="report-table report-matrix" id="table-{key}">'
            f'<caption class="visually-hidden">{text.mark_arabic_text(title)}</caption>'
            f'<thead><tr><td></td>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>',
            f'{legend}<ol class="matrix-notes">{foot}</ol>')
