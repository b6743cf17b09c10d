"""The second shipped case (tests/second_case/, invented from end to end) runs through every
lesson. It differs from the course's own case in every way an adaptation would: another
focus actor and article, five actors, four periods, one factor fewer, one option fewer, a
neutral tie, no council vote for sanctions by the focus actor before the article and no claim
rated 'error'. Each lesson runs on it in a fresh kernel, and what the lessons compute and
show (every output but the lesson's own prose) names only this case's actors, factors and
options: a name of the course's case there means the package or a code cell still names it."""

from __future__ import annotations

import json
import os
import re
from concurrent.futures import ThreadPoolExecutor

import nbformat
import pytest
from nbclient import NotebookClient

from casebook import load_case
from casebook.refresh import CurrentEnvironmentKernel
from casebook.text import is_text_cell
from conftest import DATA, NOTEBOOKS, REPO

SECOND = REPO / "tests" / "second_case"


def test_the_second_case_is_valid_and_differs_as_an_adaptation_would():
    case, second = load_case(DATA), load_case(SECOND)
    assert second.focus_actor != case.focus_actor
    assert second.article.title != case.article.title
    assert len(second.actors) < len(case.actors)
    assert len(second.periods) < len(case.periods)
    assert len(second.factors) == len(case.factors) - 1
    assert len(second.options) == len(case.options) - 1
    assert "neutral" in set(second.relations["sign"])
    assert "error" not in set(second.claims["verdict"]) and "error" in set(case.claims["verdict"])


def run_lesson(path):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, kernel_manager_class=CurrentEnvironmentKernel,
                            kernel_name="python3", timeout=300, record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    return notebook


@pytest.fixture(scope="module")
def second_runs():
    """Every lesson run once on the second case (two at a time: the machine has 2 cores)."""
    saved = os.environ.get("CASEBOOK_DATA")
    os.environ["CASEBOOK_DATA"] = str(SECOND)  # the kernels inherit it
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            runs = dict(zip(NOTEBOOKS, pool.map(_run_or_error, NOTEBOOKS), strict=True))
    finally:
        if saved is None:
            os.environ.pop("CASEBOOK_DATA", None)
        else:
            os.environ["CASEBOOK_DATA"] = saved
    return runs


def _run_or_error(path):
    try:
        return run_lesson(path)
    except Exception as error:  # noqa: BLE001 - reported by the test of that lesson
        return error


def names_of_the_course_case() -> dict[str, str]:
    """Each name of an actor, factor or option of the course's case, with where it is from."""
    shipped = load_case(DATA)
    names = {}
    for table, columns in (("actors", ("name", "short_name")),
                           ("factors", ("label", "short_label")),
                           ("options", ("label", "short_label"))):
        for column in columns:
            for value in getattr(shipped, table)[column]:
                names[value] = f"{table}.csv {column}"
    return names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_lesson_runs_on_the_second_case_and_names_only_its_own(path, second_runs):
    run = second_runs[path]
    assert not isinstance(run, Exception), f"{path.name} fails on the second case: {run}"
    second_names = set(names_of_the_course_case()) & {
        *load_case(SECOND).actors["short_name"], *load_case(SECOND).factors["short_label"]}
    foreign = {name: where for name, where in names_of_the_course_case().items()
               if name not in second_names}
    problems = []
    for number, cell in enumerate(run.cells, start=1):
        if cell.cell_type != "code" or is_text_cell(cell):
            continue  # a lesson's prose may speak of the course's case; its results may not
        shown = json.dumps([o for o in cell.outputs], ensure_ascii=False)
        for name, where in foreign.items():
            if re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", shown):
                problems.append(f"cell {number} shows {name!r} ({where} of the course's case)")
    assert not problems, f"{path.name} on the second case:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_the_second_case_gives_its_own_text(path, second_runs):
    run = second_runs[path]
    if isinstance(run, Exception):
        pytest.fail(f"{path.name} fails on the second case: {run}")
    second = load_case(SECOND)
    started = [c for c in run.cells if c.cell_type == "code" and "start(" in c.source]
    printed = "".join(o.get("text", "") for c in started for o in c.outputs)
    assert f"Case: {second.title}" in printed, (
        f"{path.name}: the banner should name the second case, printed {printed!r}")


# -- behaviour tested on both cases (the `case` fixture gives each) -------------------------

def lesson_numbers():
    return sorted({p.name[:2] for p in NOTEBOOKS})


def test_every_ready_lesson_can_run_on_both_cases(case):
    from casebook.requirements import unmet

    missing = {lesson: unmet(case, lesson) for lesson in lesson_numbers()}
    assert not any(missing.values()), {k: v for k, v in missing.items() if v}


@pytest.mark.parametrize("lesson", lesson_numbers())
def test_the_facts_of_every_lesson_compute_on_both_cases(case, lesson):
    from casebook.facts import facts_for

    facts = facts_for(lesson, case)
    assert facts["focus"] == case.actors.loc[case.focus_actor, "short_name"]
    assert facts["paragraph_count"] == len(case.paragraphs)
    empty = [name for name, value in facts.items() if value is None
             or (isinstance(value, float) and value != value)]
    assert not empty, f"lesson {lesson}: facts without a value on this case: {empty}"


def test_a_failing_test_that_pins_a_shipped_value_says_what_to_revise(tmp_path):
    import shutil
    import subprocess
    import sys

    shutil.copyfile(REPO / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_pinned.py").write_text(
        "import pytest\n\n"
        "@pytest.mark.pins_shipped_case('the key points of lesson 07')\n"
        "def test_six_actors():\n    assert 5 == 6\n\n"
        "def test_plain():\n    assert 5 == 6\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider",
                             "test_pinned.py"], cwd=tmp_path, capture_output=True, text=True)
    out = result.stdout
    assert result.returncode == 1 and "2 failed" in out
    assert out.count("a value of the shipped case changed") == 1
    assert "the test's expected value and the key points of lesson 07 need revising" in out
