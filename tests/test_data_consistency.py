"""Checks on the real data in data/ that a reader would trust: known membership totals, valid state codes, a
source behind every row, and a sources.csv that is exactly the merge of the authors' staging lists."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pandas as pd
import pycountry
import pytest

from helpers import load, membership, paths

HISTORIC = {"SUN", "DDR", "CSK", "YUG", "SCG"}
MERGE = paths.ROOT / "scripts" / "merge_sources.py"


@pytest.fixture(scope="module")
def members() -> pd.DataFrame:
    return load.memberships()


# --- membership totals -----------------------------------------------------------------------------------------
# Expected totals, checked 2026-11-29: OSCE 57th participating State Mongolia admitted 21 November 2012 (Austrian
# foreign ministry press release of that day; the OSCE's participating-states list at osce.org shows 57); Belarus
# became the SCO's tenth member at the Astana summit on 4 July 2024 (TASS and Astana Times reports of that day).


@pytest.mark.parametrize("as_of, expected", [
    ("1949-12-31", 12),  # the twelve founders
    ("1982-12-31", 16),  # after Spain
    ("2020-03-27", 30),  # North Macedonia's accession day
    ("2024-03-07", 32),  # Sweden's accession day
])
def test_nato_members(members, as_of, expected):
    assert membership.count_as_of(members, "NATO", as_of) == expected


def test_nato_before_sweden(members):
    assert membership.count_as_of(members, "NATO", "2024-03-06") == 31


def test_osce_has_57_participating_states_since_2012_11_21(members):
    steps = membership.counts_over_time(members, "OSCE")
    assert membership.count_as_of(members, "OSCE", "2012-11-21") == 57
    assert membership.count_as_of(members, "OSCE", "2012-11-20") == 56
    later = steps[steps["date"] > "2012-11-21"]
    assert later.empty, f"OSCE count changes after 2012-11-21:\n{later}"
    for year in range(2013, 2027):
        assert membership.count_as_of(members, "OSCE", f"{year}-01-01") == 57, year


def test_csce_had_35_participating_states_at_helsinki(members):
    osce = members[members["org_id"] == "OSCE"]
    if not (osce["start"] <= "1975-08-01").any():
        pytest.skip("memberships.csv has no OSCE/CSCE spells from 1975")
    assert membership.count_as_of(members, "OSCE", "1975-08-01") == 35


def test_sco_had_10_members_on_2024_07_04(members):
    assert membership.count_as_of(members, "SCO", "2024-07-04") == 10
    assert membership.count_as_of(members, "SCO", "2024-07-03") == 9  # Belarus joined that day


def test_warsaw_pact_had_no_members_from_1991_07_01(members):
    wp = members[members["org_id"] == "WARSAW"]
    assert not wp.empty
    assert membership.count_as_of(members, "WARSAW", "1991-07-01", statuses=membership.STATUSES) == 0
    running = wp[wp["end"].isna() | (wp["end"] > "1991-07-01")]
    assert running.empty, f"Warsaw Pact spells running after 1991-07-01:\n{running}"


def test_armenia_froze_its_csto_participation_in_2024(members):
    arm = members[(members["org_id"] == "CSTO") & (members["iso3"] == "ARM")]
    frozen = arm[arm["status"] == "frozen"]
    assert len(frozen) == 1 and frozen["start"].iloc[0].year == 2024
    # still a formal member, no longer an active one
    day = frozen["start"].iloc[0]
    assert "ARM" in membership.members_as_of(members, "CSTO", day)["iso3"].tolist()
    assert "ARM" not in membership.members_as_of(members, "CSTO", day, statuses=membership.ACTIVE)["iso3"].tolist()


def test_proposed_framework_has_no_members(members):
    assert (members["org_id"] == "EURASIAN_FRAMEWORK").sum() == 0


def test_every_organisation_of_the_contract_is_there():
    orgs = set(load.organisations()["org_id"])
    assert {"NATO", "PFP", "OSCE", "SHANGHAI5", "SCO", "CSTO", "WARSAW", "EURASIAN_FRAMEWORK"} <= orgs


# --- state codes -----------------------------------------------------------------------------------------------


def test_states_are_iso_3166_codes_with_historic_ones_listed():
    st = load.states()
    current = {c.alpha_3 for c in pycountry.countries}
    for iso3, historic in zip(st["iso3"], st["historic"]):
        if historic:
            assert iso3 in HISTORIC, f"{iso3} is marked historic but is not one of {sorted(HISTORIC)}"
        else:
            assert iso3 in current, f"{iso3} is not an ISO 3166-1 alpha-3 code"
    assert HISTORIC <= set(st.loc[st["historic"], "iso3"]), "the historic states of data/README.md are listed"


def test_every_state_code_in_any_table_is_in_states():
    known = set(load.states()["iso3"])
    uses = {
        "memberships": load.memberships()["iso3"],
        "capabilities": load.capabilities()["iso3"],
        "arms_control": load.arms_control()["party"].loc[lambda s: s != "ALL"],
        "event_actors": load.event_actors().query("actor_kind == 'state'")["actor"],
        "paragraph_tags": load.paragraph_tags().query("tag_kind == 'state'")["tag"],
        "state_lineage": pd.concat([load.state_lineage()["iso3"], load.state_lineage()["predecessor_iso3"]]),
        "state_policies": load.state_policies()["iso3"],
    }
    for table, codes in uses.items():
        unknown = sorted(set(codes) - known)
        assert not unknown, f"{table} uses state codes not in states.csv: {unknown}"


# --- sources ---------------------------------------------------------------------------------------------------


def test_every_table_loads_and_every_row_has_a_source():
    tables = load.validate_all()
    cited = set(tables["sources"]["source_id"])
    for name, df in tables.items():
        if "source_id" in df.columns and name != "sources":
            assert df["source_id"].notna().all(), f"{name} has rows without a source"
            assert set(df["source_id"]) <= cited, f"{name} cites sources missing from sources.csv"


def test_every_source_has_url_and_accessed_date():
    src = load.sources()
    assert src["url"].str.match(r"^https?://").all()
    assert src["accessed"].notna().all()
    assert (src["accessed"] <= pd.Timestamp.today().normalize()).all(), "an accessed date lies in the future"


def test_sources_csv_is_the_merge_of_the_staging_lists():
    run = subprocess.run([sys.executable, str(MERGE), "--check"], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr


# --- the merge script itself (on small files in tmp) -----------------------------------------------------------


def _merge_module():
    spec = importlib.util.spec_from_file_location("merge_sources", MERGE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


HEAD = "source_id,title,publisher,url,accessed,kind,note\n"


def test_merge_keeps_one_row_per_identical_id_sorted(tmp_path):
    (tmp_path / "sources-b.csv").write_text(HEAD + "zeta,Z,P,https://z.example,2026-11-29,news,\n"
                                            "alpha,A,P,https://a.example,2026-11-29,news,first\n")
    (tmp_path / "sources-a.csv").write_text(HEAD + "alpha,A,P,https://a.example,2026-11-29,news,second\n")
    out = tmp_path / "sources.csv"
    assert _merge_module().main(["--staging", str(tmp_path), "--out", str(out)]) == 0
    assert out.read_text() == (HEAD + "alpha,A,P,https://a.example,2026-11-29,news,second / first\n"
                                      "zeta,Z,P,https://z.example,2026-11-29,news,\n")


def test_merge_keeps_a_note_with_a_slash_in_it_once(tmp_path):
    """A note that itself holds " / " (figures such as "1,770 / 1,938"), given in two staging files, is written once:
    05's warhead source showed its whole note twice, joined to itself."""
    note = "USA 1,770 / 1,938; Russia 1,710 / 2,670"
    for name in ("sources-a.csv", "sources-b.csv"):
        (tmp_path / name).write_text(HEAD + f'alpha,A,P,https://a.example,2026-11-29,copy,"{note}"\n')
    out = tmp_path / "sources.csv"
    assert _merge_module().main(["--staging", str(tmp_path), "--out", str(out)]) == 0
    assert out.read_text() == HEAD + f'alpha,A,P,https://a.example,2026-11-29,copy,"{note}"\n'


