"""Prose-only re-renders (``helpers.render.respin``): which fragments may be put back into a kept page."""

from __future__ import annotations


def test_a_prose_fragment_is_balanced_only_when_it_closes_what_it_opens():
    from helpers.render import respin

    assert respin.balanced('<p>one<br>two <img src="x.png"></p>\n<ul><li>a</li></ul>')
    assert not respin.balanced('<div class="note">left open')
    assert not respin.balanced("</div> closing the page's own element")
    assert not respin.balanced("<b><i>crossed</b></i>")
