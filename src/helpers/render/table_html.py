"""Tables for readers: labelled headers and cells, numbers and dates for readers, a sticky first column, CSV
exports safe to open in a spreadsheet, and the comparison matrix (``present.matrix``)."""

from __future__ import annotations

import datetime as _dt
import html
import io
import math
import re

from helpers import paths, wording
from helpers.render import citations, markup, table_units

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEARISH = re.compile(r"(^|_)(year|founded_year|start_year|end_year)$")  # calendar years ("years" is a length)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _number_types():
    try:
        import numpy as np

        return (int, float, np.integer, np.floating)
    except ImportError:
        return (int, float)


def is_number(value) -> bool:
    return isinstance(value, _number_types()) and not isinstance(value, bool)


def format_cell(value, column: str = "", decimals: int | None = None) -> str:
    """One value as the reader sees it: thousands separators, years as integers, dates as '4 Apr 1949'; with
    ``decimals`` (the column's one precision) every number of a column shows the same number of decimals."""
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        from helpers import i18n

        return i18n.gettext("yes" if bool(value) else "no")
    if is_number(value):
        number = float(value)
        if math.isnan(number):
            return ""
        if _YEARISH.search(str(column)) and number.is_integer():
            return str(int(number))
        if table_units.P_VALUE.match(str(column)):
            return table_units.p_value(number)
        if decimals is not None:
            return f"{number:,.{decimals}f}"
        if number.is_integer() and abs(number) < 1e15:
            return f"{int(number):,}"
        return f"{number:,.2f}" if abs(number) >= 1 else f"{number:.3g}"
    if isinstance(value, (_dt.date, _dt.datetime)) or type(value).__name__ == "Timestamp":
        return markup.human_date(value)
    shown = markup.as_text(value)
    if _ISO_DATE.match(shown):
        return markup.human_date(shown)
    return shown


def _missing(value) -> bool:
    try:
        return value is None or bool(value != value)
    except TypeError:  # pandas' NA has no truth value
        return True


def column_decimals(values, column: str = "") -> int | None:
    """The one precision of a numeric column: the fewest decimals (0, 1 or 2) that show every value as it is,
    2 at most (None for a column that is not numbers, or holds years)."""
    numbers = [float(v) for v in values if is_number(v) and not isinstance(v, bool) and not math.isnan(float(v))]
    if not numbers or _YEARISH.search(str(column)) or any(0 < abs(n) < 0.01 for n in numbers):
        return None
    for d in (0, 1, 2):
        if all(abs(round(n, d) - n) < 1e-9 for n in numbers):
            return d
    return 2


#: A cell is long when its text passes this many characters; a table with long cells reads as rows (and as cards
#: on a phone), its second and later long columns set full-width under their row.
LONG = 60
EMPTY = "—"
COMPACT = 8  #: this many columns or more: a size smaller, so the table fits 1280 px (never scrolls on a wide screen)
NUM_HEAD = ' class="num"'


def _shown(value, column: str, labelled: bool, decimals: int | None) -> str:
    if isinstance(value, str) and (labelled or wording.is_identifier(value)):
        shown = wording.label(value, column)
        return wording.words(shown, column) if shown == value else shown
    if isinstance(value, str):
        return wording.words(format_cell(value, column), column)
    return format_cell(value, column, decimals)


def _mark(value) -> str:
    """Escaped text from the data, marked for the edition: Arabic runs isolated in the English edition, Latin runs
    in the Arabic one (whose page is already Arabic and right to left, so an Arabic run needs no mark there). A cell
    wholly in Latin script there (an English title: "Is neutering NATO the next Russia-China project?") is isolated
    whole, left to right, so its closing '?' or ')' is not drawn at its start by the right-to-left cell."""
    if paths.language() == "ar":
        text = "" if value is None else str(value)
        if markup.HAS_LATIN.search(text) and not markup.HAS_ARABIC.search(text):
            return f'<bdi dir="ltr">{html.escape(text)}</bdi>'
        return markup.mark_latin_text(value)
    return markup.mark_arabic_text(value)


#: A claim's verdict (``data/claims.csv``) is shown as a chip: its word on a tint of its own, one per verdict.
VERDICT_CHIPS = {"supported": "supported", "partly supported": "partly", "contradicted": "contradicted",
                 "unverifiable": "unverifiable", "interpretation": "interpretation"}


