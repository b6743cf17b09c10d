"""Lesson 09 in a real JupyterLab, driven in headless Chromium: before anything runs the
rating widget shows its default state (the claims, nothing rated, the reference hidden), not
a Python repr; after a run, claims rated by keyboard alone (a letter and Enter in a claim's
field, Tab to the next claim) and by mouse, and the box ticked with Space, update the counts
and show the reference, while no key reaches the notebook. Chromium names each field by its
claim and gives the rating, in words, as its value. Fixtures and the skip rule are in
conftest.py."""

import re

import pytest
from browser_keys import (
    chromium_name_and_value,
    is_focused,
    notebook_state,
    press_shortcuts_in,
    type_and_enter,
    wait_for_text,
)

from casebook.model import hindsight
from casebook.widgets.hindsight import RATED_SHADE, claim_name
from conftest import needs_browser, open_unrun, run_all

# The lessons in the browser are the course's own, with their stored outputs.
pytestmark = [needs_browser, pytest.mark.pins_shipped_case("the lesson the browser test opens")]

NOTEBOOK = "09_hindsight.ipynb"


def test_hindsight_opened_before_running_shows_the_widget_default_state(page, lab, case):
    text = open_unrun(page, lab, NOTEBOOK)
    assert f"Rated 0 of {len(case.hindsight)} claims." in text
    assert "Rate each claim: not rated / undercut / mixed / supported." in text
    assert "VBox(" not in text and "Choice(" not in text and "ToggleButtons(" not in text


def test_rating_claims_by_keyboard_and_mouse_and_showing_the_reference(page, lab, case,
                                                                         tmp_path):
    run_all(page, lab, NOTEBOOK)
    assert page.locator(".jp-OutputArea-output[data-mime-type*='stderr']").count() == 0
    assert page.locator(".jp-OutputArea-output[data-mime-type*='error']").count() == 0
    card = hindsight.scorecard(case.claims, case.hindsight, case.sources)
    names = [claim_name(card.loc[c, "¶"], card.loc[c, "claim"]) for c in card.index]
    fields = [page.get_by_role("combobox", name=name, exact=True).first for name in names]
    fields[0].wait_for(timeout=30_000)
    summary = page.locator(".widget-html-content",
                           has_text=re.compile(r"^Rated \d+ of \d+ claims")).first
    assert chromium_name_and_value(page, fields[0]) == ("combobox", names[0],
                                                        hindsight.NOT_RATED)

    # By keyboard: the first claim's reference rating by its first letter, then Tab.
    fields[0].focus()
    before = notebook_state(page)
    press_shortcuts_in(page, fields[0])
    assert notebook_state(page) == before
    first = card["reference"].iloc[0]
    type_and_enter(page, fields[0], first[0])
    wait_for_text(page, summary, f"Rated 1 of {len(card)} claims.")
    assert fields[0].input_value() == first  # the rating in words in the field
    assert chromium_name_and_value(page, fields[0]) == ("combobox", names[0], first)
    shade = "rgb({}, {}, {})".format(*(int(RATED_SHADE[i:i + 2], 16) for i in (1, 3, 5)))
    page.wait_for_function(  # shaded as well as said in words; a claim not rated is not
        "([rated, unrated, shade]) => getComputedStyle(rated).backgroundColor === shade"
        " && getComputedStyle(unrated).backgroundColor !== shade",
        arg=[fields[0].element_handle(), fields[1].element_handle(), shade], timeout=10_000)
    page.keyboard.press("Tab")  # one Tab stop per claim
    assert is_focused(fields[1])
    type_and_enter(page, fields[1], "maybe")
    wait_for_text(page, page.locator(".widget-html-content", has_text="is no rating").first,
                  "“maybe” is no rating here")
    second = card["reference"].iloc[1]
    type_and_enter(page, fields[1], second.upper())
    wait_for_text(page, summary, f"Rated 2 of {len(card)} claims.")

    # By mouse: a click into the third claim's field, the rating set as a pick from its list
    # does (one input, then change).
    third = card["reference"].iloc[2]
    fields[2].click()
    fields[2].fill(third)
    fields[2].dispatch_event("change")
    wait_for_text(page, summary, f"Rated 3 of {len(card)} claims.")

    # The box by keyboard (Space), then the counts against the reference.
    box = page.locator(".widget-checkbox input").first
    box.focus()
    page.keyboard.press("Space")
    wait_for_text(page, summary, "Against the course's reference: 3 agree")
    # An emptied field is "not rated" again, in words and without the shade.
    type_and_enter(page, fields[2], "")
    wait_for_text(page, summary, f"Rated 2 of {len(card)} claims.")
    assert fields[2].input_value() == hindsight.NOT_RATED
    page.wait_for_function("([field, shade]) => getComputedStyle(field).backgroundColor "
                           "!== shade", arg=[fields[2].element_handle(), shade])
    assert notebook_state(page) == before  # no cell added, the same cell active
    fields[0].scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "09_rating_widget.png"), full_page=False)
