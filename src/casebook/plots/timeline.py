"""The timeline chart: one row (lane) per kind of event, a marker per event whose shape gives
its category, the article's date as a dashed line, and everything after it hatched and
labelled "after the article", with hollow markers: hindsight is never shown by colour
alone, and it looks as in every other lesson (the convention of ``casebook.plots``).

The chart is drawn once with every event it is given; ``set_window``, ``keep_years`` and
``show_only`` change what is seen, so that a widget updates the same artists in place. The
explorer's ``TimelineChart`` (``explorer_timeline_chart``) does so at a layout fixed when it
is made, and makes its PNG quickly (``plots.redraw``).
Its legend (``update_legend``) and its description (``timeline_view``, then
``describe_timeline``) are made from what the axes draw at that moment: the rows, the markers
that are visible inside the time axis, whether the article's line is on it, and the events
that the lane filter or the hindsight switch hide. So the words cannot promise a row, a
marker or a line that the picture does not show.

Lanes and markers come from the case's ``categories.csv`` (pass ``categories=``): the lanes
in the order they first appear there, a marker shape per category as declared. Without it,
a table's own lane order is used and the shapes are given in order of first appearance.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import NullLocator

from .. import schema
from ..dates import PartialDate
from ..model.timeline import AFTER, BEFORE, as_datetime, day_text, lane_counts, lane_labels
from . import ARTICLE_LINE as ARTICLE_LINE_STYLE
from . import (
    HINDSIGHT_FACE,
    HINDSIGHT_WORDS,
    HOLLOW,
    HOLLOW_WORDS,
    OKABE_ITO,
    Chart,
    hindsight_area,
    hindsight_handle,
    hollow_handle,
)
from .redraw import QuickCanvas

# The lanes' colours, top lane first (Okabe-Ito, told apart by colour-blind readers too).
LANE_PALETTE = tuple(OKABE_ITO[i] for i in (6, 5, 1, 3, 7, 0, 2, 4))
# The marker shapes of categories.csv (schema.MARKERS), as matplotlib draws them.
MARKER_CODES = {"circle": "o", "square": "s", "diamond": "D", "triangle_up": "^",
                "triangle_down": "v", "star": "*", "plus": "P", "cross": "X",
                "pentagon": "p", "hexagon": "h"}
assert set(MARKER_CODES) == set(schema.MARKERS), "every marker of the schema needs a shape"
BIG_MARKERS = ("*",)  # thin shapes drawn larger, so that they weigh as much as the others
HINDSIGHT_LABEL = HINDSIGHT_WORDS
HOLLOW_LABEL = HOLLOW_WORDS
HIDDEN_ROW = "(hidden)"  # under the label of a lane that is not ticked: its row is left empty
HIDDEN_LATER = " (events hidden)"  # after the hatched area's label when hindsight is hidden
# The shapes as a description names them.
SHAPE_WORDS = {"o": "circle", "s": "square", "D": "diamond", "^": "triangle pointing up",
               "v": "triangle pointing down", "*": "star", "P": "plus", "X": "cross",
               "p": "pentagon", "h": "hexagon"}
assert set(SHAPE_WORDS) == set(MARKER_CODES.values()), "every shape needs its words"
# The ids of the artists that mark the article's date, so that they can be found again.
ARTICLE_LINE, ARTICLE_NOTE = "article date", "article date label"
HINDSIGHT_AREA, HINDSIGHT_NOTE = "hindsight area", "hindsight label"
FIGURE_WIDTH = 8.8  # inches: at 100 dpi no wider than a lesson's output area on a laptop
# The smallest text (months, legend): 10 px on screen even in a figure 10 in wide, which an
# output area 905 px wide shrinks to 0.9.
SMALL_FONT = 8.5
TOP_BAND = 0.9  # room above the top row (in rows) for the labels of the article's date
# A long window labels every year upright only if they fit; beyond this many, turn them.
UPRIGHT_YEARS = 12
QUARTER_MONTHS = (4, 7, 10)  # a short window labels these months too (Apr, Jul, Oct)
LISTED_LATER_EVENTS = 6  # the description lists the later events one by one up to this many


def category_styles(table: pd.DataFrame, categories: pd.DataFrame | None = None
                    ) -> dict[str, tuple[str, str]]:
    """Category label -> (category id, matplotlib marker) for the categories of a timeline
    table: as ``categories`` declares them, a blank marker taking the first shape no earlier
    category has; without ``categories``, shapes in order of first appearance.

    >>> categories = pd.DataFrame({"label": ["launch", "vote"], "marker": ["star", None]},
    ...                           index=["launch", "vote_cast"])
    >>> category_styles(pd.DataFrame({"category": ["vote"]}), categories)
    {'launch': ('launch', '*'), 'vote': ('vote_cast', 'o')}
    >>> category_styles(pd.DataFrame({"category": ["b", "a", "b"]}))
    {'b': ('b', 'o'), 'a': ('a', 's')}
    """
    if categories is None:
        labels = list(dict.fromkeys(table["category"]))
        ids, declared = [label.replace(" ", "_") for label in labels], [None] * len(labels)
    else:
        labels, ids = list(categories["label"]), list(categories.index)
        declared = [m if isinstance(m, str) and m else None for m in categories["marker"]]
    free = [m for m in schema.MARKERS if m not in declared]
    styles = {}
    for label, category, marker in zip(labels, ids, declared, strict=True):
        if marker is None:
            marker = free.pop(0) if free else schema.MARKERS[len(styles) % len(schema.MARKERS)]
        styles[label] = (category, MARKER_CODES[marker])
    return styles


def lane_colours(lanes: list[str]) -> dict[str, str]:
    """Each lane's colour, in order from the top lane.

    >>> lane_colours(["Tests", "Trade"]) == {"Tests": LANE_PALETTE[0], "Trade": LANE_PALETTE[1]}
    True
    """
    return {label: LANE_PALETTE[i % len(LANE_PALETTE)] for i, label in enumerate(lanes)}


def _lanes(table: pd.DataFrame, categories: pd.DataFrame | None) -> list[str]:
    if categories is not None:
        return list(dict.fromkeys(categories["lane"]))
    return lane_labels(table)


def draw_timeline(ax, table: pd.DataFrame, article_date: PartialDate,
                  lanes: list[str] | None = None, categories: pd.DataFrame | None = None
                  ) -> dict[tuple[str, str], object]:
    """Draw the events of a ``model.timeline.timeline_table`` on ``ax``: one row per lane
    (top to bottom in the case's order, or the ``lanes`` given), the article's date as a
    dashed line and the time after it hatched. Returns the marker collections by
    (category id, when), so that they can be shown or hidden later; each collection keeps
    its lane, category, marker, colour and events, which the legend and description read.

    >>> ax = Figure().add_subplot()
    >>> frame = pd.DataFrame({"date": [PartialDate(2017, 9, 3)], "lane": ["Tests"],
    ...                       "category": ["launch test"], "event": ["Test"],
    ...                       "when": [BEFORE]})
    >>> artists = draw_timeline(ax, frame, PartialDate(2017, 10, 13))
    >>> collection = artists["launch_test", BEFORE]
    >>> collection.lane, collection.category, collection.events
    ('Tests', 'launch test', [(PartialDate('2017-09-03'), 'Test')])
    """
    every_lane = _lanes(table, categories)
    colours = lane_colours(every_lane)
    styles = category_styles(table, categories)
    lanes = lanes or every_lane
    row = {label: len(lanes) - i for i, label in enumerate(lanes)}
    ax.timeline_rows = row  # lane -> height of its row, read by timeline_view
    ax.timeline_article = article_date
    article_day = article_date.first_day
    ax.axvline(article_day, zorder=1, gid=ARTICLE_LINE, **ARTICLE_LINE_STYLE)
    hindsight_area(ax, article_day + dt.timedelta(days=1), dt.date(2200, 1, 1),
                   gid=HINDSIGHT_AREA)
    artists = {}
    plain = table.assign(lane=table["lane"].astype(object))
    style_order = {label: i for i, label in enumerate(styles)}
    for (category, when), group in plain.groupby(["category", "when"], sort=False):
        lane = group["lane"].iloc[0]
        if lane not in row:
            continue
        key, marker = styles[category]
        colour = colours[lane]
        later = when == AFTER
        collection = ax.scatter(
            [as_datetime(d) for d in group["date"]], [row[lane] for lane in group["lane"]],
            marker=marker, s=90 if marker in BIG_MARKERS else 55,
            facecolors=HOLLOW["facecolor"] if later else colour,
            edgecolors=HOLLOW["edgecolor"] if later else "black",
            linewidths=HOLLOW["linewidth"] if later else 0.6, zorder=3)
        collection.set_gid(f"{key}|{when}")
        collection.lane, collection.category, collection.when = lane, category, when
        collection.marker, collection.colour = marker, colour
        collection.legend_order = (lanes.index(lane), style_order[category])
        # Every marker of the group and its event, kept so that ``keep_years`` can narrow
        # and widen it, and ``timeline_view`` say which events are drawn.
        collection.all_offsets = collection.get_offsets().copy()
        titles = group["event"] if "event" in group else [""] * len(group)
        collection.all_events = list(zip(group["date"], titles, strict=True))
        collection.events = list(collection.all_events)
        artists[key, when] = collection
    ax.set_yticks(list(row.values()), [_wrap(label) for label in row])
    ax.set_ylim(0.4, len(lanes) + TOP_BAND)
    ax.grid(axis="y", color="0.85", linewidth=0.8)
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    # Both labels stand in the band above the top row, level with each other on either
    # side of the dashed line, where no marker is drawn.
    top = len(lanes) + TOP_BAND
    ax.annotate(f"article, {day_text(article_date)}", (article_day, top),
                xytext=(-4, -3), textcoords="offset points", ha="right", va="top",
                fontsize=9, gid=ARTICLE_NOTE)
    ax.annotate(HINDSIGHT_LABEL, (article_day, top), xytext=(4, -3),
                textcoords="offset points", ha="left", va="top", fontsize=9,
                fontstyle="italic", gid=HINDSIGHT_NOTE,
                bbox={"facecolor": HINDSIGHT_FACE, "edgecolor": "none", "pad": 1.5})
    return artists


def _wrap(label: str) -> str:
    """A lane label on two lines if long, so that the chart keeps its width for time."""
    words = label.split()
    if len(label) <= 18 or len(words) < 2:
        return label
    half = len(label) / 2
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - half))
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


def _by_gid(ax, gid: str) -> list:
    return [artist for artist in [*ax.lines, *ax.patches, *ax.texts] if artist.get_gid() == gid]


def year_labels(first_year: int, last_year: int) -> tuple[bool, bool]:
    """How a window labels its years: (upright, with the quarters). Up to
    ``UPRIGHT_YEARS`` years stand upright, more are turned; up to four years also label the
    quarters. Windows labelled alike need the same room under the axes.

    >>> year_labels(2016, 2017), year_labels(2003, 2009), year_labels(1994, 2025)
    ((True, True), (True, False), (False, False))
    """
    count = last_year - first_year + 1
    return count <= UPRIGHT_YEARS, count <= 4


def set_window(ax, first_year: int, last_year: int) -> None:
    """Show the years ``first_year`` to ``last_year`` and label every one of them; a window
    of up to three years also labels the quarters (Apr, Jul, Oct). The article's dashed line
    and its labels are drawn only when its date is inside the window.

    >>> figure = Figure()
    >>> ax = figure.add_subplot()
    >>> set_window(ax, 2016, 2017)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['2016', '2017']
    """
    left = dt.date(first_year, 1, 1) - dt.timedelta(days=20)
    right = dt.date(last_year, 12, 31) + dt.timedelta(days=20)
    ax.set_xlim(left, right)
    ax.timeline_window = (first_year, last_year)
    years = range(first_year, last_year + 1)
    ax.set_xticks([dt.date(y, 1, 1) for y in years], [str(y) for y in years])
    style = year_labels(first_year, last_year)
    # The ticks' style is set again only when it changes: it is applied to every tick.
    if getattr(ax, "timeline_year_labels", None) != style:
        _style_year_ticks(ax, *style)
        ax.timeline_year_labels = style
    if style[1]:  # the quarters, as fixed ticks: a month locator is slow to draw
        quarters = [dt.date(y, month, 1) for y in years for month in QUARTER_MONTHS]
        ax.set_xticks(quarters, [day.strftime("%b") for day in quarters], minor=True)
    article = getattr(ax, "timeline_article", None)
    if article is not None:
        on_axis = left <= article.first_day <= right
        for mark in _by_gid(ax, ARTICLE_LINE) + _by_gid(ax, ARTICLE_NOTE):
            mark.set_visible(on_axis)
        # The hatched area keeps its label at its left edge: at the article's date, or at
        # the left of a window that comes wholly after it.
        for note in _by_gid(ax, HINDSIGHT_NOTE):
            note.set_visible(article.first_day <= right)
            note.xy = (max(article.first_day, left), note.xy[1])


def _style_year_ticks(ax, upright: bool, quarters: bool) -> None:
    """Year labels upright or turned, quarter ticks labelled or none, a grid line a year."""
    ax.tick_params(axis="x", which="major", labelrotation=0 if upright else 90, length=6,
                   labelsize=10 if upright else 9)
    if quarters:  # set_window puts the ticks
        ax.tick_params(axis="x", which="minor", labelsize=SMALL_FONT, length=3)
    else:  # no minor tick at all: each one, even unlabelled, costs time on every draw
        ax.xaxis.set_minor_locator(NullLocator())
    ax.grid(axis="x", which="major", color="0.85", linewidth=0.8)


def keep_years(artists: dict[tuple[str, str], object], first_year: int,
               last_year: int) -> None:
    """Draw only the markers of events from ``first_year`` to ``last_year``: the days of
    margin that ``set_window`` leaves on each side must not show an event of the year before
    or after (an event of 28 Dec 2015 in a window of 2016-2017).

    >>> figure = Figure()
    >>> ax = figure.add_subplot()
    >>> frame = pd.DataFrame({"date": [PartialDate(2015, 12, 28), PartialDate(2016, 1, 6)],
    ...                       "lane": ["Tests"] * 2, "category": ["launch test"] * 2,
    ...                       "when": [BEFORE] * 2})
    >>> artists = draw_timeline(ax, frame, PartialDate(2017, 10, 13))
    >>> keep_years(artists, 2016, 2017)
    >>> [mdates.num2date(x).date().isoformat() for x, _ in artists["launch_test", BEFORE].get_offsets()]
    ['2016-01-06']
    """  # noqa: E501 - the doctest shows the whole line
    low = mdates.date2num(dt.date(first_year, 1, 1))
    high = mdates.date2num(dt.date(last_year + 1, 1, 1))
    for collection in artists.values():
        every = collection.all_offsets
        kept = (every[:, 0] >= low) & (every[:, 0] < high)
        collection.set_offsets(every[kept])
        collection.events = [event for event, keep in zip(collection.all_events, kept,
                                                           strict=True) if keep]


def show_only(ax, artists: dict[tuple[str, str], object], lanes: list[str],
              hindsight: bool) -> None:
    """Show the markers of the lanes given (labels) and, if ``hindsight``, the events after
    the article; hide the rest. The row of a lane not given stays, empty, and its label says
    it is hidden; the label of the hatched area says when its events are hidden.

    >>> ax = Figure().add_subplot()
    >>> frame = pd.DataFrame({"date": [PartialDate(2017, 9, 3), PartialDate(2017, 11, 29)],
    ...                       "lane": ["Tests"] * 2, "category": ["launch test"] * 2,
    ...                       "when": [BEFORE, AFTER]})
    >>> artists = draw_timeline(ax, frame, PartialDate(2017, 10, 13))
    >>> show_only(ax, artists, ["Tests"], hindsight=False)
    >>> {when: c.get_visible() for (_, when), c in artists.items()}
    {'before the article': True, 'after the article': False}
    >>> show_only(ax, artists, [], hindsight=False)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['Tests\\n(hidden)']
    """
    for (_, when), collection in artists.items():
        collection.set_visible(collection.lane in lanes and (hindsight or when == BEFORE))
    rows = ax.timeline_rows
    ax.set_yticks(list(rows.values()), [
        _wrap(lane) + ("" if lane in lanes else "\n" + HIDDEN_ROW) for lane in rows])
    for note in _by_gid(ax, HINDSIGHT_NOTE):
        note.set_text(HINDSIGHT_LABEL + ("" if hindsight else HIDDEN_LATER))


def _marker_collections(ax) -> list:
    """The event markers of a timeline's axes, in legend order (lane, then category)."""
    markers = [c for c in ax.collections if hasattr(c, "legend_order")]
    return sorted(markers, key=lambda c: c.legend_order)


def _drawn_offsets(ax, collection):
    """Which markers of a collection lie inside the time axis (a mask of its offsets)."""
    low, high = ax.get_xlim()
    offsets = collection.get_offsets()
    return (offsets[:, 0] >= low) & (offsets[:, 0] <= high) if len(offsets) else []


def _on_axis(ax, day: dt.date) -> bool:
    low, high = ax.get_xlim()
    return bool(low <= mdates.date2num(day) <= high)


def drawn_legend_handles(ax) -> list:
    """The legend of what the axes draw now: one entry per category with a marker drawn
    (shape and lane colour), lane by lane; the hollow marker if an event after the article
    is drawn; the hatching if the time after the article is on the axis.

    >>> ax = Figure().add_subplot()
    >>> frame = pd.DataFrame({"date": [PartialDate(2017, 9, 3), PartialDate(2017, 11, 29)],
    ...                       "lane": ["Tests", "Trade"], "category": ["launch", "trade"],
    ...                       "when": [BEFORE, AFTER]})
    >>> artists = draw_timeline(ax, frame, PartialDate(2017, 10, 13))
    >>> set_window(ax, 2017, 2017)
    >>> [h.get_label() for h in drawn_legend_handles(ax)]
    ['launch', 'trade', 'hollow: after the article', 'after the article']
    >>> show_only(ax, artists, ["Tests"], hindsight=True)
    >>> [h.get_label() for h in drawn_legend_handles(ax)]
    ['launch', 'after the article']
    """
    handles, named, hollow = [], set(), False
    for collection in _marker_collections(ax):
        if not collection.get_visible() or not any(_drawn_offsets(ax, collection)):
            continue
        hollow = hollow or collection.when == AFTER
        if collection.category not in named:
            named.add(collection.category)
            handles.append(Line2D([], [], linestyle="none", marker=collection.marker,
                                  markersize=8, markerfacecolor=collection.colour,
                                  markeredgecolor="black", label=collection.category))
    if hollow:
        handles.append(hollow_handle(label=HOLLOW_LABEL))
    article = getattr(ax, "timeline_article", None)
    if article is not None and mdates.date2num(article.first_day) + 1 < ax.get_xlim()[1]:
        handles.append(hindsight_handle(HINDSIGHT_LABEL))
    return handles


def update_legend(ax, handles: list | None = None) -> None:
    """Replace the legend by one of what the axes draw now (``drawn_legend_handles``), or of
    the ``handles`` given, on the right of the chart, level with its bottom (the label of the
    time after the article may reach past the top right corner); no legend when nothing is
    drawn."""
    handles = drawn_legend_handles(ax) if handles is None else handles
    legend = ax.get_legend()
    if legend is not None:
        # The same entries (a label always stands for the same marker): keep it as it is.
        if [t.get_text() for t in legend.get_texts()] == [h.get_label() for h in handles]:
            return
        legend.remove()
    if handles:
        ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(1.01, 0.0),
                  fontsize=SMALL_FONT, frameon=False)


