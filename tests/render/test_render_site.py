"""What the pages know about the collection (``helpers.render.site``): the sidebar's reading order and variant
titles."""

from __future__ import annotations


def test_sidebar_lists_every_report_in_reading_order_and_variants():
    import tomllib

    from helpers import paths
    from helpers.render import site

    books = tomllib.loads(paths.COLLECTION.read_text(encoding="utf-8"))["notebook"]
    current = f"{books[2]['stem']}--{books[2]['variant'][0]['name']}"
    items = site.nav_items(current)
    assert [i["output"] for i in items] == [f"{b['stem']}.html" for b in books]
    variant = items[2]["variants"][0]
    assert variant["current"] and not items[2]["current"] and variant["title"].startswith("as of ")


def test_variant_titles_name_their_values_not_parameters():
    from helpers.render import site

    title = site.reader_title("Security framework or alliance? (as_of-2001-06-15)", {"as_of": "2001-06-15"},
                              {"as_of": "2024-04-30"}, "2001-06-15")
    assert title == "Security framework or alliance? — as of 15 Jun 2001"
    assert site.reader_title("The SCO (kazakhstan)", {"as_of": "2024-07-04", "focus_state": "KAZ"},
                             {"as_of": "2024-07-04", "focus_state": "KAZ"}, "kazakhstan") == \
        "The SCO — as of 4 Jul 2024, focus state Kazakhstan"
    assert site.variant_label({"as_of": "2024-07-04", "focus_state": "IND"},
                              {"as_of": "2024-07-04", "focus_state": "KAZ"}) == "focus state India"
