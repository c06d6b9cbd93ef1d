"""Notebooks 01–04 execute with their defaults and with other parameters, and show the tables a reader expects.

Each run goes through papermill's Python API from a folder outside the repository (conftest's ``executed``, once
per set of parameters); what is checked is what a reader sees: the keyed
tables and charts (through the project's display mime types), their titles for the chosen parameters, and row
counts that agree with the membership logic applied to the same data.
"""

from __future__ import annotations

import io

import pandas as pd
import papermill as pm
import pytest

from helpers import load, membership, present, wording

pytestmark = pytest.mark.slow


def run(executed, stem: str, **parameters) -> dict[str, dict]:
    """Execute a notebook, return its displayed tables and charts by key (failing on any error output)."""
    nb = executed(stem, **parameters)
    shown: dict[str, dict] = {}
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "error", f"{stem}: {output.get('ename')}: {output.get('evalue')}"
            data = output.get("data", {})
            for mime in (present.TABLE_MIME, present.CHART_MIME):
                if mime in data:
                    shown[data[mime]["key"]] = data[mime]
            if present.SOURCES_MIME in data:
                shown["sources"] = data[present.SOURCES_MIME]
            if present.GLANCE_MIME in data:
                shown["glance"] = data[present.GLANCE_MIME]
            if 'class="report-findings"' in data.get("text/html", ""):
                shown["findings"] = data["text/plain"]
    return shown


def test_01_defaults_show_the_cited_events_and_the_timeline(executed):
    shown = run(executed, "01-the-proposal")
    assert {"paraphrase", "claims", "cited-events", "timeline", "timeline-table", "after-visit"} <= set(shown)
    assert shown["paraphrase"]["rows"] == 3
    assert "Putin" in shown["cited-events"]["csv"] and "Lavrov" in shown["cited-events"]["csv"]
    assert shown["sources"]["sources"], "the Sources section lists what was cited"


def test_01_window_filters_the_timeline(executed):
    shown = run(executed, "01-the-proposal", start="2000-01-01", end="2010-12-31")
    dates = [line.split(",")[0] for line in shown["timeline-table"]["csv"].splitlines()[1:]]
    assert dates and all("2000-01-01" <= d[:10] <= "2010-12-31" for d in dates)
    assert "1 Jan 2000 to 31 Dec 2010" in shown["timeline-table"]["title"]


def test_01_refuses_a_window_that_ends_before_it_starts(executed):
    rule = "break the rule start <= end; allowed: .end. on or after .start."
    with pytest.raises(pm.PapermillExecutionError, match=rule):
        run(executed, "01-the-proposal", start="2020-01-01", end="2010-01-01")


@pytest.mark.parametrize("as_of", ["2024-04-30", "1991-12-31"])
def test_02_members_table_matches_the_membership_data(executed, as_of):
    shown = run(executed, "02-nato-enlargement", as_of=as_of)
    assert {"steps", "nato-map", "accessions", "members", "blocs", "lifespans", "glance"} <= set(shown)
    expected = membership.count_as_of(load.memberships(), "NATO", as_of)
    assert shown["members"]["rows"] == expected
    assert f"NATO had {expected} members on {wording.day(as_of)}" == shown["members"]["title"]
    assert shown["glance"]["summary"].startswith(f"NATO had {expected} members on {wording.day(as_of)}")
    assert f" to {expected} members by {wording.day(as_of)}" in shown["glance"]["findings"][0]


def test_02_bloc_record_leaves_out_blocs_not_yet_founded(executed):
    shown = run(executed, "02-nato-enlargement", as_of="1991-12-31")
    csv = shown["blocs"]["csv"]
    assert "Warsaw Pact" in csv and "Collective Security" not in csv  # the CSTO was signed in 1992
    # the takeaways are computed for 1991: 10 pacts admitted by then, none of them the CSTO
    assert "10 admitted by 31 Dec 1991" in shown["findings"] and "CSTO" not in shown["findings"]
    assert "13 admitted" not in shown["findings"]


def test_02_cases_come_from_the_census_and_every_rate_has_its_interval(executed):
    shown = run(executed, "02-nato-enlargement")
    census = pd.read_csv(io.StringIO(shown["census-rule"]["csv"]))
    assert len(census) == len(load.pact_census())  # the rule is tested on the whole census
    admitted = set(census.loc[census["admitted"], "name"])
    assert {"Rio Treaty", "SEATO", "NATO", "CSTO"} <= admitted
    assert not any("Baghdad" in n or "CENTO" in n or "Shanghai" in n for n in admitted)
    rates = pd.read_csv(io.StringIO(shown["exits"]["csv"]))
    assert set(rates["name"]) == admitted and rates[["ci_low", "ci_high"]].notna().all().all()
    nato = rates.set_index("name").loc["NATO"]
    assert nato["exits"] == 0 and nato["member_years"] > 1000 and nato["ci_high"] > 0
    assert "lost the most" not in str(shown["glance"])


@pytest.mark.parametrize("as_of", ["2024-04-30", "1991-12-31"])
def test_03_overlap_counts_every_participating_state(executed, as_of):
    shown = run(executed, "03-osce-inclusive-option", as_of=as_of)
    assert {"growth", "overlap", "overlap-table", "documents", "indivisible", "p5-p6-events"} <= set(shown)
    participating = membership.count_as_of(load.memberships(), "OSCE", as_of)
    assert f"of the OSCE's {participating} states" in shown["overlap"]["title"]
    assert shown["documents"]["rows"] >= 4   # Helsinki, Paris, Istanbul, Astana