def test_merge_fails_on_one_id_with_two_urls(tmp_path, capsys):
    (tmp_path / "sources-a.csv").write_text(HEAD + "alpha,A,P,https://a.example,2026-11-29,news,\n")
    (tmp_path / "sources-b.csv").write_text(HEAD + "beta,B,P,https://b.example,2026-11-29,news,\n"
                                            "alpha,A,P,https://other.example,2026-11-29,news,\n")
    out = tmp_path / "sources.csv"
    assert _merge_module().main(["--staging", str(tmp_path), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "sources-b.csv row 3, column url: source 'alpha' has url 'https://other.example'" in err
    assert "sources-a.csv row 2 has 'https://a.example'" in err
    assert not out.exists()


def test_merge_fails_on_one_id_with_two_titles(tmp_path, capsys):
    (tmp_path / "sources-a.csv").write_text(HEAD + "alpha,A,P,https://a.example,2026-11-29,news,\n")
    (tmp_path / "sources-b.csv").write_text(HEAD + "alpha,Another title,P,https://a.example,2026-11-29,news,\n")
    assert _merge_module().main(["--staging", str(tmp_path), "--out", str(tmp_path / "s.csv")]) == 1
    assert "column title: source 'alpha' has title 'Another title'" in capsys.readouterr().err


def test_merge_refuses_a_list_its_readme_does_not_name(tmp_path, capsys):
    """The lists are named after the data they hold, each with a line in data/provenance/README.md: a list named
    after a round of work (sources-methods5.csv) is refused, so a newcomer always knows where a source goes."""
    staging = tmp_path / "provenance"
    staging.mkdir()
    (staging / "README.md").write_text("- `sources-memberships.csv`: memberships\n", encoding="utf-8")
    (staging / "sources-memberships.csv").write_text(HEAD + "alpha,A,P,https://a.example,2026-11-29,news,\n")
    (staging / "sources-methods5.csv").write_text(HEAD + "beta,B,P,https://b.example,2026-11-29,news,\n")
    out = tmp_path / "s.csv"
    assert _merge_module().main(["--staging", str(staging), "--out", str(out)]) == 1
    assert "sources-methods5.csv: no line of" in capsys.readouterr().err and not out.exists()
    (staging / "sources-methods5.csv").unlink()
    assert _merge_module().main(["--staging", str(staging), "--out", str(out)]) == 0


def test_every_command_the_docs_name_runs():
    """data/README.md told data authors to run `python -m helpers.load.rules`, a module that cannot run: each
    `python -m helpers…` the READMEs and CONTRIBUTING name is a module, or a package with a __main__."""
    import importlib.util
    import re

    named = set()
    for doc in ("README.md", "CONTRIBUTING.md", "data/README.md", "data/provenance/README.md"):
        named |= set(re.findall(r"python -m (helpers[\w.]*)", (paths.ROOT / doc).read_text(encoding="utf-8")))
    dead = [m for m in sorted(named) if not (spec := importlib.util.find_spec(m))
            or (spec.submodule_search_locations and not importlib.util.find_spec(f"{m}.__main__"))]
    assert named and dead == []


def test_every_source_list_is_named_after_an_area_of_the_data():
    lists = sorted(p.name for p in (paths.DATA / "provenance").glob("sources-*.csv"))
    readme = (paths.DATA / "provenance" / "README.md").read_text(encoding="utf-8")
    assert [n for n in lists if f"`{n}`" not in readme or any(c.isdigit() for c in n)] == []


def test_merge_rejects_a_staging_file_with_a_wrong_header(tmp_path, capsys):
    (tmp_path / "sources-a.csv").write_text("id,title,url\nalpha,A,https://a.example\n")
    assert _merge_module().main(["--staging", str(tmp_path), "--out", str(tmp_path / "s.csv")]) == 1
    assert "sources-a.csv row 1: header is id,title,url" in capsys.readouterr().err


# --- completeness and internal agreement of the other tables ----------------------------------------------------

TODAY = pd.Timestamp("2026-11-29")  # the date the sources were accessed; nothing dated later can be sourced


def test_no_fact_is_dated_after_the_access_date():
    checks = {"memberships.start": load.memberships()["start"], "memberships.end": load.memberships()["end"],
              "events.date": load.events()["date"], "arms_control.date": load.arms_control()["date"],
              "documents.date": load.documents()["date"], "state_lineage.date": load.state_lineage()["date"],
              "state_policies.ended": load.state_policies()["ended"]}
    for where, dates in checks.items():
        assert not (dates.dropna() > TODAY).any(), f"{where} has dates after {TODAY.date()}"


def test_historic_states_hold_no_running_spell():
    st = load.states()
    historic = set(st.loc[st["historic"], "iso3"])
    m = load.memberships()
    running = m[m["iso3"].isin(historic) & m["end"].isna()]
    assert running.empty, f"states that no longer exist with open spells:\n{running}"


def test_at_least_60_events_each_tied_to_a_paragraph():
    ev = load.events()
    assert len(ev) >= 60
    unlinked = set(ev["event_id"]) - set(load.event_paragraphs()["event_id"])
    assert not unlinked, f"events with no paragraph: {sorted(unlinked)}"


def test_sections_and_paragraphs_agree():
    para = load.paragraphs()
    assert para["paragraph"].tolist() == [f"P{i}" for i in range(1, 20)]
    assert para["order"].tolist() == list(range(1, 20))
    for sid, first, last in zip(*(load.sections()[c] for c in ("section_id", "first_paragraph", "last_paragraph"))):
        inside = [f"P{i}" for i in range(int(first[1:]), int(last[1:]) + 1)]
        assert para.loc[para["section_id"] == sid, "paragraph"].tolist() == inside, sid


def test_every_compared_organisation_has_a_value_on_every_dimension():
    dims = set(load.dimensions()["dimension_id"])
    assert len(dims) >= 12
    feats = load.org_features()
    for org in ("NATO", "OSCE", "SCO", "CSTO", "EURASIAN_FRAMEWORK"):
        missing = dims - set(feats.loc[feats["org_id"] == org, "dimension_id"])
        assert not missing, f"{org} has no value for {sorted(missing)}"


def test_every_treaty_is_signed_before_anything_else_happens_to_it():
    ac = load.arms_control()
    for treaty, steps in ac.groupby("treaty_id"):
        signed = steps.loc[steps["step"] == "signed", "date"]
        assert not signed.empty, f"{treaty} has no signature"
        early = steps[steps["date"] < signed.min()]
        assert early.empty, f"{treaty} has steps before its first signature:\n{early}"
    assert set(ac["treaty_id"]) == set(load.treaties()["treaty_id"])


def test_withdrawals_take_effect_after_they_are_announced():
    ac = load.arms_control()
    for (treaty, party), steps in ac.groupby(["treaty_id", "party"]):
        announced = steps.loc[steps["step"] == "withdrawal_announced", "date"]
        withdrawn = steps.loc[steps["step"] == "withdrawn", "date"]
        if len(announced) and len(withdrawn):
            assert withdrawn.min() > announced.min(), f"{treaty} {party}: withdrawn before it was announced"


def test_claims_point_at_notebooks_of_the_collection():
    import tomllib
    with open(paths.COLLECTION, "rb") as f:
        ids = {nb["id"] for nb in tomllib.load(f)["notebook"]}
    used = set(load.claims()["evidence_notebook"].dropna())
    assert used <= ids, f"claims name notebooks that do not exist: {sorted(used - ids)}"


def test_one_unit_per_indicator_and_edition():
    cap = load.capabilities()
    units = cap.groupby(["indicator", "edition"])["unit"].nunique()
    assert (units == 1).all(), f"mixed units:\n{units[units > 1]}"


# --- state lineage, policies, treaties in force, principle coding ----------------------------------------------


def test_successor_states_of_the_ussr_czechoslovakia_and_yugoslavia():
    sl = load.state_lineage()
    by_pred = sl.groupby("predecessor_iso3")["iso3"].agg(set)
    # the fifteen former Soviet republics, Russia as the continuator
    assert len(by_pred["SUN"]) == 15
    assert sl.set_index("iso3").loc["RUS", "relation"] == "continuator"
    assert by_pred["CSK"] == {"CZE", "SVK"}
    assert set(sl.loc[sl["iso3"] == "CZE", "date"]) == {pd.Timestamp("1993-01-01")}
    assert by_pred["YUG"] == {"SVN", "HRV", "BIH", "MKD", "SCG"}
    assert by_pred["SCG"] == {"SRB", "MNE"}
    assert sl.set_index("iso3").loc["SRB", "relation"] == "continuator"
    assert sl.set_index("iso3").loc["DEU", ["predecessor_iso3", "relation"]].tolist() == ["DDR", "absorbed"]
    # a state follows its predecessor after that predecessor itself came into being (SCG 2003 before MNE 2006)
    date_of = dict(zip(sl["iso3"], sl["date"]))
    for iso, pred, d in zip(sl["iso3"], sl["predecessor_iso3"], sl["date"]):
        if pred in date_of:
            assert d > date_of[pred], f"{iso} follows {pred} on {d.date()}, before {pred} existed"


def test_every_nato_member_has_a_background_in_the_data():
    from helpers.tables import enlargement as T

    m = load.memberships()
    bg = T.accession_backgrounds(m, load.organisations(), predecessors=T.predecessor_map(load.state_lineage()),
                                 neutrals=T.non_aligned_before(load.state_policies(), m))
    missing = bg.loc[bg["background"] == T.BACKGROUNDS[-1], "iso3"].tolist()
    assert not missing, f"NATO members without a background (notebook 02 would say 'not in data'): {missing}"
    assert set(bg.loc[bg["background"] == "formerly non-aligned", "iso3"]) == {"FIN", "SWE"}


def test_a_policy_ending_with_nato_entry_ends_on_the_accession_day():
    m = load.memberships()
    joined = m[m["org_id"] == "NATO"].groupby("iso3")["start"].min()
    sp = load.state_policies().dropna(subset=["ended"])
    for iso, ended, note in zip(sp["iso3"], sp["ended"], sp["note"]):
        if "NATO" in str(note):
            assert ended == joined[iso], f"{iso}: policy ends {ended.date()} but NATO entry is {joined[iso].date()}"


def test_every_treaty_in_force_has_its_entry_into_force_recorded():
    ac, tr = load.arms_control(), load.treaties()
    # Treaties that never entered into force say so in their note (the CTBT, SALT II, START II, the Adapted CFE).
    not_in_force = set(tr.loc[tr["note"].str.startswith("Not in force", na=False), "treaty_id"])
    assert {"CTBT", "START_II", "CFE_ADAPTED"} <= not_in_force
    assert ac[ac["treaty_id"].isin(not_in_force) & (ac["step"] == "in_force")].empty
    for tid in sorted(set(tr["treaty_id"]) - not_in_force):
        steps = ac[(ac["treaty_id"] == tid) & (ac["party"] == "ALL")].set_index("step")["date"]
        assert "in_force" in steps.index, f"{tid} has no in_force step, so notebook 04 shows it as 'not recorded'"
        assert steps["signed"] < steps["in_force"], f"{tid} enters into force before it is signed"


def test_every_document_has_at_least_one_coded_principle():
    coded = set(load.principle_documents()["document_id"])
    missing = sorted(set(load.documents()["document_id"]) - coded)
    assert not missing, f"documents with no principle coded (notebook 06 shows them empty): {missing}"


def test_one_script_writes_every_generated_part_of_the_data_readme(tmp_path):
    """A newcomer who added a rule ran one generator and another still failed: the rule list of data/README.md
    had its own command. scripts/merge_sources.py now writes the rule list too, and --check names both."""
    import shutil

    from helpers.load import rules

    data = tmp_path / "data"
    shutil.copytree(paths.DATA, data)
    readme = data / "README.md"
    stale = readme.read_text(encoding="utf-8").replace(rules.markdown(), "- `x.csv`: a rule that is gone", 1)
    readme.write_text(stale, encoding="utf-8")
    merge = _merge_module()
    argv = ["--staging", str(data / "provenance"), "--out", str(data / "sources.csv")]
    assert merge.main([*argv, "--check"]) == 1
    assert merge.main(argv) == 0
    assert rules.readme_section(readme.read_text(encoding="utf-8")) == rules.markdown()
    assert merge.main([*argv, "--check"]) == 0
