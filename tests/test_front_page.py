"""The index as a front page and the data behind every chart, read from the suite's built reports (no browser):
each report's headline finding on the index, "Your builds" listing a report built with -p, a CSV beside every
chart's SVG and PNG, intervals exported as numeric low and high columns."""

from __future__ import annotations

import csv
import html as html_lib
import io
import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from helpers.render import front, table_html, vega_specs

CHART = re.compile(r'<figure class="report-figure report-chart-figure[^"]*" id="fig-([^"]+)">(.*?)</figure>', re.S)


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", "", fragment))).strip()


@pytest.mark.slow
def test_every_chart_offers_the_csv_of_its_data_beside_svg_and_png(built_reports):
    pages = sorted(p for p in built_reports.glob("*.html") if p.name != "index.html")
    charts = 0
    for page in pages:
        for key, figure in CHART.findall(page.read_text(encoding="utf-8")):
            charts += 1
            links = dict(re.findall(r'<a (?:download="" )?href="(exports/[^"]+)"(?: download)?>([^<]+)</a>', figure))
            csvs = [h for h, label in links.items() if h.endswith(".csv")]
            assert csvs and any(h.endswith(".svg") for h in links), f"{page.name} chart {key}: links {links}"
            rows = list(csv.reader(io.StringIO((built_reports / csvs[0]).read_text(encoding="utf-8"))))
            assert len(rows) >= 2 and len(rows[0]) >= 2, f"{page.name} chart {key}: the CSV holds {rows[:2]}"
    assert charts >= 20


@pytest.mark.slow
def test_the_index_shows_each_reports_headline_finding(built_reports):
    index = (built_reports / "index.html").read_text(encoding="utf-8")
    entries = re.findall(r'<li class="index-entry[^"]*">.*?<a href="([^"]+)">.*?<p class="index-finding">(.*?)</p>',
                         index, re.S)
    assert len(entries) == 10
    for output, finding in entries:
        page = (built_reports / output).read_text(encoding="utf-8")
        glance = page.split('<aside class="report-glance"', 1)[1].split("</ul>", 1)[0]
        first = re.search(r"<li>(.*?)</li>", glance, re.S).group(1)
        assert _text(finding) == _text(first), output


def test_a_report_built_with_p_is_listed_under_your_builds(fake):
    done = fake.build("--only", "01")
    assert done.returncode == 0, done.stderr
    index = (fake.reports / "index.html").read_text(encoding="utf-8")
    # no builds yet: the section is left out (readers were shown a build instruction under an empty heading)
    assert 'id="your-builds"' not in index and "Your builds" not in index and "None yet" not in index
    done = fake.build("--only", "01", "-p", "as_of", "1995-06-15")
    assert done.returncode == 0, done.stderr
    index = (fake.reports / "index.html").read_text(encoding="utf-8")
    builds = index.split('id="your-builds"', 1)[1]
    assert 'href="01-alpha--as_of-1995-06-15.html"' in builds and "15 Jun 1995" in builds
    lead = re.search(r'<p class="index-meta">(.*?)</p>', builds, re.S).group(1)
    assert "as_of" not in re.sub(r"<code[^>]*>.*?</code>", "", lead), "the example command is shown as code"
    mine = front.your_builds(fake.reports, ["01-alpha.html", "01-alpha--early.html"])
    assert [(b.output, b.nb_id, b.parameters["as_of"]) for b in mine] == \
        [("01-alpha--as_of-1995-06-15.html", "01", "1995-06-15")]


def test_the_index_sidebar_links_no_report_that_was_never_built(fake):
    """The main list said "Not built" while the sidebar beside it linked the missing page (a dead link)."""
    assert fake.build("--only", "03").returncode == 0
    assert not (fake.reports / "01-alpha.html").exists()
    index = (fake.reports / "index.html").read_text(encoding="utf-8")
    sidebar = index.split('<aside class="report-sidebar"', 1)[1].split("</aside>", 1)[0]
    assert 'href="01-alpha.html"' not in sidebar and 'href="03-gamma.html"' in sidebar
    alpha = sidebar.split('<span class="index-id">01</span>', 1)[1].split("</li>", 1)[0]
    assert "(not built yet)" in _text(alpha)


