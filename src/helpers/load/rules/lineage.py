"""Rules on which state followed which (``state_lineage.csv``)."""

from __future__ import annotations

from collections.abc import Iterator

from helpers.load.rules.registry import Finding, View, rule


@rule("state_lineage")
def not_its_own_predecessor(t: View) -> Iterator[Finding]:
    """a state is not its own predecessor"""
    for pos, (iso, pred) in enumerate(zip(t.df["iso3"], t.df["predecessor_iso3"])):
        if iso == pred:
            yield Finding(pos, "predecessor_iso3", f"{iso} is given as its own predecessor")


@rule("state_lineage")
def no_cycles(t: View) -> Iterator[Finding]:
    """the lineage has no cycles"""
    pairs = list(zip(t.df["iso3"], t.df["predecessor_iso3"]))
    step: dict[str, list[str]] = {}
    for iso, pred in pairs:
        if iso != pred:
            step.setdefault(iso, []).append(pred)
    for pos, (start, pred) in enumerate(pairs):
        seen, todo = set(), [pred]
        while todo:
            cur = todo.pop()
            if cur == start:
                yield Finding(pos, "predecessor_iso3",
                              f"following predecessors from {start} through {pred} leads back to {start}")
                break
            if cur not in seen:
                seen.add(cur)
                todo.extend(step.get(cur, []))


@rule("state_lineage", needs=("states",))
def predecessor_is_historic(t: View) -> Iterator[Finding]:
    """predecessor_iso3 is a historic state (historic=true in states.csv)"""
    states = t.other("states")
    historic = dict(zip(states["iso3"], states["historic"]))
    allowed = ", ".join(sorted(k for k, h in historic.items() if h))
    for pos, v in enumerate(t.df["predecessor_iso3"]):
        if v in historic and not historic[v]:
            yield Finding(pos, "predecessor_iso3", f"{v!r} is not marked historic in states.csv", allowed)
