"""How a chart, a table, a matrix, the at-a-glance box and the bibliography appear in a notebook and its report.

Notebook cells end with one of these display objects, never with a bare chart or DataFrame::

    present.glance(["NATO had 32 members on 30 Apr 2024.", "…"])              # the header's "At a glance" box
    present.chart(chart, caption="…", sources=frame["source_id"], measure="sipri-milex", key="spending")
    present.table(frame, title="…", caption="…", sources=frame, key="members")   # sources from the rows
    present.table(audit, title="…", sources=audit, key="cells", collapsed=True)   # "Show all 75 rows"
    present.matrix(features, rows="dimension_id", columns="org_id", value="value", score="score",
                   group="axis", detail="detail", source="source_id", title="…", key="matrix")
    present.sources_section()

``sources`` is a list of source ids, a column (``frame["source_id"]``) or a frame whose ``source_id`` /
``alt_source_id`` columns are read: the figure then cites exactly the sources its rows cite. ``measure`` names the
source of the figure's measure (SIPRI for spending); it is listed first. Each object has a mime bundle with
something JupyterLab draws offline, a project mime type carrying what ``helpers.render`` needs (the Vega-Lite spec
or the CSV, the key, title, caption and source ids) and a ``text/plain`` line without memory addresses. Nothing
here holds a random id: the same inputs always give the same bytes.

Tables are plain escaped HTML written here rather than with ``great_tables`` or ``itables``: neither is in the
pinned environment, itables draws with a JavaScript table library the reports would have to vendor, and both would
need their own hooks for what these tables do (labels from ``data/labels.csv``, numbered citations filled in per
page, a sticky first column, deterministic bytes); the matrix style above covers the comparison tables.

Arabic: ``present.ar("الناتو")`` shows an Arabic term marked ``lang="ar" dir="rtl"``; in markdown cells, Arabic runs
are marked the same way by the renderer, so authors just type them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from helpers import bibliography, i18n, paths, wording
from helpers.bibliography import (  # noqa: F401  (public: notebooks and the renderer use them through present)
    SOURCE_COLUMNS,
    PresentError,
    check_sources,
    ids_from,
    source_rows,
    sources_path,
)
from helpers.present_boxes import GLANCE_MIME, Arabic, Findings, Glance, ar, findings, glance  # noqa: F401  (public)
from helpers.render import citations, templating, vega_specs
from helpers.render import lab as _lab
from helpers.render import table_html as _tables
from helpers.render import table_units as _units
from helpers.render.markup import HAS_ARABIC as _HAS_ARABIC  # noqa: F401  (used by the renderer)
from helpers.render.markup import human_date, is_arabic_text, mark_arabic_text  # noqa: F401  (public re-exports)

CHART_MIME = "application/vnd.nato-report.chart+json"
TABLE_MIME = "application/vnd.nato-report.table+json"
SOURCES_MIME = "application/vnd.nato-report.sources+json"
CHART_NOTE_MIME = "application/vnd.nato-report.chart-note+json"  # JupyterLab only: the report draws its own

KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
format_cell = _tables.format_cell
table_csv = _tables.table_csv

def _check_key(what: str, key) -> str:
    if not isinstance(key, str) or not KEY_RE.match(key):
        raise PresentError(
            f"{what}: key {key!r} is not allowed; use a short slug of lower-case letters, digits and '-' "
            "(e.g. 'members-by-year'), unique in the notebook"
        )
    return key


def _check_text(what: str, key: str, name: str, value, required: bool = True) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise PresentError(f"{what}(key={key!r}): {name} must be text, got {type(value).__name__}")
    if required and not value.strip():
        raise PresentError(f"{what}(key={key!r}): {name} is empty; write one sentence for the reader")
    return i18n.text(wording.words(value.strip()))  # a known identifier becomes its label; the edition's words


def source_links(source_ids, measure=(), label: str = "") -> str:
    """The compact source line 'Sources: [1] [2]' for a figure shown on its own (numbers local to the figure)."""
    return str(citations.Citations(source_rows(), numbered=False).line(list(source_ids), measure, label))


def bibliography_html(source_ids) -> str:
    """A numbered list of the given sources, each with an anchor ``src-<id>``."""
    cites = citations.Citations(source_rows())
    return str(cites.bibliography(list(source_ids)))


# ---------------------------------------------------------------------------------------------- charts


@dataclass
class Chart:
    """What ``present.chart`` returns; Jupyter displays it through ``_repr_mimebundle_``."""

    spec: dict
    key: str
    caption: str
    sources: list[str]
    title: str
    description: str
    measure: list[str] = field(default_factory=list)
    sources_label: str = ""
    csv: str = ""
    _vega: dict | None = field(default=None, repr=False)

    def payload(self) -> dict:
        out = {"key": self.key, "title": self.title, "description": self.description, "caption": self.caption,
               "sources": list(self.sources), "measure": list(self.measure), "sources_label": self.sources_label,
               "spec": self.spec}
        if self.csv:
            out["csv"] = self.csv
        return out

    def _repr_mimebundle_(self, include=None, exclude=None):
        from helpers import theme

        if self._vega is None:
            self._vega = theme.vega_spec(self.spec)
        return {CHART_MIME: self.payload(), theme.VEGA_MIMETYPE: self._vega,
                "text/plain": f"<chart {self.key}: {self.title}>"}

    def _ipython_display_(self):
        """The chart, then its caption and sources (JupyterLab draws one format per output)."""
        from IPython.display import display

        display(self._repr_mimebundle_(), raw=True)
        line = source_links(self.sources, self.measure, self.sources_label)
        display({CHART_NOTE_MIME: {"key": self.key}, "text/html": _lab.chart_note(self.caption, line),
                 "text/plain": self.caption}, raw=True)


def chart(chart, *, caption: str, sources=None, key: str, measure=None, sources_label: str = "",
          data=None) -> Chart:
    """Display an Altair chart with its caption, its sources and export hooks (SVG, PNG and a CSV of its data) in
    the report. ``data`` (a DataFrame) is the CSV readers download; by default it is the table(s) the chart draws.

    Coded values on axes and legends (organisation ids, categories, statuses) are shown in reader words from
    ``helpers.wording``; the chart's data keep the ids.
    """
    from helpers import theme

    key = _check_key("present.chart", key)
    caption = _check_text("present.chart", key, "caption", caption)
    import altair as alt

    if not isinstance(chart, alt.TopLevelMixin):
        raise PresentError(
            f"present.chart(key={key!r}): expected an Altair chart, got {type(chart).__name__}; "
            "build it with a helpers.charts function"
        )
    from helpers.i18n import chart_words as i18n_charts

    spec = i18n_charts.translate_spec(vega_specs.with_labels(chart.to_dict()), paths.language())
    title = i18n_charts.plain(theme.chart_title(spec))
    description = str(spec.get("description") or "")
    if not title:
        raise PresentError(f"present.chart(key={key!r}): the chart has no title; give it one that states the finding")
    source_ids = check_sources("present.chart", key, sources, measure)
    csv = table_csv(_frame_of("present.chart", key, data)) if data is not None else ""
    return Chart(spec=spec, key=key, caption=caption, sources=source_ids, title=title,
                 description=description or caption, measure=ids_from(measure), sources_label=sources_label,
                 csv=csv)


def chart_alt_text(payload: dict) -> str:
    """The text alternative of a chart: its title and description."""
    title = payload.get("title", "")
    desc = payload.get("description", "")
    return f"{title}. {desc}" if desc and desc != title else title


# ---------------------------------------------------------------------------------------------- tables


def column_label(name) -> str:
    """The header a reader sees for a column (``helpers.wording.header``); the CSV export keeps the data's names."""
    return wording.header(name)


