"""Put the project's JupyterLab settings (``scripts/lab-overrides.json``: no news, no update check, no extension
manager) into the environment's ``share/jupyter/lab/settings/overrides.json``, keeping every other setting a user
keeps there; ``make lab`` runs it. It says what it changed, and changes nothing when the file already agrees.

    .venv/bin/python scripts/lab_settings.py .venv/share/jupyter/lab/settings/overrides.json

A file there that is not a JSON object, or whose settings for one of our plugins are not an object, is left as it
is, with one line saying so (JupyterLab then may show its news prompt); nothing is replaced without a word.
"""

from __future__ import annotations

import json
import os
import stat
import sys
import tempfile
from pathlib import Path

OURS = Path(__file__).resolve().parent / "lab-overrides.json"


def merged(current: dict, ours: dict) -> dict:
    """``current`` with each of our plugins' keys set to ours; other plugins and keys kept."""
    out = dict(current)
    for plugin, values in ours.items():
        kept = out.get(plugin) if isinstance(out.get(plugin), dict) else {}
        out[plugin] = {**kept, **values}
    return out


def _write(target: Path, data: dict) -> None:
    """Write ``data`` to ``target`` whole or not at all: into a temporary file beside it, then moved over it, so a full
    disk or a read-only folder leaves the user's file as it was (it was rewritten in place and cut short). A link
    is followed (the file it points to is rewritten, the link stays), and the file keeps its permissions (a new one
    gets the usual ``0644`` less the umask), so other users of a shared environment still read it."""
    target = Path(os.path.realpath(target))
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o644 & ~umask
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(data, indent=2) + "\n")
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str]) -> int:
    try:
        return _main(argv)
    except OSError as exc:
        where = exc.filename or (argv[0] if argv else "")
        print(f"note: {where}: {exc.strerror or exc}; the JupyterLab settings there were left as they "
              "were (without the project's: no news, no update check, no extension manager)", file=sys.stderr)
        return 0  # JupyterLab still starts, with the user's settings as they were


def _main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: lab_settings.py PATH/TO/overrides.json", file=sys.stderr)
        return 2
    target = Path(argv[0])
    ours = json.loads(OURS.read_text(encoding="utf-8"))
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        _write(target, ours)
        print(f"note: {target}: written with the project's JupyterLab settings", file=sys.stderr)
        return 0
    try:
        current = json.loads(target.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        current = exc
    if not isinstance(current, dict):
        print(f"note: {target} is not a JSON object ({current if isinstance(current, Exception) else 'not an object'}"
              f"); left as it is, without the project's settings from {OURS.name}", file=sys.stderr)
        return 0
    bad = [plugin for plugin in ours if plugin in current and not isinstance(current[plugin], dict)]
    if bad:  # merging would throw the user's value away
        print(f"note: {target}: the settings for {bad[0]} are {type(current[bad[0]]).__name__} "
              f"{json.dumps(current[bad[0]])[:40]}, where JupyterLab reads a JSON object of settings; left as it "
              f"is, without the project's settings from {OURS.name}", file=sys.stderr)
        return 0
    new = merged(current, ours)
    if new != current:
        _write(target, new)
        others = sorted(set(current) - set(ours))
        print(f"note: {target}: the project's JupyterLab settings written"
              + (f"; your settings for {', '.join(others)} kept" if others else ""), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
