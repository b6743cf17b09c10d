"""Lesson 01 in a real JupyterLab, driven in headless Chromium: before anything runs the
timeline explorer shows its default view (the crisis years, picture and table), not a Python
repr; after a run, ticking "Only what a reader ... could know" hides the later events from
the table. Fixtures and the skip rule are in conftest.py."""

import pytest

from casebook.model.timeline import AFTER, case_timeline, known_on, period_years
from conftest import needs_browser, open_unrun, run_all

# The lessons in the browser are the course's own, with their stored outputs.
pytestmark = [needs_browser, pytest.mark.pins_shipped_case("the lesson the browser test opens")]

NOTEBOOK = "01_the_2017_crisis.ipynb"


def test_timeline_opened_before_running_shows_the_explorer_default_view(page, lab, case):
    text = open_unrun(page, lab, NOTEBOOK)
    period = case.periods.loc[case.default_period]
    first, last = period_years(case.periods, case.default_period)
    assert f"Years: {period['label']} ({first}-{last})" in text
    assert f"{len(case_timeline(case, first, last))} events in view" in text
    assert "VBox(" not in text and "Dropdown(" not in text
    assert page.locator(".jp-OutputArea-output img[alt^='Timeline chart']").count() >= 3


def test_ticking_only_what_a_reader_could_know_hides_later_events(page, lab, case, tmp_path):
    run_all(page, lab, NOTEBOOK)
    assert page.locator(".jp-OutputArea-output[data-mime-type*='stderr']").count() == 0
    assert page.locator(".jp-OutputArea-output[data-mime-type*='error']").count() == 0
    first, last = period_years(case.periods, case.default_period)
    crisis = case_timeline(case, first, last)
    shows = ("text => [...document.querySelectorAll('.widget-html-content')]"
             ".some(e => e.textContent.includes(text))")
    page.wait_for_function(shows, arg=f"{len(crisis)} events in view", timeout=30_000)
    box = page.locator(".widget-checkbox", has_text="Only what a reader").locator("input")
    box.scroll_into_view_if_needed()
    box.check()
    page.wait_for_function(shows, arg=f"{len(known_on(crisis))} events in view",
                           timeout=15_000)
    later = len(crisis) - len(known_on(crisis))
    page.wait_for_function(shows, arg=f"{later} events after the article are hidden.",
                           timeout=15_000)
    page.screenshot(path=str(tmp_path / "01_explorer.png"), full_page=False)
    # Unticking the lanes that hold the later events: the description counts what the lane
    # filter hides and no longer says that no event comes after the article.
    box.uncheck()
    page.wait_for_function(shows, arg=f"{len(crisis)} events in view", timeout=15_000)
    later_lanes = sorted(set(crisis.loc[crisis["when"] == AFTER, "lane"]))
    for lane in later_lanes:
        page.locator(".widget-checkbox", has_text=lane).locator("input").uncheck()
    hidden = int(crisis["lane"].isin(later_lanes).sum())
    page.wait_for_function(
        shows, arg=f"The lanes not ticked hide {hidden} events of these years", timeout=15_000)
    page.wait_for_function(shows, arg="No event drawn comes after the article.",
                           timeout=15_000)
