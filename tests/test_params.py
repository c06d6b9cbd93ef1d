"""Parameter validation: each kind of bad value is refused before any kernel starts, with one line naming the
notebook, the parameter, the value and what is allowed; nothing is written; good values come back typed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date

import pytest

from helpers import params


@pytest.fixture
def coll(fake, monkeypatch):
    monkeypatch.setenv("NATO_COLLECTION", str(fake.collection))
    return fake


def test_defaults_come_back_typed(coll):
    p = params.validated("02")
    assert p.year == 2020 and p.state == "KAZ" and p.orgs == ["NATO", "SCO"]
    assert params.validated("01", as_of="2001-06-15").as_of == date(2001, 6, 15)


def test_data_bounds_come_from_the_csv_date_and_year_columns(coll):
    span = params.data_span(coll.data)
    # alpha.csv spans 1985-03-01..2010-06-30, organisations.csv starts 1949-04-04; sources' accessed date is ignored
    assert span["data:first"] == date(1949, 4, 4)
    assert span["data:last"] == date(2010, 6, 30)
    assert (span["data:first_year"], span["data:last_year"]) == (2010, 2022)


def test_the_date_of_a_page_that_documents_a_fact_does_not_extend_the_span(coll):
    """A feature's evidence page dated after every fact (a page updated last month) must not let a report be asked
    for that month: ``evidence_date`` says when the page is dated, not what the data covers."""
    before = params.data_span(coll.data)["data:last"]
    (coll.data / "pages.csv").write_text("id,evidence_date\nx,2026-11-30\n", encoding="utf-8")
    assert params.data_span(coll.data)["data:last"] == before


BAD = [
    # (notebook, name, value, words the message must contain)
    ("01", "as_of", "2001-6-15", ["is not a date", "YYYY-MM-DD", "1949-04-04", "2010-06-30"]),
    ("01", "as_of", "2001-02-30", ["not a real calendar date"]),
    ("01", "as_of", "1900-01-01", ["out of range", "1949-04-04"]),
    ("01", "as_of", "2030-01-01", ["out of range", "2010-06-30"]),
    ("01", "org", "NAT0", ["not a known organisation", "NATO, SCO"]),
    ("02", "state", "XYZ", ["not a known state", "KAZ, IND"]),
    ("02", "orgs", "NATO,WARSAW", ["unknown organisation(s) WARSAW", "NATO, SCO"]),
    ("02", "orgs", "NATO,,SCO", ["empty item"]),
    ("02", "year", "twenty", ["not a whole number"]),
    ("02", "year", 1999, ["out of range", "2010", "2022"]),
    ("02", "year", True, ["not a whole number"]),
    ("03", "mode", "maybe", ["not one of the choices", "ok, fail, slow"]),
    ("01", "asof", "2001-06-15", ["unknown parameter 'asof'", "as_of, org"]),
]


@pytest.mark.parametrize("nb, name, value, words", BAD)
def test_bad_value_is_refused_with_one_clear_line(coll, nb, name, value, words):
    with pytest.raises(params.ParameterError) as err:
        params.validated(nb, **{name: value})
    msg = str(err.value)
    assert "\n" not in msg
    assert f"notebook {nb}" in msg and f"'{name}'" in msg and repr(value) in msg and "allowed" in msg
    for w in words:
        assert w in msg


def test_unknown_notebook_is_named(coll):
    with pytest.raises(params.ParameterError, match="unknown notebook '99'.*01, 02, 03"):
        params.validated("99")


def test_malformed_collection_is_named(tmp_path):
    bad = tmp_path / "notebooks" / "collection.toml"
    bad.parent.mkdir()
    bad.write_text('[[notebook]]\nid = "01"\nstem = "x"\ntitle = "t"\nsummary = "s"\nparagraphs = "P1"\n'
                   '[notebook.parameters.a]\ntype = "datetime"\ndefault = "x"\n')
    with pytest.raises(params.CollectionError, match="parameter 'a' has type 'datetime'; allowed: date, year"):
        params.notebooks(bad)


@pytest.mark.parametrize("args, words", [
    (["--only", "01", "-p", "as_of", "2030-01-01"], ["notebook 01", "'as_of'", "'2030-01-01'", "out of range"]),
    (["--only", "02", "-p", "state", "ATLANTIS"], ["notebook 02", "'state'", "'ATLANTIS'", "KAZ, IND"]),
    (["--only", "03", "-p", "as_of", "2001-06-15"], ["unknown parameter 'as_of'", "allowed parameters: mode"]),
    (["-p", "colour", "red"], ["unknown parameter 'colour'", "as_of, mode, org, orgs, state, year"]),
    (["--only", "07"], ["unknown notebook '07'"]),
])
def test_build_refuses_before_any_kernel_and_writes_nothing(fake, args, words):
    fake.reports.mkdir()
    (fake.reports / "01-alpha.html").write_text("previous good report")
    res = fake.build(*args)
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1, res.stderr
    for w in words:
        assert w in lines[0]
    assert fake.report_files() == {"01-alpha.html": b"previous good report"}
    assert not fake.build_dir.exists() and not fake.cache.exists()


def test_refusal_path_imports_nothing_heavy(fake):
    """The refusal must be quick; it is quick because pandas, altair, papermill and nbconvert are not imported."""
    code = ("import sys; from helpers import pipeline\n"
            "rc = pipeline.build(['--only', '01', '-p', 'as_of', '2030-01-01'])\n"
            "heavy = [m for m in ('pandas', 'altair', 'papermill', 'nbconvert', 'jupyter_client', 'rich')"
            " if m in sys.modules]\n"
            "print(rc, heavy)")
    res = subprocess.run([sys.executable, "-c", code], env=fake.env(), capture_output=True, text=True, timeout=60)
    assert res.stdout.strip() == "2 []", res.stdout + res.stderr


def test_list_shows_types_defaults_allowed_values_and_variants(fake):
    res = fake.build("--list")
    assert res.returncode == 0
    out = res.stdout
    assert "as_of: date = '2000-01-01'  [an ISO date YYYY-MM-DD from 1949-04-04 to 2010-06-30]" in out
    assert "year: year = 2020  [a whole number from 2010 to 2022]" in out
    assert "org: org = 'NATO'  [one of the organisation ids from data/organisations.csv: NATO, SCO]" in out
    assert "mode: choice = 'ok'  [one of ok, fail, slow]" in out
    # the page a build with the same settings writes: in the folder NATO_REPORTS_DIR names (it said reports/)
    assert f"variant early: as_of=1990-01-01  → {fake.reports.resolve() / '01-alpha--early.html'}" in out


def test_real_collection_defaults_are_valid():
    """Every default and variant in the real section map passes its own declaration (against the real data)."""
    env_before = os.environ.pop("NATO_COLLECTION", None)
    try:
        for nb in params.notebooks():
            params.check_all(nb.id, {})
            for _, values in nb.variants:
                params.check_all(nb.id, values)
    finally:
        if env_before is not None:
            os.environ["NATO_COLLECTION"] = env_before


def test_a_list_parameter_takes_items_from_its_declaration(fake):
    text = fake.collection.read_text().replace(
        '  [notebook.parameters.mode]',
        '  [notebook.parameters.kinds]\n  type = "list"\n  items = ["a", "b", "c"]\n  default = "a,c"\n'
        '  help = "kinds"\n  [notebook.parameters.mode]')
    fake.collection.write_text(text)
    checked = params.check_all("03", {"kinds": "c, b"}, collection=fake.collection)
    assert checked["kinds"] == ["b", "c"] and str(checked["kinds"]) == "b,c"  # in the declared order
    assert params.check_all("03", {}, collection=fake.collection)["kinds"] == ["a", "c"]
    with pytest.raises(params.ParameterError, match=r"'kinds' = 'a,d' names unknown item\(s\) d; allowed: "
                                                    r"comma-separated items, each at most once: a, b, c"):
        params.check_all("03", {"kinds": "a,d"}, collection=fake.collection)
    assert params.allowed_text("03", "kinds", collection=fake.collection) == \
        "comma-separated items, each at most once: a, b, c"


def test_a_list_parameter_without_items_is_a_collection_error(fake):
    text = fake.collection.read_text().replace('  type = "choice"\n', '  type = "list"\n')
    fake.collection.write_text(text)
    with pytest.raises(params.CollectionError, match=r"parameter 'mode' \(list\) needs items"):
        params.notebooks(fake.collection)


def test_every_parameter_type_has_one_check_and_one_list_text():
    # a type added to types.TYPES without a check would fail every notebook declaring it with a bare KeyError, and
    # without a list text --list would quietly say "any text": a ranged type's is its Range's, any other's is in
    # describe.ALLOWED, never both (two texts for one type could drift apart)
    import importlib

    checks, describe, types = (importlib.import_module(f"helpers.params.{m}") for m in ("checks", "describe", "types"))
    assert set(checks.CHECKS) == set(types.TYPES)
    assert set(describe.ALLOWED) | set(types.RANGED) == set(types.TYPES)
    assert not set(describe.ALLOWED) & set(types.RANGED)


INT_PARAMETER = ('  [notebook.parameters.count]\n  type = "int"\n  default = 3\n  min = 0\n  max = 9\n'
                 '  help = "a count"\n')


@pytest.mark.parametrize("nb, name, bad, lo, hi", [("01", "as_of", "1800-01-01", "1949-04-04", "2010-06-30"),
                                                   ("02", "year", 1800, "2010", "2022"),
                                                   ("02", "count", 12, "0", "9")])
def test_a_ranged_types_words_live_on_the_type_and_every_message_quotes_them(fake, nb, name, bad, lo, hi):
    """What a date, a year or a whole number allows was written three times (the type's Range, the check's
    refusal, --list's text: "an ISO date YYYY-MM-DD", "ISO date", "a whole-number year", "year", "integer"). The
    Range says it once; the refusal of an out-of-range value, --list and a bad bound in the section map quote it."""
    from helpers.params import types

    fake.collection.write_text(fake.collection.read_text(encoding="utf-8").replace(
        "  [notebook.parameters.state]", INT_PARAMETER + "  [notebook.parameters.state]"), encoding="utf-8")
    spec = params.notebooks(fake.collection)[1 if nb == "02" else 0].parameters[name]
    words = f"{types.RANGED[spec.type].allowed} from {lo} to {hi}"
    with pytest.raises(params.ParameterError) as refused:
        params.check_all(nb, {name: bad}, collection=fake.collection)
    assert str(refused.value).endswith(f"is out of range; allowed: {words}")
    assert params.allowed_text(nb, name, collection=fake.collection) == words
    listed = fake.build("--list", "--only", nb).stdout
    assert f"[{words}]" in listed
    fake.collection.write_text(re.sub(rf"(\[notebook\.parameters\.{name}\]\n(?:  .*\n)*?)  min = .*\n",
                                      r'\1  min = "soon"\n', fake.collection.read_text(encoding="utf-8"), count=1),
                               encoding="utf-8")
    with pytest.raises(params.CollectionError, match=f"allowed: {types.RANGED[spec.type].allowed}"):
        params.notebooks(fake.collection)


def test_the_section_map_comment_names_every_parameter_type():
    import importlib
    from pathlib import Path

    types = importlib.import_module("helpers.params.types")
    head = (Path(__file__).resolve().parents[1] / "notebooks" / "collection.toml").read_text(encoding="utf-8")
    comment = "\n".join(line for line in head.splitlines() if line.startswith("#"))
    assert [t for t in types.TYPES if f'"{t}"' not in comment] == []


#: A parameter type no real section map will declare: the tests below add it for their run only, so a contributor
#: adding a real decimal type (the recipe's example) neither collides with it nor is tested by it.
FICTITIOUS_TYPE = "zztest_decimal"

NUMBERS = f"""\
  [notebook.parameters.low]
  type = "{FICTITIOUS_TYPE}"
  default = 0.5
  min = 0.25
  max = 2.75
  help = "a share"
  [notebook.parameters.high]
  type = "{FICTITIOUS_TYPE}"
  default = 1.5
  min = 0.25
  max = 2.75
  help = "a larger share"
"""


def _add_fictitious_decimal_type(monkeypatch, check) -> None:
    """Declare :data:`FICTITIOUS_TYPE` for one test, as the recipe declares a ranged decimal type."""
    import importlib

    checks, types = (importlib.import_module(f"helpers.params.{m}") for m in ("checks", "types"))
    assert FICTITIOUS_TYPE not in types.TYPES, f"{FICTITIOUS_TYPE!r} is a real type now: rename the fictitious one"
    monkeypatch.setattr(types, "TYPES", (*types.TYPES, FICTITIOUS_TYPE))
    monkeypatch.setitem(types.RANGED, FICTITIOUS_TYPE, types.Range((), types.decimal, "a decimal number", 0.25))
    monkeypatch.setitem(checks.CHECKS, FICTITIOUS_TYPE, check)


def test_a_decimal_type_declares_its_bounds_and_step_in_one_place(fake, monkeypatch):
    """A new ranged type (a decimal, :data:`FICTITIOUS_TYPE` here) needs no edit to the bound check or the edge
    values: its Range says how a bound is read and how far a strict rule moves a value."""
    import importlib

    checks, describe = (importlib.import_module(f"helpers.params.{m}") for m in ("checks", "describe"))

    def check_number(ctx, spec, value):
        return checks._in_range(ctx, spec, float(value), value, "a number")

    _add_fictitious_decimal_type(monkeypatch, check_number)
    text = fake.collection.read_text(encoding="utf-8").replace('paragraphs = "P1"\n',
                                                               'paragraphs = "P1"\nconstraints = ["low < high"]\n', 1)
    head, rest = text.split('[[notebook]]\nid = "02"')
    fake.collection.write_text(head.rstrip("\n") + "\n" + NUMBERS + '\n[[notebook]]\nid = "02"' + rest,
                               encoding="utf-8")
    edges = params.edge_values("01", collection=fake.collection)
    assert (edges["min"]["low"], edges["min"]["high"]) == (0.25, 0.5)  # one step of 0.25 above, not 1.25
    assert (edges["max"]["low"], edges["max"]["high"]) == (2.5, 2.75)
    assert "a decimal number from 0.25 to 2.75" in describe.allowed_text("01", "low", collection=fake.collection)


@pytest.mark.parametrize("bound, ok", [(1, True), (0.25, True), (True, False), (False, False), ("1", False)])
def test_a_decimal_bound_takes_whole_and_decimal_numbers_never_true_or_false(bound, ok):
    """The recipe's decimal type read its bounds with ``float``, which took ``min = true`` as 1.0; types.decimal
    takes a TOML integer (``min = 1``) or float and refuses a boolean or a text."""
    from helpers.params import types

    if ok:
        assert types.decimal(bound) == float(bound)
    else:
        with pytest.raises(ValueError, match="is not a decimal number"):
            types.decimal(bound)


def test_a_decimal_parameter_with_a_boolean_bound_is_refused_naming_it(fake, monkeypatch):
    _add_fictitious_decimal_type(monkeypatch, lambda ctx, spec, value: float(value))
    text = fake.collection.read_text(encoding="utf-8")
    head, rest = text.split('[[notebook]]\nid = "02"')
    numbers = NUMBERS.replace("min = 0.25", "min = true")
    fake.collection.write_text(head.rstrip("\n") + "\n" + numbers + '\n[[notebook]]\nid = "02"' + rest,
                               encoding="utf-8")
    with pytest.raises(params.CollectionError, match=r"parameter 'low' has min = True; allowed: a decimal number"):
        params.notebooks(fake.collection)


@pytest.mark.parametrize("name, value", [("org", "NATOO"), ("state", "KZX")])
def test_a_code_parameters_refusal_and_list_say_one_text(fake, name, value):
    """``--list`` said "one of NATO, SCO" for an organisation while a refusal said "one of the organisation ids from
    data/organisations.csv: NATO, SCO": one type, two texts. Both now quote ``checks.allowed_codes``."""
    nb = next(n for n in params.notebooks(fake.collection) if name in n.parameters)
    with pytest.raises(params.ParameterError) as refused:
        params.check_all(nb.id, {name: value}, collection=fake.collection)
    listed = params.allowed_text(nb.id, name, collection=fake.collection)
    assert str(refused.value).endswith(f"; allowed: {listed}")
    assert f"[{listed}]" in fake.build("--list", "--only", nb.id).stdout


def test_a_number_choice_can_be_given_on_the_command_line(fake):
    """``choices = [1, 2]``: ``-p mode 2`` was refused with "'2' is not one of the choices; allowed: 1, 2"."""
    text = fake.collection.read_text().replace('  default = "ok"\n  choices = ["ok", "fail", "slow"]\n',
                                               '  default = 1\n  choices = [1, 2]\n')
    fake.collection.write_text(text)
    assert params.check_all("03", {"mode": "2"}, collection=fake.collection)["mode"] == 2
    with pytest.raises(params.ParameterError, match="'3' is not one of the choices; allowed: 1, 2"):
        params.check_all("03", {"mode": "3"}, collection=fake.collection)
