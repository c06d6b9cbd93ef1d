"""What a rendered page keeps for a later prose-only re-render (:mod:`helpers.render.prose_in_page`): the page's
markdown cells and the signature of everything else its layout depends on. A full render
(:func:`helpers.render.page.render_report_parts`) stores both; a prose edit whose signature still matches
re-renders only the markdown cells that changed."""

from __future__ import annotations

import hashlib
import json


def markdown_cells(clean) -> dict[str, dict]:
    """``{cell id: {source, attachments}}`` of the markdown cells of a prepared notebook."""
    return {c.id: {"source": c.source, "attachments": c.get("attachments") or {}}
            for c in clean.cells if c.cell_type == "markdown"}


def signature(clean) -> str:
    """What the page's layout depends on besides markdown text: the visible cells' ids, types and tags, each code
    cell's source, and the title. (Outputs come from the kept run, whose hash the build checks separately.)"""
    cells = [[c.get("id"), c.cell_type, c.get("metadata", {}).get("tags", []),
              c.source if c.cell_type == "code" else ""] for c in clean.cells]
    data = json.dumps({"title": clean.metadata.get("title", ""), "cells": cells}, sort_keys=True,
                      ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()
