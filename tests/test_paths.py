"""helpers.paths.shown: the one way a message or a build record names a file (issue 19, one home for each fact)."""

from __future__ import annotations

import re
from pathlib import Path

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
