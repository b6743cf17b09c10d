"""Lesson 04: the article's third and fourth factors against the record and the other
readings; model, charts and feedback tested headlessly on small tables made here."""

import numpy as np
import pandas as pd
import pytest

from casebook.dates import PartialDate
from casebook.feedback import alignment as feedback
from casebook.model import alignment
from casebook.plots.alignment import RATING_STYLES, evidence_chart, readings_chart

D = PartialDate.parse
ARTICLE = D("2017-10-13")


def test_article_factors_keep_file_order_and_skip_the_course_factors():
    factors = pd.DataFrame({
        "label": ["Peace", "Seat", "Bomb", "China", "US"], "short_label": list("PSBCU"),
        "paragraph": [2, 3, 5, 4, 7], "quote": list("abcde"),
        "in_article": ["yes", "yes", "no", "yes", "yes"]},
        index=["peace", "seat", "bomb", "china", "us"])
    table = alignment.article_factors(factors)
    assert table.index.to_list() == ["peace", "seat", "china", "us"]
    assert table["number"].to_list() == [1, 2, 3, 4]
    assert table.iloc[2:4]["¶"].to_list() == ["¶4", "¶7"]


@pytest.mark.pins_shipped_case("lesson 04's text on the paragraphs of its factors")
def test_the_case_numbers_its_third_and_fourth_factors_from_paragraphs_4_and_7(case):
    third, fourth = alignment.article_factors(case.factors).iloc[2:4]["¶"]
    assert (third, fourth) == ("¶4", "¶7")


OPTIONS = pd.DataFrame({"short_label": ["Double freeze", "Lifelines", "Oppose THAAD", "Talks"],
                        "paragraph": pd.array([4, 4, 6, 3], dtype="Int64")},
                       index=["freeze", "lifelines", "thaad", "talks"])
SOURCES = pd.DataFrame({"title": ["S/2017/613", "CNN", "ecns", "Later"]},
                       index=["un", "cnn", "ecns", "later"])


def test_stances_record_keeps_cited_stances_known_on_the_article_date():
    behaviour = pd.DataFrame({
        "option_id": ["freeze", "lifelines", "thaad", "talks", "lifelines"],
        "date": [D("2017-07-04"), D("2017-05-17"), D("2016-07-28"), D("2017-07-04"),
                 D("2024-12-16")],
        "observed": ["supported", "supported", "supported", "supported", "supported"],
        "description": ["Joint statement", "Ferry", "Joint stand", "Talks", "Train"],
        "source_id": ["un", "cnn", "ecns", "un", "later"]})
    table = alignment.stances_record(behaviour, OPTIONS, SOURCES, [4, 6], ARTICLE, "Russia")
    assert table["what Russia did"].to_list() == ["Joint stand", "Ferry", "Joint statement"]
    assert table["¶"].to_list() == ["¶6", "¶4", "¶4"]
    assert table["source"].to_list() == ["ecns", "CNN", "S/2017/613"]


def test_effects_on_lists_cited_stances_in_option_order_for_the_chosen_factors():
    effects = pd.DataFrame({
        "option_id": ["thaad", "freeze", "lifelines", "freeze", "talks"],
        "factor_id": ["china", "china", "china", "peace", "china"],
        "effect": [2, 2, 0, 1, 1], "rationale": ["jointly", "joint", "Russian", "calm", "x"]})
    factors = pd.DataFrame({"short_label": ["China alignment", "Peace"]},
                           index=["china", "peace"])
    table = alignment.effects_on(effects, OPTIONS, factors, ["china"], [4, 6])
    assert table["stance"].to_list() == ["Double freeze", "Lifelines", "Oppose THAAD"]
    assert table["effect"].to_list() == [2, 0, 2]


def rated_frame():
    evidence = pd.DataFrame({
        "date": [D("2017-07-06"), D("2016-07-28"), D("2017-10-01"), D("2024-03-28"),
                 D("2017-07-04")],
        "description": ["Russia alone blocks.", "Joint stand on THAAD.", "Internet link.",
                        "Veto alone.", "Joint statement."],
        "source_id": ["un"] * 5}, index=["block", "thaad", "link", "veto", "joint"])
    ratings = pd.DataFrame({
        "evidence_id": ["block", "thaad", "link", "veto", "joint", "block"],
        "hypothesis_id": ["h1"] * 5 + ["h2"],
        "rating": ["II", "C", "I", "I", "C", "CC"],
        "rationale": ["alone", "joint", "competes", "alone", "joint", "spoiler"]})
    return alignment.rated_evidence(evidence, ratings, SOURCES, "h1", ARTICLE)


