"""Charts of the weighting model (casebook.plots.weights): the bars and labels carry the
numbers, stances are told by hatching and words as well as colour, the description comes
from the same numbers, and updates change the existing artists."""

import numpy as np
import pandas as pd

from casebook.plots import OKABE_ITO
from casebook.plots import weights as plots

LABELS = pd.Series({"talks": "Talks", "sanctions": "Sanctions", "trade": "Trade"})


def score_chart():
    scores = pd.Series({"talks": 1.25, "sanctions": -0.5, "trade": 0.05})
    predicted = pd.Series({"talks": "support", "sanctions": "oppose", "trade": "undecided"})
    explained = pd.Series({"talks": "1 of 1", "sanctions": "2 of 3", "trade": "0 of 1"})
    return plots.option_scores_chart(scores, predicted, LABELS, 0.1, explained, (3, 5))


def test_bars_diverge_from_zero_with_stance_shown_by_hatch_colour_and_words():
    chart = score_chart()
    assert [round(b.get_width(), 2) for b in chart.bars] == [1.25, -0.5, 0.05]
    assert [b.get_hatch() for b in chart.bars] == [None, "///", "..."]
    assert [b.get_facecolor()[:3] for b in chart.bars[:2]] == [OKABE_ITO[5], OKABE_ITO[6]]
    assert [t.get_text() for t in chart.value_labels] == ["+1.25 support", "−0.50 oppose",
                                                         "+0.05 undecided"]
    assert [t.get_horizontalalignment() for t in chart.value_labels] == ["left", "right",
                                                                          "left"]
    assert [t.get_text() for t in chart.explained_labels] == ["1 of 1", "2 of 3", "0 of 1"]
    ax = chart.figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Talks", "Sanctions", "Trade"]
    assert ax.get_xlim() == (-2.9, 2.9)


def test_the_description_and_table_come_from_the_same_numbers():
    chart = score_chart()
    assert chart.description == (
        "Diverging bar chart of the score of 3 options under these weights, from −2 (against) "
        "to +2 (for); from −0.1 to +0.1 (the shaded band) the model is undecided. Support "
        "(solid bars): Talks +1.25. Oppose (bars hatched ///): Sanctions −0.50. Undecided "
        "(dotted bars): Trade +0.05. 3 of 5 observed stances explained.")
    assert chart.table.to_dict("list") == {"option": ["Talks", "Sanctions", "Trade"],
                                           "score": [1.25, -0.5, 0.05],
                                           "predicted": ["support", "oppose", "undecided"]}


def test_an_update_changes_the_same_artists_and_the_picture():
    chart = score_chart()
    figure, bars, labels = chart.figure, list(chart.bars), list(chart.value_labels)
    patches = len(figure.axes[0].patches)  # the bars and the shaded band
    before = chart.png()
    chart.update(pd.Series({"talks": -1.0, "sanctions": 0.75, "trade": 0.0}),
                 pd.Series({"talks": "oppose", "sanctions": "support", "trade": "undecided"}),
                 pd.Series({"talks": "0 of 1", "sanctions": "2 of 3", "trade": "1 of 1"}),
                 (3, 5), title="Another weighting")
    assert chart.figure is figure and chart.bars == bars and chart.value_labels == labels
    assert len(figure.axes[0].patches) == patches == 4
    assert [round(b.get_width(), 2) for b in chart.bars] == [-1.0, 0.75, 0.0]
    assert [b.get_hatch() for b in chart.bars] == ["///", None, "..."]
    assert chart.value_labels[0].get_text() == "−1.00 oppose"
    assert chart.explained_labels[2].get_text() == "1 of 1"
    assert chart.title.get_text() == "Another weighting"
    assert "Support (solid bars): Sanctions +0.75." in chart.description
    after = chart.png()
    assert after.startswith(b"\x89PNG") and after != before
    chart.update(pd.Series({"talks": 1.25, "sanctions": -0.5, "trade": 0.05}),
                 pd.Series({"talks": "support", "sanctions": "oppose", "trade": "undecided"}),
                 pd.Series({"talks": "1 of 1", "sanctions": "2 of 3", "trade": "0 of 1"}),
                 (3, 5), title="Option scores under these weights")
    assert chart.png() == before  # blitting leaves nothing of the previous bars behind


