"""Every kind of fault in tests/broken/ gets a clear message, never a traceback.

Each folder of tests/broken/ is laid over a fresh copy of lessons_data/ (README.md there says
how); ``casebook validate`` must print every expected line and exit 1, or 0 for a tolerated
fault.
"""

import csv
import io
import shutil
from pathlib import Path

import pytest

from casebook import CaseDataError, load_case
from casebook.cli import main
from conftest import DATA, REPO

BROKEN = REPO / "tests" / "broken"
FAULTS = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())
LOADS = "# loads"


def expected_lines(fault: str) -> list[str]:
    """The lines of expected.txt, blank lines dropped."""
    text = (BROKEN / fault / "expected.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


def broken_copy(fault: str, tmp_path: Path) -> Path:
    """A copy of lessons_data (with seeds/ beside it) with the fault's files laid over it."""
    copy = tmp_path / "lessons_data"
    shutil.copytree(DATA, copy)
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    for path in sorted((BROKEN / fault).iterdir()):
        if path.name == "expected.txt":
            continue
        if path.name == "remove.txt":
            for name in path.read_text(encoding="utf-8").split():
                (copy / name).unlink()
        else:
            shutil.copyfile(path, copy / path.name)
    return copy


def validate(folder: Path, capsys) -> tuple[int, str]:
    """Run ``casebook validate folder``; return its exit code and everything it printed."""
    code = main(["validate", str(folder)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_the_corpus_covers_the_faults_named_in_the_issue():
    """One folder per fault the issue lists, each with an expected.txt."""
    named = {
        "missing_file", "missing_column", "misspelt_column", "empty_file", "wrong_type",
        "unknown_id", "duplicate_id", "out_of_range", "bad_date", "non_utf8",
        "byte_order_mark", "stray_spaces", "negative_weight", "missing_weight", "ragged_row",
        "bad_quoting", "quote_not_in_paragraph", "malformed_metadata", "missing_metadata_key",
        "unknown_default_period", "header_only", "self_relation", "end_date_before_date",
        "several_faults",
    }
    assert named <= set(FAULTS)
    for fault in FAULTS:
        assert expected_lines(fault), f"{fault}/expected.txt is empty"


@pytest.mark.parametrize("fault", FAULTS)
def test_validate_reports_the_fault_clearly(fault, tmp_path, capsys):
    """validate prints each expected line, exits 1 (0 for '# loads'), shows no traceback."""
    lines = expected_lines(fault)
    loads = lines[0] == LOADS
    code, output = validate(broken_copy(fault, tmp_path), capsys)
    assert code == (0 if loads else 1), output
    for line in lines[1:] if loads else lines:
        assert line in output, f"missing from the output:\n{line}\n--- output ---\n{output}"
    assert "Traceback" not in output
    assert "pandas" not in output
    if loads:
        assert output.splitlines()[-1].startswith("Loaded '")
    else:
        assert "lessons_data/README.md says what each file and column may hold." in output


@pytest.mark.parametrize("fault", [f for f in FAULTS if expected_lines(f)[0] != LOADS])
def test_load_case_raises_with_every_problem_placed(fault, tmp_path):
    """load_case raises CaseDataError; each problem names its file."""
    with pytest.raises(CaseDataError) as raised:
        load_case(broken_copy(fault, tmp_path))
    problems = raised.value.problems
    assert problems
    assert all(problem.file for problem in problems)
    report = raised.value.report()
    for line in expected_lines(fault):
        assert line in report


def test_several_faults_are_all_reported(tmp_path):
    """Four faults in four files: four problems, in one report."""
    with pytest.raises(CaseDataError) as raised:
        load_case(broken_copy("several_faults", tmp_path))
    files = sorted(problem.file for problem in raised.value.problems)
    assert files == ["actors.csv", "events.csv", "presets.csv", "relations.csv"]


def tidied_copy(fault: str, tmp_path: Path) -> Path:
    """The same broken copy, tidied by hand: no byte-order mark, no blank rows, no spaces
    around cells. Loading it must give what the loader makes of the untidy one."""
    copy = broken_copy(fault, tmp_path / "tidied")
    for path in (BROKEN / fault).glob("*.csv"):
        text = path.read_bytes().decode("utf-8-sig")
        rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
        with open(copy / path.name, "w", encoding="utf-8", newline="") as out:
            csv.writer(out).writerows(row for row in rows if any(row))
    return copy


@pytest.mark.parametrize("fault", [f for f in FAULTS if expected_lines(f)[0] == LOADS])
def test_tolerated_faults_load_with_their_notes(fault, tmp_path):
    """A tolerated fault loads, says what it tidied, and gives the tables a tidy file gives.
    (Compared with a tidied copy of the same file, not the real data, so that editing
    lessons_data/ does not break this test.)"""
    case = load_case(broken_copy(fault, tmp_path / "as_is"))
    notes = [f"note: {note}" for note in case.notes]
    assert notes == expected_lines(fault)[1:]
    tidy = load_case(tidied_copy(fault, tmp_path))
    assert tidy.notes == ()
    for name, frame in tidy.tables.items():
        assert case.tables[name].equals(frame), name


def test_the_real_case_data_validates(capsys):
    """The real lessons_data: exit 0 and a one-line summary."""
    code, output = validate(DATA, capsys)
    assert code == 0, output
    assert output.splitlines()[-1].startswith("Loaded '")
    assert "Traceback" not in output


def test_the_corpus_files_are_not_copies_of_the_real_ones():
    """Each replacement file differs from the real file it replaces (it holds a fault)."""
    for fault in FAULTS:
        for path in (BROKEN / fault).iterdir():
            if path.name in ("expected.txt", "remove.txt"):
                continue
            assert (DATA / path.name).is_file(), f"{fault}/{path.name} replaces no real file"
            assert path.read_bytes() != (DATA / path.name).read_bytes(), f"{fault}/{path.name}"


@pytest.mark.parametrize("fault", ["duplicate_relation", "reversed_relation"])
def test_a_repeated_pair_of_actors_is_reported_once(fault, tmp_path):
    """One repeated relation is one problem, whichever order the two actors are written in."""
    with pytest.raises(CaseDataError) as raised:
        load_case(broken_copy(fault, tmp_path))
    assert [str(p) for p in raised.value.problems] == expected_lines(fault)
