"""From a checked command line to the work: which reports exist, which are selected, and what each one needs.

Entries: every notebook of the section map gives a default report and one report per declared variant; ``-p``
overrides give each selected notebook that declares them one more report — unless the checked values equal a
declared report's (the default or a variant), which is then reused. Every parameter is checked here, before any
kernel starts. Report names come from the checked values, so two different values never share a file and one
value typed two ways (``٢٠٢٣`` and ``2023``) shares one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpers import cache, params, paths
from helpers.models import Entry
from helpers.pipeline import variant_names
from helpers.pipeline.jobs import Action

KERNEL = "python3"
INDEX = "index.html"
NAME_LIMIT = 80  # characters of the "-p" part of a report name; file names stay far below 255 bytes
_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")


class BuildError(Exception):
    """A problem with the command line, the collection or the output folders (one line, exit code 2)."""


def _digest(values: dict[str, Any]) -> str:
    return cache.sha256_bytes(cache.canonical(dict(sorted(values.items()))))[:8]


def override_name(values: dict[str, Any]) -> str:
    """File-name part for a run with ``-p`` overrides, from the checked values: ``as_of-2001-06-15``.

    Only letters, digits, ``.`` and ``-`` are kept from a value. When anything else had to be replaced (so two
    values could read alike: ``factual,normative`` and ``factual normative``) or the name would pass
    ``NAME_LIMIT`` characters, a short hash of the exact values is appended: ``claim_types-factual_normative-
    1f2e3d4c``.
    """
    parts, lossy = [], False
    for key, value in sorted(values.items()):
        text = str(value)
        safe = _UNSAFE.sub("_", text).strip("_")
        lossy = lossy or safe != text
        parts.append(f"{key}-{safe}")
    name = "--".join(parts)
    if lossy or len(name) > NAME_LIMIT:
        name = f"{name[:NAME_LIMIT - 9].rstrip('_-.')}-{_digest(values)}"
    return name


def selected_ids(collection: Path, only: list[str] | None) -> list[str]:
    if not only:
        return [nb.id for nb in params.notebooks(collection)]
    ids: list[str] = []
    for key in only:
        nb = params.notebook(key, collection)
        if nb.id not in ids:
            ids.append(nb.id)
    return ids


def _refuse_undeclared(overrides: dict[str, Any], selected: list[str], collection: Path, narrowed: bool) -> None:
    declared = {i: params.notebook(i, collection).parameters for i in selected}
    for name, value in overrides.items():
        if any(name in p for p in declared.values()):
            continue
        allowed = sorted({p for ps in declared.values() for p in ps})
        raise params.ParameterError(
            f"{'notebook' if len(selected) == 1 else 'notebooks'} {', '.join(selected)}: "
            f"unknown parameter '{name}' = {params.echo(value)} (not declared by "
            f"{'the selected notebooks' if narrowed else 'any notebook'}); "
            f"allowed parameters: {', '.join(allowed) or 'none'}")


def _checked(nb_id: str, values: dict[str, Any], collection: Path) -> dict[str, Any]:
    return {k: params.plain(v) for k, v in params.check_all(nb_id, values, collection=collection).items()}


@dataclass
class _Notebook:
    """One notebook's declared entries, in order (default first), and what it needs to make more."""

    spec: params.NotebookSpec
    declared: list[Entry]
    ipynb: Path
    nav: dict
    defaults: dict

    def entry(self, vname: str | None, values: dict[str, Any]) -> Entry:
        nb = self.spec
        name = nb.stem if vname is None else f"{nb.stem}--{vname}"
        return Entry(id=nb.id, stem=nb.stem, name=name, title=nb.title if vname is None else f"{nb.title} ({vname})",
                     summary=nb.summary, paragraphs=nb.paragraphs, parameters=values, output=f"{name}.html",
                     notebook=str(self.ipynb), variant=vname, defaults=self.defaults, limits=dict(nb.limits or {}),
                     **self.nav)


