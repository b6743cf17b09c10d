"""Lesson 01: the timeline model, chart, explorer widget and exercise feedback, tested
headlessly on small made-up timelines (and the explorer on the real case)."""

import datetime as dt
import html

import matplotlib.dates as mdates
import pandas as pd
import pytest

from casebook.dates import PartialDate
from casebook.feedback.timeline import check_days_before, check_known_count, check_top_actors
from casebook.model.timeline import (
    AFTER,
    BEFORE,
    actor_counts,
    case_timeline,
    day_text,
    is_after,
    known_on,
    lane_counts,
    lanes_of,
    last_known_event,
    timeline_table,
)
from casebook.plots.timeline import timeline_chart
from casebook.widgets.timeline import timeline_explorer

ARTICLE = PartialDate(2017, 10, 13)
# A made-up categories.csv: five lanes, two categories sharing the first and four the third.
CATEGORIES = pd.DataFrame({
    "label": ["nuclear test", "missile test", "sanctions", "diplomacy", "summit", "talks",
              "treaty", "economy", "military"],
    "lane": ["Nuclear and missile tests", "Nuclear and missile tests", "Measures",
             "Diplomacy", "Diplomacy", "Diplomacy", "Diplomacy", "Economy", "Military moves"],
    "marker": ["star", "triangle_up", "square", "circle", "diamond", "plus", "cross",
               "triangle_down", None],
    "factor_ids": [None] * 9,
}, index=pd.Index(["nuclear_test", "missile_test", "sanctions", "diplomacy", "summit", "talks",
                   "treaty", "economy", "military"], name="category"))
TESTS, SANCTIONS, DIPLOMACY, ECONOMY, MILITARY = (lane.label for lane in lanes_of(CATEGORIES))


@pytest.fixture
def made_up():
    """Five events of two years, two of them after the article, one dated by month only."""
    events = pd.DataFrame({
        "date": [PartialDate(2016, 1, 6), PartialDate(2017, 5, 17), PartialDate(2017, 10, 1),
                 PartialDate(2017, 12), PartialDate(2017, 11, 29)],
        "title": ["Test one", "Ferry", "Internet link", "Workers", "Test two"],
        "category": ["nuclear_test", "economy", "economy", "economy", "missile_test"],
        "actors": [("PRK",), ("RUS", "PRK"), ("RUS", "PRK"), ("RUS", "PRK"), ("PRK",)],
        "source_id": ["s1", "s2", "s2", "s3", "s1"],
    }, index=pd.Index(["e1", "e2", "e3", "e4", "e5"], name="event_id"))
    actors = pd.DataFrame({"short_name": ["Russia", "North Korea", "China"]},
                          index=["RUS", "PRK", "CHN"])
    sources = pd.DataFrame({"title": ["Report A", "Report B", "Report C"]},
                           index=["s1", "s2", "s3"])
    return timeline_table(events, actors, sources, ARTICLE, categories=CATEGORIES), actors


def test_is_after_counts_a_partial_date_after_only_if_all_of_it_is():
    assert is_after(PartialDate(2017, 10, 14), ARTICLE)
    assert not is_after(PartialDate(2017, 10, 13), ARTICLE)
    assert not is_after(PartialDate(2017, 10), ARTICLE)  # may be before the 13th
    assert is_after(PartialDate(2017, 11), ARTICLE)
    assert not is_after(PartialDate(2017), ARTICLE)


def test_timeline_table_sorts_by_date_and_sets_lanes_names_and_hindsight(made_up):
    table, _ = made_up
    assert table.index.tolist() == ["e1", "e2", "e3", "e5", "e4"]
    assert table["lane"].tolist() == [TESTS, ECONOMY, ECONOMY, TESTS, ECONOMY]
    assert table["category"].tolist()[:2] == ["nuclear test", "economy"]
    assert table.loc["e2", "actors"] == "Russia, North Korea"
    assert table.loc["e4", "source"] == "Report C"
    assert table["when"].tolist() == [BEFORE, BEFORE, BEFORE, AFTER, AFTER]


