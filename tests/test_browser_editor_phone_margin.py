"""Data editor, review 9 (low on 01), in headless Chromium on the built reports: at 390 px 01's timeline kept an empty
margin of about 85 px left of its enlarged panel, the width the lower panel's lane names took down its side (the
two panels' plots are aligned). On a phone the lane names now stand inside the lower plot, each above its lane, so
both panels start at the chart's left edge; no name sits on a dot. Both editions; a desktop keeps names down the
side."""

from __future__ import annotations

import pytest
from browser import report_browser as rb

pytestmark = pytest.mark.slow

#: The chart box's left, the leftmost drawn stem or dot of the enlarged panel, the lane names' boxes and the dots'.
GEOMETRY_JS = """() => {
  const el = document.querySelector('#fig-timeline .report-chart'), box = el.getBoundingClientRect();
  const rect = n => { const r = n.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const marks = Array.from(el.querySelectorAll('g.role-mark'));
  const of = kind => marks.filter(g => g.classList.contains(kind)).flatMap(g => Array.from(g.querySelectorAll('*')));
  const stems = of('mark-rule'), dots = of('mark-symbol');
  const names = Array.from(el.querySelectorAll('.role-axis-label text'))
    .filter(t => !/^\\d{4}$/.test(t.textContent.trim()));
  return {left: box.left, stem: Math.min(...stems.map(s => s.getBoundingClientRect().left)),
          names: names.map(rect), dots: dots.map(rect)};
}"""


@pytest.mark.parametrize("edition", ["", "ar/"])
@pytest.mark.parametrize("viewport", [(390, 844), (1280, 900)])
def test_01_timeline_uses_a_phones_width_and_its_lane_names_clear_the_dots(chromium, built_reports, edition, viewport):
    page, rep = rb.open_report(chromium, built_reports / f"{edition}01-the-proposal.html", viewport=viewport)
    try:
        got = page.evaluate(GEOMETRY_JS)
        assert len(got["names"]) >= 3 and got["dots"]
        if viewport[0] < 600:
            margin = got["stem"] - got["left"]
            assert margin <= 20, f"{edition}01 at {viewport[0]} px: the enlarged panel starts {margin:.0f} px in"
        hit = [n for n in got["names"] for d in got["dots"]
               if n[0] < d[2] - 1 and d[0] + 1 < n[2] and n[1] < d[3] - 1 and d[1] + 1 < n[3]]
        assert hit == [], f"{edition}01 at {viewport[0]} px: a lane name sits on a dot"
        assert rep.warnings == [] and rep.console_errors == []
    finally:
        page.context.close()