def test_rated_evidence_leaves_out_hindsight_and_reads_one_hypothesis():
    rated = rated_frame()
    assert rated.index.to_list() == ["thaad", "joint", "block", "link"]
    assert rated["rating"].to_list() == ["C", "C", "II", "I"]
    assert rated["in words"].to_list() == ["consistent", "consistent", "very inconsistent",
                                           "inconsistent"]
    assert alignment.inconsistent(rated).index.to_list() == ["block", "link"]


def test_article_hypothesis_and_preset_are_found_by_their_source():
    hypotheses = pd.DataFrame({"source_id": ["brown", "blank"]}, index=["h1b", "h1"])
    assert alignment.article_hypothesis(hypotheses, "blank") == "h1"
    with pytest.raises(ValueError, match="expected one hypothesis citing the article"):
        alignment.article_hypothesis(hypotheses, "nobody")
    presets = pd.DataFrame({"source_id": ["blank", None]}, index=["blank_2017", "equal"])
    assert alignment.article_preset(presets, "blank") == "blank_2017"


def readings_frame():
    presets = pd.DataFrame({
        "holder": ["Stephen Blank", "Artyom Lukin", "Samuel Ramani", "none (baseline)"],
        "reading": ["r"] * 4,
        "weights_basis": ["from_texts", "from_texts", "from_texts", "illustrative"],
        "source_id": ["blank", "lukin", "ramani", None]},
        index=["blank_2017", "lukin", "ramani", "equal"])
    weights = pd.DataFrame({
        "preset_id": ["blank_2017", "lukin", "ramani", "equal"] * 2,
        "factor_id": ["china"] * 4 + ["us"] * 4,
        "weight": [8, 3, 2, 5, 8, 7, 0, 5]})
    factors = pd.DataFrame({"short_label": ["China alignment", "Defence vs US"]},
                           index=["china", "us"])
    sources = pd.DataFrame({"title": ["Article", "FPRI", "Oxford"]},
                           index=["blank", "lukin", "ramani"])
    return alignment.readings(presets, weights, factors, ["china", "us"], sources)


def test_readings_table_has_a_column_per_factor_and_the_basis_in_words():
    table = readings_frame()
    assert table["China alignment"].to_list() == [8, 3, 2, 5]
    assert table["Defence vs US"].to_list() == [8, 7, 0, 5]
    assert table["weights"].to_list() == ["from the scholar's texts"] * 3 + ["illustrative"]
    assert table["source"].to_list() == ["Article", "FPRI", "Oxford", ""]


# -- charts --------------------------------------------------------------------------------

def test_evidence_chart_places_each_rating_with_shape_and_code():
    rated = rated_frame()
    chart = evidence_chart(rated, "China-led")
    ax = chart.figure.axes[0]
    dots = [line for line in ax.lines if line.get_label() in RATING_STYLES]
    assert [int(d.get_xdata()[0]) for d in dots] == [1, 1, -2, -1]
    heights = [float(d.get_ydata()[0]) for d in dots]
    assert heights == sorted(heights, reverse=True) and len(set(heights)) == 4  # earliest on top
    assert [d.get_marker() for d in dots] == ["^", "^", "v", "v"]
    assert [t.get_text() for t in ax.texts] == ["C", "C", "II", "I"]
    assert ax.get_yticklabels()[0].get_text().startswith("2016-07-28 Joint stand")
    assert "very\ninconsistent\n(II)" in [t.get_text() for t in ax.get_xticklabels()]
    text = chart.description
    assert "4 pieces of evidence a reader could know on the article's date" in text
    assert "Consistent (C): 2 (2016-07-28 Joint stand on THAAD; 2017-07-04 Joint statement)." in (
        text)
    assert "Very inconsistent (II): 1 (2017-07-06 Russia alone blocks)." in text
    assert "Very consistent (CC): none." in text
    assert ax.get_title() == "The evidence of 2016-2017 against the article's reading"


def test_evidence_chart_title_follows_the_years_of_the_evidence():
    rated = rated_frame()
    rated.iloc[0, rated.columns.get_loc("date")] = PartialDate.parse("2015")
    assert evidence_chart(rated, "China-led").figure.axes[0].get_title() == (
        "The evidence of 2015-2017 against the article's reading")
    one_year = rated.iloc[1:]
    assert evidence_chart(one_year, "China-led").figure.axes[0].get_title() == (
        "The evidence of 2017 against the article's reading")
    assert evidence_chart(rated, "China-led", title="Mine").figure.axes[0].get_title() == "Mine"


