"""Every value of every advertised range builds (issue 13, case 6): each notebook at the minimum and at the
maximum of its parameters, and the "none on this date" titles the notebooks show where a table comes out empty."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from helpers import params, paths
from helpers.tables import euroatlantic as T
from helpers.tables import euroatlantic_words as TW


def test_edge_values_are_the_declared_bounds(fake):
    edges = {nb.id: params.edge_values(nb.id, collection=fake.collection) for nb in params.notebooks(fake.collection)}
    assert edges["01"] == {"min": {"as_of": "1949-04-04"}, "max": {"as_of": "2010-06-30"}}
    assert edges["02"] == {"min": {"year": 2010}, "max": {"year": 2022}}
    assert edges["03"] == {"min": {}, "max": {}}  # a choice has no range


def test_edge_values_respect_the_rules_between_parameters():
    real = paths.COLLECTION
    span = params.data_span()
    first, last = span["data:first"].isoformat(), span["data:last"].isoformat()
    assert params.edge_values("01", collection=real) == {"min": {"start": first, "end": first},
                                                         "max": {"start": last, "end": last}}
    e04 = params.edge_values("04", collection=real)  # before < after: they cannot meet
    assert e04["min"]["before"] == first and e04["min"]["after"] > first
    assert e04["max"]["after"] == last and e04["max"]["before"] < last
    for nb in params.notebooks(real):
        for values in params.edge_values(nb.id, collection=real).values():
            params.check_all(nb.id, values, collection=real)  # every edge passes its own check


def _track(ids):
    return pd.DataFrame({"event_id": ids, "year": pd.array([1996 + i for i in range(len(ids))], dtype="Int64"),
                         "source_id": ["s"] * len(ids)})


def test_track_titles_say_none_for_an_empty_window():
    chart, table = TW.track_titles(_track([]), ["a"], date(1949, 4, 4), "1949-04-05")
    assert chart == "None in this window: no recorded step in Russia–China security ties from 4 Apr 1949 to 5 Apr 1949"
    assert table == "Russia–China security timeline, 4 Apr 1949 to 5 Apr 1949: none recorded"
    chart, table = TW.track_titles(_track(["a", "b", "c"]), ["b"], "1996-01-01", date(2025, 12, 31))
    assert chart == "3 dated steps in Russia–China security ties, 1996–1998; the article points to 1 of them"
    assert table == "Russia–China security timeline, 1 Jan 1996 to 31 Dec 2025"


def test_osce_titles_say_none_before_the_first_participating_state():
    memberships = pd.DataFrame({
        "org_id": ["OSCE", "OSCE", "NATO"], "iso3": ["AAA", "BBB", "AAA"], "status": ["participating_state"] * 2
        + ["member"], "start": pd.to_datetime(["1975-08-01", "1992-01-30", "1949-08-24"]),
        "end": pd.to_datetime([None, None, None])})
    states = pd.DataFrame({"iso3": ["AAA", "BBB"], "name": ["Aland", "Bland"]})

    def titles(day):
        steps = T.membership_steps(memberships, ["OSCE"], through=day)
        over = T.overlap(memberships, states, day)
        return TW.osce_titles(steps, over, T.overlap_counts(over), day)

    growth, overlap = titles("1949-04-04")
    assert growth == "None on this date: the CSCE/OSCE had no participating states on 4 Apr 1949"
    assert overlap.startswith(growth) and overlap.endswith("so none could also belong to NATO or the CSTO")
    growth, overlap = titles("2000-01-01")
    assert growth == "The CSCE/OSCE went from 1 to 2 participating states by 1 Jan 2000"
    assert overlap == "On 1 Jan 2000, 1 of the OSCE's 2 states also belonged to NATO or the CSTO"


def _invocations() -> dict[str, list[tuple[list[str], dict]]]:
    """Per edge, groups of notebooks whose edge values agree on every shared name (one build each)."""
    out: dict[str, list[tuple[list[str], dict]]] = {"min": [], "max": []}
    for nb in params.notebooks(paths.COLLECTION):
        edges = params.edge_values(nb.id, collection=paths.COLLECTION)
        for edge, values in edges.items():
            if not values:
                continue
            for ids, merged in out[edge]:
                if all(merged.get(k, v) == v for k, v in values.items()):
                    ids.append(nb.id)
                    merged.update(values)
                    break
            else:
                out[edge].append(([nb.id], dict(values)))
    return out


def test_every_ranged_notebook_is_built_at_each_edge_in_few_invocations():
    """Every notebook with a range is in exactly one build per edge; notebooks whose edges agree share it (the
    maxima agree everywhere; the minima follow each notebook's subject: NATO from 1949, the first coded text of 07
    from August 1949, the SCO from 2001)."""
    groups = _invocations()
    for edge in ("min", "max"):
        ids = [i for g, _ in groups[edge] for i in g]
        assert sorted(ids) == ["01", "02", "03", "04", "05", "06", "07", "08"] and len(ids) == len(set(ids))
    assert len(groups["max"]) == 1 and len(groups["min"]) <= 4


@pytest.mark.slow
@pytest.mark.parametrize("edge", ["min", "max"])
def test_every_notebook_builds_at_the_edges_of_its_ranges(edge, tmp_path: Path):
    env = {**os.environ, "NATO_REPORTS_DIR": str(tmp_path / "reports"), "NATO_BUILD_DIR": str(tmp_path / "build"),
           "NATO_CACHE_DIR": str(tmp_path / "cache"), "NATO_EDITIONS": "en"}  # edges are about parameters:
    env.pop("NATO_COLLECTION", None)  # one edition is enough (the Arabic one is built by the suite's full build)
    for ids, values in _invocations()[edge]:
        args = [a for i in ids for a in ("--only", i)] + [a for k, v in values.items() for a in ("-p", k, str(v))]
        res = subprocess.run([sys.executable, "-m", "helpers.pipeline", *args, "--jobs", "1"], env=env, cwd=tmp_path,
                             capture_output=True, text=True, timeout=1500)
        assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
        built = [line.split()[0] for line in res.stdout.splitlines() if " built " in line]
        assert len(built) == len(ids), res.stdout
    if edge == "min":
        first = params.data_span()["data:first"].isoformat()
        page = (tmp_path / "reports" / f"03-osce-inclusive-option--as_of-{first}.html").read_text(encoding="utf-8")
        from helpers import wording

        assert f"None on this date: the CSCE/OSCE had no participating states on {wording.day(first)}" in page
