"""Every fault of the fault table (tests/faults.py), applied to a fresh copy of the live
case, gives exactly its expected problems - no more, no fewer - and never a traceback."""

import shutil

import pytest
from faults import FAULTS, apply

from casebook import CaseDataError, load_case
from casebook.cli import main
from conftest import DATA

BY_NAME = {fault.name: fault for fault in FAULTS}


@pytest.fixture(scope="module")
def live_case():
    return load_case(DATA)


def broken_copy(fault, tmp_path):
    copy = tmp_path / "case"
    shutil.copytree(DATA, copy)
    values = apply(fault, copy)
    expected = [line.format(**values) for line in fault.expected]
    return copy, expected


def test_fault_names_are_unique():
    assert len(BY_NAME) == len(FAULTS)


@pytest.mark.parametrize("fault", [f for f in FAULTS if not f.loads], ids=lambda f: f.name)
def test_fault_gives_exactly_its_problems(fault, tmp_path):
    copy, expected = broken_copy(fault, tmp_path)
    with pytest.raises(CaseDataError) as raised:
        load_case(copy)
    assert [str(p) for p in raised.value.problems] == expected


@pytest.mark.parametrize("fault", [f for f in FAULTS if f.loads], ids=lambda f: f.name)
def test_tolerated_fault_loads_with_its_notes_and_the_same_tables(fault, tmp_path, live_case):
    copy, expected = broken_copy(fault, tmp_path)
    case = load_case(copy)
    assert list(case.notes) == expected
    for name, frame in case.tables.items():
        if name in case.absent:
            assert frame.empty and list(frame.columns) == list(live_case.tables[name].columns)
        else:
            assert frame.equals(live_case.tables[name]), name


def test_an_optional_file_left_out_is_named_absent_and_required_by_name(tmp_path, live_case):
    copy, _ = broken_copy(BY_NAME["missing_optional_file"], tmp_path)
    case = load_case(copy)
    # The members' votes describe the decisions, so they are left out with them.
    assert set(case.absent) - set(live_case.absent) == {"un_votes", "member_votes"}
    assert "un_votes" in case.summary().split(" No ", 1)[1]
    case.require("events")  # present: no error
    with pytest.raises(CaseDataError) as raised:
        case.require("events", "un_votes")
    assert [str(p) for p in raised.value.problems] == [
        "un_votes.csv: the case has no such file; expected this file, which the lesson needs "
        "(see the data dictionary for its columns)."]


def test_several_faults_are_all_reported_in_one_report(tmp_path, capsys):
    """Four faults in four files: validate prints all four, exits 1, shows no traceback."""
    copy = tmp_path / "case"
    shutil.copytree(DATA, copy)
    expected = []
    for name in ("out_of_range", "bad_date", "text_in_whole_number_column", "empty_file"):
        values = apply(BY_NAME[name], copy)
        expected += [line.format(**values) for line in BY_NAME[name].expected]
    assert main(["validate", str(copy)]) == 1
    output = capsys.readouterr()
    lines = output.err.splitlines()
    assert lines[0] == f"The case data in {copy} has 4 problems:"
    assert sorted(lines[1:5]) == sorted(f"  - {line}" for line in expected)
    assert lines[5] == (f"The data dictionary {copy / 'README.md'} says what each file and "
                        "column may hold.")
    assert "Traceback" not in output.err + output.out


def test_the_report_names_the_course_dictionary_when_the_folder_has_none(tmp_path):
    copy, _ = broken_copy(BY_NAME["out_of_range"], tmp_path)
    (copy / "README.md").unlink()
    with pytest.raises(CaseDataError) as raised:
        load_case(copy)
    assert raised.value.report().splitlines()[-1] == (
        "The course's data dictionary (lessons_data/README.md in the course repository) says "
        "what each file and column may hold.")


def test_the_live_case_validates(capsys):
    assert main(["validate", str(DATA)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Loaded '"), lines[:2]
    assert "Lesson text: agrees with this data." in lines, lines[-3:]
