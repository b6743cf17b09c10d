"""The weighting widgets, headless: set slider values, pick presets, press reset, save and
load, and check the scores, the chart's artists and the sentences they show."""

import csv
import json
import shutil

import pytest

from casebook import load_case
from casebook.model import weights as model
from casebook.weights_file import load_weights, save_weights
from casebook.widgets.weights import pairwise_weighting, weighting_explorer
from conftest import DATA


@pytest.fixture
def explorer(case, tmp_path):
    return weighting_explorer(case, folder=tmp_path).explorer


def expected_sentence(case, weights, observed):
    scores = model.option_scores(case.effect_matrix(), weights)
    rows = model.fit(case.effect_matrix(), weights, observed)
    return model.summary_sentence(model.stances(scores), case.options["short_label"],
                                  *model.explained_count(rows),
                                  actor=case.actors.loc[case.focus_actor, "short_name"],
                                  scores=scores)


def known(case):
    return model.observations(case.behaviour, case.options.index, end=case.article.date)


def test_one_slider_per_factor_starting_at_the_articles_weights(case, explorer):
    article = model.article_preset(case.presets, case.article.source_id)
    assert list(explorer.sliders) == list(case.factors.index)
    assert [s.description for s in explorer.sliders.values()] == list(
        case.factors["short_label"])
    assert explorer.weights.to_dict() == case.weight_matrix().loc[article].to_dict()
    assert all(s.min == 0 and s.max == 10 for s in explorer.sliders.values())
    assert explorer.preset_menu.value == article
    assert explorer.summary.value == (
        f"<p><b>{expected_sentence(case, explorer.weights, known(case))}</b></p>")


def test_moving_a_slider_updates_scores_chart_table_and_sentence_in_place(case, explorer):
    chart, figure, bars = explorer.chart, explorer.chart.figure, list(explorer.chart.bars)
    picture, sentence = explorer.image.value, explorer.summary.value
    factor = case.factors.index[0]
    explorer.sliders[factor].value = 0
    weights = explorer.weights
    assert weights[factor] == 0
    assert explorer.chart is chart and chart.figure is figure and chart.bars == bars
    scores = model.option_scores(case.effect_matrix(), weights)
    assert [round(b.get_width(), 6) for b in chart.bars] == [round(s, 6) for s in scores]
    assert explorer.image.value != picture
    assert explorer.summary.value != sentence
    sentence = expected_sentence(case, weights, known(case))
    assert explorer.summary.value == f"<p><b>{sentence}</b></p>"
    assert explorer.preset_menu.value == ""  # the weights are no longer a preset's
    assert explorer.method == "sliders"
    share = model.normalise(weights)
    label = case.factors["short_label"].iloc[1]
    assert f"{label} {share.iloc[1]:.0%}" in explorer.shares.value
    table = model.fit_by_option(case.effect_matrix(), weights, known(case), case.options)
    assert all(text in explorer.fit_table.value for text in table["explained"])


def test_a_preset_puts_its_weights_on_the_sliders_and_reset_brings_the_articles_back(
        case, explorer):
    matrix = case.weight_matrix()
    other = case.presets.index[-1]
    explorer.preset_menu.value = other
    assert explorer.weights.to_dict() == matrix.loc[other].to_dict()
    assert explorer.method == f"preset:{other}"
    assert explorer.summary.value == (
        f"<p><b>{expected_sentence(case, matrix.loc[other], known(case))}</b></p>")
    explorer.reset_button.click()
    article = model.article_preset(case.presets, case.article.source_id)
    assert explorer.weights.to_dict() == matrix.loc[article].to_dict()
    assert explorer.preset_menu.value == article


def test_all_weights_at_zero_give_a_message_not_a_crash(case, explorer):
    *others, last = explorer.sliders.values()
    for slider in others:
        slider.value = 0
    picture = explorer.image.value
    last.value = 0
    assert "all weights are 0: give at least one factor a weight above 0" in (
        explorer.message.value)
    assert explorer.summary.value == "<p>No prediction: all weights are 0.</p>"
    assert explorer.image.value == picture  # the last chart stays
    first = next(iter(explorer.sliders.values()))
    first.value = 3
    assert explorer.message.value == ""
    assert "observed stances explained" in explorer.summary.value


def test_a_negative_weight_cannot_get_onto_a_slider(explorer):
    slider = next(iter(explorer.sliders.values()))
    slider.value = -4
    assert slider.value == 0
    with pytest.raises(model.WeightsError, match="expected a number from 0 up"):
        explorer.set_weights({f: -1 for f in explorer.sliders}, method="sliders")


