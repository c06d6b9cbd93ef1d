"""``python -m helpers.render EXECUTED.ipynb [-o OUT.html]``: one papermill-executed notebook → the same offline HTML
as the reports (the page, its exports and the shared assets next to it). The page says it stands alone: no links to
the collection's other reports, index or search, which are not beside it. A notebook without outputs (never executed)
or stopped at an error is refused unless ``--as-is`` is given; the page and its files are written all together
or not at all."""

from __future__ import annotations

import argparse
import errno
import os
import shutil
import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace


def entry_for(nb, path: Path, out: Path) -> SimpleNamespace:
    """The page's entry: the notebook's collection metadata (found by the papermill input path or the file name)
    and the parameters papermill injected."""
    from helpers.render import site

    pm = nb.metadata.get("papermill", {}) or {}
    given = Path(str(pm.get("input_path") or path)).stem
    meta = next((n for n in site.notebooks() if n["stem"] == given or given.startswith(n["stem"])), {})
    defaults = {k: v.get("default") for k, v in meta.get("parameters", {}).items()}
    parameters = dict(defaults, **(pm.get("parameters") or {}))
    changed = {k: v for k, v in parameters.items() if str(defaults.get(k)) != str(v)}
    return SimpleNamespace(
        id=meta.get("id", ""), stem=meta.get("stem", given), name=out.stem, title=meta.get("title", given),
        summary=meta.get("summary", ""), paragraphs=meta.get("paragraphs", ""), parameters=parameters,
        output=out.name, notebook=str(path), variant=out.stem if changed and meta else None, defaults=defaults,
        prev=None, next=None, data_version=None, data_files=[], standalone=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m helpers.render", description=__doc__.split("\n\n")[0])
    parser.add_argument("notebook", type=Path, help="a notebook executed by papermill (outputs kept)")
    parser.add_argument("-o", "--output", type=Path, help="the HTML file to write (default: NOTEBOOK.html)")
    parser.add_argument("--as-is", action="store_true",
                        help="render a notebook that has no outputs or stopped at an error as it is; without this "
                             "option such a notebook is refused")
    return parser


def shown(path: Path | str) -> str:
    """A path as this command prints it, so that it can be copied and reads as it is: as it is, or, when it holds
    a line break, a control or bidirectional character or starts or ends with a space, quoted with those
    characters escaped (``'a\\nb'``, ``'\\u202elmth.html'``), as the build prints paths."""
    import unicodedata

    text = str(path)
    odd = any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in text)
    return repr(text) if odd or text != text.strip() else text


def _not_written(out: Path, exc: OSError) -> str:
    """The one line that says a page could not be written: why, where, that nothing was changed, and what to do."""
    reason = exc.strerror or str(exc)
    where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
    remedy = ("free some space or give -o a file on another disk" if exc.errno == errno.ENOSPC else
              "give -o a file in a folder you can write to")
    return f"{shown(out)} was not written: {reason}{where}; nothing under {shown(out.parent)} was changed; {remedy}"


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    from helpers import paths, render

    if not args.notebook.is_file():
        parser.error(f"{args.notebook} does not exist or is not a file; give a notebook executed by papermill")
    out = args.output or args.notebook.with_suffix(".html")
    problem = _output_problem(out, args.notebook)
    if problem:
        parser.error(problem)
    nb = _read(args.notebook, parser)
    if not args.as_is:
        _refuse_unfinished(nb, args.notebook, parser)
    lang = _edition_of(nb, args.notebook, parser)
    try:
        with paths.using(lang=lang):
            files = dict(render.render_report(nb, SimpleNamespace(**vars(entry_for(nb, args.notebook, out)),
                                                                  lang=lang)))
    except render.RenderError as exc:
        print(f"{parser.prog}: error: {exc}", file=sys.stderr)
        return 1
    files.update(render.shared_assets())
    problem = _link_out(out, files)
    if problem:
        parser.error(problem)
    try:
        _place(out, files)
    except OSError as exc:
        print(f"{parser.prog}: error: {_not_written(out, exc)}", file=sys.stderr)
        return 1
    print(f"wrote {shown(out)} ({len(files) - 1} more files under {shown(out.parent)})")
    return 0


