"""A source named by its id in reader text ("… a news report (uzland-uzbekistan-joins-pfp-1994) counts …") is shown
as the page's numbered citation ("… a news report [12] counts …").

The data's notes name their sources by the ``source_id`` of ``data/sources.csv``. A word is a source id only when
it is one of those ids (never any hyphenated word). On a page:

* in text, it becomes a link to the bibliography entry, ``[12]``; an id alone in brackets loses the brackets;
* in an attribute or in a chart's specification (a Vega tooltip shows plain text), it becomes ``[12]``;
* code, preformatted text and every attribute or JSON value that *is* an id (a link target, a data field) are
  left alone.

An id the page's bibliography does not number (a prose edit rendered into a kept page) is shown as its publisher
and title instead.
"""

from __future__ import annotations

import re

from helpers.render import markup

#: A word shaped like a source id; it is one only when ``data/sources.csv`` lists it.
_WORD = re.compile(r"(\(\s*)?(?<![\w/#.\"'=&;:%?-])([a-z0-9]+(?:-[a-z0-9]+)+)(?![\w-]|\.\w)(\s*\))?")
_KEEP = re.compile(r"<(pre|code|style|textarea)\b.*?</\1\s*>", re.S | re.I)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_NUMBERED = re.compile(r'<li id="src-([A-Za-z0-9._-]+)" value="(\d+)"')


def known() -> dict[str, dict[str, str]]:
    from helpers.render import citations

    return citations.rows()


def named(text: str, ids=None) -> list[str]:
    """The source ids ``text`` names in its words, in order of first mention."""
    ids = known() if ids is None else ids
    return list(dict.fromkeys(m.group(2) for m in _WORD.finditer(text) if m.group(2) in ids))


def numbers_in(page: str) -> dict[str, int]:
    """``{id: number}`` of the page's bibliography."""
    return {sid: int(n) for sid, n in _NUMBERED.findall(page)}


def _swap(text: str, numbers: dict[str, int], ids: dict, as_html: bool) -> str:
    def repl(m: re.Match) -> str:
        sid = m.group(2)
        if sid not in ids:
            return m.group(0)
        both = bool(m.group(1) and m.group(3))
        opened, closed = ("", "") if both else (m.group(1) or "", m.group(3) or "")
        n = numbers.get(sid)
        if n is None:  # not in this page's bibliography: who published it, and its title
            row = ids[sid]
            words = f"{row.get('publisher', '')}, “{row.get('title', '')}”".strip(", ")
            shown = markup.esc(words) if as_html else words
            return f"({shown})" if both else f"{opened}{shown}{closed}"
        shown = f'<a class="cite" href="#src-{sid}">[{n}]</a>' if as_html else f"[{n}]"
        return f"{opened}{shown}{closed}"

    return _WORD.sub(repl, text)


def _markup(fragment: str, numbers: dict[str, int], ids: dict) -> str:
    out, pos = [], 0
    for tag in _TAG.finditer(fragment):
        out.append(_swap(fragment[pos:tag.start()], numbers, ids, True))
        out.append(_swap(tag.group(0), numbers, ids, False))
        pos = tag.end()
    out.append(_swap(fragment[pos:], numbers, ids, True))
    return "".join(out)


def _outside_kept(fragment: str, numbers: dict[str, int], ids: dict) -> str:
    out, pos = [], 0
    for kept in _KEEP.finditer(fragment):
        out.append(_markup(fragment[pos:kept.start()], numbers, ids))
        out.append(kept.group(0))
        pos = kept.end()
    out.append(_markup(fragment[pos:], numbers, ids))
    return "".join(out)


def cite(page: str, numbers: dict[str, int] | None = None, ids=None) -> str:
    """``page`` (HTML) with every source id named in its words shown as its number (``numbers``, by default the
    page's own bibliography). Scripts other than JSON data (a chart's specification) are left as they are."""
    ids = known() if ids is None else ids
    numbers = numbers_in(page) if numbers is None else numbers
    out, pos = [], 0
    for script in _SCRIPT.finditer(page):
        out.append(_outside_kept(page[pos:script.start()], numbers, ids))
        body = script.group(2)
        if "json" in script.group(1).lower():
            body = _swap(body, numbers, ids, False)
        out.append(f"<script{script.group(1)}>{body}</script>")
        pos = script.end()
    out.append(_outside_kept(page[pos:], numbers, ids))
    return "".join(out)
