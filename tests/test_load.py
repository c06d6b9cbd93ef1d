"""The loaders on the fixture data set (tests/fixtures/data) and on broken copies of it.

Each bad-input test breaks one thing in a copy and checks that the error names the file, the row as a spreadsheet
shows it (header = row 1), the column and the rule, because that is what a data author needs to fix it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers import load, paths

FIXTURES = Path(__file__).parent / "fixtures" / "data"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A fresh copy of the fixture data with the project's datapackage.json beside it."""
    d = tmp_path / "data"
    shutil.copytree(FIXTURES, d)
    shutil.copy(paths.DATAPACKAGE, d / "datapackage.json")
    return d


def edit(d: Path, file: str, old: str, new: str) -> None:
    p = d / file
    text = p.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"fixture {file} should contain {old!r} exactly once"
    p.write_text(text.replace(old, new), encoding="utf-8")


def error(d: Path, name: str) -> load.DataError:
    with pytest.raises(load.DataError) as info:
        load.table(name, d)
    return info.value


# --- good data -------------------------------------------------------------------------------------------------


def test_every_table_of_the_fixture_loads(data):
    tables = load.validate_all(data)
    assert list(tables) == list(load.TABLES)
    assert len(tables["memberships"]) == 8 and len(tables["paragraphs"]) == 19


def test_one_loader_per_table_with_the_contract_names():
    with open(paths.DATAPACKAGE, encoding="utf-8") as f:
        names = [r["name"] for r in json.load(f)["resources"]]
    assert sorted(names) == sorted(load.TABLES)
    for name in load.TABLES:
        assert callable(getattr(load, name)), f"load.{name}() is missing"


def test_loader_functions_return_the_same_as_table(data):
    pd.testing.assert_frame_equal(load.memberships(data), load.table("memberships.csv", data))


def test_types_are_as_documented(data):
    m = load.memberships(data)
    assert str(m["start"].dtype) == "datetime64[ns]" and str(m["end"].dtype) == "datetime64[ns]"
    assert m["end"].isna().sum() == 6  # empty end = still running
    assert m.loc[0, "start"] == pd.Timestamp("2000-06-01")
    s = load.states(data)
    assert s["historic"].dtype == bool and s.set_index("iso3")["historic"].to_dict()["SUN"] is True
    c = load.capabilities(data)
    assert str(c["year"].dtype) == "Int64" and c["value"].dtype == "float64"
    assert c["value"].tolist() == [1000.0, 12.5, 7.0]
    assert pd.api.types.is_string_dtype(m["iso3"])
    assert m["alt_source_id"].isna().sum() == 7  # empty text is missing, not ""
    src = load.sources(data)
    assert src.loc[1, "title"] == "Fixture source B, with a comma"  # quoted commas survive


def test_columns_come_in_datapackage_order(data):
    assert list(load.memberships(data).columns) == [
        "org_id", "iso3", "status", "start", "end", "note", "source_id", "alt_source_id"]


def test_changing_the_returned_frame_does_not_change_the_next_load(data):
    m = load.memberships(data)
    m.loc[0, "iso3"] = "ZZZ"
    assert load.memberships(data).loc[0, "iso3"] == "USA"


def test_an_edited_file_is_read_again(data):
    assert len(load.events(data)) == 2
    with open(data / "events.csv", "a", encoding="utf-8") as f:
        f.write("third-event,2003-03-03,year,summit,Third,A made-up event.,fixture-a,\n")
    assert len(load.events(data)) == 3


def test_read_log_lists_every_file_read(data, tmp_path, monkeypatch):
    log = tmp_path / "reads.log"
    monkeypatch.setenv("NATO_READ_LOG", str(log))
    load.memberships(data)
    read = set(log.read_text().splitlines())
    expected = {str((data / f).resolve()) for f in
                ("datapackage.json", "memberships.csv", "organisations.csv", "states.csv", "sources.csv")}
    assert read == expected
    assert all(Path(p).is_absolute() for p in read)


