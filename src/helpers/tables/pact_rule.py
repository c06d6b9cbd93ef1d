"""Notebook 02: the case rule and the family of its tests, set post hoc and recorded — the words 02's first screen
prints and that CHANGELOG.md and CITATION.cff record, so a later version cannot change the rule without the change
showing. Recording guards only against later changes, not against a rule chosen for its result: what tests that is
02's check on the wider pool (every defence pact of three or more states)."""

from __future__ import annotations

#: The day the rule was recorded and the collection version it was recorded in (pyproject.toml's at that day).
FROZEN_ON = "2026-12-07"
FROZEN_IN = "0.3.0"

#: The rule as a reader reads it. It was set after the results had been seen (post hoc; 02 says so); from this
#: version on it is fixed, and a change to it is a new, dated entry in CHANGELOG.md, not an edit of this text.
RULE = ("The rule, set post hoc, after the results had been seen, and recorded on 7 December 2026 (version "
        "0.3.0): a case is an ATOP 4.01 agreement signed from 1945 on with a defence pledge, at least three states at "
        "signature and a permanent member of the UN Security Council among them; two pacts' exit rates "
        "differ when the exact two-sided test of two Poisson rates gives p below 0.05 after Holm's adjustment "
        "over NATO's comparisons with each other pact, and the adjustment over every pair of pacts is shown "
        "beside it.")


#: What 02's first screen says of the rule, in plain words (no statistics on the first screen): that it is post
#: hoc, what tests it (the wide-pool check), and where :data:`RULE` is printed in full (“Data”).
NOTE = ("The rule below was set after the results were seen; a check on all defence pacts of three or more states "
        "tests it.")


def glance_line(exits_line: str) -> str:
    """02's first-screen finding about exits (``pact_rates_words.glance_line``) followed by :data:`NOTE`; the
    notebook prints :data:`RULE`, unchanged, in the cell right after the box, so the rule the finding rests on is
    read with it while the box itself keeps to plain words."""
    return f"{exits_line} {NOTE}"
