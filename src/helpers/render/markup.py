"""Small text helpers shared by ``helpers.present`` and the renderer: escaping, Arabic marking, dates, safe JSON."""

from __future__ import annotations

import datetime as _dt
import html
import json
import re
import sys

# Arabic letters and marks (Arabic, Supplement, Extended-A, Presentation Forms A/B).
_ARABIC = "\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF"
ARABIC_RUN = re.compile(rf"«?[{_ARABIC}](?:[{_ARABIC}\s\u200c\u200d«»0-9٠-٩.,:;!?()\-–—]*[{_ARABIC}»)])?")
HAS_ARABIC = re.compile(rf"[{_ARABIC}]")
_HAS_LATIN = re.compile(r"[A-Za-z]")
#: Any Latin letter (a cell or title with English in it).
HAS_LATIN = _HAS_LATIN


def esc(text) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def as_text(value) -> str:
    """A value as plain text: '' for missing, ISO for dates."""
    if value is None:
        return ""
    pd = sys.modules.get("pandas")  # a pandas value exists only once pandas is imported; never import it here
    if pd is not None:
        try:
            if value is pd.NaT or (not isinstance(value, str) and pd.isna(value)):
                return ""
            if isinstance(value, pd.Timestamp):
                return value.date().isoformat() if value == value.normalize() else value.isoformat()
        except (TypeError, ValueError):
            pass
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return str(value)


def human_date(value) -> str:
    """'2024-03-07' → '7 Mar 2024' (other text unchanged): ``helpers.wording.day`` of the value as text."""
    from helpers import wording

    return wording.day(as_text(value))


_OPEN, _CLOSE = "(«[", ")»]"
_EDGE_PUNCT = ".,:;!?-–— \u00a0"


def _balanced_run(run: str) -> tuple[str, str, str]:
    """``(before, run, after)``: a matched Arabic run with the punctuation and the brackets it does not open and
    close itself moved outside it, so "(تحييد)" marks only the word and the brackets stay in the English text."""
    before = after = ""
    changed = True
    while run and changed:
        changed = False
        while run and run[-1] in _EDGE_PUNCT:
            after, run, changed = run[-1] + after, run[:-1], True
        while run and run[0] in _EDGE_PUNCT:
            before, run, changed = before + run[0], run[1:], True
        for o, c in zip(_OPEN, _CLOSE):
            if run.endswith(c) and run.count(c) > run.count(o):
                after, run, changed = c + after, run[:-1], True
            if run.startswith(o) and run.count(o) > run.count(c):
                before, run, changed = before + o, run[1:], True
    return before, run, after


def mark_arabic_text(text) -> str:
    """Escape plain text and isolate every Arabic run as ``<bdi lang="ar" dir="rtl">``: the run's own brackets and
    guillemets stay inside it, the surrounding text's brackets and punctuation outside (so a closing bracket is
    never drawn inside the right-to-left run)."""
    text = "" if text is None else str(text)
    out, pos = [], 0
    for m in ARABIC_RUN.finditer(text):
        before, run, after = _balanced_run(m.group(0))
        out.append(html.escape(text[pos : m.start()] + before))
        out.append(f'<bdi lang="ar" dir="rtl">{html.escape(run)}</bdi>' if run else "")
        pos = m.end() - len(after)
    out.append(html.escape(text[pos:]))
    return "".join(out)


#: A run of Latin-script words (names, acronyms, URLs) inside Arabic text, isolated with ``<bdi>`` in the Arabic
#: edition so its direction never reorders the Arabic around it (NATO, New START, https://…). A colon that ends the
#: run is the Arabic sentence's («الفقرة P15: …», «موقع Zerkalo.io: …») and stays outside it: inside, right to left
#: drew it before the Latin word («الفقرة :P15»).
LATIN_RUN = re.compile(r"[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F.'’&:/%?=#@+\-]*"
                       r"(?:(?:[ \u00A0]+|[\u2013\u2014])[A-Za-z0-9\u00C0-\u024F][\w\u00C0-\u024F.'’&:/%?=#@+\-]*)*"
                       r"(?<!:)")