def test_no_read_log_without_the_variable(data, tmp_path, monkeypatch):
    monkeypatch.delenv("NATO_READ_LOG", raising=False)
    load.memberships(data)
    assert not list(tmp_path.glob("*.log"))


def test_unknown_table_name_lists_the_tables(data):
    with pytest.raises(ValueError, match=r"unknown table 'membership'; the data package has: sources, states"):
        load.table("membership", data)


# --- each kind of bad input ------------------------------------------------------------------------------------


def test_wrong_column_count(data):
    edit(data, "memberships.csv", "ALPHA,FRA,member,2000-06-01,,,fixture-a,",
         "ALPHA,FRA,member,2000-06-01,,,fixture-a,,")
    err = error(data, "memberships")
    assert ("memberships.csv row 3: has 9 values but the header has 8 columns"
            " (every row has exactly one value per column)") in str(err)
    assert err.row == 3 and err.file.endswith("memberships.csv")


def test_unclosed_quote(data):
    edit(data, "sources.csv", "fixture-a,Fixture source A,", 'fixture-a,"Fixture source A,')
    err = error(data, "sources")
    assert "sources.csv row 2" in str(err)
    assert "quote" in str(err)


def test_unclosed_quote_at_the_end_of_the_file(data):
    with open(data / "themes.csv", "a", encoding="utf-8") as f:
        f.write('other,"Other,never closed\n')
    err = error(data, "themes")
    assert "themes.csv row 3: malformed CSV" in str(err) and "unclosed or stray quote" in str(err)


def test_wrong_header(data):
    edit(data, "events.csv", "event_id,date,", "event,date,")
    err = error(data, "events")
    assert "events.csv row 1: header is event,date" in str(err)
    assert "missing event_id; unexpected event" in str(err)
    assert "the header must be exactly event_id,date,date_precision" in str(err)


def test_bad_date(data):
    edit(data, "memberships.csv", "ALPHA,DEU,member,2005-01-01", "ALPHA,DEU,member,2005-02-30")
    err = error(data, "memberships")
    assert "memberships.csv row 4, column start: '2005-02-30' is not a date (dates are written YYYY-MM-DD)" in str(err)
    assert (err.row, err.column) == (4, "start")


def test_date_in_another_format(data):
    edit(data, "sources.csv", "https://example.org/b,2026-11-29", "https://example.org/b,29/11/2026")
    assert "sources.csv row 3, column accessed: '29/11/2026' is not a date" in str(error(data, "sources"))


def test_joined_after_left(data):
    edit(data, "memberships.csv", "BETA,KAZ,member,2003-01-01,2010-01-01", "BETA,KAZ,member,2003-01-01,2002-01-01")
    err = error(data, "memberships")
    assert ("memberships.csv row 8, column end: 2002-01-01 is before start 2003-01-01"
            " (a spell must end after it starts)") in str(err)
    assert err.rule == "a spell must end after it starts"


def test_spell_ending_the_day_it_starts(data):
    edit(data, "memberships.csv", "BETA,KAZ,member,2003-01-01,2010-01-01", "BETA,KAZ,member,2003-01-01,2003-01-01")
    assert "row 8, column end: 2003-01-01 is the same day as start" in str(error(data, "memberships"))


def test_overlapping_spells(data):
    edit(data, "memberships.csv", "BETA,KAZ,frozen,2010-01-01", "BETA,KAZ,frozen,2009-06-01")
    err = error(data, "memberships")
    assert ("memberships.csv row 9, column start: BETA KAZ spell from 2009-06-01 overlaps the spell on row 8"
            " (2003-01-01 to 2010-01-01) (a state has at most one status per organisation at any date)") in str(err)