def _edition_of(nb, notebook: Path, parser: argparse.ArgumentParser) -> str:
    """The edition the notebook was run for: the one the build marked in it (``metadata.nato_report.lang``; a
    notebook the build kept under ``build/ar/`` is Arabic), else ``$NATO_LANG`` (a papermill run made with it).
    A notebook run for one edition while ``$NATO_LANG`` names the other is refused (``parser.error``): its
    findings are in one language and the page's headings, notes and direction would be in the other."""
    from helpers import paths

    try:
        asked = paths.language()
    except paths.SettingError as exc:
        parser.error(str(exc))
    marked = str((nb.metadata.get("nato_report") or {}).get("lang") or "")
    if not marked and paths.build_dir() / "ar" in Path(os.path.realpath(notebook)).parents:
        marked = "ar"
    if marked and marked not in paths.EDITION_NAMES:
        parser.error(f"{notebook} says it was run for the edition {marked!r}; allowed: "
                     f"{' or '.join(paths.EDITION_NAMES)}")
    if marked and os.environ.get(paths.LANG_VAR, "").strip() and asked != marked:
        names = {"en": "English", "ar": "Arabic"}
        parser.error(f"{notebook} was run for the {names[marked]} edition but {paths.LANG_VAR}={asked}: its "
                     f"findings would sit in a page of the other language; set {paths.LANG_VAR}={marked} or leave "
                     "it unset")
    return marked or asked


def _refuse_unfinished(nb, notebook: Path, parser: argparse.ArgumentParser) -> None:
    """Refuse (``parser.error``) a notebook that was never executed or that papermill stopped at an error: its page
    would lack the findings, tables and charts a report promises."""
    if not _has_outputs(nb):
        parser.error(f"{notebook} has no outputs (it was not executed): its page would show code and prose "
                     "without a finding, table or chart; execute it with papermill first (see README), or add "
                     "--as-is to render it as it is")
    stopped = _stopped_at(nb)
    if stopped:
        parser.error(f"{notebook} stopped at an error ({stopped}): its page would lack every output after "
                     "it; fix the cause and execute it again, or add --as-is to render it as it is")


def _has_outputs(nb) -> bool:
    """True when some code cell kept an output (a notebook saved before it was run has none)."""
    return any(cell.get("outputs") for cell in nb.cells if cell.cell_type == "code")


def _link_out(out: Path, files: dict[str, bytes]) -> str | None:
    """Why a file of the page would be written outside the page's folder through a symbolic link (``assets`` linked
    to ``scripts/`` wrote the shared assets among the sources), or None. Nothing is written through such a link."""
    root = os.path.realpath(out.parent) if out.parent.exists() else None
    if root is None:
        return None
    for rel in files:
        target = out.parent / rel
        folder = target.parent
        while not folder.exists():
            folder = folder.parent
        real = os.path.realpath(folder)
        if os.path.commonpath([root, real]) != root:
            return (f"{target} would be written in {real} through a symbolic link out of {out.parent}; remove the "
                    f"link, or give -o a file in a folder of its own")
    return None


def _stopped_at(nb) -> str | None:
    """Where an executed notebook stopped at an error (``cell N: Name: message``, N counted from 0 as papermill and
    the build's failure pages count), or None. Papermill marks such a run in the metadata as well."""
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []) if cell.cell_type == "code" else ():
            if out.get("output_type") == "error":
                message = " ".join(str(out.get("evalue", "")).split())[:160]
                return f"cell {index}: {out.get('ename', 'Error')}" + (f": {message}" if message else "")
    if (nb.metadata.get("papermill") or {}).get("exception"):
        return "papermill recorded an exception"
    return None


