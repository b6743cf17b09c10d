"""Shared fixtures. Tests never depend on the working directory: paths come from here."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import matplotlib
import pytest

from casebook.lab_server import start_jupyterlab

matplotlib.use("Agg")  # widgets and plots are tested headlessly

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "lessons_data"
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


SECOND_CASE = REPO / "tests" / "second_case"
# The two shipped cases. A test that takes the `case` fixture runs on both, unless it is
# marked pins_shipped_case: it then checks a value of the course's own case on purpose.
CASES = {"course case": DATA, "second case": SECOND_CASE}


def pytest_generate_tests(metafunc):
    if "case" in metafunc.fixturenames:
        pinned = metafunc.definition.get_closest_marker("pins_shipped_case") is not None
        names = ["course case"] if pinned else list(CASES)
        metafunc.parametrize("case", names, indirect=True, scope="session")


@pytest.fixture(scope="session")
def case(request):
    from casebook import load_case

    return load_case(CASES[getattr(request, "param", "course case")])


@pytest.fixture(autouse=True)
def _no_data_override(monkeypatch):
    # A CASEBOOK_DATA set in the shell must not steer the tests to another case.
    monkeypatch.delenv("CASEBOOK_DATA", raising=False)


PINS = "pins_shipped_case"  # marker of tests that pin a value of the shipped case on purpose


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing test that pins a value of the shipped case says so, and what to revise,
    so that an instructor who edited the data knows it is not a bug in the package."""
    outcome = yield
    report = outcome.get_result()
    marker = item.get_closest_marker(PINS)
    if marker is None or not report.failed or call.when != "call":
        return
    revise = marker.args[0] if marker.args else "the lesson text that states this value"
    report.sections.append((
        "a value of the shipped case changed",
        "This test pins a value of the course's own case (lessons_data/) on purpose. If you "
        f"changed the data, the test's expected value and {revise} need revising; "
        "`casebook text` lists the lesson text that no longer agrees."))


def pytest_configure(config):
    config.addinivalue_line(
        "markers", f"{PINS}(revise): the test pins a value of the shipped case on purpose; "
        "`revise` says what else to revise when the data changes")


def read_notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(notebook: dict) -> list[dict]:
    return [c for c in notebook["cells"] if c["cell_type"] == "code"]


def cell_text(cell: dict) -> str:
    source = cell["source"]
    return "".join(source) if isinstance(source, list) else source


# -- the real browser: JupyterLab on a copy of the course, driven in headless Chromium --------
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# CI sets CASEBOOK_REQUIRE_BROWSER=1, so that there a missing Chromium fails instead of skipping.
# Browser test modules set ``pytestmark = needs_browser``.
needs_browser = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CASEBOOK_REQUIRE_BROWSER"),
    reason=f"no Chromium at {CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH) to "
    "run the browser tests")


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """A JupyterLab server on a copy of the course, so autosave never touches the repo."""
    root = tmp_path_factory.mktemp("lab")
    for folder in ("notebooks", "lessons_data", "seeds"):
        shutil.copytree(REPO / folder, root / folder)
    # The course's JupyterLab settings as this server's user settings, so no news question
    # covers the page whether or not this environment has had `python -m casebook.lab_settings`,
    # and the machine's own settings do not count.
    from casebook import lab_settings

    user_settings = root / "user-settings"
    for plugin_id, values in lab_settings.read_overrides().items():
        extension, plugin = plugin_id.split(":")
        (user_settings / extension).mkdir(parents=True, exist_ok=True)
        (user_settings / extension / f"{plugin}.jupyterlab-settings").write_text(
            json.dumps(values), encoding="utf-8")
    log = open(root / "server.log", "w")  # noqa: SIM115 - closed below
    try:
        server, url = start_jupyterlab(
            root, log, [f"--LabApp.user_settings_dir={user_settings}"], wait_seconds=60)
    except RuntimeError as error:
        log.close()
        pytest.fail(f"{error}:\n" + (root / "server.log").read_text())
    yield url
    server.terminate()
    server.wait(timeout=30)
    log.close()


@pytest.fixture(scope="session")
def chromium():
    """The system's Chromium, launched once for the session: Playwright's sync API runs one
    event loop per thread, so every browser test opens its pages in this browser."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def page(lab, chromium):
    tab = chromium.new_page(viewport={"width": 1400, "height": 1000})
    yield tab
    tab.close()


def menu(page, menu_name: str, item: str) -> None:
    page.locator("li.lm-MenuBar-item", has_text=menu_name).first.click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(rf"^{re.escape(item)}$")).click()


def open_unrun(page, lab, notebook: str) -> str:
    """Open the notebook as stored, before any cell runs; return the text of its outputs
    (what a reader sees first: the static views of widgets, not their Python repr)."""
    page.goto(f"{lab}/lab/tree/notebooks/{notebook}?reset")
    page.locator("#jp-main-statusbar", has_text="Idle").wait_for(timeout=60_000)
    outputs = page.locator(".jp-OutputArea-output")
    outputs.first.wait_for(timeout=30_000)
    return " ".join(outputs.all_text_contents())


def run_all(page, lab, notebook: str) -> None:
    """Open the notebook, clear its stored outputs, run every cell, wait until all ran."""
    page.goto(f"{lab}/lab/tree/notebooks/{notebook}?reset")
    page.locator("#jp-main-statusbar", has_text="Idle").wait_for(timeout=60_000)
    menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(
        """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputArea .jp-InputPrompt')]
                 .every(p => !/\\d/.test(p.textContent))""", timeout=15_000)
    menu(page, "Run", "Run All Cells")
    # Done when every code cell shows an execution count, not "[*]" or "[ ]".
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll(
                '.jp-CodeCell .jp-InputArea .jp-InputPrompt')];
            return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""", timeout=120_000)
