"""Checking values against their declarations: one check per parameter type, then the rules between parameters.

Every refusal is a :class:`ParameterError` whose message is one line: notebook, parameter, the value (long
values cut to their first 60 characters), what is wrong and what is allowed. Dates and years written with other
decimal digits (Arabic-Indic ``٢٠٢٣``, Persian ``۲۰۲۳`` ...) are read as the same ASCII digits.
"""

from __future__ import annotations

import difflib
import operator
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from helpers.params import coverage, datafiles
from helpers.printable import bad_character, invisible, look_alikes
from helpers.params.refusals import CollectionError, ParameterError
from helpers.params.specs import (
    Constraint,
    NotebookSpec,
    ParamSpec,
    collection_path,
    data_dir,
    notebook,
)
from helpers.params.types import BOUND_WORDS, RANGED

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_WHOLE = re.compile(r"^[+-]?\d+$", re.ASCII)
#: Longest value echoed in full in a message.
ECHO_LIMIT = 60
OPS: dict[str, Callable[[Any, Any], bool]] = {"<=": operator.le, "<": operator.lt, ">=": operator.ge,
                                              ">": operator.gt}
_OP_WORDS = {"<=": "on or after", "<": "after", ">=": "on or before", ">": "before"}


class Items(list):
    """A checked ``list`` parameter: a list of strings that reads back as the comma-separated text of the
    notebook's parameters cell (``str(items)`` is ``"factual,normative"``), so code written for the text form
    (``claim_type_list(P.claim_types)``) keeps working."""

    def __str__(self) -> str:
        return ",".join(self)


@dataclass
class Context:
    """One notebook being checked, and what the checks read from its data folder (read once, when needed)."""

    notebook: NotebookSpec
    folder: Path
    _cache: dict = field(default_factory=dict)

    def _read(self, key: str, read: Callable[[], Any]) -> Any:
        if key not in self._cache:
            self._cache[key] = read()
        return self._cache[key]

    @property
    def span(self) -> dict:
        return self._read("span", lambda: datafiles.data_span(self.folder))

    @property
    def orgs(self) -> tuple:
        return self._read("orgs", lambda: datafiles.known_orgs(self.folder))

    @property
    def states(self) -> tuple:
        return self._read("states", lambda: datafiles.known_states(self.folder))

    def org_items(self, spec: ParamSpec) -> tuple:
        """The organisations an ``org_list`` parameter may hold, in the order of organisations.csv: all of them,
        or only those its ``items`` also name (``"data:org_features.org_id"``: the organisations coded)."""
        if spec.items is None:
            return self.orgs
        narrowed = set(self.items(spec))
        return tuple(o for o in self.orgs if o in narrowed)

    def items(self, spec: ParamSpec) -> tuple:
        """The items a ``list`` parameter may hold: its literal list, or the values of a data column (sorted)."""
        if isinstance(spec.items, tuple):
            return spec.items
        table, col = spec.items[len("data:"):].split(".", 1)
        path = self.folder / f"{table}.csv"
        what = f"the items of parameter '{spec.name}'"
        return self._read(spec.items, lambda: tuple(sorted(datafiles.column(path, col, what))))


def cut(text: str) -> str:
    """``text`` cut to its first ``ECHO_LIMIT`` characters, with the full length said."""
    return text if len(text) <= ECHO_LIMIT else f"{text[:ECHO_LIMIT]}… ({len(text)} characters)"


def echo(value: Any) -> str:
    """``repr(value)`` for a message; a long text shows its first ``ECHO_LIMIT`` characters and its length."""
    if isinstance(value, str) and len(value) > ECHO_LIMIT:
        return f"{value[:ECHO_LIMIT]!r}… ({len(value)} characters)"
    return cut(repr(value)) + (look_alikes(value) if isinstance(value, str) else "")


def ascii_digits(text: str) -> str:
    """``text`` with every decimal digit written as 0-9 (``٢٠٢٣`` → ``2023``)."""
    return "".join(str(unicodedata.decimal(c)) if not c.isascii() and c.isdecimal() else c for c in text)


