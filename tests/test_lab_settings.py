"""``scripts/lab_settings.py`` on a shared environment (issue 20, hostile review 7, D-L3): the rewritten settings file
keeps its permissions, a linked file stays a link, and a file it creates is named."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "lab_settings.py"


def _run(target: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), str(target)], capture_output=True, text=True, timeout=60)


def test_the_rewritten_file_keeps_its_mode_and_a_link_stays_a_link(tmp_path):
    real = tmp_path / "shared" / "overrides.json"
    real.parent.mkdir()
    real.write_text('{"mine": {"y": 1}}', encoding="utf-8")
    os.chmod(real, 0o644)
    link = tmp_path / "overrides.json"
    link.symlink_to(real)
    res = _run(link)
    assert res.returncode == 0, res.stderr
    assert link.is_symlink(), "the link was replaced by a file"
    assert oct(real.stat().st_mode & 0o777) == oct(0o644), "other users can no longer read the settings"
    assert json.loads(real.read_text(encoding="utf-8"))["mine"] == {"y": 1}


def test_a_file_it_creates_is_named(tmp_path):
    target = tmp_path / "new" / "overrides.json"
    res = _run(target)
    assert res.returncode == 0 and target.is_file()
    assert f"{target}: written with the project's JupyterLab settings" in res.stderr


def test_a_plugin_value_that_is_not_an_object_is_kept_and_named(tmp_path):
    """A user's settings for one of our plugins written as a string were dropped without a word (replaced by
    ours); the file is now left as it is, and one line names the plugin, what it holds and what is allowed."""
    plugin = next(iter(json.loads((SCRIPT.parent / "lab-overrides.json").read_text(encoding="utf-8"))))
    target = tmp_path / "overrides.json"
    text = json.dumps({plugin: "off", "mine": {"y": 1}})
    target.write_text(text, encoding="utf-8")
    res = _run(target)
    assert res.returncode == 0, res.stderr
    assert target.read_text(encoding="utf-8") == text, "the user's value was replaced"
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and plugin in lines[0] and '"off"' in lines[0] and "a JSON object" in lines[0], lines
