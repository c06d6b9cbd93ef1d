"""Reading the section map (``notebooks/collection.toml``): notebooks, their declared parameters, the rules
between parameters and the report variants.

The collection file may be swapped for another one (tests use tiny fake collections) through the environment
variable ``NATO_COLLECTION``; its data folder is then ``<collection folder>/../data``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.params.errors import CollectionError, ParameterError
from helpers.section_map import read as read_collection

TYPES = ("date", "year", "org_list", "org", "state", "choice", "list", "int", "str")
BOUND_WORDS = ("data:first", "data:last", "data:first_year", "data:last_year")
#: Operators a rule between two parameters may use (``constraints = ["start <= end"]``).
OPERATORS = ("<=", "<", ">=", ">")
_RULE = re.compile(r"^\s*([A-Za-z_]\w*)\s*(<=|<|>=|>)\s*([A-Za-z_]\w*)\s*$")
_ORDERED = ("date", "year", "int")


def collection_path() -> Path:
    """The section map in use: ``$NATO_COLLECTION`` when set, else ``notebooks/collection.toml``."""
    return paths.collection()


def data_dir(collection: Path | None = None) -> Path:
    """Data folder that belongs with a collection (the real one: ``data/``)."""
    collection = collection or collection_path()
    if collection.resolve() == paths.COLLECTION.resolve():
        return paths.DATA
    return collection.resolve().parent.parent / "data"


@dataclass(frozen=True)
class ParamSpec:
    """One declared parameter. ``items`` (type ``list``) is a tuple of allowed items or ``"data:<table>.<column>"``
    for the values a data column holds."""

    name: str
    type: str
    default: Any
    help: str = ""
    min: Any = None
    max: Any = None
    choices: tuple = ()
    items: Any = None


@dataclass(frozen=True)
class Constraint:
    """A rule between two parameters of one notebook, e.g. ``start <= end``."""

    left: str
    op: str
    right: str

    def __str__(self) -> str:
        return f"{self.left} {self.op} {self.right}"


@dataclass(frozen=True)
class NotebookSpec:
    """One ``[[notebook]]`` of the section map."""

    id: str
    stem: str
    title: str
    summary: str
    paragraphs: str
    parameters: dict[str, ParamSpec]
    variants: tuple[tuple[str, dict[str, Any]], ...] = ()
    constraints: tuple[Constraint, ...] = ()


def _spec(where: str, name: str, decl: dict) -> ParamSpec:
    ptype = decl.get("type")
    if ptype not in TYPES:
        raise CollectionError(f"{where}: parameter '{name}' has type {ptype!r}; allowed: {', '.join(TYPES)}")
    if "default" not in decl:
        raise CollectionError(f"{where}: parameter '{name}' has no default")
    items = decl.get("items")
    if ptype == "list" and not (isinstance(items, list) and items
                                or isinstance(items, str) and re.fullmatch(r"data:\w+\.\w+", items)):
        raise CollectionError(f"{where}: parameter '{name}' (list) needs items = [\"a\", \"b\"] or "
                              f"items = \"data:<table>.<column>\"")
    return ParamSpec(name=name, type=ptype, default=decl["default"], help=decl.get("help", ""),
                     min=decl.get("min"), max=decl.get("max"), choices=tuple(decl.get("choices", ())),
                     items=tuple(items) if isinstance(items, list) else items)


def _constraint(where: str, text: Any, specs: dict[str, ParamSpec]) -> Constraint:
    m = _RULE.match(text) if isinstance(text, str) else None
    if not m:
        raise CollectionError(f"{where}: constraint {text!r} must read '<parameter> <op> <parameter>' with op "
                              f"one of {', '.join(OPERATORS)}")
    left, op, right = m.groups()
    for name in (left, right):
        if name not in specs or specs[name].type not in _ORDERED:
            raise CollectionError(f"{where}: constraint {text!r} names '{name}', which is not a declared "
                                  f"parameter of type {', '.join(_ORDERED)}")
    if specs[left].type != specs[right].type:
        raise CollectionError(f"{where}: constraint {text!r} compares a {specs[left].type} with a "
                              f"{specs[right].type}")
    return Constraint(left, op, right)


def _variants(where: str, raw: list) -> tuple[tuple[str, dict[str, Any]], ...]:
    out = []
    for v in raw or []:
        vname = v.get("name")
        if not isinstance(vname, str) or not re.fullmatch(r"[A-Za-z0-9._-]+", vname):
            raise CollectionError(f"{where}: variant name {vname!r} must be letters, digits, '.', '_' or '-'")
        out.append((vname, dict(v.get("parameters", {}))))
    return tuple(out)


def _notebook(where: str, nb: dict) -> NotebookSpec:
    for key in ("id", "stem", "title", "summary", "paragraphs"):
        if not isinstance(nb.get(key), str) or not nb.get(key):
            raise CollectionError(f"{where}: missing or empty '{key}' (a string is required)")
    where = f"{where} ({nb['id']})"
    specs = {name: _spec(where, name, decl) for name, decl in (nb.get("parameters") or {}).items()}
    constraints = tuple(_constraint(where, c, specs) for c in nb.get("constraints", []) or [])
    return NotebookSpec(id=nb["id"], stem=nb["stem"], title=nb["title"], summary=nb["summary"],
                        paragraphs=nb["paragraphs"], parameters=specs, variants=_variants(where, nb.get("variant")),
                        constraints=constraints)


@lru_cache(maxsize=8)
def _load_collection(path_str: str, mtime_ns: int) -> tuple[NotebookSpec, ...]:
    path = Path(path_str)
    try:
        raw = read_collection(path)
    except tomllib.TOMLDecodeError as exc:
        raise CollectionError(f"{path}: not valid TOML ({exc})") from None
    entries = raw.get("notebook")
    if not isinstance(entries, list) or not entries:
        raise CollectionError(f"{path}: no [[notebook]] entries")
    out, seen = [], set()
    for i, entry in enumerate(entries, 1):
        nb = _notebook(f"{path}: [[notebook]] #{i}", entry)
        for key in (nb.id, nb.stem):
            if key in seen:
                kind = "id" if key == nb.id else "stem"
                raise CollectionError(f"{path}: [[notebook]] #{i}: duplicate {kind} '{key}'")
            seen.add(key)
        out.append(nb)
    return tuple(out)


def notebooks(collection: Path | None = None) -> tuple[NotebookSpec, ...]:
    """Every notebook of the section map, in reading order."""
    path = (collection or collection_path()).resolve()
    if not path.is_file():
        raise CollectionError(f"{path}: collection file not found")
    return _load_collection(str(path), path.stat().st_mtime_ns)


def notebook(notebook_id: str, collection: Path | None = None) -> NotebookSpec:
    """The notebook with this id (``"02"``) or stem (``"02-nato-enlargement"``)."""
    nbs = notebooks(collection)
    for nb in nbs:
        if notebook_id in (nb.id, nb.stem):
            return nb
    allowed = ", ".join(nb.id for nb in nbs)
    raise ParameterError(f"unknown notebook {notebook_id!r}; allowed: {allowed} (or their stems)")


def specs(collection: Path | None = None) -> dict[str, dict[str, ParamSpec]]:
    """``{notebook id: {parameter name: ParamSpec}}`` for the whole collection."""
    return {nb.id: dict(nb.parameters) for nb in notebooks(collection)}
