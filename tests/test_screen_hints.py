"""A caption's instruction to hover is the screen's alone: printed, the page must not tell its reader to hover
(report.css hides ``.screen-only`` in print; tests/test_browser_reader.py checks that in Chromium)."""

from __future__ import annotations

import re

import pytest

from helpers.render.templating import screen_hints


def _printed(html: str) -> str:
    return re.sub(r'<span class="screen-only">.*?</span>', "", html)


@pytest.mark.parametrize("caption, paper", [
    ("Treaty phases up to 1 Apr 2026; hover for dates, parties and sources.", "Treaty phases up to 1 Apr 2026."),
    ("A point is a known score. Hover for details.", "A point is a known score. "),
    ("مراحل المعاهدات حتى 2026؛ مرّر المؤشر لترى التواريخ.", "مراحل المعاهدات حتى 2026."),
    ("تظهر نقطةً. مرِّر المؤشر للتفاصيل.", "تظهر نقطةً. "),
    ("Members on 1 Jan 2020; the hovering debate is not an instruction.", None),
    # review 10, L11: the prose's slider instruction printed ("Move the slider, or focus it and use the arrow keys…")
    ("<p>Move the slider, or use the arrow keys, to see NATO's members: the map moves. It starts at the date.</p>",
     "<p> It starts at the date.</p>"),
    ("<p>حرّك المنزلق، أو استخدم مفاتيح الأسهم، لترى الأعضاء. ويبدأ من تاريخ التقرير.</p>",
     "<p> ويبدأ من تاريخ التقرير.</p>"),
])
def test_hover_instructions_in_captions_do_not_reach_paper(caption, paper):
    html = str(screen_hints(caption))
    if paper is None:
        assert html == caption  # nothing else in a caption is touched
    else:
        assert _printed(html) == paper and "screen-only" in html
