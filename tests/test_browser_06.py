"""Lesson 06 in a real JupyterLab, driven in headless Chromium: it runs with no error, and
moving a weight slider with the keyboard changes the chart's picture and the summary
sentence under the sliders. Opened before anything runs, the widget cell shows the default
weighting's summary and chart, not a Python repr.

Needs Debian's Chromium and Playwright (see test_browser.py); skipped without them. The
fixtures are in conftest.py.
"""

import pytest

from casebook.model import weights as model
from conftest import needs_browser, open_unrun, run_all

# The lessons in the browser are the course's own, with their stored outputs.
pytestmark = [needs_browser, pytest.mark.pins_shipped_case("the lesson the browser test opens")]

NOTEBOOK = "06_weighing_the_factors.ipynb"
SUMMARY = ".casebook-weights-summary"
CHART = "img.casebook-weights-chart"


def test_lesson_06_runs_and_a_slider_changes_the_figure_and_the_summary(page, lab, case,
                                                                        tmp_path):
    run_all(page, lab, NOTEBOOK)
    assert page.locator(".jp-OutputArea-output[data-mime-type*='stderr']").count() == 0
    assert page.locator(".jp-OutputArea-output[data-mime-type*='error']").count() == 0

    article = model.article_preset(case.presets, case.article.source_id)
    start = model.weigh(case, case.weight_matrix().loc[article])
    summary, chart = page.locator(SUMMARY).first, page.locator(CHART).first
    chart.wait_for(timeout=30_000)
    page.wait_for_function(
        "([selector, text]) => document.querySelector(selector).textContent.includes(text)",
        arg=[SUMMARY, start.sentence], timeout=15_000)
    picture = chart.get_attribute("src")

    # The first slider of the lesson is the first factor's weight; one step down.
    handle = page.locator(".widget-slider .noUi-handle").first
    handle.scroll_into_view_if_needed()
    handle.focus()
    page.keyboard.press("ArrowLeft")
    moved = case.weight_matrix().loc[article].copy()
    first = case.factors.index[0]
    moved[first] -= 0.5
    expected = model.weigh(case, moved).sentence
    assert expected != start.sentence
    page.wait_for_function(
        "([selector, text]) => document.querySelector(selector).textContent.includes(text)",
        arg=[SUMMARY, expected], timeout=15_000)
    page.wait_for_function(
        "([selector, before]) => document.querySelector(selector).getAttribute('src') !== before",
        arg=[CHART, picture], timeout=15_000)
    summary.scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "06_after_slider.png"), full_page=False)


def test_lesson_06_opened_before_running_shows_the_default_weighting(page, lab, case):
    text = open_unrun(page, lab, NOTEBOOK)
    article = model.article_preset(case.presets, case.article.source_id)
    assert model.weigh(case, case.weight_matrix().loc[article]).sentence in text
    assert "VBox(" not in text and "FloatSlider(" not in text
    assert page.locator("img[alt^='Diverging bar chart of the score']").count() >= 1
