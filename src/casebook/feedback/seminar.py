"""Feedback for the exercises of lesson 10 (the seminar). Each check reads the same tables
the lesson shows (``facts.lesson_10.debate_claims``, ``model.seminar.factor_spread`` and
``model.seminar.class_fit``), so its sentence names the actual rows."""

from __future__ import annotations

import pandas as pd

from . import Names, feedback_check, whole_number_answer


def claim_names(claims: pd.DataFrame) -> Names:
    """The names of claims: the id, in any case, its number alone where the id starts with
    one ("c20" for "c20_both_oppose", as the lessons write claims) and is the only one to,
    and the quote (column ``claim`` or ``quote``).

    >>> claims = pd.DataFrame({"claim": ["A is so"]}, index=["c20_a_is_so"])
    >>> names = claim_names(claims)
    >>> names.find("C20"), names.find("a is so"), names.find("c2")
    (['c20_a_is_so'], ['c20_a_is_so'], [])
    """
    heads = pd.Series([str(i).split("_")[0] for i in claims.index], index=claims.index)
    unique = heads[~heads.duplicated(keep=False) & (heads != pd.Series(claims.index,
                                                                      index=claims.index))]
    return Names.of(claims, columns=("claim", "quote"),
                    more={claim: [head] for claim, head in unique.items()})


@feedback_check
def check_motion(answer, debate: pd.DataFrame) -> str:
    """Feedback on "give the id of a claim the course disputes that states a factor or the
    conclusion (a motion of the debate)"; ``debate`` is ``facts.lesson_10.debate_claims``
    of the case's claims.

    >>> debate = pd.DataFrame({"¶": [2, 4], "claim": ["A is so", "B did"],
    ...     "motion": [True, False]}, index=["c1", "c2"])
    >>> check_motion("c1", debate)
    "Right: c1 [¶2], 'A is so', is disputed and states a factor or the conclusion: a motion."
    >>> check_motion(" C1 ", debate)[:9]
    'Right: c1'
    >>> check_motion("c2", debate)  # doctest: +NORMALIZE_WHITESPACE
    "Not quite: c2 [¶4], 'B did', is disputed, but it backs a factor rather than stating one:
    evidence under a motion. Look for True in the column 'motion'."
    >>> check_motion("c9", debate)  # doctest: +NORMALIZE_WHITESPACE
    "Not quite: 'c9' is not among the claims the course disputes. Copy an id from the
    table's left column, e.g. 'c1'."
    """
    if answer is None:
        return ("Replace None with a claim's id in quotes, as in the table's left column, then "
                "run the cell again.")
    if not isinstance(answer, str):
        return f"Not quite: give the claim's id as text in quotes (you gave {answer!r})."
    found = claim_names(debate).find(answer)
    if len(found) != 1:
        example = f", e.g. {debate.index[0]!r}" if len(debate) else ""
        return (f"Not quite: {answer!r} is not among the claims the course disputes. Copy an "
                f"id from the table's left column{example}.")
    claim = found[0]
    row = debate.loc[claim]
    where = f"{claim} [¶{row['¶']}], {row['claim']!r},"
    if bool(row["motion"]):
        return f"Right: {where} is disputed and states a factor or the conclusion: a motion."
    return (f"Not quite: {where} is disputed, but it backs a factor rather than stating one: "
            "evidence under a motion. Look for True in the column 'motion'.")


@feedback_check
def check_widest_split(answer, spread: pd.DataFrame, factors: pd.DataFrame | None = None
                       ) -> str:
    """Feedback on "on which factor is the class most divided (the widest interquartile
    range)?"; ``spread`` is ``model.seminar.factor_spread`` (index factor ids, ``label``,
    ``iqr`` as a share). The id or the label is fine, and with the case's ``factors`` any of
    their names or aliases.

    >>> spread = pd.DataFrame({"label": ["Ay", "Bee"], "iqr": [0.12, 0.03]}, index=["a", "b"])
    >>> check_widest_split("A", spread)
    'Right: Ay, where the middle half of the class spans 12.0 points of share.'
    >>> check_widest_split("Bee", spread)  # doctest: +NORMALIZE_WHITESPACE
    'Not quite: the middle half of the class spans 3.0 points of share on Bee, but 12.0 on
    another factor. Look for the widest box in the chart, or the largest iqr in the table.'
    """
    if answer is None:
        return ("Replace None with a factor's id or name in quotes, as the table writes it, "
                "then run the cell again.")
    if not isinstance(answer, str):
        return f"Not quite: give the factor's id as text in quotes (you gave {answer!r})."
    names = Names.of(spread, columns=("label",)) if factors is None else Names.of(
        factors.loc[factors.index.intersection(spread.index)])
    found = names.find(answer)
    if len(found) != 1:
        return (f"Not quite: {names.unknown([answer], 'factor')}. Copy an id from the "
                f"table's left column, e.g. {spread.index[0]!r}.")
    factor = found[0]
    widest = float(spread["iqr"].max())
    mine = float(spread.loc[factor, "iqr"])
    label = spread.loc[factor, "label"]
    if mine >= widest - 1e-12:
        tied = [spread.loc[f, "label"] for f in spread.index
                if f != factor and float(spread.loc[f, "iqr"]) >= widest - 1e-12]
        tie = f" (tied with {', '.join(tied)})" if tied else ""
        return (f"Right: {label}, where the middle half of the class spans "
                f"{mine * 100:.1f} points of share{tie}.")
    return (f"Not quite: the middle half of the class spans {mine * 100:.1f} points of share "
            f"on {label}, but {widest * 100:.1f} on another factor. Look for the widest box "
            "in the chart, or the largest iqr in the table.")


@feedback_check
def check_beats_article(answer, fit: pd.DataFrame, article_explained: int) -> str:
    """Feedback on "how many of the class's weightings explain more observations than the
    article's weighting?"; ``fit`` is ``model.seminar.class_fit`` (``explained``, ``of``).

    >>> fit = pd.DataFrame({"explained": [9, 7, 9, 6], "of": 10})
    >>> check_beats_article("2", fit, 8)
    'Right: 2 of the 4 weightings explain more than the 8 of 10 the article explains.'
    >>> check_beats_article(3, fit, 8)  # doctest: +NORMALIZE_WHITESPACE
    'Not quite: 3 is not it. Count the rows whose explained is above 8; as many as the
    article (8) is not more.'
    """
    number, message = whole_number_answer(answer)
    if message:
        return message
    more = int((fit["explained"] > article_explained).sum())
    total = int(fit["of"].iloc[0]) if len(fit) else 0
    if number == more:
        return (f"Right: {more} of the {len(fit)} weightings explain more than the "
                f"{article_explained} of {total} the article explains.")
    same = int((fit["explained"] == article_explained).sum())
    if number == more + same and same:
        return (f"Not quite: {number} counts the {same} that explain exactly as many as the "
                f"article ({article_explained}); 'more' leaves those out.")
    return (f"Not quite: {number} is not it. Count the rows whose explained is above "
            f"{article_explained}; as many as the article ({article_explained}) is not more.")
