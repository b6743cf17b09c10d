"""Lesson 09: the scorecard of the article's claims against what followed, its chart, the
rating widget (headless) and the exercise feedback."""

import numpy as np
import pandas as pd
import pytest

from casebook.dates import PartialDate
from casebook.feedback import hindsight as feedback
from casebook.model import events_per_year, hindsight
from casebook.plots.hindsight import RATING_STYLES, named_events_chart, scorecard_chart
from casebook.widgets.hindsight import HIDDEN, rating_widget

D = PartialDate.parse
ARTICLE = D("2017-10-13")

CLAIMS = pd.DataFrame({
    "paragraph": pd.array([2, 6, 4, 4, 8], dtype="Int64"),
    "quote": ["Peace is vital", "Both oppose", "China leads", "Four wars", "Slender basis"],
    "verdict": ["accurate", "accurate", "disputed", "unverified", "borne_out"]},
    index=pd.Index(["c01", "c20", "c11", "c02", "c26"], name="claim_id"))
HINDSIGHT = pd.DataFrame({
    "rating": ["undercut", "mixed", "supported", "undercut"],
    "reason": ["joint veto", "no war; treaty", "vetoes", "alone in 2024"],
    "event_ids": [("veto",), ("treaty", "res"), ("veto", "res"), ("poe",)],
    "source_id": ["un", "kh", "un", "un"]},
    index=pd.Index(["c20", "c01", "c26", "c11"], name="claim_id"))
SOURCES = pd.DataFrame({"title": ["SC/14911", "Korea Herald"]}, index=["un", "kh"])
EVENTS = pd.DataFrame({
    "date": [D("2022-05-26"), D("2024-06-19"), D("2017-12-22"), D("2024-03-28")],
    "title": ["Joint veto", "Treaty", "Res. 2397", "Panel of Experts veto"],
    "source_id": ["un", "kh", "un", "un"]}, index=["veto", "treaty", "res", "poe"])


@pytest.fixture
def card():
    return hindsight.scorecard(CLAIMS, HINDSIGHT, SOURCES)


def test_scorecard_keeps_rated_claims_in_reading_order_with_both_judgements(card):
    assert card.index.to_list() == ["c01", "c11", "c20", "c26"]
    assert card["¶"].to_list() == ["¶2", "¶4", "¶6", "¶8"]
    assert card["verdict"].to_list() == ["accurate", "disputed", "accurate", "borne out"]
    assert card["judged"].to_list() == ["as of the article"] * 3 + ["in hindsight"]
    assert card["reference"].to_list() == ["mixed", "undercut", "undercut", "supported"]
    assert card["source"].to_list() == ["Korea Herald", "SC/14911", "SC/14911", "SC/14911"]
    assert hindsight.reversed_claims(card).index.to_list() == ["c20"]


def test_named_events_lists_each_event_once_in_date_order_with_who_names_it():
    named = hindsight.named_events(HINDSIGHT, EVENTS, CLAIMS, SOURCES, ARTICLE)
    assert named.index.to_list() == ["res", "veto", "poe", "treaty"]
    assert named["named for"].to_list() == ["¶2, ¶8", "¶6, ¶8", "¶4", "¶2"]
    assert named["known on the article's date"].to_list() == ["no"] * 4
    assert events_per_year(named).loc[[2017, 2022, 2024]].to_list() == [1, 1, 2]


def test_named_events_flags_an_event_a_reader_could_know():
    early = HINDSIGHT.assign(event_ids=[("veto",), ("old",), (), ("poe",)])
    events = pd.concat([EVENTS, pd.DataFrame({"date": [D("2017-07-04")], "title": ["Statement"],
                                              "source_id": ["un"]}, index=["old"])])
    named = hindsight.named_events(early, events, CLAIMS, SOURCES, ARTICLE)
    assert named.loc["old", "known on the article's date"] == "yes"


def test_compare_and_agreement_count_steps_between_ratings(card):
    compared = hindsight.compare(card, {"c01": "mixed", "c11": "supported", "c20": "mixed"})
    assert compared["difference"].to_list() == ["agree", "opposite", "one step apart",
                                                "not rated"]
    assert hindsight.agreement(compared) == {"claims": 4, "rated": 3, "agree": 1,
                                             "one step apart": 1, "opposite": 1}


# -- the chart -----------------------------------------------------------------------------

def test_scorecard_chart_places_claims_by_rating_with_shapes_words_and_verdicts(card):
    chart = scorecard_chart(card)
    ax = chart.figure.axes[0]
    dots = [line for line in ax.lines if line.get_label() in RATING_STYLES]
    assert [int(d.get_xdata()[0]) for d in dots] == [1, 0, 0, 2]
    heights = [float(d.get_ydata()[0]) for d in dots]
    assert heights == sorted(heights, reverse=True) and len(set(heights)) == 4  # reading order
    assert [d.get_marker() for d in dots] == ["o", "v", "v", "^"]
    texts = [t.get_text() for t in ax.texts]
    assert texts[:4] == ["mixed", "undercut", "undercut", "supported"]
    assert "accurate\n(as of the article)" in texts and "borne out\n(in hindsight)" in texts
    assert [t.get_text() for t in ax.get_xticklabels()] == ["undercut", "mixed", "supported"]
    assert ax.get_yticklabels()[0].get_text() == "¶2 Peace is vital"
    assert chart.description.endswith(
        "Undercut: 2 (¶4 'China leads', verdict disputed as of the article; ¶6 'Both oppose', "
        "verdict accurate as of the article).")
    assert "Supported: 1 (¶8 'Slender basis', verdict borne out in hindsight)." in (
        chart.description)


