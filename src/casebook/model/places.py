"""Places of a case (the optional ``places.csv``): distances between them along the Earth's
surface, for the questions a lesson asks about its map.

>>> import pandas as pd
>>> places = pd.DataFrame({"name": ["North Town", "South Town"], "lat": [1.0, 0.0],
...                        "lon": [0.0, 0.0]}, index=["north", "south"])
>>> round(place_distance_km(places, "north", "south"))
111
"""

from __future__ import annotations

import math

import pandas as pd

EARTH_RADIUS_KM = 6371.0  # the mean radius (IUGG), the usual figure for great-circle distances


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance in km between two points given in degrees (the haversine
    formula on a sphere of ``EARTH_RADIUS_KM``; within about 0.5% of the ellipsoid).

    >>> round(distance_km(0, 0, 0, 90))  # a quarter of the equator
    10008
    >>> distance_km(42.0, 130.0, 42.0, 130.0)
    0.0
    """
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def place_distance_km(places: pd.DataFrame, first: str, second: str) -> float:
    """The distance in km between two rows of ``places`` (indexed by place_id, with ``lat``
    and ``lon``); a clear error names an id the table lacks.

    >>> places = pd.DataFrame({"lat": [0.0], "lon": [0.0]}, index=["here"])
    >>> place_distance_km(places, "here", "there")
    Traceback (most recent call last):
    ...
    KeyError: "places.csv has no place 'there' (it has: here)"
    """
    for place in (first, second):
        if place not in places.index:
            raise KeyError(f"places.csv has no place {place!r} (it has: "
                           f"{', '.join(map(str, places.index))})")
    a, b = places.loc[first], places.loc[second]
    return distance_km(float(a["lat"]), float(a["lon"]), float(b["lat"]), float(b["lon"]))


def nearest_pairs(places: pd.DataFrame) -> pd.DataFrame:
    """Every pair of places with its distance in km, nearest first (columns ``first``,
    ``second``, ``km``; ids as in the index).

    >>> places = pd.DataFrame({"lat": [0.0, 0.0, 0.0], "lon": [0.0, 1.0, 3.0]},
    ...                       index=["a", "b", "c"])
    >>> nearest_pairs(places)[["first", "second"]].values.tolist()
    [['a', 'b'], ['b', 'c'], ['a', 'c']]
    """
    ids = list(places.index)
    rows = [{"first": a, "second": b, "km": place_distance_km(places, a, b)}
            for i, a in enumerate(ids) for b in ids[i + 1:]]
    frame = pd.DataFrame(rows, columns=["first", "second", "km"])
    return frame.sort_values("km", kind="stable").reset_index(drop=True)
