"""Exercise checks: each looks at the learner's answer (or figure) and returns a feedback
sentence that says what is right, what is not, and where to look, not just pass or fail."""

from __future__ import annotations

import pandas as pd


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
    if isinstance(answer, bool) or not isinstance(answer, int):
        return f"Give the year as a whole number without quotes, like 2006 (you gave {answer!r})."
    if excluding is not None and answer == excluding:
        return f"The question leaves out {excluding}, the hatched bar: which year comes next?"
    if excluding is not None:
        counts = counts.drop(excluding, errors="ignore")
    top = int(counts.max())
    busiest = [int(y) for y in counts.index[counts == top]]
    if answer in busiest:
        tie = f" (tied with {', '.join(str(y) for y in busiest if y != answer)})" if len(
            busiest) > 1 else ""
        return f"Right: {answer} has the most events in the timeline ({top}){tie}."
    if answer not in counts.index:
        return (f"{answer} is outside the timeline, which runs from {counts.index.min()} to "
                f"{counts.index.max()}.")
    n = int(counts.loc[answer])
    return (f"Not quite: {answer} has {n} event{'s' * (n != 1)}, but another year has {top}. "
            "Look for the tallest bar" + (" apart from the hatched one." if excluding else "."))
