"""Write CONTRIBUTING.md's table of every module of ``src/helpers`` from each module's first docstring sentence.

    .venv/bin/python scripts/module_table.py          # rewrite the table between the markers
    .venv/bin/python scripts/module_table.py --check  # exit 1 when the table is not current

``tests/test_contributing.py`` fails when a module is added, renamed or re-described without running this.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELPERS = ROOT / "src" / "helpers"
CONTRIBUTING = ROOT / "CONTRIBUTING.md"
START = "<!-- module table: written by scripts/module_table.py -->"
END = "<!-- end of module table -->"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`(])")


def first_sentence(path: Path) -> str:
    """The module docstring's first sentence, in Markdown (reST ````x```` and ``:mod:`x``` become ```x```)."""
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    para = " ".join(doc.split("\n\n")[0].split())
    text = _SENTENCE_END.split(para)[0]
    text = re.sub(r":\w+:`~?([^`]+)`", r"`\1`", text).replace("``", "`")
    return text.replace("|", "\\|")


def modules(helpers: Path = HELPERS) -> list[tuple[str, str]]:
    """(dotted name below ``helpers``, first sentence) for every module, packages before their modules."""
    rows = []
    for path in sorted(helpers.rglob("*.py")):
        if "vendor" in path.parts or "__pycache__" in path.parts:
            continue
        parts = list(path.relative_to(helpers).with_suffix("").parts)
        if parts == ["__init__"]:
            name = "helpers"
        else:
            name = "/".join(parts[:-1]) + "/" if parts[-1] == "__init__" else "/".join(parts)
        rows.append((name, first_sentence(path)))
    return sorted(rows, key=lambda r: [] if r[0] == "helpers" else r[0].rstrip("/").split("/"))


def table(helpers: Path = HELPERS) -> str:
    lines = [START, "", "| module | job (its docstring's first sentence) |", "|---|---|"]
    lines += [f"| `{name}` | {job} |" for name, job in modules(helpers)]
    return "\n".join([*lines, "", END])


def current(text: str, helpers: Path = HELPERS) -> str:
    """``text`` (CONTRIBUTING.md) with the table between the markers written afresh."""
    if START not in text or END not in text:
        raise SystemExit(f"{CONTRIBUTING}: the markers {START!r} and {END!r} are missing")
    head, rest = text.split(START, 1)
    return head + table(helpers) + rest.split(END, 1)[1]


def main(argv: list[str]) -> int:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    fresh = current(text)
    if "--check" in argv:
        if fresh != text:
            print("CONTRIBUTING.md: the module table is not current; run .venv/bin/python scripts/module_table.py")
            return 1
        return 0
    CONTRIBUTING.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
