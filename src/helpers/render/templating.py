"""The Jinja environment for the page parts (``src/helpers/templates/page/*.html.j2``), autoescaped."""

from __future__ import annotations

import contextvars
import functools
import re
from pathlib import Path

from helpers.render import markup

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
#: The language of the page being rendered (``render(..., lang="ar")``); macros imported without context see it.
_LANG: contextvars.ContextVar[str | None] = contextvars.ContextVar("page_lang", default=None)


def page_lang() -> str:
    from helpers import paths

    return _LANG.get() or paths.language()


def translate(msgid: str) -> str:
    """``t("At a glance")`` in a template: the page's word in the page's language (``helpers.i18n``)."""
    from helpers import i18n

    return i18n.gettext(msgid, page_lang())


def reader_text(value) -> str:
    """The ``tr`` filter: a reader's sentence or name from the data in the page's language."""
    from helpers import i18n

    return i18n.text(value, page_lang())


def paragraph_range_text(value) -> str:
    """The Jinja filter ``prange``: a run of the article's paragraphs ("P1-P19" in the section map) as text, the
    Arabic edition writing every range with an en dash («P1–P19»); the English page keeps the section map's text.
    (``section_map.paragraph_range`` reads such a run into its paragraphs.)"""
    text = "" if value is None else str(value)
    return re.sub(r"(P\d+)-(P\d+)", "\\1\u2013\\2", text) if page_lang() == "ar" else text


def marked(value) -> str:
    """The Jinja filter ``ar``: in the English edition Arabic runs are marked (``markup.mark_arabic_text``); in the
    Arabic edition Latin runs are isolated (``markup.mark_latin_text``)."""
    import markupsafe

    if page_lang() == "ar":
        return markupsafe.Markup(markup.mark_latin_text(value))
    return markupsafe.Markup(markup.mark_arabic_text(value))


#: A caption's instruction to hover ("…; hover for dates." or "… Hover a bar for its dates.", and the Arabic
#: «مرّر المؤشر…»): the screen's alone, so paper does not tell its reader to hover. A clause takes its leading
#: "; " with it and leaves the full stop; a sentence goes whole.
#: The prose's own instruction to move a map's slider (02, 08: «Move the slider, or focus it and use the arrow keys,
#: …») is the screen's too: paper shows the report's date alone. A sentence may open a paragraph (after ``<p>``).
_VERB = r"(?:[Hh]over|مرِّر المؤشر|مرّر المؤشر|Move the slider|حرّك المنزلق|حرِّك المنزلق)"
_HOVER = re.compile(rf"[;؛] {_VERB}[^.<]*(?=\.)|(?:(?<=\. )|(?<=<p>)|^){_VERB}[^.<]*\.")


def screen_hints(value) -> str:
    """The Jinja filter ``hints`` (after ``ar``; on a markdown cell's HTML too): each hover or slider instruction in a
    caption or paragraph wrapped in ``<span class="screen-only">`` (hidden in print by report.css)."""
    import markupsafe

    return markupsafe.Markup(_HOVER.sub(lambda m: f'<span class="screen-only">{m.group(0)}</span>', str(value)))


def isolated(value) -> str:
    """The Jinja filter ``data``: a name or title from the data, isolated from the text around it (``<bdi>``, its
    direction from its own first letter; Arabic or Latin runs inside marked as :func:`marked` does), so no character
    in it can reorder what follows it on the page (a right-to-left override in a publisher's name would otherwise
    reverse the rest of the entry), and an English title in the Arabic edition reads left to right."""
    import markupsafe

    text = "" if value is None else str(value)
    latin_only = markup.HAS_LATIN.search(text) and not markup.HAS_ARABIC.search(text)
    direction = ' dir="ltr"' if page_lang() == "ar" and latin_only else ""
    return markupsafe.Markup(f"<bdi{direction}>{marked(value)}</bdi>")


@functools.lru_cache(maxsize=1)
def env():
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES / "page")),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["ar"] = marked
    environment.filters["data"] = isolated
    environment.filters["hints"] = screen_hints
    environment.filters["day"] = markup.human_date
    environment.filters["tr"] = reader_text
    environment.filters["host"] = markup.url_host
    environment.filters["prange"] = paragraph_range_text
    environment.globals["t"] = translate
    environment.globals["page_lang"] = page_lang
    environment.globals["has_arabic"] = lambda value: bool(markup.HAS_ARABIC.search(str(value or "")))
    environment.globals["page_dir"] = lambda: "rtl" if page_lang() == "ar" else "ltr"
    environment.globals["search_box"] = _search_box
    environment.globals["search_head"] = _search_head
    environment.globals["ui"] = _Phrases()
    return environment


@functools.lru_cache(maxsize=4)
def strings(lang: str = "en") -> dict[str, str]:
    """Every reader-visible phrase of the page chrome, in one file per language (``templates/page/strings.<lang>
    .json``; English is the fallback for a phrase a translation lacks)."""
    import json

    def read(code: str) -> dict[str, str]:
        path = TEMPLATES / "page" / f"strings.{code}.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    return {**read("en"), **(read(lang) if lang != "en" else {})}


class _Phrases:
    """``ui.<name>`` in a template: the phrase in the language of the edition being rendered (``NATO_LANG``)."""

    def __getattr__(self, name: str) -> str:
        from helpers import paths

        return strings(paths.language())[name]


def _search_box(assets: str, place: str = ""):
    """The offline search box (``helpers.search``), already escaped."""
    import markupsafe

    from helpers import search

    return markupsafe.Markup(search.box_html(assets, place))


def _search_head(assets: str):
    """The head tags of the search box and the committed fonts' stylesheet."""
    import markupsafe

    from helpers import search

    return markupsafe.Markup(search.head_html(assets) + f'<link rel="stylesheet" href="{assets}fonts.css">\n')


def render(name: str, **context) -> str:
    """Render ``templates/page/<name>`` with ``context`` (its ``lang``, when given, is the page's language)."""
    token = _LANG.set(context.get("lang") or _LANG.get())
    try:
        return env().get_template(name).render(**context)
    finally:
        _LANG.reset(token)