@dataclass(frozen=True)
class DrawnEvent:
    """An event of the timeline as the chart holds it."""

    lane: str
    category: str
    when: str
    date: PartialDate
    event: str


@dataclass(frozen=True)
class TimelineView:
    """What a timeline's axes draw at a moment, read from its artists by ``timeline_view``.

    ``drawn`` are the markers visible on the time axis, in date order; ``hidden_by_lane``
    the events of the window in rows that are not ticked; ``hidden_later`` the events after
    the article that the hindsight switch hides in the rows that are ticked. ``legend`` holds
    (label, what it shows): a marker's shape in words, ``"hollow"`` or ``"hatched"``.
    ``hatched`` says how much of the time axis comes after the article: "none", "part" or
    "all"; ``hatched_label`` is the text written in the hatched area, if it is drawn.
    """

    window: tuple[int, int]
    article_date: PartialDate
    rows: tuple[str, ...]
    hidden_rows: tuple[str, ...]
    drawn: tuple[DrawnEvent, ...]
    hidden_by_lane: tuple[DrawnEvent, ...]
    hidden_later: tuple[DrawnEvent, ...]
    legend: tuple[tuple[str, str], ...]
    article_line: bool
    hatched: str
    hatched_label: str | None

    @property
    def shown_rows(self) -> list[str]:
        return [row for row in self.rows if row not in self.hidden_rows]


