"""Tables and matrices on the page (``helpers.render.table_html``): reader numbers, dates and labels, the CSV keeps the
data."""

from __future__ import annotations

import re


def _figure(page: str, key: str) -> str:
    return page.split(f'id="fig-{key}"', 1)[1].split("</figure>", 1)[0]


def test_tables_show_reader_numbers_dates_and_labels_while_the_csv_keeps_data(rendered, page):
    records = _figure(page, "records")
    assert re.search(r'<td (?=[^>]*class="num")[^>]*>1949</td>', records)  # a year, not 1,949 or 1949.0
    assert re.search(r'<td (?=[^>]*class="date")[^>]*>4 Apr 1949</td>', records)
    assert "data-label" not in records  # short cells: a table on a phone too, never cards that name headers
    assert ">State code</th>" in records and ">Year</th>" in records
    assert page.index('<details class="report-collapsed"><summary>Show all 14 rows: Accessions</summary>') < \
        page.index('id="fig-records"')
    csv_text = rendered["exports/99-fixture/records.csv"].decode()
    assert csv_text.splitlines()[1].startswith('S01,1949-04-04,1949.0,"\'=HYPERLINK')  # formula neutralised


def test_matrix_shows_labels_symbols_shading_unknown_and_numbered_notes(page):
    matrix = _figure(page, "matrix")
    head = matrix.split("<thead>", 1)[1].split("</thead>", 1)[0]
    assert ">NATO</th>" in head and ">Proposed Eurasian framework</th>" in head
    assert '<th colspan="3" scope="rowgroup">Obligations</th>' in matrix
    assert '<th scope="row">Defence promise</th>' in matrix  # dimensions.csv's reader label
    assert re.search(r'class="matrix-cell shade-4" tabindex="0"><span aria-hidden="true" class="matrix-symbol">●'
                     r'</span> yes', matrix)
    assert re.search(r'<td class="matrix-cell shade-unknown"( tabindex="0")?><span aria-hidden="true" '
                     r'class="matrix-symbol">\?</span> unknown', matrix)
    # the citation sits in the cell's detail, not beside the word
    assert re.search(r'<span class="cell-tip" role="tooltip"><bdi dir="ltr">Article 5 of the treaty</bdi> '
                     r'<sup class="cite-ref" data-cite="fixture-members">'
                     r'<a href="#src-fixture-members">\[1\]</a></sup></span>', matrix)
    # a phone gets one card per organisation
    assert matrix.count('<details class="matrix-card">') == head.count('<th scope="col">')
    assert '<ol class="matrix-notes"><li value="1"><bdi dir="ltr">Article 5 of the treaty' in matrix  # shown in print
    assert "EURASIAN_FRAMEWORK" not in matrix.split("<table", 1)[1].split("</table>", 1)[0]


def test_a_table_of_many_columns_is_set_compact_and_a_narrow_one_is_not():
    import pandas as pd

    from helpers.render import table_html

    wide = pd.DataFrame({f"rate_{i}": [1.5] for i in range(table_html.COMPACT)})
    assert "report-compact" in table_html.table_html(wide, "w", "t")
    assert "report-compact" not in table_html.table_html(wide.iloc[:, :3], "n", "t")


def test_a_numeric_columns_header_sits_over_its_numbers():
    import pandas as pd

    from helpers.render import table_html

    frame = pd.DataFrame({"name": ["a", "b"], "rate": pd.array([1.5, None], dtype="Float64"), "note": ["x", None]})
    html = table_html.table_html(frame, "k", "t")
    assert '<th scope="col" class="num">Rate</th>' in html and '<th scope="col">Note</th>' in html
