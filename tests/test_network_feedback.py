"""The exercise checks of lesson 07: exact sentences for right answers and for each kind of
wrong one."""

import numpy as np
import pytest

from casebook.feedback import network as feedback
from casebook.model import network as net

tie = net.graph_from_ties


@pytest.fixture
def graph():
    """a, b, c friends but a - c mixed; d the enemy of all three."""
    return tie([("a", "b", "cooperative", 3), ("b", "c", "cooperative", 2),
                ("a", "c", "mixed", 2), ("a", "d", "hostile"), ("b", "d", "hostile"),
                ("c", "d", "hostile")])


# -- unbalanced triads ------------------------------------------------------------------------

def test_unbalanced_count_right_also_as_a_numpy_integer(graph):
    right = ("Right: 2 of the 4 triads counted are unbalanced when mixed ties count as hostile, "
             "so 2 (50%) are balanced.")
    assert feedback.check_unbalanced_count(2, graph) == right
    assert feedback.check_unbalanced_count(np.int64(2), graph) == right
    assert feedback.check_unbalanced_count("2", graph) == right
    assert feedback.check_unbalanced_count(2.0, graph) == right


@pytest.mark.parametrize(("answer", "message"), [
    (None, "Replace None with a whole number, then run the cell again."),
    (True, "Not quite: give a whole number (you gave True)."),
    ("two", "Not quite: give a whole number (you gave 'two')."),
    (2.5, "Not quite: give a whole number (you gave 2.5)."),
    (0, "Not quite: 0 is the number of unbalanced triads when mixed ties are left out, like "
        "neutral ones; the question asks for the number when mixed ties count as hostile."),
    (3, "Not quite: 3 is too many. Count the rows of the triad table whose status is "
        "'unbalanced'."),
    (7, "Not quite: there are only 4 triads to count (every three of the 4 actors)."),
])
def test_unbalanced_count_wrong_answers(graph, answer, message):
    assert feedback.check_unbalanced_count(answer, graph) == message


def test_unbalanced_count_too_few(graph):
    assert feedback.check_unbalanced_count(1, graph, mixed="as_positive") == (
        "Not quite: 1 is too many. Count the rows of the triad table whose status is "
        "'unbalanced'.")
    assert feedback.check_unbalanced_count(1, graph) == (
        "Not quite: 1 is too few. Count the rows of the triad table whose status is "
        "'unbalanced'.")


# -- the most strained triad ------------------------------------------------------------------

def test_most_strained_right_by_ids_names_or_a_string(graph):
    right = ("Right: a – b – c is the most strained triad when mixed ties count as hostile: its "
             "ties (cooperative 3, mixed 2, cooperative 2) add up to 7 (two of the friends "
             "are enemies).")
    assert feedback.check_most_strained(["c", "B", "a"], graph) == right
    assert feedback.check_most_strained("a – b – c", graph) == right
    assert feedback.check_most_strained(("a", "b", "c"), graph) == right


@pytest.mark.parametrize(("answer", "message"), [
    # No example: any three actors named would be a guess that might be the answer.
    (None, "Replace None with a list of the triad's three actors, by name or id, then run the "
           "cell again."),
    (["a", "b"], "Not quite: a triad has three actors, and your answer names 2."),
    (["a", "b", "x"], "Not quite: 'x' names no actor of the case; the actors are a, b, c and "
                      "d."),
    (["a", "b", "d"], "Not quite: a – b – d is balanced when mixed ties count as hostile (two "
                      "friends with a common enemy), so it is under no strain. Look at the "
                      "unbalanced triads."),
])
def test_most_strained_wrong_answers(graph, answer, message):
    assert feedback.check_most_strained(answer, graph) == message


def test_most_strained_a_weaker_unbalanced_triad_and_a_tie_at_the_top():
    graph = tie([("a", "b", "cooperative", 3), ("b", "c", "cooperative", 3),
                 ("a", "c", "hostile", 3), ("a", "d", "cooperative", 1),
                 ("b", "d", "hostile", 1), ("c", "d", "cooperative", 1)])
    assert feedback.check_most_strained(["a", "b", "d"], graph) == (
        "Not quite: a – b – d is unbalanced, but its ties add up to 5; another unbalanced "
        "triad's add up to 9. Sort the unbalanced triads by strain.")
    enemies = tie([(x, y, "hostile") for x, y in
                   [("a", "b"), ("a", "c"), ("b", "c"), ("a", "d"), ("b", "d"), ("c", "d")]])
    assert feedback.check_most_strained(["b", "c", "d"], enemies) == (
        "Right: b – c – d is the most strained triad when mixed ties count as hostile: its "
        "ties (hostile 1, hostile 1, hostile 1) add up to 3 (three mutual enemies). It "
        "shares the top with a – b – c, a – b – d, a – c – d.")


def test_most_strained_when_mixed_ties_are_left_out(graph):
    assert feedback.check_most_strained(["a", "b", "c"], graph, mixed="skip") == (
        "Not quite: no triad is unbalanced when mixed ties are left out, like neutral ones, "
        "so none is strained.")


# -- the focus actor's changed ties -----------------------------------------------------------

@pytest.fixture
def changes():
    old = tie([("a", "b", "mixed"), ("a", "c", "cooperative"), ("a", "d", "mixed", 2)])
    new = tie([("a", "b", "hostile"), ("a", "c", "cooperative"), ("a", "d", "hostile", 2)])
    return net.tie_changes(old, new), new


def test_partners_right_in_any_order_and_by_name(changes):
    table, graph = changes
    right = "Right: a's ties with b and d cooled (b: mixed 1 → hostile 1; d: mixed 2 → hostile 2)."
    assert feedback.check_partners_by_change(["d", "b"], table, graph, "a") == right
    assert feedback.check_partners_by_change("b, d", table, graph, "a") == right


@pytest.mark.parametrize(("answer", "message"), [
    (None, "Replace None with a list of actors, by name or id, then run the cell again."),
    (["b"], "Not quite: you have 1 of a's 2 cooled ties; one is missing. Read the rows of the "
            "changes table whose change is 'cooled'."),
    (["b", "c"], "Not quite: a's tie with c did not cool (it is unchanged: cooperative 1 → "
                 "cooperative 1)."),
    (["a", "b"], "Not quite: the question asks for a's partners, not a itself."),
    (["z"], "Not quite: 'z' names no actor of the case; the actors are a, b, c and d."),
])
def test_partners_wrong_answers(changes, answer, message):
    table, graph = changes
    assert feedback.check_partners_by_change(answer, table, graph, "a") == message


def test_partners_of_another_kind(changes):
    table, graph = changes
    assert feedback.check_partners_by_change([], table, graph, "a", kind="warmed") == (
        "Right: none of a's ties warmed.")
