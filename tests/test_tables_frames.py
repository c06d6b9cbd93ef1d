"""helpers.tables.frames: the one frame check every table builder uses (issue 19, one home for each fact)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from helpers.tables import article, balance, claims

TABLES = Path(__file__).resolve().parents[1] / "src" / "helpers" / "tables"


@pytest.mark.parametrize("call, named, missing", [
    (lambda: claims.verdict_counts(pd.DataFrame({"claim_type": ["fact"]})), "verdict_counts(ledger)", "verdict"),
    (lambda: article._paragraph_order(pd.DataFrame({"paragraph": ["P1"]})), "paragraphs", "order"),
    (lambda: balance.world_shares(pd.DataFrame(), pd.DataFrame({"year": [2023]}), 2023), "world_shares(world_totals)",
     "indicator, value"),
])
def test_a_wrong_frame_is_named_with_what_it_lacks_what_is_needed_and_what_it_has(call, named, missing):
    with pytest.raises(ValueError) as err:
        call()
    message = str(err.value)
    assert message.startswith(f"{named}: missing column(s) {missing};")
    assert "expected at least " in message and "(see data/README.md)" in message and "; got " in message


def test_no_table_module_writes_its_own_frame_check():
    """The missing-columns message lives in tables/frames.py only: a builder calls frames.need."""
    own = [p.name for p in TABLES.glob("*.py") if p.name != "frames.py" and "missing column" in p.read_text("utf-8")]
    assert own == []
