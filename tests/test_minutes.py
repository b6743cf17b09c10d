"""Honest minutes: `casebook minutes` counts what a student reads and does in each lesson, and
lessons.csv states minutes within 20% of the estimate."""

import json
import re
import shutil

import pytest

from casebook import minutes
from casebook.cli import main
from casebook.minutes import LessonCount, count_cell, count_notebook, ready_lessons
from conftest import DATA, REPO


def markdown(text: str, tags=()) -> dict:
    return {"cell_type": "markdown", "metadata": {"tags": list(tags)}, "source": text}


def text_cell(template: str, rendered: str, tags=()) -> dict:
    return {"cell_type": "code", "metadata": {"tags": ["casebook-text", *tags]},
            "source": f'say(facts, """{template}""")',
            "outputs": [{"output_type": "display_data",
                         "data": {"text/markdown": rendered, "text/plain": rendered}}]}


def table_cell(tables: int, tags=()) -> dict:
    html = "<p>caption</p>" + "<table><tr><td>a cell of many words</td></tr></table>" * tables
    return {"cell_type": "code", "metadata": {"tags": list(tags)}, "source": "show(table)",
            "outputs": [{"output_type": "display_data",
                         "data": {"text/html": html, "text/plain": "a cell"}}]}


# -- what is counted ------------------------------------------------------------------------

def test_a_text_cell_counts_its_rendered_output_not_its_template():
    cell = text_cell("{count:Words} events: {names:and}.", "Three events: a, b and c.")
    assert count_cell(cell) == LessonCount(words=6)


def test_markers_and_tags_are_not_words_and_a_markdown_table_is_a_table():
    cell = markdown("<details><summary><b>Check</b></summary>\n\nTwo-party talks, 2,397 "
                    "<!-- rests-on: events/talks 1a2b3c4d -->\n\n| minutes | part |\n"
                    "|---|---|\n| 5 | reading the long table |\n</details>")
    assert count_cell(cell) == LessonCount(words=4, tables=1)


def test_tables_are_counted_in_the_html_a_code_cell_shows_and_their_cells_are_not_words():
    assert count_cell(table_cell(2)) == LessonCount(tables=2)
    assert count_cell({"cell_type": "code", "metadata": {}, "source": "x = 1",
                       "outputs": []}) == LessonCount()


def test_questions_are_numbered_items_under_a_bold_lead_but_not_the_objectives():
    text = ("**Objectives** — by the end of this lesson you can:\n1. cite it;\n2. date it.\n\n"
            "**Use the chart to answer these** (note your answers, then open the block\n"
            "below):\n\n1. Which row?\n2. Which year?\n3. Why?\n\n"
            "<details>\n<summary><b>Check your answers</b></summary>\n\n1. The top row.\n"
            "2. 2017.\n3. Because.\n</details>\n\nThe steps the lesson takes:\n\n1. read\n"
            "2. rate\n\n**Discuss:**\n1. Is it fair?")
    assert minutes.count_questions(text) == 4


def test_exercises_are_the_sections_headed_exercise_challenge_or_your_turn():
    cells = [markdown("## Exercise 1: count\n\nReplace `None`."), markdown("### Challenge"),
             markdown("## Your turn"), markdown("An exercise in the text is not a section.")]
    assert count_notebook({"cells": cells}).exercises == 3


def test_the_estimate_adds_reading_time_and_the_allowances():
    # The heading gives 4 words and the questions 8 ("1", "One", ...): two minutes' reading.
    words = "word " * (2 * minutes.READING_RATE - 12)
    cells = [markdown("## Exercise 1: a test\n\n" + words), table_cell(2),
             markdown("**Answer these:**\n1. One?\n2. Two?\n3. Three?")]
    count = count_notebook({"cells": cells})
    assert (count.words, count.tables, count.questions, count.exercises) == (
        2 * minutes.READING_RATE, 2, 3, 1)
    # 2 minutes of reading, 2 tables at 1, 3 questions at 2, 1 exercise at 5.
    assert count.minutes == pytest.approx(15)


def test_cells_tagged_skim_count_as_skimmed():
    plain = count_notebook({"cells": [table_cell(3), markdown("word " * 476)]})
    skimmed = count_notebook({"cells": [table_cell(3, tags=["skim"]),
                                        markdown("word " * 476, tags=["skim"])]})
    assert (skimmed.tables, skimmed.skimmed_tables, skimmed.words, skimmed.skimmed_words) == (
        0, 3, 0, 476)
    assert plain.minutes - skimmed.minutes == pytest.approx(3 * 0.75 + 1.0)


def test_rounding_and_the_tolerance():
    assert [minutes.rounded(m) for m in (19.4, 52.5, 88.6, 2.0)] == [20, 55, 90, 5]
    assert minutes.within_tolerance(60, 70.6) and not minutes.within_tolerance(75, 50.4)
    assert minutes.within_tolerance(48, 40) and not minutes.within_tolerance(49, 40)


# -- the course's lessons --------------------------------------------------------------------

def course_rows(case):
    return {row.number: row for row in minutes.measure_lessons(
        ready_lessons(case.lessons, REPO / "notebooks"))}


@pytest.mark.pins_shipped_case("lessons.csv's minutes")
def test_every_ready_lesson_states_minutes_within_20_percent_of_the_estimate(case, request):
    rows = course_rows(case)
    ready = [str(i).split("_")[0] for i in case.lessons.index[case.lessons["status"] == "ready"]]
    assert sorted(rows) == sorted(ready)  # every ready lesson is measured
    off = {number: f"states {row.stated}, estimate {row.estimate:.1f} "
                   f"(set {minutes.rounded(row.estimate)} or tag cells to skim)"
           for number, row in rows.items() if not row.agrees}
    assert not off, f"lessons.csv minutes more than 20% off the estimate: {off}"


@pytest.mark.pins_shipped_case("the lessons' exercises")
def test_each_counted_exercise_has_its_answer_cell(case):
    # Independent of the headings: an exercise's answer cell sets a name to None and checks it.
    for number, _, _, path in ready_lessons(case.lessons, REPO / "notebooks"):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        answers = [c for c in cells if c["cell_type"] == "code"
                   and "casebook-text" not in c["metadata"].get("tags", [])
                   and re.search(r"^\w+ = None\b", "".join(c["source"]), re.MULTILINE)
                   and "check" in "".join(c["source"])]
        assert minutes.count_lesson(path).exercises == len(answers), number


def test_casebook_minutes_prints_every_ready_lesson_and_the_rates(capsys, monkeypatch):
    monkeypatch.chdir(REPO)
    assert main(["minutes"]) == 0
    out = capsys.readouterr().out
    assert "Reading 238 words a minute (Brysbaert 2019" in out
    numbers = [line.split()[0] for line in out.splitlines()[2:] if re.match(r"\d\d ", line)]
    assert numbers == [f"{n:02d}" for n in range(11)]


def test_casebook_minutes_check_fails_naming_a_lesson_off_by_more_than_20_percent(
        tmp_path, capsys, monkeypatch):
    data = tmp_path / "case"
    shutil.copytree(DATA, data)
    lessons = data / "lessons.csv"
    text = lessons.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("00_"))
    lessons.write_text(text.replace(line, line.replace(",20,ready,", ",60,ready,")),
                       encoding="utf-8")
    monkeypatch.chdir(REPO)
    assert main(["minutes", "--check", "--data", str(data)]) == 1
    captured = capsys.readouterr()
    assert re.search(r"^00 .* 60  NO ", captured.out, re.MULTILINE)
    assert "Off by more than 20%: lesson 00" in captured.err
