"""Analysis of competing hypotheses (Heuer's ACH) on a rating grid.

A *grid* is a DataFrame: one row per item of evidence (its id, in date order), one column
per hypothesis (its id, in file order), and in each cell a rating code from ``RATINGS``
(``II`` very inconsistent ... ``CC`` very consistent) or ``""`` for a cell not rated yet.
``grid.attrs`` carries what the numbers alone cannot say:

- ``"hindsight"``: the ids of the items dated after the article (a reader could not know
  them); they come last, after the items knowable on the article's date;
- ``"article_date"``: the article's date, as text;
- ``"labels"``: hypothesis id -> the label shown to readers;
- ``"item_labels"``: evidence id -> its short label (the description where it has none).

Heuer's rule: prefer the hypothesis with the *least evidence against it*, not the one with
the most in favour. Every function here is pure; nothing names a case.

>>> from casebook import load_case
>>> case = load_case()
>>> grid = rating_grid(case, known_only=False)
>>> set(grid.attrs["hindsight"]) <= set(grid.index)
True
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..schema import RATINGS
from .votes import is_hindsight

NOT_RATED = ""
# Heuer's ACH software counts I as one inconsistency and II as two; consistent and neutral
# ratings count nothing against a hypothesis.
INCONSISTENCY = {"II": 2.0, "I": 1.0, "N": 0.0, "C": 0.0, "CC": 0.0}
# The signed score used to tell hypotheses apart (diagnosticity): -2 .. +2.
SCORE = {"II": -2, "I": -1, "N": 0, "C": 1, "CC": 2}
# Credibility and relevance of an item, as the PARC ACH software weighs them (its technical
# description): M = 1, H = sqrt(2), L = 1/sqrt(2). M = 1 so that a grid whose items are not
# graded (blank = M) gives Heuer's plain count; the scale is symmetric in ratio, so H x L =
# M x M and an item's weight runs from 0.5 (L x L) to 2 (H x H).
QUALITY_WEIGHT = {"H": math.sqrt(2), "M": 1.0, "L": 1 / math.sqrt(2)}
QUALITY_COLUMNS = ("credibility", "relevance")


def _label(grid: pd.DataFrame, hypothesis: str) -> str:
    return str(grid.attrs.get("labels", {}).get(hypothesis, hypothesis))


def check_grid(grid: pd.DataFrame) -> None:
    """Raise ``ValueError`` naming the cell (evidence id, hypothesis id) of any value that
    is neither a rating code nor ``""`` (not rated yet).

    >>> check_grid(pd.DataFrame({"h1": ["C", ""]}, index=["e1", "e2"]))
    >>> check_grid(pd.DataFrame({"h1": ["C", "X"]}, index=["e1", "e2"]))
    Traceback (most recent call last):
    ...
    ValueError: cell (e2, h1) is 'X': expected one of CC, C, N, I, II or "" (not rated yet)
    """
    allowed = set(RATINGS) | {NOT_RATED}
    codes = grid.to_numpy(dtype=object)  # plain values: a widget checks on every change
    for column, hypothesis in enumerate(grid.columns):
        for row, evidence in enumerate(grid.index):
            value = codes[row, column]
            if value not in allowed:
                raise ValueError(f"cell ({evidence}, {hypothesis}) is {value!r}: expected "
                                 f"{expected_rating()}")


def expected_rating() -> str:
    """What a cell may hold, in words, strongest consistency first.

    >>> expected_rating()
    'one of CC, C, N, I, II or "" (not rated yet)'
    """
    return "one of " + ", ".join(reversed(RATINGS)) + ' or "" (not rated yet)'


def parse_rating(text: str) -> str | None:
    """A rating as a reader types it into a cell, as its code: any of CC, C, N, I, II in
    either case and with spaces around; ``""`` (not rated yet) for an empty cell or a dash;
    ``None`` for anything else.

    >>> [parse_rating(t) for t in ("cc", " I ", "", "-", "X")]
    ['CC', 'I', '', '', None]
    """
    code = str(text).strip().upper()
    if code in ("", "-", "\u2013", "\u2014"):  # hyphen, en dash, em dash
        return NOT_RATED
    return code if code in RATINGS else None


def rating_grid(case, known_only: bool = True) -> pd.DataFrame:
    """The course's reference grid: evidence x hypotheses of rating codes. Items knowable
    on the article's date come first in date order; with ``known_only=False`` the items
    dated after the article follow, in date order, and ``grid.attrs["hindsight"]`` names
    them (it is empty otherwise).

    >>> from casebook import load_case
    >>> case = load_case()
    >>> known, full = rating_grid(case), rating_grid(case, known_only=False)
    >>> len(full) - len(known) == len(full.attrs["hindsight"])
    True
    """
    article_date = case.article.date
    evidence = case.evidence.sort_values("date", kind="stable")
    late = evidence["date"].map(lambda d: is_hindsight(d, article_date))
    known_ids, late_ids = list(evidence.index[~late]), list(evidence.index[late])
    rows = known_ids if known_only else known_ids + late_ids
    codes = case.ratings.assign(rating=case.ratings["rating"].astype(str)).pivot(
        index="evidence_id", columns="hypothesis_id", values="rating")
    grid = codes.reindex(index=rows, columns=list(case.hypotheses.index)).fillna(NOT_RATED)
    grid.index.name, grid.columns.name = "evidence_id", "hypothesis_id"
    grid.attrs = {"hindsight": [] if known_only else late_ids,
                  "article_date": str(article_date),
                  "labels": case.hypotheses["label"].to_dict(),
                  "item_labels": item_labels(case.evidence.loc[rows])}
    return grid


def item_labels(evidence: pd.DataFrame) -> dict[str, str]:
    """Each item's short label, or its description where the label is blank.

    >>> item_labels(pd.DataFrame({"label": ["Drills", None], "description": ["x", "A vote."]},
    ...                          index=["e1", "e2"]))
    {'e1': 'Drills', 'e2': 'A vote.'}
    """
    labels = evidence["label"] if "label" in evidence.columns else pd.Series(
        None, index=evidence.index, dtype=object)
    return {item: (str(label).strip() if isinstance(label, str) and label.strip()
                   else str(evidence.loc[item, "description"]))
            for item, label in labels.items()}


def blank_grid(grid: pd.DataFrame) -> pd.DataFrame:
    """A grid of the same items and hypotheses with every cell not rated yet (where a
    student starts), keeping ``attrs``.

    >>> blank_grid(pd.DataFrame({"h1": ["C"]}, index=["e1"])).loc["e1", "h1"]
    ''
    """
    blank = pd.DataFrame(NOT_RATED, index=grid.index, columns=grid.columns)
    blank.attrs = dict(grid.attrs)
    return blank


def evidence_weights(evidence: pd.DataFrame) -> pd.Series:
    """The weight of each item: credibility x relevance (``QUALITY_WEIGHT``; a blank cell or
    an absent column counts as M, so an ungraded table gives every item 1).

    >>> evidence = pd.DataFrame({"credibility": ["H", "L", None], "relevance": ["H", "H", ""]},
    ...                         index=["e1", "e2", "e3"])
    >>> evidence_weights(evidence).round(3).to_list()
    [2.0, 1.0, 1.0]
    """
    weights = pd.Series(1.0, index=evidence.index, name="weight")
    for column in QUALITY_COLUMNS:
        if column in evidence.columns:
            grades = evidence[column].astype(object).where(evidence[column].notna(), "")
            grades = grades.map(lambda g: str(g).strip() or "M")
            bad = grades[~grades.isin(list(QUALITY_WEIGHT))]
            if len(bad):
                raise ValueError(f"evidence {bad.index[0]}: {column} is {bad.iloc[0]!r}: "
                                 "expected H, M, L or blank (M)")
            weights = weights * grades.map(QUALITY_WEIGHT).astype(float)
    return weights.rename("weight")


def _weights_for(grid: pd.DataFrame, weights: pd.Series | None) -> pd.Series:
    if weights is None:
        return pd.Series(1.0, index=grid.index)
    missing = [e for e in grid.index if e not in weights.index]
    if missing:
        raise ValueError(f"no weight for evidence {', '.join(map(str, missing))}: expected "
                         "one weight per row of the grid")
    return weights.reindex(grid.index).astype(float)


def inconsistency(grid: pd.DataFrame, weights: pd.Series | None = None) -> pd.Series:
    """Heuer's weighted inconsistency score per hypothesis: the sum over items of the
    item's weight times its inconsistency (I = 1, II = 2, as Heuer's ACH software counts;
    N, C, CC and cells not rated = 0). Without ``weights`` every item weighs 1.

    >>> grid = pd.DataFrame({"h1": ["I", "II"], "h2": ["C", "I"]}, index=["e1", "e2"])
    >>> inconsistency(grid).to_dict()
    {'h1': 3.0, 'h2': 1.0}
    >>> inconsistency(grid, pd.Series({"e1": 2.0, "e2": 0.5})).to_dict()
    {'h1': 3.0, 'h2': 0.5}
    """
    check_grid(grid)
    return pd.Series(_against(grid, weights).sum(axis=0), index=grid.columns,
                     name="inconsistency")


def _against(grid: pd.DataFrame, weights: pd.Series | None) -> np.ndarray:
    # Items x hypotheses: each cell's weighted inconsistency. Plain arrays, not pandas
    # operations: pandas copies a grid's attrs on every operation, which a widget redrawing
    # on every rating (and sensitivity, once per item) cannot afford.
    codes = grid.to_numpy(dtype=object)
    counts = np.array([[INCONSISTENCY.get(code, 0.0) for code in row] for row in codes],
                      dtype=float).reshape(grid.shape)
    return counts * _weights_for(grid, weights).to_numpy(dtype=float)[:, None]


def _tied_names(grid: pd.DataFrame, ranks: pd.Series) -> list[str]:
    # "; " between names: labels may hold commas.
    return ["; ".join(_label(grid, o) for o in ranks.index if o != h and ranks[o] == ranks[h])
            for h in ranks.index]


def ranking(grid: pd.DataFrame, weights: pd.Series | None = None) -> pd.DataFrame:
    """The hypotheses from least to most evidence against them: the inconsistency score,
    the count of consistent ratings (C or CC; for information only, it does not rank),
    the rank (1 = least inconsistent; equal scores share a rank) and the hypotheses each is
    tied with. Equal scores keep the grid's column order. Indexed by hypothesis id.

    >>> grid = pd.DataFrame({"a": ["I", "C"], "b": ["N", "I"], "c": ["C", "C"]},
    ...                     index=["e1", "e2"])
    >>> ranking(grid)[["inconsistency", "rank", "tied with"]].values.tolist()
    [[0.0, 1, ''], [1.0, 2, 'b'], [1.0, 2, 'a']]
    """
    scores = inconsistency(grid, weights).round(9)  # sums of sqrt(2)s must tie when equal
    consistent = grid.isin(["C", "CC"]).sum()
    order = sorted(grid.columns, key=lambda h: (scores[h], list(grid.columns).index(h)))
    ranks = scores.rank(method="min").astype(int)[order]
    table = pd.DataFrame({
        "hypothesis": [_label(grid, h) for h in order],
        "inconsistency": [float(scores[h]) for h in order],
        "consistent": [int(consistent[h]) for h in order],
        "rank": ranks.to_list(),
        "tied with": _tied_names(grid, ranks),
    }, index=pd.Index(order, name="hypothesis_id"))
    return table


def leaders(ranked: pd.DataFrame) -> list[str]:
    """The ids of the hypotheses ranked first (several when they tie).

    >>> leaders(pd.DataFrame({"rank": [1, 1, 3]}, index=["a", "b", "c"]))
    ['a', 'b']
    """
    return list(ranked.index[ranked["rank"] == 1])


def diagnosticity(grid: pd.DataFrame) -> pd.Series:
    """How much each item tells the hypotheses apart: the range (highest minus lowest) of
    its ratings' scores (II = -2, I = -1, N = 0, C = 1, CC = 2) across hypotheses, from 0
    (rated alike for all: not diagnostic) to 4. Cells not rated are left out; an item with
    fewer than two rated cells has no value (NaN).

    >>> grid = pd.DataFrame({"h1": ["C", "II", "C"], "h2": ["C", "CC", ""]},
    ...                     index=["same", "apart", "half"])
    >>> diagnosticity(grid).to_dict()
    {'same': 0.0, 'apart': 4.0, 'half': nan}
    """
    check_grid(grid)
    codes = grid.to_numpy(dtype=object)
    scores = np.array([[SCORE.get(code, np.nan) for code in row] for row in codes],
                      dtype=float).reshape(grid.shape)
    rated = ~np.isnan(scores)
    highest = np.where(rated, scores, -np.inf).max(axis=1, initial=-np.inf)
    lowest = np.where(rated, scores, np.inf).min(axis=1, initial=np.inf)
    spread = np.where(rated.sum(axis=1) >= 2, highest - lowest, np.nan)
    return pd.Series(spread, index=grid.index, name="diagnosticity")


def sensitivity(grid: pd.DataFrame, weights: pd.Series | None = None) -> pd.DataFrame:
    """Drop each item in turn and rank again: who leads without it, whether the lead changes
    (``top changes``: the ranking hangs on this item) and whether the order of the
    hypotheses changes at all. One row per item, in the grid's order.

    >>> grid = pd.DataFrame({"a": ["I", "N"], "b": ["N", "N"]}, index=["key", "other"])
    >>> sensitivity(grid)["top changes"].to_dict()
    {'key': True, 'other': False}
    """
    full = ranking(grid, weights)
    top, order = leaders(full), _order(full)
    against = _against(grid, weights)
    hypotheses = list(grid.columns)
    rows = []
    for row in range(len(grid)):
        # The same rounding as ranking(), on the sums of the other items' rows.
        scores = np.round(np.delete(against, row, axis=0).sum(axis=0), 9)
        ranks = [1 + int((scores < score).sum()) for score in scores]  # rank(method="min")
        first = [h for h, rank in zip(hypotheses, ranks, strict=True) if rank == 1]
        rows.append({"leaders without it": "; ".join(_label(grid, h) for h in first),
                     "top changes": first != top,
                     "order changes": sorted(zip(ranks, hypotheses, strict=True)) != order})
    return pd.DataFrame(rows, index=grid.index)


def _order(ranked: pd.DataFrame) -> list[tuple[int, str]]:
    # The order as ranks per hypothesis: a tie that forms or breaks is a change of order.
    return sorted(zip(ranked["rank"], ranked.index, strict=True))


def compare_grids(student: pd.DataFrame, reference: pd.DataFrame,
                  reasons: pd.DataFrame) -> pd.DataFrame:
    """The cells where ``student`` differs from ``reference`` (cells not rated included),
    in the reference's order: both ratings, how many steps apart on the scale (student
    minus reference; positive = the student finds it more consistent) and the reference's
    rationale, taken from ``reasons`` (a ratings table: ``evidence_id``, ``hypothesis_id``,
    ``rationale``).

    >>> reference = pd.DataFrame({"h1": ["C", "I"]}, index=["e1", "e2"])
    >>> student = pd.DataFrame({"h1": ["C", "CC"]}, index=["e1", "e2"])
    >>> reasons = pd.DataFrame({"evidence_id": ["e1", "e2"], "hypothesis_id": ["h1", "h1"],
    ...                         "rationale": ["fits", "contradicts"]})
    >>> compare_grids(student, reference, reasons).values.tolist()
    [['e2', 'h1', 'CC', 'I', 3, 'contradicts']]
    """
    check_grid(student)
    check_grid(reference)
    if list(student.index) != list(reference.index) or set(student.columns) != set(
            reference.columns):
        raise ValueError("the two grids differ in their evidence or hypotheses: expected the "
                         "same items and hypotheses in both")
    why = reasons.set_index(["evidence_id", "hypothesis_id"])["rationale"]
    rows = []
    for item in reference.index:
        for hypothesis in reference.columns:
            theirs, ours = student.loc[item, hypothesis], reference.loc[item, hypothesis]
            if theirs != ours:
                steps = (SCORE[theirs] - SCORE[ours] if theirs in SCORE and ours in SCORE
                         else pd.NA)
                rows.append({"evidence_id": item, "hypothesis_id": hypothesis,
                             "student": theirs, "reference": ours, "steps": steps,
                             "reference's reason": why.get((item, hypothesis), "")})
    columns = ["evidence_id", "hypothesis_id", "student", "reference", "steps",
               "reference's reason"]
    return pd.DataFrame(rows, columns=columns)