def _refuse_other_defaults(nb: params.NotebookSpec, ipynb: Path, collection: Path) -> None:
    """A declared parameter the notebook's parameters cell does not assign is refused (its report would be the
    default's under another name). A default in the section map that is not the notebook's own literal is refused,
    not warned about: the build's default report and a papermill or JupyterLab run of the same notebook would show
    two different reports under one name, and a warning scrolls past. The cell read is the ``.py``'s when there is
    one (the build syncs an edited ``.py`` into the ``.ipynb`` before it runs it, and refuses an ``.ipynb`` edited
    after its ``.py``), else the ``.ipynb``'s."""
    from helpers.params.inject import cell_defaults, py_cell_defaults

    py = ipynb.with_suffix(".py")
    path, own = (py, py_cell_defaults(py)) if py.is_file() else (ipynb, cell_defaults(ipynb))
    for name, spec in nb.parameters.items():
        if own and name not in own:  # papermill would inject it; the notebook would never read it (a notebook
            # that cannot be read, or has no parameters cell, fails alone with its own message)
            raise params.CollectionError(
                f"notebook {nb.id} ({nb.stem}): parameter '{name}' ({spec.type}) is declared in "
                f"{collection.name} but not assigned in {path.name}'s parameters cell; allowed: a parameter "
                f"the notebook reads (add {name} = {params.plain(spec.default)!r} to that cell, or remove "
                f"[notebook.parameters.{name}])")
        if name in own and params.plain(own[name]) != params.plain(spec.default):
            raise params.CollectionError(
                f"notebook {nb.id} ({nb.stem}): parameter '{name}' has default {params.plain(spec.default)!r} "
                f"in {collection.name} but {own[name]!r} in {path.name}'s parameters cell; allowed: the same "
                "value in both (the build runs the section map's default, papermill and JupyterLab the "
                "notebook's)")


def _declared(collection: Path, selected: list[str]) -> list[_Notebook]:
    """Every notebook's declared entries; a parameters cell that disagrees with the section map is refused for
    the ``selected`` notebooks only (another notebook's is its own build's business)."""
    nbs = params.notebooks(collection)
    links = [{"id": nb.id, "title": nb.title, "output": f"{nb.stem}.html"} for nb in nbs]
    out = []
    for pos, nb in enumerate(nbs):
        nav = {"prev": links[pos - 1] if pos > 0 else None, "next": links[pos + 1] if pos + 1 < len(nbs) else None}
        book = _Notebook(spec=nb, declared=[], ipynb=collection.parent / f"{nb.stem}.ipynb", nav=nav,
                         defaults={k: s.default for k, s in nb.parameters.items()})
        if nb.id in selected:
            _refuse_other_defaults(nb, book.ipynb, collection)
        for vname, values in [(None, {}), *nb.variants]:
            book.declared.append(book.entry(vname, checked := _checked(nb.id, values, collection)))
            if vname is not None:
                variant_names.refuse_contradiction(nb, vname, {**book.defaults, **checked}, collection.name)
        out.append(book)
    return out


def _custom(book: _Notebook, mine: dict[str, Any], collection: Path) -> Entry:
    """The entry for ``-p`` values on one notebook: a declared entry with the same values, or a new one."""
    values = _checked(book.spec.id, mine, collection)
    for entry in book.declared:
        if entry.parameters == values:
            return entry
    changed = {k: values[k] for k in mine}
    vname = override_name(changed)
    if any(e.name == f"{book.spec.stem}--{vname}" for e in book.declared):  # a variant declared with that name
        vname = f"{vname}-{_digest(values)}"
    return book.entry(vname, values)


def all_entries(collection: Path, overrides: dict[str, Any] | None = None,
                only: list[str] | None = None, sweep=None) -> tuple[list[Entry], list[Entry]]:
    """``(entries of the whole collection, entries selected for this build)``; every parameter is checked.

    ``overrides`` (from ``-p``) apply to each selected notebook that declares the name; a name no selected
    notebook declares is refused. ``sweep`` (:class:`helpers.pipeline.sweep.Sweep`) gives each selected notebook
    that declares its name one entry per value, exactly as ``-p NAME value`` would, each value checked.
    Raises ``params.ParameterError`` or ``BuildError``.
    """
    overrides = overrides or {}
    selected = selected_ids(collection, only)
    _refuse_undeclared(overrides, selected, collection, bool(only))
    if sweep is not None:
        _refuse_unswept(sweep, overrides, selected, collection)
    everything: list[Entry] = []
    chosen: list[Entry] = []
    for book in _declared(collection, selected):
        everything += book.declared
        if book.spec.id not in selected:
            continue
        mine = {k: v for k, v in overrides.items() if k in book.spec.parameters}
        if sweep is not None and sweep.name in book.spec.parameters:
            chosen += _swept(book, mine, sweep, collection)
            continue
        chosen += [_custom(book, mine, collection)] if mine else book.declared
    for e in chosen:
        if not Path(e.notebook).is_file():
            raise BuildError(f"notebook {e.id}: {cache.relative(Path(e.notebook))} does not exist; run `make sync` "
                             f"to create it from {e.stem}.py")
    return everything, chosen


