"""Who sat at the table (lesson 03's seat explorer): the events of the case's second-factor
kinds (``factor_categories``) with two actors or more, in a window of years, and whether the
focus actor was among their actors. An event with one actor (a state quitting talks) is no
table anyone could sit at, so it is left out; the reader judges the rest by their kind.

Every function takes tables and returns a table or words; none draws or prints.

>>> from casebook.dates import PartialDate as D
>>> events = pd.DataFrame({"date": [D(2003, 8), D(2009, 4)], "title": ["Talks", "Quits"],
...     "category": ["talks", "talks"], "actors": [("ANN", "BOB"), ("BOB",)]}, index=["t", "q"])
>>> actors = pd.DataFrame({"short_name": ["Ann", "Bob", "Cy"]}, index=["ANN", "BOB", "CY"])
>>> meetings(events, actors, ["talks"])["event"].to_list()
['Talks']
"""

from __future__ import annotations

import pandas as pd

from .argument import article_factors
from .factors import factor_categories, talks_table

AT_TABLE, LEFT_OUT = "among the actors", "not among them"


def meetings(events: pd.DataFrame, actors: pd.DataFrame, categories,
             kinds: dict | None = None) -> pd.DataFrame:
    """``talks_table`` of the ``categories``, keeping the events with two actors or more, with
    each event's kind (its category's label in ``kinds``, else its id) after its title."""
    table = talks_table(events, actors, categories)
    table = table[events.loc[table.index, "actors"].map(len) >= 2]
    category = events.loc[table.index, "category"]
    table.insert(2, "kind", category.map(lambda c: (kinds or {}).get(c, c)))
    return table


def case_meetings(case) -> pd.DataFrame:
    """``meetings`` of a loaded case: the kinds of event that show the article's second
    factor (its factors in the article's order), each named by its category's label."""
    second = article_factors(case.factors).index[1]
    return meetings(case.events, case.actors, factor_categories(case.categories, second),
                    case.categories["label"].to_dict())


def window_choices(periods: pd.DataFrame, table: pd.DataFrame,
                   whole: str = "Whole record") -> list[tuple[str, tuple[int, int]]]:
    """The windows of years a reader can choose: the whole record of ``table`` (its first to
    its last year), then each period of the case.

    >>> from casebook.dates import PartialDate as D
    >>> periods = pd.DataFrame({"label": ["Talks"], "start_year": [2003], "end_year": [2008]})
    >>> window_choices(periods, pd.DataFrame({"date": [D(1997), D(2019)]}))
    [('Whole record (1997-2019)', (1997, 2019)), ('Talks (2003-2008)', (2003, 2008))]
    """
    years = [date.year for date in table["date"]]
    choices = [(f"{whole} ({min(years)}-{max(years)})", (min(years), max(years)))] if years \
        else []
    return choices + [(f"{row.label} ({row.start_year}-{row.end_year})",
                       (int(row.start_year), int(row.end_year)))
                      for row in periods.itertuples()]


def seat_table(table: pd.DataFrame, focus: str, window: tuple[int, int]) -> pd.DataFrame:
    """The meetings of ``table`` (from ``meetings``) inside the window of years, with a column
    named by the focus actor: at the table, or left out.

    >>> from casebook.dates import PartialDate as D
    >>> table = pd.DataFrame({"date": [D(1997), D(2003)], "event": ["Four", "Six"],
    ...     "kind": ["talks"] * 2, "present": ["Bob, Cy", "Ann, Bob, Cy"], "absent": ["Ann", ""]})
    >>> seat_table(table, "Ann", (1990, 2010))["Ann"].to_list()
    ['not among them', 'among the actors']
    """
    years = table["date"].map(lambda date: date.year)
    inside = table[(years >= window[0]) & (years <= window[1])]
    seated = inside["present"].map(lambda names: focus in names.split(", "))
    shown = inside[["date", "event", "kind"]].copy()
    shown[focus] = [AT_TABLE if seat else LEFT_OUT for seat in seated]
    shown["present"], shown["absent"] = inside["present"], inside["absent"]
    return shown


def seat_sentence(shown: pd.DataFrame, focus: str, window_label: str) -> str:
    """What ``seat_table`` shows, in one sentence.

    >>> shown = pd.DataFrame({"event": ["Four", "Six", "Ten"],
    ...                       "Ann": [LEFT_OUT, AT_TABLE, AT_TABLE]})
    >>> seat_sentence(shown, "Ann", "1990-2010")
    '1990-2010: 3 events with two actors or more; Ann among the actors of 2, not of 1.'
    >>> seat_sentence(shown.iloc[:0], "Ann", "1990-2010")
    '1990-2010: no event of these kinds with two actors or more in the timeline.'
    """
    if shown.empty:
        return f"{window_label}: no event of these kinds with two actors or more in the timeline."
    at = int((shown[focus] == AT_TABLE).sum())
    noun = "event" if len(shown) == 1 else "events"
    return (f"{window_label}: {len(shown)} {noun} with two actors or more; {focus} among the "
            f"actors of {at or 'none'}, not of {len(shown) - at or 'any'}.")
