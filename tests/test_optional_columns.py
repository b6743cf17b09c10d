"""Optional columns (``schema.Column(optional=True)``, such as ``aliases``): a case folder
may leave them out of a file, and it then loads exactly as before with the column blank."""

from __future__ import annotations

import csv
import shutil

import pytest

from casebook import load_case, schema
from casebook.dictionary import render_tables
from casebook.validation import validate_table
from conftest import DATA, SECOND_CASE

OPTIONAL = [(table.name, column.name) for table in schema.TABLES.values()
            for column in table.columns if column.optional]


def drop_column(path, column):
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    header = [name for name in rows[0] if name != column]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def rename_column(path, old, new):
    text = path.read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    path.write_text(",".join(new if c == old else c for c in header.split(",")) + "\n" + rest,
                    encoding="utf-8")


def test_the_aliases_of_actors_factors_and_options_are_optional_and_never_required():
    assert {("actors", "aliases"), ("factors", "aliases"), ("options", "aliases")} <= set(
        OPTIONAL)
    assert all(not schema.TABLES[t].column(c).required for t, c in OPTIONAL)
    with pytest.raises(ValueError, match="optional, so it cannot be required"):
        schema.Column("aliases", schema.TEXT, "x", optional=True)


def test_a_case_without_its_optional_columns_loads_as_before_with_them_blank(tmp_path):
    folder = tmp_path / "case"
    shutil.copytree(DATA, folder)
    for table, column in OPTIONAL:
        drop_column(folder / schema.TABLES[table].file, column)
    old, live = load_case(folder), load_case(DATA)
    assert old.notes == live.notes  # nothing to report: the folder is valid as it is
    for table, column in OPTIONAL:
        frame, full = old.tables[table], live.tables[table]
        assert list(frame.columns) == list(full.columns)  # the column is there, blank
        assert frame[column].isna().all() and full[column].notna().any()
        assert frame.drop(columns=column).equals(full.drop(columns=column))


def test_the_second_case_leaves_the_aliases_of_its_options_out(case):
    header = (case.data_dir / "options.csv").read_text(encoding="utf-8").splitlines()[0]
    if case.data_dir == SECOND_CASE:
        assert "aliases" not in header.split(",") and case.options["aliases"].isna().all()
    else:
        assert "aliases" in header.split(",")


def test_a_misspelt_optional_column_is_named_in_a_note(tmp_path):
    folder = tmp_path / "case"
    shutil.copytree(DATA, folder)
    rename_column(folder / "actors.csv", "aliases", "alias")
    case = load_case(folder)
    assert ("actors.csv: ignored the column 'alias', which the data dictionary does not "
            "define (the optional column 'aliases' misspelt?).") in case.notes
    assert case.actors["aliases"].isna().all()


def test_a_required_column_left_out_is_still_a_problem_listing_only_the_needed_columns(case):
    problems = validate_table("actors", case.actors.drop(columns=["aliases", "y"]), case)
    assert [p.column for p in problems] == ["y"]
    assert "aliases" not in str(problems[0]) and "description" in str(problems[0])
    assert validate_table("actors", case.actors.drop(columns="aliases"), case) == []


def test_the_data_dictionary_says_an_optional_column_may_be_left_out():
    rows = [line for line in render_tables().splitlines() if line.startswith("| aliases |")]
    assert len(rows) == sum(1 for _, column in OPTIONAL if column == "aliases")
    assert all("| may be left out of the file, or blank |" in row for row in rows)
