"""The charts of lesson 07, checked through their artists: how many ties are drawn, in which
line style, colour and width, the legend, the highlighted focus actor, and the descriptions."""

import matplotlib.colors as mcolors
import pandas as pd
import pytest
from matplotlib.patches import Rectangle

from casebook.model import network as net
from casebook.plots import network as plots

tie = net.graph_from_ties
PERIODS = pd.DataFrame({"label": ["First", "Second"], "start_year": [2000, 2003],
                        "end_year": [2002, 2009]}, index=["example", "later"])


def triangle(focus="a"):
    return tie([("a", "b", "cooperative", 3), ("a", "c", "hostile", 2), ("b", "c", "mixed", 1),
                ("c", "d", "neutral", 1)], focus_actor=focus)


def drawn_ties(ax):
    return [line for line in ax.get_lines() if (line.get_gid() or "").startswith("tie ")]


def test_one_line_per_tie_in_the_style_of_its_kind_and_width_of_its_strength():
    chart = plots.network_chart(triangle())
    lines = drawn_ties(chart.ax)
    assert len(lines) == 4
    styles = [(line.get_linestyle(), mcolors.to_hex(line.get_color()), line.get_linewidth())
              for line in lines]
    assert styles == [("-", "#0072b2", 5.4), ("--", "#d55e00", 3.6), ("-.", "#cc79a7", 1.8),
                      (":", "#767676", 1.8)]


def test_the_legend_names_each_kind_of_tie_and_the_focus_actor():
    chart = plots.network_chart(triangle())
    assert [t.get_text() for t in chart.legend.get_texts()] == [
        "cooperative", "mixed", "neutral", "hostile", "focus actor: a"]
    handles = chart.legend.legend_handles
    assert [h.get_linestyle() for h in handles[:4]] == ["-", "-.", ":", "--"]


def test_actors_sit_at_their_positions_and_the_focus_actor_stands_out():
    graph = triangle(focus="b")
    chart = plots.network_chart(graph)
    offsets = chart.nodes.get_offsets().tolist()
    assert offsets == [[graph.nodes[n]["x"], graph.nodes[n]["y"]] for n in graph.nodes]
    assert chart.nodes.get_sizes().tolist() == [260, 520, 260, 260]
    assert [t.get_fontweight() for t in chart.labels.values()] == [
        "normal", "bold", "normal", "normal"]
    assert chart.ring.get_xydata().tolist() == [[graph.nodes["b"]["x"], graph.nodes["b"]["y"]]]


def test_the_description_says_what_the_chart_shows():
    chart = plots.network_chart(triangle(), PERIODS)
    assert chart.description == (
        "Network chart of 4 actors in First (2000-2002), each in its fixed place. Ties: 1 "
        "cooperative (solid blue lines), 1 mixed (dash-dot reddish purple), 1 neutral (dotted "
        "grey) "
        "and 1 hostile (dashed vermilion); line width shows strength, from 1 (weak) to 3 "
        "(strong). Strongest cooperative ties (3): a – b. Strongest hostile ties (2): a – c. "
        "Focus actor a (yellow, ringed, in bold): cooperative with b (3); hostile with c (2).")
    assert chart.table.to_dict("records")[0] == {"tie": "a – b", "sign": "cooperative",
                                                 "strength": 3}


def test_an_update_restyles_the_same_artists_for_another_period_and_focus():
    chart = plots.network_chart(triangle())
    figure, lines = chart.figure, drawn_ties(chart.ax)
    later = tie([("a", "b", "hostile", 1), ("a", "c", "hostile", 3), ("b", "c", "cooperative", 2),
                 ("c", "d", "neutral", 1)])
    later.graph["period_id"] = "later"
    chart.periods = PERIODS
    chart.update(later, focus_actor="c")
    assert chart.figure is figure and drawn_ties(chart.ax) == lines
    assert [(line.get_linestyle(), line.get_linewidth()) for line in lines] == [
        ("--", 1.8), ("--", 5.4), ("-", 3.6), (":", 1.8)]
    assert chart.ax.get_title() == "Second (2003-2009)"
    assert chart.legend.get_texts()[-1].get_text() == "focus actor: c"
    assert chart.nodes.get_sizes().tolist() == [260, 260, 520, 260]
    assert "Focus actor c (yellow, ringed, in bold): cooperative with b (2); neutral with d (1); " \
           "hostile with a (3)." in chart.description


