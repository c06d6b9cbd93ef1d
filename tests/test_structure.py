"""The size limits CONTRIBUTING sets for ``src/helpers``: no function over 60 lines, no module over 450 lines
(issue 14). A module or function that grows past them is a sign it does more than one job; split it."""

from __future__ import annotations

import ast
from pathlib import Path

HELPERS = Path(__file__).resolve().parents[1] / "src" / "helpers"
MAX_FUNCTION, MAX_MODULE = 60, 450


def _modules():
    return sorted(p for p in HELPERS.rglob("*.py") if "__pycache__" not in p.parts)


def test_no_module_is_over_450_lines():
    long = {str(p.relative_to(HELPERS)): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE}
    assert not long, f"modules over {MAX_MODULE} lines: {long}"


def test_no_function_is_over_60_lines():
    long = {}
    for p in _modules():
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION:
                    long[f"{p.relative_to(HELPERS)}:{node.name}"] = length
    assert not long, f"functions over {MAX_FUNCTION} lines: {long}"
