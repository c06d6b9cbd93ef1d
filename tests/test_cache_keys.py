"""Every file and setting a page depends on is in its cache key (issue 20): the labels (read through the loader,
so validated and logged), every title in the sidebar, the declared data files only (a stray CSV is no data). The
edition's language is in the key too (tests/test_i18n.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import cache, load, paths, wording

FIXTURES = Path(__file__).parent / "fixtures" / "data"


def test_labels_are_logged_as_read(tmp_path, monkeypatch):
    log = tmp_path / "reads.log"
    monkeypatch.setenv(paths.READ_LOG_VAR, str(log))
    assert wording.label("EURASIAN_FRAMEWORK", "org_id") == "Proposed Eurasian framework"
    read = {Path(line).name for line in log.read_text(encoding="utf-8").splitlines()}
    assert "labels.csv" in read


def test_labels_are_validated(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES, data)
    shutil.copy(paths.DATAPACKAGE, data / "datapackage.json")
    text = (data / "labels.csv").read_text(encoding="utf-8")
    (data / "labels.csv").write_text(text + "states,Not A Column,x,y,\n", encoding="utf-8")
    monkeypatch.setattr(paths, "DATA", data)
    with pytest.raises(load.DataError, match="labels.csv row"):
        wording.lookup()


def test_a_stray_csv_is_no_data(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(FIXTURES, data)
    shutil.copy(paths.DATAPACKAGE, data / "datapackage.json")
    before = cache.data_fingerprint(cache.declared_hashes(data))
    (data / "draft-notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    assert cache.data_fingerprint(cache.declared_hashes(data)) == before
    declared = json.loads((data / "datapackage.json").read_text())["resources"][0]["path"]
    (data / declared).write_text((data / declared).read_text() + "\n", encoding="utf-8")
    assert cache.data_fingerprint(cache.declared_hashes(data)) != before


def _status(res) -> dict[str, str]:
    return {line.split()[0]: line.split()[1] for line in res.stdout.splitlines()
            if len(line.split()) > 1 and line.split()[1] in ("built", "cached", "FAILED")}


@pytest.mark.slow
def test_a_changed_title_reaches_every_sidebar(fake):
    first = fake.build()
    assert first.returncode == 0, first.stdout + first.stderr
    listed = first.stdout.split("reports written:")[1].split()
    assert listed[-1] == str(fake.reports / "index.html")  # the index is a page the build wrote, too
    text = fake.collection.read_text(encoding="utf-8")
    fake.collection.write_text(text.replace('title = "Gamma"', 'title = "Gamma renamed"'), encoding="utf-8")
    again = fake.build()
    assert again.returncode == 0, again.stdout + again.stderr
    assert set(_status(again).values()) == {"built"}, again.stdout  # every page shows the sidebar
    for name in ("01-alpha.html", "01-alpha--early.html", "02-beta.html"):
        assert "Gamma renamed" in (fake.reports / name).read_text(encoding="utf-8"), name
    # each says why it was written again, and no page says its prose changed: only the sidebar (and 03's title) did
    said = {line.split()[0]: line for line in again.stdout.splitlines() if " built " in f" {line} "}
    assert "what every page shows changed" in said["01-alpha"] and "prose" not in said["01-alpha"], said
    assert "its title, parameters or place in the collection changed" in said["03-gamma"], said


def test_an_edited_boundary_file_makes_a_map_report_stale(tmp_path, monkeypatch):
    """The maps' files (data/geo/) are read through the loader: logged as read, so an edit to either re-runs the
    report that drew the map, and checked like any table (a source that is not in sources.csv is refused)."""
    from helpers.pipeline import execute
    from helpers.tables import geo_shapes

    data = tmp_path / "data"
    shutil.copytree(FIXTURES, data)
    shutil.copy(paths.DATAPACKAGE, data / "datapackage.json")
    shutil.copy(paths.DATA / "geo" / "countries-110m.json", data / "geo" / "countries-110m.json")
    log = tmp_path / "reads.log"
    monkeypatch.setenv(paths.READ_LOG_VAR, str(log))
    shapes = geo_shapes.Boundaries(load.boundaries(data), load.geo_features(data))
    assert "Kosovo" in set(shapes.features()["name"])
    reads = execute._reads(log, None)
    assert {str(data / "geo" / f) for f in ("features.csv", "countries-110m.json")} <= {
        str(cache.resolve(rel)) for rel in reads}
    rec = {"key": "k", "render": "r", "data": reads, "outputs": {}}
    assert cache.why_stale(rec, "k", "r", tmp_path) == ("cached", None)
    features = data / "geo" / "features.csv"
    features.write_text(features.read_text(encoding="utf-8").replace("2008-02-17", "2009-02-17"), encoding="utf-8")
    assert cache.why_stale(rec, "k", "r", tmp_path) == ("execute", f"data changed: {cache.relative(features)}")
    features.write_text(features.read_text(encoding="utf-8").replace("fixture-a", "no-such-source"),
                        encoding="utf-8")
    with pytest.raises(load.DataError, match=r"geo/features.csv row 2, column source_id"):
        load.geo_features(data)


@pytest.mark.slow
def test_a_changed_output_limit_runs_the_report_again(fake):
    """A page cut under ``cell_output = 5000`` stayed cut (and said 'at most 5,000') after the limit was raised:
    the limit was not in the execution key, so the build only re-rendered the cut run."""
    text = fake.collection.read_text(encoding="utf-8")
    fake.set_code("01-alpha", 3, 'print("x" * 20_000)\nprint("ALPHA" + " done")')
    fake.collection.write_text("[limits]\ncell_output = 5000\n\n" + text, encoding="utf-8")
    assert "01-alpha" in fake.built(fake.build("--only", "01"))
    assert "ALPHA done" not in (fake.reports / "01-alpha.html").read_text(encoding="utf-8")
    fake.collection.write_text(text, encoding="utf-8")
    assert "01-alpha" in fake.built(fake.build("--only", "01"))
    page = (fake.reports / "01-alpha.html").read_text(encoding="utf-8")
    assert "ALPHA done" in page and "output cut" not in page


@pytest.mark.slow
def test_a_changed_bibliography_override_runs_the_report_again(fake, tmp_path):
    sources = tmp_path / "sources.csv"
    shutil.copy(FIXTURES / "sources.csv", sources)
    assert fake.built(fake.build("--only", "03", NATO_SOURCES_CSV=str(sources))) == ["03-gamma"]
    assert fake.built(fake.build("--only", "03", NATO_SOURCES_CSV=str(sources))) == []
    first = sources.read_text(encoding="utf-8").splitlines()[1]
    sources.write_text(sources.read_text(encoding="utf-8") + first.replace("fixture-", "fixture-new-", 1) + "\n",
                       encoding="utf-8")
    assert fake.built(fake.build("--only", "03", NATO_SOURCES_CSV=str(sources))) == ["03-gamma"]


@pytest.mark.parametrize("var, make, words", [
    ("NATO_SOURCES_CSV", lambda d: Path("/dev/null"), "not a readable UTF-8 CSV file with the bibliography's header"),
    ("NATO_SOURCES_CSV", lambda d: _written(d / "s.csv", "id,title\nx,y\n"), "first row is source_id,"),
    ("NATO_SOURCES_CSV", lambda d: _written(d / "s.csv", b"\xff\xfe"), "UTF-8"),
    ("NATO_SOURCES_CSV", lambda d: d / "missing.csv", "bibliography"),
    ("NATO_HELPERS_SRC", lambda d: d / "no-such-folder", "not an existing folder"),
    ("NATO_CONSTRAINTS", lambda d: d / "no-such-file.txt", "not an existing file"),
    # hostile rounds 12–13, D16: accepted, and the cache keyed on them
    ("NATO_CONSTRAINTS", lambda d: Path("/etc/passwd"), "line 1 is not a name==version pin"),
    ("NATO_CONSTRAINTS", lambda d: _written(d / "c.txt", "# nothing pinned\n"), "holds no pin"),
    ("NATO_HELPERS_SRC", lambda d: _folder(d / "empty"), "is not the helpers package (it has no __init__.py)"),
])
def test_an_override_that_names_nothing_usable_is_refused_before_any_kernel(fake, tmp_path, var, make, words):
    value = str(make(tmp_path))
    res = fake.build("--only", "03", **{var: value})
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1, res.stdout + res.stderr
    assert var in res.stderr and value in res.stderr and words in res.stderr and "allowed:" in res.stderr
    assert not fake.reports.exists() and not fake.cache.exists()


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


def _written(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path
