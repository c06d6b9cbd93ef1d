"""The rule ``orgs coded_on as_of`` between an organisation list and a date (``constraints`` in the section map).

A report that compares organisations on a date needs at least one of them with coded texts in force on it: one
founded (or signed, or proposed) by then, not dissolved, with a row of ``org_features.csv`` whose ``valid_from``
is on or before the date and whose ``valid_to`` (empty: still in force) is after it. Checked here, with the
``csv`` module, before any kernel starts, so ``-p orgs WARSAW`` on a date in 2024 is one line, not a failed
report.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from helpers.params import datafiles
from helpers.params.refusals import ParameterError

#: The rule's word in ``constraints`` (``"orgs coded_on as_of"``).
CODED_ON = "coded_on"


def _table(path: Path) -> list[dict[str, str]]:
    records = datafiles.rows(path)
    return [dict(zip(records[0], r)) for r in records[1:]] if records else []


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text and text.strip() else None
    except ValueError:
        return None


def absence(org: dict[str, str], cells: list[dict[str, str]], day: date) -> str | None:
    """Why organisation ``org`` has no coded text in force on ``day`` (``'dissolved 1991-07-01'``), else None."""
    founded, ended = _day(org.get("founded", "")), _day(org.get("dissolved", ""))
    if founded and founded > day:
        return f"founded, signed or proposed {founded.isoformat()}"
    if ended and ended <= day:
        return f"dissolved {ended.isoformat()}"
    if not cells:
        return "no coded cells"
    live = [c for c in cells if (_day(c.get("valid_from", "")) or date.max) <= day
            and (_day(c.get("valid_to", "")) or date.max) > day]
    if not live:
        first = min(_day(c.get("valid_from", "")) or date.max for c in cells)
        return f"coded texts in force from {first.isoformat()}"
    return None


def check(nb: Any, left: str, right: str, orgs: list[str], day: date, folder: Path) -> None:
    """ParameterError (one line) when none of ``orgs`` has coded texts in force on ``day``; the organisations
    that have are named as what is allowed."""
    known = {o.get("org_id", ""): o for o in _table(folder / "organisations.csv")}
    cells: dict[str, list[dict[str, str]]] = {}
    for row in _table(folder / "org_features.csv"):
        cells.setdefault(row.get("org_id", ""), []).append(row)
    why = {org: absence(known.get(org, {}), cells.get(org, []), day) for org in orgs}
    if any(reason is None for reason in why.values()):
        return
    coded = [o for o in cells if o in known and absence(known[o], cells[o], day) is None]
    raise ParameterError(
        f"notebook {nb.id} ({nb.stem}): parameters '{left}' = {','.join(orgs)!r} and '{right}' = "
        f"'{day.isoformat()}' break the rule {left} {CODED_ON} {right}: none of them has coded texts in force on "
        f"{day.isoformat()} ({'; '.join(f'{o} {r}' for o, r in why.items())}); allowed: an organisation coded on "
        f"that date ({', '.join(coded) or 'none'}), or another '{right}'")