def timeline_view(ax) -> TimelineView:
    """What the timeline drawn on ``ax`` shows now: its rows (top first) and which are marked
    hidden, the events whose markers are drawn on the time axis and those hidden, its legend,
    whether the article's dashed line is on the axis and how much of it is hatched.

    >>> ax = Figure().add_subplot()
    >>> frame = pd.DataFrame({"date": [PartialDate(2017, 9, 3), PartialDate(2017, 11, 29)],
    ...                       "lane": ["Tests", "Trade"], "category": ["launch", "trade"],
    ...                       "event": ["Test", "Deal"], "when": [BEFORE, AFTER]})
    >>> artists = draw_timeline(ax, frame, PartialDate(2017, 10, 13))
    >>> set_window(ax, 2017, 2017)
    >>> show_only(ax, artists, ["Tests"], hindsight=True)
    >>> view = timeline_view(ax)
    >>> view.rows, view.hidden_rows, [e.event for e in view.drawn]
    (('Tests', 'Trade'), ('Trade',), ['Test'])
    >>> [e.event for e in view.hidden_by_lane], view.article_line, view.hatched
    (['Deal'], True, 'part')
    """
    rows = sorted(ax.timeline_rows, key=lambda lane: -ax.timeline_rows[lane])
    lane_at = {height: lane for lane, height in ax.timeline_rows.items()}
    labels = {lane_at[label.get_position()[1]]: label.get_text()
              for label in ax.get_yticklabels()}
    hidden_rows = tuple(lane for lane in rows if labels[lane].endswith(HIDDEN_ROW))
    drawn, by_lane, later = [], [], []
    for collection in _marker_collections(ax):
        inside = _drawn_offsets(ax, collection)
        for (date, event), keep in zip(collection.events, inside, strict=True):
            if not keep:
                continue
            item = DrawnEvent(collection.lane, collection.category, collection.when, date,
                              event)
            if collection.get_visible():
                drawn.append(item)
            elif collection.lane in hidden_rows:
                by_lane.append(item)
            else:
                later.append(item)
    article_date = ax.timeline_article
    line = _by_gid(ax, ARTICLE_LINE)[0]
    article_line = line.get_visible() and _on_axis(ax, article_date.first_day)
    low, high = ax.get_xlim()
    after = mdates.date2num(article_date.first_day) + 1
    hatched = "none" if after >= high else "all" if after <= low else "part"
    notes = [note for note in _by_gid(ax, HINDSIGHT_NOTE) if note.get_visible()]
    hatched_label = notes[0].get_text() if notes and hatched != "none" else None
    legend = ax.get_legend()
    entries = []
    if legend is not None:
        for handle, text in zip(legend.legend_handles, legend.get_texts(), strict=True):
            label = text.get_text()
            if isinstance(handle, Patch):
                entries.append((label, "hatched"))
            elif label == HOLLOW_LABEL:
                entries.append((label, "hollow"))
            else:
                entries.append((label, SHAPE_WORDS[handle.get_marker()]))

    def by_date(items):
        return tuple(sorted(items, key=lambda item: item.date))

    return TimelineView(ax.timeline_window, article_date, tuple(rows), hidden_rows,
                        by_date(drawn), by_date(by_lane), by_date(later), tuple(entries),
                        article_line, hatched, hatched_label)


