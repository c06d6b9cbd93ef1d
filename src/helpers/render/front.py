"""The index as a front page: every report with its headline finding and first figure, its variants folded, and
"Your builds", the reports built with ``-p`` that the collection does not declare.

Each report page carries a small record of itself (``<script type="application/json" id="report-record">``:
notebook, title, parameters, findings, first figure); the index is written from the records of the pages in
``reports/`` after every page is, so it always shows what the pages show.

For code that makes reports of its own (a parameter sweep, say): write each page with the renderer as usual, then
call :func:`your_builds` to list every undeclared page, or add items of your own (:class:`BuiltReport`) to the
list handed to ``render_index(entries, records, builds)``.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from helpers.render import markup

RECORD_ID = "report-record"
_RECORD = re.compile(rb'<script type="application/json" id="report-record">(.*?)</script>', re.S)
_FIGURE = re.compile(r'href="(exports/[^"]+\.png)"')
_SWEEP = re.compile(rb'<script type="application/json" id="sweep-record">(.*?)</script>', re.S)
SWEEPS = "sweeps"  # reports/sweeps/<slug>.html: a sweep's index page (helpers.render.sweep_page)


def page_record(entry, glance, summary: str, body: str = "") -> dict:
    """What a report page says about itself (embedded in the page; the index reads it back)."""
    figure = _FIGURE.search(body or "")
    return {"id": entry.id or "", "name": entry.name, "stem": entry.stem, "output": entry.output,
            "title": entry.title, "summary": summary or entry.summary or "", "findings": list(glance or []),
            "parameters": dict(entry.parameters or {}), "variant": entry.variant or "",
            "figure": figure.group(1) if figure else "", **made_from(entry)}


def made_from(entry) -> dict:
    """What the page was made from, so the index can tell a page an edit of the data or code left behind: the
    values given with ``-p`` (those that differ from the defaults), the data files it read with its data version,
    and the helpers code."""
    from helpers import cache

    defaults = dict(getattr(entry, "defaults", None) or {})
    return {"given": {k: v for k, v in (entry.parameters or {}).items() if k not in defaults or defaults[k] != v},
            "lang": getattr(entry, "lang", None) or "en", "data_version": getattr(entry, "data_version", None) or "",
            "data_files": list(getattr(entry, "data_files", None) or []), "code": cache.code_hash()}


def outdated(record: dict) -> str:
    """``"data"`` when a data file the page read has changed since, ``"code"`` when the helpers code has (or the
    page is older than these records), else ``""``."""
    from helpers import cache, paths

    files = record.get("data_files") or []
    if files and record.get("data_version"):
        now = {f: cache.sha256_file(paths.ROOT / f) or "missing" for f in files}
        if cache.data_fingerprint(now) != record["data_version"]:
            return "data"
    return "" if record.get("code") == cache.code_hash() else "code"


def rebuild_command(nb_id: str, given: dict, lang: str) -> str:
    """The command that builds a ``-p`` report again, as a reader types it."""
    values = "".join(f" -p {k} {shlex.quote(str(v))}" for k, v in given.items())
    return f'make reports ARGS="--only {nb_id}{values} --lang {lang}"'


def record_json(record: dict) -> str:
    return markup.script_json(record)


def read_record(page: Path, pattern: re.Pattern = _RECORD) -> dict | None:
    """The record a built page carries, or None (a failure page, an older page, an unreadable file)."""
    try:
        m = pattern.search(page.read_bytes())
        return json.loads(m.group(1).decode("utf-8")) if m else None
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def read_sweep(page: Path) -> dict | None:
    """The record a sweep's index page carries (its parameter, values, report pages and title), or None."""
    rec = read_record(page, _SWEEP)
    return rec if isinstance(rec, dict) and isinstance(rec.get("pages"), list) else None


