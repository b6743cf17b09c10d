"""The network explorer of lesson 07, headless: set the controls and check the chart's
artists, the picture, the description and the table, all updated in place."""

import pytest

from casebook.model import network as net
from casebook.widgets.network import network_explorer


@pytest.fixture
def explorer(case):
    return network_explorer(case)


def ties_drawn(panel):
    return list(panel.chart.edges.values())


def test_it_starts_at_the_default_period_and_focus_actor_with_every_kind_shown(case, explorer):
    assert explorer.period_menu.value == case.default_period
    assert explorer.focus_menu.value == case.focus_actor
    assert [box.value for box in explorer.tie_boxes.values()] == [True] * 4
    assert [box.description for box in explorer.tie_boxes.values()] == list(net.SIGNS)
    assert [value for _, value in explorer.period_menu.options] == list(case.periods.index)
    heading = net.period_heading(case.periods, case.default_period)
    assert explorer.chart.description.startswith(
        f"Network chart of {len(case.actors)} actors in {heading}")


def test_its_static_view_is_the_default_picture_with_description_and_table(case, explorer):
    page, words = explorer._static_view()
    heading = net.period_heading(case.periods, case.default_period)
    focus = case.actors.loc[case.focus_actor, "short_name"]
    assert page.startswith(f"<p>Period: {heading}; focus actor: {focus}; ties shown: "
                           "cooperative, mixed, neutral, hostile.</p><img src=\"data:image/png")
    assert f'alt="Network chart of {len(case.actors)} actors' in page
    assert f"<b>{focus}</b>'s ties in this period" in page
    assert words.endswith(explorer.chart.description)
    bundle = explorer._repr_mimebundle_()
    assert "VBox(" not in bundle["text/plain"] and "<img" in bundle["text/html"]


def test_changing_the_period_restyles_the_same_chart_and_renews_the_texts(case, explorer):
    figure, lines = explorer.chart.figure, ties_drawn(explorer)
    before = (explorer.picture.value, explorer.description_html.value,
              explorer.ties_html.value)
    last = case.periods.index[-1]
    explorer.period_menu.value = last
    assert explorer.chart.figure is figure and ties_drawn(explorer) == lines
    graph = net.case_graphs(case)[last]
    for (a, b), line in explorer.chart.edges.items():
        assert line.get_linewidth() == 1.8 * graph.edges[a, b]["strength"]
    heading = net.period_heading(case.periods, last)
    assert explorer.chart.ax.get_title() == heading
    assert heading in explorer.description_html.value
    after = (explorer.picture.value, explorer.description_html.value, explorer.ties_html.value)
    assert all(new != old for new, old in zip(after, before, strict=True))


def test_unticking_a_kind_hides_its_ties_and_says_so(case, explorer):
    graph = net.case_graphs(case)[case.default_period]
    hostile = [key for key in explorer.chart.edges if graph.edges[key]["sign"] == "hostile"]
    explorer.tie_boxes["hostile"].value = False
    visible = {key: line.get_visible() for key, line in explorer.chart.edges.items()}
    assert [visible[key] for key in hostile] == [False] * len(hostile) and hostile
    assert sum(visible.values()) == len(visible) - len(hostile)
    assert "Hidden by the toggles: the hostile ties." in explorer.description_html.value
    assert "ties shown: cooperative, mixed, neutral." in explorer._static_view()[0]


def test_changing_the_focus_actor_moves_the_highlight_and_the_table(case, explorer):
    other = case.actors.index[-1]
    name = case.actors.loc[other, "short_name"]
    explorer.focus_menu.value = other
    assert explorer.chart.ring.get_xydata().tolist() == [
        [case.actors.loc[other, "x"], case.actors.loc[other, "y"]]]
    assert explorer.chart.labels[other].get_fontweight() == "bold"
    assert explorer.chart.labels[case.focus_actor].get_fontweight() == "normal"
    assert f"Focus actor {name} (yellow, ringed, in bold)" in explorer.description_html.value
    assert f"<b>{name}</b>'s ties in this period" in explorer.ties_html.value
    assert explorer.ties_html.value.count("<tr>") == len(case.actors) - 1 + 1  # and the header row
