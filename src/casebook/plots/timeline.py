"""The timeline chart: one row (lane) per kind of event, a marker per event whose shape gives
its category, the article's date as a dashed line, and everything after it hatched and
labelled "after the article", with hollow grey markers: hindsight is never shown by colour
alone.

The chart is drawn once with every event it is given; ``set_window``, ``keep_years`` and
``show_only`` change what is seen, so that a widget updates the same artists in place.
"""

from __future__ import annotations

import datetime as dt

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..dates import PartialDate
from ..model.timeline import AFTER, BEFORE, LANES, as_datetime, day_text, lane_counts
from . import OKABE_ITO, Chart

LANE_COLOURS = {lane.label: OKABE_ITO[i] for lane, i in zip(LANES, (6, 5, 1, 3, 7),
                                                            strict=True)}
MARKERS = {"nuclear_test": "*", "missile_test": "^", "sanctions": "s", "diplomacy": "o",
           "summit": "D", "talks": "P", "treaty": "X", "economy": "v", "military": "p"}
HINDSIGHT_GREY = "0.55"
HINDSIGHT_HATCH = "//"
HINDSIGHT_LABEL = "after the article"
# A long window labels every year upright only if they fit; beyond this many, turn them.
UPRIGHT_YEARS = 12
LISTED_LATER_EVENTS = 6  # the description lists the later events one by one up to this many


def _category_key(category: str) -> str:
    return category.replace(" ", "_")


def draw_timeline(ax, table: pd.DataFrame, article_date: PartialDate,
                  lanes: list[str] | None = None) -> dict[tuple[str, str], object]:
    """Draw the events of a ``model.timeline.timeline_table`` on ``ax``: one row per lane
    (top to bottom in ``LANES`` order, or the ``lanes`` given), the article's date as a
    dashed line and the time after it hatched. Returns the marker collections by
    (category, when), so that they can be shown or hidden later.
    """
    lanes = lanes or [lane.label for lane in LANES]
    row = {label: len(lanes) - i for i, label in enumerate(lanes)}
    article_day = article_date.first_day
    ax.axvline(article_day, color="black", linestyle="--", linewidth=1.2, zorder=1)
    ax.axvspan(article_day + dt.timedelta(days=1), dt.date(2200, 1, 1), facecolor="0.93",
               edgecolor="0.7", hatch=HINDSIGHT_HATCH, linewidth=0, zorder=0)
    artists = {}
    for (category, when), group in table.groupby(["category", "when"], sort=False):
        if group["lane"].iloc[0] not in row:
            continue
        key = _category_key(category)
        colour = LANE_COLOURS[group["lane"].iloc[0]]
        later = when == AFTER
        collection = ax.scatter(
            [as_datetime(d) for d in group["date"]], [row[lane] for lane in group["lane"]],
            marker=MARKERS[key], s=90 if key == "nuclear_test" else 55,
            facecolors="white" if later else colour,
            edgecolors=HINDSIGHT_GREY if later else "black",
            linewidths=1.2 if later else 0.6, zorder=3)
        collection.set_gid(f"{key}|{when}")
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
    ...                       "lane": [LANES[0].label] * 2, "category": ["nuclear test"] * 2,
    ...                       "when": [BEFORE] * 2})
    >>> artists = draw_timeline(ax, frame, PartialDate(2017, 10, 13))
    >>> keep_years(artists, 2016, 2017)
    >>> [mdates.num2date(x).date().isoformat() for x, _ in artists["nuclear_test", BEFORE].get_offsets()]
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
    ...                       "lane": [LANES[0].label] * 2, "category": ["nuclear test"] * 2,
    ...                       "when": [BEFORE, AFTER]})
    >>> artists = draw_timeline(ax, frame, PartialDate(2017, 10, 13))
    >>> show_only(artists, [LANES[0].label], hindsight=False)
    >>> {when: c.get_visible() for (_, when), c in artists.items()}
    {'before the article': True, 'after the article': False}
    """
    shown = {c for lane in LANES if lane.label in lanes for c in lane.categories}
    for (category, when), collection in artists.items():
        collection.set_visible(category in shown and (hindsight or when == BEFORE))


def legend_handles(table: pd.DataFrame) -> list:
    """One legend entry per category in the table (marker and colour), then one for the
    hatched time after the article.

    >>> [h.get_label() for h in legend_handles(pd.DataFrame({"category": ["economy"]}))]
    ['economy', 'hollow: after the article', 'after the article']
    """
    handles = []
    for lane in LANES:
        for category in lane.categories:
            if category.replace("_", " ") in set(table["category"]):
                handles.append(Line2D([], [], linestyle="none", marker=MARKERS[category],
                                      markersize=8, markerfacecolor=LANE_COLOURS[lane.label],
                                      markeredgecolor="black", label=category.replace("_", " ")))
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
    ...                       "lane": [LANES[0].label] * 2, "event": ["Test", "Later test"],
    ...                       "when": [BEFORE, AFTER]})
    >>> text = describe_timeline(frame, PartialDate(2017, 10, 13), 2017, 2017,
    ...                          lanes=[LANES[0].label])
    >>> text.split(";")[0]
    'Timeline chart, 2017: 2 events in 1 lane, one row per lane'
    >>> text.split(". ")[3].split(", ", 1)[1]
    'which a reader on that date could not know, has a hollow grey marker: Dec 2017, Later test'
    >>> describe_timeline(frame, PartialDate(2017, 10, 13), 2017, 2017, hindsight=False,
    ...                   lanes=[LANES[0].label]).split(", one row")[0]
    'Timeline chart, 2017, only what a reader on 13 Oct 2017 could know: 1 event in 1 lane'
    """
    lanes = lanes or [lane.label for lane in LANES]
    shown = table[table["lane"].isin(lanes)]
    counts = lane_counts(shown)
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
                   lanes: list[str] | None = None) -> Chart:
    """The timeline of a ``model.timeline.timeline_table`` from ``first_year`` to
    ``last_year``, with its description and its counts per lane as the table.

    >>> frame = pd.DataFrame({"date": [PartialDate(2016, 1, 6), PartialDate(2017, 12)],
    ...                       "lane": [LANES[0].label] * 2, "category": ["nuclear test"] * 2,
    ...                       "event": ["Test", "Later test"], "when": [BEFORE, AFTER]})
    >>> chart = timeline_chart(frame, PartialDate(2017, 10, 13), 2016, 2017)
    >>> chart.table.loc[LANES[0].label].to_dict()
    {'before the article': 1, 'after the article': 1, 'all': 2}
    >>> [c.get_gid() for c in chart.figure.axes[0].collections]
    ['nuclear_test|before the article', 'nuclear_test|after the article']
    """
    years = table["date"].map(lambda date: date.year)
    inside = table[(years >= first_year) & (years <= last_year)]
    lanes = lanes or [lane.label for lane in LANES]
    figure = Figure(figsize=(10, max(2.6, 1.0 + 0.75 * len(lanes))), layout="constrained")
    ax = figure.add_subplot()
    draw_timeline(ax, inside, article_date, lanes)
    set_window(ax, first_year, last_year)
    span = f"{first_year}-{last_year}" if first_year != last_year else str(first_year)
    ax.set_title(title or f"Events of {span} in the course's timeline")
    ax.legend(handles=legend_handles(inside), loc="upper left", bbox_to_anchor=(1.01, 1.0),
              fontsize=8, frameon=False)
    shown = inside[inside["lane"].isin(lanes)]
    return Chart(figure, describe_timeline(inside, article_date, first_year, last_year,
                                           lanes=lanes),
                 lane_counts(shown).loc[lanes + ["all lanes"]])
