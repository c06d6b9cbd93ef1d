"""An index the build could not write (a data file it reads is bad): the earlier index is kept, and the build says
plainly that it is out of date and which failed reports it still shows as good."""

from __future__ import annotations


def _build_with_a_broken_index(fake, monkeypatch, capsys, *args: str) -> str:
    """The build run here with the index's renderer failing as on a bad data file; its stderr."""
    from helpers import load, render
    from helpers.pipeline import cli

    def broken(*_a, **_k):
        raise load.DataError([load.Problem("data/principles.csv", 2, "label", "U+2028 is a control character",
                                           "one line of text")])

    for key, value in fake.env().items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(render, "render_index", broken)
    capsys.readouterr()
    cli.build(list(args))
    return capsys.readouterr().err


def test_an_index_left_in_place_names_the_failed_report_it_still_shows_as_good(fake, monkeypatch, capsys):
    """The index could not be rewritten (bad data) and still showed 01 as good while .failed-builds.json listed it;
    the build said only that the index was not written, and that "its index marks" reports it did not mark."""
    assert fake.build().returncode == 0
    index = (fake.reports / "index.html").read_bytes()
    fake.set_code("01-alpha", 3, 'raise RuntimeError("alpha broke")')
    err = _build_with_a_broken_index(fake, monkeypatch, capsys, "--only", "01")
    assert (fake.reports / "index.html").read_bytes() == index  # the previous index is kept ...
    line = next(x for x in err.splitlines() if "the index (index.html)" in x)
    assert "data/principles.csv row 2" in line  # ... and the build says what it gets wrong
    assert "the index left in place (" in line and "index.html) is out of date: it still shows 01-alpha, " \
        "01-alpha--early as good, though the last build of each failed (listed in " in line
    assert line.endswith(".failed-builds.json)")
    alpha = fake.data / "alpha.csv"
    alpha.write_text(alpha.read_text(encoding="utf-8") + "c,2011-01-01,\n", encoding="utf-8")
    err = _build_with_a_broken_index(fake, monkeypatch, capsys, "--only", "02")
    assert "its index marks them" not in err
    assert "its index could not be written and does not mark them" in err, err


def test_an_index_that_already_marks_the_failure_is_not_said_to_show_it_as_good(fake, monkeypatch, capsys):
    assert fake.build().returncode == 0
    fake.set_code("01-alpha", 3, 'raise RuntimeError("alpha broke")')
    assert fake.build("--only", "01").returncode == 1  # the index is written, marking 01's failure
    err = _build_with_a_broken_index(fake, monkeypatch, capsys, "--only", "01", "--force")
    line = next(x for x in err.splitlines() if "the index (index.html)" in x)
    assert "data/principles.csv row 2" in line and "still shows" not in line and "out of date" not in line
