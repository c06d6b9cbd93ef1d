"""How a chart, a table and the bibliography appear in a notebook and in its report.

Notebook cells end with one of these display objects, never with a bare chart or DataFrame::

    present.chart(charts.enlargement_steps(...), caption="…", sources=["nato-member-countries"], key="steps")
    present.table(frame, title="…", caption="…", sources=["osce-participating-states"], key="members")
    present.sources_section()

Each object has a mime bundle with

- something JupyterLab draws offline (a Vega 5 spec for charts, escaped HTML for tables),
- a project mime type (``CHART_MIME`` / ``TABLE_MIME`` / ``SOURCES_MIME``) carrying what ``helpers.render`` needs:
  the Vega-Lite spec or the CSV, the key, title, caption and source ids,
- a ``text/plain`` line without memory addresses.

Nothing here holds a random id: the same inputs always give the same bytes.

Arabic: ``present.ar("الناتو")`` shows an Arabic term marked ``lang="ar" dir="rtl"``; in markdown cells, Arabic runs
are marked the same way by the renderer, so authors just type them.
"""

from __future__ import annotations

import csv
import datetime as _dt
import html
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

CHART_MIME = "application/vnd.nato-report.chart+json"
TABLE_MIME = "application/vnd.nato-report.table+json"
SOURCES_MIME = "application/vnd.nato-report.sources+json"

KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
SOURCE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# Arabic letters and marks (Arabic, Supplement, Extended-A, Presentation Forms A/B).
_ARABIC = "\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF"
ARABIC_RUN = re.compile(rf"«?[{_ARABIC}](?:[{_ARABIC}\s\u200c\u200d«»0-9٠-٩.,:;!?()\-–—]*[{_ARABIC}»)])?")
_HAS_ARABIC = re.compile(rf"[{_ARABIC}]")
_HAS_LATIN = re.compile(r"[A-Za-z]")

# Source ids used so far in this kernel, in order of first use (for sources_section()).
_USED: dict[str, None] = {}


class PresentError(ValueError):
    """A present.* call got an argument it cannot use (the message names it and says what is allowed)."""


# ---------------------------------------------------------------------------------------------- sources


def sources_path() -> Path:
    """The bibliography file: ``$NATO_SOURCES_CSV`` when set (tests), else ``data/sources.csv``."""
    env = os.environ.get("NATO_SOURCES_CSV")
    if env:
        return Path(env)
    from helpers import paths

    return paths.data_file("sources.csv")


def source_rows() -> dict[str, dict[str, str]]:
    """Every row of the bibliography by ``source_id`` (values as text, dates as ISO text)."""
    path = sources_path()
    if not path.exists():
        raise PresentError(f"sources: {path} does not exist; every chart and table must cite rows of it")
    rows: dict[str, dict[str, str]] = {}
    if not os.environ.get("NATO_SOURCES_CSV"):
        try:
            from helpers import load  # the validating loader, when the data colleague's module is there

            frame = load.sources()
        except ImportError:
            frame = None
        if frame is not None:
            for rec in frame.to_dict("records"):
                rows[str(rec["source_id"])] = {k: _text(v) for k, v in rec.items()}
            return rows
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            rows[rec["source_id"]] = {k: (v or "") for k, v in rec.items()}
    return rows


def _check_sources(what: str, key: str, sources) -> list[str]:
    if isinstance(sources, str):
        sources = [sources]
    sources = list(sources or [])
    if not sources:
        raise PresentError(f"{what}(key={key!r}): sources is empty; give at least one source_id from data/sources.csv")
    bad = [s for s in sources if not isinstance(s, str) or not SOURCE_ID_RE.match(s)]
    if bad:
        raise PresentError(f"{what}(key={key!r}): source ids must be slugs (letters, digits, '.', '_', '-'), got {bad!r}")
    known = source_rows()
    missing = [s for s in sources if s not in known]
    if missing:
        raise PresentError(
            f"{what}(key={key!r}): source_id {', '.join(map(repr, missing))} not in {sources_path().name}; "
            f"known ids include {', '.join(sorted(known)[:8])}{' …' if len(known) > 8 else ''}"
        )
    for s in sources:
        _USED.setdefault(s, None)
    return list(dict.fromkeys(sources))


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
    return value.strip()


