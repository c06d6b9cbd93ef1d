"""Issue 20, the sixth hostile round's leftovers: each test names the case and checks what a user sees (one line
naming the input, the problem and what is allowed; nothing half-written)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import params, paths


@pytest.fixture
def real_copy(tmp_path: Path) -> Path:
    """A copy of the real section map and data (``<tmp>/notebooks/collection.toml``, ``<tmp>/data``)."""
    (tmp_path / "notebooks").mkdir()
    shutil.copy(paths.COLLECTION, tmp_path / "notebooks" / "collection.toml")
    shutil.copytree(paths.DATA, tmp_path / "data", ignore=shutil.ignore_patterns("provenance"))
    return tmp_path / "notebooks" / "collection.toml"


def real_build(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NATO_REPORTS_DIR": str(tmp / "reports"), "NATO_BUILD_DIR": str(tmp / "build"),
           "NATO_CACHE_DIR": str(tmp / "cache")}
    env.pop("NATO_COLLECTION", None)
    return subprocess.run([sys.executable, "-m", "helpers.pipeline", *args], env=env, cwd=tmp, capture_output=True,
                          text=True, timeout=120)


# --- case 31: an organisation the data knows but 07 does not code --------------------------------------------


def test_an_organisation_07_does_not_code_is_refused_before_any_kernel(real_copy, tmp_path):
    res = real_build(tmp_path, "--collection", str(real_copy), "--only", "07", "-p", "orgs", "PFP")
    assert res.returncode == 2, res.stdout + res.stderr
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    line = lines[0]
    assert "'orgs' = 'PFP'" in line and "does not code" in line
    allowed = line.split("allowed:", 1)[1]
    assert "NATO" in allowed and "EURASIAN_FRAMEWORK" in allowed and "PFP" not in allowed
    assert not any((tmp_path / d).exists() for d in ("reports", "build", "cache"))


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
