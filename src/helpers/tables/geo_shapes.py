"""Notebooks 02, 03 and 08: the boundary file behind every membership map — Natural Earth's 1:110m admin-0
countries as TopoJSON (``data/geo/countries-110m.json``, from the world-atlas package), its features keyed by ISO
code, the few features without one (``data/geo/features.csv``), a subset cut to what one map shows, and each
feature's bounding box.

Which state a feature stands for on a date, and its status there, is :mod:`helpers.tables.geo`'s job; this module
only reads and cuts the file.
"""

from __future__ import annotations

import functools
import itertools
import json

import pandas as pd

from helpers import paths

GEO = paths.DATA / "geo"


TOPOLOGY_FILE = GEO / "countries-110m.json"


FEATURES_FILE = GEO / "features.csv"


@functools.lru_cache(maxsize=1)
def _topology_text() -> str:
    return TOPOLOGY_FILE.read_text(encoding="utf-8")


def topology() -> dict:
    """The boundary file as a fresh dict (objects ``countries`` and ``land``)."""
    return json.loads(_topology_text())


@functools.lru_cache(maxsize=1)
def _special() -> pd.DataFrame:
    frame = pd.read_csv(FEATURES_FILE, dtype=str, keep_default_na=False)
    frame["until"] = pd.to_datetime(frame["until"].replace("", None))
    return frame


def special_features() -> pd.DataFrame:
    """``data/geo/features.csv``: the features without an ISO code and how each is drawn."""
    return _special().copy()


def _feature_key(geometry: dict) -> str:
    return str(geometry.get("id") or geometry["properties"]["name"])


@functools.lru_cache(maxsize=1)
def _features() -> pd.DataFrame:
    import pycountry

    special = special_features().set_index("name")
    rows = []
    for g in topology()["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        if "id" in g:
            iso3 = pycountry.countries.get(numeric=g["id"]).alpha_3
        else:
            if name not in special.index:
                raise ValueError(f"{TOPOLOGY_FILE.name}: feature {name!r} has no ISO code and no row in "
                                 f"{FEATURES_FILE.name}; add one saying how it is drawn")
            iso3 = special.at[name, "iso3"]
        rows.append({"feature": _feature_key(g), "name": name, "iso3": iso3})
    return pd.DataFrame(rows)


def features() -> pd.DataFrame:
    """One row per country feature: ``feature`` (its key in the TopoJSON: the numeric code, or the name when it
    has none), ``name`` (Natural Earth's), ``iso3`` (alpha-3; ``""`` when the feature stands for no state)."""
    return _features().copy()


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


def subset_topology(keys, coarsen: int = 4, south: float | None = None) -> dict:
    """A TopoJSON holding only the country features whose key is in ``keys`` (object ``countries``), its grid
    made ``coarsen`` times coarser (points falling on one cell merged), so a map spec carries only what it shows;
    with ``south``, the parts of a country lying wholly south of that latitude are left out. Shared borders stay
    shared: arcs are kept and renumbered, never split."""
    topo = topology()
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


def feature_bounds() -> pd.DataFrame:
    """Each feature's bounding box in degrees: columns ``feature``, ``west``, ``south``, ``east``, ``north``."""
    topo = topology()
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    decoded = [_decode(a) for a in topo["arcs"]]
    rows = []
    for g in topo["objects"]["countries"]["geometries"]:
        pts = [p for i in _arc_ids(g["arcs"]) for p in decoded[i if i >= 0 else ~i]]
        xs, ys = [tx + x * sx for x, _ in pts], [ty + y * sy for _, y in pts]
        rows.append({"feature": _feature_key(g), "west": min(xs), "south": min(ys), "east": max(xs),
                     "north": max(ys)})
    return pd.DataFrame(rows)
