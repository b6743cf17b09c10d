"""The controls that replace menus, toggle buttons and bare sliders (issue 17): kernel-side,
on both cases. What a reader types into a ``Choice`` field is read as a label (any case, its
first letters, without its bracket), an entry that names nothing or several keeps the last
choice and says so in one sentence, and every menu, rating and slider has a named field that
drives the same redraw as before. The browser tests check the keys and names in Chromium."""

import html

import ipywidgets as widgets
import pytest
from browser_keys import first_letters

from casebook.model import hindsight
from casebook.model import network as net
from casebook.widgets import year_explorer
from casebook.widgets.controls import Choice, loose, matching_labels, number_field
from casebook.widgets.hindsight import RATED_SHADE, claim_name, rating_widget
from casebook.widgets.network import network_explorer
from casebook.widgets.reading import paragraph_reader
from casebook.widgets.timeline import timeline_explorer
from casebook.widgets.weights import (
    judgement_name,
    observations_for,
    pairwise_weighting,
    weighting_explorer,
)


def typed(choice: Choice, text: str) -> None:
    """What the browser sends when a reader types ``text`` and presses Enter."""
    choice.field.value = text


# -- the matching rule itself ---------------------------------------------------------------

LABELS = ["Calm seas (2001-2004)", "Calm skies (2005-2009)", "Storm", "Storm front",
          "Kim’s visit", "A ×3", "equal"]


@pytest.mark.parametrize("text, expected", [
    ("calm seas (2001-2004)", ["Calm seas (2001-2004)"]),  # whole, any case
    ("  CALM   skies ", ["Calm skies (2005-2009)"]),  # without the bracket, spaces loose
    ("calm s", ["Calm seas (2001-2004)", "Calm skies (2005-2009)"]),  # several begin so
    ("storm", ["Storm"]),  # a whole label wins over a longer one it begins
    ("storm f", ["Storm front"]),
    ("front", ["Storm front"]),  # a word inside the label
    ("kim's", ["Kim’s visit"]),  # a straight apostrophe for a curly one
    ("a x3", ["A ×3"]),  # the letter x for the multiplication sign
    ("2005", ["Calm skies (2005-2009)"]),  # a word inside the bracket
    ("rain", []), ("", []), ("   ", []),
])
def test_matching_labels_reads_what_a_reader_types(text, expected):
    assert matching_labels(text, LABELS) == expected


def test_loose_does_not_merge_different_words():
    assert loose("Storm front") != loose("Stormfront")


# -- the Choice field -----------------------------------------------------------------------

@pytest.fixture
def choice():
    made = Choice([("Calm seas", "calm"), ("Storm", "storm"), ("Storm front", "front")],
                  "calm", "Weather")
    seen = []
    made.observe(lambda change: seen.append(change["new"]), names="value")
    made.seen = seen
    return made


def test_a_choice_starts_with_its_label_in_a_named_field_that_keeps_typed_text(choice):
    assert (choice.value, choice.label, choice.field.value) == ("calm", "Calm seas",
                                                                 "Calm seas")
    assert choice.field.description == "Weather" and choice.field.options == (
        "Calm seas", "Storm", "Storm front")
    # ensure_option off: the view would refuse other case or a first letter; sent on Enter
    assert choice.field.ensure_option is False and choice.field.continuous_update is False


def test_typing_a_label_or_its_first_letters_chooses_it_and_writes_the_whole_label(choice):
    typed(choice, "storm f")
    assert (choice.value, choice.field.value, choice.message.value) == (
        "front", "Storm front", "")
    typed(choice, "CALM")
    assert (choice.value, choice.field.value) == ("calm", "Calm seas")
    assert choice.seen == ["front", "calm"]  # one change each: one redraw each


