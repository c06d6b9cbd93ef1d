"""The map memo (``helpers.tables.geo_memo``) reads back only frames: a file planted in the memo folder that names
another callable is not run, and an entry of the wrong type is worked out again instead of breaking the report."""

from __future__ import annotations

import os
import pickle

import pandas as pd

from helpers import paths
from helpers.tables import geo_memo


class _Planted:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _keep(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "memo_dir", lambda: tmp_path / "memo")
    return geo_memo.keeper({"case": "x"}, [])


def _only_file(tmp_path):
    (found,) = list((tmp_path / "memo" / "geo").rglob("*.pickle"))
    return found


def test_a_kept_frame_reads_back_exactly(tmp_path, monkeypatch):
    keep = _keep(tmp_path, monkeypatch)
    frame = pd.DataFrame({"iso3": pd.array(["FRA", "DEU"], dtype="string"), "status": pd.Categorical(["a", "b"]),
                          "day": pd.to_datetime(["2024-04-30", "1949-04-04"]), "n": [1.5, 2.0]})
    keep("status", lambda: frame)
    calls = []
    again = keep("status", lambda: calls.append(1) or frame.iloc[:0])
    pd.testing.assert_frame_equal(again, frame)
    assert calls == []  # read from the folder, not worked out again


def test_a_planted_file_that_names_os_system_is_not_run_but_worked_out_again(tmp_path, monkeypatch):
    keep = _keep(tmp_path, monkeypatch)
    frame = pd.DataFrame({"n": [1, 2]})
    keep("status", lambda: frame)
    marker = tmp_path / "ran"
    _only_file(tmp_path).write_bytes(pickle.dumps(_Planted(marker)))
    got = keep("status", lambda: frame)
    assert not marker.exists(), "a planted pickle ran a command"
    pd.testing.assert_frame_equal(got, frame)
    pd.testing.assert_frame_equal(keep("status", lambda: frame.iloc[:0]), frame)  # and the good frame is kept again


def test_an_entry_that_is_not_a_frame_is_worked_out_again(tmp_path, monkeypatch):
    keep = _keep(tmp_path, monkeypatch)
    frame = pd.DataFrame({"n": [3]})
    keep("status", lambda: frame)
    _only_file(tmp_path).write_bytes(pickle.dumps(7))
    pd.testing.assert_frame_equal(keep("status", lambda: frame), frame)



def _memmap_pickle(module: str, target) -> bytes:
    """A protocol-0 pickle that calls ``module.memmap(target, "uint8", "w+", 0, (16,))``: rebuilding it would
    truncate ``target`` to 16 zero bytes."""
    return (f"c{module}\nmemmap\n(V{target}\nVuint8\nVw+\nI0\n(I16\nttR.").encode()


def test_a_planted_file_naming_numpys_memmap_changes_no_file(tmp_path, monkeypatch):
    """Hostile input: ``numpy._core`` also holds ``memmap``; a kept file that names it, under any of its module
    names, is refused before it is rebuilt, so a file elsewhere on disk keeps its bytes and the frame is worked out
    again."""
    keep = _keep(tmp_path, monkeypatch)
    frame = pd.DataFrame({"n": [1, 2]})
    keep("status", lambda: frame)
    victim = tmp_path / "victim.txt"
    for module in ("numpy._core.memmap", "numpy.core.memmap", "numpy"):
        victim.write_text("keep me")
        _only_file(tmp_path).write_bytes(_memmap_pickle(module, victim))
        got = keep("status", lambda: frame)
        assert victim.read_text() == "keep me", f"a planted {module}.memmap pickle changed a file"
        pd.testing.assert_frame_equal(got, frame)
