"""Reading ``datapackage.json`` so that a malformed descriptor is refused in one line, never obeyed in part.

What is refused: a duplicated key, nesting too deep for Python, a number of thousands of digits, a bound that is
not a finite number (``NaN`` would switch a rule off: every comparison with it is false), a ``pattern`` that is not
a regular expression, a resource path outside the data folder (``/etc/passwd``, ``../x.csv``; the Data Package
standard forbids both)."""

from __future__ import annotations

import json
import math
import re
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from helpers.load.errors import Problem, echoed

#: Digits a number in the descriptor may have (Python refuses to read past 4300; no bound needs more than 16).
MOST_DIGITS = 30
#: The largest bound allowed (the loader's :data:`helpers.load.columns.LARGEST`).
LARGEST = 1e15
_BOUNDS = "minimum and maximum are finite numbers no larger than 1e15 either way, written in digits"


class DescriptorError(ValueError):
    """The descriptor cannot be read as a JSON object: ``detail`` and ``rule`` say why."""

    def __init__(self, detail: str, rule: str, line: int | None = None):
        super().__init__(detail)
        self.detail, self.rule, self.line = detail, rule, line


class _Long(str):
    """A number of more than :data:`MOST_DIGITS` digits, kept as its text so a check can name it."""


def _number(text: str, kind: type) -> Any:
    return _Long(text) if len(text) > MOST_DIGITS else kind(text)


def _object(pairs: list[tuple[str, Any]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise DescriptorError(f"the key {echoed(key)} appears twice in one object",
                                  "each key once per object; a JSON reader keeps only the last")
        out[key] = value
    return out


def parse(text: str) -> dict:
    """The descriptor as a dict; raises :class:`DescriptorError` for anything but one well-formed JSON object."""
    try:
        found = json.loads(text, object_pairs_hook=_object, parse_int=lambda s: _number(s, int),
                           parse_float=lambda s: _number(s, float))
    except json.JSONDecodeError as exc:
        raise DescriptorError(f"not valid JSON: {exc.msg}", "datapackage.json must be a JSON object",
                              exc.lineno) from None
    except RecursionError:
        raise DescriptorError("arrays or objects are nested too deeply to read",
                              "a data package descriptor nests a few levels only") from None
    if not isinstance(found, dict) or not isinstance(found.get("resources"), list):
        raise DescriptorError("not a JSON object with a list of resources",
                              "datapackage.json must be a JSON object with a 'resources' list")
    return found


def problems(descriptor: dict, shown: str) -> list[Problem]:
    """Every resource's name, path, fields and constraints that the loader could not obey as written."""
    out: list[Problem] = []
    for pos, res in enumerate(descriptor["resources"]):
        name = res.get("name") if isinstance(res, dict) else None
        if not isinstance(name, str) or not isinstance(res.get("schema"), dict) \
                or not isinstance(res["schema"].get("fields"), list):
            out.append(Problem(shown, None, None, f"resource {pos + 1} has no name, schema or list of fields",
                               "each resource has a name and a schema with its fields"))
            continue
        out += _path_problems(name, res.get("path"), shown)
        for field in res["schema"]["fields"]:
            out += _field_problems(name, field, shown)
    return out


def _path_problems(name: str, path: Any, shown: str) -> list[Problem]:
    allowed = "a path inside the data folder, relative and without '..', e.g. events.csv"
    if not isinstance(path, str) or not path:
        return [Problem(shown, None, None, f"resource {name}: path is not a file name", allowed)]
    parts = PurePosixPath(path).parts + PureWindowsPath(path).parts
    if PurePosixPath(path).is_absolute() or PureWindowsPath(path).is_absolute() or PureWindowsPath(path).drive \
            or ".." in parts or path.startswith("~"):
        return [Problem(shown, None, None, f"resource {name}: path {echoed(path)} points outside the data folder",
                        allowed)]
    return []


def _field_problems(name: str, field: Any, shown: str) -> list[Problem]:
    if not isinstance(field, dict) or not isinstance(field.get("name"), str):
        return [Problem(shown, None, None, f"resource {name}: a field has no name", "each field has a name")]
    cons = field.get("constraints") or {}
    where = f"resource {name}, field {field['name']}"
    if not isinstance(cons, dict):
        return [Problem(shown, None, None, f"{where}: constraints is not an object", "constraints is an object")]
    out = []
    for bound in ("minimum", "maximum"):
        if bound in cons and field.get("type") in ("integer", "number") and not _finite(cons[bound]):
            what = "a finite number of at most 1e+15 in size" if _numeric(cons[bound]) else "a number"
            out.append(Problem(shown, None, None, f"{where}, constraint {bound}: {_shown(cons[bound])} is not "
                                                  f"{what}", _BOUNDS))
    if "pattern" in cons:
        try:
            re.compile(cons["pattern"])
        except (re.error, TypeError, RecursionError, OverflowError) as exc:
            out.append(Problem(shown, None, None, f"{where}, constraint pattern: {_shown(cons['pattern'])} is not "
                                                  f"a regular expression ({exc})", "pattern is a Python regular "
                                                  "expression, e.g. ^[A-Z]{3}$"))
    return out


def _numeric(value: Any) -> bool:
    return isinstance(value, (int, float, _Long)) and not isinstance(value, bool)


def _finite(value: Any) -> bool:
    return _numeric(value) and not isinstance(value, _Long) and math.isfinite(value) and abs(value) <= LARGEST


def _shown(value: Any) -> str:
    if isinstance(value, _Long):
        return echoed(str(value), quote=False)
    return echoed(json.dumps(value) if not isinstance(value, str) else value, quote=isinstance(value, str))
