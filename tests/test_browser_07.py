"""Lesson 07 in a real JupyterLab, driven in headless Chromium: it runs with no error, and
choosing another period and another focus actor by keyboard alone (typed into the named
fields, Tab between them) changes the network's figure and its description, while no key
reaches the notebook; Chromium names both fields. Opened before anything runs, it shows the
explorer's default view, not a Python repr.

Needs Debian's Chromium, as tests/test_browser.py; without it these tests are skipped.
"""

import pytest
from browser_keys import (
    chromium_name_and_value,
    first_letters,
    is_focused,
    notebook_state,
    press_shortcuts_in,
    type_and_enter,
    wait_for_change,
    wait_for_text,
)

from casebook.model import network as net
from conftest import needs_browser, run_all

# The lessons in the browser are the course's own, with their stored outputs.
pytestmark = [needs_browser, pytest.mark.pins_shipped_case("the lesson the browser test opens")]

NOTEBOOK = "07_actor_relationships.ipynb"
# The explorer's description is the HTML widget whose text starts like this.
DESCRIPTION = ".widget-html-content:has-text('Network chart of')"


def test_lesson_07_runs_and_the_period_and_focus_fields_change_figure_and_description(
        page, lab, case, tmp_path):
    run_all(page, lab, NOTEBOOK)
    assert page.locator(".jp-OutputArea-output[data-mime-type*='stderr']").count() == 0
    assert page.locator(".jp-OutputArea-output[data-mime-type*='error']").count() == 0

    start = net.period_heading(case.periods, case.default_period)
    last = net.period_heading(case.periods, case.periods.index[-1])
    period = page.get_by_role("combobox", name="Period", exact=True).first
    focus = page.get_by_role("combobox", name="Focus actor", exact=True).first
    period.wait_for(timeout=30_000)
    description = page.locator(DESCRIPTION).first
    assert f"Network chart of {len(case.actors)} actors in {start}" in description.text_content()
    picture = page.locator(".widget-html-content img[alt^='Network chart of']").first
    source_before = picture.get_attribute("src")
    assert chromium_name_and_value(page, period) == ("combobox", "Period", start)

    # The period by keyboard: letters and arrows stay in the field, then its first letters.
    period.scroll_into_view_if_needed()
    period.focus()
    before = notebook_state(page)
    press_shortcuts_in(page, period)
    assert notebook_state(page) == before
    headings = [net.period_heading(case.periods, p) for p in case.periods.index]
    type_and_enter(page, period, first_letters(last, headings).lower())
    wait_for_text(page, description, f"Network chart of {len(case.actors)} actors in {last}")
    wait_for_change(page, picture, "src", source_before)
    assert last in picture.get_attribute("alt") and start not in description.text_content()
    assert period.input_value() == last  # the whole label written back
    assert chromium_name_and_value(page, period) == ("combobox", "Period", last)

    # Tab goes on to the focus actor; a name that is no actor is refused in one sentence.
    page.keyboard.press("Tab")
    assert is_focused(focus)
    type_and_enter(page, focus, "zzz")
    wait_for_text(page, page.locator(".widget-html-content:has-text('is no focus actor')")
                  .first, "“zzz” is no focus actor here")
    other = case.actors.index[-1]
    name = case.actors.loc[other, "short_name"]
    source_before = picture.get_attribute("src")
    type_and_enter(page, focus, name.lower())
    wait_for_text(page, description, f"Focus actor {name} (yellow, ringed, in bold)")
    wait_for_change(page, picture, "src", source_before)
    assert chromium_name_and_value(page, focus) == ("combobox", "Focus actor", name)
    assert page.locator(".widget-html-content:has-text('is no focus actor')").count() == 0
    assert notebook_state(page) == before  # no cell added, the same cell active
    page.screenshot(path=str(tmp_path / "07_explorer_by_keyboard.png"), full_page=False)


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
    assert "Panel(" not in text and "Choice(" not in text
