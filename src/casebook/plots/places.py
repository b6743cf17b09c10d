"""The map of a case's places (the optional ``places.csv``): points on longitude and latitude
axes, drawn with matplotlib alone (no map tiles, nothing from the network), with the table of
the places beside it and a description made from the same rows.

A degree of longitude is shorter than a degree of latitude away from the equator, so the
axes are stretched by 1 / cos(middle latitude): near that latitude a kilometre is as long
across as it is up, and a scale note under the map says how long a degree is. Every point
is named by a label set where it covers no other label and no point, so nothing depends on
colour (all the points share one colour-blind-safe colour and a black edge).

>>> import pandas as pd
>>> places = pd.DataFrame({"name": ["North Town", "South Town"], "lat": [1.0, 0.0],
...     "lon": [0.0, 0.5], "role": ["a port", "a capital"], "source_id": ["s", "s"]},
...     index=["north", "south"])
>>> chart = places_map(places)
>>> [text.get_text() for text in chart.figure.axes[0].texts]
['North Town', 'South Town']
>>> chart.table["coordinates"].to_list()
['1.00°N, 0.00°E', '0.00°N, 0.50°E']
"""

from __future__ import annotations

import math

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from ..model.places import EARTH_RADIUS_KM, nearest_pairs
from . import BASE_COLOUR, Chart

WIDTH = 8.8  # inches: at 100 dpi no wider than a lesson's output area on a laptop
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180  # along a meridian, about 111 km
MARKER_SIZE = 8  # points
LABEL_SIZE = 10  # points: 13.9 px at 100 dpi
# Where a label may stand, in points from its point, tried in this order: right, left, above,
# below, then the diagonals further out (tied to the point by a line); the first that covers
# nothing is kept.
LABEL_OFFSETS = ((7, 0, "left", "center"), (-7, 0, "right", "center"),
                 (0, 7, "center", "bottom"), (0, -7, "center", "top"),
                 (10, 12, "left", "bottom"), (-10, 12, "right", "bottom"),
                 (10, -12, "left", "top"), (-10, -12, "right", "top"),
                 (14, 24, "left", "bottom"), (-14, -24, "right", "top"))


def no_places_note(case_name: str = "This case") -> str:
    """The sentence a lesson shows instead of the map when the case has no places.

    >>> no_places_note()
    'This case has no places.csv, so there is no map of its places to show.'
    """
    return f"{case_name} has no places.csv, so there is no map of its places to show."


def degrees(value: float, positive: str, negative: str) -> str:
    """A coordinate written with its hemisphere, two decimals.

    >>> degrees(42.336, "N", "S"), degrees(-0.5, "E", "W")
    ('42.34°N', '0.50°W')
    """
    return f"{abs(value):.2f}°{positive if value >= 0 else negative}"


def coordinates(lat: float, lon: float) -> str:
    """'42.34°N, 130.39°E'."""
    return f"{degrees(lat, 'N', 'S')}, {degrees(lon, 'E', 'W')}"


def _km_per_degree_of_longitude(latitude: float) -> float:
    return KM_PER_DEGREE * math.cos(math.radians(latitude))


def describe_places(places: pd.DataFrame) -> str:
    """The text description of the map, made from the same rows: every place drawn with its
    coordinates, the span, and the nearest and farthest pairs.

    >>> places = pd.DataFrame({"name": ["North Town", "South Town"], "lat": [1.0, 0.0],
    ...                        "lon": [0.0, 0.0]}, index=["n", "s"])
    >>> print(describe_places(places).replace(". ", ".\\n"))
    Map of 2 places on longitude and latitude axes (no map background), drawn so that near 0.50°N a kilometre is as long across as up; each point is labelled with its name.
    From south to north: South Town (0.00°N, 0.00°E), North Town (1.00°N, 0.00°E).
    Nearest pair: North Town and South Town, 111 km apart.
    """  # noqa: E501
    ordered = places.sort_values("lat", kind="stable")
    middle = (places["lat"].min() + places["lat"].max()) / 2
    n = len(places)
    listed = ", ".join(f"{row['name']} ({coordinates(row['lat'], row['lon'])})"
                       for _, row in ordered.iterrows())
    text = (f"Map of {n} place{'s' * (n != 1)} on longitude and latitude axes (no map "
            f"background), drawn so that near {degrees(middle, 'N', 'S')} a kilometre is as "
            f"long across as up; each point is labelled with its name. From south to north: "
            f"{listed}.")
    pairs = nearest_pairs(places)
    if len(pairs):
        names = places["name"]
        near, far = pairs.iloc[0], pairs.iloc[-1]
        text += (f" Nearest pair: {names[near['first']]} and {names[near['second']]}, "
                 f"{near['km']:.0f} km apart.")
        if len(pairs) > 1:
            text += (f" Farthest pair: {names[far['first']]} and {names[far['second']]}, "
                     f"{far['km']:.0f} km apart.")
    return text


