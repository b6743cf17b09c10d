"""Lesson 03's seat explorer, headless on both cases: choosing a window of years changes the
sentence and the table to that window's events of the second factor's kinds, with the focus
actor among their actors or not, read from the case's own tables."""

import html
import re

import pytest

from casebook.model import seats
from casebook.widgets.seats import seat_explorer


@pytest.fixture
def explorer(case):
    return seat_explorer(case)


def focus_name(case) -> str:
    return case.actors.loc[case.focus_actor, "short_name"]


def rows_shown(panel) -> int:
    return len(re.findall(r"<tr>", panel.shown.value.split("<tbody>", 1)[-1]))


def test_it_opens_on_the_whole_record_with_every_event_of_two_actors_or_more(case, explorer):
    table = seats.case_meetings(case)
    assert (case.events.loc[table.index, "actors"].map(len) >= 2).all()
    assert explorer.menu.label.startswith("Whole record")
    assert rows_shown(explorer) == len(table)
    page, words = explorer._static_view()
    assert words == (f"Seat explorer set to {explorer.menu.label}. "
                     + seats.seat_sentence(seats.seat_table(table, focus_name(case),
                                                            explorer.menu.value),
                                           focus_name(case), explorer.menu.label))


def test_choosing_each_period_shows_only_its_years_and_who_was_there(case, explorer):
    focus = focus_name(case)
    table = seats.case_meetings(case)
    for label, window in explorer.menu.options[1:]:
        explorer.menu.field.value = label  # typed and Enter
        assert explorer.menu.value == window
        years = table["date"].map(lambda d: d.year)
        inside = table[(years >= window[0]) & (years <= window[1])]
        present = inside["present"].map(lambda names: focus in names.split(", "))
        status = html.unescape(re.search(r"<b>(.*?)</b>", explorer.shown.value).group(1))
        if inside.empty:
            assert "no event of these kinds" in status and "<table" not in explorer.shown.value
        else:
            assert rows_shown(explorer) == len(inside)
            assert status.startswith(f"{label}: {len(inside)} event")
            assert f"{focus} among the actors of {int(present.sum()) or 'none'}," in status
            assert explorer.shown.value.count(f">{seats.LEFT_OUT}<") == int((~present).sum())


def test_a_window_that_names_no_period_keeps_the_table_and_says_so(explorer):
    shown = explorer.shown.value
    explorer.menu.field.value = "zzz"
    assert explorer.shown.value == shown
    assert "is no window of years here" in explorer.menu.message.value
