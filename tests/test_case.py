"""The typed Case: one attribute per schema table, dates with their precision, ordered
choices, matrix helpers, and a case folder that is complete in itself."""

import dataclasses
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from casebook import Case, PartialDate, load_case, schema
from casebook.case import TABLE_FIELDS
from conftest import DATA, REPO


def test_every_schema_table_is_a_case_attribute_in_schema_order():
    """case. + Tab lists the tables: each is a declared field, not a __getattr__ lookup."""
    assert tuple(schema.TABLES) == TABLE_FIELDS
    assert not hasattr(Case, "__getattr__")


def test_tables_mapping_holds_the_attributes(case):
    for name, frame in case.tables.items():
        assert frame is getattr(case, name)


@pytest.mark.pins_shipped_case("the expected dates of this test")
def test_dates_are_partial_dates_that_keep_their_precision(case):
    dates = case.events["date"]
    assert all(isinstance(d, PartialDate) for d in dates)
    written = pd.read_csv(DATA / "events.csv", dtype=str, keep_default_na=False)["date"]
    assert [str(d) for d in dates] == written.tolist()
    precisions = {d.precision for d in dates}
    assert "day" in precisions and precisions <= {"day", "month", "year"}
    blank_end = case.events["end_date"].isna()
    assert all(isinstance(d, PartialDate) for d in case.events.loc[~blank_end, "end_date"])


def test_sorting_a_date_column_is_date_order(case):
    ordered = case.events.sort_values("date")["date"].tolist()
    assert all(a.first_day <= b.first_day for a, b in zip(ordered, ordered[1:], strict=False))


@pytest.mark.parametrize(("table", "column", "lowest", "highest"), [
    ("events", "confidence", "L", "H"),
    ("un_votes", "confidence", "L", "H"),
    ("ratings", "rating", "II", "CC"),
])
def test_ordered_choices_are_ordered_categoricals(case, table, column, lowest, highest):
    values = getattr(case, table)[column]
    assert isinstance(values.dtype, pd.CategoricalDtype) and values.dtype.ordered
    assert values.cat.categories[0] == lowest and values.cat.categories[-1] == highest
    assert (values >= lowest).all()


def test_effect_matrix_is_options_by_factors_in_file_order(case):
    matrix = case.effect_matrix()
    assert list(matrix.index) == list(case.options.index)
    assert list(matrix.columns) == list(case.factors.index)
    for row in case.effects.itertuples():
        assert matrix.loc[row.option_id, row.factor_id] == row.effect
    assert matrix.dtypes.map(pd.api.types.is_integer_dtype).all()


def test_weight_matrix_is_presets_by_factors_in_file_order(case):
    matrix = case.weight_matrix()
    assert list(matrix.index) == list(case.presets.index)
    assert list(matrix.columns) == list(case.factors.index)
    for row in case.preset_weights.itertuples():
        assert matrix.loc[row.preset_id, row.factor_id] == row.weight


def test_a_loaded_case_cannot_be_changed_by_assignment(case):
    with pytest.raises(dataclasses.FrozenInstanceError):
        case.title = "another"


def test_the_case_folder_is_complete_in_itself(tmp_path):
    """Copied outside the repository, the folder validates and lesson 00 runs on it through
    CASEBOOK_DATA (the README's "copy lessons_data/" recipe)."""
    copy = tmp_path / "my_case"
    shutil.copytree(DATA, copy)
    assert load_case(copy).paragraphs == load_case(DATA).paragraphs
    lesson = tmp_path / "lesson.ipynb"
    shutil.copyfile(REPO / "notebooks" / "00_start_here.ipynb", lesson)
    env = {"CASEBOOK_DATA": str(copy), "PATH": ""}
    result = subprocess.run(
        [sys.executable, "-m", "casebook", "refresh", "--in-place", str(lesson)],
        cwd=tmp_path,
        capture_output=True, text=True, env={**__import__("os").environ, **env}, timeout=300)
    assert result.returncode == 0, result.stderr
    assert f"from {copy.name}/" in lesson.read_text(encoding="utf-8")
