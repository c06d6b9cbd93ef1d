"""Rules on the comparison dimensions and their values (``dimensions.csv``, ``org_features.csv``)."""

from __future__ import annotations

from collections.abc import Iterator

from helpers import coded_scales
from helpers.load.rules.registry import Finding, View, rule


def scale(text: str) -> list[str]:
    """The values of a ``scale`` cell (``none;consultation;binding``)."""
    return coded_scales.values(text)


def score_items(text: str) -> Iterator[tuple[str, str | None]]:
    """``(value, score)`` for each ``value=score`` item of a ``score_map`` cell; score None when malformed."""
    for key, rest in coded_scales.items(text):
        if coded_scales.score(rest) is not None:
            yield key, rest
        else:  # the item as written: the finding quotes it
            yield (key if rest is None else f"{key}={rest}"), None


@rule("dimensions")
def scores_are_numbers(t: View) -> Iterator[Finding]:
    """score_map is value=score;value=score with numeric scores"""
    for pos, text in enumerate(t.df["score_map"]):
        for item, score in score_items(text):
            if score is None:
                yield Finding(pos, "score_map", f"{item!r} is not value=score")


@rule("dimensions")
def every_scale_value_scored(t: View) -> Iterator[Finding]:
    """every value on the scale has a score in score_map"""
    for pos, (values, text) in enumerate(zip(t.df["scale"], t.df["score_map"])):
        scored = {k for k, s in score_items(text) if s is not None}
        for v in scale(values):
            if v not in scored:
                yield Finding(pos, "score_map", f"scale value {v!r} has no score")


@rule("dimensions")
def only_scale_values_scored(t: View) -> Iterator[Finding]:
    """score_map scores only values on the scale"""
    for pos, (values, text) in enumerate(zip(t.df["scale"], t.df["score_map"])):
        on_scale = scale(values)
        for k, s in score_items(text):
            if s is not None and k not in on_scale:
                yield Finding(pos, "score_map", f"{k!r} is not on the scale")


@rule("org_features", needs=("dimensions",))
def feature_on_its_scale(t: View) -> Iterator[Finding]:
    """value is on the dimension's scale, or unknown"""
    dims = t.other("dimensions")
    scales = {d: scale(s) for d, s in zip(dims["dimension_id"], dims["scale"])}
    for pos, (d, v) in enumerate(zip(t.df["dimension_id"], t.df["value"])):
        if d in scales and v != "unknown" and v not in scales[d]:
            yield Finding(pos, "value", f"{v!r} is not on the scale of {d}", ", ".join(scales[d] + ["unknown"]))
