"""Lesson 03's seat explorer: choose a window of years (the whole record or a period of the
case) and see the meetings of the second factor's kinds of event in it, and whether the
focus actor was at the table or left out. The widget only builds and wires the control; the
selection is ``casebook.model.seats``."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..case import Case
from ..display import Panel, scrolling_table_html
from ..model import seats
from .controls import Choice, choice_keys, keys_html

TABLE_WIDTHS = [10, 34, 9, 11, 18, 18]  # date, event, kind, focus, present, absent
NAME = "Years"


def seats_html(table, focus: str, window: tuple[int, int], label: str) -> str:
    """The sentence and the table shown under the menu for one window of years."""
    shown = seats.seat_table(table, focus, window)
    said = html.escape(seats.seat_sentence(shown, focus, label))
    sentence = f"<p role='status'><b>{said}</b></p>"
    if shown.empty:
        return sentence
    shown = shown.assign(date=shown["date"].map(str))
    return sentence + scrolling_table_html(shown, "Events in view", widths=TABLE_WIDTHS)


def seat_explorer(case: Case) -> Panel:
    """A menu of windows of years and the events with two actors or more in the chosen one,
    with the focus actor among their actors or not. It opens on the whole record; shown
    without a kernel, it is that table."""
    table = seats.case_meetings(case)
    focus = case.actors.loc[case.focus_actor, "short_name"]
    choices = seats.window_choices(case.periods, table)
    menu = Choice(choices, choices[0][1], NAME, kind="window of years", width="60%",
                  note=keys_html(f"Tab reaches the field, then the table; "
                                 f"{choice_keys([NAME])}; the arrow keys scroll the table."))
    shown = widgets.HTML(seats_html(table, focus, menu.value, menu.label))

    def redraw(change) -> None:
        shown.value = seats_html(table, focus, change["new"], menu.label)

    menu.observe(redraw, names="value")

    def static_view() -> tuple[str, str]:
        page = f"<p>{NAME}: <b>{html.escape(menu.label)}</b></p>" + shown.value
        words = (f"Seat explorer set to {menu.label}. " + seats.seat_sentence(
            seats.seat_table(table, focus, menu.value), focus, menu.label))
        return page, words

    panel = Panel([menu, shown], static_view)
    panel.menu, panel.shown = menu, shown
    return panel