def _chip(value, column: str, content: str) -> str:
    """``content`` in the chip of its verdict when the cell is a claim's verdict (either edition's words)."""
    from helpers import i18n  # the Arabic edition's verdicts and column name, from the catalogs
    kind = ({**VERDICT_CHIPS, **{i18n.text(k, "ar"): v for k, v in VERDICT_CHIPS.items()}}.get(str(value))
            if str(column).lower() in ("verdict", i18n.text("verdict", "ar")) else None)
    return f'<span class="verdict-chip verdict-{kind}">{content}</span>' if kind else content


def _cell(value, column: str, labelled: bool, decimals: int | None = None, tag: str = "td", extra: str = "",
          numeric: bool = False) -> str:
    shown = _shown(value, column, labelled, decimals)
    attrs = [extra] if extra else []
    if not shown.strip():  # an empty cell of a numeric column: its dash where the numbers are
        empty = " ".join([*attrs, 'class="empty num"' if numeric else 'class="empty"'])
        return f'<{tag} {empty}><span aria-hidden="true">{EMPTY}</span></{tag}>'
    if is_number(value):
        attrs.append('class="num"')
    elif _ISO_DATE.match(markup.as_text(value)) or isinstance(value, (_dt.date, _dt.datetime)):
        attrs.append('class="date"')
    if len(shown) > LONG:
        attrs.append('data-long="true"')
    if markup.is_arabic_text(shown) and paths.language() != "ar":  # the Arabic edition's page is Arabic already
        attrs.append('lang="ar" dir="rtl"')
        return f"<{tag} {' '.join(attrs)}>{_chip(value, column, html.escape(shown))}</{tag}>"
    return f"<{tag}{' ' if attrs else ''}{' '.join(attrs)}>{_chip(value, column, _mark(shown))}</{tag}>"


#: Columns whose cells name a source (its title and publisher): in the Arabic edition the title keeps its own
#: language and is marked as a work's title, isolated from the Arabic around it.
SOURCE_TITLE_COLUMNS = frozenset({"main source", "second source"})


def _detail(value, column: str, labelled: bool) -> str:
    shown = _shown(value, column, labelled, None)
    if column in SOURCE_TITLE_COLUMNS and shown.strip() and paths.language() == "ar" \
            and not markup.HAS_ARABIC.search(shown):
        return f'<cite dir="auto">{html.escape(shown)}</cite>'
    # isolated from its label ("Reason: …"): a value's own direction never reorders the label
    return markup.isolated_html(_mark(shown), paths.language()) if shown.strip() else ""


def _isolated(value: str) -> str:
    """A data string isolated from the text around it (a citation after a matrix cell's detail)."""
    return markup.isolated_html(_mark(value), paths.language()) if value.strip() else ""


def _long_columns(frame, cols: list[str], with_labels: set[str]) -> list[str]:
    return [c for c in cols if any(len(_shown(v, c, c in with_labels, None)) > LONG for v in frame[c])]


LAYOUTS = ("rows", "columns", "grouped")


def _numeric_columns(frame, cols: list[str]) -> set[str]:
    """The columns of numbers only (empty cells allowed), years apart."""
    return {c for c in cols if any(is_number(v) for v in frame[c])
            and all(is_number(v) or _missing(v) for v in frame[c]) and not _YEARISH.search(c)}


def _group_rows(body: list[str], frame, group: str | None, labelled: bool, width: int) -> list[str]:
    """Layout ``grouped``: rows under a row spanning the table that names their group (the first column), once
    for a run of rows of the same group, as a journal table sets it, instead of the name on every row."""
    if group is None:
        return body
    out, current = [], None
    for row, name in zip(body, [_mark(_shown(v, group, labelled, None)) for v in frame[group]]):
        if name != current:
            current = name
            out.append(f'<tr class="report-group"><th scope="rowgroup" colspan="{width}">{name}</th></tr>')
        out.append(row)
    return out