def describe_timeline(view: TimelineView) -> str:
    """The text description of a timeline chart as ``timeline_view`` reads it: rows and
    the events drawn in each, what the lane filter and the hindsight switch hide, the
    article's date and whether its line is on the axis, the events after it (listed when
    few), the legend and the time axis.

    >>> ax = Figure().add_subplot()
    >>> frame = pd.DataFrame({"date": [PartialDate(2017, 9, 3), PartialDate(2017, 12)],
    ...                       "lane": ["Tests"] * 2, "category": ["launch"] * 2,
    ...                       "event": ["Test", "Later test"], "when": [BEFORE, AFTER]})
    >>> artists = draw_timeline(ax, frame, PartialDate(2017, 10, 13))
    >>> set_window(ax, 2017, 2017)
    >>> update_legend(ax)
    >>> print(describe_timeline(timeline_view(ax)).replace(". ", ".\\n"))
    Timeline chart, 2017: 2 events in 1 lane, one row per lane; the shape of a marker gives its category.
    Events per lane: Tests 2 (1 after the article).
    A dashed line marks the article's date, 13 Oct 2017; the time after it is hatched and labelled 'after the article'.
    1 event after the article, which a reader on that date could not know, has a hollow marker: Dec 2017, Later test.
    Legend: launch (circle); a hollow marker is an event after the article; hatching marks the time after it.
    The year 2017 is labelled on the time axis, with its quarters.
    >>> set_window(ax, 2015, 2016)
    >>> keep_years(artists, 2015, 2016)
    >>> update_legend(ax)
    >>> print(describe_timeline(timeline_view(ax)).replace(". ", ".\\n"))
    Timeline chart, 2015 to 2016: 0 events in 1 lane, one row per lane; the shape of a marker gives its category.
    Events per lane: Tests 0.
    The article's date, 13 Oct 2017, comes after this window: no dashed line is drawn and nothing is hatched.
    The chart has no legend: it draws no marker and no hatching.
    Every year from 2015 to 2016 is labelled on the time axis.
    """  # noqa: E501 - the doctest shows whole sentences
    first, last = view.window
    parts = [_rows_sentence(view)]
    if view.shown_rows:
        per_lane = []
        for lane in view.shown_rows:
            n = sum(e.lane == lane for e in view.drawn)
            after = sum(e.lane == lane and e.when == AFTER for e in view.drawn)
            per_lane.append(f"{lane} {n}" + (f" ({after} after the article)" if after else ""))
        parts.append("Events per lane: " + "; ".join(per_lane) + ".")
    if view.hidden_by_lane:
        text = (f"The lanes not ticked hide {_count(len(view.hidden_by_lane), 'event')} of "
                "these years")
        if view.hatched != "none":
            text += _share_after(view.hidden_by_lane)
        parts.append(text + ".")
    elif view.hidden_rows:
        parts.append("The lanes not ticked have no event in these years.")
    parts.append(_article_sentence(view))
    parts += _later_sentences(view)
    parts.append(_legend_sentence(view.legend))
    parts.append(f"Every year from {first} to {last} is labelled on the time axis."
                 if first != last else
                 f"The year {first} is labelled on the time axis, with its quarters.")
    return " ".join(part for part in parts if part)