def test_spell_after_an_open_spell_overlaps(data):
    with open(data / "memberships.csv", "a", encoding="utf-8") as f:
        f.write("ALPHA,USA,suspended,2010-01-01,,,fixture-a,\n")
    assert "row 10, column start: ALPHA USA spell from 2010-01-01 overlaps the spell on row 2 (2000-06-01 to open)" \
        in str(error(data, "memberships"))


def test_duplicate_key(data):
    with open(data / "organisations.csv", "a", encoding="utf-8") as f:
        f.write("ALPHA,Alpha again,ألفا مجددا,alliance,active,,,,,,,,fixture-a\n")
    err = error(data, "organisations")
    assert ("organisations.csv row 5, column org_id: duplicate key (org_id=ALPHA), already on row 2"
            " (the primary key org_id must be unique)") in str(err)


def test_duplicate_composite_key(data):
    with open(data / "memberships.csv", "a", encoding="utf-8") as f:
        f.write("ALPHA,USA,member,2000-06-01,2001-01-01,,fixture-a,\n")
    assert ("memberships.csv row 10, column org_id, iso3, start: duplicate key (org_id=ALPHA, iso3=USA,"
            " start=2000-06-01), already on row 2") in str(error(data, "memberships"))


def test_dangling_reference(data):
    edit(data, "event_paragraphs.csv", "beta-summit,P16", "beta-sumit,P16")
    err = error(data, "event_paragraphs")
    assert ("event_paragraphs.csv row 3, column event_id: dangling reference: 'beta-sumit' is not in events.csv"
            " (event_id must be a event_id listed in events.csv)") in str(err)


def test_dangling_self_reference(data):
    edit(data, "organisations.csv", "Beta Town,ALPHA,", "Beta Town,ALPHAA,")
    assert "organisations.csv row 3, column predecessor_id: 'ALPHAA' is not an org_id in this file" \
        in str(error(data, "organisations"))


def test_missing_source(data):
    edit(data, "memberships.csv", "BETA,CHN,member,2001-01-01,,,fixture-a,", "BETA,CHN,member,2001-01-01,,,fixture-z,")
    err = error(data, "memberships")
    assert ("memberships.csv row 6, column source_id: missing source: 'fixture-z' is not in sources.csv"
            " (every row cites a source listed in sources.csv)") in str(err)


def test_empty_source_id(data):
    edit(data, "events.csv", "A made-up summit.,fixture-b,", "A made-up summit.,,")
    assert "events.csv row 3, column source_id: value is empty (this column is required)" in str(error(data, "events"))


def test_source_without_url_or_accessed_date(data):
    edit(data, "sources.csv", "Test fixture,https://example.org/b,2026-11-29,reference,", "Test fixture,,,reference,")
    msg = str(error(data, "sources"))
    assert "sources.csv row 3, column url: value is empty (this column is required)" in msg
    assert "sources.csv row 3, column accessed: value is empty (this column is required)" in msg


def test_source_url_must_be_an_address(data):
    edit(data, "sources.csv", "https://example.org/b", "example.org/b")
    assert "sources.csv row 3, column url: 'example.org/b' is not allowed (an http(s) address without spaces)" \
        in str(error(data, "sources"))


def test_unknown_state_code(data):
    edit(data, "memberships.csv", "ALPHA,DEU,", "ALPHA,XYZ,")
    err = error(data, "memberships")
    assert ("memberships.csv row 4, column iso3: unknown state code: 'XYZ' is not in states.csv"
            " (iso3 must be a state code listed in states.csv)") in str(err)


def test_state_code_that_is_not_three_capitals(data):
    edit(data, "memberships.csv", "ALPHA,DEU,", "ALPHA,de,")
    assert "memberships.csv row 4, column iso3: 'de' is not allowed (three capital letters: an ISO 3166-1 alpha-3" \
        in str(error(data, "memberships"))


def test_unknown_state_in_arms_control_party(data):
    edit(data, "arms_control.csv", "INF,signed,2000-01-01,SUN", "INF,signed,2000-01-01,SOV")
    assert ("arms_control.csv row 3, column party: unknown state code: 'SOV' is not in states.csv"
            " (party is a state code listed in states.csv, or ALL for the treaty as a whole)") \
        in str(error(data, "arms_control"))


