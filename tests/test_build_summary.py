"""The build's summary prints error text as text (issue 20): on a terminal, brackets in an exception's message are
not rich markup (no crash, nothing swallowed, no hyperlink); anywhere, escape sequences from a message never reach
the user's terminal."""

from __future__ import annotations

import io
import sys

from helpers.pipeline import summary

HOSTILE = ("KeyError: [/source_id] missing in [columns]; [link=https://example.org]click[/link] "
           "\x1b]8;;https://example.org\x07here\x1b]8;;\x07 \x1b[2J\x1b[31mred\x1b[0m\nsecond line")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _finish(monkeypatch, out) -> str:
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setenv("COLUMNS", "400")
    table = [("01-alpha", "FAILED", "1.0s", HOSTILE)]
    code = summary.finish(table, {"01-alpha": "01-alpha.html"}, summary.Path("/tmp"))
    assert code == 1
    return out.getvalue()


def test_a_message_with_brackets_is_printed_as_written_on_a_terminal(monkeypatch, capsys):
    text = _finish(monkeypatch, Terminal())
    for literal in ("[/source_id]", "[columns]", "[link=https://example.org]click[/link]"):
        assert literal in text, text
    assert "\x1b]8;" not in text and "\x1b[2J" not in text


def test_escape_sequences_never_reach_a_plain_output(monkeypatch, capsys):
    text = _finish(monkeypatch, io.StringIO())
    assert "\x1b" not in text and "\x07" not in text
    assert "red" in text and "second line" in text and len(text.strip().splitlines()) == 2


def test_bidi_controls_and_line_breaks_in_a_message_or_a_folder_name_are_shown_not_obeyed(monkeypatch, capsys):
    """A refused value ``NATO\\u202e`` printed the raw right-to-left override into the terminal, reversing the rest
    of the line (#8), and a reports folder named with a newline and an RLO was printed raw in the list of reports
    written, the line break as a space. Both are printed as their codes, each path on one line and quoted when it
    holds such a character."""
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    table = [("01-alpha", "built", "1.0s", "")]
    assert summary.finish(table, {"01-alpha": "01-alpha.html"}, summary.Path("/tmp/we ird\n\u202edir")) == 0
    text = sys.stdout.getvalue()
    # quoted, the break and the override escaped: a path that can be copied (a space in its place named no folder)
    assert "\u202e" not in text and "  '/tmp/we ird\\n\\u202edir/01-alpha.html'\n" in text, text
    line = summary.plain("unknown organisation(s) NATO\u202e; allowed: NATO, OSCE \u2067x\u2069\u2028")
    assert line == "unknown organisation(s) NATO\\u202e; allowed: NATO, OSCE \\u2067x\\u2069\\u2028"
    assert summary.plain("عربي") == "عربي"  # letters of any script stay as they are


def test_a_failure_with_no_failure_page_is_not_sent_to_look_for_one(monkeypatch, capsys):
    """A report that could not be written (a full disk) has no failure page, yet the last line said "see the detail
    column for each failure page" (hostile review 7, D-L6)."""
    monkeypatch.setenv("COLUMNS", "400")
    table = [("03-x", "FAILED", "1.0s", "the report could not be written: No space left on device (reports/03-x.html)")]
    assert summary.finish(table, {"03-x": "03-x.html"}, summary.Path("/tmp")) == 1
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert "for each failure page" not in last and "the detail column says why" in last, last

