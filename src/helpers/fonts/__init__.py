"""The fonts of the collection, committed with it so that charts and pages look the same on every machine.

Chart exports (SVG/PNG through vl-convert) measure and draw text with the fonts a machine has; a page draws with
the fonts its reader has. Both use the files in this folder instead: Noto Sans and Noto Naskh Arabic under
family names of their own (see OFL.txt and scripts/make_fonts.py), registered with vl-convert by ``register()``
and served to the pages from ``reports/assets/fonts/`` through the ``@font-face`` rules of ``font_css()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent
SANS = "Noto Sans Report"
NASKH = "Noto Naskh Arabic Report"
# The font stack of charts and pages: Latin and Cyrillic from SANS, Arabic from NASKH.
STACK = f'"{SANS}", "{NASKH}", sans-serif'


@dataclass(frozen=True)
class Face:
    family: str
    style: str
    weight: int
    file: str
    original: str


FACES = (
    Face(SANS, "Regular", 400, "NotoSansReport-Regular.ttf", "NotoSans-Regular.ttf"),
    Face(SANS, "Bold", 700, "NotoSansReport-Bold.ttf", "NotoSans-Bold.ttf"),
    Face(NASKH, "Regular", 400, "NotoNaskhArabicReport-Regular.ttf", "NotoNaskhArabic-Regular.ttf"),
    Face(NASKH, "Bold", 700, "NotoNaskhArabicReport-Bold.ttf", "NotoNaskhArabic-Bold.ttf"),
)

_registered = False


def register() -> None:
    """Make the committed fonts known to vl-convert (once per process, before the first export)."""
    global _registered
    if not _registered:
        import vl_convert as vlc

        vlc.register_font_directory(str(FONT_DIR))
        _registered = True


def font_css(prefix: str = "fonts/") -> str:
    """``@font-face`` rules for the committed fonts, their files under ``prefix`` (relative to the CSS file)."""
    rules = [
        f'@font-face {{ font-family: "{f.family}"; font-style: normal; font-weight: {f.weight}; '
        f'font-display: swap; src: url("{prefix}{f.file}") format("truetype"); }}'
        for f in FACES
    ]
    return "\n".join(rules) + "\n"


def assets(folder: str = "assets/") -> dict[str, bytes]:
    """The font files and ``fonts.css`` as files under ``folder``, for the reports' shared assets."""
    out = {f"{folder}fonts/{f.file}": (FONT_DIR / f.file).read_bytes() for f in FACES}
    out[f"{folder}fonts.css"] = font_css("fonts/").encode("utf-8")
    return out
