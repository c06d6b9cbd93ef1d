"""Captions and prose of every notebook address a phone reader too: a tap shows a chart's tooltip, so an
instruction to hover says "hover or tap" (data editor, review 10, M5); and 08 words Armenia's freeze as 03 and 04
do, a declaration rather than a formal act."""

from __future__ import annotations

import re

import pytest

from helpers import paths
from helpers.charts import arms_control as arms_control_charts
from helpers.charts import euroatlantic as euroatlantic_charts

STEMS = tuple(sorted(p.stem for p in paths.NOTEBOOKS.glob("[0-9][0-9]-*.py")))  # every notebook, 00 to 09


def _text(stem: str) -> str:
    """A notebook's source with its adjacent string literals joined (a caption split over lines reads whole) and
    its markdown's line breaks read as spaces."""
    raw = (paths.NOTEBOOKS / f"{stem}.py").read_text(encoding="utf-8")
    raw = re.sub(r'"\s*\n\s*f?"', "", raw)
    return " ".join(line.removeprefix("# ") for line in raw.splitlines())


@pytest.mark.parametrize("stem", STEMS)
def test_every_hover_instruction_also_says_tap(stem):
    text = _text(stem)
    bare = [m.group(0) for m in re.finditer(r"[Hh]over(?! or tap| over or tap| over, tap)[^.\"]{0,40}", text)]
    assert not bare, f"{stem}: {bare}"


def test_the_03_and_04_chart_words_say_hover_or_tap():
    assert "hover or tap any dot" in euroatlantic_charts.EVENT_KEY
    assert "(hover or tap for each)" in arms_control_charts.key_note()


def test_03_event_chart_points_to_the_folded_list_of_every_event():
    """Only 4 of the 12 events are labelled on the chart, so a phone reader, who cannot hover, is sent to the table
    that names them all (the folded table under the chart, with every event the chart draws)."""
    text = _text("03-osce-inclusive-option")
    chart, table = text.index('key="p5-p6-events"'), text.index('key="p5-p6-table"')
    assert "Every event is named in the folded table under the chart." in text[:chart]
    assert chart < table and "present.table(linked[" in text[chart:table]


def test_08_words_armenias_freeze_as_a_declaration():
    text = _text("08-sco-multivector-states")
    assert "froze its CSTO participation" not in text
    assert "Armenia declared its CSTO participation frozen on 22 February 2024" in text


def test_the_shared_word_modules_say_hover_or_tap_too():
    """The captions written by helpers (07's typology caption, the matrix's hint under every matrix table) address
    a phone reader as the notebooks do: a string literal that tells the reader to hover also says tap."""
    bare = []
    for module in sorted((paths.ROOT / "src" / "helpers").rglob("*.py")):
        if module.name == "templating.py":  # the filter that hides these instructions in print, quoting examples
            continue
        for literal in re.findall(r'"([^"\n]*)"', module.read_text(encoding="utf-8")):
            if re.search(r"(?<!-)\b[Hh]over(?! or tap| over or tap| over, tap|-)\b", literal) and " " in literal.strip():
                bare.append(f"{module.name}: {literal}")
    assert not bare, bare


def test_08_slider_map_caption_follows_the_slider_and_names_only_the_scos_statuses():
    """08's SCO map has a year slider, like 02's: its caption names the date above the map (not the report's date,
    which the slider leaves behind) and no 'participating States' the SCO does not have (review 10, L4)."""
    text = _text("08-sco-multivector-states")
    explorer = text.index('maps.membership_explorer(memberships, "SCO"')
    call = text[explorer:text.index('key="sco-map"', explorer)]
    assert 'map_caption(memberships, "SCO", P.as_of, atlas=atlas, slider=True, orgs=["SCO"])' in call
