"""Long sections folded for the first read, whole on paper (issue 23: 02 ran to ≈15,500 px as its checks grew).

A notebook folds part of a page with a cell tag, so its text and its Arabic catalog stay as they are:

- ``fold-method`` on a markdown cell folds what follows the cell's last heading (the heading stays in view, so the
  contents list and a jump to it still land on it);
- ``fold-tables`` (or ``fold-checks``) on consecutive cells wraps the run in one fold.

Each fold is a ``<details class="report-fold">`` whose summary says what it holds; the page's script opens every
fold before printing, so print and PDF keep everything.
"""

from __future__ import annotations

import html
import re

#: tag -> what the fold's summary says (translated through ``locale/ar/messages.po``)
SUMMARIES = {
    "fold-method": "The method in full",
    "fold-tables": "More tables and tests",
    "fold-checks": "The table of each check",
}
_LAST_HEADING = re.compile(r"(.*</h[1-6]>)(.*)\Z", re.S)


def _tag(cell, kinds) -> str:
    tags = (cell or {}).get("metadata", {}).get("tags", []) if cell is not None else []
    return next((t for t in tags if t in kinds), "")


def text_tag(cell) -> str:
    """``fold-method`` when the markdown cell folds its text after its last heading, else ''."""
    return _tag(cell, ("fold-method",))


def run_tag(cell) -> str:
    """The tag of the folded run of cells the cell belongs to (``fold-tables``, ``fold-checks``), else ''."""
    return _tag(cell, ("fold-tables", "fold-checks"))


def opening(tag: str, gettext) -> str:
    """The fold's opening tags with its summary in the page's language."""
    return (f'<details class="report-fold report-{tag}"><summary>{html.escape(gettext(SUMMARIES[tag]))}'
            f'</summary>')


def fold_text(fragment: str, cell, gettext) -> str:
    """A rendered markdown cell with everything after its last heading folded (a cell without the tag, without a
    heading or with nothing after it is returned as it is)."""
    tag = text_tag(cell)
    found = _LAST_HEADING.match(fragment) if tag else None
    if found is None or not found.group(2).strip():
        return fragment
    return f"{found.group(1)}\n{opening(tag, gettext)}{found.group(2)}</details>\n"
