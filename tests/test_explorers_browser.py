"""The small explorers of lessons 03 (who sat at which table) and 05 (one Security Council
decision) in a real JupyterLab, driven in headless Chromium by keyboard alone: the field is
named, letters and arrows pressed in it never reach the notebook, and typing the first
letters of another choice changes the sentence and table under it to what the same widget
built kernel-side shows. Needs Debian's Chromium, as tests/test_browser.py."""

import html
import re

import pytest
from browser_keys import (
    chromium_name_and_value,
    first_letters,
    notebook_state,
    press_shortcuts_in,
    type_and_enter,
    wait_for_text,
)

from casebook.widgets.decisions import decision_explorer
from casebook.widgets.seats import seat_explorer
from conftest import needs_browser, run_all

pytestmark = [needs_browser, pytest.mark.pins_shipped_case("the lessons the browser opens")]

EXPLORERS = [("03_peace_and_a_seat_at_the_table.ipynb", seat_explorer),
             ("05_nonproliferation.ipynb", decision_explorer)]


def status_sentence(panel) -> str:
    """The sentence the explorer shows above its table, as the page's text gives it."""
    found = re.search(r"<p role='status'><b>(.*?)</b></p>", panel.shown.value)
    return html.unescape(found.group(1))


@pytest.mark.parametrize(("notebook", "build"), EXPLORERS,
                         ids=[name[:2] for name, _ in EXPLORERS])
def test_another_choice_by_keyboard_changes_what_the_explorer_shows(page, lab, case,
                                                                   notebook, build):
    run_all(page, lab, notebook)
    mirror = build(case)  # the same widget kernel-side: what the page must show
    name = mirror.menu.description
    field = page.get_by_role("combobox", name=name, exact=True).first
    field.wait_for(timeout=30_000)
    output = page.locator(".jp-OutputArea-output", has=field).first
    # The output area stays while the widget replaces its sentence and table.
    wait_for_text(page, output, status_sentence(mirror))
    assert chromium_name_and_value(page, field) == ("combobox", name, mirror.menu.label)

    field.scroll_into_view_if_needed()
    field.focus()
    before = notebook_state(page)
    press_shortcuts_in(page, field)
    assert notebook_state(page) == before

    labels = [label for label, _ in mirror.menu.options]
    target = labels[-1] if labels[-1] != mirror.menu.label else labels[0]
    type_and_enter(page, field, first_letters(target, labels) or target)
    mirror.menu.value = dict(mirror.menu.options)[target]
    wait_for_text(page, output, status_sentence(mirror))
    assert field.input_value() == target
    assert notebook_state(page) == before  # no cell added, the same cell active
