"""The timeline explorer: choose the years, the kinds of event, and whether to see only what a
reader on the article's date could know. One figure is drawn once; the controls move its
window and show or hide its markers, then its legend and description are made again from what
it draws, and the picture, the description and the table of events are updated in place."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from ..case import Case
from ..display import Panel, figure_bundle, scrolling_table_html
from ..model.timeline import day_text, known_on, lanes_of, timeline_table, year_span
from ..plots.timeline import explorer_timeline_chart
from .controls import Choice, choice_keys, keys_html

TABLE_COLUMNS = ["date", "event", "category", "actors", "when", "source"]
TABLE_WIDTHS = [11, 30, 10, 14, 14, 21]  # steady as the window changes
WHOLE_TIMELINE = "Whole timeline"


def year_choices(case: Case, table: pd.DataFrame) -> list[tuple[str, tuple[int, int]]]:
    """The windows a reader can choose: each period of the case, then the whole timeline.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> choices = year_choices(case, timeline_table(case.events, case.actors, case.sources,
    ...     case.article.date, categories=case.categories))
    >>> choices[-1][0].startswith(WHOLE_TIMELINE), len(choices) == len(case.periods) + 1
    (True, True)
    """
    choices = [(f"{row.label} ({row.start_year}-{row.end_year})",
                (int(row.start_year), int(row.end_year)))
               for row in case.periods.itertuples()]
    first, last = year_span(table)
    choices.append((f"{WHOLE_TIMELINE} ({first}-{last})", (first, last)))
    return choices


def shown_events(table: pd.DataFrame, window: tuple[int, int], lanes: list[str],
                 hindsight: bool) -> pd.DataFrame:
    """The rows of a timeline table inside the window, in the lanes given, and only those
    before the article unless ``hindsight``.

    >>> from casebook.dates import PartialDate
    >>> frame = pd.DataFrame({"date": [PartialDate(2016), PartialDate(2017)],
    ...                       "lane": ["Tests"] * 2,
    ...                       "when": ["before the article", "after the article"]})
    >>> len(shown_events(frame, (2016, 2017), ["Tests"], hindsight=False))
    1
    """
    years = table["date"].map(lambda date: date.year)
    inside = table[(years >= window[0]) & (years <= window[1]) & table["lane"].isin(lanes)]
    return inside if hindsight else known_on(inside)


def events_html(shown: pd.DataFrame) -> str:
    """The table of the events in view, in a box that scrolls when it is long.

    >>> events_html(pd.DataFrame(columns=TABLE_COLUMNS))
    '<p>No event of the timeline matches these choices.</p>'
    """
    if shown.empty:
        return "<p>No event of the timeline matches these choices.</p>"
    heading = f"<p><b>{len(shown)} event{'s' * (len(shown) != 1)}</b> in view</p>"
    table = shown.assign(date=shown["date"].map(str))[TABLE_COLUMNS]
    return heading + scrolling_table_html(table, "Events in view", widths=TABLE_WIDTHS)


def timeline_explorer(case: Case) -> Panel:
    """The timeline with a menu of years (the case's periods and the whole timeline), a
    checkbox per lane, and a checkbox that hides what came after the article. It opens on
    the case's default period with every lane and the events after the article shown."""
    table = timeline_table(case.events, case.actors, case.sources, case.article.date,
                           categories=case.categories)
    choices = year_choices(case, table)
    default = case.periods.loc[case.default_period]
    years = Choice(choices, (int(default.start_year), int(default.end_year)), "Years",
                   kind="window of years", width="60%", note=keys_html(
                       f"Tab moves from control to control; {choice_keys(['Years'])}; Space "
                       "ticks or unticks a box."))
    lane_boxes = [widgets.Checkbox(value=True, description=lane.label, indent=False,
                                   layout=widgets.Layout(width="auto"))
                  for lane in lanes_of(case.categories)]
    only_known = widgets.Checkbox(
        value=False, indent=False, layout=widgets.Layout(width="auto"),
        description=f"Only what a reader on {day_text(case.article.date)} could know")

    # One figure, drawn once with a fixed layout; each change updates it in place.
    chart = explorer_timeline_chart(table, case.article.date, [w for _, w in choices],
                                    categories=case.categories)
    # The chart as an <img> whose alternative text is its description (its PNG is kept in
    # picture.png for the static view and the tests).
    picture = widgets.HTML(layout=widgets.Layout(width="100%"))
    picture.add_class("casebook-timeline-chart")
    words = widgets.HTML()
    events = widgets.HTML()

    def state() -> tuple[tuple[int, int], list[str], bool]:
        return (years.value, [box.description for box in lane_boxes if box.value],
                not only_known.value)

    def redraw(_change=None) -> None:
        window, lanes, hindsight = state()
        chart.show(window, lanes, hindsight)
        picture.png = chart.png()
        # The picture first: it is what a reader waits for; the words and table follow.
        picture.value = figure_bundle(picture.png, chart.description)["text/html"]
        words.value = "<p><b>Figure description.</b> " + chart.description + "</p>"
        events.value = events_html(shown_events(table, window, lanes, hindsight))

    for control in [years, only_known, *lane_boxes]:
        control.observe(redraw, names="value")
    redraw()

    def static_view() -> tuple[str, str]:
        window, lanes, hindsight = state()
        page = (f"<p>Years: <b>{years.label}</b>; lanes shown: {', '.join(lanes)}; "
                f"{'events after the article shown' if hindsight else only_known.description}"
                f"</p>" + picture.value
                + words.value + events.value)
        text = (f"Timeline explorer set to {years.label}. " + chart.description)
        return page, text

    lanes_row = widgets.HBox(lane_boxes, layout=widgets.Layout(flex_flow="row wrap"))
    panel = Panel([years, lanes_row, only_known, picture, words, events], static_view)
    panel.chart = chart  # the figure behind the picture, for tests and curious readers
    return panel

