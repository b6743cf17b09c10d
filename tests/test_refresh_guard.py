"""`casebook refresh` respects the instructor: another case never overwrites the lessons
unasked, the same data gives the same bytes, only stale lessons rerun, no kernel noise on
the terminal, bad input gets one line and changes nothing. Also the nbval hint."""

import csv
import json
import re
import shutil
import subprocess
import sys
import types
from pathlib import Path

import nbformat
import pytest

from casebook import refresh, schema
from casebook.cli import main
from casebook.glossary import glossary_page
from conftest import DATA, REPO

PRINT_CASE = "from casebook import load_case\ncase = load_case()\nprint(case.data_dir.name)"
WIDGETS = ("import ipywidgets as w\n"
           "box = w.VBox([w.IntSlider(value=3, description='n'), w.HTML('<b>hi</b>')])\n"
           "w.jslink((box.children[0], 'value'), (w.IntText(), 'value'))\nbox")


def write_notebook(path, *sources):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    nbformat.write(notebook, path)
    return path


@pytest.fixture
def project(tmp_path):
    """A copy of the course's layout: notebooks/ beside its own lessons_data/, and a
    second case elsewhere."""
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "notebooks").mkdir()
    shutil.copytree(DATA, tmp_path / "lessons_data")
    shutil.copytree(DATA, tmp_path / "elsewhere" / "other_case")
    return tmp_path


def stored_text(path, cell=0):
    outputs = json.loads(path.read_text())["cells"][cell]["outputs"]
    return "".join("".join(o.get("text", "")) for o in outputs)


def edit_first_note(csv_path, text):
    """Change the note of the first row of a case table (a column every table may hold)."""
    with csv_path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["note"] = text
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# -- the guard ------------------------------------------------------------------------------
def test_another_case_goes_to_a_build_folder_and_leaves_the_lesson_untouched(project, capsys):
    lesson = write_notebook(project / "notebooks" / "01_x.ipynb", PRINT_CASE)
    before = lesson.read_bytes()
    assert main(["refresh", str(lesson), "--data", str(project / "elsewhere/other_case")]) == 0
    assert lesson.read_bytes() == before
    copy = project / "build" / "other_case" / "notebooks" / "01_x.ipynb"
    assert stored_text(copy) == "other_case\n"
    out = capsys.readouterr().out
    assert "is not the notebooks' own case" in out and "not touched" in out
    assert f"outputs refreshed -> {copy}" in out
    # The copies' glossary links reach their own case's glossary page, written beside them.
    other = refresh.load_case(project / "elsewhere" / "other_case")
    assert (copy.parent / "glossary.md").read_text(encoding="utf-8") == glossary_page(other)
    assert f"{copy.parent / 'glossary.md'}: the glossary of case other_case/" in out
    assert not (project / "notebooks" / "glossary.md").exists()


def test_casebook_data_in_the_environment_is_guarded_the_same_way(project, monkeypatch):
    lesson = write_notebook(project / "notebooks" / "01_x.ipynb", PRINT_CASE)
    before = lesson.read_bytes()
    monkeypatch.setenv("CASEBOOK_DATA", str(project / "elsewhere" / "other_case"))
    assert main(["refresh", str(lesson)]) == 0
    assert lesson.read_bytes() == before
    assert stored_text(project / "build/other_case/notebooks/01_x.ipynb") == "other_case\n"


def test_in_place_overwrites_the_lesson_with_the_other_case_only_when_asked(project):
    lesson = write_notebook(project / "notebooks" / "01_x.ipynb", PRINT_CASE)
    assert main(["refresh", str(lesson), "--in-place",
                 "--data", str(project / "elsewhere/other_case")]) == 0
    assert stored_text(lesson) == "other_case\n"
    assert not (project / "build").exists()


def test_the_notebooks_own_case_is_refreshed_in_place_by_default(project):
    lesson = write_notebook(project / "notebooks" / "01_x.ipynb", PRINT_CASE)
    assert main(["refresh", str(lesson)]) == 0
    assert stored_text(lesson) == "lessons_data\n"


def test_out_writes_the_copies_where_asked(project, tmp_path_factory):
    lesson = write_notebook(project / "notebooks" / "01_x.ipynb", PRINT_CASE)
    out = tmp_path_factory.mktemp("out") / "deep" / "folder"
    assert main(["refresh", str(lesson), "--out", str(out)]) == 0
    assert stored_text(out / "01_x.ipynb") == "lessons_data\n"


def bad_input(capsys, *args):
    code = main(["refresh", *args])
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and captured.out == "", captured
    return lines[0]


