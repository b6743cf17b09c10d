"""The start-here lesson in a real JupyterLab, driven in headless Chromium: opened before
anything runs it shows the slider's default view, not a Python repr; it runs with no error,
and moving the slider with its arrow keys, or typing a year in the named field beside it,
changes the table under it, while no key reaches the notebook.

Needs Debian's Chromium (``apt-get install chromium``; .ci/run installs it) and Playwright
from the test extra; Playwright's own browser download is never used. Without Chromium these
tests are skipped, with the reason printed. The fixtures are in conftest.py.
"""

import pytest
from browser_keys import (
    chromium_name_and_value,
    notebook_state,
    press_shortcuts_in,
    type_and_enter,
    wait_for_text,
)

from casebook import model
from conftest import needs_browser, open_unrun, run_all

# The lessons in the browser are the course's own, with their stored outputs.
pytestmark = [needs_browser, pytest.mark.pins_shipped_case("the lesson the browser test opens")]


def test_start_here_runs_in_jupyterlab_and_the_slider_and_year_field_change_the_table(
        page, lab, case, tmp_path):
    run_all(page, lab, "00_start_here.ipynb")
    assert page.locator(".jp-OutputArea-output[data-mime-type*='stderr']").count() == 0
    assert page.locator(".jp-OutputArea-output[data-mime-type*='error']").count() == 0

    start = case.article.year
    counts = model.events_per_year(case.events)
    handle = page.locator(".widget-slider .noUi-handle").first
    handle.wait_for(timeout=30_000)
    field = page.get_by_role("spinbutton", name="Year", exact=True).first
    table = page.locator(".jp-OutputArea-output", has=field).locator(
        ".widget-html-content").last  # under the slider and the note on keys
    wait_for_text(page, table, f"{start}: {counts.loc[start]} events")

    # The slider by its arrow keys.
    handle.focus()
    page.keyboard.press("ArrowLeft")
    earlier = start - 1
    wait_for_text(page, table, f"{earlier}: {counts.loc[earlier]} event")
    first_title = model.events_in_year(case.events, case.actors, earlier)["event"].iloc[0]
    assert first_title in table.text_content()

    # The year field by keyboard alone: letters stay out of the notebook, a year typed and
    # Enter, then one year on with the arrow key; the slider follows.
    assert chromium_name_and_value(page, field) == ("spinbutton", "Year", str(earlier))
    field.focus()
    before = notebook_state(page)
    press_shortcuts_in(page, field, arrows=False)
    busiest = int(counts.idxmax())
    type_and_enter(page, field, str(busiest))
    wait_for_text(page, table, f"{busiest}: {counts.loc[busiest]} events")
    page.keyboard.press("ArrowUp")
    after = busiest + 1
    wait_for_text(page, table, f"{after}: {counts.loc[after]} event")
    assert float(handle.get_attribute("aria-valuenow")) == after  # the slider followed
    assert chromium_name_and_value(page, field) == ("spinbutton", "Year", str(after))
    assert notebook_state(page) == before  # no cell added, the same cell active
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