def test_the_observation_window_switches_to_later_behaviour(case, explorer):
    labels = [label for label, _ in explorer.window_menu.options]
    later = model.case_later_observations(case)
    day = case.article.date.first_day
    assert labels[0] == (f"known on {day.day} {day:%b %Y}, the article's date "
                         f"({len(known(case))})")
    assert labels[1] == f"after the article ({len(later)})"
    explorer.window_menu.value = "later"
    assert explorer.summary.value == (
        f"<p><b>{expected_sentence(case, explorer.weights, later)}</b></p>")


def test_save_then_load_through_the_buttons(case, explorer, tmp_path):
    explorer.your_name.value = "Ana"
    explorer.file_name.value = "ana"
    explorer.sliders[case.factors.index[0]].value = 4.5
    explorer.save_button.click()
    assert explorer.file_name.value == "ana.json"
    assert explorer.file_message.value.startswith("<p>Saved ana.json in ")
    saved = load_weights(tmp_path / "ana.json", case.factors.index)
    assert saved.name == "Ana" and saved.weights.to_dict() == explorer.weights.to_dict()
    assert saved.method == "sliders"
    explorer.reset_button.click()
    explorer.your_name.value = ""
    explorer.load_button.click()
    assert explorer.weights.to_dict() == saved.weights.to_dict()
    assert explorer.your_name.value == "Ana"
    assert explorer.file_message.value == "<p>Loaded the weights of Ana from ana.json.</p>"


def test_saving_over_a_file_asks_first_and_cancel_keeps_it(case, explorer, tmp_path):
    save_weights(tmp_path / "my_weights.json", {f: 1 for f in case.factors.index}, "Old",
                 case.factors.index)
    explorer.your_name.value = "New"
    explorer.save_button.click()
    assert "my_weights.json exists already" in explorer.file_message.value
    assert explorer.overwrite_button.layout.display == ""
    assert load_weights(tmp_path / "my_weights.json", case.factors.index).name == "Old"
    explorer.cancel_button.click()
    assert explorer.file_message.value == "<p>Not saved: the existing file is unchanged.</p>"
    assert explorer.overwrite_button.layout.display == "none"
    assert load_weights(tmp_path / "my_weights.json", case.factors.index).name == "Old"
    explorer.save_button.click()
    explorer.overwrite_button.click()
    assert load_weights(tmp_path / "my_weights.json", case.factors.index).name == "New"


def test_a_bad_or_foreign_file_changes_nothing_and_says_why(case, explorer, tmp_path):
    before = explorer.weights.to_dict()
    (tmp_path / "lesson.json").write_text(json.dumps({"cells": []}), encoding="utf-8")
    explorer.file_name.value = "lesson.json"
    explorer.load_button.click()
    assert explorer.weights.to_dict() == before
    assert explorer.file_message.value == (
        "<p><b>Nothing was changed.</b></p><ul><li>lesson.json: key &#x27;kind&#x27; is missing: "
        "expected &#x27;casebook-weights&#x27;; this is not a weights file saved by the "
        "course</li></ul>")
    explorer.file_name.value = "../elsewhere.json"
    explorer.load_button.click()
    assert "Give a file name only, without a folder" in explorer.file_message.value


def test_a_damaged_weights_file_leaves_every_control_and_output_as_it_was(case, explorer,
                                                                          tmp_path):
    explorer.your_name.value = "Bo"
    explorer.sliders[case.factors.index[0]].value = 3
    state = (explorer.weights.to_dict(), explorer.your_name.value, explorer.method,
             explorer.preset_menu.value, explorer.summary.value, explorer.image.value,
             explorer.fit_table.value)
    first, *_, last = case.factors.index
    document = {"kind": "casebook-weights", "format_version": 1, "name": "Eve",
                "method": "sliders", "weights": {first: 12}}
    (tmp_path / "eve.json").write_text(json.dumps(document), encoding="utf-8")
    explorer.file_name.value = "eve.json"
    explorer.load_button.click()
    assert (explorer.weights.to_dict(), explorer.your_name.value, explorer.method,
            explorer.preset_menu.value, explorer.summary.value, explorer.image.value,
            explorer.fit_table.value) == state
    message = explorer.file_message.value
    assert message.startswith("<p><b>Nothing was changed.</b></p><ul><li>eve.json: key "
                              f"&#x27;weights&#x27; has no &#x27;{case.factors.index[1]}&#x27;")
    assert (f"<li>eve.json: key &#x27;weights.{first}&#x27; is 12: expected a number from 0 "
            "to 10</li>") in message
    assert last in message