def table_html(frame, key: str, title: str, layout: str = "rows") -> str:
    """A plain, escaped, deterministic HTML table (no ids from a random source), in reader words: quantities
    written as text ("US$1.34 trillion") become numbers under a unit before the edition's words go into the cells."""
    numbers, units = _units.quantities(frame)
    return _tables.table_html(_edition_cells(numbers), key, title, layout=layout, units=units)


@dataclass
class Table:
    """What ``present.table`` / ``present.matrix`` return; Jupyter displays it through ``_repr_mimebundle_``."""

    key: str
    title: str
    caption: str
    sources: list[str]
    html: str
    csv: str
    n_rows: int
    measure: list[str] = field(default_factory=list)
    sources_label: str = ""
    collapsed: bool | str = False
    after: str = ""  # legend and notes shown under the scroll box (matrix)
    print_rows: int = 0  # on paper, only this many rows and a line naming where every row is (0: every row)

    def payload(self) -> dict:
        return {"key": self.key, "title": self.title, "caption": self.caption, "sources": list(self.sources),
                "measure": list(self.measure), "sources_label": self.sources_label, "html": self.html,
                "csv": self.csv, "rows": self.n_rows, "collapsed": self.collapsed, "after": self.after,
                "print_rows": self.print_rows}

    def _repr_mimebundle_(self, include=None, exclude=None):
        lab_html = _lab.table(figure_table_html(self.payload(), export_links=""))
        return {TABLE_MIME: self.payload(), "text/html": lab_html,
                "text/plain": f"<table {self.key}: {self.title} ({self.n_rows} rows)>"}


