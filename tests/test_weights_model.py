"""The weighting model (casebook.model.weights): scores, stances, fit, the search of the
weight space, discrimination, break-even weights and AHP. Small made-up effect tables give
exact expected numbers; properties are checked on many random weightings."""

import itertools

import numpy as np
import pandas as pd
import pytest

from casebook.dates import PartialDate
from casebook.model import weights as model

EFFECTS = pd.DataFrame({"peace": [2, -1, 0], "status": [-1, 2, 1], "money": [0, -2, 2]},
                       index=pd.Index(["talks", "sanctions", "trade"], name="option_id"))


def observations(*rows):
    """Observations as (option, date, observed) tuples."""
    return pd.DataFrame({"option_id": [r[0] for r in rows],
                         "date": [PartialDate.parse(r[1]) for r in rows],
                         "observed": [r[2] for r in rows],
                         "description": [""] * len(rows), "source_id": [""] * len(rows)})


# -- weights, scores, stances -----------------------------------------------------------------

def test_scores_are_the_sum_of_normalised_weight_times_effect():
    scores = model.option_scores(EFFECTS, {"peace": 2, "status": 1, "money": 1})
    assert scores.to_dict() == {"talks": 0.75, "sanctions": -0.5, "trade": 0.75}


def test_stances_follow_the_stated_band_both_edges_undecided():
    scores = pd.Series([0.11, 0.1, 0.0, -0.1, -0.11])
    assert model.UNDECIDED_BAND == 0.1
    assert model.stances(scores).to_list() == ["support", "undecided", "undecided", "undecided",
                                               "oppose"]
    assert model.stances(scores, band=0).to_list() == ["support"] * 2 + ["undecided"] + [
        "oppose"] * 2


@pytest.mark.parametrize("weights, message", [
    ({"peace": 1, "status": 1}, "no weight for 'money': expected one weight for every factor"),
    ({"peace": 1, "status": 1, "money": 1, "war": 2},
     "weight for unknown factor 'war': expected only peace, status, money"),
    ({"peace": -0.5, "status": 1, "money": 1},
     "weight of 'peace' is -0.5: expected a number from 0 up"),
    ({"peace": float("nan"), "status": 1, "money": 1},
     "weight of 'peace' is nan: expected a number"),
    ({"peace": True, "status": 1, "money": 1}, "weight of 'peace' is True: expected a number"),
    ({"peace": "3", "status": 1, "money": 1}, "weight of 'peace' is '3': expected a number"),
    ({"peace": 0, "status": 0, "money": 0},
     "all weights are 0: give at least one factor a weight above 0"),
])
def test_bad_weights_get_a_message_naming_the_factor_and_value(weights, message):
    with pytest.raises(model.WeightsError) as error:
        model.option_scores(EFFECTS, weights)
    assert str(error.value) == message


def test_numpy_numbers_are_weights_too():
    scores = model.option_scores(EFFECTS, {"peace": np.int64(2), "status": np.float32(1),
                                           "money": 1})
    assert scores["talks"] == 0.75


RNG = np.random.default_rng(2017)
RANDOM_EFFECTS = [pd.DataFrame(RNG.integers(-2, 3, size=(6, 5)),
                               columns=[f"f{i}" for i in range(5)]) for _ in range(20)]


@pytest.mark.parametrize("effects", RANDOM_EFFECTS)
def test_scaling_all_weights_leaves_every_stance_unchanged(effects):
    for _ in range(25):
        weights = pd.Series(RNG.uniform(0, 10, size=5), index=effects.columns)
        before = model.stances(model.option_scores(effects, weights))
        for factor in (0.01, 0.5, 3.0, 1000.0):
            after = model.stances(model.option_scores(effects, weights * factor))
            assert after.equals(before), (weights.to_dict(), factor)


STANCE_RANK = {"oppose": 0, "undecided": 1, "support": 2}


