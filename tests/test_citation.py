"""Citing the collection (issue 20): one version, read from pyproject.toml and repeated where a file format needs it
(CITATION.cff, the data package); the licences CITATION.cff states are those LICENSE grants; a CHANGELOG entry for
the version; every page's About block and the index carry the citation, a BibTeX entry and the licence line."""

from __future__ import annotations

import json
import re
import tomllib

import pytest
import yaml

from helpers import paths
from helpers.pipeline import plan
from helpers.render import how_to_cite

ROOT = paths.ROOT


def _pyproject_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def _cff() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def _package() -> dict:
    return json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))


def test_one_version_everywhere():
    version = _pyproject_version()
    assert str(_cff()["version"]) == version, "CITATION.cff's version is not pyproject.toml's"
    assert _package()["version"] == version, "data/datapackage.json's version is not pyproject.toml's"
    assert how_to_cite.about()["version"] == version


def test_citation_licences_are_those_the_licence_file_grants():
    licences = _cff()["license"]
    assert licences == ["MIT", "CC-BY-4.0"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "CC BY 4.0" in text
    assert _package()["licenses"][0]["name"] == licences[1]  # the data package's licence is the prose and data one


def test_the_data_package_names_its_contributors_as_the_citation_names_its_authors():
    contributors = _package().get("contributors") or []
    assert [c["title"] for c in contributors] == [a["name"] for a in _cff()["authors"]]
    assert all(c.get("role") for c in contributors)


def test_the_changelog_has_an_entry_for_the_version():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[?{re.escape(_pyproject_version())}\]? ", text, re.M)


def test_the_about_block_carries_bibtex_and_the_licence_line():
    about = how_to_cite.about()
    assert about["bibtex"].startswith("@software{") and f"version = {{{_pyproject_version()}}}" in about["bibtex"]
    assert about["code_licence"] == "MIT" and "Attribution 4.0" in about["data_licence"]


def test_a_new_version_reaches_every_page(monkeypatch):
    before = plan.page_context([])
    monkeypatch.setattr(how_to_cite, "version", lambda: "99.0.0")
    assert plan.page_context([]) != before  # every render key holds what the About block shows


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_page_and_the_index_show_how_to_cite(lang, monkeypatch):
    from helpers.render import templating

    monkeypatch.setenv(paths.LANG_VAR, lang)
    macros = templating.env().get_template("macros.html.j2").module
    licence, bibtex = str(macros.licence_line(how_to_cite.about())), str(macros.bibtex(how_to_cite.about()))
    assert "<bdi>MIT</bdi>" in licence and 'rel="license"' in licence
    assert "@software{" in bibtex and "<summary>BibTeX</summary>" in bibtex
    for name in ("footer.html.j2", "index.html.j2"):
        source = (templating.TEMPLATES / "page" / name).read_text(encoding="utf-8")
        assert "licence_line(about)" in source and "bibtex(about)" in source, name