def _share_after(events: tuple[DrawnEvent, ...]) -> str:
    """How many of some events come after the article, as the end of a sentence.

    >>> day = PartialDate(2017)
    >>> _share_after((DrawnEvent("a", "b", AFTER, day, "c"),) * 2)
    ', all of them after the article'
    """
    after = sum(e.when == AFTER for e in events)
    if len(events) == 1:
        return f", {'after' if after else 'before'} the article"
    if after == len(events):
        return ", all of them after the article"
    return f", {after or 'none'} of them after the article"


def _rows_sentence(view: TimelineView) -> str:
    """The first sentence: the window, what is shown, and the rows with their events."""
    first, last = view.window
    span = f"{first} to {last}" if first != last else str(first)
    if view.hidden_later:
        span += f", only what a reader on {day_text(view.article_date)} could know"
    shown, hidden = view.shown_rows, view.hidden_rows
    events = _count(len(view.drawn), "event")
    if not shown:
        return (f"Timeline chart, {span}: no lane is ticked, so "
                + ("its row is" if len(hidden) == 1 else f"all {len(hidden)} of its rows are")
                + " empty and marked hidden.")
    if hidden:
        return (f"Timeline chart, {span}: {events} in {len(shown)} of its "
                f"{_count(len(view.rows), 'lane')}, one row per lane; "
                + ("the row of the lane not ticked is" if len(hidden) == 1 else
                   f"the {len(hidden)} rows of the lanes not ticked are")
                + " empty and marked hidden; the shape of a marker gives its category.")
    return (f"Timeline chart, {span}: {events} in {_count(len(view.rows), 'lane')}, one row "
            "per lane; the shape of a marker gives its category.")


