"""Lesson 03: one factor at a time (cards, claims, course factors, verdict tally), the record
around the first two factors (talks, economic events, evidence) and the exercise feedback, on
small made-up tables."""

import numpy as np
import pandas as pd
import pytest

from casebook.dates import PartialDate
from casebook.feedback.factors import check_absent_actors, check_better_supported_factor
from casebook.model.factors import (
    course_factors_in,
    evidence_table,
    factor_cards,
    factor_categories,
    factor_claims,
    in_lane,
    lane_of,
    talks_table,
    verdict_tally,
)
from casebook.model.timeline import AFTER, BEFORE, timeline_table

ARTICLE = PartialDate(2017, 10, 13)


@pytest.fixture
def factors():
    return pd.DataFrame({
        "label": ["Peace on the peninsula", "A seat at the table", "Developing the Far East",
                  "Great-power status"],
        "short_label": ["Peace", "Seat", "Far East", "Status"],
        "paragraph": [2, 3, 7, 3],
        "quote": ["peace is vital", "not be excluded", "capital for Asia", "a great power"],
        "description": ["Avoid war.", "Keep a seat.", "Develop the east.", "Be recognised."],
        "in_article": ["yes", "yes", "no", "no"],
    }, index=pd.Index(["peace", "seat", "far_east", "status"], name="factor_id"))


@pytest.fixture
def claims():
    return pd.DataFrame({
        "paragraph": [2, 2, 2, 3, 3, 3],
        "quote": ["peace is vital", "four wars", "pilots", "not be excluded", "Kim II-sung",
                  "solid relations"],
        "kind": ["inference", "fact", "fact", "inference", "fact", "inference"],
        "verdict": ["accurate", "unverified", "accurate", "borne_out", "error",
                    "partly_borne_out"],
        "verdict_basis": ["course_reading", "record", "record", "course_reading", "record",
                          "course_reading"],
        "verdict_note": ["n1", "n2", "n3", "n4", "n5", "n6"],
        "role": ["factor", "support", "support", "factor", "support", "support"],
        "factor_ids": [("peace",), ("peace",), ("peace",), ("seat",), ("seat",), ("seat",)],
        "source_id": ["s1", "s1", None, "s2", "s2", "s2"],
    }, index=["c01_peace", "c02_wars", "c03_pilots", "c05_seat", "c07_kim", "c09_solid"])


@pytest.fixture
def actors():
    return pd.DataFrame({"short_name": ["Russia", "China", "North Korea", "South Korea",
                                        "Japan", "US"]},
                        index=["RUS", "CHN", "PRK", "KOR", "JPN", "USA"])


@pytest.fixture
def talks(actors):
    events = pd.DataFrame({
        "date": [PartialDate(2003, 8, 27), PartialDate(2003, 4), PartialDate(2003, 7, 31)],
        "title": ["Six-party round", "Three-party talks", "Acceptance"],
        "category": ["talks", "talks", "diplomacy"],
        "actors": [("CHN", "JPN", "PRK", "KOR", "RUS", "USA"), ("USA", "CHN", "PRK"),
                   ("PRK", "RUS")],
    }, index=["six", "three", "accept"])
    return talks_table(events, actors, "talks")


# -- model --------------------------------------------------------------------------------

def test_factor_cards_say_whose_factor_it_is(factors):
    cards = factor_cards(factors)
    assert cards["factor"].tolist()[0] == "Peace on the peninsula"
    assert cards["¶"].tolist() == [2, 3, 7, 3]
    assert cards["whose"].tolist() == ["the article's", "the article's",
                                       "the course's addition", "the course's addition"]


def test_course_factors_in_keeps_only_the_courses_factors_of_those_paragraphs(factors):
    assert course_factors_in(factors, [7]).index.tolist() == ["far_east"]
    assert course_factors_in(factors, [2, 3, 7]).index.tolist() == ["far_east", "status"]
    assert course_factors_in(factors, [2]).empty


