"""``--sweep``: the option's values (no kernel), the reports it plans on the fake collection — the same ones
``-p NAME value`` would, every value checked before any kernel — its one-line refusals, and one small sweep built
end to end: pages written, listed under "Your builds", and cached on the second run."""

from __future__ import annotations

import pytest

from helpers.pipeline import plan, sweep
from helpers.pipeline.plan import BuildError

#: The types the parameters of these tests are declared with (the fake collection's and the real one's).
KINDS = {"as_of": "date", "year": "year", "state": "state"}


def parse(option: str, confirmed: bool = False):
    return sweep.parse(option, confirmed, KINDS.get(option.partition("=")[0].strip()))


def values(option: str) -> list[str]:
    return list(parse(option).values)


def test_date_ranges_by_year_end_month_end_and_days():
    assert values("as_of=1992-12-31..1995-12-31/year-end") == ["1992-12-31", "1993-12-31", "1994-12-31",
                                                              "1995-12-31"]
    # a year-end or month-end before FROM or after TO is not in the sweep; February knows its leap years
    assert values("as_of=1992-06-01..1994-06-01/year-end") == ["1992-12-31", "1993-12-31"]
    assert values("as_of=2000-01-15..2000-04-30/month-end") == ["2000-01-31", "2000-02-29", "2000-03-31",
                                                               "2000-04-30"]
    assert values("as_of=2001-01-15..2001-03-15/month-end") == ["2001-01-31", "2001-02-28"]
    assert values("as_of=2000-01-01..2000-01-03/1d") == ["2000-01-01", "2000-01-02", "2000-01-03"]
    assert values("as_of=2000-01-01..2000-01-10/7d") == ["2000-01-01", "2000-01-08"]


def test_whole_number_ranges_and_lists():
    assert values("year=2001..2013/4") == ["2001", "2005", "2009", "2013"]
    assert values("year=2001..2003") == ["2001", "2002", "2003"]
    assert values("year=٢٠٠١..٢٠٠٢") == ["2001", "2002"]  # Arabic-Indic digits, as -p takes them
    assert values("state=KAZ, IND") == ["KAZ", "IND"]  # in the order given


@pytest.mark.parametrize("option, words", [
    ("as_of", ["--sweep as_of:", "NAME=FROM..TO/STEP", "NAME=a,b,c"]),
    ("as_of=2000-01-01..1999-01-01/1d", ["FROM 2000-01-01 is after TO 1999-01-01"]),
    ("year=2010..2001", ["FROM 2010 is after TO 2001"]),
    ("year=2001..2010/0", ["step 0", "1 or more"]),
    ("as_of=2000-01-01..2000-03-01/0d", ["step 0d", "1d or more"]),
    ("as_of=2000-01-01..2000-03-01", ["needs a step", "/month-end", "/year-end"]),
    ("as_of=2000-01-01..2000-03-01/week", ["'week' is not a date step", "month-end or year-end"]),
    ("as_of=2000-02-30..2000-03-01/1d", ["2000-02-30 is not a real calendar date"]),
    ("as_of=2000-01-02..2000-01-20/month-end", ["no month-end falls between"]),
    ("year=2001..2010/x", ["step 'x' is not a whole number"]),
    ("year=2001..2020-01-01/1", ["TO '2020-01-01' is not a whole number"]),
    ("as_of=2000..2001", ["2000 is not a real calendar date"]),  # a date parameter's range is read as dates
    ("state=KAZ..UZB", ["'state' is a state parameter, which has no range", "only date, year, int"]),
    ("state=KAZ,,IND", ["an empty value in the list"]),
    ("year=2000,2000", ["repeats '2000'", "each value at most once"]),  # -p orgs NATO,SCO,NATO is refused too
    ("state=KAZ, IND,KAZ", ["repeats 'KAZ'"]),
    ("year=2000,٢٠٠٠", ["repeats '٢٠٠٠' (as '2000')"]),
    ("2x=1..2", ["'2x' is not a parameter name"]),
    ("year=0..100000000", ["at most 100,000"]),
])
def test_bad_sweeps_are_refused_in_one_line_naming_the_option(option, words):
    with pytest.raises(BuildError) as err:
        parse(option)
    message = str(err.value)
    assert message.startswith(f"--sweep {option}: ") and "\n" not in message
    for w in words:
        assert w in message


def test_a_sweep_plans_what_p_would_for_each_value(fake):
    swept = parse("as_of=1995-12-31..1997-12-31/year-end")
    everything, chosen = plan.all_entries(fake.collection, {}, ["01", "03"], swept)
    names = [e.name for e in chosen]
    # one report per value for 01 (which declares as_of); 03 does not declare it and keeps its own report
    assert names == ["01-alpha--as_of-1995-12-31", "01-alpha--as_of-1996-12-31", "01-alpha--as_of-1997-12-31",
                     "03-gamma"]
    for value in swept.values:
        one = plan.all_entries(fake.collection, {"as_of": value}, ["01", "03"])[1][0]
        assert one in chosen  # the very entry -p as_of VALUE plans: same name, parameters, output
    assert [e.name for e in everything] == [e.name for e in plan.all_entries(fake.collection)[0]]
    # -p of another parameter applies to every swept report; a value equal to the default reuses its report
    _, chosen = plan.all_entries(fake.collection, {"org": "SCO"}, ["01"], parse("as_of=2000-01-01,1996-01-01"))
    assert [(e.parameters["as_of"], e.parameters["org"]) for e in chosen] == [("2000-01-01", "SCO"),
                                                                               ("1996-01-01", "SCO")]
    _, chosen = plan.all_entries(fake.collection, {}, ["01"], parse("as_of=2000-01-01,1990-01-01"))
    assert [e.name for e in chosen] == ["01-alpha", "01-alpha--early"]


