"""Prose-only re-renders (``helpers.render.prose_in_page``): which fragments may be put back into a kept page."""

from __future__ import annotations


def test_a_prose_fragment_is_balanced_only_when_it_closes_what_it_opens():
    from helpers.render import prose_in_page

    assert prose_in_page.balanced('<p>one<br>two <img src="x.png"></p>\n<ul><li>a</li></ul>')
    assert not prose_in_page.balanced('<div class="note">left open')
    assert not prose_in_page.balanced("</div> closing the page's own element")
    assert not prose_in_page.balanced("<b><i>crossed</b></i>")