def test_readings_chart_bars_hatches_values_and_the_article_label():
    table = readings_frame()
    chart = readings_chart(table, ["China alignment", "Defence vs US"], "Stephen Blank")
    ax = chart.figure.axes[0]
    assert [int(bar.get_width()) for bar in ax.patches] == [8, 3, 2, 5, 8, 7, 0, 5]
    assert {bar.get_hatch() for bar in ax.patches[:4]} == {"//"}
    assert {bar.get_hatch() for bar in ax.patches[4:]} == {".."}
    assert [t.get_text() for t in ax.texts] == ["8", "3", "2", "5", "8", "7", "0", "5"]
    first = ax.get_yticklabels()[0]
    assert first.get_text() == "Stephen Blank\n(from the scholar's texts)\nthe article"
    assert first.get_fontweight() == "bold"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["China alignment",
                                                                   "Defence vs US"]
    assert chart.description == (
        "Bar chart: the weight (0 to 10) each of 4 readings gives China alignment and Defence "
        "vs US. China alignment: Stephen Blank 8 (the article), Artyom Lukin 3, Samuel Ramani "
        "2, none (baseline) 5. Defence vs US: Stephen Blank 8 (the article), Artyom Lukin 7, "
        "Samuel Ramani 0, none (baseline) 5.")


# -- feedback ------------------------------------------------------------------------------

def effects_frame():
    return pd.DataFrame({
        "stance": ["Double freeze", "Lifelines", "Oppose THAAD", "Back force"],
        "factor": ["China alignment"] * 4, "effect": [2, 0, 2, -2],
        "why (course's coding)": ["joint", "Russian, not joint", "jointly", "sides with US"]})


def test_stances_serving_feedback():
    check = feedback.check_stances_serving
    effects = effects_frame()
    assert check(["oppose thaad", "Double freeze "], effects, "China alignment") == (
        "Right: Double freeze (+2) and Oppose THAAD (+2). The course codes the others 0 or "
        "below for China alignment: Lifelines 0, Back force -2.")
    assert check(["Double freeze", "Lifelines", "Oppose THAAD"], effects, "China alignment") == (
        "Not quite: the course codes Lifelines 0 for China alignment, not above 0. Read its "
        "'why': Russian, not joint")
    assert check("Double freeze", effects, "China alignment") == (
        "Not quite: Oppose THAAD is also coded above 0 for China alignment.")
    assert check(["Ferry"], effects, "China alignment") == (
        "Not quite: 'Ferry' names no stance of the table; the stances are Double freeze, "
        "Lifelines, Oppose THAAD and Back force.")
    assert check(None, effects, "China alignment").startswith("Replace None")


def test_inconsistent_count_feedback():
    rated = rated_frame()
    check = feedback.check_inconsistent_count
    assert check(np.int64(2), rated) == (
        "Right: 2 of the 4 pieces of evidence: 2017-07-06 Russia alone blocks (II); "
        "2017-10-01 Internet link (I).")
    assert check(1, rated) == ("Not quite: 1 counts only the 'very inconsistent' (II); the "
                               "'inconsistent' (I) count too.")
    assert check(3, rated) == ("Not quite: 3 is more than the downward triangles (I and II), "
                               "left of neutral. Count them again.")
    assert check(True, rated).startswith("Not quite: give a whole number")


def test_highest_other_weight_feedback():
    table = readings_frame()
    check = feedback.check_highest_other_weight
    assert check(3, table, "China alignment", "blank_2017") == (
        "Right: 3 (Artyom Lukin), against the article's 8. No other reading drawn from a text "
        "weighs China alignment above 3, in the course's numbers.")
    assert check(8, table, "China alignment", "blank_2017") == (
        "Not quite: 8 is the article's own weight; the question asks about the other readings.")
    assert check(5, table, "China alignment", "blank_2017") == (
        "Not quite: 5 is the weight of 'none (baseline)', an illustrative preset, not a reading "
        "drawn from a scholar's text.")
    assert check(2, table, "China alignment", "blank_2017").startswith(
        "Not quite: 2 is one of the weights")
    # Lukin's weight on the other factor: the learner read the wrong bars.
    assert check(7, table, "China alignment", "blank_2017") == (
        "Not quite: 7 is a weight on Defence vs US (Artyom Lukin), not on China alignment. "
        "Read the China alignment bars.")
    assert check(9, table, "China alignment", "blank_2017") == (
        "Not quite: no reading drawn from a text gives China alignment 9. Read the China "
        "alignment bars again.")
    for written in (3.0, "3", np.float64(3)):  # a weight as a float or as text
        assert check(written, table, "China alignment", "blank_2017") == check(
            3, table, "China alignment", "blank_2017")
    assert check("three", table, "China alignment", "blank_2017") == (
        "Not quite: give a number (you gave 'three').")