def test_bad_input_gets_one_line_and_nothing_is_written(project, capsys):
    lesson = write_notebook(project / "notebooks" / "01_x.ipynb", PRINT_CASE)
    before = lesson.read_bytes()
    missing = project / "no_such_case"
    assert f"--data names {missing}, which is not a folder" in bad_input(
        capsys, str(lesson), "--data", str(missing))
    text = project / "notes.txt"
    text.write_text("not a notebook")
    assert "notes.txt: not a notebook (expected a .ipynb file)" in bad_input(capsys, str(text))
    broken = project / "notebooks" / "02_broken.ipynb"
    broken.write_text("{ not json")
    assert "02_broken.ipynb: not a readable notebook" in bad_input(
        capsys, str(lesson), str(broken))
    assert "99_gone.ipynb: no such file" in bad_input(
        capsys, str(project / "notebooks" / "99_gone.ipynb"))
    a_file = project / "taken"
    a_file.write_text("mine")
    assert "taken is a file, not a folder" in bad_input(
        capsys, str(lesson), "--out", str(a_file / "sub"))
    assert "overwrite them only with --in-place" in bad_input(
        capsys, str(lesson), "--data", str(project / "elsewhere/other_case"),
        "--out", str(project / "notebooks"))
    assert lesson.read_bytes() == before and a_file.read_text() == "mine"
    assert not (project / "build").exists()


def test_a_case_that_does_not_validate_is_named_with_the_command_that_explains(project, capsys):
    lesson = write_notebook(project / "notebooks" / "01_x.ipynb", PRINT_CASE)
    before = lesson.read_bytes()
    (project / "lessons_data" / schema.TABLES["actors"].file).write_text("nonsense\n")
    line = bad_input(capsys, str(lesson))
    assert "the case data has" in line and "casebook validate" in line
    assert lesson.read_bytes() == before


# -- deterministic outputs ------------------------------------------------------------------
def test_refreshing_twice_gives_the_same_bytes_and_ids_no_kernel_chose(project):
    lesson = write_notebook(project / "notebooks" / "06_w.ipynb", WIDGETS, "print('after')")
    assert main(["refresh", str(lesson)]) == 0
    first = lesson.read_bytes()
    assert main(["refresh", str(lesson)]) == 0
    assert lesson.read_bytes() == first
    notebook = json.loads(first)
    state = notebook["metadata"]["widgets"][refresh.WIDGET_STATE]["state"]
    assert list(state) == sorted(state) and len(state) >= 6  # box, slider, html, link, ...
    shown = notebook["cells"][0]["outputs"][0]["data"][refresh.WIDGET_VIEW]["model_id"]
    assert shown == refresh.uuid.uuid5(refresh.WIDGET_NAMESPACE,
                                       f"cell {notebook['cells'][0]['id']} output 0").hex
    # Every reference still points at a stored model.
    references = re.findall(r"IPY_MODEL_([0-9a-f]{32})", json.dumps(state))
    assert references and set(references) <= set(state)


def test_printed_text_sent_in_pieces_is_stored_as_one_output(tmp_path):
    # print() sends its text and its line end apart when the kernel flushes in between.
    lesson = write_notebook(tmp_path / "lesson.ipynb",
                            "import sys, time\nprint('half', end='')\nsys.stdout.flush()\n"
                            "time.sleep(0.3)\nprint(' and half')")
    assert main(["refresh", str(lesson)]) == 0
    outputs = json.loads(lesson.read_text())["cells"][0]["outputs"]
    assert [(o["name"], "".join(o["text"])) for o in outputs] == [("stdout", "half and half\n")]


def widget_notebook(box, child, extra_cells=()):
    view = {"output_type": "display_data", "metadata": {},
            "data": {refresh.WIDGET_VIEW: {"model_id": box, "version_major": 2}}}
    state = {box: {"model_name": "VBoxModel", "state": {"children": [f"IPY_MODEL_{child}"]}},
             child: {"model_name": "IntSliderModel", "state": {"value": 3}}}
    cells = [{"id": "first", "cell_type": "code", "outputs": [view]}, *extra_cells]
    return {"cells": cells, "metadata": {"widgets": {refresh.WIDGET_STATE: {"state": state}}}}


def test_stable_ids_do_not_depend_on_the_kernels_ids():
    one = refresh.stable_widget_ids(widget_notebook("a" * 32, "b" * 32))
    other = refresh.stable_widget_ids(widget_notebook("c" * 32, "d" * 32))
    assert one == other
    assert "a" * 32 not in json.dumps(one) and "b" * 32 not in json.dumps(one)


