"""What one cell may cost a build: how long it may run (``cell_timeout``, seconds) and how much it may print into a
report (``cell_output``, characters), declared in ``collection.toml`` (``[limits]``, or per notebook) with these
defaults. A cell that runs longer fails its report with a message naming the limit; a cell that prints more is cut
at the limit, and the page says so where the output stops."""

from __future__ import annotations

from typing import Any

#: Seconds one cell may run (the slowest cell of the collection takes well under a minute).
CELL_TIMEOUT = 300
#: Characters of output one cell may put into a report (maps carry their shapes: a few MB).
CELL_OUTPUT = 20_000_000
NAMES = {"cell_timeout": CELL_TIMEOUT, "cell_output": CELL_OUTPUT}
#: The largest value each limit takes: a day for one cell; 200 MB of output, past which no browser opens the page
#: (a larger number would disable the limit, and a timeout past asyncio's range fails the kernel run).
MAXIMA = {"cell_timeout": 86_400, "cell_output": 200_000_000}


def _size(output: dict) -> int:
    if output.get("output_type") == "stream":
        return len(output.get("text", ""))
    data = output.get("data") or {}
    return sum(len(v) if isinstance(v, str) else len(str(v)) for v in data.values()) + len(
        "".join(output.get("traceback") or []))


def cut_note(printed: int, limit: int) -> str:
    return (f"\n[output cut: this cell printed {printed:,} characters; a report shows at most {limit:,} per cell "
            "(cell_output in collection.toml)]\n")


def cap_outputs(nb: Any, limit: int) -> int:
    """Cut every code cell's outputs at ``limit`` characters in all (a stream is cut inside its text; a rich
    output that does not fit is left out) and say so in a last output; the number of cells cut."""
    import nbformat

    cut = 0
    for cell in nb.cells:
        outputs = cell.get("outputs") or []
        total = sum(_size(o) for o in outputs)
        if cell.get("cell_type") != "code" or total <= limit:
            continue
        kept, room = [], limit
        for out in outputs:
            size = _size(out)
            if size <= room:
                kept.append(out)
                room -= size
            elif out.get("output_type") == "stream" and room > 0:
                kept.append(nbformat.from_dict(dict(out, text=out["text"][:room])))
                room = 0
            else:
                room = 0
        kept.append(nbformat.v4.new_output("stream", name="stdout", text=cut_note(total, limit)))
        cell["outputs"] = kept
        cut += 1
    return cut
