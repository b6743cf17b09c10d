"""The timeline chart: one row (lane) per kind of event, a marker per event whose shape gives
its category, the article's date as a dashed line, and everything after it hatched and
labelled "after the article", with hollow grey markers: hindsight is never shown by colour
alone.

The chart is drawn once with every event it is given; ``set_window``, ``keep_years`` and
``show_only`` change what is seen, so that a widget updates the same artists in place.

Lanes and markers come from the case's ``categories.csv`` (pass ``categories=``): the lanes
in the order they first appear there, a marker shape per category as declared. Without it,
a table's own lane order is used and the shapes are given in order of first appearance.
"""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .. import schema
from ..dates import PartialDate
from ..model.timeline import AFTER, BEFORE, as_datetime, day_text, lane_counts, lane_labels
from . import OKABE_ITO, Chart

# The lanes' colours, top lane first (Okabe-Ito, told apart by colour-blind readers too).
LANE_PALETTE = tuple(OKABE_ITO[i] for i in (6, 5, 1, 3, 7, 0, 2, 4))
# The marker shapes of categories.csv (schema.MARKERS), as matplotlib draws them.
MARKER_CODES = {"circle": "o", "square": "s", "diamond": "D", "triangle_up": "^",
                "triangle_down": "v", "star": "*", "plus": "P", "cross": "X",
                "pentagon": "p", "hexagon": "h"}
