"""Lesson 02 in a real JupyterLab, driven in headless Chromium: before anything runs the
paragraph reader shows its default paragraph and claims, not a Python repr; after a run,
moving the slider with the keyboard shows the next paragraph's claims. Fixtures and the skip
rule are in conftest.py."""

import pytest

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


def test_moving_the_reader_shows_the_next_paragraphs_claims(page, lab, case, tmp_path):
    run_all(page, lab, NOTEBOOK)
    assert page.locator(".jp-OutputArea-output[data-mime-type*='error']").count() == 0
    number = first_paragraph_with_claims(case) + 1
    mine = case.claims[case.claims["paragraph"] == number]
    handle = page.locator(".widget-slider .noUi-handle").first
    handle.wait_for(timeout=30_000)
    handle.focus()
    page.keyboard.press("ArrowRight")
    shows = ("text => [...document.querySelectorAll('.widget-html-content')]"
             ".some(e => e.textContent.includes(text))")
    page.wait_for_function(shows, arg=f"{len(mine)} claims of paragraph {number}",
                           timeout=15_000)
    page.wait_for_function(shows, arg=claim_label(mine.index[0]), timeout=15_000)
    page.screenshot(path=str(tmp_path / "02_reader.png"), full_page=False)
