"""The Jinja environment for the page parts (``src/helpers/templates/page/*.html.j2``), autoescaped."""

from __future__ import annotations

import functools
from pathlib import Path

from helpers.render import text

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@functools.lru_cache(maxsize=1)
def env():
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES / "page")),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["ar"] = text.marked
    environment.filters["day"] = text.human_date
    environment.globals["search_box"] = _search_box
    environment.globals["search_head"] = _search_head
    environment.globals["t"] = strings()
    return environment


@functools.lru_cache(maxsize=1)
def strings() -> dict[str, str]:
    """Every reader-visible phrase of the page chrome, in one file per language (``templates/page/strings.<lang>
    .json``; ``NATO_LANG`` picks one, English is the fallback for a phrase a translation lacks)."""
    import json

    from helpers import paths

    def read(lang: str) -> dict[str, str]:
        path = TEMPLATES / "page" / f"strings.{lang}.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    lang = paths.language()
    return {**read("en"), **(read(lang) if lang != "en" else {})}


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
    """Render ``templates/page/<name>`` with ``context``."""
    return env().get_template(name).render(**context)
