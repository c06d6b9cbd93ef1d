"""Author prose made safe for the page (issue 20): a markdown cell (or its Arabic in a notebook catalog) is held to
the data's character rule (:mod:`helpers.printable`: no control character, no bidirectional control left open), and
the HTML its markdown makes keeps only the elements and attributes prose uses. ``<script>``, ``<iframe>``, an
event handler (``onerror=…``) or a ``javascript:`` link is shown as text or dropped, never run by the page."""

from __future__ import annotations

import functools
import re

from helpers.printable import bad_character

#: What markdown and our prose write: headings with anchors, paragraphs, lists, emphasis, code, tables, quotes,
#: links and images, and the isolating ``<bdi>``/``<span dir>`` marks of mixed-direction text.
TAGS = frozenset({"p", "a", "bdi", "bdo", "span", "cite", "strong", "em", "b", "i", "u", "s", "del", "ins", "mark",
                  "small", "sub", "sup", "code", "kbd", "pre", "blockquote", "q", "abbr", "br", "hr",
                  "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody",
                  "tfoot", "tr", "th", "td", "caption", "img", "figure", "figcaption", "details", "summary",
                  "div", "time"})
_EVERYWHERE = ("id", "class", "dir", "lang", "title")
_CELL = (*_EVERYWHERE, "align", "colspan", "rowspan")
_ALIGN = re.compile(r"text-align:\s*(left|right|center)")  # a markdown table's column alignment


def _cell_attribute(tag: str, name: str, value: str) -> bool:
    return name in _CELL or name == "style" and bool(_ALIGN.fullmatch(value))


ATTRIBUTES = {"*": list(_EVERYWHERE), "a": [*_EVERYWHERE, "href", "rel"], "img": [*_EVERYWHERE, "src", "alt"],
              "th": _cell_attribute, "td": _cell_attribute, "ol": [*_EVERYWHERE, "start"],
              "time": [*_EVERYWHERE, "datetime"]}
PROTOCOLS = frozenset({"http", "https", "mailto"})


class UnsafeProse(ValueError):
    """A markdown cell holds a character the page may not show (one line: the cell, the character, the rule)."""


def check(source: str, where: str) -> None:
    """UnsafeProse naming ``where`` when ``source`` breaks the character rule (tabs are markdown's own spacing)."""
    bad = bad_character(source.replace("\t", " "))
    if bad:
        raise UnsafeProse(f"{where}: {bad[0]}; {bad[1]}")


@functools.lru_cache(maxsize=1)
def _cleaner():
    import bleach
    from bleach.css_sanitizer import CSSSanitizer

    return bleach.Cleaner(tags=TAGS, attributes=ATTRIBUTES, protocols=PROTOCOLS, strip=False, strip_comments=True,
                          css_sanitizer=CSSSanitizer(allowed_css_properties=["text-align"]))


def clean(html: str) -> str:
    """``html`` with every element and attribute outside :data:`TAGS`/:data:`ATTRIBUTES` escaped or dropped."""
    return _cleaner().clean(html)