def _article_sentence(view: TimelineView) -> str:
    """Where the article's date is: a dashed line on the axis, or before or after it."""
    article = day_text(view.article_date)
    labelled = f" and labelled '{view.hatched_label}'" if view.hatched_label else ""
    if view.article_line:
        return (f"A dashed line marks the article's date, {article}; the time after it is "
                f"hatched{labelled}.")
    if view.hatched == "all":
        return (f"The whole window comes after the article's date, {article}: no dashed line "
                f"is drawn, and all of it is hatched{labelled}.")
    return (f"The article's date, {article}, comes after this window: no dashed line is drawn "
            "and nothing is hatched.")


def _later_sentences(view: TimelineView) -> list[str]:
    """The events after the article: how many are hidden, or which are drawn (listed when
    few), or that none is drawn."""
    later = [e for e in view.drawn if e.when == AFTER]
    if view.hidden_later:
        n = len(view.hidden_later)
        return [f"{_count(n, 'event').capitalize()} after the article "
                f"{'is' if n == 1 else 'are'} hidden."]
    if later:
        text = (f"{_count(len(later), 'event')} after the article, which a reader on that "
                f"date could not know, "
                + ("has a hollow marker" if len(later) == 1 else "have hollow markers"))
        if len(later) <= LISTED_LATER_EVENTS:
            text += ": " + "; ".join(f"{day_text(e.date)}, {e.event}" for e in later)
        return [text + "."]
    if any(e.when == AFTER for e in view.hidden_by_lane):
        return ["No event drawn comes after the article."]
    if view.hatched != "none" and view.drawn:
        return ["No event in this window comes after the article."]
    return []


