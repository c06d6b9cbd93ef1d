"""Issue 20, the sixth hostile round's leftovers: each test names the case and checks what a user sees (one line
naming the input, the problem and what is allowed; nothing half-written)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from build_runs import kernels_of, run_real_build

from helpers import params, paths

# --- case 31: an organisation the data knows but 07 does not code --------------------------------------------


def test_an_organisation_07_does_not_code_is_refused_before_any_kernel(real_copy, tmp_path):
    res = run_real_build(tmp_path, "--collection", str(real_copy), "--only", "07", "-p", "orgs", "PFP")
    assert res.returncode == 2, res.stdout + res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    line = lines[0]
    assert "'orgs' = 'PFP'" in line and "does not code" in line
    allowed = line.split("allowed:", 1)[1]
    assert "NATO" in allowed and "EURASIAN_FRAMEWORK" in allowed and "PFP" not in allowed
    assert not any((tmp_path / d).exists() for d in ("reports", "build", "cache"))


def test_an_organisation_07_codes_but_not_on_the_date_is_refused_before_any_kernel(real_copy, tmp_path):
    """``-p orgs WARSAW`` (dissolved in 1991) on 07's 2024 date failed only inside the notebook's kernel."""
    res = run_real_build(tmp_path, "--collection", str(real_copy), "--only", "07", "-p", "orgs", "WARSAW")
    assert res.returncode == 2, res.stdout + res.stderr
    [line] = res.stderr.strip().splitlines()
    assert "'orgs' = 'WARSAW' and 'as_of' = '2024-04-30'" in line and "WARSAW dissolved 1991-07-01" in line, line
    allowed = line.split("allowed:", 1)[1]
    assert "NATO" in allowed and "WARSAW" not in allowed and "'as_of'" in allowed
    assert not any((tmp_path / d).exists() for d in ("reports", "build", "cache"))
    assert params.check_all("07", {"orgs": "WARSAW", "as_of": "1980-01-01"})["orgs"] == ["WARSAW"]


def test_07_lists_only_the_organisations_it_codes():
    text = params.allowed_text("07", "orgs")
    assert "NATO" in text and "SCO" in text and "PFP" not in text and "SEATO" not in text


# --- low 7: a reordered list is the same report ------------------------------------------------------------------


def test_a_reordered_org_list_builds_one_report_not_two(fake):
    first = fake.built(fake.build("--only", "02", "-p", "orgs", "SCO,NATO"))
    again = fake.built(fake.build("--only", "02", "-p", "orgs", "NATO,SCO"))
    assert len(first) == 1 and again == []
    assert len([p for p in fake.reports.glob("02-beta*.html")]) == 1


def test_a_reordered_list_reads_back_in_the_order_of_its_source():
    assert params.normalised("07", {"orgs": "SCO,NATO"}) == {"orgs": "NATO,SCO"}
    assert params.normalised("09", {"claim_types": "normative,factual"}) == {"claim_types": "factual,normative"}


# --- low 6: SIGTERM during a build -------------------------------------------------------------------------------


@pytest.mark.parametrize("name, code", [("SIGTERM", 143), ("SIGHUP", 129)])
def test_sigterm_during_a_build_says_what_stopped_in_one_line(fake, name, code):
    """SIGTERM as `kill` or a service manager sends it; SIGHUP as a closed terminal does (hostile round 13, D18:
    it printed a worker's traceback and "leaked semaphore objects", and no line of its own)."""
    import signal

    proc = fake.popen("--only", "03", "-p", "mode", "slow")
    while not kernels_of(fake.build_dir) and proc.poll() is None:  # the report is running in its kernel
        time.sleep(0.05)
    proc.send_signal(getattr(signal, name))  # to the build process only
    proc.wait(timeout=60)
    err = proc.stderr.read().strip().splitlines()
    assert proc.returncode == code
    assert len(err) == 1 and err[0].startswith(
        f"terminated ({name}): the English edition's build stopped with 0 of its 1 report(s) to build finished")
    assert "no good report was overwritten" in err[0]
    assert not list(fake.reports.glob("03-gamma*.html"))


# --- low 1: the live preview and a reader or a pipe that goes away ----------------------------------------------


def _hang_up(server, path: str) -> None:
    """Ask for ``path`` and close the connection at once, with a reset, before the answer is read."""
    import socket
    import struct

    host, port = server.httpd.server_address[:2]
    conn = socket.create_connection((host, port), timeout=10)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.sendall(f"GET {path} HTTP/1.0\r\n\r\n".encode())
    conn.close()


def test_a_reader_who_leaves_mid_page_prints_no_traceback_in_the_preview(tmp_path, capfd):
    from helpers.pipeline import preview_server

    (tmp_path / "big.html").write_bytes(b"<html><body>" + b"x" * 8_000_000 + b"</body></html>")
    (tmp_path / "big.css").write_bytes(b"x" * 8_000_000)
    server = preview_server.PreviewServer(tmp_path).start()
    try:
        capfd.readouterr()
        for _ in range(3):
            _hang_up(server, "/big.html")
            _hang_up(server, "/big.css")
        time.sleep(1)  # let the handler threads meet the closed connections (no timing is asserted)
    finally:
        server.stop()
    err = capfd.readouterr().err
    assert "Traceback" not in err and "BrokenPipe" not in err and "ConnectionReset" not in err, err


# --- low 9: a zero-width space in a refused value ----------------------------------------------------------------


@pytest.mark.parametrize("args", [["-p", "orgs", "NATO,SC\u200bO"], ["-p", "or\u200bgs", "NATO"]])
def test_a_zero_width_space_in_a_refusal_is_shown_as_its_code(fake, args):
    res = fake.build("--only", "02", *args)
    line = res.stderr.strip()
    assert res.returncode == 2 and "\n" not in line, res.stderr
    assert "\u200b" not in line and "\\u200b" in line, line


# --- low 10: a 2 MB value in a CSV ---------------------------------------------------------------------------------


def test_a_2_mb_value_is_named_as_too_long_not_as_a_quote(fake):
    (fake.data / "alpha.csv").write_text("event_id,date,note\na,1985-03-01," + "x" * 2_000_000 + "\nb,2010-06-30,\n")
    res = fake.build("--only", "01")
    lines = res.stderr.strip().splitlines()
    assert res.returncode == 2 and len(lines) == 1 and "Traceback" not in res.stderr, res.stderr
    assert "alpha.csv row 2: a value longer than 131,072 characters" in lines[0] and "quote" not in lines[0]


def test_a_2_mb_value_is_named_by_the_loader_too(tmp_path):
    from helpers import load

    data = tmp_path / "data"
    shutil.copytree(Path(__file__).parent / "fixtures" / "data", data)
    shutil.copy(paths.DATAPACKAGE, data / "datapackage.json")
    states = data / "states.csv"
    states.write_text(states.read_text().replace("FRA,France,", "FRA," + "y" * 2_000_000 + ",", 1))
    with pytest.raises(load.DataError) as err:
        load.table("states", data)
    assert "row 3: a value longer than 131,072 characters" in str(err.value) and "quote" not in str(err.value)


# --- low 4: a .py whose parameters cell disagrees with the section map ------------------------------------------


def test_a_py_literal_that_disagrees_with_the_section_map_is_refused_naming_both(fake):
    (fake.notebooks / "03-gamma.py").write_text(
        '# %% [markdown]\n# A fake notebook\n\n# %% tags=["parameters"]\nmode = "slow"\n\n# %%\nprint(mode)\n')
    res = fake.build("--only", "03")
    lines = res.stderr.strip().splitlines()
    assert res.returncode == 2 and len(lines) == 1, res.stdout + res.stderr
    assert "parameter 'mode' has default 'ok' in collection.toml but 'slow' in 03-gamma.py" in lines[0]
    assert not fake.reports.exists()


# --- low 5: a pair the build will not sync names the exact commands -----------------------------------------------


def test_a_refused_pair_names_the_commands_and_the_drop_command_works(fake):
    import re
    import shlex

    import jupytext

    ipynb = fake.notebooks / "01-alpha.ipynb"
    py = ipynb.with_suffix(".py")
    jupytext.write(jupytext.read(ipynb), py, fmt="py:percent")
    py.write_text(py.read_text().replace("A fake notebook", "An edited fake notebook"))
    os.utime(ipynb, (py.stat().st_mtime + 5, py.stat().st_mtime + 5))  # the .ipynb looks edited after the .py
    res = fake.build("--only", "01")
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1, res.stderr
    commands = re.findall(r"`([^`]+)`", res.stderr)
    drop = [c for c in commands if "--to ipynb --update" in c]
    assert any("--to py:percent" in c and str(py) in c for c in commands), res.stderr
    assert len(drop) == 1 and drop[0].endswith(str(py)) and "make sync" not in drop[0], res.stderr
    # run as a user would, from the project's root: the line names the environment's jupytext relative to it
    subprocess.run(shlex.split(drop[0]), cwd=Path(__file__).resolve().parents[1], check=True, capture_output=True)
    assert "An edited fake notebook" in ipynb.read_text()  # the command did what the line said


# --- low 8: 09 with no forecast among the chosen claim types ----------------------------------------------------


def test_09_without_predictive_claims_says_so_in_a_sentence_in_both_editions(tmp_path):
    # two editions
    res = run_real_build(tmp_path, "--only", "09", "-p", "claim_types", "factual,normative", timeout=900)
    assert res.returncode == 0, res.stdout + res.stderr
    [en] = (tmp_path / "reports").glob("09-claims-ledger--*.html")
    [ar] = (tmp_path / "reports" / "ar").glob("09-claims-ledger--*.html")
    english, arabic = en.read_text(encoding="utf-8"), ar.read_text(encoding="utf-8")
    assert "<li>No forecast is among the listed claims: the chosen claim types leave out the predictive ones.</li>" \
        in english
    assert "0 forecasts" not in english
    assert "<li>لا توقّع بين المقولات المسرودة: أنواع المقولات المختارة تستبعد المقولات الاستشرافية.</li>" in arabic


# --- #49: a markdown image that is not there --------------------------------------------------------------------


def test_a_broken_relative_image_is_one_warning_line_naming_notebook_and_path(fake):
    (fake.notebooks / "figs").mkdir()
    (fake.notebooks / "figs" / "here.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    fake.set_markdown("01-alpha", "# A fake notebook\n\n![a map](figs/map.png)\n\n![here](figs/here.png)\n\n"
                      "![web](https://example.org/x.png)")
    res = fake.build("--only", "01")
    warnings = [line for line in res.stderr.splitlines() if line.startswith("warning:")]
    assert res.returncode == 0, res.stderr
    assert len(warnings) == 1, res.stderr
    assert "01-alpha.ipynb, markdown cell 0: image 'figs/map.png' not found" in warnings[0]
    assert str(fake.notebooks / "figs" / "map.png") in warnings[0]