def test_a_blitted_picture_is_the_full_drawing():
    """The quick picture (background pasted back, bars drawn on it) equals what a new chart
    of the same numbers draws in full."""
    chart = score_chart()
    chart.png()
    chart.update(pd.Series({"talks": 0.5, "sanctions": 0.5, "trade": 0.5}),
                 pd.Series({"talks": "support", "sanctions": "support", "trade": "support"}))
    fresh = plots.option_scores_chart(
        pd.Series({"talks": 0.5, "sanctions": 0.5, "trade": 0.5}),
        pd.Series({"talks": "support", "sanctions": "support", "trade": "support"}), LABELS,
        0.1, pd.Series({"talks": "1 of 1", "sanctions": "2 of 3", "trade": "0 of 1"}))
    assert chart.png() == fresh.png()


STRETCHES = pd.DataFrame({
    "factor_id": ["a", "a", "a", "b", "c", "c"],
    "start": [0.0, 0.86, 5.37, 0.0, 0.0, 6.33], "end": [0.86, 5.37, 10.0, 10.0, 6.33, 10.0],
    "stance": ["oppose", "undecided", "support", "undecided", "undecided", "oppose"]})
WEIGHTS = pd.Series({"a": 1.0, "b": 2.0, "c": 6.0})
FACTORS = pd.Series({"a": "Alpha", "b": "Beta", "c": "Gamma"})


def test_the_tornado_puts_the_most_sensitive_factor_on_top():
    chart = plots.break_even_chart(STRETCHES, WEIGHTS, FACTORS, "Sanctions")
    ax = chart.figure.axes[0]
    # Alpha flips 0.14 away, Gamma 0.33 away, Beta never.
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Alpha", "Gamma", "Beta"]
    assert [(round(b.get_x(), 2), round(b.get_width(), 2), b.get_hatch())
            for b in chart.stretch_bars[1]] == [(0.0, 6.33, "..."), (6.33, 3.67, "///"),
                                               (0.0, 0.0, None)]  # a third stretch unused
    assert [t.get_text() for t in chart.flip_texts[0]] == ["0.86", "5.37"]
    assert [t.get_text() for t in chart.flip_texts[2]] == ["", ""]
    assert list(chart.marks.get_xdata()) == [1.0, 6.0, 2.0]
    assert chart.title.get_text() == "Break-even weights: Sanctions (undecided now)"
    legend = chart.figure.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == ["support", "oppose", "undecided",
                                                         "weight now"]
    assert chart.description.endswith(
        "Alpha (now 1): oppose up to 0.86, undecided from 0.86 to 5.37, support from 5.37. "
        "Gamma (now 6): undecided up to 6.33, oppose from 6.33. No weight of Beta from 0 to 10 "
        "changes the stance.")
    assert chart.table["factor"].to_list() == ["Alpha", "Gamma", "Beta"]


def test_the_tornado_updates_in_place_for_other_weights():
    chart = plots.break_even_chart(STRETCHES, WEIGHTS, FACTORS, "Sanctions")
    bars = [list(row) for row in chart.stretch_bars]
    moved = STRETCHES.copy()
    moved.loc[moved["factor_id"] == "b", "stance"] = "support"
    chart.update(moved, pd.Series({"a": 4.0, "b": 2.0, "c": 9.0}), "Trade")
    assert [list(row) for row in chart.stretch_bars] == bars
    assert [t.get_text() for t in chart.figure.axes[0].get_yticklabels()] == [
        "Alpha", "Gamma", "Beta"]  # Alpha 1.37 from 5.37, Gamma 2.67 from 6.33
    assert chart.title.get_text() == "Break-even weights: Trade (undecided now)"
    assert np.allclose(chart.marks.get_xdata(), [4.0, 9.0, 2.0])
    assert chart.stretch_bars[2][0].get_facecolor()[:3] == OKABE_ITO[5]
