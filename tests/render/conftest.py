"""Fixtures of the render tests: the fixture notebook (``tests/fixtures/render/``) executed twice with papermill
and rendered once, shared by every ``test_render_*.py`` here (executed once per test session)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "fixtures" / "render"))
import build_fixture as fx  # noqa: E402


@pytest.fixture(scope="session")
def executed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("executed")
    with pytest.MonkeyPatch.context() as mp:  # undone even when execution fails
        mp.setenv("NATO_SOURCES_CSV", str(fx.SOURCES))
        first = fx.execute(folder / "run1.ipynb")
        second = fx.execute(folder / "run2.ipynb")
    return first, second


@pytest.fixture(scope="session")
def rendered(executed, tmp_path_factory):
    """Every file of the fixture's site (report, variant, index, assets, exports), by relative path."""
    folder = tmp_path_factory.mktemp("reports")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NATO_SOURCES_CSV", str(fx.SOURCES))
        return fx.render_site(executed[0], folder)


@pytest.fixture()
def page(rendered) -> str:
    return rendered[fx.ENTRY.output].decode("utf-8")


@pytest.fixture(autouse=True)
def _fixture_sources(monkeypatch):
    monkeypatch.setenv("NATO_SOURCES_CSV", str(fx.SOURCES))
