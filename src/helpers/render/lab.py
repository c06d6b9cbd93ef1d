"""How a figure looks inside JupyterLab, where the notebook's own outputs are shown without the report's styles.

JupyterLab right-aligns every table cell and shows a table's visually hidden caption (the figure's title then reads
twice), and an output shows one format only: a chart drawn by JupyterLab's Vega renderer cannot carry HTML beside
it. So a table's HTML for JupyterLab aligns each cell inline (text at the start, numbers at the end) and leaves the
hidden caption out, and a chart is followed by a second output with its caption and sources, which the report's
renderer drops (the page draws its own). A cell run again is the same cell (:func:`current_cell`), so the sources it
cited before are replaced, not added to."""

from __future__ import annotations

import html
import re

_CELL = re.compile(r"<(td|th)\b([^>]*)>")
_HIDDEN_CAPTION = re.compile(r'<caption class="visually-hidden">.*?</caption>', re.S)


def _aligned(match: re.Match) -> str:
    tag, attrs = match.groups()
    if "style=" in attrs:
        return match.group(0)
    side = "end" if 'class="num"' in attrs else "start"
    return f'<{tag}{attrs} style="text-align: {side}">'


def table(figure_html: str) -> str:
    """A table's figure as JupyterLab shows it: cells aligned as the report aligns them, the title once."""
    return _CELL.sub(_aligned, _HIDDEN_CAPTION.sub("", figure_html))


def chart_note(caption: str, source_line: str) -> str:
    """What JupyterLab shows under a chart: its caption and its numbered sources, as under a table."""
    text = f'<p class="report-caption">{html.escape(caption)}</p>' if caption else ""
    return f'<div class="report-chart-note">{text}{source_line}</div>'


def current_cell() -> tuple[str, int]:
    """``(the cell being run, its execution count)``: JupyterLab sends the cell's id with each request, so a cell
    run again is known as the same cell; elsewhere (papermill, a script) each execution is a cell of its own."""
    try:
        from IPython import get_ipython
    except ImportError:
        return "script", 0
    shell = get_ipython()
    run = int(getattr(shell, "execution_count", 0) or 0)
    try:
        cell = (shell.kernel.get_parent().get("metadata") or {}).get("cellId")
    except (AttributeError, TypeError):
        cell = None
    return (f"cell:{cell}" if cell else f"run:{run}"), run
