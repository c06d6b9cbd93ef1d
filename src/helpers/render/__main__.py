"""``python -m helpers.render EXECUTED.ipynb [-o OUT.html]``: one papermill-executed notebook → the same offline HTML
as the reports (the page, its exports and the shared assets next to it). The page says it stands alone: no links to
the collection's other reports, index or search, which are not beside it."""

from __future__ import annotations

import argparse
import sys
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers.render", description=__doc__.split("\n\n")[0])
    parser.add_argument("notebook", type=Path, help="a notebook executed by papermill (outputs kept)")
    parser.add_argument("-o", "--output", type=Path, help="the HTML file to write (default: NOTEBOOK.html)")
    args = parser.parse_args(argv)
    from helpers import cache, render

    if not args.notebook.is_file():
        parser.error(f"{args.notebook} does not exist or is not a file; give a notebook executed by papermill")
    out = args.output or args.notebook.with_suffix(".html")
    problem = _output_problem(out, args.notebook)
    if problem:
        parser.error(problem)
    nb = _read(args.notebook, parser)
    files = dict(render.render_report(nb, entry_for(nb, args.notebook, out)))
    files.update(render.shared_assets())
    for rel, data in files.items():  # each file whole or not at all (a full disk leaves the old one)
        cache.atomic_write(out.parent / (out.name if rel == out.name else rel), data)
    print(f"wrote {out} ({len(files) - 1} more files under {out.parent})")
    return 0


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
    return None


def _read(notebook: Path, parser: argparse.ArgumentParser):
    import nbformat

    try:
        return nbformat.read(notebook, as_version=4)
    except (OSError, ValueError, UnicodeDecodeError, nbformat.ValidationError) as exc:
        reason = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        parser.error(f"{notebook} is not a notebook ({reason}); give a .ipynb file executed by papermill")


if __name__ == "__main__":
    sys.exit(main())
