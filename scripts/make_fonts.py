"""Write the collection's fonts into src/helpers/fonts/ from the Noto TTF files (Debian's fonts-noto-core).

Usage:  python scripts/make_fonts.py [NOTO_DIR]     (default /usr/share/fonts/truetype/noto)

The copies differ from the originals only in their family names ("Noto Sans Report", "Noto Naskh Arabic Report"),
which the SIL Open Font License allows. A name no system font carries means chart exports and pages always use
these files, whatever fonts a machine has. Run it only to update the fonts; the results are committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from helpers.fonts import FACES, FONT_DIR  # noqa: E402


def rename(src: Path, dst: Path, family: str, style: str) -> None:
    font = TTFont(src, recalcTimestamp=False)
    names = {1: family, 16: family, 2: style, 17: style, 4: f"{family} {style}",
             6: f"{family.replace(' ', '')}-{style}"}
    for record in font["name"].names:
        if record.nameID in names:
            record.string = names[record.nameID]
    font.save(dst)


def main(argv: list[str]) -> int:
    noto = Path(argv[0]) if argv else Path("/usr/share/fonts/truetype/noto")
    for face in FACES:
        src = noto / face.original
        if not src.exists():
            print(f"error: {src} not found (install Debian's fonts-noto-core or pass its folder)", file=sys.stderr)
            return 1
        rename(src, FONT_DIR / face.file, face.family, face.style)
        print(f"wrote {(FONT_DIR / face.file).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
