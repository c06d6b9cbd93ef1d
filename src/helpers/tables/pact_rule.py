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


#: What 02 says of the rule in plain words, right under its first-screen box and before :data:`RULE` in full: that
#: it is post hoc and what tests it (the wide-pool check). In the box it made the exits item 10 lines on a phone.
NOTE = ("The rule was set after the results were seen; a check on all defence pacts of three or more states "
        "tests it.")