@pytest.mark.parametrize("effects", RANDOM_EFFECTS)
def test_raising_a_factor_never_lowers_an_option_it_favours(effects):
    """Raising factor j's weight (others held) never lowers the weighted sum of an option
    with a positive effect on j, nor moves its stance towards oppose; its normalised score
    moves towards the effect e_j, so it never falls below min(score before, e_j)."""
    for _ in range(25):
        weights = pd.Series(RNG.uniform(0, 10, size=5), index=effects.columns)
        factor = effects.columns[RNG.integers(5)]
        raised = weights.copy()
        raised[factor] += RNG.uniform(0.1, 5)
        before, after = (model.option_scores(effects, w) for w in (weights, raised))
        favoured = effects.index[effects[factor] > 0]
        for option in favoured:
            raw_before = float((effects.loc[option] * weights).sum())
            raw_after = float((effects.loc[option] * raised).sum())
            assert raw_after > raw_before
            assert after[option] >= min(before[option], effects.loc[option, factor]) - 1e-9
            stance_before, stance_after = (model.stances(s)[option] for s in (before, after))
            assert STANCE_RANK[stance_after] >= STANCE_RANK[stance_before]


# -- observations and fit -----------------------------------------------------------------------

def test_the_window_keeps_only_dates_wholly_inside_it():
    rows = observations(("talks", "2017-07-04", "supported"), ("talks", "2017-10", "opposed"),
                        ("trade", "2022-05-26", "opposed"), ("trade", "2016", "supported"))
    article = PartialDate.parse("2017-10-13")
    known = model.observations(rows, EFFECTS.index, end=article)
    assert [str(d) for d in known["date"]] == ["2017-07-04", "2016"]
    later = model.observations(rows, EFFECTS.index, start=PartialDate.parse("2017-10-14"))
    assert [str(d) for d in later["date"]] == ["2022-05-26"]


def test_observations_come_in_option_order_then_date_order():
    rows = observations(("trade", "2017-02", "supported"), ("talks", "2017-05", "supported"),
                        ("talks", "2017-01", "opposed"))
    ordered = model.observations(rows, EFFECTS.index)
    assert list(zip(ordered["option_id"], ordered["date"].map(str), strict=True)) == [
        ("talks", "2017-01"), ("talks", "2017-05"), ("trade", "2017-02")]


def test_disagreeing_observations_each_keep_their_row_and_are_not_majority_voted():
    rows = observations(("sanctions", "2017-06-02", "supported"),
                        ("sanctions", "2017-08-05", "supported"),
                        ("sanctions", "2017-09-05", "opposed"),
                        ("trade", "2017-09-11", "mixed"))
    weights = {"peace": 0, "status": 1, "money": 0}  # sanctions +2: support; trade +1: support
    fitted = model.fit(EFFECTS, weights, rows)
    assert fitted["explained"].to_list() == [True, True, False, False]
    table = model.fit_by_option(EFFECTS, weights, rows, pd.DataFrame(
        {"short_label": ["Talks", "Sanctions", "Trade"]}, index=EFFECTS.index))
    assert table.loc["sanctions", "observed"] == "supported x2, opposed x1"
    assert table.loc["sanctions", "explained"] == "2 of 3 (observations disagree)"
    assert table.loc["trade", "explained"] == "0 of 1"
    assert table.loc["talks", "explained"] == "none observed"


def test_a_mixed_observation_is_explained_by_an_undecided_prediction_only():
    rows = observations(("trade", "2017", "mixed"))
    undecided = {"peace": 2, "status": 0, "money": 0}  # trade: 0
    supports = {"peace": 0, "status": 0, "money": 1}
    assert model.fit(EFFECTS, undecided, rows)["explained"].to_list() == [True]
    assert model.fit(EFFECTS, supports, rows)["explained"].to_list() == [False]


