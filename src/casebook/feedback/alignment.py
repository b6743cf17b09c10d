"""Feedback for the exercises of lesson 04 (the article's third and fourth factors). Each check
reads the same ``model.alignment`` tables the lesson shows, so its sentence names actual rows."""

from __future__ import annotations

import pandas as pd

from ..model.alignment import BASIS_WORDS, inconsistent
from . import (
    Names,
    answer_items,
    feedback_check,
    find_each,
    number_answer,
    plain_number,
    whole_number_answer,
)
from . import listed as _names


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


@feedback_check
def check_stances_serving(answer, effects: pd.DataFrame, factor: str,
                          options: pd.DataFrame | None = None) -> str:
    """Feedback on "which stances does the course code as serving ``factor`` (effect above
    0)?"; ``effects`` is ``model.alignment.effects_on``, the answer a list of stance names
    (or one string with commas between). With the case's ``options``, any id, label, short
    label or alias of a stance is understood.

    >>> effects = pd.DataFrame({"stance": ["Freeze", "Freeze", "Lifelines"],
    ...     "factor": ["Ally", "Shield", "Ally"], "effect": [2, 2, 0],
    ...     "why (course's coding)": ["joint", "exercises", "alone, not joint"]})
    >>> check_stances_serving(["freeze"], effects, "Ally")
    'Right: Freeze (+2). The course codes the others 0 or below for Ally: Lifelines 0.'
    >>> options = pd.DataFrame({"label": ["A joint freeze", "Lifelines to the state"],
    ...     "short_label": ["Freeze", "Lifelines"]}, index=["freeze", "lifelines"])
    >>> check_stances_serving("A joint freeze", effects, "Ally", options)[:20]
    'Right: Freeze (+2). '
    >>> check_stances_serving(["Freeze", "Lifelines"], effects, "Ally")
    "Not quite: the course codes Lifelines 0 for Ally, not above 0. Read its 'why': alone, not joint"
    """  # noqa: E501
    if answer is None:
        return ('Replace None with a list of stance names in quotes, for example ["Stance A", '
                '"Stance B"], then run the cell again.')
    items = answer_items(answer)
    if items is None or not all(isinstance(a, str) for a in items):
        return ("Not quite: give a list of stance names in quotes, as the table writes them "
                f"(you gave {answer!r}).")
    rows = effects[effects["factor"] == factor]
    stances = list(dict.fromkeys(rows["stance"]))
    if options is not None:
        known = options[options["short_label"].isin(stances)]
        names = Names.of(known, shown="short_label")
    else:
        names = Names.of(pd.DataFrame(index=stances))
    found, unknown = find_each(items, names)
    if unknown:
        return f"Not quite: {names.unknown(unknown, 'stance', ' of the table')}."
    given = {names.shown[i] for i in found}
    effect = dict(zip(rows["stance"], rows["effect"], strict=True))
    why = dict(zip(rows["stance"], rows["why (course's coding)"], strict=True))
    expected = [s for s in rows["stance"] if effect[s] > 0]
    wrong = [s for s in rows["stance"] if s in given and effect[s] <= 0]
    if wrong:
        stance = wrong[0]
        return (f"Not quite: the course codes {stance} {_signed(effect[stance])} for {factor}, "
                f"not above 0. Read its 'why': {why[stance]}")
    missing = [s for s in expected if s not in given]
    if missing:
        return (f"Not quite: {_names(missing)} {'is' if len(missing) == 1 else 'are'} also "
                f"coded above 0 for {factor}.")
    others = [f"{s} {_signed(effect[s])}" for s in rows["stance"] if effect[s] <= 0]
    right = _names(f"{s} ({_signed(effect[s])})" for s in expected)
    rest = f" The course codes the others 0 or below for {factor}: {', '.join(others)}." if (
        others) else ""
    return f"Right: {right}.{rest}"