def test_timeline_table_keeps_only_the_years_asked(made_up):
    table, actors = made_up
    events = pd.DataFrame({"date": [PartialDate(2015), PartialDate(2016, 3)],
                           "title": ["a", "b"], "category": ["treaty", "talks"],
                           "actors": [("RUS",), ("RUS",)], "source_id": ["s", "s"]},
                          index=["x", "y"])
    sources = pd.DataFrame({"title": ["S"]}, index=["s"])
    assert timeline_table(events, actors, sources, ARTICLE, 2016, 2016,
                          categories=CATEGORIES).index.tolist() == ["y"]
    assert timeline_table(events, actors, sources, ARTICLE, None, 2015,
                          categories=CATEGORIES).index.tolist() == ["x"]


def test_lane_counts_splits_before_and_after_and_totals(made_up):
    counts = lane_counts(made_up[0])
    assert counts.loc[TESTS].tolist() == [1, 1, 2]
    assert counts.loc[ECONOMY].tolist() == [2, 1, 3]
    assert counts.loc[MILITARY].tolist() == [0, 0, 0]
    assert counts.loc["all lanes"].tolist() == [3, 2, 5]


def test_known_on_last_known_and_actor_counts(made_up):
    table, _ = made_up
    assert len(known_on(table)) == 3
    assert last_known_event(table)["event"] == "Internet link"
    assert actor_counts(known_on(table)).to_dict() == {"North Korea": 3, "Russia": 2}


def test_chart_draws_every_event_once_hollow_after_the_article(made_up):
    table, _ = made_up
    chart = timeline_chart(table, ARTICLE, 2016, 2017)
    ax = chart.figure.axes[0]
    by_gid = {c.get_gid(): c for c in ax.collections}
    assert sorted(by_gid) == ["economy|after the article", "economy|before the article",
                              "missile_test|after the article", "nuclear_test|before the article"]
    assert len(by_gid["economy|before the article"].get_offsets()) == 2
    assert tuple(by_gid["economy|after the article"].get_facecolors()[0][:3]) == (1, 1, 1)
    assert tuple(by_gid["economy|before the article"].get_facecolors()[0][:3]) != (1, 1, 1)
    # The lane of an event is its row: tests on top, economy fourth of five.
    assert by_gid["nuclear_test|before the article"].get_offsets()[0][1] == 5
    assert by_gid["economy|before the article"].get_offsets()[0][1] == 2
    dashed = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    assert len(dashed) == 1 and dashed[0].get_xdata()[0] == dt.date(2017, 10, 13)
    assert any(patch.get_hatch() == "//" for patch in ax.patches)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2016", "2017"]
    texts = [t.get_text() for t in ax.texts]
    assert "after the article" in texts and "article, 13 Oct 2017" in texts
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "Nuclear and\nmissile tests"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["nuclear test", "missile test", "economy", "hollow: after the article",
                      "after the article"]


def test_chart_description_and_table_come_from_the_same_events(made_up):
    table, _ = made_up
    chart = timeline_chart(table, ARTICLE, 2016, 2017)
    assert chart.description.startswith("Timeline chart, 2016 to 2017: 5 events in 5 lanes")
    assert "Nuclear and missile tests 2 (1 after the article)" in chart.description
    assert "Military moves 0" in chart.description
    assert ("2 events after the article, which a reader on that date could not know, have "
            "hollow markers: 29 Nov 2017, Test two; Dec 2017, Workers.") in chart.description
    assert "Every year from 2016 to 2017 is labelled on the time axis." in chart.description
    assert chart.table.loc["all lanes"].tolist() == [3, 2, 5]


def test_chart_of_chosen_lanes_describes_and_lists_only_what_it_draws(made_up):
    chart = timeline_chart(made_up[0], ARTICLE, 2016, 2017, lanes=[ECONOMY],
                           categories=CATEGORIES)
    ax = chart.figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Economy"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [
        "economy", "hollow: after the article", "after the article"]
    assert chart.description.startswith("Timeline chart, 2016 to 2017: 3 events in 1 lane,")
    assert "Legend: economy (triangle pointing down); a hollow marker" in chart.description
    assert "1 event after the article, which a reader on that date could not know, has a " \
        "hollow marker: Dec 2017, Workers." in chart.description


