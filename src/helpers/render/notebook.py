"""Executed notebook → a copy without run-to-run variation, reader-hidden cells, or the repeated H1."""

from __future__ import annotations

import copy
import re

from helpers.render import markup

HIDDEN_TAGS = {"parameters", "injected-parameters", "remove-cell", "hide-cell"}
MEMORY_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]{6,16}")
_RANDOM_IDS = re.compile(r"\b(T_[0-9a-f]{5}|altair-viz-[0-9a-f]{32}|view_[0-9a-f]{32})(?![0-9a-zA-Z])")


def is_hidden(cell) -> bool:
    return bool(HIDDEN_TAGS & set(cell.get("metadata", {}).get("tags", [])))


def stable_ids(fragment: str, mapping: dict[str, str]) -> str:
    """Random ids left by pandas Styler and Altair renamed in order of appearance."""
    def repl(m: re.Match) -> str:
        found = m.group(1)
        if found not in mapping:
            prefix = "T_" if found.startswith("T_") else "altair-viz-" if found.startswith("altair") else "view_"
            mapping[found] = f"{prefix}s{len(mapping) + 1}"
        return mapping[found]

    return _RANDOM_IDS.sub(repl, fragment)


def plain(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _clean_cell(cell) -> None:
    tags = [t for t in cell.get("metadata", {}).get("tags", []) if t not in HIDDEN_TAGS]
    cell.metadata = type(cell.metadata)({"tags": tags} if tags else {})
    if cell.cell_type == "code":
        cell.execution_count = None
        for out in cell.get("outputs", []):
            if "execution_count" in out:
                out["execution_count"] = None
            if out.get("output_type") in ("display_data", "execute_result"):
                out["metadata"] = {}


def clean_notebook(nb):
    """A copy of ``nb`` with every source of run-to-run variation removed and reader-hidden cells dropped."""
    nb = copy.deepcopy(nb)
    keep_meta = {k: nb.metadata[k] for k in ("kernelspec", "language_info") if k in nb.metadata}
    if "language_info" in keep_meta:
        keep_meta["language_info"] = {k: v for k, v in keep_meta["language_info"].items()
                                      if k in ("name", "pygments_lexer", "codemirror_mode", "file_extension")}
    nb.metadata = type(nb.metadata)(keep_meta)
    cells = [c for c in nb.cells if not is_hidden(c)]
    for i, cell in enumerate(cells):
        _clean_cell(cell)
        cell["id"] = f"cell-{i + 1:03d}"
    nb.cells = cells
    return nb


def drop_first_h1(nb) -> None:
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
    if not markup.HAS_ARABIC.search(fragment):
        return fragment
    from bs4 import BeautifulSoup, NavigableString

    soup = BeautifulSoup(fragment, "html.parser")
    for el in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "blockquote", "dd", "dt"]):
        words = el.get_text(" ", strip=True).replace("¶", "")
        if markup.is_arabic_text(words) and not el.has_attr("lang"):
            el["lang"], el["dir"] = "ar", "rtl"
    for node in list(soup.find_all(string=True)):
        if type(node) is not NavigableString or not markup.HAS_ARABIC.search(node):
            continue  # comments, CDATA… and Latin-only text
        if any(p.name in ("script", "style", "code", "pre") or p.has_attr("lang") for p in node.parents
               if p.name and p.name != "[document]"):
            continue
        node.replace_with(BeautifulSoup(markup.mark_arabic_text(str(node)), "html.parser"))
    return str(soup)


def mark_latin_html(fragment: str) -> str:
    """The Arabic edition's prose: every Latin run in an HTML fragment isolated in ``<bdi>`` (code, preformatted
    text, links' targets and elements already marked with a language are left alone)."""
    if not markup.LTR_RUN.search(fragment):
        return fragment
    from bs4 import BeautifulSoup, NavigableString

    soup = BeautifulSoup(fragment, "html.parser")
    for code in soup.find_all("code"):
        if not code.has_attr("dir") and code.find_parent("pre") is None:
            code["dir"] = "ltr"  # a path or name ("data/") reads left to right, never mirrored to "/data"
    for node in list(soup.find_all(string=True)):
        if type(node) is not NavigableString or not markup.LTR_RUN.search(node) or not node.strip():
            continue
        if any(p.name in ("script", "style", "code", "pre", "bdi") or p.has_attr("lang") for p in node.parents
               if p.name and p.name != "[document]"):
            continue
        node.replace_with(BeautifulSoup(markup.mark_latin_text(str(node)), "html.parser"))
    return str(soup)


def mark_language_html(fragment: str, lang: str = "en") -> str:
    """Prose marked for its edition: Arabic runs in English pages, Latin runs in Arabic pages."""
    return mark_latin_html(fragment) if lang == "ar" else mark_arabic_html(fragment)


#: A highlighted token whose class the page's code style leaves unstyled ("n", a plain name), or Pygments'
#: empty opening span: the page shows the same text without it (about a tenth of a report's bytes).
_TOKEN_SPAN = re.compile(r'<span class="([\w-]+)">([^<]*)</span>|<span></span>')


def unstyled_classes_dropped(highlighted: str, styled: frozenset[str]) -> str:
    """Code highlighted by Pygments without the spans of classes that ``styled`` (the classes the page's code
    style colours) does not hold: the text and every coloured token stay as they were."""
    return _TOKEN_SPAN.sub(lambda m: m.group(0) if m.group(1) in styled else (m.group(2) or ""), highlighted)


def code_style_css() -> str:
    """The report's code style: nbconvert's JupyterLab Pygments style, which nbconvert would inline in every page;
    the reports share it in ``assets/lab.css``."""
    from jupyterlab_pygments import JupyterStyle
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(style=JupyterStyle).get_style_defs(".highlight")


def styled_classes() -> frozenset[str]:
    """The token classes the report's code style gives a colour or a weight."""
    return frozenset(re.findall(r"^\.highlight \.([\w-]+) \{", code_style_css(), re.M))


def lean_highlighter(parent, lexer: str = "ipython3"):
    """nbconvert's ``highlight_code`` filter, writing only the token spans the page's code style colours."""
    from nbconvert.filters.highlight import Highlight2HTML

    base, styled = Highlight2HTML(pygments_lexer=lexer, parent=parent), styled_classes()

    def highlight_code(source, language=None, metadata=None):
        return unstyled_classes_dropped(base(source, language=language, metadata=metadata), styled)

    return highlight_code
