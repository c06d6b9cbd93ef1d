"""The collection's search index (``reports/assets/search-index.js``), written after every page is.

It is read from the default reports as written (variants repeat their default's text and are left out) and is
rewritten only when one of those pages or the helpers code changed, like every other output of the build.
"""

from __future__ import annotations

from helpers import cache
from helpers.build.run import Dirs, record_site

RECORD = "search"


def write(entries: list, dirs: Dirs, force: bool) -> bool:
    """Write the index when it is stale; True when it was written."""
    from helpers import search

    pages = [e.output for e in entries if not e.variant and (dirs.reports / e.output).exists()]
    key = cache.sha256_bytes(cache.canonical({"pages": {p: cache.sha256_file(dirs.reports / p) for p in pages},
                                              "code": cache.code_hash()}))
    rec = cache.read_record(dirs.cache, f"_{RECORD}")
    index = dirs.reports / search.INDEX_PATH
    if not force and rec is not None and rec["key"] == key and index.exists() \
            and cache.sha256_file(index) == rec["outputs"].get(search.INDEX_PATH):
        return False
    found = [item for p in pages for item in search.index_entries((dirs.reports / p).read_bytes(), p)]
    data = search.index_js(found)
    cache.atomic_write(index, data, dirs.staging)
    record_site(dirs, RECORD, key, {search.INDEX_PATH: cache.sha256_bytes(data)})
    return True