def test_every_value_is_checked_with_the_parameters_own_check(fake):
    # the fake data end on 2010-06-30: the sweep's last value, 2010-12-31, is out of range, refused before any kernel
    with pytest.raises(BuildError) as err:
        plan.all_entries(fake.collection, {}, ["01"], parse("as_of=2008-12-31..2010-12-31/year-end"))
    message = str(err.value)
    assert message.startswith("--sweep as_of=2008-12-31..2010-12-31/year-end: ")
    assert "'as_of' = '2010-12-31' is out of range" in message and "to 2010-06-30" in message
    with pytest.raises(BuildError, match=r"'state' = 'XXX'"):
        plan.all_entries(fake.collection, {}, ["02"], parse("state=KAZ,XXX"))


def test_sweep_refusals_that_need_the_collection(fake):
    with pytest.raises(BuildError, match=r"no selected notebook \(03\) declares 'as_of'; parameters they "
                                         r"declare: mode"):
        plan.all_entries(fake.collection, {}, ["03"], parse("as_of=2000-01-01,2001-01-01"))
    with pytest.raises(BuildError, match=r"-p as_of is given too"):
        plan.all_entries(fake.collection, {"as_of": "2000-01-01"}, ["01"], parse("as_of=2001-01-01"))
    big = "as_of=1985-03-01..1986-12-31/1d"  # 671 days
    with pytest.raises(BuildError, match=r"671 values × 1 notebook\(s\) = 671 reports, more than 500; add --yes"):
        plan.all_entries(fake.collection, {}, ["01"], parse(big))
    _, chosen = plan.all_entries(fake.collection, {}, ["01"], parse(big, confirmed=True))
    assert len(chosen) == 671


@pytest.mark.parametrize("args, words", [
    (["--sweep", "as_of=2000-01-01", "--sweep", "year=2001"], ["--sweep given 2 times", "give --sweep once"]),
    (["--yes"], ["--yes is for --sweep"]),
    (["--list", "--sweep", "as_of=2000-01-01"], ["--list", "--sweep"]),
    (["--only", "03", "--sweep", "as_of=2000-01-01"], ["--sweep as_of=2000-01-01: no selected notebook (03)"]),
    (["--sweep", "as_of=2000-01-01..1990-01-01/1d"], ["--sweep as_of=2000-01-01..1990-01-01/1d: FROM"]),
])
def test_the_build_refuses_a_bad_sweep_before_anything_runs(fake, args, words, refused_in_one_line):
    refused_in_one_line(fake, args, words)


@pytest.mark.slow
def test_a_small_sweep_builds_lists_and_caches_its_reports(fake):
    swept = ["01-alpha--as_of-1995-12-31", "01-alpha--as_of-1996-12-31"]
    res = fake.build("--only", "01", "--sweep", "as_of=1995-12-31..1996-12-31/year-end", "--jobs", "2")
    assert res.returncode == 0, res.stdout + res.stderr
    assert sorted(fake.built(res)) == swept
    index = (fake.reports / "index.html").read_text(encoding="utf-8")
    builds = index.split('id="your-builds"', 1)[1]
    # the sweep has its own page in reports/sweeps/, listed once under "Your builds" (its reports are not repeated)
    [sweep_page] = (fake.reports / "sweeps").glob("*.html")
    assert f'href="sweeps/{sweep_page.name}"' in builds
    assert "Alpha: 2 reports, as of 31 Dec 1995 … 31 Dec 1996" in builds
    table = sweep_page.read_text(encoding="utf-8").split('id="report-main"', 1)[1]
    for name in swept:
        page = (fake.reports / f"{name}.html").read_text(encoding="utf-8")
        assert f"ALPHA {name[-10:]} 3" in page  # the kernel ran with the swept value
        assert f'href="{name}.html"' not in builds
        # one row per value: the value as readers write it, the report's link and its headline finding
        value = {"1995": "31 Dec 1995", "1996": "31 Dec 1996"}[name[-10:-6]]
        assert f'{value}</th><td><a href="../{name}.html">' in table
    assert table.count("<tr>") == 1 + len(swept) and table.count("Reads alpha.csv.") == len(swept)
    assert 'href="../assets/report.css"' in sweep_page.read_text(encoding="utf-8")  # links back to reports/
    before = {p: p.stat().st_mtime_ns for p in fake.reports.rglob("*") if p.is_file()}
    res = fake.build("--only", "01", "--sweep", "as_of=1995-12-31..1996-12-31/year-end")
    assert res.returncode == 0, res.stdout + res.stderr
    assert fake.built(res) == [] and res.stdout.count("cached") == len(swept)
    assert {p: p.stat().st_mtime_ns for p in fake.reports.rglob("*") if p.is_file()} == before
    # one value of the sweep given with -p is the same report, cached too
    res = fake.build("--only", "01", "-p", "as_of", "1996-12-31")
    assert res.returncode == 0 and "01-alpha--as_of-1996-12-31  cached" in res.stdout
    # a new sweep of reports that are all up to date still gets its page, and the index lists it
    res = fake.build("--only", "01", "--sweep", "as_of=1996-12-31,1995-12-31")
    assert res.returncode == 0 and fake.built(res) == [] and res.stdout.count("cached") == len(swept)
    pages = sorted(p.name for p in (fake.reports / "sweeps").glob("*.html"))
    assert len(pages) == 2
    builds = (fake.reports / "index.html").read_text(encoding="utf-8").split('id="your-builds"', 1)[1]
    assert all(f'href="sweeps/{p}"' in builds for p in pages)


