"""Declared notebook parameters (from ``notebooks/collection.toml``) and their validation.

Every notebook calls :func:`validated` in its imports cell, and the build calls the same code for every report
before any kernel starts, so a bad value is refused the same way whether it came from ``make reports``,
``python -m helpers.build -p ...`` or a direct ``papermill ... -p ...`` run.

This module is on the "refuse a bad parameter" path, which must answer in well under half a second: it imports
only the standard library (no pandas, altair or papermill). Bounds such as ``"data:first"`` are computed by
scanning the date columns of ``data/*.csv`` with the ``csv`` module.

The collection file may be swapped for another one (tests use tiny fake collections) through the environment
variable ``NATO_COLLECTION``; its data folder is then ``<collection folder>/../data``.
"""

from __future__ import annotations

import csv
import json
import re
import tomllib
import types
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.collection import read as read_collection

TYPES = ("date", "year", "org_list", "org", "state", "choice", "int", "str")
BOUND_WORDS = ("data:first", "data:last", "data:first_year", "data:last_year")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Columns that say when something was looked up, not what the data covers.
_NOT_COVERAGE = {"accessed"}


class ParameterError(ValueError):
    """A parameter value (or declaration) is not allowed. The message is one line: notebook, parameter, value,
    and what is allowed."""


class CollectionError(ValueError):
    """``collection.toml`` itself is malformed (the message names the file and the entry)."""


# --------------------------------------------------------------------------------------------------------------
# The collection file


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
    """One declared parameter."""

    name: str
    type: str
    default: Any
    help: str = ""
    min: Any = None
    max: Any = None
    choices: tuple = ()


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


@lru_cache(maxsize=8)
def _load_collection(path_str: str, mtime_ns: int) -> tuple[NotebookSpec, ...]:
    path = Path(path_str)
    try:
        raw = read_collection(path)
    except tomllib.TOMLDecodeError as exc:
        raise CollectionError(f"{path}: not valid TOML ({exc})") from None
    notebooks = raw.get("notebook")
    if not isinstance(notebooks, list) or not notebooks:
        raise CollectionError(f"{path}: no [[notebook]] entries")
    out, seen = [], set()
    for i, nb in enumerate(notebooks, 1):
        where = f"{path}: [[notebook]] #{i}"
        for key in ("id", "stem", "title", "summary", "paragraphs"):
            if not isinstance(nb.get(key), str) or not nb.get(key):
                raise CollectionError(f"{where}: missing or empty '{key}' (a string is required)")
        for key in ("id", "stem"):
            if nb[key] in seen:
                raise CollectionError(f"{where}: duplicate {key} '{nb[key]}'")
            seen.add(nb[key])
        specs = {}
        for name, decl in (nb.get("parameters") or {}).items():
            ptype = decl.get("type")
            if ptype not in TYPES:
                raise CollectionError(
                    f"{where} ({nb['id']}): parameter '{name}' has type {ptype!r}; allowed: {', '.join(TYPES)}"
                )
            if "default" not in decl:
                raise CollectionError(f"{where} ({nb['id']}): parameter '{name}' has no default")
            specs[name] = ParamSpec(
                name=name,
                type=ptype,
                default=decl["default"],
                help=decl.get("help", ""),
                min=decl.get("min"),
                max=decl.get("max"),
                choices=tuple(decl.get("choices", ())),
            )
        variants = []
        for v in nb.get("variant", []) or []:
            vname = v.get("name")
            if not isinstance(vname, str) or not re.fullmatch(r"[A-Za-z0-9._-]+", vname):
                raise CollectionError(
                    f"{where} ({nb['id']}): variant name {vname!r} must be letters, digits, '.', '_' or '-'"
                )
            variants.append((vname, dict(v.get("parameters", {}))))
        out.append(
            NotebookSpec(
                id=nb["id"],
                stem=nb["stem"],
                title=nb["title"],
                summary=nb["summary"],
                paragraphs=nb["paragraphs"],
                parameters=specs,
                variants=tuple(variants),
            )
        )
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


# --------------------------------------------------------------------------------------------------------------
# Bounds computed from the data (cheap: csv module only)


