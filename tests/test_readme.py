"""The README is a contract: its commands are what CI runs, its lesson map is lessons.csv,
and its licences agree with the LICENSE files."""

import re

import pytest

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def readme_command(name: str) -> str:
    match = re.search(rf"<!-- command:{name} -->\n```\w*\n(.+?)\n```", README)
    assert match, f"README.md has no fenced command after <!-- command:{name} -->"
    return match.group(1)


def test_readme_commands_install_in_a_fresh_venv_and_open_or_test():
    run, test = readme_command("run"), readme_command("test")
    assert run.startswith("python3 -m venv .venv && ")
    assert "/jupyter lab " in run and run.endswith(" notebooks/00_start_here.ipynb")
    assert test.startswith("python3 -m venv .venv && ")
    assert '".[test]"' in test and test.endswith("python -m pytest")


def test_ci_reads_its_commands_from_the_readme():
    ci = (REPO / ".ci" / "run").read_text()
    assert "readme_command test" in ci and 'bash -c "$test_command"' in ci


@pytest.mark.pins_shipped_case("the README's lesson map")
def test_lesson_map_in_readme_matches_lessons_csv(case):
    for lesson_id, row in case.lessons.iterrows():
        number = lesson_id.split("_")[0]
        line = f"| {number} | {row['title']} | {row['minutes']} |"
        assert line in README, f"README lesson map lacks or misstates: {line}"


def test_binder_link_opens_the_start_here_lesson():
    assert "urlpath=lab/tree/notebooks/00_start_here.ipynb" in README


def test_licences_in_readme_agree_with_licence_files():
    assert (REPO / "LICENSE").read_text().startswith("MIT License")
    lessons_licence = (REPO / "LICENSE-LESSONS.md").read_text()
    assert "CC BY 4.0" in lessons_licence
    assert "MIT" in README and "CC BY 4.0" in README
    assert "LICENSE-LESSONS.md" in README and "CITATION.cff" in README