assert set(MARKER_CODES) == set(schema.MARKERS), "every marker of the schema needs a shape"
BIG_MARKERS = ("*",)  # thin shapes drawn larger, so that they weigh as much as the others
HINDSIGHT_GREY = "0.55"
HINDSIGHT_HATCH = "//"
HINDSIGHT_LABEL = "after the article"
# A long window labels every year upright only if they fit; beyond this many, turn them.
UPRIGHT_YEARS = 12
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
    (category id, when), so that they can be shown or hidden later.
    """
    every_lane = _lanes(table, categories)
    colours = lane_colours(every_lane)
    styles = category_styles(table, categories)
    lanes = lanes or every_lane
    row = {label: len(lanes) - i for i, label in enumerate(lanes)}
    article_day = article_date.first_day
    ax.axvline(article_day, color="black", linestyle="--", linewidth=1.2, zorder=1)
    ax.axvspan(article_day + dt.timedelta(days=1), dt.date(2200, 1, 1), facecolor="0.93",
               edgecolor="0.7", hatch=HINDSIGHT_HATCH, linewidth=0, zorder=0)
    artists = {}
    plain = table.assign(lane=table["lane"].astype(object))
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
            facecolors="white" if later else colour,
            edgecolors=HINDSIGHT_GREY if later else "black",
            linewidths=1.2 if later else 0.6, zorder=3)
        collection.set_gid(f"{key}|{when}")
        collection.lane = lane  # for show_only
        # Every marker of the group, kept so that ``keep_years`` can narrow and widen it.
        collection.all_offsets = collection.get_offsets().copy()
        artists[key, when] = collection
    ax.set_yticks(list(row.values()), [_wrap(label) for label in row])
    ax.set_ylim(0.4, len(lanes) + 0.8)
    ax.grid(axis="y", color="0.85", linewidth=0.8)
    ax.spines[["top", "right", "left"]].set_visible(False)
    ax.tick_params(axis="y", length=0)
    ax.annotate(f"article, {day_text(article_date)}", (article_day, len(lanes) + 0.8),
                xytext=(-4, -2), textcoords="offset points", ha="right", va="top",
                fontsize=9)
    # Upright text in the hatched area, so that it fits however narrow the area is; drawn
    # under the markers, so that it never hides an event.
    ax.annotate(HINDSIGHT_LABEL, (article_day, len(lanes) + 0.8), xytext=(3, -4),
                textcoords="offset points", ha="left", va="top", rotation=90, fontsize=9,
                fontstyle="italic", zorder=2)
    return artists


def _wrap(label: str) -> str:
    """A lane label on two lines if long, so that the chart keeps its width for time."""
    words = label.split()
    if len(label) <= 18 or len(words) < 2:
        return label
    half = len(label) / 2
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - half))
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


def set_window(ax, first_year: int, last_year: int) -> None:
    """Show the years ``first_year`` to ``last_year`` and label every one of them; a window
    of up to three years also labels the quarters (Apr, Jul, Oct).

    >>> figure = Figure()
    >>> ax = figure.add_subplot()
    >>> set_window(ax, 2016, 2017)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['2016', '2017']
    """
    ax.set_xlim(dt.date(first_year, 1, 1) - dt.timedelta(days=20),
                dt.date(last_year, 12, 31) + dt.timedelta(days=20))
    years = range(first_year, last_year + 1)
    ax.set_xticks([dt.date(y, 1, 1) for y in years], [str(y) for y in years])
    upright = len(years) <= UPRIGHT_YEARS
    ax.tick_params(axis="x", which="major", labelrotation=0 if upright else 90, length=6,
                   labelsize=10 if upright else 9)
    if len(years) <= 4:
        ax.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=(4, 7, 10)))
        ax.xaxis.set_minor_formatter(mdates.DateFormatter("%b"))
        ax.tick_params(axis="x", which="minor", labelsize=8, length=3)
    else:
        ax.xaxis.set_minor_locator(mdates.YearLocator(month=7, day=1))
        ax.xaxis.set_minor_formatter(mdates.DateFormatter(""))
        ax.tick_params(axis="x", which="minor", length=0)
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
        collection.set_offsets(every[(every[:, 0] >= low) & (every[:, 0] < high)])


def show_only(artists: dict[tuple[str, str], object], lanes: list[str],
              hindsight: bool) -> None:
    """Show the markers of the lanes given (labels) and, if ``hindsight``, the events after
    the article; hide the rest.

    >>> ax = Figure().add_subplot()
    >>> frame = pd.DataFrame({"date": [PartialDate(2017, 9, 3), PartialDate(2017, 11, 29)],
    ...                       "lane": ["Tests"] * 2, "category": ["launch test"] * 2,
    ...                       "when": [BEFORE, AFTER]})
    >>> artists = draw_timeline(ax, frame, PartialDate(2017, 10, 13))
    >>> show_only(artists, ["Tests"], hindsight=False)
    >>> {when: c.get_visible() for (_, when), c in artists.items()}
    {'before the article': True, 'after the article': False}
    """
    for (_, when), collection in artists.items():
        collection.set_visible(collection.lane in lanes and (hindsight or when == BEFORE))


def legend_handles(table: pd.DataFrame, categories: pd.DataFrame | None = None) -> list:
    """One legend entry per category in the table (marker and colour), lane by lane, then
    one for the hatched time after the article.

    >>> frame = pd.DataFrame({"category": ["trade"], "lane": ["Trade"]})
    >>> [h.get_label() for h in legend_handles(frame)]
    ['trade', 'hollow: after the article', 'after the article']
    """
    handles = []
    styles = category_styles(table, categories)
    every_lane = _lanes(table, categories)
    colours = lane_colours(every_lane)
    lane_of = (dict(zip(categories["label"], categories["lane"], strict=True))
               if categories is not None else
               dict(zip(table["category"], table["lane"].astype(object), strict=True)))
    present = set(table["category"])
    for lane in every_lane:
        for label, (_, marker) in styles.items():
            if label in present and lane_of.get(label) == lane:
                handles.append(Line2D([], [], linestyle="none", marker=marker,
                                      markersize=8, markerfacecolor=colours[lane],
                                      markeredgecolor="black", label=label))
    handles.append(Line2D([], [], linestyle="none", marker="o", markersize=8,
                          markerfacecolor="white", markeredgecolor=HINDSIGHT_GREY,
                          label="hollow: after the article"))
    handles.append(Patch(facecolor="0.93", edgecolor="0.7", hatch=HINDSIGHT_HATCH,
                         label=HINDSIGHT_LABEL))
    return handles


def describe_timeline(table: pd.DataFrame, article_date: PartialDate, first_year: int,
                      last_year: int, hindsight: bool = True,
                      lanes: list[str] | None = None) -> str:
    """The text description of the timeline chart: counts per lane, the article's date, and
    the events after it (listed when few).

    >>> frame = pd.DataFrame({"date": [PartialDate(2017, 9, 3), PartialDate(2017, 12)],
    ...                       "lane": ["Tests"] * 2, "event": ["Test", "Later test"],
    ...                       "when": [BEFORE, AFTER]})
    >>> text = describe_timeline(frame, PartialDate(2017, 10, 13), 2017, 2017,
    ...                          lanes=["Tests"])
    >>> text.split(";")[0]
    'Timeline chart, 2017: 2 events in 1 lane, one row per lane'
    >>> text.split(". ")[3].split(", ", 1)[1]
    'which a reader on that date could not know, has a hollow grey marker: Dec 2017, Later test'
    >>> describe_timeline(frame, PartialDate(2017, 10, 13), 2017, 2017, hindsight=False,
    ...                   lanes=["Tests"]).split(", one row")[0]
    'Timeline chart, 2017, only what a reader on 13 Oct 2017 could know: 1 event in 1 lane'
    """
    lanes = lanes or lane_labels(table)
    shown = table[table["lane"].isin(lanes)]
    counts = lane_counts(shown, lanes)
    later = shown[shown["when"] == AFTER]
    hidden = not hindsight and not later.empty  # the count then says what is still drawn
    span = f"{first_year} to {last_year}" if first_year != last_year else str(first_year)
    if hidden:
        span += f", only what a reader on {day_text(article_date)} could know"
    drawn = len(shown) - len(later) if hidden else len(shown)
    parts = [f"Timeline chart, {span}: {_count(drawn, 'event')} in "
             f"{_count(len(lanes), 'lane')}, one row per lane; the shape of a marker gives its "
             "category."]
    per_lane = []
    for label in lanes:
        n, after = int(counts.loc[label, "all"]), int(counts.loc[label, AFTER])
        if hidden:
            per_lane.append(f"{label} {n - after}")
        else:
            per_lane.append(f"{label} {n}" + (f" ({after} after the article)" if after else ""))
    parts.append("Events per lane: " + "; ".join(per_lane) + ".")
    parts.append(f"A dashed line marks the article's date, {day_text(article_date)}; the "
                 f"time after it is hatched and labelled '{HINDSIGHT_LABEL}'.")
    if later.empty:
        parts.append("No event in this window comes after the article.")
    elif not hindsight:
        parts.append(f"{_count(len(later), 'event').capitalize()} after the article "
                     f"{'is' if len(later) == 1 else 'are'} hidden.")
    else:
        text = (f"{_count(len(later), 'event')} after the article, which a reader on that "
                f"date could not know, "
                + ("has a hollow grey marker" if len(later) == 1 else "have hollow grey markers"))
        if len(later) <= LISTED_LATER_EVENTS:
            text += ": " + "; ".join(f"{day_text(d)}, {e}" for d, e in
                                     zip(later["date"], later["event"], strict=True))
        parts.append(text + ".")
    parts.append(f"Every year from {first_year} to {last_year} is labelled on the time axis."
                 if first_year != last_year else
                 f"The year {first_year} is labelled on the time axis, with its quarters.")
    return " ".join(parts)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' * (n != 1)}"


def timeline_chart(table: pd.DataFrame, article_date: PartialDate,
                   first_year: int, last_year: int, title: str | None = None,
                   lanes: list[str] | None = None,
                   categories: pd.DataFrame | None = None) -> Chart:
    """The timeline of a ``model.timeline.timeline_table`` from ``first_year`` to
    ``last_year``, with its description and its counts per lane as the table. Pass the
    case's ``categories`` for the markers it declares.

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
    figure = Figure(figsize=(10, max(2.6, 1.0 + 0.75 * len(lanes))), layout="constrained")
    ax = figure.add_subplot()
    draw_timeline(ax, inside, article_date, lanes, categories)
    set_window(ax, first_year, last_year)
    span = f"{first_year}-{last_year}" if first_year != last_year else str(first_year)
    ax.set_title(title or f"Events of {span} in the course's timeline")
    ax.legend(handles=legend_handles(inside, categories), loc="upper left",
              bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    shown = inside[inside["lane"].isin(lanes)]
    return Chart(figure, describe_timeline(inside, article_date, first_year, last_year,
                                           lanes=lanes),
                 lane_counts(shown, lanes).loc[lanes + ["all lanes"]])
