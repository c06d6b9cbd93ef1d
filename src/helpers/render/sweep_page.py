"""A sweep's index page (``reports/sweeps/<slug>.html``): one row per report of the sweep — the swept value, the
report (a link) and its headline finding, read from the report page's own record (:mod:`helpers.render.front`).

The page lives one folder below the reports, so every link to the rest of the collection (assets, sidebar, index,
search results) starts with ``../``; the report pages themselves stay beside every other report, so a value given
once with ``-p`` and once in a sweep is one report. The page carries its own record (``<script id="sweep-record">``),
from which the collection's index lists the sweep under "Your builds" (:func:`helpers.render.front.your_builds`).
"""

from __future__ import annotations

from helpers.render import front, site, templating

FOLDER = "sweeps"
ROOT = "../"  # from reports/sweeps/ back to reports/


def value_text(name: str, value) -> str:
    """A swept value as readers know it: '31 Dec 1992', 'Kazakhstan'."""
    from helpers import i18n

    return i18n.text(site.parameter_text(site.reader_value(name, value)))


def title(record: dict, lang: str) -> str:
    """'Security framework or alliance?: 9 reports, as of 31 Dec 1992 … 31 Dec 2000' in the edition's language."""
    from helpers import i18n

    name = record["name"]
    values = record.get("values") or [""]
    swept = templating.strings(lang)["sweep_title"].format(
        name=i18n.gettext(name.replace("_", " "), lang), count=len(record.get("pages") or []),
        first=value_text(name, values[0]), last=value_text(name, values[-1]))
    titles = " · ".join(i18n.text(t, lang) for t in record.get("titles") or [])
    return f"{titles}: {swept}" if titles else swept


def render_sweep(record: dict, rows: list[dict], lang: str = "en") -> bytes:
    """The page of one sweep. ``record``: ``slug``, ``name`` (the parameter), ``command`` (as typed), ``values``
    and ``pages`` (the reports' outputs, in order); ``rows``: per report ``value``, ``id``, ``title``, ``output``,
    ``finding`` and ``failed`` (no record on the page: a failure page)."""
    from helpers import i18n

    record = dict(record, title=title(record, lang))
    counterpart = ({"lang": "ar", "href": f"{ROOT}ar/{FOLDER}/{record['slug']}.html"} if lang == "en" else
                   {"lang": "en", "href": f"{ROOT}{ROOT}{FOLDER}/{record['slug']}.html"})
    shown_rows = [dict(r, value=value_text(record["name"], r["value"])) for r in rows]
    label = i18n.gettext(record["name"].replace("_", " "), lang)
    page = templating.render(
        "sweep.html.j2", lang=lang, title=record["title"], assets=f"{ROOT}assets/", root=ROOT,
        nav=site.nav_items(""), counterpart=counterpart, self_href=f"{record['slug']}.html",
        record_json=front.record_json(record), command=record["command"], rows=shown_rows,
        value_label=label[:1].upper() + label[1:], about=site.about(), data_version=site.data_version())
    return (page.rstrip("\n") + "\n").encode("utf-8")
