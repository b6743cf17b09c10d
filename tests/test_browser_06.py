"""Lesson 06 in a real JupyterLab, driven in headless Chromium: it runs with no error, and
every kind of control changes the chart, its description (its alt text too) and the summary
sentence: a slider by its arrow keys; by keyboard alone, the *Reading* and *Observations*
fields, a weight's number field and a pairwise judgement's field, while no key reaches the
notebook; Chromium names each of them. Opened before anything runs, the widget cell shows the
default weighting's summary and chart, not a Python repr.

What the page must show after each change is computed by the same widget built here,
kernel-side, and changed the same way. Needs Debian's Chromium and Playwright (see
test_browser.py); skipped without them. The fixtures are in conftest.py.
"""

import html
import re

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

from casebook.model import weights as model
from casebook.widgets.weights import judgement_name, pairwise_weighting, weighting_explorer
from conftest import needs_browser, open_unrun, run_all

# The lessons in the browser are the course's own, with their stored outputs.
pytestmark = [needs_browser, pytest.mark.pins_shipped_case("the lesson the browser test opens")]

NOTEBOOK = "06_weighing_the_factors.ipynb"
SUMMARY = ".casebook-weights-summary"
CHART = ".casebook-weights-chart img"
DESCRIPTION = ".casebook-weights-description"


def test_lesson_06_runs_and_every_control_changes_the_figure_and_the_summary(page, lab, case,
                                                                             tmp_path):
    run_all(page, lab, NOTEBOOK)
    assert page.locator(".jp-OutputArea-output[data-mime-type*='stderr']").count() == 0
    assert page.locator(".jp-OutputArea-output[data-mime-type*='error']").count() == 0

    mirror = weighting_explorer(case, folder=tmp_path).explorer  # what the page must show
    summary, chart = page.locator(SUMMARY).first, page.locator(CHART).first
    description = page.locator(DESCRIPTION).first
    chart.wait_for(timeout=30_000)
    article = model.article_preset(case.presets, case.article.source_id)
    start = model.weigh(case, case.weight_matrix().loc[article])
    wait_for_text(page, summary, start.sentence)
    assert chart.get_attribute("alt") == mirror.chart.description  # the live chart's alt text

    def shows(what: str) -> str:
        """The page shows the mirror's summary sentence, chart description and alt text."""
        sentence = html.unescape(re.sub(r"<[^>]+>", "", mirror.summary.value))
        wait_for_text(page, summary, sentence, timeout=30_000)
        wait_for_text(page, description, mirror.chart.description)
        assert chart.get_attribute("alt") == mirror.chart.description, what
        return sentence

    # A slider, by its arrow keys: the first factor's weight one step down.
    first = case.factors.index[0]
    handle = page.locator(".widget-slider .noUi-handle").first
    handle.scroll_into_view_if_needed()
    handle.focus()
    picture = chart.get_attribute("src")
    page.keyboard.press("ArrowLeft")
    mirror.sliders[first].value -= 0.5
    assert shows("slider") != start.sentence
    wait_for_change(page, chart, "src", picture)

    # The Reading field by keyboard: letters and arrows stay in it, then a reading's first
    # letters (one whose sentence differs from the last).
    reading = page.get_by_role("combobox", name="Reading", exact=True).first
    labels = [label for label, _ in mirror.preset_menu.options]
    assert chromium_name_and_value(page, reading) == ("combobox", "Reading", labels[0])
    reading.focus()
    before = notebook_state(page)
    press_shortcuts_in(page, reading)
    assert notebook_state(page) == before
    other = next(p for p in case.presets.index if model.weigh(
        case, case.weight_matrix().loc[p]).sentence != model.weigh(case, mirror.weights).sentence)
    label = case.presets.loc[other, "label"]
    picture = chart.get_attribute("src")
    type_and_enter(page, reading, first_letters(label, labels) or label)
    mirror.preset_menu.value = other
    shows("reading")
    wait_for_change(page, chart, "src", picture)
    assert chromium_name_and_value(page, reading) == ("combobox", "Reading", label)

    # A weight's number field by keyboard: typed, then one step up with the arrow key.
    factor = case.factors.index[-1]
    name = case.factors.loc[factor, "short_label"]
    field = page.get_by_role("spinbutton", name=name, exact=True).first
    role, accessible, value = chromium_name_and_value(page, field)
    assert (role, accessible, float(value)) == ("spinbutton", name, mirror.weights[factor])
    press_shortcuts_in(page, field, arrows=False)
    new = 0.0 if mirror.weights[factor] else 10.0
    picture = chart.get_attribute("src")
    type_and_enter(page, field, f"{new:g}")
    mirror.sliders[factor].value = new
    shows("number field")
    assert reading.input_value() == mirror.preset_menu.label  # no preset's weights now
    page.keyboard.press("ArrowUp" if new == 0 else "ArrowDown")
    mirror.sliders[factor].value = new + (0.5 if new == 0 else -0.5)
    shows("number field, arrow key")
    assert float(chromium_name_and_value(page, field)[2]) == mirror.weights[factor]
    handle = page.locator(".widget-slider", has_text=name).first.locator(".noUi-handle")
    page.wait_for_function(
        "([element, value]) => Number(element.getAttribute('aria-valuenow')) === value",
        arg=[handle.element_handle(), mirror.weights[factor]])  # the slider followed

    # The Observations field by keyboard.
    observations = page.get_by_role("combobox", name="Observations", exact=True).first
    windows = [label for label, _ in mirror.window_menu.options]
    later = dict((v, k) for k, v in mirror.window_menu.options)["later"]
    type_and_enter(page, observations, first_letters(later, windows) or later)
    mirror.window_menu.value = "later"
    shows("observations")
    assert chromium_name_and_value(page, observations) == ("combobox", "Observations", later)
    assert notebook_state(page) == before  # no cell added, the same cell active

    # A pairwise judgement's field by keyboard.
    pairwise = pairwise_weighting(case, mirror.panel).pairwise
    (a, b), judgement = next(iter(pairwise.choices.items()))
    first_label, second_label = (case.factors.loc[f, "short_label"] for f in (a, b))
    pair = page.get_by_role("combobox", name=judgement_name(first_label, second_label),
                            exact=True).first
    assert chromium_name_and_value(page, pair) == (
        "combobox", judgement_name(first_label, second_label), "equal")
    pair.focus()
    in_pairwise = notebook_state(page)  # focus in another cell makes that cell active
    press_shortcuts_in(page, pair)
    type_and_enter(page, pair, f"{first_label.lower()} x5")
    judgement.value = 5.0
    report = model.ahp_report(pairwise.result, pairwise.labels)
    wait_for_text(page, page.locator(".casebook-ahp-result").first, report)
    assert pair.input_value() == f"{first_label} ×5"
    assert notebook_state(page) == in_pairwise  # no cell added, the same cell active
    summary.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "06_after_keyboard.png"), full_page=False)


def test_lesson_06_opened_before_running_shows_the_default_weighting(page, lab, case):
    text = open_unrun(page, lab, NOTEBOOK)
    article = model.article_preset(case.presets, case.article.source_id)
    assert model.weigh(case, case.weight_matrix().loc[article]).sentence in text
    assert "VBox(" not in text and "FloatSlider(" not in text
    assert page.locator("img[alt^='Diverging bar chart of the score']").count() >= 1
