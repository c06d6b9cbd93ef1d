"""What the pages know about the collection: reading order, titles, variants, parameters, the data version."""

from __future__ import annotations

import datetime as _dt
import functools
import json
import re

from markupsafe import Markup

from helpers import paths
from helpers.render import markup
from helpers.render.how_to_cite import about  # noqa: F401  (the pages' About block)
from helpers.section_map import read as read_collection


def collection() -> dict:
    """The section map in use (``$NATO_COLLECTION`` when a build was given ``--collection``), as parsed TOML."""
    return _collection(str(paths.collection()))


@functools.lru_cache(maxsize=4)
def _collection(path: str) -> dict:
    try:
        return read_collection(path)
    except (OSError, ValueError):
        return {}


def notebooks() -> list[dict]:
    return collection().get("notebook", [])


def param_help(nb_id: str | None) -> dict[str, str]:
    for nb in notebooks():
        if nb.get("id") == nb_id:
            return {k: v.get("help", "") for k, v in nb.get("parameters", {}).items()}
    return {}


def parameter_text(value) -> str:
    """A parameter value for readers: dates as '7 Mar 2024', lists joined with ', ' (the Arabic comma in the
    Arabic edition)."""
    from helpers import i18n

    comma = "، " if paths.language() == "ar" else ", "
    if isinstance(value, (list, tuple)):
        return comma.join(i18n.text(str(v)) for v in value)
    if isinstance(value, str) and "," in value:
        return comma.join(i18n.text(v.strip()) for v in value.split(","))
    return markup.human_date(value) if isinstance(value, (str, _dt.date)) else str(value)


#: Each parameter's name as readers see it in a page's settings (papermill and the build keep the names).
PARAMETER_LABELS = {"as_of": "As of", "orgs": "Organisations", "highlight": "Highlighted organisation",
                    "focus_state": "Focus state", "claim_types": "Claim types", "start": "From", "end": "To",
                    "before": "Before", "after": "After", "year": "Year"}


def parameter_label(name: str) -> str:
    """'orgs' → 'Organisations' (in the edition's language)."""
    from helpers import i18n

    return i18n.gettext(PARAMETER_LABELS.get(name) or name.replace("_", " ").capitalize())


def parameter_line(parameters: dict, nb_id: str | None = None, defaults: dict | None = None) -> str:
    """The parameters as a readable line: 'As of 7 Mar 2024 · Focus state Kazakhstan'.

    With ``defaults``, a value that differs from its default says so: 'As of 7 Mar 2024 (default 30 Apr 2024)'.
    """
    parts = []
    helps = param_help(nb_id) if nb_id else {}
    from helpers import i18n

    for name, value in (parameters or {}).items():
        label = parameter_label(name)
        raw, value = value, reader_value(name, value)
        tip = f' title="{markup.esc(i18n.gettext(helps[name]))}"' if helps.get(name) else ""
        note = ""
        # compared before ids become reader names, or a list of organisations would never equal its default
        if defaults and name in defaults and str(defaults[name]) != str(raw):
            note = (f' <span class="report-param-default">({i18n.gettext("default")} '
                    f'{markup.esc(parameter_text(reader_value(name, defaults[name])))})</span>')
        value_text = markup.esc(i18n.text(parameter_text(value)))  # the edition's words for a value readers know
        parts.append(f'<span class="report-param"{tip}>{markup.esc(label)} <strong>{value_text}</strong>'
                     f"{note}</span>")
    return " · ".join(parts) if parts else i18n.gettext("none")


def reader_value(name: str, value):
    """Organisation ids and state codes in a parameter as readers know them ('Proposed Eurasian framework')."""
    from helpers import wording

    if name in ("orgs", "highlight", "org"):
        return ", ".join(wording.label(v.strip(), "org_id") for v in str(value).split(","))
    if name in ("focus_state", "iso3", "state"):
        return state_name(str(value)) or value
    return value


