"""Reports look the same on every machine: the collection ships its fonts (issue 13).

Chart exports are drawn by vl-convert with the fonts it can find and pages with the fonts the reader has; both use
the committed Noto copies in ``src/helpers/fonts`` instead. The strongest check builds notebook 05 (eight SVG/PNG
exports) twice — once as usual, once in a mount namespace where the system font folders are empty — and compares
every file byte for byte.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import fonts, render, theme

ROOT = Path(__file__).resolve().parents[1]
SYSTEM_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts")


def test_charts_and_pages_name_only_the_committed_fonts():
    assert theme.FONT == fonts.STACK
    config = theme.theme_config()["config"]
    assert config["font"] == fonts.STACK
    for face in fonts.FACES:
        assert (fonts.FONT_DIR / face.file).stat().st_size > 100_000, face.file
    css = fonts.font_css()
    assert css.count("@font-face") == len(fonts.FACES)
    assets = render.shared_assets()
    for face in fonts.FACES:
        assert assets[f"assets/fonts/{face.file}"] == (fonts.FONT_DIR / face.file).read_bytes()
    assert b"@font-face" in assets["assets/fonts.css"]


def test_the_committed_fonts_carry_their_own_family_names():
    from fontTools.ttLib import TTFont

    for face in fonts.FACES:
        names = {r.nameID: r.toUnicode() for r in TTFont(fonts.FONT_DIR / face.file)["name"].names}
        assert names[1] == face.family, face.file  # no installed "Noto Sans" can stand in for it


def _build_05(out: Path) -> dict[str, bytes]:
    """Notebook 05's English reports built where the system font folders are empty: their exports by name."""
    env = dict(os.environ, NATO_REPORTS_DIR=str(out / "reports"), NATO_BUILD_DIR=str(out / "build"),
               NATO_CACHE_DIR=str(out / "cache"))
    env.pop("NATO_COLLECTION", None)
    build = f"{sys.executable} -m helpers.pipeline --only 05 --lang en --jobs 1 --force"
    mounts = " && ".join(f"mount -t tmpfs none {d}" for d in SYSTEM_FONT_DIRS if Path(d).is_dir())
    cmd = ["unshare", "--mount", "--propagation", "private", "sh", "-c",
           f"{mounts} && test -z \"$(ls -A {SYSTEM_FONT_DIRS[0]})\" && {build}"]
    run = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    return _exports(out / "reports" / "exports")


def _exports(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_a_build_without_system_fonts_gives_the_same_bytes(tmp_path, real_build):
    """05's exports drawn without the system fonts equal, byte for byte, those of the suite's shared full build,
    drawn with them (one build of 05 here, not two)."""
    if shutil.which("unshare") is None or os.geteuid() != 0:
        pytest.fail("this check hides the system fonts in a mount namespace: it needs unshare and root (CI has both)")
    without = _build_05(tmp_path / "without")
    with_fonts = _exports(real_build[0] / "reports" / "exports")
    images = [name for name in without if name.endswith((".svg", ".png"))]
    assert len(images) >= 8, sorted(without)
    changed = [name for name in without if with_fonts.get(name) != without[name]]
    assert changed == [], f"exports that depend on the machine's fonts: {changed}"