def test_chart_of_years_before_the_article_has_no_line_hatching_or_hollow_legend(made_up):
    chart = timeline_chart(made_up[0], ARTICLE, 2016, 2016)
    ax = chart.figure.axes[0]
    assert not [line for line in ax.get_lines() if line.get_visible()]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["nuclear test"]
    assert ("The article's date, 13 Oct 2017, comes after this window: no dashed line is "
            "drawn and nothing is hatched.") in chart.description
    assert "after the article, which" not in chart.description


def test_a_long_window_labels_every_year_turned_on_its_side(made_up):
    chart = timeline_chart(made_up[0], ARTICLE, 2000, 2025)
    ax = chart.figure.axes[0]
    labels = ax.get_xticklabels()
    assert [t.get_text() for t in labels] == [str(y) for y in range(2000, 2026)]
    assert labels[0].get_rotation() == 90


# -- feedback ---------------------------------------------------------------------------

def test_check_known_count_messages(made_up):
    table, _ = made_up
    assert check_known_count(None, table).startswith("Replace None")
    assert check_known_count(3, table) == (
        "Right: 3 of the 5 events of 2016-2017 came before the article; 2 came after it "
        "(29 Nov 2017: Test two; Dec 2017: Workers).")
    assert check_known_count(5, table).startswith("Not quite: 5 is every event of 2016-2017")
    assert check_known_count(2, table).startswith("Not quite: 2 is the number of events after")
    assert check_known_count(4, table) == (
        "Not quite: 4 is not the count. Of the 5 events of 2016-2017, count the rows marked "
        "'before the article' in the table, or the filled markers left of the dashed line in "
        "the chart.")
    assert check_known_count(3.0, table) == check_known_count("3", table) == (
        check_known_count(3, table))
    assert check_known_count(3.5, table) == (
        "Not quite: give a whole number (you gave 3.5).")
    assert check_known_count(True, table).startswith("Not quite: give a whole number")


def test_check_known_count_takes_numpy_integers(made_up):
    import numpy as np

    assert check_known_count(np.int64(3), made_up[0]).startswith("Right")


def test_check_days_before_messages(made_up):
    table, _ = made_up
    assert check_days_before(12, table, ARTICLE) == (
        "Right: Internet link (1 Oct 2017) came 12 days before the article (13 Oct 2017), the "
        "latest event of the timeline a reader could know.")
    assert check_days_before(149, table, ARTICLE) == (
        "Not quite: 149 days is the gap to Ferry (17 May 2017), but a later event came before "
        "the article.")
    assert check_days_before(-47, table, ARTICLE).startswith("Not quite: a negative gap")
    assert check_days_before(20, table, ARTICLE).startswith("Not quite: 20 days matches no")


def test_check_days_before_says_when_an_answer_is_one_day_off(made_up):
    table, _ = made_up
    for off_by_one in (11, 13):
        assert check_days_before(off_by_one, table, ARTICLE) == (
            f"Not quite: {off_by_one} is one day off. Subtract the dates of the last event "
            "before the article (1 Oct 2017) and of the article (13 Oct 2017): from 1 Oct 2017 "
            "to 2 Oct 2017 is one day.")


def test_check_top_actors_messages(made_up):
    table, actors = made_up
    counts = pd.Series({"North Korea": 3, "Russia": 2, "China": 1})
    assert check_top_actors(["PRK", "russia"], counts, actors) == (
        "Right: North Korea (3 events) and Russia (2) take part in the most events.")
    assert check_top_actors(["China", "North Korea"], counts, actors) == (
        "Not quite: China takes part in 1 event; Russia takes part in more (2).")
    assert check_top_actors(["Russia", "Russia"], counts, actors) == (
        "Not quite: give 2 different actors (you gave 1).")
    assert check_top_actors(["Rusia", "PRK"], counts, actors) == (
        "Not quite: 'Rusia' names no actor of the case; the actors are Russia, North Korea and "
        "China.")
    assert check_top_actors("North Korea, russia", counts, actors) == check_top_actors(
        ["PRK", "russia"], counts, actors)  # one string, names and commas
    assert check_top_actors("Russia", counts, actors) == (
        "Not quite: give 2 different actors (you gave 1).")
    assert check_top_actors(2, counts, actors).startswith("Not quite: give a list")


