"""Lesson text against the data: every text cell's stored output is what its template gives
with today's data, every number of fixed prose rests on a declared row, every rests-on
marker names a row as it is now, and every quotation matches its paragraph. The mechanism
itself (casebook.text) is tested here too, on small notebooks made in the test."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys

import pytest

from casebook.text import (
    check_notebook,
    check_notes,
    render,
    row_hash,
    stamp_file,
    text_cell,
)
from conftest import DATA, NOTEBOOKS, REPO

NOTES = sorted((REPO / "instructors").glob("*.md"))


@pytest.mark.pins_shipped_case("the lesson text that `casebook text` names")
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_lesson_text_agrees_with_the_data(path, case):
    findings = check_notebook(path, case)
    assert not findings, "\n".join(map(str, findings))


@pytest.mark.pins_shipped_case("the notes that `casebook text` names")
@pytest.mark.parametrize("path", NOTES, ids=[p.name for p in NOTES])
def test_instructor_notes_agree_with_the_data(path, case):
    findings = check_notes(path, case)
    assert not findings, "\n".join(map(str, findings))


# -- the mechanism, on a lesson and a case made for the test ----------------------------------

def lesson_with(tmp_path, cells, name="00_demo.ipynb"):
    folder = tmp_path / "notebooks"
    folder.mkdir(exist_ok=True)
    path = folder / name
    cells = [{**cell, "id": f"cell-{number}"} for number, cell in enumerate(cells)]
    path.write_text(json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                                "cells": cells}), encoding="utf-8")
    return path


def stored(cell, text):
    cell = dict(cell)
    cell["outputs"] = [{"output_type": "display_data", "metadata": {},
                        "data": {"text/markdown": text, "text/plain": text}}]
    return cell


def test_a_stale_sentence_is_named_with_what_the_data_gives_and_the_fix(tmp_path, case):
    cell = stored(text_cell("The article has {paragraph_count} paragraphs. It is short."),
                  f"The article has {len(case.paragraphs) + 1} paragraphs. It is short.")
    findings = check_notebook(lesson_with(tmp_path, [cell]), case)
    assert len(findings) == 1
    finding = findings[0]
    assert finding.where == "notebooks/00_demo.ipynb, cell 1"
    assert finding.says == f"The article has {len(case.paragraphs) + 1} paragraphs."
    assert finding.data == f"The article has {len(case.paragraphs)} paragraphs."
    assert finding.fix == "casebook refresh notebooks/00_demo.ipynb"


def test_a_current_text_cell_passes_and_an_unknown_name_is_reported(tmp_path, case):
    good = stored(text_cell("{paragraph_count:wcount=paragraph}."),
                  render("{paragraph_count:wcount=paragraph}.",
                         {"paragraph_count": len(case.paragraphs)}))
    bad = stored(text_cell("{no_such_fact}"), "x")
    findings = check_notebook(lesson_with(tmp_path, [good, bad]), case)
    assert [f.where for f in findings] == ["notebooks/00_demo.ipynb, cell 2"]
    assert "{no_such_fact}" in findings[0].data


def test_a_typed_number_in_prose_is_caught_unless_a_declared_row_backs_it(tmp_path, case):
    event_id = case.events.index[0]
    year = case.events.loc[event_id, "date"].year
    typed = {"cell_type": "markdown", "metadata": {}, "source": f"In {year} it began."}
    declared = {"cell_type": "markdown", "metadata": {},
                "source": f"In {year} it began. <!-- rests-on: events/{event_id} -->"}
    path = lesson_with(tmp_path, [typed, declared])
    findings = check_notebook(path, case)
    assert [(f.where, f.says) for f in findings] == [
        ("notebooks/00_demo.ipynb, cell 1", f"In {year} it began."),
        ("notebooks/00_demo.ipynb, cell 2", f"rests on events/{event_id}")]
    assert "no stamp yet" in findings[1].data
    assert stamp_file(path, case) == 1
    assert check_notebook(path, case)[1:] == [], "a stamped marker on a current row is quiet"


@pytest.mark.pins_shipped_case("nothing: it edits a copy of lessons_data/")
def test_a_marker_on_a_changed_or_missing_row_says_so(tmp_path, case):
    copy = tmp_path / "case"
    shutil.copytree(DATA, copy)
    from casebook import load_case

    event_id = case.events.index[0]
    lines = (copy / "events.csv").read_text(encoding="utf-8").splitlines()
    row = next(i for i, line in enumerate(lines) if line.startswith(event_id + ","))
    values = next(iter(csv.reader([lines[row]])))
    cell = {"cell_type": "markdown", "metadata": {},
            "source": f"Prose. <!-- rests-on: events/{event_id} {row_hash(values)} -->"
                      " <!-- rests-on: events/no_such_event -->"}
    path = lesson_with(tmp_path, [cell])
    lines[row] = lines[row].replace(event_id + ",", event_id + ",", 1) + " (edited)"
    (copy / "events.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    edited = load_case(copy)
    datas = [f.data for f in check_notebook(path, edited)]
    assert datas[0].startswith("that row has changed since the text was written")
    assert datas[1] == "no row 'no_such_event' in events"


@pytest.mark.pins_shipped_case("nothing: it edits a copy of lessons_data/")
def test_a_new_alias_leaves_the_text_on_its_row_quiet_and_a_new_fact_does_not(tmp_path):
    # Other spellings of a name state no fact: an instructor adding one must not be told to
    # revise every text that rests on the row. A changed fact in the same row still is.
    from casebook import load_case

    copy = tmp_path / "case"
    shutil.copytree(DATA, copy)
    factor_id = load_case(DATA).factors.index[0]
    cell = {"cell_type": "markdown", "metadata": {},
            "source": f"Prose. <!-- rests-on: factors/{factor_id} -->"}
    path = lesson_with(tmp_path, [cell])
    assert stamp_file(path, load_case(DATA)) == 1
    table = copy / "factors.csv"
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    columns = list(rows[0])
    rows[0]["aliases"] = (rows[0]["aliases"] + "; " if rows[0]["aliases"] else "") + "Zzz"

    def write(rows):
        with table.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, columns)
            writer.writeheader()
            writer.writerows(rows)

    write(rows)
    assert check_notebook(path, load_case(copy)) == [], "an alias is not a fact"
    rows[0]["description"] += " (edited)"
    write(rows)
    findings = check_notebook(path, load_case(copy))
    assert [f.says for f in findings] == [f"rests on factors/{factor_id}"]
    assert findings[0].data.startswith("that row has changed since the text was written")


def test_a_misquotation_names_the_paragraph(tmp_path, case):
    number, paragraph = next(iter(case.paragraphs.items()))
    words = paragraph.split()[:4]
    right = " ".join(words)
    wrong = " ".join(reversed(words))
    notes = tmp_path / "notes.md"
    notes.write_text(f'He wrote "{right}" [¶{number}] and "{wrong}" [¶{number}].',
                     encoding="utf-8")
    findings = check_notes(notes, case)
    assert len(findings) == 1 and findings[0].says == f'"{wrong}" [¶{number}]'


def test_casebook_text_exits_one_and_names_the_file_when_text_disagrees(tmp_path):
    course = tmp_path / "course"
    (course / "notebooks").mkdir(parents=True)
    shutil.copytree(DATA, course / "lessons_data")
    (course / "pyproject.toml").write_text("", encoding="utf-8")
    cell = {"cell_type": "markdown", "metadata": {}, "source": "It has 12345 rows."}
    lesson_with(course, [cell], name="00_demo.ipynb")
    result = subprocess.run([sys.executable, "-m", "casebook", "text"], cwd=course,
                            capture_output=True, text=True,
                            env={"PATH": "/usr/bin", "PYTHONPATH": str(REPO / "src")})
    assert result.returncode == 1, result.stderr
    assert "notebooks/00_demo.ipynb, cell 1" in result.stdout
    assert "12345 is not computed from the case" in result.stdout
    assert result.stdout.strip().endswith("case in lessons_data/.")


def test_validate_names_the_lesson_text_that_rests_on_an_edited_row(tmp_path):
    course = tmp_path / "course"
    (course / "notebooks").mkdir(parents=True)
    (course / "instructors").mkdir()
    shutil.copytree(DATA, course / "lessons_data")
    (course / "pyproject.toml").write_text("", encoding="utf-8")
    from casebook import load_case

    case = load_case(course / "lessons_data")
    preset = case.presets.index[0]
    cell = {"cell_type": "markdown", "metadata": {},
            "source": f"The first reading. <!-- rests-on: presets/{preset} -->"}
    path = lesson_with(course, [cell], name="00_demo.ipynb")
    stamp_file(path, case)
    env = {"PATH": "/usr/bin", "PYTHONPATH": str(REPO / "src")}
    quiet = subprocess.run([sys.executable, "-m", "casebook", "validate"], cwd=course,
                           capture_output=True, text=True, env=env)
    assert quiet.returncode == 0 and "Lesson text: agrees with this data." in quiet.stdout
    presets = course / "lessons_data" / "presets.csv"
    rows = list(csv.reader(presets.read_text(encoding="utf-8").splitlines()))
    label = rows[0].index("label")
    rows[1][label] += " (edited)"
    with presets.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    edited = subprocess.run([sys.executable, "-m", "casebook", "validate"], cwd=course,
                            capture_output=True, text=True, env=env)
    assert edited.returncode == 0, edited.stderr
    assert (f"notebooks/00_demo.ipynb, cell 1 speaks of presets/{preset}: that row has "
            "changed since the text was written") in edited.stdout
    assert "casebook refresh --stale" in edited.stdout


def test_a_lesson_whose_data_is_absent_stops_with_one_sentence(tmp_path, capsys):
    from casebook.text import LessonCannotRun, start

    copy = tmp_path / "case"
    shutil.copytree(REPO / "tests" / "second_case", copy)
    (copy / "un_votes.csv").unlink()
    (copy / "member_votes.csv").unlink()
    with pytest.raises(LessonCannotRun) as stopped:
        start("05", copy)
    shown = stopped.value._render_traceback_()
    assert len(shown) == 1 and shown[0].startswith("This case cannot run lesson 05: ")
    assert "un_votes.csv" in shown[0] and "`casebook validate`" in shown[0]
    assert capsys.readouterr().out.startswith("Case: ")  # which case, before the sentence
    case, facts = start("00", copy)  # a lesson that does not need the votes still runs
    assert facts["focus"] == case.actors.loc[case.focus_actor, "short_name"]