def test_04_defaults_and_another_pair_of_dates(executed):
    shown = run(executed, "04-crisis-arms-control-war")
    assert {"treaties-wars", "in-force-by-year", "treaty-status", "steps", "wars", "camps", "changes",
            "glance"} <= set(shown)
    ledger = load.claims()
    supported = int((ledger[ledger["paragraph"].isin(["P7", "P8", "P9"])]["verdict"] == "supported").sum())
    assert "C15" in shown["claims"]["csv"] and f"{supported} supported" in shown["claims"]["title"]
    memberships = load.memberships()
    before = membership.count_as_of(memberships, "NATO", "2021-12-31")
    after = membership.count_as_of(memberships, "NATO", "2024-04-30")
    assert shown["camps"]["title"].startswith(f"NATO went from {before} to {after} formal members")
    other = run(executed, "04-crisis-arms-control-war", before="1998-12-31", after="2004-12-31")
    early = membership.count_as_of(memberships, "NATO", "1998-12-31")
    late = membership.count_as_of(memberships, "NATO", "2004-12-31")
    assert other["camps"]["title"].startswith(f"NATO went from {early} to {late} formal members")


def test_04_treaty_list_and_status_per_pair_follow_the_rule(executed):
    shown = run(executed, "04-crisis-arms-control-war")
    rule = pd.read_csv(io.StringIO(shown["treaty-rule"]["csv"]))
    assert {"START I", "START II", "Moscow Treaty (SORT)", "Adapted CFE Treaty"} <= set(rule.loc[rule["admitted"],
                                                                                                    "treaty"])
    assert not rule.set_index("treaty").loc["CTBT", "admitted"]
    status = shown["treaty-status"]["csv"]
    assert "in force among other parties only" in status
    # START I expired (Dec 2009) before New START was signed (Apr 2010): no successor, also at the end of 2023
    counts = pd.read_csv(io.StringIO(status)).set_index("status")
    assert "START I" in counts.loc["expired at the end of its term, no successor", "names"]
    assert "expired at the end of its term, successor signed" not in counts.index
    new_start = [line for line in shown["pair-status"]["csv"].splitlines() if line.startswith("New START")]
    assert len(new_start) == 1 and "no successor" in new_start[0]
    assert "NEW_START" not in shown["pair-status"]["csv"] and "New START" in shown["pair-status"]["csv"]
    wars = pd.read_csv(io.StringIO(shown["war-rule"]["csv"]))
    assert wars["admitted"].any() and not wars["admitted"].all()


def test_04_wars_are_counted_on_the_census_and_every_refusal_has_its_reason(executed):
    shown = run(executed, "04-crisis-arms-control-war")
    census = pd.read_csv(io.StringIO(shown["war-census"]["csv"]))
    assert len(census) == load.war_census()["conflict_id"].nunique() == 29  # the whole census, not the article's list
    # the table holds the whole pool (29); the title counts over the 27 fought in Europe and the former USSR
    assert shown["war-census"]["title"].startswith("The rule admits 7 of the 27 armed conflicts UCDP's census "
                                                   "records as fought in Europe and the former USSR")
    moldova = census[census["location"] == "Moldova"].iloc[0]  # Transnistria 1992
    assert moldova["reason"] == "no Russian or NATO-member party in the census row"
    refusals = pd.read_csv(io.StringIO(shown["war-refusals"]["csv"]))
    assert refusals["conflicts"].sum() == 29 - 7
    assert any("Of the 29 armed conflicts UCDP/PRIO's census lists with a location in Europe or the former USSR"
               in line and "admits 7 of the 27" in line for line in shown["glance"]["findings"])
    assert "the rule admits 1 of the 27 conflicts, not 7" in shown["findings"]


def test_04_refuses_after_earlier_than_before(executed):
    # the section map's rule "before < after" stops the run in the set-up cell, naming both dates
    with pytest.raises(pm.PapermillExecutionError, match=r"'before' = '2024-04-30' and 'after' = '2021-12-31' break "
                                                         r"the rule before < after"):
        run(executed, "04-crisis-arms-control-war", before="2024-04-30", after="2021-12-31")


def test_02_shows_every_robustness_sentence_the_failing_checks_first(executed):
    """Referee M1: two findings lists in one cell showed only the last, so 02 never printed the checks where the
    CSTO–NATO difference fails (denunciations only; a joint act counted once). Every sentence reaches the page."""
    nb = executed("02-nato-enlargement")
    shown = " ".join(o.get("data", {}).get("text/plain", "") for c in nb.cells for o in c.get("outputs", []))
    for check in ("Counting denunciations only", "Counting a joint act once", "On the 34 pacts without the "
                  "permanent-member condition", "Counting an exit from nested agreements on one day once"):
        assert check + ", " in shown, check
    assert shown.count("the finding does not survive this alternative") >= 2


def test_no_notebook_cell_discards_a_display_before_its_last_line():
    """A ``present.findings``/``glance``/``ar`` call returns what Jupyter displays only as a cell's last
    expression; one earlier in the cell is computed and dropped (02's first four robustness sentences were)."""
    import ast
    import re

    from helpers import paths

    dropped = []
    for nb in sorted(paths.NOTEBOOKS.glob("[0-9][0-9]-*.py")):
        for cell in re.split(r"^# %%.*$", nb.read_text(encoding="utf-8"), flags=re.M):
            try:
                body = ast.parse(cell).body
            except SyntaxError:  # a markdown cell
                continue
            for st in body[:-1]:
                f = st.value.func if isinstance(st, ast.Expr) and isinstance(st.value, ast.Call) else None
                if isinstance(f, ast.Attribute) and getattr(f.value, "id", "") == "present" and \
                        f.attr in ("findings", "glance", "ar", "sources_section", "table", "chart", "matrix"):
                    dropped.append(f"{nb.name}: {ast.unparse(st)[:60]}")
    assert dropped == []
