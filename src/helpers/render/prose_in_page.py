"""A prose-only edit re-rendered inside the page it changes, without nbconvert's pass over the whole notebook.

A full render keeps, with the report, nbconvert's HTML body and the markdown cells it was made from (the report's
*parts*). When only markdown changed, :func:`respin` checks that the page is laid out the same (the same visible
cells, of the same types, tags and code, under the same title: its ``signature``), and for each edited cell:

1. renders the cell's old text through the template's own ``markdowncell`` block (compiled in nbconvert's
   environment, so with the same markdown filter) followed by the clean-up nbconvert applies to a whole page (a
   BeautifulSoup round trip), and finds that HTML exactly once in the kept body — which also shows that the cell
   renders the same alone as in its page;
2. renders the new text the same way, after checking that its HTML closes every element it opens (an unclosed tag
   would change the page around it) and holds nothing else nbconvert's clean-up changes (images, focusable cells);
3. puts the new HTML in the old one's place.

The page is then finished as a full render finishes it (contents from its headings, header, sidebar, footer), so
the bytes are those of a full render; ``tests/test_build_prose.py`` compares them with a ``--force`` build. In any
other case :func:`respin` returns None and the caller renders the whole notebook.
"""

from __future__ import annotations

import copy
import functools
import re
from html.parser import HTMLParser

from helpers.render.page_parts import markdown_cells, signature  # noqa: F401  (the parts a page keeps)

_BLOCK = re.compile(r"{% block markdowncell scoped %}(.*?){%- endblock markdowncell %}", re.S)
_CHANGED_BY_CLEANUP = ("<img", "jp-Cell-inputWrapper", "jp-OutputArea-output")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}


class _Balance(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.ok = True

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.ok = False
        else:
            self.stack.pop()


def balanced(fragment: str) -> bool:
    """True when every element the fragment opens it also closes, in order."""
    parser = _Balance()
    parser.feed(fragment)
    parser.close()
    return parser.ok and not parser.stack


@functools.lru_cache(maxsize=1)
def _cell_template():
    """The ``markdowncell`` block of the report template, compiled in nbconvert's environment (its filters and
    the ``cell_id_anchor`` macro), or None when the block cannot be found."""
    from helpers.render import page, templating

    found = _BLOCK.search((templating.TEMPLATES / "nato_report" / "index.html.j2").read_text(encoding="utf-8"))
    if found is None:
        return None
    return page.exporter().environment.from_string(
        "{% from 'cell_id_anchor.j2' import cell_id_anchor %}" + found.group(1))


def warm() -> None:
    """Compile the markdown cell's template (and nbconvert's exporter with it) ahead of the first prose edit."""
    _cell_template()


def _alone(cell_id: str, cell: dict, entry, tags=()) -> str | None:
    """The HTML of one markdown cell as nbconvert leaves it in a page: the template's block, then the clean-up
    nbconvert applies to the whole page (a BeautifulSoup round trip). None when that clean-up would also change the
    cell in other ways (images without a text alternative, the elements it makes focusable). ``tags`` are the
    cell's (a fold, :mod:`helpers.render.folds`, is part of its block)."""
    import nbformat
    from bs4 import BeautifulSoup

    from helpers.render import page

    template = _cell_template()
    if template is None:
        return None
    node = nbformat.from_dict({"cell_type": "markdown", "id": cell_id, "metadata": {"tags": list(tags)} if tags else {},
                               "source": cell["source"],
                               **({"attachments": cell["attachments"]} if cell["attachments"] else {})})
    raw = template.render(cell=node, resources=page.resources(entry)).strip()
    if any(mark in raw for mark in _CHANGED_BY_CLEANUP):
        return None
    return str(BeautifulSoup(raw, "html.parser"))


def respin(parts: dict, nb, entry) -> tuple[bytes, dict, int] | None:
    """``(page bytes, new parts, number of markdown cells rendered again)`` for ``nb`` — the notebook as it is
    now, whose code cells are those of the kept run (the build's cache key checks that) — from the ``parts`` of the
    last render of that run; None when the page must be rendered whole. The kept run itself is not read: the
    page's outputs are in the kept body."""
    from helpers.render import page

    light = copy.copy(nb)  # the layout and the prose; outputs (none in a saved notebook, as a rule) are not needed
    light.cells = [type(c)({k: v for k, v in c.items() if k != "outputs"}) for c in nb.cells]
    clean = page.prepared(light, entry)
    body, kept = parts.get("body"), parts.get("cells")
    if not isinstance(body, str) or not isinstance(kept, dict) or parts.get("signature") != signature(clean):
        return None
    now, edited = markdown_cells(clean), 0
    for node in (c for c in clean.cells if c.cell_type == "markdown"):
        cell, old = now[node.id], kept.get(node.id)
        if old == cell:
            continue
        edited += 1
        if old is None or not balanced(page.prose_html(node, page.resources(entry))):
            return None
        tags = node.get("metadata", {}).get("tags", [])
        before, after = _alone(node.id, old, entry, tags), _alone(node.id, cell, entry, tags)
        if before is None or after is None or body.count(before) != 1:
            return None
        body = body.replace(before, after, 1)
    new_parts = dict(parts, body=body, cells={**kept, **now})
    return page.finish_page(body, entry, parts["glance"], parts["summary"]), new_parts, edited

