"""`casebook check` and the environment cell of lesson 00: the runtime packages only (the
test ones on request), a non-zero exit on any problem, one fix that installs the exact
pinned versions into the Python that runs the check (%pip in a notebook), the same advice
in both places, and no traceback when pandas is missing."""

import subprocess
import sys
import textwrap
import tomllib
import types

import pytest

from casebook import environment
from casebook.cli import main
from conftest import REPO, cell_text, read_notebook

PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
RUNTIME = PROJECT["dependencies"]
TEST_EXTRA = PROJECT["optional-dependencies"]["test"]
PANDAS = next(r for r in RUNTIME if r.startswith("pandas=="))
NETWORKX = next(r for r in RUNTIME if r.startswith("networkx=="))
NOTEBOOK_FIX = ("Fix: run this in a new code cell, then use Kernel ▸ Restart Kernel and run "
                "this lesson again:")


@pytest.fixture
def pandas_and_networkx_missing(monkeypatch):
    real_version = environment.metadata.version

    def fake_version(name):
        if name in ("pandas", "networkx"):
            raise environment.metadata.PackageNotFoundError(name)
        return real_version(name)

    monkeypatch.setattr(environment.metadata, "version", fake_version)


def test_check_counts_the_runtime_packages_and_the_test_extra_only_when_asked(capsys):
    assert main(["check"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"All {len(RUNTIME)} course packages are installed at the tested versions.")
    assert main(["check", "--test"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        f"All {len(RUNTIME) + len(TEST_EXTRA)} course packages are installed at the tested "
        "versions.")


def test_check_exits_1_and_prints_one_pip_command_of_this_python(
        capsys, pandas_and_networkx_missing):
    assert main(["check"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:] == [
        f"pandas: missing, the course was tested with {PANDAS.split('==')[1]}",
        f"networkx: missing, the course was tested with {NETWORKX.split('==')[1]}",
        "Fix: run this in a terminal, then check again:",
        f'{sys.executable} -m pip install "{PANDAS}" "{NETWORKX}"']


def test_check_exits_1_when_only_a_test_package_is_off_and_test_is_asked(capsys, monkeypatch):
    real_version = environment.metadata.version
    monkeypatch.setattr(environment.metadata, "version",
                        lambda name: "0.0.1" if name == "pytest" else real_version(name))
    assert main(["check"]) == 0
    capsys.readouterr()
    assert main(["check", "--test"]) == 1
    pytest_pin = next(r for r in TEST_EXTRA if r.startswith("pytest=="))
    assert capsys.readouterr().out.splitlines()[-1].endswith(f' -m pip install "{pytest_pin}"')


def test_in_a_notebook_the_fix_is_percent_pip_which_installs_into_the_kernel(
        pandas_and_networkx_missing):
    lines = environment.environment_report(in_notebook=True).splitlines()
    assert lines[-2:] == [NOTEBOOK_FIX, f'%pip install "{PANDAS}" "{NETWORKX}"']


def test_the_report_finds_out_by_itself_whether_it_runs_in_ipython(
        monkeypatch, pandas_and_networkx_missing):
    shell = types.ModuleType("IPython")
    shell.get_ipython = lambda: object()
    monkeypatch.setitem(sys.modules, "IPython", shell)
    assert environment.environment_report().splitlines()[-1].startswith("%pip install ")
    shell.get_ipython = lambda: None  # IPython imported, but no shell or kernel running
    assert environment.environment_report().splitlines()[-1].startswith(
        f"{sys.executable} -m pip install ")


def test_a_too_old_python_fails_the_check():
    result = environment.check_environment(python=(3, 10))
    assert not result.ok
    assert result.report.splitlines()[0] == (
        "Python 3.10: too old; the course needs 3.11 or newer. Install a newer Python, then "
        "set up the course again with it.")


def test_without_casebook_installed_the_fix_installs_the_course_folder(monkeypatch):
    def not_installed(name):
        raise environment.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(environment.metadata, "requires", not_installed)
    result = environment.check_environment(in_notebook=True)
    assert not result.ok
    assert result.report.splitlines()[1:] == [
        "The course package 'casebook' is not installed in this Python.",
        NOTEBOOK_FIX, f"%pip install -e {REPO}"]


def environment_cell() -> str:
    cells = [c for c in read_notebook(REPO / "notebooks" / "00_start_here.ipynb")["cells"]
             if c["cell_type"] == "code" and "environment_report" in cell_text(c)]
    assert len(cells) == 1, "lesson 00 should have one environment check cell"
    return cell_text(cells[0])


def test_lesson_00_cell_prints_the_same_report_as_casebook_check(
        capsys, pandas_and_networkx_missing):
    exec(environment_cell(), {})
    assert capsys.readouterr().out == environment.environment_report() + "\n"


def test_lesson_00_cell_without_casebook_tells_the_percent_pip_that_installs_the_course(
        capsys, monkeypatch):
    class NotInstalled:  # answers an import of casebook as Python does when it is missing
        @staticmethod
        def find_spec(name, path=None, target=None):
            if name.split(".")[0] == "casebook":
                raise ModuleNotFoundError(f"No module named {name!r}", name=name)

    for module in ("casebook", "casebook.environment"):
        monkeypatch.delitem(sys.modules, module)
    monkeypatch.setattr(sys, "meta_path", [NotInstalled(), *sys.meta_path])
    exec(environment_cell(), {})
    assert capsys.readouterr().out.splitlines() == [
        "Missing: the package 'casebook'. " + NOTEBOOK_FIX, "%pip install -e .."]
    # The lesson runs in notebooks/, whose parent is the course folder.
    assert (REPO / "notebooks" / ".." / "pyproject.toml").is_file()


# pandas blocked from import and from the installed metadata, as when it is not installed.
WITHOUT_PANDAS = """
import sys
from importlib import metadata

sys.modules["pandas"] = None
real_version = metadata.version


def version(name):
    if name == "pandas":
        raise metadata.PackageNotFoundError(name)
    return real_version(name)


metadata.version = version
"""
# Import casebook.cli without running casebook/__init__.py, which is not this test's
# subject (see the test after this one).
PACKAGE_WITHOUT_INIT = """
import importlib.util
import types

package = types.ModuleType("casebook")
package.__path__ = list(importlib.util.find_spec("casebook").submodule_search_locations)
sys.modules["casebook"] = package
"""
RUN_CHECK = """
from casebook.cli import main

raise SystemExit(main(["check"]))
"""


def run_python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=60)


def test_the_command_line_and_the_check_import_no_pandas():
    result = run_python(WITHOUT_PANDAS + PACKAGE_WITHOUT_INIT + RUN_CHECK)
    assert result.stderr == ""
    assert result.returncode == 1
    assert f"pandas: missing, the course was tested with {PANDAS.split('==')[1]}" in (
        result.stdout)
    assert result.stdout.splitlines()[-1].endswith(f' -m pip install "{PANDAS}"')


def test_casebook_check_without_pandas_says_what_to_install_and_shows_no_traceback():
    result = run_python(WITHOUT_PANDAS + RUN_CHECK)
    assert result.stderr == ""
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1].endswith(f' -m pip install "{PANDAS}"')
