"""Reading the section map (``notebooks/collection.toml``): notebooks, their declared parameters, the rules
between parameters and the report variants.

The collection file may be swapped for another one (tests use tiny fake collections) through the environment
variable ``NATO_COLLECTION``; its data folder is then ``<collection folder>/../data`` (a collection outside a
``notebooks/`` folder with ``data/`` beside it is refused, naming the folder looked for).
"""

from __future__ import annotations

import builtins
import keyword
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.params import types
from helpers.params.refusals import CollectionError, ParameterError
from helpers.printable import bad_character, shows_nothing
from helpers.section_map import paragraph_range
from helpers.section_map import read as read_collection

#: Operators a rule between two parameters may use (``constraints = ["start <= end"]``).
OPERATORS = ("<=", "<", ">=", ">")
_RULE = re.compile(r"^\s*([A-Za-z_]\w*)\s*(<=|<|>=|>|\scoded_on\s)\s*([A-Za-z_]\w*)\s*$")
#: A notebook id, a stem and a variant name become file names and links: letters, digits, '.', '_', '-' only.
_ID = re.compile(r"[A-Za-z0-9_]+")
_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_VARIANT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")  # '_x', '__builtins__': the kernel's own names start with '_'
#: Names a parameter may not take: Python's built-ins and IPython's (assigning one breaks the kernel or the code).
_TAKEN = frozenset(dir(builtins)) | {"In", "Out", "get_ipython", "display", "exit", "quit"}
#: Stems that would write over a page of the site itself.
RESERVED_STEMS = ("index", "assets", "exports", "_search-pages")
#: The tables of the section map, and the keys of one ``[[notebook]]``.
TABLES = ("notebook", "limits")
_NOTEBOOK_KEYS = ("id", "stem", "title", "summary", "paragraphs", "parameters", "variant", "constraints",
                  "cell_timeout", "cell_output")

#: The keys of one ``[notebook.parameters.<name>]``.
_PARAMETER_KEYS = ("type", "default", "help", "min", "max", "choices", "items")


def _kind(value: Any) -> str:
    return {bool: "a true/false value", int: "an integer", float: "a number", list: "a list",
            dict: "a table"}.get(type(value), f"a {type(value).__name__}")


def _unknown(where: str, given: Any, allowed: tuple[str, ...], form: str) -> None:
    """CollectionError for the first key of ``given`` that is not in ``allowed`` (a misspelt table or key would
    otherwise be ignored and its values fall back to defaults)."""
    import difflib

    for key in given:
        if key not in allowed:
            near = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"did you mean {form.format(near[0])}? " if near else ""
            raise CollectionError(f"{where}: {form.format(key)} is not part of the section map; {hint}allowed: "
                                  f"{', '.join(form.format(k) for k in allowed)}")


