"""The offline search index: one entry per section with the words a reader sees (never code or chart specs), a
script the page can load from file://, the vendored MiniSearch, and a search box a keyboard can use."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from helpers import search

PAGE = b"""<!DOCTYPE html><html><head><title>ignored</title><script>var x = "Helsinki in a script";</script></head>
<body><header class="report-header"><nav class="report-nav"><a href="index.html">All reports</a></nav>
<h1>The OSCE, the <em>inclusive</em> option</h1>
<nav class="report-toc"><h2 id="report-toc-title">Contents</h2><ol><li>Kazakhstan in the contents</li></ol></nav>
</header><main id="report-main">
<div class="jp-Cell"><h2 id="From-35-to-57">From 35 to 57<a class="anchor-link" href="#From-35-to-57">\xc2\xb6</a></h2>
<p>The Helsinki Final Act of 1975 had 35 signatories.</p></div>
<div class="jp-Cell"><details class="report-code"><summary>Show code</summary><pre>secret_code_word()</pre></details>
<figure><div class="report-chart"></div><script type="application/json" id="spec-x">{"title": "SpecOnlyWord"}</script>
<table><caption>Members</caption><tbody><tr><td>Kazakhstan</td><td>1992</td></tr></tbody></table>
<figcaption><p class="report-exports">Download: <a href="x.csv">CSV</a></p></figcaption></figure></div>
<div class="jp-Cell"><h3 id="Indivisible">Indivisible security</h3>
<p>Security is indivisible, says the 1999 Charter.</p></div>
</main></body></html>"""


@pytest.fixture(scope="module")
def entries():
    return search.index_entries(PAGE, "03-osce.html")


def test_one_entry_per_section_with_title_anchor_and_words(entries):
    assert [e["anchor"] for e in entries] == ["From-35-to-57", "Indivisible"]
    first, second = entries
    assert first["title"] == "The OSCE, the inclusive option"
    assert first["section"] == "From 35 to 57" and first["id"] == "03-osce.html#From-35-to-57"
    assert "Helsinki Final Act of 1975" in first["text"] and "Kazakhstan" in first["text"]
    assert "indivisible" in second["text"] and "Helsinki" not in second["text"]


def test_code_specs_navigation_and_downloads_are_not_indexed(entries):
    words = json.dumps(entries)
    for hidden in ("secret_code_word", "SpecOnlyWord", "in a script", "Download", "All reports", "contents"):
        assert hidden not in words, hidden


def test_long_sections_are_clipped_at_a_word():
    long = b"<h1>T</h1><main><h2 id='a'>A</h2><p>" + b"word " * 2000 + b"</p></main>"
    (e,) = search.index_entries(long, "p.html")
    assert len(e["text"]) <= search.MAX_SECTION_CHARS + 2 and e["text"].endswith("word …")


def test_index_script_sets_the_global_and_round_trips(entries):
    evil = dict(entries[0], text="a </script><script>alert(1)</script> \u2028 b")
    js = search.index_js(entries + [evil]).decode("utf-8")
    assert js.startswith("/*") and f"window.{search.GLOBAL} = " in js
    assert "</script>" not in js and "\u2028" not in js
    body = js.split(" = ", 1)[1].rstrip(";\n")
    assert json.loads(body) == entries + [evil]
    assert search.index_js(entries) == search.index_js(list(entries))  # same input, same bytes


def test_assets_ship_the_licensed_library_the_ui_and_css():
    files = search.assets()
    assert set(files) == {"assets/minisearch.js", "assets/search.js", "assets/search.css"}
    lib = files["assets/minisearch.js"].decode("utf-8")
    assert "Copyright 2022 Luca Ongaro" in lib and "global.MiniSearch = factory()" in lib
    assert "sourceMappingURL" not in lib  # no request for a map file that is not shipped
    ui = files["assets/search.js"].decode("utf-8")
    assert "minisearch.js" in ui and "search-index.js" in ui and "ArrowDown" in ui and "Escape" in ui


def test_search_box_is_labelled_and_described():
    box = search.box_html()
    assert 'role="search"' in box and '<label class="site-search-label" for="site-search-input">' in box
    assert 'id="site-search-input"' in box and 'aria-describedby="site-search-help"' in box
    assert 'role="status"' in box and 'aria-live="polite"' in box
    assert 'data-assets="assets/"' in box
    assert search.head_html().count("<script") == 1  # the library and the index load on first use


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_minisearch_finds_words_across_pages_from_the_index(tmp_path, entries):
    other = search.index_entries(b"<h1>NATO</h1><main><h2 id='art5'>Article 5</h2><p>An attack on one is an "
                                 b"attack on all (Article 5).</p></main>", "02-nato.html")
    files = search.assets()
    (tmp_path / "minisearch.js").write_bytes(files["assets/minisearch.js"])
    (tmp_path / "index.js").write_bytes(search.index_js(entries + other))
    script = """
      global.window = global; const MiniSearch = require('./minisearch.js'); require('./index.js');
      const ms = new MiniSearch({fields: ['title', 'section', 'text'], storeFields: ['page', 'anchor']});
      ms.addAll(window.NATO_SEARCH_INDEX);
      const out = {};
      for (const q of ['Helsinki', 'indivisible', 'Kazakhstan', 'Article 5'])
        out[q] = ms.search(q, {prefix: true, combineWith: 'AND'}).map(r => r.id);
      console.log(JSON.stringify(out));
    """
    (tmp_path / "run.js").write_text(script, encoding="utf-8")
    done = subprocess.run(["node", "run.js"], check=False, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    hits = json.loads(done.stdout)
    assert hits["Helsinki"][0] == "03-osce.html#From-35-to-57"
    assert hits["indivisible"][0] == "03-osce.html#Indivisible"
    assert hits["Kazakhstan"] == ["03-osce.html#From-35-to-57"]
    assert hits["Article 5"][0] == "02-nato.html#art5"


def test_table_cells_stay_apart_in_the_words_a_snippet_is_cut_from():
    # a snippet ran a table's cells together ("Kazakhstan 1992 Uzbekistan 2001", issue 23): cells are parted by
    # " · " and rows by " — "
    page = (b'<html><body><main><h2 id="t">Members</h2><table><tr><th>State</th><th>Joined</th></tr>'
            b"<tr><td>Kazakhstan</td><td>1992</td></tr><tr><td>Uzbekistan</td><td>2001</td></tr></table>"
            b"<p>After the table.</p></main></body></html>")
    text = search.index_entries(page, "x.html")[0]["text"]
    assert "State · Joined — Kazakhstan · 1992 — Uzbekistan · 2001" in text
    assert text.endswith("2001 After the table.")


def test_a_tables_header_row_is_not_indexed_as_words():
    # editor (issue 23): snippets showed header debris, "… 10 — Date · Title · Description · Paragraphs —"; the
    # index keeps the rows a reader reads, not the flattened header row
    page = (b'<html><body><main><h2 id="t">Events</h2><p>Dated events bear on P5.</p><table>'
            b"<thead><tr><th>Date</th><th>Title</th><th>Description</th></tr></thead>"
            b"<tbody><tr><td>1 Aug 1975</td><td>Helsinki Final Act</td><td>Signed by 35 states.</td></tr></tbody>"
            b"</table></main></body></html>")
    text = search.index_entries(page, "x.html")[0]["text"]
    assert "Date · Title" not in text and "Description" not in text
    assert text == "Dated events bear on P5. 1 Aug 1975 · Helsinki Final Act · Signed by 35 states."


def test_snippets_carry_no_symbol_glyphs_or_citation_numbers():
    # data editor (review 8, low 21): a snippet read "… no such provision. [12] · ○ no 3 No. The go …": the
    # matrix's symbol (aria-hidden), its note number and the citation bracket are not words a reader searches
    page = ('<html><body><main><h2 id="m">Matrix</h2><table><tr><th scope="row">Defence promise</th>'
            '<td><span><bdi>no such provision.</bdi> <sup class="cite-ref"><a href="#src-x">[12]</a></sup></span></td>'
            '<td class="matrix-cell"><span aria-hidden="true" class="matrix-symbol">○</span> no'
            '<sup class="matrix-note-ref">3</sup><span class="cell-tip">No. The goals include cooperation.</span></td>'
            '<td>●</td><td>yes</td></tr></table><p>As the Charter says [4, 5].</p></main></body></html>').encode()
    text = search.index_entries(page, "x.html")[0]["text"]
    assert text == ("Defence promise · no such provision. · no No. The goals include cooperation. · yes "
                    "As the Charter says.")
    for debris in ("[12]", "○", "●", " 3 ", "[4, 5]", "· ·"):
        assert debris not in text
