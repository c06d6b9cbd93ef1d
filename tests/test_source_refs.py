"""Source ids named in reader text are shown as the page's numbered citations (never as raw ids)."""

from __future__ import annotations

import json

from helpers.render import source_refs

IDS = {"uzland-uzbekistan-joins-pfp-1994": {"publisher": "uzland.narod.ru", "title": "Uzbekistan joins PFP"},
       "shape-history-1949-1952": {"publisher": "NATO SHAPE", "title": "History"}}
BIB = '<ol><li id="src-uzland-uzbekistan-joins-pfp-1994" value="12">…</li><li id="src-shape-history-1949-1952" value="3">'


def test_an_id_in_brackets_becomes_the_numbered_citation():
    page = BIB + "<p>a news report of 13 July 1994 (uzland-uzbekistan-joins-pfp-1994) already counts it.</p>"
    out = source_refs.cite(page, ids=IDS)
    assert ('13 July 1994 <a class="cite" href="#src-uzland-uzbekistan-joins-pfp-1994">[12]</a> already'
            in out)
    assert "(uzland" not in out


def test_an_id_among_words_keeps_the_words_and_the_brackets():
    out = source_refs.cite(BIB + "<td>(SHAPE's history page, shape-history-1949-1952, read 1 May)</td>", ids=IDS)
    assert '(SHAPE\'s history page, <a class="cite" href="#src-shape-history-1949-1952">[3]</a>, read 1 May)' in out


def test_chart_tooltips_and_attributes_get_plain_numbers_and_link_targets_stay():
    spec = json.dumps({"note": "Joined (uzland-uzbekistan-joins-pfp-1994).", "source_id": "shape-history-1949-1952"})
    page = (BIB + f'<script type="application/json" id="spec-x">{spec}</script>'
            '<a href="#src-shape-history-1949-1952" title="see shape-history-1949-1952">x</a>')
    out = source_refs.cite(page, ids=IDS)
    data = json.loads(out.split('id="spec-x">')[1].split("</script>")[0])
    assert data == {"note": "Joined [12].", "source_id": "shape-history-1949-1952"}
    assert 'href="#src-shape-history-1949-1952" title="see [3]"' in out


def test_only_known_ids_and_never_code():
    page = BIB + "<p>a well-known long-standing-term</p><code>uzland-uzbekistan-joins-pfp-1994</code>"
    assert source_refs.cite(page, ids=IDS) == page


def test_an_id_the_bibliography_lacks_is_named_by_publisher_and_title():
    out = source_refs.cite("<p>as shown (shape-history-1949-1952).</p>", numbers={}, ids=IDS)
    assert "as shown (NATO SHAPE, “History”)." in out


def test_every_source_id_in_the_real_bibliography_is_recognised():
    ids = source_refs.known()
    sample = sorted(ids)[:40]
    text = " ".join(f"({sid})" for sid in sample)
    assert source_refs.named(text, ids) == sample
