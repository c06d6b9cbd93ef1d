"""Report names and entries (no kernel): different values never share a report, equal values reuse the declared
report, names stay short enough for any file system, and every declared variant differs from its default."""

from __future__ import annotations

import re

import pytest

from helpers import params, paths
from helpers.pipeline import plan


@pytest.fixture
def real(monkeypatch):
    monkeypatch.delenv("NATO_COLLECTION", raising=False)
    return paths.COLLECTION


def _chosen(collection, only, **overrides):
    _, chosen = plan.all_entries(collection, overrides, [only])
    return chosen


def test_values_that_read_alike_never_share_a_report(real):
    comma = _chosen(real, "09", claim_types="factual,normative")
    assert len(comma) == 1 and str(comma[0].parameters["claim_types"]) == "factual,normative"
    # the space-separated spelling is not a list of known claim types: refused before any report is named
    with pytest.raises(params.ParameterError, match="unknown item"):
        _chosen(real, "09", claim_types="factual normative")


def test_arabic_indic_digits_name_the_report_by_the_checked_value(real):
    # ٢٠١٠ is 2010: the report is named after the number, and a different year gets a different name
    y2010 = _chosen(real, "05", year="٢٠١٠")[0]
    assert y2010.name == "05-balance-of-power--year-2010" and y2010.parameters["year"] == 2010
    assert _chosen(real, "05", year="2010")[0].name == y2010.name
    assert _chosen(real, "05", year="٢٠١٨")[0].name == "05-balance-of-power--year-2018"
    # ٢٠٢٣ is the default year: the default report itself
    assert _chosen(real, "05", year="٢٠٢٣")[0].name == "05-balance-of-power"


def test_a_long_value_gets_a_short_name_with_a_hash():
    long_a, long_b = "a" * 229 + "b", "a" * 229 + "c"
    name_a, name_b = plan.override_name({"claim_types": long_a}), plan.override_name({"claim_types": long_b})
    assert name_a != name_b
    assert len(name_a) <= plan.NAME_LIMIT and len(name_b) <= plan.NAME_LIMIT
    # whole file names (report, its exports folder, the cache record, the staging file) stay far below 255 bytes
    assert len(f".09-claims-ledger--{name_a}.html.XXXXXXXX.part".encode()) < 200


def test_safe_values_keep_their_plain_names():
    assert plan.override_name({"as_of": "2001-06-15"}) == "as_of-2001-06-15"
    assert plan.override_name({"focus_state": "IND"}) == "focus_state-IND"
    # a value that needed replacing carries a hash of the exact value, so it cannot meet another value's name
    assert plan.override_name({"orgs": "NATO,SCO"}).startswith("orgs-NATO_SCO-")
    assert plan.override_name({"orgs": "NATO,SCO"}) != plan.override_name({"orgs": "NATO_SCO"})


def test_values_equal_to_a_declared_variant_reuse_it(real):
    assert [e.name for e in _chosen(real, "07", as_of="2001-06-15")] == ["07-framework-or-alliance--2001-06-15"]
    assert [e.name for e in _chosen(real, "02", as_of="1991-12-31")] == ["02-nato-enlargement--1991-12-31"]
    assert [e.name for e in _chosen(real, "08", focus_state="IND")] == ["08-sco-multivector-states--india"]
    # and the default's values reuse the default report
    assert [e.name for e in _chosen(real, "02", as_of="2024-04-30")] == ["02-nato-enlargement"]
    # a value no declared report has gets a report of its own
    assert [e.name for e in _chosen(real, "07", as_of="2001-06-16")] == ["07-framework-or-alliance--as_of-2001-06-16"]


def test_every_declared_variant_differs_from_the_default_and_from_each_other(real):
    everything, _ = plan.all_entries(real)
    by_notebook: dict[str, list] = {}
    for e in everything:
        by_notebook.setdefault(e.id, []).append(e)
    for entries in by_notebook.values():
        seen = {}
        for e in entries:
            key = repr(sorted(e.parameters.items()))
            assert key not in seen, f"{e.name} has the same parameters as {seen.get(key)}"
            seen[key] = e.name


def test_entries_are_read_by_attribute_only(real):
    everything, _ = plan.all_entries(real)
    entry = everything[0]
    assert entry.name == "00-article-at-a-glance" and entry.output == "00-article-at-a-glance.html"
    with pytest.raises(TypeError):
        entry["name"]  # noqa: B018  (no dict-style access: one way to read an entry)


def test_one_reader_of_the_section_map():
    """Only helpers.section_map parses collection.toml; everything else goes through it."""
    root = paths.ROOT
    parsers = []
    for folder in ("src", "scripts"):
        for py in sorted((root / folder).rglob("*.py")):
            text = py.read_text(encoding="utf-8")
            if "tomllib.load" in text:
                parsers.append(py.relative_to(root).as_posix())
    # render.py is owned elsewhere and still reads the map itself; it is the one exception left
    # render/how_to_cite.py reads pyproject.toml (the collection's version), not the section map
    assert set(parsers) <= {"src/helpers/section_map.py", "src/helpers/render.py",
                            "src/helpers/render/how_to_cite.py"}, parsers


def test_environment_overrides_are_read_in_paths_only():
    root = paths.ROOT
    readers = []
    for py in sorted((root / "src" / "helpers").rglob("*.py")):
        text = py.read_text(encoding="utf-8")
        if re.search(r'(environ\.get\(|getenv\(|environ\[)"NATO_\w+"(?!\]\s*=)', text):
            readers.append(py.relative_to(root).as_posix())
    # present.py and load.py are owned elsewhere; paths.sources_csv() and paths.read_log() wait for them
    assert set(readers) <= {"src/helpers/paths.py", "src/helpers/present.py", "src/helpers/load.py"}, readers


def test_collection_errors_still_name_the_file(tmp_path):
    bad = tmp_path / "collection.toml"
    bad.write_text("[[notebook]\n", encoding="utf-8")
    with pytest.raises(params.CollectionError, match="collection.toml: not valid TOML"):
        params.notebooks(bad)


def test_execution_key_ignores_markdown_but_not_code_or_tags(tmp_path):
    import nbformat

    from helpers import cache

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), nbformat.v4.new_code_cell("x = 1")]
    path = tmp_path / "n.ipynb"

    def key():
        nbformat.write(nb, path)
        return cache.execution_key(notebook=path, parameters={"a": 1}, code="c", env="e")

    first = key()
    nb.cells[0].source = "# Another title\n\nWith prose."
    nb.cells.insert(1, nbformat.v4.new_markdown_cell("More prose."))
    assert key() == first
    nb.cells[-1].metadata["tags"] = ["parameters"]
    tagged = key()
    assert tagged != first
    nb.cells[-1].source = "x = 2"
    assert key() not in (first, tagged)
    assert cache.execution_key(notebook=path, parameters={"a": 2}, code="c", env="e") != key()
