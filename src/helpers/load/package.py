"""The data package descriptor (``datapackage.json``): its resources, the files a load depends on, and the read
log the build uses to know which data each report read."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from helpers import paths
from helpers.load import descriptor
from helpers.load.errors import DataError, Problem


def log_reads(files: Iterable[Path]) -> None:
    """Append each file's absolute path to the file named by ``NATO_READ_LOG`` (when set)."""
    log = paths.read_log()
    if not log:
        return
    with open(log, "a", encoding="utf-8") as out:
        for f in files:
            out.write(f"{Path(f).resolve()}\n")


def stamp(path: Path) -> tuple[str, int, int] | tuple[str, None, None]:
    """A file's identity for the caches: path, modification time and size."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return (str(path), None, None)
    return (str(path), st.st_mtime_ns, st.st_size)


def latest(memo: dict, slot, version, make):
    """What ``make()`` gives for this ``version`` of the files behind ``slot`` (their stamps), made once
    and kept until they change; a new version replaces the old in its slot, so a long-lived process (the preview,
    a kernel) holds one copy of each table, not one per edit."""
    kept = memo.get(slot)
    if kept is None or kept[0] != version:
        kept = memo[slot] = (version, make())
    return kept[1]


#: The descriptor's resources, by descriptor path (its latest version only).
_PACKAGE_CACHE: dict[str, tuple] = {}


def package_path(data_dir: Path) -> Path:
    own = data_dir / "datapackage.json"
    return own if own.exists() else paths.DATAPACKAGE


def resources(data_dir: Path) -> dict[str, dict]:
    """Resources of the data package by name (parsed once per process and file version)."""
    pkg = package_path(data_dir)

    def parse() -> dict[str, dict]:
        shown = paths.shown(pkg)
        try:
            found = descriptor.parse(pkg.read_text(encoding="utf-8-sig"))
        except FileNotFoundError:
            raise DataError([Problem(shown, None, None, "file not found",
                                     "the data package descriptor must exist beside the CSV files")]) from None
        except UnicodeDecodeError as exc:
            raise DataError([Problem(shown, None, None, f"byte {exc.start} is not UTF-8",
                                     "datapackage.json is UTF-8 text")]) from None
        except descriptor.DescriptorError as exc:
            raise DataError([Problem(shown, exc.line, None, exc.detail, exc.rule)]) from None
        problems = descriptor.problems(found, shown)
        if problems:
            raise DataError(problems)
        return {r["name"]: r for r in found["resources"]}

    return latest(_PACKAGE_CACHE, str(pkg), stamp(pkg), parse)


def resource(name: str, data_dir: Path) -> dict:
    res = resources(data_dir)
    if name not in res:
        raise ValueError(f"unknown table {name!r}; the data package has: {', '.join(res)}")
    return res[name]


def foreign_tables(name: str, data_dir: Path) -> list[str]:
    """Other tables this table's foreign keys point at, in declaration order."""
    deps: list[str] = []
    for fk in resource(name, data_dir)["schema"].get("foreignKeys", []):
        ref = fk["reference"]["resource"] or name
        if ref != name and ref not in deps:
            deps.append(ref)
    return deps


def allowed_values(table: str, column: str, data_dir: Path | None = None) -> tuple[str, ...]:
    """The values ``datapackage.json`` allows in ``table``'s ``column`` (its ``enum``), in the package's order: the
    one home of a coded list such as the kinds of source (``helpers.bibliography.source_kinds``)."""
    fields = {f["name"]: f for f in resource(table, data_dir or paths.DATA)["schema"]["fields"]}
    if column not in fields:
        raise ValueError(f"table {table!r} has no column {column!r}; its columns: {', '.join(fields)}")
    values = fields[column].get("constraints", {}).get("enum")
    if not values:
        raise ValueError(f"{table}.{column} has no list of allowed values in the data package (no enum)")
    return tuple(values)