def _refuse_unswept(sweep, overrides: dict[str, Any], selected: list[str], collection: Path) -> None:
    if sweep.name in overrides:
        raise sweep.refuse(f"-p {sweep.name} is given too; a parameter is either set with -p or swept, not both")
    declaring = [i for i in selected if sweep.name in params.notebook(i, collection).parameters]
    if not declaring:
        allowed = sorted({p for i in selected for p in params.notebook(i, collection).parameters})
        raise sweep.refuse(f"no selected notebook ({', '.join(selected)}) declares '{sweep.name}'; "
                           f"parameters they declare: {', '.join(allowed) or 'none'}")
    count = len(sweep.values) * len(declaring)
    if count > sweep.unasked_limit and not sweep.confirmed:
        raise sweep.refuse(f"{len(sweep.values)} values × {len(declaring)} notebook(s) = {count} reports, more "
                           f"than {sweep.unasked_limit}; add --yes to build them all, or narrow the range or --only")


def _swept(book: _Notebook, mine: dict[str, Any], sweep, collection: Path) -> list[Entry]:
    """One entry per swept value (each once: two spellings of one value share a report), each value checked."""
    out: dict[str, Entry] = {}
    for value in sweep.values:
        try:
            entry = _custom(book, {**mine, sweep.name: value}, collection)
        except params.ParameterError as exc:
            raise sweep.refuse(str(exc)) from None
        out.setdefault(entry.name, entry)
    return list(out.values())


# ---------------------------------------------------------------------------------------------- the cache plan


@dataclass
class PlannedStep:
    """One report's work as the cache plan decides it (in the build's own process): ``action`` is
    :attr:`~helpers.pipeline.jobs.Action.EXECUTE` or ``RENDER`` (a prose edit: no kernel), ``reason`` says why.
    What crosses to a worker is made from it: :class:`helpers.pipeline.jobs.ReportJob` (``run.report_job``)."""

    entry: Entry
    action: Action
    reason: str
    key: str
    render: str


def data_hashes() -> dict[str, str]:
    """The declared data files of the collection in use (and of the project): what a page's data version shows."""
    data: dict[str, str] = {}
    for folder in sorted({params.data_dir().resolve(), paths.DATA.resolve()}):
        data.update(cache.declared_hashes(folder))
    return data


def page_context(everything: list[Entry]) -> dict:
    """What every page shows besides its own entry: the collection's sidebar (every report's title and file), the
    collection's data version (``helpers.render.site.data_version``: the project's declared data files), and
    how to cite it (``helpers.render.how_to_cite.about``: the version in ``pyproject.toml``, ``CITATION.cff``).
    It is part of every render key, so a changed title reaches every sidebar and a data change every page's data
    version line (the edition's language is in the entry itself)."""
    from helpers.render.how_to_cite import about

    return {"sidebar": [(e.id, e.name, e.title, e.output) for e in everything],
            "data": cache.data_fingerprint(cache.declared_hashes(paths.DATA)), "about": about()}