@dataclass(frozen=True)
class BuiltReport:
    """One report under "Your builds": its page, notebook id, title, the values it was built with (as a reader
    line) and its headline finding."""

    output: str
    nb_id: str
    title: str
    parameters: dict
    finding: str
    meta: str = ""  # what the index says in place of the parameters (a sweep: its values and report count)
    stale: str = ""  # "data" or "code" when made from older data or code (:func:`outdated`), else ""
    command: str = ""  # the command that builds it again


def your_sweeps(reports: Path, lang: str = "en") -> tuple[list[BuiltReport], set[str]]:
    """``(one item per sweep page in reports/sweeps/, the report pages those sweeps list)``; a sweep is out of date
    when one of its reports is."""
    items, folded = [], set()
    for page in sorted((reports / SWEEPS).glob("*.html")):
        rec = read_sweep(page)
        if rec is None:
            continue
        folded.update(str(p) for p in rec["pages"])
        stale = sorted({outdated(r) for p in rec["pages"] if (r := read_record(reports / str(p))) is not None} - {""})
        command = str(rec.get("command", ""))
        items.append(BuiltReport(output=f"{SWEEPS}/{page.name}", nb_id=", ".join(rec.get("notebooks") or []),
                                 title=str(rec.get("title", "")), parameters={}, finding="", meta=command,
                                 stale=stale[0] if stale else "",
                                 command=command[:-1] + f' --lang {lang}"' if command.endswith('"') else command))
    return items, folded


def your_builds(reports: Path, declared: Iterable[str], lang: str = "en") -> list[BuiltReport]:
    """Every report page in ``reports`` that is not one of the ``declared`` outputs (the collection's reports and
    variants): the ones built with ``-p`` (or by any other tool that writes report pages), by notebook and name.
    A sweep (``reports/sweeps/*.html``) is one item, first, and the reports it lists are not repeated. Each says
    whether it was made from older data or code than the build's, and the command that builds it again."""
    sweeps, folded = your_sweeps(reports, lang)
    known = set(declared) | {"index.html"} | folded
    out = []
    for page in sorted(reports.glob("*.html")):
        if page.name in known:
            continue
        rec = read_record(page)
        if rec is None:
            continue
        findings = rec.get("findings") or []
        out.append(BuiltReport(output=page.name, nb_id=str(rec.get("id", "")), title=str(rec.get("title", "")),
                               parameters=dict(rec.get("parameters") or {}),
                               finding=str(findings[0] if findings else rec.get("summary", "")),
                               stale=outdated(rec), command=rebuild_command(str(rec.get("id", "")),
                                                                            dict(rec.get("given", rec.get("parameters")) or {}), lang)))
    return sweeps + sorted(out, key=lambda b: (b.nb_id, b.output))


def headline(record: dict | None, fallback: str) -> str:
    """The finding the index shows for a report: the first line of its "At a glance" box."""
    findings = (record or {}).get("findings") or []
    return str(findings[0]) if findings else fallback


#: The index's lede, "What the collection finds": which report's first-screen finding (by its place in that
#: report's "At a glance" box) says it best — the claims that are factual and supported (00), what the translation
#: changed (09), what still bound the US and Russia (04). The words are each report's own, read from its page.
LEDE = (("00", 1), ("09", 1), ("04", 0))
_SENTENCE_END = re.compile(r"(?<=[.؟!])\s+")


def lede(found: dict[str, tuple[dict, str]]) -> list[dict]:
    """The lede's items from ``found`` (``{notebook id: (its page's record, its page)}``): each :data:`LEDE`
    finding's first sentence with the report it links to; a report not built or with a shorter box is left out."""
    out = []
    for nb_id, place in LEDE:
        record, output = found.get(nb_id, ({}, ""))
        findings = (record or {}).get("findings") or []
        if len(findings) > place and output:
            out.append({"id": nb_id, "output": output, "text": _SENTENCE_END.split(str(findings[place]).strip())[0]})
    return out
