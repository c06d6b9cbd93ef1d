"""README.md: the two commands are there and the table of notebooks matches notebooks/collection.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_table_of_notebooks_is_generated_from_the_section_map():
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_readme.py"), "--check"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr


def test_readme_lists_every_notebook_title_and_the_two_commands():
    sys.path.insert(0, str(ROOT / "scripts"))
    import make_readme

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make reports" in readme and "make test" in readme
    from helpers import params, paths

    for nb in params.notebooks(paths.COLLECTION):
        assert f"[{nb.title}](notebooks/{nb.stem}.py)" in readme
    assert make_readme.table() in readme


def _section(readme: str, heading: str) -> str:
    return readme.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_the_papermill_refusal_is_shown_as_it_really_ends():
    """The README shows the last line papermill prints for a bad value: the notebook's own ParameterError."""
    from helpers import params

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = _section(readme, "Running a notebook with papermill yourself").split("```text\n", 1)[1].split("```")[0]
    command, last = shown.splitlines()[0], shown.strip().splitlines()[-1]
    value = command.split("-p as_of ", 1)[1].strip()
    try:
        params.validated("02", as_of=value)
    except params.ParameterError as exc:
        assert last == f"ParameterError: {exc}"
    else:
        raise AssertionError(f"{value} is accepted; the README's example of a refusal is wrong")


def test_the_readme_says_how_long_the_commands_take_and_what_make_test_installs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = _section(readme, "Two commands")
    assert "minutes" in commands and "seconds" in commands
    script = (ROOT / "scripts" / "ensure-system-deps.sh").read_text(encoding="utf-8")
    assert "apt-get install" in script and "apt-get install" in commands and "chromium" in commands.lower()


def test_the_own_parameters_section_stays_short():
    """The detail (names, cache, failure pages) lives in CONTRIBUTING.md; the README keeps the commands."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(_section(readme, "Building with your own parameters").strip().splitlines()) <= 14
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "## The build: parameters, cache and failures" in contributing
    assert "#the-build-parameters-cache-and-failures" in readme
