"""Facts of lesson 06 (weighing the factors): every number, name and verdict its text,
answers and key points give, computed with the same model functions as its code cells
(``casebook.model.weights``), so that text and tables cannot disagree.

The lesson picks two things from the data, and its questions, exercises, checks and
solutions all name them from here: the factor the article weighs least
(``least_weighted_factor``; on a tie the first in the case's order of factors) and the
option the focus actor's UN votes are observations of (``model.weights.vote_option``).

>>> from casebook import load_case
>>> values = facts(load_case())
>>> values["least_label"] in values["factor_labels"], values["known_total"] > 0
(True, True)
"""

from __future__ import annotations

import json
import math

import pandas as pd

from ..model import weights as wm
from ..schema import TABLES
from ..text import count, in_words, joined
from ..widgets.weights import SLIDER_STEP

GRID_PERCENT = 100
# The scale of effects.csv, within which a cell may be moved (from the schema).
_EFFECT = TABLES["effects"].column("effect")
EFFECT_RANGE = (int(_EFFECT.minimum), int(_EFFECT.maximum))


def least_weighted_factor(weights: pd.Series) -> str:
    """The factor a weighting weighs least; on a tie, the first of them in the weighting's
    order (the case's order of factors), so the lesson always asks about the same one.

    >>> least_weighted_factor(pd.Series({"a": 3.0, "b": 1.0, "c": 1.0}))
    'b'
    """
    if weights.empty:
        raise wm.WeightsError("the weighting has no factor: expected at least one")
    return str(weights.index[weights.to_numpy().argmin()])


def held_at_zero(factor_id: str) -> dict:
    """The ``fixed`` argument of the searches that hold one factor at a share of 0.

    >>> held_at_zero("a")
    {'a': 0}
    """
    return {factor_id: 0}


def _number(value: float) -> str:
    """A weight or share as a reader writes it: 9, 1.45, 0.5.

    >>> _number(9.0), _number(1.45), _number(0.5)
    ('9', '1.45', '0.5')
    """
    return f"{value:g}"


def _score(value: float) -> str:
    """A score with its sign, as the chart shows it: +0.25, −0.09, 0.00.

    >>> _score(-0.093), _score(0.25), _score(0.0)
    ('−0.09', '+0.25', '0.00')
    """
    value = round(float(value), 2) + 0.0
    return f"+{value:.2f}" if value > 0 else f"−{-value:.2f}" if value < 0 else "0.00"


def _none_or_words(number: int) -> str:
    """'none' for 0, else the number in words.

    >>> _none_or_words(0), _none_or_words(3)
    ('none', 'three')
    """
    return "none" if number == 0 else in_words(number)


def _verb(items, one: str, many: str) -> str:
    return one if len(items) == 1 else many


def _observation_lines(rows: pd.DataFrame, labels: pd.Series | None = None,
                       indent: str = "") -> str:
    """One Markdown list item per observation: date, what was observed, what happened;
    ``indent`` puts the list inside an item of a numbered list."""
    lines = []
    for row in rows.itertuples():
        option = f"{labels[row.option_id]}, " if labels is not None else ""
        lines.append(f"- {option}{row.date.spelled()}, *{row.observed}*: {row.description}")
    return ("\n" + indent).join(lines) or "- (none)"


def _weighted(labels: pd.Series, weights: pd.Series, factors) -> list[str]:
    return [f"{labels[f]} ({_number(weights[f])})" for f in factors]


def _balance(option: str, effects: pd.DataFrame, weights: pd.Series,
             labels: pd.Series) -> str:
    """Why an option scores as it does: the weighted factors it harms against those it
    serves."""
    row = effects.loc[option]
    harmed = [f for f in effects.columns if row[f] < 0 and weights[f] > 0]
    served = [f for f in effects.columns if row[f] > 0 and weights[f] > 0]
    harm = f"the harm to {joined(_weighted(labels, weights, harmed))}"
    gain = f"the gain to {joined(_weighted(labels, weights, served))}"
    score = wm.option_scores(effects, weights)[option]
    if not harmed and not served:
        return "no weighted factor is touched by it"
    if not harmed:
        return f"it harms no weighted factor: {gain} decides"
    if not served:
        return f"it serves no weighted factor: {harm} decides"
    if score < 0:
        return f"{harm} outweighs {gain}"
    if score > 0:
        return f"{gain} outweighs {harm}"
    return f"{harm} exactly balances {gain}"


def _most(rows: pd.DataFrame) -> int:
    """The most observations of one option any single prediction explains."""
    return int(rows["observed"].map(wm.EXPLAINED_BY).value_counts().max()) if len(rows) else 0