def test_an_entry_that_names_nothing_keeps_the_choice_and_says_so_in_one_sentence(choice):
    typed(choice, "Fog")
    assert choice.value == "calm" and choice.seen == []
    assert choice.field.value == "Fog"  # what the reader wrote stays, to correct
    assert choice.message.value == (
        "<p role='status' style='margin:0 0 4px'>“Fog” is no weather here: type Calm seas, "
        "Storm or Storm front (or its first letters) and press Enter, or empty the field and "
        "pick one from its list. Still showing Calm seas.</p>")
    typed(choice, "st")
    assert "“st” could be Storm or Storm front: type more of it and press Enter. Still " \
           "showing Calm seas." in choice.message.value
    typed(choice, "storm")
    assert choice.value == "storm" and choice.message.value == ""


def test_an_emptied_field_shows_the_choice_again_or_means_blank_when_given():
    plain = Choice([("One", 1), ("Two", 2)], 2, "Count")
    typed(plain, "")
    assert (plain.value, plain.field.value) == (2, "Two")
    rating = Choice([("not rated", "-"), ("good", "g")], "g", "Rating", blank="-")
    typed(rating, " ")
    assert (rating.value, rating.field.value) == ("-", "not rated")


def test_setting_the_value_from_code_shows_its_label_and_clears_a_message(choice):
    typed(choice, "Fog")
    choice.value = "storm"
    assert choice.field.value == "Storm" and choice.message.value == ""
    with pytest.raises(Exception, match="'rain' is not one of the values of 'Weather'"):
        choice.value = "rain"


def test_repeated_labels_are_refused():
    with pytest.raises(ValueError, match="the labels of 'Twice' repeat"):
        Choice([("Same", 1), ("Same", 2)], 1, "Twice")


def test_a_number_field_is_named_linked_both_ways_and_clamps():
    slider = widgets.IntSlider(value=3, min=1, max=9, description="Step")
    field = number_field(slider, "Step")
    assert (field.description, field.min, field.max, field.value) == ("Step", 1, 9, 3)
    assert isinstance(field, widgets.BoundedIntText) and slider.readout is False
    field.value = 7
    assert slider.value == 7
    slider.value = 2
    assert field.value == 2
    field.value = 40  # typed beyond the slider's range: clamped, and the slider follows
    assert (field.value, slider.value) == (9, 9)


# -- every course widget, on both cases -----------------------------------------------------

def test_timeline_years_by_typed_label_redraw_the_figure_and_description(case):
    panel = timeline_explorer(case)
    years, words = panel.children[0], panel.children[-2]
    assert years.description == "Years"
    labels = [label for label, _ in years.options]
    before = words.value
    last_label, last_window = years.options[-1]
    typed(years, first_letters(last_label, labels) or last_label.lower())
    assert years.value == last_window and years.field.value == last_label
    assert words.value != before
    assert str(last_window[0]) in words.value and str(last_window[1]) in words.value
    typed(years, "no such years")
    assert years.value == last_window and "is no window of years here" in (
        years.message.value)
    assert "Keys:" in years.children[-1].value  # the widget says which keys work


def test_network_period_and_focus_actor_by_typed_name(case):
    panel = network_explorer(case)
    period, focus = panel.period_menu, panel.focus_menu
    assert (period.description, focus.description) == ("Period", "Focus actor")
    last = case.periods.index[-1]
    typed(period, net.period_heading(case.periods, last).upper())
    assert period.value == last
    assert net.period_heading(case.periods, last) in panel.description_html.value
    other = case.actors.index[-1]
    name = case.actors.loc[other, "short_name"]
    typed(focus, name.lower())
    assert focus.value == other and focus.field.value == name
    assert f"Focus actor {name}" in panel.description_html.value
    typed(focus, "zz")
    assert focus.value == other and "“zz” is no focus actor here: type " in (
        focus.message.value)
    assert "Still showing " + name in focus.message.value