def test_hidden_kinds_are_drawn_invisible_and_said_so():
    chart = plots.network_chart(triangle(), shown=("cooperative", "hostile"))
    assert [line.get_visible() for line in drawn_ties(chart.ax)] == [True, True, False, False]
    assert [t.get_text() for t in chart.legend.get_texts()][:4] == [
        "cooperative", "mixed (hidden)", "neutral (hidden)", "hostile"]
    assert "Hidden by the toggles: the mixed and neutral ties." in chart.description
    chart.update(triangle(), shown=net.SIGNS)
    assert all(line.get_visible() for line in drawn_ties(chart.ax))


def test_the_case_network_draws_every_tie_of_the_period(case):
    graphs = net.case_graphs(case)
    chart = plots.network_chart(graphs[case.default_period], case.periods)
    assert len(drawn_ties(chart.ax)) == len(case.relations[
        case.relations["period_id"] == case.default_period])
    focus = case.actors.loc[case.focus_actor, "short_name"]
    assert chart.legend.get_texts()[-1].get_text() == f"focus actor: {focus}"
    assert chart.labels[case.focus_actor].get_fontweight() == "bold"


def test_small_multiples_have_one_panel_per_period_in_the_same_layout():
    first = triangle()
    first.graph["period_id"] = "example"
    second = tie([("a", "b", "hostile", 1), ("a", "c", "hostile", 3),
                  ("b", "c", "cooperative", 2), ("c", "d", "neutral", 1)], focus_actor="a")
    second.graph["period_id"] = "later"
    chart = plots.network_small_multiples({"example": first, "later": second}, PERIODS)
    panels = [ax for ax in chart.figure.axes if ax.get_visible() and ax.get_title()]
    assert [ax.get_title() for ax in panels] == ["First (2000-2002)", "Second (2003-2009)"]
    assert [len(drawn_ties(ax)) for ax in panels] == [4, 4]
    assert [ax.collections[0].get_offsets().tolist() for ax in panels][0] == (
        panels[1].collections[0].get_offsets().tolist())
    legend = chart.figure.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == [
        "cooperative", "mixed", "neutral", "hostile", "focus actor: a"]
    assert chart.table.loc["Second (2003-2009)"].to_dict() == {
        "cooperative": 1, "mixed": 0, "neutral": 1, "hostile": 2}
    assert ("From 2000-2002 to 2003-2009, 2 ties changed sign: a – b (cooperative to "
            "hostile), b – c (mixed to cooperative).") in chart.description


def test_the_changes_chart_draws_an_arrow_for_each_tie_that_moved():
    old = tie([("a", "b", "cooperative", 2), ("a", "c", "mixed", 1), ("b", "c", "hostile", 1)])
    new = tie([("a", "b", "cooperative", 2), ("a", "c", "hostile", 2),
               ("b", "c", "cooperative", 1)])
    chart = plots.changes_chart(net.tie_changes(old, new), "then", "now")
    ax = chart.figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["b – c", "a – c", "a – b"]
    arrows = [a for a in ax.texts if getattr(a, "arrow_patch", None) is not None]
    assert len(arrows) == 2  # the unchanged tie has no arrow
    words = [t.get_text() for t in ax.texts if t.get_text()]
    assert words == ["flipped: hostile 1 → cooperative 1", "cooled: mixed 1 → hostile 2",
                     "unchanged: cooperative 2 → cooperative 2"]
    assert chart.table.columns.tolist() == ["tie", "before", "after", "change"]
    assert chart.description.endswith(
        "Flipped (1): b – c (hostile 1 → cooperative 1). Cooled (1): a – c (mixed 1 → "
        "hostile 2). Unchanged (1): a – b (cooperative 2). No tie warmed, appeared, faded, "
        "strengthened or weakened.")


