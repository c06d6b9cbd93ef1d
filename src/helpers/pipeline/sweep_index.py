"""A sweep's own index page, ``reports/sweeps/<slug>.html`` (``reports/ar/sweeps/`` in the Arabic edition), written
after the sweep's report pages and before the collection's index, which lists it under "Your builds".

The page's name comes from what was swept, not from how it was typed: the notebooks, the parameter, the checked
values and the other ``-p`` values (two spellings of one sweep share a page). It is cached like every other output:
its record (``_sweep-<slug>``) keys it on the bytes of each report page it lists, the helpers code, the environment,
the edition and the collection's sidebar, so running the same sweep again writes nothing.
"""

from __future__ import annotations

from pathlib import Path

from helpers import cache, params, paths
from helpers.models import Entry
from helpers.pipeline import placement
from helpers.pipeline.plan import _UNSAFE, NAME_LIMIT
from helpers.pipeline.run import Dirs, record_site

FOLDER = "sweeps"


def swept(sweep, chosen: list[Entry], collection: Path) -> list[Entry]:
    """The sweep's reports among the chosen ones (those of the notebooks that declare the swept parameter)."""
    return [e for e in chosen if sweep.name in params.notebook(e.id, collection).parameters]


def slug(sweep, reports: list[Entry], overrides: dict) -> str:
    """``07--as_of-1992-12-31--2000-12-31-9-1a2b3c4d``: notebooks, parameter, first and last value, count, and a
    short hash of exactly what was swept (notebooks, checked values, other ``-p`` values)."""
    ids = list(dict.fromkeys(e.id for e in reports))
    values = list(dict.fromkeys(str(e.parameters[sweep.name]) for e in reports))
    what = {"notebooks": ids, "name": sweep.name, "values": values,
            "overrides": {k: str(v) for k, v in sorted(overrides.items())}}
    digest = cache.sha256_bytes(cache.canonical(what))[:8]
    text = _UNSAFE.sub("_", f"{'-'.join(ids)}--{sweep.name}-{values[0]}--{values[-1]}-{len(reports)}").strip("_")
    return f"{text[:NAME_LIMIT].rstrip('_-.')}-{digest}"


def command(sweep, reports: list[Entry], overrides: dict) -> str:
    """The build command as a reader would type it again."""
    only = " ".join(f"--only {i}" for i in dict.fromkeys(e.id for e in reports))
    given = "".join(f" -p {k} {v}" for k, v in overrides.items())
    return f'make reports ARGS="{only} --sweep {sweep.option}{given}"'


def write(sweep, reports: list[Entry], everything: list[Entry], overrides: dict, dirs: Dirs, force: bool) -> bool:
    """Write the sweep's page when it is stale; True when it was written."""
    from helpers import render
    from helpers.i18n import catalog_digest
    from helpers.render import front
    from helpers.render.how_to_cite import about

    if not reports:
        return False
    lang = reports[0].lang
    name = slug(sweep, reports, overrides)
    rel = f"{FOLDER}/{name}.html"
    record = {"slug": name, "name": sweep.name, "command": command(sweep, reports, overrides),
              "notebooks": list(dict.fromkeys(e.id for e in reports)),
              "titles": list(dict.fromkeys(params.notebook(e.id).title for e in reports)),
              "values": list(dict.fromkeys(str(e.parameters[sweep.name]) for e in reports)),
              "pages": [e.output for e in reports]}
    pages = {e.output: cache.sha256_file(dirs.reports / e.output) for e in reports}
    key = cache.sha256_bytes(cache.canonical({
        "record": record, "pages": pages, "code": cache.code_hash(), "env": cache.environment_hash(),
        "lang": lang, "catalogs": catalog_digest(lang), "about": about(),
        "data": cache.data_fingerprint(cache.declared_hashes(paths.DATA)),
        "sidebar": [(e.id, e.name, e.title, e.output) for e in everything]}))
    target = dirs.reports / rel
    rec = cache.read_record(dirs.cache, f"_sweep-{name}")
    if not force and rec is not None and rec["key"] == key and cache.sha256_file(target) == rec["outputs"].get(rel):
        return False
    rows = []
    for e in reports:
        page = front.read_record(dirs.reports / e.output)
        rows.append({"value": e.parameters[sweep.name], "id": e.id, "title": params.notebook(e.id).title,
                     "output": e.output,
                     "finding": front.headline(page, e.summary), "failed": page is None})
    data = render.render_sweep(record, rows, lang)
    cache.atomic_write(placement.inside(dirs.reports, rel), data, dirs.staging)
    record_site(dirs, f"sweep-{name}", key, {rel: cache.sha256_bytes(data)})
    return True
