"""What the fifth Arabic review (December 2026, Part 2: E1–E12) met on the built Arabic pages: statistics read
backwards, an English label in a chart, two names for one claim type, slips in the Arabic, and the rest. Each test
reads the pages the build wrote (``built_reports``: reports/ after ``make reports``)."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString

_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _ar(built: Path, name: str) -> str:
    page = built / "ar" / name
    assert page.exists(), f"the build did not write ar/{name}"
    return page.read_text(encoding="utf-8")


def _pages(built: Path, stem: str) -> list[str]:
    """Every Arabic page of a notebook: its report and its dated variants."""
    found = sorted(p.name for p in (built / "ar").glob(f"{stem}*.html"))
    assert found, f"no ar/{stem}*.html"
    return found


def _soup(html: str) -> BeautifulSoup:
    soup = BeautifulSoup(html, "html.parser")
    for el in soup.select("script, style, code, pre, svg"):
        el.decompose()
    return soup


# ------------------------------------------------------------------------------------------------------------- E1

_STAT = re.compile(r"(?<![\w\u0600-\u06FF])[pn]\s?[=<>≤≥]\s?\d")


def test_a_statistic_is_one_left_to_right_run_so_it_never_reads_backwards(built_reports):
    """«(p = 0.00023؛ …)» with only the letter isolated read «0.00023 = p» right to left: the whole expression is
    one left-to-right isolate, in the glance box and in the findings lists of the page alike."""
    for name in _pages(built_reports, "02-nato-enlargement"):
        soup = _soup(_ar(built_reports, name))
        whole = [b.get_text() for b in soup.find_all("bdi", dir="ltr") if _STAT.match(b.get_text())]
        if name == "02-nato-enlargement.html":
            assert any(t.startswith("p = 0.00023") for t in whole), whole[:3]
        for node in soup.find_all(string=True):
            if not isinstance(node, NavigableString):
                continue
            inside = any(p.name == "bdi" and p.get("dir") == "ltr" for p in node.parents if p.name)
            if not inside:
                assert not _STAT.search(node), (name, str(node)[:120])
            if node.parent.name == "bdi" and node.strip() == "p":
                after = node.parent.next_sibling
                assert not (isinstance(after, str) and re.match(r"\s?[=<>]", after)), (name, str(after)[:40])