def test_check_top_actors_accepts_either_of_a_tie():
    actors = pd.DataFrame({"short_name": ["A", "B", "C"]}, index=["a", "b", "c"])
    counts = pd.Series({"A": 5, "B": 3, "C": 3})
    assert check_top_actors(["A", "C"], counts, actors).startswith("Right")
    assert check_top_actors(["A", "B"], counts, actors).startswith("Right")


# -- the explorer widget, on the real case ------------------------------------------------

def test_explorer_opens_on_the_default_period_with_hindsight_shown(case):
    panel = timeline_explorer(case)
    years, lanes_row, only_known, picture, words, events = panel.children
    period = case.periods.loc[case.default_period]
    assert years.value == (period.start_year, period.end_year)
    assert all(box.value for box in lanes_row.children) and not only_known.value
    assert picture.png[:8] == b"\x89PNG\r\n\x1a\n"
    assert f'alt="{html.escape(panel.chart.description, quote=True)}"' in picture.value
    assert f"Timeline chart, {period.start_year} to {period.end_year}" in words.value
    page, text = panel._static_view()
    assert "<img" in page and "alt=" in page and "in view" in page
    assert text.startswith(f"Timeline explorer set to {years.label}.")


@pytest.mark.pins_shipped_case("lesson 01's explorer questions")
def test_explorer_hides_hindsight_in_chart_and_table(case):
    panel = timeline_explorer(case)
    years, _, only_known, picture, words, events = panel.children
    before_png = picture.png
    assert AFTER in events.value
    only_known.value = True
    assert AFTER not in events.value
    # The description counts what is still drawn, and says what is hidden.
    known = int((case_timeline(case, *years.value)["when"] == BEFORE).sum())
    later = int((case_timeline(case, *years.value)["when"] == AFTER).sum())
    assert (f"Timeline chart, {years.value[0]} to {years.value[1]}, only what a reader on "
            f"13 Oct 2017 could know: {known} events in 5 lanes") in words.value
    assert f"{later} events after the article are hidden." in words.value
    assert picture.png != before_png
    ax_collections = panel.chart.figure.axes[0].collections
    assert all(not c.get_visible() for c in ax_collections if c.get_gid().endswith(AFTER))
    assert all(c.get_visible() for c in ax_collections if c.get_gid().endswith(BEFORE))


@pytest.mark.pins_shipped_case("lesson 01's explorer questions")
def test_explorer_moves_the_window_and_hides_unticked_lanes(case):
    panel = timeline_explorer(case)
    years, lanes_row, _, _, words, events = panel.children
    whole = years.options[-1][1]
    years.value = whole
    ax = panel.chart.figure.axes[0]
    left, right = (mdates.num2date(x).date() for x in ax.get_xlim())
    assert left.year == whole[0] - 1 and right.year == whole[1] + 1  # a margin of days
    assert [t.get_text() for t in ax.get_xticklabels()][0] == str(whole[0])
    economy_lane = case.categories.loc["economy", "lane"]
    for box in lanes_row.children:
        box.value = box.description == economy_lane
    visible = {c.get_gid().split("|")[0] for c in ax.collections if c.get_visible()}
    assert visible == {"economy"}
    assert f"{len(case.events[case.events['category'] == 'economy'])} events in 1 of its 5 " \
        "lanes" in words.value
    assert "Nuclear test" not in events.value



def test_explorer_draws_no_event_of_the_years_around_the_window(case):
    panel = timeline_explorer(case)
    years = panel.children[0]
    ax = panel.chart.figure.axes[0]

    def drawn_years():
        return sorted({mdates.num2date(x).year for c in ax.collections if c.get_visible()
                       for x, _ in c.get_offsets()})

    # The default window's margin of days reaches into December of the year before.
    assert drawn_years()[0] == years.value[0]
    for _, window in years.options:
        years.value = window
        drawn = drawn_years()
        assert drawn and drawn[0] >= window[0] and drawn[-1] <= window[1], (window, drawn)
    # Widening the window again brings every marker back.
    assert sum(len(c.get_offsets()) for c in ax.collections) == len(case.events)