def short(values: tuple, limit: int = 12) -> str:
    if len(values) <= limit:
        return ", ".join(values)
    return ", ".join(values[:limit]) + f", … ({len(values)} in all)"


def fail(ctx: Context, spec: ParamSpec, value: Any, problem: str, allowed: str) -> ParameterError:
    return ParameterError(f"notebook {ctx.notebook.id} ({ctx.notebook.stem}): parameter '{spec.name}' = "
                          f"{echo(value)} {problem}; allowed: {allowed}")


def bound(ctx: Context, spec: ParamSpec, which: str):
    raw = getattr(spec, which)
    if raw is None:
        return None
    if isinstance(raw, str) and raw.startswith("data:"):
        if raw not in BOUND_WORDS:
            raise CollectionError(f"notebook {ctx.notebook.id}: parameter '{spec.name}' has {which} = {raw!r}; "
                                  f"allowed words: {', '.join(BOUND_WORDS)}")
        return ctx.span[raw]
    return RANGED[spec.type].parse(raw) if spec.type in RANGED else raw


def bounds(ctx: Context, spec: ParamSpec) -> tuple[Any, Any]:
    """``(min, max)`` of a ranged parameter; CollectionError when min lies above max: no value could be allowed,
    and blaming the value would send the reader to the wrong line."""
    lo, hi = bound(ctx, spec, "min"), bound(ctx, spec, "max")
    if lo is not None and hi is not None and lo > hi:
        raise CollectionError(f"notebook {ctx.notebook.id} ({ctx.notebook.stem}): parameter '{spec.name}' has min "
                              f"{spec.min!r} ({lo}) above max {spec.max!r} ({hi}), an empty range; allowed: a min "
                              "on or before the max")
    return lo, hi


def range_text(lo, hi, unit: str) -> str:
    if lo is not None and hi is not None:
        return f"{unit} from {lo} to {hi}"
    if lo is not None:
        return f"{unit} on or after {lo}"
    if hi is not None:
        return f"{unit} on or before {hi}"
    return unit


CHECKS: dict[str, Callable[[Context, ParamSpec, Any], Any]] = {}


def checks(*types: str) -> Callable:
    """Register the decorated function as the check of these parameter types."""

    def register(func: Callable) -> Callable:
        CHECKS.update(dict.fromkeys(types, func))
        return func

    return register


def allowed_range(ctx: Context, spec: ParamSpec) -> str:
    """What a ranged parameter allows, as a refusal says it: its type's text (``types.Range.allowed``, the one
    ``--list`` shows too) with the declared bounds."""
    return range_text(*bounds(ctx, spec), RANGED[spec.type].allowed)


def _in_range(ctx: Context, spec: ParamSpec, value: Any, v: Any, allowed: str) -> Any:
    lo, hi = bounds(ctx, spec)
    if (lo is not None and v < lo) or (hi is not None and v > hi):
        raise fail(ctx, spec, value, "is out of range", allowed)
    return v


@checks("date")
def check_date(ctx: Context, spec: ParamSpec, value: Any) -> date:
    """An ISO date within the declared bounds (``datetime.date``)."""
    allowed = allowed_range(ctx, spec)
    if isinstance(value, date):
        return _in_range(ctx, spec, value, value, allowed)
    text = ascii_digits(value.strip()) if isinstance(value, str) else None
    if text is None or not _ISO_DATE.match(text):
        raise fail(ctx, spec, value, "is not a date", allowed)
    try:
        d = date.fromisoformat(text)
    except ValueError:
        raise fail(ctx, spec, value, "is not a real calendar date", allowed) from None
    return _in_range(ctx, spec, value, d, allowed)


@checks("year", "int")
def check_whole(ctx: Context, spec: ParamSpec, value: Any) -> int:
    """A whole number (a year) within the declared bounds."""
    allowed = allowed_range(ctx, spec)
    if isinstance(value, int) and not isinstance(value, bool):
        return _in_range(ctx, spec, value, value, allowed)
    text = ascii_digits(value.strip()) if isinstance(value, str) else ""
    if not _WHOLE.match(text):
        raise fail(ctx, spec, value, "is not a whole number", allowed)
    if len(text.lstrip("+-")) > 18:  # int() refuses past 4,300 digits; no declared range comes near 18
        raise fail(ctx, spec, value, "is out of range", allowed)
    return _in_range(ctx, spec, value, int(text), allowed)


