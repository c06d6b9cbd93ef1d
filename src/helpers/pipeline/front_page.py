"""The index (``reports/index.html``), written after every page is: the front page reads each report's headline
finding and first figure from the page itself, and lists the pages built with ``-p`` under "Your builds"
(:func:`helpers.render.front.your_builds`). It is rewritten only when a page, the section map or the helpers code
changed, like every other output of the build."""

from __future__ import annotations

from helpers import cache, params, paths
from helpers.pipeline import folders, placement
from helpers.pipeline.plan import INDEX
from helpers.pipeline.run import Dirs, record_site
from helpers.pipeline.summary import plain

RECORD = "index"
#: What the index's record says of a report the index marks "its last build failed".
MARKED = "marked failed"
#: The indexes this build could not write though one is in place (resolved paths): they do not mark this build's
#: results, so a line that would say "its index marks them" says so instead.
_LEFT_STALE: set[str] = set()


def write(entries: list, dirs: Dirs, force: bool) -> bool:
    """Write the index when it is stale; True when it was written."""
    from helpers import render
    from helpers.i18n import catalog_digest
    from helpers.render import front
    from helpers.render.how_to_cite import about

    lang = entries[0].lang if entries else "en"
    declared = [e.output for e in entries]
    pages = sorted(p.name for p in dirs.reports.glob("*.html") if p.name != INDEX)
    pages += sorted(f"{front.SWEEPS}/{p.name}" for p in (dirs.reports / front.SWEEPS).glob("*.html"))  # listed too
    digests = {p: cache.sha256_file(dirs.reports / p) for p in pages}
    listed = placement.failed(dirs.reports)
    kept = sorted(e.output for e in entries if e.name in listed or placement.kept_failure(dirs.build, e.name).is_file())
    data: dict[str, str] = {}
    for folder in sorted({params.data_dir().resolve(), paths.DATA.resolve()}):
        data.update(cache.folder_hashes(folder))  # the index shows the data version
    key = cache.sha256_bytes(cache.canonical({"pages": digests, "code": cache.code_hash(),
                                              "data": cache.data_fingerprint(data), "lang": lang,
                                              "catalogs": catalog_digest(lang),
                                              "env": cache.environment_hash(),
                                              "entries": [e.to_dict() for e in entries], "kept": kept,
                                              "about": about()}))
    rec = cache.read_record(dirs.cache, f"_{RECORD}")
    index = dirs.reports / INDEX
    if not force and rec is not None and rec["key"] == key and index.exists() \
            and cache.sha256_file(index) == rec["outputs"].get(INDEX):
        return False
    records = {p: r for p in declared if (r := front.read_record(dirs.reports / p)) is not None}
    states = {p: "missing" if not (dirs.reports / p).is_file() else "failed" for p in declared if p not in records}
    states.update({p: "data" for p in records if p not in states and front.outdated(records[p]) == "data"})
    states.update({p: "kept" for p in kept if p in records})  # a failed build kept this earlier report
    data = render.render_index(entries, records, front.your_builds(dirs.reports, declared, lang), states)
    cache.atomic_write(placement.inside(dirs.reports, INDEX), data, dirs.staging)
    record_site(dirs, RECORD, key, {INDEX: cache.sha256_bytes(data)}, dict.fromkeys(kept, MARKED))
    _LEFT_STALE.discard(str(index.resolve()))
    return True


def left_stale(failed: bool, entries: list, dirs: Dirs, errors: list[tuple[str, str]]) -> None:
    """When the index could not be written (``failed``, its reason last in ``errors``) and an earlier one is in
    place that shows as good a report whose last build failed, that reason says the index in place is out of date
    and names each such report: a reader of the index would otherwise trust a page the build marked failed."""
    index = dirs.reports / INDEX
    if not failed or not index.is_file():
        return
    _LEFT_STALE.add(str(index.resolve()))
    rec = cache.read_record(dirs.cache, f"_{RECORD}")
    trusted = rec is not None and cache.sha256_file(index) == rec["outputs"].get(INDEX)
    marked = {o for o, note in rec["data"].items() if note == MARKED} if trusted else set()
    listed = placement.failed(dirs.reports)
    names = [e.name for e in entries if e.output not in marked
             and (e.name in listed or placement.kept_failure(dirs.build, e.name).is_file())]
    if names:
        what, why = errors[-1]
        listing = plain(cache.relative(dirs.reports / placement.FAILED_LIST))
        errors[-1] = (what, f"{why}; the index left in place ({plain(cache.relative(index))}) is out of date: it "
                            f"still shows {', '.join(names)} as good, though the last build of "
                            f"{'each' if len(names) > 1 else 'it'} failed (listed in {listing})")


