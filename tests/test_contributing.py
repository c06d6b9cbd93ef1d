"""CONTRIBUTING.md tells a newcomer where things are: its table of modules lists every module of ``src/helpers``
with the first sentence of its docstring, as ``scripts/module_table.py`` writes it, and its recipes name files that
exist."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTRIBUTING = ROOT / "CONTRIBUTING.md"


def _module_table():
    spec = importlib.util.spec_from_file_location("module_table", ROOT / "scripts" / "module_table.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_the_module_table_lists_every_module_as_its_docstring_says():
    mt = _module_table()
    text = mt.CONTRIBUTING.read_text(encoding="utf-8")
    assert mt.current(text) == text, "run .venv/bin/python scripts/module_table.py"
    listed = set(re.findall(r"^\| `([^`]+)` \|", text.split(mt.START)[1].split(mt.END)[0], flags=re.M))
    assert {"tables/sco_states", "params/datafiles", "render/page_parts", "data_text"} <= listed


def test_the_table_follows_a_new_module(tmp_path):
    mt = _module_table()
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "__init__.py").write_text('"""Table builders."""\n', encoding="utf-8")
    (tmp_path / "tables" / "x.py").write_text('"""Tables for notebook 10: the x. More here."""\n', encoding="utf-8")
    old = f"intro\n{mt.START}\n{mt.END}\nrest"
    new = mt.current(old, tmp_path)
    assert "| `tables/x` | Tables for notebook 10: the x. |" in new and new.endswith("rest")
    assert new.index("`tables/`") < new.index("`tables/x`")


def test_the_guide_puts_layout_and_recipes_first_and_keeps_benchmark_figures_apart():
    """A newcomer reads the house style, the layout and the recipes first; the build's detail follows them, and the
    measured speed (CPU seconds per report, a profile table) lives in ``docs/performance.md``, which dates with the
    machine. Before, 120 lines of benchmark figures stood between the house style and the layout."""
    text = CONTRIBUTING.read_text(encoding="utf-8")
    order = [text.index(h) for h in ("## House style", "## Layout", "## Recipe: add a data rule", "## The build")]
    assert order == sorted(order)
    assert re.findall(r"\d s of CPU|\| kernel start \|", text) == []
    assert "`docs/performance.md`" in text and "s of CPU" in (ROOT / "docs" / "performance.md").read_text("utf-8")


def _org_constants() -> list[str]:
    """``module.NAME`` of every module-level constant in ``src/helpers`` that names two or more organisations of
    ``data/organisations.csv``: a grouping of organisations kept in code."""
    import ast
    import csv

    with (ROOT / "data" / "organisations.csv").open(encoding="utf-8", newline="") as fh:
        orgs = {row["org_id"] for row in csv.DictReader(fh)}
    found = []
    for path in sorted((ROOT / "src" / "helpers").rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                named = {n.value for n in ast.walk(node.value) if isinstance(n, ast.Constant) and n.value in orgs}
                if len(named) >= 2:
                    found += [f"{path.stem}.{t.id}" for t in targets if isinstance(t, ast.Name)]
    return found


def test_the_organisation_recipe_names_every_grouping_of_organisations_kept_in_code():
    """A newcomer adding an organisation followed the recipe's data steps and never learnt that notebook 08's
    sides, the overlap map and the map frames list organisations in code. Every such constant is named in the
    recipe (the theme's colours by their own step), so one added later is too."""
    text = CONTRIBUTING.read_text(encoding="utf-8")
    recipe = text.split("## Recipe: add an organisation", 1)[1].split("\n## ", 1)[0]
    constants = _org_constants()
    assert {"sco_states.WESTERN", "geo.OVERLAP_ORGS", "map_regions.ORG_REGIONS"} <= set(constants)
    missing = [c for c in constants if not re.search(rf"`(\w+\.)?{c.split('.')[1]}`", recipe)]
    assert missing == [], "name these in CONTRIBUTING's 'Recipe: add an organisation': " + ", ".join(missing)


def test_the_recipes_name_files_that_exist():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(tests/[\w/]+\.py)`", text))
    assert named and [n for n in sorted(named) if not (ROOT / n).exists()] == []


def _test_layout() -> list[tuple[str, list[str]]]:
    """CONTRIBUTING's test layout: (code, the test file patterns of its row)."""
    text = CONTRIBUTING.read_text(encoding="utf-8")
    block = text.split("<!-- test layout", 1)[1].split("<!-- end of test layout -->", 1)[0]
    rows = []
    for line in block.splitlines():
        cells = line.split("|")
        if len(cells) > 3 and "test_" in cells[2]:
            names = re.findall(r"`((?:render/)?test_[^`]*\.py)`", cells[2])
            rows.append((cells[1].strip(), [re.sub(r"<[a-z]+>", "*", n) for n in names]))
    return rows


def test_the_test_layout_table_names_every_test_file_and_every_package_has_tests():
    """CONTRIBUTING said "Tests live in tests/test_<module>.py", which most files did not follow; its table now says
    which test files cover which code: every test file matches a row, every pattern matches a file, and every
    package of src/helpers is imported by at least one test file."""
    import fnmatch

    tests = Path(__file__).resolve().parent
    files = sorted(p.relative_to(tests).as_posix() for p in tests.rglob("test_*.py") if "browser" not in p.parts[:-1])
    patterns = [p for _, row in _test_layout() for p in row]
    assert [p for p in patterns if not fnmatch.filter(files, p)] == [], "patterns that match no test file"
    assert [f for f in files if not any(fnmatch.fnmatch(f, p) for p in patterns)] == [], "test files in no row"
    helpers = ROOT / "src" / "helpers"
    packages = sorted(p.parent.name for p in helpers.glob("*/__init__.py"))
    texts = [p.read_text(encoding="utf-8") for p in tests.rglob("*.py")]
    untested = [pkg for pkg in packages
                if not any(f"helpers.{pkg}" in t or re.search(rf"from helpers import [^\n]*\b{pkg}\b", t)
                           for t in texts)]
    assert untested == [], f"packages no test file imports: {untested}"


#: Words that name when or why a test was written (a work round, a review) rather than what it tests.
_ROUND_WORDS = re.compile(r"^(review|round|hardening|leftovers?|followup|fixes|regressions?)\d*$", re.I)


def test_test_files_are_named_for_what_they_test_not_when_they_were_written():
    """``test_i18n_review5.py``, ``test_i18n_leftovers.py`` and ``test_params_hardening.py`` named a work round: a
    newcomer looking for the tests of ``i18n/catalogs`` or of the parameter checks could not find them by name. Each
    test file is named for the code or feature it covers, as CONTRIBUTING's test layout table lists it."""
    tests = Path(__file__).resolve().parent
    named = sorted(p.relative_to(tests).as_posix() for p in tests.rglob("test_*.py") if any(_ROUND_WORDS.match(part) for part in p.stem.split("_")))
    assert named == [], f"test files named after a work round, not what they test: {named}"
