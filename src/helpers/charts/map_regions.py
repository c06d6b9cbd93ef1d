"""Notebooks 02, 03 and 08: the frames of the membership maps (:mod:`helpers.charts.maps`): each region's projection,
the box it is fitted to at every width, a phone's narrower box and an inset."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Region:
    """A map's frame: an equal-area projection (conic; Equal Earth for a region as wide as Eurasia) centred on
    the region and the box (degrees) it is fitted to, at every width; ``aspect`` is the map's height over its
    width."""

    name: str
    words: str
    projection: dict
    west: float
    east: float
    south: float
    north: float
    aspect: float
    #: another region drawn as an inset in the lower-left corner (its width and height as shares of the map's)
    inset: str | None = None
    inset_box: tuple[float, float] = (0.3, 0.4)
    inset_wide: bool = True  #: False: the inset is drawn on a phone only (the wide map shows that land itself)
    #: a second phone-only inset, beside the first in the band under the map (03: the land east of the phone box)
    east_inset: str | None = None
    #: on a phone (width below ``PHONE_WIDTH``): a narrower box (west, east, south, north) for the main map, the
    #: inset in a band under it, and the height over the width of the whole
    phone: tuple[float, float, float, float] | None = None
    phone_aspect: float | None = None
    without_africa: bool = False  #: Africa left out (its states hold none of the memberships compared)
    #: points (lon, lat) on the region's outline to fit to instead of the box, for a view from over the pole,
    #: where a box's edges run far beyond the land (the box then only chooses the shapes drawn)
    outline: tuple[tuple[float, float], ...] = ()

    def frame(self, box: tuple[float, float, float, float] | None = None) -> dict:
        """The box (or ``box``: west, east, south, north) as a GeoJSON feature of points along its edges (the
        projection is fitted to these)."""
        if box is None and self.outline:
            return {"type": "Feature", "properties": {},
                    "geometry": {"type": "MultiPoint", "coordinates": [list(p) for p in self.outline]}}
        west, east, south, north = box or (self.west, self.east, self.south, self.north)
        step = 5.0
        lons = [west + i * step for i in range(int((east - west) / step) + 1)] + [east]
        lats = [south + i * step for i in range(int((north - south) / step) + 1)] + [north]
        points = [[x, south] for x in lons] + [[x, north] for x in lons] + \
                 [[west, y] for y in lats] + [[east, y] for y in lats]
        points = [[int(v) if float(v).is_integer() else v for v in p] for p in points]  # "-25", not "-25.0": the
        # phone and wide frames are written into the page's spec twice over (a projection's fit expression)
        return {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPoint", "coordinates": points}}


#: The OSCE area's outermost land, west to east (Alaska, the United States' coasts, Canada's Arctic, Greenland,
#: Iberia, Cyprus, Central Asia's south, Mongolia, the Russian Pacific and Arctic): 03's map is fitted to it.
OSCE_OUTLINE = ((-168, 65.6), (-156.8, 71.3), (-124.7, 48.4), (-117.1, 32.5), (-97.1, 25.9), (-80.0, 25.2),
                (-52.6, 47.5), (-70.0, 83.0), (-35.0, 83.6), (-24.0, 65.0), (-9.5, 38.7), (-5.6, 36.0), (35.0, 34.6),
                (44.8, 37.0), (61.0, 35.1), (75.0, 37.0), (87.3, 49.2), (111.0, 41.6), (119.9, 46.7), (131.0, 42.5),
                (143.0, 46.0), (156.0, 51.0), (180.0, 65.0), (100.0, 81.0), (55.0, 81.8), (30.0, 80.0))


#: The SCO's outermost land (Belarus, the Kola and Russia's Arctic islands, Chukotka, Kamchatka, the Sea of Japan,
#: China's coast and Hainan, India's tip, the Arabian Sea's coast, Iran's west): the Eurasian maps are fitted to it.
SCO_OUTLINE = ((23.2, 52.0), (28.0, 56.2), (33.0, 69.5), (58.0, 70.5), (68.0, 76.9), (105.0, 78.0), (140.0, 76.0),
               (180.0, 69.0), (-169.7, 66.0), (163.0, 60.0), (156.7, 51.0), (131.0, 42.5), (122.0, 40.0),
               (121.0, 30.0), (110.0, 18.2), (97.3, 28.0), (77.5, 8.1), (68.0, 23.5), (57.0, 25.5), (44.0, 39.5))


#: Europe and the North Atlantic from Iceland to the Caspian, with the United States and Canada in an inset over
#: the Arctic corner, where Greenland and Canada's islands would repeat the inset (NATO); Eurasia (the SCO and the CSTO).
REGIONS = {
    "north-atlantic": Region("north-atlantic", "Europe and the North Atlantic, with North America in an inset",
                             {"type": "conicEqualArea", "rotate": [-8, 0, 0], "parallels": [40, 65]},
                             west=-30.0, east=50.0, south=35.0, north=71.0, aspect=0.72,
                             inset="north-america", inset_box=(0.26, 0.36),
                             phone=(-25.0, 46.0, 34.0, 71.0), phone_aspect=1.2),
    # 03's phone map: the OSCE's land east of its phone box (Russia from the Yenisei to Chukotka, and Mongolia),
    # which a phone frame wide enough to hold it would leave Europe too small to read
    "far-east": Region("far-east", "Russia's east, Mongolia",
                       {"type": "conicEqualArea", "rotate": [-135, 0, 0], "parallels": [50, 70]},
                       west=88.0, east=191.0, south=41.0, north=78.0, aspect=0.8),
    "north-america": Region("north-america", "North America",
                            {"type": "conicEqualArea", "rotate": [96, 0, 0], "parallels": [30, 55]},
                            west=-124.0, east=-60.0, south=25.0, north=58.0, aspect=0.7),
    # the SCO's and the CSTO's maps: fitted to the SCO's outline (a box's corners ran into Africa and the Pacific,
    # leaving a band above the map and a third of its width empty); on a phone, Belarus to the Sea of Japan, larger
    "eurasia": Region("eurasia", "Eurasia", {"type": "equalEarth", "rotate": [-100, 0, 0]},
                      west=20.0, east=180.0, south=6.0, north=78.0, aspect=0.59, outline=SCO_OUTLINE,
                      phone=(23.0, 135.0, 7.0, 78.0), phone_aspect=0.68),
    # 08's overlap map: Eurasia, Atlantic to Pacific; on a phone the SCO's and the CSTO's space east of Europe; both
    # reach 82°N, so Svalbard (Norway) and Russia's Arctic islands are inside the frame, not cut at its top edge
    "eurasia-wide": Region("eurasia-wide", "Eurasia from the Atlantic to the Pacific",
                           {"type": "equalEarth", "rotate": [-84, 0, 0]},
                           west=-12.0, east=172.0, south=6.0, north=82.0, aspect=0.52,
                           phone=(38.0, 135.0, 8.0, 82.0), phone_aspect=0.82, without_africa=True),
    # 03's overlap map: the OSCE's area, Vancouver to Vladivostok, seen from over the Arctic (no flat projection
    # keeps North America and Asia both whole); the frame is fitted to that band, so the view has no empty cap
    # above and below it; on a phone, Europe and Central Asia, where the OSCE's overlaps with the CSTO and the SCO lie,
    # and in a band under them the United States and Canada and, beside them, Russia's east and Mongolia
    "osce": Region("osce", "the OSCE's area, from North America to the Pacific",
                   {"type": "azimuthalEqualArea", "rotate": [-10, -52, 0]},
                   west=-170.0, east=180.0, south=25.0, north=84.0, aspect=0.56,
                   phone=(-12.0, 90.0, 36.0, 80.0), phone_aspect=1.1, without_africa=True,
                   outline=OSCE_OUTLINE, inset="north-america", inset_wide=False, east_inset="far-east"),
}
#: Below this width (px) a map with a phone box draws it (the page fits maps to the screen's width).
PHONE_WIDTH = 480
ORG_REGIONS = {"NATO": "north-atlantic", "PFP": "north-atlantic", "SCO": "eurasia", "CSTO": "eurasia"}


def region_for(org: str) -> Region | None:
    """The region an organisation's map frames (None: the wide view of the overlap maps)."""
    return REGIONS.get(ORG_REGIONS.get(org, ""))
