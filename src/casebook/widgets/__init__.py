"""Widget builders: they build controls and wire them to model and plot functions, and
hold no logic of their own. The default state of each widget shows what a reader of the
static page sees."""

from __future__ import annotations

import ipywidgets as widgets

from .. import model
from ..case import Case
from ..display import Panel, table_html
from .controls import keys_note, number_field

EVENTS_TABLE_WIDTHS = [14, 52, 14, 20]  # date, event, category, actors: steady as years change


def events_table_html(case: Case, year: int) -> str:
    """The HTML shown under the year slider: a heading and the events of that year."""
    table = model.events_in_year(case.events, case.actors, year)
    if table.empty:
        return (f"<p><b>{year}</b>: no event of this year is in the timeline "
                "(which does not mean nothing happened).</p>")
    heading = f"<p><b>{year}</b>: {len(table)} event{'s' * (len(table) != 1)}</p>"
    return heading + table_html(table, widths=EVENTS_TABLE_WIDTHS)


def year_explorer(case: Case) -> Panel:
    """A year slider over the timeline and the table of that year's events; starts at the
    year the article was published. Shown without a kernel, it is that year's table."""
    years = model.year_of(case.events["date"])
    slider = widgets.IntSlider(
        value=case.article.year, min=int(years.min()), max=int(years.max()),
        description="Year", continuous_update=False,
        style={"description_width": "initial"}, layout=widgets.Layout(width="60%"))
    field = number_field(slider, "Year")  # named, and a year can be typed
    table = widgets.HTML(events_table_html(case, slider.value))

    def redraw(change):
        table.value = events_table_html(case, change["new"])

    slider.observe(redraw, names="value")

    def static_view() -> tuple[str, str]:
        words = (f"Year slider at {slider.value} (it runs from {slider.min} to {slider.max}), "
                 f"above the table of the events of {slider.value}.")
        page = f"<p>Year: <b>{slider.value}</b> ({slider.min}-{slider.max})</p>" + table.value
        return page, words

    keys = keys_note("Tab to the slider and use the arrow keys, or to the year field beside "
                     "it, type a year and press Enter.")
    panel = Panel([widgets.HBox([slider, field]), keys, table], static_view)
    panel.slider, panel.field = slider, field
    return panel
