"""Feedback of lesson 06's exercises (casebook.feedback.weights): exact sentences for right,
wrong and malformed answers."""

import numpy as np
import pandas as pd
import pytest

from casebook.feedback import weights as feedback
from casebook.model import weights as model

ROWS = pd.DataFrame({"option_id": ["x", "x", "y", "z"], "explained": [True, False, True, True]})


@pytest.mark.parametrize("answer, message", [
    (3, "Right: these weights explain 3 of the 4 observations."),
    (np.int64(3), "Right: these weights explain 3 of the 4 observations."),
    (2, "Not quite: 2 is fewer than the weights explain. Of the 4 observations, add up the "
        "first numbers of the table's 'explained' column ('0 of 5' counts 0)."),
    (7, "Not quite: there are only 4 observations in the window, not 7."),
    (-1, "Not quite: a count cannot be below 0 (you gave -1)."),
    (None, "Replace None with a whole number, then run the cell again."),
    (True, "Not quite: give a whole number (you gave True)."),
    ("3", "Right: these weights explain 3 of the 4 observations."),
    (3.0, "Right: these weights explain 3 of the 4 observations."),
    (2.5, "Not quite: give a whole number (you gave 2.5)."),
    ("three", "Not quite: give a whole number (you gave 'three')."),
])
def test_explained_count(answer, message):
    assert feedback.check_explained_count(answer, ROWS) == message


TABLE = pd.DataFrame({"option": ["Talks", "Force"], "all readings agree": [True, False],
                      "readings predict": ["support: A, B", "support: A; oppose: B"]},
                     index=["talks", "force"])


@pytest.mark.parametrize("answer, message", [
    ("force", "Right: the readings disagree on Force (support: A; oppose: B)."),
    (" FORCE ", "Right: the readings disagree on Force (support: A; oppose: B)."),
    ("talks", "Not quite: every reading predicts the same for Talks (support: A, B), so a fit "
              "there cannot tell them apart. Look for False in the column 'all readings "
              "agree'."),
    ("war", "Not quite: 'war' names no option of the case; the options are Talks and Force."),
    (3, "Not quite: give the option's id as text in quotes (you gave 3)."),
])
def test_disagreeing_option(answer, message):
    assert feedback.check_disagreeing_option(answer, TABLE) == message


@pytest.fixture
def sanctions_question(case):
    """The lesson's question: with the article's weights, to what weight must the factor the
    article weighs least rise for the model to back the sanctions the UN votes are about?"""
    weights = case.weight_matrix().loc[model.article_preset(case.presets,
                                                            case.article.source_id)]
    option = model.vote_option(case.behaviour, case.un_votes)
    factor = weights.idxmin()
    stretches = model.stance_intervals(case.effect_matrix(), weights)
    mine = stretches[(stretches["option_id"] == option) & (stretches["factor_id"] == factor)]
    start = float(mine.loc[mine["stance"] == "support", "start"].iloc[0])
    return weights, option, factor, start


def test_break_even_right_within_a_tenth(case, sanctions_question):
    weights, option, factor, start = sanctions_question
    message = feedback.check_break_even(start + 0.08, case, weights, option, factor)
    assert message == (
        f"Right: from a weight of about {start:g} for {case.factors.loc[factor, 'short_label']} "
        f"(the others held), the score of {case.options.loc[option, 'short_label']} rises above "
        f"+0.1 and the model backs it; the weight now is {weights[factor]:g}.")