def _known(ctx: Context, spec: ParamSpec) -> tuple[tuple, str]:
    """The values an ``org``, ``state``, ``org_list`` or ``list`` parameter takes, and what they are in words."""
    if spec.type == "state":
        return ctx.states, "ISO3 codes from data/states.csv"
    if spec.type == "org_list":
        return ctx.org_items(spec), org_list_words(spec)
    if spec.type == "org":
        return ctx.orgs, "organisation ids from data/organisations.csv"
    where = f" from data/{spec.items[5:].replace('.', '.csv column ', 1)}" if isinstance(spec.items, str) else ""
    return ctx.items(spec), f"items{where}"


def allowed_codes(ctx: Context, spec: ParamSpec) -> str:
    """What an ``org``, ``state``, ``org_list`` or ``list`` parameter accepts, in words: the one text its refusal
    and ``--list`` (``describe.ALLOWED``) both say."""
    known, what = _known(ctx, spec)
    if spec.type in ("org_list", "list"):
        return f"comma-separated {what}, each at most once: {short(known)}"
    return f"one of the {what}: {short(known)}"


@checks("org", "state")
def check_code(ctx: Context, spec: ParamSpec, value: Any) -> str:
    """One organisation id or ISO3 code the data lists."""
    known, allowed = _known(ctx, spec)[0], allowed_codes(ctx, spec)
    if not isinstance(value, str) or not value.strip():
        raise fail(ctx, spec, value, "is not a code", allowed)
    v = value.strip()
    if v not in known:
        near = difflib.get_close_matches(v.upper(), known, n=3, cutoff=0.5)
        hint = f" (did you mean {' or '.join(near)}?)" if near else ""
        kind = "state" if spec.type == "state" else "organisation"
        raise fail(ctx, spec, value, f"is not a known {kind}{hint}", allowed)
    return v


@checks("org_list", "list")
def check_items(ctx: Context, spec: ParamSpec, value: Any) -> Items:
    """Comma-separated organisation ids the data lists (``org_list``, a plain list; narrowed by its ``items``) or
    items from the declared list or the data column it names (``list``), each once, put in the order of what is
    allowed: the items choose what is shown, not its order, so ``SCO,NATO`` and ``NATO,SCO`` are one report."""
    (known, what), allowed = _known(ctx, spec), allowed_codes(ctx, spec)
    if isinstance(value, (list, tuple)):
        items = [str(v).strip() for v in value]
    elif isinstance(value, str):
        items = [v.strip() for v in value.split(",")]
    else:
        raise fail(ctx, spec, value, "is not a comma-separated list", allowed)
    if not value or any(not v for v in items):
        raise fail(ctx, spec, value, "has an empty item", allowed)
    uncoded = [v for v in items if spec.type == "org_list" and v in ctx.orgs and v not in known]
    if uncoded:
        raise fail(ctx, spec, value, f"names organisation(s) {cut(', '.join(uncoded))} that this notebook does not "
                   "code", allowed)
    unknown = [v for v in items if v not in known]
    if unknown:
        noun = "organisation(s)" if spec.type == "org_list" else "item(s)"
        raise fail(ctx, spec, value, f"names unknown {noun} {cut(', '.join(unknown))}", allowed)
    if len(set(items)) != len(items):
        noun = "an organisation" if spec.type == "org_list" else "an item"
        raise fail(ctx, spec, value, f"repeats {noun}", f"each of the {what} at most once")
    ordered = [k for k in known if k in items]
    return ordered if spec.type == "org_list" else Items(ordered)


