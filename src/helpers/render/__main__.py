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
    import nbformat

    from helpers import render

    if not args.notebook.exists():
        parser.error(f"{args.notebook} does not exist")
    out = args.output or args.notebook.with_suffix(".html")
    nb = nbformat.read(args.notebook, as_version=4)
    files = dict(render.render_report(nb, entry_for(nb, args.notebook, out)))
    files.update(render.shared_assets())
    for rel, data in files.items():
        target = out.parent / (out.name if rel == out.name else rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    print(f"wrote {out} ({len(files) - 1} more files under {out.parent})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
