"""Author prose made safe for the page (issue 20): a markdown cell (or its Arabic in a notebook catalog) is held to
the data's character rule (:mod:`helpers.printable`: no control character, no bidirectional control left open), and
the HTML its markdown makes keeps only the elements and attributes prose uses. ``<script>``, ``<iframe>``, an
event handler (``onerror=…``) or a ``javascript:`` link is shown as text or dropped, never run by the page; an id or
class markdown did not write is dropped, and an image on the network is replaced by a note."""

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
_EVERYWHERE = ("dir", "lang", "title")
_CELL = (*_EVERYWHERE, "align", "colspan", "rowspan")
_ALIGN = re.compile(r"text-align:\s*(left|right|center)")  # a markdown table's column alignment
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_OWN = {"a": "anchor-link", "div": "highlight"}  # a heading's anchor and a code block: markdown's own classes


@functools.lru_cache(maxsize=1)
def _token_classes() -> frozenset[str]:
    from pygments.token import STANDARD_TYPES  # the classes a highlighted code block's spans carry

    return frozenset(STANDARD_TYPES.values()) - {""}


def _attribute(tag: str, name: str, value: str) -> bool:
    """An id only on a heading (markdown's anchor, from the heading text), a class only one markdown writes: prose
    cannot reuse the page's own ids and classes (``search-input``, ``site-nav``) and take over their styles or
    scripts."""
    if name == "id":
        return tag in _HEADINGS
    if name == "class":
        return value == _OWN.get(tag) or tag == "span" and value in _token_classes()
    if name == "style":
        return tag in ("th", "td") and bool(_ALIGN.fullmatch(value))
    return name in _EVERYWHERE or name in _CELL and tag in ("th", "td") or (tag, name) in _OTHERS


_OTHERS = {("a", "href"), ("a", "rel"), ("img", "src"), ("img", "alt"), ("ol", "start"), ("time", "datetime")}
ATTRIBUTES = _attribute
PROTOCOLS = frozenset({"http", "https", "mailto"})
#: An image the page would fetch from the network when opened (the reports work offline): replaced by a note.
_REMOTE_IMG = re.compile(r'<img\b[^>]*?\bsrc="((?:https?:)?//[^"]*)"[^>]*>', re.IGNORECASE)
REMOTE_NOTE = ("[image not shown: {url} is on the network, and a report opens without one; attach the image to "
               "the markdown cell instead]")


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
    """``html`` with every element and attribute outside :data:`TAGS`/:data:`ATTRIBUTES` escaped or dropped, and
    an image on the network replaced by a note (:data:`REMOTE_NOTE`, in the edition's language)."""
    from helpers import i18n

    note = i18n.text(REMOTE_NOTE)  # the Arabic edition's own note
    return _REMOTE_IMG.sub(lambda m: note.format(url=m.group(1)), _cleaner().clean(html))