def test_the_summary_sentence_changes_with_the_prediction_and_the_count():
    labels = pd.Series({"talks": "Talks", "sanctions": "Sanctions", "trade": "Trade"})
    predicted = pd.Series({"talks": "support", "sanctions": "oppose", "trade": "undecided"})
    assert model.summary_sentence(predicted, labels, 5, 7, actor="Moscow") == (
        "With these weights Moscow would back Talks, and oppose Sanctions; it would be "
        "undecided on Trade. 5 of 7 observed stances explained.")
    predicted[:] = "undecided"
    assert model.summary_sentence(predicted, labels, 0, 7) == (
        "With these weights the focus actor would be undecided on Talks, Sanctions and Trade. "
        "0 of 7 "
        "observed stances explained.")
    scores = pd.Series({"talks": 0.05, "sanctions": -0.04, "trade": 0.0})
    assert model.summary_sentence(predicted, labels, 0, 7, scores=scores).endswith(
        "explained. Closest call: Trade at 0.00.")
    assert model.summary_sentence(predicted, labels, 0, 7, scores=scores.drop("trade")).endswith(
        "explained. Closest call: Sanctions at −0.04.")


def test_un_votes_become_observations_of_the_option_their_sources_back():
    behaviour = pd.DataFrame({"option_id": ["sanctions", "sanctions", "trade"],
                              "date": [PartialDate.parse(d) for d in
                                       ("2016-11-30", "2017-08-05", "2017-08-05")],
                              "observed": ["supported", "supported", "mixed"],
                              "description": [""] * 3,
                              "source_id": ["res_a", "res_b", "res_b"]})
    votes = pd.DataFrame({
        "date": [PartialDate.parse(d) for d in ("2017-08-05", "2019-12", "2022-05-26")],
        "subject": ["B", "Relief draft", "Veto draft"],
        "outcome": ["adopted", "not_put_to_vote", "vetoed"],
        "source_id": ["res_b", "draft", "veto"]}, index=["v1", "v2", "v3"])
    # The focus actor FOC and another member OTH, whose votes must not be read as FOC's.
    member_votes = pd.DataFrame({"vote_id": ["v1", "v2", "v3", "v1", "v3"],
                                 "actor_id": ["FOC", "FOC", "FOC", "OTH", "OTH"],
                                 "vote": ["yes", "not_voted", "veto", "no", "yes"]})
    assert model.vote_option(behaviour, votes) == "sanctions"
    later = model.later_observations(behaviour, votes, EFFECTS.index,
                                     PartialDate.parse("2017-10-13"),
                                     member_votes=member_votes, actor_id="FOC",
                                     actor_name="Focus")
    assert later[["option_id", "observed"]].values.tolist() == [["sanctions", "opposed"]]
    assert str(later["date"].iloc[0]) == "2022-05-26"
    assert later["description"].iloc[0] == ("UN Security Council, vetoed: Veto draft; Focus "
                                            "voted veto.")
    other = model.vote_observations(votes, member_votes, "OTH", "sanctions")
    assert other["observed"].to_list() == ["opposed", "supported"]


def test_no_vote_option_without_a_supported_row_citing_a_vote():
    behaviour = pd.DataFrame({"option_id": ["x"], "observed": ["opposed"],
                              "source_id": ["res_a"]})
    with pytest.raises(model.WeightsError, match="no supported row of behaviour.csv cites"):
        model.vote_option(behaviour, pd.DataFrame({"source_id": ["res_a"]}))


# -- the weight space -----------------------------------------------------------------------

def test_the_simplex_grid_holds_every_weighting_once_and_each_sums_to_one():
    grid = model.simplex_grid(3, 0.25)
    assert len(grid) == 15  # C(4 + 2, 2)
    assert np.allclose(grid.sum(axis=1), 1)
    assert len({tuple(row) for row in grid}) == 15
    assert model.simplex_grid(7).shape == (230230, 7)


def test_a_grid_step_must_divide_one():
    with pytest.raises(model.WeightsError, match="grid step 0.3: expected 1 divided by"):
        model.simplex_grid(3, 0.3)


