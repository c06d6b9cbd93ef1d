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


def _build_05(out: Path, hide_system_fonts: bool) -> dict[str, bytes]:
    env = dict(os.environ, NATO_REPORTS_DIR=str(out / "reports"), NATO_BUILD_DIR=str(out / "build"),
               NATO_CACHE_DIR=str(out / "cache"))
    build = f"{sys.executable} -m helpers.pipeline --only 05 --jobs 1 --force"
    if hide_system_fonts:
        mounts = " && ".join(f"mount -t tmpfs none {d}" for d in SYSTEM_FONT_DIRS if Path(d).is_dir())
        cmd = ["unshare", "--mount", "--propagation", "private", "sh", "-c",
               f"{mounts} && test -z \"$(ls -A {SYSTEM_FONT_DIRS[0]})\" && {build}"]
    else:
        cmd = ["sh", "-c", build]
    run = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    exports = out / "reports" / "exports"
    return {p.relative_to(exports).as_posix(): p.read_bytes() for p in sorted(exports.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_a_build_without_system_fonts_gives_the_same_bytes(tmp_path):
    if shutil.which("unshare") is None or os.geteuid() != 0:
        pytest.fail("this check hides the system fonts in a mount namespace: it needs unshare and root (CI has both)")
    with_fonts = _build_05(tmp_path / "with", hide_system_fonts=False)
    without = _build_05(tmp_path / "without", hide_system_fonts=True)
    images = [name for name in with_fonts if name.endswith((".svg", ".png"))]
    assert len(images) >= 8, sorted(with_fonts)
    changed = [name for name in with_fonts if with_fonts[name] != without.get(name)]
    assert changed == [], f"exports that depend on the machine's fonts: {changed}"
