"""Lesson 09 in a real JupyterLab, driven in headless Chromium: before anything runs the
rating widget shows its default state (the claims, nothing rated, the reference hidden), not
a Python repr; after a run, clicking a rating and ticking the box updates the counts and shows
the reference. Fixtures and the skip rule are in conftest.py."""

import pytest

from casebook.model import hindsight
from conftest import needs_browser, open_unrun, run_all

# The lessons in the browser are the course's own, with their stored outputs.
pytestmark = [needs_browser, pytest.mark.pins_shipped_case("the lesson the browser test opens")]

NOTEBOOK = "09_hindsight.ipynb"


def test_hindsight_opened_before_running_shows_the_widget_default_state(page, lab, case):
    text = open_unrun(page, lab, NOTEBOOK)
    assert f"Rated 0 of {len(case.hindsight)} claims." in text
    assert "Rate each claim: not rated / undercut / mixed / supported." in text
    assert "VBox(" not in text and "ToggleButtons(" not in text


def test_rating_a_claim_and_showing_the_reference_update_the_widget(page, lab, case, tmp_path):
    run_all(page, lab, NOTEBOOK)
    assert page.locator(".jp-OutputArea-output[data-mime-type*='stderr']").count() == 0
    assert page.locator(".jp-OutputArea-output[data-mime-type*='error']").count() == 0
    card = hindsight.scorecard(case.claims, case.hindsight, case.sources)
    first = card["reference"].iloc[0]
    buttons = page.locator(".widget-toggle-buttons").first
    buttons.wait_for(timeout=30_000)
    buttons.locator("button", has_text=first).first.click()
    shows = ("text => [...document.querySelectorAll('.widget-html-content')]"
             ".some(e => e.textContent.includes(text))")
    page.wait_for_function(shows, arg=f"Rated 1 of {len(card)} claims.", timeout=15_000)
    page.locator(".widget-checkbox input").first.check()
    page.wait_for_function(shows, arg="Against the course's reference: 1 agree",
                           timeout=15_000)
    buttons.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "09_rating_widget.png"), full_page=False)
