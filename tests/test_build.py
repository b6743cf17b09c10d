"""`casebook build student|instructor`: copies of the ready lessons without the answers, or
with the teaching notes; bad input refused with a message and nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from casebook.build import (
    ANSWER_OUTPUT_TAG,
    NOTES_TAG,
    SOLUTION_TAG,
    STAMP,
    WITHHELD_TAG,
    WITHHELD_TEXT,
    BuildError,
    build_course,
    ready_lessons,
)
from casebook.cli import main
from conftest import NOTEBOOKS, REPO, cell_text, read_notebook

READY = {row["notebook"]: row["lesson_id"][:2] for row in ready_lessons(REPO)}


def tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def readable(cell: dict) -> str:
    """Everything of a cell a reader can see: its source and the text of its outputs."""
    parts = [cell_text(cell)]
    for output in cell.get("outputs", []):
        for value in [output.get("text", ""), *output.get("data", {}).values()]:
            parts.append("".join(value) if isinstance(value, list) else str(value))
    return "\n".join(parts)


def said_by(outputs: list) -> str:
    """What a cell's outputs say as plain text (the same for a stream and a display)."""
    return "".join("".join(o.get("text") or o.get("data", {}).get("text/plain", ""))
                   for o in outputs)


def listing(folder: Path) -> dict[str, int]:
    """Every file under ``folder`` with its size: to see that nothing was written."""
    return {p.relative_to(folder).as_posix(): p.stat().st_size
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The course's student and instructor builds, written once for the module."""
    folders = {}
    for kind in ("student", "instructor"):
        folders[kind] = tmp_path_factory.mktemp("builds") / kind
        build_course(kind, folders[kind], root=REPO)
    return folders


# -- the tags in the course's own lessons ----------------------------------------------------
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_answer_block_is_tagged_and_only_answer_blocks_are(path):
    """A new answer block cannot slip into a student copy untagged, and a stale tag cannot
    drop a question from it."""
    for number, cell in enumerate(read_notebook(path)["cells"], start=1):
        holds = "<details" in cell_text(cell) or "<details" in json.dumps(cell.get("outputs", []))
        problem = "an answer block without the tag" if holds else "tagged, but no <details>"
        assert holds == (SOLUTION_TAG in tags(cell)), f"{path.name}, cell {number}: {problem}"


def test_some_answer_blocks_are_not_alone_in_the_lessons():
    # The course has dozens of answer blocks; a test that found none would test nothing.
    tagged = sum(SOLUTION_TAG in tags(c) for p in NOTEBOOKS for c in read_notebook(p)["cells"])
    assert tagged > 2 * len(NOTEBOOKS)


# -- student copies --------------------------------------------------------------------------
def test_student_copies_hold_no_answer_and_every_other_cell(built):
    out = built["student"]
    assert sorted(p.name for p in (out / "notebooks").glob("*.ipynb")) == sorted(READY)
    for name in READY:
        source = read_notebook(REPO / "notebooks" / name)
        copy = read_notebook(out / "notebooks" / name)
        answers = [c for c in source["cells"] if SOLUTION_TAG in tags(c)]
        kept = [c for c in source["cells"] if SOLUTION_TAG not in tags(c)]
        assert answers, f"{name}: no answer cells to leave out"
        # Where each run of answer cells was, one line says the answers are left out.
        expected, previous = [], None
        for cell in source["cells"]:
            if SOLUTION_TAG not in tags(cell):
                if previous is not None and SOLUTION_TAG in tags(previous):
                    expected.append(f"{previous['id']}-withheld")
                expected.append(cell["id"])
            previous = cell
        if SOLUTION_TAG in tags(source["cells"][-1]):
            expected.append(f"{source['cells'][-1]['id']}-withheld")
        assert [c["id"] for c in copy["cells"]] == expected
        withheld = [c for c in copy["cells"] if WITHHELD_TAG in tags(c)]
        assert len(withheld) == len(expected) - len(kept) >= 1
        assert all(readable(c) == WITHHELD_TEXT for c in withheld)
        copy = {**copy, "cells": [c for c in copy["cells"] if WITHHELD_TAG not in tags(c)]}
        # Exercises, checks and their stored outputs are kept as they are.
        assert [c["outputs"] for c in copy["cells"] if c["cell_type"] == "code"] == \
            [c["outputs"] for c in kept if c["cell_type"] == "code"]
        seen = "\n".join(readable(c) for c in copy["cells"])
        assert "<details" not in seen, name
        for answer in answers:
            shown = readable(answer)
            block = shown[shown.index("<details"):]  # the answer as it is stored
            assert block not in seen, f"{name}: the answer of cell {answer['id']} survived"


def test_student_copies_run_with_their_data(built):
    out = built["student"]
    for folder in ("lessons_data", "seeds"):
        assert listing(out / folder) == listing(REPO / folder)
    for page in ("glossary.md", "position_memo_template.md"):
        assert (out / "notebooks" / page).read_bytes() == (REPO / "notebooks" / page).read_bytes()
    assert not (out / "instructors").exists()
    stamp = json.loads((out / STAMP).read_text(encoding="utf-8"))
    assert stamp["kind"] == "student"
    assert sorted(stamp["files"]) == sorted(listing(out).keys() - {STAMP})


@pytest.mark.parametrize("name", ["00_start_here.ipynb", "09_hindsight.ipynb"])
def test_each_exercise_check_runs_in_a_student_copy(built, name):
    """Run a student copy top to bottom in a fresh kernel, in its build folder: every
    exercise check runs and says what it says in the lesson."""
    from nbclient import NotebookClient

    from casebook.refresh import CurrentEnvironmentKernel

    folder = built["student"] / "notebooks"
    copy = nbformat.read(folder / name, as_version=4)
    NotebookClient(copy, kernel_manager_class=CurrentEnvironmentKernel, timeout=300,
                   resources={"metadata": {"path": str(folder)}}).execute()
    stored = {c["id"]: c for c in read_notebook(REPO / "notebooks" / name)["cells"]}
    checks = [c for c in copy.cells if c.cell_type == "code"
              and any(line.startswith("check_") for line in c.source.splitlines())]
    assert checks, f"{name}: no exercise check found"
    for cell in checks:
        assert all(o.output_type != "error" for o in cell.outputs)
        said = said_by(cell["outputs"])
        assert said and said == said_by(stored[cell.id]["outputs"]), f"{name}, cell {cell.id}"


# -- instructor copies -----------------------------------------------------------------------
def test_instructor_copies_keep_everything_and_open_with_the_notes(built):
    out = built["instructor"]
    for name, number in READY.items():
        source = read_notebook(REPO / "notebooks" / name)
        copy = read_notebook(out / "notebooks" / name)
        assert len(copy["cells"]) == len(source["cells"]) + 1
        assert copy["cells"][1:] == source["cells"]
        notes = copy["cells"][0]
        assert notes["cell_type"] == "markdown" and tags(notes) == [NOTES_TAG]
        [page] = (REPO / "instructors").glob(f"{number}_*.md")
        assert cell_text(notes) == page.read_text(encoding="utf-8").strip("\n")
        assert f"# Lesson {number}" in cell_text(notes)
        assert (out / "instructors" / page.name).read_bytes() == page.read_bytes()
    assert (out / "lessons_data" / "metadata.toml").is_file()


# -- bad input, on a small course of two lessons ---------------------------------------------
def small_course(root: Path, answer_tags=(SOLUTION_TAG,)) -> Path:
    """A course folder with two ready lessons and one draft: each ready lesson has a
    question, an answer block and a check whose output gives the answer away."""
    (root / "notebooks").mkdir(parents=True)
    (root / "lessons_data").mkdir()
    (root / "instructors").mkdir()
    (root / "pyproject.toml").write_text("[project]\nname = 'course'\n", encoding="utf-8")
    (root / "lessons_data" / "lessons.csv").write_text(
        "lesson_id,title,minutes,status,notebook,summary\n"
        "01_alpha,Alpha,10,ready,01_alpha.ipynb,First.\n"
        "02_beta,Beta,10,ready,02_beta.ipynb,Second.\n"
        "03_gamma,Gamma,10,draft,03_gamma.ipynb,Not yet.\n", encoding="utf-8")
    for number, name in (("01", "alpha"), ("02", "beta"), ("03", "gamma")):
        question = nbformat.v4.new_markdown_cell("Which colour is the sky?", id="q")
        answer = nbformat.v4.new_markdown_cell(
            f"<details><summary>Solution</summary>Blue, in {name}.</details>", id="a",
            metadata={"tags": list(answer_tags)})
        check = nbformat.v4.new_code_cell("check(colour)", id="c",
                                          metadata={"tags": [ANSWER_OUTPUT_TAG]},
                                          outputs=[nbformat.v4.new_output(
                                              "stream", name="stdout", text="It is blue.\n")])
        notebook = nbformat.v4.new_notebook(cells=[question, answer, check])
        nbformat.write(notebook, root / "notebooks" / f"{number}_{name}.ipynb")
        (root / "instructors" / f"{number}_{name}.md").write_text(
            f"# Lesson {number} notes\n\nAsk about {name}.\n", encoding="utf-8")
    return root


def test_a_small_course_builds_both_kinds(tmp_path):
    root = small_course(tmp_path / "course")
    said = build_course("student", tmp_path / "student", root=root)
    # Two ready lessons, one answer cell each (the line standing in for it is not counted).
    assert "(2 answer cell(s) left out)" in said[0]
    build_course("instructor", tmp_path / "instructor", root=root)
    student = read_notebook(tmp_path / "student" / "notebooks" / "01_alpha.ipynb")
    assert [c["id"] for c in student["cells"]] == ["q", "a-withheld", "c"]
    assert cell_text(student["cells"][1]) == WITHHELD_TEXT
    assert student["cells"][2]["outputs"] == []  # the check's output gave the answer away
    assert not (tmp_path / "student" / "notebooks" / "03_gamma.ipynb").exists()  # a draft
    teacher = read_notebook(tmp_path / "instructor" / "notebooks" / "02_beta.ipynb")
    assert [c["id"] for c in teacher["cells"]][1:] == ["q", "a", "c"]
    assert cell_text(teacher["cells"][0]) == "# Lesson 02 notes\n\nAsk about beta."
    assert said_by(teacher["cells"][3]["outputs"]) == "It is blue.\n"


def test_a_rebuild_replaces_the_previous_build_of_its_kind(tmp_path):
    root = small_course(tmp_path / "course")
    out = tmp_path / "student"
    build_course("student", out, root=root)
    (root / "lessons_data" / "lessons.csv").write_text(
        "lesson_id,title,minutes,status,notebook,summary\n"
        "02_beta,Beta,10,ready,02_beta.ipynb,Second.\n", encoding="utf-8")
    build_course("student", out, root=root)
    assert sorted(p.name for p in (out / "notebooks").glob("*.ipynb")) == ["02_beta.ipynb"]


def refused(kind: str, out: Path, root: Path, tmp_path: Path) -> str:
    """Build, expecting a refusal; check that no file under tmp_path changed; return the
    message."""
    before = listing(tmp_path)
    with pytest.raises(BuildError) as refusal:
        build_course(kind, out, root=root)
    assert listing(tmp_path) == before
    return str(refusal.value)


def test_a_folder_holding_other_files_is_refused(tmp_path):
    root = small_course(tmp_path / "course")
    out = tmp_path / "mine"
    out.mkdir()
    (out / "essay.md").write_text("my essay", encoding="utf-8")
    message = refused("student", out, root, tmp_path)
    assert "file(s) that no student build wrote (such as essay.md)" in message


def test_a_build_of_the_other_kind_is_refused(tmp_path):
    root = small_course(tmp_path / "course")
    build_course("instructor", tmp_path / "out", root=root)
    message = refused("student", tmp_path / "out", root, tmp_path)
    assert "holds an instructor build: a build writes only into an empty folder" in message


def test_a_previous_build_with_a_changed_or_added_file_is_refused(tmp_path):
    root = small_course(tmp_path / "course")
    out = tmp_path / "student"
    build_course("student", out, root=root)
    (out / "notebooks" / "01_alpha.ipynb").write_text("{}", encoding="utf-8")  # saved work
    (out / "notebooks" / "draft.txt").write_text("notes", encoding="utf-8")
    message = refused("student", out, root, tmp_path)
    assert "notebooks/01_alpha.ipynb (changed since the build)" in message
    assert "notebooks/draft.txt (not written by the build)" in message


def test_a_build_inside_the_notebooks_folder_is_refused(tmp_path):
    root = small_course(tmp_path / "course")
    message = refused("student", root / "notebooks" / "copies", root, tmp_path)
    assert "notebooks/ folder or inside it" in message


def test_an_untagged_answer_block_is_named_with_its_file_and_cell(tmp_path):
    root = small_course(tmp_path / "course", answer_tags=())
    message = refused("student", tmp_path / "student", root, tmp_path)
    assert message.splitlines() == [
        f"notebooks/{name}: cell 2 holds an answer block (<details>) without the tag "
        f"'{SOLUTION_TAG}'; tag it (View > Property inspector > Cell tags) so that student "
        "copies leave it out." for name in ("01_alpha.ipynb", "02_beta.ipynb")]


def test_a_missing_note_is_named_with_its_lesson_and_file(tmp_path):
    root = small_course(tmp_path / "course")
    (root / "instructors" / "02_beta.md").unlink()
    message = refused("instructor", tmp_path / "instructor", root, tmp_path)
    assert message == ("lesson 02 (Beta): no teaching notes; expected one file "
                       "instructors/02_*.md, such as instructors/02_beta.md (`casebook text "
                       "--render` writes it from instructors/source/).")
    build_course("student", tmp_path / "student", root=root)  # students need no notes


def test_two_notes_pages_for_one_lesson_are_named(tmp_path):
    root = small_course(tmp_path / "course")
    (root / "instructors" / "01_alpha_old.md").write_text("# Old\n", encoding="utf-8")
    message = refused("instructor", tmp_path / "instructor", root, tmp_path)
    assert message == ("lesson 01 (Alpha): 2 notes pages, instructors/01_alpha.md and "
                       "instructors/01_alpha_old.md; expected one: merge them.")


def test_a_lessons_table_without_its_columns_is_named(tmp_path):
    root = small_course(tmp_path / "course")
    (root / "lessons_data" / "lessons.csv").write_text("lesson_id,title\n01_alpha,Alpha\n",
                                                      encoding="utf-8")
    message = refused("student", tmp_path / "student", root, tmp_path)
    assert message.startswith("lessons_data/lessons.csv, row 1: the columns status, notebook "
                              "are missing")


def test_the_command_prints_the_problem_without_a_traceback(tmp_path, monkeypatch, capsys):
    root = small_course(tmp_path / "course", answer_tags=())
    monkeypatch.chdir(root)
    assert main(["build", "student"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("casebook build student: nothing was written.\n")
    assert "notebooks/01_alpha.ipynb: cell 2 holds an answer block" in err
    assert "Traceback" not in err
    assert not (root / "build").exists()


def test_the_command_writes_build_kind_in_the_course_folder(tmp_path, monkeypatch, capsys):
    root = small_course(tmp_path / "course")
    monkeypatch.chdir(root / "notebooks")
    assert main(["build", "instructor"]) == 0
    assert "Instructor copies of 2 ready lesson(s) written to" in capsys.readouterr().out
    assert (root / "build" / "instructor" / "notebooks" / "01_alpha.ipynb").is_file()


def test_refresh_keeps_the_tags(tmp_path):
    from casebook.refresh import refresh_notebook

    source = tmp_path / "tagged.ipynb"
    cell = nbformat.v4.new_code_cell("print('<details>x</details>')", id="t",
                                     metadata={"tags": [SOLUTION_TAG, ANSWER_OUTPUT_TAG]})
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), source)
    refresh_notebook(source, source, REPO / "lessons_data", {"case_folder": "x"})
    refreshed = read_notebook(source)["cells"][0]
    assert tags(refreshed) == [SOLUTION_TAG, ANSWER_OUTPUT_TAG]
    assert said_by(refreshed["outputs"]) == "<details>x</details>\n"
