"""A declared variant's name checked against its parameters.

The name becomes the report's file name and stands in its title ("Principles (as_of-2001-06-15)"), so a name that
states a value its parameters do not set would publish one report under another's name. A name written the way
``-p`` names a report (``as_of-2001-06-15``) must agree with the value it names, and a date in a name must be one
of the variant's own dates; any other name (``india``, ``early``) states no value and is free."""

from __future__ import annotations

import re
from typing import Any

from helpers import params

_UNSAFE = re.compile(r"[^A-Za-z0-9.-]+")
_DATE = re.compile(r"(?<![0-9])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![0-9])")


def _as_named(value: Any) -> str:
    """A value as a report name writes it (``plan.override_name``)."""
    return _UNSAFE.sub("_", str(params.plain(value))).strip("_")


def contradiction(vname: str, values: dict[str, Any]) -> str | None:
    """What ``vname`` says that ``values`` (the variant's checked parameters, defaults included) contradict, or None."""
    for part in vname.split("--"):
        key, _, named = part.partition("-")
        own = _as_named(values[key]) if key in values else None
        if own is not None and named and named != own and not re.fullmatch(re.escape(own) + "-[0-9a-f]{8}", named):
            return f"names {key} = {named} but its parameters set {key} = {params.plain(values[key])!r}"
    held = {str(params.plain(v)) for v in values.values()}
    for day in _DATE.findall(vname):
        if day not in held:
            dates = sorted(d for d in held if _DATE.fullmatch(d))
            return (f"names the date {day}, which none of its parameters holds (its dates: "
                    f"{', '.join(dates) or 'none'})")
    return None


def refuse_contradiction(nb: params.NotebookSpec, vname: str, values: dict[str, Any], collection_name: str) -> None:
    said = contradiction(vname, values)
    if said:
        raise params.CollectionError(
            f"notebook {nb.id} ({nb.stem}): variant '{vname}' {said}; allowed: a name that agrees with the "
            f"variant's parameters or states no value (the name is the report's file name and stands in its "
            f"title), in the [[notebook.variant]] tables of {collection_name}")