def _frame_of(what: str, key: str, df):
    frame = df.data if hasattr(df, "data") and hasattr(df, "set_uuid") else df  # a pandas Styler: its data
    if not hasattr(frame, "itertuples") or not hasattr(frame, "columns"):
        raise PresentError(f"{what}(key={key!r}): expected a pandas DataFrame, got {type(df).__name__}")
    import pandas as pd

    if isinstance(frame.index, pd.RangeIndex):
        return frame
    # an unnamed row number left by a filter or a sort is no column of the reader's; a named index is one
    numbered = frame.index.name is None and frame.index.nlevels == 1 and pd.api.types.is_integer_dtype(frame.index)
    return frame.reset_index(drop=numbered)


def _edition_cells(frame, keep=()):
    """The frame's text cells in the edition's words (``helpers.i18n.text``: names, labels, known sentences);
    ``keep`` columns stay as they are (codes a matrix is keyed on). English: the frame itself."""
    if paths.language() == "en":
        return frame
    import pandas as pd

    out = frame.copy()
    for c in out.columns:
        if c not in keep and (out[c].dtype == object or pd.api.types.is_string_dtype(out[c])):
            out[c] = out[c].map(lambda v: i18n.text(v) if isinstance(v, str) else v)
    return out


#: Codes a reader never needs beside a name (ISO 3166 alpha-3 "ARM"): left out of the page, kept in the CSV.
CODE_COLUMNS = ("iso3",)


def table(df, *, title: str, caption: str = "", sources=None, key: str, measure=None, sources_label: str = "",
          collapsed: bool | str = False, data=None, layout: str = "rows", print_rows: int = 0) -> Table:
    """Display a DataFrame as an escaped HTML table with caption, numbered sources and a CSV export.

    ``sources`` may be the frame itself (its ``source_id``/``alt_source_id`` columns), one column, or a list of ids.
    ``collapsed=True`` (or a label such as "Show all 75 sourced cells") folds the table into a closed section.
    Source-id columns are cited through the numbered source line, so the page leaves them out of the table, and
    the state codes of :data:`CODE_COLUMNS` beside a ``name``; the CSV export keeps both.
    ``data`` is the frame offered as the CSV when it holds more than the page shows (a whole
    census beside the rows a reader needs); by default the CSV is the table itself. ``layout="columns"`` keeps
    every long text in its own column (texts compared side by side); the default ``"rows"`` sets a second long
    text full-width under its row (a verdict's reason under its claim). Either way a phone shows one card per row.
    ``print_rows`` (an audit table of every coded cell): paper shows that many rows, every column, and a line
    naming the web page and the CSV file that hold every row; the screen and the CSV always hold them all.
    """
    if layout not in _tables.LAYOUTS:
        raise PresentError(f"present.table(key={key!r}): layout {layout!r} is not one of {', '.join(_tables.LAYOUTS)}")
    key = _check_key("present.table", key)
    title = _check_text("present.table", key, "title", title)
    caption = _check_text("present.table", key, "caption", caption, required=False)
    frame = _frame_of("present.table", key, df)
    source_ids = check_sources("present.table", key, sources, measure, nothing_shown=len(frame) == 0)
    shown = frame.drop(columns=[c for c in SOURCE_COLUMNS if c in frame.columns])
    if "name" in shown.columns:  # a state's code beside its name is for a spreadsheet (the CSV keeps it)
        shown = shown.drop(columns=[c for c in CODE_COLUMNS if c in shown.columns])
    return Table(key=key, title=title, caption=caption, sources=source_ids, html=table_html(shown, key, title, layout),
                 csv=table_csv(frame if data is None else _frame_of("present.table", key, data)), n_rows=len(frame),
                 measure=ids_from(measure), sources_label=sources_label,
                 collapsed=i18n.text(collapsed) if isinstance(collapsed, str) else collapsed,
                 print_rows=int(print_rows) if 0 < int(print_rows) < len(frame) else 0)