def test_factor_claims_put_the_stating_claim_first_and_cite_sources(claims):
    sources = pd.DataFrame({"title": ["Report one", "Report two"]}, index=["s1", "s2"])
    table = factor_claims(claims, sources, "seat")
    assert table["claim"].tolist() == ["c05 seat", "c07 kim", "c09 solid"]
    assert table["role"].tolist() == ["states it", "backs it", "backs it"]
    assert table["verdict"].tolist() == ["borne out", "error", "partly borne out"]
    assert table["verdict rests on"].tolist()[0] == "the course's reading (contested)"
    assert table["why"].tolist()[1] == "n5 (source: Report two)"
    peace = factor_claims(claims, sources, "peace")
    assert peace.loc[peace["claim"] == "c03 pilots", "why"].item() == "n3"


def test_verdict_tally_counts_each_group_and_names_what_holds_up(claims, factors):
    tally = verdict_tally(claims, factors.loc[["peace", "seat"]])
    assert tally.index.tolist() == ["Peace", "Seat"]
    assert tally.loc["Peace"].tolist() == [3, 2, 0, 1, 0, "c01, c03"]
    assert tally.loc["Seat"].tolist() == [3, 1, 1, 0, 1, "c05"]


def test_talks_table_lists_present_and_absent_actors_in_date_order(talks):
    assert talks["event"].tolist() == ["Three-party talks", "Six-party round"]
    assert talks.iloc[0]["present"] == "US, China, North Korea"
    assert talks.iloc[0]["absent"] == "Russia, South Korea, Japan"
    assert talks.iloc[1]["absent"] == ""


def test_in_lane_keeps_the_lane_of_a_category_and_an_actors_events(actors):
    events = pd.DataFrame({
        "date": [PartialDate(2013, 9, 22), PartialDate(2014, 5, 21), PartialDate(2015, 6, 1),
                 PartialDate(2017, 5, 17)],
        "title": ["Rail line", "Gas deal", "Trade deal", "Ferry"],
        "category": ["economy", "economy", "economy", "talks"],
        "actors": [("RUS", "PRK"), ("RUS", "CHN"), ("CHN", "KOR"), ("RUS", "PRK")],
        "source_id": ["s"] * 4, "note": ["54 km", None, None, None],
    }, index=["a", "b", "c", "d"])
    sources = pd.DataFrame({"title": ["S"]}, index=["s"])
    categories = pd.DataFrame({
        "label": ["economic deal", "talks", "summit"], "lane": ["Trade", "Meetings", "Meetings"],
        "marker": [None] * 3, "factor_ids": [("growth",), ("seat",), ("seat",)]},
        index=["economy", "talks", "summit"])
    table = timeline_table(events, actors, sources, ARTICLE, notes=True, categories=categories)
    assert table.loc["a", "note"] == "54 km" and table.loc["b", "note"] == ""
    assert in_lane(table, "economy", "Russia", categories).index.tolist() == ["a", "b"]  # id
    assert in_lane(table, "economic deal").index.tolist() == ["a", "b", "c"]  # by label
    assert in_lane(table, "Meetings").index.tolist() == ["d"]  # by lane
    assert in_lane(table, "summit").empty  # no summit in the table to find its lane by
    assert in_lane(table, "summit", categories=categories).index.tolist() == ["d"]
    assert lane_of("summit", categories) == lane_of("talks", categories) != lane_of(
        "economy", categories)
    assert factor_categories(categories, "seat") == ["talks", "summit"]


def test_evidence_table_sorts_by_date_and_sets_hindsight_apart():
    evidence = pd.DataFrame({
        "date": [PartialDate(2024, 6, 19), PartialDate(2015), PartialDate(2017, 10, 1)],
        "description": ["Hindsight: treaty", "Trade was small", "Internet link"],
        "source_id": ["a", "b", "a"]}, index=["e3", "e1", "e2"])
    sources = pd.DataFrame({"title": ["Report A", "Report B"]}, index=["a", "b"])
    table = evidence_table(evidence, sources, ARTICLE)
    assert table.index.tolist() == ["e1", "e2", "e3"]
    assert table["when"].tolist() == [BEFORE, BEFORE, AFTER]
    assert table["source"].tolist() == ["Report B", "Report A", "Report A"]


# -- feedback -------------------------------------------------------------------------------

