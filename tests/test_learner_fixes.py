"""Exercise feedback takes pandas' own answers, help text without markup, modules named for
what they hold, one version number, and the packages the package imports pinned at run time."""

import ast
import importlib.util
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from packaging.requirements import Requirement

from casebook import feedback
from casebook.cli import main
from conftest import REPO, cell_text, code_cells, read_notebook

PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]


def test_busiest_year_takes_the_numpy_integer_that_idxmax_gives():
    counts = pd.Series([2, 0, 5, 9], index=[2014, 2015, 2016, 2017])
    answer = counts.drop(2017).idxmax()  # the solution's way, without int()
    assert isinstance(answer, np.integer)
    assert feedback.check_busiest_year(answer, counts, excluding=2017) == (
        "Right: apart from 2017, the hatched bar, 2016 has the most events in the timeline "
        "(5).")
    assert feedback.check_busiest_year(np.int32(2014), counts, excluding=2017) == (
        "Not quite: 2014 has 2 events, but another year apart from 2017 has 5. Look for the "
        "tallest bar apart from the hatched one.")


@pytest.mark.parametrize("answer", [True, False, np.True_, np.bool_(False), 2016.5, "2O17"],
                         ids=repr)
def test_busiest_year_takes_no_bool_fraction_or_word_as_a_year(answer):
    years = pd.Series([1, 3], index=[2016, 2017])
    assert feedback.check_busiest_year(answer, years) == (
        f"Not quite: give a year as a whole number (you gave {answer!r}).")


@pytest.mark.parametrize("answer", [2017.0, "2017", " 2017 ", np.float64(2017), "2017.0"],
                         ids=repr)
def test_busiest_year_takes_a_year_written_as_text_or_a_whole_float(answer):
    years = pd.Series([1, 3], index=[2016, 2017])
    assert feedback.check_busiest_year(answer, years) == feedback.check_busiest_year(
        2017, years) == "Right: 2017 has the most events in the timeline (3)."


@pytest.mark.parametrize("argv", [["--help"], ["check", "--help"], ["validate", "--help"],
                                  ["refresh", "--help"]], ids=" ".join)
def test_help_is_plain_text_without_markup(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 0
    shown = capsys.readouterr().out
    assert shown.startswith("usage: casebook")
    assert "`" not in shown and "*" not in shown


def test_help_lists_the_test_flag_of_check(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "--test" in capsys.readouterr().out


def test_modules_are_named_for_what_they_hold():
    assert importlib.util.find_spec("casebook.feedback") is not None
    assert importlib.util.find_spec("casebook.display") is not None
    assert importlib.util.find_spec("casebook.checks") is None
    assert importlib.util.find_spec("casebook.tables") is None


OLD_IMPORTS = re.compile(r"^\s*(from|import)\s+casebook\.(checks|tables)\b"
                         r"|^\s*from\s+\.(checks|tables)\s+import"
                         r"|^\s*from\s+casebook\s+import\s[^\n]*\b(checks|tables)\b", re.M)
OLD_PATHS = re.compile(r"src/casebook/(checks|tables)\.py")


def code_text(path: Path) -> str:
    if path.suffix != ".ipynb":
        return path.read_text()
    return "\n".join(cell_text(c) for c in code_cells(read_notebook(path)))


def test_no_code_imports_and_no_document_names_the_old_modules():
    code = [*(REPO / "notebooks").glob("*.ipynb"), *(REPO / "src").rglob("*.py"),
            *(p for p in (REPO / "tests").glob("*.py") if p != Path(__file__))]
    documents = [REPO / "README.md", *(REPO / "instructors").rglob("*.md")]
    stale = [f"{path.relative_to(REPO)}: {match.group(0).strip()}" for path in code
             for match in OLD_IMPORTS.finditer(code_text(path))]
    stale += [f"{path.relative_to(REPO)}: {match.group(0)}" for path in documents
              for match in OLD_PATHS.finditer(path.read_text())]
    assert stale == []


def test_version_is_read_from_the_installed_metadata_not_written_twice():
    code = ("from importlib import metadata\n"
            "metadata.version = lambda name: '9.9.9' if name == 'casebook' else None\n"
            "import casebook\nprint(casebook.__version__)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout == "9.9.9\n", result.stderr
    assert metadata.version("casebook") == PROJECT["version"]


def test_citation_names_the_version_of_pyproject():
    cited = re.search(r'^version: "?([^"\s#]+)"?', (REPO / "CITATION.cff").read_text(), re.M)
    assert cited and cited.group(1) == PROJECT["version"], (
        "CITATION.cff and pyproject.toml name different versions: change both together")


# Modules a learner's kernel never loads: what they import comes with the test extra.
TEST_EXTRA_MODULES = {"pytest_plugin.py": "loaded only by pytest",
                      "site.py": "only `casebook build site` loads it, to run Jupyter Book"}


def third_party_imports(test_extra_modules: bool = False) -> set[str]:
    """Top-level names of the modules that src/casebook imports, not counting its own
    modules and the standard library: of the modules a learner's kernel may load, or of
    those that only a test or a build loads."""
    names = set()
    for path in (REPO / "src" / "casebook").glob("*.py"):
        if (path.name in TEST_EXTRA_MODULES) != test_extra_modules:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "__future__"}


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


# Imported, but installed and held at a version by a pinned package rather than pinned here.
COMES_WITH = {"ipython": "ipykernel", "jupyter-client": "ipykernel", "traitlets": "ipykernel",
              "numpy": "pandas"}


def test_what_only_tests_and_the_site_build_import_is_in_the_test_extra():
    pinned = {normal(Requirement(r).name)
              for r in PROJECT["dependencies"] + PROJECT["optional-dependencies"]["test"]}
    owners = metadata.packages_distributions()
    imported = {normal(owners[name][0]) for name in third_party_imports(test_extra_modules=True)}
    assert "jupyter-book" in imported, "casebook build site runs Jupyter Book"
    assert imported - pinned == set(), f"imported by {sorted(TEST_EXTRA_MODULES)} but not pinned"


def test_every_package_that_casebook_imports_is_a_runtime_requirement():
    runtime = {normal(Requirement(r).name) for r in PROJECT["dependencies"]}
    owners = metadata.packages_distributions()
    imported = {normal(owners[name][0]) for name in third_party_imports()}
    assert {"nbclient", "nbformat"} <= imported, "casebook refresh uses them"
    unpinned = imported - runtime - set(COMES_WITH)
    assert unpinned == set(), f"imported but not in [project] dependencies: {sorted(unpinned)}"
    for package, pinned_owner in COMES_WITH.items():
        assert pinned_owner in runtime
        required = {normal(Requirement(r).name) for r in metadata.requires(pinned_owner) or []}
        assert package in required, f"{pinned_owner} does not bring {package}: pin it"
