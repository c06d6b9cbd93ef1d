"""helpers.paths.shown: the one way a message or a build record names a file (issue 19, one home for each fact)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import cache, paths

HELPERS = Path(__file__).resolve().parents[1] / "src" / "helpers"


def test_a_file_in_the_project_is_named_from_its_root_and_one_outside_as_given(tmp_path):
    assert paths.shown(paths.DATA / "memberships.csv") == "data/memberships.csv"
    assert paths.shown(paths.ROOT / "notebooks" / ".." / "data" / "sources.csv") == "data/sources.csv"
    assert paths.shown(tmp_path / "mine.csv") == str(tmp_path / "mine.csv")
    assert cache.relative(paths.ROOT / "reports" / "index.html") == "reports/index.html"


def test_no_other_module_makes_a_path_relative_to_the_project_itself():
    """A message, a data error and a build record name a file the same way because one function does it."""
    own = sorted(p.relative_to(HELPERS).as_posix() for p in HELPERS.rglob("*.py")
                 if p.name != "paths.py" and re.search(r"relative_to\((paths\.)?ROOT\)", p.read_text("utf-8")))
    assert own == []


@pytest.mark.parametrize("var, value", [("NATO_EDITIONS", "fr"), ("NATO_EDITIONS", "en ar"),
                                        ("NATO_EDITIONS", "arabic"), ("NATO_EDITIONS", "en,en"),
                                        ("NATO_LANG", "xx"), ("NATO_LANG", "arabic")])
def test_an_edition_setting_that_names_no_edition_is_refused_in_one_line(monkeypatch, capsys, var, value):
    from helpers.pipeline import cli

    monkeypatch.setenv(var, value)
    assert cli.build(["--only", "00", "--list"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {var}={value!r} ") and "\n" not in err
    assert "allowed: en" in err and "ar" in err


def test_the_edition_settings_name_the_editions(monkeypatch):
    monkeypatch.setenv("NATO_EDITIONS", " AR , en ")
    assert paths.editions() == ["en", "ar"]
    monkeypatch.setenv("NATO_EDITIONS", "ar")
    assert paths.editions() == ["ar"]
    monkeypatch.delenv("NATO_EDITIONS")
    assert paths.editions() == ["en", "ar"]
    monkeypatch.setenv("NATO_LANG", "AR")
    assert paths.language() == "ar"
    monkeypatch.setenv("NATO_LANG", "xx")
    with paths.using(lang="en"):  # the build scopes its edition: the variable is not read
        assert paths.language() == "en"
    with pytest.raises(paths.SettingError, match="NATO_LANG='xx' is not an edition"):
        paths.language()
