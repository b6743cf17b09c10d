"""The timeline of events, sorted into lanes, with what a reader on the article's date could
know set apart from what came later (hindsight).

Lanes group the event categories that the case declares in ``categories.csv``, so that a
chart has a few rows a reader can scan; their order is the order in which the lanes first
appear in that file.

>>> categories = pd.DataFrame({"label": ["launch", "vote", "meeting"],
...     "lane": ["Tests", "Measures", "Tests"]}, index=["launch", "vote", "meeting"])
>>> [(lane.label, lane.categories) for lane in lanes_of(categories)]
[('Tests', ('launch', 'meeting')), ('Measures', ('vote',))]
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from ..dates import PartialDate


@dataclass(frozen=True)
class Lane:
    """One row of the timeline chart: a label and the event categories it holds."""

    label: str
    categories: tuple[str, ...]


def lanes_of(categories: pd.DataFrame) -> tuple[Lane, ...]:
    """The lanes of a case's ``categories`` table, in the order they first appear, each with
    its categories in file order (see the module's example)."""
    grouped: dict[str, list[str]] = {}
    for category, lane in zip(categories.index, categories["lane"], strict=True):
        grouped.setdefault(lane, []).append(category)
    return tuple(Lane(label, tuple(ids)) for label, ids in grouped.items())


def lane_labels(table: pd.DataFrame) -> list[str]:
    """The lanes of a ``timeline_table`` in the case's order (its ``lane`` column is ordered
    by the case), or in order of first appearance for a table made by hand.

    >>> lane_labels(pd.DataFrame({"lane": ["B", "A", "B"]}))
    ['B', 'A']
    """
    lanes = table["lane"]
    if isinstance(lanes.dtype, pd.CategoricalDtype):
        return [str(label) for label in lanes.cat.categories]
    return list(dict.fromkeys(lanes))

BEFORE, AFTER = "before the article", "after the article"


def is_after(date: PartialDate, article_date: PartialDate) -> bool:
    """True if ``date`` is after the article: its earliest possible day comes after the
    article's date. A month that holds the article's day ("2017-10" for an article of
    13 Oct 2017) is not after it: some of it a reader could know.

    >>> article = PartialDate.parse("2017-10-13")
    >>> [is_after(PartialDate.parse(d), article) for d in ("2017-10-01", "2017-10", "2017-12")]
    [False, False, True]
    """
    return date.first_day > article_date.last_day


def day_text(date: PartialDate) -> str:
    """A date as a reader says it, at the precision it is known.

    >>> [day_text(PartialDate.parse(d)) for d in ("2017-10-13", "2017-12", "2008")]
    ['13 Oct 2017', 'Dec 2017', '2008']
    """
    if date.day:
        return f"{date.day} {date.first_day:%b %Y}"
    if date.month:
        return f"{date.first_day:%b %Y}"
    return str(date.year)


def timeline_table(events: pd.DataFrame, actors: pd.DataFrame, sources: pd.DataFrame,
                   article_date: PartialDate, first_year: int | None = None,
                   last_year: int | None = None, notes: bool = False, *,
                   categories: pd.DataFrame) -> pd.DataFrame:
    """The events that start from ``first_year`` to ``last_year`` (default: all), in date
    order, one row each: date, lane, category (its label), event, actors (short names),
    ``when`` (before or after the article) and the title of the source; with ``notes``,
    also the event's note (details, second sources, what is not verified). Indexed by event
    id. ``lane`` is ordered as the case's ``categories`` orders its lanes.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> table = timeline_table(case.events, case.actors, case.sources, case.article.date,
    ...                        case.article.year, case.article.year,
    ...                        categories=case.categories)
    >>> list(table.columns)
    ['date', 'lane', 'category', 'event', 'actors', 'when', 'source']
    >>> bool((table["date"].map(lambda d: d.year) == case.article.year).all())
    True
    """
    years = events["date"].map(lambda date: date.year)
    inside = pd.Series(True, index=events.index)
    if first_year is not None:
        inside &= years >= first_year
    if last_year is not None:
        inside &= years <= last_year
    chosen = events[inside].sort_values("date", kind="stable")
    names = actors["short_name"].to_dict()
    titles = sources["title"].to_dict()
    lanes = pd.CategoricalDtype([lane.label for lane in lanes_of(categories)], ordered=True)
    table = pd.DataFrame({
        "date": chosen["date"].to_list(),
        "lane": [categories.loc[c, "lane"] for c in chosen["category"]],
        "category": [categories.loc[c, "label"] for c in chosen["category"]],
        "event": chosen["title"].to_list(),
        "actors": [", ".join(names[a] for a in ids) for ids in chosen["actors"]],
        "when": [AFTER if is_after(d, article_date) else BEFORE for d in chosen["date"]],
        "source": [titles[s] for s in chosen["source_id"]],
    }, index=pd.Index(chosen.index, name="event_id"))
    table["lane"] = table["lane"].astype(lanes)
    if notes:
        table.insert(4, "note", chosen["note"].fillna("").to_list())
    return table


def known_on(table: pd.DataFrame) -> pd.DataFrame:
    """The rows of a ``timeline_table`` a reader on the article's date could know.

    >>> frame = pd.DataFrame({"when": [BEFORE, AFTER]})
    >>> len(known_on(frame))
    1
    """
    return table[table["when"] == BEFORE]


def lane_counts(table: pd.DataFrame, lanes: list[str] | None = None) -> pd.DataFrame:
    """Events per lane (in ``lanes`` order, by default the table's) before and after the
    article, with a total row.

    >>> frame = pd.DataFrame({"lane": ["Tests", "Tests", "Trade"],
    ...                       "when": [BEFORE, AFTER, BEFORE]})
    >>> lane_counts(frame).loc["Tests"].tolist()
    [1, 1, 2]
    """
    lanes = lanes or lane_labels(table)
    plain = table["lane"].astype(object)
    counts = pd.crosstab(plain, table["when"]).reindex(
        index=lanes, columns=[BEFORE, AFTER], fill_value=0)
    counts = counts.fillna(0).astype(int)
    counts["all"] = counts.sum(axis=1)
    counts.loc["all lanes"] = counts.sum()
    counts.index.name, counts.columns.name = "lane", None
    return counts


def days_before(date: PartialDate, article_date: PartialDate) -> int:
    """Whole days from ``date`` (its first day) to the article's date.

    >>> days_before(PartialDate.parse("2017-10-01"), PartialDate.parse("2017-10-13"))
    12
    """
    return (article_date.first_day - date.first_day).days


def last_known_event(table: pd.DataFrame) -> pd.Series:
    """The latest row of a ``timeline_table`` that came before the article.

    >>> frame = pd.DataFrame({"date": [1, 2, 3], "when": [BEFORE, BEFORE, AFTER]})
    >>> int(last_known_event(frame)["date"])
    2
    """
    return known_on(table).iloc[-1]


def actor_counts(table: pd.DataFrame) -> pd.Series:
    """How many events of a ``timeline_table`` each actor (short name) takes part in, most
    first; ties keep the order in which actors first appear.

    >>> frame = pd.DataFrame({"actors": ["Ann, Bob", "Bob", "Cy"]})
    >>> actor_counts(frame).to_dict()
    {'Bob': 2, 'Ann': 1, 'Cy': 1}
    """
    names = table["actors"].str.split(", ").explode()
    counts = names.value_counts(sort=False)
    order = {name: i for i, name in enumerate(names.drop_duplicates())}
    ranked = sorted(counts.index, key=lambda n: (-counts[n], order[n]))
    result = counts.reindex(ranked)
    result.index.name, result.name = "actor", "events"
    return result


def year_span(table: pd.DataFrame) -> tuple[int, int]:
    """First and last year of the events in a ``timeline_table``.

    >>> frame = pd.DataFrame({"date": [PartialDate(2016), PartialDate(2017, 3)]})
    >>> year_span(frame)
    (2016, 2017)
    """
    years = table["date"].map(lambda date: date.year)
    return int(years.min()), int(years.max())


def as_datetime(date: PartialDate) -> dt.date:
    """Where a partial date sits on a time axis: the middle of the span it can mean, so that
    a month-only event is not drawn on the 1st as if its day were known.

    >>> as_datetime(PartialDate.parse("2017-12"))
    datetime.date(2017, 12, 16)
    """
    return date.first_day + (date.last_day - date.first_day) / 2


def case_timeline(case, first_year: int | None = None, last_year: int | None = None,
                  notes: bool = False) -> pd.DataFrame:
    """``timeline_table`` of a loaded case, from ``first_year`` to ``last_year``.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> len(case_timeline(case)) == len(case.events)
    True
    """
    return timeline_table(case.events, case.actors, case.sources, case.article.date,
                          first_year, last_year, notes, categories=case.categories)


def period_years(periods: pd.DataFrame, period_id: str) -> tuple[int, int]:
    """The first and last year of a period.

    >>> frame = pd.DataFrame({"start_year": [2016], "end_year": [2017]}, index=["crisis"])
    >>> period_years(frame, "crisis")
    (2016, 2017)
    """
    row = periods.loc[period_id]
    return int(row["start_year"]), int(row["end_year"])


def actors_table(actors: pd.DataFrame) -> pd.DataFrame:
    """The actors as a reader meets them: short name, full name, and their place in the case.

    >>> frame = pd.DataFrame({"name": ["Republic of Ann"], "short_name": ["Ann"],
    ...                       "description": ["The subject."]}, index=["ANN"])
    >>> actors_table(frame).columns.tolist()
    ['actor', 'full name', 'in this case']
    """
    return pd.DataFrame({"actor": actors["short_name"].to_list(),
                         "full name": actors["name"].to_list(),
                         "in this case": actors["description"].to_list()})