def table_html(frame, key: str, title: str, table: str = "", layout: str = "rows", units=None) -> str:
    """A plain, escaped, deterministic HTML table; headers and coded values in reader words, one precision per
    numeric column, "—" for an empty cell. A table with long text reads as rows: its first long column stays in
    the row, later long columns (a verdict's reason) sit full-width under it; on a phone every row is a card."""
    frame, cols, heads = table_units.prepared(frame, table, units)  # "US$1.34 trillion": a number, unit in head
    with_labels = wording.labelled_columns(cols, table)
    decimals = {c: column_decimals(frame[c], c) for c in cols}
    long_cols = _long_columns(frame, cols, with_labels)
    below = long_cols[1:] if len(cols) > 2 and layout == "rows" else []
    group = cols[0] if layout == "grouped" else None
    inline = [c for c in cols if c not in below and c != group]
    numeric = _numeric_columns(frame, cols)
    # a numeric column's header sits over its numbers (right-aligned in English, left in Arabic)
    head = "".join(f'<th scope="col"{NUM_HEAD if c in numeric else ""}>{_mark(heads[c])}</th>'
                   for c in inline)
    body = []
    for rec in frame[cols].itertuples(index=False, name=None):
        row = dict(zip(cols, rec))
        cells = "".join(_cell(row[c], c, c in with_labels, decimals[c], numeric=c in numeric) for c in inline)
        if not below:
            body.append(f"<tr>{cells}</tr>")
            continue
        details = "".join(
            f'<p><span class="report-detail-label">{_mark(heads[c])}:</span> '
            f'{_detail(row[c], c, c in with_labels) or EMPTY}</p>' for c in below)
        body.append(f'<tbody class="report-record"><tr>{cells}</tr><tr class="report-row-detail">'
                    f'<td colspan="{len(inline)}">{details}</td></tr></tbody>')
    body = _group_rows(body, frame, group, group in with_labels, len(inline))
    kind = " report-cards" if long_cols else ""
    kind += " report-detailed" if below else ""
    kind += " report-compact" if len(inline) >= COMPACT else ""
    kind += " report-side-by-side" if layout == "columns" and len(long_cols) > 1 else ""
    rows = "".join(body) if below else f"<tbody>{''.join(body)}</tbody>"
    # cells name their header only where a phone shows it (a table that becomes cards), once per column
    labels = markup.card_labels(f"table-{key}", [heads[c] for c in inline]) if long_cols else ""
    return labels + (
        f'<table class="report-table{kind}" id="table-{key}">'
        f'<caption class="visually-hidden">{_mark(title)}</caption>'
        f"<thead><tr>{head}</tr></thead>{rows}</table>"
    )


