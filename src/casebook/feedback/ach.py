"""Feedback for the exercises of lesson 08 (competing explanations, Heuer's analysis of
competing hypotheses). Each check reads the same ``model.ach`` grid and scores the lesson
shows, so its sentence names actual items, ratings and scores.

An item may be named by its short label (as the tables show it) or its id, in any of the
forms ``feedback.Names`` accepts; a number may be given as a number or as text ("5"), since
both are what a reader writes.
"""

from __future__ import annotations

import pandas as pd

from ..model import ach
from . import Names, feedback_check, name_key, number_answer, plain_number


def item_names(grid: pd.DataFrame) -> Names:
    """The names of the grid's items: the id and the label (``attrs["item_labels"]``), in
    any of the forms :class:`Names` accepts.

    >>> grid = pd.DataFrame({"h": ["C"]}, index=["e1"])
    >>> grid.attrs = {"item_labels": {"e1": "Joint drills"}}
    >>> item_names(grid).shown
    {'e1': 'Joint drills'}
    """
    labels = grid.attrs.get("item_labels", {})
    items = pd.DataFrame({"label": [labels.get(i, str(i)) for i in grid.index]},
                         index=grid.index)
    return Names.of(items)


def item_answer(answer, grid: pd.DataFrame) -> str | None:
    """The id of the item the answer names (its label or id, any case), or None.

    >>> grid = pd.DataFrame({"h": ["C"]}, index=["e1"])
    >>> grid.attrs = {"item_labels": {"e1": "Joint drills"}}
    >>> item_answer(" joint DRILLS ", grid), item_answer("E1", grid), item_answer("x", grid)
    ('e1', 'e1', None)
    """
    return item_names(grid).one(answer)


def _label(grid: pd.DataFrame, item: str) -> str:
    return str(grid.attrs.get("item_labels", {}).get(item, item))


def _hypothesis(grid: pd.DataFrame, hypothesis: str) -> str:
    return str(grid.attrs.get("labels", {}).get(hypothesis, hypothesis))


@feedback_check
def check_plain_score(answer, grid: pd.DataFrame, hypothesis: str,
                      weights: pd.Series | None = None) -> str:
    """Feedback on "what is the plain inconsistency score of ``hypothesis`` (I counts 1, II
    counts 2, no weights)?"; ``weights`` (the items' weights) lets the check recognise the
    weighted score.

    >>> grid = pd.DataFrame({"h": ["I", "II", "C"]}, index=["e1", "e2", "e3"])
    >>> grid.attrs = {"labels": {"h": "Hyp"}, "item_labels": {}}
    >>> check_plain_score(3, grid, "h")
    'Right: Hyp scores 3: e1 (I, 1) and e2 (II, 2).'
    >>> check_plain_score("2", grid, "h")
    'Not quite: 2 counts the items rated I or II once each; an II counts 2. Hyp scores 3.'
    """
    number, message = number_answer(answer, whole=False)
    if message:
        return message
    column = grid[hypothesis]
    against = column[column.isin(["I", "II"])]
    expected = float(ach.inconsistency(grid[[hypothesis]]).iloc[0])
    name = _hypothesis(grid, hypothesis)
    if abs(number - expected) < 1e-9:
        items = " and ".join(f"{_label(grid, e)} ({r}, {plain_number(ach.INCONSISTENCY[r])})"
                             for e, r in against.items())
        return f"Right: {name} scores {plain_number(expected)}: {items or 'no item against it'}."
    if number == len(against) and len(against) != expected:
        return (f"Not quite: {plain_number(number)} counts the items rated I or II once each; an "
                f"II counts {plain_number(ach.INCONSISTENCY['II'])}. {name} scores "
                f"{plain_number(expected)}.")
    if weights is not None:
        weighted = float(ach.inconsistency(grid[[hypothesis]], weights).iloc[0])
        if abs(number - weighted) < 0.01 and abs(weighted - expected) > 1e-9:
            return (f"Not quite: {plain_number(number)} is the weighted score; the question asks "
                    f"for the plain one, with every item weighing 1: {plain_number(expected)}.")
    consistent = int(column.isin(["C", "CC"]).sum())
    if number == consistent and consistent != expected:
        return (f"Not quite: {plain_number(number)} is the number of items rated C or CC. Heuer's "
                "score counts only the evidence against: the items rated I and II.")
    side = "more" if number > expected else "less"
    return (f"Not quite: {plain_number(number)} is {side} than the score. Add "
            f"{plain_number(ach.INCONSISTENCY['I'])} for each I and "
            f"{plain_number(ach.INCONSISTENCY['II'])} for each II in the column of {name}.")