def test_a_widget_added_in_a_later_cell_leaves_the_earlier_ids_alone():
    alone = refresh.stable_widget_ids(widget_notebook("a" * 32, "b" * 32))
    later = {"id": "later", "cell_type": "code", "outputs": [
        {"output_type": "display_data", "metadata": {},
         "data": {refresh.WIDGET_VIEW: {"model_id": "e" * 32}}}]}
    notebook = widget_notebook("a" * 32, "b" * 32, [later])
    notebook["metadata"]["widgets"][refresh.WIDGET_STATE]["state"]["e" * 32] = {"state": {}}
    grown = refresh.stable_widget_ids(notebook)
    before = alone["metadata"]["widgets"][refresh.WIDGET_STATE]["state"]
    after = grown["metadata"]["widgets"][refresh.WIDGET_STATE]["state"]
    assert set(before) < set(after) and all(after[k] == v for k, v in before.items())


def test_an_unshown_model_is_named_by_its_content_not_its_kernel_id():
    def with_link(link_id):
        notebook = widget_notebook("a" * 32, "b" * 32)
        state = notebook["metadata"]["widgets"][refresh.WIDGET_STATE]["state"]
        state[link_id] = {"model_name": "LinkModel",
                          "state": {"source": ["IPY_MODEL_" + "b" * 32, "value"]}}
        return refresh.stable_widget_ids(notebook)

    assert with_link("1" * 32) == with_link("f" * 32)


# -- fingerprints and --stale ---------------------------------------------------------------
@pytest.fixture
def declared(monkeypatch):
    """A stand-in for casebook.requirements: lesson 06 uses the events table only."""
    module = types.ModuleType("casebook.requirements")
    module.tables_used = lambda lesson: {"06": ("events",)}[lesson]
    monkeypatch.setitem(sys.modules, "casebook.requirements", module)


def test_refresh_records_the_case_and_a_fingerprint_of_each_file(project):
    lesson = write_notebook(project / "notebooks" / "99_w.ipynb", "1")  # declares nothing
    assert main(["refresh", str(lesson)]) == 0
    stamp = json.loads(lesson.read_text())["metadata"]["casebook"]
    assert stamp["case_folder"] == "lessons_data"
    assert stamp["case_title"] == refresh.load_case(project / "lessons_data").title
    files = stamp["fingerprints"]
    assert {schema.METADATA_FILE, schema.TABLES["events"].file} <= set(files)
    events = project / "lessons_data" / schema.TABLES["events"].file
    assert files[events.name] == refresh.file_fingerprint(events)
    assert len(set(files.values())) == len(files)  # different files, different hashes


def test_stale_reruns_only_what_the_lessons_use_changed(project, capsys, declared):
    data = project / "lessons_data"
    lesson = write_notebook(project / "notebooks" / "06_w.ipynb", PRINT_CASE)
    undeclared = write_notebook(project / "notebooks" / "07_w.ipynb", PRINT_CASE)
    assert main(["refresh", "--stale", str(lesson), str(undeclared)]) == 0
    assert "no record of the data" in capsys.readouterr().out
    recorded = json.loads(lesson.read_text())["metadata"]["casebook"]["fingerprints"]
    # What it declares, and what every lesson reads: metadata, the article, lessons.csv and
    # the glossary (every lesson's text links its terms).
    assert set(recorded) == {schema.TABLES["events"].file, schema.METADATA_FILE,
                             refresh.load_case(data).article.numbered_file,
                             schema.TABLES["lessons"].file, schema.TABLES["glossary"].file}
    assert main(["refresh", "--stale", str(lesson), str(undeclared)]) == 0
    assert capsys.readouterr().out.count("up to date, skipped") == 2

    edit_first_note(data / schema.TABLES["relations"].file, "edited by the instructor")
    before = lesson.read_bytes()
    assert main(["refresh", "--stale", str(lesson), str(undeclared)]) == 0
    out = capsys.readouterr().out
    assert "06_w.ipynb: up to date, skipped" in out  # 06 declares events only
    assert "07_w.ipynb (relations.csv changed): outputs refreshed" in out  # 07 declares nothing
    assert lesson.read_bytes() == before

    edit_first_note(data / schema.TABLES["events"].file, "edited by the instructor")
    assert main(["refresh", "--stale", str(lesson)]) == 0
    assert "06_w.ipynb (events.csv changed): outputs refreshed" in capsys.readouterr().out
    assert lesson.read_bytes() != before

    # A lesson's minutes (its first output) live in lessons.csv, which no lesson declares.
    lessons = data / schema.TABLES["lessons"].file
    lessons.write_text(lessons.read_text(encoding="utf-8").replace(",60,", ",65,", 1),
                       encoding="utf-8")
    assert main(["refresh", "--stale", str(lesson)]) == 0
    assert "06_w.ipynb (lessons.csv changed): outputs refreshed" in capsys.readouterr().out

    glossary = data / schema.TABLES["glossary"].file
    glossary.write_text(glossary.read_text(encoding="utf-8") + "edited_term,edited term,,"
                        "A term an instructor added.,\n", encoding="utf-8")
    assert main(["refresh", "--stale", str(lesson)]) == 0
    assert "06_w.ipynb (glossary.csv changed): outputs refreshed" in capsys.readouterr().out


