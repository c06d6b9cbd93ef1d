"""One loader per table: read a CSV, type its columns as ``data/datapackage.json`` declares, and check it.

``table(name)`` reads the file (UTF-8, a byte-order mark dropped), checks the header and the row lengths, types
each column (:mod:`.columns`), checks the primary key (:mod:`.keys`) and the rules that need only this table
(:mod:`.rules`); then the foreign keys and the rules that read other tables. Parsed and checked tables are
cached per process, keyed on each file's modification time and size. The maps' boundary file, TopoJSON rather than a
table, has its own loader (``boundaries()``), logged and checked the same way.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pandas as pd

from helpers import paths
from helpers.load import characters, csv_rows, keys, package, rules
from helpers.load.columns import Column
from helpers.load.errors import DataError, Problem


def _parse_table(name: str, data_dir: Path) -> tuple[pd.DataFrame, list[int]]:
    res = package.resource(name, data_dir)
    shown = paths.shown(data_dir / res["path"])
    schema = res["schema"]
    names = [f["name"] for f in schema["fields"]]
    header, rows = csv_rows.read_rows(data_dir / res["path"], shown)
    bad = characters.problems(header, rows, shown)
    if bad:
        raise DataError(bad)
    csv_rows.check_header(header, names, shown)
    good, rownums = csv_rows.complete_rows(rows, len(names), shown)

    pk = keys.primary_key(schema)
    problems: list[Problem] = []
    columns = {}
    for j, f in enumerate(schema["fields"]):
        col = Column(f, [r[j] for r in good], rownums, shown, f["name"] in pk, problems)
        col.check_cells()
        columns[col.name] = col.typed()
    if problems:
        raise DataError(problems)
    df = pd.DataFrame(columns, index=pd.RangeIndex(len(good)))
    if pk:
        problems += keys.check_unique(df, pk, rownums, shown)
    view = rules.View(name, df, rownums, other=lambda t: _parsed(t, data_dir)[0])
    for r in rules.rules_for(name, cross=False):
        problems += r.problems(view, shown)
    if problems:
        raise DataError(problems)
    return df, rownums


#: Each table parsed and checked on its own, by (table, data folder): the latest version of its files only.
_PARSED: dict[tuple, tuple] = {}


def _parsed(name: str, data_dir: Path) -> tuple[pd.DataFrame, list[int]]:
    res = package.resource(name, data_dir)
    version = (package.stamp(package.package_path(data_dir)), package.stamp(data_dir / res["path"]))
    return package.latest(_PARSED, (name, str(data_dir)), version, lambda: _parse_table(name, data_dir))


def dependencies(name: str, data_dir: Path) -> list[str]:
    """Tables a load of ``name`` also reads: its foreign keys' targets, then what its rules need."""
    deps = package.foreign_tables(name, data_dir)
    return deps + [t for t in rules.needs(name) if t not in deps and t != name]


def _cross_problems(name: str, df: pd.DataFrame, rownums: list[int], data_dir: Path) -> list[Problem]:
    res = package.resource(name, data_dir)
    shown = paths.shown(data_dir / res["path"])

    def other(t: str) -> pd.DataFrame:
        return _parsed(t, data_dir)[0]

    problems = keys.check_foreign(name, res["schema"], df, rownums, shown, other)
    view = rules.View(name, df, rownums, other)
    for r in rules.rules_for(name, cross=True):
        problems += r.problems(view, shown)
    return problems


#: Each table checked against the tables it refers to, by (table, data folder): the latest version only.
_CHECKED: dict[tuple, tuple] = {}


def _data_dir(data_dir: str | os.PathLike | None) -> Path:
    return Path(data_dir) if data_dir is not None else paths.DATA


def table(name: str, data_dir: str | os.PathLike | None = None) -> pd.DataFrame:
    """Load table ``name`` (``"memberships"`` or ``"memberships.csv"``) from ``data_dir`` (default ``data/``),
    validated against the data package and the tables it refers to. Raises :class:`DataError`."""
    d = _data_dir(data_dir)
    name = name[:-4] if name.endswith(".csv") else name
    files = _files(name, d)
    package.log_reads(files)

    def checked() -> pd.DataFrame:
        df, rownums = _parsed(name, d)
        problems = _cross_problems(name, df, rownums, d)
        if problems:
            raise DataError(problems)
        return df

    return package.latest(_CHECKED, (name, str(d)), tuple(package.stamp(f) for f in files), checked).copy()


