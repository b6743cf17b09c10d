"""Lesson 08's rating grid in a real JupyterLab, driven in headless Chromium: opened before
anything runs it shows its default view (not a Python repr); run, a rating typed by keyboard
alone (Tab to the cell, letters typed) and one given by mouse change the ranking chart and its
description, no key reaches the notebook (no cell added, the active cell stays), and each
cell's accessible name in Chromium's own accessibility tree names the hypothesis and the item
and its value is the rating.

The notebook: ``notebooks/08_competing_explanations.ipynb`` once it exists (set
``CASEBOOK_ACH_NOTEBOOK`` to test another one in notebooks/); until then a scratch notebook
that this test writes, runs kernel-side (as ``casebook refresh`` does, so it has stored
outputs) and puts into the lab. The test uses the first rating grid the notebook shows,
whatever its start (blank or the course's ratings) and whether the hindsight items are shown.

Choosing a rating from a cell's list by mouse cannot be driven here: the list is Chromium's
own pop-up, outside the page, and in this mode it takes the key presses that follow the
click. So the mouse changes a rating the ways a page can be driven: a click into the cell,
then the value set as picking does (``fill``: one ``input`` event), and the buttons under the
grid. tests/keyboard_in_jupyterlab.md records the pick from the pop-up by a real mouse (Xvfb).
"""

from __future__ import annotations

import json
import os

import nbformat
import pytest
from browser_keys import NOTEBOOK_STATE, chromium_name_and_value

from casebook.model import ach
from casebook.plots.ach import describe_ranking
from casebook.widgets.ach import cell_name, item_names
from conftest import DATA, REPO, needs_browser, open_unrun, run_all

# The lesson in the browser is the course's own case.
pytestmark = [needs_browser, pytest.mark.pins_shipped_case("the lesson the browser test opens")]

LESSON = os.environ.get("CASEBOOK_ACH_NOTEBOOK", "08_competing_explanations.ipynb")
SCRATCH = "scratch_ach_grid.ipynb"
# What the lesson's cell must do for this test: show a grid built by rating_grid_widget.
SCRATCH_SOURCE = """\
from casebook import load_case
from casebook.widgets.ach import rating_grid_widget

case = load_case()
rating_grid_widget(case, start="reference")"""

@pytest.fixture(scope="module")
def notebook(page, lab, tmp_path_factory):
    """The notebook's name in the lab's notebooks/ folder."""
    if (REPO / "notebooks" / LESSON).exists():
        return LESSON
    from casebook.refresh import refresh_notebook

    folder = tmp_path_factory.mktemp("scratch") / "notebooks"
    folder.mkdir()
    source = folder / SCRATCH
    nbformat.write(nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# A rating grid"),
        nbformat.v4.new_code_cell(SCRATCH_SOURCE),
        nbformat.v4.new_markdown_cell("After the grid.")]), source)
    refresh_notebook(source, source, DATA, stamp={})
    page.goto(f"{lab}/lab")
    page.locator("#jp-main-statusbar").wait_for(timeout=60_000)
    status = page.evaluate(
        """async ([path, content]) => {
            const xsrf = (document.cookie.match(/_xsrf=([^;]+)/) || [])[1] || '';
            const response = await fetch('/api/contents/' + path, {method: 'PUT',
                headers: {'Content-Type': 'application/json', 'X-XSRFToken': xsrf},
                body: JSON.stringify({type: 'notebook', format: 'json', content})});
            return response.status;
        }""", [f"notebooks/{SCRATCH}", json.loads(source.read_text(encoding="utf-8"))])
    assert status in (200, 201), f"the lab refused the scratch notebook ({status})"
    return SCRATCH


def first_grid(page):
    return page.locator(".jp-OutputArea-output", has=page.locator(".casebook-ach-cell")).first


def shown_ratings(grid, case, items, names) -> dict[tuple[str, str], str]:
    """Each cell's rating as the page shows it, found by its accessible name."""
    return {(e, h): grid.get_by_role("combobox", name=cell_name(
                case.hypotheses.loc[h, "label"], names[e]), exact=True).input_value()
            for e in items for h in case.hypotheses.index}


def grid_of(ratings: dict, items: list[str], case):
    full = ach.rating_grid(case, known_only=False)
    grid = ach.blank_grid(full.loc[items])
    for (item, hypothesis), rating in ratings.items():
        grid.loc[item, hypothesis] = rating
    return grid


def description_shows(page, grid, text: str) -> None:
    description = grid.locator(".casebook-ach-description").first
    page.wait_for_function("([element, text]) => element.textContent.includes(text)",
                           arg=[description.element_handle(), text], timeout=20_000)