def write_others(everything: list, asked: list[str] | None, dirs_of) -> list[str]:
    """When ``--lang`` (``asked``) leaves an edition alone: that edition's index written again, if it exists and
    is stale (a data file its reports read changed, or changed back), so its marks of reports built from data that
    changed since follow the current data; only its index, with its own strings. ``dirs_of(lang)``: that
    edition's :class:`Dirs`. The paths of the indexes written."""
    from dataclasses import replace

    from helpers.i18n import EDITIONS, edition_dir

    written = []
    for other in [o for o in EDITIONS if asked and o not in asked]:
        if not (edition_dir(paths.reports_dir(), other) / INDEX).is_file():
            continue  # never built: its first build writes it
        dirs = dirs_of(other)
        try:
            with paths.using(lang=other):
                if write([replace(e, lang=other) for e in everything], dirs, False):
                    written.append(str((dirs.reports / INDEX).resolve()))
        finally:
            folders.tidy(dirs.staging, dirs.reports)
    return written


def outdated_builds(entries: list, dirs: Dirs, asked: list[str] | None = None) -> list[str]:
    """One line per report under "Your builds" made from older data or code than this build's (the index marks
    each), naming it and the command that builds it again; then one line per edition whose declared reports read
    data that changed since they were built (:func:`stale_declared`)."""
    from helpers.render import front

    lang = entries[0].lang if entries else "en"
    why = {"data": "older data", "code": "an older version of the helpers code"}
    lines = [f"{cache.relative(dirs.reports / b.output)} (under \"Your builds\" on the index) was built from "
             f"{why[b.stale]} and is marked so there; rebuild it with: {b.command}"
             for b in front.your_builds(dirs.reports, [e.output for e in entries], lang) if b.stale]
    return lines + stale_declared(entries, dirs, asked)


def stale_declared(entries: list, dirs: Dirs, asked: list[str] | None = None) -> list[str]:
    """A line for this edition, and for each edition this build leaves alone (``asked``: the ``--lang`` given),
    when reports of the collection in its folder were built from data that changed since: how many, which, and
    the command that rebuilds them. This edition's index marks each of them."""
    from helpers.i18n import EDITIONS, edition_dir
    from helpers.render import front

    lang = entries[0].lang if entries else "en"
    others = [o for o in EDITIONS if o != lang and asked and o not in asked]
    lines = []
    for other in [lang, *others]:
        folder = dirs.reports if other == lang else edition_dir(paths.reports_dir(), other)
        old = [e for e in entries if (r := front.read_record(folder / e.output)) is not None
               and front.outdated(r) == "data"]
        if not old:
            continue
        ids = sorted({str(e.id or e.name) for e in old})
        every = {str(e.id or e.name) for e in entries}
        # a few by name; more, or all: the whole edition, where the cache rebuilds only these (the others: cached)
        only = "".join(f"--only {i} " for i in ids) if len(ids) <= 3 and set(ids) != every else ""
        # this build wrote that edition's index again when it has one (:func:`write_others`)
        where = ("its index will mark them once built" if not (folder / INDEX).is_file()
                 else "its index could not be written and does not mark them" if str((folder / INDEX).resolve())
                 in _LEFT_STALE else "its index marks them")
        lines.append(f"{len(old)} report(s) in {plain(cache.relative(folder))}/ were built from data that has changed since "
                     f"(notebook(s) {', '.join(ids)}); {where}; rebuild them with: "
                     f'make reports ARGS="{only}--lang {other}"')
    return lines