def cache_plan(chosen: list[Entry], cache_dir: Path, reports: Path, force: bool,
               context: dict | None = None) -> tuple[list[PlannedStep], list[Entry]]:
    """``(jobs, entries that are up to date)``; ``context`` (:func:`page_context`) is what every page shows."""
    from helpers.i18n import catalog_digest

    code, env = cache.code_hash(), cache.environment_hash()
    jobs, fresh = [], []
    for e in chosen:
        nb = Path(e.notebook)
        key = cache.execution_key(notebook=nb, parameters=e.parameters, code=code, env=env, kernel=KERNEL,
                                  lang=e.lang, catalogs=catalog_digest(e.lang),
                                  settings=cache.settings(e.limits or {}))
        shown = {k: v for k, v in e.to_dict().items()  # a page shows no limit: the run's key holds what they change
                 if k not in ("notebook", "data_version", "data_files", "limits")}
        shown["page"] = context or {}
        render = _render(nb, shown, code, env, catalog_digest(e.lang, e.stem))
        if force:
            jobs.append(PlannedStep(e, Action.EXECUTE, "forced", key, render))
            continue
        rec = cache.read_record(cache_dir, e.name)
        action, reason = cache.why_stale(rec, key, render, reports, cache.executed_path(cache_dir, e.name))
        if rec is None and cache.record_path(cache_dir, e.name).exists():  # there, but truncated or not ours
            reason = f"its cache record could not be read ({cache.relative(cache.record_path(cache_dir, e.name))})"
        if reason and reason.startswith(("code cells", "prose or titles")):  # say so when it is only the limits
            reason = _limits_changed(rec, e.limits) or reason
        if rec is not None and reason == cache.PROSE_CHANGED:  # which of the page's own inputs changed
            reason = _render_reason(str(rec["render"]), render) or reason
        if action == "cached":
            fresh.append(e)
        else:
            jobs.append(PlannedStep(e, Action(action), reason or "", key, render))
    return jobs, fresh


#: What changed, by part of a page's render key (:func:`_render`), as the build's summary says it.
_RENDER_PARTS = (cache.PROSE_CHANGED, "its title, parameters or place in the collection changed",
                 "what every page shows changed (a report's title, the data version or how to cite)",
                 "its Arabic prose changed")


def _render(nb: Path, shown: dict, code: str, env: str, catalogs: str) -> str:
    """A page's render key (:func:`helpers.cache.render_key`), then a short hash of each of its parts (the notebook
    file, its entry, what every page shows, its prose catalogs), so a page written again says which changed: a
    data edit changes every page's data version, not its prose."""
    whole = cache.render_key(notebook=nb, entry=shown, code=code, env=env, catalogs=catalogs)
    entry = {k: v for k, v in shown.items() if k != "page"}
    parts = (cache.sha256_file(nb) or "", cache.sha256_bytes(cache.canonical(entry)),
             cache.sha256_bytes(cache.canonical(shown.get("page", {}))), catalogs)
    return ".".join([whole, *(part[:12] for part in parts)])


def _render_reason(before: str, now: str) -> str | None:
    """The changed parts of two :func:`_render` keys in words; None when the record's key has no parts."""
    old, new = before.split("."), now.split(".")
    if len(old) != len(new):
        return None
    return "; ".join(why for why, a, b in zip(_RENDER_PARTS, old[1:], new[1:]) if a != b) or None


def _limits_changed(rec: dict | None, limits: dict | None) -> str | None:
    """When the record's limits differ from ``limits`` (``[limits]`` of ``collection.toml``), the reason the
    report runs again in words, e.g. "the limits in collection.toml changed (cell_output 20000 → 5000)"."""
    before, now = (rec or {}).get("limits"), limits or {}
    if not isinstance(before, dict) or before == now:
        return None
    changed = [f"{k} {before.get(k, 'default')} → {now.get(k, 'default')}" for k in sorted({*before, *now})
               if before.get(k) != now.get(k)]
    return f"the limits in collection.toml changed ({', '.join(changed)})"


def site_plan(entries: list[Entry], reports: Path, cache_dir: Path, force: bool) -> dict[str, str]:
    """``{part: key}`` for the parts of the site that must be (re)written ("assets"): the shared assets depend on
    the helpers code, the environment and the edition's language. The index is written after the pages
    (``helpers.pipeline.front_page``)."""
    code, env = cache.code_hash(), cache.environment_hash()
    lang = entries[0].lang if entries else "en"
    keys = {
        "assets": cache.sha256_bytes(cache.canonical({"code": code, "env": env, "lang": lang})),
    }
    stale = {}
    for part, key in keys.items():
        rec = None if force else cache.read_record(cache_dir, f"_{part}")
        if rec is None or rec["key"] != key or any(
                not cache.kept(reports, rel, digest) for rel, digest in rec["outputs"].items()):
            stale[part] = key
    return stale