def source_links(source_ids) -> str:
    """'Source: <a href="#src-id">Publisher</a>, …' as escaped HTML."""
    rows = source_rows()
    labels = {sid: rows.get(sid, {}).get("publisher") or rows.get(sid, {}).get("title") or sid for sid in source_ids}
    repeated = {lab for lab in labels.values() if list(labels.values()).count(lab) > 1}
    parts = []
    for sid in source_ids:
        row = rows.get(sid, {})
        label = labels[sid]
        if label in repeated and row.get("title") and row.get("title") != label:
            # two pages of one publisher: tell them apart by a short form of the title
            label = f"{label}: {_short(row['title'])}"
        parts.append(f'<a href="#src-{html.escape(sid, quote=True)}">{mark_arabic_text(label)}</a>')
    word = "Source" if len(parts) == 1 else "Sources"
    return f'<p class="report-source">{word}: {"; ".join(parts)}</p>'


def _short(title: str, limit: int = 48) -> str:
    """A title cut at a word boundary to about ``limit`` characters, with an ellipsis when cut."""
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(",;:-–— ")
    return f"{cut}…"


def bibliography_html(source_ids) -> str:
    """An ordered list of the given sources, each with an anchor ``src-<id>``."""
    rows = source_rows()
    items = []
    for sid in source_ids:
        row = rows.get(sid)
        esc_id = html.escape(sid, quote=True)
        if row is None:
            items.append(f'<li id="src-{esc_id}"><code>{esc_id}</code> (not in the bibliography)</li>')
            continue
        title = mark_arabic_text(row.get("title", ""))
        publisher = mark_arabic_text(row.get("publisher", ""))
        url = row.get("url", "")
        accessed = row.get("accessed", "")
        link = ""
        if url.startswith(("https://", "http://")):
            link = f' <a class="report-url" href="{html.escape(url, quote=True)}">{html.escape(url)}</a>'
        note = row.get("note", "")
        note_html = f' <span class="report-source-note">{mark_arabic_text(note)}</span>' if note else ""
        items.append(
            f'<li id="src-{esc_id}"><span class="report-source-publisher">{publisher}</span>, '
            f"<cite>{title}</cite>.{link} Accessed {html.escape(human_date(accessed))}.{note_html}</li>"
        )
    if not items:
        return '<p class="report-sources-empty">No sources were cited.</p>'
    return '<ol class="report-sources">' + "".join(items) + "</ol>"


# ---------------------------------------------------------------------------------------------- text helpers


def _text(value) -> str:
    if value is None:
        return ""
    try:
        import pandas as pd

        if value is pd.NaT or (not isinstance(value, str) and pd.isna(value)):
            return ""
        if isinstance(value, pd.Timestamp):
            return value.date().isoformat() if value == value.normalize() else value.isoformat()
    except (TypeError, ValueError, ImportError):
        pass
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return str(value)


def human_date(value) -> str:
    """'2024-03-07' → '7 Mar 2024' (other text unchanged)."""
    text = _text(value)
    try:
        d = _dt.date.fromisoformat(text[:10])
    except ValueError:
        return text
    if len(text) > 10 and text[10:].strip("T0:"):
        return text
    return f"{d.day} {d.strftime('%b')} {d.year}"


def mark_arabic_text(text: str) -> str:
    """Escape plain text and mark every Arabic run ``<span lang="ar" dir="rtl">``."""
    text = "" if text is None else str(text)
    out, pos = [], 0
    for m in ARABIC_RUN.finditer(text):
        out.append(html.escape(text[pos : m.start()]))
        out.append(f'<span lang="ar" dir="rtl">{html.escape(m.group(0))}</span>')
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def is_arabic_text(text: str) -> bool:
    """True when the text has Arabic letters and no Latin ones (a whole cell or heading in Arabic)."""
    return bool(_HAS_ARABIC.search(text or "")) and not _HAS_LATIN.search(text or "")


