"""Offline search across every report: an index written by the build and a small search box on every page.

Public API (called by the build and the page renderer):

- ``index_entries(report_html, page_url) -> list[dict]``: one entry per section of a rendered report (``h2``/``h3``
  with an ``id``): ``id`` (``page#anchor``), ``page``, ``title`` (the report's title), ``section`` (the heading),
  ``anchor`` and ``text`` (the section's words: prose, tables, captions; never code, scripts or chart specs).
- ``index_js(entries) -> bytes``: ``assets/search-index.js``, a script that sets ``window.NATO_SEARCH_INDEX``. A
  page opened from ``file://`` may not fetch files, but it may load scripts: that is why the index is a script.
- ``assets() -> dict[str, bytes]``: ``assets/minisearch.js`` (MiniSearch 7.2.0, MIT, vendored in
  ``helpers/vendor``), ``assets/search.js`` (the search box) and ``assets/search.css``.
- ``head_html(assets="assets/")`` and ``box_html(assets="assets/")``: the tags a page needs, and the search box.

The search box loads MiniSearch and the index only when the reader first uses it, so pages draw as fast as before.
Everything is deterministic: the same reports give the same bytes.
"""

from __future__ import annotations

import html as _html
import json
import re
from pathlib import Path

HERE = Path(__file__).parent
VENDOR = HERE / "vendor"
UI = HERE / "search_ui"
INDEX_PATH = "assets/search-index.js"
GLOBAL = "NATO_SEARCH_INDEX"
#: Words kept per section (the snippet is cut from them); long tables are indexed by their first rows.
MAX_SECTION_CHARS = 2400
#: A table's header row is skipped: flattened, it reads as debris in a snippet ("Date · Title · Description").
_SKIP = ("script", "style", "noscript", "template", "svg", "details", "nav", "thead")
_SKIP_CLASSES = ("report-exports", "report-toc", "site-search", "report-meta", "report-skip", "anchor-link",
                 "report-source", "report-sources-section", "report-code", "report-code-switch", "report-about")
_SPACE = re.compile(r"\s+")
#: The search box's status lines (``search.js`` fills the placeholders); the Arabic edition passes its own.
SEARCH_WORDS = {"none": "No section matches “{query}”.", "count": "{sections} sections in {reports} reports match",
                "more": "; the first {limit} are listed.", "end": ".", "broken": "Search is not available:"}
_SOURCE_MAP = re.compile(rb"\n//# sourceMappingURL=[^\n]*\n?$")


#: Marks that are not words: a citation's or a note's number (``sup``), a symbol a screen reader skips too
#: (``aria-hidden``); in a snippet they read as debris ("no such provision. [12] · ○ no 3 No. The go …").
_MARKS = ("cite-ref", "matrix-note-ref")
#: Left-over glyphs and bracketed reference numbers in the words themselves (geometric shapes, "[12]", "[3, 4]").
_EMPTY_CELLS = re.compile(r"( [·—])(?: [·—])+(?= )")  # the separators around a cell left with no words
_BEFORE_STOP = re.compile(r" (?=[.,;:](?: |$))")  # where a dropped "[12]" stood before a full stop
_DEBRIS = re.compile(r"[\u25a0-\u25ff\u2b1b-\u2b1c\u2b24-\u2b2f]|\[\d+(?:\s*[,–-]\s*\d+)*\]")


def _skipped(tag) -> bool:
    if tag.name in _SKIP or tag.get("aria-hidden") == "true":
        return True
    classes = tag.get("class") or []
    return any(c in _SKIP_CLASSES or c in _MARKS for c in classes)


def _title(soup) -> str:
    h1 = soup.find("h1")
    text = h1.get_text(" ", strip=True) if h1 else (soup.title.get_text(" ", strip=True) if soup.title else "")
    return _SPACE.sub(" ", text).strip()


