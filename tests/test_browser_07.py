"""Lesson 07 in a real JupyterLab, driven in headless Chromium: it runs with no error, and
choosing another period in the network explorer changes its figure and its description.
Opened before anything runs, it shows the explorer's default view, not a Python repr.

Needs Debian's Chromium, as tests/test_browser.py; without it these tests are skipped.
"""

import pytest

from casebook.model import network as net
from conftest import needs_browser, run_all

# The lessons in the browser are the course's own, with their stored outputs.
pytestmark = [needs_browser, pytest.mark.pins_shipped_case("the lesson the browser test opens")]

NOTEBOOK = "07_actor_relationships.ipynb"
# The explorer's description is the HTML widget whose text starts like this.
DESCRIPTION = ".widget-html-content:has-text('Network chart of')"


def test_lesson_07_runs_and_the_period_menu_changes_figure_and_description(page, lab, case):
    run_all(page, lab, NOTEBOOK)
    assert page.locator(".jp-OutputArea-output[data-mime-type*='stderr']").count() == 0
    assert page.locator(".jp-OutputArea-output[data-mime-type*='error']").count() == 0

    start = net.period_heading(case.periods, case.default_period)
    last = net.period_heading(case.periods, case.periods.index[-1])
    menu = page.locator(".widget-dropdown select").first
    menu.wait_for(timeout=30_000)
    description = page.locator(DESCRIPTION).first
    description.wait_for(timeout=15_000)
    assert f"Network chart of {len(case.actors)} actors in {start}" in description.text_content()
    picture = page.locator(".widget-html-content img[alt^='Network chart of']").first
    source_before = picture.get_attribute("src")
    assert picture.get_attribute("alt").startswith(f"Network chart of {len(case.actors)} "
                                                   f"actors in {start}")

    menu.select_option(label=last)
    page.wait_for_function(
        "text => [...document.querySelectorAll('.widget-html-content')]"
        ".some(e => e.textContent.includes(text))",
        arg=f"Network chart of {len(case.actors)} actors in {last}", timeout=15_000)
    picture = page.locator(".widget-html-content img[alt^='Network chart of']").first
    assert picture.get_attribute("src") != source_before
    assert last in picture.get_attribute("alt")
    assert start not in page.locator(DESCRIPTION).first.text_content()


def test_lesson_07_opened_before_running_shows_the_explorer_default_view(page, lab, case):
    page.goto(f"{lab}/lab/tree/notebooks/{NOTEBOOK}?reset")
    page.locator("#jp-main-statusbar", has_text="Idle").wait_for(timeout=60_000)
    outputs = page.locator(".jp-OutputArea-output")
    outputs.first.wait_for(timeout=30_000)
    start = net.period_heading(case.periods, case.default_period)
    static_view = page.locator(".jp-OutputArea-output", has_text=f"Period: {start}").first
    static_view.wait_for(timeout=15_000)
    assert static_view.locator("img[alt^='Network chart of']").count() == 1
    text = " ".join(outputs.all_text_contents())
    assert "Panel(" not in text and "Dropdown(" not in text
