"""Notebooks 02, 03 and 08: the boundary file behind every membership map — Natural Earth's 1:110m admin-0
countries as TopoJSON (``data/geo/countries-110m.json``, from the world-atlas package), its features keyed by ISO
code, the few features without one (``data/geo/features.csv``), a subset cut to what one map shows, and each
feature's bounding box.

Which state a feature stands for on a date, and its status there, is :mod:`helpers.tables.geo`'s job; this module
only cuts the file. The notebook reads both files through the loader (``load.boundaries()``,
``load.geo_features()``: checked, and logged as read so that an edit re-runs the report) and hands them over in a
:class:`Boundaries`.
"""

from __future__ import annotations

import functools
import itertools
import json
from dataclasses import dataclass

import pandas as pd

from helpers import cache


@dataclass(frozen=True, eq=False)
class Boundaries:
    """The boundary file (``topology``, as ``load.boundaries()`` gives it) and ``special``, the features without
    an ISO code or drawn apart (``load.geo_features()``); what is worked out from them is worked out once."""

    topology: dict
    special: pd.DataFrame

    @functools.cached_property
    def _text(self) -> str:
        return json.dumps(self.topology)

    def fresh(self) -> dict:
        """The boundary file as a fresh dict (objects ``countries`` and ``land``)."""
        return json.loads(self._text)

    @functools.cached_property
    def digest(self) -> str:
        """A content hash of both files' data (a key for results made from them)."""
        return cache.sha256_bytes(cache.canonical([self._text, self.special.to_csv(index=False)]))

    def special_features(self) -> pd.DataFrame:
        """The features without an ISO code and how each is drawn (``iso3``, ``drawn_as`` ``""`` when empty)."""
        frame = self.special.copy()
        for column in ("iso3", "drawn_as"):
            frame[column] = frame[column].fillna("").astype(str)
        return frame

    @functools.cached_property
    def _features(self) -> pd.DataFrame:
        return _features(self.topology, self.special_features().set_index("name"))

    def features(self) -> pd.DataFrame:
        """One row per country feature: ``feature`` (its key in the TopoJSON: the numeric code, or the name when
        it has none), ``name`` (Natural Earth's), ``iso3`` (alpha-3; ``""`` when the feature stands for no state)."""
        return self._features.copy()

    @functools.cached_property
    def _bounds(self) -> pd.DataFrame:
        return _feature_bounds(self.topology)

    def feature_bounds(self) -> pd.DataFrame:
        """Each feature's bounding box in degrees: columns ``feature``, ``west``, ``south``, ``east``, ``north``."""
        return self._bounds.copy()


def _feature_key(geometry: dict) -> str:
    return str(geometry.get("id") or geometry["properties"]["name"])


def _features(topology: dict, special: pd.DataFrame) -> pd.DataFrame:
    import pycountry

    rows = []
    for g in topology["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        if "id" in g:
            iso3 = pycountry.countries.get(numeric=g["id"]).alpha_3
        else:
            if name not in special.index:
                raise ValueError(f"data/geo/countries-110m.json: feature {name!r} has no ISO code and no row in "
                                 f"data/geo/features.csv; add one saying how it is drawn")
            iso3 = special.at[name, "iso3"]
        rows.append({"feature": _feature_key(g), "name": name, "iso3": iso3})
    return pd.DataFrame(rows)


def _decode(arc: list[list[int]]) -> list[tuple[int, int]]:
    x = y = 0
    out = []
    for dx, dy in arc:
        x, y = x + dx, y + dy
        out.append((x, y))
    return out


def _arc_ids(arcs) -> list[int]:
    if isinstance(arcs, int):
        return [arcs]
    return [i for a in arcs for i in _arc_ids(a)]


def _remap(arcs, mapping: dict[int, int]):
    if isinstance(arcs, int):
        return mapping[arcs] if arcs >= 0 else ~mapping[~arcs]
    return [_remap(a, mapping) for a in arcs]


def _drop_south(geom: dict, topo: dict, south: float) -> dict:
    """A MultiPolygon without its parts lying wholly south of ``south`` (France's French Guiana, for instance)."""
    if geom["type"] != "MultiPolygon":
        return geom
    sy, ty = topo["transform"]["scale"][1], topo["transform"]["translate"][1]

    def north(polygon) -> float:
        return max(ty + y * sy for i in _arc_ids(polygon) for _, y in _decode(topo["arcs"][i if i >= 0 else ~i]))

    parts = [p for p in geom["arcs"] if north(p) >= south]
    return dict(geom, arcs=parts) if parts else geom


def subset_topology(boundaries: Boundaries, keys, coarsen: int = 4, south: float | None = None) -> dict:
    """A TopoJSON holding only the country features whose key is in ``keys`` (object ``countries``), its grid
    made ``coarsen`` times coarser (points falling on one cell merged), so a map spec carries only what it shows;
    with ``south``, the parts of a country lying wholly south of that latitude are left out. Shared borders stay
    shared: arcs are kept and renumbered, never split."""
    topo = boundaries.fresh()
    keys = set(keys)
    geoms = [g for g in topo["objects"]["countries"]["geometries"] if _feature_key(g) in keys]
    if south is not None:
        geoms = [_drop_south(g, topo, south) for g in geoms]
    used = sorted({i if i >= 0 else ~i for g in geoms for i in _arc_ids(g["arcs"])})
    mapping = {old: new for new, old in enumerate(used)}
    arcs = []
    for old in used:
        pts = [(round(x / coarsen), round(y / coarsen)) for x, y in _decode(topo["arcs"][old])]
        kept = [pts[0]] + [p for prev, p in itertools.pairwise(pts) if p != prev]
        if len(kept) == 1:
            kept.append(kept[0])
        arcs.append([list(kept[0])] + [[b[0] - a[0], b[1] - a[1]] for a, b in itertools.pairwise(kept)])
    out_geoms = [{"type": g["type"], "arcs": _remap(g["arcs"], mapping), "id": _feature_key(g),
                  "properties": {"name": g["properties"]["name"]}} for g in geoms]
    sx, sy = topo["transform"]["scale"]
    return {"type": "Topology", "transform": {"scale": [sx * coarsen, sy * coarsen],
                                              "translate": topo["transform"]["translate"]},
            "objects": {"countries": {"type": "GeometryCollection", "geometries": out_geoms}}, "arcs": arcs}


def _feature_bounds(topo: dict) -> pd.DataFrame:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    decoded = [_decode(a) for a in topo["arcs"]]
    rows = []
    for g in topo["objects"]["countries"]["geometries"]:
        pts = [p for i in _arc_ids(g["arcs"]) for p in decoded[i if i >= 0 else ~i]]
        xs, ys = [tx + x * sx for x, _ in pts], [ty + y * sy for _, y in pts]
        rows.append({"feature": _feature_key(g), "west": min(xs), "south": min(ys), "east": max(xs),
                     "north": max(ys)})
    return pd.DataFrame(rows)
