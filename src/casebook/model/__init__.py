"""Pure functions from case tables to result tables. No widgets, no plotting, no I/O.

Dates in the case are ``PartialDate`` values (a day, a month or a year, as the source gives
it); they sort in date order and know their year.
"""

from __future__ import annotations

import pandas as pd


def year_of(dates: pd.Series) -> pd.Series:
    """The year of each date, as integers.

    >>> from casebook.dates import PartialDate
    >>> year_of(pd.Series([PartialDate.parse("2017-10-13"), PartialDate.parse("2006")])).tolist()
    [2017, 2006]
    """
    return dates.map(lambda date: date.year).astype(int)


def events_per_year(events: pd.DataFrame, first: int | None = None,
                    last: int | None = None) -> pd.Series:
    """Number of timeline events starting in each year from ``first`` to ``last``
    (default: the years the timeline spans), with 0 for years that have none.

    >>> from casebook.dates import PartialDate
    >>> dates = ["2000-02-09", "2000-07", "2002"]
    >>> frame = pd.DataFrame({"date": [PartialDate.parse(d) for d in dates]})
    >>> events_per_year(frame).to_dict()
    {2000: 2, 2001: 0, 2002: 1}
    """
    years = year_of(events["date"])
    first = int(years.min()) if first is None else first
    last = int(years.max()) if last is None else last
    counts = years.value_counts().reindex(range(first, last + 1), fill_value=0).sort_index()
    counts.index.name = "year"
    counts.name = "events"
    return counts


def events_in_year(events: pd.DataFrame, actors: pd.DataFrame, year: int) -> pd.DataFrame:
    """The events that start in ``year``, in date order, with actor ids turned into the
    actors' short names: the table a reader sees beside the timeline.

    >>> actors = pd.DataFrame({"short_name": ["Ann"]}, index=pd.Index(["ANN"]))
    >>> from casebook.dates import PartialDate
    >>> ev = pd.DataFrame({"date": [PartialDate.parse("2017-07-04")], "title": ["Statement"],
    ...                    "category": ["diplomacy"], "actors": [("ANN",)]})
    >>> events_in_year(ev, actors, 2017)["actors"].tolist()
    ['Ann']
    """
    chosen = events[year_of(events["date"]) == year].sort_values("date")
    names = actors["short_name"].to_dict()
    return pd.DataFrame({
        "date": chosen["date"].to_list(),
        "event": chosen["title"].to_list(),
        "category": chosen["category"].str.replace("_", " ").to_list(),
        "actors": [", ".join(names[a] for a in ids) for ids in chosen["actors"]],
    })


def lesson_map(lessons: pd.DataFrame) -> pd.DataFrame:
    """The course map as a reader sees it: number, title, minutes, status, one-line summary.

    >>> frame = pd.DataFrame({"title": ["Start here"], "minutes": [20], "status": ["ready"],
    ...                       "summary": ["How to use it."]}, index=pd.Index(["00_start"]))
    >>> lesson_map(frame).loc["00", "title"], lesson_map(frame).columns.to_list()
    ('Start here', ['title', 'minutes', 'status', 'what it covers'])
    """
    table = pd.DataFrame({
        "title": lessons["title"].to_list(),
        "minutes": [int(m) for m in lessons["minutes"]],
        "status": lessons["status"].to_list(),
        "what it covers": lessons["summary"].to_list(),
    }, index=pd.Index([str(i).split("_")[0] for i in lessons.index], name="lesson"))
    return table
