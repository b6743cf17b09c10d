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
from . import Names, as_number, feedback_check, name_key, number_answer


@feedback_check
def check_explained_count(answer, rows: pd.DataFrame) -> str:
    """Feedback on "how many observations do these weights explain?", from a
    ``model.weights.fit`` table.

    >>> rows = pd.DataFrame({"option_id": ["x", "x", "y"], "explained": [True, False, True]})
    >>> check_explained_count("2", rows)
    'Right: these weights explain 2 of the 3 observations.'
    >>> check_explained_count(np.int64(3), rows)  # doctest: +NORMALIZE_WHITESPACE
    "Not quite: 3 is more than the weights explain. Of the 3 observations, add up the first
    numbers of the table's 'explained' column ('0 of 5' counts 0)."
    """
    count, message = number_answer(answer, "a whole number")
    if message:
        return message
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


@feedback_check
def check_disagreeing_option(answer, table: pd.DataFrame,
                             options: pd.DataFrame | None = None) -> str:
    """Feedback on "name an option on which the readings predict different stances", from
    a ``model.weights.discrimination`` table; the option's id or its short label is fine,
    and with the case's ``options`` its label or an alias too.

    >>> table = pd.DataFrame({"option": ["Talks", "Force"], "all readings agree": [True, False],
    ...     "readings predict": ["support: A, B", "support: A; oppose: B"]},
    ...     index=["talks", "force"])
    >>> check_disagreeing_option("FORCE", table)
    'Right: the readings disagree on Force (support: A; oppose: B).'
    >>> options = pd.DataFrame({"label": ["Use of force"], "short_label": ["Force"],
    ...                         "aliases": ["Strike"]}, index=["force"])
    >>> check_disagreeing_option("strike", table, options)
    'Right: the readings disagree on Force (support: A; oppose: B).'
    >>> check_disagreeing_option("Talks", table)  # doctest: +NORMALIZE_WHITESPACE
    "Not quite: every reading predicts the same for Talks (support: A, B), so a fit there
    cannot tell them apart. Look for False in the column 'all readings agree'."
    """
    if answer is None:
        return ("Replace None with an option's id or name in quotes, as the table writes it, "
                "then run the cell again.")
    if not isinstance(answer, str):
        return f"Not quite: give the option's id as text in quotes (you gave {answer!r})."
    if options is not None:
        names = Names.of(options.loc[options.index.intersection(table.index)],
                         shown="short_label")
    else:
        names = Names.of(table, columns=("option",))
    found = names.find(answer)
    if len(found) != 1:
        return f"Not quite: {names.unknown([answer], 'option')}."
    option = found[0]
    label, predicted = table.loc[option, "option"], table.loc[option, "readings predict"]
    if bool(table.loc[option, "all readings agree"]):
        return (f"Not quite: every reading predicts the same for {label} ({predicted}), so a "
                "fit there cannot tell them apart. Look for False in the column 'all readings "
                "agree'.")
    return f"Right: the readings disagree on {label} ({predicted})."


NO_ANSWER_WORDS = ("none", "no weight", "never", "no such weight")  # "there is none" answers


@feedback_check
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
    says_none = (isinstance(answer, str)
                 and name_key(answer) in {name_key(w) for w in NO_ANSWER_WORDS}) or (
        isinstance(answer, numbers.Real) and not isinstance(answer, bool | np.bool_)
        and math.isnan(answer))
    if support.empty:
        reason = (f"no weight of {factor} from 0 to 10 makes the model back {option} with "
                  "these weights, so there is no such weight to find.")
        return f"Right: {reason}" if says_none else f"Not quite: {reason}"
    if says_none:
        return (f"Not quite: there is such a weight; find where the solid (support) stretch of "
                f"the {factor} row starts.")
    weight = as_number(answer)
    if weight is None:
        return f"Not quite: give the weight as a number, like 4.5 (you gave {answer!r})."
    start = float(support["start"].iloc[0])
    if abs(weight - start) <= tolerance:
        return (f"Right: from a weight of about {start:g} for {factor} (the others held), the "
                f"score of {option} rises above +{model.UNDECIDED_BAND:g} and the model backs "
                f"it; the weight now is {float(weights[factor_id]):g}.")
    inside = mine[(mine["start"] <= weight) & (weight <= mine["end"])]
    if inside.empty:
        return (f"Not quite: {weight:g} is outside the sliders' scale, which runs from "
                "0 to 10.")
    stance = inside["stance"].iloc[0]
    if stance == model.SUPPORT:
        return (f"Not quite: at {weight:g} the model does back {option}, but it starts "
                f"backing it at a lower weight. Read the {factor} row of the tornado chart: "
                "where does the solid (support) stretch start?")
    return (f"Not quite: at {weight:g} the model is {stance} on {option}. Read the "
            f"{factor} row of the tornado chart: where does the solid (support) stretch "
            "start?")


@feedback_check
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
