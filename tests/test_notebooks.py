"""Checks on the lessons themselves, beside strict nbval (which re-runs them): stored
outputs from one clean run, lesson structure, no name, year or date of the case written in
code, collapsed solutions that run and give right answers, and stored widget state that
matches a fresh run. The checks themselves are in notebook_checks.py and are tested in
test_notebook_checks.py."""

import re
from pathlib import Path

import notebook_checks as checks
import pytest

from casebook import schema
from conftest import NOTEBOOKS, REPO, cell_text, code_cells, read_notebook

IDS = [p.name for p in NOTEBOOKS]
# The lessons are the course's own: their structure and code are checked against its case.
pytestmark = pytest.mark.pins_shipped_case("the lesson named in the failure")


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
    texts = [t for t in map(checks.prose, notebook["cells"]) if t is not None]
    lessons = case.tables["lessons"]
    lesson = lessons[lessons["notebook"] == path.name]
    assert len(lesson) == 1, f"{path.name} is not listed in lessons_data/lessons.csv"
    minutes, title = int(lesson["minutes"].iloc[0]), lesson["title"].iloc[0]
    header = texts[0]
    assert header.startswith(f"# {path.name[:2]} · {title}\n"), (
        f"{path.name}: the first cell should open with '# {path.name[:2]} · {title}' "
        "(the title in lessons.csv)")
    for heading in ("Questions", "Objectives"):
        assert heading in header, f"{path.name}: the first cell has no '{heading}'"
    start = [c for c in code_cells(notebook) if f'start("{path.name[:2]}")' in cell_text(c)]
    assert len(start) == 1, f'{path.name}: one code cell should call start("{path.name[:2]}")'
    printed = "".join("".join(o.get("text", "")) for o in start[0]["outputs"])
    assert f": {minutes} minutes." in printed, (
        f"{path.name}: the start cell's output should state the lesson's {minutes} minutes "
        f"(as in lessons.csv); it printed {printed!r}; run `casebook refresh`")
    assert "Key points" in texts[-1], f"{path.name}: the last cell should list key points"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_exercise_has_a_collapsed_solution_before_the_next_section(path):
    markdown = [t for t in map(checks.prose, read_notebook(path)["cells"]) if t is not None]
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


# -- code that takes its names, years and dates from the data -------------------------------

@pytest.fixture(scope="module")
def names(case):
    return checks.case_names(case.tables, schema.TABLES)


def test_the_names_looked_for_include_the_ids_of_every_table(case, names):
    places = {place for found in names.values() for place in found}
    for table_name, table in schema.TABLES.items():
        for column in table.columns:
            if column.kind == checks.ID_KIND and len(case.tables[table_name]):
                assert f"{table_name}.{column.name}" in places, (
                    f"no id of {table_name}.{column.name} is looked for in the lessons' code")


def code_problems(path, find) -> list[str]:
    """``find(code)`` over every code cell and collapsed solution of a lesson, as messages."""
    problems = []
    for where, code in checks.lesson_code(read_notebook(path)):
        try:
            problems.extend(f"{path.name}, {where}: {found}" for found in find(code))
        except checks.UnreadableCode as error:
            problems.append(f"{path.name}, {where}: {error}")
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_code_names_nothing_of_the_case(path, names):
    def find(code):
        return [f"names {name!r} (a value of {', '.join(places)}): take it from the case's "
                "tables, not from the code"
                for name, places in checks.names_in_code(code, names)]

    problems = code_problems(path, find)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_code_writes_no_year_or_date(path):
    def find(code):
        return [f"writes the year or date {literal} in the code: take it from the case "
                "(case.article.year, case.article.date, the events table)"
                for literal in checks.literal_dates(code)]

    problems = code_problems(path, find)
    assert not problems, "\n".join(problems)


# -- solutions and widgets, on one fresh run of each lesson -------------------------------

class LessonRuns:
    """Each lesson run at most once with its solutions and, only when a solution changed a
    widget, once more without them. Runs start inside a test, so that the kernel sees the
    environment the test sees."""

    def __init__(self):
        self._runs: dict[tuple[Path, bool], checks.LessonRun] = {}

    def get(self, path: Path, with_solutions: bool = True) -> checks.LessonRun:
        if (path, with_solutions) not in self._runs:
            lesson = checks.runnable_lesson(read_notebook(path), with_solutions)
            self._runs[path, with_solutions] = checks.run_lesson(lesson, path.parent)
        return self._runs[path, with_solutions]

    def widgets(self, path: Path):
        """A fresh run whose widgets are those of the lesson alone."""
        run = self.get(path)
        return (run if run.widgets_as_on_a_clean_run else self.get(path, False)).notebook


@pytest.fixture(scope="session")
def lesson_runs():
    return LessonRuns()


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_every_collapsed_solution_runs_and_gives_a_right_answer(path, lesson_runs):
    failures = checks.solution_failures(lesson_runs.get(path).notebook)
    assert not failures, "\n".join(f"{path.name}: {failure}" for failure in failures)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_stored_widget_state_is_what_the_widgets_show_on_a_fresh_run(path, lesson_runs):
    differences = checks.widget_differences(read_notebook(path), lesson_runs.widgets(path))
    assert not differences, "\n".join(
        f"{path.name}: stored widget state differs from a fresh run: {difference}; run "
        "`casebook refresh`" for difference in differences)


def test_every_ready_lesson_has_its_notebook_and_every_notebook_is_listed(case):
    lessons = case.tables["lessons"]
    ready = set(lessons.loc[lessons["status"] == "ready", "notebook"])
    on_disk = {p.name for p in NOTEBOOKS}
    assert ready == on_disk, (f"ready in lessons.csv but missing: {sorted(ready - on_disk)}; "
                              f"notebooks not listed as ready: {sorted(on_disk - ready)}")
    assert (REPO / "notebooks" / "00_start_here.ipynb").exists()
