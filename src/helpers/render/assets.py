"""Files every report links to, written once per collection under ``reports/assets/``."""

from __future__ import annotations

from pathlib import Path

from helpers.render.exports import RenderError
from helpers.render.templating import TEMPLATES

STATIC = TEMPLATES / "nato_report" / "static"
ASSETS = "assets/"


def shared_assets() -> dict[str, bytes]:
    """``vega-bundle.js`` (vega + vega-lite + vega-embed from ``vl_convert``), ``report.js``, ``lab.css`` (with the
    code style), ``report.css``."""
    import vl_convert as vlc

    from helpers import fonts, search, theme
    from helpers.render import notebook

    lab_static = _lab_static()
    # the code style first, where nbconvert would have inlined it in each page (before the lab CSS)
    lab_css = notebook.code_style_css() + "\n" + (lab_static / "index.css").read_text(encoding="utf-8") + "\n" + \
        (lab_static / "theme-light.css").read_text(encoding="utf-8")
    return {
        f"{ASSETS}vega-bundle.js": vlc.javascript_bundle(vl_version=theme.vl_version()).encode("utf-8"),
        f"{ASSETS}report.js": (STATIC / "report.js").read_bytes(),
        f"{ASSETS}lab.css": lab_css.encode("utf-8"),
        f"{ASSETS}report.css": (STATIC / "report.css").read_bytes(),
        **search.assets(),
        **fonts.assets(ASSETS),
    }


def _lab_static() -> Path:
    from jupyter_core.paths import jupyter_path

    for base in jupyter_path("nbconvert", "templates"):
        candidate = Path(base) / "lab" / "static"
        if (candidate / "index.css").exists():
            return candidate
    raise RenderError("nbconvert's 'lab' template (static/index.css) was not found; reinstall nbconvert")