def _legend_sentence(legend: tuple[tuple[str, str], ...]) -> str:
    """The legend in words, entry by entry, in its order."""
    if not legend:
        return "The chart has no legend: it draws no marker and no hatching."
    kinds = [f"{label} ({shape})" for label, shape in legend if shape not in ("hollow",
                                                                               "hatched")]
    said = [", ".join(kinds)] if kinds else ["no kind of event, since no marker is drawn"]
    if any(shape == "hollow" for _, shape in legend):
        said.append("a hollow marker is an event after the article")
    if any(shape == "hatched" for _, shape in legend):
        said.append("hatching marks the time after it")
    return "Legend: " + "; ".join(said) + "."


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def timeline_chart(table: pd.DataFrame, article_date: PartialDate,
                   first_year: int, last_year: int, title: str | None = None,
                   lanes: list[str] | None = None,
                   categories: pd.DataFrame | None = None) -> Chart:
    """The timeline of a ``model.timeline.timeline_table`` from ``first_year`` to
    ``last_year``, with its description (of what is drawn) and its counts per lane as the
    table. Pass the case's ``categories`` for the markers it declares.

    >>> frame = pd.DataFrame({"date": [PartialDate(2016, 1, 6), PartialDate(2017, 12)],
    ...                       "lane": ["Tests"] * 2, "category": ["launch test"] * 2,
    ...                       "event": ["Test", "Later test"], "when": [BEFORE, AFTER]})
    >>> chart = timeline_chart(frame, PartialDate(2017, 10, 13), 2016, 2017)
    >>> chart.table.loc["Tests"].to_dict()
    {'before the article': 1, 'after the article': 1, 'all': 2}
    >>> [c.get_gid() for c in chart.figure.axes[0].collections]
    ['launch_test|before the article', 'launch_test|after the article']
    """
    years = table["date"].map(lambda date: date.year)
    inside = table[(years >= first_year) & (years <= last_year)]
    lanes = lanes or _lanes(table, categories)
    figure = Figure(figsize=(FIGURE_WIDTH, max(2.6, 1.0 + 0.75 * len(lanes))),
                    layout="constrained")
    ax = figure.add_subplot()
    draw_timeline(ax, inside, article_date, lanes, categories)
    set_window(ax, first_year, last_year)
    span = f"{first_year}-{last_year}" if first_year != last_year else str(first_year)
    ax.set_title(title or f"Events of {span} in the course's timeline")
    update_legend(ax)
    shown = inside[inside["lane"].isin(lanes)]
    return Chart(figure, describe_timeline(timeline_view(ax)),
                 lane_counts(shown, lanes).loc[lanes + ["all lanes"]])


# -- the explorer's chart: one figure, updated in place ------------------------------------