def test_opened_before_running_the_grid_shows_its_default_view(page, lab, case, notebook):
    text = open_unrun(page, lab, notebook)
    assert "Rate each item against each hypothesis" in text
    assert "Horizontal bar chart: the weighted inconsistency score of " in text
    assert "VBox(" not in text and "Combobox(" not in text


def test_a_rating_by_keyboard_and_by_mouse_changes_the_ranking_and_its_description(
        page, lab, case, notebook, tmp_path):
    run_all(page, lab, notebook)
    assert page.locator(".jp-OutputArea-output[data-mime-type*='error']").count() == 0
    grid = first_grid(page)
    grid.locator(".casebook-ach-cell input").first.wait_for(timeout=60_000)
    full = ach.rating_grid(case, known_only=False)
    hindsight = grid.locator(".widget-checkbox input").first.is_checked()
    items = list(full.index) if hindsight else [e for e in full.index
                                               if e not in full.attrs["hindsight"]]
    names = item_names(case.evidence, list(full.index))
    weights = ach.evidence_weights(case.evidence)
    ratings = shown_ratings(grid, case, items, names)
    start = ach.ranking(grid_of(ratings, items, case), weights)
    description_shows(page, grid, describe_ranking(start))

    # By keyboard alone: from the cell before it, Tab to a cell of the leader and type "ii".
    leader = start.index[0]
    item = next(e for e in items[1:] if ratings[(e, leader)] != "II")
    hypotheses = list(case.hypotheses.index)
    before = ((item, hypotheses[hypotheses.index(leader) - 1]) if leader != hypotheses[0]
              else (items[items.index(item) - 1], hypotheses[-1]))
    cell = grid.get_by_role("combobox", name=cell_name(
        case.hypotheses.loc[leader, "label"], names[item]), exact=True)
    previous = grid.get_by_role("combobox", name=cell_name(
        case.hypotheses.loc[before[1], "label"], names[before[0]]), exact=True)
    previous.scroll_into_view_if_needed()
    previous.focus()
    notebook_before = page.evaluate(NOTEBOOK_STATE)
    page.keyboard.press("Tab")
    assert cell.evaluate("element => element === document.activeElement")
    page.keyboard.press("Control+a")  # select the rating there (a notebook shortcut too)
    page.keyboard.type("ii")  # "i, i" interrupts the kernel in command mode: not here
    ratings[(item, leader)] = "II"
    typed = ach.ranking(grid_of(ratings, items, case), weights)
    assert describe_ranking(typed) != describe_ranking(start)
    description_shows(page, grid, describe_ranking(typed))
    assert cell.input_value() == "II"
    chart = grid.locator(".casebook-ach-chart img").first
    assert chart.get_attribute("alt") == describe_ranking(typed)
    assert page.evaluate(NOTEBOOK_STATE) == notebook_before  # no cell added, none activated
    role, name, value = chromium_name_and_value(page, cell)
    assert (role, name, value) == ("combobox", cell_name(
        case.hypotheses.loc[leader, "label"], names[item]), "II")
    for key in ("a", "b", "ArrowDown", "ArrowUp"):  # notebook shortcuts in command mode
        page.keyboard.press(key)
    assert page.evaluate(NOTEBOOK_STATE) == notebook_before

    # By mouse: a click into a cell of the new leader, and the rating set as a pick does.
    new_leader = typed.index[0]
    other = next(e for e in items if ratings[(e, new_leader)] not in ("I", "II"))
    target = grid.get_by_role("combobox", name=cell_name(
        case.hypotheses.loc[new_leader, "label"], names[other]), exact=True)
    target.click()
    target.fill("I")
    ratings[(other, new_leader)] = "I"
    picked = ach.ranking(grid_of(ratings, items, case), weights)
    assert describe_ranking(picked) != describe_ranking(typed)
    description_shows(page, grid, describe_ranking(picked))
    assert page.evaluate(NOTEBOOK_STATE)["cells"] == notebook_before["cells"]

    # And the buttons, by mouse: clear every rating (asked first), then fill from the course.
    grid.get_by_role("button", name="Clear my ratings").click()
    grid.get_by_role("button", name="Yes, clear them").click()
    blank = ach.ranking(ach.blank_grid(full.loc[items]), weights)
    description_shows(page, grid, describe_ranking(blank))
    grid.get_by_role("button", name="Fill empty cells with the course's ratings").click()
    description_shows(page, grid, describe_ranking(ach.ranking(full.loc[items], weights)))
    grid.locator(".casebook-ach-chart").first.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "08_rating_grid.png"), full_page=False)
