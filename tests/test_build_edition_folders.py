"""An output folder may not be the other edition's (issue 20): ``NATO_REPORTS_DIR=$PWD/reports/ar`` with
``--lang en`` replaced the good Arabic pages and the Arabic index with English ones; nor a project folder that is
not a site's (docs/, .ci/, the staging folder). Each refusal is one line, before anything is written."""

from __future__ import annotations

import pytest
from build_runs import build_here

from helpers import paths

ARABIC_PAGE = b'<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head><title>t</title></head><body>\xd8\xa3</body></html>\n'
ENGLISH_PAGE = b'<!DOCTYPE html>\n<html lang="en">\n<head><title>t</title></head><body>A</body></html>\n'


def _site(folder, page: bytes) -> dict:
    folder.mkdir(parents=True)
    for name in ("index.html", "03-gamma.html"):
        (folder / name).write_bytes(page)
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_the_english_edition_is_refused_the_default_reports_arabic_folder(fake, monkeypatch, capsys):
    """NATO_REPORTS_DIR set to the default reports folder's ar/ (or a folder inside it), even when it is empty."""
    monkeypatch.setattr(paths, "REPORTS", fake.root / "reports")
    arabic = fake.root / "reports" / "ar"
    for target in (arabic, arabic / "mine"):
        fake.reports = target
        assert build_here(fake, monkeypatch, "--only", "03", "--lang", "en") == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1, err
        how = "is" if target == arabic else "is inside"
        assert f"NATO_REPORTS_DIR {target} {how} the Arabic edition's folder {arabic}" in err[0], err
        assert "allowed: a reports folder of its own" in err[0]
        assert not target.exists(), "the build wrote into the Arabic edition's folder"


@pytest.mark.parametrize("shared", ["assets", "exports", "sweeps"])
def test_a_reports_folder_in_the_default_sites_shared_folders_is_refused(fake, monkeypatch, capsys, shared):
    """NATO_REPORTS_DIR=reports/assets wrote a second site (index.html, assets/assets/ …) among the default site's
    shared files."""
    site = fake.root / "reports"
    monkeypatch.setattr(paths, "REPORTS", site)
    (site / shared).mkdir(parents=True)
    for target in (site / shared, site / shared / "mine"):
        fake.reports = target
        assert build_here(fake, monkeypatch, "--only", "03", "--lang", "en") == 2
        err = capsys.readouterr().err.strip().splitlines()
        how = "is" if target == site / shared else "is inside"
        assert len(err) == 1 and f"NATO_REPORTS_DIR {target} {how} {shared}/ of the reports folder {site}" in err[0]
        assert "allowed: a reports folder of its own, not in assets/, exports/, sweeps/" in err[0]
        assert [p.name for p in site.rglob("*")] == [shared], "the build wrote into the default site"


def test_a_reports_folder_holding_arabic_pages_is_refused_to_the_english_edition(fake, monkeypatch, capsys):
    before = _site(fake.root / "elsewhere", ARABIC_PAGE)
    fake.reports = fake.root / "elsewhere"
    assert build_here(fake, monkeypatch, "--only", "03", "--lang", "en") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert f"the English edition's reports folder {fake.reports} holds pages of another edition " \
           f'(index.html is <html lang="ar">)' in err[0], err
    assert {p.name: p.read_bytes() for p in fake.reports.iterdir()} == before, "a good Arabic page was replaced"


def test_an_arabic_edition_folder_holding_english_pages_is_refused(fake, monkeypatch, capsys):
    before = _site(fake.root / "site" / "ar", ENGLISH_PAGE)
    fake.reports = fake.root / "site"
    assert build_here(fake, monkeypatch, "--only", "03", "--lang", "ar") == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "the Arabic edition's reports folder" in err[0] and 'lang="en"' in err[0], err
    assert {p.name: p.read_bytes() for p in (fake.reports / "ar").iterdir()} == before


@pytest.mark.parametrize("place, what", [("docs", "the documentation folder"), (".ci", "the CI folder"),
                                         (".cache/staging", "the build's staging folder")])
def test_a_reports_folder_inside_a_project_folder_of_its_own_is_refused(tmp_path, place, what):
    """NATO_REPORTS_DIR=$PWD/docs (or .ci, or .cache/staging) wrote index.html, assets/ and exports/ beside
    docs/performance.md and the .ci/run script, or into the shared staging folder."""
    from helpers.pipeline import folders

    target = paths.ROOT / place / "site"
    outputs = {"reports": target, "build": tmp_path / "build", "cache": tmp_path / "cache"}
    with pytest.raises(folders.FolderError) as err:
        folders.check(outputs, paths.COLLECTION)
    assert f"the reports folder {target} is inside {what}" in str(err.value) and "NATO_REPORTS_DIR" in str(err.value)
    assert not target.exists()
