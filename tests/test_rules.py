"""Each rule of rules.py on small hand-made rows with known answers, and the schema's own
guard against a rule naming a column its table lacks."""

import pytest

from casebook import schema
from casebook.dates import PartialDate
from casebook.rules import (
    CompleteGrid,
    Context,
    NotBefore,
    PairGrid,
    QuoteInParagraph,
    RefsAfterArticle,
    Rows,
    SomePositive,
    SumEquals,
)


def texts(problems):
    return [str(p) for p in problems]


def date(text):
    return PartialDate.parse(text)


def test_not_before_compares_whole_numbers():
    rows = Rows("periods.csv", {2: {"start_year": 2003, "end_year": 2009},
                                3: {"start_year": 2010, "end_year": 2009},
                                4: {"start_year": None, "end_year": 2009}})
    assert texts(NotBefore("end_year", "start_year").check(rows, Context())) == [
        "periods.csv, row 3, column 'end_year': found '2009'; expected a year no earlier than "
        "start_year (2010)."]


@pytest.mark.parametrize(("start", "end", "ok"), [
    ("2017-07-04", "2017-07-04", True),
    ("2017-07-04", "2017-07", True),  # an end month covers the whole month
    ("2017-07-04", "2017", True),
    ("2017-07", "2017-07-01", True),  # a start month may begin on its first day
    ("2017-07-04", "2017-07-03", False),
    ("2017-07-04", "2017-06", False),
    ("2017", "2016-12-31", False),
])
def test_not_before_compares_dates_of_any_precision(start, end, ok):
    rows = Rows("events.csv", {2: {"date": date(start), "end_date": date(end)}})
    problems = NotBefore("end_date", "date", noun="a date").check(rows, Context())
    assert (problems == []) == ok


def test_complete_grid_names_each_missing_pair():
    rows = Rows("effects.csv", {2: {"option_id": "a", "factor_id": "x"},
                                3: {"option_id": "b", "factor_id": "y"}})
    context = Context({"options": ["a", "b"], "factors": ["x", "y"]})
    found = CompleteGrid("option_id", "options", "factor_id", "factors").check(rows, context)
    assert [p.found for p in found] == ["no row for option_id=a, factor_id=y",
                                        "no row for option_id=b, factor_id=x"]


def test_complete_grid_is_silent_when_a_table_it_needs_failed():
    rows = Rows("effects.csv", {})
    assert CompleteGrid("option_id", "options", "factor_id", "factors").check(
        rows, Context({"options": ["a"]})) == []


def test_pair_grid_wants_every_pair_once_per_group_in_either_order():
    rule = PairGrid("period_id", "periods", "actor_a", "actor_b", "actors")
    rows = Rows("relations.csv", {
        2: {"period_id": "p1", "actor_a": "A", "actor_b": "B"},
        3: {"period_id": "p1", "actor_a": "C", "actor_b": "A"},  # either order is fine
        4: {"period_id": "p1", "actor_a": "B", "actor_b": "A"},  # the same pair again
        5: {"period_id": "p2", "actor_a": "A", "actor_b": "A"},  # an actor with itself
    })
    problems = rule.check(rows, Context({"periods": ["p1", "p2"], "actors": ["A", "B", "C"]}))
    assert [(p.row, p.column) for p in problems] == [
        (4, "actor_a + actor_b"), (5, "actor_b"), (None, "actor_a + actor_b"),
        (None, "actor_a + actor_b"), (None, "actor_a + actor_b"), (None, "actor_a + actor_b")]
    assert [p.found for p in problems[2:]] == [
        "no row for B / C in p1", "no row for A / B in p2", "no row for A / C in p2",
        "no row for B / C in p2"]


def test_sum_equals_wants_all_counts_or_none():
    rule = SumEquals(("votes_for", "votes_against", "abstentions"), 15, "the Council's seats")
    rows = Rows("un_votes.csv", {
        2: {"votes_for": 15, "votes_against": 0, "abstentions": 0},
        3: {"votes_for": 13, "votes_against": 2, "abstentions": 0},
        4: {"votes_for": None, "votes_against": None, "abstentions": None},
        5: {"votes_for": 13, "votes_against": 1, "abstentions": 0},
        6: {"votes_for": 15, "votes_against": None, "abstentions": 0},
        7: {"votes_for": None, "votes_against": 0, "abstentions": 0},  # reported already
    }, reported=frozenset({(7, "votes_for")}))
    assert [p.row for p in rule.check(rows, Context())] == [5, 6]


def test_quote_in_paragraph_ignores_curly_quotes_and_spacing_and_points_to_the_paragraph():
    context = Context(paragraphs={1: "It is \u201cvital\u201d,  he said.", 2: "Not a vital one."})
    rows = Rows("claims.csv", {2: {"paragraph": 1, "quote": 'It is "vital", he said'},
                               3: {"paragraph": 1, "quote": "Not a vital one"},
                               4: {"paragraph": 9, "quote": "anything"}})
    problems = QuoteInParagraph().check(rows, context)
    assert texts(problems) == [
        "claims.csv, row 3, column 'quote': 'Not a vital one', which is not in paragraph 1; "
        "expected words copied exactly from paragraph 1 of the article (the words are in "
        "paragraph 2)."]


def test_some_positive_names_each_all_zero_group():
    rows = Rows("preset_weights.csv", {
        2: {"preset_id": "a", "weight": 0.0}, 3: {"preset_id": "a", "weight": 0.0},
        4: {"preset_id": "b", "weight": 0.0}, 5: {"preset_id": "b", "weight": 0.5}})
    problems = SomePositive("weight", "preset_id").check(rows, Context())
    assert [p.expected for p in problems] == ["at least one weight above 0 for preset_id 'a'"]


def test_a_rule_naming_a_missing_column_stops_the_schema_from_building():
    with pytest.raises(ValueError, match=r"schema: table t has no column\(s\) \['end'\]"):
        schema.Table("t", "", "", "", (schema.Column("start", schema.INTEGER, ""),),
                     key=("start",), rules=(NotBefore("end", "start"),))


def test_every_declared_rule_names_columns_of_its_table():
    for table in schema.TABLES.values():
        for rule in table.rules:
            assert set(rule.columns()) <= set(table.column_names)
            assert set(rule.tables()) <= set(schema.TABLES)


def test_refs_after_article_accept_only_later_rows_and_count_a_same_month_date_as_known():
    context = Context(article_date=date("2017-10-13"), dates={"events": {
        "later": date("2017-11-29"), "before": date("2017-07-04"), "month": date("2017-10")}})
    rows = Rows("hindsight.csv", {2: {"event_ids": ("later", "before")},
                                  3: {"event_ids": ("month",)}, 4: {"event_ids": None}})
    problems = RefsAfterArticle("event_ids", "events").check(rows, context)
    assert [(p.row, p.value) for p in problems] == [(2, "before"), (3, "month")]