def brute_force_best(effects, rows, step):
    """The search, done slowly: every grid point in a Python loop."""
    steps = round(1 / step)
    best, winners = -1, []
    for counts in itertools.product(range(steps + 1), repeat=len(effects.columns)):
        if sum(counts) != steps:
            continue
        weights = dict(zip(effects.columns, counts, strict=True))
        explained = int(model.fit(effects, weights, rows)["explained"].sum())
        if explained > best:
            best, winners = explained, [counts]
        elif explained == best:
            winners.append(counts)
    return best, sorted(tuple(c / steps for c in w) for w in winners)


def test_the_search_finds_the_same_best_weightings_as_a_slow_loop():
    rows = observations(("talks", "2017", "supported"), ("sanctions", "2017", "supported"),
                        ("sanctions", "2017-02", "opposed"), ("trade", "2017", "opposed"))
    best, winners = brute_force_best(EFFECTS, rows, 0.1)
    result = model.search(EFFECTS, rows, step=0.1)
    # trade (status +1, money +2) can never be opposed; talks and the sanctions vote can both
    # be backed (e.g. peace 0.4, status 0.6), leaving out the opposed sanctions row.
    assert result.best_count == best == 2
    assert len(winners) > 0
    assert sorted(map(tuple, result.best.round(10).to_numpy())) == [
        tuple(round(x, 10) for x in w) for w in winners]
    assert result.searched == result.space_size == 66


def test_the_search_names_the_observations_no_best_weighting_explains():
    rows = observations(("talks", "2017", "supported"), ("talks", "2017-02", "opposed"))
    result = model.search(EFFECTS, rows, step=0.1)
    assert result.best_count == 1
    assert result.unexplainable["observed"].to_list() == []  # each is explained by some best
    only_support = observations(("talks", "2017", "supported"), ("talks", "2018", "supported"),
                                ("talks", "2017-02", "opposed"))
    result = model.search(EFFECTS, only_support, step=0.1)
    assert result.best_count == 2
    assert result.unexplainable["observed"].to_list() == ["opposed"]


def test_holding_a_factor_at_zero_restricts_the_search():
    rows = observations(("sanctions", "2017", "supported"))
    anything = model.weightings_predicting(EFFECTS, {"sanctions": "support"}, step=0.25)
    no_status = model.weightings_predicting(EFFECTS, {"sanctions": "support"}, step=0.25,
                                            fixed={"status": 0})
    # sanctions: -1 peace +2 status -2 money: nothing backs it without status.
    assert len(anything) > 0 and no_status.empty
    assert model.search(EFFECTS, rows, step=0.25, fixed={"status": 0}).best_count == 0
    assert (anything["status"] > 0).all()


def test_describe_search_says_how_many_and_what_every_one_needs():
    factors = pd.DataFrame({"short_label": ["Peace", "Status", "Money"]}, index=EFFECTS.columns)
    found = model.weightings_predicting(EFFECTS, {"sanctions": "support"}, step=0.25)
    # sanctions: -peace + 2 status - 2 money > 0.1; in quarters (p, s, m): (0, 4, 0),
    # (1, 3, 0), (0, 3, 1), (2, 2, 0), (1, 2, 1).
    assert model.describe_search(found, 15, factors) == (
        "5 of 15 weightings on the grid do (33.3%). Every one of them gives Status at least "
        "50%.")


def test_discrimination_tells_shared_fits_from_those_that_separate_readings():
    presets = pd.DataFrame({"label": ["Dove", "Hawk"]}, index=["dove", "hawk"])
    options = pd.DataFrame({"short_label": ["Talks", "Sanctions", "Trade"]}, index=EFFECTS.index)
    matrix = pd.DataFrame({"peace": [5.0, 5.0], "status": [1.0, 5.0], "money": [1.0, 0.0]},
                          index=["dove", "hawk"])
    rows = observations(("talks", "2017", "supported"))
    table = model.discrimination(EFFECTS, matrix, rows, presets, options, step=0.25)
    # Dove (5/7, 1/7, 1/7): talks +9/7, sanctions -5/7, trade +3/7.
    # Hawk (1/2, 1/2, 0): talks +1/2, sanctions +1/2, trade +1/2.
    assert table["all readings agree"].to_dict() == {"talks": True, "sanctions": False,
                                                     "trade": True}
    assert table.loc["sanctions", "readings predict"] == "support: Hawk; oppose: Dove"
    assert table.loc["talks", "observed"] == "supported x1"
    assert table.loc["sanctions", "observed"] == "-"
    assert model.describe_discrimination(table, 2) == (
        "The 2 readings predict the same stance on 2 of 3 options (Talks and Trade): a good "
        "fit there is shared by every reading and proves nothing about which is right. They "
        "differ only on Sanctions.")