#: One title's halves joined by a dash ("Russian–Chinese") stay one run: split in two, right to left would draw them
#: in swapped order.
#: A statistic written as a letter, a relation and a number ("p = 0.00023", "p < 0.001", "n = 12"): one left-to-right
#: run, so a right-to-left line never draws it as "0.00023 = p".
STATISTIC = re.compile(r"(?<![\w\u0600-\u06FF])[A-Za-z]\u00A0?\s?[=<>\u2264\u2265\u2248]\u00A0?\s?[-\u2212]?\d[\d.,]*"
                       r"(?:[eE][-\u2212]?\d+)?(?<![.,])")
#: What the Arabic edition isolates left to right: a statistic whole, else a Latin run.
LTR_RUN = re.compile(f"{STATISTIC.pattern}|{LATIN_RUN.pattern}")


#: A bracketed list of Latin runs only ("(P4، https://…)", "(C07, P4)"): isolated whole, brackets and all, so a
#: right-to-left line never draws the closing bracket beside the opening one's run or the comma on the wrong side
#: when the address wraps on a phone.
LATIN_GROUP = re.compile(rf"\((?:{LATIN_RUN.pattern})(?:[،,;·] ?(?:{LATIN_RUN.pattern}))+\)")
_URL = re.compile(r"https?://")


def _ltr_bdi(run: str) -> str:
    """One left-to-right run in its ``<bdi>``; a web address may wrap anywhere (a phone's line is narrower)."""
    cls = ' class="report-url"' if _URL.search(run) else ""
    return f'<bdi dir="ltr"{cls}>{html.escape(run)}</bdi>'


def mark_latin_text(text) -> str:
    """Escape plain text and isolate every Latin run in ``<bdi>`` (the Arabic edition's twin of
    :func:`mark_arabic_text`); text without Arabic is left as it is."""
    text = "" if text is None else str(text)
    if not HAS_ARABIC.search(text):
        return html.escape(text)
    out, pos = [], 0
    for m in re.finditer(f"{LATIN_GROUP.pattern}|{LTR_RUN.pattern}", text):
        out.append(html.escape(text[pos : m.start()]))
        out.append(_ltr_bdi(m.group(0)))
        pos = m.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def isolated_html(escaped: str, lang: str = "en") -> str:
    """Already escaped text from the data in an isolating ``<bdi>`` of the edition's direction (table details)."""
    return f'<bdi dir="{"rtl" if lang == "ar" else "ltr"}">{escaped}</bdi>'


def is_arabic_text(text: str) -> bool:
    """True when the text has Arabic letters and no Latin ones (a whole cell or heading in Arabic)."""
    return bool(HAS_ARABIC.search(text or "")) and not _HAS_LATIN.search(text or "")


def script_json(value) -> str:
    """JSON safe to place inside ``<script type="application/json">`` (sorted keys, ``<>&`` escaped)."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def short(title: str, limit: int = 48) -> str:
    """A title cut at a word boundary to about ``limit`` characters, with an ellipsis when cut."""
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0].rstrip(",;:-–— ")
    return f"{cut}…"


def url_host(url: str) -> str:
    """The site a URL points to, as a bibliography shows it: 'https://www.mid.ru/foreign_policy/…' → 'mid.ru'
    (the whole address stays in the link and is printed on paper)."""
    from urllib.parse import urlsplit

    host = urlsplit(str(url or "")).hostname or ""
    return host[4:] if host.startswith("www.") else host or str(url or "")


def _css_string(text: str) -> str:
    """``text`` as a CSS string: quotes, backslashes and line breaks escaped, and ``<`` too, so no ``</style>``."""
    return '"' + "".join(f"\\{ord(c):x} " if c in '"\\<>\n\r\f' else c for c in text) + '"'


def card_labels(table_id: str, heads: list[str]) -> str:
    """A table's column names for its phone cards, once per column instead of once per cell: a ``<style>`` that
    gives each cell of the main rows its header as ``--card-label`` (report.css shows it above the value on a
    phone; 02's Arabic page carried 39 KB of repeated ``data-label`` attributes)."""
    rows = f'[id={_css_string(table_id)}]>tbody>tr:not(.report-row-detail)>td'
    rules = "".join(f"{rows}:nth-child({n}){{--card-label:{_css_string(head)}}}"
                    for n, head in enumerate(heads, 1) if head)
    return f"<style>{rules}</style>" if rules else ""

