"""The network explorer of lesson 07: a period, a focus actor and the kinds of tie to show,
wired to ``model.network`` and ``plots.network``. It holds no logic of its own."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..case import Case
from ..display import Panel, figure_bundle, table_html
from ..model import network as net
from ..plots import network as network_plots
from .controls import Choice, choice_keys, keys_note

TIES_TABLE_WIDTHS = [22, 16, 62]  # with, tie, basis: steady as the period changes


def focus_table_html(case: Case, graph, focus_actor: str) -> str:
    """The focus actor's ties in one period, with the facts each rests on and their
    source: the table under the chart."""
    table = net.ties(graph, case.sources)
    mine = table[(table["actor_a"] == focus_actor) | (table["actor_b"] == focus_actor)]
    shown = mine.assign(
        **{"with": [net.short_name(graph, b if a == focus_actor else a)
                    for a, b in zip(mine["actor_a"], mine["actor_b"], strict=True)],
           "tie": [net.tie_label(s, n) for s, n in zip(mine["sign"], mine["strength"],
                                                       strict=True)],
           "basis (source)": [f"{basis} ({source})" for basis, source in
                              zip(mine["basis"], mine["source"], strict=True)]})
    heading = (f"<p><b>{html.escape(net.short_name(graph, focus_actor))}</b>'s ties in this "
               "period, with the facts each rests on (the course's coding):</p>")
    return heading + table_html(shown[["with", "tie", "basis (source)"]],
                                widths=TIES_TABLE_WIDTHS)


def network_explorer(case: Case) -> Panel:
    """A period menu, a focus-actor menu and a box per kind of tie, above the network chart
    of that period, its description and the focus actor's ties. Starts at the case's
    default period and focus actor with every kind shown; without a kernel, it shows that
    chart and table."""
    graphs = net.case_graphs(case)
    period = Choice([(net.period_heading(case.periods, p), p) for p in case.periods.index],
                    case.default_period, "Period", width="100%")
    period.layout.width = "60%"
    focus = Choice([(row["short_name"], actor_id) for actor_id, row in case.actors.iterrows()],
                   case.focus_actor, "Focus actor", width="100%")
    focus.layout.width = "35%"
    kinds = {sign: widgets.Checkbox(value=True, description=sign, indent=False,
                                    layout=widgets.Layout(width="auto", margin="0 16px 0 0"))
             for sign in net.SIGNS}
    chart = network_plots.network_chart(graphs[period.value], case.periods, focus.value)
    picture = widgets.HTML()
    description = widgets.HTML()
    table = widgets.HTML()

    def shown() -> tuple[str, ...]:
        return tuple(sign for sign, box in kinds.items() if box.value)

    def redraw(_change=None) -> None:
        graph = graphs[period.value]
        chart.update(graph, focus.value, shown())
        picture.value = figure_bundle(chart.png(), chart.description)["text/html"]
        description.value = f"<p>{html.escape(chart.description)}</p>"
        table.value = focus_table_html(case, graph, focus.value)

    redraw()
    for control in (period, focus, *kinds.values()):
        control.observe(redraw, names="value")

    def static_view() -> tuple[str, str]:
        state = (f"Period: {net.period_heading(case.periods, period.value)}; focus actor: "
                 f"{case.actors.loc[focus.value, 'short_name']}; ties shown: "
                 f"{', '.join(shown()) or 'none'}.")
        page = (f"<p>{html.escape(state)}</p>" + picture.value + description.value
                + table.value)
        return page, f"{state} {chart.description}"

    controls = widgets.VBox([widgets.HBox([period, focus]),
                             widgets.HBox([widgets.Label("Ties shown:"), *kinds.values()]),
                             keys_note("Tab moves from control to control; "
                                       f"{choice_keys([period.description, focus.description])}"
                                       "; Space ticks or unticks a box.")])
    panel = Panel([controls, picture, description, table], static_view)
    # Kept for tests and for lessons that want to read the state.
    panel.period_menu, panel.focus_menu, panel.tie_boxes = period, focus, kinds
    panel.chart, panel.picture, panel.description_html, panel.ties_html = (
        chart, picture, description, table)
    return panel