@feedback_check
def check_least_diagnostic(answer, grid: pd.DataFrame) -> str:
    """Feedback on "which item tells the explanations apart least?" (the lowest
    diagnosticity; any of several tied items is right).

    >>> grid = pd.DataFrame({"a": ["C", "II", "C"], "b": ["N", "CC", "C"]},
    ...                     index=["e1", "e2", "e3"])
    >>> grid.attrs = {"labels": {}, "item_labels": {"e3": "Trade"}}
    >>> check_least_diagnostic("trade", grid)
    'Right: Trade is rated C, C: its ratings are 0 apart, the least of any item.'
    >>> check_least_diagnostic("e2", grid)
    'Not quite: e2 is rated II, CC, 4 apart; Trade is rated closer together (0 apart).'
    """
    if answer is None:
        return ("Replace None with an item's name in quotes, as the table writes it, then run "
                "the cell again.")
    item = item_answer(answer, grid)
    if item is None:
        return (f"Not quite: {answer!r} names no item of the grid; copy an item's name from "
                "the table's first column.")
    spread = ach.diagnosticity(grid)
    lowest = spread.min()
    least = list(spread.index[spread == lowest])
    ratings = ", ".join(grid.loc[item])
    if item in least:
        others = [_label(grid, e) for e in least if e != item]
        tied = f" (as low as {' and '.join(others)})" if others else ""
        return (f"Right: {_label(grid, item)} is rated {ratings}: its ratings are "
                f"{plain_number(lowest)} apart, the least of any item{tied}.")
    return (f"Not quite: {_label(grid, item)} is rated {ratings}, {plain_number(spread[item])} "
            f"apart; {' and '.join(_label(grid, e) for e in least)} "
            f"{'is' if len(least) == 1 else 'are'} rated closer together "
            f"({plain_number(lowest)} apart).")


@feedback_check
def check_hinge(answer, grid: pd.DataFrame, weights: pd.Series | None = None) -> str:
    """Feedback on "which single item, dropped, changes who ranks first?"; "none" is right
    when no item does.

    >>> grid = pd.DataFrame({"a": ["I", "N"], "b": ["N", "N"]}, index=["key", "other"])
    >>> grid.attrs = {"labels": {"a": "A", "b": "B"}, "item_labels": {}}
    >>> check_hinge("key", grid)
    'Right: without key, A and B rank first instead of B.'
    >>> check_hinge("other", grid)
    'Not quite: without other, B still ranks first. Look for an item rated I or II against a leader, or for the only item against a close rival.'
    """  # noqa: E501
    if answer is None:
        return ('Replace None with an item\'s name in quotes (or "none"), then run the cell '
                "again.")
    table = ach.sensitivity(grid, weights)
    hinges = list(table.index[table["top changes"]])
    top = ach.leaders(ach.ranking(grid, weights))
    names = " and ".join(_hypothesis(grid, h) for h in top)
    if isinstance(answer, str) and name_key(answer) == "none":
        if not hinges:
            return f"Right: no single item changes who ranks first ({names})."
        return (f"Not quite: dropping {_label(grid, hinges[0])} changes who ranks first "
                f"(then {table.loc[hinges[0], 'leaders without it']}).")
    item = item_answer(answer, grid)
    if item is None:
        return (f"Not quite: {answer!r} names no item of the grid; copy an item's name from "
                'the table, or write "none".')
    without = table.loc[item, "leaders without it"].replace("; ", " and ")
    if item in hinges:
        return (f"Right: without {_label(grid, item)}, {without} rank"
                f"{'s' if ' and ' not in without else ''} first instead of {names}.")
    return (f"Not quite: without {_label(grid, item)}, {names} still rank"
            f"{'s' if len(top) == 1 else ''} first. Look for an item rated I or II against a "
            "leader, or for the only item against a close rival.")