# -- break-even weights -------------------------------------------------------------------------

def test_break_even_weights_on_a_worked_example():
    # talks: 2 peace - 1 status; with status at 4: (2x - 4)/(x + 4) crosses -0.1 at x = 3.6/2.1
    # and +0.1 at x = 4.4/1.9.
    table = model.break_even(EFFECTS, {"peace": 2, "status": 4, "money": 0})
    row = table[(table["option_id"] == "talks") & (table["factor_id"] == "peace")].iloc[0]
    assert row["stance"] == "undecided"
    assert (row["lower"], row["below"]) == (round(3.6 / 2.1, 2), "oppose")
    assert (row["upper"], row["above"]) == (round(4.4 / 1.9, 2), "support")
    intervals = model.stance_intervals(EFFECTS, {"peace": 2, "status": 4, "money": 0})
    mine = intervals[(intervals["option_id"] == "talks") & (intervals["factor_id"] == "peace")]
    assert mine[["start", "end", "stance"]].values.tolist() == [
        [0.0, 1.71, "oppose"], [1.71, 2.32, "undecided"], [2.32, 10.0, "support"]]


@pytest.mark.parametrize("effects", RANDOM_EFFECTS[:8])
def test_the_stance_changes_just_past_each_break_even_and_not_before(effects):
    weights = pd.Series(RNG.uniform(0.5, 9.5, size=5), index=effects.columns)
    table = model.break_even(effects, weights)
    for row in table.itertuples():
        def stance_at(value, row=row):
            moved = weights.copy()
            moved[row.factor_id] = value
            return model.stances(model.option_scores(effects, moved))[row.option_id]

        if not np.isnan(row.lower):
            assert stance_at(row.lower - 0.02) == row.below
            assert stance_at(row.lower + 0.02) == row.stance or row.lower + 0.02 > row.weight
        if not np.isnan(row.upper):
            assert stance_at(row.upper + 0.02) == row.above
            assert stance_at(row.upper - 0.02) == row.stance or row.upper - 0.02 < row.weight


def test_nearest_flips_name_the_smallest_change_per_option():
    table = model.break_even(EFFECTS, {"peace": 2, "status": 4, "money": 0})
    flips = model.nearest_flips(
        table, pd.DataFrame({"short_label": ["Talks", "Sanctions", "Trade"]}, index=EFFECTS.index),
        pd.DataFrame({"short_label": ["Peace", "Status", "Money"]}, index=EFFECTS.columns))
    # talks turns oppose at peace 1.71 (0.29 away) before it turns support at 2.32 (0.32 away)
    assert flips.loc["talks", ["factor", "weight now", "flips at", "becomes"]].to_list() == [
        "Peace", 2.0, 1.71, "oppose"]


# -- AHP -----------------------------------------------------------------------------------------

def consistent_judgements(weights: dict) -> dict:
    return {(a, b): weights[a] / weights[b] for a, b in itertools.combinations(weights, 2)}


def test_a_consistent_matrix_gives_back_its_weights_with_consistency_ratio_zero():
    truth = {"a": 0.4, "b": 0.3, "c": 0.2, "d": 0.1}
    result = model.ahp(model.pairwise_matrix(consistent_judgements(truth), truth))
    assert np.allclose(result.weights.to_numpy(), list(truth.values()))
    assert result.lambda_max == pytest.approx(4)
    assert result.consistency_ratio == pytest.approx(0, abs=1e-9)
    assert result.consistent