def test_a_file_naming_a_preset_with_other_weights_is_shown_as_own_weights(case, explorer,
                                                                            tmp_path):
    preset = case.presets.index[-1]
    changed = case.weight_matrix().loc[preset].to_dict()
    factor = case.factors.index[0]
    changed[factor] += 1 if changed[factor] < 10 else -1
    save_weights(tmp_path / "edited.json", changed, "Edited", case.factors.index,
                 method=f"preset:{preset}")
    explorer.file_name.value = "edited.json"
    explorer.load_button.click()
    assert explorer.weights.to_dict() == changed
    assert explorer.preset_menu.value == "" and explorer.method == "sliders"
    save_weights(tmp_path / "same.json", case.weight_matrix().loc[preset], "Same",
                 case.factors.index, method=f"preset:{preset}")
    explorer.file_name.value = "same.json"
    explorer.load_button.click()
    assert explorer.preset_menu.value == preset and explorer.method == f"preset:{preset}"


def test_saving_needs_a_name(explorer, tmp_path):
    explorer.save_button.click()
    assert "Type your name" in explorer.file_message.value
    assert list(tmp_path.iterdir()) == []


def test_the_static_view_shows_the_default_state(case):
    panel = weighting_explorer(case)
    page, text = panel.explorer.static_view()
    assert '<img src="data:image/png;base64,' in page
    assert f'alt="{panel.explorer.chart.description}"' in page
    assert "(your own weights)" not in page and "Reading: The article" in page
    assert text.startswith("Weights (0 to 10): ")
    assert expected_sentence(case, panel.explorer.weights, known(case)) in text
    bundle = panel._repr_mimebundle_()
    assert bundle["text/plain"] == text


def test_the_naive_redraw_makes_a_new_figure_on_every_change(case, tmp_path):
    explorer = weighting_explorer(case, folder=tmp_path, redraw="new_figure").explorer
    first = explorer.chart.figure
    next(iter(explorer.sliders.values())).value = 0
    assert explorer.chart.figure is not first


def test_pairwise_judgements_give_weights_a_warning_and_fill_the_sliders(case, explorer):
    panel = pairwise_weighting(case, explorer.panel)
    pairwise = panel.pairwise
    count = len(case.factors)
    assert len(pairwise.sliders) == count * (count - 1) // 2
    assert "Consistency ratio 0.00" in pairwise.result_html.value
    (a, b), (a2, c), *_ = pairwise.sliders
    pairwise.sliders[(a, b)].value = 9.0  # a far above b ...
    pairwise.sliders[(a2, c)].value = 1 / 9  # ... and far below c, while b equals c
    assert pairwise.result.consistency_ratio > 0.1
    assert "Warning: consistency ratio" in pairwise.result_html.value
    assert "The judgement that most breaks consistency" in pairwise.result_html.value
    pairwise.use_button.click()
    assert explorer.weights.to_dict() == model.weights_from_ahp(pairwise.result).to_dict()
    assert explorer.method == "pairwise" and explorer.preset_menu.value == ""
    page, text = panel.pairwise.static_view()
    assert text.startswith(f"{len(pairwise.sliders)} pairwise sliders, "
                           f"{len(pairwise.sliders) - 2} of them at 'equal'.")


def test_a_factor_added_to_the_data_adds_a_slider(tmp_path):
    folder = tmp_path / "case"
    shutil.copytree(DATA, folder)

    def append(name, rows):
        path = folder / name
        with path.open(newline="", encoding="utf-8") as stream:
            columns = next(csv.reader(stream))
        with path.open("a", newline="", encoding="utf-8") as stream:
            writer = csv.DictWriter(stream, columns)
            writer.writerows(rows)

    original = load_case(DATA)
    append("factors.csv", [{"factor_id": "regime_security", "label": "Regime security",
                            "short_label": "Regime", "paragraph": 2,
                            "quote": "peace and stability on the Korean Peninsula",
                            "in_article": "no", "description": "A test factor."}])
    append("effects.csv", [{"option_id": o, "factor_id": "regime_security", "effect": 0,
                            "rationale": "Test.", "paragraph": 2}
                           for o in original.options.index])
    append("preset_weights.csv", [{"preset_id": p, "factor_id": "regime_security",
                                   "weight": 0, "rationale": "Test."}
                                  for p in original.presets.index])
    bigger = load_case(folder)
    explorer = weighting_explorer(bigger, folder=tmp_path).explorer
    assert len(explorer.sliders) == len(original.factors) + 1
    assert explorer.sliders["regime_security"].description == "Regime"
    pairwise = pairwise_weighting(bigger).pairwise
    assert len(pairwise.sliders) == len(explorer.sliders) * (len(explorer.sliders) - 1) // 2
