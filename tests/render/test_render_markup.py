"""Text inside pages (``helpers.render.markup``): JSON in a script element cannot close it."""

from __future__ import annotations

from helpers import render


def test_script_json_escapes_markup():
    out = render.script_json({"t": "</script><b>&"})
    assert "<" not in out and ">" not in out and "&" not in out
    import json

    assert json.loads(out) == {"t": "</script><b>&"}