def _date_columns(folder: Path) -> dict[str, list[str]]:
    """``{csv file name: [date column, ...]}``, from datapackage.json when it declares types, else by name."""
    package = folder / "datapackage.json"
    columns: dict[str, list[str]] = {}
    if package.is_file():
        try:
            pkg = json.loads(package.read_text(encoding="utf-8"))
            for res in pkg.get("resources", []):
                file = Path(str(res.get("path", ""))).name
                fields = (res.get("schema") or {}).get("fields", [])
                cols = [f["name"] for f in fields if f.get("type") == "date" and f.get("name") not in _NOT_COVERAGE]
                if file and cols:
                    columns[file] = cols
        except (ValueError, KeyError, TypeError):
            columns = {}
    return columns


@lru_cache(maxsize=8)
def _data_span(folder_str: str, fingerprint: tuple) -> tuple[date | None, date | None, int | None, int | None]:
    folder = Path(folder_str)
    declared = _date_columns(folder)
    first = last = None
    first_year = last_year = None
    for csv_path in sorted(folder.glob("*.csv")):
        if csv_path.name == "sources.csv":
            continue
        with csv_path.open(encoding="utf-8", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if not header:
                continue
            if csv_path.name in declared:
                date_idx = [i for i, c in enumerate(header) if c in declared[csv_path.name]]
            else:
                date_idx = []
            year_idx = [i for i, c in enumerate(header) if c == "year"]
            for row in reader:
                for i in date_idx if declared else range(len(row)):
                    if i >= len(row):
                        continue
                    cell = row[i]
                    if not declared and (i >= len(header) or header[i] in _NOT_COVERAGE):
                        continue
                    if len(cell) == 10 and _ISO_DATE.match(cell):
                        try:
                            d = date.fromisoformat(cell)
                        except ValueError:
                            continue
                        first = d if first is None or d < first else first
                        last = d if last is None or d > last else last
                for i in year_idx:
                    if i < len(row) and row[i].isdigit():
                        y = int(row[i])
                        first_year = y if first_year is None or y < first_year else first_year
                        last_year = y if last_year is None or y > last_year else last_year
    return first, last, first_year, last_year


def _fingerprint(folder: Path) -> tuple:
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.glob("*.csv")))


def data_span(folder: Path | None = None) -> dict[str, Any]:
    """Earliest/latest date in the data's date columns and first/last value of ``year`` columns.

    Keys ``data:first``, ``data:last`` (``datetime.date``), ``data:first_year``, ``data:last_year`` (int). When no
    ``year`` column exists, the years of the date span are used. Values are ``None`` when the data has none.
    """
    folder = (folder or data_dir()).resolve()
    if not folder.is_dir():
        return dict.fromkeys(BOUND_WORDS)
    first, last, fy, ly = _data_span(str(folder), _fingerprint(folder))
    if fy is None and first is not None:
        fy, ly = first.year, last.year
    return {"data:first": first, "data:last": last, "data:first_year": fy, "data:last_year": ly}


def _id_column(file: Path, column: str) -> tuple[str, ...]:
    if not file.is_file():
        return ()
    with file.open(encoding="utf-8", newline="") as fh:
        return tuple(row[column] for row in csv.DictReader(fh) if row.get(column))


def known_orgs(folder: Path | None = None) -> tuple[str, ...]:
    """Organisation ids from ``organisations.csv`` (empty when the file does not exist yet)."""
    return _id_column((folder or data_dir()) / "organisations.csv", "org_id")


def known_states(folder: Path | None = None) -> tuple[str, ...]:
    """ISO3 codes from ``states.csv`` (empty when the file does not exist yet)."""
    return _id_column((folder or data_dir()) / "states.csv", "iso3")


# --------------------------------------------------------------------------------------------------------------
# Validation


@dataclass
class _Context:
    notebook: NotebookSpec
    folder: Path
    _span: dict | None = None
    _orgs: tuple | None = None
    _states: tuple | None = None
    extra: dict = field(default_factory=dict)

    @property
    def span(self) -> dict:
        if self._span is None:
            self._span = data_span(self.folder)
        return self._span

    @property
    def orgs(self) -> tuple:
        if self._orgs is None:
            self._orgs = known_orgs(self.folder)
        return self._orgs

    @property
    def states(self) -> tuple:
        if self._states is None:
            self._states = known_states(self.folder)
        return self._states