def matrix(df, *, rows: str, columns: str, value: str, title: str, key: str, caption: str = "",
           score: str | None = None, group: str | None = None, detail: str | None = None,
           source: str | None = "source_id", column_order=None, sources=None, measure=None) -> Table:
    """A comparison matrix from a long frame (one row per row × column): ``columns`` values as columns (e.g.
    organisations, in ``column_order``), ``rows`` values as rows grouped by ``group``; each cell a symbol and a
    short word (the labelled ``value``), shaded by ``score`` (0 framework-like … 1 alliance-like; missing or the
    value "unknown" is drawn hatched; a negative score leaves it unshaded with "–", for values that are kinds
    rather than degrees), ``detail`` and its source on hover/focus and as numbered notes in print.
    """
    key = _check_key("present.matrix", key)
    title = _check_text("present.matrix", key, "title", title)
    caption = _check_text("present.matrix", key, "caption", caption, required=False)
    frame = _frame_of("present.matrix", key, df)
    missing = [c for c in (rows, columns, value, score, group, detail, source) if c and c not in frame.columns]
    if missing:
        raise PresentError(f"present.matrix(key={key!r}): no column {', '.join(map(repr, missing))} in the frame")
    spec = {"rows": rows, "columns": columns, "value": value, "value_column": value, "score": score,
            "group": group, "detail": detail, "source": source, "column_order": list(column_order or [])}
    source_ids = check_sources("present.matrix", key, sources if sources is not None else frame[[source]]
                                if source else None, measure)
    keep = [c for c in (rows, columns, value, group, source, score) if c]
    body, after = _tables.matrix_html(_edition_cells(frame, keep=keep), spec, key, title)
    return Table(key=key, title=title, caption=caption, sources=source_ids, html=body, csv=table_csv(frame),
                 n_rows=len(frame), measure=ids_from(measure), after=after)


def figure_table_html(payload: dict, export_links: str, source_line: str | None = None) -> str:
    """The table's figure: title, scroll box (first column sticky), caption, source line and exports outside it."""
    line = source_line if source_line is not None else source_links(
        payload["sources"], payload.get("measure", ()), payload.get("sources_label", ""))
    collapsed = payload.get("collapsed") or False
    if isinstance(collapsed, str):
        summary = collapsed
    else:
        summary = i18n.text(f"Show all {payload.get('rows', 0):,} rows: {payload['title']}")
    shown = payload.get("print_rows") or 0
    paper = i18n.text(f"On paper, the first {shown} of {payload.get('rows', 0)} rows; every row is in this report's "
                      f"web page and in its CSV file, {payload.get('csv_path', 'under Download')}.") if shown else ""
    return templating.render("table_figure.html.j2", p=payload, source_line=line, export_links=export_links,
                             collapsed=bool(collapsed), summary=summary, paper=paper)


# ---------------------------------------------------------------------------------------------- bibliography


@dataclass
class SourcesSection:
    source_ids: list[str]

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {SOURCES_MIME: {"sources": list(self.source_ids)}, "text/html": bibliography_html(self.source_ids),
                "text/plain": f"<sources: {len(self.source_ids)}>"}


def sources_section() -> SourcesSection:
    """The bibliography of every source the notebook's cells cite, each cell as last run (the report lists every
    cited source; a notebook run again in the same kernel starts afresh)."""
    return SourcesSection(bibliography.CITED.take())
