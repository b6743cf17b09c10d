"""The loader: where it finds the data, how it words problems, what the typed tables hold.

Expected values are read from the files themselves with the csv module, so the tests follow
the data when it is edited.
"""

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

from casebook import Case, CaseDataError, PartialDate, Problem, find_data_dir, load_case
from casebook import loader as loader_module
from casebook.schema import TABLES
from conftest import DATA, REPO

# The loader's tests compare the loaded case with lessons_data/ as written, row by row.
pytestmark = pytest.mark.pins_shipped_case("the expected values of the loader's tests")


def read_rows(table: str) -> list[dict[str, str]]:
    """The rows of lessons_data/<table>.csv as the csv module reads them."""
    with (DATA / f"{table}.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def article_paragraphs() -> dict[int, str]:
    """Paragraph number -> text, read from the numbered article with a plain split."""
    found = {}
    for line in (DATA / "article_numbered.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("[") and "] " in line:
            number, text = line[1:].split("] ", 1)
            if number.isdigit():
                found[int(number)] = text.strip()
    return found


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of lessons_data: the folder is complete in itself."""
    shutil.copytree(DATA, tmp_path / "lessons_data")
    return tmp_path / "lessons_data"


# -- finding the data ------------------------------------------------------------------------
@pytest.mark.parametrize("folder", [".", "notebooks", "tests"])
def test_find_data_dir_from_the_usual_working_folders(folder, monkeypatch):
    """From the repository root, notebooks/ and tests/ the data is lessons_data/."""
    monkeypatch.chdir(REPO / folder)
    assert find_data_dir() == DATA.resolve()


def test_find_data_dir_honours_casebook_data(data_copy, monkeypatch):
    """$CASEBOOK_DATA wins over the lessons_data/ nearby, and load_case() reads from it."""
    path = data_copy / "actors.csv"
    path.write_bytes(path.read_bytes().replace(b",Russia,", b",Muscovy,", 1))
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("CASEBOOK_DATA", str(data_copy))
    assert find_data_dir() == data_copy.resolve()
    case = load_case()
    assert case.data_dir == data_copy.resolve()
    assert case.actors.loc["RUS", "short_name"] == "Muscovy"


def test_no_data_found_says_where_it_looked(tmp_path, monkeypatch):
    """With no lessons_data/ anywhere, the error names the folder searched and the variable."""
    monkeypatch.setattr(loader_module, "__file__", str(tmp_path / "a" / "b" / "c" / "loader.py"))
    with pytest.raises(CaseDataError) as raised:
        find_data_dir(tmp_path)
    assert str(raised.value.problems[0]) == (
        f"lessons_data: no case data was found from {tmp_path.resolve()}; expected a folder "
        "lessons_data/ holding metadata.toml in this folder or one above it, or the "
        "environment variable CASEBOOK_DATA set to such a folder.")


def test_a_missing_folder_is_one_clear_problem(tmp_path):
    """load_case on a folder that does not exist: one problem naming the folder."""
    missing = tmp_path / "no_such_folder"
    with pytest.raises(CaseDataError) as raised:
        load_case(missing)
    assert [str(p) for p in raised.value.problems] == [
        f"{missing}: the folder does not exist; expected a folder holding the case's CSV files."]


# -- wording of problems ---------------------------------------------------------------------
def test_problem_names_file_row_column_value_and_expectation():
    """The issue's example message, built from the schema's own expectation."""
    expected = TABLES["actors"].column("x").expected()
    problem = Problem("actors.csv", 4, "x", "1.5", expected)
    assert str(problem) == (
        "actors.csv, row 4, column 'x': found '1.5'; expected a number from -1 to 1.")


@pytest.mark.parametrize(("problem", "text"), [
    (Problem("effects.csv", 7, "effect", "", TABLES["effects"].column("effect").expected()),
     "effects.csv, row 7, column 'effect': found an empty cell; expected a whole number from "
     "-2 to 2."),
    (Problem("presets.csv", None, None, None, "a header row", found="the file is empty"),
     "presets.csv: the file is empty; expected a header row."),
    (Problem("metadata.toml", None, "case.title", None, "a non-empty text in quotes"),
     "metadata.toml, key 'case.title': expected a non-empty text in quotes."),
    (Problem("events.csv", 3, "actors", "XX", "an id", found="the unknown id 'XX'"),
     "events.csv, row 3, column 'actors': the unknown id 'XX'; expected an id."),
])
def test_problem_wording_without_some_parts(problem, text):
    """Empty cells, whole-file problems and 'found' overrides read naturally."""
    assert str(problem) == text


def test_case_data_error_lists_every_problem_without_a_traceback():
    """The report counts and lists all problems; IPython shows the report, not a traceback."""
    problems = [Problem("actors.csv", 4, "x", "1.5", "a number from -1 to 1"),
                Problem("events.csv", 9, "date", "09/10/2006", "a date"),
                Problem("presets.csv", None, None, None, "rows", found="the file is empty")]
    error = CaseDataError("no_such_case", problems)
    report = error.report()
    assert report.splitlines() == [
        "The case data in no_such_case has 3 problems:",
        "  - actors.csv, row 4, column 'x': found '1.5'; expected a number from -1 to 1.",
        "  - events.csv, row 9, column 'date': found '09/10/2006'; expected a date.",
        "  - presets.csv: the file is empty; expected rows.",
        "The course's data dictionary (lessons_data/README.md in the course repository) "
        "says what each file and column may hold.",
    ]
    assert str(error) == report
    assert error.problems == problems
    assert error._render_traceback_() == [report]
    assert "Traceback" not in "".join(error._render_traceback_())


def test_one_problem_is_singular():
    """'1 problem', not '1 problems'."""
    error = CaseDataError("x", [Problem("a.csv", 2, "b", "c", "d")])
    assert error.report().splitlines()[0] == "The case data in x has 1 problem:"


# -- the loaded case -------------------------------------------------------------------------
def test_every_table_is_loaded_with_every_row(case):
    """One frame per schema table, as many rows as the CSV file has; an optional table the
    case leaves out is empty and named in case.absent."""
    assert list(case.tables) == list(TABLES)
    on_disk = [name for name in TABLES if (DATA / f"{name}.csv").exists()]
    assert list(case.absent) == [name for name in TABLES if name not in on_disk]
    for name in on_disk:
        assert len(case.tables[name]) == len(read_rows(name)), name
    for name in case.absent:
        assert case.tables[name].empty


def test_actors_are_indexed_by_id_with_float_positions(case):
    """case.actors.loc[id]; x and y are floats equal to the file's numbers."""
    rows = read_rows("actors")
    assert case.actors.index.name == "actor_id"
    assert list(case.actors.index) == [r["actor_id"] for r in rows]
    assert case.actors["x"].dtype == "float64"
    assert case.actors["y"].dtype == "float64"
    for row in rows:
        assert case.actors.loc[row["actor_id"], "x"] == float(row["x"])
        assert case.actors.loc[row["actor_id"], "short_name"] == row["short_name"]


def test_effects_are_whole_numbers(case):
    """effects.effect has an integer dtype and the file's values, in order."""
    assert pd.api.types.is_integer_dtype(case.effects["effect"])
    assert case.effects["effect"].tolist() == [int(r["effect"]) for r in read_rows("effects")]


def test_blank_optional_paragraphs_are_missing_values(case):
    """A blank optional integer cell becomes <NA>, not 0 or a float."""
    rows = read_rows("options")
    paragraphs = case.options["paragraph"]
    assert pd.api.types.is_integer_dtype(paragraphs)
    assert paragraphs.isna().tolist() == [r["paragraph"] == "" for r in rows]
    assert any(r["paragraph"] == "" for r in rows) and any(r["paragraph"] for r in rows)


def test_event_actors_are_tuples_of_actor_ids(case):
    """events.actors holds the tuple of ids the cell lists, in its order."""
    rows = read_rows("events")
    for row in rows:
        value = case.events.loc[row["event_id"], "actors"]
        assert isinstance(value, tuple)
        assert value == tuple(part.strip() for part in row["actors"].split(";"))


def test_pair_tables_keep_their_key_columns(case):
    """Tables keyed by two columns are not indexed: their key columns stay columns."""
    rows = read_rows("preset_weights")
    assert list(case.preset_weights.columns[:2]) == ["preset_id", "factor_id"]
    assert case.preset_weights["weight"].dtype == "float64"
    assert case.preset_weights["weight"].tolist() == [float(r["weight"]) for r in rows]


def test_the_article_paragraphs_are_read_in_order(case):
    assert case.paragraphs == article_paragraphs()


def test_metadata_is_typed(case):
    """case.article holds the citation with a PartialDate; the case's own keys are fields."""
    import tomllib

    raw = tomllib.loads((DATA / "metadata.toml").read_text(encoding="utf-8"))
    assert case.title == raw["case"]["title"]
    assert case.default_period == raw["case"]["default_period"]
    assert case.focus_actor == raw["case"]["focus_actor"]
    assert isinstance(case.article.date, PartialDate)
    assert str(case.article.date) == raw["article"]["date"]
    assert case.article.year == int(raw["article"]["date"][:4])
    assert case.article.source_id == raw["article"]["source_id"]
    assert case.article.citation().startswith(f"{raw['article']['author']}, \"")


def test_summary_names_the_counts_and_no_absolute_path(case):
    """One line: the title, the folder's name, the paragraph count and each table's rows."""
    summary = case.summary()
    assert "\n" not in summary
    assert summary.startswith(f"Loaded '{case.title}' from lessons_data/: ")
    loaded, _, absent = summary.rsplit("lessons_data/: ", 1)[1].partition(". No ")
    assert loaded.removesuffix(".").split(", ") == [
        f"{len(article_paragraphs())} article paragraphs"] + [
        f"{len(read_rows(name))} {name}" for name in TABLES if name not in case.absent]
    assert absent == (f"{', '.join(case.absent)} (optional)." if case.absent else "")
    assert str(DATA.parent) not in summary
    assert str(Path.home()) not in summary


def test_a_clean_load_has_no_notes(case):
    """The real data needs no tidying: no byte-order marks, no stray spaces."""
    assert case.notes == ()


def test_case_is_the_public_type(case):
    """load_case returns casebook.Case."""
    assert isinstance(case, Case)