def test_your_builds_made_from_older_data_are_marked_on_the_index_and_in_the_summary(fake):
    done = fake.build("--only", "01", "-p", "as_of", "1995-06-15")
    assert done.returncode == 0, done.stderr
    builds = (fake.reports / "index.html").read_text(encoding="utf-8").split('id="your-builds"', 1)[1]
    assert "index-stale" not in builds and "older data" not in done.stderr
    with (fake.data / "alpha.csv").open("a", encoding="utf-8") as fh:  # the data the -p report read changes
        fh.write("c,2020-01-01,\n")
    done = fake.build("--only", "01")
    assert done.returncode == 0, done.stderr
    builds = (fake.reports / "index.html").read_text(encoding="utf-8").split('id="your-builds"', 1)[1]
    mark = re.search(r'<p class="index-stale">(.*?)</p>', builds, re.S)
    assert mark, builds
    assert "Built from older data" in _text(mark.group(1))
    command = 'make reports ARGS="--only 01 -p as_of 1995-06-15 --lang en"'
    assert command in html_lib.unescape(mark.group(1))
    line = [x for x in done.stderr.splitlines() if "01-alpha--as_of-1995-06-15.html" in x]
    assert len(line) == 1 and "older data" in line[0] and command in line[0], done.stderr
    done = fake.build("--only", "01", "-p", "as_of", "1995-06-15")  # the command the index gives
    assert done.returncode == 0, done.stderr
    builds = (fake.reports / "index.html").read_text(encoding="utf-8").split('id="your-builds"', 1)[1]
    assert "index-stale" not in builds and "older data" not in done.stderr


def test_an_earlier_report_kept_after_a_failed_build_is_marked_so_on_the_index(fake):
    """A failed rebuild kept the good earlier report (right), but the index listed it as current with no word."""
    original = nbformat.read(fake.notebooks / "01-alpha.ipynb", as_version=4).cells[3].source
    done = fake.build("--only", "01")
    assert done.returncode == 0, done.stderr
    fake.set_code("01-alpha", 3, 'raise RuntimeError("alpha broke")')
    done = fake.build("--only", "01")
    assert done.returncode == 1 and "previous good report was kept" in done.stdout
    entry = _entry(fake.reports / "index.html", "01-alpha.html")
    assert 'href="01-alpha.html"' in entry, "the earlier page is still there and linked"
    assert "Its last build failed; the page shown is from an earlier build" in _text(entry), entry
    assert 'make reports ARGS="--only 01 --lang en"' in html_lib.unescape(entry)
    fake.set_code("01-alpha", 3, original)  # put back as it was: up to date again, no mark
    done = fake.build("--only", "01")
    assert done.returncode == 0, done.stderr
    assert "last build failed" not in _text(_entry(fake.reports / "index.html", "01-alpha.html"))


def _entry(index, output: str) -> str:
    items = re.findall(r'<li class="index-entry[^"]*">.*?</li>', index.read_text(encoding="utf-8"), re.S)
    return next(i for i in items if f'href="{output}"' in i)


def test_intervals_written_as_text_are_exported_as_numeric_low_and_high_columns():
    frame = pd.DataFrame({"org": ["SCO", "NATO"], "score": ["0.20–0.40", "0.75-1.00"], "n": [1, 2]})
    out = pd.read_csv(io.StringIO(table_html.table_csv(frame)))
    assert list(out.columns) == ["org", "score_low", "score_high", "n"]
    assert out["score_low"].tolist() == [0.2, 0.75] and out["score_high"].tolist() == [0.4, 1.0]
    dates = pd.DataFrame({"date": ["2024-04-30"], "years": ["1949–1991"]})
    assert list(pd.read_csv(io.StringIO(table_html.table_csv(dates))).columns) == ["date", "years_low", "years_high"]


def test_a_charts_csv_holds_the_rows_it_draws_and_leaves_boundaries_out():
    spec = {"datasets": {"a": [{"x": 1, "y": "p"}, {"x": 2, "y": "q"}]}, "data": {"name": "a"},
            "layer": [{"data": {"values": {"type": "Topology"}, "format": {"type": "topojson"}}}]}
    out = pd.read_csv(io.StringIO(vega_specs.chart_csv(spec)))
    assert out.to_dict("records") == [{"x": 1, "y": "p"}, {"x": 2, "y": "q"}]


def test_a_numeric_column_shows_one_precision_and_empty_cells_a_dash():
    frame = pd.DataFrame({"name": ["a", "b", "c"], "spend": [76.7, 1414.6, 218.0], "note": ["x", None, "y"]})
    page = table_html.table_html(frame, "t", "T")
    cells = re.findall(r'<td[^>]*class="num"[^>]*>([^<]*)</td>', page)
    assert cells == ["76.7", "1,414.6", "218.0"]
    assert page.count("—") == 1 and 'class="empty"' in page


