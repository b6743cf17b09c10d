"""validate_table: the loader's checks on one table a lesson makes, with the loader's wording."""

import pandas as pd

from casebook import validate_table


def test_a_valid_table_has_no_problems(case):
    for name, frame in case.tables.items():
        if name not in case.absent:
            assert validate_table(name, frame, case) == [], name


def test_saved_weights_with_a_negative_a_missing_and_an_unknown_factor(case):
    weights = case.preset_weights.copy()
    first, second = weights.index[0], weights.index[1]
    weights.loc[first, "weight"] = -0.5
    weights.loc[second, "weight"] = None
    weights.loc[weights.index[2], "factor_id"] = "no_such_factor"
    problems = [str(p) for p in validate_table("preset_weights", weights, case,
                                                file="my_weights.csv")]
    missing_factor = case.preset_weights.loc[weights.index[2], "factor_id"]
    preset = case.preset_weights.loc[weights.index[2], "preset_id"]
    assert problems == [
        "my_weights.csv, row 2, column 'weight': found '-0.5'; expected a number from 0 to 10.",
        "my_weights.csv, row 3, column 'weight': found an empty cell; expected a number from "
        "0 to 10.",
        "my_weights.csv, row 4, column 'factor_id': the unknown id 'no_such_factor'; expected "
        "an id listed in factors.csv.",
        f"my_weights.csv, column 'preset_id + factor_id': no row for preset_id={preset}, "
        f"factor_id={missing_factor}; expected one row for every preset_id in presets.csv and "
        "every factor_id in factors.csv.",
    ]


def test_a_table_with_a_missing_column_says_which(case):
    frame = case.actors.drop(columns="x")
    problems = validate_table("actors", frame, case)
    assert [str(p) for p in problems] == [
        "actors.csv, row 1, column 'x': no column 'x'; expected the columns actor_id, name, "
        "short_name, x, y, description."]


def test_an_unknown_table_name_is_a_problem_not_a_crash(case):
    problems = validate_table("weights", pd.DataFrame(), case)
    assert problems[0].found == "no table named 'weights'"


def test_a_key_index_is_read_back_as_its_column(case):
    """A loaded single-key table keeps its ids in the index; validate_table reads them."""
    actors = case.actors.copy()
    actors.index = ["RUS ok" if i == 0 else a for i, a in enumerate(actors.index)]
    actors.index.name = "actor_id"
    problems = validate_table("actors", actors, case)
    assert [(p.row, p.column, p.value) for p in problems] == [(2, "actor_id", "RUS ok")]
