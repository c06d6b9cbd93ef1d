"""Numbered sources (``helpers.render.citations``): each figure cites numbers that link to one bibliography."""

from __future__ import annotations

import copy
import re

import build_fixture as fx

from helpers import render


def test_sources_section_lists_cited_sources_with_anchors_linked_from_figures(page):
    section = page.split('<section class="report-sources-section" id="sources">', 1)[1].split("</section>", 1)[0]
    assert section.index('id="src-fixture-members"') < section.index('id="src-fixture-arabic"')
    assert "https://example.org/members" in section and 'Accessed <span class="nowrap">29 Nov 2026</span>' in section
    main = page.split("<main", 1)[1].split('id="sources"', 1)[0]
    assert 'href="#src-fixture-members"' in main and 'href="#src-fixture-arabic"' in main


def test_a_missing_sources_call_still_gets_a_sources_section(executed):
    nb = copy.deepcopy(executed[0])
    nb.cells = [c for c in nb.cells if "sources_section" not in c.source]
    html = render.render_report(nb, fx.ENTRY)[fx.ENTRY.output].decode()
    assert html.count('id="sources"') == 1 and 'id="src-fixture-members"' in html


def _figure(page: str, key: str) -> str:
    return page.split(f'id="fig-{key}"', 1)[1].split("</figure>", 1)[0]


def test_each_figure_cites_numbers_that_link_to_one_numbered_bibliography(page):
    section = page.split('id="sources"', 1)[1]
    numbers = dict(re.findall(r'<li id="src-([^"]+)" value="(\d+)">', section))
    assert numbers["fixture-members"] == "1" and numbers["fixture-arabic"] == "2"  # order of first citation
    assert sorted(numbers.values(), key=int) == [str(i) for i in range(1, len(numbers) + 1)]
    bars = _figure(page, "bars")
    cites = re.findall(r'<a class="cite" href="#src-([^"]+)">\[(\d+)\]</a>', bars)
    assert cites == [("fixture-members", "1"), ("fixture-arabic", "2")]
    # title and publisher on hover and focus come from this one list (report.js makes each tip from it; a page
    # cites its sources over a hundred times, and a tip in every citation weighed a tenth of the page)
    assert '<bdi>Fixture Publisher</bdi></span>, <cite><bdi>Member list &lt;script&gt;' in section
    assert "Reference work" in section and "Accessed <span class=\"nowrap\">29 Nov 2026</span>" in section


def test_a_figure_on_many_sources_lists_its_measure_and_groups_the_rest(page):
    records = _figure(page, "records")
    line = records.split('<div class="report-source">', 1)[1].split("</div>", 1)[0]
    before_group = line.split("<details", 1)[0]
    assert re.findall(r'href="#src-([^"]+)"', before_group) == ["fixture-members"]  # the measure first, alone
    assert '<details class="cite-group"><summary>14 accession records</summary>' in line
    assert len(re.findall(r'href="#src-fixture-record-\d+"', line)) == 14  # exactly the sources its rows cite