def test_value_outside_the_enum(data):
    edit(data, "memberships.csv", "BETA,KAZ,observer", "BETA,KAZ,obsrver")
    msg = str(error(data, "memberships"))
    assert ("memberships.csv row 7, column status: 'obsrver' is not allowed "
            "(allowed: member, participating_state,") in msg


def test_bad_boolean(data):
    edit(data, "states.csv", "SUN,USSR,true", "SUN,USSR,yes")
    expected = "states.csv row 8, column historic: 'yes' is not a boolean (write true or false)"
    assert expected in str(error(data, "states"))


def test_bad_integer_and_number(data):
    edit(data, "capabilities.csv", "USA,2020,population,1000,", "USA,2020.5,population,\"1,000\",")
    msg = str(error(data, "capabilities"))
    assert "capabilities.csv row 2, column year: '2020.5' is not an integer" in msg
    assert "capabilities.csv row 2, column value: '1,000' is not a number" in msg


def test_paragraph_number_out_of_range(data):
    edit(data, "event_paragraphs.csv", "alpha-founded,P4", "alpha-founded,P20")
    assert "event_paragraphs.csv row 2, column paragraph: 'P20' is not allowed (a paragraph number P1 to P19)" \
        in str(error(data, "event_paragraphs"))


def test_actor_of_the_wrong_kind(data):
    edit(data, "event_actors.csv", "alpha-founded,USA,state", "alpha-founded,USA,org")
    assert ("event_actors.csv row 3, column actor: dangling reference: 'USA' is not in organisations.csv, where"
            " actor_kind=org points (actor is an org_id in organisations.csv when actor_kind is org, an iso3 in"
            " states.csv when it is state)") \
        in str(error(data, "event_actors"))


def test_unknown_theme_tag(data):
    edit(data, "paragraph_tags.csv", "P11,theme,hegemony", "P11,theme,hegemon")
    assert "paragraph_tags.csv row 4, column tag: dangling reference: 'hegemon' is not in themes.csv" \
        in str(error(data, "paragraph_tags"))


def test_feature_value_off_the_dimension_scale(data):
    edit(data, "org_features.csv", "ALPHA,defence_clause,binding", "ALPHA,defence_clause,strong")
    assert ("org_features.csv row 2, column value: 'strong' is not on the scale of defence_clause"
            " (value is on the dimension's scale, or unknown; allowed: none, consultation, binding, unknown)") \
        in str(error(data, "org_features"))


def test_scale_value_without_a_score(data):
    edit(data, "dimensions.csv", "none=0;consultation=1;binding=2", "none=0;binding=2")
    assert "dimensions.csv row 2, column score_map: scale value 'consultation' has no score" \
        in str(error(data, "dimensions"))


def test_quoted_phrase_too_long(data):
    edit(data, "principle_documents.csv", "security is indivisible", " ".join(["word"] * 16))
    assert ("principle_documents.csv row 2, column phrase: the phrase has 16 words "
            "(a quoted phrase is at most 15 words)") in str(error(data, "principle_documents"))


def test_missing_file(data):
    (data / "themes.csv").unlink()
    err = error(data, "themes")
    assert "themes.csv: file not found" in str(err)


def test_referenced_table_is_broken(data):
    # a broken states.csv stops memberships too, and the message points at states.csv
    edit(data, "states.csv", "FRA,France,false", "FRA,France,maybe")
    assert "states.csv row 3, column historic: 'maybe' is not a boolean" in str(error(data, "memberships"))


