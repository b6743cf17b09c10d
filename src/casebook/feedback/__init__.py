"""Exercise feedback: each function looks at the learner's answer (or figure) and returns a
sentence that says what is right, what is not, and where to look, not just pass or fail."""

from __future__ import annotations

import operator

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
        return f"Right: {year} has the most events in the timeline ({top}){tie}."
    if year not in counts.index:
        return (f"{year} is outside the timeline, which runs from {counts.index.min()} to "
                f"{counts.index.max()}.")
    n = int(counts.loc[year])
    return (f"Not quite: {year} has {n} event{'s' * (n != 1)}, but another year has {top}. "
            "Look for the tallest bar" + (" apart from the hatched one." if excluding else "."))