def _refuse_characters(path: str, value: Any, where: str = "") -> None:
    """Every key and text of the section map is checked as a data value is (:mod:`helpers.printable`):
    no control characters, no bidirectional control left open, no text that shows nothing (titles and summaries
    reach every page)."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        at = f"{where}.{key}".lstrip(".") if isinstance(key, str) else f"{where}[{key + 1}]"
        for text, what in ((key, "the key"), (item, "the value")):
            bad = bad_character(text) if isinstance(text, str) else None
            if isinstance(text, str) and shows_nothing(text):  # a title of U+200B: a blank page title and entry
                bad = ("it shows nothing (only spaces or invisible characters)", "write visible text")
            if bad:
                raise CollectionError(f"{path}: {at}: {what} {text!r}: {bad[0]}; {bad[1]}")
        _refuse_characters(path, item, at)


def _check_stem(where: str, stem: str) -> None:
    if not _STEM.fullmatch(stem) or "--" in stem or ".." in stem or stem.endswith(".") \
            or stem.lower() in RESERVED_STEMS:
        raise CollectionError(
            f"{where}: stem {stem!r} is not allowed; a stem names a notebook file beside collection.toml and its "
            "report: letters, digits, '.', '_' or '-', starting with a letter or digit, no '--' (it separates a "
            f"variant's name), no '..', not {', '.join(RESERVED_STEMS)}")


def _check_bound(where: str, name: str, ptype: str, which: str, raw: Any) -> None:
    if raw is None:
        return
    if ptype not in types.RANGED:
        raise CollectionError(f"{where}: parameter '{name}' ({ptype}) takes no {which}; only "
                              f"{', '.join(types.RANGED)} parameters have a range")
    rng = types.RANGED[ptype]
    allowed = rng.allowed + (f" or {' / '.join(repr(w) for w in rng.words)}" if rng.words else "")
    try:
        if not (isinstance(raw, str) and raw in rng.words):
            rng.parse(raw)
    except (ValueError, TypeError):
        raise CollectionError(f"{where}: parameter '{name}' has {which} = {raw!r}; allowed: {allowed}") from None


def collection_path() -> Path:
    """The section map in use: ``$NATO_COLLECTION`` when set, else ``notebooks/collection.toml``."""
    return paths.collection()


def data_dir(collection: Path | None = None) -> Path:
    """Data folder that belongs with a collection (the real one: ``data/``)."""
    collection = collection or collection_path()
    if collection.resolve() == paths.COLLECTION.resolve():
        return paths.DATA
    folder = collection.resolve().parent.parent / "data"
    if not folder.is_dir():
        raise CollectionError(
            f"{collection}: a section map's data folder is looked for beside the section map's own folder, at "
            f"{folder}, and there is none; no option or variable sets it: put the section map in a notebooks/ "
            f"folder with data/ beside it (e.g. {paths.shown(paths.NOTEBOOKS / collection.name)})")
    return folder


@dataclass(frozen=True)
class ParamSpec:
    """One declared parameter. ``items`` (type ``list``; optional for ``org_list``, narrowing the organisations
    to those it names) is a tuple of allowed items or ``"data:<table>.<column>"`` for the values a data column
    holds."""

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
    #: ``{"cell_timeout": seconds, "cell_output": characters}`` (``helpers.limits``): ``[limits]`` of the
    #: section map, overridden by the notebook's own ``cell_timeout`` / ``cell_output``.
    limits: dict[str, int] | None = None


def _limits(where: str, table: Any, defaults: dict[str, int]) -> dict[str, int]:
    from helpers import limits

    out = dict(defaults)
    for name in limits.NAMES:
        if name not in table:
            continue
        value = table[name]
        top = limits.MAXIMA[name]
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= top:
            raise CollectionError(f"{where}: {name} = {value!r}; write a whole number from 1 to {top:,} "
                                  f"(default {limits.NAMES[name]})")
        out[name] = value
    return out


def _spec(where: str, name: str, decl: dict) -> ParamSpec:
    if not isinstance(name, str) or not _IDENTIFIER.fullmatch(name) or keyword.iskeyword(name) or name in _TAKEN:
        raise CollectionError(f"{where}: parameter name {name!r} is not allowed; a parameter is a Python "
                              "variable in the notebook: letters, digits and '_', starting with a letter, "
                              "not a Python keyword or a built-in name (print, list, __builtins__ ...)")
    if not isinstance(decl, dict):
        raise CollectionError(f"{where}: parameter '{name}' must be a table ([notebook.parameters.{name}])")
    _unknown(f"{where}: parameter '{name}'", decl, _PARAMETER_KEYS, "'{}'")
    ptype = decl.get("type")
    if ptype not in types.TYPES:
        raise CollectionError(f"{where}: parameter '{name}' has type {ptype!r}; allowed: {', '.join(types.TYPES)}")
    if "default" not in decl:
        raise CollectionError(f"{where}: parameter '{name}' has no default")
    items = decl.get("items")
    well_formed = isinstance(items, list) and items or isinstance(items, str) and re.fullmatch(r"data:\w+\.\w+",
                                                                                                 items)
    if (ptype == "list" or ptype == "org_list" and items is not None) and not well_formed:
        raise CollectionError(f"{where}: parameter '{name}' ({ptype}) needs items = [\"a\", \"b\"] or "
                              f"items = \"data:<table>.<column>\"")
    for which in ("min", "max"):
        _check_bound(where, name, ptype, which, decl.get(which))
    return ParamSpec(name=name, type=ptype, default=decl["default"], help=decl.get("help", ""),
                     min=decl.get("min"), max=decl.get("max"), choices=tuple(decl.get("choices", ())),
                     items=tuple(items) if isinstance(items, list) else items)


def _constraint(where: str, text: Any, specs: dict[str, ParamSpec]) -> Constraint:
    m = _RULE.match(text) if isinstance(text, str) else None
    if not m:
        raise CollectionError(f"{where}: constraint {text!r} must read '<parameter> <op> <parameter>' with op "
                              f"one of {', '.join(OPERATORS)}, or '<org list> coded_on <date>'")
    left, op, right = m.groups()
    if op.strip() == "coded_on":  # an organisation list and a date (helpers.params.coverage)
        if specs.get(left) is None or specs[left].type != "org_list" or specs.get(right) is None \
                or specs[right].type != "date":
            raise CollectionError(f"{where}: constraint {text!r} must name an org_list parameter, then a date "
                                  "parameter ('orgs coded_on as_of')")
        return Constraint(left, "coded_on", right)
    for name in (left, right):
        if name not in specs or specs[name].type not in types.RANGED:
            raise CollectionError(f"{where}: constraint {text!r} names '{name}', which is not a declared "
                                  f"parameter of type {', '.join(types.RANGED)}")
    if specs[left].type != specs[right].type:
        raise CollectionError(f"{where}: constraint {text!r} compares a {specs[left].type} with a "
                              f"{specs[right].type}")
    return Constraint(left, op, right)


def _variants(where: str, raw: Any) -> tuple[tuple[str, dict[str, Any]], ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise CollectionError(f"{where}: 'variant' must be a list of [[notebook.variant]] tables")
    out: list[tuple[str, dict[str, Any]]] = []
    for v in raw:
        vname = v.get("name") if isinstance(v, dict) else None
        if not isinstance(vname, str) or not _VARIANT.fullmatch(vname) or ".." in vname:
            raise CollectionError(f"{where}: variant name {vname!r} must be letters, digits, '.', '_' or '-', "
                                  "starting with a letter or digit")
        values = v.get("parameters", {})
        if not isinstance(values, dict):
            raise CollectionError(f"{where}: variant '{vname}' has parameters = {values!r}; write a table of "
                                  "values, e.g. parameters = { as_of = \"1991-12-31\" }")
        if any(vname == seen for seen, _ in out):
            raise CollectionError(f"{where}: two variants are named '{vname}'; each variant needs its own name")
        out.append((vname, dict(values)))
    return tuple(out)


def _notebook(where: str, nb: dict, defaults: dict[str, int]) -> NotebookSpec:
    for key in ("id", "stem", "title", "summary", "paragraphs"):
        if key in nb and not isinstance(nb[key], str):
            raise CollectionError(f"{where}: '{key}' = {nb[key]!r} is {_kind(nb[key])}; write a string, e.g. "
                                  f"{key} = \"{nb[key]}\"")
        if not nb.get(key):
            raise CollectionError(f"{where}: missing or empty '{key}' (a string is required)")
    if not _ID.fullmatch(nb["id"]):
        raise CollectionError(f"{where}: id {nb['id']!r} must be letters, digits or '_' (e.g. \"02\")")
    where = f"{where} ({nb['id']})"
    _unknown(where, nb, _NOTEBOOK_KEYS, "'{}'")
    _check_stem(where, nb["stem"])
    try:
        paragraph_range(nb["paragraphs"])
    except ValueError as exc:
        raise CollectionError(f"{where}: {exc}") from None
    if not isinstance(nb.get("parameters") or {}, dict):
        raise CollectionError(f"{where}: 'parameters' must be a table of [notebook.parameters.<name>] tables")
    specs = {name: _spec(where, name, decl) for name, decl in (nb.get("parameters") or {}).items()}
    constraints = tuple(_constraint(where, c, specs) for c in nb.get("constraints", []) or [])
    return NotebookSpec(id=nb["id"], stem=nb["stem"], title=nb["title"], summary=nb["summary"],
                        paragraphs=nb["paragraphs"], parameters=specs, variants=_variants(where, nb.get("variant")),
                        constraints=constraints, limits=_limits(where, nb, defaults))


@lru_cache(maxsize=8)
def _load_collection(path_str: str, mtime_ns: int) -> tuple[NotebookSpec, ...]:
    path = Path(path_str)
    try:
        raw = read_collection(path)
    except tomllib.TOMLDecodeError as exc:
        raise CollectionError(f"{path}: not valid TOML ({exc})") from None
    except UnicodeDecodeError as exc:
        raise CollectionError(f"{path}: byte {exc.start + 1} is not UTF-8 text; save the section map as "
                              "UTF-8") from None
    except OSError as exc:
        raise CollectionError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    _refuse_characters(str(path), raw)
    _unknown(str(path), raw, TABLES, "[{}]")
    entries = raw.get("notebook")
    if not isinstance(entries, list) or not entries:
        raise CollectionError(f"{path}: no [[notebook]] entries")
    from helpers import limits

    declared = raw.get("limits", {})
    if not isinstance(declared, dict) or set(declared) - set(limits.NAMES):
        raise CollectionError(f"{path}: [limits] takes {', '.join(limits.NAMES)} (whole numbers above zero)")
    defaults = _limits(f"{path}: [limits]", declared, limits.NAMES)
    out, seen = [], set()
    for i, entry in enumerate(entries, 1):
        if not isinstance(entry, dict):
            raise CollectionError(f"{path}: [[notebook]] #{i} must be a table")
        nb = _notebook(f"{path}: [[notebook]] #{i}", entry, defaults)
        for key in (nb.id, nb.stem):
            if key in seen:
                kind = "id" if key == nb.id else "stem"
                raise CollectionError(f"{path}: [[notebook]] #{i}: duplicate {kind} '{key}'")
            seen.add(key)
        out.append(nb)
    return tuple(out)


def notebooks(collection: Path | None = None) -> tuple[NotebookSpec, ...]:
    """Every notebook of the section map, in reading order."""
    given = collection or collection_path()
    try:
        path = given.resolve()
        if not path.exists():
            raise CollectionError(f"{path}: collection file not found")
        if not path.is_file():
            raise CollectionError(f"{path}: not a regular file; give the section map's TOML file "
                                  "(notebooks/collection.toml)")
        stamp = path.stat().st_mtime_ns
    except (OSError, RuntimeError) as exc:  # a symbolic-link loop, a folder that cannot be searched
        raise CollectionError(f"{given}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    return _load_collection(str(path), stamp)


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
