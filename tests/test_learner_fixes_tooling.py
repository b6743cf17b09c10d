"""The project's tools, run for real: the test run says why a test was skipped, and .ci/run
never deletes a developer's .venv."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def test_the_test_run_prints_the_reason_of_each_skipped_test(tmp_path):
    test_file = tmp_path / "test_skipping.py"
    test_file.write_text("import pytest\n\n\n"
                         "@pytest.mark.skip(reason='no Chromium on this machine')\n"
                         "def test_skipped():\n    pass\n")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", REPO / "pyproject.toml", "--rootdir", tmp_path,
         "-q", test_file], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert any(line.startswith("SKIPPED [1] ")
               and line.endswith("test_skipping.py:4: no Chromium on this machine")
               for line in result.stdout.splitlines()), result.stdout + result.stderr


CI_RUN = REPO / ".ci" / "run"
# A README whose commands fail at once, so that a .ci/run that got past its guard stops
# quickly instead of installing anything.
FAILING_README = ("<!-- command:run -->\n```bash\nfalse\n```\n"
                  "<!-- command:test -->\n```bash\nfalse\n```\n")


def ci_run(folder: Path, *args: str, ci: bool = False) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items()
                   if k not in ("CI", "CASEBOOK_CI_CLONE") and not k.startswith("GIT_")}
    if ci:
        environment["CI"] = "true"
    return subprocess.run(["bash", folder / ".ci" / "run", *args], env=environment,
                          capture_output=True, text=True, timeout=120)


def project_with_a_venv(folder: Path) -> Path:
    """``folder`` with .ci/run, a README and a developer's .venv; returns a file in .venv."""
    (folder / ".ci").mkdir(parents=True)
    shutil.copy(CI_RUN, folder / ".ci" / "run")
    (folder / "README.md").write_text(FAILING_README)
    kept = folder / ".venv" / "developer's file"
    kept.parent.mkdir()
    kept.write_text("keep me")
    return kept


def commit_all(folder: Path) -> None:
    git = ["git", "-C", str(folder), "-c", "user.name=test", "-c", "user.email=test@example.org"]
    subprocess.run([*git, "init", "--quiet"], check=True)
    (folder / ".gitignore").write_text(".venv/\n")
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "--quiet", "-m", "start"], check=True)


def test_ci_run_is_valid_bash():
    assert subprocess.run(["bash", "-n", CI_RUN]).returncode == 0


def test_ci_run_outside_ci_and_outside_a_git_clone_refuses_and_keeps_the_venv(tmp_path):
    kept = project_with_a_venv(tmp_path / "project")
    result = ci_run(tmp_path / "project")
    assert result.returncode == 1
    assert "Nothing was changed." in result.stderr
    assert kept.read_text() == "keep me"


def test_ci_run_outside_ci_runs_in_a_temporary_clone_and_keeps_the_venv(tmp_path):
    project = tmp_path / "project"
    kept = project_with_a_venv(project)
    commit_all(project)
    result = ci_run(project, "--where")
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()[:2]
    assert first.startswith("== Not in CI: running in a temporary clone of HEAD")
    clone = Path(second.removeprefix("== Running in "))
    assert clone.name == "casebook" and clone != project
    assert not clone.exists(), "the temporary clone is removed afterwards"
    assert kept.read_text() == "keep me"


def test_ci_run_in_ci_runs_in_place(tmp_path):
    project = tmp_path / "project"
    kept = project_with_a_venv(project)
    result = ci_run(project, "--where", ci=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"== Running in {project}"]
    assert kept.read_text() == "keep me"
