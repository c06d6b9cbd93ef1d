"""Every string from the data sits in an element that isolates its direction (issue 20, defect 11): a
right-to-left override or a right-to-left name in a publisher, a title, a table's detail, a matrix cell's detail or
a member list cannot reverse or reorder the text that follows it on the page. The loader refuses unpaired bidi
controls (tests/test_load_hostile.py); this is the page's half: a paired override still reverses only itself."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd

from helpers.render import citations, table_html

RLO, PDF = "\u202e", "\u202c"
EVIL = f"Evil {RLO}sserP{PDF}"  # an override closed in the value: allowed by the loader, still reverses itself
ROW = {"source_id": "s1", "publisher": EVIL, "title": f"A {RLO}eltit{PDF}", "url": "https://example.org/a",
       "accessed": "2026-12-01", "kind": "news", "note": f"Shows {RLO}eton{PDF}"}
ISOLATING = {"bdi"}
#: Block containers: each is a paragraph of its own for the bidi algorithm, so nothing inside reorders text after it.
BLOCKS = {"td", "th", "p", "div", "li", "dd", "dt", "figcaption", "caption", "summary", "details", "section"}


class _Texts(HTMLParser):
    """Every text node holding a bidi control, with whether an isolating element encloses it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []
        self.found: list[tuple[str, bool]] = []
        self.block = False

    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "img", "input", "meta", "link", "wbr"):
            self.stack.append((tag, tag in ISOLATING or any(k == "dir" for k, _ in attrs)))
        self.block = tag in BLOCKS

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if RLO in data:  # isolated: in an isolating element, or alone in its block (a whole cell)
            self.found.append((data, any(iso for _, iso in self.stack) or self.block))


def _open_overrides(html: str) -> list[str]:
    parser = _Texts()
    parser.feed(html)
    assert parser.found, "the test's override never reached the HTML"
    return [text for text, isolated in parser.found if not isolated]


def test_a_bibliography_entry_isolates_its_publisher_title_and_note():
    assert not _open_overrides(str(citations.Citations({"s1": ROW}).bibliography(["s1"])))


def test_a_figure_source_line_carries_no_publisher_or_title_and_its_tips_are_made_isolated():
    # a citation's tip is made in the page from the bibliography entry (isolated above), each part in a <bdi>
    line = str(citations.Citations({"s1": ROW}, numbered=False).line(["s1"]))
    assert RLO not in line and "href=" in line
    from helpers.render.assets import STATIC

    script = (STATIC / "report.js").read_text(encoding="utf-8")
    tips = script.split("function citeTips()", 1)[1].split("\n  }\n", 1)[0]
    assert 'createElement("bdi")' in tips and "textContent = w" in tips


def test_a_table_detail_is_isolated_from_its_label():
    long = "x" * 200
    frame = pd.DataFrame({"name": ["A"], "reason": [f"{long} {EVIL}"], "detail": [f"{long} {EVIL}"]})
    html = table_html.table_html(frame, "t", "T")
    assert "report-row-detail" in html and not _open_overrides(html)


def test_a_matrix_cell_detail_is_isolated_from_its_citation():
    frame = pd.DataFrame({"dim": ["d"], "org": ["NATO"], "value": ["yes"], "score": [1.0], "detail": [EVIL],
                          "source_id": ["s1"]})
    spec = {"rows": "dim", "columns": "org", "value": "value", "value_column": "value", "score": "score",
            "group": None, "detail": "detail", "source": "source_id", "column_order": []}
    body, after = table_html.matrix_html(frame, spec, "m", "M")
    assert not _open_overrides(body) and not _open_overrides(after)
