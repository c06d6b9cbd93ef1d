"""The environment: requirements.txt, environment.yml and constraints.txt agree; the installed packages are the
pinned ones; the Makefile sets up and builds as the README says; a test run that collects nothing fails."""

from __future__ import annotations

import os
import re
import subprocess
from importlib import metadata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;#]+)$")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name.split("[")[0]).lower()


def _pins(lines) -> dict[str, str]:
    out = {}
    for raw in lines:
        line = raw.strip()
        if not line or line.startswith(("#", "-")):
            continue
        m = PIN.match(line)
        assert m, f"not pinned with ==: {line!r}"
        out[_norm(m.group(1))] = m.group(2)
    return out


def requirements() -> dict[str, str]:
    return _pins((ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines())


def constraints() -> dict[str, str]:
    return _pins((ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines())


def test_environment_yml_lists_the_same_packages_at_the_same_versions():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    deps = env["dependencies"]
    pip_lists = [d["pip"] for d in deps if isinstance(d, dict) and "pip" in d]
    assert len(pip_lists) == 1, "environment.yml needs one `pip:` list"
    conda = [d for d in deps if isinstance(d, str)]
    assert "pip" in conda and any(d.startswith("python=3.1") for d in conda)
    assert _pins(pip_lists[0]) == requirements()
    assert "-e ." in pip_lists[0], "environment.yml's pip list must install the project itself (helpers)"


def test_constraints_pin_every_requirement_at_the_same_version():
    req, con = requirements(), constraints()
    differ = {k: (v, con.get(k)) for k, v in req.items() if con.get(k) != v}
    assert not differ, f"requirements.txt vs constraints.txt (run `make lock` after installing): {differ}"
    text = (ROOT / "constraints.txt").read_text(encoding="utf-8")
    assert "nato-eurasia-notebooks" not in text and "-e " not in text, "the editable project must not be pinned"


def test_installed_packages_are_the_pinned_ones():
    wrong = {}
    for name, version in constraints().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = None
        if installed != version:
            wrong[name] = (version, installed)
    assert not wrong, f"pinned vs installed (run `make setup` or rebuild .venv): {wrong}"


def _dry_run(target: str, **env: str) -> str:
    res = subprocess.run(["make", "-n", "-B", target], cwd=ROOT, capture_output=True, text=True, timeout=60,
                         env={**os.environ, **env})
    assert res.returncode == 0, res.stderr
    return res.stdout


def test_make_reports_sets_up_a_pinned_venv_then_builds():
    out = _dry_run("reports")
    assert "-m venv .venv" in out
    assert "pip install" in out and "-r requirements.txt -c constraints.txt" in out
    assert "-e ." in out
    assert out.index("-r requirements.txt") < out.index("-m helpers.pipeline")


def test_make_test_runs_system_deps_then_pytest_and_make_lab_is_local_with_token():
    out = _dry_run("test")
    assert "scripts/ensure-system-deps.sh" in out and "-m pytest" in out
    assert out.index("ensure-system-deps") < out.index("-m pytest")
    lab = _dry_run("lab")
    assert "--ServerApp.ip=127.0.0.1" in lab and "token" not in lab.lower()  # the token stays on (default)


def test_make_sync_keeps_ids_and_clears_outputs():
    out = _dry_run("sync")
    assert "jupytext --to ipynb --update" in out and "--sync" not in out
    assert "--clear-output" in out


def test_ci_entry_point_runs_the_readme_test_command_non_interactively():
    run = ROOT / ".ci" / "run"
    assert os.access(run, os.X_OK)
    text = run.read_text(encoding="utf-8")
    assert "CI=true" in text and "make test" in text and "</dev/null" in text
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make test" in readme and "make reports" in readme


def test_a_test_run_that_collects_nothing_fails(tmp_path):
    """pytest exits 5 when no test is collected; make (and so .ci/run) must fail, not pass silently."""
    res = subprocess.run(["make", "-o", ".venv/.installed", "test", "SYSTEM_DEPS=/nonexistent",
                          f"PYTEST_ARGS=-p no:cacheprovider {tmp_path}"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert res.returncode != 0
    assert "no tests ran" in res.stdout


def test_make_lab_keeps_the_users_own_jupyterlab_settings(tmp_path):
    """``make lab`` copied the project's settings over the environment's ``overrides.json`` every time, replacing
    any setting a user kept there, without a word. It now merges them: the user's other
    settings are kept, the project's (no news, no update check, no extension manager) are set, and it says so."""
    import json
    import sys

    root = ROOT
    recipe = (root / "Makefile").read_text(encoding="utf-8").split("\nlab:", 1)[1].split("\n\n", 1)[0]
    assert "scripts/lab_settings.py" in recipe and "lab-overrides.json" not in recipe.replace("#", "")
    target = tmp_path / "settings" / "overrides.json"
    target.parent.mkdir()
    mine = {"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"},
            "@jupyterlab/apputils-extension:notification": {"doNotDisturbMode": True}}
    target.write_text(json.dumps(mine), encoding="utf-8")
    res = subprocess.run([sys.executable, str(root / "scripts" / "lab_settings.py"), str(target)],
                         capture_output=True, text=True, timeout=60)
    now = json.loads(target.read_text(encoding="utf-8"))
    assert res.returncode == 0 and "kept" in res.stderr, res.stderr
    assert now["@jupyterlab/apputils-extension:themes"] == {"theme": "JupyterLab Dark"}
    assert now["@jupyterlab/apputils-extension:notification"] == {"doNotDisturbMode": True, "fetchNews": "false",
                                                                  "checkForUpdates": False}
    assert now["@jupyterlab/extensionmanager-extension:plugin"] == {"enabled": False}
    again = subprocess.run([sys.executable, str(root / "scripts" / "lab_settings.py"), str(target)],
                           capture_output=True, text=True, timeout=60)
    assert again.returncode == 0 and again.stderr == ""  # nothing to change, nothing said


def test_make_lab_settings_on_a_full_disk_leave_the_users_file_whole(tmp_path, monkeypatch, capsys):
    """On a full disk the settings file was rewritten in place and cut short, so the user's JupyterLab settings were
    lost as invalid JSON, with a traceback. It is written beside the file and
    moved over it: a failure leaves the file as it was and says so in one line, and ``make lab`` goes on."""
    import errno
    import importlib.util
    import json

    spec = importlib.util.spec_from_file_location("lab_settings", ROOT / "scripts" / "lab_settings.py")
    lab = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lab)
    target = tmp_path / "overrides.json"
    mine = json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "JupyterLab Dark"}})
    target.write_text(mine, encoding="utf-8")

    def full(*_args, **_kw):
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(lab.os, "replace", full)
    assert lab.main([str(target)]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "No space left on device" in err[0] and "left as they were" in err[0], err
    assert target.read_text(encoding="utf-8") == mine
    assert [p.name for p in tmp_path.iterdir()] == ["overrides.json"]  # no part file left
