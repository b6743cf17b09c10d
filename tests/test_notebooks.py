"""Checks on the lessons themselves, beside strict nbval (which re-runs them):
stored outputs from one clean run, lesson structure, and no case names in code cells."""

import re

import pytest

from conftest import NOTEBOOKS, REPO, cell_text, code_cells, read_notebook

IDS = [p.name for p in NOTEBOOKS]


def test_there_are_lessons_to_test():
    assert NOTEBOOKS, "no notebooks found in notebooks/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_stored_outputs_come_from_one_clean_run(path):
    cells = code_cells(read_notebook(path))
    counts = [c["execution_count"] for c in cells]
    assert None not in counts, f"{path.name}: a code cell was never run; run `casebook refresh`"
    assert counts == list(range(1, len(cells) + 1)), (
        f"{path.name}: execution counts {counts} are not 1..n: outputs are not from one "
        "top-to-bottom run; run `casebook refresh`")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_stored_outputs_hold_no_error_and_no_warning(path):
    for number, cell in enumerate(code_cells(read_notebook(path)), start=1):
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", (
                f"{path.name}, code cell {number}: stored output is an error "
                f"({output.get('ename')}: {output.get('evalue')})")
            assert output.get("name") != "stderr", (
                f"{path.name}, code cell {number}: stored output on stderr: "
                f"{''.join(output.get('text', ''))[:200]!r}")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_lesson_states_minutes_objectives_and_key_points(path, case):
    notebook = read_notebook(path)
    markdown = [cell_text(c) for c in notebook["cells"] if c["cell_type"] == "markdown"]
    lesson = case.lessons[case.lessons["notebook"] == path.name]
    assert len(lesson) == 1, f"{path.name} is not listed in lessons_data/lessons.csv"
    minutes = int(lesson["minutes"].iloc[0])
    header = markdown[0]
    assert re.search(rf"\b{minutes} minutes\b", header), (
        f"{path.name}: the first cell should state the lesson's {minutes} minutes "
        "(as in lessons.csv)")
    for heading in ("Questions", "Objectives"):
        assert heading in header, f"{path.name}: the first cell has no '{heading}'"
    assert "Key points" in markdown[-1], f"{path.name}: the last cell should list key points"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_exercise_has_a_collapsed_solution_before_the_next_section(path):
    markdown = [cell_text(c) for c in read_notebook(path)["cells"]
                if c["cell_type"] == "markdown"]
    for index, text in enumerate(markdown):
        if not re.match(r"#+ (Exercise|Challenge|Your turn)", text.lstrip()):
            continue
        title = text.strip().splitlines()[0]
        following = []
        for later in markdown[index + 1:]:
            if later.lstrip().startswith("#"):
                break
            following.append(later)
        assert any(re.search(r"<details>\s*<summary>.*Solution", t, re.S) for t in following), (
            f"{path.name}: '{title}' has no collapsed <details> Solution before the next section")


def case_names(case) -> set[str]:
    """Every id, name and label of an actor, factor or option in the case."""
    names = set()
    for table, columns in (("actors", ("name", "short_name")),
                           ("factors", ("label", "short_label")),
                           ("options", ("label", "short_label"))):
        frame = getattr(case, table)
        names.update(frame.index.astype(str))
        for column in columns:
            names.update(frame[column].astype(str))
    return {n for n in names if len(n) >= 2}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_code_cells_name_no_actor_factor_or_option(path, case):
    names = case_names(case)
    for number, cell in enumerate(code_cells(read_notebook(path)), start=1):
        code = re.sub(r"#.*", "", cell_text(cell))  # comments may speak of the case
        for name in names:
            assert not re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", code), (
                f"{path.name}, code cell {number} names {name!r}: take it from lessons_data")


def test_every_ready_lesson_has_its_notebook_and_every_notebook_is_listed(case):
    ready = set(case.lessons.loc[case.lessons["status"] == "ready", "notebook"])
    on_disk = {p.name for p in NOTEBOOKS}
    assert ready == on_disk, (f"ready in lessons.csv but missing: {sorted(ready - on_disk)}; "
                              f"notebooks not listed as ready: {sorted(on_disk - ready)}")
    assert (REPO / "notebooks" / "00_start_here.ipynb").exists()