def test_the_index_links_no_report_that_a_full_disk_kept_from_being_written(fake, monkeypatch, capsys):
    """A first build on a disk that filled while a report's exports were written reported it FAILED, yet its page
    stayed and the index listed it as an ordinary report. Now neither the page nor an empty export folder is left,
    and the index names it as not built, with the command that builds it."""
    import errno
    import os
    import shutil

    from build_runs import build_here

    fake.set_code("03-gamma", 3, 'import pandas as pd\nfrom helpers import present\npresent.table(pd.DataFrame('
                  '{"mode": [P.mode]}), key="modes", title="The mode", sources=["academic-osce"])')
    assert fake.build("--only", "03").returncode == 0
    shutil.rmtree(fake.reports)  # a fresh reports folder; the kept run renders the page again, in this process
    real_fsync = os.fsync

    def full(fd):
        if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).startswith(".modes.csv."):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_fsync(fd)

    with monkeypatch.context() as m:
        m.setattr(os, "fsync", full)
        assert build_here(fake, monkeypatch, "--only", "03") == 1
    capsys.readouterr()
    assert not (fake.reports / "03-gamma.html").exists() and not (fake.reports / "exports" / "03-gamma").exists()
    index = (fake.reports / "index.html").read_text(encoding="utf-8")
    main = index.split('<ol class="index-list">', 1)[1].split("</ol>", 1)[0]
    entry = main.split('<span class="index-id">03</span>', 1)
    assert 'href="03-gamma.html"' not in main and 'href="03-gamma.html"' not in entry[0].rsplit("<li", 1)[1]
    entry = entry[1].split("</li>", 1)[0]
    assert "Not built in this folder yet" in _text(entry)
    assert 'make reports ARGS="--only 03 --lang en"' in html_lib.unescape(entry)


def _index_entry(fake, nb_id: str) -> str:
    main = (fake.reports / "index.html").read_text(encoding="utf-8").split('<ol class="index-list">', 1)[1]
    return main.split(f'<span class="index-id">{nb_id}</span>', 1)[1].split("</li>\n</", 1)[0]


def test_reports_of_the_collection_made_from_changed_data_are_marked_on_the_index_and_named_by_the_build(fake):
    """A data edit, then a build of another notebook: the index was rewritten with the reports that read the edited
    file listed as current (only "Your builds" were marked), and the build said nothing about them."""
    done = fake.build()
    assert done.returncode == 0, done.stderr
    assert "changed since" not in done.stderr and "index-stale" not in (fake.reports / "index.html").read_text()
    with (fake.data / "alpha.csv").open("a", encoding="utf-8") as fh:  # 01 and its variant read alpha.csv
        fh.write("c,2020-01-01,\n")
    done = fake.build("--only", "02")
    assert done.returncode == 0, done.stderr
    assert "reports/index.html" in done.stdout, done.stdout
    alpha = _index_entry(fake, "01")
    assert "Built from data that has changed since: its findings may no longer hold. Rebuild it with" \
        in _text(alpha), alpha
    assert 'make reports ARGS="--only 01 --lang en"' in html_lib.unescape(alpha)
    assert "as of 1 Jan 1990 (built from data that has changed since)" in _text(alpha.split("index-variants", 1)[1])
    assert "changed since" not in _text(_index_entry(fake, "02")) + _text(_index_entry(fake, "03"))
    line = [x for x in done.stderr.splitlines() if "changed since" in x]
    assert len(line) == 1 and "2 report(s) in" in line[0] and "notebook(s) 01)" in line[0], done.stderr
    assert line[0].endswith('rebuild them with: make reports ARGS="--only 01 --lang en"'), line[0]
    done = fake.build("--only", "01")  # the command given: the marks and the line are gone
    assert done.returncode == 0, done.stderr
    assert "changed since" not in done.stderr + (fake.reports / "index.html").read_text(encoding="utf-8")


def test_a_build_of_one_edition_names_the_other_editions_reports_left_on_older_data(fake):
    done = fake.build("--only", "01", "--lang", "ar")
    assert done.returncode == 0, done.stderr
    with (fake.data / "alpha.csv").open("a", encoding="utf-8") as fh:
        fh.write("c,2020-01-01,\n")
    done = fake.build("--only", "01", "--lang", "en")
    assert done.returncode == 0, done.stderr
    line = [x for x in done.stderr.splitlines() if "changed since" in x]
    assert len(line) == 1 and "/ar/ were built from data" in line[0], done.stderr
    assert line[0].endswith('make reports ARGS="--only 01 --lang ar"'), line[0]


