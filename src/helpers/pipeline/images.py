"""The images a notebook's markdown cells link by a relative path: one warning line per image that is not there,
named by notebook, cell and path, before the build runs (the page would show a broken image without a word)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from helpers import cache

#: ``![alt](path "title")`` and ``<img ... src="path">`` in markdown.
_LINKS = re.compile(r"!\[[^\]]*\]\(\s*<?([^\s)>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)"
                    r"|<img\b[^>]*?\bsrc\s*=\s*[\"']([^\"']+)")


def _markdown_cells(ipynb: Path) -> list[tuple[int, str]]:
    try:
        cells = json.loads(ipynb.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError, TypeError):
        return []  # the build names a notebook it cannot read
    out = []
    for index, cell in enumerate(cells if isinstance(cells, list) else []):
        if isinstance(cell, dict) and cell.get("cell_type") == "markdown":
            source = cell.get("source", "")
            out.append((index, "".join(source) if isinstance(source, list) else str(source)))
    return out


def missing_images(ipynb: Path) -> list[str]:
    """One line per relative image link of ``ipynb``'s markdown that names no file beside the notebook."""
    lines = []
    for index, text in _markdown_cells(ipynb):
        for match in _LINKS.finditer(text):
            link = match.group(1) or match.group(2)
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("/", "#")) or not parts.path:
                continue  # a web address, a data: URL, an absolute path or an anchor: not a file beside it
            target = ipynb.parent / unquote(parts.path)
            if not target.is_file():
                lines.append(f"{cache.relative(ipynb)}, markdown cell {index}: image {link!r} not found (looked for "
                             f"{cache.relative(target)}); the page will show it broken; link a file relative to the "
                             "notebook's folder")
    return lines