def test_all_problems_are_listed_one_per_line(data):
    edit(data, "memberships.csv", "ALPHA,DEU,", "ALPHA,XYZ,")
    edit(data, "memberships.csv", "BETA,CHN,member,2001-01-01,,,fixture-a,", "BETA,CHN,member,2001-01-01,,,nope,")
    err = error(data, "memberships")
    assert len(err.problems) == 2 and len(str(err).splitlines()) == 2
    assert [p.row for p in err.problems] == [4, 6]


def test_validate_all_reports_every_table(data):
    edit(data, "themes.csv", "hegemony,Hegemony", "hegemony,")
    edit(data, "lineage.csv", "2,Fixture copy", "x,Fixture copy")
    with pytest.raises(load.DataError) as info:
        load.validate_all(data)
    msg = str(info.value)
    assert "themes.csv row 2, column label: value is empty" in msg
    assert "lineage.csv row 3, column step: 'x' is not an integer" in msg


def test_file_path_in_message_is_relative_to_the_project_when_inside_it():
    err = load.DataError([load.Problem(paths.shown(paths.DATA / "memberships.csv"), 14, "end",
                                       "1999-03-12 is before start 2004-03-29", "a spell must end after it starts")])
    assert str(err) == ("data/memberships.csv row 14, column end: 1999-03-12 is before start 2004-03-29"
                        " (a spell must end after it starts)")


# --- state lineage and policies ---------------------------------------------------------------------------------


def test_state_lineage_and_policies_load_with_their_types(data):
    sl = load.state_lineage(data)
    assert sl[["iso3", "predecessor_iso3", "relation"]].values.tolist() == [
        ["RUS", "SUN", "continuator"], ["KAZ", "SUN", "successor"]]
    assert str(sl["date"].dtype) == "datetime64[ns]" and sl.loc[0, "date"] == pd.Timestamp("1991-12-26")
    assert sl.loc[1, "note"] == "made-up note, with a comma"
    sp = load.state_policies(data)
    assert str(sp["ended"].dtype) == "datetime64[ns]"
    assert sp.loc[0, "ended"] == pd.Timestamp("2005-01-01") and pd.isna(sp.loc[1, "ended"])  # still holds


def test_dangling_predecessor_code(data):
    edit(data, "state_lineage.csv", "KAZ,SUN,", "KAZ,SOV,")
    err = error(data, "state_lineage")
    assert ("state_lineage.csv row 3, column predecessor_iso3: unknown state code: 'SOV' is not in states.csv"
            " (predecessor_iso3 must be a state code listed in states.csv)") in str(err)
    assert (err.row, err.column) == (3, "predecessor_iso3")


def test_unknown_successor_code(data):
    edit(data, "state_lineage.csv", "KAZ,SUN,", "KAX,SUN,")
    assert "state_lineage.csv row 3, column iso3: unknown state code: 'KAX' is not in states.csv" \
        in str(error(data, "state_lineage"))


def test_predecessor_must_be_a_historic_state(data):
    edit(data, "state_lineage.csv", "KAZ,SUN,", "KAZ,CHN,")
    err = error(data, "state_lineage")
    assert ("state_lineage.csv row 3, column predecessor_iso3: 'CHN' is not marked historic in states.csv "
            "(predecessor_iso3 is a historic state (historic=true in states.csv); allowed: SUN)") in str(err)


def test_state_cannot_be_its_own_predecessor(data):
    edit(data, "state_lineage.csv", "RUS,SUN,", "SUN,SUN,")
    assert ("state_lineage.csv row 2, column predecessor_iso3: SUN is given as its own predecessor "
            "(a state is not its own predecessor)") in str(error(data, "state_lineage"))


def test_lineage_cycle_is_refused(data):
    p = data / "state_lineage.csv"
    p.write_text(p.read_text(encoding="utf-8") + "SUN,RUS,renamed,1991-12-27,,fixture-a,\n", encoding="utf-8")
    err = error(data, "state_lineage")
    assert "following predecessors from RUS through SUN leads back to RUS (the lineage has no cycles)" in str(err)


