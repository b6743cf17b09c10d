"""Feedback for the exercises of lesson 04 (the article's third and fourth factors). Each check
reads the same ``model.alignment`` tables the lesson shows, so its sentence names actual rows."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..model.alignment import BASIS_WORDS, inconsistent
from . import as_whole_number, whole_number_answer


def _names(labels: Iterable[str]) -> str:
    labels = list(labels)
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


def check_stances_serving(answer, effects: pd.DataFrame, factor: str) -> str:
    """Feedback on "which stances does the course code as serving ``factor`` (effect above
    0)?"; ``effects`` is ``model.alignment.effects_on``, the answer a list of stance names.

    >>> effects = pd.DataFrame({"stance": ["Freeze", "Freeze", "Lifelines"],
    ...     "factor": ["Ally", "Shield", "Ally"], "effect": [2, 2, 0],
    ...     "why (course's coding)": ["joint", "exercises", "alone, not joint"]})
    >>> check_stances_serving(["freeze"], effects, "Ally")
    'Right: Freeze (+2). The course codes the others 0 or below for Ally: Lifelines 0.'
    >>> check_stances_serving(["Freeze", "Lifelines"], effects, "Ally")
    "Not quite: the course codes Lifelines 0 for Ally, not above 0. Read its 'why': alone, not joint"
    """  # noqa: E501
    if answer is None:
        return ('Replace None with a list of stance names in quotes, for example ["Stance A", '
                '"Stance B"], then run the cell again.')
    if isinstance(answer, str):
        answer = [answer]
    if not isinstance(answer, Iterable) or not all(isinstance(a, str) for a in answer):
        return ("Not quite: give a list of stance names in quotes, as the table writes them "
                f"(you gave {answer!r}).")
    rows = effects[effects["factor"] == factor]
    by_name = {s.lower(): s for s in rows["stance"]}
    unknown = [a for a in answer if a.strip().lower() not in by_name]
    if unknown:
        return (f"Not quite: {_names(repr(u) for u in unknown)} is not a stance of the table; "
                f"its stances are {_names(by_name.values())}.")
    given = {by_name[a.strip().lower()] for a in answer}
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


def check_highest_other_weight(answer, readings: pd.DataFrame, factor: str,
                               article_preset: str) -> str:
    """Feedback on "among the readings drawn from scholars' texts, other than the article's,
    what is the highest weight given to ``factor``?"; ``readings`` is
    ``model.alignment.readings`` (indexed by preset id).

    >>> readings = pd.DataFrame({"holder": ["Author", "Ann", "Bob", "none"],
    ...     "weights": ["from the scholar's texts"] * 3 + ["illustrative"],
    ...     "Ally": [8, 3, 2, 5]}, index=["art", "ann", "bob", "equal"])
    >>> check_highest_other_weight(3, readings, "Ally", "art")
    "Right: 3 (Ann), against the article's 8. No other reading drawn from a text weighs Ally above 3, in the course's numbers."
    >>> check_highest_other_weight(5, readings, "Ally", "art")
    "Not quite: 5 is the weight of 'none', an illustrative preset, not a reading drawn from a scholar's text."
    >>> readings["Shield"] = [8, 7, 0, 5]
    >>> check_highest_other_weight(7, readings, "Ally", "art")
    'Not quite: 7 is a weight on Shield (Ann), not on Ally. Read the Ally bars.'
    """  # noqa: E501
    if answer is None:
        return "Replace None with a number from 0 to 10, then run the cell again."
    number = as_whole_number(answer)
    if number is None:
        return ("Not quite: give a whole number, without quotes or a decimal point, like 3 "
                f"(you gave {answer!r}).")
    own = int(readings.loc[article_preset, factor])
    others = readings[(readings["weights"] == BASIS_WORDS["from_texts"])
                      & (readings.index != article_preset)]
    expected = int(others[factor].max())
    holders = _names(others.loc[others[factor] == expected, "holder"])
    if number == expected:
        return (f"Right: {expected} ({holders}), against the article's {own}. No other reading "
                f"drawn from a text weighs {factor} above {expected}, in the course's numbers.")
    if number == own:
        return (f"Not quite: {own} is the article's own weight; the question asks about the "
                "other readings.")
    illustrative = readings[(readings["weights"] != BASIS_WORDS["from_texts"])
                            & (readings[factor] == number)]
    if len(illustrative) and number not in set(others[factor]):
        named = _names(repr(h) for h in illustrative["holder"])
        return (f"Not quite: {number} is the weight of {named}, an illustrative preset, not a "
                "reading drawn from a scholar's text.")
    if number in set(others[factor]):
        return (f"Not quite: {number} is one of the weights, but another reading drawn from a "
                f"text gives {factor} more.")
    # Weight columns are the numeric ones: a number found under another factor is a misread bar.
    other_factors = [c for c in others.select_dtypes("number").columns if c != factor]
    for other in other_factors:
        if number in set(others[other]):
            who = _names(others.loc[others[other] == number, "holder"])
            return (f"Not quite: {number} is a weight on {other} ({who}), not on {factor}. "
                    f"Read the {factor} bars.")
    return (f"Not quite: no reading drawn from a text gives {factor} {number}. Read the "
            f"{factor} bars again.")