def _short(values: tuple, limit: int = 12) -> str:
    if len(values) <= limit:
        return ", ".join(values)
    return ", ".join(values[:limit]) + f", … ({len(values)} in all)"


def _bound(ctx: _Context, spec: ParamSpec, which: str):
    raw = getattr(spec, which)
    if raw is None:
        return None
    if isinstance(raw, str) and raw.startswith("data:"):
        if raw not in BOUND_WORDS:
            raise CollectionError(
                f"notebook {ctx.notebook.id}: parameter '{spec.name}' has {which} = {raw!r}; "
                f"allowed words: {', '.join(BOUND_WORDS)}"
            )
        return ctx.span[raw]
    if spec.type == "date":
        return raw if isinstance(raw, date) else date.fromisoformat(str(raw))
    return raw


def _fail(ctx: _Context, spec: ParamSpec, value: Any, problem: str, allowed: str) -> ParameterError:
    return ParameterError(
        f"notebook {ctx.notebook.id} ({ctx.notebook.stem}): parameter '{spec.name}' = {value!r} {problem}; "
        f"allowed: {allowed}"
    )


def _range_text(lo, hi, unit: str) -> str:
    if lo is not None and hi is not None:
        return f"{unit} from {lo} to {hi}"
    if lo is not None:
        return f"{unit} on or after {lo}"
    if hi is not None:
        return f"{unit} on or before {hi}"
    return unit


def _check(ctx: _Context, spec: ParamSpec, value: Any) -> Any:
    """The value converted to its Python type, or ParameterError."""
    t = spec.type
    if t == "date":
        lo, hi = _bound(ctx, spec, "min"), _bound(ctx, spec, "max")
        allowed = _range_text(lo, hi, "an ISO date YYYY-MM-DD")
        if isinstance(value, date):
            d = value
        else:
            if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
                raise _fail(ctx, spec, value, "is not a date", allowed)
            try:
                d = date.fromisoformat(value.strip())
            except ValueError:
                raise _fail(ctx, spec, value, "is not a real calendar date", allowed) from None
        if (lo is not None and d < lo) or (hi is not None and d > hi):
            raise _fail(ctx, spec, value, "is out of range", allowed)
        return d
    if t in ("year", "int"):
        lo, hi = _bound(ctx, spec, "min"), _bound(ctx, spec, "max")
        allowed = _range_text(lo, hi, "a whole-number year" if t == "year" else "a whole number")
        if isinstance(value, bool):
            raise _fail(ctx, spec, value, "is not a whole number", allowed)
        if isinstance(value, int):
            n = value
        elif isinstance(value, str) and re.fullmatch(r"[+-]?\d+", value.strip()):
            n = int(value.strip())
        else:
            raise _fail(ctx, spec, value, "is not a whole number", allowed)
        if (lo is not None and n < lo) or (hi is not None and n > hi):
            raise _fail(ctx, spec, value, "is out of range", allowed)
        return n
    if t in ("org", "org_list", "state"):
        known = ctx.states if t == "state" else ctx.orgs
        what = "ISO3 codes from data/states.csv" if t == "state" else "organisation ids from data/organisations.csv"
        if t == "org_list":
            if isinstance(value, (list, tuple)):
                items = [str(v).strip() for v in value]
            elif isinstance(value, str):
                items = [v.strip() for v in value.split(",")]
            else:
                raise _fail(ctx, spec, value, "is not a comma-separated list", f"comma-separated {what}: {_short(known)}")
            if not value or any(not v for v in items):
                raise _fail(ctx, spec, value, "has an empty item", f"comma-separated {what}: {_short(known)}")
            unknown = [v for v in items if known and v not in known]
            if unknown:
                raise _fail(
                    ctx, spec, value, f"names unknown organisation(s) {', '.join(unknown)}",
                    f"comma-separated {what}: {_short(known)}",
                )
            if len(set(items)) != len(items):
                raise _fail(ctx, spec, value, "repeats an organisation", f"each of {what} at most once")
            return items
        if not isinstance(value, str) or not value.strip():
            raise _fail(ctx, spec, value, "is not a code", f"one of the {what}: {_short(known)}")
        v = value.strip()
        if known and v not in known:
            import difflib

            kind = "state" if t == "state" else "organisation"
            near = difflib.get_close_matches(v.upper(), known, n=3, cutoff=0.5)
            hint = f" (did you mean {' or '.join(near)}?)" if near else ""
            raise _fail(ctx, spec, value, f"is not a known {kind}{hint}", f"one of the {what}: {_short(known)}")
        return v
    if t == "choice":
        if value not in spec.choices:
            raise _fail(ctx, spec, value, "is not one of the choices", ", ".join(map(str, spec.choices)))
        return value
    # str
    if not isinstance(value, str):
        raise _fail(ctx, spec, value, "is not text", "a string")
    return value