def test_relation_outside_the_enum(data):
    edit(data, "state_lineage.csv", "successor", "heir")
    assert ("state_lineage.csv row 3, column relation: 'heir' is not allowed "
            "(allowed: successor, continuator, restored, absorbed, renamed)") in str(error(data, "state_lineage"))


def test_duplicate_lineage_key(data):
    p = data / "state_lineage.csv"
    p.write_text(p.read_text(encoding="utf-8") + "KAZ,SUN,restored,1991-09-06,,fixture-a,\n", encoding="utf-8")
    assert "duplicate key (iso3=KAZ, predecessor_iso3=SUN), already on row 3" in str(error(data, "state_lineage"))


def test_policy_end_must_be_a_date_and_policy_from_the_list(data):
    edit(data, "state_policies.csv", "DEU,military_non_alignment,2005-01-01", "DEU,nonaligned,2005")
    msg = str(error(data, "state_policies"))
    assert "state_policies.csv row 2, column policy: 'nonaligned' is not allowed (allowed: neutrality, " \
           "military_non_alignment)" in msg
    assert "state_policies.csv row 2, column ended: '2005' is not a date (dates are written YYYY-MM-DD)" in msg


# --- the rule registry -----------------------------------------------------------------------------------------


def test_documented_rules_are_the_registry():
    """data/README.md lists exactly the registered rules, in their own words (regenerate with
    `python scripts/merge_sources.py`)."""
    documented = load.rules.readme_section((paths.DATA / "README.md").read_text(encoding="utf-8"))
    assert documented == load.rules.markdown()
    for r in load.rules.REGISTRY:
        assert f": {r.text}" in documented


def test_every_rule_has_its_docstring_as_the_message_rule(data):
    """The rule text in an error message is the rule function's docstring."""
    edit(data, "memberships.csv", "BETA,KAZ,member,2003-01-01,2010-01-01", "BETA,KAZ,member,2003-01-01,2002-01-01")
    err = error(data, "memberships")
    assert err.rule == load.rules.spells.spell_ends_after_it_starts.__doc__ == "a spell must end after it starts"


def test_a_new_rule_is_checked_and_documented(data):
    """Registering a rule is all it takes: the loader checks it and the generated list shows it."""
    from helpers.load.rules.registry import REGISTRY, Finding, rule

    @rule("themes")
    def label_is_capitalised(t):
        """a theme label starts with a capital letter"""
        for pos, label in enumerate(t.df["label"]):
            if not label[:1].isupper():
                yield Finding(pos, "label", f"{label!r} starts in lower case")

    try:
        edit(data, "themes.csv", "hegemony,Hegemony", "hegemony,hegemony")
        assert ("themes.csv row 2, column label: 'hegemony' starts in lower case"
                " (a theme label starts with a capital letter)") in str(error(data, "themes"))
        assert "- `themes.csv`: a theme label starts with a capital letter" in load.rules.markdown()
    finally:
        REGISTRY.remove(next(r for r in REGISTRY if r.name == "label_is_capitalised"))


def test_a_rule_module_put_in_the_rules_folder_is_checked_without_being_listed_anywhere(tmp_path, data):
    """The data-rule recipe's new kind of table gets a new module in ``load/rules/``. Its rules used to register only
    if the module was also imported in a hand-kept list: forgotten, the rule never ran and every test stayed green.
    A module in the folder is now found on disk: here one refusing every theme, in a copy of the helpers."""
    import os
    import subprocess
    import sys

    shutil.copytree(paths.HELPERS_SRC, tmp_path / "src" / "helpers", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "src" / "helpers" / "load" / "rules" / "zz_fictitious.py").write_text(
        '"""Rules for a test only."""\n\nfrom helpers.load.rules.registry import Finding, rule\n\n\n'
        '@rule("themes")\ndef every_theme_refused(t):\n    """a rule found on disk refuses every theme"""\n'
        '    yield from (Finding(pos, "label", "refused") for pos in range(len(t.df)))\n', encoding="utf-8")
    code = f"from helpers import load\ntry:\n    load.table('themes', {str(data)!r})\nexcept load.DataError as e:\n" \
           "    print(e)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(tmp_path / "src")}).stdout
    assert "themes.csv row 2, column label: refused (a rule found on disk refuses every theme)" in out


