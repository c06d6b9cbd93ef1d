"""Parameters in words and at their edges: what ``--list`` shows, the literal a checked value goes back to, and
the extreme values of each declared range (which a test builds)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from helpers.params.checks import Context, allowed_codes, bound, bounds, check_all, range_text
from helpers.params.specs import NotebookSpec, ParamSpec, collection_path, data_dir, notebook
from helpers.params.types import RANGED


def plain(value: Any) -> Any:
    """A checked value back to the literal form a notebook's parameters cell holds (dates → ISO strings)."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return ",".join(value)
    return value


def normalised(notebook_id: str, values: dict[str, Any], *, collection: Path | None = None) -> dict[str, Any]:
    """``values`` checked and back in their literal form (``"٢٠٢٣"`` → ``2023``, ``" 2001-06-15"`` →
    ``"2001-06-15"``), only the names given: what a report made with these overrides should be named after, so
    two spellings of one value make one report."""
    checked = check_all(notebook_id, values, collection=collection)
    return {name: plain(checked[name]) for name in values}


def _context(notebook_id: str, collection: Path | None) -> Context:
    coll = (collection or collection_path()).resolve()
    return Context(notebook=notebook(notebook_id, coll), folder=data_dir(coll))


def _rules_of(nb: NotebookSpec, name: str) -> str:
    rules = [str(c) for c in nb.constraints if name in (c.left, c.right)]
    return f"; {', '.join(rules)}" if rules else ""


def _ranged(ctx: Context, spec: ParamSpec) -> str:
    """A ranged parameter in words: its type's own text (``types.Range.allowed``, which a refused value quotes
    too) with its bounds, then the rules between parameters it takes part in."""
    return range_text(*bounds(ctx, spec), RANGED[spec.type].allowed) + _rules_of(ctx.notebook, spec.name)


#: What ``--list`` says each parameter type without a range accepts; a ranged type's text is its Range's
#: (:func:`_ranged`). A test holds ``ALLOWED`` and ``types.RANGED`` together equal to ``types.TYPES``, so a new type
#: cannot fall back to a wrong text.
ALLOWED: dict[str, Callable[[Context, ParamSpec], str]] = {
    "org": allowed_codes,
    "org_list": allowed_codes,
    "list": allowed_codes,
    "state": allowed_codes,
    "choice": lambda ctx, spec: "one of " + ", ".join(map(str, spec.choices)),
    "str": lambda ctx, spec: "one line of printable text",
}


def allowed_text(notebook_id: str, name: str, *, collection: Path | None = None) -> str:
    """What a parameter accepts, in words (for ``--list``)."""
    ctx = _context(notebook_id, collection)
    spec = ctx.notebook.parameters[name]
    return _ranged(ctx, spec) if spec.type in RANGED else ALLOWED[spec.type](ctx, spec)


def edge_values(notebook_id: str, *, collection: Path | None = None) -> dict[str, dict[str, Any]]:
    """``{"min": {...}, "max": {...}}``: every parameter with a lower and an upper bound at that bound, as the
    literal a parameters cell holds. Where a rule between two parameters forbids both at one bound, the one the
    rule moves is set to the nearest value it allows (``before < after`` at the minimum: ``after`` one day
    later). Parameters without a range are left out."""
    ctx = _context(notebook_id, collection)
    ranged = {n: s for n, s in ctx.notebook.parameters.items() if s.type in RANGED
              and s.min is not None and s.max is not None}
    out = {}
    for edge in ("min", "max"):
        values = {n: bound(ctx, s, edge) for n, s in ranged.items()}
        for c in ctx.notebook.constraints:
            if c.left not in values or c.right not in values:
                continue
            low, high = (c.left, c.right) if c.op in ("<", "<=") else (c.right, c.left)
            gap, rng = (1 if c.op in ("<", ">") else 0), RANGED[ranged[low].type]
            if edge == "min" and values[high] < rng.moved(values[low], gap):
                values[high] = rng.moved(values[low], gap)
            if edge == "max" and values[low] > rng.moved(values[high], -gap):
                values[low] = rng.moved(values[high], -gap)
        out[edge] = {n: plain(v) for n, v in values.items()}
    return out
