"""The casebook command: validate, check, refresh. Refresh must never damage a notebook."""

import json
import shutil
import subprocess
import sys
import tomllib

import nbformat

from casebook.cli import main
from conftest import DATA, REPO


def test_validate_prints_one_summary_line_and_exits_zero_on_the_real_data(capsys):
    assert main(["validate", str(DATA)]) == 0
    lines = capsys.readouterr().out.splitlines()
    # The summary, then the per-lesson report (tests/test_requirements.py checks it).
    assert lines[0].startswith("Loaded '") and lines[1] == "Lessons this case can run:"
    assert not any(line.startswith("note:") for line in lines)


def test_validate_finds_the_data_from_the_working_directory(capsys, monkeypatch):
    monkeypatch.chdir(DATA.parent / "notebooks")
    assert main(["validate"]) == 0
    assert "from lessons_data/" in capsys.readouterr().out


def test_python_dash_m_casebook_is_the_same_command():
    result = subprocess.run([sys.executable, "-m", "casebook", "validate", str(DATA)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.startswith("Loaded '")


def test_check_reports_on_the_runtime_packages_of_the_test_environment(capsys):
    runtime = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    assert main(["check"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Python: fine (3.11 or newer)",
        f"All {len(runtime)} course packages are installed at the tested versions."]


def write_notebook(path, *sources):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    nbformat.write(notebook, path)


def test_refresh_stores_outputs_numbered_from_one(tmp_path, capsys):
    path = tmp_path / "lesson.ipynb"
    write_notebook(path, "x = 6 * 7", "print(x)")
    assert main(["refresh", str(path)]) == 0
    cells = json.loads(path.read_text())["cells"]
    assert [c["execution_count"] for c in cells] == [1, 2]
    assert "".join(cells[1]["outputs"][0]["text"]) == "42\n"


def test_refresh_leaves_a_failing_notebook_exactly_as_it_was(tmp_path, capsys):
    path = tmp_path / "lesson.ipynb"
    write_notebook(path, "print('kept')", "raise ValueError('broken on purpose')")
    before = path.read_bytes()
    assert main(["refresh", str(path)]) == 1
    assert path.read_bytes() == before
    err = capsys.readouterr().err
    assert "a cell failed, the notebook was left unchanged" in err
    assert "broken on purpose" in err
    assert not list(tmp_path.glob("*.tmp"))


def test_refresh_runs_each_notebook_in_its_own_folder(tmp_path, capsys):
    lesson_dir = tmp_path / "notebooks"
    lesson_dir.mkdir()
    shutil.copytree(DATA, tmp_path / "lessons_data")
    shutil.copytree(DATA.parent / "seeds", tmp_path / "seeds")
    path = lesson_dir / "lesson.ipynb"
    write_notebook(path, "from casebook import load_case\nprint(load_case().data_dir)")
    assert main(["refresh", str(path)]) == 0
    output = "".join(json.loads(path.read_text())["cells"][0]["outputs"][0]["text"])
    assert output.strip() == str((tmp_path / "lessons_data").resolve())