def neutralise(value):
    """A cell a spreadsheet would run as a formula (starts with = + - @ tab CR) gets a leading apostrophe (OWASP)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def table_csv(frame) -> str:
    """The table as CSV (UTF-8, '\\n' line ends, no index, formula-like text cells neutralised, intervals written
    as text split into numeric low and high columns)."""
    safe = table_units.split_intervals(frame)
    safe.columns = [neutralise(str(c)) for c in safe.columns]
    for c in safe.columns:
        if safe[c].dtype == object or str(safe[c].dtype) in ("str", "string"):
            safe[c] = safe[c].map(neutralise)
    buf = io.StringIO()
    safe.to_csv(buf, index=False, lineterminator="\n", date_format="%Y-%m-%d")
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------- matrix

#: (lowest score, symbol), named by the legend; a scale's middle (0.5, e.g. "partial") is ◑ "partly", not ◕ "mostly"
SYMBOLS = ((0.75, "●"), (0.5000001, "◕"), (0.25, "◑"), (0.0, "○"))


def _shade(score) -> str:
    if score is None or (isinstance(score, float) and math.isnan(score)):
        return "unknown"
    if float(score) < 0:  # a described dimension whose values are kinds, not degrees: left unshaded
        return "none"
    return str(min(4, max(0, int(round(float(score) * 4)))))


def _symbol(score) -> str:
    if _shade(score) in ("unknown", "none"):
        return {"unknown": "؟" if paths.language() == "ar" else "?", "none": "◇"}[_shade(score)]  # ◇: a kind
    return next(sym for limit, sym in SYMBOLS if float(score) >= limit)


def _matrix_cell(rec: dict, spec: dict, notes: list) -> str:
    value = rec.get(spec["value"])
    score = rec.get(spec["score"]) if spec["score"] else None
    unknown = value is None or str(value) == "unknown" or (isinstance(value, float) and math.isnan(value))
    shade = "unknown" if unknown else _shade(score)
    word = wording.label("unknown", "value") if unknown else wording.label(value, spec["value_column"])
    detail = markup.as_text(rec.get(spec["detail"])) if spec["detail"] else ""
    sid = markup.as_text(rec.get(spec["source"])) if spec["source"] else ""
    ref = ""
    if detail or sid:
        notes.append((len(notes) + 1, detail, sid))
        ref = f'<sup class="matrix-note-ref">{len(notes)}</sup>'
    # the citation sits in the cell's detail (shown on hover and focus), not beside every word
    cite = f" {citations.placeholder(sid)}" if sid else ""
    tip = (f'<span class="cell-tip" role="tooltip">{_isolated(detail)}{cite}</span>'
           if detail or sid else "")
    focus = ' tabindex="0"' if detail or sid else ""
    return (f'<td class="matrix-cell shade-{shade}"{focus}><span class="matrix-symbol" aria-hidden="true">'
            f'{_symbol(None if unknown else score)}</span> {_mark(word)}{ref}{tip}</td>')


def matrix_html(frame, spec: dict, key: str, title: str) -> tuple[str, str]:
    """(table, legend + notes): columns = ``spec["columns"]`` values, rows grouped by ``spec["group"]``; each
    cell a symbol and a short word, shaded by ``spec["score"]`` (0 framework-like … 1 alliance-like)."""
    cols = spec["column_order"] or list(dict.fromkeys(frame[spec["columns"]]))
    head = "".join(f'<th scope="col">{_mark(wording.label(c, spec["columns"]))}</th>' for c in cols)
    cells = {(str(r[spec["rows"]]), str(r[spec["columns"]])): r for r in frame.to_dict("records")}
    rows = list(dict.fromkeys(str(r) for r in frame[spec["rows"]]))
    groups = {str(r[spec["rows"]]): str(r[spec["group"]]) for r in frame.to_dict("records")} if spec["group"] else {}
    notes: list = []
    body, current = [], None
    for row in sorted(rows, key=lambda r: list(dict.fromkeys(groups.values())).index(groups[r])) if groups else rows:
        if groups and groups[row] != current:
            current = groups[row]
            body.append(f'<tr class="matrix-group"><th scope="rowgroup" colspan="{len(cols) + 1}">'
                        f'{_mark(wording.label(current, spec["group"]).capitalize())}</th></tr>')
        tds = "".join(_matrix_cell(cells[(row, c)], spec, notes) if (row, c) in cells
                      else '<td class="matrix-cell shade-unknown">—</td>' for c in cols)
        body.append(f'<tr><th scope="row">{_mark(wording.label(row, spec["rows"]))}</th>{tds}</tr>')
    from helpers.i18n import gettext as t
    legend = (f'<p class="matrix-legend">● {t("alliance-like")} · ◕ {t("mostly")} · ◑ {t("partly")} · '
              f'○ {t("framework-like")} · ◇ {t("not a matter of degree")} · '
              f'<span class="shade-unknown">? {t("unknown")}</span>.<span class="screen-only matrix-hover-hint"> '
              f'{t("Hover over, tap or focus a cell for its detail.")}</span></p>')
    foot = "".join(f'<li value="{n}">{_isolated(d)}'
                   f'{" " + citations.placeholder(s) if s else ""}</li>'
                   for n, d, s in notes)
    cards = _matrix_cards(frame, spec, cols, rows, groups)
    return (f'<table class="report-table report-matrix" id="table-{key}">'
            f'<caption class="visually-hidden">{_mark(title)}</caption>'
            f'<thead><tr><td></td>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>',
            f'{legend}{cards}<ol class="matrix-notes">{foot}</ol>')


def _matrix_cards(frame, spec: dict, cols: list, rows: list, groups: dict) -> str:
    """The matrix for a phone: one folded card per column (organisation), its rows as label and value."""
    cells = {(str(r[spec["rows"]]), str(r[spec["columns"]])): r for r in frame.to_dict("records")}
    order = sorted(rows, key=lambda r: list(dict.fromkeys(groups.values())).index(groups[r])) if groups else rows
    cards = []
    for c in cols:
        items, current = [], None
        for row in order:
            if groups and groups[row] != current:
                current = groups[row]
                items.append(f'<dt class="matrix-card-group">'
                             f'{_mark(wording.label(current, spec["group"]).capitalize())}</dt>')
            rec = cells.get((row, c))
            value = rec.get(spec["value"]) if rec else None
            unknown = rec is None or value is None or str(value) == "unknown" or \
                (isinstance(value, float) and math.isnan(value))
            score = rec.get(spec["score"]) if rec and spec["score"] else None
            shade = "unknown" if unknown else _shade(score)
            word = wording.label("unknown", "value") if unknown else wording.label(value, spec["value_column"])
            symbol = _symbol(None if unknown else score)
            items.append(f'<dt>{_mark(wording.label(row, spec["rows"]))}</dt>'
                         f'<dd class="shade-{shade}"><span aria-hidden="true">{symbol}</span> '
                         f'{_mark(word)}</dd>')
        head = _mark(wording.label(c, spec["columns"]))
        cards.append(f'<details class="matrix-card"><summary>{head}'
                     f'</summary><dl>{"".join(items)}</dl></details>')
    return f'<div class="matrix-cards">{"".join(cards)}</div>'