def test_weights_reading_observations_and_number_fields(case):
    panel = weighting_explorer(case)
    explorer = panel.explorer
    presets = list(case.presets.index)
    other = next(p for p in presets if p != explorer.article_preset)
    label = case.presets.loc[other, "label"]
    chart, description = explorer.image.value, explorer.description.value
    typed(explorer.preset_menu, label.lower())
    assert explorer.preset_menu.value == other
    assert explorer.weights.to_dict() == case.weight_matrix().loc[other].to_dict()
    assert explorer.image.value != chart and explorer.description.value != description
    # The number fields follow the sliders and drive them.
    first = case.factors.index[0]
    field = explorer.fields[first]
    assert field.description == case.factors.loc[first, "short_label"]
    assert field.value == explorer.sliders[first].value
    field.value = 9.5
    assert explorer.sliders[first].value == 9.5 and explorer.preset_menu.value == ""
    assert explorer.preset_menu.field.value == "(your own weights)"
    # Observations by the first letters of its label.
    labels = [label for label, _ in explorer.window_menu.options]
    later = dict((v, k) for k, v in explorer.window_menu.options)["later"]
    typed(explorer.window_menu, first_letters(later, labels))
    assert explorer.window_menu.value == "later"
    count = len(observations_for(case, "later"))
    assert f" of {count} observed stance{'s' * (count != 1)} explained" in (
        explorer.summary.value)


def test_the_live_weights_chart_carries_its_description_as_alt_text(case):
    explorer = weighting_explorer(case).explorer
    assert explorer.image.value.startswith('<img src="data:image/png;base64,')
    assert f'alt="{html.escape(explorer.chart.description, quote=True)}"' in (
        explorer.image.value)
    explorer.sliders[case.factors.index[0]].value = 0
    assert f'alt="{html.escape(explorer.chart.description, quote=True)}"' in (
        explorer.image.value)


def test_pairwise_judgements_have_a_named_field_linked_to_each_slider(case):
    pairwise = pairwise_weighting(case, weighting_explorer(case)).pairwise
    (a, b), slider = next(iter(pairwise.sliders.items()))
    choice = pairwise.choices[(a, b)]
    first, second = (case.factors.loc[f, "short_label"] for f in (a, b))
    assert choice.description == judgement_name(first, second)
    assert choice.field.value == "equal" and slider.readout is False
    report = pairwise.result_html.value
    typed(choice, f"{first.lower()} x3")
    assert slider.value == 3.0 and choice.field.value == f"{first} ×3"
    assert pairwise.result_html.value != report
    slider.value = 1 / 5
    assert choice.field.value == f"{second} ×5"
    typed(choice, f"{first} x")
    assert slider.value == 1 / 5 and "could be" in choice.message.value


def test_each_claim_has_one_named_rating_field_that_shows_its_rating_in_words(case):
    panel = rating_widget(case)
    card = hindsight.scorecard(case.claims, case.hindsight, case.sources)
    fields = panel.ratings
    assert list(fields) == list(card.index)
    for claim_id, field in fields.items():
        assert field.description == claim_name(card.loc[claim_id, "¶"],
                                               card.loc[claim_id, "claim"])
        assert field.field.value == hindsight.NOT_RATED
    summary = panel.children[-2]
    first = card.index[0]
    reference = card.loc[first, "reference"]
    typed(fields[first], reference[0].upper())  # its first letter
    assert fields[first].value == reference and fields[first].field.value == reference
    assert fields[first].field.style.background == RATED_SHADE  # in words and shaded
    assert fields[card.index[1]].field.style.background is None
    assert f"Rated 1 of {len(card)} claims." in summary.value
    typed(fields[first], "")  # emptied: not rated again
    assert fields[first].field.value == hindsight.NOT_RATED
    assert fields[first].field.style.background is None
    assert f"Rated 0 of {len(card)} claims." in summary.value
    typed(fields[first], "great")
    assert fields[first].value == hindsight.NOT_RATED
    assert "“great” is no rating here: type not rated, undercut, mixed or supported" in (
        fields[first].message.value)
    assert "Keys:" in panel.children[0].value


def test_year_and_paragraph_fields_move_their_sliders(case):
    years = year_explorer(case)
    assert years.field.description == "Year" and years.slider.readout is False
    other = int(case.events["date"].iloc[0].year)
    years.field.value = other
    assert years.slider.value == other and f"<b>{other}</b>" in years.children[-1].value
    reader = paragraph_reader(case)
    assert reader.field.description == "Paragraph"
    reader.field.value = reader.slider.max
    assert reader.slider.value == reader.slider.max
    assert f"[¶{reader.slider.max}]" in reader.children[-1].value