@dataclass
class TimelineChart(Chart):
    """A timeline drawn once with every event, which ``show`` moves to a window and filters
    by lane and hindsight, and whose ``png`` is quick enough for a widget.

    Its layout is fixed when it is made (``explorer_timeline_chart``): one axes position per
    way a window labels its years (``year_labels``), each made by a constrained layout with
    the fullest legend, so nothing moves or gets cut as the legend changes, and no layout is
    computed on a change. ``png`` draws at that layout on a canvas of its own, without the
    "tight" bounding box (which draws the figure twice). The legend, the lane labels, the
    year labels and the title are the slowest parts to draw and lie outside the axes, on the
    bare figure: each is drawn once per content and position, and its pixels are pasted back
    after that.
    """

    artists: dict = field(default_factory=dict)  # (category id, when) -> marker collection
    positions: dict = field(default_factory=dict)  # year_labels(...) -> axes position
    _canvas: QuickCanvas | None = field(default=None, repr=False)

    @property
    def ax(self):
        return self.figure.axes[0]

    def show(self, window: tuple[int, int], lanes: list[str], hindsight: bool,
             title: str | None = None) -> None:
        """Show the years of ``window`` with the markers of ``lanes`` (labels), those after
        the article only if ``hindsight``; make the legend and the description again from
        what is then drawn."""
        ax = self.ax
        first, last = window
        set_window(ax, first, last)
        if self.positions:
            ax.set_position(self.positions[year_labels(first, last)])
        keep_years(self.artists, first, last)
        show_only(ax, self.artists, lanes, hindsight)
        update_legend(ax)
        # At y=1 (where it stands anyway), so that no draw measures the axes to place it.
        ax.set_title(title or f"Events of {first}-{last} in the course's timeline", y=1.0)
        self.description = describe_timeline(timeline_view(ax))

    def png(self) -> bytes:
        """The figure as PNG at its fixed layout, the legend and labels pasted back when
        unchanged (see the class)."""
        if self._canvas is None:
            self._canvas = QuickCanvas(self.figure)
        ax = self.ax
        low, high = ax.get_xlim()
        position = tuple(ax.get_position().bounds)
        legend = ax.get_legend()
        # The labels of the ticks inside the window, their texts brought up to date.
        lanes = ax.yaxis.get_majorticklabels()
        years = [label for label in [*ax.xaxis.get_majorticklabels(),
                                     *ax.xaxis.get_minorticklabels()]
                 if low <= label.get_position()[0] <= high]
        groups = {"lanes": (lanes, (position, _texts(lanes))),
                  "years": (years, (position, (low, high), _texts(years))),
                  "title": ([ax.title], (position, ax.title.get_text()))}
        if legend is not None:
            groups["legend"] = ([legend], (position, _texts(legend.get_texts())))
        return self._canvas.png(groups, others=ax.texts)


def _texts(labels: list) -> tuple[str, ...]:
    return tuple(label.get_text() for label in labels)


def explorer_timeline_chart(table: pd.DataFrame, article_date: PartialDate,
                            windows: list[tuple[int, int]],
                            categories: pd.DataFrame | None = None,
                            height: float = 4.75) -> TimelineChart:
    """The timeline of every event of ``table``, with one fixed layout for each way the
    ``windows`` label their years; ``show`` then chooses what it draws.

    >>> frame = pd.DataFrame({"date": [PartialDate(2016, 1, 6), PartialDate(2017, 12)],
    ...                       "lane": ["Tests"] * 2, "category": ["launch test"] * 2,
    ...                       "event": ["Test", "Later test"], "when": [BEFORE, AFTER]})
    >>> chart = explorer_timeline_chart(frame, PartialDate(2017, 10, 13), [(2016, 2017)])
    >>> chart.show((2016, 2017), ["Tests"], hindsight=False)
    >>> chart.png()[:4], list(chart.positions)  # one layout: upright years, with quarters
    (b'\\x89PNG', [(True, True)])
    >>> chart.description.split(". ")[0]
    'Timeline chart, 2016 to 2017, only what a reader on 13 Oct 2017 could know: 1 event in 1 lane, one row per lane; the shape of a marker gives its category'
    """  # noqa: E501 - the doctest shows the whole sentence
    figure = Figure(figsize=(FIGURE_WIDTH, height), layout="constrained")
    ax = figure.add_subplot()
    artists = draw_timeline(ax, table, article_date, categories=categories)
    chart = TimelineChart(figure, "", table, artists=artists)
    every_lane = list(ax.timeline_rows)
    whole = (min(first for first, _ in windows), max(last for _, last in windows))
    # The fullest legend: every kind of event of the windows, the hollow marker, the hatching.
    chart.show(whole, every_lane, hindsight=True)
    fullest = drawn_legend_handles(ax)
    for first, last in windows:
        style = year_labels(first, last)
        if style in chart.positions:
            continue
        set_window(ax, first, last)
        update_legend(ax, fullest)
        figure.draw_without_rendering()
        chart.positions[style] = ax.get_position().frozen()
    figure.set_layout_engine("none")
    return chart
