"""What the build tells its user: a progress line on a terminal, then one row per report, the path of every
report written, and the exit code (0 all good, 1 a report failed; 2 is a refused command line, see ``cli``)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from helpers import cache


class Progress:
    """rich progress (done/total, time so far, an estimate of the time left, what is running) on a terminal;
    silent otherwise. ``on_page(path)``, when given, is told each page as soon as it is written."""

    def __init__(self, total: int, on_page=None):
        self.on_page = on_page
        self.live = None
        if sys.stdout.isatty() and total:
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            self.live = Bar(TextColumn("building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            TextColumn("left"), TimeRemainingColumn(),
                            TextColumn("{task.description}"), transient=True)
            self.task = self.live.add_task("", total=total)
            self.live.start()

    def update(self, running: list[str], advance: int = 0) -> None:
        if self.live is not None:
            self.live.update(self.task, advance=advance, description="running: " + ", ".join(running))

    def stop(self) -> None:
        if self.live is not None:
            self.live.stop()
            self.live = None


def rows(order: list[str], cached: list[str], results: dict, reasons: dict[str, str]) -> list[tuple]:
    """``(report, status, time, detail)`` per report, in collection order (``results``: report name →
    :class:`helpers.pipeline.jobs.ReportResult`)."""
    out = []
    for name in order:
        if name in cached:
            out.append((name, "cached", "", ""))
            continue
        res = results[name]
        if res.ok:
            how = f"; {res.how}" if res.how else ""  # how a prose edit was rendered
            out.append((name, "built", f"{res.seconds:.1f}s", reasons[name] + how))
            continue
        detail = f"{res.error} — debug notebook: {_debug(res.debug)}"
        if res.page and not res.outputs:
            detail += f" — the previous good report was kept; failure page: {res.page}"
        out.append((name, "FAILED", f"{res.seconds:.1f}s", detail))
    return out


#: Terminal escape sequences (CSI, OSC, and two-character ones) and every other control character.
_ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-Z\\-_])|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


#: Bidirectional controls and marks, line or paragraph separators, and characters that take no room (zero-width
#: space, joiners, word joiner, byte-order mark, soft hyphen): printed as ``\\u202e`` so they are seen, and cannot
#: reverse or break the rest of the line on the user's terminal or hide inside a name the message echoes.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def plain(text: str) -> str:
    """``text`` safe to print: escape sequences and control characters taken out, line breaks made spaces, bidi
    controls shown as their code (``\\u202e``). An exception's message, or a folder's name, is data, not
    instructions for the user's terminal."""
    text = " ".join(_ESCAPES.sub("", str(text)).split("\n")).replace("\r", " ").replace("\t", " ")
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def shown_path(path: Path | str) -> str:
    """A path as the build prints it, so that it can be copied: as it is, or, when it holds a line break, a control
    or invisible character or starts or ends with a space, quoted with those characters escaped ('a\\nb')."""
    import unicodedata

    text = str(path)
    odd = [ch for ch in text if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")]
    if text == text.strip() and not odd:
        return text
    return repr(text)  # Python's quoting escapes every character that does not print


def print_table(table: list[tuple]) -> None:
    table = [tuple(plain(cell) for cell in row) for row in table]
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        pretty = Table(title="build summary")
        for col in ("report", "status", "time", "detail"):
            pretty.add_column(col)
        for row in table:
            pretty.add_row(*(Text(cell) for cell in row))  # Text: brackets in a message are not rich markup
        Console().print(pretty)
        return
    width = max((len(r[0]) for r in table), default=6)
    print(f"{'report':<{width}}  {'status':<8}  {'time':>6}  detail")
    for name, status, secs, detail in table:
        print(f"{name:<{width}}  {status:<8}  {secs:>6}  {detail}")


#: What the site's shared files are called when they cannot be written (written as one set: all or none).
ASSETS = "the shared assets (assets/: fonts.css, the fonts, the scripts and styles)"


def finish(table: list[tuple], outputs: dict[str, str], reports: Path, site_errors: list[tuple[str, str]] = (),
           pages: list[str] = ()) -> int:
    """Print the table and the written reports (and ``pages``, site pages written, e.g. the index); the exit
    code. ``site_errors``: ``(a part of the site, why it was not written)``, said in one line."""
    print_table(table)
    if site_errors:
        print(f"error: {plain(site_line(site_errors))}", file=sys.stderr)
    written = [outputs[name] for name, status, _, _ in table if status == "built"] + list(pages)
    if written:
        print("reports written:")
        for output in written:
            print(f"  {shown_path(cache.relative(reports / output))}")
    if exit_code(table):
        failed = sum(1 for row in table if row[1] == "FAILED")
        print(f"{failed} of {len(table)} report(s) failed; the detail column says why (and names the failure "
              "page where one was written)", file=sys.stderr)
        return 1
    return 1 if site_errors else 0


def site_line(errors: list[tuple[str, str]]) -> str:
    """One line naming every part of the site that was not written and why, and that each keeps its previous
    version (a fresh reports folder has none: its pages show without them until a build writes them)."""
    if len(errors) == 1:
        return f"{errors[0][0]} was not written (any previous one is kept): {errors[0][1]}"
    return (f"{len(errors)} parts of the site were not written (any previous version of each is kept): "
            + "; ".join(f"{what}: {why}" for what, why in errors))


def _debug(rel: str) -> str:
    """The executed notebook kept for debugging, or why there is none to open: a run stopped by a full disk leaves
    it cut short, and a path to a file that is not a notebook helps nobody."""
    import json

    if not rel:
        return "none"
    path = cache.resolve(rel)
    try:
        json.loads(path.read_bytes())
    except FileNotFoundError:
        return f"none ({rel} was not written)"
    except (OSError, ValueError):
        return f"none ({rel} was cut short; it is not a notebook)"
    return rel


def exit_code(table: list[tuple]) -> int:
    """1 when a report failed, else 0."""
    return 1 if any(row[1] == "FAILED" for row in table) else 0


def record_times(jobs: list, cache_dir: Path) -> dict[str, int]:
    """``{report name: its cache record's modification time}`` (0 when it has none), taken before a build runs."""
    return {j.entry.name: _mtime(cache.record_path(cache_dir, j.entry.name)) for j in jobs}


def finished(jobs: list, cache_dir: Path, before: dict[str, int]) -> int:
    """How many of the planned ``jobs`` an interrupted build finished: each report written by this build has its
    cache record written again, with its job's key (a report stopped half-way, or failed, has none)."""
    return sum(1 for j in jobs if _mtime(cache.record_path(cache_dir, j.entry.name)) != before.get(j.entry.name)
               and (cache.read_record(cache_dir, j.entry.name) or {}).get("key") == j.key)


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0
