"""The collection's search index (``reports/assets/search-index.js``), written after every page is.

It is read from the default reports as written (variants repeat their default's text and are left out) and is
rewritten only when one of those pages or the helpers code changed, like every other output of the build. Each
page's entries are kept in the cache by the page's content hash, so after a prose edit only the edited page is
read again.
"""

from __future__ import annotations

import json

from helpers import cache
from helpers.pipeline import placement
from helpers.pipeline.run import Dirs, record_site

RECORD = "search"
PAGES = "_search-pages.json"


def _entries(dirs: Dirs, digests: dict[str, str | None], code: str, force: bool) -> list[dict]:
    """Every page's entries, in page order: kept ones where the page is unchanged (unless ``force``), the others
    read again."""
    from helpers import search

    kept_path = dirs.cache / PAGES
    try:
        kept = json.loads(kept_path.read_text(encoding="utf-8"))
        known = kept["pages"] if isinstance(kept, dict) and kept.get("code") == code and not force else {}
    except (OSError, ValueError, UnicodeDecodeError, KeyError):
        known = {}
    if not isinstance(known, dict):  # a kept file someone edited ("pages": []): read every page again
        known = {}
    now: dict[str, dict] = {}
    for page, digest in digests.items():
        item = known.get(page)
        if not isinstance(item, dict) or item.get("sha") != digest or not isinstance(item.get("entries"), list):
            item = {"sha": digest, "entries": search.index_entries((dirs.reports / page).read_bytes(), page)}
        now[page] = item
    try:  # in the cache, on its own file system: no staging folder
        cache.atomic_write(kept_path, json.dumps({"code": code, "pages": now}, sort_keys=True,
                                                 ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass  # a full or read-only cache: every page is read again next time

    return [e for item in now.values() for e in item["entries"]]


def write(entries: list, dirs: Dirs, force: bool) -> bool:
    """Write the index when it is stale; True when it was written."""
    from helpers import search

    pages = [e.output for e in entries if not e.variant and (dirs.reports / e.output).exists()]
    digests = {p: cache.sha256_file(dirs.reports / p) for p in pages}
    code = cache.code_hash()
    key = cache.sha256_bytes(cache.canonical({"pages": digests, "code": code}))
    rec = cache.read_record(dirs.cache, f"_{RECORD}")
    index = dirs.reports / search.INDEX_PATH
    if not force and rec is not None and rec["key"] == key and index.exists() \
            and cache.sha256_file(index) == rec["outputs"].get(search.INDEX_PATH):
        return False
    data = search.index_js(_entries(dirs, digests, code, force))
    cache.atomic_write(placement.inside(dirs.reports, search.INDEX_PATH), data, dirs.staging)
    record_site(dirs, RECORD, key, {search.INDEX_PATH: cache.sha256_bytes(data)})
    return True