def test_every_module_of_the_rules_folder_registers_a_rule():
    """A module in ``load/rules/`` whose functions lack ``@rule`` would check nothing."""
    modules = sorted(p.stem for p in (paths.HELPERS_SRC / "load" / "rules").glob("*.py")
                     if p.stem not in ("__init__", "registry"))
    assert list(load.rules.MODULES) == modules
    registering = {r.check.__module__.rsplit(".", 1)[1] for r in load.rules.REGISTRY}
    assert [m for m in modules if m not in registering] == []


def test_a_rule_without_a_docstring_is_refused():
    from helpers.load.rules.registry import rule

    with pytest.raises(TypeError, match="docstring is the rule's text"):
        @rule("themes")
        def nameless(t):
            return []


def test_a_rule_reading_a_table_it_does_not_declare_is_refused(data):
    """A rule reads another table only through needs=: an undeclared read would be missing from the loader's
    dependencies and the read log, so editing that table would re-check nothing and rebuild no report."""
    from helpers.load.rules.registry import REGISTRY, rule

    @rule("themes")
    def reads_undeclared(t):
        """a theme is one the organisations table allows"""
        t.other("organisations")
        return []

    try:
        with pytest.raises(TypeError, match=r"rule reads_undeclared reads 'organisations' without "
                                            r"needs=\('organisations',\)"):
            load.table("themes", data)
    finally:
        REGISTRY.remove(next(r for r in REGISTRY if r.name == "reads_undeclared"))


def test_a_rule_reads_the_tables_it_declares(data):
    """With needs=, t.other gives that table, and the loader logs it as a dependency of the rule's table."""
    from helpers.load.readers import dependencies
    from helpers.load.rules.registry import REGISTRY, rule

    seen = []

    @rule("themes", needs=("organisations",))
    def reads_declared(t):
        """a theme is read beside the organisations"""
        seen.append(len(t.other("organisations")))
        return []

    try:
        load.table("themes", data)
        assert seen and seen[0] > 0 and "organisations" in dependencies("themes", data)
    finally:
        REGISTRY.remove(next(r for r in REGISTRY if r.name == "reads_declared"))


def test_a_stray_byte_names_file_row_and_position(data):
    p = data / "memberships.csv"
    raw = p.read_bytes().replace(b"BETA,CHN,member", b"BETA,CHN,m\xe9mber")
    p.write_bytes(raw)
    err = error(data, "memberships")
    assert str(err).startswith(f"{p} row 6: byte 0xe9 at position 11 of the line")
    assert "is not valid UTF-8 (data files are UTF-8 text" in str(err)


def test_a_byte_order_mark_is_read_as_utf8(data):
    p = data / "themes.csv"
    p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())
    assert load.themes(data).columns[0] == "theme_id"


def test_an_edited_table_replaces_its_old_version_in_the_memo(data):
    """Issue 19, bounded memos: a long-lived process (the preview, a kernel) that reloads a table after each edit
    reads the edit and keeps the latest version only, not one copy per edit."""
    import os

    from helpers.load import readers

    path, before = data / "organisations.csv", "Alpha City"
    assert load.table("organisations", data).loc[0, "headquarters"] == before
    for n, town in enumerate(("Alpha Port", "Alpha Bay", "Alpha Hill"), start=1):
        edit(data, "organisations.csv", f"{before},", f"{town},")
        os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + n * 1_000_000_000))
        assert load.table("organisations", data).loc[0, "headquarters"] == town
        before = town
    for memo in (readers._PARSED, readers._CHECKED):
        assert len([k for k in memo if k[0] == "organisations" and str(data) in repr(k)]) == 1


