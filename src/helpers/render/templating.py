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
    return environment


def render(name: str, **context) -> str:
    """Render ``templates/page/<name>`` with ``context``."""
    return env().get_template(name).render(**context)
