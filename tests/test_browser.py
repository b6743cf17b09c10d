"""The start-here lesson in a real JupyterLab, driven in headless Chromium: opened before
anything runs it shows the slider's default view, not a Python repr; it runs with no error,
and moving the slider with the keyboard changes the table under it.

Needs Debian's Chromium (``apt-get install chromium``; .ci/run installs it) and Playwright
from the test extra; Playwright's own browser download is never used. Without Chromium these
tests are skipped, with the reason printed. The fixtures are in conftest.py.
"""

import pytest

from casebook import model
from conftest import needs_browser, open_unrun, run_all

# The lessons in the browser are the course's own, with their stored outputs.
pytestmark = [needs_browser, pytest.mark.pins_shipped_case("the lesson the browser test opens")]


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


def test_start_here_opened_before_running_shows_the_slider_default_view(page, lab, case,
                                                                        tmp_path):
    """Before any cell runs, the widget cell shows the default year's table, not a repr."""
    text = open_unrun(page, lab, "00_start_here.ipynb")
    year = case.article.year
    assert f"Year: {year}" in text
    assert "VBox(" not in text and "IntSlider(" not in text
    static_view = page.locator(".jp-OutputArea-output", has_text=f"Year: {year}").first
    static_view.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "unrun_00.png"), full_page=False)