@feedback_check
def check_inconsistent_count(answer, rated: pd.DataFrame) -> str:
    """Feedback on "how many pieces of the evidence are rated inconsistent (I or II) with the
    article's reading?"; ``rated`` is ``model.alignment.rated_evidence``.

    >>> from casebook.dates import PartialDate as D
    >>> rated = pd.DataFrame({"date": [D.parse("2017-04-19"), D.parse("2017-10-01"),
    ...     D.parse("2017-07-04")], "evidence": ["Block.", "Internet link.", "Joint statement."],
    ...     "rating": ["II", "I", "C"]})
    >>> check_inconsistent_count(2, rated)
    'Right: 2 of the 3 pieces of evidence: 2017-04-19 Block (II); 2017-10-01 Internet link (I).'
    >>> check_inconsistent_count(1, rated)
    "Not quite: 1 counts only the 'very inconsistent' (II); the 'inconsistent' (I) count too."
    """  # noqa: E501
    number, message = whole_number_answer(answer)
    if message:
        return message
    against = inconsistent(rated)
    expected = len(against)
    if number == expected:
        items = "; ".join(f"{d} {e.rstrip('.')} ({r})" for d, e, r in zip(
            against["date"], against["evidence"], against["rating"], strict=True))
        return f"Right: {expected} of the {len(rated)} pieces of evidence: {items}."
    very = int((rated["rating"] == "II").sum())
    if number == very and very != expected:
        return (f"Not quite: {number} counts only the 'very inconsistent' (II); the "
                "'inconsistent' (I) count too.")
    consistent = int(rated["rating"].isin(["C", "CC"]).sum())
    if number == consistent and consistent != expected:
        return (f"Not quite: {number} is the number rated consistent (C or CC). Count the "
                "downward triangles, left of neutral.")
    side = "more" if number > expected else "fewer"
    return (f"Not quite: {number} is {side} than the downward triangles (I and II), left of "
            "neutral. Count them again.")


@feedback_check
def check_highest_other_weight(answer, readings: pd.DataFrame, factor: str,
                               article_preset: str) -> str:
    """Feedback on "among the readings drawn from scholars' texts, other than the article's,
    what is the highest weight given to ``factor``?"; ``readings`` is
    ``model.alignment.readings`` (indexed by preset id).

    >>> readings = pd.DataFrame({"holder": ["Author", "Ann", "Bob", "none"],
    ...     "weights": ["from the scholar's texts"] * 3 + ["illustrative"],
    ...     "Ally": [8, 3, 2, 5]}, index=["art", "ann", "bob", "equal"])
    >>> check_highest_other_weight("3", readings, "Ally", "art")
    "Right: 3 (Ann), against the article's 8. No other reading drawn from a text weighs Ally above 3, in the course's numbers."
    >>> check_highest_other_weight(5.0, readings, "Ally", "art")
    "Not quite: 5 is the weight of 'none', an illustrative preset, not a reading drawn from a scholar's text."
    >>> readings["Shield"] = [8, 7, 0, 5]
    >>> check_highest_other_weight(7, readings, "Ally", "art")
    'Not quite: 7 is a weight on Shield (Ann), not on Ally. Read the Ally bars.'
    """  # noqa: E501
    number, message = number_answer(answer, "a weight", whole=False)  # weights may be 2.5
    if message:
        return message

    def at(weights: pd.Series) -> pd.Series:  # the weights equal to the answer
        return (weights.astype(float) - number).abs() < 1e-9

    own = float(readings.loc[article_preset, factor])
    others = readings[(readings["weights"] == BASIS_WORDS["from_texts"])
                      & (readings.index != article_preset)]
    expected = float(others[factor].max())
    holders = _names(others.loc[others[factor] == expected, "holder"])
    shown, own_shown, expected_shown = (plain_number(v) for v in (number, own, expected))
    if abs(number - expected) < 1e-9:
        return (f"Right: {expected_shown} ({holders}), against the article's {own_shown}. No "
                f"other reading drawn from a text weighs {factor} above {expected_shown}, in "
                "the course's numbers.")
    if abs(number - own) < 1e-9:
        return (f"Not quite: {own_shown} is the article's own weight; the question asks about "
                "the other readings.")
    illustrative = readings[(readings["weights"] != BASIS_WORDS["from_texts"])
                            & at(readings[factor])]
    if len(illustrative) and not at(others[factor]).any():
        named = _names(repr(h) for h in illustrative["holder"])
        return (f"Not quite: {shown} is the weight of {named}, an illustrative preset, not a "
                "reading drawn from a scholar's text.")
    if at(others[factor]).any():
        return (f"Not quite: {shown} is one of the weights, but another reading drawn from a "
                f"text gives {factor} more.")
    # Weight columns are the numeric ones: a number found under another factor is a misread bar.
    other_factors = [c for c in others.select_dtypes("number").columns if c != factor]
    for other in other_factors:
        if at(others[other]).any():
            who = _names(others.loc[at(others[other]), "holder"])
            return (f"Not quite: {shown} is a weight on {other} ({who}), not on {factor}. "
                    f"Read the {factor} bars.")
    return (f"Not quite: no reading drawn from a text gives {factor} {shown}. Read the "
            f"{factor} bars again.")
