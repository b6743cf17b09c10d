"""Lesson 08 (competing explanations): the course's reference grid lets every explanation
lose, the exercise checks answer right, nearly right and wrong answers with the actual
items and scores, and the lesson states its needs. The expected values are computed here
from the ratings themselves, not taken from the functions under test."""

from dataclasses import replace

import pandas as pd
import pytest

from casebook.feedback.ach import check_hinge, check_least_diagnostic, check_plain_score
from casebook.model import ach
from casebook.model.alignment import article_hypothesis
from casebook.requirements import unmet

COUNT = {"I": 1, "II": 2}
SCALE = {"II": -2, "I": -1, "N": 0, "C": 1, "CC": 2}


def _known(case) -> pd.DataFrame:
    return ach.rating_grid(case)


@pytest.mark.pins_shipped_case("the re-coded reference grid (ratings.csv)")
def test_every_explanation_of_the_course_has_an_item_against_it_in_2017(case):
    grid = _known(case)
    for hypothesis in grid.columns:
        against = grid.index[grid[hypothesis].isin(["I", "II"])]
        assert len(against), f"{hypothesis} has no item against it among what was knowable"


@pytest.mark.pins_shipped_case("the re-coded reference grid: one position counted once")
def test_the_icbm_label_counts_once_against_any_explanation(case):
    grid = _known(case)
    for hypothesis in grid.columns:
        both = grid.loc[["ev_icbm_label", "ev_block_jul_2017"], hypothesis]
        assert not both.isin(["I", "II"]).all(), hypothesis


@pytest.mark.pins_shipped_case("the corrected April 2017 item")
def test_the_april_hold_up_is_not_very_inconsistent_with_the_article(case):
    article = article_hypothesis(case.hypotheses, case.article.source_id)
    assert _known(case).loc["ev_block_apr_2017", article] == "I"
    assert "2017-04-20" in str(case.events.loc["block_statement_2017_04", "end_date"])


def test_plain_score_check_accepts_the_sum_written_as_number_or_text(case):
    grid = _known(case)
    article = article_hypothesis(case.hypotheses, case.article.source_id)
    expected = sum(COUNT.get(code, 0) for code in grid[article])
    for answer in (expected, str(expected), float(expected)):
        assert check_plain_score(answer, grid, article).startswith(
            f"Right: {case.hypotheses.loc[article, 'label']} scores {expected}")


def test_plain_score_check_names_each_usual_slip(case):
    grid = _known(case)
    weights = ach.evidence_weights(case.evidence)
    article = article_hypothesis(case.hypotheses, case.article.source_id)
    column = grid[article]
    expected = sum(COUNT.get(code, 0) for code in column)
    once_each = int(column.isin(["I", "II"]).sum())
    if once_each != expected:
        assert "an II counts 2" in check_plain_score(once_each, grid, article)
    weighted = sum(COUNT.get(code, 0) * weights[item] for item, code in column.items())
    if abs(weighted - expected) > 0.01:
        message = check_plain_score(round(weighted, 2), grid, article, weights)
        assert message.startswith(f"Not quite: {round(weighted, 2):g} is the weighted score")
    assert check_plain_score(None, grid, article).startswith("Replace None")
    assert check_plain_score("five", grid, article) == (
        "Not quite: give a number (you gave 'five').")
    assert check_plain_score(expected + 7, grid, article).startswith(
        f"Not quite: {expected + 7} is more than the score.")


def test_least_diagnostic_check_takes_any_tied_item_by_label_in_any_case(case):
    grid = _known(case)
    spread = {item: max(SCALE[c] for c in row) - min(SCALE[c] for c in row)
              for item, row in grid.iterrows()}
    lowest = min(spread.values())
    least = [item for item, value in spread.items() if value == lowest]
    labels = grid.attrs["item_labels"]
    for item in least:
        message = check_least_diagnostic(labels[item].upper(), grid)
        assert message.startswith(f"Right: {labels[item]} is rated")
        assert f"{lowest} apart" in message
    most = max(spread, key=spread.get)
    message = check_least_diagnostic(most, grid)
    assert message.startswith(f"Not quite: {labels[most]} is rated")
    assert f"{spread[most]} apart" in message and labels[least[0]] in message
    assert "names no item of the grid" in check_least_diagnostic("no such item", grid)


def test_hinge_check_knows_which_items_the_lead_hangs_on(case):
    grid = _known(case)
    weights = ach.evidence_weights(case.evidence)
    leaders = ach.leaders(ach.ranking(grid, weights))
    hinges = [item for item in grid.index
              if ach.leaders(ach.ranking(grid.drop(index=item), weights)) != leaders]
    others = [item for item in grid.index if item not in hinges]
    labels = grid.attrs["item_labels"]
    for item in hinges:
        assert check_hinge(labels[item], grid, weights).startswith(
            f"Right: without {labels[item]}")
    if others:
        assert check_hinge(others[0], grid, weights).startswith(
            f"Not quite: without {labels[others[0]]}")
    answer = check_hinge("none", grid, weights)
    assert answer.startswith("Not quite: dropping" if hinges else "Right: no single item")


def test_lesson_08_needs_two_explanations_and_evidence_known_in_time(case):
    assert unmet(case, "08") == []
    one = case.hypotheses.head(1)
    assert unmet(replace(case, hypotheses=one), "08")[0].startswith(
        "hypotheses.csv: 1 row(s); expected at least two hypotheses")
    late = case.evidence.assign(date=case.evidence["date"].map(lambda d: type(d).parse("2099")))
    assert any("every row is dated after the article" in line
               for line in unmet(replace(case, evidence=late), "08"))