def index_entries(report_html: bytes, page_url: str) -> list[dict]:
    """One search entry per ``h2``/``h3`` section of the report's main content (see module docstring)."""
    from bs4 import BeautifulSoup, NavigableString

    soup = BeautifulSoup(report_html, "html.parser")
    main = soup.find("main") or soup.body or soup
    title = _title(soup)
    headings = [h for h in main.find_all(["h2", "h3"]) if h.get("id") and not _inside_skipped(h, main)]
    starts = {id(h): h for h in headings}
    words: dict[int, list[str]] = {id(h): [] for h in headings}
    current = None
    cell = None  # the table cell the last words came from: a snippet shows where one cell ends and the next begins
    for node in main.descendants:
        if id(node) in starts:
            current, cell = node, None
        elif (current is not None and type(node) is NavigableString and not _inside_skipped(node, main)
              and all(p is not current for p in node.parents)):  # the heading's own words are its name
            here = node.find_parent(["td", "th", "caption"])
            if here is not None and cell is not None and here is not cell and str(node).strip():
                same_row = here.parent is cell.parent
                words[id(current)].append(" · " if same_row else " — ")
            if here is not None and str(node).strip():
                cell = here
            elif here is None and str(node).strip():
                cell = None
            words[id(current)].append(str(node))
    entries = []
    for h in headings:
        text = _SPACE.sub(" ", _DEBRIS.sub(" ", " ".join(words[id(h)]).replace("¶", ""))).strip()
        text = _BEFORE_STOP.sub("", _EMPTY_CELLS.sub(r"\1", text))
        section = _SPACE.sub(" ", h.get_text(" ", strip=True).replace("¶", "")).strip()
        entries.append({"id": f"{page_url}#{h['id']}", "page": page_url, "title": title, "section": section,
                        "anchor": h["id"], "text": _clip(text)})
    return entries


def _inside_skipped(node, root) -> bool:
    for parent in node.parents:
        if parent is root:
            return False
        if _skipped(parent):
            return True
    return False


def _clip(text: str) -> str:
    if len(text) <= MAX_SECTION_CHARS:
        return text
    return text[:MAX_SECTION_CHARS].rsplit(" ", 1)[0] + " …"


def index_js(entries: list[dict]) -> bytes:
    """The script that sets ``window.NATO_SEARCH_INDEX`` to the entries (sorted keys, stable bytes)."""
    body = json.dumps(list(entries), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("</", "<\\/")
    return (f"/* Search index of the reports (written by the build; see helpers/search.py). */\n"
            f"window.{GLOBAL} = {body};\n").encode()


def assets() -> dict[str, bytes]:
    """The files the search box needs under ``reports/assets/``."""
    library = _SOURCE_MAP.sub(b"\n", (VENDOR / "minisearch.umd.js").read_bytes())
    licence = (VENDOR / "LICENSE-minisearch.txt").read_bytes()
    header = b"/*! MiniSearch 7.2.0 (https://github.com/lucaong/minisearch), MIT licence:\n" + licence + b"*/\n"
    return {
        "assets/minisearch.js": header + library,
        "assets/search.js": (UI / "search.js").read_bytes(),
        "assets/search.css": (UI / "search.css").read_bytes(),
    }


def head_html(assets: str = "assets/") -> str:
    """The tags a page's ``<head>`` needs for the search box (the library and index load on first use)."""
    a = _html.escape(assets, quote=True)
    return (f'<link rel="stylesheet" href="{a}search.css">\n'
            f'<script src="{a}search.js" defer></script>\n')


def box_html(assets: str = "assets/", place: str = "") -> str:
    """The search box: a labelled search field, a live status line and the result list (filled by search.js).

    ``place`` tells two boxes of one page apart (the sidebar's and the phone menu's), so their ids stay unique."""
    from helpers import i18n, paths

    t = i18n.gettext
    a = _html.escape(assets, quote=True)
    s = f"-{_html.escape(place, quote=True)}" if place else ""
    words = "".join(f' data-words-{k}="{_html.escape(t(v), quote=True)}"' for k, v in SEARCH_WORDS.items()
                    if paths.language() != "en")
    # the phone's menu is used by touch: its box says to tap, not which keys to press
    help_text = (t("Type a word (for example Helsinki), then tap a result to open it.") if place == "menu" else
                 t("Type a word (for example Helsinki); arrow keys move through the results, Enter opens one, "
                   "Escape closes them."))
    return (
        f'<div class="site-search" role="search" data-assets="{a}"{words}>'
        f'<label class="site-search-label" for="site-search-input{s}">{t("Search all reports")}</label>'
        f'<input id="site-search-input{s}" class="site-search-input" type="search" autocomplete="off" '
        f'spellcheck="false" aria-describedby="site-search-help{s}" aria-controls="site-search-results{s}">'
        f'<p id="site-search-help{s}" class="site-search-help">'
        f'{help_text}</p>'
        f'<p id="site-search-status{s}" class="site-search-status" role="status" aria-live="polite"></p>'
        f'<ol id="site-search-results{s}" class="site-search-results" aria-label="{t("Search results")}" hidden></ol>'
        "</div>"
    )
