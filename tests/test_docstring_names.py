"""A dotted name such as ``helpers.pipeline.plan`` in a docstring or comment sends a newcomer to a module (and
perhaps a name in it): each one must exist, or the newcomer follows it and finds nothing."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
DOTTED = re.compile(r"(?<![\w.])helpers(?:\.[A-Za-z_]\w*)+")


def _module_file(parts: list[str]) -> Path | None:
    base = SRC.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _top_names(file: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.parse(file.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        elif isinstance(node, ast.ImportFrom | ast.Import):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


def unresolved(name: str) -> str | None:
    """Why ``name`` (``helpers.x.y``) names nothing, or None when it is a module or a name defined in one."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        file = _module_file(parts[:cut])
        if file is None:
            continue
        rest = parts[cut:]
        if not rest or rest[0] in _top_names(file):
            return None
        return f"{'.'.join(parts[:cut])} has no {rest[0]!r}"
    return "no such module"


def named_in(file: Path) -> set[str]:
    return {m.rstrip(".") for m in DOTTED.findall(file.read_text(encoding="utf-8"))}


def test_every_dotted_helpers_name_in_the_code_exists():
    wrong = [f"{f.relative_to(SRC)}: {n} ({why})" for f in sorted((SRC / "helpers").rglob("*.py"))
             for n in sorted(named_in(f)) if (why := unresolved(n))]
    assert wrong == []


def test_a_stale_name_is_caught():
    assert unresolved("helpers.pipeline.limits") == "helpers.pipeline has no 'limits'"
    assert unresolved("helpers.nowhere") == "helpers has no 'nowhere'"
    assert unresolved("helpers.render.site.no_such_function") == "helpers.render.site has no 'no_such_function'"
    assert unresolved("helpers.limits") is None and unresolved("helpers.render.site.data_version") is None
