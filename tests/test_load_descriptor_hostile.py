"""Hostile data package descriptors (issue 20): a bound that is not a finite number (``NaN`` switched the rule
off), a number of thousands of digits, a pattern that is not a regular expression, nesting too deep for Python, a
duplicated key, a resource path outside the data folder. Each is refused in one line naming the descriptor, and
for a constraint the resource, field and constraint, instead of a traceback or a rule silently obeyed in part."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import load, paths

FIXTURES = Path(__file__).parent / "fixtures" / "data"
_MINIMUM = '"minimum": 0'


@pytest.fixture
def data(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(FIXTURES, d)
    shutil.copy(paths.DATAPACKAGE, d / "datapackage.json")
    return d


def _set_value_minimum(d: Path, text: str) -> None:
    """capabilities.value's minimum (0 in the real package) written as ``text``."""
    p = d / "datapackage.json"
    s = p.read_text(encoding="utf-8")
    i = s.index('"description": "Value in unit."')
    j = s.index(_MINIMUM, i)
    p.write_text(s[:j] + f'"minimum": {text}' + s[j + len(_MINIMUM):], encoding="utf-8")


def _refusal(d: Path, name: str = "capabilities") -> str:
    with pytest.raises(load.DataError) as info:
        load.table(name, d)
    text = str(info.value)
    assert "datapackage.json:" in text and "\n" not in text
    return text


@pytest.mark.parametrize("bound, shown", [("NaN", "NaN"), ("Infinity", "Infinity"), ("-Infinity", "-Infinity"),
                                          ("-1e999", "-Infinity"), ("1e300", "1e+300"), ('"0"', "'0'"),
                                          ("true", "true"), ("9" * 5000, "(5,000 characters)")])
def test_a_bound_that_is_not_a_finite_number_is_refused_naming_resource_field_and_constraint(data, bound, shown):
    _set_value_minimum(data, bound)
    text = _refusal(data)
    assert "resource capabilities, field value, constraint minimum:" in text and shown in text
    assert "finite numbers no larger than 1e15" in text
    assert len(text) < 400


def test_a_nan_minimum_no_longer_lets_a_negative_value_through(data):
    """The reported case: with "minimum": NaN a spending of -5000 loaded without a word."""
    rows = (data / "capabilities.csv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    cells = rows[1].split(",")
    cells[header.index("value")] = "-5000"
    rows[1] = ",".join(cells)
    (data / "capabilities.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    _set_value_minimum(data, "NaN")
    assert "constraint minimum: NaN" in _refusal(data)


def test_a_pattern_that_is_not_a_regular_expression_is_refused(data):
    p = data / "datapackage.json"
    p.write_text(p.read_text(encoding="utf-8").replace('"pattern": "^[A-Z]{3}$"', '"pattern": "(["', 1),
                 encoding="utf-8")
    text = _refusal(data, "states")
    assert "constraint pattern: '([' is not a regular expression" in text


def test_a_descriptor_nested_too_deeply_is_refused_in_one_line(data):
    (data / "datapackage.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "nested too deeply" in _refusal(data)


def test_a_duplicated_key_is_refused_not_resolved_to_the_last(data):
    p = data / "datapackage.json"
    p.write_text(p.read_text(encoding="utf-8").replace('"resources"', '"profile": "a", "profile": "b", "resources"',
                                                       1), encoding="utf-8")
    assert "the key 'profile' appears twice" in _refusal(data)


@pytest.mark.parametrize("path", ["../../../etc/passwd", "/etc/passwd", "sub/../../x.csv", "C:\\x.csv"])
def test_a_resource_path_outside_the_data_folder_is_refused_and_never_read(data, path):
    p = data / "datapackage.json"
    p.write_text(p.read_text(encoding="utf-8").replace('"path": "events.csv"', f'"path": {path!r}'.replace("'", '"')
                                                       .replace("\\", "\\\\"), 1), encoding="utf-8")
    text = _refusal(data, "events")
    assert "resource events: path" in text and "points outside the data folder" in text
    assert "root:" not in text
