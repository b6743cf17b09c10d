"""Model, plot, widget and exercise-feedback helpers used by the lessons, tested headlessly
against the real case data (no kernel, no browser)."""

import pandas as pd

from casebook import feedback, model, plots, widgets


def test_events_per_year_counts_every_event_once_and_fills_empty_years(case):
    counts = model.events_per_year(case.events)
    years = case.events["date"].map(lambda date: date.year)
    assert counts.sum() == len(case.events)
    assert counts.index.min() == years.min() and counts.index.max() == years.max()
    assert list(counts.index) == list(range(years.min(), years.max() + 1))
    for year in (years.min(), years.max()):
        assert counts.loc[year] == (years == year).sum()
    empty = set(counts.index) - set(years)
    assert all(counts.loc[y] == 0 for y in empty)


def test_events_in_year_lists_that_years_events_in_date_order_with_actor_names(case):
    year = case.article.year
    table = model.events_in_year(case.events, case.actors, year)
    expected = case.events[case.events["date"].map(lambda date: date.year == year)]
    assert len(table) == len(expected)
    assert table["date"].tolist() == sorted(expected["date"])
    first = expected.sort_values("date").iloc[0]
    names = [case.actors.loc[a, "short_name"] for a in first["actors"]]
    assert table["actors"].iloc[0] == ", ".join(names)


def test_chart_bars_match_counts_and_highlight_is_hatched_and_described(case):
    counts = model.events_per_year(case.events)
    year = case.article.year
    chart = plots.events_per_year_chart(counts, highlight=year)
    ax = chart.figure.axes[0]
    heights = [int(bar.get_height()) for bar in ax.patches]
    assert heights == counts.tolist()
    hatched = [int(round(bar.get_x() + bar.get_width() / 2)) for bar in ax.patches
               if bar.get_hatch()]
    assert hatched == [year], "only the highlighted year is hatched (not colour alone)"
    assert ax.get_xlabel() and ax.get_ylabel() and ax.get_title()
    assert [t.get_text() for t in ax.get_xticklabels()] == [str(y) for y in counts.index]
    assert f"{counts.sum()} events in all" in chart.description
    noun = "event" if counts.loc[year] == 1 else "events"
    assert f"Highlighted (cross-hatched bar): {year}, with {counts.loc[year]} {noun}" in (
        chart.description)
    assert chart.table["events"].tolist() == counts.tolist()
    assert chart.png()[:8] == b"\x89PNG\r\n\x1a\n"


def test_description_names_the_empty_years():
    counts = pd.Series([1, 0, 0, 3], index=[2000, 2001, 2002, 2003])
    text = plots.describe_events_per_year(counts)
    assert "Most events: 2003 (3)" in text
    assert "no event in the timeline: 2001, 2002" in text
    assert "Highlighted" not in text


def test_year_explorer_starts_at_the_article_year_and_follows_the_slider(case):
    box = widgets.year_explorer(case)
    slider, table = box.slider, box.children[-1]
    assert slider.value == case.article.year
    assert table.value == widgets.events_table_html(case, slider.value)
    other = case.events["date"].iloc[0].year
    slider.value = other
    expected = model.events_in_year(case.events, case.actors, other)
    assert f"{len(expected)} event" in table.value
    assert expected["event"].iloc[0] in table.value


def test_year_explorer_says_plainly_when_a_year_has_no_event(case):
    counts = model.events_per_year(case.events)
    empty_year = int(counts[counts == 0].index[0])
    html = widgets.events_table_html(case, empty_year)
    assert "no event of this year is in the timeline" in html


def test_busiest_year_check_gives_a_sentence_for_each_kind_of_answer(case):
    counts = model.events_per_year(case.events)
    year = case.article.year
    rest = counts.drop(year)
    right = int(rest.idxmax())
    wrong = int(rest.idxmin())
    assert feedback.check_busiest_year(right, counts, excluding=year).startswith(
        f"Right: apart from {year}, the hatched bar, {right} has the most events in the "
        f"timeline ({rest.max()})")
    assert feedback.check_busiest_year(wrong, counts, excluding=year).startswith(
        f"Not quite: {wrong} has {rest.min()} event")
    assert f"but another year apart from {year} has {rest.max()}" in (
        feedback.check_busiest_year(wrong, counts, excluding=year))
    assert "leaves out" in feedback.check_busiest_year(year, counts, excluding=year)
    assert "outside the timeline" in feedback.check_busiest_year(1900, counts)
    assert feedback.check_busiest_year(str(right), counts, excluding=year) == (
        feedback.check_busiest_year(right, counts, excluding=year))
    assert "whole number" in feedback.check_busiest_year("the year", counts)
    assert feedback.check_busiest_year(None, counts).startswith("Replace None")


def test_lesson_map_has_one_row_per_lesson_and_total_minutes(case):
    table = model.lesson_map(case.lessons)
    assert len(table) == len(case.lessons)
    assert table["minutes"].sum() == case.lessons["minutes"].sum()
    assert table.index[0] == "00"


def test_year_slider_answers_give_the_numbers_from_the_data(case):
    year, published = case.article.year, case.article.date
    answers = feedback.year_slider_answers(case)
    in_year = [d for d in case.events["date"] if d.year == year]
    later = sorted(d for d in in_year if d.first_day > published.last_day)
    assert answers[0].startswith(f"{len(in_year)} events of {year} are in the timeline; "
                                 f"{len(later)} of them came after the article ({published})")
    for date in later:
        assert str(date) in answers[0]
    first_year = min(d.year for d in case.events["date"])
    assert answers[1].startswith(f"{first_year} opens with ")
    counts = model.events_per_year(case.events)
    empty = [str(y) for y in counts.index[counts == 0]]
    assert ("Years with no event in the timeline: " + ", ".join(empty)) in answers[2]


def test_answers_block_is_collapsed_and_numbered():
    from casebook.display import answers_html

    block = answers_html(["One & two.", "Three."])
    assert block.startswith("<details>") and block.endswith("</details>")
    assert "<li>One &amp; two.</li><li>Three.</li>" in block
