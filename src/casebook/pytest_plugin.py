"""The course's pytest plugin, loaded by pyproject.toml's ``-p casebook.pytest_plugin`` so
that it reaches the lessons in notebooks/ even when they are tested on their own
(``pytest notebooks/06_weighing_the_factors.ipynb``), which a conftest in tests/ does not:

- an nbval output mismatch ends with the command that regenerates the stored outputs;
- a ``CASEBOOK_DATA`` set in the shell does not steer the lessons' kernels to another case
  (the stored outputs are those of the course's own case).
"""

from __future__ import annotations

import os

import pytest

DATA_ENV = "CASEBOOK_DATA"


def pytest_configure(config):
    # Before any kernel starts: nbval's kernels inherit the environment of this process.
    os.environ.pop(DATA_ENV, None)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Ends an nbval output mismatch with the command that regenerates the stored outputs."""
    outcome = yield
    report = outcome.get_result()
    if not (report.failed and call.excinfo is not None and item.path.suffix == ".ipynb"
            and str(call.excinfo.value) == "Cell outputs differ"):
        return
    try:
        shown = item.path.relative_to(item.config.invocation_params.dir)
    except ValueError:
        shown = item.path
    hint = ("Stored outputs differ from this run. If the change is intended, regenerate "
            f"them: casebook refresh {shown}")
    if isinstance(report.longrepr, str):
        report.longrepr = f"{report.longrepr.rstrip()}\n\n{hint}"
    else:
        report.sections.append(("how to regenerate", hint))