def _files(name: str, d: Path) -> list[Path]:
    """The files a load of table ``name`` depends on: the descriptor, its CSV, the CSVs of its dependencies."""
    res = package.resource(name, d)  # unknown names fail here, naming the tables that exist
    files = [package.package_path(d), d / res["path"]]
    return files + [d / package.resource(t, d)["path"] for t in dependencies(name, d)]


def version(name: str, data_dir: str | os.PathLike | None = None) -> tuple:
    """The version of table ``name`` a load gives now (the stamps of the files it depends on): what a cache of
    something made from the table is keyed on."""
    return tuple(package.stamp(f) for f in _files(name, _data_dir(data_dir)))


def table_names(data_dir: str | os.PathLike | None = None) -> list[str]:
    """Names of the tables the data package declares, in its order."""
    return list(package.resources(_data_dir(data_dir)))


def validate_all(data_dir: str | os.PathLike | None = None) -> dict[str, pd.DataFrame]:
    """Load every table; raise one :class:`DataError` listing the problems of all tables."""
    out: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for name in table_names(data_dir):
        try:
            out[name] = table(name, data_dir)
        except DataError as exc:
            problems.extend(p for p in exc.problems if p not in problems)
    if problems:
        raise DataError(problems)
    return out


def sources(data_dir=None) -> pd.DataFrame:
    """The bibliography: source_id, title, publisher, url, accessed (date), kind, note."""
    return table("sources", data_dir)


def states(data_dir=None) -> pd.DataFrame:
    """States by ISO 3166 alpha-3 code (historic ones with historic=True)."""
    return table("states", data_dir)


def organisations(data_dir=None) -> pd.DataFrame:
    """Organisations with kind, status, founding document and dates."""
    return table("organisations", data_dir)


def memberships(data_dir=None) -> pd.DataFrame:
    """Membership spells (half-open: start <= d < end; end NaT while running)."""
    return table("memberships", data_dir)


def events(data_dir=None) -> pd.DataFrame:
    """Dated events with category and date precision."""
    return table("events", data_dir)


def event_paragraphs(data_dir=None) -> pd.DataFrame:
    """Links from events to the article paragraphs they bear on."""
    return table("event_paragraphs", data_dir)


def event_actors(data_dir=None) -> pd.DataFrame:
    """Links from events to the organisations and states acting in them."""
    return table("event_actors", data_dir)


def treaties(data_dir=None) -> pd.DataFrame:
    """The arms-control treaties followed."""
    return table("treaties", data_dir)


def arms_control(data_dir=None) -> pd.DataFrame:
    """Arms-control steps by treaty, party and date."""
    return table("arms_control", data_dir)


def capabilities(data_dir=None) -> pd.DataFrame:
    """Military expenditure, nuclear warheads and population by state and year."""
    return table("capabilities", data_dir)


def sections(data_dir=None) -> pd.DataFrame:
    """The article's sections S0-S2."""
    return table("sections", data_dir)


def paragraphs(data_dir=None) -> pd.DataFrame:
    """The article's paragraphs P1-P19 with our paraphrase."""
    return table("paragraphs", data_dir)


def paragraphs_ar(data_dir=None) -> pd.DataFrame:
    """The Arabic edition's paragraph cards: our Arabic paraphrase and a short quotation of the article."""
    return table("paragraphs_ar", data_dir)


def paragraph_tags(data_dir=None) -> pd.DataFrame:
    """Organisations, states and themes named in each paragraph."""
    return table("paragraph_tags", data_dir)


def themes(data_dir=None) -> pd.DataFrame:
    """Theme vocabulary."""
    return table("themes", data_dir)


def claims(data_dir=None) -> pd.DataFrame:
    """The article's claims with type and verdict."""
    return table("claims", data_dir)


