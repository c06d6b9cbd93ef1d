"""The index's "Each report's date": the reports are dated differently (the end of a year of complete figures, the
article's month, a summit's day…) and the index says which date each one uses and what that date fixes.

Every line is read from the collection (:mod:`helpers.section_map`): a report's date is the latest of its date or
year parameters (a year stands for its last day), with the value its page was built with, and what the date fixes is
that parameter's declared help text. Reports without a date parameter are not listed. The timelines' end is the
last date the data holds (:func:`helpers.params.datafiles.data_span`).
"""

from __future__ import annotations

import datetime as _dt

DATED_TYPES = ("date", "year")


def _as_day(kind: str, value) -> _dt.date | None:
    try:
        if kind == "year":
            return _dt.date(int(value), 12, 31)
        return value if isinstance(value, _dt.date) else _dt.date.fromisoformat(str(value)[:10])
    except (TypeError, ValueError):
        return None


def report_date(declared: dict, given: dict) -> tuple[str, _dt.date, str] | None:
    """``(parameter name, day, help)`` of the latest date or year parameter of a notebook (``declared``: its
    ``parameters`` table in the collection; ``given``: the values its page was built with), or None."""
    found = []
    for name, decl in (declared or {}).items():
        if decl.get("type") not in DATED_TYPES:
            continue
        day = _as_day(decl["type"], (given or {}).get(name, decl.get("default")))
        if day is not None:
            found.append((day, name, str(decl.get("help", ""))))
    if not found:
        return None
    day, name, help_text = max(found)
    return name, day, help_text


def rows(entries, missing=frozenset()) -> list[dict]:
    """One row per report with a date: ``{id, title, output, day, why}`` in the edition's words; ``output`` is
    empty for a page not in the folder (``missing``: file names), which the index names without a link."""
    from helpers import i18n, wording
    from helpers.render import site

    declared = {str(nb.get("id")): nb.get("parameters", {}) for nb in site.notebooks()}
    out = []
    for entry in entries:
        if getattr(entry, "variant", None):
            continue
        found = report_date(declared.get(str(entry.id), {}), entry.parameters or {})
        if found is None:
            continue
        name, day, help_text = found
        out.append({"id": str(entry.id), "title": i18n.text(entry.title),
                    "output": "" if entry.output in missing else entry.output,
                    "day": wording.day(day.isoformat()), "why": _sentence(i18n.gettext(help_text)) if help_text else ""})
    return out


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def data_end() -> str:
    """The last date the data holds, as readers read a date ('' when the data holds none)."""
    from helpers import wording
    from helpers.params import datafiles

    last = datafiles.data_span().get("data:last")
    return wording.day(last.isoformat()) if last else ""