@dataclass(frozen=True)
class Arabic:
    """An Arabic term, shown right-to-left with an Arabic font; ``str()`` gives the marked-up HTML."""

    text: str

    def _repr_html_(self) -> str:
        return f'<p lang="ar" dir="rtl">{html.escape(self.text)}</p>'

    def __str__(self) -> str:
        return f'<span lang="ar" dir="rtl">{html.escape(self.text)}</span>'

    def __repr__(self) -> str:
        return self.text


def ar(text: str) -> Arabic:
    """Mark an Arabic term or heading for display (``lang="ar" dir="rtl"``)."""
    if not isinstance(text, str):
        raise PresentError(f"present.ar: expected Arabic text, got {type(text).__name__}")
    return Arabic(text)


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
    _vega: dict | None = field(default=None, repr=False)

    def payload(self) -> dict:
        return {
            "key": self.key,
            "title": self.title,
            "description": self.description,
            "caption": self.caption,
            "sources": list(self.sources),
            "spec": self.spec,
        }

    def _repr_mimebundle_(self, include=None, exclude=None):
        from helpers import theme

        if self._vega is None:
            self._vega = theme.vega_spec(self.spec)
        return {
            CHART_MIME: self.payload(),
            theme.VEGA_MIMETYPE: self._vega,
            "text/plain": f"<chart {self.key}: {self.title}>",
        }


def chart(chart, *, caption: str, sources, key: str) -> Chart:
    """Display an Altair chart with its caption, its sources and export hooks (SVG/PNG) in the report."""
    from helpers import theme

    key = _check_key("present.chart", key)
    caption = _check_text("present.chart", key, "caption", caption)
    import altair as alt

    if not isinstance(chart, alt.TopLevelMixin):
        raise PresentError(
            f"present.chart(key={key!r}): expected an Altair chart, got {type(chart).__name__}; "
            "build it with a helpers.charts function"
        )
    spec = chart.to_dict()
    title = theme.chart_title(spec)
    description = str(spec.get("description") or "")
    if not title:
        raise PresentError(f"present.chart(key={key!r}): the chart has no title; give it one that states the finding")
    source_ids = _check_sources("present.chart", key, sources)
    return Chart(spec=spec, key=key, caption=caption, sources=source_ids, title=title,
                 description=description or caption)


def chart_alt_text(payload: dict) -> str:
    """The text alternative of a chart: its title and description."""
    title = payload.get("title", "")
    desc = payload.get("description", "")
    return f"{title}. {desc}" if desc and desc != title else title


# ---------------------------------------------------------------------------------------------- tables


