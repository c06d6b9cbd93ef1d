"""A prose-only edit re-rendered inside the page it changes, without nbconvert's whole pass.

A full render writes each markdown cell's HTML between two HTML comments carrying a random token drawn for that
render (so no text of a notebook can pose as one); :func:`unmarked` removes them from the page written. The build
keeps that marked body, the token, the report's glance box and summary as the report's *parts*. When only
markdown changed, :func:`respin` checks that the page would be laid out the same (the same visible cells, of the
same types, tags and code, under the same title: its ``signature``), renders each markdown cell again through the
same function the template calls (:func:`helpers.render.page.prose_html`), puts it between its markers and finishes
the page as a full render does (contents, header, sidebar, footer). The bytes are those of a full render; in any
other case :func:`respin` returns None and the caller renders the whole notebook.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets


def token() -> str:
    """A fresh marker token for one full render."""
    return secrets.token_hex(12)


def marked(tok: str, cell_id: str, fragment: str) -> str:
    return f"<!--prose {tok} {cell_id}-->{fragment}<!--/prose {tok}-->"


def _pattern(tok: str) -> re.Pattern:
    return re.compile(f"<!--prose {re.escape(tok)} ([^ >]*)-->(.*?)<!--/prose {re.escape(tok)}-->", re.S)


def unmarked(body: str, tok: str) -> str:
    """The body as the page shows it (the markers removed)."""
    return re.sub(f"<!--/?prose {re.escape(tok)}(?: [^ >]*)?-->", "", body)


def signature(clean) -> str:
    """What the page's layout depends on besides markdown text: the visible cells' ids, types and tags, each code
    cell's source, and the title. (Outputs come from the kept run, whose hash the build checks separately.)"""
    cells = [[c.get("id"), c.cell_type, c.get("metadata", {}).get("tags", []),
              c.source if c.cell_type == "code" else "", sorted(c.get("attachments", {}) or {})]
             for c in clean.cells]
    data = json.dumps({"title": clean.metadata.get("title", ""), "cells": cells}, sort_keys=True,
                      ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def respin(parts: dict, nb, entry) -> tuple[bytes, dict] | None:
    """``(page bytes, new parts)`` for ``nb`` (the cached run with the current markdown) from the ``parts`` of an
    earlier full render of the same run; None when the page's layout changed and a full render is needed."""
    from helpers.render import page

    clean = page.prepared(nb, entry)
    if not isinstance(parts.get("body"), str) or parts.get("signature") != signature(clean):
        return None
    tok = parts.get("token")
    if not isinstance(tok, str) or not tok:
        return None
    markdown = {c.id: c for c in clean.cells if c.cell_type == "markdown"}
    resources = page.resources(entry, tok)
    seen: list[str] = []

    def again(m: re.Match) -> str:
        seen.append(m.group(1))
        cell = markdown.get(m.group(1))
        return marked(tok, m.group(1), page.prose_html(cell, resources)) if cell is not None else m.group(0)

    body = _pattern(tok).sub(again, parts["body"])
    if not set(markdown) <= set(seen):  # the markers of the "Sources" heading a page may add stay as they are
        return None
    return page.finish_page(unmarked(body, tok), entry, parts["glance"], parts["summary"]), dict(parts, body=body)