def test_stale_reruns_a_lesson_whose_cells_changed(project, capsys, declared):
    lesson = write_notebook(project / "notebooks" / "06_w.ipynb", "print(1)")
    assert main(["refresh", str(lesson)]) == 0
    notebook = nbformat.read(lesson, as_version=4)
    notebook.cells[0].source = "print(2)"
    nbformat.write(notebook, lesson)
    capsys.readouterr()
    assert main(["refresh", "--stale", str(lesson)]) == 0
    assert "(its cells changed): outputs refreshed" in capsys.readouterr().out
    assert stored_text(lesson) == "2\n"


def test_stale_compares_the_copy_in_the_output_folder(project, capsys):
    lesson = write_notebook(project / "notebooks" / "06_w.ipynb", PRINT_CASE)
    other = project / "elsewhere" / "other_case"
    assert main(["refresh", str(lesson), "--data", str(other)]) == 0
    assert main(["refresh", "--stale", str(lesson), "--data", str(other)]) == 0
    assert "06_w.ipynb: up to date, skipped" in capsys.readouterr().out


# -- the terminal ---------------------------------------------------------------------------
def test_refresh_prints_no_kernel_warning_but_still_a_failing_cells_error(tmp_path):
    good = write_notebook(tmp_path / "good.ipynb", "print('fine')")
    run = subprocess.run([sys.executable, "-m", "casebook", "refresh", str(good)],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 0 and run.stderr == ""
    bad = write_notebook(tmp_path / "bad.ipynb", "raise ValueError('broken on purpose')")
    run = subprocess.run([sys.executable, "-m", "casebook", "refresh", str(bad)],
                         capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 1
    assert "broken on purpose" in run.stderr and "WARNING" not in run.stderr


def test_a_kernel_without_encryption_talks_over_local_sockets_kept_out_of_the_lesson(
        tmp_path, capfd, monkeypatch):
    from nbclient import NotebookClient
    from traitlets import default

    class LocalSocketsKernel(refresh.CurrentEnvironmentKernel):
        """As on a machine whose pyzmq has no CurveZMQ."""

        @default("transport_encryption")
        def _no_curve(self):
            return "disabled"

        @default("transport")
        def _local(self):
            return "ipc"

        def start_kernel(self, **options):
            super().start_kernel(**options)
            socket_paths.append(Path(self.ip))

    socket_paths = []
    monkeypatch.chdir(tmp_path)  # where jupyter_client would put the sockets by default
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(7)")])
    NotebookClient(notebook, kernel_manager_class=LocalSocketsKernel, timeout=60,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    assert notebook.cells[0].outputs[0]["text"] == "7\n"
    assert "WARNING" not in capfd.readouterr().err
    # Sockets a killed run would leave behind must not land in the lessons' folder.
    assert socket_paths[0].is_absolute() and tmp_path not in socket_paths[0].parents
    assert list(tmp_path.iterdir()) == []


# -- nbval ----------------------------------------------------------------------------------
def test_an_nbval_mismatch_ends_with_the_command_that_regenerates_the_outputs(tmp_path):
    lesson = write_notebook(tmp_path / "03_wrong.ipynb", "print(6 * 7)")
    notebook = nbformat.read(lesson, as_version=4)
    notebook.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text="41\n")]
    notebook.cells[0].execution_count = 1
    nbformat.write(notebook, lesson)
    # The lesson tested on its own: pyproject.toml's -p casebook.pytest_plugin gives the hint.
    run = subprocess.run([sys.executable, "-m", "pytest", "-c", str(REPO / "pyproject.toml"),
                          "-q", "-rN", str(lesson)], capture_output=True, text=True, cwd=REPO)
    assert run.returncode == 1, run.stdout
    failure = run.stdout.split("Cell outputs differ", 1)[1].split("\n1 failed in")[0]
    hint = (f"Stored outputs differ from this run. If the change is intended, regenerate "
            f"them: casebook refresh {lesson}")
    assert failure.count(hint) == 1
    assert failure.rstrip().endswith(hint)
