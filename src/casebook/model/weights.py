"""Weighing the factors: which weighting of the focus actor's motives explains what it did?

The model, in five steps, each a small pure function:

1. **Weights.** One non-negative number per factor (the sliders' 0-10 scale). Only their
   ratios matter, so they are shown and used *normalised* (summing to 1).
2. **Scores.** An option's score is the sum over factors of normalised weight x effect
   (``effects.csv``: -2 badly harms ... +2 strongly serves), so it runs from -2 to +2.
3. **Stances.** A score above ``UNDECIDED_BAND`` (0.1) predicts *support*, below -0.1
   *oppose*; from -0.1 to +0.1 (ends included) the model is *undecided*. The band is
   stated, not hidden: on the -2 to +2 scale, one point more or less on one weight of the
   article's reading (43 points in all) moves a score by up to about 0.08 (and by at most
   4/43, about 0.09, for any coding of the effects), so the coding cannot tell a score
   within 0.1 of zero from zero.
4. **Fit.** Each observation of ``behaviour.csv`` (in a time window: by default what was
   known on the article's date) is explained when the predicted stance matches it:
   *supported* by support, *opposed* by oppose, *mixed* by undecided. Observations are
   counted one by one; where an option has observations that disagree, all are shown and
   no weighting can explain them all. Nothing is decided by a majority.
5. **Questions about the whole weight space.** A simplex grid (every weighting in steps of
   0.05, 230,230 of them for seven factors) is searched with numpy in one pass: which
   weightings explain the most observations; which predict a required stance with some
   factor held at zero; how often each stance is predicted at all (*discrimination*: a fit
   that every weighting shares proves nothing).

Also here: break-even weights (sensitivity) and pairwise elicitation (AHP).

**AHP is written with numpy**, not a library. The maintained AHP package on PyPI (ahpy)
computes the same eigenvector and consistency ratio, but it would add a pinned dependency to
the course environment (and Binder's) for some twenty lines of linear algebra, and it does
not name the judgement that most breaks consistency, which the lesson needs. numpy comes
with pandas already.

>>> import pandas as pd
>>> effects = pd.DataFrame({"calm": [2, -1], "status": [-1, 2]},
...                        index=pd.Index(["talks", "measures"], name="option_id"))
>>> stances(option_scores(effects, {"calm": 3, "status": 1})).to_dict()
{'talks': 'support', 'measures': 'oppose'}
"""

from __future__ import annotations

import datetime as dt
import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from ..dates import PartialDate

UNDECIDED_BAND = 0.1
WEIGHT_MAX = 10.0  # the sliders' scale; the model itself takes any non-negative weight
GRID_STEP = 0.05
SUPPORT, UNDECIDED, OPPOSE = "support", "undecided", "oppose"
STANCE_CODES = {OPPOSE: -1, UNDECIDED: 0, SUPPORT: 1}
STANCE_OF_CODE = {code: stance for stance, code in STANCE_CODES.items()}
# Which predicted stance explains which observed one (behaviour.csv's `observed`).
EXPLAINED_BY = {"supported": SUPPORT, "opposed": OPPOSE, "mixed": UNDECIDED}
# The focus actor's vote at the UN Security Council, read as an observation on the option
# the votes bear on (``vote_option``).
VOTE_AS_OBSERVATION = {"yes": "supported", "no": "opposed", "veto": "opposed",
                       "abstain": "mixed"}
# Saaty's random consistency index: the mean consistency index of random reciprocal
# matrices of size n (Saaty 1980, The Analytic Hierarchy Process, table 1.7).
RANDOM_INDEX = {1: 0.0, 2: 0.0, 3: 0.58, 4: 0.90, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41,
                9: 1.45, 10: 1.49}
CONSISTENCY_LIMIT = 0.1
# Saaty's 1-9 scale: 1 equal, 3 moderately, 5 strongly, 7 very strongly, 9 extremely more
# important; 2, 4, 6, 8 between; reciprocals for the other way round.
SAATY_VALUES = tuple(range(1, 10))
_ROUND = 9  # decimals kept before comparing a score with the band (0.1 is not exact in binary)


class WeightsError(ValueError):
    """Weights that cannot be used: a missing, unknown, negative or non-number weight, or
    all weights at zero. The message says which and what was expected."""


# -- 1-3. Weights, scores, stances ----------------------------------------------------------

def check_weights(weights: Mapping | pd.Series, factors: Iterable[str]) -> pd.Series:
    """The weights as a Series in the order of ``factors``, or a ``WeightsError`` naming
    the factor, the value and what was expected. Bools are refused (``True`` is not a
    weight); all-zero weights are allowed here (see ``normalise``).

    >>> check_weights({"b": 1, "a": 2.5}, ["a", "b"]).to_dict()
    {'a': 2.5, 'b': 1.0}
    >>> check_weights({"a": -1, "b": 1}, ["a", "b"])
    Traceback (most recent call last):
    ...
    casebook.model.weights.WeightsError: weight of 'a' is -1: expected a number from 0 up
    """
    factors = list(factors)
    values = dict(weights.items())
    missing = [f for f in factors if f not in values]
    if missing:
        raise WeightsError(f"no weight for {', '.join(repr(f) for f in missing)}: expected "
                           "one weight for every factor")
    unknown = [str(f) for f in values if f not in factors]
    if unknown:
        raise WeightsError(f"weight for unknown factor {', '.join(repr(f) for f in unknown)}: "
                           f"expected only {', '.join(factors)}")
    checked = {}
    for factor in factors:
        value = values[factor]
        if isinstance(value, bool | np.bool_) or not isinstance(value, numbers.Real) or (
                math.isnan(value) or math.isinf(value)):
            raise WeightsError(f"weight of {factor!r} is {value!r}: expected a number")
        if value < 0:
            raise WeightsError(f"weight of {factor!r} is {value!r}: expected a number from 0 up")
        checked[factor] = float(value)
    return pd.Series(checked, name="weight", dtype=float).rename_axis("factor_id")


def normalise(weights: pd.Series) -> pd.Series:
    """Weights scaled to sum to 1 (only their ratios matter). All zero is a ``WeightsError``
    with a message, never a division by zero.

    >>> normalise(pd.Series({"a": 3.0, "b": 1.0})).to_dict()
    {'a': 0.75, 'b': 0.25}
    >>> normalise(pd.Series({"a": 0.0, "b": 0.0}))  # doctest: +NORMALIZE_WHITESPACE
    Traceback (most recent call last):
    ...
    casebook.model.weights.WeightsError: all weights are 0: give at least one factor a
    weight above 0
    """
    total = float(weights.sum())
    if total <= 0:
        raise WeightsError("all weights are 0: give at least one factor a weight above 0")
    return weights / total


def option_scores(effects: pd.DataFrame, weights: Mapping | pd.Series) -> pd.Series:
    """Each option's score: the sum of normalised weight x effect, from -2 to +2.

    >>> effects = pd.DataFrame({"a": [2, -1], "b": [0, 1]}, index=["x", "y"])
    >>> option_scores(effects, {"a": 1, "b": 1}).to_dict()
    {'x': 1.0, 'y': 0.0}
    """
    share = normalise(check_weights(weights, effects.columns))
    scores = effects.astype(float) @ share
    return scores.round(_ROUND).rename("score")


