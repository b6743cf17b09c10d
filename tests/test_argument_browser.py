"""Lesson 02 in a real JupyterLab, driven in headless Chromium: before anything runs the
paragraph reader shows its default paragraph and claims, not a Python repr; after a run,
moving the slider with its arrow keys shows the next paragraph's claims, and a number typed
into the named field beside it shows that paragraph, while no key reaches the notebook.
Fixtures and the skip rule are in conftest.py."""

import pytest
from browser_keys import (
    chromium_name_and_value,
    notebook_state,
    press_shortcuts_in,
    type_and_enter,
    wait_for_text,
)

from casebook.model.argument import claim_label
from conftest import needs_browser, open_unrun, run_all

# The lessons in the browser are the course's own, with their stored outputs.
pytestmark = [needs_browser, pytest.mark.pins_shipped_case("the lesson the browser test opens")]

NOTEBOOK = "02_reading_the_argument.ipynb"


def first_paragraph_with_claims(case) -> int:
    return int(case.claims["paragraph"].min())


def test_reader_opened_before_running_shows_its_default_paragraph(page, lab, case):
    text = open_unrun(page, lab, NOTEBOOK)
    number = first_paragraph_with_claims(case)
    assert f"Paragraph: {number} ({min(case.paragraphs)}-{max(case.paragraphs)})" in text
    assert "VBox(" not in text and "IntSlider(" not in text
    assert page.locator(".jp-OutputArea-output img[alt^='Argument map']").count() == 1


def test_the_reader_by_slider_keys_and_by_its_paragraph_field(page, lab, case, tmp_path):
    run_all(page, lab, NOTEBOOK)
    assert page.locator(".jp-OutputArea-output[data-mime-type*='error']").count() == 0
    number = first_paragraph_with_claims(case) + 1
    mine = case.claims[case.claims["paragraph"] == number]
    handle = page.locator(".widget-slider .noUi-handle").first
    handle.wait_for(timeout=30_000)
    field = page.get_by_role("spinbutton", name="Paragraph", exact=True).first
    view = page.locator(".jp-OutputArea-output", has=field).locator(
        ".widget-html-content").last  # under the slider and the note on keys

    # The slider by its arrow keys.
    handle.focus()
    page.keyboard.press("ArrowRight")
    wait_for_text(page, view, f"{len(mine)} claim{'s' * (len(mine) != 1)} of paragraph "
                  f"{number}")
    wait_for_text(page, view, claim_label(mine.index[0]))

    # The paragraph field by keyboard alone: the last paragraph typed, Enter.
    assert chromium_name_and_value(page, field) == ("spinbutton", "Paragraph", str(number))
    field.focus()
    before = notebook_state(page)
    press_shortcuts_in(page, field, arrows=False)
    last = max(case.paragraphs)
    type_and_enter(page, field, str(last))
    wait_for_text(page, view, f"[¶{last}]")
    assert float(handle.get_attribute("aria-valuenow")) == last  # the slider followed
    assert chromium_name_and_value(page, field) == ("spinbutton", "Paragraph", str(last))
    assert notebook_state(page) == before  # no cell added, the same cell active
    page.screenshot(path=str(tmp_path / "02_reader.png"), full_page=False)
