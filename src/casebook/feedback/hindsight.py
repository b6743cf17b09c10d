"""Feedback for the exercises of lesson 09 (hindsight). Each check reads the same
``model.hindsight`` tables the lesson shows, so its sentence names the actual rows."""

from __future__ import annotations

import pandas as pd

from ..model.hindsight import reversed_claims, verdict_time
from . import feedback_check, paragraph_answer, year_answer


@feedback_check
def check_busiest_hindsight_year(answer, counts: pd.Series) -> str:
    """Feedback on "in which year fall most of the events the reference ratings name?";
    ``counts`` is ``model.events_per_year`` of ``model.hindsight.named_events``.

    >>> counts = pd.Series([2, 0, 7], index=[2017, 2018, 2019])
    >>> check_busiest_hindsight_year("2019", counts)
    'Right: 2019, with 7 of the 9 events the reference ratings name.'
    >>> check_busiest_hindsight_year(2017, counts)
    'Not quite: 2017 has 2 of the events the ratings name, but another year has 7. Look for the tallest bar.'
    """  # noqa: E501
    year, message = year_answer(answer)
    if message:
        return message
    top = int(counts.max())
    busiest = [int(y) for y in counts.index[counts == top]]
    if year in busiest:
        tie = (f" (tied with {', '.join(str(y) for y in busiest if y != year)})"
               if len(busiest) > 1 else "")
        return (f"Right: {year}, with {top} of the {int(counts.sum())} events the reference "
                f"ratings name{tie}.")
    if year not in counts.index:
        return (f"Not quite: {year} is outside the chart, which runs from {counts.index.min()} "
                f"to {counts.index.max()}.")
    n = int(counts.loc[year])
    return (f"Not quite: {year} has {n} of the events the ratings name, but another year has "
            f"{top}. Look for the tallest bar.")


@feedback_check
def check_reversed_claim(answer, card: pd.DataFrame) -> str:
    """Feedback on "which paragraph holds the claim the course judged accurate as of the
    article, and later events undercut?"; ``card`` is ``model.hindsight.scorecard``.

    >>> card = pd.DataFrame({"¶": ["¶4", "¶6", "¶7"], "claim": ["Alliance", "Both oppose",
    ...     "In tandem"], "verdict": ["disputed", "accurate", "accurate"],
    ...     "reference": ["undercut", "undercut", "mixed"]})
    >>> check_reversed_claim("¶6", card)
    "Right: ¶6, 'Both oppose': accurate as of the article, undercut by what followed."
    >>> check_reversed_claim(4, card)
    "Not quite: the claim of ¶4 rated undercut ('Alliance') was already disputed as of the article. Look for one the course judged accurate then."
    >>> check_reversed_claim(7, card)
    "Not quite: the claim of ¶7 ('In tandem') was accurate as of the article, but later events left it mixed, not undercut."
    >>> card.loc[3] = ["¶5", "Not vital", "disputed", "supported"]
    >>> check_reversed_claim(5, card)
    "Not quite: the course's verdict on the claim of ¶5 ('Not vital') is disputed as of the article, and its hindsight rating supported. Look for a claim judged accurate as of the article and undercut later: compare the two columns of the chart."
    """  # noqa: E501
    number, message = paragraph_answer(answer)
    if message:
        return message
    paragraph = f"¶{number}"
    reversed_ = reversed_claims(card)
    if paragraph in set(reversed_["¶"]):
        rows = reversed_[reversed_["¶"] == paragraph]
        quotes = "; ".join(f"'{q}'" for q in rows["claim"])
        return (f"Right: {paragraph}, {quotes}: accurate as of the article, undercut by what "
                "followed.")
    here = card[card["¶"] == paragraph]
    if here.empty:
        return f"Not quite: no claim of {paragraph} has a hindsight rating; read the ¶ column."
    undercut = here[here["reference"] == "undercut"]
    if len(undercut):
        row = undercut.iloc[0]
        return (f"Not quite: the claim of {paragraph} rated undercut ('{row['claim']}') was "
                f"already {row['verdict']} as of the article. Look for one the course judged "
                "accurate then.")
    accurate = here[here["verdict"] == "accurate"]
    if len(accurate):
        row = accurate.iloc[0]
        return (f"Not quite: the claim of {paragraph} ('{row['claim']}') was accurate as of "
                f"the article, but later events left it {row['reference']}, not undercut.")
    row = here.iloc[0]
    judged = verdict_time(row["verdict"].replace(" ", "_"))
    return (f"Not quite: the course's verdict on the claim of {paragraph} ('{row['claim']}') "
            f"is {row['verdict']} {judged}, and its hindsight rating {row['reference']}. Look "
            "for a claim judged accurate as of the article and undercut later: compare the two "
            "columns of the chart.")
