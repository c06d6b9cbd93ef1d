"""Printed tables wrap between words: the editor's 07 PDF split "unknow/n", "Obligati/ons", "comprehen/sive"."""

from __future__ import annotations

import pytest
from browser import report_browser as rb

#: about the width of an A4 page's text block at 96 px to the inch
PAPER = (720, 1000)

#: every word of every table cell that the layout puts on more than one line
SPLIT_WORDS_JS = r"""() => {
  const split = [];
  document.querySelectorAll("table.report-table th, table.report-table td").forEach((cell) => {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const re = /[\p{L}\p{M}\p{N}]+/gu;  // a run of letters or digits: a hyphen or a slash may end a line
      for (let m = re.exec(node.data); m; m = re.exec(node.data)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0)
          .map((r) => Math.round(r.top)));
        if (tops.size > 1) { split.push(m[0]); }
      }
    }
  });
  return split;
}"""


@pytest.mark.parametrize("edition", ["", "ar/"])
def test_07_printed_tables_break_lines_between_words_only(chromium, built_reports, edition):
    page, _ = rb.open_report(chromium, built_reports / f"{edition}07-framework-or-alliance.html", viewport=PAPER)
    try:
        page.emulate_media(media="print")
        page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
        assert page.locator("table.report-table").count() > 0
        split = page.evaluate(SPLIT_WORDS_JS)
        assert split == [], f"{edition}07 in print splits words across lines: {split[:12]}"
    finally:
        page.context.close()