def claims_ar(data_dir=None) -> pd.DataFrame:
    """The Arabic edition's claims: our Arabic, with the English it translates."""
    return table("claims_ar", data_dir)


def prose_ar(data_dir=None) -> pd.DataFrame:
    """The Arabic edition's words for the tables' English prose, cell by cell (see ``helpers.i18n.prose``)."""
    return table("prose_ar", data_dir)


def glossary(data_dir=None) -> pd.DataFrame:
    """Arabic-English glossary."""
    return table("glossary", data_dir)


def lineage(data_dir=None) -> pd.DataFrame:
    """The article's chain of publications with confidence levels."""
    return table("lineage", data_dir)


def translation(data_dir=None) -> pd.DataFrame:
    """For each paragraph, what RT's English and Valdai's text say there (our paraphrase), and how much was read."""
    return table("translation", data_dir)


def translation_differences(data_dir=None) -> pd.DataFrame:
    """Each difference between the Arabic and the English texts, classed and quoted in a short phrase."""
    return table("translation_differences", data_dir)


def dimensions(data_dir=None) -> pd.DataFrame:
    """Comparison dimensions with their scales and scores."""
    return table("dimensions", data_dir)


def org_features(data_dir=None) -> pd.DataFrame:
    """One value per organisation and dimension."""
    return table("org_features", data_dir)


def documents(data_dir=None) -> pd.DataFrame:
    """Documents whose principles are compared."""
    return table("documents", data_dir)


def principles(data_dir=None) -> pd.DataFrame:
    """Principles of the proposed framework."""
    return table("principles", data_dir)


def principle_documents(data_dir=None) -> pd.DataFrame:
    """Whether each principle appears in each document."""
    return table("principle_documents", data_dir)


def state_lineage(data_dir=None) -> pd.DataFrame:
    """Which state followed which historic state (successor, continuator, restored, absorbed, renamed) and when."""
    return table("state_lineage", data_dir)


def state_policies(data_dir=None) -> pd.DataFrame:
    """Declared neutrality or military non-alignment by state, with the day each ended (NaT while it holds)."""
    return table("state_policies", data_dir)


def world_totals(data_dir=None) -> pd.DataFrame:
    """World totals of the capability indicators by year (the denominators of world shares)."""
    return table("world_totals", data_dir)


def labels(data_dir=None) -> pd.DataFrame:
    """Reader labels for coded values and column headers (read for pages through ``helpers.wording``)."""
    return table("labels", data_dir)


def geo_features(data_dir=None) -> pd.DataFrame:
    """The boundary file's features without an ISO code or drawn apart from their state, and how each is drawn."""
    return table("geo_features", data_dir)


#: The boundary file, relative to the data folder.
BOUNDARIES = Path("geo") / "countries-110m.json"

#: The parsed file by path: its latest version only.
_READ: dict[str, tuple] = {}


def _parse(path: Path) -> str:
    shown = paths.shown(path)
    allowed = "a TopoJSON Topology with an object 'countries' holding geometries"
    try:
        text = path.read_text(encoding="utf-8")
        topo = json.loads(text)
    except FileNotFoundError:
        raise DataError([Problem(shown, None, None, "file not found", allowed)]) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError([Problem(shown, None, None, f"not readable JSON: {exc}", allowed)]) from None
    countries = topo.get("objects", {}).get("countries", {}) if isinstance(topo, dict) else {}
    if topo.get("type") != "Topology" or not isinstance(countries.get("geometries"), list) \
            or "transform" not in topo or "arcs" not in topo:
        raise DataError([Problem(shown, None, None, "not the boundary file the maps need", allowed)])
    return text


def boundaries(data_dir: str | os.PathLike | None = None) -> dict:
    """The boundary file as a fresh dict (objects ``countries`` and ``land``), checked and logged as read.
    Raises :class:`DataError` naming the file when it is missing or not a TopoJSON of countries."""
    path = Path(data_dir if data_dir is not None else paths.DATA) / BOUNDARIES
    package.log_reads([path])
    return json.loads(package.latest(_READ, str(path), package.stamp(path), lambda: _parse(path)))