def places_table(places: pd.DataFrame, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """The table beside the map: place, coordinates, role and source (its title where
    ``sources`` is given, so that the lesson's tables link it to its document)."""
    titles = (sources["title"] if sources is not None and "title" in sources
              else pd.Series(dtype=object))
    return pd.DataFrame({
        "place": places["name"].to_list(),
        "coordinates": [coordinates(lat, lon) for lat, lon in zip(places["lat"], places["lon"],
                                                                strict=True)],
        "role": places["role"].to_list() if "role" in places else [""] * len(places),
        "source": [titles.get(s, s) for s in places["source_id"]] if "source_id" in places
        else [""] * len(places),
    }, index=places.index)


def _limits(values: pd.Series, least_span: float) -> tuple[float, float]:
    low, high = float(values.min()), float(values.max())
    pad = max((high - low) * 0.12, least_span / 2)
    return low - pad, high + pad


def _scale_note(middle: float) -> str:
    return (f"Scale: 1° of latitude = {KM_PER_DEGREE:.0f} km; at {degrees(middle, 'N', 'S')}, "
            f"1° of longitude = {_km_per_degree_of_longitude(middle):.0f} km")


def _place_labels(figure: Figure, ax, places: pd.DataFrame) -> None:
    """Label each point where its label covers no other label, no point and stays inside
    the axes (the first free place of ``LABEL_OFFSETS``; the last one if none is free)."""
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw_without_rendering()
    inside = ax.get_window_extent(renderer)
    points = [ax.transData.transform((lon, lat)) for lat, lon in zip(places["lat"],
                                                                       places["lon"], strict=True)]
    half = MARKER_SIZE / 72 * figure.dpi / 2 + 1
    taken = [(x - half, y - half, x + half, y + half) for x, y in points]

    def free(box) -> bool:
        if (box.x0 < inside.x0 or box.x1 > inside.x1 or box.y0 < inside.y0
                or box.y1 > inside.y1):
            return False
        return not any(box.x0 < x1 and box.x1 > x0 and box.y0 < y1 and box.y1 > y0
                       for x0, y0, x1, y1 in taken)

    for (_, row) in places.iterrows():
        for dx, dy, ha, va in LABEL_OFFSETS:
            # A label set off diagonally is tied to its point by a thin line.
            leader = ({"arrowstyle": "-", "color": "black", "linewidth": 0.8, "shrinkA": 0,
                       "shrinkB": MARKER_SIZE / 2 + 1} if dx and dy else None)
            label = ax.annotate(row["name"], (row["lon"], row["lat"]), xytext=(dx, dy),
                                textcoords="offset points", ha=ha, va=va,
                                fontsize=LABEL_SIZE, arrowprops=leader)
            box = label.get_window_extent(renderer)
            if free(box) or (dx, dy) == LABEL_OFFSETS[-1][:2]:
                taken.append((box.x0, box.y0, box.x1, box.y1))
                break
            label.remove()


def places_map(places: pd.DataFrame, sources: pd.DataFrame | None = None,
               title: str = "Places that carry the arguments") -> Chart:
    """The map of ``places`` (rows of places.csv: ``name``, ``lat``, ``lon``, ``role``,
    ``source_id``) with its description and its table (``places_table``). Raises
    ValueError for a table without rows: the lesson shows ``no_places_note`` instead."""
    if places.empty:
        raise ValueError("places.csv has no rows: there is nothing to map")
    middle = (places["lat"].min() + places["lat"].max()) / 2
    stretch = 1 / math.cos(math.radians(middle))  # km across = km up near the middle
    west, east = _limits(places["lon"], 2.0)
    south, north = _limits(places["lat"], 2.0 / stretch)
    height = min(7.0, max(3.5, (WIDTH - 1.4) * (north - south) * stretch / (east - west) + 1.4))
    figure = Figure(figsize=(WIDTH, height), layout="constrained")
    ax = figure.add_subplot()
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(stretch, adjustable="box")
    ax.scatter(places["lon"], places["lat"], s=MARKER_SIZE ** 2, color=BASE_COLOUR,
               edgecolor="black", linewidth=1, zorder=3)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{abs(v):g}°"
                                               + ("N" if v >= 0 else "S")))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{abs(v):g}°"
                                               + ("E" if v >= 0 else "W")))
    ax.set_xlabel(f"Longitude\n{_scale_note(middle)}")
    ax.set_ylabel("Latitude")
    ax.grid(color="#d9d9d9", linewidth=0.6, zorder=0)
    ax.set_title(title)
    _place_labels(figure, ax, places)
    return Chart(figure, describe_places(places), places_table(places, sources))
