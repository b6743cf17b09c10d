"""The start-here lesson in a real JupyterLab, driven in headless Chromium: the notebook runs
with no error, and moving the slider with the keyboard changes the table under it.

Needs Debian's Chromium (``apt-get install chromium``; .ci/run installs it) and Playwright
from the test extra; Playwright's own browser download is never used. Without Chromium these
tests are skipped, with the reason printed.
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from casebook import model
from conftest import REPO

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
# CI sets CASEBOOK_REQUIRE_BROWSER=1, so that there a missing Chromium fails instead of skipping.
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and not os.environ.get("CASEBOOK_REQUIRE_BROWSER"),
    reason=f"no Chromium at {CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH) to "
    "run the browser tests")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a copy of the course, so autosave never touches the repo."""
    root = tmp_path_factory.mktemp("lab")
    for folder in ("notebooks", "lessons_data", "seeds"):
        shutil.copytree(REPO / folder, root / folder)
    port = free_port()
    log = open(root / "server.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
         f"--port={port}", "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=",
         f"--ServerApp.root_dir={root}", f"--LabApp.workspaces_dir={root / 'workspaces'}"],
        stdout=log, stderr=subprocess.STDOUT, cwd=root)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/api/status", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.terminate()
        pytest.fail("JupyterLab did not start:\n" + (root / "server.log").read_text())
    yield url
    server.terminate()
    server.wait(timeout=30)
    log.close()


@pytest.fixture(scope="module")
def page(lab):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        tab = browser.new_page(viewport={"width": 1400, "height": 1000})
        yield tab
        browser.close()


def menu(page, menu_name: str, item: str) -> None:
    page.locator("li.lm-MenuBar-item", has_text=menu_name).first.click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(rf"^{re.escape(item)}$")).click()


def run_all(page, lab, notebook: str) -> None:
    """Open the notebook, clear its stored outputs, run every cell, wait until all ran."""
    page.goto(f"{lab}/lab/tree/notebooks/{notebook}?reset")
    page.locator("#jp-main-statusbar", has_text="Idle").wait_for(timeout=60_000)
    menu(page, "Edit", "Clear Outputs of All Cells")
    page.wait_for_function(
        """() => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]
                 .every(p => !/\\d/.test(p.textContent))""", timeout=15_000)
    menu(page, "Run", "Run All Cells")
    # Done when every code cell shows an execution count, not "[*]" or "[ ]".
    page.wait_for_function(
        """() => {
            const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
            return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""", timeout=120_000)


def test_start_here_runs_in_jupyterlab_and_the_slider_changes_the_table(page, lab, case,
                                                                        tmp_path):
    run_all(page, lab, "00_start_here.ipynb")
    assert page.locator(".jp-OutputArea-output[data-mime-type*='stderr']").count() == 0
    assert page.locator(".jp-OutputArea-output[data-mime-type*='error']").count() == 0

    start = case.article.year
    counts = model.events_per_year(case.events)
    handle = page.locator(".widget-slider .noUi-handle").first
    handle.wait_for(timeout=30_000)
    table = page.locator(".widget-html-content").first
    shows = "text => document.querySelector('.widget-html-content').textContent.includes(text)"
    page.wait_for_function(shows, arg=f"{start}: {counts.loc[start]} events", timeout=15_000)

    handle.focus()
    page.keyboard.press("ArrowLeft")
    earlier = start - 1
    page.wait_for_function(shows, arg=f"{earlier}: {counts.loc[earlier]} event",
                           timeout=15_000)
    first_title = model.events_in_year(case.events, case.actors, earlier)["event"].iloc[0]
    assert first_title in table.text_content()
    page.screenshot(path=str(tmp_path / "00_start_here.png"), full_page=False)