# -- the explorer's description against its figure, on both cases ------------------------
# What the figure draws is read from matplotlib's own artists (tick labels, the markers'
# offsets inside the x range, the legend's texts, the dashed line); what is hidden is
# counted from the case's data. The description must say the same.

def drawn_on(ax) -> dict:
    """What the axes draw: row labels, markers inside the time axis by (category id,
    when), legend texts, and whether the dashed line is visible inside the x range."""
    low, high = ax.get_xlim()
    markers = {}
    for collection in ax.collections:
        if not collection.get_visible() or "|" not in (collection.get_gid() or ""):
            continue
        xs = collection.get_offsets()[:, 0] if len(collection.get_offsets()) else []
        inside = int(sum(low <= x <= high for x in xs))
        if inside:
            markers[tuple(collection.get_gid().split("|"))] = inside
    dashed = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    line_x = mdates.date2num(dashed[0].get_xdata()[0])
    legend = ax.get_legend()
    return {"rows": [t.get_text() for t in ax.get_yticklabels()],
            "markers": markers,
            "legend": [t.get_text() for t in legend.get_texts()] if legend else [],
            "line": bool(dashed[0].get_visible() and low <= line_x <= high),
            "hatched": bool(line_x + 1 < high)}


def legend_kinds(description: str) -> list[str]:
    """The kinds of event the description's legend sentence names, in order."""
    sentence = description.split("Legend: ")[1].split(".")[0]
    return [item.rsplit(" (", 1)[0] for item in sentence.split("; ")[0].split(", ")
            if item.endswith(")")]


def assert_description_matches_figure(panel, case):
    years, lanes_row, only_known, _, words, events = panel.children
    ax = panel.chart.figure.axes[0]
    text = panel.chart.description
    seen = drawn_on(ax)
    ticked = [box.description for box in lanes_row.children if box.value]
    rows = len(seen["rows"])
    hidden_rows = [row for row in seen["rows"] if row.endswith("(hidden)")]
    # Every lane of the case has its row; the rows of lanes not ticked say so.
    assert rows == len(lanes_row.children) and len(hidden_rows) == rows - len(ticked)
    drawn = sum(seen["markers"].values())
    first_sentence = text.split(". ")[0]
    if not ticked:
        assert drawn == 0 and "no lane is ticked" in first_sentence
        assert f"all {rows} of its rows are empty" in first_sentence
    elif hidden_rows:
        assert f"{drawn} event{'s' * (drawn != 1)} in {len(ticked)} of its {rows} lanes" in (
            first_sentence)
    else:
        assert f"{drawn} event{'s' * (drawn != 1)} in {rows} lanes" in first_sentence
    # The table under the chart lists the same events as the markers drawn.
    assert (f"{drawn} event{'s' * (drawn != 1)}</b> in view" in events.value) == (drawn > 0)
    # The legend lists the kinds whose markers are drawn, and the description names them.
    label = case.categories["label"].to_dict()
    kinds = list(dict.fromkeys(label[category] for category, _ in seen["markers"]))
    hollow = any(when == AFTER for _, when in seen["markers"])
    assert sorted(seen["legend"]) == sorted(
        kinds + ["hollow: after the article"] * hollow + ["after the article"] * seen["hatched"])
    assert legend_kinds(text) == [e for e in seen["legend"] if "after the article" not in e]
    assert ("a hollow marker is an event after the article" in text) == hollow
    # The dashed line is described only when it is inside the x range.
    assert ("A dashed line marks the article's date" in text) == seen["line"]
    assert ("no dashed line is drawn" in text) == (not seen["line"])
    # Events after the article: those drawn are counted; those hidden are counted and said.
    window = case_timeline(case, *years.value)
    later_drawn = sum(n for (_, when), n in seen["markers"].items() if when == AFTER)
    if later_drawn:
        assert f"{later_drawn} event{'s' * (later_drawn != 1)} after the article, which" in text
    off_lanes = window[~window["lane"].isin(ticked)]
    if len(off_lanes):
        assert f"The lanes not ticked hide {len(off_lanes)} event" in text
    later_ticked = int(((window["when"] == AFTER) & window["lane"].isin(ticked)).sum())
    if only_known.value and later_ticked:
        assert (f"{later_ticked} event{'s' * (later_ticked != 1)} after the article "
                f"{'is' if later_ticked == 1 else 'are'} hidden.") in text
    if "No event in this window comes after the article." in text:
        assert not (window["when"] == AFTER).any()