def test_the_heatmap_writes_every_value_and_hatches_mixed_cells():
    chart = plots.signed_heatmap(triangle(), PERIODS)
    ax = chart.figure.axes[0]
    assert sorted(t.get_text() for t in ax.texts) == sorted(
        ["+3", "+3", "−2", "−2", "±1", "±1", "0", "0"])
    hatched = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_hatch()]
    assert len(hatched) == 2
    image = ax.images[0]
    assert image.get_clim() == (-3, 3)
    # The network charts' colours: hostile vermilion at -3, white at 0, cooperative blue at +3.
    cmap = image.get_cmap()
    assert [mcolors.to_hex(cmap(x)) for x in (0.0, 0.5, 1.0)] == ["#d55e00", "#ffffff",
                                                                   "#0072b2"]
    # Text in a deep cell is white, in a pale one black: the +3 cells are deep blue.
    colours = {t.get_text(): t.get_color() for t in ax.texts}
    assert colours["+3"] == "white" and colours["±1"] == "black" and colours["0"] == "black"
    assert chart.table.loc["a"].tolist() == ["", "+3", "−2", ""]
    assert chart.description.endswith("Most cooperative: a – b (+3). Most hostile: a – c (−2). "
                                      "Mixed: b – c (±1). Neutral: c – d (0).")


def test_the_balance_chart_has_a_bar_per_period_and_treatment(case):
    graphs = net.case_graphs(case)
    chart = plots.balance_chart(graphs, case.periods)
    bars = chart.figure.axes[0].patches
    assert len(bars) == 3 * len(case.periods)
    expected = [net.balance_summary(g, mixed)["share_balanced"]
                for mixed in net.MIXED_TREATMENTS for g in graphs.values()]
    assert [bar.get_height() for bar in bars] == pytest.approx(expected)
    assert [t.get_text() for t in chart.figure.axes[0].get_legend().get_texts()] == [
        "mixed ties left out, like neutral ones", "mixed ties counted as friendly",
        "mixed ties counted as hostile"]
    # Colour and hatching tell the treatments apart, one treatment per run of bars.
    periods = len(case.periods)
    assert [str(bar.get_hatch()) for bar in bars] == [""] * periods + ["//"] * periods + [
        ".."] * periods
    assert len({mcolors.to_hex(bars[k * periods].get_facecolor()) for k in range(3)}) == 3


def test_the_balance_chart_description_states_the_treatment_and_counts():
    graph = tie([("a", "b", "cooperative"), ("b", "c", "cooperative"), ("a", "c", "mixed")])
    graph.graph["period_id"] = "example"
    chart = plots.balance_chart({"example": graph}, PERIODS.loc[["example"]])
    assert chart.description == (
        "Grouped bar chart of the share of balanced triads in 1 period, one bar for each way "
        "of counting mixed ties; neutral ties never count. Mixed ties left out, like neutral "
        "ones: 2000-2002 no triad counted. Mixed ties counted as friendly: 2000-2002 100% of "
        "1. Mixed ties counted as hostile: 2000-2002 0% of 1.")


def test_a_tie_that_would_run_through_a_third_actor_bends_round_it():
    # c sits almost on the straight line from a to b: drawn straight, a - b would look like
    # the two ties a - c and c - b.
    graph = tie([("a", "b", "cooperative", 3), ("a", "c", "cooperative", 1),
                 ("b", "c", "hostile", 1)])
    for node, (x, y) in {"a": (0.0, -0.55), "b": (0.95, 0.1), "c": (0.55, -0.15)}.items():
        graph.nodes[node]["x"], graph.nodes[node]["y"] = x, y
    chart = plots.network_chart(graph)
    lines = {line.get_gid(): line for line in drawn_ties(chart.ax)}
    bent = lines["tie a-b"].get_xydata()
    assert len(bent) == plots.CURVE_POINTS
    assert bent[0].tolist() == [0.0, -0.55] and bent[-1].tolist() == [0.95, 0.1]
    nearest = min(((x - 0.55) ** 2 + (y + 0.15) ** 2) ** 0.5 for x, y in bent)
    assert nearest >= plots.BEND_CLEARANCE - 0.01
    assert [len(lines[k].get_xydata()) for k in ("tie a-c", "tie b-c")] == [2, 2]


def test_the_small_multiples_legend_says_what_line_width_means():
    first = triangle()
    first.graph["period_id"] = "example"
    chart = plots.network_small_multiples({"example": first}, PERIODS)
    assert chart.figure.legends[0].get_title().get_text() == (
        "Line width: strength 1 (weak) to 3 (strong)")