def test_a_range_is_read_by_the_parameters_declared_type(fake):
    """The type declared in the section map decides what FROM..TO means, not how the text looks: the fake
    collection's 'as_of' is a date and its 'year' a year, and a parameter without a range is refused by type."""
    assert sweep.declared_type("as_of", fake.collection) == "date"
    assert sweep.declared_type("year", fake.collection) == "year"
    assert sweep.declared_type("nothing", fake.collection) is None
    with pytest.raises(BuildError, match=r"TO '2001-01-01' is not a whole number"):
        sweep.parse("year=2000..2001-01-01", kind=sweep.declared_type("year", fake.collection))
    with pytest.raises(BuildError, match=r"no notebook declares 'nothing'"):
        sweep.parse("nothing=1..3", kind=None)


def test_a_new_ranged_type_sweeps_by_its_range_with_no_edit_here(monkeypatch):
    """A decimal type added to params/types.py's RANGED (the parameter-type recipe) sweeps FROM..TO/STEP as it
    reads its bounds, with its own step when none is given; the sweep's module names no type but 'date'."""
    from helpers.params import types

    monkeypatch.setitem(types.RANGED, "number", types.Range((), float, "a decimal number", 0.25))
    assert list(sweep.parse("low=0.25..1/0.25", kind="number").values) == ["0.25", "0.5", "0.75", "1.0"]
    assert list(sweep.parse("low=0.5..1", kind="number").values) == ["0.5", "0.75", "1.0"]
    with pytest.raises(BuildError, match=r"step 0.1: the step must be 0.25 or more"):
        sweep.parse("low=0.25..1/0.1", kind="number")
    with pytest.raises(BuildError, match=r"FROM 'x' is not a decimal number"):
        sweep.parse("low=x..1", kind="number")


def test_a_sweep_asks_the_parameter_type_how_to_step_never_its_name(monkeypatch):
    """``pipeline/sweep.py`` special-cased ``kind == "date"`` and its help said "whole numbers: an integer STEP" for
    every other type, wrong for a decimal. The type's Range now lists a range's values and says what its STEP is:
    a new type that steps its own way (here a fictitious one listing FROM and TO) needs no edit to the sweep, and
    a decimal type's STEP is named as a decimal in the help a malformed range quotes."""
    from helpers.params import types

    monkeypatch.setitem(types.RANGED, "zztest_ends", types.Range((), str, "a fictitious end", 1,
                                                                 lambda rng, lo, hi, step, limit: [lo, hi], "none"))
    monkeypatch.setitem(types.RANGED, "zztest_decimal", types.Range((), types.decimal, "a decimal number", 0.25))
    assert sweep.parse("ends=first..last", kind="zztest_ends").values == ("first", "last")
    assert sweep.parse("low=0.25..1/0.25", kind="zztest_decimal").values == ("0.25", "0.5", "0.75", "1.0")
    with pytest.raises(BuildError) as err:
        sweep.parse("low=0.25..", kind="zztest_decimal")
    assert "zztest_decimal: STEP a decimal number" in str(err.value) and "integer STEP" not in str(err.value)
    assert "date: STEP 1d, Nd (every N days), month-end or year-end" in str(err.value)


_HUGE = "9" * 5000


@pytest.mark.parametrize("option", [f"year=2001..{_HUGE}/1", f"year={_HUGE}..2001/1", f"year=2001..2002/{_HUGE}",
                                    f"state=KAZ,{'K' * 5000},KAZ"])
def test_a_bound_of_thousands_of_characters_is_cut_in_the_refusal_as_p_cuts_it(option):
    """`--sweep year=2001..<5000 digits>/1` was refused in one line of 10,058 characters echoing the bound twice."""
    with pytest.raises(BuildError) as info:
        parse(option)
    text = str(info.value)
    assert "\n" not in text and len(text) < 400 and "5,0" in text and "characters)" in text
