"""Feedback for the exercises of lesson 06 (weighing the factors): each check returns a
sentence that names the actual values, not just right or wrong."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..case import Case
from ..model import weights as model
from . import as_whole_number


def check_explained_count(answer, rows: pd.DataFrame) -> str:
    """Feedback on "how many observations do these weights explain?", from a
    ``model.weights.fit`` table.

    >>> rows = pd.DataFrame({"option_id": ["x", "x", "y"], "explained": [True, False, True]})
    >>> check_explained_count(2, rows)
    'Right: these weights explain 2 of the 3 observations.'
    >>> check_explained_count(np.int64(3), rows)  # doctest: +NORMALIZE_WHITESPACE
    "Not quite: 3 is more than the weights explain. Of the 3 observations, add up the first
    numbers of the table's 'explained' column ('0 of 5' counts 0)."
    """
    if answer is None:
        return "Replace None with a whole number, for example 10, then run the cell again."
    count = as_whole_number(answer)
    if count is None:
        return f"Not quite: give a whole number without quotes, like 10 (you gave {answer!r})."
    explained, total = model.explained_count(rows)
    if count == explained:
        return f"Right: these weights explain {explained} of the {total} observations."
    if count > total:
        return f"Not quite: there are only {total} observations in the window, not {count}."
    if count < 0:
        return f"Not quite: a count cannot be below 0 (you gave {count})."
    direction = "more" if count > explained else "fewer"
    return (f"Not quite: {count} is {direction} than the weights explain. Of the {total} "
            "observations, add up the first numbers of the table's 'explained' column "
            "('0 of 5' counts 0).")


def check_disagreeing_option(answer, table: pd.DataFrame) -> str:
    """Feedback on "name an option on which the readings predict different stances", from
    a ``model.weights.discrimination`` table; the option's id or its short label is fine.

    >>> table = pd.DataFrame({"option": ["Talks", "Force"], "all readings agree": [True, False],
    ...     "readings predict": ["support: A, B", "support: A; oppose: B"]},
    ...     index=["talks", "force"])
    >>> check_disagreeing_option("force", table)
    'Right: the readings disagree on Force (support: A; oppose: B).'
    >>> check_disagreeing_option("Talks", table)  # doctest: +NORMALIZE_WHITESPACE
    "Not quite: every reading predicts the same for Talks (support: A, B), so a fit there
    cannot tell them apart. Look for False in the column 'all readings agree'."
    """
    if answer is None:
        return ("Replace None with an option's id in quotes, as in the table's left column, "
                "then run the cell again.")
    if not isinstance(answer, str):
        return f"Not quite: give the option's id as text in quotes (you gave {answer!r})."
    wanted = answer.strip().lower()
    by_name = {str(i).lower(): i for i in table.index}
    by_name.update({str(label).lower(): i for i, label in table["option"].items()})
    if wanted not in by_name:
        return (f"Not quite: {answer!r} is not an option of the case. Copy an id from the "
                f"table's left column, e.g. {table.index[0]!r}.")
    option = by_name[wanted]
    label, predicted = table.loc[option, "option"], table.loc[option, "readings predict"]
    if bool(table.loc[option, "all readings agree"]):
        return (f"Not quite: every reading predicts the same for {label} ({predicted}), so a "
                "fit there cannot tell them apart. Look for False in the column 'all readings "
                "agree'.")
    return f"Right: the readings disagree on {label} ({predicted})."


NO_ANSWER_WORDS = ("none", "no weight", "never", "no such weight")  # "there is none" answers


def check_break_even(answer, case: Case, weights: Mapping | pd.Series, option_id: str,
                     factor_id: str, tolerance: float = 0.1) -> str:
    """Feedback on "to what weight must this factor rise (the others held) for the focus
    actor to back this option?": the start of the option's *support* stretch for that factor.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> weights = pd.Series(1.0, index=case.factors.index)
    >>> option, factor = case.options.index[0], case.factors.index[0]
    >>> check_break_even(None, case, weights, option, factor)[:12]
    'Replace None'
    >>> check_break_even("none", case, weights, option, factor).split(":")[0] in ("Right",
    ...                                                                           "Not quite")
    True
    """
    if answer is None:
        return ("Replace None with a weight from 0 to 10, for example 4.5, then run the cell "
                "again.")
    option = case.options.loc[option_id, "short_label"]
    factor = case.factors.loc[factor_id, "short_label"]
    stretches = model.stance_intervals(case.effect_matrix(), weights)
    mine = stretches[(stretches["option_id"] == option_id) & (stretches["factor_id"] ==
                                                                 factor_id)]
    support = mine[mine["stance"] == model.SUPPORT]
    says_none = (isinstance(answer, str) and answer.strip().lower() in NO_ANSWER_WORDS) or (
        isinstance(answer, numbers.Real) and not isinstance(answer, bool | np.bool_)
        and math.isnan(answer))
    if support.empty:
        reason = (f"no weight of {factor} from 0 to 10 makes the model back {option} with "
                  "these weights, so there is no such weight to find.")
        return f"Right: {reason}" if says_none else f"Not quite: {reason}"
    if says_none:
        return (f"Not quite: there is such a weight; find where the solid (support) stretch of "
                f"the {factor} row starts.")
    if isinstance(answer, bool | np.bool_) or not isinstance(answer, numbers.Real):
        return f"Not quite: give the weight as a number, like 4.5 (you gave {answer!r})."
    start = float(support["start"].iloc[0])
    if abs(float(answer) - start) <= tolerance:
        return (f"Right: from a weight of about {start:g} for {factor} (the others held), the "
                f"score of {option} rises above +{model.UNDECIDED_BAND:g} and the model backs "
                f"it; the weight now is {float(weights[factor_id]):g}.")
    inside = mine[(mine["start"] <= float(answer)) & (float(answer) <= mine["end"])]
    if inside.empty:
        return (f"Not quite: {float(answer):g} is outside the sliders' scale, which runs from "
                "0 to 10.")
    stance = inside["stance"].iloc[0]
    if stance == model.SUPPORT:
        return (f"Not quite: at {float(answer):g} the model does back {option}, but it starts "
                f"backing it at a lower weight. Read the {factor} row of the tornado chart: "
                "where does the solid (support) stretch start?")
    return (f"Not quite: at {float(answer):g} the model is {stance} on {option}. Read the "
            f"{factor} row of the tornado chart: where does the solid (support) stretch "
            "start?")


def check_weighting(answer, case: Case, observed: pd.DataFrame, factor_id: str) -> str:
    """Feedback on "find weights with this factor at 0 that explain as many observations as
    any weighting can"; ``answer`` maps factor ids to weights (``explorer.weights``, a
    Series or a dict).

    >>> from casebook import load_case
    >>> case = load_case()
    >>> check_weighting({"x": 1}, case, case.behaviour, case.factors.index[0])[:22]
    'Not quite: no weight f'
    """
    if answer is None:
        return ("Replace None with your weights, e.g. panel.explorer.weights after moving "
                "the sliders, then run the cell again.")
    if not isinstance(answer, Mapping | pd.Series):
        return ("Not quite: give the weights as a mapping from factor id to weight, e.g. "
                f"panel.explorer.weights (you gave {type(answer).__name__}).")
    try:
        weights = model.check_weights(answer, case.factors.index)
        model.normalise(weights)
    except model.WeightsError as error:
        return f"Not quite: {error}."
    factor = case.factors.loc[factor_id, "short_label"]
    if weights[factor_id] != 0:
        return (f"Not quite: {factor} has the weight {weights[factor_id]:g}; the question "
                "asks for 0.")
    effects = case.effect_matrix()
    explained, total = model.explained_count(model.fit(effects, weights, observed))
    best = model.search(effects, observed, fixed={factor_id: 0}).best_count
    if explained < best:
        return (f"Not quite: these weights explain {explained} of {total} observations; some "
                f"weightings with {factor} at 0 explain {best}. Watch which rows of the table "
                "say '0 of' and raise a factor that favours what was observed there.")
    return (f"Right: with {factor} at 0 these weights explain {explained} of {total} "
            "observations, as many as any weighting can.")
