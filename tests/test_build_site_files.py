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


def test_a_failed_write_leaves_no_empty_staging_folder_beside_the_reports(fake, monkeypatch, capsys):
    """With the staging folder beside the reports folder (``.rep.staging``), a build whose every write failed left
    that folder behind, empty. The half-written files are removed, and now the folder too."""
    from helpers import paths

    site = fake.root / "site"
    monkeypatch.setattr(paths, "CACHE", fake.root / "no-cache-here" / "build")
    (fake.root / "no-cache-here").write_text("a file, so the staging folder goes beside the reports", "utf-8")
    fake.reports = site / "rep"
    real_fsync = os.fsync

    def full(fd):
        if "/.rep.staging/" in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full)
    code = build_here(fake, monkeypatch, "--only", "03", "--jobs", "1")
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 1 and "No space left on device" in err, err
    assert sorted(p.name for p in site.iterdir()) == ["rep"], "the staging folder was left behind"


def test_a_second_build_on_the_same_cache_waits_for_the_first_and_says_so(fake):
    """Two builds at once on one reports folder and cache wrote the same files and records together. A second
    build now says in one line that another build (naming its process) holds the cache folder, and starts when it
    ends."""
    import fcntl

    from helpers.pipeline import build_lock

    fake.cache.mkdir(parents=True)
    with open(fake.cache / build_lock.LOCK, "w") as held:  # this test plays the first build
        fcntl.flock(held, fcntl.LOCK_EX)
        held.write("4242")
        held.flush()
        second = fake.popen("--only", "03")
        first_line = second.stderr.readline()  # blocks until the second build says something
        assert first_line.startswith("waiting: another build (process 4242) is using the cache folder"), first_line
        assert str(fake.cache) in first_line and "starts when it ends" in first_line, first_line
        assert not fake.reports.joinpath("03-gamma.html").exists(), "the second build did not wait"
    out, err = second.communicate(timeout=300)
    assert second.returncode == 0, out + err
    assert fake.reports.joinpath("03-gamma.html").exists()


def test_a_change_to_the_limits_alone_is_named_as_the_reason_a_report_runs_again(fake):
    """Changing only ``[limits]`` in ``collection.toml`` was reported as another change ("prose or titles
    changed", or "code cells, parameters, helpers or environment changed"); the summary now names the limit."""
    assert fake.build("--only", "03").returncode == 0
    text = fake.collection.read_text(encoding="utf-8")
    fake.collection.write_text("[limits]\ncell_output = 5000\n\n" + text, encoding="utf-8")
    res = fake.build("--only", "03")
    assert res.returncode == 0, res.stdout + res.stderr
    row = next(line for line in res.stdout.splitlines() if line.startswith("03-gamma "))
    assert "the limits in collection.toml changed (cell_output " in row and "→ 5000)" in row, row


def test_a_full_cache_disk_does_not_stop_the_build_at_its_lock(tmp_path, monkeypatch):
    """A cache folder on a full disk: writing the holder's process id into the lock file failed with a traceback
    (OSError 28) before the build could say anything; the lock is still taken and the build goes on to report
    what it could not write in its own lines."""
    import errno

    from helpers.pipeline import build_lock

    def full(*_):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(build_lock.os, "pwrite", full)
    entered = []
    with build_lock.held(tmp_path):
        entered.append(True)
    assert entered == [True]
