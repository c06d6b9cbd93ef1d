"""data/datapackage.json: a valid Frictionless package that says what data/README.md says, checked by the
frictionless command line itself (not only by our loader)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import paths

FIXTURES = Path(__file__).parent / "fixtures" / "data"
FRICTIONLESS = Path(sys.executable).parent / "frictionless"


def package() -> dict:
    with open(paths.DATAPACKAGE, encoding="utf-8") as f:
        return json.load(f)


def resources() -> dict[str, dict]:
    return {r["name"]: r for r in package()["resources"]}


def frictionless_validate(descriptor: Path) -> tuple[bool, str]:
    run = subprocess.run([str(FRICTIONLESS), "validate", "--json", str(descriptor)], capture_output=True,
                         text=True, cwd=descriptor.parent, timeout=300)
    report = json.loads(run.stdout)
    errors = [f"{t.get('name')}: {e.get('message')}" for t in report.get("tasks", []) for e in t.get("errors", [])]
    errors += [e.get("message") for e in report.get("errors", [])]
    return report["valid"], "\n".join(errors[:30])


def readme_tables() -> dict[str, tuple[list[str], str]]:
    """table name -> (primary key columns, columns cell) from the table in data/README.md; a file in a folder
    (``geo/features.csv``) is the table ``geo_features``."""
    out = {}
    for line in (paths.DATA / "README.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\| `((?:\w+/)?\w+)\.csv` \| (.+?) \| (.+) \|$", line)
        if m:
            out[m.group(1).replace("/", "_")] = (re.findall(r"`(\w+)`", m.group(2)), m.group(3))
    return out


def test_package_has_licence_version_and_sources():
    p = package()
    assert p["licenses"][0]["name"] == "CC-BY-4.0"
    assert re.fullmatch(r"\d+\.\d+\.\d+", p["version"])
    assert p["sources"] and p["profile"] == "tabular-data-package"


def test_every_table_of_the_data_dictionary_is_a_resource_with_its_primary_key():
    readme = readme_tables()
    res = resources()
    assert sorted(readme) == sorted(res)
    for name, (pk, _) in readme.items():
        assert res[name]["schema"]["primaryKey"] == pk, name
        assert res[name]["path"].replace("/", "_") == f"{name}.csv"


def test_every_field_is_a_column_of_the_data_dictionary():
    readme = readme_tables()
    for name, r in resources().items():
        declared = set(re.findall(r"`(\w+)`", readme[name][1]))
        for field in r["schema"]["fields"]:
            assert field["name"] in declared, f"{name}.{field['name']} is not in data/README.md"


def test_types_follow_the_conventions():
    for name, r in resources().items():
        for f in r["schema"]["fields"]:
            where = f"{name}.{f['name']}"
            if f["type"] == "boolean":
                assert (f["trueValues"], f["falseValues"]) == (["true"], ["false"]), where
            if f["name"] in ("start", "end", "date", "accessed", "founded", "in_force", "dissolved", "published"):
                assert f["type"] == "date", where
            if f["name"] in ("iso3",):
                assert f["constraints"]["pattern"] == "^[A-Z]{3}$", where
            if f["name"] == "paragraph" or f["name"].endswith("_paragraph"):
                assert f["constraints"]["pattern"] == "^P([1-9]|1[0-9])$", where


def test_every_source_column_is_a_foreign_key_to_sources_and_required():
    for name, r in resources().items():
        fields = {f["name"]: f for f in r["schema"]["fields"]}
        fks = {tuple(fk["fields"]): fk["reference"] for fk in r["schema"]["foreignKeys"]}
        for col in ("source_id", "alt_source_id"):
            if col in fields and name != "sources":
                assert fks[(col,)] == {"resource": "sources", "fields": ["source_id"]}, f"{name}.{col}"
        if "source_id" in fields:
            assert fields["source_id"]["constraints"]["required"] is True, name


def test_state_and_organisation_columns_are_foreign_keys():
    expected = {("memberships", "iso3"): "states", ("capabilities", "iso3"): "states",
                ("memberships", "org_id"): "organisations", ("org_features", "org_id"): "organisations",
                ("documents", "org_id"): "organisations", ("event_paragraphs", "paragraph"): "paragraphs",
                ("event_paragraphs", "event_id"): "events", ("arms_control", "treaty_id"): "treaties",
                ("org_features", "dimension_id"): "dimensions", ("principle_documents", "document_id"): "documents",
                ("principle_documents", "principle_id"): "principles", ("paragraphs", "section_id"): "sections"}
    res = resources()
    for (table, col), target in expected.items():
        refs = [fk["reference"]["resource"] for fk in res[table]["schema"]["foreignKeys"] if fk["fields"] == [col]]
        assert refs == [target], f"{table}.{col}"


@pytest.mark.slow  # runs the frictionless command line (several seconds)
def test_frictionless_accepts_the_package_on_the_fixture_data(tmp_path):
    d = tmp_path / "data"
    shutil.copytree(FIXTURES, d)
    shutil.copy(paths.DATAPACKAGE, d / "datapackage.json")
    valid, errors = frictionless_validate(d / "datapackage.json")
    assert valid, errors


@pytest.mark.slow  # runs the frictionless command line (several seconds)
def test_frictionless_rejects_a_dangling_state_code(tmp_path):
    # proves the foreign keys in the package are real, independently of our loader
    d = tmp_path / "data"
    shutil.copytree(FIXTURES, d)
    shutil.copy(paths.DATAPACKAGE, d / "datapackage.json")
    text = (d / "memberships.csv").read_text(encoding="utf-8")
    (d / "memberships.csv").write_text(text.replace("ALPHA,DEU,", "ALPHA,XYZ,"), encoding="utf-8")
    valid, errors = frictionless_validate(d / "datapackage.json")
    assert not valid and "foreign key" in errors


@pytest.mark.slow  # runs the frictionless command line (several seconds)
def test_frictionless_validates_the_real_data():
    missing = [r["path"] for r in package()["resources"] if not (paths.DATA / r["path"]).exists()]
    assert not missing, f"data files not there yet: {', '.join(missing)}"
    valid, errors = frictionless_validate(paths.DATAPACKAGE)
    assert valid, errors


def test_the_description_names_files_that_exist():
    """The package's description sent data users to src/helpers/load.py after the loader became a package: every
    path of the project it names exists."""
    import json
    import re

    description = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))["description"]
    named = re.findall(r"\bsrc/[\w/]+(?:\.\w+)?", description)
    assert named and [n for n in named if not (paths.ROOT / n).exists()] == []