def test_a_build_of_one_edition_marks_the_other_editions_index_and_clears_the_mark_when_the_data_goes_back(fake):
    """After a data edit, `--lang en` warned that Arabic reports were out of date but left reports/ar/index.html
    showing them as current; and a mark the Arabic index took stayed after the data was put back. A one-edition
    build now writes the other edition's index again (with that edition's own strings) when it has one."""
    import json

    strings = Path(__file__).resolve().parents[1] / "src/helpers/templates/page/strings.ar.json"
    ar_ui = json.loads(strings.read_text(encoding="utf-8"))
    mark = html_lib.escape(ar_ui["index_state_data"], quote=False)
    assert fake.build("--only", "01", "--lang", "ar").returncode == 0
    ar_index = fake.reports / "ar" / "index.html"

    def ar_entry() -> str:
        main = ar_index.read_text(encoding="utf-8").split('<ol class="index-list">', 1)[1]
        return main.split('<span class="index-id">01</span>', 1)[1].split("</li>\n</", 1)[0]

    assert mark not in ar_entry()
    alpha = fake.data / "alpha.csv"
    before = alpha.read_text(encoding="utf-8")
    alpha.write_text(before + "c,2020-01-01,\n", encoding="utf-8")
    done = fake.build("--only", "01", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert mark in ar_entry() and "--only 01 --lang ar" in ar_entry()
    assert 'lang="ar"' in ar_index.read_text(encoding="utf-8") and "reports/ar/index.html" in done.stdout
    assert "its index marks them;" in done.stderr, done.stderr
    alpha.write_text(before, encoding="utf-8")
    done = fake.build("--only", "02", "--lang", "en")
    assert done.returncode == 0, done.stderr
    assert mark not in ar_entry() and "/ar/ were built" not in done.stderr, done.stderr  # Arabic: current again
    assert "reports/ar/index.html" in done.stdout


def test_a_build_of_one_edition_writes_no_index_for_an_edition_never_built(fake):
    assert fake.build("--only", "01", "--lang", "en").returncode == 0
    assert (fake.reports / "index.html").is_file() and not (fake.reports / "ar" / "index.html").exists()


def test_the_failed_mark_survives_removing_the_debug_folder(fake):
    """The mark came from build/<report>.failure.html: after `rm -rf build` (or another NATO_BUILD_DIR) the next
    index showed the earlier page of a still broken notebook as current."""
    import shutil

    assert fake.build().returncode == 0
    fake.set_code("01-alpha", 3, 'raise RuntimeError("alpha broke")')
    assert fake.build("--only", "01").returncode == 1
    shutil.rmtree(fake.build_dir)
    for extra in ({}, {"NATO_BUILD_DIR": str(fake.root / "elsewhere")}):
        done = fake.build("--only", "02", "--force", **extra)  # the index is written again
        assert done.returncode == 0, done.stderr
        assert "Its last build failed; the page shown is from an earlier build" in _text(_index_entry(fake, "01"))
    nb = fake.notebooks / "01-alpha.ipynb"
    fake.set_code("01-alpha", 3, 'text = read("alpha.csv")\nprint("ALPHA", len(text))')
    assert nb.exists() and fake.build("--only", "01").returncode == 0  # built again: the mark is gone
    assert "last build failed" not in _text(_index_entry(fake, "01"))
    assert fake.build("--only", "02", "--force").returncode == 0
    assert "last build failed" not in _text(_index_entry(fake, "01"))


def test_the_index_lede_gives_three_findings_each_a_reports_own_first_sentence_linked_to_it():
    """Editor 9 (M2): the index's first screen described the collection ("19 paragraphs in 3 sections") rather than
    what it finds. "What the collection finds" takes each listed report's own first-screen finding (its first
    sentence) and links to the report; a report not built is left out, never shown stale."""
    found = {"00": ({"findings": ["19 paragraphs.", "15 of its 55 claims are factual; 8 are supported."]}, "00.html"),
             "09": ({"findings": ["Verdicts.", "Of the 55 claims, 7 were faithful. More detail."]}, "09.html"),
             "04": ({"findings": ["At the end of 2023, 2 of 12 treaties still bound both. The 12 are ours."]}, "04.html")}
    assert front.lede(found) == [
        {"id": "00", "output": "00.html", "text": "15 of its 55 claims are factual; 8 are supported."},
        {"id": "09", "output": "09.html", "text": "Of the 55 claims, 7 were faithful."},
        {"id": "04", "output": "04.html", "text": "At the end of 2023, 2 of 12 treaties still bound both."}]
    assert [i["id"] for i in front.lede({k: v for k, v in found.items() if k != "09"})] == ["00", "04"]


@pytest.mark.slow
def test_the_built_index_leads_with_what_the_collection_finds(built_reports):
    index = (built_reports / "index.html").read_text(encoding="utf-8")
    lede = index.split('<aside class="report-glance index-lede"', 1)[1].split("</aside>", 1)[0]
    assert "What the collection finds" in lede
    items = re.findall(r"<li>(.*?) <a href=\"([^\"]+)\">", lede, re.S)
    assert [o for _, o in items] == ["00-article-at-a-glance.html", "09-claims-ledger.html",
                                     "04-crisis-arms-control-war.html"]
    for text, output in items:
        page = (built_reports / output).read_text(encoding="utf-8")
        glance = _text(page.split('<aside class="report-glance"', 1)[1].split("</ul>", 1)[0])
        assert _text(text) in glance, output
    assert index.index("index-lede") < index.index('class="index-list"')  # before the list of reports