def test_break_even_wrong_answers_say_what_the_model_does_there(case, sanctions_question):
    weights, option, factor, start = sanctions_question
    option_label = case.options.loc[option, "short_label"]
    factor_label = case.factors.loc[factor, "short_label"]
    low = feedback.check_break_even(start - 1, case, weights, option, factor)
    assert low.startswith(f"Not quite: at {start - 1:g} the model is ")
    assert low.endswith(f"on {option_label}. Read the {factor_label} row of the tornado chart: "
                        "where does the solid (support) stretch start?")
    high = feedback.check_break_even(start + 2, case, weights, option, factor)
    assert high.startswith(f"Not quite: at {start + 2:g} the model does back {option_label}, "
                           "but it starts backing it at a lower weight.")
    assert feedback.check_break_even(12, case, weights, option, factor) == (
        "Not quite: 12 is outside the sliders' scale, which runs from 0 to 10.")
    assert feedback.check_break_even(str(start - 1), case, weights, option, factor) == low
    assert feedback.check_break_even("five", case, weights, option, factor) == (
        "Not quite: give the weight as a number, like 4.5 (you gave 'five').")


def test_break_even_when_nothing_backs_the_option(case):
    weights = pd.Series(1.0, index=case.factors.index)
    effects = case.effect_matrix()
    # An option that every weighting opposes: no weight of any one factor backs it.
    option = effects.index[(effects <= 0).sum(axis=1) >= len(effects.columns) - 1][0]
    factor = effects.columns[effects.loc[option].argmin()]
    message = feedback.check_break_even(5, case, weights, option, factor)
    assert message == (
        f"Not quite: no weight of {case.factors.loc[factor, 'short_label']} from 0 to 10 makes "
        f"the model back {case.options.loc[option, 'short_label']} with these weights, so there "
        "is no such weight to find.")


def test_weighting_with_a_factor_at_zero(case):
    observed = model.observations(case.behaviour, case.options.index, end=case.article.date)
    factor = case.factors.index[-1]
    label = case.factors.loc[factor, "short_label"]
    best = model.search(case.effect_matrix(), observed, fixed={factor: 0})
    right = best.best.iloc[0]
    assert feedback.check_weighting(right, case, observed, factor) == (
        f"Right: with {label} at 0 these weights explain {best.best_count} of {len(observed)} "
        "observations, as many as any weighting can.")
    weak = pd.Series(0.0, index=case.factors.index)
    weak.iloc[0] = 1
    explained, _ = model.explained_count(model.fit(case.effect_matrix(), weak, observed))
    assert explained < best.best_count
    assert feedback.check_weighting(weak, case, observed, factor).startswith(
        f"Not quite: these weights explain {explained} of {len(observed)} observations; some "
        f"weightings with {label} at 0 explain {best.best_count}.")
    with_factor = weak.copy()
    with_factor[factor] = 2
    assert feedback.check_weighting(with_factor, case, observed, factor) == (
        f"Not quite: {label} has the weight 2; the question asks for 0.")
    assert feedback.check_weighting(weak * 0, case, observed, factor) == (
        "Not quite: all weights are 0: give at least one factor a weight above 0.")
    assert feedback.check_weighting([1, 2], case, observed, factor) == (
        "Not quite: give the weights as a mapping from factor id to weight, e.g. "
        "panel.explorer.weights (you gave list).")
    assert feedback.check_weighting(None, case, observed, factor).startswith("Replace None")


def test_break_even_accepts_none_exactly_when_no_weight_backs_the_option(case):
    from casebook.feedback.weights import check_break_even
    from casebook.model import weights as wm

    weights = case.weight_matrix().iloc[0]
    stretches = wm.stance_intervals(case.effect_matrix(), weights)
    backed = set(zip(stretches.loc[stretches["stance"] == wm.SUPPORT, "option_id"],
                     stretches.loc[stretches["stance"] == wm.SUPPORT, "factor_id"], strict=True))
    pairs = [(o, f) for o in case.options.index for f in case.factors.index]
    never = next(p for p in pairs if p not in backed)
    sometimes = next(p for p in pairs if p in backed)
    assert check_break_even("none", case, weights, *never).startswith("Right: no weight of ")
    assert check_break_even(float("nan"), case, weights, *never).startswith("Right")
    assert check_break_even(3.0, case, weights, *never).startswith("Not quite: no weight of ")
    assert check_break_even("none", case, weights, *sometimes).startswith(
        "Not quite: there is such a weight")
