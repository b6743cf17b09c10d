"""Lesson 04's factor explorer in a real JupyterLab, driven in headless Chromium by keyboard
alone: the field is named by Chromium itself, the keys sentence is shown, letters and arrows
pressed in the field never reach the notebook (cell count and active cell unchanged), and
typing the first letters of the other factor changes the sentence and the table under it to
what the same widget built kernel-side shows. Needs Debian's Chromium, as
tests/test_browser.py."""

import html
import re

import pytest
from browser_keys import (
    bring_into_view,
    chromium_name_and_value,
    first_letters,
    notebook_state,
    press_shortcuts_in,
    type_and_enter,
    wait_for_text,
)

from casebook.facts.lesson_04 import lesson_factors
from casebook.model import factor_record
from casebook.widgets.factor_record import factor_explorer
from conftest import needs_browser, run_all

pytestmark = [needs_browser, pytest.mark.pins_shipped_case("the lesson the browser opens")]

NOTEBOOK = "04_china_and_the_american_threat.ipynb"
FITS = "fits the factor?"

# The rows of the explorer's table as the page shows them: one {column: text} per row.
TABLE_ROWS = """output => {
    const table = output.querySelector('[role=region] table');
    if (!table) return [];
    const heads = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
    return [...table.querySelectorAll('tbody tr')].map(tr => Object.fromEntries(
        [...tr.querySelectorAll('td')].map((td, i) => [heads[i], td.textContent.trim()])));
}"""


def status_sentence(panel) -> str:
    """The sentence the explorer shows above its table, as the page's text gives it."""
    found = re.search(r"<p role='status'><b>(.*?)</b></p>", panel.shown.value)
    return html.unescape(found.group(1))


def kernel_rows(case, panel) -> list[tuple[str, str, str]]:
    """(date, stance, fits?) of each row the kernel-side widget shows for its factor."""
    focus = case.actors.loc[case.focus_actor, "short_name"]
    table = factor_record.factor_table(case.behaviour, case.effects, case.options,
                                       case.sources, panel.menu.value, case.article.date,
                                       focus)
    return [(str(row.date), row.stance, row[FITS]) for _, row in table.iterrows()]


def page_rows(output) -> list[tuple[str, str, str]]:
    return [(row["date"], row["stance"], row[FITS]) for row in output.evaluate(TABLE_ROWS)]


def test_the_other_factor_by_keyboard_changes_the_sentence_and_table(page, lab, case):
    run_all(page, lab, NOTEBOOK)
    mirror = factor_explorer(case, lesson_factors(case).index)  # what the page must show
    name = mirror.menu.description
    field = page.get_by_role("combobox", name=name, exact=True).first
    field.wait_for(timeout=30_000)
    output = page.locator(".jp-OutputArea-output", has=field).first
    opening_sentence = status_sentence(mirror)
    wait_for_text(page, output, opening_sentence)
    bring_into_view(page, field)
    assert chromium_name_and_value(page, field) == ("combobox", name, mirror.menu.label)
    assert "Keys:" in output.inner_text() and name in output.inner_text()
    opening = page_rows(output)
    assert opening == kernel_rows(case, mirror) and opening

    field.scroll_into_view_if_needed()
    field.focus()
    before = notebook_state(page)
    press_shortcuts_in(page, field)
    assert notebook_state(page) == before
    assert field.input_value() == mirror.menu.label  # the letters were taken back out

    labels = [label for label, _ in mirror.menu.options]
    target = labels[-1] if labels[-1] != mirror.menu.label else labels[0]
    type_and_enter(page, field, first_letters(target, labels) or target)
    mirror.menu.value = dict(mirror.menu.options)[target]
    wait_for_text(page, output, status_sentence(mirror))
    assert field.input_value() == target
    assert page_rows(output) == kernel_rows(case, mirror)
    assert status_sentence(mirror) != opening_sentence
    assert opening_sentence not in output.inner_text()
    assert page_rows(output) != opening  # the other factor's coding of the same record
    assert notebook_state(page) == before  # no cell added, the same cell active