def stances(scores: pd.Series, band: float = UNDECIDED_BAND) -> pd.Series:
    """The predicted stance of each score: support above ``band``, oppose below ``-band``,
    undecided from ``-band`` to ``band`` (both included).

    >>> stances(pd.Series([0.5, 0.1, -0.1, -0.11])).to_list()
    ['support', 'undecided', 'undecided', 'oppose']
    """
    rounded = scores.round(_ROUND)
    codes = np.where(rounded > band, 1, np.where(rounded < -band, -1, 0))
    return pd.Series([STANCE_OF_CODE[c] for c in codes], index=scores.index, name="predicted")


# -- presets ---------------------------------------------------------------------------------

def article_preset(presets: pd.DataFrame, article_source_id: str) -> str:
    """The preset that reads the article itself: the one whose source is the article.

    >>> presets = pd.DataFrame({"source_id": ["x", "art"]}, index=["other", "mine"])
    >>> article_preset(presets, "art")
    'mine'
    """
    found = presets.index[presets["source_id"] == article_source_id]
    if len(found) == 0:
        raise WeightsError(f"no preset in presets.csv has source_id {article_source_id!r} "
                           "(the article): expected one preset reading the article")
    return str(found[0])


def preset_table(presets: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The readings as a reader sees them: label, holder, the basis of the weights (from
    the holder's texts, or illustrative), the source's title, the reading in one line, and
    how the weights were derived.

    >>> presets = pd.DataFrame({"label": ["A"], "holder": ["H"], "reading": ["r"],
    ...     "weights_basis": ["illustrative"], "derivation": ["d"], "source_id": [None]},
    ...     index=["a"])
    >>> preset_table(presets, pd.DataFrame({"title": []}))["source"].to_list()
    ['(none: a baseline)']
    """
    titles = sources["title"].to_dict()
    return pd.DataFrame({
        "reading": presets["label"].to_list(),
        "holder": presets["holder"].to_list(),
        "weights": presets["weights_basis"].str.replace("_", " ").to_list(),
        "source": [titles.get(s, s) if isinstance(s, str) else "(none: a baseline)"
                   for s in presets["source_id"]],
        "what the reading says": presets["reading"].to_list(),
        "how the weights were derived": presets["derivation"].to_list(),
    }, index=presets.index)


def weights_table(weights: pd.Series, factors: pd.DataFrame,
                  rationale: pd.Series | None = None) -> pd.DataFrame:
    """One weighting as a table: factor, weight (0-10), share (normalised, in %), and the
    rationale for each number when given.

    >>> factors = pd.DataFrame({"short_label": ["A", "B"]}, index=["a", "b"])
    >>> weights_table(pd.Series({"a": 3.0, "b": 1.0}), factors)["share %"].to_list()
    [75.0, 25.0]
    """
    share = normalise(weights.reindex(factors.index))
    table = pd.DataFrame({
        "factor": factors["short_label"].to_list(),
        "weight": weights.reindex(factors.index).to_list(),
        "share %": (share * 100).round(1).to_list(),
    }, index=factors.index)
    if rationale is not None:
        table["why this number"] = rationale.reindex(factors.index).to_list()
    return table


def preset_rationale(preset_weights: pd.DataFrame, preset_id: str) -> pd.Series:
    """The rationale of each weight of one preset, by factor.

    >>> table = pd.DataFrame({"preset_id": ["p", "p", "q"], "factor_id": ["a", "b", "a"],
    ...                       "rationale": ["vital", "played down", "other"]})
    >>> preset_rationale(table, "p").to_dict()
    {'a': 'vital', 'b': 'played down'}
    """
    rows = preset_weights[preset_weights["preset_id"] == preset_id]
    return rows.set_index("factor_id")["rationale"]


def effects_table(effects: pd.DataFrame, options: pd.DataFrame,
                  factors: pd.DataFrame) -> pd.DataFrame:
    """The effect matrix with the options' and factors' short labels, for reading.

    >>> effects = pd.DataFrame({"a": [2]}, index=pd.Index(["x"], name="option_id"))
    >>> effects_table(effects, pd.DataFrame({"short_label": ["X"]}, index=["x"]),
    ...               pd.DataFrame({"short_label": ["A"]}, index=["a"])).to_dict("list")
    {'option': ['X'], 'A': [2]}
    """
    table = effects.rename(columns=factors["short_label"].to_dict())
    table.insert(0, "option", options["short_label"].reindex(effects.index).to_list())
    return table.reset_index(drop=True)


def reading_table(case, preset_id: str) -> pd.DataFrame:
    """One reading's weights as a table: factor, weight, share and why each number.
    ``case`` is a loaded case (``casebook.load_case()``)."""
    weights = case.weight_matrix().loc[preset_id]
    return weights_table(weights, case.factors, preset_rationale(case.preset_weights,
                                                                 preset_id))


# -- 4. Observations and fit ---------------------------------------------------------------

def in_window(dates: pd.Series, start: PartialDate | None = None,
              end: PartialDate | None = None) -> pd.Series:
    """Whether each date lies in the window, ends included: a date known only to the month
    or year is in it only if all of its span is (a row dated "2017-10" is not known to
    come before 13 Oct 2017).

    >>> dates = pd.Series([PartialDate.parse(d) for d in ("2017-07-04", "2017-10", "2022")])
    >>> in_window(dates, end=PartialDate.parse("2017-10-13")).to_list()
    [True, False, False]
    >>> in_window(dates, start=PartialDate.parse("2017-10-14")).to_list()
    [False, False, True]
    """
    return dates.map(lambda d: (start is None or d.first_day >= start.first_day)
                     and (end is None or d.last_day <= end.last_day)).astype(bool)


def observations(behaviour: pd.DataFrame, options: pd.Index, start: PartialDate | None = None,
                 end: PartialDate | None = None) -> pd.DataFrame:
    """The observations in a time window, in option order then date order: option_id, date,
    observed, description, source_id. Pass ``end=case.article.date`` for what was known
    when the article appeared (the default of the lesson), ``start`` after it for hindsight.

    >>> behaviour = pd.DataFrame({"option_id": ["y", "x", "x"], "date": [PartialDate.parse(d)
    ...     for d in ("2017-07-04", "2017-09-11", "2022-05-26")], "observed": ["supported"] * 3,
    ...     "description": ["", "", ""], "source_id": ["s", "s", "s"]})
    >>> known = observations(behaviour, pd.Index(["x", "y"]), end=PartialDate.parse("2017-10-13"))
    >>> [(row.option_id, str(row.date)) for row in known.itertuples()]
    [('x', '2017-09-11'), ('y', '2017-07-04')]
    """
    rows = behaviour[in_window(behaviour["date"], start, end)].copy()
    rows["_order"] = rows["option_id"].map({o: i for i, o in enumerate(options)})
    rows = rows.sort_values(["_order", "date"], kind="stable").drop(columns="_order")
    return rows.reset_index(drop=True)


def vote_option(behaviour: pd.DataFrame, un_votes: pd.DataFrame) -> str:
    """The option the focus actor's UN Security Council votes are observations of: the option
    whose observed *supported* rows cite the sources of the UN votes most often.

    >>> behaviour = pd.DataFrame({"option_id": ["s", "s", "e"], "observed": ["supported"] * 3,
    ...                           "source_id": ["r1", "r2", "r2"]})
    >>> vote_option(behaviour, pd.DataFrame({"source_id": ["r1", "r2"]}))
    's'
    """
    cited = behaviour[behaviour["source_id"].isin(set(un_votes["source_id"]))
                      & (behaviour["observed"] == "supported")]
    if cited.empty:
        raise WeightsError("no supported row of behaviour.csv cites a source of un_votes.csv: "
                           "expected the UN votes to be observations of one option")
    return str(cited["option_id"].value_counts().index[0])


def vote_observations(un_votes: pd.DataFrame, member_votes: pd.DataFrame, actor_id: str,
                      option_id: str, actor_name: str | None = None) -> pd.DataFrame:
    """The UN Security Council votes of ``actor_id`` (member_votes.csv) as observations on
    ``option_id``: yes is *supported*, a veto or no is *opposed*, an abstention *mixed*; a
    draft never voted on is left out. Same columns as ``observations``; the description
    names the actor by ``actor_name`` (default: its id).

    >>> votes = pd.DataFrame({"date": ["d1", "d2", "d3"], "subject": ["A", "B", "C"],
    ...     "outcome": ["adopted", "vetoed", "not_put_to_vote"],
    ...     "source_id": ["s1", "s2", "s3"]}, index=["v1", "v2", "v3"])
    >>> member_votes = pd.DataFrame({"vote_id": ["v1", "v2", "v3", "v1"],
    ...     "actor_id": ["X", "X", "X", "Y"], "vote": ["yes", "veto", "not_voted", "no"]})
    >>> seen = vote_observations(votes, member_votes, "X", "measures", "Ann")
    >>> seen["observed"].to_list(), seen["description"].iloc[1]
    (['supported', 'opposed'], 'UN Security Council, vetoed: B; Ann voted veto.')
    """
    mine = member_votes[member_votes["actor_id"] == actor_id]
    cast = un_votes.index.map(dict(zip(mine["vote_id"], mine["vote"], strict=True)))
    cast = pd.Series(cast, index=un_votes.index, dtype=object)
    voted = un_votes[cast.isin(list(VOTE_AS_OBSERVATION))]
    cast = cast[voted.index]
    name = actor_name or actor_id
    return pd.DataFrame({
        "option_id": option_id,
        "date": voted["date"].to_list(),
        "observed": cast.map(VOTE_AS_OBSERVATION).to_list(),
        "description": [f"UN Security Council, {outcome.replace('_', ' ')}: {subject}; {name} "
                        f"voted {vote}." for outcome, subject, vote in zip(
                            voted["outcome"], voted["subject"], cast, strict=True)],
        "source_id": voted["source_id"].to_list(),
    })


def later_observations(behaviour: pd.DataFrame, un_votes: pd.DataFrame, options: pd.Index,
                       after: PartialDate, *, member_votes: pd.DataFrame, actor_id: str,
                       actor_name: str | None = None) -> pd.DataFrame:
    """What the focus actor (``actor_id``) did after ``after`` (the article's date): the rows
    of behaviour.csv dated later, and its later UN votes (member_votes.csv) read as
    observations on the option the votes bear on (see ``vote_option``), where behaviour.csv
    has no row of that option on that date. The second step of the fit: did the motives
    change, or was the reading wrong?"""
    day_after = after.last_day + dt.timedelta(days=1)
    start = PartialDate(day_after.year, day_after.month, day_after.day)
    option = vote_option(behaviour, un_votes)
    votes = vote_observations(un_votes, member_votes, actor_id, option, actor_name)
    known = set(zip(behaviour["option_id"], behaviour["date"].map(str), strict=True))
    votes = votes[[(option, str(d)) not in known for d in votes["date"]]]
    rows = pd.concat([behaviour, votes], ignore_index=True)
    return observations(rows, options, start=start)


def case_later_observations(case) -> pd.DataFrame:
    """``later_observations`` of a loaded case: what its focus actor did after the article.

    >>> from casebook import load_case
    >>> case = load_case()
    >>> later = case_later_observations(case)
    >>> bool((later["date"].map(lambda d: d.first_day) > case.article.date.last_day).all())
    True
    """
    return later_observations(case.behaviour, case.un_votes, case.options.index,
                              case.article.date, member_votes=case.member_votes,
                              actor_id=case.focus_actor,
                              actor_name=case.actors.loc[case.focus_actor, "short_name"])


def fit(effects: pd.DataFrame, weights: Mapping | pd.Series, observed: pd.DataFrame,
        band: float = UNDECIDED_BAND) -> pd.DataFrame:
    """One row per observation: what the weighting predicts for its option and whether that
    explains it. Observations that disagree each keep their own row.

    >>> effects = pd.DataFrame({"a": [1]}, index=pd.Index(["x"], name="option_id"))
    >>> rows = pd.DataFrame({"option_id": ["x", "x"], "date": ["d1", "d2"],
    ...     "observed": ["supported", "opposed"], "description": ["", ""], "source_id": ["", ""]})
    >>> fit(effects, {"a": 1}, rows)[["observed", "predicted", "explained"]].values.tolist()
    [['supported', 'support', True], ['opposed', 'support', False]]
    """
    scores = option_scores(effects, weights)
    predicted = stances(scores, band)
    table = observed.copy()
    table["score"] = table["option_id"].map(scores)
    table["predicted"] = table["option_id"].map(predicted)
    table["explained"] = table["observed"].map(EXPLAINED_BY) == table["predicted"]
    return table


def fit_by_option(effects: pd.DataFrame, weights: Mapping | pd.Series, observed: pd.DataFrame,
                  options: pd.DataFrame, band: float = UNDECIDED_BAND) -> pd.DataFrame:
    """Predicted against observed, one row per option (the table beside the chart): score,
    predicted stance, every observation (those that disagree each listed), and how many of
    them the prediction explains.

    >>> effects = pd.DataFrame({"a": [1, -1]}, index=pd.Index(["x", "y"], name="option_id"))
    >>> options = pd.DataFrame({"short_label": ["X", "Y"]}, index=effects.index)
    >>> rows = pd.DataFrame({"option_id": ["x", "x"], "date": ["d1", "d2"],
    ...     "observed": ["supported", "opposed"], "description": ["", ""], "source_id": ["", ""]})
    >>> fit_by_option(effects, {"a": 1}, rows, options)["explained"].to_list()
    ['1 of 2 (observations disagree)', 'none observed']
    """
    return option_table(fit(effects, weights, observed, band), effects.index, options,
                        option_scores(effects, weights), band)


def option_table(rows: pd.DataFrame, option_ids: pd.Index, options: pd.DataFrame,
                 scores: pd.Series, band: float = UNDECIDED_BAND) -> pd.DataFrame:
    """``fit_by_option`` from a ``fit`` table and the scores already computed (the widget
    computes them once per move)."""
    predicted = stances(scores, band)
    observed_text, explained_text = [], []
    by_option = {option: (list(seen), list(hits)) for option, seen, hits in zip(
        *_grouped(rows["option_id"], rows["observed"], rows["explained"]), strict=True)}
    for option in option_ids:
        seen, hits = by_option.get(option, ([], []))
        observed_text.append(_observed_summary(pd.Series(seen, dtype=object)))
        if not seen:
            explained_text.append("none observed")
            continue
        note = " (observations disagree)" if len(set(seen)) > 1 else ""
        explained_text.append(f"{sum(hits)} of {len(seen)}{note}")
    return pd.DataFrame({
        "option": options["short_label"].reindex(option_ids).to_list(),
        "score": scores.reindex(option_ids).round(2).to_list(),
        "predicted": predicted.reindex(option_ids).to_list(),
        "observed": observed_text,
        "explained": explained_text,
    }, index=option_ids)


def _grouped(keys: pd.Series, *columns: pd.Series) -> tuple[list, ...]:
    """The distinct keys in order of first appearance, and for each key the values of each
    column in its rows (one pass, no filtering per key)."""
    groups: dict = {}
    for key, *values in zip(keys, *columns, strict=True):
        for store, value in zip(groups.setdefault(key, tuple([] for _ in columns)), values,
                                strict=True):
            store.append(value)
    return list(groups), *([group[i] for group in groups.values()] for i in range(len(columns)))


def _observed_summary(observed: pd.Series) -> str:
    """'supported x4, opposed x1' in the order first seen; '-' for none.

    >>> _observed_summary(pd.Series(["supported", "opposed", "supported"]))
    'supported x2, opposed x1'
    """
    counts: dict[str, int] = {}
    for stance in observed:
        counts[stance] = counts.get(stance, 0) + 1
    return ", ".join(f"{stance} x{n}" for stance, n in counts.items()) or "-"


def explained_count(rows: pd.DataFrame) -> tuple[int, int]:
    """(explained, observations) of a ``fit`` table.

    >>> explained_count(pd.DataFrame({"explained": [True, False, True]}))
    (2, 3)
    """
    return int(rows["explained"].sum()), len(rows)


def _label_list(labels: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'.

    >>> _label_list(["A", "B", "C"])
    'A, B and C'
    """
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def summary_sentence(predicted: pd.Series, labels: pd.Series, explained: int, total: int,
                     actor: str = "the focus actor", scores: pd.Series | None = None) -> str:
    """The widget's sentence: what the weights predict, how many observations that explains
    and, given the ``scores``, the closest call (the score nearest zero), which moves with
    almost every change of a weight.

    >>> predicted = pd.Series({"x": "support", "y": "oppose", "z": "undecided", "w": "support"})
    >>> labels = pd.Series({"x": "Talks", "y": "Force", "z": "Measures", "w": "Ferry"})
    >>> scores = pd.Series({"x": 1.2, "y": -0.8, "z": -0.093, "w": 0.4})
    >>> print(summary_sentence(predicted, labels, 5, 7, actor="Ann", scores=scores))
    ... # doctest: +NORMALIZE_WHITESPACE
    With these weights Ann would back Talks and Ferry, and oppose Force; it would be
    undecided on Measures. 5 of 7 observed stances explained. Closest call: Measures at
    −0.09.
    """
    def chosen(stance: str) -> str:
        return _label_list([labels[o] for o in predicted.index if predicted[o] == stance])

    back, oppose, undecided = chosen(SUPPORT), chosen(OPPOSE), chosen(UNDECIDED)
    clauses = [f"back {back}" if back else "", f"oppose {oppose}" if oppose else ""]
    acts = ", and ".join(c for c in clauses if c)
    if acts:
        text = f"With these weights {actor} would {acts}"
        text += f"; it would be undecided on {undecided}." if undecided else "."
    else:
        text = f"With these weights {actor} would be undecided on {undecided}."
    text += f" {explained} of {total} observed stances explained."
    if scores is not None and len(scores):
        closest = scores.abs().idxmin()
        value = round(float(scores[closest]), 2) + 0.0
        signed = f"+{value:.2f}" if value > 0 else f"−{-value:.2f}" if value < 0 else "0.00"
        text += f" Closest call: {labels[closest]} at {signed}."
    return text


def preset_fit(effects: pd.DataFrame, weight_matrix: pd.DataFrame, observed: pd.DataFrame,
               presets: pd.DataFrame, options: pd.DataFrame,
               band: float = UNDECIDED_BAND) -> pd.DataFrame:
    """Each reading's fit: observations explained, and the options where it misses one.

    >>> effects = pd.DataFrame({"a": [1], "b": [-1]}, index=pd.Index(["x"], name="option_id"))
    >>> matrix = pd.DataFrame({"a": [1.0, 0.0], "b": [0.0, 1.0]}, index=["p", "q"])
    >>> rows = pd.DataFrame({"option_id": ["x"], "date": ["d"], "observed": ["supported"],
    ...     "description": [""], "source_id": [""]})
    >>> presets = pd.DataFrame({"label": ["P", "Q"]}, index=["p", "q"])
    >>> options = pd.DataFrame({"short_label": ["X"]}, index=["x"])
    >>> preset_fit(effects, matrix, rows, presets, options)["explained"].to_list()
    [1, 0]
    """
    records = []
    for preset, weights in weight_matrix.iterrows():
        rows = fit(effects, weights, observed, band)
        missed = rows.loc[~rows["explained"], "option_id"].unique()
        records.append({
            "reading": presets.loc[preset, "label"],
            "explained": int(rows["explained"].sum()),
            "of": len(rows),
            "misses on": ", ".join(options.loc[missed, "short_label"]) or "-",
        })
    return pd.DataFrame(records, index=weight_matrix.index)


@dataclass(frozen=True)
class Weighting:
    """One weighting tested: its scores, predictions, the fit observation by observation
    (``rows``), the table by option, the count explained and the summary sentence."""

    weights: pd.Series
    scores: pd.Series
    predicted: pd.Series
    rows: pd.DataFrame
    table: pd.DataFrame
    explained: tuple[int, int]
    sentence: str
    option_labels: pd.Series
    band: float


def weigh(case, weights: Mapping | pd.Series, observed: pd.DataFrame | None = None,
          band: float = UNDECIDED_BAND) -> Weighting:
    """Test ``weights`` against the observations (by default those known on the article's
    date) of a loaded case: everything a lesson shows about one weighting."""
    if observed is None:
        observed = observations(case.behaviour, case.options.index, end=case.article.date)
    effects = case.effect_matrix()
    weights = check_weights(weights, effects.columns)
    rows = fit(effects, weights, observed, band)
    scores = option_scores(effects, weights)
    predicted = stances(scores, band)
    explained = explained_count(rows)
    labels = case.options["short_label"]
    actor = str(case.actors.loc[case.focus_actor, "short_name"])
    return Weighting(weights, scores, predicted, rows,
                     option_table(rows, effects.index, case.options, scores, band), explained,
                     summary_sentence(predicted, labels, *explained, actor=actor, scores=scores),
                     labels, band)


def missed_table(rows: pd.DataFrame, options: pd.DataFrame,
                 sources: pd.DataFrame) -> pd.DataFrame:
    """The observations a weighting does not explain, with what it predicts instead and the
    source of each.

    >>> rows = pd.DataFrame({"option_id": ["x", "x"], "date": ["d1", "d2"],
    ...     "observed": ["supported", "opposed"], "predicted": ["support"] * 2,
    ...     "explained": [True, False], "description": ["a", "b"], "source_id": ["s", "s"]})
    >>> missed_table(rows, pd.DataFrame({"short_label": ["X"]}, index=["x"]),
    ...              pd.DataFrame({"title": ["T"]}, index=["s"]))["source"].to_list()
    ['T']
    """
    missed = rows[~rows["explained"]]
    titles = sources["title"].to_dict()
    return pd.DataFrame({
        "option": options["short_label"].reindex(missed["option_id"]).to_list(),
        "date": missed["date"].map(str).to_list(),
        "observed": missed["observed"].to_list(),
        "predicted": missed["predicted"].to_list(),
        "what happened": missed["description"].to_list(),
        "source": [titles.get(s, s) for s in missed["source_id"]],
    })


# -- 5. The whole weight space ---------------------------------------------------------------

@lru_cache(maxsize=8)
def _compositions(parts: int, total: int) -> np.ndarray:
    """Every way to write ``total`` as ``parts`` non-negative whole numbers, one per row
    (stars and bars), built column by column with numpy: no Python loop over rows."""
    rows = np.zeros((1, 0), dtype=np.int16)
    left = np.array([total], dtype=np.int16)
    for _ in range(parts - 1):
        counts = left.astype(np.int64) + 1
        parent = np.repeat(np.arange(len(rows)), counts)
        starts = np.repeat(np.cumsum(counts) - counts, counts)
        first = (np.arange(int(counts.sum())) - starts).astype(np.int16)
        rows = np.column_stack([rows[parent], first])
        left = left[parent] - first
    grid = np.column_stack([rows, left])
    grid.setflags(write=False)
    return grid


def simplex_grid(factors: int, step: float = GRID_STEP) -> np.ndarray:
    """Every weighting of ``factors`` factors in steps of ``step``, summing to 1: one row
    each. For seven factors in steps of 0.05 that is 230,230 weightings.

    >>> simplex_grid(3, 0.5).tolist()  # doctest: +NORMALIZE_WHITESPACE
    [[0.0, 0.0, 1.0], [0.0, 0.5, 0.5], [0.0, 1.0, 0.0], [0.5, 0.0, 0.5], [0.5, 0.5, 0.0],
     [1.0, 0.0, 0.0]]
    >>> simplex_grid(7).shape
    (230230, 7)
    """
    return _compositions(factors, _steps(step)) / _steps(step)


def _steps(step: float) -> int:
    steps = round(1 / step)
    if steps < 1 or not math.isclose(steps * step, 1):
        raise WeightsError(f"grid step {step!r}: expected 1 divided by a whole number, e.g. 0.05")
    return steps


@dataclass(frozen=True)
class WeightSpace:
    """Every weighting on the grid (``counts`` in grid steps, one row each) and the stance it
    predicts for every option (``stances``: -1 oppose, 0 undecided, 1 support)."""

    factors: pd.Index
    options: pd.Index
    steps: int
    counts: np.ndarray
    stances: np.ndarray

    @property
    def weights(self) -> np.ndarray:
        return self.counts / self.steps

    def __len__(self) -> int:
        return len(self.counts)


def weight_space(effects: pd.DataFrame, band: float = UNDECIDED_BAND,
                 step: float = GRID_STEP) -> WeightSpace:
    """Every weighting on the simplex grid and the stances it predicts, in one numpy pass.
    Scores are computed in whole grid steps, so the band is compared exactly.

    >>> effects = pd.DataFrame({"a": [1], "b": [-1]}, index=pd.Index(["x"], name="option_id"))
    >>> space = weight_space(effects, step=0.25)
    >>> space.weights.tolist(), space.stances[:, 0].tolist()
    ([[0.0, 1.0], [0.25, 0.75], [0.5, 0.5], [0.75, 0.25], [1.0, 0.0]], [-1, -1, 0, 1, 1])
    """
    steps = _steps(step)
    counts = _compositions(len(effects.columns), steps)
    scaled = counts.astype(np.int32) @ effects.to_numpy(dtype=np.int32).T  # score x steps
    limit = band * steps
    # Written into one int8 array: nested np.where would hold two int64 copies of the
    # 230,230 x options scores at once, the largest memory peak of lessons 06 and 10.
    codes = np.zeros(scaled.shape, dtype=np.int8)
    codes[scaled > limit + 1e-9] = 1
    codes[scaled < -limit - 1e-9] = -1
    return WeightSpace(effects.columns, effects.index, steps, counts, codes)


def explained_per_weighting(space: WeightSpace, observed: pd.DataFrame) -> np.ndarray:
    """How many observations each weighting of the grid explains.

    >>> effects = pd.DataFrame({"a": [1], "b": [-1]}, index=pd.Index(["x"], name="option_id"))
    >>> space = weight_space(effects, step=0.5)  # (0, 1) oppose, (.5, .5) undecided, (1, 0) support
    >>> seen = pd.DataFrame({"option_id": ["x", "x"], "observed": ["supported", "supported"]})
    >>> explained_per_weighting(space, seen).tolist()
    [0, 0, 2]
    """
    # counts[o, s]: observations of option o that stance s (0 oppose, 1 undecided, 2
    # support) would explain; then each weighting picks the count of the stance it predicts.
    table = np.zeros((len(space.options), 3), dtype=np.int32)
    position = {o: i for i, o in enumerate(space.options)}
    for option, seen in zip(observed["option_id"], observed["observed"], strict=True):
        table[position[option], STANCE_CODES[EXPLAINED_BY[seen]] + 1] += 1
    # One option at a time: a weighting x option x stance index array would take ~20 MB.
    explained = np.zeros(len(space), dtype=np.int64)
    for column, counts in enumerate(table):
        explained += counts[space.stances[:, column] + 1]
    return explained


def _fixed_mask(space: WeightSpace, fixed: Mapping[str, float] | None) -> np.ndarray:
    mask = np.ones(len(space), dtype=bool)
    for factor, share in (fixed or {}).items():
        if factor not in space.factors:
            raise WeightsError(f"unknown factor {factor!r}: expected one of "
                               f"{', '.join(space.factors)}")
        column = space.factors.get_loc(factor)
        mask &= space.counts[:, column] == round(share * space.steps)
    return mask


@dataclass(frozen=True)
class SearchResult:
    """The weightings of the grid that explain the most observations (``best``), with the
    other factors held as ``fixed`` asked."""

    space_size: int
    searched: int
    best_count: int
    observations: int
    best: pd.DataFrame  # one row per best weighting, columns the factors (shares)
    unexplainable: pd.DataFrame  # observations that no searched weighting explains with the rest

    def ranges(self, labels: pd.Series | None = None) -> pd.DataFrame:
        """The lowest and highest share (in %) of each factor among the best weightings,
        by factor id or, given ``labels``, by label."""
        table = pd.DataFrame({"lowest share %": (self.best.min() * 100).round(1),
                              "highest share %": (self.best.max() * 100).round(1)})
        if labels is not None:
            table.index = labels.reindex(table.index).to_list()
            table.index.name = "factor"
        return table


def search(effects: pd.DataFrame, observed: pd.DataFrame, band: float = UNDECIDED_BAND,
           step: float = GRID_STEP, fixed: Mapping[str, float] | None = None) -> SearchResult:
    """The inverse question: of all weightings on the grid (with the factors in ``fixed``
    held at the given shares, e.g. ``{"calm": 0}``), which explain the most
    observations? Observations that disagree cannot all be explained, so "explains
    everything" means "explains as many as any weighting can".

    >>> effects = pd.DataFrame({"a": [1], "b": [-1]}, index=pd.Index(["x"], name="option_id"))
    >>> rows = pd.DataFrame({"option_id": ["x"], "observed": ["opposed"]})
    >>> result = search(effects, rows, step=0.25)
    >>> result.best_count, result.best.to_dict("list")
    (1, {'a': [0.0, 0.25], 'b': [1.0, 0.75]})
    """
    space = weight_space(effects, band, step)
    mask = _fixed_mask(space, fixed)
    explained = explained_per_weighting(space, observed)[mask]
    if explained.size == 0:
        raise WeightsError("no weighting on the grid has the fixed shares asked for")
    best_count = int(explained.max())
    best_rows = np.flatnonzero(mask)[explained == best_count]
    best = pd.DataFrame(space.counts[best_rows] / space.steps, columns=space.factors)
    # An observation is unexplainable when none of the best weightings explains it.
    stance_of_best = space.stances[best_rows]
    position = {o: i for i, o in enumerate(space.options)}
    lost = [not np.any(stance_of_best[:, position[o]] == STANCE_CODES[EXPLAINED_BY[s]])
            for o, s in zip(observed["option_id"], observed["observed"], strict=True)]
    return SearchResult(len(space), int(mask.sum()), best_count, len(observed), best,
                        observed[lost].reset_index(drop=True))


def weightings_predicting(effects: pd.DataFrame, required: Mapping[str, str],
                          band: float = UNDECIDED_BAND, step: float = GRID_STEP,
                          fixed: Mapping[str, float] | None = None) -> pd.DataFrame:
    """The weightings on the grid (with ``fixed`` factors held) that predict every stance in
    ``required`` (option -> 'support', 'oppose' or 'undecided'), one row each, shares as
    columns. Empty when none does: then nothing on the grid can explain it.

    >>> effects = pd.DataFrame({"a": [1], "b": [-1]}, index=pd.Index(["x"], name="option_id"))
    >>> weightings_predicting(effects, {"x": "support"}, step=0.25, fixed={"a": 0}).empty
    True
    """
    space = weight_space(effects, band, step)
    mask = _fixed_mask(space, fixed)
    for option, stance in required.items():
        if stance not in STANCE_CODES:
            raise WeightsError(f"stance {stance!r} for {option!r}: expected one of "
                               f"{', '.join(STANCE_CODES)}")
        mask &= space.stances[:, space.options.get_loc(option)] == STANCE_CODES[stance]
    return pd.DataFrame(space.counts[mask] / space.steps, columns=space.factors)


def describe_search(found: pd.DataFrame, searched: int, factors: pd.DataFrame) -> str:
    """A sentence on the weightings ``weightings_predicting`` found among ``searched``:
    how many, and the least share each factor needs among them (where above 0).

    >>> factors = pd.DataFrame({"short_label": ["A", "B"]}, index=["a", "b"])
    >>> print(describe_search(pd.DataFrame({"a": [0.5, 0.75], "b": [0.5, 0.25]}), 5, factors))
    ... # doctest: +NORMALIZE_WHITESPACE
    2 of 5 weightings on the grid do (40.0%). Every one of them gives A at least 50% and
    B at least 25%.
    >>> describe_search(pd.DataFrame({"a": [], "b": []}), 5, factors)
    'None of the 5 weightings on the grid does.'
    """
    if found.empty:
        return f"None of the {searched:,} weightings on the grid does."
    least = found.min()
    needs = [f"{factors.loc[f, 'short_label']} at least {least[f] * 100:.0f}%"
             for f in found.columns if least[f] > 0]
    text = (f"{len(found):,} of {searched:,} weightings on the grid do "
            f"({len(found) / searched:.1%}).")
    if needs:
        text += f" Every one of them gives {_label_list(needs)}."
    return text


def grid_size(factors: int, step: float = GRID_STEP) -> int:
    """How many weightings the grid holds for ``factors`` free factors.

    >>> grid_size(7), grid_size(6)
    (230230, 53130)
    """
    steps = _steps(step)
    return math.comb(steps + factors - 1, factors - 1)


def describe_best(result: SearchResult, options: pd.DataFrame) -> str:
    """The search's answer in words: how many weightings explain the most observations, and
    which observations none of them explains.

    >>> best = pd.DataFrame({"a": [1.0]})
    >>> missed = pd.DataFrame({"option_id": ["x"], "date": ["2017-09-05"], "observed": ["opposed"]})
    >>> print(describe_best(SearchResult(10, 10, 2, 3, best, missed),
    ...       pd.DataFrame({"short_label": ["X"]}, index=["x"])))  # doctest: +NORMALIZE_WHITESPACE
    1 of the 10 weightings searched (10.0%) explain 2 of the 3 observations, the most any
    weighting on the grid can. None of them explains: X opposed (2017-09-05).
    """
    text = (f"{len(result.best):,} of the {result.searched:,} weightings searched "
            f"({len(result.best) / result.searched:.1%}) explain {result.best_count} of the "
            f"{result.observations} observations, the most any weighting on the grid can.")
    if len(result.unexplainable):
        missed = [f"{options.loc[o, 'short_label']} {seen} ({date})" for o, date, seen in zip(
            result.unexplainable["option_id"], result.unexplainable["date"],
            result.unexplainable["observed"], strict=True)]
        text += f" None of them explains: {'; '.join(missed)}."
    return text


def preset_predictions(effects: pd.DataFrame, weight_matrix: pd.DataFrame,
                       band: float = UNDECIDED_BAND) -> pd.DataFrame:
    """Options x readings: the stance each reading predicts for each option.

    >>> effects = pd.DataFrame({"a": [1], "b": [-1]}, index=pd.Index(["x"], name="option_id"))
    >>> matrix = pd.DataFrame({"a": [3.0, 1.0], "b": [1.0, 1.0]}, index=["p", "q"])
    >>> preset_predictions(effects, matrix).loc["x"].to_dict()
    {'p': 'support', 'q': 'undecided'}
    """
    return pd.DataFrame({preset: stances(option_scores(effects, weights), band)
                         for preset, weights in weight_matrix.iterrows()})


def discrimination(effects: pd.DataFrame, weight_matrix: pd.DataFrame, observed: pd.DataFrame,
                   presets: pd.DataFrame, options: pd.DataFrame,
                   band: float = UNDECIDED_BAND, step: float = GRID_STEP) -> pd.DataFrame:
    """Which options tell the readings apart. Per option: what was observed, whether all
    readings predict the same stance, which readings predict what, and the share of *all*
    weightings on the grid that predict support: an option that nearly every weighting
    predicts the same way cannot tell any two readings apart, however well they fit it."""
    predicted = preset_predictions(effects, weight_matrix, band)
    space = weight_space(effects, band, step)
    records = []
    for position, option in enumerate(effects.index):
        by_stance = {s: [presets.loc[p, "label"] for p in predicted.columns
                         if predicted.loc[option, p] == s] for s in (SUPPORT, UNDECIDED, OPPOSE)}
        column = space.stances[:, position]
        records.append({
            "option": options.loc[option, "short_label"],
            "observed": _observed_summary(observed.loc[observed["option_id"] == option,
                                                       "observed"]),
            "all readings agree": predicted.loc[option].nunique() == 1,
            "readings predict": "; ".join(f"{s}: {', '.join(names)}"
                                          for s, names in by_stance.items() if names),
            "grid: support %": round(float((column == 1).mean()) * 100, 1),
            "grid: oppose %": round(float((column == -1).mean()) * 100, 1),
        })
    return pd.DataFrame(records, index=effects.index)


def describe_discrimination(table: pd.DataFrame, readings: int) -> str:
    """Plain words for the ``discrimination`` table.

    >>> table = pd.DataFrame({"option": ["X", "Y"], "all readings agree": [True, False],
    ...     "grid: support %": [100.0, 40.0], "grid: oppose %": [0.0, 50.0]})
    >>> print(describe_discrimination(table, 3))  # doctest: +NORMALIZE_WHITESPACE
    The 3 readings predict the same stance on 1 of 2 options (X): a good fit there is
    shared by every reading and proves nothing about which is right. They differ only on
    Y. Every weighting on the grid predicts the same stance on X.
    """
    same = table[table["all readings agree"]]
    differ = table[~table["all readings agree"]]
    text = (f"The {readings} readings predict the same stance on {len(same)} of {len(table)} "
            f"options ({_label_list(same['option'].to_list())}): a good fit there is shared "
            "by every reading and proves nothing about which is right.")
    if len(differ):
        text += f" They differ only on {_label_list(differ['option'].to_list())}."
    settled = table[(table["grid: support %"] == 100) | (table["grid: oppose %"] == 100)]
    if len(settled):
        text += (" Every weighting on the grid predicts the same stance on "
                 f"{_label_list(settled['option'].to_list())}.")
    return text


# -- sensitivity -----------------------------------------------------------------------------

def break_even(effects: pd.DataFrame, weights: Mapping | pd.Series,
               band: float = UNDECIDED_BAND, weight_max: float = WEIGHT_MAX) -> pd.DataFrame:
    """Break-even weights: for every option and factor, how far that factor's weight can move
    (the others held) before the option's predicted stance changes. One row per option and
    factor: ``weight`` now, ``stance`` now; ``lower``: the weight below which the stance
    becomes ``below`` (NaN if it holds down to 0); ``upper``: the weight above which it
    becomes ``above`` (NaN if it holds up to ``weight_max``).

    The score with factor j at weight x is (A + x e) / (B + x), where A and B are the other
    factors' weighted effects and weights: it moves steadily towards e as x grows, so it
    crosses each edge of the band at most once, at x = (edge * B - A) / (e - edge).

    >>> effects = pd.DataFrame({"a": [1], "b": [-1]}, index=pd.Index(["x"], name="option_id"))
    >>> row = break_even(effects, {"a": 3, "b": 1}, band=0).iloc[0]
    >>> row["factor_id"], row["stance"], float(row["lower"]), row["below"], float(row["upper"])
    ('a', 'support', 1.0, 'oppose', nan)
    """
    current = check_weights(weights, effects.columns)
    now = stances(option_scores(effects, current), band)
    records = []
    for option, row in effects.astype(float).iterrows():
        for factor in effects.columns:
            others = current.drop(factor)
            a, b = float((row.drop(factor) * others).sum()), float(others.sum())
            record = {"option_id": option, "factor_id": factor, "weight": current[factor],
                      "stance": now[option], "lower": np.nan, "below": None,
                      "upper": np.nan, "above": None}
            weight = current[factor]
            for x, before, after in _crossings(a, b, row[factor], band, weight_max):
                # Moving down from the weight reaches x and then the stance just below it.
                if x <= weight and before != now[option] and not record["lower"] >= x:
                    record["lower"], record["below"] = round(x, 2), before
                if x >= weight and after != now[option] and not record["upper"] <= x:
                    record["upper"], record["above"] = round(x, 2), after
            records.append(record)
    return pd.DataFrame(records)


def _crossings(a: float, b: float, effect: float, band: float, weight_max: float
               ) -> list[tuple[float, str, str]]:
    """Where (a + x e)/(b + x), for x from 0 to ``weight_max``, crosses an edge of the band:
    (x, the stance just below x, the stance just above x)."""
    found = []
    for edge in (band, -band):
        if math.isclose(effect, edge):
            continue  # the score then never reaches this edge
        x = (edge * b - a) / (effect - edge)
        if 0 <= x <= weight_max and b + x > 0:
            tiny = 1e-6
            below = _stance_at(a, b, effect, max(x - tiny, 0), band)
            found.append((x, below, _stance_at(a, b, effect, x + tiny, band)))
    return found


def _stance_at(a: float, b: float, effect: float, x: float, band: float) -> str:
    score = round((a + x * effect) / (b + x), _ROUND)
    return SUPPORT if score > band else OPPOSE if score < -band else UNDECIDED


def stance_intervals(effects: pd.DataFrame, weights: Mapping | pd.Series,
                     band: float = UNDECIDED_BAND, weight_max: float = WEIGHT_MAX
                     ) -> pd.DataFrame:
    """For every option and factor, the stretches of that factor's weight (0 to
    ``weight_max``, the others held) over which the predicted stance stays the same: columns
    option_id, factor_id, start, end, stance. The score moves steadily with the weight, so
    there are at most three stretches (e.g. oppose, undecided, support).

    >>> effects = pd.DataFrame({"a": [2], "b": [-1]}, index=pd.Index(["x"], name="option_id"))
    >>> table = stance_intervals(effects, {"a": 1, "b": 4}, weight_max=10)
    >>> table[table["factor_id"] == "a"][["start", "end", "stance"]].values.tolist()
    [[0.0, 1.71, 'oppose'], [1.71, 2.32, 'undecided'], [2.32, 10.0, 'support']]
    """
    current = check_weights(weights, effects.columns)
    records = []
    for option, row in effects.astype(float).iterrows():
        for factor in effects.columns:
            others = current.drop(factor)
            a, b = float((row.drop(factor) * others).sum()), float(others.sum())
            edges = sorted({0.0, float(weight_max)} | {
                x for x, _, _ in _crossings(a, b, row[factor], band, weight_max)})
            for start, end in zip(edges[:-1], edges[1:], strict=True):
                if end - start < 1e-9:
                    continue
                stance = _stance_at(a, b, row[factor], (start + end) / 2, band)
                if records and records[-1]["option_id"] == option and (
                        records[-1]["factor_id"] == factor and records[-1]["stance"] == stance):
                    records[-1]["end"] = round(end, 2)  # a crossing that only touches an edge
                    continue
                records.append({"option_id": option, "factor_id": factor,
                                "start": round(start, 2), "end": round(end, 2),
                                "stance": stance})
    return pd.DataFrame(records)


def nearest_flips(table: pd.DataFrame, options: pd.DataFrame,
                  factors: pd.DataFrame) -> pd.DataFrame:
    """For each option, the single weight change that flips its stance soonest, from a
    ``break_even`` table: which factor, from what weight to what, and the new stance.

    >>> table = pd.DataFrame({"option_id": ["x", "x"], "factor_id": ["a", "b"],
    ...     "weight": [3.0, 1.0], "stance": ["support"] * 2, "lower": [1.0, np.nan],
    ...     "below": ["oppose", None], "upper": [np.nan, 2.5], "above": [None, "oppose"]})
    >>> row = nearest_flips(table, pd.DataFrame({"short_label": ["X"]}, index=["x"]),
    ...     pd.DataFrame({"short_label": ["A", "B"]}, index=["a", "b"])).iloc[0]
    >>> row["factor"], float(row["flips at"]), float(row["change"]), row["becomes"]
    ('B', 2.5, 1.5, 'oppose')
    """
    records = []
    for option, rows in table.groupby("option_id", sort=False):
        best = None
        for _, row in rows.iterrows():
            for edge, becomes in (("lower", "below"), ("upper", "above")):
                if pd.notna(row[edge]):
                    change = abs(row[edge] - row["weight"])
                    if best is None or change < best[0]:
                        best = (change, row["factor_id"], float(row["weight"]),
                                float(row[edge]), row[becomes])
        stance = rows["stance"].iloc[0]
        label = options.loc[option, "short_label"]
        if best is None:
            records.append({"option": label, "stance": stance, "factor": "-", "weight now": np.nan,
                            "flips at": np.nan, "change": np.nan, "becomes": "-"})
            continue
        change, factor, weight, edge, becomes = best
        records.append({"option": label, "stance": stance,
                        "factor": factors.loc[factor, "short_label"], "weight now": weight,
                        "flips at": edge, "change": round(float(change), 2),
                        "becomes": becomes})
    return pd.DataFrame(records, index=table["option_id"].unique())


# -- pairwise elicitation (AHP) --------------------------------------------------------------

def pairwise_matrix(judgements: Mapping[tuple[str, str], float], factors: Iterable[str]
                    ) -> pd.DataFrame:
    """The reciprocal comparison matrix from judgements ``{(a, b): v}``: a is v times as
    important as b, v on Saaty's 1-9 scale or its reciprocal (1/9 ... 1). Pairs not given
    count as equal (1).

    >>> pairwise_matrix({("a", "b"): 3}, ["a", "b"]).round(3).values.tolist()
    [[1.0, 3.0], [0.333, 1.0]]
    """
    factors = list(factors)
    matrix = pd.DataFrame(np.ones((len(factors), len(factors))), index=factors, columns=factors)
    for (a, b), value in judgements.items():
        for name in (a, b):
            if name not in factors:
                raise WeightsError(f"judgement ({a!r}, {b!r}): unknown factor {name!r}, "
                                   f"expected one of {', '.join(factors)}")
        if a == b:
            raise WeightsError(f"judgement ({a!r}, {b!r}): a factor is not compared with itself")
        if isinstance(value, bool) or not isinstance(value, numbers.Real) or not (
                1 / 9 - 1e-9 <= value <= 9 + 1e-9):
            raise WeightsError(f"judgement ({a!r}, {b!r}) is {value!r}: expected a number "
                               "from 1/9 to 9 (Saaty's scale)")
        matrix.loc[a, b], matrix.loc[b, a] = float(value), 1 / float(value)
    return matrix


@dataclass(frozen=True)
class AhpResult:
    """Weights from pairwise judgements, and how consistent the judgements are."""

    weights: pd.Series
    lambda_max: float
    consistency_index: float
    consistency_ratio: float
    worst_pair: tuple[str, str] | None  # the judgement that most breaks consistency
    worst_given: float | None  # what was judged for it
    worst_implied: float | None  # what the weights imply for it

    @property
    def consistent(self) -> bool:
        return self.consistency_ratio <= CONSISTENCY_LIMIT


def ahp(matrix: pd.DataFrame) -> AhpResult:
    """Saaty's analytic hierarchy process: weights from the principal eigenvector of the
    comparison matrix; consistency index CI = (lambda_max - n) / (n - 1) and consistency
    ratio CR = CI / RI, with Saaty's random index RI for n factors. The judgement that most
    breaks consistency is the one furthest (by ratio) from what the weights imply.

    >>> result = ahp(pairwise_matrix({("a", "b"): 2, ("a", "c"): 4, ("b", "c"): 2}, "abc"))
    >>> result.weights.round(4).to_list(), round(result.consistency_ratio, 6)
    ([0.5714, 0.2857, 0.1429], 0.0)
    """
    values = matrix.to_numpy(dtype=float)
    n = len(values)
    if n not in RANDOM_INDEX:
        raise WeightsError(f"{n} factors: Saaty's random index is given for 1 to 10 factors")
    eigenvalues, eigenvectors = np.linalg.eig(values)
    top = int(np.argmax(eigenvalues.real))
    vector = np.abs(eigenvectors[:, top].real)
    weights = pd.Series(vector / vector.sum(), index=matrix.index, name="weight")
    lambda_max = float(eigenvalues[top].real)
    index = max(0.0, (lambda_max - n) / (n - 1)) if n > 1 else 0.0
    ratio = index / RANDOM_INDEX[n] if RANDOM_INDEX[n] else 0.0
    worst = given = implied = None
    if n > 2:
        implied_matrix = np.outer(vector, 1 / vector)
        deviation = np.abs(np.log(values / implied_matrix))
        i, j = np.unravel_index(int(np.argmax(np.triu(deviation, 1))), deviation.shape)
        worst = (str(matrix.index[i]), str(matrix.index[j]))
        given, implied = float(values[i, j]), float(implied_matrix[i, j])
    return AhpResult(weights, lambda_max, index, ratio, worst, given, implied)


def saaty_words(value: float) -> str:
    """A judgement in words: '3 (moderately more important)' or '1/5 (strongly less ...)'.

    >>> saaty_words(5), saaty_words(1 / 3), saaty_words(1)
    ('5 (strongly more important)', '1/3 (moderately less important)', '1 (equally important)')
    """
    words = {1: "equally", 3: "moderately", 5: "strongly", 7: "very strongly", 9: "extremely"}
    if value >= 1:
        whole = round(value)
        degree = words.get(whole, f"between {words.get(whole - 1, '')} and "
                                  f"{words.get(whole + 1, '')}")
        return f"{whole} ({degree} {'important' if whole == 1 else 'more important'})"
    whole = round(1 / value)
    degree = words.get(whole, f"between {words.get(whole - 1, '')} and {words.get(whole + 1, '')}")
    return f"1/{whole} ({degree} less important)"


def ahp_report(result: AhpResult, labels: Mapping[str, str]) -> str:
    """The consistency in plain words, with a warning naming the worst judgement when the
    ratio is above 0.1.

    >>> judged = {("a", "b"): 2, ("a", "c"): 4, ("a", "d"): 8, ("b", "c"): 2, ("b", "d"): 4,
    ...           ("c", "d"): 1 / 5}
    >>> print(ahp_report(ahp(pairwise_matrix(judged, "abcd")), dict(zip("abcd", "ABCD"))))
    ... # doctest: +NORMALIZE_WHITESPACE
    Warning: consistency ratio 0.27 is above 0.1: the judgements contradict each other.
    The judgement that most breaks consistency: C against D, judged 1/5 (strongly less
    important), while the other judgements imply about 1/1.8.
    """
    ratio = result.consistency_ratio
    if result.consistent:
        return (f"Consistency ratio {ratio:.2f} (at most {CONSISTENCY_LIMIT} is acceptable): "
                "the judgements hang together.")
    a, b = result.worst_pair
    return (f"Warning: consistency ratio {ratio:.2f} is above {CONSISTENCY_LIMIT}: the "
            "judgements contradict each other. The judgement that most breaks consistency: "
            f"{labels[a]} against {labels[b]}, judged {saaty_words(result.worst_given)}, "
            f"while the other judgements imply about {_ratio_text(result.worst_implied)}.")


def _ratio_text(value: float) -> str:
    """A ratio as Saaty writes it: 2.5, or 1/2.5 below 1 (1.0 for about equal).

    >>> _ratio_text(2.46), _ratio_text(0.4), _ratio_text(0.98)
    ('2.5', '1/2.5', '1.0')
    """
    return f"1/{1 / value:.1f}" if round(1 / value, 1) > 1 else f"{value:.1f}"


def weights_from_ahp(result: AhpResult, weight_max: float = WEIGHT_MAX) -> pd.Series:
    """AHP weights on the sliders' scale: the largest at ``weight_max``, rounded to 0.5.

    >>> weights_from_ahp(AhpResult(pd.Series({"a": 0.6, "b": 0.3, "c": 0.1}), 3, 0, 0,
    ...                            None, None, None)).to_list()
    [10.0, 5.0, 1.5]
    """
    scaled = result.weights / result.weights.max() * weight_max
    return (scaled * 2).round() / 2