def _place(out: Path, files: dict[str, bytes]) -> None:
    """Write the page and its files beside it all together or not at all: every file is first written whole in a
    staging folder beside the page (a full or read-only disk stops there, and nothing in the output folder
    changes), then moved into place, the page last; exports an earlier page of this name left are removed.
    Folders this call created are removed again when it fails."""
    folder = out.parent
    created = [d for d in (folder, *folder.parents) if not d.exists()]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".staging", dir=folder))
    except OSError as exc:
        _remove_empty(created)
        raise OSError(exc.errno, exc.strerror, str(folder)) from exc
    targets = {rel: folder / (out.name if rel == out.name else rel) for rel in files}
    try:
        for rel, data in files.items():
            staged = stage / rel
            staged.parent.mkdir(parents=True, exist_ok=True)
            with open(staged, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(staged, 0o644)
        for target in targets.values():
            target.parent.mkdir(parents=True, exist_ok=True)
        _move_all(stage, {rel: targets[rel] for rel in sorted(files, key=lambda rel: rel == out.name)})
    except OSError as exc:
        shutil.rmtree(stage, ignore_errors=True)
        _remove_empty(created)
        named = exc.filename and stage not in Path(exc.filename).parents
        raise OSError(exc.errno, exc.strerror, str(exc.filename if named else folder)) from exc
    shutil.rmtree(stage, ignore_errors=True)
    own = folder / "exports" / out.stem
    written = set(targets.values())
    for old in sorted(own.rglob("*"), reverse=True) if own.is_dir() else ():
        if old.is_file() and old not in written:
            old.unlink()


def _move_all(stage: Path, targets: dict[str, Path]) -> None:
    """Move each staged file onto its target, in order (the page last: it never links a missing file). A move that
    fails (a locked or read-only file, a folder in the way) puts every file already moved back as it was, so a
    page in reports/ never keeps another page's exports: what was replaced is restored, what was new removed."""
    done: list[tuple[Path, Path | None]] = []
    try:
        for rel, target in targets.items():
            kept = None
            if target.is_file():  # a second name for what is there now; the move below replaces it in one step
                kept = stage / ".before" / rel
                kept.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(target, kept)
                except OSError:
                    shutil.copy2(target, kept)
            os.replace(stage / rel, target)
            done.append((target, kept))
    except OSError:
        for target, kept in reversed(done):
            try:
                if kept is not None:
                    os.replace(kept, target)
                else:
                    target.unlink(missing_ok=True)
            except OSError:
                pass
        raise


def _remove_empty(folders: list[Path]) -> None:
    for d in folders:  # deepest first
        try:
            d.rmdir()
        except OSError:
            pass


def _output_problem(out: Path, notebook: Path) -> str | None:
    """Why the page cannot be written to ``out`` (with its ``assets/`` and ``exports/`` beside it), or None."""
    from helpers import paths

    if out.is_dir():
        example = out / notebook.with_suffix(".html").name
        return f"-o {out} is a folder; give the HTML file to write in it (e.g. {example})"
    if out.suffix.lower() not in (".html", ".htm"):
        return f"-o {out}: the page is an HTML file; give a file name ending in .html"
    found = paths.overlap(out.parent, paths.source_folders())
    if found:
        where, what, src = found
        return (f"{out.parent} {where} {what} ({src}): the page, its assets/ and exports/ would be written among "
                f"the sources; give -o a file in a folder of its own (e.g. build/{out.name})")
    return _build_output(out)


def _build_output(out: Path) -> str | None:
    """Why ``out`` would land among the build's own outputs (the reports folder, either edition, or the cache),
    where it would replace a report the build wrote and its exports, or None."""
    from helpers import paths

    owned = {"the build's reports folder": paths.reports_dir(), "the project's reports folder": paths.REPORTS,
             "the build's cache folder": paths.cache_dir()}
    found = paths.overlap(out.parent, {what: Path(os.path.realpath(f)) for what, f in owned.items()})
    if found and found[0] != "holds":
        where, what, folder = found
        return (f"-o {out}: {out.parent} {where} {what} ({folder}): the build writes the collection's reports "
                "there, and this page, its assets/ and exports/ would replace them; give -o a file in a folder "
                f"of its own (e.g. build/{out.name})")
    return None


def _read(notebook: Path, parser: argparse.ArgumentParser):
    import nbformat

    try:
        nb = nbformat.read(notebook, as_version=4)
        nbformat.validate(nb)  # JSON that is not a notebook ('{"cells": 5}', '[]') fails here, not mid-render
        return nb
    except (OSError, ValueError, UnicodeDecodeError, nbformat.ValidationError, AttributeError, TypeError,
            KeyError) as exc:
        reason = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        parser.error(f"{notebook} is not a notebook ({reason}); give a .ipynb file executed by papermill")


if __name__ == "__main__":
    sys.exit(main())
