"""Sentences for notebook 08 (P16–P18): the titles, captions, first screen and summary built from the frames of
:mod:`helpers.tables.sco_states`."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from helpers import wording
from helpers.tables.sco_states import POLES, org_word


def sco_title(circle: pd.DataFrame, as_of) -> str:
    """'On 4 Jul 2024 the SCO had 9 members and 16 observers or partners' (``circle`` from :func:`org_circle`)."""
    members = int((circle["status"] == "member").sum())
    return f"On {wording.day(as_of)} the SCO had {members} members and {len(circle) - members} observers or partners"


def focus_title(spells: pd.DataFrame, iso3: str, names: Mapping[str, str], as_of) -> str:
    """'Kazakhstan held a status in 5 organisations on 4 Jul 2024: CSTO, OSCE, …' (``spells`` from
    :func:`state_spells`)."""
    now = sorted(spells.loc[spells["ongoing"], "org_id"].map(org_word).unique())
    n = len(now)
    head = f"{names.get(iso3, iso3)} held a status in {n} organisation{'s' if n != 1 else ''} on {wording.day(as_of)}"
    return head + (f": {', '.join(now)}" if now else "")


def both_sides_title(counts: Mapping[str, int], as_of) -> str:
    """'22 of the 72 OSCE or SCO states other than Russia and China held active ties on both sides on 4 Jul 2024'."""
    return (f"{counts['both_sides']} of the {counts['between']} OSCE or SCO states other than Russia and China held "
            f"active ties on both sides on {wording.day(as_of)}")


def inactive_title(inactive: pd.DataFrame, as_of) -> str:
    """'3 ties were held but inactive on 4 Jul 2024, and are not counted'."""
    n, day = len(inactive), wording.day(as_of)
    return f"{n} ties were held but inactive on {day}, and are not counted" if n != 1 else \
        f"1 tie was held but inactive on {day}, and is not counted"


def combined_title(both: pd.DataFrame, as_of) -> str:
    """'14 states between the poles combine a Western tie with a CSTO or SCO tie on 4 Jul 2024'."""
    return f"{len(both)} states between the poles combine a Western tie with a CSTO or SCO tie on {wording.day(as_of)}"


def upset_title(combos: pd.DataFrame, as_of) -> str:
    """'The most common combination on 4 Jul 2024: NATO partnership + OSCE (20 states)'."""
    if combos.empty:
        return f"No state between the poles held a tie on {wording.day(as_of)}"
    top = combos.iloc[0]
    return f"The most common combination on {wording.day(as_of)}: {top['combination']} ({top['states']} states)"


def universe_caption(counts: Mapping[str, int]) -> str:
    """Who is counted: the universe and the poles left apart."""
    return (f"Universe: the {counts['universe']} OSCE participating states and SCO states on the date; the "
            f"{counts['poles']} poles are listed last and not counted.")


def glance_findings(circle: pd.DataFrame, counts: Mapping[str, int], spells: pd.DataFrame, iso3: str,
                    names: Mapping[str, str], as_of) -> list[str]:
    """The three findings at the top of 08, for the report's date and state: the SCO's circle, the states on both
    sides, and the followed state's organisations."""
    pole = " (one of the two poles, not counted among them)" if iso3 in POLES else ""
    return [sco_title(circle, as_of) + ".",
            both_sides_title(counts, as_of).replace("between the poles", "between Russia and China") + ".",
            focus_title(spells, iso3, names, as_of) + pole + "."]


def summary(iso3: str, names: Mapping[str, str], as_of) -> str:
    """The line under the title: what this report shows for its own date and state."""
    return (f"The SCO's growth to {wording.day(as_of)}, which OSCE and SCO states then held ties on both sides, "
            f"and {names.get(iso3, iso3)}'s memberships over time.")
