"""The article-structure chart of notebook 00, inspected through to_dict()."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import theme
from helpers.charts import article as charts
from helpers.tables import article as tables


@pytest.fixture
def tags():
    paragraphs = pd.DataFrame({"paragraph": ["P1", "P2", "P3"], "order": [1, 2, 3],
                               "section_id": ["S0", "S0", "S1"]})
    themes = pd.DataFrame({"theme_id": ["deterrence"], "label": ["Deterrence"]})
    raw = pd.DataFrame({"paragraph": ["P1", "P3", "P2", "P3"], "tag_kind": ["org", "org", "org", "theme"],
                        "tag": ["NATO", "NATO", "SCO", "deterrence"]})
    return tables.tag_long(raw, paragraphs, themes, highlight="SCO")


def _spec(tags, highlight="SCO"):
    chart = charts.structure_matrix(tags, highlight=highlight, title="SCO is named in 1 of 3 paragraphs",
                                    description="Dot matrix of tags by paragraph.")
    return chart.to_dict()


def test_title_and_text_alternative(tags):
    spec = _spec(tags)
    assert spec["title"] == "SCO is named in 1 of 3 paragraphs"
    assert spec["description"] == "Dot matrix of tags by paragraph."


def test_dots_have_tooltips_and_follow_reading_order(tags):
    dots = _spec(tags)["layer"][1]
    enc = dots["encoding"]
    assert [t["title"] for t in enc["tooltip"]] == ["paragraph", "section", "kind", "tag"]
    assert enc["x"]["sort"] == ["P1", "P2", "P3"]
    assert enc["y"]["sort"] == ["NATO", "SCO", "Deterrence"]
    assert enc["shape"]["field"] == "kind"


def test_highlighted_org_takes_its_theme_colour(tags):
    spec = _spec(tags)
    dots = spec["layer"][1]
    scale = dots["encoding"]["color"]["scale"]
    assert scale["domain"][0] == "SCO (highlighted)"
    assert scale["range"][0] == theme.ORG_COLORS["SCO"]
    band = spec["layer"][0]
    # the shaded columns are in the legend, in the organisation's colour
    fill = band["encoding"]["fill"]
    assert fill["scale"] == {"domain": ["paragraphs that name SCO"], "range": [theme.ORG_COLORS["SCO"]]}
    assert fill["legend"] is not None
    band_rows = spec["datasets"][band["data"]["name"]]
    assert [r["paragraph"] for r in band_rows] == ["P2"]
    assert band["encoding"]["tooltip"]


def test_the_key_names_the_highlighted_organisation_not_its_code():
    """A highlight whose code is not its name (PFP) reads as the organisation's name in the key and the shaded
    columns' entry: "PFP (highlighted)" showed the data's code to readers."""
    paragraphs = pd.DataFrame({"paragraph": ["P1", "P2"], "order": [1, 2], "section_id": ["S0", "S0"]})
    raw = pd.DataFrame({"paragraph": ["P1", "P2"], "tag_kind": ["org", "org"], "tag": ["PFP", "NATO"]})
    tags = tables.tag_long(raw, paragraphs, pd.DataFrame({"theme_id": [], "label": []}), highlight="PFP")
    spec = _spec(tags, highlight="PFP")
    assert spec["layer"][1]["encoding"]["color"]["scale"]["domain"][0] == "Partnership for Peace (highlighted)"
    assert spec["layer"][0]["encoding"]["fill"]["scale"]["domain"] == ["paragraphs that name Partnership for Peace"]


def test_highlight_must_be_an_organisation(tags):
    with pytest.raises(ValueError, match=r"highlight='RUS' is not an organisation id; allowed: NATO"):
        charts.structure_matrix(tags, highlight="RUS", title="t", description="d")


def test_frame_must_come_from_tag_long():
    with pytest.raises(ValueError, match=r"lacks .*row.*build it with tag_long"):
        charts.structure_matrix(pd.DataFrame({"paragraph": ["P1"], "order": [1], "section_id": ["S0"],
                                              "tag_kind": ["org"], "tag": ["NATO"], "label": ["NATO"],
                                              "highlighted": [True]}),
                                highlight="NATO", title="t", description="d")


def test_on_a_phone_the_matrix_is_split_by_section_into_narrow_panels():
    """Data editor (issue 23, finding 11): on a phone the 19-column grid scrolled sideways and showed P1–P6 only;
    the page now draws one panel per section (report.js reads ``usermeta.phone_split``), 15 px per paragraph, each
    with the tags its paragraphs carry, and the chart no longer asks to scroll."""
    tags = pd.DataFrame({"paragraph": ["P1", "P2", "P3", "P3"], "order": [1, 2, 3, 3],
                         "section_id": ["S0", "S0", "S1", "S1"], "tag_kind": ["organisation"] * 4,
                         "tag": ["NATO", "SCO", "NATO", "OSCE"], "label": ["NATO", "SCO", "NATO", "OSCE"],
                         "row": ["NATO", "SCO", "NATO", "OSCE"], "highlighted": [True, False, True, False]})
    spec = charts.structure_matrix(tags, highlight="NATO", title="t", description="d").to_dict()
    split = spec["usermeta"]["phone_split"]
    assert split["field"] == "section_id" and split["values"] == ["S0", "S1"]
    assert split["counts"] == {"S0": 2, "S1": 1} and split["step"] >= 14
    assert split["rows"] == {"S0": 32, "S1": 32}  # two tags in each section, 16 px a row
    assert "phone_plot" not in spec["usermeta"]  # it scrolled sideways
    assert all(row.get("section_id") for row in next(iter(spec["datasets"].values())))
    # the shaded columns carry their section too, so each panel shades its own
    bands = [d for d in spec["datasets"].values() if d and "note" in d[0]][0]
    assert [b["section_id"] for b in bands] == ["S0", "S1"]
