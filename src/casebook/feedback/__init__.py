"""Exercise feedback: each function looks at the learner's answer (or figure) and returns a
sentence that says what is right, what is not, and where to look, not just pass or fail."""

from __future__ import annotations

import operator
from collections.abc import Iterable

import numpy as np
import pandas as pd


def as_whole_number(answer) -> int | None:
    """``answer`` as an int if it is a whole number of any integer type, else None.

    pandas gives numpy integers (``counts.idxmax()`` is an ``np.int64``), which are as good
    an answer as a Python int; a bool is a whole number to Python but never a year.

    >>> as_whole_number(np.int64(2006)), as_whole_number(2006)
    (2006, 2006)
    >>> as_whole_number(True), as_whole_number(np.True_), as_whole_number(2006.0)
    (None, None, None)
    >>> as_whole_number("2006") is None
    True
    """
    if isinstance(answer, bool | np.bool_):
        return None
    try:
        return operator.index(answer)
    except TypeError:
        return None

def actor_names(answer: Iterable, actors: pd.DataFrame) -> tuple[list[str], list[str]]:
    """The answer's items as actors' short names (an item may be an id, written exactly, or
    a short name in any case), and the items that name no actor.

    >>> actors = pd.DataFrame({"short_name": ["Ann"]}, index=["ANN"])
    >>> actor_names(["ANN", "ann", "Atlantis"], actors)
    (['Ann', 'Ann'], ['Atlantis'])
    """
    by_name = {name.lower(): name for name in actors["short_name"]}
    names, unknown = [], []
    for item in answer:
        text = str(item).strip()
        if text in actors.index:
            names.append(actors.loc[text, "short_name"])
        elif text.lower() in by_name:
            names.append(by_name[text.lower()])
        else:
            unknown.append(text)
    return names, unknown


def whole_number_answer(answer, example: int = 3) -> tuple[int | None, str | None]:
    """(the answer as a whole number, None), or (None, the feedback sentence for an answer
    that is missing or not a whole number).

    >>> whole_number_answer(np.int64(4))
    (4, None)
    >>> whole_number_answer("4")[1]
    "Not quite: give a whole number, without quotes or a decimal point, like 3 (you gave '4')."
    """
    if answer is None:
        return None, f"Replace None with a number, for example {example}, then run the cell again."
    number = as_whole_number(answer)
    if number is None:
        return None, ("Not quite: give a whole number, without quotes or a decimal point, like "
                      f"{example} (you gave {answer!r}).")
    return number, None


def year_answer(answer, example: int = 2006) -> tuple[int | None, str | None]:
    """(the answer as a year, None), or (None, the feedback sentence for an answer that is
    missing or not a whole number).

    >>> year_answer(None)[1]
    'Replace None with a year, for example 2006, then run the cell again.'
    """
    if answer is None:
        return None, f"Replace None with a year, for example {example}, then run the cell again."
    year = as_whole_number(answer)
    if year is None:
        return None, ("Give the year as a whole number, without quotes or a decimal point, like "
                      f"{example} (you gave {answer!r}).")
    return year, None


def check_busiest_year(answer, counts: pd.Series, excluding: int | None = None) -> str:
    """Feedback on "which year has the most events in the timeline?", leaving out the
    year ``excluding`` (the highlighted one) when it is given.

    >>> counts = pd.Series([2, 0, 5], index=[2000, 2001, 2002])
    >>> check_busiest_year(2002, counts)
    'Right: 2002 has the most events in the timeline (5).'
    >>> check_busiest_year(2000, counts)
    'Not quite: 2000 has 2 events, but another year has 5. Look for the tallest bar.'
    >>> check_busiest_year(2002, counts, excluding=2002)
    'The question leaves out 2002, the hatched bar: which year comes next?'
    >>> check_busiest_year(2000, counts, excluding=2002)
    'Right: apart from 2002, the hatched bar, 2000 has the most events in the timeline (2).'
    """
    if answer is None:
        return "Replace None with a year, for example 2006, then run the cell again."
    year = as_whole_number(answer)
    if year is None:
        return f"Give the year as a whole number without quotes, like 2006 (you gave {answer!r})."
    if excluding is not None and year == excluding:
        return f"The question leaves out {excluding}, the hatched bar: which year comes next?"
    if excluding is not None:
        counts = counts.drop(excluding, errors="ignore")
    top = int(counts.max())
    busiest = [int(y) for y in counts.index[counts == top]]
    if year in busiest:
        tie = f" (tied with {', '.join(str(y) for y in busiest if y != year)})" if len(
            busiest) > 1 else ""
        apart = f"apart from {excluding}, the hatched bar, " if excluding is not None else ""
        return f"Right: {apart}{year} has the most events in the timeline ({top}){tie}."
    if year not in counts.index:
        return (f"{year} is outside the timeline, which runs from {counts.index.min()} to "
                f"{counts.index.max()}.")
    n = int(counts.loc[year])
    other = f"another year apart from {excluding}" if excluding is not None else "another year"
    return (f"Not quite: {year} has {n} event{'s' * (n != 1)}, but {other} has {top}. "
            "Look for the tallest bar"
            + (" apart from the hatched one." if excluding is not None else "."))


def year_slider_answers(case) -> list[str]:
    """The answers to lesson 00's slider questions, worked out from the case: the events of
    the article's year and those after the article; the first year's opening events and the
    actors they share; the years with no event."""
    from ..model import events_in_year, events_per_year

    year, published = case.article.year, case.article.date
    in_year = case.events[case.events["date"].map(lambda d: d.year == year)]
    later = in_year[in_year["date"].map(lambda d: d.first_day > published.last_day)]
    later = later.sort_values("date")
    after = "; ".join(f"{d} {t}" for d, t in zip(later["date"], later["title"], strict=True))
    first_year = int(min(d.year for d in case.events["date"]))
    opening = events_in_year(case.events, case.actors, first_year).head(2)
    shared = sorted(set.intersection(*(set(a.split(", ")) for a in opening["actors"])))
    counts = events_per_year(case.events)
    empty = [int(y) for y in counts.index[counts == 0]]
    return [
        f"{len(in_year)} events of {year} are in the timeline; {len(later)} of them came after "
        f"the article ({published}): {after or 'none'}. These are what the author could not "
        "know when he wrote; lesson 09 comes back to them.",
        f"{first_year} opens with " + " and ".join(
            f"{t} ({d})" for d, t in zip(opening["date"], opening["event"], strict=True))
        + (f"; {shared[0]} takes part in both." if len(shared) == 1 else
           f"; {', '.join(shared) or 'no country'} take part in both."),
        ("Years with no event in the timeline: " + ", ".join(map(str, empty)) + ". "
         if empty else "Every year of the timeline has at least one event. ")
        + "An empty year means that the course recorded no event for it, not that nothing "
        "happened: the timeline is a selection made for teaching this article. Whenever you "
        "count rows in a dataset, ask who chose the rows.",
    ]