def format_cell(value) -> str:
    """One value as the reader sees it (numbers with thousands separators, dates as ISO, empty for missing)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        return f"{value:,.2f}" if abs(value) >= 1 else f"{value:.3g}"
    try:
        import numpy as np

        if isinstance(value, np.bool_):
            return "yes" if bool(value) else "no"
        if isinstance(value, np.integer):
            return f"{int(value):,}"
        if isinstance(value, np.floating):
            return format_cell(float(value))
    except ImportError:
        pass
    return _text(value)


def _is_number(value) -> bool:
    try:
        import numpy as np

        number_types = (int, float, np.integer, np.floating)
    except ImportError:
        number_types = (int, float)
    return isinstance(value, number_types) and not isinstance(value, bool)


_SNAKE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
_LABEL_WORDS = {"id": "ID", "iso3": "ISO3", "ar": "(Arabic)", "en": "(English)", "usd": "USD", "pct": "%"}


def column_label(name) -> str:
    """The header a reader sees for a column: ``claim_type`` → "Claim type", ``source_id`` → "Source ID".

    Only plain snake_case names are touched; ids such as ``NATO`` or ``P4`` and prose headers stay as written.
    The CSV export keeps the original names, so scripts that read it see the same columns as the data.
    """
    text = str(name)
    if not _SNAKE.match(text):
        return text
    words = [_LABEL_WORDS.get(w, w) for w in text.split("_")]
    first = words[0]
    words[0] = first[:1].upper() + first[1:] if first not in _LABEL_WORDS.values() else first
    return " ".join(words)


def table_html(frame, key: str, title: str) -> str:
    """A plain, escaped, deterministic HTML table (no ids from a random source)."""
    cols = [column_label(c) for c in frame.columns]
    head = "".join(f'<th scope="col">{mark_arabic_text(c)}</th>' for c in cols)
    body = []
    for row in frame.itertuples(index=False, name=None):
        cells = []
        for value in row:
            text = format_cell(value)
            attrs = ' class="num"' if _is_number(value) else ""
            if is_arabic_text(text):
                attrs += ' lang="ar" dir="rtl"'
                cells.append(f"<td{attrs}>{html.escape(text)}</td>")
            else:
                cells.append(f"<td{attrs}>{mark_arabic_text(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f'<table class="report-table" id="table-{key}">'
        f"<caption>{mark_arabic_text(title)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def table_csv(frame) -> str:
    """The table as CSV text (UTF-8, '\\n' line ends, no index), as exported next to the report."""
    import io

    buf = io.StringIO()
    frame.to_csv(buf, index=False, lineterminator="\n", date_format="%Y-%m-%d")
    return buf.getvalue()


@dataclass
class Table:
    """What ``present.table`` returns; Jupyter displays it through ``_repr_mimebundle_``."""

    key: str
    title: str
    caption: str
    sources: list[str]
    html: str
    csv: str
    n_rows: int

    def payload(self) -> dict:
        return {"key": self.key, "title": self.title, "caption": self.caption, "sources": list(self.sources),
                "html": self.html, "csv": self.csv, "rows": self.n_rows}

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {
            TABLE_MIME: self.payload(),
            "text/html": figure_table_html(self.payload(), export_links=""),
            "text/plain": f"<table {self.key}: {self.title} ({self.n_rows} rows)>",
        }


def table(df, *, title: str, caption: str, sources, key: str) -> Table:
    """Display a DataFrame as an escaped HTML table with caption, source links and a CSV export."""
    key = _check_key("present.table", key)
    title = _check_text("present.table", key, "title", title)
    caption = _check_text("present.table", key, "caption", caption, required=False)
    frame = df
    if hasattr(df, "data") and hasattr(df, "set_uuid"):  # a pandas Styler: show its data, plainly
        frame = df.data
    if not hasattr(frame, "itertuples") or not hasattr(frame, "columns"):
        raise PresentError(f"present.table(key={key!r}): expected a pandas DataFrame, got {type(df).__name__}")
    source_ids = _check_sources("present.table", key, sources)
    if not isinstance(frame.index, __import__("pandas").RangeIndex):
        frame = frame.reset_index()
    return Table(key=key, title=title, caption=caption, sources=source_ids, html=table_html(frame, key, title),
                 csv=table_csv(frame), n_rows=len(frame))


def figure_table_html(payload: dict, export_links: str) -> str:
    caption = payload.get("caption", "")
    cap = f'<p class="report-caption">{mark_arabic_text(caption)}</p>' if caption else ""
    return (
        f'<figure class="report-figure report-table-figure" id="fig-{payload["key"]}">'
        f'<div class="report-table-scroll" tabindex="0" role="region" aria-label="{html.escape(payload["title"], quote=True)}">'
        f'{payload["html"]}</div><figcaption>{cap}{source_links(payload["sources"])}{export_links}</figcaption></figure>'
    )


# ---------------------------------------------------------------------------------------------- bibliography


@dataclass
class SourcesSection:
    source_ids: list[str]

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {
            SOURCES_MIME: {"sources": list(self.source_ids)},
            "text/html": bibliography_html(self.source_ids),
            "text/plain": f"<sources: {len(self.source_ids)}>",
        }


def sources_section() -> SourcesSection:
    """The bibliography of every source cited so far in this kernel (the report lists every cited source)."""
    return SourcesSection(list(_USED))