def org_list_words(spec: ParamSpec) -> str:
    """Which organisation ids an ``org_list`` parameter allows, in words."""
    if spec.items is None:
        return "organisation ids from data/organisations.csv"
    if isinstance(spec.items, tuple):
        return "organisation ids from data/organisations.csv that this notebook lists"
    table, col = spec.items[len("data:"):].split(".", 1)
    return f"organisation ids from data/organisations.csv that data/{table}.csv codes (its column {col})"


@checks("choice")
def check_choice(ctx: Context, spec: ParamSpec, value: Any) -> Any:
    """One of the declared choices; ``-p mode 2`` (text) is the declared choice 2 (a TOML number)."""
    if isinstance(value, str) and value not in spec.choices:
        value = next((c for c in spec.choices if not isinstance(c, str) and str(c) == value.strip()), value)
    if value not in spec.choices:
        raise fail(ctx, spec, value, "is not one of the choices", ", ".join(map(str, spec.choices)))
    return value


#: The longest ``str`` value; embeddings and isolates, closed (:func:`helpers.printable.bad_character`), may stay.
MAX_TEXT = 200
BIDI_MARKS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@checks("str")
def check_text(ctx: Context, spec: ParamSpec, value: Any) -> str:
    """Any one line of printable text: the data's character rule (:mod:`helpers.printable`), as the value reaches
    the page's title, its heading and the index."""
    if not isinstance(value, str):
        raise fail(ctx, spec, value, "is not text", "a string")
    bad = bad_character(value, line_breaks=False)
    if bad:
        raise fail(ctx, spec, value, f"is refused: {bad[0]}", "one line of printable text; " + bad[1])
    hidden = next(((i, ch) for i, ch in enumerate(value, 1) if invisible(ch) and ch not in BIDI_MARKS), None)
    if hidden:  # "abc" + U+200E and "abc" + U+200B built two reports whose titles read the same
        raise fail(ctx, spec, value, f"is refused: character U+{ord(hidden[1]):04X} at position {hidden[0]} shows "
                   "nothing", "one line of visible text (closed bidirectional isolates and embeddings are kept)")
    if len(value) > MAX_TEXT:  # it becomes the page's <title> and its line in the index
        raise fail(ctx, spec, value, f"is {len(value):,} characters long", f"at most {MAX_TEXT} characters")
    return value


def check_constraint(nb: NotebookSpec, rule: Constraint, checked: dict[str, Any], folder: Path) -> None:
    """Refuse values that break a rule between two parameters (``start <= end``, ``orgs coded_on as_of``)."""
    a, b = checked[rule.left], checked[rule.right]
    if rule.op == coverage.CODED_ON:
        return coverage.check(nb, rule.left, rule.right, list(a), b, folder)
    if not OPS[rule.op](a, b):
        shown = {k: v.isoformat() if isinstance(v, date) else v for k, v in ((rule.left, a), (rule.right, b))}
        raise ParameterError(
            f"notebook {nb.id} ({nb.stem}): parameters '{rule.left}' = {echo(shown[rule.left])} and "
            f"'{rule.right}' = {echo(shown[rule.right])} break the rule {rule}; allowed: "
            f"'{rule.right}' {_OP_WORDS[rule.op]} '{rule.left}'")


def check_all(notebook_id: str, values: dict[str, Any], *, collection: Path | None = None) -> dict[str, Any]:
    """Defaults overlaid with ``values``, every value checked, then the rules between parameters:
    ``{name: converted value}``.

    Raises ParameterError (one line) for an unknown name, a bad value or a broken rule.
    """
    coll = (collection or collection_path()).resolve()
    nb = notebook(notebook_id, coll)
    ctx = Context(notebook=nb, folder=data_dir(coll))
    for name, value in values.items():
        if name not in nb.parameters:
            declared = ", ".join(nb.parameters) or "none (this notebook takes no parameters)"
            raise ParameterError(f"notebook {nb.id} ({nb.stem}): unknown parameter '{name}' = {echo(value)}; "
                                 f"allowed parameters: {declared}")
    out = {name: CHECKS[spec.type](ctx, spec, values.get(name, spec.default)) for name, spec in nb.parameters.items()}
    for rule in nb.constraints:
        check_constraint(nb, rule, out, ctx.folder)
    return out