def test_named_events_chart_counts_the_named_events_and_says_so():
    named = hindsight.named_events(HINDSIGHT, EVENTS, CLAIMS, SOURCES, ARTICLE)
    counts = events_per_year(named, first=ARTICLE.year)
    chart = named_events_chart(counts, ARTICLE.year)
    ax = chart.figure.axes[0]
    assert [int(bar.get_height()) for bar in ax.patches] == [1, 0, 0, 0, 0, 1, 0, 2]
    assert [bar.get_hatch() for bar in ax.patches][:2] == ["xx", None]  # the article's year
    assert ax.get_ylabel() == "Events named"
    assert chart.description == (
        "Bar chart: the events the course's reference ratings name, per year, 2017 to 2024, 4 "
        "events in all. Most: 2024 (2). Years with none of them: 2018, 2019, 2020, 2021, 2023. "
        "Cross-hatched bar: 2017, the article's year, with 1.")


# -- feedback ------------------------------------------------------------------------------

def test_busiest_hindsight_year_feedback():
    counts = pd.Series([2, 3, 0, 7, 3], index=[2017, 2018, 2019, 2020, 2021])
    check = feedback.check_busiest_hindsight_year
    assert check(np.int64(2020), counts) == (
        "Right: 2020, with 7 of the 15 events the reference ratings name.")
    assert check(2018, counts) == (
        "Not quite: 2018 has 3 of the events the ratings name, but another year has 7. Look "
        "for the tallest bar.")
    assert check(2030, counts) == (
        "Not quite: 2030 is outside the chart, which runs from 2017 to 2021.")
    assert check("2020", counts) == check(2020.0, counts) == check(2020, counts)
    assert check("20-20", counts) == "Not quite: give a year as a whole number (you gave '20-20')."
    assert check(None, counts).startswith("Replace None")


def test_reversed_claim_feedback(card):
    check = feedback.check_reversed_claim
    assert check(6, card) == (
        "Right: ¶6, 'Both oppose': accurate as of the article, undercut by what followed.")
    assert check(4, card) == (
        "Not quite: the claim of ¶4 rated undercut ('China leads') was already disputed as of "
        "the article. Look for one the course judged accurate then.")
    assert check(2, card) == (
        "Not quite: the claim of ¶2 ('Peace is vital') was accurate as of the article, but "
        "later events left it mixed, not undercut.")
    assert check(8, card) == (
        "Not quite: the course's verdict on the claim of ¶8 ('Slender basis') is borne out in "
        "hindsight, and its hindsight rating supported. Look for a claim judged accurate as of "
        "the article and undercut later: compare the two columns of the chart.")
    for written in (6.0, "6", "¶6", "¶ 6", "[¶6]", "para 6", np.int64(6)):
        assert check(written, card) == check(6, card)
    assert check("6.5", card) == (
        "Not quite: give the paragraph's number, written as a number or as ¶ and the number "
        "(you gave '6.5').")
    assert check(5, card) == (
        "Not quite: no claim of ¶5 has a hindsight rating; read the ¶ column.")
    assert check(True, card).startswith("Not quite: give the paragraph's number")


# -- the widget, headless ------------------------------------------------------------------

def parts(panel):
    _keys, *rows, reveal, summary, table = panel.children
    return rows, reveal, summary, table


def test_widget_starts_unrated_with_the_reference_hidden(case):
    panel = rating_widget(case)
    rows, reveal, summary, table = parts(panel)
    assert len(rows) == len(case.hindsight)
    assert all(row.children[1].value == "not rated" for row in rows)
    assert reveal.value is False
    assert summary.value.startswith(f"<p><b>Rated 0 of {len(case.hindsight)} claims.</b>")
    assert table.value.count(f">{HIDDEN}<") == 3 * len(case.hindsight)
    page, words = panel._repr_mimebundle_()["text/html"], panel._repr_mimebundle_()[
        "text/plain"]
    assert "Rate each claim: not rated / undercut / mixed / supported." in page
    assert words.endswith("0 rated so far; the course's reference ratings are hidden until "
                          "the box is ticked.")


def test_widget_counts_agreement_once_the_reference_is_shown(case):
    panel = rating_widget(case)
    rows, reveal, summary, table = parts(panel)
    card = hindsight.scorecard(case.claims, case.hindsight, case.sources)
    first, second = card["reference"].iloc[0], card["reference"].iloc[1]
    rows[0].children[1].value = first  # agree
    opposite = {"supported": "undercut", "undercut": "supported", "mixed": "supported"}
    rows[1].children[1].value = opposite[second]
    assert "Rated 2 of" in summary.value and "Tick the box" in summary.value
    before = table.value
    reveal.value = True
    expected_second = "opposite" if second != "mixed" else "one step apart"
    counts = {"agree": 1, "one step apart": 0, "opposite": 0}
    counts[expected_second] += 1
    assert summary.value.endswith(
        f"Against the course's reference: {counts['agree']} agree, "
        f"{counts['one step apart']} one step apart, {counts['opposite']} opposite.</p>")
    assert table.value != before and f">{HIDDEN}<" not in table.value
    assert card["reason"].iloc[0].split("'")[0][:40] in table.value
    assert 'table-layout:fixed' in table.value  # steady column widths
