"""Lesson 01 in a real JupyterLab, driven in headless Chromium: before anything runs the
timeline explorer shows its default view (the crisis years, picture and table), not a Python
repr; after a run, ticking "Only what a reader ... could know" hides the later events from
the table, and choosing other years by keyboard alone in the named *Years* field changes the
picture and its description, while no key reaches the notebook. Fixtures and the skip rule
are in conftest.py."""

import pytest
from browser_keys import (
    chromium_name_and_value,
    first_letters,
    notebook_state,
    press_shortcuts_in,
    type_and_enter,
    wait_for_change,
    wait_for_text,
)

from casebook.model.timeline import AFTER, case_timeline, known_on, period_years
from casebook.widgets.timeline import timeline_explorer
from conftest import needs_browser, open_unrun, run_all

# The lessons in the browser are the course's own, with their stored outputs.
pytestmark = [needs_browser, pytest.mark.pins_shipped_case("the lesson the browser test opens")]

NOTEBOOK = "01_the_2017_crisis.ipynb"


def test_timeline_opened_before_running_shows_the_explorer_default_view(page, lab, case):
    text = open_unrun(page, lab, NOTEBOOK)
    period = case.periods.loc[case.default_period]
    first, last = period_years(case.periods, case.default_period)
    # JupyterLab shows the widget restored from its saved state, or, failing that, the
    # static picture of it: either way the default window of years is what it shows.
    label = f"{period['label']} ({first}-{last})"
    restored = page.get_by_role("combobox", name="Years", exact=True)
    assert f"Years: {label}" in text or (restored.count() and
                                         restored.first.input_value() == label)
    assert f"{len(case_timeline(case, first, last))} events in view" in text
    assert "VBox(" not in text and "Dropdown(" not in text and "Choice(" not in text
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


def test_choosing_the_years_by_keyboard_changes_the_picture_and_its_description(
        page, lab, case, tmp_path):
    run_all(page, lab, NOTEBOOK)
    mirror = timeline_explorer(case)  # the same widget kernel-side: what the page must show
    years = page.get_by_role("combobox", name="Years", exact=True).first
    years.wait_for(timeout=30_000)
    output = page.locator(".jp-OutputArea-output", has=years)
    picture = output.locator(".casebook-timeline-chart img").first
    words = output.locator(".widget-html-content", has_text="Figure description.").first
    wait_for_text(page, words, mirror.chart.description)
    assert chromium_name_and_value(page, years) == ("combobox", "Years",
                                                    mirror.children[0].label)

    years.focus()
    before = notebook_state(page)
    press_shortcuts_in(page, years)
    assert notebook_state(page) == before
    labels = [label for label, _ in mirror.children[0].options]
    whole = labels[-1]
    source = picture.get_attribute("src")
    type_and_enter(page, years, first_letters(whole, labels) or whole)
    mirror.children[0].value = mirror.children[0].options[-1][1]
    wait_for_text(page, words, mirror.chart.description)
    wait_for_change(page, picture, "src", source)
    assert years.input_value() == whole
    assert chromium_name_and_value(page, years) == ("combobox", "Years", whole)
    assert notebook_state(page) == before  # no cell added, the same cell active
    years.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "01_years_by_keyboard.png"), full_page=False)