def test_check_absent_actors_messages(talks, actors):
    assert check_absent_actors(None, talks, actors).startswith("Replace None")
    assert check_absent_actors(["JPN", "russia", "South Korea"], talks, actors) == (
        "Right: Russia, South Korea and Japan were absent from the first talks in the "
        "timeline (Apr 2003: Three-party talks). All 6 actors of the case first sat together "
        "on 27 Aug 2003: Six-party round.")
    assert check_absent_actors(["Russia", "China"], talks, actors) == (
        "Not quite: China took part in Three-party talks (Apr 2003); present were US, China "
        "and North Korea.")
    assert check_absent_actors(["Russia"], talks, actors) == (
        "Not quite: Russia was absent, but so were 2 more actors of the case: compare the "
        "present column with the list of actors.")
    assert check_absent_actors(["Russia", "Japan"], talks, actors).startswith(
        "Not quite: Russia and Japan were absent, but so was one more actor")
    assert check_absent_actors(["Mongolia"], talks, actors).startswith(
        "Not quite: 'Mongolia' names no actor of the case")
    assert check_absent_actors("Russia", talks, actors) == check_absent_actors(
        ["Russia"], talks, actors)  # one name in quotes is a list of one
    assert check_absent_actors(3, talks, actors).startswith("Not quite: give a list")


def test_check_better_supported_factor_messages(claims, factors):
    tally = verdict_tally(claims, factors.loc[["peace", "seat"]])
    assert check_better_supported_factor(" peace", tally) == (
        "Right: Peace has 2 of its 3 claims accurate or borne out (c01, c03); Seat has 1 of 3 "
        "(c05).")
    assert check_better_supported_factor("Seat", tally) == (
        "Not quite: Seat has 1 of its 3 claims accurate or borne out (c05); Peace has more: "
        "2 of 3 (c01, c03).")
    assert check_better_supported_factor("Far East", tally).startswith(
        "Not quite: 'Far East' is not one of the factors compared here: Peace and Seat.")
    assert check_better_supported_factor("Far East", tally, factors) == (
        "Not quite: Far East is a factor of the case, but not one of those compared here: "
        "Peace and Seat.")
    assert check_better_supported_factor(np.int64(1), tally).startswith(
        "Not quite: give the factor's short name in quotes")


def test_check_better_supported_factor_accepts_either_of_a_tie():
    tally = pd.DataFrame({"claims": [2, 2], "accurate or borne out": [1, 1],
                          "holding up": ["c1", "c2"]}, index=["A", "B"])
    assert check_better_supported_factor("B", tally) == (
        "Right: B has 1 of its 2 claims accurate or borne out (c2); A has 1 of 2 (c1), a tie.")


def _lesson_case(factors, categories, events):
    """A made-up case with just what lesson 03's selections read."""
    from types import SimpleNamespace
    return SimpleNamespace(factors=factors, categories=categories, events=events)


def test_the_exercise_counts_the_second_factors_kind_that_gathers_most_actors(factors):
    from casebook.facts.lesson_03 import gathering_category

    categories = pd.DataFrame({
        "label": ["call", "round", "visit", "deal"],
        "lane": ["Meetings"] * 3 + ["Trade"],
        "factor_ids": [("seat",), ("seat",), ("seat",), ("far_east",)],
    }, index=["call", "round", "visit", "deal"])
    events = pd.DataFrame({
        "category": ["call", "round", "round", "visit", "deal"],
        "actors": [("A", "B"), ("A", "B", "C", "D"), ("A", "B", "C"), ("A", "B"),
                   ("A", "B", "C", "D", "E")],
    })
    case = _lesson_case(factors, categories, events)
    # "deal" gathers more actors but shows another factor's record; "round" averages 3.5.
    assert gathering_category(case) == "round"
    # A tie goes to the first kind in categories.csv; no event of the factor's kinds: None.
    tied = events.assign(actors=[("A", "B")] * 5)
    assert gathering_category(_lesson_case(factors, categories, tied)) == "call"
    none = events[events["category"] == "deal"]
    assert gathering_category(_lesson_case(factors, categories, none)) is None
