"""pyproject.toml and environment.yml must pin the same packages at the same versions."""

import re
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
    report = environment.environment_report()
    assert "networkx: missing, the course was tested with ==3.6.1" in report
    assert "pandas: version 0.0.1 installed, the course was tested with ==3.1.1" in report
    assert report.splitlines()[-1].startswith("Fix: pip install -e")


def test_environment_report_is_all_clear_in_the_test_environment():
    from casebook.environment import environment_report

    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    count = len(project["dependencies"]) + len(project["optional-dependencies"]["test"])
    assert environment_report(("test",)).splitlines()[-1] == (
        f"All {count} course packages are installed at the tested versions.")


def test_pre_commit_keeps_notebook_outputs_and_counts_and_runs_ruff():
    """nbval compares stored outputs; stripping them (or the counts) would break every test."""
    config = (REPO / ".pre-commit-config.yaml").read_text()
    assert re.search(r"id: nbstripout\n\s+args: \[--keep-output, --keep-count\]", config)
    assert "id: ruff-check" in config
    ruff_pin = re.search(r"ruff-pre-commit\n\s+rev: v(\S+)", config).group(1)
    test_extra = tomllib.loads((REPO / "pyproject.toml").read_text())["project"][
        "optional-dependencies"]["test"]
    assert f"ruff=={ruff_pin}" in test_extra, "pre-commit and the test extra pin different ruff"
