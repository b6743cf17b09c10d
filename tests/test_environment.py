"""pyproject.toml and environment.yml must pin the same packages at the same versions, and
pre-commit must run the pinned tools with arguments that keep what the lessons need."""

import json
import re
import shutil
import subprocess
import sys
import tomllib

from packaging.requirements import Requirement

from conftest import REPO


def pyproject_pins() -> dict[str, str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    pins = {}
    for text in project["dependencies"]:
        requirement = Requirement(text)
        assert str(requirement.specifier).startswith("=="), f"{text} is not pinned exactly"
        pins[requirement.name.lower()] = str(requirement.specifier)[2:]
    return pins


def environment_pins() -> tuple[str, dict[str, str]]:
    text = (REPO / "environment.yml").read_text()
    python = re.search(r"^\s*-\s*python=(\S+)", text, re.M)
    pins = dict(re.findall(r"^\s+-\s+([A-Za-z0-9_.\-]+)==(\S+)\s*$", text, re.M))
    return (python.group(1) if python else ""), {k.lower(): v for k, v in pins.items()}


def test_environment_yml_pins_exactly_what_pyproject_pins():
    python, pins = environment_pins()
    expected = pyproject_pins()
    assert pins == expected, (
        "environment.yml and pyproject.toml disagree: "
        f"only in environment.yml {sorted(set(pins) - set(expected))}, "
        f"only in pyproject {sorted(set(expected) - set(pins))}, "
        f"different versions {[k for k in pins if k in expected and pins[k] != expected[k]]}")


def test_binder_uses_python_312_with_conda_forge_and_no_binder_folder():
    python, _ = environment_pins()
    text = (REPO / "environment.yml").read_text()
    assert python == "3.12"
    assert "conda-forge" in text
    assert not (REPO / "binder").exists() and not (REPO / ".binder").exists(), (
        "a binder/ folder would make Binder ignore the top-level environment.yml")
    assert "-e ." not in text, "an editable install in environment.yml defeats Binder's cache"


def test_postbuild_installs_the_package_without_dependencies():
    lines = (REPO / "postBuild").read_text().splitlines()
    assert "pip install --no-deps ." in lines


def test_environment_report_names_a_missing_package_and_the_fix(monkeypatch):
    from casebook import environment

    real_version = environment.metadata.version

    def fake_version(name):
        if name == "networkx":
            raise environment.metadata.PackageNotFoundError(name)
        return "0.0.1" if name == "pandas" else real_version(name)

    monkeypatch.setattr(environment.metadata, "version", fake_version)
    pins = pyproject_pins()
    pandas, networkx = pins["pandas"], pins["networkx"]
    report = environment.environment_report(in_notebook=False).splitlines()
    assert report[1:] == [
        f"pandas: version 0.0.1 installed, the course was tested with {pandas}",
        f"networkx: missing, the course was tested with {networkx}",
        "Fix: run this in a terminal, then check again:",
        f'{sys.executable} -m pip install "pandas=={pandas}" "networkx=={networkx}"']


def test_environment_report_is_all_clear_in_the_test_environment():
    from casebook.environment import environment_report

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    count = len(project["dependencies"]) + len(project["optional-dependencies"]["test"])
    assert environment_report(("test",)).splitlines()[-1] == (
        f"All {count} course packages are installed at the tested versions.")


def pre_commit_nbstripout_args() -> list[str]:
    config = (REPO / ".pre-commit-config.yaml").read_text()
    args = re.search(r"id: nbstripout\n\s+args: \[(.*)\]", config).group(1)
    return [arg.strip() for arg in args.split(",")]


def test_pre_commit_keeps_notebook_outputs_counts_ids_and_widgets_and_runs_ruff():
    """nbval compares stored outputs; stripping them (or the counts) would break every test.
    The test below runs these arguments on a lesson."""
    args = pre_commit_nbstripout_args()
    assert args == ["--keep-output", "--keep-count", "--keep-id", "--keep-metadata-keys",
                    "metadata.widgets"]
    assert "id: ruff-check" in (REPO / ".pre-commit-config.yaml").read_text()


def test_pre_commit_runs_the_versions_that_the_test_extra_pins():
    config = (REPO / ".pre-commit-config.yaml").read_text()
    test_extra = tomllib.loads((REPO / "pyproject.toml").read_text())["project"][
        "optional-dependencies"]["test"]
    for package, hook_repo in (("ruff", "ruff-pre-commit"), ("nbstripout", "nbstripout")):
        rev = re.search(rf"{hook_repo}\n\s+rev: v?(\S+)", config).group(1)
        pinned = [r for r in test_extra if Requirement(r).name == package]
        assert pinned == [f"{package}=={rev}"], (
            f"pre-commit runs {package} {rev}, the test extra pins {pinned or 'nothing'}")


def test_the_pre_commit_hook_keeps_widget_state_cell_ids_outputs_and_counts(tmp_path):
    lesson = REPO / "notebooks" / "00_start_here.ipynb"
    copy = tmp_path / lesson.name
    shutil.copy(lesson, copy)
    hook = [sys.executable, "-m", "nbstripout", *pre_commit_nbstripout_args()]
    result = subprocess.run([*hook, copy], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    before, after = json.loads(lesson.read_text()), json.loads(copy.read_text())
    assert after["metadata"].get("widgets") == before["metadata"]["widgets"]
    assert [c.get("id") for c in after["cells"]] == [c["id"] for c in before["cells"]]
    code_before = [c for c in before["cells"] if c["cell_type"] == "code"]
    code_after = [c for c in after["cells"] if c["cell_type"] == "code"]
    assert [c["outputs"] for c in code_after] == [c["outputs"] for c in code_before]
    assert [c["execution_count"] for c in code_after] == [
        c["execution_count"] for c in code_before]
    assert [c["source"] for c in after["cells"]] == [c["source"] for c in before["cells"]]