@pytest.mark.parametrize("value", ["0", "1e-320", "0.5"])  # 1e-320: 100 of it is 1e322, as a percentage inf
def test_a_world_total_of_zero_is_refused(data, value):
    edit(data, "world_totals.csv", "2020,milex_usd_const,100,", f"2020,milex_usd_const,{value},")
    err = error(data, "world_totals")
    assert (err.row, err.column) == (2, "value")
    assert ("too close to 0 to be read as written" if value == "1e-320" else "above zero") in str(err)


def test_a_section_that_ends_before_it_starts_is_refused(data):
    edit(data, "sections.csv", "S1,توازن,Balance,P10,P14,", "S1,توازن,Balance,P14,P10,")
    err = error(data, "sections")
    assert (err.row, err.column) == (3, "last_paragraph") and "first_paragraph comes before" in str(err)


#: A one-line break of each rule whose message the tests above do not quote in full: (table, old, new).
BREAKS = {
    "sections_run_forward": ("sections", "S1,توازن,Balance,P10,P14,", "S1,توازن,Balance,P14,P10,"),
    "dates_not_before_founding": ("organisations", "2000-01-01,2000-06-01,,Alpha City",
                                  "2000-01-01,1999-06-01,,Alpha City"),
    "predecessor_is_listed": ("organisations", "Beta Town,ALPHA,", "Beta Town,ALPHAA,"),
    "actor_of_its_kind": ("event_actors", "alpha-founded,USA,state", "alpha-founded,USA,org"),
    "tag_of_its_kind": ("paragraph_tags", "P11,theme,hegemony", "P11,theme,hegemon"),
    "scores_are_numbers": ("dimensions", "none=0;consultation=1;binding=2", "none=0;consultation=1;binding"),
    "every_scale_value_scored": ("dimensions", "none=0;consultation=1;binding=2", "none=0;binding=2"),
    "only_scale_values_scored": ("dimensions", "none=0;consultation=1;binding=2",
                                 "none=0;consultation=1;binding=2;strong=3"),
    "world_total_above_zero": ("world_totals", "2020,milex_usd_const,100,", "2020,milex_usd_const,0,"),
    "changed_by_fits_the_texts": ("translation_differences", "high,the translator or editor,fixture",
                                  "high,RT's translator or editors,fixture"),
}


@pytest.mark.parametrize("name", BREAKS)
def test_each_rule_is_broken_by_its_edit(data, name):
    table, old, new = BREAKS[name]
    edit(data, f"{table}.csv", old, new)
    text = next(r.text for r in load.rules.REGISTRY if r.name == name)
    assert f"({text}" in str(error(data, table))


def test_every_rule_has_its_test_here():
    """CONTRIBUTING's data-rule recipe puts a rule's test in this file, beside the others: a test here quotes each
    registered rule's text (its message) or names the rule. Editing the rule's table is not enough: a new rule on
    an already tested table (memberships) would pass with no test of its own."""
    assert untested(Path(__file__).read_text(encoding="utf-8")) == [], \
        "add a test that breaks each of these rules (or a line to BREAKS)"


def untested(text: str) -> list[str]:
    """The registered rules that ``text`` neither quotes nor names."""
    return [r.name for r in load.rules.REGISTRY if r.text not in text and f'"{r.name}"' not in text]


def test_the_rule_guard_sees_a_new_rule_on_a_tested_table():
    from helpers.load.rules.registry import REGISTRY, rule

    @rule("memberships")
    def untested_new_rule(t):
        """a member's spell starts on a weekday"""
        return []

    try:  # the file as it was before this test (which quotes the rule)
        text = Path(__file__).read_text(encoding="utf-8").split("def test_the_rule_guard_sees_a_new_rule")[0]
        assert untested(text) == ["untested_new_rule"]
    finally:
        REGISTRY.remove(next(r for r in REGISTRY if r.name == "untested_new_rule"))