def test_three_factors_match_the_closed_form_eigenvalue_and_saatys_random_index():
    # For a 3x3 reciprocal matrix with a12 = a, a13 = b, a23 = c, lambda_max = 1 + r + 1/r
    # with r = (b / (a c)) ** (1/3); the weights are the rows' geometric means.
    a, b, c = 2.0, 8.0, 2.0
    result = model.ahp(model.pairwise_matrix({("x", "y"): a, ("x", "z"): b, ("y", "z"): c},
                                             "xyz"))
    r = (b / (a * c)) ** (1 / 3)
    assert result.lambda_max == pytest.approx(1 + r + 1 / r)
    assert result.consistency_index == pytest.approx((1 + r + 1 / r - 3) / 2)
    assert result.consistency_ratio == pytest.approx(result.consistency_index / 0.58)
    means = np.array([(a * b) ** (1 / 3), (c / a) ** (1 / 3), (1 / (b * c)) ** (1 / 3)])
    assert np.allclose(result.weights.to_numpy(), means / means.sum())


def test_the_judgement_that_most_breaks_consistency_is_named():
    truth = {"a": 0.35, "b": 0.25, "c": 0.2, "d": 0.12, "e": 0.08}
    judged = consistent_judgements(truth)
    judged[("b", "d")] = 1 / 7  # the others say b is about twice d
    result = model.ahp(model.pairwise_matrix(judged, truth))
    assert result.consistency_ratio > 0.1 and not result.consistent
    assert result.worst_pair == ("b", "d")
    assert result.worst_given == pytest.approx(1 / 7)
    labels = {k: k.upper() for k in truth}
    report = model.ahp_report(result, labels)
    assert report.startswith(f"Warning: consistency ratio {result.consistency_ratio:.2f} is "
                             "above 0.1")
    assert "B against D, judged 1/7 (very strongly less important)" in report


def test_seven_factors_use_saatys_random_index_1_32():
    judged = {("f0", "f1"): 9, ("f1", "f2"): 9, ("f0", "f2"): 1 / 9}
    result = model.ahp(model.pairwise_matrix(judged, [f"f{i}" for i in range(7)]))
    assert model.RANDOM_INDEX[7] == 1.32
    assert result.consistency_ratio == pytest.approx(result.consistency_index / 1.32)


@pytest.mark.parametrize("judgement, message", [
    ({("a", "z"): 3}, "judgement ('a', 'z'): unknown factor 'z', expected one of a, b"),
    ({("a", "b"): 12}, "judgement ('a', 'b') is 12: expected a number from 1/9 to 9"),
    ({("a", "a"): 2}, "judgement ('a', 'a'): a factor is not compared with itself"),
])
def test_bad_judgements_are_refused_with_a_message(judgement, message):
    with pytest.raises(model.WeightsError) as error:
        model.pairwise_matrix(judgement, "ab")
    assert str(error.value).startswith(message)


def test_ahp_weights_go_on_the_sliders_scale_largest_at_ten():
    result = model.ahp(model.pairwise_matrix(consistent_judgements({"a": 0.5, "b": 0.3,
                                                                    "c": 0.2}), "abc"))
    assert model.weights_from_ahp(result).to_list() == [10.0, 6.0, 4.0]


# -- the case: the search answers within a second -----------------------------------------------

def test_the_article_reading_is_the_preset_whose_source_is_the_article(case):
    preset = model.article_preset(case.presets, case.article.source_id)
    assert case.presets.loc[preset, "source_id"] == case.article.source_id
    with pytest.raises(model.WeightsError, match="no preset in presets.csv has source_id"):
        model.article_preset(case.presets, "no_such_source")


def test_the_full_search_of_the_case_covers_the_whole_grid(case):
    observed = model.observations(case.behaviour, case.options.index, end=case.article.date)
    result = model.search(case.effect_matrix(), observed)
    assert result.space_size == len(model.simplex_grid(len(case.factors)))
    assert np.allclose(result.best.sum(axis=1), 1)
    assert 0 < result.best_count <= len(observed)