def _summary_words(observed: pd.Series) -> str:
    """'four *supported* and one *opposed*'."""
    counts = observed.value_counts(sort=False)
    return joined(f"{in_words(int(n))} *{stance}*" for stance, n in counts.items())


def _ranking(fits: pd.DataFrame, labels: pd.Series) -> list[tuple[int, list[str]]]:
    """Readings grouped by how many observations they explain, most first."""
    groups = []
    for explained in sorted(fits["explained"].unique(), reverse=True):
        groups.append((int(explained), [str(labels[p]) for p in
                                        fits.index[fits["explained"] == explained]]))
    return groups


def _ranking_text(groups: list[tuple[int, list[str]]]) -> str:
    return "; ".join(f"{joined(names)} ({n})" for n, names in groups)


def _percent(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "0%"


def ranking_hinges(effects: pd.DataFrame, matrix: pd.DataFrame, observed: pd.DataFrame,
                   presets: pd.DataFrame, options: pd.DataFrame) -> pd.DataFrame:
    """The single effect cells whose change by one point (within the scale) changes which
    readings fit best: one row per such change, with the best readings before and after.

    >>> effects = pd.DataFrame({"a": [1], "b": [0]}, index=pd.Index(["x"], name="option_id"))
    >>> matrix = pd.DataFrame({"a": [1.0, 0.0], "b": [0.0, 1.0]}, index=["p", "q"])
    >>> rows = pd.DataFrame({"option_id": ["x"], "date": ["d"], "observed": ["supported"],
    ...     "description": [""], "source_id": [""]})
    >>> presets = pd.DataFrame({"label": ["P", "Q"]}, index=["p", "q"])
    >>> options = pd.DataFrame({"short_label": ["X"]}, index=["x"])
    >>> hinges = ranking_hinges(effects, matrix, rows, presets, options)
    >>> [(h.factor_id, h.effect, h.best) for h in hinges.itertuples()]
    [('a', 0, ['P', 'Q']), ('b', 1, ['P', 'Q'])]
    """
    low, high = EFFECT_RANGE

    def best_of(table: pd.DataFrame) -> list[str]:
        fits = wm.preset_fit(table, matrix, observed, presets, options)
        top = fits["explained"].max()
        return [str(presets.loc[p, "label"]) for p in fits.index if fits.loc[p, "explained"] == top]

    before = best_of(effects)
    records = []
    for option in effects.index:
        for factor in effects.columns:
            for step in (-1, 1):
                value = int(effects.loc[option, factor]) + step
                if not low <= value <= high:
                    continue
                changed = effects.copy()
                changed.loc[option, factor] = value
                after = best_of(changed)
                if after != before:
                    records.append({"option_id": option, "factor_id": factor, "effect": value,
                                    "was": int(effects.loc[option, factor]), "best": after})
    return pd.DataFrame(records, columns=["option_id", "factor_id", "effect", "was", "best"])


def facts(case) -> dict:  # noqa: PLR0915 - one lesson's facts, in the order of the lesson
    effects = case.effect_matrix()
    matrix = case.weight_matrix()
    factor_labels = case.factors["short_label"]
    option_labels = case.options["short_label"]
    preset_labels = case.presets["label"]
    article = wm.article_preset(case.presets, case.article.source_id)
    weights = matrix.loc[article]
    shares = wm.normalise(weights)
    focus = str(case.actors.loc[case.focus_actor, "short_name"])
    values: dict = {
        "band": _number(wm.UNDECIDED_BAND),
        "weight_max": _number(wm.WEIGHT_MAX),
        "slider_step": _number(SLIDER_STEP),
        "effect_low": int(effects.to_numpy().min()) if effects.size else 0,
        "effect_high": int(effects.to_numpy().max()) if effects.size else 0,
        "factor_count": len(case.factors),
        "option_count": len(case.options),
        "factor_labels": list(factor_labels),
        "article_reading": str(preset_labels[article]),
        "article_total": _number(float(weights.sum())),
        "consistency_limit": _number(wm.CONSISTENCY_LIMIT),
    }

    # The band: the most one point more or less on one weight moves a score.
    moves = []
    base = wm.option_scores(effects, weights)
    for factor in effects.columns:
        for step in (-1, 1):
            moved = weights.copy()
            moved[factor] = max(0.0, moved[factor] + step)
            if moved.sum() > 0:
                moves.append(float((wm.option_scores(effects, moved) - base).abs().max()))
    values["one_point_move"] = f"{max(moves, default=0):.2f}"

    # The factors the course adds to the article's (read from the factors table).
    added = [f for f in case.factors.index if case.factors.loc[f, "in_article"] == "no"]
    values["added_factors"] = [factor_labels[f] for f in added]
    values["added_count"] = len(added)
    values["article_factor_count"] = len(case.factors) - len(added)

    # The factor the article weighs least: the lesson's picked factor.
    least = least_weighted_factor(weights)
    tied = [f for f in weights.index if weights[f] == weights[least]]
    values.update(
        least=least, least_label=str(factor_labels[least]),
        least_weight=_number(weights[least]),
        least_paragraph=int(case.factors.loc[least, "paragraph"]),
        least_tie=(f"{joined(factor_labels[f] for f in tied)} share the article's least weight "
                   f"({_number(weights[least])}); the lesson asks about {factor_labels[least]}, "
                   "the first of them in the case's order of factors, and the code picks the "
                   "same one." if len(tied) > 1 else ""),
    )

    # 2. The fit on what was known on the article's date.
    known = wm.observations(case.behaviour, case.options.index, end=case.article.date)
    fit = wm.weigh(case, weights, known)
    rows = fit.rows
    explained, total = fit.explained
    values.update(known_total=total, article_explained=explained,
                  article_sentence=fit.sentence, focus=focus)
    undecided = [o for o in fit.predicted.index if fit.predicted[o] == wm.UNDECIDED]
    if undecided:
        first = undecided[0]
        mine = rows[rows["option_id"] == first]
        values["undecided_answer"] = (
            f"**{joined(option_labels[o] for o in undecided)}**, with "
            f"{_verb(undecided, 'a score', 'scores')} of "
            f"{joined('**' + _score(fit.scores[o]) + '**' for o in undecided)}, inside the "
            f"undecided band. For {option_labels[first]}, "
            f"{_balance(first, effects, weights, factor_labels)}.")
        values["undecided_observations"] = (
            f"**{count(len(mine), 'observation', words=True).capitalize()}** of "
            f"{option_labels[first]}:\n\n"
            + "   " + _observation_lines(mine, indent="   ") + "\n\n   "
            f"The article's weighting explains {_none_or_words(int(mine['explained'].sum()))} "
            "of them."
            if len(mine) else f"**None**: {option_labels[first]} has no observation known on "
            "the article's date.")
    else:
        values["undecided_answer"] = ("**None**: every option's score lies outside the "
                                      "undecided band.")
        values["undecided_observations"] = "There is no undecided option to look at."
    disagree = [o for o in case.options.index
                if rows.loc[rows["option_id"] == o, "observed"].nunique() > 1]
    values["disagree_labels"] = [option_labels[o] for o in disagree]
    if disagree:
        parts = [f"**{option_labels[o]}** "
                 f"({_summary_words(rows.loc[rows['option_id'] == o, 'observed'])})"
                 for o in disagree]
        bests = [f"on {option_labels[o]} {_most(rows[rows['option_id'] == o])} of "
                 f"{int((rows['option_id'] == o).sum())}" for o in disagree]
        values["disagree_answer"] = (
            f"{joined(parts)}. One prediction cannot match observations of different kinds: "
            f"the best any weighting can do is {joined(bests)}.")
    else:
        values["disagree_answer"] = ("**None**: on every option the observations known on the "
                                     "article's date agree, so a weighting could explain them "
                                     "all.")

    values["disagree_notes"] = "; ".join(
        f"{option_labels[o]}: {_summary_words(rows.loc[rows['option_id'] == o, 'observed'])}"
        for o in disagree) or "none here"
    # With no band at all: what the undecided predictions become.
    sharp = wm.weigh(case, weights, known, band=0)
    if undecided:
        values["zero_band_effect"] = (
            "predicts " + joined(f"*{sharp.predicted[o]}* for {option_labels[o]} (score "
                                 f"{_score(fit.scores[o])})" for o in undecided)
            + f" and explains {sharp.explained[0]} of {total} instead of {explained}.")
    else:
        values["zero_band_effect"] = "predicts what it predicts with the band: none of its "
        values["zero_band_effect"] += "scores lies inside it."

    # 3. Where it fails.
    missed = rows[~rows["explained"]]
    values["miss_count"] = len(missed)
    if len(missed):
        per_option = missed["option_id"].value_counts(sort=False)
        top = str(per_option.idxmax())
        values["misses_key_point"] = (
            f"{_none_or_words(int(per_option[top]))} of its "
            f"{count(len(missed), 'miss', words=True)} "
            f"{_verb(range(int(per_option[top])), 'is', 'are')} on **{option_labels[top]}**, "
            f"where it predicts *{fit.predicted[top]}*")
        values["misses_summary"] = (
            f"{in_words(int(per_option[top])).capitalize()} of the "
            f"{count(len(missed), 'miss', words=True)} "
            f"{_verb(range(int(per_option[top])), 'is', 'are')} on "
            f"**{option_labels[top]}**." if len(per_option) > 1 else
            f"{_verb(range(len(missed)), 'The miss is', 'All the misses are')} on "
            f"**{option_labels[top]}**.")
        others = missed[missed["option_id"] != top]
        values["other_misses"] = (
            "The other " + _verb(range(len(others)), "miss is", "misses are") + ":\n\n"
            + _observation_lines(others, option_labels) if len(others) else "")
    else:
        values["misses_summary"] = "The article's weighting misses nothing."
        values["misses_key_point"] = "it misses none of them"
        values["other_misses"] = ""

    # The UN votes: the option they observe.
    vote = wm.vote_option(case.behaviour, case.un_votes)
    values.update(vote_option=vote, vote_option_label=str(option_labels[vote]))
    known_votes = known[(known["option_id"] == vote)
                        & known["source_id"].isin(set(case.un_votes["source_id"]))]
    yes = known_votes[known_votes["observed"] == "supported"]
    years = sorted({d.year for d in yes["date"]})
    values["vote_yes_count"] = len(yes)
    # fit() keeps the index of the observations, so the yes votes' rows are found by it.
    values["article_vote_explained"] = _none_or_words(int(rows.loc[yes.index, "explained"].sum()))
    values["vote_record"] = (
        f"{focus} voted yes in {'all ' if len(yes) > 1 else ''}"
        f"{count(len(yes), 'UN Security Council vote', words=True)} on it known on the "
        f"article's date" + (f", from {years[0]} to {years[-1]}" if len(years) > 1 else "")
        + "." if len(yes) == len(known_votes) else
        f"{focus} voted yes in {in_words(len(yes))} of the "
        f"{count(len(known_votes), 'UN Security Council vote', words=True)} on it known on "
        "the article's date.")

    # The second step: what came after the article.
    later = wm.case_later_observations(case)
    later_fits = wm.preset_fit(effects, matrix, later, case.presets, case.options)
    later_article = int(later_fits.loc[article, "explained"]) if len(later) else 0
    later_best = int(later_fits["explained"].max()) if len(later) else 0
    predicted = wm.preset_predictions(effects, matrix)
    values.update(
        later_total=len(later), later_article=later_article, later_best_count=later_best,
        later_list=_observation_lines(later, option_labels, indent="   "),
        later_article_words=_none_or_words(later_article),
        later_best=[str(preset_labels[p]) for p in later_fits.index
                    if later_fits.loc[p, "explained"] == later_best and later_best > 0],
        later_options=[option_labels[o] for o in dict.fromkeys(later["option_id"])],
        article_on_vote=str(predicted.loc[vote, article]),
        later_ranking=_ranking_text(_ranking(later_fits, preset_labels)) if len(later) else "",
    )
    best_later = values["later_best"]
    values["later_best_text"] = (
        f"{joined(best_later)} {_verb(best_later, 'explains', 'explain')} the most, "
        f"**{later_best} of {len(later)}**" if best_later else
        "No reading explains any of them")
    support_readings = [str(preset_labels[p]) for p in predicted.columns
                        if predicted.loc[vote, p] == wm.SUPPORT]
    oppose_readings = [str(preset_labels[p]) for p in predicted.columns
                       if predicted.loc[vote, p] == wm.OPPOSE]
    values.update(vote_supporters=support_readings, vote_opposers=oppose_readings)

    # 4. The readings, their fit and how much they differ.
    fits = wm.preset_fit(effects, matrix, known, case.presets, case.options)
    basis = case.presets["weights_basis"]
    values.update(
        reading_count=len(case.presets),
        scholar_count=int(((case.presets.index != article)
                           & case.presets["source_id"].notna()).sum()),
        baseline_count=int(case.presets["source_id"].isna().sum()),
        from_texts_count=int((basis == "from_texts").sum()),
        illustrative_count=int((basis == "illustrative").sum()),
        known_ranking=_ranking_text(_ranking(fits, preset_labels)),
    )
    compared = wm.discrimination(effects, matrix, known, case.presets, case.options)
    agree = compared.index[compared["all readings agree"]]
    differ = compared.index[~compared["all readings agree"]]
    # Options on which the readings differ only because some are undecided (silent).
    silent = [o for o in differ if not ({wm.SUPPORT, wm.OPPOSE} <= set(predicted.loc[o]))]
    real = [o for o in differ if o not in silent]
    values["agree_observations"] = int(known["option_id"].isin(agree).sum())
    values.update(
        agree_count=len(agree), agree_labels=[option_labels[o] for o in agree],
        differ_labels=[option_labels[o] for o in differ],
        differ_ids=[str(o) for o in differ],
        real_differ_labels=[option_labels[o] for o in real],
        silent_labels=[option_labels[o] for o in silent],
    )
    if silent:
        option = silent[0]
        silent_presets = [p for p in predicted.columns if predicted.loc[option, p] == wm.UNDECIDED]
        touched = [f for f in effects.columns if effects.loc[option, f] != 0]
        values["silent_question"] = (
            f"The readings differ on *{option_labels[option]}* only because "
            f"{count(len(silent_presets), 'reading', words=True)} "
            f"{_verb(silent_presets, 'is', 'are')} undecided. Why "
            f"{_verb(silent_presets, 'is it', 'are they')} undecided, and is that a real "
            "disagreement?")
        zeros = all(matrix.loc[p, f] == 0 for p in silent_presets for f in touched)
        values["silent_answer"] = (
            f"{joined(preset_labels[p] for p in silent_presets)} "
            + (f"{_verb(silent_presets, 'gives', 'give')} **0** to "
               f"{_verb(touched, 'the factor', 'every factor')} {option_labels[option]} "
               f"touches ({joined(factor_labels[f] for f in touched)}), so "
               f"{_verb(silent_presets, 'its', 'their')} score is exactly 0: "
               f"{_verb(silent_presets, 'it is', 'they are')} *silent* on it, not contrary. A "
               "weighting that says nothing about a factor should not be read as denying it."
               if zeros else
               f"{_verb(silent_presets, 'scores', 'score')} it inside the band: the factors "
               "it serves and those it harms nearly balance, which is not the same as "
               "predicting the opposite."))
    else:
        values["silent_question"] = (
            "Is any disagreement between the readings only a matter of some being "
            "undecided, rather than one predicting support and another opposition?")
        values["silent_answer"] = (
            "No: wherever the readings differ, one predicts support and another opposition, "
            "a real disagreement.")
    differ_parts = []
    if real:
        differ_parts.append(f"they differ on {joined(option_labels[o] for o in real)}")
    if silent:
        differ_parts.append(f"on {joined(option_labels[o] for o in silent)} only through "
                            "readings that are undecided")
    values["differ_sentence"] = (", and ".join(differ_parts) if differ_parts else
                                 "they differ on none")
    values["silent_issue"] = (f'- *"Why is {joined(option_labels[o] for o in silent)} a '
                              f'disagreement?"* {values["silent_answer"]}' if silent else "")
    space = wm.weight_space(effects)
    values["grid_size"] = f"{len(space):,}"
    values["grid_step"] = _number(wm.GRID_STEP)
    settled = compared[(compared["grid: support %"] == GRID_PERCENT)
                       | (compared["grid: oppose %"] == GRID_PERCENT)]
    values["settled_labels"] = [option_labels[o] for o in settled.index]
    if len(settled):
        all_positive = all((effects.loc[o] > 0).all() for o in settled.index)
        values["settled_answer"] = (
            f"**{joined(option_labels[o] for o in settled.index)}**: every one of the "
            f"{values['grid_size']} weightings predicts the same stance"
            + (", because every factor gains from "
               + _verb(settled.index, "it", "them")
               + f" (effects all above 0). {focus}'s backing of "
               + _verb(settled.index, "it", "them")
               + " \"explains\" nothing about its motives: any motives would have produced "
               "it." if all_positive else "."))
    else:
        values["settled_answer"] = ("**None**: for every option some weighting on the grid "
                                    "predicts another stance.")
    lopsided = compared.drop(index=settled.index)
    if len(lopsided):
        top = lopsided[["grid: support %", "grid: oppose %"]].max(axis=1).idxmax()
        side = ("support" if lopsided.loc[top, "grid: support %"]
                >= lopsided.loc[top, "grid: oppose %"] else "oppose")
        values["next_lopsided"] = (
            f"Next comes {option_labels[top]}: {lopsided.loc[top, f'grid: {side} %']:g}% of "
            f"the weightings predict {side}.")
    else:
        values["next_lopsided"] = ""

    # The inverse search.
    best = wm.search(effects, known)
    values.update(
        best_weightings=f"{len(best.best):,}", best_percent=_percent(len(best.best), best.searched),
        best_count=best.best_count,
        unexplainable=_observation_lines(best.unexplainable, option_labels, indent="   "),
        unexplainable_count=len(best.unexplainable),
    )
    found = wm.weightings_predicting(effects, {vote: wm.SUPPORT}, fixed=held_at_zero(least))
    without = wm.grid_size(len(effects.columns) - 1)
    values.update(without_least=f"{without:,}", found_count=f"{len(found):,}",
                  found_percent=_percent(len(found), without))
    harmed = [f for f in effects.columns if effects.loc[vote, f] < 0]
    values["vote_harms"] = [factor_labels[f] for f in harmed]
    if len(found):
        least_share = found.min()
        needs = [f for f in found.columns if least_share[f] > 0]
        values["found_answer"] = (
            f"**Yes**: {values['found_count']} of the {values['without_least']} weightings with "
            f"{factor_labels[least]} at 0 ({values['found_percent']}) predict support for "
            f"{option_labels[vote]}"
            + (", and every one gives " + joined(
                f"**{factor_labels[f]} at least {least_share[f] * 100:.0f}%**" for f in needs)
               if needs else "") + ".")
        values["needs_text"] = joined(f"{factor_labels[f]} at least "
                                      f"{least_share[f] * 100:.0f}%" for f in needs)
        values["needs"] = [factor_labels[f] for f in needs]
        supports = fit.predicted[vote] == wm.SUPPORT
        values["article_question"] = (
            f"Does the article's reading predict support for {option_labels[vote]}? "
            + ("Why not, though it gives "
               + joined(f"{factor_labels[f]} a weight of {_number(weights[f])}" for f in needs)
               + "?" if needs and not supports else "Why?"))
        values["article_meets"] = (
            ("**Yes**" if supports else "**No**")
            + f": it predicts *{fit.predicted[vote]}* ({_score(base[vote])}), because "
            f"{_balance(vote, effects, weights, factor_labels)}.")
    else:
        values["found_answer"] = (
            f"**No**: none of the {values['without_least']} weightings with "
            f"{factor_labels[least]} at 0 predicts support for {option_labels[vote]}: in this "
            f"model the votes need weight on {factor_labels[least]}.")
        values["needs"] = []
        values["needs_text"] = ""
        values["article_question"] = (
            f"Does the article's reading predict support for {option_labels[vote]}? Why?")
        values["article_meets"] = (f"The question does not arise: no weighting without "
                                   f"{factor_labels[least]} predicts the votes.")

    # 5. Sensitivity.
    table = wm.break_even(effects, weights)
    flips = wm.nearest_flips(table, case.options, case.factors)
    firm = [o for o in flips.index if flips.loc[o, "becomes"] == "-"]
    values.update(firm_count=len(firm), firm_labels=[option_labels[o] for o in firm],
                  firm_agree_labels=[option_labels[o] for o in firm if o in agree])
    fragile = flips.drop(index=firm)
    factor_of = {label: f for f, label in factor_labels.items()}
    if len(fragile):
        weakest = str(fragile["change"].idxmin())
        values["fragile_key_point"] = (f"The article's most fragile prediction is on "
                                       f"{option_labels[weakest]}.")
        row = fragile.loc[weakest]
        moves = table[(table["option_id"] == weakest)
                      & (table["factor_id"] == factor_of[row["factor"]])].iloc[0]
        turns = []
        if pd.notna(moves["lower"]):
            turns.append(f"lowering it below **{_number(moves['lower'])}** turns the prediction "
                         f"to *{moves['below']}*")
        if pd.notna(moves["upper"]):
            turns.append(f"raising it above **{_number(moves['upper'])}** turns it to "
                         f"*{moves['above']}*")
        values["fragile_answer"] = (
            f"**{option_labels[weakest]}**, now *{row['stance']}*: {row['factor']} stands at "
            f"{_number(row['weight now'])}; " + "; ".join(turns) + ".")
        rest = [f"{option_labels[o]} ({fragile.loc[o, 'factor']} at "
                f"{_number(fragile.loc[o, 'flips at'])}: {fragile.loc[o, 'becomes']})"
                for o in fragile.index if o != weakest]
        values["fragile_others"] = (f"The other {_verb(rest, 'prediction', 'predictions')} "
                                    f"that can flip: {joined(rest)}." if rest else
                                    "No other prediction can flip.")
    else:
        values["fragile_answer"] = ("**None**: no single weight anywhere on the sliders' scale "
                                    "flips any prediction.")
        values["fragile_key_point"] = ("No single weight change flips any of the article's "
                                       "predictions.")
        values["fragile_others"] = ""
    mine = table[table["option_id"] == vote]
    zero_flip = mine[(effects.loc[vote, mine["factor_id"]].to_numpy() == 0)
                     & mine["lower"].notna()]
    if len(zero_flip):
        labels = [factor_labels[f] for f in zero_flip["factor_id"]]
        at = sorted(set(zero_flip["lower"]))
        becomes = sorted(set(zero_flip["below"]))
        values["zero_question"] = (
            f"{joined(labels)} {_verb(labels, 'has', 'have')} **no effect** on "
            f"{option_labels[vote]} (0), yet lowering "
            f"{_verb(labels, 'its weight', 'either weight')} "
            f"below {joined(_number(x) for x in at)} turns the prediction to "
            f"*{joined(becomes)}*. How can that be?")
        values["zero_answer"] = (
            f"Weights are shares. Lowering {labels[0]} raises the shares of all the others, "
            f"including {joined(values['vote_harms'])}, which {option_labels[vote]} "
            "harms, and those it serves; the score moves accordingly. A factor can matter to "
            "an option through the others even when it has no effect of its own.")
    else:
        values["zero_question"] = (
            f"Can a factor with **no effect** on {option_labels[vote]} still change its "
            "prediction? Look at the rows of the tornado chart.")
        values["zero_answer"] = (
            "Here no factor without an effect on it flips it within the sliders' scale, but "
            "it could: weights are shares, so lowering one factor raises the shares of all "
            "the others.")

    # Exercise 3: the break-even weight of the least factor for backing the vote option.
    stretches = wm.stance_intervals(effects, weights)
    row = stretches[(stretches["option_id"] == vote) & (stretches["factor_id"] == least)]
    support = row[row["stance"] == wm.SUPPORT]
    now = str(fit.predicted[vote])
    if support.empty:
        values["break_even"] = ""
        values["break_even_answer"] = (
            f"No weight of {factor_labels[least]} from 0 to {values['weight_max']} makes the "
            f"model back {option_labels[vote]} with the article's other weights: the check "
            "says so whatever you answer.")
    else:
        start = float(support["start"].iloc[0])
        values["break_even"] = _number(start)
        if start <= weights[least]:
            how = "the article's own weight already makes the model back it"
        else:
            ratio = start / weights[least] if weights[least] else math.inf
            closest = (matrix[least] - start).abs().drop(index=article).idxmin() if len(
                matrix) > 1 else article
            more = "more than " if ratio > int(ratio) else ""
            how = ((f"the article would have to rate {factor_labels[least]} {more}"
                    f"{in_words(int(ratio))} times as highly as it does"
                    if math.isfinite(ratio) and int(ratio) >= 2 else
                    f"the article would have to rate {factor_labels[least]} higher "
                    "than it does")
                   + f" (the closest reading: {preset_labels[closest]}, with "
                   f"{_number(matrix.loc[closest, least])})")
        values["break_even_answer"] = (
            f"The solid (support) stretch of the {factor_labels[least]} row starts at "
            f"**{values['break_even']}**: {how}, for the model to predict {focus}'s votes.")
    values["vote_now"] = now

    # 6. The widget: lowering the factor whose lowering backs the vote option soonest.
    lowering = mine[(mine["below"] == wm.SUPPORT) & mine["lower"].notna()]
    if len(lowering):
        pick = lowering.loc[(lowering["weight"] - lowering["lower"]).idxmin()]
        factor, edge = str(pick["factor_id"]), float(pick["lower"])
        step = SLIDER_STEP
        slider = math.ceil(edge / step) * step - step
        moved = weights.copy()
        moved[factor] = slider
        at_slider = wm.weigh(case, moved, known)
        values["lower_factor"] = str(factor_labels[factor])
        values["lower_question"] = (
            f"Press *Reset*, then lower **{factor_labels[factor]}** step by step. At what "
            f"weight does the model start to back {option_labels[vote]}, and how many "
            "observations does it explain then?")
        values["lower_answer"] = (
            f"At **{_number(slider)}** (the tornado chart puts the break-even at "
            f"{_number(edge)}, between the slider's {_number(slider + step)} and "
            f"{_number(slider)}): the model backs {option_labels[vote]} and explains "
            f"**{at_slider.explained[0]} of {at_slider.explained[1]}**.")
    else:
        values["lower_factor"] = ""
        values["lower_question"] = (
            f"Press *Reset*, then lower each slider in turn. Does lowering any one weight make "
            f"the model back {option_labels[vote]}?")
        values["lower_answer"] = (f"No: lowering no single weight makes the model back "
                                  f"{option_labels[vote]}.")
    best_known = int(fits["explained"].max())
    values.update(
        best_readings=[str(preset_labels[p]) for p in fits.index
                       if fits.loc[p, "explained"] == best_known],
        best_reading_count=best_known,
        best_reading_is_best=best_known == best.best_count,
    )
    tops = values["best_readings"]
    values["best_claim"] = joined(tops) + " " + _verb(tops, "fits best, so is right",
                                                      "fit best, so are right")
    # How much the ranking's top hangs on single effect cells (the course's coding).
    hinges = ranking_hinges(effects, matrix, known, case.presets, case.options)
    cells = hinges[["option_id", "factor_id"]].drop_duplicates()
    changeable = sum(1 for o in effects.index for f in effects.columns for step in (-1, 1)
                     if EFFECT_RANGE[0] <= int(effects.loc[o, f]) + step <= EFFECT_RANGE[1])
    values.update(hinge_cells=len(cells), hinge_changes=len(hinges), effect_cells=effects.size,
                  effect_changes=changeable)
    if len(hinges):
        first = hinges.iloc[0]
        values["hinge_text"] = (
            f"The top of this ranking rests on the course's coded effects: of the "
            f"{changeable} one-point changes of a single effect cell, "
            f"{count(len(hinges), 'change', words=True)} in "
            f"{count(len(cells), 'cell', words=True)} "
            f"{_verb(range(len(hinges)), 'alters', 'alter')} which readings fit best. For "
            f"example, {option_labels[first['option_id']]} on "
            f"{factor_labels[first['factor_id']]} at {int(first['effect']):+d} instead of "
            f"{int(first['was']):+d} leaves {joined(first['best'])} on top. Read the "
            "ranking as a property of this coding, not a verdict on the readings.")
    else:
        values["hinge_text"] = (
            f"No one-point change of a single effect cell (of {changeable}) alters which "
            "readings fit best: the top of this ranking does not hang on any one coded "
            "effect, though several changes together could still alter it.")

    # AHP: a circle of judgements over the first three factors.
    if len(case.factors) >= 3:
        a, b, c = list(case.factors.index[:3])
        values["circle"] = [factor_labels[f] for f in (a, b, c)]

        def circle(strength):
            return wm.ahp(wm.pairwise_matrix({(a, b): strength, (b, c): strength,
                                              (c, a): strength}, case.factors.index))

        strong, mild = circle(5), circle(3)
        first, second = strong.worst_pair
        values.update(
            circle_ratio=f"{strong.consistency_ratio:.2f}",
            circle_mild_ratio=f"{mild.consistency_ratio:.2f}",
            circle_worst=f"{factor_labels[first]} against {factor_labels[second]}",
            circle_worst_given=wm.saaty_words(strong.worst_given),
            circle_implied=wm.ahp_report(strong, factor_labels.to_dict()).rsplit(
                "imply about ", 1)[-1].rstrip("."),
            circle_strong_fails=not strong.consistent, circle_mild_passes=mild.consistent,
        )
    else:
        values.update(circle=list(factor_labels), circle_ratio="", circle_mild_ratio="",
                      circle_worst="", circle_worst_given="", circle_implied="",
                      circle_strong_fails=False, circle_mild_passes=True)

    # Exercise 4: an example weighting without the least factor, from the article's shares.
    held = wm.search(effects, known, fixed=held_at_zero(least))
    values["held_best"] = held.best_count
    nearest = (held.best - shares.reindex(held.best.columns)).abs().sum(axis=1).idxmin()
    example = (held.best.loc[nearest] * round(1 / wm.GRID_STEP) / 2)
    values["held_example"] = joined(f"{factor_labels[f]} {_number(example[f])}"
                                    for f in example.index)
    example_fit = wm.weigh(case, example, known)
    values["held_example_explained"] = example_fit.explained[0]

    # The saved-weights file, as the widget writes it for the article's weights.
    from ..weights_file import FORMAT_VERSION, weights_document

    values["file_version"] = FORMAT_VERSION
    document = weights_document(weights, "Ana", case.factors.index, case_title=case.title)
    shown = dict(document)
    keep = list(case.factors.index[:3])
    shown["weights"] = {**{f: document["weights"][f] for f in keep}, "...": "..."}
    shown["shares"] = {**{f: document["shares"][f] for f in keep[:2]}, "...": "..."}
    values["file_example"] = _compact_json(shown)
    values["first_factor_id"] = str(case.factors.index[0])
    # The instructor's table: each reading's fit before and after the article.
    lines = [f"| reading | observations known on {case.article.date.spelled()} explained (of "
             f"{total}) | later observations (of {len(later)}) |", "|---|---|---|"]
    for preset in case.presets.index:
        after = int(later_fits.loc[preset, "explained"]) if len(later) else 0
        lines.append(f"| {preset_labels[preset]} | {int(fits.loc[preset, 'explained'])} | "
                     f"{after} |")
    values["readings_table"] = "\n".join(lines)
    values["actor_count"] = len(case.actors)
    return values


def _compact_json(document: dict) -> str:
    """The file's JSON with each inner map on one line (shortened for reading).

    >>> print(_compact_json({"kind": "k", "weights": {"a": 1}}))
    {
      "kind": "k",
      "weights": {"a": 1}
    }
    """
    items = [f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
             for key, value in document.items()]
    return "{\n" + ",\n".join(items) + "\n}"
