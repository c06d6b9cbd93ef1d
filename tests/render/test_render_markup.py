"""Text inside pages (``helpers.render.markup``): JSON in a script element cannot close it."""

from __future__ import annotations

from helpers import render


def test_script_json_escapes_markup():
    out = render.script_json({"t": "</script><b>&"})
    assert "<" not in out and ">" not in out and "&" not in out
    import json

    assert json.loads(out) == {"t": "</script><b>&"}


def test_a_colon_after_a_latin_word_in_arabic_stays_with_the_arabic_sentence():
    """«الفقرة P15: …» and «موقع Zerkalo.io: …» isolated the colon with the Latin word, so right to left drew it
    before the word («الفقرة :P15»); the colon now stays outside the isolate, where the Arabic sentence puts it,
    and a colon inside a Latin run (a title, a URL) stays in it."""
    from helpers.render import markup

    assert markup.mark_latin_text("الفقرة P15: منبر") == 'الفقرة <bdi dir="ltr">P15</bdi>: منبر'
    assert markup.mark_latin_text("P15–P16: منبر") == '<bdi dir="ltr">P15–P16</bdi>: منبر'
    assert markup.mark_latin_text("موقع Zerkalo.io: في") == 'موقع <bdi dir="ltr">Zerkalo.io</bdi>: في'
    assert '<bdi dir="ltr">NATO: the first five years</bdi>' in markup.mark_latin_text("NATO: the first five years هنا")
    assert '<bdi dir="ltr" class="report-url">https://nato.int/a</bdi>' in markup.mark_latin_text("موقع https://nato.int/a وحده")