def variant_label(parameters: dict, defaults: dict | None = None) -> str:
    """A variant named by its own values: 'as of 15 Jun 2001', 'focus state India'."""
    from helpers import i18n

    parts = []
    for name, value in (parameters or {}).items():
        if defaults is not None and name in defaults and str(defaults[name]) == str(value):
            continue
        words = i18n.gettext(name.replace("_", " "))
        shown_value = parameter_text(value)
        if name in ("focus_state", "iso3", "state", "orgs", "highlight", "org"):
            shown_value = str(reader_value(name, value))
        parts.append(f"{words} {shown_value}")
    return "، ".join(parts) if paths.language() == "ar" else ", ".join(parts)


def state_name(iso3: str) -> str:
    """A state's name in the edition's language (``helpers.i18n.text`` of its English name)."""
    from helpers import i18n

    return i18n.text(_state_name(iso3))


@functools.lru_cache(maxsize=64)
def _state_name(iso3: str) -> str:
    from helpers import load

    if not (paths.DATA / "states.csv").exists():
        return ""
    states = load.states(paths.DATA)  # through the loader's checks, like every other reading of the data
    return next((str(name) for code, name in zip(states["iso3"], states["name"]) if code == iso3), "")


def reader_title(title: str, parameters: dict, defaults: dict | None, variant: str | None) -> str:
    """A title named by its values, never by a slug: '… (as_of-2001-06-15)' or '… (1991-12-31)' becomes
    '… — as of 15 Jun 2001' (the values that differ from the defaults, else all of them)."""
    from helpers import i18n

    original = str(title or "").strip()
    base = original
    m = re.search(r"\s*\(([^()]*)\)\s*$", base)
    if m and ((variant and m.group(1) == variant) or re.fullmatch(r"[a-z_]+-.*", m.group(1))):
        base = base[: m.start()].strip()
    if variant or base != original:
        label = variant_label(parameters, defaults) or variant_label(parameters)
        return f"{i18n.text(base)} — {label}" if label else i18n.text(base)
    return i18n.text(base)


def nav_items(current_name: str, missing: frozenset[str] = frozenset()) -> list[dict]:
    """Every report in reading order (variants under their notebook), the current one marked, and those whose
    page (``missing``, file names) is not in the folder marked so (listed without a link)."""
    items = []
    for nb in notebooks():
        stem = nb["stem"]
        variants = [{"title": variant_label(_variant_params(nb, v), _defaults(nb))
                     or variant_label(_variant_params(nb, v)) or v["name"],
                     "output": f"{stem}--{v['name']}.html", "current": current_name == f"{stem}--{v['name']}",
                     "missing": f"{stem}--{v['name']}.html" in missing}
                    for v in nb.get("variant", [])]
        items.append({"id": nb.get("id", ""), "title": nb.get("title", stem), "output": f"{stem}.html",
                      "current": current_name == stem, "variants": variants, "missing": f"{stem}.html" in missing,
                      "open": current_name.startswith(stem)})
    return items


def _defaults(nb: dict) -> dict:
    return {k: v.get("default") for k, v in nb.get("parameters", {}).items()}


def _variant_params(nb: dict, variant: dict) -> dict:
    given = variant.get("parameters") or {k: v for k, v in variant.items() if k not in ("name", "title", "summary")}
    return {k: given[k] for k in given if k in nb.get("parameters", {})}


def data_version() -> str:
    """One version for the whole collection: the data package's version and the fingerprint of the files it
    declares (``helpers.cache.data_fingerprint``, the same on every page and on the index; the build keys every
    page on the same fingerprint, so a data change reaches every page)."""
    from helpers import cache

    hashes = cache.declared_hashes(paths.DATA)
    return _data_version(cache.data_fingerprint(hashes))


@functools.lru_cache(maxsize=4)
def _data_version(short: str) -> str:
    version = ""
    try:
        version = str(json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8")).get("version") or "")
    except (OSError, ValueError):
        pass
    return f"{version} ({short})" if version else short


def params_markup(parameters: dict, nb_id: str | None, defaults: dict | None = None) -> Markup:
    return Markup(parameter_line(parameters, nb_id, defaults))
