"""The site's shared files and the build's own housekeeping under hostile conditions: a disk that fills while the
shared files are written, an empty staging folder after a failed write, two builds at once on one cache."""

from __future__ import annotations

import errno
import os
import shutil

import pytest
from build_runs import build_here

pytestmark = pytest.mark.slow


def test_a_disk_full_on_a_fresh_reports_folder_writes_no_half_site_and_says_what_is_missing(fake, monkeypatch,
                                                                                          capsys):
    """On a fresh reports folder a full disk wrote the page, fonts.css and some fonts, then no other font, no search
    index and no index page, in three lines. The shared files are now one set (all or none), and one line names
    every part not written with its reason; the exit code is 1."""
    assert fake.build("--only", "03").returncode == 0
    shutil.rmtree(fake.reports)  # a fresh reports folder; the kept executed notebook renders the page again
    real_fsync = os.fsync

    def full(fd):
        name = os.path.basename(os.readlink(f"/proc/self/fd/{fd}"))
        if name.startswith((".NotoSansReport-Regular.ttf.", ".search-index.js.", ".index.html.")):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_fsync(fd)

    capsys.readouterr()
    with monkeypatch.context() as m:
        m.setattr(os, "fsync", full)
        code = build_here(fake, monkeypatch, "--only", "03")
    out, err = capsys.readouterr()
    assert code == 1, out + err
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, err
    line = errors[0]
    assert "3 parts of the site were not written" in line, line
    for part in ("shared assets (assets/: fonts.css", "search index (assets/search-index.js)", "index (index.html)"):
        assert part in line, line
    assert line.count("No space left on device") == 3, line
    files = sorted(p.relative_to(fake.reports).as_posix() for p in fake.reports.rglob("*") if p.is_file())
    assert files == ["03-gamma.html"], files  # the page, and no half of the shared files