def check_all(notebook_id: str, values: dict[str, Any], *, collection: Path | None = None) -> dict[str, Any]:
    """Defaults overlaid with ``values``, every value checked: ``{name: converted value}``.

    Raises ParameterError (one line) for an unknown name or a bad value.
    """
    coll = (collection or collection_path()).resolve()
    nb = notebook(notebook_id, coll)
    ctx = _Context(notebook=nb, folder=data_dir(coll))
    for name, value in values.items():
        if name not in nb.parameters:
            declared = ", ".join(nb.parameters) or "none (this notebook takes no parameters)"
            raise ParameterError(
                f"notebook {nb.id} ({nb.stem}): unknown parameter '{name}' = {value!r}; allowed parameters: {declared}"
            )
    out = {}
    for name, spec in nb.parameters.items():
        out[name] = _check(ctx, spec, values.get(name, spec.default))
    return out


def _injected_by_papermill() -> dict[str, Any]:
    """Names and values papermill injected into the running kernel (its "# Parameters" cell), if any.

    papermill only warns about a parameter the notebook does not declare and goes on; looking at the cell it
    injected lets a direct ``papermill -p asof ...`` run fail as clearly as the build does.
    """
    import builtins

    get_ipython = builtins.__dict__.get("get_ipython")
    if get_ipython is None:
        return {}
    shell = get_ipython()
    history = shell.user_ns.get("In", []) if shell is not None else []
    import ast

    for source in reversed(history[:-1]):
        if isinstance(source, str) and source.startswith("# Parameters\n"):
            found = {}
            try:
                tree = ast.parse(source)
            except SyntaxError:
                return {}
            for node in tree.body:
                if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                    try:
                        found[node.targets[0].id] = ast.literal_eval(node.value)
                    except ValueError:
                        found[node.targets[0].id] = ast.unparse(node.value)
            return found
    return {}


def validated(notebook_id: str, **values: Any) -> types.SimpleNamespace:
    """Check a notebook's parameters against ``collection.toml``; called in each notebook's imports cell.

    Returns a namespace with one attribute per declared parameter (dates as ``datetime.date``, org lists as
    ``list[str]``, years as ``int``). Raises :class:`ParameterError` naming notebook, parameter, value and what is
    allowed. Parameters not passed take their declared default. In a kernel where papermill injected parameters,
    a name the notebook does not declare is refused too.
    """
    injected = _injected_by_papermill()
    unknown = {k: v for k, v in injected.items() if k not in values}
    return types.SimpleNamespace(**check_all(notebook_id, {**unknown, **values}))


def plain(value: Any) -> Any:
    """A checked value back to the literal form a notebook's parameters cell holds (dates → ISO strings)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return ",".join(value)
    return value


def allowed_text(notebook_id: str, name: str, *, collection: Path | None = None) -> str:
    """What a parameter accepts, in words (for ``--list``)."""
    coll = (collection or collection_path()).resolve()
    nb = notebook(notebook_id, coll)
    spec = nb.parameters[name]
    ctx = _Context(notebook=nb, folder=data_dir(coll))
    t = spec.type
    if t == "date":
        return _range_text(_bound(ctx, spec, "min"), _bound(ctx, spec, "max"), "ISO date")
    if t in ("year", "int"):
        return _range_text(_bound(ctx, spec, "min"), _bound(ctx, spec, "max"), "year" if t == "year" else "integer")
    if t == "org":
        return "one of " + (_short(ctx.orgs) or "the ids in data/organisations.csv")
    if t == "org_list":
        return "comma-separated, from " + (_short(ctx.orgs) or "the ids in data/organisations.csv")
    if t == "state":
        return "ISO3 code, one of " + (_short(ctx.states, 8) or "the codes in data/states.csv")
    if t == "choice":
        return "one of " + ", ".join(map(str, spec.choices))
    return "any text"