def window_without_article(years, case, side: str) -> tuple[int, int] | None:
    """A window of the menu wholly before (or after) the article's year, if there is one."""
    year = case.article.date.year
    for _, (first, last) in years.options:
        if (side == "before" and last < year) or (side == "after" and first > year):
            return first, last
    return None


def test_explorer_description_matches_its_figure_in_every_window(case):
    panel = timeline_explorer(case)
    years, _, only_known, *_ = panel.children
    for _, window in years.options:
        years.value = window
        for hindsight_hidden in (False, True):
            only_known.value = hindsight_hidden
            assert_description_matches_figure(panel, case)
        only_known.value = False


def test_explorer_with_one_lane_ticked_says_so_and_keeps_every_row(case):
    panel = timeline_explorer(case)
    _, lanes_row, _, _, words, _ = panel.children
    boxes = lanes_row.children
    for box in boxes[1:]:
        box.value = False
    assert_description_matches_figure(panel, case)
    ax = panel.chart.figure.axes[0]
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert not rows[0].endswith("(hidden)") and all(r.endswith("(hidden)") for r in rows[1:])
    assert f"in 1 of its {len(boxes)} lanes" in words.value
    shown_lane = {c.lane for c in ax.collections if c.get_visible() and len(c.get_offsets())}
    assert shown_lane <= {boxes[0].description}


def test_explorer_with_no_lane_ticked_draws_no_marker_and_counts_what_it_hides(case):
    panel = timeline_explorer(case)
    years, lanes_row, _, _, words, events = panel.children
    for box in lanes_row.children:
        box.value = False
    assert_description_matches_figure(panel, case)
    assert drawn_on(panel.chart.figure.axes[0])["markers"] == {}
    everything = case_timeline(case, *years.value)
    assert f"The lanes not ticked hide {len(everything)} events of these years" in words.value
    assert "Events per lane" not in words.value
    assert "No event of the timeline matches these choices." in events.value


@pytest.mark.parametrize("side", ["before", "after"])
def test_explorer_window_without_the_article_date_has_no_dashed_line(case, side):
    panel = timeline_explorer(case)
    years, *_ = panel.children
    window = window_without_article(years, case, side)
    if window is None:
        pytest.skip(f"no period of this case lies wholly {side} the article's year")
    years.value = window
    assert_description_matches_figure(panel, case)
    seen = drawn_on(panel.chart.figure.axes[0])
    assert not seen["line"]
    text = panel.chart.description
    article = day_text(case.article.date)
    if side == "before":
        assert f"The article's date, {article}, comes after this window" in text
        assert not seen["hatched"] and "after the article" not in " ".join(seen["legend"])
        assert "article, " not in [t.get_text()[:9] for t in
                                   panel.chart.figure.axes[0].texts if t.get_visible()]
    else:
        assert f"The whole window comes after the article's date, {article}" in text
        assert seen["hatched"] and "after the article" in seen["legend"]


def test_explorer_lane_filter_that_hides_the_later_events_says_so(case):
    panel = timeline_explorer(case)
    years, lanes_row, _, _, words, _ = panel.children
    window = case_timeline(case, *years.value)
    later_lanes = set(window.loc[window["when"] == AFTER, "lane"])
    assert later_lanes, "the default window holds events after the article"
    for box in lanes_row.children:
        box.value = box.description not in later_lanes
    assert_description_matches_figure(panel, case)
    later = int((window["when"] == AFTER).sum())
    hidden = int(window["lane"].isin(later_lanes).sum())
    assert "No event in this window comes after the article." not in words.value
    assert "No event drawn comes after the article." in words.value
    share = "after the article" if hidden == 1 else (
        "all of them after the article" if later == hidden else f"{later} of them after")
    assert f"The lanes not ticked hide {hidden} event{'s' * (hidden != 1)} of these years, " \
        f"{share}" in words.value
